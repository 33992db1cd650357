/**
 * Clients' requests and replies for the space-time diagram: each one an arrow between a
 * client's lane and a server's, kept as a row of numbers (as the servers' messages are), with
 * the engine's own event beside it for its words. A request also keeps what became of it on
 * the client's side: answered, or left unknown when the client timed out (and retried) or
 * gave up, so the diagram can draw a request whose reply never came as unknown.
 */
import type { ClientEvent } from '../engine/clients/types';
import { opText } from '../engine/linearizability/history';
import { NumberRows } from './numberRows';

interface Moment {
  t: number;
  seq: number;
}

type Fate = 'delivered' | 'lost' | 'in-flight';
type Travel = Extract<ClientEvent, { kind: 'request' | 'reply' }>;

/** What the client made of a request, as of the playhead: its reply came; it stopped waiting without one; or it still waits. */
export type ClientOutcome = 'answered' | 'unknown' | 'gave up' | 'waiting';

export interface ClientArrow {
  /** Unique in the run: `c1.3.2` is client 1's operation #3, attempt 2; a reply adds the server and the event that sent it. */
  key: string;
  /** The operation's id in the history (the History tab's bar). */
  op: number;
  client: number;
  seq: number;
  attempt: number;
  /** The server it went to, or came from. */
  node: number;
  dir: 'request' | 'reply';
  /** A request's reason: the first attempt, a retry after a timeout, or following a redirect. */
  why: 'first' | 'retry' | 'redirect' | null;
  /** A reply's kind. */
  reply: 'ok' | 'fail' | 'redirect' | 'noLeader' | null;
  label: string;
  sent: Moment;
  deliverAt: number;
  end: Moment | null;
  fate: Fate;
  /** Requests only (null for replies). */
  outcome: ClientOutcome | null;
  /** Where the client stopped waiting for this request's reply (null: answered, or still waiting at the playhead). */
  outcomeAt: Moment | null;
}

/** One attempt (a request) of an operation, as the History tab's bar marks it. */
export interface ClientAttempt {
  op: number;
  /** 1 for the first request, then each retry or redirect. */
  attempt: number;
  /** When it was sent, and the event that sent it (their order). */
  at: number;
  seq: number;
  to: number;
  why: 'first' | 'retry' | 'redirect';
}

const attempt = (ev: Extract<Travel, { kind: 'request' }>): ClientAttempt => ({ op: ev.id, attempt: ev.attempt, at: ev.sentAt, seq: ev.sentSeq, to: ev.to, why: ev.why });

const CLIENT = 0;
const SEQ = 1;
const OP = 2;
const ATTEMPT = 3;
const NODE = 4;
/** 0 request, 1 reply. */
const DIR = 5;
/** A request's why (0 first, 1 retry, 2 redirect); a reply's kind (REPLY_KINDS). */
const KIND = 6;
const SENT_T = 7;
const SENT_SEQ = 8;
const END_T = 9;
const END_SEQ = 10;
const LOST = 11;
/** A request's outcome: 0 none yet, then OUTCOMES' index; where it came. */
const OUT = 12;
const OUT_T = 13;
const OUT_SEQ = 14;
const STRIDE = 15;

const WHYS = ['first', 'retry', 'redirect'] as const;
const REPLY_KINDS = ['ok', 'fail', 'redirect', 'noLeader'] as const;
const OUTCOMES = [null, 'answered', 'unknown', 'gave up'] as const;
type Concluded = 1 | 2 | 3;
/**
 * How far back a client's event looks for the request it concludes. Between a request's
 * arrival and its reply or timeout, only the other clients' few requests and replies arrive,
 * so the cost of an event stays flat however long the run.
 */
const LOOK_BACK = 256;
/** A long session keeps this many rows, dropping the oldest quarter at once. */
const MAX_ROWS = 200_000;
const AT = { t: { sent: SENT_T, end: END_T }, seq: { sent: SENT_SEQ, end: END_SEQ } } as const;

