// Small grid images (filters, feature maps, the 8×8 input) drawn cell by cell on a canvas sized
// for the device's pixel ratio, with the theme's colour scales (docs/design.md: diverging
// orange–surface–blue for signed values, sequential surface→colour for non-negative ones).
import { cssColor, parseColor, mixRgb } from '../../lib/heatmap.js';

// Draws values (rows × cols, row by row) as a square of `size` CSS pixels; color(v) → CSS colour.
export function drawCells(canvas, values, cols, rows, color, size) {
  const dpr = Math.min(3, (typeof window !== 'undefined' && window.devicePixelRatio) || 1);
  const px = Math.round(size * dpr);
  if (canvas.width !== px) { canvas.width = px; canvas.height = Math.round(px * rows / cols); }
  canvas.style.width = `${size}px`;
  canvas.style.height = `${Math.round(size * rows / cols)}px`;
  const c = canvas.getContext('2d');
  const cw = canvas.width / cols; const ch = canvas.height / rows;
  for (let r = 0; r < rows; r++) for (let q = 0; q < cols; q++) {
    c.fillStyle = color(values[r * cols + q]);
    // Whole device pixels so neighbouring cells meet without seams.
    const x0 = Math.round(q * cw); const y0 = Math.round(r * ch);
    c.fillRect(x0, y0, Math.round((q + 1) * cw) - x0, Math.round((r + 1) * ch) - y0);
  }
}

// Parsed theme colours, so a frame of a thousand cells parses each colour once.
const parsed = new Map();
function rgbOf(text) {
  let v = parsed.get(text);
  if (!v) { v = parseColor(text); parsed.set(text, v); }
  return v;
}

// t ∈ [0, 1] from the surface to `to` (default: the text colour, so ink looks like ink).
export function inkColor(theme, t, to = theme.text) {
  const v = Number.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0;
  return cssColor(mixRgb([0, 0, 0], rgbOf(theme.surface), rgbOf(to), v));
}

// t ∈ [−1, 1]: orange (negative) – surface – blue (positive).
export function signedColor(theme, t) {
  const v = Number.isFinite(t) ? Math.max(-1, Math.min(1, t)) : 0;
  return cssColor(mixRgb([0, 0, 0], rgbOf(theme.surface), rgbOf(v < 0 ? theme.class0 : theme.class1), Math.abs(v)));
}
