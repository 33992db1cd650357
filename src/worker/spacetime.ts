/**
 * The run's history for the space-time diagram: every message's life (sent, then delivered,
 * lost, or still in flight), crashes and recoveries, the network's partitions and cuts, and
 * the marks on the lanes (elections, new leaders, commits, clients' requests). Kept by the
 * worker as the run is computed, and answered as a query for one window of the run, so the
 * page never holds (or recomputes) more than it shows. Host-free: tests drive it directly.
 */
import type { NodeId } from '../engine/sim/protocol';
import type { Envelope, TraceRecord } from '../engine/sim/types';
import { longestList, messageFields } from './messageFields';
import { NumberRows } from './numberRows';
import { type ClientArrow, type ClientAttempt, ClientRows } from './clientRows';

export type { ClientArrow, ClientAttempt, ClientOutcome } from './clientRows';
import { type RecordMark, recordMark } from './recordMark';
import { LeaseSpans, type LeaseSpan } from './leaseSpans';
import type { Lease } from '../engine/clients/types';
import type { NodeClock } from '../engine/sim/clock';

export type { LeaseEnd, LeaseSpan } from './leaseSpans';

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

const LANE_MARK_KINDS = ['election', 'leader', 'commit', 'crash', 'recover', 'request'] as const;
export type LaneMarkKind = (typeof LANE_MARK_KINDS)[number];

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
  /** The scenario's clients (0: none; the lane on the left then holds the timeline's commands). */
  clientCount: number;
  /** Clients' requests and replies in the window. */
  clients: ClientArrow[];
  /** The playhead: what has happened so far. Nothing later is in the window. */
  now: Moment;
  arrows: SpaceTimeArrow[];
  /** How many arrows the window holds; more than `arrows.length` when thinned. */
  total: number;
  marks: LaneMark[];
  /** The network at the window's start, then each change within it. */
  network: NetworkSpan[];
  down: DownSpan[];
  /** Leaders' read leases reaching into the window (reads by lease only). */
  leases: LeaseSpan[];
  /** The earliest moment still kept: a very long run forgets its oldest messages. */
  keptFrom: number;
}

/** A very long run keeps at most this many finished messages, dropping the oldest quarter at once. */
const MAX_MESSAGES = 400_000;
const MAX_MARKS = 300_000;
/** A message carrying a longer list than this is kept as its label and fields, not as itself. */
const KEEP_LIST = 8;

/**
 * A finished message's figures, one row each in `ended` (in the order they finished, so by end):
 * its whole numbers in 32 bits, and its times (which a drifting clock makes fractional) beside,
 * in `endedTimes`, same row. 52 bytes a message, where one table of doubles took 80.
 */
const ID = 0;
const FROM = 1;
const TO = 2;
const SENT_SEQ = 3;
const END_SEQ = 4;
/** -1 for an original. */
const DUPLICATE_OF = 5;
/** 1 if lost (or dropped by the user), 0 if delivered. */
const LOST = 6;
const STRIDE = 7;
const SENT_T = 0;
const DELIVER_AT = 1;
const END_T = 2;
const TIME_STRIDE = 3;

/** A lane mark's whole numbers, one row each in `marks` (32 bits); its time in `markTimes`, its words in `markWords`. */
const M_SEQ = 0;
const M_NODE = 1;
/** Its kind's index in LANE_MARK_KINDS. */
const M_KIND = 2;
const M_REFUSED = 3;
/** A commit's entries, counted from 1 (first, last), or -1. */
const M_FIRST = 4;
const M_LAST = 5;
const M_STRIDE = 6;

/** A message that carried a long list (a catch-up's suffix), kept as the diagram shows it: keeping it would keep the list. */
class Described {
  constructor(readonly type: string, readonly label: string, readonly fields: Record<string, unknown>) {}
}

/**
 * Records what the diagram draws, event by event, for the events the run computes for the
 * first time (the controller calls `record` once per new event, in order), and forgets what
 * lies beyond a point when the user acts in the past.
 *
 * A long run finishes hundreds of thousands of messages, so a finished one costs a row of
 * figures and the engine's own message (already made, shared, not copied); its sentence and
 * fields are made only for the arrows a window returns.
 */
