import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';
import { canvasInk, statReader, noNaN } from './landscape-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// The widget's scores, recomputed through the engine for the same table and settings.
async function expected(page, features, select) {
  return page.evaluate(async ([features, select]) => {
    const { loadEngine } = await import('/engine/index.js');
    const { noiseTable } = await import('/widgets/landscape2/data.js');
    const ml = await loadEngine();
    const d = noiseTable(50, features, 3);
    const m = new ml.LogisticRegression();
    try {
      const pipe = { impute: true, strategy: 'mean', selectFeatures: select, scaling: 'standard' };
      const avg = (a) => Array.from(a).reduce((s, v) => s + v, 0) / a.length;
      const leaky = avg(ml.pipelineCrossValScore(m, d.X, d.cols, d.y, pipe, 5, 3, 500, true));
      const honest = avg(ml.pipelineCrossValScore(m, d.X, d.cols, d.y, pipe, 5, 3, 500, false));
      return { leaky: leaky.toFixed(3), honest: honest.toFixed(3) };
    } finally { m.delete(); }
  }, [features, select]);
}

test('pipeline-leakage: leaky score beats chance on noise, honest does not, both match the engine', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/pipeline-leakage.html`);
    await widgetsReady(page);
    const stat = statReader(page);
    const ink = await canvasInk(page, '.dwl2-plot canvas');
    assert.ok(ink.colours > 4, 'fold plot is drawn');
    const e = await expected(page, 500, 10);
    assert.equal(await stat('leaky CV accuracy'), e.leaky);
    assert.equal(await stat('honest CV accuracy'), e.honest);
    assert.ok(Number(e.leaky) > Number(e.honest) + 0.15, 'the leak inflates the score');
    assert.match(await page.locator('.dw-message').first().textContent(), /Leak/);
    assert.equal(await page.locator('.dwl2-table tbody tr').count(), 5);
    await screenshot(page, `landscape2-pipeline-${width}`);

    // Fewer noise columns: the leaky score changes and still equals the engine's.
    const before = await stat('leaky CV accuracy');
    await page.getByRole('slider', { name: /noise columns/ }).fill(String(Math.log10(10)));
    const e10 = await expected(page, 10, 10);
    assert.equal(await stat('leaky CV accuracy'), e10.leaky);
    assert.equal(await stat('honest CV accuracy'), e10.honest);
    assert.notEqual(await stat('leaky CV accuracy'), before);

    // Table statistics switch between all rows and one training split.
    const allFoot = await page.locator('.dwl2-table tfoot').textContent();
    await page.getByLabel('table: statistics learned from').selectOption('train');
    assert.notEqual(await page.locator('.dwl2-table tfoot').textContent(), allFoot);
    assert.match(await page.locator('.dwl2-caption').textContent(), /training rows only/);

    assert.ok(await noNaN(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});
