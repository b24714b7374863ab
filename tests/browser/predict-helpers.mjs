// Shared steps for the browser tests of "Predict, then check" boxes (web/lib/predict.js): lock in
// a prediction (a choice or a number), read the verdict the widget gives, and check that a
// prediction made with the outcome already on screen is practice and recorded nowhere.
import assert from 'node:assert/strict';
import { listenForReports, reportedEvents } from './probes.mjs';
import { PLAY_TIMEOUT } from './browser.mjs';

export function predictBox(scope, id) {
  return scope.locator(`[data-predict="${id}"]`);
}

// Chooses (a choice box) or types (a numeric box) `value`, presses Lock in, and checks it locked.
export async function lockPrediction(scope, id, value) {
  const box = predictBox(scope, id);
  await box.scrollIntoViewIfNeeded();
  const select = box.locator('select');
  if (await select.count()) await select.selectOption(String(value));
  else await box.locator('input').fill(String(value));
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  // 'settled' when the widget could run the whole experiment at once (reduced motion).
  assert.ok(['committed', 'settled'].includes(await box.getAttribute('data-state')), await box.getByRole('status').textContent());
  return box;
}

// { result: 'held' | 'missed' | null, text } of the box's verdict, once the box has settled (an
// animated experiment may take a moment; gives up after `wait` ms and returns what is there).
export async function verdict(scope, id, wait = PLAY_TIMEOUT) {
  const box = predictBox(scope, id);
  for (let t = 0; t < wait && (await box.getAttribute('data-state')) === 'committed'; t += 50) await box.page().waitForTimeout(50);
  return { result: await box.getAttribute('data-result'), text: (await box.getByRole('status').textContent()).trim() };
}

// Chooses `value` in a choice box and presses Lock in, asserting nothing (for tests of a box that
// refuses); returns the box.
export async function lockChoice(scope, id, value) {
  const box = predictBox(scope, id);
  await box.getByRole('combobox').selectOption(value);
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  return box;
}

// { result, text } of a box as it is now (no waiting).
export async function boxVerdict(box) {
  return { result: await box.getAttribute('data-result'), text: await box.getByRole('status').textContent() };
}

// The words a box adds to its verdict when the outcome was on screen before the prediction was
// locked in (web/lib/messages-en.js, predict.practiceSeen).
export const PRACTICE_SEEN = /Practice: the outcome was on screen before you predicted, so this is not recorded/;
// The words it adds when the outcome was on screen before any prediction on an earlier visit
// (predict.practiceSeenEarlier): saved progress keeps that, so the box stays practice.
export const PRACTICE_SEEN_EARLIER = /\(Practice: on an earlier visit the outcome was on screen before you predicted, so no prediction of this box is recorded\.\)/;
// The words it adds when the lesson recorded the box's first prediction on an earlier visit
// (predict.practiceRecorded).
export const PRACTICE_RECORDED = /\(Practice: you made this prediction on an earlier visit, and your first prediction, which (?:held|did not hold), is the one recorded\.\)/;

// The activities saved in this browser's lesson progress (web/js/progress.js keeps one
// 'dw:lesson:<slug>' entry per lesson), as { 'predict:<id>': JSON of what is saved }.
function savedActivities(page) {
  return page.evaluate(() => {
    const out = {};
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith('dw:lesson:')) continue;
      try {
        for (const [name, record] of Object.entries(JSON.parse(localStorage.getItem(key))?.activities || {})) out[name] = JSON.stringify(record);
      } catch { /* not progress: nothing of ours */ }
    }
    return out;
  });
}

// Starts recording what the page reports (dw:score and dw:complete events, probes.mjs
// listenForReports) and notes the progress saved so far (an earlier test on the same browser may
// have recorded the same box), so assertPractice can tell that nothing new was recorded.
export async function recordReports(page) {
  await listenForReports(page);
  page.savedBefore = await savedActivities(page);
}

// Checks that `box` judged a prediction made after its outcome was on screen as practice, once the
// box has settled (gives up after `wait` ms): it gives a verdict (`result`, 'held' unless told; null
// for either), says "Practice: ..." (`practice`: PRACTICE_SEEN unless told), and records nothing: no dw:score or dw:complete event since
// recordReports(page) (only none from a predict box when `othersMayReport`, for widgets whose own
// goal may report), and what the browser's lesson progress holds for this box is unchanged, but
// for the mark a box saves when its outcome was on screen before any prediction (seenFirst, with no
// score and not complete: web/lib/predict.js), which claims no prediction. The page logged no error. Returns the box's text for a test's own further checks.
export async function assertPractice(page, box, { result = 'held', othersMayReport = false, wait = PLAY_TIMEOUT, practice = PRACTICE_SEEN } = {}) {
  for (let t = 0; t < wait && (await box.getAttribute('data-state')) === 'committed'; t += 50) await page.waitForTimeout(50);
  const text = await box.getByRole('status').textContent();
  if (result) assert.equal(await box.getAttribute('data-result'), result, text);
  else assert.ok(await box.getAttribute('data-result'), `the box gave a verdict: ${text}`);
  assert.match(text, practice);
  const reports = await reportedEvents(page);
  assert.deepEqual(othersMayReport ? reports.filter((r) => String(r.widget).startsWith('predict:')) : reports, [], 'nothing reported');
  const widget = `predict:${await box.getAttribute('data-predict')}`;
  assert.ok(page.savedBefore, 'recordReports(page) ran before the experiment');
  const [before, now] = [page.savedBefore[widget], (await savedActivities(page))[widget]];
  if (now !== before) assert.deepEqual({ before, now: JSON.parse(now) }, { before: undefined, now: { title: JSON.parse(now).title, complete: false, seenFirst: true } }, `no prediction saved for ${widget}`);
  assert.deepEqual(page.record.errors, []);
  return text;
}

// Checks that `box` judged its prediction as a recorded first try, once the box has settled (gives
// up after `wait` ms): a verdict (`result`, 'held' unless told; null for either) with no "Practice"
// or "second try" words, and the box's own dw:score and dw:complete reported since
// recordReports(page), with firstTry. Returns the box's text.
export async function assertFirstTry(page, box, { result = 'held', wait = PLAY_TIMEOUT } = {}) {
  for (let t = 0; t < wait && (await box.getAttribute('data-state')) === 'committed'; t += 50) await page.waitForTimeout(50);
  const text = await box.getByRole('status').textContent();
  if (result) assert.equal(await box.getAttribute('data-result'), result, text);
  else assert.ok(await box.getAttribute('data-result'), `the box gave a verdict: ${text}`);
  assert.doesNotMatch(text, /Practice|second try/);
  const widget = `predict:${await box.getAttribute('data-predict')}`;
  const score = (await box.getAttribute('data-result')) === 'held' ? 1 : 0;
  const reports = (await reportedEvents(page)).filter((r) => r.widget === widget).map((r) => [r.type, r.score, r.firstTry]);
  assert.deepEqual(reports, [['dw:score', score, true], ['dw:complete', score, true]], 'the first try is recorded');
  assert.deepEqual(page.record.errors, []);
  return text;
}

// Presses the box's "Change my prediction" (the box is then open again).
export async function changePrediction(box) {
  await box.getByRole('button', { name: 'Change my prediction' }).click();
  assert.notEqual(await box.getAttribute('data-state'), 'committed');
}
