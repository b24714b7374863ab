// The transfer-learning and quantisation experiments on the shipped digits, with no DOM: the
// fine-tune and quantise widgets, their lessons' claims tests and the node tests all run exactly
// these (engine TransferNet: 64 pixels → hidden ReLU layer → softmax head).
//
// Task A (pretraining): read ordinary digits (dark ink on light paper), all ten, from every
// training image. Task B (the new task): read the same digits written in chalk on a blackboard —
// each pixel turned into 1 − pixel, light strokes on a dark ground — from only a few labelled
// images of each digit, measured on all 360 test images turned the same way. The shapes are the
// same, so what was learned on A is related to B; the pixels are opposite, so the pretrained
// network itself fails on B.
import { digitSplits, DIGIT_PIXELS } from './digits.js';
import { seededShuffle } from './rng.js';

export const DIGIT_CLASSES = 10;
export const METHODS = ['scratch', 'head', 'full', 'lora'];

// The widgets' defaults, in one place so the claims tests train exactly what the page trains.
export const TRANSFER_DEFAULTS = {
  hidden: 32, pretrainSteps: 400, pretrainRate: 0.01, fineSteps: 150, fineRate: 0.01, batchSize: 32,
  rank: 2, alpha: 4, perClass: 5, seed: 1,
};
export const SHOT_SIZES = [1, 2, 5, 10, 20];
// The ranks the widget offers; the widget uses α = 2r, so the update's factor α/r is 2.
export const LORA_RANKS = [1, 2, 4, 8, 16];

// Chalk on a blackboard: every pixel v (0–1) becomes 1 − v.
export function chalk(inputs) {
  const out = new Float64Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) out[i] = 1 - inputs[i];
  return out;
}

// The network pretrained on task A; the caller owns (and deletes) it.
export function pretrain(ml, settings = {}) {
  const s = { ...TRANSFER_DEFAULTS, ...settings };
  const { train } = digitSplits();
  const net = new ml.TransferNet(DIGIT_PIXELS, s.hidden, DIGIT_CLASSES);
  try {
    net.reset(s.seed);
    net.setLearningRate(s.pretrainRate);
    net.setBatchSize(s.batchSize);
    net.setData(train.inputs, Float64Array.from(train.labels));
    if (s.pretrainSteps > 0) net.train(s.pretrainSteps);
    return net;
  } catch (err) {
    net.delete();
    throw err;
  }
}

// Task B's few labelled images: the first `perClass` images of each digit in a seeded shuffle
// of the training split, in chalk (a larger perClass keeps the smaller one's images).
// { X, y, n, index }.
export function fewShot(perClass, seed = TRANSFER_DEFAULTS.seed) {
  const { train } = digitSplits();
  const order = seededShuffle(Array.from({ length: train.n }, (_, i) => i), seed + 1000);
  const taken = new Array(DIGIT_CLASSES).fill(0);
  const index = [];
  for (const i of order) {
    const k = train.labels[i];
    if (taken[k] < perClass) { taken[k] += 1; index.push(i); }
  }
  const X = new Float64Array(index.length * DIGIT_PIXELS);
  const y = new Float64Array(index.length);
  index.forEach((i, r) => {
    for (let p = 0; p < DIGIT_PIXELS; p++) X[r * DIGIT_PIXELS + p] = 1 - train.inputs[i * DIGIT_PIXELS + p];
    y[r] = train.labels[i];
  });
  return { X, y, n: index.length, index };
}

let chalkTest = null;
// All 360 test images in chalk, with their labels: { X, y, n }.
export function chalkTestSet() {
  if (!chalkTest) {
    const { test } = digitSplits();
    chalkTest = { X: chalk(test.inputs), y: Float64Array.from(test.labels), n: test.n };
  }
  return chalkTest;
}

// One method on task B: a new network started from `pretrained` by `method`, with the few-shot
// data set; the caller owns it and trains it (net.train(steps) or net.step()).
export function startMethod(ml, pretrained, method, settings = {}) {
  const s = { ...TRANSFER_DEFAULTS, ...settings };
  const data = fewShot(s.perClass, s.seed);
  const net = new ml.TransferNet(DIGIT_PIXELS, s.hidden, DIGIT_CLASSES);
  try {
    net.startTransfer(pretrained, method, DIGIT_CLASSES, s.rank, s.alpha, s.seed + 7);
    net.setLearningRate(s.fineRate);
    net.setBatchSize(Math.min(s.batchSize, data.n));
    net.setData(data.X, data.y);
    return net;
  } catch (err) {
    net.delete();
    throw err;
  }
}

// Accuracy on the 360 chalk test images.
export function chalkAccuracy(net) {
  const t = chalkTestSet();
  return net.score(t.X, t.y);
}

