import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbOperation, operationOf } from './arbitraries';
import { checkHistory } from './check';
import { type Operation, parseOp, type RegisterOp } from './history';
import { step } from './model';

let nextId = 1;
/** `op(client, 'set x 1', call, ret, value?)`; ret null: no reply came. */
function op(client: number, text: string, call: number, ret: number | null, value?: string | null, outcome?: 'ok' | 'fail'): Operation {
  return { id: nextId++, client, op: parseOp(text)!, call, ret, outcome: ret === null ? 'unknown' : outcome ?? 'ok', value };
}

describe('linearizability: the classic register histories', () => {
  it('a read concurrent with a write may see either value', () => {
    for (const seen of ['0', '1']) {
      const h = [op(1, 'set x 0', 0, 10), op(1, 'set x 1', 20, 40), op(2, 'get x', 25, 35, seen)];
      expect(checkHistory(h).result).toBe('linearizable');
    }
  });

  it('a read that begins after a write finished must not see the older value (the stale read)', () => {
    const w0 = op(1, 'set x 0', 0, 10);
    const w1 = op(1, 'set x 1', 20, 30);
    const r = op(2, 'get x', 40, 50, '0');
    const v = checkHistory([w0, w1, r]);
    expect(v.result).toBe('violation');
    if (v.result !== 'violation') return;
    expect(v.operations.map((o) => o.id)).toEqual([w0.id, w1.id, r.id]);
    expect(v.stale).toEqual([r.id]);
    expect(v.text).toContain('get x → 0');
  });

  it('two reads may not see a write in opposite orders (the new-old inversion)', () => {
    // The write is concurrent with both reads, but the first read, which saw the new value,
    // finished before the second, which saw the old one, began.
    const h = [op(1, 'set x 0', 0, 5), op(1, 'set x 1', 10, 100), op(2, 'get x', 20, 30, '1'), op(3, 'get x', 40, 50, '0')];
    const v = checkHistory(h);
    expect(v.result).toBe('violation');
    // The same reads the other way round are fine: old, then new.
    const ok = [op(1, 'set x 0', 0, 5), op(1, 'set x 1', 10, 100), op(2, 'get x', 20, 30, '0'), op(3, 'get x', 40, 50, '1')];
    expect(checkHistory(ok).result).toBe('linearizable');
  });

  it('a read of a value nobody wrote is not linearizable; a missing key reads as missing', () => {
    expect(checkHistory([op(1, 'get x', 0, 5, '7')]).result).toBe('violation');
    expect(checkHistory([op(1, 'get x', 0, 5, null)]).result).toBe('linearizable');
    expect(checkHistory([op(1, 'set x 1', 0, 5), op(1, 'del x', 6, 8), op(2, 'get x', 10, 12, null)]).result).toBe('linearizable');
  });

  it('compare-and-set: two clients cannot both win the same swap', () => {
    const base = [op(1, 'set lock free', 0, 5)];
    const both = [...base, op(1, 'cas lock free c1', 10, 30), op(2, 'cas lock free c2', 12, 28)];
    expect(checkHistory(both).result).toBe('violation');
    const one = [...base, op(1, 'cas lock free c1', 10, 30), op(2, 'cas lock free c2', 12, 28, undefined, 'fail')];
    expect(checkHistory(one).result).toBe('linearizable');
  });

  it('increment-and-get: two increments cannot return the same number', () => {
    expect(checkHistory([op(1, 'incr n', 0, 10, '1'), op(2, 'incr n', 2, 12, '1')]).result).toBe('violation');
    expect(checkHistory([op(1, 'incr n', 0, 10, '2'), op(2, 'incr n', 2, 12, '1')]).result).toBe('linearizable');
  });

  it('a write with no reply may take effect late, or never', () => {
    const lost = op(1, 'set x 1', 0, null);
    expect(checkHistory([lost, op(2, 'get x', 100, 110, '1'), op(2, 'get x', 200, 210, '1')]).result).toBe('linearizable');
    expect(checkHistory([lost, op(2, 'get x', 100, 110, null)]).result).toBe('linearizable');
    // But not before it was invoked.
    expect(checkHistory([op(2, 'get x', 0, 5, '1'), op(1, 'set x 1', 10, null)]).result).toBe('violation');
    // A cas with no reply whose comparison can never hold is simply left out.
    expect(checkHistory([op(1, 'cas x a b', 0, null), op(2, 'set x c', 5, 8)]).result).toBe('linearizable');
  });

  it('keys are checked apart: a violation on one key is reported with that key only', () => {
    const h = [op(1, 'set y 1', 0, 5), op(1, 'set x 0', 0, 10), op(1, 'set x 1', 20, 30), op(2, 'get y', 31, 33, '1'), op(2, 'get x', 40, 50, '0')];
    const v = checkHistory(h);
    expect(v.result === 'violation' && v.key).toBe('x');
    expect(v.result === 'violation' && v.operations.every((o) => o.op.key === 'x')).toBe(true);
  });

  it('reports a smallest set: unrelated operations around a stale read are left out', () => {
    const h = [
      op(1, 'set x 0', 0, 10), op(3, 'get x', 11, 15, '0'), op(1, 'set x 1', 20, 30),
      op(3, 'get x', 31, 35, '1'), op(2, 'get x', 40, 50, '0'), op(3, 'get x', 60, 65, '1'),
    ];
    const v = checkHistory(h);
    expect(v.result).toBe('violation');
    if (v.result !== 'violation') return;
    expect(v.operations.map((o) => `${o.op.f}@${o.call}`)).toEqual(['set@0', 'set@20', 'get@40']);
  });

  it('an unanswered increment that cannot explain the stale read is left out of the set', () => {
    const h = [op(3, 'incr b', 876, null), op(1, 'set b 2', 909, 1048), op(2, 'get b', 1370, 1795, null)];
    const v = checkHistory(h);
    expect(v.result === 'violation' && v.operations.map((o) => o.op.f)).toEqual(['set', 'get']);
  });

  it('a history over the bound is "too large to check", and a hard search stops at its step allowance', () => {
    const many = Array.from({ length: 12 }, (_, i) => op(1, `set x ${i}`, i * 10, i * 10 + 5));
    expect(checkHistory(many, { maxOpsPerKey: 10, maxSteps: 1000 })).toMatchObject({ result: 'too-large', key: 'x' });
    // Nine overlapping writes and a read of a value no order ends with: every order must be tried.
    const crowd = [...Array.from({ length: 9 }, (_, i) => op(i, `set x ${i}`, 0, 100)), op(99, 'get x', 200, 210, 'z')];
    const v = checkHistory(crowd, { maxOpsPerKey: 100, maxSteps: 500 });
    expect(v).toMatchObject({ result: 'too-large', key: 'x' });
    expect(v.result === 'too-large' && v.text).toContain('too large to check');
    // With the default allowance the memo makes the same history quick to refute.
    expect(checkHistory(crowd).result).toBe('violation');
  });

  it('a violation on another key is still found when one key is too large', () => {
    const big = Array.from({ length: 12 }, (_, i) => op(1, `set a ${i}`, i * 10, i * 10 + 5));
    const bad = [op(1, 'set x 0', 0, 10), op(1, 'set x 1', 20, 30), op(2, 'get x', 40, 50, '0')];
    expect(checkHistory([...big, ...bad], { maxOpsPerKey: 10, maxSteps: 10_000 }).result).toBe('violation');
  });
});

