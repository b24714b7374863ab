// Check-yourself computations for the SVD lesson (lessons/svd.md). Same contract as
// check-computations.js: each takes the loaded engine and an object of named arguments and
// returns an object of named results, every number from the engine. Kept free of the DOM.

import { need, scoped, whole } from './args.js';

export const computations = {
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
