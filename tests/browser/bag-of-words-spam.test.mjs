// The bag-of-words spam filter (text-to-numbers lesson): accuracy, confusion and p(spam) equal the
// engine; alpha and label flips retrain.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';
import { canvasInk, statReader, noNaNInCards, openLesson } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const fixed = (v, d) => { const s = v.toFixed(d); return /^-0\.?0*$/.test(s) ? s.slice(1) : s; };

const open = (width, colorScheme = 'light') => openLesson(site, 'text-to-numbers', { width, colorScheme });

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
    const msg = await card.locator('textarea.dw-textbox').inputValue();
    const e0 = await expected(1, [], msg);
    await check(e0);
    assert.equal(await stat('vocabulary |V|'), String(e0.size));
    assert.ok(e0.acc >= 0.8, 'the filter works on held-out messages');
    assert.equal((await card.locator('.dw-bars').first().locator('li').first().textContent()).startsWith(e0.top), true);

    // Typing a message: p(spam) and the word chips follow.
    await card.locator('textarea.dw-textbox').fill('lunch meeting tomorrow');
    const eHam = await expected(1, [], 'lunch meeting tomorrow');
    assert.equal(await stat('your message p(spam)'), fixed(eHam.p, 3));
    assert.ok(eHam.p < 0.5);
    assert.match(await card.locator('.dw-spam-verdict').textContent(), /Not spam/);
    assert.equal(await card.locator('.dw-token-chip').count(), 3);
    // Empty or word-less text gets no verdict: the filter's p(spam) would be the prior alone
    // ("Not spam (p(spam) = 0.455)" was shown for nothing typed).
    for (const typed of ['', '!!! ?? --']) {
      const box = card.locator('textarea.dw-textbox');
      await box.fill('');
      await box.focus();
      if (typed) await page.keyboard.type(typed);
      else await page.keyboard.press('Backspace');
      assert.equal(await card.locator('.dw-spam-verdict').textContent(), 'No verdict: the text has no words to go on. Type a message to see the filter weigh its words.', `"${typed}"`);
      assert.equal(await stat('your message p(spam)'), '–', `"${typed}"`);
      assert.equal(await card.locator('.dw-token-chip').count(), 0);
      assert.doesNotMatch(await card.textContent(), /Not spam|Spam \(p|p\(spam\) = \d/, `"${typed}"`);
    }
    await card.locator('textarea.dw-textbox').fill('<img src=x onerror=alert(1)> FREE prize');
    assert.equal(await card.locator('img').count(), 0);
    const eHostile = await expected(1, [], '<img src=x onerror=alert(1)> FREE prize');
    assert.equal(await stat('your message p(spam)'), fixed(eHostile.p, 3));
    // Six unknown words weigh nothing; the strongest word named is a known one.
    assert.match(await card.locator('.dw-message').textContent(), /strongest word is “free”/);
    assert.match(await card.locator('.dw-message').textContent(), /6 words never occur in the training messages; the filter has no evidence about them, so they add 0\./);
    assert.equal(await card.locator('.dw-token-chip-unk .dw-token-chip-sub').first().textContent(), 'unknown: 0');

    // α slider (log scale: the track holds log10 α).
    await card.getByRole('slider', { name: /smoothing/ }).fill('-2');
    await check(await expected(0.01, [], '<img src=x onerror=alert(1)> FREE prize'));

    // Flip the labels of the first four training messages about meetings/notes to spam.
    await card.locator('details', { hasText: 'training messages' }).locator('summary').click();
    const flips = [4, 10, 32, 40];
    for (const i of flips) {
      const text = await page.evaluate(async (k) => (await import('/lib/text-examples.js')).MESSAGES[k][0], i);
      await card.getByRole('button', { name: new RegExp(`^Label of “${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”: .*Press to flip$`) }).click();
    }
    const eFlip = await expected(0.01, flips, '<img src=x onerror=alert(1)> FREE prize');
    await check(eFlip);
    assert.match(await card.locator('.dw-message').textContent(), /flipped/);
    await card.locator('textarea.dw-textbox').fill('See you at the meeting');
    assert.equal(await stat('your message p(spam)'), fixed((await expected(0.01, flips, 'See you at the meeting')).p, 3));
    await card.locator('details').first().locator('summary').click();
    await screenshot(page, `text-spam-${width}`);
    await card.getByRole('button', { name: 'Reset labels' }).click();
    await check(await expected(0.01, [], 'See you at the meeting'));
    assert.deepEqual(page.dialogs, []);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});


// A label button's name replaces its text for a screen reader: it must say the label (spam / not
// spam) and whether it is flipped, before and after a press by keyboard.
test('bag-of-words-spam: a training label button names its label and "flipped"', async () => {
  const page = await open(1280);
  const summary = page.getByText(/training messages: flip a label/);
  await summary.focus();
  await page.keyboard.press('Enter');
  const first = page.locator('.bag-of-words-spam-label-btn').first();
  const shown = (await first.textContent()).trim();
  assert.match(shown, /^(spam|not spam)$/);
  assert.match(await first.getAttribute('aria-label'), new RegExp(`: ${shown}\\. Press to flip$`));
  await first.focus();
  await page.keyboard.press('Space');
  const flipped = (await first.textContent()).trim();
  assert.match(flipped, /\(flipped\)$/);
  assert.notEqual(flipped.replace(/ ?\(flipped\)$/, ''), shown);
  assert.match(await first.getAttribute('aria-label'), new RegExp(`: ${flipped.replace(/[()]/g, '\\$&')}\\. Press to flip$`));
  await page.close();
});
