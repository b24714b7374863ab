// Word embeddings (text-to-numbers lesson): cosine ranking and analogy equal the engine, click and
// keys select words, and the good/bad prediction settles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';
import { canvasInk, statReader, noNaNInCards, openLesson } from './probes.mjs';
import { assertPractice, recordReports } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const fixed = (v, d) => { const s = v.toFixed(d); return /^-0\.?0*$/.test(s) ? s.slice(1) : s; };

const open = (width, colorScheme = 'light') => openLesson(site, 'text-to-numbers', { width, colorScheme });

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
    const bars = await card.locator('.dw-bars li').allTextContents();
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
    assert.match(await card.locator('.word-embeddings-answer').textContent(), /prince − boy \+ girl = \(4\.70, 2\.70\)/);
    await screenshot(page, `text-embeddings-${width}-${scheme}`);
    assert.ok(await noNaNInCards(page));
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

test('word-embeddings: a good/bad prediction locked after the words nearest "good" were on screen is practice, not a first try', async () => {
  const page = await open(1280);
  await recordReports(page);
  const card = page.locator('.dw-card').nth(1);
  const box = card.locator('[data-predict="embeddings-good-bad"]');
  await card.getByLabel('selected word').selectOption('good');
  assert.match(await box.getByRole('status').textContent(), /nearest “good” were on screen before a prediction was locked in/);
  await card.getByLabel('selected word').selectOption('cat');
  await box.getByRole('combobox').selectOption('high');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await card.getByLabel('selected word').selectOption('good');
  await assertPractice(page, box);
  await page.close();
});

test('word-embeddings: "bad" selected lists "good" at the same cosine (0.747), so a prediction locked after it is practice', async () => {
  const page = await open(1280);
  await recordReports(page);
  const card = page.locator('.dw-card').nth(1);
  const box = card.locator('[data-predict="embeddings-good-bad"]');
  await card.getByLabel('selected word').selectOption('bad');
  assert.match(await card.innerText(), /good\s+0\.747/);
  assert.match(await box.getByRole('status').textContent(), /nearest “bad” were on screen before a prediction was locked in/);
  await box.getByRole('combobox').selectOption('high');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await card.getByLabel('selected word').selectOption('good');
  await assertPractice(page, box);
  await page.close();
});

// The plot shows "good" (3.6, −1.6) and "bad" (1.9, −4.2) from the start, 42° apart: the answer
// ("above 0.5", under 60°) is on screen before anything is chosen, so the box is practice.
test('word-embeddings: the good/bad box says from the start that the plot shows both words, and its verdict is practice, recorded nowhere', async () => {
  const page = await open(1280);
  await recordReports(page);
  const card = page.locator('.dw-card').nth(1);
  const box = card.locator('[data-predict="embeddings-good-bad"]');
  assert.match(await box.getByRole('status').textContent(), /The plot already shows where “good” and “bad” point \(their directions from 0, 0\), so this box is practice and is not recorded/);
  await box.getByRole('combobox').selectOption('high');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await card.getByLabel('selected word').selectOption('good');
  await assertPractice(page, box);
  await page.close();
});
