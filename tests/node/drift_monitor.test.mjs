// The drift statistics and the simulated deployment in WASM (docs/engine-api/monitoring.md):
// PSI and the KS test against the fixtures of tests/fixtures/generators/drift_monitor.py, bad
// input in words, determinism, the check-yourself computations of lifecycle.js (hand-derived)
// and the model-lifecycle widget's helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ml } from './engine.mjs';
import { computations } from '../../web/js/check-computations/data-drift.js';
import { WIDGET_DEFAULTS, deploymentConfig, manualFromState, versionRows } from '../../web/widgets/model-lifecycle/lifecycle.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/drift_monitor.json', import.meta.url), 'utf8'));
const rel = (got, want, tol, what) => assert.ok(Math.abs(got - want) <= Math.max(1e-300, tol * Math.abs(want)), `${what}: ${got} vs ${want}`);

test('KS statistic and exact p-value agree with SciPy ks_2samp', () => {
  for (const c of fixture.ks) {
    const r = ml.ksTwoSample(c.a, c.b);
    rel(r.statistic, c.statistic, 1e-14, `${c.name} statistic`);
    rel(r.pValue, c.pValue, 1e-8, `${c.name} p`);
  }
});

test('PSI agrees with its definition computed by NumPy', () => {
  for (const c of fixture.psi) {
    const r = ml.populationStabilityIndex(c.reference, c.current, c.bins);
    assert.deepEqual(Array.from(r.edges), c.edges, c.name);
    assert.deepEqual(Array.from(r.currentShares), c.currentShares, c.name);
    rel(r.psi, c.psi, 1e-12, c.name);
  }
});

test('bad input is refused in words with a code', () => {
  assert.throws(() => ml.psiFromShares([0.5, 0.5], [1]), (e) => e.code === 'shape-mismatch' && /psiFromShares/.test(e.message));
  assert.throws(() => ml.populationStabilityIndex([1, 2, 3], [1], 1.5), (e) => e.code === 'invalid-argument' && /bins/.test(e.message));
  assert.throws(() => ml.ksTwoSample([1, 'x'], [1]), (e) => e.code === 'invalid-argument');
  assert.throws(() => ml.simulateDeployment({ days: 2.5 }), (e) => e.code === 'invalid-argument' && /days/.test(e.message));
  assert.throws(() => ml.simulateDeployment({ driftKind: 7 }), (e) => e.code === 'invalid-argument' && /driftKind/.test(e.message));
  assert.throws(() => ml.simulateDeployment({ manualRetrainDays: [70] }), (e) => /manualRetrainDays/.test(e.message));
  assert.throws(() => ml.deploymentBatch({}, -6), (e) => e.code === 'invalid-argument' && /day/.test(e.message));
});

test('the same options give the same run; the batches do not depend on the policy', () => {
  const a = ml.simulateDeployment({ seed: 9 });
  const b = ml.simulateDeployment({ seed: 9 });
  assert.deepEqual(a.days.map((d) => d.psi), b.days.map((d) => d.psi));
  const x = ml.deploymentBatch({ seed: 9, policy: 'alarm' }, 30);
  const y = ml.deploymentBatch({ seed: 9, policy: 'never' }, 30);
  assert.deepEqual(Array.from(x.X), Array.from(y.X));
  assert.equal(x.rows, 100);
});

test('check-yourself computations: PSI and KS by hand', () => {
  // 0.2·ln 2 + 0 + 0.2·ln 2 = 0.4·ln 2.
  assert.ok(Math.abs(computations.psi(ml, { p: [0.4, 0.4, 0.2], q: [0.2, 0.4, 0.4] }).value - 0.4 * Math.log(2)) < 1e-12);
  // Identical shares: 0.
  assert.equal(computations.psi(ml, { p: [0.5, 0.5], q: [0.5, 0.5] }).value, 0);
  // a = {1, 2, 3, 4}, b = {3.5, 5}: after 3, F_a = 3/4 and F_b = 0 → D = 0.75.
  assert.ok(Math.abs(computations.ks(ml, { a: [1, 2, 3, 4], b: [3.5, 5] }).statistic - 0.75) < 1e-15);
  assert.throws(() => computations.psi(ml, { p: [0.5, 0.5] }), /q=/);
});

test('widget helpers: the config, the version table and the saved state', () => {
  const run = ml.simulateDeployment(deploymentConfig(WIDGET_DEFAULTS));
  const rows = versionRows(run, 30, 0);
  assert.equal(rows[0].id, 1);
  assert.equal(rows[0].now, run.versions[0].accuracy[30]);
  assert.ok(rows.some((r) => r.serving));
  assert.equal(versionRows(run, 1, 3)[0].now, null);
  assert.deepEqual(manualFromState({ manual: [12, 3, 12] }), [3, 12]);
  assert.deepEqual(manualFromState(null), []);
  assert.throws(() => manualFromState({ manual: [61] }), /whole number from 0 to 59/);
  assert.throws(() => manualFromState({ days: [1] }), /manual/);
});
