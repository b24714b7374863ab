// The house table (data-features-labels lesson): every column, the price label included, stays on
// screen at 375 px, and the game's first pick is the one progress keeps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, snap, widgetsReady, openPage } from './browser.mjs';
import { listenForReports, reportedEvents } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('the house table keeps every column, the price label included, on screen at 375 px', async () => {
  const page = await openPage(site, '/lessons/data-features-labels.html', { width: 375, height: 800 });
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

// The report's title is "Spot the noise column (first pick)", and the lesson says the first pick is
// the one progress records: a wrong first pick is saved as 0 of 1 at once, finding the column after
// it completes the game at 0 and says it was not the first pick, and on a reload the recorded pick
// stands: a pick then is practice. A right first pick saves 1 of 1.
test('house table: the first pick is what progress keeps, over a reload; finding the column after a miss completes the game', async () => {
  const page = await openPage(site, '/lessons/data-features-labels.html');
  await page.evaluate(() => localStorage.removeItem('dw:lesson:data-features-labels'));
  await page.reload();
  await widgetsReady(page);
  const pick = (name) => page.locator('.house-table-col-pick', { hasText: name }).click();
  const saved = async () => {
    const a = (await page.evaluate(() => JSON.parse(localStorage.getItem('dw:lesson:data-features-labels') || '{}'))).activities?.['house-table'];
    return a && { score: a.score, best: a.best, complete: a.complete };
  };
  const reports = async () => (await reportedEvents(page)).filter((r) => r.widget === 'house-table').map((r) => [r.type, r.score, r.firstTry]);

  const said = () => page.locator('.dw-card', { has: page.locator('.house-table-grid') }).locator('.dw-message').textContent();
  const LATE = ' It was not your first pick, so it completes the game without scoring: your first pick is the one your progress records. Later picks are practice.';
  const PRACTICE = ' (Practice: your first pick is the one your progress records.)';
  const RIGHT = 'Right: the owner’s shoe size is noise. It has nothing to do with the house, and in the table it jumps around while price climbs steadily.';

  await listenForReports(page);
  await pick('bedrooms');
  assert.deepEqual(await reports(), [['dw:score', 0, true]], 'a wrong first pick is recorded at once');
  assert.deepEqual(await saved(), { score: 0, best: 0, complete: false });
  assert.doesNotMatch(await said(), /Practice/);
  await pick('size (m²)');
  assert.equal((await reports()).length, 1, 'a second wrong pick reports nothing');
  assert.match(await said(), /^Not that one\. .*\(Practice: your first pick is the one your progress records\.\)$/);
  await pick('shoe');
  assert.equal(await said(), RIGHT + LATE, 'a right pick after a miss says it is not the first pick');
  assert.deepEqual(await reports(), [['dw:score', 0, true], ['dw:complete', 0, true]]);
  assert.deepEqual(await saved(), { score: 0, best: 0, complete: true });
  assert.match(await page.locator('.lesson-activities').textContent(), /✓ Spot the noise column \(first pick\) — best 0 of 1/);

  // A reload, the noise column picked first: the lesson's record is the first pick and the game it
  // completed stays complete, so the pick is practice, says so, and reports nothing.
  await page.reload();
  await widgetsReady(page);
  await listenForReports(page);
  await pick('shoe');
  assert.equal(await said(), RIGHT + PRACTICE);
  assert.deepEqual(await reports(), [], 'a pick on a later visit reports nothing');
  assert.deepEqual(await saved(), { score: 0, best: 0, complete: true }, 'the first pick of an earlier visit is kept');

  // A miss, the page left before finding the column: after the reload the right pick completes the
  // game at the recorded 0 and says it was not the first pick.
  await page.evaluate(() => localStorage.removeItem('dw:lesson:data-features-labels'));
  await page.reload();
  await widgetsReady(page);
  await pick('size (m²)');
  await page.reload();
  await widgetsReady(page);
  await listenForReports(page);
  await pick('shoe');
  assert.equal(await said(), RIGHT + LATE);
  assert.deepEqual(await reports(), [['dw:score', 0, true], ['dw:complete', 0, true]]);
  assert.deepEqual(await saved(), { score: 0, best: 0, complete: true });

  // A right first pick: 1 of 1, and a later visit's miss is practice: it reports and lowers nothing.
  await page.evaluate(() => localStorage.removeItem('dw:lesson:data-features-labels'));
  await page.reload();
  await widgetsReady(page);
  await pick('shoe');
  assert.deepEqual(await saved(), { score: 1, best: 1, complete: true });
  await page.reload();
  await widgetsReady(page);
  await listenForReports(page);
  await pick('bedrooms');
  assert.match(await said(), /\(Practice: your first pick is the one your progress records\.\)$/);
  assert.deepEqual(await reports(), []);
  assert.deepEqual(await saved(), { score: 1, best: 1, complete: true });

  // Progress forgotten after the page opened (a reset in another tab clears the saved record under
  // an open page): the next pick here is the first again, and is recorded as one.
  await page.reload();
  await widgetsReady(page);
  await page.evaluate(() => localStorage.removeItem('dw:lesson:data-features-labels'));
  await listenForReports(page);
  await pick('shoe');
  assert.equal(await said(), RIGHT);
  assert.deepEqual(await reports(), [['dw:score', 1, true], ['dw:complete', 1, true]]);
  assert.deepEqual(await saved(), { score: 1, best: 1, complete: true });
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The widget is titled "A tiny house dataset" after seed 001's table, so that table's three houses
// (60 m², 2 bedrooms, shoe 42, 180k; 95, 3, 38, 270k; 120, 4, 44, 340k) are among its rows, with
// the engine's six; in all nine, in order of size, the price climbs while the shoe size does not.
test('house table: seed 001\'s three houses are in the table, nine houses in all, price climbing while shoe size jumps about', async () => {
  const page = await openPage(site, '/lessons/data-features-labels.html');
  const rows = await page.locator('.house-table-grid tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => Number(td.textContent))));
  assert.equal(rows.length, 9);
  for (const house of [[60, 2, 42, 180], [95, 3, 38, 270], [120, 4, 44, 340]]) {
    assert.ok(rows.some((r) => r.join() === house.join()), `seed house ${house} shown`);
  }
  const column = (j) => rows.map((r) => r[j]);
  assert.ok(column(3).every((v, i, a) => i === 0 || v > a[i - 1]), `price climbs: ${column(3)}`);
  assert.ok(column(0).every((v, i, a) => i === 0 || v >= a[i - 1]), `in order of size: ${column(0)}`);
  const shoe = column(2);
  assert.ok(shoe.some((v, i) => i > 0 && v < shoe[i - 1]) && shoe.some((v, i) => i > 0 && v > shoe[i - 1]), `shoe size goes up and down: ${shoe}`);
  assert.equal(await page.locator('.house-table-grid caption').textContent(), '9 houses: features and sale price');
  await page.close();
});
