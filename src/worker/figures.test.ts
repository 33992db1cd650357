import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema';
import { parseScenario } from '../scenario/validate';
import { Controller } from './controller';

/**
 * Three servers, every message 10 ms, no heartbeat or follower timeout before 1 s: S1 is made
 * to time out at 5 ms and gets two commands. By hand, from the lecture's handlers:
 * - election: 2 VoteRequests (5 ms), 2 VoteResponses (15 ms), leader at 25 ms; it appends a no-op and
 *   sends 2 LogRequests, answered by 2 LogResponses at 45 ms (the no-op commits: not a client's command);
 * - "set x 1" at 100 ms: 2 LogRequests, answered at 110 ms by 2 LogResponses, back at 120 ms and committed there (one round trip, 20 ms);
 * - "set y 2" at 200 ms: the same, committed at 220 ms.
 * 16 messages, 1 leader change, 2 commands at 20 ms each.
 */
function scenario(protocol: 'raft' | 'multipaxos', second = 'set y 2'): Scenario {
  const r = parseScenario({
    version: 2, protocol, nodes: 3, seed: 1,
    timing: { latencyMin: 10, latencyMax: 10, electionTimeoutMin: 5000, electionTimeoutMax: 6000, heartbeatInterval: 1000 },
    actions: [
      { at: 5, type: 'timeout', node: 1 },
      { at: 100, type: 'request', node: 1, command: 'set x 1' },
      { at: 200, type: 'request', node: 1, command: second },
    ],
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

describe('figures beside a run', () => {
  it('Raft: messages, leader changes and each command\'s time to commit, as derived by hand', () => {
    const c = new Controller(scenario('raft'));
    c.seekTime(300);
    const f = c.snapshot().figures;
    expect(f.messagesSent).toBe(16);
    expect(f.replicatedLog).toBe(true);
    expect(f.leaderChanges).toBe(1);
    expect(f.commands).toEqual([
      { command: 'set x 1', node: 1, requestedAt: 100, committedAt: 120 },
      { command: 'set y 2', node: 1, requestedAt: 200, committedAt: 220 },
    ]);
    expect(f.committed).toBe(2);
    expect(f.medianMs).toBe(20);
    expect(f.meanMs).toBe(20);
  });

  it('a seek back shows the figures as they were then, and forward again as before', () => {
    const c = new Controller(scenario('raft'));
    c.seekTime(300);
    const at300 = c.snapshot().figures;
    c.seekTime(110);
    const f = c.snapshot().figures;
    // "set x 1" asked for, its LogRequests delivered and answered (2 + 2 messages after the election's 8), not yet committed.
    expect(f.messagesSent).toBe(12);
    expect(f.commands).toEqual([{ command: 'set x 1', node: 1, requestedAt: 100, committedAt: null }]);
    expect(f.committed).toBe(0);
    expect(f.medianMs).toBeNull();
    c.seekTime(300);
    expect(c.snapshot().figures).toEqual(at300);
  });

  it('Multi-Paxos: each command counted once, when first chosen, though every server learns it (the same command twice too)', () => {
    const c = new Controller(scenario('multipaxos', 'set x 1'));
    c.seekTime(300);
    const f = c.snapshot().figures;
    expect(f.leaderChanges).toBe(1);
    expect(f.committed).toBe(2);
    expect(f.commands.map((r) => [r.command, r.committedAt! - r.requestedAt])).toEqual([['set x 1', 20], ['set x 1', 20]]);
  });

  it('2PC has no log of commands under a leader: its figures say so, and count its messages', () => {
    const r = parseScenario({ version: 2, protocol: '2pc', nodes: 3, seed: 1, timing: { latencyMin: 10, latencyMax: 10 },
      actions: [{ at: 10, type: 'request', node: 1, command: 'tx t1' }] });
    if (!r.ok) throw new Error(r.errors.join('; '));
    const c = new Controller(r.scenario);
    c.seekTime(200);
    const f = c.snapshot().figures;
    expect(f.replicatedLog).toBe(false);
    // One transaction, nothing lost, by 200 ms: S1 coordinates S2 and S3, and each of the five
    // steps is one message per participant: Begin (the work), Prepare, Vote, Decision, Ack. 5 x 2 = 10.
    expect(f.messagesSent).toBe(10);
  });
});
