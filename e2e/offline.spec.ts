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

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('at 1024x768 the header has no room for "works offline": it is not said, and "Quorum" stays whole', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await open(page, './#lesson=raft-fencing-off&t=890');
  await expect(page.locator('[data-sw="offline-ready"]')).toBeAttached();
  await expect(page.locator('[data-sw="offline-ready"]')).toBeHidden();
  const brand = await page.locator('header.top > h1').evaluate((h) => {
    const range = document.createRange();
    range.selectNodeContents(h.firstChild!);
    return { text: range.getBoundingClientRect(), box: h.getBoundingClientRect() };
  });
  expect(brand.text.left).toBeGreaterThanOrEqual(brand.box.left);
  expect(brand.text.right).toBeLessThanOrEqual(brand.box.right + 0.5);
});

for (const [width, height] of [[1280, 720]]) {
  test(`at ${width}x${height} "works offline" is one small line in the header's row: it covers no lesson text and no control (C8's verdict), and goes on ×`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await open(page, './#lesson=raft-fencing-off&t=890');
    const ready = page.locator('[data-sw="offline-ready"]');
    await expect(ready).toBeVisible();
    const verdict = page.locator('[data-verdict="stale-token"]');
    await expect(verdict).toBeVisible();
    const header = page.locator('header.top');
    const shown = { r: (await ready.boundingBox())!, h: (await header.boundingBox())!, verdict: (await verdict.boundingBox())! };
    // In the header's row (over the bottom right corner, it hid the verdict until dismissed).
    expect(shown.r.y).toBeGreaterThanOrEqual(shown.h.y);
    expect(shown.r.y + shown.r.height).toBeLessThanOrEqual(shown.h.y + shown.h.height);
    expect(overlaps(shown.r, shown.verdict)).toBe(false);
    // Beside the header's controls, over none of them, and none pushed out of the row or onto a second one.
    for (const control of await header.locator('button, select, summary').all()) {
      if (await control.evaluate((el) => el.closest('[data-sw]') !== null) || !(await control.isVisible())) continue;
      const box = (await control.boundingBox())!;
      expect(overlaps(shown.r, box), await control.getAttribute('aria-label') ?? await control.innerText()).toBe(false);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    await page.screenshot({ path: `test-results/screenshots/offline-ready-c8-${width}.png` });
    await ready.getByRole('button', { name: 'Dismiss' }).click();
    await expect(ready).toHaveCount(0);
    // The row keeps its height: the line took its room from the title, not from a second row.
    expect((await header.boundingBox())!.height).toBe(shown.h.height);
  });
}

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
