// "Predict, then check" boxes (web/lib/predict.js) across visits, on the k-NN lesson's box
// (knn-vote, predict:knn-raise-k): an outcome on screen before any prediction (the experiment run
// first, or "What the widget shows" opened first) is kept in saved progress, so a prediction made
// on a later visit is practice and says why, and is recorded nowhere; the mark claims no prediction
// and no completion, and resetting progress clears it. The lesson panel words a saved prediction
// as the first try it is ("first prediction held / did not hold"), never as a best of tries.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openFreshPage, startSite, widgetsReady } from './browser.mjs';
import { assertFirstTry, assertPractice, lockPrediction, predictBox, PRACTICE_SEEN_EARLIER, recordReports, verdict } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const ID = 'knn-raise-k';
const WIDGET = `predict:${ID}`;
const TITLE = 'Predict: Raise k to 25: what share of the plane will change its predicted class?';

// Each test starts with no saved progress (the browser profile is shared by the tests).
async function openKnn() {
  const page = await openFreshPage(site, '/lessons/knn.html');
  return parts(page);
}
function parts(page) {
  const card = page.locator('.dw-card').filter({ hasText: 'Vote of the neighbours' });
  return { page, card, box: predictBox(card, ID), k: card.getByRole('slider', { name: /k \(neighbours\)/ }) };
}
// The lesson opened again from a plain link: a reload would keep k = 25 from the page address,
// which puts the outcome on screen on the new visit too.
async function reopen(page) {
  await page.goto('about:blank');
  await page.goto(`${site.base}/lessons/knn.html`);
  await widgetsReady(page);
  await recordReports(page);
  return parts(page);
}
const savedLesson = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('dw:lesson:knn')));
const panel = (page) => page.locator('.lesson-activities').textContent();

// Locks "5% to 20%" (the right answer) at k = 5 and sets k = 25.
async function predictRight(card, k) {
  await k.fill('5');
  await lockPrediction(card, ID, 'some');
  await k.fill('25');
}

test('the outcome seen before predicting is kept: a prediction on the lesson opened again is practice, until progress is reset', async () => {
  const { page, k } = await openKnn();
  const atStart = await savedLesson(page);
  await k.fill('25');
  await page.waitForFunction((id) => /before a prediction was locked in/.test(document.querySelector(`[data-predict="${id}"] [role="status"]`).textContent), ID);
  // Saved: only that the outcome was seen first, with no score and not complete.
  const lesson = await savedLesson(page);
  assert.deepEqual(lesson.activities[WIDGET], { title: TITLE, complete: false, seenFirst: true });
  assert.equal(lesson.complete, false);
  assert.equal(atStart, null, 'nothing saved at the start');
  const row = page.locator('.lesson-activities li', { hasText: TITLE });
  assert.equal(await row.textContent(), `• ${TITLE} — outcome seen before a prediction: tries here are practice, none is recorded`);
  assert.equal(await row.evaluate((li) => li.classList.contains('is-complete')), false);
  assert.match(await page.locator('.lesson-complete-status').textContent(), /\(0 of 1 done\)/);

  // Next visit: a prediction now could copy what was seen; it is practice, says why, records nothing.
  let again = await reopen(page);
  await predictRight(again.card, again.k);
  await assertPractice(page, again.box, { result: 'held', practice: PRACTICE_SEEN_EARLIER });
  assert.doesNotMatch(await panel(page), /✓ Predict|first prediction/);

  // Reset progress on the home page clears the mark: the next prediction is the recorded first try.
  await page.goto(`${site.base}/index.html`);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Reset progress' }).click();
  again = await reopen(page);
  await predictRight(again.card, again.k);
  await assertFirstTry(page, again.box, { result: 'held' });
  assert.deepEqual((await savedLesson(page)).activities[WIDGET], { title: TITLE, score: 1, max: 1, best: 1, complete: true });
  assert.match(await panel(page), new RegExp(`✓ ${TITLE.replace(/[?:]/g, '\\$&')} — first prediction held`));
  await page.close();
});

test('"What the widget shows" opened before predicting: a prediction on the lesson opened again is practice, and the text stays closed', async () => {
  const { page, card } = await openKnn();
  const reveal = page.locator('details.dw-reveal').filter({ hasText: /11\.5% of the cells change class/ });
  await reveal.locator('summary').click();
  assert.match(await predictBox(card, ID).getByRole('status').textContent(), /You opened “What the widget shows” before predicting/);
  assert.deepEqual((await savedLesson(page)).activities[WIDGET], { title: TITLE, complete: false, seenFirst: true });
  const again = await reopen(page);
  // The mark is no prediction: the text is not opened for the learner at load, as a saved one is.
  assert.equal(await reveal.evaluate((d) => d.open), false);
  await predictRight(again.card, again.k);
  await assertPractice(page, again.box, { result: 'held', practice: PRACTICE_SEEN_EARLIER });
  await page.close();
});

test('the panel words a saved prediction as the first try: a later try that held does not read as "best 0 of 1"', async () => {
  const { page, card, k } = await openKnn();
  await recordReports(page);
  await k.fill('5');
  await lockPrediction(card, ID, 'many');
  await k.fill('25');
  assert.equal((await verdict(card, ID)).result, 'missed');
  await predictRight(card, k);
  const second = await verdict(card, ID);
  assert.equal(second.result, 'held');
  assert.match(second.text, /your first prediction is the one recorded/);
  const row = page.locator('.lesson-activities li', { hasText: TITLE });
  // Any verdict completes a prediction (a settled prediction is the activity): ticked, with how it went.
  assert.equal(await row.textContent(), `✓ ${TITLE} — first prediction did not hold`);
  assert.equal(await row.getAttribute('class'), 'is-complete');
  await page.close();
});
