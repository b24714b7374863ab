// Frontier lessons on boosting, k-means and kernels: the step-through derivation, and each
// live widget's readouts against the engine computing the same state in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, widgetsReady } from './browser.mjs';
import { card, stat, message, cardShot, ink, noNaNInCards, inEngine } from './frontier-helpers.mjs';
import { lockPrediction, verdict } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('boosting: derivation reveals one step per click; AdaBoost rounds match the engine', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/frontier-boosting.html`);
    await widgetsReady(page);
    const deriv = card(page, 0);
    assert.equal(await stat(deriv, 'step'), '1 of 7');
    assert.equal(await deriv.locator('.dwf-step:visible').count(), 1);
    assert.ok(await deriv.locator('.katex').count() > 0, 'steps are typeset');
    await deriv.getByRole('button', { name: 'Next step' }).click();
    await deriv.getByRole('button', { name: 'Next step' }).click();
    assert.equal(await stat(deriv, 'step'), '3 of 7');
    assert.equal(await deriv.locator('.dwf-step:visible').count(), 3);
    await deriv.locator('ol').focus();
    await page.keyboard.press('End');
    assert.equal(await stat(deriv, 'step'), '7 of 7');
    assert.match(await message(deriv), /completes the argument/);
    assert.ok(!(await page.locator('#steps-boosting').isVisible()), 'the source block is taken over');
    if (width === 1280) await cardShot(deriv, 'frontier-derivation-1280');

    const w = card(page, 1);
    assert.ok(await ink(w, 0) > 5, 'points are drawn');
    for (let i = 0; i < 5; i++) await w.getByRole('button', { name: 'Step', exact: true }).click();
    const expected = await inEngine(page, (ml) => {
      const d = ml.makeCircles(80, 0.1, 0.5, 3);
      const ada = new ml.AdaBoost();
      try {
        ada.setData(d.X, 2, d.y); ada.setEstimatorCount(40); ada.setLearningRate(1); ada.reset(3);
        for (let i = 0; i < 5; i++) ada.step();
        return { eps: ada.errors()[4].toFixed(3), alpha: ada.alphas()[4].toFixed(3), train: ada.trainingErrors()[4].toFixed(3), bound: ada.bounds()[4].toFixed(3) };
      } finally { ada.delete(); }
    });
    assert.equal(await stat(w, 'round'), '5 / 40');
    assert.equal(await stat(w, 'ε (stump)'), expected.eps);
    assert.equal(await stat(w, 'α'), expected.alpha);
    assert.equal(await stat(w, 'training error'), expected.train);
    assert.equal(await stat(w, 'bound'), expected.bound);
    assert.match(await message(w), /Round 5: .*mistakes now hold 0\.500 of the weight/);
    // At the round limit the message says why boosting stopped, in words.
    await w.getByRole('slider', { name: /rounds/ }).fill('3');
    for (let i = 0; i < 4; i++) await w.getByRole('button', { name: 'Step', exact: true }).click();
    assert.equal(await stat(w, 'round'), '3 / 3');
    assert.match(await message(w), /Boosting stopped: it reached the round limit of 3 /);
    assert.doesNotMatch(await message(w), /stopped: \./);
    await w.getByRole('slider', { name: /rounds/ }).fill('40');
    await w.locator('canvas').first().focus();
    await page.keyboard.press('ArrowRight');
    assert.match(await message(w), /Point 2 \(class [01]\) has weight/);
    await cardShot(w, `frontier-adaboost-${width}`);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('k-means: inertia per half-step never rises and matches the engine; restarts expose local minima', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/frontier-kmeans.html`);
    await widgetsReady(page);
    const w = card(page, 1);
    assert.ok(await ink(w, 0) > 5);
    const seen = [];
    for (let i = 0; i < 6; i++) {
      await w.getByRole('button', { name: 'Step', exact: true }).click();
      seen.push(Number(await stat(w, 'inertia')));
    }
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i] <= seen[i - 1] + 1e-9, `inertia rose: ${seen}`);
    const expected = await inEngine(page, (ml) => {
      const d = ml.makeBlobs(160, 4, 0.45, 7);
      const km = new ml.KMeans();
      try {
        km.setData(d.X, 2, []); km.setK(4); km.setInit('random'); km.reset(5);
        const out = [];
        for (let i = 0; i < 6; i++) {
          if (km.status() === 'converged') { out.push(km.inertia().toFixed(3)); continue; }
          if (km.awaitingUpdate()) km.updateStep(); else km.assignStep();
          out.push(km.inertia().toFixed(3));
        }
        return out;
      } finally { km.delete(); }
    });
    assert.deepEqual(seen.map((v) => v.toFixed(3)), expected);
    await w.getByRole('button', { name: 'Try 20 starts' }).click();
    // The lesson: at the default spread 1 random start of 20 stops at a poor minimum, no k-means++ start does.
    assert.match(await message(w), /20 random starts: 1 ended in a worse local minimum\. 20 k-means\+\+ starts: 0 did\. The best inertia found was 63\.866/);
    assert.notEqual(await stat(w, 'best of 20'), '–');
    // Keyboard: pick centroid 2 and move it; the run restarts from the user's start.
    await w.locator('canvas').first().focus();
    await page.keyboard.press('2');
    await page.keyboard.press('Shift+ArrowLeft');
    assert.match(await message(w), /Your own start/);
    assert.equal(await stat(w, 'iterations'), '0');
    await cardShot(w, `frontier-kmeans-${width}`);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('kernel SVM: trained boundary, support vectors and accuracy match the engine; γ slider refits', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/frontier-kernels.html`);
    await widgetsReady(page);
    const w = card(page, 1);
    assert.ok(await ink(w, 0) > 20, 'heat map drawn');
    const expected = await inEngine(page, (ml) => {
      const d = ml.makeCircles(120, 0.1, 0.5, 4);
      const svm = new ml.KernelSVM();
      try {
        svm.setData(d.X, 2, d.y); svm.setKernel('rbf'); svm.setGamma(1); svm.setDegree(2); svm.setCoef0(0); svm.setC(1); svm.reset(0); svm.fit(400);
        const sv = svm.supportVectors().length;
        const acc = svm.score(d.X, d.y);
        svm.setGamma(100); svm.reset(0); svm.fit(400);
        return { sv: `${sv} of 120`, acc: `${(acc * 100).toFixed(1)} %`, sv100: `${svm.supportVectors().length} of 120` };
      } finally { svm.delete(); }
    });
    assert.equal(await stat(w, 'support vectors'), expected.sv);
    assert.equal(await stat(w, 'training accuracy'), expected.acc);
    assert.match(await message(w), /Converged/);
    await w.getByRole('slider', { name: /γ/ }).fill('2'); // log track: 10^2 = 100
    assert.equal(await stat(w, 'support vectors'), expected.sv100);
    assert.match(await message(w), /hugs the training points/);
    // C = 1000 at γ = 100: the KKT test passes with primal − dual still 7.31 — not called converged.
    await w.getByRole('slider', { name: /^C/ }).fill('3'); // log track: 10^3 = 1000
    assert.match(await message(w), /^Stopped, not at the optimum/);
    assert.match(await message(w), /primal − dual is still 7\.31/);
    assert.doesNotMatch(await message(w), /Converged/);
    assert.equal(await w.locator('.dw-message').first().getAttribute('data-tone'), 'warn');
    await w.getByRole('slider', { name: /^C/ }).fill('0');
    assert.match(await message(w), /^Converged/);
    await w.getByLabel('kernel').selectOption('linear');
    assert.match(await message(w), /No straight line separates/);
    await w.getByRole('button', { name: 'Reset' }).click();
    assert.match(await message(w), /Untrained/);
    await w.getByRole('button', { name: 'Step', exact: true }).click();
    assert.notEqual(await stat(w, 'SMO updates'), '0');
    await w.locator('canvas').first().focus();
    await page.keyboard.press('ArrowUp');
    assert.match(await message(w), /f\(x\) = /);
    await w.getByLabel('kernel').selectOption('rbf');
    await cardShot(w, `frontier-kernel-svm-${width}`);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('boosting: predict the vote\'s training error after 40 rounds (held at noise 0.1, missed at 0.3)', async () => {
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/frontier-boosting.html`);
  await widgetsReady(page);
  const w = card(page, 1);
  const play = w.getByRole('button', { name: 'Play' });
  const id = 'adaboost-final-error';
  await lockPrediction(w, id, '0');
  for (let i = 0; i < 4; i++) await play.click();       // reduced motion: ten rounds a press
  assert.equal(await stat(w, 'round'), '40 / 40');
  let v = await verdict(w, id);
  assert.equal(v.result, 'held');
  assert.match(v.text, /After 40 rounds the training error is 0\.000, 0 from round 15 on/);
  await w.getByRole('slider', { name: /noise/ }).fill('0.3');
  await lockPrediction(w, id, '0');
  for (let i = 0; i < 4; i++) await play.click();
  v = await verdict(w, id);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /it came out 0\.15 \(outside ± 0\.03\)/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('kernel SVM: predict what γ = 0.05 does to the support vectors (missed, then held)', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/frontier-kernels.html`);
  await widgetsReady(page);
  const w = card(page, 1);
  const gamma = w.getByRole('slider', { name: 'γ' });
  const id = 'kernel-svm-small-gamma';
  await lockPrediction(w, id, 'fewer');
  await gamma.fill('-0.5');                             // log scale: γ ≈ 0.32, not yet 0.05
  assert.equal((await verdict(w, id, 0)).result, null);
  await gamma.fill('-1.3');                             // γ ≈ 0.05
  let v = await verdict(w, id);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /γ = 1\.00: 37 support vectors; γ = 0\.05: 120 support vectors of 120, with 68\.3 % of the training points right/);
  await gamma.fill('0');
  await lockPrediction(w, id, 'more');
  await gamma.fill('-1.3');
  v = await verdict(w, id);
  assert.equal(v.result, 'held');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('k-means: predict whether tighter blobs trap more random starts (missed, then held)', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/frontier-kmeans.html`);
  await widgetsReady(page);
  const w = card(page, 1);
  const spread = w.getByRole('slider', { name: /blob spread/ });
  const tryStarts = w.getByRole('button', { name: 'Try 20 starts' });
  const id = 'kmeans-tight-blobs';
  await lockPrediction(w, id, 'fewer').catch(() => {});
  assert.match((await verdict(w, id, 0)).text, /Press Try 20 starts at a spread above 0\.20 first/);
  await tryStarts.click();
  await lockPrediction(w, id, 'fewer');
  await spread.fill('0.2');
  assert.equal((await verdict(w, id, 0)).result, null);  // not tried yet at 0.2
  await tryStarts.click();
  let v = await verdict(w, id);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /Spread 0\.45: 1 of 20 random starts got stuck; spread 0\.20: 7/);
  await spread.fill('0.45');
  await tryStarts.click();
  await lockPrediction(w, id, 'more');
  await spread.fill('0.2');
  await tryStarts.click();
  v = await verdict(w, id);
  assert.equal(v.result, 'held');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