export class SpaceTimeLog {
  private ended = new NumberRows(STRIDE, 12, Int32Array);
  private endedTimes = new NumberRows(TIME_STRIDE);
  /** The message of each row of `ended`. */
  private endedMsg: (Msg | Described)[] = [];
  /** The longest life of a finished message, in ms and in events: how far back a window must look for sends. */
  private longest = { t: 0, seq: 0 };
  /** Which event sent which message: message ids from row[0] on were sent by event row[1]. */
  private sends = new NumberRows(2, 12, Int32Array);
  private nextId = 1;
  private marks = new NumberRows(M_STRIDE, 12, Int32Array);
  private markTimes = new NumberRows(1);
  /**
   * Each mark's label and sentence. Commits are the most of them: a label made from their
   * entries when asked (null here) and no sentence; a request's label is its command, shared.
   */
  private markWords: { label: string | null; text: string }[] = [];
  private networks: NetworkSpan[] = [{ t: 0, seq: 0, groups: null, cuts: [] }];
  private downs: DownSpan[] = [];
  private keptFrom = 0;

  private clients: ClientRows;
  private leases: LeaseSpans | null;

  /**
   * `clientTries`: the attempts a client makes before it gives up (its last timeout is a give-up);
   * `leaseLength`: a whole lease on a leader's clock, where reads go by lease (else null).
   */
  constructor(private readonly describe: (msg: Msg) => string, clientTries = 0, leaseLength: number | null = null) {
    this.clients = new ClientRows(clientTries);
    this.leases = leaseLength === null ? null : new LeaseSpans(leaseLength);
  }

  /**
   * Takes in one new event; `nextMsgId` is the simulation's next message id after it, `mark` its
   * classification, `server` its node's lease and clock after it (reads by lease only).
   */
  record(rec: TraceRecord<Msg>, nextMsgId: number, mark: RecordMark | null = recordMark(rec), server: { lease: Lease | null; clock: NodeClock } | null = null): void {
    const at: Moment = { t: rec.t, seq: rec.seq };
    if (nextMsgId > this.nextId) {
      const row = this.sends.append();
      this.sends.set(row, 0, this.nextId);
      this.sends.set(row, 1, rec.seq);
      this.nextId = nextMsgId;
    }
    // A message ends where it is delivered (a refused one too: its handler saw it), lost, or dropped by the user.
    if (rec.msg !== undefined) this.finish(rec.msg, at, rec.kind === 'lost' || rec.rule === 'user.drop');
    if (rec.client !== undefined) this.clients.record(rec.client, at, rec.kind === 'lost');
    const kind = laneMarkKind(rec, mark);
    if (kind !== null && rec.node !== null) {
      const m = this.marks;
      const row = m.append();
      this.markTimes.set(this.markTimes.append(), 0, rec.t);
      m.set(row, M_SEQ, rec.seq);
      m.set(row, M_NODE, rec.node);
      m.set(row, M_KIND, LANE_MARK_KINDS.indexOf(kind));
      m.set(row, M_REFUSED, rec.kind === 'refused' ? 1 : 0);
      const range = kind === 'commit' && rec.applied !== undefined;
      // Entries counted from 1, as the logs panel shows them.
      m.set(row, M_FIRST, range ? rec.applied![0].index + 1 : -1);
      m.set(row, M_LAST, range ? rec.applied![rec.applied!.length - 1].index + 1 : -1);
      this.markWords.push(range ? NO_WORDS : { label: markLabel(kind, rec), text: kind === 'commit' ? '' : rec.text() });
      if (m.length > MAX_MARKS) {
        m.dropFirst(MAX_MARKS / 4);
        this.markTimes.dropFirst(MAX_MARKS / 4);
        this.markWords.splice(0, MAX_MARKS / 4);
      }
    }
    if (rec.kind === 'action' && rec.action !== undefined) this.act(rec.action, at);
    this.leases?.record(at, rec.node, server?.lease ?? null, server?.clock ?? null, rec.rule === 'client.readLease');
  }

  /** The clients' attempts of the operations `ops`, for the History tab (see ClientRows.attemptsOf); `key` changes whenever one is sent or arrives. */
  clientAttempts(now: number, inFlight: Parameters<ClientRows['attemptsOf']>[3]): { key: number; of: (ops: ReadonlySet<number>, from: number) => ClientAttempt[] } {
    return { key: this.clients.arrivedBy(now) + inFlight.length, of: (ops, from) => this.clients.attemptsOf(ops, from, now, inFlight) };
  }

  /** Forgets everything after event `seq` (the user acted there); `nextMsgId` is the simulation's now, `clocks` its nodes' clocks. */
  truncate(seq: number, nextMsgId: number, clocks: readonly (NodeClock | undefined)[] = []): void {
    let n = this.ended.length;
    while (n > 0 && this.ended.get(n - 1, END_SEQ) > seq) n--;
    this.ended.truncate(n);
    this.endedTimes.truncate(n);
    this.endedMsg.length = n;
    let s = this.sends.length;
    while (s > 0 && this.sends.get(s - 1, 1) > seq) s--;
    this.sends.truncate(s);
    this.nextId = nextMsgId;
    this.clients.truncate(seq);
    let m = this.marks.length;
    while (m > 0 && this.marks.get(m - 1, M_SEQ) > seq) m--;
    this.marks.truncate(m);
    this.markTimes.truncate(m);
    this.markWords.length = m;
    while (this.networks.length > 1 && this.networks[this.networks.length - 1].seq > seq) this.networks.pop();
    this.leases?.truncate(seq, clocks);
    this.downs = this.downs.filter((d) => d.from.seq <= seq).map((d) => (d.to !== null && d.to.seq > seq ? { ...d, to: null } : d));
  }

