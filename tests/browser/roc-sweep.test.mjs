// Level 3 · ROC curves: Step/Play/Reset sweep the threshold, the readouts equal the engine's ROC
// points, AUC and average precision, and the hard dataset lowers the AUC.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, readShown } from '../../web/lib/format.js';
import { PLAY_TIMEOUT, openPage, startSite, widgetsReady } from './browser.mjs';
import { lockPrediction, verdict, assertFirstTry, assertPractice, changePrediction, predictBox, recordReports } from './predict-helpers.mjs';
import { cardByTitle, canvasIsDrawn, finish, listenLive, openLesson, stat, inEngine } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

async function engineCurves(page, spread) {
  return inEngine(page, (ml, s) => ml.scoped((track) => {
    const model = track(new ml.LogisticRegression());
    const train = ml.makeBlobs(80, 2, s, 5);
    const test = ml.makeBlobs(80, 2, s, 5 + 7919);
    model.setData(train.X, train.cols, train.y);
    model.setLearningRate(0.5);
    model.fit(4000);
    const proba = model.predictProba(test.X);
    const scores = Array.from({ length: test.rows }, (_, i) => proba[2 * i + 1]);
    const roc = ml.rocCurve(test.y, scores);
    const pr = ml.precisionRecallCurve(test.y, scores);
    return {
      fpr: Array.from(roc.fpr), tpr: Array.from(roc.tpr), thresholds: Array.from(roc.thresholds), auc: ml.rocAuc(test.y, scores), ap: ml.averagePrecision(test.y, scores),
      precision: Array.from(pr.precision), recall: Array.from(pr.recall),
    };
  }), spread);
}

for (const width of [1280, 375]) {
  test(`ROC sweep at ${width} px: step, play, drag and the dataset toggle`, async () => {
    const page = await openLesson(site, 'roc-curves', { width });
    const w = cardByTitle(page, 'Sweep the threshold');
    for (let i = 0; i < 3; i++) assert.ok(await canvasIsDrawn(w.locator('canvas').nth(i)));
    const easy = await engineCurves(page, 2.0);
    assert.equal(await stat(w, 'AUC'), formatNumber(easy.auc, 3));
    assert.equal(await stat(w, 'avg precision'), formatNumber(easy.ap, 3));
    assert.equal(await stat(w, 'TPR'), '0.000');
    const step = w.getByRole('button', { name: 'Step', exact: true });
    for (let i = 0; i < 5; i++) await step.click();
    assert.equal(await stat(w, 'TPR'), formatNumber(easy.tpr[5], 3));
    assert.equal(await stat(w, 'FPR'), formatNumber(easy.fpr[5], 3));
    // Keyboard on the ROC chart walks one point at a time.
    await w.locator('canvas').nth(1).focus();
    await page.keyboard.press('Shift+ArrowRight');
    assert.equal(await stat(w, 'TPR'), formatNumber(easy.tpr[15], 3));
    // Play runs the sweep to the end, where the area so far is the whole AUC.
    await w.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => /Sweep complete/.test([...document.querySelectorAll('.dw-message')].map((m) => m.textContent).join(' ')), null, { timeout: PLAY_TIMEOUT });
    assert.equal(await stat(w, 'area so far'), formatNumber(easy.auc, 3));
    assert.equal(await stat(w, 'TPR'), '1.000');
    await w.getByRole('button', { name: 'Reset' }).click();
    assert.equal(await stat(w, 'area so far'), '0.000');
    // Dragging the threshold in the strip to 0.5 selects the ROC point for "score ≥ 0.5".
    const strip = w.locator('canvas').nth(0);
    await strip.scrollIntoViewIfNeeded();
    const box = await strip.boundingBox();
    const x = (t) => box.x + 74 + t * (box.width - 88);
    await page.mouse.move(x(1), box.y + 30);
    await page.mouse.down();
    await page.mouse.move(x(0.5), box.y + 30, { steps: 6 });
    await page.mouse.up();
    assert.ok(Number(await stat(w, 'TPR')) > 0.5, `half-way threshold catches most positives: ${await stat(w, 'threshold')} ${await stat(w, 'TPR')}`);
    await w.getByRole('button', { name: 'Hard', exact: true }).click();
    const hard = await engineCurves(page, 5.0);
    assert.equal(await stat(w, 'AUC'), '–');                            // hidden until swept
    await w.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => /Sweep complete/.test([...document.querySelectorAll('.dw-message')].map((m) => m.textContent).join(' ')), null, { timeout: PLAY_TIMEOUT });
    assert.equal(await stat(w, 'AUC'), formatNumber(hard.auc, 3));
    assert.ok(hard.auc < easy.auc - 0.1, `overlap lowers AUC (${hard.auc} vs ${easy.auc})`);
    await finish(page, `roc-${width}`);
  });
}

