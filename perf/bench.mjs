// The benchmarks of issue 7, in one headless Chromium: first-visit transfer, Lighthouse, the
// table at 1,000 to 50,000 rows, the same actions in DataTables, and cold/warm start under
// throttling. Run through scripts/bench.sh, which builds the app first. Prints every figure
// and writes them to OUT/results.json and OUT/results.md.
//
//   node perf/bench.mjs [--dist DIR] [--out DIR] [--only sizes,lighthouse,scale,datatables,search,start] [--runs N]
import { chromium } from 'playwright-core';
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { serve } from './server.mjs';
import { distWithPosts, distWithRatings } from './synthetic.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const BUDGET_KB = 150;
const SIZES = [1000, 10000, 50000];
const POSTS = 5000;
// Lighthouse's mobile preset: slow 4G and a CPU four times slower than this one.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

const options = parseArgs(process.argv.slice(2));
const results = { date: new Date().toISOString(), chromium: '', figures: {} };
const report = [];

function parseArgs(args) {
  const parsed = { dist: 'dist', out: 'test-output/bench', only: null, runs: 20 };
  for (let i = 0; i < args.length; i += 2) {
    const [name, value] = [args[i].replace(/^--/, ''), args[i + 1]];
    if (!(name in parsed) || value === undefined) {
      console.error(`unknown or incomplete option ${args[i]}`);
      process.exit(2);
    }
    parsed[name] = name === 'runs' ? Number(value) : name === 'only' ? value.split(',') : value;
  }
  parsed.dist = resolve(parsed.dist);
  parsed.out = resolve(parsed.out);
  return parsed;
}

const wanted = (section) => options.only === null || options.only.includes(section);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const ms = (value) => (value === null ? 'n/a' : value.toFixed(1));

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(values) {
  return { p50: percentile(values, 50), p95: percentile(values, 95), runs: values.length };
}

function line(text) {
  console.log(text);
  report.push(text);
}

// In-page timing: from an action to the first task after the next frame that shows its effect,
// that is, to just after the paint. `changed` tells when the DOM shows the effect.
const TIMING = `
window.__timeAction = (action, changed) => new Promise((resolve) => {
  const start = performance.now();
  action();
  const frame = () => requestAnimationFrame(() => {
    if (!changed()) { frame(); return; }
    setTimeout(() => resolve(performance.now() - start), 0);
  });
  frame();
});
addEventListener('TrunkApplicationStarted', (event) => { window.__wasm = event.detail.wasm; });
`;

async function withServer(dir, run, vendor) {
  const server = await serve(dir, { vendor });
  try {
    return await run(server.url);
  } finally {
    await server.close();
  }
}

async function firstVisit(browser, url, ready) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (response) => {
    // Each file once: when the service worker takes control before the app asks for a file the
    // early preload already fetched, the page sees the file again, answered by the worker.
    const path = new URL(response.url()).pathname;
    if (response.fromServiceWorker() && bodies.some((file) => file.path === path)) return;
    const file = { path, body: null };
    bodies.push(file);
    try {
      file.body = await response.body();
    } catch {
      // Redirects and aborted requests have no body to count.
    }
  });
  await page.goto(url);
  await page.waitForSelector(ready);
  await page.waitForLoadState('networkidle');
  await context.close();
  return bodies.filter(({ body }) => body !== null).map(({ path, body }) => ({
    path,
    raw: body.length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }));
}

async function firstPostSlug() {
  const index = JSON.parse(await readFile(join(options.dist, 'data', 'posts', 'index.json'), 'utf8'));
  return index.posts[0].slug;
}

async function sizes(browser) {
  const slug = await firstPostSlug();
  await withServer(options.dist, async (url) => {
    for (const [name, path, ready] of [
      ['league table', '/league-table', 'tr[data-id]'],
      ['a post', `/posts/${slug}`, 'main h1'],
    ]) {
      const files = await firstVisit(browser, `${url}${path}`, ready);
      const total = files.reduce((sum, file) => sum + file.brotli, 0);
      results.figures[`first visit: ${name}`] = { files, brotli_total: total };
      line(`\n### First visit to ${path}\n\n| file | raw KB | brotli KB |\n| --- | ---: | ---: |`);
      for (const file of files) line(`| ${file.path} | ${kb(file.raw)} | ${kb(file.brotli)} |`);
      line(`| **total** | ${kb(files.reduce((sum, file) => sum + file.raw, 0))} | **${kb(total)}** |`);
      if (name === 'league table') {
        line(`\nBudget ${BUDGET_KB} KB: ${total / 1024 <= BUDGET_KB ? 'within' : `over by ${kb(total - BUDGET_KB * 1024)} KB`}.`);
      }
    }
  });
}

