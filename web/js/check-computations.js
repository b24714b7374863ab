// The numbers behind check-yourself answers. A lesson never types a numeric answer: its
// `::: check-yourself` block names one of these computations with the lesson's own numbers
// (`= gd-step.w x=1 y=4 w=3 b=4 eta=0.1 ± 0.01`), and the page asks the engine for it, so the
// answer is the engine's, computed from the same state the lesson describes. Each computation
// takes the loaded engine and an object of named arguments (numbers, or arrays of numbers for
// comma lists) and returns an object of named results; the directive picks one result.
// Kept free of the DOM so Node tests evaluate every lesson's answers with the same code.

import { computations as frontier } from './check-computations/frontier.js';
import { computations as landscape1 } from './check-computations/landscape1.js';
import { computations as landscape2 } from './check-computations/landscape2.js';
import { computations as cnn } from './check-computations/cnn.js';
import { computations as rnn } from './check-computations/rnn.js';
import { computations as tune } from './check-computations/tune.js';
import { foundationsComputations as foundations } from './check-computations/foundations.js';
import { intermediate } from './check-computations/intermediate.js';
import { computations as advanced } from './check-computations/advanced.js';
import { computations as expert } from './check-computations/expert.js';
import { computations as comparison } from './check-computations/comparison.js';
import { computations as gan } from './check-computations/gan.js';
import { computations as statistics } from './check-computations/statistics.js';
import { computations as tricks } from './check-computations/tricks.js';
import { computations as dqn } from './check-computations/dqn.js';
import { computations as regress } from './check-computations/regress.js';
import { computations as timeSeries } from './check-computations/time-series.js';
import { computations as lifecycle } from './check-computations/lifecycle.js';
import { computations as retrieval } from './check-computations/retrieval.js';
import { computations as sentiment } from './check-computations/sentiment.js';
import { computations as svd } from './check-computations/svd.js';

import { need, opt, scoped } from './check-computations/args.js';

export const computations = {
  // Gradient steps of ŷ = w·x + b on one point under squared error (the two-parameter walkthrough).
  'gd-step': (ml, a) => scoped((track) => {
    const m = track(new ml.LinearRegression());
    m.setData([need(a, 'x')], 1, [need(a, 'y')]);
    m.setLearningRate(need(a, 'eta'));
    m.setParams([need(a, 'w'), need(a, 'b')]);
    const before = m.loss();
    const [gw, gb] = m.gradient();
    const steps = opt(a, 'steps', 1);
    for (let i = 0; i < steps; i++) m.step();
    const [w, b] = m.params();
    return { w, b, lossBefore: before, loss: m.loss(), gradW: gw, gradB: gb };
  }),
  sigmoid: (ml, a) => ({ value: ml.activationCurve('sigmoid', [need(a, 'z')]).value[0] }),
  // A logistic model on one example: the score z (given as z=, or from features and weights as
  // x=…,… w=…,… b= or x1= x2= w1= w2= b=), the probability p = σ(z), the class at threshold t
  // (t=, default 0.5), and the log loss for label y (y=; lossIf1 / lossIf0 for both labels).
  logistic: (ml, a) => scoped((track) => {
    let z;
    let p;
    let label;
    const t = opt(a, 't', 0.5);
    if (a.z !== undefined) {
      z = need(a, 'z');
      p = ml.activationCurve('sigmoid', [z]).value[0];
      label = p >= t ? 1 : 0;
    } else {
      const x = a.x1 !== undefined ? [need(a, 'x1'), need(a, 'x2')] : need(a, 'x', 'list');
      const w = a.w1 !== undefined ? [need(a, 'w1'), need(a, 'w2')] : need(a, 'w', 'list');
      if (w.length !== x.length) throw new RangeError(`needs one weight per feature (${x.length})`);
      const m = track(new ml.LogisticRegression());
      // Two rows (the example and an all-zero one) only to give the model its feature count.
      m.setData([...x, ...x.map(() => 0)], x.length, [1, 0]);
      m.setParams([...w, need(a, 'b')]);
      m.setThreshold(t);
      z = m.decisionFunction(x)[0];
      p = m.predictProba(x)[1];
      label = m.predict(x)[0];
    }
    const out = { z, p, label, lossIf1: ml.logLoss([1], [p]), lossIf0: ml.logLoss([0], [p]) };
    if (a.y !== undefined) {
      const y = need(a, 'y');
      if (y !== 0 && y !== 1) throw new RangeError('needs y= 0 or 1');
      out.loss = y === 1 ? out.lossIf1 : out.lossIf0;
    }
    return out;
  }),
  activation: (ml, a) => {
    const names = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'gelu', 'linear'];
    const name = names[need(a, 'fn')];
    if (!name) throw new RangeError(`needs fn= 0…${names.length - 1} (${names.join(', ')})`);
    const c = ml.activationCurve(name, [need(a, 'z')]);
    return { value: c.value[0], derivative: c.derivative[0] };
  },
  'log-loss': (ml, a) => ({ value: ml.logLoss(need(a, 'y', 'list'), need(a, 'p', 'list')) }),
  mse: (ml, a) => ({ value: ml.meanSquaredError(need(a, 'y', 'list'), need(a, 'yhat', 'list')) }),
  mae: (ml, a) => ({ value: ml.meanAbsoluteError(need(a, 'y', 'list'), need(a, 'yhat', 'list')) }),
  classification: (ml, a) => {
    const y = need(a, 'y', 'list');
    const yhat = need(a, 'yhat', 'list');
    return { accuracy: ml.accuracy(y, yhat), precision: ml.precision(y, yhat), recall: ml.recall(y, yhat), f1: ml.f1Score(y, yhat) };
  },
  auc: (ml, a) => ({ value: ml.mannWhitneyAuc(need(a, 'y', 'list'), need(a, 'scores', 'list')) }),
  softmax: (ml, a) => {
    const p = ml.softmax(need(a, 'z', 'list'), opt(a, 't', 1));
    return { value: p[opt(a, 'i', 0)], max: Math.max(...p) };
  },
  dot: (ml, a) => ({ value: ml.vectorDot(need(a, 'u', 'list'), need(a, 'v', 'list')), cosine: ml.vectorCosine(need(a, 'u', 'list'), need(a, 'v', 'list')) }),
  'matrix-2x2': (ml, a) => {
    const m = need(a, 'm', 'list');
    const e = ml.matrix2Eigen(m);
    return { determinant: ml.matrix2Determinant(m), largest: e.real ? e.values[0] : NaN, smallest: e.real ? e.values[1] : NaN };
  },
  // The z-score of x among values (population standard deviation, as the engine's scaler).
  'z-score': (ml, a) => scoped((track) => {
    const scaler = track(new ml.StandardScaler());
    scaler.fit(need(a, 'values', 'list'), 1);
    return { value: scaler.transform([need(a, 'x')], 1)[0], mean: scaler.mean()[0], sd: scaler.scale()[0] };
  }),
  // k-means on points of a line from given centroids, run to convergence.
  'kmeans-1d': (ml, a) => scoped((track) => {
    const m = track(new ml.KMeans());
    m.setData(need(a, 'points', 'list'), 1, []);
    m.setCentroids(need(a, 'centroids', 'list'));
    m.fit(opt(a, 'iterations', 100));
    const c = m.centroids();
    return { inertia: m.inertia(), c1: c[0], c2: c.length > 1 ? c[1] : NaN, steps: m.steps() };
  }),
  // The impurity of a node holding these labels (criterion 0 Gini, 1 entropy in bits), and the
  // best split of points on a line: its threshold and the weighted impurity of the two children.
  'tree-split': (ml, a) => scoped((track) => {
    const t = track(new ml.DecisionTree());
    const labels = need(a, 'labels', 'list');
    const x = a.points === undefined ? labels.map(() => 0) : need(a, 'points', 'list');
    t.setCriterion(opt(a, 'criterion', 0) === 1 ? 'entropy' : 'gini');
    t.setMaxDepth(1);
    t.setData(x, 1, labels);
    const impurity = t.loss();
    t.fit(1);
    const nodes = t.nodes();
    return { impurity, childImpurity: t.loss(), gain: impurity - t.loss(), threshold: nodes[0] >= 0 ? nodes[1] : NaN };
  }),
  // k-NN vote for one query among labelled points on a line.
  'knn-1d': (ml, a) => scoped((track) => {
    const m = track(new ml.KNearestNeighbors());
    m.setData(need(a, 'points', 'list'), 1, need(a, 'labels', 'list'));
    m.setK(need(a, 'k'));
    const q = need(a, 'query');
    return { label: m.predict([q])[0], votes1: m.votes([q])[1] };
  }),
  // Computations of one level's lessons, each in its own module.
  ...foundations,
  ...intermediate,
  ...frontier,
  ...landscape1,
  ...landscape2,
  ...cnn,
  ...rnn,
  ...tune,
  ...advanced,
  ...expert,
  ...comparison,
  ...gan,
  ...statistics,
  ...tricks,
  ...dqn,
  ...regress,
  ...timeSeries,
  ...lifecycle,
  ...retrieval,
  ...sentiment,
  ...svd,
};

