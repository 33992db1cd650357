import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Box, type LabelWish, placeLabels } from './labelPlacement';
import { serverBoxes } from './movingPaint';
import { VIEW } from '../geometry/layout';

const SIZE = 11;
/** About the width of the bold 11 px label font. */
const width = (t: string) => t.length * 6.5;
const boxOf = (w: LabelWish): Box => ({ left: w.x - width(w.text) / 2 - 2, right: w.x + width(w.text) / 2 + 2, top: w.y - SIZE, bottom: w.y + 3 });
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('placeLabels', () => {
  it('keeps one of a stack of labels on the same spot, and every label that stands clear', () => {
    // Multi-Paxos's Accepted broadcast: five labels within a few units of each other, one far away.
    const stack = [0, 1, 2, 3, 4].map((k) => ({ text: `ok s${k}`, x: 200 + k * 3, y: 150 + k * 2 }));
    const clear = { text: 'hb (1,S2)', x: 400, y: 300 };
    expect(placeLabels([...stack, clear], width, SIZE).map((w) => w.text)).toEqual(['ok s0', 'hb (1,S2)']);
  });

  it('always draws the selected message\'s label, before the others', () => {
    const a = { text: 'ok s1', x: 200, y: 150 };
    const b = { text: 'ok s2', x: 202, y: 151, first: true };
    expect(placeLabels([a, b], width, SIZE)).toEqual([b]);
  });

  it('leaves out a label that would cover a server', () => {
    const server = { left: 100, right: 188, top: 100, bottom: 188 };
    expect(placeLabels([{ text: 'prep (1,S2)', x: 150, y: 150 }], width, SIZE, [server])).toEqual([]);
  });

  it('leaves out a label beside a server\'s role label, which is wider than its circle', () => {
    const server = { x: 300, y: 200 };
    // Clear of the circle's width, on the line of the role label under it ("ACCEPTOR", "CANDIDATE").
    const beside = { text: 'ok (1,S1)', x: server.x + VIEW.nodeRadius + width('ok (1,S1)') / 2 + 4, y: server.y + VIEW.nodeRadius + 20 };
    expect(placeLabels([beside], width, SIZE, serverBoxes(server))).toEqual([]);
    // Lower down, clear of the label, it is drawn.
    const below = { ...beside, y: beside.y + 30 };
    expect(placeLabels([below], width, SIZE, serverBoxes(server))).toEqual([below]);
  });

  it('no two labels it draws overlap, whatever the crowd', () => {
    const wish = fc.record({ text: fc.string({ minLength: 1, maxLength: 12 }), x: fc.integer({ min: 0, max: 640 }), y: fc.integer({ min: 0, max: 520 }) });
    fc.assert(fc.property(fc.array(wish, { maxLength: 80 }), (wishes) => {
      const boxes = placeLabels(wishes, width, SIZE).map(boxOf);
      return boxes.every((a, i) => boxes.every((b, j) => i === j || !overlap(a, b)));
    }));
  });
});
