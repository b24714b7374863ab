// Badge questions on judging a model: train and test sets, overfitting, regularisation and
// learning curves, precision, recall and F1, ROC curves and AUC, feature scaling and
// cross-validation.
// Format: see bank.js.
// Every "why" says why that choice is right or wrong, in the course's own words; computed
// questions ask the engine for the answer, and their distractors are the numbers common
// mistakes give.
import { formatNumber } from '../../lib/format.js';

// Labels and predictions with the given confusion counts (1 = positive), for the metric calls.
function confusion(tp, fp, fn, tn) {
  const yTrue = [];
  const yPred = [];
  const add = (count, t, p) => { for (let i = 0; i < count; i++) { yTrue.push(t); yPred.push(p); } };
  add(tp, 1, 1); add(fp, 0, 1); add(fn, 1, 0); add(tn, 0, 0);
  return { yTrue, yPred };
}

const f2 = (v) => formatNumber(v, 2);
const f3 = (v) => formatNumber(v, 3);

export const EVALUATION = [
  // ── train vs test ────────────────────────────────────────────────────────────────────────
  {
    id: 'why-test-set', slot: 'train-test',
    q: 'Why keep a test set that the model never trains on?',
    right: ['To estimate how well it does on new, unseen data', 'A model can score well on examples it memorised; only unseen examples measure generalisation honestly.'],
    wrong: [
      ['To make training faster', 'Holding data back gives training fewer examples; speed is not the point.'],
      ['To give the model more examples to memorise', 'The test set is exactly the data it must not see while learning.'],
      ['The loss cannot be computed on training data', 'It can, and training minimises it; it is just an optimistic measure.'],
    ],
  },
  {
    id: 'tuning-on-test', slot: 'train-test',
    q: 'You try 50 polynomial degrees and keep the one with the best test score. What is wrong with reporting that score?',
    right: ['The test set helped choose, so its score is optimistic', 'Choose with a validation set (or cross-validation) and touch the test set once, at the end.'],
    wrong: [
      ['Nothing: the test set was never used to fit any parameter', 'It was never used to fit parameters, but it picked the degree; the winner is partly lucky on those particular points.'],
      ['50 degrees are too few to find the best one', 'The number tried is not the problem; letting the test set judge them is.'],
      ['High degrees cannot be scored on a test set', 'Any model can be scored on a test set.'],
    ],
  },
  {
    id: 'perfect-fit', slot: 'train-test',
    q: 'A curve passes exactly through all 10 of its training points. What does that tell you about new points?',
    right: ['Nothing yet: only held-out points can tell', 'A flexible curve can thread every point, noise included, and still swing wildly between them.'],
    wrong: [
      ['It will predict new points perfectly', 'Fitting the training points says nothing about points it has not seen.'],
      ['It must be the true curve', 'Infinitely many curves pass through 10 points; most of them are wrong elsewhere.'],
      ['It will do badly on them for certain', 'It may or may not; you need a test to find out.'],
    ],
  },

  // ── overfitting, regularisation, bias and variance ───────────────────────────────────────
  {
    id: 'overfit-gap', slot: 'overfitting', lesson: 'model-selection', topic: 'Overfitting',
    q: 'Training error is tiny but validation error is large. What is going on?',
    right: ['Overfitting (high variance)', 'The model memorised its training points, noise included. A simpler model, regularisation or more data narrows the gap.'],
    wrong: [
      ['Underfitting: the model has high bias', 'An underfitting model does badly on the training data too; here training error is tiny.'],
      ['The learning rate is too small', 'A small η leaves the training error high; here it is already tiny.'],
      ['The data contains no noise at all', 'Noise-free data would not close the gap: a model flexible enough can still swing wildly between exact points. Tiny training error with large validation error is the mark of a model too flexible for the data it has.'],
    ],
  },
  {
    id: 'ridge-lambda', slot: 'overfitting', lesson: 'regularisation', topic: 'Regularisation',
    q: 'What happens when you raise λ in L2 (ridge) regularisation, minimising L + λ·Σ wⱼ²?',
    right: ['Weights shrink towards zero; the fit smooths', 'Large weights now cost loss, so each must earn its size; the wiggles relax.'],
    wrong: [
      ['Weights drop to exactly zero, one by one', 'Exact zeros are the habit of the L1 penalty (lasso); L2 shrinks them all smoothly.'],
      ['The model becomes more flexible', 'A penalty restrains the model; raising λ makes it less flexible.'],
      ['Nothing changes on the training data', 'The training error usually rises a little: the model gives up some fit for smoothness.'],
    ],
  },
  {
    id: 'high-bias-curves', slot: 'overfitting', lesson: 'learning-curves', topic: 'Learning curves',
    q: 'Learning curves show training and validation error close together, flat and both high as the data grows. What helps?',
    right: ['A richer, more flexible model', 'Converged but high curves mean high bias: the model cannot represent the pattern, so more data alone will not help.'],
    wrong: [
      ['Much more data', 'The curves have already met and flattened; extra points will not lower them.'],
      ['A stronger regularisation penalty', 'That makes the model even simpler, raising the bias.'],
      ['Dropping the validation set', 'That hides the problem without fixing it.'],
    ],
  },
  {
    id: 'noise-floor', slot: 'overfitting', lesson: 'bias-variance', topic: 'Bias and variance',
    q: 'For squared error, the expected error at a point is exactly bias² + variance + noise. Which part can no model remove?',
    right: ['The noise', 'The noise is randomness in the labels themselves; even the true function pays it.'],
    wrong: [
      ['The bias²', 'A more flexible model can lower the bias.'],
      ['The variance', 'More data, averaging (bagging) or regularisation can lower the variance.'],
      ['None: a perfect model removes all three', 'Even a perfect model cannot predict the random part of each label.'],
    ],
  },

  // ── precision, recall and the threshold ──────────────────────────────────────────────────
  {
    id: 'recall-spam', slot: 'metrics', kind: 'number', digits: 2,
    q: () => 'A spam filter catches 80 spam emails, wrongly flags 20 good ones, misses 40 spam emails and lets 60 good ones through. What is its recall? (two decimals)',
    compute(ml) {
      const { yTrue, yPred } = confusion(80, 20, 40, 60);
      const value = ml.recall(yTrue, yPred);
      return {
        value,
        why: `Recall = TP / (TP + FN) = 80 / (80 + 40) = ${f2(value)}: the filter catches two thirds of the real spam.`,
        mistakes: [
          { value: ml.precision(yTrue, yPred), why: 'That is the precision, TP / (TP + FP): how much of what it flagged was spam.' },
          { value: ml.accuracy(yTrue, yPred), why: 'That is the accuracy over all 200 emails.' },
          { value: 40 / 120, why: 'That is the share of spam it missed, 1 − recall.' },
        ],
      };
    },
  },
  {
    id: 'precision-choice', slot: 'metrics', kind: 'choice', digits: 2,
    q: () => 'A test flags 40 patients: 30 are truly ill and 10 are healthy. It misses 20 ill patients, and 40 healthy ones test negative. What is its precision?',
    compute(ml) {
      const { yTrue, yPred } = confusion(30, 10, 20, 40);
      const value = ml.precision(yTrue, yPred);
      return {
        value,
        why: `Precision = TP / (TP + FP) = 30 / 40 = ${f2(value)}: three in four positive results are right.`,
        mistakes: [
          { value: ml.recall(yTrue, yPred), why: 'That is the recall, 30 / 50: the share of ill patients it finds.' },
          { value: ml.accuracy(yTrue, yPred), why: 'That is the accuracy, (30 + 40) / 100.' },
          { value: ml.f1Score(yTrue, yPred), why: 'That is the F1 score, which combines precision and recall.' },
        ],
      };
    },
  },
  {
    id: 'f1-spam', slot: 'metrics', kind: 'number', digits: 3,
    q: () => 'A filter has 80 true positives, 20 false positives and 40 false negatives. What is its F1 score? (three decimals)',
    compute(ml) {
      const { yTrue, yPred } = confusion(80, 20, 40, 60);
      const value = ml.f1Score(yTrue, yPred);
      const p = ml.precision(yTrue, yPred);
      const r = ml.recall(yTrue, yPred);
      return {
        value,
        why: `F1 = 2·TP / (2·TP + FP + FN) = 160 / 220 = ${f3(value)}, the harmonic mean of precision ${f2(p)} and recall ${f2(r)}.`,
        mistakes: [
          { value: (p + r) / 2, why: 'That is the ordinary average of precision and recall; F1 is their harmonic mean, which sits closer to the smaller one.' },
          { value: p * r, why: 'That is the product of precision and recall; F1 is 2PR / (P + R).' },
        ],
      };
    },
  },
  {
    id: 'threshold-tradeoff', slot: 'metrics',
    q: 'You raise a spam filter\'s threshold so it flags only emails it is very sure about. What usually happens?',
    right: ['Precision rises and recall falls', 'A stricter filter flags fewer emails, and those it flags are more often spam (precision up), but more spam now slips past it (recall down).'],
    wrong: [
      ['Precision and recall both rise together', 'Flagging fewer emails can only lose true positives, so recall cannot rise.'],
      ['Recall rises and precision falls', 'That is what lowering the threshold usually does.'],
      ['Neither of the two changes at all', 'The decisions change, so the counts behind both metrics change.'],
    ],
  },

  // ── ROC curves and AUC ───────────────────────────────────────────────────────────────────
  {
    id: 'auc-half', slot: 'roc',
    q: 'A classifier has an ROC AUC of 0.5. What does that tell you?',
    right: ['Its ranking is no better than a coin flip', 'AUC is the chance that a random positive scores above a random negative: 0.5 is no skill, 1 a perfect ranking.'],
    wrong: [
      ['It is right 50% of the time', 'AUC is about ranking across all thresholds, not accuracy at any one.'],
      ['It needs a threshold of 0.5', 'AUC does not depend on any single threshold.'],
      ['It is perfect on half of the classes', 'AUC summarises how positives and negatives are ordered, not per-class perfection.'],
    ],
  },
  {
    id: 'auc-four', slot: 'roc', kind: 'number', digits: 2,
    q: () => 'Two negatives score 0.1 and 0.4; two positives score 0.35 and 0.8. What is the ROC AUC? (two decimals)',
    compute(ml) {
      const value = ml.rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
      return {
        value,
        why: `Of the 4 positive–negative pairs, 3 have the positive scored higher (only 0.35 < 0.4 is out of order), so AUC = 3/4 = ${f2(value)}.`,
        mistakes: [
          { value: 1 - value, why: 'That counts the pairs in the wrong order.' },
          { value: 0.5, why: '0.5 would mean no better than a coin; here most pairs are in the right order.' },
        ],
      };
    },
  },
  {
    id: 'roc-point', slot: 'roc',
    q: 'What does one point on an ROC curve stand for?',
    right: ['One threshold\'s FPR and TPR', 'Each threshold gives one point: its false-positive rate across, its true-positive rate up. Sweeping the threshold from high to low traces the curve from (0, 0) to (1, 1).'],
    wrong: [
      ['One training example', 'Points on the curve come from thresholds, not from individual examples.'],
      ['One model trained with a different seed', 'The curve belongs to a single model\'s scores.'],
      ['Precision across, recall up', 'That is the precision–recall curve, a different plot.'],
    ],
  },
  // ── feature scaling and cross-validation ─────────────────────────────────────────────────
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
];
