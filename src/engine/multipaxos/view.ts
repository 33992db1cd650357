import type { Slots } from './slots';
import type { MultiPaxosState, MultiPaxosView, SlotFields } from './types';

/** How many of its newest slots each slot field shows: the slot table's window is 20 wide. */
export const SLOTS_SHOWN = 24;

/**
 * The state as the view reads it (see MultiPaxosView). Each field's window ends at its own
 * highest slot, so any slot of the table's window (the 20 below the highest slot of any
 * replica) that this replica holds is in it. The cost is SLOTS_SHOWN lookups per field, however
 * long the run: copying every slot into every snapshot was what made a long run deaf to Pause.
 */
export function multipaxosView(s: MultiPaxosState): MultiPaxosView {
  return {
    ...s,
    accepted: newest(s.accepted),
    decided: newest(s.decided),
    proposals: newest(s.proposals),
    slotCounts: { accepted: s.accepted.size, decided: s.decided.size, proposals: s.proposals.size } satisfies Record<SlotFields, number>,
    promises: s.promises.map((p) => ({ from: p.from, reported: p.accepted.size })),
  };
}

function newest<T>(slots: Slots<T>): Record<number, T> {
  const out: Record<number, T> = {};
  for (let slot = Math.max(0, slots.top - SLOTS_SHOWN + 1); slot <= slots.top; slot++) {
    const value = slots.get(slot);
    if (value !== undefined) out[slot] = value;
  }
  return out;
}
