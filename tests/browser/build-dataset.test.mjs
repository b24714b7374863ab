// The build-the-dataset widget (data-features-labels lesson): the signal meter is the engine's
// validation R², and the noise-column prediction settles only once the real columns are in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, openPage } from './browser.mjs';
import { statIn, assertClean } from './probes.mjs';
import { assertPractice, lockPrediction, recordReports } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });


test('house table and build the dataset: the signal meter is the engine’s validation R²', async () => {
  const page = await openPage(site, '/lessons/data-features-labels.html');
  // The tiny table: the course's three houses beside the engine's six; picking the shoe-size column
  // is right, size is wrong.
  assert.equal(await page.locator('.house-table-grid tbody tr').count(), 9);
  const houseReports = page.evaluate(() => new Promise((resolve) => document.addEventListener('dw:complete', (e) => resolve(e.detail), { once: true })));
  await page.locator('.house-table-col-pick', { hasText: 'size (m²)' }).click();
  assert.match(await page.locator('.house-table-grid').locator('xpath=ancestor::section').locator('.dw-message').textContent(), /Not that one/);
  await page.locator('.house-table-col-pick', { hasText: 'shoe' }).click();
  assert.match(await page.locator('.house-table-grid').locator('xpath=ancestor::section').locator('.dw-message').textContent(), /noise/);
  const found = await houseReports;
  assert.deepEqual([found.score, found.max], [0, 1], 'found on the second pick: complete, but not a first-pick score');

  const card = '.build-dataset-main';
  const COLUMN = { size: 0, bedrooms: 1, age: 2, distance: 3, 'shoe size': 4, 'colour code': 5, 'random ID': 6 };
  const toggle = (name) => page.locator(`${card} .build-dataset-toggle[data-column="${COLUMN[name]}"]`).click();
  assert.equal(await statIn(page, card, 'validation R²'), '–');
  await toggle('size');
  const r2Size = Number(await statIn(page, card, 'validation R²'));
  for (const f of ['bedrooms', 'age', 'distance']) await toggle(f);
  const r2Best = Number(await statIn(page, card, 'validation R²'));
  assert.ok(r2Best > r2Size, `informative features raise R²: ${r2Size} → ${r2Best}`);
  assert.equal(await statIn(page, card, 'best possible'), r2Best.toFixed(3));
  assert.match(await page.locator(`${card} .dw-message`).textContent(), /strongest set.* Finding it completes this activity\.$/);
  const rawBest = await page.locator(`${card} .build-dataset-meter`).getAttribute('aria-valuenow');
  await toggle('random ID');
  const rawNoisy = await page.locator(`${card} .build-dataset-meter`).getAttribute('aria-valuenow');
  assert.ok(Number(rawNoisy) <= Number(rawBest), 'a noise column does not raise the meter');
  assert.match(await page.locator(`${card} .dw-message`).textContent(), /random ID: validation R² 0\.\d{4} → 0\.\d{4} \(-0\.\d{4}\)/);
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
  assert.equal(await statIn(page, card, 'validation R²'), expected);
  await screenshot(page, 'data-features-labels-1280');
  await assertClean(page);
  await page.close();
});

// Only the three meaningless columns: the model does worse than always guessing the average, so
// the validation R² is below 0 (the lesson's negative R²). The bar stays empty, but the label and
// the screen reader's value give the engine's R² in percent with its sign, never "0.0%".
test('build the dataset: a negative validation R² reads as negative on the signal meter, not as 0', async () => {
  const page = await openPage(site, '/lessons/data-features-labels.html');
  const card = '.build-dataset-main';
  for (const j of [4, 5, 6]) await page.locator(`${card} .build-dataset-toggle[data-column="${j}"]`).click();
  const r2 = await page.evaluate(async () => {
    const { loadEngine } = await import('/engine/index.js');
    const ml = await loadEngine();
    const d = ml.courseHouses(240, 0.4, 51);
    const cols = [4, 5, 6];
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
      return m.score(va.X, va.y);
    });
  });
  assert.ok(r2 < -0.001, `the three noise columns alone score below 0: ${r2}`);
  assert.equal(await statIn(page, card, 'validation R²'), r2.toFixed(3));
  const meter = page.locator(`${card} .build-dataset-meter`);
  const label = await page.locator(`${card} .build-dataset-meter-label`).textContent();
  const shown = /^signal (-\d+\.\d)% \(below 0\)$/.exec(label);
  assert.ok(shown, `the label gives the negative value: "${label}"`);
  assert.ok(Math.abs(Number(shown[1]) - r2 * 100) <= 0.05 + 1e-9, `${shown[1]} % is the engine's R² ${r2}`);
  assert.equal(await meter.getAttribute('aria-valuetext'), `${shown[1]}%, below 0: worse than always guessing the average price`);
  assert.equal(await meter.getAttribute('aria-valuenow'), '0.0', 'the bar itself stays at its lower end');
  assert.equal(await page.locator(`${card} .build-dataset-meter-fill`).evaluate((e) => e.style.width), '0%');
  // A real column in: a positive R², as before.
  await page.locator(`${card} .build-dataset-toggle[data-column="0"]`).click();
  const r2Now = Number(await statIn(page, card, 'validation R²'));
  assert.match(await page.locator(`${card} .build-dataset-meter-label`).textContent(), /^signal \d+\.\d%$/);
  assert.match(await meter.getAttribute('aria-valuetext'), new RegExp(`^${await meter.getAttribute('aria-valuenow')}%$`));
  assert.ok(r2Now > 0.5);
  await assertClean(page);
  await page.close();
});

