// Check-yourself computations for comparing models (comparing-models) and for regression metrics
// and scalers (regression-metrics). Same contract as check-computations.js: each takes the loaded
// engine and an object of named arguments and returns an object of named results, every number
// from the engine. Kept free of the DOM.

import { need, whole, scoped } from './args.js';

function pairs(a) {
  const x = need(a, 'a', 'list');
  const y = need(a, 'b', 'list');
  if (x.length !== y.length) throw new RangeError('needs a= and b= lists of the same length (one score per fold each)');
  return [x, y];
}

// One scaler fitted to a list of values; `x` (default: the first value) is then transformed.
function scaled(ml, a, Scaler) {
  const values = need(a, 'values', 'list');
  const x = a.x === undefined ? values[0] : need(a, 'x');
  return scoped((own) => {
    const s = own(new ml[Scaler]());
    s.fit(values, 1);
    return { value: s.transform([x], 1)[0] };
  });
}

export const computations = {
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
  // MAE, MSE, RMSE and R² of predictions `pred` for labels `y`.
  'regression-metrics': (ml, a) => {
    const y = need(a, 'y', 'list');
    const pred = need(a, 'pred', 'list');
    if (y.length !== pred.length) throw new RangeError('needs y= and pred= lists of the same length');
    const mse = ml.meanSquaredError(y, pred);
    return { mae: ml.meanAbsoluteError(y, pred), mse, rmse: Math.sqrt(mse), r2: ml.r2Score(y, pred) };
  },
  // A value after each scaler fitted to `values`.
  'robust-scale': (ml, a) => scaled(ml, a, 'RobustScaler'),
  'minmax-scale': (ml, a) => scaled(ml, a, 'MinMaxScaler'),
  'standard-scale': (ml, a) => scaled(ml, a, 'StandardScaler'),
};
