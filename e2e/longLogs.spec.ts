import { expect, test } from '@playwright/test';
import { open, scenarioUrl, shot, virtualTime, watchErrors } from './helpers';

/** A long run's logs: a command every 500 ms for 200 s, "set x 199500", "set y 200000"... */
function longRun(): Record<string, unknown> {
  const actions = [];
  for (let i = 0; i < 400; i++) actions.push({ at: 500 + i * 500, type: 'request', node: 1 + (i % 5), command: `set ${i % 2 ? 'y' : 'x'} ${500 + i * 500}` });
  return { nodes: 5, seed: 1, actions };
}

test('a long run\'s logs: the count of earlier entries whole on one line, a "…" in every row, the store whole', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, scenarioUrl(longRun(), 200_100));
  await expect.poll(() => virtualTime(page), { timeout: 45_000 }).toBe(200_100);
  const earlier = page.locator('section.logs [data-earlier]');
  await expect(earlier).toHaveText(/^… \d+ earlier$/);
  // Neither cut at its side nor wrapped into a second line the header row has no room for.
  const fits = await earlier.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().height <= 20);
  expect(fits).toBe(true);
  // The newest entries beside a narrow "…" column: at 1280x720, four whole cells, not three beside 70 px of nothing.
  expect(await page.locator('section.logs .log-head .log-index').count()).toBeGreaterThanOrEqual(4);
  // The state machine "x=199500 y=200000" on two lines, not "x=199500 y=200…".
  const kv = page.locator('.log-row[data-node-id="1"] .log-kv');
  await expect(kv).toHaveText('x=199500 y=200000');
  expect(await kv.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth)).toBe(true);
  await shot(page, 'long-run-logs-1280');
  expect(errors).toEqual([]);
});
