// Axes and grid lines plot.js's axes() does not draw: a log10 error axis with one labelled line
// per power of ten, horizontal grid lines with a custom label format, and round tick values.
import { niceTicks, yLabelTop } from './plot.js';
import { formatPowersOfTen, formatTick } from './format.js';

// Errors spread over orders of magnitude (degree 12 can be 1000× worse than degree 4), so the
// error charts plot log10(MSE). The floor keeps an exact 0 (interpolation) on the chart.
export const LOG_FLOOR = 1e-3;
export function log10(v) { return Math.log10(Math.max(LOG_FLOOR, v)); }

// Axes whose y domain is in log10 units: one labelled grid line per power of ten.
export function logAxes(plot, { xLabel = '', yLabel = '', xTicks = 6 } = {}) {
  const c = plot.ctx;
  const t = plot.theme;
  const { x0, x1, y0, y1 } = plot.domain;
  c.save();
  c.font = `11px ${t.mono}`;
  c.fillStyle = t.textMuted;
  c.strokeStyle = t.gridLine;
  c.lineWidth = 1;
  // The y numbers first: the left margin widens to the widest before anything is placed by it.
  const powers = [];
  for (let p = Math.ceil(y0); p <= Math.floor(y1); p++) powers.push(p);
  const ys = formatPowersOfTen(powers).map((text, i) => ({ p: powers[i], text, width: c.measureText(text).width }));
  plot.makeRoomForYTicks(Math.max(0, ...ys.map((y) => y.width)));
  for (const v of niceTicks(x0, x1, xTicks)) {
    if (Math.abs(v - Math.round(v)) > 1e-9) continue; // whole numbers only (degrees, counts)
    const X = Math.round(plot.px(v)) + 0.5;
    c.beginPath(); c.moveTo(X, plot.margin.top); c.lineTo(X, plot.height - plot.margin.bottom); c.stroke();
    c.textAlign = 'center'; c.textBaseline = 'top';
    c.fillText(formatTick(v), X, plot.height - plot.margin.bottom + 4);
  }
  // The y label sits in the top-left corner: x from 4, one 12 px line from labelTop (about 2 px
  // down), so the ink of a tick number centred 7 px or more below that line clears it by 2 px; as
  // in plot.js's axes(), a power of ten that would print over it is left out (its grid line stays).
  c.font = `12px ${t.font}`;
  const labelRight = yLabel ? 4 + c.measureText(yLabel).width : -Infinity;
  const labelTop = yLabel ? yLabelTop(c, yLabel) : 0;
  c.font = `11px ${t.mono}`;
  for (const { p, text, width } of ys) {
    const Y = Math.round(plot.py(p)) + 0.5;
    c.beginPath(); c.moveTo(plot.margin.left, Y); c.lineTo(plot.width - plot.margin.right, Y); c.stroke();
    if (Y - 7 < labelTop + 12 && plot.margin.left - 6 - width < labelRight) continue;
    c.textAlign = 'right'; c.textBaseline = 'middle';
    c.fillText(text, plot.margin.left - 6, Y);
  }
  c.font = `12px ${t.font}`;
  if (xLabel) { c.textAlign = 'right'; c.textBaseline = 'bottom'; c.fillText(xLabel, plot.width - plot.margin.right, plot.height - 1); }
  if (yLabel) { c.textAlign = 'left'; c.textBaseline = 'top'; c.fillText(yLabel, 4, labelTop); }
  c.restore();
}

// Horizontal grid lines with formatted labels on the left (for charts whose values the shared
// axes() would print in exponent form, or as shares).
export function yGrid(plot, ticks, format) {
  const c = plot.ctx;
  const t = plot.theme;
  c.save();
  c.font = `11px ${t.mono}`;
  c.fillStyle = t.textMuted;
  c.strokeStyle = t.gridLine;
  c.lineWidth = 1;
  c.textAlign = 'right';
  c.textBaseline = 'middle';
  for (const v of ticks) {
    const Y = Math.round(plot.py(v)) + 0.5;
    c.beginPath(); c.moveTo(plot.margin.left, Y); c.lineTo(plot.width - plot.margin.right, Y); c.stroke();
    c.fillText(format(v), plot.margin.left - 6, Y);
  }
  c.restore();
}

// Up to `count` round tick values from 0 to max (1, 2, 2.5 or 5 times a power of ten apart).
export function roundTicks(max, count = 4) {
  if (!(max > 0) || !Number.isFinite(max)) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => max / s <= count) || 10 * mag;
  const out = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}
