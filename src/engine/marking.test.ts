import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toActions, toSimConfig } from '../scenario/config';
import { parseScenarioJson } from '../scenario/codec';
import { Run } from './run';
import { nodeStates, traceLine } from './traceFormat';

/**
 * A run that keeps no pseudocode lines (Run's `lines: false`, for fuzzing and benchmarks) is
 * the same run: against every golden trace, each event matches but for its lines, and so do
 * the final states and the trace hash.
 */
const DIR = join(import.meta.dirname, 'golden');
const CASES: [name: string, until: number][] = [
  ['election', 600], ['replication', 700], ['leader-crash', 1500], ['split-brain', 1400], ['figure8', 800],
  ['paxos-duel', 1500], ['multipaxos-failover', 900], ['2pc-blocking', 1800], ['3pc-termination', 1600], ['transfer', 1600],
  // Clients reading by read index and on a lease: the client layer marks its own read lines.
  ['multipaxos-read-index', 1600], ['multipaxos-lease', 1600],
];

describe('a run without line marks', () => {
  it.each(CASES)('%s: the golden trace, event by event, without its lines', (name, until) => {
    const parsed = parseScenarioJson(readFileSync(join(DIR, `${name}.json`), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const run = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario), { lines: false });
    const got: unknown[] = [];
    run.sim.onEvent((rec) => {
      expect(rec.lines ?? []).toEqual([]);
      got.push(traceLine(rec));
    });
    run.runUntil(until);
    got.push({ nodes: nodeStates(run.sim.protocol, run.sim.nodes(), run.sim.contexts), traceHash: run.sim.traceHash });

    const golden = readFileSync(join(DIR, `${name}.trace.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // The golden trace does mark lines, so the comparison below drops something real.
    expect(golden.some((l) => Array.isArray(l.lines) && l.lines.length > 0)).toBe(true);
    const withoutLines = golden.map(({ lines: _lines, ...rest }) => rest);
    expect(JSON.parse(JSON.stringify(got))).toEqual(withoutLines);
  });
});

/**
 * A marked run keeps only which lines each handler ran, and makes their values when read, by
 * running the handler again (EventRecord). The ids it kept are those the values come with,
 * whenever they are read: at once, or after the run has gone on (the golden tests read at once).
 */
describe('line values made when read', () => {
  it.each(CASES)('%s: the ids kept are the lines made later, values and all, as the golden trace has them', (name, until) => {
    const parsed = parseScenarioJson(readFileSync(join(DIR, `${name}.json`), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const run = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
    const records: { lineIds?: readonly string[]; lines?: { id: string }[] }[] = [];
    const ids: (readonly string[] | undefined)[] = [];
    run.sim.onEvent((rec) => {
      records.push(rec);
      ids.push(rec.lineIds);
    });
    run.runUntil(until);
    // Read only now, with every node's state long moved on.
    const golden = readFileSync(join(DIR, `${name}.trace.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { lines?: unknown[] });
    let marked = 0;
    records.forEach((rec, i) => {
      const lines = rec.lines ?? [];
      expect(lines.map((l) => l.id)).toEqual([...(ids[i] ?? [])]);
      expect(JSON.parse(JSON.stringify(traceLine(rec as never))).lines).toEqual(golden[i].lines);
      marked += lines.length;
    });
    expect(marked).toBeGreaterThan(0);
  });
});
