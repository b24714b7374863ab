// Claims of convolution-filters.md, checked against the engine with the widget's defaults
// (convolution.js: the 16 × 16 house, Sobel kernels, convolve2d "valid" or "same", ReLU through
// activationCurve('relu'), maxPool 2 × 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations/cnn.js';
import { IMAGE_SIZE, makeImage } from '../web/widgets/convolution/images.js';

const N = IMAGE_SIZE;
const img = makeImage('house'); // the widget's house (web/widgets/convolution/images.js)
const VERTICAL = [-1, 0, 1, -2, 0, 2, -1, 0, 1];
const HORIZONTAL = [-1, -2, -1, 0, 0, 0, 1, 2, 1];
const at = (m, r, c) => m.values[r * m.width + c];

test('valid gives 14 × 14, same gives 16 × 16; pooling halves each side', () => {
  const v = ml.convolve2d(img, N, VERTICAL, 'valid');
  const s = ml.convolve2d(img, N, VERTICAL, 'same');
  assert.deepEqual([v.width, v.height, s.width, s.height], [14, 14, 16, 16]);
  const p = ml.maxPool(v.values, v.width, 2);
  assert.deepEqual([p.width, p.height], [7, 7]);
});

test('flattening the widget\'s 7 × 7 pooled map gives a vector of 49 numbers; 32 such maps give 1,568', () => {
  const v = ml.convolve2d(img, N, VERTICAL, 'valid');
  const p = ml.maxPool(Float64Array.from(ml.activationCurve('relu', Array.from(v.values)).value), v.width, 2);
  assert.equal(Array.from(p.values).length, 49);
  assert.equal(p.width * p.height, 49);
  assert.equal(32 * p.width * p.height, 1568);
});

test('house: the walls light up with the vertical kernel only, the roof slopes with both', () => {
  const v = ml.convolve2d(img, N, VERTICAL, 'valid');
  const h = ml.convolve2d(img, N, HORIZONTAL, 'valid');
  // Map rows 11–12 are image rows 11–14, where the walls are straight vertical edges (image columns 3 and 12).
  for (const r of [11, 12]) {
    assert.equal(at(v, r, 1), 4); assert.equal(at(v, r, 12), -4);
    assert.equal(at(h, r, 1), 0); assert.equal(at(h, r, 12), 0);
  }
  // The roof's slopes (map rows 1–5): strong responses in both maps.
  for (let r = 1; r <= 5; r++) {
    const rowV = Array.from({ length: 14 }, (_, c) => Math.abs(at(v, r, c)));
    const rowH = Array.from({ length: 14 }, (_, c) => Math.abs(at(h, r, c)));
    assert.ok(Math.max(...rowV) > 1.7 && Math.max(...rowH) > 1.7, `roof row ${r}`);
  }
});

test('the largest cells (value 4) are on the left wall, and their patch holds 0s on the left, 1s on the right', () => {
  const v = ml.convolve2d(img, N, VERTICAL, 'valid');
  const max = Math.max(...v.values);
  assert.equal(max, 4);
  for (let r = 0; r < 14; r++) for (let c = 0; c < 14; c++) {
    if (at(v, r, c) !== max) continue;
    assert.ok(c <= 2, `largest cell at column ${c + 1} is on the left wall`);
    for (let i = 0; i < 3; i++) {
      assert.equal(img[(r + i) * N + c], 0, 'left column empty');
      assert.equal(img[(r + i) * N + c + 2], 1, 'right column solid wall');
    }
  }
});

