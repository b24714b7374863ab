// Check-yourself computations for the Beginner and Foundations lessons (registered in
// web/js/check-computations.js beside the shared ones). Each takes the loaded engine and the
// directive's named arguments and returns named results, all from the engine.

function need(args, name, kind = 'number') {
  const v = args[name];
  if (kind === 'list') {
    const list = Array.isArray(v) ? v : (typeof v === 'number' ? [v] : null);
    if (!list || !list.length || !list.every(Number.isFinite)) throw new RangeError(`needs ${name}= a list of numbers`);
    return list;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`needs ${name}= a number`);
  return v;
}
function opt(args, name, fallback) { return args[name] === undefined ? fallback : need(args, name); }

// Runs fn with engine objects that are always freed.
function scoped(fn) {
  const made = [];
  try {
    return fn((obj) => { made.push(obj); return obj; });
  } finally {
    for (const obj of made) obj.delete();
  }
}

export const foundationsComputations = {
  // ŷ = w·x + b (or w₁x₁ + … + w_d x_d + b with cols=d and x a flat row-major list) on the points
  // (x, y), scored by mean squared error and R². At the given w, b: mseBefore, gradW (the first
  // weight's), gradB. After `steps` gradient steps of size eta (default none): w (the first
  // weight), b, mse, r2.
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
    const steps = opt(a, 'steps', 0);
    if (steps > 0) {
      m.setLearningRate(need(a, 'eta'));
      for (let i = 0; i < steps; i++) m.step();
    }
    const p = m.params();
    return { w: p[0], b: p[p.length - 1], mseBefore, mse: m.loss(), r2: m.score(x, y), gradW: grad[0], gradB: grad[grad.length - 1] };
  }),
  // One email (feature counts x) under logistic regression with weights w and baseline b: the
  // score z = w·x + b, p = σ(z) the probability of spam, and the log loss of that one prediction
  // if the email is spam (lossIf1 = −ln p) or not (lossIf0 = −ln(1 − p)).
  logistic: (ml, a) => scoped((track) => {
    const x = need(a, 'x', 'list');
    const weights = need(a, 'w', 'list');
    if (weights.length !== x.length) throw new RangeError(`needs w= one weight per count in x= (${x.length})`);
    const m = track(new ml.LogisticRegression());
    // Two rows (the email and an all-zero one) only to give the model its feature count.
    m.setData([...x, ...x.map(() => 0)], x.length, [1, 0]);
    m.setParams([...weights, need(a, 'b')]);
    const z = m.decisionFunction(x)[0];
    const p = m.predictProba(x)[1];
    return { z, p, lossIf1: ml.logLoss([1], [p]), lossIf0: ml.logLoss([0], [p]) };
  }),
};
