import { describe, expect, it } from 'vitest';
import type { RaftState } from '../raft/types';
import { Run } from '../run';
import { localTime } from './clock';
import { pendingChoices } from './pending';
import type { Action, SimConfig, TraceRecord, UnstampedAction } from './types';

function config(over: Partial<SimConfig> = {}, manual = false): SimConfig {
  return {
    protocol: 'raft', nodes: 3, seed: 5,
    timing: { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 },
    network: { dropRate: 0, duplicateRate: 0, manual }, options: { noopOnElection: false }, bugs: [], ...over,
  };
}

function record(run: Run): TraceRecord<{ type: string }>[] {
  const out: TraceRecord<{ type: string }>[] = [];
  run.sim.onEvent((r) => out.push(r));
  return out;
}

/** Acts as the page does: the action runs 1 ms after the present. */
function act(run: Run, a: UnstampedAction, log: Action[] = []): TraceRecord<{ type: string }> {
  const action = { ...a, at: run.sim.time + 1 } as Action;
  log.push(action);
  let last: TraceRecord<{ type: string }> | null = null;
  const off = run.sim.onEvent((r) => { if (r.action === action) last = r; });
  run.sim.schedule(action);
  run.runUntil(action.at);
  off();
  return last!;
}

const raft = (run: Run, id: number) => run.sim.node(id).state as RaftState;

describe('manual delivery: the student is the network', () => {
  it('nothing is delivered and no timer fires until chosen, however long the run plays', () => {
    const run = new Run(config({}, true), []);
    const trace = record(run);
    run.runUntil(10_000);
    expect(trace.map((r) => r.kind)).toEqual(['start', 'start', 'start']);
    const choices = pendingChoices(run.sim);
    expect(choices.map((c) => c.kind)).toEqual(['timer', 'timer', 'timer']);
    expect(choices.every((c) => c.due)).toBe(true);
    // The host pauses at the first timer's deadline.
    expect(run.sim.nextDue()).toBe(Math.min(...run.sim.nodes().map((n) => n.timers.election!.at)));
  });

  it('fires a chosen timer, then delivers the votes in the order chosen: S3 before S2', () => {
    const run = new Run(config({}, true), []);
    run.runUntil(0);
    const fired = act(run, { type: 'fire', node: 1, timer: 'election' });
    expect(fired.kind).toBe('timer');
    expect(fired.rule).toBe('raft.electionTimeout');
    const requests = pendingChoices(run.sim).filter((c) => c.kind === 'message');
    expect(requests.map((c) => c.kind === 'message' && `${c.type} S${c.from}→S${c.to}`).sort()).toEqual(['VoteRequest S1→S2', 'VoteRequest S1→S3']);
    const toS3 = requests.find((c) => c.kind === 'message' && c.to === 3)!;
    const d = act(run, { type: 'deliver', message: toS3.kind === 'message' ? toS3.id : 0 });
    expect(d.kind).toBe('deliver');
    expect(d.node).toBe(3);
    expect(d.rule).toBe('raft.voteRequest');
    expect(raft(run, 3).votedFor).toBe(1);
    expect(raft(run, 2).votedFor).toBeNull();
    const grant = pendingChoices(run.sim).find((c) => c.kind === 'message' && c.type === 'VoteResponse')!;
    act(run, { type: 'deliver', message: grant.kind === 'message' ? grant.id : 0 });
    expect(raft(run, 1).currentRole).toBe('leader');
    expect(run.safe).toBe(true);
  });

  it('a recorded choice sequence replays as a plain scenario to the same trace hash', () => {
    const run = new Run(config({}, true), []);
    const log: Action[] = [];
    run.runUntil(0);
    act(run, { type: 'fire', node: 2, timer: 'election' }, log);
    for (let i = 0; i < 12; i++) {
      const msgs = pendingChoices(run.sim).filter((c) => c.kind === 'message');
      if (msgs.length === 0) break;
      const last = msgs[msgs.length - 1];
      act(run, { type: i % 5 === 4 ? 'duplicate' : 'deliver', message: last.kind === 'message' ? last.id : 0 }, log);
    }
    const replay = new Run(config({}, true), log);
    replay.runUntil(run.sim.time);
    expect(replay.sim.traceHash).toBe(run.sim.traceHash);
    expect(replay.sim.world.events).toBe(run.sim.world.events);
  });

  it('switching manual delivery off puts what waits back on the clock; overdue events happen at once', () => {
    const run = new Run(config({}, true), []);
    run.runUntil(1000);
    const trace = record(run);
    act(run, { type: 'network', manual: false });
    run.runUntil(1001);
    // Every election timer was overdue: all three fire at once, in deadline order.
    expect(trace.filter((r) => r.kind === 'timer').map((r) => r.t)).toEqual([1001, 1001, 1001]);
    run.runUntil(3000);
    expect(run.sim.nodes().some((n) => (n.state as RaftState).currentRole === 'leader')).toBe(true);
    expect(run.safe).toBe(true);
  });

  it('refuses what cannot be chosen, with a reason, and changes nothing', () => {
    const run = new Run(config({}, true), []);
    run.runUntil(0);
    const before = run.sim.traceHash;
    expect(act(run, { type: 'deliver', message: 99 }).text()).toBe('Cannot deliver: message 99 is not in flight');
    expect(act(run, { type: 'fire', node: 1, timer: 'heartbeat' }).text()).toBe('S1 has no heartbeat timer running');
    expect(act(run, { type: 'release', message: 1 }).text()).toBe('Message 1 is not held');
    expect(run.sim.traceHash).not.toBe(before);
    expect(run.sim.world.pending).toEqual([]);
    expect(Object.values(run.sim.node(1).timers).filter((t) => t !== null)).toHaveLength(1);
  });
});

