import { memo, useContext, useMemo, useRef } from 'react';
import { usePalette } from '../shell/themeState';
import { BUCKETS, markerAt, niceEnd, paintMarks, paintScrub } from '../draw/timelinePaint';
import { viewOf } from '../protocolView';
import { SimContext, useSim } from '../store/simStore';
import type { Marker } from '../../worker/protocol';
import { usePaintedCanvas } from './usePaintedCanvas';

const KINDS: readonly Marker['kind'][] = ['election', 'leader', 'commit', 'fault'];

/** At most one marker of each kind per 1/500 of the timeline: thousands of commits stay cheap to draw. */
export function bucketMarkers(markers: readonly Marker[], end: number): Marker[] {
  // A flag per (bucket, kind): this runs over thousands of markers at every refresh of the marks.
  const seen = new Uint8Array((BUCKETS + 1) * KINDS.length);
  const out: Marker[] = [];
  for (const m of markers) {
    const key = Math.min(BUCKETS, Math.floor((m.t / end) * BUCKETS)) * KINDS.length + KINDS.indexOf(m.kind);
    if (seen[key] === 0) {
      seen[key] = 1;
      out.push(m);
    }
  }
  return out;
}

/**
 * The scrubber: drag through the run; markers show elections, new leaders, commits and
 * faults, under the names the protocol's descriptor gives them. The computed range and the
 * playhead are painted on a canvas with the clock's refresh; over them lies the range
 * input, unseen, which takes the pointer and the keyboard and whose value follows the run
 * at the slow panels' pace while playing (exactly when paused). A range input moved fifteen times a second cost each of those frames a layout
 * and a repaint of the page around it.
 */
export function Timeline() {
  const time = useSim((s) => s.hud?.time ?? 0);
  const frontier = useSim((s) => s.hud?.frontier.time ?? 0);
  const markers = useSim((s) => s.info?.markers ?? s.markers);
  const marks = viewOf(useSim((s) => s.snapshot?.protocol ?? 'raft')).marks;
  const end = niceEnd(Math.max(frontier, time));
  const shown = useMemo(() => bucketMarkers(markers, end), [markers, end]);
  const palette = usePalette();
  const { canvas } = usePaintedCanvas((ctx, width) => paintScrub(ctx, width, time, frontier, end, palette), [time, frontier, end, palette]);
  return (
    <div className="timeline">
      <div className="timeline-scrub">
        <canvas ref={canvas} className="timeline-face" aria-hidden="true" />
        <Marks end={end} shown={shown} />
        <Scrubber end={end} />
      </div>
      <div className="timeline-keys" aria-hidden="true">
        {(['election', 'leader', 'commit', 'fault'] as Marker['kind'][]).map((k) => marks[k] !== null && <span key={k}><i style={{ background: palette.mark[k] }} />{marks[k]}</span>)}
      </div>
    </div>
  );
}

export const RUNS_ON = 'Beyond the run so far: the simulation runs on to that moment.';

/** The range input: unseen, on the slider's row; it re-renders with the slow panels, not with the clock. */
const Scrubber = memo(function Scrubber({ end }: { end: number }) {
  const time = useSim((s) => s.info?.snapshot.time ?? 0);
  const send = useSim((s) => s.send);
  const store = useContext(SimContext)!;
  const pending = useRef<number | null>(null);
  const seek = (t: number) => {
    // The slider reaches a little past the run: a moment there is simulated first, and says so.
    const frontier = store.getState().hud?.frontier.time ?? 0;
    if (t > frontier) store.getState().notify(RUNS_ON);
    // At most one seek per animation frame while dragging.
    if (pending.current !== null) cancelAnimationFrame(pending.current);
    pending.current = requestAnimationFrame(() => {
      pending.current = null;
      send({ type: 'seekTime', time: t });
    });
  };
  return (
    <input
      type="range"
      min={0}
      max={end}
      step={1}
      value={Math.floor(time)}
      aria-label="Timeline"
      data-timeline-slider
      aria-valuetext={`${(time / 1000).toFixed(3)} seconds`}
      onChange={(e) => seek(Number(e.target.value))}
    />
  );
});

/**
 * The marks above the scrubber, on a canvas: thousands of commits would otherwise be as
 * many elements, and every element makes each frame's rendering dearer. They change only
 * with the run's history, not with the playhead. Hovering a mark names it.
 */
const Marks = memo(function Marks({ end, shown }: { end: number; shown: Marker[] }) {
  const palette = usePalette();
  const { canvas, size } = usePaintedCanvas((ctx, width, height) => paintMarks(ctx, width, height, end, shown, palette), [end, shown, palette]);
  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const m = markerAt(e.clientX - e.currentTarget.getBoundingClientRect().left, size.current.width, end, shown);
    const title = m?.label ?? '';
    if (e.currentTarget.title !== title) e.currentTarget.title = title;
  };
  return <canvas ref={canvas} className="timeline-marks" aria-hidden="true" onMouseMove={onMove} />;
});
