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
  // Typed key by key and committed with Enter, a count is read like every number on the site; a
  // refused one says why, quoting what was typed, and goes back (a number box made "1/2" into 12).
  const typeIn = async (box, text) => { await box.click({ clickCount: 3 }); await page.keyboard.type(text); await page.keyboard.press('Enter'); };
  for (const [typed, reason] of [['-5', '-5 is below 0, the least allowed here'], ['', 'the box was left empty'], ['1/2', '"1/2" is not a whole number'], ['2,5', '"2,5" is not a whole number'], ['abc', '"abc" is not a number']]) {
    if (typed) await typeIn(fp, typed);
    else { await fp.fill(''); await fp.press('Enter'); }
    assert.equal(await w.locator('.dw-message').textContent(), `FP stays 20: ${reason}.`, typed);
    assert.equal(await fp.inputValue(), '20', typed);
    assert.equal(await stat(w, 'precision'), '0.800', typed);
  }
  await typeIn(fp, '1 000');
  assert.equal(await fp.inputValue(), '1000');
  assert.equal(await stat(w, 'precision'), '0.074');
  await fp.press('ArrowDown');
  assert.equal(await fp.inputValue(), '999');
  await tp.fill('0'); await fp.fill('0'); await fn.fill('0');
  assert.match(await w.locator('.dw-message').textContent(), /All three counts are zero/);
  await tp.fill('30'); await fp.fill('30'); await fn.fill('10');
  assert.equal(await stat(w, 'precision'), '0.500');
  assert.equal(await stat(w, 'recall'), '0.750');
  assert.equal(await stat(w, 'F1'), '0.600');
  await finish(page, 'pr-by-hand-375');
});

