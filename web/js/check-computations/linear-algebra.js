// Vectors and matrices: dot products, a 2×2 matrix's determinant and eigenvalues, the SVD.

import { need, whole, scoped } from './args.js';

export const computations = {
  dot: (ml, a) => ({ value: ml.vectorDot(need(a, 'u', 'list'), need(a, 'v', 'list')), cosine: ml.vectorCosine(need(a, 'u', 'list'), need(a, 'v', 'list')) }),
  'matrix-2x2': (ml, a) => {
    const m = need(a, 'm', 'list');
    const e = ml.matrix2Eigen(m);
    return { determinant: ml.matrix2Determinant(m), largest: e.real ? e.values[0] : NaN, smallest: e.real ? e.values[1] : NaN };
  },
  // The SVD of the matrix m (entries row by row, `cols` columns) and what keeping k terms does:
  // the singular values s1, s2, …, the rank, and for rank k the energy kept, the relative error
  // ‖A − A_k‖_F / ‖A‖_F and the count of numbers stored, k·(rows + cols + 1).
  svd: (ml, a) => scoped((track) => {
    const entries = need(a, 'm', 'list');
    const cols = whole(a, 'cols', 1, 256);
    const s = track(new ml.SVD());
    s.decompose(entries, cols);
    const k = whole(a, 'k', 0, s.valueCount(), 1);
    const summary = s.summary(k);
    const out = { rank: s.rank(), energyKept: summary.energyKept, relativeError: summary.relativeError, stored: summary.storedNumbers };
    s.singularValues().forEach((v, i) => { out[`s${i + 1}`] = v; });
    return out;
  }),
};
