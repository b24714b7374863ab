// Claims of the roc-curves lesson, checked against the engine with the roc-sweep widget's
// defaults (web/widgets/roc-sweep.js + web/lib/scores.js scoredExamples: 80 points, seed 5,
// spread 2.0 for Easy and 5.0 for Hard; a LogisticRegression (η 0.5, 4000 steps) trained on
// makeBlobs(seed) scores makeBlobs(seed + 7919)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { scoredExamples } from '../web/lib/scores.js';
import { formatNumber, readShown } from '../web/lib/format.js';


const easy = scoredExamples(ml, { points: 80, spread: 2.0, seed: 5 });
const hard = scoredExamples(ml, { points: 80, spread: 5.0, seed: 5 });

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

test('Easy vs Hard: AUC 0.983 → 0.753 (as the widget prints it: the Hard AUC is exactly 0.7525), average precision 0.983 → 0.749', () => {
  assert.equal(formatNumber(ml.rocAuc(easy.y, easy.scores), 3), '0.983');
  assert.equal(ml.rocAuc(hard.y, hard.scores), 0.7525);
  assert.equal(formatNumber(ml.rocAuc(hard.y, hard.scores), 3), '0.753');
  assert.equal(formatNumber(ml.averagePrecision(easy.y, easy.scores), 3), '0.983');
  assert.equal(formatNumber(ml.averagePrecision(hard.y, hard.scores), 3), '0.749');
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

// The lesson's six worked examples: positives 0.9, 0.7, 0.4; negatives 0.8, 0.4, 0.2.
const six = { y: [1, 1, 1, 0, 0, 0], scores: [0.9, 0.7, 0.4, 0.8, 0.4, 0.2] };

test('worked example, six examples: at t = 0.5, TP 2, FN 1, FP 1, TN 2, so FPR 1/3 and TPR 2/3', () => {
  assert.deepEqual(ml.confusionAtThreshold(six.y, six.scores, 0.5), { tp: 2, fp: 1, tn: 2, fn: 1 });
  const roc = ml.rocCurve(six.y, six.scores);
  const k = Array.from(roc.fpr).findIndex((f, i) => Math.abs(f - 1 / 3) < 1e-12 && Math.abs(roc.tpr[i] - 2 / 3) < 1e-12);
  assert.ok(k > 0, 'the point (1/3, 2/3) is on the curve');
});

test('worked example: 6.5 pairs won of 9, AUC 0.722 by counting, by the engine and by trapezoids; the tie is a diagonal step', async () => {
  let wins = 0;
  for (const p of [0.9, 0.7, 0.4]) for (const n of [0.8, 0.4, 0.2]) wins += p > n ? 1 : p === n ? 0.5 : 0;
  assert.equal(wins, 6.5);
  const { computations } = await import('../web/js/check-computations/metrics.js');
  const r = computations.ranking(ml, six);
  assert.ok(Math.abs(r.pairs - 6.5 / 9) < 1e-12);
  assert.ok(Math.abs(r.auc - 6.5 / 9) < 1e-12);
  assert.equal(r.auc.toFixed(3), '0.722');
  const roc = ml.rocCurve(six.y, six.scores);
  assert.ok(Math.abs(ml.trapezoidArea(roc.fpr, roc.tpr) - 6.5 / 9) < 1e-12);
  let diagonal = 0;
  for (let k = 1; k < roc.fpr.length; k++) if (roc.fpr[k] > roc.fpr[k - 1] && roc.tpr[k] > roc.tpr[k - 1]) diagonal++;
  assert.equal(diagonal, 1, 'exactly one diagonal step, at the tie');
});

test('worked example: AP = 1/3·1 + 1/3·2/3 + 1/3·3/5 ≈ 0.756 on the six examples', async () => {
  const { computations } = await import('../web/js/check-computations/metrics.js');
  const ap = computations.ranking(ml, six).ap;
  assert.ok(Math.abs(ap - (1 / 3 + 2 / 9 + 1 / 5)) < 1e-12);
  assert.equal(ap.toFixed(3), '0.756');
  // Precision and recall at the thresholds 0.9, 0.8, 0.7, 0.4.
  const at = (t) => {
    const c = ml.confusionAtThreshold(six.y, six.scores, t);
    return [c.tp / (c.tp + c.fp), c.tp / (c.tp + c.fn)];
  };
  assert.deepEqual(at(0.9), [1, 1 / 3]);
  assert.deepEqual(at(0.8), [1 / 2, 1 / 3]);
  assert.deepEqual(at(0.7), [2 / 3, 2 / 3]);
  assert.deepEqual(at(0.4), [3 / 5, 1]);
});

test('check-yourself: 3.5 pairs of 6 → AUC 0.583; neither AP nor AUC is always the higher', async () => {
  const { computations } = await import('../web/js/check-computations/metrics.js');
  const r = computations.ranking(ml, { y: [1, 1, 1, 0, 0], scores: [0.9, 0.5, 0.3, 0.6, 0.3] });
  assert.ok(Math.abs(r.pairs - 3.5 / 6) < 1e-12);
  assert.ok(Math.abs(r.auc - r.pairs) < 1e-12);
  assert.ok(computations.ranking(ml, six).ap > computations.ranking(ml, six).auc, 'six examples: AP above AUC');
  assert.ok(ml.averagePrecision(hard.y, hard.scores) < ml.rocAuc(hard.y, hard.scores), 'Hard: AP below AUC');
  // Threshold above every score: all negatives right, all positives wrong.
  assert.deepEqual(ml.confusionAtThreshold(six.y, six.scores, 1), { tp: 0, fp: 0, tn: 3, fn: 3 });
  assert.throws(() => computations.ranking(ml, { y: [1, 0], scores: [0.5] }), /same length/);
});

test('predict, then check: Hard AUC 0.753 is far from a coin (0.5); its 10 highest scores are mostly positives, its 10 lowest mostly negatives, the middle mixed', () => {
  const auc = ml.rocAuc(hard.y, hard.scores);
  assert.ok(Math.abs(auc - 0.5) > 0.2);
  const order = Array.from(hard.scores, (s, i) => [s, hard.y[i]]).sort((a, b) => b[0] - a[0]).map(([, y]) => y);
  const positives = (a) => a.reduce((n, y) => n + y, 0);
  const top = positives(order.slice(0, 10));
  const bottom = positives(order.slice(70));
  const middle = positives(order.slice(30, 50));
  assert.ok(top >= 8, `top 10: ${top} positives`);
  assert.ok(bottom <= 2, `bottom 10: ${bottom} positives`);
  assert.ok(middle >= 6 && middle <= 14, `middle 20: ${middle} positives`);
});

test('check-yourself: an AUC of 0.5 is not "half right at every threshold": 10 positives and 90 negatives with one shared score give AUC 0.5 and 90 of 100 right above it', () => {
  const y = [...Array(10).fill(1), ...Array(90).fill(0)];
  const scores = y.map(() => 0.5);
  assert.equal(ml.rocAuc(y, scores), 0.5);
  const c = ml.confusionAtThreshold(y, scores, 0.6);
  assert.deepEqual([c.tp, c.fp, c.fn, c.tn], [0, 0, 10, 90]);
  assert.equal(ml.accuracy(y, y.map(() => 0)), 0.9);
  // On the widget's balanced 40/40 data the same "threshold above every score" is exactly half right,
  // so the feedback must use unbalanced classes to refute the option.
  const balanced = [...Array(40).fill(1), ...Array(40).fill(0)];
  assert.equal(ml.accuracy(balanced, balanced.map(() => 0)), 0.5);
  const lesson = fs.readFileSync(new URL('./roc-curves.md', import.meta.url), 'utf8');
  const feedback = lesson.split('\n').find((l) => l.startsWith('- Half of the examples are classified correctly'));
  assert.match(feedback, /10 positives and 90 negatives/);
  assert.match(feedback, /AUC is 0\.5/);
  assert.match(feedback, /90 of the 100 examples right/);
});

test('the precision–recall curve begins at recall 0, precision 1 (nothing flagged), unlike the 0 a single threshold reports for 0/0, and the anchor cannot move AP', () => {
  const lesson = fs.readFileSync(new URL('./roc-curves.md', import.meta.url), 'utf8');
  assert.match(lesson, /puts it at recall 0, precision 1: no flags yet means no false alarms yet/);
  assert.match(lesson, /\[The previous lesson\]\(classification-metrics\.html\) reports that undefined value as 0/);
  const previous = fs.readFileSync(new URL('./classification-metrics.md', import.meta.url), 'utf8');
  assert.match(previous, /nothing flagged, so precision is 0\/0\) the metric is undefined; libraries, including this engine, report 0 by convention/);
  for (const d of [easy, hard, six]) {
    const pr = ml.precisionRecallCurve(d.y, d.scores);
    const n = pr.precision.length;
    assert.deepEqual([pr.recall[n - 1], pr.precision[n - 1]], [0, 1], 'the anchor');
    assert.equal(pr.thresholds.length, n - 1, 'the anchor has no threshold');
    // One threshold above every score: nothing flagged, precision reported as 0.
    assert.equal(ml.precision(d.y, d.y.map(() => 0)), 0);
    // AP with the anchor's precision set to 0 instead of 1: exactly the same.
    const apWith = (anchor) => {
      const p = Array.from(pr.precision);
      p[n - 1] = anchor;
      let ap = 0;
      for (let k = n - 2; k >= 0; k--) ap += (pr.recall[k] - pr.recall[k + 1]) * p[k];
      return ap;
    };
    assert.equal(apWith(0), apWith(1));
    assert.ok(Math.abs(apWith(0) - ml.averagePrecision(d.y, d.scores)) < 1e-12);
  }
  // Easy: the thirty highest scores are all positives, so the curve runs level at precision 1 to recall 0.75.
  const pr = ml.precisionRecallCurve(easy.y, easy.scores);
  const n = pr.precision.length;
  for (let k = 1; k <= 30; k++) assert.equal(pr.precision[n - 1 - k], 1, `step ${k}`);
  assert.equal(pr.recall[n - 1 - 30], 0.75);
  assert.ok(pr.precision[n - 1 - 31] < 1);
  assert.match(lesson, /the thirty highest scores all belong to positives, so the curve runs level at precision 1 from that anchor to recall 0\.75/);
});

test('Easy: the five highest scores lie above 0.9996 (each 1.000 at three decimals); the widget shows every step\'s t differently from the step before, below 1', async () => {
  const { thresholdText } = await import('../web/widgets/roc-sweep.js');
  const top = [...easy.scores].sort((a, b) => b - a);
  for (const s of top.slice(0, 5)) {
    assert.ok(s > 0.9996 && s < 1);
    assert.equal(formatNumber(s, 3), '1.000');
  }
  const lesson = fs.readFileSync(new URL('./roc-curves.md', import.meta.url), 'utf8');
  assert.match(lesson, /Its five highest scores all lie above 0\.9996, so at three decimals each would read 1\.000; the threshold readout uses as many digits as it takes to tell each step's \$t\$ from the one before\./);
  // The widget's readout for ROC step k, told apart from steps k ± 1 (web/widgets/roc-sweep.js).
  for (const d of [easy, hard]) {
    const th = ml.rocCurve(d.y, d.scores).thresholds;
    const last = th.length - 1;
    const shown = [];
    for (let k = 1; k <= last; k++) shown.push(readShown(thresholdText(th[k], [k - 1, k + 1].filter((i) => i >= 1 && i <= last).map((i) => th[i]))));
    for (let k = 1; k < shown.length; k++) assert.ok(shown[k] < shown[k - 1], `step ${k + 1} reads lower than step ${k}`);
    assert.ok(shown.every((v) => v > 0 && v < 1));
  }
});
