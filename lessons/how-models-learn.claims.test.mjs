// Claims of "How does a model learn?" checked against the engine, called the way the
// gd-walkthrough widget calls it: LinearRegression on the one point (x, y), setParams([w, b]),
// setLearningRate(η), optionally setInterceptFrozen, then step() and ml.trace().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ml } from '../tests/node/engine.mjs';

const dist = process.env.DW_ENGINE_DIR ? path.resolve(process.env.DW_ENGINE_DIR, '..') : path.resolve(import.meta.dirname, '../dist');
const { schema } = await import(pathToFileURL(path.join(dist, 'widgets', 'gd-walkthrough.js')).href);
const defaults = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, v.default]));
const close = (actual, expected, tol = 1e-9, what = '') => assert.ok(Math.abs(actual - expected) <= tol, `${what} ${actual} ≠ ${expected}`);

// Runs the widget's model for `steps` steps; returns the trace rows (prediction and error added
// as the widget computes them) and the final status.
function run({ eta = defaults.eta, freezeB = false, steps = 5 } = {}) {
  return ml.scoped((track) => {
    const m = track(new ml.LinearRegression());
    m.setData([defaults.x], 1, [defaults.y]);
    m.setInterceptFrozen(freezeB);
    m.setLearningRate(eta);
    m.setParams([defaults.w0, defaults.b0]);
    let taken = 0;
    for (; taken < steps; taken++) {
      m.step();
      if (m.status() === 'diverged') { taken++; break; }
    }
    const t = ml.trace(m);
    const rows = [];
    for (let i = 0; i < t.rows; i++) {
      const r = t.row(i);
      const pred = r.w0 * defaults.x + r.b;
      rows.push({ w: r.w0, b: r.b, pred, error: pred - defaults.y, gw: r.grad_w0, gb: r.grad_b, loss: r.loss });
    }
    return { rows, status: m.status(), taken };
  });
}

test('the widget starts from the lesson’s set-up: x = 1, y = 4, w = 3, b = 4, η = 0.1', () => {
  assert.deepEqual([defaults.x, defaults.y, defaults.w0, defaults.b0, defaults.eta], [1, 4, 3, 4, 0.1]);
});

test('step 0 → 1 by hand: prediction 7, error 3, loss 9, both derivatives 6, w 2.4, b 3.4, new loss 3.24', () => {
  const [s0, s1] = run({ steps: 1 }).rows;
  close(s0.pred, 7, 1e-12, 'prediction');
  close(s0.error, 3, 1e-12, 'error');
  close(s0.loss, 9, 1e-12, 'loss');
  close(s0.gw, 6, 1e-12, '∂L/∂w');
  close(s0.gb, 6, 1e-12, '∂L/∂b');
  close(s1.w, 2.4, 1e-12, 'w');
  close(s1.b, 3.4, 1e-12, 'b');
  close(s1.pred, 5.8, 1e-12, 'new prediction');
  close(s1.error, 1.8, 1e-12, 'new error');
  close(s1.loss, 3.24, 1e-12, 'new loss');
});

test('finite-difference check: nudging w by 0.001 raises the loss by 0.006001', () => {
  const loss = (w) => ml.scoped((track) => {
    const m = track(new ml.LinearRegression());
    m.setData([1], 1, [4]);
    m.setParams([w, 4]);
    return m.loss();
  });
  close(loss(3.001) - loss(3), 0.006001, 1e-9, 'rise');
});

test('five steps: loss 9 → 3.24 → 1.1664 → 0.4199 → 0.1512 → 0.0544, ending at w = b − 1 = 1.6166', () => {
  const { rows } = run({ steps: 5 });
  assert.deepEqual(rows.map((r) => r.loss.toFixed(4)), ['9.0000', '3.2400', '1.1664', '0.4199', '0.1512', '0.0544']);
  assert.equal(rows[5].w.toFixed(4), '1.6166');
  assert.equal(rows[5].b.toFixed(4), '2.6166');
  // both parameters dropped by the same 1.3834
  assert.equal((3 - rows[5].w).toFixed(4), '1.3834');
  assert.equal((4 - rows[5].b).toFixed(4), '1.3834');
});

