import { expect, type Page, test } from '@playwright/test';
import { open, watchErrors } from './helpers';

/**
 * Where a note over the logs or a protocol's table lies against its heading and its panel, and
 * whether any of it is cut: the note is a step's verdict, read from the back of a lecture hall.
 */
async function placeOfNote(page: Page, panel: string) {
  const note = page.locator(`${panel} > .table-note`);
  await expect(note).toBeVisible();
  return note.evaluate((el) => {
    const section = el.parentElement!;
    const r = el.getBoundingClientRect();
    const heading = section.querySelector('h2')!.getBoundingClientRect();
    const box = section.getBoundingClientRect();
    return {
      underHeading: r.top >= heading.bottom - 0.5,
      insidePanel: r.left >= box.left && r.right <= box.right && r.bottom <= box.bottom,
      whole: el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1 && r.height > 0,
    };
  });
}

test.describe('at 1280x720 a table\'s note is whole, under its heading', () => {
  let errors: string[];
  test.use({ viewport: { width: 1280, height: 720 } });
  test.beforeEach(({ page }) => { errors = watchErrors(page); });
  test.afterEach(() => { expect(errors).toEqual([]); });

  test('2PC blocking: the Transactions panel says who is in doubt and that the coordinator is down', async ({ page }) => {
    await open(page, './#lesson=atomic-2pc-blocking&t=300');
    await expect(page.locator('[data-protocol-table] > .table-note')).toHaveText('S2, S3, S4 are in doubt: voted yes, no decision yet, locks held, and the coordinator is down.');
    expect(await placeOfNote(page, '[data-protocol-table]')).toEqual({ underHeading: true, insidePanel: true, whole: true });
    await page.screenshot({ path: 'test-results/screenshots/table-note-2pc-blocking-1280.png' });
  });

  test('Figure 8: the Logs panel says why S5 cannot commit entry 1 yet', async ({ page }) => {
    await open(page, './#lesson=raft-figure8&t=528');
    await expect(page.locator('section.logs > .table-note')).toContainText('Leader S5 cannot commit entry 1');
    expect(await placeOfNote(page, 'section.logs')).toEqual({ underHeading: true, insidePanel: true, whole: true });
  });
});
