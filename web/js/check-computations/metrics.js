// Scoring predictions: regression errors, log loss, classification metrics, confusion counts, ROC AUC.

import { need, whole, sameLength } from './args.js';

function count(args, name) { return whole(args, name, 0, 100000); }

export const computations = {
  mse: (ml, a) => ({ value: ml.meanSquaredError(need(a, 'y', 'list'), need(a, 'yhat', 'list')) }),
  mae: (ml, a) => ({ value: ml.meanAbsoluteError(need(a, 'y', 'list'), need(a, 'yhat', 'list')) }),
  // MAE, MSE, RMSE and R² of predictions `pred` for labels `y`.
  'regression-metrics': (ml, a) => {
    const y = need(a, 'y', 'list');
    const pred = need(a, 'pred', 'list');
    if (y.length !== pred.length) throw new RangeError('needs y= and pred= lists of the same length');
    const mse = ml.meanSquaredError(y, pred);
    return { mae: ml.meanAbsoluteError(y, pred), mse, rmse: Math.sqrt(mse), r2: ml.r2Score(y, pred) };
  },
  'log-loss': (ml, a) => ({ value: ml.logLoss(need(a, 'y', 'list'), need(a, 'p', 'list')) }),
  classification: (ml, a) => {
    const y = need(a, 'y', 'list');
    const yhat = need(a, 'yhat', 'list');
    return { accuracy: ml.accuracy(y, yhat), precision: ml.precision(y, yhat), recall: ml.recall(y, yhat), f1: ml.f1Score(y, yhat) };
  },
  // Metrics from the four counts of a confusion matrix (labels built from the counts).
  'confusion-counts': (ml, a) => {
    const [tp, fp, fn, tn] = ['tp', 'fp', 'fn', 'tn'].map((k) => (a[k] === undefined && k === 'tn' ? 0 : count(a, k)));
    const y = [...Array(tp).fill(1), ...Array(fp).fill(0), ...Array(fn).fill(1), ...Array(tn).fill(0)];
    const yhat = [...Array(tp).fill(1), ...Array(fp).fill(1), ...Array(fn).fill(0), ...Array(tn).fill(0)];
    if (!y.length) throw new RangeError('needs at least one example (tp, fp, fn, tn all 0)');
    return {
      accuracy: ml.accuracy(y, yhat), precision: ml.precision(y, yhat), recall: ml.recall(y, yhat),
      f1: ml.f1Score(y, yhat), fpr: fp + tn ? 1 - ml.specificity(y, yhat) : 0,
    };
  },
  auc: (ml, a) => ({ value: ml.mannWhitneyAuc(need(a, 'y', 'list'), need(a, 'scores', 'list')) }),
  // A ranking of scored examples: AUC by trapezoids and by counting pairs, and average precision.
  ranking: (ml, a) => {
    const y = need(a, 'y', 'list');
    const scores = need(a, 'scores', 'list');
    sameLength(y, scores, 'y and scores');
    return { auc: ml.rocAuc(y, scores), pairs: ml.mannWhitneyAuc(y, scores), ap: ml.averagePrecision(y, scores) };
  },
};
