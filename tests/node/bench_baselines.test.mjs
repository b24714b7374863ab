// The plain-JS baselines of the benchmark (bench/js/) must compute what the engine computes, so
// that bench/REPORT.md compares like with like: same data, same start, same result.
import test from 'node:test';
import assert from 'node:assert/strict';
import { ml } from './engine.mjs';
import { JsLinearRegression } from '../../bench/js/linear_regression.js';
import { JsKMeans } from '../../bench/js/kmeans.js';
import { JsDecisionTree } from '../../bench/js/cart.js';
import { JsKernelSvm } from '../../bench/js/smo.js';
import { JsMlp } from '../../bench/js/mlp.js';

function gridPoints(x0, x1, y0, y1, n) {
  const P = new Float64Array(2 * n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) {
    P[2 * (j * n + i)] = x0 + ((x1 - x0) * i) / (n - 1);
    P[2 * (j * n + i) + 1] = y0 + ((y1 - y0) * j) / (n - 1);
  }
  return P;
}

test('linear regression: the JS gradient-descent step gives the engine\'s w, b and loss, step by step', () => {
  // The benchmark's data and learning rate (bench/workloads.mjs lr_gd_step_10k).
  const lin = ml.makeLinear(10000, 0.8, 1.5, 1.5, 3, 0, 10);
  const lr = new ml.LinearRegression();
  try {
    lr.setData(lin.X, 1, lin.y);
    lr.setLearningRate(0.001);
    const js = new JsLinearRegression(lin.X, lin.y, 0.001);
    const close = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
    for (let s = 1; s <= 200; s++) {
      lr.step();
      const loss = js.step();
      if (s % 20 && s > 3) continue;
      const [w, b] = lr.params();
      close(js.w, w, `w after step ${s}`);
      close(js.b, b, `b after step ${s}`);
      close(loss, lr.loss(), `loss after step ${s}`);
    }
    assert.equal(js.steps(), lr.steps());
    // The steps move: the loss has fallen well below its start, so the comparison is not of two idle models.
    const start = new JsLinearRegression(lin.X, lin.y, 0.001);
    assert.ok(lr.loss() < 0.5 * start.step());
    js.reset();
    assert.equal(js.steps(), 0);
  } finally { lr.delete(); }
});

test('k-means: the JS Lloyd iteration gives the engine\'s centroids, labels and inertia, step by step', () => {
  const blobs = ml.makeBlobs(5000, 5, 0.8, 4);
  const km = new ml.KMeans();
  try {
    km.setK(5);
    km.setData(blobs.X, 2, []);
    km.reset(1);
    const js = new JsKMeans(blobs.X, 2, km.centroids().slice());
    const close = (a, b) => Math.abs(a - b) <= 1e-12 * Math.abs(b);
    assert.ok(close(js.reset(), km.loss()), 'starting inertia');
    for (let s = 0; s < 4; s++) {
      const inertia = km.step();
      js.step();
      assert.deepEqual(Array.from(js.C), Array.from(km.centroids()), `centroids after step ${s + 1}`);
      assert.deepEqual(Array.from(js.labels), Array.from(km.labels()), `labels after step ${s + 1}`);
      assert.ok(close(js.lastInertia, inertia), `inertia after step ${s + 1}: ${js.lastInertia} vs ${inertia}`);
    }
    // The benchmark's run to convergence: same number of iterations, same final centroids.
    km.setCentroids(js.C0);
    km.setTracing(false);
    const taken = km.fit(1000);
    js.reset();
    let iterations = 1;
    while (js.step() > 0) iterations++;
    assert.equal(iterations, taken);
    assert.deepEqual(Array.from(js.C), Array.from(km.centroids()));
  } finally { km.delete(); }
});

test('decision tree: the JS CART grows the engine\'s tree (same size, depth, training accuracy, predictions)', () => {
  const sp = ml.makeSpiral(500, 0.05, 5);
  const tree = new ml.DecisionTree();
  try {
    tree.setData(sp.X, 2, sp.y);
    tree.fit(100000);
    assert.equal(tree.status(), 'converged');
    const js = new JsDecisionTree(sp.X, 2, sp.y);
    js.fit();
    assert.equal(js.nodes, tree.nodeCount());
    assert.equal(js.leaves, tree.leafCount());
    assert.equal(js.maxDepth, tree.depth());
    const jsTrain = js.predict(sp.X);
    let correct = 0;
    for (let i = 0; i < sp.y.length; i++) correct += jsTrain[i] === sp.y[i] ? 1 : 0;
    assert.equal(correct / sp.y.length, tree.score(sp.X, sp.y));
    const P = gridPoints(-1.5, 1.5, -1.5, 1.5, 120);
    assert.deepEqual(Array.from(js.predict(P)), Array.from(tree.predict(P)));
    // Same multiset of split thresholds: the same splits, whatever the growth order.
    const nodes = tree.nodes();
    const engineSplits = [];
    for (let i = 0; i < nodes.length; i += 7) if (nodes[i] >= 0) engineSplits.push(`${nodes[i]}:${nodes[i + 1]}`);
    const jsSplits = [];
    for (let i = 0; i < js.nodes; i++) if (js.feature[i] >= 0) jsSplits.push(`${js.feature[i]}:${js.threshold[i]}`);
    assert.deepEqual(jsSplits.sort(), engineSplits.sort());
  } finally { tree.delete(); }
});