// Predict, then check: with exactly the four informative columns in, a noise column lowers the
// validation R² (by less than 0.01); "rise" misses, "fall" holds.
test('build the dataset: the noise-column prediction needs the real columns first, then misses and holds', async () => {
  const page = await openPage(site, '/lessons/data-features-labels.html');
  const card = page.locator('.build-dataset-main');
  const box = card.locator('[data-predict="build-dataset-noise-column"]');
  const lock = async (value) => {
    await box.getByRole('combobox', { name: /adding one meaningless column will make the validation R²/ }).selectOption(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  const column = (j) => card.locator(`.build-dataset-toggle[data-column="${j}"]`);
  await lock('rise');
  assert.match(await box.getByRole('status').textContent(), /First switch on exactly the columns that really drive the price/);
  for (const j of [0, 1, 2, 3]) await column(j).click();
  await lock('rise');
  await column(4).click();
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await box.getByRole('status').textContent(), /what happened: “fall”\. Adding .* moved the validation R² from 0\.9\d{3} to 0\.9\d{3}, while the training R² is now/);
  await column(4).click();
  await lock('fall');
  await column(6).click();
  assert.equal(await box.getAttribute('data-result'), 'held');
  await assertClean(page);
  await page.close();
});

// The outcome on screen before any prediction was locked in: a later prediction could copy it,
// so it is judged as practice and nothing is recorded.
test('build the dataset: adding a noise column to the real ones before predicting makes the prediction practice', async () => {
  const page = await openPage(site, '/lessons/data-features-labels.html');
  await recordReports(page);
  const card = page.locator('.build-dataset-main');
  const box = card.locator('[data-predict="build-dataset-noise-column"]');
  const column = (j) => card.locator(`.build-dataset-toggle[data-column="${j}"]`);
  for (const j of [0, 1, 2, 3]) await column(j).click();
  await column(4).click();
  assert.match(await box.getByRole('status').textContent(), /before a prediction was locked in/);
  await column(4).click();
  await lockPrediction(card, 'build-dataset-noise-column', 'fall');
  await column(4).click();
  await assertPractice(page, box, { othersMayReport: true });
  await page.close();
});

// Audit 5 (E, 5): the four informative columns were the first four buttons, so clicking every
// button left to right completed the game (and ended on the wrong set). The buttons are dealt so
// that no run from either end is the best set: every button in turn, then every button off in
// turn, completes nothing; choosing the four real columns does.
test('build the dataset: pressing every column button in turn, on and then off, does not complete the game', async () => {
  const page = await openPage(site, '/lessons/data-features-labels.html');
  await recordReports(page);
  const card = page.locator('.build-dataset-main');
  const buttons = card.locator('.build-dataset-toggle');
  assert.equal(await buttons.count(), 7);
  const shown = await buttons.evaluateAll((bs) => bs.map((b) => Number(b.dataset.column)));
  assert.notDeepEqual(shown.slice(0, 4).sort(), [0, 1, 2, 3], 'the informative columns are not the first four buttons');
  // The preview table's header follows the buttons' order.
  const heads = await card.locator('.build-dataset-preview thead th').allTextContents();
  const SHORT = ['size', 'beds', 'age', 'distance', 'shoe size', 'colour code', 'random ID'];
  assert.deepEqual(heads.slice(0, 7), shown.map((j) => SHORT[j]));
  for (const pass of ['on', 'off']) {
    for (let i = 0; i < 7; i++) {
      await buttons.nth(i).click();
      assert.doesNotMatch(await card.locator('.dw-message').textContent(), /strongest set/, `button ${i + 1} switched ${pass}`);
    }
  }
  const reports = await page.evaluate(() => window.__dwReports.slice());
  assert.deepEqual(reports.filter((r) => r.type === 'dw:complete' && r.widget === 'build-dataset'), [], 'no completion');
  for (const j of [0, 1, 2, 3]) await card.locator(`.build-dataset-toggle[data-column="${j}"]`).click();
  assert.match(await card.locator('.dw-message').textContent(), /^The strongest set: .* Finding it completes this activity\.$/);
  const done = (await page.evaluate(() => window.__dwReports.slice())).filter((r) => r.type === 'dw:complete' && r.widget === 'build-dataset');
  assert.deepEqual(done.map((r) => [r.score, r.max]), [[100, 100]]);
  await assertClean(page);
  await page.close();
});
