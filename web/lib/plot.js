// A 2-D plot on a canvas: data ↔ pixel mapping, crisp at any devicePixelRatio (the backing
// store is sized in device pixels, the element in CSS pixels), resized with its container,
// and the shared marks of docs/design.md (class 0 triangles, class 1 circles, class 2 squares,
// model line solid, truth dashed, test data hollow).
import { readTheme, readFontScale, watchColorScheme } from './theme.js';
import { formatTick } from './format.js';

// A plot is never taller than the window less this much room (CSS px) for the card's readout.
// On a phone held sideways (800 × 375) width × aspect made a plot taller than the screen, and
// while a finger holds a handle the page does not scroll (drag.js): the line could not be dragged
// to the part out of view. Portrait and desktop windows are tall enough for every plot's maxHeight.
const WINDOW_ROOM = 48;

// The window's height with the browser's bars shown (documentElement.clientHeight, which does not
// change as a phone's address bar hides on scroll). Not inside a frame: the host page sizes an
// embed's iframe to its content (web/js/embed-frame.js), so the frame's height says nothing of the
// screen's, and capping by it would hold a plot short in a frame that starts small.
function windowHeight() {
  return window.self === window.top ? document.documentElement.clientHeight || Infinity : Infinity;
}

export class Plot {
  // minWidth and fallbackWidth (used while the parent has no layout yet) are in CSS pixels.
  // growWithText: the largest height grows with the learner's text size (grids whose cells hold
  // numbers: at 200 % text the numbers need cells twice as large, where the card has the width).
  constructor(parent, { aspect = 0.62, minHeight = 220, maxHeight = 520, domain = [0, 1, 0, 1], label = 'Plot', onResize, minWidth = 200, fallbackWidth = 600, growWithText = false } = {}) {
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', label);
    parent.append(this.canvas);
    this.aspect = aspect;
    this.minHeight = minHeight;
    this.maxHeight = maxHeight;
    this.minWidth = minWidth;
    this.fallbackWidth = fallbackWidth;
    this.growWithText = growWithText;
    this.theme = readTheme(parent);
    this.margin = { left: 44, right: 12, top: 12, bottom: 30 };
    // Drawn px the widest y number of the last axes() needs left of the plotting area (see
    // makeRoomForYTicks); the left margin is never narrower.
    this.yTickRoom = 0;
    this.marginFrame = 0;
    this.setDomain(...domain);
    this.onResize = onResize;
    this.ctx = this.canvas.getContext('2d');
    scaleContextFonts(this.ctx, () => this.fontScale);
    // A resize changes the canvas's height, and so the parent's, which this observer watches.
    // Done inside the callback, that change would be due again in the same frame, and every
    // engine then reports "ResizeObserver loop completed with undelivered notifications" as an
    // error (Firefox and WebKit log it; Chromium fires it at window.onerror). So the resize runs
    // in the next frame, as lesson.js does for formulas.
    this.resizeFrame = 0;
    this.resizeObserver = new ResizeObserver(() => {
      if (!this.resizeFrame) this.resizeFrame = requestAnimationFrame(() => { this.resizeFrame = 0; this.resize(); });
    });
    this.resizeObserver.observe(parent);
    // A larger text size may leave the canvas's own box as wide as before; the card around it grows.
    const card = parent.closest('.dw-card');
    this.resizeObserver.observe(card || document.documentElement);
    // The canvas is transparent over the page: drawn in the old scheme's colours after the system
    // switches between light and dark, its axes and text would be near-black on a dark card (or the
    // reverse). So a switch reads the colours again and redraws through the widget's onResize, as a
    // resize does.
    this.releaseColorScheme = watchColorScheme(() => { this.refreshTheme(); if (this.onResize) this.onResize(); });
    this.resize();
  }

  destroy() {
    this.resizeObserver.disconnect();
    this.releaseColorScheme();
    cancelAnimationFrame(this.resizeFrame);
    cancelAnimationFrame(this.marginFrame);
    this.canvas.remove();
  }

  refreshTheme() { this.theme = readTheme(this.canvas.parentElement || this.canvas); }

  // The learner's text size over the 16 px default (1 on a default page). Every font the plot's
  // context is given ("11px …") is drawn this much larger, and the margins (set by the plot or by
  // its widget, in default-size pixels) grow with it, so axis numbers and names keep their room.
  get fontScale() { return (this.theme && this.theme.fontScale) || 1; }

