import { leaseLength } from '../engine/clients/leaseReading';
import type { ServerSide } from '../engine/clients/types';
import type { Violation } from '../engine/invariants/monitor';
import { PROTOCOLS } from '../engine/protocols';
import { Slots } from '../engine/multipaxos/slots';
import type { MultiPaxosState } from '../engine/multipaxos/types';
import { multipaxosView } from '../engine/multipaxos/view';
import { Log } from '../engine/raft/log';
import { TxLog } from '../engine/twopc/durableLog';
import type { AtomicState } from '../engine/twopc/types';
import { atomicView } from '../engine/twopc/view';
import { Run, type RunCheckpoint } from '../engine/run';
import type { NodeClock } from '../engine/sim/clock';
import { pendingChoices } from '../engine/sim/pending';
import type { Action, Envelope, NodeSlot, TraceRecord } from '../engine/sim/types';
import { checkClaims, type StepClaims } from '../scenario/claims/check';
import { toActions, toSimConfig } from '../scenario/config';
import type { Scenario } from '../scenario/schema';
import { type AppliedKv, multipaxosApplied, raftApplied } from './appliedKv';
import { clientsView } from './clientsView';
import { committedCommand } from './committedCommand';
import { Figures, type FiguresMark } from './figures';
import { messageFields } from './messageFields';
import { movingFrame } from './movingFrame';
import { PseudocodeTracker, type TrackerMark } from './pseudocodeTracker';
import { type RecordMark, recordMark } from './recordMark';
import { SpaceTimeLog, type SpaceTimeQuery, type SpaceTimeWindow } from './spacetime';
import { LockStamps } from './lockStamps';
import { TraceExport } from './traceExport';
import { type Marker, MAX_MARKERS, type MessageView, type MovingFrame, type NarrationStep, type NodeView, type ScenarioDelta, type Snapshot, type TraceView, type UserAction } from './protocol';

export const SPEED = { min: 0.01, max: 100, initial: 0.05 } as const;
/**
 * A checkpoint every this many events at first; the spacing doubles whenever MAX_CHECKPOINTS are
 * held. A checkpoint of a long lossy Multi-Paxos run holds about 25 KB of its own (node states,
 * the queue, the monitor's copy): 2,048 of them stay near 50 MB, and a seek or step back replays
 * at most one spacing (1,024 events after about 1,000,000; a 10-minute run has about 330,000).
 */
const CHECKPOINT_EVERY = 256;
const MAX_CHECKPOINTS = 2048;
/**
 * What a checkpoint holds of its own, estimated: node states, the monitor's copy and marks (about
 * 20 KB in a long Multi-Paxos run), and the queue it copies, about 120 bytes an item (what lands
 * before the next checkpoint is kept by it alone). A burst of commands (the page sends a frame's
 * clicks at once) leaves thousands of messages in the queue: then the spacing doubles sooner, so
 * the checkpoints' estimate stays under CHECKPOINT_BUDGET, while at least MIN_CHECKPOINTS are held.
 */
const CHECKPOINT_BYTES = 20_000;
const QUEUE_ITEM_BYTES = 120;
const CHECKPOINT_BUDGET = 48e6;
const MIN_CHECKPOINTS = 64;
const TRACE_TAIL = 150;
/**
 * The simulation is given the timeline's actions this many at a time, as the run reaches them:
 * every checkpoint copies the simulation's queue, and a long scenario's thousands of future
 * actions in it made each copy cost the length of the scenario.
 */
const ACTIONS_AHEAD = 64;
/** How far "next time this line ran" computes ahead of the run so far before giving up. */
const LOOK_AHEAD = 20_000;
/** The newest records are kept as they happened; older ones are replayed from a checkpoint when asked for. */
const RECENT = 256;
/** Markers beyond MAX_MARKERS are trimmed this many at a time. */
const MARKER_SLACK = 512;
/** While playing, at most this many trace records per snapshot: the event log shows fewer, and under load a frame stays small. */
const TRACE_PLAYING = 40;
/**
 * At most this many messages per snapshot (and per moving frame). A burst of commands at one
 * moment (hundreds of clicks queued while the page was busy) leaves tens of thousands in flight
 * for a while: carrying all of them cost megabytes per frame, slowed the run and Pause by
 * seconds, and could not be told apart on screen anyway. Normal runs stay far below it.
 */
export const MAX_MESSAGES_SHOWN = 1000;
/** No message held: most frames, so messagesNow makes no map for them. */
const NONE_HELD: ReadonlyMap<number, number> = new Map();
/** Snapshots carry only the tail of each log: the view shows the latest entries, and cloning thousands per frame would stall it. */
const LOG_TAIL = 24;
/** Lost messages beyond this many are pruned to those still falling away (the bound doubles with what is kept). */
const LOSSES_PRUNE = 256;

type Msg = { type: string };

/** How far a move in slices has come (see beginSeek): from where, to where, and where it is now. */
export interface Progress {
  from: number;
  target: number;
  now: number;
}

interface Checkpoint {
  events: number;
  time: number;
  /** How many timeline actions had run: the rest are re-queued on restore. */
  actionsDone: number;
  run: RunCheckpoint;
  code: TrackerMark;
  figures: FiguresMark;
  /** What it holds of its own, estimated (see CHECKPOINT_BYTES). */
  bytes: number;
}

/**
 * Drives one simulation for the UI: playing on a virtual clock, stepping, seeking
 * backwards through checkpoints and replay, and recording user actions into the
 * scenario's timeline. Host-free (no timers, no worker globals), so tests drive it directly.
 */
