// The chain rule for one composition (maths primer): L(z) = (σ(z) − y)², an outer square of an
// inner sigmoid. Slide z and read the inner derivative σ′(z), the outer derivative 2(σ(z) − y)
// and their product dL/dz, drawn as the slope of the tangent to L. σ(z) and σ′(z) are the
// engine's activationCurve('sigmoid'); the widget multiplies the two factors and shows it.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, slider } from '../lib/ui.js';
import { formatNumber } from '../lib/format.js';
import { createPrediction } from '../lib/predict.js';

export const schema = {
  z: { type: 'number', min: -6, max: 6, default: 0, description: 'The score z where the derivatives are read.' },
  y: { type: 'int', min: 0, max: 1, default: 1, description: 'The label y (0 or 1).' },
};

export const meta = {
  title: 'The chain rule: outer × inner',
  hint: 'Slide z. The loss (σ(z) − y)² is a square wrapped around σ; its slope is the square’s slope times σ’s slope.',
};

const Z0 = -6; const Z1 = 6;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  let z = opts.z;
  let curve = { zs: [], s: [], loss: [] };
  let now = {};
  const plot = ctx.own(new Plot(card.stage, { aspect: 0.55, minHeight: 220, maxHeight: 380, domain: [Z0, Z1, -0.1, 1.1], label: 'σ(z) and the loss (σ(z) − y)² with its tangent', onResize: () => ctx.requestDraw(draw) }));
  const zSlider = slider(card.controls, { label: 'z', min: Z0, max: Z1, step: 0.1, value: z, format: (v) => formatNumber(v, 1), onInput: (v) => { z = v; compute(); } });
  const yButtons = labelButtons(card, (y) => { opts = { ...opts, y }; setCurve(); compute(); });
  const stat = {
    inner: card.stat('σ(z)'), innerD: card.stat('inner: σ′(z)'), outerD: card.stat('outer: 2(σ(z) − y)'), product: card.stat('dL/dz = outer × inner'),
  };

  // Predict, then check: at z = −6 with y = 1 the prediction σ(z) is as wrong as it gets; how
  // steep is the loss there? Judged from the engine's σ and σ′ when the slider reaches −6.
  const prediction = createPrediction(ctx, {
    id: 'primer-chain-far-wrong',
    question: 'With y = 1, at z = −6 (σ(z) near 0, badly wrong) the size of dL/dz will be…',
    choices: [['large', 'large, at least 0.1: a bad miss gets a big push'], ['moderate', 'between 0.01 and 0.1'], ['tiny', 'tiny, below 0.01']],
    next: () => (opts.y === 1 ? 'Now slide z all the way down to −6.' : 'Now press y = 1 and slide z all the way down to −6.'),
  });
  function judgeFarWrong() {
    if (prediction.pending === null || opts.y !== 1 || z > Z0 + 1e-6 || !Number.isFinite(now.product)) return;
    const size = Math.abs(now.product);
    const outcome = size >= 0.1 ? 'large' : size >= 0.01 ? 'moderate' : 'tiny';
    prediction.settle(outcome, `dL/dz = ${formatNumber(now.outer, 3)} × ${formatNumber(now.ds, 4)} = ${formatNumber(now.product, 4)}. The outer factor is nearly −2, as large as it gets, but the inner one, σ′(−6), is almost 0 because σ is flat out there, and the product takes the small factor's size.`);
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
    stat.inner.set(formatNumber(s, 3));
    stat.innerD.set(formatNumber(ds, 3));
    stat.outerD.set(formatNumber(outer, 3));
    stat.product.set(formatNumber(now.product, 3));
    card.setMessage(`dL/dz = ${formatNumber(outer, 3)} × ${formatNumber(ds, 3)} = ${formatNumber(now.product, 3)}. ${Math.abs(z) >= 4 ? 'Far from 0, σ is nearly flat, so the product is tiny however wrong the prediction is.' : 'Each factor is one link of the chain.'}`, 'info');
    judgeFarWrong();
    plot.canvas.setAttribute('aria-label', `At z = ${formatNumber(z, 1)}: σ(z) = ${formatNumber(s, 3)}, dL/dz = ${formatNumber(now.product, 3)}`);
    ctx.requestDraw(draw);
  }

  function draw() {
    plot.refreshTheme();
    const th = plot.theme;
    plot.begin();
    plot.axes({ xLabel: 'z', yLabel: 'σ(z) dashed, L(z) solid' });
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

// Two toggle buttons for the label y; show(y) marks the current one as pressed.
function labelButtons(card, onPick) {
  const row = buttonRow(card.controls);
  row.classList.add('primer-toggle');
  row.setAttribute('role', 'group');
  row.setAttribute('aria-label', 'Label y');
  const buttons = [0, 1].map((y) => button(row, `y = ${y}`, () => onPick(y)));
  return { show(y) { buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(i === y))); } };
}
