import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ml } from './engine.mjs';

const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
const close = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (tol ${tol})`);

test('LogisticRegression reproduces the scikit-learn fixture through WASM', () => {
  const f = fixture('linear_models_logistic_c1');
  const { data, cols } = ml.flatten(f.X);
  const m = new ml.LogisticRegression();
  try {
    m.setData(data, cols, f.y);
    m.setL2(f.lambda);
    m.setLearningRate(2);
    m.setTolerance(1e-10);
    m.fit(200000);
    assert.equal(m.status(), 'converged');
    const [w0, w1, b] = m.params();
    close(w0, f.coef[0], 1e-7, 'w0');
    close(w1, f.coef[1], 1e-7, 'w1');
    close(b, f.intercept, 1e-7, 'b');
    const q = ml.flatten(f.queries);
    const proba = m.predictProba(q.data).slice();
    assert.equal(proba.length, 2 * f.queries.length);
    f.proba.forEach((row, i) => { close(proba[2 * i], row[0], 1e-8, 'p0'); close(proba[2 * i + 1], row[1], 1e-8, 'p1'); });
    const z = m.decisionFunction(q.data).slice();
    f.decision.forEach((v, i) => close(z[i], v, 1e-7, 'logit'));
    assert.deepEqual(Array.from(m.predict(data)), f.train_predictions);
    assert.equal(m.classCount(), 2);
    m.setThreshold(1);
    assert.ok(Array.from(m.predict(data)).every((v) => v === 0));
    assert.equal(ml.trace(m).columns.join(','), 'loss,w0,w1,b,gradNorm,accuracy');
    const grid = m.predictGrid(-1, 1, -1, 1, 3, 2);
    assert.equal(grid.length, 3 * 2 * 2);
  } finally {
    m.delete();
  }
});

test('SoftmaxRegression matches scikit-learn probabilities', () => {
  const f = fixture('linear_models_softmax');
  const { data, cols } = ml.flatten(f.X);
  const m = new ml.SoftmaxRegression();
  try {
    m.setData(data, cols, f.y);
    assert.equal(m.classCount(), 3);
    m.setL2(f.lambda);
    m.setLearningRate(2);
    m.setTolerance(1e-10);
    m.fit(200000);
    assert.equal(m.status(), 'converged');
    const proba = m.predictProba(ml.flatten(f.queries).data).slice();
    f.proba.forEach((row, i) => row.forEach((p, c) => close(proba[3 * i + c], p, 1e-8, `p[${i}][${c}]`)));
    const params = m.params();
    f.centred_intercept.forEach((b, c) => close(params[6 + c], b, 1e-7, `b${c}`));
    assert.deepEqual(Array.from(m.predict(data)), f.train_predictions);
    assert.equal(m.gradient().length, 9);
  } finally {
    m.delete();
  }
});

test('PolynomialRegression solves OLS, ridge and lasso like numpy/scikit-learn', () => {
  const f = fixture('linear_models_polynomial');
  const m = new ml.PolynomialRegression();
  try {
    m.setDegree(f.ols.degree);
    m.setData(f.x, 1, f.y);
    assert.deepEqual(m.range(), { lo: f.lo, hi: f.hi });
    m.solve();
    assert.equal(m.status(), 'converged');
    const ols = m.predict(f.grid).slice();
    f.ols.grid_predictions.forEach((v, i) => close(ols[i], v, 1e-9, 'ols'));
    const ridge = f.ridge[0];
    m.setDegree(ridge.degree);
    m.setPenalty('l2');
    m.setLambda(ridge.lambda);
    m.solve();
    Array.from(m.coefficients()).forEach((c, j) => close(c, ridge.coef[j], 1e-8, `ridge c${j}`));
    const lasso = f.lasso[1];
    m.setPenalty('l1');
    m.setLambda(lasso.lambda);
    assert.ok(m.solve() > 0);
    Array.from(m.coefficients()).forEach((c, j) => close(c, lasso.coef[j], 1e-6, `lasso c${j}`));
    const curve = m.curve(f.grid[0], f.grid[f.grid.length - 1], f.grid.length).slice();
    lasso.grid_predictions.forEach((v, i) => close(curve[i], v, 1e-6, 'curve'));
    assert.equal(m.features([f.lo, f.hi]).length, 2 * (ridge.degree + 1));
  } finally {
    m.delete();
  }
});

test('Perceptron epochs equal scikit-learn Perceptron(shuffle=False)', () => {
  const f = fixture('linear_models_perceptron');
  const { data, cols } = ml.flatten(f.X);
  const m = new ml.Perceptron();
  try {
    m.setData(data, cols, f.y);
    for (const ref of f.epochs) {
      if (m.status() === 'ready') m.step();
      const [w0, w1, b] = m.params();
      close(w0, ref.coef[0], 1e-12, 'w0');
      close(w1, ref.coef[1], 1e-12, 'w1');
      close(b, ref.intercept, 1e-12, 'b');
    }
    assert.equal(m.status(), 'converged');
    assert.equal(m.lastEpochMistakes(), 0);
    assert.equal(m.trainingErrors(), 0);
    const mistakes = ml.trace(m).column('mistakes');
    assert.equal(mistakes[0], -1);
    assert.ok(mistakes[1] > 0);
    // Shuffled epochs are reproducible for a seed.
    m.setShuffle(true);
    m.reset(9);
    m.fit(1000);
    const first = Array.from(m.params());
    m.reset(9);
    m.fit(1000);
    assert.deepEqual(Array.from(m.params()), first);
  } finally {
    m.delete();
  }
});

test('sinExperiment returns the seed-000 shape', () => {
  const r = ml.sinExperiment([1, 3, 11], 0.3, 0);
  assert.deepEqual(Array.from(r.degrees), [1, 3, 11]);
  assert.ok(r.trainMse instanceof Float64Array && r.testMse instanceof Float64Array);
  assert.ok(r.testMse[1] < r.testMse[0] && r.testMse[1] < r.testMse[2]);
  assert.ok(r.trainMse[2] < 1e-6);
  assert.ok(r.trainMse[0] > r.trainMse[1]);
  assert.throws(() => ml.sinExperiment([3, 2.5], 0.3, 0), /degree=2.5 must be a whole number/);
  assert.throws(() => ml.sinExperiment([3], -1, 0), /noise=-1/);
  assert.throws(() => ml.sinExperiment([], 0.3, 0), /from 1 to 64 degrees/);
});

test('bad calls throw clear JS errors and the instances keep working', () => {
  const l = new ml.LogisticRegression();
  const s = new ml.SoftmaxRegression();
  const p = new ml.PolynomialRegression();
  const r = new ml.Perceptron();
  try {
    assert.throws(() => l.step(), (e) => e.code === 'bad-state' && /no training data yet/.test(e.message));
    assert.throws(() => l.setData([0, 1, 2], 1, [1, 1, 1]), (e) => e instanceof RangeError && e.code === 'invalid-argument' && /holds 1 class/.test(e.message));
    assert.throws(() => l.setData([0, 1, 2], 1, [0, 1, 2]), /y\[2\]=2 is not a class label/);
    assert.throws(() => l.setL2(-1), /LogisticRegression.setL2: lambda=-1/);
    assert.throws(() => l.setThreshold(NaN), /threshold=NaN/);
    assert.throws(() => l.gradient(), /no training data yet/);
    l.setData([0, 1, 2, 3], 1, [0, 0, 1, 1]);
    assert.throws(() => l.predictProba([1, 2, 3], 2), /./);
    assert.throws(() => l.setParams([1, 2, 3]), /expected 2 values/);
    assert.equal(l.fit(10), 10);

    assert.throws(() => s.setData([0, 1, 2], 1, [0, 2, 2]), /class 1 has no points/);
    s.setData([0, 0, 1, 0, 0, 1], 2, [0, 1, 2]);
    assert.throws(() => s.decisionFunction([1, 2, 3]), /not a multiple of 2 columns/);
    assert.equal(s.fit(3), 3);

    assert.throws(() => p.setDegree(16), /degree=16/);
    assert.throws(() => p.setDegree(2.5), /whole number/);
    assert.throws(() => p.setPenalty('l3'), /penalty='l3'/);
    assert.throws(() => p.setPenalty(2), /must be "none", "l2" or "l1"/);
    assert.throws(() => p.setData([1, 2, 3, 4], 2, [1, 2]), /expected 1 feature column/);
    assert.throws(() => p.solve(), /no training data yet/);
    p.setData([0, 1, 2, 3], 1, [1, 2, 5, 10]);
    assert.throws(() => p.curve(0, 1, 1), /count=1/);
    p.setDegree(2);
    p.solve();
    close(p.predict([4])[0], 17, 1e-9, 'x²+1 at 4');

    assert.throws(() => r.setLearningRate(0), /learningRate=0/);
    r.setData([0, 1], 1, [0, 1]);
    assert.ok(r.fit(10) >= 1);
  } finally {
    for (const m of [l, s, p, r]) m.delete();
  }
});

test('create/delete cycles of every class do not grow the heap', () => {
  const classes = ['LogisticRegression', 'SoftmaxRegression', 'PolynomialRegression', 'Perceptron'];
  const once = () => {
    for (const name of classes) {
      const m = new ml[name]();
      m.setData([0, 1, 2], 1, [0, 1, 1]);
      m.step();
      try { m.setLearningRate(-1); } catch { /* rejected calls must not leak either */ }
      m.delete();
    }
  };
  once();
  const before = ml.heapBytesInUse();
  for (let i = 0; i < 2000; i++) once();
  assert.equal(ml.heapBytesInUse() - before, 0);
});
