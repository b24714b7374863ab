// Claims of the loss-functions lesson, checked against the engine with the loss-penalties
// widget's defaults (target 2, prediction 3, probability 0.7, label 1; the probability handle is
// clamped to [0.001, 0.999]) and the worked gradient example (y = 1, z = −4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';

const close = (got, want, tol, what) => assert.ok(Math.abs(got - want) <= tol, `${what}: ${got} vs ${want}`);

test('squared error: a miss of 2 costs four times a miss of 1; the widget starts at 1.000', () => {
  const one = ml.meanSquaredError([2], [3]);
  assert.equal(one, 1);
  assert.equal(ml.meanSquaredError([2], [4]), 4 * one);
  assert.equal(ml.meanSquaredError([2], [0]), 4 * one); // misses in either direction cost the same
});

test('cross-entropy costs quoted in the lesson', () => {
  close(ml.logLoss([1], [0.5]), Math.LN2, 1e-12, 'p = 0.5');
  assert.equal(ml.logLoss([1], [0.5]).toFixed(3), '0.693');
  assert.equal(ml.logLoss([1], [0.1]).toFixed(1), '2.3');
  assert.equal(ml.logLoss([1], [0]).toFixed(1), '34.5');     // clipped at 1e-15
  assert.equal(ml.logLoss([0], [1]).toFixed(1), '34.5');
  assert.equal(ml.logLoss([1], [0.7]).toFixed(3), '0.357');  // the widget's starting point
  assert.equal(ml.logLoss([1], [0.001]).toFixed(2), '6.91'); // the widget's wrong-end stop
  // Only the term of the true class counts: the class-0 cost at p is the class-1 cost at 1 − p.
  close(ml.logLoss([0], [0.7]), ml.logLoss([1], [0.3]), 1e-12, 'symmetry');
});

test('cross-entropy is nearly flat while right and steep while confidently wrong', () => {
  const rightSide = ml.logLoss([1], [0.9]) - ml.logLoss([1], [0.99]);
  const wrongSide = ml.logLoss([1], [0.01]) - ml.logLoss([1], [0.1]);
  assert.ok(rightSide < 0.1, `right side rises ${rightSide}`);
  assert.ok(wrongSide > 20 * rightSide, `wrong side rises ${wrongSide}`);
  // A probability is at most 1 from a 0/1 label, so squared error on it never exceeds 1.
  assert.ok(ml.meanSquaredError([1], [0.001]) < 1);
});

// Slope with respect to the score z of a one-example loss evaluated by the engine, by central
// differences through the engine's sigmoid.
function slopeInZ(loss, y, z, h = 1e-5) {
  const [pPlus, pMinus] = ml.activationCurve('sigmoid', [z + h, z - h]).value;
  return (loss([y], [pPlus]) - loss([y], [pMinus])) / (2 * h);
}

test('worked example y = 1, z = −4: squared error flattens in z, cross-entropy does not', () => {
  const curve = ml.activationCurve('sigmoid', [-4, 0]);
  const p = curve.value[0];
  const dp = curve.derivative[0];
  assert.equal(p.toFixed(4), '0.0180');
  assert.equal(dp.toFixed(4), '0.0177');
  close(dp, p * (1 - p), 1e-12, "σ'(z) = σ(1 − σ)");
  // Closed forms from the lesson, checked against finite differences of the engine's losses.
  const squared = 2 * (p - 1) * dp;
  const crossEntropy = p - 1;
  close(slopeInZ(ml.meanSquaredError, 1, -4), squared, 1e-7, 'squared error slope');
  close(slopeInZ(ml.logLoss, 1, -4), crossEntropy, 1e-7, 'cross-entropy slope');
  assert.equal(squared.toFixed(4), '-0.0347');
  assert.equal(crossEntropy.toFixed(3), '-0.982');
  assert.equal(Math.round(crossEntropy / squared), 28);
  // In the probability, the squared-error slope 2(p − y) is near its largest here, not flat.
  assert.ok(Math.abs(2 * (p - 1)) > 1.9);
  // At z = 0: −0.25 and −0.5; squared error pushes the confident mistake ~7× less.
  const sq0 = slopeInZ(ml.meanSquaredError, 1, 0);
  const ce0 = slopeInZ(ml.logLoss, 1, 0);
  close(sq0, -0.25, 1e-7, 'squared error at z = 0');
  close(ce0, -0.5, 1e-7, 'cross-entropy at z = 0');
  assert.equal(Math.round(sq0 / squared), 7);
  assert.equal(Math.round(crossEntropy / ce0), 2);
});

test('worked example: rents 2, 5, 4 predicted 3, 5, 2 give MSE 5/3, four fifths from the one miss of 2', () => {
  const mse = ml.meanSquaredError([2, 5, 4], [3, 5, 2]);
  close(mse, 5 / 3, 1e-12, 'MSE');
  assert.equal(mse.toFixed(3), '1.667');
  close(ml.meanSquaredError([4], [2]) / 3 / mse, 4 / 5, 1e-12, 'share of the miss of 2');
});

