// Heat maps for the course2 widgets: values computed by the engine on an nx × ny grid (x fastest,
// rows from y0 upward) are painted into a tiny offscreen canvas, one pixel per cell, and
// stretched over the plot area (tensorflow/playground's trick: the grid, not the screen,
// sets the cost). Two scales from DESIGN.md: diverging orange–white–blue for probabilities,
// sequential for losses. Colour stops only; no maths beyond mapping a value to a colour.
import { el } from '../../lib/ui.js';

// Diverging: p(class 1) = 0 → orange (class 0), 0.5 → white, 1 → blue (class 1).
const DIVERGING = [[194, 87, 12], [244, 196, 160], [255, 255, 255], [167, 196, 240], [31, 99, 201]];
// Sequential for losses: dark valley (low) → bright rim (high), perceptually ordered.
const SEQUENTIAL = [[27, 31, 72], [48, 84, 150], [33, 145, 140], [143, 200, 90], [253, 231, 37]];

function ramp(stops, t) {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(u));
  const f = u - i;
  const a = stops[i];
  const b = stops[i + 1];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

export const divergingColor = (p) => ramp(DIVERGING, p);
export const sequentialColor = (t) => ramp(SEQUENTIAL, t);

// Paints `values` (nx*ny, already mapped to [0, 1] by `toUnit`) with `color` and draws the
// result over the plot's data rectangle [x0, x1] × [y0, y1]. `alpha` lets points stay readable.
export function drawHeat(plot, values, nx, ny, { x0, x1, y0, y1 }, { color, toUnit = (v) => v, alpha = 1 } = {}) {
  if (!plot.heatCanvas) plot.heatCanvas = document.createElement('canvas');
  const off = plot.heatCanvas;
  if (off.width !== nx || off.height !== ny) { off.width = nx; off.height = ny; }
  const octx = off.getContext('2d');
  const img = octx.createImageData(nx, ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const [r, g, b] = color(toUnit(values[j * nx + i]));
      const k = ((ny - 1 - j) * nx + i) * 4; // image rows go downward, grid rows upward
      img.data[k] = r; img.data[k + 1] = g; img.data[k + 2] = b; img.data[k + 3] = 255;
    }
  }
  octx.putImageData(img, 0, 0);
  const c = plot.ctx;
  const left = plot.px(x0);
  const right = plot.px(x1);
  const top = plot.py(y1);
  const bottom = plot.py(y0);
  c.save();
  c.globalAlpha = alpha;
  c.imageSmoothingEnabled = true;
  c.drawImage(off, left, top, right - left, bottom - top);
  c.restore();
}

// A legend strip under a plot: a colour bar with its two end labels and a caption.
export function legend(parent, { color, low, high, caption }) {
  const bar = el('canvas', { width: '160', height: '12', 'aria-hidden': 'true' });
  const lowEl = el('span', { className: 'dw-num', text: low });
  const highEl = el('span', { className: 'dw-num', text: high });
  const captionEl = el('span', { text: caption });
  const wrap = el('div', { className: 'c2-legend' }, [captionEl, lowEl, bar, highEl]);
  parent.append(wrap);
  const ctx = bar.getContext('2d');
  for (let x = 0; x < 160; x++) {
    const [r, g, b] = color(x / 159);
    ctx.fillStyle = `rgb(${r | 0}, ${g | 0}, ${b | 0})`;
    ctx.fillRect(x, 0, 1, 12);
  }
  return {
    element: wrap,
    set({ low: l, high: h, caption: cap } = {}) {
      if (l !== undefined) lowEl.textContent = l;
      if (h !== undefined) highEl.textContent = h;
      if (cap !== undefined) captionEl.textContent = cap;
    },
  };
}
