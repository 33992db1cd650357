import { spawnSync } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';
import { node, open, openPanels, pause, play, scenarioUrl, setSpeed, shot, virtualTime, watchErrors } from './helpers';

/** The student as the network (issue 15): manual delivery, hold/release/duplicate, groups, pause, drift. */

const pending = (page: Page) => page.locator('[data-pending]');
/** Opens a message's card from the keyboard, as the list of messages in flight offers. */
async function openMessage(page: Page, id: number): Promise<void> {
  await page.locator(`li.message[data-msg-id="${id}"] button`).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: `Message ${id}` })).toBeVisible();
}

const hashOf = (page: Page) => page.locator('[data-trace-hash]').getAttribute('data-trace-hash');

/** The share link and moment of the run on screen, and the hash `npm run sim` computes for it. */
async function simHash(page: Page): Promise<{ page: string; sim: string }> {
  if (!(await page.locator('#drawer').isVisible())) await openPanels(page);
  const hash = (await hashOf(page))!;
  await page.getByRole('button', { name: 'Share…' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  await page.keyboard.press('Escape');
  const t = Number(/&t=(\d+)$/.exec(link)?.[1] ?? '0');
  const sim = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', link, '--until', String(t)], { encoding: 'utf8' });
  return { page: hash, sim: JSON.parse(sim.stdout.trim().split('\n').at(-1)!).summary.traceHash };
}

test.describe('the student is the network', () => {
  test('manual delivery: the run waits for a choice; timers and messages are chosen from the list, by keyboard too, and the link replays the same run in Node', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, scenarioUrl({ version: 2, nodes: 3, seed: 4, network: { manual: true } }));
    await setSpeed(page, 1);
    await play(page);
    // The run pauses by itself when the first election timer would fire (the clock moves first,
    // so the Play button seen is the paused one, not the one just clicked).
    await expect.poll(() => virtualTime(page)).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await expect(pending(page).and(page.locator('[data-pending="timer"]'))).toHaveCount(3);
    await expect(page.locator('[data-pending="timer"][data-due="true"]')).toHaveCount(1);
    const dueNode = await page.locator('[data-pending="timer"][data-due="true"]').getAttribute('data-node');
    await page.getByRole('button', { name: `Fire S${dueNode}'s election timer` }).click();
    await expect(node(page, Number(dueNode))).toHaveAttribute('data-role', 'candidate');
    const requests = page.locator('[data-pending="message"][data-type="VoteRequest"]');
    await expect(requests).toHaveCount(2);
    // Deliver the request to the server with the higher id first, from the keyboard.
    const to = Math.max(...await requests.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-to')))));
    const deliver = page.getByRole('button', { name: `Deliver VoteRequest S${dueNode} to S${to}` });
    await deliver.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator(`[data-pending="message"][data-type="VoteResponse"][data-from="${to}"]`)).toHaveCount(1);
    await shot(page, 'network-manual-1280');
    await page.getByRole('button', { name: `Deliver VoteResponse S${to} to S${dueNode}` }).click();
    await expect(node(page, Number(dueNode))).toHaveAttribute('data-role', 'leader');
    const hashes = await simHash(page);
    expect(hashes.sim).toBe(hashes.page);
    // Back on the clock: the run plays on by itself.
    await page.locator('[data-manual-toggle="panel"]').click();
    await expect(page.locator('section.pending-choices')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('hold a message, release it, duplicate one and deliver one now, from its card', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, scenarioUrl({ version: 2, nodes: 3, seed: 4, timing: { latencyMin: 200, latencyMax: 200 }, actions: [{ at: 1, type: 'timeout', node: 1 }] }, 1));
    await expect(page.locator('ul.message-list li')).toHaveCount(2);
    const [a, b] = await page.locator('ul.message-list li').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.msgId)));
    await openMessage(page, a);
    await page.locator('[data-choice="hold"]').click();
    await expect(page.locator(`[data-pending="message"][data-msg-id="${a}"][data-held="true"]`)).toBeVisible();
    await page.locator('[data-choice="duplicate"]').click();
    await expect(page.locator('ul.message-list li')).toHaveCount(3);
    await openMessage(page, b);
    await page.locator('[data-choice="deliver"]').click();
    await expect(page.locator(`ul.message-list li[data-msg-id="${b}"]`)).toHaveCount(0);
    await shot(page, 'network-held');
    await setSpeed(page, 1);
    await play(page);
    // Sent at 1 ms with 200 ms of latency: at 400 ms it is held well past its arrival.
    await expect.poll(() => virtualTime(page)).toBeGreaterThan(400);
    await pause(page);
    // Held well past its arrival, it is still in flight; released, it arrives.
    await expect(page.locator(`ul.message-list li[data-msg-id="${a}"]`)).toHaveCount(1);
    await page.getByRole('button', { name: `Release VoteRequest S1 to S${await page.locator(`[data-pending][data-msg-id="${a}"]`).getAttribute('data-to')}` }).click();
    await play(page);
    await expect(page.locator(`ul.message-list li[data-msg-id="${a}"]`)).toHaveCount(0);
    await pause(page);
    const hashes = await simHash(page);
    expect(hashes.sim).toBe(hashes.page);
    expect(errors).toEqual([]);
  });

  test('a three-group partition from the page, drawn as coloured regions; heal one group, then all', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, scenarioUrl({ version: 2, nodes: 5, seed: 3 }));
    await openPanels(page);
    await page.locator('[data-open-groups]').click();
    for (const [id, g] of [[1, 1], [2, 1], [3, 2], [4, 2], [5, 3]]) await page.getByLabel(`Group of S${id}`).selectOption(String(g));
    await page.locator('[data-split-groups]').click();
    await expect(page.locator('[data-partition]')).toHaveAttribute('data-partition', '1-2|3-4|5');
    await expect(page.locator('.partition-regions path')).toHaveCount(3);
    await setSpeed(page, 10);
    await play(page);
    // Five seconds: a score of election timeouts, where one would elect a leader in a majority.
    await expect.poll(() => virtualTime(page)).toBeGreaterThan(5_000);
    await pause(page);
    // No group has a majority: no leader.
    await expect(page.locator('g.node[data-role="leader"]')).toHaveCount(0);
    await shot(page, 'network-three-groups-1280');
    await page.getByRole('button', { name: 'Heal the group S5: it rejoins everyone' }).click();
    await expect(page.locator('[data-partition]')).toHaveAttribute('data-partition', '1-2|3-4');
    await play(page);
    await expect(page.locator('g.node[data-role="leader"]')).toHaveCount(1, { timeout: 20_000 });
    await page.getByRole('button', { name: 'Heal all' }).click();
    await expect(page.locator('[data-partition]')).toHaveAttribute('data-partition', 'none');
    expect(errors).toEqual([]);
  });

  test('pause a server: it keeps its state, drawn unlike a crash; on resume it catches up. A fast clock fires early', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, scenarioUrl({ version: 2, nodes: 3, seed: 5 }));
    await openPanels(page);
    await node(page, 2).click();
    await page.getByLabel('Clock rate of S2').selectOption('2');
    await expect(node(page, 2)).toHaveAttribute('data-clock-rate', '2');
    await expect(node(page, 2)).toHaveAccessibleName(/clock at 2×/);
    await setSpeed(page, 1);
    await play(page);
    await expect(page.locator('g.node[data-role="leader"]')).toHaveCount(1, { timeout: 20_000 });
    // Pause the leader: while it is frozen the others elect a new one.
    const id = Number(await page.locator('g.node[data-role="leader"]').getAttribute('data-node-id'));
    await node(page, id).click();
    await page.locator('[data-node-pause="pause"]').click();
    await expect(node(page, id)).toHaveAttribute('data-paused', 'true');
    await expect(node(page, id)).toHaveAttribute('data-up', 'true');
    await expect(page.locator(`g.node[data-role="leader"]:not([data-node-id="${id}"])`)).toHaveCount(1, { timeout: 20_000 });
    await pause(page);
    await shot(page, 'network-paused');
    // Its term is where the pause left it; the messages that waited arrive once the run goes on.
    const term = Number(await node(page, id).getAttribute('data-term'));
    await page.locator('[data-node-pause="resume"]').click();
    await expect(node(page, id)).toHaveAttribute('data-paused', 'false');
    await play(page);
    await expect(page.locator('g.node[data-role="leader"]')).toHaveCount(1);
    await expect.poll(async () => Number(await node(page, id).getAttribute('data-term'))).toBeGreaterThan(term);
    await pause(page);
    const hashes = await simHash(page);
    expect(hashes.sim).toBe(hashes.page);
    expect(errors).toEqual([]);
  });

  test('a clock three times as fast as true time fires its timers first: that server leads', async ({ page }) => {
    await open(page, scenarioUrl({ version: 2, nodes: 5, seed: 5, actions: [{ at: 0, type: 'drift', node: 4, rate: 3 }] }));
    await setSpeed(page, 1);
    await play(page);
    await expect(node(page, 4)).toHaveAttribute('data-role', 'leader', { timeout: 20_000 });
    await expect(node(page, 4)).toHaveAttribute('data-clock-rate', '3');
  });
});

