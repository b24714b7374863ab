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


// With TP = 0 the card said "Precision and recall are about equal, so F1 (0.000) sits right
// between them" and wrote F1 as 2·P·R / (P + R), which is 0 / 0 there. It now says what the
// lesson's definitions give: F1 = 2TP / (2TP + FP + FN) is 0 while FP + FN > 0, precision is
// undefined when nothing was flagged, recall when there are no real positives, all three when
// every count is 0.
test('precision and recall by hand: TP = 0 is said in words, by the lesson\'s definitions', async () => {
  const page = await openLesson(site, 'classification-metrics', { width: 1280 });
  const w = cardByTitle(page, 'Precision and recall by hand');
  const message = () => w.locator('.dw-message').textContent();
  const f1Line = () => w.locator('.precision-recall-by-hand-working li').nth(2).textContent();
  const set = async (tp, fp, fn) => {
    for (const [label, v] of [[/TP/, tp], [/FP/, fp], [/FN/, fn]]) { await w.getByLabel(label).fill(String(v)); await w.getByLabel(label).press('Enter'); }
  };
  await set(0, 5, 3);
  assert.deepEqual([await stat(w, 'precision'), await stat(w, 'recall'), await stat(w, 'F1')], ['0.000', '0.000', '0.000']);
  assert.equal(await message(), 'Not one real positive was caught: all 5 flags are false alarms and all 3 real positives were missed, so precision, recall and F1 are all 0. F1 is not undefined here: its denominator 2TP + FP + FN is above 0.');
  assert.equal(await f1Line(), 'F12TP / (2TP + FP + FN) = 0 / 8 = 0.000 (with TP = 0, the form 2·P·R / (P + R) would read 0 / 0)');
  await set(0, 1, 1);
  assert.match(await message(), /^Not one real positive was caught: the only flag is a false alarm and the only real positive was missed, so/);
  await set(0, 0, 4);
  assert.equal(await message(), 'Nothing was flagged positive: precision is undefined (0 / 0, reported as 0), and recall and F1 are 0, since every real positive was missed.');
  assert.match(await f1Line(), /= 0 \/ 4 = 0\.000 \(with TP = 0/);
  await set(0, 4, 0);
  assert.equal(await message(), 'There are no real positives: recall is undefined (0 / 0, reported as 0), and every flag is a false alarm, so precision and F1 are 0.');
  await set(0, 0, 0);
  assert.equal(await message(), 'All three counts are zero: nothing was flagged and there are no real positives, so precision (0 / 0), recall (0 / 0) and F1 (2TP / (2TP + FP + FN) = 0 / 0) are all undefined.');
  assert.equal(await stat(w, 'F1'), '–');
  // TP above 0 keeps the harmonic-mean working.
  await set(30, 30, 10);
  assert.equal(await f1Line(), 'F12·P·R / (P + R) = 2TP / (2TP + FP + FN) = 60 / 100 = 0.600');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The verdict compared precision and recall with a fixed gap of 0.05: TP 1, FP 2, FN 3 (one right
// flag in three) read "Precise but incomplete", and 0.010 against 0.001 read "about equal, so F1
// sits right between them". It now follows the lesson: about equal from 90% of the larger,
// "precise"/"thorough" only from 0.7, F1 nearer the smaller, read from the stats on screen.
test('precision and recall by hand: the verdict line follows the lesson\'s rule at its boundaries', async () => {
  const page = await openLesson(site, 'classification-metrics', { width: 1280 });
  const w = cardByTitle(page, 'Precision and recall by hand');
  const message = () => w.locator('.dw-message').textContent();
  const set = async (tp, fp, fn) => {
    for (const [label, v] of [[/TP/, tp], [/FP/, fp], [/FN/, fn]]) { await w.getByLabel(label).fill(String(v)); await w.getByLabel(label).press('Enter'); }
    return [await stat(w, 'precision'), await stat(w, 'recall'), await stat(w, 'F1')];
  };
  assert.deepEqual(await set(1, 2, 3), ['0.333', '0.250', '0.286']);
  assert.equal(await message(), 'Neither is high: 33.3% of the flags are right and 25.0% of the real positives are caught. The two are not about equal either (the smaller is under 90% of the larger), so F1 (0.286), their harmonic mean, sits nearer the smaller, recall.');
  assert.deepEqual(await set(1, 99, 999), ['0.010', '0.001', '0.002']);
  assert.match(await message(), /^Neither is high: 1\.0% of the flags are right and 0\.1% of .* F1 \(0\.002\), their harmonic mean, sits nearer the smaller, recall\.$/);
  assert.deepEqual(await set(1, 999, 99), ['0.001', '0.010', '0.002']);
  assert.match(await message(), /sits nearer the smaller, precision\.$/);
  // 0.700 against 0.630 is exactly 90%: about equal; 0.629 is under it, and 0.700 is high.
  assert.deepEqual((await set(63, 27, 37)).slice(0, 2), ['0.700', '0.630']);
  assert.match(await message(), /^Precision and recall are about equal \(the smaller is at least 90% of the larger\), so F1 \(0\.663\), their harmonic mean, sits between them, at or just under their plain average\.$/);
  assert.deepEqual((await set(56, 24, 33)).slice(0, 2), ['0.700', '0.629']);
  assert.match(await message(), /^Precise but incomplete: 70\.0% of the flags are right, yet 33 of 89 real positives/);
  assert.deepEqual((await set(56, 33, 24)).slice(0, 2), ['0.629', '0.700']);
  assert.match(await message(), /^Thorough but noisy: 70\.0% of real positives are caught, but 33 of 89 flags are false alarms\. F1 \(0\.663\), their harmonic mean, sits nearer the smaller of the two, precision\./);
  // The larger at 0.699 is not high.
  assert.deepEqual((await set(51, 22, 51)).slice(0, 2), ['0.699', '0.500']);
  assert.match(await message(), /^Neither is high: 69\.9% of the flags/);
  assert.deepEqual((await set(7, 3, 7)).slice(0, 2), ['0.700', '0.500']);
  assert.match(await message(), /^Precise but incomplete: 70\.0% of the flags are right/);
  assert.deepEqual((await set(50, 50, 50)).slice(0, 2), ['0.500', '0.500']);
  assert.match(await message(), /about equal .* But both are low: 50\.0% of the flags are right and 50\.0% of the real positives are caught\.$/);
  // The lesson's spam filter: precise.
  await set(80, 20, 40);
  assert.equal(await message(), 'Precise but incomplete: 80.0% of the flags are right, yet 40 of 120 real positives (33.3%) were missed. F1 (0.727), their harmonic mean, sits nearer the smaller of the two, recall. A lower threshold would raise recall and cost precision.');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
