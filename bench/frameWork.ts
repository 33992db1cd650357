/**
 * What the renderer's main thread did in each frame, from a Chromium trace: how many times it
 * laid the page out and how much of it (Layout events carry the objects marked dirty and the
 * root each layout started from), how many elements had their style recalculated
 * (UpdateLayoutTree), and the CPU time of each stage of the frame's rendering. So bench:ui
 * prints the cause of a costly frame, not only its cost.
 */
import type { TraceEvent } from './cpuProfile';

/** The stages summed per frame, by trace event name (their self time is what the stage cost). */
const STAGES = ['FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'] as const;
type Stage = typeof STAGES[number];

export interface FrameWork {
  /** Thread CPU ms per stage in this frame (inclusive of the stage's children, as DevTools shows it). */
  ms: Record<Stage, number>;
  layouts: number;
  /** Layout objects marked dirty, summed over the frame's layouts. */
  dirty: number;
  /** Layout objects in the whole tree at the frame's last layout. */
  total: number;
  /** Layouts that started from the document (no smaller relayout boundary held the change). */
  fromDocument: number;
  /** Elements whose style was recalculated. */
  styled: number;
  /** The app's views that refreshed in this frame (see placeRefreshes). */
  refreshed: string[];
  /** Snapshots the page's store merged in this frame (the store notes each merge as SNAPSHOT_MERGED). */
  merges: number;
}

interface LayoutArgs {
  beginData?: { dirtyObjects?: number; totalObjects?: number };
  endData?: { layoutRoots?: { nodeName?: string }[] };
  elementCount?: number;
}

/**
 * Sorts the main thread's stage events into the frames bounded by `edges` (BeginFrame times,
 * trace µs), each by its start. Nested stages of one name (a FunctionCall inside another) are
 * counted once, by the outer one.
 */
export function frameWork(events: TraceEvent[], pid: number, tid: number, edges: number[]): FrameWork[] {
  const frames: FrameWork[] = edges.slice(1).map(() => ({
    ms: Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>,
    layouts: 0, dirty: 0, total: 0, fromDocument: 0, styled: 0, refreshed: [], merges: 0,
  }));
  const stage = new Set<string>(STAGES);
  const spans = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && stage.has(e.name) && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const openUntil = new Map<string, number>();
  let f = 0;
  for (const e of spans) {
    if ((openUntil.get(e.name) ?? -1) > e.ts) continue;
    openUntil.set(e.name, e.ts + (e.dur ?? 0));
    while (f < frames.length && edges[f + 1] <= e.ts) f++;
    if (f >= frames.length) break;
    if (e.ts < edges[0]) continue;
    const w = frames[f];
    w.ms[e.name as Stage] += e.tdur! / 1000;
    const args = (e.args ?? {}) as LayoutArgs;
    if (e.name === 'Layout') {
      w.layouts++;
      w.dirty += args.beginData?.dirtyObjects ?? 0;
      w.total = args.beginData?.totalObjects ?? w.total;
      if (args.endData?.layoutRoots?.some((r) => r.nodeName === '#document')) w.fromDocument++;
    } else if (e.name === 'UpdateLayoutTree') {
      w.styled += args.elementCount ?? 0;
    }
  }
  return frames;
}

/** A view's refresh as the app noted it (see stampRefresh in simStore), at trace time `ts` (µs). */
export interface Refresh { ts: number; view: string }

/** What the store notes, beside the views, for each frame in which it merged snapshots (see stampRefresh). */
export const SNAPSHOT_MERGED = '(snapshot)';

/** Puts each refresh (and each merge of a snapshot) in the frame it came in. */
export function placeRefreshes(refreshes: Refresh[], edges: number[], frames: FrameWork[]): void {
  for (const r of refreshes) {
    const f = edges.findLastIndex((t) => t <= r.ts);
    if (f < 0 || f >= frames.length) continue;
    if (r.view === SNAPSHOT_MERGED) frames[f].merges++;
    else frames[f].refreshed.push(r.view);
  }
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);

