// KNearestNeighbors, GaussianNaiveBayes, LinearSVM and KernelSVM through the WASM module,
// checked against the same scikit-learn fixtures the native tests use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ml } from './engine.mjs';

const fixtureDir = path.resolve(import.meta.dirname, '../fixtures');
const load = (name) => JSON.parse(readFileSync(path.join(fixtureDir, `${name}.json`), 'utf8'));
const flat = (rows) => Float64Array.from(rows.flat());
const maxDiff = (a, b) => {
  assert.equal(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};
const isClear = (message) => (e) => e instanceof Error && message.test(e.message);

test('KNearestNeighbors: neighbours, probabilities and predictions match scikit-learn', () => {
  for (const name of ['knn_classify_k5_euclidean_uniform', 'knn_classify_k7_manhattan_distance',
    'knn_regress_k4_euclidean_distance', 'knn_regress_k3_manhattan_uniform']) {
    const f = load(name);
    const m = new ml.KNearestNeighbors();
    try {
      m.setMode(f.mode);
      m.setData(flat(f.X), 2, f.y);
      m.setK(f.k);
      m.setMetric(f.metric);
      m.setWeighting(f.weighting);
      assert.equal(m.fit(10), 1, name);
      assert.equal(m.status(), 'converged');
      f.queries.forEach((q, r) => {
        const { indices, distances } = m.neighbors(q);
        assert.ok(indices instanceof Int32Array && distances instanceof Float64Array);
        assert.deepEqual(Array.from(indices), f.neighbor_indices[r], `${name} query ${r}`);
        assert.ok(maxDiff(distances, f.neighbor_distances[r]) < 1e-12);
      });
      const pred = m.predict(flat(f.queries)).slice();
      assert.ok(maxDiff(pred, f.predict) < 1e-12, name);
      if (f.mode === 'classify') {
        const proba = m.predictProba(flat(f.queries));
        assert.equal(proba.length, f.queries.length * m.classCount());
        assert.ok(maxDiff(proba, f.proba.flat()) < 1e-12, name);
        const votes = m.votes(f.queries[0]);
        assert.equal(votes.length, m.classCount());
      }
      assert.ok(Math.abs(m.score(flat(f.X), f.y) - f.train_score) < 1e-12);
    } finally {
      m.delete();
    }
  }
});

test('KNearestNeighbors: bad calls throw clear errors and the instance keeps working', () => {
  const m = new ml.KNearestNeighbors();
  try {
    assert.throws(() => m.neighbors([0]), (e) => e.code === 'bad-state' && /no training data yet/.test(e.message));
    m.setData([0, 1, 2, 4], 1, [0, 0, 1, 1]);
    assert.throws(() => m.setK(12), (e) => e instanceof RangeError && /k=12 exceeds the 4 training points/.test(e.message));
    assert.throws(() => m.setK(0), isClear(/k=0 must be at least 1/));
    assert.throws(() => m.setK(-2), isClear(/k=-2/));
    assert.throws(() => m.setK(2.5), isClear(/whole number/));
    assert.throws(() => m.step(), isClear(/k=5 exceeds the 4 training points/));  // default k = 5
    m.setK(3);
    assert.throws(() => m.setMetric('cosine'), isClear(/metric='cosine'/));
    assert.throws(() => m.setMetric(7), isClear(/metric must be a string/));
    assert.throws(() => m.setMode('cluster'), isClear(/mode='cluster'/));
    assert.throws(() => m.neighbors([1, 2]), (e) => e.code === 'shape-mismatch' && /query has 2 value\(s\), expected 1/.test(e.message));
    assert.throws(() => m.neighbors([NaN]), isClear(/query\[0\]=NaN/));
    assert.throws(() => m.setData([0, 1], 1, [0, 0.5]), isClear(/y\[1\]=0.5 is not a class label/));
    // Ties: x = 3 is 1 from index 2 and index 3; the lower index comes first.
    assert.deepEqual(Array.from(m.neighbors([3]).indices), [2, 3, 1]);
    assert.deepEqual(Array.from(m.votes([3])), [1, 2]);
    m.step();
    assert.equal(m.status(), 'converged');
    // predictGrid is for 2-feature models: a clear error here, and the model still answers.
    assert.throws(() => m.predictGrid(0, 4, 0, 0, 5, 1), isClear(/needs a model trained on 2 features/));
    assert.deepEqual(Array.from(m.predict([0.2, 3.9])), [0, 1]);
  } finally {
    m.delete();
  }
});

test('GaussianNaiveBayes matches scikit-learn GaussianNB', () => {
  const f = load('gnb_blobs3');
  const m = new ml.GaussianNaiveBayes();
  try {
    m.setData(flat(f.X), 3, f.y);
    assert.throws(() => m.priors(), isClear(/not fitted yet; call step\(\)/));
    assert.throws(() => m.predictProba(flat(f.queries)), isClear(/not fitted yet/));
    m.step();
    assert.equal(m.status(), 'converged');
    assert.equal(m.classCount(), 3);
    assert.ok(maxDiff(m.priors(), f.priors) < 1e-14);
    assert.ok(maxDiff(m.means(), f.means.flat()) < 1e-12);
    assert.ok(maxDiff(m.variances(), f.variances.flat()) < 1e-12);
    assert.ok(maxDiff(m.predictProba(flat(f.queries)), f.proba.flat()) < 1e-10);
    assert.deepEqual(Array.from(m.predict(flat(f.queries))), f.predict);
    assert.throws(() => m.setData([1, 2, 3], 1, [0, 0, 0]), isClear(/single class/));
    assert.throws(() => m.predict([1, 2]), isClear(/not a multiple of 3 columns/));
    assert.ok(maxDiff(m.priors(), f.priors) < 1e-14);  // still the fitted model
  } finally {
    m.delete();
  }
});

test('LinearSVM matches scikit-learn SVC(kernel="linear") and one step is one pair update', () => {
  for (const name of ['svm_linear_separable_hard', 'svm_linear_separable_c1', 'svm_linear_overlap_c05', 'svm_linear_overlap_c10']) {
    const f = load(name);
    const m = new ml.LinearSVM();
    try {
      m.setC(f.C);
      m.setData(flat(f.X), 2, f.y);
      const steps = m.fit(100000);
      assert.equal(m.status(), 'converged', name);
      assert.equal(m.pairUpdates(), steps);
      const scale = Math.max(1, Math.hypot(...f.coef));
      assert.ok(maxDiff(m.weights(), f.coef) < 1e-3 * scale, name);
      assert.ok(Math.abs(m.bias() - f.intercept) < 1e-3 * scale, name);
      assert.ok(Math.abs(m.marginWidth() - 2 / Math.hypot(...f.coef)) < 1e-3 * m.marginWidth());
      assert.ok(maxDiff(m.decisionFunction(flat(f.queries)), f.decision_queries) < 2e-3 * scale, name);
      assert.deepEqual(Array.from(m.predict(flat(f.X))), f.predict_train);
      assert.equal(m.supportVectors().length, m.dualCoefficients().length);
      const t = ml.trace(m);
      assert.equal(t.rows, steps + 1);
      assert.ok(t.columns.includes('margin') && t.columns.includes('w1') && t.columns.includes('dual'));
      assert.ok(Math.abs(t.row(steps).loss - m.loss()) < 1e-12);
    } finally {
      m.delete();
    }
  }
});

test('KernelSVM matches scikit-learn SVC(kernel="rbf"|"poly") on circles and moons', () => {
  for (const name of ['svm_rbf_circles', 'svm_rbf_moons', 'svm_poly_moons']) {
    const f = load(name);
    const m = new ml.KernelSVM();
    try {
      m.setKernel(f.kernel);
      m.setGamma(f.gamma);
      m.setDegree(f.degree);
      m.setCoef0(f.coef0);
      m.setC(f.C);
      m.setData(flat(f.X), 2, f.y);
      m.step();
      // Up to 50 pair updates per step by default (fewer only when SMO has already converged).
      assert.ok(m.pairUpdates() === 50 || (m.pairUpdates() < 50 && m.status() === 'converged'), name);
      m.fit(100000);
      assert.equal(m.status(), 'converged', name);
      assert.ok(Math.abs(m.bias() - f.intercept) < 1e-2, name);
      assert.ok(maxDiff(m.decisionFunction(flat(f.X)), f.decision_train) < 1e-2, name);
      assert.ok(maxDiff(m.decisionFunction(flat(f.queries)), f.decision_queries) < 1e-2, name);
      assert.deepEqual(Array.from(m.predict(flat(f.X))), f.predict_train, name);
      // The heat-map probabilities are σ(decision), two per cell.
      const d = m.decisionFunction(flat(f.queries.slice(0, 1)))[0];
      const p = m.predictProba(flat(f.queries.slice(0, 1)));
      assert.ok(Math.abs(p[1] - 1 / (1 + Math.exp(-d))) < 1e-12 && Math.abs(p[0] + p[1] - 1) < 1e-12);
      assert.equal(m.predictGrid(-1, 1, -1, 1, 10, 10).length, 200);
    } finally {
      m.delete();
    }
  }
});

test('SVMs: bad calls throw clear errors and the instance keeps working', () => {
  const m = new ml.KernelSVM();
  try {
    assert.throws(() => m.setC(0), (e) => e instanceof RangeError && /KernelSVM.setC: C=0 must be in \(0/.test(e.message));
    assert.throws(() => m.setC(-1), isClear(/C=-1/));
    assert.throws(() => m.setGamma(0), isClear(/gamma=0/));
    assert.throws(() => m.setGamma(NaN), isClear(/gamma=NaN is not a finite number/));
    assert.throws(() => m.setDegree(1.5), isClear(/degree=1.5 must be a whole number/));
    assert.throws(() => m.setKernel('sigmoid'), isClear(/kernel='sigmoid'/));
    assert.throws(() => m.bias(), (e) => e.code === 'bad-state');
    assert.throws(() => m.setData([0, 0, 1, 1], 2, [1, 1]), isClear(/class 0 has no points/));
    assert.throws(() => m.setData([0, 0, 1, 1], 2, [0, 0]), isClear(/single class/));
    assert.throws(() => m.setData([0, 0, 1, 1], 2, [0, 2]), isClear(/labels must be 0 or 1/));
    assert.throws(() => m.setData([0, NaN, 1, 1], 2, [0, 1]), isClear(/X\[0\]\[1\]=NaN/));
    m.setData([0, 0, 1, 0, 0, 1, 1, 1], 2, [0, 1, 1, 0]);  // XOR
    assert.throws(() => m.decisionFunction([1, 2, 3]), isClear(/not a multiple of 2 columns/));
    m.setKernel('poly');
    m.setDegree(2);
    m.setCoef0(1);
    m.setC(100);
    m.fit(1000);
    assert.equal(m.status(), 'converged');
    assert.equal(m.score([0, 0, 1, 0, 0, 1, 1, 1], [0, 1, 1, 0]), 1);
    assert.equal(m.kernel(), 'poly');
  } finally {
    m.delete();
  }
  const lin = new ml.LinearSVM();
  try {
    lin.setData([-1, 1], 1, [0, 1]);
    lin.setC(1e6);
    lin.fit(10);
    assert.ok(Math.abs(lin.weights()[0] - 1) < 1e-9 && Math.abs(lin.marginWidth() - 2) < 1e-9);
    assert.deepEqual(Array.from(lin.supportVectors()), [0, 1]);
    assert.deepEqual(Array.from(lin.dualCoefficients()).map((v) => +v.toFixed(9)), [-0.5, 0.5]);
  } finally {
    lin.delete();
  }
});

test('same inputs give identical models; create/delete cycles with errors do not leak', () => {
  const f = load('svm_rbf_moons');
  const run = () => ml.scoped((track) => {
    const m = track(new ml.KernelSVM());
    m.setGamma(f.gamma);
    m.setC(f.C);
    m.setData(flat(f.X), 2, f.y);
    m.reset(123);
    m.fit(1000);
    return Array.from(m.params());
  });
  assert.deepEqual(run(), run());
  const classes = [ml.KNearestNeighbors, ml.GaussianNaiveBayes, ml.LinearSVM, ml.KernelSVM];
  for (const Cls of classes) { const warm = new Cls(); warm.setData([0, 1, 2, 3], 1, [0, 1, 0, 1]); warm.delete(); }
  const before = ml.heapBytesInUse();
  for (let i = 0; i < 500; i++) {
    for (const Cls of classes) {
      const m = new Cls();
      m.setData([0, 1, 2, 3], 1, [0, 1, 0, 1]);
      try { m.predictProba([NaN]); } catch { /* expected */ }
      try { m.setData([0], 1, [0, 1]); } catch { /* expected */ }
      m.delete();
    }
  }
  assert.equal(ml.heapBytesInUse() - before, 0);
});
