// Game "Pick the model" (seed 001, level 3): choose a polynomial degree from 1 to 12 for noisy
// samples of a hidden curve, looking at the fit and at the training and validation errors of the
// degrees you have tried; lock in a degree and the score says how close its validation error is
// to the true minimum over all twelve. Every fit is the engine's PolynomialRegression (exact
// least squares, solve()), every error the engine's meanSquaredError on an engine hold-out split.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, checkbox, el, slider } from '../lib/ui.js';
import { formatNumber } from '../lib/format.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { reportComplete } from '../lib/report.js';
import { holdout, polyErrors } from '../lib/holdout.js';
import { legend } from '../lib/legend.js';
import { log10, logAxes } from '../lib/ticks.js';
import { curveMarker } from '../lib/marks.js';

export const schema = {
  seed: seedOption(4, 'Random seed for the data and the split.'),
  points: { type: 'int', min: 20, max: 120, default: 30, description: 'How many noisy points (a third are held out for validation).' },
  noise: { type: 'number', min: 0.05, max: 1, default: 0.3, description: 'Standard deviation of the noise around the hidden curve.' },
  degree: { type: 'int', min: 1, max: 12, default: 1, description: 'Starting degree.' },
};

export const meta = {
  title: 'Pick the model',
  hint: 'Slide the degree from a stiff line (1) to a wild squiggle (12). Each degree you try reveals its training and validation error. Lock in the degree you think generalises best.',
};

