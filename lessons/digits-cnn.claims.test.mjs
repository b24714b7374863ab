// Claims of digits-cnn.md, checked against the engine with the widget's own data helpers and
// defaults (web/widgets/digits-cnn/data.js: NETWORK_DEFAULTS, createNetwork; goal.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { loadDigits, createNetwork, testAccuracy, scaled, NETWORK_DEFAULTS, MAX_INK, PIXELS } from '../web/widgets/digits-cnn/data.js';
import { STEP_BUDGET, TARGET_ACCURACY, TEST_EVERY } from '../web/widgets/digits-cnn/goal.js';
import { computations } from '../web/js/check-computations/cnn.js';
import { formatPercent, formatNumber } from '../web/lib/format.js';
import { messages } from '../web/widgets/digits-cnn/messages.js';

const lesson = fs.readFileSync(new URL('./digits-cnn.md', import.meta.url), 'utf8');

test('the data: 1,797 images, 1,437 to train and 360 to test, pixels 0–16, 174–183 per digit', () => {
  const { train, test: held } = loadDigits();
  assert.equal(train.n + held.n, 1797);
  assert.equal(train.n, 1437);
  assert.equal(held.n, 360);
  const all = [...train.pixels, ...held.pixels];
  assert.deepEqual([Math.min(...all), Math.max(...all)], [0, MAX_INK]);
  const counts = new Array(10).fill(0);
  for (const l of [...train.labels, ...held.labels]) counts[l] += 1;
  assert.deepEqual([Math.min(...counts), Math.max(...counts)], [174, 183]);
  // "a fixed, seeded fifth … every digit keeps its share": 35 or 36 of each digit in the test part.
  const testCounts = new Array(10).fill(0);
  for (const l of held.labels) testCounts[l] += 1;
  for (let k = 0; k < 10; k++) assert.ok(Math.abs(testCounts[k] - counts[k] / 5) < 1, `digit ${k}`);
  // Inputs are the counts divided by 16.
  assert.equal(scaled(new Uint8Array([16, 8]))[1], 0.5);
});

test('the network: 8 maps of 8×8, pooled to 4×4 (128 numbers); 80 + 1,290 = 1,370 parameters', () => {
  assert.deepEqual([NETWORK_DEFAULTS.filters, NETWORK_DEFAULTS.kernel, NETWORK_DEFAULTS.stride, NETWORK_DEFAULTS.padding, NETWORK_DEFAULTS.pool], [8, 3, 1, 1, 2]);
  assert.deepEqual([NETWORK_DEFAULTS.optimizer, NETWORK_DEFAULTS.learningRate, NETWORK_DEFAULTS.batchSize], ['adam', 0.01, 32]);
  const net = createNetwork(ml);
  try {
    const s = net.shapes();
    assert.deepEqual([s.conv.channels, s.conv.height, s.conv.width], [8, 8, 8]);
    assert.deepEqual([s.pooled.height, s.pooled.width], [4, 4]);
    assert.equal(s.pooled.channels * s.pooled.height * s.pooled.width, 128);
    assert.deepEqual([...net.layerParamCounts()], [80, 0, 1290]);
    assert.equal(net.params().length, 1370);
    // "Forty-five steps make one pass over the 1,437 training images."
    net.fit(44);
    assert.equal(net.epoch(), 0);
    net.fit(1);
    assert.equal(net.epoch(), 1);
  } finally {
    net.delete();
  }
});

test('output side: (8 + 2 − 3)/1 + 1 = 8; stride 2 gives 4; the check-yourself layer gives 13', () => {
  assert.equal(ml.convOutputSize(8, 3, 1, 1), 8);
  assert.equal(ml.convOutputSize(8, 3, 2, 1), 4);
  assert.equal(computations['conv-layer'](ml, { n: 28, k: 5, s: 2, p: 1 }).size, 13);
  assert.equal(computations['conv-layer'](ml, { n: 8, k: 3, s: 1, p: 1, filters: 8 }).params, 80);
});

test('worked example: the edge filter on the patch gives 36; max-pooling 36, 12, 0, 20 keeps 36', () => {
  const patch = [0, 4, 8, 0, 6, 16, 0, 2, 12];
  const filter = [-1, 0, 1, -1, 0, 1, -1, 0, 1];
  const conv = new ml.ConvNet();
  const pool = new ml.ConvNet();
  try {
    conv.setInputShape(1, 3, 3);
    conv.setPool(1);
    conv.setConv(1, 3, 1, 0);
    conv.setClasses(2);
    conv.setParams([...filter, 0, 0, 0, 0, 0]);
    assert.deepEqual([...conv.featureMaps(patch)], [36]);  // after ReLU, which leaves 36 alone
    // A 1×1 filter of weight 1 passes the 2×2 block through; the pool keeps its maximum.
    pool.setInputShape(1, 2, 2);
    pool.setConv(1, 1, 1, 0);
    pool.setPool(2);
    pool.setClasses(2);
    pool.setParams([1, 0, 0, 0, 0, 0]);
    assert.deepEqual([...pool.pooledMaps([36, 12, 0, 20])], [36]);
  } finally {
    conv.delete();
    pool.delete();
  }
});

