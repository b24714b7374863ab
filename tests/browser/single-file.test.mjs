// The single-file build (dist-single/, made by scripts/build-single.mjs) works when opened from
// file:// — no server, no network: widgets mount, math is typeset, the engine computes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, widgetsReady } from './browser.mjs';

const single = path.resolve(import.meta.dirname, '../../dist-single');
let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const files = fs.existsSync(single) ? fs.readdirSync(single).filter((f) => f.endsWith('.html')).sort() : [];
test('the single-file build exists, one file per lesson plus the course', () => {
  assert.ok(files.includes('course.html'));
  assert.ok(files.includes('how-models-learn.html'));
});

for (const file of files) {
  test(`${file} works from file://`, async () => {
    const page = await site.newPage({ width: 1100 });
    await page.goto(`file://${path.join(single, file)}`);
    await widgetsReady(page);
    const outside = page.record.requests.filter((u) => !/^(file|data|blob|about):/.test(u));
    assert.deepEqual(outside, []);
    assert.deepEqual(page.record.errors, []);
    if (file === 'how-models-learn.html') {
      // Math is typeset and KaTeX's (inlined) fonts actually load from data: URLs.
      assert.ok(await page.locator('.katex').count() > 10);
      await page.evaluate(() => document.fonts.ready);
      assert.ok(await page.evaluate(() => document.fonts.check('16px KaTeX_Main')));
      const step = page.getByRole('button', { name: 'Step', exact: true });
      for (let i = 0; i < 5; i++) await step.click();
      assert.equal(await page.locator('.dw-stat[data-stat="loss"] .dw-stat-value').textContent(), '0.0544');
    }
    await page.close();
  });
}
