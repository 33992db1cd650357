import { describe, expect, it } from 'vitest';
import { checkClaims } from './claims/check';
import { COMPARISONS } from './comparisons';
import { parseScenario } from './validate';

const parse = (input: unknown) => {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
};

describe('every built-in comparison says only what its two runs do', () => {
  it.each(COMPARISONS.map((c) => [c.id, c] as const))('%s: both runs open; every step has claims, and every claim holds', (_id, c) => {
    for (const side of [c.left, c.right]) {
      const scenario = parse(side);
      expect(scenario.narration.filter((s) => (s.claims ?? []).length === 0).map((s) => s.at)).toEqual([]);
      const report = checkClaims(scenario);
      const failed = report.steps.flatMap((s) => s.results.filter((r) => !r.holds).map((r) => `${scenario.title} ${s.at} ms: ${r.claim} (${r.found})`));
      expect(failed, failed.join('\n')).toEqual([]);
    }
  });

  it.each(COMPARISONS.map((c) => [c.id, c] as const))('%s: the right run speaks only where the left does, so a step stops both at once', (_id, c) => {
    const left = new Set(parse(c.left).narration.map((s) => s.at));
    expect(parse(c.right).narration.map((s) => s.at).filter((at) => !left.has(at))).toEqual([]);
    expect(c.endsAt).toBeGreaterThanOrEqual(Math.max(...left));
  });
});
