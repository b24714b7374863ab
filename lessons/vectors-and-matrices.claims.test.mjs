// Claims of the vectors-and-matrices lesson, checked against the engine's 2×2 linear-algebra
// calls with the widgets' presets (web/lib/linear-algebra.js) and the dot-product
// widget's defaults and buttons (web/widgets/dot-product.js: a = (3, 1), b = (1, 2)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations.js';
import { PRESETS } from '../web/lib/linear-algebra.js';
import { PRESET as DOT_PRESETS } from '../web/widgets/dot-product.js';

const close = (a, b, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('columns are the images of î and ĵ; linearity', () => {
  const A = [1, 2, 3, 4];
  assert.deepEqual([...ml.matrix2Apply(A, [1, 0, 0, 1])], [1, 3, 2, 4]);
  const [x1, x2] = [2, -1];
  const direct = ml.matrix2Apply(A, [x1, x2]);
  const cols = ml.matrix2Apply(A, [1, 0, 0, 1]);
  assert.deepEqual([...direct], [x1 * cols[0] + x2 * cols[2], x1 * cols[1] + x2 * cols[3]]);
  assert.deepEqual([...ml.matrix2Apply(A, [0, 0])], [0, 0], 'the origin stays put');
});

test('determinant: area factor, orientation, singular', () => {
  const A = [2, 1, 1, 2];
  assert.equal(ml.matrix2Determinant(A), 3);
  // The image of a 1 × 2 rectangle has 3 times its area (shoelace formula on the mapped corners).
  const c = ml.matrix2Apply(A, [0, 0, 1, 0, 1, 2, 0, 2]);
  let area = 0;
  for (let k = 0; k < 4; k++) { const j = (k + 1) % 4; area += c[2 * k] * c[2 * j + 1] - c[2 * j] * c[2 * k + 1]; }
  close(area / 2, 3 * 2);
  assert.equal(ml.matrix2Determinant(PRESETS.reflect.matrix()), -1);
  assert.equal(ml.matrix2Determinant(PRESETS.project.matrix()), 0);
  // det 0: two different inputs land on the same output.
  assert.deepEqual([...ml.matrix2Apply(PRESETS.project.matrix(), [1, 0, 1, 5])], [1, 0, 1, 0]);
});

test('eigenvectors: the symmetric example, the shear, the rotation, the characteristic equation', () => {
  const e = ml.matrix2Eigen(PRESETS.symmetric.matrix());
  assert.deepEqual([...e.values], [3, 1]);
  assert.deepEqual([...e.vectors].map((v) => v.toFixed(4)), ['0.7071', '0.7071', '0.7071', '-0.7071']);
  assert.equal(e.vectors[0] * e.vectors[2] + e.vectors[1] * e.vectors[3], 0, 'perpendicular');
  // λ² − (a + d)λ + det A = 0 for both eigenvalues.
  for (const l of e.values) assert.equal(l * l - 4 * l + 3, 0);
  const shear = ml.matrix2Eigen(PRESETS.shear.matrix());
  assert.equal(shear.kind, 'defective');
  assert.deepEqual([...shear.vectors], [1, 0]);
  assert.equal(ml.matrix2Determinant(PRESETS.shear.matrix()), 1);
  for (const deg of [30, 90, -45, 135]) {
    const R = PRESETS.rotate.matrix(deg);
    assert.equal(ml.matrix2Eigen(R).kind, 'complex', `${deg}°`);
    close(ml.matrix2Determinant(R), 1, 1e-9); // the preset rounds cos and sin to 12 decimals
  }
  for (const deg of [0, 180]) assert.equal(ml.matrix2Eigen(PRESETS.rotate.matrix(deg)).kind, 'scalar', `${deg}°`);
  const proj = ml.matrix2Eigen(PRESETS.project.matrix());
  assert.deepEqual([...proj.values], [1, 0]);
  assert.deepEqual([...proj.vectors], [1, 0, 0, 1]);
});

test('the blend (1 − t)I + tA keeps the eigenvectors with eigenvalues 1 − t + tλ', () => {
  const A = PRESETS.symmetric.matrix();
  const e = ml.matrix2Eigen(A);
  for (const t of [0.25, 0.5, 0.8]) {
    const B = [1 - t + t * A[0], t * A[1], t * A[2], 1 - t + t * A[3]];
    const f = ml.matrix2Eigen(B);
    f.values.forEach((v, k) => close(v, 1 - t + t * e.values[k], 1e-12));
    f.vectors.forEach((v, k) => close(v, e.vectors[k], 1e-12));
  }
});

test('the dot product: defaults, the two formulas, the buttons, doubling a, projection', () => {
  const a = [3, 1]; const b = [1, 2];
  assert.equal(ml.vectorDot(a, b), 5);
  const p = ml.vectorProjection(a, b);
  assert.equal((p.normA * p.normB * Math.cos(ml.vectorAngle(a, b))).toFixed(3), ml.vectorDot(a, b).toFixed(3));
  close(p.scalar, 5 / Math.sqrt(5));
  [...p.vector].forEach((v, k) => close(v, b[k], 1e-12)); // (a·b / b·b) b = (5/5) b
  // Perpendicular and Opposite buttons: the lesson names both vectors each one sets (b moves too).
  const md = fs.readFileSync(new URL('./vectors-and-matrices.md', import.meta.url), 'utf8');
  const tryIt = md.split('\n').find((line) => line.startsWith('2. Press **Perpendicular**'));
  const vec = (v) => `(${v.join(', ')})`;
  for (const [button, id] of [['Perpendicular', 'perpendicular'], ['Opposite', 'opposite']]) {
    const said = tryIt.slice(tryIt.indexOf(`**${button}**`)).split('. Press')[0];
    const { a: pa, b: pb } = DOT_PRESETS[id];
    assert.ok(said.includes(`$a = ${vec(pa)}$`) && said.includes(`$b = ${vec(pb)}$`), `${button}: ${said}`);
  }
  assert.deepEqual(DOT_PRESETS.opposite.b, DOT_PRESETS.perpendicular.b, 'Opposite keeps the b Perpendicular set');
  assert.equal(ml.vectorDot(DOT_PRESETS.opposite.a, DOT_PRESETS.opposite.b), -7);
  assert.equal(ml.vectorDot(DOT_PRESETS.perpendicular.a, DOT_PRESETS.perpendicular.b), 0);
  assert.equal(ml.vectorDot([-1, 2], [2, 1]), 0);
  assert.equal(ml.vectorProjection([-1, 2], [2, 1]).scalar, 0);
  assert.equal(ml.vectorDot([-3, -1], [2, 1]), -7);
  assert.ok(ml.vectorProjection([-3, -1], [2, 1]).scalar < 0, 'the shadow points against b');
  // Twice as long: a·b doubles, the cosine similarity stays.
  assert.equal(ml.vectorDot([6, 2], b), 10);
  close(ml.vectorCosine([6, 2], b), ml.vectorCosine(a, b), 1e-15);
  // Signs against the angle.
  assert.ok(ml.vectorAngle(a, b) < Math.PI / 2 && ml.vectorDot(a, b) > 0);
  assert.ok(ml.vectorAngle([-3, -1], [2, 1]) > Math.PI / 2);
  assert.throws(() => ml.vectorProjection(a, [0, 0]), /b is the zero vector/);
});

test('a layer is one dot product per row of W; without φ two layers are one matrix', () => {
  const W = [2, -1, 0.5, 3]; const x = [1, 4];
  const h = ml.matrix2Apply(W, x);
  assert.equal(h[0], ml.vectorDot([2, -1], x));
  assert.equal(h[1], ml.vectorDot([0.5, 3], x));
  const V = [1, 1, -2, 0.5];
  const twice = ml.matrix2Apply(V, h);
  const VW = [V[0] * W[0] + V[1] * W[2], V[0] * W[1] + V[1] * W[3], V[2] * W[0] + V[3] * W[2], V[2] * W[1] + V[3] * W[3]];
  assert.deepEqual([...twice], [...ml.matrix2Apply(VW, x)]);
});

test('by hand: det and eigenvalues of [[2, 1], [1, 2]]; the dot product, angle and projection of (3, 1) and (1, 2)', () => {
  const A = [2, 1, 1, 2];
  assert.deepEqual([...ml.matrix2Apply(A, [1, 0, 0, 1])], [2, 1, 1, 2], 'î → (2, 1), ĵ → (1, 2)');
  assert.equal(ml.matrix2Determinant(A), 2 * 2 - 1 * 1);
  const e = ml.matrix2Eigen(A);
  assert.deepEqual([...e.values], [3, 1]);
  assert.deepEqual([...ml.matrix2Apply(A, [1, 1])], [3, 3]);
  assert.equal(e.values[0] * e.values[1], ml.matrix2Determinant(A));
  assert.equal(e.values[0] + e.values[1], A[0] + A[3]);
  const a = [3, 1]; const b = [1, 2];
  assert.equal(ml.vectorDot(a, b), 3 * 1 + 1 * 2);
  const p = ml.vectorProjection(a, b);
  assert.equal(p.normA.toFixed(3), '3.162');
  assert.equal(p.normB.toFixed(3), '2.236');
  assert.equal(ml.vectorCosine(a, b).toFixed(3), '0.707');
  close(ml.vectorCosine(a, b), 5 / Math.sqrt(50), 1e-15);
  close(ml.vectorAngle(a, b), Math.PI / 4, 1e-12);
  assert.equal(p.scalar.toFixed(3), '2.236');
  [...p.vector].forEach((v, k) => close(v, [1, 2][k], 1e-12));
});

test('check yourself: det 10, larger eigenvalue 5, det −2, doubling a', () => {
  const det = computations['matrix-2x2'](ml, { m: [3, 1, 2, 4] }).determinant;
  close(det, 3 * 4 - 1 * 2);
  const m = computations['matrix-2x2'](ml, { m: [4, 1, 2, 3] });
  close(m.largest, 5); close(m.smallest, 2);
  assert.deepEqual([...ml.matrix2Apply([4, 1, 2, 3], [1, 1])], [5, 5]);
  // det −2: area doubled, orientation flipped; −I has det +1.
  const F = [0, 2, 1, 0];
  assert.equal(ml.matrix2Determinant(F), -2);
  assert.equal(ml.matrix2Determinant([-1, 0, 0, -1]), 1);
  // Doubling a: a·b doubles, the cosine stays.
  const a = [3, 1]; const b = [1, 2];
  assert.equal(computations.dot(ml, { u: [6, 2], v: b }).value, 2 * ml.vectorDot(a, b));
  close(computations.dot(ml, { u: [6, 2], v: b }).cosine, ml.vectorCosine(a, b), 1e-15);
});

test('a whole batch in one product: XW by dot products, its shape, and the tensor count', () => {
  const lesson = fs.readFileSync(new URL('./vectors-and-matrices.md', import.meta.url), 'utf8');
  const X = [[1, 2], [3, 0], [0, 1]];
  const w = [2, -1];
  // Entry i of XW is the dot product of example i with the unit's weights.
  const y = X.map((row) => ml.vectorDot(row, w));
  assert.deepEqual(y, [0, 6, -1]);
  assert.match(lesson, /X = \\begin\{pmatrix\} 1 & 2 \\\\ 3 & 0 \\\\ 0 & 1 \\end\{pmatrix\}, \\quad W = \\begin\{pmatrix\} 2 \\\\ -1 \\end\{pmatrix\}/);
  assert.match(lesson, new RegExp(`= \\\\begin\\{pmatrix\\} ${y[0]} \\\\\\\\ ${y[1]} \\\\\\\\ ${y[2]} \\\\end\\{pmatrix\\}, \\\\end\\{gathered\\}\\$\\$`));
  // (64 × 10)(10 × 5) → 64 × 5: the check-yourself answer.
  const batch = Array.from({ length: 64 }, (_, i) => Array.from({ length: 10 }, (_, j) => i - j));
  const W = Array.from({ length: 10 }, (_, j) => Array.from({ length: 5 }, (_, k) => j + k));
  const XW = batch.map((row) => W[0].map((_, k) => ml.vectorDot(row, W.map((r) => r[k]))));
  assert.equal(XW.length, 64);
  assert.equal(XW[0].length, 5);
  assert.match(lesson, /\+ \$64 \\times 5\$: one row per example/);
  assert.equal(32 * 224 * 224 * 3, 4816896);
  assert.match(lesson, /32 \\cdot 224 \\cdot 224 \\cdot 3 = 4\\,816\\,896/);
});
