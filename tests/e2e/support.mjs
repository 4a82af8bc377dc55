// Shared helpers of the end-to-end tests (not a test file: node --test only runs
// *.test.mjs). A static server for dist/ under a sub-path (so the site must use relative
// URLs), a persistent Chromium context (the page keeps its workspace in IndexedDB),
// console watching, the native JSON to compare with, and page-level waits.
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(root, 'dist');
export const outDir = path.join(root, 'tests/e2e/output');
export const SUB = '/some/sub/path/';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

/// Serves dist/ under SUB and opens a persistent Chromium context. Returns
/// { baseUrl, context, requests (paths served), close() }.
export async function startApp() {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'dist/ is missing: run `trunk build --release` first');
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(url.pathname);
    if (!url.pathname.startsWith(SUB)) { res.writeHead(404).end(); return; }
    const rel = decodeURIComponent(url.pathname.slice(SUB.length)) || 'index.html';
    const file = path.resolve(dist, rel);
    if (!file.startsWith(dist + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end(); return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${server.address().port}${SUB}`;
  fs.mkdirSync(outDir, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
    viewport: { width: 1280, height: 900 },
  });
  return {
    baseUrl, context, requests,
    async close() {
      await context.close();
      server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export function watchConsole(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  return problems;
}

export function nativeAnalysis() {
  const p = process.env.PARALLAX_NATIVE_JSON ?? path.join(root, 'target/wasm-test/native.json');
  return fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, 'utf8')) : null;
}

// The page keeps the workspace across visits (IndexedDB): tests that need an empty
// workspace wait for the page to settle and clear it.
export async function clearWorkspace(page) {
  await page.waitForFunction(() => ['idle', 'done'].includes(document.querySelector('.page')?.dataset.state),
    null, { timeout: 60_000 });
  if (await page.locator('#clear-all').isEnabled()) await page.locator('#clear-all').click();
  await page.waitForSelector('.page[data-state="idle"]');
}

export async function waitForCorpus(page, label) {
  await page.waitForFunction(
    (l) => document.querySelector('.page')?.dataset.state === 'done'
      && document.querySelector('.status.done')?.textContent.includes(l),
    label, { timeout: 60_000 });
}

// Every view's text: each tab in turn, then the Reader on every source. Ends on the Reader.
export async function allViewsText(page) {
  let text = '';
  for (const id of ['sources', 'stances', 'figures', 'quotes', 'differences']) {
    await page.locator(`#tab-${id}`).click();
    text += await page.locator('.results').textContent();
  }
  await page.locator('#tab-reader').click();
  const files = await page.locator('#reader-source option').evaluateAll((os) => os.map((o) => o.value));
  for (const f of files) {
    await page.locator('#reader-source').selectOption(f);
    await page.waitForFunction((f) => document.querySelector('#reader-source')?.value === f, f);
    text += await page.locator('.results').textContent();
  }
  return text;
}
