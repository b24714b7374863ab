// The text-to-numbers lesson: tokens-to-ids, word-embeddings and bag-of-words-spam. Each widget
// renders, answers its main interaction, shows the numbers the engine gives for the same state
// (recomputed here through the engine in the page), never shows NaN, treats hostile text as
// text, and makes no request off the machine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';
import { canvasInk, statReader, noNaN } from './landscape-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const fixed = (v, d) => { const s = v.toFixed(d); return /^-0\.?0*$/.test(s) ? s.slice(1) : s; };

async function open(width, colorScheme = 'light') {
  const page = await site.newPage({ width });
  await page.emulateMedia({ colorScheme });
  page.dialogs = [];
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss(); });
  await page.goto(`${site.base}/lessons/text-to-numbers.html`);
  await widgetsReady(page);
  return page;
}

test('tokens-to-ids: live tokens, ids and bag-of-words counts from the engine; hostile text stays text', async () => {
  for (const width of [1280, 375]) {
    const page = await open(width);
    const card = page.locator('.dw-card').nth(0);
    const stat = statReader(page, card);
    const ink = await canvasInk(page, '.dw-card >> nth=0 >> canvas');
    assert.ok(ink.colours > 3, 'the vector is drawn');

    const expected = (text) => page.evaluate(async (t) => {
      const { loadEngine } = await import('/engine/index.js');
      const { CORPUS } = await import('/lib/text-examples.js');
      const ml = await loadEngine();
      const v = new ml.Vocabulary();
      try {
        v.build(CORPUS);
        const ids = Array.from(v.encode(t));
        const bow = ml.bagOfWords([t], v).data;
        return { tokens: ml.tokenize(t).map((x) => x.text), ids, size: v.size(), nonzero: bow.filter((x) => x !== 0).length, unknown: ids.filter((i) => i === 0).length };
      } finally { v.delete(); }
    }, text);

    const start = await card.locator('textarea.dwt-textbox').inputValue();
    const e0 = await expected(start);
    assert.equal(await stat('tokens'), String(e0.tokens.length));
    assert.equal(await stat('unknown'), String(e0.unknown));
    assert.equal(await stat('vector length |V|'), String(e0.size));
    assert.equal(await stat('non-zero entries'), `${e0.nonzero} of ${e0.size}`);
    const chips = await card.locator('.dwt-chip').allTextContents();
    assert.equal(chips.length, e0.tokens.length);
    assert.ok(chips[0].startsWith(e0.tokens[0]) && chips[0].includes(`id ${e0.ids[0]}`));

    const text = 'The dog and the cat sat in the park';
    await card.locator('textarea.dwt-textbox').fill(text);
    const e1 = await expected(text);
    assert.equal(await stat('tokens'), '9');
    assert.equal(await stat('unknown'), String(e1.unknown));
    assert.equal(await stat('non-zero entries'), `${e1.nonzero} of ${e1.size}`);

    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script> 🙂 Ünïcode';
    await card.locator('textarea.dwt-textbox').fill(hostile);
    const e2 = await expected(hostile);
    assert.equal(await stat('tokens'), String(e2.tokens.length));
    assert.equal(await card.locator('img, script').count(), 0, 'no markup created from the text');
    assert.ok((await card.locator('.dwt-chips').textContent()).includes('onerror'));
    assert.equal(await card.locator('.dwt-chip-unk').count(), e2.unknown);

    await card.locator('textarea.dwt-textbox').fill('word '.repeat(2000));
    assert.match(await card.locator('.dwt-note').first().textContent(), /first 400 characters/);
    assert.equal(await stat('tokens'), '80');

    // One unknown word: the count agrees with its noun, and <unk> is explained in words.
    await card.locator('textarea.dwt-textbox').fill('Quantum');
    assert.match(await card.locator('.dw-message').textContent(), /^The only word, “quantum”, is not in the vocabulary, so it gets id 0, <unk> \(“unknown word”\)/);
    await card.locator('textarea.dwt-textbox').fill('Quantum physics');
    assert.match(await card.locator('.dw-message').textContent(), /^None of the 2 words is in the vocabulary, so each gets id 0, <unk> \(“unknown word”\)/);
    await card.locator('textarea.dwt-textbox').fill('');
    assert.equal(await stat('tokens'), '0');
    assert.match(await card.locator('.dw-message').textContent(), /no words/);
    await card.locator('textarea.dwt-textbox').fill(text);
    await card.getByLabel('bar height').selectOption('tfidf');
    assert.match(await card.locator('.dw-message').textContent(), /tf-idf/);
    await screenshot(page, `text-tokens-${width}`);
    assert.deepEqual(page.dialogs, []);
    assert.ok(await noNaN(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('word-embeddings: cosine ranking and analogy equal the engine; click and keys select words', async () => {
  for (const [width, scheme] of [[1280, 'light'], [375, 'dark']]) {
    const page = await open(width, scheme);
    const card = page.locator('.dw-card').nth(1);
    const stat = statReader(page, card);
    const ink = await canvasInk(page, '.dw-card >> nth=1 >> canvas');
    assert.ok(ink.colours > 4, 'the embedding is drawn');

    const rank = (word) => page.evaluate(async (w) => {
      const { loadEngine } = await import('/engine/index.js');
      const { EMBEDDING_FLAT, EMBEDDING_WORDS } = await import('/lib/text-examples.js');
      const ml = await loadEngine();
      const i = EMBEDDING_WORDS.indexOf(w);
      const r = ml.rankByCosine(EMBEDDING_FLAT, 2, EMBEDDING_FLAT.subarray(2 * i, 2 * i + 2), [i]);
      const a = ml.analogy(EMBEDDING_FLAT, 2, EMBEDDING_WORDS.indexOf('king'), EMBEDDING_WORDS.indexOf('man'), EMBEDDING_WORDS.indexOf('woman'));
      return { words: Array.from(r.indices, (k) => EMBEDDING_WORDS[k]), sims: Array.from(r.similarities), analogy: EMBEDDING_WORDS[a.indices[0]] };
    }, word);

    const eCat = await rank('cat');
    assert.equal(await stat('selected'), 'cat');
    assert.equal(await stat('nearest'), eCat.words[0]);
    assert.equal(await stat('cosine'), fixed(eCat.sims[0], 3));
    assert.equal(eCat.words[0], 'kitten');
    assert.equal(await stat('a − b + c ≈'), eCat.analogy);
    assert.equal(eCat.analogy, 'queen');
    const bars = await card.locator('.dwt-bars li').allTextContents();
    assert.equal(bars.length, 28);
    assert.ok(bars[0].startsWith('kitten') && bars[0].endsWith(fixed(eCat.sims[0], 3)));

    await card.getByLabel('selected word').selectOption('good');
    const eGood = await rank('good');
    assert.equal(await stat('nearest'), eGood.words[0]);
    assert.deepEqual(eGood.words.slice(0, 3).sort(), ['excellent', 'great', 'happy']);
    assert.match(await card.locator('.dw-message').textContent(), /Closest to “good”: great/);

    // Keyboard: the focused plot steps through the word list.
    await card.locator('canvas').focus();
    await page.keyboard.press('ArrowRight');
    const after = await stat('selected');
    assert.notEqual(after, 'good');
    assert.equal(await stat('nearest'), (await rank(after)).words[0]);

    // Pointer: click on the word "king" (its data position mapped to pixels like the Plot does).
    const box = await card.locator('canvas').boundingBox();
    const pos = await card.locator('canvas').evaluate((c) => ({ w: c.clientWidth, h: c.clientHeight }));
    const m = { left: 34, right: 10, top: 16, bottom: 28 };
    const px = m.left + ((3.5 + 7) / 15) * (pos.w - m.left - m.right);
    const py = pos.h - m.bottom - ((5.5 + 7.5) / 15) * (pos.h - m.top - m.bottom);
    await page.mouse.click(box.x + px, box.y + py);
    assert.equal(await stat('selected'), 'king');
    assert.equal(await stat('nearest'), (await rank('king')).words[0]);

    // Arithmetic: prince − boy + girl.
    await card.getByLabel('a', { exact: true }).selectOption('prince');
    await card.getByLabel('b', { exact: true }).selectOption('boy');
    await card.getByLabel('c', { exact: true }).selectOption('girl');
    assert.equal(await stat('a − b + c ≈'), 'princess');
    assert.match(await card.locator('.dwt-answer').textContent(), /prince − boy \+ girl = \(4\.70, 2\.70\)/);
    await screenshot(page, `text-embeddings-${width}-${scheme}`);
    assert.ok(await noNaN(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('bag-of-words-spam: accuracy, confusion and p(spam) equal the engine; alpha and label flips retrain', async () => {
  for (const width of [1280, 375]) {
    const page = await open(width);
    const card = page.locator('.dw-card').nth(2);
    const stat = statReader(page, card);

    const expected = (alpha, flips, message) => page.evaluate(async ([alpha, flips, message]) => {
      const { loadEngine } = await import('/engine/index.js');
      const { MESSAGES, isTestIndex } = await import('/lib/text-examples.js');
      const ml = await loadEngine();
      const labels = MESSAGES.map(([, y], i) => (flips.includes(i) ? 1 - y : y));
      const train = MESSAGES.map((_, i) => i).filter((i) => !isTestIndex(i));
      const test = MESSAGES.map((_, i) => i).filter(isTestIndex);
      const v = new ml.Vocabulary();
      const m = new ml.MultinomialNaiveBayes();
      try {
        v.build(train.map((i) => MESSAGES[i][0]));
        const X = ml.bagOfWords(train.map((i) => MESSAGES[i][0]), v);
        const T = ml.bagOfWords(test.map((i) => MESSAGES[i][0]), v);
        // Unknown words (column 0) carry no evidence: the widget zeroes their count.
        for (let r = 0; r < T.data.length; r += T.cols) T.data[r] = 0;
        m.setData(X.data, X.cols, train.map((i) => labels[i]));
        m.setAlpha(alpha);
        m.fit(1);
        const yT = test.map((i) => labels[i]);
        const pred = Array.from(m.predict(T.data));
        const cm = ml.confusionMatrix(yT, pred, 2);
        const q = ml.bagOfWords([message], v).data;
        q[0] = 0;
        const ratio = m.featureLogRatio(1, 0);
        let best = 1;
        for (let j = 1; j < ratio.length; j++) if (ratio[j] > ratio[best]) best = j;
        return { acc: ml.accuracy(yT, pred), tp: cm[1][1], fn: cm[1][0], fp: cm[0][1], tn: cm[0][0], p: m.predictProba(q)[1], train: m.score(X.data, train.map((i) => labels[i])), top: v.token(best), size: v.size() };
      } finally { m.delete(); v.delete(); }
    }, [alpha, flips, message]);

    const check = async (e) => {
      assert.equal(await stat('test accuracy'), `${fixed(e.acc * 100, 1)}%`);
      assert.equal(await stat('training accuracy'), `${fixed(e.train * 100, 1)}%`);
      assert.equal(await stat('spam caught'), String(e.tp));
      assert.equal(await stat('spam missed'), String(e.fn));
      assert.equal(await stat('good mail blocked'), String(e.fp));
      assert.equal(await stat('good mail through'), String(e.tn));
      assert.equal(await stat('your message p(spam)'), fixed(e.p, 3));
    };
    const msg = await card.locator('textarea.dwt-textbox').inputValue();
    const e0 = await expected(1, [], msg);
    await check(e0);
    assert.equal(await stat('vocabulary |V|'), String(e0.size));
    assert.ok(e0.acc >= 0.8, 'the filter works on held-out messages');
    assert.equal((await card.locator('.dwt-bars').first().locator('li').first().textContent()).startsWith(e0.top), true);

    // Typing a message: p(spam) and the word chips follow.
    await card.locator('textarea.dwt-textbox').fill('lunch meeting tomorrow');
    const eHam = await expected(1, [], 'lunch meeting tomorrow');
    assert.equal(await stat('your message p(spam)'), fixed(eHam.p, 3));
    assert.ok(eHam.p < 0.5);
    assert.match(await card.locator('.dwt-verdict').textContent(), /Not spam/);
    assert.equal(await card.locator('.dwt-chip').count(), 3);
    await card.locator('textarea.dwt-textbox').fill('<img src=x onerror=alert(1)> FREE prize');
    assert.equal(await card.locator('img').count(), 0);
    const eHostile = await expected(1, [], '<img src=x onerror=alert(1)> FREE prize');
    assert.equal(await stat('your message p(spam)'), fixed(eHostile.p, 3));
    // Six unknown words weigh nothing; the strongest word named is a known one.
    assert.match(await card.locator('.dw-message').textContent(), /strongest word is “free”/);
    assert.match(await card.locator('.dw-message').textContent(), /6 words never occur in the training messages; the filter has no evidence about them, so they add 0\./);
    assert.equal(await card.locator('.dwt-chip-unk .dwt-chip-sub').first().textContent(), 'unknown: 0');

    // α slider (log scale: the track holds log10 α).
    await card.getByRole('slider', { name: /smoothing/ }).fill('-2');
    await check(await expected(0.01, [], '<img src=x onerror=alert(1)> FREE prize'));

    // Flip the labels of the first four training messages about meetings/notes to spam.
    await card.locator('details', { hasText: 'training messages' }).locator('summary').click();
    const flips = [4, 10, 32, 40];
    for (const i of flips) {
      const text = await page.evaluate(async (k) => (await import('/lib/text-examples.js')).MESSAGES[k][0], i);
      await card.getByRole('button', { name: `Label of “${text}”: click to flip` }).click();
    }
    const eFlip = await expected(0.01, flips, '<img src=x onerror=alert(1)> FREE prize');
    await check(eFlip);
    assert.match(await card.locator('.dw-message').textContent(), /flipped/);
    await card.locator('textarea.dwt-textbox').fill('See you at the meeting');
    assert.equal(await stat('your message p(spam)'), fixed((await expected(0.01, flips, 'See you at the meeting')).p, 3));
    await card.locator('details').first().locator('summary').click();
    await screenshot(page, `text-spam-${width}`);
    await card.getByRole('button', { name: 'Reset labels' }).click();
    await check(await expected(0.01, [], 'See you at the meeting'));
    assert.deepEqual(page.dialogs, []);
    assert.ok(await noNaN(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('word-embeddings: predict, then check — “good” and “bad” point much the same way (held and missed)', async () => {
  const page = await open(1280);
  const card = page.locator('.dw-card').nth(1);
  const box = card.locator('[data-predict="embeddings-good-bad"]');
  const lockIn = async (value) => {
    await box.getByRole('combobox', { name: /cosine similarity of “good” and “bad” will be/ }).selectOption(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  await lockIn('opposite');
  assert.match(await box.getByRole('status').textContent(), /Your prediction: close to −1\. Now select the word “good”/);
  await card.getByLabel('selected word').selectOption('good');
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await box.getByRole('status').textContent(), /did not hold: .*what happened: “above 0\.5”\. Cosine 0\.747: “bad” is number 6 of the words nearest “good”/);
  await card.getByLabel('selected word').selectOption('cat');
  await lockIn('high');
  await card.getByLabel('selected word').selectOption('good');
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.match(await box.getByRole('status').textContent(), /Your prediction held: you said “above 0\.5”/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
