// Badge questions on predicting with a line, regression or classification, the sigmoid and the
// decision boundary, and the losses that score them (squared error, log loss).
// Format: see bank.js.
// Every "why" says why that choice is right or wrong, in the course's own words; computed
// questions ask the engine for the answer, and their distractors are the numbers common
// mistakes give.
import { formatNumber } from '../../lib/format.js';

const f2 = (v) => formatNumber(v, 2);

export const LINES_BOUNDARIES_LOSSES = [
  // ── regression with a line ───────────────────────────────────────────────────────────────
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

  // ── the decision boundary and the sigmoid ────────────────────────────────────────────────
  {
    id: 'logistic-probability', slot: 'classification-boundary', kind: 'number', digits: 2,
    q: () => 'A logistic-regression model has weights w = (2, -1) and bias b = 0.5. What probability of class 1 does it give the point x = (1, 2)? (two decimals)',
    compute(ml) {
      const p = ml.scoped((track) => {
        const m = track(new ml.LogisticRegression());
        m.setData([0, 0, 1, 1], 2, [0, 1]);
        m.setParams([2, -1, 0.5]);
        return m.predictProba([1, 2])[1];
      });
      return {
        value: p,
        why: `The score is z = 2·1 − 1·2 + 0.5 = 0.5, and σ(0.5) = 1 / (1 + e^(-0.5)) = ${f2(p)}.`,
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

  // ── loss functions ───────────────────────────────────────────────────────────────────────
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
        why: `The misses ŷ − y are -1, 0 and -2; their squares 1, 0 and 4 average to ${f2(value)}.`,
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
];
