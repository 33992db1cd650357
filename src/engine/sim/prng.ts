/**
 * Seeded pseudo-random numbers (mulberry32). The generator's whole state is one
 * 32-bit integer kept in the world, so a checkpoint captures it and a replay from
 * the same seed draws the same numbers in Node, a worker or a test.
 */
export interface Rng {
  s: number;
}

export function createRng(seed: number): Rng {
  return { s: seed | 0 };
}

/** A float in [0, 1); advances the generator. */
export function nextFloat(rng: Rng): number {
  rng.s = (rng.s + 0x6d2b79f5) | 0;
  let t = rng.s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** An integer in [min, max], both included. */
export function nextInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(nextFloat(rng) * (max - min + 1));
}
