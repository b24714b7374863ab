// Screenshots of representative pages in Firefox, WebKit and Chromium at 1280 and 375 px wide,
// for a person to compare (fonts, KaTeX, focus rings, widget layout):
//   node tests/cross-browser/screenshots.mjs      → test-output/cross-browser/<engine>-<page>-<width>-<part>.png
// Not part of npm test: it asserts nothing, it is for looking.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from '../../scripts/serve.mjs';
import { launchFirefox } from './firefox.mjs';
import { launchWebKit } from './webkit.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'test-output', 'cross-browser');
const PAGES = ['fit-the-line', 'neural-network-playground', 'how-models-learn'];
const WIDTHS = [[1280, 900], [375, 812]];
const PROBE = fs.readFileSync(path.join(import.meta.dirname, 'page-probe.js'), 'utf8');

async function launchChromium() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  return {
    name: 'chromium',
    async viewport(width, height) { await page.setViewportSize({ width, height }); },
    async goto(url) { await page.goto(url); },
    eval(expression) { return page.evaluate(expression); },
    async run(script) { await page.evaluate(script); },
    async press(key) { await page.keyboard.press(key); },
    async screenshot(file) { await page.screenshot({ path: file }); },
    async close() { await browser.close(); },
  };
}

fs.mkdirSync(out, { recursive: true });
const server = createServer(path.join(root, 'dist'));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const only = process.argv[2];
for (const launch of [launchFirefox, launchWebKit, launchChromium]) {
  const browser = await launch();
  if (only && browser.name !== only) { await browser.close(); continue; }
  for (const [width, height] of WIDTHS) {
    await browser.viewport(width, height);
    for (const name of PAGES) {
      await browser.goto(`${base}/lessons/${name}.html`);
      await browser.run(PROBE);
      await browser.eval('window.__dwProbe.whenReady(60000)');
      await browser.eval('document.fonts.ready.then(() => true)');
      const shot = (part) => browser.screenshot(path.join(out, `${browser.name}-${name}-${width}-${part}.png`));
      await shot('top');
      if (await browser.eval('window.__dwProbe.count()')) {
        await browser.eval('window.__dwProbe.settle(0, 3000)');
        // Focus the widget's first interactive canvas or control by keyboard (Tab), to see its focus ring.
        await browser.eval('(document.querySelector(".dw-card canvas[tabindex]") || document.querySelector(".dw-card button")).focus({ focusVisible: true }) || true');
        await browser.press('ArrowRight');
        await browser.eval('new Promise((r) => setTimeout(() => r(true), 400))');
        await shot('widget');
      }
    }
  }
  await browser.close();
  console.log(`screenshots: ${browser.name} done`);
}
server.close();
