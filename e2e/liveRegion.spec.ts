import { expect, test } from '@playwright/test';
import { open, pause, play, watchErrors } from './helpers';

test('step mode: a polite live region says the event each step produced, and stays quiet while playing', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  const region = page.locator('.step-announcer');
  await expect(region).toHaveAttribute('aria-live', 'polite');
  // Nothing is said as the page opens.
  await expect(region).toHaveText('');
  await page.keyboard.press('.');
  await expect(region).not.toHaveText('');
  const first = await region.getAttribute('data-seq');
  const said = await region.textContent();
  expect(said).toMatch(/^\d+\.\d{3} s: \S/);
  // Each step says its own event.
  await page.getByRole('button', { name: 'Step forward one event' }).click();
  await expect(region).not.toHaveAttribute('data-seq', first!);
  expect(Number(await region.getAttribute('data-seq'))).toBeGreaterThan(Number(first));
  // Stepping back says the event now last, too.
  const second = await region.getAttribute('data-seq');
  await page.keyboard.press(',');
  await expect(region).not.toHaveAttribute('data-seq', second!);
  // Playing: silent, however many events pass.
  await page.getByLabel('Speed').selectOption('1');
  await play(page);
  await expect(region).toHaveText('');
  for (let k = 0; k < 5; k++) {
    await page.waitForTimeout(150);
    await expect(region).toHaveText('');
  }
  // Paused again, it says where the run stopped, once.
  await pause(page);
  await expect(region).not.toHaveText('');
  expect(errors).toEqual([]);
});
