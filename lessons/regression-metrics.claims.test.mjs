// Claims of regression-metrics.md, checked against the engine with the widget's defaults
// (regression-metrics.js: ten makeLinear points of REGRESSION_SEED, the outlier at OUTLIER_DEFAULT,
// the line fitted to the ten ordinary points unless "refit"), through the widget's own helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { OUTLIER_DEFAULT, REGRESSION_SEED, regressionScene, scaleColumn } from '../web/widgets/comparison/data.js';
import { computations } from '../web/js/check-computations.js';
import { formatNumber, readShown } from '../web/lib/format.js';
import { errorFactor } from '../web/widgets/regression-metrics.js';
import { messages } from '../web/widgets/regression-metrics.messages.js';
import { messageFunction, addMessages } from '../web/lib/messages.js';

const f = (v, d = 2) => v.toFixed(d);
// An error as the widget's table writes it (2 decimals, at least 3 significant digits), and the
// factor between two of them worked out from the shown values, as the widget does.
const shown = (v) => formatNumber(v, 2, { significant: 3 });
const factor = (from, to) => formatNumber(readShown(shown(to)) / readShown(shown(from)), 1);
const start = regressionScene(ml, REGRESSION_SEED, OUTLIER_DEFAULT, 'fixed');
const high = regressionScene(ml, REGRESSION_SEED, { x: OUTLIER_DEFAULT.x, y: 24 }, 'fixed');
const residual = (s, p) => p.y - (s.line.w * p.x + s.line.b);

test('worked example: four points, then one bad miss', () => {
  const m = computations['regression-metrics'](ml, { y: [3, 5, 4, 8], pred: [2, 6, 4, 6] });
  assert.equal(m.mae, 1);
  assert.equal(m.mse, 1.5);
  assert.equal(f(m.rmse), '1.22');
  assert.equal(f(m.r2, 3), '0.571');
  const o = computations['regression-metrics'](ml, { y: [3, 5, 4, 16], pred: [2, 6, 4, 6] });
  assert.equal(o.mae, 3);
  assert.equal(o.mse, 25.5);
  assert.equal(f(o.rmse), '5.05');
  assert.equal(o.mae / m.mae, 3);
  assert.equal(o.mse / m.mse, 17);
  assert.equal(Math.round(o.rmse / m.rmse), 4);
});

// R² has no unit (euros or cents give the same value) but divides by the targets' spread: the worked
// example's misses (−1, 1, 0, −2; sum of squares 6) give 0.571 on y = 3, 5, 4, 8 and 1 − 6/409 ≈ 0.985
// on the more widely spread y = 3, 15, 4, 28.
test('R² is unit-free but not comparable across data sets whose targets spread differently', () => {
  const lesson = fs.readFileSync(new URL('./regression-metrics.md', import.meta.url), 'utf8');
  assert.match(lesson, /It has no unit, so it reads the same whether \$y\$ is in euros or cents\. But it divides by the spread of the targets, so the very same misses earn a higher \$R\^2\$ on targets that spread widely than on targets bunched together: two data sets whose targets spread differently cannot be compared by their \$R\^2\$ alone\./);
  assert.doesNotMatch(lesson, /easy to compare across data sets/);
  const r2 = (y, pred) => computations['regression-metrics'](ml, { y, pred }).r2;
  const misses = [-1, 1, 0, -2];
  const narrow = [3, 5, 4, 8];
  const wide = [3, 15, 4, 28];
  const with_ = (y) => y.map((v, i) => v + misses[i]);
  assert.equal(f(r2(narrow, with_(narrow)), 3), '0.571');
  assert.equal(f(r2(wide, with_(wide)), 3), '0.985');
  assert.ok(Math.abs(r2(wide, with_(wide)) - (1 - 6 / 409)) < 1e-12);
  // In cents instead of euros: the same R².
  const cents = (y) => y.map((v) => 100 * v);
  assert.ok(Math.abs(r2(cents(narrow), cents(with_(narrow))) - r2(narrow, with_(narrow))) < 1e-12);
});

test('RMSE is never below MAE, equal when every miss has the same size', () => {
  const same = computations['regression-metrics'](ml, { y: [1, 2, 3], pred: [2, 1, 4] });
  assert.equal(same.rmse, same.mae);
  for (const s of [start, high]) assert.ok(s.with.rmse >= s.with.mae && s.without.rmse >= s.without.mae);
});

