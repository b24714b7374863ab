// Claims of the regularisation lesson, checked against the engine exactly as the regularisation
// widget computes them (web/widgets/regularisation.js: makeNoisySin(12, 0.3, seed 3), degree 9,
// PolynomialRegression.setPenalty/setLambda/solve; train MSE on the 12 points, test MSE against
// the clean curve makeNoisySin(240, 0, 3); λ on a log slider from 1e-7 to 10).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';

const data = ml.makeNoisySin(12, 0.3, 3);
const truth = ml.makeNoisySin(240, 0, 3);
const poly = new ml.PolynomialRegression();
poly.setDegree(9);
poly.setData(data.X, 1, data.y);
after(() => poly.delete());

function fitAt(penalty, lambda) {
  poly.setPenalty(penalty);
  poly.setLambda(lambda);
  poly.solve();
  const w = Array.from(poly.coefficients().subarray(1));
  return {
    w,
    intercept: poly.coefficients()[0],
    squares: w.reduce((a, v) => a + v * v, 0),
    sizes: w.reduce((a, v) => a + Math.abs(v), 0),
    zeros: w.filter((v) => v === 0).length,
    train: ml.meanSquaredError(data.y, poly.predict(data.X).slice()),
    test: ml.meanSquaredError(truth.y, poly.predict(truth.X).slice()),
    curve: poly.curve(0, 2 * Math.PI, 50).slice(),
  };
}

// The slider's track is log10 λ from −7 to 1 in steps of 0.05.
const slider = Array.from({ length: 161 }, (_, k) => 10 ** (-7 + k * 0.05));

test('λ ≈ 0: nine weights, squares adding to about 3,200, test MSE 0.172', () => {
  const f = fitAt('l2', 1e-7);
  assert.equal(f.w.length, 9);
  assert.ok(Math.abs(f.squares - 3200) < 100, `Σw² ${f.squares}`);
  assert.equal(f.test.toFixed(3), '0.172');
  // The tell-tale sign of overfitting: large weights of opposite signs.
  assert.ok(Math.max(...f.w) > 20 && Math.min(...f.w) < -20, `weights ${f.w}`);
});

test('L2: Σw² only shrinks; test error falls to ~0.082 near λ = 0.001, then climbs to 0.477 at λ = 10; never an exact zero', () => {
  const fits = slider.map((lam) => fitAt('l2', lam));
  for (let k = 1; k < fits.length; k++) assert.ok(fits[k].squares <= fits[k - 1].squares * (1 + 1e-9), `Σw² at step ${k}`);
  let best = 0;
  for (let k = 1; k < fits.length; k++) if (fits[k].test < fits[best].test) best = k;
  assert.equal(fits[best].test.toFixed(3), '0.082');
  assert.ok(Math.abs(Math.log10(slider[best]) + 3) <= 0.25, `best λ ${slider[best]}`);
  assert.ok(fits[best].test < fits[0].test && fits[best].test < fits[fits.length - 1].test);
  assert.equal(fits[fits.length - 1].test.toFixed(3), '0.477');
  for (const f of fits) assert.equal(f.zeros, 0);
});

test('L1: at λ = 0.01 four of nine weights are zero, test MSE about 0.06 (below L2\'s best); from λ ≈ 0.6 all are zero, a flat line at the mean', () => {
  const f = fitAt('l1', 0.01);
  assert.equal(f.zeros, 4);
  assert.ok(Math.abs(f.test - 0.06) < 0.005, `test ${f.test}`);
  const bestL2 = Math.min(...slider.map((lam) => fitAt('l2', lam).test));
  assert.ok(f.test < bestL2);
  for (const lam of slider.filter((l) => l >= 0.63)) assert.equal(fitAt('l1', lam).zeros, 9, `λ ${lam}`);
  assert.ok(fitAt('l1', 0.5).zeros < 9, 'not yet all zero at 0.5');
  const flat = fitAt('l1', 1);
  const mean = data.y.reduce((a, b) => a + b, 0) / data.y.length;
  assert.ok(Math.abs(flat.intercept - mean) < 1e-9, 'the unpenalised intercept is the mean');
  for (const v of flat.curve) assert.ok(Math.abs(v - mean) < 1e-9);
});

