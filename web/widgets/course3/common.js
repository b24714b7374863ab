// Shared pieces of the Level 3 (advanced) widgets: hold-out splits and polynomial errors computed
// by the engine, a log-scale error axis, scored examples from a logistic model, the score strip
// with its threshold and a segmented toggle (dragging is web/lib/drag.js). No maths here
// that the engine does not do: JS only indexes, compares a score with a threshold, and lays out.
import { el, nextId } from '../../lib/ui.js';
import { niceTicks } from '../../lib/plot.js';
import { formatTick } from '../../lib/format.js';

export const TWO_PI = 2 * Math.PI;

export function take(values, indices) {
  const out = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = values[indices[i]];
  return out;
}

// Seeded hold-out from the engine: `train` comes back shuffled, so its first n rows are a random
// subset (what a learning curve needs).
export function holdout(ml, n, validationFraction, seed) {
  const s = ml.trainValidationTestSplit(n, validationFraction, 0, seed, false);
  return { train: Array.from(s.train), validation: Array.from(s.validation) };
}

// Fits `poly` (a PolynomialRegression) exactly on the rows `trainRows` of (x, y) and returns the
// engine's mean squared errors on those rows and on `valRows`. The exact least-squares solve is
// used because gradient descent (what fit() runs) needs millions of steps at degree 12.
export function polyErrors(ml, poly, x, y, trainRows, valRows) {
  const xt = take(x, trainRows);
  const yt = take(y, trainRows);
  poly.setData(xt, 1, yt);
  poly.solve();
  const trainMse = ml.meanSquaredError(yt, poly.predict(xt).slice());
  let valMse = NaN;
  if (valRows && valRows.length) {
    const xv = take(x, valRows);
    valMse = ml.meanSquaredError(take(y, valRows), poly.predict(xv).slice());
  }
  return { trainMse, valMse };
}

// Errors spread over orders of magnitude (degree 12 can be 1000× worse than degree 4), so the
// error charts plot log10(MSE). The floor keeps an exact 0 (interpolation) on the chart.
export const LOG_FLOOR = 1e-3;
export function log10(v) { return Math.log10(Math.max(LOG_FLOOR, v)); }

// Axes whose y domain is in log10 units: one labelled grid line per power of ten.
export function logAxes(plot, { xLabel = '', yLabel = '', xTicks = 6 } = {}) {
  const c = plot.ctx;
  const t = plot.theme;
  const { x0, x1, y0, y1 } = plot.domain;
  c.save();
  c.font = `11px ${t.mono}`;
  c.fillStyle = t.textMuted;
  c.strokeStyle = t.gridLine;
  c.lineWidth = 1;
  for (const v of niceTicks(x0, x1, xTicks)) {
    if (Math.abs(v - Math.round(v)) > 1e-9) continue; // whole numbers only (degrees, counts)
    const X = Math.round(plot.px(v)) + 0.5;
    c.beginPath(); c.moveTo(X, plot.margin.top); c.lineTo(X, plot.height - plot.margin.bottom); c.stroke();
    c.textAlign = 'center'; c.textBaseline = 'top';
    c.fillText(formatTick(v), X, plot.height - plot.margin.bottom + 4);
  }
  for (let p = Math.ceil(y0); p <= Math.floor(y1); p++) {
    const Y = Math.round(plot.py(p)) + 0.5;
    c.beginPath(); c.moveTo(plot.margin.left, Y); c.lineTo(plot.width - plot.margin.right, Y); c.stroke();
    c.textAlign = 'right'; c.textBaseline = 'middle';
    c.fillText(formatTick(10 ** p), plot.margin.left - 6, Y);
  }
  c.font = `12px ${t.font}`;
  if (xLabel) { c.textAlign = 'right'; c.textBaseline = 'bottom'; c.fillText(xLabel, plot.width - plot.margin.right, plot.height - 1); }
  if (yLabel) { c.textAlign = 'left'; c.textBaseline = 'top'; c.fillText(yLabel, 4, 0); }
  c.restore();
}

// A dot marker for curves (filled = training, hollow = validation, DESIGN.md).
export function marker(plot, x, y, { color, hollow = false, size = 4 } = {}) {
  const c = plot.ctx;
  c.save();
  c.beginPath();
  c.arc(plot.px(x), plot.py(y), size, 0, Math.PI * 2);
  if (hollow) { c.fillStyle = plot.theme.surface; c.fill(); c.lineWidth = 2; c.strokeStyle = color; c.stroke(); } else { c.fillStyle = color; c.fill(); }
  c.restore();
}

