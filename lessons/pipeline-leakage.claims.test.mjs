// Claims of pipeline-leakage.md, checked against the engine with the widget's defaults
// (pipeline-leakage.js: noiseTable(50 rows, 500 columns, seed 3), keep 10 columns, 5 folds,
// LogisticRegression with 500 steps, pipelineCrossValScore leaky and honest; the tables use fold 1
// of stratifiedKFold(y, 5, shuffle, seed) and the first three columns).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { evaluateComputation, parseComputation } from '../web/js/check-computations.js';
import { CITIES, cityColumn, noiseTable } from '../web/widgets/pipeline-leakage/noise-table.js';
import { mean } from '../web/lib/arrays.js';

const model = new ml.LogisticRegression();
function scores(features, seed = 3, select = 10) {
  const d = noiseTable(50, features, seed);
  const pipe = { impute: true, strategy: 'mean', selectFeatures: Math.min(select, features), scaling: 'standard' };
  return {
    leaky: mean(ml.pipelineCrossValScore(model, d.X, d.cols, d.y, pipe, 5, seed, 500, true)),
    honest: mean(ml.pipelineCrossValScore(model, d.X, d.cols, d.y, pipe, 5, seed, 500, false)),
  };
}

test('labels alternate 0, 1 down the rows: half of each, so chance is 0.5', () => {
  const d = noiseTable(50, 500, 3);
  assert.deepEqual(d.y.slice(0, 6), [0, 1, 0, 1, 0, 1]);
  assert.equal(d.y.filter((y) => y === 1).length, 25);
});

test('default table: the leak inflates the score far above chance, the honest score is about chance', () => {
  const { leaky, honest } = scores(500);
  assert.ok(leaky > honest + 0.15, `leaky ${leaky} vs honest ${honest}`);
  assert.ok(Math.abs(honest - 0.5) <= 0.1, `honest ${honest}`);
});

test('5 columns: both scores agree (0.600); 200 to 2000 columns: leaky 0.8–0.95, honest 0.3–0.7', () => {
  const five = scores(5);
  assert.equal(five.leaky.toFixed(3), '0.600');
  assert.equal(five.honest.toFixed(3), '0.600');
  for (let e = Math.log10(200); e <= Math.log10(2000) + 1e-9; e += 0.1) {
    const f = Math.round(10 ** e);
    const { leaky, honest } = scores(f);
    assert.ok(leaky >= 0.76 && leaky <= 0.97, `${f} columns: leaky ${leaky}`);
    assert.ok(honest >= 0.28 && honest <= 0.72, `${f} columns: honest ${honest}`);
  }
});

test('predict, then check: at every column count the slider reaches from 1,900 up (its top is about 1,990), the leaky score is 0.65 or more', () => {
  // The slider's track is log₁₀ of the count in steps of 0.01 from log₁₀ 5; the widget rounds.
  const counts = [];
  for (let k = 0; k * 0.01 <= Math.log10(2000) - Math.log10(5) + 1e-9; k++) {
    const f = Math.round(10 ** (Math.log10(5) + 0.01 * k));
    if (f >= 1900) counts.push(f);
  }
  assert.ok(counts.length >= 2 && counts[counts.length - 1] > 1980, counts.join(', '));
  for (const f of counts) {
    const { leaky, honest } = scores(f);
    assert.ok(leaky >= 0.65, `${f} columns: leaky ${leaky}`);
    assert.ok(honest >= 0.28 && honest <= 0.72, `${f} columns: honest ${honest}`);
  }
});

test('ten new tables: honest between about 0.35 and 0.65 averaging near 0.5, leaky never below 0.65, about 0.8 on average', () => {
  const runs = Array.from({ length: 10 }, (_, i) => scores(500, 4 + i)); // New table: seed 3 → 4, 5, …
  const honest = runs.map((r) => r.honest);
  const leaky = runs.map((r) => r.leaky);
  assert.ok(Math.min(...honest) >= 0.33 && Math.max(...honest) <= 0.67, honest.join(' '));
  assert.ok(Math.abs(mean(honest) - 0.5) < 0.03, `honest mean ${mean(honest)}`);
  assert.ok(Math.min(...leaky) >= 0.65, leaky.join(' '));
  assert.ok(Math.abs(mean(leaky) - 0.8) < 0.03, `leaky mean ${mean(leaky)}`);
});

