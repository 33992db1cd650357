import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { LESSONS } from '../src/scenario/lessons';
import { open, scenarioUrl, setSpeed, showTeaching } from './helpers';

/** Violations of serious or critical impact, by rule and the first few places. */
async function serious(page: Page, include: string | string[] = []): Promise<string[]> {
  // Known, left to the cluster's owner: a server's accessible name ("Select S1, leader, term 1,
  // voted S1") does not contain its visible text in order (label-content-name-mismatch).
  let axe = new AxeBuilder({ page }).disableRules(['label-content-name-mismatch']);
  for (const region of typeof include === 'string' ? [include] : include) axe = axe.include(region);
  const { violations } = await axe.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test.describe('accessibility (axe-core): no serious or critical violations', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  // axe walks the whole page: slow on a loaded machine.
  test.setTimeout(120_000);

  test('the default cluster', async ({ page }) => {
    await open(page);
    expect(await serious(page)).toEqual([]);
  });

  test('two runs side by side, one with a broken rule', async ({ page }) => {
    await page.goto('./#compare=figure8-broken&t=560');
    for (const side of ['left', 'right']) await expect(page.locator(`[data-side="${side}"] g.node`)).toHaveCount(5);
    await expect(page.locator('[data-side="right"] .pair-verdict')).toHaveAttribute('data-safe', 'false');
    expect(await serious(page)).toEqual([]);
  });

  test('a lesson, at a narration step', async ({ page }) => {
    await open(page, './#lesson=raft-replication');
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    expect(await serious(page)).toEqual([]);
  });

  test('the share dialog', async ({ page }) => {
    await open(page, './#lesson=paxos-basic');
    await page.getByRole('button', { name: 'Share…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await serious(page, '.modal')).toEqual([]);
  });

  test('the lesson menu, open, with its part headings', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Lesson', exact: true }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    expect(await serious(page, '.lesson-menu')).toEqual([]);
  });

  test('presenter mode', async ({ page }) => {
    await open(page, './#lesson=multipaxos-failover');
    await page.keyboard.press('f');
    await expect(page.locator('.app')).toHaveClass(/presenter/);
    expect(await serious(page)).toEqual([]);
  });

  test('embed mode', async ({ page }) => {
    await open(page, './#lesson=raft-election&view=embed');
    expect(await serious(page)).toEqual([]);
  });
});

test.describe('the dark theme (the system prefers dark): no serious or critical violations', () => {
  test.use({ viewport: { width: 1280, height: 720 }, colorScheme: 'dark' });
  test.setTimeout(120_000);

  test('a lesson at a narration step, then the share dialog', async ({ page }) => {
    await open(page, './#lesson=raft-figure8');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    for (let k = 0; k <= 3; k++) {
      await page.keyboard.press('PageDown');
      await expect(page.locator('.narration-text')).toHaveAttribute('data-step', String(k));
    }
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    expect(await serious(page)).toEqual([]);
    await page.getByRole('button', { name: 'Share…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await serious(page, '.modal')).toEqual([]);
  });

  test('a Paxos lesson with the panels open, and embed mode', async ({ page }) => {
    await open(page, './#lesson=paxos-basic');
    await page.keyboard.press('d');
    await expect(page.locator('#drawer')).toBeVisible();
    expect(await serious(page)).toEqual([]);
    await open(page, './#lesson=raft-election&view=embed');
    expect(await serious(page)).toEqual([]);
  });
});

/**
 * The panels added after the dark theme, each in a state that shows its colours: a broken
 * rule's banner and a claim that does not hold, a paused server and a fast clock, the network's
 * pending list, the client history with a stale read flagged, and 2PC's tables with a
 * participant in doubt. Each is checked in the light theme, then in the dark (the page follows
 * the system's preference), on the regions that show them; screenshots of both for a look.
 */
test('the newer panels take the theme: no serious or critical violations in either', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const inBothThemes = async (name: string, regions: string[]) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await page.screenshot({ path: `test-results/screenshots/theme-${scheme}-${name}.png` });
      expect(await serious(page, regions), `${name}, ${scheme}`).toEqual([]);
    }
  };
  await open(page, scenarioUrl({
    version: 2, nodes: 5, seed: 1, bugs: ['commitOldTermByCount'],
    narration: [{ at: 0, text: 'S1 leads from the start, says this step.', claims: ['S1 role = leader'] }],
    actions: [{ at: 0, type: 'pause', node: 2 }, { at: 0, type: 'drift', node: 3, rate: 2 }, { at: 0, type: 'network', manual: true }, { at: 1, type: 'timeout', node: 1 }],
  }, 5));
  await expect(page.locator('.broken-banner')).toBeVisible();
  await expect(page.locator('.claims-badge.fail')).toBeVisible();
  await expect(page.locator('g.node[data-paused="true"]')).toHaveCount(1);
  await expect(page.locator('[data-pending="message"]')).not.toHaveCount(0);
  await inBothThemes('network', ['.broken-banner', '.narration', '.cluster', '.pending-list']);

  for (const [id, region] of [['raft-stale-read', '[data-region="history"]'], ['atomic-2pc-blocking', '[data-region="tables"]']]) {
    const lesson = LESSONS.find((l) => l.id === id)!.scenario;
    const steps = lesson.narration!.length;
    await open(page, `./#lesson=${id}`);
    // The page is the one the last lesson ran in: read its step only once this lesson has loaded.
    await expect(page.locator('.narration-count')).toHaveText(new RegExp(`/ ${steps}$`));
    await expect.poll(async () => (await page.locator('header h1').getAttribute('title'))?.endsWith(` · ${lesson.title}`)).toBe(true);
    await expect(page.locator('[data-virtual-time]')).toHaveAttribute('data-virtual-time', '0');
    await setSpeed(page, 10);
    for (let k = Number(await page.locator('.narration-text').getAttribute('data-step')) + 1; k < steps; k++) {
      await page.keyboard.press('PageDown');
      await expect(page.locator('.narration-text')).toHaveAttribute('data-step', String(k));
    }
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await inBothThemes(id, [region]);
  }
});

