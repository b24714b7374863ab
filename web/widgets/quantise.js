// Quantisation (landscape, lesson quantisation). A digit reader (engine TransferNet: 64 pixels →
// 32 ReLU units → 10 digits, trained when the widget opens, seeded) has its two weight matrices
// stored in b-bit integers with a scale S and a zero point Z — symmetric or asymmetric, one (S, Z)
// per matrix or one per output unit — and optionally its hidden activations too. The widget shows
// the hidden layer's weights as a histogram with the grid of values they can take, the model's
// size against 32-bit floats, and test accuracy against bits for all four ways of choosing the
// grid. A predict-then-check box asks what 2 bits do. Everything is computed by the engine
// (web/lib/transfer.js: trainDigitNet, quantisedAccuracy; engine quantiseMatrix, quantisedBytes).
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { checkbox, el, segmented, select, slider } from '../lib/ui.js';
import { countOf, formatNumber, formatPercent } from '../lib/format.js';
import { seedOption } from '../lib/schema.js';
import { createPrediction } from '../lib/predict.js';
import { legend } from '../lib/legend.js';
import { yGrid } from '../lib/ticks.js';
import { BIT_SIZES, QUANT_DEFAULTS, floatAccuracy, quantisedAccuracy, trainDigitNet } from '../lib/transfer.js';

export const schema = {
  bits: { type: 'enum', values: ['8', '6', '4', '3', '2'], default: String(QUANT_DEFAULTS.bits), description: 'Bits per stored weight.' },
  scheme: { type: 'enum', values: ['symmetric', 'asymmetric'], default: 'symmetric', description: 'Symmetric (zero point 0) or asymmetric (a zero point stretches the grid over [min, max]).' },
  granularity: { type: 'enum', values: ['tensor', 'channel'], default: 'tensor', description: 'One scale per weight matrix (tensor) or one per output unit (channel).' },
  activations: { type: 'boolean', default: false, description: 'Quantise the hidden activations to the same number of bits too.' },
  unit: { type: 'int', min: 0, max: 31, default: 0, description: 'Which hidden unit\'s weights the histogram shows in per-channel mode.' },
  seed: seedOption(QUANT_DEFAULTS.seed, 'Seed for the network\'s initial weights and mini-batch order.'),
};

export const meta = {
  title: 'Quantising a trained network',
  hint: 'Choose how many bits each weight keeps and how the grid of allowed values is placed; watch the weights snap to the grid, the model shrink and the test accuracy hold or fall.',
};

