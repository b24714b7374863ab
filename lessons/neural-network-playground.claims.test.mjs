// Claims of neural-network-playground.md checked against the engine through the playground's own
// modules (web/widgets/nn-playground/: settings.js defaults — 400 points, noise 5, 50% training,
// seed 1, layers 4,4 tanh, features x1,x2, SGD at 0.03, batch 10 — data.js generators and split,
// trainer.js's Trainer, which drives the engine's MLP exactly as the widget does). Fixed step
// counts, not seconds: the widget runs as many steps per frame as fit its time budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { SETTINGS, SPEEDS, defaultSettings, resolveSettings, stepsThisFrame } from '../web/widgets/nn-playground/settings.js';
import { messages } from '../web/widgets/nn-playground/messages.js';
import { generate, split, subset } from '../web/widgets/nn-playground/data.js';
import { Trainer } from '../web/widgets/nn-playground/trainer.js';
import { formatPercent } from '../web/lib/format.js';

function playground(raw) {
  const s = resolveSettings(raw).values;
  const data = generate(ml, s);
  const idx = split(ml, data, s);
  const parts = { train: subset(data, idx.train), validation: subset(data, idx.validation), test: subset(data, idx.test), kind: data.kind, classes: data.classes };
  const t = new Trainer(ml);
  t.configure(s, parts);
  return {
    t,
    to(steps) { t.run(steps - t.steps); return t; },
    testScore() { const m = t.metrics().test; return m.r2 ?? m.accuracy; },
    losses() { return t.record(); },
    free() { t.delete(); },
  };
}

function scoresAt(raw, marks) {
  const p = playground(raw);
  try { return marks.map((n) => { p.to(n); return p.testScore(); }); } finally { p.free(); }
}

// ---- The path through "A few things to try" ----
// Each bullet's numbers are computed below from the defaults plus the settings that bullet
// names. The learner comes to it from the previous bullet, whose settings stay (and stay in the
// page address): x₁x₂ alone, no hidden layer and 1 step per frame after the first; the plane at
// 0.00001 after the third; six layers, L2 or dropout after the fourth. So every bullet after the
// first starts with the Default settings button, which puts back exactly these defaults.
const lesson = fs.readFileSync(new URL('./neural-network-playground.md', import.meta.url), 'utf8');
const bullet = (title) => {
  const line = lesson.split('\n').find((l) => l.startsWith(`- **${title}.**`));
  assert.ok(line, `bullet ${title}`);
  return line.slice(`- **${title}.**`.length).trim();
};

test('things to try: every bullet after the first starts with Default settings, the button the playground shows', () => {
  assert.equal(messages['nn-playground.defaults'], 'Default settings');
  for (const title of ['Read the neurons', 'Break it on purpose', 'Overfit, then rein it in', 'A harder regression', 'Compare optimisers', 'One point or a hundred per step']) {
    assert.match(bullet(title), /^Press \*\*Default settings\*\*/, title);
  }
  // The learning rate 0.00001 of "Break it on purpose" is set before a Reset, and the overfitting
  // bullet says its rate is back at 0.03; its L2 and dropout runs start again from fresh weights, as
  // do the optimisers' (the runs below are each from a fresh network).
  assert.match(bullet('Break it on purpose'), /0\.00001 and press Reset/);
  assert.match(bullet('Overfit, then rein it in'), /learning rate goes back to 0\.03/);
  assert.match(bullet('Overfit, then rein it in'), /press Reset and train again with L2 regularisation .*regularisation back at none and dropout at 0\.2/);
  assert.match(bullet('Compare optimisers'), /pressing Reset after each switch/);
});

