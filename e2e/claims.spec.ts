import { expect, test } from '@playwright/test';
import { LESSONS, lessonById, lessonScenario } from '../src/scenario/lessons';
import { nextStep, open, openPanels, play, scenarioUrl, setSpeed, watchErrors } from './helpers';

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

test.describe('break a rule from the page', () => {
  test('a lesson is known by the id its scenario carries: retitled, it still offers its rule; a copy without the id offers none', async ({ page }) => {
    const figure8 = lessonScenario(lessonById('raft-figure8')!);
    await open(page, scenarioUrl({ ...figure8, title: 'My own Figure 8' }));
    // Offered (in sight or, with the drawer open and no room on the row, stepped aside for the drawer's panel).
    await expect(page.locator('[data-try-broken="commitOldTermByCount"]')).toHaveCount(1);
    await open(page, scenarioUrl({ ...figure8, lesson: undefined }));
    await expect(page.locator('.narration-controls')).toBeVisible();
    await expect(page.locator('[data-try-broken]')).toHaveCount(0);
  });

  test('a lesson offers its rule; the run restarts with it broken, the check fails, the run pauses and the banner names it; New cluster keeps it, Clear ends it', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, './#lesson=raft-figure8');
    // The drawer (open on a wide screen) narrows the row; closed, the offer has its room.
    const panels = page.getByRole('button', { name: 'Panels', exact: true });
    if (await panels.getAttribute('aria-expanded') === 'true') await panels.click();
    await page.locator('[data-try-broken="commitOldTermByCount"]').click();
    const banner = page.locator('.broken-banner');
    await expect(banner).toHaveAttribute('data-broken-rule', 'commitOldTermByCount');
    await expect(page.locator('[data-virtual-time]')).toHaveAttribute('data-virtual-time', '0');
    // Next plays to each step; the check fails on the way, and the run pauses there.
    await setSpeed(page, 1);
    for (let i = 0; i < 6 && await banner.locator('[data-broken-check]').count() === 0; i++) await nextStep(page);
    await expect(banner.locator('[data-broken-check]')).toHaveAttribute('data-broken-check', 'leaderCompleteness');
    // The entry the check names is ringed in the logs: S5 leads without the entry committed at index 1.
    const involved = page.locator('.logs [data-involved]');
    await expect(involved).toHaveCount(1);
    await expect(involved).toHaveAttribute('data-involved', 'leaderCompleteness');
    await expect(involved).toHaveAttribute('data-node-id', '5');
    await expect(involved).toHaveAttribute('data-index', '1');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await expect(page.locator('.safety-badge')).toHaveAttribute('data-safe', 'false');
    // The line the rule breaks: the banner goes back to where it last ran, and the panel marks it.
    await banner.locator('[data-broken-line]').click();
    await expect(page.locator('.code-line[data-broken="true"]')).toHaveAttribute('data-line-id', 'commitLogEntries.commitIf');

    await openPanels(page);
    await expect(page.getByLabel('Rule to break')).toHaveValue('commitOldTermByCount');
    await page.getByRole('button', { name: 'New cluster' }).click();
    await expect(banner).toHaveAttribute('data-broken-rule', 'commitOldTermByCount');
    await page.getByRole('button', { name: 'Clear the broken rule' }).click();
    await expect(banner).toHaveCount(0);
    await expect(page.getByLabel('Rule to break')).toHaveValue('');
    expect(errors).toEqual([]);
  });

  test('a rule that only breaks progress: the checks stay green and the liveness watch reports the stall', async ({ page }) => {
    await open(page, './');
    await openPanels(page);
    await page.getByLabel('Rule to break').selectOption('noElectionTimerReset');
    await expect(page.locator('.broken-banner')).toHaveAttribute('data-broken-rule', 'noElectionTimerReset');
    await setSpeed(page, 1);
    await play(page);
    await expect(page.locator('[data-stall="noLeader"]')).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('.safety-badge')).toHaveAttribute('data-safe', 'true');
  });
});
