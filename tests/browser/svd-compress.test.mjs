// Browser tests for the svd-compress widget (lessons/svd.md): the lesson's numbers for the
// smiley at k = 5 and the checkerboard, the prediction box settled by choosing the stripes (a right
// and a wrong prediction), the rank slider and the pictures by keyboard, the digit picture, bad
// options refused in words, and a 375 px phone in light and dark. Every scenario checks that
// nothing is logged as an error, no request leaves the machine and no NaN is shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { afterNextFrame, offMachineRequests, screenshot, startSite, widgetsReady, openPage } from './browser.mjs';
import { assertPractice, recordReports } from './predict-helpers.mjs';
import { inkedTopRows } from './probes.mjs';

const PAGE = '/lessons/svd.html';
let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

async function open({ width = 1280, query = '' } = {}) {
  const page = await openPage(site, `${PAGE}${query}`, { width });
  await page.waitForFunction(() => /%/.test(document.querySelector('.svdc .dw-stat[data-stat="relative error"] .dw-stat-value').textContent));
  return page;
}
const stat = (page, label) => page.locator(`.svdc .dw-stat[data-stat="${label}"] .dw-stat-value`).textContent();
const message = (page) => page.locator('.svdc .dw-message').textContent();

async function clean(page) {
  const text = await page.locator('.svdc').textContent();
  assert.ok(!/NaN|undefined|Infinity|e[+-]\d/.test(text), 'no NaN, undefined or raw exponent is shown');
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
}

// Whether a canvas has anything drawn on it (some pixel differs from the first one).
async function drawn(locator) {
  return locator.evaluate((canvas) => {
    const { width, height } = canvas;
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    for (let i = 4; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) return true;
    return false;
  });
}

test('smiley at k = 5: 36.5% error, 86.71% energy, 485 of 2,304 numbers; every canvas drawn; the checkerboard is exact at k = 2', async () => {
  const page = await open();
  assert.equal(await stat(page, 'k'), '5 of 48');
  assert.equal(await stat(page, 'relative error'), '36.5%');
  assert.equal(await stat(page, 'energy kept'), '86.71%');
  assert.equal(await stat(page, 'numbers stored'), '485 vs 2\u202f304');
  assert.match(await message(page), /5·\(48 \+ 48 \+ 1\)/);
  assert.match(await message(page), /21% of the 2\u202f304 pixels/);
  const canvases = await page.locator('.svdc canvas').all();
  assert.equal(canvases.length, 2 + 1 + 4, 'original, copy, bars and four layers');
  for (const c of canvases) assert.ok(await drawn(c), 'canvas has a picture');
  assert.match(await page.locator('.svdc canvas').nth(2).getAttribute('aria-label'), /Singular values, largest first: 14\.49, 8\.90/);
  await screenshot(page, 'svd-compress-1280');

  await page.getByLabel('picture', { exact: true }).selectOption('checkerboard');
  await page.getByLabel('rank k (layers kept)').fill('1');
  assert.equal(await stat(page, 'energy kept'), '69.23%');
  assert.match(await page.locator('.svdc .svd-compress-layer-caption').nth(0).textContent(), /σ₁ = 28\.80/);
  assert.match(await page.locator('.svdc .svd-compress-layer-caption').nth(1).textContent(), /σ₂ = 19\.20/);
  // The layers' text alternatives name the singular value with its index, as the captions do
  // (σ alone is the sigmoid on the notation page).
  assert.equal(await page.locator('.svdc .svd-compress-layer canvas').nth(0).getAttribute('aria-label'), 'Layer 1, σ₁ = 28.80, kept.');
  assert.equal(await page.locator('.svdc .svd-compress-layer canvas').nth(1).getAttribute('aria-label'), 'Layer 2, σ₂ = 19.20, dropped.');
  // One layer kept is singular in the chart's name (it read "the first 1 are kept").
  assert.match(await page.locator('.svdc canvas').nth(2).getAttribute('aria-label'), /; the first is kept\.$/);
  await page.getByLabel('rank k (layers kept)').fill('2');
  assert.match(await page.locator('.svdc canvas').nth(2).getAttribute('aria-label'), /; the first 2 are kept\.$/);
  assert.equal(await stat(page, 'relative error'), '0.0%');
  assert.match(await message(page), /^Checkerboard, rank-2 copy: exact, 100.00% of the energy/);
  await clean(page);
  await page.close();
});

test('predict, then check: "1" holds for the stripes, "2 to 5" does not; the box waits while the stripes show', async () => {
  const page = await open();
  await page.evaluate(() => { window.__q = []; document.addEventListener('dw:complete', (e) => window.__q.push(e.detail)); });
  const box = page.locator('.svdc .dw-predict');
  await box.locator('select').selectOption('1');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await page.getByLabel('picture', { exact: true }).selectOption('stripes');
  assert.match(await box.locator('.dw-predict-status').textContent(), /Your prediction held/);
  assert.match(await box.locator('.dw-predict-status').textContent(), /rank 1: σ₁ = 33\.94 and the other 47 singular values are 0/);
  assert.equal(await stat(page, 'relative error'), '0.0%');
  // With the stripes on screen the answer is visible: the box refuses a new prediction.
  await box.locator('select').selectOption('2-5');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.match(await box.textContent(), /already showing/);
  await page.getByLabel('picture', { exact: true }).selectOption('rings');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await page.getByLabel('picture', { exact: true }).selectOption('stripes');
  assert.match(await box.locator('.dw-predict-status').textContent(), /did not hold/);
  // The second verdict is practice: only the first prediction is recorded.
  assert.match(await box.locator('.dw-predict-status').textContent(), /your first prediction is the one recorded/);
  assert.deepEqual((await page.evaluate(() => window.__q)).map((d) => [d.widget, d.score]), [['predict:svd-stripes-energy', 1]]);
  await clean(page);
  await page.close();
});

