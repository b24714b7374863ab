// Claims of lessons/decision-trees.md, checked against the engine with tree-splits' defaults:
// moons, 120 training points, noise 0.3, seed 4, test set of 200 from seed 1004, tree reset(4)
// (web/widgets/tree-splits.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { makeDataset } from '../dist/lib/datasets.js';
import { computations } from '../web/js/check-computations.js';

test('Gini: 0 for one class, worst 1 − 1/K for K evenly mixed classes (0.5 for two, 2/3 for three)', () => {
  const t = new ml.DecisionTree();
  try {
    const rootImpurity = (y) => { t.setData(y.map((_, i) => i), 1, y); t.reset(0); return t.loss(); };
    assert.equal(rootImpurity([0, 0, 1, 1]), 0.5);
    t.fit(100); // one cut separates them: two single-class leaves
    assert.equal(t.loss(), 0);
    assert.ok(Math.abs(rootImpurity([0, 0, 1, 1, 2, 2]) - 2 / 3) < 1e-12);
    assert.ok(Math.abs(rootImpurity([0, 1, 2, 3]) - 3 / 4) < 1e-12);
    // uneven mixes of three classes stay below 1 − 1/3, and above 0.5 can happen only with K > 2
    assert.ok(rootImpurity([0, 0, 0, 1, 1, 2]) < 2 / 3);
    assert.ok(rootImpurity([0, 0, 1, 1, 2, 2]) > 0.5);
  } finally {
    t.delete();
  }
});

test('depth sweep: purity climbs to 100%, Gini falls to 0, test accuracy peaks early (84.0 → 91.5 → 89.5%)', () => {
  const train = makeDataset(ml, 'moons', 120, 0.3, 4);
  const testSet = makeDataset(ml, 'moons', 200, 0.3, 1004);
  const t = new ml.DecisionTree();
  try {
    t.setData(train.X, 2, train.y);
    const rows = [];
    for (let depth = 1; depth <= 12; depth++) {
      t.setMaxDepth(depth); t.reset(4); t.fit(100000);
      rows.push({ depth, leaves: t.leafCount(), purity: t.score(train.X, train.y), gini: t.loss(), test: t.score(testSet.X, testSet.y) });
    }
    for (let i = 1; i < rows.length; i++) {
      assert.ok(rows[i].purity >= rows[i - 1].purity, 'purity never falls');
      assert.ok(rows[i].gini <= rows[i - 1].gini + 1e-12, 'Gini never rises');
    }
    const pure = rows.find((r) => r.purity === 1);
    assert.equal(pure.depth, 7);
    assert.equal(pure.leaves, 20);
    assert.equal(pure.gini, 0);
    const pct = (r) => (r.test * 100).toFixed(1);
    assert.equal(pct(rows[0]), '84.0');
    assert.equal(pct(rows[1]), '91.5');
    const later = rows.slice(2, 7).map((r) => r.test);
    assert.equal((Math.min(...later) * 100).toFixed(1), '86.5');
    assert.equal((Math.max(...later) * 100).toFixed(1), '91.5');
    assert.equal(pct(rows[11]), '89.5');
    assert.ok(rows.every((r) => r.test <= rows[1].test), 'no deeper tree beats depth 2');
  } finally {
    t.delete();
  }
});

test('worked split: O O B O O B B O B B on x = 1…10 — best cut 5.5, Gini 0.5 → 0.32 (gain 0.18), entropy 1 → 0.722 bits (gain 0.278)', async () => {
  const { computations } = await import('../web/js/check-computations.js');
  const points = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const labels = [0, 0, 1, 0, 0, 1, 1, 0, 1, 1];
  const gini = computations['tree-split'](ml, { points, labels, criterion: 0 });
  const near = (a, b, tol = 1e-12) => assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);
  near(gini.impurity, 0.5); near(gini.threshold, 5.5); near(gini.childImpurity, 0.32); near(gini.gain, 0.18);
  const entropy = computations['tree-split'](ml, { points, labels, criterion: 1 });
  near(entropy.impurity, 1); near(entropy.threshold, 5.5);
  assert.equal(entropy.childImpurity.toFixed(3), '0.722');
  assert.equal(entropy.gain.toFixed(3), '0.278');
  // the two children alone, and the cut at 2.5 for comparison
  const imp = (l, criterion = 0) => computations['tree-split'](ml, { labels: l, criterion }).impurity;
  near(imp([0, 0, 0, 0, 1]), 0.32); near(imp([1, 1, 1, 1, 0]), 0.32);
  assert.equal(imp([0, 0, 0, 0, 1], 1).toFixed(3), '0.722');
  const right = imp([1, 0, 0, 1, 1, 0, 1, 1]);
  near(right, 1 - 34 / 64);
  assert.equal(right.toFixed(3), '0.469');
  near(0.8 * right, 0.375);
});

