// "See the loss penalties" (seed 001, level 3): one example, two losses. Drag a regression
// prediction along the squared-error bowl, and a predicted probability along the cross-entropy
// curve, which climbs without limit as a confident prediction heads the wrong way. Every value
// and every point of both curves comes from the engine's meanSquaredError and logLoss.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { el, segmented } from '../lib/ui.js';
import { formatNumber, formatPercent, asShown } from '../lib/format.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './loss-penalties.messages.js';

export const schema = {
  target: { type: 'number', min: -5, max: 5, default: 2, description: 'True value y of the regression example.' },
  prediction: { type: 'number', min: -8, max: 8, default: 3, description: 'Starting prediction ŷ (kept within 3 of the target).' },
  label: { type: 'enum', values: ['0', '1'], default: '1', description: 'True class of the classification example.' },
  probability: { type: 'number', min: 0.001, max: 0.999, default: 0.7, description: 'Starting predicted probability that the class is 1.' },
};

export const meta = { title: messages['loss-penalties.title'], hint: messages['loss-penalties.hint'] };

const SPAN = 3;        // the regression chart shows ŷ within ±3 of the target
const MSE_TOP = 9;     // = SPAN²: the bowl fills the chart
const CE_TOP = 7;      // cross-entropy above this is drawn as an arrow off the top
const P_MIN = 0.001;
const P_MAX = 0.999;
const CURVE_POINTS = 241;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  let yHat = 0;
  let p = 0.5;
  let label = 1;
  let mseCurve = null;
  let ceCurves = null;

  const row = el('div', { className: 'dw-row' });
  const leftCol = el('div', { className: 'dw-col' });
  const rightCol = el('div', { className: 'dw-col' });
  row.append(leftCol, rightCol);
  card.stage.append(row);
  leftCol.append(el('p', { className: 'dw-panel-title', text: t('loss-penalties.mseHeading') }));
  rightCol.append(el('p', { className: 'dw-panel-title', text: t('loss-penalties.ceHeading') }));
  const msePlot = ctx.own(new Plot(leftCol, { aspect: 0.75, minHeight: 220, maxHeight: 340, label: t('loss-penalties.msePlot'), onResize: () => ctx.requestDraw(draw) }));
  const cePlot = ctx.own(new Plot(rightCol, { aspect: 0.75, minHeight: 220, maxHeight: 340, label: t('loss-penalties.cePlot'), onResize: () => ctx.requestDraw(draw) }));

  const labelToggle = segmented(card.controls, {
    label: t('loss-penalties.trueClass'),
    options: [['1', t('loss-penalties.class1')], ['0', t('loss-penalties.class0')]],
    value: opts.label,
    onChange: (v) => { label = Number(v); computeCurves(); update(); },
  });

  const statYHat = card.stat(t('loss-penalties.stat.yHat'));
  const statMse = card.stat(t('loss-penalties.stat.mse'));
  const statP = card.stat(t('loss-penalties.stat.p'));
  const statCe = card.stat(t('loss-penalties.stat.ce'));

  // Predict, then check: the cross-entropy when only 1% is left on the true class, judged from
  // the engine's logLoss once the learner's handle reaches it.
  const LOW = 0.01;
  const TOLERANCE = 0.5;
  const prediction = createPrediction(ctx, {
    id: 'loss-one-percent',
    question: t('loss-penalties.predict.question'),
    numeric: { label: t('loss-penalties.predict.label'), tolerance: TOLERANCE, min: 0, max: 100, digits: 2 },
    ready: () => ((label === 1 ? p : 1 - p) > LOW + 1e-9 ? null : t('loss-penalties.predict.moveBack')),
    next: t('loss-penalties.predict.next'),
  });
  function judgeOnePercent(shownCost) {
    const pTrue = label === 1 ? p : 1 - p;
    if (pTrue > LOW + 1e-9) {
      // Short of 1%, the readout can already pass as the answer: at p = 0.011 it says 4.51, within
      // ± 0.5 of the 4.61 at 1% (so does every p up to 0.016). Copying it is no prediction.
      if (prediction.pending !== null || !Number.isFinite(shownCost)) return;
      const answer = attempt(card, () => ml.logLoss([1], [LOW]), NaN);
      if (Math.abs(asShown(answer, 2) - shownCost) <= TOLERANCE + 1e-12) prediction.outcomeSeen(t('loss-penalties.predict.closeSeen', { cost: formatNumber(shownCost, 3), tolerance: formatNumber(TOLERANCE, 1) }));
      return;
    }
    // The cost at 1% is in the readout: a prediction made after it could copy it.
    if (prediction.pending === null) { prediction.outcomeSeen(t('loss-penalties.predict.seen')); return; }
    const cost = attempt(card, () => ml.logLoss([label], [label === 1 ? LOW : 1 - LOW]), NaN);
    if (!Number.isFinite(cost)) return;
    const worst = attempt(card, () => ml.meanSquaredError([label], [label === 1 ? LOW : 1 - LOW]), NaN);
    prediction.settle(cost, t('loss-penalties.predict.why', { cost: formatNumber(cost, 2), times: formatNumber(cost / ml.logLoss([1], [0.5]), 1), squared: formatNumber(worst, 2), step: formatNumber(Math.log(10), 2) }));
  }

  function clampPrediction(v) { return Math.max(opts.target - SPAN, Math.min(opts.target + SPAN, v)); }
  function clampP(v) { return Math.max(P_MIN, Math.min(P_MAX, v)); }

  // The curves are sampled from the engine: one one-example loss per x position.
  function computeCurves() {
    attempt(card, () => {
      const xs = [];
      const mse = [];
      for (let i = 0; i < CURVE_POINTS; i++) {
        const v = opts.target - SPAN + (2 * SPAN * i) / (CURVE_POINTS - 1);
        xs.push(v);
        mse.push(ml.meanSquaredError([opts.target], [v]));
      }
      mseCurve = { xs, ys: mse };
      const ps = [];
      const ce = [[], []];
      for (let i = 0; i < CURVE_POINTS; i++) {
        // Denser near 0 and 1, where the curve bends hardest.
        const u = i / (CURVE_POINTS - 1);
        const q = P_MIN + (P_MAX - P_MIN) * (0.5 - 0.5 * Math.cos(Math.PI * u));
        ps.push(q);
        ce[0].push(ml.logLoss([0], [q]));
        ce[1].push(ml.logLoss([1], [q]));
      }
      ceCurves = { ps, ce };
    });
  }

  function update() {
    const mse = attempt(card, () => ml.meanSquaredError([opts.target], [yHat]), NaN);
    const ce = attempt(card, () => ml.logLoss([label], [p]), NaN);
    statYHat.set(formatNumber(yHat, 2));
    statMse.set(formatNumber(mse, 3));
    statP.set(formatNumber(p, 3));
    statCe.set(formatNumber(ce, 3));
    const pTrue = label === 1 ? p : 1 - p; // probability given to the class that is true
    if (!Number.isFinite(ce) || !Number.isFinite(mse)) card.setMessage(t('loss-penalties.failed'), 'bad');
    else if (pTrue < 0.05) card.setMessage(t('loss-penalties.confidentWrong', { share: formatPercent(pTrue, 1), ce: formatNumber(ce, 2) }), 'bad');
    else if (pTrue < 0.5) card.setMessage(t('loss-penalties.wrongSide', { share: formatPercent(pTrue, 1), ce: formatNumber(ce, 2), guess: formatNumber(ml.logLoss([1], [0.5]), 3) }), 'warn');
    else if (pTrue > 0.95) card.setMessage(t('loss-penalties.confidentRight', { ce: formatNumber(ce, 3), mse: formatNumber(mse, 3), miss: formatNumber(Math.abs(yHat - opts.target), 2) }), 'ok');
    else card.setMessage(t('loss-penalties.compare', { mse: formatNumber(mse, 3), ce: formatNumber(ce, 3) }), 'info');
    msePlot.canvas.setAttribute('aria-label', t('loss-penalties.mseFigure', { yHat: formatNumber(yHat, 2), target: formatNumber(opts.target, 2), mse: formatNumber(mse, 3) }));
    cePlot.canvas.setAttribute('aria-label', t('loss-penalties.ceFigure', { label, p: formatNumber(p, 3), ce: formatNumber(ce, 3) }));
    judgeOnePercent(asShown(ce, 3));
    ctx.requestDraw(draw);
  }

  function probabilityStep(direction) {
    // Finer steps near the ends so the keyboard can reach 0.001 and 0.999.
    const near = p < 0.02 || p > 0.98 || (p <= 0.02 + 1e-9 && direction < 0) || (p >= 0.98 - 1e-9 && direction > 0);
    const step = near ? 0.001 : 0.01;
    return Number(clampP(p + direction * step).toFixed(3));
  }

  const mseDrag = ctx.drag(msePlot, {
    touchAction: 'pan-y',
    hit: (pos) => Math.abs(msePlot.px(pos.x) - msePlot.px(yHat)) < 30,
    move: (pos) => { yHat = clampPrediction(pos.x); update(); },
    snapshot: () => yHat,
    restore: (v) => { yHat = v; update(); },
    key: (dx, dy) => { yHat = clampPrediction(Number((yHat + (dx || dy) * 0.05).toFixed(4))); update(); },
    onFocusChange: (on) => { if (on) card.setMessage(t('loss-penalties.mseKeys'), 'info'); ctx.requestDraw(draw); },
  });
  const ceDrag = ctx.drag(cePlot, {
    touchAction: 'pan-y',
    hit: (pos) => Math.abs(cePlot.px(pos.x) - cePlot.px(p)) < 30,
    move: (pos) => { p = clampP(pos.x); update(); },
    snapshot: () => p,
    restore: (v) => { p = v; update(); },
    key: (dx, dy) => {
      const d = dx || dy;
      const n = Math.abs(d);
      for (let i = 0; i < n; i++) p = probabilityStep(Math.sign(d));
      update();
    },
    enter: () => { label = 1 - label; labelToggle.set(String(label)); update(); },
    onFocusChange: (on) => { if (on) card.setMessage(t('loss-penalties.ceKeys'), 'info'); ctx.requestDraw(draw); },
  });

  function draw() {
    if (!mseCurve || !ceCurves) return;
    const th = msePlot.theme;
    msePlot.setDomain(opts.target - SPAN, opts.target + SPAN, 0, MSE_TOP * 1.08);
    msePlot.begin();
    msePlot.axes({ xLabel: t('loss-penalties.mseAxis.x'), yLabel: t('loss-penalties.mseAxis.y'), xTicks: 6, yTicks: 4 });
    const mseNow = attempt(card, () => ml.meanSquaredError([opts.target], [yHat]), 0);
    msePlot.clipToArea(() => {
      msePlot.segment(opts.target, 0, opts.target, MSE_TOP * 1.08, { color: th.truth, dash: [5, 4], width: 1.5 });
      msePlot.path(mseCurve.xs, mseCurve.ys, { color: th.loss, width: 2.5 });
      msePlot.segment(yHat, 0, yHat, mseNow, { color: th.loss, width: 1, dash: [2, 3] });
    });
    const c = msePlot.ctx;
    c.save();
    c.font = `12px ${th.font}`;
    c.fillStyle = th.textMuted;
    c.textAlign = 'left';
    c.fillText(t('loss-penalties.trueY', { target: formatNumber(opts.target, 1) }), msePlot.px(opts.target) + 6, msePlot.margin.top + 12);
    c.restore();
    msePlot.handle(yHat, Math.min(mseNow, MSE_TOP * 1.08), { focused: mseDrag.keyboardFocused });

    const u = cePlot.theme;
    cePlot.setDomain(0, 1, 0, CE_TOP * 1.08);
    cePlot.begin();
    cePlot.axes({ xLabel: t('loss-penalties.ceAxis.x'), yLabel: t('loss-penalties.ceAxis.y'), xTicks: 5, yTicks: 4 });
    cePlot.clipToArea(() => {
      cePlot.path(ceCurves.ps, ceCurves.ce[1 - label], { color: u.truth, width: 1.5, dash: [5, 4] });
      cePlot.path(ceCurves.ps, ceCurves.ce[label], { color: u.loss, width: 2.5 });
    });
    const ceNow = attempt(card, () => ml.logLoss([label], [p]), 0);
    const d = cePlot.ctx;
    d.save();
    d.font = `12px ${u.font}`;
    d.fillStyle = u.textMuted;
    d.textAlign = label === 1 ? 'left' : 'right';
    d.fillText(t('loss-penalties.trueClassMark', { label }), label === 1 ? cePlot.px(0.55) : cePlot.px(0.45), cePlot.py(CE_TOP * 0.95));
    d.restore();
    if (ceNow > CE_TOP * 1.08) {
      // Off the chart: an arrow at the top edge with the value.
      const X = cePlot.px(p);
      const Y = cePlot.margin.top + 4;
      d.save();
      d.fillStyle = u.loss;
      d.beginPath(); d.moveTo(X, Y - 2); d.lineTo(X - 7, Y + 10); d.lineTo(X + 7, Y + 10); d.closePath(); d.fill();
      d.font = `12px ${u.mono}`;
      d.textAlign = p < 0.5 ? 'left' : 'right';
      d.fillText(`↑ ${formatNumber(ceNow, 2)}`, p < 0.5 ? X + 10 : X - 10, Y + 10);
      d.restore();
      cePlot.handle(p, CE_TOP * 1.02, { focused: ceDrag.keyboardFocused, color: u.loss });
    } else {
      cePlot.handle(p, ceNow, { focused: ceDrag.keyboardFocused });
    }
  }

  function reset() {
    yHat = clampPrediction(opts.prediction);
    p = clampP(opts.probability);
    label = Number(opts.label);
    labelToggle.set(opts.label);
    computeCurves();
    update();
  }

  reset();

  return {
    update(next) { opts = { ...next }; prediction.reset(t('loss-penalties.reset')); reset(); },
  };
}
