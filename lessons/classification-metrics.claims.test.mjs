// Claims of the classification-metrics lesson, checked against the engine with the widgets'
// defaults: threshold (web/widgets/threshold.js + web/lib/scores.js scoredExamples: 80 points,
// spread 1.8, seed 11; a LogisticRegression (η 0.5, 4000 steps) trained on makeBlobs(seed) scores
// makeBlobs(seed + 7919)) and precision-recall-by-hand (TP 80, FP 20, FN 40).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { scoredExamples } from '../web/lib/scores.js';
import { formatNumber } from '../web/lib/format.js';


const data = scoredExamples(ml, { points: 80, spread: 1.8, seed: 11 });
function at(t) {
  const predicted = data.scores.map((s) => (s >= t ? 1 : 0));
  return {
    counts: ml.confusionAtThreshold(data.y, data.scores, t),
    precision: ml.precision(data.y, predicted),
    recall: ml.recall(data.y, predicted),
  };
}
// The widget's lean: low when recall − precision > 0.1, picky when precision − recall > 0.1.
const lean = ({ precision, recall }) => (recall > precision + 0.1 ? 'low' : precision > recall + 0.1 ? 'picky' : 'balanced');

test('eighty examples, 40 positive and 40 negative', () => {
  assert.equal(data.y.length, 80);
  assert.equal(data.y.reduce((a, b) => a + b, 0), 40);
});

test('the table at t = 0.1, 0.5, 0.9 and the widget\'s lean at each', () => {
  const rows = { 0.1: [40, 18, 0, 22, '0.690', '1.000', 'low'], 0.5: [37, 6, 3, 34, '0.860', '0.925', 'balanced'], 0.9: [32, 1, 8, 39, '0.970', '0.800', 'picky'] };
  for (const [t, [tp, fp, fn, tn, p, r, kind]] of Object.entries(rows)) {
    const m = at(Number(t));
    assert.deepEqual(m.counts, { tp, fp, tn, fn }, `counts at ${t}`);
    assert.equal(m.precision.toFixed(3), p);
    assert.equal(m.recall.toFixed(3), r);
    assert.equal(lean(m), kind, `lean at ${t}`);
  }
});

test('lowering t never lowers recall; precision tends to fall, with brief upticks', () => {
  let previous = null;
  let rose = 0;
  let fell = 0;
  for (let k = 99; k >= 1; k--) {
    const m = at(k / 100);
    if (previous) {
      assert.ok(m.recall >= previous.recall, `recall at ${k / 100}`);
      if (m.precision > previous.precision + 1e-12) {
        rose++;
        assert.ok(m.counts.tp > previous.counts.tp, 'an uptick comes from a newly flagged positive');
      }
      if (m.precision < previous.precision - 1e-12) fell++;
    }
    previous = m;
  }
  assert.ok(rose > 0 && fell > rose, `fell ${fell}, rose ${rose}`);
  assert.ok(at(0.1).precision < at(0.9).precision);
});

test('after the worked example: lowering t never lowers recall nor FP; t = 0.1 instead of 0.5 catches 40 positives instead of 37 (recall 1.000, 0.925) with 18 false alarms instead of 6', () => {
  let previous = null;
  for (let k = 99; k >= 1; k--) {
    const m = at(k / 100);
    if (previous) {
      assert.ok(m.counts.tp >= previous.counts.tp && m.recall >= previous.recall, `recall at ${k / 100}`);
      assert.ok(m.counts.fp >= previous.counts.fp, `false alarms at ${k / 100}`);
    }
    previous = m;
  }
  const [low, middle] = [at(0.1), at(0.5)];
  assert.deepEqual([low.counts.tp, middle.counts.tp], [40, 37]);
  assert.deepEqual([low.recall.toFixed(3), middle.recall.toFixed(3)], ['1.000', '0.925']);
  assert.deepEqual([low.counts.fp, middle.counts.fp], [18, 6]);
  assert.ok(Math.abs(80 / (80 + 20) - 4 / 5) < 1e-12, 'right in four flags out of five');
  const lesson = fs.readFileSync(new URL('./classification-metrics.md', import.meta.url), 'utf8');
  assert.match(lesson, /Whether to favour precision or recall is a choice, and the threshold is where it is made\. Lowering \$t\$ keeps every flag the filter already gives and adds more\. So for this filter, right in four flags out of five, a lower threshold can only shrink the pile of spam it misses and can only grow the pile of good mail it flags: recall rises or holds, and so does \$FP\$\. The threshold widget above shows both at once: \$t = 0\.1\$ instead of \$0\.5\$ catches all 40 positives instead of 37 \(recall 1\.000 instead of 0\.925\) and raises the false alarms from 6 to 18\./);
});

