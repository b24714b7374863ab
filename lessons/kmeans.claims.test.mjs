// Claims of lessons/kmeans.md, checked against the engine with the widgets' defaults:
// kmeans-by-hand (points 1,2,3,9,10,11; c₁ = 2, c₂ = 4) and place-centroids (makeBlobs(150, 4,
// 0.55, seed 11), k = 4, four restarts seeded 11, as in web/widgets/place-centroids.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { axisRange } from '../dist/widgets/kmeans-by-hand.js';
import { BLOB_VIEW, PASS_SCORE, minimumGap, placementScore } from '../dist/widgets/place-centroids.js';

const POINTS = [1, 2, 3, 9, 10, 11];

function byHand(c1, c2, run) {
  const km = new ml.KMeans();
  try {
    km.setK(2);
    km.setData(POINTS, 1, []);
    km.setCentroids([c1, c2]);
    return run(km);
  } finally {
    km.delete();
  }
}

const converge = (c2) => byHand(2, c2, (km) => {
  km.fit(100);
  return { labels: [...km.labels()], centroids: [...km.centroids()], inertia: km.inertia(), empty: km.emptyClusters(), steps: km.steps() };
});

test('worked example: 3 is a tie and joins c₁ by the tie rule; one update reaches inertia 4', () => {
  assert.equal(Math.abs(3 - 2), Math.abs(3 - 4)); // the tie the lesson points out
  byHand(2, 4, (km) => {
    km.assignStep();
    assert.deepEqual([...km.labels()], [0, 0, 0, 1, 1, 1]); // 3 goes to c₁ (lower number wins)
    km.updateStep();
    assert.deepEqual([...km.centroids()], [2, 10]); // c₁ stays, c₂ leaps six units
    assert.equal(km.assignStep(), 0); // the check changes nobody's group
    assert.equal(km.status(), 'converged');
    assert.equal(km.steps(), 2); // one update plus the confirming assignment
    assert.equal(km.inertia(), 4); // 1 + 0 + 1 + 1 + 0 + 1
  });
});

test('dragging c₂ right: both clumps found below 20, an empty cluster from 20 on', () => {
  for (let c2 = 4; c2 < 20; c2 += 0.5) {
    const r = converge(c2);
    assert.deepEqual(r.labels, [0, 0, 0, 1, 1, 1], `c₂ = ${c2}`);
    assert.equal(r.inertia, 4, `c₂ = ${c2}`);
  }
  assert.deepEqual(converge(19.9).centroids, [2, 10]);
  // "from far out it takes an extra round: at first only 11 joins c₂"
  byHand(2, 19, (km) => { km.assignStep(); assert.deepEqual([...km.labels()], [0, 0, 0, 0, 0, 1]); });
  assert.equal(converge(19).steps, 3);
  assert.equal(converge(12).steps, 2);
  for (const c2 of [20, 21, 22, 30]) {
    const r = converge(c2);
    assert.deepEqual(r.labels, [0, 0, 0, 0, 0, 0], `c₂ = ${c2}`);
    assert.equal(r.empty, 1);
    assert.deepEqual(r.centroids, [6, c2]); // c₁ at the mean of all six, c₂ left where it was
    assert.equal(r.inertia, 100);
  }
  assert.equal(Math.abs(11 - 2), Math.abs(11 - 20)); // the tie at exactly 20
});

test('the by-hand number line reaches past 20, and no further than it draws', () => {
  const [lo, hi] = axisRange(POINTS, [2, 4]);
  assert.equal(lo, 0);
  assert.equal(hi, 22);
  assert.ok(hi >= 20, 'the empty-cluster start can be reached by dragging');
});

function blobs() {
  const d = ml.makeBlobs(150, 4, 0.55, 11);
  const km = new ml.KMeans();
  km.setData(d.X, 2, []);
  km.setRestarts(4);
  km.reset(11);
  return { d, km, elbow: [...km.elbowCurve(8)] };
}

test('place-centroids: a bad start converges, but to a worse local minimum', () => {
  const { d, km, elbow } = blobs();
  try {
    const mean = (c) => {
      let x = 0; let y = 0; let n = 0;
      for (let i = 0; i < d.rows; i++) if (d.y[i] === c) { x += d.X[2 * i]; y += d.X[2 * i + 1]; n += 1; }
      return [x / n, y / n];
    };
    const m = [0, 1, 2, 3].map(mean);
    // two centroids inside blob 0, one between blobs 1 and 2, one on blob 3
    km.setK(4);
    km.setCentroids([m[0][0] - 0.2, m[0][1], m[0][0] + 0.2, m[0][1], (m[1][0] + m[2][0]) / 2, (m[1][1] + m[2][1]) / 2, m[3][0], m[3][1]]);
    const losses = [];
    for (let i = 0; i < 200 && km.status() !== 'converged'; i++) { km.assignStep(); losses.push(km.inertia()); if (km.status() === 'converged') break; km.updateStep(); losses.push(km.inertia()); }
    assert.equal(km.status(), 'converged');
    for (let i = 1; i < losses.length; i++) assert.ok(losses[i] <= losses[i - 1] + 1e-9, 'neither move raises the inertia');
    assert.ok(km.inertia() > elbow[3] * 3, `local minimum ${km.inertia()} vs best ${elbow[3]}`);
  } finally {
    km.delete();
  }
});

