// Level 3 · Loss functions: the loss-penalties widget moves by keyboard and by drag, and its
// readouts equal the engine's meanSquaredError and logLoss for the same prediction.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './browser.mjs';
import { lockPrediction, verdict, assertPractice, predictBox, recordReports } from './predict-helpers.mjs';
import { cardByTitle, canvasIsDrawn, finish, openLesson, stat, inEngine } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

for (const width of [1280, 375]) {
  test(`loss penalties at ${width} px: keyboard and drag change the losses, values match the engine`, async () => {
    const page = await openLesson(site, 'loss-functions', { width });
    assert.ok(await page.locator('.katex').count() > 10, 'formulas are typeset');
    const w = cardByTitle(page, 'See the loss penalties');
    const [mseCanvas, ceCanvas] = [w.locator('canvas').nth(0), w.locator('canvas').nth(1)];
    assert.ok(await canvasIsDrawn(mseCanvas));
    assert.ok(await canvasIsDrawn(ceCanvas));
    assert.equal(await stat(w, 'squared error'), '1.000');            // ŷ = 3, y = 2
    assert.equal(await stat(w, 'cross-entropy'), (-Math.log(0.7)).toFixed(3));

    // Keyboard: move the prediction right by 10 × 0.05 = 0.5 → ŷ = 3.5.
    await mseCanvas.focus();
    await page.keyboard.press('Shift+ArrowRight');
    assert.equal(await stat(w, 'prediction ŷ'), '3.50');
    const expectedMse = await inEngine(page, (ml) => ml.meanSquaredError([2], [3.5]));
    assert.equal(await stat(w, 'squared error'), expectedMse.toFixed(3));
    await page.keyboard.press('Escape');                                // cancels back to 3
    assert.equal(await stat(w, 'prediction ŷ'), '3.00');

    // Confident and wrong: drive p towards 0 for a true class 1.
    await ceCanvas.focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('Shift+ArrowLeft');
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
    const p = Number(await stat(w, 'p(class 1)'));
    assert.ok(p <= 0.01, `p went down to ${p}`);
    const expectedCe = await inEngine(page, (ml, q) => ml.logLoss([1], [q]), p);
    assert.equal(await stat(w, 'cross-entropy'), expectedCe.toFixed(3));
    assert.ok(expectedCe > 4.5);
    assert.match(await w.locator('.dw-message').textContent(), /Confident and wrong/);

    // Switching the true class makes the same probability confidently right.
    await w.getByRole('button', { name: /class 0/ }).click();
    assert.ok(Number(await stat(w, 'cross-entropy')) < 0.02);

    // Pointer drag on the bowl: grab the handle and pull it left.
    await mseCanvas.scrollIntoViewIfNeeded();
    const box = await mseCanvas.boundingBox();
    const before = await stat(w, 'prediction ŷ');
    // The handle sits at ŷ = 3 on a −1…5 axis inside the plot margins (44 px left, 12 px right).
    const x3 = box.x + 44 + ((3 - -1) / 6) * (box.width - 56);
    const y3 = box.y + box.height - 30 - (1 / (9 * 1.08)) * (box.height - 42);
    await page.mouse.move(x3, y3);
    await page.mouse.down();
    await page.mouse.move(x3 - box.width * 0.3, y3, { steps: 5 });
    await page.mouse.up();
    assert.notEqual(await stat(w, 'prediction ŷ'), before, 'dragging moves the prediction');
    await finish(page, `loss-${width}`);
  });
}

test('loss penalties: the arrow keys step p by 0.01, and by 0.001 within 0.02 of either end, as the lesson says', async () => {
  const page = await openLesson(site, 'loss-functions', { width: 1280 });
  const w = cardByTitle(page, 'See the loss penalties');
  const ceCanvas = w.locator('canvas').nth(1);
  await ceCanvas.focus();
  assert.equal(await stat(w, 'p(class 1)'), '0.700');
  for (let i = 0; i < 18; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await stat(w, 'p(class 1)'), '0.880');
  assert.equal(await stat(w, 'cross-entropy'), '0.128');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await stat(w, 'p(class 1)'), '0.980');
  await page.keyboard.press('ArrowRight');
  assert.equal(await stat(w, 'p(class 1)'), '0.981', 'finer step past 0.98');
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await stat(w, 'p(class 1)'), '0.999', 'stops at 0.999');
  for (let i = 0; i < 19; i++) await page.keyboard.press('ArrowLeft');
  assert.equal(await stat(w, 'p(class 1)'), '0.980');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await stat(w, 'p(class 1)'), '0.970', 'a whole step again below 0.98');
  for (let i = 0; i < 95; i++) await page.keyboard.press('ArrowLeft');
  assert.equal(await stat(w, 'p(class 1)'), '0.020');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await stat(w, 'p(class 1)'), '0.019', 'finer step below 0.02');
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft');
  assert.equal(await stat(w, 'p(class 1)'), '0.001', 'stops at 0.001');
  const lesson = await page.locator('main').textContent();
  assert.match(lesson, /in steps of 0\.01, and of 0\.001 within 0\.02 of either end/);
  await finish(page, 'loss-steps');
});

