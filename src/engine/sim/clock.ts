/**
 * A node's own clock, which may drift from true (virtual) time: it reads `base` at true time
 * `since` and runs `rate` times as fast from there. Timers are set in the node's own time, so
 * on a fast clock (rate > 1) they fire early in true time, on a slow one late. The engine's
 * handlers never read a clock; leases and clients (issue 16) read `localTime`.
 */
export interface NodeClock {
  readonly rate: number;
  readonly since: number;
  readonly base: number;
}

/** A clock that keeps true time. */
export const TRUE_CLOCK: NodeClock = { rate: 1, since: 0, base: 0 };

/** What the node's clock reads at true time `t`. */
export function localTime(clock: NodeClock, t: number): number {
  return clock.base + (t - clock.since) * clock.rate;
}

/** The clock from true time `t` on, running at `rate`; it reads on from where it was. */
export function withRate(clock: NodeClock, t: number, rate: number): NodeClock {
  return { rate, since: t, base: localTime(clock, t) };
}

/** True milliseconds until `ms` of the node's own time have passed (at least 1 on a drifting clock). */
export function trueDuration(clock: NodeClock, ms: number): number {
  return clock.rate === 1 ? ms : Math.max(1, Math.round(ms / clock.rate));
}
