// Level 3 · Pick the model: moving the degree changes the fit and the errors (equal to the
// engine's exact polynomial fits on the same split), and locking in scores against the true
// validation minimum. Every lock-in reports its score; only a round that scores 80 or more with a
// degree lower than every other degree tried, its neighbours included, finishes the game.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openPage } from './browser.mjs';
import { widgetsReady } from './browser.mjs';
import { assertClean, cardByTitle, canvasIsDrawn, clickTimes, finish, listenForReports, message, openLesson, reportedEvents, stat, inEngine, legendKeys } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

async function engineErrors(page, seed = 4) {
  return inEngine(page, (ml, { seed }) => ml.scoped((track) => {
    const poly = track(new ml.PolynomialRegression());
    const d = ml.makeNoisySin(30, 0.3, seed);
    const s = ml.trainValidationTestSplit(30, 1 / 3, 0, seed, false);
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
  }), { seed });
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
    // The verdict reads the validation errors as shown (3 decimals).
    const shownVal = (d) => Number(errors[d].val.toFixed(3));
    let best = 1;
    for (let d = 2; d <= 12; d++) if (shownVal(d) < shownVal(best)) best = d;
    assert.deepEqual(await reports(), [], 'sliding the degree reports nothing');
    await w.getByRole('button', { name: /Lock in/ }).click();
    const expectedScore = Math.round((100 * shownVal(best)) / shownVal(12));
    assert.equal(await stat(w, 'round score'), String(expectedScore));
    assert.ok(expectedScore < 80, 'degree 12 is far off on the first sample');
    const result = { widget: 'pick-the-model', title: 'Pick the model', score: expectedScore, max: 100 };
    assert.deepEqual(await reports(), [{ type: 'dw:score', ...result }], 'locking in reports this round\'s score, once; below the bar it does not finish the game');
    assert.match(await page.locator('.lesson-activities').textContent(), new RegExp(`• Pick the model — best ${expectedScore} of 100 \\(not finished yet\\)`), 'the progress panel keeps the best round score, as the lesson says');
    assert.match(await w.locator('.dw-message').textContent(), new RegExp(`degree ${best}`));
    assert.match(await w.locator('.dw-message').textContent(), /Below the bar\. The game is done when a degree you lock in scores 80 or more/);
    assert.ok(await w.getByRole('button', { name: /Lock in/ }).isDisabled());
    // A new round on new data reports nothing until it is locked in.
    await w.getByRole('button', { name: 'New data' }).click();
    assert.equal(await stat(w, 'round score'), '–');
    assert.equal((await reports()).length, 1, 'a new round reports nothing until it is locked in');
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

// The audit's case: Lock in at once, on the starting degree 1, scores 22 (0.075 / 0.334 as the
// readouts show them) and is recorded as an attempt, not a finished game; the message says what the bar is and how to try again. A second
// round, where every degree is tried and the lowest validation error locked in, finishes it.
test('Lock in at once records 22 and does not finish; comparing every degree on the next round does', async () => {
  const page = await openLesson(site, 'model-selection', { width: 1280 });
  // Earlier tests on this browser saved rounds of their own: start from a fresh profile.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await widgetsReady(page);
  const w = cardByTitle(page, 'Pick the model');
  await listenForReports(page);
  await w.getByRole('button', { name: /Lock in/ }).click();
  assert.equal(await stat(w, 'round score'), '22');
  const first = { widget: 'pick-the-model', title: 'Pick the model', score: 22, max: 100 };
  assert.deepEqual(await reportedEvents(page), [{ type: 'dw:score', ...first }]);
  assert.match(await message(w), /^22 points\. Degree 1 is too simple: .* Below the bar\. The game is done when a degree you lock in scores 80 or more, after you have tried the degrees next to it, and no degree you tried that round shows a lower validation error\. Press New data for another round, compare the validation errors of the degrees you try, and lock in the lowest\.$/);
  assert.match(await page.locator('.lesson-activities').textContent(), /• Pick the model — best 22 of 100 \(not finished yet\)/);
  await w.getByRole('button', { name: 'New data' }).click();                // seed 5, from degree 1
  const errors = await engineErrors(page, 5);
  let best = 1;
  for (let d = 2; d <= 12; d++) if (errors[d].val < errors[best].val) best = d;
  const slider = w.getByRole('slider', { name: /degree/ });
  await slider.focus();
  for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowRight');   // every degree, 1 to 12
  await slider.fill(String(best));
  await w.getByRole('button', { name: /Lock in/ }).click();
  assert.equal(await stat(w, 'round score'), '100');
  const second = { ...first, score: 100 };
  assert.deepEqual(await reportedEvents(page), [{ type: 'dw:score', ...first }, { type: 'dw:score', ...second }, { type: 'dw:complete', ...second, passed: true }]);
  assert.match(await message(w), /This round counts: 80 points or more, .* so the game is done\. Press New data for another round\.$/);
  assert.match(await page.locator('.lesson-activities').textContent(), /✓ Pick the model — best 100 of 100/);
  await finish(page, 'pick-at-once-1280');
});

// On the first sample degrees 5 to 8 all score 85 or more: a pick made without trying the degrees
// next to it does not count, however it scores; the same degree checked against both does.
test('a high score without the neighbours tried does not count; with them tried, it does', async () => {
  const scoreOf = (d) => ({ 6: 97, 7: 99 })[d];   // the best is degree 5, 0.075 as shown (lessons/model-selection.claims.test.mjs)
  for (const [tries, verdict, complete] of [
    [['7'], /^99 points\. Degree 7 is more flexible than needed: .* It does not count yet: you locked it in without trying degrees 6 and 8, next to it, so nothing on screen showed whether they are lower\. The game is done when a degree you lock in scores 80 or more/, false],
    [['6', '8', '7'], /^99 points\. .* This round counts: 80 points or more/, true],
    [['5', '7', '6'], /^97 points\. .* It does not count yet: degree 5, which you tried, has a lower validation error\./, false],
  ]) {
    const page = await openLesson(site, 'model-selection', { width: 1280 });
    const w = cardByTitle(page, 'Pick the model');
    await listenForReports(page);
    for (const d of tries) await w.getByRole('slider', { name: /degree/ }).fill(d);
    await w.getByRole('button', { name: /Lock in/ }).click();
    const detail = { widget: 'pick-the-model', title: 'Pick the model', score: scoreOf(Number(tries.at(-1))), max: 100 };
    assert.deepEqual(await reportedEvents(page), complete ? [{ type: 'dw:score', ...detail }, { type: 'dw:complete', ...detail, passed: true }] : [{ type: 'dw:score', ...detail }], `tried ${tries}`);
    assert.match(await message(w), verdict);
    await page.close();
  }
});

// The bar is on the score as shown, from the validation errors as shown: exactly 80 finishes the
// game, 79 does not, 81 does. Each degree here is locked in after trying the two next to it, and is
// lower than both. Seed 297 is 0.032 / 0.040 = 80 on screen (78.7 unrounded), seed 212 0.077 / 0.097
// = 79 on screen (80.1 unrounded).
test('the bar at its boundary: 80 finishes, 79 does not, 81 does', async () => {
  for (const { seed, degree, score } of [{ seed: 297, degree: 4, score: 80 }, { seed: 212, degree: 4, score: 79 }, { seed: 10, degree: 3, score: 79 }, { seed: 20, degree: 7, score: 81 }]) {
    const page = await openPage(site, `/embed.html?w=pick-the-model&seed=${seed}&degree=${degree - 1}`, { width: 1280 });
    const w = page.locator('.dw-card').first();
    await listenForReports(page);
    await w.getByRole('slider', { name: /degree/ }).fill(String(degree + 1));
    await w.getByRole('slider', { name: /degree/ }).fill(String(degree));
    await w.getByRole('button', { name: /Lock in/ }).click();
    assert.equal(await stat(w, 'round score'), String(score));
    const detail = { widget: 'pick-the-model', title: 'Pick the model', score, max: 100 };
    const done = score >= 80;
    assert.deepEqual(await reportedEvents(page), done ? [{ type: 'dw:score', ...detail }, { type: 'dw:complete', ...detail, passed: true }] : [{ type: 'dw:score', ...detail }], `seed ${seed}`);
    assert.match(await message(w), done ? /This round counts: 80 points or more/ : /Below the bar\. The game is done when a degree you lock in scores 80 or more/);
    await assertClean(page);
    await page.close();
  }
});

// Judged as the readouts show: on sample 19 (seed 22) degrees 6 and 7 both show a validation MSE of
// 0.124, the lowest of all twelve. Locking in either, after trying its neighbours and the other,
// is the lowest on screen and finishes the game (audit 6 C2: degree 6 was told degree 7 "has a
// lower validation error" and was "0% above the best"). One step either side: degree 5 (0.127) is
// not the lowest; degree 8 neither.
test('two degrees that show the same validation error are equally low', async () => {
  for (const { tries, score, verdict, complete } of [
    { tries: ['5', '7', '8', '6'], score: 100, verdict: /^Spot on: degree 6 has the lowest validation error of all twelve \(0\.124\), shared with degree 7\. 100 points\. This round counts: 80 points or more, and no degree you tried, the ones next to it included, shows a lower validation error \(degree 7 shows the same\)/, complete: true },
    { tries: ['5', '6', '8', '7'], score: 100, verdict: /^Spot on: degree 7 has the lowest validation error of all twelve \(0\.124\), shared with degree 6\. 100 points\. This round counts: 80 points or more, and no degree you tried, the ones next to it included, shows a lower validation error \(degree 6 shows the same\)/, complete: true },
    { tries: ['4', '6', '7', '5'], score: 98, verdict: /^98 points\. Degree 5 is a little simpler than the best: its validation error 0\.127 is 2% above the best, 0\.124 at degree 7\. .* It does not count yet: degree 7, which you tried, has a lower validation error\./, complete: false },
  ]) {
    const page = await openPage(site, '/embed.html?w=pick-the-model&seed=22', { width: 1280 });
    const w = page.locator('.dw-card').first();
    await listenForReports(page);
    const shown = {};
    for (const d of tries) { await w.getByRole('slider', { name: /degree/ }).fill(d); shown[d] = await stat(w, 'validation MSE'); }
    if (tries.includes('6') && tries.includes('7')) assert.equal(shown['6'], shown['7'], 'degrees 6 and 7 show the same validation MSE');
    await w.getByRole('button', { name: /Lock in/ }).click();
    assert.equal(await stat(w, 'round score'), String(score));
    assert.match(await message(w), verdict);
    assert.doesNotMatch(await message(w), /0% above/);
    const detail = { widget: 'pick-the-model', title: 'Pick the model', score, max: 100 };
    assert.deepEqual(await reportedEvents(page), complete ? [{ type: 'dw:score', ...detail }, { type: 'dw:complete', ...detail, passed: true }] : [{ type: 'dw:score', ...detail }], `tried ${tries}`);
    await assertClean(page);
    await page.close();
  }
});

// The error chart's keys are drawn as its lines (pick-the-model.js): training solid in the model
// colour, validation dashed red-orange, in light and dark; the validation key was a solid strip,
// told from the training key by colour alone.
test('the error chart\'s validation key is dashed like its line, the training key solid', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await openLesson(site, 'model-selection', { width: 1280, colorScheme });
    const w = cardByTitle(page, 'Pick the model');
    const keys = (await legendKeys(w)).filter((k) => /MSE/.test(k.text));
    assert.deepEqual(keys, [
      { text: 'training MSE (filled)', style: 'solid', colour: 'model' },
      { text: 'validation MSE (hollow)', style: 'dashed', colour: 'loss' },
    ], colorScheme);
    await page.close();
  }
});

