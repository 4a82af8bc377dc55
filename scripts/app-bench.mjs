// Times the whole app, not just the worker: in headless Chromium, the built site (dist/)
// gets N article files through its file picker (as a user would drop them), and the
// clock runs from handing over the files until the page shows the finished analysis
// (the Sources view lists N sources and the page state is `done`). Includes reading the
// files, the worker's analysis and comparison, the transfer to the page and rendering.
//
//   node scripts/app-bench.mjs [--n 1000] [--runs 3]   (after `trunk build --release`)
//
// By default each run waits until the worker has finished its warm-up practice (the page's
// `data-warm`, a second or two after load: a person takes longer to pick a thousand
// files); `--no-wait` hands the files over at once.
//
// Prints JSON: { n, runs_ms: [...], median_ms, from_change_ms, ... }. Used by
// scripts/browser-bench.mjs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, clearWorkspace, root } from '../tests/e2e/support.mjs';

const args = process.argv.slice(2);
const argVal = (k, d) => { const i = args.indexOf(k); return i >= 0 && args[i + 1] ? args[i + 1] : d; };
const n = Number(argVal('--n', 1000));
const runs = Number(argVal('--runs', 3));
// --no-wait: give the files at once, while the worker still warms up after the example
const wait = !args.includes('--no-wait');
const shared = process.env.PARALLAX_SHARED ?? path.join(root, '../shared');

const readTxt = (dir) => fs.existsSync(dir)
  ? fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f)) : [];
const articles = [...readTxt(path.join(shared, 'corpus/korea-oil')), ...readTxt(path.join(shared, 'bench/polnear/dev/text'))];
if (!articles.length) { console.error(`no articles under ${shared}`); process.exit(1); }
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-app-bench-'));
const files = [];
for (let i = 0; i < n; i++) {
  const src = articles[i % articles.length];
  const f = path.join(dir, `${String(i).padStart(5, '0')}-${path.basename(src)}`);
  fs.copyFileSync(src, f);
  files.push(f);
}

const app = await startApp();
// runs_ms: from handing the files to Playwright; from_change_ms: from the input's `change`
// event (the browser has made the File objects: what a drop costs before the page sees it
// is not the app's)
const out = { n, waited_for_warm_up: wait, runs_ms: [], from_change_ms: [] };
try {
  for (let r = 0; r < runs; r++) {
    const page = await app.context.newPage();
    await page.goto(app.baseUrl);
    await clearWorkspace(page);
    if (wait) await page.waitForFunction(() => document.querySelector('.page')?.dataset.warm === 'true', null, { timeout: 60_000 });
    await page.evaluate(() => {
      window.__change = null;
      window.__done = null;
      document.addEventListener('change', () => { window.__change ??= performance.now(); }, true);
    });
    const t0 = Date.now();
    await page.setInputFiles('#file-input', files);
    await page.waitForFunction((n) => {
      const ok = document.querySelector('.page')?.dataset.state === 'done'
        && document.querySelector('#sources-h')?.textContent.includes(`(${n})`);
      if (ok) window.__done ??= performance.now();
      return ok;
    }, n, { timeout: 600_000, polling: 20 });
    out.runs_ms.push(Date.now() - t0);
    out.from_change_ms.push(Math.round(await page.evaluate(() => window.__done - window.__change)));
    await clearWorkspace(page);
    await page.close();
  }
} finally {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
const s = [...out.runs_ms].sort((a, b) => a - b);
out.median_ms = s[Math.floor(s.length / 2)];
const c = [...out.from_change_ms].sort((a, b) => a - b);
out.from_change_median_ms = c[Math.floor(c.length / 2)];
console.log(JSON.stringify(out));
