// The time-series-split widget on its lesson page: the three errors are the engine's
// forecastValidation for the widget's state, the model menu and the sliders (by keyboard) change
// them, the fold bands are drawn, the Predict-then-check box holds and misses, and the page fits
// 375 px in both themes without NaN.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady, openPage } from './browser.mjs';
import { lockPrediction, verdict, assertPractice, predictBox, recordReports } from './predict-helpers.mjs';
import { canvasInk, statReader, noNaNInCards, assertCardsClean, reportedEvents } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const PAGE = '/lessons/time-series.html';
const DEFAULTS = { model: 'neighbours', lags: 12, horizon: 12, folds: 4, seed: 4, noise: 0.5, trend: 0.2 };

async function expected(page, over = {}) {
  return page.evaluate(async (o) => {
    const { loadEngine } = await import('/engine/index.js');
    const s = await import('/widgets/time-series-split/scene.js');
    const ml = await loadEngine();
    const f = new ml.LagForecaster();
    try {
      const r = s.validate(ml, f, s.makeSeries(ml, o), o);
      return { shuffled: r.shuffledError.toFixed(2), split: r.timeSeriesError.toFixed(2), holdout: r.holdoutError.toFixed(2) };
    } finally {
      f.delete();
    }
  }, { ...DEFAULTS, ...over });
}

async function readStats(page) {
  const stat = statReader(page);
  return { shuffled: await stat('shuffled k-fold MSE'), split: await stat('TimeSeriesSplit MSE'), holdout: await stat('hold-out MSE') };
}

// A slider's accessible name is its label followed by the value it shows ("lags d 12").
async function setSlider(page, label, value) {
  const input = page.getByRole('slider', { name: new RegExp(`^${label}`) });
  await input.focus();
  await page.keyboard.press('Home');           // the slider's minimum, 1
  for (let v = 1; v < value; v++) await page.keyboard.press('ArrowRight');
}

test('time-series-split: readouts are the engine\'s; the model menu and the sliders change them', async () => {
  const page = await openPage(site, PAGE);
  assert.deepEqual(await readStats(page), await expected(page));
  assert.deepEqual(await readStats(page), { shuffled: '0.99', split: '6.79', holdout: '8.17' });
  assert.match(await page.locator('.dw-message').first().textContent(), /^Far too optimistic: shuffled k-fold reports 0\.99, but forecasting the later hold-out costs 8\.17, 8\.3 times as much\./);
  for (const canvas of await page.locator('.time-series-split-plot canvas').all()) {
    const ink = await canvas.evaluate((c) => c.width);
    assert.ok(ink > 0);
  }
  assert.ok((await canvasInk(page, '.time-series-split-plot canvas')).painted > 100);

  await page.getByLabel('model on the lag features').selectOption('ridge');
  assert.deepEqual(await readStats(page), await expected(page, { model: 'ridge' }));
  assert.match(await page.locator('.dw-message').first().textContent(), /^Not optimistic this time: shuffled k-fold \(0\.38\) is not below the hold-out error \(0\.38\)/);

  await setSlider(page, 'lags d', 3);
  assert.deepEqual(await readStats(page), await expected(page, { model: 'ridge', lags: 3 }));
  await setSlider(page, 'forecast horizon', 6);
  assert.deepEqual(await readStats(page), await expected(page, { model: 'ridge', lags: 3, horizon: 6 }));

  await page.getByRole('button', { name: 'New series' }).click();
  assert.deepEqual(await readStats(page), await expected(page, { model: 'ridge', lags: 3, horizon: 6, seed: 5 }));
  await assertCardsClean(page);
  await page.close();
});

