// Reveal blocks on a lesson page (web/js/reveal.js): the text that states what the k-NN widget
// shows (knn lesson: "11.5% of the cells change class") is closed at load, stays closed while the
// prediction is only locked, opens once the box has shown its outcome (or the outcome was on
// screen before any prediction), opens at load when saved progress holds the prediction, and
// can be opened and closed from the keyboard. Opening it records nothing. Opened by the learner
// before its box has a verdict, it makes that box's next verdict practice (ml-foundations).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PLAY_TIMEOUT, snap, startSite, widgetsReady, openFreshPage } from './browser.mjs';
import { assertFirstTry, assertPractice, changePrediction, lockPrediction, PRACTICE_RECORDED, recordReports, verdict } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const ID = 'knn-raise-k';
const ANSWER = /11\.5% of the cells change class/;

// Each test starts with no saved progress (the browser profile is shared by the tests).
async function openKnn(options = {}) {
  const page = await openFreshPage(site, '/lessons/knn.html', options);
  const card = page.locator('.dw-card').filter({ hasText: 'Vote of the neighbours' });
  const reveal = page.locator('details.dw-reveal').filter({ hasText: ANSWER });
  return { page, card, reveal, k: card.getByRole('slider', { name: /k \(neighbours\)/ }) };
}

test('the reveal is closed at load, stays closed once a prediction is locked, and opens when the box shows its outcome', async () => {
  const { page, card, reveal, k } = await openKnn();
  assert.equal(await reveal.count(), 1);
  assert.equal(await reveal.evaluate((d) => d.open), false);
  assert.equal(await reveal.getByText(ANSWER).isVisible(), false, 'the answer is not on screen');
  assert.equal(await reveal.locator('summary').textContent(), 'What the widget shows — open it after you predict');
  const scores = [];
  await page.exposeFunction('noteScore', (detail) => scores.push(detail));
  await page.evaluate(() => document.addEventListener('dw:score', (e) => window.noteScore(e.detail)));

  await lockPrediction(card, ID, 'some');
  await k.fill('12');
  assert.equal(await reveal.evaluate((d) => d.open), false, 'locked, no outcome yet: still closed');
  await k.fill('25');
  assert.equal((await verdict(card, ID)).result, 'held');
  await page.waitForFunction(() => document.querySelector('details.dw-reveal').open);
  assert.equal(await reveal.getByText(ANSWER).isVisible(), true);
  // What is recorded is the box's one verdict, as before: the reveal adds no report of its own.
  assert.deepEqual(scores.map((d) => [d.widget, d.score, d.max]), [[`predict:${ID}`, 1, 1]]);

  // A learner who closes it again is not overruled by a practice try.
  await reveal.locator('summary').click();
  await k.fill('5');
  await lockPrediction(card, ID, 'few');
  await k.fill('25');
  await verdict(card, ID);
  await page.waitForTimeout(200);
  assert.equal(await reveal.evaluate((d) => d.open), false);

  // Saved progress holds the prediction: on the next visit the block is open from the start.
  await page.reload();
  await widgetsReady(page);
  await page.waitForFunction(() => document.querySelector('details.dw-reveal').open, null, { timeout: PLAY_TIMEOUT });
  await page.close();
});

test('the outcome on screen before any prediction opens the reveal too', async () => {
  const { page, reveal, k } = await openKnn();
  assert.equal(await reveal.evaluate((d) => d.open), false);
  await k.fill('25');
  await page.waitForFunction(() => document.querySelector('details.dw-reveal').open, null, { timeout: PLAY_TIMEOUT });
  await page.close();
});

test('the reveal is reached with Tab and opened and closed with Enter and Space; screenshots closed and open', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 375]) {
      const { page, reveal } = await openKnn({ width });
      await page.emulateMedia({ colorScheme });
      const before = page.locator('p').filter({ hasText: /^Predict, then check\. A vote of 25 neighbours/ });
      await before.click({ position: { x: 2, y: 2 } });
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.matches('details.dw-reveal > summary')), true, `Tab from the paragraph above lands on the summary, not ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 200))}`);
      await snap(reveal, `reveal-closed-${width}-${colorScheme}`);
      await page.keyboard.press('Enter');
      assert.equal(await reveal.evaluate((d) => d.open), true);
      assert.equal(await reveal.getByText(ANSWER).isVisible(), true);
      await snap(reveal, `reveal-open-${width}-${colorScheme}`);
      await page.keyboard.press('Space');
      assert.equal(await reveal.evaluate((d) => d.open), false);
      const box = await reveal.locator('summary').boundingBox();
      assert.ok(box.height >= 44, `summary is ${box.height} px tall`);
      assert.ok(box.x + box.width <= width, 'the summary fits the screen');
      await page.close();
    }
  }
});

