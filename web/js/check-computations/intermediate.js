// Check-yourself computations for the Intermediate level (lessons two-jobs … predicting-a-tip),
// in the same shape as web/js/check-computations.js: each takes the loaded engine and an object
// of named arguments (numbers, or arrays for comma lists) and returns an object of named results,
// every one of them computed by the engine. Free of the DOM, so Node tests run the same code.

import { need, opt, scoped } from './args.js';

const SURFACES = ['bowl', 'ravine', 'rosenbrock', 'saddle'];
const OPTIMIZERS = ['sgd', 'momentum', 'rmsprop', 'adam'];
function pick(list, args, name, fallback) {
  const i = opt(args, name, fallback);
  if (!Number.isInteger(i) || !list[i]) throw new RangeError(`needs ${name}= 0…${list.length - 1} (${list.join(', ')})`);
  return list[i];
}

export const intermediate = {
  // The line ŷ = w·x + b on points (x_i, y_i): its MSE, the two gradient components, and the
  // least-squares line for the same points (Fit the line, Predicting a tip).
  'line-fit': (ml, a) => scoped((track) => {
    const x = need(a, 'x', 'list');
    const y = need(a, 'y', 'list');
    if (x.length !== y.length) throw new RangeError('needs x= and y= lists of the same length');
    const m = track(new ml.LinearRegression());
    m.setData(x, 1, y);
    m.setParams([need(a, 'w'), need(a, 'b')]);
    const [gradW, gradB] = m.gradient();
    const mse = m.loss();
    const [bestW, bestB] = m.closedForm();
    m.setParams([bestW, bestB]);
    return { mse, gradW, gradB, bestW, bestB, bestMse: m.loss() };
  }),
  // The prediction ŷ = w·x + b of the engine's linear regression with its parameters set to w, b
  // (the one data point only fixes the feature count; it does not change the prediction).
  'line-predict': (ml, a) => scoped((track) => {
    const x = need(a, 'x');
    const m = track(new ml.LinearRegression());
    m.setData([x], 1, [0]);
    m.setParams([need(a, 'w'), need(a, 'b')]);
    return { value: m.predict([x])[0] };
  }),
  // Steps of one optimiser (0 sgd, 1 momentum, 2 rmsprop, 3 adam) on one of the loss-surface
  // widget's surfaces (0 bowl, 1 ravine, 2 rosenbrock, 3 saddle) from (x, y) at learning rate eta.
  'surface-step': (ml, a) => scoped((track) => {
    const s = track(new ml.OptimizerSurface());
    s.setFunction(pick(SURFACES, a, 'surface', 1));
    const x0 = need(a, 'x');
    const y0 = need(a, 'y');
    const [gradX, gradY] = s.gradient(x0, y0);
    const lossBefore = s.value(x0, y0);
    s.startPath(x0, y0, pick(OPTIMIZERS, a, 'optimizer', 0), need(a, 'eta'));
    const steps = opt(a, 'steps', 1);
    if (!Number.isInteger(steps) || steps < 1 || steps > 1000) throw new RangeError('needs steps= a whole number from 1 to 1000');
    let p = null;
    for (let i = 0; i < steps; i++) p = s.stepPath();
    return { x: p.x, y: p.y, loss: p.loss, lossBefore, gradX, gradY };
  }),
  // The train-vs-test widget's experiment: two moons (points, noise, seed) split half and half by
  // the engine with the same seed, a decision tree of the given depth trained on one half.
  // Accuracies as fractions; gap = train − test in percentage points.
  'tree-train-test': (ml, a) => scoped((track) => {
    const d = ml.makeMoons(need(a, 'points'), need(a, 'noise'), need(a, 'seed'));
    const split = ml.trainValidationTestSplit(d.y, 0, 0.5, need(a, 'seed'), true);
    const part = (rows) => ({ X: Array.from(rows).flatMap((r) => [d.X[2 * r], d.X[2 * r + 1]]), y: Array.from(rows, (r) => d.y[r]) });
    const train = part(split.train);
    const test = part(split.test);
    const m = track(new ml.DecisionTree());
    m.setMaxDepth(need(a, 'depth'));
    m.setData(train.X, 2, train.y);
    m.fit(100000);
    const tr = m.score(train.X, train.y);
    const te = m.score(test.X, test.y);
    return { train: tr, test: te, gap: 100 * (tr - te) };
  }),
};
