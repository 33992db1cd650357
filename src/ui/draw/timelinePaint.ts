/**
 * Drawing the timeline: its marks (one for every election, new leader, commit and fault),
 * and the scrubber under them (how far the run has been computed, and the playhead). Pure
 * functions of their inputs, in virtual time.
 */
import type { Context2D } from './fitCanvas';
import type { Marker } from '../../worker/protocol';
import type { Palette } from '../theme';

/** Round ends, about 22% apart (the E12 series: 10, 12, 15 … 82 times a power of ten ms). */
const ROUND_ENDS = [10, 12, 15, 18, 22, 27, 33, 39, 47, 56, 68, 82];

/**
 * The timeline's end: the first round end at least a twentieth past the run, and at least 1 s.
 * So the slider spans what was run with a little room to go further (a 604 s run: 680 s, where
 * 1, 2 or 5 powers of ten made it 1,000 s and most of the slider ran on), and the end moves only
 * about twelve times while the run grows tenfold: each move repaints every mark.
 */
export function niceEnd(ms: number): number {
  for (let base = 100; ; base *= 10) {
    for (const k of ROUND_ENDS) if (base * k >= ms * 1.05) return base * k;
  }
}

/** The scrubber's rows (the marks' above the slider's) and its thumb's radius, as a range input draws its own. */
const SCRUB = { marks: 14, slider: 20, thumb: 8 } as const;

/**
 * Paints the computed range in the marks' row, and below it the slider with its thumb at
 * `time`, placed as a range input places its own: the input lies on top, unseen, and takes
 * the pointer and the keyboard.
 */
export function paintScrub(ctx: Context2D, width: number, time: number, frontier: number, end: number, palette: Palette): void {
  const { marks, slider, thumb } = SCRUB;
  ctx.clearRect(0, 0, width, marks + slider);
  ctx.fillStyle = palette.line;
  ctx.fillRect(0, 5, Math.min(1, frontier / end) * width, 4);
  const y = marks + slider / 2;
  const x = thumb + (width - 2 * thumb) * Math.min(1, Math.max(0, Math.floor(time) / end));
  ctx.beginPath(); ctx.roundRect(thumb, y - 2, width - 2 * thumb, 4, 2); ctx.fill();
  ctx.fillStyle = palette.accent;
  ctx.beginPath(); ctx.roundRect(thumb, y - 2, x - thumb, 4, 2); ctx.fill();
  ctx.beginPath(); ctx.arc(x, y, thumb, 0, Math.PI * 2); ctx.fill();
}

/** At most one marker of each kind per 1/BUCKETS of the timeline (see bucketMarkers). */
export const BUCKETS = 500;

/** Paints the marks on a track `width` x `height` CSS pixels, `end` virtual milliseconds long. */
export function paintMarks(ctx: Context2D, width: number, height: number, end: number, marks: readonly Marker[], palette: Palette): void {
  const px = width / end;
  const w = Math.max(1, width / BUCKETS);
  ctx.clearRect(0, 0, width, height);
  for (const m of marks) {
    ctx.fillStyle = palette.mark[m.kind];
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
