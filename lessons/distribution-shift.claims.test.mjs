// Claims of distribution-shift.md, checked against the engine with the widget's defaults
// (distribution-shift.js: makeBlobs(400, 2, spread 1.1, seed 7), splitBlobs, LogisticRegression
// reset(seed) + fit(5000), StandardScaler on the training features, shifts 0 … 5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations/data-drift.js';
import { DIRECTIONS, shiftRows, splitBlobs } from '../web/widgets/distribution-shift/shift.js';

const SEED = 7;
function setup(spread) {
  const split = splitBlobs(ml.makeBlobs(400, 2, spread, SEED));
  const model = new ml.LogisticRegression();
  model.setData(split.trainX, 2, split.trainY);
  model.reset(SEED);
  model.fit(5000);
  const scaler = new ml.StandardScaler();
  scaler.fit(split.trainX, 2);
  return { split, model, scaler, free() { model.delete(); scaler.delete(); } };
}

// The widget's measure(): accuracy on the moved test points, the drift D (length of the mean of
// the standardised test features), and the accuracy within each class.
function measure({ split, model, scaler }, direction, shift) {
  const p = model.params();
  const X = shiftRows(split.testX, DIRECTIONS[direction]([p[0], p[1]]), shift);
  const Z = scaler.transform(X, 2);
  let m0 = 0; let m1 = 0;
  for (let i = 0; i < Z.length; i += 2) { m0 += Z[i]; m1 += Z[i + 1]; }
  const n = Z.length / 2;
  const pred = model.predict(X);
  const byClass = [0, 1].map((c) => {
    const idx = split.testY.map((y, i) => (y === c ? i : -1)).filter((i) => i >= 0);
    return idx.filter((i) => pred[i] === c).length / idx.length;
  });
  return { acc: model.score(X, split.testY), drift: Math.hypot(m0 / n, m1 / n), byClass, X, m: [m0 / n, m1 / n] };
}
const shifts = Array.from({ length: 21 }, (_, i) => (5 * i) / 20);

test('D is the distance of the average, |mean of the standardised test features|, and equals the formula', () => {
  const s = setup(1.1);
  try {
    const mu = s.scaler.mean(); const sd = s.scaler.scale();
    for (const shift of [0, 1.5, 4]) {
      const r = measure(s, 'diagonal', shift);
      const xbar = [0, 1].map((j) => r.X.filter((_, i) => i % 2 === j).reduce((a, v) => a + v, 0) / (r.X.length / 2));
      const formula = Math.hypot((xbar[0] - mu[0]) / sd[0], (xbar[1] - mu[1]) / sd[1]);
      assert.ok(Math.abs(formula - r.drift) < 1e-9, `formula ${formula} vs widget ${r.drift}`);
      // …and it is not the average distance from 0, which is far larger (at no shift about 1.2 against D ≈ 0.1).
      const Z = s.scaler.transform(r.X, 2);
      let avgDist = 0;
      for (let i = 0; i < Z.length; i += 2) avgDist += Math.hypot(Z[i], Z[i + 1]);
      avgDist /= Z.length / 2;
      assert.ok(avgDist > r.drift + 0.25, `average distance ${avgDist} differs from D ${r.drift}`);
    }
  } finally { s.free(); }
});

test('no shift: test accuracy about equals training accuracy, D near 0', () => {
  const s = setup(1.1);
  try {
    const r = measure(s, 'across', 0);
    const train = s.model.score(s.split.trainX, s.split.trainY);
    assert.ok(Math.abs(r.acc - train) <= 0.02, `test ${r.acc} vs train ${train}`);
    assert.ok(r.drift < 0.2, `D at no shift = ${r.drift}`);
  } finally { s.free(); }
});

