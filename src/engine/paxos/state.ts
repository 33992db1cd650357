import { majority, minorityQuorum } from '../quorum/quorum';
import type { Context, Outbox } from '../sim/protocol';
import type { Ballot } from './ballot';
import type { Accepted, PaxosMessage, PaxosState } from './types';

export type PaxosOut = Outbox<PaxosMessage>;

export function quorum(ctx: Context): number {
  return ctx.bugs.has('minorityQuorum') ? minorityQuorum(ctx.nodes.length) : majority(ctx.nodes.length);
}

export function initialState(): PaxosState {
  return withProposerReset(null, null, null);
}

/** A crash keeps the acceptor's promise and acceptance and the learned value; the proposer starts over. */
export function crashed(s: PaxosState): PaxosState {
  return withProposerReset(s.promised, s.accepted, s.learned);
}

/** A state with these persistent fields and the rest (the proposer's and the tallies) at their defaults. */
function withProposerReset(promised: Ballot | null, accepted: Accepted | null, learned: string | null): PaxosState {
  return {
    promised, accepted, learned, maxRound: 0, phase: 'idle', value: null, ballot: null, promises: [], acceptedBy: [], proposal: null, tallies: [], backoffs: 0,
  };
}

/**
 * `s` with the fields of `change`. Every Paxos state is made by this copy's literal or
 * withProposerReset's (the same fields in the same order), so all share one hidden class and
 * the handlers' reads of them stay monomorphic; an object spread ({ ...s, x }) would make a
 * new hidden class at each place it is written.
 */
export function changed(s: PaxosState, change: Partial<PaxosState>): PaxosState {
  return Object.assign({
    promised: s.promised, accepted: s.accepted, learned: s.learned, maxRound: s.maxRound, phase: s.phase, value: s.value, ballot: s.ballot,
    promises: s.promises, acceptedBy: s.acceptedBy, proposal: s.proposal, tallies: s.tallies, backoffs: s.backoffs,
  }, change);
}

/** A backoff never waits longer than this many times the longest election timeout. */
const BACKOFF_CAP = 8;

/** The longest wait of the `backoffs`-th backoff in a row: the election timeout's, doubled each time after the first. */
export function backoffMax(ctx: Context, backoffs: number): number {
  return ctx.timing.electionTimeoutMax * Math.min(BACKOFF_CAP, 2 ** Math.max(0, backoffs - 1));
}

/**
 * The waiting timer of a proposer, or, once preempted for the `backoffs`-th time in a row, its
 * randomized backoff, growing with each retry as the lectures describe it.
 */
export function startRetry(out: PaxosOut, ctx: Context, preempted: boolean, backoffs = 0): void {
  const t = ctx.timing;
  // Without randomized backoff, dueling proposers retry in lockstep and can preempt each other forever.
  if (preempted && ctx.options.backoff === false) out.startTimer('retry', 1, 1);
  else out.startTimer('retry', t.electionTimeoutMin, preempted ? backoffMax(ctx, backoffs) : t.electionTimeoutMax);
}

export function canPropose(ctx: Context): boolean {
  return ctx.proposers.includes(ctx.self);
}
