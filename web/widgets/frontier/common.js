// Shared drawing and data helpers for the Frontier widgets: the built-in 2-D data sets, a small
// legend, and keyboard/pointer glue (heat maps are web/lib/heatmap.js). Geometry and colour
// only: the numbers drawn come from the engine.
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
