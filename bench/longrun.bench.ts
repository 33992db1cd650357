/**
 * A long session in the browser, as issue 13 describes it: the production build in Chromium,
 * a 5-node cluster played at the fastest speed (100x, or as fast as the worker keeps up),
 * 20% loss and 20% duplication, and a client command for about every 100 ms of virtual time
 * (sent as user actions while it plays, in small batches as the clock moves, as a person's
 * clicks would be recorded). Every minute of real time it pauses and prints the simulation
 * worker's heap and the page's (after a GC), how long a click on Pause took to take effect
 * (click to the first snapshot that says paused), and how far the run has come; then plays
 * on. Figures only; nothing is asserted.
 *   npm run bench:long                                    (10 minutes each, Raft then Multi-Paxos)
 *   npm run bench:long -- --minutes 2 --protocol raft    (a quick try)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, type CDPSession, chromium, type Page } from '@playwright/test';
import { encodeScenario } from '../src/scenario/codec';
import { parseScenario } from '../src/scenario/validate';

const PORT = Number(process.env.BENCH_PORT ?? 4174);
const args = process.argv.slice(2);
const flag = (name: string): string | null => (args.includes(name) ? args[args.indexOf(name) + 1] ?? null : null);
const MINUTES = Number(flag('--minutes') ?? 10);
const PROTOCOLS = flag('--protocol') !== null ? [flag('--protocol')!] : ['raft', 'multipaxos'];
const COMMAND_EVERY_MS = 100;

function fragment(protocol: string): string {
  const parsed = parseScenario({
    version: 1, protocol, title: 'Long run', nodes: 5, seed: 1,
    network: { dropRate: 0.2, duplicateRate: 0.2 }, options: { noopOnElection: true },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return `#s=${encodeScenario(parsed.scenario)}`;
}

/**
 * Runs in the page before the app: keeps the simulation worker at hand, follows its snapshots,
 * and sends a command for every COMMAND_EVERY_MS of virtual time the run has played.
 */
function driver(every: number): void {
  const Native = window.Worker;
  const bench = { worker: null as Worker | null, time: 0, events: 0, playing: false, sent: 0 };
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
        for (let n = 0; bench.sent < Math.floor(s.time / every) && n < 500; n++, bench.sent++) {
          this.postMessage({ type: 'act', action: { type: 'request', node: 1 + (bench.sent % 5), command: `set k${bench.sent % 64} ${bench.sent}` } });
        }
      });
    }
  };
}

/** Clicks Pause in the page and waits for the worker's first paused snapshot: milliseconds between. */
async function pauseLatency(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    const w = (window as unknown as { bench: { worker: Worker } }).bench.worker;
    const t0 = performance.now();
    const seen = (e: MessageEvent<{ type: string; snapshot?: { playing: boolean } }>) => {
      if (e.data.type !== 'snapshot' || e.data.snapshot!.playing) return;
      w.removeEventListener('message', seen);
      resolve(performance.now() - t0);
    };
    w.addEventListener('message', seen);
    (document.querySelector('button[aria-label="Pause"]') as HTMLButtonElement).click();
  }));
}

/** The live heap (after a full GC) of the simulation worker, through the DevTools protocol. */
async function workerHeap(cdp: CDPSession): Promise<number> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes('sim.worker'));
  if (target === undefined) throw new Error('no simulation worker');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let id = 0;
  const call = (method: string) => new Promise<Record<string, number>>((resolve) => {
    const mine = ++id;
    const on = (e: { sessionId?: string; message: string }) => {
      const m = JSON.parse(e.message) as { id?: number; result?: Record<string, number> };
      if (e.sessionId !== sessionId || m.id !== mine) return;
      cdp.off('Target.receivedMessageFromTarget', on);
      resolve(m.result ?? {});
    };
    cdp.on('Target.receivedMessageFromTarget', on);
    void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method }) });
  });
  await call('HeapProfiler.collectGarbage');
  const { usedSize } = await call('Runtime.getHeapUsage');
  await cdp.send('Target.detachFromTarget', { sessionId });
  return usedSize;
}

async function pageHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

async function session(browser: Browser, base: string, protocol: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // tsx compiles the functions sent to the page with esbuild's keepNames, which calls a
  // helper, __name, that only exists in Node: the page gets a stand-in.
  await page.addInitScript('window.__name = (f) => f;');
  await page.addInitScript(driver, COMMAND_EVERY_MS);
  await page.goto(base + fragment(protocol));
  await page.locator('g.node').first().waitFor();
  await page.getByLabel('Speed').selectOption('100');
  const cdp = await browser.newBrowserCDPSession();
  const workload = `${protocol}, 5 nodes, speed 100x, 20% drop and duplication, a command every ${COMMAND_EVERY_MS} ms virtual`;
  console.log(`long.${protocol}: ${MINUTES} min real time (${workload})`);
  const pauses: number[] = [];
  const start = Date.now();
  for (let minute = 1; minute <= MINUTES; minute++) {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(Math.max(0, start + minute * 60_000 - Date.now()));
    const pause = await pauseLatency(page);
    pauses.push(pause);
    const [worker, main] = [await workerHeap(cdp), await pageHeap(page)];
    const s = await page.evaluate(() => (window as unknown as { bench: { time: number; events: number; sent: number } }).bench);
    console.log(`long.${protocol}.minute=${minute} worker_heap_mb=${mb(worker)} page_heap_mb=${mb(main)} pause_ms=${pause.toFixed(0)} virtual_s=${(s.time / 1000).toFixed(0)} events=${s.events} commands=${s.sent}`);
  }
  const sorted = [...pauses].sort((a, b) => a - b);
  console.log(`long.${protocol}.pause_ms_max=${sorted.at(-1)!.toFixed(0)} (${pauses.length} pauses, one a minute; ${workload})`);
  await cdp.detach();
  await page.close();
}

async function main(): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('no production build: run vite build first');
  const server = spawn('node_modules/.bin/vite', ['preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const base = `http://localhost:${PORT}/`;
    for (let i = 0; i < 100; i++) {
      try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const p of PROTOCOLS) await session(browser, base, p);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e) => {
  console.error(`bench:long failed: ${(e as Error).message}`);
  process.exit(1);
});
