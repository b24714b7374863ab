// Drawing helpers shared by the landscape widgets: CSS-colour forms of web/lib/heatmap.js's
// diverging orange–white–blue scale (negative orange, positive blue, zero the card surface) and
// sequential scale for cell-by-cell grids, a legend bar, a plain Board canvas, and small
// labelled controls. Geometry and colour only: no maths a lesson teaches.
import { el, nextId } from '../../lib/ui.js';
import { Plot } from '../../lib/plot.js';
import { cssColor, divergingRgb, sequentialRgb } from '../../lib/heatmap.js';

// A diverging colour function v ↦ CSS colour for v in [−range, range] (clamped), centred on the
// surface colour (web/lib/heatmap.js's scale; non-finite values get surface-2). Returns a
// function so the theme is parsed once per draw.
export function divergingScale(theme, range) {
  const rgb = divergingRgb(theme);
  const r = range > 0 && Number.isFinite(range) ? range : 1;
  return (v) => (Number.isFinite(v) ? cssColor(rgb(v / r)) : theme.surface2);
}

// A sequential scale from the surface colour to `to` (a theme colour) for v in [lo, hi].
export function sequentialScale(theme, lo, hi, to = theme.class1) {
  const rgb = sequentialRgb(theme, to);
  const span = hi - lo > 0 ? hi - lo : 1;
  return (v) => (Number.isFinite(v) ? cssColor(rgb((v - lo) / span)) : theme.surface2);
}

// A horizontal legend bar drawn on a canvas context at (x, y) with width w.
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

// A plain canvas that fills its parent's width with a fixed aspect (height = width × aspect,
// clamped), crisp at any devicePixelRatio: a Plot (same sizing and resizing) without margins,
// for boards and matrices where axes are not wanted. draw(ctx, width, height) is called by the owner.
export class Board extends Plot {
  constructor(parent, { aspect = 1, minHeight = 120, maxHeight = 520, label = 'Figure', onResize } = {}) {
    super(parent, { aspect, minHeight, maxHeight, label, onResize, minWidth: 160, fallbackWidth: 400 });
    this.margin = { left: 0, right: 0, top: 0, bottom: 0 };
  }

  setAspect(aspect) { this.aspect = aspect; this.width = 0; this.resize(); }
}

// A legend row of swatches: items = [{ text, className }] where className styles the swatch.
export function legend(parent, items) {
  const row = el('div', { className: 'dw-legend' });
  for (const item of items) {
    row.append(el('span', { className: 'dwl-key' }, [el('span', { className: `dwl-swatch ${item.className}`, 'aria-hidden': 'true' }), el('span', { text: item.text })]));
  }
  parent.append(row);
  return row;
}

// A labelled checkbox in a .dw-field.
export function checkbox(parent, { label, checked = false, onChange }) {
  const id = nextId('check');
  const input = el('input', { type: 'checkbox', id });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  parent.append(el('div', { className: 'dw-field dwl-check' }, [el('label', { for: id }, [input, el('span', { text: ` ${label}` })])]));
  return input;
}
