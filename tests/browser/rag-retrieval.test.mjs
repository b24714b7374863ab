// The rag-retrieval widget on its lesson page: the ranked passages, scores, answer and readouts
// equal the engine's for the same question and settings; the controls work from the keyboard;
// dropping the right passage and answering without retrieval give the wrong / empty answers the
// lesson describes; typed HTML stays text; the prediction box settles both ways; 375 px fits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';
import { lockPrediction, verdict, assertPractice, recordReports } from './predict-helpers.mjs';
import { statReader, noNaNInCards, assertFitsClean } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const TITLE = 'Retrieve, then answer';
const PAGE = '/lessons/retrieval-augmented.html';

// The engine's ranking, answer and measures for a question with the widget's data.
async function engine(page, question, { retriever = 'tfidf', k = 2, dims = 8, min = 0, exclude = [] } = {}) {
  return page.evaluate(async ({ question, retriever, k, dims, min, exclude }) => {
    const { loadEngine } = await import('/engine/index.js');
    const { PASSAGES, QUESTIONS, STOP_WORDS } = await import('/lib/retrieval-collection.js');
    const { formatNumber, formatPercent } = await import('/lib/format.js');
    const ml = await loadEngine();
    const r = retriever === 'lsa' ? new ml.LsaRetriever() : new ml.TfidfRetriever();
    try {
      if (retriever === 'lsa') r.build(PASSAGES, STOP_WORDS, dims); else r.build(PASSAGES, STOP_WORDS);
      const s = r.search(question, exclude);
      const a = r.answer(question, k, min, exclude);
      const rankings = QUESTIONS.map((q) => Array.from(r.search(q.text).indices));
      const relevant = QUESTIONS.map((q) => q.relevant);
      return {
        order: Array.from(s.indices).map(String), scores: Array.from(s.scores).map((v) => formatNumber(v, 3)),
        sentence: a.found ? a.sentence : null,
        recall: formatPercent(ml.recallAtK(rankings, relevant, k), 1), mrr: formatNumber(ml.meanReciprocalRank(rankings, relevant), 3),
      };
    } finally { r.delete(); }
  }, { question, retriever, k, dims, min, exclude });
}

async function shown(card) {
  const items = card.locator('.rag-retrieval-item');
  return {
    order: await items.evaluateAll((els) => els.map((e) => e.dataset.passage)),
    scores: await items.locator('.dw-bar-value').allTextContents(),
    used: await card.locator('.rag-retrieval-item.rag-retrieval-used').evaluateAll((els) => els.map((e) => e.dataset.passage)),
    answer: (await card.locator('.rag-retrieval-answer-text').textContent()).trim(),
    verdict: await card.locator('.rag-retrieval-answer').getAttribute('data-verdict'),
  };
}

