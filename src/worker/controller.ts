import type { Violation } from '../engine/invariants/monitor';
import { PROTOCOLS } from '../engine/protocols';
import { Run, type RunCheckpoint } from '../engine/run';
import type { Action, Envelope, TraceRecord } from '../engine/sim/types';
import { toActions, toSimConfig } from '../scenario/config';
import type { Scenario } from '../scenario/schema';
import { nodeStates, traceLine } from '../engine/traceFormat';
import { AppliedKv } from './appliedKv';
import { movingFrame } from './movingFrame';
import { SpaceTimeLog, type SpaceTimeQuery, type SpaceTimeWindow } from './spacetime';
import { type Marker, MAX_MARKERS, type MessageView, type MovingFrame, type NarrationStep, type NodeView, type Snapshot, type TraceView, type UserAction } from './protocol';

export const SPEED = { min: 0.01, max: 100, initial: 0.05 } as const;
const CHECKPOINT_EVERY = 256;
const MAX_CHECKPOINTS = 2000;
const HISTORY_CAP = 300_000;
const TRACE_TAIL = 150;
/** While playing, at most this many trace records per snapshot: the event log shows fewer, and under load a frame stays small. */
const TRACE_PLAYING = 40;
/** Snapshots carry only the tail of each log: the view shows the latest entries, and cloning thousands per frame would stall it. */
const LOG_TAIL = 24;

type Msg = { type: string };

interface Checkpoint {
  events: number;
  time: number;
  /** How many timeline actions had run: the rest are re-queued on restore. */
  actionsDone: number;
  run: RunCheckpoint;
}

/**
 * Drives one simulation for the UI: playing on a virtual clock, stepping, seeking
 * backwards through checkpoints and replay, and recording user actions into the
 * scenario's timeline. Host-free (no timers, no worker globals), so tests drive it directly.
 */
type TraceHeld = 'whole' | 'recent' | 'stale';

export class Controller {
  playing = false;
  speed: number = SPEED.initial;
  private scenarioBase!: Scenario;
  private narration: NarrationStep[] = [];
  private timeline: Action[] = [];
  private run!: Run;
  private checkpoints: Checkpoint[] = [];
  private actionsDone = 0;
  private history: TraceView[] = [];
  private historyOffset = 0;
  private markers: Marker[] = [];
  /** Whether the view holds our markers up to markersSentSeq, so only newer ones need sending. */
  private markersKnown = false;
  private markersSentSeq = -1;
  private scenarioSent = false;
  private frontier = { time: 0, events: 0 };
  private clock = 0;
  private losses: MessageView[] = [];
  /** Every message's life and the lanes' events, for the space-time diagram. */
  private spaceTime!: SpaceTimeLog;
  private nodeCache: { state: unknown; up: boolean; timerKey: string; view: NodeView }[] = [];
  /** Each node's applied key-value store, kept between snapshots. */
  private applied: AppliedKv[] = [];
  private violationsSeen = 0;
  /** What the last delta snapshot carried, so the next one sends only what changed. */
  /**
   * What the view holds. Its trace is `whole` (the recent tail, up to the last event sent),
   * `recent` (only the newest records, as while playing) or `stale` (records were held back
   * since, and it must be replaced).
   */
  private sent = { reset: true, events: 0, versions: [] as number[], violations: -1, trace: 'stale' as TraceHeld };
  /** Whether the page shows the event log; while playing, trace records nobody shows are not sent. */
  traceShown = true;

  constructor(scenario: Scenario, at?: number) {
    this.load(scenario, at);
  }

  /** Starts afresh from a scenario; with `at`, opens paused at exactly that virtual time. */
  load(scenario: Scenario, at?: number): void {
    this.scenarioBase = scenario;
    this.narration = [...scenario.narration].sort((a, b) => a.at - b.at);
    this.timeline = toActions(scenario);
    this.run = new Run(toSimConfig(scenario), this.timeline);
    this.run.sim.onEvent((rec) => this.observe(rec));
    this.spaceTime = new SpaceTimeLog((msg) => this.run.sim.protocol.describe(msg));
    this.checkpoints = [{ events: 0, time: 0, actionsDone: 0, run: this.run.checkpoint() }];
    this.actionsDone = 0;
    this.history = [];
    this.historyOffset = 0;
    this.markers = [];
    this.markersKnown = false;
    this.scenarioSent = false;
    this.frontier = { time: 0, events: 0 };
    this.clock = 0;
    this.losses = [];
    this.nodeCache = [];
    this.violationsSeen = 0;
    this.sent = { reset: true, events: 0, versions: [], violations: -1, trace: 'stale' };
    this.playing = false;
    if (at !== undefined && at > 0) this.seekTime(at);
  }