  // `font` (as given to the context: "11px …", at the default text size) made smaller where need
  // be for `sample` to fit `width` drawn pixels and a line of it `height`: text in a grid's cells
  // grows with the learner's text as far as the cells allow, and no further (numbers in
  // neighbouring cells ran into each other at 200 % text).
  fitFont(font, sample, width, height = Infinity) {
    const c = this.ctx;
    c.font = font;
    const px = parseFloat(/(\d*\.?\d+)px/.exec(font)[1]);
    const drawn = c.measureText(sample).width;
    const s = this.fontScale;
    const fit = Math.min(1, drawn > 0 ? width / drawn : 1, height / (1.2 * px * s));
    return fit >= 1 ? font : font.replace(/(\d*\.?\d+)px/, `${px * fit}px`);
  }

  // Margins read back in drawn pixels (scaled); written in default-size pixels, whole or by side.
  // A widget's { ...plot.margin, top: 24 } copies the drawn values back: a side handed back
  // unchanged keeps its default-size value rather than being scaled a second time.
  get margin() { return this.marginView; }
  set margin(m) {
    const old = this.marginBase;
    const base = {};
    for (const side of ['left', 'right', 'top', 'bottom']) {
      const v = m[side];
      base[side] = old && this.marginView && v === this.marginView[side] ? old[side] : v;
    }
    this.marginBase = base;
    const view = {};
    for (const side of ['left', 'right', 'top', 'bottom']) {
      Object.defineProperty(view, side, {
        enumerable: true,
        get: () => (side === 'left' ? Math.max(base.left * this.fontScale, this.yTickRoom || 0) : base[side] * this.fontScale),
        set: (v) => { base[side] = v; },
      });
    }
    this.marginView = view;
  }

  setDomain(x0, x1, y0, y1) { this.domain = { x0, x1, y0, y1 }; }

  // Widens the left margin when the widest y number (drawn px) would not fit in it: numbers in
  // the × 10ⁿ form are about 60 px wide, and right-aligned 6 px inside the 44 px margin they began
  // off the canvas ("-2 × 10⁻⁴" of t-SNE's tiny opening cloud read "× 10⁻⁴"). A margin that fits
  // its numbers stays as the widget set it. Whatever the widget drew before its axes (a heat map)
  // was placed with the old margin, so a change redraws once more through onResize, next frame.
  makeRoomForYTicks(widest) {
    const before = this.margin.left;
    this.yTickRoom = widest > 0 ? widest + 7 * this.fontScale : 0; // 6 px gap to the axis, 1 px from the edge
    if (this.margin.left !== before && this.onResize && !this.marginFrame) {
      this.marginFrame = requestAnimationFrame(() => { this.marginFrame = 0; this.onResize(); });
    }
  }

  resize() {
    const parent = this.canvas.parentElement;
    if (!parent) return;
    const width = Math.max(this.minWidth, parent.clientWidth || this.fallbackWidth);
    const scale = readFontScale(parent);
    const maxHeight = this.growWithText ? this.maxHeight * scale : this.maxHeight;
    const tallest = Math.min(maxHeight, Math.max(this.minHeight, windowHeight() - WINDOW_ROOM));
    const height = Math.round(Math.min(tallest, Math.max(this.minHeight, width * this.aspect)));
    const dpr = Math.min(3, window.devicePixelRatio || 1);
    if (scale !== this.fontScale) {
      this.refreshTheme();
    } else if (this.width === width && this.height === height && this.dpr === dpr) return;
    this.width = width;
    this.height = height;
    this.dpr = dpr;
    this.canvas.style.height = `${height}px`;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    if (this.onResize) this.onResize();
  }

  // Data → CSS pixel coordinates inside the plotting area.
  px(x) { const { x0, x1 } = this.domain; const m = this.margin; return m.left + ((x - x0) / (x1 - x0)) * (this.width - m.left - m.right); }
  py(y) { const { y0, y1 } = this.domain; const m = this.margin; return this.height - m.bottom - ((y - y0) / (y1 - y0)) * (this.height - m.top - m.bottom); }
  dataX(px) { const { x0, x1 } = this.domain; const m = this.margin; return x0 + ((px - m.left) / (this.width - m.left - m.right)) * (x1 - x0); }
  dataY(py) { const { y0, y1 } = this.domain; const m = this.margin; return y0 + ((this.height - m.bottom - py) / (this.height - m.top - m.bottom)) * (y1 - y0); }
  // Pointer event → data coordinates.
  eventToData(event) {
    const r = this.canvas.getBoundingClientRect();
    return { x: this.dataX(event.clientX - r.left), y: this.dataY(event.clientY - r.top) };
  }

  begin() {
    const c = this.ctx;
    c.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    c.clearRect(0, 0, this.width, this.height);
    return c;
  }

  clipToArea(fn) {
    const c = this.ctx;
    const m = this.margin;
    c.save();
    c.beginPath();
    c.rect(m.left, m.top, this.width - m.left - m.right, this.height - m.top - m.bottom);
    c.clip();
    fn(c);
    c.restore();
  }

