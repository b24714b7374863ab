// Claims of pipeline-leakage.md, checked against the engine with the widget's defaults
// (pipeline-leakage.js: noiseTable(50 rows, 5 columns at first, seed 3), keep 10 columns, 5 folds,
// LogisticRegression with 500 steps, pipelineCrossValScore leaky and honest; the tables use fold 1
// of stratifiedKFold(y, 5, shuffle, seed) and the first three columns).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { evaluateComputation, parseComputation } from '../web/js/check-computations.js';
import { CITIES, cityColumn, noiseTable } from '../web/widgets/pipeline-leakage/noise-table.js';
import { mean } from '../web/lib/arrays.js';
import { nextSeed } from '../web/lib/schema.js';
import { formatNumber } from '../web/lib/format.js';
import { sliderSettings } from '../web/lib/ui.js';
import { FEATURES_SLIDER, columnCount, schema } from '../web/widgets/pipeline-leakage.js';

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

test('500 columns: the leak inflates the score far above chance, the honest score is about chance', () => {
  const { leaky, honest } = scores(500);
  assert.ok(leaky > honest + 0.15, `leaky ${leaky} vs honest ${honest}`);
  assert.ok(Math.abs(honest - 0.5) <= 0.1, `honest ${honest}`);
});

// The noise-columns slider's settings, as the widget's slider gives them: its track is log₁₀ of the
// count from log₁₀ 5 to log₁₀ 2000 in steps of 0.01, its right end is 2000 itself (sliderValue in
// web/lib/ui.js, the function the slider calls), and the widget rounds each value to a whole count.
const SLIDER_SETTINGS = sliderSettings(FEATURES_SLIDER).map(columnCount);
const TOP = SLIDER_SETTINGS[SLIDER_SETTINGS.length - 1];
const r2text = (v) => v.toFixed(2);

test('the slider: 261 settings from 5 to 2,000 (its right end is the maximum); from 199 up there are 101 of them (199, 204, 208, …, 1,945, 2,000)', () => {
  assert.deepEqual([FEATURES_SLIDER.min, FEATURES_SLIDER.max], [schema.features.min, schema.features.max]);
  assert.equal(SLIDER_SETTINGS.length, 261);
  assert.equal(SLIDER_SETTINGS[0], 5);
  assert.equal(TOP, 2000);
  const from199 = SLIDER_SETTINGS.filter((f) => f >= 199);
  assert.equal(from199.length, 101);
  assert.deepEqual(from199.slice(0, 3), [199, 204, 208]);
  assert.deepEqual(from199.slice(-2), [1945, 2000]);
  assert.ok(SLIDER_SETTINGS.includes(500), 'the slider can return to the default 500 columns');
});

test('5 columns: both scores agree (0.600); at each of the 101 settings from 199 columns to the top: leaky 0.62–0.94 (0.94 at 536 and 811 columns), median 0.82, below 0.7 once; honest 0.28–0.70', () => {
  const five = scores(5);
  assert.equal(five.leaky.toFixed(3), '0.600');
  assert.equal(five.honest.toFixed(3), '0.600');
  const runs = SLIDER_SETTINGS.filter((f) => f >= 199).map((f) => ({ f, ...scores(f) }));
  const leaky = runs.map((r) => r.leaky);
  const honest = runs.map((r) => r.honest);
  const sorted = [...leaky].sort((a, b) => a - b);
  assert.equal(r2text(Math.min(...leaky)), '0.62');
  assert.equal(r2text(Math.max(...leaky)), '0.94');
  assert.deepEqual(runs.filter((r) => r2text(r.leaky) === '0.94').map((r) => r.f), [536, 811], 'the highest readings, well below the top');
  assert.equal(r2text(sorted[50]), '0.82', 'the median of the 101 settings');
  assert.deepEqual(runs.filter((r) => r.leaky < 0.7).map((r) => r.f), [256], 'only one setting below 0.7');
  assert.equal(r2text(Math.min(...honest)), '0.28');
  assert.equal(r2text(Math.max(...honest)), '0.70');
  assert.ok(Math.abs(mean(honest) - 0.5) < 0.02, `honest mean ${mean(honest)}`);
});

