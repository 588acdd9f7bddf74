// End-to-end: the bad-input table. The embed build (pkg/) is mounted on a host page
// (tests/e2e/pages/bad-input.html, no CSP on purpose) with one bad input at a time, and for each
// row the test checks what a reader sees (the widget's error or its problem list, as text), that
// the good sources still show, that no script ran (`window.__pwned` stays unset although every
// payload tries to set it), and that nothing of the host page outside the widget changed.
// README.md's "Bad input" table says the same, row by row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { serve, launch, SCREENSHOTS } from './support.mjs';

const ROOT = path.resolve('.');
let server;
let elsewhere;
let browser;

/** A payload for every text field: it sets `window.__pwned` if it is ever parsed as HTML. */
const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const GOOD_TEXT = 'Officials said 30 ministers met in Brussels on Wednesday to discuss the budget.';
const good = { id: 'good', name: 'Good source', text: GOOD_TEXT };
const corpus = (sources, extra = {}) => JSON.stringify({ version: 1, title: 'A story', ...extra, sources });

before(async () => {
  await fs.access(path.join(ROOT, 'pkg/crosscheck.js')).catch(() => {
    throw new Error('pkg/ is missing: run scripts/build-pkg.sh first (scripts/test.sh does)');
  });
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  // A second origin (another port), where the redirect row sends the widget.
  elsewhere = await serve(ROOT, {
    routes: {
      '/story.json': (_, response) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end(corpus([good]));
      },
    },
  });
  const json = (body) => (_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  const tenMb = corpus([{ id: 'huge', name: 'Huge source', text: 'word '.repeat(2_000_000) }, good]);
  const many = corpus(Array.from({ length: 5000 }, (_, i) => ({ id: `s${i}`, text: `Source ${i} says the bridge opened on Monday.` })));
  server = await serve(ROOT, {
    routes: {
      '/bad/404': (_, response) => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
      '/bad/500': (_, response) => response.writeHead(500, { 'content-type': 'text/plain' }).end('boom'),
      '/bad/redirect': (_, response) => response.writeHead(302, { location: `${elsewhere.url}/story.json` }).end(),
      '/bad/html': (_, response) =>
        response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>Oops</title>${XSS}`),
      '/bad/ten-mb.json': json(tenMb),
      '/bad/bom.json': json(`\ufeff${corpus([good])}`),
      '/bad/five-thousand.json': json(many),
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await elsewhere?.close();
});

/**
 * The rows: a name, the corpus option (JSON text or a URL), and what the reader must see:
 * `state` (ready or error), `message` (in the error or the problem list), `shown` (source names
 * listed), and `check` for anything else.
 */
const ROWS = [
  {
    name: 'malformed JSON',
    corpus: '{"version": 1, "sources": [{"id": "a", "text": "One."},]}',
    state: 'error',
    message: /The corpus is not valid JSON: trailing comma at line 1, column 56\./,
  },
  {
    name: 'empty corpus',
    corpus: corpus([]),
    state: 'error',
    message: /The corpus's `sources` list is empty: add at least one source with an `id` and a `text`\./,
  },
  {
    name: 'a source without text',
    corpus: corpus([{ id: 'a', name: 'No text' }, good]),
    state: 'ready',
    message: /Source 1 \("a"\) has no `text` field; it was skipped\./,
    shown: ['Good source'],
  },
  {
    name: 'duplicate ids',
    corpus: corpus([good, { id: 'good', name: 'Impostor', text: 'Officials said 99 ministers met.' }]),
    state: 'ready',
    message: /Source 2 \("good"\) repeats the id "good" of source 1; it was skipped\. Give each source its own id\./,
    shown: ['Good source'],
  },
  {
    name: 'a 10 MB source',
    corpus: '/bad/ten-mb.json',
    state: 'ready',
    message: /Source 1 \("huge"\) has a text of 10,000,000 characters, more than the 200,000 this widget reads; only its first 200,000 characters are shown\./,
    shown: ['Huge source', 'Good source'],
  },
  {
    name: '5,000 tiny sources',
    corpus: '/bad/five-thousand.json',
    state: 'ready',
    message: /This corpus has more sources than the 1,000 this widget shows: the first 1,000 are shown and the other 4,000 left out\./,
    check: async (page) => {
      const summary = await page.locator('#story .crosscheck__summary').textContent();
      assert.match(summary, /^1000 sources/);
      assert.ok((await page.locator('#story .crosscheck__list-name').count()) > 0, 'the source list shows rows');
    },
  },
  {
    name: 'HTML and <script> in every text field',
    corpus: corpus(
      [
        {
          id: `h${XSS}`, name: `Name ${XSS}`, title: `Headline ${XSS}`, kind: `<b>${XSS}</b>`, published: XSS,
          url: `https://example.org/"><script>window.__pwned=3</script>`,
          text: `Officials said 30 ministers met in Brussels on Wednesday. ${XSS} The talks lasted two hours.`,
        },
        good,
      ],
      { title: `Title ${XSS}` },
    ),
    state: 'ready',
    message: /has an unknown `kind` "<b><img src=x onerror="window\.__pwned=1">/,
    shown: [`Name ${XSS}`, 'Good source'],
    check: async (page) => {
      assert.equal(await page.locator('#story img, #story script, #story iframe, #story b').count(), 0);
      assert.equal(await page.locator('#story .crosscheck__title').textContent(), `Title ${XSS}`);
      const text = await page.locator('#story .crosscheck__text').textContent();
      assert.ok(text.includes(XSS), 'the payload shows as the text it is');
      // Selecting each sentence renders quotes and names in the panel: still text.
      for (const sentence of await page.locator('#story .crosscheck__sentence').all()) await sentence.click();
      assert.equal(await page.locator('#story img, #story script').count(), 0);
    },
  },
  {
    name: 'javascript: and data: URLs',
    corpus: corpus([
      { id: 'js', name: 'Script link', url: 'javascript:window.__pwned=4', text: GOOD_TEXT },
      { id: 'data', name: 'Data link', url: 'data:text/html,<script>window.__pwned=5</script>', text: GOOD_TEXT },
      { id: 'web', name: 'Web link', url: 'https://example.org/story', text: GOOD_TEXT },
    ]),
    state: 'ready',
    message: /Source 1 \("js"\) has a `url` "javascript:window\.__pwned=4" that is not a web address starting with http:\/\/ or https:\/\/; it was kept without a link\./,
    shown: ['Script link', 'Data link', 'Web link'],
    check: async (page) => {
      assert.match(await page.locator('#story .crosscheck__problems').textContent(), /Source 2 \("data"\) has a `url` "data:text\/html/);
      for (const id of ['js', 'data', 'web']) {
        await page.locator(`#story .crosscheck__tab[data-source="${id}"]`).click();
        const hrefs = await page.$$eval('#story a[href]', (links) => links.map((link) => link.getAttribute('href')));
        assert.deepEqual(hrefs, id === 'web' ? ['https://example.org/story'] : []);
      }
    },
  },
  {
    name: 'right-to-left text',
    corpus: corpus([
      { id: 'ar', name: 'صحيفة الصباح', text: 'قال المسؤولون إن 30 وزيرا اجتمعوا في بروكسل يوم الأربعاء لمناقشة الميزانية.' },
      good,
    ]),
    state: 'ready',
    shown: ['صحيفة الصباح', 'Good source'],
    check: async (page) => {
      const paragraph = page.locator('#story .crosscheck__paragraph').first();
      assert.equal((await paragraph.textContent()).trimEnd(), 'قال المسؤولون إن 30 وزيرا اجتمعوا في بروكسل يوم الأربعاء لمناقشة الميزانية.');
      assert.equal(await paragraph.evaluate((element) => getComputedStyle(element).direction), 'rtl');
    },
  },
  {
    name: 'emoji and combining marks',
    corpus: corpus([
      { id: 'emoji', name: 'Fan 👩‍👩‍👧 page', text: 'Officials 👩‍👩‍👧 said 30 mińisters met in Bruxelles on Wednesday. Ẕ̶̢a̸l̷g̵o̶ text follows.' },
      good,
    ]),
    state: 'ready',
    shown: ['Fan 👩‍👩‍👧 page', 'Good source'],
    check: async (page) => {
      const sentence = page.locator('#story .crosscheck__sentence').first();
      assert.equal(await sentence.textContent(), 'Officials 👩‍👩‍👧 said 30 mińisters met in Bruxelles on Wednesday.');
      await sentence.click();
      assert.match(await page.locator('#story .crosscheck__selected-quote p').textContent(), /👩‍👩‍👧 said 30 mińisters/);
    },
  },
  {
    name: 'zero-width characters',
    corpus: corpus([{ id: 'z\u200b', name: 'Zero\u200bwidth\u200d', text: 'Officials\u200b said 30 minis\u200dters met\ufeff in Brussels on Wednesday.' }, good]),
    state: 'ready',
    shown: ['Zero\u200bwidth\u200d', 'Good source'],
    check: async (page) => {
      const text = (await page.locator('#story .crosscheck__text .crosscheck__paragraph').first().textContent()).trimEnd();
      assert.equal(text, 'Officials\u200b said 30 minis\u200dters met\ufeff in Brussels on Wednesday.');
    },
  },
  {
    name: 'a BOM at the start of a corpus file',
    corpus: '/bad/bom.json',
    state: 'ready',
    shown: ['Good source'],
    check: async (page) => assert.equal(await page.locator('#story .crosscheck__problems').count(), 0),
  },
  {
    name: 'a BOM at the start of JSON given to mount()',
    corpus: `\ufeff${corpus([good])}`,
    state: 'ready',
    shown: ['Good source'],
    check: async (page) => assert.equal(await page.locator('#story .crosscheck__problems').count(), 0),
  },
  {
    name: 'bidirectional controls in names and ids',
    corpus: corpus([{ id: 'x\u202Ey', name: 'Forum\u202Egnp.exe', text: GOOD_TEXT }, good], { title: '\u2067Story\u2069' }),
    state: 'ready',
    shown: ['Forum[U+202E]gnp.exe', 'Good source'],
    check: async (page) => {
      assert.equal(await page.locator('#story .crosscheck__title').textContent(), '[U+2067]Story[U+2069]');
      assert.equal(await page.locator('#story .crosscheck__source-name').textContent(), 'Forum[U+202E]gnp.exe');
      const name = page.locator('#story .crosscheck__tab-name').first();
      assert.equal(await name.evaluate((element) => getComputedStyle(element).unicodeBidi), 'isolate');
      await page.locator('#story').screenshot({ path: path.join(SCREENSHOTS, 'bad-input-bidi-names.png') });
    },
  },
  {
    name: 'a corpus URL that answers 404',
    corpus: '/bad/404',
    state: 'error',
    message: /The corpus \/bad\/404 could not be loaded: the server answered 404 Not Found\./,
  },
  {
    name: 'a corpus URL that answers 500',
    corpus: '/bad/500',
    state: 'error',
    message: /The corpus \/bad\/500 could not be loaded: the server answered 500 Internal Server Error\./,
  },
  {
    name: 'a corpus URL that redirects to another origin',
    corpus: '/bad/redirect',
    state: 'error',
    message: /The corpus \/bad\/redirect could not be loaded: the server did not answer, or it does not let this page read the file \(CORS\)\./,
  },
  {
    name: 'a corpus URL that answers HTML instead of JSON',
    corpus: '/bad/html',
    state: 'error',
    message: /\/bad\/html: The corpus is a web page \(HTML\), not JSON: check that the address leads to the \.json file itself\./,
  },
];

/** Everything of the host page a widget must leave alone. */
function hostSnapshot(page) {
  return page.evaluate(() => ({
    title: document.title,
    header: document.querySelector('#host-header').outerHTML,
    footer: document.querySelector('#host-footer').outerHTML,
    html: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
    body: [...document.body.attributes].map((a) => `${a.name}=${a.value}`),
    bodyChildren: [...document.body.children].map((element) => element.tagName + '#' + element.id),
    head: [...document.head.children].filter((element) => !(element.href ?? '').endsWith('crosscheck.css')).map((element) => element.outerHTML),
    url: location.href,
    pwned: window.__pwned,
  }));
}

for (const row of ROWS) {
  test(`bad input: ${row.name}`, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(`${server.url}/tests/e2e/pages/bad-input.html`);
    // The loader has started the wasm once its module resolves.
    await page.evaluate(() => import('/pkg/crosscheck.js'));
    const before = await hostSnapshot(page);
    const ready = await page.evaluate(async (corpusOption) => {
      const { mount } = await import('/pkg/crosscheck.js');
      return mount('#story', { corpus: corpusOption }).ready;
    }, row.corpus);
    assert.equal(ready, row.state === 'ready', `the widget is ${row.state}`);
    assert.equal(await page.getAttribute('#story', 'data-crosscheck-state'), row.state);

    if (row.message) {
      const shown = row.state === 'error'
        ? await page.locator('#story [role=alert]').textContent()
        : await page.locator('#story .crosscheck__problems').textContent();
      assert.match(shown, row.message);
    }
    if (row.shown) {
      const names = await page.$$eval('#story .crosscheck__tab-name, #story .crosscheck__list-name', (elements) => elements.map((e) => e.textContent));
      assert.deepEqual(names, row.shown);
      // The first good source's text shows.
      assert.ok((await page.locator('#story .crosscheck__sentence').count()) > 0, 'some text shows');
    }
    await row.check?.(page);

    const afterwards = await hostSnapshot(page);
    assert.equal(afterwards.pwned, undefined, 'no script of the corpus ran');
    assert.deepEqual({ ...afterwards, url: afterwards.url.split('#')[0] }, { ...before, url: before.url.split('#')[0] });
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
}