test('check-yourself: 6 orange, 2 blue → Gini 1 − (0.75² + 0.25²) = 0.375', async () => {
  const { computations } = await import('../web/js/check-computations.js');
  assert.ok(Math.abs(computations['tree-split'](ml, { labels: [0, 0, 0, 0, 0, 0, 1, 1] }).impurity - 0.375) < 1e-12);
});

test('Gini and entropy part ways on O O O O B O O B: the table\'s numbers, and each criterion\'s cut', () => {
  const points = [1, 2, 3, 4, 5, 6, 7, 8];
  const labels = [0, 0, 0, 0, 1, 0, 0, 1];
  const close = (a, b, tol = 5e-4) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);
  const gini = computations['tree-split'](ml, { points, labels, criterion: 0 });
  const entropy = computations['tree-split'](ml, { points, labels, criterion: 1 });
  close(gini.impurity, 0.375, 1e-12);
  close(entropy.impurity, 0.811);
  close(0.75 * Math.log2(1 / 0.75), 0.311);
  assert.equal(gini.threshold, 7.5);
  assert.equal(entropy.threshold, 4.5);
  close(gini.childImpurity, 0.214);
  close(entropy.childImpurity, 0.5, 1e-12);
  close(gini.gain, 0.161);
  close(entropy.gain, 0.311);
  // The rows of the table: each criterion's score of the other's cut (children scored by the engine).
  const node = (criterion, y) => { const t = new ml.DecisionTree(); try { t.setCriterion(criterion); t.setData(y.map((_, i) => i), 1, y); return t.loss(); } finally { t.delete(); } };
  close(node('gini', [0, 0, 0, 0, 0, 0, 1]), 12 / 49, 1e-12);
  close(12 / 49, 0.245);
  close(node('entropy', [0, 0, 0, 0, 0, 0, 1]), 0.592);
  close(node('gini', [1, 0, 0, 1]), 0.5, 1e-12);
  assert.equal(node('entropy', [1, 0, 0, 1]), 1);
  close(0.5 * node('gini', [1, 0, 0, 1]), 0.25, 1e-12);
  close((7 / 8) * node('entropy', [0, 0, 0, 0, 0, 0, 1]), 0.518);
  close(entropy.impurity - (7 / 8) * node('entropy', [0, 0, 0, 0, 0, 0, 1]), 0.294);
  close(0.375 - 0.25, 0.125, 1e-12);
  close(node('entropy', [0, 0, 0, 0, 0, 0, 1]) / node('gini', [0, 0, 0, 0, 0, 0, 1]), 2.4, 0.05);
});

test('the widget\'s first-cut line: moons seed 4 both cut x₂ ≤ 0.40; XOR seed 3 Gini x₁ ≤ −0.23, entropy x₂ ≤ 1.08', () => {
  const first = (name, d) => {
    const t = new ml.DecisionTree();
    try { t.setCriterion(name); t.setMaxDepth(1); t.setData(d.X, 2, d.y); t.fit(1); const n = t.nodes(); return { feature: n[0], threshold: n[1] }; } finally { t.delete(); }
  };
  const moons = makeDataset(ml, 'moons', 120, 0.3, 4);
  const [mg, me] = [first('gini', moons), first('entropy', moons)];
  assert.deepEqual(mg, me);
  assert.equal(mg.feature, 1);
  assert.equal(mg.threshold.toFixed(2), '0.40');
  const xor = makeDataset(ml, 'xor', 120, 0.3, 3);
  const [xg, xe] = [first('gini', xor), first('entropy', xor)];
  assert.equal(xg.feature, 0);
  assert.equal(xg.threshold.toFixed(2), '-0.23');
  assert.equal(xe.feature, 1);
  assert.equal(xe.threshold.toFixed(2), '1.08');
  // With entropy chosen, the tree's loss (the readout) is the leaves' weighted entropy in bits.
  const t = new ml.DecisionTree();
  try {
    t.setCriterion('entropy');
    t.setData([0, 1, 2, 3], 1, [0, 0, 1, 0]);
    close1(t.loss(), -(0.75 * Math.log2(0.75) + 0.25 * Math.log2(0.25)));
  } finally { t.delete(); }
});

