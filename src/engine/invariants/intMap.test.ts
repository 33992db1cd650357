import { describe, expect, it } from 'vitest';
import { IntMap } from './intMap';

describe('IntMap: a persistent map from integers, forked in constant time', () => {
  it('reads back what was set, across the trie\'s growth', () => {
    const m = new IntMap<string>();
    const keys = [0, 1, 31, 32, 1023, 1024, 40_000, 5_000_000];
    for (const k of keys) m.set(k, `v${k}`);
    expect(keys.map((k) => m.get(k))).toEqual(keys.map((k) => `v${k}`));
    expect([m.get(2), m.get(33), m.get(6_000_000)]).toEqual([undefined, undefined, undefined]);
  });

  it('after a fork, neither side sees the other\'s changes', () => {
    const m = new IntMap<number>();
    for (let k = 0; k < 100; k++) m.set(k, k);
    const copy = m.fork();
    m.set(5, -5);
    m.set(100_000, 1);
    copy.set(6, -6);
    const again = copy.fork();
    copy.set(7, -7);
    expect([m.get(5), m.get(6), m.get(7), m.get(100_000)]).toEqual([-5, 6, 7, 1]);
    expect([copy.get(5), copy.get(6), copy.get(7), copy.get(100_000)]).toEqual([5, -6, -7, undefined]);
    expect([again.get(6), again.get(7)]).toEqual([-6, 7]);
  });

  it('refuses keys it cannot hold, with a clear error', () => {
    expect(() => new IntMap().set(-1, 0)).toThrow(RangeError);
    expect(() => new IntMap().set(2 ** 30, 0)).toThrow(/0 to 2\^30/);
  });
});
