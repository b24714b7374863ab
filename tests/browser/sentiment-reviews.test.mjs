// The sentiment-reviews widget on its lesson page: readouts equal the engine's numbers (the
// widget's own training code), the example buttons and the word-pairs switch work from the
// keyboard, typed HTML stays text, the prediction box settles both ways, and 375 px fits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady, openPage } from './browser.mjs';
import { lockPrediction, verdict, assertPractice, recordReports } from './predict-helpers.mjs';
import { statReader, noNaNInCards, assertFitsClean } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const TITLE = 'Positive or negative?';
const PAGE = '/lessons/sentiment.html';

async function engine(page, text, pairs) {
  return page.evaluate(async ({ text, pairs }) => {
    const { loadEngine } = await import('/engine/index.js');
    const { train, explain } = await import('/widgets/sentiment-reviews/model.js');
    const { formatNumber, formatPercent } = await import('/lib/format.js');
    const ml = await loadEngine();
    const vocab = new ml.Vocabulary();
    const model = new ml.MultinomialNaiveBayes();
    try {
      const fit = train(ml, vocab, model, pairs);
      const e = explain(ml, vocab, model, fit, text, pairs);
      return { p: formatNumber(e.p, 3), accuracy: formatPercent(fit.accuracy, 1), features: String(fit.tokens.length - 1), chips: e.features.map((f) => f.text) };
    } finally { vocab.delete(); model.delete(); }
  }, { text, pairs });
}

