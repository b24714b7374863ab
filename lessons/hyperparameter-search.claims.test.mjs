// Claims of hyperparameter-search.md, checked against the engine with the widget's defaults
// (hyperparameter-search.js: makeMoons(120, 0.3, seed 5) or makeCircles(120, 0.15, 0.5, seed),
// KernelSVM, crossValScore with 3 folds and 2000 steps, log₁₀ C in [−2, 3], log₁₀ γ in [−2, 2],
// gridTrials / randomTrials / bayesStep from web/widgets/hyperparameter-search/trials.js, an 8 × 8 heat map at cell centres).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations.js';
import fs from 'node:fs';
import { gridTrials, randomTrials, bayesStep, bestSoFar, raceToBest, BAYES_XI } from '../web/widgets/hyperparameter-search/trials.js';
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

test('default (moons, seed 5, 16 trials): both searches end on 0.892, a tie', () => {
  const { g, r } = search('moons', 5, 16);
  assert.equal(g.toFixed(3), '0.892');
  assert.equal(r.toFixed(3), '0.892');
  const lesson = fs.readFileSync(new URL('./hyperparameter-search.md', import.meta.url), 'utf8');
  assert.ok(lesson.includes('On the two moons, with 16 trials each, grid and random search tie.'));
});

test('budget 5: a 2 × 2 grid with one trial unspent, best 0.850, below the best band; random tries 5 values of γ against 2, best 0.842, also below it: the grid wins by one point in 120', () => {
  assert.equal(gridTrials(5, RANGE).length, 4);
  const { grid, random, g, r } = search('moons', 5, 5);
  assert.equal(new Set(grid.map((t) => t.logG)).size, 2);
  assert.equal(new Set(random.map((t) => t.logG)).size, 5);
  assert.equal(g.toFixed(3), '0.850');
  assert.equal(r.toFixed(3), '0.842');
  assert.equal(Math.round(g * 120) - Math.round(r * 120), 1);
  const top = Math.max(...heat('moons', 5).map((c) => c.score));
  assert.ok(top - g > 0.03, `heat map best ${top} vs grid ${g}`);
  assert.ok(top - r > 0.03, `heat map best ${top} vs random ${r}`);
});

// The lesson's step 2 leaves the ring and disc selected; there five trials give another answer
// (the grid ahead by 0.942 to 0.892), so the widget judges the five-trial box only on the two moons
// it was mounted with, and the lesson says to switch back before the five-trial run.
test('ring and disc, budget 5: grid 0.942, random 0.892 — not the two moons\' answer; the predict step switches the data back to two moons before cutting the budget', () => {
  const { g, r } = search('circles', 5, 5);
  assert.equal(g.toFixed(3), '0.942');
  assert.equal(r.toFixed(3), '0.892');
  const lesson = fs.readFileSync(new URL('./hyperparameter-search.md', import.meta.url), 'utf8');
  const ring = lesson.indexOf('Switch to **ring and disc**');
  const predict = lesson.indexOf('**Predict, then check.** On the two moons, with 16 trials each, grid and random search tie.');
  const back = lesson.indexOf('Then switch the data back to **two moons**, cut the **budget** to 5 and press **Play**.');
  const reveal = lesson.indexOf('::: reveal predict=search-budget-5');
  assert.ok(ring >= 0 && predict > ring && back > predict && reveal > back, `ring ${ring}, predict ${predict}, back ${back}, reveal ${reveal}`);
  assert.doesNotMatch(lesson.slice(ring, back), /budget\*\* to 5|\*\*Play\*\*/, 'no five-trial run is asked for before the switch back');
  assert.match(lesson.slice(reveal), /^::: reveal predict=search-budget-5\nOn the two moons, once both have spent their trials/);
});

