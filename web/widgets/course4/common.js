// Drawing and interaction helpers shared by the Level 4 (expert) widgets. Only geometry, colour
// and layout live here: every number a widget shows still comes from the engine.
import { parseColor } from '../../lib/heatmap.js';
import { formatPercent } from '../../lib/format.js';

// ---- colour ----

export function rgba(color, alpha) {
  const [r, g, b] = parseColor(color);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

// Colours and shapes for up to eight clusters: the first three are the class marks of DESIGN.md.
const EXTRA_CLUSTER_COLORS = ['#7c3aed', '#b4236b', '#6b7280', '#0e7490', '#a16207'];
export function clusterColor(theme, j) {
  if (j < 0) return theme.textMuted;
  return [theme.class0, theme.class1, theme.class2][j] || EXTRA_CLUSTER_COLORS[(j - 3) % EXTRA_CLUSTER_COLORS.length];
}

// A marker at pixel (X, Y): 0 triangle, 1 circle, 2 square, 3 diamond, 4 pentagon-ish star, …
export function marker(ctx, X, Y, shape, size) {
  ctx.beginPath();
  const s = size;
  switch (shape % 6) {
    case 0: ctx.moveTo(X, Y - s * 1.25); ctx.lineTo(X + s * 1.2, Y + s * 0.9); ctx.lineTo(X - s * 1.2, Y + s * 0.9); ctx.closePath(); break;
    case 1: ctx.arc(X, Y, s, 0, Math.PI * 2); break;
    case 2: ctx.rect(X - s * 0.9, Y - s * 0.9, s * 1.8, s * 1.8); break;
    case 3: ctx.moveTo(X, Y - s * 1.3); ctx.lineTo(X + s * 1.1, Y); ctx.lineTo(X, Y + s * 1.3); ctx.lineTo(X - s * 1.1, Y); ctx.closePath(); break;
    case 4: for (let i = 0; i < 10; i++) { const r = i % 2 ? s * 0.55 : s * 1.3; const a = -Math.PI / 2 + (i * Math.PI) / 5; const px = X + r * Math.cos(a); const py = Y + r * Math.sin(a); if (i) ctx.lineTo(px, py); else ctx.moveTo(px, py); } ctx.closePath(); break;
    default: ctx.moveTo(X, Y + s * 1.25); ctx.lineTo(X + s * 1.2, Y - s * 0.9); ctx.lineTo(X - s * 1.2, Y - s * 0.9); ctx.closePath(); break;
  }
}

// ---- heat maps (painted by web/lib/heatmap.js) ----

// Cell centres of an nx × ny grid over the plot's domain, as a flat [x, y, x, y, …] array.
export function gridPoints(domain, nx, ny) {
  const { x0, x1, y0, y1 } = domain;
  const out = new Float64Array(nx * ny * 2);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = (j * nx + i) * 2;
      out[k] = x0 + ((i + 0.5) * (x1 - x0)) / nx;
      out[k + 1] = y0 + ((j + 0.5) * (y1 - y0)) / ny;
    }
  }
  return out;
}

// The level-`level` contour of a grid of values (marching squares over cell centres) as line
// segments in data coordinates: [[xa, ya, xb, yb], …].
export function contourSegments(values, nx, ny, domain, level = 0.5) {
  const { x0, x1, y0, y1 } = domain;
  const X = (i) => x0 + ((i + 0.5) * (x1 - x0)) / nx;
  const Y = (j) => y0 + ((j + 0.5) * (y1 - y0)) / ny;
  const v = (i, j) => values[j * nx + i] - level;
  const segs = [];
  const lerp = (a, b) => (a === b ? 0.5 : a / (a - b));
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = v(i, j); const b = v(i + 1, j); const c = v(i + 1, j + 1); const d = v(i, j + 1);
      const pts = [];
      if ((a > 0) !== (b > 0)) pts.push([X(i) + lerp(a, b) * (X(i + 1) - X(i)), Y(j)]);
      if ((b > 0) !== (c > 0)) pts.push([X(i + 1), Y(j) + lerp(b, c) * (Y(j + 1) - Y(j))]);
      if ((d > 0) !== (c > 0)) pts.push([X(i) + lerp(d, c) * (X(i + 1) - X(i)), Y(j + 1)]);
      if ((a > 0) !== (d > 0)) pts.push([X(i), Y(j) + lerp(a, d) * (Y(j + 1) - Y(j))]);
      if (pts.length === 2) segs.push([...pts[0], ...pts[1]]);
      else if (pts.length === 4) { segs.push([...pts[0], ...pts[1]]); segs.push([...pts[2], ...pts[3]]); }
    }
  }
  return segs;
}

