// Vectors and the dot product (maths primer): a weight vector w and an example x with three
// components each, set with sliders. The bars are the three products wⱼxⱼ and, last, their sum
// wᵀx — a weighted sum of the features. Each product and the sum are the engine's vectorDot.
import { mountWidget, attempt } from '../lib/widget.js';
import { el, slider } from '../lib/ui.js';
import { Plot, niceTicks } from '../lib/plot.js';
import { formatNumber, formatTick } from '../lib/format.js';
import { messages } from './primer-dot.messages.js';

const weight = { type: 'number', min: -3, max: 3 };
const feature = { type: 'number', min: -5, max: 5 };
export const schema = {
  w1: { ...weight, default: 0.5, description: 'Weight w₁.' },
  w2: { ...weight, default: -1, description: 'Weight w₂.' },
  w3: { ...weight, default: 2, description: 'Weight w₃.' },
  x1: { ...feature, default: 2, description: 'Feature x₁.' },
  x2: { ...feature, default: 1, description: 'Feature x₂.' },
  x3: { ...feature, default: 3, description: 'Feature x₃.' },
};

export const meta = { title: messages['primer-dot.title'], hint: messages['primer-dot.hint'] };

const SUB = ['₁', '₂', '₃'];

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  const NAMES = [0, 1, 2].map((j) => t('primer-dot.product', { index: SUB[j] })).concat(t('primer-dot.sum'));
  const w = [options.w1, options.w2, options.w3];
  const x = [options.x1, options.x2, options.x3];
  let bars = [0, 0, 0, 0];
  const plot = ctx.own(new Plot(card.stage, { aspect: 0.45, minHeight: 200, maxHeight: 320, domain: [0, 4, -1, 1], label: t('primer-dot.plot'), onResize: () => ctx.requestDraw(draw) }));
  const fmt = (v) => formatNumber(v, 1);
  const sliders = [];
  for (const [vec, name, spec] of [[w, 'w', weight], [x, 'x', feature]]) {
    const row = el('div', { className: 'primer-dot-vector', role: 'group', 'aria-label': t(`primer-dot.group.${name}`) });
    card.controls.append(row);
    for (let j = 0; j < 3; j++) {
      sliders.push(slider(row, { label: t(`primer-dot.slider.${name}`, { index: SUB[j] }), min: spec.min, max: spec.max, step: 0.5, value: vec[j], format: fmt, onInput: (v) => { vec[j] = v; compute(); } }));
    }
  }
  const stats = NAMES.map((n) => card.stat(n));

  function compute() {
    bars = attempt(card, () => [0, 1, 2].map((j) => ml.vectorDot([w[j]], [x[j]])).concat(ml.vectorDot(w, x)), [NaN, NaN, NaN, NaN]);
    bars.forEach((v, i) => stats[i].set(formatNumber(v, 2)));
    // Negative numbers in brackets, so "+ (-1.00)" cannot be misread.
    const term = (v, d) => (v < 0 ? `(${formatNumber(v, d)})` : formatNumber(v, d));
    const terms = [0, 1, 2].map((j) => t('primer-dot.term', { w: term(w[j], 1), x: term(x[j], 1) })).join(' + ');
    card.setMessage(t('primer-dot.working', { terms, products: bars.slice(0, 3).map((v) => term(v, 2)).join(' + '), sum: formatNumber(bars[3], 2) }), 'info');
    plot.canvas.setAttribute('aria-label', t('primer-dot.figure', { products: bars.slice(0, 3).map((v) => formatNumber(v, 2)).join(', '), sum: formatNumber(bars[3], 2) }));
    const top = Math.max(1, ...bars.filter(Number.isFinite).map(Math.abs)) * 1.2;
    plot.setDomain(0, 4, -top, top);
    ctx.requestDraw(draw);
  }

  function draw() {
    plot.refreshTheme();
    const th = plot.theme;
    const c = plot.begin();
    // Value gridlines only: the bars stand for names, not positions on an x axis.
    c.font = `11px ${th.mono}`; c.textAlign = 'right'; c.textBaseline = 'middle';
    for (const v of niceTicks(plot.domain.y0, plot.domain.y1, 5)) {
      plot.segment(0, v, 4, v, { color: th.gridLine, width: 1 });
      c.fillStyle = th.textMuted;
      c.fillText(formatTick(v), plot.margin.left - 6, plot.py(v));
    }
    c.font = `12px ${th.font}`; c.textAlign = 'center';
    bars.forEach((v, i) => {
      if (!Number.isFinite(v)) return;
      const xa = plot.px(i + 0.2); const xb = plot.px(i + 0.8);
      const y0 = plot.py(0); const y1 = plot.py(v);
      c.fillStyle = i === 3 ? th.model : v >= 0 ? th.good : th.loss;
      c.fillRect(xa, Math.min(y0, y1), xb - xa, Math.abs(y1 - y0));
      c.fillStyle = th.text;
      c.textBaseline = v >= 0 ? 'bottom' : 'top';
      c.fillText(formatNumber(v, 2), (xa + xb) / 2, y1 + (v >= 0 ? -3 : 3));
      c.textBaseline = 'top';
      c.fillText(NAMES[i], (xa + xb) / 2, plot.height - plot.margin.bottom + 6);
    });
    plot.segment(0, 0, 4, 0, { color: th.textMuted, width: 1 });
  }

  compute();
  return {
    update(next) {
      [next.w1, next.w2, next.w3, next.x1, next.x2, next.x3].forEach((v, i) => { (i < 3 ? w : x)[i % 3] = v; sliders[i].set(v); });
      compute();
    },
  };
}
