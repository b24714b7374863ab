// Byte-pair encoding, one merge at a time (text-to-numbers lesson): the merges, pair counts,
// vocabulary and the new word's split the card shows are those of web/widgets/bpe-merges/merges.js
// on the engine's words; the lesson's worked example and tries, by keyboard; bad input in words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './browser.mjs';
import { assertFitsClean, cardByTitle, cardShot, message, openLesson, statReader } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const TITLE = 'Byte-pair encoding, one merge at a time';
const open = (width) => openLesson(site, 'text-to-numbers', { width });

// What the page's own modules compute for a corpus and a number of merges (the widget's code).
const expected = (page, corpus, merges, word) => page.evaluate(async ([c, k, w]) => {
  const { loadEngine } = await import('/engine/index.js');
  const bpe = await import('/widgets/bpe-merges/merges.js');
  const ml = await loadEngine();
  const learned = bpe.learnMerges(bpe.countWords(ml.tokenize(c).map((x) => x.text)), k);
  return {
    merges: learned.merges.map((m) => `${m.left} + ${m.right} → ${m.token}`),
    vocab: bpe.vocabularyOf(learned).length,
    corpus: bpe.corpusLength(learned.entries),
    split: bpe.splitWord(w, learned).map((p) => p.piece),
  };
}, [corpus, merges, word]);

