import { untag } from './machine';
import type { ClientOperation } from './operations';

/**
 * The lease one granted acquire gave its client, as the lock service judged it: from the time
 * the leader stamped on the acquire to that stamp plus the lease asked for (locks.ts). The
 * stamp is read on the stamping leader's clock; on a clock that keeps time it is true time.
 */
export interface LockLease {
  /** The acquire's operation id in the history. */
  readonly id: number;
  readonly client: number;
  readonly key: string;
  /** The fencing token the acquire got: the log index of the acquire that was granted. */
  readonly token: number;
  readonly from: number;
  readonly until: number;
}

/**
 * The leases of the granted acquires among `ops`. `committed(index)` gives the committed
 * command at log index `index` (from 1), or null if it is not known: the granting acquire is
 * the one at the token's index, and its stamp is in the command. A retried acquire answered
 * from its session gets the first copy's token, so it is the first copy's stamp that counts.
 * A lease held on is not extended here: each acquire, a renewal too, has a lease of its own.
 */
export function lockLeases(ops: readonly ClientOperation[], committed: (index: number) => string | null): LockLease[] {
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
    leases.push({ id: o.id, client: o.client, key: o.op.key, token, from: u.at, until: u.at + u.op.lease });
  }
  return leases;
}

/** Whether `lease` has ended by true time `t` (the view asks with the moment it shows). */
export function leaseEnded(lease: LockLease, t: number): boolean {
  return t >= lease.until;
}
