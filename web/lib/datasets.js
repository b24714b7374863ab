// The two-class 2-D data sets widgets offer, in one table, all from the engine's seeded
// generators. Two ways to ask for one:
//   loadDataset(ml, name, n, noise, seed)  the generator's own noise, shown in the fixed view box
//                                          `DATASETS[name].domain` (x0, x1, y0, y1);
//   makeDataset(ml, name, n, level, seed)  a noise level on one scale for every shape (`level`
//                                          mapped to each generator's noise), with a plotting box
//                                          fitted around the points (boxAround).
// Both return copies (safe to keep after the next engine call). The menu names are datasets.* in
// web/lib/messages-en.js (datasetOptions reads them through the widget's `t`).
export const DATASETS = {
  moons: { make: (ml, n, noise, seed) => ml.makeMoons(n, noise, seed), level: (v) => v, domain: [-1.5, 2.5, -1.25, 1.75] },
  xor: { make: (ml, n, noise, seed) => ml.makeXor(n, noise, seed), level: (v) => v * 0.5, domain: [-1.25, 1.25, -1.25, 1.25] },
  circles: { make: (ml, n, noise, seed) => ml.makeCircles(n, noise, 0.5, seed), level: (v) => v * 0.4, domain: [-1.5, 1.5, -1.5, 1.5] },
  blobs: { make: (ml, n, spread, seed) => ml.makeBlobs(n, 2, spread, seed), level: (v) => 0.6 + v * 2, domain: null },
};

// The names a noise-level widget offers, in the order of its menu.
export const DATASET_NAMES = ['moons', 'xor', 'circles', 'blobs'];

// [value, label] pairs for a select of the given data sets, named through `t` (ctx.t).
export function datasetOptions(names, t) {
  const label = { moons: t('datasets.moons'), xor: t('datasets.xor'), circles: t('datasets.circles'), blobs: t('datasets.blobs') };
  return names.map((k) => [k, label[k]]);
}

export function loadDataset(ml, name, n, noise, seed) {
  const d = DATASETS[name].make(ml, n, noise, seed);
  return { X: Float64Array.from(d.X), y: Float64Array.from(d.y), n: d.y.length };
}

export function makeDataset(ml, name, n, level, seed) {
  const set = DATASETS[name] || DATASETS.moons;
  const d = set.make(ml, n, set.level(level), seed);
  return { X: Float64Array.from(d.X), y: Float64Array.from(d.y), rows: d.rows, domain: boxAround(d.X, d.rows) };
}

export function boxAround(X, rows, pad = 0.12) {
  let x0 = Infinity; let x1 = -Infinity; let y0 = Infinity; let y1 = -Infinity;
  for (let i = 0; i < rows; i++) {
    x0 = Math.min(x0, X[2 * i]); x1 = Math.max(x1, X[2 * i]);
    y0 = Math.min(y0, X[2 * i + 1]); y1 = Math.max(y1, X[2 * i + 1]);
  }
  if (!Number.isFinite(x0)) return { x0: -1, x1: 1, y0: -1, y1: 1 };
  const px = Math.max(0.1, (x1 - x0) * pad); const py = Math.max(0.1, (y1 - y0) * pad);
  return { x0: x0 - px, x1: x1 + px, y0: y0 - py, y1: y1 + py };
}
