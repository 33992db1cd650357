import { describe, expect, it } from 'vitest';
import type { RaftState } from '../raft/types';
import { Run } from '../run';
import type { Action, SimConfig, TraceRecord } from './types';

function config(over: Partial<SimConfig> = {}): SimConfig {
  return {
    protocol: 'raft', nodes: 3, seed: 5,
    timing: { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 },
    network: { dropRate: 0, duplicateRate: 0 }, options: { noopOnElection: false }, bugs: [], ...over,
  };
}

function record(run: Run): TraceRecord<{ type: string }>[] {
  const out: TraceRecord<{ type: string }>[] = [];
  run.sim.onEvent((r) => out.push(r));
  return out;
}

const raftState = (run: Run, id: number) => run.sim.node(id).state as RaftState;

describe('simulation kernel', () => {
  it('every message carries sentAt and deliverAt with a latency in [latencyMin, latencyMax]', () => {
    const run = new Run(config(), []);
    const trace = record(run);
    run.runUntil(3000);
    const delivered = trace.filter((r) => r.msg !== undefined);
    expect(delivered.length).toBeGreaterThan(50);
    for (const r of delivered) {
      const latency = r.msg!.deliverAt - r.msg!.sentAt;
      expect(latency).toBeGreaterThanOrEqual(10);
      expect(latency).toBeLessThanOrEqual(20);
      expect(r.t).toBe(r.msg!.deliverAt);
    }
  });

  it('a run no one listens to reuses one record, and is the same run: same hash, events and states; step() still gives new records', () => {
    const faults: Action[] = [{ at: 400, type: 'crash', node: 1 }, { at: 900, type: 'recover', node: 1 }, { at: 1200, type: 'request', node: 2, command: 'set x 1' }];
    const quiet = new Run(config({ network: { dropRate: 0.1, duplicateRate: 0.1 } }), faults, { checks: false });
    const heard = new Run(config({ network: { dropRate: 0.1, duplicateRate: 0.1 } }), faults, { checks: false });
    const trace = record(heard);
    quiet.runUntil(3000);
    heard.runUntil(3000);
    expect(quiet.sim.traceHash).toBe(heard.sim.traceHash);
    expect(quiet.sim.world.events).toBe(trace.length);
    expect(new Set(trace).size).toBe(trace.length);
    for (let id = 1; id <= 3; id++) expect(quiet.sim.node(id).state).toEqual(heard.sim.node(id).state);
    const a = quiet.step();
    const b = quiet.step();
    expect(a).not.toBe(b);
    expect(a!.seq).toBe(b!.seq - 1);
  });

  it('a timer restarted to a later time keeps its queue entry: heartbeats reset the followers\' election timers, and stale entries do not pile up', () => {
    const run = new Run(config({ nodes: 5 }), []);
    let restarts = 0;
    let most = 0;
    run.sim.onEvent((rec) => {
      if (rec.rule === 'raft.logRequest') restarts++;
      for (let id = 1; id <= 5; id++) most = Math.max(most, run.sim.world.queue.filter((item) => item.kind === 'timer' && item.node === id).length);
    });
    run.runUntil(10_000);
    expect(restarts).toBeGreaterThan(500);
    // An entry per running timer, and now and then one left by a cancel or a restart to an earlier
    // time; with an entry per restart, a follower held up to 7 (its timeout is 3 to 6 heartbeats).
    expect(most).toBeLessThanOrEqual(3);
  });

  it('time never goes backwards and seq counts events', () => {
    const run = new Run(config({ network: { dropRate: 0.2, duplicateRate: 0.2 } }), []);
    const trace = record(run);
    run.runUntil(3000);
    trace.forEach((r, i) => {
      expect(r.seq).toBe(i + 1);
      if (i > 0) expect(r.t).toBeGreaterThanOrEqual(trace[i - 1].t);
    });
  });

  it('drop and duplicate rates lose and copy messages at about the configured rates', () => {
    const run = new Run(config({ network: { dropRate: 0.25, duplicateRate: 0.25 } }), []);
    const trace = record(run);
    run.runUntil(20_000);
    const arrivals = trace.filter((r) => r.msg !== undefined);
    const originals = arrivals.filter((r) => r.msg!.duplicateOf === null);
    const lost = originals.filter((r) => r.msg!.lost).length / originals.length;
    const copies = arrivals.filter((r) => r.msg!.duplicateOf !== null).length / originals.length;
    expect(lost).toBeGreaterThan(0.2);
    expect(lost).toBeLessThan(0.3);
    expect(copies).toBeGreaterThan(0.2);
    expect(copies).toBeLessThan(0.3);
  });

  it('a partition is decided at delivery time: messages already in flight across it are lost', () => {
    const run = new Run(config(), [{ at: 0, type: 'timeout', node: 1 }, { at: 5, type: 'partition', groups: [[1]] }]);
    const trace = record(run);
    run.runUntil(100);
    const votes = trace.filter((r) => r.msg?.msg.type === 'VoteRequest');
    expect(votes).toHaveLength(2);
    for (const v of votes) {
      expect(v.msg!.sentAt).toBe(0);
      expect(v.kind).toBe('lost');
      expect(v.text()).toContain('a network partition');
    }
  });

  it('a one-way cut blocks only its direction', () => {
    const run = new Run(config(), [{ at: 0, type: 'cut', from: 1, to: 2 }, { at: 0, type: 'timeout', node: 1 }]);
    const trace = record(run);
    run.runUntil(60);
    const toS2 = trace.find((r) => r.msg?.msg.type === 'VoteRequest' && r.msg.to === 2)!;
    const toS3 = trace.find((r) => r.msg?.msg.type === 'VoteRequest' && r.msg.to === 3)!;
    expect(toS2.kind).toBe('lost');
    expect(toS3.kind).toBe('deliver');
    const back = trace.find((r) => r.msg?.msg.type === 'VoteResponse' && r.msg.from === 3)!;
    expect(back.kind).toBe('deliver');
  });

  it('a heal restores cut links as well as ending the partition, and says so', () => {
    const run = new Run(config(), [
      { at: 0, type: 'cut', from: 1, to: 2 }, { at: 0, type: 'cut', from: 3, to: 1 }, { at: 1, type: 'heal' },
      { at: 2, type: 'partition', groups: [[1]] }, { at: 2, type: 'cut', from: 2, to: 3 }, { at: 3, type: 'heal' },
      { at: 4, type: 'heal' }, { at: 5, type: 'timeout', node: 1 },
    ]);
    const trace = record(run);
    run.runUntil(4);
    expect(run.sim.world.network.cuts).toEqual([]);
    expect(run.sim.world.network.groups).toBeNull();
    expect(trace.filter((r) => r.rule === 'user.heal').map((r) => r.text())).toEqual([
      'The network heals: 2 cut links are restored',
      'The partition heals and the cut link is restored',
      'The network is already whole: nothing to heal',
    ]);
    run.runUntil(60);
    // S1's VoteRequests reach both, and their answers come back.
    expect(trace.filter((r) => r.msg?.msg.type === 'VoteRequest').map((r) => r.kind)).toEqual(['deliver', 'deliver']);
    expect(trace.filter((r) => r.msg?.msg.type === 'VoteResponse').map((r) => r.kind)).toEqual(['deliver', 'deliver']);
  });

  it('messages in flight to a node when it crashes are lost, even if it recovers before they arrive', () => {
    const run = new Run(config(), [
      { at: 0, type: 'timeout', node: 1 }, { at: 2, type: 'crash', node: 2 }, { at: 4, type: 'recover', node: 2 },
    ]);
    const trace = record(run);
    run.runUntil(40);
    const toS2 = trace.find((r) => r.msg?.msg.type === 'VoteRequest' && r.msg.to === 2)!;
    expect(toS2.kind).toBe('lost');
    expect(toS2.text()).toContain('crashed while it was in flight');
  });

  it('a crashed node loses volatile state and timers; recovery restarts from persistent state', () => {
    const run = new Run(config(), [{ at: 2000, type: 'request', node: 1, command: 'set x 1' }]);
    run.runUntil(2500);
    const leader = [1, 2, 3].find((id) => raftState(run, id).currentRole === 'leader')!;
    const before = raftState(run, leader);
    run.sim.schedule({ at: 2500, type: 'crash', node: leader });
    run.runUntil(2500);
    const slot = run.sim.node(leader);
    expect(slot.up).toBe(false);
    expect(Object.values(slot.timers).filter((t) => t !== null)).toEqual([]);
    expect(slot.state).toMatchObject({
      currentTerm: before.currentTerm, votedFor: before.votedFor, log: before.log, commitLength: before.commitLength,
      currentRole: 'follower', currentLeader: null, votesReceived: [],
    });
    run.sim.schedule({ at: 2600, type: 'recover', node: leader });
    run.runUntil(2600);
    expect(run.sim.node(leader).up).toBe(true);
    expect(run.sim.node(leader).timers.election).not.toBeNull();
  });

  it('actions that cannot apply are recorded as refused, never thrown', () => {
    const actions: Action[] = [
      { at: 10, type: 'crash', node: 2 }, { at: 20, type: 'crash', node: 2 }, { at: 30, type: 'request', node: 2, command: 'set a 1' },
      { at: 40, type: 'timeout', node: 2 }, { at: 50, type: 'recover', node: 1 }, { at: 60, type: 'drop', message: 99999 },
    ];
    const run = new Run(config(), actions);
    const trace = record(run);
    run.runUntil(100);
    const refused = trace.filter((r) => r.kind === 'refused');
    expect(refused.map((r) => r.action?.at)).toEqual([20, 30, 40, 50, 60]);
  });

  it('the user can drop one message in flight', () => {
    const run = new Run(config(), [{ at: 0, type: 'timeout', node: 1 }]);
    run.runUntil(0);
    const victim = run.sim.inFlight()[0];
    run.sim.schedule({ at: 1, type: 'drop', message: victim.id });
    const trace = record(run);
    run.runUntil(100);
    expect(trace[0].rule).toBe('user.drop');
    expect(trace.some((r) => r.msg?.id === victim.id && r.kind !== 'action')).toBe(false);
  });

  it('restoring a checkpoint and replaying gives the identical trace and hash', () => {
    const run = new Run(config({ network: { dropRate: 0.1, duplicateRate: 0.1 } }), [
      { at: 500, type: 'request', node: 2, command: 'set x 1' }, { at: 900, type: 'crash', node: 1 },
    ]);
    run.runUntil(400);
    const cp = run.checkpoint();
    const first = record(run);
    run.runUntil(3000);
    const firstTexts = first.map((r) => `${r.t} ${r.text()}`);
    const hash = run.sim.traceHash;
    run.restore(cp);
    first.length = 0;
    run.runUntil(3000);
    expect(first.map((r) => `${r.t} ${r.text()}`)).toEqual(firstTexts);
    expect(run.sim.traceHash).toBe(hash);
  });

  it('a checkpoint is not changed by running on', () => {
    const run = new Run(config(), []);
    run.runUntil(1000);
    const cp = run.checkpoint();
    const frozen = JSON.stringify({ ...cp.world, queue: cp.world.queue.length });
    run.runUntil(5000);
    expect(JSON.stringify({ ...cp.world, queue: cp.world.queue.length })).toBe(frozen);
  });
});
