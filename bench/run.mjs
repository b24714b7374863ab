// `npm run bench`: measures each hot path natively (bench/native), in WASM under Node, and as
// plain JS, in one run, and prints the ratios. Wall-clock numbers are reported here, never
// asserted in tests.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadEngine } from '../dist/engine/index.js';
import { JsLinearRegression } from './js/linear_regression.js';

const root = path.resolve(import.meta.dirname, '..');
const buildRoot = process.env.BUILD_ROOT || path.join(root, 'build');

function medianMicros(rounds, inner, op) {
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) op();
    times.push(((performance.now() - t0) * 1000) / inner);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const native = JSON.parse(execFileSync(path.join(buildRoot, 'native', 'dw_bench_native'), { encoding: 'utf8' }));
const ml = await loadEngine();
const data = ml.makeLinear(10000, 0.8, 1.5, 1.5, 3, 0, 10);

const model = new ml.LinearRegression();
model.setData(data.X, 1, data.y);
model.setLearningRate(0.001);
const wasmStep = medianMicros(15, 50, () => { model.step(); if (model.steps() > 100000) model.reset(0); });
model.delete();

const js = new JsLinearRegression(data.X, data.y, 0.001);
const jsStep = medianMicros(15, 50, () => js.step());

const rows = [
  ['linear regression GD step, 10 000 points', native.lr_gd_step_10k, wasmStep, jsStep],
];
const fmt = (v) => v.toFixed(1).padStart(9);
console.log(`Machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, Node ${process.version}`);
console.log('hot path'.padEnd(44), 'native µs'.padStart(10), 'WASM µs'.padStart(10), 'JS µs'.padStart(10), 'WASM/native'.padStart(12), 'JS/WASM'.padStart(9));
for (const [name, n, w, j] of rows) {
  console.log(name.padEnd(44), fmt(n), fmt(w), fmt(j), `${(w / n).toFixed(2)}×`.padStart(12), `${(j / w).toFixed(2)}×`.padStart(9));
}
