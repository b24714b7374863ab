// Claims of "Maths you will need": each section's worked example, checked against the engine
// where the engine computes it (LinearRegression's loss and gradient, the sigmoid of
// activationCurve, logLoss, vectorDot) and by hand otherwise; the widgets' defaults are the
// lesson's numbers, and the check-yourself answers are the ones the explanations derive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ml } from '../tests/node/engine.mjs';
import { evaluateComputation, parseComputation } from '../web/js/check-computations.js';
import { formatNumber } from '../web/lib/format.js';

const dist = process.env.DW_ENGINE_DIR ? path.resolve(process.env.DW_ENGINE_DIR, '..') : path.resolve(import.meta.dirname, '../dist');
const widget = async (name) => import(pathToFileURL(path.join(dist, 'widgets', `${name}.js`)).href);
const defaults = (schema) => Object.fromEntries(Object.entries(schema).map(([k, s]) => [k, s.default]));
const close = (a, b, tol, what = '') => assert.ok(Math.abs(a - b) <= tol, `${what} ${a} vs ${b}`);

// The loss (w x + b − y)² of one point and its gradient, as primer-slope asks the engine.
function onePoint(x, y, w, b) {
  const m = new ml.LinearRegression();
  try {
    m.setData([x], 1, [y]);
    m.setParams([w, b]);
    const [gw, gb] = m.gradient();
    return { loss: m.loss(), gw, gb };
  } finally {
    m.delete();
  }
}

test('Σ: the line ŷ = 2x + 1 on (0, 2), (1, 2), (2, 7) has terms 1, 1, 4, sum 6 and mean 2 (primer-sum defaults)', async () => {
  const { schema } = await widget('primer-sum');
  assert.deepEqual(defaults(schema), { w: 2, b: 1, y1: 2, y2: 2, y3: 7 });
  const y = [2, 2, 7];
  const yhat = [0, 1, 2].map((x) => 2 * x + 1);
  assert.deepEqual(yhat, [1, 3, 5]);
  assert.deepEqual(y.map((v, i) => ml.meanSquaredError([v], [yhat[i]])), [1, 1, 4]);
  assert.equal(3 * ml.meanSquaredError(y, yhat), 6);
  const m = new ml.LinearRegression();
  try {
    m.setData([0, 1, 2], 1, y);
    m.setParams([2, 1]);
    assert.equal(m.loss(), 2);
  } finally {
    m.delete();
  }
  // Dragging the top point from 7 to 5 puts it on the line: its term is 0 and Σ is 2.
  assert.equal(3 * ml.meanSquaredError([2, 2, 5], yhat), 2);
});

test('slope: y = 3x + 1 rises 6 over a run of 2 between x = 1 and x = 3', () => {
  const line = (x) => 3 * x + 1;
  assert.equal((line(3) - line(1)) / (3 - 1), 3);
});

test('partial derivative: x = 2, y = 5, w = 1, b = 1 gives L = 4, ∂L/∂w = −8, ∂L/∂b = −4 (primer-slope defaults)', async () => {
  const { schema } = await widget('primer-slope');
  assert.deepEqual(defaults(schema), { x: 2, y: 5, b: 1, w: 1, h: 1 });
  const at1 = onePoint(2, 5, 1, 1);
  assert.equal(at1.loss, 4);
  assert.equal(at1.gw, -8);
  assert.equal(at1.gb, -4);
  // 8w − 16 at w = 1 and the small-run check: L(1.01) = 3.9204, (3.9204 − 4) / 0.01 ≈ −7.96.
  assert.equal(8 * 1 - 16, -8);
  const ahead = onePoint(2, 5, 1.01, 1).loss;
  close(ahead, 3.9204, 1e-12, 'L(1.01)');
  close((ahead - 4) / 0.01, -7.96, 1e-9, 'small-run slope');
  // The widget's chord from w = 1 to 1 + h: slope −4 for its default h = 1 (L(2) = 0), −7.6 for
  // h = 0.1 (L = 3.24) and −7.8 for h = 0.05 (L = 3.61).
  const { h } = defaults(schema);
  assert.equal(h, 1);
  const chord = (run) => (onePoint(2, 5, 1 + run, 1).loss - 4) / run;
  assert.equal(chord(1), -4);
  close(chord(0.1), -7.6, 1e-9, 'chord 0.1');
  close(chord(0.05), -7.8, 1e-9, 'chord 0.05');
  // At w = 2 the tangent is flat and the loss is 0.
  const at2 = onePoint(2, 5, 2, 1);
  assert.equal(at2.gw, 0);
  assert.equal(at2.loss, 0);
});