// The widget's epochs readout (net.epoch()) after `steps` training steps.
function epochAt(steps) {
  const net = createNetwork(ml);
  try { net.fit(steps); return net.epoch(); } finally { net.delete(); }
}

// Trains the widget's network as the widget does: test accuracy measured every TEST_EVERY steps.
function firstReach() {
  const net = createNetwork(ml);
  try {
    const initial = testAccuracy(net);
    const start = Array.from(net.filters());
    let reached = -1;
    while (net.steps() < STEP_BUDGET) {
      net.fit(TEST_EVERY);
      if (testAccuracy(net) >= TARGET_ACCURACY) { reached = net.steps(); break; }
    }
    const moved = Array.from(net.filters()).some((v, i) => Math.abs(v - start[i]) > 0.05);
    return { initial, reached, moved };
  } finally {
    net.delete();
  }
}

test('the widget with seed 1: the untrained accuracy, and the step at which it first reaches 95 %', () => {
  const { initial, reached, moved } = firstReach();
  assert.equal(NETWORK_DEFAULTS.seed, 1);
  assert.ok(lesson.includes(`network gets ${formatPercent(initial)} of the test digits right`), `lesson states ${formatPercent(initial)}`);
  assert.ok(initial < 0.2, 'close to guessing');
  assert.ok(reached > 0 && reached <= STEP_BUDGET, `reached at step ${reached}`);
  assert.ok(lesson.includes(`first reaches 95% at step ${reached},`), `lesson states step ${reached}`);
  const passes = (reached * NETWORK_DEFAULTS.batchSize) / 1437;
  assert.ok(lesson.includes(`after $${reached} \\cdot ${NETWORK_DEFAULTS.batchSize} = 2\\,400$ images, about ${formatNumber(passes, 1)} passes over the training images`), `≈ ${passes} epochs`);
  assert.equal(reached * NETWORK_DEFAULTS.batchSize, 2400);
  // "the epochs readout … then shows 1"
  assert.equal(formatNumber(epochAt(reached), 0), '1');
  assert.ok(lesson.includes(`every ${TEST_EVERY} steps`));
  assert.ok(moved, 'the filters move away from their random start');
});

test('more than one input channel: a colour photo through two convolution layers', () => {
  const side = computations['conv-layer'](ml, { n: 224, k: 3, s: 1, p: 1 }).size;
  assert.equal(side, 224);
  assert.equal(3 * 3 * 3, 27);
  assert.equal(32 * (27 + 1), 896);
  assert.equal(side / 2, 112);
  assert.equal(64 * (3 * 3 * 32 + 1), 18496);
  assert.match(lesson, /Thirty-two such filters on a \$3 \\times 224 \\times 224\$ photo, with stride 1 and padding 1, have \$32 \\cdot \(27 \+ 1\) = 896\$ parameters and produce \$32 \\times 224 \\times 224\$ numbers, which \$2 \\times 2\$ max-pooling halves in each direction to \$32 \\times 112 \\times 112\$/);
  assert.match(lesson, /\$3 \\times 3 \\times 32 = 288\$ weights each: \$64 \\cdot \(288 \+ 1\) = 18\\,496\$ parameters/);
});

// Reading down the page, the learner meets the Predict, then check paragraph before any step that
// trains the network (the box takes a prediction only at step 0, and one made after the accuracy
// has climbed is practice), and the buttons the lesson names are the widget's own labels (its play
// button reads Train at step 0, after Reset too: tests/browser/digits-cnn.test.mjs).
test('the prediction comes before the first press of Train or Step, with the buttons named as the widget names them', () => {
  const widgetAt = lesson.indexOf('::: widget digits-cnn');
  const predictAt = lesson.indexOf('**Predict, then check.**');
  const predictEnd = lesson.indexOf('\n\n', predictAt);
  const listAt = lesson.indexOf('Things to try:');
  assert.ok(widgetAt > 0 && widgetAt < predictAt && predictEnd < listAt, 'the paragraph sits between the widget and its list');
  // Every instruction to press Train or Step comes after the paragraph that asks for the lock.
  const presses = [...lesson.matchAll(/press \*\*(Train|Step)\*\*/gi)].map((m) => m.index);
  assert.ok(presses.length > 0);
  for (const at of presses) assert.ok(at > predictAt, `an instruction to press at ${at} comes before the prediction`);
  assert.match(lesson, /\n2\. With your prediction locked in, press \*\*Train\*\*\./);
  // The names in bold are the buttons' labels; the box's next step names Train as well.
  for (const key of ['train', 'step', 'reset']) assert.ok(lesson.includes(`**${messages[`digits-cnn.${key}`]}**`), key);
  assert.match(messages['digits-cnn.predict.next']({ steps: [] }), new RegExp(`press ${messages['digits-cnn.train']}\\b`));
});