type TraceHeld = 'whole' | 'recent' | 'stale';

export class Controller {
  private isPlaying = false;
  /** The step Next is playing to: manual delivery's waits do not stop it short (null unless Next started the play). */
  private nextStepAt: number | null = null;
  speed: number = SPEED.initial;
  private scenarioBase!: Scenario;
  private narration: NarrationStep[] = [];
  private timeline: Action[] = [];
  private run!: Run;
  private checkpoints: Checkpoint[] = [];
  /** The checkpoints' estimated bytes, all together. */
  private checkpointBytes = 0;
  private checkpointEvery = CHECKPOINT_EVERY;
  private actionsDone = 0;
  /** Timeline actions before this index are in the simulation's queue (or done); see feedActions. */
  private actionsFed = 0;
  /**
   * Timeline actions from this index on were taken since the last seek: not yet run, they are
   * the present (clicks between two frames), not the future. Those before it that have not run
   * are the future, even at the very next millisecond (the student's choices, 1 ms apart).
   */
  private presentFrom = 0;
  /**
   * The newest records seen (live or replayed), by seq modulo RECENT: those with seq in
   * (recentFrom, last event] are here. Older ones are replayed on demand (see traceViews), so the
   * history of a long run costs checkpoints, not a record per event.
   */
  private recent: TraceRecord<Msg>[] = [];
  private recentFrom = 0;
  /** A move toward a far moment, done in slices by work(); null when none is under way. */
  private pending: { target: number; from: number } | null = null;
  /** Whether that move stops at a new violation (seekTime's stopAtViolation). */
  private seekStops = false;
  private markers: Marker[] = [];
  /** Whether the view holds our markers up to markersSentSeq, so only newer ones need sending. */
  private markersKnown = false;
  private markersSentSeq = -1;
  /** What the view holds of the scenario: whether its base (all but the actions) and how many actions, as they are now. */
  private scenarioSent = { base: false, actions: 0 };
  private frontier = { time: 0, events: 0 };
  private clock = 0;
  /**
   * Messages lost lately, drawn falling away for a while: pruned as the run goes, so a long seek
   * (no snapshot on the way) does not keep one per lost message. Views are made only when shown.
   */
  private losses: { env: Envelope<Msg>; lostAt: number; view?: MessageView }[] = [];
  private lossesPrune = LOSSES_PRUNE;
  /**
   * The views of the messages in flight at the last frame, by message id (with the envelope,
   * which never changes). Only those: views kept for as long as their envelopes live (in
   * checkpoints' queues) once held over 17 MB of a long run's worker heap.
   */
  private flying = new Map<number, { env: Envelope<Msg>; view: MessageView; frame: number }>();
  /** Counts messagesNow's calls: an entry of `flying` not stamped with the current one is no longer shown. */
  private frameNo = 0;
  /** Every message's life and the lanes' events, for the space-time diagram. */
  private spaceTime!: SpaceTimeLog;
  private stamps!: LockStamps;
  private nodeCache: { state: unknown; up: boolean; timerKey: string; server: ServerSide | undefined; clock: NodeClock; view: NodeView }[] = [];
  /** Each node's applied key-value store, kept between snapshots. */
  private applied: unknown[] = [];
  private violationsSeen = 0;
  /** The pseudocode lines that ran: the latest handler run, and which events ran which line. */
  private code = new PseudocodeTracker();
  /** Messages, leader changes and each command's time to commit, as the run stands now. */
  private figures = new Figures();
  /** What the last delta snapshot carried, so the next one sends only what changed. */
  /**
   * What the view holds. Its trace is `whole` (the recent tail, up to the last event sent),
   * `recent` (only the newest records, as while playing) or `stale` (records were held back
   * since, and it must be replaced).
   */
  private sent = { reset: true, events: 0, versions: [] as number[], violations: -1, trace: 'stale' as TraceHeld, history: '' };
  /** Whether the page shows the event log; while playing, trace records nobody shows are not sent. */
  traceShown = true;
  /** The narration's claims judged on the scenario as it stands; null once an edit or an action makes them stale. */
  private claims: StepClaims[] | null = null;
  private claimsSent = false;
  /** The actions as they were before an action discarded the future, and when it was taken: what Undo brings back. */
  private beforeDiscard: { actions: Scenario['actions']; at: number } | null = null;

  constructor(scenario: Scenario, at?: number) {
    this.load(scenario, at);
  }

