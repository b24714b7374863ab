// The benchmark workloads for WASM and plain JS, shared by the Node run and the Chromium run
// (bench/run.mjs) so both measure exactly the same thing, on the same seeded data and settings
// as bench/native/bench.cpp. Each row's implementations are timed interleaved by
// bench/timing.mjs (warm-up until stable, rounds, samples for median and IQR). The JS baselines
// (bench/js/) are checked to compute what the engine computes by tests/node/bench_baselines.test.mjs.
import { JsLinearRegression } from './js/linear_regression.js';
import { JsMlp } from './js/mlp.js';
import { JsKMeans } from './js/kmeans.js';
import { JsDecisionTree } from './js/cart.js';
import { JsKernelSvm } from './js/smo.js';
import { MODES, measureRow } from './timing.mjs';

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

// n images of 8×8 values k/16 (k = 0…16) from a fixed arithmetic pattern, labels i mod 10; the
// same formula as cnnImages() in bench/native/bench.cpp.
export function cnnImages(n) {
  const X = new Float64Array(n * 64);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 10;
    for (let p = 0; p < 64; p++) X[i * 64 + p] = ((i * 31 + p * 17 + (p >> 3) * (i % 7)) % 17) / 16;
  }
  return { X, y };
}

// The rows, in report order. Each builds its objects, returns the implementations to compare
// (wasm, and js where a plain-JS baseline exists) and frees its objects in done().
// { js: false } skips the plain-JS baselines (bench/compare-flags.mjs only compares WASM builds).
function rows(ml, { js }) {
  const list = [];
  const row = (key, build) => list.push({ key, build });

  // Per-call overhead: a trivial bound method (an int getter) against a plain JS method.
  row('call_overhead', () => {
    const lr = new ml.LinearRegression();
    const jsLr = new JsLinearRegression(new Float64Array(1), new Float64Array(1), 0.001);
    return { impls: { wasm: () => lr.steps(), ...(js && { js: () => jsLr.steps() }) }, done: () => lr.delete() };
  });

  // Linear regression: one full-batch GD step on 10 000 points.
  row('lr_gd_step_10k', () => {
    const lin = ml.makeLinear(10000, 0.8, 1.5, 1.5, 3, 0, 10);
    const lr = new ml.LinearRegression();
    lr.setData(lin.X, 1, lin.y);
    lr.setLearningRate(0.001);
    const jsLr = new JsLinearRegression(lin.X, lin.y, 0.001);
    return {
      impls: {
        wasm: () => { lr.step(); if (lr.steps() > 100000) lr.reset(0); },
        ...(js && { js: () => { jsLr.step(); if (jsLr.steps() > 100000) jsLr.reset(); } }),
      },
      done: () => lr.delete(),
    };
  });

  // MLP 2-16-16-1 tanh on 200 moons points: one Adam mini-batch (10) step, lean (what the JS
  // baseline does) and with the per-step full-data loss and trace row; 200×200 grids.
  const moons = ml.makeMoons(200, 0.15, 1);
  const moonsNet = (tracing) => {
    const net = new ml.MLP();
    net.setLayers([16, 16]);
    net.setActivation('all', 'tanh');
    net.setOptimizer('adam');
    net.setLearningRate(0.03);
    net.setBatchSize(10);
    net.setData(moons.X, 2, moons.y);
    net.setTracing(tracing);
    return net;
  };
  const jsMoons = () => new JsMlp([2, 16, 16, 1], moons.X, moons.y, { batch: 10 });
  row('mlp_step', () => {
    const net = moonsNet(false);
    const jsNet = jsMoons();
    return { impls: { wasm: () => net.step(), ...(js && { js: () => jsNet.step() }) }, done: () => net.delete() };
  });
  row('mlp_step_traced', () => {
    const net = moonsNet(true);
    return { impls: { wasm: () => net.step() }, done: () => net.delete() };
  });
  // The grids are drawn from a trained-looking state: 500 steps first, the same in WASM and JS
  // (the JS network starts from the engine's weights).
  const gridRow = (key, f32) => row(key, () => {
    const net = moonsNet(false);
    for (let s = 0; s < 500; s++) net.step();
    const jsNet = jsMoons();
    jsNet.setParams(net.params().slice());
    const buf = new Float64Array(2 * 40000);
    const wasm = f32 ? () => net.predictGridFloat32(-1.5, 2.5, -1, 1.5, 200, 200) : () => net.predictGrid(-1.5, 2.5, -1, 1.5, 200, 200);
    return { impls: { wasm, ...(js && { js: () => jsNet.predictGrid(-1.5, 2.5, -1, 1.5, 200, 200, buf) }) }, done: () => net.delete() };
  });
  gridRow('mlp_grid_200', false);
  gridRow('mlp_grid_200_f32', true);

  // TensorFlow Playground's largest network: one lean step, then one frame's work.
  const tfp = tfpData(ml);
  const wide = ml.featureTransform(tfp.X, TFP_FEATURES);
  const d = TFP_DOMAIN;
  const tfpRow = (key, wasmOf, jsOf) => row(key, () => {
    const big = tfpNet(ml, tfp);
    const jsBig = new JsMlp([7, 8, 8, 8, 8, 8, 8, 1], Float64Array.from(wide.X), tfp.y, { batch: 10, optimizer: 'sgd', features: TFP_FEATURES });
    jsBig.setParams(big.params().slice());
    return { impls: { wasm: wasmOf(big), ...(js && { js: jsOf(jsBig) }) }, done: () => big.delete() };
  });
  tfpRow('tfp_largest_step', (big) => () => big.step(), (jsBig) => () => jsBig.step());
  tfpRow('tfp_train_epoch',
    (big) => () => { for (let s = 0; s < TFP_STEPS_PER_EPOCH; s++) big.step(); big.dataLoss(); },
    (jsBig) => () => { for (let s = 0; s < TFP_STEPS_PER_EPOCH; s++) jsBig.step(); jsBig.dataLoss(); });
  tfpRow('tfp_map_200', (big) => () => big.predictGridFloat32(-d, d, -d, d, TFP_MAP_RES, TFP_MAP_RES), (jsBig) => {
    const mapBuf = new Float64Array(2 * TFP_MAP_RES * TFP_MAP_RES);
    return () => jsBig.predictGrid(-d, d, -d, d, TFP_MAP_RES, TFP_MAP_RES, mapBuf);
  });
  tfpRow('tfp_neurons_24', (big) => () => big.neuronGridFloat32(-d, d, -d, d, TFP_THUMB_RES, TFP_THUMB_RES), (jsBig) => {
    const thumbBuf = new Float64Array(jsBig.sizes.reduce((s, k) => s + k, 0) * TFP_THUMB_RES * TFP_THUMB_RES);
    return () => jsBig.neuronGrid(-d, d, -d, d, TFP_THUMB_RES, TFP_THUMB_RES, thumbBuf);
  });

  // k-means on 5 000 points, k = 5, from one k-means++ start: a whole run to convergence (the
  // reset's starting inertia, then Lloyd iterations until no label changes), per iteration.
  row('kmeans_iter_5k', () => {
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
    const jsKm = new JsKMeans(blobs.X, 2, start);
    return {
      impls: {
        wasm: () => { km.reset(1); km.fit(1000); },
        ...(js && { js: () => { jsKm.reset(); for (let i = 0; i < 1000 && jsKm.step() > 0; i++); } }),
      },
      scale: 1 / iterations,
      done: () => km.delete(),
    };
  });

  // A full decision tree (Gini, unlimited depth) on 500 spiral points: sort + grow.
  const sp = ml.makeSpiral(500, 0.05, 5);
  const treeRow = (key, tracing, withJs) => row(key, () => {
    const tree = new ml.DecisionTree();
    tree.setTracing(tracing);
    return {
      impls: {
        wasm: () => { tree.setData(sp.X, 2, sp.y); tree.fit(100000); },
        ...(js && withJs && { js: () => new JsDecisionTree(sp.X, 2, sp.y).fit() }),
      },
      done: () => tree.delete(),
    };
  });
  treeRow('tree_fit_500', false, true);
  treeRow('tree_fit_500_traced', true, false);

  // Kernel SVM (RBF, C = 1, γ = 1, tolerance 1e-3) fitted to convergence on 200 moons points:
  // kernel matrix + SMO.
  row('svm_fit_200', () => {
    const svm = new ml.KernelSVM();
    svm.setTracing(false);
    const jsSvm = new JsKernelSvm(moons.X, 2, moons.y);
    return {
      impls: {
        wasm: () => { svm.setData(moons.X, 2, moons.y); svm.fit(100000); },
        ...(js && { js: () => jsSvm.fit() }),
      },
      done: () => svm.delete(),
    };
  });
  // The digits CNN's network (8 filters 3×3, padding 1, 2×2 max-pool, dense 128→10, Adam 0.01,
  // batch 32) on 1 437 seeded synthetic 8×8 images shaped like the digits split (the native side
  // cannot read web/data): one lean mini-batch step, and one test pass over 360 images.
  const digits = cnnImages(1437);
  const held = cnnImages(360);
  const cnnRow = (key, opOf) => row(key, () => {
    const cnn = new ml.ConvNet();
    cnn.setClasses(10);
    cnn.setData(digits.X, 64, digits.y);
    cnn.setTracing(false);
    return { impls: { wasm: opOf(cnn) }, done: () => cnn.delete() };
  });
  cnnRow('cnn_step', (cnn) => () => cnn.step());
  cnnRow('cnn_test_360', (cnn) => () => cnn.score(held.X, held.y));

  // The fine-tune and quantise widgets' network (TransferNet 64 → 32 ReLU → 10, Adam 0.01,
  // batch 32) on the same synthetic images: one mini-batch step, and one 4-bit per-channel
  // quantised test pass over 360 images (what a change of setting in the quantise widget costs).
  const transferRow = (key, opOf) => row(key, () => {
    const net = new ml.TransferNet(64, 32, 10);
    net.reset(1);
    net.setData(digits.X, digits.y);
    return { impls: { wasm: opOf(net) }, done: () => net.delete() };
  });
  transferRow('transfer_step', (net) => () => net.step());
  transferRow('quantised_test_360', (net) => () => net.quantisedScore(4, 'symmetric', true, 0, held.X, held.X, held.y));

  // The recurrent-sequence widget's frame (web/widgets/recurrent-sequence): an LSTM, 8 units,
  // windows of 60, on 240 sine values: 4 traced steps, the series run, forecast and gradient flow.
  const rnnRow = (key, opOf) => row(key, () => {
    const rnn = new ml.RecurrentNet();
    rnn.setCell('lstm');
    rnn.setSequenceLength(60);
    rnn.setSeries(ml.makeWaveSequence(240, 'sine', 20, 0.05, 1));
    rnn.reset(1);
    return { impls: { wasm: opOf(rnn) }, done: () => rnn.delete() };
  });
  rnnRow('rnn_lstm_step', (rnn) => () => rnn.step());
  rnnRow('rnn_frame', (rnn) => () => { for (let s = 0; s < 4; s++) rnn.step(); rnn.seriesRun(); rnn.generate(160, 80); rnn.gradientFlow(60); });

  // The deep-q widget (web/widgets/deep-q.js): one move plus one learning step on a batch of 32
  // (after 200 warm-up moves), and a "fast" frame: 40 moves, the 40×40 value map, 10×10 arrows.
  const dqnRow = (key, opOf) => row(key, () => {
    const dqn = new ml.DeepQ();
    dqn.reset(1);
    dqn.fit(200);
    return { impls: { wasm: opOf(dqn) }, done: () => dqn.delete() };
  });
  dqnRow('dqn_step', (dqn) => () => dqn.step());
  dqnRow('dqn_frame', (dqn) => () => { dqn.fit(40); dqn.valueMap(40); dqn.policyMap(10); });
  // The regression-race widget's work (web/widgets/regression-race): its settings sliders refit one
  // model per input event. ElasticNet, RBF SVR (C 10, ε 0.1, γ 0.5) and a 100-tree forest regressor
  // on the 40-point curve, and the importance view's permutation importance (forest, 200 test rows,
  // 4 features × 10 shuffles). WASM only: no JS baseline exists for these models.
  const curve = ml.makeWigglyCurve(40, 0.4, 7);
  const raceRow = (key, make) => row(key, () => {
    const m = make();
    m.setTracing(false);
    return { impls: { wasm: () => { m.setData(curve.X, 1, curve.y); m.reset(7); m.fit(100000); } }, done: () => m.delete() };
  });
  raceRow('race_elastic_net_fit_40', () => { const m = new ml.ElasticNet(); m.setAlpha(0.01); return m; });
  raceRow('race_svr_rbf_fit_40', () => { const m = new ml.SVR(); m.setC(10); m.setGamma(0.5); return m; });
  raceRow('race_forest_fit_40', () => new ml.RandomForestRegressor());
  row('permutation_importance_200x4x10', () => {
    const train = ml.makeImportanceTable(200, 2, 7);
    const test = ml.makeImportanceTable(200, 2, 7 + 100003);
    const forest = new ml.RandomForestRegressor();
    forest.setData(train.X, 4, train.y);
    forest.reset(7);
    forest.fit(100);
    return { impls: { wasm: () => ml.permutationImportance(forest, test.X, test.y, 10, 7) }, done: () => forest.delete() };
  });
  // The anomaly-detector widget's work per drag frame: refit the isolation forest (100 trees,
  // ψ = 64) on 156 points and score its 40 × 40 heat map.
  row('isolation_forest_fit_grid_40', () => {
    const band = ml.makeLinear(150, 1, 0, 0.3, 2, -3, 3);
    const X = Float64Array.from(Array.from(band.X, (x, i) => [x, band.y[i]]).flat().concat([2, -2, -2, 2, 2.6, -0.4, -0.4, 2.6, 0.5, -2.5, 4.5, 4.5]));
    const forest = new ml.IsolationForest();
    forest.setSubsample(64);
    return {
      impls: { wasm: () => { forest.fit(X, 2, 2); return forest.scoreGrid(-5, 5, -5, 5, 40, 40)[0]; } },
      done: () => forest.delete(),
    };
  });

  // The model-lifecycle widget: one whole 60-day deployment (100 points a day, PSI and exact KS
  // per feature per day, retraining on alarms), run again on every change of its controls.
  row('deployment_60_days', () => ({ impls: { wasm: () => ml.simulateDeployment({ seed: 3 }) }, done: () => {} }));
  // rag-retrieval's work per change of question or setting: one search and one extractive answer,
  // then recall@2 and MRR over 20 questions (20 more searches), with each retriever, on 28
  // passages of 12 words drawn from 120 made-up words (the widget's collection has 28 passages
  // and about 300 words; this stand-in keeps the bench free of the site's files).
  const ragWords = Array.from({ length: 120 }, (_, i) => `w${i}`);
  const ragText = (seed, n) => Array.from({ length: n }, (_, j) => ragWords[(seed * 37 + j * 11 + ((seed * j) % 7)) % 120]).join(' ');
  const ragPassages = Array.from({ length: 28 }, (_, p) => `${ragText(p, 6)}. ${ragText(p + 50, 6)}.`);
  const ragQuestions = Array.from({ length: 20 }, (_, q) => ragText(q + 3, 4));
  const ragRelevant = ragQuestions.map((_, q) => [q % 28]);
  for (const [key, make] of [['rag_refresh_tfidf_28', () => { const r = new ml.TfidfRetriever(); r.build(ragPassages, []); return r; }],
    ['rag_refresh_lsa8_28', () => { const r = new ml.LsaRetriever(); r.build(ragPassages, [], 8); return r; }]]) {
    row(key, () => {
      const r = make();
      const refresh = () => {
        r.search(ragQuestions[0]);
        r.answer(ragQuestions[0], 2, 0);
        const rankings = ragQuestions.map((q) => Array.from(r.search(q).indices));
        return ml.recallAtK(rankings, ragRelevant, 2) + ml.meanReciprocalRank(rankings, ragRelevant);
      };
      return { impls: { wasm: refresh }, done: () => r.delete() };
    });
  }
  // Training tricks in the playground's MLP (2-16-16-1 on the moons): one Adam step with batch
  // normalisation, a cosine schedule with warm-up and clipping at norm 1 (lean, as the playground
  // steps); and its float32 200×200 map, which folds batch normalisation into the weights.
  const tricksNet = () => {
    const net = moonsNet(false);
    net.setBatchNorm(true);
    net.setSchedule({ kind: 'cosine', learningRate: 0.03, period: 100000, warmup: 100 });
    net.setClipNorm(1);
    return net;
  };
  row('mlp_step_tricks', () => {
    const net = tricksNet();
    return { impls: { wasm: () => net.step() }, done: () => net.delete() };
  });
  row('mlp_grid_200_f32_batchnorm', () => {
    const net = tricksNet();
    for (let s = 0; s < 500; s++) net.step();
    return { impls: { wasm: () => net.predictGridFloat32(-2, 3, -2, 2, 200, 200) }, done: () => net.delete() };
  });
  // The training-tricks widget's engine work per animation frame (web/widgets/training-tricks.js
  // at its defaults: 6 ReLU layers of 16, 200 spiral points): 10 traced updates of each of its
  // two nets, each net's last trace row and loss column, and its 36 × 36 decision map. (The
  // layer statistics, re-read every 4th frame, are the next row.)
  const trickNets = () => ['small', 'he'].map((init) => {
    const net = new ml.DeepNet();
    net.setDataset('spiral', 200, 0.05);
    net.setShape(6, 16);
    net.setActivation('relu');
    net.setOptimizer('momentum');
    net.setBatchSize(20);
    net.setInit(init);
    net.reset(1);
    net.fit(300);
    return net;
  });
  row('training_tricks_frame', () => {
    const nets = trickNets();
    const frame = () => {
      for (const net of nets) {
        if (net.steps() > 1400) net.reset(1);
        net.fit(10);
        const trace = ml.trace(net);
        trace.row(trace.rows - 1);
        trace.column('loss');
        net.probabilityGrid(-1.5, 1.5, -1.5, 1.5, 36, 36);
      }
    };
    return { impls: { wasm: frame }, done: () => nets.forEach((n) => n.delete()) };
  });
  row('training_tricks_layer_statistics', () => {
    const nets = trickNets();
    return { impls: { wasm: () => nets.forEach((n) => n.layerStatistics()) }, done: () => nets.forEach((n) => n.delete()) };
  });
  // The quantise widget's 2-D view on a control change: the 48 × 48 decision map of the two-moons
  // net (2-16-2) with 2-bit weights and 2-bit activations (calibrated on its 200 training points).
  row('quantise_map_48', () => {
    const pts = ml.makeMoons(200, 0.15, 1);
    const net = new ml.TransferNet(2, 16, 2);
    net.reset(1);
    net.setLearningRate(0.05);
    net.setBatchSize(20);
    net.setData(pts.X, pts.y);
    net.train(800);
    return { impls: { wasm: () => net.quantisedProbabilityGrid(2, 'symmetric', false, 2, pts.X, -2, 3, -2, 2.5, 48, 48) }, done: () => net.delete() };
  });
  // The hyper-parameter widget's Bayesian step after 16 scores: the GP fitted for each of the 7
  // length scales (likelihood choice), then EI over the 41 × 41 candidates (BayesSearch.next),
  // plus the 20 × 20 surface the panel draws.
  row('bayes_search_next_16_scores', () => {
    const search = new ml.BayesSearch();
    search.reset(5);
    for (let t = 0; t < 16; t++) {
      const p = search.next();
      search.tell(p.u, p.v, 0.9 - 0.5 * ((p.u - 0.4) ** 2 + (p.v - 0.6) ** 2));
    }
    return { impls: { wasm: () => { search.next(); search.surface(20); } }, done: () => search.delete() };
  });
  return list;
}

// Runs every row (or those in `only`) and returns { key: { wasm: run, js?: run } }, each run
// holding raw samples (bench/timing.mjs measureRow).
export function runWorkloads(ml, { js = true, mode = 'full', only = null, log = () => {} } = {}) {
  const out = {};
  for (const { key, build } of rows(ml, { js })) {
    if (only && !only.includes(key)) continue;
    const { impls, scale = 1, done } = build();
    try {
      out[key] = measureRow(impls, MODES[mode], { scale });
    } finally {
      done();
    }
    log(key, out[key]);
  }
  return out;
}
