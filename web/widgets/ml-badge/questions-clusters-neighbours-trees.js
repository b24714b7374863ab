// Badge questions on k-means, k-nearest neighbours and decision trees: centroid moves, inertia,
// votes and Gini impurities computed by the engine.
// Format: see bank.js.
// Every "why" says why that choice is right or wrong, in the course's own words; computed
// questions ask the engine for the answer, and their distractors are the numbers common
// mistakes give.
import { formatNumber } from '../../lib/format.js';

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

// The class shares of a k-NN vote at one query, on 1-D points.
function knn(ml, xs, ys, k, query) {
  return ml.scoped((track) => {
    const m = track(new ml.KNearestNeighbors());
    m.setMode('classify');
    m.setData(xs, 1, ys);
    m.setK(k);
    m.fit(1);
    return Array.from(m.predictProba([query]));
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

const f2 = (v) => formatNumber(v, 2);
const f3 = (v) => formatNumber(v, 3);

export const CLUSTERS_NEIGHBOURS_TREES = [
  // ── k-means ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'kmeans-move', slot: 'kmeans', kind: 'choice', digits: 2,
    // The start c₂ = 4.5 leaves no point equally far from both centroids (3 is 1 from c₁ and 1.5
    // from c₂), so the answer needs no tie rule.
    q: () => 'k-means with k = 2 runs on the points 1, 2, 3, 9, 10, 11 from the starting centroids c₁ = 2 and c₂ = 4.5. Where is c₂ after one assign-and-move iteration?',
    compute(ml) {
      const r = kmeans1d(ml, [1, 2, 3, 9, 10, 11], [2, 4.5]);
      return {
        value: r.afterOne[1],
        why: `1, 2 and 3 are nearer 2 than 4.5, so they join c₁; 9, 10 and 11 are nearer 4.5, so they join c₂, which moves to their mean ${f2(r.afterOne[1])}.`,
        mistakes: [
          { value: 4.5, why: 'The centroid does not stay put: after the assignment it moves to the mean of its points.' },
          { value: 6, why: '6 is the mean of all six points; c₂ only averages the points assigned to it.' },
          { value: (3 + 9 + 10 + 11) / 4, why: 'That counts 3 in c₂\'s cluster, but 3 is 1 from c₁ = 2 and 1.5 from c₂ = 4.5, so it joins c₁.' },
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
        why: `The run ends with clusters {0, 2, 4} around ${f2(r.centroids[0])} and {10, 11, 12} around ${f2(r.centroids[1])}. The inertia adds the squared distances: 4 + 0 + 4 + 1 + 0 + 1 = ${formatNumber(r.inertia, 1)}.`,
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

  // ── k-nearest neighbours ─────────────────────────────────────────────────────────────────
  {
    id: 'knn-vote', slot: 'knn', kind: 'number', digits: 2,
    q: () => 'Training points on a line: x = 0, 1, 2, 5, 6, 9 with classes 0, 0, 1, 1, 1, 0. k-NN with k = 3 is asked about x = 3.2. What share of the vote goes to class 1? (two decimals)',
    compute(ml) {
      const xs = [0, 1, 2, 5, 6, 9];
      const ys = [0, 0, 1, 1, 1, 0];
      const value = knn(ml, xs, ys, 3, 3.2)[1];
      return {
        value,
        why: `The three nearest are x = 2 (class 1), 5 (class 1) and 1 (class 0), so class 1 gets 2 of 3 votes: ${f2(value)}.`,
        mistakes: [
          { value: 1 - value, why: 'That is class 0\'s share of the vote.' },
          { value: knn(ml, xs, ys, 5, 3.2)[1], why: 'That is the vote with k = 5 neighbours.' },
        ],
      };
    },
  },
  {
    id: 'knn-lazy', slot: 'knn',
    q: 'k-NN is called a lazy learner. Why?',
    right: ['It does its work at prediction time', 'Training only stores the points. The distances and the vote are all worked out when a query arrives, so training is instant and predictions get slow on big data sets.'],
    wrong: [
      ['Only a few of its neighbours get a vote', 'k sets how many neighbours vote; lazy is about when the work happens, not how many points take part.'],
      ['It stops training as soon as it can', 'There is no training run to stop: k-NN fits no parameters at all, it keeps the training points.'],
      ['Its boundary is always smooth', 'With k = 1 the boundary bends around every point; how smooth it is depends on k.'],
    ],
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

  // ── decision trees ───────────────────────────────────────────────────────────────────────
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
];
