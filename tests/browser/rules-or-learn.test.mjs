// The rules-or-learn sorting game (rules-or-learning lesson): feedback with a reason, the score,
// keyboard play and replay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, openPage, widgetsReady } from './browser.mjs';
import { statIn, assertClean } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });



// The lesson page with no saved result of the game, collecting what it reports in window.reports.
async function openWithoutRecord(path) {
  const page = await openPage(site, path);
  await page.evaluate(() => localStorage.removeItem('dw:lesson:rules-or-learning'));
  await page.reload();
  await widgetsReady(page);
  await page.evaluate(() => {
    window.reports = [];
    for (const type of ['dw:score', 'dw:complete']) document.addEventListener(type, (e) => window.reports.push({ type, ...e.detail }));
  });
  return page;
}

test('rules or learn: feedback with a reason, score, keyboard, replay', async () => {
  const page = await openPage(site, '/lessons/rules-or-learning.html');
  const card = '.dw-quiz';
  assert.equal(await page.locator(`${card} .dw-quiz-counter`).textContent(), 'Scenario 1 of 12');
  const { DECK } = await page.evaluate(async () => import('/widgets/rules-or-learn.js'));
  const missed = [];
  for (let i = 0; i < 12; i++) {
    const text = await page.locator(`${card} .dw-quiz-scenario`).textContent();
    const item = DECK.find((d) => d.text === text);
    assert.ok(item, `scenario "${text}" is in the deck`);
    // Answer the first six correctly with the mouse, the rest wrongly with the keyboard.
    if (i < 6) await page.locator(`${card} .dw-quiz-choice[data-choice="${item.answer}"]`).click();
    else { await page.keyboard.press(item.answer === 'rules' ? 'l' : 'r'); missed.push(item); }
    const feedback = await page.locator(`${card} .dw-quiz-feedback`).textContent();
    assert.ok(feedback.includes(item.reason), 'feedback gives the reason');
    assert.match(feedback, i < 6 ? /^Correct/ : /^Not quite/);
    assert.equal(await statIn(page, card, 'score'), `${Math.min(i + 1, 6)} / ${i + 1}`);
    if (i < 11) await page.keyboard.press('n');
  }
  assert.equal(await page.locator(`${card} .dw-message`).textContent(), 'Round over: 6 of 12 correct. Worth another round: the reasons for the ones you missed, listed in this card, show the pattern. 9 or more correct completes this game: press Play again to try a fresh shuffle.');
  // The six missed (the last six) are listed with their reasons: each card's reason left the screen with Next.
  assert.equal(await page.locator(`${card} .dw-quiz-review-title`).textContent(), 'The 6 scenarios you missed this round, with the reasons:');
  const listed = await page.locator(`${card} .dw-quiz-review-list li`).evaluateAll((lis) => lis.map((li) => li.textContent));
  assert.deepEqual(listed, missed.map((m) => `${m.text} You chose ${m.answer === 'rules' ? 'Learn from data' : 'Write rules'}; the better answer is ${m.answer === 'rules' ? 'Write rules' : 'Learn from data'}. ${m.reason}`));
  await screenshot(page, 'rules-or-learning-1280');
  await page.setViewportSize({ width: 375, height: 900 });
  await screenshot(page, 'rules-or-learning-375');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator(card).getByRole('button', { name: 'Play again' }).click();
  assert.equal(await statIn(page, card, 'score'), '0 / 0');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('dw-quiz-scenario')), true, 'Play again hands the focus to the new scenario');
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

