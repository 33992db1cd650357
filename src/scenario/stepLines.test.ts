import { describe, expect, it } from 'vitest';
import { Run } from '../engine/run';
import { PseudocodeTracker } from '../worker/pseudocodeTracker';
import { COMPARISONS } from './comparisons';
import { toActions, toSimConfig } from './config';
import { LESSONS } from './lessons';
import type { ScenarioInput } from './schema';
import { parseScenario } from './validate';

/**
 * What the pseudocode panel shows when Next pauses at a step, against the lines the step names.
 * Paused at a step, the panel shows one event: the latest handler run at or before the step's
 * moment (the tracker the page uses picks it). Its lines are lit; a named line it did not run is
 * outlined but dimmed. So a step holds when
 *  - the event shown ran at least one named line (the class sees the code the text is about run), and
 *  - every named line ran in that event or since the previous step (a step may name two handlers,
 *    the leader's and the follower's, of which the panel lights the later).
 * Returns "at ms: what failed" for each step that does not hold.
 */
function stepsShowingUnrunLines(input: ScenarioInput): string[] {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const scenario = parsed.scenario;
  const steps = [...scenario.narration].sort((a, b) => a.at - b.at);
  const run = new Run(toSimConfig(scenario), toActions(scenario));
  const tracker = new PseudocodeTracker();
  let since = new Set<string>();
  run.sim.onEvent((rec) => {
    tracker.observe(rec, true);
    if (rec.node !== null) for (const id of rec.lineIds ?? []) since.add(id);
  });
  const failures: string[] = [];
  for (const step of steps) {
    run.runUntil(step.at);
    const named = step.lines ?? [];
    if (named.length > 0) {
      const shown = tracker.view(true, false)?.current ?? null;
      const lit = new Set(shown?.lines.map((l) => l.id) ?? []);
      const notSince = named.filter((id) => !since.has(id) && !lit.has(id));
      const where = shown === null ? 'no event' : `event ${shown.seq} (${shown.rule} on S${shown.node} at ${shown.t} ms)`;
      if (!named.some((id) => lit.has(id))) failures.push(`${step.at} ms: ${where} runs none of ${named.join(', ')}`);
      else if (notSince.length > 0) failures.push(`${step.at} ms: ${notSince.join(', ')} did not run since the previous step`);
    }
    since = new Set();
  }
  return failures;
}

const RUNS: [string, ScenarioInput][] = [
  ...LESSONS.map((l) => [l.id, l.scenario] as [string, ScenarioInput]),
  ...COMPARISONS.flatMap((c) => [[`${c.id} (left)`, c.left], [`${c.id} (right)`, c.right]] as [string, ScenarioInput][]),
];

describe('a narration step that names pseudocode lines stops where they ran', () => {
  // A step's moment is a time, not an event: where the event a step speaks of shares its
  // millisecond with later ones (a late vote ignored, a learner's tally), the step moves to a
  // millisecond where it is the last, or the lesson's delays spread the events apart.
  it.each(RUNS)('%s', (_id, scenario) => {
    const failures = stepsShowingUnrunLines(scenario);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
