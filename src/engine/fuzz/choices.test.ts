import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Run } from '../run';
import { randomChoices } from './choices';

/** Replays recorded choices as a plain scenario: the same trace hash, or the choices did not decide the run. */
function replayHash(r: ReturnType<typeof randomChoices>): string {
  const run = new Run(r.config, r.actions);
  run.runUntil(r.until);
  return run.sim.traceHash;
}

describe.each(['raft', 'paxos', 'multipaxos'])('property: %s stays safe whatever order the student delivers in', (protocol) => {
  it('no safety check fails over random choice sequences (any order, drops, copies, holds, timers, groups, pauses, drift)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
      const r = randomChoices(protocol, seed, 250);
      expect(r.violations).toEqual([]);
      expect(replayHash(r)).toBe(r.traceHash);
    }), { numRuns: 25, seed: 20261130 });
  });
});

describe('the random student reaches what the property claims to cover', () => {
  it('runs use every kind of choice, and Raft still elects and commits under them', () => {
    const kinds = new Set<string>();
    let events = 0;
    let elected = 0;
    let committed = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const r = randomChoices('raft', seed, 250);
      for (const a of r.actions) kinds.add(a.type === 'heal' && a.nodes !== undefined ? 'heal one' : a.type);
      events += r.events;
      const run = new Run(r.config, r.actions);
      const rules = new Set<string>();
      run.sim.onEvent((rec) => rules.add(rec.applied !== undefined ? 'commit' : rec.rule));
      run.runUntil(r.until);
      if (rules.has('raft.becomeLeader')) elected++;
      if (rules.has('commit')) committed++;
    }
    expect(elected).toBeGreaterThanOrEqual(8);
    expect(committed).toBeGreaterThanOrEqual(4);
    for (const k of ['deliver', 'drop', 'duplicate', 'hold', 'release', 'fire', 'partition', 'heal', 'heal one', 'pause', 'resume', 'drift', 'crash', 'network']) {
      expect(kinds, k).toContain(k);
    }
    expect(events / 20).toBeGreaterThan(250);
  });

  it('a mutant is caught: minorityQuorum breaks Raft under random choices', () => {
    let caught = false;
    for (let seed = 1; seed <= 60 && !caught; seed++) caught = randomChoices('raft', seed, 400, ['minorityQuorum']).violations.length > 0;
    expect(caught).toBe(true);
  });
});