  /**
   * The window `q` of the run as it stands at `now`, with `inFlight` the messages on the
   * wire at that moment. What lies beyond `now` (already computed, then seeked back from) is
   * left out, as if it had not happened yet. `clocks`: each node's clock at `now`, by id.
   */
  query(q: SpaceTimeQuery, now: Moment, inFlight: readonly Envelope<Msg>[], nodeCount: number,
    clients: { count: number; inFlight: Parameters<ClientRows['query']>[4] } = { count: 0, inFlight: [] }, clocks: readonly (NodeClock | undefined)[] = []): SpaceTimeWindow {
    const key = q.axis === 'time' ? 't' : 'seq';
    const lo = q.from;
    const hi = Math.min(q.to, now[key]);
    const e = this.ended;
    const at = this.endedAt(key);
    // Rows of finished messages, then envelopes in flight, each with the event that sent it.
    const found: { row: number; env: Envelope<Msg> | null; sentSeq: number }[] = [];
    // Finished messages are in order of their end: start at the first that ends in the window,
    // stop once even the longest-lived message could not have been sent by the window's end.
    for (let i = firstAtOrAfter(e.length, (r) => at.end(r), lo); i < e.length; i++) {
      if (e.get(i, END_SEQ) > now.seq) continue;
      if (at.end(i) - this.longest[key] > hi) break;
      if (at.sent(i) <= hi) found.push({ row: i, env: null, sentSeq: e.get(i, SENT_SEQ) });
    }
    for (const env of inFlight) {
      const sent = { t: env.sentAt, seq: this.sentBy(env.id) };
      if (sent[key] <= hi) found.push({ row: -1, env, sentSeq: sent.seq });
    }
    const id = (f: (typeof found)[number]) => (f.env !== null ? f.env.id : e.get(f.row, ID));
    found.sort((a, b) => a.sentSeq - b.sentSeq || id(a) - id(b));
    const stride = Math.ceil(found.length / Math.max(1, q.limit));
    const kept = stride <= 1 ? found : found.filter((_, i) => i % stride === 0);
    // Sentences and fields only for the arrows returned.
    const arrows = kept.map((f) => (f.env !== null ? this.arrow(f.env, { t: f.env.sentAt, seq: f.sentSeq }, null, 'in-flight') : this.endedArrow(f.row)));
    const inWindow = <T extends Moment>(m: T) => m[key] >= lo && m[key] <= hi && m.seq <= now.seq;
    const marks: LaneMark[] = [];
    const m = this.marks;
    const markAt = key === 't' ? (r: number) => this.markTimes.get(r, 0) : (r: number) => m.get(r, M_SEQ);
    for (let i = firstAtOrAfter(m.length, markAt, lo); i < m.length && markAt(i) <= hi && m.get(i, M_SEQ) <= now.seq; i++) marks.push(this.mark(i));
    let start = 0;
    for (let i = 0; i < this.networks.length; i++) if (this.networks[i][key] <= lo && this.networks[i].seq <= now.seq) start = i;
    const network = this.networks.slice(start).filter((n, i) => i === 0 || inWindow(n));
    const down = this.downs
      .filter((d) => d.from.seq <= now.seq && d.from[key] <= hi && (d.to === null || d.to.seq > now.seq || d.to[key] >= lo))
      .map((d) => (d.to !== null && d.to.seq > now.seq ? { ...d, to: null } : d));
    return {
      query: q, nodeCount, clientCount: clients.count, clients: this.clients.query(key, lo, hi, now, clients.inFlight),
      now, arrows, total: found.length, marks, network, down, leases: this.leases?.query(key, lo, hi, now, clocks) ?? [], keptFrom: this.keptFrom,
    };
  }

  /** Where a finished message (by its row) was sent and where it ended, on an axis. */
  private endedAt(key: 't' | 'seq'): { sent: (row: number) => number; end: (row: number) => number } {
    const e = this.ended;
    const times = this.endedTimes;
    return key === 't'
      ? { sent: (r) => times.get(r, SENT_T), end: (r) => times.get(r, END_T) }
      : { sent: (r) => e.get(r, SENT_SEQ), end: (r) => e.get(r, END_SEQ) };
  }

