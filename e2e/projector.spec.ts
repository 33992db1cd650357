import { type ConsoleMessage, expect, type Page, test } from '@playwright/test';
import { LESSONS } from '../src/scenario/lessons';
import { MESSAGE_LABEL_PX } from '../src/ui/draw/movingPaint';
import { COMMAND_PX } from '../src/ui/draw/stripPaint';
import { open, openPanels, scenarioUrl, setSpeed, showTeaching } from './helpers';

/** The regions a lesson's narration talks about: the cluster, the narration, the logs or tables, the teaching panel shown (the history, with clients). */
function needed(protocol: string, clients = false): string[] {
  return ['cluster', 'narration', protocol === 'raft' ? 'logs' : 'tables', clients ? 'history' : 'pseudocode'];
}

/**
 * Which needed regions (and which of their rows) are not wholly inside the viewport. Measured
 * in one visit to the page, after two frames: a resize reaches the canvases and the cluster
 * through resize observers, which React renders in the frame after.
 */
async function outside(page: Page, regions: string[], rows = true): Promise<string[]> {
  return page.evaluate(async ([names, everyRow, minTeaching, minTabs]) => {
    await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
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
    // A step of more than two lines (it was folded to two), whole, takes its room from the logs first: they scroll in their box, and still show three rows whole.
    const table = document.querySelector('[data-region="logs"], [data-region="tables"]');
    if (everyRow && table !== null) {
      const box = table.getBoundingClientRect();
      const rows = [...table.querySelectorAll('.log-row, .paxos-table tr')];
      const cut = rows.filter((el) => !within(el, box));
      const body = rows.filter((el) => !el.matches('.log-head, thead tr'));
      const text = document.querySelector('.narration-text')!;
      const long = text.scrollHeight <= text.clientHeight + 1 && text.clientHeight > 2.5 * parseFloat(getComputedStyle(text).lineHeight);
      // The fencing lessons' storage row (whose rejected write is their point) outranks log rows too.
      const storage = document.querySelector('#panel-history:not([hidden]) .hist-storage') !== null;
      if ((long || storage) && table.scrollHeight > table.clientHeight && cut.every((el) => body.includes(el)) && body.length - cut.length >= Math.min(3, body.length)) cut.length = 0;
      for (const el of cut) out.push(`row ${el.getAttribute('data-node-id') ?? 'head'} ${JSON.stringify(el.getBoundingClientRect())}`);
    }
    // Every log column shown lies whole within the strips drawn under it: a cut cell reads as another entry.
    const strip = document.querySelector('.log-row:not(.log-head) canvas.cell-strip');
    if (strip !== null) {
      const right = strip.getBoundingClientRect().right;
      for (const el of document.querySelectorAll('.log-head .log-index')) {
        const r = el.getBoundingClientRect();
        if (r.right > right + 0.5) out.push(`log column ${el.textContent} is cut (${r.right} > ${right})`);
      }
    }
    // The teaching panel keeps room for a handler and the lines that ran, however long the step's text;
    // but for a lesson's first step, whole at time 0 before any handler has run, it may give way down to its tabs.
    const teaching = document.querySelector('.teaching')!.getBoundingClientRect().height;
    const opening = document.querySelector('.narration-text[data-whole]') !== null && document.querySelector('[data-virtual-time]')?.getAttribute('data-virtual-time') === '0';
    const least = opening ? minTabs : minTeaching;
    if (teaching < least) out.push(`the teaching panel is ${teaching} px high (< ${least})`);
    if (document.scrollingElement!.scrollHeight > h + 1) out.push(`the page scrolls (${document.scrollingElement!.scrollHeight} > ${h})`);
    return out;
  }, [regions, rows, TEACHING_MIN_PX, TABS_MIN_PX] as const);
}

/** Whether the narration's text is cut (folded, with a "more…" toggle) rather than whole. */
function narrationCut(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.querySelector('.narration-text')!;
    return el.scrollHeight > el.clientHeight + 1 || document.querySelector('[data-narration-more]') !== null;
  });
}

/** The least height of the teaching panel (tabs included) at every step: a handler's title and the lines that ran. */
const TEACHING_MIN_PX = 150;
/** The teaching panel's tabs and a line under them: its least height while a lesson's first step is shown whole. */
const TABS_MIN_PX = 44;

async function paused(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
}

/**
 * Waits, looking every frame, until the narration shows step k and the run has paused there.
 * (expect() retries after 100, 250, 500 ms...: a walk of three hundred steps spent most of its
 * time in those waits.)
 */
