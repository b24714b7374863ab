// Check-yourself computations for the frontier lessons (generalisation bound, bias–variance,
// kernels and the SVM margin, boosting). Same contract as web/js/check-computations.js: each
// takes the loaded engine and an object of named arguments (numbers, or arrays for comma lists)
// and returns an object of named results, every one of them computed by the engine.

import { need, opt, scoped } from './args.js';

export const computations = {
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
  // The hard-margin SVM on two points (p of class 1, q of class 0), by the engine's linear SVM
  // with a huge C: the distance from the boundary to either point (1/‖w‖), the width between
  // the margins (2/‖w‖), the dual weight α of each point, w and b.
  'svm-two-points': (ml, a) => scoped((track) => {
    const p = need(a, 'p', 'list');
    const q = need(a, 'q', 'list');
    if (p.length !== q.length) throw new RangeError('needs p= and q= of the same length');
    const svm = track(new ml.LinearSVM());
    svm.setData([...q, ...p], p.length, [0, 1]);
    svm.setC(1e6);
    svm.fit(1000);
    const w = svm.weights();
    const width = svm.marginWidth();
    const coef = svm.dualCoefficients();
    return { margin: width / 2, width, alpha: Math.max(...Array.from(coef, Math.abs)), bias: svm.bias(), w1: w[0], w2: w.length > 1 ? w[1] : NaN };
  }),
  // AdaBoost with stumps on points of a line (labels 0/1), run for `rounds` rounds (default 1):
  // the last round's weighted error ε, its vote in the lesson's form α = ½ ln((1 − ε)/ε) (half
  // the engine's SAMME vote), the bound ∏ 2√(ε(1 − ε)) so far, the ensemble's training error,
  // and the weight the last stump's mistakes hold after re-weighting.
  'adaboost-1d': (ml, a) => scoped((track) => {
    const x = need(a, 'points', 'list');
    const y = need(a, 'labels', 'list');
    const rounds = opt(a, 'rounds', 1);
    const ada = track(new ml.AdaBoost());
    ada.setData(x, 1, y);
    ada.setEstimatorCount(rounds);
    ada.setLearningRate(1);
    ada.reset(0);
    for (let r = 0; r < rounds; r++) ada.step();
    const last = ada.rounds() - 1;
    if (last < 0) throw new RangeError('no stump beats a coin flip on these points');
    const [, threshold, left, right] = ada.stumps().slice(5 * last, 5 * last + 5);
    const w = ada.sampleWeights();
    let mistakes = 0;
    x.forEach((v, i) => { if ((v <= threshold ? left : right) !== y[i]) mistakes += w[i]; });
    return {
      epsilon: ada.errors()[last], alpha: ada.alphas()[last] / 2, bound: ada.bounds()[last],
      trainingError: ada.trainingErrors()[last], mistakesWeight: mistakes, threshold,
    };
  }),
};
