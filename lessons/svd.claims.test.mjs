// Claims of lessons/svd.md, checked against the engine's SVD with the svd-compress widget's own
// pictures and defaults (web/lib/svd-pictures.js: smiley at k = 5, digit 3), the worked 2 × 2
// example, the PCA link (the PCA lesson's cloud: makeLinear(70, 0.6, 0, 0.55, seed 5, −3, 3), and
// 200 training digits), and the check-yourself computation by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations/linear-algebra.js';
import { evaluateComputation, parseComputation } from '../web/js/check-computations.js';
import { formatAxisAngle, formatNumber, formatPercent } from '../web/lib/format.js';
import { PICTURE_SIDE, PREDICT_ENERGY, SVD_DEFAULTS, energyBucket, makePicture, storedNumbers } from '../web/lib/svd-pictures.js';
import { digitSplits } from '../web/lib/digits.js';

const close = (a, b, tol, what = '') => assert.ok(Math.abs(a - b) <= tol, `${what} ${a} vs ${b}`);

function withSvd(values, cols, fn) {
  const s = new ml.SVD();
  try {
    s.decompose(values, cols);
    return fn(s);
  } finally {
    s.delete();
  }
}
const picture = (name, extra) => {
  const p = makePicture(name, extra);
  return (fn) => withSvd(p.values, p.cols, fn);
};

test('sign convention: the entry of u₁ largest in size is positive — [[−5, 0], [2, 0]] gives u₁ ≈ (0.928, −0.371)', () => {
  withSvd([-5, 0, 2, 0], 2, (s) => {
    const u = s.u();
    assert.deepEqual([u[0], u[2]].map((v) => formatNumber(v, 3)), ['0.928', '-0.371']);
  });
  // The lesson states the rule by size, with this example ("largest entry" read as the largest
  // number would accept (-0.928, 0.371) too).
  const text = readFileSync(new URL('./svd.md', import.meta.url), 'utf8');
  assert.match(text, /the entry of each \$\\mathbf u_i\$ that is largest in size is positive/);
  assert.match(text, /\\mathbf u_1 \\approx \(0\.928, -0\.371\)\$, not \$\(-0\.928, 0\.371\)/);
});

test('worked example [[3, 0], [4, 5]]: σ = √45, √5; u₁, v₁; A₁; error² = σ₂²; 90% of the energy', () => {
  withSvd([3, 0, 4, 5], 2, (s) => {
    const [s1, s2] = s.singularValues();
    close(s1, Math.sqrt(45), 1e-14); close(s2, Math.sqrt(5), 1e-14);
    assert.equal(formatNumber(s1, 3), '6.708');
    assert.equal(formatNumber(s2, 3), '2.236');
    const u = s.u();
    const vt = s.vt();
    assert.deepEqual([u[0], u[2]].map((v) => formatNumber(v, 3)), ['0.316', '0.949']);
    assert.deepEqual([vt[0], vt[1]].map((v) => formatNumber(v, 3)), ['0.707', '0.707']);
    const A1 = s.reconstruct(1);
    [1.5, 1.5, 4.5, 4.5].forEach((v, i) => close(A1[i], v, 1e-14, `A1[${i}]`));
    const rest = [3, 0, 4, 5].map((v, i) => v - A1[i]);
    [1.5, -1.5, -0.5, 0.5].forEach((v, i) => close(rest[i], v, 1e-14, `A − A1 [${i}]`));
    close(rest.reduce((a, v) => a + v * v, 0), s2 * s2, 1e-13, 'squares add to σ₂²');
    // AᵀA = [[25, 20], [20, 25]]: trace 50, det 225, eigenvalues 45 and 5 are σ².
    close(s1 * s1 + s2 * s2, 50, 1e-12); close(s1 * s1 * s2 * s2, 225, 1e-10);
    const one = s.summary(1);
    close(one.energyKept, 0.9, 1e-15);
    assert.equal(formatNumber(one.relativeError, 3), '0.316');
  });
});

test('storage: 97 numbers per layer of a 48 × 48 picture; smaller than the picture only while k ≤ 23', () => {
  assert.equal(storedNumbers(1, PICTURE_SIDE, PICTURE_SIDE), 97);
  assert.equal(storedNumbers(23, 48, 48), 2231);
  assert.equal(storedNumbers(24, 48, 48), 2328);
  assert.ok(storedNumbers(23, 48, 48) < 48 * 48 && storedNumbers(24, 48, 48) > 48 * 48);
  picture('smiley')((s) => assert.equal(s.summary(24).storedNumbers, 2328));
});