/**
 * The teaching tabs behind Pseudocode: the space-time diagram (its scroller), the event log and
 * the client history, in a lesson with clients, leases and a storage node, where the teaching
 * area squeezes the logs until they scroll. Both themes.
 */
test('the Space-time, Events and History tabs: no serious or critical violations in either theme', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, './#lesson=raft-fencing&t=882');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    for (const tab of ['Space-time', 'Events', 'History'] as const) {
      await showTeaching(page, tab);
      if (tab === 'Space-time') await expect(page.locator('.st-scroll')).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/tabs-${scheme}-${tab}.png` });
      expect(await serious(page), `${tab}, ${scheme}`).toEqual([]);
    }
  }
});

/**
 * The teaching tabs follow the ARIA tabs pattern (only the open tab in the Tab order, arrows
 * between tabs), so they say so, and Tab from the tabs reaches the open panel itself, even the
 * event log, which has nothing focusable inside.
 */
test('the teaching tabs hint at the arrow keys, and Tab reaches the open panel', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, './#lesson=raft-replication&t=344');
  await showTeaching(page, 'Events');
  const tab = page.getByRole('tab', { name: 'Events', exact: true });
  await expect(tab).toHaveAccessibleDescription(/arrow keys/i);
  await expect(page.getByRole('tablist', { name: 'Teaching panel' })).toHaveAttribute('title', /arrow keys/i);
  await tab.focus();
  await page.keyboard.press('Tab'); // the Enlarge button beside the tabs
  await page.keyboard.press('Tab');
  await expect(page.locator('#panel-events')).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/tabs-panel-focus.png' });
});

/** The timeline's thumb, as painted on its canvas (the main thread paints it), as [r, g, b]. */
async function thumbColour(page: Page): Promise<number[]> {
  return page.locator('canvas.timeline-face').evaluate((c: HTMLCanvasElement) => {
    const k = c.width / c.getBoundingClientRect().width;
    return [...c.getContext('2d')!.getImageData(Math.round(8 * k), Math.round(24 * k), 1, 1).data.slice(0, 3)];
  });
}

test('the theme toggle: follows the system until clicked, then is remembered; canvases repaint in it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await open(page);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // The system's preference changes while the page is open: the page follows it.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await thumbColour(page)).toEqual([29, 78, 216]);
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.stage')).toHaveCSS('background-color', 'rgb(17, 24, 39)');
  // The painted canvases take the palette too, not only what the style sheet draws.
  await expect.poll(() => thumbColour(page)).toEqual([96, 165, 250]);
  await expect(page.locator('g.node circle[stroke]').first()).not.toHaveAttribute('fill', '#f1f5f9');
  // Chosen, it is kept: across a reload, and whatever the system prefers.
  await page.reload();
  await expect(page.locator('g.node')).not.toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(page.locator('g.node')).not.toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