test('bpe-merges: the worked example merge by merge, by keyboard, at 1280 and 375 px', async () => {
  for (const width of [1280, 375]) {
    const page = await open(width);
    const card = cardByTitle(page, TITLE);
    const stat = statReader(page, card);
    const corpus = await card.getByLabel('Corpus: the text the merges are learned from').inputValue();
    assert.equal(corpus, 'low lower lowest slow slow slow slower slower slower slower now now now new newest');
    assert.equal(await stat('merges'), '0');
    assert.equal(await stat('vocabulary'), '8');
    assert.equal(await stat('corpus in tokens'), '68 of 68 characters');
    assert.equal(await message(card), 'Every word is still its characters: 8 starting tokens. The most frequent pair, o + w, occurs 13 times (slower 4, slow 3, now 3 and 3 more words): press Merge the top pair to make it one token.');
    assert.deepEqual(await card.locator('.bpe-merges-pairs tbody tr').first().locator('td').allTextContents(), ['o + w', '13', 'slower 4, slow 3, now 3 and 3 more words']);
    assert.equal(await card.getByRole('button', { name: 'Undo the last merge' }).isDisabled(), true);

    // Eight presses of Enter on the focused Merge button: the lesson's try 1.
    const merge = card.getByRole('button', { name: 'Merge the top pair' });
    await merge.focus();
    await page.keyboard.press('Enter');
    assert.equal(await message(card), 'Merge 1: o + w occurs 13 times (slower 4, slow 3, now 3 and 3 more words), more than any other pair, so “ow” becomes token 9 of the vocabulary.');
    for (let i = 1; i < 8; i++) await page.keyboard.press('Enter');
    assert.equal(await message(card), 'Merge 8: es + t occurs 2 times (lowest 1, newest 1), tied with 2 other pairs but met first in the corpus, so “est” becomes token 16 of the vocabulary.');
    const e8 = await expected(page, corpus, 8, 'slowest');
    assert.deepEqual(await card.locator('.bpe-merges-merges li').allTextContents(), [
      'o + w → ow (seen 13 times)', 'l + ow → low (seen 10 times)', 's + low → slow (seen 7 times)', 'e + r → er (seen 5 times)',
      'slow + er → slower (seen 4 times)', 'n + ow → now (seen 3 times)', 'e + s → es (seen 2 times)', 'es + t → est (seen 2 times)',
    ]);
    assert.deepEqual((await card.locator('.bpe-merges-merges li').allTextContents()).map((s) => s.replace(/ \(.*/, '')), e8.merges);
    assert.equal(await stat('vocabulary'), '16');
    assert.equal(await stat('vocabulary'), String(e8.vocab));
    assert.equal(await stat('corpus in tokens'), `${e8.corpus} of 68 characters`);
    assert.equal(await stat('corpus in tokens'), '22 of 68 characters');
    assert.deepEqual(await card.locator('.dw-token-chip-word').allTextContents(), ['slow', 'est']);
    assert.deepEqual(await card.locator('.dw-token-chip-sub').allTextContents(), ['merge 3', 'merge 8']);
    assert.deepEqual(await card.locator('.bpe-merges-vocab li').allTextContents(), ['l', 'o', 'w', 'e', 'r', 's', 't', 'n', 'ow', 'low', 'slow', 'er', 'slower', 'now', 'es', 'est']);

    // Try 2: "newer" is n e w er after eight merges, new er after ten.
    const word = card.getByLabel('A new word to split with the merges learned so far');
    await word.fill('newer');
    assert.deepEqual(await card.locator('.dw-token-chip-word').allTextContents(), ['n', 'e', 'w', 'er']);
    await merge.click();
    await merge.click();
    assert.deepEqual(await card.locator('.dw-token-chip-word').allTextContents(), ['new', 'er']);
    // Undo takes one merge back.
    await card.getByRole('button', { name: 'Undo the last merge' }).click();
    assert.equal(await stat('merges'), '9');
    assert.deepEqual(await card.locator('.dw-token-chip-word').allTextContents(), ['ne', 'w', 'er']);

    // Try 3: after 13 merges nothing is left; Merge is disabled and the focus is not lost.
    await merge.focus();
    for (let i = 9; i < 13; i++) await page.keyboard.press('Enter');
    assert.equal(await stat('merges'), '13');
    assert.equal(await stat('vocabulary'), '21');
    assert.equal(await stat('corpus in tokens'), '15 of 68 characters');
    assert.equal(await message(card), 'No pair is left after 13 merges: every word of the corpus is now a single token.');
    assert.equal(await merge.isDisabled(), true);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Undo the last merge', 'the focus moved to a working button');
    assert.equal(await card.locator('.bpe-merges-pairs td.dw-empty').textContent(), 'No pairs left: every word is a single token.');
    await word.fill('slowest');
    assert.deepEqual(await card.locator('.dw-token-chip-word').allTextContents(), ['slow', 'est']);
    await word.fill('known');
    assert.deepEqual(await card.locator('.dw-token-chip-word').allTextContents(), ['k', 'now', 'n']);
    assert.deepEqual(await card.locator('.dw-token-chip-unk .dw-token-chip-word').allTextContents(), ['k']);
    assert.equal(await card.locator('.dw-token-chip-unk .dw-token-chip-sub').textContent(), 'unknown');

    await card.getByRole('button', { name: 'Back to characters' }).click();
    assert.equal(await stat('merges'), '0');
    await cardShot(card, `bpe-merges-${width}`);
    await assertFitsClean(page, width);
    await page.close();
  }
});

// Try 4: the page's own paragraph "After cutting …", copied into the corpus box (the box keeps its
// first 400 characters and says so), makes in, th, er and ing in its first four merges.
test('bpe-merges: the lesson paragraph "After cutting" makes in, th, er and ing first; the box keeps 400 characters', async () => {
  const page = await open(1280);
  const card = cardByTitle(page, TITLE);
  const paragraph = (await page.locator('main p', { hasText: 'After cutting, many pipelines' }).first().textContent()).trim();
  const box = card.getByLabel('Corpus: the text the merges are learned from');
  await box.fill(paragraph);
  assert.match(await card.locator('.dw-footnote').first().textContent(), /^Only the first 400 characters are used/);
  await card.getByRole('button', { name: 'Merge the top pair' }).click();
  for (let i = 1; i < 4; i++) await card.getByRole('button', { name: 'Merge the top pair' }).click();
  assert.deepEqual((await card.locator('.bpe-merges-merges li').allTextContents()).map((s) => s.split(' → ')[1].replace(/ \(.*/, '')), ['in', 'th', 'er', 'ing']);
  const e4 = await expected(page, paragraph.slice(0, 400), 4, 'slowest');
  assert.deepEqual((await card.locator('.bpe-merges-merges li').allTextContents()).map((s) => s.replace(/ \(.*/, '')), e4.merges);
  await page.close();
});

// Bad input gives words: an empty corpus, one-letter words, a flood of text, emoji and accents,
// and a new word with no letters.
test('bpe-merges: empty, one-letter, very long and odd-character input is answered in words at 375 px', async () => {
  const page = await open(375);
  const card = cardByTitle(page, TITLE);
  const stat = statReader(page, card);
  const box = card.getByLabel('Corpus: the text the merges are learned from');
  const merge = card.getByRole('button', { name: 'Merge the top pair' });
  await box.fill('');
  assert.equal(await message(card), 'The corpus has no words yet: type some text to learn merges from.');
  assert.equal(await merge.isDisabled(), true);
  assert.equal(await stat('vocabulary'), '0');
  await box.fill('a b c a');
  assert.equal(await message(card), 'Every word of the corpus is a single character: there is no pair to merge.');
  assert.equal(await merge.isDisabled(), true);
  // 5 000 characters, one 5 000-letter word: the box keeps 400 and the card keeps its width.
  await box.fill('x'.repeat(5000));
  assert.match(await card.locator('.dw-footnote').first().textContent(), /^Only the first 400 characters are used \(the text is 5\u202f000 characters long\)\./);
  await merge.click();
  assert.equal(await message(card), `Merge 1: x + x occurs 399 times (${'x'.repeat(23)}… 399), more than any other pair, so “xx” becomes token 2 of the vocabulary.`);
  // Sixty merges at most: a word of 86 different characters could take 85, and the limit is said.
  await box.fill('abcdefghijklmnopqrstuvwxyz0123456789αβγδεζηθικλμνξοπρστυφχψωàáâãäåæçèéêëìíîïñòóôõöøùúûü');
  await card.evaluate((c) => { for (let i = 0; i < 70; i++) c.querySelector('.dw-primary').click(); });
  assert.equal(await stat('merges'), '60');
  assert.equal(await message(card), 'This widget stops at 60 merges; a real tokeniser makes tens of thousands.');
  assert.equal(await merge.isDisabled(), true);
  // Emoji and an accent typed as e + combining mark: whole symbols, never half a character.
  await card.getByRole('button', { name: 'Back to characters' }).click();
  await box.fill('café cafe\u0301 🙂🙂 🙂🙂');
  await merge.click();
  assert.equal(await message(card), 'Merge 1: c + a occurs 2 times (café 2), tied with 3 other pairs but met first in the corpus, so “ca” becomes token 6 of the vocabulary.');
  assert.equal(await stat('vocabulary'), '6', 'c a f é 🙂 and one merged token');
  // The two spellings of café are one word once normalised.
  assert.deepEqual(await card.locator('.bpe-merges-times').allTextContents(), ['×2', '×2']);
  const word = card.getByLabel('A new word to split with the merges learned so far');
  await word.fill('!!!');
  assert.equal(await card.locator('.dw-token-chips .dw-empty').textContent(), 'Type a word above: only letters, digits and apostrophes make words.');
  assert.equal(await stat('new word in tokens'), '0');
  await word.fill('<img src=x onerror=alert(1)>');
  assert.equal(await card.locator('img').count(), 0, 'typed markup stays text');
  await cardShot(card, 'bpe-merges-bad-input-375');
  await assertFitsClean(page, 375);
  assert.deepEqual(page.dialogs, []);
  await page.close();
});
