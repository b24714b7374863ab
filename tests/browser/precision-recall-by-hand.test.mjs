// Precision and recall by hand (classification-metrics lesson): 80/20/40 gives 0.800, 0.667 and
// 0.727 from the engine, and bad input is refused in words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './browser.mjs';
import { lockPrediction, verdict } from './predict-helpers.mjs';
import { cardByTitle, canvasIsDrawn, finish, openLesson, stat, inEngine } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// The widget's data, rebuilt through the engine exactly as web/lib/scores.js does.

test('precision and recall by hand: 80/20/40 gives 0.800, 0.667, 0.727 from the engine; bad input in words', async () => {
  const page = await openLesson(site, 'classification-metrics', { width: 375 });
  const w = cardByTitle(page, 'Precision and recall by hand');
  assert.equal(await stat(w, 'precision'), '0.800');
  assert.equal(await stat(w, 'recall'), '0.667');
  assert.equal(await stat(w, 'F1'), '0.727');
  const expected = await inEngine(page, (ml) => {
    const yTrue = [...Array(80).fill(1), ...Array(20).fill(0), ...Array(40).fill(1)];
    const yPred = [...Array(80).fill(1), ...Array(20).fill(1), ...Array(40).fill(0)];
    return [ml.precision(yTrue, yPred), ml.recall(yTrue, yPred), ml.f1Score(yTrue, yPred)].map((v) => v.toFixed(3));
  });
  assert.deepEqual(expected, ['0.800', '0.667', '0.727']);
  const tp = w.getByLabel(/TP/);
  const fp = w.getByLabel(/FP/);
  const fn = w.getByLabel(/FN/);
  await fp.fill('-5');
  assert.match(await w.locator('.dw-message').textContent(), /FP is negative/);
  assert.equal(await stat(w, 'precision'), '–');
  await fp.fill('');
  assert.match(await w.locator('.dw-message').textContent(), /FP is not a number/);
  await tp.fill('0'); await fp.fill('0'); await fn.fill('0');
  assert.match(await w.locator('.dw-message').textContent(), /All three counts are zero/);
  await tp.fill('30'); await fp.fill('30'); await fn.fill('10');
  assert.equal(await stat(w, 'precision'), '0.500');
  assert.equal(await stat(w, 'recall'), '0.750');
  assert.equal(await stat(w, 'F1'), '0.600');
  await finish(page, 'pr-by-hand-375');
});