// Greed, both ways. Sixteen XOR points (four at each corner of (±1, ±1), class 0 where x₁ = x₂)
// plus six class-0 points at (3, 1): the cut x₁ ≤ 0 would let one cut under each side make every
// box pure, but it lowers the Gini only from 0.463 to 0.442, and x₁ ≤ 2 (to 0.364) looks better now,
// so the tree takes x₁ ≤ 2 and stays mixed at depth 2. On the widget's XOR points every first cut
// looks poor, and the one it takes (0.498 → 0.483) happens to pay off.
test('the tree never looks ahead: a cut that would enable pure boxes loses to a cut that looks better now', () => {
  const lesson = readFileSync(new URL('./decision-trees.md', import.meta.url), 'utf8');
  assert.match(lesson, /The tree never looks ahead: only how much this one cut lowers the impurity counts, not how good the cuts under it could become\. So a cut that looks poor now but would enable great cuts later loses to any cut that looks better now; it is taken only when nothing looks better\./);
  assert.doesNotMatch(lesson, /as on the XOR points further down/, 'the XOR prediction below is not given away');
  assert.match(lesson, /would let the next cuts separate the classes well loses to any cut that looks better now\. What it would enable later plays no part\./);
  assert.doesNotMatch(lesson, /is never chosen|is passed over/);
  const X = [], y = [];
  for (const [a, b] of [[-1, -1], [1, 1], [-1, 1], [1, -1]]) for (let k = 0; k < 4; k++) { X.push(a, b); y.push(a === b ? 0 : 1); }
  for (let k = 0; k < 6; k++) { X.push(3, 1); y.push(0); }
  const n = y.length;
  const gini = (labels) => { const p = labels.filter((v) => v === 1).length / labels.length; return 1 - p * p - (1 - p) * (1 - p); };
  const after = (feature, threshold) => {
    const left = y.filter((_, i) => X[2 * i + feature] <= threshold), right = y.filter((_, i) => X[2 * i + feature] > threshold);
    return (left.length * gini(left) + right.length * gini(right)) / n;
  };
  assert.equal(gini(y).toFixed(3), '0.463');
  assert.equal(after(0, 0).toFixed(3), '0.442');
  assert.equal(after(0, 2).toFixed(3), '0.364');
  // The far-sighted tree: x₁ ≤ 0, then x₂ ≤ 0 on each side, puts every point in a pure box.
  const leafOf = (i) => `${X[2 * i] <= 0}${X[2 * i + 1] <= 0}`;
  const boxes = {};
  for (let i = 0; i < n; i++) (boxes[leafOf(i)] ||= new Set()).add(y[i]);
  assert.ok(Object.values(boxes).every((labels) => labels.size === 1), 'every box pure at depth 2');
  const t = new ml.DecisionTree();
  try {
    t.setCriterion('gini'); t.setMaxDepth(2); t.setData(X, 2, y); t.fit(100000);
    const nodes = t.nodes();
    assert.equal(nodes[0], 0, 'the greedy tree cuts x₁ first');
    assert.ok(nodes[1] > 1 && nodes[1] < 3, `at the cut that looks best now (x₁ ≤ ${nodes[1]}), not at 0`);
    assert.ok(t.score(X, y) < 1, `and at depth 2 its boxes are not all pure (${t.score(X, y)})`);
  } finally { t.delete(); }
});

