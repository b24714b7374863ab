// Claims of hyperparameter-search.md, checked against the engine with the widget's defaults
// (hyperparameter-search.js: makeMoons(120, 0.3, seed 5) or makeCircles(120, 0.15, 0.5, seed),
// KernelSVM, crossValScore with 3 folds and 2000 steps, log₁₀ C in [−2, 3], log₁₀ γ in [−2, 2],
// gridTrials / randomTrials from web/widgets/hyperparameter-search/trials.js, an 8 × 8 heat map at cell centres).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations/landscape2.js';
import { gridTrials, randomTrials } from '../web/widgets/hyperparameter-search/trials.js';
import { mean } from '../web/lib/arrays.js';

const RANGE = { c0: -2, c1: 3, g0: -2, g1: 2 };
const svm = new ml.KernelSVM();
const data = (kind, seed) => (kind === 'circles' ? ml.makeCircles(120, 0.3 * 0.5, 0.5, seed) : ml.makeMoons(120, 0.3, seed));
function cv(d, seed, logC, logG) {
  svm.setC(10 ** logC);
  svm.setGamma(10 ** logG);
  return mean(ml.crossValScore(svm, d.X, 2, d.y, 3, seed, 2000));
}
function search(kind, seed, budget) {
  const d = data(kind, seed);
  const grid = gridTrials(budget, RANGE).map((t) => ({ ...t, score: cv(d, seed, t.logC, t.logG) }));
  const random = randomTrials(budget, RANGE, seed).map((t) => ({ ...t, score: cv(d, seed, t.logC, t.logG) }));
  const best = (list) => Math.max(...list.map((t) => t.score));
  return { grid, random, g: best(grid), r: best(random) };
}
function heat(kind, seed, n = 8) {
  const d = data(kind, seed);
  const cells = [];
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) {
    const logC = RANGE.c0 + ((i + 0.5) / n) * (RANGE.c1 - RANGE.c0);
    const logG = RANGE.g0 + ((j + 0.5) / n) * (RANGE.g1 - RANGE.g0);
    cells.push({ logC, logG, score: cv(d, seed, logC, logG) });
  }
  return cells;
}

test('16 trials: the grid tests 4 values of γ (and 4 of C), random search 16 of each', () => {
  const g = gridTrials(16, RANGE);
  const r = randomTrials(16, RANGE, 5);
  assert.equal(g.length, 16);
  assert.equal(new Set(g.map((t) => t.logG)).size, 4);
  assert.equal(new Set(g.map((t) => t.logC)).size, 4);
  assert.equal(new Set(r.map((t) => t.logG)).size, 16);
  assert.equal(new Set(r.map((t) => t.logC)).size, 16);
});

test('default (moons, seed 5, 16 trials): both searches end on 0.892', () => {
  const { g, r } = search('moons', 5, 16);
  assert.equal(g.toFixed(3), '0.892');
  assert.equal(r.toFixed(3), '0.892');
});

test('budget 5: a 2 × 2 grid with one trial unspent, best 0.850, below the best band; random finds 0.892', () => {
  assert.equal(gridTrials(5, RANGE).length, 4);
  const { g, r } = search('moons', 5, 5);
  assert.equal(g.toFixed(3), '0.850');
  assert.equal(r.toFixed(3), '0.892');
  const top = Math.max(...heat('moons', 5).map((c) => c.score));
  assert.ok(top - g > 0.03, `heat map best ${top} vs grid ${g}`);
});

test('50 seeds of the moons set-up, 16 trials: random better 19 times, grid 17, ties 14', () => {
  let random = 0; let grid = 0; let ties = 0;
  for (let seed = 1; seed <= 50; seed++) {
    const { g, r } = search('moons', seed, 16);
    if (r > g + 1e-9) random += 1; else if (g > r + 1e-9) grid += 1; else ties += 1;
  }
  assert.deepEqual({ random, grid, ties }, { random: 19, grid: 17, ties: 14 });
});

test('ring and disc: the best cells sit at large C and small γ, unlike the moons', () => {
  const argmax = (cells) => cells.reduce((b, c) => (c.score > b.score ? c : b));
  const circles = argmax(heat('circles', 5));
  const moons = argmax(heat('moons', 5));
  assert.ok(circles.logC >= 2 && circles.logG < 0, `circles best at log C ${circles.logC}, log γ ${circles.logG}`);
  assert.ok(moons.logC < 2 && moons.logG > 0, `moons best at log C ${moons.logC}, log γ ${moons.logG}`);
});

test('worked example: the grid\'s best trial (log C = −0.125, log γ = 0.5) scores 36, 34, 37 of 40 on the three folds, CV = 0.892', () => {
  const d = data('moons', 5);
  const best = gridTrials(16, RANGE).find((t) => t.logC === -0.125 && t.logG === 0.5);
  assert.ok(best);
  svm.setC(10 ** best.logC);
  svm.setGamma(10 ** best.logG);
  const folds = Array.from(ml.crossValScore(svm, d.X, 2, d.y, 3, 5, 2000));
  assert.deepEqual(folds.map((a) => Math.round(a * 40)), [36, 34, 37]);
  assert.deepEqual(folds.map((a) => a.toFixed(3)), ['0.900', '0.850', '0.925']);
  assert.equal(mean(folds).toFixed(3), '0.892');
  assert.equal(Math.max(...gridTrials(16, RANGE).map((t) => cv(d, 5, t.logC, t.logG))), mean(folds));
});

test('worked example and check-yourself: RBF of (0, 0) and (1, 2) is e^{−0.5} = 0.61 at γ = 0.1, e^{−5} = 0.0067 at γ = 1, practically 0 at γ = 10; (1, 0), (0, 1), γ = 0.5 → e^{−1}', () => {
  const k = (a, b, gamma) => computations['rbf-kernel'](ml, { a, b, gamma }).value;
  assert.ok(Math.abs(k([0, 0], [1, 2], 0.1) - Math.exp(-0.5)) < 1e-9);
  assert.equal(k([0, 0], [1, 2], 0.1).toFixed(2), '0.61');
  assert.ok(Math.abs(k([0, 0], [1, 2], 1) - Math.exp(-5)) < 1e-9);
  assert.equal(k([0, 0], [1, 2], 1).toFixed(4), '0.0067');
  assert.ok(Math.abs(k([0, 0], [1, 2], 10)) < 1e-9);
  assert.equal(Math.exp(-50).toExponential(0), '2e-22');
  assert.ok(Math.abs(k([1, 0], [0, 1], 0.5) - Math.exp(-1)) < 1e-9);
});

test('check-yourself: a budget of 25 gives the grid 5 values of γ, random search 25', () => {
  assert.equal(new Set(gridTrials(25, RANGE).map((t) => t.logG)).size, 5);
  assert.equal(new Set(randomTrials(25, RANGE, 5).map((t) => t.logG)).size, 25);
});
