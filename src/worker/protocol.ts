/**
 * The typed messages between the UI and the simulation worker. Actions go down,
 * snapshots come up; both are plain, structured-cloneable data.
 */
import type { ClientOperation } from '../engine/clients/operations';
import type { LockLease } from '../engine/clients/lockLeases';
import type { Lease, ReadPath } from '../engine/clients/types';
import type { NodeClock } from '../engine/sim/clock';
import type { Stall } from '../engine/invariants/liveness';
import type { Violation } from '../engine/invariants/monitor';
import type { NodeId } from '../engine/sim/protocol';
import type { PendingChoice } from '../engine/sim/pending';
import type { UnstampedAction } from '../engine/sim/types';
import type { StepClaims } from '../scenario/claims/check';
import type { Scenario } from '../scenario/schema';
import type { FiguresView } from './figures';
import type { ClientAttempt, SpaceTimeQuery, SpaceTimeWindow } from './spacetime';

/** A user action as the UI sends it: the worker stamps the virtual time. */
export type UserAction = UnstampedAction;

export type ToWorker =
  | { type: 'load'; scenario: Scenario; at?: number }
  /** Back to the start of the scenario as opened: its own actions kept, the user's dropped. */
  | { type: 'restart' }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'stepForward' }
  | { type: 'stepBack' }
  /** With `stopAtViolation`, a move forward stops right after an event that breaks a safety check, as playing does (two runs side by side meet there). */
  | { type: 'seekTime'; time: number; stopAtViolation?: boolean }
  | { type: 'seekEvent'; seq: number }
  | { type: 'speed'; speed: number }
  | { type: 'act'; action: UserAction }
  /** Play on to the next narration step (it pauses there), or jump back to the previous one. */
  | { type: 'narrationNext' }
  | { type: 'narrationPrev' }
  | { type: 'setNarration'; narration: NarrationStep[] }
  /** The trace so far as JSON Lines, in the runner's format. */
  | { type: 'exportTrace' }
  /** Also post a MovingFrame to this port with every snapshot (the drawing worker's end). */
  | { type: 'drawTo'; port: MessagePort }
  /** Whether the event log is in sight: while playing, trace records nobody shows are not sent. */
  | { type: 'traceShown'; shown: boolean }
  /** A window of the run for the space-time diagram: answered with a `spacetime` message. */
  | { type: 'spacetime'; query: SpaceTimeQuery }
  /** Stop a long move (see `progress`) where it has come to. */
  | { type: 'cancel' }
  /** Go to the previous or next event that ran this pseudocode line (on `node`, or any node). */
  | { type: 'seekLine'; line: string; direction: 'previous' | 'next'; node: NodeId | null }
  /** Where the run stands once every command before this one is done: answered with a `where` message (two runs side by side keep one clock with it). */
  | { type: 'where'; id: number }
  /** The whole scenario with every action taken (for a link, a file, or a reload with a setting changed): answered with a `scenario` message. */
  | { type: 'scenario'; id: number }
  /** Takes back the action whose notice said it discarded the run's future (a lesson's later actions): the run as it was, at that moment. */
  | { type: 'undoDiscard' };

export interface NarrationStep {
  at: number;
  text: string;
  /** Pseudocode line ids this step talks about: the panel marks them. */
  lines?: string[];
  /** What the step claims about the run at its moment (src/scenario/claims), checked by the worker. */
  claims?: string[];
}

/** One handler run: the event, and the pseudocode lines it ran with the values beside them. */
export interface CodeRun {
  seq: number;
  t: number;
  node: NodeId;
  rule: string;
  /**
   * Each line that ran, once, in the order they first ran (so the first is the event's
   * handler), with the values it saw: one per distinct value, as a line run once per follower
   * shows one per follower. Shaped so in the worker, so the page only draws it.
   */
  lines: CodeLine[];
}

export interface CodeLine {
  id: string;
  values: string[];
}

/** What the pseudocode panel shows: the latest handler run at or before now, and each node's latest. */
export interface CodeView {
  current: CodeRun | null;
  /** Index 0 is S1; null for a node that has run no handler yet. */
  byNode: (CodeRun | null)[];
}