test('Default settings: the settings it puts back are the ones every run here starts from (the lesson mounts the playground without options)', () => {
  assert.match(lesson, /^::: widget nn-playground$/m, 'no options on the lesson\'s widget line');
  const d = defaultSettings({});
  assert.deepEqual(d, resolveSettings({}).values);
  for (const [k, spec] of Object.entries(SETTINGS)) assert.equal(d[k], spec.default, k);
  assert.equal(d.lr, 0.03);
  assert.equal(d.layers, '4,4');
  assert.equal(d.features, 'x1,x2');
  assert.equal(d.speed, 'max');
  assert.equal(d.dataset, 'circle');
  assert.equal(d.seed, 1);
  // Whatever bullets 1 and 3 left behind, none of it survives.
  const carried = resolveSettings({ dataset: 'plane', layers: '', features: 'x1x2', speed: '1', lr: 0.00001 }).values;
  assert.notDeepEqual(carried, d);
  // A page that mounts the playground with options (an embed) goes back to those instead.
  assert.equal(defaultSettings({ dataset: 'xor', lr: '0.1' }).lr, 0.1);
  assert.equal(defaultSettings({ dataset: 'xor' }).dataset, 'xor');
});

// Reset as the widget does it (nn-playground.js resetNetwork): the training settings applied,
// then the starting weights again from the seed.
function pressReset(p, raw) {
  const s = resolveSettings(raw).values;
  p.t.applyTraining(s);
  p.t.restart(s.seed);
}

test('Reset after a change of training settings is the same run as a fresh network with them (the paths in bullets 3, 4 and 6)', () => {
  const same = (afterReset, fresh, steps) => {
    const a = playground(afterReset.from);
    const b = playground(fresh);
    try {
      a.to(afterReset.steps);
      pressReset(a, fresh);
      assert.equal(a.t.status(), 'ready');
      assert.deepEqual(Array.from(a.t.net.params()), Array.from(b.t.net.params()));
      a.to(steps); b.to(steps);
      assert.deepEqual(a.losses(), b.losses());
    } finally { a.free(); b.free(); }
  };
  // The plane diverged at rate 3, then 0.00001 and Reset.
  same({ from: { dataset: 'plane', lr: 3 }, steps: 60 }, { dataset: 'plane', lr: 0.00001 }, 300);
  // The overfitting spiral, then L2 at 0.01 and Reset.
  const spiral = { dataset: 'spiral', noise: 30, trainPct: 10, layers: '16,16,16,16,16,16' };
  same({ from: spiral, steps: 300 }, { ...spiral, reg: 'l2', regRate: 0.01 }, 200);
  // Then regularisation back at none, dropout at 0.2 and Reset.
  same({ from: { ...spiral, reg: 'l2', regRate: 0.01 }, steps: 300 }, { ...spiral, dropout: 0.2 }, 200);
  // The spiral with SGD, then Adam and Reset.
  same({ from: { dataset: 'spiral' }, steps: 300 }, { dataset: 'spiral', optimizer: 'adam' }, 200);
});

test('XOR: no hidden layer is at 36–50% at steps 50 to 3,000; one layer of four tanh neurons reaches 95%; x₁x₂ alone is solved at once', () => {
  const none = scoresAt({ dataset: 'xor', layers: '' }, [50, 200, 500, 1000, 2000, 3000]);
  for (const a of none) assert.ok(a >= 0.36 && a <= 0.5, `no hidden layer: ${a}`);
  const [one] = scoresAt({ dataset: 'xor', layers: '4' }, [3000]);
  assert.equal(Math.round(one * 100), 95);
  for (const seed of [1, 2, 3]) {
    const [a] = scoresAt({ dataset: 'xor', layers: '', features: 'x1x2', seed }, [50]);
    assert.equal(a, 1, `seed ${seed}`);
  }
});

test('Speed: its first stop runs 1 step per frame, and x₁x₂ alone reaches 100% test accuracy before step 50, one step at a time', () => {
  assert.equal(SPEEDS[0], '1');
  assert.equal(SETTINGS.speed.default, 'max', 'Play keeps running as fast as it can unless the learner slows it');
  for (const fitting of [1, 7, 2000]) assert.equal(stepsThisFrame('1', fitting), 1);
  assert.equal(stepsThisFrame('max', 800), 800);
  assert.equal(stepsThisFrame('500', 120), 120, 'never more than fit the frame');
  const p = playground({ dataset: 'xor', layers: '', features: 'x1x2' });
  try {
    let first = null;
    for (let frame = 1; frame <= 50; frame++) {
      p.t.run(stepsThisFrame('1', 2000));
      if (first === null && p.testScore() === 1) first = p.t.steps;
    }
    assert.ok(first !== null && first < 50, `first step at 100%: ${first}`);
    assert.equal(p.testScore(), 1);
  } finally { p.free(); }
});

