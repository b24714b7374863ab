// `npm run bench`: one run measures every hot path natively (bench/native), in WASM under Node,
// in WASM inside Chromium and as plain JS in both, prints the ratios, adds page metrics from
// Chromium, and writes bench/REPORT.md. Wall-clock numbers are reported, never asserted in tests.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { loadEngine } from '../dist/engine/index.js';
import { runWorkloads } from './workloads.mjs';
import { startSite } from '../tests/browser/browser.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const buildRoot = process.env.BUILD_ROOT || path.join(root, 'build');

const LABELS = {
  lr_gd_step_10k: 'linear regression GD step, 10 000 points',
  mlp_step: 'MLP 2-16-16-1 tanh, Adam step (batch 10)',
  mlp_grid_200: 'MLP 200×200 grid prediction (float64)',
  mlp_grid_200_f32: 'MLP 200×200 grid prediction (float32 path)',
  tfp_largest_step: 'TF Playground largest net (7-8×6-1) SGD step',
  kmeans_step_5k: 'k-means step, 5 000 points, k = 5',
  tree_fit_500: 'decision tree full fit, 500 points',
};

console.log('native …');
const native = JSON.parse(execFileSync(path.join(buildRoot, 'native', 'dw_bench_native'), { encoding: 'utf8' }));
console.log('WASM and JS in Node …');
const nodeRun = runWorkloads(await loadEngine());

console.log('WASM and JS in Chromium …');
const benchDir = path.join(dist, '__bench__');
fs.mkdirSync(path.join(benchDir, 'js'), { recursive: true });
for (const f of ['workloads.mjs', 'browser-entry.mjs']) fs.copyFileSync(path.join(root, 'bench', f), path.join(benchDir, f));
for (const f of fs.readdirSync(path.join(root, 'bench', 'js'))) fs.copyFileSync(path.join(root, 'bench', 'js', f), path.join(benchDir, 'js', f));
fs.writeFileSync(path.join(benchDir, 'index.html'), '<!doctype html><title>bench</title><script type="module" src="browser-entry.mjs"></script>');
const site = await startSite();
let browserRun;
const pageMetrics = {};
try {
  const page = await site.newPage();
  await page.goto(`${site.base}/__bench__/index.html`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 300000 });
  browserRun = await page.evaluate(() => window.benchResult);
  await page.close();

  // Page metrics on the first lesson.
  const lesson = await site.newPage();
  const bytes = [];
  lesson.on('response', async (r) => { try { bytes.push({ url: r.url(), size: (await r.body()).length }); } catch { /* redirects have no body */ } });
  const t0 = Date.now();
  await lesson.goto(`${site.base}/lessons/how-models-learn.html`);
  await lesson.locator('.dw-card canvas').first().waitFor();
  pageMetrics.firstInteractiveMs = Date.now() - t0;
  await lesson.waitForLoadState('networkidle');
  pageMetrics.rawBytes = bytes.reduce((s, b) => s + b.size, 0);
  pageMetrics.gzipBytes = bytes.reduce((s, b) => {
    const file = path.join(dist, decodeURIComponent(new URL(b.url).pathname));
    return s + (fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file)).length : b.size);
  }, 0);
  pageMetrics.requests = bytes.length;
  await lesson.close();

  // Frame time while the busiest foundation animation runs (Fit the line's auto-fit).
  const anim = await site.newPage();
  await anim.goto(`${site.base}/lessons/fit-the-line.html`);
  await anim.locator('.dw-card canvas').first().waitFor();
  await anim.getByRole('button', { name: 'Auto-fit' }).click();
  pageMetrics.frameMs = await anim.evaluate(() => new Promise((resolve) => {
    const times = [];
    let last = performance.now();
    const tick = (now) => { times.push(now - last); last = now; if (times.length < 90) requestAnimationFrame(tick); else { times.sort((a, b) => a - b); resolve(times[Math.floor(times.length / 2)]); } };
    requestAnimationFrame(tick);
  }));
  await anim.close();
} finally {
  await site.close();
  fs.rmSync(benchDir, { recursive: true, force: true });
}

const wasmFile = path.join(dist, 'engine', 'dw-engine.wasm');
const jsGlue = path.join(dist, 'engine', 'dw-engine.mjs');
const size = (f) => ({ raw: fs.statSync(f).size, gzip: zlib.gzipSync(fs.readFileSync(f)).length });
const wasmSize = size(wasmFile);
const glueSize = size(jsGlue);

const f1 = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const rows = Object.keys(LABELS).map((k) => {
  const n = native[k]; const wn = nodeRun[k].wasm; const jn = nodeRun[k].js; const wc = browserRun[k].wasm; const jc = browserRun[k].js;
  return [LABELS[k], f1(n), f1(wn), f1(wc), jn !== undefined ? f1(jn) : '–', jc !== undefined ? f1(jc) : '–',
    `${(wc / n).toFixed(2)}×`, jc !== undefined ? `${(jc / wc).toFixed(2)}×` : '–'];
});
const header = ['hot path', 'native µs', 'WASM Node µs', 'WASM Chromium µs', 'JS Node µs', 'JS Chromium µs', 'WASM÷native (Chromium)', 'JS÷WASM (Chromium)'];
const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
const machine = `${os.cpus()[0].model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
const report = `# Performance report

Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.
Every number is a median over repeated runs, measured in one run of the command. Lower is better; a ratio
above 1 in the last column means the WASM engine is faster than plain JavaScript.

${table}

Build flags: \`-O2 -DNDEBUG -ffp-contract=off\`, wasm exceptions (\`-fwasm-exceptions\`), \`ALLOW_MEMORY_GROWTH\`.

## Page metrics (Chromium, first lesson "How does a model learn?")

| metric | value |
|---|---|
| time to first interactive widget | ${pageMetrics.firstInteractiveMs} ms |
| bytes transferred | ${(pageMetrics.rawBytes / 1024).toFixed(0)} KiB raw, ${(pageMetrics.gzipBytes / 1024).toFixed(0)} KiB gzip, ${pageMetrics.requests} requests |
| WASM module | ${(wasmSize.raw / 1024).toFixed(0)} KiB raw, ${(wasmSize.gzip / 1024).toFixed(0)} KiB gzip |
| JS glue | ${(glueSize.raw / 1024).toFixed(0)} KiB raw, ${(glueSize.gzip / 1024).toFixed(0)} KiB gzip |
| median frame time, Fit the line auto-fit | ${pageMetrics.frameMs.toFixed(1)} ms |
`;
fs.writeFileSync(path.join(root, 'bench', 'REPORT.md'), report);
console.log(`\n${report}`);
