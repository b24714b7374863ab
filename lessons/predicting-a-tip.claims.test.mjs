// Claims of lessons/predicting-a-tip.md, checked against the engine's LinearRegression with the
// tip-predictor widget's defaults (w = 0.18, b = 0.5; six example receipts from makeLinear with
// seed 11, bills $10–$80, rounded to cents as in web/widgets/tip-predictor.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations/linear-models.js';

const lesson = fs.readFileSync(new URL('./predicting-a-tip.md', import.meta.url), 'utf8');
const W = 0.18;
const B = 0.5;

function receipts() {
  const d = ml.makeLinear(6, 0.18, 0.5, 0.6, 11, 10, 80);
  const order = Array.from(d.X, (_, i) => i).sort((i, j) => d.X[i] - d.X[j]);
  return {
    bills: order.map((i) => Math.round(d.X[i] * 100) / 100),
    tips: order.map((i) => Math.max(0, Math.round(d.y[i] * 100) / 100)),
  };
}

function withModel(fn) {
  const m = new ml.LinearRegression();
  try { return fn(m); } finally { m.delete(); }
}

test('the widget opens on the trained line and a $50 bill', () => {
  assert.match(lesson, /::: widget tip-predictor bill=50/);
  assert.match(lesson, /w = 0\.18, \\qquad b = 0\.5/);
});

test('the two worked predictions: $9.50 for a $50 bill, $4.10 for a $20 bill', () => {
  const { bills, tips } = receipts();
  withModel((m) => {
    m.setData(bills, 1, tips);
    m.setParams([W, B]);
    const [fifty, twenty] = Array.from(m.predict([50, 20]));
    assert.ok(Math.abs(fifty - 9.5) < 1e-12);
    assert.ok(Math.abs(twenty - 4.1) < 1e-12);
    // The intercept is the prediction for a $0 bill.
    assert.ok(Math.abs(m.predict([0])[0] - B) < 1e-12);
  });
});

test('six receipts with bills from about $24 to $79, all inside the $10–$80 training range', () => {
  const { bills } = receipts();
  assert.equal(bills.length, 6);
  assert.equal(Math.round(bills[0]), 24);
  assert.equal(Math.round(bills[5]), 79);
  for (const x of bills) assert.ok(x >= 10 && x <= 80);
  assert.match(lesson, /bills spread from about \\\$24 to \\\$79/);
});

test('the trained line: MSE about 0.144 on the receipts; the best line: MSE about 0.070, w ≈ 0.188, b ≈ −0.15', () => {
  const { bills, tips } = receipts();
  withModel((m) => {
    m.setData(bills, 1, tips);
    m.setParams([W, B]);
    const trained = m.loss();
    assert.equal(trained.toFixed(3), '0.144');
    const [w, b] = Array.from(m.closedForm());
    m.setParams([w, b]);
    const best = m.loss();
    assert.equal(best.toFixed(3), '0.070');
    assert.ok(best < trained);
    assert.equal(w.toFixed(3), '0.188', 'slope close to the trained 0.18');
    assert.equal(b.toFixed(2), '-0.15', 'a negative base tip of about 15 cents');
    // Moving away from the trained values does not always raise the MSE: towards the best line it falls.
    m.setParams([W + 0.004, B - 0.3]);
    assert.ok(m.loss() < trained);
  });
  assert.match(lesson, /MSE of about 0\.144/);
  assert.match(lesson, /MSE down to about 0\.070\. Its slope, about 0\.188, is close to the trained 0\.18, but its intercept lands near \$-0\.15\$/);
  assert.doesNotMatch(lesson, /and the MSE grows/);
});

// Two receipts through the trained line, as the engine scores them.
function lineOn(bills, tips) {
  return withModel((m) => {
    m.setData(bills, 1, tips);
    m.setParams([W, B]);
    return { predictions: Array.from(m.predict(bills)), mse: m.loss() };
  });
}