// Scored examples: a LogisticRegression is trained on one seeded two-blob sample and scores a
// second, fresh sample; its probabilities p(y = 1) are the scores. `spread` sets the overlap.
export function scoredExamples(ml, { points, spread, seed }) {
  return ml.scoped((track) => {
    const model = track(new ml.LogisticRegression());
    const train = ml.makeBlobs(points, 2, spread, seed);
    const test = ml.makeBlobs(points, 2, spread, (seed + 7919) >>> 0);
    model.setData(train.X, train.cols, train.y);
    model.setLearningRate(0.5);
    model.fit(4000);
    const proba = model.predictProba(test.X);
    const scores = new Float64Array(test.rows);
    for (let i = 0; i < test.rows; i++) scores[i] = proba[2 * i + 1];
    return { y: Float64Array.from(test.y), scores };
  });
}

// The decision rule the engine's confusionAtThreshold uses: positive when score ≥ threshold.
export function labelsAt(scores, threshold) {
  const out = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = scores[i] >= threshold ? 1 : 0;
  return out;
}

// Scores on a 0–1 axis: positives (class 1, blue circles) in the upper lane, negatives (class 0,
// orange triangles) in the lower lane, jittered deterministically; the threshold is a vertical
// line with a handle, and everything right of it (called positive) is tinted.
export function drawScoreStrip(plot, y, scores, threshold, { focused = false } = {}) {
  plot.margin = { left: 74, right: 14, top: 12, bottom: 30 };
  plot.setDomain(0, 1, 0, 2);
  const c = plot.begin();
  const t = plot.theme;
  c.save();
  c.globalAlpha = 0.09;
  c.fillStyle = t.class1;
  c.fillRect(plot.px(threshold), plot.margin.top, plot.px(1) - plot.px(threshold), plot.py(0) - plot.margin.top);
  c.restore();
  c.save();
  c.font = `11px ${t.mono}`;
  c.strokeStyle = t.gridLine;
  c.fillStyle = t.textMuted;
  c.lineWidth = 1;
  for (const v of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
    const X = Math.round(plot.px(v)) + 0.5;
    c.beginPath(); c.moveTo(X, plot.margin.top); c.lineTo(X, plot.py(0)); c.stroke();
    c.textAlign = 'center'; c.textBaseline = 'top';
    c.fillText(formatTick(v), X, plot.py(0) + 4);
  }
  c.beginPath(); c.moveTo(plot.margin.left, Math.round(plot.py(1)) + 0.5); c.lineTo(plot.width - plot.margin.right, Math.round(plot.py(1)) + 0.5); c.stroke();
  c.font = `12px ${t.font}`;
  c.textAlign = 'right'; c.textBaseline = 'bottom';
  c.fillText('score p(positive)', plot.width - plot.margin.right, plot.height - 1);
  c.textAlign = 'left'; c.textBaseline = 'middle';
  c.fillText('positives', 4, plot.py(1.5));
  c.fillText('negatives', 4, plot.py(0.5));
  c.restore();
  for (let i = 0; i < scores.length; i++) {
    const jitter = ((i * 0.6180339887) % 1) * 0.7 - 0.35;
    const lane = y[i] === 1 ? 1.5 : 0.5;
    plot.point(scores[i], lane + jitter, y[i] === 1 ? 1 : 0, { size: 4 });
  }
  plot.segment(threshold, 0, threshold, 2, { width: 2.5 });
  plot.handle(threshold, 2 - 0.12, { focused });
  c.save();
  c.font = `12px ${t.font}`;
  c.fillStyle = t.text;
  c.textBaseline = 'top';
  const X = plot.px(threshold);
  const right = X < plot.width - 120;
  c.textAlign = right ? 'left' : 'right';
  c.fillText(right ? 'called positive →' : '← called negative', right ? X + 14 : X - 14, plot.margin.top + 2);
  c.restore();
}

// A row of toggle buttons (one pressed). Returns { set(value), element }.
export function segmented(parent, { label, options, value, onChange }) {
  const id = nextId('seg');
  const group = el('div', { className: 'c3-segmented', role: 'group', 'aria-labelledby': id });
  const buttons = options.map(([v, text]) => {
    const b = el('button', { type: 'button', className: 'dw-btn', text, 'data-value': v });
    b.addEventListener('click', () => { set(v); onChange(v); });
    return b;
  });
  group.append(...buttons);
  parent.append(el('div', { className: 'dw-field c3-seg-field' }, [el('span', { id, className: 'c3-seg-label', text: label }), group]));
  function set(v) {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.value === String(v)));
  }
  set(value);
  return { set, element: group };
}

export function legend(parent, items) {
  const row = el('div', { className: 'dw-legend' });
  for (const [swatchClass, text] of items) row.append(el('span', {}, [el('span', { className: `c3-swatch ${swatchClass}`, 'aria-hidden': 'true' }), el('span', { text })]));
  parent.append(row);
  return row;
}