test('the widget at its start: residual 9.40, metrics on ten and eleven points, factors of the shown values', () => {
  assert.equal(f(residual(start, OUTLIER_DEFAULT)), '9.40');
  // "from 0.411 to 1.23 (× 3.0)": the factor of the shown values, and of the values themselves.
  assert.equal(shown(start.without.mae), '0.411');
  assert.equal(shown(start.with.mae), '1.23');
  assert.equal(factor(start.without.mae, start.with.mae), '3.0');
  assert.equal((start.with.mae / start.without.mae).toFixed(1), '3.0');
  // "from 0.238 to 8.25 (× 34.7)": 8.25 / 0.238 = 34.66 (with 0.24 it would read 34.4).
  assert.equal(shown(start.without.mse), '0.238');
  assert.equal(shown(start.with.mse), '8.25');
  assert.equal(factor(start.without.mse, start.with.mse), '34.7');
  assert.equal((start.with.mse / start.without.mse).toFixed(1), '34.7');
  assert.equal(shown(start.without.rmse), '0.488');
  assert.equal(shown(start.with.rmse), '2.87');
  assert.equal(factor(start.without.rmse, start.with.rmse), '5.9');
  assert.equal((start.with.rmse / start.without.rmse).toFixed(1), '5.9');
  assert.equal(f(start.without.r2, 3), '0.918');
  assert.equal(f(start.with.r2, 3), '0.396');
});

test('predict-then-check: at y = 24 the gap nearly doubles and RMSE grows by the larger factor', () => {
  assert.equal(f(residual(high, { x: OUTLIER_DEFAULT.x, y: 24 })), '17.40');
  assert.equal(shown(high.with.mae), '1.96');
  assert.equal(shown(high.with.rmse), '5.27');
  const maeGrow = high.with.mae / start.with.mae;
  const rmseGrow = high.with.rmse / start.with.rmse;
  assert.equal(maeGrow.toFixed(1), '1.6');
  assert.equal(rmseGrow.toFixed(1), '1.8');
  assert.equal(factor(start.with.mae, high.with.mae), '1.6');
  assert.equal(factor(start.with.rmse, high.with.rmse), '1.8');
  assert.ok(rmseGrow > maeGrow);
});

test('outlier back on the trend: every metric barely moves, MAE drops a little', () => {
  const l = start.cleanLine;
  const on = regressionScene(ml, REGRESSION_SEED, { x: OUTLIER_DEFAULT.x, y: l.w * OUTLIER_DEFAULT.x + l.b }, 'fixed');
  assert.ok(Math.abs(residual(on, { x: OUTLIER_DEFAULT.x, y: l.w * OUTLIER_DEFAULT.x + l.b })) < 1e-12);
  assert.ok(on.with.mae < on.without.mae);
  for (const k of ['mae', 'mse', 'rmse']) assert.ok(Math.abs(on.with[k] / on.without[k] - 1) < 0.1, k);
});

// The summary under the plot says how each error changes, with the verb taken from the factor
// the table shows: "MAE even drops a little" must not read "MAE grows × 0.9".
addMessages('en', messages, { keep: true });
const t = messageFunction('en');
const words = (withoutText, withText) => {
  const f = errorFactor(withoutText, withText);
  // The widget keeps "×" and its number together with a no-break space; compared as plain spaces.
  return t(`regression-metrics.change.${f.kind}`, { factor: f.factor, to: withText }).replace(/\u00a0/g, ' ');
};

test('outlier back on the trend: the summary says MAE and MSE shrink × 0.9 and RMSE × 0.95, not "grows"', () => {
  const l = start.cleanLine;
  const on = regressionScene(ml, REGRESSION_SEED, { x: OUTLIER_DEFAULT.x, y: l.w * OUTLIER_DEFAULT.x + l.b }, 'fixed');
  const say = (k) => words(shown(on.without[k]), shown(on.with[k]));
  assert.deepEqual([shown(on.without.mae), shown(on.with.mae)], ['0.411', '0.373']);
  assert.deepEqual([shown(on.without.rmse), shown(on.with.rmse)], ['0.488', '0.465']);
  assert.equal(say('mae'), 'shrinks to × 0.9');
  assert.equal(say('mse'), 'shrinks to × 0.9');
  // 0.465 / 0.488 = 0.953 would read × 1.0 with one decimal, as if nothing changed.
  assert.equal(say('rmse'), 'shrinks to × 0.95');
  // At the start every error grows, with one decimal.
  assert.deepEqual(['mae', 'mse', 'rmse'].map((k) => words(shown(start.without[k]), shown(start.with[k]))), ['grows × 3.0', 'grows × 34.7', 'grows × 5.9']);
});

test('the summary\'s verb follows the factor as shown, at its boundaries', () => {
  // One decimal unless it would read 1.0 for a change; then two; "barely changes" when even two read 1.00.
  const cases = [
    ['1.00', '1.05', 'grows × 1.1'],              // 1.05 rounds (half away from zero) to 1.1
    ['1.00', '1.049', 'grows × 1.05'],            // would read 1.0: two decimals
    ['1.000', '1.005', 'grows × 1.01'],           // just above the two-decimal 1.00
    ['1.000', '1.004', 'barely changes (× 1.00)'],
    ['1.000', '0.995', 'barely changes (× 1.00)'],
    ['1.000', '0.994', 'shrinks to × 0.99'],      // just below the two-decimal 1.00
    ['1.00', '0.95', 'shrinks to × 0.95'],        // 0.95 would read 1.0 with one decimal
    ['1.00', '0.949', 'shrinks to × 0.9'],
    ['2.00', '2.00', 'stays the same'],
    ['0', '0', 'stays the same'],
    ['0', '0.500', 'grows from 0 to 0.500'],
  ];
  for (const [from, to, said] of cases) assert.equal(words(from, to), said, `${from} → ${to}`);
});