// Adaptive average pooling as deep-learning libraries do it: output cell i of `out` covers input
// cells ⌊i·n/out⌋ … ⌈(i+1)·n/out⌉ − 1, so the grid is fixed and the blocks fit the map.
const adaptiveBlocks = (n, out) => Array.from({ length: out }, (_, i) => [Math.floor((i * n) / out), Math.ceil(((i + 1) * n) / out)]);

test('the third block: 128 filters over 64 maps, 128 · (576 + 1) = 73,856 parameters, 128 × 28 × 28 after pooling', () => {
  const third = computations['conv-layer'](ml, { n: 56, k: 3, s: 1, p: 1, filters: 128, channels: 64 });
  assert.equal(third.params, 73856);
  assert.equal(3 * 3 * 64, 576);
  assert.equal(computations['conv-layer'](ml, { n: 112, k: 3, s: 1, p: 1, filters: 64, channels: 32 }).params, 18496);
  // Each layer keeps the side (stride 1, padding 1) and each 2 × 2 pooling halves it: 224 → 112 → 56 → 28.
  let side = 224;
  for (let block = 0; block < 3; block++) { side = ml.convOutputSize(side, 3, 1, 1); side /= 2; }
  assert.equal(side, 28);
  assert.match(lesson, /pooling halves its \$64 \\times 112 \\times 112\$ output to \$64 \\times 56 \\times 56\$/);
  assert.match(lesson, /\$128 \\cdot \(576 \+ 1\) = 73\\,856\$ parameters, and after pooling leaves \$128 \\times 28 \\times 28\$ numbers/);
});

test('the head: flattening gives 100,352 numbers and a 25,690,368-parameter layer; 4 × 4 adaptive average pooling gives 2,048 for 224 and 320 pixels, and a 524,544-parameter layer, about 49 times fewer', () => {
  assert.equal(128 * 28 * 28, 100352);
  assert.equal(100352 * 256 + 256, 25690368);
  // A 320 × 320 photo: three poolings leave 40 × 40 maps.
  let side = 320;
  for (let block = 0; block < 3; block++) side = ml.convOutputSize(side, 3, 1, 1) / 2;
  assert.equal(side, 40);
  for (const [n, size] of [[28, 7], [40, 10]]) {
    const blocks = adaptiveBlocks(n, 4);
    assert.ok(blocks.every(([a, b]) => b - a === size), `${n}: blocks of ${size}`);
    assert.equal(128 * blocks.length * blocks.length, 2048);
  }
  // A side that does not divide evenly: neighbouring blocks share at most one row or column, and some do.
  const uneven = adaptiveBlocks(30, 4);
  const overlaps = uneven.slice(1).map(([a], i) => uneven[i][1] - a);
  assert.ok(overlaps.every((o) => o === 0 || o === 1) && overlaps.includes(1), String(overlaps));
  assert.equal(2048 * 256 + 256, 524544);
  assert.equal(Math.round(25690368 / 524544), 49);
  assert.equal(128 * 40 * 40, 204800);  // the check-yourself's wrong choice, the larger photo flattened
  for (const quoted of ['$128 \\cdot 28 \\cdot 28 = 100\\,352$', '$100\\,352 \\cdot 256 + 256 = 25\\,690\\,368$', '$128 \\cdot 16 = 2\\,048$', '$2\\,048 \\cdot 256 + 256 = 524\\,544$ parameters, about 49 times fewer', '- 100\u202f352 for the smaller photo and 204\u202f800 for the larger', '+ 2\u202f048 for both photos']) {
    assert.ok(lesson.includes(quoted), quoted);
  }
});