export type FromWorker =
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'trace'; jsonl: string }
  | { type: 'spacetime'; window: SpaceTimeWindow }
  /**
   * `violation`: a safety check failed and stopped the run (shown apart, clear of the teaching panels).
   * `discarded`: an action discarded the run's future; the notice offers to undo it (`undoDiscard`).
   */
  | { type: 'notice'; text: string; kind?: NoticeKind }
  | { type: 'error'; text: string }
  /** The answer to a `where` command. */
  | { type: 'where'; id: number; time: number; events: number; playing: boolean }
  /** The answer to a `scenario` command. */
  | { type: 'scenario'; id: number; scenario: Scenario }
  /**
   * A long move under way (toward a far moment, or a replay after a long run): virtual times
   * from, target and now. Sent a few times a second while it lasts; null once it ends.
   */
  | { type: 'progress'; progress: { label: string; from: number; target: number; now: number } | null };

export type NoticeKind = 'violation' | 'discarded';

export interface TimerView {
  since: number;
  at: number;
}

export interface NodeView {
  id: NodeId;
  up: boolean;
  /** In a process pause: alive with its state, but frozen (drawn unlike a crash). */
  paused: boolean;
  /** How fast its clock runs against true time (1: no drift). */
  clockRate: number;
  /** Changes whenever anything in this record changes, so the UI can keep unchanged nodes. */
  version: number;
  /** The protocol's node state, as the engine holds it (Raft: RaftState), but with only the tail of a long log. */
  state: unknown;
  /** Log index (0-based) of state.log[0]: earlier entries are left out of snapshots. */
  logStart: number;
  timers: Record<string, TimerView>;
  /** The key-value store after applying this node's committed entries. */
  kv: Record<string, string>;
  /** With clients: the lock service's table in the same state machine (locks.ts), by lock name. */
  locks?: Readonly<Record<string, { client: number; token: number; until: number }>>;
  /** With reads by lease, on a leader: its lease as the engine keeps it (the view reads it with readLease). */
  lease?: LeaseView;
}

/** A leader's lease, the clock it is measured by, a whole lease's length on that clock, and the reads it holds until a renewal. */
export interface LeaseView {
  lease: Lease;
  clock: NodeClock;
  length: number;
  waiting: number;
}

export interface MessageView {
  id: number;
  from: NodeId;
  to: NodeId;
  type: string;
  label: string;
  sentAt: number;
  deliverAt: number;
  /** Set on messages already lost: the view lets them fall away from here. */
  lostAt: number | null;
  duplicateOf: number | null;
  /** When the user held it in flight (it stays where it was then), or null. */
  heldAt: number | null;
  /** How long earlier holds kept it: it flies on from sentAt + heldFor. */
  heldFor: number;
  /** The message's fields (term, lengths, granted, ack...); a list field is given as its length. */
  fields: Record<string, unknown>;
}

export interface TraceView {
  seq: number;
  t: number;
  kind: string;
  node: NodeId | null;
  rule: string;
  text: string;
}

/** The timeline keeps the most recent markers only: the worker and the view trim alike. */
export const MAX_MARKERS = 3000;

export type MarkerKind = 'election' | 'leader' | 'commit' | 'fault';

export interface Marker {
  seq: number;
  t: number;
  kind: MarkerKind;
  label: string;
}

export interface SafetyView {
  predicates: { name: string; description: string; ok: boolean }[];
  violations: (Violation & { context: TraceView[] })[];
}

/**
 * A snapshot is a delta against the previous one the UI received, unless `reset` is set
 * (after a load or a jump backwards): nodes holds only nodes that changed, trace only new
 * records, safety and markers are null when unchanged. This keeps each frame's message small.
 */
