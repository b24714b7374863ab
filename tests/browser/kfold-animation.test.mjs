import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, openPage, openFreshPage } from './browser.mjs';
import { lockPrediction, verdict, assertFirstTry, assertPractice, changePrediction, predictBox, recordReports } from './predict-helpers.mjs';
import { stat, canvasIsDrawn, inEngine, assertClean } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('k-fold animation: fold by fold, the mean equals the engine\'s crossValScore', async () => {
  const page = await openPage(site, '/lessons/scaling-and-cv.html', { reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: 'k-fold cross-validation, fold by fold' });
  assert.ok(await canvasIsDrawn(card.locator('canvas').first()));
  const expected = await inEngine(page, (ml) => {
    const t = new ml.DecisionTree();
    try {
      const d = ml.makeMoons(100, 0.35, 3);
      t.setMaxDepth(3);
      const s = ml.crossValScore(t, d.X, 2, d.y, 5, 3, 100000);
      const mean = s.reduce((a, b) => a + b, 0) / s.length;
      return { scores: [...s].map((v) => `${(v * 100).toFixed(1)}%`), mean: `${(mean * 100).toFixed(1)}%` };
    } finally { t.delete(); }
  });
  const step = card.getByRole('button', { name: 'Step', exact: true });
  for (let f = 0; f < 5; f++) {
    await step.click();
    assert.equal(await stat(card, 'fold'), `${f + 1} of 5`);
    assert.equal(await stat(card, 'this fold'), expected.scores[f]);
  }
  assert.equal(await stat(card, 'mean'), expected.mean);
  assert.match(await card.locator('.dw-message').textContent(), /crossValScore gives the same mean/);
  // Changing k restarts with new folds.
  await card.getByRole('slider', { name: /folds k/ }).fill('3');
  assert.equal(await stat(card, 'fold'), '– of 3');
  await screenshot(page, 'kfold-1280');
  await assertClean(page);
  await page.close();
});

test('k-fold animation: predict the cross-validated accuracy of a depth-10 tree (held, then missed)', async () => {
  const page = await openPage(site, '/lessons/scaling-and-cv.html', { reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: 'k-fold cross-validation, fold by fold' });
  const step = card.getByRole('button', { name: 'Step', exact: true });
  const depth = card.getByRole('slider', { name: /tree depth/ });
  const runAll = async () => { for (let f = 0; f < 5; f++) await step.click(); };
  const id = 'kfold-deeper-tree';
  await lockPrediction(card, id, 'same').catch(() => {});
  assert.match((await verdict(card, id, 0)).text, /Run all the folds first/);
  await runAll();
  await lockPrediction(card, id, 'same');
  await depth.fill('10');
  await runAll();
  let v = await verdict(card, id);
  assert.equal(v.result, 'held');
  assert.match(v.text, /Depth 3: 83\.0%; depth 10: 84\.0%/);
  await depth.fill('3');
  await runAll();
  await lockPrediction(card, id, 'perfect');
  await depth.fill('10');
  await runAll();
  v = await verdict(card, id);
  assert.equal(v.result, 'missed');
  await assertClean(page);
  await page.close();
});

