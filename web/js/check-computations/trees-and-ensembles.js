// Trees and ensembles: a tree's best split, a random forest's bootstrap samples, AdaBoost rounds.

import { need, opt, scoped } from './args.js';

export const computations = {
  // The impurity of a node holding these labels (criterion 0 Gini, 1 entropy in bits), and the
  // best split of points on a line: its threshold and the weighted impurity of the two children.
  'tree-split': (ml, a) => scoped((track) => {
    const t = track(new ml.DecisionTree());
    const labels = need(a, 'labels', 'list');
    const x = a.points === undefined ? labels.map(() => 0) : need(a, 'points', 'list');
    t.setCriterion(opt(a, 'criterion', 0) === 1 ? 'entropy' : 'gini');
    t.setMaxDepth(1);
    t.setData(x, 1, labels);
    const impurity = t.loss();
    t.fit(1);
    const nodes = t.nodes();
    return { impurity, childImpurity: t.loss(), gain: impurity - t.loss(), threshold: nodes[0] >= 0 ? nodes[1] : NaN };
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
