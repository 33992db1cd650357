import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { EXPORT_MIN_HEIGHT } from '../src/ui/teaching/spacetime/paint';
import { open, scenarioUrl, setSpeed, shot, showTeaching, virtualTime, watchErrors } from './helpers';

const diagram = (page: Page) => page.locator('[data-spacetime]');
const arrows = (page: Page) => diagram(page).locator('li[data-msg-id]');

/** The canvas-relative point an item names, as a click position on the canvas. */
async function pointOf(item: Locator, x = 'x', y = 'y'): Promise<{ x: number; y: number }> {
  return { x: Number(await item.getAttribute(`data-${x}`)), y: Number(await item.getAttribute(`data-${y}`)) };
}

test.describe('the space-time diagram', () => {
  let errors: string[];
  test.beforeEach(({ page }) => { errors = watchErrors(page); });
  test.afterEach(() => { expect(errors).toEqual([]); });

  test('clicking an arrow seeks into its flight and selects the message', async ({ page }) => {
    await open(page, scenarioUrl({ nodes: 5, seed: 1 }, 400));
    await showTeaching(page, 'Space-time');
    const delivered = arrows(page).and(page.locator('[data-fate="delivered"]'));
    await expect(delivered).not.toHaveCount(0);
    // Every drawn arrow carries its hooks. One whose point to pick lies inside the plot: an arrow sent before
    // the window opens is picked at the plot's top edge (y 0), and a click there is not inside its flight.
    const ys = await delivered.evaluateAll((items) => items.map((el) => Number(el.getAttribute('data-y'))));
    const item = delivered.nth(ys.findIndex((y) => y >= 8));
    for (const k of ['msg-id', 'from', 'to', 'sent-at', 'deliver-at', 'fate']) expect(await item.getAttribute(`data-${k}`)).not.toBeNull();
    const id = await item.getAttribute('data-msg-id');
    const sentAt = Number(await item.getAttribute('data-sent-at'));
    const deliverAt = Number(await item.getAttribute('data-deliver-at'));
    expect(deliverAt).toBeGreaterThan(sentAt);
    await diagram(page).locator('canvas').click({ position: await pointOf(item) });
    await expect.poll(() => virtualTime(page)).toBeLessThan(deliverAt);
    expect(await virtualTime(page)).toBeGreaterThanOrEqual(sentAt);
    // Selected in the cluster: the message's card is open, and it is on the wire there.
    await expect(page.getByRole('dialog', { name: `Message ${id}` })).toBeVisible();
    await expect(page.locator(`li.message[data-msg-id="${id}"]`)).toHaveCount(1);
    await expect(diagram(page).locator(`li[data-msg-id="${id}"]`)).toHaveAttribute('data-fate', 'in-flight');
    await shot(page, 'spacetime-arrow-clicked');
  });

  test('a partition\'s groups have one colour each: in the cluster, on the diagram\'s lanes and in its key', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, scenarioUrl({ nodes: 5, seed: 3, actions: [{ at: 5, type: 'timeout', node: 1 }, { at: 250, type: 'partition', groups: [[1, 2], [3, 4, 5]] }] }, 330));
    await showTeaching(page, 'Space-time');
    const region = (g: string) => page.locator(`.partition-regions path[data-group="${g}"]`).getAttribute('fill');
    const [left, right] = [await region('1-2'), await region('3-4-5')];
    expect(left).not.toBe(right);
    await page.locator('[data-spacetime-key] summary').click();
    const swatches = page.locator('[data-spacetime-key] .st-swatch');
    expect([await swatches.nth(0).getAttribute('data-group-color'), await swatches.nth(1).getAttribute('data-group-color')]).toEqual([left, right]);
    // Open, the key takes a third of the panel at 1280x720; folded again, the plot has its room back.
    await page.locator('[data-spacetime-key] summary').click();
    // The lanes are tinted with the same colours (at 55% over the white panel), along a row inside the partition.
    const lost = arrows(page).and(page.locator('[data-fate="lost"]'));
    await expect(lost).not.toHaveCount(0);
    const { y } = await pointOf(lost.first(), 'cross-x', 'cross-y');
    const found = await diagram(page).locator('canvas').evaluate((c: HTMLCanvasElement, { y, fills }) => {
      const k = window.devicePixelRatio || 1;
      const row = c.getContext('2d')!.getImageData(0, Math.round((y - 6) * k), c.width, 1).data;
      return fills.map((hex) => {
        const tint = [1, 3, 5].map((i) => 0.55 * parseInt(hex.slice(i, i + 2), 16) + 0.45 * 255);
        let n = 0;
        for (let i = 0; i < row.length; i += 4) if (tint.every((v, j) => Math.abs(row[i + j] - v) <= 3)) n++;
        return n;
      });
    }, { y, fills: [left!, right!] });
    expect(found[0], `pixels of ${left} on S1 and S2's lanes`).toBeGreaterThan(10);
    expect(found[1], `pixels of ${right} on S3, S4 and S5's lanes`).toBeGreaterThan(10);
    await shot(page, 'spacetime-partition-colours');
  });

  test('a lost message ends in a cross where it died', async ({ page }) => {
    // S1 leads, then is cut off with S2: what S1 sends to the others is lost.
    await open(page, scenarioUrl({ nodes: 5, seed: 3, actions: [{ at: 5, type: 'timeout', node: 1 }, { at: 250, type: 'partition', groups: [[1, 2], [3, 4, 5]] }] }, 330));
    await showTeaching(page, 'Space-time');
    const lost = arrows(page).and(page.locator('[data-fate="lost"]'));
    await expect(lost).not.toHaveCount(0);
    const item = lost.first();
    expect(Number(await item.getAttribute('data-lost-at'))).toBeGreaterThanOrEqual(250);
    const cross = await pointOf(item, 'cross-x', 'cross-y');
    // The cross is painted red at that point of the canvas.
    const red = await diagram(page).locator('canvas').evaluate((c: HTMLCanvasElement, p) => {
      const k = window.devicePixelRatio || 1;
      const data = c.getContext('2d')!.getImageData(Math.round(p.x * k) - 3, Math.round(p.y * k) - 3, 7, 7).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] > 150 && data[i + 1] < 80 && data[i + 2] < 80) n++;
      return n;
    }, cross);
    expect(red).toBeGreaterThan(3);
    await shot(page, 'spacetime-lost-cross');
  });

  test('the SVG export downloads a valid SVG of the window', async ({ page }) => {
    // Opened just after the election: its leader is in sight.
    await open(page, scenarioUrl({ nodes: 5, seed: 1 }, 250));
    await showTeaching(page, 'Space-time');
    await expect(arrows(page)).not.toHaveCount(0);
    const [download] = await Promise.all([page.waitForEvent('download'), diagram(page).getByRole('button', { name: 'SVG' }).click()]);
    expect(download.suggestedFilename()).toBe('quorum-spacetime.svg');
    const text = readFileSync(await download.path(), 'utf8');
    const parsed = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return { error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.localName, lines: doc.getElementsByTagName('polyline').length, texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent) };
    }, text);
    expect(parsed.error).toBe(0);
    expect(parsed.root).toBe('svg');
    expect(parsed.lines).toBeGreaterThan(5);
    expect(parsed.texts).toEqual(expect.arrayContaining(['S1', 'S5', 'leader']));
    // A run without clients draws no clients' lane: the servers get the width.
    expect(parsed.texts).not.toContain('Clients');
    await expect(diagram(page).locator('.st-head button')).toHaveText(['S1', 'S2', 'S3', 'S4', 'S5']);
  });

  test('at 1280x720 a short diagram exports the same window, tall enough for a slide', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    // A Paxos lesson: the tables take the room and the diagram is a strip.
    await open(page, './#lesson=paxos-basic&t=70');
    await showTeaching(page, 'Space-time');
    await expect(arrows(page)).not.toHaveCount(0);
    const shown = (await diagram(page).locator('canvas').boundingBox())!.height;
    expect(shown).toBeLessThan(EXPORT_MIN_HEIGHT);
    const ids = await arrows(page).evaluateAll((items) => items.map((li) => li.getAttribute('data-msg-id')));
    const [download] = await Promise.all([page.waitForEvent('download'), diagram(page).getByRole('button', { name: 'SVG' }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    const exported = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return { error: doc.getElementsByTagName('parsererror').length, height: Number(doc.documentElement.getAttribute('height')), lines: doc.getElementsByTagName('polyline').length };
    }, text);
    expect(exported.error).toBe(0);
    expect(exported.height).toBeGreaterThanOrEqual(EXPORT_MIN_HEIGHT);
    // The same window: every arrow in sight is drawn (an arrow is one polyline, its head another shape).
    expect(exported.lines).toBeGreaterThanOrEqual(ids.length);
  });

  test('the PNG export downloads a picture of the window, at least 1920 pixels wide and not blank', async ({ page }) => {
    await open(page, scenarioUrl({ nodes: 5, seed: 1 }, 250));
    await showTeaching(page, 'Space-time');
    await expect(arrows(page)).not.toHaveCount(0);
    const [download] = await Promise.all([page.waitForEvent('download'), diagram(page).locator('[data-export="spacetime-png"]').click()]);
    expect(download.suggestedFilename()).toBe('quorum-spacetime.png');
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await download.saveAs('test-results/screenshots/spacetime-export.png');
    // Decoded by the browser, with the shape of the window on screen.
    const canvas = await diagram(page).locator('canvas').boundingBox();
    const decoded = await page.evaluate(async (b64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const c = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      c.drawImage(bitmap, 0, 0);
      const data = c.getImageData(0, 0, bitmap.width, bitmap.height).data;
      // Not a blank picture: pixels unlike the background in its top-left corner.
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 60) inked++;
      return { width: bitmap.width, height: bitmap.height, inked };
    }, bytes.toString('base64'));
    expect(decoded.width).toBeGreaterThanOrEqual(1920);
    // The window's span of time, at least EXPORT_MIN_HEIGHT tall (a short diagram is stretched), under its lane names.
    expect(decoded.width / decoded.height).toBeCloseTo(canvas!.width / (Math.max(canvas!.height, EXPORT_MIN_HEIGHT) + 28), 1);
    expect(decoded.inked).toBeGreaterThan(5_000);
  });

  test('follows the run while playing, and shows event order on request', async ({ page }) => {
    await open(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await setSpeed(page, 1);
    await showTeaching(page, 'Space-time');
    // Space plays and pauses: clicking the buttons would scroll the page back up to them.
    await page.keyboard.press('Space');
    await expect.poll(() => virtualTime(page)).toBeGreaterThan(1500);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    const now = await virtualTime(page);
    // The window in sight holds the latest messages.
    await expect.poll(async () => Math.max(...(await arrows(page).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-sent-at'))))))).toBeGreaterThan(now - 100);
    await shot(page, 'spacetime-following');
    await diagram(page).getByRole('button', { name: 'Event order' }).click();
    await expect(diagram(page)).toHaveAttribute('data-axis', 'events');
    await expect(arrows(page)).not.toHaveCount(0);
    await shot(page, 'spacetime-event-order');
  });

  test('clicking a mark on a lane seeks to its event and selects the node', async ({ page }) => {
    await open(page, scenarioUrl({ nodes: 5, seed: 1 }, 250));
    await showTeaching(page, 'Space-time');
    const leader = diagram(page).locator('li[data-mark-kind="leader"]').first();
    await expect(leader).toHaveCount(1);
    const node = await leader.getAttribute('data-node');
    const t = Number(await leader.getAttribute('data-t'));
    await diagram(page).locator('canvas').click({ position: await pointOf(leader) });
    await expect.poll(() => virtualTime(page)).toBe(t);
    await expect(page.locator(`g.node[data-node-id="${node}"]`)).toHaveAttribute('data-role', 'leader');
    await expect(page.getByRole('heading', { name: new RegExp(`^S${node}`) })).toBeVisible();
  });

  test('clients have their own lane: requests, a retry, a redirect and a lost reply; a click seeks and selects the operation in History, and back', async ({ page }) => {
    // Lesson C4: the reply to incr n is lost, the client retries at S2, which redirects it to S1.
    await open(page, './#lesson=raft-exactly-once&t=400');
    await showTeaching(page, 'Space-time');
    await expect(diagram(page).locator('.st-head button', { hasText: 'client 1' })).toBeVisible();
    // Zoom out until the whole exchange (200 to 360 ms) is in sight.
    for (let k = 0; k < 3; k++) await diagram(page).getByRole('button', { name: 'Zoom out' }).click();
    const fromClient = diagram(page).locator('li[data-from="client 1"]');
    await expect(fromClient.and(page.locator('[data-why="retry"]'))).toHaveCount(1);
    await expect(fromClient.and(page.locator('[data-why="redirect"]'))).toHaveCount(1);
    await expect(fromClient.first()).toHaveAttribute('data-outcome', 'unknown');
    await expect(diagram(page).locator('li[data-to="client 1"][data-fate="lost"]')).toHaveCount(1);
    const retry = fromClient.and(page.locator('[data-why="retry"]'));
    for (const k of ['msg-id', 'from', 'to', 'sent-at', 'deliver-at', 'fate', 'op']) expect(await retry.getAttribute(`data-${k}`)).not.toBeNull();
    const sentAt = Number(await retry.getAttribute('data-sent-at'));
    const deliverAt = Number(await retry.getAttribute('data-deliver-at'));
    await shot(page, 'spacetime-clients');
    // The export carries the clients' lane and their arrows.
    const [download] = await Promise.all([page.waitForEvent('download'), diagram(page).locator('[data-export="spacetime-svg"]').click()]);
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg).toContain('>client 1</text>');
    expect(svg).toContain('incr n (try 2)');
    await diagram(page).locator('canvas').click({ position: await pointOf(retry) });
    await expect.poll(() => virtualTime(page)).toBeLessThan(deliverAt);
    expect(await virtualTime(page)).toBeGreaterThanOrEqual(sentAt);
    // The operation is selected in History.
    await showTeaching(page, 'History');
    await expect(page.locator(`.hist-bar[data-op="${await retry.getAttribute('data-op')}"]`)).toHaveAttribute('data-selected', 'true');
    // And back: a bar goes to its reply, and shows its request and reply on the diagram.
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=raft-exactly-once&t=600');
    const ret = Number((await page.locator('.hist-bar', { hasText: 'incr n → 2' }).getAttribute('aria-label'))!.match(/450 to (\d+) ms/)![1]);
    await page.locator('.hist-bar', { hasText: 'incr n → 2' }).click();
    await expect.poll(() => virtualTime(page)).toBe(ret);
    await expect(page.locator('.hist-bar[data-op="2"]')).toHaveAttribute('data-selected', 'true');
    await page.locator('[data-history-spacetime]').click();
    await expect(page.getByRole('tab', { name: 'Space-time', exact: true })).toHaveAttribute('aria-selected', 'true');
    // The diagram had stopped following at the click above; showing an operation follows the playhead again, at its reply.
    await expect(diagram(page).getByRole('checkbox', { name: 'Follow' })).toBeChecked();
    await expect(diagram(page).locator('li[data-from="client 1"][data-op="2"]')).toHaveAttribute('data-outcome', 'answered');
    await expect(diagram(page).locator('li[data-to="client 1"][data-op="2"]')).toHaveAttribute('data-fate', 'delivered');
    // With room to read it: the panel takes the logs' room, and the diagram is no strip of 70 px
    // (185 px here at 1280x720, beside the step's whole three-line text).
    await expect(page.locator('[data-teaching-enlarge]')).toHaveAttribute('aria-pressed', 'true');
    expect((await diagram(page).locator('canvas').boundingBox())!.height).toBeGreaterThan(160);
    await shot(page, 'history-show-in-spacetime-1280');
  });

  test('hovering a client\'s request or reply fades what is not causally connected to it', async ({ page }) => {
    // Lesson C4: incr n at 200 ms to S1 (arrives 220); its reply is lost, the retry (300) is redirected by S2, S1 answers again (345 to 359).
    await open(page, './#lesson=raft-exactly-once&t=400');
    await showTeaching(page, 'Space-time');
    for (let k = 0; k < 3; k++) await diagram(page).getByRole('button', { name: 'Zoom out' }).click();
    const canvas = diagram(page).locator('canvas');
    const item = (sel: string) => diagram(page).locator(`li${sel}`);
    const fromS1 = (sentAt: number) => item(`[data-msg-id][data-from="1"][data-sent-at="${sentAt}"]`);
    const first = item('[data-from="client 1"][data-why="first"]');
    const retry = item('[data-from="client 1"][data-why="retry"]');
    const redirected = item('[data-from="client 1"][data-why="redirect"]');
    const redirect = item('[data-to="client 1"][data-why="redirect"]');
    const answer = item('[data-to="client 1"][data-why="ok"][data-fate="delivered"]');
    const faded = async (l: Locator) => Promise.all((await l.all()).map((x) => x.getAttribute('data-faded')));
    await expect(fromS1(194)).toHaveCount(4);

    // The request: S1's heartbeats before it arrived are not in its cone; its replication of incr n (220) and all that
    // follows from it are, the redirect and the request sent on it too. The retry left on the client's own timeout, before
    // anything came back: concurrent with the request's arrival, so faded.
    await canvas.hover({ position: await pointOf(first) });
    await expect(fromS1(194).first()).toHaveAttribute('data-faded', 'true');
    expect(await faded(fromS1(194))).toEqual(['true', 'true', 'true', 'true']);
    expect(await faded(fromS1(220))).toEqual([null, null, null, null]);
    expect(await faded(first.or(redirect).or(redirected))).toEqual([null, null, null]);
    expect(await faded(retry)).toEqual(['true']);
    await shot(page, 'spacetime-hover-request');

    // The answer: what reached S1 before it was sent (345) is in its past, the heartbeats of 194 (answered by 228) and
    // the whole exchange included. The heartbeats of 344 arrive after it left and lead nowhere it went; those of 394 follow it.
    await canvas.hover({ position: await pointOf(answer) });
    await expect(fromS1(194).first()).not.toHaveAttribute('data-faded', 'true');
    expect(await faded(fromS1(194))).toEqual(Array(4).fill(null));
    expect(await faded(first.or(retry).or(redirect).or(redirected).or(answer))).toEqual(Array(5).fill(null));
    expect(await faded(fromS1(344).or(fromS1(394)))).toEqual(Array(8).fill('true'));
    await shot(page, 'spacetime-hover-reply');

    // Off the arrows, nothing is faded.
    await canvas.hover({ position: { x: 2, y: 2 } });
    await expect(diagram(page).locator('li[data-faded]')).toHaveCount(0);
  });
});

test('at 1280x720 with the drawer open, "Detail thinned" stands in the toolbar, over none of the diagram', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, './#lesson=raft-split-brain&t=1600');
  await page.getByRole('button', { name: 'Panels', exact: true }).click();
  await expect(page.locator('#drawer')).toBeVisible();
  await showTeaching(page, 'Space-time');
  const note = diagram(page).locator('.st-thinned');
  await expect(note).toBeVisible();
  // Said whole in the room it has (a shorter form), all of it in its title.
  await expect(note).toHaveAttribute('title', /Zoom in for all\.$/);
  await expect(note).toContainText('hinned');
  const [n, plot] = await Promise.all([note.boundingBox(), diagram(page).locator('.st-scroll').boundingBox()]);
  // Above the diagram (lanes, arrows and the "now" line), not over its foot.
  expect(n!.y + n!.height).toBeLessThanOrEqual(plot!.y);
  await page.locator('[data-spacetime]').screenshot({ path: 'test-results/screenshots/spacetime-thinned-1280.png' });
});
