// Wide tables (web/lib/table.js): a table wider than its box scrolls inside a labelled region, a
// line above it says "Scroll sideways for more →" while there is more to the right, and the region
// takes the keyboard focus only while there is something to scroll. Checked on a lesson's own
// Markdown table (the deep-RL methods) and on a widget's table (the gradient-descent steps).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { afterNextFrame, startSite, snap, openPage } from './browser.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// The region, its hint line and their state, for the table holding `selector`.
async function stateOf(page, selector) {
  return page.locator(selector).evaluate((table) => {
    const region = table.closest('.dw-table-wrap');
    const hint = region && region.parentElement.querySelector('.dw-table-hint');
    const labelled = region && region.getAttribute('aria-labelledby');
    return {
      role: region && region.getAttribute('role'),
      name: region && (region.getAttribute('aria-label') || (labelled && document.getElementById(labelled).textContent) || ''),
      overflows: !!region && region.scrollWidth > region.clientWidth + 1,
      tabindex: region && region.getAttribute('tabindex'),
      hint: hint ? hint.textContent : null,
      hintHeight: hint ? hint.getBoundingClientRect().height : 0,
      boxHeight: region ? region.parentElement.getBoundingClientRect().height : 0,
    };
  });
}
// A resize or scroll is handled by the region's ResizeObserver or scroll listener within the next
// frames; a fixed wait was too short on a loaded machine.
const settle = afterNextFrame;
// Arrow keys scroll smoothly, over several frames: waits until the region's scroll position has
// not moved for five frames (two frames were not enough on the CI machine).
const scrollSettled = (region) => region.evaluate((r) => new Promise((resolve) => {
  let last = NaN, still = 0;
  const check = () => {
    still = r.scrollLeft === last ? still + 1 : 0;
    last = r.scrollLeft;
    if (still >= 5) resolve(); else requestAnimationFrame(check);
  };
  check();
}));