test('kernel SVM: the JS SMO follows the engine\'s iterates and reaches its solution', () => {
  const moons = ml.makeMoons(200, 0.15, 1);
  const P = gridPoints(-1.5, 2.5, -1, 1.5, 40);
  const largestGap = (a, b) => { let w = 0; for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs(a[i] - b[i])); return w; };
  const svm = new ml.KernelSVM();
  try {
    // The first 50 pair updates (one engine step) are the same, up to libm's exp rounding.
    svm.setData(moons.X, 2, moons.y);
    svm.step();
    const early = new JsKernelSvm(moons.X, 2, moons.y);
    early.fit(50);
    const theta = svm.params();
    for (let i = 0; i < moons.y.length; i++) assert.ok(Math.abs(-early.s[i] * early.alpha[i] - theta[i]) < 1e-9, `alpha ${i}`);
    // Fitted to the default tolerance (1e-3): the paths part at pair 51, where two candidates for
    // the working set tie to 6e-18 and exp's last bit decides. Both stop within the KKT tolerance,
    // so the decision values agree to its order.
    svm.setData(moons.X, 2, moons.y);
    svm.fit(100000);
    assert.equal(svm.status(), 'converged');
    const js = new JsKernelSvm(moons.X, 2, moons.y, { C: svm.C(), gamma: svm.gamma(), tolerance: svm.tolerance() });
    js.fit();
    assert.ok(Math.abs(js.pairs - svm.pairUpdates()) <= 5, `pair updates ${js.pairs} vs ${svm.pairUpdates()}`);
    assert.ok(largestGap(svm.decisionFunction(P), js.decision(P)) < 2e-3);
    assert.ok(largestGap(svm.decisionFunction(moons.X), js.decision(moons.X)) < 2e-3);
    // A tighter tolerance: both reach the same optimum, decision values within 1e-3 (in fact ~1e-4).
    svm.setTolerance(1e-4);
    svm.fit(100000);
    const tight = new JsKernelSvm(moons.X, 2, moons.y, { tolerance: 1e-4 });
    tight.fit();
    const gap = largestGap(svm.decisionFunction(P), tight.decision(P));
    assert.ok(gap < 1e-3, `largest decision-value difference ${gap}`);
    assert.ok(Math.abs(tight.bias - svm.bias()) < 1e-3);
  } finally { svm.delete(); }
});

test('MLP: from the engine\'s weights, the JS network gives its grids, loss and full-batch Adam/SGD steps', () => {
  const spiral = ml.makeSpiral(250, 0.1, 2);
  const features = ['x1', 'x2', 'x1^2', 'x2^2', 'x1x2', 'sin x1', 'sin x2'];
  for (const optimizer of ['adam', 'sgd']) {
    const net = new ml.MLP();
    try {
      net.setLayers([8, 8, 8, 8, 8, 8]);
      net.setActivation('all', 'tanh');
      net.setFeatures(features);
      net.setOptimizer(optimizer);
      net.setLearningRate(0.03);
      net.setBatchSize(250); // full batch: the order of points no longer matters
      net.setData(spiral.X, 2, spiral.y);
      const wide = ml.featureTransform(spiral.X, features);
      const js = new JsMlp([7, 8, 8, 8, 8, 8, 8, 1], wide.X, spiral.y, { batch: 250, optimizer, features });
      js.setParams(net.params().slice());
      assert.ok(Math.abs(js.dataLoss() - net.dataLoss()) < 1e-12);
      const ge = net.predictGrid(-6, 6, -6, 6, 30, 30).slice();
      const gj = js.predictGrid(-6, 6, -6, 6, 30, 30);
      for (let i = 0; i < ge.length; i++) assert.ok(Math.abs(ge[i] - gj[i]) < 1e-12, `grid cell ${i}`);
      const ne = net.neuronGrid(-6, 6, -6, 6, 12, 12).slice();
      const nj = js.neuronGrid(-6, 6, -6, 6, 12, 12);
      assert.equal(nj.length, ne.length);
      for (let i = 0; i < ne.length; i++) assert.ok(Math.abs(ne[i] - nj[i]) < 1e-12, `neuron grid value ${i}`);
      for (let s = 0; s < 3; s++) { net.step(); js.step(); }
      const pe = net.params();
      const pj = js.getParams();
      for (let i = 0; i < pe.length; i++) assert.ok(Math.abs(pe[i] - pj[i]) < 1e-10, `${optimizer}: param ${i} ${pe[i]} vs ${pj[i]}`);
    } finally { net.delete(); }
  }
});
