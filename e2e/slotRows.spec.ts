import { expect, test } from '@playwright/test';
import { open, setSpeed, watchErrors } from './helpers';

test('Multi-Paxos slot rows say whom a replica last heard lead, whole at 1280x720', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, './#lesson=multipaxos-failover');
  await setSpeed(page, 1);
  for (let i = 1; i <= 6; i++) {
    await page.keyboard.press('PageDown');
    await expect(page.locator('.narration-text')).toHaveAttribute('data-step', String(i), { timeout: 20_000 });
  }
  for (const id of [2, 3]) {
    const heard = page.locator(`section[aria-label] .log-row[data-node-id="${id}"] [data-heard-leader]`);
    await expect(heard).toHaveText('heard S4 · applied 4');
    await expect(heard).toHaveAttribute('title', `S${id} last heard S4 as leader; it has applied slots up to 4`);
    expect(await heard.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
  // The leader's own row names no other.
  await expect(page.locator('.log-row[data-node-id="4"] [data-heard-leader]')).toHaveCount(0);
  expect(errors).toEqual([]);
});
