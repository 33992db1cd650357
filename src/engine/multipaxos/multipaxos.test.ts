import { describe, expect, it } from 'vitest';
import { toActions, toSimConfig } from '../../scenario/config';
import { parseScenario } from '../../scenario/validate';
import { Run } from '../run';
import type { Context, Effect } from '../sim/protocol';
import type { NodeSlot } from '../sim/types';
import { multipaxos } from './index';
import { type MultiPaxosFields, withFields } from './fixtures.test-helper';
import { Slots } from './slots';
import { initialState } from './state';
import type { MultiPaxosMessage, MultiPaxosState } from './types';

function ctxFor(self: number, n = 3, bugs: string[] = []): Context {
  const nodes = Array.from({ length: n }, (_, i) => i + 1);
  return {
    self, nodes, bugs: new Set(bugs), options: {}, proposers: nodes,
    timing: { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 },
  };
}
const state = (fields: MultiPaxosFields = {}): MultiPaxosState => withFields(initialState(), fields);
const sent = (effects: readonly Effect<MultiPaxosMessage>[]) => effects.flatMap((e) => (e.kind === 'send' ? [{ to: e.to, msg: e.msg }] : []));
const msg = (s: MultiPaxosState, from: number, m: MultiPaxosMessage, ctx: Context) => multipaxos.handle(s, { kind: 'message', from, msg: m }, ctx);

describe('Multi-Paxos: a new leader runs phase 1 once for all slots', () => {
  const candidate = state({ role: 'candidate', ballot: [3, 1], promises: [{ from: 1, accepted: Slots.of({ 1: { ballot: [1, 2], value: 'set a 1' } }) }] });

  it('adopts the highest-ballot value reported for each open slot and fills gaps with no-ops', () => {
    const step = msg(candidate, 2, { type: 'Promise', ballot: [3, 1], accepted: Slots.of({ 1: { ballot: [2, 3], value: 'set a 2' }, 3: { ballot: [2, 3], value: 'set c 3' } }) }, ctxFor(1));
    expect(step.state).toMatchObject({ role: 'leader', leader: 1, nextSlot: 4 });
    const accepts = sent(step.effects).filter((s) => s.msg.type === 'Accept' && s.to === 2).map((s) => s.msg);
    expect(accepts).toEqual([
      { type: 'Accept', ballot: [3, 1], slot: 1, value: 'set a 2' },
      { type: 'Accept', ballot: [3, 1], slot: 2, value: 'noop' },
      { type: 'Accept', ballot: [3, 1], slot: 3, value: 'set c 3' },
    ]);
  });

  it('mutant noAdoptOnLeaderChange proposes no-ops over reported values', () => {
    const step = msg(candidate, 2, { type: 'Promise', ballot: [3, 1], accepted: Slots.empty() }, ctxFor(1, 3, ['noAdoptOnLeaderChange']));
    expect(sent(step.effects).find((s) => s.msg.type === 'Accept')!.msg).toMatchObject({ slot: 1, value: 'noop' });
  });
});

describe('Multi-Paxos: a stable leader', () => {
  it('puts a client command in the next slot with one round trip (phase 2 only)', () => {
    const step = multipaxos.handle(state({ role: 'leader', leader: 1, ballot: [3, 1], nextSlot: 5 }), { kind: 'request', command: 'set x 1' }, ctxFor(1));
    expect(step.state.nextSlot).toBe(6);
    expect(sent(step.effects).map((s) => s.msg)).toEqual([1, 2, 3].map(() => ({ type: 'Accept', ballot: [3, 1], slot: 5, value: 'set x 1' })));
  });

  it('a follower forwards commands to the leader it knows', () => {
    const step = multipaxos.handle(state({ leader: 2 }), { kind: 'request', command: 'set x 1' }, ctxFor(1));
    expect(sent(step.effects)).toEqual([{ to: 2, msg: { type: 'ClientRequest', command: 'set x 1' } }]);
  });
});

describe('Multi-Paxos: replicas', () => {
  it('decide a slot on a majority of acceptances at one ballot, and apply only without gaps', () => {
    const ctx = ctxFor(3);
    let s = state();
    for (const from of [1, 2]) s = msg(s, from, { type: 'Accepted', ballot: [1, 1], slot: 2, value: 'b' }, ctx).state;
    expect(s.decided.toJSON()).toEqual({ 2: 'b' });
    expect(s.applied).toBe(0);
    s = msg(s, 1, { type: 'Accepted', ballot: [1, 1], slot: 1, value: 'a' }, ctx).state;
    const step = msg(s, 2, { type: 'Accepted', ballot: [1, 1], slot: 1, value: 'a' }, ctx);
    expect(step.state.applied).toBe(2);
    expect(step.effects.filter((e) => e.kind === 'apply')).toEqual([
      { kind: 'apply', index: 0, command: 'a' }, { kind: 'apply', index: 1, command: 'b' },
    ]);
  });

  it('a replica behind the leader asks to catch up, and applies what it is sent', () => {
    const ctx = ctxFor(3);
    const beat = msg(state(), 1, { type: 'Heartbeat', ballot: [1, 1], applied: 2 }, ctx);
    expect(sent(beat.effects)).toEqual([{ to: 1, msg: { type: 'CatchUp', from: 1 } }]);
    const decided = msg(beat.state, 1, { type: 'Decide', entries: [[1, 'a'], [2, 'b']] }, ctx);
    expect(decided.state).toMatchObject({ applied: 2 });
    expect(decided.state.decided.toJSON()).toEqual({ 1: 'a', 2: 'b' });
  });

  it('a replica that catches up drops the tallies of the slots it learned', () => {
    const tally = (slot: number) => ({ slot, ballot: [1, 1] as const, value: `v${slot}`, from: [2] });
    const s = state({ tallies: [tally(1), tally(3), tally(2)] });
    const step = msg(s, 1, { type: 'Decide', entries: [[1, 'v1'], [2, 'v2']] }, ctxFor(3));
    expect(step.state.tallies.map((t) => t.slot)).toEqual([3]);
  });

  it('a crash keeps promised, accepted, decided and applied', () => {
    const before = state({ promised: [2, 1], accepted: { 1: { ballot: [2, 1], value: 'a' } }, decided: { 1: 'a' }, applied: 1, role: 'leader', leader: 1, nextSlot: 9 });
    expect(multipaxos.crash(before, ctxFor(1))).toEqual(state({ promised: [2, 1], accepted: { 1: { ballot: [2, 1], value: 'a' } }, decided: { 1: 'a' }, applied: 1 }));
  });
});

