// The build-the-dataset widget (data-features-labels lesson): the signal meter is the engine's
// validation R², and the noise-column prediction settles only once the real columns are in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, openPage, openFreshPage } from './browser.mjs';
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

// Audit 5 (E, 6, as for draw-boundary): the game is the lesson's own houses. Houses imported from a
// CSV file are practice: choosing their strongest set reports nothing (no score on the way, no
// completion), and the words say why; the lesson records nothing of the game.
test('build the dataset: the strongest set of imported houses is practice: nothing reported, and the words say why', async () => {
  const page = await openFreshPage(site, '/lessons/data-features-labels.html');
  await recordReports(page);
  const card = page.locator('.build-dataset-main');
  const rows = [];
  for (let i = 0; i < 40; i++) {
    const size = 50 + ((i * 37) % 150);
    const feats = [size, 1 + (i % 5), (i * 7) % 60, ((i * 13) % 30) / 2, 36 + (i % 10), i % 8, (i * 101) % 997];
    rows.push([...feats, 2 * size + 10 * feats[1] + ((i * 17) % 11)]);
  }
  const csv = `size,beds,age,distance,shoe_size,colour_code,random_id,price\n${rows.map((r) => r.join(',')).join('\n')}\n`;
  await card.locator('input[type="file"]').setInputFiles({ name: 'houses.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const mount = page.locator('.dw-mount[data-widget="build-dataset"]');
  // The file is read asynchronously (FileReader): wait for the import to land in the state.
  await mount.evaluate((el) => new Promise((resolve) => {
    const until = Date.now() + 20000;
    const check = () => (el.dwHandle.state.p?.length === 40 * 7 || Date.now() > until ? resolve() : setTimeout(check, 20));
    check();
  }));
  assert.equal((await mount.evaluate((el) => el.dwHandle.state)).p.length, 40 * 7, 'the 40 houses are imported');
  // The strongest set of these houses, as the widget judges it: every set restored in turn (a
  // restored set reports nothing), the one the widget calls the strongest.
  const bestCols = await mount.evaluate((el) => {
    const { p, l } = el.dwHandle.state;
    for (let mask = 1; mask < 128; mask++) {
      const cols = [0, 1, 2, 3, 4, 5, 6].filter((j) => mask & (1 << j));
      const text = btoa(JSON.stringify({ cols, p, l })).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      el.dwHandle.update({ state: text });
      if (/^The strongest set/.test(el.querySelector('.dw-message').textContent)) return cols;
    }
    return null;
  });
  assert.ok(bestCols && bestCols.length, 'the imported houses have a strongest set');
  // Back to no columns, then the learner chooses that set by hand.
  for (const j of bestCols) await card.locator(`.build-dataset-toggle[data-column="${j}"]`).click(); // off (the last restored set was the best)
  assert.equal(await statIn(page, '.build-dataset-main', 'validation R²'), '–');
  for (const j of bestCols) await card.locator(`.build-dataset-toggle[data-column="${j}"]`).click();
  const text = await card.locator('.dw-message').textContent();
  assert.match(text, /^The strongest set: validation R² [\d.]+, the best any combination of these columns reaches\. Every useful clue is in, and nothing that only adds noise\. This round is practice: these are imported houses, and only the strongest set of the game’s own houses is recorded, so it is not recorded\.$/);
  assert.doesNotMatch(text, /completes this activity/);
  const reports = (await page.evaluate(() => window.__dwReports.slice())).filter((r) => r.widget === 'build-dataset');
  assert.deepEqual(reports, [], 'no score and no completion for imported houses');
  const stored = await page.evaluate(() => (JSON.parse(localStorage.getItem('dw:lesson:data-features-labels') || '{}').activities || {})['build-dataset'] || null);
  assert.equal(stored, null, 'the lesson records nothing of the game');
  await assertClean(page);
  await page.close();
});

// Imported houses whose prices do not vary (audit 6, E9): R² is 0/0 there, so no verdict such as
// "validation R² 1.000, the strongest set" may be shown. A link holding them is refused in words
// (the widget starts from its own houses); so is a file, and a file whose training or validation
// houses alone all share one price.
test('build the dataset: houses whose prices do not vary are refused in words, with no R² verdict', async () => {
  const zeros = { cols: [0, 1, 2, 3, 4, 5, 6], p: Array(30 * 7).fill(0), l: Array(30).fill(0) };
  const page = await openPage(site, `/embed.html?w=build-dataset&state=${Buffer.from(JSON.stringify(zeros)).toString('base64url')}`);
  const mount = page.locator('main#widget, .dw-mount, dw-widget').first();
  const message = () => page.locator('.dw-message').first().textContent();
  assert.match(await page.locator('.dw-notes').first().textContent(), /The saved state could not be used \(Every house has the same price, 0: the prices do not vary, so there is nothing to predict, and R², which compares the errors with the spread of the prices, has no meaning\); the widget starts from its defaults\./);
  assert.doesNotMatch(await message(), /strongest set/);
  assert.equal(await mount.evaluate((el) => el.dwHandle.state), null, 'the link\'s houses are not held');
  const input = page.locator('.dw-csv input[type="file"]');
  const header = 'size,beds,age,distance,shoe_size,colour_code,random_id,price';
  const house = (i, price) => [50 + i, 1 + (i % 5), i % 60, i / 2, 36 + (i % 10), i % 8, i * 7, price].join(',');
  await input.setInputFiles({ name: 'flat.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${Array.from({ length: 30 }, (_, i) => house(i, 250)).join('\n')}\n`) });
  await page.waitForFunction(() => /Nothing was imported/.test(document.querySelector('.dw-message').textContent));
  assert.match(await message(), /^Nothing was imported: Every house has the same price, 250: the prices do not vary/);
  // One house of 30 at another price: one part of the seeded split (18 training, 12 validation
  // houses) has a single price, and R² on that part has no meaning either.
  await input.setInputFiles({ name: 'one-off.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${Array.from({ length: 30 }, (_, i) => house(i, i === 0 ? 300 : 250)).join('\n')}\n`) });
  await page.waitForFunction(() => /Nothing was imported: All/.test(document.querySelector('.dw-message').textContent));
  assert.match(await message(), /^Nothing was imported: All (18 training|12 validation) houses of the seeded split have the same price, 250: the prices the model (learns from|is scored on) do not vary, so (training|validation) R², which compares the errors with the spread of the prices, has no meaning\.$/);
  assert.equal(await mount.evaluate((el) => el.dwHandle.state), null, 'nothing was imported');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
