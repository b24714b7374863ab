// Data and engine calls of the regression-race widget, shared with its lesson's claims test
// (lessons/regression-models.claims.test.mjs) and the check-yourself computations. Free of the
// DOM: every function takes the loaded engine `ml` and returns plain numbers and arrays.
//
// The race: one seeded curve (makeWigglyCurve, y = 2·sin x + 0.3·x + noise), a training set and a
// larger test set from two seeds, six models fitted on the training set with the settings below,
// and RMSE, MAE and R² on both sets. The importance view: makeImportanceTable (x0 strong, x1 a
// curve, x2 weak, x3 useless), a forest or boosted trees fitted on it, impurity importance from
// the training fit and permutation importance on the test set.
// Own points (a CSV file of x, y rows) replace the curve: a seeded 30 % of them is held out as the
// test set (ownRaceData), and the curves are drawn over the points' own x range.

import { roundLadder, nearestRungValue } from '../../lib/ladder.js';
import { formatNumber, formatShort, readShown } from '../../lib/format.js';

export const RACE_DEFAULTS = { seed: 7, points: 40, noise: 0.4 };
export const TEST_POINTS = 200;
export const TEST_SEED_OFFSET = 100003;
export const X_RANGE = [0, 6];
export const CURVE_SAMPLES = 241;
// The predict-then-check experiment: which model has the highest test RMSE once the noise is
// raised to this value?
export const PREDICT_NOISE = 1.2;
// From this noise up the bottom of the lesson's table is already the answer at PREDICT_NOISE
// (gradient boosting has the highest test RMSE at every noise from 1.0 to 2.0, and at none below:
// lessons/regression-models.claims.test.mjs), so a table seen there with nothing locked answers it.
export const ANSWER_SHOWN_FROM_NOISE = 1.0;

// Settings each model exposes: key, min, max, default value, and either a step (a linear slider)
// or stops (a slider over round values spanning decades, web/lib/ladder.js: 0.01, 0.012, 0.015,
// 0.02, … so the λ = 1 and γ = 50 of the lesson are stops, and the value shown is the value
// used). The names a learner reads (the model's, its short name, each setting's) are in
// messages.js under the same keys.
export const MODELS = [
  {
    key: 'linear',
    settings: [],
    make(ml) { const m = new ml.ElasticNet(); m.setAlpha(0); return m; },
  },
  {
    key: 'elastic',
    settings: [
      { key: 'alpha', min: 0.001, max: 10, stops: roundLadder(0.001, 10), value: 0.01 },
      { key: 'l1Ratio', min: 0, max: 1, step: 0.05, value: 0.5 },
    ],
    make(ml, s) { const m = new ml.ElasticNet(); m.setAlpha(s.alpha); m.setL1Ratio(s.l1Ratio); return m; },
  },
  {
    key: 'svrLinear',
    settings: [
      { key: 'C', min: 0.01, max: 100, stops: roundLadder(0.01, 100), value: 1 },
      { key: 'epsilon', min: 0, max: 2, step: 0.05, value: 0.1 },
    ],
    make(ml, s) { const m = new ml.SVR(); m.setKernel('linear'); m.setC(s.C); m.setEpsilon(s.epsilon); return m; },
  },
  {
    key: 'svrRbf',
    settings: [
      { key: 'C', min: 0.01, max: 100, stops: roundLadder(0.01, 100), value: 10 },
      { key: 'epsilon', min: 0, max: 2, step: 0.05, value: 0.1 },
      { key: 'gamma', min: 0.01, max: 100, stops: roundLadder(0.01, 100), value: 0.5 },
    ],
    make(ml, s) {
      const m = new ml.SVR(); m.setKernel('rbf'); m.setC(s.C); m.setEpsilon(s.epsilon); m.setGamma(s.gamma); return m;
    },
  },
  {
    key: 'forest',
    settings: [
      { key: 'trees', min: 1, max: 200, step: 1, value: 100 },
      { key: 'minLeaf', min: 1, max: 20, step: 1, value: 1 },
    ],
    make(ml, s) { const m = new ml.RandomForestRegressor(); m.setTreeCount(s.trees); m.setMinSamplesLeaf(s.minLeaf); return m; },
  },
  {
    key: 'boosting',
    settings: [
      { key: 'rounds', min: 1, max: 300, step: 1, value: 100 },
      { key: 'learningRate', min: 0.01, max: 1, stops: roundLadder(0.01, 1), value: 0.1 },
      { key: 'depth', min: 1, max: 6, step: 1, value: 2 },
    ],
    make(ml, s) {
      const m = new ml.GradientBoosting(); m.setEstimatorCount(s.rounds); m.setLearningRate(s.learningRate); m.setMaxDepth(s.depth); return m;
    },
  },
];
export const MODEL_KEYS = MODELS.map((m) => m.key);
// The models flexible enough to follow the noise of their training points (the lesson: boosting
// "followed the noise of these forty points", the forest "more mildly"); the three straight lines
// cannot, so a train–test gap of theirs is only the difference between two samples. The race
// message says a model "learned part of the noise" only for one of these, and only when the curve
// has noise (at noise 0 there is none to learn).
export const NOISE_FITTERS = ['svrRbf', 'forest', 'boosting'];
export const modelByKey = (key) => MODELS.find((m) => m.key === key);

