import { expect, type Page, test } from '@playwright/test';
import { node, open, openPanels, pause, play, setSpeed, shot, watchErrors } from './helpers';

const cell = (page: Page, tx: string, server: number) => page.locator(`[data-protocol-table] tr[data-row="${tx}"] td[data-col="S${server}"]`);
const check = (page: Page, name: string) => page.locator(`[data-check="${name}"]`);

test.describe('atomic commit: 2PC and 3PC', () => {
  let errors: string[];
  test.beforeEach(({ page }) => { errors = watchErrors(page); });
  test.afterEach(() => { expect(errors).toEqual([]); });

  test('2PC blocks: with the coordinator down the participants hold their locks in doubt, and commit once it recovers', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=atomic-2pc-blocking&t=500');
    await expect(node(page, 1)).toHaveAttribute('data-up', 'false');
    for (const id of [2, 3, 4]) {
      await expect(node(page, id)).toHaveAttribute('data-role', 'in-doubt');
      await expect(node(page, id).locator('.node-lock')).toHaveAttribute('data-locks', 't1');
      await expect(cell(page, 't1', id)).toHaveAttribute('data-tone', 'in-doubt');
      await expect(cell(page, 't1', id)).toHaveAttribute('data-locked', 'true');
    }
    await expect(page.locator('[data-protocol-table] .table-note')).toContainText('in doubt');
    await shot(page, 'atomic-2pc-blocking-1280');
    // After S1 recovers and resends its logged decision: committed everywhere, no lock left.
    await open(page, './#lesson=atomic-2pc-blocking&t=1100');
    await page.reload();
    await expect(node(page, 1)).toHaveAttribute('data-up', 'true');
    for (const id of [2, 3, 4]) {
      await expect(cell(page, 't1', id)).toHaveAttribute('data-tone', 'committed');
      await expect(node(page, id).locator('.node-lock')).toHaveCount(0);
    }
    await expect(page.locator('.safety-badge')).toHaveAttribute('data-safe', 'true');
  });

  test('3PC under a partition: one side commits, the other aborts, and the atomicity check fails', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=atomic-3pc-partition&t=560');
    await expect(cell(page, 't1', 2)).toHaveAttribute('data-tone', 'committed');
    for (const id of [3, 4]) await expect(cell(page, 't1', id)).toHaveAttribute('data-tone', 'aborted');
    // The header's badge says unsafe; the safety panel, in the drawer, names the check.
    await expect(page.locator('.safety-badge')).toHaveAttribute('data-safe', 'false');
    await page.locator('.safety-badge').click();
    await expect(check(page, 'atomicity')).toHaveAttribute('data-ok', 'false');
    await expect(check(page, 'validity')).toHaveAttribute('data-ok', 'true');
    await shot(page, 'atomic-3pc-partition-1280');
  });

  test('3PC in the lesson\'s words: S2 the backup coordinator, S3 and S4 uncertain, the crashed S1 crashed (not idle)', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    // Step 5: S1 has crashed; S2's timer ran out and it starts the termination protocol.
    await open(page, './#lesson=atomic-3pc-crash&t=392');
    await expect(node(page, 2)).toHaveAttribute('aria-label', /^Select S2, backup coordinator · t1, /);
    for (const id of [3, 4]) await expect(node(page, id)).toHaveAttribute('aria-label', new RegExp(`^Select S${id}, uncertain · t1, `));
    await expect(node(page, 1)).toHaveAttribute('aria-label', 'Select S1, crashed, crashed, log empty');
    await expect(cell(page, 't1', 3)).toHaveText('voted yes · uncertain');
    await expect(page.locator('.legend')).toContainText('uncertain');
    await expect(page.locator('.legend')).not.toContainText('in doubt');
    await shot(page, 'atomic-3pc-crash-backup-1280');
  });

  // The other atomic lessons, opened at their end: the outcome each states, in the browser.
  for (const [lesson, t, tone, s1Up] of [['atomic-2pc-commit', 200, 'committed', true], ['atomic-2pc-no', 200, 'aborted', true], ['atomic-3pc-crash', 450, 'aborted', false]] as const) {
    test(`${lesson}: every participant ends ${tone}, holding no lock`, async ({ page }) => {
      await open(page, `./#lesson=${lesson}&t=${t}`);
      await expect(node(page, 1)).toHaveAttribute('data-up', String(s1Up));
      for (const id of [2, 3, 4]) {
        await expect(cell(page, 't1', id)).toHaveAttribute('data-tone', tone);
        await expect(node(page, id).locator('.node-lock')).toHaveCount(0);
      }
      await expect(page.locator('.safety-badge')).toHaveAttribute('data-safe', 'true');
    });
  }

  test('atomic-raft-contrast: under Raft the same failure ends with a new leader in a later term', async ({ page }) => {
    await open(page, './#lesson=atomic-raft-contrast&t=1200');
    const leader = page.locator('g.node[data-role="leader"][data-up="true"]');
    await expect(leader).toHaveCount(1);
    await expect(leader).not.toHaveAttribute('data-node-id', '1');
    expect(Number(await leader.getAttribute('data-term'))).toBeGreaterThan(1);
  });

  test('a 2PC cluster from the settings takes a transaction typed at S1, and S3\'s no vote aborts it everywhere', async ({ page }) => {
    await open(page);
    await page.getByLabel('Protocol').selectOption('2pc');
    await page.getByLabel('Cluster size').selectOption('4');
    await page.getByRole('button', { name: 'New cluster' }).click();
    await expect(node(page, 1)).toHaveAttribute('data-role', 'coordinator');
    await node(page, 1).click();
    await page.getByLabel('Command for S1').fill('set x 1');
    await expect(page.getByRole('button', { name: 'Send to S1' })).toBeDisabled();
    await page.getByLabel('Command for S1').fill('tx pay no 3');
    await page.getByRole('button', { name: 'Send to S1' }).click();
    await setSpeed(page, 1);
    await play(page);
    await page.locator('[data-protocol-table]').scrollIntoViewIfNeeded();
    for (const id of [2, 3, 4]) await expect(cell(page, 'pay', id)).toHaveAttribute('data-tone', 'aborted');
  });

  test('R at the coordinator sends the next transaction, as an empty Send does, and it commits', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page);
    await openPanels(page);
    await page.getByLabel('Protocol').selectOption('3pc');
    await page.getByRole('button', { name: 'New cluster' }).click();
    await expect(node(page, 1)).toHaveAttribute('data-role', 'coordinator');
    await page.keyboard.press('1');
    await page.keyboard.press('r');
    await page.keyboard.press('r');
    await setSpeed(page, 1);
    await play(page);
    await page.locator('[data-protocol-table]').scrollIntoViewIfNeeded();
    for (const tx of ['t1', 't2']) for (const id of [2, 3, 4, 5]) await expect(cell(page, tx, id)).toHaveAttribute('data-tone', 'committed');
    await pause(page);
    await shot(page, 'atomic-r-key');
  });

  test('a participant set to vote no in its panel aborts a transaction the client let commit; the setting restarts the run and stays', async ({ page }) => {
    await open(page);
    await page.getByLabel('Protocol').selectOption('2pc');
    await page.getByLabel('Cluster size').selectOption('4');
    await page.getByRole('button', { name: 'New cluster' }).click();
    await node(page, 3).click();
    const setting = page.getByLabel('Vote setting of S3');
    await expect(setting).toHaveAttribute('data-vote-setting', '0');
    await setting.selectOption({ label: 'always votes no' });
    await expect(page.getByLabel('Vote setting of S3')).toHaveAttribute('data-vote-setting', '1');
    // The coordinator has no vote to set.
    await node(page, 1).click();
    await expect(page.getByLabel('Vote setting of S1')).toHaveCount(0);
    await page.getByLabel('Command for S1').fill('tx pay');
    await page.getByRole('button', { name: 'Send to S1' }).click();
    await setSpeed(page, 1);
    await play(page);
    await page.locator('[data-protocol-table]').scrollIntoViewIfNeeded();
    for (const id of [2, 3, 4]) await expect(cell(page, 'pay', id)).toHaveAttribute('data-tone', 'aborted');
    await node(page, 3).click();
    await expect(page.getByLabel('Vote setting of S3')).toHaveAttribute('data-vote-setting', '1');
    await shot(page, 'atomic-vote-setting');
  });
});
