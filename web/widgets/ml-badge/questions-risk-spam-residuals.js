// Badge questions on the empirical risk a fit makes small, the spam filter (weights, score and
// sigmoid) and regression metrics (MAE, RMSE, R²).
// Format: see bank.js.
// Every "why" says why that choice is right or wrong, in the course's own words; computed
// questions ask the engine for the answer, and their distractors are the numbers common
// mistakes give.
import { formatNumber } from '../../lib/format.js';

const f2 = (v) => formatNumber(v, 2);
const whole = (v) => formatNumber(v, 0); // 3 600 with a narrow no-break space, never split across lines

// p(spam) of a filter with the given weights and baseline b, for one email's feature counts.
function spamProbability(ml, weights, b, counts) {
  return ml.scoped((track) => {
    const m = track(new ml.LogisticRegression());
    const d = weights.length;
    m.setData([...new Array(d).fill(0), ...new Array(d).fill(1)], d, [0, 1]);
    m.setParams([...weights, b]);
    return m.predictProba(counts)[1];
  });
}

export const RISK_SPAM_RESIDUALS = [
  // ── loss and empirical risk ──────────────────────────────────────────────────────────────
  {
    id: 'risk-big-miss-share', slot: 'empirical-risk', kind: 'number', digits: 2,
    q: () => 'A line prices three houses at 310, 235 and 460 (in thousands); they sold for 300, 250 and 400. Scored with the squared error, what fraction of its empirical risk comes from the third house? (two decimals)',
    compute(ml) {
      const y = [300, 250, 400];
      const yHat = [310, 235, 460];
      const risk = ml.meanSquaredError(y, yHat);
      const third = ml.meanSquaredError([400], [460]);
      const value = third / 3 / risk;
      return {
        value,
        why: `The misses ŷ − y are 10, -15 and 60, and squared they cost 100, 225 and ${whole(3600)}. The risk is their mean, so each house adds a third of its cost, and the third house's share is ${whole(3600)} / ${whole(3925)} = ${f2(value)}: one big miss carries more than nine tenths of the risk, because squaring makes it expensive.`,
        mistakes: [
          { value: 60 / 85, why: 'That is the third house\'s share of the misses\' sizes (60 of 10 + 15 + 60). The squared error makes the big miss count far more than its size.' },
          { value: 1 / 3, why: `Each house does enter the mean with the weight 1/3, but its squared miss decides how much that third adds: ${whole(3600)} outweighs 100 and 225.` },
          { value: third / risk, why: `That divides the third house's whole squared miss by the risk, which is already divided by 3. A share compares it with the sum of the squared misses, ${whole(3925)}.` },
        ],
      };
    },
  },
  {
    id: 'argmin-names', slot: 'empirical-risk',
    q: 'Fitting is written θ* = arg min over θ of the empirical risk. What is θ*?',
    right: ['Where the risk is lowest', 'θ* is the setting of the parameters at which the average loss over the training examples is smallest: arg min names the place, not the height there.'],
    wrong: [
      ['The lowest value the risk can reach', 'That is the min of the risk. The arg in arg min asks for the parameters that reach it.'],
      ['The example whose loss is smallest', 'Every example enters the average equally; the search runs over settings of the parameters, not over examples.'],
      ['The parameters after one descent step', 'θ* is the best setting of all, however it is found. One gradient step only moves the parameters towards it.'],
    ],
  },
  {
    id: 'risk-floor-same-area', slot: 'empirical-risk',
    q: 'Two houses with the same floor area sold for different prices. Can a line ŷ = wx + b, predicting price from area, reach an empirical risk of 0 on these two houses?',
    right: ['No: one area gets one prediction', 'Both houses have the same x, so every line predicts one price for the pair. It can match at most one of the two prices; the other miss is left, and its square is above 0.'],
    wrong: [
      ['Yes, with a steep enough w', 'Changing w changes the prediction for every area, but these two houses share their area, so they still share one prediction.'],
      ['Yes, if the line passes halfway between the prices', 'A line halfway misses each house by half the gap between the prices: two smaller misses, but neither is 0.'],
      ['No, because a line never fits data exactly', 'A line can fit exactly: the three houses of the lesson lie on one line, and w = 0.1, b = 100 passes through all of them.'],
    ],
  },

  // ── the spam filter: weights, score and sigmoid ──────────────────────────────────────────
  {
    id: 'spam-fewest-free', slot: 'spam-filter', kind: 'number', digits: 0, tolerance: 0,
    q: () => 'A spam filter has learned the weights 0.8 for "free", 1.2 for links and -1 for "meeting", with baseline b = -3, and calls an email spam when p(spam) ≥ 0.5. An email has one link and the word "meeting" twice. How many times must it contain "free", at the least, to be called spam?',
    compute(ml) {
      const p = (free) => spamProbability(ml, [0.8, 1.2, -1], -3, [free, 1, 2]);
      let value = 0;
      while (p(value) < 0.5) value += 1;
      return {
        value,
        why: `p(spam) reaches 0.5 exactly where the score z reaches 0. With k "free" the score is z = 0.8k + 1.2 − 2 − 3 = 0.8k − 3.8, which passes 0 after k = 4.75: with ${value} it is 0.2 and p(spam) = ${f2(p(value))}, with ${value - 1} it is -0.6 and p(spam) = ${f2(p(value - 1))}.`,
        mistakes: [
          { value: value - 1, why: `That rounds 4.75 down. With ${value - 1} "free" the score is still -0.6, below 0, so p(spam) = ${f2(p(value - 1))} and the email gets through.` },
          { value: 1, why: 'That leaves out the baseline b = -3, the score of an email with none of the clues, which every email starts from.' },
          { value: value + 1, why: 'That asks the score z to reach 0.5. It is the probability σ(z) that must reach 0.5, and σ(0) = 0.5, so z ≥ 0 is enough.' },
        ],
      };
    },
  },
  {
    id: 'spam-negative-weight', slot: 'spam-filter',
    q: 'After training, a spam filter gives the word "agenda" the weight -0.9. What does that say?',
    right: ['It pushes the score towards "not spam"', 'Each "agenda" adds -0.9 to the score z, which lowers p(spam). Training gave it a negative weight because the word turned up in emails labelled not spam.'],
    wrong: [
      ['A programmer marked it as a safe word', 'Nobody sets the weights by hand: training picks them from the labelled emails, and other examples could flip the sign.'],
      ['The filter ignores the word', 'A weight of 0 would ignore it. At -0.9 the word is a clear clue, pointing away from spam.'],
      ['Emails with it are 90% likely to be fine', 'A weight is not a probability. It adds to the score, and only the sigmoid of the whole score is a probability.'],
    ],
  },
  {
    id: 'spam-saturates', slot: 'spam-filter',
    q: 'A spam filter already gives an email p(spam) = 0.999. One more link is added, and links have a positive weight. What happens to p(spam)?',
    right: ['It hardly changes', 'Far from z = 0 the sigmoid is almost flat: the score rises by the link\'s weight, but the probability can only creep closer to 1. The model is already sure.'],
    wrong: [
      ['It rises above 1', 'The sigmoid stays between 0 and 1 however large the score grows.'],
      ['It rises by the link\'s weight', 'The weight is added to the score z, not to the probability; the sigmoid then squashes the score.'],
      ['It falls back towards 0.5', 'A positive weight raises the score, so the probability cannot fall.'],
    ],
  },

  // ── regression metrics ───────────────────────────────────────────────────────────────────
  {
    id: 'rmse-four', slot: 'regression-metrics', kind: 'number', digits: 2,
    q: () => 'A model predicts 4, 9, 5 and 6 where the true values are 5, 7, 3 and 10. What is its RMSE? (two decimals)',
    compute(ml) {
      const y = [5, 7, 3, 10];
      const yHat = [4, 9, 5, 6];
      const mse = ml.meanSquaredError(y, yHat);
      const value = Math.sqrt(mse);
      return {
        value,
        why: `The residuals are 1, -2, -2 and 4. Their squares 1, 4, 4 and 16 average to MSE = ${f2(mse)}, and RMSE = √${f2(mse)} = ${f2(value)}, back in the units of y.`,
        mistakes: [
          { value: mse, why: 'That is the MSE; the RMSE is its square root, in the units of y.' },
          { value: ml.meanAbsoluteError(y, yHat), why: 'That is the MAE, the average size of the misses. The RMSE squares them first, so the miss of 4 weighs more.' },
          { value: 5, why: 'That is the square root of the sum of the squares (25); the mean divides by the 4 examples first.' },
        ],
      };
    },
  },
  {
    id: 'r-squared-four', slot: 'regression-metrics', kind: 'choice', digits: 2,
    q: () => 'The true values are 2, 4, 6 and 8, and a model predicts 3, 4, 5 and 9. What is its R²?',
    compute(ml) {
      const y = [2, 4, 6, 8];
      const yHat = [3, 4, 5, 9];
      const value = ml.r2Score(y, yHat);
      return {
        value,
        why: `The squared residuals add up to 1 + 0 + 1 + 1 = 3. Around the mean 5 the labels' squares add up to 9 + 1 + 1 + 9 = 20, so R² = 1 − 3/20 = ${f2(value)}: far better than always predicting the mean.`,
        mistakes: [
          { value: 3 / 20, why: 'That is the ratio 3/20 alone; R² is 1 minus it.' },
          { value: ml.meanSquaredError(y, yHat), why: 'That is the MSE (3/4). R² compares the squared residuals with the spread of the labels around their mean.' },
          { value: 1 - 3 / 5, why: 'That divides by the mean of the labels (5), not by the sum of their squared distances from it (20).' },
        ],
      };
    },
  },
  {
    id: 'mae-rmse-gap', slot: 'regression-metrics',
    q: 'Two models both have an MAE of 3. Model A has an RMSE of 3, model B an RMSE of 7. What does that tell you?',
    right: ['Model B\'s error sits in a few big misses', 'RMSE equals MAE only when every miss has the same size, as for A. The further RMSE sits above MAE, the more the error comes from a few large misses.'],
    wrong: [
      ['RMSE can never be above MAE, so B has a bug', 'It is the other way round: RMSE is never below MAE, and it can sit far above it.'],
      ['Model A\'s misses vary the most in size', 'RMSE equal to MAE means all of A\'s misses have the same size, 3.'],
      ['They are equally good by every measure', 'They tie on MAE only. RMSE weighs big misses more, and there B is much worse.'],
    ],
  },
];
