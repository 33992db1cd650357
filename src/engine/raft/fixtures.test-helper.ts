import type { Context, Effect } from '../sim/protocol';
import { Log } from './log';
import { initialState } from './state';
import type { LogEntry, RaftMessage, RaftState } from './types';

/** A context for node `self` of an n-node cluster, with optional mutants and options. */
export function ctxFor(self: number, n = 5, bugs: string[] = [], options: Record<string, boolean> = {}): Context {
  return {
    self, nodes: Array.from({ length: n }, (_, i) => i + 1),
    timing: { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 },
    options: { noopOnElection: false, ...options }, bugs: new Set(bugs),
    proposers: Array.from({ length: n }, (_, i) => i + 1),
  };
}

/** Test fields for a Raft state; a log may be given as a plain array of entries. */
export type RaftFields = Omit<Partial<RaftState>, 'log'> & { log?: Log | readonly LogEntry[] };

export function withFields(s: RaftState, fields: RaftFields): RaftState {
  const { log, ...rest } = fields;
  return { ...s, ...rest, ...(log === undefined ? {} : { log: log instanceof Log ? log : Log.of(log) }) };
}

export function stateWith(ctx: Context, fields: RaftFields): RaftState {
  return withFields(initialState(ctx), fields);
}

export function entries(...terms: number[]): LogEntry[] {
  return terms.map((term, i) => ({ term, command: `set k${i + 1} ${term}` }));
}

export function sent(effects: readonly Effect<RaftMessage>[]): { to: number; msg: RaftMessage }[] {
  return effects.flatMap((e) => (e.kind === 'send' ? [{ to: e.to, msg: e.msg }] : []));
}

export function timers(effects: readonly Effect<RaftMessage>[]): string[] {
  return effects.flatMap((e) => (e.kind === 'timer' ? [`start:${e.name}`] : e.kind === 'cancel' ? [`cancel:${e.name}`] : []));
}

export function applied(effects: readonly Effect<RaftMessage>[]): number[] {
  return effects.flatMap((e) => (e.kind === 'apply' ? [e.index] : []));
}
