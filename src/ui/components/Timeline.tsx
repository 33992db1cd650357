import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { BUCKETS, MARKER_COLOR, markerAt, paintMarks } from '../draw/timelinePaint';
import { useSim } from '../store/simStore';
import type { Marker } from '../../worker/protocol';

/** The timeline's end: 1, 2 or 5 times a power of ten seconds, so it changes rarely as the run grows. */
export function niceEnd(ms: number): number {
  for (let base = 1000; ; base *= 10) {
    for (const k of [1, 2, 5]) if (ms <= base * k) return base * k;
  }
}

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
      <div className="timeline-track">
        {/* How far the run has been computed: a scaled bar, so the playhead's refresh paints nothing else. */}
        <div className="timeline-computed" style={{ transform: `scaleX(${Math.min(1, frontier / end)})` }} />
        <Marks end={end} shown={shown} />
      </div>
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

/**
 * The marks above the scrubber, on a canvas: thousands of commits would otherwise be as
 * many elements, and every element makes each frame's rendering dearer. They change only
 * with the run's history, not with the playhead. Hovering a mark names it.
 */
const Marks = memo(function Marks({ end, shown }: { end: number; shown: Marker[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // The size comes from a ResizeObserver: reading it in a layout effect would force a layout.
  const size = useRef({ width: 0, height: 0 });
  const drawn = useRef({ end, shown });
  useLayoutEffect(() => {
    const el = canvas.current!;
    const resize = new ResizeObserver(([entry]) => {
      size.current = { width: entry.contentRect.width, height: entry.contentRect.height };
      drawMarks(el, size.current, drawn.current);
    });
    resize.observe(el);
    return () => resize.disconnect();
  }, []);
  useLayoutEffect(() => {
    drawn.current = { end, shown };
    drawMarks(canvas.current!, size.current, drawn.current);
  }, [end, shown]);
  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const m = markerAt(e.clientX - e.currentTarget.getBoundingClientRect().left, size.current.width, end, shown);
    const title = m?.label ?? '';
    if (e.currentTarget.title !== title) e.currentTarget.title = title;
  };
  return <canvas ref={canvas} className="timeline-marks" aria-hidden="true" onMouseMove={onMove} />;
});

function drawMarks(el: HTMLCanvasElement, size: { width: number; height: number }, t: { end: number; shown: Marker[] }): void {
  if (size.width === 0 || size.height === 0) return;
  const ratio = window.devicePixelRatio || 1;
  const [w, h] = [Math.round(size.width * ratio), Math.round(size.height * ratio)];
  if (el.width !== w || el.height !== h) { el.width = w; el.height = h; }
  const ctx = el.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  paintMarks(ctx, size.width, size.height, t.end, t.shown);
}