test('across: class-0 triangles cross, circles stay; accuracy falls towards 0.5 while D rises steadily', () => {
  const s = setup(1.1);
  try {
    const rs = shifts.map((sh) => measure(s, 'across', sh));
    for (let i = 1; i < rs.length; i++) {
      assert.ok(rs[i].drift > rs[i - 1].drift, `D rises at shift ${shifts[i]}`);
      assert.ok(rs[i].acc <= rs[i - 1].acc + 1e-12, `accuracy never rises at shift ${shifts[i]}`);
      assert.ok(rs[i].byClass[1] >= 0.99, 'class-1 circles stay on their side');
    }
    const last = rs[rs.length - 1];
    assert.ok(last.acc < 0.55 && last.acc >= 0.5, `accuracy at shift 5 = ${last.acc}`);
    assert.ok(last.byClass[0] < 0.05, 'nearly every class-0 triangle has crossed');
    assert.ok(last.drift > 2, `D at shift 5 = ${last.drift}`);
  } finally { s.free(); }
});

test('along: D rises about as much as across, accuracy hardly moves', () => {
  const s = setup(1.1);
  try {
    const along = measure(s, 'along', 5);
    const across = measure(s, 'across', 5);
    assert.ok(Math.abs(along.drift - across.drift) < 0.1, `D along ${along.drift} vs across ${across.drift}`);
    assert.ok(along.drift > 2, `D along at shift 5 = ${along.drift} (the predict-then-check paragraph: above 2)`);
    for (const sh of shifts) {
      const r = measure(s, 'along', sh);
      assert.ok(Math.abs(r.acc - measure(s, 'along', 0).acc) <= 0.01, `accuracy along at ${sh} = ${r.acc}`);
    }
  } finally { s.free(); }
});

test('tight blobs (spread 0.3): accuracy holds at 1 for small shifts, then collapses to 0.5 within about one unit', () => {
  const s = setup(0.3);
  try {
    const rs = shifts.map((sh) => ({ sh, ...measure(s, 'across', sh) }));
    const firstDrop = rs.find((r) => r.acc < 1);
    const bottom = rs.find((r) => r.acc <= 0.5);
    assert.ok(firstDrop.sh >= 1.5, `accuracy holds until shift ${firstDrop.sh}`);
    assert.ok(bottom.sh - firstDrop.sh <= 1.5, `collapse from ${firstDrop.sh} to ${bottom.sh}`);
    // The wide default blobs lose accuracy much earlier.
    const wide = setup(1.1);
    try { assert.ok(measure(wide, 'across', 1).acc < 1 && measure(s, 'across', 1).acc === 1); } finally { wide.free(); }
  } finally { s.free(); }
});

test('worked example: μ = (1, 2), s = (1, 2), new mean (1.6, 3.6) → standardised 0.6 and 0.8, D = 1', () => {
  // Training rows (0, 0) and (2, 4): means (1, 2), population sds (1, 2).
  const scaler = new ml.StandardScaler();
  try {
    scaler.fit([0, 0, 2, 4], 2);
    assert.deepEqual(Array.from(scaler.mean()), [1, 2]);
    assert.deepEqual(Array.from(scaler.scale()), [1, 2]);
    assert.deepEqual(Array.from(scaler.transform([1.6, 3.6], 2), (v) => Math.round(v * 10) / 10), [0.6, 0.8]);
  } finally { scaler.delete(); }
  const d = computations.drift(ml, { cols: 2, train: [0, 0, 2, 4], test: [1.6, 3.6, 1.2, 3.2, 2, 4] });
  assert.ok(Math.abs(d.value - 1) < 1e-12, String(d.value));
});

test('check-yourself: training rows (8, −1), (12, 1) → μ = (10, 0), s = (2, 1); new mean (13, 2) → D = √(1.5² + 2²) = 2.5', () => {
  const scaler = new ml.StandardScaler();
  try {
    scaler.fit([8, -1, 12, 1], 2);
    assert.deepEqual(Array.from(scaler.mean()), [10, 0]);
    assert.deepEqual(Array.from(scaler.scale()), [2, 1]);
  } finally { scaler.delete(); }
  assert.ok(Math.abs(computations.drift(ml, { cols: 2, train: [8, -1, 12, 1], test: [13, 2] }).value - 2.5) < 1e-12);
  assert.throws(() => computations.drift(ml, { cols: 2, train: [8, -1, 12], test: [13, 2] }), /multiple of cols=2/);
});