async function lighthouse() {
  const { default: run } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const slug = await firstPostSlug();
  line('\n### Lighthouse 12.2.3, mobile preset\n\n| page | performance | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  await withServer(options.dist, async (url) => {
    for (const path of ['/league-table', `/posts/${slug}`]) {
      const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: ['--headless=new', ...CHROME_ARGS] });
      try {
        const { lhr } = await run(`${url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
        const score = (id) => Math.round(lhr.categories[id].score * 100);
        const audit = (id) => lhr.audits[id].numericValue;
        const figures = {
          performance: score('performance'),
          accessibility: score('accessibility'),
          best_practices: score('best-practices'),
          seo: score('seo'),
          fcp: audit('first-contentful-paint'),
          lcp: audit('largest-contentful-paint'),
          tbt: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
        };
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
          .map((a) => {
            const items = (a.details?.items ?? []).slice(0, 3).map((item) => item.description ?? item.url ?? item.source?.url ?? '');
            return items.length ? `${a.id} (${items.join('; ')})` : a.id;
          });
        results.figures[`lighthouse ${path}`] = { ...figures, failing_audits: failing };
        line(`| ${path} | ${figures.performance} | ${figures.accessibility} | ${figures.best_practices} | ${figures.seo} | ${ms(figures.fcp)} | ${ms(figures.lcp)} | ${ms(figures.tbt)} | ${figures.cls.toFixed(3)} |`);
        if (failing.length) console.log(`  failing audits on ${path}: ${failing.join(', ')}`);
      } finally {
        await chrome.kill();
      }
    }
  });
}

/** Times `runs` repetitions of an in-page action after three unrecorded ones. */
async function timeRepeated(page, runs, action) {
  const times = [];
  for (let i = 0; i < runs + 3; i++) {
    const time = await page.evaluate(action);
    if (i >= 3) times.push(time);
  }
  return summary(times);
}

// Sorting by a column flips its direction each time; done when the header says so.
const SORT_OURS = (key) => `(() => {
  const button = document.querySelector('button[data-sort="${key}"]');
  const before = button.closest('th').getAttribute('aria-sort');
  return window.__timeAction(() => button.click(), () => button.closest('th').getAttribute('aria-sort') !== before);
})()`;
// One keystroke into the text filter, alternately adding and removing a letter.
const FILTER_OURS = `(() => {
  const input = document.querySelector('#filter-text');
  const count = document.querySelector('#shown-count');
  const before = count.textContent;
  const value = input.value === '' ? 'e' : '';
  return window.__timeAction(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, () => count.textContent !== before);
})()`;

const shownCount = (page) => page.locator('#shown-count').textContent();

async function ourTable(browser, url, count) {
  const context = await browser.newContext();
  await context.addInitScript(TIMING);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const started = Date.now();
  await page.goto(`${url}/league-table`);
  await page.waitForSelector('tr[data-id]', { timeout: 120000 });
  const load = Date.now() - started;
  const shown = await shownCount(page);
  if (!shown.replace(/[^0-9 ]/g, '').includes(String(count))) {
    throw new Error(`the table says "${shown}", not ${count} rows`);
  }
  const visibleRows = await page.locator('tr[data-id]').count();
  const figures = {
    load_ms: load,
    visible_rows: visibleRows,
    sort_band: await timeRepeated(page, options.runs, SORT_OURS('overall')),
    sort_text: await timeRepeated(page, options.runs, SORT_OURS('organisation')),
    filter_keystroke: await timeRepeated(page, options.runs, FILTER_OURS),
  };
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  figures.js_heap_mb = metrics.JSHeapUsedSize / 2 ** 20;
  figures.wasm_memory_mb = await page.evaluate(() => (window.__wasm ? window.__wasm.memory.buffer.byteLength / 2 ** 20 : null));
  await context.close();
  return figures;
}

async function scale(browser) {
  line('\n### The table at scale (ms from the action to the paint after it; p50 / p95)\n\n| rows | load to first row ms | rows drawn | sort by band | sort by name | filter keystroke | JS heap MB | wasm memory MB |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const count of SIZES) {
    const dir = await mkdtemp(join(tmpdir(), 'on-probation-bench-'));
    try {
      await distWithRatings(options.dist, count, dir);
      const figures = await withServer(dir, (url) => ourTable(browser, url, count)).catch((error) => {
        // A size the table cannot handle is a result to report, not a reason to stop.
        line(`| ${count.toLocaleString('en-GB')} | failed: ${error.message.split('\n')[0]} | | | | | | |`);
        return null;
      });
      if (figures === null) continue;
      results.figures[`scale ${count}`] = figures;
      const pair = (s) => `${ms(s.p50)} / ${ms(s.p95)}`;
      line(`| ${count.toLocaleString('en-GB')} | ${figures.load_ms} | ${figures.visible_rows} | ${pair(figures.sort_band)} | ${pair(figures.sort_text)} | ${pair(figures.filter_keystroke)} | ${figures.js_heap_mb.toFixed(1)} | ${figures.wasm_memory_mb === null ? 'n/a' : figures.wasm_memory_mb.toFixed(1)} |`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

// One keystroke into the posts search, alternately a letter and nothing; done when the count says so.
const SEARCH_POSTS = `(() => {
  const input = document.querySelector('#posts-search');
  const count = document.querySelector('#posts-count');
  const before = count.textContent;
  const value = input.value === 'pro' ? 'prob' : 'pro';
  return window.__timeAction(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, () => count.textContent !== before);
})()`;

async function search(browser) {
  const dir = await mkdtemp(join(tmpdir(), 'on-probation-bench-'));
  try {
    await distWithPosts(options.dist, POSTS, dir);
    const figures = await withServer(dir, async (url) => {
      const context = await browser.newContext();
      await context.addInitScript(TIMING);
      const page = await context.newPage();
      await page.goto(`${url}/posts`);
      await page.waitForSelector('#posts-search');
      // The first keystroke fetches the search text; time the ones after it.
      await page.evaluate(SEARCH_POSTS);
      await page.waitForFunction(() => !/Loading/.test(document.querySelector('#posts-count').textContent));
      const keystroke = await timeRepeated(page, options.runs, SEARCH_POSTS);
      await context.close();
      return { keystroke };
    });
    results.figures[`search ${POSTS} posts`] = figures;
    line(`\n### Posts search over ${POSTS.toLocaleString('en-GB')} synthetic posts (ms from a keystroke to the results painted)\n\n| p50 | p95 |\n| ---: | ---: |\n| ${ms(figures.keystroke.p50)} | ${ms(figures.keystroke.p95)} |`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const SORT_DATATABLES = `(() => {
  const header = Array.from(document.querySelectorAll('#table thead th')).find((th) => th.textContent.trim() === 'Overall');
  const order = JSON.stringify(window.dataTable.order());
  return window.__timeAction(() => header.click(), () => JSON.stringify(window.dataTable.order()) !== order);
})()`;
const FILTER_DATATABLES = `(() => {
  const input = document.querySelector('input[type=search]');
  const info = () => document.querySelector('.dt-info')?.textContent;
  const before = info();
  const value = input.value === '' ? 'e' : '';
  return window.__timeAction(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, () => info() !== before);
})()`;

async function datatables(browser) {
  const count = 10000;
  const ours = results.figures[`scale ${count}`];
  if (!ours) throw new Error('the DataTables comparison needs the scale figures: run with --only scale,datatables');
  const dir = await mkdtemp(join(tmpdir(), 'on-probation-bench-'));
  try {
    await distWithRatings(options.dist, count, dir);
    const theirs = await withServer(dir, async (url) => {
      const context = await browser.newContext();
      await context.addInitScript(TIMING);
      const page = await context.newPage();
      await page.goto(`${url}/vendor/datatables.html?rows=${ours.visible_rows}`);
      await page.waitForSelector('body[data-ready=true] #table tbody tr');
      const figures = {
        sort_band: await timeRepeated(page, options.runs, SORT_DATATABLES),
        filter_keystroke: await timeRepeated(page, options.runs, FILTER_DATATABLES),
      };
      await context.close();
      return figures;
    }, HERE);
    const ratio = (key) => ours[key].p50 / theirs[key].p50;
    results.figures['datatables 10000'] = { ...theirs, ratio_sort: ratio('sort_band'), ratio_filter: ratio('filter_keystroke') };
    line(`\n### Side by side with DataTables 2.3.8 at 10,000 rows, ${ours.visible_rows} rows drawn (p50 / p95 ms)\n\n| action | On Probation | DataTables | ratio of p50s |\n| --- | ---: | ---: | ---: |`);
    for (const [label, key] of [['sort by band', 'sort_band'], ['filter keystroke', 'filter_keystroke']]) {
      line(`| ${label} | ${ms(ours[key].p50)} / ${ms(ours[key].p95)} | ${ms(theirs[key].p50)} / ${ms(theirs[key].p95)} | ${ratio(key).toFixed(2)} |`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Records when the first table row is painted, measured from the start of navigation.
const FIRST_ROW = `
new MutationObserver((_, observer) => {
  if (document.querySelector('tr[data-id]')) {
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__firstRow = performance.now(); }, 0));
  }
}).observe(document, { childList: true, subtree: true });
`;

async function timeToFirstRow(page, go) {
  await go();
  await page.waitForFunction(() => window.__firstRow !== undefined, null, { timeout: 60000 });
  return page.evaluate(() => window.__firstRow);
}

// The issue's yardstick, "a hand-written static page": the league table as the app renders it,
// saved as plain HTML with the same stylesheet and no script. What is left of a start then is
// the network and the browser's own style, layout and paint of the same markup.
const STATIC_PAGE = 'static-league-table.html';

async function writeStaticCopy(browser, url, dir) {
  const page = await browser.newPage();
  await page.goto(`${url}/league-table`);
  await page.waitForSelector('tr[data-id]');
  const html = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true);
    copy.querySelectorAll('script, noscript, link[rel=modulepreload], link[rel=preload], link[rel=manifest]').forEach((e) => e.remove());
    return `<!DOCTYPE html>\n${copy.outerHTML}`;
  });
  await page.close();
  await writeFile(join(dir, STATIC_PAGE), html);
}

