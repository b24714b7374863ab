// How the benchmark times one hot path, the same in Node and in Chromium (bench/native/bench.cpp
// follows the same rules in C++). Three rules, each fixing a way a figure can mislead:
//
// 1. Warm up until the timings are stable. V8 runs WASM and JS first in a baseline tier and
//    swaps in optimised code later (docs/toolchain.md §22); a fixed short warm-up times baseline
//    code. We time windows of `window` consecutive samples and stop when the median of one window
//    differs from the previous window's by less than 5 %, after at least `minWarmMs`. If that
//    never happens before `maxWarmMs` the row is marked unstable (on a loaded machine it can be).
// 2. Interleave the compared implementations in rounds (WASM, JS, WASM, JS, … with the order
//    rotating), so that a change of machine load touches all of them alike.
// 3. Report the spread: the median and the interquartile range of the samples, not one number.
//
// A sample is `inner` calls timed together, `inner` chosen so a sample lasts about `sampleMs`
// (performance.now() in a page is coarsened to about 0.1 ms, so a sample must be much longer).

export const MODES = {
  // Checks the method in a minute or two; its figures are rough.
  quick: { sampleMs: 4, minWarmMs: 200, maxWarmMs: 1500, window: 3, samples: 7 },
  full: { sampleMs: 15, minWarmMs: 400, maxWarmMs: 6000, window: 5, samples: 21 },
};

const now = () => performance.now();
export const median = (xs) => quantile(xs, 0.5);

export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

// µs per call of `inner` calls of op.
function sample(op, inner) {
  const t0 = now();
  for (let i = 0; i < inner; i++) op();
  return ((now() - t0) * 1000) / inner;
}

// The number of calls that lasts about ms milliseconds at a per-call cost of perCallUs.
const callsFor = (ms, perCallUs) => Math.max(1, Math.ceil((ms * 1000) / Math.max(perCallUs, 1e-3)));

// The calls of op that last about ms, from runs doubled until one lasts a quarter of that: a
// single call can be shorter than the clock's tick (a page's performance.now() is coarsened to
// 0.1 ms), and a call read as free would make each sample millions of calls long.
function callsLasting(op, ms) {
  for (let n = 1; ; n *= 2) {
    const us = sample(op, n);
    if (us * n >= (ms * 1000) / 4 || n >= 2 ** 26) return callsFor(ms, us);
  }
}

// Warms op up (rule 1); returns { inner, warmMs, stable, windows }.
export function warmUp(op, mode) {
  const t0 = now();
  // Calibrate from the cold cost, then again from each window's median, so a sample keeps its
  // length once the optimised code is in.
  let inner = callsLasting(op, mode.sampleMs);
  let previous = NaN;
  let windows = 0;
  for (;;) {
    const times = [];
    for (let k = 0; k < mode.window; k++) times.push(sample(op, inner));
    const m = median(times);
    windows++;
    const elapsed = now() - t0;
    const settled = Math.abs(m - previous) < 0.05 * previous;
    previous = m;
    inner = callsFor(mode.sampleMs, m);
    if (settled && elapsed >= mode.minWarmMs) return { inner, warmMs: elapsed, stable: true, windows };
    if (elapsed >= mode.maxWarmMs) return { inner, warmMs: elapsed, stable: false, windows };
  }
}

// Times the implementations of one row (an object name → op), interleaved (rule 2). Returns, per
// name, the raw samples (µs per call, times `scale`) and the warm-up record; summarise() turns
// samples from one or several runs into median and IQR (rule 3).
export function measureRow(impls, mode, { scale = 1 } = {}) {
  const names = Object.keys(impls);
  const warm = {};
  for (const name of names) warm[name] = warmUp(impls[name], mode);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < mode.samples; r++)
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r) % names.length];
      samples[name].push(sample(impls[name], warm[name].inner) * scale);
    }
  return Object.fromEntries(names.map((n) => [n, { samples: samples[n], warmMs: warm[n].warmMs, stable: warm[n].stable, inner: warm[n].inner }]));
}

// Pools the samples of several runs of one implementation of one row.
export function summarise(runs) {
  const samples = runs.flatMap((r) => r.samples);
  return {
    median: median(samples),
    q1: quantile(samples, 0.25),
    q3: quantile(samples, 0.75),
    n: samples.length,
    stable: runs.every((r) => r.stable),
    warmMs: Math.max(...runs.map((r) => r.warmMs)),
  };
}
