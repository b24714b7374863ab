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
  assert.match(messages['digits-cnn.predict.next'], new RegExp(`press ${messages['digits-cnn.train']}\\b`));
});
