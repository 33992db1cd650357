import { localTime, type NodeClock } from '../sim/clock';
import type { Lease } from './types';

/**
 * How much of the followers' promise (the minimum election timeout) a leader's lease takes,
 * on its own clock: the rest is the margin for clocks that drift apart. A lease is safe while
 * a follower's clock runs at most 1 / (1 - 0.1), about 1.11 times as fast as the leader's.
 */
export const LEASE_DRIFT_BOUND = 0.1;

/** How long a lease lasts on the leader's own clock, from its round's start. */
export function leaseLength(electionTimeoutMin: number): number {
  return electionTimeoutMin * (1 - LEASE_DRIFT_BOUND);
}

/**
 * A lease as a class should see it at one moment: `waiting` before any round of heartbeat
 * replies has granted one; `holds` while it holds by the leader's own clock and by true time;
 * `ownClockOnly` while it holds by the leader's clock though true time has passed its end (a
 * slow clock: the leader reads on a lease no follower still honours); `ranOut` once its own
 * clock has passed its end (reads wait for a renewal).
 */
export type LeaseStatus = 'waiting' | 'holds' | 'ownClockOnly' | 'ranOut';

export interface LeaseReading {
  readonly status: LeaseStatus;
  /** What is left on the leader's own clock (ms, 0 once it has run out); null while waiting. */
  readonly left: number | null;
  /** A whole lease on the leader's own clock, from its round's start: what `left` is a part of. */
  readonly length: number;
  /** True time at which the round of replies that granted the lease in force completed; null while waiting. */
  readonly granted: number | null;
  /**
   * True time at which the leader's own clock reads the lease's end, at the rate it runs now
   * (a lease that ran out before the clock last changed rate: at most that moment); null while waiting.
   */
  readonly endsByOwnClock: number | null;
  /** True time at which the lease ends if what it had left when granted is counted in true time; null while waiting. */
  readonly endsInTrueTime: number | null;
}

/**
 * `lease` (as the client layer keeps it for a leader) read at true time `t`, by `clock`, the
 * leader's clock. Pure: the view calls it with the moment it shows; the engine's step never does.
 * The round that granted the lease completed at `lease.since` (the next round began then), when
 * the leader's clock read `lease.start`.
 */
export function readLease(lease: Lease, clock: NodeClock, length: number, t: number): LeaseReading {
  if (lease.until === null) return { status: 'waiting', left: null, length, granted: null, endsByOwnClock: null, endsInTrueTime: null };
  const until = lease.until;
  const left = Math.max(0, until - localTime(clock, t));
  const endsInTrueTime = lease.since + (until - lease.start);
  const endsByOwnClock = until >= clock.base ? clock.since + (until - clock.base) / clock.rate : Math.min(clock.since, endsInTrueTime);
  const status: LeaseStatus = left <= 0 ? 'ranOut' : t >= endsInTrueTime ? 'ownClockOnly' : 'holds';
  return { status, left, length, granted: lease.since, endsByOwnClock, endsInTrueTime };
}
