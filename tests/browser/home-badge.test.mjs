// The home page shows the Machine Learning badge from the badge lesson's own record, the record its
// "✓ Completed" tick comes from (web/js/progress.js): the medal once the challenge was passed on the
// lesson page, the best score before that, and never either for an attempt made elsewhere (the
// iframe embed writes the challenge's own "dw:badge" key, which the home page does not read).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openFreshPage, startSite, screenshot, widgetsReady } from './browser.mjs';
import { ml } from '../node/engine.mjs';
import { drawAttempt, formatAnswer, instantiate } from '../../web/widgets/ml-badge/attempt.js';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const TITLE = 'Challenge: earn the Machine Learning badge';
const badgeRecord = (activity, complete) => ({ complete, activities: activity ? { 'ml-badge': { title: TITLE, ...activity } } : {} });

// What the home page claims about the badge: the slot's text (null when hidden), the lesson's tick,
// and the course count.
async function homeClaims(page) {
  await page.goto(`${site.base}/index.html`);
  const slot = page.locator('.badge-slot');
  return {
    slot: (await slot.isVisible()) ? (await slot.textContent()).trim() : null,
    medal: await page.locator('.badge-slot .dw-badge-medal').count(),
    ticked: await page.locator('.lesson-list [data-lesson="badge"] .lesson-done').count(),
    progress: await page.locator('.course-progress-label').first().textContent(),
  };
}

test('home page: the medal and the badge lesson\'s tick come from one record and always agree; the best score before a pass', async () => {
  const page = await openFreshPage(site, '/index.html');
  const empty = await homeClaims(page);
  assert.equal(empty.slot, null);
  assert.equal(empty.ticked, 0);
  const set = (record) => page.evaluate((r) => localStorage.setItem('dw:lesson:badge', JSON.stringify(r)), record);
  // A failed attempt on the lesson page: its best score, no tick, no medal.
  await set(badgeRecord({ score: 15, max: 22, best: 15, complete: false }, false));
  let home = await homeClaims(page);
  assert.equal(home.slot, 'Best so far: 15 of 22 — pass with 80%'); // the rule from web/lib/badge-pass-rule.js
  assert.deepEqual([home.medal, home.ticked], [0, 0]);
  // A lesson marked complete by hand (the old rule) without the activity: neither tick nor medal.
  await set(badgeRecord(null, true));
  home = await homeClaims(page);
  assert.deepEqual([home.slot, home.medal, home.ticked], [null, 0, 0]);
  // Passed on the lesson page: the medal with its score, and the tick, counted in the course progress.
  await set(badgeRecord({ score: 20, max: 22, best: 20, complete: true }, true));
  home = await homeClaims(page);
  assert.match(home.slot, /Machine Learning badge earned/);
  assert.match(home.slot, /20\/22/);
  assert.deepEqual([home.medal, home.ticked], [1, 1]);
  assert.match(home.progress, /^Course progress: 1 of \d+ lessons complete$/);
  await screenshot(page, 'home-badge');
  // The challenge's own key, even claiming a pass, changes nothing on the home page.
  await page.evaluate(() => localStorage.clear());
  await page.evaluate(() => localStorage.setItem('dw:badge', JSON.stringify({ best: 22, total: 22, passed: true, earnedAt: '2026-11-21T10:00:00.000Z' })));
  home = await homeClaims(page);
  assert.deepEqual([home.slot, home.medal, home.ticked], [null, 0, 0]);
  await page.evaluate(() => localStorage.setItem('dw:lesson:badge', '{not json'));
  home = await homeClaims(page);
  assert.deepEqual([home.slot, home.ticked], [null, 0]);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The audit's case: a badge attempt made in the iframe embed (same origin) wrote the record the home
// page read, so it showed "Best so far" or the medal beside an unticked challenge lesson.
test('home page: a badge attempt in the iframe embed, failed or passed, changes nothing on the home page', async () => {
  const page = await openFreshPage(site, '/index.html');
  const before = await homeClaims(page);
  for (const pass of [false, true]) {
    await page.goto(`${site.base}/embed.html?w=ml-badge`);
    await widgetsReady(page);
    const card = page.locator('.dw-card');
    assert.ok(!(await card.locator('.ml-badge-practice').isVisible()), 'no seed: a counted attempt');
    const items = drawAttempt(Number(await card.getAttribute('data-seed'))).map((d) => instantiate(d, ml));
    for (const item of items) {
      const input = card.getByLabel(/Your answer/);
      if (item.kind === 'number') {
        await input.fill(pass ? formatAnswer(item) : '123456');
        await input.press('Enter');
      } else {
        await card.locator(`.ml-badge-choice[data-choice="${pass ? item.answer : (item.answer + 1) % 4}"]`).click();
      }
      await card.getByRole('button', { name: /Next question|See result/ }).click();
    }
    assert.equal(await card.locator('.dw-badge').isVisible(), pass);
    // The widget remembers its best for its own card, as before.
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('dw:badge')));
    assert.deepEqual([saved.best, saved.passed], [pass ? 22 : 0, pass]);
    const home = await homeClaims(page);
    assert.deepEqual(home, before, `after a ${pass ? 'passed' : 'failed'} embedded attempt`);
    assert.equal(home.slot, null);
  }
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
