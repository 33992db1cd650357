import { expect, test } from '@playwright/test';
import { open, scenarioUrl, virtualTime, watchErrors } from './helpers';

test.describe('the timeline spans the run', () => {
  let errors: string[];
  test.beforeEach(({ page }) => { errors = watchErrors(page); });
  test.afterEach(() => { expect(errors).toEqual([]); });

  test('after a 60.4 s run the slider ends a little past it, and a click beyond the run says it runs on', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, scenarioUrl({ nodes: 5, seed: 1 }, 60_400));
    await expect.poll(() => virtualTime(page), { timeout: 30_000 }).toBe(60_400);
    const slider = page.getByRole('slider', { name: 'Timeline' });
    const max = Number(await slider.getAttribute('max'));
    // A round 100 s made a click at 95% run on to 95 s, silently.
    expect(max).toBeGreaterThanOrEqual(60_400 * 1.05);
    expect(max).toBeLessThanOrEqual(60_400 * 1.3);
    const box = (await slider.boundingBox())!;
    const runsOn = page.locator('.notice', { hasText: 'Beyond the run so far: the simulation runs on to that moment.' });
    // Within the run: no word.
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
    await expect.poll(() => virtualTime(page)).toBeLessThan(40_000);
    await expect(runsOn).toHaveCount(0);
    // Past it: said once, and the run goes there.
    await page.mouse.click(box.x + box.width * 0.99, box.y + box.height / 2);
    await expect(runsOn).toHaveCount(1);
    await expect.poll(() => virtualTime(page), { timeout: 30_000 }).toBeGreaterThan(60_400);
    await page.screenshot({ path: 'test-results/screenshots/timeline-runs-on-1280.png' });
  });
});
