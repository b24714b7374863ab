// Claims of lessons/knn.md, checked against the engine with knn-vote's defaults: moons, 70 points,
// noise 0.3, seed 2, k = 5, the prediction over a 60 × 60 grid of the points' box
// (web/widgets/knn-vote.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { makeDataset } from '../dist/lib/datasets.js';

const GRID = 60;

function withKnn(k, run) {
  const data = makeDataset(ml, 'moons', 70, 0.3, 2);
  const knn = new ml.KNearestNeighbors();
  try {
    knn.setData(data.X, 2, data.y);
    knn.setK(k);
    knn.step();
    return run(knn, data);
  } finally {
    knn.delete();
  }
}

// Connected same-class regions of the tinted grid (4-neighbour flood fill).
function regions(knn, { x0, x1, y0, y1 }) {
  const g = knn.predictGrid(x0, x1, y0, y1, GRID, GRID);
  const cls = Array.from({ length: GRID * GRID }, (_, i) => g[2 * i + 1] >= 0.5);
  const seen = new Uint8Array(cls.length);
  let count = 0;
  for (let s = 0; s < cls.length; s++) {
    if (seen[s]) continue;
    count += 1;
    const stack = [s]; seen[s] = 1;
    while (stack.length) {
      const c = stack.pop(); const i = c % GRID; const j = (c - i) / GRID;
      for (const [di, dj] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
        const a = i + di; const b = j + dj;
        if (a < 0 || b < 0 || a >= GRID || b >= GRID) continue;
        const n = b * GRID + a;
        if (!seen[n] && cls[n] === cls[c]) { seen[n] = 1; stack.push(n); }
      }
    }
  }
  return count;
}

test('k = 1 carves islands around stray points; a large k gives a smooth two-region boundary', () => {
  const one = withKnn(1, (knn, d) => regions(knn, d.domain));
  const five = withKnn(5, (knn, d) => regions(knn, d.domain));
  const fifteen = withKnn(15, (knn, d) => regions(knn, d.domain));
  assert.ok(one > fifteen, `k=1: ${one} regions, k=15: ${fifteen}`);
  assert.ok(one >= 4, `k=1 has islands (${one} regions)`);
  assert.ok(five <= one);
});

test('k equal to the number of points gives every query the same class', () => {
  withKnn(70, (knn, d) => {
    const { x0, x1, y0, y1 } = d.domain;
    const g = knn.predictGrid(x0, x1, y0, y1, 20, 20);
    const classes = new Set(Array.from({ length: 400 }, (_, i) => g[2 * i + 1] >= 0.5));
    assert.equal(classes.size, 1);
  });
});

test('an even k can split 2–2, and the lower label (orange, class 0) wins the tie', () => {
  withKnn(4, (knn, d) => {
    const { x0, x1, y0, y1 } = d.domain;
    let ties = 0;
    for (let j = 0; j < 40; j++) {
      for (let i = 0; i < 40; i++) {
        const q = [x0 + ((i + 0.5) * (x1 - x0)) / 40, y0 + ((j + 0.5) * (y1 - y0)) / 40];
        const v = knn.votes(q);
        if (v[0] === 2 && v[1] === 2) { ties += 1; assert.equal(knn.predict(q)[0], 0); }
      }
    }
    assert.ok(ties > 0, 'some query splits 2–2');
  });
});

test('worked vote: q = (2, 2); distances 1, 1.41, 2, 2.24, 4.24; k = 1 and 3 say blue, k = 5 says orange 3–2', () => {
  const knn = new ml.KNearestNeighbors();
  try {
    // orange = class 0, blue = class 1, as in the widget
    knn.setData([3, 2, 1, 1, 2, 4, 0, 3, 5, 5], 2, [1, 0, 1, 0, 0]);
    knn.setK(5);
    knn.step();
    const { indices, distances } = knn.neighbors([2, 2]);
    assert.deepEqual([...indices], [0, 1, 2, 3, 4]);
    assert.deepEqual([...distances].map((d) => d.toFixed(2)), ['1.00', '1.41', '2.00', '2.24', '4.24']);
    const ask = (k) => { knn.setK(k); knn.step(); return { label: knn.predict([2, 2])[0], votes: [...knn.votes([2, 2])] }; };
    assert.deepEqual(ask(1), { label: 1, votes: [0, 1] });
    assert.deepEqual(ask(3), { label: 1, votes: [1, 2] });
    assert.deepEqual(ask(5), { label: 0, votes: [3, 2] });
  } finally {
    knn.delete();
  }
});

test('check-yourself: query 3.4 among 1, 2, 4, 7, 8 → neighbours 4, 2, 1; one vote for class 1, called class 0', async () => {
  const { computations } = await import('../web/js/check-computations.js');
  const r = computations['knn-1d'](ml, { points: [1, 2, 4, 7, 8], labels: [0, 0, 1, 1, 1], query: 3.4, k: 3 });
  assert.equal(r.votes1, 1);
  assert.equal(r.label, 0);
  assert.equal(computations['knn-1d'](ml, { points: [1, 2, 4, 7, 8], labels: [0, 0, 1, 1, 1], query: 3.4, k: 1 }).label, 1);
});

test('predict, then check: raising k from 5 to 25 changes the class of 11.5% of the 60 × 60 grid ("5% to 20%")', () => {
  const classesAt = (k) => withKnn(k, (knn, data) => {
    const { x0, x1, y0, y1 } = data.domain;
    const g = knn.predictGrid(x0, x1, y0, y1, GRID, GRID);
    return { cls: Array.from({ length: GRID * GRID }, (_, i) => (g[2 * i + 1] > 0.5 ? 1 : 0)), regions: regions(knn, data.domain) };
  });
  const a = classesAt(5);
  const b = classesAt(25);
  const share = a.cls.filter((c, i) => c !== b.cls[i]).length / a.cls.length;
  assert.equal((share * 100).toFixed(1), '11.5');
  assert.ok(share >= 0.05 && share <= 0.2);
  assert.equal(a.regions, 2);
  assert.equal(b.regions, 2);  // still two regions: the boundary moved and smoothed, nothing was redrawn
});

// knn-vote counts a wide vote's map as the answer seen when it differs from the k = 25 map in
// under 5% of the cells (the box's narrowest band): on the lesson's moons, k = 21 to 24.
test('predict, then check: the maps at k = 21 to 24 differ from the k = 25 map in under 5% of the grid (23: 1.9%), those at 13 to 20 in 5% or more (20: 5.1%, 13: 8.8%)', () => {
  const classesAt = (k) => withKnn(k, (knn, data) => {
    const { x0, x1, y0, y1 } = data.domain;
    const g = knn.predictGrid(x0, x1, y0, y1, GRID, GRID);
    return Array.from({ length: GRID * GRID }, (_, i) => (g[2 * i + 1] > 0.5 ? 1 : 0));
  });
  const top = classesAt(25);
  const share = (k) => { const m = classesAt(k); return m.filter((c, i) => c !== top[i]).length / m.length; };
  const near = [];
  for (let k = 13; k <= 24; k++) if (share(k) < 0.05) near.push(k);
  assert.deepEqual(near, [21, 22, 23, 24]);
  assert.deepEqual([23, 20, 13].map((k) => (100 * share(k)).toFixed(1)), ['1.9', '5.1', '8.8']);
});
