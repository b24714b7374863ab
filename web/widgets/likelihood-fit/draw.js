// Drawing helpers shared by the likelihood-fit panels: curves from the engine's log density, a star
// for a maximum, a legend line, and the clamping and rounding of dragged values.
import { el } from '../../lib/ui.js';

export const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
export const round = (v, step) => Number((Math.round(v / step) * step).toFixed(6));

// Density curve of N(mu, s²) over xs, from the engine's log density.
export function densityCurve(ml, xs, mu, s) {
  return xs.map((x) => Math.exp(ml.gaussianLogPdf(x, mu, s)));
}
export function linspace(a, b, n) {
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

export function star(plot, x, y, color) {
  const c = plot.ctx;
  const X = plot.px(x);
  const Y = plot.py(y);
  c.save();
  c.beginPath();
  for (let k = 0; k < 10; k++) {
    const r = k % 2 ? 4 : 10;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    c.lineTo(X + r * Math.cos(a), Y + r * Math.sin(a));
  }
  c.closePath();
  c.fillStyle = color;
  c.fill();
  c.lineWidth = 1.5;
  c.strokeStyle = plot.theme.surface;
  c.stroke();
  c.restore();
}

export function legend(parent, items) {
  parent.append(el('p', { className: 'dw-legend', text: items.join(' · ') }));
}
