/**
 * A long session in the browser, as issue 13 describes it: the production build in Chromium,
 * a 5-node cluster played at the fastest speed (100x, or as fast as the worker keeps up),
 * 20% loss and 20% duplication, and a client command for about every 100 ms of virtual time
 * (sent as user actions while it plays, in small batches as the clock moves, as a person's
 * clicks would be recorded). Every minute of real time it pauses and prints the simulation
 * worker's heap and the page's (after a GC), how long a click on Pause took to take effect
 * (a mouse click to the first frame after the first snapshot that says paused), and how far the run has come; then plays
 * on. Figures only; nothing is asserted.
 *   npm run bench:long                                    (10 minutes each, Raft then Multi-Paxos)
 *   npm run bench:long -- --minutes 2 --protocol raft    (a quick try)
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { benchState, installDriver, lossyFragment, pauseLatency, withBrowser } from './browser';

const args = process.argv.slice(2);
const flag = (name: string): string | null => (args.includes(name) ? args[args.indexOf(name) + 1] ?? null : null);
const MINUTES = Number(flag('--minutes') ?? 10);
const PROTOCOLS = flag('--protocol') !== null ? [flag('--protocol')!] : ['raft', 'multipaxos'];
const COMMAND_EVERY_MS = 100;

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
  await installDriver(page, COMMAND_EVERY_MS);
  await page.goto(base + lossyFragment(protocol));
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
    const pause = await pauseLatency(browser, page);
    pauses.push(pause.total);
    const [worker, main] = [await workerHeap(cdp), await pageHeap(page)];
    const s = await benchState(page);
    console.log(`long.${protocol}.minute=${minute} worker_heap_mb=${mb(worker)} page_heap_mb=${mb(main)} pause_ms=${pause.total.toFixed(0)} (heard after ${pause.heard.toFixed(0)}, paused snapshot after ${pause.arrived.toFixed(0)}, ${pause.queued} snapshots between; CPU main ${pause.cpu.main.toFixed(0)} workers ${pause.cpu.workers.toFixed(0)}, ${pause.detail.others.map((o) => `${o.thread} ${o.ms.toFixed(0)}`).join(', ')}; main thread before it heard the click: CPU ${pause.detail.beforeHeard.toFixed(0)}; its GC from click to frame ${pause.detail.gc.toFixed(0)}) virtual_s=${(s.time / 1000).toFixed(0)} events=${s.events} commands=${s.sent}`);
  }
  const sorted = [...pauses].sort((a, b) => a - b);
  console.log(`long.${protocol}.pause_ms_max=${sorted.at(-1)!.toFixed(0)} (${pauses.length} pauses, one a minute; ${workload})`);
  await cdp.detach();
  await page.close();
}

async function main(): Promise<void> {
  await withBrowser(async (browser, base) => {
    for (const p of PROTOCOLS) await session(browser, base, p);
  });
}

main().catch((e) => {
  console.error(`bench:long failed: ${(e as Error).message}`);
  process.exit(1);
});
