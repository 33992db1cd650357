import { describe, expect, it } from 'vitest';
import type { ClientOperation } from '../../../engine/clients/operations';
import { historyBars, leaseSpanText, placeLabels } from './bars';

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

  it('places each attempt of an operation on its own bar, where it was sent', () => {
    const l = historyBars([op({ id: 1, client: 1, call: 200, ret: 400, outcome: 'ok', value: '1', server: 1 }), op({ id: 2, client: 1, call: 450 })], 500, [], [], [], [
      { op: 1, attempt: 1, at: 200, seq: 5, to: 1, why: 'first' },
      { op: 1, attempt: 2, at: 300, seq: 9, to: 2, why: 'retry' },
      { op: 1, attempt: 3, at: 350, seq: 12, to: 1, why: 'redirect' },
      { op: 2, attempt: 1, at: 450, seq: 20, to: 1, why: 'first' },
    ]);
    expect(l.bars[0].tries.map((t) => [t.attempt, t.to, t.why, t.at])).toEqual([[1, 1, 'first', 0], [2, 2, 'retry', 0.5], [3, 1, 'redirect', 0.75]]);
    expect(l.bars[1].tries.map((t) => t.attempt)).toEqual([1]);
  });

  it('says what a failure or a give-up means', () => {
    const l = historyBars([
      op({ id: 1, client: 1, call: 0, ret: 10, outcome: 'fail', error: 'x is 2, not 1', server: 3, op: { f: 'cas', key: 'x', from: '1', to: '3' } }),
      op({ id: 2, client: 1, call: 20, ret: null, outcome: 'unknown', error: 'gave up after 3 tries' }),
    ], 100);
    expect(l.bars.map((b) => b.detail)).toEqual(['S3: x is 2, not 1', 'no reply: gave up after 3 tries; it may or may not have taken effect']);
  });

  it('places labels beside their bars without running into the next bar, the previous one, or a label placed before', () => {
    // Over 1000 px: client 1 has bars at 0-20, 100-120, 900-1000; client 2 one bar at 500-520.
    const l = historyBars([
      op({ id: 1, client: 1, call: 0, ret: 20, outcome: 'ok' }),
      op({ id: 2, client: 1, call: 100, ret: 120, outcome: 'ok' }),
      op({ id: 3, client: 1, call: 900, ret: 1000, outcome: 'ok' }),
      op({ id: 4, client: 2, call: 500, ret: 520, outcome: 'ok' }),
    ], 1000);
    const widths: Record<number, number> = { 1: 60, 2: 150, 3: 50, 4: 80 };
    const places = placeLabels(l.bars, 1000, (b) => widths[b.id]);
    // 1 fits between its bar and the next (72 px of room); 2 fits right (772); 3 has no room right, fits left of its bar.
    expect(places.get(1)).toEqual({ side: 'right', max: null });
    expect(places.get(2)).toEqual({ side: 'right', max: null });
    expect(places.get(3)).toEqual({ side: 'left', max: null });
    expect(places.get(4)).toEqual({ side: 'right', max: null });
    // Narrower: 1's label has 32 px right of it and none left (the lane starts there): whole, in the row below, under its bar.
    const tight = placeLabels(l.bars, 500, (b) => widths[b.id]);
    expect(tight.get(1)).toEqual({ side: 'below', max: null, dx: 0 });
    // 2 starts at 50; its left holds 1's cut label (up to 46): the right has room (500 * 0.9 - 60 - 8).
    expect(tight.get(2)).toEqual({ side: 'right', max: null });
  });

  it('a label with room on neither side goes whole to the row below, under its bar and as far left as the labels there allow', () => {
    const l = historyBars([
      op({ id: 1, client: 1, call: 0, ret: 10, outcome: 'ok' }),
      op({ id: 2, client: 1, call: 50, ret: 60, outcome: 'ok' }),
      op({ id: 3, client: 1, call: 80, ret: 100, outcome: 'ok' }),
    ], 100);
    const places = placeLabels(l.bars, 1000, () => 200);
    // 1: 400 px to the next bar (at 500): whole, ending at 100 + 4 + 200 = 304. 2: 192 right of it (to 800), 188 left (from 304): below, ending with its bar, from 400 to 600.
    expect(places.get(1)).toEqual({ side: 'right', max: null });
    expect(places.get(2)).toEqual({ side: 'below', max: null, dx: -100 });
    // 3 (800 to 1000) ends the lane: 192 px left of it; below, the row is free from 604 on: under its bar, ending with the lane.
    expect(places.get(3)).toEqual({ side: 'below', max: null, dx: 0 });
    // Labels of 450 px: 1 and 2 fill the row below (0 to 450, 454 to 904); 3 fits there no more, and is cut to the 192 px left of it.
    const wide = placeLabels(l.bars, 1000, () => 450);
    expect(wide.get(1)).toEqual({ side: 'below', max: null, dx: 0 });
    expect(wide.get(2)).toEqual({ side: 'below', max: null, dx: -46 });
    expect(wide.get(3)).toEqual({ side: 'left', max: 192 });
  });

  it('a bar as long as the lane holds its own label: C4\'s retried increment reads "incr n → 1" at the step that says so', () => {
    // 200 to 360 ms, the whole window, in a 470 px track (1280x720): no room beside the bar.
    const l = historyBars([op({ id: 1, client: 1, call: 200, ret: 359, outcome: 'ok' })], 360);
    expect(placeLabels(l.bars, 470, () => 72).get(1)).toEqual({ side: 'inside', max: null });
    // A short bar at the lane's end still takes its left.
    const s = historyBars([op({ id: 1, client: 1, call: 0, ret: 10, outcome: 'ok' }), op({ id: 2, client: 1, call: 95, ret: 100, outcome: 'ok' })], 100);
    expect(placeLabels(s.bars, 470, () => 72).get(2)).toEqual({ side: 'left', max: null });
  });
});

