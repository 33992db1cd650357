import { describe, expect, it } from 'vitest';
import { NumberRows } from './numberRows';

describe('number rows', () => {
  it.each([12, 4])('reads back what was set across chunks of 2^%i rows, after truncating and after forgetting the first rows', (bits) => {
    const t = new NumberRows(3, bits);
    const model: number[][] = [];
    const check = () => {
      expect(t.length).toBe(model.length);
      for (let i = 0; i < model.length; i++) for (let c = 0; c < 3; c++) expect(t.get(i, c)).toBe(model[i][c]);
    };
    const add = (n: number) => {
      for (let k = 0; k < n; k++) {
        const v = model.length * 10 + k + 0.5;
        const row = t.append();
        expect(row).toBe(model.length);
        t.set(row, 0, v);
        t.set(row, 2, -v);
        model.push([v, 0, -v]);
      }
    };
    add(10_000);
    check();
    t.truncate(5_000);
    model.length = 5_000;
    // Rows appended where longer ones were cut read zero where not set.
    add(3_000);
    check();
    t.dropFirst(4_500);
    model.splice(0, 4_500);
    check();
    add(9_000);
    t.dropFirst(100);
    model.splice(0, 100);
    check();
    t.truncate(0);
    model.length = 0;
    add(5);
    check();
  });

  it('an Int32 table keeps whole numbers, negative ones too', () => {
    const t = new NumberRows(2, 4, Int32Array);
    for (let i = 0; i < 100; i++) {
      const row = t.append();
      t.set(row, 0, i * 1_000_003);
      t.set(row, 1, -1 - i);
    }
    t.dropFirst(20);
    for (let i = 0; i < 80; i++) expect([t.get(i, 0), t.get(i, 1)]).toEqual([(i + 20) * 1_000_003, -21 - i]);
  });
});
