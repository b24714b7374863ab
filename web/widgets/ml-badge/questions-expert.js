// Badge questions for the expert level (k-means, neighbours, trees, cross-validation, margins,
// principal axes, ensembles), the Frontier and the landscape (reinforcement learning, neural
// networks). Format: see bank.js.
import { formatNumber } from '../../lib/format.js';

const f2 = (v) => formatNumber(v, 2);
const f3 = (v) => formatNumber(v, 3);

// k-means on 1-D points from given starting centroids: centroids after one iteration and the
// inertia once converged.
function kmeans1d(ml, points, start) {
  return ml.scoped((track) => {
    const m = track(new ml.KMeans());
    m.setData(points, 1, []);
    m.setCentroids(start);
    m.step();
    const afterOne = Array.from(m.centroids());
    m.fit(100);
    return { afterOne, inertia: m.inertia(), centroids: Array.from(m.centroids()) };
  });
}

function knn(ml, xs, ys, k, mode, query) {
  return ml.scoped((track) => {
    const m = track(new ml.KNearestNeighbors());
    m.setMode(mode);
    m.setData(xs, 1, ys);
    m.setK(k);
    m.fit(1);
    if (mode === 'classify') return Array.from(m.predictProba([query]));
    return m.predict([query])[0];
  });
}

// A fitted 1-feature decision tree: root impurity and the leaves' weighted impurity (loss).
function tree(ml, xs, ys, depth) {
  return ml.scoped((track) => {
    const m = track(new ml.DecisionTree());
    m.setCriterion('gini');
    m.setData(xs, 1, ys);
    const rootGini = m.loss();
    m.setMaxDepth(depth);
    m.fit(100);
    return { rootGini, leafGini: m.loss() };
  });
}

