// A caption above a figure (captionAbove in web/lib/legend.js) belongs to the figure under it: it
// keeps at least 16 px from what comes before it and at most 8 px from its own figure. The
// central limit and SVD widgets wrote these captions as legend rows, 4 px under the previous chart
// and 16 px above their own, so each read as the key of the chart above it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openPage } from './browser.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const PAGES = [
  ['central-limit', 'Sample means become normal', 3],
  ['svd', 'Compress a picture by rank k', 2],
];

for (const [slug, title, captions] of PAGES) {
  test(`${title}: each caption above a figure sits close to it and clear of what comes before, at 1280 and 375 px`, async () => {
    for (const width of [1280, 375]) {
      const page = await openPage(site, `/lessons/${slug}.html`, { width, height: 900 });
      const card = page.locator('.dw-card').filter({ hasText: title }).first();
      const gaps = await card.locator('.dw-caption-above').evaluateAll((ps) => ps
        .map((p) => {
          const box = p.getBoundingClientRect();
          const before = p.previousElementSibling;
          const figure = p.nextElementSibling;
          return {
            text: p.textContent.slice(0, 30),
            above: before ? box.top - before.getBoundingClientRect().bottom : null,
            below: figure.getBoundingClientRect().top - box.bottom,
          };
        }));
      assert.equal(gaps.length, captions, `${captions} captions above figures at ${width} px`);
      for (const { text, above, below } of gaps) {
        assert.ok(below >= 0 && below <= 8, `"${text}…" to its figure at ${width} px: ${below} px`);
        if (above !== null) assert.ok(above >= 16, `"${text}…" from what comes before at ${width} px: ${above} px`);
      }
      await page.close();
    }
  });
}
