import { majority, minorityQuorum } from '../quorum/quorum';
import type { Context, Outbox } from '../sim/protocol';
import type { PaxosMessage, PaxosState } from './types';

export type PaxosOut = Outbox<PaxosMessage>;

export function quorum(ctx: Context): number {
  return ctx.bugs.has('minorityQuorum') ? minorityQuorum(ctx.nodes.length) : majority(ctx.nodes.length);
}

const proposerReset = {
  phase: 'idle', value: null, ballot: null, promises: [], acceptedBy: [], proposal: null, tallies: [], backoffs: 0,
} as const;

export function initialState(): PaxosState {
  return { promised: null, accepted: null, learned: null, maxRound: 0, ...proposerReset };
}

/** A crash keeps the acceptor's promise and acceptance and the learned value; the proposer starts over. */
export function crashed(s: PaxosState): PaxosState {
  return { promised: s.promised, accepted: s.accepted, learned: s.learned, maxRound: 0, ...proposerReset };
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