// Only the shift along the boundary keeps the rule linking a place to its class: pushed across,
// the class-0 points land among class-1 training points with their labels unchanged, so the
// lesson must not call every shift of the widget covariate shift.
test('across moves the rule with the points (97 % of class-0 test points land among class-1 training points at shift 5), along does not (3 %)', async () => {
  const fs = await import('node:fs');
  const lesson = fs.readFileSync(new URL('./distribution-shift.md', import.meta.url), 'utf8');
  const s = setup(1.1);
  try {
    const { trainX, trainY, testY } = s.split;
    const nearestSayOne = (x, y) => {
      const five = trainY.map((l, j) => [Math.hypot(trainX[2 * j] - x, trainX[2 * j + 1] - y), l]).sort((a, b) => a[0] - b[0]).slice(0, 5);
      return five.filter(([, l]) => l === 1).length >= 3;
    };
    const share = (direction) => {
      const { X } = measure(s, direction, 5);
      const zeros = testY.map((y, i) => (y === 0 ? i : -1)).filter((i) => i >= 0);
      return zeros.filter((i) => nearestSayOne(X[2 * i], X[2 * i + 1])).length / zeros.length;
    };
    assert.equal(Math.round(share('across') * 100), 97);
    assert.equal(Math.round(share('along') * 100), 3);
  } finally { s.free(); }
  assert.match(lesson, /pushed 5 units across, 97% of the class-0 test points land where most of their five nearest training points are class 1 \(pushed 5 units along, 3% do\)/);
  assert.match(lesson, /\*\*Along the boundary\*\* it is \*\*covariate shift\*\*/);
  assert.doesNotMatch(lesson, /The labels do not move\. This is a simple picture of \*covariate shift\*/);
});

// The notation page gives s to a standard deviation and bold u to a generator's noise, and this
// lesson builds D from the standard deviations s_j: the shift must not be written with either
// letter. Every paragraph whose math uses s speaks of a standard deviation.
test('s is only ever a standard deviation here, and the shift is not written s u', async () => {
  const fs = await import('node:fs');
  const lesson = fs.readFileSync(new URL('./distribution-shift.md', import.meta.url), 'utf8');
  const body = lesson.split(/^---$/m).slice(2).join('---');
  assert.doesNotMatch(body, /\\mathbf\{?u\b/, 'bold u is the notation page\'s generator noise');
  let paragraphsWithS = 0;
  for (const para of body.split(/\n\s*\n/)) {
    const maths = [...para.matchAll(/\$\$?([^$]+)\$\$?/g)].map((m) => m[1]);
    if (!maths.some((m) => /(?<![\\A-Za-z])s(?![A-Za-z])/.test(m))) continue;
    paragraphsWithS += 1;
    assert.match(para, /standard deviation/, `a paragraph uses s without it being a standard deviation:\n${para.slice(0, 200)}`);
  }
  assert.ok(paragraphsWithS >= 3, `${paragraphsWithS} paragraphs use s`);
  // The slider is described in words: a distance (the slider's value) along a unit direction.
  assert.match(body, /The \*\*test shift\*\* slider then moves every test point the same distance, the slider's value, in the same direction/);
  // …which is what the widget does: each direction has length 1, so every point moves exactly the slider's value.
  for (const name of ['across', 'along', 'diagonal']) {
    const dir = DIRECTIONS[name]([0.8, -2.3]);
    assert.ok(Math.abs(Math.hypot(dir[0], dir[1]) - 1) < 1e-12, `${name} is a unit direction`);
    const X = [1, 2, -3, 0.5];
    const moved = shiftRows(X, dir, 3.5);
    for (let i = 0; i < X.length; i += 2) assert.ok(Math.abs(Math.hypot(moved[i] - X[i], moved[i + 1] - X[i + 1]) - 3.5) < 1e-12);
  }
});
