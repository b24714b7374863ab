import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ml } from './engine.mjs';

const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
const flat = (rows) => ml.flatten(rows);
const accuracy = (pred, y) => pred.reduce((s, p, i) => s + (p === y[i] ? 1 : 0), 0) / y.length;

test('DecisionTree grows split by split and agrees with scikit-learn', () => {
  const fx = fixture('trees_tree_gini_moons');
  const X = flat(fx.X), Xt = flat(fx.Xtest);
  const m = new ml.DecisionTree();
  try {
    m.setData(X.data, X.cols, fx.y);
    assert.equal(m.leafCount(), 1);
    const first = m.step();
    assert.equal(m.leafCount(), 2);
    assert.ok(first < ml.trace(m).row(0).loss);
    m.fit(100000);
    assert.equal(m.status(), 'converged');
    assert.equal(m.score(X.data, fx.y), fx.trainAccuracy);
    assert.equal(m.depth(), fx.depth);
    assert.equal(m.leafCount(), fx.leaves);
    assert.ok(Math.abs(m.score(Xt.data, fx.ytest) - fx.testAccuracy) <= 0.01);
    const imp = m.featureImportances();
    fx.importances.forEach((v, j) => assert.ok(Math.abs(imp[j] - v) < 1e-6));
    const proba = m.predictProba(Xt.data);
    assert.equal(proba.length, fx.ytest.length * 2);
    const nodes = m.nodes();
    assert.equal(nodes.length, 7 * m.nodeCount());
    const regions = m.regions(-3, 4, -3, 3);
    assert.equal(regions.length, 7 * m.leafCount());
    let samples = 0;
    for (let i = 0; i < regions.length; i += 7) samples += regions[i + 6];
    assert.equal(samples, fx.y.length);
    // predictGrid for a classifier: 2 probabilities per cell
    assert.equal(m.predictGrid(-3, 4, -3, 3, 10, 8).length, 160);
  } finally {
    m.delete();
  }
});

test('DecisionTree bad calls throw clear errors and the tree keeps working', () => {
  const m = new ml.DecisionTree();
  try {
    assert.throws(() => m.setMaxDepth(0), (e) => e instanceof RangeError && /DecisionTree.setMaxDepth: maxDepth=0/.test(e.message));
    assert.throws(() => m.setMinSamplesLeaf(0), /minSamplesLeaf=0/);
    assert.throws(() => m.setCriterion('purity'), /criterion='purity'/);
    assert.throws(() => m.featureImportances(), /no training data yet/);
    assert.throws(() => m.setData([0, 1, 2, 3], 1, [1, 1, 1, 1]), /single class/);
    assert.throws(() => m.setData([0, NaN, 2, 3], 1, [0, 0, 1, 1]), /X\[1\]\[0\]=NaN/);
    m.setData([0, 0, 1, 1, 2, 2, 3, 3], 2, [0, 0, 1, 1]);
    assert.throws(() => m.predict([1, 2, 3]), /not a multiple of 2 columns/);
    assert.throws(() => m.predictProba([1, Infinity]), /not a finite number/);
    assert.throws(() => m.regions(1, 0, 0, 1), /is empty/);
    m.fit(10);
    assert.deepEqual([...m.predict([0.1, 0, 2.9, 3])], [0, 1]);
  } finally {
    m.delete();
  }
});

test('RandomForest: accuracy near scikit-learn, OOB score recomputed from in-bag counts', () => {
  const fx = fixture('trees_forest');
  const X = flat(fx.X), Xt = flat(fx.Xtest);
  const m = new ml.RandomForest();
  try {
    m.setData(X.data, X.cols, fx.y);
    m.reset(1);
    m.setTreeCount(60);
    m.setMaxFeatures('sqrt');
    assert.equal(m.resolvedMaxFeatures(), 2);
    assert.equal(m.fit(1000), 60);
    assert.equal(m.treeCount(), 60);
    assert.ok(Math.abs(m.score(Xt.data, fx.ytest) - fx.testAccuracy) < 0.03);
    // Out-of-bag recount: average the probabilities of trees that did not draw the point.
    const n = fx.y.length;
    const sums = new Float64Array(n * 2), counts = new Int32Array(n);
    const row = new Float64Array(X.cols);
    for (let t = 0; t < 60; t++) {
      const inBag = m.inBagCounts(t);
      const nodes = m.treeNodes(t);
      for (let i = 0; i < n; i++) {
        if (inBag[i] !== 0) continue;
        for (let j = 0; j < X.cols; j++) row[j] = X.data[i * X.cols + j];
        let k = 0;
        while (nodes[7 * k] >= 0) k = row[nodes[7 * k]] <= nodes[7 * k + 1] ? nodes[7 * k + 2] : nodes[7 * k + 3];
        counts[i]++;
        sums[2 * i + nodes[7 * k + 4]] += 1; // hard vote of the leaf's majority class
      }
    }
    const decision = m.oobDecision();
    let agree = 0, used = 0;
    for (let i = 0; i < n; i++) {
      if (!counts[i]) continue;
      used++;
      const soft = decision[2 * i + 1] > decision[2 * i] ? 1 : 0;
      const hard = sums[2 * i + 1] > sums[2 * i] ? 1 : 0;
      if (soft === hard) agree++;
    }
    assert.ok(agree / used > 0.97); // fully grown leaves are nearly pure, so soft ≈ hard votes
    let correct = 0;
    for (let i = 0; i < n; i++) if (counts[i] && (decision[2 * i + 1] > decision[2 * i] ? 1 : 0) === fx.y[i]) correct++;
    assert.ok(Math.abs(m.oobScore() - correct / used) < 1e-12);
    assert.ok(Math.abs(m.oobScore() - fx.oobScore) < 0.04);
    const votes = m.voteFractions(Xt.data.subarray(0, 2 * X.cols));
    assert.ok(Math.abs(votes[0] + votes[1] - 1) < 1e-12);
    assert.throws(() => m.setTreeCount(0), /nTrees=0/);
    assert.throws(() => m.setMaxFeatures('half'), /rule='half'/);
    assert.throws(() => m.setMaxFeatures(99), /exceeds the 6 features/);
    assert.throws(() => m.inBagCounts(60), /not one of the 60 trees/);
    assert.equal(m.treeCount(), 60);
  } finally {
    m.delete();
  }
});

