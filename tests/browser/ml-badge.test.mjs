// The Machine Learning badge (lessons/badge.html): an attempt is replayed in Node from the seed
// the widget shows on its card (data-seed), using the same rules module and engine, so the test
// knows every right answer without an answer key.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, widgetsReady } from './browser.mjs';
import { ml } from '../node/engine.mjs';
import { drawAttempt, formatAnswer, instantiate } from '../../web/widgets/ml-badge/attempt.js';
import { stat, assertClean } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

async function openBadge(page) {
  await page.goto(`${site.base}/lessons/badge.html`);
  await widgetsReady(page);
  await page.evaluate(() => {
    window.reports = [];
    document.addEventListener('dw:score', (e) => window.reports.push(['score', e.detail]));
    document.addEventListener('dw:complete', (e) => window.reports.push(['complete', e.detail]));
  });
  const card = page.locator('.dw-card').filter({ hasText: 'earn the Machine Learning badge' });
  const seed = Number(await card.getAttribute('data-seed'));
  assert.ok(Number.isInteger(seed) && seed > 0, 'the card carries its attempt seed');
  return { card, items: drawAttempt(seed).map((d) => instantiate(d, ml)) };
}

const TITLE = 'Challenge: earn the Machine Learning badge';

test('ML badge: the right answers (mouse, keys and typed numbers) pass, save, and report score and completion', async () => {
  const page = await site.newPage();
  const { card, items } = await openBadge(page);
  assert.equal(items.length, 22);
  let shotNumber = false;
  let shotChoice = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    assert.equal(await stat(card, 'question'), `${i + 1} of 22`);
    assert.equal(await card.locator('.ml-badge-quiz-question').textContent(), item.q);
    if (item.kind === 'number') {
      const input = card.getByLabel(/Your answer/);
      await input.fill(formatAnswer(item));
      await input.press('Enter');
      if (!shotNumber) { await screenshot(page, 'badge-number-1280'); shotNumber = true; }
    } else if (i % 2 === 0) {
      await card.locator(`.ml-badge-choice[data-choice="${item.answer}"]`).click();
    } else {
      await card.locator('.ml-badge-quiz-question').click();
      await page.keyboard.press(String(item.answer + 1)); // keys 1–4 while focus is in the card
    }
    assert.match(await card.locator('.ml-badge-quiz-feedback').textContent(), /^Correct/);
    if (!shotChoice && item.kind === 'choice') { await screenshot(page, 'badge-feedback-1280'); shotChoice = true; }
    await page.keyboard.press('Enter'); // focus sits on Next after answering
  }
  assert.equal(await stat(card, 'score'), '22');
  assert.ok(await card.locator('.dw-badge').isVisible(), 'the badge is shown');
  assert.match(await card.locator('.dw-message').textContent(), /Passed with 22 of 22/);
  assert.match(await card.locator('.ml-badge-quiz-result').textContent(), /No topic missed/);
  const detail = { widget: 'ml-badge', title: TITLE, score: 22, max: 22, passed: true };
  assert.deepEqual(await page.evaluate(() => window.reports), [['score', detail], ['complete', detail]]);
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('dw:badge')));
  assert.equal(saved.best, 22);
  assert.equal(saved.passed, true);
  assert.match(await page.locator('.lesson-activities').textContent(), /✓ Challenge: earn the Machine Learning badge — best 22 of 22/);
  await screenshot(page, 'badge-passed-1280');
  // On a later visit the badge is remembered; a new attempt has a new seed.
  const firstSeed = await card.getAttribute('data-seed');
  await page.reload();
  await widgetsReady(page);
  assert.match(await page.locator('.dw-card .dw-message').textContent(), /already hold the badge/);
  assert.notEqual(await page.locator('.dw-card').first().getAttribute('data-seed'), firstSeed);
  await assertClean(page);
  await page.close();
});