  /**
   * Starts afresh from a scenario, paused at `at` (virtual ms; the start unless given). A
   * scenario that names a speed (a lesson's pace) opens at it; otherwise the speed in use stays.
   */
  load(scenario: Scenario, at?: number): void {
    if (scenario.speed !== undefined) this.setSpeed(scenario.speed);
    this.scenarioBase = scenario;
    this.beforeDiscard = null;
    this.narration = [...scenario.narration].sort((a, b) => a.at - b.at);
    this.timeline = toActions(scenario);
    this.run = new Run(toSimConfig(scenario), []);
    this.actionsDone = 0;
    this.actionsFed = 0;
    this.feedActions();
    this.run.sim.onEvent((rec) => this.observe(rec));
    this.code = new PseudocodeTracker();
    this.figures = new Figures();
    this.checkpoints = [];
    this.checkpointBytes = 0;
    this.takeCheckpoint(0, 0);
    this.stamps = new LockStamps();
    this.spaceTime = new SpaceTimeLog((msg) => this.run.sim.protocol.describe(msg), this.run.sim.clients?.config.tries ?? 0,
      this.run.sim.clients?.config.reads === 'lease' ? leaseLength(this.run.config.timing.electionTimeoutMin) : null);
    this.checkpointEvery = CHECKPOINT_EVERY;
    this.presentFrom = 0;
    this.recent = [];
    this.recentFrom = 0;
    this.pending = null;
    this.markers = [];
    this.markersKnown = false;
    this.scenarioSent = { base: false, actions: 0 };
    this.frontier = { time: 0, events: 0 };
    this.clock = 0;
    this.losses = [];
    this.nodeCache = [];
    this.applied = [];
    this.violationsSeen = 0;
    this.sent = { reset: true, events: 0, versions: [], violations: -1, trace: 'stale', history: '' };
    this.staleClaims();
    this.pause();
    // Opened at a moment, every event at or before it has happened, as after any seek: at time
    // 0 too, so the servers' initialisations have run (their timers shown) when a lesson's
    // first step opens, just as when Previous goes back to it.
    this.seekTime(at ?? 0);
  }

  /**
   * Back to time 0 of the scenario as it was opened: its own actions (a lesson's script) run
   * again, the user's are gone. Narration as edited stays, and so does the speed in use.
   */
  restart(): void {
    const { narration, speed } = this;
    this.load(this.scenarioBase);
    this.narration = narration;
    this.speed = speed;
  }

  /**
   * Undo for an action that discarded the future: the run with the actions it had then (a
   * lesson's script whole again), paused at the moment the action was taken. The scenario as
   * opened, the narration as edited and the speed stay. Returns a notice when there is nothing
   * to undo (the user has acted again since).
   */
  undoDiscard(): string | null {
    const before = this.beforeDiscard;
    if (before === null) return 'Nothing to undo: only the latest action can be taken back.';
    const { narration, speed, scenarioBase } = this;
    this.load({ ...scenarioBase, actions: before.actions }, before.at);
    this.scenarioBase = scenarioBase;
    this.narration = narration;
    this.speed = speed;
    return null;
  }

  get playing(): boolean {
    return this.isPlaying;
  }

  /**
   * Plays on. `untilStep`: Next's play to that narration step's moment, which manual
   * delivery's waits do not stop short; any other start or stop gives them back.
   */
  play(untilStep: number | null = null): void {
    this.isPlaying = true;
    this.nextStepAt = untilStep;
  }

