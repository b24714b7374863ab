// The engine side of the playground: one MLP (the engine's), configured from the settings,
// trained in adaptive batches of steps, and measured with the engine's metric functions on the
// training, validation and test points. No network maths happens in JS.
import { FEATURES, parseLayers, parseActivations } from './settings.js';

export class Trainer {
  constructor(ml) {
    this.ml = ml;
    this.net = new ml.MLP();
    // Many steps run per animation frame and the losses are read once per frame (record()),
    // so steps skip the engine's per-step full-data loss and trace row.
    this.net.setTracing(false);
    this.train = null;
    this.validation = null;
    this.test = null;
    this.kind = 'binary';
    this.classes = 2;
    this.steps = 0;
    this.history = []; // { step, epoch, train, test, validation }
    this.best = null; // early stopping: { loss, epoch, params }
  }

  delete() {
    this.net.delete();
    this.net = null;
    this.train = this.validation = this.test = this.best = null;
    this.history = [];
  }

  // Full rebuild: architecture, data and weights from the seed (TensorFlow Playground's reset).
  configure(s, parts) {
    const net = this.net;
    const layers = parseLayers(s.layers);
    const acts = parseActivations(s.acts, layers.length);
    net.setLayers(layers);
    net.setActivation('all', acts[acts.length - 1]);
    acts.slice(0, layers.length).forEach((a, i) => net.setActivation(i, a));
    net.setFeatures(this.featureNames(s));
    // Initialisation and batch normalisation shape the starting weights (re-initialised below).
    net.setInit(s.init);
    net.setBatchNorm(Boolean(s.batchNorm));
    net.setLoss('auto');
    this.setParts(parts);
    this.applyTraining(s);
    net.reset(s.seed);
    this.restartHistory();
  }

  featureNames(s) {
    const keys = String(s.features).split(',');
    return FEATURES.filter((f) => keys.includes(f.key)).map((f) => f.engine);
  }

  setParts(parts) {
    this.train = parts.train;
    this.validation = parts.validation;
    this.test = parts.test;
    this.kind = parts.kind;
    this.classes = parts.classes;
    // 'auto' first so the new labels are accepted whatever the old output was, then the
    // output that matches the data set's kind (a regression set may hold whole numbers).
    this.net.setOutput('auto');
    this.net.setData(parts.train.X, 2, parts.train.y);
    this.net.setOutput(parts.kind === 'regression' ? 'linear' : parts.kind === 'multiclass' ? 'softmax' : 'sigmoid');
  }

  // Settings that keep the weights (like moving a slider in TensorFlow Playground).
  applyTraining(s) {
    const net = this.net;
    net.setOptimizer(s.optimizer);
    net.setLearningRate(s.lr);
    net.setBatchSize(Math.min(s.batch, this.train ? this.train.rows : s.batch));
    net.setRegularization(s.reg, s.reg === 'none' ? 0 : s.regRate);
    net.setDropout(s.dropout);
    // The schedule runs on the engine's step clock (restarted by Reset); η₀ is the learning rate.
    net.setSchedule({ kind: s.schedule, learningRate: s.lr, period: s.period, gamma: s.factor, warmup: s.warmup, minimum: 0 });
    net.setClipNorm(s.clip);
  }

  // The schedule's rate for the next step, the last step's gradient norm before clipping and
  // whether clipping shortened it (all from the engine).
  tricks() {
    const net = this.net;
    return { rate: net.currentRate(), norm: net.lastGradientNorm(), clipped: net.lastClipped(), clip: net.clipNorm(), steps: net.steps() };
  }

  restart(seed) {
    this.net.reset(seed);
    this.restartHistory();
  }

  restartHistory() {
    this.steps = 0;
    this.history = [];
    this.best = null;
    this.record();
  }

  status() { return this.net.status(); }
  epoch() { return this.net.epoch(); }

  // Runs up to n steps; stops early on divergence. Returns the steps taken.
  run(n) {
    let taken = 0;
    for (; taken < n; taken++) {
      if (this.net.status() === 'diverged') break;
      this.net.step();
      this.steps += 1;
    }
    return taken;
  }

  // Loss on a held-out part with the engine's metrics (the same data loss the network trains on:
  // cross-entropy for classes, mean squared error for regression). NaN when the part is empty.
  partLoss(part) {
    if (!part || part.rows === 0) return NaN;
    const { ml, net } = this;
    if (this.kind === 'regression') return ml.meanSquaredError(part.y, net.predict(part.X).slice());
    const proba = net.predictProba(part.X);
    if (this.kind === 'binary') {
      const p1 = new Float64Array(part.rows);
      for (let i = 0; i < part.rows; i++) p1[i] = Math.min(1, Math.max(0, proba[2 * i + 1]));
      return ml.logLoss(part.y, p1);
    }
    return ml.logLossMulticlass(part.y, proba, this.classes);
  }

  trainLoss() {
    if (this.net.status() === 'diverged') return Infinity;
    return this.net.dataLoss();
  }

  record() {
    const diverged = this.net.status() === 'diverged';
    const row = {
      step: this.steps,
      epoch: this.net.epoch(),
      train: this.trainLoss(),
      test: diverged ? NaN : this.partLoss(this.test),
      validation: diverged ? NaN : this.partLoss(this.validation),
    };
    this.history.push(row);
    // Keep the chart light: when long, thin the older half.
    if (this.history.length > 1200) this.history = this.history.filter((_, i) => i % 2 === 0 || i > 1000);
    return row;
  }

  // Early stopping on validation loss: remembers the best weights; returns true when training
  // should stop (no improvement for `patience` epochs), after restoring the best weights.
  checkEarlyStop(patience, validationLoss) {
    if (!Number.isFinite(validationLoss)) return false;
    const epoch = this.net.epoch();
    if (!this.best || validationLoss < this.best.loss - 1e-9) {
      this.best = { loss: validationLoss, epoch, params: this.net.params(), step: this.steps };
      return false;
    }
    if (epoch - this.best.epoch >= patience) {
      this.net.setParams(this.best.params);
      return true;
    }
    return false;
  }

  // Metrics for the panel, all from the engine's metric functions.
  metrics() {
    const { ml, net } = this;
    const out = { kind: this.kind };
    if (net.status() === 'diverged') return out;
    const labels = (part) => (part && part.rows ? net.predict(part.X).slice() : null);
    if (this.kind === 'regression') {
      for (const [name, part] of [['train', this.train], ['test', this.test]]) {
        const pred = labels(part);
        if (!pred) continue;
        out[name] = { r2: ml.r2Score(part.y, pred), rmse: Math.sqrt(ml.meanSquaredError(part.y, pred)), mae: ml.meanAbsoluteError(part.y, pred) };
      }
      return out;
    }
    for (const [name, part] of [['train', this.train], ['test', this.test]]) {
      const pred = labels(part);
      if (!pred) continue;
      out[name] = { accuracy: ml.accuracy(part.y, pred), confusion: ml.confusionMatrix(part.y, pred, this.classes).map((r) => Array.from(r)) };
    }
    return out;
  }

  // Per-frame pictures: output over the grid (float32, the fast path) and every neuron's map.
  outputGrid(res, d) { return this.net.predictGridFloat32(-d, d, -d, d, res, res); }
  neuronGrid(res, d) { return this.net.neuronGridFloat32(-d, d, -d, d, res, res); }
  layerSizes() { return Array.from(this.net.layerSizes()); }
}
