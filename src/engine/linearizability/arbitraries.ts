import fc from 'fast-check';
import type { KvOp } from './history';

/**
 * Random operations for the property tests of the linearizability checks (check.test,
 * live.test): a few clients on two keys, small values, so that orders collide often.
 * `outcomes` weighs the outcomes by repetition; "pending" is an operation with no reply yet.
 */
export function arbOperation({ callMax, lengthMax, outcomes }: { callMax: number; lengthMax: number; outcomes: readonly string[] }) {
  return fc.record({
    client: fc.integer({ min: 1, max: 3 }),
    f: fc.constantFrom('get', 'set', 'del', 'cas', 'incr'),
    key: fc.constantFrom('x', 'y'),
    a: fc.constantFrom('0', '1', '2'),
    b: fc.constantFrom('0', '1', '2'),
    read: fc.constantFrom<string | null>(null, '0', '1', '2', '3'),
    call: fc.integer({ min: 0, max: callMax }),
    length: fc.integer({ min: 0, max: lengthMax }),
    outcome: fc.constantFrom(...outcomes),
  });
}

type RandomOperation = ReturnType<typeof arbOperation> extends fc.Arbitrary<infer T> ? T : never;

/** The operation a random draw stands for, the i-th of its history: its reply (if any) at call + length. */
export function operationOf(r: RandomOperation, i: number): { id: number; client: number; op: KvOp; call: number; ret: number; outcome: string; value: string | null | undefined } {
  const op: KvOp = r.f === 'set' ? { f: 'set', key: r.key, value: r.a }
    : r.f === 'cas' ? { f: 'cas', key: r.key, from: r.a, to: r.b }
    : { f: r.f as 'get' | 'del' | 'incr', key: r.key };
  return { id: i + 1, client: r.client, op, call: r.call, ret: r.call + r.length, outcome: r.outcome, value: r.f === 'get' ? r.read : r.f === 'incr' ? r.b : undefined };
}
