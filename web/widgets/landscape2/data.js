// Data helpers for the landscape2 widgets (pipeline leakage, hyper-parameter search,
// distribution shift). Only data generation and trial placement live here — every score,
// statistic and fitted value shown to a learner comes from the engine. Exported so the
// browser tests can rebuild exactly the same inputs.

// A small seeded generator (mulberry32): the same seed gives the same numbers everywhere.
export function rng(seed) {
  let a = (seed >>> 0) || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A table of pure noise for the leakage lesson: `rows` × `features` measurements, each column with
// its own unit (centre and spread), about `missing` of the cells left empty (NaN), and labels
// alternating 0, 1 — so no column says anything about the label.
export function noiseTable(rows, features, seed, missing = 0.05) {
  const r = rng(seed);
  const X = new Array(rows * features);
  const centre = [];
  const spread = [];
  for (let j = 0; j < features; j++) {
    centre.push(Math.round((r() * 200 - 50)) / 2);
    spread.push([1, 5, 20, 0.5, 50][j % 5]);
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < features; j++) {
      // Box–Muller: a standard normal value from two uniforms.
      const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
      const v = centre[j] + spread[j] * z;
      X[i * features + j] = r() < missing ? NaN : Math.round(v * 100) / 100;
    }
  }
  const y = Array.from({ length: rows }, (_, i) => i % 2);
  return { X, y, rows, cols: features };
}

// A categorical column for the one-hot step: the city each row comes from, coded 0, 1, 2 in
// the order of CITIES (alphabetical, which is also the encoder's ascending category order).
// Every row is Lyon or Oslo at random except `rareRow`, the only Porto — so a split that puts
// that row in its test part leaves Porto unseen by an encoder fitted on the training part.
export const CITIES = ['Lyon', 'Oslo', 'Porto'];
export function cityColumn(rows, seed, rareRow) {
  const r = rng(seed * 31 + 5);
  return Array.from({ length: rows }, (_, i) => (i === rareRow ? 2 : r() < 0.5 ? 0 : 1));
}

// Grid search with a budget of B trials: g₁ × g₂ evenly spaced values (g₁ = ⌊√B⌋, g₂ = ⌊B/g₁⌋)
// over the log ranges, cell centres so no trial sits on the edge. Returns [{ logC, logG }].
export function gridTrials(budget, range) {
  const g1 = Math.max(1, Math.floor(Math.sqrt(budget)));
  const g2 = Math.max(1, Math.floor(budget / g1));
  const out = [];
  for (let i = 0; i < g2; i++) {
    for (let j = 0; j < g1; j++) {
      out.push({
        logC: range.c0 + ((i + 0.5) / g2) * (range.c1 - range.c0),
        logG: range.g0 + ((j + 0.5) / g1) * (range.g1 - range.g0),
      });
    }
  }
  return out;
}

// Random search: B points drawn uniformly over the log ranges with a seed.
export function randomTrials(budget, range, seed) {
  const r = rng(seed * 7919 + 17);
  return Array.from({ length: budget }, () => ({
    logC: range.c0 + r() * (range.c1 - range.c0),
    logG: range.g0 + r() * (range.g1 - range.g0),
  }));
}

export function mean(values) {
  let s = 0;
  for (const v of values) s += v;
  return values.length ? s / values.length : NaN;
}

// Splits engine blobs (labels alternate 0, 1, 0, 1, …) into two halves that each keep both
// classes: rows 0, 1, 4, 5, … train; rows 2, 3, 6, 7, … test.
export function splitBlobs(blobs) {
  const trainX = []; const trainY = []; const testX = []; const testY = [];
  for (let i = 0; i < blobs.rows; i++) {
    const toTrain = Math.floor(i / 2) % 2 === 0;
    (toTrain ? trainX : testX).push(blobs.X[2 * i], blobs.X[2 * i + 1]);
    (toTrain ? trainY : testY).push(blobs.y[i]);
  }
  return { trainX, trainY, testX, testY };
}

// Unit directions for the shift, from the model's weight vector w (normal to its boundary).
export const DIRECTIONS = {
  across: ([a, b]) => unit([a, b]),
  along: ([a, b]) => unit([-b, a]),
  diagonal: ([a, b]) => unit([a - b, b + a]),
};
function unit([a, b]) {
  const n = Math.hypot(a, b);
  return n > 0 ? [a / n, b / n] : [1, 0];
}

// Every row of a flat two-column table moved by shift × direction.
export function shiftRows(X, dir, shift) {
  const out = new Array(X.length);
  for (let i = 0; i < X.length; i += 2) { out[i] = X[i] + dir[0] * shift; out[i + 1] = X[i + 1] + dir[1] * shift; }
  return out;
}
