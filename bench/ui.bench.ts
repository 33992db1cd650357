/**
 * UI cost under load: the production build in Chromium, 9 nodes, drop and duplicate on,
 * a client command every 20 ms, played at 10x for 10 s. Prints main-thread time per frame
 * (from a Chromium trace: busy time of the renderer's main thread between consecutive
 * BeginFrame events), frames over budget, JS heap, and the
 * gzip size of the JavaScript a first visit loads. Figures only; nothing is asserted.
 *
 * At 1440x900 the cluster, narration, logs and one teaching tab (pseudocode) are in sight; the
 * drawer of control panels is open, and the app does not refresh a hidden tab while playing. A second run, `ui.all_in_sight.*`, plays the same
 * scenario from the start in a window tall enough to show every panel: what a big screen
 * costs. A third, `ui.spacetime_in_sight.*`, plays it at 1440x900 with the Space-time tab
 * chosen, so the diagram follows the run.
 * Each frame figure comes twice: busy wall time, and the main thread's CPU time (thread time
 * from the trace), which waits for a core on a loaded machine do not inflate; then the main
 * thread's CPU ms per second of play, and where it went: the top functions by self time (a V8
 * CPU profile, named through the build's hidden source maps) and the top trace events by self
 * thread time (layout, paint, script...). Per slow view, the frames where it refreshed: their
 * CPU (frame_cpu_by_refresh), what their main thread did (frame_work_by_refresh) and their top
 * functions (top_functions_by_refresh), so a view's refresh can be told from the frame's floor.
 * Each pass also prints the virtual time it played: on a loaded machine the simulation worker
 * plays less, the page gets less to draw, and its CPU per second of play falls with it.
 * A fourth pass, `ui.steps.*`, is a fixed amount of work whatever the load: paused, every panel
 * in sight, 40 seeks a second of virtual time apart, the main thread's CPU per step (stepsCost).
 * Then, for each protocol, how long a click on Pause takes to take effect at 100x (pauseCost).
 *   npm run bench:ui [-- --only frames|pause] [--pass ui|all|spacetime|steps] [--protocol raft|paxos|multipaxos]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { encodeScenario } from '../src/scenario/codec';
import { parseScenario } from '../src/scenario/validate';
import { benchState, installDriver, lossyFragment, pauseLatency, withBrowser } from './browser';
import { profileMainThread, topFunctions, topFunctionsByFrame, topTraceEvents, type TraceEvent } from './cpuProfile';
import { describeFloor, describeRefreshes, describeWork, describeWorkByRefresh, type FrameWork, frameWork, placeRefreshes, refreshGroups } from './frameWork';

const SECONDS = 10;
const FRAME_MS = 1000 / 60;
/** The CPU profile's sampling interval (µs). */
const SAMPLE_US = 500;
/** Pause latency: each protocol plays at 100x, paused and played again every PAUSE_EVERY_S, PAUSES times. */
const PAUSES = 6;
const PAUSE_EVERY_S = 5;

