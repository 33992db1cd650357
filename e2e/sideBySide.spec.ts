import { spawnSync } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';
import { READABLE_SCALE, RING_EDGE, RING_GAP } from '../src/ui/geometry/layout';
import { play, setSpeed, watchErrors } from './helpers';

/** Two runs side by side (issue 14): one clock, one set of controls, each run its own cluster and verdict. */

const side = (page: Page, s: 'left' | 'right') => page.locator(`[data-side="${s}"]`);
const sideNode = (page: Page, s: 'left' | 'right', id: number) => side(page, s).locator(`g.node[data-node-id="${id}"]`);
const timeOf = async (page: Page, s: 'left' | 'right') => Number(await side(page, s).getAttribute('data-time'));
const headerTime = async (page: Page) => Number(await page.locator('.top [data-virtual-time]').getAttribute('data-virtual-time'));

async function openPair(page: Page, url: string): Promise<void> {
  await page.goto(url);
  for (const s of ['left', 'right'] as const) await expect(side(page, s).locator('g.node')).not.toHaveCount(0);
}

/** What `npm run sim` computes for one side of a pair link, up to its moment. */
function simHash(link: string, s: 'left' | 'right', t: number): string {
  const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', link, '--side', s, '--until', String(t)], { encoding: 'utf8' });
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!).summary.traceHash;
}

/** Both sides in the viewport, the narration under them. */
async function fits(page: Page): Promise<void> {
  const view = page.viewportSize()!;
  for (const sel of ['[data-side="left"]', '[data-side="right"]', '[data-region="narration"]']) {
    const box = (await page.locator(sel).boundingBox())!;
    expect(box.y + box.height, sel).toBeLessThanOrEqual(view.height + 1);
    expect(box.x + box.width, sel).toBeLessThanOrEqual(view.width + 1);
  }
  const left = (await side(page, 'left').boundingBox())!;
  const right = (await side(page, 'right').boundingBox())!;
  const story = (await page.locator('[data-region="narration"]').boundingBox())!;
  expect(right.x).toBeGreaterThanOrEqual(left.x + left.width);
  expect(story.y).toBeGreaterThanOrEqual(left.y + left.height);
}

/** The narrowest clear gap, in pixels on screen, between two timer rings of a side's cluster. */
async function narrowestRingGap(page: Page, s: 'left' | 'right'): Promise<number> {
  return side(page, s).locator('svg.cluster-servers').evaluate((svg: SVGSVGElement, edge) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const at = [...svg.querySelectorAll('g.node')].map((g) => (g as SVGGElement).transform.baseVal.consolidate()!.matrix);
    let gap = Infinity;
    for (const p of at) for (const q of at) if (p !== q) gap = Math.min(gap, (Math.hypot(p.e - q.e, p.f - q.f) - 2 * edge) * scale);
    return gap;
  }, RING_EDGE);
}

