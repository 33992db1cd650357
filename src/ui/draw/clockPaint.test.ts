import { describe, expect, it } from 'vitest';
import { LIGHT } from '../theme';
import { paintClock } from './clockPaint';

/** A context that records each character drawn, measuring as DejaVu Sans Bold does (digits 0.7 em). */
function recordingContext() {
  const drawn: { ch: string; x: number; px: number; width: number }[] = [];
  const state = { font: '' };
  const px = () => Number(/(\d+(?:\.\d+)?)px/.exec(state.font)![1]);
  const em = (ch: string) => (ch >= '0' && ch <= '9' ? 0.7 : ch === ' ' || ch === '.' ? 0.35 : 0.6);
  const ctx = {
    set font(f: string) { state.font = f; },
    get font() { return state.font; },
    clearRect() {},
    measureText: (text: string) => ({ width: [...text].reduce((w, ch) => w + em(ch) * px(), 0) }),
    fillText: (ch: string, x: number) => drawn.push({ ch, x, px: px(), width: em(ch) * px() }),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn };
}

describe('the clock', () => {
  it('shows the time whole within its face, from a second to ten hours', () => {
    for (const ms of [882, 149_950, 1_234_567, 3_600_000, 36_000_000]) {
      const { ctx, drawn } = recordingContext();
      paintClock(ctx, 132, 44, ms, 210, LIGHT);
      const big = drawn.filter((d) => d.px > 14);
      expect(big.map((d) => d.ch).join('')).toBe(`${(ms / 1000).toFixed(3)} s`);
      expect(Math.min(...big.map((d) => d.x)), `${ms} ms`).toBeGreaterThanOrEqual(0);
      // Still large on a projector.
      expect(big[0].px).toBeGreaterThanOrEqual(16);
    }
  });
  it('keeps its full size while the time fits', () => {
    const { ctx, drawn } = recordingContext();
    paintClock(ctx, 132, 44, 882, 210, LIGHT);
    expect(drawn[0].px).toBe(23);
  });
});
