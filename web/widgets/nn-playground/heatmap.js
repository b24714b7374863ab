// Heat maps at grid resolution: values computed by the engine on an n×n grid are painted into
// an n×n GridImage (web/lib/heatmap.js) and stretched onto the visible canvas by drawImage (or
// by CSS for the neuron thumbnails). Colours follow docs/design.md: a diverging orange–(surface)–blue
// scale, orange for negative / class 0, blue for positive / class 1, green for a third class.
import { el } from '../../lib/ui.js';
import { GridImage as LibGridImage, cssColor, divergingRgb, mixRgb, parseColor } from '../../lib/heatmap.js';

// Palette from the theme: mid (the card surface), class colours. `strength` < 1 keeps the
// map pale enough for the data marks on top to stay readable.
export function palette(theme, strength = 0.7) {
  return { mid: parseColor(theme.surface), neg: parseColor(theme.class0), pos: parseColor(theme.class1), third: parseColor(theme.class2), strength, signed: divergingRgb(theme, { strength }) };
}

// An n×n picture at grid resolution (web/lib/heatmap.js), with the two ways this playground
// colours it.
export class GridImage extends LibGridImage {
  // values: n*n signed values in [−1, 1] (cells from the bottom row upward, x fastest),
  // read at `offset` with `stride` (for interleaved engine output).
  drawSigned(values, n, pal, { offset = 0, stride = 1, scale = 1, discrete = false } = {}) {
    return this.paint(n, n, (k, out) => {
      let v = values[offset + k * stride] / scale;
      if (discrete) v = v > 0 ? 1 : v < 0 ? -1 : 0;
      return pal.signed(v, out);
    });
  }

  // Class probabilities, `k` per cell: the winning class's colour, deeper with confidence.
  drawClasses(proba, n, k, pal, { discrete = false } = {}) {
    const colours = [pal.neg, pal.pos, pal.third];
    return this.paint(n, n, (cell, out) => {
      const base = cell * k;
      let best = 0;
      for (let c = 1; c < k; c++) if (proba[base + c] > proba[base + best]) best = c;
      const p = proba[base + best];
      const conf = discrete ? 1 : Math.max(0, Math.min(1, (p - 1 / k) / (1 - 1 / k)));
      return mixRgb(out, pal.mid, colours[best] || pal.pos, (Number.isFinite(conf) ? conf : 0) * pal.strength);
    });
  }
}

// One neuron's map scaled to its own range so its shape shows: a one-signed map (ReLU, sigmoid,
// x²) runs orange → blue from its low to its high end, a two-signed one is centred on white at
// 0; ranges under 1 are not stretched, so a weak neuron looks pale.
export function drawNormalised(image, values, offset, n, pal) {
  const cells = n * n;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = offset; i < offset + cells; i++) { const v = values[i]; if (v < lo) lo = v; if (v > hi) hi = v; }
  if (lo >= 0) {
    const half = Math.max(1, hi) / 2;
    const tmp = new Float32Array(cells);
    for (let i = 0; i < cells; i++) tmp[i] = values[offset + i] - half;
    return image.drawSigned(tmp, n, pal, { scale: half });
  }
  return image.drawSigned(values, n, pal, { offset, scale: Math.max(1, Math.abs(lo), Math.abs(hi)) });
}

// A legend row: a gradient bar between two labels, or class swatches.
export function createLegend(parent) {
  const root = el('div', { className: 'nnp-legend', role: 'img' });
  parent.append(root);
  return {
    root,
    set({ theme, kind, low, high, classNames }) {
      root.replaceChildren();
      const pal = palette(theme);
      const css = (c, t) => cssColor(mixRgb([0, 0, 0], pal.mid, c, t));
      if (kind === 'multiclass') {
        root.setAttribute('aria-label', `Colour legend: ${classNames.join(', ')}`);
        [pal.neg, pal.pos, pal.third].forEach((c, i) => {
          const sw = el('span', { className: 'nnp-swatch' });
          sw.style.background = css(c, pal.strength);
          root.append(el('span', { className: 'nnp-legend-item' }, [sw, el('span', { text: classNames[i] })]));
        });
        return;
      }
      root.setAttribute('aria-label', `Colour legend from ${low} (orange) through white to ${high} (blue)`);
      const bar = el('span', { className: 'nnp-gradient' });
      bar.style.background = `linear-gradient(to right, ${css(pal.neg, pal.strength)}, ${css(pal.neg, 0)}, ${css(pal.pos, pal.strength)})`;
      root.append(el('span', { className: 'nnp-legend-label', text: low }), bar, el('span', { className: 'nnp-legend-label', text: high }));
    },
  };
}
