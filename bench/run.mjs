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
import { measurePlayground, PLAYGROUND_HASH } from './playground-frame.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const buildRoot = process.env.BUILD_ROOT || path.join(root, 'build');

const LABELS = {
  lr_gd_step_10k: 'linear regression GD step, 10 000 points',
  mlp_step: 'MLP 2-16-16-1 tanh, Adam step (batch 10), lean: setTracing(false)',
  mlp_step_traced: 'MLP 2-16-16-1 tanh, Adam step (batch 10), with per-step trace',
  mlp_grid_200: 'MLP 200×200 grid prediction (float64)',
  mlp_grid_200_f32: 'MLP 200×200 grid prediction (float32 path; JS: the float64 loop)',
  tfp_largest_step: 'TF Playground largest net (7-8×6-1) SGD step (batch 10), lean',
  kmeans_iter_5k: 'k-means Lloyd iteration (assign + update), 5 000 points, k = 5',
  tree_fit_500: 'decision tree full fit (Gini, unlimited depth), 500 points',
  tree_fit_500_traced: 'decision tree full fit, 500 points, with per-split trace',
  svm_fit_200: 'kernel SVM (RBF, C = 1, γ = 1) fit to convergence, 200 points',
  rnn_lstm_step: 'LSTM (8 units) BPTT step on a 60-step window, traced',
  rnn_frame: 'recurrent-sequence frame: 4 LSTM steps + series run + forecast + gradient flow',
};
// TensorFlow Playground's largest configuration, one frame's work (bench/workloads.mjs, TFP_*).
const FRAME_LABELS = {
  tfp_train_epoch: 'train: one epoch (25 lean steps) + dataLoss()',
  tfp_map_200: 'output map 200×200 (predictGridFloat32; JS: float64)',
  tfp_neurons_24: 'every neuron\'s thumbnail, neuronGridFloat32 24×24',
};

const started = Date.now();
const loadAtStart = os.loadavg();
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
let playground;
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

  // The neural-network playground at TensorFlow Playground's largest configuration.
  playground = await measurePlayground(site, { seconds: 4 });
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
const ratio = (a, b) => (a !== undefined && b !== undefined ? `${(a / b).toFixed(2)}×` : '–');
const cell = (v) => (v !== undefined ? f1(v) : '–');
const timesOf = (k) => ({ n: native[k], wn: nodeRun[k].wasm, wc: browserRun[k].wasm, jn: nodeRun[k].js, jc: browserRun[k].js });
const rowOf = (label, t) => [label, cell(t.n), cell(t.wn), cell(t.wc), cell(t.jn), cell(t.jc),
  ratio(t.wn, t.n), ratio(t.wc, t.n), ratio(t.jn, t.wn), ratio(t.jc, t.wc)];
const header = ['hot path', 'native µs', 'WASM Node µs', 'WASM Chromium µs', 'JS Node µs', 'JS Chromium µs',
  'WASM÷native (Node)', 'WASM÷native (Chromium)', 'JS÷WASM (Node)', 'JS÷WASM (Chromium)'];
