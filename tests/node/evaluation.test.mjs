import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ml } from './engine.mjs';

// The fixtures are Python's JSON, which writes missing values as a bare NaN token.
const fixture = (name) => JSON.parse(
  readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8').replace(/\bNaN\b/g, '"NaN"'),
  (key, value) => (value === 'NaN' ? NaN : value),
);
const close = (a, b, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);
const allClose = (got, want, tol = 1e-12) => {
  assert.equal(got.length, want.length);
  for (let i = 0; i < want.length; i++) close(got[i], want[i], tol);
};

test('metrics agree with the scikit-learn fixture', () => {
  const f = fixture('eval_metrics');
  const y = new Float64Array(f.y), s = new Float64Array(f.scores);
  assert.deepEqual(ml.confusionAtThreshold(y, s, f.threshold), { tp: f.tp, fp: f.fp, tn: f.tn, fn: f.fn });
  const yHat = s.map((v) => (v >= f.threshold ? 1 : 0));
  close(ml.precision(y, yHat), f.precision);
  close(ml.recall(y, yHat), f.recall);
  close(ml.specificity(y, yHat), f.specificity);
  close(ml.f1Score(y, yHat), f.f1);
  close(ml.accuracy(y, yHat), f.accuracy);
  close(ml.logLoss(y, s), f.log_loss);
  close(ml.logLoss(y, s, 1e-15), f.log_loss);
  const roc = ml.rocCurve(y, s);
  allClose(roc.fpr, f.roc_fpr);
  allClose(roc.tpr, f.roc_tpr);
  assert.equal(roc.thresholds[0], Infinity);
  allClose(roc.thresholds.slice(1), f.roc_thresholds_after_first);
  close(ml.rocAuc(y, s), f.roc_auc);
  close(ml.mannWhitneyAuc(y, s), f.roc_auc);
  close(ml.trapezoidArea(roc.fpr, roc.tpr), f.roc_auc);
  const pr = ml.precisionRecallCurve(y, s);
  allClose(pr.precision, f.pr_precision);
  allClose(pr.recall, f.pr_recall);
  allClose(pr.thresholds, f.pr_thresholds);
  close(ml.averagePrecision(y, s), f.average_precision);
  close(ml.meanSquaredError(f.reg_true, f.reg_pred), f.mse);
  close(ml.meanAbsoluteError(f.reg_true, f.reg_pred), f.mae);
  close(ml.r2Score(f.reg_true, f.reg_pred), f.r2);
  assert.deepEqual(ml.confusionMatrix(f.y3, f.pred3, 3).map((row) => Array.from(row)), f.confusion3);
  close(ml.logLossMulticlass(f.y3, f.proba3.flat(), 3), f.log_loss3);
  assert.equal(ml.precision(f.zero_true, f.zero_pred), 0);
});

test('metric errors are typed JS errors with clear messages', () => {
  assert.throws(() => ml.rocCurve([1, 1, 1], [0.1, 0.2, 0.3]), (e) => e instanceof RangeError && e.code === 'invalid-argument' && /only positives/.test(e.message));
  assert.throws(() => ml.rocAuc([1, 0], [0.1]), (e) => e.code === 'shape-mismatch' && /yTrue has 2 values but scores has 1/.test(e.message));
  assert.throws(() => ml.precision([1, 2], [1, 0]), /^RangeError: precision: yTrue\[1\]=2 is not a binary label/);
  assert.throws(() => ml.logLoss([1], [0.5], 'x'), /eps must be a number/);
  assert.throws(() => ml.accuracy([1, 'a'], [1, 1]), /yTrue\[1\]=NaN/);
  assert.throws(() => ml.confusionMatrix([0, 1], [0, 1], 1.5), /whole number/);
  assert.throws(() => ml.meanSquaredError(null, [1]), /must be an array of numbers/);
  close(ml.rocAuc([1, 0, 1, 1, 0], [0.9, 0.8, 0.8, 0.3, 0.1]), 0.75);
});