describe('lock lease spans', () => {
  const acquire = op({ id: 1, client: 1, call: 100, ret: 150, outcome: 'ok', value: '2', op: { f: 'acquire', key: 'L', lease: 300 } });
  const lease = { id: 1, client: 1, key: 'L', token: 2, from: 120, until: 420, clock: { node: 1, from: 120, until: 420 } };

  it('a lease that holds now runs from its stamp to the window\'s end, open', () => {
    const l = historyBars([acquire], 300, [], [], [lease]);
    expect(l.spans.map((s) => [s.x0, s.x1, s.ended, s.label])).toEqual([[0.1, 1, false, 'L lease until 420 ms']]);
  });

  it('once now has passed its end, it is closed there', () => {
    const l = historyBars([acquire], 500, [], [], [lease]);
    expect(l.spans.map((s) => [s.x0, s.x1, s.ended])).toEqual([[0.05, 0.8, true]]);
  });

  it('is drawn in true time; on a slow stamping clock the words give that clock\'s reading too, and an unknown clock is said', () => {
    // S1's clock at half speed: stamped 120 at true 120, its end (420 on S1's clock) at 720 true time.
    const slow = { ...lease, until: 720 };
    const l = historyBars([acquire], 600, [], [], [slow]);
    expect(l.spans.map((s) => [s.x1, s.ended, s.label])).toEqual([[1, false, 'L lease until 720 ms (S1\'s clock: 420)']]);
    expect(historyBars([acquire], 800, [], [], [slow]).spans[0].ended).toBe(true);
    expect(leaseSpanText(slow)).toBe('from 120 to 720 ms true time, stamped by S1: 120 to 420 ms on its clock');
    const unknown = { ...lease, clock: null };
    expect(historyBars([acquire], 300, [], [], [unknown]).spans[0].label).toBe('L lease until 420 ms by the leader\'s clock');
    expect(leaseSpanText(unknown)).toBe('from 120 to 420 ms on the stamping leader\'s clock (when it stamped is not known)');
  });
});