test('the widget opens at 5 columns (the lesson and the widget\'s default), where both scores agree; from 100 columns up every slider setting shows a leaky score of 0.60 or more (0.32–0.82 below)', () => {
  assert.equal(schema.features.default, 5);
  assert.match(fs.readFileSync(new URL('./pipeline-leakage.md', import.meta.url), 'utf8'), /^::: widget pipeline-leakage rows=50 features=5 select=10 k=5 seed=3$/m);
  const five = scores(5);
  assert.equal(five.leaky, five.honest);
  const below = SLIDER_SETTINGS.filter((f) => f < 100).map((f) => scores(f).leaky);
  const from100 = SLIDER_SETTINGS.filter((f) => f >= 100).map((f) => scores(f).leaky);
  assert.deepEqual([Math.min(...below), Math.max(...below)].map(r2text), ['0.32', '0.82']);
  assert.equal(r2text(Math.min(...from100)), '0.60');
});

test('predict, then check: at the top (2,000 columns) leaky 0.820, honest 0.500; at every column count the slider reaches from 1,900 up the leaky score is 0.65 or more', () => {
  const counts = SLIDER_SETTINGS.filter((f) => f >= 1900);
  assert.deepEqual(counts, [1901, 1945, 2000]);
  const top = scores(TOP);
  assert.deepEqual([top.leaky.toFixed(3), top.honest.toFixed(3)], ['0.820', '0.500']);
  // The lesson names the top and its scores as the widget shows them (formatNumber's grouping).
  const lesson = fs.readFileSync(new URL('./pipeline-leakage.md', import.meta.url), 'utf8');
  assert.ok(lesson.includes(`at the top of the slider, ${formatNumber(TOP, 0)} columns: leaky ${top.leaky.toFixed(3)}, honest ${top.honest.toFixed(3)}.`), 'the reveal states the top');
  assert.ok(lesson.includes(`still at the top (${formatNumber(TOP, 0)})`), 'item 1 names the top');
  for (const f of counts) {
    const { leaky, honest } = scores(f);
    assert.ok(leaky >= 0.65, `${f} columns: leaky ${leaky}`);
    assert.ok(honest >= 0.28 && honest <= 0.72, `${f} columns: honest ${honest}`);
  }
});

// New table moves the seed to nextSeed(seed) = seed + 1 (web/lib/schema.js), so ten presses from
// the page's seed 3 show seeds 4 to 13, at whatever column count the slider is at.
const NEW_TABLE_SEEDS = Array.from({ length: 10 }, (_, i) => nextSeed(3 + i));

