// End-to-end: the Trunk-built page in Debian's Chromium. A reader opens the page, sees the five
// seed sources, clicks a sentence and sees it selected; screenshots go to target/e2e/screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { serve, launch, SCREENSHOTS, DIST } from './support.mjs';

let server;
let browser;

before(async () => {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  server = await serve(DIST);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`a reader selects a sentence (${label}, ${colorScheme})`, async () => {
      const page = await browser.newPage({ viewport, colorScheme });
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(server.url + '/');
      await page.waitForSelector('.crosscheck[data-crosscheck-state="ready"]');

      const tabs = page.getByRole('tab');
      assert.equal(await tabs.count(), 5, 'all five seeds are listed');

      const sentence = page.locator('.crosscheck__sentence').nth(1);
      const text = await sentence.textContent();
      await sentence.click();
      await assert.doesNotReject(
        page.waitForSelector('.crosscheck__sentence[aria-pressed="true"]', { timeout: 5000 }),
      );
      assert.equal(await page.locator('.crosscheck__sentence[aria-pressed="true"]').textContent(), text);
      assert.equal(await page.locator('.crosscheck__selected-quote p').textContent(), text);

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `nothing scrolls sideways (overflow ${overflow}px)`);

      await page.screenshot({ path: path.join(SCREENSHOTS, `seeds-${label}-${colorScheme}.png`), fullPage: label === 'phone' });
      assert.deepEqual(errors, [], 'no page errors');
      await page.close();
    });
  }
}

test('keyboard: Tab reaches a sentence and Enter selects it', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url + '/');
  await page.waitForSelector('.crosscheck[data-crosscheck-state="ready"]');
  // Tab past the five source tabs to the first sentence.
  let focused = '';
  for (let presses = 0; presses < 20 && !focused.includes('crosscheck__sentence'); presses++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.className ?? '');
  }
  assert.match(focused, /crosscheck__sentence/, 'a sentence can be reached by Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.crosscheck__sentence[aria-pressed="true"]', { timeout: 5000 });
  const pressed = await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed'));
  assert.equal(pressed, 'true');
  await page.close();
});
