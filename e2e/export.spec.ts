import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { open } from './helpers';

test.describe('export the cluster', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test.setTimeout(120_000);

  test('as PNG and SVG, 1920 pixels wide: files download, the PNG decodes, the SVG parses', async ({ page }) => {
    await open(page, './#lesson=raft-replication');
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    const file = page.locator('.file-menu');

    await file.locator('summary').click();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export picture (PNG)' }).click()]);
    expect(png.suggestedFilename()).toMatch(/^quorum-cluster-\d+ms\.png$/);
    const pngBytes = readFileSync((await png.path())!);
    await png.saveAs('test-results/screenshots/cluster-export.png');
    // Decoded by the browser, as a slide tool would.
    const decoded = await page.evaluate(async (b64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const c = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      c.drawImage(bitmap, 0, 0);
      // Not a blank picture: count the pixels that are not white.
      const data = c.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) inked++;
      return { width: bitmap.width, height: bitmap.height, inked };
    }, pngBytes.toString('base64'));
    expect(decoded.width).toBe(1920);
    // As tall as the view on screen is for its width: the view takes the shape of the cluster's box.
    const view = await page.locator('svg.cluster-servers').evaluate((svg) => { const { width, height } = (svg as SVGSVGElement).viewBox.baseVal; return { width, height }; });
    expect(decoded.height).toBe(Math.round((1920 * view.height) / view.width));
    expect(decoded.inked).toBeGreaterThan(20_000);

    if (!(await file.evaluate((d) => (d as HTMLDetailsElement).open))) await file.locator('summary').click();
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export drawing (SVG)' }).click()]);
    const text = readFileSync((await svg.path())!, 'utf8');
    const parsed = await page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: root.localName, width: root.getAttribute('width'),
        servers: [...doc.querySelectorAll('text')].map((t) => t.textContent).filter((t) => /^S\d$/.test(t ?? '')),
        moving: doc.querySelectorAll('image').length,
      };
    }, text);
    expect(parsed).toEqual({ error: null, root: 'svg', width: '1920', servers: ['S1', 'S2', 'S3', 'S4', 'S5'], moving: 1 });
  });
});

test.describe('record a video', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test.setTimeout(120_000);

  test('a span of the run as WebM: a progress bar while the frames are made, a file the browser plays, 1280 pixels wide, as long as the span at its speed', async ({ page }) => {
    await open(page, './#lesson=raft-replication');
    await page.locator('.file-menu summary').click();
    await page.locator('[data-export="video"]').click();
    const dialog = page.getByRole('dialog', { name: 'Record a video' });
    await expect(dialog).toBeVisible();
    // The File menu does not stand open behind the dialog.
    await expect(page.locator('.file-menu')).not.toHaveAttribute('open');
    await dialog.locator('[data-video="from"]').fill('0.1');
    await dialog.locator('[data-video="to"]').fill('0.4');
    // Ten frames: 300 ms of the run at 1x, 30 frames a second.
    await dialog.locator('[data-video="speed"]').selectOption('1');
    await expect(dialog.getByText('A video of about 0.3 s.')).toBeVisible();
    const downloading = page.waitForEvent('download');
    await dialog.locator('[data-video="record"]').click();
    await expect(dialog.getByRole('progressbar', { name: 'Recording' })).toBeVisible();
    const video = await downloading;
    expect(video.suggestedFilename()).toBe('quorum-run-100-400ms.webm');
    const bytes = readFileSync((await video.path())!);
    // An EBML header: the first four bytes of every WebM file.
    expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    await video.saveAs('test-results/screenshots/run-export.webm');
    // The browser reads it as a video of the size recorded, and its frames are not blank.
    const played = await page.evaluate(async (b64) => {
      const el = document.createElement('video');
      el.muted = true;
      document.body.append(el);
      el.src = URL.createObjectURL(await (await fetch(`data:video/webm;base64,${b64}`)).blob());
      await new Promise((resolve, reject) => { el.onloadeddata = resolve; el.onerror = () => reject(new Error(el.error?.message ?? 'not a video')); });
      // A frame in the middle, decoded and shown.
      el.currentTime = 0.15;
      await new Promise((resolve) => { el.onseeked = resolve; });
      const c = new OffscreenCanvas(el.videoWidth, el.videoHeight).getContext('2d')!;
      // On a loaded machine the seeked frame can reach the canvas a little after 'seeked' (CI once
      // read a blank one): look again for up to a second. A blank video stays blank and fails.
      let inked = 0;
      for (let look = 0; look < 20 && inked <= 10_000; look++) {
        if (look > 0) await new Promise((resolve) => setTimeout(resolve, 50));
        c.drawImage(el, 0, 0);
        const data = c.getImageData(0, 0, el.videoWidth, el.videoHeight).data;
        inked = 0;
        for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 60) inked++;
      }
      return { width: el.videoWidth, height: el.videoHeight, duration: el.duration, inked };
    }, bytes.toString('base64'));
    expect(played.width).toBe(1280);
    expect(played.height).toBe(1040);
    expect(played.duration).toBeCloseTo(10 / 30, 2);
    expect(played.inked).toBeGreaterThan(10_000);
    await expect(dialog.locator('[data-video="message"]')).toHaveText('Saved.');
    // The run is left at the span's end, paused.
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    expect(Number(await page.locator('[data-virtual-time]').getAttribute('data-virtual-time'))).toBeGreaterThanOrEqual(400);
    // Closed, the dialog gives focus back to the menu it came from.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('.file-menu summary')).toBeFocused();
  });

  test('a span that ends before it starts is refused, saying why, and nothing is recorded', async ({ page }) => {
    await open(page, './#lesson=raft-replication');
    await page.locator('.file-menu summary').click();
    await page.locator('[data-export="video"]').click();
    const dialog = page.getByRole('dialog', { name: 'Record a video' });
    await dialog.locator('[data-video="from"]').fill('2');
    await dialog.locator('[data-video="to"]').fill('1');
    await expect(dialog.getByRole('alert')).toHaveText('The end comes after the start.');
    await expect(dialog.locator('[data-video="record"]')).toBeDisabled();
    // Fixed, it may record again: what was typed is kept.
    await dialog.locator('[data-video="to"]').fill('3');
    await expect(dialog.locator('[data-video="record"]')).toBeEnabled();
    await expect(dialog.locator('[data-video="from"]')).toHaveValue('2');
  });
});

test.describe('the File menu', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('closes on Escape, giving the focus back to its button, and on a click anywhere else', async ({ page }) => {
    await open(page, './#lesson=raft-replication');
    const menu = page.locator('[data-file-menu]');
    const summary = menu.locator('summary');
    await summary.click();
    await expect(menu).toHaveAttribute('open');
    await expect(page.getByRole('button', { name: 'Save scenario' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).not.toHaveAttribute('open');
    await expect(summary).toBeFocused();
    // Open again, then a click on the cluster's empty corner closes it.
    await summary.click();
    await expect(menu).toHaveAttribute('open');
    const stage = (await page.locator('[data-region="cluster"]').boundingBox())!;
    await page.mouse.click(stage.x + 10, stage.y + 10);
    await expect(menu).not.toHaveAttribute('open');
    // A click inside the menu does not close it.
    await summary.click();
    await menu.locator('.menu').click({ position: { x: 2, y: 2 } });
    await expect(menu).toHaveAttribute('open');
  });
});
