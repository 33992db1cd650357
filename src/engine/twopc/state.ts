import type { Context, Outbox } from '../sim/protocol';
import { TxLog } from './durableLog';
import { COORDINATOR } from './transaction';
import type { AtomicMessage, AtomicState } from './types';

export type AtomicOut = Outbox<AtomicMessage>;

/** The coordinator's log also keeps its decisions without "end", which a recovery resends. */
export function initialState(ctx?: Context): AtomicState {
  return { log: TxLog.empty(ctx?.self === COORDINATOR), round: null, queue: [], outgoing: [], working: null, lockWait: null, termination: null, recoveredInDoubt: [] };
}

/** Only the durable log survives a crash; uncommitted work is rolled back. */
export function crashed(s: AtomicState): AtomicState {
  return { ...initialState(), log: s.log };
}

/**
 * The timers, from the scenario's timing (the view names them): the work phase lasts one
 * heartbeat interval; the coordinator's vote timeout and a participant's timeout are drawn
 * from the election timeout range; decisions are resent every heartbeat interval.
 */
export function startWorkTimer(out: AtomicOut, ctx: Context): void {
  out.startTimer('work', ctx.timing.heartbeatInterval, ctx.timing.heartbeatInterval);
}
export function startVoteTimer(out: AtomicOut, ctx: Context): void {
  out.startTimer('votes', ctx.timing.electionTimeoutMin, ctx.timing.electionTimeoutMax);
}
export function startResendTimer(out: AtomicOut, ctx: Context): void {
  out.startTimer('resend', ctx.timing.heartbeatInterval, ctx.timing.heartbeatInterval);
}
/** A participant's one timer: waiting for Prepare (not voted), or for the decision (in doubt). */
export function startParticipantTimer(out: AtomicOut, ctx: Context): void {
  out.startTimer('wait', ctx.timing.electionTimeoutMin, ctx.timing.electionTimeoutMax);
}

export const node = (id: number) => `S${id}`;
