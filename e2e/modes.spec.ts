import { expect, test } from '@playwright/test';
import { open, watchErrors } from './helpers';

test.describe('presenter mode', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('F: larger type, controls away until the pointer moves, the clicker drives the narration', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, './#lesson=raft-replication');
    const app = page.locator('.app');
    const text = page.locator('.narration-text');
    const before = parseFloat(await text.evaluate((e) => getComputedStyle(e).fontSize));
    await page.keyboard.press('f');
    await expect(app).toHaveClass(/presenter/);
    expect(parseFloat(await text.evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThan(before);
    // The header and timeline leave once the pointer rests, and return when it moves.
    await expect(app).toHaveAttribute('data-chrome', 'hidden', { timeout: 6000 });
    await expect(page.locator('.chrome')).toHaveCSS('opacity', '0');
    await page.mouse.move(400, 300);
    await page.mouse.move(420, 320);
    await expect(app).toHaveAttribute('data-chrome', 'shown');
    // Page Down, as a clicker sends it, moves to the next step.
    const step = Number(await text.getAttribute('data-step'));
    await page.keyboard.press('PageDown');
    await expect(text).toHaveAttribute('data-step', String(step + 1));
    // The drawer stays folded; cluster, narration and logs fill the screen.
    await expect(page.locator('#drawer')).toHaveCount(0);
    for (const region of ['cluster', 'narration', 'logs']) {
      const box = (await page.locator(`[data-region="${region}"]`).boundingBox())!;
      expect(box.y + box.height, region).toBeLessThanOrEqual(720.5);
    }
    await page.screenshot({ path: 'test-results/screenshots/presenter.png' });
    await page.mouse.move(600, 30);
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await expect(app).not.toHaveClass(/presenter/);
    expect(errors).toEqual([]);
  });
});

test.describe('presenter mode at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('entered by a click, the header fades when the pointer rests, as with F; a keyboard user in the header keeps it', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, './#lesson=raft-split-brain&t=701');
    const app = page.locator('.app');
    const chrome = page.locator('.chrome');
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await expect(app).toHaveClass(/presenter/);
    await expect(app).toHaveAttribute('data-chrome', 'hidden', { timeout: 6000 });
    // It covered the logs' heading and S1's row, the entry the step talks about.
    await expect(chrome).toHaveCSS('opacity', '0');
    await page.screenshot({ path: 'test-results/screenshots/presenter-click.png' });
    // A clicker's Page Down moves on; presenter mode stays.
    await page.keyboard.press('PageDown');
    await expect(app).toHaveClass(/presenter/);
    // From the keyboard: Tab into the header, and it stays however long the pointer rests.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.querySelector('.chrome')!.contains(document.activeElement))).toBe(true);
    await expect(chrome).toHaveCSS('opacity', '1');
    // Out and in again by the button, from the keyboard: the focus stays on it, and the header with it.
    await page.getByRole('button', { name: 'Presenter mode' }).focus();
    await page.keyboard.press('Enter');
    await expect(app).not.toHaveClass(/presenter/);
    // Leaving presenter mode lays the header out anew: a loaded CI once lost the focus there.
    await page.getByRole('button', { name: 'Presenter mode' }).focus();
    await page.keyboard.press('Enter');
    await expect(app).toHaveClass(/presenter/);
    await expect(app).toHaveAttribute('data-chrome', 'hidden', { timeout: 6000 });
    await expect(chrome).toHaveCSS('opacity', '1');
    expect(errors).toEqual([]);
  });

  test('the narration shows whole where there is room, and the header, when the pointer brings it, never lies over it', async ({ page }) => {
    const errors = watchErrors(page);
    // Lesson 2's second step: three lines of the large type at this width (it was folded to two).
    await open(page, './#lesson=raft-split-vote&t=101');
    await page.keyboard.press('f');
    const app = page.locator('.app');
    await expect(app).toHaveClass(/presenter/);
    const text = page.locator('.narration-text');
    await expect(text).toHaveAttribute('data-step', '1');
    await expect(app).toHaveAttribute('data-chrome', 'hidden', { timeout: 6000 });
    // Whole: nothing cut off, so no "more…" to press.
    const cut = await text.evaluate((e) => e.scrollHeight - e.clientHeight);
    expect(cut).toBeLessThanOrEqual(1);
    await expect(page.locator('[data-narration-more]')).toHaveCount(0);
    await page.mouse.move(400, 300);
    await page.mouse.move(420, 320);
    await expect(app).toHaveAttribute('data-chrome', 'shown');
    await expect(page.locator('.chrome')).toHaveCSS('opacity', '1');
    const chrome = (await page.locator('.chrome').boundingBox())!;
    const narration = (await page.locator('[data-region="narration"]').boundingBox())!;
    expect(narration.y, 'the narration starts below the header').toBeGreaterThanOrEqual(chrome.y + chrome.height);
    expect(narration.y + narration.height, 'and ends on the screen').toBeLessThanOrEqual(720.5);
    // The notices' corner stays off it too.
    const notices = await page.locator('.notices').boundingBox();
    if (notices !== null && notices.width > 0) expect(notices.x + notices.width).toBeLessThanOrEqual(narration.x);
    await page.screenshot({ path: 'test-results/screenshots/presenter-narration.png' });
    expect(errors).toEqual([]);
  });
});