// The audit's finding: the top Easy scores differ only in the fourth or fifth decimal, so at three
// decimals steps 1–5 all read "t = 1.000" (and 6–8 "0.999") while TPR climbed. Each step's
// threshold now reads differently from the last, below 1, and is the engine's threshold to the
// digits shown; the precision–recall chart's label names its current point as the ROC chart's does.
test('ROC sweep: every Step shows a threshold of its own, and the PR chart says where it is traced to', async () => {
  const page = await openLesson(site, 'roc-curves', { width: 1280 });
  const w = cardByTitle(page, 'Sweep the threshold, trace the ROC curve');
  const easy = await engineCurves(page, 2.0);
  const prCanvas = w.locator('canvas').nth(2);
  const n = easy.precision.length;
  // Before any step: nothing flagged, the PR curve's conventional start at recall 0, precision 1.
  assert.equal([easy.recall[n - 1], easy.precision[n - 1]].join(), '0,1');
  assert.equal(await prCanvas.getAttribute('aria-label'), `Precision–recall curve traced to point 0 of 80: recall 0.000, precision 1.000 (the starting point by convention: nothing is flagged yet); average precision ${formatNumber(easy.ap, 3)}`);
  assert.match(await w.locator('.dw-message').textContent(), /precision–recall curve at recall 0, precision 1/);
  const step = w.getByRole('button', { name: 'Step', exact: true });
  let before = Infinity;
  for (let k = 1; k <= 12; k++) {
    await step.click();
    const shown = await stat(w, 'threshold');
    const v = readShown(shown);
    const decimals = (shown.split('.')[1] || '').length;
    assert.ok(v < 1, `step ${k}: ${shown} reads below 1`);
    assert.ok(v < before, `step ${k}: ${shown} reads lower than the step before`);
    assert.ok(Math.abs(v - easy.thresholds[k]) <= 0.5 * 10 ** -decimals + 1e-12, `step ${k}: ${shown} is ${easy.thresholds[k]} rounded`);
    assert.ok((await w.locator('.dw-message').textContent()).startsWith(`Threshold t = ${shown}:`), `step ${k}: the status line names the same t`);
    assert.equal(await stat(w, 'TPR'), formatNumber(easy.tpr[k], 3));
    const j = n - 1 - k; // one PR point per distinct score, from the anchor
    assert.ok(Math.abs(easy.recall[j] - easy.tpr[k]) < 1e-12);
    assert.equal(await prCanvas.getAttribute('aria-label'), `Precision–recall curve traced to point ${k} of 80: recall ${formatNumber(easy.recall[j], 3)}, precision ${formatNumber(easy.precision[j], 3)}; average precision ${formatNumber(easy.ap, 3)}`);
    before = v;
  }
  // Hard hides its average precision in the label as in the readout until swept.
  await w.getByRole('button', { name: 'Hard', exact: true }).click();
  assert.match(await prCanvas.getAttribute('aria-label'), /average precision hidden until the sweep reaches the end$/);
  await finish(page, 'roc-threshold-steps');
});

