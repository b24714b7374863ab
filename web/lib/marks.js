// Marks drawn on a Plot's canvas that plot.js does not draw itself: point markers in the class
// shapes of docs/design.md, dot markers for curves, line segments and arrows. Geometry and colour
// only: every number a widget shows comes from the engine.

// A marker at pixel (X, Y): 0 triangle, 1 circle, 2 square, 3 diamond, 4 pentagon-ish star, …
export function shapeMarker(ctx, X, Y, shape, size) {
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

// A dot marker for curves (filled = training, hollow = validation, docs/design.md).
export function curveMarker(plot, x, y, { color, hollow = false, size = 4 } = {}) {
  const c = plot.ctx;
  c.save();
  c.beginPath();
  c.arc(plot.px(x), plot.py(y), size, 0, Math.PI * 2);
  if (hollow) { c.fillStyle = plot.theme.surface; c.fill(); c.lineWidth = 2; c.strokeStyle = color; c.stroke(); } else { c.fillStyle = color; c.fill(); }
  c.restore();
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

// An arrow from (x0, y0) to (x1, y1) in data coordinates with an optional label at its tip.
export function arrow(c, plot, x0, y0, x1, y1, color, label = '', width = 3) {
  const X0 = plot.px(x0); const Y0 = plot.py(y0); const X1 = plot.px(x1); const Y1 = plot.py(y1);
  const len = Math.hypot(X1 - X0, Y1 - Y0);
  c.save();
  c.strokeStyle = color; c.fillStyle = color; c.lineWidth = width; c.lineCap = 'round';
  c.beginPath(); c.moveTo(X0, Y0); c.lineTo(X1, Y1); c.stroke();
  if (len > 6) {
    const ux = (X1 - X0) / len; const uy = (Y1 - Y0) / len; const h = Math.min(12, len * 0.45);
    c.beginPath();
    c.moveTo(X1, Y1);
    c.lineTo(X1 - ux * h - uy * h * 0.5, Y1 - uy * h + ux * h * 0.5);
    c.lineTo(X1 - ux * h + uy * h * 0.5, Y1 - uy * h - ux * h * 0.5);
    c.closePath(); c.fill();
  }
  if (label) {
    c.font = `600 13px ${plot.theme.font}`;
    c.textAlign = 'left'; c.textBaseline = 'bottom';
    const dx = len > 0 ? ((X1 - X0) / len) * 8 : 6; const dy = len > 0 ? ((Y1 - Y0) / len) * 8 : -6;
    c.lineWidth = 3; c.strokeStyle = plot.theme.surface; c.strokeText(label, X1 + dx + 2, Y1 + dy);
    c.fillText(label, X1 + dx + 2, Y1 + dy);
  }
  c.restore();
}
