// Benchmark (not a test): a big story in the embed, in headless Chromium. Run by scripts/bench.sh
// after scripts/build-pkg.sh, from the repository root:
//
//   node tests/bench/big.mjs CORPUS.json [RUNS]
//
// For each run it opens tests/e2e/pages/big.html on the corpus (served from the repository root)
// and reads, from the page's own clock: when the first source's text is on screen, when the
// widget starts analysing, when it is ready (the worker's analysis in, the marks shown), and the
// longest main-thread task meanwhile. Prints one line per run, then the medians, and one JSON
// line `BENCH-BIG {...}` for the report.
import path from 'node:path';
import { serve, launch } from '../e2e/support.mjs';

const [corpusArgument, runsArgument] = process.argv.slice(2);
if (!corpusArgument) {
  console.error('usage: node tests/bench/big.mjs CORPUS.json [RUNS]');
  process.exit(2);
}
const root = path.resolve('.');
const corpus = '/' + path.relative(root, path.resolve(corpusArgument)).split(path.sep).join('/');
const runs = Number(runsArgument ?? 3);
const server = await serve(root);
const browser = await launch();
const rows = [];
try {
  for (let run = 1; run <= runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/tests/e2e/pages/big.html?corpus=${encodeURIComponent(corpus)}`);
    await page.waitForSelector('#big .crosscheck__sentence', { timeout: 120_000 });
    const firstText = await page.evaluate(() => performance.now() - window.mountedAt);
    await page.waitForFunction(() => window.readyAt !== undefined, null, { timeout: 600_000, polling: 50 });
    const row = await page.evaluate((first) => {
      const analysing = window.analysingAt ?? window.mountedAt;
      const during = window.longTasks.filter((t) => t.start >= analysing && t.start <= window.readyAt);
      return {
        first_text_ms: first,
        analysing_from_ms: analysing - window.mountedAt,
        ready_ms: window.readyAt - window.mountedAt,
        analysis_ms: window.readyAt - analysing,
        longest_task_ms: Math.max(0, ...during.map((t) => t.duration)),
        workers: window.workers,
      };
    }, firstText);
    console.log(
      `run ${run}: first text ${row.first_text_ms.toFixed(0)} ms, ready ${row.ready_ms.toFixed(0)} ms ` +
        `(analysis ${row.analysis_ms.toFixed(0)} ms in ${row.workers} worker), longest main-thread task ` +
        `${row.longest_task_ms.toFixed(0)} ms`,
    );
    rows.push(row);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (key) => {
  const sorted = rows.map((row) => row[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const summary = Object.fromEntries(Object.keys(rows[0]).map((key) => [key, median(key)]));
console.log(
  `median of ${runs}: first text ${summary.first_text_ms.toFixed(0)} ms, analysis ${summary.analysis_ms.toFixed(0)} ms, ` +
    `ready ${summary.ready_ms.toFixed(0)} ms, longest task ${summary.longest_task_ms.toFixed(0)} ms`,
);
console.log(`BENCH-BIG ${JSON.stringify({ corpus, runs: rows, median: summary })}`);