test('keyboard: the rank slider moves with the arrow keys; the digit picture caps k at 8; log scale', async () => {
  const page = await open();
  await page.getByLabel('rank k (layers kept)').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await stat(page, 'k'), '6 of 48');
  await page.keyboard.press('End');
  assert.equal(await stat(page, 'k'), '48 of 48');
  assert.equal(await stat(page, 'relative error'), '0.0%');
  await page.getByLabel('picture', { exact: true }).focus();
  await page.getByLabel('picture', { exact: true }).selectOption('digit');
  assert.equal(await stat(page, 'k'), '8 of 8');
  assert.equal(await stat(page, 'numbers stored'), '136 vs 64');
  assert.match(await message(page), /more than the 64 pixels themselves/);
  await page.getByLabel('rank k (layers kept)').fill('3');
  assert.equal(await stat(page, 'energy kept'), '97.52%');
  assert.match(await page.locator('.svdc figcaption').first().textContent(), /8 × 8, rank 6/);
  await page.getByLabel('digit', { exact: true }).selectOption('7');
  assert.match(await message(page), /^The handwritten 7, rank-3 copy: /);
  assert.match(await page.locator('.svdc figcaption').first().textContent(), /rank 5/);
  await page.getByLabel('log scale for σ').check();
  assert.ok(await drawn(page.locator('.svdc canvas').nth(2)));
  await clean(page);
  await page.close();
});

test('bad options from the address are refused in words and the widget still works', async () => {
  const page = await open({ query: '#svd-compress.picture=teapot&svd-compress.k=900' });
  const notes = await page.locator('.svdc .dw-notes').textContent();
  assert.ok(notes.length > 0, 'a note says what was adjusted');
  assert.equal(await stat(page, 'k'), '48 of 48');
  await clean(page);
  await page.close();
});

test('375 px in light and dark: no horizontal scroll, every canvas inside the screen', async () => {
  for (const scheme of ['light', 'dark']) {
    const page = await site.newPage({ width: 375 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${site.base}${PAGE}`);
    await widgetsReady(page);
    await page.waitForFunction(() => /%/.test(document.querySelector('.svdc .dw-stat[data-stat="relative error"] .dw-stat-value').textContent));
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    assert.ok(widths.doc <= widths.view, `page is ${widths.doc} px wide`);
    for (const canvas of await page.locator('.svdc canvas').all()) {
      const b = await canvas.boundingBox();
      assert.ok(b && b.x >= 0 && b.x + b.width <= 375, `canvas fits (${b && b.x}, ${b && b.width})`);
    }
    await page.locator('.svdc').scrollIntoViewIfNeeded();
    await screenshot(page, `svd-compress-375-${scheme}`);
    await clean(page);
    await page.close();
  }
});

test('predict, then check: the stripes seen before anything was locked in make a later prediction practice, and nothing is recorded', async () => {
  const page = await open();
  await recordReports(page);
  const box = page.locator('.svdc .dw-predict');
  // Look at the answer first: rank 1, σ₁ = 33.94.
  await page.getByLabel('picture', { exact: true }).selectOption('stripes');
  assert.match(await box.locator('.dw-predict-status').textContent(), /practice and is not recorded/);
  await page.getByLabel('picture', { exact: true }).selectOption('smiley');
  await box.locator('select').selectOption('1');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await page.getByLabel('picture', { exact: true }).selectOption('stripes');
  assert.match(await assertPractice(page, box), /Your prediction held/);
  await clean(page);
  await page.close();
});

// The y label ("σᵢ", "σᵢ (log)") is drawn from the canvas's top edge: brackets and accents rise
// above a 'top' baseline, and the edge cut off the top of "(log)". Its ink starts inside the canvas.
test('the singular-value chart\'s y label keeps its top inside the canvas at 375 and 1280 px, linear and log', async () => {
  for (const width of [375, 1280]) {
    const page = await open({ width });
    const chart = page.locator('.svdc canvas').nth(2);
    for (const scale of ['linear', 'log']) {
      if (scale === 'log') await page.getByLabel('log scale for σ').check();
      await afterNextFrame(page);
      const rows = await inkedTopRows(chart);
      assert.ok(rows.length > 0, `the y label is drawn (${scale}, ${width} px)`);
      assert.ok(rows[0] >= 1, `the label's ink starts at device row ${rows[0]} (${scale}, ${width} px), not on the edge`);
    }
    await clean(page);
    await page.close();
  }
});
