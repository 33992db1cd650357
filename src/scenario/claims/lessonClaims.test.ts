import { describe, expect, it } from 'vitest';
import { LESSONS } from '../lessons';
import { parseScenario } from '../validate';
import { checkClaims } from './check';

/**
 * Lessons written while the claims vocabulary was being built (the network by hand, clients,
 * atomic commit): their steps do not carry claims yet. Whatever claims they do carry must hold;
 * a lesson leaves this list once every step has claims. Nothing may join it.
 */
const CLAIMS_TO_COME = new Set([
  'raft-split-forever', 'raft-any-order', 'raft-three-way', 'paxos-flp',
  'raft-stale-read', 'raft-read-log', 'raft-read-index', 'raft-exactly-once',
  'atomic-2pc-commit', 'atomic-2pc-no', 'atomic-2pc-blocking', 'atomic-3pc-crash', 'atomic-3pc-partition', 'atomic-raft-contrast',
]);

describe('every built-in lesson says only what its run does', () => {
  it('the lessons still without claims on every step are exactly those listed', () => {
    const bare = LESSONS.filter((l) => (l.scenario.narration ?? []).some((s) => (s.claims ?? []).length === 0)).map((l) => l.id);
    expect(bare.sort()).toEqual([...CLAIMS_TO_COME].sort());
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: every step has claims (unless listed above), and every claim holds', (_id, lesson) => {
    const parsed = parseScenario(lesson.scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const steps = parsed.scenario.narration;
    if (!CLAIMS_TO_COME.has(lesson.id)) expect(steps.filter((s) => (s.claims ?? []).length === 0).map((s) => s.at)).toEqual([]);
    const report = checkClaims(parsed.scenario);
    const failed = report.steps.flatMap((s) => s.results.filter((r) => !r.holds).map((r) => `${s.at} ms: ${r.claim} (${r.found})`));
    expect(failed, failed.join("\n")).toEqual([]);
    expect(report.checked).toBe(steps.reduce((n, s) => n + (s.claims?.length ?? 0), 0));
  });
});
