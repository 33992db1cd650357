import { majority, minorityQuorum } from '../quorum/quorum';
import type { Context, Outbox } from '../sim/protocol';
import type { PaxosMessage, PaxosState } from './types';

export type PaxosOut = Outbox<PaxosMessage>;

export function quorum(ctx: Context): number {
  return ctx.bugs.has('minorityQuorum') ? minorityQuorum(ctx.nodes.length) : majority(ctx.nodes.length);
}

const proposerReset = {
  phase: 'idle', value: null, ballot: null, promises: [], acceptedBy: [], proposal: null, tallies: [],
} as const;

export function initialState(): PaxosState {
  return { promised: null, accepted: null, learned: null, maxRound: 0, ...proposerReset };
}

/** A crash keeps the acceptor's promise and acceptance and the learned value; the proposer starts over. */
export function crashed(s: PaxosState): PaxosState {
  return { promised: s.promised, accepted: s.accepted, learned: s.learned, maxRound: 0, ...proposerReset };
}

/** The waiting timer of a proposer, or, once preempted, its randomized backoff. */
export function startRetry(out: PaxosOut, ctx: Context, preempted: boolean): void {
  const t = ctx.timing;
  // Without randomized backoff, dueling proposers retry in lockstep and can preempt each other forever.
  if (preempted && ctx.options.backoff === false) out.startTimer('retry', 1, 1);
  else out.startTimer('retry', t.electionTimeoutMin, t.electionTimeoutMax);
}

export function canPropose(ctx: Context): boolean {
  return ctx.proposers.includes(ctx.self);
}
