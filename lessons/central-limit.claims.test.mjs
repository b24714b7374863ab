// Claims of the central-limit lesson, checked against the engine's seeded sampling with the
// clt-sampler widget's defaults (web/widgets/clt-sampler.js schema: exponential, n = 10, 2000 means,
// seed 7) and its helpers (web/widgets/clt-sampler/data.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations.js';
import { POPULATIONS, SE_SIZES, SE_SAMPLES, RATIOS, MIN_FOR_SEEN, binsFor, histogram, nearestRatio, meanRange } from '../web/widgets/clt-sampler/data.js';

const close = (a, b, tol) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b} (±${tol})`);
const SEED = 7;
const SAMPLES = 2000;
const fitOf = (pop, n, samples = SAMPLES, seed = SEED) => ml.gaussianFit(ml.sampleMeans(pop, n, samples, seed));
function skewness(values) {
  const f = ml.gaussianFit(values);
  return values.reduce((a, v) => a + ((v - f.mu) / f.s) ** 3, 0) / values.length;
}

test('worked example: a die has μ = 3.5, s ≈ 1.708, and 25 rolls average with standard error 0.342', () => {
  const die = ml.population('die');
  assert.equal(die.mean, 3.5);
  close(91 / 6 - 12.25, 2.917, 5e-4);
  close(die.sd, 1.708, 5e-4);
  close(die.sd / 5, 0.342, 5e-4);
  close(computations['standard-error'](ml, { population: 2, n: 25 }).se, 0.342, 5e-4);
  // "Two thirds of such averages land within about 3.5 ± 0.34"
  const m = ml.sampleMeans('die', 25, 20000, 3);
  const inside = [...m].filter((v) => Math.abs(v - 3.5) <= die.sd / 5).length / m.length;
  assert.ok(inside > 0.62 && inside < 0.74, `${inside}`);
});

test('the widget\'s defaults: exponential (μ = 1, s = 1), n = 10, 2000 means measuring 0.993 and 0.321 against 0.316', () => {
  const pop = ml.population(POPULATIONS[0]);
  assert.equal(pop.name, 'exponential');
  assert.equal(pop.mean, 1);
  assert.equal(pop.sd, 1);
  close(1 / Math.sqrt(10), 0.316, 5e-4);
  const f = fitOf('exponential', 10);
  close(f.mu, 0.993, 5e-4);
  close(f.s, 0.321, 5e-4);
  // The histogram holds every mean inside its μ ± 4.5 SE window, or nearly all.
  const bins = binsFor(pop, 10);
  const counts = histogram(ml.sampleMeans('exponential', 10, SAMPLES, SEED), SAMPLES, bins);
  assert.ok(counts.reduce((a, b) => a + b, 0) >= 0.995 * SAMPLES);
});

test('n = 1 is the population itself; the lean fades by n = 10 and n = 50', () => {
  const s1 = skewness(ml.sampleMeans('exponential', 1, SAMPLES, SEED));
  const s10 = skewness(ml.sampleMeans('exponential', 10, SAMPLES, SEED));
  const s50 = skewness(ml.sampleMeans('exponential', 50, SAMPLES, SEED));
  close(s1, 2, 0.3); // the exponential's own skewness is 2
  assert.ok(s10 > 0.3 && s10 < 1, `${s10}`); // a slight lean to the right (theory: 2/√10 ≈ 0.63)
  assert.ok(s50 < 0.35, `${s50}`);
  assert.ok(s1 > s10 && s10 > s50);
});

test('a die: six flat bars at n = 1, a triangle at n = 2, a bell of spread near 0.342 at n = 25', () => {
  const die = ml.population('die');
  const m1 = ml.sampleMeans('die', 1, SAMPLES, SEED);
  const c1 = histogram(m1, SAMPLES, binsFor(die, 1)).filter((c) => c > 0);
  assert.equal(c1.length, 6);
  for (const c of c1) close(c, SAMPLES / 6, 4 * Math.sqrt(SAMPLES / 6));
  const m2 = ml.sampleMeans('die', 2, SAMPLES, SEED);
  const c2 = histogram(m2, SAMPLES, binsFor(die, 2)).filter((c) => c > 0);
  assert.equal(c2.length, 11);
  // Triangle: 1, 2, …, 6, …, 2, 1 out of 36.
  [1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1].forEach((w, k) => close(c2[k], (SAMPLES * w) / 36, 4 * Math.sqrt((SAMPLES * w) / 36) + 1));
  close(fitOf('die', 25).s, 0.342, 0.015);
});

test('two bumps: the population has two peaks; its means of 25 form one bell', () => {
  const pop = ml.population('two-bump');
  const dens = ml.populationDensity('two-bump', [2, 4.4, 6]);
  assert.ok(dens[0] > dens[1] && dens[2] > dens[1], 'a gap between two peaks');
  const m = ml.sampleMeans('two-bump', 25, SAMPLES, SEED);
  const counts = histogram(m, SAMPLES, binsFor(pop, 25));
  // One peak: the counts rise to a maximum and fall, apart from sampling wiggles of a few counts.
  const peak = counts.indexOf(Math.max(...counts));
  const bumps = counts.filter((c, k) => k > 0 && k < counts.length - 1 && c > counts[k - 1] + 12 && c > counts[k + 1] + 12 && Math.abs(k - peak) > 4);
  assert.equal(bumps.length, 0);
  close(skewness(m), 0, 0.3);
});

test('the standard-error plot: measured dots sit on s/√n; 1 → 4 halves, 25 → 100 halves again', () => {
  for (const name of POPULATIONS) {
    const pop = ml.population(name);
    for (const n of SE_SIZES) {
      const measured = ml.gaussianFit(ml.sampleMeans(name, n, SE_SAMPLES, SEED + n)).s;
      close(measured / (pop.sd / Math.sqrt(n)), 1, 0.08);
    }
    close((pop.sd / Math.sqrt(4)) / pop.sd, 0.5, 1e-15);
    close((pop.sd / Math.sqrt(100)) / (pop.sd / Math.sqrt(25)), 0.5, 1e-15);
  }
});

test('predict, then check: n = 10 → 40 measures 0.321 → 0.156, which is "halve"', () => {
  const a = fitOf('exponential', 10).s;
  const b = fitOf('exponential', 40).s;
  close(b, 0.156, 5e-4);
  assert.equal(nearestRatio(b / a), 'half');
  // The verdict's boundaries: the geometric midpoints between the three answers.
  assert.equal(nearestRatio(Math.sqrt(RATIOS.same * RATIOS.half) * 1.001), 'same');
  assert.equal(nearestRatio(Math.sqrt(RATIOS.same * RATIOS.half) * 0.999), 'half');
  assert.equal(nearestRatio(Math.sqrt(RATIOS.half * RATIOS.quarter) * 0.999), 'quarter');
});

test('accuracy as a coin: a = 0.8 on 100 points has standard error 0.04; 400 points halve it', () => {
  close(Math.sqrt(0.8 * 0.2 / 100), 0.04, 1e-12);
  close(Math.sqrt(0.8 * 0.2 / 400), 0.02, 1e-12);
  // The coin population is a classifier right half the time: s = √(0.5 · 0.5), so 100 points give 0.05.
  const coin = ml.population('coin');
  close(coin.sd, Math.sqrt(0.5 * 0.5), 1e-15);
  close(computations['standard-error'](ml, { population: 3, n: 100 }).se, 0.05, 1e-12);
  // 83% vs 80% on 100 points differ by less than one standard error.
  assert.ok(0.83 - 0.8 < Math.sqrt(0.8 * 0.2 / 100));
});

test('check-yourself answers', () => {
  const se = computations['standard-error'](ml, { population: 2, n: 100 });
  close(se.se, 0.1708, 5e-4);
  close(Math.sqrt(0.09 / 90), 0.032, 5e-4);
  close(Math.sqrt(0.09 / 900), 0.01, 1e-12);
  close(1 / Math.sqrt(50), 0.14, 5e-3);
  const wide = meanRange(ml.population('exponential'), 50);
  assert.ok(wide[0] > 0 && wide[1] < 2);
});

test('the predict box: spreads of 50 means at n and 4n already point to "halve", so such a pair counts as seen', () => {
  let cases = 0;
  for (const seed of [1, 2, 3, SEED]) for (const pop of POPULATIONS) for (const n of [1, 2, 3, 5, 10, 15, 20, 25]) {
    const ratio = fitOf(pop, 4 * n, MIN_FOR_SEEN, seed).s / fitOf(pop, n, MIN_FOR_SEEN, seed).s;
    assert.equal(nearestRatio(ratio), 'half', `${pop} n = ${n} seed ${seed}: ${ratio}`);
    cases += 1;
  }
  assert.equal(cases, 128);
  assert.equal(MIN_FOR_SEEN, 50);
});
