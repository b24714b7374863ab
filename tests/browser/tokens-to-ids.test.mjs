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
    assert.equal(await card.locator('.dw-token-chips .dw-empty').textContent(), 'No words yet: only letters, digits and apostrophes make words.');
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

// The lesson's tries 5 and 6: markup and full-width letters are unknown until the text is cleaned;
// "cats" and "kitchens" meet "cat" and "kitchen" once word endings are cut.
test('tokens-to-ids: clean the text first drops tags and normalises Unicode; stemming joins word forms', async () => {
  const page = await open(375);
  const card = page.locator('.dw-card').nth(0);
  const stat = statReader(page, card);
  const box = card.locator('textarea.dw-textbox');
  await box.fill('The cat sat in the <b>kitchen</b>');
  assert.equal(await stat('tokens'), '8');
  assert.equal(await stat('unknown'), '2');
  await card.getByLabel('clean the text first').check();
  assert.equal(await stat('tokens'), '6');
  assert.equal(await stat('unknown'), '0');
  assert.match(await card.locator('.dw-footnote').nth(1).textContent(), /^Cleaned before cutting: 2 markup tags dropped/);
  const words = () => card.locator('.dw-token-chip-word').allTextContents();
  // Try 2's text is one tag and nothing else: cleaned, nothing is left, and the card says why.
  await box.fill('<img src=x onerror=alert(1)>');
  assert.equal(await stat('tokens'), '0');
  assert.equal(await stat('non-zero entries'), '0 of 52');
  assert.match(await card.locator('.dw-footnote').nth(1).textContent(), /^Cleaned before cutting: 1 markup tag dropped/);
  assert.equal(await card.locator('.dw-message').first().textContent(), 'The text has no words, so its vector is all zeros.');
  assert.equal(await card.locator('.dw-token-chips .dw-empty').textContent(), 'Nothing is left after cleaning: the text was all markup.');
  // Only real tags go, and a tag inside a word leaves nothing behind, as a browser prints it.
  await box.fill('if x<y and y>z');
  assert.deepEqual(await words(), ['if', 'x', 'y', 'and', 'y', 'z']);
  assert.match(await card.locator('.dw-footnote').nth(1).textContent(), /^Cleaned before cutting: no markup tags/);
  await box.fill('The <B>K</B>itchen');
  assert.deepEqual(await words(), ['the', 'kitchen']);
  assert.equal(await stat('unknown'), '0');
  // Character entities become characters: no "amp" or "nbsp" tokens.
  await box.fill('Tom &amp; Jerry&nbsp;ate');
  assert.deepEqual(await words(), ['tom', 'jerry', 'ate']);
  assert.match(await card.locator('.dw-footnote').nth(1).textContent(), /2 character entities decoded/);
  // Named entities are read with the browser's own table: &eacute; (the usual markup for é), and
  // &check;, which only HTML5's full table knows. A name no table knows stays, and the note says so.
  await box.fill('caf&eacute; &Eacute;cole &check; &bogus;');
  assert.deepEqual(await words(), ['café', 'école', '✓', 'bogus']);
  assert.match(await card.locator('.dw-footnote').nth(1).textContent(), /3 character entities decoded, 1 entity with a name it does not know left as text,/);
  // Script and style code is what a browser never prints: it goes with its elements.
  await box.fill('<script>var x=1</script>Hi <style>p{color:red}</style>Hello');
  assert.deepEqual(await words(), ['hi', 'hello']);
  assert.match(await card.locator('.dw-footnote').nth(1).textContent(), /^Cleaned before cutting: 2 script or style elements dropped with the code inside, no other markup tags,/);
  // Markup around punctuation: characters are left, so the text was not all markup.
  await box.fill('<b>!!!</b>');
  assert.equal(await stat('tokens'), '0');
  assert.equal(await card.locator('.dw-token-chips .dw-empty').textContent(), 'No words were left after cleaning: the markup is gone, and the characters that remain make no tokens (only letters, digits and apostrophes make words).');
  await card.getByLabel('cut word endings (stem)').check();
  assert.match(await card.locator('.dw-token-chips .dw-empty').textContent(), /^No words were left after cleaning/, 'with stems too');
  await card.getByLabel('cut word endings (stem)').uncheck();
  assert.equal(await card.locator('script, style', { hasText: 'color:red' }).count(), 0);
  await box.fill('The ｃａｔ sat in the ｋｉｔｃｈｅｎ');
  assert.equal(await stat('unknown'), '0');
  assert.match(await card.locator('.dw-footnote').nth(1).textContent(), /Unicode forms turned into plain letters/);
  await card.getByLabel('clean the text first').uncheck();
  assert.equal(await stat('unknown'), '2');
  await box.fill('The cats sat in the kitchens');
  assert.equal(await stat('unknown'), '1');
  assert.equal(await stat('vector length |V|'), '52');
  await card.getByLabel('cut word endings (stem)').check();
  assert.equal(await stat('unknown'), '0');
  assert.equal(await stat('vector length |V|'), '46');
  const chips = await card.locator('.dw-token-chip-word').allTextContents();
  assert.deepEqual(chips, ['the', 'cat', 'sat', 'in', 'the', 'kitchen']);
  // A plural and its singular get one stem, and -eed words keep their ending.
  await box.fill('meetings meeting paintings painting needs need speeds speed chased chase');
  assert.deepEqual(await card.locator('.dw-token-chip-word').allTextContents(), ['meet', 'meet', 'paint', 'paint', 'need', 'need', 'speed', 'speed', 'chase', 'chase']);
  await screenshot(page, 'text-tokens-clean-stem-375');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scrolling');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The lesson's try 4 (minimum corpus count 2, then 3): the vocabulary shrinks to a few words and
// most entries of the example text's vector are non-zero, so the summary no longer calls it
// "mostly zeros" (it said so beside 62 % and 83 % non-zero).
test('tokens-to-ids: "mostly zeros" only where fewer than half the entries are non-zero', async () => {
  const page = await open(1280);
  const card = page.locator('.dw-card').nth(0);
  const message = () => card.locator('.dw-message').first().textContent();
  const minCount = card.getByRole('slider', { name: /^minimum corpus count/ });
  assert.match(await message(), /The vector has 52 entries, only 10 non-zero \(19%\): bag-of-words vectors are mostly zeros, and word order is gone\.$/);
  await minCount.focus();
  await page.keyboard.press('ArrowRight');
  assert.match(await message(), /The vector has 13 entries, 8 of them non-zero \(62%\): not mostly zeros, because this vocabulary is tiny; over a real one of thousands of words nearly every entry is zero\. Word order is gone either way\.$/);
  await page.keyboard.press('ArrowRight');
  assert.match(await message(), /The vector has 6 entries, 5 of them non-zero \(83%\): not mostly zeros/);
  assert.doesNotMatch(await message(), /only 5|are mostly zeros/);
  await page.keyboard.press('Home');
  assert.match(await message(), /only 10 non-zero \(19%\): bag-of-words vectors are mostly zeros/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
