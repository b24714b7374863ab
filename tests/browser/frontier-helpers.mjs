// Shared checks for the Frontier/neural widget tests: one card by index, its readouts, its
// message, a screenshot of just that card, and the engine loaded inside the page.
import path from 'node:path';
import { outputDir } from './browser.mjs';

export function card(page, index) { return page.locator('.dw-card').nth(index); }

export async function stat(scope, label) {
  return (await scope.locator(`.dw-stat[data-stat="${label}"] .dw-stat-value`).first().textContent()).trim();
}

export async function message(scope) { return (await scope.locator('.dw-message').first().textContent()).trim(); }

export async function cardShot(scope, name) {
  await scope.scrollIntoViewIfNeeded();
  await scope.screenshot({ path: path.join(outputDir, `${name}.png`) });
}

export async function ink(scope, nth = 0) {
  return scope.locator('canvas').nth(nth).evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const s = new Set();
    for (let k = 0; k < d.length; k += 16) s.add((d[k] << 16) | (d[k + 1] << 8) | d[k + 2]);
    return s.size;
  });
}

export async function noNaNInCards(page) {
  const texts = await page.locator('.dw-card').allTextContents();
  return texts.every((t) => !/\bNaN\b/.test(t));
}

// Runs fn(ml, args) inside the page with the page's own engine.
export async function inEngine(page, fn, args = null) {
  return page.evaluate(async ({ src, a }) => {
    const { loadEngine } = await import('/engine/index.js');
    const ml = await loadEngine();
    // eslint-disable-next-line no-new-func
    return new Function('ml', 'a', `return (${src})(ml, a);`)(ml, a);
  }, { src: fn.toString(), a: args });
}
