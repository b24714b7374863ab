// The regression-metrics widget on its lesson page: the table is the engine's MAE, MSE, RMSE
// and R², the outlier moves by keyboard and pointer, the line can be refitted, the scalers panel
// is the engine's, Share state restores the outlier, and the page works at 375 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { offMachineRequests, PLAY_TIMEOUT, screenshot, startSite, widgetsReady, openPage, openFreshPage } from './browser.mjs';
import { lockPrediction, verdict, assertPractice, assertFirstTry, changePrediction, predictBox, recordReports } from './predict-helpers.mjs';
import { canvasInk, statReader, noNaNInCards, assertCardsClean } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

async function expected(page, outlier, line = 'fixed') {
  return page.evaluate(async ([outlier, line]) => {
    const { loadEngine } = await import('/engine/index.js');
    const d = await import('/widgets/comparison/data.js');
    const ml = await loadEngine();
    const s = d.regressionScene(ml, d.REGRESSION_SEED, outlier, line);
    const sc = d.scaleColumn(ml, s.y);
    // An error with 2 decimals but at least 3 significant digits (0.411, 1.23, 27.74).
    const error = (v) => (v < 1 ? v.toFixed(3) : v.toFixed(2));
    return { mae: error(s.with.mae), rmse: error(s.with.rmse), r2: s.with.r2.toFixed(3), mae10: error(s.without.mae), mse10: error(s.without.mse), mse: error(s.with.mse), robustSpan: sc.robust.inlierSpread.toFixed(2), minmaxSpan: sc.minmax.inlierSpread.toFixed(2) };
  }, [outlier, line]);
}
const cell = (page, metric, col) => page.locator(`.regression-metrics-table tr[data-metric="${metric}"] td`).nth(col).textContent();

test('regression-metrics: the table and readouts are the engine’s; arrows move the outlier', async () => {
  const page = await openPage(site, '/lessons/regression-metrics.html');
  let want = await expected(page, { x: 6, y: 16 });
  const stat = statReader(page);
  assert.equal(await stat('MAE'), want.mae);
  assert.equal(await stat('RMSE'), want.rmse);
  assert.equal(await stat('R²'), want.r2);
  assert.equal(await cell(page, 'mae', 0), want.mae10);
  assert.equal(await cell(page, 'mae', 1), want.mae);
  // Each change is worked out from the two values shown beside it: 8.25 / 0.238 = 34.66 (the
  // unrounded MSEs give 34.68; with 0.24 shown it read × 34.7 against a ratio of 34.4).
  assert.deepEqual([await cell(page, 'mse', 0), await cell(page, 'mse', 1), await cell(page, 'mse', 2)], [want.mse10, want.mse, '× 34.7']);
  assert.deepEqual([want.mae10, want.mse10], ['0.411', '0.238']);
  assert.equal(await cell(page, 'mae', 2), '× 3.0');
  assert.equal(await cell(page, 'rmse', 2), '× 5.9');
  assert.deepEqual([await cell(page, 'r2', 0), await cell(page, 'r2', 1), await cell(page, 'r2', 2)], ['0.918', '0.396', '-0.522']);
  assert.match(await page.locator('.dw-message').first().textContent(), /MAE grows ×\s3\.0 and MSE grows ×\s34\.7; RMSE, in the units of y again, grows ×\s5\.9\./);
  assert.match(await page.locator('.dw-summary-list').textContent(), new RegExp(`min–max: the ten ordinary points span ${want.minmaxSpan}`));
  assert.ok((await canvasInk(page, '.dw-plot canvas')).painted > 100);

  // Up arrow: +0.5 in y per press; 16 presses take the outlier from 16 to 24.
  await page.locator('.dw-plot canvas').first().focus();
  for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowUp');
  want = await expected(page, { x: 6, y: 24 });
  assert.equal(await stat('MAE'), want.mae);
  assert.equal(await stat('RMSE'), want.rmse);
  assert.deepEqual([await cell(page, 'mse', 1), await cell(page, 'mse', 2)], ['27.74', '× 116.6']);   // 27.74 / 0.238
  assert.match(await page.locator('.dw-summary-list').textContent(), new RegExp(`robust: the ten ordinary points span ${want.robustSpan}`));
  // Escape puts it back where it was when the plot got focus.
  await page.keyboard.press('Escape');
  assert.equal(await stat('MAE'), (await expected(page, { x: 6, y: 16 })).mae);
  // Down to y = −4 (Shift: 5 a press), where R² turns negative: the readout and the change
  // column write it with the same (ASCII) minus, and the change is −0.218 − 0.918.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown');
  assert.equal(await stat('R²'), (await expected(page, { x: 6, y: -4 })).r2);
  assert.equal(await stat('R²'), '-0.218');
  assert.deepEqual([await cell(page, 'r2', 1), await cell(page, 'r2', 2)], ['-0.218', '-1.136']);
  assert.doesNotMatch(await page.locator('.regression-metrics-table').textContent(), /\u2212/);
  await page.keyboard.press('Escape');

  await page.getByLabel('line', { exact: true }).selectOption('refit');
  want = await expected(page, { x: 6, y: 16 }, 'refit');
  assert.equal(await stat('RMSE'), want.rmse);
  assert.match(await page.locator('.dw-message').first().textContent(), /refitted to all eleven points/);

  await page.getByRole('button', { name: 'Outlier back on the trend' }).click();
  assert.match(await cell(page, 'mse', 2), /^× (0\.\d|1\.0)$/);
  await assertCardsClean(page);
  await page.close();
});

