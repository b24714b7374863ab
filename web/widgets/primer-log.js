// e and ln (maths primer): two probabilities a and b that a model gave the true answers of two
// examples. The curve is −ln p, the log loss of one example; the readouts show ln a, ln b, their
// sum, and ln(a·b), which is the same number: the log of a product is the sum of the logs.
// Every logarithm is the engine's: for a label 1 and probability p, logLoss([1], [p]) = −ln p.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { slider } from '../lib/ui.js';
import { formatNumber, readShown } from '../lib/format.js';
import { messages } from './primer-log.messages.js';

const probability = { type: 'number', min: 0.01, max: 1 };
export const schema = {
  a: { ...probability, default: 0.8, description: 'Probability given to the true answer of example 1.' },
  b: { ...probability, default: 0.5, description: 'Probability given to the true answer of example 2.' },
};

export const meta = { title: messages['primer-log.title'], hint: messages['primer-log.hint'] };

const P0 = 0.01;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let { a, b } = options;
  let curve = { ps: [], loss: [] };
  let now = {};
  const plot = ctx.own(new Plot(card.stage, { aspect: 0.55, minHeight: 220, maxHeight: 380, domain: [0, 1, 0, 5.5], label: t('primer-log.plot'), onResize: () => ctx.requestDraw(draw) }));
  const fmt = (v) => formatNumber(v, 2);
  const aSlider = slider(card.controls, { label: t('primer-log.slider.a'), min: P0, max: 1, step: 0.01, value: a, format: fmt, onInput: (v) => { a = v; compute(); } });
  const bSlider = slider(card.controls, { label: t('primer-log.slider.b'), min: P0, max: 1, step: 0.01, value: b, format: fmt, onInput: (v) => { b = v; compute(); } });
  const stat = { lnA: card.stat(t('primer-log.stat.lnA')), lnB: card.stat(t('primer-log.stat.lnB')), sum: card.stat(t('primer-log.stat.sum')), ab: card.stat(t('primer-log.stat.ab')), lnAB: card.stat(t('primer-log.stat.lnAB')) };
  const ln = (p) => -ml.logLoss([1], [p]);

  curve.ps = Array.from({ length: 100 }, (_, i) => P0 + (i / 99) * (1 - P0));
  curve.loss = attempt(card, () => curve.ps.map((p) => -ln(p)), []);

  function compute() {
    now = attempt(card, () => ({ lnA: ln(a), lnB: ln(b), lnAB: ln(a * b) }), { lnA: NaN, lnB: NaN, lnAB: NaN });
    stat.lnA.set(formatNumber(now.lnA, 3));
    stat.lnB.set(formatNumber(now.lnB, 3));
    stat.sum.set(formatNumber(now.lnA + now.lnB, 3));
    stat.ab.set(formatNumber(a * b, 4));
    stat.lnAB.set(formatNumber(now.lnAB, 3));
    const terms = { lnA: formatNumber(now.lnA, 3), lnB: formatNumber(now.lnB, 3), sum: formatNumber(now.lnA + now.lnB, 3) };
    const approx = formatNumber(readShown(terms.lnA) + readShown(terms.lnB), 3) !== terms.sum;
    card.setMessage(t('primer-log.explain', { a: fmt(a), b: fmt(b), ab: formatNumber(a * b, 4), lnAB: formatNumber(now.lnAB, 3), lnA: terms.lnA, lnB: terms.lnB, sum: terms.sum, approx, loss: formatNumber(-now.lnAB, 3) }), 'info');
    plot.canvas.setAttribute('aria-label', t('primer-log.figure', { lossA: formatNumber(-now.lnA, 3), lossB: formatNumber(-now.lnB, 3), lossAB: formatNumber(-now.lnAB, 3) }));
    ctx.requestDraw(draw);
  }

  function draw() {
    plot.refreshTheme();
    const th = plot.theme;
    plot.begin();
    plot.axes({ xLabel: t('primer-log.axis.x'), yLabel: t('primer-log.axis.y') });
    plot.clipToArea(() => plot.path(curve.ps, curve.loss, { color: th.loss, width: 2 }));
    const marks = [[a, -now.lnA, t('primer-log.mark.a'), th.class0], [b, -now.lnB, t('primer-log.mark.b'), th.class1], [a * b, -now.lnAB, t('primer-log.mark.ab'), th.model]];
    for (const [p, h, name, color] of marks) {
      if (!Number.isFinite(h)) continue;
      const y = Math.min(h, plot.domain.y1);
      plot.segment(p, 0, p, y, { color, width: 1.5, dash: [4, 3] });
      plot.handle(p, y, { color });
      plot.text(p, y, name, { dx: 10, dy: -6, align: 'left', baseline: 'bottom' });
    }
  }

  compute();
  return {
    update(next) { ({ a, b } = next); aSlider.set(a); bSlider.set(b); compute(); },
  };
}
