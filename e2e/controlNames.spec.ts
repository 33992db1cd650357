import { expect, test } from '@playwright/test';
import { open, openPanels, play, scenarioUrl, setSpeed, virtualTime, watchErrors } from './helpers';

test.describe('controls named by the words they show', () => {
  let errors: string[];
  test.beforeEach(({ page }) => { errors = watchErrors(page); });
  test.afterEach(() => { expect(errors).toEqual([]); });

  test('manual delivery\'s Copy is named "Copy …" (it was "Duplicate …"), and copies the message', async ({ page }) => {
    await open(page, scenarioUrl({ version: 2, nodes: 3, seed: 4, network: { manual: true } }));
    await setSpeed(page, 1);
    await play(page);
    await expect.poll(() => virtualTime(page)).toBeGreaterThan(0);
    const timer = page.locator('[data-pending="timer"][data-due="true"]');
    await expect(timer).toHaveCount(1);
    const due = await timer.getAttribute('data-node');
    await page.getByRole('button', { name: `Fire S${due}'s election timer` }).click();
    const requests = page.locator('[data-pending="message"][data-type="VoteRequest"]');
    await expect(requests).toHaveCount(2);
    const to = await requests.first().getAttribute('data-to');
    const copy = page.getByRole('button', { name: `Copy VoteRequest S${due} to S${to}`, exact: true });
    await expect(copy).toHaveAttribute('data-choice', 'copy');
    await copy.click();
    await expect(requests).toHaveCount(3);
  });

  test('the pseudocode\'s two ◀ previous / next ▶ pairs are told apart by name and hook', async ({ page }) => {
    await open(page, './#lesson=raft-election');
    await page.keyboard.press('PageDown');
    await expect(page.locator('.narration-count')).toHaveText('2 / 5');
    await page.keyboard.press('.');
    await expect(page.locator('.code-event')).toContainText('S2 · event 7');
    const grant = page.locator('[data-line-id="voteRequest.grant"]');
    await grant.getByRole('button').first().click();
    const nav = grant.getByRole('group', { name: 'When this line ran' });
    for (const [name, seek, scope] of [['◀ previous, on any node', 'previous', 'any'], ['next ▶, on any node', 'next', 'any'], ['◀ previous, on S2', 'previous', 'node'], ['next ▶, on S2', 'next', 'node']]) {
      const b = nav.getByRole('button', { name, exact: true });
      await expect(b).toHaveCount(1);
      await expect(b).toHaveAttribute('data-line-seek', seek);
      await expect(b).toHaveAttribute('data-line-scope', scope);
    }
    await nav.locator('[data-line-seek="next"][data-line-scope="any"]').click();
    await expect(page.locator('.code-event')).toContainText('S1 · event 8');
  });

  test('the cluster settings\' selects are named with their visible labels (voice control: "click Servers")', async ({ page }) => {
    await open(page);
    await openPanels(page);
    await expect(page.getByRole('combobox', { name: /^Servers/ })).toHaveCount(1);
    await expect(page.getByRole('combobox', { name: /^Protocol/ })).toHaveCount(1);
  });
});