const COMBOS = [
  { scheme: 'symmetric', perChannel: false, label: 'symmetric, per tensor', color: 'class0', dash: [] },
  { scheme: 'symmetric', perChannel: true, label: 'symmetric, per channel', color: 'class0', dash: [5, 4] },
  { scheme: 'asymmetric', perChannel: false, label: 'asymmetric, per tensor', color: 'class1', dash: [] },
  { scheme: 'asymmetric', perChannel: true, label: 'asymmetric, per channel', color: 'class1', dash: [5, 4] },
];
const HIDDEN = QUANT_DEFAULTS.hidden;
const INPUTS = 64;
const BINS = 60;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  let net = null;
  let weights = null;       // effective hidden weights, 32 × 64 row-major
  let exact = 0;            // float test accuracy
  let table = null;         // combo index → [accuracy per BIT_SIZES]
  let tableActivations = null;
  let current = null;       // { accuracy, bytes, floatBytes, q: quantiseMatrix result }

  card.card.classList.add('tquant');
  const row = el('div', { className: 'dw-row' });
  const left = el('div', { className: 'dw-col' });
  const right = el('div', { className: 'dw-col' });
  row.append(left, right);
  card.stage.append(row);
  const histCaption = el('p', { className: 'dw-legend' });
  left.append(histCaption);
  const histPlot = ctx.own(new Plot(left, { aspect: 0.6, minHeight: 200, maxHeight: 320, label: 'Weight histogram with the quantisation grid', onResize: () => ctx.requestDraw(draw) }));
  legend(left, [{ text: 'weights (float)', swatch: 'tq-swatch', color: 'var(--class1)' }, { text: 'values the integers can stand for', swatch: 'tq-swatch', color: 'var(--class0)' }], { decorative: true });
  right.append(el('p', { className: 'dw-legend', text: 'Test accuracy (360 digits) against bits per weight' }));
  const accPlot = ctx.own(new Plot(right, { aspect: 0.7, minHeight: 200, maxHeight: 320, label: 'Accuracy against bits', onResize: () => ctx.requestDraw(draw) }));
  legend(right, COMBOS.map((c) => ({ text: c.label, swatch: c.dash.length ? `tq-swatch tq-dash tq-dash-${c.color}` : 'tq-swatch', color: c.dash.length ? undefined : `var(--${c.color})` })), { decorative: true });

  const bitsControl = segmented(card.controls, { label: 'bits per weight', options: schema.bits.values.map((b) => [b, b]), value: opts.bits, onChange: (v) => { opts.bits = v; changed(); } });
  const schemeSelect = select(card.controls, { label: 'grid', value: opts.scheme, options: [['symmetric', 'symmetric (Z = 0)'], ['asymmetric', 'asymmetric (scale and zero point)']], onChange: (v) => { opts.scheme = v; changed(); } });
  const granSelect = select(card.controls, { label: 'one scale per', value: opts.granularity, options: [['tensor', 'matrix (per tensor)'], ['channel', 'unit (per channel)']], onChange: (v) => { opts.granularity = v; changed(); } });
  const actBox = checkbox(card.controls, { label: 'quantise activations too', checked: opts.activations, onChange: (v) => { opts.activations = v; changed(); } });
  const unitSlider = slider(card.controls, { label: 'hidden unit shown (per channel)', min: 0, max: HIDDEN - 1, step: 1, value: opts.unit, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.unit = v; changed(); } });
  const statAcc = card.stat('test accuracy');
  const statFloat = card.stat('32-bit float');
  const statSize = card.stat('size');
  const statScale = card.stat('scale S, zero point Z');

  const prediction = createPrediction(ctx, {
    id: 'quantise-two-bits',
    question: 'Stored in 2 bits, symmetric, one scale per matrix, the test accuracy will be…',
    choices: [['near', 'within 2 points of the float network'], ['some', '2 to 20 points lower'], ['far', 'more than 20 points lower']],
    // The answer must not be on screen when the learner commits.
    ready: () => (isTwoBitCase() ? 'The 2-bit result is already showing: choose more bits first, then predict.' : null),
    next: 'Now choose 2 bits, the symmetric grid and one scale per weight matrix (activations unticked).',
  });

  function isTwoBitCase() { return opts.bits === '2' && opts.scheme === 'symmetric' && opts.granularity === 'tensor' && !opts.activations; }

  function load() {
    net = net ? ctx.free(net) : null;
    table = null;
    tableActivations = null;
    const ok = attempt(card, () => {
      net = ctx.own(trainDigitNet(ml, { seed: opts.seed }));
      weights = Float64Array.from(net.effectiveHiddenWeights());
      exact = floatAccuracy(net);
      return true;
    }, false);
    if (ok) changed();
  }

  function accuracyTable(activations) {
    return COMBOS.map((c) => BIT_SIZES.map((bits) => quantisedAccuracy(net, { bits, scheme: c.scheme, perChannel: c.perChannel, activationBits: activations ? bits : 0 })));
  }

  function changed() {
    if (!net) return;
    const bits = Number(opts.bits);
    const perChannel = opts.granularity === 'channel';
    attempt(card, () => {
      if (opts.activations && !tableActivations) tableActivations = accuracyTable(true);
      if (!opts.activations && !table) table = accuracyTable(false);
      current = {
        accuracy: quantisedAccuracy(net, { bits, scheme: opts.scheme, perChannel, activationBits: opts.activations ? bits : 0 }),
        bytes: net.quantisedBytes(bits, opts.scheme, perChannel),
        floatBytes: net.floatBytes(),
        q: ml.quantiseMatrix(weights, HIDDEN, INPUTS, bits, opts.scheme, perChannel),
      };
    });
    if (!current) return;
    const g = perChannel ? opts.unit : 0;
    statAcc.set(formatPercent(current.accuracy));
    statFloat.set(formatPercent(exact));
    statSize.set(`${formatNumber(current.bytes, 0, { grouping: true })} bytes (${formatPercent(current.bytes / current.floatBytes, 0)} of ${formatNumber(current.floatBytes, 0, { grouping: true })})`);
    statScale.set(`${formatNumber(current.q.scales[g], 4)}, ${formatNumber(current.q.zeroPoints[g], 0)}`);
    const drop = exact - current.accuracy;
    card.setMessage(`${bits} bits: ${countOf(current.q.qmax - current.q.qmin + 1, 'level')} per ${perChannel ? 'hidden unit' : 'matrix'}; test accuracy ${formatPercent(current.accuracy)}, ${drop > 0.0005 ? `${formatNumber(drop * 100, 1)} points below` : 'as good as'} the float network's ${formatPercent(exact)}.`, drop > 0.2 ? 'bad' : 'info');
    histCaption.textContent = perChannel ? `Hidden unit ${opts.unit}: its 64 weights and its own grid` : 'All 2,048 hidden-layer weights and the one grid they share';
    if (prediction.pending !== null && isTwoBitCase()) {
      const points = drop * 100;
      const outcome = points <= 2 ? 'near' : points <= 20 ? 'some' : 'far';
      prediction.settle(outcome, `The float network reads ${formatPercent(exact)} of the test digits, the 2-bit one ${formatPercent(current.accuracy)}: ${formatNumber(points, 1)} points lower. Two bits with a symmetric grid leave three values, −S, 0 and +S, and one S for the whole matrix: every small weight becomes 0 and every large one ±S.`);
    }
    bitsControl.set(opts.bits);
    schemeSelect.value = opts.scheme;
    granSelect.value = opts.granularity;
    actBox.checked = opts.activations;
    unitSlider.set(opts.unit);
    const rows = opts.activations ? tableActivations : table;
    accPlot.canvas.setAttribute('aria-label', `Test accuracy against bits (${BIT_SIZES.join(', ')})${opts.activations ? ', activations quantised too' : ''}: ${rows ? COMBOS.map((c, i) => `${c.label} ${rows[i].map((a) => formatPercent(a)).join(', ')}`).join('; ') : ''}. Float: ${formatPercent(exact)}.`);
    histPlot.canvas.setAttribute('aria-label', `${histCaption.textContent}, on a grid of ${countOf(current.q.qmax - current.q.qmin + 1, 'value')} spaced by the scale ${formatNumber(current.q.scales[g], 4)}.`);
    ctx.stateChanged();
    ctx.requestDraw(draw);
  }

  function draw() {
    if (!current || !weights) return;
    const t = histPlot.theme;
    const perChannel = opts.granularity === 'channel';
    const values = perChannel ? weights.subarray(opts.unit * INPUTS, (opts.unit + 1) * INPUTS) : weights;
    const g = perChannel ? opts.unit : 0;
    const scale = current.q.scales[g];
    const zero = current.q.zeroPoints[g];
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    const gridLo = scale * (current.q.qmin - zero);
    const gridHi = scale * (current.q.qmax - zero);
    const x0 = Math.min(lo, gridLo);
    const x1 = Math.max(hi, gridHi);
    const pad = (x1 - x0) * 0.04 || 0.1;
    const width = (x1 - x0 + 2 * pad) / BINS;
    const counts = new Array(BINS).fill(0);
    for (const v of values) counts[Math.min(BINS - 1, Math.max(0, Math.floor((v - x0 + pad) / width)))] += 1;
    const top = Math.max(...counts) * 1.15 || 1;
    histPlot.setDomain(x0 - pad, x1 + pad, 0, top);
    const hc = histPlot.begin();
    histPlot.axes({ xLabel: 'weight', yLabel: 'count', yTicks: 4 });
    histPlot.clipToArea(() => {
      hc.fillStyle = t.class1;
      hc.globalAlpha = 0.55;
      counts.forEach((c, k) => {
        if (!c) return;
        const a = histPlot.px(x0 - pad + k * width) + 0.5;
        const b = histPlot.px(x0 - pad + (k + 1) * width) - 0.5;
        hc.fillRect(a, histPlot.py(c), Math.max(1, b - a), histPlot.py(0) - histPlot.py(c));
      });
      hc.globalAlpha = 1;
      // The grid: every value S·(q − Z) the integers can stand for (faint when there are many).
      const levels = current.q.qmax - current.q.qmin + 1;
      hc.strokeStyle = t.class0;
      hc.globalAlpha = levels > 70 ? 0.25 : 0.9;
      hc.lineWidth = levels > 70 ? 1 : 2;
      for (let q = current.q.qmin; q <= current.q.qmax; q++) {
        const X = Math.round(histPlot.px(scale * (q - zero))) + 0.5;
        hc.beginPath(); hc.moveTo(X, histPlot.py(top)); hc.lineTo(X, histPlot.py(0)); hc.stroke();
      }
      hc.globalAlpha = 1;
    });

    const rows = opts.activations ? tableActivations : table;
    accPlot.setDomain(-0.3, BIT_SIZES.length - 0.7, 0, 1);
    const ac = accPlot.begin();
    yGrid(accPlot, [0, 0.25, 0.5, 0.75, 1], (v) => formatNumber(v, 2));
    ac.font = `11px ${t.font}`;
    ac.fillStyle = t.textMuted;
    ac.textAlign = 'center';
    BIT_SIZES.forEach((b, i) => ac.fillText(formatNumber(b, 0), accPlot.px(i), accPlot.py(0) + 14));
    ac.textAlign = 'right';
    ac.fillText('bits per weight', accPlot.width - accPlot.margin.right, accPlot.height - 1);
    accPlot.clipToArea(() => {
      accPlot.path([-0.3, BIT_SIZES.length - 0.7], [exact, exact], { color: t.truth, width: 1.5, dash: [2, 3] });
      if (!rows) return;
      COMBOS.forEach((c, i) => accPlot.path(BIT_SIZES.map((_, k) => k), rows[i], { color: t[c.color], width: 2, dash: c.dash }));
      const k = BIT_SIZES.indexOf(Number(opts.bits));
      accPlot.point(k, current.accuracy, opts.scheme === 'symmetric' ? 0 : 1, { size: 6, highlight: true });
    });
  }

  load();

  return {
    update(next) {
      const reload = next.seed !== opts.seed;
      opts = { ...next };
      if (reload) load(); else changed();
    },
  };
}
