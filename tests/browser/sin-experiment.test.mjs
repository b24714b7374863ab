// The sin(x) experiment (ml-foundations lesson): the train/test table is the engine's, degree 3
// has the lowest test error, and the predict box settles on the degree-11 numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';
import { statIn, paintedPixels } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });


test('sin experiment: degree 3 has the lowest test MSE, and the table is the engine’s', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/ml-foundations.html`);
  await widgetsReady(page);
  const card = '.sin-experiment';
  assert.ok(await page.locator('.katex').count() > 10, 'math typeset');
  assert.ok(await paintedPixels(page, `${card} canvas`) > 1000, 'the plot is drawn');
  // Only degrees the learner has set are on screen: at the start, degree 3 alone. Neither the best
  // degree nor degree 11's test error can be read off before the search and the prediction.
  const tableDegrees = () => page.locator(`${card} .sin-experiment-table tbody tr`).evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.degree)));
  assert.deepEqual(await tableDegrees(), [3]);
  assert.equal(await statIn(page, card, 'best so far'), '3');
  assert.doesNotMatch(await page.locator(`${card} .dw-message`).textContent(), /degree 5|4\.359/);
  assert.doesNotMatch(await page.locator(card).textContent(), /4\.359/);
  assert.equal(await page.locator('details.dw-reveal[data-reveal-for="sin-best-degree"]').evaluate((d) => d.open), false);
  await page.getByRole('button', { name: 'Degree 1', exact: true }).click();
  await page.getByRole('button', { name: 'Degree 11' }).click();
  await page.getByRole('button', { name: 'Degree 3' }).click();
  assert.deepEqual(await tableDegrees(), [1, 3, 11]);
  const rows = await page.locator(`${card} .sin-experiment-table tbody tr`).evaluateAll((trs) => trs.map((tr) => ({
    degree: Number(tr.dataset.degree), train: Number(tr.cells[1].textContent), test: Number(tr.cells[2].textContent), verdict: tr.cells[3].textContent,
  })));
  assert.deepEqual(rows.map((r) => r.degree), [1, 3, 11]);
  const lowest = rows.reduce((a, b) => (b.test < a.test ? b : a));
  assert.equal(lowest.degree, 3, `lowest test MSE at degree ${lowest.degree}`);
  assert.deepEqual(rows.map((r) => r.verdict), ['underfit', 'just right', 'overfit']);
  // Same numbers as the engine's sinExperiment for seed 0, noise 0.3.
  const expected = await page.evaluate(async () => {
    const { loadEngine } = await import('/engine/index.js');
    const ml = await loadEngine();
    const r = ml.sinExperiment([1, 3, 11], 0.3, 0);
    return { train: Array.from(r.trainMse, (v) => v.toFixed(3)), test: Array.from(r.testMse, (v) => v.toFixed(3)) };
  });
  assert.deepEqual(rows.map((r) => r.train.toFixed(3)), expected.train);
  assert.deepEqual(rows.map((r) => r.test.toFixed(3)), expected.test);

  // The slider adds the current degree as a fourth row and changes the readout.
  const before = await statIn(page, card, 'test MSE');
  await page.locator(`${card} input[type="range"]`).fill('9');
  assert.equal(await statIn(page, card, 'degree'), '9');
  assert.notEqual(await statIn(page, card, 'test MSE'), before);
  assert.equal(await page.locator(`${card} .sin-experiment-table tbody tr`).count(), 4);
  await page.getByRole('button', { name: 'Degree 11' }).click();
  assert.match(await page.locator(`${card} .dw-message`).textContent(), /overfits/);
  // Visiting degrees records nothing; choosing one is the check, and only the lowest test MSE
  // (degree 5 for seed 0) completes it.
  const reports = () => page.evaluate(() => window.__reports);
  await page.evaluate(() => {
    window.__reports = [];
    for (const type of ['dw:score', 'dw:complete']) document.addEventListener(type, (e) => window.__reports.push({ type, ...e.detail }));
  });
  await page.locator(`${card} input[type="range"]`).fill('11');
  assert.deepEqual(await reports(), [], 'moving the slider reports nothing');
  await page.locator(card).getByRole('button', { name: 'Choose this degree' }).click();
  const notThis = await page.locator(`${card} .dw-message`).textContent();
  assert.match(notThis, /Not degree 11/);
  // The ratio can be checked by hand from the numbers beside it: test MSE ÷ the lowest (shown to
  // two significant digits, so within 1 %).
  const [, testMse, times, lowestMse] = /test MSE ([\d.]+) is ([\d.]+)× the lowest, ([\d.]+)/.exec(notThis).map(Number);
  assert.ok(Math.abs(testMse / lowestMse - times) / times < 0.01, `${testMse} / ${lowestMse} against ${times}×`);
  await page.locator(`${card} input[type="range"]`).fill('3');
  await page.locator(card).getByRole('button', { name: 'Choose this degree' }).click();
  assert.match(await page.locator(`${card} .dw-message`).textContent(), /^Close: degree 3 is just right/);
  await page.locator(`${card} input[type="range"]`).fill('5');
  await page.locator(card).getByRole('button', { name: 'Choose this degree' }).click();
  // Found, but not on the first pick: like a check-yourself question, the first pick is the score.
  const found = await page.locator(`${card} .dw-message`).textContent();
  assert.match(found, /^Found it: degree 5 has the lowest test MSE/);
  assert.match(found, /not your first pick, so the check is recorded as 0 of 1/);
  assert.equal(await page.locator('details.dw-reveal[data-reveal-for="sin-best-degree"]').evaluate((d) => d.open), true, 'finding the best degree opens the text that names it');
  assert.deepEqual((await reports()).map((r) => [r.type, r.score, r.max]), [['dw:score', 0, 1], ['dw:score', 0, 1], ['dw:complete', 0, 1]]);
  // New noise is a new question: picking its best degree first records 1 of 1.
  await page.locator(card).getByRole('button', { name: 'New noise' }).click();
  const bestDegree = await page.evaluate(async () => {
    const { loadEngine } = await import('/engine/index.js');
    const ml = await loadEngine();
    const r = ml.sinExperiment([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.3, 1); // New noise: seed 0 → 1
    const test = Array.from(r.testMse);
    return 1 + test.indexOf(Math.min(...test));
  });
  await page.evaluate(() => { window.__reports.length = 0; });
  await page.locator(`${card} input[type="range"]`).fill(String(bestDegree));
  await page.locator(card).getByRole('button', { name: 'Choose this degree' }).click();
  assert.doesNotMatch(await page.locator(`${card} .dw-message`).textContent(), /first pick/);
  assert.deepEqual((await reports()).map((r) => [r.type, r.score, r.max]), [['dw:score', 1, 1], ['dw:complete', 1, 1]]);
  await page.getByRole('button', { name: 'Degree 11' }).click();
  await page.getByRole('button', { name: 'New noise' }).click();
  assert.deepEqual(await tableDegrees(), [11], 'new dots: only the current degree is on screen');
  await screenshot(page, 'ml-foundations-1280');
  assert.ok(!/NaN/.test(await page.locator('main').textContent()));
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Predict, then check: degree 11 against degree 3 on the test points (4.359 / 0.011 ≈ 397 at seed 0).
test('sin experiment: the degree-11 prediction holds ("more than 10 times") and misses ("lower"), also after New noise', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/ml-foundations.html`);
  await widgetsReady(page);
  const box = page.locator('[data-predict="sin-degree-11"]');
  const lock = async (value) => {
    await box.getByRole('combobox', { name: /Degree 11 passes through all 12 dots/ }).selectOption(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  // Degrees 3 and 11 both on screen: the outcome is known, so the box asks for fresh dots.
  await page.getByRole('button', { name: 'Degree 11' }).click();
  await page.getByRole('button', { name: 'Degree 3' }).click();
  await lock('far');
  assert.notEqual(await box.getAttribute('data-state'), 'committed');
  assert.match(await box.getByRole('status').textContent(), /Press New noise for twelve fresh dots/);
  await page.reload();
  await widgetsReady(page);
  await lock('far');
  assert.match(await box.getByRole('status').textContent(), /Now set the degree to 11\./);
  await page.getByRole('button', { name: 'Degree 11' }).click();
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.match(await box.getByRole('status').textContent(), /^Your prediction held: .*degree 11 scores 4\.359 and degree 3 0\.011: 397 times as high, although degree 11's training MSE is 0\.000\./);
  await page.getByRole('button', { name: 'New noise' }).click();
  await lock('lower');
  assert.match(await box.getByRole('status').textContent(), /move the slider away from 11 and back/);
  await page.getByRole('button', { name: 'Degree 3' }).click();
  assert.equal(await box.getAttribute('data-state'), 'committed', 'degree 3 settles nothing');
  await page.getByRole('button', { name: 'Degree 11' }).click();
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await box.getByRole('status').textContent(), /what happened: “more than 10 times as high”\. On the 200 test points degree 11 scores 1\.934 and degree 3 0\.026/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