// Feedback before Lock in follows the numbers on screen (audit 11 M3: degrees 1 and 2 were always
// "too stiff … the training error stays high"). On the fourth sample (New data three times) degree 2
// shows training 0.130 and validation 3.991, over three times: it overfits; degree 1 has the lowest
// validation error of all twelve and nothing on screen calls it stiff. On the first sample, degree 1
// is too stiff once degree 5, tried, shows both errors lower.
test('before Lock in, the message says what the readouts show, whatever the degree', async () => {
  const page = await openLesson(site, 'model-selection', { width: 1280 });
  const w = cardByTitle(page, 'Pick the model');
  const slider = w.getByRole('slider', { name: /degree/ });
  assert.equal(await message(w), 'Degree 1: training 0.281, validation 0.334. You have tried 1 of 12 degrees; lock one in when ready.');
  await slider.fill('5');
  await slider.fill('1');
  assert.equal(await message(w), 'Degree 1: too stiff to follow the curve. Degree 5, which you tried, has both errors lower: training 0.064 against 0.281, validation 0.075 against 0.334. Training error high too is the sign of underfitting.');
  await clickTimes(w.getByRole('button', { name: 'New data' }), 3);
  await slider.fill('2');
  assert.deepEqual([await stat(w, 'train MSE'), await stat(w, 'validation MSE')], ['0.130', '3.991']);
  assert.equal(await message(w), 'Degree 2: validation error 3.991 is over three times the training error 0.130: the curve is bending to fit the noise.');
  for (let d = 12; d >= 1; d--) await slider.fill(String(d));
  assert.equal(await message(w), 'Degree 1: training 0.269, validation 0.264. You have tried 12 of 12 degrees; lock one in when ready.');
  await w.getByRole('button', { name: /Lock in/ }).click();
  assert.match(await message(w), /^Spot on: degree 1 has the lowest validation error of all twelve \(0\.264\)\. 100 points\. This round counts/);
  await assertClean(page);
  await page.close();
});

