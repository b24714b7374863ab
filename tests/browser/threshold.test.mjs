// The threshold widget (classification-metrics lesson): its confusion matrix and metrics follow the
// threshold and equal the engine's, at 1280 and 375 px; the false-alarm prediction settles on them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './browser.mjs';
import { formatNumber } from '../../web/lib/format.js'; // as the site writes them (71/80 → 0.888)
import { lockPrediction, predictBox, verdict, assertPractice, recordReports } from './predict-helpers.mjs';
import { cardByTitle, canvasIsDrawn, finish, openLesson, stat, inEngine } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// The widget's data, rebuilt through the engine exactly as web/lib/scores.js does.
async function engineMetrics(page, threshold) {
  return inEngine(page, (ml, t) => ml.scoped((track) => {
    const model = track(new ml.LogisticRegression());
    const train = ml.makeBlobs(80, 2, 1.8, 11);
    const test = ml.makeBlobs(80, 2, 1.8, 11 + 7919);
    model.setData(train.X, train.cols, train.y);
    model.setLearningRate(0.5);
    model.fit(4000);
    const proba = model.predictProba(test.X);
    const scores = Array.from({ length: test.rows }, (_, i) => proba[2 * i + 1]);
    const pred = scores.map((s) => (s >= t ? 1 : 0));
    return {
      counts: ml.confusionAtThreshold(test.y, scores, t),
      accuracy: ml.accuracy(test.y, pred), precision: ml.precision(test.y, pred),
      recall: ml.recall(test.y, pred), f1: ml.f1Score(test.y, pred),
    };
  }), threshold);
}

for (const width of [1280, 375]) {
  test(`threshold widget at ${width} px follows the slider, keyboard and drag`, async () => {
    const page = await openLesson(site, 'classification-metrics', { width });
    const w = cardByTitle(page, 'Drag the threshold');
    const canvas = w.locator('canvas');
    assert.ok(await canvasIsDrawn(canvas));
    const check = async (t) => {
      const e = await engineMetrics(page, t);
      for (const k of ['tp', 'fp', 'tn', 'fn']) assert.equal(await w.locator(`[data-cell="${k}"] strong`).textContent(), String(e.counts[k]), `${k} at ${t}`);
      assert.equal(await stat(w, 'accuracy'), formatNumber(e.accuracy, 3));
      assert.equal(await stat(w, 'precision'), formatNumber(e.precision, 3));
      assert.equal(await stat(w, 'recall'), formatNumber(e.recall, 3));
      assert.equal(await stat(w, 'F1'), formatNumber(e.f1, 3));
      return e;
    };
    const msg = w.locator('.dw-message');
    const at50 = await check(0.5);
    assert.match(await msg.textContent(), /^Balanced: precision 0\.860 and recall 0\.925 are within 0\.1/);
    await w.getByRole('slider', { name: /threshold t/ }).fill('0.9');
    await check(0.9);
    assert.match(await msg.textContent(), /^A picky threshold/);
    await w.getByRole('slider', { name: /threshold/ }).fill('0.1');
    const at10 = await check(0.1);
    assert.match(await msg.textContent(), /^A low threshold/);
    assert.ok(at10.recall >= at50.recall && at10.precision <= at50.precision, 'lower threshold: more recall, less precision');
    // Shift+arrow passes ten examples: ten fewer flagged, at the t the readout shows.
    await canvas.focus();
    await page.keyboard.press('Shift+ArrowRight');
    const afterKeys = Number((await w.locator('output').textContent()).trim());
    const moved = await check(afterKeys);
    assert.equal(moved.counts.tp + moved.counts.fp, at10.counts.tp + at10.counts.fp - 10, `t ${afterKeys}`);
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    const x = (t) => box.x + 74 + t * (box.width - 88);             // strip margins 74 / 14 px
    await page.mouse.move(x(afterKeys), box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(x(0.9), box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    const shown = Number((await w.locator('output').textContent()).trim());
    assert.ok(shown > 0.8, `dragged threshold ${shown}`);
    await finish(page, `threshold-${width}`);
  });
}

test('threshold: predict the false alarms that catching every positive costs (missed, then held)', async () => {
  const page = await openLesson(site, 'classification-metrics', { width: 1280 });
  const w = cardByTitle(page, 'Drag the threshold');
  const t = w.getByRole('slider', { name: /threshold t/ });
  const id = 'threshold-catch-all';
  await lockPrediction(w, id, '8');
  await t.fill('0.3');
  assert.equal((await verdict(w, id, 0)).result, null);      // FN still 3: not settled yet
  await t.fill('0.1');
  let v = await verdict(w, id);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /you said 8, and it came out 16 \(outside ± 2\)\. You started with 6 false alarms/);
  assert.match(v.text, /at your t = 0\.100 there are 18; the fewest needs t at most the lowest positive score, 0\.1196, and above every negative score under it: t from 0\.111 to 0\.119\)/);
  // Every positive is caught at t = 0.1: predicting is refused until some are missed again.
  await lockPrediction(w, id, '16').catch(() => {});
  assert.match((await verdict(w, id, 0)).text, /Every positive is already caught here/);
  await t.fill('0.5');
  await lockPrediction(w, id, '15');
  await t.fill('0.11');
  v = await verdict(w, id);
  assert.equal(v.result, 'held');
  await finish(page, 'threshold-predict');
});

