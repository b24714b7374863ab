// The clt-sampler widget on the central-limit lesson: Step, Play and Fast-forward draw the engine's
// seeded sample means; the readouts match the engine; the predict-then-check box judges a
// quadrupled n; other populations load; the page fits a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PLAY_TIMEOUT, startSite, screenshot, widgetsReady, openPage } from './browser.mjs';
import { stat, canvasIsDrawn, clickTimes, inEngine, assertClean, listenLive, reportedEvents } from './probes.mjs';
import { lockPrediction, verdict, predictBox, assertPractice, recordReports } from './predict-helpers.mjs';
import { nearestRatio } from '../../web/widgets/clt-sampler/data.js';

let site;
before(async () => { site = await startSite({ reusePages: true }); });
after(async () => { await site.close(); });

const card = (page) => page.locator('.dw-card').filter({ hasText: 'Sample means become normal' });

test('Step and Fast-forward draw the engine\'s means; the spread matches s/√n; predict then check', async () => {
  const page = await openPage(site, '/lessons/central-limit.html', { reducedMotion: 'reduce' });
  const c = card(page);
  const canvases = c.locator('canvas');
  assert.equal(await canvases.count(), 3);
  for (let i = 0; i < 3; i++) assert.ok(await canvasIsDrawn(canvases.nth(i)));
  assert.equal(await stat(c, 'means drawn'), '0');
  assert.equal(await stat(c, 'CLT: s/√n'), '0.316');
  assert.equal(await stat(c, 'population μ, s'), '1.00, 1.00');
  assert.equal(await stat(c, 'spread of the means'), '–');
  await c.getByRole('button', { name: 'Step' }).click();
  await c.getByRole('button', { name: 'Step' }).click();
  assert.equal(await stat(c, 'means drawn'), '2');
  // Predicting before enough means are drawn is refused in words.
  const box = c.locator('[data-predict="clt-quadruple-n"]');
  await box.getByRole('combobox', { name: /spread of the means will/ }).selectOption('half');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.match(await box.getByRole('status').textContent(), /Draw at least 500 means first/);
  assert.equal(await box.getAttribute('data-state'), null);
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  assert.equal(await stat(c, 'means drawn'), '2\u202f000');
  const expected = await inEngine(page, (ml) => {
    const f = ml.gaussianFit(ml.sampleMeans('exponential', 10, 2000, 7));
    const g = ml.gaussianFit(ml.sampleMeans('exponential', 40, 2000, 7));
    return { mu: f.mu.toFixed(3), s: f.s.toFixed(3), s40: g.s.toFixed(3) };
  });
  assert.equal(await stat(c, 'mean of the means'), expected.mu);
  assert.equal(await stat(c, 'spread of the means'), expected.s);
  assert.equal(expected.s, '0.321');
  // Predict "halve", quadruple n, draw: the widget says it was right.
  const reported = page.evaluate(() => new Promise((resolve) => document.addEventListener('dw:complete', (e) => resolve(e.detail), { once: true })));
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.match(await box.getByRole('status').textContent(), /Your prediction: halve\. Now set n to 40/);
  assert.equal(await box.getByRole('combobox').isDisabled(), true);
  await c.getByRole('slider', { name: /sample size n/ }).fill('40');
  assert.equal(await stat(c, 'CLT: s/√n'), '0.158');
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  assert.equal(await stat(c, 'spread of the means'), expected.s40);
  assert.match(await box.getByRole('status').textContent(), /Your prediction held: you said “halve”, and that is what happened\. From n = 10 to n = 40 the spread went from 0\.321 to 0\.156: × 0\.49/);
  assert.equal(await box.getAttribute('data-result'), 'held');
  // The verdict shows the standard-error plot's measured dots.
  assert.equal(await c.getByRole('checkbox', { name: 'show the measured spreads' }).isChecked(), true);
  assert.match(await canvases.nth(2).getAttribute('aria-label'), /n 10: predicted 0\.316, measured 0\.3\d\d; n 25/);
  assert.deepEqual(await reported, { widget: 'predict:clt-quadruple-n', title: 'Predict: With n four times larger, the spread of the means will…', score: 1, max: 1, firstTry: true });
  assert.match(await canvases.nth(1).getAttribute('aria-label'), /2\u202f000 sample means of samples of size 40/);
  // Another population: a die.
  await c.getByRole('combobox', { name: 'population' }).selectOption('die');
  assert.equal(await stat(c, 'population μ, s'), '3.50, 1.71');
  assert.equal(await stat(c, 'means drawn'), '0');
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  assert.match(await c.locator('.dw-message').textContent(), /All 2\u202f000 means drawn/);
  await screenshot(page, 'clt-sampler-1280');
  await assertClean(page);
  await page.close();
});

