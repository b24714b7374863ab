// "Sweep the threshold, trace the ROC" (seed 001, level 3): a threshold slides from "call
// nothing positive" to "call everything positive"; each position adds one point to the ROC curve
// (area filling in beneath it) and to the precision–recall curve. Curves, AUC, the partial area
// and average precision come from the engine (rocCurve, rocAuc, trapezoidArea,
// precisionRecallCurve, averagePrecision); JS only walks along the arrays it returns.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, el, segmented } from '../lib/ui.js';
import { formatNumber, formatPercent, formatSignificant, readShown } from '../lib/format.js';
import { seedOption } from '../lib/schema.js';
import { drawScoreStrip, scoredExamples } from '../lib/scores.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './roc-sweep.messages.js';

export const schema = {
  seed: seedOption(5, 'Random seed for the examples.'),
  points: { type: 'int', min: 10, max: 300, default: 80, description: 'How many scored examples.' },
  dataset: { type: 'enum', values: ['easy', 'hard'], default: 'easy', description: 'Easy: classes barely overlap. Hard: much overlap.' },
};

export const meta = { title: messages['roc-sweep.title'], hint: messages['roc-sweep.hint'] };

const SPREAD = { easy: 2.0, hard: 5.0 }; // AUC 0.983 and 0.753 (exactly 0.7525) on the default seed (lessons/roc-curves.claims.test.mjs)
const SWEEP_MS = 5000; // a whole sweep takes about five seconds
// The Hard data's AUC is what the learner predicts: its totals and the faint whole curves stay
// hidden until a sweep over it reaches the last threshold, so no readout gives the answer away.
const HIDDEN_UNTIL_SWEPT = new Set(['hard']);
// The unit square padded a little, so a marker at a curve's start (0 on either axis) sits clear
// of the tick numbers beside the axes.
const PAD = 0.04;

