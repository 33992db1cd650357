import type { ClientOperation } from '../../../engine/clients/operations';
import { operationText } from '../../../engine/linearizability/history';

/** One operation drawn as a bar from its invocation to its reply (Jepsen's timeline). */
export interface Bar {
  id: number;
  client: number;
  /** Left and right ends as fractions of the window's width. */
  x0: number;
  x1: number;
  /** No reply yet: the bar runs on to now, its end left open. */
  open: boolean;
  outcome: ClientOperation['outcome'];
  /** `get x → 1`, as the engine names the operation. */
  label: string;
  /** What served it, or why it failed. */
  detail: string;
  /** A read that returned a value overwritten before it began (from the checker). */
  stale: boolean;
  /** One of the operations the checker found cannot be ordered. */
  flagged: boolean;
  call: number;
  ret: number | null;
  server: number | null;
}

export interface HistoryLayout {
  clients: number[];
  bars: Bar[];
  from: number;
  to: number;
}

const READ_WORDS = { local: 'read from its own store', leader: 'read from its own store (as leader)', readIndex: 'read index', lease: 'on its lease, index', log: 'log index' } as const;

function detail(o: ClientOperation, now: number): string {
  if (o.outcome === 'unknown') return o.ret === null && o.error === undefined ? `waiting for a reply (${now - o.call} ms)` : `no reply: ${o.error ?? 'gave up'}; it may or may not have taken effect`;
  if (o.op.f === 'write' && o.outcome === 'ok') return 'accepted by the storage node';
  if (o.outcome === 'fail') return o.server !== undefined ? `S${o.server}: ${o.error}` : `${o.error}: it did not take effect`;
  const where = o.read !== undefined ? `${READ_WORDS[o.read]}${o.index !== undefined ? ` ${o.index}` : ''}` : o.index !== undefined ? `log index ${o.index}` : '';
  return `S${o.server}${where !== '' ? ` · ${where}` : ''}`;
}

/**
 * Lays out the operations the engine reported, over the window from the earliest shown
 * invocation to now: one row per client, nothing computed about the protocol here.
 */
export function historyBars(ops: readonly ClientOperation[], now: number, flagged: readonly number[] = [], stale: readonly number[] = []): HistoryLayout {
  const from = ops.length === 0 ? 0 : Math.min(...ops.map((o) => o.call));
  const to = Math.max(now, from + 1, ...ops.map((o) => o.ret ?? 0));
  const x = (t: number) => (Math.min(t, to) - from) / (to - from);
  const bars = ops.map((o): Bar => ({
    id: o.id, client: o.client, x0: x(o.call), x1: x(o.ret ?? now), open: o.ret === null,
    outcome: o.outcome, label: operationText(o), detail: detail(o, now),
    stale: stale.includes(o.id), flagged: flagged.includes(o.id), call: o.call, ret: o.ret, server: o.server ?? null,
  }));
  return { clients: [...new Set(ops.map((o) => o.client))].sort((a, b) => a - b), bars, from, to };
}
