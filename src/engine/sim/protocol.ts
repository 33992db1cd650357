/**
 * The contract between the simulator and a protocol. A protocol is a set of pure
 * handlers: (state, input, ctx) -> { state, effects, rule, text }. Effects are data;
 * the simulator carries them out (sends, timers) and records the rule that ran.
 */
export type NodeId = number;

export interface Timing {
  electionTimeoutMin: number;
  electionTimeoutMax: number;
  heartbeatInterval: number;
  latencyMin: number;
  latencyMax: number;
}

export interface Context {
  readonly self: NodeId;
  /** Every node id of the cluster, 1..n, self included. */
  readonly nodes: readonly NodeId[];
  readonly timing: Readonly<Timing>;
  readonly options: Readonly<Record<string, boolean>>;
  /** Deliberately broken rules switched on for this run (mutants). */
  readonly bugs: ReadonlySet<string>;
  /** The nodes that may propose (Paxos); every node unless the scenario says otherwise. */
  readonly proposers: readonly NodeId[];
  /** 2PC/3PC: this participant's chance of voting no on each transaction, and the seed its draws come from (absent: it votes as the transaction says). */
  readonly voteNo?: { readonly chance: number; readonly seed: number };
  /**
   * false when no one will read the pseudocode lines a step ran (a fuzz run): handlers then keep
   * no line marks, which are most of what a step allocates. 'ids': they keep only which lines
   * ran (Step.ids), and the simulation makes the values when someone reads them, by running the
   * pure handler again (see EventRecord.lines). Absent: lines and values are kept.
   */
  readonly marking?: boolean | 'ids';
  /**
   * Set by the simulation: the handler's outbox hands each effect to it as the handler makes
   * it, so effects never become data (Step.effects is then empty). The simulation carries them
   * out in the order they are made, as it would after the handler, and draws nothing from its
   * random numbers while a handler runs: the run is the same.
   */
  readonly sink?: EffectSink;
  /** Set by the simulation: this node's outbox, lent to its handlers one at a time (see Outbox.for). */
  readonly outbox?: Lendable;
}

/**
 * An outbox a simulation keeps for each node and lends to the node's handlers one at a time,
 * so that an event allocates no outbox. A handler that runs another handler (a TimeoutNow runs
 * the election timeout's) holds it, and the inner one gets a new outbox of its own.
 */
export interface Lendable {
  /** This outbox, emptied, if no handler holds it and it carries to `sink`; else null. */
  lend(sink: EffectSink): Outbox<unknown> | null;
  /** The simulation has carried out the step of the handler it was lent to. */
  free(): void;
}

/** What carries out a node's effects at once (the simulation; see Context.sink). */
export interface EffectSink {
  send(from: NodeId, to: NodeId, msg: unknown): void;
  startTimer(node: NodeId, name: string, min: number, max: number): void;
  cancelTimer(node: NodeId, name: string): void;
  /** A committed entry handed to the state machine of the node whose handler runs. */
  apply(index: number, command: string): void;
  /** True while the event handled now is one whose record no one will see: its lines need not be kept. */
  readonly unseen: boolean;
}

export type Input<M> =
  | { kind: 'start' }
  | { kind: 'recover' }
  | { kind: 'message'; from: NodeId; msg: M }
  | { kind: 'timer'; name: string }
  /** The user forces a timeout (election timeout in Raft, a retry in Paxos). */
  | { kind: 'timeout' }
  | { kind: 'request'; command: string };

export type Effect<M> =
  | { kind: 'send'; to: NodeId; msg: M }
  /** (Re)start a timer; the simulator draws its duration uniformly from [min, max]. */
  | { kind: 'timer'; name: string; min: number; max: number }
  | { kind: 'cancel'; name: string }
  /** A committed entry handed to the node's state machine. */
  | { kind: 'apply'; index: number; command: string };

/**
 * One pseudocode line a handler ran (an id from the protocol's pseudocode.ts), with the
 * values it saw beside it (`cTerm 3 > currentTerm 2`), built only when someone reads it.
 */
export interface LineMark {
  readonly id: string;
  readonly value: (() => string) | null;
}

export interface Step<S, M> {
  state: S;
  effects: Effect<M>[];
  /** The pseudocode lines that ran, in order; a line run twice (once per follower) appears twice. */
  lines: LineMark[];
  /** Under marking 'ids': the ids of the lines that ran, in order, without their values (lines is then empty). */
  ids: readonly string[] | null;
  /** The rule that ran, e.g. 'raft.voteRequest'. */
  rule: string;
  /** One plain sentence for the event log, built only when someone reads it. */
  text: () => string;
  /** The input could not apply (e.g. a forced timeout on a leader): recorded as refused. */
  refused?: boolean;
}

export interface Protocol<S, M extends { type: string }> {
  readonly name: string;
  /** Every mutant this protocol understands, with the mistake it models. */
  readonly bugs: Readonly<Record<string, string>>;
  init(ctx: Context): S;
  /** What survives a crash: persistent fields kept, volatile fields reset to defaults. */
  crash(state: S, ctx: Context): S;
  handle(state: S, input: Input<M>, ctx: Context): Step<S, M>;
  /** The user hands leadership to node `to` (Raft's leadership transfer); absent where the protocol has none. */
  transfer?(state: S, to: NodeId, ctx: Context): Step<S, M>;
  /** A short label for a message, e.g. "VoteRequest(term 2)". */
  describe(msg: M): string;
  /** The node's state as the runner prints it under --states. */
  summarize(state: S, ctx: Context): Record<string, unknown>;
}

