// The built site works with no network and under a strict Content-Security-Policy: every page
// is visited with every non-localhost request blocked (and counted), served with
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// and must make zero outside requests, log no console errors (CSP violations are console
// errors) and show every widget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, widgetsReady } from './browser.mjs';
import { sitePages } from './pages.mjs';
import { STRICT_CSP as CSP } from '../../scripts/serve.mjs';

let site;
before(async () => { site = await startSite({ csp: CSP }); });
after(async () => { await site.close(); });

for (const url of [...sitePages(), '/embed.html?w=fit-line&seed=5', '/embed.html?w=no-such-widget']) {
  test(`${url} works offline under a strict CSP`, async () => {
    const page = await site.newPage({ width: 1024 });
    const blocked = [];
    await page.route((u) => !/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(u.href) && !/^(data|blob|about):/.test(u.href), (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
    const response = await page.goto(`${site.base}${url}`);
    assert.equal(response.headers()['content-security-policy'], CSP);
    if (await page.locator('.dw-mount, dw-widget').count()) await widgetsReady(page);
    if (url.startsWith('/embed.html?w=fit')) await page.locator('.dw-card canvas').first().waitFor();
    if (url.includes('no-such-widget')) {
      assert.match(await page.locator('.dw-message').textContent(), /Unknown widget "no-such-widget"/);
    }
    // A widget that could not start (e.g. the engine refused by the policy) is a failure too.
    const dead = await page.locator('.dw-message[data-tone="bad"]', { hasText: 'could not start' }).count();
    assert.equal(dead, 0, 'a widget could not start');
    assert.deepEqual(blocked, []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  });
}
