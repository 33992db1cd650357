import { describe, expect, it } from 'vitest';
import { majority, minorityQuorum, quorumLength } from './quorum';

describe('majority: strict, floor(n/2) + 1', () => {
  it.each([
    [1, 1], [2, 2], [3, 2], [4, 3], [5, 3], [6, 4], [7, 4], [8, 5], [9, 5],
  ])('n=%i needs %i', (n, q) => expect(majority(n)).toBe(q));

  it('any two majorities of the same cluster intersect', () => {
    for (let n = 1; n <= 9; n++) expect(2 * majority(n)).toBeGreaterThan(n);
  });

  it('the integer-division mistake lets two disjoint halves both win (kept as a mutant)', () => {
    expect(2 * minorityQuorum(4)).toBeLessThanOrEqual(4);
  });
});

describe('quorumLength: largest length acknowledged by a quorum', () => {
  it.each([
    [[5, 5, 5], 2, 5],
    [[5, 3, 0], 2, 3],
    [[0, 0, 7], 2, 0],
    [[4, 4, 2, 2, 1], 3, 2],
    [[9, 8, 7, 6, 5], 3, 7],
    [[1, 2, 3, 4, 5], 3, 3],
    [[3], 1, 3],
    [[3, 3], 3, 0],
  ])('acked %j with quorum %i -> %i', (acked, q, len) => expect(quorumLength(acked, q)).toBe(len));

  it('can skip the unused slot 0 of a per-node array', () => {
    expect(quorumLength([99, 1, 2, 3], 2, 1)).toBe(2);
  });

  it('does not reorder its input', () => {
    const acked = [1, 3, 2];
    quorumLength(acked, 2);
    expect(acked).toEqual([1, 3, 2]);
  });
});
