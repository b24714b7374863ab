// Claims of quantisation.md, checked against the engine with the widget's own helpers and
// defaults (web/lib/transfer.js: QUANT_DEFAULTS, trainDigitNet, quantisedAccuracy, BIT_SIZES; the
// widget web/widgets/quantise.js computes exactly these).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import {
  BIT_SIZES, QUANT_DEFAULTS, floatAccuracy, pointsAccuracy, pointsFloatAccuracy, pointsGrid, quantisedAccuracy, trainDigitNet, trainPointsNet,
} from '../web/lib/transfer.js';
import { computations } from '../web/js/check-computations/neural-networks.js';
import { formatPercent, formatNumber } from '../web/lib/format.js';

const lesson = fs.readFileSync(new URL('./quantisation.md', import.meta.url), 'utf8');
const says = (text) => assert.ok(lesson.includes(text), `the lesson says: ${text}`);
const pct = (v) => formatPercent(v);

const net = trainDigitNet(ml);
process.on('exit', () => net.delete());
const exact = floatAccuracy(net);
const acc = (bits, scheme, perChannel, activations = false) => quantisedAccuracy(net, { bits, scheme, perChannel, activationBits: activations ? bits : 0 });
const GRIDS = [['symmetric', false], ['symmetric', true], ['asymmetric', false], ['asymmetric', true]];

test('worked example, symmetric int8: S = 1/127, q = (−127, 25, 64), errors within S/2', () => {
  const r = ml.quantise([-1.0, 0.2, 0.5], 8, 'symmetric');
  assert.ok(Math.abs(r.scale - 1 / 127) < 1e-15);
  assert.equal(formatNumber(r.scale, 6), '0.007874');
  assert.deepEqual([...r.q], [-127, 25, 64]);
  assert.equal(r.zeroPoint, 0);
  assert.deepEqual([formatNumber(r.values[1], 5), formatNumber(r.values[2], 5)], ['0.19685', '0.50394']);
  const errors = [...r.values].map((v, i) => Math.abs(v - [-1.0, 0.2, 0.5][i]));
  assert.ok(errors[0] < 1e-15);
  assert.deepEqual(errors.slice(1).map((e) => formatNumber(e, 5)), ['0.00315', '0.00394']);
  for (const e of errors) assert.ok(e <= r.scale / 2 + 1e-12);
  assert.ok(Math.abs(errors[2] - r.scale / 2) < 1e-15, 'the halfway value sits right at the limit S/2');
  assert.equal(formatNumber(r.scale / 2, 6), '0.003937');
  says('Rounding gives $q = (-127, 25, 64)$');
  says('\\approx (-1.0,\\allowbreak\\ 0.19685,\\allowbreak\\ 0.50394)');
  says('The errors are 0, 0.00315 and 0.00394, all within $S/2 \\approx 0.003937$');
});

test('worked example, asymmetric uint8: S = 1.5/255, Z = 170, q = (0, 204, 255), read back exactly', () => {
  const r = ml.quantise([-1.0, 0.2, 0.5], 8, 'asymmetric');
  assert.ok(Math.abs(r.scale - 1.5 / 255) < 1e-15);
  assert.equal(formatNumber(r.scale, 6), '0.005882');
  assert.equal(r.zeroPoint, 170);
  assert.deepEqual([...r.q], [0, 204, 255]);
  [-1.0, 0.2, 0.5].forEach((x, i) => assert.ok(Math.abs(r.values[i] - x) < 1e-12));
  says('$q = (0,\\ 204,\\ 255)$');
  says('$Z = \\operatorname{round}(1.0/S) = \\operatorname{round}(170) = 170$');
  // The ranges: −127…127 and 0…255 at 8 bits; 15 values at 4 bits.
  assert.deepEqual([r.qmin, r.qmax], [0, 255]);
  const s4 = ml.quantParams([-1, 1], 4, 'symmetric');
  assert.equal(s4.qmax - s4.qmin + 1, 15);
  says('the grid has 15 values');
});

