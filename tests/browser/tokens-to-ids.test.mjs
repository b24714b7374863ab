// Tokens to ids (text-to-numbers lesson): live tokens, ids and bag-of-words counts from the engine;
// hostile text stays text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';
import { canvasInk, statReader, noNaNInCards, openLesson } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const open = (width, colorScheme = 'light') => openLesson(site, 'text-to-numbers', { width, colorScheme });

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

    const start = await card.locator('textarea.dw-textbox').inputValue();
    const e0 = await expected(start);
    assert.equal(await stat('tokens'), String(e0.tokens.length));
    assert.equal(await stat('unknown'), String(e0.unknown));
    assert.equal(await stat('vector length |V|'), String(e0.size));
    assert.equal(await stat('non-zero entries'), `${e0.nonzero} of ${e0.size}`);
    const chips = await card.locator('.dw-token-chip').allTextContents();
    assert.equal(chips.length, e0.tokens.length);
    assert.ok(chips[0].startsWith(e0.tokens[0]) && chips[0].includes(`id ${e0.ids[0]}`));

    const text = 'The dog and the cat sat in the park';
    await card.locator('textarea.dw-textbox').fill(text);
    const e1 = await expected(text);
    assert.equal(await stat('tokens'), '9');
    assert.equal(await stat('unknown'), String(e1.unknown));
    assert.equal(await stat('non-zero entries'), `${e1.nonzero} of ${e1.size}`);

    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script> 🙂 Ünïcode';
    await card.locator('textarea.dw-textbox').fill(hostile);
    const e2 = await expected(hostile);
    assert.equal(await stat('tokens'), String(e2.tokens.length));
    assert.equal(await card.locator('img, script').count(), 0, 'no markup created from the text');
    assert.ok((await card.locator('.dw-token-chips').textContent()).includes('onerror'));
    assert.equal(await card.locator('.dw-token-chip-unk').count(), e2.unknown);

    await card.locator('textarea.dw-textbox').fill('word '.repeat(2000));
    assert.match(await card.locator('.dw-footnote').first().textContent(), /first 400 characters/);
    assert.equal(await stat('tokens'), '80');

    // One unknown word: the count agrees with its noun, and <unk> is explained in words.
    await card.locator('textarea.dw-textbox').fill('Quantum');
    assert.match(await card.locator('.dw-message').textContent(), /^The only word, “quantum”, is not in the vocabulary, so it gets id 0, <unk> \(“unknown word”\)/);
    await card.locator('textarea.dw-textbox').fill('Quantum physics');
    assert.match(await card.locator('.dw-message').textContent(), /^None of the 2 words is in the vocabulary, so each gets id 0, <unk> \(“unknown word”\)/);
    await card.locator('textarea.dw-textbox').fill('');
    assert.equal(await stat('tokens'), '0');
    assert.match(await card.locator('.dw-message').textContent(), /no words/);
    await card.locator('textarea.dw-textbox').fill(text);
    await card.getByLabel('bar height').selectOption('tfidf');
    assert.match(await card.locator('.dw-message').textContent(), /tf-idf/);
    // The lesson's step 3 after step 2's hostile text: the button brings the opening sentence back,
    // with its "the" and "kitchen" for the tf-idf comparison.
    await card.locator('textarea.dw-textbox').fill(hostile);
    await card.getByRole('button', { name: 'Back to the example text' }).click();
    assert.equal(await card.locator('textarea.dw-textbox').inputValue(), start);
    assert.equal(await stat('tokens'), String(e0.tokens.length));
    const words = (await card.locator('.dw-token-chip').allTextContents()).join(' ');
    assert.match(words, /theid 1/);
    assert.match(words, /kitchen/);
    await screenshot(page, `text-tokens-${width}`);
    assert.deepEqual(page.dialogs, []);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});


// One unknown "word" of 5 000 letters (the box keeps the first 400) was quoted whole in the card's
// message: 400 letters with no place to break.
test('tokens-to-ids: a very long unknown word is quoted clipped, and the card still fits 375 px', async () => {
  const page = await open(375);
  const card = page.locator('.dw-card').nth(0);
  await card.getByLabel('Your text').fill('x'.repeat(5000));
  const message = await card.locator('.dw-message').first().textContent();
  assert.equal(message, 'The only word, “xxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”, is not in the vocabulary, so it gets id 0, <unk> (“unknown word”): the vector is a single bar at id 0. A model would learn nothing from this text.');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scrolling');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
