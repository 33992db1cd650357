import { describe, expect, it } from 'vitest';
import type { PanelView } from '../store/simStore';
import { topSlot } from './SlotTable';

describe('the slot table', () => {
  it('finds the highest slot among hundreds of thousands without overflowing the stack', () => {
    const accepted: Record<number, unknown> = {};
    for (let slot = 1; slot <= 300_000; slot++) accepted[slot] = { ballot: [1, 1], value: 'noop' };
    const view = { nodes: { 1: { state: { accepted, decided: { 300_001: 'set x 1' } } } } } as unknown as PanelView;
    expect(topSlot(view, [1, 2])).toBe(300_001);
  });
});
