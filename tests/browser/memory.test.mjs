// Memory: 10 000 engine steps leave the WASM heap flat. (Mounting and destroying every widget is
// checked, JS heap included, in widget-lifecycle.test.mjs.) The numbers are printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite } from './browser.mjs';

const hostDir = path.resolve(import.meta.dirname, '../../dist/test-memory');
let site;
before(async () => {
  fs.mkdirSync(hostDir, { recursive: true });
  fs.writeFileSync(path.join(hostDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>memory</title>
<link rel="icon" href="../favicon.svg"><link rel="stylesheet" href="../css/tokens.css"><link rel="stylesheet" href="../css/widget.css">
<script type="module">
import { widgets } from '../widgets/registry.js';
import { loadEngine } from '../engine/index.js';
window.memoryTest = { widgets, loadEngine };
</script></head><body><main id="host"></main></body></html>`);
  site = await startSite();
});
after(async () => {
  await site.close();
  fs.rmSync(hostDir, { recursive: true, force: true });
});

test('10 000 engine steps keep the WASM heap flat', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/test-memory/index.html`);
  await page.waitForFunction(() => window.memoryTest);
  const delta = await page.evaluate(async () => {
    const ml = await window.memoryTest.loadEngine();
    const d = ml.makeMoons(200, 0.1, 1);
    const m = new ml.LinearRegression();
    m.setData(d.X, 2, d.y);
    m.setLearningRate(0.01);
    for (let i = 0; i < 100; i++) m.step();
    const before = ml.heapBytesInUse();
    for (let i = 0; i < 10000; i++) { m.step(); m.predictGrid(-1, 2, -1, 1.5, 20, 20); }
    const after = ml.heapBytesInUse();
    m.delete();
    return after - before;
  });
  console.log(`memory: 10 000 steps + grids: WASM heap Δ ${delta} B (the trace keeps one row per step)`);
  assert.ok(delta < 10000 * 6 * 8 * 2 + 65536, `heap grew by ${delta}`);
});
