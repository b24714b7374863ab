// Claims of anomaly-detection.md, checked against the engine with the widget's defaults
// (anomaly-detector.js: makeScene(band or clusters, seed 2) — 150 normal points and 6 planted —
// IsolationForest with 100 trees on ψ = 64 points seeded 2, the z-score detector, 4 % contamination).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ml } from '../tests/node/engine.mjs';
import { evaluateComputation, parseComputation } from '../web/js/check-computations.js';
import { PLANTED, PREDICT_CONTAMINATION, atPredictContamination, flagAndMeasure, makeScene, scoreBoth } from '../web/widgets/anomaly-detector/scene.js';
import { messages } from '../web/widgets/anomaly-detector/messages.js';

// The widget module loads the engine, so its schema is read from the built site (as the other lessons do).
const dist = process.env.DW_ENGINE_DIR ? path.resolve(process.env.DW_ENGINE_DIR, '..') : path.resolve(import.meta.dirname, '../dist');
const { schema } = await import(pathToFileURL(path.join(dist, 'widgets', 'anomaly-detector.js')).href);

const forest = new ml.IsolationForest();
const DEFAULTS = { scene: 'band', detector: 'forest', contamination: 0.04, trees: 100, subsample: 64, seed: 2 };
function run(over = {}, edit = null) {
  const o = { ...DEFAULTS, ...over };
  const data = makeScene(ml, o.scene, o.seed);
  if (edit) edit(data);
  const s = scoreBoth(ml, forest, data.X, o);
  return { data, s, forest: flagAndMeasure(ml, s.forest, data.y, o.contamination), zscore: flagAndMeasure(ml, s.zscore, data.y, o.contamination) };
}
const hits = (m, y) => m.flags.reduce((n, f, i) => n + f * y[i], 0);
const pct = (v) => `${Math.round(v * 100)}`;

test('the widget defaults are the lesson\'s', () => {
  for (const [k, v] of Object.entries(DEFAULTS)) assert.equal(schema[k].default, v, k);
});

test('1, 2, 3, 4, 10: mean 4, s = √10 = 3.16, the 10 gets z = 1.90', () => {
  const z = ml.zScores([1, 2, 3, 4, 10], 1);
  assert.equal(z[4].toFixed(2), '1.90');
  assert.equal(Math.sqrt(10).toFixed(2), '3.16');
});

test('c̄(64) = 7.47; three cuts score 0.76; the average depth scores 0.5', () => {
  const c = ml.averagePathLength(64);
  assert.equal(c.toFixed(2), '7.47');
  assert.equal((2 ** (-3 / c)).toFixed(2), '0.76');
  assert.equal(2 ** (-c / c), 0.5);
  assert.equal(Math.log2(64), 6);
});

test('defaults (band, 4 %): 7 of 156 flagged; forest finds 5 of 6 (recall 83 %, precision 71 %), z-score 1 (17 %)', () => {
  const r = run();
  assert.equal(r.data.rows, 156);
  assert.equal(r.forest.flagged, 7);
  assert.equal(r.zscore.flagged, 7);
  assert.equal(hits(r.forest, r.data.y), 5);
  assert.equal(pct(r.forest.recall), '83');
  assert.equal(pct(r.forest.precision), '71');
  assert.equal(hits(r.zscore, r.data.y), 1);
  assert.equal(pct(r.zscore.recall), '17');
});

test('the z-score detector flags the ends of the band, and of the planted points only the far one', () => {
  const r = run();
  const far = r.data.rows - 1; // (4.5, 4.5)
  assert.deepEqual(PLANTED.band[5], [4.5, 4.5]);
  assert.equal(r.zscore.flags[far], 1);
  for (let i = 150; i < far; i++) assert.equal(r.zscore.flags[i], 0);
  // The normal points it flags are at the ends: |x| above 2.4 (the band runs from −3 to 3).
  for (let i = 0; i < 150; i++) if (r.zscore.flags[i]) assert.ok(Math.abs(r.data.X[2 * i]) > 2.4, `point ${i}`);
});