export class ClientRows {
  private rows = new NumberRows(STRIDE);
  private events: Travel[] = [];
  /** The longest trip, in ms and in events: how far back a window must look for sends. */
  private longest = { t: 0, seq: 0 };
  /**
   * Conclusions that came while their request was still on its way (a timeout before the
   * request arrived; an answer to an earlier attempt): `c#seq#attempt` or `c#seq`. Few, bounded.
   */
  private early = new Map<string, { out: Concluded; at: Moment }>();

  /** `tries`: a client's attempts before it gives up (a timeout of the last one is a give-up). */
  constructor(private readonly tries: number) {}

  /** A client event of the run at `at`; `lost` if it died on its way (the network, or a server down). */
  record(ev: ClientEvent, at: Moment, lost: boolean): void {
    // Writes to the storage node outside the cluster are not drawn: the diagram has no storage lane.
    if (ev.kind === 'store' || ev.kind === 'stored') return;
    if (ev.kind === 'timeout') {
      const out = ev.attempt >= this.tries ? 3 : 2;
      if (!this.conclude(ev.client, ev.seq, ev.attempt, out, at)) this.remember(`${ev.client}#${ev.seq}#${ev.attempt}`, out, at);
      return;
    }
    const r = this.rows;
    const row = r.append();
    this.events.push(ev);
    r.set(row, CLIENT, ev.client);
    r.set(row, SEQ, ev.seq);
    r.set(row, SENT_T, ev.sentAt);
    r.set(row, SENT_SEQ, ev.sentSeq);
    r.set(row, END_T, at.t);
    r.set(row, END_SEQ, at.seq);
    r.set(row, LOST, lost ? 1 : 0);
    if (ev.kind === 'request') {
      r.set(row, OP, ev.id);
      r.set(row, ATTEMPT, ev.attempt);
      r.set(row, NODE, ev.to);
      r.set(row, KIND, WHYS.indexOf(ev.why));
      // Concluded while it was on its way: its own timeout, or a reply to another attempt.
      const early = this.early.get(`${ev.client}#${ev.seq}#${ev.attempt}`) ?? this.early.get(`${ev.client}#${ev.seq}`);
      if (early !== undefined) this.setOutcome(row, early.out, early.at);
    } else {
      r.set(row, DIR, 1);
      const request = this.find(ev.client, ev.seq, null);
      r.set(row, OP, request === -1 ? 0 : r.get(request, OP));
      r.set(row, ATTEMPT, request === -1 ? 0 : r.get(request, ATTEMPT));
      r.set(row, NODE, ev.from);
      r.set(row, KIND, REPLY_KINDS.indexOf(ev.reply.kind));
      // A reply that reaches its client answers every attempt of the operation still waiting.
      if (!lost) {
        this.conclude(ev.client, ev.seq, null, 1, at);
        this.remember(`${ev.client}#${ev.seq}`, 1, at);
      }
    }
    this.longest = { t: Math.max(this.longest.t, at.t - ev.sentAt), seq: Math.max(this.longest.seq, at.seq - ev.sentSeq) };
    if (r.length > MAX_ROWS) {
      r.dropFirst(MAX_ROWS / 4);
      this.events.splice(0, MAX_ROWS / 4);
    }
  }

  /** Forgets everything after event `seq`. */
  truncate(seq: number): void {
    const r = this.rows;
    let n = r.length;
    while (n > 0 && r.get(n - 1, END_SEQ) > seq) n--;
    r.truncate(n);
    this.events.length = n;
    for (let i = n - 1; i >= Math.max(0, n - LOOK_BACK); i--) if (r.get(i, OUT) !== 0 && r.get(i, OUT_SEQ) > seq) r.set(i, OUT, 0);
    for (const [k, v] of this.early) if (v.at.seq > seq) this.early.delete(k);
  }