test('chain rule: d/dz (2z + 1)² = 4(2z + 1) = 12 at z = 1, and expanding gives 8z + 4 = 12 too', () => {
  const L = (z) => (2 * z + 1) ** 2;
  const h = 1e-6;
  close((L(1 + h) - L(1 - h)) / (2 * h), 12, 1e-6, 'numerical slope');
  assert.equal(4 * (2 * 1 + 1), 12);
  assert.equal(8 * 1 + 4, 12);
});

test('chain rule with the sigmoid: at z = 0, y = 1 the factors are −1 and 0.25, product −0.25; at z = −6 the widget shows −1.995 × 0.0025 ≈ −0.0049, below 0.01, and so does the reveal (primer-chain defaults)', async () => {
  const { schema } = await widget('primer-chain');
  assert.deepEqual(defaults(schema), { z: 0, y: 1 });
  assert.equal(schema.z.min, -6, 'the slider reaches the z = −6 the question asks about');
  const c = ml.activationCurve('sigmoid', [0, -6]);
  assert.equal(c.value[0], 0.5);
  assert.equal(c.derivative[0], 0.25);
  assert.equal(2 * (c.value[0] - 1) * c.derivative[0], -0.25);
  // z = −6 as the widget reads it out (web/widgets/primer-chain.js, shownChain): outer with 3
  // decimals, inner with 4, product with 4, each with at least 2 significant digits.
  const outer = 2 * (c.value[1] - 1);
  const product = outer * c.derivative[1];
  const shown = { outer: formatNumber(outer, 3, { significant: 2 }), inner: formatNumber(c.derivative[1], 4, { significant: 2 }), product: formatNumber(product, 4, { significant: 2 }) };
  assert.deepEqual(shown, { outer: '-1.995', inner: '0.0025', product: '-0.0049' });
  // The widget's verdict: below 0.01 is "tiny", the answer the Predict box marks right.
  assert.ok(Math.abs(product) < 0.01, `|dL/dz| = ${Math.abs(product)}`);
  // The reveal states the same point and the same three numbers, and the same band.
  const md = fs.readFileSync(path.join(import.meta.dirname, 'maths-primer.md'), 'utf8');
  const reveal = md.split(/^::: widget primer-chain$/m)[1].split(/^::: reveal$/m)[1].split(/^:::$/m)[0];
  assert.match(reveal, /At \$z = -6\$/);
  for (const [what, value] of Object.entries(shown)) assert.ok(reveal.includes(`$${value}$`), `the reveal's ${what} is the widget's ${value}`);
  assert.match(reveal, /below 0\.01/);
  assert.doesNotMatch(reveal, /-5\b|0\.0066|-0\.013/, 'no number from another point');
  // The product rule's claim σ′ = σ(1 − σ) at both points.
  for (const i of [0, 1]) close(c.derivative[i], c.value[i] * (1 - c.value[i]), 1e-15, 'σ′');
});

test('e: (1 + 1/12)¹² ≈ 2.613, and (1 + 1/n)ⁿ creeps up towards e ≈ 2.71828', () => {
  assert.equal(((1 + 1 / 12) ** 12).toFixed(3), '2.613');
  assert.equal(1.5 ** 2, 2.25);
  let last = 0;
  for (const n of [1, 2, 12, 365, 1e6]) {
    const v = (1 + 1 / n) ** n;
    assert.ok(v > last && v < Math.E, `n = ${n}: ${v}`);
    last = v;
  }
  close(last, 2.71828, 1e-5, 'n = 10⁶');
});

