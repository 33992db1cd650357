import { describe, expect, it } from 'vitest';
import type { ClientOperation } from '../../../engine/clients/operations';
import { historyBars } from './bars';

const op = (o: Partial<ClientOperation> & Pick<ClientOperation, 'id' | 'client' | 'call'>): ClientOperation =>
  ({ op: { f: 'get', key: 'x' }, ret: null, outcome: 'unknown', ...o });

describe('history bars', () => {
  it('places each operation from invocation to reply over the window up to now, one row per client', () => {
    const ops = [
      op({ id: 1, client: 2, call: 100, ret: 200, outcome: 'ok', op: { f: 'set', key: 'x', value: '1' }, server: 1, index: 2 }),
      op({ id: 2, client: 1, call: 300, ret: 350, outcome: 'ok', value: '1', server: 1, read: 'leader' }),
      op({ id: 3, client: 1, call: 400 }),
    ];
    const l = historyBars(ops, 500, [1, 2], [2]);
    expect(l.clients).toEqual([1, 2]);
    expect([l.from, l.to]).toEqual([100, 500]);
    expect(l.bars.map((b) => [b.id, b.x0, b.x1, b.open])).toEqual([[1, 0, 0.25, false], [2, 0.5, 0.625, false], [3, 0.75, 1, true]]);
    expect(l.bars.map((b) => b.label)).toEqual(['set x 1 → ok', 'get x → 1', 'get x → ?']);
    expect(l.bars.map((b) => b.detail)).toEqual(['S1 · log index 2', 'S1 · read from its own store (as leader)', 'waiting for a reply (100 ms)']);
    expect(l.bars.map((b) => [b.flagged, b.stale])).toEqual([[true, false], [true, true], [false, false]]);
  });

  it('says what a failure or a give-up means', () => {
    const l = historyBars([
      op({ id: 1, client: 1, call: 0, ret: 10, outcome: 'fail', error: 'x is 2, not 1', server: 3, op: { f: 'cas', key: 'x', from: '1', to: '3' } }),
      op({ id: 2, client: 1, call: 20, ret: null, outcome: 'unknown', error: 'gave up after 3 tries' }),
    ], 100);
    expect(l.bars.map((b) => b.detail)).toEqual(['S3: x is 2, not 1', 'no reply: gave up after 3 tries; it may or may not have taken effect']);
  });
});