function scenarioFragment(): string {
  const actions = [];
  for (let at = 200, i = 0; at < 100_000 && actions.length < 4900; at += 20, i++) {
    actions.push({ at, type: 'request', node: 1 + (i % 9), command: `set k${i % 50} ${i}` });
  }
  const parsed = parseScenario({
    version: 1, protocol: 'raft', title: 'UI benchmark', nodes: 9, seed: 7,
    network: { dropRate: 0.1, duplicateRate: 0.1 }, options: { noopOnElection: true }, actions,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return `#s=${encodeScenario(parsed.scenario)}`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function bundleSizes(): { firstLoadKb: number; entryKb: number; lazyKb: number } {
  const html = readFileSync('dist/index.html', 'utf8');
  const assets = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  const gz = (f: string) => gzipSync(readFileSync(join('dist/assets', f))).length / 1024;
  const entry = assets.filter((f) => html.includes(f));
  // Both workers start with the app: the simulation, and the drawing of the moving layer.
  const worker = assets.filter((f) => /^[a-z]+\.worker-/.test(f));
  const lazy = assets.filter((f) => !entry.includes(f) && !worker.includes(f));
  const sum = (fs: string[]) => fs.reduce((s, f) => s + gz(f), 0);
  return { firstLoadKb: sum(entry) + sum(worker), entryKb: sum(entry), lazyKb: sum(lazy) };
}

/** One frame's main-thread cost: busy wall time, and the thread's CPU time in those tasks. */
interface FrameCost { wall: number; cpu: number }

/** What one traced play measured: each frame's cost, and the main thread's whole CPU time over the frames. */
interface Played {
  frames: FrameCost[];
  /** What each frame's main thread did (layout, style, paint...), in the order of `frames`. */
  work: FrameWork[];
  /** Main-thread CPU ms per second of play (first to last BeginFrame). */
  cpuPerSecond: number;
  functions: { name: string; ms: number }[];
  /** Per slow view (see refreshGroups), the top functions by self time in the frames where it refreshed, ms per such frame. */
  functionsByRefresh: Map<string, { name: string; ms: number }[]>;
  tasks: { name: string; ms: number }[];
  profiledMs: number;
  /** The bench's own DevTools work on the main thread, left out of the frames (see frameTimes). */
  benchMs: number;
  /**
   * The virtual time played while traced: on a loaded machine the simulation worker plays
   * less, which leaves the page less to draw, so CPU per second of play is read beside it.
   */
  virtualMs: number;
}

/**
 * Busy time of the renderer's main thread in each frame: the time its top-level tasks run
 * between one BeginFrame and the next (clipped at the frame edges). Beside it, the thread
 * CPU time of those tasks (their tdur, clipped in proportion): with other programs on the
 * cores, wall time also counts waits for a core, and CPU time does not.
 */
function frameTimes(events: TraceEvent[]): { frames: FrameCost[]; cpuPerSecond: number; main: TraceEvent; edges: number[]; benchMs: number } {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (main === undefined) throw new Error('no renderer main thread in the trace');
  const onMain = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;
  // The bench's own DevTools traffic runs on the page's main thread too (Playwright's click and
  // evaluate, the profiler's stop, which alone took 100-200 ms): those tasks are not the page's cost.
  const devtools = events.filter((e) => onMain(e) && e.name === 'Receive mojo message'
    && (e.args?.chrome_mojo_event_info?.mojo_interface_tag ?? '').startsWith('blink.mojom.DevTools'));
  const ours = (task: TraceEvent) => devtools.some((d) => d.ts >= task.ts && d.ts < task.ts + task.dur!);
  const all = events.filter((e) => onMain(e) && e.ph === 'X' && e.name === 'RunTask' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const tasks = all.filter((task) => !ours(task));
  const benchMs = all.filter(ours).reduce((sum, task) => sum + (task.tdur ?? 0), 0) / 1000;
  if (tasks.some((e) => e.tdur === undefined)) throw new Error('the trace has no thread time (tdur) for main-thread tasks');
  // BeginFrame is marked on the renderer's compositor thread: same process, another thread.
  const edges = events.filter((e) => e.pid === main.pid && e.name === 'BeginFrame' && e.ph === 'I').map((e) => e.ts).sort((a, b) => a - b);
  if (tasks.length === 0 || edges.length < 2) throw new Error('the trace has no main-thread tasks or frames');
  const frames: FrameCost[] = [];
  let t = 0;
  for (let f = 0; f + 1 < edges.length; f++) {
    const [from, to] = [edges[f], edges[f + 1]];
    let wall = 0;
    let cpu = 0;
    while (t < tasks.length && tasks[t].ts + tasks[t].dur! <= from) t++;
    for (let k = t; k < tasks.length && tasks[k].ts < to; k++) {
      const overlap = Math.min(to, tasks[k].ts + tasks[k].dur!) - Math.max(from, tasks[k].ts);
      wall += overlap;
      cpu += tasks[k].dur === 0 ? tasks[k].tdur! : tasks[k].tdur! * (overlap / tasks[k].dur!);
    }
    frames.push({ wall: wall / 1000, cpu: cpu / 1000 });
  }
  const seconds = (edges[edges.length - 1] - edges[0]) / 1e6;
  return { frames, cpuPerSecond: frames.reduce((s, f) => s + f.cpu, 0) / seconds, main, edges, benchMs };
}

/**
 * Plays for SECONDS under a trace and a CPU profile, pauses, and returns what they measured.
 * With `keys`, plays and pauses with the Space key: clicking the buttons would scroll the page back to them.
 */
async function playTraced(browser: Browser, page: Page, keys = false): Promise<Played> {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink.user_timing'] });
  // One mark ties the page's clock to the trace's, to place the refreshes the app notes.
  const sync = await page.evaluate(() => performance.mark('bench sync').startTime);
  const stopProfile = await profileMainThread(page, SAMPLE_US);
  const virtualTime = async () => Number(await page.locator('[data-virtual-time]').getAttribute('data-virtual-time'));
  const t0 = await virtualTime();
  if (keys) await page.keyboard.press('Space');
  else await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(SECONDS * 1000);
  // Read before the profile and the trace stop: stopping them takes seconds, and the run plays on.
  const virtualMs = await virtualTime() - t0;
  const profile = await stopProfile();
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  if (keys) await page.keyboard.press('Space');
  else await page.getByRole('button', { name: 'Pause' }).click();
  const { frames, cpuPerSecond, main, edges, benchMs } = frameTimes(trace.traceEvents);
  const work = frameWork(trace.traceEvents, main.pid, main.tid, edges);
  const syncMark = trace.traceEvents.find((e) => e.pid === main.pid && e.name === 'bench sync');
  if (syncMark === undefined) throw new Error('the trace lost the clock mark');
  const noted = await page.evaluate(() => (window as unknown as { __quorumRefreshes: { t: number; view: string }[] }).__quorumRefreshes.splice(0));
  placeRefreshes(noted.map((r) => ({ ts: syncMark.ts + (r.t - sync) * 1000, view: r.view })), edges, work);
  const groups = refreshGroups(work);
  const frameOf = (ts: number) => edges.findLastIndex((t) => t <= ts);
  const byRefresh = topFunctionsByFrame(profile, SAMPLE_US, frameOf, new Map([...groups].map(([v, fs]) => [v, new Set(fs)])));
  return {
    frames, cpuPerSecond, work,
    functions: topFunctions(profile, SAMPLE_US),
    functionsByRefresh: new Map([...byRefresh].map(([v, fs]) => [v, fs.map((f) => ({ name: f.name, ms: f.ms / groups.get(v)!.length }))])),
    tasks: topTraceEvents(trace.traceEvents, main.pid, main.tid),
    profiledMs: (profile.endTime - profile.startTime) / 1000,
    benchMs,
    virtualMs,
  };
}

function percentiles(values: number[]): string {
  const sorted = values.toSorted((a, b) => a - b);
  return [10, 25, 50, 75, 90, 95, 99].map((p) => `p${p}:${percentile(sorted, p).toFixed(1)}`).join(',');
}

function report(prefix: string, played: Played): void {
  const { virtualMs } = played;
  const wall = played.frames.map((f) => f.wall).sort((a, b) => a - b);
  const cpu = played.frames.map((f) => f.cpu).sort((a, b) => a - b);
  console.log(`${prefix}.frames=${wall.length}`);
  console.log(`${prefix}.frame_ms_percentiles=${percentiles(wall)} (busy wall time per frame)`);
  console.log(`${prefix}.frame_ms_p50=${percentile(wall, 50).toFixed(2)}`);
  console.log(`${prefix}.frame_ms_p95=${percentile(wall, 95).toFixed(2)}`);
  console.log(`${prefix}.frame_ms_max=${wall[wall.length - 1].toFixed(2)}`);
  console.log(`${prefix}.frames_over_6ms=${wall.filter((f) => f > 6).length}`);
  console.log(`${prefix}.frames_over_budget=${wall.filter((f) => f > FRAME_MS).length}`);
  console.log(`${prefix}.frame_cpu_ms_percentiles=${percentiles(cpu)} (main-thread CPU time per frame)`);
  console.log(`${prefix}.frame_cpu_ms_p95=${percentile(cpu, 95).toFixed(2)}`);
  console.log(`${prefix}.frame_cpu_over_6ms=${cpu.filter((f) => f > 6).length}`);
  // The costliest twentieth of the frames by CPU time: what sets the p95.
  const costliestAt = played.frames.map((f, i) => ({ cpu: f.cpu, i })).sort((a, b) => b.cpu - a.cpu)
    .slice(0, Math.max(1, Math.ceil(played.frames.length / 20))).map((f) => f.i);
  const costliest = costliestAt.map((i) => played.work[i]);
  console.log(`${prefix}.frame_work_mean=${describeWork(played.work)} (per frame, trace events' CPU time and args)`);
  console.log(`${prefix}.frame_work_costliest=${describeWork(costliest)} (per frame, the ${costliest.length} frames of most CPU time)`);
  console.log(`${prefix}.frame_cpu_by_refresh=${describeRefreshes(played.frames.map((f) => f.cpu), played.work, new Set(costliestAt))} (frames grouped by the views that refreshed in them; a frame with two counts in both)`);
  console.log(`${prefix}.frame_work_by_refresh=${describeWorkByRefresh(played.work)} (per frame, over the frames where each view refreshed)`);
  console.log(`${prefix}.top_functions_by_refresh=${[...played.functionsByRefresh].map(([v, fs]) => `${v}: ${fs.map((f) => `${f.ms.toFixed(2)} ${f.name}`).join(', ')}`).join(' | ')} (self ms per frame where each view refreshed, from the V8 CPU profile)`);
  console.log(`${prefix}.frame_cpu_floor=${describeFloor(played.frames.map((f) => f.cpu), played.work)} (frames where no slow view refreshed, with and without a snapshot merged)`);
  console.log(`${prefix}.main_cpu_ms_per_s=${played.cpuPerSecond.toFixed(0)} (main-thread CPU ms per second of play; ${(played.frames.reduce((sum, f) => sum + f.cpu, 0) / (virtualMs / 1000)).toFixed(0)} per virtual second, ${(virtualMs / 1000).toFixed(1)} s played; left out, the bench's own DevTools tasks: ${played.benchMs.toFixed(0)} ms)`);
  const list = (items: { name: string; ms: number }[]) => items.map((f) => `${f.ms.toFixed(0)} ms ${f.name}`).join(' | ');
  console.log(`${prefix}.top_functions_self=${list(played.functions)} (V8 CPU profile over ${(played.profiledMs / 1000).toFixed(1)} s: samples × ${SAMPLE_US / 1000} ms, idle left out)`);
  console.log(`${prefix}.top_tasks_self_cpu=${list(played.tasks)} (trace events on the main thread, self thread time)`);
}

type FramePass = 'ui' | 'all' | 'spacetime' | 'steps';
const FRAME_PASSES: FramePass[] = ['ui', 'all', 'spacetime', 'steps'];

/** Opens the heavy 9-node run at 10x in a fresh page of the given height, ready to play. */
async function openRun(browser: Browser, base: string, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height } });
  // The app notes each slow view's refresh here (see stampRefresh), for frame_cpu_by_refresh.
  await page.addInitScript('window.__quorumRefreshes = [];');
  await page.goto(base + scenarioFragment());
  await page.locator('g.node').first().waitFor();
  await page.getByLabel('Speed').selectOption('10');
  return page;
}

/**
 * Main-thread time per frame under the heavy 9-node run: at 1440x900, with every panel in
 * sight, with the space-time diagram in sight (`passes` picks some). Each pass gets a page of
 * its own, so none pays for the heap or the workers of the one before.
 */
async function frameCost(browser: Browser, base: string, passes: FramePass[]): Promise<void> {
  if (passes.includes('ui')) {
    const page = await openRun(browser, base, 900);
    const played = await playTraced(browser, page);
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    const messages = await page.locator('li.message').count();
    console.log(`ui.virtual_ms_played=${played.virtualMs} (${SECONDS} s at 10x; ${messages} messages in flight at the end)`);
    report('ui', played);
    console.log(`ui.js_heap_mb=${(heap / 1024 / 1024).toFixed(1)}`);
    await page.close();
  }
  if (passes.includes('all')) {
    const page = await openRun(browser, base, 1700);
    const played = await playTraced(browser, page);
    console.log(`ui.all_in_sight.virtual_ms_played=${played.virtualMs} (${SECONDS} s at 10x)`);
    report('ui.all_in_sight', played);
    await page.close();
  }
  if (passes.includes('spacetime')) {
    const page = await openRun(browser, base, 900);
    await page.getByRole('tab', { name: 'Space-time', exact: true }).click();
    const played = await playTraced(browser, page, true);
    console.log(`ui.spacetime_in_sight.virtual_ms_played=${played.virtualMs} (${SECONDS} s at 10x)`);
    report('ui.spacetime_in_sight', played);
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    const drawn = await page.locator('[data-spacetime] li[data-msg-id]').count();
    const thinned = await page.locator('.st-thinned').textContent();
    console.log(`ui.spacetime_arrows_listed=${drawn} (the window in sight when paused; ${thinned || 'not thinned'})`);
    await page.close();
  }
  if (passes.includes('steps')) await stepsCost(browser, base);
  const sizes = bundleSizes();
  console.log(`bundle.first_load_js_gzip_kb=${sizes.firstLoadKb.toFixed(1)} (entry ${sizes.entryKb.toFixed(1)} + workers; ${sizes.lazyKb.toFixed(1)} more loads after first paint)`);
}

/** The steps pass: STEPS paused seeks, STEP_MS of virtual time apart, from STEPS_FROM_MS. */
const STEPS = 40;
const STEP_MS = 1000;
const STEPS_FROM_MS = 20_000;

/** Runs in the page before the app: keeps the simulation worker at hand for the steps pass. */
function stepper(): void {
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url: string | URL, opts?: WorkerOptions) {
      super(url, opts);
      if (String(url).includes('sim.worker')) (window as unknown as { simWorker: Worker }).simWorker = this;
    }
  };
}