  pause(): void {
    this.isPlaying = false;
    this.nextStepAt = null;
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

  /** The scenario with every action taken so far (or only the first `upTo`): what a share link carries. */
  scenario(upTo = this.timeline.length): Scenario {
    return {
      ...this.scenarioBase,
      actions: this.timeline.slice(0, upTo).map((a) => ({ ...a })) as Scenario['actions'],
      narration: this.narration.map((n) => ({ ...n })),
    };
  }

  setSpeed(speed: number): void {
    this.speed = Math.min(SPEED.max, Math.max(SPEED.min, speed));
  }

  /**
   * Moves the clock on by `virtualMs` while playing. Returns true if a safety check
   * failed on the way, in which case the run stops right after the offending event.
   * With `enough`, asked every few events, the move ends early when it says so: the run
   * then lags behind the wall clock instead of keeping its host from hearing Pause.
   */
  advance(virtualMs: number, enough?: () => boolean): boolean {
    // Manual delivery: the run pauses when a message would arrive or a timer fire, for the student
    // to choose; unless the scenario's own choices (a lesson's script) come next: they choose.
    // Next plays on to its step even so: nothing arrives and no timer fires without a choice, so
    // the clock only moves on (as in the runner), and the step a student asked for is reached.
    const next = this.timeline[this.actionsDone];
    const byNext = this.nextStepAt !== null && this.nextStepAt > this.clock;
    const due = byNext || (next !== undefined && CHOICES.has(next.type)) ? null : this.run.sim.nextDue();
    if (due !== null && due <= this.clock) {
      this.pause();
      return false;
    }
    // Narration steps pause the run at their time, so the lecturer can speak.
    const step = this.narration.find((n) => n.at > this.clock && n.at <= this.clock + virtualMs);
    const stop = Math.min(step?.at ?? Infinity, due !== null && due <= this.clock + virtualMs ? due : Infinity);
    if (stop !== Infinity) {
      const broke = this.advanceTo(stop, enough);
      if (!broke && this.clock === stop) this.pause();
      return broke;
    }
    return this.advanceTo(this.clock + virtualMs, enough);
  }

  /** The narration step in force now: the last one at or before the clock, or -1. */
  narrationStep(): number {
    let k = -1;
    this.narration.forEach((n, i) => { if (n.at <= this.clock) k = i; });
    return k;
  }

  /** Plays on to the next narration step, where advance() pauses. False if there is none. */
  narrationNext(): boolean {
    const step = this.narration.find((n) => n.at > this.clock);
    if (step === undefined) return false;
    this.play(step.at);
    return true;
  }

  /** Back to the start of the step in force, or to the one before if already there. */
  narrationPrev(): void {
    const k = this.narrationStep();
    if (k < 0) return;
    const target = this.clock > this.narration[k].at ? this.narration[k].at : k > 0 ? this.narration[k - 1].at : 0;
    this.pause();
    this.seekTime(target);
  }

  setNarration(steps: NarrationStep[]): void {
    this.narration = steps.map((n) => ({
      at: Math.max(0, Math.floor(n.at)), text: n.text,
      ...(n.lines !== undefined ? { lines: n.lines } : {}), ...(n.claims !== undefined ? { claims: n.claims } : {}),
    })).sort((a, b) => a.at - b.at);
    this.scenarioSent.base = false;
    this.staleClaims();
  }

  private staleClaims(): void {
    this.claims = null;
    this.claimsSent = false;
  }

  /**
   * Judged on a run of its own, from the scenario as it stands (the lesson's script and every
   * action taken), as far as the last step with claims: the run on screen is left alone.
   */
  private claimsNow(): StepClaims[] {
    this.claims ??= checkClaims(this.scenario()).steps;
    return this.claims;
  }

  /** The moment of the last step with claims: an action after it changes none of them. */
  private lastClaimed(): number {
    return this.narration.reduce((t, n) => ((n.claims?.length ?? 0) > 0 ? Math.max(t, n.at) : t), -1);
  }

  /** The run so far as JSON Lines in the runner's format, replayed from scratch to this event. */
  exportTrace(): string {
    const x = this.beginExport();
    x.work();
    return x.text();
  }

  /** The same, to be replayed in slices by its work(). */
  beginExport(): TraceExport {
    return new TraceExport(this.scenario(), this.events);
  }

  private advanceTo(target: number, enough?: () => boolean): boolean {
    const finished = this.runToward(Math.floor(target), true, enough);
    if (this.newViolation()) {
      this.pause();
      this.clock = this.run.sim.time;
      return true;
    }
    this.clock = finished ? Math.max(target, this.run.sim.time) : this.run.sim.time;
    return false;
  }

  /**
   * Runs every event up to `until`, or until a violation (with `stopOnViolation`) or until
   * `enough` says so (asked every 16 events: one event with a long log can take a millisecond). True when it got there.
   */
  private runToward(until: number, stopOnViolation: boolean, enough?: () => boolean): boolean {
    const seen = this.run.violations.length;
    let n = 0;
    let stopped = false;
    this.run.sim.runUntil(until, () => {
      stopped = (stopOnViolation && this.run.violations.length > seen) || ((++n & 15) === 0 && enough !== undefined && enough());
      return stopped;
    });
    return !stopped;
  }

  /**
   * One event on. When a narration step's moment comes after it, before the next event, the
   * clock goes on to that moment: the world there is the same, and it is where Next pauses, so
   * `.` after `,` comes back to the step rather than to the event just before it (a crash at
   * 600 ms, its step at 601), where the step is not yet in force. A step is a place a reader
   * can land on: when two come with no event between them (the same world), `.` lands on each.
   */
  stepForward(): void {
    const ahead = this.narration.find((n) => n.at > this.clock && n.at < (this.run.sim.nextEventTime() ?? Infinity));
    if (ahead !== undefined) {
      this.clock = ahead.at;
      return;
    }
    this.run.step();
    this.clock = this.run.sim.time;
    if (this.newViolation()) return;
    const next = this.run.sim.nextEventTime() ?? Infinity;
    // The first such moment: a step at the event's own moment is in force already, and stays.
    const step = this.narration.find((n) => n.at >= this.clock && n.at < next);
    if (step !== undefined) this.clock = step.at;
  }

  /**
   * Goes to the previous or next event that ran a pseudocode line (on one node, or any),
   * among the events computed so far. Returns a notice when there is none.
   */
  seekLine(line: string, direction: 'previous' | 'next', node: number | null): string | null {
    const seq = this.code.find(line, this.events, direction, node) ?? (direction === 'next' ? this.runAheadTo(line, node) : null);
    if (seq === null) {
      return direction === 'next'
        ? `No event${node === null ? '' : ` on S${node}`} runs that line in the next ${LOOK_AHEAD.toLocaleString('en')} events.`
        : `No earlier event${node === null ? '' : ` on S${node}`} ran that line.`;
    }
    this.pause();
    this.seekEvent(seq);
    return null;
  }

  /** Computes the run on past its frontier until an event runs `line` (on `node`, if given); back where it was if none does. */
  private runAheadTo(line: string, node: number | null): number | null {
    const from = this.events;
    if (this.frontier.events > this.events) this.seekEvent(this.frontier.events);
    for (let i = 0; i < LOOK_AHEAD; i++) {
      const rec = this.run.step();
      if (rec === null) break;
      if ((node === null || rec.node === node) && rec.lineIds?.includes(line)) return rec.seq;
    }
    this.seekEvent(from);
    return null;
  }

  stepBack(): void {
    if (this.events > 0) this.seekEvent(this.events - 1);
  }

  /** Every event at or before `time` has happened, none after. */
  seekTime(time: number, stopAtViolation = false): void {
    this.beginSeek(time, stopAtViolation);
    this.work();
  }

  /**
   * Starts a move to `time`: restores the nearest checkpoint at or before it, when that is
   * closer than where the run stands (forward too), and leaves the replay to work(), which
   * a host calls in slices. Until it is done, progress() says how far it has come.
   */
  beginSeek(time: number, stopAtViolation = false): void {
    this.presentFrom = this.timeline.length;
    const t = Math.max(0, Math.floor(time));
    // Stopping at a violation on the way forward means running the way: a checkpoint ahead would pass over it.
    this.seekStops = stopAtViolation && t >= this.run.sim.time;
    const cp = this.checkpointBefore((c) => c.time <= t);
    if (t < this.run.sim.time || (!this.seekStops && cp.events > this.events)) this.restore(cp);
    this.pending = { target: t, from: this.run.sim.time };
  }

  /** Replays toward the pending seek until it is done (true) or `enough` says stop. */
  work(enough?: () => boolean): boolean {
    if (this.pending === null) return true;
    const seen = this.run.violations.length;
    const reached = this.runToward(this.pending.target, this.seekStops, enough);
    const done = reached || (this.seekStops && this.run.violations.length > seen);
    this.clock = reached ? this.pending.target : this.run.sim.time;
    if (done) this.pending = null;
    this.newViolation();
    return done;
  }

  /** Where a seek in slices stands, or null when none is under way. */
  progress(): Progress | null {
    return this.pending === null ? null : { ...this.pending, now: this.run.sim.time };
  }

  /** Stops a seek in slices where it has come to: a moment like any other. */
  cancelSeek(): void {
    this.pending = null;
  }

  seekEvent(seq: number): void {
    this.presentFrom = this.timeline.length;
    const n = Math.max(0, Math.floor(seq));
    this.pending = null;
    const cp = this.checkpointBefore((c) => c.events <= n);
    if (n < this.events || cp.events > this.events) this.restore(cp);
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
    this.pending = null;
    // Undo takes back only the latest action, and only while nothing has been done since.
    this.beforeDiscard = null;
    const now = this.run.sim.time;
    const action = { ...user, at: now + 1 } as Action;
    // Actions already stamped for this moment (quick clicks between frames) are the present,
    // not the future: only what lies beyond it is discarded. The timeline is in time order,
    // so the future is a suffix, found from the end (each action costs the same however long the run).
    let kept = this.timeline.length;
    while (kept > this.actionsDone && (this.timeline[kept - 1].at > now + 1 || kept - 1 < this.presentFrom)) kept--;
    // An action the run will refuse changes nothing but the record of the refusal: the run's
    // later actions (a lesson's script) stay, and only the events computed past now go.
    const refused = this.run.sim.refusal(action) !== null;
    const laterActions = refused ? 0 : this.timeline.length - kept;
    const laterEvents = this.frontier.events - this.events;
    let notice: string | null = null;
    if (refused && (kept < this.timeline.length || laterEvents > 0)) {
      this.forgetFuture(now);
    } else if (laterActions > 0 || laterEvents > 0) {
      this.beforeDiscard = { actions: this.scenario().actions, at: now };
      this.timeline.length = kept;
      this.presentFrom = Math.min(this.presentFrom, kept);
      if (laterActions > 0) this.refeedActions();
      this.forgetFuture(now);
      const parts = [
        laterEvents > 0 ? `${laterEvents.toLocaleString('en')} later event${laterEvents === 1 ? '' : 's'}` : '',
        laterActions > 0 ? `${laterActions} later action${laterActions === 1 ? '' : 's'}` : '',
      ].filter(Boolean);
      const one = laterEvents + laterActions === 1;
      notice = `You acted at ${formatTime(now)}, before the end of the run: ${parts.join(' and ')} ${one ? 'was' : 'were'} discarded.`;
    }
    // Its place in time order: before the later actions a refused one keeps, else last.
    const place = refused ? kept : this.timeline.length;
    this.timeline.splice(place, 0, action);
    if (place < this.presentFrom) this.presentFrom++;
    if (place < this.timeline.length - 1) this.refeedActions();
    else this.feedActions();
    // Anything discarded lay after this action, so claims up to it are as they were; a refusal changes no state.
    if (!refused && action.at <= this.lastClaimed()) this.staleClaims();
    // Paused, the action still shows at once: run up to and including it (1 ms on).
    if (!this.playing) {
      while (this.actionsDone <= place && this.run.step() !== null) { /* up to the action */ }
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
    // A jump back keeps the markers: they belong to the whole timeline, not to the moment.
    const allMarkers = !delta || !this.markersKnown;
    const added = allMarkers ? this.markers.slice(-MAX_MARKERS) : this.markersAfter(this.markersSentSeq);
    const markers = allMarkers || added.length > 0 ? { reset: allMarkers, list: added } : null;
    const scenario = this.scenarioDelta(delta);
    const violations = this.run.violations;
    const clients = clientsView(sim.world.clients, this.scenarioBase.clients?.reads ?? null, reset ? '' : this.sent.history,
      committedCommand(sim.nodes().map((n) => n.state)), this.scenarioBase.storage,
      { stamping: (client, seq, stamp) => this.stamps.stamping(client, seq, stamp), now: (node) => sim.world.nodes[node]?.clock ?? null },
      this.spaceTime.clientAttempts(this.events, sim.clientsInFlight()));
    const safety = !reset && violations.length === this.sent.violations ? null : {
      predicates: Object.entries(this.run.monitor !== null ? this.run.predicates : entry.monitor(this.scenarioBase.nodes).predicates).map(([name, description]) => ({
        name, description, ok: !violations.some((v) => v.predicate === name),
      })),
      violations: violations.map((v) => ({ ...v, context: this.contextOf(v) })),
    };
    const claims = delta && this.claimsSent ? null : this.claimsNow();
    if (delta) {
      this.claimsSent = true;
      this.markersKnown = true;
      this.markersSentSeq = this.markers.at(-1)?.seq ?? -1;
      this.scenarioSent = { base: true, actions: this.timeline.length };
      for (const n of nodes) this.sent.versions[n.id - 1] = n.version;
      this.sent = { reset: false, events: this.events, versions: this.sent.versions, violations: violations.length, trace: trace.held, history: clients?.history ?? this.sent.history };
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
      manual: sim.world.manual,
      pending: pendingChoices(sim),
      code: this.code.view(reset, delta),
      clients: clients?.view ?? null,
      claims,
      stall: this.run.stall(),
      // The world counts every message it was given (ids start at 1).
      figures: this.figures.view(sim.world.nextMsgId - 1, PROTOCOLS[this.scenarioBase.protocol].replicatedLog),
    };
  }

  /**
   * The trace records for the view: new ones appended to what it holds, or (`reset`) a tail
   * that replaces it. While playing, only the newest TRACE_PLAYING, and none while the event
   * log is out of sight; once paused, the whole tail again, so the log can be read back.
   */
  private traceDelta(reset: boolean): { reset: boolean; list: TraceView[]; held: TraceHeld } {
    const end = this.events;
    const tail = Math.max(0, end - TRACE_TAIL);
    const held = this.sent.trace;
    if (reset || (!this.playing && held !== 'whole')) return { reset: true, list: this.traceViews(tail, end), held: 'whole' };
    const from = Math.max(tail, this.sent.events);
    if (this.playing && !this.traceShown) return { reset: false, list: [], held: from < end ? 'stale' : held };
    if (held === 'stale' || (this.playing && end - from > TRACE_PLAYING)) return { reset: true, list: this.traceViews(Math.max(0, end - TRACE_PLAYING), end), held: 'recent' };
    return { reset: false, list: this.traceViews(from, end), held };
  }

  /**
   * The records of the events after `from` up to `to` (at most the current event), oldest first:
   * from those kept as they happened, and the older ones replayed from a checkpoint. The
   * replay runs a copy of the world without safety checks, so the run itself is untouched.
   */
  private traceViews(from: number, to: number): TraceView[] {
    const out: TraceView[] = [];
    const kept = Math.max(this.recentFrom, this.events - RECENT);
    if (from < kept) {
      const cp = this.checkpointBefore((c) => c.events <= from);
      const replay = new Run(this.run.config, [], { checks: false });
      replay.sim.restore(cp.run.world);
      replay.sim.clearActions();
      // Each action is one event: replaying `until - cp.events` events runs at most that many.
      const until = Math.min(to, kept);
      for (let i = cp.actionsDone; i < Math.min(this.timeline.length, cp.actionsDone + until - cp.events + 1); i++) replay.sim.schedule(this.timeline[i]);
      for (let rec = replay.step(); rec !== null && rec.seq <= until; rec = rec.seq < until ? replay.step() : null) {
        if (rec.seq > from) out.push(traceView(rec));
      }
    }
    for (let seq = Math.max(from, kept) + 1; seq <= to; seq++) out.push(traceView(this.recent[seq % RECENT]));
    return out;
  }

  /**
   * The scenario as the view should hold it: its base and the number of actions, or (`delta`)
   * null when neither changed since the last delta snapshot, and the base only if it changed.
   */
  private scenarioDelta(delta: boolean): ScenarioDelta | null {
    const sent = delta ? this.scenarioSent : { base: false, actions: -1 };
    if (sent.base && sent.actions === this.timeline.length) return null;
    if (sent.base) return { base: null, actions: this.timeline.length };
    const { actions: _actions, ...base } = this.scenario(0);
    return { base, actions: this.timeline.length };
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
    this.losses = this.losses.filter((m) => m.lostAt <= this.clock && this.clock - m.lostAt <= fallWindow);
    const heldList = this.run.sim.world.held;
    const held = heldList.length === 0 ? NONE_HELD : new Map(heldList.map((h) => [h.env.id, h.heldAt]));
    // The earliest sent first (inFlight is in send order): those shown stay shown until they land.
    const flying = this.run.sim.inFlight().slice(0, MAX_MESSAGES_SHOWN);
    const frame = ++this.frameNo;
    const views = flying.map((env) => this.flyingView(env, held.get(env.id) ?? null, frame));
    // The same map every frame (up to MAX_MESSAGES_SHOWN entries, 60 times a second): those no longer shown leave it.
    for (const [id, f] of this.flying) if (f.frame !== frame) this.flying.delete(id);
    return views.concat(this.losses.slice(0, MAX_MESSAGES_SHOWN - views.length).map((m) => (m.view ??= this.messageView(m.env, m.lostAt))));
  }

  /** A message lost at `t`: kept while it may still be drawn falling away (see messagesNow). */
  private lose(env: Envelope<Msg>, t: number): void {
    this.losses.push({ env, lostAt: t });
    if (this.losses.length < this.lossesPrune) return;
    const since = t - this.run.sim.world.network.latencyMax;
    this.losses = this.losses.filter((m) => m.lostAt >= since);
    this.lossesPrune = Math.max(LOSSES_PRUNE, 2 * this.losses.length);
  }

  /** A message in flight as the view shows it: made once per message (and again when it is held or released), as a burst leaves thousands in flight for many frames. */
  private flyingView(env: Envelope<Msg>, heldAt: number | null, frame: number): MessageView {
    const kept = this.flying.get(env.id);
    if (kept === undefined) {
      const view = this.messageView(env, null, heldAt);
      this.flying.set(env.id, { env, view, frame });
      return view;
    }
    if (kept.env !== env || kept.view.heldAt !== heldAt) {
      kept.env = env;
      kept.view = this.messageView(env, null, heldAt);
    }
    kept.frame = frame;
    return kept.view;
  }

  /** A window of the run for the space-time diagram, as it stands now. */
  spaceTimeWindow(q: SpaceTimeQuery): SpaceTimeWindow {
    const sim = this.run.sim;
    return this.spaceTime.query(q, { t: this.clock, seq: this.events }, sim.inFlight(), this.scenarioBase.nodes,
      { count: this.scenarioBase.clients?.count ?? 0, inFlight: sim.clientsInFlight() }, sim.world.nodes.map((slot) => slot?.clock));
  }

  // ---- internals -------------------------------------------------------------------------

  private observe(rec: TraceRecord<Msg>): void {
    if (rec.action !== undefined) {
      this.actionsDone++;
      if (this.actionsFed - this.actionsDone < ACTIONS_AHEAD / 2) this.feedActions();
    }
    this.code.observe(rec, rec.seq > this.frontier.events);
    // Classified once here, for the figures, the space-time log and the timeline alike.
    const mark = recordMark(rec);
    this.figures.observe(rec, mark);
    this.recent[rec.seq % RECENT] = rec;
    if ((rec.kind === 'lost' || rec.rule === 'user.drop') && rec.msg !== undefined) this.lose(rec.msg, rec.t);
    if (rec.seq > this.frontier.events) {
      this.frontier = { time: rec.t, events: rec.seq };
      this.remember(rec, mark);
    }
    if (rec.seq % this.checkpointEvery === 0 && rec.seq > this.checkpoints[this.checkpoints.length - 1].events) {
      this.takeCheckpoint(rec.seq, rec.t);
      const held = this.checkpoints.length;
      if (held > MAX_CHECKPOINTS || (this.checkpointBytes > CHECKPOINT_BUDGET && held > MIN_CHECKPOINTS)) this.thinCheckpoints();
    }
  }

  private takeCheckpoint(events: number, time: number): void {
    const bytes = CHECKPOINT_BYTES + QUEUE_ITEM_BYTES * this.run.sim.world.queue.length;
    this.checkpoints.push({ events, time, actionsDone: this.actionsDone, run: this.run.checkpoint(), code: this.code.mark(), figures: this.figures.mark(), bytes });
    this.checkpointBytes += bytes;
  }

  /** Marks elections, leaders, commits and faults on the timeline (the event log replays the rest). */
  private remember(rec: TraceRecord<Msg>, mark: RecordMark | null): void {
    // A leader's lease changes only with an event on its own node (a round's replies, a crash, a step-down).
    const server = rec.node === null ? undefined : this.run.sim.world.clients?.servers[rec.node];
    if (server !== undefined) this.stamps.record(rec, this.run.sim.world.nodes[rec.node!].clock);
    this.spaceTime.record(rec, this.run.sim.world.nextMsgId, mark, server === undefined ? null : { lease: server.lease, clock: this.run.sim.world.nodes[rec.node!].clock });
    const kind = markerKind(mark);
    if (kind === null) return;
    this.markers.push({ seq: rec.seq, t: rec.t, kind, label: rec.text() });
    // Trimmed in blocks, so dropping the oldest costs nothing per event.
    if (this.markers.length > MAX_MARKERS + MARKER_SLACK) this.markers.splice(0, this.markers.length - MAX_MARKERS);
  }

  /**
   * Keeps every other checkpoint and doubles the spacing of new ones: the history holds at
   * most MAX_CHECKPOINTS (and about CHECKPOINT_BUDGET), evenly spread, so a seek anywhere
   * replays about as far as any other.
   */
  private thinCheckpoints(): void {
    this.checkpointEvery *= 2;
    this.checkpoints = this.checkpoints.filter((c) => c.events % this.checkpointEvery === 0);
    this.checkpointBytes = this.checkpoints.reduce((sum, c) => sum + c.bytes, 0);
  }

  /** The last checkpoint that fits (checkpoints are in the order of the run, so a binary search finds it). */
  private checkpointBefore(fits: (c: Checkpoint) => boolean): Checkpoint {
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (fits(this.checkpoints[mid])) lo = mid;
      else hi = mid - 1;
    }
    return this.checkpoints[lo];
  }

  private restore(cp: Checkpoint): void {
    this.run.restore(cp.run);
    this.recentFrom = cp.events;
    this.actionsDone = cp.actionsDone;
    this.refeedActions();
    this.code.restore(cp.code);
    this.figures.restore(cp.figures);
    this.losses = [];
    this.sent.reset = true;
    this.violationsSeen = Math.min(this.violationsSeen, this.run.violations.length);
  }

  /**
   * Schedules the timeline's next actions, up to ACTIONS_AHEAD beyond those done. The timeline
   * is in time order and actions come before anything else due at their moment, so an action
   * not yet given cannot be due before the last one given: the run is the same as with all of
   * them queued, and a feed as each action runs keeps it so.
   */
  private feedActions(): void {
    const upTo = Math.min(this.timeline.length, this.actionsDone + ACTIONS_AHEAD);
    for (; this.actionsFed < upTo; this.actionsFed++) this.run.sim.schedule(this.timeline[this.actionsFed]);
  }

  /** Forgets what was computed past `now` (checkpoints, markers, lines, the space-time log): the run is to be computed again from here. */
  private forgetFuture(now: number): void {
    while (this.checkpoints.length > 1 && this.checkpoints[this.checkpoints.length - 1].events > this.events) this.checkpointBytes -= this.checkpoints.pop()!.bytes;
    while (this.markers.length > 0 && this.markers[this.markers.length - 1].seq > this.events) this.markers.pop();
    this.markersKnown = false;
    this.code.truncate(this.events);
    this.frontier = { time: now, events: this.events };
    this.spaceTime.truncate(this.events, this.run.sim.world.nextMsgId, this.run.sim.world.nodes.map((slot) => slot?.clock));
  }

  /** The actions queued are no longer the timeline's next ones (a restore, a discarded future): queue them afresh. */
  private refeedActions(): void {
    this.run.sim.clearActions();
    this.actionsFed = this.actionsDone;
    this.feedActions();
  }

  private newViolation(): boolean {
    const found = this.run.violations.length > this.violationsSeen;
    this.violationsSeen = this.run.violations.length;
    return found;
  }

  /** The events that led to a violation: the eight up to and including the one that broke it. */
  private contextOf(v: Violation): TraceView[] {
    return this.traceViews(Math.max(0, v.seq - 8), Math.min(v.seq, this.events));
  }

  private messageView(env: Envelope<Msg>, lostAt: number | null, heldAt: number | null = null): MessageView {
    return {
      id: env.id, from: env.from, to: env.to, type: env.msg.type, label: this.run.sim.protocol.describe(env.msg),
      sentAt: env.sentAt, deliverAt: env.deliverAt, lostAt, duplicateOf: env.duplicateOf, heldAt, heldFor: env.heldFor, fields: messageFields(env.msg),
    };
  }

  /** Node i's applied store (one kind per run: the protocol is fixed until the next load). */
  private appliedKv<S>(i: number, make: () => AppliedKv<S>): AppliedKv<S> {
    return (this.applied[i] ??= make()) as AppliedKv<S>;
  }

  private nodeView(i: number, slot: NodeSlot<unknown>): NodeView {
    // Paused and the clock's rate ride along in the key: they change the view, not the state.
    const timerKey = `${Object.entries(slot.timers).map(([k, v]) => (v === null ? '' : `${k}${v.id}`)).join()}|${slot.paused}|${slot.clock.rate}`;
    const cached = this.nodeCache[i];
    // With clients, the engine's own state machine (sessions, cas, incr) is the store; a leader's lease and held reads change apart from its state.
    const server = this.run.sim.world.clients?.servers[slot.id];
    if (cached !== undefined && cached.state === slot.state && cached.up === slot.up && cached.timerKey === timerKey
      && cached.server === server && cached.clock === slot.clock) return cached.view;
    const timers: NodeView['timers'] = {};
    for (const [name, t] of Object.entries(slot.timers)) if (t !== null) timers[name] = { since: t.since, at: t.at };
    const state = slot.state as { log?: Log | TxLog; commitLength?: number; decided?: Slots<string>; applied?: number };
    // The state machine: Raft's committed log, or Multi-Paxos's applied slots; with clients, the server's own.
    const raftLog = state.log instanceof Log ? state.log : null;
    const kv = server !== undefined ? { ...server.machine.kv }
      : raftLog !== null ? this.appliedKv(i, raftApplied).update(raftLog, state.commitLength ?? 0, (k) => raftLog.get(k).command)
      : state.decided !== undefined ? this.appliedKv(i, multipaxosApplied).update(state.decided, state.applied ?? 0, (k) => state.decided!.get(k + 1)!) : {};
    const logStart = state.log !== undefined ? Math.max(0, state.log.length - LOG_TAIL) : 0;
    // Raft logs, Multi-Paxos slots and atomic commit's logs share structure with earlier states: the view
    // gets plain copies of what it shows (a log's tail, the newest slots and transactions), so a snapshot's size does not grow with the run.
    const shown = state.log instanceof TxLog ? atomicView(slot.state as AtomicState)
      : state.log !== undefined ? { ...(slot.state as object), log: state.log.slice(logStart) }
      : state.decided instanceof Slots ? multipaxosView(slot.state as MultiPaxosState) : slot.state;
    const view: NodeView = { id: slot.id, up: slot.up, paused: slot.paused, clockRate: slot.clock.rate, version: (cached?.view.version ?? 0) + 1, state: shown, logStart, timers, kv,
      ...(server !== undefined ? { locks: server.machine.locks } : {}),
      ...(server?.lease != null ? { lease: { lease: server.lease, clock: slot.clock, length: leaseLength(this.run.config.timing.electionTimeoutMin), waiting: server.reads.length } } : {}) };
    this.nodeCache[i] = { state: slot.state, up: slot.up, timerKey, server, clock: slot.clock, view };
    return view;
  }
}

function traceView(rec: TraceRecord<Msg>): TraceView {
  return { seq: rec.seq, t: rec.t, kind: rec.kind, node: rec.node, rule: rec.rule, text: rec.text() };
}

/** Actions that choose what the network does next (see advance). */
const CHOICES = new Set(['deliver', 'fire', 'drop', 'hold', 'release', 'duplicate']);

/** The timeline marks the cluster's moments: elections, leaders, commits, and every fault the user caused. */
function markerKind(mark: RecordMark | null): Marker['kind'] | null {
  if (mark === 'election' || mark === 'leader' || mark === 'commit') return mark;
  // Atomic commit has no elections: the slot marks a participant's timer running out in doubt,
  // so blocked time shows as a run of marks.
  if (mark === 'blocked') return 'election';
  return mark === 'crash' || mark === 'recover' || mark === 'fault' ? 'fault' : null;
}

export function formatTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}
