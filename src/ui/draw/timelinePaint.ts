/**
 * Drawing the timeline's marks: one for every election, new leader, commit and fault. A
 * pure function of its inputs, in virtual time.
 */
import type { Marker } from '../../worker/protocol';

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export const MARKER_COLOR: Record<Marker['kind'], string> = {
  election: '#1d4ed8', leader: '#b45309', commit: '#15803d', fault: '#b91c1c',
};

/** At most one marker of each kind per 1/BUCKETS of the timeline (see bucketMarkers). */
export const BUCKETS = 500;

/** Paints the marks on a track `width` x `height` CSS pixels, `end` virtual milliseconds long. */
export function paintMarks(ctx: Context, width: number, height: number, end: number, marks: readonly Marker[]): void {
  const px = width / end;
  const w = Math.max(1, width / BUCKETS);
  ctx.clearRect(0, 0, width, height);
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