// The best accuracy any straight line w·x > t reaches on a set of points: every direction in
// steps of 0.125°, every point's projection as a threshold, both sides.
function bestLineAccuracy(part) {
  const n = part.y.length;
  let best = 0;
  for (let a = 0; a < 1440; a++) {
    const [c, s] = [Math.cos((a * Math.PI) / 720), Math.sin((a * Math.PI) / 720)];
    const proj = Array.from({ length: n }, (_, i) => c * part.X[2 * i] + s * part.X[2 * i + 1]);
    for (const t of proj) {
      let right = 0;
      for (let i = 0; i < n; i++) if ((proj[i] > t ? 1 : 0) === part.y[i]) right += 1;
      best = Math.max(best, right / n, 1 - right / n);
    }
  }
  return best;
}

test('predict, then check: with no hidden layer, XOR\'s test accuracy swings between about 30% and 75% at every step from 500 to 6,000, never above the best straight line\'s 75%', () => {
  // The box judges at whatever step Play has reached past 500, so every step counts.
  const p = playground({ dataset: 'xor', layers: '' });
  try {
    const s = resolveSettings({ dataset: 'xor', layers: '' }).values;
    const data = generate(ml, s);
    const lineBest = bestLineAccuracy(subset(data, split(ml, data, s).test));
    assert.equal(formatPercent(lineBest, 0), '75%');
    let lo = 1; let hi = 0;
    for (let n = 1; n <= 6000; n++) {
      p.to(n);
      if (n >= 500) { const a = p.testScore(); lo = Math.min(lo, a); hi = Math.max(hi, a); }
    }
    assert.ok(lo >= 0.29 && lo <= 0.32, `lowest ${lo}`);
    assert.ok(hi >= 0.73 && hi <= lineBest, `highest ${hi}, best line ${lineBest}`);
    assert.equal(formatPercent(hi, 0), '75%');
  } finally { p.free(); }
});

test('plane: learning rate 3 or 10 diverges within 60 steps; 0.00001 still learns, needing ~65,000 steps for R² 0.8', () => {
  for (const lr of [3, 10]) {
    const p = playground({ dataset: 'plane', lr });
    try { p.to(60); assert.equal(p.t.status(), 'diverged', `lr ${lr}`); } finally { p.free(); }
  }
  const [fast] = scoresAt({ dataset: 'plane' }, [100]);
  assert.ok(fast >= 0.8, `R² ${fast} after 100 steps at 0.03`);
  const slow = scoresAt({ dataset: 'plane', lr: 0.00001 }, [1000, 60000, 70000]);
  assert.ok(slow[0] < slow[1], 'it learns: R² rises');
  assert.ok(slow[1] < 0.8 && slow[2] >= 0.8, `R² ${slow[1]} at 60,000, ${slow[2]} at 70,000`);
});

test('spiral, 30% noise, 10% training, six layers of 16: the test loss climbs as the training loss falls; L2 and dropout hold it down', () => {
  const base = { dataset: 'spiral', noise: 30, trainPct: 10, layers: '16,16,16,16,16,16' };
  const run = (extra) => {
    const p = playground({ ...base, ...extra });
    try { p.to(500); const early = p.losses(); p.to(4000); return { early, late: p.losses() }; } finally { p.free(); }
  };
  const plain = run({});
  assert.equal(plain.early.test.toFixed(2), '0.74');
  assert.equal(plain.late.test.toFixed(2), '2.15');
  assert.equal(plain.late.train.toFixed(2), '0.23');
  assert.ok(plain.late.train < plain.early.train);
  assert.equal(run({ reg: 'l2', regRate: 0.01 }).late.test.toFixed(2), '0.91');
  assert.equal(run({ dropout: 0.2 }).late.test.toFixed(2), '0.73');
});

