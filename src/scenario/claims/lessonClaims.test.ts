import { describe, expect, it } from 'vitest';
import { LESSONS } from '../lessons';
import { parseScenario } from '../validate';
import { checkClaims } from './check';

describe('every built-in lesson says only what its run does', () => {
  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: every step has claims, and every claim holds', (_id, lesson) => {
    const parsed = parseScenario(lesson.scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const steps = parsed.scenario.narration;
    expect(steps.filter((s) => (s.claims ?? []).length === 0).map((s) => s.at)).toEqual([]);
    const report = checkClaims(parsed.scenario);
    const failed = report.steps.flatMap((s) => s.results.filter((r) => !r.holds).map((r) => `${s.at} ms: ${r.claim} (${r.found})`));
    expect(failed, failed.join("\n")).toEqual([]);
    expect(report.checked).toBe(steps.reduce((n, s) => n + (s.claims?.length ?? 0), 0));
  });
});