test.describe('the network-by-hand lessons, in Chromium', () => {
  test('P9, FLP by hand: after the scheduler\'s three rounds nobody has learned, every check holds, and it is the student\'s turn', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=paxos-flp&t=75');
    await expect(page.locator('[data-virtual-time]')).toHaveAttribute('data-virtual-time', '75');
    await expect(page.locator('tr[data-node-id]')).toHaveCount(5);
    for (const row of await page.locator('tr[data-node-id]').all()) await expect(row).toHaveAttribute('data-learned', '');
    await expect(page.locator('[data-safe]')).toHaveAttribute('data-safe', 'true');
    // The rival's Accepts wait: the student chooses next.
    await expect(page.locator('[data-pending="message"][data-type="Accept"]')).not.toHaveCount(0);
    await expect(page.locator('[data-pending="timer"][data-timer="retry"]')).not.toHaveCount(0);
    await shot(page, 'network-lesson-flp-1280');
    const hashes = await simHash(page);
    expect(hashes.sim).toBe(hashes.page);
    expect(errors).toEqual([]);
  });

  test('P9, FLP by hand: Next reaches every step, the last one past a choice that is due, and nothing is delivered on the way', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=paxos-flp');
    const next = page.getByRole('button', { name: 'Next step' });
    for (const step of [1, 2, 3, 4]) {
      await next.click();
      await expect(page.locator('.narration-text')).toHaveAttribute('data-step', String(step), { timeout: 15_000 });
    }
    await expect(page.locator('.narration-count')).toHaveText('5 / 5');
    await expect(page.locator('[data-virtual-time]')).toHaveAttribute('data-virtual-time', '75');
    await expect(page.locator('.narration-text')).toContainText('Your turn');
    // The student's choices still wait: the rival's Accepts and the retry timer.
    await expect(page.locator('[data-pending="message"][data-type="Accept"]')).not.toHaveCount(0);
    await expect(page.locator('[data-pending="timer"][data-timer="retry"]')).not.toHaveCount(0);
    for (const row of await page.locator('tr[data-node-id]').all()) await expect(row).toHaveAttribute('data-learned', '');
    const hashes = await simHash(page);
    expect(hashes.sim).toBe(hashes.page);
    expect(errors).toEqual([]);
  });

  test('11, split votes forever: three terms, no leader; 13, three-way partition: a leader only once S5 rejoins', async ({ page }) => {
    await open(page, './#lesson=raft-split-forever&t=41');
    await expect(page.locator('[data-virtual-time]')).toHaveAttribute('data-virtual-time', '41');
    await expect(page.locator('g.node[data-role="leader"]')).toHaveCount(0);
    for (const id of [1, 2, 3, 4]) await expect(node(page, id)).toHaveAttribute('data-term', '3');
    await open(page, './#lesson=raft-three-way&t=1199');
    await expect(page.locator('[data-virtual-time]')).toHaveAttribute('data-virtual-time', '1199');
    await expect(page.locator('g.node[data-role="leader"]')).toHaveCount(0);
    await expect(page.locator('.partition-regions path')).toHaveCount(3);
    await open(page, './#lesson=raft-three-way&t=3000');
    await expect(page.locator('[data-virtual-time]')).toHaveAttribute('data-virtual-time', '3000');
    await expect(page.locator('g.node[data-role="leader"]')).toHaveCount(1);
    await expect(page.locator('[data-safe]')).toHaveAttribute('data-safe', 'true');
  });
});
