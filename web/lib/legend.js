// Legends, written once for every widget: a row of swatch keys under a figure, a caption that
// names the figure under it, and a colour bar drawn on a canvas (heatmap.js's heatLegend is the
// DOM form of a colour bar).
import { el } from './ui.js';
import { shapeMarker } from './marks.js';

// A legend row: items [{ text, swatch, color? }], where `swatch` is the class list that styles
// the key's swatch (web/css/shared/legend.css, or the widget's own web/css/widgets/<widget>.css) and `color`
// an optional CSS colour painted on it. `className` is added to the row; `decorative` hides the
// row from assistive technology (for legends that repeat what a text alternative already says).
export function legend(parent, items, { className = '', decorative = false } = {}) {
  const row = el('div', { className: className ? `dw-legend ${className}` : 'dw-legend', 'aria-hidden': decorative ? 'true' : undefined });
  fillLegend(row, items);
  parent.append(row);
  return row;
}

// A caption above a figure, in words (what the plot under it shows and what its colours mean).
// It sits close to its own figure and keeps 16 px clear of whatever comes before it
// (web/css/shared/captions.css): a legend row under a chart kept only 4 px, so the caption of the
// next chart read as the key of the one above it. A div, not a p: a lesson's prose rule for
// paragraphs (.prose p, site.css) would override the caption's margins.
export function captionAbove(parent, text) {
  const caption = el('div', { className: 'dw-caption-above', text });
  parent.append(caption);
  return caption;
}

// Replaces a legend row's keys (for legends that change with the widget's settings). An item with
// `line: { color, dash, shape }` (colors.js seriesStyle) gets a lineKey instead of a swatch.
export function fillLegend(row, items) {
  row.replaceChildren(...items.map((item) => {
    if (item.line) return el('span', { className: 'dw-legend-key' }, [lineKey(item.line), el('span', { text: item.text })]);
    const sw = el('span', { className: item.swatch, 'aria-hidden': 'true' });
    if (item.color) sw.style.background = item.color;
    return el('span', { className: 'dw-legend-key' }, [sw, el('span', { text: item.text })]);
  }));
  return row;
}

// A legend key drawn as the series is drawn: a short stroke in its colour and dash pattern with its
// marker (marks.js shapeMarker) in the middle, on a small canvas crisp at the devicePixelRatio.
// The style is kept in data attributes so a test can compare it with what the plot draws.
export function lineKey({ color, dash = [], shape = null, width = 2.5 }) {
  const w = 32; const h = 14;
  const dpr = globalThis.devicePixelRatio || 1;
  const canvas = el('canvas', { className: 'dw-line-sample', 'aria-hidden': 'true' });
  canvas.width = Math.round(w * dpr); canvas.height = Math.round(h * dpr);
  Object.assign(canvas.style, { display: 'inline-block', width: `${w}px`, height: `${h}px`, flex: 'none', verticalAlign: 'middle' });
  Object.assign(canvas.dataset, { color, dash: dash.join(','), shape: shape === null ? '' : String(shape) });
  const c = canvas.getContext('2d');
  if (!c) return canvas;
  c.scale(dpr, dpr);
  c.strokeStyle = color; c.lineWidth = width; c.setLineDash(dash);
  c.beginPath(); c.moveTo(1, h / 2); c.lineTo(w - 1, h / 2); c.stroke();
  if (shape !== null) { c.setLineDash([]); shapeMarker(c, w / 2, h / 2, shape, 4); c.fillStyle = color; c.fill(); }
  return canvas;
}

// A horizontal colour bar drawn on a canvas context at (x, y) with width w.
export function drawLegendBar(ctx, theme, { x, y, w, h = 10, color, lo, hi, label = '', format = (v) => String(v) }) {
  const n = 48;
  for (let i = 0; i < n; i++) {
    ctx.fillStyle = color(lo + ((hi - lo) * (i + 0.5)) / n);
    ctx.fillRect(x + (w * i) / n, y, w / n + 0.5, h);
  }
  ctx.strokeStyle = theme.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
  ctx.fillStyle = theme.textMuted;
  ctx.font = `11px ${theme.mono}`;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillText(format(lo), x, y + h + 2);
  ctx.textAlign = 'right';
  ctx.fillText(format(hi), x + w, y + h + 2);
  if (label) { ctx.textAlign = 'center'; ctx.fillText(label, x + w / 2, y + h + 2); }
}
