import { type LivenessState, LivenessWatch, PROGRESS, type Stall } from './invariants/liveness';
import type { SafetyMonitor, Violation } from './invariants/monitor';
import { PROTOCOLS } from './protocols';
import { Simulation } from './sim/simulation';
import type { Action, NodeSlot, SimConfig, TraceRecord, World } from './sim/types';

type AnyMsg = { type: string };

export interface RunCheckpoint {
  world: World<unknown, AnyMsg>;
  monitor: SafetyMonitor<unknown> | null;
  violations: number;
  liveness: LivenessState | null;
}

/**
 * A simulation with its safety monitor attached: after every event the monitor checks
 * the cluster and any violation is kept with the event that caused it.
 */
export class Run {
  readonly sim: Simulation<unknown, AnyMsg>;
  monitor: SafetyMonitor<unknown> | null;
  /** Watches for a run that stops making progress, which no safety check can see (null with checks off). */
  readonly liveness: LivenessWatch | null;
  violations: Violation[] = [];
  private listed: { of: unknown; slots: readonly NodeSlot<unknown>[] } = { of: null, slots: [] };

  /** Predicates switched off (by the fuzzer, to show the other checks reach a mutant's outcome on their own). */
  private readonly off: ReadonlySet<string>;

  constructor(readonly config: SimConfig, actions: readonly Action[], opts: { checks?: boolean; off?: readonly string[] } = {}) {
    const entry = PROTOCOLS[config.protocol];
    if (entry === undefined) throw new Error(`unknown protocol "${config.protocol}"`);
    this.sim = new Simulation(entry.protocol, config, actions);
    this.monitor = opts.checks === false ? null : entry.monitor(config.nodes);
    this.liveness = opts.checks === false ? null : new LivenessWatch(PROGRESS[config.protocol], config.timing.electionTimeoutMax);
    this.off = new Set(opts.off);
    if (this.monitor !== null) this.sim.onEvent((rec) => this.check(rec));
  }

  private check(rec: TraceRecord<AnyMsg>): void {
    const slots = this.slots();
    const found = this.monitor!.observe(rec.seq, rec.t, rec.node, slots);
    for (const v of found) if (!this.off.has(v.predicate)) this.violations.push(v);
    this.liveness!.observe(rec.t, rec.node, slots);
  }

  /** The cluster's stall at the current time, if the liveness watch sees one. */
  stall(): Stall | null {
    return this.liveness?.stall(this.sim.time) ?? null;
  }

  /** The node slots, listed once per world: slots change in place, and a restore brings new ones. */
  private slots(): readonly NodeSlot<unknown>[] {
    if (this.listed.of !== this.sim.world.nodes) this.listed = { of: this.sim.world.nodes, slots: this.sim.nodes() };
    return this.listed.slots;
  }

  step(): TraceRecord<AnyMsg> | null {
    return this.sim.step();
  }

  runUntil(until: number, opts: { stopOnViolation?: boolean } = {}): void {
    this.sim.runUntil(until, opts.stopOnViolation ? () => this.violations.length > 0 : undefined);
  }

  get safe(): boolean {
    return this.violations.length === 0;
  }

  checkpoint(): RunCheckpoint {
    return { world: this.sim.checkpoint(), monitor: this.monitor?.clone() ?? null, violations: this.violations.length, liveness: this.liveness?.state ?? null };
  }

  restore(cp: RunCheckpoint): void {
    this.sim.restore(cp.world);
    this.monitor = cp.monitor?.clone() ?? null;
    this.violations = this.violations.slice(0, cp.violations);
    if (this.liveness !== null && cp.liveness !== null) this.liveness.state = cp.liveness;
  }
}
