import { expect, type Page } from '@playwright/test';
import { encodeScenario } from '../src/scenario/codec';
import { parseScenario } from '../src/scenario/validate';

/** The address that opens a scenario (a share link), with an optional moment. */
export function scenarioUrl(doc: Record<string, unknown>, t?: number): string {
  const parsed = parseScenario({ version: 1, protocol: 'raft', ...doc });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return `./#s=${encodeScenario(parsed.scenario)}${t !== undefined ? `&t=${t}` : ''}`;
}

/** Console errors and uncaught exceptions, asserted empty at the end of every test. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

export async function open(page: Page, url = './'): Promise<void> {
  await page.goto(url);
  await expect(page.locator('g.node')).not.toHaveCount(0);
}

export const node = (page: Page, id: number) => page.locator(`g.node[data-node-id="${id}"]`);
export const leaders = (page: Page) => page.locator('g.node[data-role="leader"][data-up="true"]');

export async function setSpeed(page: Page, speed: number): Promise<void> {
  await page.getByLabel('Speed').selectOption(String(speed));
}

export async function play(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Play', exact: true }).click();
}

/** Pauses and waits until the paused state is on screen (panels refresh at once when paused). */
export async function pause(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
}

/** Scrolls the logs into sight, as a person would to read them: while a run plays, panels out of sight are not refreshed. */
export async function seeLogs(page: Page): Promise<void> {
  await page.locator('section.logs').scrollIntoViewIfNeeded();
}

export async function virtualTime(page: Page): Promise<number> {
  return Number(await page.locator('[data-virtual-time]').getAttribute('data-virtual-time'));
}

/**
 * Next, once: the run plays on to the next narration step and pauses there. Waits until the
 * run has moved (its step or its clock), then until it has paused again.
 */
export async function nextStep(page: Page): Promise<void> {
  const text = page.locator('.narration-text');
  const before = [await text.getAttribute('data-step'), await virtualTime(page)];
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect.poll(async () => [await text.getAttribute('data-step'), await virtualTime(page)], { timeout: 20_000 }).not.toEqual(before);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 20_000 });
}

/** Waits for a single live leader and returns its id and term. */
export async function theLeader(page: Page): Promise<{ id: number; term: number }> {
  await expect(leaders(page)).toHaveCount(1);
  const l = leaders(page).first();
  return { id: Number(await l.getAttribute('data-node-id')), term: Number(await l.getAttribute('data-term')) };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** Shows one of the teaching tabs beside the cluster (Pseudocode, Space-time, Events). */
export async function showTeaching(page: Page, tab: 'Pseudocode' | 'Space-time' | 'Events' | 'History'): Promise<void> {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** Opens the drawer of control panels (safety, node, network, cluster), as the D key does. */
export async function openPanels(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Panels', exact: true });
  if (await button.getAttribute('aria-expanded') !== 'true') await button.click();
  await expect(page.locator('#drawer')).toBeVisible();
}