  axes({ xLabel = '', yLabel = '', xTicks = 5, yTicks = 5 } = {}) {
    const c = this.ctx;
    const t = this.theme;
    const { x0, x1, y0, y1 } = this.domain;
    const s = this.fontScale;
    c.save();
    c.font = `11px ${t.mono}`;
    c.fillStyle = t.textMuted;
    c.strokeStyle = t.gridLine;
    c.lineWidth = 1;
    // When both axes start at 0 the corner gets one "0" (the x axis's), not two side by side.
    // yTicks: 0 asks for no y numbers; niceTicks still returns its one tick (0), whose grid line stays.
    const sharedZero = x0 === 0 && y0 === 0;
    const ys = niceTicks(y0, y1, yTicks).map((v) => {
      const text = yTicks === 0 || (sharedZero && v === 0) ? '' : formatTick(v);
      return { v, text, width: text ? c.measureText(text).width : 0 };
    });
    this.makeRoomForYTicks(Math.max(0, ...ys.map((y) => y.width)));
    // x numbers: each centred under its grid line but kept inside the canvas (the last one at the
    // right edge was cut by a pixel or two), and on a narrow plot every other one is left out when
    // neighbours would come closer than 8 px (their grid lines stay).
    const xs = niceTicks(x0, x1, xTicks).map((v) => {
      const X = Math.round(this.px(v)) + 0.5;
      const text = formatTick(v);
      const w = c.measureText(text).width;
      const left = Math.min(Math.max(X - w / 2, 1), this.width - 1 - w);
      return { X, text, left, right: left + w };
    });
    const crowded = xs.some((a, i) => i > 0 && a.left - xs[i - 1].right < 8);
    xs.forEach(({ X, text, left, right }, i) => {
      c.beginPath(); c.moveTo(X, this.margin.top); c.lineTo(X, this.height - this.margin.bottom); c.stroke();
      if (crowded && i % 2 === 1) return;
      c.textAlign = 'center'; c.textBaseline = 'top';
      c.fillText(text, left + (right - left) / 2, this.height - this.margin.bottom + 4 * s);
    });
    // The y label sits in the top-left corner: x from 4, one 12 px line from labelTop (about 2 px
    // down), so the ink of a tick number centred 7 px or more below that line clears it by 2 px; a
    // tick number that would print over it is left out (its grid line stays).
    c.font = `12px ${t.font}`;
    const labelRight = yLabel ? 4 * s + c.measureText(yLabel).width : -Infinity;
    const labelTop = yLabel ? yLabelTop(c, yLabel) : 0;
    c.font = `11px ${t.mono}`;
    for (const { v, text, width } of ys) {
      const Y = Math.round(this.py(v)) + 0.5;
      c.beginPath(); c.moveTo(this.margin.left, Y); c.lineTo(this.width - this.margin.right, Y); c.stroke();
      if (!text) continue;
      const left = this.margin.left - 6 * s - width;
      if (Y - 7 * s < labelTop + 12 * s && left < labelRight) continue;
      c.textAlign = 'right'; c.textBaseline = 'middle';
      c.fillText(text, this.margin.left - 6 * s, Y);
    }
    c.font = `12px ${t.font}`;
    if (xLabel) { c.textAlign = 'right'; c.textBaseline = 'bottom'; c.fillText(xLabel, this.width - this.margin.right, this.height - 1); }
    if (yLabel) { c.textAlign = 'left'; c.textBaseline = 'top'; c.fillText(yLabel, 4 * s, labelTop); }
    c.restore();
  }

  // A data point drawn with the class's colour AND shape; hollow for test data.
  point(x, y, cls = 1, { hollow = false, size = 5, highlight = false } = {}) {
    const c = this.ctx;
    const t = this.theme;
    const color = [t.class0, t.class1, t.class2][cls] || t.text;
    const X = this.px(x);
    const Y = this.py(y);
    c.beginPath();
    if (cls === 0) {
      const s = size * 1.25;
      c.moveTo(X, Y - s); c.lineTo(X + s * 0.95, Y + s * 0.7); c.lineTo(X - s * 0.95, Y + s * 0.7); c.closePath();
    } else if (cls === 2) {
      c.rect(X - size * 0.9, Y - size * 0.9, size * 1.8, size * 1.8);
    } else {
      c.arc(X, Y, size, 0, Math.PI * 2);
    }
    c.lineWidth = hollow ? 2 : 1;
    if (hollow) {
      c.strokeStyle = color; c.stroke();
    } else {
      c.fillStyle = color; c.fill();
      c.strokeStyle = t.surface; c.stroke();
    }
    if (highlight) {
      c.beginPath(); c.arc(X, Y, size + 5, 0, Math.PI * 2); c.strokeStyle = t.text; c.lineWidth = 2; c.stroke();
    }
  }

