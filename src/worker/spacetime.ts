/**
 * The run's history for the space-time diagram: every message's life (sent, then delivered,
 * lost, or still in flight), crashes and recoveries, the network's partitions and cuts, and
 * the marks on the lanes (elections, new leaders, commits, clients' requests). Kept by the
 * worker as the run is computed, and answered as a query for one window of the run, so the
 * page never holds (or recomputes) more than it shows. Host-free: tests drive it directly.
 */
import type { NodeId } from '../engine/sim/protocol';
import type { Envelope, TraceRecord } from '../engine/sim/types';
import { recordMark } from './recordMark';

type Msg = { type: string };

/** The diagram's vertical axis: virtual milliseconds, or one row per event (as Maelstrom draws it). */
export type SpaceTimeAxis = 'time' | 'events';

/** A window of the run, in the axis's units (milliseconds, or event numbers), both ends included. */
export interface SpaceTimeQuery {
  axis: SpaceTimeAxis;
  from: number;
  to: number;
  /** At most this many arrows; beyond it, every k-th is kept and the answer says so. */
  limit: number;
}

/** A moment of the run: its virtual time and the number of the event (seq) that happened then. */
export interface Moment {
  t: number;
  seq: number;
}

export type Fate = 'delivered' | 'lost' | 'in-flight';

export interface SpaceTimeArrow {
  id: number;
  from: NodeId;
  to: NodeId;
  type: string;
  /** The protocol's own sentence for it: type and key fields. */
  label: string;
  /** The message's fields, a list given as its length (as MessageView has them). */
  fields: Record<string, unknown>;
  sent: Moment;
  /** When it arrives (or would have). */
  deliverAt: number;
  /** Where its life ended: delivery, or where it died; null while it is in flight. */
  end: Moment | null;
  fate: Fate;
  duplicateOf: number | null;
}

export type LaneMarkKind = 'election' | 'leader' | 'commit' | 'crash' | 'recover' | 'request';

export interface LaneMark extends Moment {
  node: NodeId;
  kind: LaneMarkKind;
  /** A word or two drawn beside the mark: "leader", "commit 3", a client's command. */
  label: string;
  /** The event's sentence, for the list and a hover (commits, by the thousand, are named by their label). */
  text: string;
  /** A client's request the node could not take (it was down). */
  refused: boolean;
}

/** The network from this moment on, until the next change. */
export interface NetworkSpan extends Moment {
  groups: NodeId[][] | null;
  cuts: string[];
}

/** A node down from `from` until `to` (null: still down at the end of the window). */
export interface DownSpan {
  node: NodeId;
  from: Moment;
  to: Moment | null;
}

export interface SpaceTimeWindow {
  query: SpaceTimeQuery;
  nodeCount: number;
  /** The playhead: what has happened so far. Nothing later is in the window. */
  now: Moment;
  arrows: SpaceTimeArrow[];
  /** How many arrows the window holds; more than `arrows.length` when thinned. */
  total: number;
  marks: LaneMark[];
  /** The network at the window's start, then each change within it. */
  network: NetworkSpan[];
  down: DownSpan[];
  /** The earliest moment still kept: a very long run forgets its oldest messages. */
  keptFrom: number;
}

/** A very long run keeps at most this many finished messages, dropping the oldest quarter at once. */
const MAX_MESSAGES = 400_000;
const MAX_MARKS = 300_000;

/** A finished message, kept as the diagram draws it: not the message itself, whose log suffix can be long. */
type Ended = Omit<SpaceTimeArrow, 'fate'> & { lost: boolean };

/**
 * Records what the diagram draws, event by event, for the events the run computes for the
 * first time (the controller calls `record` once per new event, in order), and forgets what
 * lies beyond a point when the user acts in the past.
 */
export class SpaceTimeLog {
  /** Finished messages, in the order they finished (so by end). */
  private ended: Ended[] = [];
  /** The longest life of a finished message, in ms and in events: how far back a window must look for sends. */
  private longest = { t: 0, seq: 0 };
  /** Which event sent which message: message ids firstId[i] and on were sent by event sendSeq[i]. */
  private firstId: number[] = [];
  private sendSeq: number[] = [];
  private nextId = 1;
  private marks: LaneMark[] = [];
  private networks: NetworkSpan[] = [{ t: 0, seq: 0, groups: null, cuts: [] }];
  private downs: DownSpan[] = [];
  private keptFrom = 0;

  constructor(private readonly describe: (msg: Msg) => string) {}