// Every model's default settings: { elastic: { alpha: 0.01, l1Ratio: 0.5 }, … }.
export function defaultSettings() {
  const out = {};
  for (const m of MODELS) out[m.key] = Object.fromEntries(m.settings.map((s) => [s.key, s.value]));
  return out;
}

// Checked settings: every value a finite number inside its slider's range (for Share links).
export function validSettings(value) {
  if (!value || typeof value !== 'object') return false;
  return MODELS.every((m) => m.settings.every((s) => {
    const v = value[m.key] && value[m.key][s.key];
    return Number.isFinite(v) && v >= s.min && v <= s.max;
  }));
}

// A setting as its slider holds it: a value on stops moves to the nearest stop, a value on a
// linear slider is rounded to the slider's step (and written with the step's decimals).
const stepDigits = (step) => (step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3);
export function onSlider(spec, v) {
  if (spec.stops) return nearestRungValue(spec.stops, v, spec.value);
  return Number((Math.round(v / spec.step) * spec.step).toFixed(stepDigits(spec.step)));
}
// The slider's readout of a setting: a stop in its own round digits (50, 0.5, 0.001), a value on
// a linear slider with its step's decimals (0.10, 20).
export function settingText(spec, v) {
  return spec.stops ? formatShort(onSlider(spec, v), 3) : formatNumber(onSlider(spec, v), stepDigits(spec.step));
}
// Every setting moved to where its slider would hold it (settings from a Share link).
export function settingsOnSliders(settings) {
  const out = {};
  for (const m of MODELS) out[m.key] = Object.fromEntries(m.settings.map((s) => [s.key, onSlider(s, settings[m.key][s.key])]));
  return out;
}
// The settings that differ from their defaults as the sliders show them, in MODELS order:
// [{ model, key, value, default }]. The predict-then-check box asks about the default settings.
export function changedSettings(settings) {
  const out = [];
  for (const m of MODELS) {
    for (const s of m.settings) {
      const v = settings[m.key] && settings[m.key][s.key];
      if (!Number.isFinite(v) || settingText(s, v) !== settingText(s, s.value)) out.push({ model: m.key, key: s.key, value: v, default: s.value });
    }
  }
  return out;
}

// The training and test curves of a seed: flat arrays copied out of the engine.
export function raceData(ml, { seed, points, noise }) {
  const train = ml.makeWigglyCurve(points, noise, seed);
  const test = ml.makeWigglyCurve(TEST_POINTS, noise, (seed + TEST_SEED_OFFSET) >>> 0);
  return {
    train: { x: Array.from(train.X), y: Array.from(train.y) },
    test: { x: Array.from(test.X), y: Array.from(test.y) },
  };
}

