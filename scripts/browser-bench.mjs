// Browser benchmark of the built web app (dist/) in headless Chromium, driven by
// playwright-core (the system Chromium, same flags as tests/e2e/app.test.mjs).
//
//   node scripts/browser-bench.mjs [--quick] [--runs N] [--out FILE]
//
// Measures, and writes to tests/e2e/output/browser-bench.json (read by
// `scripts/bench.sh`, which puts the numbers into docs/benchmarks.md):
//
// * first_analysis_ms: time from navigation start until the example corpus's analysis is
//   on screen, on a first visit (fresh browser context, so nothing is cached); median.
// * cold_start: a fresh worker's time to `ready`, its first request (the example
//   articles: lexicons parsed, regexes compiled, baseline WebAssembly tier) and the same
//   request again.
// * corpora: the WASM worker (dist/worker_loader.js) driven directly from a blank
//   same-origin page with the same corpora as the native bench (the example articles and
//   the PolNeAR dev texts, repeated to 1 MB and 10 MB). `pipeline_ms` runs from posting
//   the request to the last per-file progress message (every file analysed: the
//   per-document pipeline), `total_ms` to the `done` message (plus the comparison, the
//   JSON encoding of the analysis and its transfer). The 10 MB corpus is posted as ten
//   1 MB requests to one worker, so that it measures the pipeline and not one huge
//   comparison. Each worker first gets an untimed request (8 articles), then the bench
//   waits for the worker's `warm` message (its practice after a first request, as in the
//   app while the example is on screen; see Engine::warm_pass in src/lib.rs).
// * scaling: 100, 1,000 (and 5,000 unless --quick) articles, analysed and compared in one
//   request; per-article cost. scaling_cold: 1,000 articles right after the first
//   request, without waiting for the warm-up.
// * warm_up: how long the worker's practice took (ms, words), median.
// * app: the whole app (scripts/app-bench.mjs): 1,000 files given to the page's file
//   picker until the Sources view lists them; median of the runs.
// * wasm_memory_bytes: the worker's linear memory after each run (it never shrinks, so
//   this is the run's peak), read with Playwright's worker evaluation.
//
// Why a blank page and not the app: the app's page is being reworked and its own UI
// work would be timed too; the worker protocol (src/lib.rs, src/bin/worker.rs) is the
// stable interface. If that protocol changes, adapt `request()` and `onMessage()` below.
//
// Not a *.test.mjs: it is a measurement, not a test, and takes a minute or more.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const shared = process.env.PARALLAX_SHARED ?? path.join(root, '../shared');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const argVal = (k, d) => { const i = args.indexOf(k); return i >= 0 && args[i + 1] ? args[i + 1] : d; };
const runs = Number(argVal('--runs', quick ? 1 : 3));
const outFile = path.resolve(argVal('--out', path.join(root, 'tests/e2e/output/browser-bench.json')));
const MB = 1_000_000;
const BENCH_PAGE = '/__bench__.html';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

function serve(req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === BENCH_PAGE) {
    res.writeHead(200, { 'content-type': TYPES['.html'] });
    res.end('<!DOCTYPE html><meta charset="utf-8"><title>bench</title>');
    return;
  }
  const rel = decodeURIComponent(url.pathname.slice(1)) || 'index.html';
  const file = path.resolve(dist, rel);
  if (!file.startsWith(dist + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404).end(); return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}

// ---------------------------------------------------------------- corpus (as crates/bench)

function readTxt(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}
const articles = [...readTxt(path.join(shared, 'corpus/korea-oil')), ...readTxt(path.join(shared, 'bench/polnear/dev/text'))];
if (articles.length === 0) { console.error(`no articles under ${shared}`); process.exit(1); }

const bytesOf = (t) => Buffer.byteLength(t, 'utf8');
// A word: a whitespace-separated run containing a letter or digit (as crates/bench).
const countWords = (t) => t.split(/\s+/u).filter((w) => /[\p{Alphabetic}\p{N}]/u.test(w)).length;
for (const a of articles) { a.bytes = bytesOf(a.text); a.words = countWords(a.text); }

