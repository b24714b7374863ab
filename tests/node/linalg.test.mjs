// JS API of the 2×2 linear-algebra toolkit through WASM: values against hand-derived numbers,
// bad calls throw clear errors, and the engine keeps working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from './engine.mjs';

const close = (a, b, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} ≠ ${b}`);
const r2 = Math.SQRT1_2;

test('matrix2Apply and matrix2Determinant', () => {
  const out = ml.matrix2Apply([1, 2, 3, 4], [1, 0, 0, 1, 2, -1]);
  assert.ok(out instanceof Float64Array);
  assert.deepEqual([...out], [1, 3, 2, 4, 0, 2]);
  assert.equal(ml.matrix2Apply([1, 0, 0, 1], []).length, 0);
  assert.equal(ml.matrix2Determinant([2, 1, 1, 2]), 3);
  assert.equal(ml.matrix2Determinant([1, 1, 0, 1]), 1);
  assert.equal(ml.matrix2Determinant([-1, 0, 0, 1]), -1);
  assert.equal(ml.matrix2Determinant([1, 2, 0.5, 1]), 0);
  assert.throws(() => ml.matrix2Apply([1, 0, 0, 1], [1, 2, 3]), (e) => e instanceof RangeError && e.code === 'shape-mismatch');
  assert.throws(() => ml.matrix2Apply([1, 0, 0, 1], [1, NaN]), (e) => e.code === 'invalid-argument');
  assert.throws(() => ml.matrix2Determinant([1, 0, 2e6, 1]), /entry c \(row 2, column 1\)=2e\+06/);
  assert.throws(() => ml.matrix2Determinant([1, 0, 0]), /A must hold 4 numbers/);
  assert.throws(() => ml.matrix2Determinant('abcd'), (e) => e instanceof RangeError);
  assert.equal(ml.matrix2Determinant([3, 0, 0, 2]), 6, 'still works after errors');
});

test('matrix2Eigen: distinct, complex, defective and scalar cases', () => {
  const s = ml.matrix2Eigen([2, 1, 1, 2]);
  assert.equal(s.kind, 'distinct');
  assert.equal(s.real, true);
  assert.equal(s.directions, 2);
  close(s.values[0], 3); close(s.values[1], 1);
  close(s.vectors[0], r2); close(s.vectors[1], r2); close(s.vectors[2], r2); close(s.vectors[3], -r2);
  close(s.trace, 4); close(s.determinant, 3); assert.equal(s.im, 0);

  const t = Math.PI / 6;
  const rot = ml.matrix2Eigen([Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t)]);
  assert.equal(rot.kind, 'complex');
  assert.equal(rot.real, false);
  assert.equal(rot.values.length, 0);
  assert.equal(rot.vectors.length, 0);
  close(rot.re, Math.cos(t)); close(rot.im, Math.sin(t));

  const shear = ml.matrix2Eigen([1, 1, 0, 1]);
  assert.equal(shear.kind, 'defective');
  assert.equal(shear.directions, 1);
  assert.deepEqual([...shear.values], [1, 1]);
  assert.deepEqual([...shear.vectors], [1, 0]);

  const zero = ml.matrix2Eigen([0, 0, 0, 0]);
  assert.equal(zero.kind, 'scalar');
  assert.deepEqual([...zero.values], [0, 0]);
  assert.deepEqual([...zero.vectors], [1, 0, 0, 1]);

  const proj = ml.matrix2Eigen([1, 0, 0, 0]);
  assert.deepEqual([...proj.values], [1, 0]);

  // A v = λ v for a non-symmetric example.
  const A = [-3, 2, 0.5, 1];
  const e = ml.matrix2Eigen(A);
  for (let k = 0; k < 2; k++) {
    const v = [e.vectors[2 * k], e.vectors[2 * k + 1]];
    const Av = ml.matrix2Apply(A, v);
    close(Av[0], e.values[k] * v[0], 1e-12); close(Av[1], e.values[k] * v[1], 1e-12);
  }
  assert.throws(() => ml.matrix2Eigen([Infinity, 0, 0, 1]), /matrix2Eigen: matrix entry a/);
});

test('vectorDot, vectorAngle, vectorCosine, vectorProjection', () => {
  assert.equal(ml.vectorDot([1, 2, 3], [4, -5, 6]), 12);
  close(ml.vectorCosine([3, 4], [4, 3]), 24 / 25);
  close(ml.vectorAngle([1, 0], [1, 1]), Math.PI / 4);
  close(ml.vectorAngle([1, 0], [-2, 0]), Math.PI);
  const p = ml.vectorProjection([1, 2], [1, 1]);
  close(p.dot, 3); close(p.scalar, 3 / Math.SQRT2); close(p.vector[0], 1.5); close(p.vector[1], 1.5);
  close(p.normA, Math.sqrt(5)); close(p.normB, Math.SQRT2);
  const back = ml.vectorProjection([-3, 1], [2, 0]);
  assert.equal(back.scalar, -3);
  assert.throws(() => ml.vectorProjection([1, 2], [0, 0]), (e) => e instanceof RangeError && e.code === 'invalid-argument' && /b is the zero vector/.test(e.message));
  assert.throws(() => ml.vectorCosine([0, 0], [1, 2]), /a is the zero vector/);
  assert.throws(() => ml.vectorAngle([1, 2], [0, 0]), /b is the zero vector/);
  assert.throws(() => ml.vectorDot([1, 2], [1]), (e) => e.code === 'shape-mismatch');
  assert.throws(() => ml.vectorDot([], []), (e) => e.code === 'shape-mismatch');
  assert.throws(() => ml.vectorDot([1, 'x'], [1, 2]), /vectorDot/);
  assert.equal(ml.vectorDot([2], [3]), 6, 'still works after errors');
});
