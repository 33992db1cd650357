import { expect, test } from '@playwright/test';
import { open, pause, play, scenarioUrl, seeLogs, setSpeed, shot, virtualTime, watchErrors } from './helpers';

/** A heavy run: 9 servers, 20% loss and duplication, a command every 20 ms for 100 s. */
function heavy(): Record<string, unknown> {
  const actions = [];
  for (let i = 0; i < 5000; i++) actions.push({ at: 200 + i * 20, type: 'request', node: 1 + (i % 9), command: `set k${i % 40} ${i}` });
  return { nodes: 9, seed: 5, network: { dropRate: 0.2, duplicateRate: 0.2 }, options: { noopOnElection: true }, actions };
}

/** The long-run workload of bench:long, as a scenario: Multi-Paxos, 5 servers, 20% loss and duplication, a command every 100 ms. */
function lossyMultiPaxos(): Record<string, unknown> {
  const actions = [];
  for (let i = 0; i < 5000; i++) actions.push({ at: 500 + i * 100, type: 'request', node: 1 + (i % 5), command: `set k${i % 64} ${i}` });
  return { protocol: 'multipaxos', nodes: 5, seed: 1, network: { dropRate: 0.2, duplicateRate: 0.2 }, actions };
}

/**
 * How long the page's main thread takes to run a frame's callback. The bounds below are loose
 * (a shared, loaded machine runs these): they tell a page that answers from one frozen for
 * minutes, as it was after a long fast run.
 */
async function answers(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(() => {
    const t0 = performance.now();
    return new Promise<number>((r) => requestAnimationFrame(() => r(performance.now() - t0)));
  });
}

test.describe('long runs and far moments', () => {
  test('a far moment opens in slices: the cluster shows at once, a progress bar moves, Cancel stops where it got to', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, scenarioUrl(heavy(), 3_600_000));
    const card = page.locator('.progress-card');
    await expect(card).toBeVisible();
    await expect(card).toContainText('Opening the run at 3600.000 s');
    const first = Number(await card.getAttribute('data-progress'));
    await expect.poll(async () => Number(await card.getAttribute('data-progress'))).toBeGreaterThan(first);
    expect(await answers(page)).toBeLessThan(2_000);
    await shot(page, 'far-moment-progress');
    await card.getByRole('button', { name: 'Cancel' }).click();
    await expect(card).toHaveCount(0);
    await expect(page.getByText(/^Stopped at [\d.]+ s, where the run had come to\.$/)).toBeVisible();
    // The notice and the snapshot of where the run stopped travel separately: wait for the clock.
    await expect.poll(() => virtualTime(page)).toBeGreaterThan(0);
    expect(await virtualTime(page)).toBeLessThan(3_600_000);
    expect(errors).toEqual([]);
  });

  test('Pause during a fast Multi-Paxos run stops the clock, and the slot table shows the newest slots', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, scenarioUrl(lossyMultiPaxos()));
    await setSpeed(page, 100);
    await play(page);
    // Far enough that the run holds hundreds of slots, which snapshots no longer copy whole.
    await expect.poll(() => virtualTime(page), { timeout: 45_000 }).toBeGreaterThan(60_000);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    const clock = page.locator('.clock');
    const stopped = [await virtualTime(page), await clock.getAttribute('data-events')];
    await page.waitForTimeout(1_000);
    expect([await virtualTime(page), await clock.getAttribute('data-events')]).toEqual(stopped);
    // The table shows the newest slots: the most advanced replica's highest applied slot is a
    // column, decided; so is every other replica's, unless it lags behind the columns shown
    // (one crashed or cut off when the run was paused).
    await seeLogs(page);
    const columns = (await page.locator('.log-head .log-index').allTextContents()).map(Number);
    const applied: number[] = [];
    for (let id = 1; id <= 5; id++) {
      const row = page.locator(`.log-row[data-node-id="${id}"]`);
      const slot = Number(await row.locator('[data-applied]').getAttribute('data-applied'));
      await expect(row.locator('[data-applied]')).toContainText(`applied ${slot}`);
      applied.push(slot);
      if (columns.includes(slot)) await expect(row.locator(`[data-slot="${slot}"]`)).toHaveAttribute('data-decided', 'true');
    }
    expect(Math.max(...applied)).toBeGreaterThan(100);
    expect(columns).toContain(Math.max(...applied));
    await shot(page, 'multipaxos-paused-at-100x');
    expect(errors).toEqual([]);
  });

  test('a moment beyond one hour is capped, with a message', async ({ page }) => {
    await open(page, './#lesson=raft-election&t=999999999');
    await expect(page.getByText(/beyond the furthest a link opens at \(one hour, t=3600000\)/)).toBeVisible();
    await expect(page.locator('.progress-card')).toHaveCount(0, { timeout: 60_000 });
    await expect.poll(() => virtualTime(page), { timeout: 60_000 }).toBe(3_600_000);
  });

  test('after a long fast run, Pause acts at once, Home answers promptly, and a seek to the end answers too (with progress and Cancel when it takes long)', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, scenarioUrl(heavy()));
    await setSpeed(page, 100);
    await play(page);
    await expect.poll(() => virtualTime(page), { timeout: 45_000 }).toBeGreaterThan(60_000);
    await pause(page);
    const paused = await virtualTime(page);
    const slider = page.getByRole('slider', { name: 'Timeline' });
    await slider.focus();
    await slider.press('Home');
    await expect.poll(() => virtualTime(page), { timeout: 3_000 }).toBe(0);
    expect(await answers(page)).toBeLessThan(2_000);
    // Back to where it was paused: from a checkpoint, not a replay from the start.
    // A seek longer than one slice shows its progress and Escape stops it; on a quick machine the
    // checkpoint is close enough that it lands within a slice. Either way the page keeps answering.
    await slider.press('End');
    const card = page.locator('.progress-card');
    await expect.poll(async () => (await card.count()) > 0 || (await virtualTime(page)) >= paused - 1000, { timeout: 15_000 }).toBe(true);
    expect(await answers(page)).toBeLessThan(2_000);
    if ((await card.count()) > 0) {
      await shot(page, 'seek-past-end-progress');
      await page.keyboard.press('Escape');
      await expect(card).toHaveCount(0);
    }
    expect(errors).toEqual([]);
  });
});