test('Play animates the draws and Pause stops them', async () => {
  const page = await openPage(site, '/lessons/central-limit.html');
  const c = card(page);
  await c.scrollIntoViewIfNeeded();
  await c.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => {
    const v = document.querySelector('.dw-stat[data-stat="means drawn"] .dw-stat-value');
    return v && Number(v.textContent) >= 5;
  }, null, { timeout: PLAY_TIMEOUT });
  await c.getByRole('button', { name: 'Pause' }).click();
  const stopped = await stat(c, 'means drawn');
  await page.waitForTimeout(400);
  assert.equal(await stat(c, 'means drawn'), stopped);
  await assertClean(page);
  await page.close();
});

test('phone width: the lesson and the sampler fit 375 px without sideways scrolling', async () => {
  const page = await openPage(site, '/lessons/central-limit.html', { width: 375, height: 800, reducedMotion: 'reduce' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  await card(page).getByRole('button', { name: 'Fast-forward' }).click();
  await screenshot(page, 'clt-sampler-375');
  await assertClean(page);
  await page.close();
});

// A fresh page with no saved progress (an earlier test's verdict would open the reveal at load).
async function freshLesson() {
  const page = await site.newPage({ reducedMotion: 'reduce' });
  // Forgotten before the page's own scripts run: one load instead of a load, a removal and a reload.
  await page.addInitScript(() => localStorage.removeItem('dw:lesson:central-limit'));
  await page.goto(`${site.base}/lessons/central-limit.html`);
  await widgetsReady(page);
  await recordReports(page);
  const c = card(page);
  const reveal = page.locator('details.dw-reveal').filter({ hasText: '0.321 and 0.156' });
  return { page, c, reveal, seFigure: c.locator('canvas').nth(2), show: c.getByRole('checkbox', { name: 'show the measured spreads' }) };
}

test('the standard-error plot hides its measured spreads (the answer) until asked; asking first makes the prediction practice', async () => {
  const { page, c, reveal, seFigure, show } = await freshLesson();
  // At load: the curve's values are described, the measured ones are not; the lesson's sentence is closed.
  const hidden = await seFigure.getAttribute('aria-label');
  assert.match(hidden, /n 1: predicted 1\.000; n 2: predicted 0\.707; n 4: predicted 0\.500/);
  assert.doesNotMatch(hidden, /measured \d/);
  assert.match(hidden, /measured spreads are hidden until your prediction is checked/);
  assert.equal(await show.isChecked(), false);
  assert.equal(await reveal.evaluate((d) => d.open), false);
  // Ticking with nothing locked in shows the dots (1 → 4 halves the spread) and says what that costs.
  await show.check();
  const shown = await seFigure.getAttribute('aria-label');
  const measuredAt = (n) => Number(new RegExp(`n ${n}: predicted [\\d.]+, measured ([\\d.]+)`).exec(shown)[1]);
  assert.ok(Math.abs(measuredAt(4) / measuredAt(1) - 0.5) < 0.05, shown);
  assert.match((await verdict(c, 'clt-quadruple-n', 0)).text, /The measured spreads were shown before a prediction was locked in/);
  assert.equal(await reveal.evaluate((d) => d.open), true);
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  await lockPrediction(c, 'clt-quadruple-n', 'half');
  await c.getByRole('slider', { name: /sample size n/ }).fill('40');
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  await assertPractice(page, predictBox(c, 'clt-quadruple-n'));
  await screenshot(page, 'clt-sampler-shown-1280');
  await assertClean(page);
  await page.close();
});

test('spreads measured at n = 10 and n = 40 before predicting make the prediction practice', async () => {
  const { page, c, reveal, seFigure } = await freshLesson();
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  assert.equal(await stat(c, 'spread of the means'), '0.321');
  await c.getByRole('slider', { name: /sample size n/ }).fill('40');
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  assert.equal(await stat(c, 'spread of the means'), '0.156');
  assert.match((await verdict(c, 'clt-quadruple-n', 0)).text, /The spreads at n = 10 and n = 40 were both measured before a prediction was locked in/);
  assert.equal(await reveal.evaluate((d) => d.open), true);
  // The dots stay for the learner to ask for: measuring a pair does not tick the box.
  assert.doesNotMatch(await seFigure.getAttribute('aria-label'), /measured \d/);
  await c.getByRole('slider', { name: /sample size n/ }).fill('10');
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  await lockPrediction(c, 'clt-quadruple-n', 'half');
  await c.getByRole('slider', { name: /sample size n/ }).fill('40');
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  await assertPractice(page, predictBox(c, 'clt-quadruple-n'));
  await assertClean(page);
  await page.close();
});

test('while a prediction waits for its check the measured spreads stay hidden, and the first verdict is recorded', async () => {
  const { page, c, seFigure, show } = await freshLesson();
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  const box = await lockPrediction(c, 'clt-quadruple-n', 'quarter');
  await show.focus();
  await page.keyboard.press('Space');
  assert.equal(await show.isChecked(), false);
  assert.equal(await page.evaluate(() => document.activeElement.type), 'checkbox', 'the keyboard stays on the checkbox');
  assert.doesNotMatch(await seFigure.getAttribute('aria-label'), /measured \d/);
  assert.match(await box.getByRole('status').textContent(), /The measured spreads stay hidden while your prediction waits/);
  assert.equal(await box.getAttribute('data-state'), 'committed');
  await c.getByRole('slider', { name: /sample size n/ }).fill('40');
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  const v = await verdict(c, 'clt-quadruple-n');
  assert.equal(v.result, 'missed', v.text);
  assert.equal(await show.isChecked(), true);
  const events = await reportedEvents(page);
  assert.deepEqual(events.map((e) => [e.type, e.score, e.firstTry]), [['dw:score', 0, true], ['dw:complete', 0, true]]);
  await assertClean(page);
  await page.close();
});

test('part of a run gives the answer away: 50 means at n = 10 and 50 at n = 40, before predicting, make the prediction practice', async () => {
  const { page, c } = await freshLesson();
  const step = c.getByRole('button', { name: 'Step' });
  await clickTimes(step, 50);
  const before = Number(await stat(c, 'spread of the means'));
  await c.getByRole('slider', { name: /sample size n/ }).fill('40');
  await clickTimes(step, 50);
  const after = Number(await stat(c, 'spread of the means'));
  // A fortieth of the run already points to "halve" (0.159 / 0.261), the answer 2000 means give.
  assert.equal(nearestRatio(after / before), 'half', `${after} / ${before}`);
  assert.match((await verdict(c, 'clt-quadruple-n', 0)).text, /The spreads at n = 10 and n = 40 were both measured before a prediction was locked in/);
  await c.getByRole('slider', { name: /sample size n/ }).fill('10');
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  await lockPrediction(c, 'clt-quadruple-n', 'half');
  await c.getByRole('slider', { name: /sample size n/ }).fill('40');
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  await assertPractice(page, predictBox(c, 'clt-quadruple-n'));
  await assertClean(page);
  await page.close();
});

// Records, per canvas, the box of every "?" drawn since the canvas was last cleared (CSS pixels).
function recordQuestionMarks() {
  const { fillText, clearRect } = CanvasRenderingContext2D.prototype;
  CanvasRenderingContext2D.prototype.clearRect = function (...args) { this.canvas.questionMarks = []; return clearRect.apply(this, args); };
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
    if (text === '?') {
      const m = this.getTransform();
      const dpr = m.a;
      const metrics = this.measureText(text);
      const left = { left: x, center: x - metrics.width / 2, right: x - metrics.width }[this.textAlign] ?? x;
      (this.canvas.questionMarks ||= []).push({ left: (m.a * left + m.e) / dpr, right: (m.a * (left + metrics.width) + m.e) / dpr, y: (m.d * y + m.f) / dpr });
    }
    return fillText.call(this, text, x, y, ...rest);
  };
}

// At small n the hidden dots' "?" marks (n = 1, 2 and 4 lie 3–8 px apart) were stacked into a tower.
test('the hidden spreads\' "?" marks stand in one row above the n axis, none touching another, at 375 and 1280 px', async () => {
  for (const width of [375, 1280]) {
    const page = await site.newPage({ width });
    await page.addInitScript(recordQuestionMarks);
    await page.goto(`${site.base}/lessons/central-limit.html`);
    await widgetsReady(page);
    const seCanvas = card(page).locator('canvas').nth(2);
    await page.waitForFunction((c) => (c.questionMarks || []).length > 0, await seCanvas.elementHandle());
    const marks = await seCanvas.evaluate((c) => c.questionMarks);
    assert.ok(marks.length >= 4, `${marks.length} marks at ${width} px`);
    assert.deepEqual([...new Set(marks.map((m) => m.y))].length, 1, `one row at ${width} px: ${JSON.stringify(marks)}`);
    const sorted = [...marks].sort((a, b) => a.left - b.left);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].left - sorted[i - 1].right >= 2, `marks ${i - 1} and ${i} at ${width} px: ${JSON.stringify(sorted)}`);
    await page.close();
  }
});

test('Play by keyboard: "n sample means so far" is not heard on every tick; the end is heard once', async () => {
  const page = await openPage(site, '/lessons/central-limit.html');
  const c = card(page);
  await c.getByRole('button', { name: 'Play' }).focus();
  const heard = await listenLive(c);
  await page.keyboard.press('Enter');
  // The run ends by itself when every sample is drawn (Pause turns back into Play).
  await page.waitForFunction(() => ![...document.querySelectorAll('.dw-card button')].some((b) => b.textContent === 'Pause'), null, { timeout: PLAY_TIMEOUT });
  await page.waitForTimeout(200);
  const said = (await heard()).filter((h) => !/predict/.test(h.region));
  assert.equal(said.length, 1, `heard ${said.length} times: ${said.map((h) => h.text).join(' | ')}`);
  assert.equal(said[0].text, (await c.locator('.dw-message').textContent()).trim());
  await assertClean(page);
  await page.close();
});
