// Shared steps for the Level 3 (course3) browser tests: open a lesson at a width, wait for its
// widgets, read readouts, and check the invariants every widget test asserts.
import assert from 'node:assert/strict';
import path from 'node:path';
import { offMachineRequests, outputDir, screenshot, widgetsReady } from './browser.mjs';

export async function openLesson(site, slug, { width = 1280, reducedMotion = 'no-preference' } = {}) {
  const page = await site.newPage({ width, reducedMotion });
  await page.goto(`${site.base}/lessons/${slug}.html`);
  await widgetsReady(page);
  return page;
}

// The readout value labelled `label` inside the card whose title is `title`.
export function card(page, title) {
  return page.locator('.dw-card', { has: page.locator('h3.dw-title', { hasText: title }) });
}

export async function stat(cardLocator, label) {
  return (await cardLocator.locator(`.dw-stat[data-stat="${label}"] .dw-stat-value`).textContent()).trim();
}

export async function canvasIsDrawn(canvas) {
  return canvas.evaluate((c) => {
    const ctx = c.getContext('2d');
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4 * 7) if (data[i] > 0) painted++;
    return painted > 200;
  });
}

export async function finish(page, name) {
  await screenshot(page, name);
  const cards = page.locator('.dw-card');
  for (let i = 0; i < await cards.count(); i++) await cards.nth(i).screenshot({ path: path.join(outputDir, `${name}-card${i}.png`) });
  const texts = await page.locator('.dw-card').allTextContents();
  for (const t of texts) assert.ok(!/\bNaN\b/.test(t), `NaN shown: ${t.slice(0, 160)}`);
  assert.equal(await page.locator('.katex-error').count(), 0, 'all math typesets');
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
}

// Runs fn(ml) in the page with the engine the site ships.
export function withEngine(page, fn, arg) {
  return page.evaluate(async ([source, a]) => {
    const { loadEngine } = await import('/engine/index.js');
    const ml = await loadEngine();
    // eslint-disable-next-line no-new-func
    return new Function('ml', 'arg', `return (${source})(ml, arg);`)(ml, a);
  }, [fn.toString(), arg]);
}
