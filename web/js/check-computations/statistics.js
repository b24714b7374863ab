// Statistics: maximum-likelihood fits, KL divergence and entropy, the standard error of sample means.

import { need, opt, whole } from './args.js';

// The sampling populations, by number, as the lesson's directives name them (arguments are numbers).
export const POPULATIONS = ['exponential', 'two-bump', 'die', 'coin'];

export const computations = {
  // The maximum-likelihood Gaussian of points on a line: mean, spread (1/n), variance, log-likelihood.
  'gaussian-fit': (ml, a) => {
    const f = ml.gaussianFit(need(a, 'points', 'list'));
    return { mu: f.mu, s: f.s, variance: f.variance, logLikelihood: f.logLikelihood };
  },
  // Coin flips: the log-likelihood at p, the maximum-likelihood p̂ = heads/n and the log-likelihood there.
  'coin-likelihood': (ml, a) => {
    const heads = need(a, 'heads');
    const tails = need(a, 'tails');
    const hat = ml.categoricalFit([heads, tails])[0];
    return { ll: ml.bernoulliLogLikelihood(heads, tails, opt(a, 'p', hat)), hat, max: ml.bernoulliLogLikelihood(heads, tails, hat) };
  },
  // Two categorical distributions p and q (weights, normalised): both KL directions, the
  // cross-entropy H(p, q) and the entropy H(p), in bits (base=2, the default) or another base.
  'kl-divergence': (ml, a) => {
    const p = need(a, 'p', 'list');
    const q = need(a, 'q', 'list');
    const base = opt(a, 'base', 2);
    return { pq: ml.klDivergence(p, q, base), qp: ml.klDivergence(q, p, base), cross: ml.crossEntropy(p, q, base), entropy: ml.entropy(p, base) };
  },
  // Two Gaussians P = N(mu1, s1²) and Q = N(mu2, s2²), in nats.
  'gaussian-kl': (ml, a) => {
    const [m1, s1, m2, s2] = [need(a, 'mu1'), need(a, 's1'), need(a, 'mu2'), need(a, 's2')];
    return { pq: ml.gaussianKl(m1, s1, m2, s2), qp: ml.gaussianKl(m2, s2, m1, s1), entropy: ml.gaussianEntropy(s1), cross: ml.gaussianCrossEntropy(m1, s1, m2, s2) };
  },
  // Means of samples of size n from population number `population` (0 exponential, 1 two-bump,
  // 2 die, 3 coin): the predicted standard error s/√n from the population's s, and the spread
  // actually measured over `samples` seeded sample means.
  'standard-error': (ml, a) => {
    const pop = ml.population(POPULATIONS[whole(a, 'population', 0, POPULATIONS.length - 1)]);
    const n = whole(a, 'n', 1, 10000);
    const means = ml.sampleMeans(pop.name, n, whole(a, 'samples', 2, 100000, 4000), whole(a, 'seed', 0, 2147483647, 1));
    const measured = ml.gaussianFit(means); // the mean and (1/n) spread of the sample means
    return { se: pop.sd / Math.sqrt(n), sd: pop.sd, mean: pop.mean, measured: measured.s, measuredMean: measured.mu };
  },
};
