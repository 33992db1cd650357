import type { HistoryEvent } from '../clients/types';
import type { Register } from './model';
import { type Budget, finalStates, linearizable, OutOfSteps, type Pending } from './search';
import { CHECK_LIMITS } from './check';
import { isRegisterOp } from './history';

/**
 * One key's history since its last quiescent point: a moment when every operation invoked
 * before it had its reply. Nothing before such a point overlaps anything after it, so the
 * history after it is linearizable exactly when it can be ordered from one of the values the
 * earlier history may have left: the check need not reread what came before.
 */
export interface Segment {
  /** The values the key may hold at the segment's start. */
  readonly states: readonly Register[];
  /** The operations invoked since, by invocation; a reply that has not come returns at infinity. */
  readonly ops: readonly Pending[];
  /** How many of them may still take effect: no reply yet, or a write given up on (it may land any time). */
  readonly open: number;
}

/** The live check's memory, a value a checkpoint keeps: each key's segment, and the key of each operation still open. */
export interface LiveState {
  readonly keys: ReadonlyMap<string, Segment>;
  readonly open: ReadonlyMap<number, string>;
}

export const EMPTY_LIVE: LiveState = { keys: new Map(), open: new Map() };

const START: Segment = { states: [null], ops: [], open: 0 };

/**
 * Takes one history event; returns the new state and, after a reply that said ok, whether the
 * key's history so far can still be ordered (true, false, or null when the search passed its
 * bound: too large to tell). Each reply costs the operations since the key's last quiescent
 * point, however long the run.
 */
export function observe(live: LiveState, e: HistoryEvent, limits = CHECK_LIMITS): { live: LiveState; key: string | null; ok: boolean | null } {
  if (e.type === 'invoke') {
    const op = e.op;
    if (!isRegisterOp(op)) return { live, key: null, ok: null };
    let seg = live.keys.get(e.op.key) ?? START;
    // Everything before replied, and before this began (one that began as another replied may be ordered before it).
    if (seg.open === 0 && seg.ops.every((p) => p.ret < e.t)) seg = quiesce(seg, limits.maxSteps);
    const p: Pending = { id: e.id, op, call: e.t, ret: Infinity, value: undefined, known: false };
    return { live: { keys: new Map(live.keys).set(e.op.key, { ...seg, ops: [...seg.ops, p], open: seg.open + 1 }), open: new Map(live.open).set(e.id, e.op.key) }, key: null, ok: null };
  }
  const key = live.open.get(e.id);
  if (key === undefined) return { live, key: null, ok: null };
  const open = new Map(live.open);
  open.delete(e.id);
  let seg = live.keys.get(key)!;
  const at = seg.ops.findIndex((p) => p.id === e.id);
  const was = seg.ops[at];
  // What the checker counts (check.ts): a failure took no effect; a read with no reply showed nothing.
  const gone = e.outcome === 'fail' || (e.outcome === 'unknown' && was.op.f === 'get');
  const ops = gone ? seg.ops.filter((_, i) => i !== at)
    : e.outcome === 'ok' ? seg.ops.map((p, i) => (i === at ? { ...p, ret: e.t, value: e.value, known: true } : p)) : seg.ops;
  // A write given up on stays open: it may still take effect, so no later point is quiescent.
  seg = { ...seg, ops, open: e.outcome === 'unknown' && !gone ? seg.open : seg.open - 1 };
  let ok: boolean | null = null;
  if (e.outcome === 'ok') {
    try {
      const budget: Budget = { left: limits.maxSteps };
      ok = seg.ops.length > limits.maxOpsPerKey ? null : seg.states.some((s) => linearizable(seg.ops, budget, s));
    } catch (err) {
      if (!(err instanceof OutOfSteps)) throw err;
    }
  }
  return { live: { keys: new Map(live.keys).set(key, seg), open }, key, ok };
}

/** At a quiescent point the segment closes: what it may have left is where the next one starts (none, once it cannot be ordered). */
function quiesce(seg: Segment, steps: number): Segment {
  if (seg.ops.length === 0) return seg;
  try {
    const states = finalStates(seg.ops, seg.states, { left: steps });
    return states.length === 0 ? seg : { states, ops: [], open: 0 };
  } catch (err) {
    if (!(err instanceof OutOfSteps)) throw err;
    return seg;
  }
}
