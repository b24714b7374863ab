// The model-comparison widget on its lesson page: every readout is the engine's number for the
// widget's defaults, controls change the comparison, the noise experiment reports the counts the
// engine gives, and the page works at 375 px with nothing leaving the machine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { afterNextFrame, offMachineRequests, PLAY_TIMEOUT, screenshot, startSite, widgetsReady, openPage } from './browser.mjs';
import { canvasInk, statReader, noNaNInCards, assertCardsClean } from './probes.mjs';
import { assertPractice, recordReports } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// The widget's numbers recomputed in the page through the engine and the widget's own helpers.
async function expected(page, modelA, modelB, k = 10) {
  return page.evaluate(async ([modelA, modelB, k]) => {
    const { loadEngine } = await import('/engine/index.js');
    const d = await import('/widgets/comparison/data.js');
    const { formatP } = await import('/widgets/model-comparison.js');
    const ml = await loadEngine();
    const a = d.MODELS[modelA].make(ml);
    const b = d.MODELS[modelB].make(ml);
    try {
      const data = d.moons(ml, 200, 0.3, 4);
      const f = d.compareOnFolds(ml, a, b, data, k, 4);
      const t = d.compareOnTestSet(ml, a, b, data, 4);
      return {
        meanA: d.mean(f.a).toFixed(3), meanB: d.mean(f.b).toFixed(3),
        pT: formatP(f.t.pValue), pPerm: formatP(f.permutation.pValue), pMc: formatP(t.exactPValue),
        n01: t.aRightBWrong, n10: t.aWrongBRight,
      };
    } finally { a.delete(); b.delete(); }
  }, [modelA, modelB, k]);
}

async function shown(page) {
  const stat = statReader(page);
  return { meanA: await stat('mean A'), meanB: await stat('mean B'), pT: await stat('t-test p'), pPerm: await stat('permutation p'), pMc: await stat('McNemar p') };
}

test('model-comparison: the readouts are the engine’s for the defaults, and the model menus change them', async () => {
  const page = await openPage(site, '/lessons/comparing-models.html');
  const want = await expected(page, 'forest', 'logistic');
  const got = await shown(page);
  assert.deepEqual(got, { meanA: want.meanA, meanB: want.meanB, pT: want.pT, pPerm: want.pPerm, pMc: want.pMc });
  const mc = await page.locator('.model-comparison-mcnemar').textContent();
  assert.ok(mc.includes(`${want.n01} (n₀₁)`) && mc.includes(`${want.n10} (n₁₀)`), mc);
  assert.match(await page.locator('.model-comparison-result').textContent(), /Exact binomial test \(used for the verdict\)/);
  const ink = await canvasInk(page, '.dw-plot canvas');
  assert.ok(ink.painted > 100 && ink.colours > 3, 'the fold plot is drawn');

  await page.getByLabel('model B', { exact: true }).selectOption('tree');
  const tree = await expected(page, 'forest', 'tree');
  assert.deepEqual(await shown(page), { meanA: tree.meanA, meanB: tree.meanB, pT: tree.pT, pPerm: tree.pPerm, pMc: tree.pMc });

  await page.getByLabel('model A', { exact: true }).selectOption('logistic');
  await page.getByLabel('model B', { exact: true }).selectOption('logistic');
  assert.equal(await statReader(page)('t-test p'), '1.0000');
  assert.equal(await statReader(page)('permutation p'), '1.0000');
  assert.match(await page.locator('.dw-message').first().textContent(), /same deterministic model/);
  await assertCardsClean(page);
  await page.close();
});

test('model-comparison: three folds put the permutation test’s floor at 0.25', async () => {
  const page = await openPage(site, '/lessons/comparing-models.html');
  const k = page.locator('.dw-field', { hasText: 'folds k' }).locator('input');
  await k.focus();
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowLeft');
  const want = await expected(page, 'forest', 'logistic', 3);
  assert.equal(await statReader(page)('permutation p'), want.pPerm);
  assert.ok(Number(want.pPerm) >= 0.25, want.pPerm);
  assert.match(await page.locator('.model-comparison-tests').textContent(), /of 8 patterns/);
  await page.close();
});

