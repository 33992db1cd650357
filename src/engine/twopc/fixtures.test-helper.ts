import type { Context, Effect, Input } from '../sim/protocol';
import { initialState } from './state';
import { TxLog } from './durableLog';
import type { AtomicMessage, AtomicState, LogRecord } from './types';

/** A context for node `self` of an n-node atomic commit cluster (S1 coordinates). */
export function ctxFor(self: number, n = 4, bugs: string[] = []): Context {
  const nodes = Array.from({ length: n }, (_, i) => i + 1);
  return {
    self, nodes, bugs: new Set(bugs), options: {}, proposers: nodes,
    timing: { electionTimeoutMin: 150, electionTimeoutMax: 300, heartbeatInterval: 50, latencyMin: 10, latencyMax: 20 },
  };
}

/** A state's fields, its log written as plain records. */
export type Fields = Omit<Partial<AtomicState>, 'log'> & { log?: readonly LogRecord[] };

/** A node's state; its log keeps the decisions without "end" as the coordinator's does (a participant never reads them). */
export const state = ({ log, ...fields }: Fields = {}): AtomicState => ({ ...initialState(), ...(log !== undefined ? { log: TxLog.of(log, true) } : {}), ...fields });

export const sent = (effects: readonly Effect<AtomicMessage>[]) => effects.flatMap((e) => (e.kind === 'send' ? [{ to: e.to, msg: e.msg }] : []));
export const timers = (effects: readonly Effect<AtomicMessage>[]) => effects.flatMap((e) => (e.kind === 'timer' ? [e.name] : []));
export const msg = (from: number, m: AtomicMessage): Input<AtomicMessage> => ({ kind: 'message', from, msg: m });
export const records = (s: AtomicState) => s.log.slice().map((r) => `${r.rec} ${r.tx}`);
