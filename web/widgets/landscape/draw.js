// Drawing helpers shared by the landscape widgets: the diverging orange–white–blue scale of
// DESIGN.md (negative orange, positive blue, zero the card surface), a sequential scale, a
// legend bar, and small labelled controls. Geometry and colour only: no maths a lesson teaches.
import { el, nextId } from '../../lib/ui.js';

export function hexToRgb(hex) {
  const s = String(hex).trim();
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(s);
  if (m) {
    const h = m[1].length === 3 ? m[1].split('').map((c) => c + c).join('') : m[1];
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  const r = /rgba?\((\d+)[ ,]+(\d+)[ ,]+(\d+)/.exec(s);
  return r ? [Number(r[1]), Number(r[2]), Number(r[3])] : [128, 128, 128];
}

function mixRgb(a, b, t) {
  return [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * t));
}

const css = (rgb) => `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;

// A diverging colour function v ↦ colour for v in [−range, range] (clamped), centred on the
// surface colour. Returns a function so the theme is parsed once per draw.
export function divergingScale(theme, range) {
  const neg = hexToRgb(theme.class0);
  const mid = hexToRgb(theme.surface);
  const pos = hexToRgb(theme.class1);
  const r = range > 0 && Number.isFinite(range) ? range : 1;
  return (v) => {
    if (!Number.isFinite(v)) return theme.surface2;
    const t = Math.max(-1, Math.min(1, v / r));
    return css(t < 0 ? mixRgb(mid, neg, -t) : mixRgb(mid, pos, t));
  };
}

// A sequential scale from the surface colour to `to` (a theme colour) for v in [lo, hi].
export function sequentialScale(theme, lo, hi, to = theme.class1) {
  const a = hexToRgb(theme.surface);
  const b = hexToRgb(to);
  const span = hi - lo > 0 ? hi - lo : 1;
  return (v) => (Number.isFinite(v) ? css(mixRgb(a, b, Math.max(0, Math.min(1, (v - lo) / span)))) : theme.surface2);
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
// clamped), crisp at any devicePixelRatio. For boards and matrices where the Plot's axes and
// margins are not wanted. draw(ctx, width, height) is called by the owner.
export class Board {
  constructor(parent, { aspect = 1, minHeight = 120, maxHeight = 520, label = 'Figure', onResize } = {}) {
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', label);
    parent.append(this.canvas);
    this.aspect = aspect;
    this.minHeight = minHeight;
    this.maxHeight = maxHeight;
    this.onResize = onResize;
    this.ctx = this.canvas.getContext('2d');
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(parent);
    this.resize();
  }

  setAspect(aspect) { this.aspect = aspect; this.width = 0; this.resize(); }

  resize() {
    const parent = this.canvas.parentElement;
    if (!parent) return;
    const width = Math.max(160, parent.clientWidth || 400);
    const height = Math.round(Math.min(this.maxHeight, Math.max(this.minHeight, width * this.aspect)));
    const dpr = Math.min(3, window.devicePixelRatio || 1);
    if (this.width === width && this.height === height && this.dpr === dpr) return;
    this.width = width;
    this.height = height;
    this.dpr = dpr;
    this.canvas.style.height = `${height}px`;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    if (this.onResize) this.onResize();
  }

  begin() {
    const c = this.ctx;
    c.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    c.clearRect(0, 0, this.width, this.height);
    return c;
  }

  destroy() {
    this.resizeObserver.disconnect();
    this.canvas.remove();
  }
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