// The lesson's steps in order: Things to try 1–3 (model B a tree, both logistic, folds lowered to
// 3) and then the noise experiment, whose reveal gives the counts for 10 folds. The experiment keeps
// 10 folds, so a learner who left the folds at 3 sees the reveal's numbers.
test('model-comparison: after the lesson’s things to try (folds left at 3), the noise experiment reports the reveal’s counts for 10 folds', async () => {
  const page = await openPage(site, '/lessons/comparing-models.html');
  await page.getByLabel('model B', { exact: true }).selectOption('tree');
  await page.getByLabel('model A', { exact: true }).selectOption('logistic');
  await page.getByLabel('model B', { exact: true }).selectOption('logistic');
  const k = page.locator('.dw-field', { hasText: 'folds k' }).locator('input');
  await k.focus();
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowLeft');
  assert.match(await page.locator('.model-comparison-tests').textContent(), /Over 3 folds/);
  const caption = await page.locator('.model-comparison-caption', { hasText: 'Two copies' }).textContent();
  assert.match(caption, /\(noise 0\.30\) and fresh folds \(k = 10\)/);
  assert.match(caption, /the folds and noise sliders and New data change only the panels above/);
  assert.match(await page.locator('.dw-summary-list').textContent(), /Not run yet\. Predict first/);
  // Predict, then check with the lesson's number: 8 of 200 (± 5).
  const box = page.locator('[data-predict="comparison-false-alarms"]');
  await box.getByRole('textbox', { name: /in how many will the t-test say p < 0\.05/ }).fill('8');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.match(await box.getByRole('status').textContent(), /Your prediction: 8\. Now press Run the experiment/);
  assert.match(await box.textContent(), /Counts as right within ± 5\./);
  await page.getByRole('button', { name: 'Run the experiment' }).click();
  await page.waitForFunction(() => /200 resamples of 200 run/.test(document.querySelector('.dw-summary-list').textContent), null, { timeout: 240000 });
  const tally = await page.evaluate(async () => {
    const { loadEngine } = await import('/engine/index.js');
    const d = await import('/widgets/comparison/data.js');
    const ml = await loadEngine();
    const a = d.MODELS.forest.make(ml);
    const b = d.MODELS.forest.make(ml);
    try {
      const results = [];
      for (let r = 0; r < 200; r++) results.push(d.noiseResample(ml, a, b, r, d.COMPARISON_DEFAULTS));
      return d.tallyNoise(results);
    } finally { a.delete(); b.delete(); }
  });
  const text = await page.locator('.dw-summary-list').textContent();
  assert.ok(text.includes(`copy A in ${tally.aWins}, copy B in ${tally.bWins}, a tie in ${tally.ties}`), text);
  assert.ok(text.includes(`p < 0.05 in ${tally.significant} (`), text);
  // The reveal's numbers: 77 against 91, 32 ties, 8 below 0.05.
  assert.deepEqual([tally.aWins, tally.bWins, tally.ties, tally.significant], [77, 91, 32, 8]);
  assert.ok(text.includes('copy A in 77, copy B in 91, a tie in 32 — the naive rule names a “better” model 84'), text);
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.match(await box.getByRole('status').textContent(), /Your prediction held: you said 8, and it came out 8 \(within ± 5\)\. p < 0\.05 in 8 of 200 \(4\.0 ?%\)/);
  const ink = await canvasInk(page, '.dw-plot >> nth=1 >> canvas');
  assert.ok(ink.painted > 100, 'the histogram is drawn');
  await page.getByRole('button', { name: 'Clear' }).click();
  assert.match(await page.locator('.dw-summary-list').textContent(), /Not run yet/);
  await page.close();
});

for (const width of [1280, 375]) {
  test(`model-comparison: the lesson page at ${width} px has no sideways scroll and no NaN`, async () => {
    const page = await openPage(site, '/lessons/comparing-models.html', { width });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, 'no horizontal scroll');
    const hidden = await page.evaluate(() => [...document.querySelectorAll('.dw-card .dw-table-wrap')].filter((w) => w.scrollWidth > w.clientWidth + 1).length);
    assert.equal(hidden, 0, 'every table fits its card without a hidden sideways scroll');
    assert.ok(await noNaNInCards(page));
    await screenshot(page, `model-comparison-${width}`);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  });
}

