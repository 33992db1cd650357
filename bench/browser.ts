/**
 * What the browser benchmarks share: the production build served by `vite preview` on
 * BENCH_PORT, Chromium (Debian's, or CHROMIUM_PATH), a driver in the page that follows the
 * simulation worker and sends client commands as the run plays, and the measurement of how
 * long a click on Pause takes to take effect.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from '@playwright/test';
import { encodeScenario } from '../src/scenario/codec';
import { parseScenario } from '../src/scenario/validate';

export const PORT = Number(process.env.BENCH_PORT ?? 4174);

/**
 * Serves dist/ and opens Chromium, runs `body` with the browser and the server's address,
 * then closes both (also when `body` throws).
 */
export async function withBrowser(body: (browser: Browser, base: string) => Promise<void>): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('no production build: run vite build first');
  const server = spawn('node_modules/.bin/vite', ['preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const base = `http://localhost:${PORT}/`;
    await waitForServer(base);
    await body(browser, base);
  } finally {
    await browser.close();
    server.kill();
  }
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the preview server did not start at ${url}`);
}

/** The long-run workload's cluster: 5 nodes, 20% loss and 20% duplication, no actions of its own. */
export function lossyFragment(protocol: string): string {
  const parsed = parseScenario({
    version: 1, protocol, title: 'Long run', nodes: 5, seed: 1,
    network: { dropRate: 0.2, duplicateRate: 0.2 }, options: { noopOnElection: true },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return `#s=${encodeScenario(parsed.scenario)}`;
}

export interface BenchState {
  time: number;
  events: number;
  playing: boolean;
  /** Commands sent so far. */
  sent: number;
  /**
   * The most commands sent at one moment: a page that fell behind catches up in one batch,
   * all stamped at the same virtual instant, and the run then spends a while on that burst
   * (about 40 events a command within ~100 ms of virtual time), so its clock seems to stop.
   */
  maxBatch: number;
}

/**
 * Runs in the page before the app: keeps the simulation worker at hand, follows its snapshots,
 * and sends a command for every `every` ms of virtual time the run has played (as user actions,
 * in small batches as the clock moves, as a person's clicks would be recorded).
 */
function driver(every: number): void {
  const Native = window.Worker;
  const bench = { worker: null as Worker | null, time: 0, events: 0, playing: false, sent: 0, maxBatch: 0 };
  (window as unknown as { bench: typeof bench }).bench = bench;
  window.Worker = class extends Native {
    constructor(url: string | URL, opts?: WorkerOptions) {
      super(url, opts);
      if (!String(url).includes('sim.worker')) return;
      bench.worker = this;
      this.addEventListener('message', (e: MessageEvent<{ type: string; snapshot?: { time: number; events: number; playing: boolean } }>) => {
        if (e.data.type !== 'snapshot') return;
        const s = e.data.snapshot!;
        Object.assign(bench, { time: s.time, events: s.events, playing: s.playing });
        if (!s.playing) return;
        let n = 0;
        for (; bench.sent < Math.floor(s.time / every) && n < 500; n++, bench.sent++) {
          this.postMessage({ type: 'act', action: { type: 'request', node: 1 + (bench.sent % 5), command: `set k${bench.sent % 64} ${bench.sent}` } });
        }
        bench.maxBatch = Math.max(bench.maxBatch, n);
      });
    }
  };
}

/** Installs the driver (before the page's own scripts): call before page.goto. */
export async function installDriver(page: Page, commandEveryMs: number): Promise<void> {
  // tsx compiles the functions sent to the page with esbuild's keepNames, which calls a
  // helper, __name, that only exists in Node: the page gets a stand-in.
  await page.addInitScript('window.__name = (f) => f;');
  await page.addInitScript(driver, commandEveryMs);
}

export async function benchState(page: Page): Promise<BenchState> {
  return page.evaluate(() => {
    const { time, events, playing, sent, maxBatch } = (window as unknown as { bench: BenchState }).bench;
    return { time, events, playing, sent, maxBatch };
  });
}

/** How long a click on Pause took: to the page hearing the click, and on to the paused frame. */
export interface PauseTiming {
  /** From the click to the first frame drawn after the worker's first paused snapshot arrived. */
  total: number;
  /** From the click to the page's click handler running (the page was busy meanwhile). */
  heard: number;
  /** From the click to the paused snapshot's arrival in the page (the rest is the page drawing it). */
  arrived: number;
  /** Snapshots the page took in after hearing the click, before the paused one: a queue, if many. */
  queued: number;
  /**
   * CPU time (thread time, from a Chromium trace) from the page hearing the click to the paused
   * frame: on the page's main thread, and on its workers (the simulation and the drawing). On a
   * loaded machine the wall time above mostly counts waits for a core; this does not.
   */
  cpu: { main: number; workers: number };
  /**
   * Where the rest of the wait went. `beforeHeard`: the main thread's CPU between the click and
   * the page hearing it (a task under way holds the click back). `gc`: the main thread's garbage
   * collection from the click to the paused frame. `others`: the three busiest other threads in
   * that time, by CPU (the compositor, raster, the GPU process: a frame they are slow to produce
   * holds back the requestAnimationFrame that draws the paused state, without main-thread CPU).
   */
  detail: { beforeHeard: number; gc: number; others: { thread: string; ms: number }[] };
}

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string } }

