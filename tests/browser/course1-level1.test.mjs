// Level 1 lessons: rules-or-learn, house-table, build-dataset, which-learning, spam-filter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const stat = (page, card, label) => page.locator(`${card} .dw-stat[data-stat="${label}"] .dw-stat-value`).textContent();
const clean = async (page) => {
  assert.ok(!/NaN/.test(await page.locator('main').textContent()), 'no NaN on the page');
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
};

test('rules or learn: feedback with a reason, score, keyboard, replay', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/rules-or-learning.html`);
  await widgetsReady(page);
  const card = '.c1-quiz';
  assert.equal(await page.locator(`${card} .c1-quiz-counter`).textContent(), 'Scenario 1 of 12');
  const { DECK } = await page.evaluate(async () => import('/widgets/rules-or-learn.js'));
  for (let i = 0; i < 12; i++) {
    const text = await page.locator(`${card} .c1-quiz-scenario`).textContent();
    const item = DECK.find((d) => d.text === text);
    assert.ok(item, `scenario "${text}" is in the deck`);
    // Answer the first six correctly with the mouse, the rest wrongly with the keyboard.
    if (i < 6) await page.locator(`${card} .c1-choice[data-choice="${item.answer}"]`).click();
    else await page.keyboard.press(item.answer === 'rules' ? 'l' : 'r');
    const feedback = await page.locator(`${card} .c1-quiz-feedback`).textContent();
    assert.ok(feedback.includes(item.reason), 'feedback gives the reason');
    assert.match(feedback, i < 6 ? /^Correct/ : /^Not quite/);
    assert.equal(await stat(page, card, 'score'), `${Math.min(i + 1, 6)} / ${i + 1}`);
    if (i < 11) await page.keyboard.press('n');
  }
  assert.match(await page.locator(`${card} .dw-message`).textContent(), /Round over: 6 of 12/);
  await screenshot(page, 'course1-rules-or-learning-1280');
  await page.locator(card).getByRole('button', { name: 'Play again' }).click();
  assert.equal(await stat(page, card, 'score'), '0 / 0');
  await clean(page);
  await page.close();
});

test('house table and build the dataset: the signal meter is the engine’s validation R²', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/data-features-labels.html`);
  await widgetsReady(page);
  // The tiny table: six engine rows; picking the shoe-size column is right, size is wrong.
  assert.equal(await page.locator('.c1-house-table tbody tr').count(), 6);
  const houseReports = page.evaluate(() => new Promise((resolve) => document.addEventListener('dw:complete', (e) => resolve(e.detail), { once: true })));
  await page.locator('.c1-col-pick', { hasText: 'size (m²)' }).click();
  assert.match(await page.locator('.c1-house-table').locator('xpath=ancestor::section').locator('.dw-message').textContent(), /Not that one/);
  await page.locator('.c1-col-pick', { hasText: 'shoe' }).click();
  assert.match(await page.locator('.c1-house-table').locator('xpath=ancestor::section').locator('.dw-message').textContent(), /noise/);
  const found = await houseReports;
  assert.deepEqual([found.score, found.max], [0, 1], 'found on the second pick: complete, but not a first-pick score');

  const card = '.c1-build';
  const COLUMN = { size: 0, bedrooms: 1, age: 2, distance: 3, 'shoe size': 4, 'colour code': 5, 'random ID': 6 };
  const toggle = (name) => page.locator(`${card} .c1-toggle[data-column="${COLUMN[name]}"]`).click();
  assert.equal(await stat(page, card, 'validation R²'), '–');
  await toggle('size');
  const r2Size = Number(await stat(page, card, 'validation R²'));
  for (const f of ['bedrooms', 'age', 'distance']) await toggle(f);
  const r2Best = Number(await stat(page, card, 'validation R²'));
  assert.ok(r2Best > r2Size, `informative features raise R²: ${r2Size} → ${r2Best}`);
  assert.equal(await stat(page, card, 'best possible'), r2Best.toFixed(3));
  assert.match(await page.locator(`${card} .dw-message`).textContent(), /strongest set/);
  const rawBest = await page.locator(`${card} .c1-meter`).getAttribute('aria-valuenow');
  await toggle('random ID');
  const rawNoisy = await page.locator(`${card} .c1-meter`).getAttribute('aria-valuenow');
  assert.ok(Number(rawNoisy) <= Number(rawBest), 'a noise column does not raise the meter');
  assert.match(await page.locator(`${card} .dw-message`).textContent(), /random ID: validation R² −/);
  // Same number straight from the engine: closed-form LinearRegression on the chosen columns.
  const expected = await page.evaluate(async () => {
    const { loadEngine } = await import('/engine/index.js');
    const ml = await loadEngine();
    const d = ml.courseHouses(240, 0.4, 51);
    const cols = [0, 1, 2, 3, 6];
    const sub = (rows) => {
      const X = [];
      const y = [];
      for (const r of rows) { for (const c of cols) X.push(d.X[r * d.cols + c]); y.push(d.y[r]); }
      return { X, y };
    };
    const tr = sub(Array.from(d.train));
    const va = sub(Array.from(d.validation));
    return ml.scoped((track) => {
      const m = track(new ml.LinearRegression());
      m.setData(tr.X, cols.length, tr.y);
      m.setParams(m.closedForm());
      return m.score(va.X, va.y).toFixed(3);
    });
  });
  assert.equal(await stat(page, card, 'validation R²'), expected);
  await screenshot(page, 'course1-data-features-labels-1280');
  await clean(page);
  await page.close();
});

