// The threshold widget (classification-metrics lesson): its confusion matrix and metrics follow the
// threshold and equal the engine's, at 1280 and 375 px; the false-alarm prediction settles on them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './browser.mjs';
import { formatNumber } from '../../web/lib/format.js'; // as the site writes them (71/80 → 0.888)
import { lockPrediction, verdict } from './predict-helpers.mjs';
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
    await canvas.focus();
    await page.keyboard.press('Shift+ArrowRight');                    // 0.1 → 0.2
    await check(0.2);
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    const x = (t) => box.x + 74 + t * (box.width - 88);             // strip margins 74 / 14 px
    await page.mouse.move(x(0.2), box.y + box.height / 2);
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
  assert.match(v.text, /at your t = 0\.10 there are 18/);
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
