import { TRUE_CLOCK } from '../sim/clock';
import { describe, expect, it } from 'vitest';
import { ctxFor, type RaftFields, stateWith, withFields } from '../raft/fixtures.test-helper';
import type { LogEntry, RaftState } from '../raft/types';
import type { NodeSlot } from '../sim/types';
import { RaftMonitor } from './raft';

const ctx = ctxFor(1, 3);
const t = (term: number, command: string): LogEntry => ({ term, command });

/** A tiny harness: set node states one event at a time and collect what the monitor says. */
function harness() {
  const monitor = new RaftMonitor();
  const nodes: NodeSlot<RaftState>[] = [1, 2, 3].map((id) => ({ id, up: true, crashedAt: -1, paused: false, clock: TRUE_CLOCK, state: stateWith(ctx, {}), timers: {} }));
  let seq = 0;
  return {
    monitor,
    set(id: number, fields: RaftFields) {
      nodes[id - 1].state = withFields(nodes[id - 1].state, fields);
      return monitor.observe(++seq, seq, id, nodes).map((v) => v.predicate);
    },
  };
}

describe('Raft safety predicates: each one can fail', () => {
  it('electionSafety: two leaders of one term, over the whole history', () => {
    const h = harness();
    expect(h.set(1, { currentTerm: 2, currentRole: 'leader' })).toEqual([]);
    expect(h.set(1, { currentTerm: 3, currentRole: 'follower' })).toEqual([]);
    expect(h.set(2, { currentTerm: 2, currentRole: 'leader' })).toEqual(['electionSafety']);
  });

  it('leaderAppendOnly: a leader rewrites its own log within its term', () => {
    const h = harness();
    h.set(1, { currentTerm: 2, currentRole: 'leader', log: [t(1, 'a'), t(2, 'b')] });
    expect(h.set(1, { log: [t(1, 'a'), t(2, 'b'), t(2, 'c')] })).toEqual([]);
    expect(h.set(1, { log: [t(1, 'a')] })).toContain('leaderAppendOnly');
  });

  it('logMatching: same term at an index but different earlier entries', () => {
    const h = harness();
    h.set(1, { log: [t(1, 'a'), t(2, 'b')] });
    expect(h.set(2, { log: [t(1, 'a'), t(2, 'b'), t(2, 'c')] })).toEqual([]);
    expect(h.set(3, { log: [t(1, 'x'), t(2, 'b')] })).toContain('logMatching');
  });

  it('committedPrefix: two nodes commit different entries at one index', () => {
    const h = harness();
    h.set(1, { currentTerm: 1, log: [t(1, 'a')], commitLength: 1 });
    expect(h.set(2, { currentTerm: 1, log: [t(1, 'a'), t(1, 'b')], commitLength: 2 })).toEqual([]);
    expect(h.set(3, { currentTerm: 2, log: [t(1, 'a'), t(2, 'z')], commitLength: 2 })).toContain('committedPrefix');
  });

  it('committedPrefix: a node\'s committed prefix shrinks', () => {
    const h = harness();
    h.set(1, { log: [t(1, 'a')], commitLength: 1 });
    expect(h.set(1, { commitLength: 0 })).toContain('committedPrefix');
  });

  it('leaderCompleteness: a later-term leader lacks a committed entry', () => {
    const h = harness();
    h.set(1, { currentTerm: 1, log: [t(1, 'a')], commitLength: 1 });
    expect(h.set(2, { currentTerm: 1, currentRole: 'leader', log: [t(1, 'a')] })).toEqual([]);
    expect(h.set(3, { currentTerm: 2, currentRole: 'leader', log: [] })).toContain('leaderCompleteness');
  });

  it('termMonotonic: currentTerm goes back (e.g. forgotten on restart)', () => {
    const h = harness();
    h.set(1, { currentTerm: 4 });
    expect(h.set(1, { currentTerm: 3 })).toContain('termMonotonic');
  });

  it('singleVote: two different votes in one term, even across a restart', () => {
    const h = harness();
    h.set(1, { currentTerm: 2, votedFor: 2 });
    h.set(1, { votedFor: null });
    expect(h.set(1, { votedFor: 3 })).toContain('singleVote');
  });

  it('a clone keeps the history: the copy still catches a second leader', () => {
    const h = harness();
    h.set(1, { currentTerm: 2, currentRole: 'leader' });
    const copy = h.monitor.clone();
    const nodes: NodeSlot<RaftState>[] = [1, 2, 3].map((id) => ({
      id, up: true, crashedAt: -1, paused: false, clock: TRUE_CLOCK, timers: {}, state: stateWith(ctx, id === 2 ? { currentTerm: 2, currentRole: 'leader' } : {}),
    }));
    expect(copy.observe(9, 9, 2, nodes).map((v) => v.predicate)).toEqual(['electionSafety']);
  });

  it('a clone taken earlier does not see what the original learns afterwards', () => {
    const h = harness();
    const copy = h.monitor.clone();
    h.set(1, { currentTerm: 2, currentRole: 'leader' });
    const nodes: NodeSlot<RaftState>[] = [1, 2, 3].map((id) => ({
      id, up: true, crashedAt: -1, paused: false, clock: TRUE_CLOCK, timers: {}, state: stateWith(ctx, id === 2 ? { currentTerm: 2, currentRole: 'leader' } : {}),
    }));
    expect(copy.observe(9, 9, 2, nodes)).toEqual([]);
  });

  it('logMatching remembers entries a log no longer holds', () => {
    const h = harness();
    h.set(1, { log: [t(1, 'a'), t(2, 'b')] });
    h.set(1, { log: [t(1, 'a')] });
    expect(h.set(2, { log: [t(1, 'x'), t(2, 'b')] })).toContain('logMatching');
  });

  it('leaderCompleteness: a leader holding the last committed entry but not an earlier one fails Log Matching', () => {
    const h = harness();
    h.set(1, { currentTerm: 1, log: [t(1, 'a'), t(1, 'b')], commitLength: 2 });
    expect(h.set(2, { currentTerm: 2, currentRole: 'leader', log: [t(1, 'z'), t(1, 'b')] })).toContain('logMatching');
  });

  it('checks only what an event changed, yet still catches a change to an old committed entry', () => {
    const h = harness();
    const long = Array.from({ length: 500 }, (_, i) => t(1, `c${i}`));
    h.set(1, { currentTerm: 1, log: long, commitLength: 500 });
    expect(h.set(2, { currentTerm: 1, log: long, commitLength: 500 })).toEqual([]);
    const changed = long.map((e, i) => (i === 3 ? t(1, 'other') : e));
    expect(h.set(2, { log: changed })).toEqual(expect.arrayContaining(['logMatching', 'committedPrefix']));
  });
});
