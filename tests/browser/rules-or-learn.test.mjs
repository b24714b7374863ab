// The rules-or-learn sorting game (rules-or-learning lesson): feedback with a reason, the score,
// keyboard play and replay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, openPage } from './browser.mjs';
import { statIn, assertClean } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });


test('rules or learn: feedback with a reason, score, keyboard, replay', async () => {
  const page = await openPage(site, '/lessons/rules-or-learning.html');
  const card = '.dw-quiz';
  assert.equal(await page.locator(`${card} .dw-quiz-counter`).textContent(), 'Scenario 1 of 12');
  const { DECK } = await page.evaluate(async () => import('/widgets/rules-or-learn.js'));
  for (let i = 0; i < 12; i++) {
    const text = await page.locator(`${card} .dw-quiz-scenario`).textContent();
    const item = DECK.find((d) => d.text === text);
    assert.ok(item, `scenario "${text}" is in the deck`);
    // Answer the first six correctly with the mouse, the rest wrongly with the keyboard.
    if (i < 6) await page.locator(`${card} .dw-quiz-choice[data-choice="${item.answer}"]`).click();
    else await page.keyboard.press(item.answer === 'rules' ? 'l' : 'r');
    const feedback = await page.locator(`${card} .dw-quiz-feedback`).textContent();
    assert.ok(feedback.includes(item.reason), 'feedback gives the reason');
    assert.match(feedback, i < 6 ? /^Correct/ : /^Not quite/);
    assert.equal(await statIn(page, card, 'score'), `${Math.min(i + 1, 6)} / ${i + 1}`);
    if (i < 11) await page.keyboard.press('n');
  }
  assert.match(await page.locator(`${card} .dw-message`).textContent(), /Round over: 6 of 12/);
  await screenshot(page, 'rules-or-learning-1280');
  await page.locator(card).getByRole('button', { name: 'Play again' }).click();
  assert.equal(await statIn(page, card, 'score'), '0 / 0');
  await assertClean(page);
  await page.close();
});


test('rules or learn by keyboard: Next moves the focus to the new scenario, and the scenario shows a focus ring', async () => {
  const page = await openPage(site, '/lessons/rules-or-learning.html');
  const card = page.locator('.dw-quiz');
  await card.locator('.dw-quiz-choice').first().focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Next scenario');
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => {
    const a = document.activeElement;
    const s = getComputedStyle(a);
    return { scenario: a.classList.contains('dw-quiz-scenario'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  assert.equal(focused.scenario, true);
  assert.notEqual(focused.outline, 'none', 'the focused scenario has an outline');
  assert.ok(focused.width >= 2, `outline ${focused.width} px wide`);
  // A mouse click on Next moves the focus too, without a ring.
  await card.locator('.dw-quiz-choice').first().click();
  await card.getByRole('button', { name: 'Next scenario' }).click();
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
  await assertClean(page);
  await page.close();
});
