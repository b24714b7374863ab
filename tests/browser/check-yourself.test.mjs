// Check-yourself blocks (web/js/check-yourself.js, rendered by scripts/lesson-render.mjs):
// answered by mouse and keyboard, numeric answers checked against the engine's number, bad
// input refused in words, every result announced, the first answers saved with the lesson's
// progress and summed per level on the home page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot } from './browser.mjs';
import { ml } from '../node/engine.mjs';
import { evaluateComputation, parseComputation } from '../../web/js/check-computations.js';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('the k-means block: wrong, invalid and right answers, keyboard, saved progress, home summary', async () => {
  const page = await site.newPage({ width: 375, height: 800 });
  await page.goto(`${site.base}/lessons/kmeans.html`);
  const block = page.locator('section[data-check-yourself]');
  await page.waitForSelector('section[data-check-yourself][data-ready="true"]');
  const forms = block.locator('form.cy-item');
  assert.equal(await forms.count(), 3);
  assert.ok(await page.locator('.lesson-complete').getAttribute('data-activities').then((a) => a.split(' ').includes('check-yourself')));

  // Numeric: the answer is the engine's, not the page's.
  const spec = await forms.nth(0).getAttribute('data-compute');
  const answer = evaluateComputation(ml, parseComputation(spec));
  assert.equal(answer, 9);
  const input = forms.nth(0).locator('input');
  const feedback = forms.nth(0).locator('.cy-feedback');
  assert.equal(await feedback.getAttribute('aria-live'), 'polite');
  assert.equal(await forms.nth(0).locator('.cy-tolerance').textContent(), 'Answers within ±0.01 of the exact value count as right.');
  await input.fill('nine');
  await forms.nth(0).getByRole('button', { name: 'Check' }).click();
  // The first numeric check fetches the computations (check-yourself.js), so its feedback comes a
  // moment later.
  await page.waitForFunction(() => /"nine" is not a number/.test(document.querySelector('form.cy-item .cy-feedback').textContent));
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  await input.fill('7');
  await input.press('Enter');
  await page.waitForFunction(() => /Not quite: the answer is 9\./.test(document.querySelector('form.cy-item .cy-feedback').textContent));
  assert.match(await feedback.textContent(), /centroids move to 2 and 9/, '{answer} is the engine number');
  assert.equal(await feedback.getAttribute('data-tone'), 'bad');
  // A later right answer is acknowledged but the first (wrong) one is what counts.
  await input.fill('9,0');
  await input.press('Enter');
  await page.waitForFunction(() => /^Right: 9\./.test(document.querySelector('form.cy-item .cy-feedback').textContent));
  assert.match(await block.locator('.cy-score').textContent(), /0 of 3 right at the first try; 1 of 3 answered/);

  // Choice by keyboard only: focus the first radio, arrow to the right one, Enter submits.
  const second = forms.nth(1);
  await second.locator('input[type=radio]').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('form.cy-item .cy-feedback')[1].textContent.startsWith('Right.'));
  assert.match(await second.locator('.cy-feedback').textContent(), /local minimum|only ever lowers/);

  // Submitting without a choice asks for one and records nothing.
  const third = forms.nth(2);
  await third.getByRole('button', { name: 'Check' }).click();
  assert.match(await third.locator('.cy-feedback').textContent(), /Pick an answer first/);
  assert.match(await block.locator('.cy-score').textContent(), /2 of 3 answered/);
  await third.locator('input[type=radio]').nth(0).check();
  await third.getByRole('button', { name: 'Check' }).click();
  assert.match(await third.locator('.cy-feedback').textContent(), /^Not quite\. It is not lowest there/);
  assert.match(await block.locator('.cy-score').textContent(), /1 of 3 right at the first try; 3 of 3 answered/);
  await screenshot(page, 'check-yourself-kmeans-375');

  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('dw:lesson:kmeans')));
  assert.deepEqual({ ...stored.activities['check-yourself'], title: undefined }, { title: undefined, score: 1, max: 3, best: 1, complete: true });
  assert.match(await page.locator('.lesson-activities').textContent(), /✓ Check yourself — best 1 of 3/);

  // Coming back shows what was saved; the home page sums the level's checks.
  await page.reload();
  await page.waitForSelector('section[data-check-yourself][data-ready="true"]');
  assert.match(await block.locator('.cy-score').textContent(), /Saved from an earlier visit: 1 of 3 right at the first try, every question answered/);
  await page.goto(`${site.base}/index.html`);
  assert.match(await page.locator('#level-expert .level-checks').textContent(), /Check yourself: 1 of 3 questions right at the first try; 1 of \d+ lessons fully checked/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('a numeric answer checked while the engine still loads says so at once, then gives its verdict', async () => {
  const page = await site.newPage({ width: 1280, height: 800 });
  // The engine's WebAssembly held back until the pending message is seen, as on a slow connection.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${site.base}/lessons/kmeans.html`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('section[data-check-yourself][data-ready="true"]');
  const form = page.locator('section[data-check-yourself] form.cy-item').first();
  const feedback = form.locator('.cy-feedback');
  await form.locator('input').fill('9');
  await form.getByRole('button', { name: 'Check' }).click();
  await page.waitForFunction((f) => f.textContent !== '', await feedback.elementHandle());
  assert.equal(await feedback.textContent(), 'Checking with the learning engine…');
  assert.equal(await feedback.getAttribute('data-tone'), null, 'no verdict yet');
  release();
  await page.waitForFunction((f) => !!f.dataset.tone, await feedback.elementHandle(), { timeout: 30000 });
  assert.match(await feedback.textContent(), /^Right: 9\./);
  assert.equal(await feedback.getAttribute('data-tone'), 'ok');
  await page.close();
});