test('the five shown test rows change only slightly between the leaky and the honest fit; Porto is a test row of fold 1', () => {
  const d = noiseTable(50, 500, 3);
  const folds = ml.stratifiedKFold(d.y, 5, true, 3);
  const test = Array.from(folds[0].test);
  const testRows = test.slice(0, 5);
  assert.equal(test.length, 10, '10 of the 50 rows are held out');
  const sub = (rows) => rows.flatMap((i) => [0, 1, 2].map((j) => d.X[i * d.cols + j]));
  const shown = (fitRows) => {
    const imputer = new ml.SimpleImputer(); const scaler = new ml.StandardScaler();
    try {
      imputer.setStrategy('mean');
      imputer.fit(sub(fitRows), 3);
      scaler.fit(imputer.transform(sub(fitRows), 3), 3);
      return { z: Array.from(scaler.transform(imputer.transform(sub(testRows), 3), 3)), sd: Array.from(scaler.scale()), mu: Array.from(scaler.mean()) };
    } finally { imputer.delete(); scaler.delete(); }
  };
  const all = shown(Array.from({ length: 50 }, (_, i) => i));
  const honest = shown(Array.from(folds[0].train));
  const diffs = all.z.map((v, k) => Math.abs(v - honest.z[k]));
  assert.ok(Math.max(...diffs) > 0.005, 'the numbers do change');
  assert.ok(Math.max(...diffs) < 0.35, `…but only slightly (largest change ${Math.max(...diffs)} sd)`);
  // A mean of 50 rows hardly moves when 10 are removed: well under half a standard deviation.
  for (let j = 0; j < 3; j++) assert.ok(Math.abs(all.mu[j] - honest.mu[j]) < 0.3 * all.sd[j], `column ${j + 1}`);
  const city = cityColumn(50, 3, testRows[1]);
  assert.equal(city.filter((c) => c === 2).length, 1, 'exactly one Porto');
  assert.ok(Array.from(folds[0].train).every((i) => city[i] !== 2), 'and it is not a training row of fold 1');
});

test('OneHotEncoder: an unseen city is an error naming row, column and value by default, all zeros when ignored', () => {
  const enc = new ml.OneHotEncoder();
  try {
    enc.fit([0, 1, 0, 1], 1); // Lyon, Oslo: no Porto
    assert.throws(() => enc.transform([0, 2], 1), /X\[1\]\[0\]=2 is a category not seen in fit/);
    enc.setIgnoreUnknown(true);
    assert.deepEqual(Array.from(enc.transform([0, 2], 1)), [1, 0, 0, 0]);
  } finally { enc.delete(); }
});

const r2 = (v) => Math.round(v * 100) / 100;

test('worked examples: Oslo → (0, 1, 0); a gap among 2, 4, 9 is filled with 5; 2 4 6 8 standardise with μ = 5, s = √5 to −1.34 −0.45 0.45 1.34', () => {
  assert.deepEqual(CITIES, ['Lyon', 'Oslo', 'Porto']);
  const onehot = new ml.OneHotEncoder();
  const imputer = new ml.SimpleImputer();
  const scaler = new ml.StandardScaler();
  try {
    onehot.fit([0, 1, 2], 1);
    assert.deepEqual(Array.from(onehot.transform([CITIES.indexOf('Oslo')], 1)), [0, 1, 0]);
    imputer.setStrategy('mean');
    imputer.fit([2, NaN, 4, 9], 1);
    assert.deepEqual(Array.from(imputer.transform([2, NaN, 4, 9], 1)), [2, 5, 4, 9]);
    scaler.fit([2, 4, 6, 8], 1);
    assert.equal(scaler.mean()[0], 5);
    assert.ok(Math.abs(scaler.scale()[0] - Math.sqrt(5)) < 1e-12);
    assert.deepEqual(Array.from(scaler.transform([2, 4, 6, 8], 1), r2), [-1.34, -0.45, 0.45, 1.34]);
  } finally { onehot.delete(); imputer.delete(); scaler.delete(); }
});

test('check-yourself: 10 20 30 40 → μ = 25, s = √125; a test value 50 becomes 25/√125 ≈ 2.24; unseen cities become all zeros', () => {
  const z = evaluateComputation(ml, parseComputation('z-score.value values=10,20,30,40 x=50'));
  assert.ok(Math.abs(z - 25 / Math.sqrt(125)) < 1e-12);
  assert.equal(r2(Math.sqrt(125)), 11.18);
  const onehot = new ml.OneHotEncoder();
  try {
    onehot.setIgnoreUnknown(true);
    onehot.fit([0, 1], 1);
    assert.deepEqual(Array.from(onehot.transform([2], 1)), [0, 0]);
  } finally { onehot.delete(); }
});

test('check-yourself: selection is the step that leaks — without it the leaky and honest scores stay near chance, with it alone the leaky one soars', () => {
  const d = noiseTable(50, 500, 3);
  const run = (pipe, leaky) => mean(ml.pipelineCrossValScore(model, d.X, d.cols, d.y, pipe, 5, 3, 500, leaky));
  const noSelect = { impute: true, strategy: 'mean', selectFeatures: 0, scaling: 'standard' };
  const leakyAll = run(noSelect, true);
  assert.ok(Math.abs(leakyAll - run(noSelect, false)) <= 0.1);
  assert.ok(Math.abs(leakyAll - 0.5) <= 0.1);
  const selectOnly = { impute: true, strategy: 'mean', selectFeatures: 10, scaling: 'none' };
  assert.ok(run(selectOnly, true) > run(selectOnly, false) + 0.15);
});
