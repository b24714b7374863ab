// The five frontier lessons at phone width (375 px): with every derivation step revealed, the
// page never scrolls sideways and no display formula is wider than its box (long derivations
// are written as aligned multi-line forms; any display that still overflowed would scroll
// inside its own .katex-display box, never the page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';

const PAGES = ['frontier-bias-variance', 'frontier-boosting', 'frontier-generalisation', 'frontier-kernels', 'frontier-kmeans'];
let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

for (const name of PAGES) {
  test(`${name} at 375 px: no sideways page scroll, every display formula fits its box`, async () => {
    const page = await site.newPage({ width: 375 });
    await page.goto(`${site.base}/lessons/${name}.html`);
    await widgetsReady(page);
    for (const b of await page.getByRole('button', { name: 'Show all' }).all()) await b.click();
    const r = await page.evaluate(() => {
      const displays = [...document.querySelectorAll('.katex-display')].filter((d) => d.offsetParent !== null);
      const wide = displays
        .filter((d) => d.scrollWidth > d.clientWidth + 2)
        .map((d) => `${(d.querySelector('annotation')?.textContent || '').slice(0, 60)} (${d.scrollWidth} > ${d.clientWidth})`);
      const contained = displays.every((d) => ['auto', 'scroll'].includes(getComputedStyle(d).overflowX));
      return { scrollWidth: document.documentElement.scrollWidth, count: displays.length, wide, contained };
    });
    assert.ok(r.count >= 3, `${name}: display formulas are on the page`);
    assert.ok(r.scrollWidth <= 375, `${name}: page is ${r.scrollWidth} px wide`);
    assert.deepEqual(r.wide, [], `${name}: display formulas wider than their box`);
    assert.ok(r.contained, 'every display formula scrolls inside its own box if it ever overflows');
    if (name === 'frontier-kernels') await screenshot(page, `${name}-375`);
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  });
}
