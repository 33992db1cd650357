import type { Context, Outbox } from '../sim/protocol';
import { TxLog } from './durableLog';
import { COORDINATOR } from './transaction';
import type { AtomicMessage, AtomicState } from './types';

export type AtomicOut = Outbox<AtomicMessage>;

/** The coordinator's log also keeps its decisions without "end", which a recovery resends. */
export function initialState(ctx?: Context): AtomicState {
  return withVolatileDefaults(TxLog.empty(ctx?.self === COORDINATOR));
}

/** Only the durable log survives a crash; uncommitted work is rolled back. */
export function crashed(s: AtomicState): AtomicState {
  return withVolatileDefaults(s.log);
}

/** A state with this durable log and every volatile field at its default. */
function withVolatileDefaults(log: TxLog): AtomicState {
  return { log, round: null, queue: [], outgoing: [], working: null, lockWait: null, termination: null, backupDecided: null, recoveredInDoubt: [] };
}

/**
 * `s` with the fields of `change`. Every 2PC and 3PC state is made by this copy's literal or
 * withVolatileDefaults' (the same fields in the same order), so all share one hidden class and
 * the handlers' reads of them stay monomorphic; an object spread ({ ...s, x }) would make a
 * new hidden class at each place it is written.
 */
export function changed(s: AtomicState, change: Partial<AtomicState>): AtomicState {
  return Object.assign({
    log: s.log, round: s.round, queue: s.queue, outgoing: s.outgoing, working: s.working, lockWait: s.lockWait,
    termination: s.termination, backupDecided: s.backupDecided, recoveredInDoubt: s.recoveredInDoubt,
  }, change);
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
