import type { RegisterOp } from './history';

/** One key's value, or null when the key is missing. */
export type Register = string | null;

/**
 * The sequential specification of one key: the state after `op` ran on `state` and gave
 * `value`, or undefined when it could not have. `known` is false for an operation whose
 * reply never came, whose result can be anything the operation could return.
 */
export function step(state: Register, op: RegisterOp, value: string | null | undefined, known: boolean): Register | undefined {
  switch (op.f) {
    case 'get': return !known || value === state ? state : undefined;
    case 'set': return op.value;
    case 'del': return null;
    case 'cas': return state === op.from ? op.to : undefined;
    case 'incr': {
      const next = increment(state);
      return next !== undefined && (!known || value === next) ? next : undefined;
    }
  }
}

/** The value increment-and-get leaves, or undefined when the key holds something that is not a whole number. */
export function increment(state: Register): string | undefined {
  const n = state === null ? 0 : /^-?\d{1,15}$/.test(state) ? Number(state) : NaN;
  return Number.isNaN(n) ? undefined : String(n + 1);
}
