// Plot domains with one data unit as many pixels across as up (needed wherever right angles
// and true angles must look right: perpendicular feet, margins, vectors).

// Sets the plot's domain centred on (cx, cy), showing at least halfX either side across and
// halfY up and down, with one data unit the same number of pixels on both axes. Returns the
// half-widths used { sx, sy }.
export function equalDomain(plot, cx, cy, halfX, halfY) {
  const m = plot.margin;
  const w = Math.max(1, plot.width - m.left - m.right);
  const h = Math.max(1, plot.height - m.top - m.bottom);
  const unit = Math.max((2 * halfX) / w, (2 * halfY) / h);
  plot.setDomain(cx - (unit * w) / 2, cx + (unit * w) / 2, cy - (unit * h) / 2, cy + (unit * h) / 2);
  return { sx: (unit * w) / 2, sy: (unit * h) / 2 };
}
