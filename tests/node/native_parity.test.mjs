// The same seed gives the same data and the same model natively and in WASM: the native
// reference tool prints its results; the WASM module must reproduce them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ml } from './engine.mjs';

const buildRoot = process.env.BUILD_ROOT || path.resolve(import.meta.dirname, '../../build');
// The reference tool of the checking build (scripts/build-engine.sh check: clang, ASan + UBSan),
// which npm test compiles; DW_NATIVE_BUILD=native compares the Release build instead.
const native = JSON.parse(execFileSync(path.join(buildRoot, process.env.DW_NATIVE_BUILD || 'check', 'dw_reference_dump'), { encoding: 'utf8' }));

function hex(array) {
  const bytes = new Uint8Array(new Float64Array(array).buffer);
  let out = '';
  // The native side prints each double's bits as one big-endian 64-bit hex number.
  for (let i = 0; i < bytes.length; i += 8) for (let j = 7; j >= 0; j--) out += bytes[i + j].toString(16).padStart(2, '0');
  return out;
}

const calls = {
  linear: () => ml.makeLinear(50, 0.8, 1.5, 1.5, 3, 0, 10),
  sin: () => ml.makeNoisySin(12, 0.3, 0),
  blobs: () => ml.makeBlobs(60, 3, 0.7, 5),
  moons: () => ml.makeMoons(80, 0.15, 6),
  circles: () => ml.makeCircles(80, 0.1, 0.5, 7),
  xor: () => ml.makeXor(80, 0.05, 8),
  spiral: () => ml.makeSpiral(80, 0.05, 9),
  plane: () => ml.makePlane(80, 0.2, 10),
  multiGaussian: () => ml.makeMultiGaussian(80, 0.2, 11),
};

for (const [name, make] of Object.entries(calls)) {
  test(`dataset ${name}: WASM bytes equal native bytes`, () => {
    const d = make();
    assert.equal(hex(d.X), native.datasets[name].X);
    assert.equal(hex(d.y), native.datasets[name].y);
  });
}

test('linear regression trace: WASM equals native to 1e-12', () => {
  const d = ml.makeLinear(50, 0.8, 1.5, 1.5, 3, 0, 10);
  const m = new ml.LinearRegression();
  try {
    m.setData(d.X, 1, d.y);
    m.setLearningRate(0.02);
    m.fit(300);
    const values = m.traceValues();
    assert.equal(values.length, native.trace.length);
    values.forEach((v, i) => assert.ok(Math.abs(v - native.trace[i]) <= 1e-12 * Math.max(1, Math.abs(v)), `entry ${i}: ${v} vs ${native.trace[i]}`));
  } finally {
    m.delete();
  }
});

// Bits of a native hex string (big-endian 64-bit numbers, as hex() writes them) as doubles.
function unhex(text) {
  const out = new Float64Array(text.length / 16);
  const view = new DataView(out.buffer);
  for (let i = 0; i < out.length; i++) view.setBigUint64(8 * i, BigInt(`0x${text.slice(16 * i, 16 * i + 16)}`), true);
  return out;
}

// Not bit for bit: Eigen's matrix products add in another order natively (SSE2 packets) than in
// WASM (scalar), so the parameters differ in their last bits; the tanh itself is the same
// two-lane code in both builds (dw/two_lanes.hpp), and libm's tanh no longer adds its own ulps.
test('tanh MLP 2-16-16-1 after 300 Adam steps on the moons: WASM parameters equal native to 1e-12', () => {
  const d = ml.makeMoons(80, 0.15, 6);
  const net = new ml.MLP();
  try {
    net.setLayers([16, 16]);
    net.setActivation('all', 'tanh');
    net.setOptimizer('adam');
    net.setLearningRate(0.03);
    net.setBatchSize(10);
    net.setData(d.X, 2, d.y);
    for (let s = 0; s < 300; s++) net.step();
    const theta = Array.from(net.params());
    const want = unhex(native.mlpTanh);
    assert.equal(theta.length, 2 * 16 + 16 + 16 * 16 + 16 + 16 + 1);
    assert.equal(want.length, theta.length);
    theta.forEach((v, i) => assert.ok(Math.abs(v - want[i]) <= 1e-12 * Math.max(1, Math.abs(v)), `parameter ${i}: ${v} vs ${want[i]}`));
  } finally {
    net.delete();
  }
});
