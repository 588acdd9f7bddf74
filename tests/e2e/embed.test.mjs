// End-to-end: crosscheck embedded the way a blogger embeds it, from the release embed build in
// pkg/ (scripts/build-pkg.sh) served by a plain static server from the repository root:
// examples/blog.html with two widgets, examples/csp.html under a strict Content-Security-Policy,
// a page where some widgets fail (tests/e2e/pages/broken.html), a page whose policy allows no
// worker (tests/e2e/pages/no-worker.html), the JS API's mount() and
// destroy(), and the self-contained page `crosscheck bundle` writes, opened from file://.
// Screenshots go to target/e2e/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, SCREENSHOTS } from './support.mjs';

const ROOT = path.resolve('.');
const BUNDLE = path.resolve('target/e2e/bridge-story.html');
let server;
let browser;

before(async () => {
  await fs.access(path.join(ROOT, 'pkg/crosscheck.js')).catch(() => {
    throw new Error('pkg/ is missing: run scripts/build-pkg.sh first (scripts/test.sh does)');
  });
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  server = await serve(ROOT);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A new page that records page errors and console errors. */
async function openPage(options = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, ...options });
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error}`));
  page.on('console', (message) => message.type() === 'error' && errors.push(`console: ${message.text()}`));
  return { page, errors };
}

/** Waits until every widget on the page has settled (ready or error) and returns their states. */
async function widgetStates(page, count) {
  await page.waitForFunction(
    (n) => {
      const widgets = [...document.querySelectorAll('.crosscheck[data-crosscheck-state]')];
      return widgets.length >= n && widgets.every((w) => ['ready', 'error'].includes(w.dataset.crosscheckState));
    },
    count,
    { timeout: 15000 },
  );
  return page.$$eval('.crosscheck[data-crosscheck-state]', (widgets) => widgets.map((w) => w.dataset.crosscheckState));
}

// The host page's own elements, and the computed style properties that do not depend on layout
// (a widget on the page changes the page's height, and with it every box's used size).
const HOST_ELEMENTS = ['body', '.site-header', '.site-title', 'h1', 'h2', '.byline', '.byline a', 'article > p',
  'blockquote', 'ul', 'li', 'em', 'button', '.site-footer p'];
const LAYOUT_PROPERTIES = /^(width|height|inline-size|block-size|perspective-origin|transform-origin)$/;

async function hostStyles(page) {
  return page.evaluate(
    ({ selectors, layout }) => {
      const skip = new RegExp(layout);
      const styles = {};
      for (const selector of selectors) {
        const own = [...document.querySelectorAll(selector)].filter((element) => !element.closest('.crosscheck'));
        own.forEach((element, index) => {
          const computed = getComputedStyle(element);
          const values = {};
          for (const name of computed) if (!skip.test(name)) values[name] = computed.getPropertyValue(name);
          styles[`${selector}#${index}`] = values;
        });
      }
      return styles;
    },
    { selectors: HOST_ELEMENTS, layout: LAYOUT_PROPERTIES.source },
  );
}