function corpusBytes(target, from = 0) {
  const out = []; let total = 0;
  for (let i = from; total < target; i++) {
    const a = articles[i % articles.length];
    out.push({ name: `${String(i).padStart(5, '0')}-${a.name}`, text: a.text, bytes: a.bytes, words: a.words });
    total += a.bytes;
  }
  return out;
}
function corpusCount(n) {
  return Array.from({ length: n }, (_, i) => {
    const a = articles[i % articles.length];
    return { name: `${String(i).padStart(5, '0')}-${a.name}`, text: a.text, bytes: a.bytes, words: a.words };
  });
}
const sum = (xs, k) => xs.reduce((s, x) => s + x[k], 0);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// ---------------------------------------------------------------- in the page

// Runs in the blank page: starts a worker, waits for `ready`, then posts each batch
// (one request per batch, in order) and times it.
async function pageRun({ batches, waitWarm }) {
  // The worker protocol (src/lib.rs Request / WorkerMsg, src/bin/worker.rs): the page posts
  // [request JSON, Uint8Array, ...] (one byte array per source of an `analyze` request);
  // the worker answers JSON strings with `kind` ready and progress (throttled; always for
  // the last file), and `done` as JSON bytes in a Uint8Array (decoded and parsed here, as
  // the app's page parses it).
  const request = (id, files) => [
    JSON.stringify({ kind: 'analyze', id, sources: files.map((f) => ({ name: f.name })), edits: [] }),
    ...files.map((f) => f.bytes),
  ];
  const enc = new TextEncoder();
  const prepared = batches.map((b) => b.map((f) => ({ name: f.name, bytes: enc.encode(f.text) })));
  const worker = new Worker('./worker_loader.js');
  const t0 = performance.now();
  let onMsg = null;
  worker.onmessage = (e) => {
    let m = e.data;
    try {
      if (typeof m === 'string') m = JSON.parse(m);
      else if (m instanceof Uint8Array) m = JSON.parse(new TextDecoder().decode(m));
    } catch { return; }
    onMsg?.(m, e.data);
  };
  await new Promise((resolve, reject) => {
    onMsg = (m) => { if (m.kind === 'ready') resolve(); };
    worker.onerror = (e) => reject(new Error(`worker error: ${e.message}`));
  });
  const readyMs = performance.now() - t0;
  const results = [];
  // the worker's `warm` message (its practice after the first request; see src/lib.rs
  // Engine::warm_pass), listened for from the start
  let warm = null;
  const warmed = new Promise((resolve) => {
    worker.addEventListener('message', (e) => {
      if (typeof e.data !== 'string') return;
      try { const m = JSON.parse(e.data); if (m.kind === 'warm') { warm = m; resolve(m); } } catch { /* not JSON */ }
    });
  });
  for (let i = 0; i < prepared.length; i++) {
    const id = i + 1;
    const files = prepared[i];
    const r = await new Promise((resolve) => {
      let lastProgress = 0, progress = 0, errors = 0;
      const start = performance.now();
      onMsg = (m, raw) => {
        if (m.id !== id) return;
        if (m.kind === 'progress') {
          progress++; lastProgress = performance.now();
          if (m.error) errors++;
        } else if (m.kind === 'done') {
          const end = performance.now();
          resolve({
            pipeline_ms: (lastProgress || end) - start, total_ms: end - start, files: files.length, progress,
            errors, documents: m.analysis?.documents?.length ?? null, done_json_bytes: raw instanceof Uint8Array ? raw.length : typeof raw === 'string' ? raw.length : null,
          });
        }
      };
      worker.postMessage(request(id, files));
    });
    results.push(r);
    if (i === 0 && waitWarm) {
      await Promise.race([warmed, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    }
  }
  return { readyMs, results, warm, terminate: () => worker.terminate() };
}

// ---------------------------------------------------------------- driver

async function main() {
  if (!fs.existsSync(path.join(dist, 'worker_loader.js'))) {
    console.error('dist/ is missing: run `trunk build --release --offline` first'); process.exit(1);
  }
  const server = http.createServer(serve);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
  const out = {
    browser: `Chromium ${browser.version()}`,
    date: new Date().toISOString(),
    runs,
    source_articles: articles.length,
  };
  const log = (...a) => console.error(...a);

  // One measurement in a fresh page + worker: returns timings and the worker's memory.
  // With `warm`, a first untimed request (8 articles) builds the lexicons and regexes and
  // lets the engine tier up, as the native bench warms up before timing; in the app the
  // example corpus analysed on page load does the same.
  // With `waitWarm` (the default), the timed requests start once the worker has finished its
  // warm-up practice, as in the app, where it practises while the example is on screen
  // (scripts/app-bench.mjs); without, they start right after the first request.
  const warmUps = [];
  async function measure(batches, warm = true, waitWarm = true) {
    if (warm) batches = [articles.slice(0, 8), ...batches];
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base + BENCH_PAGE.slice(1));
    const handle = await page.evaluateHandle(pageRun, { batches: batches.map((b) => b.map(({ name, text }) => ({ name, text }))), waitWarm: warm && waitWarm });
    const res = await handle.evaluate((h) => ({ readyMs: h.readyMs, results: h.results, warm: h.warm }));
    if (warm) res.results = res.results.slice(1);
    let wasmMemory = null;
    for (const w of page.workers()) {
      // the coordinating worker, not a helper (helpers are named, src/bin/worker.rs);
      // wasm_bindgen() returns the already instantiated module's exports.
      const m = await w.evaluate(async () => (self.name === 'parallax-helper' ? null : (await wasm_bindgen()).memory.buffer.byteLength)).catch(() => null);
      if (m != null) wasmMemory = m;
    }
    await handle.evaluate((h) => h.terminate());
    await ctx.close();
    if (res.warm) warmUps.push(res.warm);
    if (errors.length) throw new Error(errors.join('\n'));
    return { ...res, wasmMemory };
  }

  // First analysis on page load (first visit: the example corpus is analysed at once).
  const firsts = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(base);
    // Results on screen: the sources table has rows (or the page says it is done).
    await page.waitForFunction(() => {
      const done = document.querySelector('#sources tbody tr') || document.querySelector('.page')?.dataset.state === 'done';
      if (done && !window.__benchFirst) window.__benchFirst = performance.now();
      return !!done;
    }, null, { timeout: 60_000, polling: 'raf' });
    const t = await page.evaluate(() => ({
      first: window.__benchFirst,
      dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
    }));
    firsts.push(t.first);
    log(`first analysis on page load: ${t.first.toFixed(0)} ms (DOMContentLoaded ${t.dcl?.toFixed(0)} ms)`);
    await ctx.close();
  }
  out.first_analysis_ms = Math.round(median(firsts));

  // Cold start in the worker: the first request pays for parsing the lexicons, compiling
  // the regexes and running on the baseline (not yet optimised) WebAssembly tier.
  {
    const example = articles.slice(0, 5);
    const cold = [], warm = [], ready = [];
    for (let i = 0; i < runs; i++) {
      const m = await measure([example, example, example], false);
      ready.push(m.readyMs); cold.push(m.results[0].total_ms); warm.push(Math.min(m.results[1].total_ms, m.results[2].total_ms));
    }
    out.cold_start = {
      documents: example.length, words: sum(example, 'words'),
      worker_ready_ms: Math.round(median(ready)), first_request_ms: Math.round(median(cold)), warm_request_ms: Math.round(median(warm)),
    };
    log(`worker: ready ${out.cold_start.worker_ready_ms} ms, first request ${out.cold_start.first_request_ms} ms, warm ${out.cold_start.warm_request_ms} ms`);
  }

  // Per-document pipeline over 1 MB and 10 MB.
  out.corpora = {};
  const sizes = quick ? [1] : [1, 10];
  for (const mb of sizes) {
    const batches = [];
    for (let k = 0, from = 0; k < mb; k++) {
      const b = corpusBytes(MB, from); from += b.length; batches.push(b);
    }
    const files = batches.flat();
    const words = sum(files, 'words'), bytes = sum(files, 'bytes');
    const pipe = [], total = [], mem = [];
    let ready = null;
    for (let r = 0; r < runs; r++) {
      const m = await measure(batches);
      pipe.push(m.results.reduce((s, x) => s + x.pipeline_ms, 0));
      total.push(m.results.reduce((s, x) => s + x.total_ms, 0));
      mem.push(m.wasmMemory); ready = m.readyMs;
    }
    const p = median(pipe);
    out.corpora[`${mb}MB`] = {
      documents: files.length, bytes, words, requests: batches.length,
      pipeline_ms: Math.round(p), total_ms: Math.round(median(total)),
      words_per_second: Math.round(words / (p / 1000)),
      wasm_memory_bytes: Math.max(...mem.filter((x) => x != null)),
      worker_ready_ms: Math.round(ready),
    };
    log(`${mb} MB: ${files.length} docs, ${words} words, pipeline ${p.toFixed(0)} ms = ${out.corpora[`${mb}MB`].words_per_second} words/s`);
  }
  out.words_per_second = out.corpora['1MB'].words_per_second;

  // Analyse + compare n articles in one request.
  out.scaling = {};
  out.analyze_compare_ms = {};
  for (const n of quick ? [100, 1000] : [100, 1000, 5000]) {
    const files = corpusCount(n);
    const words = sum(files, 'words');
    const pipe = [], total = [], mem = [];
    const nRuns = n >= 5000 ? 1 : runs;
    for (let r = 0; r < nRuns; r++) {
      const m = await measure([files]);
      pipe.push(m.results[0].pipeline_ms); total.push(m.results[0].total_ms); mem.push(m.wasmMemory);
      if (m.results[0].documents !== n) log(`  warning: ${m.results[0].documents} of ${n} documents analysed`);
    }
    const p = median(pipe), t = median(total);
    out.scaling[n] = {
      words, analyse_ms: Math.round(p), compare_and_transfer_ms: Math.round(t - p), total_ms: Math.round(t),
      per_article_ms: +(t / n).toFixed(3), wasm_memory_bytes: Math.max(...mem.filter((x) => x != null)),
    };
    out.analyze_compare_ms[n] = Math.round(t);
    log(`${n} articles: analyse ${p.toFixed(0)} ms, total ${t.toFixed(0)} ms`);
  }
  // The same 1,000 on a cold worker: the timed request right after the first (8 articles),
  // while the worker's code is still being optimised (what the warm-up avoids).
  {
    const files = corpusCount(1000);
    const pipe = [], total = [], warms = [];
    for (let r = 0; r < runs; r++) {
      const m = await measure([files], true, false);
      pipe.push(m.results[0].pipeline_ms); total.push(m.results[0].total_ms);
    }
    const p = median(pipe), t = median(total);
    out.scaling_cold = { 1000: { words: sum(files, 'words'), analyse_ms: Math.round(p), compare_and_transfer_ms: Math.round(t - p), total_ms: Math.round(t) } };
    log(`1000 articles, cold worker: analyse ${p.toFixed(0)} ms, total ${t.toFixed(0)} ms`);
  }

  // The whole app: 1,000 files through the page's file picker until the Sources view
  // lists them (reading, worker + helpers, transfer, parsing and rendering on the page).
  {
    const page = await browser.newPage();
    await page.goto(base + BENCH_PAGE.slice(1));
    out.hardware_concurrency = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.close();
  }
  if (warmUps.length) {
    out.warm_up = { ms: Math.round(median(warmUps.map((w) => w.ms))), words: median(warmUps.map((w) => w.words)), runs: warmUps.length };
  }
  await browser.close();
  server.close();
  // after this bench's own browser is closed: it launches its own, and a second browser
  // still holding the runs above (5,000 articles) slowed it by a second
  const appRun = spawnSync(process.execPath, [path.join(root, 'scripts/app-bench.mjs'), '--n', '1000', '--runs', String(runs)],
    { encoding: 'utf8', env: process.env, maxBuffer: 1 << 20 });
  if (appRun.status === 0) {
    out.app = JSON.parse(appRun.stdout.trim().split('\n').pop());
    log(`app, 1,000 files dropped until shown: ${out.app.median_ms} ms`);
  } else {
    log(`app bench failed: ${appRun.stderr}`);
  }

  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
  log(`wrote ${path.relative(root, outFile)}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
