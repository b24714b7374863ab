// Badge questions on reinforcement learning (returns, Q-learning, exploring) and neural networks
// in practice (vanishing gradients, convolution filters, pipelines and leakage, attention).
// Format: see bank.js.
// Every "why" says why that choice is right or wrong, in the course's own words; computed
// questions ask the engine for the answer, and their distractors are the numbers common
// mistakes give.
import { formatNumber } from '../../lib/format.js';

const f2 = (v) => formatNumber(v, 2);
const f3 = (v) => formatNumber(v, 3);

export const REINFORCEMENT_AND_NEURAL = [
  // ── reinforcement learning ───────────────────────────────────────────────────────────────
  {
    id: 'grid-value', slot: 'reinforcement-learning', kind: 'number', digits: 2, lesson: 'q-learning', topic: 'Q-learning and returns',
    q: () => 'On an open 4 × 4 grid the agent starts in the top-left corner; entering the bottom-right goal pays +1, other moves pay 0, and the discount is γ = 0.9. What is the best possible return from the start? (two decimals)',
    compute(ml) {
      const v = ml.scoped((track) => {
        const g = track(new ml.Gridworld());
        g.setSize(4, 4);
        return g.valueIteration(0.9, 1e-12)[0];
      });
      return {
        value: v,
        why: `The shortest path takes 6 moves and the +1 arrives with the 6th, so it is discounted 5 times: 0.9⁵ = ${f2(v)}.`,
        mistakes: [
          { value: 0.9 ** 6, why: 'That discounts 6 times; the reward for the 6th move is discounted once per move before it (5 times).' },
          { value: 1, why: 'That ignores the discount: a reward 6 moves away is worth less than one now.' },
        ],
      };
    },
  },
  {
    id: 'epsilon-zero', slot: 'reinforcement-learning', lesson: 'explore-or-exploit', topic: 'Explore or exploit',
    q: 'An ε-greedy learner is run with ε = 0. What can go wrong?',
    right: ['It may lock onto an early winner and never explore', 'It can settle on the first option that paid well. With no exploration an option that was unlucky early never gets another chance; its regret grows in a straight line.'],
    wrong: [
      ['Nothing: always taking the best estimate is optimal', 'The best estimate is not the best option while estimates are still rough.'],
      ['It picks options completely at random', 'Picking at random every time is ε = 1; with ε = 0 it never explores.'],
      ['It cannot update its estimates', 'It still updates the estimates of what it pulls; it just never pulls the others.'],
    ],
  },
  {
    id: 'gamma-zero', slot: 'reinforcement-learning', lesson: 'q-learning', topic: 'Q-learning and returns',
    q: 'A Q-learning agent is trained with discount γ = 0. What does it learn?',
    right: ['Only the immediate reward of each move', 'With γ = 0 the update ignores what follows a move, so value cannot spread backwards from the goal: only the cells beside it learn anything.'],
    wrong: [
      ['The same values as with γ = 0.9, only faster', 'γ sets how much the future counts; with 0 it counts not at all.'],
      ['To value long paths more than short ones', 'Discounting below 1 never favours longer paths; γ = 0 sees only one step.'],
      ['Nothing at all, anywhere', 'Moves that enter the goal still earn their immediate +1.'],
    ],
  },

  // ── neural networks and practice ─────────────────────────────────────────────────────────
  {
    id: 'sigmoid-chain', slot: 'neural-landscape', kind: 'number', digits: 3, lesson: 'activation-functions', topic: 'Vanishing gradients',
    q: () => 'A chain of three one-unit sigmoid layers, aₗ = σ(1·aₗ₋₁ + 0), starts from a₀ = 0. What is the gradient ∂a₃/∂a₀ that reaches the input? (three decimals)',
    compute(ml) {
      const chain = ml.gradientChain('sigmoid', 3, 1, 0, 0);
      const value = chain.gradient[0];
      const factors = Array.from(chain.localFactor).map(f3).join(' × ');
      return {
        value,
        why: `By the chain rule it is the product of the layers' slopes w·σ′(zₗ): ${factors} = ${f3(value)}. Each sigmoid slope is at most 0.25, so the gradient fades with depth.`,
        mistakes: [
          { value: 0.25 ** 3, why: '0.25³ uses the sigmoid\'s largest slope for every layer; only the first layer has z = 0, the others have z > 0 and flatter slopes.' },
          { value: 0.25, why: 'That is the slope of one layer at z = 0; three layers multiply three slopes.' },
        ],
      };
    },
  },
  {
    id: 'edge-filter', slot: 'neural-landscape', kind: 'choice', digits: 0, lesson: 'convolution-filters', topic: 'Convolution filters',
    q: () => 'The 3 × 3 image with rows (1, 2, 3), (4, 5, 6), (7, 8, 9) is filtered with the 3 × 3 kernel whose rows are all (-1, 0, 1), without padding, as convolution layers do. What is the single output value?',
    compute(ml) {
      const img = [1, 2, 3, 4, 5, 6, 7, 8, 9];
      const kernel = [-1, 0, 1, -1, 0, 1, -1, 0, 1];
      const value = ml.convolve2d(img, 3, kernel, 'valid').values[0];
      return {
        value,
        why: `Each row contributes right minus left: (3 − 1) + (6 − 4) + (9 − 7) = ${formatNumber(value, 0)}. The filter responds to brightness rising from left to right.`,
        mistakes: [
          { value: -value, why: 'That flips the kernel (textbook convolution); neural-network layers slide it unflipped (cross-correlation).' },
          { value: 2, why: 'That is one row only; the kernel covers all three.' },
          { value: 45, why: 'That is the sum of all pixels, as if every kernel weight were 1.' },
        ],
      };
    },
  },
  {
    id: 'leaky-pipeline', slot: 'neural-landscape', lesson: 'pipeline-leakage', topic: 'Pipelines and leakage',
    q: 'You pick the 10 columns most correlated with the label using the whole table, then cross-validate a model on them. What is wrong?',
    right: ['The held-out rows helped choose the columns', 'Choosing the columns is part of the model, so it must be redone inside each fold on that fold\'s training rows; done once on every row, it lets the held-out rows flatter the CV score.'],
    wrong: [
      ['Nothing: column selection is not training', 'Anything learned from rows — means, fill values, chosen columns — is part of the model.'],
      ['10 columns are too few for cross-validation', 'The number of columns is not the issue; where they were chosen is.'],
      ['Correlation cannot be used to choose columns', 'It can, as long as it is computed on training rows only.'],
    ],
  },
  {
    id: 'softmax-attention', slot: 'neural-landscape', lesson: 'attention-toy', topic: 'Attention',
    q: 'In attention, each token\'s scores against the other tokens go through a softmax. What does that make of them?',
    right: ['Positive weights summing to 1 per token', 'The output is then a weighted average of the value vectors.'],
    wrong: [
      ['Zeros and ones: one pick per token', 'Softmax gives soft weights; every token gets some share.'],
      ['Scores that add up to 0', 'exp is always positive, so the weights are positive and sum to 1.'],
      ['The same weight for every token', 'Higher scores get larger weights; equal weights happen only for equal scores.'],
    ],
  },
];
