import { increment } from './model';
import { type Budget, linearizable, OutOfSteps, type Pending } from './search';

/** The values an operation leaves in its key (null: missing); undefined when it could leave anything. */
function writes(o: Pending): (string | null)[] | undefined {
  switch (o.op.f) {
    case 'get': return [];
    case 'set': return [o.op.value];
    case 'del': return [null];
    case 'cas': return [o.op.to];
    case 'incr': return o.known ? [o.value ?? null] : undefined;
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
    const w = writes(o);
    if (w === undefined || rest.some((r) => needs(r).some((v) => w.includes(v)))) continue;
    try {
      if (!linearizable(rest, budget)) kept = rest;
    } catch (e) {
      if (e instanceof OutOfSteps) break;
      throw e;
    }
  }
  return kept;
}