// Own points for the race: (x, y) in the file's order, a seeded TEST_SHARE of them held out as
// the test set (the engine's trainValidationTestSplit with the widget's seed). `split` names each
// point's part in the file's order; `range` is the x range the curves are drawn over.
export const TEST_SHARE = 0.3;
export function ownRaceData(ml, { x, y }, seed) {
  const s = ml.trainValidationTestSplit(x.length, 0, TEST_SHARE, seed, false);
  const pick = (idx) => ({ x: Array.from(idx, (i) => x[i]), y: Array.from(idx, (i) => y[i]) });
  const split = new Array(x.length).fill('train');
  for (const i of s.test) split[i] = 'test';
  const lo = Math.min(...x), hi = Math.max(...x);
  const pad = 0.05 * (hi - lo);
  return { train: pick(s.train), test: pick(s.test), split, range: [lo - pad, hi + pad] };
}

export function metrics(ml, y, pred) {
  const mse = ml.meanSquaredError(y, pred);
  return { rmse: Math.sqrt(mse), mae: ml.meanAbsoluteError(y, pred), r2: ml.r2Score(y, pred) };
}

export const MAX_STEPS = 100000;

// One model fitted to the training set (reset with the seed, so the forest is reproducible);
// returns its metrics on both sets and its prediction curve over X_RANGE (or the data's range).
export function fitOne(ml, key, settings, data, seed) {
  const spec = modelByKey(key);
  return ml.scoped((own) => {
    const m = own(spec.make(ml, settings[key] || {}));
    m.setTracing(false);  // nothing draws the trace; same parameters either way (conformance test)
    m.setData(data.train.x, 1, data.train.y);
    m.reset(seed);
    m.fit(MAX_STEPS);
    const [x0, x1] = data.range || X_RANGE;
    const grid = Array.from({ length: CURVE_SAMPLES }, (_, i) => x0 + ((x1 - x0) * i) / (CURVE_SAMPLES - 1));
    const trainPred = Array.from(m.predict(data.train.x));
    const testPred = Array.from(m.predict(data.test.x));
    return {
      key,
      train: metrics(ml, data.train.y, trainPred),
      test: metrics(ml, data.test.y, testPred),
      curve: { x: grid, y: Array.from(m.predict(grid)) },
      status: m.status(),
    };
  });
}

// Every model on one data set, in MODELS order.
export function race(ml, options = RACE_DEFAULTS, settings = defaultSettings()) {
  const data = raceData(ml, options);
  return { data, results: MODELS.map((spec) => fitOne(ml, spec.key, settings, data, options.seed)) };
}

// Keys sorted by a metric on a set, best first (RMSE and MAE ascending, R² descending).
export function ranking(results, metric = 'rmse', set = 'test') {
  const sign = metric === 'r2' ? -1 : 1;
  return results.slice().sort((a, b) => sign * (a[set][metric] - b[set][metric])).map((r) => r.key);
}

// An RMSE as the race's table, readouts and messages show it.
export const shownRmse = (v) => formatNumber(v, 2);

// The model with the largest gap between test and training RMSE, the gap worked out from the two
// as the table shows them (web/lib/format.js: a difference beside shown numbers checks out by
// hand): training 0.0015 and test 0.4156 read 0.00 and 0.42, so the gap reads 0.42, never the
// 0.41 of the unrounded numbers. Counted in hundredths, so equal shown gaps compare equal; those
// go to the larger unrounded gap. Returns { key, gap } with the gap as shown.
export function largestShownGap(results) {
  const hundredths = (v) => Math.round(100 * readShown(shownRmse(v)));
  const gaps = results.map((r) => ({ key: r.key, shown: hundredths(r.test.rmse) - hundredths(r.train.rmse), raw: r.test.rmse - r.train.rmse }));
  gaps.sort((a, b) => b.shown - a.shown || b.raw - a.raw);
  return { key: gaps[0].key, gap: shownRmse(gaps[0].shown / 100) };
}

