import { describe, expect, it } from 'vitest';
import { Slots } from './slots';

describe('Slots: values by slot number, as a value', () => {
  it('setting a slot leaves the earlier map as it was', () => {
    const a = Slots.empty<string>().set(1, 'a').set(3, 'c');
    const b = a.set(2, 'b').set(40_000, 'far');
    expect(a.toJSON()).toEqual({ 1: 'a', 3: 'c' });
    expect(b.toJSON()).toEqual({ 1: 'a', 2: 'b', 3: 'c', 40000: 'far' });
    expect([a.size, a.top, b.size, b.top, b.get(40_000), b.get(4), a.get(2)]).toEqual([2, 3, 4, 40_000, 'far', undefined, undefined]);
    expect(b.set(1, 'A').size).toBe(4);
  });

  it('changes() visits exactly the slots set since, across the trie\'s growth', () => {
    let before = Slots.empty<number>();
    for (let k = 1; k <= 2000; k++) before = before.set(k, k);
    const after = before.set(7, -7).set(1500, -1500).set(100_000, 1);
    const seen: [number, number, number | undefined][] = [];
    Slots.changes(before, after, (slot, value, old) => seen.push([slot, value, old]));
    expect(seen).toEqual([[7, -7, 7], [1500, -1500, 1500], [100_000, 1, undefined]]);
    const none: number[] = [];
    Slots.changes(after, after, (slot) => none.push(slot));
    expect(none).toEqual([]);
  });

  it('entries(from) lists exactly the slots at or above it, in order', () => {
    let slots = Slots.empty<number>();
    for (const k of [1, 31, 32, 33, 1023, 1024, 1025, 40_000, 40_001]) slots = slots.set(k, k);
    for (const from of [0, 1, 2, 32, 33, 1000, 1024, 1025, 1026, 39_999, 40_001, 40_002, 2 ** 29]) {
      expect(slots.entries(from)).toEqual(slots.entries().filter(([k]) => k >= from));
    }
  });

  it('agrees with a plain map over random sets, and changes() between any two versions visits exactly the slots that differ, in order', () => {
    let seed = 12345;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n);
    const versions: { slots: Slots<number>; model: Map<number, number> }[] = [{ slots: Slots.empty(), model: new Map() }];
    for (let k = 0; k < 1200; k++) {
      const { slots, model } = versions[versions.length - 1];
      // Mostly in order near the top, as a run sets them; now and then far below, far above, or a slot set again.
      const r = rand(10);
      const top = slots.top;
      const slot = r < 6 ? top + rand(3) : r < 8 ? rand(top + 1) : r < 9 ? top + 1 + rand(5000) : top;
      const value = rand(4) === 0 && model.has(slot) ? model.get(slot)! : k;
      versions.push({ slots: slots.set(slot, value), model: new Map(model).set(slot, value) });
    }
    for (const { slots, model } of versions.filter((_, i) => i % 37 === 0 || i > 1190)) {
      const sorted = [...model.entries()].sort((a, b) => a[0] - b[0]);
      expect(slots.entries()).toEqual(sorted);
      expect([slots.size, slots.top]).toEqual([model.size, Math.max(0, ...model.keys())]);
      for (const [k, v] of sorted) expect(slots.get(k)).toBe(v);
      expect(slots.get(slots.top + 1)).toBeUndefined();
    }
    for (let n = 0; n < 200; n++) {
      const a = versions[rand(versions.length)];
      const b = versions[rand(versions.length)];
      const seen: [number, number, number | undefined][] = [];
      Slots.changes(a.slots, b.slots, (slot, value, old) => seen.push([slot, value, old]));
      const expected = [...b.model.entries()].filter(([k, v]) => a.model.get(k) !== v).sort((x, y) => x[0] - y[0]).map(([k, v]) => [k, v, a.model.get(k)]);
      expect(seen).toEqual(expected);
    }
  });

  it('serialises as the record by slot it replaced, and refuses slots it cannot hold', () => {
    expect(JSON.stringify({ accepted: Slots.of({ 2: { value: 'x' }, 1: { value: 'y' } }) })).toBe('{"accepted":{"1":{"value":"y"},"2":{"value":"x"}}}');
    expect(() => Slots.empty().set(-1, 0)).toThrow(RangeError);
  });
});
