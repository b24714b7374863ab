// The convolution widget's pictures, 16 × 16 pixels: one definition for the widget and for the
// tests that rebuild its numbers with the engine (lessons/convolution-filters.claims.test.mjs,
// tests/browser/convolution.test.mjs).
export const IMAGE_SIZE = 16;
const N = IMAGE_SIZE;

// Pixel art, values 0 … 1 (drawn as ink: 0 blank, 1 solid): drawn data, not computed maths.
export function makeImage(name) {
  const img = new Float64Array(N * N);
  for (let r = 0; r < N; r++) for (let c = 0; c < N; c++) {
    let v = 0;
    if (name === 'house') {
      const roof = r >= 2 && r <= 7 && Math.abs(c - 7.5) <= r - 1.5;
      const wall = r >= 8 && r <= 14 && c >= 3 && c <= 12;
      const door = r >= 10 && r <= 14 && c >= 7 && c <= 8;
      const window = r >= 9 && r <= 10 && ((c >= 4 && c <= 5) || (c >= 10 && c <= 11));
      v = door || window ? 0.15 : roof ? 0.6 : wall ? 1 : 0;
    } else if (name === 'ring') {
      const d = Math.hypot(r - 7.5, c - 7.5);
      v = d >= 3.5 && d <= 6 ? 1 : 0;
    } else if (name === 'stripes') {
      v = Math.floor((r + c) / 3) % 2 ? 1 : 0;
    } else {
      v = (Math.floor(r / 4) + Math.floor(c / 4)) % 2 ? 1 : 0;
    }
    img[r * N + c] = v;
  }
  return img;
}
