// Every Level 4 lesson renders, typesets its math, mounts its widgets without errors, and is
// screenshotted at desktop and phone widths (test-output/screenshots/course4-lesson-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, screenshot, widgetsReady } from './browser.mjs';
import { assertClean } from './course4-helpers.mjs';

const lessonsDir = path.resolve(import.meta.dirname, '../../lessons');
const LESSONS = fs.readdirSync(lessonsDir).filter((f) => f.endsWith('.md'))
  .filter((f) => /^level: expert$/m.test(fs.readFileSync(path.join(lessonsDir, f), 'utf8')))
  .map((f) => f.replace(/\.md$/, '')).sort();

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('the expert level has its lessons', () => {
  for (const slug of ['kmeans', 'pca', 'decision-trees', 'ensembles', 'scaling-and-cv', 'real-code', 'badge']) assert.ok(LESSONS.includes(slug), slug);
});

for (const slug of LESSONS) {
  test(`lesson ${slug} renders at 1280 and 375 px`, async () => {
    for (const width of [1280, 375]) {
      const page = await site.newPage({ width, reducedMotion: 'reduce' });
      await page.goto(`${site.base}/lessons/${slug}.html`);
      if (await page.locator('.dw-mount').count()) await widgetsReady(page);
      assert.equal(await page.locator('.katex-error').count(), 0);
      assert.equal(await page.locator('.dw-message[data-tone="bad"]').filter({ hasText: /could not start|no widget/i }).count(), 0);
      // Nothing is wider than the phone screen except scrollable code and tables.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px at ${width}px`);
      await page.waitForTimeout(150);
      await screenshot(page, `course4-lesson-${slug}-${width}`);
      await assertClean(page);
      await page.close();
    }
  });
}
