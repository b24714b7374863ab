// Level 3 · Regularisation: raising λ shrinks the weights and changes the errors (equal to the
// engine's penalised solve), and L1 sets weights exactly to zero.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './browser.mjs';
import { lockPrediction, verdict, assertPractice, predictBox, recordReports } from './predict-helpers.mjs';
import { cardByTitle, canvasIsDrawn, finish, openLesson, stat, inEngine } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

async function engineFit(page, penalty, lambda) {
  return inEngine(page, (ml, [pen, lam]) => ml.scoped((track) => {
    const poly = track(new ml.PolynomialRegression());
    const d = ml.makeNoisySin(12, 0.3, 3);
    const truth = ml.makeNoisySin(240, 0, 3);
    poly.setDegree(9);
    poly.setData(d.X, 1, d.y);
    poly.setPenalty(pen);
    poly.setLambda(lam);
    poly.solve();
    const c = Array.from(poly.coefficients()).slice(1);
    return {
      train: ml.meanSquaredError(d.y, poly.predict(d.X).slice()),
      test: ml.meanSquaredError(truth.y, poly.predict(truth.X).slice()),
      zeros: c.filter((v) => v === 0).length,
      maxAbs: Math.max(...c.map(Math.abs)),
    };
  }), [penalty, lambda]);
}

for (const width of [1280, 375]) {
  test(`regularisation at ${width} px`, async () => {
    const page = await openLesson(site, 'regularisation', { width });
    const w = cardByTitle(page, 'Regularisation smooths the fit');
    assert.ok(await canvasIsDrawn(w.locator('canvas').nth(0)));
    assert.ok(await canvasIsDrawn(w.locator('canvas').nth(1)));
    const free = await engineFit(page, 'l2', 1e-7);
    assert.equal(await stat(w, 'train MSE'), free.train.toFixed(3));
    assert.equal(await stat(w, 'test MSE'), free.test.toFixed(3));
    const slider = w.getByRole('slider', { name: /λ/ });
    await slider.fill('-2');                                            // log10 λ = −2 → λ = 0.01
    const ridge = await engineFit(page, 'l2', 0.01);
    assert.equal(await stat(w, 'train MSE'), ridge.train.toFixed(3));
    assert.equal(await stat(w, 'test MSE'), ridge.test.toFixed(3));
    assert.ok(ridge.maxAbs < free.maxAbs / 5, 'the penalty shrinks the weights');
    assert.ok(ridge.train > free.train, 'and gives up some training fit');
    await w.getByRole('button', { name: /L1 lasso/ }).click();
    const lasso = await engineFit(page, 'l1', 0.01);
    assert.equal(await stat(w, 'test MSE'), lasso.test.toFixed(3));
    assert.equal(await stat(w, 'zero weights'), `${lasso.zeros} of 9`);
    assert.ok(lasso.zeros >= 2, `L1 zeroes weights (${lasso.zeros})`);
    await slider.fill('1');                                             // λ = 10: heavy
    assert.match(await w.locator('.dw-message').textContent(), /Too much penalty/);
    await finish(page, `regularisation-${width}`);
  });
}

test('regularisation: predict how many weights L1 zeroes at λ = 0.01 (held, then missed)', async () => {
  const page = await openLesson(site, 'regularisation', { width: 1280 });
  const w = cardByTitle(page, 'Regularisation smooths the fit');
  await w.getByRole('slider', { name: /λ/ }).fill('-2');
  const id = 'regularisation-l1-zeros';
  await lockPrediction(w, id, 'some');
  await w.getByRole('button', { name: /L1 lasso/ }).click();
  let v = await verdict(w, id);
  assert.equal(v.result, 'held');
  assert.match(v.text, /L1 leaves 4 of 9 weights at exactly 0/);
  await w.getByRole('button', { name: /L2 ridge/ }).click();
  await lockPrediction(w, id, 'none');
  await w.getByRole('button', { name: /L1 lasso/ }).click();
  v = await verdict(w, id);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /you said “none of them”; what happened: “some, not all”/);
  await finish(page, 'regularisation-predict');
});

// L1's bars are the box's answer: switched on before a prediction, a later one is practice.
test('regularisation: a prediction locked after the L1 weights were on screen is practice, and is not recorded', async () => {
  const page = await openLesson(site, 'regularisation', { width: 1280 });
  await recordReports(page);
  const w = cardByTitle(page, 'Regularisation smooths the fit');
  await w.getByRole('slider', { name: /λ/ }).fill('-2');
  const id = 'regularisation-l1-zeros';
  await w.getByRole('button', { name: /L1 lasso/ }).click();
  assert.match((await verdict(w, id, 0)).text, /The L1 weights were on screen before a prediction was locked in/);
  await w.getByRole('button', { name: /L2 ridge/ }).click();
  await lockPrediction(w, id, 'some');
  await w.getByRole('button', { name: /L1 lasso/ }).click();
  await assertPractice(page, predictBox(w, id), { othersMayReport: true });
  await finish(page, 'regularisation-predict-seen');
});

// The weights panel's heading sits under the fit plot's legend row: the two touched (0 px apart).
test('regularisation: the "Weights w1 … w9" heading keeps clear of the legend above it at 1280 and 375 px', async () => {
  for (const width of [1280, 375]) {
    const page = await openLesson(site, 'regularisation', { width });
    const w = cardByTitle(page, 'Regularisation smooths the fit');
    const legendBottom = await w.locator('.dw-legend').first().evaluate((e) => e.getBoundingClientRect().bottom);
    const heading = w.locator('.dw-panel-title', { hasText: /^Weights w1/ });
    const headingTop = await heading.evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(headingTop - legendBottom >= 8, `legend to weights heading at ${width} px: ${headingTop - legendBottom} px`);
    await page.close();
  }
});

// At the slider's bottom λ is shown as "≈ 0"; in a sentence that is "λ ≈ 0", never "λ = ≈ 0"
// (the plot's label read "equals approximately equals 0" from page load).
test('regularisation: at the bottom of the slider the sentences say λ ≈ 0, never λ = ≈ 0', async () => {
  const page = await openLesson(site, 'regularisation');
  const w = cardByTitle(page, 'Regularisation smooths the fit');
  const label = await w.locator('canvas').first().getAttribute('aria-label');
  assert.match(label, /penalty λ ≈ 0: train MSE/);
  assert.doesNotMatch(await w.evaluate((el) => el.textContent + [...el.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')).join(' ')), /= ≈/);
  await finish(page, 'regularisation-lambda-min');
});