// A round completes the game only at 9 of 12 (web/lib/quiz.js passMark). The deck holds 8 cards of
// each answer, so pressing R, or L, throughout scores at most 8: reported as a score, never as done.
// The keys alone carry the rounds: Play again hands the focus to the new scenario.
test('rules or learn: one key pressed throughout never completes the game; exactly 9 of 12 does', async () => {
  const page = await openWithoutRecord('/lessons/rules-or-learning.html');
  const card = page.locator('.dw-quiz');
  const message = card.locator('.dw-message');
  const { DECK } = await page.evaluate(async () => import('/widgets/rules-or-learn.js'));
  assert.equal(DECK.filter((d) => d.answer === 'rules').length, 8);
  assert.equal(DECK.filter((d) => d.answer === 'learn').length, 8);
  const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem('dw:lesson:rules-or-learning') || '{}').activities?.['rules-or-learn'] ?? null);
  const takeReports = () => page.evaluate(() => window.reports.splice(0));
  const playRound = async (pick) => {
    let right = 0;
    for (let i = 0; i < 12; i++) {
      const shown = await card.locator('.dw-quiz-scenario').textContent();
      const item = DECK.find((d) => d.text === shown);
      const key = pick(item, i);
      if ((key === 'r' ? 'rules' : 'learn') === item.answer) right += 1;
      await page.keyboard.press(key);
      if (i < 11) await page.keyboard.press('n');
    }
    return right;
  };
  await card.locator('.dw-quiz-choice').first().focus();
  // The same key throughout, each of the two keys in turn: at most 8, so neither round completes.
  for (const key of ['l', 'r']) {
    const right = await playRound(() => key);
    assert.ok(right <= 8, `always ${key}: ${right} of 12`);
    assert.match(await message.textContent(), new RegExp(`^Round over: ${right} of 12 correct\\. .* 9 or more correct completes this game: press Play again to try a fresh shuffle\\.$`));
    // One report for the round (the attempt), at its end; none for each card.
    assert.deepEqual(await takeReports(), [{ type: 'dw:score', widget: 'rules-or-learn', title: 'Rules or learn?', score: right, max: 12, passMark: 9 }]);
    assert.equal((await saved()).complete, false);
    await card.getByRole('button', { name: 'Play again' }).click();
  }
  // Exactly 9 right: complete, at a later round.
  const wrongKey = (item) => (item.answer === 'rules' ? 'l' : 'r');
  const rightKey = (item) => (item.answer === 'rules' ? 'r' : 'l');
  assert.equal(await playRound((item, i) => (i < 9 ? rightKey(item) : wrongKey(item))), 9);
  assert.equal(await message.textContent(), 'Round over: 9 of 12 correct. Strong instincts. That completes this game. Play again for a fresh shuffle.');
  const nine = { widget: 'rules-or-learn', title: 'Rules or learn?', score: 9, max: 12, passMark: 9 };
  assert.deepEqual(await takeReports(), [{ type: 'dw:score', ...nine }, { type: 'dw:complete', ...nine }]);
  assert.deepEqual(await saved(), { title: 'Rules or learn?', score: 9, max: 12, best: 9, complete: true });
  await assertClean(page);
  await page.close();
});

// Keys held with Ctrl, Alt or Meta are the browser's (Ctrl+L: the address bar, Ctrl+R: reload): on
// every game built on web/lib/quiz.js they answer nothing, move to no next card and are not
// prevented (ctx.listen leaves them out, web/lib/widget.js). `keydown` returns whether the page
// left the key's default alone.
test('rules or learn: Ctrl+L, Ctrl+R, Alt and Meta keys answer nothing, Ctrl+N moves on to nothing, none is prevented', async () => {
  const page = await openPage(site, '/lessons/rules-or-learning.html');
  const card = page.locator('.dw-quiz');
  const scenario = card.locator('.dw-quiz-scenario');
  const feedback = card.locator('.dw-quiz-feedback');
  const keydown = (key, mod) => page.evaluate(([key, mod]) => document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key, [mod]: true, bubbles: true, cancelable: true, composed: true })), [key, mod]);
  // Focus inside the card, on the Write rules button (as a learner who tabbed there).
  await card.locator('.dw-quiz-choice[data-choice="rules"]').focus();
  const first = await scenario.textContent();
  for (const [key, mod] of [['l', 'ctrlKey'], ['r', 'ctrlKey'], ['L', 'ctrlKey'], ['r', 'metaKey'], ['l', 'altKey']]) {
    assert.equal(await keydown(key, mod), true, `${mod} + ${key} is left to the browser`);
    assert.equal((await feedback.textContent()).trim(), '', `${mod} + ${key} answers nothing`);
  }
  assert.equal(await statIn(page, '.dw-quiz', 'score'), '0 / 0');
  // The plain key still answers; then Ctrl+N (a new window) is not Next.
  await page.keyboard.press('r');
  assert.match(await feedback.textContent(), /^(Correct|Not quite)/);
  assert.equal(await keydown('n', 'ctrlKey'), true, 'Ctrl+N is left to the browser');
  assert.equal(await keydown('N', 'metaKey'), true, 'Meta+N is left to the browser');
  assert.equal(await scenario.textContent(), first, 'still the first scenario');
  await page.keyboard.press('n');
  assert.notEqual(await scenario.textContent(), first, 'N moves on');
  await assertClean(page);
  await page.close();
});