test('ReLU off: negative responses are bright-to-dark edges; pooling passes on the least negative value of three all-negative blocks on the right roof slope', () => {
  const v = ml.convolve2d(img, N, VERTICAL, 'valid');
  assert.ok(at(v, 11, 12) < 0, 'the right wall is negative');
  const p = ml.maxPool(v.values, v.width, 2);
  const negative = [];
  for (let i = 0; i < p.values.length; i++) if (p.values[i] < 0) negative.push([Math.floor(i / 7), i % 7]);
  assert.deepEqual(negative, [[1, 4], [2, 5], [3, 6]]);
  for (const [r, c] of negative) {
    const block = [at(v, 2 * r, 2 * c), at(v, 2 * r, 2 * c + 1), at(v, 2 * r + 1, 2 * c), at(v, 2 * r + 1, 2 * c + 1)];
    assert.ok(block.every((x) => x < 0));
    assert.equal(p.values[r * 7 + c], Math.max(...block));
  }
  // The feature map (drawn before ReLU) has orange cells on the right wall and the right roof slope
  // whatever the checkbox says; with ReLU on they become 0 before pooling, so nothing negative reaches the pool.
  assert.ok(at(v, 3, 9) < 0 && at(v, 4, 10) < 0, 'the right roof slope is negative');
  const relu = Float64Array.from(ml.activationCurve('relu', Array.from(v.values)).value);
  assert.deepEqual(Array.from(relu), Array.from(v.values, (x) => Math.max(0, x)));
  assert.ok(Math.min(...ml.maxPool(relu, 14, 2).values) >= 0);
});

test('sharpen adds the pixel\'s difference from its four neighbours back to it', () => {
  const s = ml.convolve2d(img, N, [0, -1, 0, -1, 5, -1, 0, -1, 0], 'valid');
  for (const [r, c] of [[5, 7], [9, 4], [10, 10]]) {
    const x = img[(r + 1) * N + c + 1];
    const nb = img[r * N + c + 1] + img[(r + 2) * N + c + 1] + img[(r + 1) * N + c] + img[(r + 1) * N + c + 2];
    assert.ok(Math.abs(at(s, r, c) - (x + (4 * x - nb))) < 1e-12);
  }
});

test('worked example: the roof patch (0 0 0.6 / 0 0.6 0.6 / 0.6 0.6 0.6) under Sobel gives 0.6 + 1.2 + 0 = 1.8, feature-map row 3, column 6', () => {
  const patch = [];
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) patch.push(img[(2 + i) * N + 5 + j]);
  assert.deepEqual(patch, [0, 0, 0.6, 0, 0.6, 0.6, 0.6, 0.6, 0.6]);
  const rows = [0, 1, 2].map((i) => [0, 1, 2].reduce((a, j) => a + VERTICAL[i * 3 + j] * patch[i * 3 + j], 0));
  assert.deepEqual(rows.map((v) => Math.round(v * 10) / 10), [0.6, 1.2, 0]);
  const v = ml.convolve2d(img, N, VERTICAL, 'valid');
  assert.ok(Math.abs(at(v, 2, 5) - 1.8) < 1e-12, String(at(v, 2, 5)));   // 0-based (2, 5) = the widget's row 3, column 6
  assert.ok(Math.abs(computations.convolution(ml, { patch, kernel: VERTICAL }).value - 1.8) < 1e-12);
});

test('check-yourself: sharpen on a patch of 0.2s with centre 1 gives 5 − 0.8 = 4.2; 28 → 26 (valid) → 13 (pooled)', () => {
  const sharpen = [0, -1, 0, -1, 5, -1, 0, -1, 0];
  const patch = [0.2, 0.2, 0.2, 0.2, 1, 0.2, 0.2, 0.2, 0.2];
  assert.ok(Math.abs(computations.convolution(ml, { patch, kernel: sharpen }).value - 4.2) < 1e-12);
  const v = ml.convolve2d(new Float64Array(28 * 28), 28, VERTICAL, 'valid');
  assert.deepEqual([v.width, v.height], [26, 26]);
  const p = ml.maxPool(v.values, v.width, 2);
  assert.deepEqual([p.width, p.height], [13, 13]);
  assert.throws(() => computations.convolution(ml, { patch: [1, 2], kernel: VERTICAL }), /same square size/);
});
