// Claims of lessons/ensembles.md, checked against the engine with bagging's defaults: moons, 150
// training points, noise 0.3, seed 7, 300 test points from seed 1007, trees of depth 6, up to 60
// voters, features "all" (bagging) or "sqrt" (random forest) (web/widgets/bagging.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { makeDataset } from '../dist/widgets/course4/datasets.js';

function curve(seed, features = 'all', voters = 60) {
  const train = makeDataset(ml, 'moons', 150, 0.3, seed);
  const testSet = makeDataset(ml, 'moons', 300, 0.3, seed + 1000);
  const forest = new ml.RandomForest();
  try {
    forest.setData(train.X, 2, train.y);
    forest.setMaxDepth(6);
    forest.setMaxFeatures(features);
    forest.setTreeCount(voters);
    forest.reset(seed);
    const acc = [];
    for (let i = 0; i < voters; i++) { forest.step(); acc.push(forest.score(testSet.X, testSet.y)); }
    return acc;
  } finally {
    forest.delete();
  }
}
const pct = (v) => (v * 100).toFixed(1);

test('a bootstrap sample leaves out about a third: (1 − 1/n)ⁿ = 0.367 for n = 150, → 1/e', () => {
  assert.equal(((1 - 1 / 150) ** 150).toFixed(3), '0.367');
  assert.ok(Math.abs((1 - 1 / 1e6) ** 1e6 - 1 / Math.E) < 1e-6);
});

test('bagging on the widget\'s points: 88.3% → 89.0% at 12 voters → between 89.7% and 90.7% from 20 on', () => {
  const acc = curve(7);
  assert.equal(pct(acc[0]), '88.3');
  assert.equal(pct(acc[11]), '89.0');
  const late = acc.slice(19);
  assert.equal(pct(Math.min(...late)), '89.7');
  assert.equal(pct(Math.max(...late)), '90.7');
  assert.equal(pct(acc[59]), '90.3');
});

test('random forest on the widget\'s points: first voter 88.7%, sixty voters 90.0%', () => {
  const acc = curve(7, 'sqrt');
  assert.equal(pct(acc[0]), '88.7');
  assert.equal(pct(acc[59]), '90.0');
});

test('over seeds 1–40: 12 voters beat the first in 34, 60 in 38; the forest\'s first voter worse in 27, crowd better in 23', () => {
  let beat12 = 0; let beat60 = 0; let firstWorse = 0; let crowdBetter = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const bag = curve(seed);
    const rf = curve(seed, 'sqrt');
    if (bag[11] > bag[0]) beat12 += 1;
    if (bag[59] > bag[0]) beat60 += 1;
    if (rf[0] < bag[0]) firstWorse += 1;
    if (rf[59] > bag[59]) crowdBetter += 1;
  }
  assert.deepEqual({ beat12, beat60, firstWorse, crowdBetter }, { beat12: 34, beat60: 38, firstWorse: 27, crowdBetter: 23 });
});
