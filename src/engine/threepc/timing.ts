import type { Context } from '../sim/protocol';
import { participants } from '../twopc/transaction';

/**
 * 3PC assumes bounded delays: every message arrives within latencyMax, so silence longer
 * than a round trip means a crash. Its timers are fixed multiples of that bound.
 */
export function roundTrip(ctx: Context): number {
  return 2 * ctx.timing.latencyMax + 1;
}

/**
 * How long a participant that voted yes waits before it takes over as backup coordinator:
 * longer than the coordinator can take to answer, and staggered by rank (S2 first, then
 * S3...) by more than a whole termination run, so the lowest live participant leads it.
 */
export function takeOverAfter(ctx: Context): number {
  const rank = participants(ctx.nodes).indexOf(ctx.self);
  const step = 3 * roundTrip(ctx) + ctx.timing.latencyMax;
  return ctx.timing.electionTimeoutMax + roundTrip(ctx) + rank * step;
}
