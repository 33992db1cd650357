import { describe, expect, it } from 'vitest';
import { TRUE_CLOCK, withRate } from '../sim/clock';
import { LESSONS } from '../../scenario/lessons';
import { toActions, toSimConfig } from '../../scenario/config';
import { parseScenario } from '../../scenario/validate';
import { Run } from '../run';
import { leaseLength, readLease } from './leaseReading';
import type { Lease } from './types';

const LENGTH = leaseLength(150);
/** Granted at true 270 by a round that began at 224 (its clock read 261 at the grant): 224 + 135 on its clock. */
const granted: Lease = { term: 1, since: 270, start: 261, acks: [3], until: 359 };

describe('readLease', () => {
  it('a lease is 90% of the minimum election timeout on the leader\'s clock', () => {
    expect(LENGTH).toBe(135);
  });

  it('before a majority has answered a round, there is no lease to read', () => {
    expect(readLease({ ...granted, until: null }, TRUE_CLOCK, LENGTH, 300)).toEqual({
      status: 'waiting', left: null, length: 135, granted: null, endsByOwnClock: null, endsInTrueTime: null,
    });
  });

  it('on a clock that keeps time it drains with true time, and runs out when true time reaches its end', () => {
    const lease: Lease = { ...granted, start: 270 };
    expect(readLease(lease, TRUE_CLOCK, LENGTH, 300)).toMatchObject({ status: 'holds', left: 59, granted: 270, endsByOwnClock: 359, endsInTrueTime: 359 });
    expect(readLease(lease, TRUE_CLOCK, LENGTH, 358.5)).toMatchObject({ status: 'holds', left: 0.5 });
    expect(readLease(lease, TRUE_CLOCK, LENGTH, 359)).toMatchObject({ status: 'ranOut', left: 0 });
    expect(readLease(lease, TRUE_CLOCK, LENGTH, 1000)).toMatchObject({ status: 'ranOut', left: 0, endsByOwnClock: 359 });
  });

  it('on a slow clock it holds by that clock long after true time has passed its end', () => {
    const slow = withRate(TRUE_CLOCK, 260, 0.1);
    // What it had left when granted (98 ms on its clock) counted in true time: over at 368.
    expect(readLease(granted, slow, LENGTH, 300)).toMatchObject({ status: 'holds', left: 95, endsInTrueTime: 368, endsByOwnClock: 1250 });
    const late = readLease(granted, slow, LENGTH, 1015);
    expect(late.status).toBe('ownClockOnly');
    expect(late.left).toBeCloseTo(23.5, 9);
    expect(readLease(granted, slow, LENGTH, 1250)).toMatchObject({ status: 'ranOut', left: 0 });
  });

  it('on a fast clock it runs out early: before its end in true time', () => {
    const fast = withRate(TRUE_CLOCK, 0, 2);
    const lease: Lease = { ...granted, start: 540, until: 600 };
    expect(readLease(lease, fast, LENGTH, 280)).toMatchObject({ status: 'holds', left: 40, endsByOwnClock: 300, endsInTrueTime: 330 });
    expect(readLease(lease, fast, LENGTH, 300)).toMatchObject({ status: 'ranOut' });
  });

  it('a lease that ran out before the clock changed rate ended no later than that change', () => {
    const lease: Lease = { ...granted, start: 270 };
    expect(readLease(lease, withRate(TRUE_CLOCK, 500, 0.5), LENGTH, 600)).toMatchObject({ status: 'ranOut', endsByOwnClock: 359 });
  });
});

/** The lessons' run at true time `t`: S`node`'s lease read as the view reads it. */
function leaseIn(lesson: string, node: number, t: number) {
  const parsed = parseScenario(LESSONS.find((l) => l.id === lesson)!.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const run = new Run(toSimConfig(parsed.scenario), toActions(parsed.scenario));
  run.runUntil(t);
  const lease = run.sim.world.clients!.servers[node].lease;
  return lease === null ? null : readLease(lease, run.sim.world.nodes[node].clock, LENGTH, t);
}

describe('the leases of lessons C5 and C6, as their narration tells them', () => {
  it('C5: S3 holds its lease when it answers at once, and it has run out, by its own clock, when S1 is elected', () => {
    expect(leaseIn('raft-read-lease', 3, 252)).toMatchObject({ status: 'holds' });
    expect(leaseIn('raft-read-lease', 3, 616)).toMatchObject({ status: 'ranOut', endsByOwnClock: 359, endsInTrueTime: 359 });
    expect(leaseIn('raft-read-lease', 1, 616)).toMatchObject({ status: 'waiting' });
    expect(leaseIn('raft-read-lease', 3, 1014)).toMatchObject({ status: 'ranOut', left: 0 });
    expect(leaseIn('raft-read-lease', 1, 1361)).toMatchObject({ status: 'holds' });
  });

  it('C6: once S5 is elected S3\'s lease is over by true time, not by its slow clock; at 1015 75 ms of its clock have passed since 260', () => {
    const at678 = leaseIn('raft-lease-drift', 3, 678)!;
    expect(at678.status).toBe('ownClockOnly');
    expect(at678.endsInTrueTime).toBeLessThan(678);
    const at1015 = leaseIn('raft-lease-drift', 3, 1015)!;
    expect(at1015.status).toBe('ownClockOnly');
    // Its clock reads 260 + 75.5 = 335.5; the lease ends at 359 on it.
    expect(at1015.left).toBeCloseTo(359 - 335.5, 9);
    expect(at1015.endsByOwnClock).toBeCloseTo(1250, 9);
  });
});