/**
 * In the page: seeks to each time in turn, each once the page has drawn the last (its snapshot
 * came, then three frames: the store's merge, React's commit, the drawing worker's strips).
 */
async function seekThrough(times: number[]): Promise<void> {
  const worker = (window as unknown as { simWorker: Worker }).simWorker;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  for (const time of times) {
    await new Promise<void>((resolve) => {
      const heard = (e: MessageEvent<{ type: string }>) => {
        if (e.data.type !== 'snapshot') return;
        worker.removeEventListener('message', heard);
        resolve();
      };
      worker.addEventListener('message', heard);
      worker.postMessage({ type: 'seekTime', time });
    });
    for (let k = 0; k < 3; k++) await frame();
  }
}

/**
 * The page's cost as a fixed amount of work, whatever the machine's load: paused, every panel
 * in sight (1440x1700), it seeks STEPS times through the run, STEP_MS apart, and every view
 * refreshes at each (paused, none waits its turn). The main thread's CPU per step, its stages
 * and where it went. While playing, how much the page gets to draw depends on how fast the
 * simulation worker runs, which a loaded machine slows: here the work is the same, so two builds
 * can be compared on a busy machine (alternate them: CPU time still varies by 10–15% under load).
 */
async function stepsCost(browser: Browser, base: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1700 } });
  await page.addInitScript('window.__name = (f) => f;');
  await page.addInitScript(stepper);
  await page.goto(base + scenarioFragment());
  await page.locator('g.node').first().waitFor();
  await page.evaluate(seekThrough, [STEPS_FROM_MS]);
  const times = Array.from({ length: STEPS }, (_, i) => STEPS_FROM_MS + (i + 1) * STEP_MS);
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame'] });
  const stopProfile = await profileMainThread(page, SAMPLE_US);
  await page.evaluate(seekThrough, times);
  const profile = await stopProfile();
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const { frames, main, edges, benchMs } = frameTimes(trace.traceEvents);
  const work = frameWork(trace.traceEvents, main.pid, main.tid, edges);
  const cpu = frames.reduce((sum, f) => sum + f.cpu, 0);
  const workload = `${STEPS} paused seeks ${STEP_MS} ms of virtual time apart from ${STEPS_FROM_MS / 1000} s, every panel in sight at 1440x1700; the 9-node run`;
  console.log(`ui.steps.main_cpu_ms_per_step=${(cpu / STEPS).toFixed(2)} (${workload}; left out, the bench's own DevTools tasks: ${benchMs.toFixed(0)} ms)`);
  const stages = Object.keys(work[0].ms).map((stage) => `${stage} ${(work.reduce((sum, w) => sum + w.ms[stage as keyof FrameWork['ms']], 0) / STEPS).toFixed(2)}`);
  const layouts = work.reduce((sum, w) => sum + w.layouts, 0) / STEPS;
  const styled = work.reduce((sum, w) => sum + w.styled, 0) / STEPS;
  console.log(`ui.steps.work_per_step=${stages.join(', ')} ms; layouts ${layouts.toFixed(1)}, elements restyled ${styled.toFixed(0)} (per step, trace events' CPU time and args)`);
  const list = (items: { name: string; ms: number }[]) => items.map((f) => `${(f.ms / STEPS).toFixed(2)} ${f.name}`).join(' | ');
  console.log(`ui.steps.top_functions_self=${list(topFunctions(profile, SAMPLE_US))} (ms per step, V8 CPU profile)`);
  console.log(`ui.steps.top_tasks_self_cpu=${list(topTraceEvents(trace.traceEvents, main.pid, main.tid))} (ms per step, trace events' self thread time)`);
  await page.close();
}

