// Claims of the roc-curves lesson, checked against the engine with the roc-sweep widget's
// defaults (web/widgets/roc-sweep.js + course3/common.js scoredExamples: 80 points, seed 5,
// spread 2.0 for Easy and 5.0 for Hard; a LogisticRegression (η 0.5, 4000 steps) trained on
// makeBlobs(seed) scores makeBlobs(seed + 7919)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';

function scoredExamples(points, spread, seed) {
  return ml.scoped((track) => {
    const model = track(new ml.LogisticRegression());
    const train = ml.makeBlobs(points, 2, spread, seed);
    const test = ml.makeBlobs(points, 2, spread, (seed + 7919) >>> 0);
    model.setData(train.X, train.cols, train.y);
    model.setLearningRate(0.5);
    model.fit(4000);
    const proba = model.predictProba(test.X);
    const scores = new Float64Array(test.rows);
    for (let i = 0; i < test.rows; i++) scores[i] = proba[2 * i + 1];
    return { y: Float64Array.from(test.y), scores };
  });
}

const easy = scoredExamples(80, 2.0, 5);
const hard = scoredExamples(80, 5.0, 5);

test('80 examples, 40 of each class, 80 different scores: the ROC curve has 81 points from (0, 0) to (1, 1)', () => {
  for (const d of [easy, hard]) {
    assert.equal(d.y.reduce((a, b) => a + b, 0), 40);
    assert.equal(new Set(d.scores).size, 80);
    const roc = ml.rocCurve(d.y, d.scores);
    assert.equal(roc.fpr.length, 81);
    assert.deepEqual([roc.fpr[0], roc.tpr[0]], [0, 0]);
    assert.deepEqual([roc.fpr[80], roc.tpr[80]], [1, 1]);
    // Each step passes one example: a positive raises TPR only, a negative FPR only.
    for (let k = 1; k <= 80; k++) {
      const dt = roc.tpr[k] - roc.tpr[k - 1];
      const df = roc.fpr[k] - roc.fpr[k - 1];
      assert.ok((Math.abs(dt - 1 / 40) < 1e-12 && df === 0) || (Math.abs(df - 1 / 40) < 1e-12 && dt === 0), `step ${k}`);
    }
  }
});

test('Easy vs Hard: AUC 0.983 → 0.752 (as the widget prints it), average precision 0.983 → 0.749', () => {
  assert.equal(ml.rocAuc(easy.y, easy.scores).toFixed(3), '0.983');
  assert.equal(ml.rocAuc(hard.y, hard.scores).toFixed(3), '0.752');
  assert.equal(ml.averagePrecision(easy.y, easy.scores).toFixed(3), '0.983');
  assert.equal(ml.averagePrecision(hard.y, hard.scores).toFixed(3), '0.749');
});

test('AUC = trapezoid area under the ROC = chance a positive outscores a negative (ties half)', () => {
  for (const d of [easy, hard]) {
    const roc = ml.rocCurve(d.y, d.scores);
    const auc = ml.rocAuc(d.y, d.scores);
    assert.ok(Math.abs(ml.trapezoidArea(roc.fpr, roc.tpr) - auc) < 1e-12);
    assert.ok(Math.abs(ml.mannWhitneyAuc(d.y, d.scores) - auc) < 1e-12);
    let wins = 0;
    let pairs = 0;
    for (let i = 0; i < 80; i++) for (let j = 0; j < 80; j++) {
      if (d.y[i] === 1 && d.y[j] === 0) { pairs++; wins += d.scores[i] > d.scores[j] ? 1 : d.scores[i] === d.scores[j] ? 0.5 : 0; }
    }
    assert.ok(Math.abs(wins / pairs - auc) < 1e-12);
  }
  const y = [0, 0, 1, 1];
  assert.equal(ml.rocAuc(y, [0.1, 0.2, 0.8, 0.9]), 1);       // a perfect ranking
  assert.equal(ml.rocAuc(y, [0.5, 0.5, 0.5, 0.5]), 0.5);     // no information: ties count half
});

test('AP = Σ (R_k − R_{k−1}) P_k over the precision–recall curve', () => {
  for (const d of [easy, hard]) {
    const pr = ml.precisionRecallCurve(d.y, d.scores);
    // The engine lists thresholds from lenient to strict; walk from strict (recall 0) to lenient.
    let ap = 0;
    for (let k = pr.recall.length - 2; k >= 0; k--) ap += (pr.recall[k] - pr.recall[k + 1]) * pr.precision[k];
    assert.ok(Math.abs(ap - ml.averagePrecision(d.y, d.scores)) < 1e-12);
  }
});

test('rare positives: FPR 0.02 while precision is about 0.29', () => {
  // 10 spam among 1010 emails; the filter flags 8 spam and 20 innocent ones.
  const y = [...Array(10).fill(1), ...Array(1000).fill(0)];
  const flagged = [...Array(8).fill(1), ...Array(2).fill(0), ...Array(20).fill(1), ...Array(980).fill(0)];
  assert.ok(Math.abs(1 - ml.specificity(y, flagged) - 0.02) < 1e-12);
  assert.equal(ml.precision(y, flagged).toFixed(2), '0.29');
});