export interface Snapshot {
  reset: boolean;
  protocol: string;
  nodeCount: number;
  /** Display time: may be fractional while playing; every event at or before it has happened. */
  time: number;
  events: number;
  /** The furthest point computed in this timeline, for the scrubber. */
  frontier: { time: number; events: number };
  playing: boolean;
  speed: number;
  nodes: NodeView[];
  messages: MessageView[];
  network: { groups: NodeId[][] | null; cuts: string[]; dropRate: number; duplicateRate: number; latencyMin: number; latencyMax: number };
  timing: { electionTimeoutMin: number; electionTimeoutMax: number; heartbeatInterval: number; latencyMin: number; latencyMax: number };
  /**
   * Trace records, oldest first: those since the previous snapshot, or with `reset` the most
   * recent ones, replacing what the view holds (always after a snapshot reset; while
   * playing, also when more are new than the event log shows).
   */
  trace: { reset: boolean; list: TraceView[] };
  /** Null when unchanged since the previous snapshot. */
  /** Timeline markers: all of them when `reset`, else only those added since the last snapshot. */
  markers: { reset: boolean; list: Marker[] } | null;
  safety: SafetyView | null;
  traceHash: string;
  /** What changed in the scenario (with every action the user took: what a share link carries); null when nothing did. */
  scenario: ScenarioDelta | null;
  /** Index of the narration step in force (the last at or before now), or -1. */
  narrationStep: number;
  /** Manual delivery is on: the student chooses every delivery and timer. */
  manual: boolean;
  /**
   * What the student may choose now: waiting and held messages, and (manual delivery) running
   * timers, as the engine lists them; the page draws this list and sends the chosen action.
   */
  pending: PendingChoice[];
  /** The pseudocode panel's data; null when unchanged since the previous snapshot. */
  code: CodeView | null;
  /** The client history panel's data; null when the scenario has no clients or nothing changed. */
  clients: ClientsView | null;
  /**
   * Whether each narration step's claims hold on the scenario as it stands (steps with claims
   * only, by their index in the scenario's narration); null when unchanged since the previous snapshot.
   */
  claims: StepClaims[] | null;
  /** The liveness watch: no settled leader, or work undecided, for three election timeouts (null while the run makes progress). */
  stall: Stall | null;
  /** Messages sent, leader changes and each command's time from request to commit, as the run stands now (see Figures). */
  figures: FiguresView;
}

/** The clients' operations as the engine recorded them: the history panel draws only this. */
export interface ClientsView {
  /** How servers answer reads in this run. */
  reads: ReadPath;
  /** Operations in the whole history; `operations` holds the most recent of them. */
  total: number;
  operations: ClientOperation[];
  /** Every request sent for `operations` (first tries, retries, redirects), in the order sent: the History bar marks each. */
  attempts: ClientAttempt[];
  /** The lease each granted acquire among `operations` gave its client, as the lock service judged it. */
  leases: LockLease[];
  /** Each client's fencing token (index = client id, slot 0 unused) and whether it is paused. */
  tokens: (number | null)[];
  paused: boolean[];
  /** The storage node outside the cluster, when the scenario has one. */
  storage: StorageView | null;
}

/** What the storage node holds: each key with the client and token that wrote it, and the highest token it accepted. */
export interface StorageView {
  fencing: boolean;
  highest: number;
  kv: { key: string; value: string; client: number; token: number }[];
}

/** The scenario without its actions: what the page holds (the actions stay in the worker; see ScenarioDelta). */
export type ScenarioBase = Omit<Scenario, 'actions'>;

/**
 * A change to the scenario the view holds: `base` (everything but the actions) if it changed,
 * and how many actions there are. The actions themselves stay in the worker, which a long
 * session fills with hundreds of thousands (the page asks for them with a `scenario` command
 * when a link or a file needs them), so the page's heap does not grow with the run.
 */
export interface ScenarioDelta {
  base: ScenarioBase | null;
  actions: number;
}

/**
 * What moves in the cluster view at one moment: messages and timer rings. Complete in
 * itself (no deltas), so whatever draws it needs no history and can start at any frame.
 */
export interface MovingFrame {
  time: number;
  playing: boolean;
  /** The timer each server's ring shows, by node (index 0 is S1), or null for none. */
  rings: ({ since: number; at: number; refills: boolean } | null)[];
  messages: MessageView[];
  network: { groups: NodeId[][] | null; cuts: string[]; latencyMax: number };
}