// A tie worded as one (audit 11 M4): on seed 17 degrees 6 and 7 both show 0.129, the lowest; with
// every degree tried, degree 7 finishes the game, and the verdict says degree 6 shows the same.
test('a tie at the lowest validation error: "shared with", not "lower than every other"', async () => {
  const page = await openPage(site, '/embed.html?w=pick-the-model&seed=17', { width: 1280 });
  const w = page.locator('.dw-card').first();
  await listenForReports(page);
  const slider = w.getByRole('slider', { name: /degree/ });
  const shown = {};
  for (let d = 1; d <= 12; d++) { await slider.fill(String(d)); shown[d] = await stat(w, 'validation MSE'); }
  assert.deepEqual([shown[6], shown[7]], ['0.129', '0.129']);
  await slider.fill('7');
  await w.getByRole('button', { name: /Lock in/ }).click();
  assert.equal(await message(w), 'Spot on: degree 7 has the lowest validation error of all twelve (0.129), shared with degree 6. 100 points. This round counts: 80 points or more, and no degree you tried, the ones next to it included, shows a lower validation error (degree 6 shows the same), so the game is done. Press New data for another round.');
  const detail = { widget: 'pick-the-model', title: 'Pick the model', score: 100, max: 100 };
  assert.deepEqual(await reportedEvents(page), [{ type: 'dw:score', ...detail }, { type: 'dw:complete', ...detail, passed: true }]);
  await assertClean(page);
  await page.close();
});

