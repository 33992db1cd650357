import { increment } from './model';
import { type Budget, linearizable, OutOfSteps, type Pending } from './search';

/** Whether an operation may leave `v` in its key (null: missing). */
function mayWrite(o: Pending, v: string | null): boolean {
  switch (o.op.f) {
    case 'get': return false;
    case 'set': return v === o.op.value;
    case 'del': return v === null;
    case 'cas': return v === o.op.to;
    // With no reply, an increment may have left any whole number above zero.
    case 'incr': return o.known ? v === (o.value ?? null) : v !== null && /^[1-9]\d*$/.test(v);
  }
}

/** The values an operation's result says the key held just before it. */
function needs(o: Pending): (string | null)[] {
  switch (o.op.f) {
    case 'get': return o.known ? [o.value ?? null] : [];
    case 'cas': return [o.op.from];
    case 'incr': {
      if (!o.known || o.value === undefined) return [];
      const before: (string | null)[] = [null, '0', String(Number(o.value) - 1)];
      return before.filter((v) => increment(v) === o.value);
    }
    default: return [];
  }
}

/**
 * A small set of operations that cannot be ordered, from a key's history that cannot be:
 * try leaving out each operation, latest first, and leave it out if the rest still cannot
 * be ordered. An operation that wrote a value another remaining one read is kept, so the
 * set never "fails" only because the write that explains a read was taken away. The
 * result cannot be ordered by itself, and leaving out any one more operation (writers of
 * read values aside) would let it be. When the allowance of steps runs out, the set found
 * so far is returned: it is still one that cannot be ordered.
 */
export function minimalViolation(ops: readonly Pending[], budget: Budget): Pending[] {
  let kept = ops.slice();
  for (let i = kept.length - 1; i >= 0; i--) {
    const o = kept[i];
    const rest = kept.filter((_, k) => k !== i);
    if (rest.some((r) => needs(r).some((v) => mayWrite(o, v)))) continue;
    try {
      if (!linearizable(rest, budget)) kept = rest;
    } catch (e) {
      if (e instanceof OutOfSteps) break;
      throw e;
    }
  }
  return kept;
}