// The threshold t as a learner reads it: three significant digits, or as many more as it takes
// for t to read differently from the thresholds of the steps beside it (`neighbours`), and
// never as 0 or 1 when it lies strictly between them. The top scores on Easy differ only in the
// fourth or fifth decimal (0.999987, 0.99985, …): at three decimals five steps all read "1.000"
// while the curve moves, and under "score ≥ t" a t of 1 would flag only a score of exactly 1.
// At most PLAIN_DIGITS digits: a t closer to 1 than that tells apart (at 10 points the top score
// is 0.9999999999998992, which took 12 digits and read "1.00000000000") is written as its gap
// below 1, "1 − 1.01 × 10⁻¹³", the gap in as few significant digits as tell it from its
// neighbours' gaps; a t near 0 needs no such form, as the formatter writes it "3.19 × 10⁻¹²".
const PLAIN_DIGITS = 6;
export function thresholdText(v, neighbours = []) {
  // The fewest significant digits from 3 to `most` at which `write` tells x from every neighbour
  // (and, for t itself, keeps it off 0 and 1), or null.
  const digitsToTell = (x, others, most, inside = () => true) => {
    for (let s = 3; s <= most; s++) {
      const shown = readShown(formatSignificant(x, s));
      if (!inside(shown)) continue;
      if (!others.some((n) => readShown(formatSignificant(n, s)) === shown)) return s;
    }
    return null;
  };
  const strictlyInside = (shown) => !((v < 1 && shown >= 1) || (v > 0 && shown <= 0));
  const plain = digitsToTell(v, neighbours, PLAIN_DIGITS, strictlyInside);
  if (plain !== null) return formatSignificant(v, plain);
  if (v > 0.5 && v < 1) {
    const gap = 1 - v; // exact for v in [0.5, 1] (Sterbenz), and above 0
    const digits = digitsToTell(gap, neighbours.map((n) => 1 - n), PLAIN_DIGITS) ?? PLAIN_DIGITS;
    return `1 − ${formatSignificant(gap, digits)}`;
  }
  return formatSignificant(v, PLAIN_DIGITS);
}

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  let data = null;
  let roc = null;
  let pr = null;
  let auc = NaN;
  let ap = NaN;
  let k = 0;             // current ROC point: thresholds[k] is the active threshold
  const swept = new Set(); // data sets whose sweep has reached the end since the settings last changed
  let threshold = 1;     // the threshold shown in the strip (continuous when dragged)

  const strip = ctx.own(new Plot(card.stage, { aspect: 0.3, minHeight: 170, maxHeight: 240, label: t('roc-sweep.strip'), onResize: () => ctx.requestDraw(draw) }));
  const row = el('div', { className: 'dw-row' });
  const rocCol = el('div', { className: 'dw-col' });
  const prCol = el('div', { className: 'dw-col' });
  row.append(rocCol, prCol);
  card.stage.append(row);
  rocCol.append(el('p', { className: 'dw-panel-title', text: t('roc-sweep.rocHeading') }));
  prCol.append(el('p', { className: 'dw-panel-title', text: t('roc-sweep.prHeading') }));
  const rocPlot = ctx.own(new Plot(rocCol, { aspect: 0.9, minHeight: 220, maxHeight: 360, domain: [-PAD, 1 + PAD, -PAD, 1 + PAD], label: t('roc-sweep.rocPlot'), onResize: () => ctx.requestDraw(draw) }));
  const prPlot = ctx.own(new Plot(prCol, { aspect: 0.9, minHeight: 220, maxHeight: 360, domain: [-PAD, 1 + PAD, -PAD, 1 + PAD], label: t('roc-sweep.prPlot'), onResize: () => ctx.requestDraw(draw) }));
  for (const p of [rocPlot, prPlot]) p.margin = { ...p.margin, top: 24, right: 16 };

  const buttons = buttonRow(card.controls);
  let sweepStart = null; // time and index where Play's sweep began
  let sweepFrom = 0;
  const play = ctx.player(buttons, {
    quiet: true, // the threshold's sentence is rewritten on every frame of the sweep
    start: () => {
      if (!roc) return false;
      if (k >= last()) setIndex(0);
      return true;
    },
    reduced: () => setIndex(k + Math.max(1, Math.round(last() / 10))),
    onStart: () => { sweepStart = null; sweepFrom = k; },
    tick: (time) => {
      if (sweepStart === null) sweepStart = time;
      const target = sweepFrom + Math.floor(((time - sweepStart) / SWEEP_MS) * last());
      if (target > k) setIndex(target);
      return k < last();
    },
  });
  button(buttons, t('roc-sweep.step'), () => { play.stop(); setIndex(k + 1); });
  button(buttons, t('roc-sweep.reset'), () => { play.stop(); setIndex(0); });
  const datasetToggle = segmented(card.controls, {
    label: t('roc-sweep.dataset'),
    options: [['easy', t('roc-sweep.dataset.easy')], ['hard', t('roc-sweep.dataset.hard')]],
    value: opts.dataset,
    onChange: (v) => { opts.dataset = v; load(); },
  });

  const statT = card.stat(t('roc-sweep.stat.threshold'));   // the threshold t
  const statTpr = card.stat(t('roc-sweep.stat.tpr'));
  const statFpr = card.stat(t('roc-sweep.stat.fpr'));
  const statArea = card.stat(t('roc-sweep.stat.area'));
  const statAuc = card.stat(t('roc-sweep.stat.auc'));
  const statAp = card.stat(t('roc-sweep.stat.ap'));
  // Read with the "–" of a hidden total, so a screen reader hears why it is blank.
  const hiddenNotes = [statAuc, statAp].map((stat) => {
    const note = el('span', { className: 'dw-sr-only', text: t('roc-sweep.hiddenNote') });
    stat.element.append(note);
    return note;
  });

  // Predict, then check: the AUC of the Hard data, committed while the Easy data is shown and
  // judged from the engine's rocAuc once the sweep over the Hard data reaches its last point.
  const prediction = createPrediction(ctx, {
    id: 'roc-hard-auc',
    question: t('roc-sweep.predict.question'),
    numeric: { label: t('roc-sweep.predict.label'), tolerance: 0.05, min: 0, max: 1, digits: 3 },
    ready: () => (opts.dataset === 'easy' ? null : t('roc-sweep.predict.easyFirst')),
    onCommit: () => { sweepShown = false; },
    // Changed part-way through the Hard sweep, the box has had part of its curve and area on screen.
    progress: () => sweepShown,
    next: t('roc-sweep.predict.next'),
  });
  let sweepShown = false; // part of the Hard sweep has been on screen since the prediction was locked
  const hidden = () => HIDDEN_UNTIL_SWEPT.has(opts.dataset) && !swept.has(opts.dataset);
  function judgeSweep() {
    if (opts.dataset !== 'hard' || k === 0) return;
    // Moving the threshold over the Hard data with nothing committed shows its curve and area:
    // a prediction after that could copy them.
    if (prediction.pending === null) { prediction.outcomeSeen(t('roc-sweep.predict.seen')); return; }
    sweepShown = true;
    if (k !== last()) return;
    const easyAuc = attempt(card, () => { const e = scoredExamples(ml, { points: opts.points, spread: SPREAD.easy, seed: opts.seed }); return ml.rocAuc(e.y, e.scores); }, NaN);
    const easyText = Number.isFinite(easyAuc) ? t('roc-sweep.predict.belowEasy', { auc: formatNumber(easyAuc, 3) }) : ',';
    prediction.settle(auc, t('roc-sweep.predict.why', { auc: formatNumber(auc, 3), easy: easyText }));
  }

  function load() {
    play.stop();
    const ok = attempt(card, () => {
      data = scoredExamples(ml, { points: opts.points, spread: SPREAD[opts.dataset], seed: opts.seed });
      roc = ml.rocCurve(data.y, data.scores);
      pr = ml.precisionRecallCurve(data.y, data.scores);
      auc = ml.rocAuc(data.y, data.scores);
      ap = ml.averagePrecision(data.y, data.scores);
      return true;
    }, false);
    if (!ok) { data = null; return; }
    datasetToggle.set(opts.dataset);
    setIndex(0);
  }

  function showTotals() {
    const hide = hidden();
    statAuc.set(hide ? '–' : formatNumber(auc, 3));
    statAp.set(hide ? '–' : formatNumber(ap, 3));
    for (const note of hiddenNotes) note.hidden = !hide;
  }

  const last = () => (roc ? roc.fpr.length - 1 : 0);

  // The shown text of ROC threshold k (1 … last), told apart from the thresholds of steps k ± 1.
  const stepThreshold = (i) => thresholdText(roc.thresholds[i], [i - 1, i + 1].filter((n) => n >= 1 && n <= last()).map((n) => roc.thresholds[n]));

  // The precision–recall point of ROC point k: thresholds increase along the pr arrays, and the
  // last entry (recall 0, precision 1) is the anchor with no threshold, "nothing flagged". The
  // traced part is every threshold at least as strict as the current one.
  function prIndex() {
    const n = pr.precision.length;
    if (k === 0) return n - 1;
    const current = roc.thresholds[k];
    for (let i = 0; i < pr.thresholds.length; i++) if (pr.thresholds[i] >= current) return i;
    return n - 1;
  }

  // ROC point k predicts positive when score ≥ thresholds[k]; k = 0 is "nothing positive".
  function setIndex(i, fromThreshold = null) {
    if (!roc) return;
    k = Math.max(0, Math.min(last(), i));
    if (k === last()) swept.add(opts.dataset);
    showTotals();
    threshold = fromThreshold ?? (k === 0 ? 1 : roc.thresholds[k]);
    const area = k === 0 ? 0 : attempt(card, () => ml.trapezoidArea(roc.fpr.slice(0, k + 1), roc.tpr.slice(0, k + 1)), NaN);
    const shownT = fromThreshold === null ? (k === 0 ? t('roc-sweep.aboveAll') : stepThreshold(k)) : thresholdText(threshold);
    statT.set(shownT);
    statTpr.set(formatNumber(roc.tpr[k], 3));
    statFpr.set(formatNumber(roc.fpr[k], 3));
    statArea.set(formatNumber(area, 3));
    if (k === 0) card.setMessage(t('roc-sweep.strictest', { hidden: hidden() }), 'info');
    else if (k === last()) card.setMessage(t('roc-sweep.complete', { auc: formatNumber(auc, 3), easy: opts.dataset === 'easy' }), 'ok');
    else card.setMessage(t('roc-sweep.atThreshold', { t: shownT, tpr: formatPercent(roc.tpr[k], 1), fpr: formatPercent(roc.fpr[k], 1), area: formatNumber(area, 3) }), 'info');
    rocPlot.canvas.setAttribute('aria-label', t('roc-sweep.figure', { k, last: last(), fpr: formatNumber(roc.fpr[k], 3), tpr: formatNumber(roc.tpr[k], 3), auc: hidden() ? '' : formatNumber(auc, 3) }));
    const j = prIndex();
    prPlot.canvas.setAttribute('aria-label', t('roc-sweep.prFigure', { k, last: last(), recall: formatNumber(pr.recall[j], 3), precision: formatNumber(pr.precision[j], 3), ap: hidden() ? '' : formatNumber(ap, 3) }));
    judgeSweep();
    ctx.requestDraw(draw);
  }

  // A threshold t from the strip selects the strictest ROC point that still calls every
  // score ≥ t positive: the last k with thresholds[k] ≥ t.
  function setThreshold(v) {
    if (!roc) return;
    const tt = Math.max(0, Math.min(1, v));
    let i = 0;
    while (i + 1 <= last() && roc.thresholds[i + 1] >= tt) i++;
    setIndex(i, tt);
  }

  const stripDrag = ctx.drag(strip, {
    touchAction: 'pan-y',
    hit: (pos) => Math.abs(strip.px(pos.x) - strip.px(threshold)) < 30,
    move: (pos) => { play.stop(); setThreshold(pos.x); },
    snapshot: () => threshold,
    restore: (v) => setThreshold(v),
    key: (dx, dy) => { play.stop(); setThreshold(threshold + (dx || dy) * 0.01); },
    enter: () => play.toggle(),
    onFocusChange: (on) => { if (on) card.setMessage(t('roc-sweep.stripKeys'), 'info'); ctx.requestDraw(draw); },
  });
  const rocDrag = ctx.drag(rocPlot, {
    hit: (pos) => roc && Math.hypot(rocPlot.px(pos.x) - rocPlot.px(roc.fpr[k]), rocPlot.py(pos.y) - rocPlot.py(roc.tpr[k])) < 30,
    move: (pos) => {
      play.stop();
      let best = 0;
      let bestD = Infinity;
      for (let i = 0; i <= last(); i++) {
        const d = Math.hypot(rocPlot.px(roc.fpr[i]) - rocPlot.px(pos.x), rocPlot.py(roc.tpr[i]) - rocPlot.py(pos.y));
        if (d < bestD) { bestD = d; best = i; }
      }
      setIndex(best);
    },
    snapshot: () => k,
    restore: (i) => setIndex(i),
    key: (dx, dy) => { play.stop(); setIndex(k + (dx || dy)); },
    enter: () => play.toggle(),
    onFocusChange: (on) => { if (on) card.setMessage(t('roc-sweep.rocKeys'), 'info'); ctx.requestDraw(draw); },
  });

  function draw() {
    if (!data || !roc) return;
    drawScoreStrip(strip, data.y, data.scores, threshold, { focused: stripDrag.keyboardFocused, t });

    const th = rocPlot.theme;
    rocPlot.begin();
    rocPlot.axes({ xLabel: t('roc-sweep.rocAxis.x'), yLabel: t('roc-sweep.rocAxis.y'), xTicks: 5, yTicks: 5 });
    const fx = Array.from(roc.fpr.subarray(0, k + 1));
    const ty = Array.from(roc.tpr.subarray(0, k + 1));
    rocPlot.clipToArea((c) => {
      if (k > 0) {
        c.save();
        c.globalAlpha = 0.18;
        c.fillStyle = th.good;
        c.beginPath();
        c.moveTo(rocPlot.px(fx[0]), rocPlot.py(0));
        for (let i = 0; i < fx.length; i++) c.lineTo(rocPlot.px(fx[i]), rocPlot.py(ty[i]));
        c.lineTo(rocPlot.px(fx[fx.length - 1]), rocPlot.py(0));
        c.closePath();
        c.fill();
        c.restore();
      }
      rocPlot.segment(0, 0, 1, 1, { color: th.truth, dash: [5, 4], width: 1.5 });
      if (!hidden()) rocPlot.path(Array.from(roc.fpr), Array.from(roc.tpr), { color: th.gridLine, width: 2 });
      rocPlot.path(fx, ty, { color: th.model, width: 2.5 });
    });
    rocPlot.handle(roc.fpr[k], roc.tpr[k], { focused: rocDrag.keyboardFocused });
    const c = rocPlot.ctx;
    c.save();
    c.font = `12px ${th.font}`;
    c.fillStyle = th.textMuted;
    c.textAlign = 'right';
    c.fillText(t('roc-sweep.noSkill'), rocPlot.px(0.97), rocPlot.py(0.42));
    c.restore();

    // PR curve, traced from its anchor (recall 0, precision 1) to the current threshold.
    const j = prIndex();
    prPlot.begin();
    prPlot.axes({ xLabel: t('roc-sweep.prAxis.x'), yLabel: t('roc-sweep.prAxis.y'), xTicks: 5, yTicks: 5 });
    prPlot.clipToArea(() => {
      if (!hidden()) prPlot.path(Array.from(pr.recall), Array.from(pr.precision), { color: th.gridLine, width: 2 });
      prPlot.path(Array.from(pr.recall.subarray(j)), Array.from(pr.precision.subarray(j)), { color: th.model, width: 2.5 });
    });
    prPlot.handle(pr.recall[j], pr.precision[j], {});
    if (hidden()) return;
    const d = prPlot.ctx;
    d.save();
    d.font = `12px ${th.font}`;
    d.fillStyle = th.textMuted;
    d.textAlign = 'left';
    d.fillText(t('roc-sweep.averagePrecision', { ap: formatNumber(ap, 3) }), prPlot.px(0.04), prPlot.py(0.08));
    d.restore();
  }

  load();

  return {
    update(next) { opts = { ...next }; swept.clear(); prediction.reset(t('roc-sweep.reset.settings')); load(); },
  };
}
