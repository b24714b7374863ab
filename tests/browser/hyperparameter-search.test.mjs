import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';
import { canvasInk, statReader, noNaNInCards } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// Best cross-validated accuracy among the first `n` trials of each strategy, through the engine.
async function expectedBest(page, budget, n) {
  return page.evaluate(async ([budget, n]) => {
    const { loadEngine } = await import('/engine/index.js');
    const { gridTrials, randomTrials } = await import('/widgets/hyperparameter-search/trials.js');
    const { RANGE } = await import('/widgets/hyperparameter-search.js');
    const ml = await loadEngine();
    const d = ml.makeMoons(120, 0.3, 5);
    const svm = new ml.KernelSVM();
    try {
      const score = (t) => {
        svm.setC(10 ** t.logC); svm.setGamma(10 ** t.logG);
        const s = ml.crossValScore(svm, d.X, 2, d.y, 3, 5, 2000);
        return Array.from(s).reduce((a, v) => a + v, 0) / s.length;
      };
      const best = (list) => Math.max(...list.slice(0, n).map(score));
      return { grid: best(gridTrials(budget, RANGE)).toFixed(3), random: best(randomTrials(budget, RANGE, 5)).toFixed(3) };
    } finally { svm.delete(); }
  }, [budget, n]);
}

test('hyperparameter-search: stepping evaluates trials whose best scores match the engine; heat map fills in', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/hyperparameter-search.html`);
    await widgetsReady(page);
    const stat = statReader(page);
    assert.equal(await stat('trials'), '0 / 16');
    const step = page.getByRole('button', { name: 'Step' });
    for (let i = 0; i < 3; i++) await step.click();
    assert.equal(await stat('trials'), '3 / 16');
    const e3 = await expectedBest(page, 16, 3);
    assert.equal(await stat('grid best CV'), e3.grid);
    assert.equal(await stat('random best CV'), e3.random);
    // The heat map is computed lazily; wait for it to complete.
    await page.waitForFunction(() => document.querySelector('.dw-stat[data-stat="heat map"] .dw-stat-value').textContent === 'complete', null, { timeout: 20000 });
    for (const i of [0, 1]) {
      const ink = await canvasInk(page, `.dwl-panel:nth-child(${i + 1}) canvas`);
      assert.ok(ink.colours > 8, `panel ${i} is drawn`);
    }
    // Play to the end of the budget.
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => document.querySelector('.dw-stat[data-stat="trials"] .dw-stat-value').textContent === '16 / 16', null, { timeout: 20000 });
    const e16 = await expectedBest(page, 16, 16);
    assert.equal(await stat('grid best CV'), e16.grid);
    assert.equal(await stat('random best CV'), e16.random);
    assert.match(await page.locator('.dw-message').first().textContent(), /distinct|values of γ/);
    await screenshot(page, `search-${width}`);
    // The budget slider resets the search.
    await page.getByRole('slider', { name: /budget of trials/ }).fill('5');
    assert.equal(await stat('trials'), '0 / 5');
    await step.click();
    const e5 = await expectedBest(page, 5, 1);
    assert.equal(await stat('grid best CV'), e5.grid);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('hyperparameter-search: predict, then check — with five trials random search wins (held and missed)', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/hyperparameter-search.html`);
  await widgetsReady(page);
  const box = page.locator('[data-predict="search-budget-5"]');
  const step = page.getByRole('button', { name: 'Step' });
  const lockIn = async (value) => {
    await box.getByRole('combobox', { name: /better best score will come from/ }).selectOption(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  await lockIn('random');
  assert.match(await box.getByRole('status').textContent(), /Your prediction: random search\. Now set the budget of trials to 5/);
  await page.getByRole('slider', { name: /budget of trials/ }).fill('5');
  for (let i = 0; i < 5; i++) await step.click();
  const e = await expectedBest(page, 5, 5);
  assert.deepEqual(e, { grid: '0.850', random: '0.892' });
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.match(await box.getByRole('status').textContent(), /Your prediction held: you said “random search”.*Random 0\.892, grid 0\.850\. .*the grid tries 2 values of γ; random search tries 5\./);
  await page.getByRole('button', { name: 'Reset' }).click();
  await lockIn('tie');
  for (let i = 0; i < 5; i++) await step.click();
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await box.getByRole('status').textContent(), /did not hold: you said “neither: a tie”; what happened: “random search”/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
