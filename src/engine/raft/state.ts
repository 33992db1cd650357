import { majority, minorityQuorum } from '../quorum/quorum';
import type { Context, NodeId, Outbox } from '../sim/protocol';
import { Log } from './log';
import type { RaftMessage, RaftState } from './types';

export type RaftOut = Outbox<RaftMessage>;

/** Lecture slide 1, initialisation: every field at its default. */
export function initialState(ctx: Context): RaftState {
  return {
    currentTerm: 0, votedFor: null, log: Log.empty(), commitLength: 0,
    ...volatileDefaults(ctx),
  };
}

export function volatileDefaults(ctx: Context): Pick<RaftState,
  'currentRole' | 'currentLeader' | 'votesReceived' | 'sentLength' | 'ackedLength' | 'pending' | 'transferTo'> {
  const zeros = new Array<number>(ctx.nodes.length + 1).fill(0);
  return { currentRole: 'follower', currentLeader: null, votesReceived: [], sentLength: zeros, ackedLength: zeros, pending: [], transferTo: null };
}

/** A crash keeps exactly the persistent fields: currentTerm, votedFor, log, commitLength. */
export function crashed(s: RaftState, ctx: Context): RaftState {
  return { currentTerm: s.currentTerm, votedFor: s.votedFor, log: s.log, commitLength: s.commitLength, ...volatileDefaults(ctx) };
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
  if (ctx.bugs.has('noStepDownOnHigherTerm')) return { ...s, currentTerm: term, votedFor: null };
  if (s.currentRole === 'leader') {
    out.cancelTimer('heartbeat');
    if (s.transferTo !== null) out.cancelTimer('transfer');
    startElectionTimer(out, ctx);
  }
  return { ...s, currentTerm: term, votedFor: null, currentRole: 'follower', currentLeader: null, votesReceived: [], transferTo: null };
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
