// Check-yourself computations for the Beginner and Foundations lessons (registered in
// web/js/check-computations.js beside the shared ones). Each takes the loaded engine and the
// directive's named arguments and returns named results, all from the engine.

import { need, opt, scoped } from './args.js';

export const foundationsComputations = {
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
};
