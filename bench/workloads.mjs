// The benchmark workloads for WASM and plain JS, shared by the Node run and the Chromium run
// (bench/run.mjs) so both measure exactly the same thing, on the same seeded data and settings
// as bench/native/bench.cpp. Each returns median µs per call. The JS baselines (bench/js/) are
// checked to compute what the engine computes by tests/node/bench_baselines.test.mjs.
import { JsLinearRegression } from './js/linear_regression.js';
import { JsMlp } from './js/mlp.js';
import { JsKMeans } from './js/kmeans.js';
import { JsDecisionTree } from './js/cart.js';
import { JsKernelSvm } from './js/smo.js';

export function medianMicros(rounds, inner, op) {
  // Warm up first (at least 2 calls and 50 ms, at most 2 000 calls): V8 starts WASM and JS in a
  // baseline tier and optimises hot code later, which would otherwise land in the first rounds.
  const warmStart = performance.now();
  for (let i = 0; i < 2000 && (i < 2 || performance.now() - warmStart < 50); i++) op();
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) op();
    times.push(((performance.now() - t0) * 1000) / inner);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

// TensorFlow Playground's largest configuration: 7 input features, 6 hidden layers of 8 tanh
// units, SGD at 0.03, batch 10, 250 training points (the playground's spiral, scaled to ±6).
export const TFP_FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1x2', 'sin x1', 'sin x2'];
export const TFP_DOMAIN = 6;
export const TFP_MAP_RES = 200;
export const TFP_THUMB_RES = 24;
export const TFP_STEPS_PER_EPOCH = 25;

function tfpData(ml) {
  const spiral = ml.makeSpiral(250, 0.1, 2);
  return { X: Float64Array.from(spiral.X, (v) => v * 5.5), y: Float64Array.from(spiral.y) };
}

function tfpNet(ml, data) {
  const net = new ml.MLP();
  net.setLayers([8, 8, 8, 8, 8, 8]);
  net.setActivation('all', 'tanh');
  net.setFeatures(TFP_FEATURES);
  net.setOptimizer('sgd');
  net.setLearningRate(0.03);
  net.setBatchSize(10);
  net.setData(data.X, 2, data.y);
  net.setTracing(false); // as the playground trains: lean steps, the loss read once per frame
  return net;
}

