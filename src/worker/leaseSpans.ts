/**
 * Leaders' read leases for the space-time diagram: each grant a span on its leader's lane,
 * from the heartbeat round a majority answered to where it stopped holding (renewed by the
 * next round, run out by the leader's own clock, or dropped with a crash or a step-down), with
 * where true time passed its end while the leader's clock still said it held (a slow clock),
 * and the reads answered on it. Kept by the worker as the run is computed, answered for one
 * window. Host-free and pure: tests drive it directly.
 */
import { localTime, type NodeClock } from '../engine/sim/clock';
import type { Lease } from '../engine/clients/types';
import type { NodeId } from '../engine/sim/protocol';

interface Moment {
  t: number;
  seq: number;
}

export type LeaseEnd = 'renewed' | 'ranOut' | 'dropped';

export interface LeaseSpan {
  node: NodeId;
  term: number;
  /** Where a majority's replies to a heartbeat round granted it (true time). */
  granted: Moment;
  /** On the leader's own clock: the start of the round that granted it, and its end (the start plus a lease's length). */
  from: number;
  to: number;
  /** True time at which it ends if what it had left when granted is counted in true time. */
  trueEnd: number;
  /**
   * True time at which the leader's clock reads `to`: when it did (ran out), or, while it holds,
   * when it will at the clock's rate at the playhead; null once it was renewed or dropped before.
   */
  ownEnd: number | null;
  /** Where it stopped holding as of the playhead, and why; null while it holds. */
  end: Moment | null;
  endedBy: LeaseEnd | null;
  /** Where true time passed `trueEnd` while it still held by the leader's clock (a slow clock); else null. */
  trueEndAt: Moment | null;
  /** Reads the leader answered on it, at once from its store. */
  reads: Moment[];
}

/** A grant as recorded so far: its end is resolved at the first event at or past the moment (its seq), by the run's clocks. */
type Row = Omit<LeaseSpan, 'ownEnd'>;

/** A long run keeps at most this many grants (one per heartbeat round), dropping the oldest quarter at once. */
const MAX_SPANS = 100_000;

export class LeaseSpans {
  /** Each node's grants, in order; at most one (its last) still open. */
  private byNode: Row[][] = [];
  /** The clock each node ran by since its last event: a lease's end is found with the clock that ran up to it. */
  private clocks: (NodeClock | undefined)[] = [];
  private count = 0;

  /** `length`: a whole lease on the leader's own clock. */
  constructor(private readonly length: number) {}

  /**
   * Takes in one event at `at` on `node` (null: none), with `lease` and `clock` that node's
   * lease and clock after it, and whether it answered a read on its lease. Costs a look at
   * each lease still open (one per leader at most), whatever the length of the run.
   */
  record(at: Moment, node: NodeId | null, lease: Lease | null, clock: NodeClock | null, leaseRead: boolean): void {
    for (const rows of this.byNode) {
      const open = rows?.[rows.length - 1];
      if (open !== undefined && open.end === null) this.pass(open, at);
    }
    if (node === null) return;
    if (clock !== null) this.clocks[node] = clock;
    const rows = (this.byNode[node] ??= []);
    const last = rows[rows.length - 1];
    const open = last !== undefined && last.end === null ? last : null;
    const grant = lease !== null && lease.until !== null && !(last !== undefined && last.term === lease.term && last.to === lease.until);
    if (open !== null && (grant || lease === null || lease.term !== open.term)) {
      open.end = at;
      open.endedBy = grant && lease!.term === open.term ? 'renewed' : 'dropped';
    }
    if (grant) {
      // The round that granted it began at `to - length` on the leader's clock, which reads `lease.start` now.
      rows.push({ node, term: lease!.term, granted: at, from: lease!.until! - this.length, to: lease!.until!, trueEnd: at.t + (lease!.until! - lease!.start),
        end: null, endedBy: null, trueEndAt: null, reads: [] });
      if (++this.count > MAX_SPANS) this.forget();
    }
    const holding = rows[rows.length - 1];
    if (leaseRead && holding !== undefined && holding.end === null) holding.reads.push(at);
  }

