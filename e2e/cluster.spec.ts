import { expect, test } from '@playwright/test';
import { leaders, node, open, pause, play, scenarioUrl, seeLogs, setSpeed, shot, theLeader, virtualTime, watchErrors } from './helpers';

test.describe('a Raft cluster in the browser', () => {
  let errors: string[];
  test.beforeEach(({ page }) => { errors = watchErrors(page); });
  test.afterEach(() => { expect(errors).toEqual([]); });

  test('a leader is elected', async ({ page }) => {
    await open(page);
    await expect(page.locator('g.node')).toHaveCount(5);
    await expect(leaders(page)).toHaveCount(0);
    await setSpeed(page, 1);
    await play(page);
    const { term } = await theLeader(page);
    expect(term).toBeGreaterThanOrEqual(1);
    await expect(page.locator('[data-check][data-ok="false"]')).toHaveCount(0);
    await shot(page, 'leader-elected');
  });

  test('crashing the leader elects another with a higher term', async ({ page }) => {
    await open(page);
    await setSpeed(page, 1);
    await play(page);
    const before = await theLeader(page);
    await node(page, before.id).click();
    await page.getByRole('button', { name: `Crash S${before.id}` }).click();
    await expect(node(page, before.id)).toHaveAttribute('data-up', 'false');
    await expect(node(page, before.id)).toHaveAttribute('data-role', 'crashed');
    await expect.poll(async () => {
      const l = leaders(page);
      if ((await l.count()) !== 1) return null;
      return { id: Number(await l.getAttribute('data-node-id')), term: Number(await l.getAttribute('data-term')) };
    }).toMatchObject({ term: expect.any(Number) });
    const after = await theLeader(page);
    expect(after.id).not.toBe(before.id);
    expect(after.term).toBeGreaterThan(before.term);
    await shot(page, 'leader-crashed');
  });

  test('a client command commits on every live node, forwarded by a follower', async ({ page }) => {
    await open(page);
    await setSpeed(page, 1);
    await play(page);
    const { id: leader } = await theLeader(page);
    const follower = leader === 1 ? 2 : 1;
    await node(page, follower).click();
    await page.getByLabel(`Command for S${follower}`).fill('set greeting hello');
    await page.getByRole('button', { name: `Send to S${follower}` }).click();
    await seeLogs(page);
    for (let id = 1; id <= 5; id++) {
      await expect(page.locator(`.log-cell[data-node-id="${id}"][data-index="1"]`)).toHaveAttribute('data-committed', 'true');
    }
    await expect(page.locator('.log-row[data-node-id] .log-kv').first()).toHaveText('greeting=hello');
    await shot(page, 'command-committed');
  });

  test('a partition leaves the minority unable to commit; healing converges', async ({ page }) => {
    // S1 is forced to lead term 1, then is cut off with S2.
    await open(page, scenarioUrl({ nodes: 5, seed: 3, actions: [{ at: 5, type: 'timeout', node: 1 }] }));
    await setSpeed(page, 1);
    await play(page);
    await expect(node(page, 1)).toHaveAttribute('data-role', 'leader');
    await page.getByRole('button', { name: 'Partition…' }).click();
    await node(page, 1).click();
    await node(page, 2).click();
    await page.getByRole('button', { name: 'Split here' }).click();
    await expect(page.locator('[data-partition]')).toHaveAttribute('data-partition', '1-2|3-4-5');
    // The old leader takes a command it can never commit.
    await page.getByRole('button', { name: /Select S1/ }).click();
    await page.getByLabel('Command for S1').fill('set side minority');
    await page.getByRole('button', { name: 'Send to S1' }).click();
    // The majority elects a new leader in a higher term and commits its own command.
    await expect.poll(async () => (await leaders(page).count()) === 2, { timeout: 15_000 }).toBe(true);
    const majorityLeader = page.locator('g.node[data-role="leader"]:not([data-node-id="1"])');
    const newLeader = Number(await majorityLeader.getAttribute('data-node-id'));
    await page.getByRole('button', { name: new RegExp(`Select S${newLeader}`) }).click();
    await page.getByLabel(`Command for S${newLeader}`).fill('set side majority');
    await page.getByRole('button', { name: `Send to S${newLeader}` }).click();
    await seeLogs(page);
    for (const id of [3, 4, 5]) {
      await expect(page.locator(`.log-cell[data-node-id="${id}"][data-index="1"]`)).toHaveAttribute('data-committed', 'true');
    }
    await expect(page.locator('.log-cell[data-node-id="1"][data-index="1"]')).toHaveAttribute('data-committed', 'false');
    await shot(page, 'partition-split-brain');
    await page.getByRole('button', { name: 'Heal all' }).click();
    // Healing: the old leader steps down and its uncommitted entry is replaced everywhere.
    await expect(leaders(page)).toHaveCount(1);
    await seeLogs(page);
    for (let id = 1; id <= 5; id++) {
      await expect(page.locator(`.log-cell[data-node-id="${id}"][data-index="1"]`)).toHaveAttribute('data-committed', 'true');
      await expect(page.locator(`.log-cell[data-node-id="${id}"][data-index="1"]`)).toHaveAttribute('title', /set side majority/);
    }
    await expect(page.locator('[data-check][data-ok="false"]')).toHaveCount(0);
    await shot(page, 'partition-healed');
  });

  test('a panel out of sight rests while playing and is current the moment it comes into sight', async ({ page }) => {
    // The logs are always in sight now; the event log, in a tab not shown, is out of sight.
    await page.setViewportSize({ width: 1440, height: 600 });
    await open(page, scenarioUrl({ nodes: 3, actions: [{ at: 5, type: 'timeout', node: 1 }, { at: 400, type: 'request', node: 1, command: 'set x 1' }] }));
    await setSpeed(page, 1);
    await play(page);
    await expect.poll(() => virtualTime(page)).toBeGreaterThan(1000);
    const newest = page.locator('.event').first();
    const seen = (await newest.count()) === 0 ? 0 : Number(await newest.getAttribute('data-seq'));
    // Many events later, but nobody can see the event log: it was not refreshed.
    expect(Number(await page.locator('[data-events]').getAttribute('data-events'))).toBeGreaterThan(seen + 20);
    await page.getByRole('tab', { name: 'Events' }).click();
    await expect.poll(async () => Number(await newest.getAttribute('data-seq'))).toBeGreaterThan(seen + 20);
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await shot(page, 'events-tab-shown');
  });

  test('hovering a drawn log cell or timeline mark names it', async ({ page }) => {
    await open(page, './#lesson=raft-replication&t=1500');
    const strip = page.locator('.log-row[data-node-id="2"] canvas.cell-strip');
    await strip.scrollIntoViewIfNeeded();
    const box = (await strip.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await expect(strip).toHaveAttribute('title', 'index 1, term 1: set x 1 (committed)');
    // Between cells (as wide as the row gives them, at least 56 px; 3 px apart), nothing.
    const cell = Number((await strip.getAttribute('data-cell-width')) ?? 56);
    await page.mouse.move(box.x + cell + 1.5, box.y + box.height / 2);
    await expect(strip).toHaveAttribute('title', '');
    const marks = page.locator('canvas.timeline-marks');
    await marks.scrollIntoViewIfNeeded();
    const track = (await marks.boundingBox())!;
    let named = '';
    for (let x = 0; x < track.width && named === ''; x += 2) {
      await page.mouse.move(track.x + x, track.y + track.height / 2);
      named = (await marks.getAttribute('title')) ?? '';
    }
    expect(named).toMatch(/S\d/);
  });

  test('the timeline seeks where it is clicked, and from the keyboard', async ({ page }) => {
    await open(page, './#lesson=raft-replication&t=1500');
    await expect.poll(() => virtualTime(page)).toBe(1500);
    // The slider is drawn; the range input on it is unseen but takes the click.
    const slider = page.getByRole('slider', { name: 'Timeline' });
    const box = (await slider.boundingBox())!;
    await page.mouse.click(box.x + 8 + (box.width - 16) * 0.25, box.y + box.height / 2);
    await expect.poll(() => virtualTime(page)).toBeLessThan(600);
    expect(await virtualTime(page)).toBeGreaterThan(400);
    // End goes to the slider's end, a little past the run so far (1500 ms): the run goes on to it.
    const end = Number(await slider.getAttribute('max'));
    expect(end).toBeGreaterThan(1500);
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(() => virtualTime(page)).toBe(end);
    await shot(page, 'timeline-focused');
  });

  test('step back restores the exact earlier state', async ({ page }) => {
    await open(page);
    const picture = async () => ({
      time: await virtualTime(page),
      nodes: await page.locator('g.node').evaluateAll((els) => els.map((e) => [e.dataset.role, e.dataset.term, e.dataset.up].join())),
      messages: await page.locator('li.message').evaluateAll((els) => els.map((e) => `${e.dataset.msgType}${e.dataset.from}>${e.dataset.to}@${e.dataset.x},${e.dataset.y}`)),
      events: await page.locator('[data-events]').getAttribute('data-events'),
    });
    const stepForward = page.getByRole('button', { name: 'Step forward one event' });
    const stepBack = page.getByRole('button', { name: 'Step back one event' });
    // Opened after the servers' initialisations at time 0.
    const start = Number(await page.locator('[data-events]').getAttribute('data-events'));
    for (let i = 0; i < 8; i++) await stepForward.click();
    await expect(page.locator('[data-events]')).toHaveAttribute('data-events', String(start + 8));
    const earlier = await picture();
    for (let i = 0; i < 12; i++) await stepForward.click();
    await expect(page.locator('[data-events]')).toHaveAttribute('data-events', String(start + 20));
    expect(await picture()).not.toEqual(earlier);
    for (let i = 0; i < 12; i++) await stepBack.click();
    await expect(page.locator('[data-events]')).toHaveAttribute('data-events', String(start + 8));
    expect(await picture()).toEqual(earlier);
  });

  test('keyboard: space plays and pauses, arrows step, digits select, C crashes', async ({ page }) => {
    await open(page);
    // Opened after the servers' initialisations at time 0.
    const start = Number(await page.locator('[data-events]').getAttribute('data-events'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[data-events]')).toHaveAttribute('data-events', String(start + 2));
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('[data-events]')).toHaveAttribute('data-events', String(start + 1));
    await page.keyboard.press(']');
    await expect(page.getByLabel('Speed')).toHaveValue('0.1');
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => virtualTime(page)).toBeGreaterThan(20);
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    const frozen = await virtualTime(page);
    await page.waitForTimeout(300);
    expect(await virtualTime(page)).toBe(frozen);
    await page.keyboard.press('3');
    await expect(page.getByRole('region', { name: 'S3 details' })).toBeVisible();
    await page.keyboard.press('c');
    await expect(node(page, 3)).toHaveAttribute('data-up', 'false');
    await page.keyboard.press('c');
    await expect(node(page, 3)).toHaveAttribute('data-up', 'true');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await shot(page, 'keyboard-help');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  });

  test('clicking a message in flight offers to drop it', async ({ page }) => {
    await open(page, scenarioUrl({ nodes: 3, actions: [{ at: 5, type: 'timeout', node: 1 }] }));
    await setSpeed(page, 0.01);
    await play(page);
    const vote = page.locator('li.message[data-msg-type="VoteRequest"][data-to="2"]');
    await expect(vote).toHaveCount(1);
    await pause(page);
    await expect(vote).toHaveAttribute('data-x', /\d/);
    // Click the canvas where the message is drawn (its position in view units, scaled to the page).
    const x = Number(await vote.getAttribute('data-x'));
    const y = Number(await vote.getAttribute('data-y'));
    const box = (await page.locator('.cluster').boundingBox())!;
    await page.mouse.click(box.x + (x / 640) * box.width, box.y + (y / 520) * box.height);
    await expect(page.getByRole('dialog', { name: /^Message \d+$/ })).toContainText('VoteRequest');
    await page.getByRole('button', { name: 'Drop this message' }).click();
    await expect(page.locator('.event-text').first()).toContainText('The user drops VoteRequest(term 1) from S1 to S2');
    await expect(vote).toHaveCount(0);
    // No link was cut by the click that hit the message.
    await expect(page.locator('g.link[data-blocked="cut"]')).toHaveCount(0);
    await shot(page, 'message-dropped');
  });

  test('played too fast to pick, the list of messages says so; paused, it lists them again', async ({ page }) => {
    await open(page);
    await setSpeed(page, 10);
    await play(page);
    const list = page.getByRole('list', { name: /^Messages in flight/ });
    await expect(list).toHaveAccessibleName(/too quick to list at this speed/);
    await expect(page.locator('li.message')).toHaveCount(0);
    await pause(page);
    await expect(list).toHaveAccessibleName('Messages in flight');
    // Step until some message is in flight: it is listed at once.
    await expect.poll(async () => {
      await page.keyboard.press('.');
      return page.locator('li.message').count();
    }).toBeGreaterThan(0);
  });

  test('messages in flight are reachable by keyboard', async ({ page }) => {
    // Opened after the three servers' initialisations.
    await open(page, scenarioUrl({ nodes: 3, actions: [{ at: 5, type: 'timeout', node: 1 }] }));
    await expect(page.locator('.clock')).toHaveAttribute('data-events', '3');
    await page.keyboard.press('.');
    await page.keyboard.press('.');
    await page.keyboard.press('.');
    // The list must show the sixth event's messages before one is picked: an older list may offer one already delivered.
    await expect(page.locator('.clock')).toHaveAttribute('data-events', '6');
    const item = page.locator('li.message button').first();
    await item.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Drop this message' })).toBeVisible();
  });
});
