import type { KvOp } from '../linearizability/history';
import type { Reply } from './types';

/**
 * The lock service, a part of the replicated state machine. A lock is held by one client
 * until its lease runs out; every acquire that succeeds is given a fencing token, the log
 * index of the acquire: the log orders every acquire, so tokens only grow (the lectures'
 * "total order broadcast gives fencing tokens").
 *
 * Whether a lease has run out is judged by the time the command carries, stamped by the
 * leader's clock when it took the command, never by the clock of the server applying it:
 * every replica applies the entry at a different moment and must reach the same answer.
 * So a lock is free to a later acquire whose stamp is at or past the holder's lease end.
 * (The leader's clock may drift; like any lease, this one is only as good as the clocks.)
 */
export interface Lock {
  readonly client: number;
  readonly token: number;
  /** When the lease ends, on the stamping leaders' clocks. */
  readonly until: number;
}

export type Locks = Readonly<Record<string, Lock>>;

type LockOp = Extract<KvOp, { f: 'acquire' | 'release' }>;

/** Applies an acquire or a release of `client` at log index `index`, stamped `at` (acquire only). */
export function lockStep(locks: Locks, client: number, op: LockOp, index: number, at: number | null): { locks: Locks; reply: Reply } {
  const held = Object.hasOwn(locks, op.key) ? locks[op.key] : null;
  if (op.f === 'release') {
    if (held === null || held.client !== client) return { locks, reply: { kind: 'fail', error: `client ${client} does not hold ${op.key}` } };
    const { [op.key]: _gone, ...rest } = locks;
    return { locks: rest, reply: { kind: 'ok' } };
  }
  if (at === null) return { locks, reply: { kind: 'fail', error: 'the acquire carries no time to start its lease' } };
  // The holder may renew; anyone else waits until the lease has run out.
  if (held !== null && held.client !== client && at < held.until) {
    return { locks, reply: { kind: 'fail', error: `${op.key} is held by client ${held.client} (token ${held.token}) until ${held.until}` } };
  }
  return { locks: { ...locks, [op.key]: { client, token: index, until: at + op.lease } }, reply: { kind: 'ok', value: String(index) } };
}
