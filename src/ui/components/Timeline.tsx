import { useRef } from 'react';
import { useSim } from '../store/simStore';
import type { Marker } from '../../worker/protocol';

const MARKER_COLOR: Record<Marker['kind'], string> = {
  election: '#1d4ed8', leader: '#b45309', commit: '#15803d', fault: '#b91c1c',
};

/** The scrubber: drag through the run; markers show elections, new leaders, commits and faults. */
export function Timeline() {
  const time = useSim((s) => s.snapshot?.time ?? 0);
  const frontier = useSim((s) => s.snapshot?.frontier.time ?? 0);
  const markers = useSim((s) => s.markers);
  const send = useSim((s) => s.send);
  const pending = useRef<number | null>(null);
  const end = Math.max(1000, frontier, time);
  const seek = (t: number) => {
    // At most one seek per animation frame while dragging.
    if (pending.current !== null) cancelAnimationFrame(pending.current);
    pending.current = requestAnimationFrame(() => {
      pending.current = null;
      send({ type: 'seekTime', time: t });
    });
  };
  return (
    <div className="timeline">
      <svg className="timeline-marks" viewBox={`0 0 1000 14`} preserveAspectRatio="none" aria-hidden="true">
        <rect x={0} y={5} width={(1000 * frontier) / end} height={4} className="timeline-computed" />
        {markers.map((m) => (
          <rect key={m.seq} x={(1000 * m.t) / end - 1} y={m.kind === 'commit' ? 8 : 0} width={2} height={m.kind === 'commit' ? 6 : 14} fill={MARKER_COLOR[m.kind]}>
            <title>{m.label}</title>
          </rect>
        ))}
      </svg>
      <input
        type="range"
        min={0}
        max={end}
        step={1}
        value={Math.floor(time)}
        aria-label="Timeline"
        aria-valuetext={`${(time / 1000).toFixed(3)} seconds`}
        onChange={(e) => seek(Number(e.target.value))}
      />
      <div className="timeline-keys" aria-hidden="true">
        {(Object.keys(MARKER_COLOR) as Marker['kind'][]).map((k) => <span key={k}><i style={{ background: MARKER_COLOR[k] }} />{k}</span>)}
      </div>
    </div>
  );
}
