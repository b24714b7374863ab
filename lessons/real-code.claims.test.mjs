// Claims of lessons/real-code.md (the numbers the snippets imply), checked against the engine:
// the fold sizes of 5-fold cross-validation on the training part, and the size of the network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations.js';

test('snippet 1: 300 rows, 30% held out → 210 for CV; cv = 5 scores 42 rows per fold and trains on 168', () => {
  const held = Math.round(300 * 0.3);
  assert.equal(held, 90);
  const folds = ml.kFold(300 - held, 5, false, 0);
  assert.deepEqual(folds.map((f) => f.test.length), [42, 42, 42, 42, 42]);
  assert.deepEqual(folds.map((f) => f.train.length), [168, 168, 168, 168, 168]);
  // stratified, as scikit-learn does for a classifier: make_moons(300) has 150 of each class and a
  // stratified 30% hold-out keeps 105 of each for CV, so every fold tests 21 + 21
  const labels = Array.from({ length: 210 }, (_, i) => i % 2);
  for (const f of ml.stratifiedKFold(labels, 5, true, 0)) assert.equal([...f.test].filter((i) => labels[i] === 1).length, 21);
  assert.deepEqual(ml.stratifiedKFold(labels, 5, true, 0).map((f) => f.test.length), [42, 42, 42, 42, 42]);
  assert.equal(computations['k-fold'](ml, { n: 210, k: 5, fold: 1 }).size, 42);
});

test('snippet 4: 2 → 16 → 1 has 65 weights and biases; 2 → 8 → 1 has 33', () => {
  assert.equal(computations['mlp-size'](ml, { inputs: 2, hidden: 16 }).params, 2 * 16 + 16 + 16 + 1);
  assert.equal(computations['mlp-size'](ml, { inputs: 2, hidden: 16 }).params, 65);
  assert.equal(computations['mlp-size'](ml, { inputs: 2, hidden: 8 }).params, 33);
  assert.equal(computations['mlp-size'](ml, { inputs: 3, hidden: [4, 2] }).params, 3 * 4 + 4 + 4 * 2 + 2 + 2 + 1);
});
