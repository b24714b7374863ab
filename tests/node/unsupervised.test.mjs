import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ml } from './engine.mjs';

const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
const close = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

test('KMeans: seed 001 worked example through WASM, halves and whole steps', () => {
  const m = new ml.KMeans();
  try {
    m.setK(2);
    m.setData([1, 2, 3, 9, 10, 11], 1, []);
    m.setCentroids([2, 4]);
    assert.equal(m.init(), 'given');
    assert.equal(m.assignStep(), 6);
    assert.deepEqual([...m.labels()], [0, 0, 0, 1, 1, 1]);
    assert.equal(m.updateStep(), 4);
    assert.deepEqual([...m.centroids()], [2, 10]);
    assert.equal(m.assignStep(), 0);
    assert.equal(m.status(), 'converged');
    assert.equal(m.steps(), 2);
    assert.equal(m.inertia(), 4);
    const t = ml.trace(m);
    assert.equal(t.rows, 3);
    assert.deepEqual([...t.column('loss')], [112, 4, 4]);
    m.reset(0);
    assert.equal(m.fit(50), 2);
    assert.deepEqual([...m.predict([0, 6, 12])], [0, 0, 1]);
    assert.equal(m.score([0, 12], []), -8);
  } finally {
    m.delete();
  }
});

test('KMeans agrees with the scikit-learn fixture; elbow and restarts are seeded', () => {
  const f = fixture('unsupervised_kmeans_given');
  const m = new ml.KMeans();
  try {
    m.setK(4);
    m.setData(f.X.flat(), 2, []);
    m.setCentroids(f.init.flat());
    m.fit(300);
    close(m.inertia(), f.inertia, 1e-8, 'inertia');
    assert.deepEqual([...m.labels()], f.labels);
    m.setInit('k-means++');
    m.setRestarts(3);
    const best = m.fitBest(300);
    assert.ok(best <= f.inertia + 1e-9);
    const elbow = m.elbowCurve(6);
    assert.equal(elbow.length, 6);
    assert.deepEqual([...m.elbowCurve(6)], [...elbow]);
    for (let k = 1; k < 6; k++) assert.ok(elbow[k] <= elbow[k - 1] + 1e-9);
  } finally {
    m.delete();
  }
});

