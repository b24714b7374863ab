// Check-yourself computations for the expert lessons (SVM, PCA, cross-validation, ensembles),
// in the shape of web/js/check-computations.js: each takes the loaded engine and an object of
// named arguments and returns an object of named results, all from the engine.

import { need, opt, scoped } from './args.js';

// Points of the plane given as one flat list x1,y1,x2,y2,… .
function plane(args, name = 'points') {
  const flat = need(args, name, 'list');
  if (flat.length % 2) throw new RangeError(`needs ${name}= pairs x,y (an even count of numbers)`);
  return flat;
}

export const computations = {
  // The maximum-margin line of labelled points of the plane (labels 0/1; a very large C
  // approximates the hard margin): the street's width 2/‖w‖, w, b and the support vectors.
  'svm-margin': (ml, a) => scoped((track) => {
    const X = plane(a);
    const y = need(a, 'labels', 'list');
    const svm = track(new ml.LinearSVM());
    svm.setData(X, 2, y);
    svm.setC(opt(a, 'C', 1e6));
    svm.setPairsPerStep(1000);
    svm.reset(0);
    svm.fit(100000);
    const [w1, w2] = svm.weights();
    return { width: svm.marginWidth(), w1, w2, norm: Math.hypot(w1, w2), b: svm.bias(), supportVectors: svm.supportVectors().length };
  }),
  // PCA of points of the plane: the variances along PC1 and PC2 (sample covariance, n − 1),
  // PC1's share of the total, and PC1's angle in degrees in [0, 180).
  'pca-2d': (ml, a) => scoped((track) => {
    const pca = track(new ml.PCA());
    pca.setData(plane(a), 2, []);
    const [v1, v2] = pca.explainedVariance();
    const [c1, c2] = pca.components();
    const angle = ((Math.atan2(c2, c1) * 180) / Math.PI + 360) % 180;
    return { variance1: v1, variance2: v2, total: v1 + v2, share: pca.explainedVarianceRatio()[0], angle };
  }),
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
  // How many weights and biases a network with these hidden-layer sizes has (inputs features,
  // one sigmoid output unit), counted from the engine's MLP.
  'mlp-size': (ml, a) => scoped((track) => {
    const d = opt(a, 'inputs', 2);
    if (!Number.isInteger(d) || d < 1 || d > 64) throw new RangeError('needs inputs= a whole number 1 … 64');
    const hidden = a.hidden === undefined ? [] : need(a, 'hidden', 'list');
    const net = track(new ml.MLP());
    net.setLayers(hidden);
    net.setData(Array.from({ length: 2 * d }, (_, i) => (i < d ? 0 : 1)), d, [0, 1]);
    net.reset(0);
    return { params: net.params().length };
  }),
  // Bootstrap samples of n points drawn by the engine's random forest (one per tree): the
  // average share of the points a sample leaves out, and the average number of distinct points drawn.
  'bootstrap-left-out': (ml, a) => scoped((track) => {
    const n = need(a, 'n');
    const trees = opt(a, 'trees', 400);
    const forest = track(new ml.RandomForest());
    const X = Array.from({ length: n }, (_, i) => i);
    forest.setData(X, 1, X.map((i) => i % 2));
    forest.setMaxDepth(1);
    forest.setTreeCount(trees);
    forest.reset(opt(a, 'seed', 1));
    forest.fit(trees);
    let out = 0;
    for (let t = 0; t < trees; t++) for (const c of forest.inBagCounts(t)) if (c === 0) out += 1;
    const share = out / (trees * n);
    return { share, distinct: n * (1 - share) };
  }),
};
