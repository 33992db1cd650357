import { describe, expect, it } from 'vitest';
import { BREAK_AT, lane, messagePlacement, NODE_ROOM, nodePositions, progress, VIEW } from './layout';

describe('cluster geometry', () => {
  it('places n nodes on an ellipse, S1 at the top, clockwise, all distinct', () => {
    for (let n = 3; n <= 9; n++) {
      const ps = nodePositions(n, 640, 520);
      expect(ps).toHaveLength(n);
      expect(ps[0].x).toBeCloseTo(320);
      expect(ps[0].y).toBeLessThan(260);
      expect(ps[1].x).toBeGreaterThan(320);
      expect(new Set(ps.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBe(n);
    }
  });

  it('from 3 to 9 nodes (up to 6 with long labels), no node, timer ring or role label overlaps another, and all stay inside the view', () => {
    // The timer ring's outer edge: what another node's label must stay clear of.
    const ring = VIEW.nodeRadius + 8;
    const { top, baseline } = NODE_ROOM.label;
    for (let n = 3; n <= 9; n++) {
      const halfWidth = n <= NODE_ROOM.longLabel.upTo ? NODE_ROOM.longLabel.halfWidth : NODE_ROOM.label.halfWidth;
      const ps = nodePositions(n);
      const labels = ps.map((p) => ({ x0: p.x - halfWidth, x1: p.x + halfWidth, y0: p.y + top, y1: p.y + baseline }));
      ps.forEach((p, i) => {
        const where = `${n} nodes, S${i + 1}`;
        expect(p.x - NODE_ROOM.around, where).toBeGreaterThanOrEqual(0);
        expect(p.x + NODE_ROOM.around, where).toBeLessThanOrEqual(VIEW.width);
        expect(p.y - NODE_ROOM.around, where).toBeGreaterThanOrEqual(0);
        const l = labels[i];
        expect(l.x0, where).toBeGreaterThanOrEqual(0);
        expect(l.x1, where).toBeLessThanOrEqual(VIEW.width);
        // Room for descenders under the baseline.
        expect(l.y1 + 4, where).toBeLessThanOrEqual(VIEW.height);
        ps.forEach((q, j) => {
          if (j === i) return;
          expect(Math.hypot(p.x - q.x, p.y - q.y), `${where} and S${j + 1}`).toBeGreaterThan(2 * ring);
          const dx = Math.max(l.x0 - q.x, 0, q.x - l.x1);
          const dy = Math.max(l.y0 - q.y, 0, q.y - l.y1);
          expect(Math.hypot(dx, dy), `${where}'s label and S${j + 1}`).toBeGreaterThan(ring);
          const m = labels[j];
          expect(l.x1 < m.x0 || m.x1 < l.x0 || l.y1 < m.y0 || m.y1 < l.y0, `${where}'s label and S${j + 1}'s`).toBe(true);
        });
      });
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