test('ten new tables at the top of the slider (2,000 columns): leaky 0.78–0.96, about 0.88 on average; honest 0.40–0.62, about 0.51', () => {
  assert.deepEqual(NEW_TABLE_SEEDS, [4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  const runs = NEW_TABLE_SEEDS.map((seed) => scores(TOP, seed));
  const leaky = runs.map((r) => r.leaky);
  const honest = runs.map((r) => r.honest);
  assert.deepEqual([Math.min(...leaky), Math.max(...leaky)].map(r2text), ['0.78', '0.96']);
  assert.equal(r2text(mean(leaky)), '0.88');
  assert.deepEqual([Math.min(...honest), Math.max(...honest)].map(r2text), ['0.40', '0.62']);
  assert.equal(r2text(mean(honest)), '0.51');
});

// The slider keeps the seed, so after those ten presses the learner is on seed 13; sliding to 500
// columns and pressing New table ten more times shows seeds 14 to 23.
const TEN_MORE_SEEDS = Array.from({ length: 10 }, (_, i) => nextSeed(13 + i));

test('ten more new tables at 500 columns: leaky 0.72–0.94, about 0.82 on average; honest about 0.52', () => {
  assert.deepEqual(TEN_MORE_SEEDS, [14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
  const runs = TEN_MORE_SEEDS.map((seed) => scores(500, seed));
  const leaky = runs.map((r) => r.leaky);
  const honest = runs.map((r) => r.honest);
  assert.deepEqual([Math.min(...leaky), Math.max(...leaky)].map(r2text), ['0.72', '0.94']);
  assert.equal(r2text(mean(leaky)), '0.82');
  assert.equal(r2text(mean(honest)), '0.52');
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

// The engine has no nearest-neighbour imputer; the worked example is checked by the rule the lesson
// states: distance on the columns the incomplete row has, the k nearest rows' values averaged.
test('worked examples: nearest-neighbour fill of (2, gap) from (1, 10), (2.5, 12), (8, 30), (9, 34) with k = 2 is 11, the mean fill 21.5; Lyon, Oslo, gap, Lyon → Lyon', () => {
  const rows = [[1, 10], [2.5, 12], [8, 30], [9, 34]];
  const nearest = rows.map((r) => ({ r, d: Math.abs(r[0] - 2) })).sort((a, b) => a.d - b.d).slice(0, 2);
  assert.deepEqual(nearest.map((n) => n.r[0]), [2.5, 1]);
  assert.equal(mean(nearest.map((n) => n.r[1])), 11);
  const imputer = new ml.SimpleImputer();
  try {
    imputer.setStrategy('mean');
    imputer.fit([2, NaN, ...rows.flat()], 2);
    assert.equal(imputer.transform([2, NaN], 2)[1], 21.5);
  } finally { imputer.delete(); }
  const cities = ['Lyon', 'Oslo', null, 'Lyon'];
  const counts = new Map();
  for (const c of cities) if (c !== null) counts.set(c, (counts.get(c) || 0) + 1);
  assert.deepEqual([...counts].sort((a, b) => b[1] - a[1])[0], ['Lyon', 2]);
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

// The widget counts a leaky score of 0.65 or more (the box's band for "high") at more columns than
// selection keeps as the answer glimpsed: below 100 columns that first happens at 12.
test('predict, then check: below 100 columns the leaky score first reads 0.65 or more at 12 columns (0.660); 11 reads 0.520, 30 reads 0.800 (honest 0.580)', () => {
  const firstHigh = SLIDER_SETTINGS.filter((f) => f > 10 && f < 100).find((f) => scores(f).leaky >= 0.65);
  assert.equal(firstHigh, 12);
  assert.equal(scores(12).leaky.toFixed(3), '0.660');
  assert.equal(scores(11).leaky.toFixed(3), '0.520');
  assert.deepEqual(Object.values(scores(30)).map((v) => v.toFixed(3)), ['0.800', '0.580']);
});

// Ordered categories: the lesson's paragraph after the cities, and the check's parcel sizes. A
// tree on one column of codes splits off the large parcels with one cut when the codes follow the
// order (small 0, medium 1, large 2), and cannot when they do not (medium 0, large 1, small 2).
test('ordinal encoding: ranks for ordered categories; one cut separates the large parcels only when the codes follow the order', () => {
  const sizes = ['small', 'medium', 'large', 'large', 'small', 'medium', 'large', 'small', 'medium', 'large'];
  const isLarge = sizes.map((s) => (s === 'large' ? 1 : 0));
  const oneCut = (codes) => {
    const t = new ml.DecisionTree();
    try {
      t.setData(sizes.map((s) => codes[s]), 1, isLarge);
      t.setMaxDepth(1); t.reset(0); t.fit(1000);
      return t.score(sizes.map((s) => codes[s]), isLarge);
    } finally { t.delete(); }
  };
  assert.equal(oneCut({ small: 0, medium: 1, large: 2 }), 1, 'in order: one cut is enough');
  assert.ok(oneCut({ medium: 0, large: 1, small: 2 }) < 1, 'out of order: no single cut separates large from the rest');
  const lesson = fs.readFileSync(new URL('./pipeline-leakage.md', import.meta.url), 'utf8');
  const cities = lesson.indexOf('pretend that one city lies "between" the other two.');
  assert.ok(cities > 0);
  assert.match(lesson.slice(cities), /^pretend that one city lies "between" the other two\.\n\n {3}That objection holds because cities have no order\. Some categories do: a parcel is small, medium or large; .*\(\*\*ordinal encoding\*\*: small 0, medium 1, large 2\) is the right choice, because medium really does lie between small and large/);
  assert.match(lesson, /Class labels are numbered too, \$0, 1, \\dots, K - 1\$ for \$K\$ classes, but there the numbers are only names/);
  assert.match(lesson, /\? A column gives each parcel's size: small, medium or large\. How should the pipeline encode it\?\n\+ As one column of ranks: small 0, medium 1, large 2 ::/);
});
