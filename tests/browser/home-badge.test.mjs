// The home page shows the Machine Learning badge once the challenge has been passed (the
// challenge saves it in localStorage as "dw:badge"), and a best score before that.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot } from './browser.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('home page shows the badge after passing, the best score before', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/index.html`);
  assert.equal(await page.locator('.badge-slot').isVisible(), false);
  await page.evaluate(() => localStorage.setItem('dw:badge', JSON.stringify({ best: 15, total: 22, passed: false, earnedAt: '' })));
  await page.reload();
  assert.equal(await page.locator('.badge-slot').textContent(), 'Best so far: 15 of 22 — pass with 80%'); // the rule from web/lib/badge-pass-rule.js
  // A failed attempt records a score only: the challenge's lesson is not ticked on the home page.
  await page.evaluate(() => localStorage.setItem('dw:lesson:badge', JSON.stringify({ complete: false, activities: { 'ml-badge': { title: 'Challenge: earn the Machine Learning badge', score: 1, max: 22, best: 1, complete: false } } })));
  await page.reload();
  assert.equal(await page.locator('.lesson-list [data-lesson="badge"] .lesson-done').count(), 0);
  await page.evaluate(() => localStorage.setItem('dw:badge', JSON.stringify({ best: 20, total: 22, passed: true, earnedAt: '2026-11-21T10:00:00.000Z' })));
  await page.reload();
  const text = await page.locator('.badge-slot').textContent();
  assert.match(text, /Machine Learning badge earned/);
  assert.match(text, /20\/22/);
  await page.evaluate(() => localStorage.setItem('dw:badge', '{not json'));
  await page.reload();
  assert.equal(await page.locator('.badge-slot').isVisible(), false);
  await screenshot(page, 'home-badge');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
