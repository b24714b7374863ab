// Decision boundaries as line segments: the cell centres a grid of predictions is asked at, the
// level contour of such a grid (marching squares), and the edges between a tree's leaf boxes of
// different classes. Geometry only: the values come from the engine.

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
