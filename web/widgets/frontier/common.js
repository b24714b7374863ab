// Shared drawing and data helpers for the Frontier widgets: the built-in 2-D data sets, a
// probability heat map from a classifier's predictGrid (diverging orange–white–blue, centred
// on ½), a small legend, and keyboard/pointer glue. Geometry and colour only: the numbers
// drawn come from the engine.
import { divergingScale, hexToRgb } from '../landscape/draw.js';
import { el } from '../../lib/ui.js';

export const DATASETS = {
  circles: { label: 'circles', make: (ml, n, noise, seed) => ml.makeCircles(n, noise, 0.5, seed), domain: [-1.5, 1.5, -1.5, 1.5] },
  moons: { label: 'moons', make: (ml, n, noise, seed) => ml.makeMoons(n, noise, seed), domain: [-1.5, 2.5, -1.25, 1.75] },
  xor: { label: 'XOR', make: (ml, n, noise, seed) => ml.makeXor(n, noise, seed), domain: [-1.25, 1.25, -1.25, 1.25] },
};

// Copies the engine's data into plain arrays (safe to keep).
export function loadDataset(ml, name, n, noise, seed) {
  const d = DATASETS[name].make(ml, n, noise, seed);
  return { X: Float64Array.from(d.X), y: Float64Array.from(d.y), n: d.y.length };
}

// An offscreen nx × ny image of P(class 1) per grid cell (rows from y0 upward in the engine's
// grid; flipped here so y grows up on screen). `probs` holds 2 numbers per cell.
export function probabilityImage(theme, probs, nx, ny, perCell = 2) {
  const canvas = document.createElement('canvas');
  canvas.width = nx; canvas.height = ny;
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(nx, ny);
  const color = divergingScale(theme, 0.5);
  const cache = new Map();
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const p = probs[(j * nx + i) * perCell + (perCell - 1)];
      const key = Math.round((Number.isFinite(p) ? p : 0.5) * 100);
      let rgb = cache.get(key);
      if (!rgb) { rgb = hexToRgb(color(key / 100 - 0.5)); cache.set(key, rgb); }
      const k = ((ny - 1 - j) * nx + i) * 4;
      img.data[k] = rgb[0]; img.data[k + 1] = rgb[1]; img.data[k + 2] = rgb[2]; img.data[k + 3] = 200;
    }
  }
  ctx.putImageData(img, 0, 0);
  return canvas;
}

export function drawImageInArea(plot, image) {
  const c = plot.ctx;
  const m = plot.margin;
  c.save();
  c.imageSmoothingEnabled = true;
  c.drawImage(image, m.left, m.top, plot.width - m.left - m.right, plot.height - m.top - m.bottom);
  c.restore();
}

// A legend row: items [{ text, kind }] with kind one of 'class0', 'class1', 'model', 'truth',
// 'loss', 'good', 'heat' (the diverging scale).
export function legendRow(parent, items) {
  const row = el('div', { className: 'dw-legend' });
  for (const item of items) {
    const sw = el('span', { className: `dwf-swatch dwf-sw-${item.kind}`, 'aria-hidden': 'true' });
    row.append(el('span', { className: 'dwl-key' }, [sw, el('span', { text: item.text })]));
  }
  parent.append(row);
  return row;
}

// A line on a Plot with an optional dashed style; skips non-finite values.
export function line(plot, xs, ys, color, { width = 2, dash = [] } = {}) {
  plot.path(xs, ys, { color, width, dash });
}

export function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }

// Arrow-key handler helper: returns [dx, dy] for arrow keys (Shift × 10), or null.
export function arrowDelta(e) {
  const keys = { ArrowUp: [0, 1], ArrowDown: [0, -1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
  const d = keys[e.key];
  if (!d) return null;
  const k = e.shiftKey ? 10 : 1;
  return [d[0] * k, d[1] * k];
}