test('place-centroids: the elbow falls with k and bends at the 4 true blobs', () => {
  const { km, elbow } = blobs();
  km.delete();
  for (let k = 1; k < elbow.length; k++) assert.ok(elbow[k] < elbow[k - 1], `inertia falls from k = ${k} to ${k + 1}`);
  const drop = (k) => elbow[k - 2] - elbow[k - 1]; // drop when going to k
  assert.ok(drop(4) > 10 * drop(5), `3→4 drops ${drop(4)}, 4→5 only ${drop(5)}`);
  assert.ok(Math.abs(elbow[3] - 100.79) < 0.01);
});

test('place-centroids: a k-means++ start reaches the "k-means++ best" readout', () => {
  const { km, elbow } = blobs();
  try {
    km.setK(4);
    km.setInit('k-means++');
    km.reset((11 * 31 + 1) >>> 0); // the widget's first k-means++ press
    km.setCentroids(km.centroids());
    km.fit(1000);
    assert.ok(Math.abs(km.inertia() - elbow[3]) / elbow[3] <= 0.005);
  } finally {
    km.delete();
  }
});

// The row is centred on the plot (BLOB_VIEW's centre is 0, 0): a reader who places "a row through
// the middle" gets the lesson's number (a row at 0, 1, 2, 3, which runs right of centre, scores 12).
test('place-centroids: the score is for the placement; a row through the middle still reaches the best, scoring 17', () => {
  const { km, elbow } = blobs();
  assert.deepEqual(BLOB_VIEW.slice(0, 2), [0, 0], 'the plot is centred on 0, 0');
  try {
    km.setK(4);
    km.setCentroids([-1.5, 0, -0.5, 0, 0.5, 0, 1.5, 0]); // the lesson's row: four centroids 1 apart through the middle
    const start = km.inertia();
    km.fit(1000);
    assert.equal(km.inertia().toFixed(2), elbow[3].toFixed(2), 'k-means ends exactly at the k-means++ best');
    assert.equal(placementScore(elbow[3], start), 17);
    assert.equal(Math.round((100 * Number(elbow[3].toFixed(2))) / Number(start.toFixed(2))), 17, 'from the numbers as shown');
    assert.ok(17 < PASS_SCORE && PASS_SCORE === 50, 'so the game is not finished by it');
    assert.equal(placementScore(elbow[3], elbow[3]), 100, '100 = starting where the best grouping is');
  } finally {
    km.delete();
  }
  assert.equal(minimumGap(BLOB_VIEW), 0.5, 'centroids start at least 0.5 apart on the lesson\'s plot');
});

// Why any run, not only a converged one, makes a later start on the same points practice: the
// centroids k-means has moved part of the way already make a winning placement.
test('place-centroids: a run shows where the centroids go; a start copied from it, even before convergence, would finish the game', async () => {
  const { d, km, elbow } = blobs();
  const probe = new ml.KMeans();
  try {
    probe.setData(d.X, 2, []);
    probe.setK(4);
    km.setK(4);
    km.setCentroids([-1.5, 0, -0.5, 0, 0.5, 0, 1.5, 0]); // a row through the middle, not looking
    const asPlaced = (c) => { probe.setCentroids(c); return placementScore(elbow[3], probe.inertia()); };
    assert.equal(asPlaced([-1.5, 0, -0.5, 0, 0.5, 0, 1.5, 0]), 17);
    const scores = [];
    for (let i = 0; i < 4; i++) { km.assignStep(); assert.notEqual(km.status(), 'converged'); km.updateStep(); scores.push(asPlaced([...km.centroids()])); }
    assert.deepEqual(scores, [18, 28, 42, 99], 'after four moves, not yet converged, the centroids are a placement scoring 99');
    assert.ok(scores[3] >= PASS_SCORE);
  } finally {
    probe.delete();
    km.delete();
  }
  const fs = await import('node:fs');
  const md = fs.readFileSync(new URL('./kmeans.md', import.meta.url), 'utf8');
  assert.ok(md.includes('A run also shows you where k-means puts the centroids on these points, so from then on any start you make on them is practice: you still see its score, but it is not recorded. **Clear** keeps the same points; **New points** draws a fresh set, and a start you make there before running counts again.'));
  // The widget says the same when it happens (its behaviour: tests/browser/place-centroids.test.mjs).
  const { messages } = await import('../dist/widgets/place-centroids.messages.js');
  assert.match(messages['place-centroids.practice'], /This round is practice: .* New points starts a round that counts\.$/);
});