  /**
   * Forgets everything after event `seq` (the user acted there): a lease that ended later holds
   * again. `clocks`: each node's clock at `seq`, by id (a drift after it is forgotten too).
   */
  truncate(seq: number, clocks: readonly (NodeClock | undefined)[]): void {
    this.count = 0;
    for (const rows of this.byNode) {
      if (rows === undefined) continue;
      while (rows.length > 0 && rows[rows.length - 1].granted.seq > seq) rows.pop();
      // A node's grants end in order: only the last few can have ended, or read, after `seq`.
      for (let i = rows.length - 1; i >= 0; i--) {
        const r = rows[i];
        if (r.end !== null && r.end.seq <= seq) break;
        r.end = null;
        r.endedBy = null;
        if (r.trueEndAt !== null && r.trueEndAt.seq > seq) r.trueEndAt = null;
        while (r.reads.length > 0 && r.reads[r.reads.length - 1].seq > seq) r.reads.pop();
      }
      this.count += rows.length;
    }
    this.clocks = [...clocks];
  }

  /**
   * The spans on axis `key` that reach into [lo, hi], as they stand at `now`, with `clocks`
   * each node's clock at `now` (indexed by node id): what lies beyond `now` is left out.
   */
  query(key: 't' | 'seq', lo: number, hi: number, now: Moment, clocks: readonly (NodeClock | undefined)[]): LeaseSpan[] {
    const out: LeaseSpan[] = [];
    for (const rows of this.byNode) {
      if (rows === undefined) continue;
      // Grants of one node do not overlap: from the last granted by `hi`, back while they reach `lo`.
      let i = firstAfter(rows, key, Math.min(hi, now[key]), now.seq) - 1;
      const found: LeaseSpan[] = [];
      for (; i >= 0; i--) {
        const span = this.at(rows[i], now, clocks[rows[i].node]);
        if (span.end !== null && span.end[key] < lo) break;
        found.push(span);
      }
      out.push(...found.reverse());
    }
    return out.sort((a, b) => a.granted.seq - b.granted.seq);
  }

  /** Row `r` as of `now`, with `clock` its leader's clock then. */
  private at(r: Row, now: Moment, clock: NodeClock | undefined): LeaseSpan {
    const seen = (m: Moment | null) => (m !== null && m.seq <= now.seq ? m : null);
    let end = seen(r.end);
    let endedBy = end === null ? null : r.endedBy;
    let trueEndAt = seen(r.trueEndAt);
    let ownEnd: number | null = null;
    if (endedBy === 'ranOut') ownEnd = end!.t;
    else if (end === null && clock !== undefined) {
      // Still holding at the last event before `now`: by the clock at `now`, it may have ended since.
      ownEnd = crossing(clock, r.to);
      if (ownEnd <= now.t) {
        end = { t: ownEnd, seq: now.seq };
        endedBy = 'ranOut';
      }
      if (trueEndAt === null && before(r.trueEnd, ownEnd) && r.trueEnd <= now.t) trueEndAt = { t: r.trueEnd, seq: now.seq };
    }
    const reads = r.reads.length === 0 || r.reads[r.reads.length - 1].seq <= now.seq ? r.reads : r.reads.filter((m) => m.seq <= now.seq);
    return { node: r.node, term: r.term, granted: r.granted, from: r.from, to: r.to, trueEnd: r.trueEnd, ownEnd, end, endedBy, trueEndAt, reads };
  }

  /** An open lease at event `at`: has true time passed its true end, has the leader's clock passed its end? */
  private pass(r: Row, at: Moment): void {
    const clock = this.clocks[r.node];
    if (clock === undefined) return;
    const ownEnd = crossing(clock, r.to);
    if (r.trueEndAt === null && before(r.trueEnd, ownEnd) && r.trueEnd <= at.t) r.trueEndAt = { t: r.trueEnd, seq: at.seq };
    if (localTime(clock, at.t) >= r.to) {
      r.end = { t: ownEnd, seq: at.seq };
      r.endedBy = 'ranOut';
    }
  }

  private forget(): void {
    for (const rows of this.byNode) if (rows !== undefined && rows.length > 1) rows.splice(0, Math.min(rows.length - 1, Math.ceil(rows.length / 4)));
    this.count = this.byNode.reduce((n, rows) => n + (rows?.length ?? 0), 0);
  }
}

/** Whether true end `a` comes before own-clock end `b` by more than rounding: on a clock that keeps time they are one. */
function before(a: number, b: number): boolean {
  return a < b - 1e-6;
}

/** True time at which `clock` reads `reading` (for a reading before the clock's last change of rate: that change). */
function crossing(clock: NodeClock, reading: number): number {
  return reading >= clock.base ? clock.since + (reading - clock.base) / clock.rate : clock.since;
}

/** Index of the first of `rows` granted after `value` on axis `key` or after event `seq`. */
function firstAfter(rows: readonly Row[], key: 't' | 'seq', value: number, seq: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].granted[key] <= value && rows[mid].granted.seq <= seq) lo = mid + 1; else hi = mid;
  }
  return lo;
}