test('regression-metrics: a pointer drag moves the outlier, and Share state restores it', async () => {
  const page = await openPage(site, '/lessons/regression-metrics.html');
  const canvas = page.locator('.dw-plot canvas').first();
  const before = await statReader(page)('MAE');
  // Find the outlier's pixel position from the plot's own mapping (x 6, y 16 in data units).
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const at = await canvas.evaluate((c) => {
    const w = c.clientWidth; const h = c.clientHeight;
    const m = { left: 44, right: 12, top: 12, bottom: 30 };
    return { x: m.left + ((6 + 0.5) / 10) * (w - m.left - m.right), y: h - m.bottom - ((16 + 4) / 28) * (h - m.top - m.bottom) };
  });
  await page.mouse.move(box.x + at.x, box.y + at.y);
  await page.mouse.down();
  await page.mouse.move(box.x + at.x, box.y + at.y + 80, { steps: 5 });
  await page.mouse.up();
  assert.notEqual(await statReader(page)('MAE'), before, 'the drag changed the metrics');
  // The lesson page's only widget writes its state to the address (debounced).
  await page.waitForFunction(() => /state=/.test(location.hash), null, { timeout: PLAY_TIMEOUT });
  const state = await page.evaluate(() => location.hash);
  const again = await site.newPage();
  await again.goto(`${site.base}/lessons/regression-metrics.html${state}`);
  await widgetsReady(again);
  assert.equal(await statReader(again)('MAE'), await statReader(page)('MAE'));
  await again.close();
  await page.close();
});

for (const width of [1280, 375]) {
  test(`regression-metrics: the lesson page at ${width} px has no sideways scroll and no NaN`, async () => {
    const page = await openPage(site, '/lessons/regression-metrics.html', { width });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, 'no horizontal scroll');
    const hidden = await page.evaluate(() => [...document.querySelectorAll('.dw-card .dw-table-wrap')].filter((w) => w.scrollWidth > w.clientWidth + 1).length);
    assert.equal(hidden, 0, 'every table fits its card without a hidden sideways scroll');
    assert.ok(await noNaNInCards(page));
    await screenshot(page, `regression-metrics-${width}`);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  });
}