test('the network: 2,368 weights and 42 biases; 9,640 bytes in floats; 2,544 at 8 bits (26%); 1,360 at 4 bits (14%)', () => {
  assert.equal(QUANT_DEFAULTS.seed, 1);
  assert.equal(QUANT_DEFAULTS.bits, 8);  // the widget's schema takes its defaults from QUANT_DEFAULTS
  assert.equal(net.floatBytes(), 9640);
  assert.equal(net.quantisedBytes(8, 'symmetric', false), 2544);
  assert.equal(net.quantisedBytes(4, 'symmetric', false), 1360);
  assert.equal(formatPercent(2544 / 9640, 0), '26%');
  assert.equal(formatPercent(1360 / 9640, 0), '14%');
  assert.equal(net.counts().total, 2410);
  says('$2\\,368 + 8 + 168 = 2\\,544$ bytes, 26% of the float size');
  says('the model takes 1\u202f360 bytes (14% of the float size)');
  // An asymmetric grid stores a zero point per scale: 8 bytes more per tensor at 8 bits.
  assert.equal(net.quantisedBytes(8, 'asymmetric', false) - 2544, 8);
});

test('float 96.9%; at 8 bits all four grids give the same; at 4 bits symmetric per tensor 94.4% (2.5 points down)', () => {
  says(`96.9% test accuracy`);
  assert.equal(pct(exact), '96.9%');
  for (const [scheme, perChannel] of GRIDS) assert.equal(acc(8, scheme, perChannel), exact, `${scheme} ${perChannel}`);
  says(`every one of the four grids gives the float network's ${pct(exact)}`);
  const four = acc(4, 'symmetric', false);
  says(`the symmetric per-tensor grid loses ${formatNumber((exact - four) * 100, 1)} points (${pct(four)})`);
});

test('at 2 bits: asymmetric per channel 92.5%, symmetric per tensor 43.3%', () => {
  const best = acc(2, 'asymmetric', true);
  const worst = acc(2, 'symmetric', false);
  says(`asymmetric per-channel grid still reads ${pct(best)} of the digits, against ${pct(worst)} for symmetric per tensor`);
  for (const [scheme, perChannel] of GRIDS) assert.ok(acc(2, scheme, perChannel) <= best);
  assert.ok(exact - worst > 0.2, 'more than 20 points lower: the prediction box\'s "far"');
});

test('activations too: nothing changes at 8 bits; at low bits a little more is lost', () => {
  for (const [scheme, perChannel] of GRIDS) assert.equal(acc(8, scheme, perChannel, true), exact);
  says('at 8 bits nothing changes');
  // "at low bits the hidden values' own rounding costs a little more": summed over the four grids
  // at 4, 3 and 2 bits, quantising the activations too never helps on balance.
  let without = 0;
  let withActs = 0;
  for (const bits of [4, 3, 2]) for (const [scheme, perChannel] of GRIDS) { without += acc(bits, scheme, perChannel); withActs += acc(bits, scheme, perChannel, true); }
  assert.ok(withActs < without, `${withActs} < ${without}`);
  assert.deepEqual(BIT_SIZES, [16, 8, 6, 4, 3, 2]);
});

test('check-yourself: 0.5 in (−0.8, 0.1, 0.5) at 4 bits symmetric is q = 4, read back 0.457', () => {
  const r = computations['quantise-value'](ml, { x: [-0.8, 0.1, 0.5], bits: 4, i: 2 });
  assert.equal(r.q, 4);
  assert.equal(formatNumber(r.value, 3), '0.457');
  assert.equal(formatNumber(r.error, 3), '0.043');
  assert.ok(r.error <= r.scale / 2);
  assert.equal(formatNumber(r.scale / 2, 3), '0.057');
  // The small row of the second question: per tensor it becomes 0, per row it keeps its values.
  const m = ml.quantiseMatrix([2, -1.9, 2, 0.01, -0.01, 0.01], 2, 3, 4, 'symmetric', false);
  assert.deepEqual([...m.values].slice(3).map((v) => v === 0), [true, true, true]);
  const c = ml.quantiseMatrix([2, -1.9, 2, 0.01, -0.01, 0.01], 2, 3, 4, 'symmetric', true);
  assert.ok([...c.values].slice(3).every((v) => v !== 0));
  assert.equal(formatNumber(c.scales[1], 4), '0.0014');
});