  get time(): number {
    return this.clock;
  }

  get events(): number {
    return this.run.sim.world.events;
  }

  get traceHash(): string {
    return this.run.sim.traceHash;
  }

  /** The scenario with every action taken so far: what a share link carries. */
  scenario(): Scenario {
    return {
      ...this.scenarioBase,
      actions: this.timeline.map((a) => ({ ...a })) as Scenario['actions'],
      narration: this.narration.map((n) => ({ ...n })),
    };
  }

  setSpeed(speed: number): void {
    this.speed = Math.min(SPEED.max, Math.max(SPEED.min, speed));
  }

  /**
   * Moves the clock on by `virtualMs` while playing. Returns true if a safety check
   * failed on the way, in which case the run stops right after the offending event.
   */
  advance(virtualMs: number): boolean {
    // Narration steps pause the run at their time, so the lecturer can speak.
    const step = this.narration.find((n) => n.at > this.clock && n.at <= this.clock + virtualMs);
    if (step !== undefined) {
      const broke = this.advanceTo(step.at);
      if (!broke) {
        this.playing = false;
        this.clock = step.at;
      }
      return broke;
    }
    return this.advanceTo(this.clock + virtualMs);
  }

  /** The narration step in force now: the last one at or before the clock, or -1. */
  narrationStep(): number {
    let k = -1;
    this.narration.forEach((n, i) => { if (n.at <= this.clock) k = i; });
    return k;
  }

  /** Plays on to the next narration step, where advance() pauses. False if there is none. */
  narrationNext(): boolean {
    if (!this.narration.some((n) => n.at > this.clock)) return false;
    this.playing = true;
    return true;
  }

  /** Back to the start of the step in force, or to the one before if already there. */
  narrationPrev(): void {
    const k = this.narrationStep();
    if (k < 0) return;
    const target = this.clock > this.narration[k].at ? this.narration[k].at : k > 0 ? this.narration[k - 1].at : 0;
    this.playing = false;
    this.seekTime(target);
  }

  setNarration(steps: NarrationStep[]): void {
    this.narration = steps.map((n) => ({ at: Math.max(0, Math.floor(n.at)), text: n.text })).sort((a, b) => a.at - b.at);
    this.scenarioSent = false;
  }

  /** The run so far as JSON Lines in the runner's format, replayed from scratch to this event. */
  exportTrace(): string {
    const s = this.scenario();
    const run = new Run(toSimConfig(s), toActions(s));
    const lines: string[] = [];
    run.sim.onEvent((rec) => lines.push(JSON.stringify(traceLine(rec))));
    while (run.sim.world.events < this.events && run.step() !== null) { /* replay */ }
    lines.push(JSON.stringify({ summary: {
      protocol: s.protocol, events: run.sim.world.events, endTime: run.sim.time, violations: run.violations, traceHash: run.sim.traceHash,
      nodes: nodeStates(run.sim.protocol, run.sim.nodes(), run.sim.contexts),
    } }));
    return `${lines.join('\n')}\n`;
  }

  private advanceTo(target: number): boolean {
    this.run.runUntil(Math.floor(target), { stopOnViolation: true });
    if (this.newViolation()) {
      this.playing = false;
      this.clock = this.run.sim.time;
      return true;
    }
    this.clock = Math.max(target, this.run.sim.time);
    return false;
  }

  stepForward(): void {
    this.run.step();
    this.clock = this.run.sim.time;
    this.newViolation();
  }

  stepBack(): void {
    if (this.events > 0) this.seekEvent(this.events - 1);
  }

  /** Every event at or before `time` has happened, none after. */
  seekTime(time: number): void {
    const t = Math.max(0, Math.floor(time));
    if (t < this.run.sim.time) this.restore((c) => c.time <= t);
    this.run.runUntil(t);
    this.clock = t;
    this.newViolation();
  }

  seekEvent(seq: number): void {
    const n = Math.max(0, Math.floor(seq));
    if (n < this.events) this.restore((c) => c.events <= n);
    while (this.events < n && this.run.step() !== null) { /* replay */ }
    this.clock = this.run.sim.time;
    this.newViolation();
  }

