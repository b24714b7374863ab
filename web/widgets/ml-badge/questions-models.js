// Badge questions for the intermediate and advanced levels (format: see bank.js). Computed
// questions ask the engine for the answer; their distractors are the numbers common mistakes
// give, derived from the engine's own results.
import { formatNumber } from '../../lib/format.js';

const f2 = (v) => formatNumber(v, 2);
const f3 = (v) => formatNumber(v, 3);

// Labels and predictions with the given confusion counts (1 = positive), for the metric calls.
function confusion(tp, fp, fn, tn) {
  const yTrue = [];
  const yPred = [];
  const add = (count, t, p) => { for (let i = 0; i < count; i++) { yTrue.push(t); yPred.push(p); } };
  add(tp, 1, 1); add(fp, 0, 1); add(fn, 1, 0); add(tn, 0, 0);
  return { yTrue, yPred };
}

export const MODELS = [
  // ── intermediate: regression with a line ─────────────────────────────────────────────────
  {
    id: 'tip-prediction', slot: 'line-prediction', kind: 'choice', digits: 2,
    q: () => 'A trained model predicts the tip as ŷ = 0.18·x + 0.5, where x is the bill. What does it predict for a bill of 40?',
    compute(ml) {
      const value = ml.scoped((track) => {
        const m = track(new ml.LinearRegression());
        m.setData([0, 1], 1, [0, 1]);
        m.setParams([0.18, 0.5]);
        return m.predict([40])[0];
      });
      return {
        value,
        why: `0.18 × 40 = 7.2 is the tip per unit of bill times the bill; the intercept adds 0.5, giving ${f2(value)}.`,
        mistakes: [
          { value: value - 0.5, why: 'This leaves out the intercept b = 0.5, which the line adds to every prediction.' },
          { value: 0.5 * 40 + 0.18, why: 'This swaps the roles: 0.18 is the slope that multiplies the bill, 0.5 the intercept.' },
          { value: (0.18 + 0.5) * 40, why: 'The intercept is added once, not multiplied by the bill.' },
        ],
      };
    },
  },
  {
    id: 'least-squares-extrapolate', slot: 'line-prediction', kind: 'number', digits: 1,
    q: () => 'A straight line is fitted by least squares to the points (0, 1), (1, 3) and (2, 5). What does it predict at x = 4? (one decimal)',
    compute(ml) {
      const { w, b, value } = ml.scoped((track) => {
        const m = track(new ml.LinearRegression());
        m.setData([0, 1, 2], 1, [1, 3, 5]);
        const [w0, b0] = m.closedForm();
        m.setParams([w0, b0]);
        return { w: w0, b: b0, value: m.predict([4])[0] };
      });
      return {
        value,
        why: `The three points lie exactly on ŷ = ${f2(w)}·x + ${f2(b)}, so the fit goes through them all, and at x = 4 it gives ${f2(w)} × 4 + ${f2(b)} = ${formatNumber(value, 1)}.`,
        mistakes: [{ value: w * 4, why: 'That is w·x without the intercept b = 1.' }],
      };
    },
  },
  {
    id: 'regression-temperature', slot: 'line-prediction', lesson: 'two-jobs', topic: 'Regression or classification',
    q: 'Predicting tomorrow\'s temperature in degrees is…',
    right: ['Regression: the answer is a number on a scale', 'Regression answers "how much?" with a number; classification answers "which one?" with a category.'],
    wrong: [
      ['Classification, since it is either warm or cold', 'Only if you turned the question into categories. Degrees form a continuous scale.'],
      ['Clustering, since days fall into groups', 'Clustering has no target to predict; here the target is a number.'],
      ['Reinforcement learning, since the weather changes', 'Nothing acts or gets rewarded; a change over time does not make it reinforcement learning.'],
    ],
  },
  {
    id: 'classification-example', slot: 'line-prediction', lesson: 'two-jobs', topic: 'Regression or classification',
    q: 'Which of these is a classification task?',
    right: ['Deciding whether a transaction is fraudulent', 'The answer is one of two categories (fraud or not): a classification.'],
    wrong: [
      ['Estimating a flat\'s rent in euros', 'Rent is a number on a scale: that is regression.'],
      ['Forecasting tomorrow\'s rainfall in millimetres', 'Millimetres of rain are a quantity: regression.'],
      ['Predicting how many minutes a delivery will take', 'A duration is a number: regression, even if rounded to whole minutes.'],
    ],
  },

  // ── intermediate: gradient descent ───────────────────────────────────────────────────────
  {
    id: 'eta-too-large', slot: 'gradient-descent',
    q: 'Gradient descent overshoots the bottom of the loss bowl further each step, and the loss grows. What is the likely cause?',
    right: ['The learning rate is too large', 'Each step moves by η times the gradient. Too large a step lands on the far, steeper side, so the next step is bigger still: divergence.'],
    wrong: [
      ['The learning rate is too small', 'A small η makes progress slow but steady; it does not make the loss grow.'],
      ['There is too much training data', 'More data does not change whether a step overshoots; the step size does.'],
      ['The loss has no minimum', 'A squared-error bowl always has a minimum; the steps are jumping over it.'],
    ],
  },
  {
    id: 'error-after-two-steps', slot: 'gradient-descent', kind: 'choice', digits: 2, lesson: 'how-models-learn',
    q: () => 'ŷ = w·x + b starts at w = 3, b = 4 on the single point x = 1, y = 4 (error 3, squared-error loss). With η = 0.2, what is the error ŷ − y after two gradient steps?',
    compute(ml) {
      const after = (eta, steps) => ml.scoped((track) => {
        const m = track(new ml.LinearRegression());
        m.setData([1], 1, [4]);
        m.setLearningRate(eta);
        m.setParams([3, 4]);
        for (let i = 0; i < steps; i++) m.step();
        return m.predict([1])[0] - 4;
      });
      const value = after(0.2, 2);
      return {
        value,
        why: `Each step multiplies the error by 1 − 4η = 0.2 here, so 3 becomes ${f2(after(0.2, 1))} and then ${f2(value)}.`,
        mistakes: [
          { value: after(0.2, 1), why: 'That is the error after one step; the second step shrinks it by the same factor again.' },
          { value: after(0.1, 1), why: 'That is one step with η = 0.1 (factor 0.6).' },
          { value: after(0.25, 2), why: 'An error of exactly 0 needs η = 0.25 (factor 0); with η = 0.2 the error shrinks but does not vanish.' },
        ],
      };
    },
  },
  {
    id: 'steps-shrink', slot: 'gradient-descent',
    q: 'With a fixed learning rate, why do gradient-descent steps get shorter near the minimum?',
    right: ['The gradient itself shrinks near the bottom', 'The step is η times the gradient, and the gradient shrinks with the error. Near the bottom of the bowl the slope is gentle, so the same η gives a smaller move. Nothing has to turn η down.'],
    wrong: [
      ['The algorithm lowers η automatically', 'Plain gradient descent keeps η fixed; the steps shrink because the gradient does.'],
      ['The training data gets smaller', 'The same data is used at every step.'],
      ['The loss function changes shape', 'The loss surface stays the same; we are just on a flatter part of it.'],
    ],
  },

  // ── intermediate: train vs test ──────────────────────────────────────────────────────────
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

  // ── intermediate: the decision boundary and the sigmoid ──────────────────────────────────
  {
    id: 'logistic-probability', slot: 'classification-boundary', kind: 'number', digits: 2,
    q: () => 'A logistic-regression model has weights w = (2, −1) and bias b = 0.5. What probability of class 1 does it give the point x = (1, 2)? (two decimals)',
    compute(ml) {
      const p = ml.scoped((track) => {
        const m = track(new ml.LogisticRegression());
        m.setData([0, 0, 1, 1], 2, [0, 1]);
        m.setParams([2, -1, 0.5]);
        return m.predictProba([1, 2])[1];
      });
      return {
        value: p,
        why: `The score is z = 2·1 − 1·2 + 0.5 = 0.5, and σ(0.5) = 1 / (1 + e^(−0.5)) = ${f2(p)}.`,
        mistakes: [
          { value: 0.5, why: '0.5 is the score z itself; the sigmoid still has to turn it into a probability.' },
          { value: 1 - p, why: 'That is the probability of class 0, 1 − σ(z).' },
        ],
      };
    },
  },
  {
    id: 'sigmoid-on-line', slot: 'classification-boundary',
    q: 'A point lies exactly on a logistic-regression model\'s decision line (score z = 0). What probability does the model give it?',
    right: ['Exactly 0.5', 'σ(0) = 1 / (1 + 1) = 0.5: on the line the model cannot lean either way.'],
    wrong: [
      ['0', 'σ only approaches 0 for very negative scores, far on the class-0 side.'],
      ['1', 'σ only approaches 1 for very positive scores, far on the class-1 side.'],
      ['It depends on the weights', 'Whatever the weights, z = 0 on the line and σ(0) = 0.5.'],
    ],
  },
  {
    id: 'raise-threshold', slot: 'classification-boundary',
    q: 'A classifier says class 1 when σ(z) ≥ t. What happens when the threshold t goes from 0.5 to 0.8?',
    right: ['Fewer points are called class 1', 'Only points the model is at least 80% sure about pass, so the class-1 region shrinks.'],
    wrong: [
      ['More points are called class 1', 'A higher bar lets fewer points over it.'],
      ['The predicted probabilities change too', 'The threshold only changes the decision; σ(z) stays the same.'],
      ['Nothing, because the weights are unchanged', 'The weights are the same but the decision rule is stricter, so some decisions flip.'],
    ],
  },

  // ── advanced: loss functions ─────────────────────────────────────────────────────────────
  {
    id: 'mse-three', slot: 'losses', kind: 'choice', digits: 2,
    q: () => 'A model predicts 2, 4 and 6 where the true values are 3, 4 and 8. What is its mean squared error?',
    compute(ml) {
      const t = [3, 4, 8];
      const p = [2, 4, 6];
      const value = ml.meanSquaredError(t, p);
      const sum = value * 3;
      return {
        value,
        why: `The misses are 1, 0 and 2; their squares 1, 0 and 4 average to ${f2(value)}.`,
        mistakes: [
          { value: ml.meanAbsoluteError(t, p), why: 'That is the mean absolute error: the misses averaged without squaring.' },
          { value: sum, why: 'That is the sum of the squared misses; the mean divides by the 3 points.' },
          { value: (2 - 3 + 4 - 4 + 6 - 8) / 3, why: 'That is the mean signed error; the signs let misses cancel, which is why MSE squares them.' },
        ],
      };
    },
  },
  {
    id: 'log-loss-one', slot: 'losses', kind: 'number', digits: 2,
    q: () => 'A classifier gives probability p = 0.8 to class 1 for a point whose label is 1. What is its cross-entropy (log) loss on that point, with the natural logarithm? (two decimals)',
    compute(ml) {
      const value = ml.logLoss([1], [0.8]);
      return {
        value,
        why: `For a label of 1 the loss is −ln p = −ln 0.8 = ${f2(value)}: small, because the model was fairly sure and right.`,
        mistakes: [
          { value: ml.logLoss([0], [0.8]), why: 'That is −ln(1 − p), the loss if the label had been 0.' },
          { value: 0.2, why: '1 − p is how far p is from 1, not the log loss.' },
          { value: -Math.log10(0.8), why: 'That uses the base-10 logarithm; the course uses the natural logarithm.' },
        ],
      };
    },
  },
  {
    id: 'bce-worst', slot: 'losses',
    q: 'Which prediction does binary cross-entropy punish hardest?',
    right: ['p = 0.99 for a point whose label is 0', 'The loss is −ln(1 − p) = −ln 0.01 ≈ 4.6: confident and wrong costs most.'],
    wrong: [
      ['p = 0.55 for a point whose label is 1', '−ln 0.55 ≈ 0.6: unsure, but on the right side.'],
      ['p = 0.5 for every point', '−ln 0.5 ≈ 0.69 per point: useless, but never catastrophic.'],
      ['p = 0.9 for a point whose label is 1', '−ln 0.9 ≈ 0.1: confident and right costs almost nothing.'],
    ],
  },
  {
    id: 'mse-outlier', slot: 'losses',
    q: 'One wildly wrong label sits among 100 good points. Which loss lets it pull the fitted line hardest?',
    right: ['Mean squared error', 'Squaring makes a miss ten times larger cost a hundred times more, so one outlier can dominate the fit.'],
    wrong: [
      ['Mean absolute error', 'Absolute error grows only linearly with the miss, so an outlier pulls less.'],
      ['Both pull exactly the same', 'They weigh large misses very differently: squared versus linear.'],
      ['Neither: a loss ignores outliers', 'Every point contributes to the loss; the question is how much.'],
    ],
  },

  // ── advanced: overfitting, regularisation, bias and variance ─────────────────────────────
  {
    id: 'overfit-gap', slot: 'overfitting', lesson: 'model-selection', topic: 'Overfitting',
    q: 'Training error is tiny but validation error is large. What is going on?',
    right: ['Overfitting (high variance)', 'The model memorised its training points, noise included. A simpler model, regularisation or more data narrows the gap.'],
    wrong: [
      ['Underfitting: the model has high bias', 'An underfitting model does badly on the training data too; here training error is tiny.'],
      ['The learning rate is too small', 'A small η leaves the training error high; here it is already tiny.'],
      ['The data contains no noise at all', 'Without noise there would be nothing misleading to memorise.'],
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

  // ── advanced: precision, recall and the threshold ────────────────────────────────────────
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
    right: ['Precision rises and recall falls', 'What it flags is more often spam, but it lets more spam through.'],
    wrong: [
      ['Precision and recall both rise together', 'Flagging fewer emails can only lose true positives, so recall cannot rise.'],
      ['Recall rises and precision falls', 'That is what lowering the threshold usually does.'],
      ['Neither of the two changes at all', 'The decisions change, so the counts behind both metrics change.'],
    ],
  },

  // ── advanced: ROC curves and AUC ─────────────────────────────────────────────────────────
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
];
