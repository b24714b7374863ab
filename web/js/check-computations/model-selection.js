// Choosing a model: k-fold and time-series splits, paired tests of two models, expected improvement.

import { need, opt, whole } from './args.js';

function pairs(a) {
  const x = need(a, 'a', 'list');
  const y = need(a, 'b', 'list');
  if (x.length !== y.length) throw new RangeError('needs a= and b= lists of the same length (one score per fold each)');
  return [x, y];
}

export const computations = {
  // One k-fold split of n points (no shuffle: consecutive blocks, as scikit-learn's KFold):
  // for fold f (1 … k), how many points it tests and trains on, and its first and last test index.
  'k-fold': (ml, a) => {
    const n = need(a, 'n');
    const k = need(a, 'k');
    const f = opt(a, 'fold', 1);
    const folds = ml.kFold(n, k, false, 0);
    if (!Number.isInteger(f) || f < 1 || f > folds.length) throw new RangeError(`needs fold= a whole number 1 … ${folds.length}`);
    const { test, train } = folds[f - 1];
    return { size: test.length, train: train.length, first: test[0], last: test[test.length - 1], folds: folds.length };
  },
  // scikit-learn's TimeSeriesSplit(n_splits = splits) on n steps (testSize 0: n / (splits + 1)):
  // the first and last fold's training sizes and the test block size.
  'time-series-split': (ml, a) => {
    const folds = ml.timeSeriesSplit(need(a, 'n'), need(a, 'splits'), opt(a, 'testSize', 0), opt(a, 'gap', 0), 0);
    return { firstTrain: folds[0].train.length, lastTrain: folds[folds.length - 1].train.length, testSize: folds[0].test.length, folds: folds.length };
  },
  // Paired t-test of fold scores a and b: T, its degrees of freedom, the two-sided p-value and the
  // mean difference.
  'paired-t': (ml, a) => {
    const [x, y] = pairs(a);
    const r = ml.pairedTTest(x, y);
    return { t: r.t, df: r.df, p: r.pValue, mean: r.meanDifference, sd: r.sdDifference };
  },
  // Exact sign-flip permutation test of the same pairs (k ≤ 20, so all 2^k patterns).
  'permutation-test': (ml, a) => {
    const [x, y] = pairs(a);
    if (x.length > 20) throw new RangeError('needs at most 20 pairs for the exact test');
    const r = ml.pairedPermutationTest(x, y, 2 ** x.length, 0);
    return { p: r.pValue, count: r.atLeastAsExtreme, patterns: r.resamples };
  },
  // McNemar's test from the two disagreement counts.
  mcnemar: (ml, a) => {
    const r = ml.mcNemarTest(whole(a, 'n01', 0, 1e6), whole(a, 'n10', 0, 1e6));
    return { exact: r.exactPValue, chi2: r.chiSquare, chi2p: r.chiSquarePValue };
  },
  // Expected improvement of a candidate whose surrogate score is N(mean, std²) over the best score
  // so far, with margin xi (default 0): the engine's expectedImprovement, d·Φ(d/std) + std·Φ'(d/std)
  // with d = mean − best − xi (max(d, 0) when std = 0).
  'expected-improvement': (ml, a) => ({ value: ml.expectedImprovement(need(a, 'mean'), need(a, 'std'), need(a, 'best'), opt(a, 'xi', 0)) }),
};