// { js: false } skips the plain-JS baselines (bench/compare-flags.mjs only compares WASM builds).
export function runWorkloads(ml, { js = true } = {}) {
  const out = {};
  // Linear regression: one full-batch GD step on 10 000 points.
  const lin = ml.makeLinear(10000, 0.8, 1.5, 1.5, 3, 0, 10);
  const lr = new ml.LinearRegression();
  lr.setData(lin.X, 1, lin.y);
  lr.setLearningRate(0.001);
  out.lr_gd_step_10k = { wasm: medianMicros(15, 50, () => { lr.step(); if (lr.steps() > 100000) lr.reset(0); }) };
  lr.delete();
  const jsLr = new JsLinearRegression(lin.X, lin.y, 0.001);
  if (js) out.lr_gd_step_10k.js = medianMicros(15, 50, () => jsLr.step());

  // MLP 2-16-16-1 tanh on 200 moons points: one Adam mini-batch (10) step, lean (what the JS
  // baseline does) and with the per-step full-data loss and trace row; 200×200 grids.
  const moons = ml.makeMoons(200, 0.15, 1);
  const net = new ml.MLP();
  net.setLayers([16, 16]);
  net.setActivation('all', 'tanh');
  net.setOptimizer('adam');
  net.setLearningRate(0.03);
  net.setBatchSize(10);
  net.setData(moons.X, 2, moons.y);
  net.setTracing(false);
  out.mlp_step = { wasm: medianMicros(15, 100, () => net.step()) };
  net.setTracing(true);
  out.mlp_step_traced = { wasm: medianMicros(15, 100, () => net.step()) };
  out.mlp_grid_200 = { wasm: medianMicros(5, 2, () => net.predictGrid(-1.5, 2.5, -1, 1.5, 200, 200)) };
  out.mlp_grid_200_f32 = { wasm: medianMicros(5, 2, () => net.predictGridFloat32(-1.5, 2.5, -1, 1.5, 200, 200)) };
  net.delete();
  const jsNet = new JsMlp([2, 16, 16, 1], moons.X, moons.y, { batch: 10 });
  if (js) out.mlp_step.js = medianMicros(15, 100, () => jsNet.step());
  const buf = new Float64Array(2 * 40000);
  if (js) out.mlp_grid_200.js = medianMicros(5, 2, () => jsNet.predictGrid(-1.5, 2.5, -1, 1.5, 200, 200, buf));
  if (js) out.mlp_grid_200_f32.js = out.mlp_grid_200.js;

  // TensorFlow Playground's largest network: one lean step, then one frame's work.
  const tfp = tfpData(ml);
  const big = tfpNet(ml, tfp);
  const d = TFP_DOMAIN;
  const t = (2 * d) / TFP_THUMB_RES; // thumbnails sample cell centres, as the playground does
  out.tfp_largest_step = { wasm: medianMicros(15, 100, () => big.step()) };
  out.tfp_train_epoch = { wasm: medianMicros(9, 4, () => { for (let s = 0; s < TFP_STEPS_PER_EPOCH; s++) big.step(); big.dataLoss(); }) };
  out.tfp_map_200 = { wasm: medianMicros(5, 2, () => big.predictGridFloat32(-d, d, -d, d, TFP_MAP_RES, TFP_MAP_RES)) };
  out.tfp_neurons_24 = { wasm: medianMicros(9, 10, () => big.neuronGridFloat32(-d + t / 2, d - t / 2, -d + t / 2, d - t / 2, TFP_THUMB_RES, TFP_THUMB_RES)) };
  big.delete();
  const wide = ml.featureTransform(tfp.X, TFP_FEATURES);
  const jsBig = new JsMlp([7, 8, 8, 8, 8, 8, 8, 1], Float64Array.from(wide.X), tfp.y, { batch: 10, optimizer: 'sgd', features: TFP_FEATURES });
  if (js) out.tfp_largest_step.js = medianMicros(15, 100, () => jsBig.step());
  if (js) out.tfp_train_epoch.js = medianMicros(9, 4, () => { for (let s = 0; s < TFP_STEPS_PER_EPOCH; s++) jsBig.step(); jsBig.dataLoss(); });
  const mapBuf = new Float64Array(2 * TFP_MAP_RES * TFP_MAP_RES);
  if (js) out.tfp_map_200.js = medianMicros(5, 2, () => jsBig.predictGrid(-d, d, -d, d, TFP_MAP_RES, TFP_MAP_RES, mapBuf));
  const thumbBuf = new Float64Array(jsBig.sizes.reduce((s, k) => s + k, 0) * TFP_THUMB_RES * TFP_THUMB_RES);
  if (js) out.tfp_neurons_24.js = medianMicros(9, 10, () => jsBig.neuronGrid(-d + t / 2, d - t / 2, -d + t / 2, d - t / 2, TFP_THUMB_RES, TFP_THUMB_RES, thumbBuf));

  // k-means on 5 000 points, k = 5, from one k-means++ start: a whole run to convergence (the
  // reset's starting inertia, then Lloyd iterations until no label changes), per iteration.
  const blobs = ml.makeBlobs(5000, 5, 0.8, 4);
  const km = new ml.KMeans();
  km.setK(5);
  km.setData(blobs.X, 2, []);
  km.reset(1);
  const start = km.centroids().slice();
  km.setCentroids(start); // reset() now restores these instead of seeding again
  km.setTracing(false);
  km.fit(1000);
  const iterations = km.steps();
  out.kmeans_iter_5k = { wasm: medianMicros(9, 3, () => { km.reset(1); km.fit(1000); }) / iterations };
  km.delete();
  const jsKm = new JsKMeans(blobs.X, 2, start);
  if (js) out.kmeans_iter_5k.js = medianMicros(9, 3, () => { jsKm.reset(); for (let i = 0; i < 1000 && jsKm.step() > 0; i++); }) / iterations;

  // A full decision tree (Gini, unlimited depth) on 500 spiral points: sort + grow.
  const sp = ml.makeSpiral(500, 0.05, 5);
  const tree = new ml.DecisionTree();
  tree.setTracing(false);
  out.tree_fit_500 = { wasm: medianMicros(9, 3, () => { tree.setData(sp.X, 2, sp.y); tree.fit(100000); }) };
  tree.setTracing(true);
  out.tree_fit_500_traced = { wasm: medianMicros(9, 3, () => { tree.setData(sp.X, 2, sp.y); tree.fit(100000); }) };
  tree.delete();
  if (js) out.tree_fit_500.js = medianMicros(9, 3, () => new JsDecisionTree(sp.X, 2, sp.y).fit());

  // Kernel SVM (RBF, C = 1, γ = 1, tolerance 1e-3) fitted to convergence on 200 moons points:
  // kernel matrix + SMO.
  const svm = new ml.KernelSVM();
  svm.setTracing(false);
  out.svm_fit_200 = { wasm: medianMicros(9, 5, () => { svm.setData(moons.X, 2, moons.y); svm.fit(100000); }) };
  svm.delete();
  const jsSvm = new JsKernelSvm(moons.X, 2, moons.y);
  if (js) out.svm_fit_200.js = medianMicros(9, 5, () => jsSvm.fit());

  // The recurrent-sequence widget's frame (web/widgets/recurrent-sequence): an LSTM, 8 units,
  // windows of 60, on 240 sine values: 4 traced steps, the series run, forecast and gradient flow.
  const rnn = new ml.RecurrentNet();
  rnn.setCell('lstm');
  rnn.setSequenceLength(60);
  rnn.setSeries(ml.makeWaveSequence(240, 'sine', 20, 0.05, 1));
  rnn.reset(1);
  out.rnn_lstm_step = { wasm: medianMicros(15, 20, () => rnn.step()) };
  out.rnn_frame = { wasm: medianMicros(9, 5, () => { for (let s = 0; s < 4; s++) rnn.step(); rnn.seriesRun(); rnn.generate(160, 80); rnn.gradientFlow(60); }) };
  rnn.delete();
  return out;
}
