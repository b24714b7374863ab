// The spam filter (spam-filter lesson): editing the email moves p(spam), computed by the engine's
// logistic regression, and the meeting-weight prediction settles on the engine's weight.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, openPage } from './browser.mjs';
import { statIn, assertClean } from './probes.mjs';
import { assertPractice, lockPrediction, recordReports } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });


test('spam filter: editing the email moves p(spam), and it is the engine’s logistic regression', async () => {
  const page = await openPage(site, '/lessons/spam-filter.html');
  const card = '.spam-filter';
  assert.ok(await page.locator('.katex').count() > 5);
  const p0 = await statIn(page, card, 'p(spam)');
  await page.locator(card).getByRole('button', { name: 'more: times the word “meeting” appears' }).click();
  await page.locator(card).getByRole('button', { name: 'more: times the word “meeting” appears' }).click();
  const p1 = await statIn(page, card, 'p(spam)');
  assert.ok(parseFloat(p1) < parseFloat(p0), `"meeting" lowers the spam probability: ${p0} → ${p1}`);
  const expected = await page.evaluate(async () => {
    const { loadEngine } = await import('/engine/index.js');
    const { FEATURES } = await import('/widgets/spam-filter.js');
    const ml = await loadEngine();
    const X = [3, 2, 3, 0, 2, 3, 2, 0, 1, 4, 1, 0, 0, 2, 4, 0, 0, 0, 0, 2, 0, 1, 0, 3, 1, 0, 0, 0, 0, 1, 1, 0];
    const y = [1, 1, 1, 1, 0, 0, 0, 0];
    return ml.scoped((track) => {
      const m = track(new ml.LogisticRegression());
      m.setData(X, FEATURES.length, y);
      m.setL2(0.05);
      m.setLearningRate(0.5);
      m.setParams([0, 0, 0, 0, 0]);
      m.fit(50000);
      return `${(m.predictProba([2, 1, 1, 2])[1] * 100).toFixed(1)}%`;
    });
  });
  assert.equal(p1, expected);
  // The training emails sit in a closed disclosure with a visible marker; the keyboard opens it.
  const summary = page.locator(`${card} .spam-filter-train-emails summary`);
  const marker = () => summary.evaluate((el) => ({ content: getComputedStyle(el, '::before').content, transform: getComputedStyle(el, '::before').transform }));
  assert.equal((await marker()).content, '"▸"');
  assert.equal(await page.locator(`${card} .spam-filter-train-emails`).evaluate((d) => d.open), false);
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator(`${card} .spam-filter-train-emails`).evaluate((d) => d.open), true);
  assert.notEqual((await marker()).transform, 'none', 'the marker turns when open');
  await page.keyboard.press('Space');
  assert.equal(await page.locator(`${card} .spam-filter-train-emails`).evaluate((d) => d.open), false);
  // Tipping the new email over 50% by the learner's own edits is what gets recorded.
  await page.evaluate(() => {
    window.__reports = [];
    for (const type of ['dw:score', 'dw:complete']) document.addEventListener(type, (e) => window.__reports.push({ type, ...e.detail }));
  });
  await page.locator(card).getByRole('button', { name: 'Looks like spam' }).click();
  // Every finished game also reports its score (mountWidget adds it before the completion).
  assert.deepEqual(await page.evaluate(() => window.__reports.map((r) => r.type)), ['dw:score', 'dw:complete']);
  // Flip a training label: the model retrains and the training probabilities change.
  const probsBefore = await page.locator(`${card} .spam-filter-prob`).allTextContents();
  await summary.click();
  await page.locator(`${card} .spam-filter-label-btn`).nth(4).click();
  const probsAfter = await page.locator(`${card} .spam-filter-prob`).allTextContents();
  assert.notDeepEqual(probsAfter, probsBefore);
  await screenshot(page, 'spam-filter-1280');
  await assertClean(page);
  await page.close();
});

