import { describe, expect, it } from 'vitest';
import type { PanelView } from '../store/simStore';
import type { MultiPaxosView } from '../../engine/multipaxos/types';
import { slotCell, topSlot } from './SlotTable';

describe('the slot table', () => {
  it('finds the highest slot among hundreds of thousands without overflowing the stack', () => {
    const accepted: Record<number, unknown> = {};
    for (let slot = 1; slot <= 300_000; slot++) accepted[slot] = { ballot: [1, 1], value: 'noop' };
    const view = { nodes: { 1: { state: { accepted, decided: { 300_001: 'set x 1' } } } } } as unknown as PanelView;
    expect(topSlot(view, [1, 2])).toBe(300_001);
  });
});

describe("a leader's proposals in flight", () => {
  const leader = { role: 'leader', ballot: [2, 1], applied: 0, accepted: {}, decided: {}, proposals: { 1: 'set a 1', 2: 'noop' } } as unknown as MultiPaxosView;
  const follower = { ...leader, role: 'follower' } as MultiPaxosView;

  it('count as slots the table shows, for a leader only', () => {
    const view = (state: MultiPaxosView) => ({ nodes: { 1: { state } } }) as unknown as PanelView;
    expect(topSlot(view(leader), [1])).toBe(2);
    expect(topSlot(view(follower), [1])).toBe(0);
  });

  it('show as "→" cells until the leader accepts them, then as accepted', () => {
    expect(slotCell(leader, 1, 1)).toMatchObject({ label: '→', sub: 'set a 1', solid: false, data: { proposed: true } });
    expect(slotCell(leader, 1, 2)).toMatchObject({ label: '→', sub: 'NOOP', hatched: true });
    expect(slotCell(follower, 1, 1)).toMatchObject({ empty: true });
    const accepted = { ...leader, accepted: { 1: { ballot: [2, 1], value: 'set a 1' } } } as unknown as MultiPaxosView;
    expect(slotCell(accepted, 1, 1)).toMatchObject({ label: '2', sub: 'set a 1', solid: false });
  });
});