const tableOf = (rows) => [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
const table = tableOf(Object.keys(LABELS).map((k) => rowOf(LABELS[k], timesOf(k))));
const frameTimes = Object.keys(FRAME_LABELS).map(timesOf);
const sum = (key) => frameTimes.reduce((s, t) => (s === undefined || t[key] === undefined ? undefined : s + t[key]), 0);
const frameTotal = { n: sum('n'), wn: sum('wn'), wc: sum('wc'), jn: sum('jn'), jc: sum('jc') };
const frameTable = tableOf([...Object.keys(FRAME_LABELS).map((k, i) => rowOf(FRAME_LABELS[k], frameTimes[i])),
  rowOf('**total of the three**', frameTotal)]);
const ms = (v) => `${v.toFixed(1)} ms`;
const pt = playground.timings;
const pageFrame = ['train', 'map', 'neurons', 'drawing'].reduce((t, k) => t + (pt[k] ?? NaN), 0);
const machine = `${os.cpus()[0].model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
const load = `load average ${loadAtStart.map((v) => v.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at the start`;
const report = `# Performance report

Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}; ${load}.
Every number is a median over repeated runs, measured in one run of the command. Lower is better; a ratio
above 1 in the JS÷WASM columns means the WASM engine is faster than plain JavaScript.

${table}

Build flags: \`-O2 -DNDEBUG -ffp-contract=off\`, wasm exceptions (\`-fwasm-exceptions\`), \`-msimd128\`, \`ALLOW_MEMORY_GROWTH\`.
They are the winners of \`npm run bench:flags\` (full builds of each variant, measured in rotating rounds; table in
bench/FLAGS.md): -O3 is no faster and 6 % larger, -Os is about 7× slower, LTO is larger and no faster, and dropping
SIMD128 makes the heat-map kernels about 3× slower. Closure shrinks only the JS glue (about 7 KiB gzip) and needs a
pinned Java/native compiler package on every machine, so it is not used.

## Neural-network playground frame

TensorFlow Playground's largest configuration: 7 input features (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂),
6 hidden layers of 8 tanh units, SGD at 0.03, batch 10, 250 training points (the playground's spiral).
One frame's work, µs:

${frameTable}

The real page in Chromium (\`lessons/neural-network-playground.html#${PLAYGROUND_HASH}\`,
${playground.trainingPoints ?? '?'} training points), playing for 4 s; the widget's own timings are exponential averages per frame:

| metric | value |
|---|---|
| train (the frame's steps + losses) | ${ms(pt.train ?? NaN)} |
| output map (100×100 grid + colouring) | ${ms(pt.map ?? NaN)} |
| neuron thumbnails (24×24) | ${ms(pt.neurons ?? NaN)} |
| drawing (canvas, links, chart, readouts) | ${ms(pt.drawing ?? NaN)} |
| **whole frame (the four above)** | ${ms(pageFrame)} |
| frames per second (rAF intervals) | ${playground.fps.toFixed(1)} (median interval ${ms(playground.medianFrameMs)}) |
| training steps per frame | ${playground.stepsPerFrame.toFixed(0)} (${(playground.stepsPerFrame / 25).toFixed(1)} epochs) |

How to read them: at 60 Hz a frame lasts 16.7 ms, and the playground gives the engine about half of it, about
8 ms: its steps per frame adapt so that training takes \`FRAME_BUDGET_MS\` = 7 ms, then the losses are read once;
the rest of the frame is for the map, the thumbnails and drawing. In Chromium one epoch of this network costs
${ms(browserRun.tfp_train_epoch.wasm / 1000)} of WASM time, so that budget holds about ${(8000 / browserRun.tfp_train_epoch.wasm).toFixed(0)} epochs per frame (the page
measured ${(playground.stepsPerFrame / 25).toFixed(1)}); a 200×200 map costs ${ms(browserRun.tfp_map_200.wasm / 1000)} (the page draws 100×100, a quarter of the cells)
and all thumbnails ${ms(browserRun.tfp_neurons_24.wasm / 1000)}. TensorFlow Playground trains one epoch per frame and needs ≈51 ms for
that frame at 100×100 (about 20 fps); compare it with the page's whole frame, ${ms(pageFrame)} above.

## Page metrics (Chromium, first lesson "How does a model learn?")

| metric | value |
|---|---|
| time to first interactive widget | ${pageMetrics.firstInteractiveMs} ms |
| bytes transferred | ${(pageMetrics.rawBytes / 1024).toFixed(0)} KiB raw, ${(pageMetrics.gzipBytes / 1024).toFixed(0)} KiB gzip, ${pageMetrics.requests} requests |
| WASM module | ${(wasmSize.raw / 1024).toFixed(0)} KiB raw, ${(wasmSize.gzip / 1024).toFixed(0)} KiB gzip |
| JS glue | ${(glueSize.raw / 1024).toFixed(0)} KiB raw, ${(glueSize.gzip / 1024).toFixed(0)} KiB gzip |
| median frame time, Fit the line auto-fit | ${pageMetrics.frameMs.toFixed(1)} ms |

## Reading these numbers

- Absolute times depend on the machine's load (above); ratios measured in the same run are more stable.
  Regenerate this file with \`npm run bench\` on an idle machine before quoting numbers.
- Every plain-JS baseline (\`bench/js/\`) computes what the engine computes, checked by
  \`tests/node/bench_baselines.test.mjs\`: k-means gives the same centroids, labels and inertia after every
  step; the CART tree has the same splits, size, depth and predictions; the SMO follows the same iterates
  (libsvm's second-order working-set selection, WSS 2, no shrinking, in both) and its decision values agree
  within the KKT tolerance; the MLP, given the engine's weights, gives the same grids, losses and steps.
- "Lean" MLP rows call \`setTracing(false)\`: a step only processes its mini-batch, as the JS baseline does.
  The "with per-step trace" row adds the full-data loss and the trace row the lesson widgets draw.
- k-means is timed over a whole run to convergence from one k-means++ start (the starting inertia, then
  Lloyd iterations until no label changes) and divided by the number of iterations; the JS does the same.
- The tree rows include sorting the columns (\`setData\`); the engine grows best-first, one split per step so a
  widget can animate growth, the JS depth-first; fully grown, both give the same tree.
- The SVM row includes building the 200×200 RBF kernel matrix (\`setData\`) and every SMO pair update.
- The float32 grid path (\`predictGridFloat32\`) is what the playground uses for its heat map.
`;
fs.writeFileSync(path.join(root, 'bench', 'REPORT.md'), report);
console.log(`\n${report}`);
console.log(`bench/run.mjs took ${((Date.now() - started) / 1000).toFixed(0)} s`);