test('KMeans bad calls throw clear errors and the instance keeps working', () => {
  const m = new ml.KMeans();
  try {
    assert.throws(() => m.setK(0), (e) => e instanceof RangeError && /k=0/.test(e.message));
    assert.throws(() => m.setK(2.5), /whole number/);
    assert.throws(() => m.setCentroids([1, 2]), (e) => e.code === 'bad-state');
    assert.throws(() => m.setData([1, 2], 1, []), /k=3 clusters need at least 3 points/);
    m.setData([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1, []);
    assert.throws(() => m.setK(12), /KMeans.setK: k=12 exceeds the 10 points/);
    assert.throws(() => m.setData([1, NaN, 3], 1, []), /X\[1\]\[0\]=NaN/);
    assert.throws(() => m.setData([1, 2, 3], 1, [1]), /y is ignored but must be empty/);
    assert.throws(() => m.setInit('kmeans'), /init='kmeans'/);
    assert.throws(() => m.setInit(3), /must be 'random'/);
    assert.throws(() => m.updateStep(), /assign the points first/);
    assert.throws(() => m.elbowCurve(11), /kMax=11/);
    m.setInit('random');
    m.fit(100);
    assert.equal(m.status(), 'converged');
    assert.equal(m.centroids().length, 3);
  } finally {
    m.delete();
  }
});

test('DBSCAN matches scikit-learn on moons, one cluster per step', () => {
  const f = fixture('unsupervised_dbscan_moons');
  const m = new ml.DBSCAN();
  try {
    m.setEps(f.eps);
    m.setMinSamples(f.min_samples);
    m.setData(f.X.flat(), 2, []);
    const clusters = Math.max(...f.labels) + 1;
    assert.equal(m.fit(1000), clusters);
    assert.equal(m.clusterCount(), clusters);
    assert.deepEqual([...m.labels()], f.labels);
    assert.deepEqual([...m.corePoints()], f.core);
    assert.throws(() => m.setEps(0), /eps=0/);
    assert.throws(() => m.setEps(-1), /eps=-1/);
    assert.throws(() => m.setMinSamples(0), /minSamples=0/);
    assert.equal(m.eps(), f.eps);
  } finally {
    m.delete();
  }
});

test('PCA matches scikit-learn up to sign; varianceAlong spins a line', () => {
  const f = fixture('unsupervised_pca');
  const m = new ml.PCA();
  try {
    m.setComponents(3);
    m.setData(f.X.flat(), 4, []);
    m.step();
    assert.equal(m.status(), 'converged');
    const W = m.components();
    for (let k = 0; k < 3; k++) {
      const row = W.slice(4 * k, 4 * k + 4);
      const sign = row.reduce((s, v, j) => s + v * f.components[k][j], 0) < 0 ? -1 : 1;
      row.forEach((v, j) => close(sign * v, f.components[k][j], 1e-9, `component ${k}`));
    }
    [...m.explainedVariance()].forEach((v, k) => close(v, f.explained_variance[k], 1e-9, 'variance'));
    [...m.explainedVarianceRatio()].forEach((v, k) => close(v, f.explained_variance_ratio[k], 1e-12, 'ratio'));
    const rec = m.reconstruct(f.X.slice(0, 5).flat());
    rec.forEach((v, i) => close(v, f.reconstruct[Math.floor(i / 4)][i % 4], 1e-9, 'reconstruct'));
    assert.equal(m.transform(f.X.slice(0, 5).flat()).length, 15);
    close(m.varianceAlong([...W.slice(0, 4)]), f.explained_variance_ratio[0], 1e-12, 'along pc1');
    assert.throws(() => m.varianceAlong([0, 0, 0, 0]), /zero vector/);
    assert.throws(() => m.varianceAlong([1, 0]), /2 entries but the data has 4 features/);
    assert.throws(() => m.setComponents(5), /nComponents=5 exceeds the 4 features/);
    assert.throws(() => m.setData([1, 2, 1, 2, 1, 2], 2, []), /every column is constant/);
    assert.ok(m.varianceAlong([1, 0, 0, 0]) > 0);
  } finally {
    m.delete();
  }
});

test('silhouette functions match scikit-learn and reject one cluster', () => {
  const f = fixture('unsupervised_silhouette');
  const X = f.X.flat();
  close(ml.silhouetteScore(X, 2, f.labels), f.score, 1e-12, 'score');
  const s = ml.silhouetteSamples(X, 2, f.labels);
  s.forEach((v, i) => close(v, f.samples[i], 1e-12, `sample ${i}`));
  assert.throws(() => ml.silhouetteScore([0, 1, 2], 1, [4, 4, 4]), (e) => e instanceof RangeError && /found 1 distinct label/.test(e.message));
  assert.throws(() => ml.silhouetteScore([0, 1, 2], 1, [0, 1, 2]), /2 to n−1 clusters/);
  assert.throws(() => ml.silhouetteScore([0, 1], 1, [0, 1, 1]), /2 rows but labels has 3/);
});

test('TSNE: affinities hit the perplexity, KL falls, blobs stay apart, deterministic', () => {
  const run = (seed) => {
    const m = new ml.TSNE();
    try {
      const d = ml.makeBlobs(90, 3, 0.3, 5);
      m.setPerplexity(15);
      m.setData(d.X, 2, []);
      m.reset(seed);
      for (const p of m.rowPerplexities()) close(p, 15, 1e-3, 'row perplexity');
      const start = m.loss();
      m.setMaxIterations(300);
      m.fit(10000);
      assert.equal(m.status(), 'converged');
      assert.ok(m.loss() < 0.5 * start, `KL ${m.loss()} vs start ${start}`);
      const Y = m.embedding();
      // Nearest embedded neighbour has the same blob label for (nearly) every point.
      let agree = 0;
      for (let i = 0; i < 90; i++) {
        let best = Infinity, bj = -1;
        for (let j = 0; j < 90; j++) {
          if (j === i) continue;
          const dd = (Y[2 * i] - Y[2 * j]) ** 2 + (Y[2 * i + 1] - Y[2 * j + 1]) ** 2;
          if (dd < best) { best = dd; bj = j; }
        }
        agree += d.y[i] === d.y[bj];
      }
      assert.ok(agree / 90 >= 0.95);
      return [...Y];
    } finally {
      m.delete();
    }
  };
  assert.deepEqual(run(2), run(2));
});

test('TSNE bad calls throw and the instance keeps working', () => {
  const m = new ml.TSNE();
  try {
    const d = ml.makeBlobs(20, 2, 0.5, 1);
    assert.throws(() => m.setData(d.X, 2, []), /perplexity=30 must be less than the number of points \(20\)/);
    assert.throws(() => m.setPerplexity(0), /perplexity=0/);
    assert.throws(() => m.setLearningRate(-5), /learningRate=-5/);
    assert.throws(() => m.setExaggeration(NaN), /exaggeration=NaN/);
    assert.throws(() => m.setData(new Float64Array(1002), 2, []), /limited to 500 points/);
    m.setPerplexity(5);
    m.setData(d.X, 2, []);
    assert.throws(() => m.predict([0, 0]), /no mapping for new points/);
    assert.ok(Number.isFinite(m.step()));
    assert.equal(m.embedding().length, 40);
  } finally {
    m.delete();
  }
});
