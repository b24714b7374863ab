// Claims of the bias–variance lesson, checked against the engine exactly as the
// bias-variance-dartboards widget computes them (web/widgets/bias-variance-dartboards.js:
// seed 1, 30 refits, 41 grid points on [0, 2π], board i uses seed + i, PolynomialRegression with
// η = 0.5, tolerance 1e-5, at most 20 000 steps, fixedX). "New training sets" moves to seed + 1.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';

// cubic 40 clean, cubic 6 noisy, line 40 clean, line 6 noisy (rows = model, columns = data)
const BOARDS = [[3, 40, 0.15], [3, 6, 0.7], [1, 40, 0.15], [1, 6, 0.7]];
const poly = new ml.PolynomialRegression();
after(() => poly.delete());

function configure(degree, tracing = true) {
  poly.setDegree(degree);
  poly.setLearningRate(0.5);
  poly.setTolerance(1e-5);
  poly.setTracing(tracing);
}

function simulate(seed, refits, tracing) {
  return BOARDS.map(([degree, sampleSize, noise], i) => {
    configure(degree, tracing);
    return ml.biasVariance(poly, null, { xMin: 0, xMax: 2 * Math.PI, noise, sampleSize, refits, gridSize: 41, seed: (seed + i) >>> 0, maxSteps: 20000, fixedX: true });
  });
}

// The many-draw tests refit with tracing off: the same steps and the same fits (asserted below)
// at a third of the cost, since no per-step loss is evaluated. Each (seed, refits) is simulated once.
const cache = new Map();
function boards(seed, refits = 30) {
  const key = `${seed}/${refits}`;
  if (!cache.has(key)) cache.set(key, simulate(seed, refits, false));
  return cache.get(key);
}

test("tracing off (used below for speed) gives exactly the widget's numbers", () => {
  const traced = simulate(1, 30, true);
  const quiet = boards(1);
  for (let i = 0; i < BOARDS.length; i++) {
    for (const key of ['meanBias2', 'meanVariance', 'meanExpectedError']) assert.equal(quiet[i][key], traced[i][key], `board ${i} ${key}`);
    assert.deepEqual(Array.from(quiet[i].predictions), Array.from(traced[i].predictions));
  }
});

const relativeGap = (r) => {
  const sum = r.meanBias2 + r.meanVariance + r.noiseVariance;
  return Math.abs(r.meanExpectedError - sum) / sum;
};

test('gradient descent converges to within 0.0001 of the exact least-squares fit', () => {
  for (const [degree, n, noise] of BOARDS) {
    const d = ml.makeNoisySin(n, noise, 1);
    configure(degree);
    poly.setData(d.X, 1, d.y);
    poly.reset(0);
    poly.fit(20000);
    const gd = poly.predict(d.X).slice();
    poly.solve();
    const exact = poly.predict(d.X).slice();
    const worst = Math.max(...gd.map((v, i) => Math.abs(v - exact[i])));
    assert.ok(worst < 1e-4, `degree ${degree}, ${n} points: ${worst}`);
  }
});

test('the noise column is s² exactly, and the darts use the grid points π/2 and 3π/2', () => {
  const r = boards(1);
  assert.equal(r[0].noiseVariance.toFixed(4), '0.0225');
  assert.equal(r[1].noiseVariance.toFixed(2), '0.49');
  assert.ok(Math.abs(r[0].x[10] - Math.PI / 2) < 1e-12 && Math.abs(r[0].x[30] - 3 * Math.PI / 2) < 1e-12);
  assert.equal(r[0].predictions.length, 30 * 41);
});

test('default draws (seed 1): the estimated sum is within 4% of the expected-error estimate', () => {
  for (const r of boards(1)) assert.ok(relativeGap(r) < 0.04, `gap ${relativeGap(r)}`);
});

test('first 100 draws: within 10% in 98, never above 12%; bias and variance order the boards every time', () => {
  let within = 0;
  let worst = 0;
  let flexibleMoreVariance = 0;
  for (let seed = 1; seed <= 100; seed++) {
    const [cubicClean, cubicNoisy, lineClean, lineNoisy] = boards(seed);
    for (const r of [cubicClean, cubicNoisy, lineClean, lineNoisy]) worst = Math.max(worst, relativeGap(r));
    if ([cubicClean, cubicNoisy, lineClean, lineNoisy].every((r) => relativeGap(r) < 0.1)) within++;
    // The line: bias² above 0.2 on both bottom boards; the cubic: a few hundredths at most.
    assert.ok(lineClean.meanBias2 > 0.2 && lineNoisy.meanBias2 > 0.2, `seed ${seed}: line bias`);
    assert.ok(cubicClean.meanBias2 < 0.06 && cubicNoisy.meanBias2 < 0.06, `seed ${seed}: cubic bias`);
    // Six noisy points: variance more than twenty times that of plenty of clean data.
    assert.ok(cubicNoisy.meanVariance > 20 * cubicClean.meanVariance, `seed ${seed}: cubic variance`);
    assert.ok(lineNoisy.meanVariance > 20 * lineClean.meanVariance, `seed ${seed}: line variance`);
    if (cubicNoisy.meanVariance > lineNoisy.meanVariance && cubicClean.meanVariance > lineClean.meanVariance) flexibleMoreVariance++;
  }
  assert.equal(within, 98);
  assert.ok(worst < 0.12, `worst ${worst}`);
  assert.ok(flexibleMoreVariance >= 99, `flexibility raised variance in ${flexibleMoreVariance} of 100`);
});

