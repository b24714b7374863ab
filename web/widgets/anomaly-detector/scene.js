// The anomaly-detector widget's data and scores, shared with its lesson's claims test. The
// normal points come from the engine's generators; the planted anomalies sit at fixed spots chosen
// so that most of them are ordinary in each coordinate alone and unusual only jointly.
import { formatPercent } from '../../lib/format.js';

export const DOMAIN = { x0: -5, x1: 5, y0: -5, y1: 5 };
export const NORMAL_COUNT = 150;

// Planted anomalies per scene: the last one is far out on the data's own diagonal (every
// detector's easy case); the others lie off the normal region but inside each coordinate's range.
export const PLANTED = {
  band: [[2, -2], [-2, 2], [2.6, -0.4], [-0.4, 2.6], [0.5, -2.5], [4.5, 4.5]],
  clusters: [[1.77, -1.77], [-1.77, 1.77], [0, 0], [0.9, -0.9], [-2.6, 0.2], [4.5, 4.5]],
};
export const SCENES = ['band', 'clusters'];

// The Predict, then check box asks about the clusters at 4% flagged (the lesson's reveal gives
// that share's recalls). A contamination counts as that share when the slider shows it so (whole
// percents, formatPercent(v, 0)), not by comparing floats: a slider stop of 0.04000000000000001 is 4%.
export const PREDICT_CONTAMINATION = 0.04;
export function atPredictContamination(contamination) {
  return formatPercent(contamination, 0) === formatPercent(PREDICT_CONTAMINATION, 0);
}

// { X (flat, 2 columns), y (1 = planted anomaly, 0 = normal), rows }.
export function makeScene(ml, scene, seed) {
  const normal = scene === 'band' ? ml.makeLinear(NORMAL_COUNT, 1, 0, 0.3, seed, -3, 3) : ml.makeBlobs(NORMAL_COUNT, 2, 0.5, seed);
  // makeLinear gives one feature and its target: the point is (x, y).
  const xy = scene === 'band' ? Array.from(normal.X, (x, i) => [x, normal.y[i]]) : Array.from({ length: normal.rows }, (_, i) => [normal.X[2 * i], normal.X[2 * i + 1]]);
  const points = [...xy, ...PLANTED[scene]];
  return {
    X: Float64Array.from(points.flat()),
    y: Float64Array.from(points, (_, i) => (i < xy.length ? 0 : 1)),
    rows: points.length,
  };
}

// Scores of both detectors for points X (flat, 2 columns): the isolation forest's s(x) and the
// z-score detector's largest |z| over the two coordinates. The forest is fitted here (seeded).
export function scoreBoth(ml, forest, X, { trees, subsample, seed }) {
  forest.setTrees(trees);
  forest.setSubsample(subsample);
  forest.fit(X, 2, seed);
  return { forest: forest.scores(X), zscore: ml.zScoreAnomaly(X, 2) };
}

// Flags the `contamination` share of points with the highest scores, and measures the flags
// against the planted labels: precision = planted among the flagged, recall = flagged among the planted.
export function flagAndMeasure(ml, scores, y, contamination) {
  const threshold = ml.contaminationThreshold(scores, contamination);
  const flags = ml.flagAbove(scores, threshold);
  const flagged = flags.reduce((s, f) => s + f, 0);
  return {
    threshold,
    flags,
    flagged,
    precision: flagged > 0 ? ml.precision(y, flags) : NaN,
    recall: ml.recall(y, flags),
  };
}

// The z-score detector's score at grid cell centres, with the mean and standard deviation of the
// data (the engine's StandardScaler, population sd): the largest |z| of the two coordinates.
export function zScoreGrid(ml, scaler, X, grid) {
  scaler.fit(X, 2);
  const z = scaler.transform(grid, 2);
  const out = new Float64Array(z.length / 2);
  for (let k = 0; k < out.length; k++) out[k] = Math.max(Math.abs(z[2 * k]), Math.abs(z[2 * k + 1]));
  return out;
}
