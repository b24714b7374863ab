// The model-comparison tests and the RobustScaler in WASM, against the SciPy / scikit-learn
// fixtures (tests/fixtures/generators/model_comparison.py), plus bad input, determinism, the
// check-yourself computations of comparison.js and the widgets' data helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ml } from './engine.mjs';
import { computations } from '../../web/js/check-computations.js';
import { MAX_STEPS, MODELS, compareOnFolds, compareOnTestSet, noiseResample, tallyNoise, regressionScene, scaleColumn } from '../../web/widgets/comparison/data.js';
import { schema as comparisonSchema } from '../../web/widgets/model-comparison.js';

const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
const rel = (got, want, tol, what) => assert.ok(Math.abs(got - want) <= Math.max(1e-15, tol * Math.abs(want)), `${what}: ${got} vs ${want}`);

test('special functions agree with SciPy', () => {
  const f = fixture('comparison_tests');
  for (const c of f.beta) rel(ml.regularizedIncompleteBeta(c.a, c.b, c.x), c.value, 1e-11, `betainc(${c.a}, ${c.b}, ${c.x})`);
  for (const c of f.student) {
    rel(ml.studentTCdf(c.t, c.df), c.cdf, 1e-11, `t.cdf(${c.t}, ${c.df})`);
    rel(ml.studentTSurvival(c.t, c.df), c.sf, 1e-11, `t.sf(${c.t}, ${c.df})`);
  }
  for (const c of f.chi2) rel(ml.chiSquareSurvival(c.x, c.df), c.sf, 1e-11, `chi2.sf(${c.x}, ${c.df})`);
  for (const c of f.binomtest) rel(ml.binomialTestHalf(c.k, c.n), c.p, 1e-11, `binomtest(${c.k}, ${c.n})`);
});

test('paired t-test and exact permutation test agree with SciPy', () => {
  for (const c of fixture('comparison_tests').t_tests) {
    const r = ml.pairedTTest(c.a, c.b);
    assert.equal(r.df, c.df);
    rel(r.t, c.t, 1e-10, `${c.name} t`);
    rel(r.pValue, c.p, 1e-10, `${c.name} p`);
    const p = ml.pairedPermutationTest(c.a, c.b, 2 ** c.a.length, 0);
    assert.equal(p.exact, true);
    rel(p.pValue, c.permutation_p, 1e-12, `${c.name} permutation p`);
  }
});

test('McNemar agrees with binomtest and chi2.sf', () => {
  for (const c of fixture('comparison_tests').mcnemar) {
    const r = ml.mcNemarTest(c.n01, c.n10);
    rel(r.exactPValue, c.exact_p, 1e-11, `exact ${c.n01}/${c.n10}`);
    rel(r.chiSquare, c.chi2, 1e-13, `chi2 ${c.n01}/${c.n10}`);
    rel(r.chiSquarePValue, c.chi2_p, 1e-11, `chi2 p ${c.n01}/${c.n10}`);
  }
});

test('edge cases: all folds equal, equal gaps, no disagreements', () => {
  const same = ml.pairedTTest([0.8, 0.7, 0.9], [0.8, 0.7, 0.9]);
  assert.equal(same.t, 0);
  assert.equal(same.pValue, 1);
  const gap = ml.pairedTTest([1, 2, 3], [0.5, 1.5, 2.5]);
  assert.equal(gap.t, Infinity);
  assert.equal(gap.pValue, 0);
  assert.equal(ml.pairedPermutationTest([0.8, 0.7], [0.8, 0.7], 10, 0).pValue, 1);
  const none = ml.mcNemarTest(0, 0);
  assert.equal(none.exactPValue, 1);
  assert.equal(none.chiSquarePValue, 1);
});