async function atStep(page: Page, k: number): Promise<void> {
  await page.waitForFunction((step) => document.querySelector('.narration-text')?.getAttribute('data-step') === String(step)
    && document.querySelector('.transport button.play')?.getAttribute('aria-label') === 'Play', k, { polling: 'raf', timeout: 15_000 });
}

const PROJECTORS = [{ width: 1280, height: 720 }, { width: 1024, height: 768 }];

/**
 * One page per Playwright worker for the lesson walks, as a lecturer's tab: each lesson is
 * opened by its link in the page already open (the address's hash changes, the app loads the
 * lesson), not by a new page. A new context and a cold start of the app cost more than the
 * walk of a whole lesson. (A failed test ends its worker, and with it this page.)
 */
const walk = test.extend<object, { lecturerTab: Page }>({
  lecturerTab: [async ({ browser }, use, workerInfo) => {
    const { baseURL, serviceWorkers } = workerInfo.project.use;
    const context = await browser.newContext({ baseURL, serviceWorkers, viewport: PROJECTORS[0] });
    const page = await context.newPage();
    await open(page);
    await use(page);
    await context.close();
  }, { scope: 'worker' }],
});

/** Opens a lesson by its link in the page already open, and waits until the page shows its start. */
async function openLesson(page: Page, lesson: (typeof LESSONS)[number]): Promise<void> {
  await page.goto(`./#lesson=${lesson.id}`);
  await page.waitForFunction(({ title, steps, nodes }) => document.querySelector('header h1')?.getAttribute('title')?.endsWith(` · ${title}`)
    && document.querySelector('[data-virtual-time]')?.getAttribute('data-virtual-time') === '0'
    && document.querySelector('.narration-count')?.textContent?.endsWith(`/ ${steps}`)
    && document.querySelectorAll('g.node').length === nodes,
  { title: lesson.scenario.title!, steps: lesson.scenario.narration!.length, nodes: lesson.scenario.nodes }, { polling: 'raf', timeout: 15_000 });
}

/**
 * Every step of every lesson at both projector sizes: at each step the page is measured at
 * one size, resized to the other and measured again (the next step starts from that size, so
 * the sizes take turns going first).
 */
walk.describe('at 1280x720 and 1024x768', () => {
  // Each lesson is a test of its own: Playwright's two workers share them.
  walk.describe.configure({ mode: 'parallel' });
  for (const lesson of LESSONS) {
    walk(`lesson ${lesson.id}: every step shows what it talks about without scrolling`, async ({ lecturerTab: page }) => {
      const errors: string[] = [];
      const onConsole = (m: ConsoleMessage) => { if (m.type() === 'error') errors.push(m.text()); };
      const onError = (e: Error) => errors.push(String(e));
      page.on('console', onConsole);
      page.on('pageerror', onError);
      await openLesson(page, lesson);
      await setSpeed(page, 5);
      const regions = needed(lesson.scenario.protocol, lesson.scenario.clients !== undefined);
      const steps = lesson.scenario.narration?.length ?? 0;
      expect(steps).toBeGreaterThan(0);
      let size = PROJECTORS.findIndex((p) => p.width === page.viewportSize()!.width);
      const atBothSizes = async (k: number) => {
        for (let i = 0; i < PROJECTORS.length; i++) {
          if (i > 0) {
            size = (size + 1) % PROJECTORS.length;
            await page.setViewportSize(PROJECTORS[size]);
          }
          expect(await outside(page, regions), `step ${k + 1} at ${PROJECTORS[size].width}x${PROJECTORS[size].height}`).toEqual([]);
          // At 1280x720 the step's whole text, with no click on "more": the part cut was often the point.
          if (size === 0) expect(await narrationCut(page), `step ${k + 1} at 1280x720`).toBe(false);
          if (k === steps - 1 && size === 0) await page.screenshot({ path: `test-results/screenshots/projector-${lesson.id}.png` });
        }
      };
      // A lesson opens at its first step when that step is at time 0.
      let k = Number(await page.locator('.narration-text').getAttribute('data-step'));
      if (k >= 0) await atBothSizes(k);
      while (k < steps - 1) {
        await page.keyboard.press('PageDown');
        k++;
        await atStep(page, k);
        await atBothSizes(k);
      }
      page.off('console', onConsole);
      page.off('pageerror', onError);
      expect(errors).toEqual([]);
    });
  }
});