test('accuracy misleads on rare classes: all "not spam" with 1% spam is 99% accurate', () => {
  const y = Array.from({ length: 100 }, (_, i) => (i === 0 ? 1 : 0));
  assert.equal(ml.accuracy(y, y.map(() => 0)), 0.99);
  // Nothing flagged: precision is 0/0, reported as 0.
  assert.equal(ml.precision(y, y.map(() => 0)), 0);
});

test('worked example TP 80, FP 20, FN 40: precision 0.800, recall 0.667, F1 0.727', () => {
  const yTrue = [...Array(80).fill(1), ...Array(20).fill(0), ...Array(40).fill(1)];
  const yPred = [...Array(80).fill(1), ...Array(20).fill(1), ...Array(40).fill(0)];
  const p = ml.precision(yTrue, yPred);
  const r = ml.recall(yTrue, yPred);
  const f1 = ml.f1Score(yTrue, yPred);
  assert.equal(p.toFixed(3), '0.800');
  assert.equal(r.toFixed(3), '0.667');
  assert.equal(f1.toFixed(3), '0.727');
  assert.ok(Math.abs(f1 - (2 * p * r) / (p + r)) < 1e-12, 'harmonic mean');
  assert.ok(Math.abs(f1 - 160 / 220) < 1e-12, '2TP / (2TP + FP + FN)');
  assert.ok(Math.abs(f1 - r) < Math.abs(f1 - p), 'nearer the smaller');
  assert.ok(Math.abs(1 - r - 1 / 3) < 1e-12, 'a third of the spam got through');
});

test('worked example, fourth count: 1,000 emails leave TN = 860 and accuracy 0.940', async () => {
  const { computations } = await import('../web/js/check-computations/metrics.js');
  const r = computations['confusion-counts'](ml, { tp: 80, fp: 20, fn: 40, tn: 860 });
  assert.equal(1000 - 80 - 20 - 40, 860);
  assert.equal(r.accuracy.toFixed(3), '0.940');
  assert.equal(r.precision.toFixed(3), '0.800');
  assert.equal(r.recall.toFixed(3), '0.667');
  assert.equal(r.f1.toFixed(3), '0.727');
  assert.ok(r.accuracy > r.f1 && r.accuracy > r.recall, 'accuracy flatters the filter');
});

test('check-yourself: TP 6, FP 2, FN 4, TN 8 → recall 0.6, precision 0.75, accuracy 0.7; lowering t never lowers recall', async () => {
  const { computations } = await import('../web/js/check-computations/metrics.js');
  const r = computations['confusion-counts'](ml, { tp: 6, fp: 2, fn: 4, tn: 8 });
  assert.ok(Math.abs(r.recall - 0.6) < 1e-12);
  assert.ok(Math.abs(r.precision - 0.75) < 1e-12);
  assert.ok(Math.abs(r.accuracy - 0.7) < 1e-12);
  // One more flag: on a negative, accuracy and precision fall and recall stays; on a positive, recall rises.
  const onNegative = computations['confusion-counts'](ml, { tp: 6, fp: 3, fn: 4, tn: 7 });
  assert.ok(onNegative.accuracy < r.accuracy && onNegative.precision < r.precision && onNegative.recall === r.recall);
  const onPositive = computations['confusion-counts'](ml, { tp: 7, fp: 2, fn: 3, tn: 8 });
  assert.ok(onPositive.recall > r.recall && onPositive.precision > r.precision);
  // Everyone declared healthy, 1 in 100 sick: accuracy 0.99, recall 0, precision reported as 0.
  const none = computations['confusion-counts'](ml, { tp: 0, fp: 0, fn: 1, tn: 99 });
  assert.equal(none.accuracy, 0.99);
  assert.equal(none.recall, 0);
  assert.equal(none.precision, 0);
  assert.throws(() => computations['confusion-counts'](ml, { tp: 1.5, fp: 0, fn: 0, tn: 0 }), /whole number/);
});

