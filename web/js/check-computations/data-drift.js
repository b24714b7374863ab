// Data drift: the standardised mean shift, the population stability index, the Kolmogorov–Smirnov test.

import { need, opt, scoped } from './args.js';

export const computations = {
  // The drift statistic of distribution-shift: fit a standardiser on the training rows, apply it
  // to the new rows, and take the length of the vector of per-feature means.
  drift: (ml, a) => scoped((track) => {
    const cols = opt(a, 'cols', 1);
    const train = need(a, 'train', 'list');
    const test = need(a, 'test', 'list');
    if (!Number.isInteger(cols) || cols < 1 || train.length % cols || test.length % cols) throw new RangeError(`needs train= and test= with a multiple of cols=${cols} numbers`);
    const scaler = track(new ml.StandardScaler());
    scaler.fit(train, cols);
    const z = scaler.transform(test, cols);
    const n = z.length / cols;
    const means = new Array(cols).fill(0);
    for (let i = 0; i < z.length; i++) means[i % cols] += z[i] / n;
    return { value: Math.hypot(...means), z1: means[0] };
  }),
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
