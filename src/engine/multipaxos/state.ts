import { majority, minorityQuorum } from '../quorum/quorum';
import type { Context, Outbox } from '../sim/protocol';
import { Slots } from './slots';
import type { Ballot } from '../paxos/ballot';
import type { MultiPaxosMessage, MultiPaxosState, SlotValue } from './types';

export type MultiOut = Outbox<MultiPaxosMessage>;
export const NOOP = 'noop';

export function quorum(ctx: Context): number {
  return ctx.bugs.has('minorityQuorum') ? minorityQuorum(ctx.nodes.length) : majority(ctx.nodes.length);
}

export function initialState(): MultiPaxosState {
  return withVolatileDefaults(null, Slots.empty(), Slots.empty(), 0);
}

export function crashed(s: MultiPaxosState): MultiPaxosState {
  return withVolatileDefaults(s.promised, s.accepted, s.decided, s.applied);
}

/** A state with these persistent fields and every volatile field at its default. */
function withVolatileDefaults(promised: Ballot | null, accepted: Slots<SlotValue>, decided: Slots<string>, applied: number): MultiPaxosState {
  return {
    promised, accepted, decided, applied, role: 'follower', leader: null, ballot: null, maxRound: 0, promises: [], recovered: 0,
    nextSlot: 1, tallies: [], pending: [], proposals: Slots.empty<string>(), resendBelow: 1, appliedAtBeat: 0,
  };
}

/**
 * `s` with the fields of `change`. Every Multi-Paxos state is made by this copy's literal or
 * withVolatileDefaults' (the same fields in the same order), so all share one hidden class and
 * the handlers' reads of them stay monomorphic; an object spread ({ ...s, x }) would make a new
 * hidden class at each place it is written.
 */
export function changed(s: MultiPaxosState, change: Partial<MultiPaxosState>): MultiPaxosState {
  return Object.assign({
    promised: s.promised, accepted: s.accepted, decided: s.decided, applied: s.applied, role: s.role, leader: s.leader, ballot: s.ballot,
    maxRound: s.maxRound, promises: s.promises, recovered: s.recovered, nextSlot: s.nextSlot, tallies: s.tallies, pending: s.pending,
    proposals: s.proposals, resendBelow: s.resendBelow, appliedAtBeat: s.appliedAtBeat,
  }, change);
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
  return applied === s.applied ? s : changed(s, { applied });
}

export function slotsText(n: number): string {
  return `${n} slot${n === 1 ? '' : 's'}`;
}
