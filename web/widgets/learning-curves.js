// "Learning curves grow with the dataset" (seed 001, level 3): pick a model capacity (polynomial
// degree) and watch training and validation error redrawn as the training set grows from a
// handful of points to many. For each size n the engine fits PolynomialRegression exactly on the
// first n rows of a seeded shuffle (the engine's trainValidationTestSplit, which also fixes the
// held-out validation rows) and scores both sets with meanSquaredError.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { prefersReducedMotion } from '../lib/frame.js';
import { button, buttonRow, slider } from '../lib/ui.js';
import { formatNumber, formatShort, asShown } from '../lib/format.js';
import { seedOption } from '../lib/schema.js';
import { holdout, polyErrors } from '../lib/holdout.js';
import { fillLegend, legend } from '../lib/legend.js';
import { log10, logAxes } from '../lib/ticks.js';
import { curveMarker } from '../lib/marks.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './learning-curves.messages.js';

export const schema = {
  seed: seedOption(8, 'Random seed for the data and the split.'),
  pool: { type: 'int', min: 40, max: 400, default: 120, description: 'Total points (a quarter held out for validation).' },
  noise: { type: 'number', min: 0.05, max: 1, default: 0.3, description: 'Standard deviation of the noise.' },
  degree: { type: 'int', min: 1, max: 12, default: 1, description: 'Starting model capacity (polynomial degree).' },
};

export const meta = { title: messages['learning-curves.title'], hint: messages['learning-curves.hint'] };

const VALIDATION_FRACTION = 0.25;
// The box asks about one degree, named in its question, so locking in can set it and start the
// run: no race against curves already growing, with or without reduced motion.
export const PREDICT_DEGREE = 12;
const FRAME_MS = 90; // one new training-set size per ~0.1 s
// The error axis spans 10⁻³ … 10²; an error above the top (a wild interpolating polynomial
// can miss the validation points by 10⁵⁰) is pinned to the top edge and the largest is noted.
const LOG_TOP = 2;
const LOG_BOTTOM = -3;

