import { expect, type Page, test } from '@playwright/test';
import { open, shot, watchErrors } from './helpers';

/** Whether focus is inside the element. */
const focusInside = (page: Page, selector: string) => page.evaluate((sel) => document.querySelector(sel)?.contains(document.activeElement) ?? false, selector);

test.describe('dialogs', () => {
  let errors: string[];
  test.beforeEach(({ page }) => { errors = watchErrors(page); });
  test.afterEach(() => { expect(errors).toEqual([]); });

  for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    test(`Share at ${viewport.width}x${viewport.height}: the link, Copy link and Close are on screen and take the clicks`, async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.setViewportSize(viewport);
      await open(page);
      await page.keyboard.press('.');
      const share = page.getByRole('button', { name: 'Share…' });
      await share.click();
      const dialog = page.getByRole('dialog', { name: 'Share this run' });
      const field = dialog.getByLabel('Share link');
      await expect(field).toBeInViewport({ ratio: 1 });
      await expect(field).toHaveValue(/#s=.+&t=\d+$/);
      await shot(page, `share-${viewport.width}x${viewport.height}`);
      // A person's clicks: Playwright clicks only where the control itself is hit.
      await dialog.getByRole('button', { name: 'Copy link' }).click({ timeout: 5000 });
      await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await field.inputValue());
      await dialog.getByRole('button', { name: 'Close' }).click({ timeout: 5000 });
      await expect(dialog).toHaveCount(0);
      await expect(share).toBeFocused();
    });
  }

  test('Share keeps focus inside while tabbing, and Escape closes it from anywhere', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Share…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    await expect(dialog.getByRole('button', { name: 'Copy link' })).toBeFocused();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInside(page, 'dialog[open]'), `after ${i + 1} Tab`).toBe(true);
    }
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusInside(page, 'dialog[open]'), `after ${i + 1} Shift+Tab`).toBe(true);
    }
    // Space here is not the page's play/pause.
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeAttached();
    // Nothing focused at all: Escape still closes the dialog.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });

  test('the keyboard shortcuts dialog keeps focus inside and closes on Escape', async ({ page }) => {
    await open(page);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInside(page, 'dialog[open]')).toBe(true);
    }
    await shot(page, 'shortcuts-1280');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });

  test("the narration editor keeps each step's delete apart from its text", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page);
    await page.getByRole('button', { name: 'Add narration…' }).click();
    for (const text of ['A first step whose text is long enough to wrap onto a second line in the editor, as real steps do.', 'Second']) {
      await page.getByLabel('New narration step').fill(text);
      await page.getByRole('button', { name: /Add a step at/ }).click();
    }
    const rows = page.locator('.narration-editor li');
    await expect(rows).toHaveCount(2);
    for (let i = 0; i < 2; i++) {
      const text = (await rows.nth(i).locator('.narration-step-text').boundingBox())!;
      const del = (await rows.nth(i).getByRole('button', { name: `Delete step ${i + 1}` }).boundingBox())!;
      expect(del.x, `step ${i + 1}`).toBeGreaterThanOrEqual(text.x + text.width + 8);
    }
    await page.locator('.narration-editor').scrollIntoViewIfNeeded();
    await shot(page, 'narration-editor-1280');
  });
});