test('multi-Gaussian: the default network reaches about 0.5 and slips; sin features, 8+8 and Adam pass 0.8', () => {
  const def = scoresAt({ dataset: 'multigauss' }, [5000, 20000]);
  assert.equal(def[0].toFixed(2), '0.50');
  assert.equal(def[1].toFixed(2), '0.45');
  const seeds = [1, 2, 3, 4, 5].map((seed) => scoresAt({ dataset: 'multigauss', seed }, [5000])[0]);
  assert.equal(Math.min(...seeds).toFixed(2), '0.36');
  assert.equal(Math.max(...seeds).toFixed(2), '0.60');
  const marks = [1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 5500, 6000];
  const better = scoresAt({ dataset: 'multigauss', features: 'x1,x2,sinx1,sinx2', layers: '8,8', optimizer: 'adam', lr: 0.01 }, marks);
  assert.ok(better[0] >= 0.8, `R² ${better[0]} at 1,000 steps`);
  for (const r of better) assert.ok(r >= 0.74 && r <= 0.86, `R² ${r}`);
});

test('spiral at the defaults: after 2,000 steps the training loss is 0.65 for SGD, 0.53 for Adam, 0.54 for RMSProp', () => {
  const at2000 = {};
  for (const optimizer of ['sgd', 'adam', 'rmsprop']) {
    const p = playground({ dataset: 'spiral', optimizer });
    try { p.to(2000); at2000[optimizer] = p.losses().train.toFixed(2); } finally { p.free(); }
  }
  assert.deepEqual(at2000, { sgd: '0.65', adam: '0.53', rmsprop: '0.54' });
});

test('first hidden layer: with inputs x₁, x₂ every neuron map is φ of a plane (straight edges); with x₁² it can bend', () => {
  // Largest second difference of atanh(h) over a grid: 0 when h = tanh(w·x + b) with x = (x₁, x₂).
  const bend = (features) => {
    const p = playground({ dataset: 'xor', layers: '4', features });
    try {
      p.to(1000);
      const n = 9;
      const grid = p.t.net.neuronGrid(-6, 6, -6, 6, n, n);
      const inputs = features.split(',').length;
      let worst = 0;
      for (let unit = 0; unit < 4; unit++) {
        const z = (i, j) => Math.atanh(grid[(inputs + unit) * n * n + j * n + i]);
        for (let j = 0; j < n; j++) for (let i = 1; i < n - 1; i++) {
          const h = [i - 1, i, i + 1].map((k) => Math.abs(grid[(inputs + unit) * n * n + j * n + k]));
          if (Math.max(...h) > 0.999) continue; // atanh is ill-conditioned where tanh saturates
          worst = Math.max(worst, Math.abs(z(i + 1, j) - 2 * z(i, j) + z(i - 1, j)));
        }
      }
      return worst;
    } finally { p.free(); }
  };
  assert.ok(bend('x1,x2') < 1e-6, 'straight edges');
  assert.ok(bend('x1,x2,x1sq') > 0.01, 'bent edges');
});

test('one layer by hand: x = (1, 2), weights (0.5, −1), (1, 1), biases 0, −1 → ReLU (0, 2), tanh ≈ (−0.905, 0.964)', () => {
  for (const [fn, want] of [['relu', [0, 2]], ['tanh', [Math.tanh(-1.5), Math.tanh(2)]]]) {
    const m = new ml.MLP();
    try {
      m.setLayers([2]);
      m.setActivation('all', fn);
      m.setOutput('linear');
      m.setData([1, 2, 0, 0, 3, 1], 2, [0.1, 0.2, 0.3]);
      m.setWeight(0, 0, 0, 0.5); m.setWeight(0, 1, 0, -1); m.setBias(0, 0, 0);
      m.setWeight(0, 0, 1, 1); m.setWeight(0, 1, 1, 1); m.setBias(0, 1, -1);
      // Every neuron's output at the single point (1, 2): inputs, the hidden layer, the output.
      const [x1, x2, h1, h2] = Array.from(m.neuronGrid(1, 1, 2, 2, 1, 1));
      assert.deepEqual([x1, x2], [1, 2]);
      assert.ok(Math.abs(h1 - want[0]) < 1e-12 && Math.abs(h2 - want[1]) < 1e-12, `${fn}: ${h1}, ${h2}`);
    } finally { m.delete(); }
  }
  assert.equal(Math.tanh(-1.5).toFixed(3), '-0.905');
  assert.equal(Math.tanh(2).toFixed(3), '0.964');
});

