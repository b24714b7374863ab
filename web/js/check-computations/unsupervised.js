// Unsupervised learning: k-means, DBSCAN, silhouettes, PCA, isolation-forest anomaly scores.

import { need, opt, whole, scoped, plane } from './args.js';

export const computations = {
  // k-means on points of a line from given centroids, run to convergence.
  'kmeans-1d': (ml, a) => scoped((track) => {
    const m = track(new ml.KMeans());
    m.setData(need(a, 'points', 'list'), 1, []);
    m.setCentroids(need(a, 'centroids', 'list'));
    m.fit(opt(a, 'iterations', 100));
    const c = m.centroids();
    return { inertia: m.inertia(), c1: c[0], c2: c.length > 1 ? c[1] : NaN, steps: m.steps() };
  }),
  // DBSCAN on points of a line: clusters, noise points and core points.
  'dbscan-1d': (ml, a) => scoped((track) => {
    const db = track(new ml.DBSCAN());
    db.setEps(need(a, 'eps'));
    db.setMinSamples(whole(a, 'minSamples', 1, 10000));
    db.setData(need(a, 'points', 'list'), 1, []);
    db.fit(10000);
    const labels = Array.from(db.labels());
    return { clusters: db.clusterCount(), noise: labels.filter((l) => l < 0).length, core: Array.from(db.corePoints()).filter((c) => c === 1).length };
  }),
  // Silhouette of point i (0-based) among labelled points on a line, and the mean over all.
  'silhouette-1d': (ml, a) => {
    const points = need(a, 'points', 'list');
    const labels = need(a, 'labels', 'list');
    const s = ml.silhouetteSamples(points, 1, labels);
    const i = whole(a, 'i', 0, points.length - 1, 0);
    return { value: s[i], mean: ml.silhouetteScore(points, 1, labels) };
  },
  // PCA of points of the plane: the variances along PC1 and PC2 (sample covariance, n − 1),
  // PC1's share of the total, and PC1's angle in degrees in [0, 180).
  'pca-2d': (ml, a) => scoped((track) => {
    const pca = track(new ml.PCA());
    pca.setData(plane(a), 2, []);
    const [v1, v2] = pca.explainedVariance();
    const [c1, c2] = pca.components();
    const angle = ((Math.atan2(c2, c1) * 180) / Math.PI + 360) % 180;
    return { variance1: v1, variance2: v2, total: v1 + v2, share: pca.explainedVarianceRatio()[0], angle };
  }),
  // PCA of a 2×2 covariance matrix m (row-major): the variance along the first component and
  // the share of the total variance it keeps.
  'pca-2x2': (ml, a) => {
    const m = need(a, 'm', 'list');
    if (m.length !== 4) throw new RangeError('needs m= four numbers (a 2×2 matrix, row by row)');
    const e = ml.matrix2Eigen(m);
    if (!e.real) throw new RangeError('m must be a covariance matrix (symmetric, real eigenvalues)');
    return { first: e.values[0], second: e.values[1], kept: e.values[0] / (e.values[0] + e.values[1]) };
  },
  // Isolation-forest score s = 2^(−h / c(ψ)) of a point with mean path length h in trees grown on ψ points.
  'isolation-score': (ml, a) => {
    const c = ml.averagePathLength(need(a, 'psi'));
    return { score: 2 ** (-need(a, 'h') / c), c };
  },
};
