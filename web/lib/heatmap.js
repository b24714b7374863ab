// Heat maps, the one way every widget draws them. The engine computes values on an nx × ny grid
// (x fastest, row 0 at the bottom, as predictGrid returns them) at the cell centres (cellCentre
// below; docs/engine-api.md, "Grids"); they are painted one pixel per cell into a reused
// offscreen canvas and stretched over exactly the rectangle the grid was asked for, so no
// caller insets bounds by half a cell. The stretch goes over a Plot's data area (tensorflow/
// playground's trick: the grid, not the screen, sets the cost). Colours follow docs/design.md and the
// theme tokens: a diverging scale orange (class 0 / negative) – card surface – blue (class 1 /
// positive) for probabilities and signed values, so dark mode gets a dark middle; sequential
// scales for losses. Colour and geometry only: no maths a lesson teaches.
import { el } from './ui.js';

// The heat-map convention, shared with the engine's grid calls (gridAxes in engine/include/dw/
// model.hpp): cell i of n over [lo, hi] is sampled at its centre.
export function cellCentre(i, n, lo, hi) {
  return lo + ((hi - lo) * (i + 0.5)) / n;
}

// '#rgb', '#rrggbb' or 'rgb(a)(r, g, b…)' → [r, g, b]; anything unreadable becomes mid grey.
export function parseColor(text) {
  const s = String(text || '').trim();
  let m = /^#([0-9a-f]{6})$/i.exec(s);
  if (m) return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16));
  m = /^#([0-9a-f]{3})$/i.exec(s);
  if (m) return [0, 1, 2].map((i) => parseInt(m[1][i] + m[1][i], 16));
  m = /^rgba?\(([^)]+)\)$/i.exec(s);
  if (m) return m[1].split(/[\s,/]+/).filter(Boolean).slice(0, 3).map((v) => Number.parseFloat(v) || 0);
  return [136, 136, 136];
}

// [r, g, b] → 'rgb(r, g, b)' with whole channels.
export function cssColor(rgb) {
  return `rgb(${Math.round(rgb[0])}, ${Math.round(rgb[1])}, ${Math.round(rgb[2])})`;
}

// out ← a + (b − a)·t, channel by channel; returns out.
export function mixRgb(out, a, b, t) {
  out[0] = a[0] + (b[0] - a[0]) * t;
  out[1] = a[1] + (b[1] - a[1]) * t;
  out[2] = a[2] + (b[2] - a[2]) * t;
  return out;
}

// The diverging scale t ∈ [−1, 1] ↦ [r, g, b]: the surface at 0, class 0 (orange) at −1, class 1
// (blue) at +1; |t| is clamped to 1, then scaled by `strength` (< 1 keeps the map pale so the
// marks on top stay readable). A non-finite t is drawn as 0. The theme is parsed once, here;
// pass `out` to write into a reused array instead of allocating one per cell.
export function divergingRgb(theme, { strength = 1 } = {}) {
  const mid = parseColor(theme.surface);
  const neg = parseColor(theme.class0);
  const pos = parseColor(theme.class1);
  return (t, out = [0, 0, 0]) => {
    const v = Number.isFinite(t) ? t : 0;
    return mixRgb(out, mid, v < 0 ? neg : pos, Math.min(1, Math.abs(v)) * strength);
  };
}

// The diverging scale for a probability p(class 1) ∈ [0, 1]: ½ is the surface.
export function probabilityRgb(theme, options) {
  const diverging = divergingRgb(theme, options);
  return (p, out) => diverging(Number.isFinite(p) ? 2 * p - 1 : 0, out);
}

// A sequential scale t ∈ [0, 1] ↦ [r, g, b] from the surface to the theme colour `to` (clamped;
// non-finite is the surface).
export function sequentialRgb(theme, to = theme.class1) {
  const a = parseColor(theme.surface);
  const b = parseColor(to);
  return (t, out = [0, 0, 0]) => mixRgb(out, a, b, Number.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0);
}

// A fixed, perceptually ordered ramp for loss surfaces (dark valley → bright rim, viridis-like
// stops): it reads the same on light and dark cards, so it does not follow the theme.
const LOSS_STOPS = [[27, 31, 72], [48, 84, 150], [33, 145, 140], [143, 200, 90], [253, 231, 37]];
export function lossRgb(t, out = [0, 0, 0]) {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (LOSS_STOPS.length - 1);
  const i = Math.min(LOSS_STOPS.length - 2, Math.floor(u));
  return mixRgb(out, LOSS_STOPS[i], LOSS_STOPS[i + 1], u - i);
}

