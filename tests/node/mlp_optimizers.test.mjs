import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ml } from './engine.mjs';

// The loss after test_mlp_training_tricks.cpp's 200 steps, as the native build computes it.
const MLP_TRICKS_LOSS = 0.63850884769241323;

const close = (a, b, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

test('MLP trains a 2-8-8-1 tanh net on moons through WASM', () => {
  const d = ml.makeMoons(200, 0.1, 1);
  const m = new ml.MLP();
  try {
    m.setLayers(new Int32Array([8, 8]));
    m.setActivation('all', 'tanh');
    m.setOptimizer('adam');
    m.setLearningRate(0.03);
    m.setBatchSize(10);
    m.reset(1);
    m.setData(d.X, 2, d.y);
    assert.deepEqual([...m.layerSizes()], [2, 8, 8, 1]);
    assert.equal(m.classCount(), 2);
    m.fit(2000);
    assert.equal(m.epoch(), 100);  // 200 points in batches of 10
    assert.ok(m.score(d.X, d.y) >= 0.97);
    const grid = m.predictGrid(-1.5, 2.5, -1, 1.5, 200, 200);
    assert.equal(grid.length, 200 * 200 * 2);
    const exact = grid.slice();
    const fast = m.predictGridFloat32(-1.5, 2.5, -1, 1.5, 200, 200);
    assert.ok(fast instanceof Float32Array);
    let worst = 0;
    for (let i = 0; i < fast.length; i++) worst = Math.max(worst, Math.abs(fast[i] - exact[i]));
    assert.ok(worst < 2e-5, `float32 path differs by ${worst}`);
    const proba = m.predictProba(new Float64Array([0, 0.5, 1, -0.5]));
    assert.equal(proba.length, 4);
    close(proba[0] + proba[1], 1);
    const t = ml.trace(m);
    assert.deepEqual(t.columns, ['loss', 'data_loss', 'score', 'epoch']);
    assert.equal(t.rows, 2001);
  } finally {
    m.delete();
  }
});

test('initial weights and loss are bit-identical to the native build', () => {
  const d = ml.makeMoons(20, 0.1, 1);
  const m = new ml.MLP();
  try {
    m.setLayers([2]);
    m.reset(1);
    m.setData(d.X, 2, d.y);
    // Values printed by the native build (tests run natively and under Node agree).
    assert.deepEqual([...m.params().slice(0, 4)], [1.3399922005833034, 0.44331841075844131, 0.10258665596717916, -0.30584933216593208]);
    close(m.loss(), 0.97293736870178282, 1e-14);
  } finally {
    m.delete();
  }
});

test('gradient matches finite differences; weights, neuron grid and JSON round trip', () => {
  const d = ml.makeBlobs(30, 3, 0.7, 2);
  const a = new ml.MLP();
  const b = new ml.MLP();
  try {
    a.setLayers([4, 3]);
    a.setActivation(1, 'gelu');
    a.setData(d.X, 2, d.y);
    assert.equal(a.settings().output, 'softmax');
    const theta = a.params();
    const g = a.gradient();
    const h = 1e-5;
    for (const k of [0, 5, theta.length - 1]) {
      const up = theta.slice(); up[k] += h;
      const down = theta.slice(); down[k] -= h;
      a.setParams(up); const lu = a.loss();
      a.setParams(down); const ld = a.loss();
      close(g[k], (lu - ld) / (2 * h), 1e-6);
    }
    a.setParams(theta);
    a.setWeight(0, 1, 2, 0.5);
    assert.equal(a.weight(0, 1, 2), 0.5);
    assert.equal(a.weights()[1 * 4 + 2], 0.5);
    a.setBias(2, 1, -1);
    assert.equal(a.biases()[4 + 3 + 1], -1);
    const cells = 5 * 4;
    const neurons = a.neuronGrid(-3, 3, -3, 3, 5, 4);
    assert.equal(neurons.length, cells * (2 + 4 + 3 + 3));
    const json = a.exportJson();
    b.importJson(json);
    b.setData(d.X, 2, d.y);
    assert.deepEqual([...b.params()], [...a.params()]);
    assert.equal(b.exportJson(), json);
  } finally {
    a.delete();
    b.delete();
  }
});

test('bad calls throw clear JS errors and the model keeps working', () => {
  const d = ml.makeXor(40, 0.05, 3);
  const m = new ml.MLP();
  try {
    assert.throws(() => m.setLayers([4, 0]), (e) => e instanceof RangeError && /units=0/.test(e.message));
    assert.throws(() => m.setLayers([17]), /units=17/);
    assert.throws(() => m.setLayers([1, 1, 1, 1, 1, 1, 1]), /7 hidden layers/);
    assert.throws(() => m.setLayers([2.5]), /whole number/);
    assert.throws(() => m.setActivation('some', 'tanh'), /hidden-layer index or 'all'/);
    assert.throws(() => m.setActivation(0, 'swish'), /activation='swish'/);
    assert.throws(() => m.setOptimizer('lbfgs'), /optimizer='lbfgs'/);
    assert.throws(() => m.setLearningRate(0), /learningRate=0/);
    assert.throws(() => m.setLearningRate(1e5), /learningRate=/);
    assert.throws(() => m.setLearningRate(NaN), /learningRate=NaN/);
    assert.throws(() => m.setBatchSize(0), /batchSize=0/);
    assert.throws(() => m.setDropout(1), /dropout=1/);
    assert.throws(() => m.setRegularization('l3', 0.1), /regularization='l3'/);
    assert.throws(() => m.step(), (e) => e.code === 'bad-state');
    assert.throws(() => m.importJson('{"format": '), /malformed JSON/);
    assert.throws(() => m.importJson(42), /must be a string/);
    assert.throws(() => m.setData([0, NaN, 1, 1], 2, [0, 1]), /NaN/);
    m.setData(d.X, 2, d.y);
    assert.throws(() => m.setBatchSize(41), /batchSize=41/);
    const json = m.exportJson().replace('"inputs":2', '"inputs":3');
    assert.throws(() => m.importJson(json), (e) => e.code === 'shape-mismatch');
    assert.throws(() => m.setFeatures(['x1', 'x3']), /feature='x3'/);
    m.setFeatures(['x1', 'x2', 'x1x2']);
    assert.deepEqual([...m.layerSizes()], [3, 4, 2, 1]);
    m.setOptimizer('adam');
    m.setLearningRate(0.05);
    m.fit(500);
    assert.ok(m.score(d.X, d.y) >= 0.95);
    m.setLearningRate(10);
    m.setOptimizer('sgd');
    m.setOutput('linear');
    m.setActivation('all', 'relu');
    m.fit(500);
    assert.equal(m.status(), 'diverged');
    m.setLearningRate(0.01);
    m.reset(2);
    assert.equal(m.status(), 'ready');
    assert.ok(Number.isFinite(m.step()));
  } finally {
    m.delete();
  }
});

test('featureTransform computes playground features', () => {
  const out = ml.featureTransform(new Float64Array([1, 2, -0.5, 3]), ['x1^2', 'x1x2', 'sin x2']);
  assert.equal(out.cols, 3);
  assert.equal(out.rows, 2);
  assert.equal(out.X[0], 1);
  assert.equal(out.X[4], -1.5);
  close(out.X[5], Math.sin(3), 1e-14);
  assert.throws(() => ml.featureTransform([1, 2, 3], ['x1']), /not a multiple of 2/);
  assert.throws(() => ml.featureTransform([1, 2], 'x1'), /array of strings/);
});

test('OptimizerSurface runs the shared optimisers step by step', () => {
  const s = new ml.OptimizerSurface();
  try {
    s.setFunction('ravine');
    assert.equal(s.functionName(), 'ravine');
    close(s.value(2, 1), 0.2 + 2.5);
    assert.deepEqual([...s.gradient(2, 1)], [0.2, 5]);
    assert.equal(s.pathStatus(), 'empty');
    assert.throws(() => s.stepPath(), /startPath/);
    s.startPath(-9, 2, 'sgd', 0.1);
    const p = s.stepPath();
    close(p.x, -8.91);
    close(p.y, 1);
    close(p.loss, s.value(-8.91, 1));
    // One Adam step from the start: m̂ = g, v̂ = g², so each coordinate moves by η·g/(|g| + ε) ≈ η.
    s.startPath(-9, 2, 'adam', 0.1, { beta1: 0.9, beta2: 0.999 });
    const q = s.stepPath();
    close(q.x, -9 + 0.1 * 0.9 / (0.9 + 1e-8), 1e-12);
    close(q.y, 2 - 0.1 * 10 / (10 + 1e-8), 1e-12);
    assert.deepEqual([...s.path()], [-9, 2, q.x, q.y]);
    assert.equal(s.losses().length, 2);
    s.setFunction('rosenbrock');
    const info = s.info();
    assert.deepEqual([info.minX, info.minY, info.minValue], [1, 1, 0]);
    const grid = s.grid(-2, 2, -1, 3, 50, 40);
    assert.equal(grid.length, 2000);
    close(grid[0], s.value(-2 + 4 * 0.5 / 50, -1 + 4 * 0.5 / 40)); // the first cell's centre
    s.startPath(-1.5, 2, 'sgd', 0.01);
    for (let i = 0; i < 100 && s.pathStatus() === 'running'; i++) s.stepPath();
    assert.equal(s.pathStatus(), 'diverged');
    assert.throws(() => s.stepPath(), /diverged/);
    assert.throws(() => s.startPath(0, 0, 'adam', -1), /learningRate=-1/);
    assert.throws(() => s.startPath(0, 0, 'adam', 0.1, { beta1: 'x' }), /option 'beta1'/);
    assert.throws(() => s.setFunction('himmelblau'), /function='himmelblau'/);
    s.startPath(-1.5, 2, 'nesterov', 0.0005, { momentum: 0.9, noise: 0.5, seed: 3 });
    for (let i = 0; i < 50; i++) s.stepPath();
    const first = s.path();
    s.startPath(-1.5, 2, 'nesterov', 0.0005, { momentum: 0.9, noise: 0.5, seed: 3 });
    for (let i = 0; i < 50; i++) s.stepPath();
    assert.deepEqual([...s.path()], [...first]);
  } finally {
    s.delete();
  }
});

test('the runnable examples in docs/engine-api/mlp_optimizers.md pass', async () => {
  const md = readFileSync(new URL('../../docs/engine-api/mlp_optimizers.md', import.meta.url), 'utf8');
  const blocks = [...md.matchAll(/```js example\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length >= 2);
  const AsyncFunction = (async () => {}).constructor;
  for (const body of blocks) await new AsyncFunction('ml', 'assert', body)(ml, assert);
});

test('timings of a 2-16-16-1 net (reported, not asserted)', () => {
  const d = ml.makeMoons(200, 0.1, 1);
  const m = new ml.MLP();
  try {
    m.setLayers([16, 16]);
    m.setOptimizer('adam');
    m.setData(d.X, 2, d.y);
    m.fit(50);
    const median = (f, reps) => {
      const t = [];
      for (let r = 0; r < reps; r++) { const a = performance.now(); f(); t.push(performance.now() - a); }
      return t.sort((x, y) => x - y)[reps >> 1];
    };
    const step = median(() => m.step(), 300);
    const grid = median(() => m.predictGrid(-2, 3, -2, 2, 200, 200), 7);
    const fast = median(() => m.predictGridFloat32(-2, 3, -2, 2, 200, 200), 7);
    console.log(`wasm 2-16-16-1 tanh: step ${(step * 1000).toFixed(0)} µs, predictGrid 200×200 ${grid.toFixed(1)} ms, float32 ${fast.toFixed(1)} ms`);
  } finally {
    m.delete();
  }
});

test('training tricks in the MLP: the native build\'s loss for seed 4 (tests/native/test_mlp_training_tricks.cpp), steps at scheduleRate', () => {
  const d = ml.makeSpiral(80, 0.05, 9);
  const run = () => {
    const m = new ml.MLP();
    try {
      m.setLayers([8, 8]);
      m.setActivation('all', 'relu');
      m.setOptimizer('momentum');
      m.setInit('he');
      m.setBatchNorm(true);
      m.setSchedule({ kind: 'cosine', learningRate: 0.1, period: 150, warmup: 10 });
      m.setClipNorm(1);
      m.setBatchSize(16);
      m.reset(4);
      m.setData(d.X, 2, d.y);
      const rates = [];
      for (let t = 0; t < 200; t++) { rates.push(m.currentRate()); m.step(); }
      return { loss: m.loss(), params: Array.from(m.params()), rates };
    } finally { m.delete(); }
  };
  const a = run();
  const b = run();
  assert.deepEqual(a.params, b.params);
  assert.ok(Math.abs(a.loss - MLP_TRICKS_LOSS) <= 1e-12 * Math.abs(MLP_TRICKS_LOSS), `loss ${a.loss}`);
  const schedule = { kind: 'cosine', learningRate: 0.1, period: 150, warmup: 10 };
  a.rates.forEach((r, t) => assert.equal(r, ml.scheduleRate(schedule, t), `step ${t}`));
});

test('training tricks in the MLP: bad settings are refused in words', () => {
  const m = new ml.MLP();
  try {
    assert.throws(() => m.setSchedule({ kind: 'sawtooth' }), /MLP\.setSchedule: schedule='sawtooth' is not one of constant, step, exponential, cosine/);
    assert.throws(() => m.setSchedule({ period: 0 }), /period/);
    assert.throws(() => m.setClipNorm(-1), /clipNorm/);
    assert.throws(() => m.setInit('zeros'), /MLP\.setInit: init='zeros' is not one of small, large, xavier, he/);
    assert.equal(m.init(), 'auto');
    assert.equal(m.schedule().kind, 'constant');
  } finally { m.delete(); }
});