test('one update by hand: a weight 0.5 with gradient 2 becomes 0.44 at η = 0.03; a zero gradient leaves it', () => {
  const m = new ml.MLP();
  try {
    m.setLayers([]);
    m.setOutput('linear');
    m.setLoss('mse');
    m.setLearningRate(0.03);
    m.setBatchSize(1);
    // One point x = (1, 0), target −0.5; ŷ = 0.5·1 + 0·0 + 0 = 0.5, so ∂L/∂w₁ = 2·(0.5 + 0.5)·1 = 2, ∂L/∂w₂ = 0.
    m.setData([1, 0], 2, [-0.5]);
    m.setParams([0.5, 0, 0]);
    const g = Array.from(m.gradient());
    assert.deepEqual(g.slice(0, 2), [2, 0]);
    m.step();
    const [w1, w2] = Array.from(m.params());
    assert.ok(Math.abs(w1 - 0.44) < 1e-12, `${w1}`);
    assert.equal(w2, 0);
  } finally { m.delete(); }
});

test('the check: a ReLU neuron (1, −2), bias 0.5, at x = (3, 1) passes on 1.5 (computation neuron)', async () => {
  const { computations } = await import('../web/js/check-computations/neural-networks.js');
  assert.deepEqual(computations.neuron(ml, { w: [1, -2], x: [3, 1], b: 0.5, fn: 2 }), { z: 1.5, value: 1.5 });
  assert.deepEqual(computations.neuron(ml, { w: [0.5, -1], x: [1, 2], b: 0, fn: 2 }), { z: -1.5, value: 0 });
});

// ---- Training tricks (the section of that name) ----

test('schedule readout: step, period 500, factor 0.5 at η₀ = 0.03 reads 0.03 to step 500, then 0.015, and 0.0075 from step 1,000', () => {
  const p = playground({ dataset: 'circle', schedule: 'step', period: 500, factor: 0.5 });
  try {
    const at = (n) => { p.to(n); return p.t.tricks().rate; };
    for (const n of [0, 1, 499]) assert.equal(at(n), 0.03, `step ${n}`);
    for (const n of [500, 999]) assert.equal(at(n), 0.015, `step ${n}`);
    for (const n of [1000, 1200]) assert.equal(at(n), 0.0075, `step ${n}`);
    assert.equal(p.t.tricks().rate, ml.scheduleRate({ kind: 'step', learningRate: 0.03, gamma: 0.5, period: 500 }, 1200));
  } finally { p.free(); }
  // Warm-up of 100 steps: η₀/100 first, η₀ at the 100th step.
  const w = playground({ dataset: 'circle', warmup: 100 });
  try {
    assert.equal(w.t.tricks().rate, 0.03 / 100);
    w.to(50);
    assert.equal(w.t.tricks().rate.toFixed(12), (0.03 * 51 / 100).toFixed(12));
    w.to(99);
    assert.equal(w.t.tricks().rate.toFixed(12), '0.030000000000');
    w.to(150);
    assert.equal(w.t.tricks().rate, 0.03);
  } finally { w.free(); }
  // Cosine: 0 after its period, and the weights stop moving.
  const c = playground({ dataset: 'circle', schedule: 'cosine', period: 50 });
  try {
    c.to(50);
    assert.equal(c.t.tricks().rate, 0);
    const before = Array.from(c.t.net.params());
    c.to(60);
    assert.deepEqual(Array.from(c.t.net.params()), before);
  } finally { c.free(); }
});

test('clipping: learning rate 3 on the plane diverges within 60 steps; clipped at 0.1 it trains, test R² 0.82 at 60 and 0.88 at 3,000', () => {
  const wild = playground({ dataset: 'plane', lr: 3 });
  try { wild.to(60); assert.equal(wild.t.status(), 'diverged'); } finally { wild.free(); }
  const p = playground({ dataset: 'plane', lr: 3, clip: 0.1 });
  try {
    p.to(60);
    assert.equal(p.testScore().toFixed(2), '0.82');
    const t = p.t.tricks();
    assert.equal(t.clip, 0.1);
    // The readout's "clipped" is the engine's: the norm before clipping exceeds the limit.
    assert.equal(t.clipped, t.norm > 0.1);
    p.to(3000);
    assert.equal(p.t.status(), 'ready');
    assert.equal(p.testScore().toFixed(2), '0.88');
  } finally { p.free(); }
});

