// Colours as CSS strings for canvas drawing: a theme colour with alpha, the colour of cluster j,
// and CSS-colour forms of heatmap.js's diverging and sequential scales for cell-by-cell grids.
import { cssColor, divergingRgb, parseColor, sequentialRgb } from './heatmap.js';

export function rgba(color, alpha) {
  const [r, g, b] = parseColor(color);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

// Colours and shapes for up to eight clusters: the first three are the class marks of docs/design.md.
const EXTRA_CLUSTER_COLORS = ['#7c3aed', '#b4236b', '#6b7280', '#0e7490', '#a16207'];
export function clusterColor(theme, j) {
  if (j < 0) return theme.textMuted;
  return [theme.class0, theme.class1, theme.class2][j] || EXTRA_CLUSTER_COLORS[(j - 3) % EXTRA_CLUSTER_COLORS.length];
}

// A diverging colour function v ↦ CSS colour for v in [−range, range] (clamped), centred on the
// surface colour (heatmap.js's scale; non-finite values get surface-2). Returns a function so
// the theme is parsed once per draw.
export function divergingScale(theme, range) {
  const rgb = divergingRgb(theme);
  const r = range > 0 && Number.isFinite(range) ? range : 1;
  return (v) => (Number.isFinite(v) ? cssColor(rgb(v / r)) : theme.surface2);
}

// A sequential scale from the surface colour to `to` (a theme colour) for v in [lo, hi].
export function sequentialScale(theme, lo, hi, to = theme.class1) {
  const rgb = sequentialRgb(theme, to);
  const span = hi - lo > 0 ? hi - lo : 1;
  return (v) => (Number.isFinite(v) ? cssColor(rgb((v - lo) / span)) : theme.surface2);
}

// Categorical series (several named curves or paths on one plot: six optimisers, six regression
// models). Colour alone cannot tell six apart for every learner, so each series has its own colour,
// dash pattern and marker shape (marks.js shapeMarker), and its legend key draws all three
// (legend.js lineKey). The colours avoid the meanings docs/design.md reserves (class orange, blue
// and green, loss red-orange, good teal, model near-black, truth grey) and were chosen to stay
// apart under simulated deuteranopia, protanopia and tritanopia as well as normal vision (purples,
// wine, olive); where two of them meet under a deficiency the dash and the marker still differ.
// A light and a dark set, both at 3:1 contrast or more against the card surface.
const SERIES_LIGHT = ['#991144', '#441199', '#7a7a22', '#bb66aa', '#cc33cc', '#4d1a4d'];
const SERIES_DARK = ['#f0407a', '#9f7fff', '#e8e89a', '#f2b0ee', '#d040d0', '#9a9a26'];
const SERIES_DASH = [[], [10, 4], [4, 3], [1.5, 3], [10, 3, 2, 3], [10, 3, 2, 3, 2, 3]];
const SERIES_SHAPE = [3, 2, 4, 1, 5, 0]; // diamond, square, star, circle, down-triangle, triangle
export const SERIES_COUNT = SERIES_DASH.length;
export function seriesStyle(theme, i) {
  const [r, g, b] = parseColor(theme.surface);
  const dark = 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  const k = ((i % SERIES_COUNT) + SERIES_COUNT) % SERIES_COUNT;
  return { color: (dark ? SERIES_DARK : SERIES_LIGHT)[k], dash: SERIES_DASH[k], shape: SERIES_SHAPE[k] };
}
