import { describe, expect, it } from 'vitest';
import { TRUE_CLOCK, withRate } from '../sim/clock';
import { leaseEnded, lockLeases, whenClockReads } from './lockLeases';
import type { ClientOperation } from './operations';

const acquire = (id: number, client: number, value: string | undefined, outcome: ClientOperation['outcome'] = 'ok'): ClientOperation => ({
  id, client, op: { f: 'acquire', key: 'L', lease: 300 }, call: 100, ret: 150, outcome, ...(value !== undefined ? { value } : {}),
});
const log: Record<number, string> = { 2: 'c1#1 acquire L 300 @163', 3: 'c2#1 acquire L 300 @360', 4: 'c2#2 acquire L 300 @618', 5: 'c1#2 set x 1' };
const committed = (index: number) => log[index] ?? null;

describe('the leases of granted acquires', () => {
  it('run from the stamp in the granting acquire\'s command to the stamp plus the lease asked for', () => {
    expect(lockLeases([acquire(1, 1, '2'), acquire(3, 2, '4')], committed)).toEqual([
      { id: 1, client: 1, key: 'L', token: 2, from: 163, until: 463, clock: null },
      { id: 3, client: 2, key: 'L', token: 4, from: 618, until: 918, clock: null },
    ]);
  });

  it('a refused acquire, one without a reply, and any other operation give none', () => {
    const refused: ClientOperation = { ...acquire(2, 2, undefined, 'fail'), error: 'L is held by client 1 (token 2) until 463' };
    const set: ClientOperation = { id: 5, client: 1, op: { f: 'set', key: 'x', value: '1' }, call: 0, ret: 10, outcome: 'ok' };
    expect(lockLeases([refused, acquire(4, 1, undefined, 'unknown'), set], committed)).toEqual([]);
  });

  it('a token whose command is not known committed, or is not this client\'s acquire, gives none', () => {
    expect(lockLeases([acquire(1, 1, '9')], committed)).toEqual([]);
    expect(lockLeases([acquire(1, 2, '2')], committed)).toEqual([]);
    expect(lockLeases([acquire(1, 1, '5')], committed)).toEqual([]);
    expect(lockLeases([acquire(1, 1, 'x'), acquire(2, 1, '0')], () => { throw new Error('no index to look up'); })).toEqual([]);
  });

  it('in true time: from the moment of the stamp to when the stamping leader\'s clock reads its end', () => {
    // S1's clock runs at half speed from 100: at true 226 it reads 163; it reads 463 at true 826.
    const slow = withRate(TRUE_CLOCK, 100, 0.5);
    const stamping = (client: number, seq: number, stamp: number) => (client === 1 && seq === 1 && stamp === 163 ? { node: 1, t: 226, clock: slow } : null);
    expect(lockLeases([acquire(1, 1, '2'), acquire(3, 2, '4')], committed, stamping, () => slow)).toEqual([
      { id: 1, client: 1, key: 'L', token: 2, from: 226, until: 826, clock: { node: 1, from: 163, until: 463 } },
      // No stamping known for client 2's: the readings, and no clock named.
      { id: 3, client: 2, key: 'L', token: 4, from: 618, until: 918, clock: null },
    ]);
  });

  it('a clock that changed rate after the stamp is read on the segment its end falls in', () => {
    const stamped = { node: 1, t: 200, clock: TRUE_CLOCK };
    // Back to true time's rate at 300 (reading 300), then half speed: 463 is read at 300 + 163 / 0.5.
    expect(whenClockReads(463, stamped, withRate(TRUE_CLOCK, 300, 0.5))).toBe(626);
    // Slowed only after the end was read: the end stands where the stamp's clock put it.
    expect(whenClockReads(463, stamped, withRate(TRUE_CLOCK, 500, 0.5))).toBe(463);
    expect(whenClockReads(463, stamped, TRUE_CLOCK)).toBe(463);
  });

  it('has ended from its end on, not before', () => {
    const [lease] = lockLeases([acquire(1, 1, '2')], committed);
    expect(leaseEnded(lease, 462)).toBe(false);
    expect(leaseEnded(lease, 463)).toBe(true);
  });
});