test('worked example: score z = 2 → p ≈ 0.881 → log loss 0.127 (y = 1) or 2.127 (y = 0)', () => {
  const p = ml.activationCurve('sigmoid', [2]).value[0];
  assert.equal(Math.exp(-2).toFixed(3), '0.135');
  assert.equal(p.toFixed(3), '0.881');
  const right = ml.logLoss([1], [p]);
  const wrong = ml.logLoss([0], [p]);
  assert.equal(right.toFixed(3), '0.127');
  assert.equal((1 - p).toFixed(3), '0.119');
  assert.equal(wrong.toFixed(3), '2.127');
  assert.ok(wrong / right > 16 && wrong / right < 17, `ratio ${wrong / right}`);
  // The widget's probability handle at 0.881 with label 1 reads the same cost.
  assert.equal(ml.logLoss([1], [0.881]).toFixed(3), '0.127');
  // The keys step the handle by 0.01 (0.001 only beyond 0.98): 0.7 + 18 × 0.01 = 0.88 reads 0.128.
  let q = 0.7;
  for (let i = 0; i < 18; i++) q = Number(Math.min(0.999, q + 0.01).toFixed(3));
  assert.equal(q, 0.88);
  assert.equal(ml.logLoss([1], [q]).toFixed(3), '0.128');
});

test('check-yourself: z = −1, y = 1 costs about 1.313, about twice a 50/50 guess; MSE of the four predictions is 1.5', async () => {
  const { computations: base } = await import('../web/js/check-computations.js');
  const r = base.logistic(ml, { z: -1, y: 1 });
  close(r.p, 1 / (1 + Math.E), 1e-12, 'σ(−1)');
  close(r.loss, Math.log(1 + Math.E), 1e-12, 'log loss');
  assert.equal(r.p.toFixed(3), '0.269');
  assert.equal(Math.round(r.loss / Math.LN2), 2);
  close(base.logistic(ml, { z: 2, y: 0 }).loss, 2 + Math.log(1 + Math.exp(-2)), 1e-12, 'y = 0 branch');
  assert.equal(ml.meanSquaredError([3, 0, 2, 5], [1, 1, 2, 4]), 1.5);
  assert.throws(() => base.logistic(ml, { z: 0, y: 2 }), /y= 0 or 1/);
});

test('check-yourself: at z = −4 the squared-error push is about 0.035 through a sigmoid slope of about 0.018', () => {
  const { value: [p], derivative: [dp] } = ml.activationCurve('sigmoid', [-4]);
  assert.equal(dp.toFixed(3), '0.018');
  assert.equal(Math.abs(2 * (p - 1) * dp).toFixed(3), '0.035');
  assert.equal((p - 1).toFixed(2), '-0.98');
});

test('predict, then check: 0.7 → 0.5 costs 0.357 → 0.693; at 0.01 the cost is 4.61, over six times a 50/50 guess, while squared error is 0.98', () => {
  assert.equal(ml.logLoss([1], [0.7]).toFixed(3), '0.357');
  assert.equal(ml.logLoss([1], [0.5]).toFixed(3), '0.693');
  const cost = ml.logLoss([1], [0.01]);
  assert.equal(cost.toFixed(2), '4.61');
  assert.ok(cost / ml.logLoss([1], [0.5]) > 6 && cost / ml.logLoss([1], [0.5]) < 7);
  assert.equal(ml.meanSquaredError([1], [0.01]).toFixed(2), '0.98');
  assert.equal(ml.logLoss([0], [0.99]).toFixed(2), '4.61'); // the same for a true class 0
});

// The predict box asks for the cost at 1%: the text a learner reads before it must not state it.
test('the lesson does not state the cost at p = 0.01 before its predict box', () => {
  const lesson = fs.readFileSync(new URL('./loss-functions.md', import.meta.url), 'utf8');
  const before = lesson.slice(0, lesson.indexOf('**Predict, then check.**'));
  assert.ok(before.length > 1000, 'the predict box paragraph is in the lesson');
  assert.doesNotMatch(before, /0\.01 costs|\b4\.6\d?\b/);
});

// The opening sentence says "most models", and names the exceptions the later lessons teach.
test('not every model is trained by pushing a loss down: k-NN fits no parameters, a tree grows cut by cut', () => {
  const read = (name) => fs.readFileSync(new URL(`./${name}.md`, import.meta.url), 'utf8');
  const lesson = read('loss-functions');
  assert.match(lesson, /^Most models in this course are trained the same way: score the model's current parameters with a single number, larger for worse, and adjust the parameters to push that number down\. That number is the \*\*loss\*\*\. \(Two exceptions, both met in \[train vs test\]\(train-vs-test\.html\) and each given its own lesson later: k-nearest neighbours fits no parameters at all, and a decision tree is grown one cut at a time\.\)/m);
  // Both are met before this lesson, in train-vs-test's model menu.
  assert.match(read('train-vs-test'), /\*\*k-nearest neighbours\*\*/);
  assert.match(read('train-vs-test'), /decision tree/);
  assert.doesNotMatch(lesson, /Every model in this course is trained the same way/);
  assert.match(read('knn'), /It does not fit any parameters\./);
  assert.match(read('decision-trees'), /The tree never looks ahead/);
});

test('regression\'s loss is introduced with the lesson\'s own examples of an amount', () => {
  const lesson = fs.readFileSync(new URL('./loss-functions.md', import.meta.url), 'utf8');
  assert.match(lesson, /When the answer is an amount, such as minutes of delay or kilowatt-hours used, the usual choice is the mean squared error:/);
  assert.doesNotMatch(lesson, /a price, a temperature/);
});