/** The definition, by brute force: some subset of the unanswered writes and every answered operation, in some order that respects real time, replays. */
function bruteForce(history: readonly Operation[]): boolean {
  const ops = history.filter((o) => o.outcome !== 'fail' && !(o.outcome === 'unknown' && o.op.f === 'get'));
  const keys = new Set(ops.map((o) => o.op.key));
  for (const key of keys) {
    const mine = ops.filter((o) => o.op.key === key);
    const ret = (o: Operation) => (o.outcome === 'ok' ? o.ret! : Infinity);
    const search = (left: Operation[], state: string | null): boolean => {
      if (left.every((o) => o.outcome !== 'ok')) return true;
      return left.some((o) => {
        if (left.some((p) => p !== o && ret(p) < o.call)) return false;
        const next = step(state, o.op as RegisterOp, o.value, o.outcome === 'ok');
        return next !== undefined && search(left.filter((p) => p !== o), next);
      });
    };
    if (!search(mine, null)) return false;
  }
  return true;
}

const operations = arbOperation({ callMax: 20, lengthMax: 10, outcomes: ['ok', 'ok', 'ok', 'unknown', 'fail'] });

describe('property: the search agrees with the definition on random small histories', () => {
  it('linearizable exactly when some real-time-respecting order replays (1,000 histories of up to 7 operations)', () => {
    fc.assert(fc.property(fc.array(operations, { minLength: 1, maxLength: 7 }), (raw) => {
      const history: Operation[] = raw.map((r, i) => {
        const o = operationOf(r, i);
        const outcome = o.outcome as Operation['outcome'];
        return { ...o, outcome, ret: outcome === 'unknown' ? null : o.ret };
      });
      const verdict = checkHistory(history);
      expect(verdict.result === 'linearizable').toBe(bruteForce(history));
      // The reported set cannot be ordered on its own either.
      if (verdict.result === 'violation') expect(bruteForce(verdict.operations)).toBe(false);
    }), { numRuns: 1000, seed: 16 });
  });
});
