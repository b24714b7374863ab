// Claims of time-series.md, checked against the engine with the widget's defaults
// (time-series-split.js: makeSeries(SERIES, noise 0.5, seed 4), LagForecaster with 3 neighbours
// or ridge α = 0.001, 12 lags, horizon 12, 4 folds; forecastValidation with the seed as the
// shuffle seed). Numbers are quoted to two decimals, as the widget shows them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ml } from '../tests/node/engine.mjs';
import { computations, evaluateComputation, parseComputation } from '../web/js/check-computations.js';
import { SERIES, makeSeries, optimism, validate } from '../web/widgets/time-series-split/scene.js';

// The widget module loads the engine, so its schema is read from the built site (as the other lessons do).
const dist = process.env.DW_ENGINE_DIR ? path.resolve(process.env.DW_ENGINE_DIR, '..') : path.resolve(import.meta.dirname, '../dist');
const { schema } = await import(pathToFileURL(path.join(dist, 'widgets', 'time-series-split.js')).href);

const forecaster = new ml.LagForecaster();
const DEFAULTS = { model: 'neighbours', lags: 12, horizon: 12, folds: 4, seed: 4, noise: 0.5, trend: SERIES.trend };
function run(over = {}) {
  const o = { ...DEFAULTS, ...over };
  return validate(ml, forecaster, makeSeries(ml, o), o);
}
const two = (v) => v.toFixed(2);

test('the widget defaults are the lesson\'s', () => {
  for (const [k, v] of Object.entries(DEFAULTS)) assert.equal(schema[k].default, v, k);
  assert.deepEqual(SERIES, { length: 120, level: 0, trend: 0.2, amplitude: 2, period: 12 });
});

test('lag table of 1, 3, 2, 5, 4, 6 with r = 2: four rows as in the lesson', () => {
  const d = ml.lagMatrix([1, 3, 2, 5, 4, 6], 2, 0);
  assert.equal(d.rows, 6 - 2);
  assert.deepEqual(Array.from(d.X), [3, 1, 2, 3, 5, 2, 4, 5]);
  assert.deepEqual(Array.from(d.y), [2, 5, 4, 6]);
});

test('ridge on 1, 3, 5, 7, 9, 11 with one lag: w = 1.000, b = 2.000, forecasts 13, 15, 17', () => {
  const f = new ml.LagForecaster();
  try {
    f.setLags(1, 0);
    f.setAlpha(0.001);
    f.fit([1, 3, 5, 7, 9, 11]);
    const [w, b] = f.coefficients();
    assert.equal(w.toFixed(3), '1.000');
    assert.equal(b.toFixed(3), '2.000');
    assert.deepEqual(Array.from(f.forecast([1, 3, 5, 7, 9, 11], 3), (v) => v.toFixed(2)), ['13.00', '15.00', '17.00']);
  } finally {
    f.delete();
  }
});

test('TimeSeriesSplit on 12 steps, 3 splits: blocks 3–5, 6–8, 9–11; training 0–2, 0–5, 0–8', () => {
  const folds = ml.timeSeriesSplit(12, 3);
  assert.deepEqual(folds.map((f) => [f.test[0], f.test[f.test.length - 1]]), [[3, 5], [6, 8], [9, 11]]);
  assert.deepEqual(folds.map((f) => [f.train[0], f.train[f.train.length - 1]]), [[0, 2], [0, 5], [0, 8]]);
});

test('defaults: shuffled 0.99, hold-out 8.17 (about eight times), TimeSeriesSplit 6.79; far too optimistic', () => {
  const r = run();
  assert.equal(two(r.shuffledError), '0.99');
  assert.equal(two(r.holdoutError), '8.17');
  assert.equal(two(r.timeSeriesError), '6.79');
  assert.equal(Math.round(r.holdoutError / r.shuffledError), 8);
  assert.equal(optimism(r.shuffledError, r.holdoutError), 'far');
  assert.ok(Math.abs(r.timeSeriesError - r.holdoutError) < Math.abs(r.shuffledError - r.holdoutError));
  // The hold-out is the last 12 steps, in no fold.
  assert.equal(r.timeSeriesFolds[3].test[11], 107);
  assert.ok(r.shuffledFolds.every((f) => Math.max(...f.train, ...f.test) < 108));
});

test('nearest neighbours never forecast above the targets they trained on', () => {
  const values = makeSeries(ml, DEFAULTS);
  const r = run();
  const seenMax = Math.max(...values.slice(12, 108));
  assert.ok(Math.max(...r.holdoutForecast) <= seenMax + 1e-12);
  assert.ok(Math.max(...values.slice(108)) > seenMax, 'the hold-out rises above everything seen');
});

