import { describe, expect, it } from 'vitest';
import { TRUE_CLOCK, withRate } from '../engine/sim/clock';
import type { Lease } from '../engine/clients/types';
import { lessonById, lessonScenario } from '../scenario/lessons';
import { parseScenario } from '../scenario/validate';
import { Controller } from './controller';
import { LeaseSpans } from './leaseSpans';

function lesson(id: string): Controller {
  const p = parseScenario(lessonScenario(lessonById(id)!));
  if (!p.ok) throw new Error(p.errors.join('; '));
  return new Controller(p.scenario);
}

/** The leases of the diagram's window of the last `span` ms before `t`, as the page asks for it. */
function leasesAt(c: Controller, t: number, span = 300) {
  c.seekTime(t);
  return c.spaceTimeWindow({ axis: 'time', from: t - span, to: t, limit: 1000 }).leases;
}

const last = <T>(xs: T[]) => xs[xs.length - 1];

describe('lease spans of lesson C5, on clocks that keep time', () => {
  it('each heartbeat round a majority answers grants a lease, which the next round renews', () => {
    const spans = leasesAt(lesson('raft-read-lease'), 301);
    // S3 leads term 1; its first round completed at 77 ms, granting the lease of the round from 44 ms: 44 + 135 = 179.
    expect(spans[0]).toMatchObject({ node: 3, term: 1, granted: { t: 77 }, from: 44, to: 179, endedBy: 'renewed', end: { t: 125 } });
    expect(spans.every((s) => s.node === 3)).toBe(true);
    for (let i = 1; i < spans.length; i++) expect(spans[i].granted).toEqual(spans[i - 1].end);
  });

  it('"S3 holds its lease, so it answers at once": the read at 231 ms is marked on the lease granted at 224', () => {
    const spans = leasesAt(lesson('raft-read-lease'), 252);
    const onLease = spans.filter((s) => s.reads.length > 0);
    expect(onLease).toHaveLength(1);
    expect(onLease[0]).toMatchObject({ granted: { t: 224 }, to: 328 });
    expect(onLease[0].reads.map((r) => r.t)).toEqual([231]);
  });

  it('"S3 is cut off": its lease granted at 270 holds until 359 by its clock, which is true time', () => {
    const held = last(leasesAt(lesson('raft-read-lease'), 301));
    expect(held).toMatchObject({ granted: { t: 270 }, from: 224, to: 359, trueEnd: 359, ownEnd: 359, end: null, endedBy: null, trueEndAt: null });
  });

  it('"S1 wins term 3, after S3\'s lease has run out on S3\'s clock": it ran out at 359, no renewal came', () => {
    const c = lesson('raft-read-lease');
    const ranOut = last(leasesAt(c, 616, 400));
    expect(ranOut).toMatchObject({ node: 3, granted: { t: 270 }, to: 359, ownEnd: 359, end: { t: 359 }, endedBy: 'ranOut', trueEndAt: null });
    // And at 1361 S1 answers on its own lease, of term 3.
    const s1 = leasesAt(c, 1361).filter((s) => s.node === 1);
    expect(s1.every((s) => s.term === 3)).toBe(true);
    expect(s1.flatMap((s) => s.reads.map((r) => r.t))).toEqual([1348]);
  });

  it('seeking back, a lease that ended later holds again, as it did then', () => {
    const c = lesson('raft-read-lease');
    c.seekTime(1400);
    expect(last(leasesAt(c, 301))).toMatchObject({ granted: { t: 270 }, end: null, endedBy: null, ownEnd: 359 });
    // The window reaches only as far as the playhead: S1's later leases are not in it.
    expect(leasesAt(c, 301, 2000).every((s) => s.node === 3)).toBe(true);
  });
});

