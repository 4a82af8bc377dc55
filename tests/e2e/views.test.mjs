// End-to-end tests of the analyst views (tabs, stance matrix -> Reader -> Back, figure
// groups sorted and filtered, issue edits recomputing the matrix, quotes and voice share,
// differences) in headless Chromium against the built dist/, checked against the native
// CLI's JSON for the example corpus (PARALLAX_NATIVE_JSON, written by scripts/test.sh).
// Screenshots: tests/e2e/output/views-*.png.
//
// Run: node --test tests/e2e/views.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startApp, outDir, watchConsole, nativeAnalysis, clearWorkspace, waitForCorpus } from './support.mjs';

let app, baseUrl, context;
before(async () => { app = await startApp(); ({ baseUrl, context } = app); });
after(async () => { await app?.close(); });

const native = nativeAnalysis();

async function openExample(page) {
  await page.goto(baseUrl);
  await clearWorkspace(page);
  await page.locator('.topbar button', { hasText: 'Load example' }).click();
  await waitForCorpus(page, 'Example');
}

async function tab(page, id) {
  await page.locator(`#tab-${id}`).click();
  assert.equal(await page.locator(`#tab-${id}`).getAttribute('aria-selected'), 'true');
}

test('stance matrix: a chip per stance, disagreements marked, chip -> Reader -> Back', async (t) => {
  if (!native) return t.skip('no native JSON');
  const page = await context.newPage();
  const problems = watchConsole(page);
  await openExample(page);
  await tab(page, 'stances');
  assert.equal(await page.locator('#stances li.chip').count(), native.stances.length);
  // Expected disagreeing cells, computed from the native stances.
  const cells = new Map();
  for (const s of native.stances) {
    const k = `${s.actor}\u0000${s.issue_id}`;
    if (!cells.has(k)) cells.set(k, []);
    cells.get(k).push(s.polarity);
  }
  let disagree = 0;
  for (const ps of cells.values()) {
    const seen = new Set(ps.filter((p) => p !== 'neutral'));
    if (seen.size > 1 || (seen.has('mixed') && ps.length > 1)) disagree++;
  }
  assert.equal(await page.locator('#stances td.disagree').count(), disagree);
  await page.screenshot({ path: path.join(outDir, 'views-stances.png'), fullPage: true });

  // The first chip opens its evidence in the Reader.
  const first = page.locator('#stances li.chip button').first();
  const label = (await first.textContent()).trim();
  await first.click();
  assert.equal(await page.locator('#tab-reader').getAttribute('aria-selected'), 'true');
  const target = page.locator('#reader-target');
  await target.waitFor();
  const shown = (await target.textContent()).trim();
  assert.ok(shown.length > 0, 'the target passage is highlighted');
  const src = Number(label.match(/^S(\d+)/)[1]) - 1;
  const doc = native.documents[src];
  const candidates = native.stances.filter((s) => s.document === doc.file).map((s) => s.evidence);
  assert.ok(candidates.some((e) => e.includes(shown)), `highlighted text "${shown}" is a stance's evidence`);
  assert.equal(await page.locator('#reader-source').inputValue(), doc.file);
  assert.ok(await page.evaluate(() => document.activeElement?.id === 'reader-target'), 'the passage has focus');
  assert.ok(await page.locator('#reader mark.hl-actor').count() > 0, 'actors are highlighted');
  assert.equal(await page.locator('#reader mark.hl-figure').count() > 0, doc.figures.length > 0);
  await page.screenshot({ path: path.join(outDir, 'views-reader.png'), fullPage: true });
  await page.locator('#reader-back').click();
  assert.equal(await page.locator('#tab-stances').getAttribute('aria-selected'), 'true');
  assert.deepEqual(problems, [], problems.join('\n'));
  await page.close();
});

test('tabs are a keyboard tab list', async (t) => {
  if (!native) return t.skip('no native JSON');
  const page = await context.newPage();
  await openExample(page);
  await page.locator('#tab-sources').click();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.activeElement?.id === 'tab-stances');
  assert.equal(await page.locator('#tab-stances').getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.activeElement?.id === 'tab-reader');
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.activeElement?.id === 'tab-sources');
  // Into the matrix: Tab reaches chip buttons, Enter opens the Reader.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.activeElement?.id === 'tab-stances');
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.classList.contains('chip-btn'))) break;
  }
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('chip-btn')), 'a chip is reachable by Tab');
  await page.keyboard.press('Enter');
  await page.locator('#reader-target').waitFor();
  await page.close();
});