test('regression-metrics: predict which grows more when the outlier goes up to y = 24 (held, then missed)', async () => {
  const page = await openPage(site, '/lessons/regression-metrics.html');
  const w = page.locator('.dw-card', { has: page.locator('[data-predict="regression-metrics-outlier-up"]') });
  const id = 'regression-metrics-outlier-up';
  const up = async () => {
    await w.locator('.dw-plot canvas').first().focus();
    for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowUp');
  };
  await lockPrediction(w, id, 'rmse');
  await up();
  let v = await verdict(w, id);
  assert.equal(v.result, 'held');
  // The factors of the values quoted: 1.96 / 1.23 = 1.59 and 5.27 / 2.87 = 1.84 (of the unrounded
  // RMSEs, 1.83).
  assert.match(v.text, /MAE went from 1\.23 to 1\.96 \(× 1\.59\), RMSE from 2\.87 to 5\.27 \(× 1\.84\)/);
  await w.getByRole('button', { name: 'Reset' }).click();
  await lockPrediction(w, id, 'mae');
  await up();
  v = await verdict(w, id);
  assert.equal(v.result, 'missed');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Locked at y = 23.5, one step from 24, "about the same" is certain (MAE and RMSE both grow × 1.03):
// the box asks for the outlier no higher than its start.
test('regression-metrics: the box refuses a start just below y = 24 and takes the outlier back at y = 16', async () => {
  const page = await openPage(site, '/lessons/regression-metrics.html');
  const w = page.locator('.dw-card', { has: page.locator('[data-predict="regression-metrics-outlier-up"]') });
  const id = 'regression-metrics-outlier-up';
  const box = predictBox(w, id);
  const press = async (key, n) => {
    await w.locator('.dw-plot canvas').first().focus();
    for (let i = 0; i < n; i++) await page.keyboard.press(key);
  };
  for (const steps of [15, 1]) {                        // y = 23.5, then (after Reset) y = 16.5
    await w.getByRole('button', { name: 'Reset' }).click();
    await press('ArrowUp', steps);
    await box.getByRole('combobox').selectOption('same');
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
    assert.notEqual(await box.getAttribute('data-state'), 'committed', `not locked ${steps} steps up`);
    assert.match(await box.getByRole('status').textContent(), /Move the outlier back down to y = 16 or lower first \(Reset puts it there\): the prediction is about the whole climb to y = 24\./);
  }
  await press('ArrowDown', 1);                          // back at its start, y = 16
  await lockPrediction(w, id, 'same');
  await press('ArrowUp', 16);
  const v = await verdict(w, id);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /MAE went from 1\.23 to 1\.96/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// MAE and RMSE at y = 24 are the box's answer: seen before a prediction, a later one is practice.
test('regression-metrics: a prediction locked after the outlier was seen at y = 24 is practice, and is not recorded', async () => {
  const page = await openPage(site, '/lessons/regression-metrics.html');
  await recordReports(page);
  const w = page.locator('.dw-card', { has: page.locator('[data-predict="regression-metrics-outlier-up"]') });
  const id = 'regression-metrics-outlier-up';
  const up = async () => {
    await w.locator('.dw-plot canvas').first().focus();
    for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowUp');
  };
  await up();
  assert.match((await verdict(w, id, 0)).text, /The metrics with the outlier at y = 24 were on screen before a prediction was locked in/);
  await w.getByRole('button', { name: 'Reset' }).click();
  await lockPrediction(w, id, 'rmse');
  await up();
  await assertPractice(page, predictBox(w, id), { othersMayReport: true });
  await page.close();
});

// Part of the climb (the outlier farther above the line than at its start) shows how MAE and RMSE
// grow: seen before the lock, or under a lock that is then changed, the prediction is practice.
test('regression-metrics: a climb to y = 23.5 and Reset before the lock, or a climb under a lock that is then changed, makes the prediction practice', async () => {
  for (const under of [false, true]) {
    const page = await openPage(site, '/lessons/regression-metrics.html');
    await recordReports(page);
    const w = page.locator('.dw-card', { has: page.locator('[data-predict="regression-metrics-outlier-up"]') });
    const id = 'regression-metrics-outlier-up';
    const box = predictBox(w, id);
    const up = async (n) => {
      await w.locator('.dw-plot canvas').first().focus();
      for (let i = 0; i < n; i++) await page.keyboard.press('ArrowUp');
    };
    if (under) {
      await lockPrediction(w, id, 'mae');
      await up(8);                                        // y = 20: MAE × 1.30, RMSE × 1.42 so far
      await changePrediction(box);
      assert.match(await box.getByRole('status').textContent(), /Part of the run was on screen while your prediction was locked in/);
    } else {
      await up(15);                                       // y = 23.5, one step short of the answer
      assert.match(await box.getByRole('status').textContent(), /The metrics with the outlier farther above the line than where it starts were on screen before a prediction was locked in/);
    }
    await w.getByRole('button', { name: 'Reset' }).click();
    await lockPrediction(w, id, 'rmse');
    await up(16);
    await assertPractice(page, box, { othersMayReport: true });
    await page.close();
  }
});

// Moving the outlier nearer the line (On the trend, or down) shows nothing of the climb.
test('regression-metrics: the outlier moved down and onto the trend before the lock leaves a recorded first try', async () => {
  const page = await openFreshPage(site, '/lessons/regression-metrics.html');
  await recordReports(page);
  const w = page.locator('.dw-card', { has: page.locator('[data-predict="regression-metrics-outlier-up"]') });
  const id = 'regression-metrics-outlier-up';
  await w.locator('.dw-plot canvas').first().focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await w.getByRole('button', { name: 'Outlier back on the trend' }).click();
  await w.getByRole('button', { name: 'Reset' }).click();
  const box = await lockPrediction(w, id, 'rmse');
  await w.locator('.dw-plot canvas').first().focus();
  for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowUp');
  assert.match(await assertFirstTry(page, box), /MAE went from 1\.23 to 1\.96 \(× 1\.59\), RMSE from 2\.87 to 5\.27 \(× 1\.84\)/);
  await page.close();
});

// The lesson says "Before you touch it"; the card's hint, read first, asks for the prediction
// before it invites a drag.
test('regression-metrics: the card\'s hint asks for the prediction before inviting a drag', async () => {
  const page = await openPage(site, '/lessons/regression-metrics.html');
  const w = page.locator('.dw-card', { has: page.locator('[data-predict="regression-metrics-outlier-up"]') });
  const hint = await w.locator('.dw-hint').textContent();
  assert.match(hint, /^First lock in the prediction below: when the outlier goes further up, which grows by the larger factor, MAE or RMSE\? Then drag the hollow red point/);
  assert.ok(hint.indexOf('prediction') < hint.indexOf('drag'), hint);
  assert.match(await page.locator('main').textContent(), /Before you touch it: the outlier starts 9\.40 above the line/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The lesson's path in order: predict, climb to y = 24, "Outlier back on the trend" (the summary
// says the errors shrink, as the lesson's "MAE even drops a little"), then Reset and refit (the
// lesson presses Reset first: refitted with the outlier on the trend, the line would not move).
test('regression-metrics: the lesson\'s steps in order, on the trend then Reset and refit', async () => {
  const page = await openPage(site, '/lessons/regression-metrics.html');
  const w = page.locator('.dw-card', { has: page.locator('[data-predict="regression-metrics-outlier-up"]') });
  const id = 'regression-metrics-outlier-up';
  const message = () => w.locator('.dw-message').first().textContent();
  await lockPrediction(w, id, 'rmse');
  await w.locator('.dw-plot canvas').first().focus();
  for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowUp');
  assert.equal((await verdict(w, id)).result, 'held');
  await w.getByRole('button', { name: 'Outlier back on the trend' }).click();
  assert.deepEqual([await cell(page, 'mae', 0), await cell(page, 'mae', 1), await cell(page, 'mae', 2)], ['0.411', '0.373', '× 0.9']);
  // 0.465 / 0.488 = 0.953: with one decimal it would read × 1.0, as if nothing changed.
  assert.deepEqual([await cell(page, 'rmse', 0), await cell(page, 'rmse', 1), await cell(page, 'rmse', 2)], ['0.488', '0.465', '× 0.95']);
  let text = await message();
  assert.match(text, /The outlier sits 0\.00 above the line/);
  assert.match(text, /With it, MAE shrinks to ×\u00a00\.9 and MSE shrinks to ×\u00a00\.9; RMSE, in the units of y again, shrinks to ×\u00a00\.95\./);
  assert.doesNotMatch(text, /grows/);
  // Refitting now would show nothing: the line of all eleven is the line of the ten.
  await page.getByLabel('line', { exact: true }).selectOption('refit');
  assert.match(await message(), /refitted to all eleven points, ŷ = 1\.00x \+ 0\.59/);
  // The lesson's way: Reset first, then refit (the line menu stays on refit through Reset).
  await page.getByLabel('line', { exact: true }).selectOption('fixed');
  await w.getByRole('button', { name: 'Reset' }).click();
  assert.match(await message(), /The outlier sits 9\.40 above the line/);
  await page.getByLabel('line', { exact: true }).selectOption('refit');
  text = await message();
  assert.match(text, /refitted to all eleven points, ŷ = 1\.59x − 0\.96/);
  assert.match(text, /MAE grows ×\s\d/);
  // "misses most of the ordinary points by more than before": MAE on the ten rises from 0.411.
  assert.ok(Number(await cell(page, 'mae', 0)) > 0.411);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
