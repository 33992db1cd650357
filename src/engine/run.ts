import type { SafetyMonitor, Violation } from './invariants/monitor';
import { PROTOCOLS } from './protocols';
import { Simulation } from './sim/simulation';
import type { Action, NodeSlot, SimConfig, TraceRecord, World } from './sim/types';

type AnyMsg = { type: string };

export interface RunCheckpoint {
  world: World<unknown, AnyMsg>;
  monitor: SafetyMonitor<unknown> | null;
  violations: number;
}

/**
 * A simulation with its safety monitor attached: after every event the monitor checks
 * the cluster and any violation is kept with the event that caused it.
 */
export class Run {
  readonly sim: Simulation<unknown, AnyMsg>;
  monitor: SafetyMonitor<unknown> | null;
  violations: Violation[] = [];
  private listed: { of: unknown; slots: readonly NodeSlot<unknown>[] } = { of: null, slots: [] };

  /** Predicates switched off (by the fuzzer, to show the other checks reach a mutant's outcome on their own). */
  private readonly off: ReadonlySet<string>;

  constructor(readonly config: SimConfig, actions: readonly Action[], opts: { checks?: boolean; off?: readonly string[] } = {}) {
    const entry = PROTOCOLS[config.protocol];
    if (entry === undefined) throw new Error(`unknown protocol "${config.protocol}"`);
    this.sim = new Simulation(entry.protocol, config, actions);
    this.monitor = opts.checks === false ? null : entry.monitor(config.nodes);
    this.off = new Set(opts.off);
    if (this.monitor !== null) this.sim.onEvent((rec) => this.check(rec));
  }

  private check(rec: TraceRecord<AnyMsg>): void {
    const found = this.monitor!.observe(rec.seq, rec.t, rec.node, this.slots());
    for (const v of found) if (!this.off.has(v.predicate)) this.violations.push(v);
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
    return { world: this.sim.checkpoint(), monitor: this.monitor?.clone() ?? null, violations: this.violations.length };
  }

  restore(cp: RunCheckpoint): void {
    this.sim.restore(cp.world);
    this.monitor = cp.monitor?.clone() ?? null;
    this.violations = this.violations.slice(0, cp.violations);
  }
}