// The lesson's definitions, applied to one point { trainMse, valMse } with the noise floor s²:
// high bias = both curves high (validation above 2 s²) and together (gap below s²); high
// variance = a wide gap (validation more than twice training); close = neither, with validation
// at most twice the floor. What is left, 'apart', is high (over 2 s²) but neither together nor a
// wide gap (a line on 12–14 points: 0.243 and 0.371, gap 0.128): no shape, and it is said so.
export function diagnose(p, floor) {
  if (p.valMse > floor * 2 && p.valMse - p.trainMse < floor) return 'bias';
  if (p.valMse > 2 * p.trainMse) return 'variance';
  if (p.valMse > floor * 2) return 'apart';
  return 'close';
}

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const poly = ctx.own(new ml.PolynomialRegression());
  let data = null;
  let split = null;
  let sizes = [];
  let points = [];      // computed so far: { n, trainMse, valMse }
  let degree = opts.degree;

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.5, minHeight: 230, maxHeight: 380, label: t('learning-curves.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.margin = { ...plot.margin, top: 24 };
  // The noise floor's value is written in the legend, not beside its line on the chart, where it
  // covered the validation curve's last points (degree 12 ends just above the floor).
  const key = legend(card.stage, []);
  const fillKey = () => fillLegend(key, [{ text: t('learning-curves.legend.train'), swatch: 'dw-line-key dw-line-train' }, { text: t('learning-curves.legend.validation'), swatch: 'dw-line-key dw-line-val' }, { text: t('learning-curves.legend.floor', { floor: formatNumber(opts.noise * opts.noise, 3) }), swatch: 'dw-line-key dw-line-truth' }]);

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    start: () => { if (points.length >= sizes.length) restart(); },
    reduced: () => { while (grow()) { /* all sizes at once */ } },
    every: FRAME_MS,
    tick: () => grow(),
    quiet: true, // the errors at each new size are said about ten times a second
  });
  button(buttons, t('learning-curves.step'), () => { play.stop(); grow(); });
  button(buttons, t('learning-curves.reset'), () => { play.stop(); restart(); });
  const degreeSlider = slider(card.controls, { label: t('learning-curves.slider.degree'), min: 1, max: 12, step: 1, value: degree, format: (v) => t('learning-curves.degreeValue', { degree: v, low: v <= 2, high: v >= 9 }), onInput: (v) => { degree = v; if (v !== PREDICT_DEGREE) prediction.reset(t('learning-curves.reset.degree', { degree: PREDICT_DEGREE })); restart(); autoRun(); } });

  const statN = card.stat(t('learning-curves.stat.n'));
  const statTrain = card.stat(t('learning-curves.stat.train'));
  const statVal = card.stat(t('learning-curves.stat.validation'));
  const statGap = card.stat(t('learning-curves.stat.gap'));

  // Predict, then check: what will degree 12's curves show once all training points are used?
  // Judged by the lesson's definitions (diagnose) on the last computed point of a full run.
  // Locking in sets degree 12 and grows its curves from n = 2. Degree-12 curves drawn with nothing
  // committed, even part of the way (paused at n = 60 they already head for the floor), show
  // where they are going, so a prediction made after them is practice; the lesson's text that
  // states the outcome opens only once they have grown to all points. The same holds for curves
  // grown under a lock: changing the prediction part-way through its run (paused at n = 60, say),
  // then locking again, would be a guess made from them, so that unlock counts as a glimpse.
  let runShown = false; // degree-12 points have been drawn since the prediction was locked
  const SHAPES = ['bias', 'variance', 'close'];
  const prediction = createPrediction(ctx, {
    id: 'learning-curves-final',
    question: t('learning-curves.predict.question', { degree: PREDICT_DEGREE }),
    choices: SHAPES.map((id) => [id, t(`learning-curves.shape.${id}`)]),
    onCommit: () => { play.stop(); degree = PREDICT_DEGREE; runShown = false; restart(); ctx.timeout(autoRun, 0); }, // after the box has locked
    progress: () => runShown,
    next: () => t('learning-curves.predict.next', { degree: PREDICT_DEGREE }),
  });
  function judgeFinal() {
    if (points.length !== sizes.length || degree !== PREDICT_DEGREE) return;
    if (prediction.pending === null) { prediction.outcomeSeen(t('learning-curves.predict.seen', { degree: PREDICT_DEGREE, n: points[points.length - 1].n })); return; }
    const last = points[points.length - 1];
    const shape = diagnose(last, opts.noise * opts.noise);
    // High, but neither together nor a wide gap: none of the three choices, so the run does not
    // judge the prediction (only other settings than the lesson's can end degree 12 here).
    if (shape === 'apart') { prediction.note(t('learning-curves.predict.apart', { degree, n: last.n, train: formatNumber(last.trainMse, 3), validation: formatNumber(last.valMse, 3), ratio: formatNumber(shownRatio(last), 2) })); return; }
    const lesson = t(`learning-curves.lesson.${shape === 'close' && degree >= 9 ? 'closeFlexible' : shape}`);
    prediction.settle(shape, t('learning-curves.predict.why', { degree, n: last.n, train: formatNumber(last.trainMse, 3), validation: formatNumber(last.valMse, 3), ratio: formatNumber(shownRatio(last), 2), lesson }));
  }

  function load() {
    const ok = attempt(card, () => {
      data = ml.makeNoisySin(opts.pool, opts.noise, opts.seed);
      split = holdout(ml, opts.pool, VALIDATION_FRACTION, opts.seed);
      return true;
    }, false);
    fillKey();
    if (!ok) { data = null; return; }
    // Sizes 2, 3, … dense while small, then every few points up to the whole training part.
    const maxN = split.train.length;
    sizes = [];
    for (let n = 2; n <= maxN; n += n < 20 ? 1 : n < 60 ? 2 : 5) sizes.push(n);
    if (sizes[sizes.length - 1] !== maxN) sizes.push(maxN);
    restart();
  }

  function restart() {
    points = [];
    degreeSlider.set(degree);
    statN.set('–'); statTrain.set('–'); statVal.set('–'); statGap.set('–');
    card.setMessage(t('learning-curves.start', { degree, max: sizes[sizes.length - 1] }), 'info');
    ctx.requestDraw(draw);
  }

  function grow() {
    if (!data || points.length >= sizes.length) return false;
    const n = sizes[points.length];
    const r = attempt(card, () => {
      poly.setDegree(degree);
      return polyErrors(ml, poly, data.X, data.y, split.train.slice(0, n), split.validation);
    }, null);
    if (!r) return false;
    points.push({ n, ...r });
    if (degree === PREDICT_DEGREE && prediction.pending === null) prediction.outcomeGlimpsed(t('learning-curves.predict.glimpsed', { degree: PREDICT_DEGREE }));
    if (degree === PREDICT_DEGREE && prediction.pending !== null) runShown = true;
    statN.set(formatNumber(n, 0));
    statTrain.set(formatNumber(r.trainMse, 3));
    statVal.set(formatNumber(r.valMse, 3));
    statGap.set(shownGap(r));
    describe();
    judgeFinal();
    plot.canvas.setAttribute('aria-label', t('learning-curves.figure', { degree, n, train: formatNumber(r.trainMse, 3), validation: formatNumber(r.valMse, 3) }));
    ctx.requestDraw(draw);
    return points.length < sizes.length;
  }

  // The gap as the difference of the two readouts shown beside it, so it checks out by hand
  // (0.350 − 0.325 = 0.025, where the unrounded values differ by 0.0255).
  function shownGap(p) {
    return formatNumber(asShown(p.valMse, 3) - asShown(p.trainMse, 3), 3);
  }
  // Validation error in noise floors, from the two numbers as shown (0.350 / 0.090).
  function shownRatio(p) {
    return asShown(p.valMse, 3) / asShown(opts.noise * opts.noise, 3);
  }

  function describe() {
    const last = points[points.length - 1];
    const floor = opts.noise * opts.noise;
    const done = points.length === sizes.length;
    const where = done ? t('learning-curves.where.all', { n: last.n }) : t('learning-curves.where.at', { n: last.n });
    // A polynomial with degree + 1 coefficients passes exactly through up to degree + 1 points
    // (distinct x), so its training error is 0 there.
    if (last.n <= degree + 1) { card.setMessage(t('learning-curves.interpolates', { n: last.n, coefficients: degree + 1, validation: formatNumber(last.valMse, 3) }), 'warn'); return; }
    if (!done && last.n < 12) { card.setMessage(t('learning-curves.few', { n: last.n, train: formatNumber(last.trainMse, 3), validation: formatNumber(last.valMse, 3) }), 'info'); return; }
    const shape = diagnose(last, floor);
    if (shape === 'bias') card.setMessage(t('learning-curves.highBias', { where, train: formatNumber(last.trainMse, 3), validation: formatNumber(last.valMse, 3), gap: shownGap(last), ratio: formatNumber(shownRatio(last), 2), floor: formatNumber(floor, 3) }), 'bad');
    else if (shape === 'variance') card.setMessage(t('learning-curves.highVariance', { where, validation: formatNumber(last.valMse, 3), train: formatNumber(last.trainMse, 3), done }), 'warn');
    else if (shape === 'apart') card.setMessage(t('learning-curves.apart', { where, train: formatNumber(last.trainMse, 3), validation: formatNumber(last.valMse, 3), gap: shownGap(last), ratio: formatNumber(shownRatio(last), 2), floor: formatNumber(floor, 3), done }), 'info');
    else {
      const ratio = shownRatio(last);
      const near = ratio < 1.5;
      card.setMessage(t('learning-curves.close', { where, train: formatNumber(last.trainMse, 3), validation: formatNumber(last.valMse, 3), gap: shownGap(last), ratio: formatNumber(ratio, 2), floor: formatNumber(floor, 3), near }), near ? 'ok' : 'info');
    }
  }

  // Moving the capacity slider replays the curves straight away (or draws them at once when
  // motion is reduced), so the comparison between degrees is immediate.
  function autoRun() { play.stop(); play.toggle(); }

  function draw() {
    if (!data) return;
    const th = plot.theme;
    const maxN = sizes[sizes.length - 1];
    plot.setDomain(0, maxN + 2, LOG_BOTTOM, LOG_TOP);
    plot.begin();
    logAxes(plot, { xLabel: t('learning-curves.axis.x'), yLabel: t('learning-curves.axis.y'), xTicks: 8 });
    const floor = opts.noise * opts.noise;
    const ns = points.map((p) => p.n);
    const shown = (v) => Math.min(LOG_TOP, log10(v));
    const offTop = points.reduce((m, p) => Math.max(m, p.trainMse, p.valMse), 0);
    plot.clipToArea(() => {
      plot.segment(0, log10(floor), maxN + 2, log10(floor), { color: th.truth, dash: [6, 4], width: 1.5 });
      plot.path(ns, points.map((p) => shown(p.trainMse)), { color: th.model, width: 2 });
      plot.path(ns, points.map((p) => shown(p.valMse)), { color: th.loss, width: 2, dash: [6, 3] });
      const lastP = points[points.length - 1];
      if (lastP) {
        curveMarker(plot, lastP.n, shown(lastP.trainMse), { color: th.model, size: 5 });
        curveMarker(plot, lastP.n, shown(lastP.valMse), { color: th.loss, hollow: true, size: 5 });
      }
    });
    const c = plot.ctx;
    c.save();
    if (offTop > 10 ** LOG_TOP) {
      c.font = `12px ${th.font}`;
      c.fillStyle = th.text;
      c.textAlign = 'left';
      c.textBaseline = 'bottom';
      const room = plot.width - plot.margin.left - plot.margin.right - 8;
      const long = t('learning-curves.offTop.long', { largest: formatShort(offTop, 3) });
      const short = t('learning-curves.offTop.short', { largest: formatShort(offTop, 3) });
      if (c.measureText(long).width > room) c.font = `11px ${th.font}`;
      c.fillText(c.measureText(long).width <= room ? long : short, plot.margin.left + 4, plot.margin.top - 4);
    }
    c.restore();
    plot.canvas.dataset.offTop = offTop > 10 ** LOG_TOP ? formatShort(offTop, 3) : '';
  }

  load();
  autoRunOnce();
  function autoRunOnce() { if (!prefersReducedMotion()) play.toggle(); else { while (grow()) { /* draw the whole curve */ } } }

  return {
    // New settings from outside draw their curves as a card opened with them does (they stayed at
    // "–" until Play).
    update(next) { opts = { ...next }; degree = opts.degree; play.stop(); prediction.reset(t('learning-curves.reset.settings')); load(); autoRunOnce(); },
  };
}
