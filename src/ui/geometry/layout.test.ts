import { describe, expect, it } from 'vitest';
import { BREAK_AT, lane, messagePlacement, nodePositions, progress } from './layout';

describe('cluster geometry', () => {
  it('places n nodes on a circle, S1 at the top, all distinct', () => {
    for (let n = 3; n <= 9; n++) {
      const ps = nodePositions(n, 600, 600);
      expect(ps).toHaveLength(n);
      expect(ps[0].x).toBeCloseTo(300);
      expect(ps[0].y).toBeLessThan(300);
      const radii = ps.map((p) => Math.hypot(p.x - 300, p.y - 300));
      for (const r of radii) expect(r).toBeCloseTo(radii[0]);
    }
  });

  it('the two directions of a link run on separate, parallel lanes', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 100, y: 0 };
    const ab = lane(a, b, 5, 10);
    const ba = lane(b, a, 5, 10);
    expect(ab.a).toEqual({ x: 10, y: 5 });
    expect(ab.b).toEqual({ x: 90, y: 5 });
    expect(ba.a.y).toBeCloseTo(-5);
  });

  it('interpolates between sentAt and deliverAt and clamps outside', () => {
    expect(progress(100, 120, 90)).toBe(0);
    expect(progress(100, 120, 110)).toBe(0.5);
    expect(progress(100, 120, 130)).toBe(1);
  });

  it('a message on a blocked link stops at the break; a lost one falls and fades with virtual time', () => {
    const l = { a: { x: 0, y: 0 }, b: { x: 100, y: 0 } };
    expect(messagePlacement(l, 0, 10, null, true, 9, 10)).toEqual({ x: 100 * BREAK_AT, y: 0, opacity: 1 });
    const start = messagePlacement(l, 0, 10, 10, false, 10, 10);
    const mid = messagePlacement(l, 0, 10, 10, false, 15, 10);
    const end = messagePlacement(l, 0, 10, 10, false, 20, 10);
    expect(start.opacity).toBe(1);
    expect(mid.y).toBeGreaterThan(start.y);
    expect(mid.opacity).toBeCloseTo(0.5);
    expect(end.opacity).toBe(0);
    // Same virtual time, same picture: pausing freezes the fall exactly.
    expect(messagePlacement(l, 0, 10, 10, false, 15, 10)).toEqual(mid);
  });
});

describe('timeline scale', async () => {
  const { bucketMarkers } = await import('../components/Timeline');
  const { niceEnd } = await import('../draw/timelinePaint');
  it('ends at 1, 2 or 5 times a power of ten seconds, at least 1 s', () => {
    expect([0, 999, 1000, 1001, 4500, 12_000, 480_000].map(niceEnd)).toEqual([1000, 1000, 1000, 2000, 5000, 20_000, 500_000]);
  });
  it('keeps one marker of a kind per bucket, and every kind', () => {
    const markers = Array.from({ length: 1000 }, (_, i) => ({ seq: i, t: i, kind: 'commit' as const, label: '' }));
    markers.push({ seq: 2000, t: 500, kind: 'fault' as never, label: '' });
    const shown = bucketMarkers(markers, 1000);
    expect(shown.filter((m) => m.kind === 'commit')).toHaveLength(500);
    expect(shown.some((m) => m.kind === 'fault')).toBe(true);
  });
});

describe('which links are blocked', async () => {
  const { blockKeyOf, linkBlocker } = await import('./blocking');
  it('a partition blocks both directions between groups; a cut blocks one direction only', () => {
    const blocked = linkBlocker(blockKeyOf({ groups: [[1, 2], [3, 4, 5]], cuts: ['4>5'] }));
    expect(blocked(1, 2)).toBeNull();
    expect(blocked(1, 3)).toBe('partition');
    expect(blocked(3, 1)).toBe('partition');
    expect(blocked(4, 5)).toBe('cut');
    expect(blocked(5, 4)).toBeNull();
  });
  it('a whole network blocks nothing', () => {
    expect(linkBlocker(blockKeyOf({ groups: null, cuts: [] }))(1, 2)).toBeNull();
  });
});
