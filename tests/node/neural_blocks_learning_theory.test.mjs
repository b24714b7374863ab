// JS API of the neural building blocks and learning-theory helpers through WASM: values against hand-derived numbers,
// bad calls throw clear errors, and the engine keeps working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from './engine.mjs';

const close = (a, b, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} ≠ ${b}`);

test('activationCurve and softmax', () => {
  const g = ml.activationCurve('gelu', [0, 1]);
  close(g.value[1], 0.8413447460685429, 1e-12);
  close(g.derivative[0], 0.5);
  const lr = ml.activationCurve('leaky-relu', [-2]);
  close(lr.value[0], -0.02);
  const p = ml.softmax([1000, 1000 + Math.log(3)]);
  close(p[1], 0.75);
  assert.throws(() => ml.activationCurve('swish', [0]), (e) => e instanceof RangeError && /activation='swish'/.test(e.message));
  assert.throws(() => ml.softmax([]), /z is empty/);
  assert.throws(() => ml.softmax([NaN]), /not a finite number/);
  close(ml.softmax([0, 0])[0], 0.5);
});

test('gradientChain, convolve2d, maxPool', () => {
  const c = ml.gradientChain('sigmoid', 2, 1, 0, 0);
  const s = 1 / (1 + Math.exp(-0.5));
  close(c.gradient[0], 0.25 * s * (1 - s));
  assert.throws(() => ml.gradientChain('relu', 0, 1, 0, 0), /depth=0/);
  const same = ml.convolve2d([1, 2, 3, 4, 5, 6, 7, 8, 9], 3, [1, 1, 1, 1, 1, 1, 1, 1, 1], 'same');
  assert.deepEqual([...same.values], [12, 21, 16, 27, 45, 33, 24, 39, 28]);
  assert.throws(() => ml.convolve2d([1, 2, 3, 4], 2, [1, 1, 1, 1, 1, 1, 1, 1, 1]), (e) => e.code === 'shape-mismatch');
  assert.throws(() => ml.convolve2d([1, 2, 3, 4], 2, [1, 2]), /not a square/);
  assert.throws(() => ml.convolve2d([1, 2, 3, 4], 2, [1], 'full'), /padding='full'/);
  const p = ml.maxPool([1, 2, 0, 0, 3, 4, 0, 9, 0, 0, 5, 5, -1, 0, 5, 6], 4, 2);
  assert.deepEqual([...p.values], [4, 9, 0, 6]);
  assert.deepEqual([...p.argmax], [5, 7, 8, 15]);
  assert.throws(() => ml.maxPool([1], 1, 2), (e) => e.code === 'shape-mismatch');
});

test('attention with two heads and a causal mask', () => {
  const I = [1, 0, 0, 1];
  const two = ml.attention([1, 0, 0, 1], 2, I, I, I, 2);
  assert.equal(two.length, 2);
  close(two[1].scores[3], 1);
  close(two[1].weights[0], 0.5);
  const causal = ml.attention([1, 0, 0, 1], 2, I, I, I, 1, true);
  assert.equal(causal[0].weights[0], 1);
  assert.equal(causal[0].weights[1], 0);
  assert.equal(causal[0].scores[1], -Infinity);
  assert.throws(() => ml.attention([1, 0, 0, 1], 2, I, I, I, 3), (e) => e.code === 'shape-mismatch');
  assert.throws(() => ml.attention([1, 0, 0, 1], 2, [1, 0, 0], I, I, 1), /not a multiple of the embedding width 2/);
});

test('bounds and gapStudy', () => {
  close(ml.hoeffdingUnionBound(400, 5, 0.1), ml.hoeffdingUnionBound(100, 5, 0.1) / 2);
  close(ml.treeClassLogSize(0, 2, 10), Math.log(2));
  assert.throws(() => ml.hoeffdingUnionBound(0, 1, 0.05), /n=0/);
  assert.throws(() => ml.treeClassLogSize(1.5, 2, 10), /whole number/);
  const d = ml.makeMoons(300, 0.3, 2);
  const tree = new ml.DecisionTree();
  try {
    tree.setMaxDepth(1);
    const a = ml.gapStudy(tree, d.X, 2, d.y, [20, 100], 4, 0.5, 7, 100);
    const b = ml.gapStudy(tree, d.X, 2, d.y, [20, 100], 4, 0.5, 7, 100);
    assert.deepEqual([...a.gapMean], [...b.gapMean]);
    // The mean of four learning curves, recomputed from learningCurve itself.
    let train = 0;
    for (let r = 0; r < 4; r++) train += ml.learningCurve(tree, d.X, 2, d.y, [20, 100], 0.5, 7 + r, 100).trainError[1];
    close(a.trainError[1], train / 4, 1e-12);
    assert.throws(() => ml.gapStudy(tree, d.X, 2, d.y, [20], 0, 0.5, 7, 100), /repeats=0/);
    assert.equal(ml.gapStudy(tree, d.X, 2, d.y, [20], 1, 0.5, 7, 100).repeats, 1);
  } finally {
    tree.delete();
  }
});

test('the Frontier lessons’ worked numbers are what the engine computes', () => {
  const d = ml.makeCircles(80, 0.1, 0.5, 3);
  const ada = new ml.AdaBoost();
  const km = new ml.KMeans();
  const knn = new ml.KNearestNeighbors();
  try {
    ada.setData(d.X, 2, d.y); ada.setEstimatorCount(40); ada.setLearningRate(1); ada.reset(3); ada.fit(40);
    assert.equal(ada.errors()[0].toFixed(3), '0.325');
    assert.equal(ada.bounds()[19].toFixed(3), '0.385');
    assert.equal(ada.trainingErrors()[19], 0);
    km.setK(3); km.setData([0, 1, 10, 11, 20, 21], 1, []); km.setCentroids([0, 1, 15.5]); km.fit(10);
    assert.equal(km.inertia(), 101);
    km.setInit('random');
    let bad = 0;
    for (let s = 0; s < 20; s++) { km.reset(s); km.fit(100); if (km.inertia() > 2) bad += 1; }
    assert.equal(bad, 3);
    assert.equal(ml.hoeffdingUnionBound(1000, ml.treeClassLogSize(1, 2, 100), 0.05).toFixed(3), '0.072');
    knn.setMode('regress'); knn.setK(5);
    const r = ml.biasVariance(knn, null, { noise: 0.3, sampleSize: 30, refits: 100, gridSize: 60, seed: 1, maxSteps: 1, fixedX: true });
    assert.equal(r.meanVariance.toFixed(4), '0.0193');
    assert.equal(r.meanBias2.toFixed(4), '0.0134');
  } finally {
    ada.delete(); km.delete(); knn.delete();
  }
});
