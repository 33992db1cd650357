import type { RegisterOp } from './history';
import { type Register, step } from './model';

/** One operation as the search sees it: a reply that never came returns at infinity. */
export interface Pending {
  readonly id: number;
  readonly op: RegisterOp;
  readonly call: number;
  readonly ret: number;
  readonly value: string | null | undefined;
  /** Its reply came: it must be placed. An operation without one may be placed, or left out. */
  readonly known: boolean;
}

/** Thrown when a search has made its allowed number of model steps. */
export class OutOfSteps extends Error {
  constructor() {
    super('out of steps');
  }
}

/** A shared allowance of model steps across the searches of one check. */
export interface Budget {
  left: number;
}

/**
 * Wing and Gong's search, with Lowe's memo (as in Porcupine): place, one at a time, an
 * operation that no unplaced operation finished before it was invoked, if the key's
 * sequential specification allows its result; backtrack when stuck. A (placed set, value)
 * pair that led nowhere once is never explored again. `ops` must be sorted by invocation.
 * True when every operation with a reply can be placed (those without may be left out).
 */
export function linearizable(ops: readonly Pending[], budget: Budget, initial: Register = null): boolean {
  const n = ops.length;
  const placed = new Uint8Array(n);
  let placedCount = 0;
  const deadEnds = new Set<string>();

  const memoKey = (lo: number, state: Register): string => {
    // Everything below lo is placed; list the placed operations above it.
    const above: number[] = [];
    for (let i = lo, want = placedCount - lo; want > 0; i++) if (placed[i]) { above.push(i); want--; }
    return `${lo}:${above.join(',')}:${state === null ? '-' : `=${state}`}`;
  };

  const dfs = (from: number, state: Register, required: number): boolean => {
    if (required === 0) return true;
    let lo = from;
    while (lo < n && placed[lo]) lo++;
    const key = memoKey(lo, state);
    if (deadEnds.has(key)) return false;
    // Candidates: unplaced operations invoked no later than the earliest unplaced reply.
    // Sorted by invocation, so the scan stops at the first one invoked after that reply.
    let earliestReturn = Infinity;
    const candidates: number[] = [];
    for (let i = lo; i < n && ops[i].call <= earliestReturn; i++) {
      if (placed[i]) continue;
      candidates.push(i);
      if (ops[i].ret < earliestReturn) earliestReturn = ops[i].ret;
    }
    for (const i of candidates) {
      const o = ops[i];
      if (o.call > earliestReturn) continue;
      if (--budget.left < 0) throw new OutOfSteps();
      const next = step(state, o.op, o.value, o.known);
      if (next === undefined) continue;
      placed[i] = 1;
      placedCount++;
      if (dfs(lo, next, required - (o.known ? 1 : 0))) return true;
      placed[i] = 0;
      placedCount--;
    }
    deadEnds.add(key);
    return false;
  };

  return dfs(0, initial, ops.reduce((k, o) => k + (o.known ? 1 : 0), 0));
}

/**
 * Every value the key may hold once all of `ops` (each with its reply) are placed, from any of
 * the `initial` values: the states a later stretch of the history may start from. The same
 * search, visiting each (placed set, value) once.
 */
export function finalStates(ops: readonly Pending[], initial: readonly Register[], budget: Budget): Register[] {
  const n = ops.length;
  const placed = new Uint8Array(n);
  const seen = new Set<string>();
  const out = new Set<Register>();
  const dfs = (lo: number, state: Register): void => {
    while (lo < n && placed[lo]) lo++;
    if (lo === n) { out.add(state); return; }
    const above: number[] = [];
    for (let i = lo; i < n; i++) if (placed[i]) above.push(i);
    const key = `${lo}:${above.join(',')}:${state === null ? '-' : `=${state}`}`;
    if (seen.has(key)) return;
    seen.add(key);
    let earliestReturn = Infinity;
    for (let i = lo; i < n && ops[i].call <= earliestReturn; i++) if (!placed[i] && ops[i].ret < earliestReturn) earliestReturn = ops[i].ret;
    for (let i = lo; i < n && ops[i].call <= earliestReturn; i++) {
      if (placed[i]) continue;
      if (--budget.left < 0) throw new OutOfSteps();
      const next = step(state, ops[i].op, ops[i].value, true);
      if (next === undefined) continue;
      placed[i] = 1;
      dfs(lo, next);
      placed[i] = 0;
    }
  };
  for (const s of initial) dfs(0, s);
  return [...out];
}
