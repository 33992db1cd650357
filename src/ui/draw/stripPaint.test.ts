import { describe, expect, it } from 'vitest';
import { LIGHT } from '../theme';
import { cellWidthFor, columnAt, indicesThatFit, paintStrip, WIDEST_CELL } from './stripPaint';

/** A canvas whose 2D context records each text drawn, with the alignment in force when drawn. */
function recordingCanvas() {
  const texts: { text: string; x: number; y: number; align: string; font: string }[] = [];
  const ctx = new Proxy({ textAlign: 'start', font: '' } as Record<string, unknown>, {
    get(target, key) {
      if (key === 'fillText') return (text: string, x: number, y: number) => texts.push({ text, x, y, align: String(target.textAlign), font: String(target.font) });
      if (key === 'measureText') return (text: string) => ({ width: text.length * 8 });
      if (key in target) return target[key as string];
      return () => undefined;
    },
    set(target, key, value) { target[key as string] = value; return true; },
  });
  const canvas = { width: 0, height: 0, getContext: () => ctx } as unknown as HTMLCanvasElement;
  return { canvas, texts };
}

const size = { width: 300, height: 44, ratio: 1 };
const cell = { label: '1', sub: 'set x 1', color: '#000', solid: true, title: 'entry 1', data: {} };

describe('a log strip', () => {
  it('an empty log says so from the strip\'s left edge, in legible type, even after cells were painted on the same canvas', () => {
    const { canvas, texts } = recordingCanvas();
    paintStrip(canvas, size, { cells: [cell], more: false, emptyText: '(empty log)' }, LIGHT);
    expect(texts.some((t) => t.align === 'center')).toBe(true);
    texts.length = 0;
    paintStrip(canvas, size, { cells: [], more: false, emptyText: '(empty log)' }, LIGHT);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ text: '(empty log)', x: 0, align: 'left' });
    expect(Number(/(\d+)px/.exec(texts[0].font)![1])).toBeGreaterThanOrEqual(14);
  });
});

describe('a command too long for its cell', () => {
  const acquire = (sub: string) => ({ ...cell, sub });
  const drawn = (texts: { text: string }[]) => texts.map((t) => t.text).filter((t) => t !== '1');
  it('keeps the stamp the lock lessons quote: the middle gives way, "c1…@163", not "c1#1 a…"', () => {
    const { canvas, texts } = recordingCanvas();
    const cells = ['c1#1 acquire L 300 @163', 'c2#1 acquire L 300 @410', 'c2#2 acquire L 300 @675', 'c2#3 release L'].map(acquire);
    const cellWidth = cellWidthFor(300, 4, false);
    paintStrip(canvas, size, { cells, more: false, cellWidth }, LIGHT);
    const shown = drawn(texts);
    expect(shown.slice(0, 3).map((t) => /@\d+$/.exec(t)?.[0])).toEqual(['@163', '@410', '@675']);
    for (const [k, t] of shown.entries()) {
      expect(t.startsWith(k < 4 ? cells[k].sub.slice(0, 2) : 're'), t).toBe(true);
      expect(t.length * 8).toBeLessThanOrEqual(cellWidth - 4);
    }
    // A command without a stamp moves its client up beside the term, then is cut at its end.
    expect(shown.slice(3)).toEqual(['c2#3', 'release…']);
  });
  it('says which command sits at which index: "set x 2" whole, its client "c1#2" on the top line beside the term, not "c1#2 s…"', () => {
    const { canvas, texts } = recordingCanvas();
    // C1's last step at 1280x720: four entries in 72 px cells.
    const cells = ['noop', 'c1#1 set x 1', 'noop', 'c1#2 set x 2'].map(acquire);
    paintStrip(canvas, size, { cells, more: false, cellWidth: cellWidthFor(300, 4, false) }, LIGHT);
    expect(drawn(texts)).toEqual(['noop', 'c1#1', 'set x 1', 'noop', 'c1#2', 'set x 2']);
    const line = (t: string) => texts.find((d) => d.text === t)!.y;
    expect(line('c1#2')).toBe(line('1'));
    expect(line('set x 2')).toBeGreaterThan(line('c1#2'));
    // The term and its stamp side by side, centred, within the second cell (72 px from x = 75);
    // the recording context measures 8 px a character.
    const term = texts.filter((d) => d.text === '1')[1];
    const stamp = texts.find((d) => d.text === 'c1#1')!;
    expect(term.align).toBe('center');
    expect(stamp.align).toBe('center');
    expect(term.x - 4).toBeGreaterThanOrEqual(75 + 3);
    expect(stamp.x - 16).toBeGreaterThanOrEqual(term.x + 4);
    expect(stamp.x + 16).toBeLessThanOrEqual(75 + 72 - 3);
    expect((term.x - 4 + stamp.x + 16) / 2).toBeCloseTo(75 + 36);
    // Wide enough, the command line holds all of it.
    texts.length = 0;
    paintStrip(canvas, { ...size, width: 400 }, { cells: [acquire('c1#2 set x 2')], more: false, cellWidth: 190 }, LIGHT);
    expect(drawn(texts)).toEqual(['c1#2 set x 2']);
  });
  it('keeps C4\'s retry and its next request apart: "c1#1" and "c1#2" over the same "incr n"', () => {
    const { canvas, texts } = recordingCanvas();
    paintStrip(canvas, size, { cells: ['noop', 'c1#1 incr n', 'c1#2 incr n'].map(acquire), more: false, cellWidth: 83 }, LIGHT);
    expect(drawn(texts)).toEqual(['noop', 'c1#1', 'incr n', 'c1#2', 'incr n']);
  });
  it('drops the client where the top line has no room, and cuts a long command at its end', () => {
    const { canvas, texts } = recordingCanvas();
    paintStrip(canvas, size, { cells: [acquire('c3#12 write report 5')], more: false, cellWidth: 56 }, LIGHT);
    expect(drawn(texts)).toEqual(['write…']);
  });
  it('is cut for the width of each cell it is drawn in, not the first one it met', () => {
    const { canvas, texts } = recordingCanvas();
    const entry = acquire('c1#1 acquire L 300 @163');
    paintStrip(canvas, size, { cells: [entry, entry, entry, entry], more: false, cellWidth: 72 }, LIGHT);
    texts.length = 0;
    paintStrip(canvas, { ...size, width: 400 }, { cells: [entry], more: false, cellWidth: 190 }, LIGHT);
    expect(drawn(texts)).toEqual(['c1#1 acquire L 300 @163']);
  });
});