test('ln: −ln 0.8 = 0.223, −ln 0.5 = 0.693, −ln 0.1 = 2.303, and ln 0.4 = ln 0.8 + ln 0.5 = −0.916 (engine logLoss; primer-log defaults)', async () => {
  const { schema } = await widget('primer-log');
  assert.deepEqual(defaults(schema), { a: 0.8, b: 0.5 });
  const cost = (p) => ml.logLoss([1], [p]);
  assert.deepEqual([0.8, 0.5, 0.1].map((p) => cost(p).toFixed(3)), ['0.223', '0.693', '2.303']);
  assert.equal(cost(0.4).toFixed(3), '0.916');
  // The cost of both examples (twice the mean) is the cost of the product.
  close(2 * ml.logLoss([1, 1], [0.8, 0.5]), cost(0.4), 1e-12, 'ln(ab) = ln a + ln b');
  // ln 1 = 0.
  close(cost(1), 0, 1e-12);
});

test('dot product: w = (0.5, −1, 2), x = (2, 1, 3) gives terms 1, −1, 6, wᵀx = 6 and z = 7; with w₃ = 0 it is 0 (primer-dot defaults)', async () => {
  const { schema } = await widget('primer-dot');
  assert.deepEqual(defaults(schema), { w1: 0.5, w2: -1, w3: 2, x1: 2, x2: 1, x3: 3 });
  const w = [0.5, -1, 2]; const x = [2, 1, 3];
  assert.deepEqual([0, 1, 2].map((j) => ml.vectorDot([w[j]], [x[j]])), [1, -1, 6]);
  assert.equal(ml.vectorDot(w, x), 6);
  assert.equal(ml.vectorDot(w, x) + 1, 7);
  assert.equal(ml.vectorDot([0.5, -1, 0], x), 0);
});

test('check yourself: ∂L/∂w = 6, the chain-rule answer 12, −ln 0.25 = 1.386 = 2 × 0.693, wᵀx = 8', () => {
  const body = fs.readFileSync(path.join(import.meta.dirname, 'maths-primer.md'), 'utf8');
  const specs = [...body.matchAll(/^= (.*?)\s*±/gm)].map((m) => m[1]);
  assert.deepEqual(specs, ['gd-step.gradW x=3 y=2 w=1 b=0 eta=0.1', 'log-loss.value y=1 p=0.25', 'dot.value u=1,2,3 v=4,-1,2']);
  const [grad, lnQuarter, dot] = specs.map((s) => evaluateComputation(ml, parseComputation(s)));
  assert.equal(grad, 2 * (3 * 1 + 0 - 2) * 3);
  close(lnQuarter, 2 * ml.logLoss([1], [0.5]), 1e-12, '−ln 0.25');
  assert.equal(lnQuarter.toFixed(3), '1.386');
  assert.equal(dot, 8);
  // (3z − 1)² at z = 1: outer 2(3z − 1) = 4, inner 3, product 12; the distractors are 4 and 6.
  const L = (z) => (3 * z - 1) ** 2;
  close((L(1 + 1e-6) - L(1 - 1e-6)) / 2e-6, 12, 1e-6, 'chain-rule answer');
});

test('predict, then check: at z = −6, y = 1, σ is about 0.002 and |dL/dz| is below 0.01 (the widget\'s "tiny")', async () => {
  const fs = await import('node:fs');
  const text = fs.readFileSync(new URL('./maths-primer.md', import.meta.url), 'utf8');
  assert.match(text, /\*\*Predict, then check\.\*\* At \$z = -6\$ with label \$y = 1\$ the sigmoid says about 0\.002 where the answer is 1:.*at least 0\.1, between 0\.01 and 0\.1, or below 0\.01/);
  const c = ml.activationCurve('sigmoid', [-6]);
  assert.equal(c.value[0].toFixed(3), '0.002');
  const product = 2 * (c.value[0] - 1) * c.derivative[0];
  assert.ok(Math.abs(product) < 0.01 && Math.abs(product) > 0.001, `${product}`);
});
