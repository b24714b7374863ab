// Generalisation: the train–test gap, the Hoeffding bound, bias and variance.

import { need, opt, scoped } from './args.js';

export const computations = {
  // The train-vs-test widget's experiment: two moons (points, noise, seed) split half and half by
  // the engine with the same seed, a decision tree of the given depth trained on one half.
  // Accuracies as fractions; gap = train − test in percentage points.
  'tree-train-test': (ml, a) => scoped((track) => {
    const d = ml.makeMoons(need(a, 'points'), need(a, 'noise'), need(a, 'seed'));
    const split = ml.trainValidationTestSplit(d.y, 0, 0.5, need(a, 'seed'), true);
    const part = (rows) => ({ X: Array.from(rows).flatMap((r) => [d.X[2 * r], d.X[2 * r + 1]]), y: Array.from(rows, (r) => d.y[r]) });
    const train = part(split.train);
    const test = part(split.test);
    const m = track(new ml.DecisionTree());
    m.setMaxDepth(need(a, 'depth'));
    m.setData(train.X, 2, train.y);
    m.fit(100000);
    const tr = m.score(train.X, train.y);
    const te = m.score(test.X, test.y);
    return { train: tr, test: te, gap: 100 * (tr - te) };
  }),
  // The Hoeffding + union bound ε = √((ln|H| + ln(2/δ)) / 2n) for n points and failure
  // probability δ. The class is given by its size (size=|H|) or as binary trees of a depth on
  // some features with G thresholds each (depth=, features=, grid=), as in the lesson.
  hoeffding: (ml, a) => {
    const n = need(a, 'n');
    const delta = need(a, 'delta');
    const logSize = a.size !== undefined
      ? Math.log(need(a, 'size'))
      : ml.treeClassLogSize(need(a, 'depth'), need(a, 'features'), need(a, 'grid'));
    return { epsilon: ml.hoeffdingUnionBound(n, logSize, delta), logSize };
  },
  // The engine's bias–variance estimate for k-NN regression on sin x, with the widget's setting
  // (30 evenly spaced inputs kept fixed, 100 refits, a grid of 60, seed 1) unless told otherwise.
  'bias-variance': (ml, a) => scoped((track) => {
    const knn = track(new ml.KNearestNeighbors());
    knn.setMode('regress');
    knn.setK(need(a, 'k'));
    const r = ml.biasVariance(knn, null, {
      noise: need(a, 'noise'), sampleSize: opt(a, 'points', 30), refits: opt(a, 'refits', 100),
      gridSize: opt(a, 'grid', 60), seed: opt(a, 'seed', 1), maxSteps: 1, fixedX: opt(a, 'fixedX', 1) !== 0,
    });
    return { variance: r.meanVariance, bias2: r.meanBias2, noise: r.noiseVariance, expected: r.meanExpectedError };
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