export function drawSegments(plot, segs, { color, width = 2, alpha = 1, dash = [] } = {}) {
  const c = plot.ctx;
  c.save();
  c.globalAlpha = alpha;
  c.strokeStyle = color || plot.theme.model;
  c.lineWidth = width;
  c.setLineDash(dash);
  c.beginPath();
  for (const [xa, ya, xb, yb] of segs) { c.moveTo(plot.px(xa), plot.py(ya)); c.lineTo(plot.px(xb), plot.py(yb)); }
  c.stroke();
  c.restore();
}

// Boundaries between leaf boxes of different classes (regions() format: 7 numbers per box,
// [xmin, xmax, ymin, ymax, class, purity, samples]) as segments: the edges a tree's decision
// boundary runs along.
export function regionBoundaries(regions) {
  const boxes = [];
  for (let k = 0; k + 6 < regions.length; k += 7) boxes.push(regions.subarray ? regions.subarray(k, k + 7) : regions.slice(k, k + 7));
  const segs = [];
  const eps = 1e-9;
  for (let a = 0; a < boxes.length; a++) {
    for (let b = a + 1; b < boxes.length; b++) {
      const A = boxes[a]; const B = boxes[b];
      if (A[4] === B[4]) continue;
      // shared vertical edge
      if (Math.abs(A[1] - B[0]) < eps || Math.abs(B[1] - A[0]) < eps) {
        const x = Math.abs(A[1] - B[0]) < eps ? A[1] : A[0];
        const lo = Math.max(A[2], B[2]); const hi = Math.min(A[3], B[3]);
        if (hi > lo + eps) segs.push([x, lo, x, hi]);
      }
      // shared horizontal edge
      if (Math.abs(A[3] - B[2]) < eps || Math.abs(B[3] - A[2]) < eps) {
        const y = Math.abs(A[3] - B[2]) < eps ? A[3] : A[2];
        const lo = Math.max(A[0], B[0]); const hi = Math.min(A[1], B[1]);
        if (hi > lo + eps) segs.push([lo, y, hi, y]);
      }
    }
  }
  return segs;
}

// ---- layout ----

// Sets the plot's domain so one data unit is the same number of pixels on both axes (needed
// wherever right angles must look right: perpendicular feet, margins).
export function equalDomain(plot, cx, cy, halfX, halfY) {
  const m = plot.margin;
  const w = Math.max(1, plot.width - m.left - m.right);
  const h = Math.max(1, plot.height - m.top - m.bottom);
  const unit = Math.max((2 * halfX) / w, (2 * halfY) / h);
  plot.setDomain(cx - (unit * w) / 2, cx + (unit * w) / 2, cy - (unit * h) / 2, cy + (unit * h) / 2);
}

// A small legend row of (swatch, label) items below a canvas.
export function legend(parent, items) {
  const row = document.createElement('div');
  row.className = 'dw-legend';
  for (const { label, swatchClass } of items) {
    const item = document.createElement('span');
    item.className = 'c4-legend-item';
    const sw = document.createElement('span');
    sw.className = `c4-swatch ${swatchClass || ''}`;
    sw.setAttribute('aria-hidden', 'true');
    item.append(sw, document.createTextNode(label));
    row.append(item);
  }
  parent.append(row);
  return row;
}

// A fraction as a percentage, through the site's one formatter ("–" for a non-number).
export function pct(v, digits = 1) {
  return formatPercent(v, digits);
}

// Deletes engine objects that may be null or already deleted.
export function free(...objects) {
  for (const o of objects) if (o && typeof o.delete === 'function' && !(o.isDeleted && o.isDeleted())) o.delete();
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
