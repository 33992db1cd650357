import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toActions, toSimConfig } from '../scenario/config';
import { parseScenarioJson } from '../scenario/codec';
import { Run } from './run';
import { nodeStates, traceLine } from './traceFormat';
import { inDoubt } from './twopc/log';
import type { AtomicState } from './twopc/types';

/**
 * Golden traces pin the engine's behaviour event by event. They change only on purpose:
 * regenerate with `UPDATE_GOLDEN=1 npx vitest run src/engine/golden.test.ts` and review the diff.
 */
const DIR = join(import.meta.dirname, 'golden');
const CASES: [name: string, until: number][] = [
  ['election', 600], ['replication', 700], ['leader-crash', 1500], ['split-brain', 1400], ['figure8', 800],
  ['paxos-duel', 1500], ['multipaxos-failover', 900], ['2pc-blocking', 1800], ['3pc-termination', 1600], ['transfer', 1600],
  ['multipaxos-read-index', 1600], ['multipaxos-lease', 1600],
];

function traceOf(name: string, until: number, bugs: string[] = []): { jsonl: string; run: Run } {
  const parsed = parseScenarioJson(readFileSync(join(DIR, `${name}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const run = new Run({ ...toSimConfig(parsed.scenario), bugs }, toActions(parsed.scenario));
  const lines: string[] = [];
  run.sim.onEvent((rec) => lines.push(JSON.stringify(traceLine(rec))));
  run.runUntil(until);
  lines.push(JSON.stringify({ nodes: nodeStates(run.sim.protocol, run.sim.nodes(), run.sim.contexts), traceHash: run.sim.traceHash }));
  return { jsonl: `${lines.join('\n')}\n`, run };
}

describe('golden traces', () => {
  it.each(CASES)('%s matches its recorded trace', (name, until) => {
    const { jsonl, run } = traceOf(name, until);
    const file = join(DIR, `${name}.trace.jsonl`);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, jsonl);
    expect(run.violations).toEqual([]);
    expect(jsonl).toBe(readFileSync(file, 'utf8'));
  });

  it('split-brain: the minority leader\'s command never commits and is replaced after healing', () => {
    const { run } = traceOf('split-brain', 1400);
    for (const slot of run.sim.nodes()) {
      const s = slot.state as import('./raft/types').RaftState;
      expect(s.log.slice().map((e) => e.command)).toEqual(['set kept 1']);
      expect(s.commitLength).toBe(1);
    }
  });

  it('2pc-blocking: the participants hold t1 in doubt while S1 is down, and commit it from S1\'s log when it recovers', () => {
    const { run } = traceOf('2pc-blocking', 999);
    for (const id of [2, 3, 4]) expect(inDoubt(run.sim.node(id).state as AtomicState)).toEqual(['t1']);
    run.runUntil(1800);
    for (const id of [2, 3, 4]) expect((run.sim.node(id).state as AtomicState).log.recordsOf('t1')).toEqual(['yes', 'commit']);
  });

  it('figure8: the same schedule with commitOldTermByCount loses a committed entry, and the checks say so', () => {
    const { run } = traceOf('figure8', 800, ['commitOldTermByCount']);
    expect(run.violations.map((v) => v.predicate)).toContain('leaderCompleteness');
    expect(run.violations.map((v) => v.predicate)).toContain('committedPrefix');
  });
});
