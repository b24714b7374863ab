// Firefox ESR (Debian's firefox-esr) driven over WebDriver BiDi by puppeteer-core: no separate
// driver binary and no downloaded browser. One browser, one tab, reused for every page.
import fs from 'node:fs';
import puppeteer from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

export async function launchFirefox() {
  if (!fs.existsSync(FIREFOX)) throw new Error(`Firefox ESR is not installed at ${FIREFOX}: run bash scripts/setup.sh (apt package firefox-esr)`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    // No updates, telemetry or first-run pages: nothing may leave the machine.
    extraPrefsFirefox: { 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.enabled': false },
  });
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
  return {
    name: 'firefox',
    version: await browser.version(),
    async viewport(width, height) { await page.setViewport({ width, height }); },
    async goto(url) { consoleErrors.length = 0; await page.goto(url, { waitUntil: 'load', timeout: 60000 }); },
    eval(expression) { return page.evaluate(expression); },
    async run(script) { await page.evaluate(script); },
    async click(x, y) { await page.mouse.click(x, y); },
    async drag(x1, y1, x2, y2) {
      await page.mouse.move(x1, y1);
      await page.mouse.down();
      await page.mouse.move(x2, y2, { steps: 4 });
      await page.mouse.up();
    },
    async press(key) { await page.keyboard.press(key); },
    async type(text) { await page.keyboard.type(text); },
    async screenshot(file) { await page.screenshot({ path: file }); },
    driverErrors() { return [...consoleErrors]; },
    async close() { await browser.close(); },
  };
}