function threadNames(events: TraceEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  return names;
}

/** Thread CPU time of top-level tasks within [from, to] (trace microseconds), clipped in proportion, by thread name. */
function cpuByThread(events: TraceEvent[], from: number, to: number): Map<string, number> {
  const names = threadNames(events);
  const by = new Map<string, number>();
  // Outermost slices only, per thread: nested slices would count twice.
  const ends = new Map<string, number>();
  for (const e of events.filter((x) => x.ph === 'X' && x.dur !== undefined && x.tdur !== undefined).sort((x, y) => x.ts - y.ts)) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ts < (ends.get(thread) ?? -Infinity)) continue;
    ends.set(thread, e.ts + e.dur!);
    const overlap = Math.min(to, e.ts + e.dur!) - Math.max(from, e.ts);
    if (overlap <= 0) continue;
    const name = names.get(thread) ?? thread;
    by.set(name, (by.get(name) ?? 0) + e.tdur! * (e.dur === 0 ? 1 : overlap / e.dur!) / 1000);
  }
  return by;
}

/** The main thread's garbage collection within [from, to] (trace microseconds), in ms. */
function gcWithin(events: TraceEvent[], from: number, to: number): number {
  const names = threadNames(events);
  let us = 0;
  for (const e of events) {
    if (e.ph !== 'X' || (e.name !== 'MajorGC' && e.name !== 'MinorGC') || e.dur === undefined) continue;
    if (names.get(`${e.pid}:${e.tid}`) !== 'CrRendererMain') continue;
    us += Math.max(0, Math.min(to, e.ts + e.dur) - Math.max(from, e.ts));
  }
  return us / 1000;
}

/**
 * Clicks Pause with the mouse, as a person would, and times it (see PauseTiming) under a trace.
 * The click is timed here, before it is sent, so time the page spends busy before it even sees
 * the click counts too (both sides read the same system clock).
 */
export async function pauseLatency(browser: Browser, page: Page): Promise<PauseTiming> {
  const box = await page.getByRole('button', { name: 'Pause' }).boundingBox();
  if (box === null) throw new Error('the Pause button is not on screen');
  await page.evaluate(() => {
    const bench = (window as unknown as { bench: { worker: Worker; paused?: Promise<[number, number, number, number]> } }).bench;
    const w = bench.worker;
    bench.paused = new Promise<[number, number, number, number]>((resolve) => {
      let heard = 0;
      let queued = 0;
      window.addEventListener('click', () => { heard = Date.now(); performance.mark('bench.heard'); }, { capture: true, once: true });
      const paused = (e: MessageEvent<{ type: string; snapshot?: { playing: boolean } }>) => {
        if (e.data.type !== 'snapshot') return;
        if (e.data.snapshot!.playing) {
          if (heard > 0) queued++;
          return;
        }
        w.removeEventListener('message', paused);
        const arrived = Date.now();
        requestAnimationFrame(() => {
          performance.mark('bench.drawn');
          resolve([heard, arrived, Date.now(), queued]);
        });
      };
      w.addEventListener('message', paused);
    });
  });
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'devtools.timeline'] });
  const clicked = Date.now();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const [heard, arrived, seen, queued] = await page.evaluate(() => (window as unknown as { bench: { paused: Promise<[number, number, number, number]> } }).bench.paused);
  const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mark = (name: string) => events.find((e) => e.name === name)?.ts ?? NaN;
  const [from, to] = [mark('bench.heard'), mark('bench.drawn')];
  // The click in the trace's clock: as long before the paused frame as measured outside.
  const click = to - (seen - clicked) * 1000;
  const sum = (by: Map<string, number>, which: (thread: string) => boolean) => [...by].filter(([t]) => which(t)).reduce((a, [, ms]) => a + ms, 0);
  const during = cpuByThread(events, from, to);
  const isMain = (t: string) => t === 'CrRendererMain';
  const isWorker = (t: string) => t.startsWith('DedicatedWorker');
  return {
    total: seen - clicked, heard: heard - clicked, arrived: arrived - clicked, queued,
    cpu: { main: sum(during, isMain), workers: sum(during, isWorker) },
    detail: {
      beforeHeard: sum(cpuByThread(events, click, from), isMain),
      gc: gcWithin(events, click, to),
      others: [...during].filter(([t]) => !isMain(t) && !isWorker(t)).sort((x, y) => y[1] - x[1]).slice(0, 3).map(([thread, ms]) => ({ thread, ms })),
    },
  };
}