export const computationNames = Object.keys(computations);

// "gd-step.w x=1 y=4 eta=0.1 list=1,2,3" → { name, output, args }. Throws a RangeError in words.
export function parseComputation(spec) {
  const parts = String(spec).trim().split(/\s+/);
  const [name, output] = parts[0].split('.');
  if (!Object.prototype.hasOwnProperty.call(computations, name)) {
    throw new RangeError(`unknown computation "${name}" (known: ${computationNames.join(', ')})`);
  }
  if (!output) throw new RangeError(`"${parts[0]}" must name a result, e.g. ${name}.value`);
  const args = {};
  for (const p of parts.slice(1)) {
    const m = /^([a-zA-Z][\w]*)=(.+)$/.exec(p);
    if (!m) throw new RangeError(`argument "${p}" must look like name=3 or name=1,2,3`);
    const values = m[2].split(',').map(Number);
    if (!values.every(Number.isFinite)) throw new RangeError(`argument "${p}" must be numbers`);
    args[m[1]] = m[2].includes(',') ? values : values[0];
  }
  return { name, output, args };
}

// The answer of one parsed computation, from the engine.
export function evaluateComputation(ml, { name, output, args }) {
  const result = computations[name](ml, args);
  if (!Object.prototype.hasOwnProperty.call(result, output)) {
    throw new RangeError(`${name} has no result "${output}" (it gives ${Object.keys(result).join(', ')})`);
  }
  const value = result[output];
  if (!Number.isFinite(value)) throw new RangeError(`${name}.${output} is not a finite number for these arguments`);
  return value;
}

// What a learner typed as a numeric answer: a plain decimal with an optional sign, a decimal
// point or comma ("2.4", "2,4", "-0.5", "−0.5", ".5"). Anything else is refused in words.
export function readNumber(text) {
  const t = String(text).trim().replace(/\u2212/g, '-').replace(/^\+/, '');
  if (!t) return { error: 'Type a number first.' };
  if (!/^-?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return { error: `"${t.slice(0, 20)}" is not a number: type digits, e.g. 2.4 or -0.5.` };
  return { value: Number(t.replace(',', '.')) };
}
