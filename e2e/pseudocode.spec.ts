import { expect, type Page, test } from '@playwright/test';
import { LESSONS } from '../src/scenario/lessons';
import { open, pause, play, scenarioUrl, setSpeed, showTeaching, watchErrors } from './helpers';

/**
 * The pseudocode panel in step with the run, against the production build: the election
 * lesson, stepped one event at a time, shows the VoteRequest handler with the values each
 * follower saw; stepping back restores the previous highlight exactly.
 */
const panel = (page: Page) => page.locator('[data-pseudocode-handler]');
const line = (page: Page, id: string) => page.locator(`[data-line-id="${id}"]`);

/** Only the handlers shown carry the lines' hooks: a handler kept hidden in its place has none, a shown one has them on every line. */
async function expectHooksOnShownOnly(page: Page): Promise<void> {
  await expect(page.locator('.code-block[hidden] :is([data-line-id], .code-line)')).toHaveCount(0);
  await expect(page.locator('.code-handler .code-lines > li:not(.code-line[data-line-id])')).toHaveCount(0);
}

async function expectVoteGranted(page: Page, voter: number, seq: number): Promise<void> {
  await expect(panel(page)).toHaveAttribute('data-pseudocode-handler', 'voteRequest');
  await expectHooksOnShownOnly(page);
  await expect(page.locator('.code-block[hidden]')).not.toHaveCount(0);
  await expect(page.locator('.code-event')).toHaveAttribute('data-seq', String(seq));
  await expect(page.locator('.code-event')).toContainText(`S${voter} · event ${seq}`);
  for (const id of ['newer', 'stepDown', 'lastTerm', 'logOk', 'grantIf', 'grant', 'yes']) {
    await expect(line(page, `voteRequest.${id}`)).toHaveAttribute('data-ran', 'true');
  }
  for (const id of ['else', 'no']) await expect(line(page, `voteRequest.${id}`)).toHaveAttribute('data-ran', 'false');
  await expect(line(page, 'voteRequest.newer')).toContainText('cTerm 1 > currentTerm 0');
  await expect(line(page, 'voteRequest.logOk')).toContainText('logOk: yes, cLogTerm 0 = lastTerm 0 and cLogLength 0 ≥ log.length 0');
  await expect(line(page, 'voteRequest.grant')).toContainText('votedFor null → S3');
  await expect(line(page, 'voteRequest.yes')).toContainText(`VoteResponse(S${voter}, 1, true) to S3`);
}