test('10 % contamination: the forest catches all 6, the z-score still 1; precision falls', () => {
  const r = run({ contamination: 0.1 });
  assert.equal(hits(r.forest, r.data.y), 6);
  assert.equal(hits(r.zscore, r.data.y), 1);
  assert.ok(r.forest.precision < run().forest.precision);
});

test('predict, then check: two clusters at 4 %: forest 4 of 6 (67 %), z-score 1 (17 %)', () => {
  const r = run({ scene: 'clusters' });
  assert.equal(hits(r.forest, r.data.y), 4);
  assert.equal(pct(r.forest.recall), '67');
  assert.equal(hits(r.zscore, r.data.y), 1);
  assert.equal(pct(r.zscore.recall), '17');
});

test('seeds 1–20 on the band at 4 %: the forest always finds more; the z-score exactly the far one', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const r = run({ seed });
    assert.ok(hits(r.forest, r.data.y) > hits(r.zscore, r.data.y), `seed ${seed}`);
    assert.equal(hits(r.zscore, r.data.y), 1, `seed ${seed}`);
    assert.equal(r.zscore.flags[r.data.rows - 1], 1);
  }
});

test('things to try: a planted anomaly dragged into the band loses its ring; a point planted far out is flagged by both', () => {
  const into = run({}, (d) => { d.X[2 * 150] = 0.5; d.X[2 * 150 + 1] = 0.5; });
  assert.equal(run().forest.flags[150], 1);
  assert.equal(into.forest.flags[150], 0);
  assert.ok(into.s.forest[150] < run().s.forest[150]);
  const planted = run({}, (d) => {
    d.X = Float64Array.from([...d.X, -4.5, 4.5]);
    d.y = Float64Array.from([...d.y, 1]);
    d.rows += 1;
  });
  assert.equal(planted.forest.flags[156], 1);
  assert.equal(planted.zscore.flags[156], 1);
});

test('check-yourself: ψ = 64 and 3 cuts score 0.757', () => {
  const v = evaluateComputation(ml, parseComputation('isolation-score.score h=3 psi=64'));
  assert.ok(Math.abs(v - 2 ** (-3 / 7.471950782586131)) < 1e-12);
  assert.equal(v.toFixed(3), '0.757');
});

test('the lesson works out the 7 flagged points: 4% of 156 is 6.24, rounded up (ten percent gives 15.6, so 16)', async () => {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(new URL('./anomaly-detection.md', import.meta.url), 'utf8');
  assert.match(text, /4% of 156 points is 6\.24, and the widget rounds a share up to whole points, so 7 are flagged/);
  assert.equal((0.04 * 156).toFixed(2), '6.24');
  assert.equal(run().forest.flagged, Math.ceil(0.04 * 156));
  assert.equal(run({ contamination: 0.1 }).forest.flagged, Math.ceil(0.1 * 156));
});


