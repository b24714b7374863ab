// Helpers shared by the Level 4 (course4) browser tests.
import assert from 'node:assert/strict';
import { offMachineRequests } from './browser.mjs';

// The readout value of a stat in a card, as text.
export async function statText(card, label) {
  return (await card.locator(`.dw-stat[data-stat="${label}"] .dw-stat-value`).textContent()).trim();
}

// A canvas that has drawn something: more than one distinct colour in its pixels.
export async function canvasIsDrawn(locator) {
  return locator.evaluate((c) => {
    const ctx = c.getContext('2d');
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 97) {
      seen.add(`${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`);
      if (seen.size > 3) return true;
    }
    return false;
  });
}

// Runs fn(ml, args) inside the page with the site's own engine module.
export async function withEngine(page, fn, args = {}) {
  return page.evaluate(async ({ src, args: a }) => {
    const { loadEngine } = await import('/engine/index.js');
    const ml = await loadEngine();
    // eslint-disable-next-line no-new-func
    return new Function('ml', 'args', `return (${src})(ml, args);`)(ml, a);
  }, { src: fn.toString(), args });
}

// The checks every widget test ends with: no NaN shown, no console errors, nothing off the machine.
export async function assertClean(page) {
  const text = await page.locator('main').textContent();
  assert.ok(!/NaN/.test(text), 'no "NaN" text on the page');
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
}

// Starts collecting the course events widgets dispatch (dw:score, dw:complete), listening on
// document as web/js/progress.js does; read them back with reportedEvents(page).
export async function listenForReports(page) {
  await page.evaluate(() => {
    window.__dwReports = [];
    for (const type of ['dw:score', 'dw:complete']) document.addEventListener(type, (e) => window.__dwReports.push({ type, ...e.detail }));
  });
}
export async function reportedEvents(page) {
  return page.evaluate(() => window.__dwReports.slice());
}
