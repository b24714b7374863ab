// The chain rule for one composition (maths primer): L(z) = (σ(z) − y)², an outer square of an
// inner sigmoid. Slide z and read the inner derivative σ′(z), the outer derivative 2(σ(z) − y)
// and their product dL/dz, drawn as the slope of the tangent to L. σ(z) and σ′(z) are the
// engine's activationCurve('sigmoid'); the widget multiplies the two factors and shows it.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, slider } from '../lib/ui.js';
import { formatNumber, readShown } from '../lib/format.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './primer-chain.messages.js';

export const schema = {
  z: { type: 'number', min: -6, max: 6, default: 0, description: 'The score z where the derivatives are read.' },
  y: { type: 'int', min: 0, max: 1, default: 1, description: 'The label y (0 or 1).' },
};

export const meta = { title: messages['primer-chain.title'], hint: messages['primer-chain.hint'] };

const Z0 = -6; const Z1 = 6;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  let z = opts.z;
  let curve = { zs: [], s: [], loss: [] };
  let now = {};
  const plot = ctx.own(new Plot(card.stage, { aspect: 0.55, minHeight: 220, maxHeight: 380, domain: [Z0, Z1, -0.1, 1.1], label: t('primer-chain.plot'), onResize: () => ctx.requestDraw(draw) }));
  const zSlider = slider(card.controls, { label: t('primer-chain.slider.z'), min: Z0, max: Z1, step: 0.1, value: z, format: (v) => formatNumber(v, 1), onInput: (v) => { z = v; compute(); } });
  const yButtons = labelButtons(card, t, (y) => { opts = { ...opts, y }; setCurve(); compute(); });
  const stat = {
    inner: card.stat(t('primer-chain.stat.sigma')), innerD: card.stat(t('primer-chain.stat.inner')), outerD: card.stat(t('primer-chain.stat.outer')), product: card.stat(t('primer-chain.stat.product')),
  };

  // Predict, then check: at z = −6 with y = 1 the prediction σ(z) is as wrong as it gets; how
  // steep is the loss there? Judged from the engine's σ and σ′ when the slider reaches −6.
  const prediction = createPrediction(ctx, {
    id: 'primer-chain-far-wrong',
    question: t('primer-chain.predict.question'),
    choices: ['large', 'moderate', 'tiny'].map((c) => [c, t(`primer-chain.predict.${c}`)]),
    next: () => t('primer-chain.predict.next', { labelIsOne: opts.y === 1 }),
  });
  function judgeFarWrong() {
    if (opts.y !== 1 || z > Z0 + 1e-6 || !Number.isFinite(now.product)) return;
    // dL/dz at z = −6 is on screen with nothing locked in: a prediction now could copy it.
    if (prediction.pending === null) { prediction.outcomeSeen(t('primer-chain.predict.seen')); return; }
    const size = Math.abs(now.product);
    const outcome = size >= 0.1 ? 'large' : size >= 0.01 ? 'moderate' : 'tiny';
    const shown = shownChain(now);
    prediction.settle(outcome, t('primer-chain.predict.why', { outer: shown.outer, inner: shown.inner, product: shown.product, approx: shown.approx }));
  }

  function setCurve() {
    const zs = Array.from({ length: 121 }, (_, i) => Z0 + (i / 120) * (Z1 - Z0));
    const c = attempt(card, () => ml.activationCurve('sigmoid', zs), null);
    const s = c ? Array.from(c.value) : zs.map(() => NaN);
    curve = { zs, s, loss: s.map((v) => (v - opts.y) ** 2) };
    yButtons.show(opts.y);
  }

  function compute() {
    const c = attempt(card, () => ml.activationCurve('sigmoid', [z]), null);
    const s = c ? c.value[0] : NaN; const ds = c ? c.derivative[0] : NaN;
    const outer = 2 * (s - opts.y);
    now = { s, ds, outer, loss: (s - opts.y) ** 2, product: outer * ds };
    const shown = shownChain(now);
    stat.inner.set(formatNumber(s, 3));
    stat.innerD.set(shown.inner);
    stat.outerD.set(shown.outer);
    stat.product.set(shown.product);
    const size = Math.abs(now.product) >= 0.1 ? 'large' : Math.abs(now.product) >= 0.01 ? 'small' : 'tiny';
    card.setMessage(t('primer-chain.product', { outer: shown.outer, inner: shown.inner, product: shown.product, approx: shown.approx, far: Math.abs(z) >= 4, size, wrong: Math.abs(s - opts.y) > 0.5 }), 'info');
    judgeFarWrong();
    plot.canvas.setAttribute('aria-label', t('primer-chain.figure', { z: formatNumber(z, 1), sigma: formatNumber(s, 3), product: shown.product }));
    ctx.requestDraw(draw);
  }

  function draw() {
    plot.refreshTheme();
    const th = plot.theme;
    plot.begin();
    plot.axes({ xLabel: t('primer-chain.axis.x'), yLabel: t('primer-chain.axis.y') });
    plot.clipToArea(() => {
      plot.path(curve.zs, curve.s, { color: th.truth, width: 2, dash: [6, 4] });
      plot.path(curve.zs, curve.loss, { color: th.loss, width: 2 });
      if (Number.isFinite(now.product)) plot.segment(z - 2, now.loss - 2 * now.product, z + 2, now.loss + 2 * now.product, { color: th.model, width: 2 });
    });
    plot.point(z, now.s, 1, { hollow: true });
    plot.handle(z, now.loss);
  }

  setCurve();
  compute();
  return {
    update(next) { opts = { ...next }; z = opts.z; zSlider.set(z); setCurve(); compute(); },
  };
}

// The two factors and their product as the learner reads them: the usual 3 and 4 decimals, but
// at least 2 significant digits, so a small product keeps its sign and size (at z = 6, y = 1:
// -0.0049 × 0.0025 = -0.000012, not "0.0000"). "≈" when the factors as shown do not multiply to
// the product as shown.
function shownChain({ outer, ds, product }) {
  const shown = { outer: formatNumber(outer, 3, { significant: 2 }), inner: formatNumber(ds, 4, { significant: 2 }), product: formatNumber(product, 4, { significant: 2 }) };
  return { ...shown, approx: formatNumber(readShown(shown.outer) * readShown(shown.inner), 4, { significant: 2 }) !== shown.product };
}

// Two toggle buttons for the label y; show(y) marks the current one as pressed.
function labelButtons(card, t, onPick) {
  const row = buttonRow(card.controls);
  row.classList.add('primer-chain-toggle');
  row.setAttribute('role', 'group');
  row.setAttribute('aria-label', t('primer-chain.labels'));
  const buttons = [0, 1].map((y) => button(row, t('primer-chain.label', { y }), () => onPick(y)));
  return { show(y) { buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(i === y))); } };
}