// The race at the default budget must not show the five-trial box's answer: a budget of 5 draws
// its own random trials, not the first five of the 16.
test('each budget draws its own random trials: the five of a budget of 5 are not the first five of 16', () => {
  const five = randomTrials(5, RANGE, 5);
  const sixteen = randomTrials(16, RANGE, 5);
  for (const t of five) assert.ok(!sixteen.some((u) => u.logC === t.logC && u.logG === t.logG));
  assert.deepEqual(randomTrials(5, RANGE, 5), five, 'the same budget and seed give the same trials');
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

// ---- Bayesian search (the widget's third strategy: BayesSearch with its defaults — 4 seeded
// starts, a 41 × 41 candidate grid, Matérn 5/2, ℓ by likelihood, noise 1e-4 — ξ = 0.01, seed = the
// widget's seed; every trial scored by the same cv()).
function race(seed, budget) {
  const d = data('moons', seed);
  const score = (logC, logG) => cv(d, seed, logC, logG);
  const grid = gridTrials(budget, RANGE).map((t) => ({ ...t, score: score(t.logC, t.logG) }));
  const random = randomTrials(budget, RANGE, seed).map((t) => ({ ...t, score: score(t.logC, t.logG) }));
  const search = new ml.BayesSearch();
  search.setXi(0.01);
  search.reset(seed);
  const bayes = [];
  for (let t = 0; t < budget; t++) bayes.push(bayesStep(search, RANGE, score));
  return { lists: { grid, random, bayes }, search };
}

test('widget state behind the Bayesian text: ξ = 0.01, all three strategies, the EI view; 4 starts, 41 × 41 = 1,681 candidates, seven length scales 0.05 … 0.8', () => {
  assert.equal(BAYES_XI, 0.01);
  const lesson = fs.readFileSync(new URL('./hyperparameter-search.md', import.meta.url), 'utf8');
  assert.match(lesson, /::: widget hyperparameter-search .*seed=5 strategies=all show=ei xi=0\.01\n/);
  const search = new ml.BayesSearch();
  assert.equal(search.initialTrials(), 4);
  assert.equal(search.candidatesPerAxis() ** 2, 1681);
  assert.deepEqual(Array.from(ml.BayesSearch.lengthScaleGrid()), [0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.8]);
  search.delete();
});

test('seed 5, 16 trials: all three end on 0.892; random search reaches it first (its third draw), Bayesian at trial 6, the grid at trial 7', () => {
  const { lists: r, search } = race(5, 16);
  for (const k of ['grid', 'random', 'bayes']) assert.equal(Math.max(...r[k].map((t) => t.score)).toFixed(3), '0.892', k);
  const v = raceToBest(r);
  assert.equal(v.top.toFixed(3), '0.892');
  assert.deepEqual(v.reached, { grid: 7, random: 3, bayes: 6 });
  assert.equal(v.winner, 'random');
  assert.equal(r.random[2].score.toFixed(3), '0.892');
  search.delete();
});

test('worked example (seed 5): four random starts, best 0.8667 at C = 2.58, γ = 8.24; after five trials EI picks C = 3.16, γ = 1.96 with μ 0.8481, s 0.0422, EI 0.0063; the far setting C = 316, γ = 0.025 has EI 0.0008', () => {
  const d = data('moons', 5);
  const search = new ml.BayesSearch();
  search.setXi(0.01);
  search.reset(5);
  const trials = [];
  for (let t = 0; t < 5; t++) trials.push(bayesStep(search, RANGE, (c, g) => cv(d, 5, c, g)));
  assert.deepEqual(trials.map((t) => t.initial), [true, true, true, true, false]);
  const start = trials.slice(0, 4).reduce((b, t) => (t.score > b.score ? t : b));
  assert.equal(start.score.toFixed(4), '0.8667');
  assert.equal(search.best(), start.score); // trial 5 did not beat it
  assert.equal((10 ** start.logC).toFixed(2), '2.58');
  assert.equal((10 ** start.logG).toFixed(2), '8.24');
  const f = search.best();
  const xi = 0.01;
  const next = search.next();
  assert.equal(next.initial, false);
  assert.equal((10 ** (RANGE.c0 + next.u * 5)).toFixed(2), '3.16');
  assert.equal((10 ** (RANGE.g0 + next.v * 4)).toFixed(2), '1.96');
  assert.equal(next.mean.toFixed(4), '0.8481');
  assert.equal(next.std.toFixed(4), '0.0422');
  assert.equal(next.ei.toFixed(4), '0.0063');
  // By hand from the rounded numbers, as the text does it.
  const dA = next.mean - f - xi;
  const zA = dA / next.std;
  assert.equal(dA.toFixed(4), '-0.0286');
  assert.equal(zA.toFixed(3), '-0.678');
  assert.equal(ml.normalCdf(zA).toFixed(3), '0.249');
  assert.equal(ml.normalPdf(zA).toFixed(3), '0.317');
  assert.equal((-0.0286 * 0.249).toFixed(5), '-0.00712');
  assert.equal((0.0422 * 0.317).toFixed(5), '0.01338');
  assert.equal((-0.00712 + 0.01338).toFixed(5), '0.00626');
  assert.ok(Math.abs(ml.expectedImprovement(next.mean, next.std, f, xi) - next.ei) < 1e-15);
  // It is the largest EI over all candidates (the engine's argmax), and trial 6 scores 0.892.
  assert.ok(Math.max(...search.surface(41).ei) <= next.ei + 1e-15);
  const six = bayesStep(search, RANGE, (c, g) => cv(d, 5, c, g));
  assert.equal(six.score.toFixed(3), '0.892');
  // The far setting (log C = 2.5, log γ = −1.6 → u = 0.9, v = 0.1), judged with the GP of trials 1–5.
  const five = new ml.BayesSearch();
  five.setXi(0.01);
  five.reset(5);
  for (const t of trials) five.tell((t.logC - RANGE.c0) / 5, (t.logG - RANGE.g0) / 4, t.score);
  const far = five.predict([0.9, 0.1]);
  assert.equal((10 ** 2.5).toFixed(0), '316');
  assert.equal((10 ** -1.6).toFixed(3), '0.025');
  assert.equal(far.mean[0].toFixed(4), '0.7901');
  assert.equal(far.std[0].toFixed(4), '0.0497');
  // By hand from the rounded numbers the text shows: 0.7901 − 0.8667 − 0.01 (the engine's unrounded
  // difference, −0.08657, would round to −0.0865 and disagree with the shown subtraction).
  assert.equal(f.toFixed(4), '0.8667');
  const dB = 0.7901 - 0.8667 - 0.01;
  assert.equal(dB.toFixed(4), '-0.0866');
  assert.ok(Math.abs(dB - (far.mean[0] - f - xi)) < 0.0001);
  assert.equal((-0.0866 / 0.0497).toFixed(3), '-1.742');
  assert.equal(ml.normalCdf(-1.742).toFixed(4), '0.0408');
  assert.equal(ml.normalPdf(-1.742).toFixed(4), '0.0875');
  assert.equal((-0.0866 * 0.0408).toFixed(5), '-0.00353');
  assert.equal((0.0497 * 0.0875).toFixed(5), '0.00435');
  assert.equal((-0.00353 + 0.00435).toFixed(4), '0.0008');
  const lessonText = fs.readFileSync(new URL('./hyperparameter-search.md', import.meta.url), 'utf8');
  assert.ok(lessonText.includes("$\\mu - f^* - \\xi = 0.7901 - 0.8667 - 0.01 = -0.0866$, $z = -0.0866/0.0497 = -1.742$, $\\Phi(z) = 0.0408$, $\\Phi'(z) = 0.0875$, and $\\text{EI} = -0.0866 \\times 0.0408 + 0.0497 \\times 0.0875 = -0.00353 + 0.00435 = 0.0008$"));
  assert.equal(ml.expectedImprovement(far.mean[0], far.std[0], f, xi).toFixed(4), '0.0008');
  // At the best start's own setting the GP is all but certain and EI practically 0.
  const own = five.predict([(start.logC - RANGE.c0) / 5, (start.logG - RANGE.g0) / 4]);
  assert.equal(own.std[0].toFixed(4), '0.0006');
  assert.ok(ml.expectedImprovement(own.mean[0], own.std[0], f, xi) < 1e-12);
  five.delete();
  search.delete();
});

test('seeds 1–20, 16 trials: scores in steps of 1/120; first to the race\'s best — Bayesian 11, random 6, grid 3; mean best 0.905 (Bayesian), 0.899 (grid), 0.898 (random)', () => {
  const wins = { grid: 0, random: 0, bayes: 0, tie: 0 };
  const sum = { grid: 0, random: 0, bayes: 0 };
  for (let seed = 1; seed <= 20; seed++) {
    const { lists, search } = race(seed, 16);
    wins[raceToBest(lists).winner] += 1;
    // Every score is a mean of three fold accuracies out of 40: a whole number of 120ths.
    for (const list of Object.values(lists)) for (const t of list) assert.ok(Math.abs(t.score * 120 - Math.round(t.score * 120)) < 1e-9);
    for (const k of Object.keys(sum)) sum[k] += bestSoFar(lists[k]).at(-1);
    search.delete();
  }
  assert.deepEqual(wins, { grid: 3, random: 6, bayes: 11, tie: 0 });
  assert.deepEqual(Object.fromEntries(Object.entries(sum).map(([k, v]) => [k, (v / 20).toFixed(3)])), { grid: '0.899', random: '0.898', bayes: '0.905' });
});

test('check-yourself: EI at μ = 0.90, s = 0.05, f* = 0.88, ξ = 0.01 is 0.01·Φ(0.2) + 0.05·Φ′(0.2) = 0.0253; a certain 0.80 below a best of 0.90 has EI 0', () => {
  const ei = computations['expected-improvement'](ml, { mean: 0.9, std: 0.05, best: 0.88, xi: 0.01 }).value;
  // Φ(0.2) = 0.5793 and Φ′(0.2) = e^{−0.02}/√(2π) = 0.3910, by hand.
  const phi = Math.exp(-0.02) / Math.sqrt(2 * Math.PI);
  assert.equal(phi.toFixed(4), '0.3910');
  assert.ok(Math.abs(ei - (0.01 * 0.5792597094391030 + 0.05 * phi)) < 1e-12);
  assert.equal(ei.toFixed(4), '0.0253');
  assert.equal(ml.normalCdf(0.2).toFixed(3), '0.579');
  assert.equal(phi.toFixed(3), '0.391');
  assert.equal(computations['expected-improvement'](ml, { mean: 0.8, std: 0, best: 0.9, xi: 0.01 }).value, 0);
  assert.equal(computations['expected-improvement'](ml, { mean: 0.8, std: 0, best: 0.9 }).value, 0);
});

test('log scale: a learning rate from 10⁻⁴ to 0.5 spans 3.7 factors of ten; uniform draws land 80% above 0.1 and 0.18% below 0.001, log-uniform draws 19% and 27%; TPE ratios 6 and 1, check-yourself 8 and 2', () => {
  const lesson = fs.readFileSync(new URL('./hyperparameter-search.md', import.meta.url), 'utf8');
  const lo = 1e-4;
  const hi = 0.5;
  const uniform = (a, b) => (b - a) / (hi - lo);
  const logUniform = (a, b) => Math.log(b / a) / Math.log(hi / lo);
  assert.equal(Math.log10(hi / lo).toFixed(1), '3.7');
  assert.equal((100 * uniform(0.1, hi)).toFixed(0), '80');
  assert.equal((100 * uniform(lo, 1e-3)).toFixed(2), '0.18');
  assert.equal((100 * logUniform(lo, 1e-3)).toFixed(0), '27');
  assert.equal((100 * logUniform(0.1, hi)).toFixed(0), '19');
  assert.match(lesson, /\$\\log_\{10\}\(0\.5\/10\^\{-4\}\) = 3\.7\$ factors of ten\. Drawn uniformly, 80% of the values would land between 0\.1 and 0\.5 and only 0\.18% below 0\.001/);
  assert.match(lesson, /27% of the draws below 0\.001 and 19% above 0\.1/);
  assert.equal((0.6 / 0.1).toFixed(9), (6).toFixed(9));
  assert.equal(1.5 / 1.5, 1);
  assert.match(lesson, /\$l = 0\.6\$ and \$g = 0\.1\$, a ratio of 6; at another, \$l = 1\.5\$ and \$g = 1\.5\$, a ratio of 1/);
  assert.equal(0.4 / 0.05, 8);
  assert.equal(1.2 / 0.6, 2);
  assert.match(lesson, /candidate A has \$l\(x\) = 0\.4\$, \$g\(x\) = 0\.05\$ and candidate B has \$l\(x\) = 1\.2\$, \$g\(x\) = 0\.6\$/);
});

// The race box judges the first full race; a learner following the lesson must be asked for the
// prediction before any instruction to run that race, or the first try is made after seeing it.
test('the lesson asks for the race prediction before it first says to press Play', () => {
  const lesson = fs.readFileSync(new URL('./hyperparameter-search.md', import.meta.url), 'utf8');
  const body = lesson.slice(lesson.indexOf('::: widget hyperparameter-search'));
  const ask = body.indexOf('second *Predict, then check* box');
  const firstPlay = body.search(/[Pp]ress \*\*Play\*\*/);
  assert.ok(ask >= 0 && firstPlay >= 0);
  assert.ok(ask < firstPlay, `the race prediction (at ${ask}) comes before the first "press Play" (at ${firstPlay})`);
  assert.doesNotMatch(body.slice(firstPlay), /Lock your answer in the widget's second/, 'the race is not asked for again after it was run');
});