test('each step keeps 60% of the error and 36% of the loss; the two derivatives are equal', () => {
  const { rows } = run({ steps: 5 });
  assert.deepEqual(rows.slice(0, 4).map((r) => r.error.toFixed(4)), ['3.0000', '1.8000', '1.0800', '0.6480']);
  for (let i = 1; i < rows.length; i++) {
    close(rows[i].error / rows[i - 1].error, 0.6, 1e-9, `error ratio at ${i}`);
    close(rows[i].loss / rows[i - 1].loss, 0.36, 1e-9, `loss ratio at ${i}`);
    close(rows[i].gw, rows[i].gb, 1e-12, 'equal derivatives');
  }
});

test('η = 0.25 lands on the target in one step', () => {
  const { rows } = run({ eta: 0.25, steps: 1 });
  close(rows[1].loss, 0, 1e-20, 'loss after one step');
});

// Check-yourself 4's feedback: the loop does not always stop short, but at η = 0.1 it never reaches 0.
test('check yourself: at η = 0.25 the loss is exactly 0 after one step; at η = 0.1 it keeps 36% each step and never reaches 0', async () => {
  const fs = await import('node:fs');
  const lesson = fs.readFileSync(new URL('./how-models-learn.md', import.meta.url), 'utf8');
  assert.match(lesson, /always stops short of the minimum :: Not always: at \$\\eta = 0\.25\$ the first step lands exactly on the target, loss 0, and at \$\\eta = 0\.1\$ the loss only creeps closer and closer to 0\. Either way the trouble is that many lines share that lowest loss\./);
  assert.doesNotMatch(lesson, /Here it does reach the minimum, loss 0/);
  assert.equal(run({ eta: 0.25, steps: 1 }).rows[1].loss, 0);
  const { rows } = run({ eta: 0.1, steps: 40 });
  assert.equal(rows.length, 41);
  for (let i = 1; i < rows.length; i++) {
    assert.ok(rows[i].loss > 0, `step ${i}: loss ${rows[i].loss} is still above 0`);
    close(rows[i].loss / rows[i - 1].loss, 0.36, 1e-6, `step ${i} keeps 36%`);
  }
});

test('η = 0.4 overshoots every step but converges', () => {
  const { rows } = run({ eta: 0.4, steps: 6 });
  for (let i = 1; i < rows.length; i++) {
    assert.ok(Math.sign(rows[i].error) !== Math.sign(rows[i - 1].error), `sign flips at ${i}`);
    assert.ok(Math.abs(rows[i].error) < Math.abs(rows[i - 1].error), `shrinks at ${i}`);
  }
});

test('η = 0.5 jumps between 7 and 1 and the loss stays at 9', () => {
  const { rows } = run({ eta: 0.5, steps: 4 });
  assert.deepEqual(rows.map((r) => r.pred.toFixed(6)), ['7.000000', '1.000000', '7.000000', '1.000000', '7.000000']);
  for (const r of rows) close(r.loss, 9, 1e-9, 'loss');
});

test('η = 0.6 diverges: every step overshoots by more, the loss grows', () => {
  const { rows } = run({ eta: 0.6, steps: 6 });
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i].loss > rows[i - 1].loss, `loss grows at ${i}`);
});

test('η = 2: factor −7, loss 9 → 441 → 21 609, and after 89 steps the engine reports divergence', () => {
  const first = run({ eta: 2, steps: 2 }).rows;
  assert.deepEqual(first.map((r) => r.loss), [9, 441, 21609]);
  close(first[1].error / first[0].error, -7, 1e-12, 'error factor');
  const all = run({ eta: 2, steps: 1000 });
  assert.equal(all.status, 'diverged');
  assert.equal(all.taken, 89);
});

