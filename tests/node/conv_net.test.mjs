// The convolutional network through WASM: the shipped digits split, training to ≥ 95 % test
// accuracy within a step budget with the widget's own settings, determinism, typed errors,
// flat memory over long training, and the drawing pad's downsampling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from './engine.mjs';
import {
  loadDigits, scaled, downsample, normaliseInk, createNetwork, testAccuracy, confusion,
  NETWORK_DEFAULTS, PAD_SIDE, PIXELS, DIGITS_TRAIN, DIGITS_TEST,
} from '../../web/widgets/digits-cnn/data.js';
import { STEP_BUDGET, TARGET_ACCURACY } from '../../web/widgets/digits-cnn/goal.js';

test('the shipped digits: 1437 train + 360 test images, pixels 0–16, scikit-learn\'s class counts', () => {
  const { train, test: held } = loadDigits();
  assert.equal(train.n, 1437);
  assert.equal(held.n, 360);
  assert.equal(DIGITS_TRAIN + DIGITS_TEST, 1797);
  assert.equal(train.pixels.length, 1437 * 64);
  const all = [...train.pixels, ...held.pixels];
  assert.equal(Math.min(...all), 0);
  assert.equal(Math.max(...all), 16);
  // np.bincount(load_digits().target) — every image is in exactly one part.
  const counts = new Array(10).fill(0);
  for (const l of [...train.labels, ...held.labels]) counts[l] += 1;
  assert.deepEqual(counts, [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
  // Stratified: each digit has 35 or 36 (about a fifth) of its images in the test part.
  const testCounts = new Array(10).fill(0);
  for (const l of held.labels) testCounts[l] += 1;
  for (const c of testCounts) assert.ok(c >= 34 && c <= 37, `test count ${c}`);
  // Total ink of the whole set, load_digits().data.sum() = 561718: checks the 5-bit unpacking.
  assert.equal(all.reduce((a, b) => a + b, 0), 561_718);
});

test(`the widget's network reaches ${TARGET_ACCURACY * 100} % test accuracy within ${STEP_BUDGET} steps`, () => {
  const net = createNetwork(ml);
  try {
    let reached = -1;
    for (let done = 0; done < STEP_BUDGET; done += 50) {
      net.fit(50);
      if (testAccuracy(net) >= TARGET_ACCURACY) { reached = done + 50; break; }
    }
    assert.ok(reached > 0, `test accuracy ${testAccuracy(net)} after ${STEP_BUDGET} steps`);
    assert.equal(net.steps(), reached);
    const matrix = confusion(net);
    assert.equal(matrix.reduce((a, b) => a + b, 0), 360);
  } finally {
    net.delete();
  }
});

test('same seed, same network: parameters agree after 60 steps; another seed differs', () => {
  const run = (seed) => {
    const net = createNetwork(ml, { seed });
    try { net.fit(60); return Array.from(net.params()); } finally { net.delete(); }
  };
  assert.deepEqual(run(4), run(4));
  assert.notDeepEqual(run(4), run(5));
});

test('shapes, filters and feature maps for display', () => {
  const net = createNetwork(ml);
  try {
    const s = net.shapes();
    assert.deepEqual([s.input.height, s.conv.channels, s.conv.height, s.pooled.height, s.classes], [8, 8, 8, 4, 10]);
    assert.deepEqual([...net.layerParamCounts()], [80, 0, 1290]);
    assert.equal(net.filters().length, 72);
    const image = scaled(loadDigits().test.pixels.subarray(0, PIXELS));
    const maps = net.featureMaps(image);
    assert.equal(maps.length, 8 * 64);
    assert.ok(Math.min(...maps) >= 0);
    assert.equal(net.pooledMaps(image).length, 128);
    const p = net.predictProba(image);
    assert.equal(p.length, 10);
    assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.equal(ml.convOutputSize(8, 3, 1, 1), 8);
    assert.equal(ml.convOutputSize(28, 5, 2, 0), 12);
  } finally {
    net.delete();
  }
});

test('bad input: typed errors with messages, the instance keeps working', () => {
  const net = new ml.ConvNet();
  try {
    assert.throws(() => net.step(), /no training data/);
    assert.throws(() => net.setData(new Float64Array(63), 63, new Float64Array([1])), (e) => e instanceof RangeError && /64 values/.test(e.message));
    assert.throws(() => net.setData(new Float64Array(64).fill(NaN), 64, new Float64Array([1])), RangeError);
    assert.throws(() => net.setData(new Float64Array(128), 64, new Float64Array([1, 2.5])), /y\[1\]=2.5/);
    assert.throws(() => net.setConv(8, 9, 1, 1), /kernel/);
    assert.throws(() => net.setConv(8, 3, 1, 3), /padding/);
    assert.throws(() => net.setOptimizer('bogus'), RangeError);
    assert.throws(() => net.setBatchSize(0), RangeError);
    assert.throws(() => ml.convOutputSize(2, 5, 1, 1), /does not fit/);
    assert.throws(() => ml.convOutputSize(8, 3, 0, 1), RangeError);
    net.setData(new Float64Array(128), 64, new Float64Array([0, 1]));
    assert.ok(Number.isFinite(net.step()));
  } finally {
    net.delete();
  }
});

test('memory stays flat over long training and repeated create/delete', () => {
  const net = createNetwork(ml);
  try {
    net.fit(20);
    const before = ml.heapBytesInUse();
    for (let i = 0; i < 20; i++) { net.fit(50); testAccuracy(net); net.featureMaps(scaled(loadDigits().test.pixels.subarray(0, PIXELS))); }
    assert.ok(ml.heapBytesInUse() - before < 4096, `grew by ${ml.heapBytesInUse() - before} bytes`);
  } finally {
    net.delete();
  }
  const start = ml.heapBytesInUse();
  for (let i = 0; i < 5; i++) createNetwork(ml).delete();
  assert.ok(ml.heapBytesInUse() - start < 4096);
});

test('drawing pad: 32×32 ink counted in 4×4 blocks gives 0–16 like the data set', () => {
  const full = new Float64Array(PAD_SIDE * PAD_SIDE).fill(1);
  assert.deepEqual([...downsample(full, { normalise: false })], new Array(64).fill(16));
  const block = new Float64Array(PAD_SIDE * PAD_SIDE);
  for (let r = 4; r < 8; r++) for (let c = 8; c < 12; c++) block[r * PAD_SIDE + c] = 1;
  block[0] = 1;  // one cell in the top-left block
  const d = downsample(block, { normalise: false });
  assert.equal(d[1 * 8 + 2], 16);
  assert.equal(d[0], 1);
  assert.equal(d.reduce((a, b) => a + b, 0), 17);
  // Normalising stretches a small centred square to fill the frame.
  const small = new Float64Array(PAD_SIDE * PAD_SIDE);
  for (let r = 12; r < 20; r++) for (let c = 12; c < 20; c++) small[r * PAD_SIDE + c] = 1;
  assert.equal(normaliseInk(small).reduce((a, b) => a + b, 0), PAD_SIDE * PAD_SIDE);
  assert.deepEqual([...downsample(new Float64Array(PAD_SIDE * PAD_SIDE))], new Array(64).fill(0));
  assert.deepEqual(NETWORK_DEFAULTS.filters, 8);
});