test('which kind of learning: drag onto a bin, tap a bin, keys 1–4', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/kinds-of-learning.html`);
  await widgetsReady(page);
  const card = '.c1-sort';
  const { DECK } = await page.evaluate(async () => import('/widgets/which-learning.js'));
  const answerOf = async () => {
    const text = await page.locator(`${card} .c1-quiz-scenario`).textContent();
    return DECK.find((d) => d.text === text);
  };
  // 1. Drag the card onto the right bin with a real pointer gesture.
  let item = await answerOf();
  await page.locator(`${card} .c1-quiz-choices`).scrollIntoViewIfNeeded();
  const from = await page.locator(`${card} .c1-quiz-card`).boundingBox();
  const to = await page.locator(`${card} .c1-choice[data-choice="${item.answer}"]`).boundingBox();
  await page.mouse.move(from.x + 20, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + 40, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  assert.match(await page.locator(`${card} .c1-quiz-feedback`).textContent(), /^Correct/);
  assert.ok((await page.locator(`${card} .c1-quiz-feedback`).textContent()).includes(item.reason));
  assert.equal(await stat(page, card, 'score'), '1 / 1');
  await page.locator(card).getByRole('button', { name: 'Next scenario' }).click();
  // 2. Tap a wrong bin.
  item = await answerOf();
  const wrong = ['supervised', 'unsupervised', 'reinforcement', 'self-supervised'].find((c) => c !== item.answer);
  await page.locator(`${card} .c1-choice[data-choice="${wrong}"]`).click();
  assert.match(await page.locator(`${card} .c1-quiz-feedback`).textContent(), /^Not quite/);
  assert.equal(await stat(page, card, 'score'), '1 / 2');
  await page.keyboard.press('n');
  // 3. Keyboard digit.
  item = await answerOf();
  const digit = String(['supervised', 'unsupervised', 'reinforcement', 'self-supervised'].indexOf(item.answer) + 1);
  await page.keyboard.press(digit);
  assert.equal(await stat(page, card, 'score'), '2 / 3');
  await screenshot(page, 'course1-kinds-of-learning-1280');
  await clean(page);
  await page.close();
});

test('spam filter: editing the email moves p(spam), and it is the engine’s logistic regression', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/spam-filter.html`);
  await widgetsReady(page);
  const card = '.c1-spam';
  assert.ok(await page.locator('.katex').count() > 5);
  const p0 = await stat(page, card, 'p(spam)');
  await page.locator(card).getByRole('button', { name: 'more: times the word “meeting” appears' }).click();
  await page.locator(card).getByRole('button', { name: 'more: times the word “meeting” appears' }).click();
  const p1 = await stat(page, card, 'p(spam)');
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
  const summary = page.locator(`${card} .c1-train-emails summary`);
  const marker = () => summary.evaluate((el) => ({ content: getComputedStyle(el, '::before').content, transform: getComputedStyle(el, '::before').transform }));
  assert.equal((await marker()).content, '"▸"');
  assert.equal(await page.locator(`${card} .c1-train-emails`).evaluate((d) => d.open), false);
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator(`${card} .c1-train-emails`).evaluate((d) => d.open), true);
  assert.notEqual((await marker()).transform, 'none', 'the marker turns when open');
  await page.keyboard.press('Space');
  assert.equal(await page.locator(`${card} .c1-train-emails`).evaluate((d) => d.open), false);
  // Tipping the new email over 50% by the learner's own edits is what gets recorded.
  await page.evaluate(() => {
    window.__reports = [];
    for (const type of ['dw:score', 'dw:complete']) document.addEventListener(type, (e) => window.__reports.push({ type, ...e.detail }));
  });
  await page.locator(card).getByRole('button', { name: 'Looks like spam' }).click();
  // Every finished game also reports its score (mountWidget adds it before the completion).
  assert.deepEqual(await page.evaluate(() => window.__reports.map((r) => r.type)), ['dw:score', 'dw:complete']);
  // Flip a training label: the model retrains and the training probabilities change.
  const probsBefore = await page.locator(`${card} .c1-prob`).allTextContents();
  await summary.click();
  await page.locator(`${card} .c1-label-btn`).nth(4).click();
  const probsAfter = await page.locator(`${card} .c1-prob`).allTextContents();
  assert.notDeepEqual(probsAfter, probsBefore);
  await screenshot(page, 'course1-spam-filter-1280');
  await clean(page);
  await page.close();
});