describe('lease spans of lesson C6: S3\'s clock runs at a tenth of true time from 260 ms', () => {
  it('"Its lease, 135 ms on its clock, now lasts over a second of true time": granted at 270, until 359 by S3\'s clock, which reads that at 1250 ms', () => {
    const held = last(leasesAt(lesson('raft-lease-drift'), 301));
    expect(held).toMatchObject({ node: 3, granted: { t: 270 }, from: 224, to: 359, ownEnd: 1250, end: null, trueEndAt: null });
    // What it had left when granted (359 - 261 on its clock) counted in true time.
    expect(held.trueEnd).toBe(368);
  });

  it('"By true time S3\'s lease is over; by S3\'s slow clock it is not": true time passed its end at 368', () => {
    const held = last(leasesAt(lesson('raft-lease-drift'), 678, 500).filter((s) => s.node === 3));
    expect(held).toMatchObject({ to: 359, trueEnd: 368, trueEndAt: { t: 368 }, ownEnd: 1250, end: null });
  });

  it('"By S3\'s slow clock only 75 ms have passed since 260 ms: its lease holds": it answers x = 1 on it at 1014, while S5 holds a lease of its own', () => {
    const spans = leasesAt(lesson('raft-lease-drift'), 1015, 700);
    const s3 = spans.filter((s) => s.node === 3);
    expect(s3).toHaveLength(1);
    expect(s3[0]).toMatchObject({ granted: { t: 270 }, to: 359, trueEndAt: { t: 368 }, ownEnd: 1250, end: null });
    expect(s3[0].reads.map((r) => r.t)).toEqual([1014]);
    expect(last(spans.filter((s) => s.node === 5))).toMatchObject({ term: 3, end: null, trueEndAt: null });
  });
});

describe('lease spans, event by event', () => {
  const lease = (until: number | null, start: number, term = 1): Lease => ({ term, since: 0, start, acks: [1], until });
  const at = (t: number, seq: number) => ({ t, seq });

  it('a lease dropped by a crash ends there, and the window leaves out what ended before it', () => {
    const spans = new LeaseSpans(135);
    spans.record(at(10, 1), 1, lease(null, 10), TRUE_CLOCK, false);
    spans.record(at(40, 2), 1, lease(145, 40), TRUE_CLOCK, false);
    spans.record(at(60, 3), 1, null, TRUE_CLOCK, false);
    expect(spans.query('t', 0, 100, at(100, 3), [undefined, TRUE_CLOCK])).toEqual([expect.objectContaining({ granted: at(40, 2), to: 145, end: at(60, 3), endedBy: 'dropped', ownEnd: null })]);
    expect(spans.query('t', 61, 100, at(100, 3), [undefined, TRUE_CLOCK])).toEqual([]);
    expect(spans.query('seq', 3, 3, at(100, 3), [undefined, TRUE_CLOCK])).toHaveLength(1);
  });

  it('a lease that ran out before its clock slowed ended by the clock it ran on then', () => {
    const spans = new LeaseSpans(135);
    spans.record(at(40, 1), 1, lease(100, 40), TRUE_CLOCK, false);
    // No event between 100 and 150: at 150 the clock slows, and the lease had run out at 100.
    const slow = withRate(TRUE_CLOCK, 150, 0.1);
    spans.record(at(150, 2), 1, lease(100, 150), slow, false);
    expect(spans.query('t', 0, 200, at(200, 2), [undefined, slow])[0]).toMatchObject({ end: at(100, 2), endedBy: 'ranOut', ownEnd: 100, trueEndAt: null });
  });

  it('acting in the past forgets the leases granted after it and reopens one that ended after it', () => {
    const spans = new LeaseSpans(135);
    spans.record(at(40, 1), 1, lease(100, 40), TRUE_CLOCK, false);
    spans.record(at(80, 2), 1, lease(140, 80), TRUE_CLOCK, false);
    spans.truncate(1, [undefined, TRUE_CLOCK]);
    expect(spans.query('t', 0, 200, at(50, 1), [undefined, TRUE_CLOCK])).toEqual([expect.objectContaining({ granted: at(40, 1), end: null, ownEnd: 100 })]);
  });

  it('acting in the past forgets a clock\'s drift after it: the open lease runs out by the clock it had then', () => {
    const spans = new LeaseSpans(135);
    spans.record(at(40, 1), 1, lease(100, 40), TRUE_CLOCK, false);
    spans.record(at(50, 2), 1, lease(100, 50), withRate(TRUE_CLOCK, 50, 0.1), false);
    spans.truncate(1, [undefined, TRUE_CLOCK]);
    // An event on another node at 120: S1's clock, keeping time again, read 100 at 100.
    spans.record(at(120, 2), 2, null, TRUE_CLOCK, false);
    expect(spans.query('t', 0, 200, at(130, 3), [undefined, TRUE_CLOCK])[0]).toMatchObject({ end: at(100, 2), endedBy: 'ranOut', ownEnd: 100 });
  });
});
