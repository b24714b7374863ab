// Data for the playground: every random number comes from the engine's seeded generators
// (makeCircles, makeXor, makeBlobs, makeSpiral, makeMoons, makeLinear); JS only rescales them
// onto the shared square [−6, 6]² (geometry) and assembles the two regression sets from engine
// draws. Also: the engine's seeded train/validation/test split, CSV import/export with
// messages in words, and a compact encoding of your own points for the URL hash.
import { DOMAIN, MAX_POINTS } from './settings.js';
import { SEED_MAX } from '../../lib/schema.js';

const shiftSeed = (seed, k) => (seed + 7919 * k) % SEED_MAX;

// Noise slider (percent) → the generator's standard deviation, in the generator's own units.
const unitNoise = (pct) => (pct / 100) * 0.5;

function affine(d, scale, cx = 0, cy = 0) {
  const X = new Float64Array(d.rows * 2);
  for (let i = 0; i < d.rows; i++) {
    X[2 * i] = clampDomain((d.X[2 * i] - cx) * scale);
    X[2 * i + 1] = clampDomain((d.X[2 * i + 1] - cy) * scale);
  }
  return X;
}
const clampDomain = (v) => Math.max(-DOMAIN, Math.min(DOMAIN, v));

// Settings → { X (n×2 flat), y, kind: 'binary' | 'multiclass' | 'regression', classes }.
export function generate(ml, s) {
  const n = s.points;
  const noise = s.noise;
  switch (s.dataset) {
    case 'circle': { const d = ml.makeCircles(n, unitNoise(noise), 0.5, s.seed); return binary(affine(d, 5), d.y); }
    case 'xor': { const d = ml.makeXor(n, unitNoise(noise), s.seed); return binary(affine(d, 5), d.y); }
    case 'spiral': { const d = ml.makeSpiral(n, unitNoise(noise), s.seed); return binary(affine(d, 5.5), d.y); }
    case 'moons': { const d = ml.makeMoons(n, unitNoise(noise), s.seed); return binary(affine(d, 3.4, 0.5, 0.25), d.y); }
    case 'gauss': { const d = ml.makeBlobs(n, 2, 0.45 + noise / 50, s.seed); return binary(affine(d, 1.4), d.y); }
    case 'blobs3': {
      const d = ml.makeBlobs(n, 3, 0.45 + noise / 50, s.seed);
      return { X: affine(d, 1.6), y: Float64Array.from(d.y), kind: 'multiclass', classes: 3 };
    }
    case 'plane': {
      // y = (x₁ + x₂)/12 + N(0, σ²): two engine draws of makeLinear give x₁ (with the noise) and x₂.
      const a = ml.makeLinear(n, 1 / 12, 0, noise / 100, s.seed, -DOMAIN, DOMAIN);
      const b = ml.makeLinear(n, 1 / 12, 0, 0, shiftSeed(s.seed, 1), -DOMAIN, DOMAIN);
      const X = new Float64Array(n * 2);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) { X[2 * i] = a.X[i]; X[2 * i + 1] = b.X[i]; y[i] = a.y[i] + b.y[i]; }
      return { X, y, kind: 'regression', classes: 0 };
    }
    case 'multigauss': {
      // Four engine blobs; each blob's points carry one target level (+1, −1, +1, −1) plus
      // engine Gaussian noise (makeLinear with slope 0 is pure N(0, σ²)).
      const d = ml.makeBlobs(n, 4, 0.6 + noise / 50, s.seed);
      const e = ml.makeLinear(n, 0, 0, noise / 100, shiftSeed(s.seed, 2), 0, 1);
      const levels = [1, -1, 1, -1];
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) y[i] = levels[d.y[i]] + e.y[i];
      return { X: affine(d, 1.6), y, kind: 'regression', classes: 0 };
    }
    default: throw new RangeError(`unknown data set ${s.dataset}`);
  }
}

function binary(X, y) { return { X, y: Float64Array.from(y), kind: 'binary', classes: 2 }; }

// Kind of a labelled set: whole labels 0/1 → binary, 0…2 with a 2 → multiclass, else regression.
export function kindOf(y) {
  let whole = true;
  let max = 0;
  for (const v of y) {
    if (!(Number.isInteger(v) && v >= 0 && v <= 2)) whole = false;
    if (v > max) max = v;
  }
  if (!whole) return { kind: 'regression', classes: 0 };
  return max >= 2 ? { kind: 'multiclass', classes: 3 } : { kind: 'binary', classes: 2 };
}

// The engine's seeded, stratified (for classes) split into train / validation / test indices.
export function split(ml, data, s) {
  const testFraction = 1 - s.trainPct / 100;
  const validationFraction = s.earlyStop ? (s.trainPct / 100) * 0.2 : 0;
  const n = data.y.length;
  const stratify = data.kind !== 'regression';
  const parts = ml.trainValidationTestSplit(stratify ? Array.from(data.y) : n, validationFraction, testFraction, s.seed, stratify);
  return { train: parts.train, validation: parts.validation, test: parts.test };
}

export function subset(data, idx) {
  const X = new Float64Array(idx.length * 2);
  const y = new Float64Array(idx.length);
  idx.forEach((r, i) => { X[2 * i] = data.X[2 * r]; X[2 * i + 1] = data.X[2 * r + 1]; y[i] = data.y[r]; });
  return { X, y, rows: idx.length };
}