// ---- the 2-D points view (item 6), with the widget's helpers (web/lib/transfer.js) ----
test('2-D points: 16 hidden ReLU units on two moons; 8 bits match the float net (96.5%, 0.1% of cells change); 2 bits symmetric per tensor 71.0% with 24% of the map changed; asymmetric per channel 95.5%', () => {
  const p = trainPointsNet(ml);
  try {
    assert.equal(p.net.inputs(), 2);
    assert.equal(p.net.hidden(), 16);
    assert.equal(p.net.classes(), 2);
    assert.equal(p.test.n, 200);
    says('the 200 test points on both');
    says('(2 inputs, 16 hidden ReLU units, 2 classes)');
    const exact = pointsFloatAccuracy(p);
    assert.equal(pct(exact), '96.5%');
    for (const [scheme, perChannel] of GRIDS) assert.equal(pointsAccuracy(p, { bits: 8, scheme, perChannel }), exact);
    const changed = (bits) => {
      const f = pointsGrid(p, null);
      const q = pointsGrid(p, { bits });
      let flips = 0;
      for (let k = 0; k < f.length / 2; k++) if ((f[2 * k + 1] >= 0.5) !== (q[2 * k + 1] >= 0.5)) flips += 1;
      return flips / (f.length / 2);
    };
    assert.equal(formatPercent(changed(8)), '0.1%');
    assert.equal(formatPercent(changed(2), 0), '24%');
    assert.equal(pct(pointsAccuracy(p, { bits: 2 })), '71.0%');
    assert.equal(pct(pointsAccuracy(p, { bits: 2, scheme: 'asymmetric', perChannel: true })), '95.5%');
    says('both nets get 96.5% of the test points right');
    says('24% of the map changes class and the test accuracy falls to 71.0%');
    says('The asymmetric per-channel grid keeps 95.5% with the same 2 bits.');
    // Item 5 leaves "quantise activations too" ticked; with it still ticked the asymmetric
    // per-channel grid reads 92.5%, not 95.5% (the 8-bit 96.5% and the symmetric 71.0% are the
    // same either way). So item 6 begins by unticking it, before the switch to 2-D points.
    assert.equal(pct(pointsAccuracy(p, { bits: 2, scheme: 'asymmetric', perChannel: true, activationBits: 2 })), '92.5%');
    assert.equal(pct(pointsAccuracy(p, { bits: 8, activationBits: 8 })), '96.5%');
    assert.equal(pct(pointsAccuracy(p, { bits: 2, activationBits: 2 })), '71.0%');
    const tick = lesson.indexOf('5. Tick **quantise activations too**');
    const untick = lesson.indexOf('6. Untick **quantise activations too**, so that only the weights are rounded again, then switch **network** to **2-D points**.');
    assert.ok(tick > 0 && untick > tick, 'item 6 unticks the box item 5 ticked, before anything of the 2-D view');
    assert.ok(lesson.indexOf('95.5%') > untick);
    // 2 bits, symmetric, one scale: every hidden weight is −S, 0 or +S (so each unit's edge runs
    // across, up and down, or along a diagonal).
    const w = Float64Array.from(p.net.effectiveHiddenWeights());
    const q = ml.quantiseMatrix(w, 16, 2, 2, 'symmetric', false);
    const S = q.scales[0];
    assert.ok(Math.abs(S - Math.max(...w.map(Math.abs))) < 1e-15);
    for (const v of q.values) assert.ok(v === 0 || Math.abs(Math.abs(v) - S) < 1e-15, `${v}`);
  } finally { p.net.delete(); }
});

test('what per-group scales cost, with and without double quantisation', () => {
  const plain = 32 / 64;
  const double = 8 / 64 + 32 / (64 * 256);
  assert.equal(plain, 0.5);
  assert.equal(double.toFixed(3), '0.127');
  const savedGigabytes = 7e9 * (plain - double) / 8 / 1e9;
  assert.equal(savedGigabytes.toFixed(2), '0.33');
  assert.match(lesson, /each weight carries \$32\/64 = 0\.5\$ extra bits, so a "4-bit" model really spends 4\.5 bits per weight/);
  assert.match(lesson, /\$8\/64 \+ 32\/\(64 \\cdot 256\) \\approx 0\.127\$ extra bits per weight\. Over seven billion weights that saves \$7 \\times 10\^9 \\times \(0\.5 - 0\.127\) \/ 8 \\approx 0\.33\$ gigabytes/);
});

test('check yourself: a symmetric b-bit grid holds 2^(b−1)·2 − 1 values, one step fewer between them (4 bits: 15 and 14; 8 bits: 255 and 254)', () => {
  const values = (bits) => 2 * (2 ** (bits - 1) - 1) + 1; // −(2^(b−1) − 1) … 2^(b−1) − 1
  assert.equal(values(4), 15);
  assert.equal(values(8), 255);
  assert.ok(lesson.includes(`it now holds ${values(4)} grid values instead of ${values(8)} (${values(4) - 1} steps between them instead of ${values(8) - 1})`));
});