test.describe('embed mode', () => {
  test('inside an iframe on a slide: plays, steps, and takes clicker keys only while focused', async ({ page, baseURL }) => {
    const errors = watchErrors(page);
    await page.setContent(`<!doctype html><title>Slides</title><h1>Raft, slide 7</h1>
      <iframe src="${baseURL}#lesson=raft-replication&view=embed" width="960" height="600" title="Quorum"></iframe>`);
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('g.node')).toHaveCount(5);
    await expect(frame.locator('[data-view="embed"]')).toBeVisible();
    // The cluster fills the frame's height left by narration and transport.
    expect((await frame.locator('[data-region="cluster"] svg.cluster-servers').boundingBox())!.height).toBeGreaterThan(350);
    // Minimal: no header, drawer or logs.
    await expect(frame.locator('header')).toHaveCount(0);
    await expect(frame.locator('[data-region="logs"]')).toHaveCount(0);
    const text = frame.locator('.narration-text');
    const step = Number(await text.getAttribute('data-step'));
    // The slide has focus: a clicker's Page Down belongs to the slides, not the frame.
    await page.locator('h1').click();
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(300);
    await expect(text).toHaveAttribute('data-step', String(step));
    // Clicked into, the frame takes the clicker's keys.
    await frame.locator('.narration-text').click();
    await page.keyboard.press('PageDown');
    await expect(text).toHaveAttribute('data-step', String(step + 1));
    await expect(frame.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    // Step one event with the small transport, then play and pause.
    const clock = frame.locator('[data-events]');
    const events = Number(await clock.getAttribute('data-events'));
    await frame.getByRole('button', { name: 'Step forward one event' }).click();
    await expect(clock).toHaveAttribute('data-events', String(events + 1));
    await frame.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => Number(await clock.getAttribute('data-events'))).toBeGreaterThan(events + 3);
    // (A narrated run pauses by itself at its next step.)
    // "Open in Quorum": the same run in the full app.
    const href = await frame.getByRole('link', { name: /Open in Quorum/ }).getAttribute('href');
    expect(href).toContain('lesson=raft-replication');
    expect(href).not.toContain('view=embed');
    await page.screenshot({ path: 'test-results/screenshots/embed-in-slide.png' });
    expect(errors).toEqual([]);
  });

  test('two runs side by side embed as one does: no header, both clusters large at 960x600, and the pair\'s Share offers the snippet', async ({ page, baseURL }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#compare=figure8-broken&t=500');
    await page.getByRole('button', { name: 'Share…' }).click();
    const snippet = await page.getByLabel(/Embed both runs in slides/).inputValue();
    expect(snippet).toMatch(/^<iframe src="[^"]+#s=[^"]+&amp;vs=[^"]+&amp;t=500&amp;view=embed" width="960" height="600" /);
    await page.screenshot({ path: 'test-results/screenshots/pair-share-embed.png' });
    const src = /src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&').replace(/^https?:\/\/[^/]+\//, baseURL!);
    expect(errors).toEqual([]);
    // A slide of its own, as the embed test above has.
    const slide = await page.context().newPage();
    const slideErrors = watchErrors(slide);
    await slide.setContent(`<!doctype html><title>Slides</title><h1>Figure 8</h1><iframe src="${src}" width="960" height="600" title="Quorum"></iframe>`);
    const frame = slide.frameLocator('iframe');
    for (const s of ['left', 'right']) await expect(frame.locator(`[data-side="${s}"] g.node`)).toHaveCount(5);
    await expect(frame.locator('[data-view="embed"]')).toBeVisible();
    await expect(frame.locator('header')).toHaveCount(0);
    await expect(frame.locator('[data-region="logs"]')).toHaveCount(0);
    for (const s of ['left', 'right']) {
      await expect(frame.locator(`[data-side="${s}"]`)).toHaveAttribute('data-time', '500');
      expect((await frame.locator(`[data-side="${s}"] svg.cluster-servers`).boundingBox())!.height, s).toBeGreaterThan(300);
      // The servers' names as large as the single run's embed shows them at this size, not ~6 px.
      const name = frame.locator(`[data-side="${s}"] g.node[data-node-id="1"] text`).first();
      expect((await name.boundingBox())!.height, `${s}: S1's name`).toBeGreaterThanOrEqual(16);
    }
    await expect(frame.locator('[data-side="right"] [data-broken-rule]')).toBeVisible();
    // One transport for both runs; "Open in Quorum" leads to the full pair.
    await frame.getByRole('button', { name: 'Step forward one event' }).click();
    await expect.poll(async () => Number(await frame.locator('[data-side="left"]').getAttribute('data-time'))).toBeGreaterThan(500);
    await expect.poll(async () => (await frame.locator('[data-side="left"]').getAttribute('data-time')) === (await frame.locator('[data-side="right"]').getAttribute('data-time'))).toBe(true);
    const href = (await frame.getByRole('link', { name: /Open in Quorum/ }).getAttribute('href'))!;
    expect(href).toContain('vs=');
    expect(href).not.toContain('view=embed');
    await slide.screenshot({ path: 'test-results/screenshots/pair-embed-in-slide.png' });
    expect(slideErrors).toEqual([]);
  });

  test('the share dialog offers the iframe snippet', async ({ page }) => {
    await open(page, './#lesson=raft-election');
    await page.getByRole('button', { name: 'Share…' }).click();
    const snippet = await page.getByLabel(/Embed in slides/).inputValue();
    expect(snippet).toMatch(/^<iframe src="[^"]+#s=[^"]+&amp;view=embed" /);
    await page.screenshot({ path: 'test-results/screenshots/share-embed.png' });
  });
});

