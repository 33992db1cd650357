import { leaseEnded, type LockLease } from '../../../engine/clients/lockLeases';
import type { ClientOperation } from '../../../engine/clients/operations';
import { operationText } from '../../../engine/linearizability/history';
import type { ClientAttempt } from '../../../worker/clientRows';

/** One operation drawn as a bar from its invocation to its reply (Jepsen's timeline). */
export interface Bar {
  id: number;
  client: number;
  /** Left and right ends as fractions of the window's width. */
  x0: number;
  x1: number;
  /** No reply yet: the bar runs on to now, its end left open. */
  open: boolean;
  outcome: ClientOperation['outcome'];
  /** `get x → 1`, as the engine names the operation. */
  label: string;
  /** What served it, or why it failed. */
  detail: string;
  /** A read that returned a value overwritten before it began (from the checker). */
  stale: boolean;
  /** One of the operations the checker found cannot be ordered. */
  flagged: boolean;
  call: number;
  ret: number | null;
  server: number | null;
  /** Each request the client sent for it (the first, then every retry or redirect), `at` as a fraction of the bar's width. */
  tries: Try[];
}

/** One attempt of an operation, placed on its bar. */
export interface Try {
  attempt: number;
  to: number;
  why: ClientAttempt['why'];
  /** Sent at this time, in ms. */
  time: number;
  /** Where on its bar: 0 its left end, 1 its right. */
  at: number;
}

/** A granted acquire's lock lease drawn on its client's lane, over the same window as the bars. */
export interface LockLeaseBand {
  lease: LockLease;
  x0: number;
  x1: number;
  /** Its end has passed: drawn closed at its end. Else it runs on past now, its end open. */
  ended: boolean;
  /** `L lease until 463 ms`; on a drifting clock, with the stamping leader's reading too. */
  label: string;
}

export interface HistoryLayout {
  clients: number[];
  bars: Bar[];
  spans: LockLeaseBand[];
  from: number;
  to: number;
}

const READ_WORDS = { local: 'read from its own store', leader: 'read from its own store (as leader)', readIndex: 'read index', lease: 'on its lease, index', log: 'log index' } as const;

function detail(o: ClientOperation, now: number): string {
  if (o.outcome === 'unknown') return o.ret === null && o.error === undefined ? `waiting for a reply (${now - o.call} ms)` : `no reply: ${o.error ?? 'gave up'}; it may or may not have taken effect`;
  if (o.op.f === 'write' && o.outcome === 'ok') return 'accepted by the storage node';
  if (o.outcome === 'fail') return o.server !== undefined ? `S${o.server}: ${o.error}` : `${o.error}: it did not take effect`;
  const where = o.read !== undefined ? `${READ_WORDS[o.read]}${o.index !== undefined ? ` ${o.index}` : ''}` : o.index !== undefined ? `log index ${o.index}` : '';
  return `S${o.server}${where !== '' ? ` · ${where}` : ''}`;
}

/**
 * A lock lease's words: its end in true time; where the stamping leader's clock did not keep
 * time, that clock's reading too (what the lock service judges by); where the moment of the
 * stamp is not known, its end is that unknown clock's reading, and the words say so.
 */
export function leaseLabel(l: LockLease): string {
  const until = Math.round(l.until);
  if (l.clock === null) return `${l.key} lease until ${until} ms by the leader's clock`;
  return until === l.clock.until ? `${l.key} lease until ${until} ms` : `${l.key} lease until ${until} ms (S${l.clock.node}'s clock: ${l.clock.until})`;
}

/** A lock lease's span in words, for its hover and screen readers: true time, and the stamping leader's readings. */
export function leaseSpanText(l: LockLease): string {
  const span = `from ${Math.round(l.from)} to ${Math.round(l.until)} ms`;
  if (l.clock === null) return `${span} on the stamping leader's clock (when it stamped is not known)`;
  return `${span} true time, stamped by S${l.clock.node}: ${l.clock.from} to ${l.clock.until} ms on its clock`;
}

/**
 * Lays out the operations the engine reported, over the window from the earliest shown
 * invocation to now, with the lock leases their acquires got: one row per client, nothing
 * computed about the protocol here.
 */
