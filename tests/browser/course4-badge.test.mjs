import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, widgetsReady } from './browser.mjs';
import { statText, assertClean } from './course4-helpers.mjs';
import { QUESTIONS } from '../../web/widgets/course4/badge-questions.js';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

async function openBadge(page) {
  await page.goto(`${site.base}/lessons/badge.html`);
  await widgetsReady(page);
  await page.evaluate(() => {
    window.completions = [];
    document.addEventListener('dw:complete', (e) => window.completions.push(e.detail));
  });
  return page.locator('.dw-card').filter({ hasText: 'earn the Machine Learning badge' });
}

test('ML badge: 22 questions answered correctly (keyboard) pass, save and dispatch dw:complete', async () => {
  assert.equal(QUESTIONS.length, 22);
  const page = await site.newPage();
  const card = await openBadge(page);
  const next = card.getByRole('button', { name: /Next question|See result/ });
  for (let i = 0; i < QUESTIONS.length; i++) {
    assert.equal(await statText(card, 'question'), `${i + 1} of 22`);
    assert.equal(await card.locator('.c4-quiz-question').textContent(), QUESTIONS[i].q);
    if (i % 2 === 0) await card.locator(`.c4-choice[data-choice="${QUESTIONS[i].answer}"]`).click();
    else await page.keyboard.press(String(QUESTIONS[i].answer + 1)); // keys 1–4 while focus is in the card
    assert.match(await card.locator('.c4-quiz-feedback').textContent(), /^Correct\./);
    if (i === 3) await screenshot(page, 'course4-badge-feedback-1280');
    await page.keyboard.press('Enter'); // focus sits on Next after answering
    void next;
  }
  assert.equal(await statText(card, 'score'), '22');
  assert.ok(await card.locator('.c4-badge').isVisible(), 'the badge is shown');
  assert.match(await card.locator('.dw-message').textContent(), /Passed with 22 of 22/);
  assert.deepEqual(await page.evaluate(() => window.completions), [{ score: 22, total: 22, passed: true }]);
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('dw:badge')));
  assert.equal(saved.best, 22);
  assert.equal(saved.passed, true);
  await screenshot(page, 'course4-badge-passed-1280');
  // On a later visit the badge is remembered.
  await page.reload();
  await widgetsReady(page);
  assert.match(await page.locator('.dw-card .dw-message').textContent(), /already hold the badge/);
  await assertClean(page);
  await page.close();
});

test('ML badge: a failing run shows what is missing, and blocked storage does not break it', async () => {
  const page = await site.newPage({ width: 375 });
  await page.addInitScript(() => {
    const deny = () => { throw new DOMException('blocked', 'SecurityError'); };
    Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
  });
  const card = await openBadge(page);
  for (let i = 0; i < QUESTIONS.length; i++) {
    // right for the first 17, wrong afterwards: 17 of 22 is below 80 %
    const pick = i < 17 ? QUESTIONS[i].answer : (QUESTIONS[i].answer + 1) % 4;
    await card.locator(`.c4-choice[data-choice="${pick}"]`).click();
    if (i >= 17) assert.match(await card.locator('.c4-quiz-feedback').textContent(), /^Not quite/);
    await card.getByRole('button', { name: /Next question|See result/ }).click();
  }
  assert.equal(await statText(card, 'score'), '17');
  assert.ok(!(await card.locator('.c4-badge').isVisible()));
  assert.match(await card.locator('.dw-message').textContent(), /1 more correct answer needed/);
  assert.deepEqual(await page.evaluate(() => window.completions), [{ score: 17, total: 22, passed: false }]);
  await screenshot(page, 'course4-badge-failed-375');
  await assertClean(page);
  await page.close();
});