test('smiley at the default k = 5: error 36.5%, 86.71% of the energy, 485 numbers (21%); error falls fastest first', () => {
  assert.equal(SVD_DEFAULTS.picture, 'smiley');
  assert.equal(SVD_DEFAULTS.k, 5);
  picture('smiley')((s) => {
    const sum = s.summary(5);
    assert.equal(formatPercent(sum.relativeError), '36.5%');
    assert.equal(formatPercent(sum.energyKept, 2), '86.71%');
    assert.equal(sum.storedNumbers, 485);
    assert.equal(formatPercent(485 / 2304, 0), '21%');
    // Error² = 1 − energy kept, measured two ways.
    close(sum.relativeError ** 2, 1 - sum.energyKept, 1e-12);
    // The drop in error per layer shrinks: the first five drops are each larger than any later one.
    const errors = Array.from({ length: 49 }, (_, k) => s.summary(k).relativeError);
    const drops = errors.slice(1).map((e, k) => errors[k] - e);
    assert.ok(Math.min(...drops.slice(0, 5)) > Math.max(...drops.slice(5)), 'early layers help most');
  });
});

test('checkerboard: σ₁ = 28.8, σ₂ = 19.2, the rest 0; layer 1 is an even grey with 69.23%; exact at k = 2', () => {
  picture('checkerboard')((s) => {
    const sv = s.singularValues();
    assert.equal(formatNumber(sv[0], 2), '28.80');
    assert.equal(formatNumber(sv[1], 2), '19.20');
    assert.equal(s.rank(), 2);
    assert.equal(formatPercent(s.summary(1).energyKept, 2), '69.23%');
    assert.ok(s.summary(2).relativeError < 1e-9);
    // The first layer is the same grey everywhere (0.6 = (1 + 0.2)/2).
    const layer = s.layer(0);
    assert.ok(layer.every((v) => Math.abs(v - 0.6) < 1e-12), 'an even grey');
  });
});

test('gradient: rank 2, the first layer keeps 99.45%', () => {
  picture('gradient')((s) => {
    assert.equal(s.rank(), 2);
    assert.equal(formatPercent(s.summary(1).energyKept, 2), '99.45%');
  });
});

test('diagonal line: σ falls slowly from 3; 90% needs k = 22', () => {
  picture('diagonal')((s) => {
    const sv = s.singularValues();
    assert.equal(formatNumber(sv[0], 2), '3.00');
    assert.equal(s.rank(), 48);
    assert.equal(s.smallestRankForEnergy(0.9), 22);
    // Each layer adds about as much as the last: the first ten σ are all above 2.5.
    assert.ok(sv[9] > 2.5, `σ₁₀ = ${sv[9]}`);
    assert.ok(s.summary(21).energyKept < 0.9 && s.summary(22).energyKept >= 0.9);
  });
});

test('the handwritten 3: 8 × 8, rank 6, k = 3 keeps 97.52%', () => {
  const p = makePicture('digit', { digit: SVD_DEFAULTS.digit });
  assert.equal(p.digit, 3);
  assert.equal(p.rows, 8);
  withSvd(p.values, p.cols, (s) => {
    assert.equal(s.rank(), 6);
    assert.equal(formatPercent(s.summary(3).energyKept, 2), '97.52%');
  });
});

test('predict, then check: the stripes have rank 1, σ₁ = 33.94, so k = 1 keeps all the energy', () => {
  picture('stripes')((s) => {
    const sv = s.singularValues();
    assert.equal(s.rank(), 1);
    assert.equal(formatNumber(sv[0], 2), '33.94');
    assert.ok(sv.slice(1).every((v) => v < 1e-12 * sv[0]), 'the other 47 are 0');
    const k90 = s.smallestRankForEnergy(PREDICT_ENERGY);
    assert.equal(k90, 1);
    assert.equal(energyBucket(k90), '1');
    assert.equal(formatPercent(s.summary(1).energyKept), '100.0%');
    assert.ok(s.summary(1).relativeError < 1e-12);
  });
  // The buckets of the box at their edges.
  assert.deepEqual([1, 2, 5, 6, 15, 16].map(energyBucket), ['1', '2-5', '2-5', '6-15', '6-15', 'more']);
});

function centred(rows, cols, values) {
  const out = Float64Array.from(values);
  for (let j = 0; j < cols; j++) {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += out[i * cols + j];
    mean /= rows;
    for (let i = 0; i < rows; i++) out[i * cols + j] -= mean;
  }
  return out;
}

