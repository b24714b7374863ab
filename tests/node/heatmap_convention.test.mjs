// One heat-map sampling convention for the engine and the web: cell centres (docs/engine-api.md,
// "Grids"). The engine's grid calls and web/lib/heatmap.js cellCentre agree value for value, and a
// known boundary lands in the pixel that contains it when the grid is stretched over the
// rectangle it was asked for (as drawGridImage does), with no hand inset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from './engine.mjs';
import { cellCentre } from '../../web/lib/heatmap.js';

// A logistic model whose boundary is the vertical line x = t (p > ½ right of it).
function verticalBoundary(t) {
  const m = new ml.LogisticRegression();
  m.setData([0, 0, 1, 1, 2, 0, 3, 1], 2, [0, 0, 1, 1]);
  m.setParams([10, 0, -10 * t]);
  return m;
}

test('cellCentre is the engine grid: every cell value is the prediction at that centre', () => {
  const m = verticalBoundary(0.3);
  try {
    const [x0, x1, y0, y1, nx, ny] = [-1, 3, 0, 2, 9, 5];
    const grid = m.predictGrid(x0, x1, y0, y1, nx, ny).slice();
    const X = [];
    for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) X.push(cellCentre(i, nx, x0, x1), cellCentre(j, ny, y0, y1));
    const p = m.predictProba(X);
    for (let k = 0; k < nx * ny; k++) assert.equal(grid[2 * k + 1], p[2 * k + 1], `cell ${k}`);
  } finally { m.delete(); }
});

test('a known boundary lands in the pixel that contains it (no half-cell shift)', () => {
  // 4 pixels over [0, 4]: pixel i covers [i, i + 1]. The boundary x = 1.4 is inside pixel 1,
  // left of its centre 1.5, so pixel 1 is painted class 1 and pixel 0 class 0. Sampling grid
  // edges (0, 4/3, 8/3, 4) would paint pixel 1 as class 0.
  for (const [t, firstBlue] of [[1.4, 1], [1.6, 2], [0.2, 0], [3.7, 4]]) {
    const m = verticalBoundary(t);
    try {
      const grid = m.predictGrid(0, 4, 0, 1, 4, 1);
      const classes = [0, 1, 2, 3].map((i) => (grid[2 * i + 1] > 0.5 ? 1 : 0));
      const expected = [0, 1, 2, 3].map((i) => (i >= firstBlue ? 1 : 0));
      assert.deepEqual(classes, expected, `boundary at x = ${t}`);
      // The first class-1 pixel is the one whose centre is right of the boundary.
      const pixel = Math.floor(t); // the pixel containing the boundary
      assert.equal(firstBlue, cellCentre(pixel, 4, 0, 4) > t ? pixel : pixel + 1);
    } finally { m.delete(); }
  }
});

test('the MLP and optimiser-surface grids use the same centres', () => {
  const s = new ml.OptimizerSurface();
  try {
    const g = s.grid(-1, 1, -1, 1, 5, 3).slice();
    for (let j = 0; j < 3; j++) for (let i = 0; i < 5; i++) {
      assert.equal(g[j * 5 + i], s.value(cellCentre(i, 5, -1, 1), cellCentre(j, 3, -1, 1)));
    }
  } finally { s.delete(); }
  const net = new ml.MLP();
  try {
    net.setLayers([3]);
    net.setData([0, 0, 1, 1, 1, 0, 0, 1], 2, [0, 0, 1, 1]);
    const neurons = net.neuronGrid(-2, 2, -1, 1, 4, 2).slice();
    // The first 8 values are input x1 over the 4 × 2 cells, the next 8 input x2.
    for (let k = 0; k < 8; k++) {
      assert.ok(Math.abs(neurons[k] - cellCentre(k % 4, 4, -2, 2)) < 1e-12, `x1 of cell ${k}`);
      assert.ok(Math.abs(neurons[8 + k] - cellCentre(Math.floor(k / 4), 2, -1, 1)) < 1e-12, `x2 of cell ${k}`);
    }
  } finally { net.delete(); }
});
