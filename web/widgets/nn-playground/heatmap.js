// Heat maps at grid resolution: values computed by the engine on an n×n grid are painted into
// an n×n GridImage (web/lib/heatmap.js) and stretched onto the visible canvas by drawImage (or
// by CSS for the neuron thumbnails). Colours follow docs/design.md: a diverging orange–(surface)–blue
// scale, orange for negative / class 0, blue for positive / class 1, green for a third class.
import { el } from '../../lib/ui.js';
import { GridImage as LibGridImage, cssColor, divergingRgb, mixRgb, parseColor } from '../../lib/heatmap.js';

// Palette from the theme: mid (the card surface), class colours. `strength` < 1 keeps the
// map pale enough for the data marks on top to stay readable.
// Kept per theme object and strength, so the colour table below is built once per theme.
const palettes = new WeakMap();
export function palette(theme, strength = 0.7) {
  let byStrength = palettes.get(theme);
  if (!byStrength) { byStrength = new Map(); palettes.set(theme, byStrength); }
  let pal = byStrength.get(strength);
  if (!pal) {
    pal = { mid: parseColor(theme.surface), neg: parseColor(theme.class0), pos: parseColor(theme.class1), third: parseColor(theme.class2), strength, signed: divergingRgb(theme, { strength }), table: null };
    byStrength.set(strength, pal);
  }
  return pal;
}

// The diverging scale as a table of TABLE_SIZE pixels (one 32-bit RGBA word each, in the byte
// order of ImageData) for t from −1 to 1: a frame's heat maps are coloured by one table look-up
// per cell instead of a colour function call (the 200×200 output map is 40,000 cells a frame).
const TABLE_SIZE = 1024;
function signedTable(pal) {
  if (pal.table) return pal.table;
  const table = new Uint32Array(TABLE_SIZE);
  const bytes = new Uint8ClampedArray(table.buffer); // rounds like ImageData does
  const rgb = [0, 0, 0];
  for (let i = 0; i < TABLE_SIZE; i++) {
    const c = pal.signed(-1 + (2 * i) / (TABLE_SIZE - 1), rgb);
    bytes[4 * i] = c[0]; bytes[4 * i + 1] = c[1]; bytes[4 * i + 2] = c[2]; bytes[4 * i + 3] = 255;
  }
  pal.table = table;
  return table;
}

// Writes an n×n signed map into `words` (a Uint32Array view of an n×n ImageData, rows top-down):
// cell k's value is values[offset + k·stride]·mul + add, clamped to [−1, 1] (a non-finite one
// is 0, the surface); `discrete` keeps only its sign. Grid rows run bottom-up, image rows top-down.
export function paintSignedWords(words, values, n, pal, { offset = 0, stride = 1, mul = 1, add = 0, discrete = false } = {}) {
  const table = signedTable(pal);
  const half = (TABLE_SIZE - 1) / 2;
  for (let j = 0; j < n; j++) {
    const row = (n - 1 - j) * n;
    let src = offset + j * n * stride;
    for (let i = 0; i < n; i++, src += stride) {
      let v = values[src] * mul + add;
      if (!(v - v === 0)) v = 0; // NaN or ±∞
      else if (discrete) v = v > 0 ? 1 : v < 0 ? -1 : 0;
      else if (v > 1) v = 1;
      else if (v < -1) v = -1;
      words[row + i] = table[Math.round((v + 1) * half)];
    }
  }
  return words;
}

// An n×n picture at grid resolution (web/lib/heatmap.js), with the two ways this playground
// colours it.
export class GridImage extends LibGridImage {
  // The fast path for signed maps (paintSignedWords above): no colour call per cell.
  drawSignedFast(values, n, pal, options) {
    this.ensure(n, n);
    if (!this.words || this.words.buffer !== this.image.data.buffer) this.words = new Uint32Array(this.image.data.buffer);
    paintSignedWords(this.words, values, n, pal, options);
    this.ctx.putImageData(this.image, 0, 0);
    return this.canvas;
  }

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
export function normalisedScale(values, offset, cells) {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = offset; i < offset + cells; i++) { const v = values[i]; if (v < lo) lo = v; if (v > hi) hi = v; }
  if (lo >= 0) { const half = Math.max(1, hi) / 2; return { mul: 1 / half, add: -1 }; }
  return { mul: 1 / Math.max(1, Math.abs(lo), Math.abs(hi)), add: 0 };
}

export function drawNormalised(image, values, offset, n, pal) {
  return image.drawSignedFast(values, n, pal, { offset, ...normalisedScale(values, offset, n * n) });
}

// A legend row: a gradient bar between two labels, or class swatches.
export function createLegend(parent, t) {
  const root = el('div', { className: 'nnp-legend', role: 'img' });
  parent.append(root);
  return {
    root,
    set({ theme, kind, low, high, classNames }) {
      root.replaceChildren();
      const pal = palette(theme);
      const css = (c, t) => cssColor(mixRgb([0, 0, 0], pal.mid, c, t));
      if (kind === 'multiclass') {
        root.setAttribute('aria-label', t('nn-playground.legend.classes', { classes: classNames.join(', ') }));
        [pal.neg, pal.pos, pal.third].forEach((c, i) => {
          const sw = el('span', { className: 'nnp-swatch' });
          sw.style.background = css(c, pal.strength);
          root.append(el('span', { className: 'nnp-legend-item' }, [sw, el('span', { text: classNames[i] })]));
        });
        return;
      }
      root.setAttribute('aria-label', t('nn-playground.legend.scale', { low, high }));
      const bar = el('span', { className: 'nnp-gradient' });
      bar.style.background = `linear-gradient(to right, ${css(pal.neg, pal.strength)}, ${css(pal.neg, 0)}, ${css(pal.pos, pal.strength)})`;
      root.append(el('span', { className: 'nnp-legend-label', text: low }), bar, el('span', { className: 'nnp-legend-label', text: high }));
    },
  };
}