describe('one message at a time, on the clock', () => {
  function electing(): { run: Run; id: number } {
    const run = new Run(config(), [{ at: 1, type: 'timeout', node: 1 }]);
    run.runUntil(1);
    const env = run.sim.inFlight().find((e) => e.to === 2)!;
    return { run, id: env.id };
  }

  it('hold keeps a message in flight past its arrival; release lets it fly the rest of its way', () => {
    const { run, id } = electing();
    const env = run.sim.inFlight().find((e) => e.id === id)!;
    const trace = record(run);
    act(run, { type: 'hold', message: id });
    run.runUntil(env.deliverAt + 100);
    expect(trace.some((r) => r.msg?.id === id)).toBe(false);
    expect(pendingChoices(run.sim)).toMatchObject([{ kind: 'message', id, held: true, due: false }]);
    const releasedAt = run.sim.time + 1;
    act(run, { type: 'release', message: id });
    const released = run.sim.inFlight().find((e) => e.id === id)!;
    // Held at 2 ms, due at deliverAt: that much flight was left.
    expect(released.deliverAt).toBe(releasedAt + env.deliverAt - 2);
    expect(released.heldFor).toBe(releasedAt - 2);
    run.runUntil(released.deliverAt);
    expect(trace.find((r) => r.msg?.id === id)?.kind).toBe('deliver');
  });

  it('deliver now: the chosen message arrives at once, as one event carrying the action', () => {
    const { run, id } = electing();
    const d = act(run, { type: 'deliver', message: id });
    expect(d.t).toBe(2);
    expect(d.kind).toBe('deliver');
    expect(d.msg?.id).toBe(id);
    expect(d.action?.type).toBe('deliver');
    expect(run.sim.inFlight().some((e) => e.id === id)).toBe(false);
  });

  it('duplicate: a copy flies from now and is delivered too; the second vote request is answered again', () => {
    const { run, id } = electing();
    const trace = record(run);
    act(run, { type: 'duplicate', message: id });
    const copy = run.sim.inFlight().find((e) => e.duplicateOf === id)!;
    expect(copy.sentAt).toBe(2);
    run.runUntil(100);
    expect(trace.filter((r) => r.kind === 'deliver' && (r.msg?.id === id || r.msg?.id === copy.id))).toHaveLength(2);
    expect(run.safe).toBe(true);
  });

  it('drop takes a held message too', () => {
    const { run, id } = electing();
    act(run, { type: 'hold', message: id });
    expect(act(run, { type: 'drop', message: id }).kind).toBe('action');
    expect(run.sim.inFlight().some((e) => e.id === id)).toBe(false);
  });
});

