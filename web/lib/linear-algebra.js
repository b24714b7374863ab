// Shared pieces of the linear-algebra widgets: the matrix presets, the smiley's points, grid-line
// ends and number formatting. Geometry and data only: the presets' names and the words that
// describe a determinant and an eigen-decomposition are matrix-transform's (its message table).
import { fixed } from './ui.js';
import { formatShort, readShown } from './format.js';

// Tidy floating-point dust (cos 90° = 6e-17) so typed-back entries read 0.
const tidy = (v) => Math.round(v * 1e12) / 1e12 + 0;

// The presets by name (their menu names are 'matrix-transform.preset.<name>' in that widget's table).
export const PRESETS = {
  identity: { matrix: () => [1, 0, 0, 1] },
  symmetric: { matrix: () => [2, 1, 1, 2] },
  scale: { matrix: () => [2, 0, 0, 0.5] },
  uniform: { matrix: () => [1.5, 0, 0, 1.5] },
  rotate: { matrix: (deg) => { const r = (deg * Math.PI) / 180; return [tidy(Math.cos(r)), tidy(-Math.sin(r)), tidy(Math.sin(r)), tidy(Math.cos(r))]; } },
  shear: { matrix: () => [1, 1, 0, 1] },
  reflect: { matrix: () => [-1, 0, 0, 1] },
  project: { matrix: () => [1, 0, 0, 0] },
  singular: { matrix: () => [1, 2, 0.5, 1] },
  custom: { matrix: () => [1.2, 0.8, -0.4, 1] },
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
export function formatEntry(v) { return formatShort(readShown(fixed(v, 3)), 6); }

export const vec = (x, y) => `(${fixed(x, 3)}, ${fixed(y, 3)})`;