test('threshold: catching every positive before predicting shows the answer, so a later prediction is practice and is not recorded', async () => {
  const page = await openLesson(site, 'classification-metrics', { width: 1280 });
  await recordReports(page);
  const w = cardByTitle(page, 'Drag the threshold');
  const t = w.getByRole('slider', { name: /threshold t/ });
  const id = 'threshold-catch-all';
  await t.fill('0.115');                                      // 0 missed, 16 false alarms on screen
  assert.match((await verdict(w, id, 0)).text, /practice and is not recorded/);
  await t.fill('0.5');
  await lockPrediction(w, id, '16');
  await t.fill('0.115');
  await assertPractice(page, predictBox(w, id));
  await finish(page, 'threshold-predict-seen');
});

// With a positive still missed, the false alarms on screen can already pass as the answer (16,
// within ± 2): at t = 0.120 one positive is missed and 16 negatives are flagged; from t = 0.259 down,
// 14. Copying that readout is no prediction. At t = 0.3 the 12 on screen would miss.
test('threshold: false alarms within ± 2 of the answer on screen before predicting make a later prediction practice', async () => {
  const page = await openLesson(site, 'classification-metrics', { width: 1280 });
  await recordReports(page);
  const w = cardByTitle(page, 'Drag the threshold');
  const t = w.getByRole('slider', { name: /threshold t/ });
  const id = 'threshold-catch-all';
  await t.fill('0.3');                                        // 3 missed, 12 false alarms: not yet
  assert.doesNotMatch((await verdict(w, id, 0)).text, /practice/);
  await t.fill('0.12');                                       // 1 missed, 16 false alarms
  assert.equal((await verdict(w, id, 0)).text, 'Before you predicted, the screen already showed 16 false alarms, within ± 2 of the fewest needed to catch every positive, so a prediction made on this page now is practice and is not recorded.');
  await t.fill('0.5');
  await lockPrediction(w, id, '16');
  await t.fill('0.115');
  await assertPractice(page, predictBox(w, id));
  await finish(page, 'threshold-predict-close-seen');
});

test('threshold: 14 false alarms with 3 positives missed (t = 0.25) already count as the answer seen', async () => {
  const page = await openLesson(site, 'classification-metrics', { width: 1280 });
  const w = cardByTitle(page, 'Drag the threshold');
  await w.getByRole('slider', { name: /threshold t/ }).fill('0.25');
  assert.match((await verdict(w, 'threshold-catch-all', 0)).text, /^Before you predicted, the screen already showed 14 false alarms, within ± 2 of the fewest/);
  await finish(page, 'threshold-predict-close-seen-14');
});