test('predict, then check: from t = 0.5 (FN 3, FP 6), catching every positive costs at least 16 false alarms; on the widget\'s grid of thousandths, t from 0.111 to 0.119', () => {
  assert.deepEqual(at(0.5).counts, { tp: 37, fp: 6, tn: 34, fn: 3 });
  const lowest = Math.min(...Array.from(data.scores).filter((_, i) => data.y[i] === 1));
  assert.equal(lowest.toFixed(4), '0.1196');
  const negativeBelow = Math.max(...Array.from(data.scores).filter((s, i) => data.y[i] === 0 && s < lowest));
  assert.equal(negativeBelow.toFixed(4), '0.1105');
  assert.deepEqual(at(lowest).counts, { tp: 40, fp: 16, tn: 24, fn: 0 });
  // Any threshold that catches every positive flags at least as many negatives.
  for (let t = 0; t <= lowest; t += 0.001) assert.ok(at(t).counts.fp >= 16);
  // Just above the lowest positive score one positive is missed again.
  assert.equal(at(lowest + 1e-9).counts.fn, 1);
  // The slider's thousandths that reach the fewest, and one step either side of them.
  for (let k = 111; k <= 119; k++) assert.deepEqual(at(k / 1000).counts, { tp: 40, fp: 16, tn: 24, fn: 0 }, `t = ${k / 1000}`);
  assert.deepEqual(at(0.12).counts, { tp: 39, fp: 16, tn: 24, fn: 1 });
  assert.deepEqual(at(0.11).counts, { tp: 40, fp: 17, tn: 23, fn: 0 });
});

test('F1 is dragged down by the smaller of the two: precision 1.0 and recall 0.1 give F1 0.18, where the plain average is 0.55', () => {
  // One positive flagged out of ten, no false alarm: TP 1, FP 0, FN 9.
  const yTrue = Array(10).fill(1);
  const yPred = [1, ...Array(9).fill(0)];
  assert.equal(ml.precision(yTrue, yPred), 1);
  assert.equal(ml.recall(yTrue, yPred), 0.1);
  const f1 = ml.f1Score(yTrue, yPred);
  assert.equal(f1.toFixed(2), '0.18');
  assert.ok(Math.abs(f1 - 0.2 / 1.1) < 1e-12);
  assert.equal(((1 + 0.1) / 2).toFixed(2), '0.55');
  const lesson = fs.readFileSync(new URL('./classification-metrics.md', import.meta.url), 'utf8');
  assert.match(lesson, /precision 1\.0 with recall 0\.1 gives \$F_1 = 0\.2\/1\.1 \\approx 0\.18\$, where the plain average would say 0\.55/);
  // The spam example's recall in words: 40 of 120 real spam emails missed, one in three.
  assert.equal(40 / 120, 1 / 3);
  assert.match(lesson, /Forty of the 120 spam emails, one in three, still reached the inbox/);
});

// The by-hand widget's verdict line (web/widgets/precision-recall-by-hand.js verdictOf): "about
// equal" from 90% (the smaller of the larger), "precise"/"thorough" only from 0.7, F1 nearer the
// smaller. The lesson's two examples: 80/20/40 is precise; 1 right flag in 3 (TP 1, FP 2, FN 3)
// is "neither is high"; and the harmonic mean always sits nearer the smaller of the two.
test('by hand: the verdict rule the lesson states, at its boundaries, and F1 nearer the smaller', async () => {
  const { verdictOf, HIGH, NEAR } = await import('../web/widgets/precision-recall-by-hand.js');
  assert.equal(HIGH, 0.7);
  assert.equal(NEAR, 0.9);
  const shown = (tp, fp, fn) => {
    const yTrue = [...Array(tp).fill(1), ...Array(fp).fill(0), ...Array(fn).fill(1)];
    const yPred = [...Array(tp).fill(1), ...Array(fp).fill(1), ...Array(fn).fill(0)];
    return { p: ml.precision(yTrue, yPred), r: ml.recall(yTrue, yPred), f1: ml.f1Score(yTrue, yPred) };
  };
  const kind = (tp, fp, fn) => { const m = shown(tp, fp, fn); return verdictOf(m.p.toFixed(3), m.r.toFixed(3)); };
  assert.equal(kind(80, 20, 40), 'precise');
  assert.equal(kind(1, 2, 3), 'neitherHigh');
  for (const [counts, p, r, expected] of [
    [[63, 27, 37], '0.700', '0.630', 'balanced'], [[56, 24, 33], '0.700', '0.629', 'precise'],
    [[63, 37, 27], '0.630', '0.700', 'balanced'], [[56, 33, 24], '0.629', '0.700', 'thorough'],
    [[7, 3, 7], '0.700', '0.500', 'precise'], [[51, 22, 51], '0.699', '0.500', 'neitherHigh'],
    [[7, 7, 3], '0.500', '0.700', 'thorough'], [[51, 51, 22], '0.500', '0.699', 'neitherHigh'],
    [[1, 99, 999], '0.010', '0.001', 'neitherHigh'], [[50, 50, 50], '0.500', '0.500', 'balancedLow'],
  ]) {
    const m = shown(...counts);
    assert.deepEqual([m.p.toFixed(3), m.r.toFixed(3)], [p, r], counts.join('/'));
    assert.equal(kind(...counts), expected, counts.join('/'));
  }
  for (const counts of [[80, 20, 40], [1, 2, 3], [1, 99, 999], [30, 30, 10], [7, 1, 4]]) {
    const { p, r, f1 } = shown(...counts);
    assert.ok(f1 - Math.min(p, r) < Math.max(p, r) - f1, `F1 nearer the smaller at ${counts.join('/')}`);
  }
});