// The engine gives up once the loss passes 10^150, long before a double overflows (about 1.8e308):
// the loss it stops at is a storable number, and the widget's table shows it.
test('η = 2: the run stops at step 89 because the loss passed 10^150 (about 2.4e151), not because it could not be stored', async () => {
  const { rows } = run({ eta: 2, steps: 1000 });
  assert.equal(rows.length, 90);
  assert.ok(rows[88].loss < 1e150, `step 88: ${rows[88].loss}`);
  assert.ok(rows[89].loss > 1e150 && Number.isFinite(rows[89].loss), `step 89: ${rows[89].loss}`);
  assert.equal(rows[89].loss.toExponential(1), '2.4e+151');
  const fs = await import('node:fs');
  const lesson = fs.readFileSync(new URL('./how-models-learn.md', import.meta.url), 'utf8');
  assert.match(lesson, /It stops after 89 steps: the loss has passed \$10\^\{150\}\$ \(it is about \$2\.4 \\times 10\^\{151\}\$\)/);
  assert.doesNotMatch(lesson, /too large to store/);
  const { messages } = await import('../web/widgets/gd-walkthrough.messages.js');
  assert.equal(messages['gd-walkthrough.diverged']({ steps: 89 }), 'Diverged: the steps grew without limit, and after 89 steps the loss passed 10¹⁵⁰, where the engine stops training. The learning rate is too large — lower η and press Reset.');
});

test('keep b fixed: η = 0.5 lands in one step, η = 1.0 oscillates, η = 1.1 diverges', () => {
  close(run({ eta: 0.5, freezeB: true, steps: 1 }).rows[1].loss, 0, 1e-20, 'η = 0.5');
  for (const r of run({ eta: 1.0, freezeB: true, steps: 4 }).rows) close(r.loss, 9, 1e-9, 'η = 1.0');
  const grow = run({ eta: 1.1, freezeB: true, steps: 5 }).rows;
  for (let i = 1; i < grow.length; i++) assert.ok(grow[i].loss > grow[i - 1].loss, 'η = 1.1 grows');
});

test('every pair with w + b = 4 predicts the point perfectly', () => {
  for (const [w, b] of [[1, 3], [0, 4]]) {
    const loss = ml.scoped((track) => {
      const m = track(new ml.LinearRegression());
      m.setData([1], 1, [4]);
      m.setParams([w, b]);
      return m.loss();
    });
    assert.equal(loss, 0);
  }
});

// The check-yourself item: from w = 2, b = 1 the error is −1, then −0.6 (the factor 0.6 again),
// so b climbs 1 → 1.2 → 1.32 and w 2 → 2.2 → 2.32.
test('check yourself: from w = 2, b = 1 two steps give b = 1.32 (w = 2.32); at x = 2 ∂L/∂w is twice ∂L/∂b', () => {
  const two = ml.scoped((track) => {
    const m = track(new ml.LinearRegression());
    m.setData([1], 1, [4]);
    m.setLearningRate(0.1);
    m.setParams([2, 1]);
    m.step();
    m.step();
    return Array.from(m.params());
  });
  close(two[1], 1.32, 1e-12, 'b');
  close(two[0], 2.32, 1e-12, 'w');
  const grad = ml.scoped((track) => {
    const m = track(new ml.LinearRegression());
    m.setData([2], 1, [4]);
    m.setParams([3, 4]);
    return Array.from(m.gradient());
  });
  close(grad[0], 2 * grad[1], 1e-12, '∂L/∂w = 2·∂L/∂b');
});

test('check yourself: η = 0.3 at x = 1 overshoots every step by less (factor −0.2)', () => {
  const { rows } = run({ eta: 0.3, steps: 4 });
  for (let i = 1; i < rows.length; i++) close(rows[i].error / rows[i - 1].error, -0.2, 1e-9, `factor at ${i}`);
});

