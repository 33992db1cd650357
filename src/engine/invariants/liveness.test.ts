import { describe, expect, it } from 'vitest';
import { Run } from '../run';
import type { Action, SimConfig } from '../sim/types';

const config = (fields: Partial<SimConfig> = {}): SimConfig => ({
  protocol: 'raft', nodes: 5, seed: 3, bugs: [], options: { noopOnElection: true }, network: { dropRate: 0, duplicateRate: 0 },
  timing: { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 5, latencyMax: 15 }, ...fields,
});

/** Every stall the watch reports, sampled after each event, as [kind, first time reported]. */
function stalls(run: Run, until: number): [string, number][] {
  const seen = new Map<string, number>();
  run.sim.onEvent((rec) => {
    const s = run.stall();
    if (s !== null && !seen.has(s.kind)) seen.set(s.kind, rec.t);
  });
  run.runUntil(until);
  return [...seen];
}

const requests: Action[] = [1000, 2000, 3000].map((at, i) => ({ at, type: 'request', node: 2, command: `set k ${i}` }));

describe('liveness watch: what no safety check can see', () => {
  it('a healthy cluster never stalls', () => {
    const run = new Run(config(), requests);
    expect(stalls(run, 5000)).toEqual([]);
    expect(run.safe).toBe(true);
  });

  it('noElectionTimerReset: safe, but followers keep deposing leaders, and the watch says so within three election timeouts', () => {
    const run = new Run(config({ bugs: ['noElectionTimerReset'] }), requests);
    const found = stalls(run, 5000);
    expect(run.violations).toEqual([]);
    expect(found.map(([kind]) => kind)).toContain('noLeader');
    expect(found.find(([kind]) => kind === 'noLeader')![1]).toBeLessThanOrEqual(3 * 300 + 300);
  });

  it('with a majority down, Raft halts: no leader and a command waiting', () => {
    const run = new Run(config({ nodes: 3 }), [{ at: 1000, type: 'crash', node: 1 }, { at: 1000, type: 'crash', node: 2 }, { at: 1100, type: 'request', node: 3, command: 'set x 1' }]);
    const found = stalls(run, 4000);
    expect(found.map(([kind]) => kind).sort()).toEqual(['noLeader']);
    expect(run.stall()).toMatchObject({ kind: 'noLeader' });
  });

  it('Paxos duelling proposers without backoff: nothing decided while work waits', () => {
    const run = new Run(config({ protocol: 'paxos', options: { backoff: false }, seed: 24, timing: { ...config().timing, latencyMin: 10, latencyMax: 20 } }),
      [{ at: 10, type: 'request', node: 1, command: 'red' }, { at: 11, type: 'request', node: 5, command: 'blue' }]);
    // Work waits from the first request at 10 ms; three election timeouts later it is a stall.
    expect(stalls(run, 1500)).toEqual([['noProgress', 10 + 3 * 300]]);
  });

  it('a checkpoint restores the watch with the world', () => {
    const run = new Run(config({ bugs: ['noElectionTimerReset'] }), requests);
    run.runUntil(500);
    const cp = run.checkpoint();
    run.runUntil(3000);
    const later = run.stall();
    run.restore(cp);
    expect(run.stall()).toBeNull();
    run.runUntil(3000);
    expect(run.stall()).toEqual(later);
  });
});