// Predict, then check: three "meeting"s in each of the first two (spam) emails turn the weight
// of "meeting" positive; the verdict waits until both emails have them.
test('spam filter: the meeting-weight prediction misses ("stay negative") and holds ("turn positive")', async () => {
  const page = await openPage(site, '/lessons/spam-filter.html');
  const card = page.locator('.spam-filter');
  const box = card.locator('[data-predict="spam-meeting-weight"]');
  const lock = async (value) => {
    await box.getByRole('combobox', { name: /the weight of “meeting” will/ }).selectOption(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  await card.locator('.spam-filter-train-emails summary').click();
  const meeting = (subject) => card.getByRole('textbox', { name: new RegExp(`times the word “meeting” appears in “${subject}`) });
  await lock('negative');
  await meeting('FREE prize inside').fill('3');
  await meeting('FREE prize inside').dispatchEvent('change');
  assert.equal(await box.getAttribute('data-state'), 'committed', 'one email is not the experiment yet');
  await meeting('You are a WINNER').fill('3');
  await meeting('You are a WINNER').dispatchEvent('change');
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await box.getByRole('status').textContent(), /what happened: “turn positive”\. Retrained on the edited emails, the weight of “meeting” is \d\.\d\d\./);
  await lock('positive');
  await meeting('You are a WINNER').fill('4');
  await meeting('You are a WINNER').dispatchEvent('change');
  assert.equal(await box.getAttribute('data-result'), 'held');
  await assertClean(page);
  await page.close();
});

test('spam filter: the formula\'s shown terms multiply out to the push named below and add up to its z ("≈" where only rounding differs)', async () => {
  const page = await openPage(site, '/lessons/spam-filter.html');
  const card = page.locator('.dw-card', { has: page.locator('.spam-filter-formula') });
  const more = (what) => card.getByRole('button', { name: `more: ${what}` });
  for (const step of [null, 'number of links', 'words in ALL CAPS', 'times the word “meeting” appears']) {
    if (step) await more(step).click();
    const text = await card.locator('.spam-filter-formula').textContent();
    const [, terms, equals, z] = /^z = (.*) ([=≈]) (−?[\d.]+);/.exec(text);
    let sum = 0;
    for (const [, sign, w, x] of terms.matchAll(/(^|[+−]) ?([\d.]+)×(\d+)/g)) sum += (sign === '−' ? -1 : 1) * Number(w) * Number(x);
    const bias = /([+−]) ([\d.]+)$/.exec(terms);
    sum += (bias[1] === '−' ? -1 : 1) * Number(bias[2]);
    const shownZ = Number(z.replace('−', '-'));
    assert.equal(equals, sum.toFixed(2) === shownZ.toFixed(2) ? '=' : '≈', `${text}: the shown terms add up to ${sum}`);
    assert.ok(Math.abs(sum - shownZ) < 0.01, `${text}: ${sum} against z = ${shownZ}`);
    const push = /\(([+−])([\d.]+) to z\)/.exec(await card.locator('.dw-message').textContent());
    if (push) {
      const products = [...terms.matchAll(/([\d.]+)×(\d+)/g)].map(([, w, x]) => (Number(w) * Number(x)).toFixed(2));
      assert.ok(products.includes(push[2]), `the push ${push[2]} is one of the shown terms ${products}`);
    }
  }
  await page.close();
});

// A stepper button that disables itself at 0 or at the most hands the keyboard focus to its
// partner (web/lib/ui.js setDisabled) instead of dropping it to the page body.
test('spam filter: − at 0 and + at the most keep the focus on the stepper', async () => {
  const page = await openPage(site, '/lessons/spam-filter.html');
  const card = page.locator('.spam-filter');
  const fewer = card.getByRole('button', { name: 'fewer: times the word “meeting” appears' });
  const more = card.getByRole('button', { name: 'more: times the word “meeting” appears' });
  // The email starts with no "meeting": − is disabled, + counts up to the most.
  assert.ok(await fewer.isDisabled());
  await more.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Enter');
  assert.ok(await more.isDisabled(), 'no more than the most');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'fewer: times the word “meeting” appears', 'the focus moved to −, not to the page body');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Enter');
  assert.ok(await fewer.isDisabled(), 'no fewer than 0');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'more: times the word “meeting” appears');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The outcome on screen before any prediction was locked in: a later prediction could copy it,
// so it is judged as practice and nothing is recorded.
test('spam filter: retraining with three "meeting"s in both spam emails before predicting makes the prediction practice', async () => {
  const page = await openPage(site, '/lessons/spam-filter.html');
  await recordReports(page);
  const card = page.locator('.spam-filter');
  const box = card.locator('[data-predict="spam-meeting-weight"]');
  await card.locator('.spam-filter-train-emails summary').click();
  const meeting = (subject) => card.getByRole('textbox', { name: new RegExp(`times the word “meeting” appears in “${subject}`) });
  const set = async (subject, n) => { await meeting(subject).fill(String(n)); await meeting(subject).dispatchEvent('change'); };
  await set('FREE prize inside', 3);
  await set('You are a WINNER', 3);
  assert.match(await box.getByRole('status').textContent(), /before a prediction was locked in/);
  await set('You are a WINNER', 0);
  await lockPrediction(card, 'spam-meeting-weight', 'positive');
  await set('You are a WINNER', 3);
  await assertPractice(page, box, { othersMayReport: true });
  await page.close();
});

// The answer is the sign of the retrained weight. Seeing it turn positive on a near setting (three
// "meeting"s in the first spam email and two in the second: +0.01) and then completing the exact
// setting after locking in "turn positive" would copy it: practice, recorded nowhere.
test('spam filter: a positive "meeting" weight seen on a near edit before predicting makes the prediction practice', async () => {
  const page = await openPage(site, '/lessons/spam-filter.html');
  await recordReports(page);
  const card = page.locator('.spam-filter');
  const box = card.locator('[data-predict="spam-meeting-weight"]');
  await card.locator('.spam-filter-train-emails summary').click();
  const meeting = (subject) => card.getByRole('textbox', { name: new RegExp(`times the word “meeting” appears in “${subject}`) });
  const set = async (subject, n) => { await meeting(subject).fill(String(n)); await meeting(subject).dispatchEvent('change'); };
  await set('FREE prize inside', 3);
  await set('You are a WINNER', 2);
  assert.match(await card.textContent(), /“meeting”[^]*0\.01/, 'the near edit shows the weight of “meeting” just above zero');
  assert.match(await box.getByRole('status').textContent(), /above zero before a prediction was locked in/);
  await lockPrediction(card, 'spam-meeting-weight', 'positive');
  await set('You are a WINNER', 3);
  await assertPractice(page, box, { othersMayReport: true });
  await page.close();
});

// A training count emptied, typed as letters, 3.5 or 9 became 0 (or was clamped) in silence and the
// model retrained on it, which could even tip the new email and record the tipping.
test('spam filter: a training count that is no whole number from 0 to 5 is refused in words; nothing retrains or is recorded', async () => {
  const page = await openPage(site, '/lessons/spam-filter.html');
  const card = page.locator('.spam-filter');
  await card.locator('.spam-filter-train-emails summary').click();
  await page.evaluate(() => {
    window.__reports = [];
    for (const type of ['dw:score', 'dw:complete']) document.addEventListener(type, (e) => window.__reports.push({ type, ...e.detail }));
  });
  const cell = card.getByLabel('times the word “free” appears in “FREE prize inside, claim now”');
  const probs = await card.locator('.spam-filter-prob').allTextContents();
  // Typed key by key: a number box made "0,5" into the count 5 and "1/2" into 12.
  const reasons = {
    '': 'the box was left empty', abc: '"abc" is not a number', '1e999': '"1e999" is too large to read', 3.5: '"3.5" is not a whole number',
    9: '9 is above 5, the most allowed here', '-1': '-1 is below 0, the least allowed here', '0,5': '"0,5" is not a whole number', '1/2': '"1/2" is not a whole number', '0x1': '"0x1" is not a number',
  };
  for (const typed of ['', 'abc', '1e999', '3.5', '9', '-1', '0,5', '1/2', '0x1']) {
    await cell.fill('');
    await cell.focus();
    if (typed) await page.keyboard.type(typed);
    await cell.press('Enter');
    await cell.evaluate((el) => el.blur());
    assert.equal(await cell.inputValue(), '3', typed);
    assert.equal(await card.locator('.spam-filter-refusal').textContent(), `Each count is a whole number from 0 to 5: ${reasons[typed]}, so times the word “free” appears in “FREE prize inside, claim now” stays 3.`, typed);
    assert.deepEqual(await card.locator('.spam-filter-prob').allTextContents(), probs, typed);
  }
  assert.deepEqual(await page.evaluate(() => window.__reports), []);
  // The refusal sits under the box it is about, at a phone's width too (on the card's message line
  // it was a screen below the table), and within the visible part of the sideways-scrolling table.
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await cell.fill('9');
    await cell.press('Enter');
    const [box, said, region] = await Promise.all([cell.boundingBox(), card.locator('.spam-filter-refusal').boundingBox(), card.locator('.spam-filter-train-emails .dw-table-wrap').boundingBox()]);
    assert.ok(said.y - (box.y + box.height) >= 0 && said.y - (box.y + box.height) < 40, `${width} px: the refusal starts ${Math.round(said.y - box.y - box.height)} px below the box`);
    assert.ok(said.x >= region.x && said.x + said.width <= region.x + region.width + 1, `${width} px: the refusal spans ${Math.round(said.x)}…${Math.round(said.x + said.width)}, the table's box ${Math.round(region.x)}…${Math.round(region.x + region.width)}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  // A whole number in range still retrains.
  await cell.fill('0');
  await cell.press('Enter');
  assert.equal(await cell.inputValue(), '0');
  assert.notDeepEqual(await card.locator('.spam-filter-prob').allTextContents(), probs);
  assert.match(await card.locator('.dw-message').first().textContent(), /^Let through\. The biggest push/);
  assert.equal(await card.locator('.spam-filter-refusal').count(), 0, 'a count taken clears the refusal');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// With no feature pushing, the score is the bias, and the bias is far from 0: all four counts at 0
// give z = b = −3.909 and p = 2.0%. The message said "so it stays near 50%" beside that 2.0%.
// It names the bias and the p shown, whether every term is 0 or each is at most 0.05.
test('spam filter: with no feature pushing, the message names the bias that sets z and the p shown, never "near 50%"', async () => {
  const page = await openPage(site, '/lessons/spam-filter.html');
  const card = page.locator('.spam-filter');
  const message = () => card.locator('.dw-message').first().textContent();
  const fewer = (what) => card.getByRole('button', { name: `fewer: ${what}` });
  for (const [what, count] of [['times the word “free” appears', 2], ['number of links', 1], ['words in ALL CAPS', 1]]) {
    for (let i = 0; i < count; i++) await fewer(what).click();
  }
  const formula = await card.locator('.spam-filter-formula').textContent();
  assert.match(formula, /^z = 0\.605×0 \+ 1\.198×0 \+ 1\.019×0 − 0\.272×0 − 3\.909 = −3\.91;  p = σ\(z\) = 0\.020$/);
  assert.equal(await statIn(page, '.spam-filter', 'p(spam)'), '2.0%');
  assert.equal(await message(), 'Let through. Every feature adds 0 to z here, so the bias b = −3.909 alone sets z = −3.91, and p = σ(z) = 2.0%.');
  // Each term small but not 0: five "meeting"s in the prize email bring the weight of "meeting" to
  // −0.018 (bias −4.110); one "meeting" in the new email adds −0.02 to z.
  await card.locator('.spam-filter-train-emails summary').click();
  const cell = card.getByLabel('times the word “meeting” appears in “FREE prize inside, claim now”');
  await cell.fill('5');
  await cell.press('Enter');
  await card.getByRole('button', { name: 'more: times the word “meeting” appears' }).click();
  const shown = await card.locator('.spam-filter-formula').textContent();
  const [, w, b, z, p] = /− ([\d.]+)×1 − ([\d.]+) = (−[\d.]+);  p = σ\(z\) = ([\d.]+)$/.exec(shown);
  assert.ok(Number(w) <= 0.05, shown);
  const percent = await statIn(page, '.spam-filter', 'p(spam)');
  assert.equal((Number(p) * 100).toFixed(0), Number.parseFloat(percent).toFixed(0));
  const text = await message();
  assert.equal(text, `Let through. No feature adds more than 0.05 to z either way; together they add −${Number(w).toFixed(2)}, so z = ${z} stays close to the bias b = −${b}, and p = σ(z) = ${percent}.`);
  assert.doesNotMatch(text, /50%/);
  await screenshot(page, 'spam-filter-no-push');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
