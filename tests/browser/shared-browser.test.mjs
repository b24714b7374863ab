// The one Chromium a test run shares (launchSharedChromium, as scripts/shared-chromium.mjs starts it):
// a test file's first page.exposeFunction must not fail because another file closes its pages at
// that moment. Unprimed, playwright installs its binding context-wide on that first call and it
// failed whenever a page of another connection closed meanwhile (8 of 8 tries; CI at stop 43).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { launchSharedChromium } from './browser.mjs';

test('a first exposeFunction succeeds while another connection closes its pages', async () => {
  const shared = await launchSharedChromium();
  const other = await chromium.connect(shared.endpoint);
  const mine = await chromium.connect(shared.endpoint);
  try {
    for (let round = 0; round < 3; round++) {
      const pages = await Promise.all(Array.from({ length: 10 }, () => other.contexts()[0].newPage()));
      const page = await mine.contexts()[0].newPage();
      const closing = Promise.all(pages.map((p, i) => new Promise((r) => setTimeout(r, i)).then(() => p.close())));
      await page.exposeFunction(`answer${round}`, () => 42);
      await closing;
      assert.equal(await page.evaluate((name) => window[name](), `answer${round}`), 42);
      await page.close();
    }
  } finally {
    await other.close();
    await mine.close();
    await shared.close();
  }
});
