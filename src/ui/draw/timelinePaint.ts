/**
 * Drawing the timeline's track: how far the run has been computed, and a mark for every
 * election, new leader, commit and fault. A pure function of its inputs, in virtual time.
 */
import type { Marker } from '../../worker/protocol';

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export const MARKER_COLOR: Record<Marker['kind'], string> = {
  election: '#1d4ed8', leader: '#b45309', commit: '#15803d', fault: '#b91c1c',
};
const COMPUTED = '#cbd5e1';

/** At most one marker of each kind per 1/BUCKETS of the timeline (see bucketMarkers). */
export const BUCKETS = 500;

/** Paints the track `width` x `height` CSS pixels wide, `end` virtual milliseconds long. */
export function paintTimeline(ctx: Context, width: number, height: number, end: number, frontier: number, marks: readonly Marker[]): void {
  const px = width / end;
  const w = Math.max(1, width / BUCKETS);
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = COMPUTED;
  ctx.fillRect(0, height * 0.36, frontier * px, height * 0.28);
  for (const m of marks) {
    ctx.fillStyle = MARKER_COLOR[m.kind];
    if (m.kind === 'commit') ctx.fillRect(m.t * px, height * 0.57, w, height * 0.43);
    else ctx.fillRect(m.t * px, 0, w, height);
  }
}

/** The marker under x (CSS pixels), within a few pixels either side, for a hover title. */
export function markerAt(x: number, width: number, end: number, marks: readonly Marker[]): Marker | null {
  const t = (x / width) * end;
  const slack = (4 / width) * end;
  let best: Marker | null = null;
  for (const m of marks) {
    if (Math.abs(m.t - t) <= slack && (best === null || Math.abs(m.t - t) < Math.abs(best.t - t))) best = m;
  }
  return best;
}
