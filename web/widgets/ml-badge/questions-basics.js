// Badge questions for the foundations and the beginner level. Format (see bank.js):
//   static multiple choice: { id, slot, q, right: [text, why], wrong: [[text, why] ×3] }
//   computed:               { id, slot, kind, q(values), compute(ml) → { value, why, mistakes: [{ value, why }] } }
// Every "why" says why that choice is right or wrong, in the course's own words.
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

const f = (v) => formatNumber(v, 2);

export const BASICS = [
  // ── foundations: what machine learning is ──────────────────────────────────────────────
  {
    id: 'training-or-inference', slot: 'what-ml-is',
    q: 'A finished model is put online and answers a customer\'s request. What is it doing?',
    right: ['Inference with its fixed parameters', 'Its fixed parameters turn the new input into an output; nothing is learned. Training is the slow, separate job that set those parameters.'],
    wrong: [
      ['Training: every answer adjusts its parameters', 'A deployed model normally keeps its parameters fixed. Adjusting them is training, which happens before deployment (or in separate runs).'],
      ['Measuring its test error', 'Test error needs the true labels of held-out examples; a live request has no label to compare with.'],
      ['Feature engineering', 'Feature engineering is a person choosing how to turn raw things into numbers. The deployed model only applies what was decided.'],
    ],
  },
  {
    id: 'what-are-parameters', slot: 'what-ml-is',
    q: 'In the model ŷ = w·x + b, what are w and b?',
    right: ['Parameters: the knobs that training adjusts', 'Training searches for the w and b with the smallest average loss; they are what the model learns.'],
    wrong: [
      ['Features: the inputs describing an example', 'The feature here is x, the input. w and b are applied to it.'],
      ['Labels: the answers we want to predict', 'The label is y, the true answer; ŷ is the model\'s guess of it.'],
      ['Hyper-parameters set before training', 'Hyper-parameters such as the learning rate η are chosen by a person; w and b are found by the learning itself.'],
    ],
  },
  {
    id: 'goal-of-training', slot: 'what-ml-is',
    q: 'What does a good training run ultimately aim for?',
    right: ['Low error on new inputs from the same source', 'That is generalisation. Training error is only a stand-in we can compute; the real test is data the model never saw.'],
    wrong: [
      ['Zero error on the training examples', 'A model can reach zero training error by memorising its examples, noise included, and still fail on anything new.'],
      ['As many parameters as possible', 'More knobs make memorising easier, not learning. The right size depends on the data.'],
      ['A rule a person can read line by line', 'What training produces is a list of numbers, usually not a readable rule. Readable rules are what hand-written programs give.'],
    ],
  },

  // ── foundations: one gradient step, computed by the engine ───────────────────────────────
  {
    id: 'gd-step-w', slot: 'gradient-step', kind: 'number', digits: 2,
    q: () => 'The model ŷ = w·x + b starts at w = 3, b = 4 and sees one point, x = 1, y = 4, with squared-error loss and learning rate η = 0.1. After one gradient-descent step, what is w? (two decimals)',
    compute(ml) {
      const s = gradientStep(ml, [1], [4], 3, 4, 0.1);
      return {
        value: s.w1,
        why: `The error is ŷ − y = 7 − 4 = 3, so ∂L/∂w = 2·e·x = ${f(s.gw)} and w becomes 3 − 0.1 × ${f(s.gw)} = ${f(s.w1)}.`,
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
        why: `The prediction 2 misses 3 by e = −1, so ∂L/∂b = 2·e = ${f(s.gb)} and b becomes 0 − 0.05 × (${f(s.gb)}) = ${f(s.b1)}: the line rises towards the point.`,
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
        why: `Both parameters drop by 0.1 × 6 = 0.6, so ŷ = ${f(s.w1)} + ${f(s.b1)} = ${f(s.w1 + s.b1)} and the error shrinks from 3 to ${f(Math.sqrt(s.lossAfter))}; squared, that is ${f(s.lossAfter)}.`,
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

  // ── foundations: the learning loop ───────────────────────────────────────────────────────
  {
    id: 'loop-unstable', slot: 'learning-loop',
    q: 'During training the loss swings up and down and then becomes infinite. Where do you look first?',
    right: ['Lower the learning rate η', 'Also check the features are on similar scales. Steps that overshoot further each time are the signature of too large a learning rate (or of badly scaled features that make one direction very steep).'],
    wrong: [
      ['Collect a larger test set', 'The test set only measures the finished model; it cannot calm the training steps.'],
      ['Add more layers to the model', 'A bigger model does not fix steps that overshoot; it usually makes training harder to steady.'],
      ['Switch the reported metric to accuracy', 'The loop follows the loss whatever you report; changing the display changes nothing about the divergence.'],
    ],
  },
  {
    id: 'loop-blame', slot: 'learning-loop',
    q: 'In the learning loop, what does the gradient give each parameter?',
    right: ['Its share of the blame for the loss', 'It says how much the loss would change if that parameter moved a little; the update then moves each parameter a small step against it.'],
    wrong: [
      ['Its best possible value', 'The gradient only points downhill from where we are. The loop never computes the best value directly; it takes many small steps.'],
      ['The learning rate to use for it', 'η is a setting chosen by a person; the gradient is computed from the loss.'],
      ['Which example is mislabelled', 'The gradient mixes every example\'s error. Finding bad labels is a data-checking job.'],
    ],
  },
  {
    id: 'loop-last-step', slot: 'learning-loop',
    q: 'The training loss falls nicely for 1 000 steps. What must still happen before you trust the model?',
    right: ['Evaluate it on data the loop never trained on', 'A falling training loss is necessary but not enough: only unseen data shows whether the model learned structure or memorised noise.'],
    wrong: [
      ['Nothing: a falling loss proves the model works', 'The loss can fall all the way to zero by memorising the training set.'],
      ['Run another 1 000 steps to be sure', 'More steps lower the training loss further; they say nothing about new data, and can make memorising worse.'],
      ['Raise the learning rate to check it still converges', 'That probes the optimiser, not whether the model works on new inputs.'],
    ],
  },

  // ── beginner: rules or learning ──────────────────────────────────────────────────────────
  {
    id: 'rule-even', slot: 'rules-or-learning',
    q: 'Which of these jobs is better done by a hand-written rule than by learning from examples?',
    right: ['Telling whether a whole number is even', 'An exact one-line rule exists (look at the remainder after dividing by 2). Learning pays off when no such rule can be written down.'],
    wrong: [
      ['Sorting incoming emails into spam and not spam', 'Spam has no crisp definition and changes all the time: a learned filter copes far better than a list of rules.'],
      ['Recognising faces in photos', 'Nobody can write the pixel conditions for "this is a face"; learning from many labelled photos works.'],
      ['Forecasting next month\'s sales', 'Sales depend on many fuzzy factors; patterns are best learned from past data.'],
    ],
  },
  {
    id: 'rule-units', slot: 'rules-or-learning',
    q: 'A developer wants to convert temperatures from Celsius to Fahrenheit. Should she train a model?',
    right: ['No: write the known formula', 'The formula F = 1.8·C + 32 is known, exact and never changes. A learned model could only approximate it, and would need data for no gain.'],
    wrong: [
      ['Yes: learning always beats rules', 'Learning earns its keep where the rule is unknown or fuzzy. Here it would be slower and less exact than the formula.'],
      ['Yes, but only with a neural network', 'The kind of model is beside the point: no model is needed when an exact rule exists.'],
      ['Only if she has more than a million examples', 'No amount of data beats an exact, known formula.'],
    ],
  },
  {
    id: 'rule-debug', slot: 'rules-or-learning',
    q: 'A learned model makes a strange mistake. How do you usually find out why?',
    right: ['Study its data and its mistakes', 'The behaviour of a learned model comes from its examples and its numbers, so you look at what it learned from and where it fails.'],
    wrong: [
      ['Read its source code line by line', 'That works for hand-written rules; a learned model\'s behaviour lives in its parameters, not in readable code.'],
      ['Ask the model to explain its rule', 'A trained model holds numbers, not a rule it can state.'],
      ['Retrain it with a larger learning rate', 'That changes the optimiser, not your understanding of the mistake, and may make training unstable.'],
    ],
  },

  // ── beginner: examples, features and labels ──────────────────────────────────────────────
  {
    id: 'label-column', slot: 'features-labels',
    q: 'A table of houses is used to predict the selling price. What is the price column called?',
    right: ['The label', 'The label is the answer the model should learn to predict.'],
    wrong: [
      ['A feature', 'Features are the clues we give the model (floor area, bedrooms…); the price is what it must guess.'],
      ['An example', 'An example is one whole row: one house with its features and its price.'],
      ['A parameter', 'Parameters belong to the model and are set by training; the price is data.'],
    ],
  },
  {
    id: 'noise-feature', slot: 'features-labels',
    q: 'Floor area, number of bedrooms and the owner\'s shoe size are offered as features for house prices. Which one should go?',
    right: ['The owner\'s shoe size', 'It carries no information about the price, so a model can only pick up coincidences from it.'],
    wrong: [
      ['Floor area', 'Bigger houses tend to cost more: floor area carries real signal.'],
      ['Number of bedrooms', 'Bedrooms track size and use, so they carry information about the price.'],
      ['None: more features always help', 'A useless feature adds noise the model may fit; it does not help for free.'],
    ],
  },
  {
    id: 'one-example', slot: 'features-labels',
    q: 'In a table where each row is one email with columns for word counts and a spam/not-spam column, what is one row?',
    right: ['One example', 'Each row is a single example: its features (word counts) together with its label (spam or not).'],
    wrong: [
      ['One feature', 'A feature is a column, measured for every email.'],
      ['The label', 'The label is the spam/not-spam column, one entry per row.'],
      ['The model', 'The model is the function learned from all the rows, not a row itself.'],
    ],
  },

  // ── beginner: kinds of learning ──────────────────────────────────────────────────────────
  {
    id: 'kind-clustering', slot: 'kinds-of-learning',
    q: 'A shop groups its customers by buying habits without anybody saying what the groups should be. Which kind of learning is that?',
    right: ['Unsupervised', 'There are no labels, only data; the method finds the structure by itself (clustering).'],
    wrong: [
      ['Supervised', 'Supervised learning needs the right answer for every training example; nobody gave one here.'],
      ['Reinforcement', 'Reinforcement learning has an agent acting and being rewarded; there is no agent or reward here.'],
      ['Rule-based programming', 'Nobody wrote the groups down; the groups come from the data.'],
    ],
  },
  {
    id: 'kind-supervised', slot: 'kinds-of-learning',
    q: 'A filter is trained on 10 000 emails that people have each marked "spam" or "not spam". Which kind of learning is that?',
    right: ['Supervised', 'Every training example comes with its right answer (the label), and the model learns to reproduce it.'],
    wrong: [
      ['Unsupervised', 'Unsupervised learning gets no answers; here every email carries one.'],
      ['Reinforcement', 'No agent acts in a world and collects rewards; the labels are given up front.'],
      ['Semi-supervised, because spam changes over time', 'Semi-supervised means only some examples are labelled; here all of them are.'],
    ],
  },
  {
    id: 'kind-reinforcement', slot: 'kinds-of-learning',
    q: 'A program learns to play a game by trying moves and receiving points only when it wins. Which kind of learning is that?',
    right: ['Reinforcement', 'An agent acts, the world pays rewards (often late), and the agent learns which actions pay off.'],
    wrong: [
      ['Supervised', 'Nobody tells the program the right move for each position; it only gets a reward at the end.'],
      ['Unsupervised', 'There is a reward signal to maximise, not just data to find structure in.'],
      ['Clustering', 'Clustering groups data points; it does not choose actions.'],
    ],
  },
];
