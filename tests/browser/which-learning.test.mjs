// The which-kind-of-learning game (kinds-of-learning lesson): drag onto a bin, tap a bin, keys 1–4.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, openPage } from './browser.mjs';
import { statIn, assertClean } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });


test('which kind of learning: drag onto a bin, tap a bin, keys 1–4', async () => {
  const page = await openPage(site, '/lessons/kinds-of-learning.html');
  const card = '.which-learning-sort';
  const { DECK } = await page.evaluate(async () => import('/widgets/which-learning.js'));
  const answerOf = async () => {
    const text = await page.locator(`${card} .dw-quiz-scenario`).textContent();
    return DECK.find((d) => d.text === text);
  };
  // 1. Drag the card onto the right bin with a real pointer gesture.
  let item = await answerOf();
  await page.locator(`${card} .dw-quiz-choices`).scrollIntoViewIfNeeded();
  const from = await page.locator(`${card} .dw-quiz-card`).boundingBox();
  const to = await page.locator(`${card} .dw-quiz-choice[data-choice="${item.answer}"]`).boundingBox();
  await page.mouse.move(from.x + 20, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + 40, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  assert.match(await page.locator(`${card} .dw-quiz-feedback`).textContent(), /^Correct/);
  assert.ok((await page.locator(`${card} .dw-quiz-feedback`).textContent()).includes(item.reason));
  assert.equal(await statIn(page, card, 'score'), '1 / 1');
  await page.locator(card).getByRole('button', { name: 'Next scenario' }).click();
  // 2. Tap a wrong bin.
  item = await answerOf();
  const wrong = ['supervised', 'unsupervised', 'reinforcement', 'self-supervised'].find((c) => c !== item.answer);
  await page.locator(`${card} .dw-quiz-choice[data-choice="${wrong}"]`).click();
  assert.match(await page.locator(`${card} .dw-quiz-feedback`).textContent(), /^Not quite/);
  assert.equal(await statIn(page, card, 'score'), '1 / 2');
  // The marks on the answered choices are text in the buttons (read by screen readers), on the
  // picked wrong bin and on the right one only.
  const marks = await page.locator(`${card} .dw-quiz-choice`).evaluateAll((bs) => bs.map((b) => [b.dataset.choice, b.querySelector('.dw-quiz-mark')?.textContent ?? '']));
  assert.deepEqual(Object.fromEntries(marks.filter(([, m]) => m)), { [wrong]: '✗ your pick', [item.answer]: '✓ correct' });
  await page.keyboard.press('n');
  assert.equal(await page.locator(`${card} .dw-quiz-mark`).count(), 0, 'the next scenario starts unmarked');
  // 3. Keyboard digit.
  item = await answerOf();
  const digit = String(['supervised', 'unsupervised', 'reinforcement', 'self-supervised'].indexOf(item.answer) + 1);
  await page.keyboard.press(digit);
  assert.equal(await statIn(page, card, 'score'), '2 / 3');
  await screenshot(page, 'kinds-of-learning-1280');
  await assertClean(page);
  await page.close();
});