/**
 * How long a click on Pause takes to take effect (see pauseLatency), for each protocol played
 * at 100x: the long-run workload (5 nodes, 20% loss and duplication, a command every 100 ms of
 * virtual time), paused every PAUSE_EVERY_S seconds of real time and played on, PAUSES times.
 */
async function pauseCost(browser: Browser, base: string, protocols: string[]): Promise<void> {
  for (const protocol of protocols) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await installDriver(page, 100);
    await page.goto(base + lossyFragment(protocol));
    await page.locator('g.node').first().waitFor();
    await page.getByLabel('Speed').selectOption('100');
    const pauses: number[] = [];
    const cpu: number[] = [];
    let played = 0;
    for (let i = 0; i < PAUSES; i++) {
      const before = await benchState(page);
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      const start = Date.now();
      await page.waitForTimeout(PAUSE_EVERY_S * 1000);
      const pause = await pauseLatency(browser, page);
      pauses.push(pause.total);
      cpu.push(pause.cpu.main);
      played += Date.now() - start;
      const after = await benchState(page);
      console.log(`ui.pause.${protocol}.sample=${i + 1} pause_ms=${pause.total.toFixed(0)} (heard after ${pause.heard.toFixed(0)}, paused snapshot after ${pause.arrived.toFixed(0)}, ${pause.queued} snapshots between; CPU main ${pause.cpu.main.toFixed(0)} workers ${pause.cpu.workers.toFixed(0)}) virtual_s=${(after.time / 1000).toFixed(1)} events=${after.events} events_per_s=${((after.events - before.events) / PAUSE_EVERY_S).toFixed(0)} most_commands_at_one_moment=${after.maxBatch}`);
    }
    const sorted = pauses.toSorted((a, b) => a - b);
    const cpuSorted = cpu.toSorted((a, b) => a - b);
    const s = await benchState(page);
    console.log(`ui.pause.${protocol}.pause_ms_p50=${percentile(sorted, 50).toFixed(0)} max=${sorted.at(-1)!.toFixed(0)}; `
      + `page main-thread CPU from hearing the click to the paused frame p50=${percentile(cpuSorted, 50).toFixed(0)} max=${cpuSorted.at(-1)!.toFixed(0)} ms `
      + `(${PAUSES} pauses, one every ${PAUSE_EVERY_S} s of play; ${protocol}, 5 nodes, 100x, 20% loss and duplication, a command per 100 ms virtual; `
      + `${(s.time / 1000).toFixed(0)} s virtual and ${s.events} events in ${(played / 1000).toFixed(0)} s)`);
    await page.close();
  }
}

/** `--only frames` or `--only pause` runs one part; `--pass ui|all|spacetime` one frame pass; `--protocol P` pauses only P. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
  const pass = args.includes('--pass') ? args[args.indexOf('--pass') + 1] as FramePass : null;
  if (pass !== null && !FRAME_PASSES.includes(pass)) throw new Error(`--pass takes ${FRAME_PASSES.join(', ')}`);
  await withBrowser(async (browser, base) => {
    if (only !== 'pause') await frameCost(browser, base, pass === null ? FRAME_PASSES : [pass]);
    if (only !== 'frames') await pauseCost(browser, base, args.includes('--protocol') ? [args[args.indexOf('--protocol') + 1]] : ['raft', 'paxos', 'multipaxos']);
  });
}

main().catch((e) => {
  console.error(`bench:ui failed: ${(e as Error).message}`);
  process.exit(1);
});