const MAX_DEGREE = 12;
const VALIDATION_FRACTION = 1 / 3;
const CURVE_POINTS = 240;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  const poly = ctx.own(new ml.PolynomialRegression());
  let data = null;
  let split = null;
  let truth = null;
  let results = [];      // per degree: { trainMse, valMse, curve }
  let visited = new Set();
  let degree = opts.degree;
  let locked = null;     // the degree locked in this round
  let rounds = 0;
  let total = 0;

  const row = el('div', { className: 'dw-row' });
  const fitCol = el('div', { className: 'dw-col' });
  const errCol = el('div', { className: 'dw-col' });
  row.append(fitCol, errCol);
  card.stage.append(row);
  fitCol.append(el('p', { className: 'c3-plot-title', text: 'The fit' }));
  errCol.append(el('p', { className: 'c3-plot-title', text: 'Error by degree (log scale)' }));
  const fitPlot = ctx.own(new Plot(fitCol, { aspect: 0.75, minHeight: 220, maxHeight: 360, label: 'Noisy points and the fitted polynomial', onResize: () => ctx.requestDraw(draw) }));
  legend(fitCol, [{ text: 'fitted curve', swatch: 'c3-swatch c3-fit' }, { text: 'hidden true curve', swatch: 'c3-swatch c3-truth' }]);
  const errPlot = ctx.own(new Plot(errCol, { aspect: 0.75, minHeight: 220, maxHeight: 360, label: 'Training and validation error by degree', onResize: () => ctx.requestDraw(draw) }));
  errPlot.margin = { ...errPlot.margin, top: 24 };
  legend(errCol, [{ text: 'training MSE (filled)', swatch: 'c3-swatch c3-train' }, { text: 'validation MSE (hollow)', swatch: 'c3-swatch c3-val' }]);

  const degreeSlider = slider(card.controls, { label: 'polynomial degree', min: 1, max: MAX_DEGREE, step: 1, value: degree, format: (v) => formatNumber(v, 0), onInput: (v) => setDegree(v) });
  const buttons = buttonRow(card.controls);
  const lockBtn = button(buttons, 'Lock in this degree', () => lockIn(), { primary: true });
  button(buttons, 'New data', () => { opts.seed = nextSeed(opts.seed); load(); });
  const truthBox = checkbox(card.controls, { label: 'show the hidden true curve', checked: false, onChange: () => ctx.requestDraw(draw) });

  const statDegree = card.stat('degree');
  const statTrain = card.stat('train MSE');
  const statVal = card.stat('validation MSE');
  const statScore = card.stat('round score');
  const statTotal = card.stat('total');

  function load() {
    locked = null;
    visited = new Set();
    const ok = attempt(card, () => {
      data = ml.makeNoisySin(opts.points, opts.noise, opts.seed);
      truth = ml.makeNoisySin(CURVE_POINTS, 0, opts.seed);
      split = holdout(ml, opts.points, VALIDATION_FRACTION, opts.seed);
      results = [];
      for (let d = 1; d <= MAX_DEGREE; d++) {
        poly.setDegree(d);
        const errs = polyErrors(ml, poly, data.X, data.y, split.train, split.validation);
        results[d] = { ...errs, curve: poly.curve(0, (2 * Math.PI), CURVE_POINTS).slice() };
      }
      return true;
    }, false);
    if (!ok) { data = null; return; }
    lockBtn.disabled = false;
    statScore.set('–');
    setDegree(degree);
  }

  function bestDegree() {
    let best = 1;
    for (let d = 2; d <= MAX_DEGREE; d++) if (results[d].valMse < results[best].valMse) best = d;
    return best;
  }

  function setDegree(d) {
    degree = Math.max(1, Math.min(MAX_DEGREE, Math.round(d)));
    degreeSlider.set(degree);
    if (!data) return;
    visited.add(degree);
    const r = results[degree];
    statDegree.set(formatNumber(degree, 0));
    statTrain.set(formatNumber(r.trainMse, 3));
    statVal.set(formatNumber(r.valMse, 3));
    if (locked === null) {
      const tried = visited.size;
      if (degree <= 2) card.setMessage(`Degree ${degree}: too stiff to follow the curve, so even the training error (${formatNumber(r.trainMse, 3)}) stays high. ${tried < 4 ? 'Try more degrees.' : ''}`, 'info');
      else if (r.trainMse < r.valMse / 3) card.setMessage(`Degree ${degree}: training error ${formatNumber(r.trainMse, 3)} is far below validation ${formatNumber(r.valMse, 3)}: the curve is bending to fit the noise.`, 'warn');
      else card.setMessage(`Degree ${degree}: training ${formatNumber(r.trainMse, 3)}, validation ${formatNumber(r.valMse, 3)}. You have tried ${tried} of ${MAX_DEGREE} degrees; lock one in when ready.`, 'info');
    }
    fitPlot.canvas.setAttribute('aria-label', `${opts.points} noisy points with a degree-${degree} polynomial; training MSE ${formatNumber(r.trainMse, 3)}, validation MSE ${formatNumber(r.valMse, 3)}`);
    ctx.requestDraw(draw);
  }

  function lockIn() {
    if (!data || locked !== null) return;
    locked = degree;
    const best = bestDegree();
    const mine = results[locked].valMse;
    const min = results[best].valMse;
    // Score: the best validation error as a share of yours (100 = you found the minimum).
    const score = Math.round((100 * min) / mine);
    rounds += 1;
    total += score;
    statScore.set(formatNumber(score, 0));
    statTotal.set(`${formatNumber(total, 0)} / ${formatNumber(rounds * 100, 0)}`);
    // A locked-in degree finishes the round: report this round's score, nothing more.
    reportComplete(card, { widget: 'pick-the-model', title: meta.title, score, max: 100 });
    lockBtn.disabled = true;
    for (let d = 1; d <= MAX_DEGREE; d++) visited.add(d);
    // "35% above the best"; far off, a ratio reads better than "1882% above".
    const above = mine / min >= 2 ? `${formatNumber(mine / min, 1)} times` : `${formatNumber((mine / min - 1) * 100, 0)}% above`;
    if (locked === best) card.setMessage(`Spot on: degree ${locked} has the lowest validation error of all twelve (${formatNumber(min, 3)}). ${score} points. Press New data for another round.`, 'ok');
    else if (locked < best) {
      // Underfitting, as the lesson defines it: too stiff, so the training error is high too
      // (here: more than 1.5 times the best degree's training error).
      const trainMine = results[locked].trainMse;
      const trainBest = results[best].trainMse;
      const stiff = trainMine > 1.5 * trainBest;
      card.setMessage(`${score} points. Degree ${locked} is ${stiff ? 'too simple' : 'a little simpler than the best'}: its validation error ${formatNumber(mine, 3)} is ${above} the best, ${formatNumber(min, 3)} at degree ${best}. ${stiff ? `It underfits: its training error (${formatNumber(trainMine, 3)}) is high too, against ${formatNumber(trainBest, 3)} at degree ${best}.` : `Its training error (${formatNumber(trainMine, 3)}) is close to degree ${best}'s (${formatNumber(trainBest, 3)}), so this is a near miss rather than underfitting.`}`, 'warn');
    }
    else card.setMessage(`${score} points. Degree ${locked} is more flexible than needed: training error ${formatNumber(results[locked].trainMse, 3)} is lower, but validation ${formatNumber(mine, 3)} is ${above} the best, ${formatNumber(min, 3)} at degree ${best}. The extra wiggles follow noise.`, mine > min * 1.25 ? 'bad' : 'warn');
    ctx.requestDraw(draw);
  }

  function draw() {
    if (!data) return;
    const t = fitPlot.theme;
    const ys = Array.from(data.y);
    const lo = Math.min(-1.3, ...ys) - 0.2;
    const hi = Math.max(1.3, ...ys) + 0.2;
    fitPlot.setDomain(-0.2, (2 * Math.PI) + 0.2, lo, hi);
    fitPlot.begin();
    fitPlot.axes({ xLabel: 'x', yLabel: 'y', xTicks: 6, yTicks: 4 });
    fitPlot.clipToArea(() => {
      if (truthBox.checked) fitPlot.path(Array.from(truth.X), Array.from(truth.y), { color: t.truth, dash: [6, 4], width: 2 });
      fitPlot.path(Array.from(truth.X), Array.from(results[degree].curve), { color: t.model, width: 2.5 });
      for (const i of split.train) fitPlot.point(data.X[i], data.y[i], 1, { size: 4.5 });
      for (const i of split.validation) fitPlot.point(data.X[i], data.y[i], 1, { size: 4.5, hollow: true });
    });

    const shown = [...visited].sort((a, b) => a - b);
    let top = 0;
    let bottom = 0;
    for (const d of shown) { top = Math.max(top, log10(results[d].valMse), log10(results[d].trainMse)); bottom = Math.min(bottom, log10(results[d].trainMse), log10(results[d].valMse)); }
    errPlot.setDomain(0.5, MAX_DEGREE + 0.5, Math.floor(bottom), Math.max(0, Math.ceil(top)));
    errPlot.begin();
    logAxes(errPlot, { xLabel: 'degree', yLabel: 'MSE', xTicks: 12 });
    errPlot.clipToArea(() => {
      errPlot.path(shown, shown.map((d) => log10(results[d].trainMse)), { color: t.model, width: 2 });
      errPlot.path(shown, shown.map((d) => log10(results[d].valMse)), { color: t.loss, width: 2, dash: [6, 3] });
      for (const d of shown) {
        curveMarker(errPlot, d, log10(results[d].trainMse), { color: t.model });
        curveMarker(errPlot, d, log10(results[d].valMse), { color: t.loss, hollow: true });
      }
    });
    const c = errPlot.ctx;
    c.save();
    c.strokeStyle = t.accent;
    c.lineWidth = 2;
    c.setLineDash([2, 3]);
    const X = errPlot.px(degree);
    c.beginPath(); c.moveTo(X, errPlot.margin.top); c.lineTo(X, errPlot.height - errPlot.margin.bottom); c.stroke();
    if (locked !== null) {
      const best = bestDegree();
      c.setLineDash([]);
      c.strokeStyle = t.good;
      c.beginPath(); c.arc(errPlot.px(best), errPlot.py(log10(results[best].valMse)), 10, 0, Math.PI * 2); c.stroke();
      c.fillStyle = t.good;
      c.font = `12px ${t.font}`;
      c.textAlign = 'center';
      c.fillText('best', errPlot.px(best), errPlot.py(log10(results[best].valMse)) + 24);
    }
    c.restore();
  }

  load();

  return {
    update(next) { opts = { ...next }; degree = opts.degree; load(); },
  };
}
