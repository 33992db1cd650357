import { spawnSync } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';
import { node, open, openPanels, scenarioUrl, showTeaching, theLeader, virtualTime, watchErrors } from './helpers';

/** Raft's leadership transfer from the node panel (issue 14): the leader hands over, the target elects itself at once. */

const line = (page: Page, id: string) => page.locator(`[data-line-id="${id}"]`);

test('the leader\'s panel hands leadership to a chosen follower: the pseudocode marks the transfer, the target leads the next term at once, and the link replays to the same hash', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, scenarioUrl({ version: 2, nodes: 5, seed: 32, timing: { latencyMin: 10, latencyMax: 10 }, actions: [
    { at: 20, type: 'timeout', node: 1 }, { at: 200, type: 'request', node: 1, command: 'set a 1' },
  ] }, 300));
  expect(await theLeader(page)).toEqual({ id: 1, term: 1 });
  await openPanels(page);
  // A follower's panel offers no transfer.
  await node(page, 2).click();
  await expect(page.locator('[data-transfer-leadership]')).toBeDisabled();
  await node(page, 1).click();
  await page.getByLabel('S1 hands leadership to').selectOption('3');
  await page.getByRole('button', { name: 'Transfer leadership from S1 to S3' }).click();
  // The action ran (paused, it runs at once): S1 is handing over and says so; its pseudocode shows the transfer.
  await expect(page.locator('[data-transferring="3"]')).toBeVisible();
  await showTeaching(page, 'Pseudocode');
  await expect(page.locator('[data-pseudocode-handler]')).toHaveAttribute('data-pseudocode-handler', 'transfer');
  await expect(line(page, 'transfer.timeoutNow')).toHaveAttribute('data-ran', 'true');
  await expect(line(page, 'transfer.timeoutNow')).toContainText('TimeoutNow(S1, 1) to S3');
  const at = await virtualTime(page);
  // Stepping on: S3 gets TimeoutNow, runs its election at once, and wins term 2 a round trip later.
  const forward = page.getByRole('button', { name: 'Step forward one event' });
  for (let i = 0; i < 40 && (await node(page, 3).getAttribute('data-role')) !== 'leader'; i++) await forward.click();
  expect(await theLeader(page)).toEqual({ id: 3, term: 2 });
  expect(await virtualTime(page)).toBeLessThanOrEqual(at + 40);
  await expect(node(page, 1)).toHaveAttribute('data-role', 'follower');

  await page.getByRole('button', { name: 'Share…' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  await page.keyboard.press('Escape');
  const t = /&t=(\d+)$/.exec(link)![1];
  // The link reopens the run at that moment (every event up to it), as npm run sim replays it.
  await open(page, link.replace(/^https?:\/\/[^/]+\//, './'));
  await expect(page.locator('.top [data-virtual-time]')).toHaveAttribute('data-virtual-time', t);
  expect(await theLeader(page)).toEqual({ id: 3, term: 2 });
  await openPanels(page);
  const hash = await page.locator('code[data-trace-hash]').getAttribute('data-trace-hash');
  const sim = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', link, '--until', t], { encoding: 'utf8' });
  expect(JSON.parse(sim.stdout.trim().split('\n').at(-1)!).summary.traceHash).toBe(hash);
  expect(errors).toEqual([]);
});

test('lesson raft-transfer: TimeoutNow flies as its own hourglass, named in the legend', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  // S1 has just sent S3 TimeoutNow (step 2).
  await open(page, './#lesson=raft-transfer&t=402');
  await expect(page.locator('.legend .legend-item', { hasText: 'TimeoutNow' }).locator('svg path')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screenshots/raft-transfer-timeoutnow-1280.png' });
  expect(errors).toEqual([]);
});