  /**
   * Records a user action at the current moment (stamped 1 ms after the clock, so a
   * replay from the start runs it at exactly the same point). Acting in the past
   * discards the future after this point, as in a video editor; the returned notice says so.
   */
  act(user: UserAction): string | null {
    const now = this.run.sim.time;
    const action = { ...user, at: now + 1 } as Action;
    // Actions already stamped for this moment (quick clicks between frames) are the present,
    // not the future: only what lies beyond it is discarded.
    const keep = this.timeline.filter((a, i) => i < this.actionsDone || a.at <= now + 1);
    const laterActions = this.timeline.length - keep.length;
    const laterEvents = this.frontier.events - this.events;
    let notice: string | null = null;
    if (laterActions > 0 || laterEvents > 0) {
      this.timeline = keep;
      this.run.sim.clearActions();
      for (const a of keep.slice(this.actionsDone)) this.run.sim.schedule(a);
      this.checkpoints = this.checkpoints.filter((c) => c.events <= this.events);
      this.history.length = Math.max(0, this.events - this.historyOffset);
      this.markers = this.markers.filter((m) => m.seq <= this.events);
      this.markersKnown = false;
      this.frontier = { time: now, events: this.events };
      this.spaceTime.truncate(this.events, this.run.sim.world.nextMsgId);
      const parts = [
        laterEvents > 0 ? `${laterEvents.toLocaleString('en')} later event${laterEvents === 1 ? '' : 's'}` : '',
        laterActions > 0 ? `${laterActions} later action${laterActions === 1 ? '' : 's'}` : '',
      ].filter(Boolean);
      const one = laterEvents + laterActions === 1;
      notice = `You acted at ${formatTime(now)}, before the end of the run: ${parts.join(' and ')} ${one ? 'was' : 'were'} discarded.`;
    }
    this.timeline.push(action);
    this.run.sim.schedule(action);
    this.scenarioSent = false;
    // Paused, the action still shows at once: run up to and including it (1 ms on).
    if (!this.playing) {
      while (this.actionsDone < this.timeline.length && this.run.step() !== null) { /* up to the action */ }
      this.clock = this.run.sim.time;
      this.newViolation();
    }
    return notice;
  }

  /**
   * The state of the run for the view. With `delta`, only what changed since the previous
   * delta snapshot is included (see Snapshot); without it, everything.
   */
  snapshot(delta = false): Snapshot {
    const sim = this.run.sim;
    const entry = PROTOCOLS[this.scenarioBase.protocol];
    const reset = !delta || this.sent.reset || this.events < this.sent.events;
    const messages = this.messagesNow();
    const trace = this.traceDelta(reset);
    const nodes = sim.nodes().map((slot, i) => this.nodeView(i, slot)).filter((n, i) => reset || this.sent.versions[i] !== n.version);
    const allMarkers = reset || !this.markersKnown;
    const added = allMarkers ? this.markers.slice() : this.markersAfter(this.markersSentSeq);
    const markers = allMarkers || added.length > 0 ? { reset: allMarkers, list: added } : null;
    const scenario = this.scenarioSent && !reset ? null : this.scenario();
    const violations = this.run.violations;
    const safety = !reset && violations.length === this.sent.violations ? null : {
      predicates: Object.entries(this.run.monitor?.predicates ?? entry.monitor(this.scenarioBase.nodes).predicates).map(([name, description]) => ({
        name, description, ok: !violations.some((v) => v.predicate === name),
      })),
      violations: violations.map((v) => ({ ...v, context: this.contextOf(v) })),
    };
    if (delta) {
      this.markersKnown = true;
      this.markersSentSeq = this.markers.at(-1)?.seq ?? -1;
      this.scenarioSent = true;
      for (const n of nodes) this.sent.versions[n.id - 1] = n.version;
      this.sent = { reset: false, events: this.events, versions: this.sent.versions, violations: violations.length, trace: trace.held };
    }
    return {
      reset,
      protocol: this.scenarioBase.protocol,
      nodeCount: this.scenarioBase.nodes,
      time: this.clock,
      events: this.events,
      frontier: { ...this.frontier },
      playing: this.playing,
      speed: this.speed,
      nodes,
      messages,
      network: this.networkView(),
      timing: { ...this.scenarioBase.timing },
      trace: { reset: trace.reset, list: trace.list },
      markers,
      safety,
      traceHash: sim.traceHash,
      scenario,
      narrationStep: this.narrationStep(),
    };
  }

