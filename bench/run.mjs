// `npm run bench` (full) or `npm run bench:quick` (a short run that checks the method): measures
// every hot path natively (bench/native), in WASM and plain JS under Node, and in WASM and plain
// JS inside Chromium, with the method of bench/timing.mjs (warm-up until stable, the compared
// implementations interleaved, median and IQR). The three environments also take turns: the run
// makes several passes, each starting with a different one, and pools each row's samples over
// the passes, so a change of machine load during the run touches all of them. Then it adds page
// metrics from Chromium and writes bench/REPORT.md (the quick mode writes bench/REPORT-quick.md).
// Wall-clock numbers are reported, never asserted in tests.
//   node bench/run.mjs [--quick] [--passes=N] [--only=row,row] [--no-pages] [--no-native]
// BENCH_OUT names the report file instead of bench/REPORT.md (or test-output/bench-quick.md).
// BUILD_ROOT picks the native build (default build/), DIST the built site (default dist/).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { runWorkloads } from './workloads.mjs';
import { MODES, summarise } from './timing.mjs';
import { measureFirstPage } from './first-page.mjs';
import { startSite } from '../tests/browser/browser.mjs';
import { measurePlayground, PLAYGROUND_HASH } from './playground-frame.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.resolve(process.env.DIST || path.join(root, 'dist'));
const buildRoot = process.env.BUILD_ROOT || path.join(root, 'build');