// PCA (eigenvectors of the covariance) against the SVD of the centred table: the same axes up to
// sign, variances σ²/(n − 1), shares σ²/Σσ².
function comparePcaSvd(X, n, d, nComponents, tol) {
  const pca = new ml.PCA();
  try {
    pca.setComponents(nComponents);
    pca.setData(X, d, []);
    const comps = pca.components();
    const variance = pca.explainedVariance();
    const ratio = pca.explainedVarianceRatio();
    return withSvd(centred(n, d, X), d, (s) => {
      const sv = s.singularValues();
      const vt = s.vt();
      const total = sv.reduce((a, v) => a + v * v, 0);
      for (let c = 0; c < nComponents; c++) {
        const v = vt.slice(c * d, (c + 1) * d);
        const w = comps.slice(c * d, (c + 1) * d);
        const dot = v.reduce((a, x, j) => a + x * w[j], 0);
        close(Math.abs(dot), 1, tol, `axis ${c + 1} |v·w|`);
        close(variance[c], (sv[c] * sv[c]) / (n - 1), tol * variance[0], `variance ${c + 1}`);
        close(ratio[c], (sv[c] * sv[c]) / total, tol, `share ${c + 1}`);
      }
      return { sv, vt };
    });
  } finally {
    pca.delete();
  }
}

test('PCA is the SVD of centred data: the PCA lesson\'s 70 points give its axis at 34.7° and 94.4%', () => {
  const data = ml.makeLinear(70, 0.6, 0, 0.55, 5, -3, 3);
  const X = new Float64Array(data.rows * 2);
  for (let i = 0; i < data.rows; i++) { X[2 * i] = data.X[i]; X[2 * i + 1] = data.y[i]; }
  const { sv, vt } = comparePcaSvd(X, 70, 2, 2, 1e-10);
  assert.equal(formatAxisAngle((Math.atan2(vt[1], vt[0]) * 180) / Math.PI), '34.7°');
  assert.equal(formatPercent((sv[0] ** 2) / (sv[0] ** 2 + sv[1] ** 2)), '94.4%');
  assert.equal(formatNumber(sv[0], 2), '16.62');
  assert.equal(formatNumber(sv[1], 2), '4.05');
  assert.equal(formatNumber((sv[0] ** 2) / 69, 2), '4.00');
});

test('PCA is the SVD of centred data: 200 handwritten digits, 64 features, the first five axes', () => {
  const { train } = digitSplits();
  const n = 200;
  comparePcaSvd(train.inputs.slice(0, n * 64), n, 64, 5, 1e-8);
});

test('check-yourself computation svd: hand-derived values', () => {
  // The shear [[1, 1], [0, 1]]: AᵀA = [[1, 1], [1, 2]], λ = (3 ± √5)/2, σ = golden ratio and its inverse.
  const shear = computations.svd(ml, { m: [1, 1, 0, 1], cols: 2 });
  close(shear.s1, (1 + Math.sqrt(5)) / 2, 1e-14);
  close(shear.s2, (Math.sqrt(5) - 1) / 2, 1e-14);
  assert.equal(shear.rank, 2);
  close(shear.energyKept, ((3 + Math.sqrt(5)) / 2) / 3, 1e-14); // k = 1 by default; Σσ² = trace AᵀA = 3
  assert.equal(shear.stored, 5);
  close(evaluateComputation(ml, parseComputation('svd.s1 m=1,1,0,1 cols=2')), 1.618, 0.001);
  // The worked example at k = 1, and diag(4, 2, 1) at k = 2: energy 20/21, error √(1/21).
  close(computations.svd(ml, { m: [3, 0, 4, 5], cols: 2, k: 1 }).relativeError, Math.sqrt(0.1), 1e-14);
  const diag = computations.svd(ml, { m: [4, 0, 0, 0, 2, 0, 0, 0, 1], cols: 3, k: 2 });
  close(diag.energyKept, 20 / 21, 1e-15);
  close(diag.relativeError, Math.sqrt(1 / 21), 1e-15);
  assert.equal(diag.stored, 2 * 7);
  // Bad input is refused in words.
  assert.throws(() => computations.svd(ml, { m: [1, 2, 3], cols: 2 }), /not a multiple/);
  assert.throws(() => computations.svd(ml, { m: [1, 2, 3, 4], cols: 2, k: 3 }), /k= a whole number from 0 to 2/);
  assert.throws(() => computations.svd(ml, { m: [1, 2], cols: 0 }), /cols= a whole number/);
});

test('check-yourself: 97k numbers; 4, 2, 1 keeps 20/21; σ₁ = 10 with n = 26 gives variance 4', () => {
  assert.ok(97 * 23 < 2304 && 97 * 24 > 2304);
  close((16 + 4) / (16 + 4 + 1), 20 / 21, 0);
  assert.equal(10 ** 2 / (26 - 1), 4);
});
