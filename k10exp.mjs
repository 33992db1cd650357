import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const variant of ['click', 'focus', 'click-then-select-then-focus']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto('http://localhost:4319/#lesson=raft-split-brain'); await page.waitForSelector('g.node');
  await page.getByLabel('Speed').selectOption('10');
  const next = page.getByRole('button', { name: 'Next step' });
  const step = () => page.locator('.narration-text').getAttribute('data-step');
  if (variant === 'focus') { await next.focus(); await page.keyboard.press('Enter'); } else await next.click();
  await page.waitForTimeout(3000);
  if (variant === 'click-then-select-then-focus') { await page.getByLabel('Speed').selectOption('0.01'); await next.focus(); }
  else await page.getByLabel('Speed').selectOption('0.01').then(() => next.focus());
  const s0 = await step();
  await page.keyboard.press('Space'); await page.waitForTimeout(500);
  const label1 = await page.locator('.transport button.play').getAttribute('aria-label');
  await page.keyboard.press('Space'); await page.waitForTimeout(500);
  console.log(variant, s0, label1, await step(), await page.locator('.transport button.play').getAttribute('aria-label'));
  await page.close();
}
await browser.close();