test('predict, then check: at η = 0.4 the first step gives w = 0.6, b = 1.6, ŷ = 2.2 (the error goes from 3 to −1.8)', async () => {
  const fs = await import('node:fs');
  const lesson = fs.readFileSync(new URL('./how-models-learn.md', import.meta.url), 'utf8');
  assert.match(lesson, /\*\*Predict, then check\.\*\* Slide the learning rate to \$\\eta = 0\.4\$ and press \*\*Reset\*\*\. From the same start both derivatives are still 6,.*counts within ±0\.05/);
  const { rows } = run({ eta: 0.4, steps: 1 });
  close(rows[0].gw, 6, 1e-12, 'dL/dw'); close(rows[0].gb, 6, 1e-12, 'dL/db');
  close(rows[1].w, 0.6, 1e-12, 'w'); close(rows[1].b, 1.6, 1e-12, 'b');
  close(rows[1].pred, 2.2, 1e-12, 'ŷ'); close(rows[1].error, -1.8, 1e-12, 'error');
});

// The lesson splits the nudge's rise exactly: (e + hx)² − e² = 2ex·h + (hx)², so rise / h = 2ex + hx².
test('the nudge, expanded: the rise is 2ex·h + (hx)², so rise / h − 6 equals h and vanishes as h shrinks', async () => {
  const loss = (w) => ml.scoped((track) => {
    const m = track(new ml.LinearRegression());
    m.setData([1], 1, [4]);
    m.setParams([w, 4]);
    return m.loss();
  });
  close(2 * 3 * 1 * 0.001 + (0.001 * 1) ** 2, 0.006001, 1e-15, 'split');
  for (const h of [0.1, 0.01, 0.001]) close((loss(3 + h) - loss(3)) / h - 6, h, 1e-6, `h = ${h}`);
  const fs = await import('node:fs');
  const lesson = fs.readFileSync(new URL('./how-models-learn.md', import.meta.url), 'utf8');
  assert.match(lesson, /It rises by \$2 e x\\,h\$ plus a leftover \$\(h x\)\^2\$: here \$0\.006 \+ 0\.000001\$/);
});

// What the two derivatives say, in numbers rather than a metaphor: both grow with the error;
// ∂L/∂b is 2e whatever the input, ∂L/∂w is also scaled by the input, so at x = 0 a step leaves w
// where it is while b still moves, and a larger input moves w further.
test('the derivatives: ∂L/∂b = 2e at any input, ∂L/∂w scaled by the input (x = 0 leaves w where it is)', async () => {
  const fs = await import('node:fs');
  const lesson = fs.readFileSync(new URL('./how-models-learn.md', import.meta.url), 'utf8');
  assert.match(lesson, /\$b\$'s is twice the error whatever the input; \$w\$'s is also scaled by the input it multiplied, so an input of 0 would leave \$w\$ where it is, and a large input moves it a long way\./);
  assert.match(lesson, /the weight's derivative has the input as a factor, and the bias's does not\./);
  assert.doesNotMatch(lesson, /blame/i);
  const stepAt = (x) => ml.scoped((track) => {
    const m = track(new ml.LinearRegression());
    m.setData([x], 1, [4]);
    m.setLearningRate(0.1);
    m.setParams([3, 4]);
    const grad = Array.from(m.gradient());
    m.step();
    return { grad, params: Array.from(m.params()), error: 3 * x + 4 - 4 };
  });
  for (const x of [0, 1, 3]) {
    const { grad, params, error } = stepAt(x);
    close(grad[1], 2 * error, 1e-12, `∂L/∂b = 2e at x = ${x}`);
    close(grad[0], 2 * error * x, 1e-12, `∂L/∂w = 2ex at x = ${x}`);
    if (x === 0) close(params[0], 3, 0, 'w stays at x = 0');
  }
  assert.ok(Math.abs(stepAt(3).params[0] - 3) > Math.abs(stepAt(1).params[0] - 3), 'a larger input moves w further');
});
