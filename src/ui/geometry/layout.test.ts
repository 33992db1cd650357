import { describe, expect, it } from 'vitest';
import { BREAK_AT, FLAT_FROM, labelRooms, lane, layoutFits, messagePlacement, NODE_ROOM, nodePositions, progress, READABLE_SCALE, RING_GAP, VIEW, viewFor, type ViewSize } from './layout';

describe('cluster geometry', () => {
  it('places n nodes on an ellipse, S1 at the top, clockwise, all distinct', () => {
    for (let n = 3; n <= 9; n++) {
      const ps = nodePositions(n, { width: 640, height: 520 });
      expect(ps).toHaveLength(n);
      expect(ps[0].x).toBeCloseTo(320);
      expect(ps[0].y).toBeLessThan(260);
      expect(ps[1].x).toBeGreaterThan(320);
      expect(new Set(ps.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBe(n);
    }
  });

  /** Nothing overlaps and all stays inside `view`, checked here from the drawing's sizes (not with layoutFits). */
  function expectClear(n: number, view: ViewSize): void {
    // The timer ring's outer edge: what another node's label must stay clear of.
    const ring = VIEW.nodeRadius + 8;
    const { top, baseline } = NODE_ROOM.label;
    const halfWidth = view.labelRoom !== undefined ? view.labelRoom / 2 : n <= NODE_ROOM.longLabel.upTo ? NODE_ROOM.longLabel.halfWidth : NODE_ROOM.label.halfWidth;
    const ps = nodePositions(n, view);
    const labels = ps.map((p) => ({ x0: p.x - halfWidth, x1: p.x + halfWidth, y0: p.y + top, y1: p.y + baseline }));
    ps.forEach((p, i) => {
      const where = `${n} nodes in ${Math.round(view.width)}x${Math.round(view.height)}, S${i + 1}`;
      expect(p.x - NODE_ROOM.around, where).toBeGreaterThanOrEqual(0);
      expect(p.x + NODE_ROOM.around, where).toBeLessThanOrEqual(view.width);
      expect(p.y - NODE_ROOM.around, where).toBeGreaterThanOrEqual(0);
      const l = labels[i];
      expect(l.x0, where).toBeGreaterThanOrEqual(0);
      expect(l.x1, where).toBeLessThanOrEqual(view.width);
      // Room for descenders under the baseline.
      expect(l.y1 + 4, where).toBeLessThanOrEqual(view.height);
      ps.forEach((q, j) => {
        if (j === i) return;
        // A clear gap between the two timer rings, not rings that almost touch: a message between them is seen in flight.
        expect(Math.hypot(p.x - q.x, p.y - q.y) - 2 * ring, `${where}: the gap between its timer ring and S${j + 1}'s`).toBeGreaterThanOrEqual(RING_GAP);
        const dx = Math.max(l.x0 - q.x, 0, q.x - l.x1);
        const dy = Math.max(l.y0 - q.y, 0, q.y - l.y1);
        expect(Math.hypot(dx, dy), `${where}'s label and S${j + 1}`).toBeGreaterThan(ring);
        const m = labels[j];
        expect(l.x1 < m.x0 || m.x1 < l.x0 || l.y1 < m.y0 || m.y1 < l.y0, `${where}'s label and S${j + 1}'s`).toBe(true);
      });
    });
  }

  it('from 3 to 9 nodes (up to 6 with long labels), no node, timer ring or role label overlaps another, and all stay inside the standard view', () => {
    for (let n = 3; n <= 9; n++) {
      expectClear(n, VIEW);
      expect(layoutFits(n, VIEW)).toBe(true);
    }
  });

  // Boxes in pixels: a single run's cluster at 1920x1080 and 1280x720, a side of a comparison and the manual-delivery page at 1280x720, a narrow phone, a tall drawer.
  const boxes = [[900, 700], [700, 520], [620, 204], [600, 300], [620, 260], [1200, 240], [360, 600], [640, 520]] as const;

  it('the view takes the box\'s shape, and n servers laid out in it stay clear of each other and inside it', () => {
    for (const [w, h] of boxes) {
      for (let n = 3; n <= 9; n++) {
        const view = viewFor(n, w, h);
        const where = `${n} nodes in a ${w}x${h} box`;
        if (w / h > VIEW.width / VIEW.height) expect(view.width / view.height, where).toBeCloseTo(w / h, 6);
        else expect(view, where).toEqual({ width: VIEW.width, height: VIEW.height });
        // Never drawn smaller than the standard view would be in the same box.
        expect(Math.min(w / view.width, h / view.height), where).toBeGreaterThanOrEqual(Math.min(w / VIEW.width, h / VIEW.height) - 1e-9);
        expectClear(n, view);
      }
    }
  });

  it('in a side of a comparison at 1280x720 (a 620x204 px box), three to five servers\' text is drawn at 12 px or more', () => {
    for (let n = 3; n <= 5; n++) {
      const view = viewFor(n, 620, 204);
      // The servers' smallest text is 15 view units: its size on screen, in pixels.
      expect(15 * Math.min(620 / view.width, 204 / view.height), `${n} nodes`).toBeGreaterThanOrEqual(12);
    }
    // The standard view there drew it at 5.9 px.
    expect(15 * Math.min(620 / VIEW.width, 204 / VIEW.height)).toBeLessThan(6);
  });

  it('long labels keep their room while the text still comes out at 12 px; past that they are narrowed to a short label\'s room', () => {
    const roomy = viewFor(3, 620, 204);
    expect(roomy.labelRoom).toBeUndefined();
    expect(204 / roomy.height).toBeGreaterThanOrEqual(READABLE_SCALE);
    const narrowed = viewFor(5, 620, 204);
    expect(narrowed.labelRoom).toBe(2 * NODE_ROOM.label.halfWidth);
    // Narrowed, the view is flatter (drawn larger) than long labels' room allows.
    expect(layoutFits(5, narrowed, NODE_ROOM.longLabel.halfWidth)).toBe(false);
  });

  it('a role label\'s room keeps it inside the view, however long it is: none runs past the side of seven servers (it was cut there)', () => {
    for (const [w, h] of boxes) {
      for (let n = 2; n <= 9; n++) {
        const view = viewFor(n, w, h);
        const ps = nodePositions(n, view);
        labelRooms(ps, view).forEach((room, i) => {
          const where = `S${i + 1} of ${n} in a ${w}x${h} box`;
          expect(ps[i].x - room / 2, where).toBeGreaterThanOrEqual(0);
          expect(ps[i].x + room / 2, where).toBeLessThanOrEqual(view.width);
        });
      }
    }
    // Seven in the standard view: the servers at the sides get less room than the rest, still a short label's.
    const seven = labelRooms(nodePositions(7, VIEW), VIEW);
    expect(Math.min(...seven)).toBeLessThan(Math.max(...seven));
    expect(Math.min(...seven)).toBeGreaterThanOrEqual(2 * NODE_ROOM.label.halfWidth);
  });

  it('in a flat view the nodes zigzag: by turns high and low across the width, clockwise from S1 at the top left, no three in line', () => {
    const view = { width: 3 * 240, height: 240 };
    expect(view.width / view.height).toBeGreaterThanOrEqual(FLAT_FROM);
    const ps = nodePositions(5, view);
    // S1, S2, S3 high, left to right; S4, S5 low, right to left.
    expect(ps[0].x).toBeLessThan(ps[1].x);
    expect(ps[1].x).toBeLessThan(ps[2].x);
    expect(ps[3].x).toBeGreaterThan(ps[4].x);
    for (const low of [ps[3], ps[4]]) for (const high of [ps[0], ps[1], ps[2]]) expect(low.y).toBeGreaterThan(high.y);
    const xs = ps.map((p) => p.x).sort((a, b) => a - b);
    expect(xs[1] - xs[0]).toBeCloseTo(xs[4] - xs[3]);
    // No link passes through a third node's centre: every three nodes span a triangle.
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) for (let k = j + 1; k < 5; k++) {
      const [a, b, c] = [ps[i], ps[j], ps[k]];
      expect(Math.abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)), `S${i + 1} S${j + 1} S${k + 1}`).toBeGreaterThan(100);
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
  const { bucketMarkers } = await import('../timeline/Timeline');
  const { niceEnd } = await import('../draw/timelinePaint');
  it('ends a little after the run, on a round end, at least 1 s', () => {
    expect([0, 999, 1000, 1001, 4500, 12_000, 480_000, 604_000].map(niceEnd)).toEqual([1000, 1200, 1200, 1200, 5600, 15_000, 560_000, 680_000]);
    for (let ms = 1; ms < 4_000_000; ms = Math.ceil(ms * 1.37)) {
      const end = niceEnd(ms);
      // Past the run, by a twentieth to under a third: most of the slider is what was run.
      expect(end).toBeGreaterThanOrEqual(ms * 1.05);
      if (ms >= 1000) expect(end).toBeLessThanOrEqual(ms * 1.3);
    }
    // Few moves while a run grows tenfold (each one repaints every mark).
    const ends = new Set(Array.from({ length: 9001 }, (_, i) => niceEnd(10_000 + i * 10)));
    expect(ends.size).toBeLessThanOrEqual(13);
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
