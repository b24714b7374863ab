// Claims of lessons/ensembles.md, checked against the engine with bagging's defaults: moons, 150
// training points, noise 0.3, seed 7, 300 test points from seed 1007, trees of depth 6, up to 60
// voters, features "all" (bagging) or "sqrt" (random forest) (web/widgets/bagging.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { makeDataset } from '../dist/lib/datasets.js';

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
const lesson = fs.readFileSync(new URL('./ensembles.md', import.meta.url), 'utf8');

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

// The forest's trees differ more, but each is weaker: the lesson does not promise a better crowd,
// and on the widget's own points the forest's sixty voters score below plain bagging's.
test('random forest: less alike trees, each a little weaker; not always a better crowd (90.0% against bagging\'s 90.3%)', () => {
  assert.match(lesson, /That makes the trees differ more from each other, so more of their errors cancel in the vote\. The price is that each tree, offered only some of the features at every split, is a little weaker on its own, so which effect wins depends on the data; the widget below lets you compare the two\./);
  assert.match(lesson, /It does save time, but that is a side effect; the point of the subsets is trees that are less alike, so that the vote cancels more of their errors\./);
  assert.doesNotMatch(lesson, /makes their average better|the forest is better than plain bagging/);
  const bag = curve(7);
  const rf = curve(7, 'sqrt');
  assert.ok(rf[59] < bag[59], `the forest's crowd ${pct(rf[59])}% below bagging's ${pct(bag[59])}%`);
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

test('worked example n = 4: (3/4)⁴ = 81/256 ≈ 0.316 left out, ≈ 2.7 distinct points; the engine\'s bootstrap samples agree', async () => {
  assert.equal(((3 / 4) ** 4).toFixed(3), '0.316');
  assert.equal((4 * (1 - (3 / 4) ** 4)).toFixed(1), '2.7');
  const { computations } = await import('../web/js/check-computations/trees-and-ensembles.js');
  const r = computations['bootstrap-left-out'](ml, { n: 4, trees: 1000, seed: 1 });
  assert.ok(Math.abs(r.share - 81 / 256) < 0.02, `${r.share}`);
  assert.equal(r.distinct.toFixed(1), '2.7');
});

test('worked example: s² = 0.09 over B = 9 independent trees → 0.01 (s from 0.3 to 0.1)', () => {
  assert.ok(Math.abs(0.09 / 9 - 0.01) < 1e-15);
  assert.ok(Math.abs(Math.sqrt(0.09 / 9) - 0.1) < 1e-15);
});

test('check-yourself: 10 points → 0.9¹⁰ ≈ 0.349 left out; the engine\'s 1,000 samples accept 0.349 and "about a third"', async () => {
  const { evaluateComputation, parseComputation } = await import('../web/js/check-computations.js');
  const question = /^= (bootstrap-left-out\S* [^±]*)± ([\d.]+)(?: share)? ::(.*)$/m.exec(lesson);
  assert.ok(question, 'the lesson asks for the share a bootstrap sample leaves out');
  const answer = evaluateComputation(ml, parseComputation(question[1]));
  const tolerance = Number(question[2]);
  assert.equal((0.9 ** 10).toFixed(3), '0.349');
  assert.match(question[3], /drew 1\u202f000 such samples/);
  // The engine's answer is an average over its samples, not the exact 0.9¹⁰: it must sit close
  // enough that the exact value and the lesson's own "about a third" both count as right.
  assert.ok(Math.abs(answer - 0.9 ** 10) < 0.002, `${answer}`);
  assert.ok(Math.abs(answer - 1 / 3) <= tolerance, `1/3 against ${answer}`);
  // a bootstrap sample is n draws: every tree's in-bag counts add up to n
  const forest = new ml.RandomForest();
  try {
    forest.setData([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 1, [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    forest.setTreeCount(5); forest.reset(1); forest.fit(5);
    for (let t = 0; t < 5; t++) assert.equal(forest.inBagCounts(t).reduce((a, b) => a + b, 0), 10);
  } finally {
    forest.delete();
  }
});

test('predict, then check: sixty voters end 2.0 points above the first voter ("better by 1 to 5 points")', () => {
  const acc = curve(7);
  const d = (acc[59] - acc[0]) * 100;
  assert.equal(d.toFixed(1), '2.0');
  assert.ok(d >= 1 && d <= 5);
});

// The box asks which band the sixty-voter crowd's gain falls in (worse; under 1 point; 1 to 5; over 5),
// judged on the gain as shown (one decimal). The screen gives that band away from the first crowd
// size whose gain, and every larger crowd's, already lies in it.
test('predict, then check: the gain stays in its final band (1 to 5 points) from the fourteenth voter on, not before; the widget counts the same', async () => {
  const { answeredFrom } = await import('../dist/widgets/bagging.js');
  const acc = curve(7);
  const gain = acc.map((a) => Math.round((Number(pct(a)) - Number(pct(acc[0]))) * 10) / 10);
  const band = (d) => (d < 0 ? 'worse' : d < 1 ? 'small' : d <= 5 ? 'some' : 'large');
  assert.equal(band(gain[59]), 'some');
  assert.ok(gain.slice(13).every((d) => band(d) === 'some'), 'from 14 voters on: 1 to 5 points better');
  assert.equal(gain[12], 0.7, '13 voters: 89.0% against 88.3%, under 1 point');
  assert.equal(answeredFrom(acc), 14);
  assert.match(lesson, /with the starting settings, its gain over the first voter stays in its final band from the fourteenth voter on\), so once a crowd that size has been on screen, Reset or not, the box takes answers only as practice/);
});


// The title and the section on variance say what bagging does in the lesson's own terms (its three
// steps; what averaging removes), not the source's "crowd beats its members" framing.
test('the title names bagging\'s steps and the variance section says what averaging removes and leaves', () => {
  assert.match(lesson, /^title: "Ensembles: resample, grow, vote"$/m);
  assert.match(lesson, /^## What averaging removes, and what it leaves$/m);
  const headings = [...lesson.matchAll(/^(?:title:|#+ ).*$/gm)].map((m) => m[0]);
  assert.ok(headings.every((h) => !/crowd|weak voters/i.test(h)), headings.join(' | '));
  // the steps the title names, in the lesson's order
  assert.match(lesson, /1\. Draw a \*\*bootstrap sample\*\*[\s\S]*2\. Grow a tree on that sample\.[\s\S]*4\. To classify a new point, every tree votes/);
});