test('plain least squares comes back as λ → 0 (the faint curve)', () => {
  poly.setPenalty('none');
  poly.solve();
  const plain = ml.meanSquaredError(data.y, poly.predict(data.X).slice());
  assert.ok(Math.abs(fitAt('l2', 1e-7).train - plain) < 0.001);
});

test('worked example: w = (3, −1, 2), λ = 0.1 costs 1.4 under L2 and 0.6 under L1; halving the weights quarters one and halves the other', async () => {
  const { computations } = await import('../web/js/check-computations/linear-models.js');
  const full = computations.penalty(ml, { w: [3, -1, 2], lambda: 0.1 });
  const half = computations.penalty(ml, { w: [1.5, -0.5, 1], lambda: 0.1 });
  assert.equal(full.squares, 14);
  assert.equal(full.sizes, 6);
  assert.ok(Math.abs(full.l2 - 1.4) < 1e-12 && Math.abs(full.l1 - 0.6) < 1e-12);
  assert.ok(Math.abs(0.5 + full.l2 - 1.9) < 1e-12, 'regularised loss with L(w) = 0.5');
  assert.ok(Math.abs(half.l2 - 0.35) < 1e-12 && Math.abs(half.l2 / full.l2 - 0.25) < 1e-12);
  assert.ok(Math.abs(half.l1 - 0.3) < 1e-12 && Math.abs(half.l1 / full.l1 - 0.5) < 1e-12);
  // The engine's own objective is MSE + λ‖w‖² with the intercept left out: a cubic with
  // coefficients (c₀, 3, −1, 2) on any data has loss − MSE = 1.4, whatever c₀ is.
  const m = new ml.PolynomialRegression();
  try {
    m.setDegree(3);
    m.setData([0, 1, 2, 3], 1, [1, 0, 2, 1]);
    m.setPenalty('l2');
    m.setLambda(0.1);
    for (const c0 of [0, 5]) {
      m.setParams([c0, 3, -1, 2]);
      const row = ml.trace(m).row(0);
      assert.ok(Math.abs(row.loss - row.mse - 1.4) < 1e-12, `c₀ = ${c0}: ${row.loss - row.mse}`);
    }
  } finally {
    m.delete();
  }
});

test('check-yourself: w = (1, −2, 0.5), λ = 0.2 gives the L2 penalty 1.05; below 1, |w| > w²', async () => {
  const { computations } = await import('../web/js/check-computations/linear-models.js');
  const r = computations.penalty(ml, { w: [1, -2, 0.5], lambda: 0.2 });
  assert.equal(r.squares, 5.25);
  assert.ok(Math.abs(r.l2 - 1.05) < 1e-12);
  assert.ok(4 / 5.25 > 0.5, 'the largest weight supplies most of the charge');
  for (const w of [0.1, 0.5, 0.9]) assert.ok(computations.penalty(ml, { w: [w], lambda: 1 }).l1 > computations.penalty(ml, { w: [w], lambda: 1 }).l2);
});

test('hand example: the penalty 1.4 is about 0.74 of the loss 1.9; and fit is traded for smaller weights at every λ > 0, not only when the penalty is the larger part', () => {
  const w = [3, -1, 2];
  const penalty = 0.1 * w.reduce((a, v) => a + v * v, 0);
  assert.ok(Math.abs(penalty - 1.4) < 1e-12);
  assert.equal((penalty / (0.5 + penalty)).toFixed(2), '0.74');
  // Along the widget's slider, every step up in λ gives smaller weights and a worse training fit,
  // including the smallest λ, where the penalty is a tiny part of the objective.
  const fits = slider.slice(0, 40).map((lam) => ({ lam, ...fitAt('l2', lam) }));
  const first = fits[0];
  assert.ok(first.lam * first.squares < 0.05 * first.train, `penalty ${first.lam * first.squares} vs misfit ${first.train}`);
  for (let k = 1; k < fits.length; k++) {
    assert.ok(fits[k].squares < fits[k - 1].squares, `Σw² falls at step ${k}`);
    assert.ok(fits[k].train > fits[k - 1].train, `training MSE rises at step ${k}`);
  }
  const lesson = fs.readFileSync(new URL('./regularisation.md', import.meta.url), 'utf8');
  assert.match(lesson, /\$1\.4\/1\.9 \\approx 0\.74\$/);
  assert.match(lesson, /That trade happens at every \$\\lambda > 0\$/);
  assert.doesNotMatch(lesson, /the penalty outweighs the misfit, so training/);
});
