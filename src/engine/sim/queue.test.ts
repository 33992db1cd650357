import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pop, push, removeWhere } from './queue';

type Item = { at: number; prio: number; seq: number };

describe('event queue: ordered by (time, priority, insertion)', () => {
  it('pops in exactly the order a stable sort by (at, prio, seq) gives', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.constantFrom(0, 1))), (pairs) => {
      const heap: Item[] = [];
      const items = pairs.map(([at, prio], seq) => ({ at, prio, seq }));
      items.forEach((i) => push(heap, i));
      const popped: Item[] = [];
      for (let x = pop(heap); x !== undefined; x = pop(heap)) popped.push(x);
      const expected = [...items].sort((a, b) => a.at - b.at || a.prio - b.prio || a.seq - b.seq);
      expect(popped).toEqual(expected);
    }));
  });

  it('user actions (priority 0) run before protocol events at the same time', () => {
    const heap: Item[] = [];
    push(heap, { at: 5, prio: 1, seq: 0 });
    push(heap, { at: 5, prio: 0, seq: 1 });
    expect(pop(heap)).toEqual({ at: 5, prio: 0, seq: 1 });
  });

  it('removeWhere takes out matching items and keeps the rest in order', () => {
    const heap: Item[] = [];
    for (let i = 0; i < 20; i++) push(heap, { at: (i * 7) % 11, prio: 1, seq: i });
    const removed = removeWhere(heap, (x) => x.seq % 3 === 0);
    expect(removed.map((x) => x.seq).sort((a, b) => a - b)).toEqual([0, 3, 6, 9, 12, 15, 18]);
    const rest: Item[] = [];
    for (let x = pop(heap); x !== undefined; x = pop(heap)) rest.push(x);
    expect(rest.every((x) => x.seq % 3 !== 0)).toBe(true);
    expect(rest.map((x) => x.at)).toEqual([...rest.map((x) => x.at)].sort((a, b) => a - b));
  });
});