test.describe('pseudocode panel', () => {
  test('stepping through the election lesson highlights the VoteRequest handler with the right values; stepping back restores the previous highlight', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=raft-election');
    await expect(page.locator('.narration-count')).toHaveText('1 / 5');
    await page.keyboard.press('PageDown');
    await expect(page.locator('.narration-count')).toHaveText('2 / 5');
    // S3 timed out at 100 ms: the election timeout handler, every line of the normal path run.
    await expect(panel(page)).toHaveAttribute('data-pseudocode-handler', 'electionTimeout');
    await expect(line(page, 'electionTimeout.refuse')).toHaveAttribute('data-ran', 'false');
    await expect(line(page, 'electionTimeout.send')).toHaveAttribute('data-ran', 'true');
    await expect(line(page, 'electionTimeout.send')).toContainText('VoteRequest(S3, 1, 0, 0)');
    await expect(line(page, 'electionTimeout.term')).toContainText('currentTerm 0 → 1');

    // One event at a time: S2, S1, S4, S5 each receive S3's VoteRequest and grant their vote.
    const voters = [2, 1, 4, 5];
    for (const [i, voter] of voters.entries()) {
      await page.keyboard.press('.');
      await expectVoteGranted(page, voter, 7 + i);
    }
    await page.locator('.pseudocode').screenshot({ path: 'test-results/screenshots/pseudocode-vote.png' });
    // Back: each step restores the highlight and values of the event before.
    for (let i = voters.length - 2; i >= 0; i--) {
      await page.keyboard.press(',');
      await expectVoteGranted(page, voters[i], 7 + i);
    }
    await page.keyboard.press(',');
    await expect(panel(page)).toHaveAttribute('data-pseudocode-handler', 'electionTimeout');
    await expect(page.locator('.code-event')).toHaveAttribute('data-seq', '6');
    await expectHooksOnShownOnly(page);
    await expect(line(page, 'voteRequest.grant')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('a lesson\'s first step shows the same on first open and after Next, Previous: the initialisations at time 0 have run', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=raft-election');
    const seen = async () => ({
      step: await page.locator('.narration-count').textContent(),
      clock: await page.locator('.clock').getAttribute('aria-label'),
      panel: await page.locator('.pseudocode').innerText(),
      roles: await page.locator('g.node').evaluateAll((els) => els.map((e) => [e.dataset.role, e.dataset.term].join())),
    });
    await expect(page.locator('.pseudocode')).toContainText('on initialisation');
    const opened = await seen();
    await page.screenshot({ path: 'test-results/screenshots/lesson-step0-opened.png' });
    await page.keyboard.press('PageDown');
    await expect(page.locator('.narration-count')).toHaveText('2 / 5');
    await page.keyboard.press('PageUp');
    await expect(page.locator('.narration-count')).toHaveText('1 / 5');
    await expect.poll(seen).toEqual(opened);
    await page.screenshot({ path: 'test-results/screenshots/lesson-step0-previous.png' });
    expect(errors).toEqual([]);
  });

  test('clicking a line offers its previous and next run, and seeks there', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, './#lesson=raft-election');
    await page.keyboard.press('PageDown');
    await expect(page.locator('.narration-count')).toHaveText('2 / 5');
    await page.keyboard.press('.');
    await expectVoteGranted(page, 2, 7);
    await line(page, 'voteRequest.grant').getByRole('button').first().click();
    const nav = line(page, 'voteRequest.grant').getByRole('group', { name: 'When this line ran' });
    await nav.getByRole('button', { name: 'next ▶' }).first().click();
    await expectVoteGranted(page, 1, 8);
    await nav.getByRole('button', { name: 'next ▶' }).first().click();
    await expectVoteGranted(page, 4, 9);
    await nav.getByRole('button', { name: '◀ previous' }).first().click();
    await expectVoteGranted(page, 1, 8);
    // On this node (S1, the shown event's): no earlier grant, and the app says so.
    await nav.getByRole('button', { name: '◀ previous' }).nth(1).click();
    await expect(page.getByText('No earlier event on S1 ran that line.')).toBeVisible();
    await expectVoteGranted(page, 1, 8);
    expect(errors).toEqual([]);
  });

  test('the paper\'s names appear beside the lectures\' in the panel and the legend', async ({ page }) => {
    await open(page, './#lesson=raft-election');
    await page.keyboard.press('PageDown');
    await expect(page.locator('.narration-count')).toHaveText('2 / 5');
    await page.keyboard.press('.');
    await expect(page.locator('.legend .paper-name')).toHaveCount(0);
    await page.getByLabel('paper\'s names').check();
    await expect(page.locator('.legend')).toContainText('VoteRequest (RequestVote)');
    await expect(page.locator('.legend')).toContainText('LogRequest (AppendEntries)');
    await expect(page.locator('.code-handler h3').first()).toContainText('VoteRequest (RequestVote)');
  });

  test('while playing it follows the selected node; paused, it shows the event at the playhead', async ({ page }) => {
    const errors = watchErrors(page);
    // No narration here: a lesson's steps would pause the run.
    await open(page, scenarioUrl({ nodes: 5, seed: 3 }));
    await page.keyboard.press('2');
    await setSpeed(page, 1);
    await play(page);
    await expect(page.locator('.code-event')).toContainText('following S2');
    await expect(page.locator('.code-event')).toContainText(/^S2 · event \d+/);
    await pause(page);
    await expect(page.locator('.code-event')).not.toContainText('following');
    // Paused, the panel shows the latest handler run at the playhead, which the event log lists too.
    const seq = await page.locator('.code-event').getAttribute('data-seq');
    await expect(page.locator(`.event[data-seq="${seq}"]`)).toHaveCount(1);
    expect(errors).toEqual([]);
  });

  test('a value with a long unbroken word wraps inside the panel at 1280x720, beside the drawer', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=raft-three-way&t=1990');
    await page.getByRole('tab', { name: 'Pseudocode', exact: true }).click();
    await page.keyboard.press('d');
    await expect(page.locator('#drawer')).toBeVisible();
    // A command or key typed by a user can be one long word; the lessons' values all have spaces.
    const fits = await page.locator('.pseudocode .code-value').first().evaluate((chip) => {
      chip.textContent = 'c1#12 set customer_shipping_address_line_two_for_order_12345';
      const body = chip.closest('.code-body')!;
      return { chip: chip.getBoundingClientRect().right, body: body.getBoundingClientRect().right, scrolls: body.scrollWidth > body.clientWidth };
    });
    expect(fits.chip).toBeLessThanOrEqual(fits.body);
    expect(fits.scrolls).toBe(false);
  });
});