// ---- your own points in the URL: base64url of [kind byte, then per point int16 x, y, label ×1000] ----
export function encodePoints(data) {
  const n = data.y.length;
  const buf = new DataView(new ArrayBuffer(1 + n * 6));
  buf.setUint8(0, data.kind === 'regression' ? 1 : 0);
  const q = (v) => Math.max(-32767, Math.min(32767, Math.round(v * 1000)));
  for (let i = 0; i < n; i++) {
    buf.setInt16(1 + 6 * i, q(data.X[2 * i]), true);
    buf.setInt16(3 + 6 * i, q(data.X[2 * i + 1]), true);
    buf.setInt16(5 + 6 * i, q(data.y[i]), true);
  }
  let bin = '';
  const bytes = new Uint8Array(buf.buffer);
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodePoints(text) {
  let bin;
  try { bin = atob(String(text).replace(/-/g, '+').replace(/_/g, '/')); } catch { throw new RangeError('the encoded points in the address are damaged'); }
  if (bin.length < 1 || (bin.length - 1) % 6 !== 0) throw new RangeError('the encoded points in the address have the wrong length');
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  const view = new DataView(bytes.buffer);
  const n = Math.min(MAX_POINTS, (bytes.length - 1) / 6);
  const regression = view.getUint8(0) === 1;
  const X = new Float64Array(n * 2);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    X[2 * i] = clampDomain(view.getInt16(1 + 6 * i, true) / 1000);
    X[2 * i + 1] = clampDomain(view.getInt16(3 + 6 * i, true) / 1000);
    const label = view.getInt16(5 + 6 * i, true) / 1000;
    y[i] = regression ? label : Math.max(0, Math.min(2, Math.round(label)));
  }
  const k = regression ? { kind: 'regression', classes: 0 } : kindOf(y);
  return { X, y, ...k };
}

// Your own points: add (at a = {x, y} with `label`), delete (index a) or move (index a to b).
// Returns { data } or { problem } in words (with data too when the edit went through anyway).
export function editedData(data, action, a, b, label) {
  const n = data.y.length;
  const X = Array.from(data.X);
  const y = Array.from(data.y);
  if (action === 'add') {
    if (n >= MAX_POINTS) return { problem: `At most ${MAX_POINTS} points; delete some first.` };
    X.push(a.x, a.y);
    y.push(label);
  } else if (action === 'delete') {
    if (n <= 4) return { problem: 'Keep at least 4 points so there is something to train and test on.' };
    X.splice(2 * a, 2);
    y.splice(a, 1);
  } else {
    X[2 * a] = b.x;
    X[2 * a + 1] = b.y;
  }
  const regression = data.kind === 'regression';
  const classes = regression ? 0 : Math.max(...y) >= 2 ? 3 : 2;
  const next = { X: Float64Array.from(X), y: Float64Array.from(y), kind: regression ? 'regression' : classes === 3 ? 'multiclass' : 'binary', classes };
  if (!regression && new Set(y).size < 2) return { data: next, problem: 'Add points of both classes: a classifier needs at least two.' };
  return { data: next };
}

// ---- CSV ----
export function toCsv(data, testSet) {
  const lines = ['x1,x2,label,split'];
  for (let i = 0; i < data.y.length; i++) {
    lines.push(`${data.X[2 * i].toFixed(4)},${data.X[2 * i + 1].toFixed(4)},${data.kind === 'regression' ? data.y[i].toFixed(4) : data.y[i]},${testSet && testSet.has(i) ? 'test' : 'train'}`);
  }
  return `${lines.join('\n')}\n`;
}

// CSV text → data, or throws an Error whose message says in words what is wrong and where.
export function parseCsv(text) {
  if (typeof text !== 'string' || !text.trim()) throw new Error('The file is empty: expected lines "x1,x2,label".');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems = [];
  const xs = [];
  const ys = [];
  lines.forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const cells = t.split(/[,;\t]/).map((c) => c.trim());
    if (xs.length === 0 && ys.length === 0 && problems.length === 0 && cells.some((c) => c !== '' && !Number.isFinite(Number(c))) && /[a-z]/i.test(cells[0])) return; // header
    if (cells.length < 3) { problems.push(`line ${i + 1} has ${cells.length} value${cells.length === 1 ? '' : 's'}; expected x1, x2 and a label`); return; }
    const [a, b, c] = cells.slice(0, 3).map((v) => (v === '' ? NaN : Number(v)));
    if (![a, b, c].every(Number.isFinite)) { problems.push(`line ${i + 1} has a value that is not a number ("${cells.slice(0, 3).join(',').slice(0, 30)}")`); return; }
    if (Math.abs(a) > DOMAIN || Math.abs(b) > DOMAIN) { problems.push(`line ${i + 1}: the point (${a}, ${b}) lies outside the square −${DOMAIN} … ${DOMAIN}`); return; }
    if (Math.abs(c) > 30) { problems.push(`line ${i + 1}: the label ${c} is outside −30 … 30`); return; }
    xs.push(a, b);
    ys.push(c);
  });
  if (problems.length) {
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more problems)` : '';
    throw new Error(`The CSV could not be used: ${problems.slice(0, 3).join('; ')}${more}.`);
  }
  if (ys.length < 4) throw new Error(`The CSV holds ${ys.length} point${ys.length === 1 ? '' : 's'}; at least 4 are needed.`);
  if (ys.length > MAX_POINTS) throw new Error(`The CSV holds ${ys.length} points; at most ${MAX_POINTS} are allowed.`);
  const y = Float64Array.from(ys);
  const k = kindOf(y);
  if (k.kind !== 'regression' && new Set(ys).size < 2) throw new Error('Every point has the same class; a classifier needs at least two classes.');
  return { X: Float64Array.from(xs), y, ...k };
}
