// Data and engine calls shared by the model-comparison and regression-metrics widgets, their
// lessons' claims tests and the check-yourself computations. Kept free of the DOM: every function
// takes the loaded engine `ml` and returns plain numbers and arrays.

// ---- comparing two classifiers (model-comparison) ----

// The models a learner can pick, each built by the engine with fixed settings (their names are
// words of the model-comparison widget's table, model-comparison.messages.js). `random` says
// whether the model's reset(seed) changes what it learns (so two copies with different seeds are
// two different but equally good models).
export const MODELS = {
  logistic: { random: false, make: (ml) => new ml.LogisticRegression() },
  knn: { random: false, make: (ml) => { const m = new ml.KNearestNeighbors(); m.setK(15); return m; } },
  tree: { random: false, make: (ml) => { const m = new ml.DecisionTree(); m.setMaxDepth(4); return m; } },
  forest: { random: true, make: (ml) => { const m = new ml.RandomForest(); m.setTreeCount(15); return m; } },
};
export const MODEL_NAMES = Object.keys(MODELS);
// Gradient steps for the models that take them (logistic regression); the others fit in one go.
export const MAX_STEPS = 2000;
// Sign patterns for the permutation test: with k ≤ 12 folds 2^k ≤ 4096, so it is exact.
export const PERMUTATIONS = 4096;
// Share of the points held out as the one test set of McNemar's test.
export const TEST_FRACTION = 0.3;
// The significance level the lesson and the widget use.
export const ALPHA = 0.05;

// The model-comparison widget's defaults (its schema reads them from here, as do the claims tests).
export const COMPARISON_DEFAULTS = { modelA: 'forest', modelB: 'logistic', points: 200, noise: 0.3, k: 10, resamples: 200, seed: 4 };

export function moons(ml, points, noise, seed) {
  return ml.makeMoons(points, noise, seed);
}

export const mean = (xs) => (xs.length ? Array.from(xs).reduce((s, v) => s + v, 0) / xs.length : NaN);

// Both models' k fold scores on the same folds, the paired t-test and the permutation test.
// Models A and B are reset with seeds 1 and 2 (only the forest cares).
export function compareOnFolds(ml, modelA, modelB, data, k, seed) {
  const s = ml.pairedCrossValScores(modelA, 1, modelB, 2, data.X, data.cols, data.y, k, seed, MAX_STEPS);
  const a = Array.from(s.a);
  const b = Array.from(s.b);
  return { a, b, t: ml.pairedTTest(a, b), permutation: ml.pairedPermutationTest(a, b, PERMUTATIONS, seed) };
}

// One test set for McNemar's test: train both models on the other 70 %, predict the held-out
// 30 %, count the points only one of them gets right.
export function compareOnTestSet(ml, modelA, modelB, data, seed) {
  const split = ml.trainValidationTestSplit(data.y, 0, TEST_FRACTION, seed, true);
  const rows = (idx) => {
    const X = [];
    for (const i of idx) for (let j = 0; j < data.cols; j++) X.push(data.X[i * data.cols + j]);
    return X;
  };
  const Xtrain = rows(split.train);
  const ytrain = Array.from(split.train, (i) => data.y[i]);
  const Xtest = rows(split.test);
  const ytest = Array.from(split.test, (i) => data.y[i]);
  const predictions = [];
  for (const [m, s] of [[modelA, 1], [modelB, 2]]) {
    m.setData(Xtrain, data.cols, ytrain);
    m.reset(s);
    m.fit(MAX_STEPS);
    predictions.push(Array.from(m.predict(Xtest)));  // copy: a view dies at the next engine call
  }
  const result = ml.mcNemarFromPredictions(ytest, predictions[0], predictions[1]);
  const accuracy = (p) => p.reduce((s, v, i) => s + (v === ytest[i] ? 1 : 0), 0) / ytest.length;
  return { ...result, testSize: ytest.length, accuracyA: accuracy(predictions[0]), accuracyB: accuracy(predictions[1]) };
}

