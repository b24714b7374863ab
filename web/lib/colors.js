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
