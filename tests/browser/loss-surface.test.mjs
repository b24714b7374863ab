import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const stat = (page, label) => page.locator(`.dw-stat[data-stat="${label}"] .dw-stat-value`).textContent();
const message = (page) => page.locator('.dw-message').textContent();

// The engine's own run from the widget's default start (OptimizerSurface, as
// web/widgets/loss-surface/surfaces.js uses it; the LinearRegression branch is for old builds).
async function engineRun(page, { eta, steps, kind = 'sgd' }) {
  return page.evaluate(async ({ eta, steps, kind }) => {
    const { loadEngine } = await import('/engine/index.js');
    const ml = await loadEngine();
    if (typeof ml.OptimizerSurface === 'function') {
      const s = new ml.OptimizerSurface();
      try {
        s.setFunction('bowl');
        const info = s.info();
        s.startPath(info.startX, info.startY, kind, eta);
        let p = { loss: s.value(info.startX, info.startY) };
        for (let i = 0; i < steps; i++) p = s.stepPath();
        return { loss: p.loss, optimizers: true };
      } finally { s.delete(); }
    }
    const d = ml.makeLinear(6, 2, 1, 0.35, 5, -1, 2.5);
    const m = new ml.LinearRegression();
    try {
      m.setData(d.X, 1, d.y);
      m.setLearningRate(eta);
      m.setTolerance(1e-7);
      m.setParams([-1.5, 4.5]);
      let loss = m.loss();
      for (let i = 0; i < steps; i++) loss = m.step();
      return { loss, optimizers: false };
    } finally { m.delete(); }
  }, { eta, steps, kind });
}

async function canvasIsPainted(page) {
  return page.locator('.dw-stage canvas[tabindex="0"]').evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) colours.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
    return colours.size;
  });
}

