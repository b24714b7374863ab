// The train-vs-test lesson's three definitions, in one place so the widget's message and the
// lesson's claims test apply the same rule (lessons/train-vs-test.md, "Reading the gap"):
//   overfitting   the gap, train accuracy − test accuracy, is more than 10 percentage points;
//   underfitting  otherwise, when training accuracy is below 80 %: the model cannot even fit
//                 the points it studied;
//   good fit      training accuracy of at least 80 % and a gap of at most 10 points.
// Pure bookkeeping on the engine's two accuracies (fractions in [0, 1]); no DOM, no engine.

export const OVERFIT_GAP = 0.10;
export const UNDERFIT_TRAIN = 0.80;

// Accuracies are counts over at most a few hundred points; the tolerance keeps a gap of exactly
// 10 points (e.g. 0.94 − 0.84 in floating point) on the side the lesson puts it.
const EPS = 1e-9;

export function trainTestVerdict(train, test) {
  if (!Number.isFinite(train) || !Number.isFinite(test)) return null;
  if (train - test > OVERFIT_GAP + EPS) return 'overfitting';
  if (train < UNDERFIT_TRAIN - EPS) return 'underfitting';
  return 'good fit';
}
