import { expect, type Page, test } from '@playwright/test';
import { LESSONS } from '../src/scenario/lessons';
import { MESSAGE_LABEL_PX } from '../src/ui/draw/movingPaint';
import { COMMAND_PX } from '../src/ui/draw/stripPaint';
import { VIEW } from '../src/ui/geometry/layout';
import { open, scenarioUrl, setSpeed, watchErrors } from './helpers';

/** The regions a lesson's narration talks about: the cluster, the narration, the logs or tables, the teaching panel shown. */
function needed(protocol: string): string[] {
  return ['cluster', 'narration', protocol === 'raft' ? 'logs' : 'tables', 'pseudocode'];
}

/** Which needed regions (and which of their rows) are not wholly inside the viewport. */
async function outside(page: Page, regions: string[], rows = true): Promise<string[]> {
  return page.evaluate(([names, everyRow]) => {
    const w = window.innerWidth;
    const h = window.innerHeight;
    const out: string[] = [];
    const within = (el: Element, box: { left: number; top: number; right: number; bottom: number }) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.left >= box.left - 0.5 && r.top >= box.top - 0.5 && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5;
    };
    const inside = (el: Element) => within(el, { left: 0, top: 0, right: w, bottom: h });
    // The cluster's SVG clips what spills over its edge: a server and its labels must lie within it.
    const cluster = document.querySelector('.cluster svg')!.getBoundingClientRect();
    for (const el of document.querySelectorAll('g.node')) if (!within(el, cluster)) out.push(`S${el.getAttribute('data-node-id')} spills out of the cluster ${JSON.stringify(el.getBoundingClientRect())}`);
    for (const name of names) {
      const el = document.querySelector(`[data-region="${name}"]:not([hidden])`);
      if (el === null) out.push(`${name} (missing)`);
      else if (!inside(el)) out.push(`${name} ${JSON.stringify(el.getBoundingClientRect())}`);
    }
    // Unless a long table scrolls in its panel, every log row and table row lies within its region's box, which clips it.
    const table = document.querySelector('[data-region="logs"], [data-region="tables"]');
    if (everyRow && table !== null) {
      const box = table.getBoundingClientRect();
      for (const el of table.querySelectorAll('.log-row, .paxos-table tr')) if (!within(el, box)) out.push(`row ${el.getAttribute('data-node-id') ?? 'head'} ${JSON.stringify(el.getBoundingClientRect())}`);
    }
    if (document.scrollingElement!.scrollHeight > h + 1) out.push(`the page scrolls (${document.scrollingElement!.scrollHeight} > ${h})`);
    return out;
  }, [regions, rows] as const);
}

async function paused(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
}

for (const size of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });
    for (const lesson of LESSONS) {
      test(`lesson ${lesson.id}: every step shows what it talks about without scrolling`, async ({ page }) => {
        const errors = watchErrors(page);
        await open(page, `./#lesson=${lesson.id}`);
        await setSpeed(page, 5);
        const protocol = lesson.scenario.protocol;
        const steps = lesson.scenario.narration?.length ?? 0;
        expect(steps).toBeGreaterThan(0);
        const text = page.locator('.narration-text');
        // A lesson opens at its first step when that step is at time 0.
        let k = Number(await text.getAttribute('data-step'));
        if (k >= 0) expect(await outside(page, needed(protocol)), `step ${k + 1}`).toEqual([]);
        while (k < steps - 1) {
          await page.keyboard.press('PageDown');
          k++;
          await expect(text).toHaveAttribute('data-step', String(k));
          await paused(page);
          expect(await outside(page, needed(protocol)), `step ${k + 1}`).toEqual([]);
        }
        if (size.width === 1280) await page.screenshot({ path: `test-results/screenshots/projector-${lesson.id}.png` });
        expect(errors).toEqual([]);
      });
    }
  });
}

test.describe('at 1920x1080, device scale 1.5', () => {
  test.use({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1.5 });
  for (const id of ['raft-figure8', 'paxos-basic', 'multipaxos-failover']) {
    test(`lesson ${id}: the last step shows what it talks about`, async ({ page }) => {
      const lesson = LESSONS.find((l) => l.id === id)!;
      await open(page, `./#lesson=${id}`);
      await setSpeed(page, 10);
      const last = lesson.scenario.narration!.length - 1;
      while (Number(await page.locator('.narration-text').getAttribute('data-step')) < last) {
        await page.keyboard.press('PageDown');
        await paused(page);
      }
      expect(await outside(page, needed(lesson.scenario.protocol))).toEqual([]);
    });
  }
});

test.describe('legible from the back of the hall at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  for (const protocol of ['raft', 'paxos', 'multipaxos']) {
    for (const nodes of [3, 5, 9]) {
      test(`${protocol}, ${nodes} nodes: narration >= 20 px, cluster and log text >= 14 px, servers inside the view`, async ({ page }) => {
        await open(page, scenarioUrl({ protocol, nodes, narration: [{ at: 0, text: 'Watch the servers.' }] }));
        const sizes = await page.evaluate(() => {
          const svg = document.querySelector('.cluster svg')!.getBoundingClientRect();
          const px = (sel: string) => Math.min(...[...document.querySelectorAll(sel)].map((e) => parseFloat(getComputedStyle(e).fontSize)));
          return { scale: svg.width, narration: px('.narration-text'), id: px('.node-id'), line: px('.node-line'), role: px('.node-role') };
        });
        const scale = sizes.scale / VIEW.width;
        expect(sizes.narration).toBeGreaterThanOrEqual(20);
        for (const [what, px] of [['node label', sizes.id], ['term, vote', sizes.line], ['role', sizes.role], ['message label', MESSAGE_LABEL_PX]] as const) {
          expect(px * scale, what).toBeGreaterThanOrEqual(14);
        }
        expect(COMMAND_PX).toBeGreaterThanOrEqual(14);
        // Nine logs do not fit under the narration at 720 px: they scroll within their panel.
        expect(await outside(page, needed(protocol), nodes <= 5)).toEqual([]);
      });
    }
  }
});
