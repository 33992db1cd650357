/**
 * The space-time diagram over a long run: 9 Raft nodes for 10 minutes of virtual time, a
 * client command every 120 ms (the scenario format's 5,000 actions), 5% drops and 5%
 * duplicates. Computes the run as the worker does, then times, per window of the diagram:
 * the worker's query, the copy to the page (structuredClone, as postMessage does), and the
 * page's layout of the scene and its painting calls (with a pen that draws nothing: the
 * canvas's own raster time is not in it). At the default zoom (2 px/ms) and zoomed out
 * (0.05 px/ms, where the window is thinned). Figures only; nothing is asserted.
 *   node bench/run.mjs bench/spacetime.bench.ts
 */
import { parseScenario } from '../src/scenario/validate';
import { Controller } from '../src/worker/controller';
import type { SpaceTimeWindow } from '../src/worker/spacetime';
import { shortLabel } from '../src/ui/draw/movingPaint';
import { buildScene } from '../src/ui/teaching/spacetime/geometry';
import { paintScene, type Pen } from '../src/ui/teaching/spacetime/paint';

const MINUTES = 10;
const VIEW = { width: 640, height: 360 };

function scenario() {
  const actions = [];
  for (let at = 500, i = 0; at < MINUTES * 60_000 && actions.length < 5000; at += 120, i++) {
    actions.push({ at, type: 'request', node: 1 + (i % 9), command: `set k${i % 50} ${i}` });
  }
  const parsed = parseScenario({ version: 1, protocol: 'raft', nodes: 9, seed: 7, network: { dropRate: 0.05, duplicateRate: 0.05 }, options: { noopOnElection: true }, actions });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
}

const nothing: Pen = { alpha() {}, rect() {}, line() {}, shape() {}, text() {} };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function timeIt(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

const c = new Controller(scenario());
const end = MINUTES * 60_000;
const computeMs = timeIt(() => c.seekTime(end));
console.log(`spacetime.run=${c.events.toLocaleString('en')} events, ${(end / 60_000).toFixed(0)} min virtual, computed in ${(computeMs / 1000).toFixed(1)} s (checks on, as the app runs)`);
console.log(`spacetime.heap_mb=${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} (the worker's whole state after the run, trace history and message log included)`);

for (const scale of [2, 0.05]) {
  const span = VIEW.height / scale;
  const query: number[] = [];
  const clone: number[] = [];
  const scene: number[] = [];
  let arrows = 0;
  let thinned = 0;
  // Windows spread over the run, as a lecturer scrolls back through it (seeking back costs a replay, timed apart).
  for (let k = 0; k < 60; k++) {
    const start = Math.floor(((k + 0.5) / 60) * (end - span));
    let win!: SpaceTimeWindow;
    query.push(timeIt(() => { win = c.spaceTimeWindow({ axis: 'time', from: Math.max(0, start - span / 2), to: start + span * 1.5, limit: 600 }); }));
    let copy!: SpaceTimeWindow;
    clone.push(timeIt(() => { copy = structuredClone(win); }));
    scene.push(timeIt(() => {
      const s = buildScene(copy, { axis: 'time', scale, start, ...VIEW }, (a) => shortLabel(a.type, a.fields), () => '#000');
      paintScene(nothing, s, null, null);
    }));
    arrows += win.arrows.length;
    if (win.total > win.arrows.length) thinned++;
  }
  const f = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return `p50 ${percentile(s, 50).toFixed(2)} ms, p95 ${percentile(s, 95).toFixed(2)} ms`; };
  console.log(`spacetime.window_${scale}px_per_ms: ${(span / 1000).toFixed(2)} s in sight, ${Math.round(arrows / 60)} arrows per answer on average, ${thinned}/60 windows thinned`);
  console.log(`  worker query: ${f(query)} | copy to the page: ${f(clone)} | page layout + paint calls: ${f(scene)}`);
}
