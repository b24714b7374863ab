// Support vector machines and kernels: the maximum margin, the RBF kernel, SVR's ε-insensitive loss.

import { need, opt, scoped, plane } from './args.js';

export const computations = {
  // The maximum-margin line of labelled points of the plane (labels 0/1; a very large C
  // approximates the hard margin): the street's width 2/‖w‖, w, b and the support vectors.
  'svm-margin': (ml, a) => scoped((track) => {
    const X = plane(a);
    const y = need(a, 'labels', 'list');
    const svm = track(new ml.LinearSVM());
    svm.setData(X, 2, y);
    svm.setC(opt(a, 'C', 1e6));
    svm.setPairsPerStep(1000);
    svm.reset(0);
    svm.fit(100000);
    const [w1, w2] = svm.weights();
    return { width: svm.marginWidth(), w1, w2, norm: Math.hypot(w1, w2), b: svm.bias(), supportVectors: svm.supportVectors().length };
  }),
  // The hard-margin SVM on two points (p of class 1, q of class 0), by the engine's linear SVM
  // with a huge C: the distance from the boundary to either point (1/‖w‖), the width between
  // the margins (2/‖w‖), the dual weight α of each point, w and b.
  'svm-two-points': (ml, a) => scoped((track) => {
    const p = need(a, 'p', 'list');
    const q = need(a, 'q', 'list');
    if (p.length !== q.length) throw new RangeError('needs p= and q= of the same length');
    const svm = track(new ml.LinearSVM());
    svm.setData([...q, ...p], p.length, [0, 1]);
    svm.setC(1e6);
    svm.fit(1000);
    const w = svm.weights();
    const width = svm.marginWidth();
    const coef = svm.dualCoefficients();
    return { margin: width / 2, width, alpha: Math.max(...Array.from(coef, Math.abs)), bias: svm.bias(), w1: w[0], w2: w.length > 1 ? w[1] : NaN };
  }),
  // The RBF kernel exp(−γ‖a − b‖²), read off the engine's KernelSVM: trained on just a (class 0)
  // and b (class 1), its decision function is f(x) = c_a K(a, x) + c_b K(b, x) + β, so
  // f(a) − f(b) = (c_a − c_b)(1 − K(a, b)).
  'rbf-kernel': (ml, a) => scoped((track) => {
    const u = need(a, 'a', 'list');
    const v = need(a, 'b', 'list');
    if (u.length !== v.length) throw new RangeError('needs a= and b= of the same length');
    const svm = track(new ml.KernelSVM());
    svm.setKernel('rbf');
    svm.setGamma(need(a, 'gamma'));
    svm.setC(1);
    svm.setData([...u, ...v], u.length, [0, 1]);
    svm.fit(1000);
    const c = svm.params();
    const [fa, fb] = svm.decisionFunction([...u, ...v]);
    if (c[0] === c[1]) throw new RangeError('the two points must differ');
    return { value: 1 - (fa - fb) / (c[0] - c[1]) };
  }),
  // ε-insensitive loss of residuals r (a list) with tube half-width eps: the total and the mean.
  'eps-insensitive': (ml, a) => {
    const r = need(a, 'r', 'list');
    const eps = need(a, 'eps');
    const each = r.map((v) => ml.SVR.epsilonInsensitive(v, eps));
    const total = each.reduce((s, v) => s + v, 0);
    return { total, mean: total / each.length, inside: each.filter((v) => v === 0).length };
  },
};