test('k-fold splits: exact scikit-learn folds without shuffle, semantics with shuffle', () => {
  const f = fixture('eval_splits');
  const folds = ml.kFold(f.n, f.k, false, 0);
  assert.equal(folds.length, f.k);
  folds.forEach((fold, i) => {
    assert.ok(fold.train instanceof Int32Array && fold.test instanceof Int32Array);
    assert.deepEqual(Array.from(fold.test), f.kfold[i].test);
    assert.deepEqual(Array.from(fold.train), f.kfold[i].train);
  });
  ml.stratifiedKFold(f.labels, f.strat_k, false, 0).forEach((fold, i) => assert.deepEqual(Array.from(fold.test), f.stratified[i].test));
  const shuffled = ml.kFold(23, 4, true, 5);
  const seen = new Array(23).fill(0);
  shuffled.forEach((fold, i) => {
    assert.equal(fold.test.length, i < 3 ? 6 : 5);
    assert.equal(fold.train.length + fold.test.length, 23);
    fold.test.forEach((j) => seen[j]++);
  });
  assert.ok(seen.every((c) => c === 1));
  assert.deepEqual(ml.kFold(23, 4, true, 5), shuffled);
  const split = ml.trainValidationTestSplit([0, 0, 0, 0, 0, 0, 0, 0, 1, 1], 0.5, 0, 1, true);
  assert.equal(split.validation.length, 5);
  assert.equal(split.test.length, 0);
  assert.equal(ml.trainValidationTestSplit(10, 0.2, 0.2, 1, false).train.length, 6);
  assert.throws(() => ml.kFold(5, 6, false, 0), /k=6/);
  assert.throws(() => ml.kFold(5, 2, false, -1), /seed=-1/);
  assert.throws(() => ml.trainValidationTestSplit(10, 0.2, 0.2, 1, true), /stratify needs the labels/);
});

function lineData() {
  return ml.makeLinear(80, 2, 1, 0.3, 4, -1, 1);
}

test('crossValScore, learningCurve and validationCurve drive one model instance', () => {
  const m = new ml.LinearRegression();
  try {
    const d = lineData();
    m.setLearningRate(0.5);
    const scores = ml.crossValScore(m, d.X, 1, d.y, 5, 3, 20000);
    assert.ok(scores instanceof Float64Array && scores.length === 5);
    assert.ok(scores.every((s) => s > 0.8));
    assert.deepEqual(ml.crossValScore(m, d.X, 1, d.y, 5, 3, 20000), scores);
    const lc = ml.learningCurve(m, d.X, 1, d.y, [2, 10, 50], 0.25, 1, 20000);
    assert.deepEqual(Array.from(lc.sizes), [2, 10, 50]);
    assert.ok(lc.trainLoss[0] < 1e-8);
    assert.ok(lc.validationError[2] < lc.validationError[0]);
    const seen = [];
    const vc = ml.validationCurve(m, d.X, 1, d.y, [0.001, 0.5], (v) => { seen.push(v); m.setLearningRate(v); }, 0.25, 1, 50);
    assert.deepEqual(seen, [0.001, 0.5]);
    assert.deepEqual(Array.from(vc.values), [0.001, 0.5]);
    assert.ok(vc.validationError[0] > vc.validationError[1]);
    assert.throws(() => ml.validationCurve(m, d.X, 1, d.y, [1], 'nope', 0.25, 1, 50), /apply must be a function/);
    assert.throws(() => ml.validationCurve(m, d.X, 1, d.y, [-1], (v) => m.setLearningRate(v), 0.25, 1, 50), /learningRate=-1/);
    assert.throws(() => ml.validationCurve(m, d.X, 1, d.y, [1], () => { throw new TypeError('from the callback'); }, 0.25, 1, 50), /from the callback/);
    assert.throws(() => ml.crossValScore(m, d.X, 1, d.y, 1, 3, 10), /k=1/);
    assert.throws(() => ml.learningCurve(m, d.X, 1, d.y, [1000], 0.25, 1, 10), /size=1000/);
    // The model keeps working after every rejected call.
    m.setData(d.X, 1, d.y);
    m.fit(2000);
    assert.ok(m.score(d.X, d.y) > 0.8);
  } finally {
    m.delete();
  }
});

test('biasVariance: sin fitted by a line, custom function, spread curves', () => {
  const m = new ml.LinearRegression();
  try {
    m.setLearningRate(0.04);
    m.setTolerance(1e-10);
    const opts = { noise: 0.3, sampleSize: 25, refits: 50, gridSize: 30, seed: 2, maxSteps: 20000 };
    const r = ml.biasVariance(m, null, opts);
    assert.equal(r.predictions.length, 50 * 30);
    assert.equal(r.refits, 50);
    assert.ok(r.meanBias2 > 5 * r.meanVariance);
    close(r.noiseVariance, 0.09);
    close(r.meanExpectedError, r.meanBias2 + r.meanVariance + r.noiseVariance, 0.1 * r.meanExpectedError);
    const again = ml.biasVariance(m, undefined, opts);
    assert.deepEqual(again.predictions, r.predictions);
    m.setLearningRate(0.5);
    const line = ml.biasVariance(m, (x) => 3 * x - 1, { xMin: -1, xMax: 1, noise: 0.1, refits: 10, gridSize: 5, maxSteps: 5000 });
    close(line.truth[0], -4);
    assert.ok(line.meanBias2 < 1e-3);
    assert.throws(() => ml.biasVariance(m, (x) => 'nan', { xMin: -1, xMax: 1 }), /is not a finite number/);
    assert.throws(() => ml.biasVariance(m, 42, {}), /f must be a function/);
    assert.throws(() => ml.biasVariance(m, null, { refits: 1 }), /refits=1/);
  } finally {
    m.delete();
  }
});

