import { expect, type Locator, type Page, test } from '@playwright/test';
import { open, setSpeed, shot, watchErrors } from './helpers';

const narration = (page: Page) => page.locator('.narration-text');

/** Next, step by step, as a lecturer's clicker does, to the lesson's step `k` (counted from 0). */
async function toStep(page: Page, k: number): Promise<void> {
  // The lesson's own pace (0.1x) takes seconds a step: the same steps, played faster.
  await setSpeed(page, 1);
  for (let i = 1; i <= k; i++) {
    await page.keyboard.press('PageDown');
    await expect(narration(page)).toHaveAttribute('data-step', String(i), { timeout: 20_000 });
  }
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
}

async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [(await a.boundingBox())!, (await b.boundingBox())!];
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

test.describe('"Safety violated" leaves a lesson\'s point in sight', () => {
  let errors: string[];
  test.beforeEach(({ page }) => { errors = watchErrors(page); });
  test.afterEach(() => { expect(errors).toEqual([]); });

  for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    test(`C1's last step at ${size.width}x${size.height}: the notice stands over the cluster's legend, clear of the History and the narration`, async ({ page }) => {
      await page.setViewportSize(size);
      await open(page, './#lesson=raft-stale-read');
      await toStep(page, 6);
      const notice = page.locator('[data-violation-notice]');
      await expect(notice).toBeVisible();
      // Announced: it stands in a live region, and says what failed.
      await expect(page.getByRole('status').filter({ has: notice })).toContainText('Safety violated: not linearizable');
      for (const region of ['history', 'narration', 'logs']) {
        expect(await overlaps(notice, page.locator(`[data-region="${region}"]`)), region).toBe(false);
      }
      // Within the cluster's panel, below its servers.
      const stage = (await page.locator('[data-region="cluster"]').boundingBox())!;
      const box = (await notice.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(stage.x);
      expect(box.x + box.width).toBeLessThanOrEqual(stage.x + stage.width + 0.5);
      for (const n of await page.locator('g.node').all()) expect(await overlaps(notice, n)).toBe(false);
      await shot(page, `violation-notice-c1-${size.width}`);
      await page.getByRole('button', { name: 'Dismiss the safety notice' }).click();
      await expect(notice).toHaveCount(0);
    });
  }

  // A lecturer shares the moment they saw: the link must show the same notice as Next did.
  for (const [lesson, t, text] of [['atomic-3pc-partition', 485, 'Safety violated: S1 committed t1'], ['raft-stale-read', 1130, 'Safety violated: not linearizable']] as const) {
    test(`a link to ${lesson} at ${t} ms shows the notice, as stepping there does`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, `./#lesson=${lesson}&t=${t}`);
      const notice = page.locator('[data-violation-notice]');
      await expect(notice).toContainText(text);
      await shot(page, `violation-notice-link-${lesson}`);
      await page.getByRole('button', { name: 'Dismiss the safety notice' }).click();
      await expect(notice).toHaveCount(0);
    });
  }

  test('Previous to a moment before the violation takes the notice away; a notice said twice stands once', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=raft-stale-read');
    await toStep(page, 6);
    await expect(page.locator('[data-violation-notice]')).toBeVisible();
    // Past the last step, Next says so; said again, the one notice is refreshed, not stacked.
    await page.keyboard.press('PageDown');
    await expect(page.locator('.notice', { hasText: 'That was the last narration step.' })).toHaveCount(1);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(page.locator('.notice', { hasText: 'That was the last narration step.' })).toHaveCount(1);
    await page.keyboard.press('PageUp');
    await expect(narration(page)).toHaveAttribute('data-step', '5');
    await expect(page.locator('[data-violation-notice]')).toHaveCount(0);
  });
});