test.describe('two runs side by side', () => {
  test('a pair link opens both runs; steps move both together; a crash on one side happens on both; the share link replays each side to the hash npm run sim gives', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openPair(page, './#compare=raft-vs-multipaxos');
    await expect(side(page, 'left')).toHaveAttribute('aria-label', /Raft/);
    await expect(side(page, 'right')).toHaveAttribute('aria-label', /Multi-Paxos/);
    await fits(page);
    const forward = page.getByRole('button', { name: 'Step forward one event' });
    let last = 0;
    for (let i = 0; i < 12; i++) {
      await forward.click();
      // One clock: after each step both runs stand at the same moment, never earlier than before.
      await expect.poll(async () => (await timeOf(page, 'left')) === (await timeOf(page, 'right')) && (await timeOf(page, 'left')) >= last).toBe(true);
      last = await timeOf(page, 'left');
    }
    expect(last).toBeGreaterThan(0);
    await expect.poll(() => headerTime(page)).toBe(last);
    await page.getByRole('button', { name: 'Step back one event' }).click();
    await expect.poll(async () => (await timeOf(page, 'left')) === (await timeOf(page, 'right')) && (await timeOf(page, 'left')) <= last).toBe(true);

    // Crash S3 from the left side: it is down in both runs.
    await sideNode(page, 'left', 3).click();
    await page.getByRole('group', { name: 'Server S3, in both runs' }).getByRole('button', { name: 'Crash S3' }).click();
    for (const s of ['left', 'right'] as const) await expect(sideNode(page, s, 3)).toHaveAttribute('data-up', 'false');
    await expect.poll(async () => (await timeOf(page, 'left')) === (await timeOf(page, 'right'))).toBe(true);

    await page.getByRole('button', { name: 'Share…' }).click();
    const link = await page.getByLabel('Share link').inputValue();
    // Copy link puts that very link on the clipboard (the same code as the single run's Share).
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('dialog', { name: 'Share both runs' }).getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('dialog', { name: 'Share both runs' }).getByRole('status')).toHaveText('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.keyboard.press('Escape');
    expect(link).toMatch(/#s=.+&vs=.+&t=\d+$/);
    const t = Number(/&t=(\d+)$/.exec(link)![1]);
    const hashes = { left: (await side(page, 'left').getAttribute('data-trace-hash'))!, right: (await side(page, 'right').getAttribute('data-trace-hash'))! };
    expect(simHash(link, 'left', t)).toBe(hashes.left);
    expect(simHash(link, 'right', t)).toBe(hashes.right);

    // The link reopens the pair at that moment, both hashes as before, S3 down in both.
    await openPair(page, link.replace(/^https?:\/\/[^/]+\//, './'));
    for (const s of ['left', 'right'] as const) {
      await expect(side(page, s)).toHaveAttribute('data-time', String(t));
      await expect(side(page, s)).toHaveAttribute('data-trace-hash', hashes[s]);
      await expect(sideNode(page, s, 3)).toHaveAttribute('data-up', 'false');
    }
    expect(errors).toEqual([]);
  });

  test('a rule broken on one side: its violation shows on that side only, and both runs stop at its moment', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openPair(page, './#compare=figure8-broken&t=500');
    await expect(side(page, 'left')).toHaveAttribute('data-time', '500');
    await fits(page);
    await expect(side(page, 'right').locator('[data-broken-rule="commitOldTermByCount"]')).toBeVisible();
    await expect(side(page, 'left').locator('[data-broken-rule]')).toHaveCount(0);
    await setSpeed(page, 0.1);
    await play(page);
    const verdict = (s: 'left' | 'right') => side(page, s).locator('.pair-verdict');
    await expect(verdict('right')).toHaveAttribute('data-safe', 'false');
    await expect(verdict('right')).toHaveAttribute('data-check', 'leaderCompleteness');
    await expect(verdict('left')).toHaveAttribute('data-safe', 'true');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    for (const s of ['left', 'right'] as const) await expect(side(page, s)).toHaveAttribute('data-time', '528');
    // The nodes involved are ringed on the broken side only.
    await expect(side(page, 'right').locator('circle.node-flag')).not.toHaveCount(0);
    await expect(side(page, 'left').locator('circle.node-flag')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('beside each run, its figures: messages sent, leaders elected, and each command\'s time from request to commit', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    const figures = (s: 'left' | 'right') => side(page, s).locator('[data-figures]');
    const number = async (s: 'left' | 'right', attr: string) => Number(await figures(s).locator(`[${attr}]`).getAttribute(attr));
    const took = async (s: 'left' | 'right') => {
      const toggle = figures(s).getByRole('button', { name: /^Commands/ });
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      const rows = figures(s).locator('[data-command]');
      return Object.fromEntries(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-command'), tr.getAttribute('data-took-ms')])));
    };

    // Step 2: Raft's leader has committed its no-op (commitLength 1), but no command yet; the counter says what it counts.
    await openPair(page, './#compare=raft-vs-multipaxos&t=201');
    await expect(side(page, 'left').locator('.log-row[data-node-id="1"]')).toContainText('commitLength 1');
    for (const s of ['left', 'right'] as const) await expect(figures(s).locator('[data-commands-committed]')).toHaveText('0 commands committed');

    // Halfway: only "set a 1" has been asked for, and committed (on the one clock, at the same moment on both sides).
    await openPair(page, './#compare=raft-vs-multipaxos&t=250');
    for (const s of ['left', 'right'] as const) {
      await expect(figures(s)).toHaveAttribute('data-committed', '1');
      await expect(figures(s).locator('[data-commands-committed]')).toHaveText('1 command committed, median 20 ms');
      expect(await number(s, 'data-leader-changes')).toBe(1);
      expect(await took(s)).toEqual({ 'set a 1': '20' });
    }
    await fits(page);

    // On a projector, no two timer rings almost touch: a message between neighbours is seen in flight.
    for (const s of ['left', 'right'] as const) expect(await narrowestRingGap(page, s), s).toBeGreaterThanOrEqual(RING_GAP * READABLE_SCALE);
    await page.screenshot({ path: 'test-results/screenshots/side-by-side-1280.png' });

    await openPair(page, './#compare=raft-vs-multipaxos&t=1000');
    for (const s of ['left', 'right'] as const) await expect(figures(s)).toHaveAttribute('data-committed', '3');
    const raft = { sent: await number('left', 'data-messages-sent'), leaders: await number('left', 'data-leader-changes'), took: await took('left') };
    const paxos = { sent: await number('right', 'data-messages-sent'), leaders: await number('right', 'data-leader-changes'), took: await took('right') };
    // Both elect S1, then S2 after the crash.
    expect(raft.leaders).toBe(2);
    expect(paxos.leaders).toBe(2);
    expect(raft.sent).toBeGreaterThan(0);
    expect(paxos.sent).toBeGreaterThan(0);
    // Every message takes 10 ms here: with a stable leader, a command is one round trip (20 ms) in
    // both, the lecture's point: Multi-Paxos, phase 1 done once, needs no more round trips than Raft.
    expect(raft.took).toEqual({ 'set a 1': '20', 'set b 2': '20', 'set c 3': '20' });
    expect(paxos.took).toEqual(raft.took);
    expect(Number(await figures('right').getAttribute('data-median-ms'))).toBeLessThanOrEqual(Number(await figures('left').getAttribute('data-median-ms')));
    // The commands' table opens over the cluster: both runs still fit the screen, the logs in sight.
    await fits(page);
    await expect(side(page, 'left').locator('[data-region="logs"]')).toBeInViewport();
    await expect(side(page, 'right').locator('[data-region="tables"]')).toBeInViewport();
    expect(errors).toEqual([]);
  });

  test('at 1280x720 each side reads whole: its figures on one line, its log key not cut', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    // The end: the most messages, both leaders counted, three commands committed.
    await openPair(page, './#compare=raft-vs-multipaxos&t=1000');
    for (const s of ['left', 'right'] as const) {
      const figures = side(page, s).locator('[data-figures]');
      await expect(figures).toHaveAttribute('data-committed', '3');
      // One line: every item of the figures (the Commands toggle too) shares the first item's line.
      const tops = await figures.evaluate((el) => [...el.children].map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2)));
      expect(Math.max(...tops) - Math.min(...tops), `${s}: the figures wrap`).toBeLessThanOrEqual(4);
      // The key says all of what the cells mean: nothing is cut off at its end.
      const key = side(page, s).locator('.pair-table h2 small');
      expect(await key.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight), `${s}: the key is cut`).toBe(true);
    }
    await fits(page);
    await page.screenshot({ path: 'test-results/screenshots/side-by-side-figures-1280.png' });
  });

  test('2PC beside Raft under one failure: the participants wait in doubt while Raft elects S3 and goes on', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openPair(page, './#compare=2pc-vs-raft&t=650');
    for (const id of [2, 3, 4]) await expect(sideNode(page, 'left', id)).toHaveAttribute('data-up', 'true');
    await expect(sideNode(page, 'left', 1)).toHaveAttribute('data-up', 'false');
    await expect(side(page, 'left')).toContainText('in doubt');
    await expect(sideNode(page, 'right', 3)).toHaveAttribute('data-role', 'leader');
    // 2PC has no leader and no log of commands: its figures count messages only.
    await expect(side(page, 'left').locator('[data-figures] [data-messages-sent]')).toHaveCount(1);
    await expect(side(page, 'left').locator('[data-figures] [data-leader-changes]')).toHaveCount(0);
    await expect(side(page, 'right').locator('[data-figures] [data-leader-changes]')).toHaveAttribute('data-leader-changes', '2');
    await fits(page);
    for (const s of ['left', 'right'] as const) expect(await narrowestRingGap(page, s), s).toBeGreaterThanOrEqual(RING_GAP * READABLE_SCALE);
    expect(errors).toEqual([]);
  });

  test('the lesson menu opens a comparison, and choosing a lesson goes back to one run', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('./#lesson=raft-election');
    await expect(page.locator('g.node')).not.toHaveCount(0);
    await page.getByRole('button', { name: /^Lesson/ }).click();
    await page.getByRole('menuitem', { name: /Side by side: Raft beside Multi-Paxos/ }).click();
    for (const s of ['left', 'right'] as const) await expect(side(page, s).locator('g.node')).toHaveCount(5);
    await expect(page).toHaveURL(/#compare=raft-vs-multipaxos$/);
    await page.getByRole('button', { name: /^Lesson/ }).click();
    await page.getByRole('menuitem', { name: /^1\./ }).click();
    await expect(page.locator('[data-side]')).toHaveCount(0);
    await expect(page.locator('g.node')).not.toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('presenter mode and the theme, as on one run: F or the button, larger type, the header away while the pointer rests', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openPair(page, './#compare=figure8-broken&t=500');
    const app = page.locator('.app');
    const text = page.locator('.narration-text');
    const before = parseFloat(await text.evaluate((e) => getComputedStyle(e).fontSize));
    await page.keyboard.press('f');
    await expect(app).toHaveClass(/presenter/);
    expect(parseFloat(await text.evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThan(before);
    await expect(app).toHaveAttribute('data-chrome', 'hidden', { timeout: 6000 });
    await expect(page.locator('.chrome')).toHaveCSS('opacity', '0');
    // Both runs still whole on the screen, their titles in sight once the header has gone.
    await fits(page);
    for (const s of ['left', 'right'] as const) await expect(side(page, s).locator('.pair-side-head h2')).toBeInViewport();
    await page.screenshot({ path: 'test-results/screenshots/side-by-side-presenter.png' });
    await page.mouse.move(600, 30);
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await expect(app).not.toHaveClass(/presenter/);
    // The theme toggle turns both runs dark, and the choice is remembered.
    const theme = page.getByRole('button', { name: 'Dark theme' });
    const was = await page.evaluate(() => document.documentElement.dataset.theme);
    await theme.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', was === 'dark' ? 'light' : 'dark');
    expect(await page.evaluate(() => localStorage.getItem('quorum.theme'))).toBe(was === 'dark' ? 'light' : 'dark');
    expect(errors).toEqual([]);
  });

  test('at 1280x720 each cluster is at least 300 px tall, no ring on another, its title and broken rule whole', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    for (const url of ['./#compare=figure8-broken&t=500', './#compare=2pc-vs-raft&t=650', './#compare=raft-vs-multipaxos&t=250']) {
      await openPair(page, url);
      for (const s of ['left', 'right'] as const) {
        const cluster = (await side(page, s).locator('.cluster-box').boundingBox())!;
        expect(cluster.height, `${url} ${s}: cluster height`).toBeGreaterThanOrEqual(300);
        expect(await narrowestRingGap(page, s), `${url} ${s}`).toBeGreaterThanOrEqual(RING_GAP * READABLE_SCALE);
        for (const el of await side(page, s).locator('.pair-side-head > *').all()) {
          expect(await el.evaluate((e) => e.scrollWidth <= e.clientWidth), `${url} ${s}: "${await el.textContent()}" is cut`).toBe(true);
        }
      }
      await fits(page);
    }
    await expect(side(page, 'right').locator('[data-broken-rule]')).toHaveCount(0);
    await openPair(page, './#compare=figure8-broken&t=500');
    await expect(side(page, 'right').locator('[data-broken-rule]')).toHaveText(/^rule broken: .+ replicas$/);
    await page.screenshot({ path: 'test-results/screenshots/side-by-side-fig8-1280.png' });
    expect(errors).toEqual([]);
  });

  test('a server clicked in either run is marked in both; its actions sit clear of both clusters; Escape closes the commands and the choice', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openPair(page, './#compare=raft-vs-multipaxos&t=250');
    const marked = (s: 'left' | 'right', id: number) => sideNode(page, s, id).locator('.node-selected');
    const bar = page.getByRole('group', { name: /^Server S\d, in both runs$/ });
    const clear = async () => {
      const b = (await bar.boundingBox())!;
      for (const g of await page.locator('[data-side] g.node').all()) {
        const n = (await g.boundingBox())!;
        const apart = b.x >= n.x + n.width || n.x >= b.x + b.width || b.y >= n.y + n.height || n.y >= b.y + b.height;
        expect(apart, `the server's actions cover ${await g.getAttribute('data-node-id')}`).toBe(true);
      }
      await expect(bar).toBeInViewport({ ratio: 1 });
    };
    await sideNode(page, 'left', 3).click();
    for (const s of ['left', 'right'] as const) await expect(marked(s, 3)).toHaveCount(1);
    await expect(bar).toHaveAttribute('aria-label', 'Server S3, in both runs');
    await clear();
    await page.screenshot({ path: 'test-results/screenshots/side-by-side-selected.png' });
    // From the right run: S4 is marked in both, S3 in neither.
    await sideNode(page, 'right', 4).click();
    for (const s of ['left', 'right'] as const) {
      await expect(marked(s, 4)).toHaveCount(1);
      await expect(marked(s, 3)).toHaveCount(0);
    }
    await bar.getByRole('button', { name: 'Time out S4' }).click();
    await clear();
    await page.keyboard.press('Escape');
    for (const s of ['left', 'right'] as const) await expect(side(page, s).locator('.node-selected')).toHaveCount(0);
    await expect(bar).toHaveCount(0);
    // The commands' table shuts on Escape, as a popover does.
    const toggle = side(page, 'left').getByRole('button', { name: /^Commands/ });
    await toggle.click();
    await expect(side(page, 'left').locator('.pair-figures-list')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(side(page, 'left').locator('.pair-figures-list')).toHaveCount(0);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(errors).toEqual([]);
  });

  test('at 1024x768 each run stays within its half: its servers and its verdict are not pushed past the side by the figures line', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openPair(page, './#compare=figure8-broken&t=500');
    for (const s of ['left', 'right'] as const) {
      const box = (await side(page, s).boundingBox())!;
      for (const el of [...await side(page, s).locator('g.node').all(), side(page, s).locator('.pair-verdict')]) {
        const b = (await el.boundingBox())!;
        expect(b.x + b.width, `${s}: ${await el.getAttribute('data-node-id') ?? 'verdict'} past the side's edge`).toBeLessThanOrEqual(box.x + box.width);
      }
    }
    await page.screenshot({ path: 'test-results/screenshots/side-by-side-1024.png' });
  });
});
