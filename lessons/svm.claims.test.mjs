// Claims of lessons/svm.md, checked against the engine with widen-the-street's defaults:
// makeBlobs(40, 2, spread 0.75, seed 8), LinearSVM reset(0), C = 1000; a point violates the
// margin when y·f(x) < 1 − 10⁻³ (web/widgets/widen-the-street.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';

function solve({ spread = 0.75, C = 1000, keep = null } = {}) {
  const d = ml.makeBlobs(40, 2, spread, 8);
  let X = Float64Array.from(d.X); let y = Float64Array.from(d.y);
  if (keep) {
    X = Float64Array.from(keep.flatMap((i) => [d.X[2 * i], d.X[2 * i + 1]]));
    y = Float64Array.from(keep.map((i) => d.y[i]));
  }
  const svm = new ml.LinearSVM();
  try {
    svm.setData(X, 2, y);
    svm.setC(C);
    svm.setPairsPerStep(1000);
    svm.reset(0);
    svm.fit(100000);
    const f = svm.decisionFunction(X);
    let violations = 0; let wrong = 0;
    for (let i = 0; i < y.length; i++) {
      const m = (y[i] === 1 ? 1 : -1) * f[i];
      if (m < 1 - 1e-3) violations += 1;
      if (m <= 0) wrong += 1;
    }
    return { w: [...svm.weights()], b: svm.bias(), width: svm.marginWidth(), sv: [...svm.supportVectors()], violations, wrong, status: svm.status() };
  } finally {
    svm.delete();
  }
}

test('the widest street is 2.733 wide, held by three support vectors', () => {
  const r = solve();
  assert.equal(r.status, 'converged');
  assert.equal(r.width.toFixed(3), '2.733');
  assert.ok(Math.abs(r.width - 2 / Math.hypot(...r.w)) < 1e-9, 'margin = 2/‖w‖');
  assert.equal(r.sv.length, 3);
  assert.equal(r.violations, 0);
});

test('the support vectors alone determine the line', () => {
  const all = solve();
  const only = solve({ keep: all.sv });
  assert.ok(Math.abs(only.w[0] - all.w[0]) < 1e-3 && Math.abs(only.w[1] - all.w[1]) < 1e-3, `${only.w} vs ${all.w}`);
  assert.ok(Math.abs(only.b - all.b) < 1e-3);
});

test('lowering C: nothing changes down to 1; 3.171 with 3 inside at 0.1; 5.188 with 18 at 0.01', () => {
  const hard = solve();
  for (const C of [100, 10, 1]) {
    const r = solve({ C });
    assert.equal(r.width.toFixed(3), hard.width.toFixed(3), `C = ${C}`);
    assert.equal(r.violations, 0);
  }
  const a = solve({ C: 0.1 });
  assert.equal(a.width.toFixed(3), '3.171');
  assert.equal(a.violations, 3);
  const b = solve({ C: 0.01 });
  assert.equal(b.width.toFixed(3), '5.188');
  assert.equal(b.violations, 18);
});

// C prices one unit of hinge loss in units of ½‖w‖², and ½‖w‖² = 2/width²: the same width gain is
// worth less on a wide street (2.733 ↔ 0.268, 5.188 ↔ 0.074).
test('C is the exchange rate between hinge loss and ½‖w‖², which is 2/width², not a fixed price in width', async () => {
  const fs = await import('node:fs');
  const lesson = fs.readFileSync(new URL('./svm.md', import.meta.url), 'utf8');
  assert.match(lesson, /The constant \$C\$ decides how the two terms trade against each other: one unit of hinge loss costs as much as \$C\$ units of \$\\tfrac12 \\lVert \\mathbf w \\rVert\^2\$\. That is not a fixed price in street width: a street of width \$2\/\\lVert \\mathbf w \\rVert\$ makes the first term \$2\/\\text\{width\}\^2\$, so each extra unit of width saves less the wider the street already is\./);
  assert.doesNotMatch(lesson, /units of street width one unit of intrusion/);
  const half = (r) => 0.5 * (r.w[0] ** 2 + r.w[1] ** 2);
  for (const [C, width, term] of [[1000, '2.733', '0.268'], [0.01, '5.188', '0.074']]) {
    const r = solve({ C });
    assert.equal(r.width.toFixed(3), width);
    assert.equal(half(r).toFixed(3), term, `C = ${C}`);
    assert.ok(Math.abs(half(r) - 2 / r.width ** 2) < 1e-9, '½‖w‖² = 2/width²');
  }
  // One more unit of width saves less on the wider street.
  const saving = (width) => 2 / width ** 2 - 2 / (width + 1) ** 2;
  assert.ok(saving(5.188) < saving(2.733) / 3);
});

test('class spread: separable up to 1.5, from 1.75 on even C = 1000 leaves points on the wrong side', () => {
  for (const spread of [0.75, 1, 1.25, 1.5]) assert.equal(solve({ spread }).wrong, 0, `spread ${spread}`);
  for (const spread of [1.75, 2]) assert.ok(solve({ spread }).wrong > 0, `spread ${spread}`);
});

test('worked example: (0,0) and (3,4) → w = (0.24, 0.32), b = −1, ‖w‖ = 0.4, margin 5 through the midpoint', () => {
  const svm = new ml.LinearSVM();
  try {
    svm.setData([0, 0, 3, 4], 2, [0, 1]);
    svm.setC(1e6);
    svm.setPairsPerStep(1000);
    svm.reset(0);
    svm.fit(100000);
    const [w1, w2] = svm.weights();
    const near = (a, b) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);
    near(w1, 0.24); near(w2, 0.32); near(svm.bias(), -1);
    near(Math.hypot(w1, w2), 0.4);
    near(svm.marginWidth(), 5);
    near(w1 * 1.5 + w2 * 2 + svm.bias(), 0);
    assert.deepEqual([...svm.supportVectors()], [0, 1]);
  } finally {
    svm.delete();
  }
});