test('the blog example renders both widgets, each with its own corpus, theme and state', async () => {
  const { page, errors } = await openPage();
  await page.goto(`${server.url}/examples/blog.html`);
  assert.deepEqual(await widgetStates(page, 2), ['ready', 'ready']);
  const widgets = page.locator('.crosscheck');
  const titles = await widgets.locator('.crosscheck__title').allTextContents();
  assert.equal(titles.length, 2);
  assert.match(titles[0], /Harbour Bridge/);
  assert.match(titles[1], /library/i);
  assert.equal(await widgets.nth(1).getAttribute('data-theme'), 'dark');
  // The host's rules for bare elements (its brown h2) stop at the widget: the dark widget's
  // title is in the widget's own light text colour.
  const titleColours = await widgets.locator('.crosscheck__title').evaluateAll((titles) =>
    titles.map((title) => [getComputedStyle(title).color, getComputedStyle(title.closest('.crosscheck')).color]));
  for (const [title, root] of titleColours) assert.equal(title, root, 'a widget title has the widget text colour');
  assert.notEqual(await page.locator('h2').first().evaluate((h) => getComputedStyle(h).color), titleColours[1][0]);

  // Selecting in one widget leaves the other alone.
  await widgets.nth(0).locator('.crosscheck__sentence').first().click();
  await page.waitForSelector('.crosscheck__sentence[aria-pressed="true"]');
  assert.equal(await widgets.nth(0).locator('.crosscheck__sentence[aria-pressed="true"]').count(), 1);
  assert.equal(await widgets.nth(1).locator('.crosscheck__sentence[aria-pressed="true"]').count(), 0);
  // Each widget keeps its own deep-link parameter in the URL.
  assert.match(new URL(page.url()).hash, /^#cc=/);
  await widgets.nth(1).locator('.crosscheck__sentence').first().click();
  await page.waitForFunction(() => /cc1=/.test(location.hash));
  assert.equal(await widgets.nth(0).locator('.crosscheck__sentence[aria-pressed="true"]').count(), 1);

  await page.screenshot({ path: path.join(SCREENSHOTS, 'embed-blog.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("the widget leaves the host page's own styles as they were", async () => {
  const { page: bare } = await openPage();
  // The same page with the loader refused: what the host looks like without crosscheck.
  await bare.route('**/pkg/crosscheck.js', (route) => route.abort());
  await bare.goto(`${server.url}/examples/blog.html`);
  await bare.waitForLoadState('load');
  const before = await hostStyles(bare);
  await bare.close();

  const { page, errors } = await openPage();
  await page.goto(`${server.url}/examples/blog.html`);
  await widgetStates(page, 2);
  const after = await hostStyles(page);
  assert.ok(Object.keys(before).length >= HOST_ELEMENTS.length, 'the host elements were found');
  const changed = [];
  for (const [element, properties] of Object.entries(before)) {
    for (const [name, value] of Object.entries(properties)) {
      if (after[element]?.[name] !== value) changed.push(`${element} ${name}: ${value} -> ${after[element]?.[name]}`);
    }
  }
  assert.deepEqual(changed, [], 'no computed style of a host element changed');
  // And the widget's stylesheet declares its custom properties on its root only, never on :root.
  const rootCustom = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--crosscheck-bg'));
  assert.equal(rootCustom, '');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a widget that cannot load its corpus shows its error and the others still work', async () => {
  const { page, errors } = await openPage();
  await page.goto(`${server.url}/tests/e2e/pages/broken.html`);
  await widgetStates(page, 3);
  const state = (id) => page.getAttribute(`#${id}`, 'data-crosscheck-state');
  assert.equal(await state('unreachable'), 'error');
  assert.equal(await state('malformed'), 'error');
  assert.equal(await state('good'), 'ready');
  const unreachable = await page.locator('#unreachable [role=alert]').textContent();
  assert.match(unreachable, /no-such-story\.json could not be loaded: the server answered 404/);
  const malformed = await page.locator('#malformed [role=alert]').textContent();
  assert.match(malformed, /#malformed-corpus: .*line \d+, column \d+/);
  // The error is text inside that widget only; the good widget works.
  assert.equal(await page.locator('#good [role=alert]').count(), 0);
  await page.locator('#good .crosscheck__sentence').first().click();
  await page.waitForSelector('#good .crosscheck__sentence[aria-pressed="true"]');
  assert.equal(await page.locator('#host-title').textContent(), 'A host page');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'embed-errors.png'), fullPage: true });
  // The only console errors are the browser's own report of the 404.
  assert.deepEqual(errors.filter((error) => !/404/.test(error)), []);
  await page.close();
});

test('mount() returns a handle whose destroy() puts the element back as it was', async () => {
  const { page, errors } = await openPage();
  await page.goto(`${server.url}/tests/e2e/pages/broken.html`);
  await widgetStates(page, 3);
  const result = await page.evaluate(async () => {
    const { mount } = await import('/pkg/crosscheck.js');
    const element = document.querySelector('#api-target');
    const original = element.outerHTML;
    const widget = mount(element, { corpus: '/examples/assets/bridge.json', theme: 'light', height: 500, source: 'radio' });
    const ready = await widget.ready;
    const mounted = {
      sentences: element.querySelectorAll('.crosscheck__sentence').length,
      className: element.className,
      theme: element.dataset.theme,
      height: element.style.getPropertyValue('--crosscheck-height'),
      shown: element.querySelector('[role=tab][aria-selected="true"]')?.dataset.source,
      reviews: widget.claimReviews(),
    };
    const destroyed = widget.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50)); // let Yew's scheduled removal run
    return { ready, mounted, destroyed, again: widget.destroy(), restored: element.outerHTML === original, after: element.outerHTML, original };
  });
  assert.equal(result.ready, true);
  assert.ok(result.mounted.sentences > 0);
  assert.match(result.mounted.className, /\bcrosscheck\b/);
  assert.equal(result.mounted.theme, 'light');
  assert.equal(result.mounted.height, '500px');
  assert.equal(result.mounted.shown, 'radio', 'the source option picks the source shown first');
  assert.ok(Array.isArray(result.mounted.reviews) && result.mounted.reviews.length > 0, 'the bridge story has disputes');
  assert.equal(result.mounted.reviews[0]['@type'], 'ClaimReview');
  assert.equal(result.destroyed, true);
  assert.equal(result.again, false, 'a destroyed widget cannot be destroyed twice');
  assert.equal(result.after, result.original, 'the element is back as it was, fallback content included');
  assert.deepEqual(errors.filter((error) => !/404/.test(error)), []);
  await page.close();
});