test('ML badge: a failed attempt (1 of 22) reports only its score, lists the missed topics, survives bad input and blocked storage', async () => {
  const page = await site.newPage({ width: 375 });
  await page.addInitScript(() => {
    const deny = () => { throw new DOMException('blocked', 'SecurityError'); };
    Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
  });
  const { card, items } = await openBadge(page);
  let checkedInput = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'number') {
      const input = card.getByLabel(/Your answer/);
      if (!checkedInput) {
        // empty, text and NaN are refused with a message and do not count as an answer
        await card.getByRole('button', { name: 'Check' }).click();
        assert.match(await card.locator('.dw-message').textContent(), /Type a number first/);
        await input.fill('abc');
        await input.press('Enter');
        assert.match(await card.locator('.dw-message').textContent(), /“abc” is not a number/);
        assert.equal(await input.getAttribute('aria-invalid'), 'true');
        await input.fill('NaN');
        await input.press('Enter');
        assert.match(await card.locator('.dw-message').textContent(), /“NaN” is not a number/);
        assert.equal(await card.locator('.ml-badge-quiz-feedback').textContent(), '');
        await screenshot(page, 'badge-invalid-375');
        checkedInput = true;
      }
      await input.fill(i === 0 ? formatAnswer(item) : '123456');
      await input.press('Enter');
    } else {
      await card.locator(`.ml-badge-choice[data-choice="${i === 0 ? item.answer : (item.answer + 1) % 4}"]`).click();
    }
    if (i > 0) {
      const text = await card.locator('.ml-badge-quiz-feedback').textContent();
      assert.match(text, /^Not quite/);
      if (item.kind === 'choice') assert.match(text, /Your choice, “/); // why the chosen answer is wrong
    }
    await card.getByRole('button', { name: /Next question|See result/ }).click();
  }
  assert.equal(await stat(card, 'score'), '1');
  assert.ok(!(await card.locator('.dw-badge').isVisible()));
  assert.match(await card.locator('.dw-message').textContent(), /17 more correct answers needed/);
  // The message points to the list of missed topics by its heading, and the list is where it says.
  assert.match(await card.locator('.dw-message').textContent(), /Revisit the lessons linked under “Topics you missed” above and press Start again\.$/);
  // The heading counts the topics listed (items group the topics of one lesson, "a; b —").
  const heading = await card.locator('.ml-badge-quiz-result > p').first().textContent();
  const listed = (await card.locator('.ml-badge-missed li > span').allTextContents()).flatMap((x) => x.replace(/ —$/, '').split('; '));
  assert.equal(heading, `Topics you missed (${listed.length}):`);
  const listBox = await card.locator('.ml-badge-missed').boundingBox();
  const messageBox = await card.locator('.dw-message').boundingBox();
  assert.ok(listBox.y + listBox.height <= messageBox.y, `the list (${listBox.y}–${listBox.y + listBox.height}) is above the message (${messageBox.y})`);
  assert.deepEqual(await page.evaluate(() => window.reports), [['score', { widget: 'ml-badge', title: TITLE, score: 1, max: 22, passed: false }]]);
  // The lesson's activity list shows the score, not a tick.
  const activities = await page.locator('.lesson-activities').textContent();
  assert.match(activities, /• Challenge: earn the Machine Learning badge — best 1 of 22 \(not finished yet\)/);
  assert.ok(!/✓/.test(activities), 'a failed attempt is not marked complete');
  // Every missed topic links to its lesson.
  const links = card.locator('.ml-badge-quiz-result a');
  const lessons = new Set(items.slice(1).map((it) => `${it.lesson}.html`));
  assert.equal(await links.count(), lessons.size);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) assert.ok(lessons.has(href), href);
  const res = await page.request.get(`${site.base}/lessons/${[...lessons][0]}`);
  assert.equal(res.status(), 200);
  await screenshot(page, 'badge-failed-375');
  await assertClean(page);
  await page.close();
});
