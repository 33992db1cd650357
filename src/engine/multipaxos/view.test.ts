import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Slots } from './slots';
import { initialState } from './state';
import type { SlotValue } from './types';
import { multipaxosView, SLOTS_SHOWN } from './view';

describe('the Multi-Paxos view of a state', () => {
  it('carries, of each slot field, exactly its newest SLOTS_SHOWN slots, and how many it holds in all', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { maxLength: 200 }), fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { maxLength: 200 }), (acc, dec) => {
      const accepted = acc.reduce((s, k) => s.set(k, { ballot: [1, 1], value: `v${k}` }), Slots.empty<SlotValue>());
      const decided = dec.reduce((s, k) => s.set(k, `d${k}`), Slots.empty<string>());
      const view = multipaxosView({ ...initialState(), accepted, decided });
      const newest = (keys: number[]) => [...keys].sort((a, b) => a - b).filter((k) => k > Math.max(...keys, 0) - SLOTS_SHOWN);
      expect(Object.keys(view.accepted).map(Number)).toEqual(newest(acc));
      expect(Object.keys(view.decided).map(Number)).toEqual(newest(dec));
      for (const k of newest(acc)) expect(view.accepted[k]).toEqual({ ballot: [1, 1], value: `v${k}` });
      for (const k of newest(dec)) expect(view.decided[k]).toBe(`d${k}`);
      expect(view.slotCounts).toEqual({ accepted: acc.length, decided: dec.length, proposals: 0 });
    }));
  });

  it('stays the same size however many slots the state holds, promises included', () => {
    let accepted = Slots.empty<SlotValue>();
    let decided = Slots.empty<string>();
    const size = (n: number) => {
      for (let k = accepted.size + 1; k <= n; k++) {
        accepted = accepted.set(k, { ballot: [2, 1], value: `set k ${k}` });
        decided = decided.set(k, `set k ${k}`);
      }
      const state = { ...initialState(), accepted, decided, proposals: decided, applied: n, promises: [{ from: 2, accepted }, { from: 3, accepted }] };
      return JSON.stringify(structuredClone(multipaxosView(state))).length;
    };
    const small = size(100);
    // A thousand times the slots: only the digits of the slot numbers grow.
    expect(size(100_000)).toBeLessThan(small * 1.5);
    expect(multipaxosView({ ...initialState(), promises: [{ from: 2, accepted }] }).promises).toEqual([{ from: 2, reported: 100_000 }]);
  });
});