test('ridge: all three agree, 0.38 shuffled, 0.40 TimeSeriesSplit, 0.38 hold-out', () => {
  const r = run({ model: 'ridge' });
  assert.equal(two(r.shuffledError), '0.38');
  assert.equal(two(r.timeSeriesError), '0.40');
  assert.equal(two(r.holdoutError), '0.38');
  // "agree": the widget's verdict on the two it compares is no leak (0.38 is not below 0.38).
  assert.equal(optimism(r.shuffledError, r.holdoutError), 'none');
});

test('the widget counts the horizon answer as seen from horizon 6 down: shuffled k-fold reads 0.85 to 1.30 there, above half of 0.99 as at horizon 1', () => {
  const start = Number(two(run({ horizon: 12 }).shuffledError));
  assert.equal(start, 0.99);
  const shown = [1, 2, 3, 4, 5, 6].map((horizon) => Number(two(run({ horizon }).shuffledError)));
  assert.deepEqual(shown, [0.93, 0.85, 0.85, 0.94, 1.03, 1.30]);
  for (const v of shown) assert.ok(v / start >= 0.5);
});

test('predict, then check: horizon 12 → 1 moves shuffled k-fold from 0.99 to 0.93 (above half: "barely moves"), TimeSeriesSplit from 6.79 to 2.18, the hold-out from 8.17 to 1.48', () => {
  const twelve = run({ horizon: 12 });
  const one = run({ horizon: 1 });
  assert.equal(two(twelve.shuffledError), '0.99');
  assert.equal(two(one.shuffledError), '0.93');
  // The box judges the ratio of the two numbers as shown: 0.93 / 0.99 = 0.94, not below half.
  const shownRatio = Number(two(one.shuffledError)) / Number(two(twelve.shuffledError));
  assert.equal(shownRatio.toFixed(2), '0.94');
  assert.ok(shownRatio >= 0.5, 'the box judges "stay above half"');
  assert.equal(two(twelve.timeSeriesError), '6.79');
  assert.equal(two(one.timeSeriesError), '2.18');
  assert.equal(two(twelve.holdoutError), '8.17');
  assert.equal(two(one.holdoutError), '1.48');
  // "The honest errors fall far more": both below half, unlike shuffled k-fold.
  assert.ok(one.timeSeriesError / twelve.timeSeriesError < 0.5);
  assert.ok(one.holdoutError / twelve.holdoutError < 0.5);
  // With ridge the answer is the same (shuffled 0.38 → 0.39), in case the learner did not switch back.
  assert.ok(run({ model: 'ridge', horizon: 1 }).shuffledError / run({ model: 'ridge', horizon: 12 }).shuffledError >= 0.5);
});

test('seeds 1 to 20 with the defaults: shuffled k-fold is far too optimistic on every one', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const r = run({ seed });
    assert.equal(optimism(r.shuffledError, r.holdoutError), 'far', `seed ${seed}: ${r.shuffledError} vs ${r.holdoutError}`);
  }
});

test('one lag: ridge forecasting 12 ahead goes wrong while shuffled k-fold barely notices', () => {
  const r = run({ model: 'ridge', lags: 1 });
  assert.ok(r.holdoutError > 4 * r.shuffledError, `${r.shuffledError} vs ${r.holdoutError}`);
  assert.ok(r.timeSeriesError > 4 * r.shuffledError);
});

test('the verdict follows the lesson\'s definition at its boundaries', () => {
  // On the errors as shown, to two decimals.
  assert.equal(optimism(1, 2), 'some');          // twice: not more than twice
  assert.equal(optimism(1, 2.004), 'some');      // shown as 2.00: twice
  assert.equal(optimism(1, 2.01), 'far');
  assert.equal(optimism(1, 1), 'none');          // equal: not optimistic
  assert.equal(optimism(1, 1.004), 'none');      // shown as 1.00: equal
  assert.equal(optimism(1, 1.01), 'some');
  assert.equal(optimism(0.3794, 0.3801), 'none'); // both shown as 0.38
  assert.equal(optimism(0, 1), 'unknown');
});

test('check-yourself: TimeSeriesSplit on 100 steps with 4 splits trains the first fold on 20 steps', () => {
  assert.equal(evaluateComputation(ml, parseComputation('time-series-split.firstTrain n=100 splits=4')), 20);
  const all = computations['time-series-split'](ml, { n: 100, splits: 4 });
  assert.equal(all.testSize, 20);
  assert.equal(all.lastTrain, 80);
});