describe('partitions into any number of groups', () => {
  it('three groups of five: nobody has a majority, no leader is elected; healing one group lets a majority form', () => {
    const run = new Run(config({ nodes: 5 }), [{ at: 0, type: 'partition', groups: [[1, 2], [3, 4], [5]] }]);
    run.runUntil(5000);
    expect(run.sim.nodes().some((n) => (n.state as RaftState).currentRole === 'leader')).toBe(false);
    const text = act(run, { type: 'heal', nodes: [5] }).text();
    expect(text).toBe('S5 rejoins everyone; {S1, S2} | {S3, S4} stay apart');
    // S5 talks to every group: whoever wins S5's vote and its own group's has three of five.
    run.runUntil(10_000);
    expect(run.sim.nodes().some((n) => (n.state as RaftState).currentRole === 'leader')).toBe(true);
    expect(act(run, { type: 'heal', nodes: [1, 2] }).text()).toBe('S1, S2 rejoin the others: the partition heals');
    expect(run.sim.world.network.groups).toBeNull();
    expect(run.safe).toBe(true);
  });
});

describe('process pause', () => {
  it('a paused node keeps its state; messages to it wait, its timers fire late, on resume', () => {
    const run = new Run(config(), [{ at: 0, type: 'pause', node: 3 }]);
    const trace = record(run);
    run.runUntil(2000);
    // S3 never even started: its start waits too. The others elect a leader.
    expect(trace.some((r) => r.node === 3 && r.kind !== 'action')).toBe(false);
    expect(raft(run, 3).currentTerm).toBe(0);
    const waiting = run.sim.world.parked.length;
    expect(waiting).toBeGreaterThan(10);
    expect(act(run, { type: 'request', node: 3, command: 'set x 1' }).kind).toBe('refused');
    act(run, { type: 'resume', node: 3 });
    // Everything that waited happens at once, in the order it arrived.
    const late = trace.filter((r) => r.node === 3 && r.t === run.sim.time);
    expect(late.length).toBeGreaterThanOrEqual(waiting);
    expect(late[1].kind).toBe('start');
    run.runUntil(3000);
    expect(raft(run, 3).currentTerm).toBe(raft(run, 1).currentTerm);
    expect(run.safe).toBe(true);
  });

  it('a leader paused past the election timeout comes back to a newer term and steps down', () => {
    const run = new Run(config(), []);
    run.runUntil(1000);
    const leader = run.sim.nodes().find((n) => (n.state as RaftState).currentRole === 'leader')!.id;
    const term = raft(run, leader).currentTerm;
    act(run, { type: 'pause', node: leader });
    run.runUntil(2000);
    expect(raft(run, leader).currentRole).toBe('leader');
    act(run, { type: 'resume', node: leader });
    run.runUntil(2100);
    expect(raft(run, leader).currentRole).toBe('follower');
    expect(raft(run, leader).currentTerm).toBeGreaterThan(term);
    expect(run.safe).toBe(true);
  });

  it('a paused node that crashes loses what waited for it, and can then recover', () => {
    const run = new Run(config(), [{ at: 0, type: 'pause', node: 2 }]);
    const trace = record(run);
    run.runUntil(800);
    act(run, { type: 'crash', node: 2 });
    run.runUntil(801);
    expect(trace.filter((r) => r.kind === 'lost' && r.node === 2).length).toBeGreaterThan(0);
    expect(run.sim.world.parked).toEqual([]);
    expect(act(run, { type: 'resume', node: 2 }).kind).toBe('refused');
    expect(act(run, { type: 'recover', node: 2 }).kind).toBe('action');
  });
});

describe('clock drift', () => {
  it('a clock at twice true time fires its timers in half the time; the node reads its own time', () => {
    const plain = new Run(config(), []);
    const fast = new Run(config(), [{ at: 0, type: 'drift', node: 1, rate: 2 }]);
    plain.runUntil(0);
    fast.runUntil(0);
    const d = (run: Run) => run.sim.node(1).timers.election!.at - run.sim.node(1).timers.election!.since;
    expect(d(fast)).toBe(Math.round(d(plain) / 2));
    expect(localTime(fast.sim.node(1).clock, 100)).toBe(200);
    expect(localTime(fast.sim.node(2).clock, 100)).toBe(100);
  });

  it('a fast clock makes its node time out first and lead, again and again', () => {
    for (const seed of [1, 2, 3, 4]) {
      const run = new Run(config({ seed, nodes: 5 }), [{ at: 0, type: 'drift', node: 4, rate: 3 }]);
      run.runUntil(600);
      expect(raft(run, 4).currentRole).toBe('leader');
    }
  });
});