// A page of its own: the lecturer's tab would keep the broken run for the next walk of this lesson.
test('lesson raft-figure8 with its rule broken: the banner and the narration leave every log row in sight at 1280x720', async ({ page }) => {
  const lesson = LESSONS.find((l) => l.id === 'raft-figure8')!;
  await page.setViewportSize(PROJECTORS[0]);
  await open(page, `./#lesson=${lesson.id}`);
  await page.locator(`[data-try-broken="${lesson.tryBroken!.bug}"]`).click();
  await expect(page.locator(`[data-broken-rule="${lesson.tryBroken!.bug}"]`)).toBeVisible();
  await setSpeed(page, 5);
  const steps = lesson.scenario.narration!.length;
  // The walk ends where the check stops the run, its finding in the banner (the tallest it gets).
  let caught = false;
  for (let k = Number(await page.locator('.narration-text').getAttribute('data-step')); k < steps - 1 && !caught;) {
    await page.keyboard.press('PageDown');
    k++;
    caught = await page.waitForFunction((step) => document.querySelector('.transport button.play')?.getAttribute('aria-label') === 'Play'
      && (document.querySelector('[data-broken-check]') !== null ? 'caught' : document.querySelector('.narration-text')?.getAttribute('data-step') === String(step) && 'step'),
    k, { polling: 'raf', timeout: 15_000 }).then(async (h) => await h.jsonValue() === 'caught');
    expect(await outside(page, needed('raft')), `step ${k + 1}`).toEqual([]);
  }
  expect(caught).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/projector-raft-figure8-broken.png' });
});

test.describe('at 1920x1080, device scale 1.5', () => {
  test.use({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1.5 });
  for (const id of ['raft-figure8', 'paxos-basic', 'multipaxos-failover']) {
    test(`lesson ${id}: the last step shows what it talks about`, async ({ page }) => {
      const lesson = LESSONS.find((l) => l.id === id)!;
      await open(page, `./#lesson=${id}`);
      await setSpeed(page, 10);
      const last = lesson.scenario.narration!.length - 1;
      for (let at = Number(await page.locator('.narration-text').getAttribute('data-step')); at < last;) {
        await page.keyboard.press('PageDown');
        // Paused already before the key lands: wait for the step to move first (a loaded CI read step 0 again).
        await expect(page.locator('.narration-text')).not.toHaveAttribute('data-step', String(at));
        await paused(page);
        at = Number(await page.locator('.narration-text').getAttribute('data-step'));
      }
      expect(await outside(page, needed(lesson.scenario.protocol))).toEqual([]);
    });
  }
});

walk('at 1280x720 every lesson\'s title and first step are whole, with no click on "more", and every log row in sight', async ({ lecturerTab: page }) => {
  await page.setViewportSize(PROJECTORS[0]);
  const cut: string[] = [];
  for (const lesson of LESSONS) {
    await openLesson(page, lesson);
    const text = page.locator('.narration-text');
    await expect(text).toHaveAttribute('data-step', '0');
    await expect(text).toHaveText(lesson.scenario.narration![0].text);
    const { narration, title, more } = await page.evaluate(() => {
      const whole = (el: Element) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1;
      return {
        narration: whole(document.querySelector('.narration-text')!),
        title: whole(document.querySelector('header h1 small')!) && whole(document.querySelector('header h1')!),
        more: document.querySelector('[data-narration-more]') !== null,
      };
    });
    if (!narration || more) cut.push(`${lesson.id}: the first step is cut${more ? ' (a "more" toggle)' : ''}`);
    if (!title) cut.push(`${lesson.id}: the title "${lesson.scenario.title}" is cut`);
    const regions = await outside(page, needed(lesson.scenario.protocol, lesson.scenario.clients !== undefined));
    cut.push(...regions.map((r) => `${lesson.id}: ${r}`));
  }
  expect(cut).toEqual([]);
});

