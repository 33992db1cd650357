import { Run } from '../../engine/run';
import { toActions, toSimConfig } from '../config';
import type { Scenario } from '../schema';
import { type ClaimResult, ClaimWatcher } from './evaluate';
import { type Claim, parseClaim } from './syntax';

export type { ClaimResult } from './evaluate';

/** One narration step's claims, judged at its moment. */
export interface StepClaims {
  /** The step's index in the scenario's narration, in time order. */
  step: number;
  at: number;
  results: ClaimResult[];
}

export interface ClaimReport {
  checked: number;
  failed: number;
  steps: StepClaims[];
}

/** A claim as written, parsed; one that cannot be (typed in the page, not yet corrected) keeps its error. */
type Written = Claim | { text: string; error: string };

/** Every step's claims, parsed, in time order (a validated scenario has only well-formed ones). */
function stepClaims(scenario: Scenario): { step: number; at: number; claims: Written[] }[] {
  return scenario.narration.map((n, step) => ({
    step, at: n.at,
    claims: (n.claims ?? []).map((text): Written => {
      const p = parseClaim(text, { protocol: scenario.protocol, nodes: scenario.nodes, clients: scenario.clients?.count ?? 0, storage: scenario.storage !== undefined, at: n.at });
      return p.ok ? p.claim : { text, error: p.error };
    }),
  })).filter((s) => s.claims.length > 0).sort((a, b) => a.at - b.at);
}

const parsed = (c: Written): c is Claim => 'body' in c;

/**
 * Checks a scenario's claims on a run of it: attach before running, then call runUntil in
 * place of the run's own. Each step's claims are judged when the run reaches its moment
 * (every event at or before it has happened), so the runner prints its events as usual.
 */
export class ClaimChecker {
  private readonly pending: { step: number; at: number; claims: Written[] }[];
  private readonly watcher: ClaimWatcher;
  readonly steps: StepClaims[] = [];

  constructor(scenario: Scenario, private readonly run: Run) {
    this.pending = stepClaims(scenario);
    this.watcher = new ClaimWatcher(scenario.protocol, scenario.nodes, this.pending.flatMap((s) => s.claims.filter(parsed)));
    run.sim.onEvent((rec, sim) => this.watcher.observe(rec, rec.node === null ? null : sim.node(rec.node)));
  }

  /** The moment of the last step with claims (0 when none). */
  get lastMoment(): number {
    return this.pending.at(-1)?.at ?? 0;
  }

  runUntil(until: number): void {
    while (this.pending.length > 0 && this.pending[0].at <= until) {
      const next = this.pending.shift()!;
      this.run.runUntil(next.at);
      const view = { slots: this.run.sim.nodes(), violations: this.run.violations, stall: this.run.stall(), world: this.run.sim.world };
      this.steps.push({ step: next.step, at: next.at, results: next.claims.map((c) => (parsed(c)
        ? this.watcher.evaluate(c, view)
        : { claim: c.text, holds: false, found: `cannot be checked: ${c.error}` })) });
    }
    this.run.runUntil(until);
  }

  report(): ClaimReport {
    const all = this.steps.flatMap((s) => s.results);
    return { checked: all.length, failed: all.filter((r) => !r.holds).length, steps: this.steps };
  }
}

/** Runs a scenario as far as its last claim and judges them all. */
export function checkClaims(scenario: Scenario): ClaimReport {
  const run = new Run(toSimConfig(scenario), toActions(scenario));
  const checker = new ClaimChecker(scenario, run);
  checker.runUntil(checker.lastMoment);
  return checker.report();
}