test('RandomForest is deterministic for a seed through WASM', () => {
  const d = ml.makeMoons(120, 0.3, 5);
  const run = (seed) => {
    const m = new ml.RandomForest();
    try {
      m.setData(d.X, 2, d.y);
      m.reset(seed);
      m.setTreeCount(10);
      m.fit(100);
      return [...m.predictProba(d.X)];
    } finally {
      m.delete();
    }
  };
  assert.deepEqual(run(3), run(3));
  assert.notDeepEqual(run(3), run(4));
});

test('GradientBoosting regressor and classifier follow scikit-learn', () => {
  const fr = fixture('trees_gb_regressor');
  const g = new ml.GradientBoosting();
  try {
    const X = flat(fr.X), Xt = flat(fr.Xtest);
    g.setData(X.data, X.cols, fr.y);
    g.setEstimatorCount(fr.nEstimators);
    g.setLearningRate(fr.learningRate);
    g.setMaxDepth(fr.maxDepth);
    g.fit(1000);
    assert.equal(g.rounds(), 60);
    const loss = ml.trace(g).column('loss');
    for (let r = 1; r <= 60; r++) assert.ok(Math.abs(loss[r] - fr.trainLoss[r - 1]) < 1e-6 * fr.trainLoss[r - 1]);
    assert.ok(Math.abs(g.score(Xt.data, fr.ytest) - fr.testR2) < 0.02);
    const staged = g.stagedPredict(Xt.data);
    assert.equal(staged.length, 60 * fr.ytest.length);
    assert.throws(() => g.setLearningRate(0), /learningRate=0/);
    assert.throws(() => g.setLoss('log_loss'), /labels 0 and 1|not a class label/);
    assert.throws(() => g.predictProba(Xt.data), /not a classifier/);
  } finally {
    g.delete();
  }
  const fc = fixture('trees_gb_classifier');
  const c = new ml.GradientBoosting();
  try {
    const X = flat(fc.X), Xt = flat(fc.Xtest);
    c.setLoss('log_loss');
    c.setData(X.data, X.cols, fc.y);
    c.setEstimatorCount(fc.nEstimators);
    c.setLearningRate(fc.learningRate);
    c.setMaxDepth(fc.maxDepth);
    c.fit(1000);
    const proba = c.predictProba(Xt.data);
    fc.probaTest.forEach((p, i) => assert.ok(Math.abs(proba[2 * i + 1] - p) < 1e-6));
    assert.ok(Math.abs(c.score(Xt.data, fc.ytest) - fc.testAccuracy) < 0.01);
  } finally {
    c.delete();
  }
});

test('AdaBoost exposes weights, alphas and stumps matching scikit-learn', () => {
  const fx = fixture('trees_adaboost');
  const m = new ml.AdaBoost();
  try {
    const X = flat(fx.X), Xt = flat(fx.Xtest);
    m.setData(X.data, X.cols, fx.y);
    m.setEstimatorCount(fx.nEstimators);
    assert.equal(m.sampleWeights()[0], 1 / fx.y.length);
    m.step();
    const w = m.sampleWeights();
    assert.ok(Math.abs(w.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    m.fit(1000);
    const alphas = m.alphas();
    assert.equal(alphas.length, fx.alphas.length);
    fx.alphas.forEach((a, r) => assert.ok(Math.abs(alphas[r] - a) < 1e-9 * a));
    const stumps = m.stumps();
    assert.equal(stumps.length, 5 * m.rounds());
    fx.stumps.forEach(([f, t], r) => { assert.equal(stumps[5 * r], f); assert.equal(stumps[5 * r + 1], t); });
    assert.deepEqual([...m.predict(Xt.data)], fx.predictTest);
    assert.equal(m.weightHistory().length, (m.rounds() + 1) * fx.y.length);
    const bounds = m.bounds(), errs = m.trainingErrors();
    bounds.forEach((b, r) => assert.ok(errs[r] <= b + 1e-12));
    assert.ok(Math.abs(ml.trace(m).row(m.rounds()).loss - bounds[bounds.length - 1]) < 1e-9);
    assert.throws(() => m.setLearningRate(-0.5), /learningRate=-0.5/);
    assert.throws(() => m.setData([0, 1, 2], 1, [0, 1, 2]), /not a class label/);
    assert.equal(accuracy([...m.predict(X.data)], fx.y), fx.trainAccuracy);
  } finally {
    m.delete();
  }
});

test('creating and deleting tree models does not leak', () => {
  const d = ml.makeMoons(60, 0.2, 1);
  const cycle = () => {
    for (const Cls of [ml.DecisionTree, ml.RandomForest, ml.GradientBoosting, ml.AdaBoost]) {
      const m = new Cls();
      try {
        m.setData(d.X, 2, d.y);
        m.fit(5);
        m.predict(d.X);
        try { m.setMaxDepth?.(0); } catch { /* rejected calls must not leak either */ }
      } finally {
        m.delete();
      }
    }
  };
  cycle();
  const before = ml.heapBytesInUse();
  for (let i = 0; i < 200; i++) cycle();
  assert.equal(ml.heapBytesInUse() - before, 0);
});
