import { expect, test } from '@playwright/test';
import { splitBrain as theSplitBrain } from '../src/scenario/clientLessons';
import { open, pause, play, scenarioUrl, setSpeed, shot, showTeaching, virtualTime, watchErrors } from './helpers';

/** The split brain of lessons C1 to C3, without narration: S1 keeps answering in a minority. */
const splitBrain = (reads: 'leader' | 'log' | 'readIndex') => scenarioUrl({ version: 2, nodes: 5, seed: 4, ...theSplitBrain({ reads, tries: 6, healAt: 1500 }) });

const bar = (page: import('@playwright/test').Page, label: string) => page.locator('.hist-bar', { hasText: label });

test.describe('clients and their history', () => {
  test('a stale read from the old leader is shown, caught, and pauses the run there', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, splitBrain('leader'));
    // The run brings clients: the History tab opens by itself.
    await expect(page.getByRole('tab', { name: 'History', exact: true })).toHaveAttribute('aria-selected', 'true');
    await setSpeed(page, 1);
    await play(page);
    // The check stops the run at the reply that made the history non-linearizable (1130 ms).
    // Wait on the clock, not on the Play button: right after the click it may still show Play.
    await expect.poll(() => virtualTime(page), { timeout: 20_000 }).toBe(1130);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    expect(await virtualTime(page)).toBe(1130);
    await expect(page.locator('[data-history]')).toHaveAttribute('data-history', 'violation');
    await expect(page.locator('[data-verdict="violation"]')).toContainText('not linearizable on x');
    const stale = page.locator('.hist-bar[data-stale="true"]');
    await expect(stale).toHaveCount(1);
    await expect(stale).toHaveAttribute('aria-label', /Client 2: get x → 1, ok, 1100 to 1130 ms; S1 · read from its own store \(as leader\); stale read/);
    await expect(page.locator('.hist-bar[data-flagged="true"]')).toHaveCount(3);
    await expect(page.getByRole('button', { name: /unsafe/ })).toBeVisible();
    // A click on a bar goes to its reply and selects the server that gave it.
    await bar(page, 'set x 2 → ok').click();
    await expect.poll(() => virtualTime(page)).toBe(899);
    await expect(page.locator('g.node[data-node-id="4"]')).toHaveAttribute('aria-pressed', 'true');
    expect(errors).toEqual([]);
  });

  test('through the log and by read index, the same read waits out the split brain and returns the newest value', async ({ page }) => {
    for (const reads of ['log', 'readIndex'] as const) {
      await open(page, `${splitBrain(reads)}&t=2000`);
      await expect(page.locator('[data-history]')).toHaveAttribute('data-history', 'ok');
      await expect(page.locator('.hist-bar[data-outcome="ok"]')).toHaveCount(3);
      await expect(bar(page, 'get x → 2')).toHaveAttribute('aria-label', reads === 'log' ? /S4 · log index 5/ : /S4 · read index/);
      await expect(page.locator('[data-check="linearizable"]')).toHaveAttribute('data-ok', 'true');
    }
  });

  test('a run without clients says which lessons have some, counted from the lessons', async ({ page }) => {
    await open(page);
    await showTeaching(page, 'History');
    await expect(page.locator('[data-history="none"]')).toContainText('The lessons C1 to C10 have some');
  });

  test('a client is sent an operation from the panel; one that is not an operation is refused, visibly', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, scenarioUrl({ version: 2, nodes: 3, seed: 2, clients: { count: 2 } }, 600));
    await showTeaching(page, 'History');
    await page.locator('[data-invoke-client]').selectOption('2');
    await page.locator('[data-invoke-op]').fill('incr n');
    await page.locator('[data-invoke-send]').click();
    await expect(page.locator('.hist-bar')).toHaveCount(1);
    await expect(page.locator('.hist-bar').first()).toHaveAttribute('data-open', 'true');
    await setSpeed(page, 1);
    await play(page);
    await expect(bar(page, 'incr n → 1')).toHaveAttribute('data-outcome', 'ok');
    await pause(page);
    await page.locator('[data-invoke-op]').fill('fetch n');
    await page.locator('[data-invoke-send]').click();
    // Said beside the form, where it was typed; typing again takes it away.
    await expect(page.locator('[data-invoke-refused]')).toHaveText('Client 2 cannot send "fetch n": not an operation of the store');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, 'history-invoke-refused');
    await page.locator('[data-invoke-op]').fill('get n');
    await expect(page.locator('[data-invoke-refused]')).toHaveCount(0);
    await showTeaching(page, 'Events');
    await expect(page.locator('section.events')).toContainText('cannot send "fetch n": not an operation of the store');
    expect(errors).toEqual([]);
  });

  test('a lease broken by drift: the old leader\'s slow clock keeps its lease, its stale read is caught and pauses the run', async ({ page }) => {
    const errors = watchErrors(page);
    // Lesson C6 without its narration: S3 leads, is cut off alone at 300 ms, its clock at a tenth of true time from 260 ms.
    await open(page, scenarioUrl({
      version: 2, nodes: 5, seed: 4, clients: { count: 2, reads: 'lease', tries: 6 },
      actions: [
        { at: 10, type: 'timeout', node: 3 },
        { at: 150, type: 'invoke', client: 1, op: 'set x 1', node: 3 },
        { at: 220, type: 'invoke', client: 2, op: 'get x', node: 3 },
        { at: 260, type: 'drift', node: 3, rate: 0.1 },
        { at: 300, type: 'partition', groups: [[3], [1, 2, 4, 5]] },
        { at: 800, type: 'invoke', client: 1, op: 'set x 2', node: 1 },
        { at: 1000, type: 'invoke', client: 2, op: 'get x', node: 3 },
      ],
    }));
    await setSpeed(page, 1);
    await play(page);
    await expect.poll(() => virtualTime(page), { timeout: 20_000 }).toBe(1025);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await expect(page.locator('[data-history]')).toHaveAttribute('data-history', 'violation');
    await expect(page.locator('.hist-bar[data-stale="true"]')).toHaveAttribute('aria-label', /get x → 1, ok, 1000 to 1025 ms; S3 · on its lease/);
    // The first read, at 220 ms, was served on a lease that held: not stale.
    await expect(page.locator('.hist-bar', { hasText: 'get x → 1' })).toHaveCount(2);
    // With clocks that keep time (lesson C5) the same read waits, and S1 answers it on its own lease.
    await open(page, './#lesson=raft-read-lease&t=1400');
    await expect(page.locator('[data-history]')).toHaveAttribute('data-history', 'ok');
    await expect(bar(page, 'get x → 2')).toHaveAttribute('aria-label', /S1 · on its lease/);
    expect(errors).toEqual([]);
  });

  test('the lesson on retries: the reply is lost, the retry is answered from the session, n is 1 everywhere', async ({ page }) => {
    await open(page, './#lesson=raft-exactly-once&t=400');
    await expect(bar(page, 'incr n → 1')).toHaveAttribute('aria-label', /Client 1: incr n → 1, ok, 200 to 359 ms/);
    // The three attempts the narration counts are on the bar: ticks where each was sent, numbered.
    await expect(bar(page, 'incr n → 1').locator('.hist-try')).toHaveCount(3);
    await expect(bar(page, 'incr n → 1').locator('.hist-try').nth(1)).toHaveAttribute('data-why', 'retry');
    await expect(bar(page, 'incr n → 1')).toHaveAttribute('aria-label', /3 tries: to S1 at 200 ms, retry to S2 at 300 ms, redirect to S1 at \d+ ms/);
    await expect(bar(page, 'incr n → 2').locator('.hist-try')).toHaveCount(0);
    await expect(page.locator('section.logs .log-kv')).toHaveText(['state machine', 'n=1', 'n=1', 'n=1', 'n=1', 'n=1']);
  });

  test('the lesson on retries, at its end: the History names the second increment whole at 1280x720', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    // Opened on another tab: the History is measured only once it is shown.
    await open(page, './#lesson=raft-exactly-once&t=2000');
    await showTeaching(page, 'History');
    const second = bar(page, 'incr n → 2');
    await expect(second).toHaveAttribute('data-label-cut', 'false');
    const label = second.locator('.hist-label');
    await expect(label).toBeVisible();
    expect((await label.boundingBox())!.width).toBeGreaterThan(50);
  });

  test('Multi-Paxos lessons C9 and C10: the old leader\'s stale read is caught; by read index it waits, and the new leader answers x = 2', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, './#lesson=multipaxos-stale-read');
    await setSpeed(page, 1);
    // Each narration step pauses the run, and the check stops it at the stale reply (1125 ms).
    // Wait on the clock, not on the Play button: right after the click it may still show Play.
    for (const stop of [217, 301, 456, 902, 1111, 1125]) {
      await play(page);
      await expect.poll(() => virtualTime(page), { timeout: 20_000 }).toBe(stop);
      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 20_000 });
    }
    await expect(page.locator('[data-history]')).toHaveAttribute('data-history', 'violation');
    await expect(page.locator('[data-verdict="violation"]')).toContainText('not linearizable on x');
    await expect(page.locator('.hist-bar[data-stale="true"]')).toHaveAttribute('aria-label', /Client 2: get x → 1, ok, 1100 to 1125 ms; S1 · read from its own store \(as leader\); stale read/);

    await open(page, './#lesson=multipaxos-read-index&t=1530');
    await expect(bar(page, 'get x')).toHaveAttribute('data-open', 'true');
    await play(page);
    await expect.poll(() => virtualTime(page), { timeout: 20_000 }).toBe(1583);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('[data-history]')).toHaveAttribute('data-history', 'ok');
    await expect(bar(page, 'get x → 2')).toHaveAttribute('aria-label', /S5 · read index/);
    await expect(page.locator('[data-check="linearizable"]')).toHaveAttribute('data-ok', 'true');
    expect(errors).toEqual([]);
  });
});
