import { isRegisterOp, type Operation, operationText } from './history';
import { minimalViolation } from './minimal';
import { type Budget, linearizable, OutOfSteps, type Pending } from './search';

/**
 * The checker's bounds: beyond them it answers "too large to check" instead of running on.
 * The search is exponential in how many operations overlap in time, not in how many there are.
 */
export const CHECK_LIMITS = {
  /** Operations on any one key (a key's history is checked on its own). */
  maxOpsPerKey: 1_000,
  /** Model steps over the whole check; the same again for finding the smallest set. */
  maxSteps: 1_000_000,
} as const;

export type Verdict =
  | { readonly result: 'linearizable'; readonly operations: number; readonly keys: number }
  | {
      readonly result: 'violation';
      readonly key: string;
      /** A smallest set of operations that cannot be put in any order, by invocation. */
      readonly operations: readonly Operation[];
      /** Ids of the reads among them that returned a value overwritten before they began. */
      readonly stale: readonly number[];
      readonly text: string;
    }
  | { readonly result: 'too-large'; readonly key: string; readonly text: string };

/**
 * Is the history linearizable: can every operation be given one instant between its
 * invocation and its reply such that, in that order, a single copy of the store would
 * return what each one returned? Operations that failed are left out (they took no
 * effect); an operation with no reply may take effect at any instant after its invocation,
 * or never. Each key is checked on its own: a history is linearizable when every key's is.
 */
export function checkHistory(history: readonly Operation[], limits: { maxOpsPerKey: number; maxSteps: number } = CHECK_LIMITS): Verdict {
  const byKey = new Map<string, Pending[]>();
  let counted = 0;
  for (const o of history) {
    const op = o.op;
    if (o.outcome === 'fail' || !isRegisterOp(op)) continue;
    // A read whose reply never came changed nothing and showed nothing.
    if (o.outcome === 'unknown' && o.op.f === 'get') continue;
    const known = o.outcome === 'ok';
    const p: Pending = { id: o.id, op, call: o.call, ret: known && o.ret !== null ? o.ret : Infinity, value: o.value, known };
    let list = byKey.get(o.op.key);
    if (list === undefined) byKey.set(o.op.key, (list = []));
    list.push(p);
    counted++;
  }
  const budget: Budget = { left: limits.maxSteps };
  const keys = [...byKey.keys()].sort();
  let tooLarge: Verdict | null = null;
  for (const key of keys) {
    const ops = byKey.get(key)!.sort((a, b) => a.call - b.call || a.id - b.id);
    if (ops.length > limits.maxOpsPerKey) {
      tooLarge ??= { result: 'too-large', key, text: `too large to check: key ${key} has ${ops.length} operations, more than the checker's bound of ${limits.maxOpsPerKey}` };
      continue;
    }
    let ok: boolean;
    try {
      ok = linearizable(ops, budget);
    } catch (e) {
      if (!(e instanceof OutOfSteps)) throw e;
      tooLarge ??= { result: 'too-large', key, text: `too large to check: the search passed ${limits.maxSteps.toLocaleString('en')} steps at key ${key} (too many operations overlap in time)` };
      // Other keys may still show a violation, which is an answer; they get a fresh allowance.
      budget.left = limits.maxSteps;
      continue;
    }
    if (!ok) return violation(key, ops, history, limits.maxSteps);
  }
  return tooLarge ?? { result: 'linearizable', operations: counted, keys: keys.length };
}

function violation(key: string, ops: readonly Pending[], history: readonly Operation[], steps: number): Verdict {
  const ids = new Set(minimalViolation(ops, { left: steps }).map((p) => p.id));
  const operations = history.filter((o) => ids.has(o.id)).sort((a, b) => a.call - b.call || a.id - b.id);
  const stale = staleReads(operations);
  const list = operations.map((o) => `${operationText(o)} [c${o.client}, ${o.call}–${o.ret ?? '?'} ms]`).join('; ');
  return {
    result: 'violation', key, operations, stale,
    text: `not linearizable: these ${operations.length} operations on ${key} cannot be put in any order that agrees with their times and results: ${list}`,
  };
}

/**
 * The reads that returned a value already overwritten when they began: some write that
 * finished before the read was invoked began after every write of the value read had finished.
 */
export function staleReads(ops: readonly Operation[]): number[] {
  const wrote = (o: Operation): string | null | undefined => {
    if (o.outcome !== 'ok' && o.op.f !== 'set' && o.op.f !== 'del') return undefined;
    switch (o.op.f) {
      case 'set': return o.op.value;
      case 'del': return null;
      case 'cas': return o.op.to;
      case 'incr': return o.value ?? undefined;
      case 'get': return undefined;
    }
  };
  const out: number[] = [];
  for (const r of ops) {
    if (r.op.f !== 'get' || r.outcome !== 'ok') continue;
    const writersOfValue = ops.filter((w) => w !== r && wrote(w) === (r.value ?? null));
    const overwritten = ops.some((w) => w.outcome === 'ok' && wrote(w) !== undefined && wrote(w) !== (r.value ?? null)
      && w.ret !== null && w.ret < r.call
      && writersOfValue.every((v) => v.ret !== null && v.ret < w.call));
    if (overwritten) out.push(r.id);
  }
  return out;
}
