import { describe, expect, it } from 'vitest';
import type { RaftState } from '../engine/raft/types';
import { Run } from '../engine/run';
import { toActions, toSimConfig } from './config';
import { lessonById } from './lessons';
import { parseScenario } from './validate';

/** The first violation of a lesson run with its offered rule broken. */
function firstViolation(id: string) {
  const lesson = lessonById(id)!;
  const parsed = parseScenario({ ...lesson.scenario, bugs: [lesson.tryBroken!.bug] });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const run = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
  run.runUntil(lesson.endsAt, { stopOnViolation: true });
  return { v: run.violations[0], nodes: run.sim.nodes() };
}

describe('a failed check names the entries it is about, for the page to mark', () => {
  it('Figure 8, an old-term entry committed by counting: S5 leads without the committed entry at index 1', () => {
    const { v, nodes } = firstViolation('raft-figure8');
    expect([v.predicate, v.entries]).toEqual(['leaderCompleteness', [{ node: 5, index: 1 }]]);
    // What sits there is not what was committed: S5's entry 1 is of a later term than S1's.
    const first = (id: number) => (nodes[id - 1].state as RaftState).log.get(0);
    expect(first(5).term).not.toBe(first(1).term);
  });

  it('a truncation off by one: the committed entry that was replaced', () => {
    const { v } = firstViolation('raft-lossy-network');
    expect([v.predicate, v.entries]).toEqual(['committedPrefix', [{ node: 4, index: 1 }]]);
  });

  it('Multi-Paxos with a minority quorum: the slot decided without a majority', () => {
    const { v } = firstViolation('multipaxos-failover');
    expect([v.predicate, v.entries]).toEqual(['decidedOnlyChosen', [{ node: 2, index: 3 }]]);
  });

  it('a check about a node, not an entry, names none', () => {
    const { v } = firstViolation('raft-persistence');
    expect([v.predicate, v.entries]).toEqual(['termMonotonic', undefined]);
  });
});
