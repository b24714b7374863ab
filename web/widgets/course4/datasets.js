// Two-class 2-D data sets for the Level 4 widgets, all from the engine's seeded generators, with
// a plotting box that fits them (a little padding around the points' extent).
export const DATASETS = ['moons', 'xor', 'circles', 'blobs'];

export function makeDataset(ml, name, n, noise, seed) {
  let d;
  switch (name) {
    case 'xor': d = ml.makeXor(n, noise * 0.5, seed); break;
    case 'circles': d = ml.makeCircles(n, noise * 0.4, 0.5, seed); break;
    case 'blobs': d = ml.makeBlobs(n, 2, 0.6 + noise * 2, seed); break;
    default: d = ml.makeMoons(n, noise, seed);
  }
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