describe('Multi-Paxos: what a replica keeps over a long run', () => {
  // Issue 13: slots learned by catch-up left their tallies behind, so under loss every node's
  // tallies grew with the run (about 250 at 300 s), and each Accepted scanned and copied them all.
  it('under 20% loss and duplication, a node\'s tallies hold only slots it has not decided, and stay few', () => {
    const parsed = parseScenario({
      version: 2, protocol: 'multipaxos', nodes: 5, seed: 1, network: { dropRate: 0.2, duplicateRate: 0.2 },
      actions: Array.from({ length: 400 }, (_, i) => ({ at: 500 + i * 100, type: 'request', node: 1 + (i % 5), command: `set k${i % 64} ${i}` })),
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const run = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
    let most = 0;
    let stale = 0;
    let decides = 0;
    run.sim.onEvent((rec) => {
      if (rec.kind === 'deliver' && rec.msg?.msg.type === 'Decide') decides++;
      if (rec.node === null) return;
      const s = run.sim.node(rec.node).state as MultiPaxosState;
      most = Math.max(most, s.tallies.length);
      stale += s.tallies.filter((t) => s.decided.get(t.slot) !== undefined).length;
    });
    run.runUntil(41_000);
    expect(run.violations).toEqual([]);
    const nodes = run.sim.nodes() as readonly NodeSlot<MultiPaxosState>[];
    // The run did catch up by Decide (the path that leaked), and went far.
    expect(Math.min(...nodes.map((n) => n.state.applied))).toBeGreaterThan(350);
    expect(run.sim.world.events).toBeGreaterThan(20_000);
    expect(decides).toBeGreaterThan(50);
    expect(stale).toBe(0);
    // Only slots in flight: a few commands' worth, not one per slot of the run.
    expect(most).toBeLessThan(20);
  });
});

describe('Multi-Paxos: liveness when phase 2 messages are lost', () => {
  it('the leader proposes again, at a heartbeat, every slot it proposed before the previous one and still has not seen decided', () => {
    const leader = state({ role: 'leader', leader: 1, ballot: [2, 1], nextSlot: 5, resendBelow: 4, applied: 1,
      proposals: { 2: 'b', 3: 'c', 4: 'd' }, decided: { 1: 'a', 3: 'c' } });
    const step = multipaxos.handle(leader, { kind: 'timer', name: 'heartbeat' }, ctxFor(1));
    // Slot 3 is decided and slot 4 is younger than one heartbeat interval: only slot 2 goes again.
    expect(sent(step.effects).filter((s) => s.msg.type === 'Accept').map((s) => [s.to, s.msg])).toEqual(
      [1, 2, 3].map((to) => [to, { type: 'Accept', ballot: [2, 1], slot: 2, value: 'b' }]));
    expect(step.state.resendBelow).toBe(5);
  });

  it('a follower sends the leader the decisions it missed, but not one that may be crossing the heartbeat', () => {
    const ctx = ctxFor(3);
    const follower = state({ leader: 1, decided: { 1: 'a', 2: 'b', 3: 'c' }, applied: 3, appliedAtBeat: 2 });
    const step = msg(follower, 1, { type: 'Heartbeat', ballot: [1, 1], applied: 0 }, ctx);
    expect(sent(step.effects)).toEqual([{ to: 1, msg: { type: 'Decide', entries: [[1, 'a'], [2, 'b']] } }]);
    expect(step.state.appliedAtBeat).toBe(3);
    const leader = msg(state({ role: 'leader', leader: 1, ballot: [1, 1] }), 3, { type: 'Decide', entries: [[1, 'a'], [2, 'b']] }, ctxFor(1));
    expect(leader.state.applied).toBe(2);
  });

  // Regression (issue 18): phase 2 was sent once and never retried, so one lost Accept blocked every later slot forever.
  it('regression: the Accept messages for slot 1 are lost; slot 2 is decided; every replica still applies both', () => {
    const parsed = parseScenario({
      version: 1, protocol: 'multipaxos', nodes: 3, seed: 3,
      actions: [
        { at: 5, type: 'timeout', node: 1 },
        { at: 199, type: 'cut', from: 1, to: 2 }, { at: 199, type: 'cut', from: 1, to: 3 },
        { at: 200, type: 'request', node: 1, command: 'set a 1' },
        { at: 230, type: 'restore', from: 1, to: 2 }, { at: 230, type: 'restore', from: 1, to: 3 },
        { at: 300, type: 'request', node: 1, command: 'set b 2' },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const run = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
    run.runUntil(600);
    expect(run.violations).toEqual([]);
    for (const node of run.sim.nodes() as readonly NodeSlot<MultiPaxosState>[]) {
      expect(node.state.applied).toBe(2);
      expect(node.state.decided.toJSON()).toEqual({ 1: 'set a 1', 2: 'set b 2' });
    }
  });
});