test('loss penalties: predict the cross-entropy at 1% on the true class (missed, then held)', async () => {
  const page = await openLesson(site, 'loss-functions', { width: 1280 });
  const w = cardByTitle(page, 'See the loss penalties');
  const ce = w.locator('canvas').nth(1);
  const id = 'loss-one-percent';
  const downTo1Percent = async () => {
    await ce.focus();
    for (let i = 0; i < 200 && await stat(w, 'p(class 1)') !== '0.010'; i++) await page.keyboard.press('ArrowLeft');
    assert.equal(await stat(w, 'p(class 1)'), '0.010');
  };
  await lockPrediction(w, id, '1');
  await downTo1Percent();
  let v = await verdict(w, id);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /you said 1\.00, and it came out 4\.61 \(outside ± 0\.5\)/);
  assert.match(v.text, /squared error of the same probability would be only 0\.98/);
  await ce.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await lockPrediction(w, id, '4.5');
  await downTo1Percent();
  v = await verdict(w, id);
  assert.equal(v.result, 'held');
  await finish(page, 'loss-predict');
});

// Short of 1%, the readout can already pass as the answer (4.61 ± 0.5): at p = 0.017 it reads 4.075,
// not yet; at 0.016 it reads 4.135, and at 0.011 it reads 4.510. Copying it is practice.
test('loss penalties: a cost within ± 0.5 of the answer in the readout before locking makes the prediction practice', async () => {
  const page = await openLesson(site, 'loss-functions', { width: 1280 });
  await recordReports(page);
  const w = cardByTitle(page, 'See the loss penalties');
  const ce = w.locator('canvas').nth(1);
  const id = 'loss-one-percent';
  const leftTo = async (p) => {
    await ce.focus();
    for (let i = 0; i < 200 && await stat(w, 'p(class 1)') !== p; i++) await page.keyboard.press('ArrowLeft');
    assert.equal(await stat(w, 'p(class 1)'), p);
  };
  await leftTo('0.017');
  assert.equal(await stat(w, 'cross-entropy'), '4.075');
  assert.doesNotMatch(await predictBox(w, id).getByRole('status').textContent(), /practice/);
  await leftTo('0.011');
  assert.equal(await stat(w, 'cross-entropy'), '4.510');
  // Every press on the way passed 0.016 (4.135) first: the box names the first readout that passed.
  assert.equal((await verdict(w, id, 0)).text, 'Before you predicted, the readout already showed a cross-entropy of 4.135, within ± 0.5 of the cost at 1%, so a prediction made on this page now is practice and is not recorded.');
  await lockPrediction(w, id, '4.51');
  await leftTo('0.010');
  await assertPractice(page, predictBox(w, id), { othersMayReport: true });
  await finish(page, 'loss-predict-close-seen');
});

// The cost at 1% is the box's answer: on screen before a prediction, a later one is practice.
test('loss penalties: a prediction locked after the 1% cost was on screen is practice, and is not recorded', async () => {
  const page = await openLesson(site, 'loss-functions', { width: 1280 });
  await recordReports(page);
  const w = cardByTitle(page, 'See the loss penalties');
  const ce = w.locator('canvas').nth(1);
  const id = 'loss-one-percent';
  const downTo1Percent = async () => {
    await ce.focus();
    for (let i = 0; i < 200 && await stat(w, 'p(class 1)') !== '0.010'; i++) await page.keyboard.press('ArrowLeft');
    assert.equal(await stat(w, 'p(class 1)'), '0.010');
  };
  await downTo1Percent();
  assert.equal(await stat(w, 'cross-entropy'), '4.605');
  // By keys the readout passes 0.016 first, whose cost already passes as the answer (next test).
  assert.match((await verdict(w, id, 0)).text, /so a prediction made on this page now is practice and is not recorded/);
  await ce.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await lockPrediction(w, id, '4.6');
  await downTo1Percent();
  await assertPractice(page, predictBox(w, id), { othersMayReport: true });
  await finish(page, 'loss-predict-seen');
});
