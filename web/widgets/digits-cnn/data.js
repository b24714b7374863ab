// The digits the network learns from, and the drawing pad's downsampling, with no DOM: the
// widget, its lesson's claims test and the node tests all import these.
//
// Data: scikit-learn's load_digits, a copy of the UCI "Optical Recognition of Handwritten
// Digits" test set (Alpaydin & Kaynak 1998, CC BY 4.0), shipped with scikit-learn (BSD 3-clause);
// decoded by web/lib/digits.js.
import { DIGIT_SIDE, DIGIT_PIXELS, DIGIT_MAX_INK, DIGITS_TRAIN, DIGITS_TEST, DIGITS_SPLIT_SEED, loadDigits, scaledPixels } from '../../lib/digits.js';

export const SIDE = DIGIT_SIDE;        // images are 8×8
export const PIXELS = DIGIT_PIXELS;
export const MAX_INK = DIGIT_MAX_INK;  // pixel values count inked cells of a 4×4 block: 0…16
export const CLASSES = 10;
export { DIGITS_TRAIN, DIGITS_TEST, DIGITS_SPLIT_SEED, loadDigits };

// The network's inputs: pixel values scaled from 0–16 to 0–1, as a Float64Array of n·64.
export const scaled = scaledPixels;

// The drawing pad's canvas → an 8×8 image made the way the data set was: the original 32×32
// black-and-white bitmaps were split into 4×4 blocks and each pixel counts the inked cells of its
// block (0–16). `ink` is a square grid of side 32 of 0/1 (or 0–1 coverage) values, row by row.
// Like the data set's preprocessing, the drawing is first scaled and centred so its bounding
// box fills the 32×32 frame (the original forms were normalised in size before blocking).
export const PAD_SIDE = 32;
export function downsample(ink, { normalise = true } = {}) {
  if (ink.length !== PAD_SIDE * PAD_SIDE) throw new RangeError(`downsample: expected ${PAD_SIDE * PAD_SIDE} cells, got ${ink.length}`);
  const grid = normalise ? normaliseInk(ink) : ink;
  const out = new Float64Array(PIXELS);
  for (let r = 0; r < PAD_SIDE; r++) {
    for (let c = 0; c < PAD_SIDE; c++) {
      out[Math.floor(r / 4) * SIDE + Math.floor(c / 4)] += grid[r * PAD_SIDE + c] >= 0.5 ? 1 : 0;
    }
  }
  return out;
}

// Scales the drawing's bounding box, keeping its proportions, so its longer side spans the
// 32-cell frame, and centres it; nearest-neighbour sampling keeps cells 0 or 1.
export function normaliseInk(ink) {
  let r0 = PAD_SIDE; let r1 = -1; let c0 = PAD_SIDE; let c1 = -1;
  for (let r = 0; r < PAD_SIDE; r++) for (let c = 0; c < PAD_SIDE; c++) {
    if (ink[r * PAD_SIDE + c] >= 0.5) { r0 = Math.min(r0, r); r1 = Math.max(r1, r); c0 = Math.min(c0, c); c1 = Math.max(c1, c); }
  }
  const out = new Float64Array(PAD_SIDE * PAD_SIDE);
  if (r1 < 0) return out;
  const h = r1 - r0 + 1; const w = c1 - c0 + 1;
  const scale = Math.max(h, w) / PAD_SIDE;  // source cells per target cell
  const offR = (PAD_SIDE - h / scale) / 2; const offC = (PAD_SIDE - w / scale) / 2;
  for (let r = 0; r < PAD_SIDE; r++) for (let c = 0; c < PAD_SIDE; c++) {
    const sr = Math.floor(r0 + (r + 0.5 - offR) * scale);
    const sc = Math.floor(c0 + (c + 0.5 - offC) * scale);
    if (sr >= r0 && sr <= r1 && sc >= c0 && sc <= c1) out[r * PAD_SIDE + c] = ink[sr * PAD_SIDE + sc] >= 0.5 ? 1 : 0;
  }
  return out;
}

// The widget's network and training settings (its defaults), in one place so the lesson's claims
// test and the node tests train exactly what the page trains.
export const NETWORK_DEFAULTS = { filters: 8, kernel: 3, stride: 1, padding: 1, pool: 2, hidden: 0, optimizer: 'adam', learningRate: 0.01, batchSize: 32, seed: 1 };

// Builds and configures a ConvNet with the training digits set; the caller owns (and deletes) it.
export function createNetwork(ml, settings = {}) {
  const s = { ...NETWORK_DEFAULTS, ...settings };
  const net = new ml.ConvNet();
  try {
    net.setInputShape(1, SIDE, SIDE);
    net.setConv(s.filters, s.kernel, s.stride, s.padding);
    net.setPool(s.pool);
    net.setHidden(s.hidden);
    net.setClasses(CLASSES);
    net.setOptimizer(s.optimizer);
    net.setLearningRate(s.learningRate);
    net.setBatchSize(s.batchSize);
    net.reset(s.seed);
    const { train } = loadDigits();
    net.setData(scaled(train.pixels), PIXELS, Float64Array.from(train.labels));
    net.setTracing(false);
    return net;
  } catch (err) {
    net.delete();
    throw err;
  }
}

// The test split's network inputs, scaled once per page (every widget on the page shares them;
// read-only).
let testInputs = null;
export function testInputsScaled() {
  if (!testInputs) testInputs = scaled(loadDigits().test.pixels);
  return testInputs;
}

// Test accuracy of a network on the shipped test split.
export function testAccuracy(net) {
  const { test } = loadDigits();
  return net.score(scaled(test.pixels), Float64Array.from(test.labels));
}

// A 10×10 confusion matrix (rows: true digit, columns: predicted) on the test split.
export function confusion(net) { return evaluateTest(net).confusion; }

// One pass over the test split: { accuracy, confusion, predicted } (predicted copied out of the
// engine's view). `inputs` lets a caller pass the scaled test images it already holds.
export function evaluateTest(net, inputs = null) {
  const { test } = loadDigits();
  const predicted = Int32Array.from(net.predict(inputs || testInputsScaled()));
  const counts = new Int32Array(CLASSES * CLASSES);
  let right = 0;
  for (let i = 0; i < test.n; i++) {
    counts[test.labels[i] * CLASSES + predicted[i]] += 1;
    if (predicted[i] === test.labels[i]) right += 1;
  }
  return { accuracy: right / test.n, confusion: counts, predicted };
}
