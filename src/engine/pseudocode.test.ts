import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../scenario/codec';
import { toActions, toSimConfig } from '../scenario/config';
import { runSchedule } from './fuzz/explore';
import { randomSchedule, scheduleSeed } from './fuzz/schedule';
import { PROTOCOLS } from './protocols';
import { Run } from './run';
import { handlerOf, lineIds } from './sim/pseudocode';
import type { Schedule } from './fuzz/schedule';

/**
 * The pseudocode and the handlers stay in step: every id a handler marks is a line of the
 * protocol's pseudocode (no orphan ids), and every line is reached by a golden trace or a
 * fuzz run (no dead lines).
 */
const GOLDEN: Record<string, [name: string, until: number][]> = {
  raft: [['election', 600], ['replication', 700], ['leader-crash', 1500], ['split-brain', 1400], ['figure8', 800], ['transfer', 1600]],
  paxos: [['paxos-duel', 1500]],
  multipaxos: [['multipaxos-failover', 900], ['multipaxos-read-index', 1600], ['multipaxos-lease', 1600]],
  '2pc': [['2pc-blocking', 1800]],
  '3pc': [['3pc-termination', 1600]],
};
const FUZZ_SCHEDULES = 60;

function collect(run: Run, until: number, into: Map<string, number>): void {
  run.sim.onEvent((rec) => { for (const l of rec.lines ?? []) into.set(l.id, (into.get(l.id) ?? 0) + 1); });
  run.runUntil(until);
}

function marked(protocol: string): Map<string, number> {
  const seen = new Map<string, number>();
  for (const [name, until] of GOLDEN[protocol]) {
    const parsed = parseScenarioJson(readFileSync(join(import.meta.dirname, 'golden', `${name}.json`), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    collect(new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario)), until, seen);
  }
  for (let i = 0; i < FUZZ_SCHEDULES; i++) {
    // The fuzzer resolves its leader strikes against the live run; replaying its result marks the same lines.
    const schedule: Schedule = runSchedule(randomSchedule(scheduleSeed(7, i), protocol)).schedule;
    collect(new Run(schedule.config, schedule.actions), schedule.judgeAt, seen);
  }
  return seen;
}

describe.each(Object.keys(PROTOCOLS))('%s pseudocode', (protocol) => {
  const code = PROTOCOLS[protocol].pseudocode;
  const ids = lineIds(code);
  const seen = marked(protocol);

  it('has unique line ids, each under its own handler', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const h of code.handlers) for (const l of h.lines) expect(handlerOf(l.id)).toBe(h.id);
  });

  it('every id a handler marks is a line of the pseudocode (no orphan ids)', () => {
    expect([...seen.keys()].filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('every line is reached by a golden trace or a fuzz run (no dead lines)', () => {
    expect(ids.filter((id) => !seen.has(id))).toEqual([]);
  });
});
