// ElasticNet, SVR, the forest regressor and permutation importance through WASM: the same
// scikit-learn fixtures the native tests use (tests/fixtures/regression_*.json), the engine's
// typed errors for bad input, and the same seed giving the same numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ml } from './engine.mjs';

const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
const maxGap = (a, b) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));

test('ElasticNet reproduces scikit-learn through WASM', () => ml.scoped((own) => {
  for (const name of ['regression_elastic_net_small', 'regression_elastic_net_sparse', 'regression_elastic_net_ridge']) {
    const f = fixture(name);
    const { data, cols } = ml.flatten(f.X);
    const m = own(new ml.ElasticNet());
    m.setAlpha(f.alpha);
    m.setL1Ratio(f.l1Ratio);
    m.setData(data, cols, f.y);
    m.fit(100000);
    assert.equal(m.status(), 'converged', name);
    assert.ok(maxGap(m.weights(), f.coef) < 1e-8, name);
    assert.ok(Math.abs(m.intercept() - f.intercept) < 1e-8, name);
    const t = ml.flatten(f.Xtest);
    assert.ok(maxGap(m.predict(t.data).slice(), f.predictTest) < 1e-7, name);
    assert.equal(m.zeroWeightCount(), f.zeroCount, name);
  }
}));

test('SVR reproduces scikit-learn through WASM (RBF with gamma scale, RBF with γ = 2, linear)', () => ml.scoped((own) => {
  for (const name of ['regression_svr_rbf', 'regression_svr_rbf_gamma', 'regression_svr_linear']) {
    const f = fixture(name);
    const m = own(new ml.SVR());
    m.setKernel(f.params.kernel);
    m.setC(f.params.C);
    m.setEpsilon(f.params.epsilon);
    if (typeof f.params.gamma === 'number') m.setGamma(f.params.gamma);
    else m.setGamma('scale');
    m.setTolerance(1e-9);
    m.setData(f.X.flat(), 1, f.y);
    m.fit(1000000);
    assert.equal(m.status(), 'converged', name);
    assert.ok(Math.abs(m.gamma() - f.gamma) < 1e-12, name);
    assert.ok(maxGap(m.predict(f.Xtest.flat()).slice(), f.predictTest) < 1e-5, name);
    assert.equal(m.supportIndices().length, f.supportCount, name);
    if (f.weights) assert.ok(maxGap(m.weights(), f.weights) < 1e-6, name);
  }
}));

test('gradient-boosting importances through WASM match scikit-learn; the forest regressor agrees within sampling noise', () => ml.scoped((own) => {
  const f = fixture('regression_importance');
  const X = ml.flatten(f.X);
  const Xt = ml.flatten(f.Xtest);
  const gb = own(new ml.GradientBoosting());
  gb.setEstimatorCount(50);
  gb.setData(X.data, X.cols, f.y);
  gb.fit(50);
  assert.ok(maxGap(gb.featureImportances(), f.gbImportances) < 1e-3);
  const forest = own(new ml.RandomForestRegressor());
  forest.setTreeCount(200);
  forest.setData(X.data, X.cols, f.y);
  forest.reset(0);
  forest.fit(200);
  assert.ok(maxGap(forest.featureImportances(), f.forestImportances) < 0.02);
  assert.ok(Math.abs(forest.score(Xt.data, f.ytest) - f.forestTestR2) < 0.01);
  const p = ml.permutationImportance(forest, Xt.data, f.ytest, 30, 0);
  f.forestPermutationMean.forEach((want, j) => assert.ok(Math.abs(p.mean[j] - want) <= 0.1 * Math.abs(want) + 0.01, `feature ${j}`));
  // Same seed, same shuffles.
  assert.deepEqual(Array.from(ml.permutationImportance(forest, Xt.data, f.ytest, 3, 5).drops), Array.from(ml.permutationImportance(forest, Xt.data, f.ytest, 3, 5).drops));
}));

test('bad input gets typed errors in words and leaves the models usable', () => ml.scoped((own) => {
  const e = own(new ml.ElasticNet());
  assert.throws(() => e.setAlpha(-1), (err) => err instanceof RangeError && err.code === 'invalid-argument' && /alpha=-1/.test(err.message));
  assert.throws(() => e.setL1Ratio(Number.NaN), (err) => err.code === 'invalid-argument');
  assert.throws(() => e.intercept(), (err) => err.code === 'bad-state' && /no training data yet/.test(err.message));
  assert.throws(() => e.setData([1, 2, 3], 1, [1, 2]), (err) => err.code === 'shape-mismatch');
  assert.throws(() => e.setData([1, Number.NaN, 3], 1, [1, 2, 3]), (err) => err.code === 'invalid-argument');
  e.setData([0, 1, 2], 1, [1, 2, 3]);
  e.fit(1000);
  assert.ok(Number.isFinite(e.intercept()));
  const s = own(new ml.SVR());
  assert.throws(() => s.setKernel('poly'), (err) => err.code === 'invalid-argument' && /'rbf' or 'linear'/.test(err.message));
  assert.throws(() => s.setKernel(3), (err) => err.code === 'invalid-argument');
  assert.throws(() => s.setGamma('wide'), (err) => err.code === 'invalid-argument');
  assert.throws(() => s.setC(0), (err) => err.code === 'invalid-argument');
  s.setData([0, 1, 2], 1, [0, 1, 2]);
  s.fit(100);
  assert.throws(() => s.weights(), (err) => err.code === 'bad-state' && /only the linear kernel/.test(err.message));
  assert.throws(() => ml.permutationImportance(s, [0, 1, 2], [0, 1], 5, 1), (err) => err.code === 'shape-mismatch');
  assert.throws(() => ml.permutationImportance(s, [0, 1, 2], [0, 1, 2], 0, 1), (err) => err.code === 'invalid-argument');
  assert.throws(() => ml.permutationImportance(own(new ml.ElasticNet()), [0, 1], [0, 1], 5, 1), (err) => err.code === 'bad-state');
  assert.throws(() => ml.makeWigglyCurve(0, 0.4, 1), (err) => err.code === 'invalid-argument');
  assert.throws(() => ml.makeImportanceTable(10, -1, 1), (err) => err.code === 'invalid-argument');
  assert.throws(() => own(new ml.RandomForestRegressor()).setTreeCount(1.5), (err) => err.code === 'invalid-argument');
  assert.ok(Number.isFinite(s.predict([1.5])[0]));
}));

test('the lesson data sets: same seed, same numbers; the useless column never reaches y', () => {
  const a = ml.makeWigglyCurve(40, 0.4, 7);
  const b = ml.makeWigglyCurve(40, 0.4, 7);
  assert.deepEqual(Array.from(a.X), Array.from(b.X));
  assert.deepEqual(Array.from(a.y), Array.from(b.y));
  assert.ok(Array.from(a.X).every((x) => x >= 0 && x < 6));
  const t = ml.makeImportanceTable(50, 0, 3);
  for (let i = 0; i < 50; i++) {
    const x = Array.from(t.X.slice(i * 4, i * 4 + 4));
    assert.ok(Math.abs(t.y[i] - (3 * x[0] + 2 * Math.sin(1.5 * x[1]) + 0.5 * x[2])) < 1e-12);
  }
});
