// Accessibility in the real page: axe-core (from npm) runs inside Chromium against the
// Trunk-built widget, in light and dark, with the overview open and with a claim's panel open.
// No serious or critical violation may remain; the others are printed for a reader to weigh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serve, launch, DIST } from './support.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server;
let browser;

before(async () => {
  server = await serve(DIST);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function audit(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document.querySelector('.crosscheck'), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return {
      n_passed_rules: result.passes.length,
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help,
        target: v.nodes[0]?.target?.join(' ') })),
    };
  });
}

for (const colorScheme of ['light', 'dark']) {
  for (const state of ['overview', 'contradicted claim']) {
    test(`axe: no serious or critical violation (${colorScheme}, ${state})`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme });
      await page.goto(server.url + '/');
      await page.waitForSelector('.crosscheck[data-crosscheck-state="ready"]');
      if (state !== 'overview') {
        await page.locator('[role=tab][data-source="001"]').click();
        await page.locator('.crosscheck__sentence[data-status="contradicted"]').first().click();
        await page.waitForSelector('.crosscheck__evidence[data-relation="contradicts"]');
      }
      const { n_passed_rules, violations } = await audit(page);
      assert.ok(n_passed_rules >= 10, `axe ran its rules (${n_passed_rules} passed)`);
      for (const v of violations) console.log(`  ${v.impact}: ${v.id} (${v.nodes} nodes) ${v.help} e.g. ${v.target}`);
      const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(blocking, [], 'serious or critical accessibility violations');
      await page.close();
    });
  }
}

test('touch targets are at least 44 px and nothing scrolls sideways on a phone', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await page.goto(server.url + '/');
  await page.waitForSelector('.crosscheck[data-crosscheck-state="ready"]');
  await page.locator('.crosscheck__sentence[data-status="backed"]').first().click();
  await page.waitForSelector('.crosscheck__evidence');
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('.crosscheck button, .crosscheck input, .crosscheck a')]
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => ({ element, rect: element.getBoundingClientRect() }))
      .filter(({ rect }) => rect.height < 44 || rect.width < 44)
      .map(({ element, rect }) => `${element.className || element.tagName} ${Math.round(rect.width)}x${Math.round(rect.height)}`),
  );
  assert.deepEqual(small, [], 'controls smaller than 44 px');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await page.close();
});
