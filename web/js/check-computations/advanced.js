// Check-yourself computations for the advanced lessons (losses, model selection,
// regularisation, classification metrics, ROC curves, bias–variance, learning curves), in the
// shape of web/js/check-computations.js: each takes the loaded engine and an object of named
// arguments and returns an object of named results, all from the engine.

import { need, opt, whole, scoped } from './args.js';

function count(args, name) { return whole(args, name, 0, 100000); }
function sameLength(a, b, what) {
  if (a.length !== b.length) throw new RangeError(`needs ${what} lists of the same length`);
}

export const computations = {
  // The penalty λ‖w‖² (l2) or λ‖w‖₁ (l1) of a weight vector, and the sums inside.
  penalty: (ml, a) => {
    const w = need(a, 'w', 'list');
    const lambda = need(a, 'lambda');
    const squares = ml.vectorDot(w, w);
    const sizes = ml.meanAbsoluteError(w, w.map(() => 0)) * w.length;
    return { squares, sizes, l2: lambda * squares, l1: lambda * sizes };
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
  // A ranking of scored examples: AUC by trapezoids and by counting pairs, and average precision.
  ranking: (ml, a) => {
    const y = need(a, 'y', 'list');
    const scores = need(a, 'scores', 'list');
    sameLength(y, scores, 'y and scores');
    return { auc: ml.rocAuc(y, scores), pairs: ml.mannWhitneyAuc(y, scores), ap: ml.averagePrecision(y, scores) };
  },
  // A degree-d polynomial fitted exactly (least squares) to x, y; its mean squared error there
  // and on validation points vx, vy; its prediction at `at`.
  'poly-fit': (ml, a) => scoped((track) => {
    const x = need(a, 'x', 'list');
    const y = need(a, 'y', 'list');
    sameLength(x, y, 'x and y');
    const m = track(new ml.PolynomialRegression());
    m.setDegree(need(a, 'degree'));
    m.setData(x, 1, y);
    m.solve();
    const out = { train: ml.meanSquaredError(y, m.predict(x).slice()) };
    if (a.vx !== undefined) {
      const vx = need(a, 'vx', 'list');
      const vy = need(a, 'vy', 'list');
      sameLength(vx, vy, 'vx and vy');
      out.validation = ml.meanSquaredError(vy, m.predict(vx).slice());
    }
    if (a.at !== undefined) out.prediction = m.predict([need(a, 'at')])[0];
    return out;
  }),
  // Several fitted models' predictions at one point, the truth f there and the noise standard
  // deviation s: bias², variance (population, over the fits), their sum, and with s² the expected error.
  'bias-variance-point': (ml, a) => scoped((track) => {
    const preds = need(a, 'preds', 'list');
    const f = need(a, 'f');
    const s = opt(a, 's', 0);
    const scaler = track(new ml.StandardScaler());
    scaler.fit(preds, 1);
    const mean = scaler.mean()[0];
    const bias2 = ml.meanSquaredError([f], [mean]);
    const variance = ml.meanSquaredError(preds, preds.map(() => mean));
    const error = ml.meanSquaredError(preds.map(() => f), preds);
    return { mean, bias2, variance, error, expected: error + s * s };
  }),
};
