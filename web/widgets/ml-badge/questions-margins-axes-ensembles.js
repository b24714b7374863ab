// Badge questions on support vector margins, principal axes and ensembles.
// Format: see bank.js.
// Every "why" says why that choice is right or wrong, in the course's own words; computed
// questions ask the engine for the answer, and their distractors are the numbers common
// mistakes give.

export const MARGINS_AXES_ENSEMBLES = [
  // ── margins, principal axes and ensembles ────────────────────────────────────────────────
  {
    id: 'svm-small-c', slot: 'margins-axes-ensembles', lesson: 'svm', topic: 'Support vector machines',
    q: 'In a soft-margin SVM, what does a small C do?',
    right: ['It tolerates violations for a wider street', 'C prices each violation; cheap violations let the SVM buy a wider margin (more bias, less variance).'],
    wrong: [
      ['It forbids points inside the margin', 'That is the hard margin, approached with a very large C.'],
      ['It makes the street narrower', 'A large C does that, by making violations expensive.'],
      ['It turns the SVM into k-means', 'C only changes how violations are priced; the model stays an SVM.'],
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
];
