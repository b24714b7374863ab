// axe-core in headless Chromium on every page (light and dark colour schemes): zero violations
// at WCAG 2.0/2.1 levels A and AA once every widget has mounted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { startSite, widgetsReady } from './browser.mjs';
import { sitePages } from './pages.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// Each page is loaded once and checked in both schemes (switching the emulated colour scheme
// restyles it in place), which halves the cost of mounting every widget twice.
for (const url of sitePages()) {
  test(`${url}: no WCAG A/AA violations in light or dark`, async () => {
    const page = await site.newPage({ width: 1280 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${site.base}${url}`);
    if (await page.locator('.dw-mount, dw-widget').count()) await widgetsReady(page);
    await page.addScriptTag({ content: axeSource });
    const audit = () => page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    assert.deepEqual(await audit(), [], 'light scheme');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(await audit(), [], 'dark scheme');
    await page.close();
  });
}