test('the CSP example works under script-src self and wasm-unsafe-eval, with no console error', async () => {
  const { page, errors } = await openPage();
  const violations = [];
  await page.exposeFunction('reportViolation', (text) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.reportViolation(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  await page.goto(`${server.url}/examples/csp.html`);
  assert.deepEqual(await widgetStates(page, 2), ['ready', 'ready']);
  await page.locator('#bridge-widget .crosscheck__sentence').first().click();
  await page.waitForSelector('#bridge-widget .crosscheck__sentence[aria-pressed="true"]');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'embed-csp.png'), fullPage: true });
  // The page's own button destroys the API-mounted widget.
  await page.click('#remove-bridge');
  await page.waitForFunction(() => !document.querySelector('#bridge-widget').classList.contains('crosscheck'));
  assert.equal(await page.locator('#bridge-widget').innerHTML(), '');
  assert.equal(await page.locator('.crosscheck[data-crosscheck-state="ready"]').count(), 1, 'the other widget stays');
  assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
  assert.deepEqual(errors, []);
  await page.close();
});

test('without worker-src blob: the story is analysed on the page, and a check tries no second worker', async () => {
  const { page } = await openPage();
  const violations = [];
  await page.exposeFunction('reportViolation', (text) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.reportViolation(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  await page.goto(`${server.url}/tests/e2e/pages/no-worker.html`);
  assert.deepEqual(await widgetStates(page, 1), ['ready']);
  await page.waitForSelector('.crosscheck__sentence[data-status="backed"]');
  const refused = violations.length;
  assert.ok(refused >= 1, `the policy refused the analysis worker: ${violations.join(' | ')}`);
  await page.fill('.crosscheck__check-input', 'NATO chiefs of defence held a video conference on Wednesday.');
  await page.click('.crosscheck__check-button');
  await page.waitForFunction(() => /backing|No source/.test(document.querySelector('.crosscheck__check-result')?.textContent ?? ''));
  assert.equal(violations.length, refused, `no second worker was tried: ${violations.join(' | ')}`);
  await page.close();
});

test('the page `crosscheck bundle` writes works from file:// with no server', async () => {
  const cli = process.env.CROSSCHECK_CLI ?? path.resolve('target/debug/crosscheck');
  execFileSync(cli, ['bundle', '--pkg', 'pkg', '-o', BUNDLE, 'examples/assets/bridge.json'], { stdio: 'pipe' });
  const { page, errors } = await openPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(BUNDLE).href);
  assert.deepEqual(await widgetStates(page, 1), ['ready']);
  assert.match(await page.locator('.crosscheck__title').textContent(), /Harbour Bridge/);
  await page.locator('.crosscheck__sentence').first().click();
  await page.waitForSelector('.crosscheck__sentence[aria-pressed="true"]');
  // The analysis worker starts from a blob: URL the page makes itself; nothing comes from a network.
  const fetched = requests.filter((url) => !/^(file|data|blob):/.test(url));
  assert.deepEqual(fetched, [], 'nothing is fetched');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'bundle-file.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
