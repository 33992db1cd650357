import { expect, test } from '@playwright/test';
import { open, watchErrors } from './helpers';

test.describe('the Logs key at 1280x720', () => {
  let errors: string[];
  test.use({ viewport: { width: 1280, height: 720 } });
  test.beforeEach(({ page }) => { errors = watchErrors(page); });
  test.afterEach(() => { expect(errors).toEqual([]); });

  test('pictures each mark the cells show, the leader\'s next-to-send box and acknowledged underline too, and is whole', async ({ page }) => {
    // Step 5 of log replication: S1 leads; S2 and S3 wait for entry 1, S4 and S5 acknowledged it.
    await open(page, './#lesson=raft-replication&t=344');
    const key = page.locator('section.logs h2 .logs-key');
    await expect(key.locator('[data-key]')).toHaveText(['committed', 'not yet', 'commitLength', 'S1 sends next', 'acked to S1']);
    await expect(key.locator('[data-key] svg')).toHaveCount(5);
    // No mark the cells never draw.
    await expect(key).not.toContainText('▲');
    await expect(key).not.toContainText('✓');
    expect(await key.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= el.closest('section')!.getBoundingClientRect().right)).toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/logs-key-1280.png' });
  });
});