// Audit 11 (G1): a shorter round set in the page address completed the game, with one key pressed
// throughout (4 cards at seed 1 held 3 "rules"), and its 3 of 4 then outranked any real round in the
// lesson's record. On the lesson page a round of another size than the lesson's 12 is practice: the
// card says so from the start, nothing is reported, and its rounds are dealt even (web/lib/quiz.js
// dealRound), so one key cannot reach its pass mark either.
test('rules or learn: a round of 4 set in the page address is practice: one key scores 2 of 4, nothing is recorded, and the card says so', async () => {
  const page = await openWithoutRecord('/lessons/rules-or-learning.html#rules-or-learn.rounds=4');
  const card = page.locator('.dw-quiz');
  const message = card.locator('.dw-message');
  const { DECK } = await page.evaluate(async () => import('/widgets/rules-or-learn.js'));
  assert.equal(await card.locator('.dw-quiz-practice').textContent(), 'Practice: the page address sets a round of 4 scenarios, so its score is shown here but not recorded. Only a round of 12, with 9 or more correct, completes this game: open the lesson without “rounds” in its address for one.');
  await card.locator('.dw-quiz-choice').first().focus();
  for (const play of ['one key', 'three right']) {
    assert.equal(await card.locator('.dw-quiz-counter').textContent(), 'Scenario 1 of 4');
    let right = 0;
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const text = await card.locator('.dw-quiz-scenario').textContent();
      const dealt = DECK.find((d) => d.text === text);
      answers.push(dealt.answer);
      const key = play === 'one key' ? 'r' : ((i < 3) === (dealt.answer === 'rules') ? 'r' : 'l');
      if ((key === 'r') === (dealt.answer === 'rules')) right += 1;
      await page.keyboard.press(key);
      if (i < 3) await page.keyboard.press('n');
    }
    assert.deepEqual(answers.toSorted(), ['learn', 'learn', 'rules', 'rules'], 'the round is dealt two of each answer');
    assert.equal(right, play === 'one key' ? 2 : 3);
    assert.match(await message.textContent(), new RegExp(`^Practice round over: ${right} of 4 correct\\. .* A practice round is not recorded; a round of 12 with 9 or more correct completes this game\\.$`));
    assert.deepEqual(await page.evaluate(() => window.reports), [], `${play}: nothing is reported`);
    assert.equal(await page.evaluate(() => localStorage.getItem('dw:lesson:rules-or-learning')), null, `${play}: nothing is recorded`);
    assert.match(await page.locator('.lesson-complete').textContent(), /• Rules or learn\? \(not finished yet\)/);
    await card.getByRole('button', { name: 'Play again' }).click();
  }
  await assertClean(page);
  await page.close();
});

// Audit 11 (G3): R then Enter is the rhythm of a round by keyboard (Enter on Next scenario). After the
// last answer the focus went to Play again, so the twelfth Enter dealt a new round over the verdict
// and the list of missed cards. It now goes to that list, and Tab goes on to Play again.
test('rules or learn by keyboard: after the last answer the focus is on the round\'s review, so one more Enter keeps the verdict; Tab reaches Play again', async () => {
  const page = await openPage(site, '/lessons/rules-or-learning.html');
  const card = page.locator('.dw-quiz');
  await card.locator('.dw-quiz-scenario').focus();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('r');
    await page.keyboard.press('Enter');
  }
  const verdict = await card.locator('.dw-message').textContent();
  assert.match(verdict, /^Round over: \d+ of 12 correct\./);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('dw-quiz-review')), true, 'the focus is on the review');
  assert.equal(await card.locator('.dw-quiz-counter').textContent(), 'Scenario 12 of 12', 'the twelfth Enter dealt no new round');
  assert.equal(await card.locator('.dw-message').textContent(), verdict);
  assert.equal(await card.locator('.dw-quiz-review').isVisible(), true);
  assert.match(await card.locator('.dw-quiz-review-title').textContent(), /^The \d+ scenarios you missed this round, with the reasons:$/);
  // The review is described by the verdict for a screen reader.
  assert.equal(await card.locator('.dw-quiz-review').evaluate((r) => document.getElementById(r.getAttribute('aria-describedby')).textContent), verdict);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Play again');
  await page.keyboard.press('Enter');
  assert.equal(await card.locator('.dw-quiz-counter').textContent(), 'Scenario 1 of 12');
  await assertClean(page);
  await page.close();
});