  /** The arrows of window [lo, hi] on the axis (`key`), as they stand at `now`, with what is on its way then. */
  query(key: 't' | 'seq', lo: number, hi: number, now: Moment, inFlight: readonly { at: number; ev: Travel }[]): ClientArrow[] {
    const r = this.rows;
    const col = AT[key];
    const out: ClientArrow[] = [];
    for (let i = firstEndingAtOrAfter(r, col.end, lo); i < r.length; i++) {
      if (r.get(i, END_SEQ) > now.seq) continue;
      if (r.get(i, col.end) - this.longest[key] > hi) break;
      if (r.get(i, col.sent) <= hi) out.push(this.arrow(i, now));
    }
    for (const { at, ev } of inFlight) {
      const sent = { t: ev.sentAt, seq: ev.sentSeq };
      if (sent[key] <= hi) out.push(this.flying(ev, at, now));
    }
    return out.sort((a, b) => a.sent.seq - b.sent.seq || (a.dir === b.dir ? 0 : a.dir === 'request' ? -1 : 1));
  }

  /**
   * Every attempt sent for the operations `ops` (ids; none invoked before `from` ms) as the run
   * stands after event `now`: arrived or lost by then, or on its way (`inFlight`), in the order
   * sent. The history's bar draws each retry on it.
   */
  attemptsOf(ops: ReadonlySet<number>, from: number, now: number, inFlight: readonly { ev: Travel }[]): ClientAttempt[] {
    const r = this.rows;
    const out: ClientAttempt[] = [];
    // Rows are in the order they arrived (a later one may be kept from before a jump back in time);
    // none that arrived before the first shown invocation can be one of its requests.
    for (let i = this.arrivedBy(now) - 1; i >= 0 && r.get(i, END_T) >= from; i--) {
      if (r.get(i, DIR) === 0 && ops.has(r.get(i, OP))) out.push(attempt(this.events[i] as Extract<Travel, { kind: 'request' }>));
    }
    for (const { ev } of inFlight) if (ev.kind === 'request' && ops.has(ev.id)) out.push(attempt(ev));
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** How many client requests and replies had arrived (or were lost) by event `now`. */
  arrivedBy(now: number): number {
    return firstEndingAtOrAfter(this.rows, END_SEQ, now + 1);
  }

  private arrow(row: number, now: Moment): ClientArrow {
    const r = this.rows;
    const ev = this.events[row];
    const dir = ev.kind;
    const out = r.get(row, OUT) as 0 | Concluded;
    const outAt = { t: r.get(row, OUT_T), seq: r.get(row, OUT_SEQ) };
    const concluded = out !== 0 && outAt.seq <= now.seq;
    return {
      ...this.words(ev, r.get(row, OP), r.get(row, ATTEMPT)),
      sent: { t: r.get(row, SENT_T), seq: r.get(row, SENT_SEQ) }, deliverAt: r.get(row, END_T),
      end: { t: r.get(row, END_T), seq: r.get(row, END_SEQ) }, fate: r.get(row, LOST) === 1 ? 'lost' : 'delivered',
      outcome: dir === 'reply' ? null : concluded ? OUTCOMES[out]! : 'waiting',
      outcomeAt: dir === 'request' && concluded && out !== 1 ? outAt : null,
    };
  }

  /** An arrow still on its way at `now` (due at `at`). */
  private flying(ev: Travel, at: number, now: Moment): ClientArrow {
    const request = ev.kind === 'request' ? null : this.find(ev.client, ev.seq, null);
    const early = ev.kind === 'request' ? this.early.get(`${ev.client}#${ev.seq}#${ev.attempt}`) ?? this.early.get(`${ev.client}#${ev.seq}`) : undefined;
    const concluded = early !== undefined && early.at.seq <= now.seq ? early : undefined;
    return {
      ...this.words(ev, ev.kind === 'request' ? ev.id : request === null || request === -1 ? 0 : this.rows.get(request, OP),
        ev.kind === 'request' ? ev.attempt : request === null || request === -1 ? 0 : this.rows.get(request, ATTEMPT)),
      sent: { t: ev.sentAt, seq: ev.sentSeq }, deliverAt: at, end: null, fate: 'in-flight',
      outcome: ev.kind === 'reply' ? null : concluded === undefined ? 'waiting' : OUTCOMES[concluded.out]!,
      outcomeAt: concluded !== undefined && concluded.out !== 1 ? concluded.at : null,
    };
  }

  /** An arrow's names and words, from the engine's event. */
  private words(ev: Travel, op: number, attempt: number): Omit<ClientArrow, 'sent' | 'deliverAt' | 'end' | 'fate' | 'outcome' | 'outcomeAt'> {
    const base = { op, client: ev.client, seq: ev.seq, attempt };
    if (ev.kind === 'request') {
      const text = opText(ev.op);
      const label = ev.why === 'first' ? text : ev.why === 'retry' ? `${text} (try ${ev.attempt})` : `${text} (redirected)`;
      return { ...base, key: `c${ev.client}.${ev.seq}.${ev.attempt}`, node: ev.to, dir: 'request', why: ev.why, reply: null, label };
    }
    const r = ev.reply;
    const label = r.kind === 'ok' ? (r.value === undefined ? 'ok' : `ok: ${r.value ?? 'missing'}`)
      : r.kind === 'fail' ? `failed: ${r.error}` : r.kind === 'redirect' ? `try S${r.leader}` : 'no leader';
    return { ...base, key: `c${ev.client}.${ev.seq}.r${ev.from}@${ev.sentSeq}`, node: ev.from, dir: 'reply', why: null, reply: r.kind, label };
  }

  /**
   * The newest request row of (client, seq) (of one attempt, or any when `attempt` is null),
   * -1 if none within reach.
   */
  private find(client: number, seq: number, attempt: number | null): number {
    const r = this.rows;
    for (let i = r.length - 1; i >= Math.max(0, r.length - LOOK_BACK); i--) {
      if (r.get(i, DIR) === 0 && r.get(i, CLIENT) === client && r.get(i, SEQ) === seq && (attempt === null || r.get(i, ATTEMPT) === attempt)) return i;
    }
    return -1;
  }

  /**
   * Sets the outcome of (client, seq)'s requests still without one (of one attempt, or all);
   * the first conclusion stands. Returns whether a request of that attempt was found at all.
   */
  private conclude(client: number, seq: number, attempt: number | null, out: Concluded, at: Moment): boolean {
    const r = this.rows;
    let found = false;
    for (let i = r.length - 1; i >= Math.max(0, r.length - LOOK_BACK); i--) {
      if (r.get(i, DIR) !== 0 || r.get(i, CLIENT) !== client || r.get(i, SEQ) !== seq) continue;
      if (attempt !== null && r.get(i, ATTEMPT) !== attempt) continue;
      found = true;
      if (r.get(i, OUT) === 0) this.setOutcome(i, out, at);
    }
    return found;
  }

  private setOutcome(row: number, out: Concluded, at: Moment): void {
    this.rows.set(row, OUT, out);
    this.rows.set(row, OUT_T, at.t);
    this.rows.set(row, OUT_SEQ, at.seq);
  }

  private remember(key: string, out: Concluded, at: Moment): void {
    this.early.set(key, { out, at });
    // Bounded: the oldest give way (a request that never arrives needs none).
    if (this.early.size > LOOK_BACK) this.early.delete(this.early.keys().next().value!);
  }
}

/** Index of the first row whose column `col` is at least `value` (rows sorted by it). */
function firstEndingAtOrAfter(r: NumberRows, col: number, value: number): number {
  let lo = 0;
  let hi = r.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r.get(mid, col) < value) lo = mid + 1; else hi = mid;
  }
  return lo;
}
