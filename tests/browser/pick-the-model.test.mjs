// Level 3 · Pick the model: moving the degree changes the fit and the errors (equal to the
// engine's exact polynomial fits on the same split), and locking in scores against the true
// validation minimum.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './browser.mjs';
import { cardByTitle, canvasIsDrawn, finish, openLesson, stat, inEngine } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

async function engineErrors(page) {
  return inEngine(page, (ml) => ml.scoped((track) => {
    const poly = track(new ml.PolynomialRegression());
    const d = ml.makeNoisySin(30, 0.3, 4);
    const s = ml.trainValidationTestSplit(30, 1 / 3, 0, 4, false);
    const take = (a, idx) => Array.from(idx, (i) => a[i]);
    const out = [];
    for (let deg = 1; deg <= 12; deg++) {
      poly.setDegree(deg);
      poly.setData(take(d.X, s.train), 1, take(d.y, s.train));
      poly.solve();
      const train = ml.meanSquaredError(take(d.y, s.train), poly.predict(take(d.X, s.train)).slice());
      const val = ml.meanSquaredError(take(d.y, s.validation), poly.predict(take(d.X, s.validation)).slice());
      out[deg] = { train, val };
    }
    return out;
  }));
}

for (const width of [1280, 375]) {
  test(`pick the model at ${width} px`, async () => {
    const page = await openLesson(site, 'model-selection', { width });
    const w = cardByTitle(page, 'Pick the model');
    assert.ok(await canvasIsDrawn(w.locator('canvas').nth(0)));
    const errors = await engineErrors(page);
    // Reports to the course progress are DOM events on document; collect them from the start.
    await page.evaluate(() => {
      window.reports = [];
      for (const type of ['dw:score', 'dw:complete']) document.addEventListener(type, (e) => window.reports.push({ type, ...e.detail }));
    });
    const reports = () => page.evaluate(() => window.reports);
    assert.equal(await stat(w, 'train MSE'), errors[1].train.toFixed(3));
    const slider = w.getByRole('slider', { name: /degree/ });
    await slider.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');   // degree 4
    assert.equal(await stat(w, 'degree'), '4');
    assert.equal(await stat(w, 'train MSE'), errors[4].train.toFixed(3));
    assert.equal(await stat(w, 'validation MSE'), errors[4].val.toFixed(3));
    await slider.fill('12');
    assert.equal(await stat(w, 'validation MSE'), errors[12].val.toFixed(3));
    assert.ok(errors[12].train < errors[4].train, 'training error keeps falling with degree');
    let best = 1;
    for (let d = 2; d <= 12; d++) if (errors[d].val < errors[best].val) best = d;
    assert.deepEqual(await reports(), [], 'sliding the degree reports nothing');
    await w.getByRole('button', { name: /Lock in/ }).click();
    const expectedScore = Math.round((100 * errors[best].val) / errors[12].val);
    assert.equal(await stat(w, 'round score'), String(expectedScore));
    const result = { widget: 'pick-the-model', title: 'Pick the model', score: expectedScore, max: 100 };
    assert.deepEqual(await reports(), [{ type: 'dw:score', ...result }, { type: 'dw:complete', ...result }],
      'locking in reports this round\'s score (and, as every finished game, its completion), once');
    assert.match(await page.locator('.lesson-activities').textContent(), new RegExp(`Pick the model — best ${expectedScore} of 100`), 'the progress panel keeps the best round score, as the lesson says');
    assert.match(await w.locator('.dw-message').textContent(), new RegExp(`degree ${best}`));
    assert.ok(await w.getByRole('button', { name: /Lock in/ }).isDisabled());
    // A new round on new data; locking in the best degree gives 100.
    await w.getByRole('button', { name: 'New data' }).click();
    assert.equal(await stat(w, 'round score'), '–');
    assert.equal((await reports()).length, 2, 'a new round reports nothing until it is locked in');
    await finish(page, `pick-${width}`);
  });
}

// Feedback follows the lesson's definition of underfitting (too stiff: training error high too).
// On the first sample (seed 4) the best degree is 5: degree 2's training error is over four times
// degree 5's (underfits), degree 4's only 1.34 times (a near miss, not underfitting).
test('locking in below the best: underfitting only when the training error is high too', async () => {
  for (const [degree, pattern] of [[2, /too simple: .*It underfits/], [4, /a little simpler than the best: .*near miss rather than underfitting/]]) {
    const page = await openLesson(site, 'model-selection', { width: 1280 });
    const w = cardByTitle(page, 'Pick the model');
    await w.getByRole('slider', { name: /degree/ }).fill(String(degree));
    await w.getByRole('button', { name: /Lock in/ }).click();
    assert.match(await w.locator('.dw-message').textContent(), pattern);
    await page.close();
  }
});

// Locking in by keyboard: focus moves on to New data (never to the page), the slider holds the
// locked degree so the verdict, the readout and the next round agree.
test('lock in by keyboard: focus goes to New data, the slider holds the locked degree, the next round starts from it', async () => {
  const page = await openLesson(site, 'model-selection', { width: 1280 });
  const w = cardByTitle(page, 'Pick the model');
  const slider = w.getByRole('slider', { name: /degree/ });
  await slider.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');   // degree 7
  assert.equal(await stat(w, 'degree'), '7');
  await w.getByRole('button', { name: /Lock in/ }).focus();
  await page.keyboard.press('Enter');
  assert.match(await w.locator('.dw-message').textContent(), /Degree 7 is more flexible than needed.*Press New data for another round\./);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'New data', 'focus moves to the next action, not to <body>');
  assert.ok(await slider.isDisabled(), 'the round is over: the degree cannot drift from the verdict');
  await page.keyboard.press('ArrowRight');                               // on New data: moves nothing
  assert.equal(await stat(w, 'degree'), '7');
  assert.equal(await slider.inputValue(), '7');
  await page.keyboard.press('Enter');                                    // New data
  assert.equal(await stat(w, 'round score'), '–');
  assert.equal(await stat(w, 'degree'), '7', 'the next round starts from the degree shown');
  assert.ok(await slider.isEnabled());
  assert.ok(await w.getByRole('button', { name: /Lock in/ }).isEnabled());
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await stat(w, 'degree'), '8');
  assert.match(await w.locator('.dw-message').textContent(), /^Degree 8/);
  await finish(page, 'pick-keyboard-1280');
});