test('ROC sweep: predict the Hard AUC before seeing it (missed, then held)', async () => {
  const page = await openLesson(site, 'roc-curves', { width: 1280, reducedMotion: 'reduce' });
  const w = cardByTitle(page, 'Sweep the threshold, trace the ROC curve');
  const id = 'roc-hard-auc';
  const sweepHard = async () => {
    await w.getByRole('button', { name: 'Hard' }).click();
    for (let i = 0; i < 10; i++) await w.getByRole('button', { name: 'Play' }).click();   // reduced motion: a tenth a press
    assert.equal(await stat(w, 'TPR'), '1.000');
  };
  // This box asks for an AUC between 0 and 1, not a percentage: "50%" is refused in words (only a
  // box that asks for a percentage reads a trailing % sign), and nothing locks.
  const box = w.locator(`[data-predict="${id}"]`);
  await box.locator('input').fill('50%');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.equal(await box.getByRole('status').textContent(), '"50%" has a % sign, but this is a plain number, not a percentage: type it without %. If you meant 50% of 1, type 0.5.');
  assert.equal(await box.getAttribute('data-state'), null);
  await lockPrediction(w, id, '0.5');
  await sweepHard();
  let v = await verdict(w, id);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /you said 0\.500, and it came out 0\.753 \(outside ± 0\.05\)/);
  // Predicting while Hard is shown is refused: the AUC is on screen.
  await lockPrediction(w, id, '0.75').catch(() => {});
  assert.match((await verdict(w, id, 0)).text, /Switch back to Easy first/);
  await w.getByRole('button', { name: 'Easy' }).click();
  await lockPrediction(w, id, '0.8');
  await sweepHard();
  v = await verdict(w, id);
  assert.equal(v.result, 'held');
  assert.match(v.text, /with probability 0\.753: below the Easy data's 0\.983/);
  await finish(page, 'roc-predict');
});

// The peek the audit found: Hard showed its AUC before any sweep, so a learner could read it, go
// back to Easy, type it and be recorded as right first time.
test('ROC sweep: the Hard AUC stays hidden until a sweep over Hard ends; a prediction after that is practice', async () => {
  const page = await openLesson(site, 'roc-curves', { width: 1280, reducedMotion: 'reduce' });
  await recordReports(page);
  const w = cardByTitle(page, 'Sweep the threshold, trace the ROC curve');
  const id = 'roc-hard-auc';
  const hard = await engineCurves(page, 5.0);
  const rocCanvas = w.locator('canvas').nth(1);
  const prCanvas = w.locator('canvas').nth(2);
  const hardButton = w.getByRole('button', { name: 'Hard', exact: true });
  const play = w.getByRole('button', { name: 'Play' });
  await hardButton.click();
  assert.equal(await stat(w, 'AUC'), '–');
  assert.equal(await stat(w, 'avg precision'), '–');
  assert.match(await w.locator('.dw-stat[data-stat="AUC"]').textContent(), /hidden until the sweep over Hard reaches the end/);
  assert.match(await w.locator('.dw-message').textContent(), /show “–” until the sweep reaches the end/);
  assert.doesNotMatch(await w.textContent(), /0\.753|0\.749/);
  assert.doesNotMatch(await rocCanvas.getAttribute('aria-label'), /0\.753/);
  const prHidden = await prCanvas.evaluate((c) => c.toDataURL());
  const rocHidden = await rocCanvas.evaluate((c) => c.toDataURL());
  // Sweeping Hard with nothing committed: from the first step a later prediction is practice.
  await play.click();
  assert.match(await w.locator('[data-predict] [role="status"]').textContent(), /before predicting its AUC, so a prediction made on this page now is practice/);
  for (let i = 0; i < 9; i++) await play.click();
  assert.equal(await stat(w, 'TPR'), '1.000');
  assert.equal(await stat(w, 'AUC'), formatNumber(hard.auc, 3));
  assert.equal(await stat(w, 'avg precision'), formatNumber(hard.ap, 3));
  // Back at the start, the whole curves are drawn faintly now that they have been swept.
  await w.getByRole('button', { name: 'Reset' }).click();
  assert.notEqual(await prCanvas.evaluate((c) => c.toDataURL()), prHidden);
  assert.notEqual(await rocCanvas.evaluate((c) => c.toDataURL()), rocHidden);
  assert.match(await rocCanvas.getAttribute('aria-label'), /AUC 0\.753/);
  // The copied answer is judged, quoted with the readout's digits, and not recorded.
  await w.getByRole('button', { name: 'Easy', exact: true }).click();
  await lockPrediction(w, id, '0.753');
  await hardButton.click();
  for (let i = 0; i < 10; i++) await play.click();
  const text = await assertPractice(page, predictBox(w, id), { othersMayReport: true });
  assert.match(text, /you said 0\.753, and it came out 0\.753 \(within ± 0\.05\)/);
  await finish(page, 'roc-predict-peek');
});