test('model-comparison: predict, then check on a short experiment (20 resamples) — a held and a missed count', async () => {
  const page = await openPage(site, '/embed.html?w=model-comparison&resamples=20');
  const significant = await page.evaluate(async () => {
    const { loadEngine } = await import('/engine/index.js');
    const d = await import('/widgets/comparison/data.js');
    const ml = await loadEngine();
    const a = d.MODELS.forest.make(ml);
    const b = d.MODELS.forest.make(ml);
    try {
      const o = { ...d.COMPARISON_DEFAULTS, resamples: 20 };
      const results = [];
      for (let r = 0; r < 20; r++) results.push(d.noiseResample(ml, a, b, r, o));
      return d.tallyNoise(results).significant;
    } finally { a.delete(); b.delete(); }
  });
  const box = page.locator('[data-predict="comparison-false-alarms"]');
  const input = box.getByRole('textbox', { name: /20 resamples: in how many/ });
  const run = async (guess) => {
    await input.fill(String(guess));
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
    await page.getByRole('button', { name: /Run the experiment/ }).click();
    await page.waitForFunction(() => document.querySelector('[data-predict="comparison-false-alarms"]').dataset.state === 'settled', null, { timeout: PLAY_TIMEOUT });
    return { result: await box.getAttribute('data-result'), text: await box.getByRole('status').textContent() };
  };
  assert.match(await box.textContent(), /Counts as right within ± 2\./);
  let v = await run(significant);
  assert.equal(v.result, 'held');
  assert.match(v.text, new RegExp(`you said ${significant}, and it came out ${significant} \\(within ± 2\\)`));
  v = await run(significant + 10);
  assert.equal(v.result, 'missed');
  assert.match(v.text, new RegExp(`did not hold: you said ${significant + 10}, and it came out ${significant} \\(outside ± 2\\)`));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The folds and noise sliders and New data change the first two panels only: a short experiment
// run after all three gives the counts of the widget's own settings (k = 10, noise 0.3, seed 4),
// not those of the sliders (which differ at k = 3), and the box settles on them.
test('model-comparison: the noise experiment keeps its settings when the folds, noise and data change', async () => {
  const page = await openPage(site, '/embed.html?w=model-comparison&resamples=20');
  const tallies = await page.evaluate(async () => {
    const { loadEngine } = await import('/engine/index.js');
    const d = await import('/widgets/comparison/data.js');
    const ml = await loadEngine();
    const a = d.MODELS.forest.make(ml);
    const b = d.MODELS.forest.make(ml);
    try {
      const tally = (o) => {
        const results = [];
        for (let r = 0; r < 20; r++) results.push(d.noiseResample(ml, a, b, r, o));
        return d.tallyNoise(results);
      };
      return { ten: tally({ ...d.COMPARISON_DEFAULTS, resamples: 20 }), three: tally({ ...d.COMPARISON_DEFAULTS, k: 3, resamples: 20 }) };
    } finally { a.delete(); b.delete(); }
  });
  const line = (t) => `copy A in ${t.aWins}, copy B in ${t.bWins}, a tie in ${t.ties}`;
  assert.notEqual(line(tallies.ten), line(tallies.three), 'the two settings give different counts');
  const k = page.locator('.dw-field', { hasText: 'folds k' }).locator('input');
  await k.focus();
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowLeft');
  const noise = page.locator('.dw-field', { hasText: 'noise' }).locator('input');
  await noise.focus();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('button', { name: 'New data' }).click();
  assert.match(await page.locator('.model-comparison-tests').textContent(), /Over 3 folds/);
  assert.match(await page.locator('.model-comparison-caption', { hasText: 'Two copies' }).textContent(), /\(noise 0\.30\) and fresh folds \(k = 10\)/);
  const box = page.locator('[data-predict="comparison-false-alarms"]');
  await box.getByRole('textbox', { name: /20 resamples: in how many/ }).fill(String(tallies.ten.significant));
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await page.getByRole('button', { name: /Run the experiment/ }).click();
  await page.waitForFunction(() => document.querySelector('[data-predict="comparison-false-alarms"]').dataset.state === 'settled', null, { timeout: PLAY_TIMEOUT });
  const text = await page.locator('.dw-summary-list').textContent();
  assert.ok(text.includes(line(tallies.ten)), text);
  assert.equal(await box.getAttribute('data-result'), 'held');
  // Moving the folds slider after the run leaves the finished experiment on screen.
  await k.focus();
  await page.keyboard.press('ArrowRight');
  assert.ok((await page.locator('.dw-summary-list').textContent()).includes(line(tallies.ten)));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('model-comparison: a count locked after a finished run is practice, and is not recorded', async () => {
  const page = await openPage(site, '/embed.html?w=model-comparison&resamples=20');
  await recordReports(page);
  const box = page.locator('[data-predict="comparison-false-alarms"]');
  const finished = () => page.waitForFunction(() => /20 resamples of 20 run/.test(document.querySelector('.dw-summary-list').textContent), null, { timeout: PLAY_TIMEOUT });
  await page.getByRole('button', { name: /Run the experiment/ }).click();
  await finished();
  // The box said so once half of them had been counted (10 of the 20); the finished run repeats it.
  assert.match(await box.getByRole('status').textContent(), /10 of the 20 resamples were counted before a prediction was locked in, and a new run repeats them/);
  await box.getByRole('textbox', { name: /20 resamples: in how many/ }).fill('1');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await page.getByRole('button', { name: /Run the experiment/ }).click();
  await page.waitForFunction(() => document.querySelector('[data-predict="comparison-false-alarms"]').dataset.state === 'settled', null, { timeout: PLAY_TIMEOUT });
  await assertPractice(page, box, { result: null });
  await page.close();
});

// Run repeats the same resamples: a run paused half-way has shown most of the final count, and
// Clear does not hide what was seen.
test('model-comparison: a count locked after half the resamples were counted (then paused and cleared) is practice', async () => {
  const page = await openPage(site, '/embed.html?w=model-comparison&resamples=40');
  await recordReports(page);
  const box = page.locator('[data-predict="comparison-false-alarms"]');
  await page.getByRole('button', { name: /Run the experiment/ }).click();
  // Paused from inside the page in the frame that shows 24 or more: a click from the test could
  // arrive after the run had finished, when the same button starts a new run.
  await page.waitForFunction(() => {
    const counted = Number((/(\d+) resamples of 40 run/.exec(document.querySelector('.dw-summary-list').textContent) || [])[1]);
    const pause = [...document.querySelectorAll('button')].find((b) => /^Pause/.test(b.textContent));
    if (counted >= 24 && counted < 40 && pause) { pause.click(); return true; }
    return false;
  }, null, { timeout: 120000, polling: 'raf' });
  const counted = Number(/(\d+) resamples of 40 run/.exec(await page.locator('.dw-summary-list').textContent())[1]);
  assert.ok(counted >= 20 && counted < 40, `paused part-way (${counted} of 40)`);
  await page.getByRole('button', { name: 'Clear' }).click();
  await box.getByRole('textbox', { name: /40 resamples: in how many/ }).fill('2');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await page.getByRole('button', { name: /Run the experiment/ }).click();
  await page.waitForFunction(() => document.querySelector('[data-predict="comparison-false-alarms"]').dataset.state === 'settled', null, { timeout: 120000 });
  await assertPractice(page, box, { result: null });
  await page.close();
});

// The fold plot's last drawing, shape by shape: every filled path (its points, or its arc's
// centre and radius) and every text, recorded from the canvas calls.
function recordCanvasDrawing() {
  const proto = CanvasRenderingContext2D.prototype;
  const wrap = (name, fn) => { const original = proto[name]; proto[name] = function record(...args) { fn(this, ...args); return original.apply(this, args); }; };
  const log = (ctx) => { ctx.canvas.drawing ||= { shapes: [], texts: [] }; return ctx.canvas.drawing; };
  wrap('clearRect', (ctx) => { ctx.canvas.drawing = { shapes: [], texts: [] }; });
  wrap('beginPath', (ctx) => { ctx.path = []; });
  wrap('moveTo', (ctx, x, y) => { (ctx.path ||= []).push({ x, y }); });
  wrap('lineTo', (ctx, x, y) => { (ctx.path ||= []).push({ x, y }); });
  wrap('arc', (ctx, x, y, r) => { (ctx.path ||= []).push({ x, y, r }); });
  wrap('fill', (ctx) => { log(ctx).shapes.push(ctx.path || []); });
  wrap('fillText', (ctx, text, x, y) => { log(ctx).texts.push({ text: String(text), x, y }); });
}

for (const width of [1280, 375]) {
  test(`model-comparison at ${width} px: every fold's circle (A) and triangle (B) are both in view, side by side and inside the plot`, async () => {
    const page = await site.newPage({ width });
    await page.addInitScript(recordCanvasDrawing);
    await page.goto(`${site.base}/lessons/comparing-models.html`);
    await widgetsReady(page);
    const canvas = page.locator('.dw-plot canvas').first();
    await canvas.scrollIntoViewIfNeeded();
    await afterNextFrame(page);
    const { shapes, texts, plotWidth } = await canvas.evaluate((c) => ({ ...c.drawing, plotWidth: c.getBoundingClientRect().width }));
    const circles = shapes.filter((s) => s.length === 1 && s[0].r >= 4).map(([{ x, y, r }]) => ({ left: x - r, right: x + r, y }));
    const triangles = shapes.filter((s) => s.length === 3).map((s) => ({ left: Math.min(...s.map((p) => p.x)), right: Math.max(...s.map((p) => p.x)), y: Math.max(...s.map((p) => p.y)) }));
    assert.equal(circles.length, 10);
    assert.equal(triangles.length, 10);
    circles.sort((a, b) => a.left - b.left);
    triangles.sort((a, b) => a.left - b.left);
    // The two models tie on folds 1 and 7 (0.95 each): the triangle used to hide behind the circle.
    circles.forEach((circle, f) => {
      assert.ok(triangles[f].right <= circle.left + 0.5, `fold ${f + 1}: triangle [${triangles[f].left}, ${triangles[f].right}] overlaps circle [${circle.left}, ${circle.right}]`);
      if (f > 0) assert.ok(circles[f - 1].right <= triangles[f].left + 0.5, `fold ${f + 1}'s triangle overlaps fold ${f}'s circle`);
    });
    // The plot's area starts 48 px from the canvas's left (the widget's margin for the y ticks)
    // and ends 12 px from its right.
    assert.ok(triangles[0].left >= 48 + 8, `fold 1's triangle starts ${triangles[0].left - 48} px inside the plot`);
    assert.ok(circles[9].right <= plotWidth - 12 - 8, `fold 10's circle ends ${plotWidth - 12 - circles[9].right} px inside the plot`);
    // Every fold is numbered on the x axis.
    const ticks = texts.filter((t) => /^\d+$/.test(t.text)).map((t) => t.text);
    assert.deepEqual(ticks, ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    await page.close();
  });
}

// Every seed the option allows runs the experiment: the resamples' moons used to take the seed
// seed · 1000 + r + 1, which the engine refuses above 2³² − 1 ("makeMoons: seed=2.14748e+12 must be
// in [0, 4.29497e+09]" from seed 4 294 967 on). The counts are the engine's for the seeds the
// widget's data helper gives.
test('model-comparison: the noise experiment runs at the largest seed the option allows', async () => {
  const page = await openPage(site, '/embed.html?w=model-comparison&seed=2147483647&resamples=20');
  const significant = await page.evaluate(async () => {
    const { loadEngine } = await import('/engine/index.js');
    const d = await import('/widgets/comparison/data.js');
    const ml = await loadEngine();
    const a = d.MODELS.forest.make(ml);
    const b = d.MODELS.forest.make(ml);
    try {
      const o = { ...d.COMPARISON_DEFAULTS, seed: 2147483647, resamples: 20 };
      const results = [];
      for (let r = 0; r < 20; r++) results.push(d.noiseResample(ml, a, b, r, o));
      return d.tallyNoise(results).significant;
    } finally { a.delete(); b.delete(); }
  });
  await page.getByRole('button', { name: /Run the experiment/ }).click();
  const summary = page.locator('.dw-summary-list');
  await page.waitForFunction(() => /20 resamples of 20 run\./.test(document.querySelector('.dw-summary-list').textContent), null, { timeout: PLAY_TIMEOUT });
  assert.match(await summary.textContent(), new RegExp(`p < 0\\.05 in ${significant} \\(`));
  assert.doesNotMatch(await page.locator('.dw-message').textContent(), /seed|e\+/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
