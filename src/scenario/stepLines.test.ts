import { describe, expect, it } from 'vitest';
import { Run } from '../engine/run';
import { handlerOf } from '../engine/sim/pseudocode';
import { PseudocodeTracker } from '../worker/pseudocodeTracker';
import { COMPARISONS } from './comparisons';
import { toActions, toSimConfig } from './config';
import { LESSONS, lessonById } from './lessons';
import { parseClaim } from './claims/syntax';
import type { Scenario, ScenarioInput } from './schema';
import { parseScenario } from './validate';

/**
 * What the pseudocode panel shows when Next pauses at a step, against the lines the step names,
 * read as a reader reads it. Paused at a step, the panel shows one event: the latest handler run
 * at or before the step's moment (the tracker the page uses picks it), with the functions it
 * called; the lines it ran are lit, and a named line it did not run is outlined but dimmed. So:
 *  - the event shown runs at least one handler the step names (the class sees the code the
 *    text is about run);
 *  - in every named handler the event shown runs, every named line is lit: a named line dimmed
 *    inside the very handler the panel shows reads as "this did not happen";
 *  - a named handler the event does not run stands below it, its named lines outlined: those
 *    lines must have run since the previous step. A sentence tells what happened since the last
 *    step and the panel shows its last event; "S2 grants its vote and S1 becomes leader" shows
 *    S1's count, with S2's grant outlined as what led to it (one click away: "previous").
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
  const senders = new Map<number, number>();
  run.sim.onEvent((rec) => {
    tracker.observe(rec, true);
    if (rec.from !== undefined) senders.set(rec.seq, rec.from);
    if (rec.node !== null) for (const id of rec.lineIds ?? []) since.add(id);
  });
  const failures: string[] = [];
  for (const step of steps) {
    run.runUntil(step.at);
    const named = step.lines ?? [];
    if (named.length > 0) {
      const shown = tracker.view(true, false)?.current ?? null;
      const lit = new Set(shown?.lines.map((l) => l.id) ?? []);
      const shownHandlers = new Set([...lit].map(handlerOf));
      const where = shown === null ? 'no event' : `event ${shown.seq} (${shown.rule} on S${shown.node} at ${shown.t} ms)`;
      const dimmed = named.filter((id) => shownHandlers.has(handlerOf(id)) && !lit.has(id));
      const notSince = named.filter((id) => !shownHandlers.has(handlerOf(id)) && !since.has(id));
      if (!named.some((id) => shownHandlers.has(handlerOf(id)))) failures.push(`${step.at} ms: ${where} runs no handler of ${named.join(', ')}`);
      else if (dimmed.length > 0) failures.push(`${step.at} ms: ${where} shows ${dimmed.join(', ')} not run`);
      else if (notSince.length > 0) failures.push(`${step.at} ms: ${notSince.join(', ')} did not run since the previous step`);
    } else {
      const servers = timedTo(step.at, step.claims ?? [], scenario);
      const shown = tracker.view(true, false)?.current ?? null;
      const about = (n: number) => shown !== null && (shown.node === n || senders.get(shown.seq) === n);
      if (servers.length > 0 && !servers.some(about)) {
        failures.push(`${step.at} ms: the step is timed to ${servers.map((n) => `S${n}`).join(' or ')}'s event, the panel shows ${shown === null ? 'no event' : `S${shown.node}'s ${shown.rule} at ${shown.t} ms`}`);
      }
    }
    since = new Set();
  }
  return failures;
}

/**
 * A step naming no lines outlines nothing: its sentence tells of state, which its claims check,
 * and the code shown is only what ran last. What its data can still say of the panel is whose
 * event the step waits for: a claim that a server's event happened in a window closing at the
 * step's moment ("S4 became leader in 200..364", "first to time out in 200..364 = S4") times the
 * step to it, so the panel should show that server's handler, or another's on receiving its
 * message ("S2 was elected and copied x to S4" may well show S4 appending it), not something
 * else that happened since.
 */
function timedTo(at: number, claims: readonly string[], scenario: Scenario): number[] {
  const servers = new Set<number>();
  for (const text of claims) {
    const p = parseClaim(text, { protocol: scenario.protocol, nodes: scenario.nodes, clients: scenario.clients?.count ?? 0, storage: scenario.storage !== undefined, at });
    if (!p.ok || p.claim.negated) continue;
    const b = p.claim.body;
    if (b.kind === 'event' && b.window.to === at) for (const n of b.servers) servers.add(n);
    if (b.kind === 'first' && b.op === '=' && b.window.to === at) for (const v of b.value) servers.add(Number(String(v).slice(1)));
  }
  return [...servers];
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

type NarrationStep = NonNullable<ScenarioInput['narration']>[number];

/** A lesson's scenario with one step changed: a copy, so the lessons stay as they are. */
function withStep(id: string, at: number, change: (step: NarrationStep) => NarrationStep): ScenarioInput {
  const scenario = structuredClone(lessonById(id)!.scenario);
  const k = scenario.narration!.findIndex((s) => s.at === at);
  if (k < 0) throw new Error(`${id} has no step at ${at} ms`);
  scenario.narration![k] = change(scenario.narration![k]);
  return scenario;
}

describe('the check catches a step a reader would find wrong', () => {
  it('a named line dimmed inside the handler shown (S2\'s yes named where S3 votes no)', () => {
    expect(stepsShowingUnrunLines(withStep('atomic-2pc-no', 71, (s) => ({ ...s, lines: ['onPrepare.no', 'onPrepare.yes'] }))))
      .toEqual(['71 ms: event 11 (2pc.vote on S3 at 71 ms) shows onPrepare.yes not run']);
  });

  it('a moment a millisecond late, where the panel has moved on to another handler', () => {
    expect(stepsShowingUnrunLines(withStep('paxos-flp', 72, (s) => ({ ...s, at: 73, claims: [] }))))
      .toEqual(['73 ms: event 69 (paxos.nack on S1 at 73 ms) runs no handler of retry.prepare, onAccept.nack']);
  });

  it('a line of another handler that did not run since the previous step (nobody learned)', () => {
    expect(stepsShowingUnrunLines(withStep('paxos-flp', 72, (s) => ({ ...s, lines: ['onAccept.nack', 'onAccepted.learn'] }))))
      .toEqual(['72 ms: onAccepted.learn did not run since the previous step']);
  });

  it('a step with no lines, timed to S4 becoming leader, showing S2 following S1', () => {
    expect(stepsShowingUnrunLines(withStep('multipaxos-stale-read', 456, ({ lines: _lines, ...s }) => ({ ...s, at: 457, claims: ['S4 became leader in 301..457'] }))))
      .toEqual(['457 ms: the step is timed to S4\'s event, the panel shows S2\'s multipaxos.heartbeat at 457 ms']);
  });

  it('a step with no lines whose first timeout names a server the panel does not show', () => {
    expect(stepsShowingUnrunLines(withStep('raft-split-brain', 362, ({ lines: _lines, ...s }) => ({ ...s, claims: ['first to time out in 200..362 = S1'] }))))
      .toEqual(['362 ms: the step is timed to S1\'s event, the panel shows S3\'s raft.becomeLeader at 361 ms']);
  });
});
