// Chaos: seeded random clicks, drags, key presses and slider values (including the extremes)
// on every widget of every lesson. No uncaught error, no "NaN" shown, and the page still
// answers afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, widgetsReady } from './browser.mjs';
import { sitePages } from './pages.mjs';

const ACTIONS_PER_PAGE = Number(process.env.DW_CHAOS_ACTIONS || 50);
let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

function mulberry32(seed) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Shift+ArrowUp', 'Shift+ArrowRight', 'Enter', ' ', 'Escape', 'Tab', 'Delete', 'Home', 'End', 'PageUp'];

for (const url of sitePages().filter((u) => u.startsWith('/lessons/'))) {
  test(`chaos on ${url}`, async () => {
    const page = await site.newPage({ width: 1100 });
    await page.goto(`${site.base}${url}`);
    await widgetsReady(page);
    const rand = mulberry32(url.length * 7919 + 17);
    const pick = (n) => Math.floor(rand() * n);
    for (let i = 0; i < ACTIONS_PER_PAGE; i++) {
      const kind = pick(5);
      try {
        if (kind === 0) {
          const buttons = page.locator('.dw-card button:visible');
          const n = await buttons.count();
          if (n) await buttons.nth(pick(n)).click({ timeout: 2000 });
        } else if (kind === 1) {
          const sliders = page.locator('.dw-card input[type="range"]:visible');
          const n = await sliders.count();
          if (n) {
            const s = sliders.nth(pick(n));
            const [min, max] = await s.evaluate((el) => [Number(el.min), Number(el.max)]);
            const r = rand();
            const v = r < 0.2 ? min : r < 0.4 ? max : min + (max - min) * rand();
            await s.fill(String(v), { timeout: 2000 });
          }
        } else if (kind === 2 || kind === 3) {
          const canvases = page.locator('.dw-card canvas:visible');
          const n = await canvases.count();
          if (n) {
            const c = canvases.nth(pick(n));
            const box = await c.boundingBox();
            if (box) {
              const x = box.x + box.width * rand();
              const y = box.y + box.height * rand();
              if (kind === 2) await page.mouse.click(x, y);
              else {
                await page.mouse.move(x, y);
                await page.mouse.down();
                await page.mouse.move(box.x + box.width * rand(), box.y + box.height * rand(), { steps: 4 });
                await page.mouse.up();
              }
            }
          }
        } else {
          const focusables = page.locator('.dw-card canvas[tabindex], .dw-card button:visible, .dw-card input:visible');
          const n = await focusables.count();
          if (n) {
            await focusables.nth(pick(n)).focus();
            await page.keyboard.press(KEYS[pick(KEYS.length)]);
          }
        }
      } catch (err) {
        // A control that became hidden or disabled mid-action is fine; anything else is not.
        if (!/Timeout|not visible|detached|disabled|not an <input>|Element is not/.test(String(err.message))) throw err;
      }
    }
    await page.waitForTimeout(300);
    const texts = await page.locator('.dw-card').allTextContents();
    for (const t of texts) assert.ok(!/\bNaN\b/.test(t), `NaN shown: ${t.slice(0, 200)}`);
    const alive = await Promise.race([page.evaluate(() => 1 + 1), new Promise((r) => setTimeout(() => r('frozen'), 5000))]);
    assert.equal(alive, 2, 'the page still answers');
    assert.deepEqual(page.record.errors, []);
    await page.close();
  });
}