test.describe('the pseudocode panel at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  // The panel showed about four lines and never scrolled: "it is leader of term 1" (voteResponse.lead) was out of sight.
  test('at every narration step that names lines, the named lines are in the panel\'s sight', async ({ page }) => {
    test.setTimeout(240_000);
    const errors = watchErrors(page);
    await open(page);
    await setSpeed(page, 5);
    const hidden: string[] = [];
    for (const lesson of LESSONS.filter((l) => l.scenario.narration!.some((n) => n.lines !== undefined))) {
      const steps = lesson.scenario.narration!;
      await page.goto(`./#lesson=${lesson.id}`);
      await page.waitForFunction(({ title, count }) => document.querySelector('header h1')?.getAttribute('title')?.endsWith(` · ${title}`)
        && document.querySelector('[data-virtual-time]')?.getAttribute('data-virtual-time') === '0'
        && document.querySelector('.narration-count')?.textContent?.endsWith(`/ ${count}`), { title: lesson.scenario.title!, count: steps.length }, { polling: 'raf' });
      for (let k = Number(await page.locator('.narration-text').getAttribute('data-step')); k < steps.length; k++) {
        if (k < 0) continue;
        if (k > 0) {
          await page.keyboard.press('PageDown');
          await page.waitForFunction((step) => document.querySelector('.narration-text')?.getAttribute('data-step') === String(step)
            && document.querySelector('.transport button.play')?.getAttribute('aria-label') === 'Play', k, { polling: 'raf', timeout: 15_000 });
        }
        const lines = steps[k].lines;
        if (lines === undefined) continue;
        // A lesson with clients shows its History: the lines come into sight when the Pseudocode tab does.
        if (await page.getByRole('tab', { name: 'Pseudocode', exact: true }).getAttribute('aria-selected') !== 'true') await showTeaching(page, 'Pseudocode');
        // Two frames: the paused panel's refresh, then its layout.
        const out = await page.evaluate(async (ids) => {
          await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
          const body = document.querySelector('.code-body')!.getBoundingClientRect();
          const seen = (id: string) => {
            const r = document.querySelector(`.code-handler [data-line-id="${id}"]`)?.getBoundingClientRect();
            // A line taller than the panel (its values wrapped) shows from its top.
            return r !== undefined && r.height > 0 && r.top >= body.top - 0.5 && (r.bottom <= body.bottom + 0.5 || (r.height > body.height && r.top <= body.top + 8));
          };
          // All of them where they fit together, else the first.
          const rects = ids.map((id) => document.querySelector(`.code-handler [data-line-id="${id}"]`)?.getBoundingClientRect()).filter((r) => r !== undefined);
          const fit = rects.length > 0 && Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top)) <= body.height;
          return (fit ? ids : ids.slice(0, 1)).filter((id) => !seen(id));
        }, lines);
        if (out.length > 0) hidden.push(`${lesson.id} step ${k + 1}: ${out.join(', ')}`);
      }
    }
    expect(hidden).toEqual([]);
    expect(errors).toEqual([]);
  });
});