test('more refits shrink the average gap between the sum and the expected-error estimate (25 draws)', () => {
  const average = (refits) => {
    let total = 0;
    for (let seed = 1; seed <= 25; seed++) for (const r of boards(seed, refits)) total += relativeGap(r);
    return (100 * total) / 100;
  };
  const [five, thirty, sixty] = [average(5), average(30), average(60)];
  assert.equal(Math.round(five), 6);
  assert.equal(thirty.toFixed(1), '2.3');
  assert.ok(sixty < 2, `sixty ${sixty}`);
  assert.ok(five > thirty && thirty > sixty);
});

test('worked example: fits 1.2, 1.4, 1.0 at f = 1 with s = 0.3 → bias² 0.04, variance 0.0267, sum 0.0667, with noise 0.157', async () => {
  const { computations } = await import('../web/js/check-computations/generalisation.js');
  const r = computations['bias-variance-point'](ml, { preds: [1.2, 1.4, 1.0], f: 1, s: 0.3 });
  const close = (a, b) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);
  close(r.mean, 1.2);
  close(r.bias2, 0.04);
  close(r.variance, 0.08 / 3);
  assert.equal(r.variance.toFixed(4), '0.0267');
  close(r.error, 0.2 / 3);
  assert.equal(r.error.toFixed(4), '0.0667');
  close(r.error, r.bias2 + r.variance); // exact for any set of fits
  assert.equal(r.expected.toFixed(3), '0.157');
});

test('check-yourself: predictions 2, 4, 3, 3 at f = 2.5 → variance 0.5, bias² 0.25, average squared miss 0.75', async () => {
  const { computations } = await import('../web/js/check-computations/generalisation.js');
  const r = computations['bias-variance-point'](ml, { preds: [2, 4, 3, 3], f: 2.5 });
  assert.ok(Math.abs(r.variance - 0.5) < 1e-12);
  assert.ok(Math.abs(r.bias2 - 0.25) < 1e-12);
  assert.ok(Math.abs(r.error - 0.75) < 1e-12);
  // The widget's table at the default draw differs from the sum by a few percent: more than 0, under 4%.
  for (const b of boards(1)) assert.ok(relativeGap(b) > 0 && relativeGap(b) < 0.04);
});

test('predict, then check: the widest darts belong to the cubic on six noisy points, on the first new draw (seed 2) and in 99 of the first 100', () => {
  const widest = (seed) => { const v = boards(seed).map((r) => r.meanVariance); return v.indexOf(Math.max(...v)); };
  const [, cubicNoisy, , lineNoisy] = boards(2);
  assert.equal(widest(2), 1);
  assert.equal(cubicNoisy.meanVariance.toFixed(3), '0.213');
  assert.equal(lineNoisy.meanVariance.toFixed(3), '0.138');
  let cubic = 0;
  for (let seed = 1; seed <= 100; seed++) if (widest(seed) === 1) cubic++;
  assert.equal(cubic, 99);
});

test("the line's spread beside the cubic's on six noisy points: 65% on the first new draw, 27% to 111% over the first 100", () => {
  const share = (seed) => { const [, cubicNoisy, , lineNoisy] = boards(seed); return lineNoisy.meanVariance / cubicNoisy.meanVariance; };
  assert.equal(Math.round(100 * share(2)), 65);
  // As the widget works it out, from the variances as shown: 0.138 / 0.213.
  assert.equal(Math.round((100 * 0.138) / 0.213), 65);
  const shares = Array.from({ length: 100 }, (_, i) => share(i + 1));
  assert.equal(Math.round(100 * Math.min(...shares)), 27);
  assert.equal(Math.round(100 * Math.max(...shares)), 111);
  assert.equal(shares.filter((r) => r > 1).length, 1);
});

test('f-hat is defined before the dart paragraph uses it', () => {
  const lesson = fs.readFileSync(new URL('./bias-variance.md', import.meta.url), 'utf8');
  const definition = lesson.indexOf('write $\\hat f(x)$ (read "f-hat") for that refitted model\'s prediction at $x$');
  const firstUse = lesson.indexOf('\\hat f(');
  assert.ok(definition >= 0, 'the definition is there');
  assert.equal(firstUse, definition + 'write $'.length, 'the first \\hat f is the definition');
});
