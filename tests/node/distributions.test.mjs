// The distributions functions in WASM: the SciPy fixture (tests/fixtures/distributions.json, from
// tests/fixtures/generators/distributions.py), native/WASM-identical seeded sampling, and typed
// errors in words for bad input (the engine keeps working after each).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ml } from './engine.mjs';

const fixture = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/distributions.json'), 'utf8')
  .replace(/\bInfinity\b/g, '"Infinity"'));
const rel = (got, want, tol) => assert.ok(Math.abs(got - want) <= tol * Math.max(1, Math.abs(want)), `${got} vs ${want}`);

test('Gaussian log densities, log-likelihoods and the maximum-likelihood fit match scipy.stats.norm', () => {
  const f = fixture;
  for (const [x, mu, s, want] of f.logpdf_cases) rel(ml.gaussianLogPdf(x, mu, s), want, 1e-12);
  for (const [mu, s, want] of f.loglik_cases) rel(ml.gaussianLogLikelihood(f.xs, mu, s), want, 1e-12);
  const fit = ml.gaussianFit(f.xs);
  rel(fit.mu, f.fit_mu, 1e-12);
  rel(fit.s, f.fit_s, 1e-12);
  rel(fit.logLikelihood, f.fit_loglik, 1e-12);
  assert.equal(fit.n, f.xs.length);
});

test('Bernoulli and categorical log-likelihoods match scipy', () => {
  for (const [h, t, p, want] of fixture.bernoulli_cases) rel(ml.bernoulliLogLikelihood(h, t, p), want, 1e-12);
  rel(ml.categoricalLogLikelihood(fixture.counts, fixture.probs), fixture.categorical_loglik, 1e-12);
});

test('entropy, KL divergence and cross-entropy match scipy.stats.entropy', () => {
  const f = fixture;
  rel(ml.entropy(f.p, Math.E), f.entropy_p_nats, 1e-12);
  rel(ml.entropy(f.p, 2), f.entropy_p_bits, 1e-12);
  rel(ml.klDivergence(f.p, f.q, Math.E), f.kl_pq_nats, 1e-12);
  rel(ml.klDivergence(f.q, f.p, Math.E), f.kl_qp_nats, 1e-12);
  rel(ml.klDivergence(f.p, f.q, 2), f.kl_pq_bits, 1e-12);
  rel(ml.crossEntropy(f.p, f.q, Math.E), f.cross_pq_nats, 1e-12);
  rel(ml.entropy(f.raw_p, Math.E), f.entropy_raw_p_nats, 1e-12);
  rel(ml.klDivergence(f.raw_p, f.raw_q, Math.E), f.kl_raw_nats, 1e-12);
  rel(ml.klDivergence(f.raw_p, f.raw_q, 10), f.kl_raw_base10, 1e-12);
  rel(ml.crossEntropy(f.raw_p, f.raw_q, Math.E), f.cross_raw_nats, 1e-12);
  assert.equal(f.kl_to_zero, 'Infinity');
  assert.equal(ml.klDivergence([0.5, 0.5], [1, 0], Math.E), Infinity);
});

test('Gaussian entropy, KL and cross-entropy match SciPy (entropy() and numerical integration)', () => {
  for (const [s, want] of fixture.gaussian_entropy_cases) rel(ml.gaussianEntropy(s), want, 1e-12);
  for (const [m1, s1, m2, s2, kl, cross] of fixture.gaussian_pairs) {
    rel(ml.gaussianKl(m1, s1, m2, s2), kl, 1e-9);
    rel(ml.gaussianCrossEntropy(m1, s1, m2, s2), cross, 1e-9);
  }
});

