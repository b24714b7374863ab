// Badge questions on gradient descent: one step worked out by the engine (the weight, the bias,
// the loss after it), and how the learning rate and the gradient shape the walk downhill.
// Format: see bank.js.
// Every "why" says why that choice is right or wrong, in the course's own words; computed
// questions ask the engine for the answer, and their distractors are the numbers common
// mistakes give.
import { formatNumber } from '../../lib/format.js';

// One full-batch gradient step of the engine's LinearRegression (mean squared error) on the
// given points, from (w, b): the same engine calls the gd-walkthrough widget makes.
export function gradientStep(ml, xs, ys, w, b, eta) {
  return ml.scoped((track) => {
    const m = track(new ml.LinearRegression());
    m.setData(xs, 1, ys);
    m.setLearningRate(eta);
    m.setParams([w, b]);
    const [gw, gb] = m.gradient();
    const lossBefore = m.loss();
    const lossAfter = m.step();
    const [w1, b1] = m.params();
    return { gw, gb, lossBefore, lossAfter, w1, b1 };
  });
}

const f2 = (v) => formatNumber(v, 2);

export const GRADIENT_DESCENT = [
  // ── one gradient step, computed by the engine ────────────────────────────────────────────
  {
    id: 'gd-step-w', slot: 'gradient-step', kind: 'number', digits: 2,
    q: () => 'The model ŷ = w·x + b starts at w = 3, b = 4 and sees one point, x = 1, y = 4, with squared-error loss and learning rate η = 0.1. After one gradient-descent step, what is w? (two decimals)',
    compute(ml) {
      const s = gradientStep(ml, [1], [4], 3, 4, 0.1);
      return {
        value: s.w1,
        why: `The error is ŷ − y = 7 − 4 = 3, so ∂L/∂w = 2·e·x = ${f2(s.gw)} and w becomes 3 − 0.1 × ${f2(s.gw)} = ${f2(s.w1)}.`,
        mistakes: [
          { value: 3 - 0.1 * s.gw / 2, why: 'That step forgets the factor 2 in ∂L/∂w = 2·e·x (the derivative of a square).' },
          { value: 3 + 0.1 * s.gw, why: 'That step goes uphill: the update subtracts η times the gradient.' },
          { value: 3 - s.gw, why: 'That step forgets to multiply the gradient by η = 0.1.' },
        ],
      };
    },
  },
  {
    id: 'gd-step-b', slot: 'gradient-step', kind: 'choice', digits: 2,
    q: () => 'ŷ = w·x + b starts at w = 1, b = 0 and is trained on one point, x = 2, y = 3, with squared error and η = 0.05. What is b after one gradient step?',
    compute(ml) {
      const s = gradientStep(ml, [2], [3], 1, 0, 0.05);
      return {
        value: s.b1,
        why: `The prediction 2 misses 3 by e = -1, so ∂L/∂b = 2·e = ${f2(s.gb)} and b becomes 0 − 0.05 × (${f2(s.gb)}) = ${f2(s.b1)}: the line rises towards the point.`,
        mistakes: [
          { value: -s.b1, why: 'The sign is flipped: the prediction is too low, so b must grow, not shrink.' },
          { value: s.b1 / 2, why: 'This forgets the factor 2 in ∂L/∂b = 2·e.' },
          { value: -0.05 * s.gw, why: 'This uses the slope\'s gradient 2·e·x; b enters the prediction with factor 1, so its gradient has no x.' },
        ],
      };
    },
  },
  {
    id: 'gd-loss-after', slot: 'gradient-step', kind: 'number', digits: 2,
    q: () => 'Start from w = 3, b = 4 on the single point x = 1, y = 4 (squared error, η = 0.1). The loss is 9 before training. What is it after one gradient step? (two decimals)',
    compute(ml) {
      const s = gradientStep(ml, [1], [4], 3, 4, 0.1);
      return {
        value: s.lossAfter,
        why: `Both parameters drop by 0.1 × 6 = 0.6, so ŷ = ${f2(s.w1)} + ${f2(s.b1)} = ${f2(s.w1 + s.b1)} and the error shrinks from 3 to ${f2(Math.sqrt(s.lossAfter))}; squared, that is ${f2(s.lossAfter)}.`,
        mistakes: [
          { value: Math.sqrt(s.lossAfter), why: 'That is the error after the step; the loss is its square.' },
          { value: s.lossBefore, why: 'That is the loss before the step.' },
        ],
      };
    },
  },
  {
    id: 'gd-gradient-w', slot: 'gradient-step', kind: 'choice', digits: 0,
    q: () => 'ŷ = w·x + b with w = 1, b = 0, one point x = 3, y = 2, squared-error loss. What is ∂L/∂w?',
    compute(ml) {
      const s = gradientStep(ml, [3], [2], 1, 0, 0.01);
      return {
        value: s.gw,
        why: `ŷ = 3 misses by e = 1, and ∂L/∂w = 2·e·x = 2 × 1 × 3 = ${formatNumber(s.gw, 0)}: the slope is blamed in proportion to the error and to the input it multiplies.`,
        mistakes: [
          { value: s.gw / 2, why: 'This forgets the factor 2 that comes from differentiating the square e².' },
          { value: -s.gw, why: 'The sign is wrong: the prediction is too high, so raising w would raise the loss — the gradient is positive.' },
          { value: s.gb, why: 'That is ∂L/∂b = 2·e; for w the input x = 3 multiplies it.' },
        ],
      };
    },
  },

  // ── gradient descent ─────────────────────────────────────────────────────────────────────
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
];