const LABELS = {
  call_overhead: 'per-call overhead: a trivial bound method (JS: a plain method, which the JIT inlines)',
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
  cnn_step: 'digits CNN (8 conv 3×3 → pool → 10), Adam mini-batch step of 32 8×8 images, lean',
  cnn_test_360: 'digits CNN test accuracy over 360 8×8 images (the widget: every 25 steps)',
  transfer_step: 'fine-tune network (64 → 32 ReLU → 10), Adam mini-batch step of 32 images',
  quantised_test_360: 'the same network quantised to 4 bits per channel, test accuracy over 360 images',
  rnn_lstm_step: 'LSTM (8 units) BPTT step on a 60-step window, traced',
  rnn_frame: 'recurrent-sequence frame: 4 LSTM steps + series run + forecast + gradient flow',
  dqn_step: 'deep Q-learning: one move + one Adam step on a replay batch of 32 (2→32→32→4 ReLU net)',
  dqn_frame: 'deep-q "fast" frame: 40 moves with learning + 40×40 value map + 10×10 greedy arrows',
};
// TensorFlow Playground's largest configuration, one frame's work (bench/workloads.mjs, TFP_*).
const FRAME_LABELS = {
  tfp_train_epoch: 'train: one epoch (25 lean steps) + dataLoss()',
  tfp_map_200: 'output map 200×200 (predictGridFloat32; JS: float64)',
  tfp_neurons_24: 'every neuron\'s thumbnail, neuronGridFloat32 24×24',
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const mode = quick ? 'quick' : 'full';
const only = (args.find((a) => a.startsWith('--only=')) || '').slice(7).split(',').filter(Boolean);
const withPages = !args.includes('--no-pages') && !only.length;
const passesArg = args.find((a) => a.startsWith('--passes='));
const PASSES = passesArg ? Math.max(1, Number(passesArg.slice(9)) || 1) : quick ? 1 : 3;

const started = Date.now();
const cpus = os.cpus();
// --from-json=FILE makes the report again from a run's saved data (the .json beside a report);
// --add-native=FILE adds the samples of a separate run of dw_bench_native (its JSON output), for a
// run made with --no-native.
const fromJson = (args.find((a) => a.startsWith('--from-json=')) || '').slice(12);
const addNative = (args.find((a) => a.startsWith('--add-native=')) || '').slice(13);

async function measure() {
  const machine = `${cpus[0].model}, ${cpus.length} logical cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const loads = [{ at: 'start', load: os.loadavg() }];
  const { loadEngine } = await import(pathToFileURL(path.join(dist, 'engine', 'index.js')).href);
  const ml = await loadEngine();

  const benchDir = path.join(dist, '__bench__');
  fs.mkdirSync(path.join(benchDir, 'js'), { recursive: true });
  for (const f of ['workloads.mjs', 'timing.mjs', 'browser-entry.mjs']) fs.copyFileSync(path.join(root, 'bench', f), path.join(benchDir, f));
  for (const f of fs.readdirSync(path.join(root, 'bench', 'js'))) fs.copyFileSync(path.join(root, 'bench', 'js', f), path.join(benchDir, 'js', f));
  fs.writeFileSync(path.join(benchDir, 'index.html'), '<!doctype html><title>bench</title><script type="module" src="browser-entry.mjs"></script>');
  const site = await startSite({ dir: dist, browser: 'full' });

  // runs[env][row][impl] = [run, run, …] (one per pass)
  const runs = { native: {}, node: {}, chromium: {} };
  const keep = (env, result) => {
    for (const [row, impls] of Object.entries(result))
      for (const [impl, run] of Object.entries(impls)) ((runs[env][row] ??= {})[impl] ??= []).push(run);
  };
  const nativeArgs = [...(quick ? ['--quick'] : []), ...(only.length ? [`--only=${only.join(',')}`] : [])];
  let playground;
  const pageMetrics = {};
  let firstPages = [];
  try {
    const benchPage = await site.newPage();
    await benchPage.goto(`${site.base}/__bench__/index.html`);
    await benchPage.waitForFunction(() => window.benchReady, null, { timeout: 120000 });
    const envs = {
      native: () => ({ native: JSON.parse(execFileSync(path.join(buildRoot, 'native', 'dw_bench_native'), nativeArgs, { encoding: 'utf8', maxBuffer: 1 << 24 })) }),
      node: () => runWorkloads(ml, { mode, only: only.length ? only : null }),
      chromium: () => benchPage.evaluate((o) => window.runBench(o), { mode, only: only.length ? only : null }),
    };
    if (args.includes('--no-native')) delete envs.native;
    const order = Object.keys(envs);
    for (let p = 0; p < PASSES; p++)
      for (let k = 0; k < order.length; k++) {
        const env = order[(k + p) % order.length];
        const t0 = Date.now();
        console.log(`pass ${p + 1}/${PASSES}: ${env} …`);
        const result = await envs[env]();
        if (env === 'native') for (const [row, run] of Object.entries(result.native)) ((runs.native[row] ??= {}).native ??= []).push(run);
        else keep(env, result);
        console.log(`  ${((Date.now() - t0) / 1000).toFixed(0)} s, load ${os.loadavg()[0].toFixed(1)}`);
      }
    await benchPage.close();
    loads.push({ at: 'end of the hot-path passes', load: os.loadavg() });

    if (withPages) {
      // Page metrics: the first lesson of each level (bench/first-page.mjs), cache off.
      console.log('first pages …');
      firstPages = await measureFirstPage(site, { dist });

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
      console.log('playground …');
      playground = await measurePlayground(site, { seconds: 4 });
    }
  } finally {
    await site.close();
    fs.rmSync(benchDir, { recursive: true, force: true });
  }
  loads.push({ at: 'end', load: os.loadavg() });
  return { machine, loads, runs, firstPages, pageMetrics, playground };
}
const saved = fromJson ? JSON.parse(fs.readFileSync(fromJson, 'utf8')) : await measure();
const { machine, loads, runs, firstPages, pageMetrics, playground } = saved;
const passes = saved.passes ?? PASSES;
if (addNative) for (const [row, run] of Object.entries(JSON.parse(fs.readFileSync(addNative, 'utf8')))) ((runs.native[row] ??= {}).native ??= []).push(run);

const wasmFile = path.join(dist, 'engine', 'dw-engine.wasm');
const jsGlue = path.join(dist, 'engine', 'dw-engine.mjs');
const size = (f) => ({ raw: fs.statSync(f).size, gzip: zlib.gzipSync(fs.readFileSync(f)).length });
const wasmSize = size(wasmFile);
const glueSize = size(jsGlue);
// The core module (web/engine/index.js): what the first levels' pages load instead.
const coreWasmSize = size(path.join(dist, 'engine', 'dw-core.wasm'));
const coreGlueSize = size(path.join(dist, 'engine', 'dw-core.mjs'));

// Each cell: median, then the interquartile range in brackets, of every sample of every pass;
// † marks a cell whose warm-up never settled (the medians of two consecutive windows stayed
// more than 5 % apart until the cap), which on a loaded machine happens.
const stat = (env, row, impl) => { const r = runs[env][row]?.[impl]; return r ? summarise(r) : undefined; };
const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v >= 0.01 ? v.toFixed(3) : v.toExponential(1));
const cell = (s) => (s ? `${fmt(s.median)} (${fmt(s.q1)}–${fmt(s.q3)})${s.stable ? '' : ' †'}` : '–');
const ratio = (a, b) => (a && b ? `${(a.median / b.median).toFixed(2)}×` : '–');
const timesOf = (k) => ({ n: stat('native', k, 'native'), wn: stat('node', k, 'wasm'), wc: stat('chromium', k, 'wasm'), jn: stat('node', k, 'js'), jc: stat('chromium', k, 'js') });
const rowOf = (label, t) => [label, cell(t.n), cell(t.wn), cell(t.wc), cell(t.jn), cell(t.jc),
  ratio(t.wn, t.n), ratio(t.wc, t.n), ratio(t.jn, t.wn), ratio(t.jc, t.wc), ratio(t.jc, t.n)];
// The last column is the ceiling of JS÷WASM in Chromium: what it would be if the WASM ran exactly as fast as
// native code. Where it is below 3, the JS÷WASM ≥ 3 target would need WASM faster than native C++.
const header = ['hot path', 'native µs', 'WASM Node µs', 'WASM Chromium µs', 'JS Node µs', 'JS Chromium µs',
  'WASM÷native (Node)', 'WASM÷native (Chromium)', 'JS÷WASM (Node)', 'JS÷WASM (Chromium)', 'JS (Chromium)÷native'];
const tableOf = (rows) => [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
const measured = (k) => runs.node[k] || runs.native[k];
const table = tableOf(Object.keys(LABELS).filter(measured).map((k) => rowOf(LABELS[k], timesOf(k))));
const frameKeys = Object.keys(FRAME_LABELS).filter(measured);
// The total of the frame's three parts: sums of the medians (the spread of a sum is not the sum of spreads; none shown).
const frameTotal = Object.fromEntries(['n', 'wn', 'wc', 'jn', 'jc'].map((e) => {
  const parts = frameKeys.map((k) => timesOf(k)[e]);
  return [e, parts.every(Boolean) && parts.length ? { median: parts.reduce((s, p) => s + p.median, 0) } : undefined];
}));
const totalCell = (s) => (s ? fmt(s.median) : '–');
const frameTable = tableOf([...frameKeys.map((k) => rowOf(FRAME_LABELS[k], timesOf(k))),
  ['**total of the three** (sum of medians)', ...['n', 'wn', 'wc', 'jn', 'jc'].map((e) => totalCell(frameTotal[e])),
    ratio(frameTotal.wn, frameTotal.n), ratio(frameTotal.wc, frameTotal.n), ratio(frameTotal.jn, frameTotal.wn), ratio(frameTotal.jc, frameTotal.wc), ratio(frameTotal.jc, frameTotal.n)]]);
const ms = (v) => `${v.toFixed(1)} ms`;
const loadText = loads.map((l) => `${l.load.map((v) => v.toFixed(1)).join(' / ')} at the ${l.at}`).join('; ');
// Judged on the one-minute load at the end of the hot-path passes: there the bench has kept exactly one
// core busy for minutes (load ≈ 1), while the start's figure still carries whatever ran before the bench and
// the page measurements at the end run a browser's several processes. The machine counts as loaded when
// that load is above the bench's own 1 plus half the remaining cores.
const passesLoad = loads.find((l) => l.at.startsWith('end of the hot-path')) || loads[0];
const meanLoad = passesLoad.load[0];
const loaded = meanLoad > 1 + (cpus.length - 1) * 0.5;
const M = MODES[mode];

let report = `# Performance report

Generated by \`${quick ? 'npm run bench:quick' : 'npm run bench'}\` on ${new Date().toISOString().slice(0, 10)}${fromJson ? '' : ` in ${((Date.now() - started) / 60000).toFixed(0)} min`}${passes !== 3 && !quick ? ` with --passes=${passes}` : ''}.${addNative ? ' The native column comes from a separate run of `dw_bench_native` (`--add-native`), not interleaved with the others.' : ''}
Machine: ${machine}. Load average (1 / 5 / 15 min): ${loadText}.
${loaded ? `\n**These figures were taken on a loaded shared machine** (load average about ${meanLoad.toFixed(0)} on ${cpus.length} logical cores):
each process got only part of a core and was preempted at random, which inflates medians and widens
ranges unevenly. Ratios within one row are fairer than absolute times (the implementations were interleaved),
but the whole table must be retaken on an idle machine (\`npm run bench\`) before any figure is quoted.\n` : ''}
## How it is measured

Every implementation of a row (native C++, WASM and plain JS in Node, WASM and plain JS in Chromium) is timed the
same way (bench/timing.mjs; bench/native/bench.cpp follows the same rules):

- **Warm-up until stable**: windows of ${M.window} samples are timed until the median of one window is within 5 % of the
  previous window's, after at least ${M.minWarmMs} ms (V8 runs code in a baseline tier first and optimises it later);
  if that never happens within ${M.maxWarmMs / 1000} s the cell is marked †.
- **Samples**: a sample times enough calls to last about ${M.sampleMs} ms (the page's clock is coarse); each
  implementation takes ${M.samples} samples per pass.
- **Interleaved**: within a row, WASM and JS take turns sample by sample (the order rotating); the three environments
  take turns pass by pass (${passes} pass${passes > 1 ? 'es' : ''}, each starting with a different environment), and
  every cell pools its samples over the passes.
- **Spread**: each cell is the median µs per call with the interquartile range (25th–75th percentile) in brackets.
  Ratios are ratios of medians.

Lower is better; a ratio above 1 in the JS÷WASM columns means the WASM engine is faster than plain JavaScript.

${table}

Build flags: \`-O2 -DNDEBUG -ffp-contract=off\`, wasm exceptions (\`-fwasm-exceptions\`), \`-msimd128\`, \`ALLOW_MEMORY_GROWTH\`.
They are the winners of \`npm run bench:flags\` (full builds of each variant, measured in rotating rounds; table in
bench/FLAGS.md): -O3 is no faster and 6 % larger, -Os is about 7× slower, LTO is larger and no faster, and dropping
SIMD128 makes the heat-map kernels about 3× slower. Closure shrinks only the JS glue (about 7 KiB gzip) and needs a
pinned Java/native compiler package on every machine, so it is not used.

`;
if (playground) {
  const pt = playground.timings;
  const pageFrame = ['train', 'map', 'neurons', 'links', 'drawing'].reduce((t, k) => t + (pt[k] ?? 0), 0);
  const wc = (k) => stat('chromium', k, 'wasm')?.median ?? NaN;
  report += `## Neural-network playground frame

TensorFlow Playground's largest configuration: 7 input features (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂),
6 hidden layers of 8 tanh units, SGD at 0.03, batch 10, 250 training points (the playground's spiral).
One frame's work, µs:

${frameTable}

The real page in Chromium (\`lessons/neural-network-playground.html#${PLAYGROUND_HASH}\`,
${playground.trainingPoints ?? '?'} training points, speed "as fast as possible"), playing for 4 s at 1280 px (bench/playground-frame.mjs);
the widget's own timings are exponential averages per frame:

| metric | value |
|---|---|
| train (the frame's steps + losses) | ${ms(pt.train ?? NaN)} |
| output map (200×200 grid + colouring) | ${ms(pt.map ?? NaN)} |
| neuron thumbnails (24×24; a third of them each frame) | ${ms(pt.neurons ?? NaN)} |
| weight curves (every third frame, when one looks different) | ${ms(pt.links ?? NaN)} |
| drawing (output canvas, chart, readouts) | ${ms(pt.drawing ?? NaN)} |
| **the widget's work per frame (the five above)** | ${ms(pageFrame)} |
| frames per second (rAF intervals) | ${playground.fps.toFixed(1)} (median interval ${ms(playground.medianFrameMs)}, 95th percentile ${ms(playground.p95FrameMs ?? NaN)}) |
| training steps per frame | ${playground.stepsPerFrame.toFixed(0)} (${(playground.stepsPerFrame / 25).toFixed(1)} epochs) |
| input latency while training (click → end of the next frame, median of ${playground.clicks ?? 0}) | ${ms(playground.inputLatencyMs ?? NaN)} (worst ${ms(playground.inputLatencyMaxMs ?? NaN)}) |

How to read them: at 60 Hz a frame lasts 16.7 ms. The playground draws the map every frame (every other
frame where it costs more than 6 ms) and spreads the rest (thumbnails, curves, chart, text) over frames, so
each row is an average per frame; training gets what the drawing leaves of 11 ms, at most
\`FRAME_BUDGET_MS\` = 7 ms and, while frames come late, less (down to 1.5 ms), so the page stays smooth and
trains as fast as that allows. In Chromium one epoch of this network costs ${ms(wc('tfp_train_epoch') / 1000)} of WASM time;
a 200×200 map costs ${ms(wc('tfp_map_200') / 1000)} and all thumbnails ${ms(wc('tfp_neurons_24') / 1000)}.
TensorFlow Playground trains one epoch per frame and needs ≈51 ms for that frame at 100×100 (about 20 fps).

`;
}
if (firstPages.length) {
  const kib = (b) => `${(b / 1024).toFixed(0)} KiB`;
  report += `## First pages (Chromium, cache off; bench/first-page.mjs)

The first lesson of each level, loaded in a fresh page with the cache disabled; "engine" is the module its head
preloads (the core one when every widget and check on it needs only the core). "gzip" is what a host that
compresses sends (each response's body gzipped at level 9; the precompressed \`.gz\` files in dist/ are the same),
"first widget drawn" the time from navigation until the first widget's canvas has been painted.

| lesson | engine | responses | raw | gzip | brotli | WASM (gzip) | WASM request starts | first widget drawn |
|---|---|---|---|---|---|---|---|---|
${firstPages.map((p) => `| ${p.slug} | ${p.engine ?? '–'} | ${p.responses} | ${kib(p.raw)} | ${kib(p.gzip)} | ${kib(p.brotli)} | ${kib(p.wasmGzip)} | ${p.wasmStartMs === null ? '–' : `${p.wasmStartMs.toFixed(0)} ms`} | ${p.firstWidgetMs.toFixed(0)} ms |`).join('\n')}

| file | raw | gzip |
|---|---|---|
| WASM module, full (dw-engine) | ${kib(wasmSize.raw)} | ${kib(wasmSize.gzip)} |
| JS glue, full | ${kib(glueSize.raw)} | ${kib(glueSize.gzip)} |
| WASM module, core (dw-core) | ${kib(coreWasmSize.raw)} | ${kib(coreWasmSize.gzip)} |
| JS glue, core | ${kib(coreGlueSize.raw)} | ${kib(coreGlueSize.gzip)} |

`;
}
if (pageMetrics.frameMs !== undefined) report += `Median frame time while Fit the line auto-fits: ${pageMetrics.frameMs.toFixed(1)} ms.

`;
// The plan for the engine's split by family (hand-written, with sizes from bench/engine-size.mjs).
// Hand-written sections kept beside the generated ones: the rows against the targets, then the plan.
for (const f of ['rows.md', 'engine-split.md']) {
  const file = path.join(root, 'bench', f);
  if (fs.existsSync(file)) report += `${fs.readFileSync(file, 'utf8').trim()}\n\n`;
}
report += `## Reading these numbers

- Absolute times depend on the machine's load (above); ratios measured in the same run are more stable.
  Regenerate this file with \`npm run bench\` on an idle machine before quoting numbers.
- The per-call overhead row is the price of crossing from JS into WASM through embind for a trivial method
  (\`steps()\`, an int getter); the plain-JS method is inlined by the JIT, and the native row is a call through a
  function pointer. Every other row includes this overhead once per call.
- Every plain-JS baseline (\`bench/js/\`) computes what the engine computes, checked by
  \`tests/node/bench_baselines.test.mjs\`: the linear-regression step gives the engine's w, b and loss; k-means gives
  the same centroids, labels and inertia after every step; the CART tree has the same splits, size, depth and
  predictions; the SMO follows the same iterates (libsvm's second-order working-set selection, WSS 2, no shrinking,
  in both) and its decision values agree within the KKT tolerance; the MLP, given the engine's weights, gives the
  same grids, losses and steps.
- "Lean" MLP rows call \`setTracing(false)\`: a step only processes its mini-batch, as the JS baseline does.
  The "with per-step trace" row adds the full-data loss and the trace row the lesson widgets draw.
- The grid rows draw a network trained for 500 steps, the same weights in WASM and JS.
- k-means is timed over a whole run to convergence from one k-means++ start (the starting inertia, then
  Lloyd iterations until no label changes) and divided by the number of iterations; the JS does the same.
- The tree rows include sorting the columns (\`setData\`); the engine grows best-first, one split per step so a
  widget can animate growth, the JS depth-first; fully grown, both give the same tree.
- The SVM row includes building the 200×200 RBF kernel matrix (\`setData\`) and every SMO pair update.
- The float32 grid path (\`predictGridFloat32\`) is what the playground uses for its heat map.
`;
const out = process.env.BENCH_OUT ? path.resolve(process.env.BENCH_OUT) : quick ? path.join(root, 'test-output', 'bench-quick.md') : path.join(root, 'bench', 'REPORT.md');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, report);
fs.writeFileSync(out.replace(/\.md$/, '.json'), JSON.stringify({ machine, loads, mode, passes, runs, firstPages, pageMetrics, playground }, null, 1));
console.log(`\n${report}`);
console.log(`wrote ${path.relative(root, out)}; bench/run.mjs took ${((Date.now() - started) / 1000).toFixed(0)} s`);
