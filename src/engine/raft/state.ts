import { majority, minorityQuorum } from '../quorum/quorum';
import type { Context, NodeId, Outbox } from '../sim/protocol';
import { Log } from './log';
import type { RaftMessage, RaftState } from './types';

export type RaftOut = Outbox<RaftMessage>;

/** Lecture slide 1, initialisation: every field at its default. */
export function initialState(ctx: Context): RaftState {
  return withVolatileDefaults(0, null, Log.empty(), 0, ctx);
}

/** A crash keeps exactly the persistent fields: currentTerm, votedFor, log, commitLength. */
export function crashed(s: RaftState, ctx: Context): RaftState {
  return withVolatileDefaults(s.currentTerm, s.votedFor, s.log, s.commitLength, ctx);
}

/** A state with these persistent fields and every volatile field at its default. */
function withVolatileDefaults(currentTerm: number, votedFor: NodeId | null, log: Log, commitLength: number, ctx: Context): RaftState {
  const zeros = new Array<number>(ctx.nodes.length + 1).fill(0);
  return {
    currentTerm, votedFor, log, commitLength,
    currentRole: 'follower', currentLeader: null, votesReceived: [], sentLength: zeros, ackedLength: zeros, pending: [], transferTo: null,
  };
}

/** A fresh copy of a state, whose fields a handler sets before it returns it (earlier states stay as they were). */
export type Draft = { -readonly [K in keyof RaftState]: RaftState[K] };

/**
 * Every Raft state is made by this literal or withVolatileDefaults' (the same fields in the
 * same order), so all share one hidden class and the handlers' reads of them stay monomorphic.
 * An object spread ({ ...s, x }) would make a new hidden class at each place it is written.
 */
export function copyState(s: RaftState): Draft {
  return {
    currentTerm: s.currentTerm, votedFor: s.votedFor, log: s.log, commitLength: s.commitLength,
    currentRole: s.currentRole, currentLeader: s.currentLeader, votesReceived: s.votesReceived,
    sentLength: s.sentLength, ackedLength: s.ackedLength, pending: s.pending, transferTo: s.transferTo,
  };
}

export function quorum(ctx: Context): number {
  return ctx.bugs.has('minorityQuorum') ? minorityQuorum(ctx.nodes.length) : majority(ctx.nodes.length);
}

export function others(ctx: Context): NodeId[] {
  return ctx.nodes.filter((id) => id !== ctx.self);
}

export function startElectionTimer(out: RaftOut, ctx: Context): void {
  out.startTimer('election', ctx.timing.electionTimeoutMin, ctx.timing.electionTimeoutMax);
}

export function startHeartbeat(out: RaftOut, ctx: Context): void {
  out.startTimer('heartbeat', ctx.timing.heartbeatInterval, ctx.timing.heartbeatInterval);
}

/**
 * Any message with a term above ours: adopt the term, forget our vote, step down.
 * A leader that steps down stops its heartbeat and starts an election timer.
 */
export function adoptHigherTerm(s: RaftState, term: number, out: RaftOut, ctx: Context): RaftState {
  const next = copyState(s);
  next.currentTerm = term;
  next.votedFor = null;
  if (ctx.bugs.has('noStepDownOnHigherTerm')) return next;
  if (s.currentRole === 'leader') {
    out.cancelTimer('heartbeat');
    if (s.transferTo !== null) out.cancelTimer('transfer');
    startElectionTimer(out, ctx);
  }
  next.currentRole = 'follower';
  next.currentLeader = null;
  next.votesReceived = [];
  next.transferTo = null;
  return next;
}

export function setAt(values: readonly number[], id: NodeId, value: number): number[] {
  const copy = values.slice();
  copy[id] = value;
  return copy;
}

export function quote(command: string): string {
  return `"${command}"`;
}

export function entriesText(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}

/** "entry 3" or "entries 3–5", 1-based as the lectures number log positions. */
export function rangeText(fromLength: number, toLength: number): string {
  return toLength - fromLength === 1 ? `entry ${toLength}` : `entries ${fromLength + 1}–${toLength}`;
}

/** "S3", as the view names a server. */
export function node(id: NodeId): string {
  return `S${id}`;
}

/** `name a → b`, or `name stays a`: the value beside an assignment. */
export function change(name: string, before: number, after: number): string {
  return before === after ? `${name} stays ${before}` : `${name} ${before} → ${after}`;
}
