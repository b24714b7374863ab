// The runtime speaks through one message function (web/lib/messages.js): a widget inside an
// element with lang="xx" shows the xx table's words for Share, the Predict box and CSV
// import, and English for what that table lacks; a widget beside it on the same page,
// under the page's own lang="en", stays English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, openPage } from './browser.mjs';

const hostDir = path.resolve(import.meta.dirname, '../../dist/test-messages');
let site;

before(async () => {
  fs.mkdirSync(hostDir, { recursive: true });
  fs.writeFileSync(path.join(hostDir, 'two-languages.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Two languages</title><link rel="icon" href="../favicon.svg">
<script type="module" src="xx.js"></script><script type="module" src="../embed.js"></script></head><body><main>
<div lang="xx"><dw-widget id="xx" name="fit-line"></dw-widget></div>
<dw-widget id="plain" name="fit-line"></dw-widget>
</main></body></html>`);
  fs.writeFileSync(path.join(hostDir, 'xx.js'), `import { addMessages } from '../lib/messages.js';
addMessages('xx', { 'predict.legend': 'XX predict', 'predict.lock': 'XX lock', 'share.button': 'XX share', 'csv.import': 'XX import' });
`);
  site = await startSite();
});
after(async () => { await site.close(); fs.rmSync(hostDir, { recursive: true, force: true }); });

test('a widget under lang="xx" uses the xx words and English for the rest; its neighbour stays English', async () => {
  const page = await openPage(site, '/test-messages/two-languages.html');
  const words = (id) => page.evaluate((host) => {
    const root = document.getElementById(host).shadowRoot;
    const text = (sel) => root.querySelector(sel)?.textContent.trim();
    return {
      legend: text('.dw-predict legend'), lock: text('.dw-predict button'), share: text('.dw-share-toggle'),
      imp: text('.dw-file-label'), play: [...root.querySelectorAll('.dw-controls button')].map((b) => b.textContent.trim()),
    };
  }, id);
  const xx = await words('xx');
  assert.equal(xx.legend, 'XX predict');
  assert.equal(xx.lock, 'XX lock');
  assert.equal(xx.share, 'XX share');
  assert.equal(xx.imp, 'XX import');
  // The xx table has no word for Export CSV: English stands in, key by key.
  assert.ok(xx.play.includes('Export CSV'), `buttons: ${xx.play.join(' | ')}`);
  const plain = await words('plain');
  assert.equal(plain.legend, 'Predict, then check');
  assert.equal(plain.lock, 'Lock in my prediction');
  assert.equal(plain.share, 'Share');
  assert.equal(plain.imp, 'Import CSV');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