  /**
   * The trace records for the view: new ones appended to what it holds, or (`reset`) a tail
   * that replaces it. While playing, only the newest TRACE_PLAYING, and none while the event
   * log is out of sight; once paused, the whole tail again, so the log can be read back.
   */
  private traceDelta(reset: boolean): { reset: boolean; list: TraceView[]; held: TraceHeld } {
    const end = this.events - this.historyOffset;
    const tail = Math.max(0, end - TRACE_TAIL);
    const held = this.sent.trace;
    if (reset || (!this.playing && held !== 'whole')) return { reset: true, list: this.history.slice(tail, end), held: 'whole' };
    const from = Math.max(tail, this.sent.events - this.historyOffset);
    if (this.playing && !this.traceShown) return { reset: false, list: [], held: from < end ? 'stale' : held };
    if (held === 'stale' || (this.playing && end - from > TRACE_PLAYING)) return { reset: true, list: this.history.slice(Math.max(0, end - TRACE_PLAYING), end), held: 'recent' };
    return { reset: false, list: this.history.slice(from, end), held };
  }

  /** The markers newer than an event, found from the end: under load, a few per frame among thousands. */
  private markersAfter(seq: number): Marker[] {
    let i = this.markers.length;
    while (i > 0 && this.markers[i - 1].seq > seq) i--;
    return this.markers.slice(i);
  }

  /** What moves at this snapshot's moment, for the drawing worker: every node's timer ring. */
  movingFrame(snap: Snapshot): MovingFrame {
    return movingFrame(snap, this.nodeCache.map((c) => c?.view));
  }

  /** What moves now, without a snapshot (and without touching what the view was sent). */
  movingNow(): MovingFrame {
    const sim = this.run.sim;
    const views = sim.nodes().map((slot, i) => this.nodeView(i, slot));
    return movingFrame({ time: this.clock, playing: this.playing, messages: this.messagesNow(), network: this.networkView() }, views);
  }

  private networkView(): Snapshot['network'] {
    const n = this.run.sim.world.network;
    return {
      groups: n.groups === null ? null : n.groups.map((g) => [...g]),
      cuts: [...n.cuts],
      dropRate: n.dropRate, duplicateRate: n.duplicateRate, latencyMin: n.latencyMin, latencyMax: n.latencyMax,
    };
  }

  /** The messages in flight, and those lost lately enough to be still falling away. */
  private messagesNow(): MessageView[] {
    const fallWindow = this.run.sim.world.network.latencyMax;
    this.losses = this.losses.filter((m) => m.lostAt !== null && m.lostAt <= this.clock && this.clock - m.lostAt <= fallWindow);
    return this.run.sim.inFlight().map((env) => this.messageView(env, null)).concat(this.losses);
  }

  /** A window of the run for the space-time diagram, as it stands now. */
  spaceTimeWindow(q: SpaceTimeQuery): SpaceTimeWindow {
    const sim = this.run.sim;
    return this.spaceTime.query(q, { t: this.clock, seq: this.events }, sim.inFlight(), this.scenarioBase.nodes);
  }

  // ---- internals -------------------------------------------------------------------------

  private observe(rec: TraceRecord<Msg>): void {
    if (rec.action !== undefined) this.actionsDone++;
    if (rec.kind === 'lost' || rec.rule === 'user.drop') {
      if (rec.msg !== undefined) this.losses.push(this.messageView(rec.msg, rec.t));
    }
    if (rec.seq > this.frontier.events) {
      this.frontier = { time: rec.t, events: rec.seq };
      this.remember(rec);
    }
    if (rec.seq % CHECKPOINT_EVERY === 0 && rec.seq > this.checkpoints[this.checkpoints.length - 1].events) {
      this.checkpoints.push({ events: rec.seq, time: rec.t, actionsDone: this.actionsDone, run: this.run.checkpoint() });
      if (this.checkpoints.length > MAX_CHECKPOINTS) this.thinCheckpoints();
    }
  }

  /** Keeps the trace of new events for the event log, and marks elections, leaders, commits and faults. */
  private remember(rec: TraceRecord<Msg>): void {
    const view: TraceView = { seq: rec.seq, t: rec.t, kind: rec.kind, node: rec.node, rule: rec.rule, text: rec.text() };
    this.spaceTime.record(rec, this.run.sim.world.nextMsgId);
    this.history.push(view);
    if (this.history.length > HISTORY_CAP) {
      const drop = this.history.length - HISTORY_CAP;
      this.history.splice(0, drop);
      this.historyOffset += drop;
    }
    const kind = markerKind(rec);
    if (kind !== null) {
      this.markers.push({ seq: rec.seq, t: rec.t, kind, label: view.text });
      if (this.markers.length > MAX_MARKERS) this.markers.splice(0, this.markers.length - MAX_MARKERS);
    }
  }

