import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady, afterNextFrame, openPage } from './browser.mjs';
import { canvasInk, statReader, noNaNInCards } from './probes.mjs';
import { assertFirstTry, assertPractice, changePrediction, recordReports } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// The widget's scores, recomputed through the engine for the same table and settings.
async function expected(page, features, select) {
  return page.evaluate(async ([features, select]) => {
    const { loadEngine } = await import('/engine/index.js');
    const { noiseTable } = await import('/widgets/pipeline-leakage/noise-table.js');
    const ml = await loadEngine();
    const d = noiseTable(50, features, 3);
    const m = new ml.LogisticRegression();
    try {
      const pipe = { impute: true, strategy: 'mean', selectFeatures: select, scaling: 'standard' };
      const avg = (a) => Array.from(a).reduce((s, v) => s + v, 0) / a.length;
      const leaky = avg(ml.pipelineCrossValScore(m, d.X, d.cols, d.y, pipe, 5, 3, 500, true));
      const honest = avg(ml.pipelineCrossValScore(m, d.X, d.cols, d.y, pipe, 5, 3, 500, false));
      return { leaky: leaky.toFixed(3), honest: honest.toFixed(3) };
    } finally { m.delete(); }
  }, [features, select]);
}

// The one-hot table, rebuilt through the engine: the same city column, fold 1 of the same
// stratified folds, OneHotEncoder fitted on all rows or on fold 1's training rows.
async function expectedOneHot(page, fit) {
  return page.evaluate(async (fit) => {
    const { loadEngine } = await import('/engine/index.js');
    const { noiseTable, cityColumn, CITIES } = await import('/widgets/pipeline-leakage/noise-table.js');
    const ml = await loadEngine();
    const d = noiseTable(50, 500, 3);
    const folds = ml.stratifiedKFold(d.y, 5, true, 3);
    const testRows = Array.from(folds[0].test).slice(0, 5);
    const city = cityColumn(50, 3, testRows[1]);
    const fitRows = fit === 'all' ? Array.from({ length: 50 }, (_, i) => i) : Array.from(folds[0].train);
    const enc = new ml.OneHotEncoder();
    try {
      enc.setIgnoreUnknown(true);
      enc.fit(fitRows.map((i) => city[i]), 1);
      const codes = Array.from(enc.categories(0));
      const out = Array.from(enc.transform(testRows.map((i) => city[i]), 1));
      const w = codes.length;
      return {
        head: ['row', 'city', 'one-hot columns (0/1)', ...codes.map((c) => CITIES[c])],
        rows: testRows.map((i, r) => [String(i + 1), ...out.slice(r * w, r * w + w).map(String)]),
        portoInFit: fitRows.some((i) => city[i] === 2),
      };
    } finally { enc.delete(); }
  }, fit);
}
async function shownOneHot(page) {
  return page.evaluate(() => {
    const t = document.querySelector('.pipeline-leakage-onehot');
    const head = [...t.querySelectorAll('thead th')].map((c) => c.textContent);
    const rows = [...t.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th').textContent, ...[...tr.querySelectorAll('td')].slice(1).map((c) => c.textContent)]);
    return { head, rows };
  });
}

test('pipeline-leakage: the one-hot table shows the engine encoder, and an unseen city is all zeros', async () => {
  const page = await openPage(site, '/lessons/pipeline-leakage.html', { width: 375 });
  const all = await expectedOneHot(page, 'all');
  assert.deepEqual(await shownOneHot(page), { head: all.head, rows: all.rows });
  assert.deepEqual(all.head.slice(3), ['Lyon', 'Oslo', 'Porto'], 'fitted on all rows: a Porto column too');
  await page.getByLabel('table: statistics learned from').selectOption('train');
  const honest = await expectedOneHot(page, 'train');
  assert.equal(honest.portoInFit, false, 'the only Porto row is a test row');
  assert.deepEqual(await shownOneHot(page), { head: honest.head, rows: honest.rows });
  assert.deepEqual(honest.head.slice(3), ['Lyon', 'Oslo'], 'fitted on training rows: no Porto column');
  assert.deepEqual(honest.rows[1].slice(1), ['0', '0'], 'the unseen city is encoded as zeros');
  assert.match(await page.locator('.pipeline-leakage-onehot tbody tr').nth(1).textContent(), /Porto \(unseen\)/);
  assert.match(await page.locator('.pipeline-leakage-onehot-caption').textContent(), /unseen city/);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the page does not scroll sideways');
  // Both tables fit at 375 px: row, every feature column and the label stay in view, no hidden scroll.
  for (const sel of ['.pipeline-leakage-table', '.pipeline-leakage-onehot']) {
    assert.ok(await page.evaluate((s) => { const w = document.querySelector(s).closest('.dw-table-wrap'); return w.scrollWidth <= w.clientWidth; }, sel), `${sel} fits without scrolling`);
  }
  assert.deepEqual(await page.locator('.pipeline-leakage-table thead th').allTextContents(), ['row', 'x1 rawafter', 'x2 rawafter', 'x3 rawafter', 'label']);
  assert.doesNotMatch(await page.locator('.dw-card').first().textContent(), /coin flip/);
  await screenshot(page, 'pipeline-onehot-375');
  assert.ok(await noNaNInCards(page));
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('pipeline-leakage: leaky score beats chance on noise, honest does not, both match the engine', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/pipeline-leakage.html', { width });
    const stat = statReader(page);
    const ink = await canvasInk(page, '.pipeline-leakage-plot canvas');
    assert.ok(ink.colours > 4, 'fold plot is drawn');
    // The page opens at 5 columns, where the two scores agree; 500 shows the leak.
    assert.equal(await page.getByRole('slider', { name: /noise columns/ }).getAttribute('aria-valuetext'), 'noise columns 5');
    const e5 = await expected(page, 5, 5); // selection keeps min(10, 5) columns
    assert.deepEqual([await stat('leaky CV accuracy'), await stat('honest CV accuracy')], [e5.leaky, e5.honest]);
    assert.equal(e5.leaky, e5.honest);
    await page.getByRole('slider', { name: /noise columns/ }).fill(String(Math.log10(500)));
    const e = await expected(page, 500, 10);
    assert.equal(await stat('leaky CV accuracy'), e.leaky);
    assert.equal(await stat('honest CV accuracy'), e.honest);
    assert.ok(Number(e.leaky) > Number(e.honest) + 0.15, 'the leak inflates the score');
    assert.match(await page.locator('.dw-message').first().textContent(), /Leak/);
    assert.equal(await page.locator('.pipeline-leakage-table tbody tr').count(), 5);
    await screenshot(page, `pipeline-${width}`);

    // Fewer noise columns: the leaky score changes and still equals the engine's.
    const before = await stat('leaky CV accuracy');
    await page.getByRole('slider', { name: /noise columns/ }).fill(String(Math.log10(10)));
    const e10 = await expected(page, 10, 10);
    assert.equal(await stat('leaky CV accuracy'), e10.leaky);
    assert.equal(await stat('honest CV accuracy'), e10.honest);
    assert.notEqual(await stat('leaky CV accuracy'), before);

    // Table statistics switch between all rows and one training split.
    const allFoot = await page.locator('.pipeline-leakage-table tfoot').textContent();
    await page.getByLabel('table: statistics learned from').selectOption('train');
    assert.notEqual(await page.locator('.pipeline-leakage-table tfoot').textContent(), allFoot);
    assert.match(await page.locator('.pipeline-leakage-caption').textContent(), /training rows only/);

    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('pipeline-leakage: predict, then check — 2000 noise columns lift the leaky score (held and missed)', async () => {
  const page = await openPage(site, '/lessons/pipeline-leakage.html');
  const box = page.locator('[data-predict="leakage-many-columns"]');
  const columns = page.getByRole('slider', { name: /noise columns/ });
  const lockIn = async (value) => {
    await box.getByRole('combobox', { name: /leaky cross-validated accuracy will/ }).selectOption(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  // Refused away from a few columns (at 11 the leaky score reads 0.520, nothing telling): first see the two scores agree.
  await columns.fill(String(Math.log10(11)));
  await lockIn('high');
  assert.match(await box.getByRole('status').textContent(), /Slide the noise columns down to 5 first/);
  await columns.fill(String(Math.log10(5)));
  await lockIn('high');
  assert.match(await box.getByRole('status').textContent(), /Your prediction: reach 0\.65 or more\. Now slide the noise columns all the way up/);
  await columns.fill(String(Math.log10(2000))); // the track's last step, its right end: 2,000 columns
  assert.equal(await box.getAttribute('data-result'), 'held');
  const text = await box.getByRole('status').textContent();
  const count = Number(text.match(/On ([\d\s\u2009\u202f]+) columns/)[1].replace(/\D/g, ''));
  assert.equal(count, 2000);
  const e = await expected(page, count, 10);
  assert.match(text, new RegExp(`Your prediction held: .*the leaky pipeline reports ${e.leaky.replace('.', '\\.')}, the honest one ${e.honest.replace('.', '\\.')}`));
  await columns.fill(String(Math.log10(5)));
  await lockIn('chance');
  await columns.fill(String(Math.log10(2000)));
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await box.getByRole('status').textContent(), /did not hold: you said “stay below 0\.65, near chance”; what happened: “reach 0\.65 or more”/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('pipeline leakage: sliding to the top before predicting shows the answer, so a later prediction records nothing', async () => {
  const page = await openPage(site, '/lessons/pipeline-leakage.html');
  await recordReports(page);
  const box = page.locator('[data-predict="leakage-many-columns"]');
  const columns = page.getByRole('slider', { name: /noise columns/ });
  await columns.fill(String(Math.log10(2000)));
  await columns.fill(String(Math.log10(5)));
  await box.getByRole('combobox', { name: /leaky cross-validated accuracy will/ }).selectOption('high');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await columns.fill(String(Math.log10(2000)));
  await assertPractice(page, box);
  await page.close();
});

test('pipeline leakage: the page asks before it answers — the widget opens at 5 columns (0.600 each), the outcome sentence waits in the reveal, and the box locks without moving the slider', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/pipeline-leakage.html`);
    // No saved progress: an earlier test's verdict would open the reveal at load.
    await page.evaluate(() => localStorage.removeItem('dw:lesson:pipeline-leakage'));
    await page.reload();
    await widgetsReady(page);
    const stat = statReader(page);
    assert.equal(await page.getByRole('slider', { name: /noise columns/ }).getAttribute('aria-valuetext'), 'noise columns 5');
    assert.deepEqual([await stat('leaky CV accuracy'), await stat('honest CV accuracy')], ['0.600', '0.600']);
    // Everything a reader meets before the box: the page text outside closed reveal blocks, and the widget.
    const visible = await page.evaluate(() => {
      const main = document.querySelector('main') || document.body;
      const copy = main.cloneNode(true);
      for (const d of copy.querySelectorAll('details.dw-reveal')) d.remove();
      return copy.textContent;
    });
    assert.doesNotMatch(visible, /convincing score|find.{1,3} a pattern anyway/);
    assert.match(await page.locator('details.dw-reveal').first().textContent(), /reports a convincing score on pure noise/);
    assert.equal(await page.locator('details.dw-reveal').first().evaluate((d) => d.open), false);
    const box = page.locator('[data-predict="leakage-many-columns"]');
    await box.getByRole('combobox', { name: /leaky cross-validated accuracy will/ }).selectOption('high');
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
    assert.match(await box.getByRole('status').textContent(), /Your prediction: reach 0\.65 or more/);
    await screenshot(page, `pipeline-opening-${width}`);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('pipeline leakage: sliding to 500 columns before predicting shows the leak, so a prediction locked back at 5 records nothing', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/pipeline-leakage.html`);
  await page.evaluate(() => localStorage.removeItem('dw:lesson:pipeline-leakage'));
  await page.reload();
  await widgetsReady(page);
  await recordReports(page);
  const box = page.locator('[data-predict="leakage-many-columns"]');
  const columns = page.getByRole('slider', { name: /noise columns/ });
  await columns.fill(String(Math.log10(500)));
  assert.match(await box.getByRole('status').textContent(), /The leaky score with 500 noise columns \(0\.\d{3}\) was on screen before a prediction was locked in/);
  assert.equal(await page.locator('details.dw-reveal').first().evaluate((d) => d.open), true, 'the outcome is on screen, so its text opens');
  await columns.fill(String(Math.log10(5)));
  await box.getByRole('combobox', { name: /leaky cross-validated accuracy will/ }).selectOption('high');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await columns.fill(String(Math.log10(2000)));
  await assertPractice(page, box);
  await page.close();
});

// What the lesson's figures rest on, read off the widget the way a reader gets them: the noise
// columns slider stepped with the arrow key from 199 (its settings are the ones the claims test
// measures all 101 of), End to the top (the slider's maximum, 2,000: the track's steps stop at
// 1,991, its right end gives the maximum), then New table pressed ten times.
test('pipeline-leakage: ArrowRight from 199 walks the claims test\'s settings (256 columns: leaky 0.62, the lowest); the top is 2,000 (0.82 / 0.50); ten New tables there give leaky 0.78–0.96 (mean 0.88), honest 0.40–0.62 (mean 0.51)', async () => {
  const page = await openPage(site, '/lessons/pipeline-leakage.html');
  const stat = statReader(page);
  const columns = page.getByRole('slider', { name: /noise columns/ });
  const reading = async () => [Number((await columns.getAttribute('aria-valuetext')).replace(/\D/g, '')), Number(await stat('leaky CV accuracy'))];
  await columns.fill(String(Math.log10(199)));
  const seen = [await reading()];
  await columns.focus();
  for (let i = 0; i < 11; i++) {
    await page.keyboard.press('ArrowRight');
    seen.push(await reading());
  }
  // round(10^(log₁₀ 5 + 0.01 k)) for k = 160 … 171, as in the claims test.
  assert.deepEqual(seen.map(([f]) => f), Array.from({ length: 12 }, (_, i) => Math.round(10 ** (Math.log10(5) + 0.01 * (160 + i)))));
  assert.deepEqual(seen[0], [199, 0.72]);
  assert.deepEqual(seen[11], [256, 0.62]);
  await page.keyboard.press('End');
  assert.deepEqual([...await reading(), Number(await stat('honest CV accuracy'))], [2000, 0.82, 0.5]);
  // One step left of the right end is the track's own step again: 1,945.
  await page.keyboard.press('ArrowLeft');
  assert.equal((await reading())[0], 1945);
  await page.keyboard.press('End');
  const tables = [];
  for (let i = 0; i < 10; i++) {
    await page.getByRole('button', { name: 'New table' }).click();
    tables.push([Number(await stat('leaky CV accuracy')), Number(await stat('honest CV accuracy'))]);
  }
  const avg = (a) => a.reduce((s, v) => s + v, 0) / a.length;
  const tl = tables.map(([l]) => l); const th = tables.map(([, h]) => h);
  assert.deepEqual([Math.min(...tl), Math.max(...tl), avg(tl).toFixed(2)], [0.78, 0.96, '0.88']);
  assert.deepEqual([Math.min(...th), Math.max(...th), avg(th).toFixed(2)], [0.4, 0.62, '0.51']);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// What the fold plot draws, recorded from the canvas calls of its last frame (device pixels): each
// text's box (measureText), each dot's box (arc), each stroke's points, width and dash.
function recordCanvasDrawing() {
  const P = CanvasRenderingContext2D.prototype;
  const frames = new Map();
  const paths = new WeakMap();
  window.lastFrameOf = (canvas) => frames.get(canvas) || [];
  const point = (ctx, x, y) => { const m = ctx.getTransform(); return { x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f }; };
  const wrap = (name, after) => {
    const original = P[name];
    P[name] = function recorded(...args) { const result = original.apply(this, args); after(this, ...args); return result; };
  };
  wrap('clearRect', (ctx, x, y, w, h) => { if (w * ctx.getTransform().a >= ctx.canvas.width) frames.set(ctx.canvas, []); });
  const push = (ctx, mark) => { if (!frames.has(ctx.canvas)) frames.set(ctx.canvas, []); frames.get(ctx.canvas).push(mark); };
  wrap('fillText', (ctx, text, x, y) => {
    const m = ctx.measureText(String(text));
    const scale = ctx.getTransform().a;
    const anchor = point(ctx, x, y);
    const left = ctx.textAlign === 'right' || ctx.textAlign === 'end' ? anchor.x - m.width * scale : ctx.textAlign === 'center' ? anchor.x - (m.width * scale) / 2 : anchor.x;
    push(ctx, { kind: 'text', text: String(text), left, right: left + m.width * scale, top: anchor.y - m.actualBoundingBoxAscent * scale, bottom: anchor.y + m.actualBoundingBoxDescent * scale });
  });
  wrap('arc', (ctx, x, y, r) => {
    const c = point(ctx, x, y); const rr = r * ctx.getTransform().a;
    push(ctx, { kind: 'dot', left: c.x - rr, right: c.x + rr, top: c.y - rr, bottom: c.y + rr });
  });
  wrap('beginPath', (ctx) => paths.set(ctx, []));
  wrap('moveTo', (ctx, x, y) => { if (!paths.has(ctx)) paths.set(ctx, []); paths.get(ctx).push(point(ctx, x, y)); });
  wrap('lineTo', (ctx, x, y) => { if (!paths.has(ctx)) paths.set(ctx, []); paths.get(ctx).push(point(ctx, x, y)); });
  wrap('stroke', (ctx) => {
    const pts = paths.get(ctx) || [];
    if (pts.length < 2) return;
    const half = (ctx.lineWidth * ctx.getTransform().a) / 2;
    const xs = pts.map((p) => p.x); const ys = pts.map((p) => p.y);
    push(ctx, { kind: 'line', dashed: ctx.getLineDash().length > 0, width: ctx.lineWidth, left: Math.min(...xs) - half, right: Math.max(...xs) + half, top: Math.min(...ys), bottom: Math.max(...ys) });
  });
}

// The fold plot's row labels keep clear of everything else in the plot: the dashed chance line at
// 0.5, every fold's dot, both mean bars, and each other, inside the canvas. On a phone the labels
// ("leaky: 0.60  0.40 …") ran across the chance line (a backing cut the dashes) and touched the
// leaky dots above the honest label; with 10 folds they ran off the canvas. The plot has no y
// numbers either (yTicks: 0 used to print the one tick niceTicks returns).
for (const [width, address] of [[375, '/lessons/pipeline-leakage.html'], [1280, '/lessons/pipeline-leakage.html'], [375, '/embed.html?w=pipeline-leakage&k=10&features=200']]) {
  test(`pipeline leakage at ${width} px (${address}): the fold plot's labels overlap nothing, and no stray y "0"`, async () => {
    const page = await site.newPage({ width, height: 900 });
    await page.addInitScript(recordCanvasDrawing);
    await page.goto(`${site.base}${address}`);
    await widgetsReady(page);
    const plot = page.locator('.pipeline-leakage-plot canvas');
    await plot.scrollIntoViewIfNeeded();
    await afterNextFrame(page);
    const marks = await plot.evaluate((canvas) => ({ drawn: window.lastFrameOf(canvas), width: canvas.width }));
    const texts = marks.drawn.filter((m) => m.kind === 'text');
    const chance = marks.drawn.filter((m) => m.kind === 'line' && m.dashed);
    assert.equal(chance.length, 1, 'one dashed chance line');
    // Row labels: the texts above the x axis (whose numbers and caption sit under the chance line's foot).
    const labels = texts.filter((m) => m.bottom < chance[0].bottom);
    assert.deepEqual(labels.map((m) => m.text.split(/[:\s]/)[0]).sort(), ['honest', 'leaky']);
    const dots = marks.drawn.filter((m) => m.kind === 'dot');
    const bars = marks.drawn.filter((m) => m.kind === 'line' && !m.dashed && m.width >= 4);
    const folds = address.includes('k=10') ? 10 : 5;
    assert.equal(dots.length, 2 * folds);
    assert.equal(bars.length, 2);
    const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (const label of labels) {
      assert.ok(label.left >= 0 && label.right <= marks.width, `"${label.text}" inside the canvas: ${label.left}–${label.right} of ${marks.width}`);
      for (const [what, other] of [...chance.map((m) => ['the chance line', m]), ...dots.map((m) => ['a dot', m]), ...bars.map((m) => ['a mean bar', m]), ...labels.filter((m) => m !== label).map((m) => ['the other label', m])]) {
        assert.ok(!meets(label, other), `"${label.text}" overlaps ${what} at ${width} px: ${JSON.stringify(label)} ${JSON.stringify(other)}`);
      }
    }
    const yNumbers = texts.filter((m) => m.right <= chance[0].left && /^-?\d/.test(m.text) && m.bottom < chance[0].bottom);
    assert.deepEqual(yNumbers, []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  });
}

// Below 100 columns the leaky score already reads 0.65 or more at some settings (0.800 at 30, the
// honest one 0.580): the box's band for "high", shown while selection chooses 10 of 30 columns.
test('pipeline leakage: a leaky 0.800 at 30 columns, seen before the lock or under a lock that is then changed, makes the prediction practice; 0.520 at 11 columns does not', async () => {
  const columnsOf = (page) => page.getByRole('slider', { name: /noise columns/ });
  const boxOf = (page) => page.locator('[data-predict="leakage-many-columns"]');
  const lockIn = async (page, value) => {
    await boxOf(page).getByRole('combobox', { name: /leaky cross-validated accuracy will/ }).selectOption(value);
    await boxOf(page).getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  const fresh = async () => {
    const page = await site.newPage();
    await page.goto(`${site.base}/lessons/pipeline-leakage.html`);
    await page.evaluate(() => localStorage.removeItem('dw:lesson:pipeline-leakage'));
    await page.reload();
    await widgetsReady(page);
    await recordReports(page);
    return page;
  };
  let page = await fresh();
  await columnsOf(page).fill(String(Math.log10(30)));
  assert.equal(await statReader(page)('leaky CV accuracy'), '0.800');
  assert.match(await boxOf(page).getByRole('status').textContent(), /The leaky score with 30 noise columns \(0\.800\) was on screen before a prediction was locked in/);
  assert.equal(await page.locator('details.dw-reveal').first().evaluate((d) => d.open), false, 'a glimpse: the lesson\'s text that states the outcome stays closed');
  await columnsOf(page).fill(String(Math.log10(5)));
  await lockIn(page, 'high');
  await columnsOf(page).fill(String(Math.log10(2000)));
  await assertPractice(page, boxOf(page));
  await page.close();

  page = await fresh();
  await lockIn(page, 'chance');
  await columnsOf(page).fill(String(Math.log10(30)));
  await changePrediction(boxOf(page));
  assert.match(await boxOf(page).getByRole('status').textContent(), /Part of the run was on screen while your prediction was locked in/);
  await columnsOf(page).fill(String(Math.log10(5)));
  await lockIn(page, 'high');
  await columnsOf(page).fill(String(Math.log10(2000)));
  await assertPractice(page, boxOf(page));
  await page.close();

  page = await fresh();
  await columnsOf(page).fill(String(Math.log10(11)));
  assert.equal(await statReader(page)('leaky CV accuracy'), '0.520');
  await columnsOf(page).fill(String(Math.log10(5)));
  await lockIn(page, 'high');
  await columnsOf(page).fill(String(Math.log10(2000)));
  await assertFirstTry(page, boxOf(page));
  await page.close();
});

// Selection may keep a single column (the slider's minimum): the leak message and the box's verdict
// say "the 1 column that happens to match" and "one that happens", never "the 1 columns".
test('pipeline-leakage: with 1 column kept by selection, the messages count it in the singular', async () => {
  const page = await openPage(site, '/lessons/pipeline-leakage.html');
  const box = page.locator('[data-predict="leakage-many-columns"]');
  const columns = page.getByRole('slider', { name: /noise columns/ });
  await page.getByRole('slider', { name: /columns kept by selection/ }).fill('1');
  await box.getByRole('combobox', { name: /leaky cross-validated accuracy will/ }).selectOption('high');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await columns.fill(String(Math.log10(2000)));
  const text = await box.getByRole('status').textContent();
  const count = Number(text.match(/On ([\d\s\u2009\u202f]+) columns/)[1].replace(/\D/g, ''));
  const e = await expected(page, count, 1);
  assert.ok(Number(e.leaky) - Number(e.honest) > 0.15, `a leak at 1 kept column: ${e.leaky} vs ${e.honest}`);
  assert.equal(await box.getAttribute('data-result'), Number(e.leaky) >= 0.65 ? 'held' : 'missed');
  assert.match(text, /the selection searches so many columns that it finds one that happens to match the labels/);
  const message = await page.locator('.dw-message').first().textContent();
  assert.match(message, /^Leak: fitted on all 50 rows, the selection picked the 1 column that happens to match the labels of the very rows it is later tested on\. It reports /);
  assert.ok(message.includes(`It reports ${e.leaky} on columns of pure noise`), message);
  assert.doesNotMatch(`${message} ${text}`, /\b1 columns\b|one that happen\b/);
  // Two kept: the plural.
  await page.getByRole('slider', { name: /columns kept by selection/ }).fill('2');
  const two = await expected(page, count, 2);
  assert.ok(Number(two.leaky) - Number(two.honest) > 0.15, `a leak at 2 kept columns: ${two.leaky} vs ${two.honest}`);
  assert.match(await page.locator('.dw-message').first().textContent(), /picked the 2 columns that happen to match/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