test('figures: groups sorted and filtered, values open the Reader', async (t) => {
  if (!native) return t.skip('no native JSON');
  const page = await context.newPage();
  await openExample(page);
  await tab(page, 'figures');
  const rows = page.locator('#figure-groups tbody tr');
  assert.equal(await rows.count(), native.figure_groups.length);
  const measures = () => page.locator('#figure-groups tbody tr > th').allTextContents();
  const sortBtn = page.locator('#figure-groups thead th').first().locator('button');
  const asc = await measures();
  assert.deepEqual(asc, [...asc].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())), 'sorted by measure');
  await sortBtn.click();
  assert.equal(await page.locator('#figure-groups thead th').first().getAttribute('aria-sort'), 'descending');
  assert.deepEqual(await measures(), [...asc].reverse());
  await page.locator('#fig-conflicts').check();
  assert.equal(await rows.count(), native.figure_groups.filter((g) => g.status === 'conflict').length);
  await page.locator('#fig-conflicts').uncheck();
  const file = native.documents[1].file;
  await page.locator('#fig-source').selectOption(file);
  assert.equal(await rows.count(), native.figure_groups.filter((g) => g.members.some((m) => m.document === file)).length);
  assert.equal(await page.locator('#figure-list tbody tr').count(), native.documents[1].figures.length);
  await page.screenshot({ path: path.join(outDir, 'views-figures.png'), fullPage: true });
  await page.locator('#fig-source').selectOption('');
  if (native.figure_groups.length) {
    await page.locator('#figure-groups button.member').first().click();
    await page.locator('#reader-target').waitFor();
    await page.locator('#reader-back').click();
    assert.equal(await page.locator('#tab-figures').getAttribute('aria-selected'), 'true');
  }
  await page.close();
});

test('issue edits recompute the matrix: rename, add, merge, delete, reset', async (t) => {
  if (!native) return t.skip('no native JSON');
  const page = await context.newPage();
  await openExample(page);
  await tab(page, 'stances');
  const headers = () => page.locator('#stances table.matrix thead th').allTextContents();
  const before = await headers();
  const ids = await page.locator('#issue-select option').evaluateAll((os) => os.map((o) => o.value));
  assert.equal(ids.length, native.issues.length);
  // an issue with stances that the added "sanctions" issue below does not absorb
  const stanceIssue = (native.stances.find((s) => !/sanction/i.test(s.issue_id + s.issue)) || native.stances[0]).issue_id;
  await page.locator('#issue-select').selectOption(stanceIssue);
  await page.locator('#issue-rename').fill('Renamed by the analyst');
  await page.locator('#issue-rename-btn').click();
  await page.waitForFunction(() => [...document.querySelectorAll('#stances table.matrix thead th')].some((th) => th.textContent === 'Renamed by the analyst'));
  // Add an issue from keywords that occur in the corpus.
  await page.locator('#issue-add-label').fill('Sanctions (analyst)');
  await page.locator('#issue-add-keywords').fill('sanctions');
  await page.locator('#issue-add-btn').click();
  await page.waitForFunction(() => [...document.querySelectorAll('#issue-select option')].some((o) => o.textContent === 'Sanctions (analyst)'));
  // Delete the renamed issue: its column goes.
  await page.locator('#issue-select').selectOption(stanceIssue);
  await page.locator('#issue-delete-btn').click();
  await page.waitForFunction(() => ![...document.querySelectorAll('#stances table.matrix thead th')].some((th) => th.textContent === 'Renamed by the analyst'));
  assert.match(await page.locator('.issue-editor .applied').textContent(), /3 edits applied/);
  await page.screenshot({ path: path.join(outDir, 'views-issue-edits.png'), fullPage: true });
  // Merge two issues (if there are two), then reset restores the original matrix.
  const now = await page.locator('#issue-select option').evaluateAll((os) => os.map((o) => o.value));
  if (now.length >= 2) {
    await page.locator('#issue-select').selectOption(now[0]);
    await page.locator('#issue-merge-into').selectOption(now[1]);
    await page.locator('#issue-merge-btn').click();
    await page.waitForFunction((n) => document.querySelectorAll('#issue-select option').length === n - 1, now.length);
  }
  await page.locator('#issue-reset-btn').click();
  await page.waitForFunction(() => !document.querySelector('.issue-editor .applied'));
  await page.waitForFunction((b) => JSON.stringify([...document.querySelectorAll('#stances table.matrix thead th')].map((th) => th.textContent)) === JSON.stringify(b), before);
  await page.close();
});

test('quotes, voice share and differences match the native analysis', async (t) => {
  if (!native) return t.skip('no native JSON');
  const page = await context.newPage();
  const problems = watchConsole(page);
  await openExample(page);
  await tab(page, 'quotes');
  assert.equal(await page.locator('#quote-groups ul.quote-groups > li').count(), native.quote_groups.length);
  const speakers = new Set(Object.values(native.voice).flatMap((m) => Object.keys(m)));
  assert.equal(await page.locator('#voice tbody tr').count(), speakers.size);
  assert.equal(await page.locator('#quote-list ul.quotes > li').count(), native.documents.reduce((n, d) => n + d.quotes.length, 0));
  await page.screenshot({ path: path.join(outDir, 'views-quotes.png'), fullPage: true });
  await tab(page, 'differences');
  assert.equal(await page.locator('#conflicts tbody tr').count(), native.conflicts.length);
  assert.equal(await page.locator('#blindspots tbody tr').count(), native.blindspots.length);
  await page.screenshot({ path: path.join(outDir, 'views-differences.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await tab(page, 'stances');
  await page.screenshot({ path: path.join(outDir, 'views-stances-dark.png'), fullPage: true });
  await page.setViewportSize({ width: 1024, height: 720 });
  await tab(page, 'figures');
  await page.screenshot({ path: path.join(outDir, 'views-figures-1024.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  assert.deepEqual(problems, [], problems.join('\n'));
  await page.close();
});
