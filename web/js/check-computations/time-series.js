// Check-yourself computations for the time-series and anomaly lessons. Same contract as
// check-computations.js: each takes the loaded engine and an object of named arguments and
// returns an object of named results, every number from the engine. Kept free of the DOM.
import { need, opt } from './args.js';

export const computations = {
  // scikit-learn's TimeSeriesSplit(n_splits = splits) on n steps (testSize 0: n / (splits + 1)):
  // the first and last fold's training sizes and the test block size.
  'time-series-split': (ml, a) => {
    const folds = ml.timeSeriesSplit(need(a, 'n'), need(a, 'splits'), opt(a, 'testSize', 0), opt(a, 'gap', 0), 0);
    return { firstTrain: folds[0].train.length, lastTrain: folds[folds.length - 1].train.length, testSize: folds[0].test.length, folds: folds.length };
  },
  // Isolation-forest score s = 2^(−h / c(ψ)) of a point with mean path length h in trees grown on ψ points.
  'isolation-score': (ml, a) => {
    const c = ml.averagePathLength(need(a, 'psi'));
    return { score: 2 ** (-need(a, 'h') / c), c };
  },
};
