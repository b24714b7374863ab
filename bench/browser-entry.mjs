// The Chromium side of bench/run.mjs: loads the engine once and lets the runner call
// runBench(options) for each of its interleaved passes (bench/workloads.mjs runWorkloads).
import { loadEngine } from '../engine/index.js';
import { runWorkloads } from './workloads.mjs';

const ml = await loadEngine();
window.runBench = (options) => runWorkloads(ml, options);
window.benchReady = true;
