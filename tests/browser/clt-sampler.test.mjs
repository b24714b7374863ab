// The clt-sampler widget on the central-limit lesson: Step, Play and Fast-forward draw the engine's
// seeded sample means; the readouts match the engine; the predict-then-check box judges a
// quadrupled n; other populations load; the page fits a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, widgetsReady } from './browser.mjs';
import { stat, canvasIsDrawn, inEngine, assertClean } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const card = (page) => page.locator('.dw-card').filter({ hasText: 'Sample means become normal' });

test('Step and Fast-forward draw the engine\'s means; the spread matches s/√n; predict then check', async () => {
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/central-limit.html`);
  await widgetsReady(page);
  const c = card(page);
  const canvases = c.locator('canvas');
  assert.equal(await canvases.count(), 3);
  for (let i = 0; i < 3; i++) assert.ok(await canvasIsDrawn(canvases.nth(i)));
  assert.equal(await stat(c, 'means drawn'), '0');
  assert.equal(await stat(c, 'CLT: s/√n'), '0.316');
  assert.equal(await stat(c, 'population μ, s'), '1.00, 1.00');
  assert.equal(await stat(c, 'spread of the means'), '–');
  await c.getByRole('button', { name: 'Step' }).click();
  await c.getByRole('button', { name: 'Step' }).click();
  assert.equal(await stat(c, 'means drawn'), '2');
  // Predicting before enough means are drawn is refused in words.
  const box = c.locator('[data-predict="clt-quadruple-n"]');
  await box.getByRole('combobox', { name: /spread of the means will/ }).selectOption('half');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.match(await box.getByRole('status').textContent(), /Draw at least 500 means first/);
  assert.equal(await box.getAttribute('data-state'), null);
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  assert.equal(await stat(c, 'means drawn'), '2000');
  const expected = await inEngine(page, (ml) => {
    const f = ml.gaussianFit(ml.sampleMeans('exponential', 10, 2000, 7));
    const g = ml.gaussianFit(ml.sampleMeans('exponential', 40, 2000, 7));
    return { mu: f.mu.toFixed(3), s: f.s.toFixed(3), s40: g.s.toFixed(3) };
  });
  assert.equal(await stat(c, 'mean of the means'), expected.mu);
  assert.equal(await stat(c, 'spread of the means'), expected.s);
  assert.equal(expected.s, '0.321');
  // Predict "halve", quadruple n, draw: the widget says it was right.
  const reported = page.evaluate(() => new Promise((resolve) => document.addEventListener('dw:complete', (e) => resolve(e.detail), { once: true })));
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.match(await box.getByRole('status').textContent(), /Your prediction: halve\. Now set n to 40/);
  assert.equal(await box.getByRole('combobox').isDisabled(), true);
  await c.getByRole('slider', { name: /sample size n/ }).fill('40');
  assert.equal(await stat(c, 'CLT: s/√n'), '0.158');
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  assert.equal(await stat(c, 'spread of the means'), expected.s40);
  assert.match(await box.getByRole('status').textContent(), /Your prediction held: you said “halve”, and that is what happened\. From n = 10 to n = 40 the spread went from 0\.321 to 0\.156: × 0\.49/);
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.deepEqual(await reported, { widget: 'predict:clt-quadruple-n', title: 'Predict: With n four times larger, the spread of the means will…', score: 1, max: 1, firstTry: true });
  assert.match(await canvases.nth(1).getAttribute('aria-label'), /2,?000 sample means of samples of size 40/);
  // Another population: a die.
  await c.getByRole('combobox', { name: 'population' }).selectOption('die');
  assert.equal(await stat(c, 'population μ, s'), '3.50, 1.71');
  assert.equal(await stat(c, 'means drawn'), '0');
  await c.getByRole('button', { name: 'Fast-forward' }).click();
  assert.match(await c.locator('.dw-message').textContent(), /All 2000 means drawn/);
  await screenshot(page, 'clt-sampler-1280');
  await assertClean(page);
  await page.close();
});

test('Play animates the draws and Pause stops them', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/central-limit.html`);
  await widgetsReady(page);
  const c = card(page);
  await c.scrollIntoViewIfNeeded();
  await c.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => {
    const v = document.querySelector('.dw-stat[data-stat="means drawn"] .dw-stat-value');
    return v && Number(v.textContent) >= 5;
  }, null, { timeout: 20000 });
  await c.getByRole('button', { name: 'Pause' }).click();
  const stopped = await stat(c, 'means drawn');
  await page.waitForTimeout(400);
  assert.equal(await stat(c, 'means drawn'), stopped);
  await assertClean(page);
  await page.close();
});

test('phone width: the lesson and the sampler fit 375 px without sideways scrolling', async () => {
  const page = await site.newPage({ width: 375, height: 800, reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/central-limit.html`);
  await widgetsReady(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  await card(page).getByRole('button', { name: 'Fast-forward' }).click();
  await screenshot(page, 'clt-sampler-375');
  await assertClean(page);
  await page.close();
});