  /** Takes in one new event; `nextMsgId` is the simulation's next message id after it. */
  record(rec: TraceRecord<Msg>, nextMsgId: number): void {
    const at: Moment = { t: rec.t, seq: rec.seq };
    if (nextMsgId > this.nextId) {
      this.firstId.push(this.nextId);
      this.sendSeq.push(rec.seq);
      this.nextId = nextMsgId;
    }
    // A message ends where it is delivered (a refused one too: its handler saw it), lost, or dropped by the user.
    if (rec.msg !== undefined) this.finish(rec.msg, at, rec.kind === 'lost' || rec.rule === 'user.drop');
    const kind = laneMarkKind(rec);
    if (kind !== null && rec.node !== null) {
      this.marks.push({ ...at, node: rec.node, kind, label: markLabel(kind, rec), text: kind === 'commit' ? '' : rec.text(), refused: rec.kind === 'refused' });
      if (this.marks.length > MAX_MARKS) this.marks.splice(0, MAX_MARKS / 4);
    }
    if (rec.kind === 'action' && rec.action !== undefined) this.act(rec.action, at);
  }

  /** Forgets everything after event `seq` (the user acted there); `nextMsgId` is the simulation's now. */
  truncate(seq: number, nextMsgId: number): void {
    while (this.ended.length > 0 && this.ended[this.ended.length - 1].end!.seq > seq) this.ended.pop();
    while (this.sendSeq.length > 0 && this.sendSeq[this.sendSeq.length - 1] > seq) { this.sendSeq.pop(); this.firstId.pop(); }
    this.nextId = nextMsgId;
    while (this.marks.length > 0 && this.marks[this.marks.length - 1].seq > seq) this.marks.pop();
    while (this.networks.length > 1 && this.networks[this.networks.length - 1].seq > seq) this.networks.pop();
    this.downs = this.downs.filter((d) => d.from.seq <= seq).map((d) => (d.to !== null && d.to.seq > seq ? { ...d, to: null } : d));
  }

  /**
   * The window `q` of the run as it stands at `now`, with `inFlight` the messages on the
   * wire at that moment. What lies beyond `now` (already computed, then seeked back from) is
   * left out, as if it had not happened yet.
   */
  query(q: SpaceTimeQuery, now: Moment, inFlight: readonly Envelope<Msg>[], nodeCount: number): SpaceTimeWindow {
    const key = q.axis === 'time' ? 't' : 'seq';
    const lo = q.from;
    const hi = Math.min(q.to, now[key]);
    const found: SpaceTimeArrow[] = [];
    // Finished messages are in order of their end: start at the first that ends in the window,
    // stop once even the longest-lived message could not have been sent by the window's end.
    for (let i = firstAtOrAfter(this.ended, (e) => e.end![key], lo); i < this.ended.length; i++) {
      const e = this.ended[i];
      if (e.end!.seq > now.seq) continue;
      if (e.end![key] - this.longest[key] > hi) break;
      if (e.sent[key] <= hi) {
        const { lost, ...arrow } = e;
        found.push({ ...arrow, fate: lost ? 'lost' : 'delivered' });
      }
    }
    for (const env of inFlight) {
      const sent = { t: env.sentAt, seq: this.sentBy(env.id) };
      if (sent[key] <= hi) found.push(this.arrow(env, sent, null, 'in-flight'));
    }
    found.sort((a, b) => a.sent.seq - b.sent.seq || a.id - b.id);
    const stride = Math.ceil(found.length / Math.max(1, q.limit));
    const arrows = stride <= 1 ? found : found.filter((_, i) => i % stride === 0);
    const inWindow = <T extends Moment>(m: T) => m[key] >= lo && m[key] <= hi && m.seq <= now.seq;
    const marks: LaneMark[] = [];
    for (let i = firstAtOrAfter(this.marks, (m) => m[key], lo); i < this.marks.length && inWindow(this.marks[i]); i++) marks.push(this.marks[i]);
    let start = 0;
    for (let i = 0; i < this.networks.length; i++) if (this.networks[i][key] <= lo && this.networks[i].seq <= now.seq) start = i;
    const network = this.networks.slice(start).filter((n, i) => i === 0 || inWindow(n));
    const down = this.downs
      .filter((d) => d.from.seq <= now.seq && d.from[key] <= hi && (d.to === null || d.to.seq > now.seq || d.to[key] >= lo))
      .map((d) => (d.to !== null && d.to.seq > now.seq ? { ...d, to: null } : d));
    return { query: q, nodeCount, now, arrows, total: found.length, marks, network, down, keptFrom: this.keptFrom };
  }

