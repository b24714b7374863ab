// Quantisation (landscape, lesson quantisation). A digit reader (engine TransferNet: 64 pixels →
// 32 ReLU units → 10 digits, trained when the widget opens, seeded) has its two weight matrices
// stored in b-bit integers with a scale S and a zero point Z — symmetric or asymmetric, one (S, Z)
// per matrix or one per output unit — and optionally its hidden activations too. The widget shows
// the hidden layer's weights as a histogram with the grid of values they can take, the model's
// size against 32-bit floats, and test accuracy against bits for all four ways of choosing the
// grid. A predict-then-check box asks what 2 bits do. A second view ("2-D points") quantises a
// small net trained on two moons instead and shows its decision map at full precision beside the
// map at the chosen bits, so the boundary is seen turning blocky or wrong as the bits drop.
// Everything is computed by the engine (web/lib/transfer.js: trainDigitNet, quantisedAccuracy,
// trainPointsNet, pointsAccuracy, pointsGrid; engine quantiseMatrix, quantisedBytes).
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { checkbox, el, segmented, select, slider } from '../lib/ui.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { seedOption } from '../lib/schema.js';
import { createPrediction } from '../lib/predict.js';
import { legend } from '../lib/legend.js';
import { yGrid } from '../lib/ticks.js';
import { drawHeatmap, probabilityRgb } from '../lib/heatmap.js';
import { watchColorScheme } from '../lib/theme.js';
import {
  BIT_SIZES, POINTS_DEFAULTS, QUANT_DEFAULTS, floatAccuracy, pointsAccuracy, pointsFloatAccuracy, pointsGrid, quantisedAccuracy,
  trainDigitNet, trainPointsNet,
} from '../lib/transfer.js';
import { messages } from './quantise.messages.js';

export const schema = {
  view: { type: 'enum', values: ['digits', 'points'], default: 'digits', description: 'What is quantised: the digit reader (digits) or a small net on 2-D points with its decision map (points).' },
  bits: { type: 'enum', values: ['8', '6', '4', '3', '2'], default: String(QUANT_DEFAULTS.bits), description: 'Bits per stored weight.' },
  scheme: { type: 'enum', values: ['symmetric', 'asymmetric'], default: 'symmetric', description: 'Symmetric (zero point 0) or asymmetric (a zero point stretches the grid over [min, max]).' },
  granularity: { type: 'enum', values: ['tensor', 'channel'], default: 'tensor', description: 'One scale per weight matrix (tensor) or one per output unit (channel).' },
  activations: { type: 'boolean', default: false, description: 'Quantise the hidden activations to the same number of bits too.' },
  unit: { type: 'int', min: 0, max: 31, default: 0, description: 'Which hidden unit\'s weights the histogram shows in per-channel mode.' },
  seed: seedOption(QUANT_DEFAULTS.seed, 'Seed for the network\'s initial weights and mini-batch order.'),
};

export const meta = {
  title: messages['quantise.title'],
  hint: messages['quantise.hint'],
};