test('rag-retrieval: ranking, answer and readouts match the engine; keyboard; breaking retrieval; 375 px', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}${PAGE}`);
    await widgetsReady(page);
    const card = page.locator('.dw-card').filter({ hasText: TITLE });
    const stat = statReader(page, card);

    // Default: the first question, tf-idf, k = 2.
    const q0 = 'What time does the library open on Saturday?';
    let want = await engine(page, q0);
    let got = await shown(card);
    assert.deepEqual(got.order, want.order);
    assert.deepEqual(got.scores, want.scores);
    assert.deepEqual(got.used, want.order.slice(0, 2));
    assert.equal(got.answer, want.sentence);
    assert.equal(got.verdict, 'wrong');
    assert.equal(await stat('recall@k (20 questions)'), want.recall);
    assert.equal(await stat('recall@k (20 questions)'), '67.5%');
    assert.equal(await stat('MRR (20 questions)'), '0.685');
    assert.equal(await stat('right passage ranked'), '3 of 28');

    // The k slider from the keyboard: k = 3 reads three passages.
    const kSlider = card.getByRole('slider', { name: /top-k passages read/ });
    await kSlider.focus();
    await page.keyboard.press('ArrowRight');
    got = await shown(card);
    assert.equal(got.used.length, 3);
    assert.equal(await stat('recall@k (20 questions)'), '77.5%');
    // k = 4 and 5, the lesson's "how many passages to read": recall climbs, yet this question's
    // right passage (third) is read and a sentence from a higher-ranked passage still wins.
    await page.keyboard.press('ArrowRight');
    got = await shown(card);
    want = await engine(page, q0, { k: 4 });
    assert.deepEqual(got.used, want.order.slice(0, 4));
    assert.equal(await stat('recall@k (20 questions)'), want.recall);
    assert.equal(await stat('recall@k (20 questions)'), '82.5%');
    assert.equal(got.answer, want.sentence);
    assert.equal(got.verdict, 'wrong');
    await page.keyboard.press('ArrowRight');
    assert.equal(await stat('recall@k (20 questions)'), '87.5%');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');

    // Pick the last-bus question: right; then drop its passage: the timetable sentence, wrong.
    const pick = card.getByLabel('Example question');
    await pick.selectOption({ label: 'When is the last bus from the station?' });
    got = await shown(card);
    assert.equal(got.verdict, 'right');
    assert.equal(got.answer, 'The last number 4 bus leaves the station at 11:40 pm.');
    await card.getByLabel('Break retrieval: drop the right passage from the index').check();
    got = await shown(card);
    assert.equal(got.order.length, 27);
    assert.ok(!got.order.includes('7'));
    assert.equal(got.answer, 'The number 4 bus runs from the railway station to the hospital every 15 minutes on weekdays.');
    assert.equal(got.verdict, 'wrong');
    assert.equal(await stat('right passage ranked'), 'dropped');
    await card.getByLabel('Break retrieval: drop the right passage from the index').uncheck();

    // No retrieval: nothing to quote, and the prompt has no context.
    await card.getByLabel('Answer without retrieval (no documents)').check();
    got = await shown(card);
    assert.match(got.answer, /^Not found: with no documents/);
    assert.deepEqual(got.used, []);
    assert.match(await card.locator('.rag-retrieval-prompt').textContent(), /\(nothing retrieved\)/);
    await card.getByLabel('Answer without retrieval (no documents)').uncheck();

    // Embeddings (LSA) from the keyboard on the segmented control.
    const lsaButton = card.getByRole('button', { name: 'embeddings (LSA)' });
    await lsaButton.focus();
    await page.keyboard.press('Enter');
    want = await engine(page, 'When is the last bus from the station?', { retriever: 'lsa' });
    got = await shown(card);
    assert.deepEqual(got.order, want.order);
    assert.deepEqual(got.scores, want.scores);
    assert.equal(await stat('MRR (20 questions)'), want.mrr);

    // Hostile input stays text; an outside question is not found.
    const box = card.getByLabel('Question', { exact: true });
    await box.fill('<img src=x onerror="window.__pwned=1"> airport');
    assert.equal(await card.locator('.rag-retrieval-list img, .rag-retrieval-answer img, .rag-retrieval-prompt img').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.match(await card.locator('.rag-retrieval-prompt').textContent(), /Question: <img src=x/);
    await box.fill('Where is the nearest airport?');
    got = await shown(card);
    assert.equal(got.answer, 'Not found.');
    assert.equal(got.verdict, 'right-not-found');
    assert.equal(await box.getAttribute('maxlength'), '200');

    await screenshot(page, `rag-retrieval-${width}`);
    await assertFitsClean(page, width);
    await page.close();
  }
});

test('rag-retrieval: predict, then check — "up" holds and "same" does not', async () => {
  for (const [choice, result] of [['up', 'held'], ['same', 'missed']]) {
    const page = await site.newPage({ width: 1280 });
    await page.goto(`${site.base}${PAGE}`);
    await widgetsReady(page);
    const card = page.locator('.dw-card').filter({ hasText: TITLE });
    await lockPrediction(card, 'swimming-by-meaning', choice);
    await card.getByLabel('Example question').selectOption({ label: 'How much does swimming cost?' });
    assert.equal(await statReader(page, card)('right passage ranked'), '20 of 28');
    await card.getByRole('button', { name: 'embeddings (LSA)' }).click();
    assert.equal(await statReader(page, card)('right passage ranked'), '5 of 28');
    const v = await verdict(card, 'swimming-by-meaning');
    assert.equal(v.result, result, v.text);
    assert.match(v.text, /tf-idf ranks it 20 with score 0/);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('rag-retrieval: a prediction locked after both rankings of the swimming question were on screen is practice, not a first try', async () => {
  const page = await site.newPage({ width: 1280 });
  await page.goto(`${site.base}${PAGE}`);
  await widgetsReady(page);
  await recordReports(page);
  const card = page.locator('.dw-card').filter({ hasText: TITLE });
  const box = card.locator('[data-predict="swimming-by-meaning"]');
  await card.getByLabel('Example question').selectOption({ label: 'How much does swimming cost?' });
  await card.getByRole('button', { name: 'embeddings (LSA)' }).click();
  assert.equal(await statReader(page, card)('right passage ranked'), '5 of 28');
  assert.match(await box.getByRole('status').textContent(), /ranked by embeddings before a prediction was locked in/);
  await card.getByRole('button', { name: 'tf-idf' }).click();
  await lockPrediction(card, 'swimming-by-meaning', 'up');
  await card.getByRole('button', { name: 'embeddings (LSA)' }).click();
  await assertPractice(page, box);
  await page.close();
});

test('rag-retrieval: the embedding\'s rank seen first, with tf-idf never looked at, also makes a later prediction practice', async () => {
  const page = await site.newPage({ width: 1280 });
  await page.goto(`${site.base}${PAGE}`);
  await widgetsReady(page);
  await recordReports(page);
  const card = page.locator('.dw-card').filter({ hasText: TITLE });
  const box = card.locator('[data-predict="swimming-by-meaning"]');
  await card.getByRole('button', { name: 'embeddings (LSA)' }).click();
  await card.getByLabel('Example question').selectOption({ label: 'How much does swimming cost?' });
  assert.equal(await statReader(page, card)('right passage ranked'), '5 of 28');
  assert.match(await box.getByRole('status').textContent(), /ranked by embeddings before a prediction was locked in/);
  await card.getByRole('button', { name: 'tf-idf' }).click();
  await lockPrediction(card, 'swimming-by-meaning', 'up');
  await card.getByRole('button', { name: 'embeddings (LSA)' }).click();
  await assertPractice(page, box);
  await page.close();
});

// A question of the learner's own has no ✓ passage: when nothing matches (letters the collection
// never uses, or an empty box) the card said "The answer is wrong or missing: look at where the ✓
// passage is ranked", pointing at a mark that is not there.
test('rag-retrieval: an own question that matches nothing, and an empty box, are told so without a ✓ passage to look for', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}${PAGE}`);
  await widgetsReady(page);
  const card = page.locator('.dw-card').filter({ hasText: TITLE });
  const box = card.getByLabel('Question', { exact: true });
  const message = () => card.locator('.dw-message').first();
  await box.fill('xyzzy plugh');
  assert.equal((await shown(card)).answer, 'Not found.');
  assert.equal(await message().textContent(), 'No answer: no passage scored above 0 and the minimum score for your question, so there was nothing to copy.');
  assert.equal(await message().getAttribute('data-tone'), 'info');
  assert.equal(await card.locator('.rag-retrieval-badge-right').count(), 0);
  await box.fill('');
  assert.equal(await message().textContent(), 'Type a question, or pick one from the list, to search the collection.');
  // A question the collection covers still gets its verdict.
  await box.fill('When is the last bus from the station?');
  assert.equal(await message().textContent(), 'The answer is right.');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
