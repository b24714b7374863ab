// Claims of the likelihood-and-kl lesson, checked against the engine's distributions functions with
// the likelihood-fit widget's defaults (web/widgets/likelihood-fit/data.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations.js';
import { DEFAULT_POINTS, DEFAULT_GUESS, DEFAULT_FLIPS, DEFAULT_KL, X_RANGE, S_RANGE, P_RANGE, countFlips, spreadChange, spreadOutside, shareOutside, bestCoinStop, COIN_WINDOW } from '../web/widgets/likelihood-fit/data.js';

const close = (a, b, tol) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b} (±${tol})`);

test('worked example: the maximum-likelihood Gaussian of 1, 2, 6 (the widget\'s start)', () => {
  assert.deepEqual(DEFAULT_POINTS, [1, 2, 6]);
  const f = ml.gaussianFit(DEFAULT_POINTS);
  assert.equal(f.mu, 3);
  close(f.variance, 14 / 3, 1e-12);
  close(f.variance, 4.667, 5e-4);
  close(f.s, 2.160, 5e-4);
  close(2 * Math.PI * f.variance, 29.32, 5e-3);
  close(f.logLikelihood, -6.567, 5e-4);
  // The 1/(n−1) spread the widget shows beside it is larger.
  assert.ok(f.s * Math.sqrt(3 / 2) > f.s);
});

test('worked example: the poor guess μ = 1, s = 1 (the widget\'s start) is about 9.2 lower', () => {
  assert.deepEqual(DEFAULT_GUESS, { mu: 1, s: 1 });
  const ll = ml.gaussianLogLikelihood(DEFAULT_POINTS, 1, 1);
  close(-1.5 * Math.log(2 * Math.PI), -2.757, 5e-4);
  close(ll, -15.757, 5e-4);
  close(ml.gaussianFit(DEFAULT_POINTS).logLikelihood - ll, 9.2, 0.05);
  // "The point at 6 does most of the damage": its log density is the lowest by far.
  const each = DEFAULT_POINTS.map((x) => ml.gaussianLogPdf(x, 1, 1));
  assert.ok(each[2] < 5 * Math.min(each[0], each[1]));
});

// The heights are densities, so their product is a joint density, not a probability: with two
// close points (delete 6, move 2 to 1.10) the widget's ℓ at the edge of the map and the maximum ℓ
// are both positive. The lesson must not call the product a probability.
test('the likelihood of continuous data is a joint density: ℓ can be positive, and the lesson says so', async () => {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(new URL('./likelihood-and-kl.md', import.meta.url), 'utf8');
  const pts = [1, 1.1];
  const f = ml.gaussianFit(pts);
  assert.equal(f.logLikelihood.toFixed(2), '3.15');
  assert.equal(ml.gaussianLogLikelihood(pts, f.mu, S_RANGE[0]).toFixed(2), '1.32');
  assert.ok(ml.gaussianLogPdf(1, 1.05, 0.2) > 0, 'one height above 1');
  assert.doesNotMatch(text, /model's probability of the whole data set/);
  assert.match(text, /the product of these heights is the model's joint density for the whole data set, its \*\*likelihood\*\*/);
  assert.match(text, /can exceed 1/);
  assert.match(text, /its logarithm can be positive/);
});

test('the peak of the widget\'s surface is inside its (μ, s) window and is the star', () => {
  const f = ml.gaussianFit(DEFAULT_POINTS);
  assert.ok(f.mu > X_RANGE[0] && f.mu < X_RANGE[1] && f.s > S_RANGE[0] && f.s < S_RANGE[1]);
  const g = ml.gaussianLogLikelihoodGrid(DEFAULT_POINTS, X_RANGE[0], X_RANGE[1], S_RANGE[0], S_RANGE[1], 140, 90);
  assert.ok(Math.max(...g) <= f.logLikelihood + 1e-12);
  close(Math.max(...g), f.logLikelihood, 0.01);
});

test('the map covers spreads from 0.2 to 6: close or far-apart points put the best spread off it, the ends compared as ŝ is shown', () => {
  assert.deepEqual(S_RANGE, [0.2, 6]);
  const sHat = (pts) => ml.gaussianFit(pts).s;
  // Two points 0.1 apart (the audit's 1 and 1.1): ŝ = 0.05, below the map.
  close(sHat([1, 1.1]), 0.05, 1e-9);
  assert.equal(spreadOutside(sHat([1, 1.1])), 'low');
  // The low end: ŝ just below 0.2, exactly 0.2 (as shown), just above.
  assert.equal(spreadOutside(sHat([1, 1.3])), 'low');
  assert.equal(spreadOutside(sHat([1, 1.4])), null);
  assert.equal(spreadOutside(0.1996), null, 'shown as 0.200: on the map');
  assert.equal(spreadOutside(0.1994), 'low', 'shown as 0.199');
  assert.equal(spreadOutside(sHat([1, 1.5])), null);
  // The high end: −4 and 8 give ŝ = 6 exactly; 8.1 is just beyond, 7.9 just inside; −4 and 10 give 7.
  assert.equal(spreadOutside(sHat([-4, 7.9])), null);
  assert.equal(spreadOutside(sHat([-4, 8])), null);
  assert.equal(spreadOutside(sHat([-4, 8.1])), 'high');
  assert.equal(spreadOutside(sHat([-4, 10])), 'high');
  // Off the map, the best the map reaches is at its edge: ℓ(μ̂, s) rises towards ŝ.
  const pts = [1, 1.1];
  assert.ok(ml.gaussianLogLikelihood(pts, 1.05, 0.2) > ml.gaussianLogLikelihood(pts, 1.05, 0.22));
});

test('the p slider runs from 0.01 to 0.99: with only heads p̂ = 1 is beyond it, and 0.99 is the best it reaches', () => {
  assert.deepEqual(P_RANGE, [0.01, 0.99]);
  assert.equal(shareOutside(1), 'high');
  assert.equal(bestCoinStop(3, 0), 0.99);
  assert.equal(shareOutside(0), 'low');
  assert.equal(bestCoinStop(0, 3), 0.01);
  // The ends: 99 of 100 is a stop, 199 of 200 is beyond; 1 of 100 a stop, 1 of 200 beyond.
  assert.equal(shareOutside(0.99), null);
  assert.equal(bestCoinStop(99, 1), 0.99);
  assert.equal(shareOutside(0.995), 'high');
  assert.equal(bestCoinStop(199, 1), 0.99);
  assert.equal(shareOutside(0.01), null);
  assert.equal(shareOutside(0.005), 'low');
  // Between stops (197 of 200 = 0.985): the better neighbour, here 0.98; on a stop, p̂ itself.
  assert.equal(bestCoinStop(197, 3), 0.98);
  assert.ok(ml.bernoulliLogLikelihood(197, 3, 0.98) > ml.bernoulliLogLikelihood(197, 3, 0.99));
  assert.equal(bestCoinStop(7, 3), 0.7);
});

test('predict, then check: a point at the mean shrinks ŝ from 2.160 to 1.871; moving 6 to 9 moves the peak right and widens it', () => {
  const before = ml.gaussianFit(DEFAULT_POINTS);
  const after = ml.gaussianFit([...DEFAULT_POINTS, before.mu]);
  close(after.s, 1.871, 5e-4);
  assert.equal(after.mu, 3);
  assert.equal(spreadChange(before.s, after.s), 'shrink');
  const moved = ml.gaussianFit([1, 2, 9]);
  assert.ok(moved.mu > before.mu);
  assert.equal(spreadChange(before.s, moved.s), 'grow');
  // The verdict's boundary: a change below half a percent counts as staying the same.
  assert.equal(spreadChange(2, 2.009), 'same');
  assert.equal(spreadChange(2, 2.011), 'grow');
  assert.equal(spreadChange(2, 1.989), 'shrink');
});

test('more points pin the parameters down: the bright region shrinks', () => {
  // Width of the region within 2 units of the maximum along μ at ŝ: 2·ŝ·√(4/n) shrinks like 1/√n.
  const few = ml.gaussianFit(DEFAULT_POINTS);
  const many = ml.gaussianFit([...DEFAULT_POINTS, ...DEFAULT_POINTS, ...DEFAULT_POINTS, ...DEFAULT_POINTS]);
  close(many.s, few.s, 1e-12);
  const drop = (pts, f) => f.logLikelihood - ml.gaussianLogLikelihood(pts, f.mu + 1, f.s);
  assert.ok(drop([...DEFAULT_POINTS, ...DEFAULT_POINTS, ...DEFAULT_POINTS, ...DEFAULT_POINTS], many) > 3.9 * drop(DEFAULT_POINTS, few));
});

test('worked example: 7 heads and 3 tails (the widget\'s start)', () => {
  assert.deepEqual(countFlips(DEFAULT_FLIPS), { heads: 7, tails: 3 });
  close(7 * Math.log(0.7), -2.497, 5e-4);
  close(3 * Math.log(0.3), -3.612, 5e-4);
  close(ml.bernoulliLogLikelihood(7, 3, 0.7), -6.109, 5e-4);
  close(ml.bernoulliLogLikelihood(7, 3, 0.5), -6.931, 5e-4);
  const c = computations['coin-likelihood'](ml, { heads: 7, tails: 3 });
  close(c.hat, 0.7, 1e-15);
  // the peak follows the share of heads, and more flips narrow the curve around it
  const drop10 = ml.bernoulliLogLikelihood(7, 3, 0.7) - ml.bernoulliLogLikelihood(7, 3, 0.6);
  const drop100 = ml.bernoulliLogLikelihood(70, 30, 0.7) - ml.bernoulliLogLikelihood(70, 30, 0.6);
  close(drop100, 10 * drop10, 1e-9);
});

test('the coin plot: with more flips the drawn curve narrows around p̂ (the window is a fixed COIN_WINDOW nats deep)', () => {
  // The share of the p axis (the widget's grid 0.01…0.99) where ℓ(p) is inside the plot's window.
  const shown = (heads, tails) => {
    const max = ml.bernoulliLogLikelihood(heads, tails, heads / (heads + tails));
    let inside = 0;
    for (let k = 0; k < 197; k++) { const p = 0.01 + (0.98 * k) / 196; if (ml.bernoulliLogLikelihood(heads, tails, p) >= max - COIN_WINDOW) inside += 1; }
    return inside / 197;
  };
  const at10 = shown(7, 3); const at100 = shown(70, 30); const at1000 = shown(700, 300);
  assert.ok(at10 > 0.8, `10 flips: ${at10}`);
  assert.ok(at100 < at10 / 1.5, `100 flips: ${at100} vs ${at10}`);
  assert.ok(at1000 < at100 / 2.5, `1000 flips: ${at1000} vs ${at100}`);
});

test('"Flip 10" draws a fair coin from the engine, seeded', () => {
  const a = ml.sampleDraws('coin', 10, 5);
  assert.deepEqual([...a], [...ml.sampleDraws('coin', 10, 5)]);
  assert.ok([...a].every((v) => v === 0 || v === 1));
});

test('worked example: entropy, KL both ways and cross-entropy of a fair coin against (¾, ¼)', () => {
  assert.equal(ml.entropy([0.5, 0.5], 2), 1);
  assert.equal(ml.entropy([1, 0], 2), 0);
  const k = computations['kl-divergence'](ml, { p: [0.5, 0.5], q: [0.75, 0.25], base: 2 });
  close(Math.log2(0.5 / 0.75), -0.585, 5e-4);
  close(k.pq, 0.208, 5e-4);
  close(0.75 * Math.log2(1.5), 0.439, 5e-4);
  close(k.qp, 0.189, 5e-4);
  close(k.cross, 1.208, 5e-4);
  close(k.cross, k.entropy + k.pq, 1e-12);
  assert.equal(ml.klDivergence([0.3, 0.7], [0.3, 0.7], 2), 0);
});

test('log loss is a cross-entropy: q = 0.8 for the true class costs 0.223 nats; the mean log loss is −ℓ/n', () => {
  close(ml.crossEntropy([1, 0], [0.8, 0.2], Math.E), 0.223, 5e-4);
  close(ml.crossEntropy([1, 0], [0.8, 0.2], Math.E), ml.klDivergence([1, 0], [0.8, 0.2], Math.E), 1e-15);
  close(ml.logLoss([1], [0.8]), ml.crossEntropy([1, 0], [0.8, 0.2], Math.E), 1e-12);
  // A data set: labels y, predicted probabilities p of class 1.
  const y = [1, 0, 1, 1, 0];
  const p = [0.9, 0.2, 0.6, 0.7, 0.4];
  let ll = 0;
  y.forEach((yi, i) => { ll += ml.bernoulliLogLikelihood(yi, 1 - yi, p[i]); });
  close(ml.logLoss(y, p), -ll / y.length, 1e-12);
  // Least squares is maximum likelihood under Gaussian noise of fixed spread: ℓ falls as the SSE rises.
  const r1 = [0.5, -0.2, 0.1];
  const r2 = [0.6, -0.3, 0.4];
  assert.ok(ml.gaussianLogLikelihood(r1, 0, 1) > ml.gaussianLogLikelihood(r2, 0, 1));
});

test('the KL panel\'s defaults: P = N(0, 1), Q = N(1, 2²)', () => {
  assert.deepEqual(DEFAULT_KL, { P: { mu: 0, s: 1 }, Q: { mu: 1, s: 2 } });
  const g = computations['gaussian-kl'](ml, { mu1: 0, s1: 1, mu2: 1, s2: 2 });
  close(g.pq, 0.443, 5e-4);
  close(g.qp, 1.307, 5e-4);
  close(g.entropy, 1.419, 5e-4);
  close(g.cross, 1.862, 5e-4);
  close(g.cross, g.entropy + g.pq, 1e-12);
  // On top of each other: both 0. Swapping P and Q swaps the two readouts.
  assert.equal(ml.gaussianKl(0.5, 1.5, 0.5, 1.5), 0);
  const s = computations['gaussian-kl'](ml, { mu1: 1, s1: 2, mu2: 0, s2: 1 });
  close(s.pq, g.qp, 1e-15);
  close(s.qp, g.pq, 1e-15);
  // The closed form agrees with the categorical KL of finely binned densities.
  const xs = Array.from({ length: 4001 }, (_, i) => -20 + i * 0.01);
  const p = xs.map((x) => Math.exp(ml.gaussianLogPdf(x, 0, 1)));
  const q = xs.map((x) => Math.exp(ml.gaussianLogPdf(x, 1, 2)));
  close(ml.klDivergence(p, q, Math.E), g.pq, 1e-4);
});

test('check-yourself answers', () => {
  const f = computations['gaussian-fit'](ml, { points: [2, 4, 4, 10] });
  assert.equal(f.mu, 5);
  assert.equal(f.s, 3);
  const k = computations['kl-divergence'](ml, { p: [0.9, 0.1], q: [0.5, 0.5], base: 2 });
  close(Math.log2(0.9 / 0.5), 0.848, 5e-4);
  close(Math.log2(0.1 / 0.5), -2.322, 5e-4);
  close(k.entropy, 0.469, 5e-4);
  close(k.cross, 1, 1e-12);
  close(k.pq, 0.531, 5e-4);
});

test('distillation: a student (0.5, 0.3, 0.2) against the teacher (0.7, 0.2, 0.1) pays 0.2355 − 0.0811 − 0.0693 ≈ 0.085 nats; with cat 0.7 both students pay log loss 0.357, the swapped one 0.069 nats of KL', async () => {
  const { formatNumber } = await import('../web/lib/format.js');
  const fs = await import('node:fs');
  const lesson = fs.readFileSync(new URL('./likelihood-and-kl.md', import.meta.url), 'utf8');
  const teacher = [0.7, 0.2, 0.1];
  const kl = ml.klDivergence(teacher, [0.5, 0.3, 0.2], Math.E);
  assert.equal(formatNumber(kl, 3), '0.085');
  assert.deepEqual([0.7 * Math.log(0.7 / 0.5), 0.2 * Math.log(0.2 / 0.3), 0.1 * Math.log(0.1 / 0.2)].map((v) => formatNumber(v, 4)), ['0.2355', '-0.0811', '-0.0693']);
  assert.equal(formatNumber(0.2355 - 0.0811 - 0.0693, 3), '0.085', 'the rounded terms add up to the total shown');
  assert.match(lesson, /\\approx 0\.2355 - 0\.0811 - 0\.0693 \\approx 0\.085 \\text\{ nats\}/);
  assert.equal(ml.klDivergence(teacher, teacher, Math.E), 0);
  assert.equal(formatNumber(ml.klDivergence(teacher, [0.7, 0.1, 0.2], Math.E), 3), '0.069');
  assert.equal(formatNumber(-Math.log(0.7), 3), '0.357');
  assert.match(lesson, /\$-\\ln 0\.7 \\approx 0\.357\$/);
  assert.match(lesson, /pays \$0\.2 \\ln 2 \+ 0\.1 \\ln \\tfrac12 \\approx 0\.069\$ nats/);
});
