// The leakage lesson's made-up table: pure-noise measurements and a city column (data only;
// every score shown comes from the engine). Exported so the lesson's claims test and the browser
// test rebuild exactly the same inputs.
import { seededRandom as rng } from '../../lib/rng.js';

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
