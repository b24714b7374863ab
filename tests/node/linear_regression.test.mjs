import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from './engine.mjs';

test('seed 004 walkthrough through the WASM module', () => {
  const m = new ml.LinearRegression();
  try {
    m.setData(new Float64Array([1]), 1, new Float64Array([4]));
    m.setLearningRate(0.1);
    m.setParams([3, 4]);
    const losses = [];
    for (let i = 0; i < 5; i++) losses.push(m.step());
    assert.deepEqual(losses.map((l) => l.toFixed(4)), ['3.2400', '1.1664', '0.4199', '0.1512', '0.0544']);
    const t = ml.trace(m);
    assert.equal(t.rows, 6);
    assert.equal(t.row(0).loss, 9);
    assert.equal(t.row(5).w0.toFixed(4), '1.6166');
  } finally {
    m.delete();
  }
});

test('a bad call throws a typed JS error and the next call works', () => {
  const m = new ml.LinearRegression();
  try {
    assert.throws(() => m.step(), (e) => e instanceof Error && /no training data yet/.test(e.message) && e.code === 'bad-state');
    assert.throws(() => m.setData([1, 2, 3], 1, [1, 2]), (e) => e instanceof RangeError && e.code === 'shape-mismatch' && /3 rows but y has 2/.test(e.message));
    assert.throws(() => m.setData([1, NaN], 1, [1, 2]), (e) => e instanceof RangeError && /X\[1\]\[0\]=NaN/.test(e.message));
    assert.throws(() => m.setData(['a', 2], 1, [1, 2]), /not a finite number/);
    assert.throws(() => m.setData(null, 1, [1]), /must be an array of numbers/);
    assert.throws(() => m.setData([1, 2], 0, [1, 2]), /column count/);
    assert.throws(() => m.setLearningRate(Infinity), /learningRate=Infinity/);
    assert.throws(() => m.fit(1.5), /whole number/);
    assert.throws(() => m.reset(-1), /seed=-1/);
    m.setData([0, 1, 2], 1, [1, 3, 5]);
    m.setLearningRate(0.1);
    assert.equal(m.status(), 'ready');
    m.fit(5000);
    assert.equal(m.status(), 'converged');
    const [w, b] = m.params();
    assert.ok(Math.abs(w - 2) < 1e-6 && Math.abs(b - 1) < 1e-6);
    const view = m.predict([10, 20]);
    assert.ok(view instanceof Float64Array);
    assert.ok(Math.abs(view[0] - 21) < 1e-5 && Math.abs(view[1] - 41) < 1e-5);
    assert.throws(() => m.predict([1, Infinity]), /not a finite number/);
  } finally {
    m.delete();
  }
});

test('divergence is a state, and reset recovers', () => {
  const m = new ml.LinearRegression();
  try {
    m.setData([1], 1, [4]);
    m.setParams([3, 4]);
    m.setLearningRate(1.1);
    m.fit(10000);
    assert.equal(m.status(), 'diverged');
    assert.throws(() => m.step(), /diverged/);
    m.reset(0);
    m.setLearningRate(0.1);
    assert.equal(m.status(), 'ready');
    m.fit(1000);
    assert.equal(m.status(), 'converged');
  } finally {
    m.delete();
  }
});

test('10 000 create/delete cycles do not grow the heap', () => {
  const warm = new ml.LinearRegression();
  warm.setData([1, 2], 1, [3, 4]);
  warm.delete();
  const before = ml.heapBytesInUse();
  const memBefore = ml.HEAP8.length;
  for (let i = 0; i < 10000; i++) {
    const m = new ml.LinearRegression();
    m.setData([1, 2, 3], 1, [2, 4, 6]);
    m.step();
    try { m.setLearningRate(NaN); } catch { /* expected: each rejected call must not leak either */ }
    m.delete();
  }
  assert.equal(ml.heapBytesInUse() - before, 0);
  assert.equal(ml.HEAP8.length, memBefore);
});
