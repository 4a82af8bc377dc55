// Times the whole app, not just the worker: in headless Chromium, the built site (dist/)
// gets N article files through its file picker (as a user would drop them), and the
// clock runs from handing over the files until the page shows the finished analysis
// (the Sources view lists N sources and the page state is `done`). Includes reading the
// files, the worker's analysis and comparison, the transfer to the page and rendering.
//
//   node scripts/app-bench.mjs [--n 1000] [--runs 3]   (after `trunk build --release`)
//
// Prints JSON: { n, runs_ms: [...], median_ms }. Used by scripts/bench.sh.
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
const out = { n, runs_ms: [] };
try {
  for (let r = 0; r < runs; r++) {
    const page = await app.context.newPage();
    await page.goto(app.baseUrl);
    await clearWorkspace(page);
    if (wait) await page.waitForFunction(() => document.querySelector('.page')?.dataset.warm === 'true', null, { timeout: 60_000 });
    const t0 = Date.now();
    await page.setInputFiles('#file-input', files);
    await page.waitForFunction((n) => document.querySelector('.page')?.dataset.state === 'done'
      && document.querySelector('#sources-h')?.textContent.includes(`(${n})`), n, { timeout: 600_000, polling: 20 });
    out.runs_ms.push(Date.now() - t0);
    await clearWorkspace(page);
    await page.close();
  }
} finally {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
const s = [...out.runs_ms].sort((a, b) => a - b);
out.median_ms = s[Math.floor(s.length / 2)];
console.log(JSON.stringify(out));
