// Hostile articles in the browser: a saved page full of scripts, event handlers,
// javascript:/data: links, frames, objects, CSS url(), a meta refresh and a <base href>
// (tests/odd-input/hostile.html), dropped as .html, as a .txt holding the same page, and
// a plain-text article with markup inside (tests/odd-input/hostile.txt).
//
// The app must treat all of it as text: no dialog opens, no request leaves for another
// origin (every request outside the app's own files is blocked and recorded), no
// Content-Security-Policy violation occurs (a violation would mean something tried to
// run or load), no element or attribute from the article exists in the DOM, the page
// does not navigate, and the markup of the text file shows literally.
//
// Same server and Chromium setup as app.test.mjs. Run: node --test tests/e2e/

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
const fixtures = path.join(root, 'tests/odd-input');
const SUB = '/some/sub/path/';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

let server, baseUrl, origin, context, userDataDir;
const served = [];

function serveDist(req, res) {
  const url = new URL(req.url, 'http://localhost');
  served.push(url.pathname);
  if (!url.pathname.startsWith(SUB)) { res.writeHead(404).end(); return; }
  const rel = decodeURIComponent(url.pathname.slice(SUB.length)) || 'index.html';
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
  origin = `http://127.0.0.1:${server.address().port}`;
  baseUrl = `${origin}${SUB}`;
  fs.mkdirSync(outDir, { recursive: true });
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-e2e-hostile-'));
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

test('hostile articles are analysed as text: nothing runs, loads or renders', async () => {
  // Everything that is not one of this server's files is blocked and recorded: the
  // test must not depend on the network, and any attempt is a failure.
  const foreign = [];
  await context.route((url) => !url.href.startsWith(baseUrl), (route) => {
    foreign.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));

  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  const popups = [];
  page.on('popup', (p) => popups.push(p.url()));
  const problems = [];
  page.on('console', (m) => {
    const t = m.text();
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(t)) problems.push(`console.${m.type()}: ${t}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

  await page.goto(baseUrl);
  // CSP violations are also reported as DOM events (with the directive and the URL).
  await page.evaluate(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  // A first visit loads the bundled example by itself: let that finish first, so the
  // drop below is not raced by it.
  await page.waitForFunction(() => document.querySelector('.page')?.dataset.state === 'done'
      && document.querySelector('.status.done')?.textContent.includes('Example'), null, { timeout: 60_000 });
  // The workspace keeps what was loaded: start from an empty one.
  if (await page.locator('#clear-all').isEnabled()) await page.locator('#clear-all').click();
  await page.waitForSelector('.page[data-state="idle"]');

  const html = fs.readFileSync(path.join(fixtures, 'hostile.html'), 'utf8');
  const txt = fs.readFileSync(path.join(fixtures, 'hostile.txt'), 'utf8');
  const files = [
    { name: 'hostile.html', text: html, type: 'text/html' },
    { name: 'hostile-page.txt', text: html, type: 'text/plain' },
    { name: 'hostile.txt', text: txt, type: 'text/plain' },
  ];
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: f.type }));
    const zone = document.querySelector('.dropzone');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, files);
  await page.waitForFunction(
    () => document.querySelector('.page')?.dataset.state === 'done'
      && document.querySelector('.status.done')?.textContent.includes('3 dropped files'),
    null, { timeout: 60_000 });
  assert.equal(await page.locator('#sources tbody tr').count(), 3, 'all three files are analysed');
  // Render every view, ending on the Reader (the article text itself) before checking.
  const shown = await allViewsText(page);
  // Give anything that might have been scheduled (refresh, onerror, timers) time to fire.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(outDir, 'hostile.png'), fullPage: true });

  // Nothing ran.
  assert.deepEqual(dialogs, [], 'no alert/confirm/prompt dialog');
  assert.deepEqual(popups, [], 'no window opened');
  assert.equal(page.url(), baseUrl, 'the page did not navigate (meta refresh, base href)');
  assert.equal(page.frames().length, 1, 'no frame was created');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
  assert.deepEqual(problems, [], problems.join('\n'));

  // Nothing loaded from elsewhere, and only the app's own files from here.
  assert.deepEqual(foreign, [], `requests to other origins: ${foreign.join(', ')}`);
  for (const u of requests) assert.ok(u.startsWith(baseUrl), `request outside the app: ${u}`);
  for (const p of served) assert.ok(p.startsWith(SUB), `request outside the sub-path: ${p}`);
  const appFile = /^(|index\.html|boot\.js|app\.js|app_bg\.wasm|worker\.js|worker_bg\.wasm|worker_loader\.js|[\w.-]+\.css|icon\.svg|examples\/[\w./-]+)$/;
  for (const u of requests) {
    const rel = new URL(u).pathname.slice(SUB.length);
    assert.match(rel, appFile, `request for something that is not an app file: ${u}`);
  }

  // No element or attribute from the articles exists in the DOM.
  const dom = await page.evaluate(() => {
    const bad = [];
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['iframe', 'object', 'embed', 'video', 'audio', 'base', 'form', 'math', 'template', 'frame'].includes(tag)) bad.push(`<${tag}>`);
      if (tag === 'meta' && el.httpEquiv && el.httpEquiv.toLowerCase() === 'refresh') bad.push('<meta refresh>');
      if (tag === 'script' && (!el.src || !el.src.startsWith(location.href.replace(/[^/]*$/, '')))) bad.push(`<script src=${el.src}>`);
      if (tag === 'img' && !el.src.startsWith(location.origin)) bad.push(`<img src=${el.src}>`);
      for (const a of el.attributes) {
        const v = a.value.toLowerCase();
        if (a.name.startsWith('on') || a.name === 'srcdoc' || v.includes('javascript:') || v.includes('evil.example')
          || v.includes('alert(') || v.startsWith('data:text')) {
          bad.push(`<${tag} ${a.name}="${a.value}">`);
        }
      }
    }
    return bad;
  });
  assert.deepEqual(dom, [], 'no element or attribute from the articles');
  assert.equal(await page.locator('.results img, .results script, .results iframe, .results svg a, .results b').count(), 0);

  // The text shows, and the text file's markup shows literally.
  assert.match(shown, /Port deal signed/);
  assert.match(shown, /We will not stop here/);
  assert.ok(shown.includes('Port deal signed <b>today</b>'), 'the text file\'s title shows its markup as text');
  assert.ok(!/SCRIPT-LEAK|STYLE-LEAK|IMG-ONERROR|JS-LINK|DATA-URL|SRCDOC/.test(shown), 'nothing of the page\'s code shows');
  await page.close();
});
