// Shared pieces of the linear-algebra widgets: the matrix presets, the smiley's points, grid-line
// ends, number formatting and the words that describe a determinant and an
// eigen-decomposition. Geometry, data and wording only: every number described comes from the engine.
import { fixed } from './ui.js';

// Tidy floating-point dust (cos 90° = 6e-17) so typed-back entries read 0.
const tidy = (v) => Math.round(v * 1e12) / 1e12 + 0;

export const PRESETS = {
  identity: { label: 'identity: nothing moves', matrix: () => [1, 0, 0, 1] },
  symmetric: { label: 'symmetric [[2, 1], [1, 2]]', matrix: () => [2, 1, 1, 2] },
  scale: { label: 'stretch x₁ ×2, squash x₂ ×½', matrix: () => [2, 0, 0, 0.5] },
  uniform: { label: 'scale everything ×1.5', matrix: () => [1.5, 0, 0, 1.5] },
  rotate: { label: 'rotate by ω', matrix: (deg) => { const r = (deg * Math.PI) / 180; return [tidy(Math.cos(r)), tidy(-Math.sin(r)), tidy(Math.sin(r)), tidy(Math.cos(r))]; } },
  shear: { label: 'shear [[1, 1], [0, 1]]', matrix: () => [1, 1, 0, 1] },
  reflect: { label: 'reflect in the x₂-axis', matrix: () => [-1, 0, 0, 1] },
  project: { label: 'project onto the x₁-axis (singular)', matrix: () => [1, 0, 0, 0] },
  singular: { label: 'squash onto a line [[1, 2], [0.5, 1]]', matrix: () => [1, 2, 0.5, 1] },
  custom: { label: 'your own (edit or drag)', matrix: () => [1.2, 0.8, -0.4, 1] },
};

// A winking smiley as flat x, y pairs: face circle of radius 2, a round left eye, a closed right
// eye (a dash) and a smile — not mirror-symmetric, so a reflection is visible.
export const SMILEY = (() => {
  const p = [];
  for (let k = 0; k < 48; k++) { const a = (2 * Math.PI * k) / 48; p.push(2 * Math.cos(a), 2 * Math.sin(a)); }
  for (let k = 0; k < 8; k++) { const a = (2 * Math.PI * k) / 8; p.push(-0.7 + 0.22 * Math.cos(a), 0.75 + 0.22 * Math.sin(a)); }
  p.push(-0.7, 0.75);
  for (let k = 0; k <= 6; k++) p.push(0.45 + 0.09 * k, 0.75);
  for (let k = 0; k <= 14; k++) { const a = Math.PI * (1.15 + (0.7 * k) / 14); p.push(1.2 * Math.cos(a), 0.15 + 1.2 * Math.sin(a)); }
  return p;
})();

// Ends of the grid lines x = k and y = k (k = −span … span), each long enough to stay on screen
// after a stretch: flat [x0, y0, x1, y1, …].
export function gridSegments(span) {
  const out = [];
  const L = span * 4;
  for (let k = -span; k <= span; k++) out.push(k, -L, k, L, -L, k, L, k);
  return out;
}

// An entry as typed into the editor: at most 3 decimals, no trailing zeros.
export function formatEntry(v) { return String(Number(fixed(v, 3))); }

export const vec = (x, y) => `(${fixed(x, 3)}, ${fixed(y, 3)})`;

const ZERO = 1e-12;

// The determinant and eigen-structure (both from the engine) in words, and the message tone.
export function describeMatrix(det, eig) {
  let area;
  let tone = 'info';
  if (Math.abs(det) <= ZERO) {
    area = 'det A = 0: the unit square is squashed flat onto a line or a point. A is singular: information is lost and no matrix can undo it.';
    tone = 'warn';
  } else if (det > 0) {
    area = `det A = ${fixed(det, 3)}: the unit square becomes a parallelogram of area ${fixed(det, 3)}, and its orientation is kept (turning from Aî to Aĵ is still anticlockwise).`;
  } else {
    area = `det A = ${fixed(det, 3)}: the parallelogram has area ${fixed(-det, 3)}, and the minus sign says the plane was flipped over like a mirror image (Aî to Aĵ now turns clockwise).`;
  }
  let eigen;
  const v = (k) => vec(eig.vectors[2 * k], eig.vectors[2 * k + 1]);
  const lam = (x) => fixed(x, 3);
  if (eig.kind === 'complex') {
    eigen = `No real eigenvectors: this matrix rotates every direction (λ = ${lam(eig.re)} ± ${lam(eig.im)}i).`;
  } else if (eig.kind === 'scalar') {
    eigen = Math.abs(eig.values[0]) <= ZERO
      ? 'A is the zero matrix: every point lands on the origin.'
      : `A = ${lam(eig.values[0])}·I: every direction is an eigenvector, all scaled by ${lam(eig.values[0])}.`;
  } else if (eig.kind === 'defective') {
    eigen = `Only one eigen-direction, ${v(0)}, with λ = ${lam(eig.values[0])} repeated: a shear slides every other direction along it.`;
  } else {
    const part = (k) => {
      const l = eig.values[k];
      const what = Math.abs(l) <= ZERO ? 'squashed to nothing' : l < 0 ? `flipped and scaled by ${lam(l)}` : `scaled by ${lam(l)}`;
      return `along ${v(k)} vectors are ${what}`;
    };
    eigen = `Eigenvectors: ${part(0)}; ${part(1)}.`;
  }
  return { text: `${area} ${eigen}`, tone };
}