/** Loads `path` cold (a new context) and then warm (a reload), throttled, `runs` times. */
async function throttledStarts(browser, url, path, runs, afterWarm) {
  const cold = [];
  const warm = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    await context.addInitScript(FIRST_ROW);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    cold.push(await timeToFirstRow(page, () => page.goto(`${url}${path}`)));
    warm.push(await timeToFirstRow(page, () => page.reload()));
    if (afterWarm) await afterWarm(context, page);
    await context.close();
  }
  return { cold: summary(cold), warm_http_cache: summary(warm) };
}

async function start(browser) {
  const runs = Math.max(3, Math.round(options.runs / 4));
  const offline = [];
  const dir = await mkdtemp(join(tmpdir(), 'on-probation-static-'));
  await cp(options.dist, dir, { recursive: true });
  const ours = await withServer(dir, async (url) => {
    await writeStaticCopy(browser, url, dir);
    return throttledStarts(browser, url, '/league-table', runs, async (context, page) => {
      const controlled = await page
        .waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 15000 })
        .then(() => true, () => false);
      if (controlled) {
        await context.setOffline(true);
        offline.push(await timeToFirstRow(page, () => page.reload()));
      }
    });
  });
  // Served again so the file written above is compressed like every other.
  const still = await withServer(dir, (url) => throttledStarts(browser, url, `/${STATIC_PAGE}`, runs));
  const staticBytes = brotliCompressSync(await readFile(join(dir, STATIC_PAGE)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  await rm(dir, { recursive: true, force: true });
  const figures = { ...ours, offline_service_worker: offline.length ? summary(offline) : null, static_page: { ...still, brotli_bytes: staticBytes } };
  results.figures['start, slow 4G and 4x CPU'] = figures;
  line(`\n### Start under slow 4G and 4× CPU slowdown (ms from navigation to the first row painted; p50 / p95 over ${runs} runs)\n\n| start | p50 | p95 |\n| --- | ---: | ---: |`);
  line(`| cold (empty cache) | ${ms(figures.cold.p50)} | ${ms(figures.cold.p95)} |`);
  line(`| warm (HTTP cache) | ${ms(figures.warm_http_cache.p50)} | ${ms(figures.warm_http_cache.p95)} |`);
  line(`| offline, from the service worker | ${figures.offline_service_worker ? `${ms(figures.offline_service_worker.p50)} | ${ms(figures.offline_service_worker.p95)}` : 'no service worker took control | –'} |`);
  line(`| the same page as static HTML (${kb(staticBytes)} KB brotli), cold | ${ms(still.cold.p50)} | ${ms(still.cold.p95)} |`);
  line(`| the same page as static HTML, warm | ${ms(still.warm_http_cache.p50)} | ${ms(still.warm_http_cache.p95)} |`);
}

const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS });
results.chromium = browser.version();
line(`## Benchmarks, ${results.date.slice(0, 10)}, Chromium ${results.chromium}`);
try {
  if (wanted('sizes')) await sizes(browser);
  if (wanted('scale')) await scale(browser);
  if (wanted('datatables')) await datatables(browser);
  if (wanted('search')) await search(browser);
  if (wanted('start')) await start(browser);
} finally {
  await browser.close();
}
// Lighthouse starts its own Chromium.
if (wanted('lighthouse')) await lighthouse();
await mkdir(options.out, { recursive: true });
await writeFile(join(options.out, 'results.json'), JSON.stringify(results, null, 2));
await writeFile(join(options.out, 'results.md'), `${report.join('\n')}\n`);
console.log(`\nwritten: ${join(options.out, 'results.md')} and results.json`);