  private finish(env: Envelope<Msg>, end: Moment, lost: boolean): void {
    const e = this.ended;
    const row = e.append();
    const times = this.endedTimes;
    times.append();
    const sentSeq = this.sentBy(env.id);
    e.set(row, ID, env.id);
    e.set(row, FROM, env.from);
    e.set(row, TO, env.to);
    times.set(row, SENT_T, env.sentAt);
    e.set(row, SENT_SEQ, sentSeq);
    times.set(row, DELIVER_AT, env.deliverAt);
    times.set(row, END_T, end.t);
    e.set(row, END_SEQ, end.seq);
    e.set(row, DUPLICATE_OF, env.duplicateOf ?? -1);
    e.set(row, LOST, lost ? 1 : 0);
    const msg = env.msg;
    this.endedMsg.push(longestList(msg) > KEEP_LIST ? new Described(msg.type, this.describe(msg), messageFields(msg)) : msg);
    if (end.t - env.sentAt > this.longest.t || end.seq - sentSeq > this.longest.seq) {
      this.longest = { t: Math.max(this.longest.t, end.t - env.sentAt), seq: Math.max(this.longest.seq, end.seq - sentSeq) };
    }
    if (e.length > MAX_MESSAGES) {
      e.dropFirst(MAX_MESSAGES / 4);
      times.dropFirst(MAX_MESSAGES / 4);
      this.endedMsg.splice(0, MAX_MESSAGES / 4);
      this.keptFrom = times.get(0, SENT_T);
    }
  }

  /** The arrow of a finished message, from its row. */
  private endedArrow(row: number): SpaceTimeArrow {
    const e = this.ended;
    const times = this.endedTimes;
    const msg = this.endedMsg[row];
    const kept = msg instanceof Described ? msg : { type: msg.type, label: this.describe(msg), fields: messageFields(msg) };
    const duplicateOf = e.get(row, DUPLICATE_OF);
    return {
      id: e.get(row, ID), from: e.get(row, FROM), to: e.get(row, TO), type: kept.type, label: kept.label, fields: kept.fields,
      sent: { t: times.get(row, SENT_T), seq: e.get(row, SENT_SEQ) }, deliverAt: times.get(row, DELIVER_AT),
      end: { t: times.get(row, END_T), seq: e.get(row, END_SEQ) }, fate: e.get(row, LOST) === 1 ? 'lost' : 'delivered',
      duplicateOf: duplicateOf < 0 ? null : duplicateOf,
    };
  }

  /** Lane mark `row` as the diagram draws it. */
  private mark(row: number): LaneMark {
    const m = this.marks;
    const words = this.markWords[row];
    const first = m.get(row, M_FIRST);
    const last = m.get(row, M_LAST);
    return {
      t: this.markTimes.get(row, 0), seq: m.get(row, M_SEQ), node: m.get(row, M_NODE), kind: LANE_MARK_KINDS[m.get(row, M_KIND)],
      label: words.label ?? `commit ${first === last ? first : `${first}–${last}`}`, text: words.text, refused: m.get(row, M_REFUSED) === 1,
    };
  }

  /** The event that sent message `id`. */
  private sentBy(id: number): number {
    const s = this.sends;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s.get(mid, 0) <= id) lo = mid; else hi = mid - 1;
    }
    return s.length === 0 ? 0 : s.get(lo, 1);
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
    return {
      id: env.id, from: env.from, to: env.to, type: env.msg.type, label: this.describe(env.msg), fields: messageFields(env.msg),
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
export function laneMarkKind(rec: TraceRecord<Msg>, mark: RecordMark | null = recordMark(rec)): LaneMarkKind | null {
  // Each lane shows its own node applying entries, the leader's commit or a follower's.
  return mark === 'apply' ? 'commit' : mark === 'fault' || mark === 'blocked' ? null : mark;
}

/** The words of a commit whose label is made from its entries when asked. */
const NO_WORDS = { label: null, text: '' };

/** A mark's label, but for a commit of entries (made from them when asked). */
function markLabel(kind: LaneMarkKind, rec: TraceRecord<Msg>): string {
  if (kind === 'request') return rec.action?.type === 'request' ? rec.action.command : 'request';
  if (kind === 'commit') return rec.rule === 'paxos.learn' ? 'learned' : 'decided';
  return kind;
}

/** Index of the first of `length` items whose key is at least `value` (items sorted by key). */
function firstAtOrAfter(length: number, key: (i: number) => number, value: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(mid) < value) lo = mid + 1; else hi = mid;
  }
  return lo;
}
