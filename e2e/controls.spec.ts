import { expect, type Page, test } from '@playwright/test';
import { node, open, pause, play, scenarioUrl, setSpeed, shot, showTeaching, watchErrors } from './helpers';

const events = (page: Page) => page.locator('[data-events]');
const status = (page: Page) => page.locator('.faults .status-line');
const eventText = (page: Page) => page.locator('.event-text');

/** What has keyboard focus, in words a failing test can show. */
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  if (el === null) return 'nothing';
  if (el.matches('g.node')) return `server S${el.dataset.nodeId}`;
  if (el.matches('g.link')) return 'link';
  if (el.closest('.event-list') !== null) return 'event';
  return `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}`;
});

test.describe('controls do what they say', () => {
  let errors: string[];
  test.beforeEach(({ page }) => { errors = watchErrors(page); });
  test.afterEach(() => { expect(errors).toEqual([]); });

  test('Heal all and H restore cut links as well as the partition', async ({ page }) => {
    await open(page, scenarioUrl({ nodes: 3 }));
    await page.getByRole('button', { name: 'Cut link S1→S2' }).click();
    await page.getByRole('button', { name: 'Cut link S3→S1' }).click();
    await expect(status(page)).toContainText('2 one-way links cut');
    await page.getByRole('button', { name: 'Heal all' }).click();
    await expect(status(page)).toHaveText('No partition.');
    await expect(page.locator('g.link[data-blocked="cut"]')).toHaveCount(0);
    await expect(eventText(page).first()).toHaveText('The network heals: 2 cut links are restored');
    await expect(page.getByRole('button', { name: 'Heal all' })).toBeDisabled();
    // And from the keyboard, with a partition as well.
    await page.getByRole('button', { name: 'Cut link S1→S3' }).click();
    await page.keyboard.press('p');
    await page.keyboard.press('1');
    await page.getByRole('button', { name: 'Split here' }).click();
    await expect(status(page)).toContainText('Partitioned');
    await page.keyboard.press('h');
    await expect(status(page)).toHaveText('No partition.');
    await expect(eventText(page).first()).toHaveText('The partition heals and the cut link is restored');
  });

  test('the event log stays newest first after stepping, playing and pausing', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page);
    // Opened after the servers' initialisations at time 0.
    const start = Number(await events(page).getAttribute('data-events'));
    for (let i = 0; i < 12; i++) await page.keyboard.press('.');
    await expect(events(page)).toHaveAttribute('data-events', String(start + 12));
    await setSpeed(page, 0.2);
    await play(page);
    await page.waitForTimeout(400);
    await pause(page);
    const paused = Number(await events(page).getAttribute('data-events'));
    for (let i = 0; i < 5; i++) await page.keyboard.press('.');
    await expect(events(page)).toHaveAttribute('data-events', String(paused + 5));
    await showTeaching(page, 'Events');
    const rows = page.locator('.event[data-seq]');
    await expect(rows.first()).toHaveAttribute('data-seq', String(paused + 5));
    const seqs = await rows.evaluateAll((list) => list.map((r) => Number(r.getAttribute('data-seq'))));
    expect(seqs).toEqual(seqs.toSorted((a, b) => b - a));
    expect(new Set(seqs).size).toBe(seqs.length);
    await shot(page, 'event-log-after-stepping-1280');
  });

  test('"." lands on each narration step, two with no event between them too (Multi-Paxos failover, 431 and 440 ms)', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=multipaxos-failover&t=440');
    const time = page.locator('[data-virtual-time]');
    const step = page.locator('.narration-text');
    await expect(time).toHaveAttribute('data-virtual-time', '440');
    const at440 = Number(await step.getAttribute('data-step'));
    const seen = Number(await events(page).getAttribute('data-events'));
    await page.keyboard.press(',');
    await expect(events(page)).toHaveAttribute('data-events', String(seen - 1));
    await page.keyboard.press('.');
    // The event is back, and the clock goes on to the first step after it: 431 ms.
    await expect(time).toHaveAttribute('data-virtual-time', '431');
    await expect(step).toHaveAttribute('data-step', String(at440 - 1));
    await page.keyboard.press('.');
    // The same world, the next step's text: no event ran (it used to run the one at 441 ms).
    await expect(time).toHaveAttribute('data-virtual-time', '440');
    await expect(step).toHaveAttribute('data-step', String(at440));
    await expect(events(page)).toHaveAttribute('data-events', String(seen));
  });

  test('tabbing through the network sliders and fields records nothing; a change records one action', async ({ page }) => {
    await open(page);
    const start = (await events(page).getAttribute('data-events'))!;
    await page.getByLabel('Drop rate').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await page.getByLabel('Drop rate').focus();
    await page.keyboard.press('Shift+Tab');
    await expect(events(page)).toHaveAttribute('data-events', start);
    await expect(eventText(page).filter({ hasText: 'The network now' })).toHaveCount(0);
    await page.getByLabel('Drop rate').focus();
    await page.keyboard.press('ArrowRight');
    await expect(eventText(page).first()).toHaveText(/^The network now drops 5%/);
    await expect(eventText(page).filter({ hasText: 'The network now' })).toHaveCount(1);
  });

  test('four quick presses on a slider give four steps, applied as one action once the keys rest', async ({ page }) => {
    await open(page);
    const slider = page.getByLabel('Duplicate rate');
    const shown = page.locator('label', { has: slider }).locator('output');
    await slider.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(shown).toHaveText('20%');
    await expect(eventText(page).first()).toHaveText(/^The network now drops 0%, duplicates 20%/);
    await expect(eventText(page).filter({ hasText: 'The network now' })).toHaveCount(1);
    await expect(shown).toHaveText('20%');
  });

  test('T on a leader behaves as its Time out button does: the engine refuses, and the log says so', async ({ page }) => {
    await open(page, scenarioUrl({ nodes: 3, actions: [{ at: 5, type: 'timeout', node: 1 }] }, 200));
    await expect(node(page, 1)).toHaveAttribute('data-role', 'leader');
    await page.keyboard.press('1');
    await page.keyboard.press('t');
    await expect(page.locator('.event.refused')).toHaveCount(1);
    const byKey = await page.locator('.event.refused .event-text').first().textContent();
    await page.getByRole('button', { name: 'Time out S1' }).click();
    await expect(page.locator('.event.refused')).toHaveCount(2);
    await expect(page.locator('.event.refused .event-text')).toHaveText([byKey!, byKey!]);
  });

  test('while choosing a partition, the digits pick servers', async ({ page }) => {
    await open(page);
    await page.keyboard.press('p');
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await page.keyboard.press('3');
    await page.keyboard.press('3');
    await expect(page.getByRole('group', { name: 'Pick one side of the partition' })).toContainText('S1, S2');
    await page.getByRole('button', { name: 'Split here' }).click();
    await expect(status(page)).toHaveAttribute('data-partition', '1-2|3-4-5');
  });

  test('tab order: the transport, then the servers, then the links in one stop', async ({ page }) => {
    await open(page, scenarioUrl({ nodes: 9 }));
    const start = (await events(page).getAttribute('data-events'))!;
    await page.getByRole('button', { name: 'Play', exact: true }).focus();
    const seen: string[] = [];
    while (seen.length < 40 && !(seen.at(-1) ?? '').startsWith('server')) {
      await page.keyboard.press('Tab');
      seen.push(await focused(page));
    }
    expect(seen.at(-1), seen.join(' | ')).toBe('server S1');
    expect(seen.filter((s) => s === 'link' || s === 'event'), seen.join(' | ')).toEqual([]);
    expect(seen.length, seen.join(' | ')).toBeLessThanOrEqual(10);
    for (let id = 2; id <= 9; id++) {
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe(`server S${id}`);
    }
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('link');
    const first = await page.evaluate(() => document.activeElement!.getAttribute('aria-label'));
    // The arrows walk the 72 links; Tab leaves them at once.
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement!.getAttribute('aria-label'));
    expect(second).not.toBe(first);
    await expect(events(page)).toHaveAttribute('data-events', start);
    await page.keyboard.press('Enter');
    await expect(page.locator('g.link[data-blocked="cut"]')).toHaveCount(1);
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toBe('link');
  });

  test('Servers and Protocol say the change waits for New cluster', async ({ page }) => {
    await open(page);
    const sign = page.getByRole('status').filter({ hasText: 'press New cluster' });
    await expect(sign).toHaveCount(0);
    await page.getByLabel('Cluster size').selectOption('7');
    await expect(sign).toBeVisible();
    await expect(page.locator('g.node')).toHaveCount(5);
    await page.getByLabel('Cluster size').selectOption('5');
    await expect(sign).toHaveCount(0);
    await page.getByLabel('Protocol').selectOption('paxos');
    await expect(sign).toBeVisible();
    await page.locator('section.cluster-settings').scrollIntoViewIfNeeded();
    await shot(page, 'settings-pending');
    await page.getByRole('button', { name: 'New cluster' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Paxos');
    await expect(sign).toHaveCount(0);
  });

  test('log entries say in their names whether they are committed; a crashed server stays legible', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, scenarioUrl({ nodes: 3, actions: [{ at: 5, type: 'timeout', node: 1 }, { at: 100, type: 'request', node: 1, command: 'set x 1' }, { at: 300, type: 'crash', node: 2 }] }, 101));
    const entry = page.locator('.log-cell[data-node-id="1"][data-index="1"]');
    await expect(entry).toHaveText('index 1, term 1: set x 1 (not committed yet)');
    await open(page, scenarioUrl({ nodes: 3, actions: [{ at: 5, type: 'timeout', node: 1 }, { at: 100, type: 'request', node: 1, command: 'set x 1' }, { at: 300, type: 'crash', node: 2 }] }, 400));
    await expect(entry).toHaveText('index 1, term 1: set x 1 (committed)');
    await expect(node(page, 2)).toHaveAttribute('data-up', 'false');
    // Its figures have a dark halo, and the cross is drawn under them, not over.
    const look = await node(page, 2).evaluate((g) => ({
      halo: getComputedStyle(g.querySelector('text.node-line')!).paintOrder,
      crossUnder: (g.querySelector('.node-x')!.compareDocumentPosition(g.querySelector('text.node-line')!) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    }));
    expect(look.halo).toMatch(/^stroke/);
    expect(look.crossUnder).toBe(true);
    await page.locator('.cluster').screenshot({ path: 'test-results/screenshots/crashed-node.png' });
  });

  test('step back then step forward at a lesson step comes back to the step: the leader crashed at 600 ms, its step at 601', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=raft-leader-crash&t=601');
    const time = page.locator('[data-virtual-time]');
    await expect(time).toHaveAttribute('data-virtual-time', '601');
    await expect(page.locator('.narration-count')).toHaveText('2 / 4');
    await page.keyboard.press(',');
    await expect(page.locator('.narration-count')).toHaveText('1 / 4');
    expect(Number(await time.getAttribute('data-virtual-time'))).toBeLessThan(600);
    await page.keyboard.press('.');
    await expect(time).toHaveAttribute('data-virtual-time', '601');
    await expect(page.locator('.narration-count')).toHaveText('2 / 4');
    await expect(node(page, 1)).toHaveAttribute('data-up', 'false');
    expect(errors).toEqual([]);
  });
});