  // Polyline through data points (arrays of x and y).
  path(xs, ys, { color, width = 2, dash = [] } = {}) {
    const c = this.ctx;
    c.save();
    c.strokeStyle = color || this.theme.model;
    c.lineWidth = width;
    c.setLineDash(dash);
    c.beginPath();
    let started = false;
    for (let i = 0; i < xs.length; i++) {
      if (!Number.isFinite(ys[i])) { started = false; continue; }
      const X = this.px(xs[i]);
      const Y = this.py(ys[i]);
      if (!started) { c.moveTo(X, Y); started = true; } else c.lineTo(X, Y);
    }
    c.stroke();
    c.restore();
  }

  segment(xa, ya, xb, yb, opts) { this.path([xa, xb], [ya, yb], opts); }

  // A text label at the data point (x, y) in the theme's font and text colour. dx and dy move it
  // by CSS pixels (dy downwards, as on the canvas), e.g. to sit beside a handle or above an axis;
  // align and baseline say which part of the text sits at that spot.
  text(x, y, label, { dx = 0, dy = 0, align = 'center', baseline = 'middle', weight = 'normal', size = 12, color } = {}) {
    const c = this.ctx;
    c.save();
    c.font = `${weight} ${size}px ${this.theme.font}`;
    c.fillStyle = color || this.theme.text;
    c.textAlign = align;
    c.textBaseline = baseline;
    c.fillText(label, this.px(x) + dx, this.py(y) + dy);
    c.restore();
  }

  handle(x, y, { focused = false, color } = {}) {
    const c = this.ctx;
    const X = this.px(x);
    const Y = this.py(y);
    c.save();
    c.beginPath(); c.arc(X, Y, 8, 0, Math.PI * 2);
    c.fillStyle = this.theme.surface; c.fill();
    c.lineWidth = 3; c.strokeStyle = color || this.theme.model; c.stroke();
    if (focused) { c.beginPath(); c.arc(X, Y, 13, 0, Math.PI * 2); c.lineWidth = 2; c.strokeStyle = this.theme.accent; c.stroke(); }
    c.restore();
  }
}

// Where a y label drawn with textBaseline 'top' in the context's current font starts, so that its
// ink begins at least 1 px inside the canvas. 'top' puts the em box's top at y = 0, but brackets,
// accents and glyphs taken from a fallback font rise above it, and the canvas edge cut them off
// (the tops of "(log)" in the SVD widget's "σᵢ (log)").
export function yLabelTop(c, text) {
  return Math.max(0, Math.ceil(c.measureText(text).actualBoundingBoxAscent + 1));
}

// Canvas text in the learner's text size: a font set on the context as "600 13px …" is drawn at
// 13 × scale() px, and reads back as it was set. Every drawing helper and widget that writes text
// through the plot's context (axes, legends, tick names, labels) so grows with the page's text.
function scaleContextFonts(ctx, scale) {
  const font = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(ctx), 'font');
  if (!font || !font.get || !font.set) return;
  const resize = (value, by) => String(value).replace(/(\d*\.?\d+)px/, (_, n) => `${+n * by}px`);
  Object.defineProperty(ctx, 'font', {
    configurable: true,
    get() { const s = scale(); const f = font.get.call(this); return s === 1 ? f : resize(f, 1 / s); },
    set(value) { const s = scale(); font.set.call(this, s === 1 ? value : resize(value, s)); },
  });
}

export function niceTicks(lo, hi, count) {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [];
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count) || 10 * mag;
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}


// A small bar chart for loss histories etc.: values drawn left to right, newest highlighted.
export function drawBars(plot, values, { color, highlightLast = true, labels } = {}) {
  const c = plot.ctx;
  const n = values.length;
  if (!n) return;
  const { x0, x1 } = plot.domain;
  const slot = (x1 - x0) / Math.max(n, x1 - x0);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    const xa = plot.px(x0 + slot * (i + 0.15));
    const xb = plot.px(x0 + slot * (i + 0.85));
    const ya = plot.py(Math.max(plot.domain.y0, 0));
    const yb = plot.py(Math.min(v, plot.domain.y1));
    c.fillStyle = color || plot.theme.loss;
    c.globalAlpha = highlightLast && i !== n - 1 ? 0.55 : 1;
    c.fillRect(xa, yb, xb - xa, ya - yb);
    c.globalAlpha = 1;
    if (labels) {
      c.fillStyle = plot.theme.textMuted;
      c.font = `11px ${plot.theme.mono}`;
      c.textAlign = 'center';
      c.textBaseline = 'bottom';
      c.fillText(labels[i], (xa + xb) / 2, yb - 2);
    }
  }
}