export const EXPERT = [
  // ── expert: k-means ──────────────────────────────────────────────────────────────────────
  {
    id: 'kmeans-move', slot: 'kmeans', kind: 'choice', digits: 2,
    q: () => 'k-means with k = 2 runs on the points 1, 2, 3, 9, 10, 11 from the starting centroids c₁ = 2 and c₂ = 4. Where is c₂ after one assign-and-move iteration?',
    compute(ml) {
      const r = kmeans1d(ml, [1, 2, 3, 9, 10, 11], [2, 4]);
      return {
        value: r.afterOne[1],
        why: `9, 10 and 11 are nearer 4 than 2, so they join c₂, which moves to their mean ${f2(r.afterOne[1])}. (3 is equally far from both and goes to the first centroid.)`,
        mistakes: [
          { value: 4, why: 'The centroid does not stay put: after the assignment it moves to the mean of its points.' },
          { value: 6, why: '6 is the mean of all six points; c₂ only averages the points assigned to it.' },
          { value: (3 + 9 + 10 + 11) / 4, why: 'That counts 3 in c₂\'s cluster; a tie goes to the first centroid, c₁.' },
        ],
      };
    },
  },
  {
    id: 'kmeans-inertia', slot: 'kmeans', kind: 'number', digits: 1,
    q: () => 'k-means with k = 2 on the points 0, 2, 4, 10, 11, 12, started at c₁ = 1 and c₂ = 5, runs until nothing changes. What is the final inertia? (one decimal)',
    compute(ml) {
      const r = kmeans1d(ml, [0, 2, 4, 10, 11, 12], [1, 5]);
      return {
        value: r.inertia,
        why: `It ends with clusters {0, 2, 4} around ${f2(r.centroids[0])} and {10, 11, 12} around ${f2(r.centroids[1])}. The inertia adds the squared distances: 4 + 0 + 4 + 1 + 0 + 1 = ${formatNumber(r.inertia, 1)}.`,
        mistakes: [
          { value: 6, why: 'That adds the distances without squaring them; inertia is a sum of squares.' },
          { value: r.inertia / 6, why: 'That is the average per point; inertia is the total.' },
        ],
      };
    },
  },
  {
    id: 'kmeans-restarts', slot: 'kmeans',
    q: 'Two k-means runs on the same data, started from different centroids, end with different clusters. Why?',
    right: ['Each run ends in a local minimum', 'Each run stops at a local minimum of the inertia, and the start decides which one. That is why k-means is usually run from several starts and the lowest inertia kept.'],
    wrong: [
      ['One of the runs has a bug', 'Different endings are normal for k-means; both runs followed the same rules.'],
      ['k-means never converges', 'It always stops (the inertia can only fall); it just may stop in different places.'],
      ['The data changed between runs', 'The same data can give different results from different starts.'],
    ],
  },

  // ── expert: k-nearest neighbours ─────────────────────────────────────────────────────────
  {
    id: 'knn-vote', slot: 'knn', kind: 'number', digits: 2,
    q: () => 'Training points on a line: x = 0, 1, 2, 5, 6, 9 with classes 0, 0, 1, 1, 1, 0. k-NN with k = 3 is asked about x = 3.2. What share of the vote goes to class 1? (two decimals)',
    compute(ml) {
      const xs = [0, 1, 2, 5, 6, 9];
      const ys = [0, 0, 1, 1, 1, 0];
      const value = knn(ml, xs, ys, 3, 'classify', 3.2)[1];
      return {
        value,
        why: `The three nearest are x = 2 (class 1), 5 (class 1) and 1 (class 0), so class 1 gets 2 of 3 votes: ${f2(value)}.`,
        mistakes: [
          { value: 1 - value, why: 'That is class 0\'s share of the vote.' },
          { value: knn(ml, xs, ys, 5, 'classify', 3.2)[1], why: 'That is the vote with k = 5 neighbours.' },
        ],
      };
    },
  },
  {
    id: 'knn-regress', slot: 'knn', kind: 'choice', digits: 1,
    q: () => 'k-NN regression with k = 3. Training points (x, y): (1, 10), (2, 12), (4, 20), (7, 30), (8, 31). What does it predict at x = 3?',
    compute(ml) {
      const value = knn(ml, [1, 2, 4, 7, 8], [10, 12, 20, 30, 31], 3, 'regress', 3);
      return {
        value,
        why: `The three nearest x are 2, 4 and 1; their y average to (12 + 20 + 10) / 3 = ${f2(value)}.`,
        mistakes: [
          { value: (10 + 12 + 20 + 30 + 31) / 5, why: 'That averages all five points; k-NN uses only the k nearest.' },
          { value: 12, why: 'That is the median of the three neighbours; k-NN regression averages them.' },
          { value: (12 + 20) / 2, why: 'That uses only the two nearest; k = 3 includes x = 1 as well.' },
        ],
      };
    },
  },
  {
    id: 'knn-k1', slot: 'knn',
    q: 'What kind of decision boundary does k-NN with k = 1 tend to draw?',
    right: ['A jagged one that bends around every point', 'Each training point owns the space around it, so a single mislabelled point carves out its own island.'],
    wrong: [
      ['A straight line', 'k-NN draws no line; the boundary follows wherever the nearest points change class.'],
      ['The smoothest boundary possible', 'Smoothness comes from a larger k, which averages more votes.'],
      ['One with ties at every query', 'With a single neighbour there is nothing to tie.'],
    ],
  },

  // ── expert: decision trees ───────────────────────────────────────────────────────────────
  {
    id: 'gini-box', slot: 'decision-trees', kind: 'number', digits: 3,
    q: () => 'A box of a decision tree holds 6 points of class A and 2 of class B. What is its Gini impurity? (three decimals)',
    compute(ml) {
      const { rootGini } = tree(ml, [1, 2, 3, 4, 5, 6, 7, 8], [0, 0, 0, 0, 0, 0, 1, 1], 1);
      return {
        value: rootGini,
        why: `G = 1 − (p_A² + p_B²) = 1 − (0.75² + 0.25²) = ${f3(rootGini)}.`,
        mistakes: [
          { value: 0.75 ** 2 + 0.25 ** 2, why: 'That is Σp² alone; the Gini impurity is 1 minus it.' },
          { value: 0.25, why: 'That is the minority share, not the impurity.' },
          { value: -(0.75 * Math.log2(0.75) + 0.25 * Math.log2(0.25)), why: 'That is the entropy in bits, a different impurity measure.' },
        ],
      };
    },
  },
  {
    id: 'gini-split', slot: 'decision-trees', kind: 'choice', digits: 3,
    q: () => 'Seven points on a line, x = 1 … 7, have classes 0, 0, 0, 0, 1, 1, 0. A depth-1 tree makes its best cut. What is the size-weighted Gini impurity of the two children?',
    compute(ml) {
      const xs = [1, 2, 3, 4, 5, 6, 7];
      const ys = [0, 0, 0, 0, 1, 1, 0];
      const { rootGini, leafGini } = tree(ml, xs, ys, 1);
      const right = 1 - ((2 / 3) ** 2 + (1 / 3) ** 2);
      return {
        value: leafGini,
        why: `The best cut is between 4 and 5: the left box {0, 0, 0, 0} is pure and the right box {1, 1, 0} has G = ${f3(right)}, so the weighted impurity is 3/7 × ${f3(right)} = ${f3(leafGini)}.`,
        mistakes: [
          { value: right / 2, why: 'That averages the two children equally; they must be weighted by their sizes (4 and 3 points).' },
          { value: rootGini, why: 'That is the impurity before any cut (5 of class 0, 2 of class 1).' },
          { value: (6 / 7) * (1 - ((4 / 6) ** 2 + (2 / 6) ** 2)), why: 'That is the cut between 6 and 7, which leaves a bigger mixed box; the tree picks the lowest weighted impurity.' },
        ],
      };
    },
  },
  {
    id: 'deep-tree', slot: 'decision-trees',
    q: 'A decision tree is grown until every box is pure, on noisy data. What usually happens to its test accuracy?',
    right: ['It stalls or drops', 'The tiny boxes around stray points describe noise. Training purity reaches 100%, but fresh points landing in those boxes are often misclassified. Depth is the complexity knob.'],
    wrong: [
      ['It reaches 100% like the training accuracy', 'Pure training boxes do not make new points pure.'],
      ['It always keeps rising with depth', 'It rises at first, then the extra cuts fit noise.'],
      ['It cannot be measured for a deep tree', 'Any tree can be scored on fresh points.'],
    ],
  },
  {
    id: 'tree-scaling', slot: 'decision-trees',
    q: 'Does a decision tree need its features standardised first?',
    right: ['No: cuts work the same in any units', 'Rescaling a feature moves its thresholds with it, so the tree makes the same cuts.'],
    wrong: [
      ['Yes, like every model', 'Distance-based models need it; a tree compares one feature with a threshold at a time.'],
      ['Yes, or else the Gini impurity comes out wrong', 'The Gini impurity counts classes in a box; units do not enter it.'],
      ['Only for the root split', 'No split depends on the units.'],
    ],
  },

  // ── expert: feature scaling and cross-validation ─────────────────────────────────────────
  {
    id: 'kfold-train-size', slot: 'cross-validation', kind: 'number', digits: 0, tolerance: 0,
    q: () => '22 points are split into k = 5 folds (the first folds take the extra points). How many points does the model train on in the first round, when fold 1 is held out?',
    compute(ml) {
      const folds = ml.kFold(22, 5, false, 0);
      const testSize = folds[0].test.length;
      return {
        value: folds[0].train.length,
        why: `22 = 5 + 5 + 4 + 4 + 4, so fold 1 holds ${testSize} points and the model trains on the other ${folds[0].train.length}.`,
        mistakes: [
          { value: testSize, why: 'That is the size of the held-out fold; the model trains on the rest.' },
          { value: 22, why: 'Training on all 22 would include the held-out fold.' },
          { value: 18, why: 'With 22 points the first folds take 5, not 4 (22 = 5 + 5 + 4 + 4 + 4).' },
        ],
      };
    },
  },
  {
    id: 'cv-why', slot: 'cross-validation',
    q: 'Why use k-fold cross-validation instead of a single train/test split on a small data set?',
    right: ['Every point gets tested; the average is steadier', 'Every point is tested exactly once, and the average over k folds depends less on one lucky split. A single split gives one number that changes with which points landed in the test part.'],
    wrong: [
      ['It trains the final model k times faster', 'It costs k trainings instead of one.'],
      ['It removes the need for any test data', 'Each fold is test data for its round; and a final check on untouched data is still wise.'],
      ['It makes the training error smaller', 'CV measures error on held-out folds; it does not change how well the model fits.'],
    ],
  },
  {
    id: 'z-score', slot: 'cross-validation', kind: 'number', digits: 2,
    q: () => 'Three training rows have ages 20, 30 and 40. After standardising with their mean and (population) standard deviation, what does the age 40 become? (two decimals)',
    compute(ml) {
      const { value, mean, scale } = ml.scoped((track) => {
        const s = track(new ml.StandardScaler());
        s.fit([20, 30, 40], 1);
        return { value: s.transform([40], 1)[0], mean: s.mean()[0], scale: s.scale()[0] };
      });
      return {
        value,
        why: `The mean is ${formatNumber(mean, 0)} and the standard deviation s = √(200/3) ≈ ${f2(scale)}, so (40 − ${formatNumber(mean, 0)}) / ${f2(scale)} = ${f2(value)}.`,
        mistakes: [
          { value: 1, why: 'That divides by the sample standard deviation (n − 1 = 2 in the denominator, giving 10); the scaler uses the population one.' },
          { value: 10, why: 'That only subtracts the mean; standardising also divides by the standard deviation.' },
        ],
      };
    },
  },
  {
    id: 'scaler-fit-where', slot: 'cross-validation',
    q: 'Where should a standardiser learn its means and standard deviations?',
    right: ['On the training rows only', 'The same numbers are then applied unchanged to validation and test rows. Otherwise the held-out rows have already shaped the model: leakage that flatters the score.'],
    wrong: [
      ['On all the rows, so the numbers are more accurate', 'That lets the test rows leak into the preparation, so the test score is optimistic.'],
      ['Separately on each of train, validation and test', 'Each part would then be rescaled differently, and the model would see shifted inputs.'],
      ['On the test rows only', 'The test rows must play no part in building the model.'],
    ],
  },
  {
    id: 'unscaled-knn', slot: 'cross-validation',
    q: 'k-NN is given income (0 to 100 000) and age (0 to 100) as they are. What goes wrong, and what fixes it?',
    right: ['Income dominates; standardise both', 'A gap of 1 000 in income swamps any age gap, so age is ignored. Standardising puts both on the same footing.'],
    wrong: [
      ['Nothing: k-NN works the same in any units', 'k-NN measures distances, and distances add up raw feature differences.'],
      ['Age dominates; drop income', 'The feature with the larger range dominates: that is income.'],
      ['k must be raised to 1 000', 'A larger k does not change which feature dominates the distances.'],
    ],
  },

  // ── expert: margins, principal axes and ensembles ────────────────────────────────────────
  {
    id: 'svm-small-c', slot: 'margins-axes-ensembles', lesson: 'svm', topic: 'Support vector machines',
    q: 'In a soft-margin SVM, what does a small C do?',
    right: ['It tolerates violations: a wider street', 'C prices each violation; cheap violations let the SVM buy a wider margin (more bias, less variance).'],
    wrong: [
      ['It forbids points inside the margin', 'That is the hard margin, approached with a very large C.'],
      ['Makes the street narrower', 'A large C does that, by making violations expensive.'],
      ['Turns the SVM into k-means', 'C only changes how violations are priced; the model stays an SVM.'],
    ],
  },
  {
    id: 'pca-pc1', slot: 'margins-axes-ensembles', lesson: 'pca', topic: 'Principal component analysis',
    q: 'Which direction does the first principal component point along?',
    right: ['The direction in which the data spreads the most', 'PC1 captures the largest variance: it is the top eigenvector of the covariance matrix.'],
    wrong: [
      ['The first feature\'s axis', 'PC1 can point anywhere; it follows the data\'s spread, not the coordinate axes.'],
      ['The direction in which the data spreads the least', 'That is the last principal component.'],
      ['The regression line of the second feature on the first', 'Regression minimises vertical misses only; PC1 minimises perpendicular distances.'],
    ],
  },
  {
    id: 'bagging-variance', slot: 'margins-axes-ensembles', lesson: 'ensembles', topic: 'Ensembles',
    q: 'Bagging trains many trees on bootstrap resamples and lets them vote. What does it mainly reduce?',
    right: ['Variance', 'Each tree\'s quirks depend on its resample; averaging many cancels those wobbles while keeping the shared signal.'],
    wrong: [
      ['Bias', 'Each bagged tree is as flexible as a single tree, so the bias stays about the same.'],
      ['The number of features', 'Bagging resamples rows; it keeps every feature.'],
      ['Training time', 'Training many trees takes longer than training one.'],
    ],
  },

  // ── frontier ─────────────────────────────────────────────────────────────────────────────
  {
    id: 'kmeans-stops', slot: 'frontier', lesson: 'frontier-kmeans', topic: 'Why k-means always stops',
    q: 'Why must k-means stop after finitely many iterations?',
    right: ['The inertia never rises and assignments are finite', 'Neither half-step can raise the inertia. It falls or stays put at every move, so no assignment can come back after a strict fall; with finitely many assignments the run must end.'],
    wrong: [
      ['Because it always finds the best possible clustering', 'It stops, but often at a local minimum, not the best one.'],
      ['Because the number of iterations is capped', 'A cap is a safety net; the argument shows it stops even without one.'],
      ['Because centroids can only move towards the origin', 'Centroids move to their clusters\' means, wherever those are.'],
    ],
  },
  {
    id: 'boosting-vote', slot: 'frontier', lesson: 'frontier-boosting', topic: 'Boosting',
    q: 'In AdaBoost a stump\'s vote is α = ½·ln((1 − ε)/ε), with ε its weighted error. What vote does a stump with ε = 0.5 get?',
    right: ['α = 0', 'A stump no better than guessing: (1 − 0.5)/0.5 = 1 and ln 1 = 0, so a coin-flip rule gets no say.'],
    wrong: [
      ['α = 0.5', 'The vote is the log expression, not ε itself.'],
      ['α = 1', 'The ratio (1 − ε)/ε is 1, but the vote is its logarithm, and ln 1 = 0.'],
      ['α < 0', 'Negative votes come from ε above 0.5; at exactly 0.5 the vote is zero.'],
    ],
  },
  {
    id: 'kernel-trick', slot: 'frontier', lesson: 'frontier-kernels', topic: 'Kernels',
    q: 'The map φ(x) = (x₁², √2·x₁x₂, x₂²) satisfies φ(a)·φ(b) = (a·b)². Why does that matter?',
    right: ['Feature-space dot products come from original ones', 'A model can work in the feature space using only dot products in the original space: the kernel trick; the new features never have to be computed.'],
    wrong: [
      ['It makes the data linearly separable in its original space', 'The separation happens in the feature space; in the original space the boundary is curved.'],
      ['It shows the feature space has fewer dimensions', 'It has more (here three instead of two).'],
      ['It removes the need for labels', 'A kernel changes the features, not the need for labelled data.'],
    ],
  },
  {
    id: 'hoeffding-n', slot: 'frontier', lesson: 'frontier-generalisation', topic: 'When fitting generalises',
    q: 'Hoeffding\'s bound says P(|training error − true error| > ε) ≤ 2·e^(−2nε²) for one classifier fixed in advance. With four times as many points, the same confidence allows…',
    right: ['a gap ε half as large', 'The exponent depends on n·ε²; quadrupling n lets ε halve for the same bound.'],
    wrong: [
      ['a gap ε four times smaller', 'ε enters squared, so four times the data buys only a factor 2.'],
      ['the same gap ε', 'More data always tightens the bound for a fixed classifier.'],
      ['any classifier chosen after seeing the data', 'The single-classifier bound assumes the classifier was fixed first; choosing among many needs a union bound.'],
    ],
  },
  {
    id: 'estimated-decomposition', slot: 'frontier', lesson: 'frontier-bias-variance', topic: 'The bias–variance decomposition',
    q: 'You retrain a model on 50 fresh samples and estimate bias², variance and noise from them. How do the three estimates relate to the measured average error?',
    right: ['They add up only approximately', 'The decomposition is an exact identity for expected values; estimates from 50 retrainings carry sampling error, so the sum is close but not exact.'],
    wrong: [
      ['They add up exactly, always', 'That holds for the true expectations, not for estimates from a finite number of retrainings.'],
      ['They have nothing to do with each other', 'Their sum approximates the average error, as the identity predicts.'],
      ['Their product equals the error', 'The parts add; they do not multiply.'],
    ],
  },

  // ── landscape: reinforcement learning ────────────────────────────────────────────────────
  {
    id: 'grid-value', slot: 'reinforcement-learning', kind: 'number', digits: 2, lesson: 'q-learning', topic: 'Q-learning and returns',
    q: () => 'On an open 4 × 4 grid the agent starts in the top-left corner; entering the bottom-right goal pays +1, other moves pay 0, and the discount is γ = 0.9. What is the best possible return from the start? (two decimals)',
    compute(ml) {
      const v = ml.scoped((track) => {
        const g = track(new ml.Gridworld());
        g.setSize(4, 4);
        return g.valueIteration(0.9, 1e-12)[0];
      });
      return {
        value: v,
        why: `The shortest path takes 6 moves and the +1 arrives with the 6th, so it is discounted 5 times: 0.9⁵ = ${f2(v)}.`,
        mistakes: [
          { value: 0.9 ** 6, why: 'That discounts 6 times; the reward for the 6th move is discounted once per move before it (5 times).' },
          { value: 1, why: 'That ignores the discount: a reward 6 moves away is worth less than one now.' },
        ],
      };
    },
  },
  {
    id: 'epsilon-zero', slot: 'reinforcement-learning', lesson: 'explore-or-exploit', topic: 'Explore or exploit',
    q: 'An ε-greedy learner is run with ε = 0. What can go wrong?',
    right: ['It may lock onto an early winner and never explore', 'It can settle on the first option that paid well. With no exploration an option that was unlucky early never gets another chance; its regret grows in a straight line.'],
    wrong: [
      ['Nothing: always taking the best estimate is optimal', 'The best estimate is not the best option while estimates are still rough.'],
      ['It picks options completely at random', 'Picking at random every time is ε = 1; with ε = 0 it never explores.'],
      ['It cannot update its estimates', 'It still updates the estimates of what it pulls; it just never pulls the others.'],
    ],
  },
  {
    id: 'gamma-zero', slot: 'reinforcement-learning', lesson: 'q-learning', topic: 'Q-learning and returns',
    q: 'A Q-learning agent is trained with discount γ = 0. What does it learn?',
    right: ['Only the immediate reward of each move', 'So only cells beside the goal learn anything: with γ = 0 the update ignores what follows, so value cannot spread backwards from the goal.'],
    wrong: [
      ['The same values as with γ = 0.9, only faster', 'γ sets how much the future counts; with 0 it counts not at all.'],
      ['To value long paths more than short ones', 'Discounting below 1 never favours longer paths; γ = 0 sees only one step.'],
      ['Nothing at all, anywhere', 'Moves that enter the goal still earn their immediate +1.'],
    ],
  },

  // ── landscape: neural networks and practice ──────────────────────────────────────────────
  {
    id: 'sigmoid-chain', slot: 'neural-landscape', kind: 'number', digits: 3, lesson: 'activation-functions', topic: 'Vanishing gradients',
    q: () => 'A chain of three one-unit sigmoid layers, aₗ = σ(1·aₗ₋₁ + 0), starts from a₀ = 0. What is the gradient ∂a₃/∂a₀ that reaches the input? (three decimals)',
    compute(ml) {
      const chain = ml.gradientChain('sigmoid', 3, 1, 0, 0);
      const value = chain.gradient[0];
      const factors = Array.from(chain.localFactor).map(f3).join(' × ');
      return {
        value,
        why: `By the chain rule it is the product of the layers' slopes w·σ′(zₗ): ${factors} = ${f3(value)}. Each sigmoid slope is at most 0.25, so the gradient fades with depth.`,
        mistakes: [
          { value: 0.25 ** 3, why: '0.25³ uses the sigmoid\'s largest slope for every layer; only the first layer has z = 0, the others have z > 0 and flatter slopes.' },
          { value: 0.25, why: 'That is the slope of one layer at z = 0; three layers multiply three slopes.' },
        ],
      };
    },
  },
  {
    id: 'edge-filter', slot: 'neural-landscape', kind: 'choice', digits: 0, lesson: 'convolution-filters', topic: 'Convolution filters',
    q: () => 'The 3 × 3 image with rows (1, 2, 3), (4, 5, 6), (7, 8, 9) is filtered with the 3 × 3 kernel whose rows are all (−1, 0, 1), without padding, as convolution layers do. What is the single output value?',
    compute(ml) {
      const img = [1, 2, 3, 4, 5, 6, 7, 8, 9];
      const kernel = [-1, 0, 1, -1, 0, 1, -1, 0, 1];
      const value = ml.convolve2d(img, 3, kernel, 'valid').values[0];
      return {
        value,
        why: `Each row contributes right minus left: (3 − 1) + (6 − 4) + (9 − 7) = ${formatNumber(value, 0)}. The filter responds to brightness rising from left to right.`,
        mistakes: [
          { value: -value, why: 'That flips the kernel (textbook convolution); neural-network layers slide it unflipped (cross-correlation).' },
          { value: 2, why: 'That is one row only; the kernel covers all three.' },
          { value: 45, why: 'That is the sum of all pixels, as if every kernel weight were 1.' },
        ],
      };
    },
  },
  {
    id: 'leaky-pipeline', slot: 'neural-landscape', lesson: 'pipeline-leakage', topic: 'Pipelines and leakage',
    q: 'You pick the 10 columns most correlated with the label using the whole table, then cross-validate a model on them. What is wrong?',
    right: ['The held-out rows helped choose the columns', 'So the CV score is optimistic. The selection is part of the model; it must be redone inside each fold on that fold\'s training rows.'],
    wrong: [
      ['Nothing: column selection is not training', 'Anything learned from rows — means, fill values, chosen columns — is part of the model.'],
      ['10 columns are too few for cross-validation', 'The number of columns is not the issue; where they were chosen is.'],
      ['Correlation cannot be used to choose columns', 'It can, as long as it is computed on training rows only.'],
    ],
  },
  {
    id: 'softmax-attention', slot: 'neural-landscape', lesson: 'attention-toy', topic: 'Attention',
    q: 'In attention, each token\'s scores against the other tokens go through a softmax. What does that make of them?',
    right: ['Positive weights summing to 1 per token', 'The output is then a weighted average of the value vectors.'],
    wrong: [
      ['Zeros and ones: one pick per token', 'Softmax gives soft weights; every token gets some share.'],
      ['Scores that add up to 0', 'exp is always positive, so the weights are positive and sum to 1.'],
      ['The same weight for every token', 'Higher scores get larger weights; equal weights happen only for equal scores.'],
    ],
  },
];
