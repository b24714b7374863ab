// Claims of the generalisation lesson, checked against the engine with the generalisation-gap
// widget's defaults (web/widgets/generalisation-gap.js: makeMoons(2400, noise, seed 1), half held
// out, sizes 8 … 1024, 12 repeats, G = 100 thresholds, δ = 0.05).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations/generalisation.js';
import { formatNumber, readShown } from '../web/lib/format.js';
import { shownBound, shownErrors } from '../web/widgets/generalisation-gap.js';

const SIZES = [8, 16, 32, 64, 128, 256, 512, 1024];
const at = (n) => SIZES.indexOf(n);

function study(depth, noise = 0.3) {
  const d = ml.makeMoons(2400, noise, 1);
  const tree = new ml.DecisionTree();
  try {
    tree.setMaxDepth(depth);
    const s = ml.gapStudy(tree, d.X, 2, d.y, SIZES, 12, 0.5, 1, 1000);
    const shown = SIZES.map((_, i) => shownErrors(s.trainError[i], s.testError[i]));
    return { train: Array.from(s.trainError), test: Array.from(s.testError), gap: Array.from(s.gapMean), shown };
  } finally {
    tree.delete();
  }
}
// The widget shows the engine's gapStudy as it comes. Recomputed here from its parts: learningCurve
// run once per resample seed (seed, seed + 1, …), a resample whose n = 8 training set is one class
// only (the tree refuses it) skipped for the next unused seed, and the runs pooled by hand: mean
// errors, and the 10th and 90th percentiles of the gap by numpy's rule.
function pooledByHand(tree, d, repeats, seed) {
  const runs = [];
  const skipped = [];
  for (let s = seed; runs.length < repeats; s++) {
    try {
      runs.push(ml.learningCurve(tree, d.X, 2, d.y, SIZES, 0.5, s, 1000));
    } catch (err) {
      assert.equal(err.code, 'invalid-argument');
      assert.match(err.message, /y holds 1 class\(es\)/, `seed ${s}`);
      skipped.push(s);
    }
  }
  const percentile = (values, q) => {
    const v = [...values].sort((a, b) => a - b);
    const pos = q * (v.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, v.length - 1);
    return v[lo] + (pos - lo) * (v[hi] - v[lo]);
  };
  const mean = (key) => SIZES.map((_, i) => runs.reduce((sum, r) => sum + r[key][i], 0) / repeats);
  const trainError = mean('trainError');
  const testError = mean('validationError');
  const gaps = SIZES.map((_, i) => runs.map((r) => r.validationError[i] - r.trainError[i]));
  return {
    skipped, trainError, testError,
    gapMean: SIZES.map((_, i) => testError[i] - trainError[i]),
    gapLow: gaps.map((g) => percentile(g, 0.1)),
    gapHigh: gaps.map((g) => percentile(g, 0.9)),
  };
}

// At the lesson's settings no resample is drawn again, so the numbers below are the widget's. At the
// documented largest seed with 40 repeats, resample 100 030 deals its n = 8 training points one class
// only: the engine draws it again with seed 100 040, lists it, and pools the 40 that trained.
test('gapStudy draws a one-class resample again and pools the repeats as recomputed by hand', () => {
  const tree = new ml.DecisionTree();
  try {
    for (const [repeats, seed, depths, redrawn] of [[12, 1, [1, 3, 10], []], [40, 100000, [1, 10], [100030]]]) {
      const d = ml.makeMoons(2400, 0.3, seed);
      for (const depth of depths) {
        tree.setMaxDepth(depth);
        const engine = ml.gapStudy(tree, d.X, 2, d.y, SIZES, repeats, 0.5, seed, 1000);
        const byHand = pooledByHand(tree, d, repeats, seed);
        assert.deepEqual(byHand.skipped, redrawn);
        assert.deepEqual(Array.from(engine.redrawn), redrawn, `seed ${seed}, depth ${depth}`);
        assert.equal(engine.repeats, repeats);
        for (const key of ['trainError', 'testError', 'gapMean', 'gapLow', 'gapHigh']) {
          assert.deepEqual(Array.from(engine[key]), byHand[key], `seed ${seed}, depth ${depth}: ${key}`);
        }
      }
    }
  } finally {
    tree.delete();
  }
});

const bound = (n, depth) => ml.hoeffdingUnionBound(n, ml.treeClassLogSize(depth, 2, 100), 0.05);

