import { arc } from 'd3';
import { memo } from 'react';
import { VIEW, type Point } from '../geometry/layout';
import { useSim } from '../store/simStore';

const ring = arc<{ end: number }>().innerRadius(VIEW.nodeRadius + 3).outerRadius(VIEW.nodeRadius + 8).startAngle(0).endAngle((d) => d.end);

/**
 * The election timer as a ring that empties as virtual time nears its deadline; on a
 * leader, the heartbeat timer refilling. A function of virtual time only: pausing freezes it.
 */
export const TimerRing = memo(function TimerRing({ id, at }: { id: number; at: Point }) {
  const timers = useSim((s) => s.nodes[id]?.timers);
  const up = useSim((s) => s.nodes[id]?.up ?? false);
  const time = useSim((s) => s.snapshot?.time ?? 0);
  if (!up || timers === undefined) return null;
  const election = timers.election;
  const heartbeat = timers.heartbeat;
  const t = election ?? heartbeat;
  if (t === undefined) return null;
  const span = Math.max(1, t.at - t.since);
  const left = Math.min(1, Math.max(0, (t.at - time) / span));
  const fraction = election !== undefined ? left : 1 - left;
  const d = ring({ end: 2 * Math.PI * fraction }) ?? '';
  return (
    <g transform={`translate(${at.x},${at.y})`} className="timer" data-timer={election !== undefined ? 'election' : 'heartbeat'}>
      <path d={ring({ end: 2 * Math.PI }) ?? ''} className="timer-track" />
      <path d={d} className={election !== undefined ? 'timer-election' : 'timer-heartbeat'} />
    </g>
  );
});
