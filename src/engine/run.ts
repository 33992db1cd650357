import { operationsOf } from './clients/operations';
import { type LivenessState, LivenessWatch, PROGRESS, type Stall } from './invariants/liveness';
import type { SafetyMonitor, Violation } from './invariants/monitor';
import { checkHistory } from './linearizability/check';
import { EMPTY_LIVE, type LiveState, observe } from './linearizability/live';
import { PROTOCOLS } from './protocols';
import { Simulation } from './sim/simulation';
import type { Action, NodeSlot, SimConfig, TraceRecord, World } from './sim/types';

type AnyMsg = { type: string };

const LINEARIZABLE = 'linearizable';
const LINEARIZABLE_TEXT = 'every client operation takes effect at one instant between its invocation and its reply (one copy of the store)';
const FENCING = 'fencing';
const FENCING_TEXT = 'the storage node never accepts a write whose fencing token is lower than one it has already accepted';

export interface RunCheckpoint {
  world: World<unknown, AnyMsg>;
  monitor: SafetyMonitor<unknown> | null;
  violations: number;
  liveness: LivenessState | null;
  live: LiveState;
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

  /** lines: false leaves records' pseudocode lines empty, for runs no one reads them from (see Context.marking). */
  constructor(readonly config: SimConfig, actions: readonly Action[], opts: { checks?: boolean; off?: readonly string[]; lines?: boolean } = {}) {
    const entry = PROTOCOLS[config.protocol];
    if (entry === undefined) throw new Error(`unknown protocol "${config.protocol}"`);
    this.sim = new Simulation(entry.protocol, config, actions, { lines: opts.lines });
    this.monitor = opts.checks === false ? null : entry.monitor(config.nodes);
    // Atomic commit has no leader to settle and may block by design: no liveness watch there.
    const progress = PROGRESS[config.protocol];
    this.liveness = opts.checks === false || progress === undefined ? null : new LivenessWatch(progress, config.timing.electionTimeoutMax);
    this.off = new Set(opts.off);
    if (this.monitor !== null) this.sim.onEvent((rec) => this.check(rec));
    if (config.clients !== undefined && opts.checks !== false && !this.off.has(LINEARIZABLE)) this.sim.onEvent((rec) => this.checkClients(rec));
    if (config.clients?.storage !== undefined && opts.checks !== false && !this.off.has(FENCING)) this.sim.onEvent((rec) => this.checkStorage(rec));
  }

  /** Every safety property this run checks, with a plain description. */
  get predicates(): Readonly<Record<string, string>> {
    const own = this.monitor?.predicates ?? {};
    if (this.config.clients === undefined) return own;
    return { ...own, [LINEARIZABLE]: LINEARIZABLE_TEXT, ...(this.config.clients.storage !== undefined ? { [FENCING]: FENCING_TEXT } : {}) };
  }

  /** How many of the storage node's stale writes have been reported. */
  private staleReported = 0;

  /** The fencing check: a write the storage node accepted with a token lower than one it had accepted (storage.ts records them). */
  private checkStorage(rec: TraceRecord<AnyMsg>): void {
    const stale = this.sim.world.clients!.storage!.stale;
    for (; this.staleReported < stale.length; this.staleReported++) {
      const s = stale[this.staleReported];
      this.violations.push({
        predicate: FENCING, seq: rec.seq, t: rec.t, nodes: [],
        text: `the storage node accepted "write ${s.key} ${s.value}" from client ${s.client} with token ${s.token}, after it had accepted token ${s.highest}: a write with a stale token`,
      });
    }
  }

  /** How much of the client history has been checked, and what the live check keeps of it. */
  private historyChecked = 0;
  private live: LiveState = EMPTY_LIVE;

  /**
   * The live linearizability check: when a client's operation completes with ok, the
   * history of its key since its last quiescent point is checked (keys are independent;
   * see linearizability/live.ts). Only once that fails is the key's whole history searched,
   * for the smallest set of operations to show. A key is reported once: it stays broken.
   */
  private checkClients(rec: TraceRecord<AnyMsg>): void {
    const history = this.sim.world.clients!.history;
    const from = this.historyChecked;
    this.historyChecked = history.length;
    for (let i = from; i < history.length; i++) {
      const seen = observe(this.live, history.get(i));
      this.live = seen.live;
      const key = seen.key;
      if (seen.ok !== false || key === null || this.violations.some((v) => v.predicate === LINEARIZABLE && v.key === key)) continue;
      const ops = operationsOf(history, key);
      const verdict = checkHistory(ops);
      if (verdict.result !== 'violation') continue;
      const servers = [...new Set(verdict.operations.flatMap((o) => ops.find((p) => p.id === o.id)?.server ?? []))].sort();
      this.violations.push({
        predicate: LINEARIZABLE, seq: rec.seq, t: rec.t, nodes: servers, text: verdict.text,
        key, operations: verdict.operations.map((o) => o.id), stale: [...verdict.stale],
      });
    }
  }

  private check(rec: TraceRecord<AnyMsg>): void {
    const slots = this.slots();
    const found = this.monitor!.observe(rec.seq, rec.t, rec.node, slots);
    // By index: a for-of over the shared empty list that most events return measured slower.
    for (let i = 0; i < found.length; i++) if (!this.off.has(found[i].predicate)) this.violations.push(found[i]);
    this.liveness?.observe(rec.t, rec.node, slots);
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
    return { world: this.sim.checkpoint(), monitor: this.monitor?.clone() ?? null, violations: this.violations.length, liveness: this.liveness?.state ?? null, live: this.live };
  }

  restore(cp: RunCheckpoint): void {
    this.sim.restore(cp.world);
    this.historyChecked = this.sim.world.clients?.history.length ?? 0;
    this.staleReported = this.sim.world.clients?.storage?.stale.length ?? 0;
    this.live = cp.live;
    this.monitor = cp.monitor?.clone() ?? null;
    this.violations = this.violations.slice(0, cp.violations);
    if (this.liveness !== null && cp.liveness !== null) this.liveness.state = cp.liveness;
  }
}