test.describe('the drawer open at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test('the teaching tabs keep their labels on one line, clear of Enlarge', async ({ page }) => {
    await open(page, './#lesson=raft-election');
    await openPanels(page);
    const tabs = await page.getByRole('tab').evaluateAll((els) => els.map((el) => { const r = el.getBoundingClientRect(); return { text: el.textContent, height: r.height, right: r.right }; }));
    const enlarge = (await page.locator('[data-teaching-enlarge]').boundingBox())!;
    const line = await page.getByRole('tab', { name: 'Pseudocode' }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    for (const t of tabs) {
      expect(t.height, `${t.text} wraps`).toBeLessThan(2.4 * line);
      expect(t.right, `${t.text} runs under Enlarge`).toBeLessThanOrEqual(enlarge.x + 0.5);
    }
    await expect(page.getByRole('button', { name: 'Enlarge the teaching panel over the logs' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/drawer-tabs-1280.png' });
  });

  test('the manual-delivery list shows each message\'s name whole, within the cluster\'s panel', async ({ page }) => {
    await open(page, './#lesson=paxos-flp');
    await openPanels(page);
    // The second step hands the run to the student: the Accepts wait in the list.
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.locator('.narration-text')).toHaveAttribute('data-step', '1');
    await paused(page);
    const list = page.locator('.pending-choices');
    await expect(list.locator('li[data-pending="message"]').first()).toBeVisible();
    const names = await list.locator('li[data-pending="message"] .what').evaluateAll((els) => els.map((el) => ({ text: el.textContent, cut: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1 })));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => n.cut)).toEqual([]);
    const [panel, stage] = await Promise.all([list.boundingBox(), page.locator('.stage').boundingBox()]);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(stage!.x + stage!.width + 0.5);
    expect(panel!.y + panel!.height).toBeLessThanOrEqual(stage!.y + stage!.height + 0.5);
    await page.screenshot({ path: 'test-results/screenshots/drawer-pending-1280.png' });
  });
});


test.describe('a long narration step at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test('a lecturer\'s own step longer than seven lines shows its first lines, and the whole text behind "more"', async ({ page }) => {
    // Every built-in step shows whole at this size (the walks above): a lecturer's own steps may run longer.
    const long = (n: number) => `Step ${n}. ${'S1 sends its log to every follower, and each follower checks that the entry before the new ones matches its own. '.repeat(5)}`;
    await open(page, scenarioUrl({ nodes: 5, narration: [{ at: 0, text: 'Watch the servers.' }, { at: 40, text: long(2) }, { at: 80, text: long(3) }] }));
    await setSpeed(page, 10);
    while (Number(await page.locator('.narration-text').getAttribute('data-step')) < 2) {
      await page.keyboard.press('PageDown');
      await paused(page);
    }
    const text = page.locator('.narration-text');
    const cut = () => text.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
    const teaching = () => page.locator('.teaching').evaluate((el) => el.getBoundingClientRect().height);
    const more = page.locator('[data-narration-more]');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(await cut()).toBe(true);
    const folded = await teaching();
    expect(folded).toBeGreaterThanOrEqual(TEACHING_MIN_PX);
    await page.getByRole('button', { name: 'more… of the narration' }).click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    expect(await cut()).toBe(false);
    // The whole text takes its room from the teaching panel, never from the page: nothing scrolls.
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(720);
    // Chosen once, the whole text stays from step to step.
    await page.keyboard.press('PageUp');
    await paused(page);
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await page.getByRole('button', { name: 'less: the narration\'s first lines only' }).click();
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(await cut()).toBe(true);
  });
});

test.describe('the teaching panel enlarged at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  /** The canvas's height, and how many pseudocode lines lie wholly within the panel's box. */
  const measure = (page: Page) => page.evaluate(async () => {
    await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
    const canvas = document.querySelector('.st-canvas')!.getBoundingClientRect().height;
    const body = document.querySelector('.code-body')?.getBoundingClientRect();
    const lines = body === undefined ? 0 : [...document.querySelectorAll('.code-line')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top >= body.top - 0.5 && r.bottom <= body.bottom + 0.5;
    }).length;
    return { canvas, lines };
  });

  test('one click gives the diagram and the pseudocode the logs\' room; a second gives it back', async ({ page }) => {
    await open(page, './#lesson=raft-split-brain');
    await setSpeed(page, 10);
    await page.keyboard.press('PageDown');
    await paused(page);
    const enlarge = page.getByRole('button', { name: 'Enlarge the teaching panel over the logs' });
    await expect(enlarge).toHaveAttribute('aria-pressed', 'false');
    await page.getByRole('tab', { name: 'Space-time' }).click();
    const small = await measure(page);
    await enlarge.click();
    await expect(enlarge).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('[data-region="logs"]')).toBeHidden();
    const big = await measure(page);
    // About three rounds of messages, where the logs' height left one.
    expect(big.canvas, `from ${small.canvas} px`).toBeGreaterThanOrEqual(200);
    await page.screenshot({ path: 'test-results/screenshots/teaching-enlarged-spacetime.png' });
    // The choice holds for every tab: a handler and its lines, not three of them.
    await page.getByRole('tab', { name: 'Pseudocode' }).click();
    expect((await measure(page)).lines).toBeGreaterThanOrEqual(8);
    // Nothing else gives way: the cluster and the narration stay whole, the page does not scroll.
    expect(await outside(page, ['cluster', 'narration', 'pseudocode'], false)).toEqual([]);
    await enlarge.click();
    await expect(enlarge).toHaveAttribute('aria-pressed', 'false');
    expect(await outside(page, needed('raft'))).toEqual([]);
  });
});

