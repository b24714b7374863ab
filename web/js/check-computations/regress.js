// Check-yourself computations for the regression-models lesson (ElasticNet's coordinate update
// and SVR's ε-insensitive loss). Same contract as check-computations.js: each takes the loaded
// engine and an object of named arguments and returns an object of named results, every number
// from the engine. Kept free of the DOM.
import { need } from './args.js';

export const computations = {
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
  // ε-insensitive loss of residuals r (a list) with tube half-width eps: the total and the mean.
  'eps-insensitive': (ml, a) => {
    const r = need(a, 'r', 'list');
    const eps = need(a, 'eps');
    const each = r.map((v) => ml.SVR.epsilonInsensitive(v, eps));
    const total = each.reduce((s, v) => s + v, 0);
    return { total, mean: total / each.length, inside: each.filter((v) => v === 0).length };
  },
};