// Trains one method for fineSteps: { accuracy, counts }.
export function runMethod(ml, pretrained, method, settings = {}) {
  const s = { ...TRANSFER_DEFAULTS, ...settings };
  const net = startMethod(ml, pretrained, method, s);
  try {
    net.train(s.fineSteps);
    return { accuracy: chalkAccuracy(net), counts: net.counts() };
  } finally {
    net.delete();
  }
}

// Every method: { method: { accuracy, counts } }.
export function runMethods(ml, pretrained, settings = {}) {
  const out = {};
  for (const method of METHODS) out[method] = runMethod(ml, pretrained, method, settings);
  return out;
}

// ---- quantisation ----
export const QUANT_DEFAULTS = { hidden: 32, steps: 400, rate: 0.01, batchSize: 32, seed: 1, bits: 8 };
export const BIT_SIZES = [16, 8, 6, 4, 3, 2];

// A network trained on all ten ordinary digits (the pretrained network of the fine-tuning
// lesson, with these settings); the caller owns (and deletes) it.
export function trainDigitNet(ml, settings = {}) {
  const s = { ...QUANT_DEFAULTS, ...settings };
  return pretrain(ml, { hidden: s.hidden, pretrainSteps: s.steps, pretrainRate: s.rate, batchSize: s.batchSize, seed: s.seed });
}

// Test accuracy of `net` quantised as { bits, scheme, perChannel, activationBits } (calibrated on
// the training images).
export function quantisedAccuracy(net, { bits, scheme = 'symmetric', perChannel = false, activationBits = 0 }) {
  const { train, test } = digitSplits();
  return net.quantisedScore(bits, scheme, perChannel, activationBits, train.inputs, test.inputs, Float64Array.from(test.labels));
}

export function floatAccuracy(net) {
  const { test } = digitSplits();
  return net.score(test.inputs, Float64Array.from(test.labels));
}

// ---- quantisation on 2-D points: the decision map ----
// A small TransferNet (2 inputs → hidden ReLU units → 2 classes) trained on the engine's two
// moons; its test points come from the same generator with another seed. The quantise widget's
// "2-D points" view and the lesson's claims use exactly these.
export const POINTS_DEFAULTS = { n: 200, noise: 0.15, hidden: 16, steps: 800, rate: 0.05, batchSize: 20, seed: 1, grid: 48 };

// { net, train: { X, y, n }, test: { X, y, n }, domain: { x0, x1, y0, y1 } }; the caller owns
// (and deletes) net.
export function trainPointsNet(ml, settings = {}) {
  const s = { ...POINTS_DEFAULTS, ...settings };
  const train = ml.makeMoons(s.n, s.noise, s.seed);
  const test = ml.makeMoons(s.n, s.noise, s.seed + 1000);
  const net = new ml.TransferNet(2, s.hidden, 2);
  try {
    net.reset(s.seed);
    net.setLearningRate(s.rate);
    net.setBatchSize(s.batchSize);
    net.setData(train.X, train.y);
    net.train(s.steps);
  } catch (err) {
    net.delete();
    throw err;
  }
  const part = (d) => ({ X: d.X, y: Float64Array.from(d.y), n: d.y.length });
  return { net, train: part(train), test: part(test), domain: squareAround(train.X) };
}

// Test accuracy of the points network quantised as quantisedAccuracy's spec (calibrated on the
// training points).
export function pointsAccuracy(model, { bits, scheme = 'symmetric', perChannel = false, activationBits = 0 }) {
  return model.net.quantisedScore(bits, scheme, perChannel, activationBits, model.train.X, model.test.X, model.test.y);
}

export function pointsFloatAccuracy(model) {
  return model.net.score(model.test.X, model.test.y);
}

// P(class 1) per cell of the decision map, float (spec null) or quantised; engine grid layout,
// two probabilities per cell.
export function pointsGrid(model, spec, res = POINTS_DEFAULTS.grid) {
  const { x0, x1, y0, y1 } = model.domain;
  if (!spec) return model.net.probabilityGrid(x0, x1, y0, y1, res, res);
  const { bits, scheme = 'symmetric', perChannel = false, activationBits = 0 } = spec;
  return model.net.quantisedProbabilityGrid(bits, scheme, perChannel, activationBits, model.train.X, x0, x1, y0, y1, res, res);
}

// A square around flat (x, y) points with a tenth of their extent as margin on each side.
function squareAround(flat) {
  let x0 = Infinity; let x1 = -Infinity; let y0 = Infinity; let y1 = -Infinity;
  for (let i = 0; i < flat.length; i += 2) {
    x0 = Math.min(x0, flat[i]); x1 = Math.max(x1, flat[i]);
    y0 = Math.min(y0, flat[i + 1]); y1 = Math.max(y1, flat[i + 1]);
  }
  const half = 0.6 * Math.max(x1 - x0, y1 - y0);
  const cx = (x0 + x1) / 2; const cy = (y0 + y1) / 2;
  return { x0: cx - half, x1: cx + half, y0: cy - half, y1: cy + half };
}
