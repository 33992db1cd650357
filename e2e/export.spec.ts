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
    expect(decoded.height).toBe(1560);
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
