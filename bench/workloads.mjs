// The benchmark workloads for WASM and plain JS, shared by the Node run and the Chromium run
// (bench/run.mjs) so both measure exactly the same thing. Each returns median µs per call.
import { JsLinearRegression } from './js/linear_regression.js';
import { JsMlp } from './js/mlp.js';

export function medianMicros(rounds, inner, op) {
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) op();
    times.push(((performance.now() - t0) * 1000) / inner);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function runWorkloads(ml) {
  const out = {};
  // Linear regression: one full-batch GD step on 10 000 points.
  const lin = ml.makeLinear(10000, 0.8, 1.5, 1.5, 3, 0, 10);
  const lr = new ml.LinearRegression();
  lr.setData(lin.X, 1, lin.y);
  lr.setLearningRate(0.001);
  out.lr_gd_step_10k = { wasm: medianMicros(15, 50, () => { lr.step(); if (lr.steps() > 100000) lr.reset(0); }) };
  lr.delete();
  const jsLr = new JsLinearRegression(lin.X, lin.y, 0.001);
  out.lr_gd_step_10k.js = medianMicros(15, 50, () => jsLr.step());

  // MLP 2-16-16-1 tanh on 200 moons points: one Adam mini-batch (10) step; 200×200 grid.
  const moons = ml.makeMoons(200, 0.15, 1);
  const net = new ml.MLP();
  net.setLayers([16, 16]);
  net.setActivation('all', 'tanh');
  net.setOptimizer('adam');
  net.setLearningRate(0.03);
  net.setBatchSize(10);
  net.setData(moons.X, 2, moons.y);
  out.mlp_step = { wasm: medianMicros(15, 100, () => net.step()) };
  out.mlp_grid_200 = { wasm: medianMicros(5, 2, () => net.predictGrid(-1.5, 2.5, -1, 1.5, 200, 200)) };
  out.mlp_grid_200_f32 = { wasm: medianMicros(5, 2, () => net.predictGridFloat32(-1.5, 2.5, -1, 1.5, 200, 200)) };
  net.delete();
  const jsNet = new JsMlp([2, 16, 16, 1], moons.X, moons.y, { batch: 10 });
  out.mlp_step.js = medianMicros(15, 100, () => jsNet.step());
  const buf = new Float64Array(40000);
  out.mlp_grid_200.js = medianMicros(5, 2, () => jsNet.predictGrid(-1.5, 2.5, -1, 1.5, 200, 200, buf));
  out.mlp_grid_200_f32.js = out.mlp_grid_200.js;

  // TensorFlow Playground's largest network: 7 features, 6×8 tanh, 250 points, batch 10.
  const spiral = ml.makeSpiral(250, 0.1, 2);
  const features = ['x1', 'x2', 'x1^2', 'x2^2', 'x1x2', 'sin x1', 'sin x2'];
  const big = new ml.MLP();
  big.setLayers([8, 8, 8, 8, 8, 8]);
  big.setActivation('all', 'tanh');
  big.setFeatures(features);
  big.setOptimizer('sgd');
  big.setLearningRate(0.03);
  big.setBatchSize(10);
  big.setData(spiral.X, 2, spiral.y);
  out.tfp_largest_step = { wasm: medianMicros(15, 100, () => big.step()) };
  big.delete();
  const wide = ml.featureTransform(spiral.X, features);
  const jsBig = new JsMlp([7, 8, 8, 8, 8, 8, 8, 1], wide.X, spiral.y, { batch: 10 });
  out.tfp_largest_step.js = medianMicros(15, 100, () => jsBig.step());

  // k-means: one assign+update step on 5 000 points, k = 5.
  const blobs = ml.makeBlobs(5000, 5, 0.8, 4);
  const km = new ml.KMeans();
  km.setK(5);
  km.setData(blobs.X, 2, []);
  out.kmeans_step_5k = { wasm: medianMicros(9, 10, () => { km.reset(1); km.step(); }) };
  km.delete();

  // A full decision tree on 500 spiral points.
  const sp = ml.makeSpiral(500, 0.05, 5);
  const tree = new ml.DecisionTree();
  out.tree_fit_500 = { wasm: medianMicros(9, 3, () => { tree.setData(sp.X, 2, sp.y); tree.fit(100000); }) };
  tree.delete();
  return out;
}