test('two clusters: the six planted points are as the lesson lists them, and the forest misses exactly the two empty corners, each of whose coordinates lies inside one cluster\'s range', async () => {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(new URL('./anomaly-detection.md', import.meta.url), 'utf8');
  assert.match(text, /two in the empty corners \(upper left and lower right\), two in the gap between the clusters, one beside the lower-left cluster, and one far out along the line through both clusters/);
  assert.match(text, /the z-score detector 1, recall 17%: the far one\. The forest misses the two empty corners\./);
  const r = run({ scene: 'clusters' });
  // Normal points: the two blobs, one about (1.8, 1.7), the other about (−1.8, −1.8).
  const blobs = [0, 1].map((k) => {
    const pts = [];
    for (let i = 0; i < 150; i++) if (Math.sign(r.data.X[2 * i] + r.data.X[2 * i + 1]) === (k ? 1 : -1)) pts.push([r.data.X[2 * i], r.data.X[2 * i + 1]]);
    return { lo: [0, 1].map((j) => Math.min(...pts.map((p) => p[j]))), hi: [0, 1].map((j) => Math.max(...pts.map((p) => p[j]))), mean: [0, 1].map((j) => pts.reduce((a, p) => a + p[j], 0) / pts.length) };
  });
  assert.ok(blobs[0].mean[0] < -1.5 && blobs[0].mean[1] < -1.5 && blobs[1].mean[0] > 1.5 && blobs[1].mean[1] > 1.5);
  const [lowerRight, upperLeft, gap1, gap2, beside, far] = PLANTED.clusters;
  assert.ok(upperLeft[0] < 0 && upperLeft[1] > 0 && lowerRight[0] > 0 && lowerRight[1] < 0);
  const inside = (v, j, b) => v >= b.lo[j] && v <= b.hi[j];
  for (const c of [upperLeft, lowerRight]) {
    assert.ok([0, 1].every((j) => blobs.some((b) => inside(c[j], j, b))), `corner ${c}: each coordinate within a cluster's range`);
  }
  for (const g of [gap1, gap2]) assert.ok(Math.abs(g[0] + g[1]) < 0.01 && Math.abs(g[0]) < 1, `gap point ${g}`);
  assert.ok(beside[0] < blobs[0].mean[0] && beside[1] > blobs[0].mean[1] && beside[1] < 0.5);
  assert.deepEqual(far, [4.5, 4.5]);
  assert.deepEqual(Array.from({ length: 6 }, (_, k) => r.forest.flags[150 + k]), [0, 0, 1, 1, 1, 1]);
  assert.deepEqual(Array.from({ length: 6 }, (_, k) => r.zscore.flags[150 + k]), [0, 0, 0, 0, 0, 1]);
  // The flagged normal points (the clusters' outermost) outscore both corners.
  const threshold = Math.min(...Array.from(r.s.forest).filter((_, i) => r.forest.flags[i]));
  assert.ok(r.s.forest[150] < threshold && r.s.forest[151] < threshold);
});

// The paragraph before the Predict, then check box ends at 10% contamination, and the box's
// question and reveal are about 4%: at 10% the clusters' readouts are another answer (forest 100%,
// z-score 33%). So the lesson has the learner set 4% again, the box says so at other shares, and
// it counts a share as 4% when the slider shows 4% (its stops are whole percents: 3% and 5% flag
// 5 and 8 points, not the 7 of 4%).
test('predict: the lesson sets the contamination back to 4% after raising it to 10%; the box judges only at the slider\'s 4%', async () => {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(new URL('./anomaly-detection.md', import.meta.url), 'utf8');
  const raise = text.indexOf('Then raise the contamination to 10%');
  const back = text.indexOf('Set the contamination back to 4%, since the last step left it at 10%, and lock your answer');
  const reveal = text.indexOf('(The isolation forest finds 4 of them, recall 67%');
  assert.ok(raise > 0 && back > raise && reveal > back, `${raise} < ${back} < ${reveal}`);
  assert.match(text, /at any share other than 4% the box waits and asks for 4% again/);
  const at10 = run({ scene: 'clusters', contamination: 0.1 });
  assert.deepEqual([pct(at10.forest.recall), pct(at10.zscore.recall)], ['100', '33']);
  const at4 = run({ scene: 'clusters', contamination: PREDICT_CONTAMINATION });
  assert.deepEqual([pct(at4.forest.recall), pct(at4.zscore.recall)], ['67', '17']);
  // The gate at the slider's stops: 3% and 5% are not 4%; 4% reached by stepping is.
  assert.equal(PREDICT_CONTAMINATION, 0.04);
  for (const [c, want] of [[0.03, false], [0.04, true], [0.05, false], [0.07 - 0.03, true], [Math.round(0.04 / 0.01) * 0.01, true], [0.1, false]]) {
    assert.equal(atPredictContamination(c), want, String(c));
  }
  assert.deepEqual([0.03, 0.04, 0.05].map((c) => run({ scene: 'clusters', contamination: c }).forest.flagged), [5, 7, 8]);
  assert.match(messages['anomaly-detector.predict.next'], /set the contamination to \{judged\}/);
  assert.doesNotMatch(messages['anomaly-detector.predict.next'], /keep 4%/);
  assert.match(messages['anomaly-detector.predict.share'], /^Set the contamination back to \{judged\} to check your prediction/);
});
