// Nearest neighbours: the k-NN vote for one query.

import { need, scoped } from './args.js';

export const computations = {
  // k-NN vote for one query among labelled points on a line.
  'knn-1d': (ml, a) => scoped((track) => {
    const m = track(new ml.KNearestNeighbors());
    m.setData(need(a, 'points', 'list'), 1, need(a, 'labels', 'list'));
    m.setK(need(a, 'k'));
    const q = need(a, 'query');
    return { label: m.predict([q])[0], votes1: m.votes([q])[1] };
  }),
};