/** One line: the mean per frame of each stage and count, over the given frames. */
export function describeWork(frames: FrameWork[]): string {
  const ms = STAGES.map((s) => `${s} ${mean(frames.map((w) => w.ms[s])).toFixed(2)}`).join(', ');
  const laidOut = frames.filter((w) => w.layouts > 0);
  return `${ms} ms; layouts ${mean(frames.map((w) => w.layouts)).toFixed(2)} `
    + `(${(100 * mean(laidOut.map((w) => (w.fromDocument > 0 ? 1 : 0)))).toFixed(0)}% from the document), `
    + `objects dirty ${mean(laidOut.map((w) => w.dirty)).toFixed(0)} of ${mean(laidOut.map((w) => w.total)).toFixed(0)} per layout frame, `
    + `elements restyled ${mean(frames.map((w) => w.styled)).toFixed(0)}`;
}

/**
 * Per view: in how many frames it refreshed, the CPU those frames took (mean and p95, beside
 * the frames where no slow view refreshed), and how many of the costliest frames it was in.
 * So a p95 can be traced to the view whose refresh sets it.
 */
export function describeRefreshes(cpu: number[], work: FrameWork[], costliest: Set<number>): string {
  const p95 = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))];
  return [...refreshGroups(work)].map(([v, frames]) => {
    const ms = frames.map((i) => cpu[i]);
    return `${v}: ${frames.length} frames, CPU mean ${mean(ms).toFixed(1)} p95 ${p95(ms).toFixed(1)} ms, in ${frames.filter((i) => costliest.has(i)).length} of the costliest`;
  }).join(' | ');
}

/**
 * The frames of each view's refreshes (indices into `work`), by view name: '(none)' for frames
 * where no slow view refreshed, and '(two or more in one frame)' for frames shared.
 */
export function refreshGroups(work: FrameWork[]): Map<string, number[]> {
  const byView = new Map<string, number[]>();
  for (let i = 0; i < work.length; i++) {
    for (const v of work[i].refreshed.length === 0 ? ['(none)'] : work[i].refreshed) {
      if (!byView.has(v)) byView.set(v, []);
      byView.get(v)!.push(i);
    }
  }
  const shared = work.flatMap((w, i) => (w.refreshed.length > 1 ? [i] : []));
  if (shared.length > 0) byView.set('(two or more in one frame)', shared);
  return new Map([...byView].sort(([a], [b]) => a.localeCompare(b)));
}

/** Per view, what its frames' main thread did (describeWork over the frames where it refreshed): what a refresh costs beyond '(none)'. */
export function describeWorkByRefresh(work: FrameWork[]): string {
  return [...refreshGroups(work)].map(([v, frames]) => `${v}: ${describeWork(frames.map((i) => work[i]))}`).join(' | ');
}

/**
 * The frames where no slow view refreshed, in two groups: those where the store merged a
 * snapshot (its selectors ran, and whatever follows every snapshot: the servers' badges,
 * the moving layer's hit-test data) and those where it did not (what the page costs with
 * nothing new from the simulation: the drawing worker's frames shown, animations, tasks).
 * Each with its CPU mean and p95 and its stages' means: the floor under every frame, by cause.
 */
export function describeFloor(cpu: number[], work: FrameWork[]): string {
  const p95 = (xs: number[]) => (xs.length === 0 ? 0 : xs.toSorted((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))]);
  const group = (label: string, merged: boolean) => {
    const at = work.flatMap((w, i) => (w.refreshed.length === 0 && (w.merges > 0) === merged ? [i] : []));
    const ms = at.map((i) => cpu[i]);
    const stages = STAGES.map((s) => `${s} ${mean(at.map((i) => work[i].ms[s])).toFixed(2)}`).join(', ');
    return `${label}: ${at.length} frames, CPU mean ${mean(ms).toFixed(2)} p95 ${p95(ms).toFixed(1)} ms (${stages}; layouts ${mean(at.map((i) => work[i].layouts)).toFixed(2)})`;
  };
  return `${group('a snapshot merged', true)} | ${group('no snapshot', false)}`;
}