test('refit: the slope goes from 1.00 to 1.59 and most ordinary points are missed by more', () => {
  // The lesson presses Reset before refitting: with the outlier still on the trend, the refit
  // would be the line of the ten points (slope 1.00) and show nothing.
  const l = start.cleanLine;
  const onRefit = regressionScene(ml, REGRESSION_SEED, { x: OUTLIER_DEFAULT.x, y: l.w * OUTLIER_DEFAULT.x + l.b }, 'refit');
  assert.equal(f(onRefit.line.w), '1.00');
  const lesson = fs.readFileSync(new URL('./regression-metrics.md', import.meta.url), 'utf8');
  const onTrend = lesson.indexOf('Press **Outlier back on the trend**');
  const reset = lesson.indexOf('Press **Reset** to put the outlier back where it started, 9.40 above the line, then switch the line to **refitted to all eleven**');
  assert.ok(onTrend > 0 && reset > onTrend, 'the lesson resets the outlier after putting it on the trend and before the refit');
  assert.equal(f(residual(start, OUTLIER_DEFAULT)), '9.40');
  const refit = regressionScene(ml, REGRESSION_SEED, OUTLIER_DEFAULT, 'refit');
  assert.equal(f(start.line.w), '1.00');
  assert.equal(f(refit.line.w), '1.59');
  const base = start.base;
  let worse = 0;
  for (let i = 0; i < base.x.length; i++) {
    const p = { x: base.x[i], y: base.y[i] };
    if (Math.abs(residual(refit, p)) > Math.abs(residual(start, p))) worse += 1;
  }
  assert.ok(worse > base.x.length / 2, `${worse} of ${base.x.length}`);
});

test('worked example: 1, 2, 3, 4 and 100 through the three scalers', () => {
  const s = scaleColumn(ml, [1, 2, 3, 4, 100]);
  assert.deepEqual(s.minmax.scaled.map((v) => f(v, 4)), ['0.0000', '0.0101', '0.0202', '0.0303', '1.0000']);
  assert.equal(f(s.minmax.inlierSpread), '0.03');
  assert.deepEqual(s.standard.scaled.slice(0, 4).map((v) => f(v)), ['-0.54', '-0.51', '-0.49', '-0.46']);
  assert.equal(f(s.standard.inlierSpread), '0.08');
  assert.equal(f(s.standard.outlier, 1), '2.0');
  assert.equal(f(Math.sqrt(7610 / 5), 1), '39.0');
  assert.deepEqual(s.robust.scaled, [-1, -0.5, 0, 0.5, 48.5]);
});

test('the scalers panel: spans of the ten ordinary points, at the start and at y = 24', () => {
  const a = scaleColumn(ml, start.y);
  const b = scaleColumn(ml, high.y);
  assert.equal(f(a.standard.inlierSpread), '1.48');
  assert.equal(f(a.minmax.inlierSpread), '0.37');
  assert.equal(f(a.robust.inlierSpread), '2.20');
  assert.equal(f(b.minmax.inlierSpread), '0.24');
  assert.equal(f(b.robust.inlierSpread), '2.20');
  assert.equal(f(b.robust.outlier), '7.64');
});

test('check-yourself answers', () => {
  const r = computations['regression-metrics'](ml, { y: [1, 1, 3, 5], pred: [0, 0, 0, 0] });
  assert.equal(r.rmse, 3);
  assert.equal(r.mae, 2.5);
  assert.equal(computations['robust-scale'](ml, { values: [2, 4, 6, 8, 500], x: 500 }).value, 123.5);
});

test('the residual y − ŷ is the opposite sign to the loss-functions miss ŷ − y; the lesson says so, and no metric changes with the sign', () => {
  const text = (slug) => fs.readFileSync(new URL(`./${slug}.md`, import.meta.url), 'utf8');
  assert.match(text('loss-functions'), /e_i \\;=\\; \\hat y_i - y_i/);
  const lesson = text('regression-metrics');
  assert.match(lesson, /\*\*residual\*\* is \$e_i = y_i - \\hat y_i\$/);
  assert.match(lesson, /opposite sign to the miss \$\\hat y_i - y_i\$ of the \[loss functions\]\(loss-functions\.html\) lesson/);
  // Swapping labels and predictions flips every residual's sign and leaves every metric as it was.
  const a = computations['regression-metrics'](ml, { y: [3, 5, 4, 8], pred: [2, 6, 4, 6] });
  const b = computations['regression-metrics'](ml, { y: [2, 6, 4, 6], pred: [3, 5, 4, 8] });
  assert.equal(a.mae, b.mae);
  assert.equal(a.mse, b.mse);
});