// The noise experiment: two copies of one random forest that differ only in their seed, so
// neither is better. Resample r draws fresh moons (seed base + r) and fresh folds, compares the
// two copies over k folds, and records who had the higher mean and the paired t-test's p.
// The moons' seed is seed · 1000 + r + 1 taken modulo 2³², the engine's seed range: unchanged for
// seeds up to 4 294 966, and in range for every seed the option allows (up to 2³¹ − 1; the product
// stays an exact whole number in a double).
export function resampleSeed(seed, r) {
  return (seed * 1000 + r + 1) % 2 ** 32;
}
export function noiseResample(ml, forestA, forestB, r, { points, noise, k, seed }) {
  const data = ml.makeMoons(points, noise, resampleSeed(seed, r));
  const s = ml.pairedCrossValScores(forestA, 2 * r + 1, forestB, 2 * r + 2, data.X, data.cols, data.y, k, r + 1, MAX_STEPS);
  const a = Array.from(s.a);
  const b = Array.from(s.b);
  const diff = mean(a) - mean(b);
  return { diff, winner: diff > 1e-12 ? 'a' : diff < -1e-12 ? 'b' : 'tie', p: ml.pairedTTest(a, b).pValue };
}

// Counts over a list of resample results.
export function tallyNoise(results) {
  const tally = { runs: results.length, aWins: 0, bWins: 0, ties: 0, significant: 0 };
  for (const r of results) {
    if (r.winner === 'a') tally.aWins += 1;
    else if (r.winner === 'b') tally.bWins += 1;
    else tally.ties += 1;
    if (r.p < ALPHA) tally.significant += 1;
  }
  return tally;
}

// ---- regression metrics and scalers (regression-metrics) ----

// Ten points near y = 1.5 + 0.8x on x in [0, 9] (the engine's makeLinear) plus one outlier the
// learner drags; its default place is far above the trend.
export const REGRESSION = { points: 10, slope: 0.8, intercept: 1.5, noise: 0.6, xMin: 0, xMax: 9 };
export const OUTLIER_DEFAULT = { x: 6, y: 16 };
export const REGRESSION_SEED = 3;
export const X_RANGE = [-0.5, 9.5];
export const Y_RANGE = [-4, 24];

export function regressionPoints(ml, seed) {
  const d = ml.makeLinear(REGRESSION.points, REGRESSION.slope, REGRESSION.intercept, REGRESSION.noise, seed,
    REGRESSION.xMin, REGRESSION.xMax);
  return { x: Array.from(d.X), y: Array.from(d.y) };
}

// Least-squares line (w, b) through the given points, by the engine's closed form.
export function leastSquaresLine(ml, x, y) {
  const model = new ml.LinearRegression();
  try {
    model.setData(x, 1, y);
    const [w, b] = model.closedForm();
    return { w, b };
  } finally {
    model.delete();
  }
}

// MAE, MSE, RMSE and R² of the line on the points, every one from the engine.
export function regressionMetrics(ml, line, x, y) {
  const pred = x.map((v) => line.w * v + line.b);
  const mse = ml.meanSquaredError(y, pred);
  return { mae: ml.meanAbsoluteError(y, pred), mse, rmse: Math.sqrt(mse), r2: ml.r2Score(y, pred) };
}

// The whole picture for one outlier position. line: 'fixed' keeps the least-squares line of the
// ten ordinary points (the model was trained before the outlier arrived); 'refit' refits it to
// all eleven points, outlier included. `points` ({ x, y }, e.g. imported from a CSV file)
// replace the seeded ordinary points.
export function regressionScene(ml, seed, outlier, lineMode, points = null) {
  const base = points || regressionPoints(ml, seed);
  const x = [...base.x, outlier.x];
  const y = [...base.y, outlier.y];
  const cleanLine = leastSquaresLine(ml, base.x, base.y);
  const line = lineMode === 'refit' ? leastSquaresLine(ml, x, y) : cleanLine;
  return {
    base, x, y, line, cleanLine,
    without: regressionMetrics(ml, line, base.x, base.y),
    with: regressionMetrics(ml, line, x, y),
  };
}

// The y column (eleven values, the outlier last) through the three scalers.
export function scaleColumn(ml, values) {
  const scalers = { standard: new ml.StandardScaler(), minmax: new ml.MinMaxScaler(), robust: new ml.RobustScaler() };
  try {
    const out = {};
    for (const [name, s] of Object.entries(scalers)) {
      s.fit(values, 1);
      const scaled = Array.from(s.transform(values, 1));
      const inliers = scaled.slice(0, -1);
      out[name] = { scaled, inlierSpread: Math.max(...inliers) - Math.min(...inliers), outlier: scaled[scaled.length - 1] };
    }
    return out;
  } finally {
    for (const s of Object.values(scalers)) s.delete();
  }
}