test('bad input gets typed errors in words', () => {
  const code = (c, re) => (e) => e instanceof RangeError && e.code === c && re.test(e.message);
  assert.throws(() => ml.pairedTTest([0.5, 0.6], [0.4]), code('shape-mismatch', /must come in pairs/));
  assert.throws(() => ml.pairedTTest([0.5, NaN], [0.4, 0.3]), code('invalid-argument', /pairedTTest/));
  assert.throws(() => ml.pairedPermutationTest([1, 2], [0, 1], 0, 0), code('invalid-argument', /permutations/));
  assert.throws(() => ml.mcNemarTest(-1, 2), code('invalid-argument', /aRightBWrong/));
  assert.throws(() => ml.mcNemarTest(1.5, 2), code('invalid-argument', /whole number|integer/));
  assert.throws(() => ml.studentTCdf(1, 0), code('invalid-argument', /df/));
  assert.throws(() => ml.regularizedIncompleteBeta(1, 1, 1.5), code('invalid-argument', /x/));
  const f = new ml.RandomForest();
  const lr = new ml.LinearRegression();
  try {
    const d = ml.makeMoons(40, 0.3, 1);
    assert.throws(() => ml.pairedCrossValScores(f, 1, lr, 2, d.X, d.cols, d.y, 5, 1, 10), code('invalid-argument', /both be classifiers or both regressors/));
    assert.throws(() => ml.pairedCrossValScores(f, 1, f, 2, d.X, d.cols, d.y, 1, 1, 10), code('invalid-argument', /k/));
  } finally {
    f.delete();
    lr.delete();
  }
  // After errors the engine still works.
  assert.equal(ml.pairedTTest([1, 2], [1, 2]).pValue, 1);
});

test('random sign patterns: deterministic for a seed and close to the exact value', () => {
  const a = Array.from({ length: 14 }, (_, i) => 0.8 + 0.01 * Math.sin(i * 1.7));
  const b = a.map((v, i) => v - 0.003 + 0.006 * Math.cos(i * 2.3));
  const exact = ml.pairedPermutationTest(a, b, 2 ** 14, 0);
  const r1 = ml.pairedPermutationTest(a, b, 5000, 11);
  const r2 = ml.pairedPermutationTest(a, b, 5000, 11);
  assert.equal(exact.exact, true);
  assert.equal(r1.exact, false);
  assert.equal(r1.pValue, r2.pValue);
  assert.ok(Math.abs(r1.pValue - exact.pValue) < 0.03, `${r1.pValue} vs ${exact.pValue}`);
});

test('RobustScaler agrees with scikit-learn; MinMax and Standard on the same column', () => {
  const f = fixture('comparison_scalers');
  const X = f.X.flat();
  const close = (got, want, what) => want.flat().forEach((v, i) => assert.ok(Math.abs(got[i] - v) < 1e-12, `${what}[${i}]: ${got[i]} vs ${v}`));
  const rob = new ml.RobustScaler();
  const q = new ml.RobustScaler();
  try {
    rob.fit(X, 2);
    close(rob.center(), f.robust_center, 'center');
    close(rob.scale(), f.robust_scale, 'scale');
    close(rob.transform(X, 2), f.robust_transform, 'transform');
    close(rob.transform(f.X_new.flat(), 2), f.robust_transform_new, 'transform new');
    close(rob.inverseTransform(rob.transform(f.X_new.flat(), 2), 2), f.X_new, 'inverse');
    q.setQuantileRange(10, 90);
    q.fit(X, 2);
    close(q.transform(X, 2), f.robust_q10_90_transform, 'q10-90');
    assert.throws(() => q.setQuantileRange(80, 20), (e) => e.code === 'invalid-argument' && /must be below/.test(e.message));
  } finally {
    rob.delete();
    q.delete();
  }
  // The widget's helper on the fixture's y column gives sklearn's numbers for each scaler.
  const col = f.X.map((r) => r[1]);
  const s = scaleColumn(ml, col);
  close(s.robust.scaled, f.robust_transform.map((r) => r[1]), 'robust column');
  close(s.minmax.scaled, f.minmax_transform.map((r) => r[1]), 'minmax column');
  close(s.standard.scaled, f.standard_transform.map((r) => r[1]), 'standard column');
});

test('regression metrics of the widget helper agree with scikit-learn', () => {
  const f = fixture('comparison_scalers');
  const r = computations['regression-metrics'](ml, { y: f.y, pred: f.pred });
  rel(r.mae, f.mae, 1e-12, 'mae');
  rel(r.mse, f.mse, 1e-12, 'mse');
  rel(r.rmse, f.rmse, 1e-12, 'rmse');
  rel(r.r2, f.r2, 1e-12, 'r2');
});