// The fewest false alarms with every positive caught (16) is reachable where the feedback says:
// t from 0.111 to 0.119 on the slider, and by the arrow keys; one step either side is not.
test('threshold: the t the feedback names gives 0 missed and 16 false alarms, by slider and by keys', async () => {
  const page = await openLesson(site, 'classification-metrics', { width: 1280 });
  const w = cardByTitle(page, 'Drag the threshold');
  const slider = w.getByRole('slider', { name: /threshold t/ });
  const counts = async () => Object.fromEntries(await Promise.all(['tp', 'fp', 'fn'].map(async (k) => [k, Number(await w.locator(`[data-cell="${k}"] strong`).textContent())])));
  for (const [t, expected] of [['0.111', { tp: 40, fp: 16, fn: 0 }], ['0.119', { tp: 40, fp: 16, fn: 0 }], ['0.120', { tp: 39, fp: 16, fn: 1 }], ['0.110', { tp: 40, fp: 17, fn: 0 }]]) {
    await slider.fill(t);
    assert.equal((await w.locator('output').textContent()).trim(), t);
    assert.deepEqual(await counts(), expected, `t = ${t}`);
  }
  // Plurals agree with the counts: at 0.120 one positive is missed.
  await slider.fill('0.12');
  assert.equal((await w.locator('[data-cell="fn"] span').textContent()), 'false negative');
  assert.equal((await w.locator('[data-cell="fp"] span').textContent()), 'false positives');
  assert.match(await w.locator('canvas').getAttribute('aria-label'), /threshold 0\.120; 39 true positives, 16 false positives, 1 false negative, 24 true negatives/);
  // Keys: from 0.5, one example per press, until nothing is missed.
  await slider.fill('0.5');
  const canvas = w.locator('canvas');
  await canvas.focus();
  let presses = 0;
  while ((await counts()).fn > 0 && presses < 40) { await page.keyboard.press('ArrowLeft'); presses++; }
  assert.equal(presses, 13, '3 positives and 10 negatives lie between 0.1196 and 0.5');
  assert.equal((await w.locator('output').textContent()).trim(), '0.119');
  assert.deepEqual(await counts(), { tp: 40, fp: 16, fn: 0 });
  await page.keyboard.press('ArrowLeft');                          // one more: the negative at 0.1105
  assert.deepEqual(await counts(), { tp: 40, fp: 17, fn: 0 });
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await counts(), { tp: 40, fp: 16, fn: 0 });
  await page.keyboard.press('ArrowRight');                         // the lowest positive leaves
  assert.deepEqual(await counts(), { tp: 39, fp: 16, fn: 1 });
  assert.equal((await w.locator('output').textContent()).trim(), '0.120');
  await finish(page, 'threshold-fewest');
});

test('threshold: the prediction is a count, so 3.5 is refused and 16 is accepted', async () => {
  const page = await openLesson(site, 'classification-metrics', { width: 1280 });
  const w = cardByTitle(page, 'Drag the threshold');
  const id = 'threshold-catch-all';
  const box = predictBox(w, id);
  await box.locator('input').fill('3.5');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.equal(await box.getAttribute('data-state'), null);
  assert.equal((await box.getByRole('status').textContent()).trim(), '"3.5" is not a whole number: type a whole number (a count).');
  // A percentage in a count box is refused for what it is, not as if nothing had been typed.
  await box.locator('input').fill('50%');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.equal(await box.getAttribute('data-state'), null);
  assert.equal((await box.getByRole('status').textContent()).trim(), '"50%" has a % sign, but this is a count: type it without %.');
  assert.equal(await box.locator('input').getAttribute('inputmode'), 'numeric');
  await lockPrediction(w, id, '16');
  assert.match(await box.getByRole('status').textContent(), /^Your prediction: 16\./);
  await w.getByRole('slider', { name: /threshold t/ }).fill('0.115');
  const v = await verdict(w, id);
  assert.equal(v.result, 'held');
  assert.match(v.text, /you said 16, and it came out 16 \(within ± 2\)\. You started with 6 false alarms\. .* at least 16 negatives\. A recall/);
  await finish(page, 'threshold-integer');
});
