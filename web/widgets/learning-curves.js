// "Learning curves grow with the dataset" (seed 001, level 3): pick a model capacity (polynomial
// degree) and watch training and validation error redrawn as the training set grows from a
// handful of points to many. For each size n the engine fits PolynomialRegression exactly on the
// first n rows of a seeded shuffle (the engine's trainValidationTestSplit, which also fixes the
// held-out validation rows) and scores both sets with meanSquaredError.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { prefersReducedMotion } from '../lib/frame.js';
import { button, buttonRow, slider } from '../lib/ui.js';
import { formatNumber, formatShort } from '../lib/format.js';
import { seedOption } from '../lib/schema.js';
import { holdout, polyErrors } from '../lib/holdout.js';
import { legend } from '../lib/legend.js';
import { log10, logAxes } from '../lib/ticks.js';
import { curveMarker } from '../lib/marks.js';
import { createPrediction } from '../lib/predict.js';

export const schema = {
  seed: seedOption(8, 'Random seed for the data and the split.'),
  pool: { type: 'int', min: 40, max: 400, default: 120, description: 'Total points (a quarter held out for validation).' },
  noise: { type: 'number', min: 0.05, max: 1, default: 0.3, description: 'Standard deviation of the noise.' },
  degree: { type: 'int', min: 1, max: 12, default: 1, description: 'Starting model capacity (polynomial degree).' },
};

export const meta = {
  title: 'Learning curves grow with the dataset',
  hint: 'Set the capacity from high bias (degree 1) to high variance (degree 12), press Play, and read the gap between the two curves as n grows.',
};

