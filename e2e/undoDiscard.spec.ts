import { expect, test } from '@playwright/test';
import { nextStep, node, open, watchErrors } from './helpers';

test('acting in a lesson offers Undo in its notice: the lesson\'s later actions come back, and its claims hold again', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, './#lesson=raft-replication');
  // Crash S1 at 0 ms: the lesson's own timeout and request (later actions) are discarded.
  await node(page, 1).click();
  await page.keyboard.press('c');
  await expect(node(page, 1)).toHaveAttribute('data-up', 'false');
  const notice = page.locator('.notice', { hasText: 'were discarded' });
  await expect(notice).toContainText('later actions were discarded');
  await page.screenshot({ path: 'test-results/screenshots/undo-offer-1280.png' });
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notice).toHaveCount(0);
  await expect(node(page, 1)).toHaveAttribute('data-up', 'true');
  await expect(page.locator('[data-virtual-time]').first()).toHaveAttribute('data-virtual-time', '0');
  // The lesson runs as written: S1 is elected on its step, and every claim holds.
  await nextStep(page);
  await expect(node(page, 1)).toHaveAttribute('data-role', 'leader');
  await expect(page.locator('.claims-badge')).toHaveClass(/hold/);
  expect(errors).toEqual([]);
});