  /** Halves the number of older checkpoints, keeping recent ones dense for cheap stepping back. */
  private thinCheckpoints(): void {
    const keepDense = MAX_CHECKPOINTS / 2;
    const old = this.checkpoints.slice(0, this.checkpoints.length - keepDense).filter((_, i) => i % 2 === 0);
    this.checkpoints = [...old, ...this.checkpoints.slice(this.checkpoints.length - keepDense)];
  }

  private restore(fits: (c: Checkpoint) => boolean): void {
    let cp = this.checkpoints[0];
    for (const c of this.checkpoints) if (fits(c)) cp = c;
    this.run.restore(cp.run);
    this.run.sim.clearActions();
    for (const a of this.timeline.slice(cp.actionsDone)) this.run.sim.schedule(a);
    this.actionsDone = cp.actionsDone;
    this.losses = [];
    this.sent.reset = true;
    this.violationsSeen = Math.min(this.violationsSeen, this.run.violations.length);
  }

  private newViolation(): boolean {
    const found = this.run.violations.length > this.violationsSeen;
    this.violationsSeen = this.run.violations.length;
    return found;
  }

  private contextOf(v: Violation): TraceView[] {
    const to = v.seq - this.historyOffset;
    return this.history.slice(Math.max(0, to - 8), Math.max(0, to));
  }

  private messageView(env: Envelope<Msg>, lostAt: number | null): MessageView {
    const { type, ...raw } = env.msg as Msg & Record<string, unknown>;
    // A LogRequest's suffix can hold thousands of entries: the view shows only how many.
    // Lists of numbers (a Paxos ballot) are values, and stay as they are.
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) fields[k] = Array.isArray(v) && (v.length === 0 || typeof v[0] !== 'number') ? v.length : v;
    const protocol = this.run.sim.protocol;
    return {
      id: env.id, from: env.from, to: env.to, type, label: protocol.describe(env.msg),
      sentAt: env.sentAt, deliverAt: env.deliverAt, lostAt, duplicateOf: env.duplicateOf, fields,
    };
  }

  private nodeView(i: number, slot: { id: number; up: boolean; state: unknown; timers: Record<string, { since: number; at: number; id: number } | null> }): NodeView {
    const timerKey = Object.entries(slot.timers).map(([k, v]) => (v === null ? '' : `${k}${v.id}`)).join();
    const cached = this.nodeCache[i];
    if (cached !== undefined && cached.state === slot.state && cached.up === slot.up && cached.timerKey === timerKey) return cached.view;
    const timers: NodeView['timers'] = {};
    for (const [name, t] of Object.entries(slot.timers)) if (t !== null) timers[name] = { since: t.since, at: t.at };
    const state = slot.state as { log?: { command: string }[]; commitLength?: number; decided?: Record<number, string>; applied?: number };
    // The state machine: Raft's committed log, or Multi-Paxos's applied slots.
    const applied = this.applied[i] ??= new AppliedKv();
    const kv = state.log !== undefined ? applied.update(state.commitLength ?? 0, (k) => state.log![k].command)
      : state.decided !== undefined ? applied.update(state.applied ?? 0, (k) => state.decided![k + 1]) : {};
    const logStart = state.log !== undefined ? Math.max(0, state.log.length - LOG_TAIL) : 0;
    const shown = logStart > 0 ? { ...(slot.state as object), log: state.log!.slice(logStart) } : slot.state;
    const view: NodeView = { id: slot.id, up: slot.up, version: (cached?.view.version ?? 0) + 1, state: shown, logStart, timers, kv };
    this.nodeCache[i] = { state: slot.state, up: slot.up, timerKey, view };
    return view;
  }
}

function markerKind(rec: TraceRecord<Msg>): Marker['kind'] | null {
  if (rec.kind === 'refused') return null;
  if (rec.rule === 'raft.electionTimeout' || rec.rule === 'paxos.prepare' || rec.rule === 'multipaxos.prepare') return 'election';
  if (rec.rule === 'raft.becomeLeader' || rec.rule === 'multipaxos.lead') return 'leader';
  if ((rec.rule === 'raft.logResponse' && rec.applied !== undefined) || rec.rule === 'paxos.learn') return 'commit';
  if (rec.rule === 'multipaxos.decide' && rec.applied !== undefined) return 'commit';
  if (rec.action !== undefined && rec.action.type !== 'request' && rec.action.type !== 'timeout') return 'fault';
  return null;
}

export function formatTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}
