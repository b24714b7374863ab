// A browser whose WebAssembly lacks SIMD128 or exceptions (the engine is built with both) sees a
// sentence that names the browsers that work in every widget, never a blank widget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, widgetsReady } from './browser.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('without WebAssembly SIMD128 every widget says so and names the browsers that work', async () => {
  const page = await site.newPage();
  // Pretend to be an engine without SIMD: refuse any module that uses the 0xfd prefix.
  await page.addInitScript(() => {
    const validate = WebAssembly.validate.bind(WebAssembly);
    WebAssembly.validate = (bytes) => !new Uint8Array(bytes).includes(0xfd) && validate(bytes);
  });
  await page.goto(`${site.base}/lessons/frontier-bias-variance.html`);
  await widgetsReady(page);
  const hosts = await page.locator('.dw-mount').count();
  const messages = await page.locator('.dw-message[data-tone="bad"]').allTextContents();
  assert.ok(hosts >= 2);
  assert.equal(messages.length, hosts);
  for (const m of messages) assert.match(m, /lacks WebAssembly SIMD128\. The lessons work in Chrome or Edge 95 or later, Firefox 100 or later, or Safari 16\.4 or later/);
  await page.close();
});