test('sentiment-reviews: readouts match the engine; examples and word pairs by keyboard; hostile text; 375 px', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, PAGE, { width });
    const card = page.locator('.dw-card').filter({ hasText: TITLE });
    const stat = statReader(page, card);
    let want = await engine(page, 'The soup was not bad', false);
    assert.equal(await stat('p(positive)'), want.p);
    assert.equal(await stat('p(positive)'), '0.102');
    assert.equal(await stat('test accuracy'), '78.6%');
    assert.equal(await stat('features'), '180');
    assert.deepEqual(await card.locator('.dw-token-chip-word').allTextContents(), want.chips);

    const ex = card.getByRole('button', { name: '“The soup was not good”' });
    await ex.focus();
    await page.keyboard.press('Enter');
    assert.equal(await stat('p(positive)'), '0.154');

    const pairsBox = card.getByLabel('Add word pairs (not·good, not·bad, …)');
    await pairsBox.focus();
    await page.keyboard.press('Space');
    want = await engine(page, 'The soup was not good', true);
    assert.equal(await stat('features'), '481');
    assert.equal(await stat('p(positive)'), want.p);
    assert.ok((await card.locator('.dw-token-chip-word').allTextContents()).includes('not·good'));

    const box = card.getByLabel('Your review', { exact: true });
    await box.fill('<img src=x onerror="window.__pwned=1"> lovely');
    assert.equal(await card.locator('.dw-token-chips img').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await box.getAttribute('maxlength'), '200');

    // Empty or word-less text gets no verdict: p(positive) would be the prior alone ("Positive
    // (p = 0.500)" was shown for nothing typed).
    for (const typed of ['', '!!! ?? --']) {
      await box.fill('');
      await box.focus();
      if (typed) await page.keyboard.type(typed);
      assert.equal(await card.locator('.dw-spam-verdict').textContent(), 'No verdict: the review has no words to go on. Type a review to see the model weigh its words.', `"${typed}"`);
      assert.equal(await stat('p(positive)'), '–', `"${typed}"`);
      assert.equal(await card.locator('.dw-token-chip').count(), 0);
      assert.doesNotMatch(await card.textContent(), /Positive \(p|Negative \(p|p\(positive\) = \d/, `"${typed}"`);
    }
    // Words the training reviews never hold carry no evidence either (each chip "unseen: 0"), so
    // p(positive) is again the prior alone: no verdict ("Positive (p = 0.500)" was shown for "zzz").
    for (const [typed, pairs, verdictText] of [
      ['zzz', false, 'No verdict: this word never occurs in the training reviews, so nothing weighs for positive or negative. Add a word the model has seen.'],
      ['zzz qqq', false, 'No verdict: none of these 2 words occurs in the training reviews, so nothing weighs for positive or negative. Add a word the model has seen.'],
      ['zzz qqq', true, 'No verdict: none of these 2 words occurs in the training reviews, so nothing weighs for positive or negative. Add a word the model has seen.'],
    ]) {
      await pairsBox.setChecked(pairs);
      await box.fill(typed);
      const e = await engine(page, typed, pairs);
      assert.equal(e.p, '0.500', 'the prior alone');
      assert.equal(await card.locator('.dw-spam-verdict').textContent(), verdictText, typed);
      assert.equal(await stat('p(positive)'), '–', typed);
      assert.deepEqual(await card.locator('.dw-token-chip-word').allTextContents(), e.chips, typed);
      assert.equal(await card.locator('.dw-token-chip', { hasText: 'unseen: 0' }).count(), e.chips.length, typed);
      assert.doesNotMatch(await card.textContent(), /Positive \(p|Negative \(p|p\(positive\) = \d/, typed);
    }
    await pairsBox.setChecked(true);
    // One seen word is enough: the verdict is back, and both verdicts write p(positive).
    await box.fill('zzz lovely');
    const lovely = await engine(page, 'zzz lovely', true);
    assert.equal(await card.locator('.dw-spam-verdict').textContent(), `${Number(lovely.p) >= 0.5 ? 'Positive' : 'Negative'} (p(positive) = ${lovely.p}).`);
    await box.fill('The soup was not good');
    const good = await engine(page, 'The soup was not good', true);
    assert.equal(await card.locator('.dw-spam-verdict').textContent(), `${Number(good.p) >= 0.5 ? 'Positive' : 'Negative'} (p(positive) = ${good.p}).`);
    await box.fill('lovely');
    assert.match(await card.locator('.dw-spam-verdict').textContent(), /^(Positive|Negative) \(p\(positive\) = \d\.\d{3}\)\.$/, 'a word brings the verdict back');

    await screenshot(page, `sentiment-reviews-${width}`);
    await assertFitsClean(page, width);
    await page.close();
  }
});

test('sentiment-reviews: predict, then check — "negative" holds, "positive" does not', async () => {
  for (const [choice, result] of [['negative', 'held'], ['positive', 'missed']]) {
    const page = await openPage(site, PAGE, { width: 1280 });
    const card = page.locator('.dw-card').filter({ hasText: TITLE });
    await lockPrediction(card, 'pairs-not-bad', choice);
    await card.getByRole('button', { name: '“The soup was not bad”' }).click();
    await card.getByLabel('Add word pairs (not·good, not·bad, …)').check();
    const v = await verdict(card, 'pairs-not-bad');
    assert.equal(v.result, result, v.text);
    assert.match(v.text, /not·bad adds \+1\.42, but the pair was·not adds -1\.76 .*pulls harder: p\(positive\) = 0\.021/);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('sentiment-reviews: a prediction locked after the pairs verdict was on screen is practice, not a first try', async () => {
  const page = await openPage(site, PAGE, { width: 1280 });
  await recordReports(page);
  const card = page.locator('.dw-card').filter({ hasText: TITLE });
  const pairs = card.getByLabel('Add word pairs (not·good, not·bad, …)');
  await card.getByRole('button', { name: '“The soup was not bad”' }).click();
  await pairs.check();
  const box = card.locator('[data-predict="pairs-not-bad"]');
  assert.match(await box.getByRole('status').textContent(), /was on screen before a prediction was locked in/);
  await pairs.uncheck();
  await lockPrediction(card, 'pairs-not-bad', 'negative');
  await pairs.check();
  await assertPractice(page, box);
  await page.close();
});

test('sentiment-reviews: the example typed as "the soup was not bad." (same words, same p = 0.021) is the same experiment: seen first it makes the box practice', async () => {
  const page = await site.newPage({ width: 1280 });
  await page.goto(`${site.base}${PAGE}`);
  await page.evaluate(() => localStorage.removeItem('dw:lesson:sentiment'));
  await page.reload();
  await widgetsReady(page);
  await recordReports(page);
  const card = page.locator('.dw-card').filter({ hasText: TITLE });
  const pairs = card.getByLabel('Add word pairs (not·good, not·bad, …)');
  const box = card.locator('[data-predict="pairs-not-bad"]');
  const review = card.getByRole('textbox');
  // The box opens on the example itself: another review first, so only the typed variant shows it.
  await review.fill('The coffee was good');
  await pairs.check();
  assert.doesNotMatch(await box.getByRole('status').textContent(), /was on screen/);
  await review.fill('the soup was not bad.');
  assert.equal(await statReader(page, card)('p(positive)'), '0.021');
  assert.match(await box.getByRole('status').textContent(), /was on screen before a prediction was locked in/);
  await review.fill('The coffee was good');
  await lockPrediction(card, 'pairs-not-bad', 'negative');
  await review.fill('THE SOUP WAS NOT BAD!');
  await assertPractice(page, box);
  await page.close();
});

test('sentiment-reviews: a prediction locked first is settled by the example typed in other capitals and punctuation', async () => {
  const page = await openPage(site, PAGE, { width: 1280 });
  const card = page.locator('.dw-card').filter({ hasText: TITLE });
  await lockPrediction(card, 'pairs-not-bad', 'negative');
  await card.getByRole('textbox').fill('The coffee was good');
  await card.getByLabel('Add word pairs (not·good, not·bad, …)').check();
  assert.equal(await card.locator('[data-predict="pairs-not-bad"]').getAttribute('data-state'), 'committed');
  await card.getByRole('textbox').fill('the soup was not bad.');
  const v = await verdict(card, 'pairs-not-bad');
  assert.equal(v.result, 'held', v.text);
  assert.match(v.text, /p\(positive\) = 0\.021/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
