// Game "Pick the model" (seed 001, level 3): choose a polynomial degree from 1 to 12 for noisy
// samples of a hidden curve, looking at the fit and at the training and validation errors of the
// degrees you have tried; lock in a degree and the score says how close its validation error is
// to the true minimum over all twelve (judgeRound says when a round finishes the game). Every
// fit is the engine's PolynomialRegression (exact least squares, solve()), every error the
// engine's meanSquaredError on an engine hold-out split.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, checkbox, el, slider } from '../lib/ui.js';
import { formatNumber, asShown } from '../lib/format.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { reportComplete, reportScore } from '../lib/report.js';
import { holdout, polyErrors } from '../lib/holdout.js';
import { legend } from '../lib/legend.js';
import { log10, logAxes } from '../lib/ticks.js';
import { curveMarker } from '../lib/marks.js';
import { messages } from './pick-the-model.messages.js';

export const schema = {
  seed: seedOption(4, 'Random seed for the data and the split.'),
  points: { type: 'int', min: 20, max: 120, default: 30, description: 'How many noisy points (a third are held out for validation).' },
  noise: { type: 'number', min: 0.05, max: 1, default: 0.3, description: 'Standard deviation of the noise around the hidden curve.' },
  degree: { type: 'int', min: 1, max: 12, default: 1, description: 'Starting degree.' },
};

export const meta = { title: messages['pick-the-model.title'], hint: messages['pick-the-model.hint'] };

const MAX_DEGREE = 12;
const VALIDATION_FRACTION = 1 / 3;
const CURVE_POINTS = 240;
// A round finishes the game at this score or more: a validation error within about a quarter of
// the round's minimum (score 80 means yours is at most 1/0.795 ≈ 1.26 times the best).
export const PASS_SCORE = 80;

// The verdict on a locked-in degree, from the validation errors of all twelve degrees (valMse[d],
// d = 1…12) and the degrees the learner had tried this round. Every comparison is on the errors as
// the readouts show them (3 decimals, `shownMse`): two degrees that both show 0.124 are equally
// low, and a locked degree that ties the lowest shown error is the best (score 100). Score: the
// best shown validation error as a share of yours, rounded (100 = you found the minimum). The
// round finishes the game only when it reaches PASS_SCORE *and* the choice followed the lesson's
// recipe on what was on screen: the degrees next to it were tried and no degree tried showed a
// lower validation error. The score bar alone is reached by a degree chosen blind: on the first
// sample degrees 5 to 8 all score 85 or more (lessons/model-selection.claims.test.mjs).
export const MSE_DIGITS = 3;
export const shownMse = (v) => asShown(v, MSE_DIGITS);
// The lesson's two ways to fail, read off two errors as shown (in thousandths, so a boundary case
// is judged exactly as the digits on screen say). Overfitting: the validation error more than
// BENDING_RATIO times the training error, the curve following the noise. Underfitting: "both
// errors are high", that is another degree shows both lower, its training error by more than
// STIFF_RATIO times.
export const BENDING_RATIO = 3;
export const STIFF_RATIO = 1.5;
const thousandths = (v) => Math.round(shownMse(v) * 10 ** MSE_DIGITS);
const isBending = (train, validation) => thousandths(validation) > BENDING_RATIO * thousandths(train);
const isStifferThan = (train, otherTrain) => thousandths(train) > STIFF_RATIO * thousandths(otherTrain);

// What the readouts say of a degree before Lock in (errors[d] = { trainMse, valMse }, d = 1…12),
// from its own two errors and those of the degrees tried so far, nothing else: 'bending' when its
// validation error is over three times its training error; else 'stiff' when a more flexible
// degree tried shows both errors lower, its training error by more than 1.5 times (`than`: of
// those, the one with the lowest validation error shown); else 'tried', nothing to say yet. The
// degree alone says nothing: on the fourth sample degree 1 has the lowest validation error of all
// twelve and degree 2 overfits.
export function describeDegree(errors, degree, tried) {
  const mine = errors[degree];
  if (isBending(mine.trainMse, mine.valMse)) return { kind: 'bending', than: null };
  const better = [...tried].filter((d) => d > degree && isStifferThan(mine.trainMse, errors[d].trainMse) && thousandths(errors[d].valMse) < thousandths(mine.valMse));
  better.sort((a, b) => thousandths(errors[a].valMse) - thousandths(errors[b].valMse) || a - b);
  return better.length ? { kind: 'stiff', than: better[0] } : { kind: 'tried', than: null };
}

