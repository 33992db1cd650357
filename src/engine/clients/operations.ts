import type { Operation } from '../linearizability/history';
import type { NodeId } from '../sim/protocol';
import type { Tape } from './tape';
import type { HistoryEvent, ReadPath } from './types';

/** An operation of the history with what served it, as the history panel and the runner show it. */
export interface ClientOperation extends Operation {
  readonly error?: string;
  readonly server?: NodeId;
  readonly index?: number;
  readonly read?: ReadPath;
}

/**
 * The operations of a client history (of one key, if given; invoked at event `from` or
 * later): each invocation paired with its completion. One not yet complete is unknown,
 * with no reply time: it may still take effect.
 */
export function operationsOf(history: Tape<HistoryEvent>, key?: string, from = 0): ClientOperation[] {
  const ops = new Map<number, ClientOperation>();
  for (let i = from; i < history.length; i++) {
    const e = history.get(i);
    if (e.type === 'invoke') {
      if (key === undefined || e.op.key === key) ops.set(e.id, { id: e.id, client: e.client, op: e.op, call: e.t, ret: null, outcome: 'unknown' });
      continue;
    }
    const o = ops.get(e.id);
    if (o === undefined) continue;
    ops.set(e.id, {
      ...o, ret: e.outcome === 'unknown' ? null : e.t, outcome: e.outcome,
      ...(e.value !== undefined ? { value: e.value } : {}), ...(e.error !== undefined ? { error: e.error } : {}),
      ...(e.server !== undefined ? { server: e.server } : {}), ...(e.index !== undefined ? { index: e.index } : {}),
      ...(e.read !== undefined ? { read: e.read } : {}),
    });
  }
  return [...ops.values()];
}

/** Where the history's last `count` invocations begin: the events from there hold those operations whole. */
export function lastInvocations(history: Tape<HistoryEvent>, count: number): number {
  let i = history.length;
  for (let seen = 0; i > 0 && seen < count; i--) if (history.get(i - 1).type === 'invoke') seen++;
  return i;
}