// The models other than `best` whose test RMSE reads the same as the best one's: the table marks
// one winner by the unrounded numbers, and the words say when the rounding hides the difference.
export function tiedAsShown(results, best) {
  const bestShown = shownRmse(results.find((r) => r.key === best).test.rmse);
  return results.filter((r) => r.key !== best && shownRmse(r.test.rmse) === bestShown).map((r) => r.key);
}

// ---- feature importance ----

export const FEATURES = ['strong', 'curve', 'weak', 'useless'];
// Each feature of the engine's importance table is drawn uniformly from this range
// (makeImportanceTable in engine/src/regression_race.cpp).
export const FEATURE_RANGE = [-2, 2];
export const IMPORTANCE_DEFAULTS = { seed: 7, points: 200, noise: 2, model: 'forest', repeats: 10 };
export const IMPORTANCE_MODELS = ['forest', 'boosting'];
// The lesson's rule for "impurity credits it, permutation does not": at least 2 % of the impurity
// importance while shuffling it on the test set costs less than 0.01 of R².
export const IMPURITY_SHARE_MIN = 0.02;
export const PERMUTATION_DROP_MAX = 0.01;

export function importanceData(ml, { seed, points, noise }) {
  const train = ml.makeImportanceTable(points, noise, seed);
  const test = ml.makeImportanceTable(points, noise, (seed + TEST_SEED_OFFSET) >>> 0);
  return {
    train: { X: Array.from(train.X), y: Array.from(train.y) },
    test: { X: Array.from(test.X), y: Array.from(test.y) },
  };
}

function importanceModel(ml, key) {
  if (key === 'boosting') {
    const m = new ml.GradientBoosting();
    m.setEstimatorCount(100);
    m.setMaxDepth(3);
    return m;
  }
  const m = new ml.RandomForestRegressor();
  m.setTreeCount(100);
  return m;
}

// Impurity importance (training fit, sums to 1) and permutation importance (drop of test R²,
// mean and standard deviation over `repeats` seeded shuffles) of one model, plus its test R².
// `withTrain` adds permutation importance on the training rows (the lesson's comparison; the
// widget skips it, halving the work).
export function importances(ml, options = IMPORTANCE_DEFAULTS, { withTrain = false } = {}) {
  const data = importanceData(ml, options);
  return ml.scoped((own) => {
    const m = own(importanceModel(ml, options.model));
    m.setTracing(false);
    m.setData(data.train.X, FEATURES.length, data.train.y);
    m.reset(options.seed);
    m.fit(MAX_STEPS);
    const impurity = Array.from(m.featureImportances());
    const p = ml.permutationImportance(m, data.test.X, data.test.y, options.repeats, options.seed);
    const train = withTrain ? ml.permutationImportance(m, data.train.X, data.train.y, options.repeats, options.seed) : null;
    return {
      impurity,
      permutation: Array.from(p.mean),
      permutationStd: Array.from(p.std),
      permutationTrain: train ? Array.from(train.mean) : null,
      testR2: p.baseline,
      trainR2: m.score(data.train.X, data.train.y),
    };
  });
}

// Features that impurity credits and permutation does not, by the lesson's rule.
export function impurityOnly(impurity, permutation) {
  return FEATURES.map((_, j) => j).filter((j) => impurity[j] >= IMPURITY_SHARE_MIN && permutation[j] < PERMUTATION_DROP_MAX);
}

// Feature indices sorted by importance, largest first.
export function order(values) {
  return values.map((v, j) => [v, j]).sort((a, b) => b[0] - a[0]).map(([, j]) => j);
}
