// End-to-end test of the workspace side of the web app (dist/) in headless Chromium:
// adding files and folders, replacing and removing sources, clear + undo, cancelling a
// long analysis, exports (JSON, CSV, HTML, Markdown) checked against the native CLI's
// JSON, saving and reopening a workspace file (and refusing a corrupt one), share links,
// persistence across a reload, and a 200 MB file refused (read no further than the limit). dist/ is
// served under a sub-path to check relative URLs. Screenshots go to
// tests/e2e/output/workspace-*.png.
//
// Run: PARALLAX_NATIVE_JSON=target/wasm-test/native.json node --test tests/e2e/workspace.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const outDir = path.join(root, 'tests/e2e/output');
const exampleDir = path.join(root, 'www/examples/korea-oil');
const SUB = '/some/sub/path/';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

let server, baseUrl, context, userDataDir, tmp;
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

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

async function launch(dir) {
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, acceptDownloads: true,
  });
}

before(async () => {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'dist/ is missing: run `trunk build --release` first');
  server = http.createServer(serveDist);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${server.address().port}${SUB}`;
  fs.mkdirSync(outDir, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-ws-'));
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-ws-profile-'));
  context = await launch(userDataDir);
});

after(async () => {
  await context?.close();
  server?.close();
  for (const d of [userDataDir, tmp]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

function watchConsole(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

function nativeAnalysis() {
  const p = process.env.PARALLAX_NATIVE_JSON ?? path.join(root, 'target/wasm-test/native.json');
  return fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, 'utf8')) : null;
}

const manifest = () => JSON.parse(fs.readFileSync(path.join(exampleDir, 'manifest.json'), 'utf8')).files;

async function settled(page) {
  await page.waitForFunction(() => ['idle', 'done'].includes(document.querySelector('.page')?.dataset.state),
    null, { timeout: 120_000 });
}

async function waitForLabel(page, label) {
  await page.waitForFunction(
    (l) => document.querySelector('.page')?.dataset.state === 'done'
      && document.querySelector('.status.done')?.textContent.includes(l),
    label, { timeout: 120_000 });
}

// The workspace's source list (opened first: a closed list of many sources is not rendered).
async function sourceNames(page) {
  const list = page.locator('.workspace-sources');
  if (!(await list.evaluate((d) => d.open))) {
    await list.locator('summary').click();
    await page.waitForFunction(() => {
      const n = +(document.querySelector('.workspace-sources summary')?.textContent.match(/(\d+) source/)?.[1] ?? -1);
      return document.querySelectorAll('.workspace-sources li').length === n;
    });
  }
  return page.locator('.workspace-sources li .name').allTextContents();
}

async function drop(page, files) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: f.type ?? 'text/plain' }));
    document.querySelector('.dropzone').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, files);
}

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const p = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(p);
  return { name: dl.suggestedFilename(), path: p, text: fs.readFileSync(p, 'utf8') };
}

async function exportItem(page, what) {
  await page.locator('.export-menu > summary').click();
  const r = await download(page, () => page.locator(`button[data-export="${what}"]`).click());
  if (await page.locator('.export-menu[open]').count()) await page.locator('.export-menu > summary').click();
  return r;
}

function parseCsv(s) {
  const rows = []; let row = []; let field = ''; let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (c === '"') q = false; else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r') {}
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  return rows;
}

test('workspace: example, add files and a folder, replace, remove, clear + undo, reload', async () => {
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(baseUrl);
  await waitForLabel(page, 'Example');
  const example = manifest();
  assert.deepEqual(await sourceNames(page), example);

  // Add two files by drop.
  const text = fs.readFileSync(path.join(exampleDir, example[0]), 'utf8');
  await drop(page, [{ name: 'extra-a.txt', text }, { name: 'extra-b.md', text: '# Extra\n\n' + text }]);
  await waitForLabel(page, '2 dropped files');
  assert.equal((await sourceNames(page)).length, 7);
  assert.equal(await page.locator('#sources tbody tr').count(), 7);

  // Add a folder through the folder picker: hidden files and hidden folders are skipped.
  const folder = path.join(tmp, 'folder');
  fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
  fs.mkdirSync(path.join(folder, '.git'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'f1.txt'), text);
  fs.writeFileSync(path.join(folder, 'sub', 'f2.html'), `<html><head><title>F2</title></head><body><article><p>${text.split('\n\n').join('</p><p>')}</p></article></body></html>`);
  fs.writeFileSync(path.join(folder, '.hidden.txt'), 'hidden');
  fs.writeFileSync(path.join(folder, '.git', 'config.txt'), 'hidden');
  assert.equal(await page.evaluate(() => document.querySelector('#folder-input').hasAttribute('webkitdirectory')), true);
  await page.setInputFiles('#folder-input', folder);
  await waitForLabel(page, '2 folder files');
  const names = await sourceNames(page);
  assert.equal(names.length, 9);
  assert.ok(names.includes('f1.txt') && names.includes('f2.html'));
  assert.ok(!names.some((n) => n.startsWith('.')), 'hidden files are skipped');

  // Two files of one folder drop with the same name (in different subfolders) are both kept.
  const twins = path.join(tmp, 'twins');
  for (const [sub, extra] of [['x', 'A first version.'], ['y', 'A second version.']]) {
    fs.mkdirSync(path.join(twins, sub), { recursive: true });
    fs.writeFileSync(path.join(twins, sub, 'same.txt'), `${text}\n\n${extra}`);
  }
  await page.setInputFiles('#folder-input', twins);
  await waitForLabel(page, '2 folder files');
  const withTwins = await sourceNames(page);
  assert.equal(withTwins.length, 11);
  assert.ok(withTwins.includes('same.txt') && withTwins.includes('same (2).txt'), withTwins.join(', '));
  assert.match(await page.locator('.notice').textContent(), /same \(2\)\.txt/);
  for (const n of ['same.txt', 'same (2).txt']) {
    await page.locator(`.workspace-sources li[data-name="${n}"] button`).click();
    await page.waitForFunction((n) => !document.querySelector(`.workspace-sources li[data-name="${n}"]`), n);
  }
  await settled(page);
  assert.equal((await sourceNames(page)).length, 9);

  // Re-dropping a file with the same name replaces it.
  await drop(page, [{ name: 'extra-a.txt', text: text.replace(/\n\n/, '\n\nAn added paragraph from the editors.\n\n') }]);
  await waitForLabel(page, '1 dropped file');
  assert.equal((await sourceNames(page)).length, 9);

  // Remove one source.
  await page.locator('.workspace-sources li[data-name="extra-b.md"] button.remove').click();
  await waitForLabel(page, 'Removed extra-b.md');
  assert.equal((await sourceNames(page)).length, 8);
  assert.equal(await page.locator('#sources tbody tr').count(), 8);
  await page.screenshot({ path: path.join(outDir, 'workspace-sources.png'), fullPage: true });

  // Clear all, then Undo.
  await page.locator('#clear-all').click();
  await settled(page);
  assert.equal(await page.locator('.workspace-sources').count(), 0);
  assert.equal(await page.locator('#sources').count(), 0);
  await page.screenshot({ path: path.join(outDir, 'workspace-cleared.png'), fullPage: true });
  await page.locator('#undo').click();
  await waitForLabel(page, 'Restored');
  assert.equal((await sourceNames(page)).length, 8);

  // Loading the example replaces the workspace; Undo brings it back.
  await page.locator('.topbar button', { hasText: 'Load example' }).click();
  await waitForLabel(page, 'Example');
  assert.equal((await sourceNames(page)).length, 5);
  await page.locator('#undo').click();
  await waitForLabel(page, 'Restored');
  assert.equal((await sourceNames(page)).length, 8);

  // Reload: the workspace comes back from IndexedDB (and the example does not replace it).
  await page.waitForTimeout(300); // let the IndexedDB write of the last change finish
  await page.reload();
  await waitForLabel(page, 'Restored workspace');
  assert.equal((await sourceNames(page)).length, 8);
  assert.deepEqual(problems, [], problems.join('\n'));
  await page.close();
});

test('workspace: exports equal the native analysis', async () => {
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(baseUrl);
  await settled(page);
  await page.locator('#clear-all').click().catch(() => {});
  await settled(page);
  await page.locator('.topbar button', { hasText: 'Load example' }).click();
  await waitForLabel(page, 'Example');
  const native = nativeAnalysis();

  const json = await exportItem(page, 'json');
  assert.equal(json.name, 'parallax-analysis.json');
  const a = JSON.parse(json.text);
  assert.equal(a.documents.length, 5);
  if (native) assert.deepEqual(a, native, 'the page exports exactly the native analysis');

  const ref = native ?? a;
  const counts = {
    sources: ref.documents.length + ref.errors.length,
    stances: ref.stances.length,
    figures: ref.documents.reduce((n, d) => n + d.figures.length, 0),
    quotes: ref.documents.reduce((n, d) => n + d.quotes.length, 0),
    figure_groups: ref.figure_groups.reduce((n, g) => n + g.members.length, 0),
    quote_groups: ref.quote_groups.reduce((n, g) => n + g.members.length, 0),
    differences: ref.conflicts.reduce((n, c) => n + Object.keys(c.values).length, 0) + ref.blindspots.length,
  };
  for (const [table, n] of Object.entries(counts)) {
    const csv = await exportItem(page, table);
    assert.equal(csv.name, `parallax-${table}.csv`);
    const rows = parseCsv(csv.text);
    assert.equal(rows.length - 1, n, `${table}.csv rows`);
    for (const r of rows) assert.equal(r.length, rows[0].length, `${table}.csv: ragged row`);
  }
  const stances = parseCsv((await exportItem(page, 'stances')).text);
  assert.deepEqual(stances.slice(1).map((r) => r[2]), ref.stances.map((s) => s.actor));

  const html = await exportItem(page, 'html');
  assert.doesNotMatch(html.text, /<script/i);
  assert.match(html.text, /Content-Security-Policy/);
  for (const d of ref.documents) assert.ok(html.text.includes(d.file));
  const md = await exportItem(page, 'md');
  assert.match(md.text, /^# Parallax report/);
  assert.match(md.text, /## Stance matrix/);
  assert.match(md.text, /## Figures/);
  assert.match(md.text, /## Differences/);
  // The HTML report renders (no script needed) and is screenshotted.
  const report = await context.newPage();
  await report.goto('file://' + html.path);
  await report.screenshot({ path: path.join(outDir, 'workspace-report.png'), fullPage: true });
  await report.close();
  assert.deepEqual(problems, [], problems.join('\n'));
  await page.close();
});

test('workspace: save, reopen, corrupt file, share link', async () => {
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(baseUrl);
  await settled(page);
  await page.locator('#clear-all').click().catch(() => {});
  await settled(page);
  await page.locator('.topbar button', { hasText: 'Load example' }).click();
  await waitForLabel(page, 'Example');
  const before = await sourceNames(page);

  const saved = await download(page, () => page.locator('#save-workspace').click());
  assert.match(saved.name, /\.parallax\.json$/);
  const ws = JSON.parse(saved.text);
  assert.equal(ws.format, 'parallax-workspace');
  assert.equal(ws.version, 1);
  assert.deepEqual(ws.sources.map((s) => s.name), before);

  // A corrupt workspace file: a clear error, nothing changed.
  const bad = { ...ws, sources: [{ name: '../evil.txt', base64: 'AAAA' }] };
  for (const [name, text] of [['bad.parallax.json', JSON.stringify(bad)], ['junk.parallax.json', '{"format": "parallax-workspace", "version": 1, "sources": [{"name": "a.txt", "base64": "%%%"}]}'], ['trunc.parallax.json', saved.text.slice(0, 100)]]) {
    await drop(page, [{ name, text, type: 'application/json' }]);
    await page.waitForFunction((n) => document.querySelector('.notice')?.textContent.includes(n), name);
    assert.match(await page.locator('.notice').textContent(), /Nothing was changed/);
    assert.deepEqual(await sourceNames(page), before);
  }
  await page.screenshot({ path: path.join(outDir, 'workspace-corrupt.png'), fullPage: true });

  // Tampered analysis in the file is ignored: the analysis is recomputed from the sources.
  const tampered = { ...ws, analysis: { documents: [{ file: 'x', title: '<script>tampered</script>' }] } };
  await page.locator('#clear-all').click();
  await settled(page);
  await page.setInputFiles('#file-input', { name: 'mine.parallax.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
  await waitForLabel(page, 'Workspace mine.parallax.json');
  assert.deepEqual(await sourceNames(page), before);
  assert.equal(await page.locator('#sources tbody tr').count(), 5);
  assert.doesNotMatch(await page.locator('main').textContent(), /tampered/);

  // Share link: opened in a fresh browser profile, it restores the same sources.
  await page.locator('#share-link').click();
  const url = await page.locator('#share-url').inputValue();
  assert.ok(url.startsWith(baseUrl + '#w='), url);
  assert.ok(url.length <= 32 * 1024 + baseUrl.length + 3);
  await page.screenshot({ path: path.join(outDir, 'workspace-share.png') });
  // Pasting the link into an open page (a same-document hash change) opens it too.
  await page.locator('#clear-all').click();
  await settled(page);
  await page.evaluate((h) => { location.hash = h; }, new URL(url).hash);
  await waitForLabel(page, 'Shared workspace (5 sources)');
  assert.deepEqual(await sourceNames(page), before);
  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-ws-profile2-'));
  const ctx2 = await launch(other);
  try {
    const p2 = await ctx2.newPage();
    const problems2 = watchConsole(p2);
    await p2.goto(url);
    await waitForLabel(p2, 'Shared workspace (5 sources)');
    assert.deepEqual(await sourceNames(p2), before);
    assert.equal(await p2.locator('#sources tbody tr').count(), 5);
    assert.equal(new URL(p2.url()).hash, '', 'the fragment is removed after opening');
    // A damaged link (a fresh load, not a same-document hash change): a message, and the
    // persisted workspace is left as it was.
    await p2.goto('about:blank');
    await p2.goto(baseUrl + '#w=AAAA');
    await p2.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('share link'));
    assert.deepEqual(await sourceNames(p2), before, 'a damaged link changes nothing');
    assert.deepEqual(problems2, [], problems2.join('\n'));
  } finally {
    await ctx2.close();
    fs.rmSync(other, { recursive: true, force: true });
  }
  assert.deepEqual(problems, [], problems.join('\n'));
  await page.close();
});

test('workspace: a 200 MB file is refused (read no further than the limit), the others are analysed', async () => {
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(baseUrl);
  await settled(page);
  await page.locator('#clear-all').click().catch(() => {});
  await settled(page);
  const big = path.join(tmp, 'huge.txt');
  const fd = fs.openSync(big, 'w');
  fs.ftruncateSync(fd, 200 * 1024 * 1024); // sparse: no disk space used
  fs.closeSync(fd);
  const good = path.join(exampleDir, manifest()[1]);
  await page.setInputFiles('#file-input', [big, good]);
  await waitForLabel(page, '2 chosen files');
  const errors = await page.locator('.errors li').allTextContents();
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0], /^huge\.txt/);
  assert.match(errors[0], /too_large/);
  assert.match(await page.locator('.workspace-sources li[data-name="huge.txt"]').textContent(), /not read/);
  assert.equal(await page.locator('#sources tbody tr').count(), 1);
  await page.screenshot({ path: path.join(outDir, 'workspace-too-large.png'), fullPage: true });
  assert.deepEqual(problems, [], problems.join('\n'));
  await page.close();
});

test('workspace: cancel stops a long analysis and keeps a consistent partial workspace', async () => {
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(baseUrl);
  await settled(page);
  await page.locator('#clear-all').click().catch(() => {});
  await settled(page);
  const base = fs.readFileSync(path.join(exampleDir, manifest()[0]), 'utf8');
  // 24 long articles (each the example repeated to ~600 KB), slow enough to cancel.
  const long = Array.from({ length: 200 }, () => base).join('\n\n');
  await page.evaluate((long) => {
    const dt = new DataTransfer();
    for (let i = 0; i < 24; i++) dt.items.add(new File([`Article ${i}\n\n` + long], `long-${String(i).padStart(2, '0')}.txt`, { type: 'text/plain' }));
    document.querySelector('.dropzone').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, long);
  await page.waitForFunction(() => {
    const t = document.querySelector('.status.analysing .progress-text')?.textContent ?? '';
    const m = t.match(/Analysing (\d+) of (\d+)/);
    return m && +m[1] >= 1 && +m[1] < +m[2];
  }, null, { timeout: 120_000 });
  // The page stays responsive during the analysis (the worker does the work).
  const t0 = Date.now();
  await page.evaluate(() => 1 + 1);
  assert.ok(Date.now() - t0 < 5000, 'the page thread is not blocked');
  await page.screenshot({ path: path.join(outDir, 'workspace-progress.png') });
  await page.locator('#cancel').click();
  await settled(page);
  const notice = await page.locator('.notice').textContent();
  const m = notice.match(/cancelled after (\d+) of 24 files/);
  assert.ok(m, notice);
  const done = +m[1];
  assert.ok(done < 24);
  const names = await sourceNames(page);
  assert.equal(names.length, done, 'only the analysed sources remain');
  assert.equal(await page.locator('#sources tbody tr').count(), done);
  await page.screenshot({ path: path.join(outDir, 'workspace-cancelled.png') });
  // The worker goes on working and reuses the finished documents.
  await drop(page, [{ name: 'after.txt', text: base }]);
  await waitForLabel(page, '1 dropped file');
  assert.equal((await sourceNames(page)).length, done + 1);
  assert.deepEqual(problems, [], problems.join('\n'));
  await page.close();
});

test('workspace: two stories: the Sources view groups them, omissions stay inside a story', async () => {
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(baseUrl);
  await settled(page);
  await page.locator('#clear-all').click().catch(() => {});
  await settled(page);
  // the example (one story) plus two reports of an unrelated event
  const example = manifest().map((name) => ({ name, text: fs.readFileSync(path.join(exampleDir, name), 'utf8') }));
  const port = [
    { name: 'port-a.txt', text: 'Dock workers strike at Rotterdam port\n\nDock workers at the port of Rotterdam walked out on Monday over wages, halting container traffic. The union FNV said the strike would last until the port authority raised its offer. Shipping companies diverted vessels to Antwerp.' },
    { name: 'port-b.txt', text: 'Rotterdam port halted as dockers strike\n\nContainer traffic at Rotterdam stopped on Monday when dock workers began a strike over pay. The FNV union said the port authority offer was too low. "We will stay out as long as it takes," a union spokesman said.' },
  ];
  await drop(page, [...example, ...port]);
  await waitForLabel(page, `${example.length + 2} dropped files`);
  await page.locator('#tab-sources').click();
  assert.match(await page.locator('.stories-summary').textContent(), /^2 stories \(2 told by more than one source\)/);
  const rows = await page.locator('#sources tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    file: tr.querySelector('.file')?.textContent, story: tr.querySelector('.story .tag')?.textContent })));
  for (const r of rows) assert.equal(r.story, r.file.startsWith('port-') ? '#2' : '#1', JSON.stringify(r));
  // what only some sources carry is compared within a story: no port report is said to
  // lack a detail of the oil story, and the other way round
  await page.locator('#tab-differences').click();
  const label = (f) => rows.findIndex((r) => r.file === f);
  const perStory = await page.locator('table.blindspots tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    story: tr.cells[0].textContent, sources: [tr.cells[3].textContent, tr.cells[4].textContent].join(', ') })));
  const portLabels = port.map((p) => `S${label(p.name) + 1}`);
  assert.ok(perStory.some((b) => b.story.startsWith('#1')), 'the oil story has blindspots');
  for (const b of perStory) {
    const names = b.sources.split(/,\s*/).filter(Boolean);
    const hasPort = names.some((n) => portLabels.includes(n));
    assert.equal(hasPort, b.story.startsWith('#2'), JSON.stringify(b));
  }
  await page.screenshot({ path: path.join(outDir, 'workspace-stories.png'), fullPage: true });
  assert.deepEqual(problems, [], problems.join('\n'));
  await page.close();
});

test('workspace: only the sub-path was requested', () => {
  for (const p of requests) assert.ok(p.startsWith(SUB), `request outside the sub-path: ${p}`);
});
