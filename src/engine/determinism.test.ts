import { describe, expect, it } from 'vitest';
import { randomSchedule } from './fuzz/schedule';
import { Run } from './run';

function hashOf(seed: number, protocol = 'raft'): { hash: string; events: number } {
  const s = randomSchedule(seed, protocol);
  const run = new Run(s.config, s.actions);
  run.runUntil(s.judgeAt);
  return { hash: run.sim.traceHash, events: run.sim.world.events };
}

describe('determinism', () => {
  it('the same scenario and seed give the same trace hash, run after run', () => {
    for (const seed of [1, 2, 3, 99]) expect(hashOf(seed)).toEqual(hashOf(seed));
  });

  it.each(['paxos', 'multipaxos', '2pc', '3pc'])('%s: the same schedule twice gives the same trace hash', (protocol) => {
    for (const seed of [4, 8]) expect(hashOf(seed, protocol)).toEqual(hashOf(seed, protocol));
    expect(hashOf(4, protocol).hash).not.toBe(hashOf(8, protocol).hash);
  });

  it('a different seed gives a different run', () => {
    expect(hashOf(1).hash).not.toBe(hashOf(2).hash);
  });

  it('the hash does not depend on whether safety checks run', () => {
    const s = randomSchedule(5, 'raft');
    const a = new Run(s.config, s.actions, { checks: true });
    const b = new Run(s.config, s.actions, { checks: false });
    a.runUntil(s.judgeAt);
    b.runUntil(s.judgeAt);
    expect(a.sim.traceHash).toBe(b.sim.traceHash);
  });
});
