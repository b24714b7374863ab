import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// Seed 004's table: step, a, b, y_pred, error, ∂a, ∂b, loss. Its last row was worked from an
// error truncated to 0.2332 (exact 0.23328), so cells may differ by one unit in the 4th decimal
// (two for the gradients, which are 2 × that error).
const SEED_TABLE = [
  [0, 3.0, 4.0, 7.0, 3.0, 6.0, 6.0, 9.0],
  [1, 2.4, 3.4, 5.8, 1.8, 3.6, 3.6, 3.24],
  [2, 2.04, 3.04, 5.08, 1.08, 2.16, 2.16, 1.1664],
  [3, 1.824, 2.824, 4.648, 0.648, 1.296, 1.296, 0.4199],
  [4, 1.6944, 2.6944, 4.3888, 0.3888, 0.7776, 0.7776, 0.1512],
  [5, 1.6166, 2.6166, 4.2332, 0.2332, 0.4664, 0.4664, 0.0544],
];

test('home page lists the lessons by level', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/index.html`);
  await assert.doesNotReject(page.getByRole('heading', { name: 'Foundations' }).waitFor());
  const links = await page.locator('.lesson-list a').count();
  assert.ok(links >= 2, `expected lesson links, found ${links}`);
  assert.ok(await page.locator('.lesson-list').getByRole('link', { name: /How does a model learn\?/ }).isVisible());
  await screenshot(page, 'home-desktop');
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('the walkthrough lesson typesets math and reproduces the seed table after 5 steps', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/how-models-learn.html`);
  await widgetsReady(page);
  assert.ok(await page.locator('.katex').count() > 10, 'math is typeset by KaTeX');
  assert.equal(await page.locator('.katex-error').count(), 0);
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 0; i < 5; i++) await step.click();
  const cells = await page.locator('.dw-table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => Number(c.textContent))));
  assert.equal(cells.length, 6);
  cells.forEach((row, i) => row.forEach((v, j) => {
    const margin = (j === 5 || j === 6 ? 2e-4 : 1e-4) + 1e-9;
    assert.ok(Math.abs(v - SEED_TABLE[i][j]) <= margin, `row ${i} column ${j}: ${v} vs seed ${SEED_TABLE[i][j]}`);
  }));
  assert.deepEqual(cells.map((r) => r[7].toFixed(4)), ['9.0000', '3.2400', '1.1664', '0.4199', '0.1512', '0.0544']);
  assert.match(await page.locator('.dw-message').first().textContent(), /Converging/);
  await screenshot(page, 'walkthrough-desktop');

  // η = 0.6 makes every step overshoot by more than it corrects: the widget says so in words.
  const eta = page.getByRole('slider', { name: /learning rate/ });
  await eta.fill('0.6');
  for (let i = 0; i < 3; i++) await step.click();
  assert.match(await page.locator('.dw-message').first().textContent(), /Diverging/);
  // Keep b fixed: then η = 1.0 oscillates exactly and η = 1.1 diverges.
  await page.getByLabel(/keep b fixed/).check();
  await eta.fill('1');
  for (let i = 0; i < 3; i++) await step.click();
  assert.match(await page.locator('.dw-message').first().textContent(), /Oscillating/);
  await eta.fill('1.1');
  for (let i = 0; i < 3; i++) await step.click();
  assert.match(await page.locator('.dw-message').first().textContent(), /Diverging/);
  const shown = await page.locator('.dw-card').first().textContent();
  assert.ok(!/NaN/.test(shown), 'no NaN is ever shown');
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('Fit the line: Auto-fit drives the MSE to within 1% of the closed-form optimum', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/fit-the-line.html`);
    await widgetsReady(page);
    const stat = async (label) => Number(await page.locator(`.dw-stat[data-stat="${label}"] .dw-stat-value`).textContent());
    const target = await stat('best possible');
    assert.ok(target > 0 && Number.isFinite(target));
    assert.ok(await stat('MSE') > target * 1.5, 'the starting line is far from the best');
    await page.getByRole('button', { name: 'Auto-fit' }).click();
    await page.waitForFunction(() => /converged/.test(document.querySelector('.dw-message').textContent), null, { timeout: 30000 });
    const mse = await stat('MSE');
    assert.ok(mse <= target * 1.01, `MSE ${mse} vs best possible ${target}`);
    // Keyboard: focus the plot and move an end of the line.
    await page.locator('canvas[tabindex="0"]').focus();
    await page.keyboard.press('Shift+ArrowUp');
    assert.ok(await stat('MSE') > mse, 'moving the line by keyboard changes the MSE');
    await screenshot(page, `fit-line-${width}`);
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});
