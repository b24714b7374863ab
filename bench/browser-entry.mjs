// Runs the shared workloads inside Chromium (copied with the page into dist/__bench__/ by run.mjs).
import { loadEngine } from '../engine/index.js';
import { runWorkloads } from './workloads.mjs';

const ml = await loadEngine();
window.benchResult = runWorkloads(ml);
