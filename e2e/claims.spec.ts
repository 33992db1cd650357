import { expect, test } from '@playwright/test';
import { LESSONS } from '../src/scenario/lessons';
import { open, watchErrors } from './helpers';

test.describe('claims: the page shows whether what a narration step says holds', () => {
  test('a lesson step\'s claims hold, and the list names each one', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, './#lesson=raft-split-vote&t=364');
    const badge = page.locator('.claims-badge');
    await expect(badge).toHaveAttribute('data-claims', 'hold');
    await badge.click();
    const items = page.getByRole('list', { name: 'Claims at 364 ms' }).getByRole('listitem');
    await expect(items).toHaveCount(LESSONS.find((l) => l.id === 'raft-split-vote')!.scenario.narration!.at(-1)!.claims!.length);
    await expect(items.first()).toHaveAttribute('data-claim-holds', 'true');
    expect(errors).toEqual([]);
  });

  test('crashing S3 before its timeout makes the next step\'s claims false, and says what the run shows instead', async ({ page }) => {
    await open(page, './#lesson=raft-election&t=50');
    await page.keyboard.press('3');
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Next step' }).click();
    const badge = page.locator('.claims-badge');
    await expect(badge).toHaveAttribute('data-claims', 'fail');
    await badge.click();
    await expect(page.getByRole('listitem', { name: 'S3 role = candidate: does not hold, S3 role is follower' })).toBeVisible();
  });

  test('the editor checks claims as they are typed and the new step carries them', async ({ page }) => {
    await open(page, './#lesson=raft-split-vote&t=364');
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('New narration step').fill('S4 leads now.');
    const claims = page.getByLabel('Claims of the new step, one per line');
    await claims.fill('S4 role = leader\nS9 up');
    await expect(page.getByRole('alert')).toHaveText('line 2: there is no S9 in a cluster of 4 (S1 to S4)');
    const add = page.getByRole('button', { name: /^Add a step at/ });
    await expect(add).toBeDisabled();
    await claims.fill('S4 role = leader\nS1 role = leader');
    await add.click();
    const mark = page.locator('.narration-editor li').last().locator('.claims-mark');
    await expect(mark).toHaveAttribute('data-claims', 'fail');
    await expect(mark).toHaveText('✗ 1');
  });
});