test('k-fold animation: runs at depth 3 and 10 finished before a prediction make it practice, and nothing is recorded for it', async () => {
  const page = await openPage(site, '/lessons/scaling-and-cv.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const card = page.locator('.dw-card').filter({ hasText: 'k-fold cross-validation, fold by fold' });
  const step = card.getByRole('button', { name: 'Step', exact: true });
  const depth = card.getByRole('slider', { name: /tree depth/ });
  const runAll = async () => { for (let f = 0; f < 5; f++) await step.click(); };
  const id = 'kfold-deeper-tree';
  await runAll();
  assert.doesNotMatch((await verdict(card, id, 0)).text, /practice/, 'one run at the starting depth gives nothing away');
  await depth.fill('10');
  await runAll();                                       // the answer (84.0%) is on screen
  assert.match((await verdict(card, id, 0)).text, /practice and is not recorded/);
  await depth.fill('3');
  await runAll();
  await lockPrediction(card, id, 'same');
  await depth.fill('10');
  await runAll();
  await assertPractice(page, predictBox(card, id), { othersMayReport: true });
  await assertClean(page);
  await page.close();
});

test('k-fold animation: a deep run finished before the shallow one, then a prediction: practice, nothing recorded', async () => {
  const page = await openPage(site, '/lessons/scaling-and-cv.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const card = page.locator('.dw-card').filter({ hasText: 'k-fold cross-validation, fold by fold' });
  const step = card.getByRole('button', { name: 'Step', exact: true });
  const depth = card.getByRole('slider', { name: /tree depth/ });
  const runAll = async () => { for (let f = 0; f < 5; f++) await step.click(); };
  const id = 'kfold-deeper-tree';
  await depth.fill('10');
  await runAll();                                       // depth 10's mean (84.0%) is on screen first
  await depth.fill('3');
  await runAll();                                       // then depth 3's (83.0%): the comparison is seen
  assert.match((await verdict(card, id, 0)).text, /practice and is not recorded/);
  await lockPrediction(card, id, 'same');
  await depth.fill('10');
  await runAll();
  await assertPractice(page, predictBox(card, id), { othersMayReport: true });
  await assertClean(page);
  await page.close();
});

test('k-fold animation: "within 2 points" is judged on the means as shown (82.0% → 84.0% is within 2)', async () => {
  const page = await openPage(site, '/lessons/scaling-and-cv.html', { reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: 'k-fold cross-validation, fold by fold' });
  const step = card.getByRole('button', { name: 'Step', exact: true });
  const depth = card.getByRole('slider', { name: /tree depth/ });
  const runAll = async () => { for (let f = 0; f < 5; f++) await step.click(); };
  const id = 'kfold-deeper-tree';
  await depth.fill('4');
  await runAll();
  assert.equal(await stat(card, 'mean'), '82.0%');
  await lockPrediction(card, id, 'same');
  await depth.fill('8');
  await runAll();
  assert.equal(await stat(card, 'mean'), '84.0%');      // 0.84 − 0.82 is 0.020000000000000018 in floats
  const v = await verdict(card, id);
  assert.match(v.text, /Depth 4: 82\.0%; depth 8: 84\.0%/);
  assert.equal(v.result, 'held');
  await assertClean(page);
  await page.close();
});

// Part of a run is enough: depth 10 paused after two of its five folds (their scores on screen
// beside depth 3's mean), with nothing locked, or a prediction changed there and locked again,
// makes the box practice. Changed before any fold at depth 10 it stays a first try, and is
// recorded.
test('k-fold animation: depth 10 paused after two folds, before locking or under a prediction then changed, makes the box practice; changed before a fold it is a first try', async () => {
  for (const how of ['paused', 'changed', 'before']) {
    const page = await openFreshPage(site, '/lessons/scaling-and-cv.html', { reducedMotion: 'reduce' });
    await recordReports(page);
    const card = page.locator('.dw-card').filter({ hasText: 'k-fold cross-validation, fold by fold' });
    const step = card.getByRole('button', { name: 'Step', exact: true });
    const depth = card.getByRole('slider', { name: /tree depth/ });
    const runAll = async () => { for (let f = 0; f < 5; f++) await step.click(); };
    const id = 'kfold-deeper-tree';
    const box = predictBox(card, id);
    await runAll();
    if (how !== 'paused') await lockPrediction(card, id, 'perfect');
    await depth.fill('10');
    if (how !== 'before') {
      for (let f = 0; f < 2; f++) await step.click();
      assert.equal(await stat(card, 'fold'), '2 of 5');
    }
    if (how === 'paused') assert.match(await box.getByRole('status').textContent(), /Fold scores at two depths were on screen before a prediction was locked in/);
    else await changePrediction(box);
    await depth.fill('3');
    await runAll();
    await lockPrediction(card, id, 'same');
    await depth.fill('10');
    await runAll();
    if (how === 'before') await assertFirstTry(page, box);
    else await assertPractice(page, box, { othersMayReport: true });
    await page.close();
  }
});
