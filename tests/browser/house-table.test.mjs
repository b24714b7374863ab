// The house table (data-features-labels lesson): every column, the price label included, stays on
// screen at 375 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, snap, widgetsReady } from './browser.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('the house table keeps every column, the price label included, on screen at 375 px', async () => {
  const page = await site.newPage({ width: 375, height: 800 });
  await page.goto(`${site.base}/lessons/data-features-labels.html`);
  await widgetsReady(page);
  const wrap = page.locator('.house-table-grid').locator('xpath=..');
  const { scroll, client } = await wrap.evaluate((w) => ({ scroll: w.scrollWidth, client: w.clientWidth }));
  assert.ok(scroll <= client + 1, `the table scrolls sideways by ${scroll - client}px`);
  const wrapBox = await wrap.boundingBox();
  for (const name of ['size (m²)', 'bedrooms', 'shoe', 'price']) {
    const box = await page.locator('.house-table-grid thead th', { hasText: name }).boundingBox();
    assert.ok(box.x >= wrapBox.x - 1 && box.x + box.width <= wrapBox.x + wrapBox.width + 1, `${name} column visible`);
  }
  assert.equal(await page.locator('.dw-table-box', { has: page.locator('.house-table-grid') }).locator('.dw-table-hint').isVisible(), false, 'no scroll cue when nothing scrolls');
  // Each header's words stay inside its button: "bedrooms" ran past the button's border.
  const spill = await page.locator('.house-table-col-pick').evaluateAll((buttons) => buttons
    .map((b) => ({ text: b.textContent, spill: b.scrollWidth - b.clientWidth })).filter((b) => b.spill > 0));
  assert.deepEqual(spill, [], 'a header runs out of its button');
  await snap(page.locator('.house-table-grid'), 'house-table-375');
  await page.close();
});