test('Loss surface: engine heat map, click to drop, learning-rate states in words, keyboard', async () => {
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/gradient-descent.html`);
  await widgetsReady(page);
  assert.equal(await page.locator('.katex-error').count(), 0);
  assert.ok(await canvasIsPainted(page) > 20, 'the heat map paints many colours');

  // Five Steps from the default start match the engine's own five steps.
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 0; i < 5; i++) await step.click();
  const expected = await engineRun(page, { eta: 0.05, steps: 5 });
  assert.equal(await stat(page, 'step'), '5');
  assert.equal(await stat(page, 'loss'), expected.loss.toFixed(3));

  // Play under reduced motion runs the whole descent at once: η = 0.05 glides to the bottom.
  await page.getByRole('button', { name: 'Play' }).click();
  assert.match(await message(page), /bottom|gliding/);
  const eta = page.getByRole('slider', { name: /learning rate/ });
  await eta.fill('-3'); // log slider: 10^-3
  assert.match(await page.locator('output').first().textContent(), /0\.001/);
  await page.getByRole('button', { name: 'Play' }).click();
  assert.match(await message(page), /crawling/);
  await eta.fill('0.3'); // 10^0.3 ≈ 2: far too large
  await page.getByRole('button', { name: 'Play' }).click();
  assert.match(await message(page), /diverged|overshooting/i);
  assert.equal(await page.locator('.dw-message').getAttribute('data-tone'), 'bad');

  // Clicking the map drops the ball there: step 0, loss at the clicked point.
  await eta.fill('-1.3');
  const canvas = page.locator('.dw-stage canvas[tabindex="0"]');
  const box = await canvas.boundingBox();
  await canvas.click({ position: { x: box.width * 0.75, y: box.height * 0.3 } });
  assert.equal(await stat(page, 'step'), '0');
  const w = Number(await stat(page, 'w'));
  assert.ok(w > 2, `dropped on the right half (w = ${w})`);
  // Keyboard: arrows move a cursor, Enter drops the ball there.
  await canvas.focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Enter');
  const w2 = Number(await stat(page, 'w'));
  assert.ok(Math.abs(w2 - (w - 2)) < 0.02, `Shift+← moves the drop point by a quarter of the view (${w} → ${w2})`);

  if (expected.optimizers) {
    await page.getByLabel('optimiser').selectOption('race');
    await page.getByRole('button', { name: 'Reset' }).click();
    for (let i = 0; i < 3; i++) await step.click();
    assert.match(await message(page), /SGD .*Momentum .*RMSProp .*Adam/);
    const adam = await engineRun(page, { eta: 10 ** -1.3, steps: 3, kind: 'adam' });
    assert.ok(Number.isFinite(adam.loss));
  }
  if (expected.optimizers) {
    // The saddle: from the default start (on y = 0) every optimiser stalls at the saddle point,
    // loss 0 against a minimum of −0.25, and the message says so instead of "gliding downhill".
    await page.getByLabel('surface', { exact: true }).selectOption('saddle');
    await eta.fill(String(Math.log10(0.05)));
    await page.getByLabel('optimiser').selectOption('sgd');
    await page.getByRole('button', { name: 'Play' }).click();
    assert.equal(await stat(page, 'step'), '300');
    assert.equal(await stat(page, 'loss'), '0.000');
    assert.equal(await stat(page, 'minimum loss'), '-0.250');
    assert.match(await message(page), /^SGD: stalled at a saddle point: after 300 steps the loss is 0\.000, but the lowest point of this surface is at -0\.250\..*curves down along y/);
    assert.equal(await page.locator('.dw-message').getAttribute('data-tone'), 'warn');
    await page.getByLabel('optimiser').selectOption('race');
    await page.getByRole('button', { name: 'Play' }).click();
    assert.match(await message(page), /Stalled at a saddle point[^:]*: SGD, Momentum, RMSProp, Adam\./);
    assert.doesNotMatch(await message(page), /gliding|At the bottom/);
    // Dropped a little off the ridge (y = 0.05 of a −2…2 view), the ball escapes into a valley.
    await page.getByLabel('optimiser').selectOption('sgd');
    const map = page.locator('.dw-stage canvas[tabindex="0"]');
    await map.focus();
    await page.keyboard.press('ArrowUp'); // cursor moves 1/40 of the view: y = 0.1
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Play' }).click();
    assert.match(await message(page), /^SGD: reached the bottom in \d+ steps \(loss -0\.250\)/);
    await page.getByLabel('surface', { exact: true }).selectOption('saddle');
  }
  await page.getByRole('button', { name: 'Play' }).click(); // reduced motion: the whole run at once
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await screenshot(page, `gradient-descent-${width}`);
  }
  assert.ok(!/NaN/.test(await page.locator('main').textContent()));
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Predict, then check: on the saddle, from the default start, plain SGD stalls at the flat spot.
test('Loss surface: the saddle prediction holds ("flat spot") and misses ("valley")', async () => {
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/gradient-descent.html`);
  await widgetsReady(page);
  if (!(await page.evaluate(async () => typeof (await (await import('/engine/index.js')).loadEngine()).OptimizerSurface === 'function'))) { await page.close(); return; }
  const box = page.locator('[data-predict="loss-surface-saddle"]');
  const lock = async (value) => {
    await box.getByRole('combobox', { name: /On the saddle surface/ }).selectOption(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  await lock('saddle');
  assert.match(await box.getByRole('status').textContent(), /Now choose the Saddle surface and press Play/);
  await page.getByRole('button', { name: 'Play' }).click(); // the bowl: settles nothing
  assert.equal(await box.getAttribute('data-state'), 'committed');
  await page.getByLabel('surface', { exact: true }).selectOption('saddle');
  await page.getByRole('button', { name: 'Play' }).click();
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.match(await box.getByRole('status').textContent(), /^Your prediction held: .*ended at loss 0\.000 after 300 steps\. On the line y = 0/);
  await lock('valley');
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await box.getByRole('status').textContent(), /what happened: “stuck on the flat spot in the middle”/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
