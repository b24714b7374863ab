// The question bank of the Machine Learning badge.
//
// The badge closes the expert level, before the Frontier and the landscape, so it asks only what
// a learner has met by then, in course order: every slot's lessons come from the foundations to
// expert levels. An attempt has 22 questions, one drawn from each slot below, so every attempt
// covers the same topics in the same proportions:
//   foundations   4 of 22  (what ML is · loss and empirical risk · one gradient step · the learning loop)
//   beginner      4 of 22  (rules or learning · features and labels · kinds of learning · the spam filter)
//   intermediate  4 of 22  (a line's predictions · gradient descent · train vs test · the boundary)
//   advanced      5 of 22  (losses · regression metrics · overfitting and regularisation ·
//                           precision/recall · ROC)
//   expert        5 of 22  (k-means · k-NN · decision trees · scaling and cross-validation ·
//                           margins, principal axes and ensembles)
//
// A question is one of
//   { id, slot, q, right: [text, why], wrong: [[text, why], [text, why], [text, why]] }
//       multiple choice written out; every choice carries why it is right or wrong;
//   { id, slot, kind: 'choice', digits, q: () => text, compute(ml) → { value, why, mistakes } }
//       multiple choice whose right answer and three distractors (common mistakes) are computed
//       by the engine at run time, shown with `digits` decimals;
//   { id, slot, kind: 'number', digits, tolerance?, q: () => text, compute(ml) → … }
//       a typed number, right within ±tolerance (default 10^−digits) of the answer as shown (to
//       `digits` decimals, attempt.js grade); `mistakes` name typical
//       wrong numbers so their explanation can be shown.
// `lesson` and `topic` default to the slot's; the result screen links missed topics to
// lessons/<lesson>.html.
//
// The questions are course content, kept in one data module per topic group (each holds whole
// slots, in the slots' order):
//   questions-learning-and-data.js         what ML is, the learning loop, rules or learning,
//                                          features and labels, kinds of learning
//   questions-gradient-descent.js          one gradient step, gradient descent
//   questions-lines-boundaries-losses.js   a line's predictions, the boundary, losses
//   questions-evaluation.js                train vs test, overfitting, precision/recall, ROC,
//                                          scaling and cross-validation
//   questions-clusters-neighbours-trees.js k-means, k-NN, decision trees
//   questions-margins-axes-ensembles.js    SVMs, PCA, ensembles
//   questions-risk-spam-residuals.js       loss and empirical risk, the spam filter, regression
//                                          metrics
// A question's id and slot never change: saved progress and the tests refer to them.
import { LEARNING_AND_DATA } from './questions-learning-and-data.js';
import { GRADIENT_DESCENT } from './questions-gradient-descent.js';
import { LINES_BOUNDARIES_LOSSES } from './questions-lines-boundaries-losses.js';
import { EVALUATION } from './questions-evaluation.js';
import { CLUSTERS_NEIGHBOURS_TREES } from './questions-clusters-neighbours-trees.js';
import { MARGINS_AXES_ENSEMBLES } from './questions-margins-axes-ensembles.js';
import { RISK_SPAM_RESIDUALS } from './questions-risk-spam-residuals.js';

export const SLOTS = [
  { id: 'what-ml-is', level: 'foundations', topic: 'What machine learning is', lesson: 'ml-foundations' },
  { id: 'empirical-risk', level: 'foundations', topic: 'Loss and empirical risk', lesson: 'empirical-risk' },
  { id: 'gradient-step', level: 'foundations', topic: 'One gradient-descent step', lesson: 'how-models-learn' },
  { id: 'learning-loop', level: 'foundations', topic: 'The learning loop', lesson: 'learning-loop' },
  { id: 'rules-or-learning', level: 'beginner', topic: 'Rules or learning', lesson: 'rules-or-learning' },
  { id: 'features-labels', level: 'beginner', topic: 'Examples, features and labels', lesson: 'data-features-labels' },
  { id: 'kinds-of-learning', level: 'beginner', topic: 'Kinds of learning', lesson: 'kinds-of-learning' },
  { id: 'spam-filter', level: 'beginner', topic: 'A spam filter: weights, score and sigmoid', lesson: 'spam-filter' },
  { id: 'line-prediction', level: 'intermediate', topic: 'Predicting with a line', lesson: 'predicting-a-tip' },
  { id: 'gradient-descent', level: 'intermediate', topic: 'Gradient descent', lesson: 'gradient-descent' },
  { id: 'train-test', level: 'intermediate', topic: 'Train vs test', lesson: 'train-vs-test' },
  { id: 'classification-boundary', level: 'intermediate', topic: 'Boundaries and the sigmoid', lesson: 'draw-the-boundary' },
  { id: 'losses', level: 'advanced', topic: 'Loss functions', lesson: 'loss-functions' },
  { id: 'regression-metrics', level: 'advanced', topic: 'Regression metrics', lesson: 'regression-metrics' },
  { id: 'overfitting', level: 'advanced', topic: 'Overfitting and regularisation', lesson: 'regularisation' },
  { id: 'metrics', level: 'advanced', topic: 'Precision and recall', lesson: 'classification-metrics' },
  { id: 'roc', level: 'advanced', topic: 'ROC curves and AUC', lesson: 'roc-curves' },
  { id: 'kmeans', level: 'expert', topic: 'k-means', lesson: 'kmeans' },
  { id: 'knn', level: 'expert', topic: 'k-nearest neighbours', lesson: 'knn' },
  { id: 'decision-trees', level: 'expert', topic: 'Decision trees', lesson: 'decision-trees' },
  { id: 'cross-validation', level: 'expert', topic: 'Feature scaling and cross-validation', lesson: 'scaling-and-cv' },
  { id: 'margins-axes-ensembles', level: 'expert', topic: 'SVMs, PCA and ensembles', lesson: 'svm' },
];

export const QUESTIONS = [
  ...LEARNING_AND_DATA, ...GRADIENT_DESCENT, ...LINES_BOUNDARIES_LOSSES, ...EVALUATION,
  ...CLUSTERS_NEIGHBOURS_TREES, ...MARGINS_AXES_ENSEMBLES, ...RISK_SPAM_RESIDUALS,
];