test('check-yourself: 1, 3, 8, 10 from centroids 1 and 3 → 1 | 3 8 10 (c₂ = 7), then 1 3 | 8 10 → 2 and 9, inertia 4', async () => {
  const { computations } = await import('../web/js/check-computations.js');
  const one = computations['kmeans-1d'](ml, { points: [1, 3, 8, 10], centroids: [1, 3], iterations: 1 });
  assert.equal(one.c1, 1); assert.equal(one.c2, 7);
  const r = computations['kmeans-1d'](ml, { points: [1, 3, 8, 10], centroids: [1, 3] });
  assert.equal(r.c1, 2); assert.equal(r.c2, 9); assert.equal(r.inertia, 4);
});

test('the convergence argument: the inertia never rises, so no grouping comes back, and there are finitely many', async () => {
  const fs = await import('node:fs');
  const md = fs.readFileSync(new URL('./kmeans.md', import.meta.url), 'utf8');
  assert.ok(md.includes('a grouping that was left behind at a higher inertia can never come back, and since there are only finitely many ways to split the points'));
  // On the by-hand points from every start the lesson lets a learner drag to, no grouping repeats.
  for (let c2 = 0; c2 <= 22; c2 += 0.5) {
    byHand(2, c2, (km) => {
      const seen = new Set();
      let last = Infinity;
      for (let i = 0; i < 50 && km.status() !== 'converged'; i++) {
        km.assignStep();
        const key = [...km.labels()].join('');
        assert.ok(km.inertia() <= last + 1e-12, `c₂ = ${c2}: the inertia rose`);
        last = km.inertia();
        if (km.status() === 'converged') break;
        assert.ok(!seen.has(key), `c₂ = ${c2}: grouping ${key} came back`);
        seen.add(key);
        km.updateStep();
        assert.ok(km.inertia() <= last + 1e-12);
        last = km.inertia();
      }
      assert.equal(km.status(), 'converged');
    });
  }
});

// Audit 11, M item 1: with k = 1 the game was won by one key press. The lesson says why another k
// is practice; the engine shows that at k = 1 every start ends at the same grouping (the mean of
// all the points, at the k = 1 best of the elbow), and the widget says so in its practice note.
test('place-centroids: only k = 4 on the game\'s own points is recorded; at k = 1 every start ends in the same grouping', async () => {
  const { d, km, elbow } = blobs();
  try {
    let mx = 0; let my = 0;
    for (let i = 0; i < d.rows; i++) { mx += d.X[2 * i] / d.rows; my += d.X[2 * i + 1] / d.rows; }
    km.setK(1);
    for (const start of [[0, 0], [-4.5, -4.5], [4.5, 4.5], [-4.5, 4.5], [3, -1]]) {
      km.setCentroids(start);
      km.fit(1000);
      const [cx, cy] = km.centroids();
      assert.ok(Math.abs(cx - mx) < 1e-9 && Math.abs(cy - my) < 1e-9, `from ${start} the centroid ends at the mean`);
      assert.equal(km.inertia().toFixed(2), elbow[0].toFixed(2), 'at the k = 1 best');
    }
  } finally {
    km.delete();
  }
  const fs = await import('node:fs');
  const md = fs.readFileSync(new URL('./kmeans.md', import.meta.url), 'utf8');
  assert.ok(md.includes('Only a start with the game\'s own $k$ of 4, on its own points, is recorded. Any other $k$ on the game\'s k slider is practice, there to explore with; and with a single centroid every start ends in the same grouping, all the points around their mean, so there are no clusters to find. A start on points you import is practice as well.'));
  assert.ok(md.includes('::: widget place-centroids seed=11 k=4'), 'the game opens with k = 4');
  const { messages } = await import('../dist/widgets/place-centroids.messages.js');
  assert.match(messages['place-centroids.practiceK']({ k: 1, gameK: 4, shown: false }), /^ This round is practice: with one centroid every start ends in the same grouping, all the points in one cluster, so there are no clusters to find\..*set k back to 4 for a round that counts\.$/);
  assert.match(messages['place-centroids.practiceK']({ k: 3, gameK: 4, shown: false }), /the game is scored with k = 4, the number of centroids it opened with/);
  assert.match(messages['place-centroids.practiceK']({ k: 1, gameK: 1, shown: false }), /this game opened with k = 1, .*it records no score\.$/);
  assert.match(messages['place-centroids.practiceImported'], /^ This round is practice: these are imported points/);
});
