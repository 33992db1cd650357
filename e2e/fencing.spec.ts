import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { nextStep, open, play, scenarioUrl, setSpeed, shot, showTeaching, virtualTime, watchErrors } from './helpers';

const bar = (page: Page, label: string) => page.locator('.hist-bar', { hasText: label });

/**
 * Plays a lesson step by step (Next plays on to each step's moment) until its last step, at 1x.
 * A violation pauses the run before its step: Next then plays on from there.
 */
async function playLesson(page: Page, steps: number): Promise<void> {
  await setSpeed(page, 1);
  const next = page.getByRole('button', { name: 'Next step' });
  for (let i = 0; i < steps + 2 && await next.isEnabled(); i++) await nextStep(page);
  await expect(page.locator('.narration-text')).toHaveAttribute('data-step', String(steps - 1), { timeout: 20_000 });
}

test.describe('locks with leases and fencing tokens', () => {
  test('C7: the paused holder wakes after its lease and writes with token 2; the storage node rejects it, on screen', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, './#lesson=raft-fencing');
    await expect(page.getByRole('tab', { name: 'History', exact: true })).toHaveAttribute('aria-selected', 'true');
    await playLesson(page, 10);
    expect(await virtualTime(page)).toBe(882);
    await expect(bar(page, 'write x 3 → failed')).toHaveAttribute('aria-label', /Client 1: write x 3 → failed, failed, 851 to 881 ms; token 2 is lower than 4/);
    await expect(bar(page, 'write x 2 → ok')).toHaveAttribute('aria-label', /accepted by the storage node/);
    await expect(page.locator('[data-client="1"] [data-token]')).toHaveText('token 2');
    await expect(page.locator('[data-client="2"] [data-token]')).toHaveText('token 4');
    const storage = page.getByRole('group', { name: 'Storage node' });
    await expect(storage).toHaveAttribute('data-storage', 'ok');
    await expect(storage.locator('[data-storage-key="x"]')).toHaveAttribute('data-value', '2');
    await expect(storage).toContainText('rejects tokens below 4');
    await expect(page.locator('.safety-badge')).toHaveAttribute('data-safe', 'true');
    await expect(page.locator('.narration')).toContainText('all 5 claims hold');
    expect(errors).toEqual([]);
  });

  test('C7 at 1280x720: every History label is whole, none runs into another or into a bar, the storage row stays in sight; the logs show the lock table', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=raft-fencing&t=900');
    await expect(page.locator('.hist-bar')).toHaveCount(6);
    const boxes = () => page.locator('.hist-bar').evaluateAll((bars) => bars.map((b) => {
      const r = (e: Element) => { const x = e.getBoundingClientRect(); return { l: x.left, r: x.right, t: x.top, b: x.bottom }; };
      return { op: (b as HTMLElement).dataset.op!, bar: r(b), label: r(b.querySelector('.hist-label')!) };
    }));
    type Box = { l: number; r: number; t: number; b: number };
    const meet = (p: Box, q: Box) => p.l < q.r && q.l < p.r && p.t < q.b && q.t < p.b;
    const all = await boxes();
    for (const a of all) {
      for (const b of all) {
        if (a.op === b.op) continue;
        expect(meet(a.label, b.label), `labels of ${a.op} and ${b.op}`).toBe(false);
        expect(meet(a.label, b.bar), `label of ${a.op} and bar ${b.op}`).toBe(false);
      }
    }
    // The lock leases' row, above the bars, meets no bar and no bar's label.
    const leases = await page.locator('.hist-lease').evaluateAll((ls) => ls.map((l) => {
      const x = l.getBoundingClientRect();
      return { l: x.left, r: x.right, t: x.top, b: x.bottom };
    }));
    expect(leases).toHaveLength(2);
    for (const lease of leases) for (const a of all) expect(meet(lease, a.bar) || meet(lease, a.label), `a lease and ${a.op}`).toBe(false);
    // The acquires' labels ("acquire L 300 → failed") have no room beside their bars here: whole, in a row under them.
    await expect(page.locator('.hist-bar[data-label-cut="true"]')).toHaveCount(0);
    await expect(page.locator('.hist-bar[data-label-side="below"]')).not.toHaveCount(0);
    expect(await page.locator('.hist-label').evaluateAll((ls) => ls.every((l) => l.scrollWidth <= l.clientWidth))).toBe(true);
    await expect(page.locator('.hist-bar', { hasText: 'acquire L 300 → failed' })).toBeVisible();
    const panel = (await page.locator('section.history').locator('xpath=..').boundingBox())!;
    const storage = (await page.getByRole('group', { name: 'Storage node' }).boundingBox())!;
    expect(storage.y + storage.height).toBeLessThanOrEqual(panel.y + panel.height);
    // The logs' state machine holds no keys here (writes go to the storage node), but the lock table: it shows that.
    await expect(page.locator('.log-row[data-node-id] .log-kv')).toHaveText(Array(5).fill('L: c2, token 4'));
    await expect(page.locator('.log-row[data-node-id="1"] .log-kv')).toHaveAttribute('title', /lock L held by client 2 with token 4 until \d+ ms/);
  });

  test('C7: client 1\'s lease is drawn on its lane, ended at 463 ms, before its stale write; client 2\'s still holds', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, './#lesson=raft-fencing&t=852');
    await expect(page.locator('.narration')).toContainText('Client 1 resumes as if no time had passed');
    const lease = (c: number) => page.locator(`.hist-lane[data-client="${c}"] .hist-lease`);
    await expect(lease(1)).toHaveCount(1);
    // As step 3 tells it: stamped 163 ms, held until 463 ms, token 2.
    await expect(lease(1)).toHaveAttribute('data-lease-from', '163');
    await expect(lease(1)).toHaveAttribute('data-lease-until', '463');
    // In true time, stamped by S1, whose clock keeps time: its readings are the same.
    await expect(lease(1)).toHaveAttribute('data-lease-clock', 'S1 163–463');
    await expect(lease(1)).toHaveAttribute('data-lease-token', '2');
    await expect(lease(1)).toHaveAttribute('data-lease-ended', 'true');
    await expect(lease(1)).toHaveText('L lease until 463 ms');
    // Client 2's, granted past 463 with token 4, runs on past now.
    await expect(lease(2)).toHaveAttribute('data-lease-token', '4');
    await expect(lease(2)).toHaveAttribute('data-lease-ended', 'false');
    expect(Number(await lease(2).getAttribute('data-lease-from'))).toBeGreaterThanOrEqual(463);
    // Client 1's write x = 3 starts to the right of where its lease ended, on screen.
    const ended = (await lease(1).boundingBox())!;
    const write = (await bar(page, 'write x 3').boundingBox())!;
    expect(write.x).toBeGreaterThan(ended.x + ended.width);
    // Its label stands inside the span, before the line that ends it.
    const label = (await lease(1).locator('.hist-lease-label').boundingBox())!;
    expect(label.x + label.width).toBeLessThanOrEqual(ended.x + ended.width);
    expect(errors).toEqual([]);
  });

  test('the lease spans read in both themes: no serious or critical axe violation in the history', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=raft-fencing&t=852');
    await expect(page.locator('.hist-lease')).toHaveCount(2);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await shot(page, `fencing-lease-c7-${scheme}-1280`);
      const { violations } = await new AxeBuilder({ page }).include('section.history').analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), scheme).toEqual([]);
    }
  });

  test('C7 at 210 ms: client 1 has just been granted L; its lease holds, as the narration says', async ({ page }) => {
    await open(page, './#lesson=raft-fencing&t=210');
    await expect(page.locator('.narration')).toContainText('client 1 holds L until 463 ms');
    const lease = page.locator('.hist-lane[data-client="1"] .hist-lease');
    await expect(lease).toHaveAttribute('data-lease-until', '463');
    await expect(lease).toHaveAttribute('data-lease-ended', 'false');
    await expect(page.locator('.hist-lane[data-client="2"]')).toHaveCount(0);
  });

  test('C8: with the token check off, the stale write lands after the new holder\'s, and the fencing check fails', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, './#lesson=raft-fencing-off');
    await playLesson(page, 10);
    const storage = page.getByRole('group', { name: 'Storage node' });
    await expect(storage).toHaveAttribute('data-storage', 'violation');
    await expect(storage.locator('[data-storage-key="x"]')).toHaveAttribute('data-value', '3');
    await expect(storage.locator('[data-storage-key="x"]')).toHaveAttribute('data-by', '1');
    // "Although client 1 lost the lock long ago": its lease, drawn on its lane, ended at 463 ms.
    const lease = page.locator('.hist-lane[data-client="1"] .hist-lease');
    await expect(lease).toHaveAttribute('data-lease-until', '463');
    await expect(lease).toHaveAttribute('data-lease-ended', 'true');
    await expect(storage.locator('[data-verdict="stale-token"]')).toHaveText('✗ accepted a stale token');
    await expect(page.locator('.safety-badge')).toHaveAttribute('data-safe', 'false');
    await expect(page.locator('[data-check="fencing"]')).toHaveAttribute('data-ok', 'false');
    await expect(page.locator('.narration')).toContainText('all 5 claims hold');
    // The events that led to it: each list number stands at its item's first line. (A button
    // wrapping over several lines sits on the line's baseline, its last line's, unless it hangs
    // from the top.) The list draws the number out of the DOM's reach; a zero-width character at
    // the start of the item stands on the same baseline in the same font: its box is the number's.
    const led = page.locator('[data-violation-event]');
    await expect(led.first()).toBeAttached();
    const items = await led.evaluateAll((buttons) => buttons.map((button) => {
      const probe = document.createElement('span');
      probe.textContent = '\u200b';
      button.parentElement!.prepend(probe);
      const number = probe.getBoundingClientRect();
      probe.remove();
      const text = document.createRange();
      text.selectNodeContents(button);
      const lines = [...text.getClientRects()];
      return {
        seq: button.dataset.violationEvent, number: (number.top + number.bottom) / 2,
        first: { top: lines[0].top, bottom: lines[0].bottom }, lastTop: Math.max(...lines.map((r) => r.top)),
      };
    }));
    // An item of several lines, where the first line and the last are not the same.
    expect(items.some((i) => i.lastTop >= i.first.bottom)).toBe(true);
    for (const i of items) {
      expect(i.number, `the number of event #${i.seq}`).toBeGreaterThanOrEqual(i.first.top);
      expect(i.number, `the number of event #${i.seq}`).toBeLessThanOrEqual(i.first.bottom);
    }
    expect(errors).toEqual([]);
  });

  test('a client paused from the panel hears nothing until it resumes: its acquire\'s reply waits for it', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, scenarioUrl({
      version: 2, nodes: 3, seed: 2, clients: { count: 1 }, storage: {},
      actions: [{ at: 10, type: 'timeout', node: 1 }, { at: 150, type: 'invoke', client: 1, op: 'acquire L 300', node: 1 }],
    }, 152));
    await showTeaching(page, 'History');
    const lane = page.locator('.hist-lane[data-client="1"]');
    await page.getByRole('button', { name: 'Pause client 1' }).click();
    await expect(lane).toHaveAttribute('data-paused', 'true');
    await setSpeed(page, 1);
    await play(page);
    await expect.poll(() => virtualTime(page), { timeout: 20_000 }).toBeGreaterThan(700);
    await expect(lane.locator('.hist-bar')).toHaveAttribute('data-open', 'true');
    await expect(lane.locator('[data-token]')).toHaveText('no token');
    await page.getByRole('button', { name: 'Resume client 1' }).click();
    await expect(lane).toHaveAttribute('data-paused', 'false');
    await expect(bar(page, 'acquire L 300 → 2')).toHaveAttribute('data-outcome', 'ok');
    await expect(lane.locator('[data-token]')).toHaveText('token 2');
    expect(errors).toEqual([]);
  });
});