// A block the learner opens before predicting states the outcome (ml-foundations: degree 11's test
// MSE is 4.359, about 400 times degree 3's): the box says at once that a prediction now is practice,
// and its verdict is practice, reported and saved nowhere (web/js/reveal.js 'dw:reveal-read',
// web/lib/predict.js). A block opened with the prediction already locked keeps it a first try.
const SIN = 'sin-degree-11';
const READ_FIRST = /^You opened “What the widget shows” before predicting, so the outcome was on screen first: a prediction made on this page now is practice and is not recorded\.$/;
async function openSin() {
  const page = await openFreshPage(site, '/lessons/ml-foundations.html');
  const card = page.locator('.sin-experiment');
  const reveal = page.locator('details.dw-reveal').filter({ hasText: /its test MSE is 4\.359/ });
  const saved = () => page.evaluate((id) => JSON.parse(localStorage.getItem('dw:lesson:ml-foundations') || '{}').activities?.[`predict:${id}`] ?? null, SIN);
  await recordReports(page);
  return { page, card, reveal, box: card.locator(`[data-predict="${SIN}"]`), saved, setDegree: (d) => card.locator('input[type="range"]').fill(String(d)) };
}

test('a reveal opened before predicting makes the box practice, and says why', async () => {
  const { page, card, reveal, box, saved, setDegree } = await openSin();
  assert.equal(await reveal.evaluate((d) => d.open), false);
  await reveal.locator('summary').click();
  assert.equal(await reveal.evaluate((d) => d.open), true);
  await page.waitForFunction((id) => /before predicting/.test(document.querySelector(`[data-predict="${id}"] [role="status"]`).textContent), SIN);
  assert.match(await box.getByRole('status').textContent(), READ_FIRST);
  await lockPrediction(card, SIN, 'far');
  await setDegree(11);
  const text = await assertPractice(page, box, { result: 'held' });
  assert.match(text, /^Your prediction held: .*\(Practice: the outcome was on screen before you predicted, so this is not recorded\.\)$/);
  // No prediction saved: only the mark that the outcome was read first (a later visit is practice).
  assert.deepEqual(await saved(), { title: (await saved()).title, complete: false, seenFirst: true }, 'no prediction saved');
  await snap(card, 'reveal-read-first-practice-1280');
  await page.setViewportSize({ width: 375, height: 900 });
  await snap(box, 'reveal-read-first-practice-375');
  await page.close();
});

test('a reveal opened with the prediction locked keeps it a first try; locked again after Change my prediction, it is practice', async () => {
  let { page, card, reveal, box, saved, setDegree } = await openSin();
  await lockPrediction(card, SIN, 'far');
  await reveal.locator('summary').click();
  await page.waitForTimeout(100);
  assert.match(await box.getByRole('status').textContent(), /^Your prediction: /, 'the locked prediction stands');
  await setDegree(11);
  await assertFirstTry(page, box, { result: 'held' });
  const first = await saved();
  assert.deepEqual([first.score, first.best, first.complete], [1, 1, true]);
  // Closed and opened again after the verdict: nothing changes.
  const said = await box.getByRole('status').textContent();
  await reveal.locator('summary').click();
  await reveal.locator('summary').click();
  await page.waitForTimeout(100);
  assert.equal(await box.getByRole('status').textContent(), said);
  await setDegree(3);
  // Next visit: the block opens by itself; closed and opened again by the learner, the record of
  // the first prediction still stands and the box says so (not "on screen before you predicted").
  await page.reload();
  await widgetsReady(page);
  await recordReports(page);
  await page.waitForFunction(() => document.querySelector('details.dw-reveal').open, null, { timeout: PLAY_TIMEOUT });
  await reveal.locator('summary').click();
  await reveal.locator('summary').click();
  assert.equal(await reveal.evaluate((d) => d.open), true);
  await lockPrediction(card, SIN, 'lower');
  await setDegree(11);
  await assertPractice(page, box, { result: 'missed', practice: PRACTICE_RECORDED });
  assert.equal((await saved()).best, 1, 'the saved first try is not lowered');
  await page.close();

  // Locked, the block read, then Change my prediction: a prediction locked now could copy it.
  ({ page, card, reveal, box, saved, setDegree } = await openSin());
  await lockPrediction(card, SIN, 'lower');
  await reveal.locator('summary').click();
  await changePrediction(box);
  assert.match(await box.getByRole('status').textContent(), READ_FIRST);
  await lockPrediction(card, SIN, 'far');
  await setDegree(11);
  await assertPractice(page, box, { result: 'held' });
  assert.deepEqual(await saved(), { title: (await saved()).title, complete: false, seenFirst: true }, 'no prediction saved');
  await page.close();
});
