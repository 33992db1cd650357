import type { NodeClock } from '../sim/clock';
import type { NodeId } from '../sim/protocol';
import { untag } from './machine';
import type { ClientOperation } from './operations';

/**
 * The lease one granted acquire gave its client, as the lock service judged it: from the time
 * the leader stamped on the acquire to that stamp plus the lease asked for (locks.ts), both on
 * the stamping leader's clock; drawn in true time, when the moment of the stamp is known.
 */
export interface LockLease {
  /** The acquire's operation id in the history. */
  readonly id: number;
  readonly client: number;
  readonly key: string;
  /** The fencing token the acquire got: the log index of the acquire that was granted. */
  readonly token: number;
  /** True time of the stamp, and when the stamping leader's clock read its end; the clock's readings where `clock` is null. */
  readonly from: number;
  readonly until: number;
  /** The stamping leader and its clock's readings (the stamp, the stamp plus the lease); null if the stamp's moment is not known. */
  readonly clock: { readonly node: NodeId; readonly from: number; readonly until: number } | null;
}

/** Where and when a leader stamped an acquire: the server, the true time, and its clock then. */
export interface Stamping {
  readonly node: NodeId;
  readonly t: number;
  readonly clock: NodeClock;
}

/**
 * True time at which a clock reads `reading` (at or after the stamp), given the clock at the
 * stamp and the same clock now: read on the segment it falls in. Exact unless the clock changed
 * rate more than once in between (then the stamp's rate is taken up to the last change).
 */
export function whenClockReads(reading: number, stamped: Stamping, now: NodeClock): number {
  if (now.since > stamped.t && reading >= now.base) return now.since + (reading - now.base) / now.rate;
  const at = stamped.clock.since + (reading - stamped.clock.base) / stamped.clock.rate;
  return now.since > stamped.t ? Math.min(at, now.since) : at;
}

/**
 * The leases of the granted acquires among `ops`. `committed(index)` gives the committed
 * command at log index `index` (from 1), or null if it is not known: the granting acquire is
 * the one at the token's index, and its stamp is in the command. A retried acquire answered
 * from its session gets the first copy's token, so it is the first copy's stamp that counts.
 * A lease held on is not extended here: each acquire, a renewal too, has a lease of its own.
 * `stamping(client, seq, stamp)` says where and when that stamp was made, `clockNow(node)` the
 * stamping leader's clock now: with both, the lease is in true time.
 */
export function lockLeases(ops: readonly ClientOperation[], committed: (index: number) => string | null,
  stamping: (client: number, seq: number, stamp: number) => Stamping | null = () => null, clockNow: (node: NodeId) => NodeClock | null = () => null): LockLease[] {
  const leases: LockLease[] = [];
  for (const o of ops) {
    if (o.op.f !== 'acquire' || o.outcome !== 'ok' || typeof o.value !== 'string') continue;
    const token = Number(o.value);
    // An acquire's ok reply is its token; anything else is no log index to look up.
    if (!Number.isInteger(token) || token < 1) continue;
    const command = committed(token);
    if (command === null) continue;
    const u = untag(command);
    if (u.client !== o.client || u.op?.f !== 'acquire' || u.op.key !== o.op.key || u.at === null) continue;
    const reading = { from: u.at, until: u.at + u.op.lease };
    const made = stamping(u.client, u.seq, u.at);
    const now = made === null ? null : clockNow(made.node);
    leases.push(made === null || now === null ? { id: o.id, client: o.client, key: o.op.key, token, ...reading, clock: null }
      : { id: o.id, client: o.client, key: o.op.key, token, from: made.t, until: whenClockReads(reading.until, made, now), clock: { node: made.node, ...reading } });
  }
  return leases;
}

/** Whether `lease` has ended by true time `t` (the view asks with the moment it shows). */
export function leaseEnded(lease: LockLease, t: number): boolean {
  return t >= lease.until;
}