test('check-yourself: (0,0) and (0,4) → margin 4, ‖w‖ = 0.5, w = (0, 0.5), b = −1', async () => {
  const { computations } = await import('../web/js/check-computations/kernels-and-svm.js');
  const r = computations['svm-margin'](ml, { points: [0, 0, 0, 4], labels: [0, 1] });
  assert.ok(Math.abs(r.width - 4) < 1e-9 && Math.abs(r.norm - 0.5) < 1e-9);
  assert.ok(Math.abs(r.w1) < 1e-9 && Math.abs(r.w2 - 0.5) < 1e-9 && Math.abs(r.b + 1) < 1e-9);
  assert.equal(r.supportVectors, 2);
  // The worked example through the same computation.
  assert.ok(Math.abs(computations['svm-margin'](ml, { points: [0, 0, 3, 4], labels: [0, 1] }).width - 5) < 1e-9);
});

test('the learner\'s street: the nearest point of each class is circled (two), and the band reaches only the closer one', async () => {
  const fs = await import('node:fs');
  const { measureStreet } = await import('../web/widgets/widen-the-street.js');
  const { messages } = await import('../web/widgets/widen-the-street.messages.js');
  const d = ml.makeBlobs(40, 2, 0.75, 8);
  const data = { X: Float64Array.from(d.X), y: Float64Array.from(d.y), rows: d.rows };
  const centre = [0, 0];
  for (let i = 0; i < data.rows; i++) { centre[0] += data.X[2 * i] / data.rows; centre[1] += data.X[2 * i + 1] / data.rows; }
  const normalAt = (deg) => [Math.cos((deg + 90) * Math.PI / 180), Math.sin((deg + 90) * Math.PI / 180)];
  const m = measureStreet(data, centre, normalAt(120), 0.4); // the widget's starting line
  assert.equal(m.wrong, 0, 'the starting line separates the classes');
  const [a, b] = m.nearest;
  assert.ok(a >= 0 && b >= 0 && a !== b && data.y[a] === 0 && data.y[b] === 1, 'one circled point per class');
  const dist = (i) => Math.abs(normalAt(120)[0] * (data.X[2 * i] - centre[0]) + normalAt(120)[1] * (data.X[2 * i + 1] - centre[1]) - 0.4);
  assert.ok(Math.abs(m.half - Math.min(dist(a), dist(b))) < 1e-12, 'the band reaches the closer circled point');
  assert.ok(Math.max(dist(a), dist(b)) > m.half + 0.05, 'the other circled point lies outside the band');
  const md = fs.readFileSync(new URL('./svm.md', import.meta.url), 'utf8');
  assert.ok(md.includes('The point nearest the line in each class is circled, so two points are ringed, and the band\'s edge touches the closer of the two.'));
  assert.doesNotMatch(md, /nearest point, which is circled/);
  for (const key of ['widen-the-street.startSeparates', 'widen-the-street.separates']) assert.match(messages[key], /the point nearest the line in each class is circled/);
});

// Audit 11, M item 2: the same points came back as a round that counts. The lesson says they stay
// practice; the engine rebuilds them exactly after the spread moves away and back (so the widget's
// memory of shown answers, web/lib/shown-answers.js, knows them), and the widget says why.
test('widen-the-street: the spread moved away and back rebuilds the same points, and streets on them stay practice', async () => {
  const fs = await import('node:fs');
  const { samePoints } = await import('../web/lib/shown-answers.js');
  const { messages } = await import('../web/widgets/widen-the-street.messages.js');
  const points = (spread) => { const d = ml.makeBlobs(40, 2, spread, 8); return { X: Float64Array.from(d.X), y: Float64Array.from(d.y) }; };
  const first = points(0.75);
  const away = points(0.8);
  assert.equal(samePoints(first, away), false, 'another spread: other points, a round that counts');
  assert.equal(samePoints(first, points(0.75)), true, 'back at 0.75: the very same points');
  const md = fs.readFileSync(new URL('./svm.md', import.meta.url), 'utf8');
  assert.ok(md.includes('They stay practice when the same points come back: the spread slider moved away and back rebuilds them exactly, and once a score of yours is recorded, or the street was shown before you had one, a later visit to this lesson opens with them again. **New points** starts a fresh round.'));
  assert.match(messages['widen-the-street.shownEarlier']({ why: 'shown' }), /already shown for these same points earlier on this page, so no street on them is scored now/);
  assert.match(messages['widen-the-street.shownEarlier']({ why: 'recorded' }), /already recorded in this lesson, and these are the points the page opens with on every visit, so no street on them is scored now/);
  assert.match(messages['widen-the-street.practice']({ why: 'recorded' }), /already recorded in this lesson.*streets you make on them are practice/);
  assert.match(messages['widen-the-street.practice']({ why: 'seenEarlier' }), /On an earlier visit the SVM's street was shown for these points.*before any street of yours was scored, so streets you make on them are practice/);
  assert.match(messages['widen-the-street.shownEarlier']({ why: 'seenEarlier' }), /On an earlier visit the SVM's street was shown for these points.*so no street on them is scored now/);
});