// An offscreen canvas holding one picture at grid resolution, reused from draw to draw (its
// ImageData is kept while the size stays the same).
export class GridImage {
  constructor() {
    this.canvas = document.createElement('canvas');
    this.ctx = this.canvas.getContext('2d');
    this.nx = 0;
    this.ny = 0;
    this.image = null;
  }

  ensure(nx, ny) {
    if (this.nx !== nx || this.ny !== ny || !this.image) {
      this.nx = nx;
      this.ny = ny;
      this.canvas.width = nx;
      this.canvas.height = ny;
      this.image = this.ctx.createImageData(nx, ny);
    }
  }

  // colorOfCell(k, out) writes cell k's [r, g, b] into `out` (k = j·nx + i, row j = 0 at the
  // bottom) and returns it; `alpha` (0–255) is every pixel's opacity. Returns the canvas.
  paint(nx, ny, colorOfCell, { alpha = 255 } = {}) {
    this.ensure(nx, ny);
    const d = this.image.data;
    const rgb = [0, 0, 0];
    for (let j = 0; j < ny; j++) {
      const row = (ny - 1 - j) * nx; // image rows run top-down, grid rows bottom-up
      for (let i = 0; i < nx; i++) {
        const c = colorOfCell(j * nx + i, rgb);
        const o = (row + i) * 4;
        d[o] = c[0]; d[o + 1] = c[1]; d[o + 2] = c[2]; d[o + 3] = alpha;
      }
    }
    this.ctx.putImageData(this.image, 0, 0);
    return this.canvas;
  }

  // One value per cell read from values[offset + k·stride] (interleaved engine output, e.g.
  // predictGrid's two probabilities per cell: stride 2, offset 1 for class 1), coloured by color(v, out).
  paintValues(values, nx, ny, color, { offset = 0, stride = 1, alpha = 255 } = {}) {
    return this.paint(nx, ny, (k, out) => color(values[offset + k * stride], out), { alpha });
  }

  release() { this.canvas.width = 0; this.canvas.height = 0; this.image = null; this.nx = 0; this.ny = 0; }
}

// Stretches a grid picture over the data rectangle `rect` (default: the plot's whole domain).
// `alpha` lets the grid lines and points stay readable; smoothing blends neighbouring cells.
export function drawGridImage(plot, image, { rect = plot.domain, alpha = 1, smooth = true } = {}) {
  const c = plot.ctx;
  const left = plot.px(rect.x0);
  const top = plot.py(rect.y1);
  c.save();
  c.globalAlpha = alpha;
  c.imageSmoothingEnabled = smooth;
  c.drawImage(image, left, top, plot.px(rect.x1) - left, plot.py(rect.y0) - top);
  c.restore();
}

// Paint + draw in one call for a heat map recomputed with every draw; the offscreen canvas is
// kept per plot. `color(v, out)` maps one value to [r, g, b].
const plotImages = new WeakMap();
export function drawHeatmap(plot, values, nx, ny, color, { rect, alpha, smooth, offset, stride } = {}) {
  let image = plotImages.get(plot);
  if (!image) { image = new GridImage(); plotImages.set(plot, image); }
  drawGridImage(plot, image.paintValues(values, nx, ny, color, { offset, stride }), { rect, alpha, smooth });
}

// A legend under a plot: caption, low label, a colour bar, high label. color(x) for x ∈ [0, 1]
// gives the bar's colours; set() changes the labels, paint() recolours the bar (e.g. after a
// theme change). `className` lays it out (the widget family's CSS).
export function heatLegend(parent, { color, low = '', high = '', caption = '', className = 'dw-heat-legend' }) {
  const width = 160;
  const bar = el('canvas', { width: String(width), height: '12', 'aria-hidden': 'true' });
  const lowEl = el('span', { className: 'dw-num', text: low });
  const highEl = el('span', { className: 'dw-num', text: high });
  const captionEl = el('span', { text: caption });
  const wrap = el('div', { className }, [captionEl, lowEl, bar, highEl]);
  parent.append(wrap);
  const ctx = bar.getContext('2d');
  function paint(scale) {
    for (let x = 0; x < width; x++) {
      ctx.fillStyle = cssColor(scale(x / (width - 1)).map((v) => v | 0));
      ctx.fillRect(x, 0, 1, 12);
    }
  }
  paint(color);
  return {
    element: wrap,
    paint,
    set({ low: l, high: h, caption: cap } = {}) {
      if (l !== undefined) lowEl.textContent = l;
      if (h !== undefined) highEl.textContent = h;
      if (cap !== undefined) captionEl.textContent = cap;
    },
  };
}
