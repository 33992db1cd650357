import { describe, expect, it } from 'vitest';
import { nodePositions, VIEW } from '../geometry/layout';
import { LIGHT } from '../theme';
import type { MessageView, MovingFrame } from '../../worker/protocol';
import type { Context2D } from './fitCanvas';
import { paintMoving, placeMessages } from './movingPaint';

/** A 2D context that records each text drawn. */
function recording() {
  const texts: string[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get(target, key) {
      if (key === 'fillText') return (text: string) => texts.push(text);
      if (key === 'measureText') return (text: string) => ({ width: text.length * 8 });
      if (key in target) return target[key as string];
      return () => undefined;
    },
    set(target, key, value) { target[key as string] = value; return true; },
  });
  return { ctx: ctx as unknown as Context2D, texts };
}

const positions = nodePositions(5);
/** A duplicate from S4 to S1 sent at 0 and due at 100, drawn at `time` while playing (so unlabelled). */
const frame = (time: number): MovingFrame => ({
  time, playing: true, rings: [null, null, null, null, null],
  messages: [{ id: 2, from: 4, to: 1, type: 'LogRequest', label: '', sentAt: 0, deliverAt: 100, lostAt: null, duplicateOf: 1, heldAt: null, heldFor: 0, fields: {} } satisfies MessageView],
  network: { groups: null, cuts: [], latencyMax: 100 },
});

describe('a duplicate\'s ×2', () => {
  it('is drawn beside it on its way, but not where it would show between the letters of a server\'s role label', () => {
    const open = recording();
    paintMoving(open.ctx, frame(50), positions, null, LIGHT);
    expect(open.texts).toEqual(['×2']);
    // Near its end it comes up under S1's role label, and its ×2 would sit between the label's letters ("LEADE×2").
    const under = recording();
    const label = { top: positions[0].y + VIEW.nodeRadius + 9, bottom: positions[0].y + VIEW.nodeRadius + 24 };
    const at = placeMessages(frame(92), positions)[0];
    expect(at.y - 7).toBeGreaterThan(label.top);
    expect(at.y - 7).toBeLessThan(label.bottom);
    paintMoving(under.ctx, frame(92), positions, null, LIGHT);
    expect(under.texts).toEqual([]);
  });
});

describe('a timer ring', () => {
  it('is stroked in ticks, in the timer colour, and the messages after it are solid again', () => {
    const strokes: { style: unknown; dash: number[] }[] = [];
    let dash: number[] = [];
    const state: Record<string, unknown> = {};
    const ctx = new Proxy(state, {
      get(target, key) {
        if (key === 'setLineDash') return (d: number[]) => { dash = d; };
        if (key === 'stroke') return () => strokes.push({ style: target.strokeStyle, dash });
        if (key === 'measureText') return (text: string) => ({ width: text.length * 8 });
        if (key in target) return target[key as string];
        return () => undefined;
      },
      set(target, key, value) { target[key as string] = value; return true; },
    }) as unknown as Context2D;
    const f = { ...frame(50), rings: [null, { since: 0, at: 100, refills: false }, null, null, null] };
    paintMoving(ctx, f, positions, null, LIGHT);
    const ring = strokes.filter((s) => s.style === LIGHT.timer || s.style === LIGHT.line);
    expect(ring.map((s) => s.style)).toEqual([LIGHT.line, LIGHT.timer]);
    for (const s of ring) expect(s.dash.length).toBeGreaterThan(0);
    expect(dash).toEqual([]);
  });
});