describe('entries cut off on the left', () => {
  it('are marked with "…" in every row, in the narrow column before the cells, which start right after it', () => {
    const { canvas, texts } = recordingCanvas();
    paintStrip(canvas, size, { cells: [cell, cell, cell], more: true, cellWidth: 72 }, LIGHT);
    const mark = texts.filter((t) => t.text === '…');
    expect(mark).toHaveLength(1);
    expect(mark[0].x).toBeLessThan(24);
    // The first cell's text is centred in a cell that begins at the marker's column's end.
    expect(texts.find((t) => t.text === '1')!.x).toBe(24 + 3 + 36);
  });
  it('leave the row to the entries: a 305 px strip of a long log shows four, not three beside 70 px of nothing', () => {
    expect(indicesThatFit(305, 1201)).toEqual([1198, 1199, 1200, 1201]);
  });
});

describe('the entries a strip shows', () => {
  // A cell is 56 px wide with 3 px between; the "earlier" marker takes 24 px.
  it('shows a whole log that fits, from index 1', () => {
    expect(indicesThatFit(292, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(indicesThatFit(1000, 3)).toEqual([1, 2, 3]);
    expect(indicesThatFit(1000, 0)).toEqual([]);
  });
  it('shows the newest entries that fit whole beside the marker, never one cut at the edge', () => {
    expect(indicesThatFit(291, 5)).toEqual([2, 3, 4, 5]);
    expect(indicesThatFit(200, 5)).toEqual([4, 5]);
    for (const width of [100, 260, 291, 400, 777]) {
      for (const longest of [1, 5, 9, 40]) {
        const shown = indicesThatFit(width, longest);
        const more = shown[0] > 1;
        expect(shown.at(-1)).toBe(longest);
        // The last cell's right edge lies within the strip (unless not even one fits).
        const lastLeft = (more ? 27 : 0) + (shown.length - 1) * 59;
        if (shown.length > 1) expect(lastLeft + 56).toBeLessThanOrEqual(width);
        expect(columnAt(lastLeft + 1, more)).toBe(shown.length - 1);
      }
    }
  });
  it('keeps one entry on a strip too narrow for any', () => {
    expect(indicesThatFit(0, 7)).toEqual([7]);
  });
});

describe('cellWidthFor: few entries use the row, many stay whole', () => {
  it('gives one entry in a 300 px strip the widest cell, so "c2#1 acquire L 300 @614" shows whole', () => {
    expect(cellWidthFor(300, 1, false)).toBe(WIDEST_CELL);
  });
  it('shares the row among four entries, each whole within it', () => {
    const w = cellWidthFor(300, 4, false);
    expect(w).toBe(72);
    expect(4 * w + 3 * 3).toBeLessThanOrEqual(300);
  });
  it('never goes below the width indicesThatFit counts with, with or without the "earlier" marker', () => {
    for (const width of [200, 300, 571]) {
      const shown = indicesThatFit(width, 500).length;
      const w = cellWidthFor(width, shown, true);
      expect(w).toBeGreaterThanOrEqual(56);
      expect(24 + 3 + shown * (w + 3) - 3).toBeLessThanOrEqual(width);
    }
  });
  it('a column under the pointer follows the wider cells', () => {
    expect(columnAt(100, false, 72)).toBe(1);
    expect(columnAt(73, false, 72)).toBe(null);
    expect(columnAt(100, false)).toBe(1);
  });
});

describe('a command too long for its cell', () => {
  it('is cut to the cell it is drawn in, even after the same command was drawn whole in a wider cell', () => {
    const { canvas, texts } = recordingCanvas();
    const long = { ...cell, sub: 'c1#1 acquire L 300' };
    // The recording context measures 8 px a character: 144 px, whole in the widest cell.
    paintStrip(canvas, size, { cells: [long], more: false, cellWidth: WIDEST_CELL }, LIGHT);
    expect(texts.map((t) => t.text)).toContain('c1#1 acquire L 300');
    texts.length = 0;
    paintStrip(canvas, size, { cells: [long, long, long, long], more: false, cellWidth: 56 }, LIGHT);
    const subs = texts.filter((t) => t.text.startsWith('acq'));
    expect(subs).toHaveLength(4);
    for (const t of subs) expect(t.text.length * 8).toBeLessThanOrEqual(56 - 4);
    expect(subs[0].text.endsWith('…')).toBe(true);
  });
});
