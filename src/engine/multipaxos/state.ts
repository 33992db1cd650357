import { majority, minorityQuorum } from '../quorum/quorum';
import type { Context, Outbox } from '../sim/protocol';
import { Slots } from './slots';
import type { MultiPaxosMessage, MultiPaxosState } from './types';

export type MultiOut = Outbox<MultiPaxosMessage>;
export const NOOP = 'noop';

export function quorum(ctx: Context): number {
  return ctx.bugs.has('minorityQuorum') ? minorityQuorum(ctx.nodes.length) : majority(ctx.nodes.length);
}

const volatile = {
  role: 'follower', leader: null, ballot: null, maxRound: 0, promises: [], recovered: 0, nextSlot: 1, tallies: [], pending: [], proposals: Slots.empty<string>(), resendBelow: 1, appliedAtBeat: 0,
} as const;

export function initialState(): MultiPaxosState {
  return { promised: null, accepted: Slots.empty(), decided: Slots.empty(), applied: 0, ...volatile };
}

export function crashed(s: MultiPaxosState): MultiPaxosState {
  return { promised: s.promised, accepted: s.accepted, decided: s.decided, applied: s.applied, ...volatile };
}

/** Followers suspect the leader when no heartbeat arrives in time (randomized, like Raft). */
export function startLeaderTimer(out: MultiOut, ctx: Context): void {
  out.startTimer('leader', ctx.timing.electionTimeoutMin, ctx.timing.electionTimeoutMax);
}

/** Applies decided slots in order, as far as they go without a gap. */
export function applyInOrder(s: MultiPaxosState, out: MultiOut): MultiPaxosState {
  let applied = s.applied;
  const ready = s.decided.get(applied + 1) !== undefined;
  out.mark('applyInOrder.next', () => (ready ? `slot ${s.applied + 1} is decided` : `no: slot ${s.applied + 1} is not decided yet`));
  for (let value = s.decided.get(applied + 1); value !== undefined; value = s.decided.get(applied + 1)) {
    applied++;
    out.apply(applied - 1, value);
  }
  const to = applied;
  if (to > s.applied) out.mark('applyInOrder.apply', () => `applied ${s.applied} → ${to}`);
  return applied === s.applied ? s : { ...s, applied };
}

export function slotsText(n: number): string {
  return `${n} slot${n === 1 ? '' : 's'}`;
}