// At 1024x768 the toolbar wrapped to two lines and left the plot 131 px.
for (const [width, height] of [[1280, 720], [1024, 768]]) test.describe(`the space-time tab at ${width}x${height}`, () => {
  test.use({ viewport: { width, height } });
  // Raft, Paxos (its tables as tall as Raft's logs), Multi-Paxos and 2PC: the diagram had 48 to 60 px beside them.
  for (const id of ['raft-election', 'paxos-basic', 'multipaxos-failover', 'atomic-2pc-commit']) {
    test(`lesson ${id}: at every step after the first, at least 140 px of plot under a one-line toolbar, and the cluster and narration still whole`, async ({ page }) => {
      const lesson = LESSONS.find((l) => l.id === id)!;
      await open(page, `./#lesson=${id}`);
      await showTeaching(page, 'Space-time');
      await setSpeed(page, 10);
      const last = lesson.scenario.narration!.length - 1;
      for (let at = Number(await page.locator('.narration-text').getAttribute('data-step')); at < last;) {
        await page.keyboard.press('PageDown');
        // Paused already before the key lands: wait for the step to move first (a loaded CI read step 0 again).
        await expect(page.locator('.narration-text')).not.toHaveAttribute('data-step', String(at));
        await paused(page);
        at = Number(await page.locator('.narration-text').getAttribute('data-step'));
        const step = await page.locator('.narration-text').getAttribute('data-step');
        const plot = await page.locator('.st-canvas').evaluate((el) => el.getBoundingClientRect().height);
        expect(plot, `step ${step}`).toBeGreaterThanOrEqual(140);
        // One line of tools: every item in the bar's flow overlaps every other vertically.
        const rows = await page.locator('.st-bar').evaluate((el) => {
          const boxes = [...el.children].filter((c) => c.checkVisibility() && getComputedStyle(c).position !== 'absolute').map((c) => c.getBoundingClientRect());
          return { top: Math.max(...boxes.map((b) => b.top)), bottom: Math.min(...boxes.map((b) => b.bottom)) };
        });
        expect(rows.top, `step ${step}: the toolbar wraps`).toBeLessThan(rows.bottom);
        // The logs or tables may scroll within their box for it; nothing else gives way and the page does not scroll.
        expect(await outside(page, ['cluster', 'narration', 'spacetime'], false), `step ${step}`).toEqual([]);
      }
      await page.screenshot({ path: `test-results/screenshots/spacetime-${width}-${id}.png` });
    });
  }
});

walk.describe('legible from the back of the hall at 1280x720', () => {
  walk.describe.configure({ mode: 'parallel' });
  for (const protocol of ['raft', 'paxos', 'multipaxos']) {
    for (const nodes of [3, 5, 9]) {
      walk(`${protocol}, ${nodes} nodes: narration >= 20 px, cluster and log text >= 14 px, servers inside the view`, async ({ lecturerTab: page }) => {
        await page.setViewportSize(PROJECTORS[0]);
        await page.goto(scenarioUrl({ protocol, nodes, narration: [{ at: 0, text: 'Watch the servers.' }] }));
        await page.waitForFunction((n) => document.querySelector('.narration-text')?.textContent === 'Watch the servers.'
          && !document.querySelector('header h1')?.getAttribute('title')?.includes(' · ') && document.querySelectorAll('g.node').length === n, nodes, { polling: 'raf' });
        const sizes = await page.evaluate(async () => {
          await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
          const el = document.querySelector('.cluster svg') as SVGSVGElement;
          // Pixels per view unit: the view takes the shape of the cluster's box.
          const svg = { width: el.getBoundingClientRect().width / el.viewBox.baseVal.width };
          const px = (sel: string) => Math.min(...[...document.querySelectorAll(sel)].map((e) => parseFloat(getComputedStyle(e).fontSize)));
          return { scale: svg.width, narration: px('.narration-text'), id: px('.node-id'), line: px('.node-line'), role: px('.node-role'), who: px('.log-who small') };
        });
        // A log row's role and commitLength: small, but not below 12 px.
        expect(sizes.who).toBeGreaterThanOrEqual(12);
        const scale = sizes.scale;
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