// "More than two classes": the cat / dog / bird sorter's 3 × 3 confusion matrix (rows true,
// columns called). The engine builds the matrix from the 100 labels, and computes each class's
// precision, recall and F1 one class against the rest from the same labels; the averages and the
// report table in the lesson follow from them.
test('more than two classes: per-class precision, recall, F1 and support, macro and weighted averages, as classification_report prints them', () => {
  const names = ['cat', 'dog', 'bird'];
  const matrix = [[40, 8, 2], [10, 25, 5], [0, 2, 8]];
  const yTrue = [];
  const yPred = [];
  matrix.forEach((row, i) => row.forEach((count, j) => { for (let n = 0; n < count; n++) { yTrue.push(i); yPred.push(j); } }));
  assert.equal(yTrue.length, 100);
  assert.deepEqual(ml.confusionMatrix(yTrue, yPred, 3).map((r) => Array.from(r)), matrix);
  const support = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const called = [0, 1, 2].map((j) => matrix.reduce((a, row) => a + row[j], 0));
  assert.deepEqual(support, [50, 40, 10]);
  assert.deepEqual(called, [50, 35, 15]);
  const perClass = [0, 1, 2].map((c) => {
    const t = yTrue.map((v) => (v === c ? 1 : 0));
    const p = yPred.map((v) => (v === c ? 1 : 0));
    return { precision: ml.precision(t, p), recall: ml.recall(t, p), f1: ml.f1Score(t, p) };
  });
  // By hand: diagonal / column total, diagonal / row total, 2TP / (2TP + FP + FN).
  perClass.forEach((m, c) => {
    const tp = matrix[c][c];
    assert.ok(Math.abs(m.precision - tp / called[c]) < 1e-12, `${names[c]} precision`);
    assert.ok(Math.abs(m.recall - tp / support[c]) < 1e-12, `${names[c]} recall`);
    assert.ok(Math.abs(m.f1 - (2 * tp) / (2 * tp + (called[c] - tp) + (support[c] - tp))) < 1e-12, `${names[c]} F1`);
  });
  assert.ok(Math.abs(perClass[1].f1 - 50 / 75) < 1e-12);
  assert.ok(Math.abs(perClass[2].f1 - 16 / 25) < 1e-12);
  const macro = (key) => perClass.reduce((a, m) => a + m[key], 0) / 3;
  const weighted = (key) => perClass.reduce((a, m, c) => a + m[key] * support[c], 0) / 100;
  const accuracy = ml.accuracy(yTrue, yPred);
  assert.equal(accuracy, 0.73);
  assert.ok(Math.abs(weighted('recall') - accuracy) < 1e-12, 'weighted recall is the accuracy');
  assert.ok(macro('f1') < weighted('f1'), 'the weak rare class pulls the macro average lower');
  // The lesson's worked lines and its report table say the same, to three decimals.
  const f3 = (v) => formatNumber(v, 3);
  const lesson = fs.readFileSync(new URL('./classification-metrics.md', import.meta.url), 'utf8');
  const section = lesson.slice(lesson.indexOf('## More than two classes'), lesson.indexOf('::: check-yourself'));
  assert.match(section, /\| \*\*cat\*\* \| 40 \| 8 \| 2 \| 50 \|\n\| \*\*dog\*\* \| 10 \| 25 \| 5 \| 40 \|\n\| \*\*bird\*\* \| 0 \| 2 \| 8 \| 10 \|\n\| \*\*column total\*\* \| 50 \| 35 \| 15 \| 100 \|/);
  const rows = [
    ...names.map((name, c) => [name, f3(perClass[c].precision), f3(perClass[c].recall), f3(perClass[c].f1), String(support[c])]),
    ['accuracy', '', '', f3(accuracy), '100'],
    ['macro average', f3(macro('precision')), f3(macro('recall')), f3(macro('f1')), '100'],
    ['weighted average', f3(weighted('precision')), f3(weighted('recall')), f3(weighted('f1')), '100'],
  ];
  const table = rows.map((r) => `| ${r.join(' | ')} |`.replace(/ {2,}/g, ' ')).join('\n');
  assert.ok(section.includes(table), `report table:\n${table}`);
  assert.match(section, new RegExp(`macro \\$F_1 = \\(0\\.800 \\+ 0\\.667 \\+ 0\\.640\\)/3 \\\\approx ${f3(macro('f1')).replace('.', '\\.')}\\$`));
  assert.match(section, new RegExp(`weighted \\$F_1 = \\(50 \\\\cdot 0\\.800 \\+ 40 \\\\cdot 0\\.667 \\+ 10 \\\\cdot 0\\.640\\)/100 \\\\approx ${f3(weighted('f1')).replace('.', '\\.')}\\$`));
  assert.match(section, /\(40 \+ 25 \+ 8\)\/100 = 0\.730\$, which is just the accuracy/);
  // The rounded terms, worked by hand, give the same results to three decimals.
  assert.equal(f3((0.8 + 0.667 + 0.64) / 3), f3(macro('f1')));
  assert.equal(f3((50 * 0.8 + 40 * 0.667 + 10 * 0.64) / 100), f3(weighted('f1')));
  // scikit-learn's classification_report on the same labels (tests/fixtures/generators/evaluation.py).
  const report = JSON.parse(fs.readFileSync(new URL('../tests/fixtures/eval_metrics.json', import.meta.url), 'utf8')).report;
  assert.deepEqual(JSON.parse(fs.readFileSync(new URL('../tests/fixtures/eval_metrics.json', import.meta.url), 'utf8')).report_matrix, matrix);
  perClass.forEach((m, c) => {
    const row = report[String(c)];
    for (const [key, theirs] of [['precision', 'precision'], ['recall', 'recall'], ['f1', 'f1-score']]) assert.ok(Math.abs(m[key] - row[theirs]) < 1e-12, `${names[c]} ${key}`);
    assert.equal(row.support, support[c]);
  });
  assert.ok(Math.abs(report.accuracy - accuracy) < 1e-12);
  for (const [average, mean] of [['macro avg', macro], ['weighted avg', weighted]]) {
    for (const [key, theirs] of [['precision', 'precision'], ['recall', 'recall'], ['f1', 'f1-score']]) assert.ok(Math.abs(mean(key) - report[average][theirs]) < 1e-12, `${average} ${key}`);
  }
  // "barely half the pictures called bird are birds": 8 of 15.
  assert.ok(perClass[2].precision > 0.5 && perClass[2].precision < 0.55);
  assert.match(section, /barely half the pictures called "bird" are birds/);
});

// The worked example's counts are stated from the filter's spam folder (100 emails, 80 of them
// spam) and the spam that reached the inbox (40), in the lesson's own sentence.
test('worked example: a spam folder of 100 with 80 spam, 40 more spam in the inbox: precision 0.800, recall 0.667', () => {
  const lesson = fs.readFileSync(new URL('./classification-metrics.md', import.meta.url), 'utf8');
  assert.match(lesson, /A filter's spam folder holds 100 emails: 80 are spam \(\$TP = 80\$\) and 20 are mail somebody wanted \(\$FP = 20\$\)\. Another 40 spam emails went to the inbox with no flag \(\$FN = 40\$\)\./);
  assert.doesNotMatch(lesson, /flags 100 emails as spam/);
  const y = [...Array(80).fill(1), ...Array(20).fill(0), ...Array(40).fill(1)];
  const yhat = [...Array(100).fill(1), ...Array(40).fill(0)];
  assert.equal(ml.precision(y, yhat), 0.8);
  assert.ok(Math.abs(ml.recall(y, yhat) - 2 / 3) < 1e-12);
});