test('worked MSE: $30 → $5.50 and $60 → $11.50 are predicted 5.9 and 11.3, errors 0.4 and −0.2, MSE 0.1', () => {
  const r = lineOn([30, 60], [5.5, 11.5]);
  assert.ok(Math.abs(r.predictions[0] - 5.9) < 1e-12 && Math.abs(r.predictions[1] - 11.3) < 1e-12);
  assert.ok(Math.abs(r.predictions[0] - 5.5 - 0.4) < 1e-12 && Math.abs(r.predictions[1] - 11.5 + 0.2) < 1e-12);
  assert.ok(Math.abs(r.mse - 0.1) < 1e-12);
  assert.match(lesson, /\\text\{MSE\} &= \\tfrac\{1\}\{2\}\\big\(0\.4\^2 \+ \(-0\.2\)\^2\\big\) \\\\ &= \\tfrac\{1\}\{2\}\(0\.16 \+ 0\.04\) = 0\.1\./);
});

test('check yourself: a $35 bill → $6.80; $40 → $7.00 and $70 → $13.50 give MSE 0.325', () => {
  assert.ok(Math.abs(computations['line-predict'](ml, { x: 35, w: W, b: B }).value - 6.8) < 1e-12);
  const r = lineOn([40, 70], [7, 13.5]);
  assert.ok(Math.abs(r.predictions[0] - 7.7) < 1e-12 && Math.abs(r.predictions[1] - 13.1) < 1e-12);
  assert.ok(Math.abs(r.mse - 0.325) < 1e-12);
  assert.ok(Math.abs(computations['line-fit'](ml, { x: [40, 70], y: [7, 13.5], w: W, b: B }).mse - r.mse) < 1e-12);
});

test('check yourself: the slope is 18 cents per dollar, not 18 % of the bill ($20 → $4.10, $1 → $0.68, $51 → $9.68)', () => {
  const at = (x) => computations['line-predict'](ml, { x, w: W, b: B }).value;
  assert.ok(Math.abs(at(20) - 4.1) < 1e-12 && Math.abs(0.18 * 20 - 3.6) < 1e-12);
  assert.ok(Math.abs(at(1) - 0.68) < 1e-12);
  assert.ok(Math.abs(at(51) - 9.68) < 1e-12 && Math.abs(at(51) - at(50) - W) < 1e-12);
});

test('check yourself: a $400 bill is answered (with the widget\'s extrapolation warning), not refused', () => {
  // The widget refuses only bills above ABSURD and warns outside BILL_RANGE (read from its source,
  // which cannot be imported without the browser's engine loader).
  const widget = fs.readFileSync(new URL('../web/widgets/tip-predictor.js', import.meta.url), 'utf8');
  const absurd = Number(widget.match(/^const ABSURD = (\d+);/m)[1]);
  const range = widget.match(/^const BILL_RANGE = \[(\d+), (\d+)\];/m).slice(1).map(Number);
  assert.ok(400 <= absurd, 'not refused');
  assert.deepEqual(range, [10, 80]);
  assert.ok(400 > range[1], 'outside the training range, so the widget warns');
  assert.match(lesson, /bills outside the range the line was trained on, \\\$10 to \\\$80, come with a warning/);
  assert.ok(Number.isFinite(computations['line-predict'](ml, { x: 400, w: W, b: B }).value));
});

test('predict, then check: six receipts, trained b = 0.5; the best line\'s b falls below $0 (the widget\'s "negative")', () => {
  assert.match(lesson, /\*\*Predict, then check\.\*\* The table under the chart lists six past receipts\. The trained line has a base tip of \$b = 0\.5\$;/);
  const { bills, tips } = receipts();
  assert.equal(bills.length, 6);
  withModel((m) => {
    m.setData(bills, 1, tips);
    const b = m.closedForm()[1];
    assert.ok(b < 0, `b = ${b}`);
    // Within the b slider's range (−5 … 5), so the button shows it unclamped.
    assert.ok(b > -5);
  });
});