function close1(a, b) { assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`); }

test('predict, then check: from depth 2 (91.5%) to pure at depth 7 (89.5%) the widget says "lower" (more than 1 point down)', () => {
  const train = makeDataset(ml, 'moons', 120, 0.3, 4);
  const testSet = makeDataset(ml, 'moons', 200, 0.3, 1004);
  const t = new ml.DecisionTree();
  try {
    t.setData(train.X, 2, train.y);
    const at = (depth) => { t.setMaxDepth(depth); t.reset(4); t.fit(100000); return { purity: t.score(train.X, train.y), test: t.score(testSet.X, testSet.y) }; };
    const two = at(2);
    const seven = at(7);
    assert.ok(two.purity < 0.999);
    assert.equal(seven.purity, 1);
    assert.equal((two.test * 100).toFixed(1), '91.5');
    assert.equal((seven.test * 100).toFixed(1), '89.5');
    const d = seven.test - two.test;
    const outcome = Math.abs(d) < 0.01 ? 'same' : d > 0 ? 'higher' : 'lower';
    assert.equal(outcome, 'lower');
  } finally {
    t.delete();
  }
});

// The moons box after the lesson's own path: the paragraph under the first widget has the learner
// switch its impurity to entropy, and the box's two reveals give the Gini tree's numbers, which
// entropy's tree does not reproduce (89.0% at depth 2, beaten by 91.5% at depth 3; pure at depth 9
// with 21 leaves, 88.5%: "the same"). So the widget judges the box only under Gini, and the
// paragraph before the box names Gini as the setting to restore, before the depth of 2.
test('moons box: the lesson switches the first widget to entropy, then names Gini again before the box, whose reveals are Gini\'s only', () => {
  const train = makeDataset(ml, 'moons', 120, 0.3, 4);
  const testSet = makeDataset(ml, 'moons', 200, 0.3, 1004);
  const t = new ml.DecisionTree();
  const grown = (criterion, depth) => {
    t.setCriterion(criterion); t.setMaxDepth(depth); t.reset(4); t.fit(100000);
    return { depth: t.depth(), leaves: t.leafCount(), purity: t.score(train.X, train.y), test: (100 * t.score(testSet.X, testSet.y)).toFixed(1) };
  };
  try {
    t.setData(train.X, 2, train.y);
    // Under entropy the reveals would be false: a deeper tree beats depth 2, and the pure tree is
    // another one, one point or less from depth 2.
    assert.equal(grown('entropy', 2).test, '89.0');
    assert.equal(grown('entropy', 3).test, '91.5');
    const e = grown('entropy', 12);
    assert.deepEqual([e.purity, e.depth, e.leaves, e.test], [1, 9, 21, '88.5']);
    assert.ok(Math.abs(Number(e.test) - 89.0) <= 1, 'entropy\'s outcome is "the same", not the lesson\'s "lower"');
    assert.equal(grown('gini', 2).test, '91.5');
  } finally { t.delete(); }
  const lesson = readFileSync(new URL('./decision-trees.md', import.meta.url), 'utf8');
  const widgetAt = lesson.indexOf('::: widget tree-splits seed=4 depth=3');
  const toEntropy = lesson.indexOf('Switch **impurity** to entropy and the tree is regrown');
  const box = lesson.indexOf('**Predict, then check.** Go back to the first widget.');
  assert.ok(widgetAt > 0 && toEntropy > widgetAt && box > toEntropy, 'the entropy step comes between the first widget and its box');
  const paragraph = lesson.slice(box, lesson.indexOf('\n', box));
  const restore = paragraph.indexOf('If you switched its **impurity** to entropy above, set it back to Gini: this box and the numbers that open under it are about the tree that Gini grows, and under entropy the box will not take a prediction.');
  const depthTwo = paragraph.indexOf('Then set the max depth to 2 and let the tree finish growing.');
  assert.ok(restore > 0 && depthTwo > restore, paragraph);
  // Both reveals of the box say Gini's numbers, the first naming the Gini tree.
  const reveals = [...lesson.matchAll(/::: reveal predict=tree-grow-pure-moons\n([^\n]*)\n:::/g)].map((m) => m[1]);
  assert.equal(reveals.length, 2);
  assert.match(reveals[0], /^On the first widget's points the Gini tree's test accuracy climbs from 84\.0% at depth 1 to 91\.5% at depth 2, then wobbles between 86\.5% and 91\.5%: deeper trees never beat depth 2\.$/);
  assert.match(reveals[1], /^That happens at depth 7, with 20 leaves, and the test accuracy ends at 89\.5%, two points below the 91\.5% of depth 2\.$/);
});

// "Pure at depth N" in the verdict is the grown tree's depth (the depth readout), not the max-depth
// slider: raised straight to 12, the Gini tree stops at depth 7 with 20 leaves, as the reveal says.
test('the pure Gini tree stops at depth 7 for every max depth from 7 to 12', () => {
  const train = makeDataset(ml, 'moons', 120, 0.3, 4);
  const t = new ml.DecisionTree();
  try {
    t.setData(train.X, 2, train.y);
    for (const max of [6, 7, 8, 12]) {
      t.setMaxDepth(max); t.reset(4); t.fit(100000);
      assert.equal(t.depth(), Math.min(max, 7), `max depth ${max}`);
      assert.equal(t.score(train.X, train.y) === 1, max >= 7);
      if (max >= 7) assert.equal(t.leafCount(), 20);
    }
  } finally { t.delete(); }
});

// The XOR widget (seed 3, dataset xor, depth 1; the widget's other defaults: 120 points, noise 0.3,
// 200 test points from seed 1003, tree reset(3)) and its own "Predict, then check" box: set up
// before the widget, answered in the reveal after it.
test('XOR box: one cut leaves both sides mixed (48.0%, Gini 0.498 → 0.483); depth 2 reaches 0.103 and 84.0%; pure at depth 5 with 10 leaves, 87.0% (higher); entropy 54.0% → 84.0%, pure at depth 7', async () => {
  const fs = await import('node:fs');
  const { schema } = await import('../dist/widgets/tree-splits.js');
  assert.equal(schema.points.default, 120);
  assert.equal(schema.noise.default, 0.3);
  const train = makeDataset(ml, 'xor', 120, 0.3, 3);
  const testSet = makeDataset(ml, 'xor', 200, 0.3, 1003);
  const t = new ml.DecisionTree();
  const grown = (criterion, depth) => {
    t.setCriterion(criterion); t.setMaxDepth(depth); t.reset(3); t.fit(100000);
    return { purity: t.score(train.X, train.y), test: (100 * t.score(testSet.X, testSet.y)).toFixed(1), impurity: t.loss(), leaves: t.leafCount() };
  };
  // The first depth at which every box is pure.
  const pure = (criterion) => { for (let depth = 1; depth <= 12; depth++) { const g = grown(criterion, depth); if (g.purity === 1) return { depth, ...g }; } return null; };
  try {
    t.setData(train.X, 2, train.y);
    t.setMaxDepth(12); t.reset(3);
    assert.equal(t.loss().toFixed(3), '0.498');
    const one = grown('gini', 1);
    assert.equal(one.test, '48.0');
    assert.ok(one.test < 50, 'below a coin toss');
    assert.equal(one.impurity.toFixed(3), '0.483');
    // Both sides of the one cut close to half and half: each child's Gini is near the 0.5 maximum.
    const nodes = Array.from(t.nodes());
    assert.equal(nodes.length, 3 * 7);
    assert.ok(nodes[7 + 5] > 0.46 && nodes[14 + 5] > 0.46, `children ${nodes[12]} and ${nodes[19]}`);
    const two = grown('gini', 2);
    assert.equal(two.impurity.toFixed(3), '0.103');
    assert.equal(two.test, '84.0');
    const g = pure('gini');
    assert.deepEqual([g.depth, g.leaves, g.test], [5, 10, '87.0']);
    assert.equal(Number(g.test) - Number(one.test), 39);
    assert.ok(Number(g.test) - Number(one.test) > 1, 'the box\'s "higher" (more than 1 point up)');
    assert.equal(grown('entropy', 1).test, '54.0');
    const e = pure('entropy');
    assert.deepEqual([e.depth, e.test], [7, '84.0']);
    assert.ok(Number(e.test) - 54 > 1, 'higher with entropy too');
  } finally { t.delete(); }
  const lesson = fs.readFileSync(new URL('./decision-trees.md', import.meta.url), 'utf8');
  const widgetAt = lesson.indexOf('::: widget tree-splits seed=3 dataset=xor depth=1');
  assert.ok(widgetAt > 0);
  const setup = lesson.slice(0, widgetAt);
  assert.match(setup, /\*\*Predict, then check\.\*\* On XOR each class fills two opposite corners, so one straight cut leaves both of its sides mixed\. This widget has a \*Predict, then check\* box of its own: .*higher, about the same \(within one percentage point\) or lower once the tree is grown until every box is pure\? The box judges the tree that Gini grows, so if you left \*\*impurity\*\* on entropy, set it back to Gini first\. Then lock in your answer at depth 1/);
  assert.doesNotMatch(setup, /87\.0%/);
  const after = lesson.slice(widgetAt);
  assert.match(after, /^::: widget tree-splits seed=3 dataset=xor depth=1\n\n::: reveal predict=tree-grow-pure-xor\nHere growing pays\. With Gini, the one cut scores 48\.0% on the fresh points, below the 50% of a coin toss, and lowers the impurity only from 0\.498 to 0\.483: both of its sides stay close to half and half\. .* the two cuts under it bring the impurity down to 0\.103 and the test accuracy up to 84\.0% at depth 2\. Pure at depth 5, with 10 leaves, the tree ends at 87\.0%, 39 points above its start\. With entropy the answer is the same: from 54\.0% to 84\.0%, pure at depth 7\.\n:::\n/);
});

// "Depth is the complexity knob" reads the first widget's leaves (moons, seed 4): how many training
// points each leaf rests on, counted as tree-splits counts them for its warning (a leaf of one or
// two points), with purity and test accuracy at depths 1, 2 and 7.
test('depth knob: depth 1 has leaves of 50 and 70 points (80.0% purity, 84.0% test); at depth 7, 8 of 20 leaves rest on one or two points (100%, 89.5% < 91.5%)', () => {
  const train = makeDataset(ml, 'moons', 120, 0.3, 4);
  const testSet = makeDataset(ml, 'moons', 200, 0.3, 1004);
  const t = new ml.DecisionTree();
  const NODE = 7; // tree-splits.js: feature, threshold, left, right, value, impurity, samples
  const pct = (v) => (v * 100).toFixed(1);
  const at = (depth) => {
    t.setMaxDepth(depth); t.reset(4); t.fit(100000);
    const raw = t.nodes(), sizes = [];
    for (let k = 0; k + NODE - 1 < raw.length; k += NODE) if (raw[k] < 0) sizes.push(raw[k + 6]);
    return { depth: t.depth(), leaves: t.leafCount(), sizes: sizes.sort((a, b) => a - b), purity: pct(t.score(train.X, train.y)), test: pct(t.score(testSet.X, testSet.y)) };
  };
  let one, two, seven;
  try {
    t.setData(train.X, 2, train.y);
    [one, two, seven] = [at(1), at(2), at(7)];
  } finally { t.delete(); }
  assert.deepEqual(one.sizes, [50, 70]);
  assert.deepEqual([one.purity, one.test], ['80.0', '84.0']);
  assert.equal(two.test, '91.5');
  assert.deepEqual([seven.depth, seven.leaves, seven.purity, seven.test], [7, 20, '100.0', '89.5']);
  assert.equal(seven.sizes.filter((s) => s <= 2).length, 8);
  assert.ok(seven.sizes.includes(1), 'some leaves rest on a single point');
  const lesson = readFileSync(new URL('./decision-trees.md', import.meta.url), 'utf8');
  assert.match(lesson, /At depth 1 its two leaves answer for 50 and 70 points, but one cut cannot follow the curve of the moons: purity stays at 80\.0%, test accuracy at 84\.0%, and the tree \*\*underfits\*\*\. At depth 7 it has 20 leaves, and 8 of them rest on one or two training points each\./);
  assert.match(lesson, /Purity reaches 100%, yet test accuracy sits at 89\.5%, below the 91\.5% of depth 2: the tree \*\*overfits\*\*\./);
});