test('the house table keeps every column, the price label included, on screen at 375 px', async () => {
  const page = await site.newPage({ width: 375, height: 800 });
  await page.goto(`${site.base}/lessons/data-features-labels.html`);
  await widgetsReady(page);
  const wrap = page.locator('.c1-house-table').locator('xpath=..');
  const { scroll, client } = await wrap.evaluate((w) => ({ scroll: w.scrollWidth, client: w.clientWidth }));
  assert.ok(scroll <= client + 1, `the table scrolls sideways by ${scroll - client}px`);
  const wrapBox = await wrap.boundingBox();
  for (const name of ['size (m²)', 'bedrooms', 'shoe', 'price']) {
    const box = await page.locator('.c1-house-table thead th', { hasText: name }).boundingBox();
    assert.ok(box.x >= wrapBox.x - 1 && box.x + box.width <= wrapBox.x + wrapBox.width + 1, `${name} column visible`);
  }
  assert.equal(await page.locator('.c1-scroll-cue').isVisible(), false, 'no scroll cue when nothing scrolls');
  await page.locator('.c1-house-table').screenshot({ path: 'test-output/screenshots/course1-house-table-375.png' });
  await page.close();
});
// Predict, then check: with exactly the four informative columns in, a noise column lowers the
// validation R² (by less than 0.005); "rise" misses, "fall" holds.
test('build the dataset: the noise-column prediction needs the real columns first, then misses and holds', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/data-features-labels.html`);
  await widgetsReady(page);
  const card = page.locator('.c1-build');
  const box = card.locator('[data-predict="build-dataset-noise-column"]');
  const lock = async (value) => {
    await box.getByRole('combobox', { name: /adding one meaningless column will make the validation R²/ }).selectOption(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  const column = (j) => card.locator(`.c1-toggle[data-column="${j}"]`);
  await lock('rise');
  assert.match(await box.getByRole('status').textContent(), /First switch on exactly the columns that really drive the price/);
  for (const j of [0, 1, 2, 3]) await column(j).click();
  await lock('rise');
  await column(4).click();
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await box.getByRole('status').textContent(), /what happened: “fall”\. Adding .* moved the validation R² from 0\.91\d\d to 0\.91\d\d, while the training R² is now/);
  await column(4).click();
  await lock('fall');
  await column(6).click();
  assert.equal(await box.getAttribute('data-result'), 'held');
  await clean(page);
  await page.close();
});

// Predict, then check: three "meeting"s in each of the first two (spam) emails turn the weight
// of "meeting" positive; the verdict waits until both emails have them.
test('spam filter: the meeting-weight prediction misses ("stay negative") and holds ("turn positive")', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/spam-filter.html`);
  await widgetsReady(page);
  const card = page.locator('.c1-spam');
  const box = card.locator('[data-predict="spam-meeting-weight"]');
  const lock = async (value) => {
    await box.getByRole('combobox', { name: /the weight of “meeting” will/ }).selectOption(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  await card.locator('.c1-train-emails summary').click();
  const meeting = (subject) => card.getByRole('spinbutton', { name: new RegExp(`times the word “meeting” appears in “${subject}`) });
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
  await clean(page);
  await page.close();
});
