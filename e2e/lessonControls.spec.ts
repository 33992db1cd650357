import { expect, type Page, test } from '@playwright/test';
import { COMPARISONS } from '../src/scenario/comparisons';
import { LESSONS } from '../src/scenario/lessons';
import { node, open, openPanels, scenarioUrl, setSpeed, shot, watchErrors } from './helpers';

const clock = (page: Page) => page.locator('[data-virtual-time]');
const narration = (page: Page) => page.locator('.narration-text');
const lessonButton = (page: Page) => page.getByRole('button', { name: 'Lesson', exact: true });

test.describe('lessons: menu, pace and reset', () => {
  let errors: string[];
  test.beforeEach(({ page }) => { errors = watchErrors(page); });
  test.afterEach(() => { expect(errors).toEqual([]); });

  test('Reset inside a lesson restarts that lesson: its partition happens again, the user\'s crash is gone', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=raft-split-brain&t=300');
    await openPanels(page);
    await expect(page.locator('[data-partition]')).toHaveAttribute('data-partition', '1-2|3-4-5');
    await node(page, 3).click();
    await page.getByRole('button', { name: 'Crash S3' }).click();
    await expect(node(page, 3)).toHaveAttribute('data-up', 'false');
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(clock(page)).toHaveAttribute('data-virtual-time', '0');
    await expect(node(page, 3)).toHaveAttribute('data-up', 'true');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Split brain');
    // Next plays to the lesson's second step, with the lesson's own partition in place.
    await page.keyboard.press('PageDown');
    await expect(narration(page)).toContainText('S1 still believes it is leader');
    await expect(page.locator('[data-partition]')).toHaveAttribute('data-partition', '1-2|3-4-5');
    await shot(page, 'lesson-reset-1280');
  });

  test('the clicker steps the narration even after a click on the timeline or a choice of speed left the focus there', async ({ page }) => {
    await open(page, './#lesson=raft-split-brain');
    await setSpeed(page, 10);
    const step = () => narration(page).getAttribute('data-step');
    const playButton = page.locator('.transport button.play');
    const pausedAt = async (k: number) => {
      await expect(narration(page)).toHaveAttribute('data-step', String(k));
      await expect(playButton).toHaveAttribute('aria-label', 'Play');
    };
    // The speed select keeps the focus after its choice: the clicker's keys are still Next and Previous.
    await page.getByLabel('Speed').focus();
    await page.keyboard.press('PageDown');
    await pausedAt(1);
    await expect(page.getByLabel('Speed')).toHaveValue('10');
    // A click on the timeline leaves the focus on its slider.
    const slider = page.getByRole('slider', { name: 'Timeline' });
    const box = (await slider.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.02, box.y + box.height / 2);
    await expect(slider).toBeFocused();
    await expect.poll(step).toBe('0');
    await page.keyboard.press('PageDown');
    await pausedAt(1);
    await page.keyboard.press('PageDown');
    await pausedAt(2);
    const at2 = await page.locator('[data-virtual-time]').getAttribute('data-virtual-time');
    await page.keyboard.press('PageUp');
    await pausedAt(1);
    // The arrows too, as a clicker may send them: a step, not a millisecond of the slider.
    await page.keyboard.press('ArrowRight');
    await pausedAt(2);
    await expect(page.locator('[data-virtual-time]')).toHaveAttribute('data-virtual-time', at2!);
    await expect(slider).toBeFocused();
  });

  test('Space plays and pauses with the focus left on Next, and does not press Next again; a checkbox keeps its Space', async ({ page }) => {
    await open(page, './#lesson=raft-split-brain');
    await setSpeed(page, 10);
    const next = page.getByRole('button', { name: 'Next step' });
    const playButton = page.locator('.transport button.play');
    await next.click();
    await expect(narration(page)).toHaveAttribute('data-step', '1');
    await expect(playButton).toHaveAttribute('aria-label', 'Play');
    // Slow, so a play between two presses cannot reach the next step by itself.
    await setSpeed(page, 0.01);
    await next.focus();
    await page.keyboard.press('Space');
    await expect(playButton).toHaveAttribute('aria-label', 'Pause');
    await page.keyboard.press('Space');
    await expect(playButton).toHaveAttribute('aria-label', 'Play');
    await expect(narration(page)).toHaveAttribute('data-step', '1');
    await expect(next).toBeFocused();
    // Space on a checkbox ticks it, as everywhere: the run stays paused.
    await page.getByRole('tab', { name: 'Space-time', exact: true }).click();
    const follow = page.getByRole('checkbox', { name: 'Follow' });
    const ticked = await follow.isChecked();
    await follow.focus();
    await page.keyboard.press('Space');
    await expect(follow).toBeChecked({ checked: !ticked });
    await expect(playButton).toHaveAttribute('aria-label', 'Play');
  });

  test('choosing the lesson already open from the menu opens it again from its start', async ({ page }) => {
    await open(page, './#lesson=raft-replication&t=400');
    await expect(clock(page)).not.toHaveAttribute('data-virtual-time', '0');
    await lessonButton(page).click();
    await page.getByRole('menuitem', { name: '3. Log replication' }).click();
    await expect(clock(page)).toHaveAttribute('data-virtual-time', '0');
    await expect(narration(page)).toContainText('S1 will become leader of term 1');
    expect(page.url()).toMatch(/#lesson=raft-replication$/);
  });

  test('the lesson menu is walked with the arrow keys and chosen with Enter', async ({ page }) => {
    await open(page);
    await lessonButton(page).focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    // Walking the menu opens nothing yet.
    await expect(page.getByRole('heading', { level: 1 })).not.toContainText('·');
    await expect(page.getByRole('menuitem', { name: LESSONS[4].title })).toBeFocused();
    // The side-by-side comparisons come last in the menu.
    await page.keyboard.press('End');
    await expect(page.getByRole('menuitem', { name: `Side by side: ${COMPARISONS.at(-1)!.title}` })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: LESSONS[0].title })).toBeFocused();
    for (let i = 0; i < COMPARISONS.length + 2; i++) await page.keyboard.press('ArrowUp');
    await shot(page, 'lesson-menu');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(LESSONS.at(-2)!.scenario.title!);
    await expect(lessonButton(page)).toBeFocused();
    // Escape closes it without opening anything.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(LESSONS.at(-2)!.scenario.title!);
  });

  test('the lesson menu lists each part under its heading in number order, and typing a number moves to that lesson', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page);
    await lessonButton(page).click();
    const paxos = page.getByRole('group', { name: 'Paxos' }).getByRole('menuitem');
    await expect(paxos).toHaveCount(10);
    const numbers = (await paxos.allTextContents()).map((t) => t.split('.')[0]);
    expect(numbers).toEqual(['P1', 'P2', 'P3', 'P4a', 'P4b', 'P5', 'P6', 'P7', 'P8', 'P9']);
    await expect(page.locator('.lesson-menu-heading')).toHaveText(['Raft', 'Paxos', 'Atomic commit', 'Clients', 'Side by side']);
    await page.keyboard.type('A3');
    await expect(page.getByRole('menuitem', { name: /^A3\. / })).toBeFocused();
    await shot(page, 'lesson-menu-typed-a3');
    // Typed again after a pause (a fresh menu starts a fresh search): P5, among the Paxos lessons.
    await page.keyboard.press('Escape');
    await lessonButton(page).press('ArrowDown');
    await page.keyboard.type('p5');
    await expect(page.getByRole('menuitem', { name: /^P5\. / })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Multi-Paxos');
    expect(page.url()).toMatch(/#lesson=multipaxos-failover$/);
  });

  test('a link to no lesson says so in one line and offers the lesson menu, not a list of ids', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, './#lesson=raft-electoin');
    const alert = page.getByRole('alert').filter({ hasText: 'There is no lesson' });
    await expect(alert).toHaveText(/^There is no lesson "raft-electoin"\.\s*Choose a lesson…/);
    await expect(alert).not.toContainText('raft-figure8');
    // One line of text, its offer under it: clear of the logs the paragraph of ids covered.
    const lines = await alert.locator('span').evaluate((el) => { const r = document.createRange(); r.selectNodeContents(el); return r.getClientRects().length; });
    expect(lines).toBe(1);
    await shot(page, 'bad-lesson-link');
    await alert.getByRole('button', { name: 'Choose a lesson…' }).click();
    await expect(page.getByRole('menu', { name: 'Lessons' })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: LESSONS[0].title })).toBeFocused();
    await expect(alert).toHaveCount(0);
  });

  test("a lesson opens at its own pace, where a click of Next takes seconds; New cluster and Reset keep the user's speed", async ({ page }) => {
    const lesson = LESSONS.find((l) => l.id === 'raft-leader-crash')!;
    await open(page, `./#lesson=${lesson.id}`);
    await expect(page.getByLabel('Speed')).toHaveValue(String(lesson.speed));
    const started = Date.now();
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(narration(page)).toContainText('S1 is down', { timeout: 8000 });
    expect(Date.now() - started).toBeLessThan(8000);
    await setSpeed(page, 2);
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(clock(page)).toHaveAttribute('data-virtual-time', '0');
    await expect(page.getByLabel('Speed')).toHaveValue('2');
    await page.getByLabel('Cluster size').selectOption('3');
    await page.getByRole('button', { name: 'New cluster' }).click();
    await expect(page.locator('g.node')).toHaveCount(3);
    await expect(page.getByLabel('Speed')).toHaveValue('2');
  });

  test('at 1280x720 with the drawer open, the narration\'s offer and the diagram\'s note say a whole form, not a cut one; the title keeps it all', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    /** A control whose text is cut shows less than it holds, or ends in an ellipsis. */
    const whole = (el: Element) => el.scrollWidth <= el.clientWidth + 1 && !(el.textContent ?? '').endsWith('…');
    await open(page, './#lesson=raft-figure8');
    const offer = page.locator('[data-try-broken="commitOldTermByCount"]');
    await expect(offer).toBeVisible();
    expect(await offer.evaluate(whole), await offer.innerText()).toBe(true);
    await expect(offer).toHaveAttribute('title', /Run this lesson with a rule broken/);
    await expect(offer).toHaveAccessibleName(/^Try it broken: /);
    // The drawer narrows the narration: a shorter whole form, or, with no room at a later step
    // (Previous and the step count join the row), the offer steps aside for the drawer's own.
    const wholeOrAside = async () => {
      if (await offer.getAttribute('data-room') !== 'false') {
        expect(await offer.evaluate(whole), await offer.innerText()).toBe(true);
        expect(await offer.innerText()).toMatch(/^(Try it broken|Break it)/);
      } else {
        await expect(offer).not.toBeVisible();
        await expect(page.locator('#drawer').getByText('Break a rule', { exact: true })).toBeVisible();
      }
    };
    await openPanels(page);
    await wholeOrAside();
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.locator('.narration-text')).toHaveAttribute('data-step', '1');
    await wholeOrAside();
    // A busy run in a short diagram: most labels give way, and the bar says so.
    await open(page, scenarioUrl({ nodes: 5, seed: 3, actions: [{ at: 5, type: 'timeout', node: 1 }, { at: 250, type: 'partition', groups: [[1, 2], [3, 4, 5]] }] }, 3000));
    await openPanels(page);
    await page.getByRole('tab', { name: 'Space-time', exact: true }).click();
    const note = page.locator('[data-spacetime-thinned]');
    await expect(note).toBeVisible();
    await expect(note).toHaveAttribute('title', /^Detail thinned: .* Zoom in for all\.$/);
    expect(await note.evaluate(whole), await note.innerText()).toBe(true);
    expect(await note.innerText()).toMatch(/thinned/i);
    await shot(page, 'whole-labels-drawer-1280');
  });

  test('inside a lesson the step buttons name the keys that step there', async ({ page }) => {
    await open(page, './#lesson=raft-election');
    await expect(page.getByRole('button', { name: 'Step back one event' })).toHaveAttribute('title', /\(,\)/);
    await expect(page.getByRole('button', { name: 'Step back one event' })).not.toHaveAttribute('title', /←/);
    await expect(page.getByRole('button', { name: 'Step forward one event' })).not.toHaveAttribute('title', /→/);
    await open(page, './#');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Step back one event' })).toHaveAttribute('title', /←/);
  });
});
