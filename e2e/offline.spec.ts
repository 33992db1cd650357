import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { open, watchErrors } from './helpers';

// These tests are about the service worker, which the other specs block.
test.use({ serviceWorkers: 'allow' });

/** Waits until a service worker controls the page: from then on the app's files come from its cache. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('after one visit, the app opens and runs a lesson with no network', async ({ page, context }) => {
  const errors = watchErrors(page);
  await open(page, './#lesson=raft-election');
  await expect(page.locator('[data-sw="offline-ready"]')).toBeVisible();
  // It stands with the other notices, clear of the cluster's legend (bottom left, it covered it).
  const [notice, legend] = await Promise.all(['[data-sw="offline-ready"]', '.legend'].map((sel) => page.locator(sel).boundingBox()));
  expect(notice!.x >= legend!.x + legend!.width || notice!.y + notice!.height <= legend!.y).toBe(true);
  await controlled(page);
  expect(errors).toEqual([]);
  await context.setOffline(true);
  // Prove the network is gone: a file the build does not hold cannot be fetched.
  expect(await page.evaluate(() => fetch(`./not-cached-${Date.now()}.txt`).then(() => 'fetched', () => 'offline'))).toBe('offline');
  errors.length = 0; // that refusal is the console's one error so far, and the one the probe wanted
  await page.reload();
  await expect(page.locator('g.node')).toHaveCount(5);
  // The lesson runs: both workers (simulation and drawing) came from the cache.
  const text = page.locator('.narration-text');
  for (let step = 0; step <= 3; step++) {
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(text).toHaveAttribute('data-step', String(step));
  }
  await expect(page.locator('g.node[data-role="leader"]')).toHaveCount(1);
  await expect(page.locator('.moving-layer canvas')).toHaveCount(1);
  // Another lesson, opened from the menu's link while offline.
  await page.goto('./#lesson=raft-split-vote');
  await expect(page.locator('g.node')).toHaveCount(4);
  await context.setOffline(false);
  expect(errors).toEqual([]);
});

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json' };

/**
 * A static host of the build that a test can "deploy again": the browser fetches a service
 * worker's script itself, past Playwright's routing, so the new version must come from a server.
 */
async function host(): Promise<{ server: Server; url: string; deploy: () => void }> {
  let version = 1;
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '') || 'index.html';
    readFile(join('dist', path)).then((body) => {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(path === 'sw.js' && version > 1 ? `${body}\n// deployment ${version}\n` : body);
    }, () => { res.writeHead(404); res.end(); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, deploy: () => { version++; } };
}

test('a newly deployed version is offered with a notice, and Reload switches to it', async ({ page }) => {
  const errors = watchErrors(page);
  const site = await host();
  try {
    await open(page, site.url);
    await controlled(page);
    site.deploy();
    // The browser looks for a new service worker on each visit; the test asks at once.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const notice = page.locator('[data-sw="update"]');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('new version');
    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.locator('g.node')).not.toHaveCount(0);
    await expect(page.locator('[data-sw="update"]')).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    site.server.close();
  }
});

test('at 1280x720 "works offline" is one small line at the foot of the corner, under an error, and goes on ×', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, './#lesson=raft-election');
  const ready = page.locator('[data-sw="offline-ready"]');
  await expect(ready).toBeVisible();
  // An error while it shows: a bad link, the run kept.
  await page.evaluate(() => { window.location.hash = 's=%%%'; });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The current run is kept');
  const [a, r] = await Promise.all([alert.boundingBox(), ready.boundingBox()]);
  // Errors first: the good news stands below the error's message, never above or over it.
  expect(r!.y).toBeGreaterThanOrEqual(a!.y + a!.height);
  // One line, small, in the page's bottom margin more than over its panels: it may cover at most the last few pixels of a panel.
  expect(r!.height).toBeLessThanOrEqual(26);
  expect(r!.width).toBeLessThanOrEqual(220);
  const panelsEnd = await page.locator('.story').evaluate((el) => el.getBoundingClientRect().bottom);
  expect(r!.y).toBeGreaterThanOrEqual(panelsEnd - 14);
  await page.screenshot({ path: 'test-results/screenshots/offline-ready-1280.png' });
  await ready.getByRole('button', { name: 'Dismiss' }).click();
  await expect(ready).toHaveCount(0);
  await expect(alert).toBeVisible();
});

test('in an embed at 480x320 "works offline" never covers the transport: the worker is ready and nothing is said', async ({ page }) => {
  await page.setViewportSize({ width: 480, height: 320 });
  // The notice goes by itself after 5 s: note whether it ever showed.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('[data-sw="offline-ready"]') !== null) document.documentElement.dataset.sawOfflineReady = 'true';
    }).observe(document, { childList: true, subtree: true });
  });
  await open(page, './#lesson=raft-split-brain&view=embed');
  // The worker registers in the embed too (the full app says "works offline" at this point).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => document.documentElement.dataset.sawOfflineReady ?? 'never')).toBe('never');
  // Previous and Play are the topmost elements where they are drawn: nothing sits over them.
  for (const name of ['Step back one event', 'Play']) {
    const button = page.getByRole('button', { name, exact: true });
    const box = (await button.boundingBox())!;
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.getAttribute('aria-label') ?? null, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(hit).toBe(name);
  }
  await page.screenshot({ path: 'test-results/screenshots/offline-embed-480.png' });
});
