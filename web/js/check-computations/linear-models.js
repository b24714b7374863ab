// Linear models: gradient steps and fits of a line, logistic and polynomial regression, penalties, ElasticNet.

import { need, opt, scoped, sameLength } from './args.js';

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
  // ŷ = w·x + b (or w₁x₁ + … + w_d x_d + b with cols=d and x a flat row-major list) on the points
  // (x, y), scored by mean squared error and R². At the given w, b: mseBefore, gradW (the first
  // weight's), gradB, and with at=x₀ (one feature) the prediction ŷ there. After `steps`
  // gradient steps of size eta (default none): w (the first weight), b, mse, r2.
  linear: (ml, a) => scoped((track) => {
    const x = need(a, 'x', 'list');
    const y = need(a, 'y', 'list');
    const cols = opt(a, 'cols', 1);
    const weights = need(a, 'w', 'list');
    if (weights.length !== cols) throw new RangeError(`needs w= ${cols} weight(s), one per feature`);
    const m = track(new ml.LinearRegression());
    m.setData(x, cols, y);
    m.setParams([...weights, need(a, 'b')]);
    const mseBefore = m.loss();
    const grad = m.gradient();
    const at = opt(a, 'at', null);
    const prediction = at === null ? NaN : m.predict([at])[0];
    const steps = opt(a, 'steps', 0);
    if (steps > 0) {
      m.setLearningRate(need(a, 'eta'));
      for (let i = 0; i < steps; i++) m.step();
    }
    const p = m.params();
    return { w: p[0], b: p[p.length - 1], prediction, mseBefore, mse: m.loss(), r2: m.score(x, y), gradW: grad[0], gradB: grad[grad.length - 1] };
  }),
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
  // A degree-d polynomial fitted exactly (least squares) to x, y; its mean squared error there
  // and on validation points vx, vy; its prediction at `at`.
  'poly-fit': (ml, a) => scoped((track) => {
    const x = need(a, 'x', 'list');
    const y = need(a, 'y', 'list');
    sameLength(x, y, 'x and y');
    const m = track(new ml.PolynomialRegression());
    m.setDegree(need(a, 'degree'));
    m.setData(x, 1, y);
    m.solve();
    const out = { train: ml.meanSquaredError(y, m.predict(x).slice()) };
    if (a.vx !== undefined) {
      const vx = need(a, 'vx', 'list');
      const vy = need(a, 'vy', 'list');
      sameLength(vx, vy, 'vx and vy');
      out.validation = ml.meanSquaredError(vy, m.predict(vx).slice());
    }
    if (a.at !== undefined) out.prediction = m.predict([need(a, 'at')])[0];
    return out;
  }),
  // The penalty λ‖w‖² (l2) or λ‖w‖₁ (l1) of a weight vector, and the sums inside.
  penalty: (ml, a) => {
    const w = need(a, 'w', 'list');
    const lambda = need(a, 'lambda');
    const squares = ml.vectorDot(w, w);
    const sizes = ml.meanAbsoluteError(w, w.map(() => 0)) * w.length;
    return { squares, sizes, l2: lambda * squares, l1: lambda * sizes };
  },
  // One ElasticNet coordinate update on centred data: z = x_jᵀ r_j, c = x_jᵀ x_j, n points,
  // α = alpha and ρ = rho. Returns the new weight w, the soft threshold nαρ and the denominator
  // c + nα(1 − ρ).
  'elastic-net-update': (ml, a) => {
    const z = need(a, 'z'), c = need(a, 'c'), n = need(a, 'n'), alpha = need(a, 'alpha'), rho = need(a, 'rho');
    return {
      w: ml.ElasticNet.coordinateUpdate(z, c, n, alpha, rho),
      threshold: n * alpha * rho,
      shrunk: ml.ElasticNet.softThreshold(z, n * alpha * rho),
      denominator: c + n * alpha * (1 - rho),
    };
  },
};