test('the worked example: ln|H| for stumps and depth-3 trees, and the tolerances', () => {
  const stump = ml.treeClassLogSize(1, 2, 100);
  assert.equal(Math.exp(stump).toFixed(0), '800');
  assert.equal(stump.toFixed(3), '6.685');
  assert.equal(Math.log(40).toFixed(3), '3.689');
  assert.equal(bound(1000, 1).toFixed(3), '0.072');
  assert.equal(bound(4000, 1).toFixed(3), '0.036');
  const deep = ml.treeClassLogSize(3, 2, 100);
  assert.equal(deep.toFixed(1), '42.6');
  assert.ok(Math.abs(deep - (7 * Math.log(200) + 8 * Math.log(2))) < 1e-12);
  assert.equal(bound(1000, 3).toFixed(3), '0.152');
  // "about four and a half times as much data for the same guarantee"
  const ratio = (deep + Math.log(40)) / (stump + Math.log(40));
  assert.ok(ratio > 4.3 && ratio < 4.7, `ratio ${ratio}`);
});

test('the widget\'s gap is the held-out error minus the training error as shown, at every depth and n', () => {
  let roundedApart = 0;
  for (const depth of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
    const s = study(depth);
    SIZES.forEach((n, i) => {
      const { train, test, gap } = s.shown[i];
      assert.equal(train, formatNumber(s.train[i], 3));
      assert.equal(test, formatNumber(s.test[i], 3));
      assert.equal(gap, formatNumber(readShown(test) - readShown(train), 3), `depth ${depth}, n = ${n}`);
      assert.ok(Math.abs(readShown(gap) - s.gap[i]) <= 0.001 + 1e-12, 'within a rounding of the mean gap');
      if (gap !== formatNumber(s.gap[i], 3)) roundedApart += 1;
    });
  }
  // The audit's cases: the mean gap rounded on its own read 0.101, 0.140, 0.053 and 0.023 here.
  assert.ok(roundedApart >= 4, `${roundedApart} sizes where rounding the mean gap alone disagrees`);
  assert.deepEqual(shownErrors(0.0241, 0.1236), { train: '0.024', test: '0.124', gap: '0.100' });
  // One precision for the bound in the readout, the summary and the prediction's verdict.
  assert.equal(shownBound(bound(1024, 10)), '1.731');
  assert.equal(shownBound(bound(8, 10)), '19.579');
});

test('the engine\'s measurement at n = 1024 and the things to try with noise 0.3', () => {
  const s1 = study(1);
  const i = at(1024);
  assert.deepEqual(s1.shown[i], { train: '0.194', test: '0.217', gap: '0.023' });
  assert.ok(s1.gap[i] < bound(1024, 1), 'comfortably inside the bound');
  // 1. The stump's gap as shown: 0.177 at n = 8, 0.024 at n = 256.
  assert.equal(s1.shown[at(8)].gap, '0.177');
  assert.equal(s1.shown[at(256)].gap, '0.024');
  const s10 = study(10);
  assert.deepEqual(s10.shown[i], { train: '0.024', test: '0.124', gap: '0.100' });
  assert.ok(s10.test[i] < s1.test[i], 'a smaller test error than the stump');
  assert.ok(readShown(s10.shown[i].gap) > 4 * readShown(s1.shown[i].gap), 'more than four times the stump\'s gap');
  // 2. Depth 10 memorises up to n = 64; the gap goes from 0.266 to 0.100; the bound stays above 1.
  for (const n of [8, 16, 32, 64]) assert.equal(s10.train[at(n)], 0);
  assert.equal(s10.shown[at(8)].gap, '0.266');
  for (const n of SIZES) assert.ok(bound(n, 10) > 1);
  assert.equal(shownBound(bound(1024, 10)), '1.731');
});

test('3. noise 0, depth 10: the gap closes faster than 1/√n', () => {
  const s = study(10, 0);
  assert.ok(s.train.every((v) => v === 0), 'fitted perfectly');
  assert.equal(s.shown[at(128)].gap, '0.039');
  assert.equal(s.shown[at(1024)].gap, '0.004');
  assert.ok(s.gap[at(128)] / s.gap[at(1024)] > 10, 'ten times smaller');
  assert.ok(s.gap[at(128)] / s.gap[at(1024)] > 3 * Math.sqrt(8));
});