const COMBOS = [
  { scheme: 'symmetric', perChannel: false, color: 'class0', dash: [] },
  { scheme: 'symmetric', perChannel: true, color: 'class0', dash: [5, 4] },
  { scheme: 'asymmetric', perChannel: false, color: 'class1', dash: [] },
  { scheme: 'asymmetric', perChannel: true, color: 'class1', dash: [5, 4] },
];
const HIDDEN = QUANT_DEFAULTS.hidden;
const INPUTS = 64;
const BINS = 60;
const VIEWS = ['digits', 'points'];

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  const comboLabel = (c) => t(`quantise.combo.${c.scheme}.${c.perChannel ? 'channel' : 'tensor'}`);
  let opts = { ...options };
  // One model per view, trained when the view is first shown: { net, weights (effective hidden
  // weights, rows × cols row-major), rows, cols, exact (float test accuracy), accuracy(spec),
  // testCount, table, tableActivations (combo index → accuracy per BIT_SIZES), points (2-D view) }.
  const models = { digits: null, points: null };
  let current = null;       // { accuracy, bytes, floatBytes, q: quantiseMatrix result, maps }
  const model = () => models[opts.view];

  card.card.classList.add('tquant');
  // The 2-D view's two decision maps, full precision beside quantised: made when the view is
  // first shown, hidden in the digits view.
  const mapsRow = el('div', { className: 'dw-row quantise-maps' });
  mapsRow.hidden = true;
  card.stage.append(mapsRow);
  const mapHeads = {};
  const mapPlots = {};
  function ensureMaps() {
    if (mapPlots.float) return;
    for (const side of ['float', 'quant']) {
      const col = el('div', { className: 'dw-col' });
      mapsRow.append(col);
      mapHeads[side] = el('p', { className: 'dw-legend' });
      col.append(mapHeads[side]);
      mapPlots[side] = ctx.own(new Plot(col, { aspect: 1, minHeight: 200, maxHeight: 320, label: t(`quantise.plot.map.${side}`), onResize: () => ctx.requestDraw(draw) }));
    }
  }
  const row = el('div', { className: 'dw-row' });
  const left = el('div', { className: 'dw-col' });
  const right = el('div', { className: 'dw-col' });
  row.append(left, right);
  card.stage.append(row);
  const histCaption = el('p', { className: 'dw-legend' });
  left.append(histCaption);
  const histPlot = ctx.own(new Plot(left, { aspect: 0.6, minHeight: 200, maxHeight: 320, label: t('quantise.plot.hist'), onResize: () => ctx.requestDraw(draw) }));
  legend(left, [{ text: t('quantise.legend.weights'), swatch: 'dw-swatch-strip', color: 'var(--class1)' }, { text: t('quantise.legend.grid'), swatch: 'dw-swatch-strip', color: 'var(--class0)' }], { decorative: true });
  const accCaption = el('p', { className: 'dw-legend' });
  right.append(accCaption);
  const accPlot = ctx.own(new Plot(right, { aspect: 0.7, minHeight: 200, maxHeight: 320, label: t('quantise.plot.acc'), onResize: () => ctx.requestDraw(draw) }));
  legend(right, COMBOS.map((c) => ({ text: comboLabel(c), swatch: c.dash.length ? `dw-swatch-strip dw-swatch-dashed dw-swatch-dashed-${c.color}` : 'dw-swatch-strip', color: c.dash.length ? undefined : `var(--${c.color})` })), { decorative: true });

  const viewSelect = select(card.controls, { label: t('quantise.select.view'), value: opts.view, options: VIEWS.map((v) => [v, t(`quantise.view.${v}`)]), onChange: (v) => { opts.view = v; load(); } });
  const bitsControl = segmented(card.controls, { label: t('quantise.segmented.bits'), options: schema.bits.values.map((b) => [b, b]), value: opts.bits, onChange: (v) => { opts.bits = v; changed(); } });
  const schemeSelect = select(card.controls, { label: t('quantise.select.scheme'), value: opts.scheme, options: ['symmetric', 'asymmetric'].map((v) => [v, t(`quantise.scheme.${v}`)]), onChange: (v) => { opts.scheme = v; changed(); } });
  const granSelect = select(card.controls, { label: t('quantise.select.granularity'), value: opts.granularity, options: ['tensor', 'channel'].map((v) => [v, t(`quantise.granularity.${v}`)]), onChange: (v) => { opts.granularity = v; changed(); } });
  const actBox = checkbox(card.controls, { label: t('quantise.checkbox.activations'), checked: opts.activations, onChange: (v) => { opts.activations = v; changed(); } });
  const unitSlider = slider(card.controls, { label: t('quantise.slider.unit'), min: 0, max: HIDDEN - 1, step: 1, value: opts.unit, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.unit = v; changed(); } });
  const statAcc = card.stat(t('quantise.stat.accuracy'));
  const statFloat = card.stat(t('quantise.stat.float'));
  const statSize = card.stat(t('quantise.stat.size'));
  const statScale = card.stat(t('quantise.stat.scale'));

  const prediction = createPrediction(ctx, {
    id: 'quantise-two-bits',
    question: t('quantise.predict.question'),
    choices: ['near', 'some', 'far'].map((id) => [id, t(`quantise.predict.${id}`)]),
    // The answer must not be on screen when the learner commits.
    ready: () => (showsTwoBitAnswer() ? t('quantise.predict.notReady') : null),
    next: t('quantise.predict.next'),
  });

  // The accuracy curves end at 3 bits until the learner has seen the 2-bit symmetric per-matrix
  // result (a verdict, or the setting chosen without a prediction): drawn from the start, the
  // curves' last column would answer the box before it is asked.
  let twoBitShown = false;
  const shownSizes = () => (twoBitShown ? BIT_SIZES : BIT_SIZES.filter((b) => b !== 2));

  function isTwoBitCase() { return showsTwoBitAnswer() && !opts.activations; }
  // The same grid with the activations rounded too reads within a few points of the answer
  // (45.6% against 43.3%, 51.4 points down): on screen with nothing locked, it answers the box.
  function showsTwoBitAnswer() { return opts.view === 'digits' && opts.bits === '2' && opts.scheme === 'symmetric' && opts.granularity === 'tensor'; }

  function makeModel(view) {
    if (view === 'points') {
      const p = trainPointsNet(ml, { seed: opts.seed });
      const net = p.net;
      return { net, points: p, rows: POINTS_DEFAULTS.hidden, cols: 2, testCount: p.test.n, weights: Float64Array.from(net.effectiveHiddenWeights()), exact: pointsFloatAccuracy(p), accuracy: (spec) => pointsAccuracy(p, spec), table: null, tableActivations: null };
    }
    const net = trainDigitNet(ml, { seed: opts.seed });
    return { net, rows: HIDDEN, cols: INPUTS, testCount: 360, weights: Float64Array.from(net.effectiveHiddenWeights()), exact: floatAccuracy(net), accuracy: (spec) => quantisedAccuracy(net, spec), table: null, tableActivations: null };
  }

  // (Re)trains the shown view's model when it is missing or was trained with another seed.
  function load() {
    const view = opts.view;
    const have = models[view];
    if (have && have.seed === opts.seed) { changed(); return; }
    if (have) { ctx.free(have.net); models[view] = null; }
    const ok = attempt(card, () => {
      const m = makeModel(view);
      ctx.own(m.net);
      m.seed = opts.seed;
      models[view] = m;
      return true;
    }, false);
    if (ok) changed();
  }

  function accuracyTable(m, activations) {
    return COMBOS.map((c) => BIT_SIZES.map((bits) => m.accuracy({ bits, scheme: c.scheme, perChannel: c.perChannel, activationBits: activations ? bits : 0 })));
  }

  function changed() {
    const m = model();
    if (!m) return;
    const bits = Number(opts.bits);
    const perChannel = opts.granularity === 'channel';
    const pointsView = opts.view === 'points';
    opts.unit = Math.min(opts.unit, m.rows - 1);
    current = null;
    attempt(card, () => {
      if (opts.activations && !m.tableActivations) m.tableActivations = accuracyTable(m, true);
      if (!opts.activations && !m.table) m.table = accuracyTable(m, false);
      const spec = { bits, scheme: opts.scheme, perChannel, activationBits: opts.activations ? bits : 0 };
      current = {
        accuracy: m.accuracy(spec),
        bytes: m.net.quantisedBytes(bits, opts.scheme, perChannel),
        floatBytes: m.net.floatBytes(),
        q: ml.quantiseMatrix(m.weights, m.rows, m.cols, bits, opts.scheme, perChannel),
        maps: pointsView ? { float: pointsGrid(m.points, null), quant: pointsGrid(m.points, spec) } : null,
      };
    });
    if (!current) return;
    const { exact, weights } = m;
    const g = perChannel ? opts.unit : 0;
    statAcc.set(formatPercent(current.accuracy));
    statFloat.set(formatPercent(exact));
    statSize.set(t('quantise.size', { bytes: formatNumber(current.bytes, 0), share: formatPercent(current.bytes / current.floatBytes, 0), floatBytes: formatNumber(current.floatBytes, 0) }));
    statScale.set(t('quantise.scaleZero', { scale: formatNumber(current.q.scales[g], 4), zero: formatNumber(current.q.zeroPoints[g], 0) }));
    const drop = exact - current.accuracy;
    card.setMessage(t('quantise.message', { bits, levels: current.q.qmax - current.q.qmin + 1, perChannel, accuracy: formatPercent(current.accuracy), drop: drop > 0.0005 ? formatNumber(drop * 100, 1) : '', exact: formatPercent(exact) }), drop > 0.2 ? 'bad' : 'info');
    histCaption.textContent = perChannel ? t('quantise.caption.unit', { unit: opts.unit, count: formatNumber(m.cols, 0) }) : t('quantise.caption.all', { count: formatNumber(weights.length, 0) });
    accCaption.textContent = t('quantise.caption.acc', { testPoints: pointsView ? formatNumber(m.testCount, 0) : '' });
    mapsRow.hidden = !pointsView;
    if (pointsView) {
      ensureMaps();
      mapHeads.float.textContent = t('quantise.head.float', { accuracy: formatPercent(exact) });
      mapHeads.quant.textContent = t('quantise.head.quant', { bits, activations: opts.activations, accuracy: formatPercent(current.accuracy) });
      mapPlots.float.canvas.setAttribute('aria-label', t('quantise.mapFigure.float', { accuracy: formatPercent(exact) }));
      mapPlots.quant.canvas.setAttribute('aria-label', t('quantise.mapFigure.quant', { bits, scheme: t(`quantise.schemeName.${opts.scheme}`), perChannel, activations: opts.activations, accuracy: formatPercent(current.accuracy) }));
    }
    unitSlider.input.max = String(m.rows - 1);
    viewSelect.value = opts.view;
    if (isTwoBitCase()) {
      twoBitShown = true;
      const points = drop * 100;
      const outcome = points <= 2 ? 'near' : points <= 20 ? 'some' : 'far';
      if (prediction.pending !== null) prediction.settle(outcome, t('quantise.predict.why', { exact: formatPercent(exact), accuracy: formatPercent(current.accuracy), points: formatNumber(points, 1) }));
      else prediction.outcomeSeen();
    } else if (showsTwoBitAnswer() && prediction.pending === null) prediction.outcomeSeen();
    bitsControl.set(opts.bits);
    schemeSelect.value = opts.scheme;
    granSelect.value = opts.granularity;
    actBox.checked = opts.activations;
    unitSlider.set(opts.unit);
    const rows = opts.activations ? m.tableActivations : m.table;
    const sizes = shownSizes();
    accPlot.canvas.setAttribute('aria-label', t('quantise.accFigure', { sizes: sizes.join(', '), activations: opts.activations, list: rows ? COMBOS.map((c, i) => t('quantise.comboValues', { combo: comboLabel(c), values: rows[i].slice(0, sizes.length).map((a) => formatPercent(a)).join(', ') })).join('; ') : '', exact: formatPercent(exact) }));
    histPlot.canvas.setAttribute('aria-label', t('quantise.histFigure', { caption: histCaption.textContent, levels: current.q.qmax - current.q.qmin + 1, scale: formatNumber(current.q.scales[g], 4) }));
    ctx.stateChanged();
    ctx.requestDraw(draw);
  }

  function draw() {
    const m = model();
    if (!current || !m) return;
    const { weights, exact } = m;
    const th = histPlot.theme;
    const perChannel = opts.granularity === 'channel';
    const values = perChannel ? weights.subarray(opts.unit * m.cols, (opts.unit + 1) * m.cols) : weights;
    if (current.maps && mapPlots.float) for (const side of ['float', 'quant']) drawMap(side, m.points, current.maps[side]);
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
    histPlot.axes({ xLabel: t('quantise.axis.weight'), yLabel: t('quantise.axis.count'), yTicks: 4 });
    histPlot.clipToArea(() => {
      hc.fillStyle = th.class1;
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
      hc.strokeStyle = th.class0;
      hc.globalAlpha = levels > 70 ? 0.25 : 0.9;
      hc.lineWidth = levels > 70 ? 1 : 2;
      for (let q = current.q.qmin; q <= current.q.qmax; q++) {
        const X = Math.round(histPlot.px(scale * (q - zero))) + 0.5;
        hc.beginPath(); hc.moveTo(X, histPlot.py(top)); hc.lineTo(X, histPlot.py(0)); hc.stroke();
      }
      hc.globalAlpha = 1;
    });

    const rows = opts.activations ? m.tableActivations : m.table;
    accPlot.setDomain(-0.3, BIT_SIZES.length - 0.7, 0, 1);
    const ac = accPlot.begin();
    yGrid(accPlot, [0, 0.25, 0.5, 0.75, 1], (v) => formatNumber(v, 2));
    ac.font = `11px ${th.font}`;
    ac.fillStyle = th.textMuted;
    ac.textAlign = 'center';
    BIT_SIZES.forEach((b, i) => ac.fillText(formatNumber(b, 0), accPlot.px(i), accPlot.py(0) + 14));
    ac.textAlign = 'right';
    ac.fillText(t('quantise.axis.bits'), accPlot.width - accPlot.margin.right, accPlot.height - 1);
    accPlot.clipToArea(() => {
      accPlot.path([-0.3, BIT_SIZES.length - 0.7], [exact, exact], { color: th.truth, width: 1.5, dash: [2, 3] });
      if (!rows) return;
      const shown = shownSizes().length;
      COMBOS.forEach((c, i) => accPlot.path(BIT_SIZES.slice(0, shown).map((_, k) => k), rows[i].slice(0, shown), { color: th[c.color], width: 2, dash: c.dash }));
      const k = BIT_SIZES.indexOf(Number(opts.bits));
      accPlot.point(k, current.accuracy, opts.scheme === 'symmetric' ? 0 : 1, { size: 6, highlight: true });
    });
  }

  // A decision map: P(class 1) at the cell centres (the engine's grid), the test points on top.
  function drawMap(side, p, grid) {
    const plot = mapPlots[side];
    const { x0, x1, y0, y1 } = p.domain;
    plot.setDomain(x0, x1, y0, y1);
    plot.begin();
    drawHeatmap(plot, grid, POINTS_DEFAULTS.grid, POINTS_DEFAULTS.grid, probabilityRgb(plot.theme, { strength: 0.7 }), { offset: 1, stride: 2, smooth: false });
    plot.axes({ xLabel: t('quantise.axis.x'), yLabel: t('quantise.axis.y'), xTicks: 4, yTicks: 4 });
    plot.clipToArea(() => {
      for (let i = 0; i < p.test.n; i++) plot.point(p.test.X[2 * i], p.test.X[2 * i + 1], p.test.y[i] > 0.5 ? 1 : 0, { size: 2.6 });
    });
  }

  ctx.own(watchColorScheme(() => {
    for (const p of [mapPlots.float, mapPlots.quant, histPlot, accPlot]) if (p) p.refreshTheme();
    ctx.requestDraw(draw);
  }));

  load();

  return {
    update(next) {
      opts = { ...next };
      load();
    },
  };
}