// The error chart's y numbers are whole and in one notation (audit 11 M5: on seed 7 they read
// "… 10 000, 00 000, 10⁶ …", the 1 of 100 000 cut off at the canvas edge). Texts of the chart's
// last complete drawing, with their left edge in CSS px.
async function errorAxisNumbers(page, w) {
  for (let i = 0; i < 4; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  return w.locator('canvas[aria-label="Training and validation error by degree"]').evaluate((canvas) => canvas.lastDrawnYNumbers);
}
async function recordErrorAxis(w) {
  await w.locator('canvas[aria-label="Training and validation error by degree"]').evaluate((canvas) => {
    const ctx = canvas.getContext('2d');
    const { clearRect, fillText } = ctx;
    let drawing = [];
    ctx.clearRect = function (...args) { drawing = []; return clearRect.apply(this, args); };
    ctx.fillText = function (text, x, y, ...rest) {
      // The y numbers are the right-aligned texts other than the x axis name.
      if (this.textAlign === 'right' && text !== 'degree') drawing.push({ text: String(text), left: x - this.measureText(text).width });
      canvas.lastDrawnYNumbers = drawing;
      return fillText.call(this, text, x, y, ...rest);
    };
  });
}
for (const width of [1280, 375]) {
  test(`the error chart's y numbers are whole and share one notation at ${width} px`, async () => {
    const plain = ['0.01', '0.1', '1', '10', '100', '1\u202f000', '10\u202f000', '100\u202f000'];
    const powers = ['10⁻²', '10⁻¹', '10⁰', '10¹', '10²', '10³', '10⁴', '10⁵', '10⁶', '10⁷', '10⁸', '10⁹'];
    for (const { tries, numbers } of [
      { tries: [1, 2, 3, 4, 5, 6, 7, 8], numbers: plain },                  // validation up to 19 924: all plain
      { tries: [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2], numbers: powers },    // up to 4.8 × 10⁸: all powers
    ]) {
      const page = await openPage(site, '/embed.html?w=pick-the-model&seed=7', { width });
      const w = page.locator('.dw-card').first();
      await recordErrorAxis(w);
      for (const d of tries) await w.getByRole('slider', { name: /degree/ }).fill(String(d));
      const drawn = await errorAxisNumbers(page, w);
      assert.deepEqual(drawn.map((n) => n.text), numbers, `tried ${tries}`);
      for (const { text, left } of drawn) assert.ok(left >= 0, `"${text}" starts at ${left} px, off the canvas`);
      await assertClean(page);
      await page.close();
    }
  });
}
