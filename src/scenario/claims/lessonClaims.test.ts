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

describe('a Paxos lesson that ends on a chosen value shows it chosen', () => {
  // "Chosen" is a fact about a majority of acceptors that no one server holds; what the page
  // shows is a learner that learned it. A story that ends on the value being chosen ends where
  // the servers have learned it, so the class sees what the last sentence says.
  const endsOnChosen = LESSONS.filter((l) => l.scenario.protocol === 'paxos' && (l.scenario.narration?.at(-1)?.claims ?? []).some((c) => /^chosen = (?!none)/.test(c)));

  it('there are such lessons (P1 among them)', () => {
    expect(endsOnChosen.map((l) => l.id)).toContain('paxos-basic');
  });

  it.each(endsOnChosen.map((l) => [l.id, l] as const))('%s: its last step claims the chosen value learned', (_id, lesson) => {
    const claims = lesson.scenario.narration!.at(-1)!.claims ?? [];
    const chosen = claims.map((c) => /^chosen = (.+)$/.exec(c)?.[1]).find((v) => v !== undefined)!;
    expect(claims.filter((c) => / learned = /.test(c) && c.endsWith(`= ${chosen}`))).not.toEqual([]);
  });
});