const NO_LINES: LineMark[] = [];
const noText = () => '';
const NO_EFFECTS: Effect<never>[] = [];

/**
 * A per-invocation collector of effects, so handlers read as a list of steps. It is also the
 * handler's Step: `done` fills in the state, rule and text and returns the outbox itself, so
 * an event allocates one object for both (this runs for every event of a run).
 */
export class Outbox<M> implements Step<unknown, M> {
  state: unknown = undefined;
  rule = '';
  text: () => string = noText;
  /** Under marking 'ids': the ids of the lines marked so far (see IdsOnly); else null. */
  ids: string[] | null = null;
  // Given by the kinds below, which need no arrays of their own.
  constructor(readonly effects: Effect<M>[] = [], readonly lines: LineMark[] = []) {}

  /**
   * An outbox for a handler on the node of `ctx`. In a simulation (a sink), its effects are
   * carried out at once, and it keeps no line marks if no one reads them, or only their ids.
   */
  static for<M>(ctx: Pick<Context, 'marking' | 'sink' | 'self' | 'outbox'>): Outbox<M> {
    const sink = ctx.sink;
    if (sink === undefined) return new Outbox<M>();
    // The node's own outbox, unless a handler that runs another one holds it already.
    return ctx.outbox?.lend(sink) as Outbox<M> | null ?? Outbox.carrying<M>(sink, ctx.self, ctx.marking);
  }

  /** A new outbox that hands its effects to `sink` as they are made, for the node `self`. */
  static carrying<M>(sink: EffectSink, self: NodeId, marking: Context['marking']): Lendable & Outbox<M> {
    return marking === false ? new Unmarked<M>(sink, self) : marking === 'ids' ? new IdsOnly<M>(sink, self) : new Carried<M>(sink, self);
  }

  /** Notes that the pseudocode line `id` ran, with the values beside it. */
  mark(id: string, value: (() => string) | null = null): void {
    this.lines.push({ id, value });
  }
  send(to: NodeId, msg: M): void {
    this.effects.push({ kind: 'send', to, msg });
  }
  startTimer(name: string, min: number, max: number): void {
    this.effects.push({ kind: 'timer', name, min, max });
  }
  cancelTimer(name: string): void {
    this.effects.push({ kind: 'cancel', name });
  }
  apply(index: number, command: string): void {
    this.effects.push({ kind: 'apply', index, command });
  }
  /** The handler's step: this outbox, with what the handler ends in. */
  done<S>(state: S, rule: string, text: () => string): Step<S, M> {
    this.state = state;
    this.rule = rule;
    this.text = text;
    return this as Step<S, M>;
  }
}

/** An outbox whose effects the simulation carries out as the handler makes them (see Context.sink). */
class Carried<M> extends Outbox<M> implements Lendable {
  /** Lent to a handler now: until the simulation has carried out that handler's step. */
  private lent = false;

  constructor(private readonly sink: EffectSink, private readonly self: NodeId, lines?: LineMark[]) {
    super(NO_EFFECTS, lines);
  }

  lend(sink: EffectSink): this | null {
    if (this.lent || sink !== this.sink) return null;
    this.lent = true;
    this.reopen();
    return this;
  }

  free(): void {
    this.lent = false;
  }

  /** Empty again for the next handler: nothing of the step before is left (its ids array stays with its record). */
  protected reopen(): void {
    this.state = undefined;
    this.rule = '';
    this.text = noText;
  }
  override send(to: NodeId, msg: M): void {
    this.sink.send(this.self, to, msg);
  }
  override startTimer(name: string, min: number, max: number): void {
    this.sink.startTimer(this.self, name, min, max);
  }
  override cancelTimer(name: string): void {
    this.sink.cancelTimer(this.self, name);
  }
  override apply(index: number, command: string): void {
    this.sink.apply(index, command);
  }
}

/**
 * An outbox that keeps no line marks. Its mark does nothing, so where a handler only ever
 * meets this kind, the compiler drops the marks' value closures too (most of what a step
 * allocates). A separate class rather than a flag, for exactly that reason.
 */
class Unmarked<M> extends Carried<M> {
  constructor(sink: EffectSink, self: NodeId) {
    super(sink, self, NO_LINES);
  }
  override mark(): void {}
}

/**
 * An outbox that keeps which lines ran but not their values: the value closures go unused, so
 * the compiler drops them as for Unmarked. The simulation makes the values only when someone
 * reads them (most records are never read line by line). For an event no one will see it keeps
 * no ids either (ids null), yet stays this one class, so that handlers' calls of mark see one.
 */
class IdsOnly<M> extends Carried<M> {
  constructor(private readonly carriesTo: EffectSink, self: NodeId) {
    super(carriesTo, self, NO_LINES);
    this.ids = carriesTo.unseen ? null : [];
  }
  protected override reopen(): void {
    super.reopen();
    this.ids = this.carriesTo.unseen ? null : [];
  }
  override mark(id: string): void {
    if (this.ids !== null) this.ids.push(id);
  }
}
