import { memo, useMemo, useRef } from 'react';
import { useSim } from '../store/simStore';
import type { Marker } from '../../worker/protocol';

const MARKER_COLOR: Record<Marker['kind'], string> = {
  election: '#1d4ed8', leader: '#b45309', commit: '#15803d', fault: '#b91c1c',
};

/** The timeline's end: 1, 2 or 5 times a power of ten seconds, so it changes rarely as the run grows. */
export function niceEnd(ms: number): number {
  for (let base = 1000; ; base *= 10) {
    for (const k of [1, 2, 5]) if (ms <= base * k) return base * k;
  }
}

const BUCKETS = 500;

/** At most one marker of each kind per 1/500 of the timeline: thousands of commits stay cheap to draw. */
export function bucketMarkers(markers: readonly Marker[], end: number): Marker[] {
  const seen = new Set<string>();
  const out: Marker[] = [];
  for (const m of markers) {
    const key = `${m.kind}${Math.floor((m.t / end) * BUCKETS)}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(m);
    }
  }
  return out;
}

/** The scrubber: drag through the run; markers show elections, new leaders, commits and faults. */
export function Timeline() {
  const time = useSim((s) => s.hud?.time ?? 0);
  const frontier = useSim((s) => s.hud?.frontier.time ?? 0);
  const markers = useSim((s) => s.info?.markers ?? s.markers);
  const send = useSim((s) => s.send);
  const pending = useRef<number | null>(null);
  const end = niceEnd(Math.max(frontier, time));
  const shown = useMemo(() => bucketMarkers(markers, end), [markers, end]);
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
      {/* Drawn in virtual milliseconds: markers keep their coordinates while the run grows. */}
      <svg className="timeline-marks" viewBox={`0 0 ${end} 14`} preserveAspectRatio="none" aria-hidden="true">
        <rect x={0} y={5} width={frontier} height={4} className="timeline-computed" />
        <Marks shown={shown} end={end} />
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

/** The markers change only with the run's history, not with the playhead: kept out of its 15 Hz refresh. */
const Marks = memo(function Marks({ shown, end }: { shown: Marker[]; end: number }) {
  return shown.map((m) => (
    <rect key={m.seq} x={m.t} y={m.kind === 'commit' ? 8 : 0} width={end / BUCKETS} height={m.kind === 'commit' ? 6 : 14} fill={MARKER_COLOR[m.kind]}>
      <title>{m.label}</title>
    </rect>
  ));
});
