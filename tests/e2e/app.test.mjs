// End-to-end test of the built web app (dist/) in headless Chromium, driven by
// playwright-core (the system Chromium; no browser download).
//
// dist/ is served under a sub-path (/some/sub/path/) by a tiny static server, to check the
// site only uses relative URLs. The test waits for the example corpus that a first visit
// loads, drops the five example files on the drop zone (a synthetic DataTransfer drop),
// waits for the analysis, and checks the panels against the native CLI's JSON
// (PARALLAX_NATIVE_JSON, written by scripts/test.sh). No console error may occur.
// Screenshots go to tests/e2e/output/.
//
// Run: node --test tests/e2e/

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { allViewsText } from './support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const outDir = path.join(root, 'tests/e2e/output');
const exampleDir = path.join(root, 'www/examples/korea-oil');
const SUB = '/some/sub/path/';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

let server, baseUrl, context, userDataDir;
const requests = [];

function serveDist(req, res) {
  const url = new URL(req.url, 'http://localhost');
  requests.push(url.pathname);
  if (!url.pathname.startsWith(SUB)) { res.writeHead(404).end(); return; }
  let rel = decodeURIComponent(url.pathname.slice(SUB.length)) || 'index.html';
  const file = path.resolve(dist, rel);
  if (!file.startsWith(dist + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404).end(); return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}

before(async () => {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'dist/ is missing: run `trunk build --release` first');
  server = http.createServer(serveDist);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${server.address().port}${SUB}`;
  fs.mkdirSync(outDir, { recursive: true });
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-e2e-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
    viewport: { width: 1280, height: 900 },
  });
});

after(async () => {
  await context?.close();
  server?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

function watchConsole(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  return problems;
}

function nativeAnalysis() {
  const p = process.env.PARALLAX_NATIVE_JSON ?? path.join(root, 'target/wasm-test/native.json');
  return fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, 'utf8')) : null;
}

// The page keeps the workspace across visits (IndexedDB): tests that need an empty
// workspace wait for the page to settle and clear it.
async function clearWorkspace(page) {
  await page.waitForFunction(() => ['idle', 'done'].includes(document.querySelector('.page')?.dataset.state),
    null, { timeout: 60_000 });
  if (await page.locator('#clear-all').isEnabled()) await page.locator('#clear-all').click();
  await page.waitForSelector('.page[data-state="idle"]');
}

async function waitForCorpus(page, label) {
  await page.waitForFunction(
    (l) => document.querySelector('.page')?.dataset.state === 'done'
      && document.querySelector('.status.done')?.textContent.includes(l),
    label, { timeout: 60_000 });
}

test('first visit loads the example, dropping five files analyses them', async () => {
  const page = await context.newPage();
  const problems = watchConsole(page);
  // count the workers the page itself starts (the worker's helpers are its own)
  await page.addInitScript(() => {
    window.__pageWorkers = 0;
    const W = window.Worker;
    window.Worker = function Worker(...args) { window.__pageWorkers += 1; return new W(...args); };
  });
  await page.goto(baseUrl);

  // First visit: the bundled example is loaded and analysed without any action.
  await waitForCorpus(page, 'Example');
  assert.equal(await page.locator('#sources tbody tr').count(), 5);
  // by the worker boot.js started before the page's module loaded: the page adopted it
  // (and the messages it sent before then) rather than starting a second one
  assert.equal(await page.evaluate(() => window.__pageWorkers), 1);
  await page.screenshot({ path: path.join(outDir, 'example.png'), fullPage: true });

  // Drop the five example files on the drop zone.
  const manifest = JSON.parse(fs.readFileSync(path.join(exampleDir, 'manifest.json'), 'utf8'));
  const files = manifest.files.map((name) => ({ name, text: fs.readFileSync(path.join(exampleDir, name), 'utf8') }));
  assert.equal(files.length, 5);
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    const zone = document.querySelector('.dropzone');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, files);
  await waitForCorpus(page, '5 dropped files');

  // Sources: five rows, each with a non-empty title.
  const titles = await page.locator('#sources tbody td.title').evaluateAll(
    (tds) => tds.map((td) => td.firstChild?.textContent?.trim() ?? ''));
  assert.equal(titles.length, 5);
  for (const t of titles) assert.ok(t.length > 0, 'every source shows a title');
  assert.match(await page.locator('#sources h2').textContent(), /Sources \(5\)/);

  // The panels show exactly what the native analysis found.
  const native = nativeAnalysis();
  await page.screenshot({ path: path.join(outDir, 'dropped.png'), fullPage: true });
  await page.locator('#tab-figures').click();
  const figureRows = await page.locator('#figure-list tbody tr').count();
  await page.locator('#tab-quotes').click();
  const quoteItems = await page.locator('#quote-list ul.quotes > li').count();
  await page.locator('#tab-stances').click();
  const chips = await page.locator('#stances table.matrix li.chip').count();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(outDir, 'dropped-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  if (native) {
    const nFigures = native.documents.reduce((n, d) => n + d.figures.length, 0);
    const nQuotes = native.documents.reduce((n, d) => n + d.quotes.length, 0);
    assert.deepEqual(titles, native.documents.map((d) => (d.title?.trim() || d.file)));
    assert.equal(figureRows, nFigures, 'one figures row per extracted figure');
    assert.equal(chips, native.stances.length, 'one matrix chip per stance');
    assert.equal(quoteItems, nQuotes, 'every quote is listed');
    if (nFigures > 0) assert.ok(figureRows > 0, 'the figures table has rows');
    if (native.stances.length > 0) {
      assert.ok(await page.locator('#stances table.matrix tbody tr').count() > 0, 'the stance matrix has rows');
      const label = await page.locator('#stances li.chip').first().textContent();
      assert.match(label, /^S\d+ (supports|opposes|mixed|neutral)$/, 'chips carry a text label');
    }
  }
  assert.ok(await page.locator('#stances h2').isVisible(), 'the stance matrix panel renders');

  // The Content-Security-Policy allows no other origin and no inline script.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline scripts');

  // Only this server was contacted, only under the sub-path.
  for (const p of requests) assert.ok(p.startsWith(SUB), `request outside the sub-path: ${p}`);
  assert.deepEqual(problems, [], problems.join('\n'));
  await page.close();
});

test('a bad file is reported while the others are analysed', async () => {
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(baseUrl);
  // Not the first visit any more: no example is loaded by itself (the previous test's
  // workspace is restored; start from an empty one).
  await clearWorkspace(page);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array([0, 1, 2, 0, 255, 0, 3, 0])], 'binary.txt'));
    dt.items.add(new File([''], 'empty.md'));
    dt.items.add(new File(['Exports rise <b>sharply</b> <img src=x onerror="console.error(1)">\n\n'
      + 'The ministry said on Monday that exports rose 4.5 percent to 12 million tonnes in May.\n\n'
      + '"We expect more growth," the minister said. <script>console.error(2)</script>\n'],
      'markup.txt', { type: 'text/plain' }));
    const zone = document.querySelector('.dropzone');
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  await waitForCorpus(page, '3 dropped files');
  const errors = await page.locator('.errors li').allTextContents();
  assert.equal(errors.length, 2, errors.join('\n'));
  assert.ok(errors.some((e) => e.startsWith('binary.txt')));
  assert.ok(errors.some((e) => e.startsWith('empty.md')));
  assert.equal(await page.locator('#sources tbody tr').count(), 1);
  // Article text is rendered as text, never as markup.
  assert.equal(await page.locator('.results b, .results img, .results script').count(), 0);
  assert.match(await allViewsText(page), /<b>sharply<\/b>|<script>/);
  assert.equal(await page.locator('.results b, .results img, .results script').count(), 0, 'not in the Reader either');
  assert.deepEqual(problems, [], problems.join('\n'));
  await page.screenshot({ path: path.join(outDir, 'errors.png'), fullPage: true });
  await page.close();
});

test('the drop zone is keyboard accessible', async () => {
  const page = await context.newPage();
  await page.goto(baseUrl);
  // Wait for the app to settle (no file reading or analysis under way) so the drop zone
  // is not re-rendered under the key press.
  await clearWorkspace(page);
  // Tab reaches the drop zone (it is the first focusable control after the header
  // buttons) and Enter on it opens the file picker: the page clicks the hidden multiple
  // file input inside the key event. Whether headless Chromium then shows a chooser
  // depends on window focus across the test's pages, so the test observes the click
  // itself and then sets the files on that input.
  await page.focus('.dropzone');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('dropzone')), true);
  await page.evaluate(() => {
    window.__pickerClicks = 0;
    document.querySelector('#file-input').addEventListener('click', (e) => { window.__pickerClicks++; e.preventDefault(); });
  });
  await page.keyboard.press('Enter');
  await page.keyboard.press(' ');
  await page.keyboard.press('a');
  assert.equal(await page.evaluate(() => window.__pickerClicks), 2, 'Enter and Space open the picker, other keys do not');
  assert.equal(await page.evaluate(() => document.querySelector('#file-input').multiple), true);
  await page.setInputFiles('#file-input', path.join(exampleDir, manifestFirst()));
  await waitForCorpus(page, '1 chosen file');
  assert.equal(await page.locator('#sources tbody tr').count(), 1);
  await page.close();
});

function manifestFirst() {
  return JSON.parse(fs.readFileSync(path.join(exampleDir, 'manifest.json'), 'utf8')).files[0];
}
