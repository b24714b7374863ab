// Embedding in someone else's page: <dw-widget> with hostile attributes and hostile host CSS,
// and the iframe embed's postMessage protocol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PLAY_TIMEOUT, screenshot, startSite, openPage } from './browser.mjs';

const hostDir = path.resolve(import.meta.dirname, '../../dist/test-host');
let site;
before(async () => {
  fs.mkdirSync(hostDir, { recursive: true });
  fs.writeFileSync(path.join(hostDir, 'element.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="../favicon.svg">
<style>* { color: red !important; font-size: 40px !important; } section, div { display: inline !important; }</style>
<script type="module" src="../embed.js"></script></head><body><main>
<h1>A course page</h1>
<dw-widget id="a" name="fit-line" seed="abc" points="100000" noise="-3" onclick="window.pwned = 1"></dw-widget>
<dw-widget id="b" name="&lt;img src=x onerror=window.pwned=1&gt;"></dw-widget>
<dw-widget id="c" name="gd-walkthrough" eta="0.5"></dw-widget>
</main></body></html>`);
  fs.writeFileSync(path.join(hostDir, 'frame.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frame host</title><link rel="icon" href="../favicon.svg">
<script>window.messages = []; addEventListener('message', (e) => { window.messages.push(e.data); if (e.data && e.data.type === 'dw:resize') document.querySelector('iframe').height = e.data.height; });</script>
</head><body><iframe title="widget" src="../embed.html?w=gd-walkthrough&eta=7&x=2" width="600" height="200"></iframe></body></html>`);
  site = await startSite();
});
after(async () => {
  await site.close();
  fs.rmSync(hostDir, { recursive: true, force: true });
});

test('<dw-widget> validates attributes, never renders them as HTML, and is isolated from host CSS', async () => {
  const page = await openPage(site, '/test-host/element.html', { width: 1100 });
  const a = page.locator('#a');
  const note = await a.locator('.dw-notes').textContent();
  assert.match(note, /seed="abc" is not a number/);
  assert.match(note, /points=100000 is above 200; using 200/);
  assert.match(note, /noise=-3 is below 0; using 0/);
  const b = await page.locator('#b .dw-message').textContent();
  assert.match(b, /Unknown widget "<img src=x onerror=window.pwned=1>"/);
  assert.equal(await page.locator('#b').evaluate((el) => el.shadowRoot.querySelectorAll('img').length), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  // The host's aggressive CSS does not reach inside the widget.
  const style = await a.locator('.dw-card').evaluate((el) => ({ display: getComputedStyle(el).display, color: getComputedStyle(el).color, size: getComputedStyle(el).fontSize }));
  assert.equal(style.display, 'block');
  assert.notEqual(style.color, 'rgb(255, 0, 0)');
  assert.equal(style.size, '16px');
  assert.notEqual(await page.locator('#b .dw-message').evaluate((el) => getComputedStyle(el).color), 'rgb(255, 0, 0)');
  // Two widgets share one engine: both work.
  await page.locator('#c').getByRole('button', { name: 'Step', exact: true }).click();
  assert.equal(await page.locator('#c .dw-stat[data-stat="step"] .dw-stat-value').textContent(), '1');
  await screenshot(page, 'embed-element-host');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('iframe embed posts its height and clamps URL parameters with a note', async () => {
  const page = await site.newPage({ width: 800 });
  await page.goto(`${site.base}/test-host/frame.html`);
  await page.waitForFunction(() => window.messages.some((m) => m.type === 'dw:resize' && m.height > 400), null, { timeout: PLAY_TIMEOUT });
  const resize = await page.evaluate(() => window.messages.find((m) => m.type === 'dw:resize'));
  assert.equal(resize.source, 'data-workshop');
  assert.equal(resize.widget, 'gd-walkthrough');
  const frame = page.frameLocator('iframe');
  assert.match(await frame.locator('.dw-notes').textContent(), /eta=7 is above 2; using 2/);
  // Unknown or malformed messages are ignored; dw:update is applied.
  await page.evaluate(() => {
    const w = document.querySelector('iframe').contentWindow;
    w.postMessage('garbage', '*');
    w.postMessage({ type: 'dw:update', options: 'nope' }, '*');
    w.postMessage({ type: 'dw:update', options: { w0: 1, b0: 1 } }, '*');
  });
  await frame.locator('.dw-stat[data-stat="w"] .dw-stat-value', { hasText: '1.0000' }).waitFor();
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
