// Check-yourself computations for the model-lifecycle lesson (lessons/model-lifecycle.md): the
// population stability index of two share vectors and the two-sample Kolmogorov–Smirnov test.
// Same contract as check-computations.js: each takes the loaded engine and an object of named
// arguments and returns an object of named results, every number from the engine. Kept free of
// the DOM.

import { need } from './args.js';

export const computations = {
  // PSI = Σ (q − p)·ln(q / p) over bins, from the reference shares p and the current shares q.
  psi: (ml, a) => {
    const p = need(a, 'p', 'list');
    const q = need(a, 'q', 'list');
    return { value: ml.psiFromShares(p, q) };
  },
  // The KS statistic D = max |F_a − F_b| of two samples, and its exact p-value.
  ks: (ml, a) => {
    const r = ml.ksTwoSample(need(a, 'a', 'list'), need(a, 'b', 'list'));
    return { statistic: r.statistic, p: r.pValue };
  },
};