test('initial weights: six tanh layers of 8 on the circle reach 98% at 500 and 100% at 1,000 with auto; too small sits at log 2 and 50%', () => {
  const deep = { dataset: 'circle', layers: '8,8,8,8,8,8' };
  const auto = scoresAt(deep, [500, 1000]);
  assert.deepEqual(auto.map((a) => formatPercent(a, 0)), ['98%', '100%']);
  const p = playground({ ...deep, init: 'small' });
  try {
    for (let n = 100; n <= 2000; n += 100) {
      p.to(n);
      const r = p.losses();
      assert.equal(r.train.toFixed(3), '0.693', `step ${n}`);
      assert.equal(p.testScore(), 0.5, `step ${n}`);
    }
  } finally { p.free(); }
  assert.equal(Math.log(2).toFixed(3), '0.693');
});

test('batch normalisation: circle with six layers 92.0% at 200 steps (57.5% without); it rescues too-small weights on XOR, 98% vs 52% at 2,000', () => {
  const deep = { dataset: 'circle', layers: '8,8,8,8,8,8' };
  assert.equal(formatPercent(scoresAt({ ...deep, batchNorm: true }, [200])[0]), '92.0%');
  assert.equal(formatPercent(scoresAt(deep, [200])[0]), '57.5%');
  const xor = { dataset: 'xor', layers: '8,8,8,8,8,8', init: 'small' };
  assert.equal(formatPercent(scoresAt({ ...xor, batchNorm: true }, [2000])[0], 0), '98%');
  assert.equal(formatPercent(scoresAt(xor, [2000])[0], 0), '52%');
});

test('batch normalisation in the exported weights: every scale (gamma), shift (beta) and running average', () => {
  const p = playground({ dataset: 'circle', batchNorm: true });
  try {
    p.to(50);
    const json = JSON.parse(p.t.net.exportJson());
    assert.equal(json.batchNorm, true);
    for (const key of ['gamma', 'beta', 'runningMean', 'runningVariance']) assert.deepEqual(json[key].map((l) => l.length), [4, 4], key);
  } finally { p.free(); }
});

test('the check: step schedule, period 500, factor 0.5, η₀ = 0.03 → 0.0075 at step 1,200 (computation lr-schedule)', async () => {
  const { computations } = await import('../web/js/check-computations/optimisation.js');
  assert.equal(computations['lr-schedule'](ml, { eta: 0.03, step: 1200, every: 500, factor: 0.5 }).step, 0.0075);
});

// "One point or a hundred per step": at Speed 1 the chart records every step (trainer.record()
// once per frame, one step per frame); Reset applies the batch size and restarts from the seed's
// weights, as configure() does here. The chart's red line is trainLoss(), the full training loss.
test('batch size: at batch 1 the training loss rises on 148 of the first 300 steps, at batch 100 on 5; losses 0.683 and 0.680; epochs 1, 150 and 15 (batch 10) of 200 training points', () => {
  assert.equal(messages['nn-playground.slider.batch'], 'Batch size');
  assert.equal(SPEEDS[0], '1');
  assert.equal(stepsThisFrame('1', 1000), 1);
  assert.equal(SETTINGS.batch.min, 1);
  assert.equal(SETTINGS.batch.max, 100);
  const run = (batch) => {
    const p = playground({ batch, speed: '1' });
    try {
      assert.equal(p.t.train.rows, 200);
      let rises = 0;
      let before = p.t.trainLoss();
      for (let k = 0; k < 300; k++) {
        p.t.run(1);
        const now = p.t.record().train;
        if (now > before) rises += 1;
        before = now;
      }
      return { rises, loss: before.toFixed(3), epoch: p.t.epoch() };
    } finally { p.free(); }
  };
  assert.deepEqual(run(1), { rises: 148, loss: '0.683', epoch: 1 });
  assert.deepEqual(run(100), { rises: 5, loss: '0.680', epoch: 150 });
  assert.equal(run(10).epoch, 15);
});