test('embed mode at 480x320: the claims badge, the clock and the link to the app fit, and the servers\' names stay legible', async ({ page }) => {
  await page.setViewportSize({ width: 480, height: 320 });
  await open(page, './#lesson=raft-split-brain&view=embed');
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.locator('.narration-count')).toHaveText('2 / 5');
  const badge = page.locator('.narration-controls .claims-badge');
  await expect(badge).toContainText('claims hold');
  // Nothing cut: each lies inside the frame and shows its whole text.
  for (const item of [badge, page.locator('.embed-bar .clock'), page.locator('[data-open-full]'), page.getByRole('button', { name: 'Next step' })]) {
    const fits = await item.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.left >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight && el.scrollWidth <= el.clientWidth + 1;
    });
    expect(fits).toBe(true);
  }
  // The link keeps its name for a screen reader, shown as its arrow alone.
  expect(await page.getByRole('link', { name: 'Open in Quorum' }).evaluate((el) => (el as HTMLElement).innerText.trim())).toBe('↗');
  const nameSize = await page.locator('g.node text').first().evaluate((el) => {
    const m = (el as SVGTextElement).getScreenCTM()!;
    return parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b);
  });
  expect(nameSize).toBeGreaterThanOrEqual(12);
  await page.screenshot({ path: 'test-results/screenshots/embed-480.png' });
});
