import { TRUE_CLOCK } from '../sim/clock';
import { describe, expect, it } from 'vitest';
import { type MultiPaxosFields, withFields } from '../multipaxos/fixtures.test-helper';
import { initialState } from '../multipaxos/state';
import type { MultiPaxosState } from '../multipaxos/types';
import type { NodeSlot } from '../sim/types';
import { MultiPaxosMonitor } from './multipaxos';

/** Sets node states one event at a time and collects what the monitor says. */
function harness() {
  const monitor = new MultiPaxosMonitor(3);
  const nodes: NodeSlot<MultiPaxosState>[] = [1, 2, 3].map((id) => ({ id, up: true, crashedAt: -1, paused: false, clock: TRUE_CLOCK, state: initialState(), timers: {} }));
  let seq = 0;
  return (id: number, fields: MultiPaxosFields) => {
    nodes[id - 1].state = withFields(nodes[id - 1].state, fields);
    return monitor.observe(++seq, seq, id, nodes).map((v) => v.predicate);
  };
}

describe('Multi-Paxos safety predicates: each one can fail', () => {
  const acc = (value: string, round = 1) => ({ 1: { ballot: [round, 1] as const, value } });

  it('onlyProposedChosen: a majority accepts a value no leader proposed for that slot', () => {
    const set = harness();
    set(1, { proposals: { 1: 'a' } });
    set(1, { accepted: acc('b') });
    expect(set(2, { accepted: acc('b') })).toContain('onlyProposedChosen');
  });

  it('atMostOneChosenPerSlot: two values chosen for one slot', () => {
    const set = harness();
    set(1, { proposals: { 1: 'a' } });
    set(1, { accepted: acc('a') });
    expect(set(2, { accepted: acc('a') })).toEqual([]);
    set(3, { proposals: { 1: 'b' } });
    set(2, { accepted: acc('b', 2) });
    expect(set(3, { accepted: acc('b', 2) })).toContain('atMostOneChosenPerSlot');
  });

  it('atMostOneChosenPerSlot: acceptances of another value from before the slot was chosen still count', () => {
    const set = harness();
    set(1, { proposals: { 1: 'a' } });
    set(3, { accepted: acc('b', 2) });
    set(1, { accepted: acc('a') });
    expect(set(2, { accepted: acc('a') })).toEqual([]);
    // The chosen value again, at a later ballot: nothing to report.
    expect(set(1, { accepted: acc('a', 3) })).toEqual([]);
    expect(set(2, { accepted: acc('b', 2) })).toContain('atMostOneChosenPerSlot');
  });

  it('decidedOnlyChosen and replicasAgree: a replica decides a value nobody chose, unlike another', () => {
    const set = harness();
    set(1, { proposals: { 1: 'a' } });
    set(1, { accepted: acc('a') });
    set(2, { accepted: acc('a') });
    expect(set(1, { decided: { 1: 'a' }, applied: 1 })).toEqual([]);
    expect(set(3, { decided: { 1: 'z' } })).toEqual(expect.arrayContaining(['decidedOnlyChosen', 'replicasAgree']));
  });

  it('appliedInOrder: applied beyond a slot that is not decided', () => {
    expect(harness()(1, { decided: { 2: 'b' }, applied: 2 })).toContain('appliedInOrder');
  });

  it('acceptNotBelowPromise and promiseMonotonic', () => {
    const set = harness();
    set(1, { promised: [3, 2] });
    expect(set(1, { accepted: acc('a', 1) })).toContain('acceptNotBelowPromise');
    expect(set(1, { promised: null })).toContain('promiseMonotonic');
  });

  it('a clone keeps the history it had, and only that: acceptances after the copy stay with the original', () => {
    const monitor = new MultiPaxosMonitor(3);
    const nodes: NodeSlot<MultiPaxosState>[] = [1, 2, 3].map((id) => ({ id, up: true, crashedAt: -1, paused: false, clock: TRUE_CLOCK, state: initialState(), timers: {} }));
    const set = (m: MultiPaxosMonitor, seq: number, id: number, fields: MultiPaxosFields) => {
      nodes[id - 1].state = withFields(nodes[id - 1].state, fields);
      return m.observe(seq, seq, id, nodes).map((v) => v.predicate);
    };
    set(monitor, 1, 1, { proposals: { 1: 'a' } });
    set(monitor, 2, 1, { accepted: acc('a') });
    const copy = monitor.clone();
    const snapshot = nodes.map((n) => ({ ...n }));
    set(monitor, 3, 2, { accepted: acc('a') });
    expect(set(monitor, 4, 3, { decided: { 1: 'a' } })).toEqual([]);
    nodes.splice(0, 3, ...snapshot);
    expect(set(copy, 3, 3, { decided: { 1: 'a' } })).toEqual(['decidedOnlyChosen']);
  });
});
