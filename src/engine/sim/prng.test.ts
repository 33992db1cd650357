import { describe, expect, it } from 'vitest';
import { createRng, nextFloat, nextInt } from './prng';

describe('seeded PRNG', () => {
  it('the same seed draws the same sequence; the state is plain data', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 100 }, () => nextFloat(a));
    expect(Array.from({ length: 100 }, () => nextFloat(b))).toEqual(xs);
    expect(structuredClone(a)).toEqual(a);
  });

  it('different seeds draw different sequences', () => {
    const a = createRng(1);
    const b = createRng(2);
    expect(nextFloat(a)).not.toBe(nextFloat(b));
  });

  it('a copied state continues identically (what checkpoints rely on)', () => {
    const a = createRng(7);
    nextFloat(a);
    const copy = { ...a };
    expect(nextInt(copy, 0, 1000)).toBe(nextInt(a, 0, 1000));
  });

  it('integers stay within [min, max] and reach both ends', () => {
    const r = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = nextInt(r, 150, 155);
      expect(x).toBeGreaterThanOrEqual(150);
      expect(x).toBeLessThanOrEqual(155);
      seen.add(x);
    }
    expect([...seen].sort()).toEqual([150, 151, 152, 153, 154, 155]);
  });
});