test('transformers agree with scikit-learn and reject bad input', () => {
  const f = fixture('eval_preprocessing');
  ml.scoped((track) => {
    const std = track(new ml.StandardScaler());
    assert.throws(() => std.transform([1, 2, 3], 3), (e) => e.code === 'bad-state' && /not fitted yet/.test(e.message));
    std.fit(f.X.flat(), 3);
    allClose(std.mean(), f.std_mean);
    allClose(std.scale(), f.std_scale);
    allClose(std.transform(f.X_new.flat(), 3), f.std_transform_new.flat());
    allClose(std.inverseTransform(std.transform(f.X_new.flat(), 3), 3), f.X_new.flat());
    assert.throws(() => std.fit([1, NaN], 1), /X\[1\]\[0\]=NaN/);

    const mm = track(new ml.MinMaxScaler());
    mm.setFeatureRange(f.mm_lo, f.mm_hi);
    mm.fit(f.X.flat(), 3);
    allClose(mm.transform(f.X_new.flat(), 3), f.mm_transform_new.flat());
    assert.throws(() => mm.setFeatureRange(2, 1), /must be below/);

    const ohe = track(new ml.OneHotEncoder());
    ohe.fit(f.cats.flat(), 2);
    assert.equal(ohe.outputColumns(), 6);
    assert.deepEqual(Array.from(ohe.categories(0)), f.ohe_categories[0]);
    allClose(ohe.transform(f.cats_new.flat(), 2), f.ohe_transform_new.flat(), 0);
    assert.throws(() => ohe.transform(f.cats_unknown.flat(), 2), /not seen in fit/);
    ohe.setIgnoreUnknown(true);
    allClose(ohe.transform(f.cats_unknown.flat(), 2), f.ohe_transform_unknown.flat(), 0);

    const imp = track(new ml.SimpleImputer());
    imp.setStrategy('median');
    imp.fit(f.missing.flat(), 3);
    allClose(imp.statistics(), f.median_statistics);
    allClose(imp.transform(f.missing.flat(), 3), f.median_transform.flat());
    assert.throws(() => imp.setStrategy('mode'), /strategy='mode'/);
    assert.throws(() => imp.fit([Infinity], 1), /is infinite/);
  });
});

test('leakageDemo: the leaky pipeline reports skill on pure noise, the right one does not', () => {
  const m = new ml.LinearRegression();
  try {
    m.setLearningRate(0.1);
    const r = ml.leakageDemo(m, 50, 5000, 10, 5, 0, 3000);
    assert.equal(r.rightScores.length, 5);
    assert.ok(r.rightMean < 0, `right ${r.rightMean}`);
    assert.ok(r.leakyMean > 0.3, `leaky ${r.leakyMean}`);
    assert.equal(r.chance, 0);
    const d = lineData();
    const honest = ml.pipelineCrossValScore(m, d.X, 1, d.y, { scaling: 'minmax' }, 4, 1, 5000, false);
    assert.ok(honest.every((s) => s > 0.8));
    assert.throws(() => ml.pipelineCrossValScore(m, d.X, 1, d.y, { scaling: 'zscore' }, 4, 1, 10, false), /scaling='zscore'/);
    assert.throws(() => ml.leakageDemo(m, 60, 500, 501, 5, 3, 10), /select=501/);
  } finally {
    m.delete();
  }
});

test('repeated evaluation calls and rejected calls do not grow the heap', () => {
  const m = new ml.LinearRegression();
  try {
    const d = lineData();
    const run = () => {
      ml.crossValScore(m, d.X, 1, d.y, 4, 1, 50);
      ml.rocCurve([0, 1, 1, 0], [0.1, 0.4, 0.4, 0.2]);
      try { ml.rocCurve([1, 1], [0.1, 0.2]); } catch { /* expected */ }
      try { ml.validationCurve(m, d.X, 1, d.y, [1], () => { throw new Error('x'); }, 0.25, 1, 5); } catch { /* expected */ }
      const s = new ml.StandardScaler();
      s.fit(d.X, 1);
      try { s.transform([NaN], 1); } catch { /* expected */ }
      s.delete();
    };
    run();
    const before = ml.heapBytesInUse();
    for (let i = 0; i < 300; i++) run();
    assert.ok(ml.heapBytesInUse() - before <= 0, `grew by ${ml.heapBytesInUse() - before}`);
  } finally {
    m.delete();
  }
});