  private finish(env: Envelope<Msg>, end: Moment, lost: boolean): void {
    const { fate: _, ...arrow } = this.arrow(env, { t: env.sentAt, seq: this.sentBy(env.id) }, end, 'delivered');
    this.ended.push({ ...arrow, lost });
    this.longest = { t: Math.max(this.longest.t, end.t - arrow.sent.t), seq: Math.max(this.longest.seq, end.seq - arrow.sent.seq) };
    if (this.ended.length > MAX_MESSAGES) {
      this.ended.splice(0, MAX_MESSAGES / 4);
      this.keptFrom = this.ended[0].sent.t;
    }
  }

  /** The event that sent message `id`. */
  private sentBy(id: number): number {
    let lo = 0;
    let hi = this.firstId.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.firstId[mid] <= id) lo = mid; else hi = mid - 1;
    }
    return this.sendSeq[lo] ?? 0;
  }

  private act(action: NonNullable<TraceRecord<Msg>['action']>, at: Moment): void {
    if (action.type === 'crash') this.downs.push({ node: action.node, from: at, to: null });
    if (action.type === 'recover') {
      const open = this.downs.findLast((d) => d.node === action.node && d.to === null);
      if (open !== undefined) open.to = at;
    }
    if (action.type === 'partition' || action.type === 'heal' || action.type === 'cut' || action.type === 'restore') {
      const prev = this.networks[this.networks.length - 1];
      this.networks.push({ ...at, ...networkAfter(prev, action) });
    }
  }

  private arrow(env: Envelope<Msg>, sent: Moment, end: Moment | null, fate: Fate): SpaceTimeArrow {
    const { type, ...raw } = env.msg as Msg & Record<string, unknown>;
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) fields[k] = Array.isArray(v) && (v.length === 0 || typeof v[0] !== 'number') ? v.length : v;
    return {
      id: env.id, from: env.from, to: env.to, type, label: this.describe(env.msg), fields,
      sent, deliverAt: env.deliverAt, end, fate, duplicateOf: env.duplicateOf,
    };
  }
}

/** The network after a partition, heal, cut or restore (the simulation's own rules, applied to the view). */
function networkAfter(prev: NetworkSpan, action: { type: string; groups?: NodeId[][]; nodes?: NodeId[]; from?: NodeId; to?: NodeId }): Omit<NetworkSpan, 't' | 'seq'> {
  switch (action.type) {
    case 'partition': return { groups: action.groups!.map((g) => [...g]), cuts: prev.cuts };
    case 'heal': {
      // Healing one group: its nodes rejoin everyone; fewer than two groups left is no partition.
      const nodes = action.nodes;
      // Healing all ends the partition and restores every cut link, as the simulator's heal does.
      if (nodes === undefined) return { groups: null, cuts: [] };
      if (prev.groups === null) return prev;
      const groups = prev.groups.map((g) => g.filter((id) => !nodes.includes(id))).filter((g) => g.length > 0);
      return { groups: groups.length < 2 ? null : groups, cuts: prev.cuts };
    }
    case 'cut': return { groups: prev.groups, cuts: [...new Set([...prev.cuts, `${action.from}>${action.to}`])] };
    default: return { groups: prev.groups, cuts: prev.cuts.filter((c) => c !== `${action.from}>${action.to}`) };
  }
}

/** What an event marks on its node's lane, if anything. */
export function laneMarkKind(rec: TraceRecord<Msg>): LaneMarkKind | null {
  const mark = recordMark(rec);
  // Each lane shows its own node applying entries, the leader's commit or a follower's.
  return mark === 'apply' ? 'commit' : mark === 'fault' || mark === 'blocked' ? null : mark;
}

function markLabel(kind: LaneMarkKind, rec: TraceRecord<Msg>): string {
  if (kind === 'request') return rec.action?.type === 'request' ? rec.action.command : 'request';
  if (kind === 'commit' && rec.applied !== undefined) {
    // Entries counted from 1, as the logs panel shows them.
    const first = rec.applied[0].index + 1;
    const last = rec.applied[rec.applied.length - 1].index + 1;
    return `commit ${first === last ? first : `${first}–${last}`}`;
  }
  if (kind === 'commit') return rec.rule === 'paxos.learn' ? 'learned' : 'decided';
  return kind;
}

/** Index of the first item whose key is at least `value` (items sorted by key). */
function firstAtOrAfter<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < value) lo = mid + 1; else hi = mid;
  }
  return lo;
}
