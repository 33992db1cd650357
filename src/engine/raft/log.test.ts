import { describe, expect, it } from 'vitest';
import { Log } from './log';
import type { LogEntry } from './types';

const t = (term: number, command: string): LogEntry => ({ term, command });

describe('Log: a value that shares storage instead of copying', () => {
  it('an append leaves every earlier log as it was', () => {
    const a = Log.of([t(1, 'a')]);
    const b = a.append([t(1, 'b')]);
    const c = b.append([t(2, 'c'), t(2, 'd')]);
    expect(a.slice()).toEqual([t(1, 'a')]);
    expect(b.slice()).toEqual([t(1, 'a'), t(1, 'b')]);
    expect(c.slice()).toEqual([t(1, 'a'), t(1, 'b'), t(2, 'c'), t(2, 'd')]);
    expect([c.length, c.lastTerm, c.get(1), c.at(-1)]).toEqual([4, 2, t(1, 'b'), t(2, 'd')]);
  });

  it('two logs grown from one earlier log differ without disturbing each other', () => {
    const base = Log.of([t(1, 'a'), t(1, 'b')]);
    const tip = base.append([t(1, 'c')]);
    const other = base.truncate(1).append([t(2, 'x')]);
    const again = base.append([t(3, 'y')]);
    expect(tip.slice()).toEqual([t(1, 'a'), t(1, 'b'), t(1, 'c')]);
    expect(other.slice()).toEqual([t(1, 'a'), t(2, 'x')]);
    expect(again.slice()).toEqual([t(1, 'a'), t(1, 'b'), t(3, 'y')]);
    expect(base.slice()).toEqual([t(1, 'a'), t(1, 'b')]);
  });

  it('nothing past a log\'s own length shows through get, at, slice or lastTerm', () => {
    const short = Log.of([t(1, 'a')]);
    short.append([t(4, 'b'), t(4, 'c')]);
    expect([short.get(1), short.at(1), short.slice(0, 5), short.lastTerm]).toEqual([undefined, undefined, [t(1, 'a')], 1]);
  });

  it('a replay that appends the same entries to an earlier log reuses them', () => {
    const base = Log.of([t(1, 'a')]);
    const first = base.append([t(1, 'b'), t(1, 'c')]);
    const replay = base.append([t(1, 'b'), t(1, 'c')]);
    expect(replay.slice()).toEqual(first.slice());
    expect(Log.commonPrefix(first, replay)).toBe(3);
  });

  it('truncate and slice follow Array.prototype.slice for negative bounds (the truncateOffByOne mutant at prefixLen 0)', () => {
    const log = Log.of([t(1, 'a'), t(1, 'b'), t(1, 'c')]);
    expect(log.truncate(-1).slice()).toEqual([t(1, 'a'), t(1, 'b')]);
    expect(log.slice(-2)).toEqual([t(1, 'b'), t(1, 'c')]);
    expect(log.truncate(5)).toBe(log);
  });

  it('commonPrefix compares by value across unrelated logs', () => {
    const a = Log.of([t(1, 'a'), t(2, 'b'), t(2, 'c')]);
    expect(Log.commonPrefix(a, Log.of([t(1, 'a'), t(2, 'b'), t(3, 'c')]))).toBe(2);
    expect(Log.commonPrefix(a, Log.of([t(1, 'a')]))).toBe(1);
    expect(Log.commonPrefix(a, a.truncate(2).append([t(9, 'z')]))).toBe(2);
  });

  it('serialises as the plain array of its entries', () => {
    const log = Log.of([t(1, 'a')]);
    log.append([t(1, 'b')]);
    expect(JSON.parse(JSON.stringify({ log }))).toEqual({ log: [t(1, 'a')] });
  });
});