export function historyBars(ops: readonly ClientOperation[], now: number, flagged: readonly number[] = [], stale: readonly number[] = [], leases: readonly LockLease[] = [],
  attempts: readonly ClientAttempt[] = []): HistoryLayout {
  const from = ops.length === 0 ? 0 : Math.min(...ops.map((o) => o.call));
  const to = Math.max(now, from + 1, ...ops.map((o) => o.ret ?? 0));
  const x = (t: number) => (Math.min(t, to) - from) / (to - from);
  const bars = ops.map((o): Bar => ({
    id: o.id, client: o.client, x0: x(o.call), x1: x(o.ret ?? now), open: o.ret === null,
    outcome: o.outcome, label: operationText(o), detail: detail(o, now),
    stale: stale.includes(o.id), flagged: flagged.includes(o.id), call: o.call, ret: o.ret, server: o.server ?? null,
    tries: attempts.filter((a) => a.op === o.id).map((a) => ({
      attempt: a.attempt, to: a.to, why: a.why, time: a.at, at: Math.min(1, Math.max(0, (a.at - o.call) / Math.max(1, (o.ret ?? now) - o.call))),
    })),
  }));
  // A lease may start before the window (stamped before the acquire's bar began); it may end past now.
  const spans = leases.map((l): LockLeaseBand => ({
    lease: l, x0: x(Math.max(l.from, from)), x1: x(l.until), ended: leaseEnded(l, now), label: leaseLabel(l),
  }));
  return { clients: [...new Set(ops.map((o) => o.client))].sort((a, b) => a - b), bars, spans, from, to };
}

/**
 * Where a bar's label goes: beside it on the right or the left, inside a bar too long to leave
 * room beside it, or below it, in a second row of the lane (`dx`: its left edge from the bar's);
 * cut to `max` pixels (with an ellipsis) when it fits nowhere whole, else null.
 */
export interface LabelPlace {
  side: 'right' | 'left' | 'inside' | 'below';
  max: number | null;
  dx?: number;
}

/** Space between a bar and its label, and between a label and the next thing in the lane. */
const LABEL_GAP = 4;

/**
 * Places each bar's label beside its bar without running into the next bar, the previous
 * one, or the label placed before it: on the right if it fits, else on the left, else inside
 * its bar if it fits there (C4's retried "incr n → 1" spans the lane), else whole in the row
 * below the lane's bars, under its bar and as far left as the labels already there allow (the
 * fencing lessons' acquires at 1280x720), else in the roomiest of the first three cut short (its full
 * text stays in the bar's name and on hover or focus).
 * `width` is the track's width in pixels; `measure` gives a label's width in pixels.
 */
export function placeLabels(bars: readonly Bar[], width: number, measure: (bar: Bar) => number): Map<number, LabelPlace> {
  const places = new Map<number, LabelPlace>();
  for (const client of new Set(bars.map((b) => b.client))) {
    const lane = bars.filter((b) => b.client === client).sort((p, q) => p.x0 - q.x0);
    // The right end of what is already in the lane: the previous bar, or its label placed right of it.
    let taken = -Infinity;
    // The same in the row below: the right end of the last label placed there.
    let takenBelow = -Infinity;
    lane.forEach((b, i) => {
      const start = b.x0 * width;
      const end = Math.max(b.x1 * width, start + 6);
      const next = i + 1 < lane.length ? lane[i + 1].x0 * width : width;
      const right = next - end - 2 * LABEL_GAP;
      const left = start - Math.max(taken, 0) - 2 * LABEL_GAP;
      // A long bar (a request retried until its reply) can hold its own label.
      const inner = end - start - 2 * LABEL_GAP;
      const w = measure(b);
      // As far left as the row allows, but still reaching under its bar: the next label then has the most room.
      const below = Math.max(0, takenBelow + LABEL_GAP, Math.min(start, end - w));
      if (w > right && w > left && w > inner && below <= width - w) {
        places.set(b.id, { side: 'below', max: null, dx: Math.round(below - start) });
        takenBelow = below + w;
        taken = end;
        return;
      }
      const side = w <= right ? 'right' : w <= left ? 'left' : w <= inner || inner > Math.max(right, left) ? 'inside' : right >= left ? 'right' : 'left';
      const room = Math.max(0, Math.floor(side === 'right' ? right : side === 'left' ? left : inner));
      places.set(b.id, { side, max: w <= room ? null : room });
      taken = side === 'right' ? end + LABEL_GAP + Math.min(w, room) : end;
    });
  }
  return places;
}
