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

test('class spread: separable up to 1.5, from 1.75 on even C = 1000 leaves points on the wrong side', () => {
  for (const spread of [0.75, 1, 1.25, 1.5]) assert.equal(solve({ spread }).wrong, 0, `spread ${spread}`);
  for (const spread of [1.75, 2]) assert.ok(solve({ spread }).wrong > 0, `spread ${spread}`);
});