test('check yourself: the bound at n = 250 by hand and by the hoeffding computation; the data multipliers', () => {
  const byHand = Math.sqrt((Math.log(800) + Math.log(40)) / 500);
  const r = computations.hoeffding(ml, { n: 250, delta: 0.05, depth: 1, features: 2, grid: 100 });
  assert.ok(Math.abs(r.epsilon - byHand) < 1e-12);
  assert.equal(r.epsilon.toFixed(3), '0.144');
  assert.equal(((Math.log(800) + Math.log(40)) / 500).toFixed(4), '0.0207');
  assert.ok(Math.abs(r.epsilon - 2 * bound(1000, 1)) < 1e-12, 'twice the n = 1000 value');
  // The class given by its size gives the same number.
  assert.ok(Math.abs(computations.hoeffding(ml, { n: 250, delta: 0.05, size: 800 }).epsilon - byHand) < 1e-12);
  // 0.05 → 0.025 takes four times the data; twice gives 0.035, sixteen times 0.0125, √2 times 0.05/2^(1/4).
  const logH = ml.treeClassLogSize(1, 2, 100) + Math.log(40);
  const n = logH / (2 * 0.05 ** 2);
  const term = (m) => ml.hoeffdingUnionBound(m, ml.treeClassLogSize(1, 2, 100), 0.05);
  assert.ok(Math.abs(term(n) - 0.05) < 1e-12);
  assert.ok(Math.abs(term(4 * n) - 0.025) < 1e-12);
  assert.equal(term(2 * n).toFixed(3), '0.035');
  assert.equal(term(16 * n).toFixed(4), '0.0125');
  assert.equal((0.05 / term(Math.SQRT2 * n)).toFixed(2), '1.19');
  assert.throws(() => computations.hoeffding(ml, { n: 250, delta: 0.05 }), /needs depth=/);
});

test('the bracket [h(x_i) ≠ y_i] is defined where it is first used, since this lesson comes before frontier-boosting', () => {
  const lesson = fs.readFileSync(new URL('./frontier-generalisation.md', import.meta.url), 'utf8');
  const firstUse = lesson.indexOf('[h(x_i) \\ne y_i]');
  const definition = lesson.indexOf('The bracket $[\\cdot]$ is 1 when the statement inside it is true and 0 when it is false');
  assert.ok(firstUse > 0, 'the bracket is used');
  assert.ok(definition > firstUse && lesson.slice(firstUse, definition).split('\n').length === 1, 'defined in the same paragraph as its first use');
  assert.ok(definition < lesson.indexOf('One fixed classifier is an average of coin flips'), 'defined before the derivation uses it');
});

// Check-yourself Q2: √2 times the data halves a term only if it falls like 1/n² (under a fourth
// root it would take 16 times); this term falls like 1/√n, so √2 times shrinks it by 2^(1/4).
test('check yourself: the feedback on "√2 times as much" names the rate under which it would be right', () => {
  const lesson = fs.readFileSync(new URL('./frontier-generalisation.md', import.meta.url), 'utf8');
  const line = lesson.split('\n').find((l) => l.startsWith('- $\\sqrt 2$ times as much ::'));
  assert.ok(line, 'the choice is there');
  const shrink = (factor, power) => factor ** power; // a term ∝ n^(−power), n multiplied by factor
  assert.equal(shrink(Math.SQRT2, 2).toFixed(6), '2.000000');
  assert.equal(shrink(16, 1 / 4).toFixed(6), '2.000000');
  assert.equal(shrink(Math.SQRT2, 1 / 2).toFixed(2), '1.19');
  assert.match(line, /falling like \$1\/n\^2\$/);
  assert.match(line, /falls like \$1\/\\sqrt n\$/);
  assert.match(line, /2\^\{1\/4\} \\approx 1\.19/);
  assert.doesNotMatch(line, /fourth root/);
});

// The measured tree is the engine's CART, which cuts halfway between neighbouring training values;
// the bound drawn counts trees whose cuts lie on a grid of 100 values. The lesson says so.
test('the engine\'s stump cuts at a midpoint between data values, off any fixed grid, and the lesson says the bound is the grid class\'s', () => {
  const d = ml.makeMoons(2400, 0.3, 1);
  const tree = new ml.DecisionTree();
  try {
    tree.setMaxDepth(1);
    const X = Array.from(d.X);
    tree.setData(d.X, 2, d.y);
    tree.fit(1);
    const n = tree.nodes();
    const root = { feature: n[0], threshold: n[1] };
    assert.ok(root.feature === 0 || root.feature === 1, 'the root splits');
    const values = [...new Set(X.filter((_, j) => j % 2 === root.feature))].sort((a, b) => a - b);
    const i = values.findIndex((v) => v > root.threshold);
    assert.ok(i > 0, 'the cut lies between two data values');
    assert.ok(Math.abs(root.threshold - (values[i - 1] + values[i]) / 2) < 1e-12, 'halfway between neighbours');
  } finally {
    tree.delete();
  }
  // On n = 1024 points, stumps with cuts anywhere realise up to 2 features × (n + 1) cut places ×
  // 2 label orders: more labelings than the 800 stumps counted.
  assert.ok(Math.log(2 * 1025 * 2) > ml.treeClassLogSize(1, 2, 100));
  const lesson = fs.readFileSync(new URL('./frontier-generalisation.md', import.meta.url), 'utf8');
  assert.match(lesson, /comfortably inside the bound\. Strictly, that bound is for trees whose cuts sit on a grid of 100 values fixed in advance; the engine's tree cuts halfway between two neighbouring training values, so it lies outside that class\. Cuts placed anywhere are covered by the VC version of step 7, which is larger\./);
});