// A prediction changed part-way through the Hard sweep (a tenth of its curve and area on screen),
// then locked again on Easy, is practice; changed with Hard shown but not yet swept it stays a
// first try, and is recorded.
test('ROC sweep: a prediction changed part-way through the Hard sweep is practice; changed before a step it is a first try', async () => {
  for (const partWay of [true, false]) {
    const page = await openLesson(site, 'roc-curves', { width: 1280, reducedMotion: 'reduce' });
    await page.evaluate(() => localStorage.clear()); // a first try: nothing an earlier test recorded
    await page.reload();
    await widgetsReady(page);
    await recordReports(page);
    const w = cardByTitle(page, 'Sweep the threshold, trace the ROC curve');
    const id = 'roc-hard-auc';
    const box = predictBox(w, id);
    await lockPrediction(w, id, '0.5');
    await w.getByRole('button', { name: 'Hard', exact: true }).click();
    if (partWay) {
      await w.getByRole('button', { name: 'Play' }).click(); // a tenth of the sweep
      assert.notEqual(await stat(w, 'TPR'), '0.000');
    }
    await changePrediction(box);
    await w.getByRole('button', { name: 'Easy', exact: true }).click();
    await lockPrediction(w, id, '0.75');
    await w.getByRole('button', { name: 'Hard', exact: true }).click();
    await w.getByRole('button', { name: 'Reset' }).click();
    for (let i = 0; i < 10; i++) await w.getByRole('button', { name: 'Play' }).click();
    if (partWay) await assertPractice(page, box, { othersMayReport: true });
    else await assertFirstTry(page, box);
    await page.close();
  }
});

// Audit 10 C5: at points=10 (the option's minimum) the top score is 0.9999999999998992, and the
// first Step read "Threshold t = 1.00000000000" (12 digits that read as 1, under which "score ≥ t"
// would flag nothing), the second "0.99999999". A t that six digits cannot tell apart from its
// neighbours, or from 1, is now written as its gap below 1.
test('ROC sweep at points=10: thresholds next to 1 read as their gap below 1, in few digits', async () => {
  const page = await openPage(site, '/embed.html?w=roc-sweep&points=10');
  const w = page.locator('.dw-card').first();
  const step = w.getByRole('button', { name: 'Step', exact: true });
  const want = ['1 − 1.01 × 10⁻¹³', '1 − 8.25 × 10⁻⁹', '0.99996', '0.999', '0.0825', '3.19 × 10⁻¹²'];
  for (const [i, shown] of want.entries()) {
    await step.click();
    assert.equal(await stat(w, 'threshold'), shown, `step ${i + 1}`);
    assert.ok((await w.locator('.dw-message').textContent()).startsWith(`Threshold t = ${shown}:`), `step ${i + 1}`);
  }
  await page.close();
});

// Audit 10 A2: Play rewrote the polite message line on every frame of the sweep ("Threshold t = …",
// 80 times in five seconds), so "Sweep complete" queued behind them. The sweep is quiet, then its
// last sentence is said once.
test('ROC sweep: Play by keyboard is quiet while it sweeps and says "Sweep complete" once', async () => {
  const page = await openLesson(site, 'roc-curves');
  const card = cardByTitle(page, 'Sweep the threshold');
  const play = card.getByRole('button', { name: 'Play' });
  await play.focus();
  const heard = await listenLive(card);
  await page.keyboard.press('Enter');
  await card.locator('.dw-message', { hasText: 'Sweep complete' }).waitFor({ timeout: PLAY_TIMEOUT });
  await card.locator('.dw-message[aria-live="polite"]').waitFor(); // live again once the sweep is over
  const said = (await heard()).filter((h) => !/predict/.test(h.region));
  assert.deepEqual(said.map((h) => h.text), [(await card.locator('.dw-message').textContent()).trim()]);
  assert.match(said[0].text, /^Sweep complete: the area under the ROC curve is AUC = 0\.\d{3}/);
  assert.equal(await play.evaluate((b) => b === document.activeElement), true, 'focus stays on Play');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
