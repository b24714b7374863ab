// RecurrentNet through the WASM bindings: argument checking at the JS boundary, the objects the
// widget reads, determinism, memory staying flat, and the check-yourself computations of the
// recurrent-networks lesson against hand-derived values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from './engine.mjs';
import { computations } from '../../web/js/check-computations/rnn.js';

function scoped(fn) {
  const net = new ml.RecurrentNet();
  try { return fn(net); } finally { net.delete(); }
}

test('bad input from JS is refused in words and leaves the net working', () => {
  scoped((net) => {
    assert.throws(() => net.setCell(3), /cell must be a string/);
    assert.throws(() => net.setCell('gru'), (e) => e instanceof RangeError && e.code === 'invalid-argument');
    assert.throws(() => net.setHiddenSize(2.5), /hiddenSize=2.5 must be a whole number/);
    assert.throws(() => net.setSequenceLength(NaN), /not a finite number/);
    assert.throws(() => net.setSeries('abc'), /series\[0\]=NaN is not a finite number/);
    assert.throws(() => net.setSeries(null), (e) => e.code === 'shape-mismatch');
    assert.throws(() => net.setSeries([1, 2, 'x']), /series\[2\]=NaN/);
    assert.throws(() => net.setOptimizer('lbfgs'), (e) => e.code === 'invalid-argument');
    assert.throws(() => net.forwardFrom([1], [0, 0], null), /h0 has 2 values; the net has 8 hidden units/);
    assert.throws(() => net.reset(-1), /seed=-1/);
    assert.throws(() => ml.makeWaveSequence(10, 'sine', 1, 0, 1), /period=1 must be in \[2, 10000\]/);
    assert.throws(() => ml.makeWaveSequence(10, 'sine', 5, -0.1, 1), /noise=-0.1/);
    net.setSeries(ml.makeWaveSequence(50, 'sine', 10, 0, 1));
    assert.throws(() => net.generate(51, 3), /warmup=51 must be in \[1, 50\]/);
    assert.throws(() => net.gradientFlow(50), (e) => e.code === 'bad-state');
    assert.equal(net.status(), 'ready');
    assert.ok(Number.isFinite(net.step()));
  });
});

test('the run object: shapes of predictions, hidden, cell and gates', () => {
  scoped((net) => {
    net.setCell('lstm');
    net.setHiddenSize(3);
    net.setSeries(ml.makeWaveSequence(30, 'two-sines', 10, 0.1, 2));
    const r = net.seriesRun();
    assert.equal(r.steps, 29);
    assert.equal(r.hiddenSize, 3);
    assert.equal(r.predictions.length, 29);
    assert.equal(r.hidden.length, 29 * 3);
    assert.equal(r.cell.length, 29 * 3);
    assert.equal(r.gates.length, 29 * 12);
    for (const v of r.gates) assert.ok(v > -1 && v < 1);
    // seriesRun is drawn every frame, so its arrays are views of engine memory (docs/engine-api.md,
    // Views); forward() over the same inputs returns the same values as copies.
    const series = ml.makeWaveSequence(30, 'two-sines', 10, 0.1, 2);
    const copies = net.forward(series.slice(0, 29));
    const views = net.seriesRun();
    assert.equal(views.hidden.buffer, views.gates.buffer);
    assert.notEqual(copies.hidden.buffer, views.hidden.buffer);
    assert.deepEqual([...copies.predictions], [...views.predictions]);
    assert.deepEqual([...copies.gates], [...views.gates]);
    net.setCell('rnn');
    const e = net.seriesRun();
    assert.equal(e.cell.length, 0);
    assert.equal(e.gates.length, 0);
  });
});

test('same seed, same training; the gradient agrees with finite differences through the bindings', () => {
  const series = ml.makeWaveSequence(120, 'square-ish', 15, 0.05, 4);
  const train = (seed) => scoped((net) => {
    net.setCell('lstm');
    net.setSeries(series);
    net.setSequenceLength(30);
    net.reset(seed);
    net.fit(40);
    return Array.from(net.params());
  });
  assert.deepEqual(train(5), train(5));
  assert.notDeepEqual(train(5), train(6));
  scoped((net) => {
    net.setHiddenSize(2);
    net.reset(3);
    const x = [0.3, -0.2, 0.8, 0.1];
    const y = [-0.2, 0.8, 0.1, 0.5];
    const g = net.sequenceGradient(x, y);
    const theta = Array.from(net.params());
    for (const i of [0, 3, 7, theta.length - 1]) {
      const p = theta.slice();
      p[i] += 1e-6; net.setParams(p); const up = net.sequenceLoss(x, y);
      p[i] -= 2e-6; net.setParams(p); const down = net.sequenceLoss(x, y);
      assert.ok(Math.abs(g[i] - (up - down) / 2e-6) < 1e-7, `parameter ${i}`);
    }
  });
});

test('memory stays flat over many training steps and objects', () => {
  const series = ml.makeWaveSequence(240, 'sine', 20, 0.05, 1);
  const cycle = () => scoped((net) => {
    net.setCell('lstm');
    net.setSequenceLength(60);
    net.setSeries(series);
    net.fit(20);
    net.seriesRun();
    net.generate(160, 80);
    net.gradientFlow(60);
  });
  cycle();
  const before = ml.heapBytesInUse();
  for (let i = 0; i < 30; i++) cycle();
  assert.ok(ml.heapBytesInUse() - before < 4096, `grew by ${ml.heapBytesInUse() - before} bytes`);
});

test('check computations: rnn-step and rnn-gradient against hand-derived values', () => {
  // h1 = tanh(1·1) = 0.761594; h2 = tanh(0.5·0.761594) = tanh(0.380797) = 0.363399.
  const r = computations['rnn-step'](ml, { x: [1, 0], wx: 1, wh: 0.5, b: 0 });
  assert.ok(Math.abs(r.h - 0.3633994843890525) < 1e-12);
  assert.ok(Math.abs(r.yhat - 0.3633994843890525) < 1e-12);  // readout w_y = 1, b_y = 0
  // From h0 = 0.5 with x = 0, w_h = 1: h = tanh(0.5) = 0.462117; with w_y = 2, b_y = 1: ŷ = 1.924234.
  const s = computations['rnn-step'](ml, { x: [0], wx: 1, wh: 1, h0: 0.5, wy: 2, by: 1 });
  assert.ok(Math.abs(s.h - Math.tanh(0.5)) < 1e-12);
  assert.ok(Math.abs(s.yhat - (2 * Math.tanh(0.5) + 1)) < 1e-12);
  // State held at 0 (x = 0, b = 0): each step back multiplies by w_h exactly.
  assert.ok(Math.abs(computations['rnn-gradient'](ml, { wh: 0.5, steps: 10 }).ratio - 0.5 ** 10) < 1e-15);
  assert.ok(Math.abs(computations['rnn-gradient'](ml, { wh: -0.9, steps: 3 }).ratio - 0.729) < 1e-12);
  assert.throws(() => computations['rnn-step'](ml, { x: [1] }), /needs wx= a number/);
  assert.throws(() => computations['rnn-gradient'](ml, { wh: 0.5, steps: 0 }), /steps= a whole number/);
});
