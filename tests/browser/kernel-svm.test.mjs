// The kernel SVM (frontier-kernels lesson): boundary, support vectors and accuracy match the
// engine, the γ slider refits, and the γ = 0.05 prediction settles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, widgetsReady } from './browser.mjs';
import { lockPrediction, verdict } from './predict-helpers.mjs';
import { cardAt, stat, message, cardShot, ink, noNaNInCards, inEngine } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('kernel SVM: trained boundary, support vectors and accuracy match the engine; γ slider refits', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/frontier-kernels.html`);
    await widgetsReady(page);
    const w = cardAt(page, 1);
    assert.ok(await ink(w, 0) > 20, 'heat map drawn');
    const expected = await inEngine(page, (ml) => {
      const d = ml.makeCircles(120, 0.1, 0.5, 4);
      const svm = new ml.KernelSVM();
      try {
        svm.setData(d.X, 2, d.y); svm.setKernel('rbf'); svm.setGamma(1); svm.setDegree(2); svm.setCoef0(0); svm.setC(1); svm.reset(0); svm.fit(400);
        const sv = svm.supportVectors().length;
        const acc = svm.score(d.X, d.y);
        svm.setGamma(100); svm.reset(0); svm.fit(400);
        return { sv: `${sv} of 120`, acc: `${(acc * 100).toFixed(1)}%`, sv100: `${svm.supportVectors().length} of 120` };
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
    await cardShot(w, `kernel-svm-${width}`);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('kernel SVM: predict what γ = 0.05 does to the support vectors (missed, then held)', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/frontier-kernels.html`);
  await widgetsReady(page);
  const w = cardAt(page, 1);
  const gamma = w.getByRole('slider', { name: 'γ' });
  const id = 'kernel-svm-small-gamma';
  await lockPrediction(w, id, 'fewer');
  await gamma.fill('-0.5');                             // log scale: γ ≈ 0.32, not yet 0.05
  assert.equal((await verdict(w, id, 0)).result, null);
  await gamma.fill('-1.3');                             // γ ≈ 0.05
  let v = await verdict(w, id);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /γ = 1\.00: 37 support vectors; γ = 0\.05: 120 support vectors of 120, with 68\.3% of the training points right/);
  await gamma.fill('0');
  await lockPrediction(w, id, 'more');
  await gamma.fill('-1.3');
  v = await verdict(w, id);
  assert.equal(v.result, 'held');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

