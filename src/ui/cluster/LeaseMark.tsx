import { memo } from 'react';
import { readLease, type LeaseReading } from '../../engine/clients/leaseReading';
import { VIEW, type Point } from '../geometry/layout';
import { useSim } from '../store/simStore';

/** The gauge: from seven o'clock over the top to five o'clock, clear of the role label under the circle. */
const GAUGE_FROM = -150;
const GAUGE_SPAN = 300;
const RADIUS = VIEW.nodeRadius + 14;

/** What the mark draws, in whole milliseconds: it changes only when what is drawn does. */
interface Shown {
  status: LeaseReading['status'];
  left: number | null;
  length: number;
  ends: number | null;
  trueEnd: number | null;
  waiting: number;
  /** The leader's clock does not keep true time: when the lease ends in true time is worth saying. */
  drifting: boolean;
}

/**
 * A leader's lease on its glyph (read path `lease`), as the engine reads it (readLease) at the
 * moment shown: a gauge outside its timer ring, full for a whole lease, that drains as the
 * lease runs down on the leader's own clock, and under the role label what is left in words.
 * Holding by its clock only, true time past its end (a slow clock): red and dashed, and when
 * it ended in true time. Run out: the empty gauge, dashed, and the reads it holds.
 */
export const LeaseMark = memo(function LeaseMark({ id, at, below }: { id: number; at: Point; below: number }) {
  const key = useSim((s) => {
    const v = s.nodes[id];
    if (v?.lease === undefined || !v.up) return '';
    const r = readLease(v.lease.lease, v.lease.clock, v.lease.length, s.hud?.time ?? s.snapshot?.time ?? 0);
    const ms = (x: number | null) => (x === null ? null : Math.round(x));
    return JSON.stringify({ status: r.status, left: ms(r.left), length: r.length, ends: ms(r.endsByOwnClock), trueEnd: ms(r.endsInTrueTime), waiting: v.lease.waiting, drifting: v.lease.clock.rate !== 1 } satisfies Shown);
  });
  if (key === '') return null;
  const l = JSON.parse(key) as Shown;
  const [first, second] = words(id, l);
  const fraction = l.left === null ? 0 : Math.min(1, l.left / l.length);
  const y = VIEW.nodeRadius + 42;
  // A server low in a short view has room for one line under its role label, not two: then one line says both, briefly.
  const oneLine = second !== null && y + LINE + DESCENT > below;
  const shown = oneLine ? [brief(id, l)] : [first, second];
  return (
    <g
      className="lease"
      transform={`translate(${at.x},${at.y})`}
      data-lease-node={id}
      data-lease={l.status}
      data-lease-left={l.left ?? ''}
      data-lease-ends={l.ends ?? ''}
      data-lease-true-end={l.trueEnd ?? ''}
      data-lease-waiting={l.waiting}
      role="img"
      aria-label={`S${id}'s ${first}${second === null ? '' : `; ${second}`}`}
    >
      <path className="lease-track" d={arc(1)} />
      {fraction > 0 && <path className="lease-left" d={arc(fraction)} />}
      <text className="lease-text" y={y} data-lease-lines={oneLine ? 1 : second === null ? 1 : 2}>{shown[0]}</text>
      {shown[1] != null && <text className="lease-text lease-text-second" y={y + LINE}>{shown[1]}</text>}
    </g>
  );
});

/** The second line's baseline below the first's, and room under a baseline for descenders (view units, 15 px text). */
const LINE = 17;
const DESCENT = 4;

/** Both lines' news in one, where there is room for one only (the whole words stay in the mark's label). */
function brief(id: number, l: Shown): string {
  const waits = l.waiting === 0 ? '' : `; ${l.waiting} held`;
  switch (l.status) {
    case 'waiting': return `no lease yet${waits}`;
    case 'holds': return l.drifting && waits === '' ? `${l.left} ms left by S${id}'s clock, to ${l.ends} true` : `lease ${l.left} ms left${waits}`;
    case 'ownClockOnly': return `${l.left} ms left by S${id}'s clock; true end ${l.trueEnd}`;
    case 'ranOut': return `lease ran out at ${l.ends} ms${waits}`;
  }
}

/** The mark's words: what is left (or that it ran out), and what the class must see beside it. */
function words(id: number, l: Shown): [string, string | null] {
  const waits = l.waiting === 0 ? null : `${l.waiting} read${l.waiting === 1 ? '' : 's'} held`;
  switch (l.status) {
    case 'waiting': return ['no lease yet', waits];
    case 'holds': return l.drifting ? [`lease ${l.left} ms left by S${id}'s clock`, waits ?? `it ends at ${l.ends} ms true time`] : [`lease ${l.left} ms left`, waits];
    case 'ownClockOnly': return [`lease ${l.left} ms left by S${id}'s clock`, `true time: over at ${l.trueEnd} ms`];
    case 'ranOut': return [`lease ran out at ${l.ends} ms`, waits];
  }
}

/** The gauge's first `fraction`, clockwise from its start, around the circle's centre. */
function arc(fraction: number): string {
  const point = (deg: number) => {
    const a = (deg * Math.PI) / 180;
    return `${(RADIUS * Math.sin(a)).toFixed(2)},${(-RADIUS * Math.cos(a)).toFixed(2)}`;
  };
  const sweep = GAUGE_SPAN * fraction;
  return `M${point(GAUGE_FROM)}A${RADIUS},${RADIUS} 0 ${sweep > 180 ? 1 : 0} 1 ${point(GAUGE_FROM + sweep)}`;
}