const VALIDATION_FRACTION = 0.25;
const FRAME_MS = 90; // one new training-set size per ~0.1 s
// The error axis spans 10⁻³ … 10²; an error above the top (a wild interpolating polynomial
// can miss the validation points by 10⁵⁰) is pinned to the top edge and the largest is noted.
const LOG_TOP = 2;
const LOG_BOTTOM = -3;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  const poly = ctx.own(new ml.PolynomialRegression());
  let data = null;
  let split = null;
  let sizes = [];
  let points = [];      // computed so far: { n, trainMse, valMse }
  let degree = opts.degree;

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.5, minHeight: 230, maxHeight: 380, label: 'Learning curves', onResize: () => ctx.requestDraw(draw) }));
  plot.margin = { ...plot.margin, top: 24 };
  legend(card.stage, [{ text: 'training MSE (filled)', swatch: 'c3-swatch c3-train' }, { text: 'validation MSE (hollow)', swatch: 'c3-swatch c3-val' }, { text: 'noise floor s²', swatch: 'c3-swatch c3-truth' }]);

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    start: () => { if (points.length >= sizes.length) restart(); },
    reduced: () => { while (grow()) { /* all sizes at once */ } },
    every: FRAME_MS,
    tick: () => grow(),
  });
  button(buttons, 'Step', () => { play.stop(); grow(); });
  button(buttons, 'Reset', () => { play.stop(); restart(); });
  const degreeSlider = slider(card.controls, { label: 'capacity: polynomial degree', min: 1, max: 12, step: 1, value: degree, format: (v) => `${v} (${v <= 2 ? 'high bias' : v >= 9 ? 'high variance' : 'moderate'})`, onInput: (v) => { degree = v; prediction.reset('A new degree: predict again for this one.'); restart(); autoRun(); } });

  const statN = card.stat('n');
  const statTrain = card.stat('train MSE');
  const statVal = card.stat('validation MSE');
  const statGap = card.stat('gap');

  // Predict, then check: what will the curves show once all training points are used? Judged
  // by the lesson's definitions (diagnose) on the last computed point of a full run.
  const SHAPES = { bias: 'high bias: together, high', variance: 'high variance: a wide gap', close: 'close together, near the floor' };
  const prediction = createPrediction(ctx, {
    id: 'learning-curves-final',
    question: 'When the training set has grown to all its points, the two curves will show…',
    choices: Object.entries(SHAPES),
    onCommit: () => { play.stop(); restart(); ctx.timeout(autoRun, 0); }, // after the box has locked
    next: () => `The curves for degree ${degree} are growing from n = 2: watch them to the end.`,
  });
  function diagnose(p) {
    // The lesson's definitions: high bias = both curves together (gap below s²/2) and high
    // (validation above 2 s²); high variance = a wide gap (validation more than twice training).
    const floor = opts.noise * opts.noise;
    if (p.valMse > floor * 2 && p.valMse - p.trainMse < floor * 0.5) return 'bias';
    if (p.valMse > 2 * p.trainMse) return 'variance';
    return 'close';
  }
  function judgeFinal() {
    if (prediction.pending === null || points.length !== sizes.length) return;
    const last = points[points.length - 1];
    const floor = opts.noise * opts.noise;
    const shape = diagnose(last);
    const lesson = {
      bias: 'More data cannot bend a curve this stiff: only more capacity would help.',
      variance: 'The gap is still wide: this model needs more data, or less freedom.',
      close: degree >= 9 ? 'However wild it was on a few points, enough data pins down even a flexible curve.' : 'Enough capacity for the wave, and enough data to pin it down.',
    }[shape];
    prediction.settle(shape, `Degree ${degree} at n = ${last.n}: training ${formatNumber(last.trainMse, 3)}, validation ${formatNumber(last.valMse, 3)}, ${formatNumber(last.valMse / floor, 2)} times the noise floor s². ${lesson}`);
  }

  function load() {
    const ok = attempt(card, () => {
      data = ml.makeNoisySin(opts.pool, opts.noise, opts.seed);
      split = holdout(ml, opts.pool, VALIDATION_FRACTION, opts.seed);
      return true;
    }, false);
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
    card.setMessage(`Degree ${degree}. Press Play (or Step) to grow the training set from 2 points to ${sizes[sizes.length - 1]}.`, 'info');
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
    statN.set(formatNumber(n, 0));
    statTrain.set(formatNumber(r.trainMse, 3));
    statVal.set(formatNumber(r.valMse, 3));
    statGap.set(formatNumber(r.valMse - r.trainMse, 3));
    describe();
    judgeFinal();
    plot.canvas.setAttribute('aria-label', `Learning curves for degree ${degree}: at n = ${n}, training MSE ${formatNumber(r.trainMse, 3)}, validation MSE ${formatNumber(r.valMse, 3)}`);
    ctx.requestDraw(draw);
    return points.length < sizes.length;
  }

  function describe() {
    const last = points[points.length - 1];
    const floor = opts.noise * opts.noise;
    const done = points.length === sizes.length;
    const where = done ? `With all ${last.n} training points` : `At n = ${last.n}`;
    // A polynomial with degree + 1 coefficients passes exactly through up to degree + 1 points
    // (distinct x), so its training error is 0 there.
    if (last.n <= degree + 1) { card.setMessage(`n = ${last.n} points, ${degree + 1} coefficients: the curve passes exactly through every training point, so training error is 0, while validation error is ${formatNumber(last.valMse, 3)}.`, 'warn'); return; }
    const gap = last.valMse - last.trainMse;
    if (!done && last.n < 12) { card.setMessage(`n = ${last.n}: training ${formatNumber(last.trainMse, 3)}, validation ${formatNumber(last.valMse, 3)}. With this few points any model looks unreliable; watch where the curves settle.`, 'info'); return; }
    const shape = diagnose(last);
    if (shape === 'bias') card.setMessage(`High bias. ${where}, both curves sit together at about ${formatNumber(last.valMse, 3)}, far above the noise floor ${formatNumber(floor, 3)}. More data will not help; a more flexible model would.`, 'bad');
    else if (shape === 'variance') card.setMessage(`High variance. ${where}, validation error ${formatNumber(last.valMse, 3)} is more than twice training error ${formatNumber(last.trainMse, 3)}. ${done ? 'More data would help (so would a simpler model or regularisation).' : 'Keep growing n and watch the gap close.'}`, 'warn');
    else {
      const ratio = last.valMse / floor;
      const near = ratio < 1.5;
      card.setMessage(`${where}, training ${formatNumber(last.trainMse, 3)} and validation ${formatNumber(last.valMse, 3)} are close (gap ${formatNumber(gap, 3)}); validation error is ${formatNumber(ratio, 2)} times the noise floor s² = ${formatNumber(floor, 3)}${near ? ', close to the best any model can do on noisy targets' : ''}.`, near ? 'ok' : 'info');
    }
  }

  // Moving the capacity slider replays the curves straight away (or draws them at once when
  // motion is reduced), so the comparison between degrees is immediate.
  function autoRun() { play.stop(); play.toggle(); }

  function draw() {
    if (!data) return;
    const t = plot.theme;
    const maxN = sizes[sizes.length - 1];
    plot.setDomain(0, maxN + 2, LOG_BOTTOM, LOG_TOP);
    plot.begin();
    logAxes(plot, { xLabel: 'training set size n', yLabel: 'MSE', xTicks: 8 });
    const floor = opts.noise * opts.noise;
    const ns = points.map((p) => p.n);
    const shown = (v) => Math.min(LOG_TOP, log10(v));
    const offTop = points.reduce((m, p) => Math.max(m, p.trainMse, p.valMse), 0);
    plot.clipToArea(() => {
      plot.segment(0, log10(floor), maxN + 2, log10(floor), { color: t.truth, dash: [6, 4], width: 1.5 });
      plot.path(ns, points.map((p) => shown(p.trainMse)), { color: t.model, width: 2 });
      plot.path(ns, points.map((p) => shown(p.valMse)), { color: t.loss, width: 2, dash: [6, 3] });
      const lastP = points[points.length - 1];
      if (lastP) {
        curveMarker(plot, lastP.n, shown(lastP.trainMse), { color: t.model, size: 5 });
        curveMarker(plot, lastP.n, shown(lastP.valMse), { color: t.loss, hollow: true, size: 5 });
      }
    });
    const c = plot.ctx;
    c.save();
    c.font = `12px ${t.font}`;
    c.fillStyle = t.textMuted;
    c.textAlign = 'right';
    // The label sits on a small backing so a curve running along the floor does not cross it.
    const floorLabel = `noise floor s² = ${formatNumber(floor, 3)}`;
    const labelX = plot.width - plot.margin.right - 4;
    const labelY = plot.py(log10(floor)) - 6;
    const labelW = c.measureText(floorLabel).width;
    c.fillStyle = t.surface;
    c.globalAlpha = 0.85;
    c.fillRect(labelX - labelW - 3, labelY - 12, labelW + 6, 15);
    c.globalAlpha = 1;
    c.fillStyle = t.textMuted;
    c.fillText(floorLabel, labelX, labelY);
    if (offTop > 10 ** LOG_TOP) {
      c.fillStyle = t.text;
      c.textAlign = 'left';
      c.textBaseline = 'bottom';
      const room = plot.width - plot.margin.left - plot.margin.right - 8;
      const long = `↑ errors above 100 are drawn at the top edge (largest: ${formatShort(offTop, 3)})`;
      const short = `↑ over 100, up to ${formatShort(offTop, 3)}`;
      if (c.measureText(long).width > room) c.font = `11px ${t.font}`;
      c.fillText(c.measureText(long).width <= room ? long : short, plot.margin.left + 4, plot.margin.top - 4);
    }
    c.restore();
    plot.canvas.dataset.offTop = offTop > 10 ** LOG_TOP ? formatShort(offTop, 3) : '';
  }

  load();
  autoRunOnce();
  function autoRunOnce() { if (!prefersReducedMotion()) play.toggle(); else { while (grow()) { /* draw the whole curve */ } } }

  return {
    update(next) { opts = { ...next }; degree = opts.degree; play.stop(); prediction.reset('The settings changed: predict again.'); load(); },
  };
}