test('average against max pooling on one 4 × 4 map: averages 4, 2, 1, 4 and maxima 7, 4, 4, 8', () => {
  const map = [1, 3, 0, 4, 5, 7, 2, 2, 0, 0, 6, 8, 4, 0, 2, 0];
  const averages = [];
  for (const r of [0, 2]) for (const c of [0, 2]) averages.push((map[r * 4 + c] + map[r * 4 + c + 1] + map[(r + 1) * 4 + c] + map[(r + 1) * 4 + c + 1]) / 4);
  assert.deepEqual(averages, [4, 2, 1, 4]);
  assert.deepEqual([...ml.maxPool(map, 4, 2).values], [7, 4, 4, 8]);
  assert.ok(lesson.includes('\\begin{bmatrix} 1 & 3 & 0 & 4 \\\\ 5 & 7 & 2 & 2 \\\\ 0 & 0 & 6 & 8 \\\\ 4 & 0 & 2 & 0 \\end{bmatrix}'));
  assert.ok(lesson.includes('\\text{average: } \\begin{bmatrix} 4 & 2 \\\\ 1 & 4 \\end{bmatrix}, \\qquad \\text{maximum: } \\begin{bmatrix} 7 & 4 \\\\ 4 & 8 \\end{bmatrix}'));
  assert.ok(lesson.includes('$(1 + 3 + 5 + 7)/4 = 4$ and has maximum 7') && lesson.includes('$(0 + 0 + 4 + 0)/4 = 1$ against a maximum of 4'));
});

test('batch normalisation per channel: 1, 3, 7, 7 and 7, 5, 5, 5 together have mean 5 and variance 4, and standardise to −2, −1, 1, 1 and 1, 0, 0, 0; 32 filters add 64 learned numbers; 16 photos give 802,816 values a channel', () => {
  const bn = ml.batchNorm([1, 3, 7, 7, 7, 5, 5, 5], 1, 0);
  assert.equal(bn.mean, 5);
  assert.equal(bn.variance, 4);
  assert.deepEqual(Array.from(bn.values).map((v) => Math.round(v * 1000) / 1000), [-2, -1, 1, 1, 1, 0, 0, 0]);
  // A constant added to the whole channel (a convolution's bias) cancels out.
  const shifted = ml.batchNorm([1, 3, 7, 7, 7, 5, 5, 5].map((v) => v + 0.75), 1, 0);
  for (let i = 0; i < 8; i++) assert.ok(Math.abs(shifted.values[i] - bn.values[i]) < 1e-12);
  assert.equal(32 * 2, 64);
  assert.equal(16 * 224 * 224, 802816);
  assert.ok(lesson.includes('mean $40/8 = 5$ and variance $\\big((-4)^2 + (-2)^2 + 2^2 + 2^2 + 2^2 + 0 + 0 + 0\\big)/8 = 32/8 = 4$, so $s = 2$, and they standardise to $-2, -1, 1, 1$ and $1, 0, 0, 0$'));
  assert.ok(lesson.includes('$16 \\cdot 224 \\cdot 224 = 802\\,816$ values'));
});

// Intersection over union of two axis-aligned boxes [x0, y0, x1, y1], counted the slow way: unit
// cells of the plane inside each box (the boxes have whole-number corners), so the test does not
// reuse the formula the lesson teaches.
function iouByCells(a, b) {
  let both = 0, either = 0;
  for (let x = -10; x < 10; x++) {
    for (let y = -10; y < 10; y++) {
      const inA = x >= a[0] && x + 1 <= a[2] && y >= a[1] && y + 1 <= a[3];
      const inB = x >= b[0] && x + 1 <= b[2] && y >= b[1] && y + 1 <= b[3];
      if (inA && inB) both++;
      if (inA || inB) either++;
    }
  }
  return { both, either, iou: both / either };
}

test('boxes and masks: IoU of (0,0)–(4,4) with (1,1)–(5,5) is 9/23 ≈ 0.39, with (2,2)–(6,6) 4/28 ≈ 0.14; the check\'s boxes give 6/10 = 0.6 (0.375 counts the shared part twice)', () => {
  const near = iouByCells([0, 0, 4, 4], [1, 1, 5, 5]);
  assert.deepEqual([near.both, near.either], [9, 23]);
  assert.equal(formatNumber(near.iou, 2), '0.39');
  assert.match(lesson, /area \$3 \\cdot 3 = 9\$, and together cover \$16 \+ 16 - 9 = 23\$, so IoU \$= 9\/23 \\approx 0\.39\$/);
  assert.ok(near.iou < 0.5, 'below the usual bar');
  const far = iouByCells([0, 0, 4, 4], [2, 2, 6, 6]);
  assert.deepEqual([far.both, far.either], [4, 28]);
  assert.equal(formatNumber(far.iou, 2), '0.14');
  assert.match(lesson, /IoU falls to \$4\/28 \\approx 0\.14\$/);
  const check = iouByCells([0, 0, 4, 2], [1, 0, 5, 2]);
  assert.deepEqual([check.both, check.either], [6, 10]);
  assert.equal(check.iou, 0.6);
  assert.equal(6 / 16, 0.375, 'the distractor that adds both areas');
  assert.match(lesson, /\+ Yes: the IoU is 0\.6 ::/);
});
