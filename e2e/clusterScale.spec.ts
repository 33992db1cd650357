import { expect, type Locator, test } from '@playwright/test';
import { open, scenarioUrl, watchErrors } from './helpers';

/**
 * The cluster readable from the back row at 1280x720 (issue 11): its view takes the shape of
 * the box it is drawn in, so a wide, short pane (side by side, manual delivery) draws its
 * servers as large as a roomy one does. Measured as drawn: each text's font size times the
 * SVG's scale on screen.
 */

interface Drawn { text: string; px: number; box: { x0: number; y0: number; x1: number; y1: number } }

/** Every text the servers' layer draws, with its size on screen and its box. */
async function drawnTexts(cluster: Locator): Promise<{ texts: Drawn[]; bounds: { x0: number; y0: number; x1: number; y1: number } }> {
  return cluster.evaluate((el) => {
    const svg = el.querySelector('svg.cluster-servers') as SVGSVGElement;
    const r = el.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '') !== '').map((t) => {
      const b = t.getBoundingClientRect();
      return { text: t.textContent!, px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM()!.a, box: { x0: b.left, y0: b.top, x1: b.right, y1: b.bottom } };
    });
    return { texts, bounds: { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom } };
  });
}

/** At least 12 px, inside the cluster, and no two role labels or server names on top of each other. */
async function readable(cluster: Locator, where: string): Promise<number> {
  const { texts, bounds } = await drawnTexts(cluster);
  expect(texts.length, where).toBeGreaterThan(0);
  const smallest = Math.min(...texts.map((t) => t.px));
  for (const t of texts) {
    expect(t.px, `${where}: "${t.text}"`).toBeGreaterThanOrEqual(12);
    expect(t.box.x0, `${where}: "${t.text}" cut at the left`).toBeGreaterThanOrEqual(bounds.x0 - 0.5);
    expect(t.box.x1, `${where}: "${t.text}" cut at the right`).toBeLessThanOrEqual(bounds.x1 + 0.5);
    expect(t.box.y0, `${where}: "${t.text}" cut at the top`).toBeGreaterThanOrEqual(bounds.y0 - 0.5);
    expect(t.box.y1, `${where}: "${t.text}" cut at the bottom`).toBeLessThanOrEqual(bounds.y1 + 0.5);
  }
  const labels = await cluster.evaluate((el) => [...el.querySelectorAll('g.node')].map((g) => {
    const role = g.querySelector('.node-role')!.getBoundingClientRect();
    const id = g.querySelector('.node-id')!.getBoundingClientRect();
    return [role, id].map((b) => ({ x0: b.left, y0: b.top, x1: b.right, y1: b.bottom }));
  }));
  const boxes = labels.flat();
  boxes.forEach((a, i) => boxes.forEach((b, j) => {
    if (j <= i) return;
    const apart = a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;
    expect(apart, `${where}: labels ${i} and ${j} overlap`).toBe(true);
  }));
  console.log(`${where}: smallest cluster text ${smallest.toFixed(1)} px (${texts.length} texts)`);
  return smallest;
}

test.describe('the cluster at 1280x720', () => {
  for (const id of ['raft-vs-multipaxos', '2pc-vs-raft', 'figure8-broken']) {
    test(`side by side, ${id}: every server's text at least 12 px, none cut or overlapping`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`./#compare=${id}&t=400`);
      for (const side of ['left', 'right']) {
        const cluster = page.locator(`[data-side="${side}"] .cluster`);
        await expect(cluster.locator('g.node')).not.toHaveCount(0);
        await readable(cluster, `${id}, ${side}`);
      }
      expect(errors).toEqual([]);
    });
  }

  test('manual delivery: every server\'s text at least 12 px, none cut or overlapping', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, scenarioUrl({ version: 2, nodes: 5, seed: 4, network: { manual: true } }));
    await page.getByLabel('Speed').selectOption('1');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    // A server times out and asks for votes: the list of choices under the cluster grows, the cluster's box gets wide and short.
    const due = page.locator('[data-pending="timer"][data-due="true"]');
    await expect(due).toHaveCount(1);
    await page.getByRole('button', { name: `Fire S${await due.getAttribute('data-node')}'s election timer` }).click();
    await expect(page.locator('[data-pending="message"][data-type="VoteRequest"]')).toHaveCount(4);
    await readable(page.locator('.cluster'), 'manual delivery');
    expect(errors).toEqual([]);
  });

  for (const [width, height] of [[1280, 720], [1920, 1080]]) {
    test(`a single run at ${width}x${height}: every server's text at least 12 px, none cut or overlapping`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.setViewportSize({ width, height });
      await open(page, scenarioUrl({ version: 2, nodes: 5, seed: 4 }));
      await readable(page.locator('.cluster'), `single run ${width}x${height}`);
      expect(errors).toEqual([]);
    });
  }
});

/**
 * Whether each server's role label is drawn above the messages: the label (made hit-testable
 * for the check) is what the page finds at its own centre, not the messages' canvas. Returns
 * how many messages were drawn touching a label, to show the check met one.
 */
async function labelsOverMessages(cluster: Locator): Promise<{ touching: number; hidden: string[] }> {
  return cluster.evaluate((el) => {
    const svg = el.querySelector('svg.cluster-servers') as SVGSVGElement;
    const m = svg.getScreenCTM()!;
    const labels = [...el.querySelectorAll<SVGTextElement>('g.node text.node-role')].map((t) => ({ t, b: t.getBoundingClientRect() }));
    // A message's shape is about 14 view units across: touching a label when its centre is within 7 of the label's box.
    const half = 7 * m.a;
    const touching = [...el.parentElement!.querySelectorAll<HTMLElement>('li[data-msg-id][data-x]')].filter((li) => {
      const x = Number(li.dataset.x) * m.a + m.e;
      const y = Number(li.dataset.y) * m.d + m.f;
      return labels.some(({ b }) => x > b.left - half && x < b.right + half && y > b.top - half && y < b.bottom + half);
    }).length;
    // Paint order by hit-testing: let the canvas and the labels take the pointer for a moment.
    const style = document.createElement('style');
    style.textContent = '.moving-layer, .moving-layer canvas, .cluster-servers .node-role { pointer-events: auto !important; }';
    document.head.append(style);
    const hidden = labels.filter(({ t, b }) => document.elementFromPoint((b.left + b.right) / 2, (b.top + b.bottom) / 2) !== t).map(({ t }) => t.textContent ?? '');
    style.remove();
    return { touching, hidden };
  });
}

test.describe('messages never hide a server\'s role label', () => {
  test('Paxos basic, last step at 1280x720: the Accepted diamonds pass under ACCEPTOR and PROPOSER labels', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=paxos-basic&t=77');
    await expect(page.locator('.narration-text')).toHaveAttribute('data-step', '4');
    const { touching, hidden } = await labelsOverMessages(page.locator('.cluster'));
    expect(touching).toBeGreaterThan(0);
    expect(hidden).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('side by side at 1920x1080, step 2: the LogRequests and Accepts leaving S1 pass under its LEADER label', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('./#compare=raft-vs-multipaxos&t=201');
    await expect(page.locator('.narration-text')).toHaveAttribute('data-step', '1');
    for (const side of ['left', 'right']) {
      const cluster = page.locator(`[data-side="${side}"] .cluster`);
      await expect(cluster.locator('g.node[data-node-id="1"]')).toHaveAttribute('data-role', 'leader');
      const { touching, hidden } = await labelsOverMessages(cluster);
      expect(touching, side).toBeGreaterThan(0);
      expect(hidden, side).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
});
