// Σ notation (maths primer): three points and a fixed line ŷ = w x + b. Drag a point up or down
// and read each squared error (ŷᵢ − yᵢ)² and the sum Σ of the three. Every number is the
// engine's meanSquaredError: on one point the mean is that point's term; on all three, n × the
// mean is the sum. Each term is also drawn as a square whose side is the miss.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { formatNumber } from '../lib/format.js';
import { messages } from './primer-sum.messages.js';

const label = { min: -2, max: 10, type: 'number' };
export const schema = {
  w: { type: 'number', min: -3, max: 3, default: 2, description: 'Slope of the fixed line ŷ = w x + b.' },
  b: { type: 'number', min: -2, max: 6, default: 1, description: 'Intercept of the fixed line.' },
  y1: { ...label, default: 2, description: 'Label of point 1 (at x = 0).' },
  y2: { ...label, default: 2, description: 'Label of point 2 (at x = 1).' },
  y3: { ...label, default: 7, description: 'Label of point 3 (at x = 2).' },
};

export const meta = { title: messages['primer-sum.title'], hint: messages['primer-sum.hint'] };

const X = [0, 1, 2];
const SUB = ['₁', '₂', '₃'];

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  let ys = [opts.y1, opts.y2, opts.y3];
  let active = 0;
  let terms = [0, 0, 0];
  let total = 0;
  const plot = ctx.own(new Plot(card.stage, { aspect: 0.7, minHeight: 260, maxHeight: 420, domain: [-0.6, 2.8, -2, 10], label: t('primer-sum.plot'), onResize: () => ctx.requestDraw(draw) }));
  const stats = SUB.map((s) => card.stat(t('primer-sum.stat.term', { i: s })));
  const sumStat = card.stat(t('primer-sum.stat.sum'));
  const yhat = (i) => opts.w * X[i] + opts.b;
  const snap = (v) => Math.round(Math.max(-2, Math.min(10, v)) * 10) / 10;

  function compute() {
    const preds = X.map((_, i) => yhat(i));
    terms = ys.map((y, i) => attempt(card, () => ml.meanSquaredError([y], [preds[i]]), NaN));
    total = attempt(card, () => 3 * ml.meanSquaredError(ys, preds), NaN);
    terms.forEach((term, i) => stats[i].set(formatNumber(term, 2)));
    sumStat.set(formatNumber(total, 2));
    card.setMessage(t('primer-sum.sum', { terms: terms.map((term) => formatNumber(term, 2)).join(' + '), total: formatNumber(total, 2) }), 'info');
    describe();
    ctx.requestDraw(draw);
  }

  function describe() {
    plot.canvas.setAttribute('aria-label', t('primer-sum.figure', { ys: ys.map((y) => formatNumber(y, 1)).join(', '), w: formatNumber(opts.w, 1), b: formatNumber(opts.b, 1), total: formatNumber(total, 2), selected: active + 1 }));
  }
  // What the highlighted handle shows, for a learner who cannot see it (said on focus and on Left/Right).
  const activePoint = () => ({ number: active + 1, x: formatNumber(X[active], 0), y: formatNumber(ys[active], 1) });

  function draw() {
    plot.refreshTheme();
    const th = plot.theme;
    const c = plot.begin();
    plot.axes({ xLabel: t('primer-sum.axis.x'), yLabel: t('primer-sum.axis.y') });
    plot.clipToArea(() => {
      plot.segment(-1, opts.w * -1 + opts.b, 3, opts.w * 3 + opts.b, { color: th.model, width: 2 });
      ys.forEach((y, i) => {
        const top = plot.py(Math.max(y, yhat(i)));
        const side = Math.abs(plot.py(y) - plot.py(yhat(i)));
        c.fillStyle = th.loss; c.globalAlpha = 0.2;
        c.fillRect(plot.px(X[i]), top, side, side);
        c.globalAlpha = 1;
        plot.segment(X[i], y, X[i], yhat(i), { color: th.loss, width: 2, dash: [4, 3] });
      });
    });
    const focused = drag.keyboardFocused;
    ys.forEach((y, i) => plot.handle(X[i], y, { focused: (focused || drag.grabbed !== null) && active === i, color: th.class1 }));
  }

  const drag = ctx.drag(plot, {
    hit: (pos) => {
      const i = X.findIndex((x) => Math.abs(x - pos.x) < 0.3);
      return i >= 0 && Math.abs(plot.py(ys[i]) - plot.py(pos.y)) < 40 ? i : null;
    },
    grab: (i) => { active = i; },
    move: (pos, i) => { const y = snap(pos.y); if (y !== ys[i]) { ys[i] = y; compute(); } },
    release: () => ctx.requestDraw(draw),
    key: (dx, dy) => {
      if (dx) {
        active = (active + (dx > 0 ? 1 : 2)) % 3;
        const p = activePoint();
        card.setMessage(t('primer-sum.selected', { number: p.number, x: p.x, y: p.y }), 'info');
        describe();
        ctx.requestDraw(draw);
        return true;
      }
      ys[active] = snap(ys[active] + dy * 0.1);
      compute();
      return true;
    },
    snapshot: () => ys.slice(),
    restore: (s) => { ys = s.slice(); compute(); },
    onFocusChange: (on) => {
      if (on) { const p = activePoint(); card.setMessage(t('primer-sum.keys', { number: p.number, x: p.x, y: p.y }), 'info'); }
      ctx.requestDraw(draw);
    },
  });

  compute();
  return {
    update(next) { opts = { ...next }; ys = [opts.y1, opts.y2, opts.y3]; compute(); },
  };
}
