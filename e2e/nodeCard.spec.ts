import { expect, test } from '@playwright/test';
import { node, open, openPanels, watchErrors } from './helpers';

test.describe('selecting a server at 1280x720, the drawer closed', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('lesson 6 "Select S2 to watch its state": its persistent and volatile state show under the cluster', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, './#lesson=raft-persistence&t=401');
    await expect(page.locator('#drawer')).toHaveCount(0);
    // It drew only a thin ring in the timer ring's blue, and the state sat in the closed drawer.
    await node(page, 2).click();
    const card = page.locator('[data-node-card="2"]');
    await expect(card).toBeVisible();
    // S2 has crashed: what it wrote to disk stays (term 1, its vote for S1, its log), the rest is erased.
    await expect(card.locator('[data-kept="persistent"]')).toContainText('currentTerm 1');
    await expect(card.locator('[data-kept="persistent"]')).toContainText('votedFor S1');
    await expect(card.locator('[data-kept="persistent"]')).toContainText('log 1 entry');
    await expect(card.locator('[data-kept="volatile"]')).toContainText('erased by the crash');
    // Whole on the screen, and the cluster's servers still inside their view.
    const box = (await card.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(720.5);
    expect(await card.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    const spill = await page.evaluate(() => {
      const view = document.querySelector('.cluster svg')!.getBoundingClientRect();
      return [...document.querySelectorAll('g.node')].filter((g) => { const r = g.getBoundingClientRect(); return r.top < view.top - 0.5 || r.bottom > view.bottom + 0.5; }).length;
    });
    expect(spill).toBe(0);
    // The selection is marked by a shape of its own (corner brackets), not a ring like the timer's.
    const mark = node(page, 2).locator('.node-selected');
    await expect(mark).toHaveCount(1);
    expect(await mark.evaluate((el) => el.tagName)).toBe('path');
    await page.screenshot({ path: 'test-results/screenshots/node-card-persistence.png' });
    // The card follows the selection; Esc puts the legend back.
    await page.keyboard.press('1');
    await expect(page.locator('[data-node-card="1"]')).toContainText('leader');
    await page.keyboard.press('Escape');
    await expect(page.locator('.node-card')).toHaveCount(0);
    await expect(page.getByLabel('Legend')).toBeVisible();
    // With the drawer open the Node panel shows it, and the legend stays.
    await node(page, 2).click();
    await openPanels(page);
    await expect(page.getByRole('region', { name: 'S2 details' })).toBeVisible();
    await expect(page.locator('.node-card')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('the selection\'s brackets cross no role label, however wide ("COORDINATOR · t1" in 2PC, "FOLLOWER" in Raft)', async ({ page }) => {
    for (const [url, id] of [['./#lesson=atomic-2pc-blocking&t=50', 1], ['./#lesson=raft-election&t=200', 5]] as const) {
      await open(page, url);
      await node(page, id).click();
      await expect(node(page, id).locator('.node-selected')).toHaveCount(1);
      const crossed = await node(page, id).evaluate((g) => {
        const mark = g.querySelector<SVGPathElement>('.node-selected')!;
        const label = g.querySelector<SVGGraphicsElement>('.node-role')!.getBBox();
        const at = new DOMPoint();
        let n = 0;
        for (let x = label.x; x <= label.x + label.width; x += 1) {
          for (let y = label.y; y <= label.y + label.height; y += 1) {
            at.x = x;
            at.y = y;
            if (mark.isPointInStroke(at)) n++;
          }
        }
        return n;
      });
      // The foot's arms used to rise beside the circle, through a label wider than it.
      expect(crossed, url).toBe(0);
    }
  });
});
