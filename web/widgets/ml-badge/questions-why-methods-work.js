// Badge questions on why the methods work: why k-means always stops, how boosting weighs its
// votes, kernels, when fitting generalises (Hoeffding), and the bias–variance decomposition.
// Format: see bank.js.
// Every "why" says why that choice is right or wrong, in the course's own words; computed
// questions ask the engine for the answer, and their distractors are the numbers common
// mistakes give.

export const WHY_METHODS_WORK = [
  // ── the Frontier lessons: why the methods work ───────────────────────────────────────────
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
    q: 'Hoeffding\'s bound says P(|training error − true error| > ε) ≤ 2·e^(-2nε²) for one classifier fixed in advance. With four times as many points, the same confidence allows…',
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
];