// Settings the 120 steps cannot hold are said in plain words with what fits (the engine's
// forecastLimits, checked against hand-worked edges in lessons/time-series.claims.test.mjs), never
// as the engine's error, and a count of one is singular.
test('time-series-split: a horizon too large for the lags is refused in words that say what fits, and the widget recovers', async () => {
  const page = await openPage(site, PAGE);
  const text = () => page.locator('.dw-message').first().textContent();
  await setSlider(page, 'forecast horizon', 24);
  assert.equal(await text(), '120 steps are too few for 4 folds forecasting 24 steps ahead with 12 lags: the hold-out and the folds\' blocks leave the first fold too few rows to learn from. Lower the forecast horizon to 18 or less.');
  assert.equal(await page.locator('.dw-message').first().getAttribute('data-tone'), 'warn');
  await setSlider(page, 'lags d', 1);
  assert.match(await text(), /^120 steps are too few for 4 folds forecasting 24 steps ahead with 1 lag: .* Lower the forecast horizon to 23 or less\.$/);
  await setSlider(page, 'lags d', 18);
  await setSlider(page, 'forecast horizon', 18);
  assert.match(await text(), /with 18 lags: .* Lower the forecast horizon to 16 or less, or the lags to 14 or less\.$/);
  assert.doesNotMatch(await text(), /forecastValidation|values are too few/);
  assert.equal(await statReader(page)('hold-out MSE'), '–');
  assert.ok(await noNaNInCards(page));
  await setSlider(page, 'lags d', 14);
  assert.deepEqual(await readStats(page), await expected(page, { lags: 14, horizon: 18 }));
  await setSlider(page, 'lags d', 24);
  await setSlider(page, 'forecast horizon', 24);
  assert.match(await text(), /with 24 lags: /);
  await setSlider(page, 'forecast horizon', 12);
  await setSlider(page, 'lags d', 12);
  assert.deepEqual(await readStats(page), await expected(page));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The canvases' labels follow the readouts: after a refused horizon they said the last run's
// errors ("the last 12 are the hold-out, forecast with MSE 8.17") while every readout showed "–";
// and one step of hold-out is singular ("the last 1 are").
test('time-series-split: the figures\' labels say there is no result when a setting is refused, and count one step as one', async () => {
  const page = await openPage(site, PAGE);
  const labels = () => page.locator('.time-series-split-plot canvas').evaluateAll((cs) => cs.map((c) => c.getAttribute('aria-label')));
  assert.deepEqual(await labels(), [
    'Series of 120 steps; the last 12 steps are the hold-out, forecast with MSE 8.17',
    '4 TimeSeriesSplit folds (MSE 6.79) and 4 shuffled k-fold folds (MSE 0.99)',
  ]);
  await setSlider(page, 'forecast horizon', 24);
  assert.equal(await statReader(page)('hold-out MSE'), '–');
  assert.deepEqual(await labels(), [
    'Series of 120 steps; the last 24 steps are the hold-out, not forecast: nothing runs at these settings',
    'No folds: nothing is cross-validated at these settings',
  ]);
  // The folds' heading is drawn on the canvas: every string drawn is recorded from here on.
  await page.evaluate(() => {
    window.drawnTexts = [];
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) { window.drawnTexts.push(String(text)); return fillText.call(this, text, ...rest); };
  });
  await setSlider(page, 'forecast horizon', 1);
  await page.waitForFunction(() => window.drawnTexts.some((s) => s.startsWith('TimeSeriesSplit: ')));
  const headings = await page.evaluate(() => window.drawnTexts.filter((s) => s.startsWith('TimeSeriesSplit: ')));
  assert.equal(headings.at(-1), 'TimeSeriesSplit: train on the past, forecast the next step');
  assert.deepEqual(await labels(), [
    'Series of 120 steps; the last step is the hold-out, forecast with MSE 1.48',
    '4 TimeSeriesSplit folds (MSE 2.18) and 4 shuffled k-fold folds (MSE 0.93)',
  ]);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Moves a slider by `steps` arrow presses (negative: left), without passing through its minimum.
async function nudgeSlider(page, label, steps) {
  await page.getByRole('slider', { name: new RegExp(`^${label}`) }).focus();
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps < 0 ? 'ArrowLeft' : 'ArrowRight');
}

// A fresh lesson page with no saved progress (an earlier test's verdict would open the reveal).
async function freshLesson() {
  const page = await site.newPage();
  await page.goto(`${site.base}${PAGE}`);
  await page.evaluate(() => localStorage.removeItem('dw:lesson:time-series'));
  await page.reload();
  await widgetsReady(page);
  await recordReports(page);
  const id = 'ts-horizon';
  const w = page.locator('.dw-card', { has: page.locator(`[data-predict="${id}"]`) });
  const reveal = page.locator('details.dw-reveal').filter({ hasText: 'It barely moves' });
  return { page, id, w, box: w.locator(`[data-predict="${id}"]`), reveal };
}

test('time-series-split: predict what horizon 12 → 1 does to shuffled k-fold (held and recorded, then missed as practice)', async () => {
  const { page, id, w, box, reveal } = await freshLesson();
  // The widget opens at horizon 12, the box's start; horizon 1, its answer, has not been on screen.
  assert.deepEqual(await readStats(page), { shuffled: '0.99', split: '6.79', holdout: '8.17' });
  assert.equal(await reveal.evaluate((d) => d.open), false);
  // Not ready away from horizon 12.
  await nudgeSlider(page, 'forecast horizon', -1);
  await box.locator('select').selectOption('same');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.match(await box.getByRole('status').textContent(), /Set the forecast horizon to 12 first/);
  await nudgeSlider(page, 'forecast horizon', 1);

  await lockPrediction(w, id, 'same');
  assert.equal(await reveal.evaluate((d) => d.open), false, 'locked, no outcome yet');
  await setSlider(page, 'forecast horizon', 1);
  assert.deepEqual(await readStats(page), { shuffled: '0.93', split: '2.18', holdout: '1.48' });
  let v = await verdict(w, id);
  assert.equal(v.result, 'held', v.text);
  assert.match(v.text, /At horizon 12 shuffled k-fold said 0\.99; at 1 it says 0\.93 \(× 0\.94\)\..*TimeSeriesSplit now says 2\.18 and the later hold-out 1\.48/);
  assert.equal(await reveal.evaluate((d) => d.open), true);
  assert.deepEqual((await reportedEvents(page)).map((e) => [e.type, e.score, e.firstTry]), [['dw:score', 1, true], ['dw:complete', 1, true]]);

  await nudgeSlider(page, 'forecast horizon', 11);
  await lockPrediction(w, id, 'fall');
  await setSlider(page, 'forecast horizon', 1);
  v = await verdict(w, id);
  assert.equal(v.result, 'missed', v.text);
  assert.equal((await reportedEvents(page)).length, 2, 'a second try is not recorded');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('time-series-split: a prediction locked after horizon 1 was on screen is practice, and is not recorded', async () => {
  const { page, id, w, box, reveal } = await freshLesson();
  await setSlider(page, 'forecast horizon', 1);
  assert.match(await box.getByRole('status').textContent(), /The errors at horizon 1 were on screen before a prediction was locked in/);
  assert.equal(await reveal.evaluate((d) => d.open), true);
  await nudgeSlider(page, 'forecast horizon', 11);
  await lockPrediction(w, id, 'same');
  await setSlider(page, 'forecast horizon', 1);
  await assertPractice(page, predictBox(w, id));
  await page.close();
});

test('time-series-split: horizon 6 on screen first (shuffled 1.30, the same verdict as at 1) makes a later prediction practice', async () => {
  const { page, id, w, box } = await freshLesson();
  await nudgeSlider(page, 'forecast horizon', -6);
  assert.equal((await readStats(page)).shuffled, '1.30');
  assert.match(await box.getByRole('status').textContent(), /The errors at horizon 6 were on screen before a prediction was locked in/);
  await nudgeSlider(page, 'forecast horizon', 6);
  await lockPrediction(w, id, 'same');
  await setSlider(page, 'forecast horizon', 1);
  await assertPractice(page, predictBox(w, id));
  await page.close();
});

// The lesson top to bottom, each step from where the one before left the widget: ridge, back to
// nearest neighbours and the Predict step (horizon 1), then "Things to try" 1 (horizon back to 12,
// New series a few times: far too optimistic on each) and 2 (lags 1, both models).
test('time-series-split: the lesson path in order — ridge, Predict (horizon 1), item 1 (horizon back to 12, New series), item 2 (lags 1)', async () => {
  const { page, id, w } = await freshLesson();
  const message = () => page.locator('.dw-message').first().textContent();
  await page.getByLabel('model on the lag features').selectOption('ridge');
  assert.deepEqual(await readStats(page), { shuffled: '0.38', split: '0.40', holdout: '0.38' });
  assert.match(await message(), /^Not optimistic this time/);
  await page.getByLabel('model on the lag features').selectOption('neighbours');
  assert.match(await message(), /^Far too optimistic: shuffled k-fold reports 0\.99, but forecasting the later hold-out costs 8\.17, 8\.3 times as much/);

  // Predict, then check: horizon 12 → 1, where shuffled k-fold is only "optimistic".
  await lockPrediction(w, id, 'same');
  await setSlider(page, 'forecast horizon', 1);
  assert.equal((await verdict(w, id)).result, 'held');
  assert.deepEqual(await readStats(page), { shuffled: '0.93', split: '2.18', holdout: '1.48' });
  assert.match(await message(), /^Optimistic: shuffled k-fold \(0\.93\) is below the hold-out error \(1\.48\), which is not twice as high\./);

  // Item 1: the horizon back to 12 is the defaults again; New series a few times (seeds 5, 6, 7).
  await nudgeSlider(page, 'forecast horizon', 11);
  assert.deepEqual(await readStats(page), { shuffled: '0.99', split: '6.79', holdout: '8.17' });
  assert.match(await message(), /^Far too optimistic/);
  for (const seed of [5, 6, 7]) {
    await page.getByRole('button', { name: 'New series' }).click();
    const stats = await readStats(page);
    assert.deepEqual(stats, await expected(page, { seed }));
    const text = await message();
    assert.match(text, /^Far too optimistic: shuffled k-fold reports/, `seed ${seed}: ${text}`);
    const times = Number(/, (\d+\.\d+) times as much/.exec(text)[1]);
    assert.ok(Number(stats.holdout) > 2 * Number(stats.shuffled) && times > 2, `seed ${seed}: ${text}`);
    assert.equal(times.toFixed(1), (Number(stats.holdout) / Number(stats.shuffled)).toFixed(1));
  }

  // Item 2: one lag, both models. With ridge the 12-step forecasts go wrong while shuffled k-fold
  // stays near 1 (seed 7: 1.06 against TimeSeriesSplit 5.21 and the hold-out 3.44).
  await setSlider(page, 'lags d', 1);
  const neighbours = await readStats(page);
  assert.deepEqual(neighbours, await expected(page, { seed: 7, lags: 1 }));
  assert.ok(Number(neighbours.split) > 3 * Number(neighbours.shuffled));
  await page.getByLabel('model on the lag features').selectOption('ridge');
  const ridge = await readStats(page);
  assert.deepEqual(ridge, await expected(page, { seed: 7, lags: 1, model: 'ridge' }));
  assert.deepEqual(ridge, { shuffled: '1.06', split: '5.21', holdout: '3.44' });
  assert.match(await message(), /^Far too optimistic: shuffled k-fold reports 1\.06, but forecasting the later hold-out costs 3\.44, 3\.2 times as much/);

  // The Predict step's record stands; the later steps add nothing to it.
  assert.deepEqual((await reportedEvents(page)).map((e) => [e.type, e.score]), [['dw:score', 1], ['dw:complete', 1]]);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('time-series-split: changing the model while a prediction waits voids it', async () => {
  const { page, id, w, box } = await freshLesson();
  await lockPrediction(w, id, 'same');
  await page.getByLabel('model on the lag features').selectOption('ridge');
  assert.match(await box.getByRole('status').textContent(), /The model, the lags or the series changed: the prediction no longer applies/);
  assert.notEqual(await box.getAttribute('data-state'), 'committed');
  assert.deepEqual(await reportedEvents(page), []);
  await page.close();
});

for (const width of [1280, 375]) {
  for (const scheme of ['light', 'dark']) {
    test(`time-series-split: the lesson page at ${width} px (${scheme}) has no sideways scroll and no NaN`, async () => {
      const page = await site.newPage({ width });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${site.base}${PAGE}`);
      await widgetsReady(page);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, 'no horizontal scroll');
      assert.ok(await noNaNInCards(page));
      await page.locator('.time-series-split-plot').first().scrollIntoViewIfNeeded();
      await screenshot(page, `time-series-split-${width}-${scheme}`);
      assert.deepEqual(page.record.errors, []);
      await page.close();
    });
  }
}