test('populations: moments and densities match scipy; sampling is seeded and laid out as documented', () => {
  for (const name of ['exponential', 'two-bump', 'die', 'coin']) {
    const pop = ml.population(name);
    rel(pop.mean, fixture.populations[name].mean, 1e-9);
    rel(pop.sd, fixture.populations[name].sd, 1e-9);
    if (fixture.populations[name].density) {
      const got = ml.populationDensity(name, fixture.density_xs);
      fixture.populations[name].density.forEach((want, i) => rel(got[i], want, 1e-12));
    }
  }
  assert.deepEqual([...ml.populationDensity('die', [0, 1, 3.5, 6, 7])], [0, 1 / 6, 0, 1 / 6, 0]);
  const d = ml.sampleDraws('exponential', 12, 42);
  assert.deepEqual([...d], [...ml.sampleDraws('exponential', 12, 42)]);
  const m = ml.sampleMeans('exponential', 3, 4, 42);
  for (let k = 0; k < 4; k++) rel(m[k], (d[3 * k] + d[3 * k + 1] + d[3 * k + 2]) / 3, 1e-15);
  // Native and WASM give the same draws: tests/native/test_distributions.cpp asserts these values too.
  assert.deepEqual([...d.subarray(0, 3)], [0.95993974282121119, 2.8017379900199519, 3.3386873089272529]);
  assert.deepEqual([...ml.sampleDraws('two-bump', 3, 42)], [2.2070886440437079, 5.9373989233195532, 1.3218256193076954]);
});

test('bad input throws typed errors in words and leaves the engine working', () => {
  const bad = [
    [() => ml.gaussianFit([]), 'shape-mismatch', /xs is empty/],
    [() => ml.gaussianFit([3, 3]), 'invalid-argument', /all 2 points are equal/],
    [() => ml.gaussianFit([1, NaN]), 'invalid-argument', /xs\[1\]=NaN is not a finite number/],
    [() => ml.gaussianFit(null), 'shape-mismatch', /gaussianFit: xs must be an array of numbers/],
    [() => ml.gaussianFit(['a', 2]), 'invalid-argument', /xs\[0\]=NaN is not a finite number/],
    [() => ml.gaussianLogPdf(0, 0, -1), 'invalid-argument', /s=-1 must be in \(0, 1e\+09\]/],
    [() => ml.gaussianLogLikelihoodGrid([1, 2], 0, 1, 1, 2, 2.5, 3), 'invalid-argument', /nMu=2\.5 must be a whole number/],
    [() => ml.gaussianLogLikelihoodGrid([1, 2], 1, 0, 1, 2, 2, 3), 'invalid-argument', /mu0=1 must be less than mu1=0/],
    [() => ml.bernoulliLogLikelihood(-1, 2, 0.5), 'invalid-argument', /heads=-1/],
    [() => ml.categoricalLogLikelihood([1, 2], [0.2, 0.2]), 'invalid-argument', /probs sum to 0\.4, not 1/],
    [() => ml.entropy([0, 0], 2), 'invalid-argument', /all zero/],
    [() => ml.entropy([1, 1], 0.5), 'invalid-argument', /base=0\.5 must be greater than 1/],
    [() => ml.klDivergence([1, 1], [1, 1, 1], 2), 'shape-mismatch', /p has 2 entries but q has 3/],
    [() => ml.gaussianKl(0, 1, 1e12, 1), 'invalid-argument', /mu2=1e\+12 must be in/],
    [() => ml.population('dice'), 'invalid-argument', /population "dice" is unknown/],
    [() => ml.sampleMeans('die', 0, 10, 1), 'invalid-argument', /n=0 must be in \[1, 10000\]/],
    [() => ml.sampleMeans('die', 10000, 10000, 1), 'invalid-argument', /more than 10000000/],
    [() => ml.sampleDraws('coin', 5, -1), 'invalid-argument', /seed=-1/],
  ];
  for (const [call, code, message] of bad) {
    assert.throws(call, (e) => e instanceof RangeError && e.code === code && message.test(e.message), String(call));
    assert.equal(ml.gaussianFit([1, 3]).mu, 2);
  }
});