export function judgeRound(valMse, locked, tried) {
  const shown = valMse.map((v) => (v === undefined || v === null ? v : shownMse(v)));
  // The lowest shown error; among degrees that tie on it, the locked one if it is one of them,
  // otherwise the one with the lowest unrounded error.
  let best = 1;
  for (let d = 2; d <= MAX_DEGREE; d++) if (shown[d] < shown[best] || (shown[d] === shown[best] && valMse[d] < valMse[best])) best = d;
  if (shown[locked] === shown[best]) best = locked;
  const score = shown[locked] > 0 ? Math.round((100 * shown[best]) / shown[locked]) : 100;
  const missing = [locked - 1, locked + 1].filter((d) => d >= 1 && d <= MAX_DEGREE && !tried.has(d));
  const lower = [...tried].filter((d) => shown[d] < shown[locked]).sort((a, b) => shown[a] - shown[b] || valMse[a] - valMse[b]);
  // Tried degrees that show the same error as the locked one: it is no lower than them, only as low.
  const tied = [...tried].filter((d) => d !== locked && shown[d] === shown[locked]).sort((a, b) => a - b);
  let reason = 'done';
  if (score < PASS_SCORE) reason = 'low';
  else if (missing.length) reason = 'unchecked';
  else if (lower.length) reason = 'notLowest';
  return { best, score, missing, lower: lower.length ? lower[0] : null, tied, reason, done: reason === 'done' };
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
  let truth = null;
  let results = [];      // per degree: { trainMse, valMse, curve }
  let visited = new Set();
  let degree = opts.degree;
  let locked = null;     // the degree locked in this round
  let lockedBest = null; // the verdict's best degree for that round (judgeRound)
  let rounds = 0;
  let total = 0;

  const row = el('div', { className: 'dw-row' });
  const fitCol = el('div', { className: 'dw-col' });
  const errCol = el('div', { className: 'dw-col' });
  row.append(fitCol, errCol);
  card.stage.append(row);
  fitCol.append(el('p', { className: 'dw-panel-title', text: t('pick-the-model.fitHeading') }));
  errCol.append(el('p', { className: 'dw-panel-title', text: t('pick-the-model.errHeading') }));
  const fitPlot = ctx.own(new Plot(fitCol, { aspect: 0.75, minHeight: 220, maxHeight: 360, label: t('pick-the-model.fitPlot'), onResize: () => ctx.requestDraw(draw) }));
  legend(fitCol, [{ text: t('pick-the-model.legend.fit'), swatch: 'dw-line-key dw-line-fit' }, { text: t('pick-the-model.legend.truth'), swatch: 'dw-line-key dw-line-truth' }]);
  const errPlot = ctx.own(new Plot(errCol, { aspect: 0.75, minHeight: 220, maxHeight: 360, label: t('pick-the-model.errPlot'), onResize: () => ctx.requestDraw(draw) }));
  errPlot.margin = { ...errPlot.margin, top: 24 };
  legend(errCol, [{ text: t('pick-the-model.legend.train'), swatch: 'dw-line-key dw-line-train' }, { text: t('pick-the-model.legend.validation'), swatch: 'dw-line-key dw-line-val' }]);

  const degreeSlider = slider(card.controls, { label: t('pick-the-model.slider.degree'), min: 1, max: MAX_DEGREE, step: 1, value: degree, format: (v) => formatNumber(v, 0), onInput: (v) => setDegree(v) });
  const buttons = buttonRow(card.controls);
  const lockBtn = button(buttons, t('pick-the-model.lockIn'), () => lockIn(), { primary: true });
  const newDataBtn = button(buttons, t('pick-the-model.newData'), () => { opts.seed = nextSeed(opts.seed); load(); });
  const truthBox = checkbox(card.controls, { label: t('pick-the-model.showTruth'), checked: false, onChange: () => ctx.requestDraw(draw) });

  const statDegree = card.stat(t('pick-the-model.stat.degree'));
  const statTrain = card.stat(t('pick-the-model.stat.train'));
  const statVal = card.stat(t('pick-the-model.stat.validation'));
  const statScore = card.stat(t('pick-the-model.stat.score'));
  const statTotal = card.stat(t('pick-the-model.stat.total'));

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
    degreeSlider.setDisabled(false);
    statScore.set('–');
    setDegree(degree);
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
      const { kind, than } = describeDegree(results, degree, visited);
      const train = formatNumber(r.trainMse, 3);
      const validation = formatNumber(r.valMse, 3);
      if (kind === 'bending') card.setMessage(t('pick-the-model.bending', { degree, train, validation }), 'warn');
      else if (kind === 'stiff') card.setMessage(t('pick-the-model.tooStiff', { degree, train, validation, than, trainThan: formatNumber(results[than].trainMse, 3), validationThan: formatNumber(results[than].valMse, 3) }), 'info');
      else card.setMessage(t('pick-the-model.tried', { degree, train, validation, tried: visited.size, max: MAX_DEGREE }), 'info');
    }
    fitPlot.canvas.setAttribute('aria-label', t('pick-the-model.figure', { points: opts.points, degree, train: formatNumber(r.trainMse, 3), validation: formatNumber(r.valMse, 3) }));
    ctx.requestDraw(draw);
  }

  function lockIn() {
    if (!data || locked !== null) return;
    locked = degree;
    const valMse = results.map((r) => r && r.valMse);
    const verdict = judgeRound(valMse, locked, visited);
    const { best, score } = verdict;
    lockedBest = best;
    // As the readouts show them: the verdict compares these (judgeRound).
    const mine = shownMse(results[locked].valMse);
    const min = shownMse(results[best].valMse);
    rounds += 1;
    total += score;
    statScore.set(formatNumber(score, 0));
    statTotal.set(t('pick-the-model.total', { total: formatNumber(total, 0), max: formatNumber(rounds * 100, 0) }));
    // Every lock-in is an attempt (its score is recorded); only a round that passes finishes the game.
    const detail = { widget: 'pick-the-model', title: t('pick-the-model.title'), score, max: 100 };
    reportScore(card, detail);
    if (verdict.done) reportComplete(card, { ...detail, passed: true });
    const verdictText = t('pick-the-model.verdict', { reason: verdict.reason, pass: formatNumber(PASS_SCORE, 0), missing: verdict.missing.map((d) => formatNumber(d, 0)), lower: verdict.lower === null ? '' : formatNumber(verdict.lower, 0), tied: verdict.tied.map((d) => formatNumber(d, 0)) });
    // The round is over: the degree stays the one the verdict is about (the next round starts
    // from it), and keyboard focus moves on to the next action instead of dropping to the page.
    lockBtn.disabled = true;
    degreeSlider.setDisabled(true);
    newDataBtn.focus();
    for (let d = 1; d <= MAX_DEGREE; d++) visited.add(d);
    // "35% above the best"; far off, a ratio reads better than "1882% above".
    // Under 1% above, one decimal, so a shown difference never reads as "0% above".
    const above = mine / min >= 2 ? t('pick-the-model.times', { ratio: formatNumber(mine / min, 1) }) : t('pick-the-model.above', { percent: formatNumber((mine / min - 1) * 100, mine / min - 1 < 0.01 ? 1 : 0) });
    if (locked === best) {
      const sharedWith = [];
      for (let d = 1; d <= MAX_DEGREE; d++) if (d !== locked && shownMse(results[d].valMse) === min) sharedWith.push(formatNumber(d, 0));
      card.setMessage(t('pick-the-model.spotOn', { degree: locked, min: formatNumber(min, 3), sharedWith, score, verdict: verdictText }), verdict.done ? 'ok' : 'warn');
    }
    else if (locked < best) {
      // Underfitting, as the lesson defines it: too stiff, so the training error is high too
      // (here: more than 1.5 times the best degree's training error, as shown; isStifferThan).
      const trainMine = results[locked].trainMse;
      const trainBest = results[best].trainMse;
      const stiff = isStifferThan(trainMine, trainBest);
      card.setMessage(t('pick-the-model.simpler', { score, degree: locked, stiff, mine: formatNumber(mine, 3), above, min: formatNumber(min, 3), best, trainMine: formatNumber(trainMine, 3), trainBest: formatNumber(trainBest, 3), verdict: verdictText }), verdict.done ? 'ok' : 'warn');
    }
    else card.setMessage(t('pick-the-model.flexible', { score, degree: locked, train: formatNumber(results[locked].trainMse, 3), mine: formatNumber(mine, 3), above, min: formatNumber(min, 3), best, verdict: verdictText }), verdict.done ? 'ok' : (mine > min * 1.25 ? 'bad' : 'warn'));
    ctx.requestDraw(draw);
  }

  function draw() {
    if (!data) return;
    const th = fitPlot.theme;
    const ys = Array.from(data.y);
    const lo = Math.min(-1.3, ...ys) - 0.2;
    const hi = Math.max(1.3, ...ys) + 0.2;
    fitPlot.setDomain(-0.2, (2 * Math.PI) + 0.2, lo, hi);
    fitPlot.begin();
    fitPlot.axes({ xLabel: t('pick-the-model.axis.x'), yLabel: t('pick-the-model.axis.y'), xTicks: 6, yTicks: 4 });
    fitPlot.clipToArea(() => {
      if (truthBox.checked) fitPlot.path(Array.from(truth.X), Array.from(truth.y), { color: th.truth, dash: [6, 4], width: 2 });
      fitPlot.path(Array.from(truth.X), Array.from(results[degree].curve), { color: th.model, width: 2.5 });
      for (const i of split.train) fitPlot.point(data.X[i], data.y[i], 1, { size: 4.5 });
      for (const i of split.validation) fitPlot.point(data.X[i], data.y[i], 1, { size: 4.5, hollow: true });
    });

    const shown = [...visited].sort((a, b) => a - b);
    let top = 0;
    let bottom = 0;
    for (const d of shown) { top = Math.max(top, log10(results[d].valMse), log10(results[d].trainMse)); bottom = Math.min(bottom, log10(results[d].trainMse), log10(results[d].valMse)); }
    errPlot.setDomain(0.5, MAX_DEGREE + 0.5, Math.floor(bottom), Math.max(0, Math.ceil(top)));
    errPlot.begin();
    logAxes(errPlot, { xLabel: t('pick-the-model.errAxis.x'), yLabel: t('pick-the-model.errAxis.y'), xTicks: 12 });
    errPlot.clipToArea(() => {
      errPlot.path(shown, shown.map((d) => log10(results[d].trainMse)), { color: th.model, width: 2 });
      errPlot.path(shown, shown.map((d) => log10(results[d].valMse)), { color: th.loss, width: 2, dash: [6, 3] });
      for (const d of shown) {
        curveMarker(errPlot, d, log10(results[d].trainMse), { color: th.model });
        curveMarker(errPlot, d, log10(results[d].valMse), { color: th.loss, hollow: true });
      }
    });
    const c = errPlot.ctx;
    c.save();
    c.strokeStyle = th.accent;
    c.lineWidth = 2;
    c.setLineDash([2, 3]);
    const X = errPlot.px(degree);
    c.beginPath(); c.moveTo(X, errPlot.margin.top); c.lineTo(X, errPlot.height - errPlot.margin.bottom); c.stroke();
    if (locked !== null) {
      const best = lockedBest;
      c.setLineDash([]);
      c.strokeStyle = th.good;
      c.beginPath(); c.arc(errPlot.px(best), errPlot.py(log10(results[best].valMse)), 10, 0, Math.PI * 2); c.stroke();
      c.fillStyle = th.good;
      c.font = `12px ${th.font}`;
      c.textAlign = 'center';
      c.fillText(t('pick-the-model.best'), errPlot.px(best), errPlot.py(log10(results[best].valMse)) + 24);
    }
    c.restore();
  }

  load();

  return {
    update(next) { opts = { ...next }; degree = opts.degree; load(); },
  };
}