test('a lesson table wider than a phone says it scrolls, until the learner reaches its right end or the screen is wide', async () => {
  const page = await openPage(site, '/lessons/deep-q-learning.html', { width: 375, height: 800 });
  await settle(page);
  const table = 'table:has(th:text-is("method"))';
  const hint = page.locator('.dw-table-box', { has: page.locator(table) }).locator('.dw-table-hint');
  let s = await stateOf(page, table);
  assert.equal(s.role, 'region');
  assert.equal(s.name, 'Table: method, family, actions, the key idea, where it is used');
  assert.ok(s.overflows, 'the five-column table is wider than a 375 px phone');
  assert.equal(await hint.isVisible(), true, 'the hint shows while columns are out of sight');
  assert.equal(s.hint, 'Scroll sideways for more →');
  assert.equal(s.tabindex, '0', 'the region can be focused to scroll it with the keyboard');
  await snap(page.locator('.dw-table-box', { has: page.locator(table) }), 'table-wrap-lesson-375');

  // The keyboard scrolls it: focus the region, then arrow keys move it to the right end.
  const region = page.locator('.dw-table-wrap', { has: page.locator(table) });
  await region.focus();
  const heightBefore = s.boxHeight;
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
  await scrollSettled(region);
  assert.ok(await region.evaluate((r) => r.scrollLeft + r.clientWidth >= r.scrollWidth - 1), 'arrow keys scrolled to the right end');
  assert.equal(await hint.isVisible(), false, 'no hint once the right end is reached');
  s = await stateOf(page, table);
  assert.equal(s.boxHeight, heightBefore, 'the hint keeps its line, so the table does not jump while scrolling');
  // Back at the start there is more to the right again.
  await region.evaluate((r) => { r.scrollLeft = 0; });
  await settle(page);
  assert.equal(await hint.isVisible(), true);
  await region.evaluate((r) => r.blur());

  // Wide enough for the whole table: no hint, and nothing to focus.
  await page.setViewportSize({ width: 1280, height: 800 });
  await settle(page);
  s = await stateOf(page, table);
  assert.equal(s.overflows, false);
  assert.equal(await hint.isVisible(), false, 'no hint when the whole table fits');
  assert.equal(s.hintHeight, 0, 'and no empty line for it');
  assert.equal(s.tabindex, null, 'a region with nothing to scroll is not a tab stop');
  await snap(page.locator('.dw-table-box', { has: page.locator(table) }), 'table-wrap-lesson-1280');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('a widget table that overflows on a phone gets the same hint and focusable region; the focus stays when it stops overflowing', async () => {
  const page = await openPage(site, '/lessons/how-models-learn.html', { width: 375, height: 800 });
  await settle(page);
  const table = 'table.dw-table:has(th:text-is("∂L/∂w"))';
  const hint = page.locator('.dw-table-box', { has: page.locator(table) }).locator('.dw-table-hint');
  let s = await stateOf(page, table);
  assert.equal(s.role, 'region');
  assert.match(s.name, /^Parameters, prediction, error, gradients and loss/, 'the region is named by the table\'s caption');
  assert.ok(s.overflows, 'eight columns are wider than a 375 px phone');
  assert.equal(await hint.isVisible(), true);
  assert.equal(s.hint, 'Scroll sideways for more →');
  assert.equal(s.tabindex, '0');
  await snap(page.locator('.dw-card', { has: page.locator(table) }), 'table-wrap-widget-375');

  // The learner tabbed into the region, then the window widened: the region keeps the focus
  // (and its tabindex) until the focus moves on, instead of dropping it to the page body.
  const region = page.locator('.dw-table-wrap', { has: page.locator(table) });
  await region.focus();
  await page.setViewportSize({ width: 1280, height: 800 });
  await settle(page);
  s = await stateOf(page, table);
  assert.equal(s.overflows, false);
  assert.equal(await hint.isVisible(), false, 'no hint when the table fits');
  assert.equal(await region.evaluate((r) => r === document.activeElement), true, 'the focus stays on the region');
  await page.keyboard.press('Tab');
  await settle(page);
  assert.equal((await stateOf(page, table)).tabindex, null, 'once the focus left, the region is no longer a tab stop');

  // Narrow again: the hint comes back.
  await page.setViewportSize({ width: 375, height: 800 });
  await settle(page);
  assert.equal(await hint.isVisible(), true);
  assert.equal((await stateOf(page, table)).tabindex, '0');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('the generated-houses preview keeps the price header above its pinned column while the features scroll', async () => {
  const page = await openPage(site, '/lessons/data-features-labels.html', { width: 375, height: 800 });
  await settle(page);
  const region = page.locator('.dw-table-wrap.build-dataset-preview');
  assert.equal(await region.evaluate((r) => r.scrollWidth > r.clientWidth + 1), true, 'eight columns scroll on a phone');
  const hint = page.locator('.dw-table-box', { has: region }).locator('.dw-table-hint');
  assert.equal(await hint.isVisible(), true);
  for (const at of ['start', 'end']) {
    if (at === 'end') { await region.evaluate((r) => { r.scrollLeft = r.scrollWidth; }); await settle(page); }
    const columns = await region.evaluate((r) => {
      r.scrollIntoView({ block: 'center' });
      const box = r.getBoundingClientRect();
      const price = r.querySelector('tbody td.dw-label-col').getBoundingClientRect();
      // The header a learner sees above the price column: the one drawn on top at that spot.
      const row = r.querySelector('thead tr').getBoundingClientRect();
      const seen = document.elementFromPoint(price.left + price.width / 2, row.top + row.height / 2);
      const header = seen && seen.closest('th');
      return { header: header && header.textContent, inView: price.right <= box.right + 1 };
    });
    assert.equal(columns.header, 'price (k)', `at the ${at}, the pinned price column's header says price`);
    assert.ok(columns.inView, 'the price column is in view');
  }
  assert.equal(await hint.isVisible(), false, 'no hint at the right end');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Tables once built by hand beside tableWrap: the threshold's 2 × 2 confusion matrix and the
// playground's metrics and confusion matrix. Each sits in a named region; with the text doubled
// (a learner's large-text setting) on a 375 px phone, a table wider than the card scrolls in its
// box and says so, and never reaches past the card.
test('the threshold and playground tables scroll in named regions at 375 px with large text, never past the card', async () => {
  const cases = [
    { lesson: 'classification-metrics', table: 'table.threshold-confusion', name: 'Confusion matrix at the current threshold' },
    { lesson: 'neural-network-playground', table: 'table.nnp-metric-table', name: 'Metrics on the training and test points' },
    { lesson: 'neural-network-playground', table: 'table.nnp-confusion', name: 'Confusion matrix (test points): rows true class, columns predicted' },
  ];
  for (const { lesson, table, name } of cases) {
    const page = await openPage(site, `/lessons/${lesson}.html`, { width: 375, height: 800 });
    await page.locator(table).first().scrollIntoViewIfNeeded();
    let s = await stateOf(page, `${table} >> nth=0`);
    assert.equal(s.role, 'region', `${table} sits in a scrolling region`);
    assert.equal(s.name, name);
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    await settle(page);
    s = await stateOf(page, `${table} >> nth=0`);
    // (The site's navigation is wider than a phone at double text; what counts here is the card.)
    const past = await page.locator(table).first().evaluate((t) => {
      const card = t.closest('.dw-card').getBoundingClientRect();
      const shown = (t.closest('.dw-table-wrap') || t).getBoundingClientRect();
      return Math.round(shown.right - card.right);
    });
    assert.ok(past <= 0, `${table} at large text reaches ${past} px past its card`);
    assert.ok(s.overflows, `${table} at double text is wider than a phone's card: it scrolls in its box`);
    assert.equal(s.hint, 'Scroll sideways for more →');
    await snap(page.locator('.dw-table-box', { has: page.locator(table) }).first(), `table-wrap-${table.replace(/\W+/g, '-')}-375-large`);
    await page.close();
  }
});