test('check-yourself computations by hand', () => {
  const t = computations['paired-t'](ml, { a: [0.82, 0.86, 0.84], b: [0.80, 0.81, 0.82] });
  assert.ok(Math.abs(t.t - 3) < 1e-9);
  assert.equal(t.df, 2);
  assert.equal(computations['permutation-test'](ml, { a: [0.82, 0.86, 0.84], b: [0.80, 0.81, 0.82] }).p, 0.25);
  const mc = computations.mcnemar(ml, { n01: 5, n10: 1 });
  assert.ok(Math.abs(mc.exact - 14 / 64) < 1e-12);
  // Four points: errors 1, −1, 0, 2 → MAE 1, MSE 6/4, RMSE √1.5.
  const m = computations['regression-metrics'](ml, { y: [3, 5, 4, 8], pred: [2, 6, 4, 6] });
  assert.equal(m.mae, 1);
  assert.equal(m.mse, 1.5);
  assert.ok(Math.abs(m.rmse - Math.sqrt(1.5)) < 1e-15);
  assert.ok(Math.abs(m.r2 - (1 - 6 / 14)) < 1e-12);
  // 1, 2, 3, 4, 100: median 3, quartiles 2 and 4 → (100 − 3)/2 = 48.5; min–max (2 − 1)/99.
  assert.equal(computations['robust-scale'](ml, { values: [1, 2, 3, 4, 100], x: 100 }).value, 48.5);
  assert.ok(Math.abs(computations['minmax-scale'](ml, { values: [1, 2, 3, 4, 100], x: 2 }).value - 1 / 99) < 1e-15);
  assert.throws(() => computations['paired-t'](ml, { a: [1, 2], b: [1] }), /same length/);
});

// The noise experiment runs for every seed the option allows: its resamples' moons take seeds the
// engine accepts (it refused seed · 1000 + r + 1 above 2³² − 1, from seed 4 294 967 on), and the
// lesson's seeds keep the moons they had.
test('the noise experiment runs at every seed the model-comparison option allows', () => {
  const forest = MODELS.forest.make(ml);
  try {
    const { max, min } = comparisonSchema.seed;
    const last = comparisonSchema.resamples.max - 1;
    for (const seed of [min, 4, 4294966, 4294967, 100000000, max]) {
      for (const r of [0, last]) {
        const got = noiseResample(ml, forest, forest, r, { points: 60, noise: 0.3, k: 3, seed });
        assert.ok(got.p >= 0 && got.p <= 1, `seed ${seed}, resample ${r}: p = ${got.p}`);
      }
    }
    // Seeds whose products fit keep the moons they always had (the lesson's counts stand).
    const d = ml.makeMoons(60, 0.3, 4 * 1000 + 7 + 1);
    const opts = { points: 60, noise: 0.3, k: 3, seed: 4 };
    const byHand = ml.pairedCrossValScores(forest, 15, forest, 16, d.X, d.cols, d.y, 3, 8, MAX_STEPS);
    const p = ml.pairedTTest(Array.from(byHand.a), Array.from(byHand.b)).pValue;
    assert.equal(noiseResample(ml, forest, forest, 7, opts).p, p);
  } finally { forest.delete(); }
});

test('the comparison helpers are deterministic and free what they make', () => {
  const a = MODELS.forest.make(ml);
  const b = MODELS.logistic.make(ml);
  try {
    const d = ml.makeMoons(100, 0.3, 2);
    const one = compareOnFolds(ml, a, b, d, 5, 3);
    const two = compareOnFolds(ml, a, b, d, 5, 3);
    assert.deepEqual(one.a, two.a);
    assert.deepEqual(one.b, two.b);
    const t = compareOnTestSet(ml, a, b, d, 3);
    assert.equal(t.testSize, 30);
    assert.equal(t.bothRight + t.bothWrong + t.aRightBWrong + t.aWrongBRight, 30);
    const opts = { points: 80, noise: 0.3, k: 5, seed: 1 };
    const r = noiseResample(ml, a, a, 0, opts);
    assert.deepEqual(r, noiseResample(ml, a, a, 0, opts));
    assert.equal(tallyNoise([r, r]).runs, 2);
    const before = ml.heapBytesInUse();
    regressionScene(ml, 3, { x: 6, y: 16 }, 'refit');
    scaleColumn(ml, [1, 2, 3, 4, 100]);
    assert.ok(ml.heapBytesInUse() - before <= 0, `grew by ${ml.heapBytesInUse() - before}`);
  } finally {
    a.delete();
    b.delete();
  }
});
