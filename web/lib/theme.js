// Canvas colours come from the CSS design tokens (web/css/tokens.css), read from the widget's
// own element so Shadow DOM embeds and dark mode get the right values.
const TOKENS = ['bg', 'surface', 'surface-2', 'border', 'text', 'text-muted', 'accent', 'class0', 'class1', 'class2',
  'model', 'truth', 'loss', 'good', 'grid-line'];

export function readTheme(element) {
  const style = getComputedStyle(element);
  const theme = {};
  for (const name of TOKENS) {
    const key = name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
    theme[key] = style.getPropertyValue(`--${name}`).trim() || '#888';
  }
  theme.font = style.getPropertyValue('--font-sans').trim() || 'sans-serif';
  theme.mono = style.getPropertyValue('--font-mono').trim() || 'monospace';
  theme.fontScale = readFontScale(element);
  return theme;
}

// How much larger the learner's text is than the 16 px default, read from the widget card's own
// font size (1rem on a lesson page, so it follows a larger browser or page text size; in an embed's
// shadow root the browser's default size, which a host page cannot restyle: web/embed.js). Canvas
// text is multiplied by it (web/lib/plot.js), so axis numbers grow with the page's text instead of
// staying at 11 px.
export function readFontScale(element) {
  const card = (element && element.closest && element.closest('.dw-card')) || element;
  const size = card ? parseFloat(getComputedStyle(card).fontSize) : NaN;
  return Number.isFinite(size) && size > 0 ? size / 16 : 1;
}

export const classColorKeys = ['class0', 'class1', 'class2'];

// Re-run `onChange` when the colour scheme flips so canvases redraw in the new theme.
export function watchColorScheme(onChange) {
  const query = matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
