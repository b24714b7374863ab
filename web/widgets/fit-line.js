// Game "Fit the line" (seed 001, level 2): drag the line's ends or use the sliders to make the
// mean squared error as small as you can, then let gradient descent (the engine's
// LinearRegression) find the best line step by step. The game is won when the learner's own line
// comes within 1 % of the best possible MSE; Auto-fit's line never counts as the learner's, nor
// does a nudge of it until Reset line or New points, also after a reload (the state keeps a: 1).
// Once gradient descent has shown the best line on a set of points, its slope and intercept stay
// readable on the sliders: a line the learner then sets on those points (after Reset line) is
// practice, scored on screen but never reported, until New points (place-centroids' rule; the
// state keeps s: 1). Lines on imported points are practice too: the game is the lesson's points.
// Imported points bring their own view: the plot's y axis spans their values, the line starts flat
// through their mean, and the sliders' ranges reach their best line (points whose best line lies
// beyond the line's limits, a slope within ±50 and an intercept within ±500, are refused in words).
// A slider's readout is always the line's own value, also where its thumb stops at an end.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, quietWhileHeld, slider } from '../lib/ui.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { formatBeside, formatNumber, formatTerm } from '../lib/format.js';
import { reportComplete, reportScore } from '../lib/report.js';
import { pointsCsv, pointsFromState, pointsState } from '../lib/points-csv.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './fit-line.messages.js';

export const engine = 'core';
export const schema = {
  seed: seedOption(3, 'Random seed for the points.'),
  points: { type: 'int', min: 5, max: 200, default: 30, description: 'How many noisy points.' },
  noise: { type: 'number', min: 0, max: 5, default: 1.5, description: 'Standard deviation of the noise.' },
  slope: { type: 'number', min: -2, max: 2, default: 0.8, description: 'Slope of the hidden true line.' },
  intercept: { type: 'number', min: -5, max: 10, default: 1.5, description: 'Intercept of the hidden true line.' },
};

export const meta = { title: messages['fit-line.title'], hint: messages['fit-line.hint'] };

const X_MIN = 0;
const X_MAX = 10;
const HANDLE_X = [0.5, 9.5];
const STEPS_PER_FRAME = 6;
// Own points from a CSV file (x, y): x on the plot's range.
// Options that make the generated points: changing one replaces imported points.
const DATA_OPTIONS = ['seed', 'points', 'noise', 'slope', 'intercept'];
export const CSV_RULES = { dims: 1, labels: 'value', domain: [X_MIN, X_MAX], valueRange: [-1000, 1000], minPoints: 2, maxPoints: 500 };
const LEARNING_RATE = 0.02;
// The game's bar (the lesson's "within 1%"): a line whose MSE is at most this fraction above the
// best possible MSE wins the round.
const WIN_GAP = 0.01;

// "Close: …% above the best possible MSE" for a line that has not won: one decimal, or as many
// more as it takes for the percentage shown to read above the 1% bar (a gap of 1.015% is "1.02",
// never "1.0", which would be the bar itself beside a verdict of "not yet").
function gapAboveBar(gap) { return formatBeside(gap * 100, WIN_GAP * 100, 1); }

// The line's limits (what the state takes): a slope within ±50, an intercept within ±500.
export const LINE_LIMITS = { w: 50, b: 500 };
// The sliders' ranges on the lesson's points (the line starts at w 0, b 5).
const SLOPE_RANGE = [-2, 2];
const INTERCEPT_RANGE = [-5, 12];
// A slider's step: the first of 0.01, 0.02, 0.05, 0.1, 0.2 … that cuts its range into at most this
// many steps (0.01 for the slope's -2…2, 0.05 for the intercept's -5…12).
const SLIDER_STEPS = 400;
function niceStep(span, most) {
  for (let e = -2; e < 6; e++) {
    for (const m of [1, 2, 5]) {
      const step = Number((m * 10 ** e).toPrecision(6));
      if (span / step <= most + 1e-9) return step;
    }
  }
  return 1e6;
}

// The least-squares line through (X, y) and the mean of y, worked out here so that imported points
// can be checked before anything changes (null when every x is the same).
export function bestLineOf(X, y) {
  const n = X.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) { mx += X[i] / n; my += y[i] / n; }
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) { sxy += (X[i] - mx) * (y[i] - my); sxx += (X[i] - mx) ** 2; }
  if (!(sxx > 1e-12)) return null;
  const w = sxy / sxx;
  return { w, b: my - w * mx, mean: my };
}

// What imported points need that the line cannot take, for the refusal ('' for each part that fits):
// their best line's slope or intercept, or the flat line through their mean (where the line starts).
export function outOfReach(X, y) {
  const line = bestLineOf(X, y);
  if (!line) return null;
  const slope = Math.abs(line.w) > LINE_LIMITS.w ? formatNumber(line.w, 2) : '';
  const intercept = Math.abs(line.b) > LINE_LIMITS.b ? formatNumber(line.b, 2) : '';
  const mean = Math.abs(line.mean) > LINE_LIMITS.b ? formatNumber(line.mean, 2) : '';
  return slope || intercept || mean ? { slope, intercept, mean } : null;
}

// The sliders' ranges and steps for a set of points: the lesson's ranges, widened (in round steps,
// within the line's limits) to take the best line, and for imported points ranges around their
// best line and their mean instead. Also where the line starts: w 0, b 5 on the lesson's points;
// flat through the mean (to the intercept slider's step) on imported ones.
export function lineView(X, y, isImported) {
  const line = bestLineOf(X, y);
  let ys = [Infinity, -Infinity];
  for (const v of y) ys = [Math.min(ys[0], v), Math.max(ys[1], v)];
  const range = (base, values, margin, limit) => {
    const lo0 = Math.min(base[0], ...values.map((v) => v - margin));
    const hi0 = Math.max(base[1], ...values.map((v) => v + margin));
    const unit = niceStep(hi0 - lo0, 10); // an end the values push out goes to a round number
    const lo = Math.max(-limit, lo0 < base[0] ? Math.floor(lo0 / unit) * unit : base[0]);
    const hi = Math.min(limit, hi0 > base[1] ? Math.ceil(hi0 / unit) * unit : base[1]);
    return { min: Number(lo.toPrecision(12)), max: Number(hi.toPrecision(12)), step: niceStep(hi - lo, SLIDER_STEPS) };
  };
  const good = line && Number.isFinite(line.w) && Number.isFinite(line.b);
  const slopes = good ? [0, line.w] : [0];
  const slope = range(SLOPE_RANGE, slopes, good ? Math.max(1, Math.abs(line.w) / 4) : 0, LINE_LIMITS.w);
  if (!isImported) {
    const intercept = range(INTERCEPT_RANGE, good ? [line.b] : [], 2, LINE_LIMITS.b);
    return { slope, intercept, start: { w: 0, b: 5 } };
  }
  const margin = Math.max(2, (ys[1] - ys[0]) / 4);
  const mean = good ? line.mean : (ys[0] + ys[1]) / 2;
  const values = good ? [line.b, mean] : [mean];
  const intercept = range([Math.min(...values), Math.max(...values)], values, margin, LINE_LIMITS.b);
  const b = Math.max(-LINE_LIMITS.b, Math.min(LINE_LIMITS.b, Math.round(mean / intercept.step) * intercept.step));
  return { slope, intercept, start: { w: 0, b: Number(b.toPrecision(12)) } };
}

// The step size gradient descent uses on these x: 0.02, or less where 0.02 would not be stable.
// The MSE's Hessian is H = 2·[[mean x², mean x], [mean x, 1]], and a fixed step η converges only
// when η < 2/λmax(H). Uniform x on [0, 10] (λmax ≈ 60) leaves room for 0.02, but points bunched
// near x = 10 push λmax towards 200 (2/λmax ≈ 0.01), so there the step is 1.5/λmax: three quarters
// of the limit, whatever the points.
export function learningRateFor(X) {
  const n = X.length;
  let m1 = 0;
  let m2 = 0;
  for (const x of X) { m1 += x / n; m2 += (x * x) / n; }
  const lambdaMax = m2 + 1 + Math.sqrt((m2 - 1) ** 2 + 4 * m1 * m1);
  return Math.min(LEARNING_RATE, 1.5 / lambdaMax);
}

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const model = ctx.own(new ml.LinearRegression());
  let data = null;
  let w = 0;
  let b = 0;
  let best = Infinity;      // the learner's best MSE by hand (Auto-fit's lines do not count)
  let won = false;
  let reportedScore = 0; // the score last reported for this set of points
  let assisted = false;     // gradient descent has moved the line since the last reset (kept in the state as a: 1)
  let answerShown = false;  // gradient descent has run on these points (kept in the state as s: 1): lines are practice
  let bestPossible = NaN;
  let lossHistory = [];
  let stepsSinceLock = false; // gradient-descent steps have been on screen since the prediction was locked
  let focusedHandle = -1;
  let imported = null;      // { X, y } from a CSV file or a Share link, instead of generated points

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.6, label: t('fit-line.plot'), onResize: () => ctx.requestDraw(draw) }));
  const lossPlot = ctx.own(new Plot(card.stage, { aspect: 0.22, minHeight: 110, maxHeight: 170, label: t('fit-line.lossPlot'), onResize: () => ctx.requestDraw(draw) }));

  const buttons = buttonRow(card.controls);
  const fit = ctx.player(buttons, {
    label: t('fit-line.autoFit'),
    start: () => { if (model.status() !== 'ready') setLine(w, b, false); },
    reduced: () => gdSteps(5000),
    tick: () => gdSteps(STEPS_PER_FRAME) === 'ready',
    quiet: true, // "step n, MSE …" changes on every frame of a run
  });
  button(buttons, t('fit-line.step'), () => { fit.stop(); gdSteps(1); });
  button(buttons, t('fit-line.newPoints'), () => { fit.stop(); imported = null; opts.seed = nextSeed(opts.seed); loadData(); });
  // The lesson's starting line (its "Reset line puts w = 0, b = 5"); imported points start flat through their mean.
  button(buttons, t('fit-line.resetLine'), () => { fit.stop(); assisted = false; if (imported) setLine(view.start.w, view.start.b, false); else setLine(0, 5, false); });
  // The sliders are made again, in their places, when the points bring other ranges (ui.js's
  // slider keeps its range for good).
  let view = { slope: { min: SLOPE_RANGE[0], max: SLOPE_RANGE[1], step: 0.01 }, intercept: { min: INTERCEPT_RANGE[0], max: INTERCEPT_RANGE[1], step: 0.05 }, start: { w: 0, b: 5 } };
  const makeSlider = (which, value, old) => {
    const made = which === 'slope'
      ? slider(card.controls, { label: t('fit-line.slider.slope'), ...view.slope, value, format: (v) => formatNumber(v, 2), onInput: (v) => { fit.stop(); setLine(v, b, true); } })
      : slider(card.controls, { label: t('fit-line.slider.intercept'), ...view.intercept, value, format: (v) => formatNumber(v, 2), onInput: (v) => { fit.stop(); setLine(w, v, true); } });
    if (old) old.field.replaceWith(made.field);
    return made;
  };
  let slopeSlider = makeSlider('slope', 0, null);
  let interceptSlider = makeSlider('intercept', 5, null);
  function setView(next) {
    const same = (a, c) => a.min === c.min && a.max === c.max && a.step === c.step;
    const changed = { slope: !same(view.slope, next.slope), intercept: !same(view.intercept, next.intercept) };
    view = next;
    if (changed.slope) slopeSlider = makeSlider('slope', w, slopeSlider);
    if (changed.intercept) interceptSlider = makeSlider('intercept', b, interceptSlider);
  }

  const statMse = card.stat(t('fit-line.stat.mse'));
  const statBest = card.stat(t('fit-line.stat.best'));
  const statTarget = card.stat(t('fit-line.stat.target'));
  const statSteps = card.stat(t('fit-line.stat.steps'));
  pointsCsv(ctx, card.controls, {
    filename: 'fit-line-points.csv', rules: CSV_RULES, labelName: 'y',
    get: () => ({ X: data.X, y: data.y }),
    set: (parsed) => {
      refuseOutOfReach(parsed.X, parsed.y, Error); // before anything changes
      fit.stop();
      imported = { X: parsed.X, y: parsed.y };
      loadData();
    },
  });

  // Predict, then check: where in a run of gradient descent does the loss fall most? Judged from
  // the run's own loss curve once the engine reports convergence.
  const prediction = createPrediction(ctx, {
    id: 'fit-line-drop',
    question: t('fit-line.predict.question'),
    choices: ['tenth', 'middle', 'end'].map((id) => [id, t(`fit-line.predict.${id}`)]),
    onCommit: () => { stepsSinceLock = false; },
    // Unlocked part-way through a run, the box has had that run's loss curve on screen.
    onUnlock: () => { if (lossHistory.length > 1) prediction.outcomeSeen(t('fit-line.predict.seen')); },
    // Reset line (or a slider) clears the loss curve, not what the learner saw of it: steps taken
    // under this lock count when it is changed, whatever the chart shows now.
    progress: () => stepsSinceLock,
    next: t('fit-line.predict.next'),
  });
  function judgeRun(steps) {
    // A loss curve is on screen, and its first steps already show where the drop comes: a
    // prediction made after it, even after a run paused part-way, could copy its shape.
    if (steps > 0 && prediction.pending === null) { prediction.outcomeSeen(t('fit-line.predict.seen')); return; }
    if (model.status() !== 'converged' || steps < 2) return;
    const total = lossHistory[0] - lossHistory[steps];
    if (!(total > 0)) return;
    const tenth = (lossHistory[0] - lossHistory[Math.ceil(steps / 10)]) / total;
    const half = (lossHistory[0] - lossHistory[Math.ceil(steps / 2)]) / total;
    const outcome = tenth >= 0.5 ? 'tenth' : half >= 0.5 ? 'middle' : 'end';
    prediction.settle(outcome, t('fit-line.predict.why', { steps: formatNumber(steps, 0), tenthSteps: formatNumber(Math.ceil(steps / 10), 0), share: formatNumber(tenth * 100, 1) }));
  }

  // Points whose best line (or the flat line through their mean, where the line starts) lies beyond
  // the line's limits cannot be shown with a line of their own: refused, saying which number.
  function refuseOutOfReach(X, y, Kind) {
    const far = outOfReach(X, y);
    if (far) throw new Kind(t('fit-line.outOfReach', { slope: far.slope, intercept: far.intercept, mean: far.mean, w: formatNumber(LINE_LIMITS.w, 0), b: formatNumber(LINE_LIMITS.b, 0), sentence: Kind === Error }));
  }

  function loadData() {
    attempt(card, () => {
      data = imported ? { X: imported.X, y: imported.y, rows: imported.y.length } : ml.makeLinear(opts.points, opts.slope, opts.intercept, opts.noise, opts.seed, X_MIN, X_MAX);
      model.setData(data.X, 1, data.y);
      model.setLearningRate(learningRateFor(data.X));
      model.setTolerance(1e-7);
      const exact = model.closedForm();
      bestPossible = model.mse(data.X, data.y) >= 0 ? mseOf(exact[0], exact[1]) : NaN;
    });
    best = Infinity;
    won = false;
    assisted = false;
    answerShown = false;
    lossHistory = [];
    if (data) setView(lineView(data.X, data.y, imported !== null));
    setLine(view.start.w, view.start.b, false);
  }

  function mseOf(slope, intercept) {
    return attempt(card, () => {
      model.setParams([slope, intercept]);
      return model.loss();
    }, NaN);
  }

  // Puts the line at (slope, intercept). moved: the learner put it there (drag, keys, sliders),
  // so it counts towards "your best" and can win the game; a reset or new points do not, and
  // neither does nudging a line gradient descent found (until Reset line or New points).
  // keyEnd: the end an arrow key moved, which the message then names with the MSE.
  // A line of the learner's own on points whose best line Auto-fit has shown, or on imported
  // points, is practice: shown, never "your best" nor reported.
  function setLine(slope, intercept, moved, keyEnd = -1) {
    const practice = answerShown || imported !== null;
    const own = moved && !assisted && !practice;
    w = Math.max(-LINE_LIMITS.w, Math.min(LINE_LIMITS.w, slope));
    b = Math.max(-LINE_LIMITS.b, Math.min(LINE_LIMITS.b, intercept));
    const mse = mseOf(w, b); // also puts the engine model at (w, b) for the next GD step
    lossHistory = [mse];
    statSteps.set('0');
    if (own && mse < best) best = mse;
    slopeSlider.set(w); // the line's own values: a thumb past its range stops at the end, the readout does not
    interceptSlider.set(b);
    statMse.set(formatNumber(mse, 3));
    statBest.set(Number.isFinite(best) ? formatNumber(best, 3) : '–'); // until the learner has moved the line
    statTarget.set(formatNumber(bestPossible, 3));
    // Relative gap to the least-squares MSE (absolute when that MSE is 0, i.e. noise-free points).
    const gap = bestPossible > 1e-12 ? (mse - bestPossible) / bestPossible : mse - bestPossible;
    let say = '';
    let tone = 'info';
    let justWon = false; // said at once, even while a held key keeps the message quiet
    if (!moved) say = assisted ? t('fit-line.movedByGd') : practice ? `${t('fit-line.howTo')}${t('fit-line.practiceNote', { imported: imported !== null })}` : t('fit-line.howTo'); // restored from a link as the model's line
    else if (gap <= WIN_GAP && assisted) say = t('fit-line.closeByGd');
    else if (assisted) say = t('fit-line.movedByGd');
    else if (gap <= WIN_GAP && practice) say = t('fit-line.excellentPractice', { imported: imported !== null });
    else if (practice) say = `${gap <= 0.1 ? t('fit-line.closeGap', { gap: gapAboveBar(gap) }) : ''}${t('fit-line.practiceNote', { imported: imported !== null })}`.trim();
    else if (gap <= WIN_GAP) {
      tone = 'ok';
      // Score: how close the learner's best came, as a percentage of the best possible MSE. The
      // game is won once; a better line after that raises the recorded score.
      const closeness = bestPossible > 1e-12 ? Math.min(100, Math.round((100 * bestPossible) / best)) : 100;
      const detail = { widget: 'fit-line', title: t('fit-line.title'), score: closeness, max: 100 };
      if (!won) {
        won = true;
        justWon = true;
        reportedScore = closeness;
        reportComplete(card, detail);
      } else if (closeness > reportedScore) {
        reportedScore = closeness;
        reportScore(card, detail);
      }
      // Said with the report: this round's win (reported now or earlier on these points) completes the activity.
      say = t('fit-line.excellent', { complete: won });
    } else if (gap <= 0.1) say = t('fit-line.closeGap', { gap: gapAboveBar(gap) });
    else if (keyEnd < 0) say = t('fit-line.howTo');
    // Someone using the arrow keys hears which end moved and the MSE, not how to drag.
    if (keyEnd >= 0) say = t('fit-line.keyMoved', { end: t(`fit-line.end.${keyEnd}`), y: formatNumber(endpoints()[keyEnd].y, 2), mse: formatNumber(mse, 3), best: formatNumber(bestPossible, 3), then: say });
    card.setMessage(say, tone, { announce: justWon });
    plot.canvas.setAttribute('aria-label', t('fit-line.figure', { rows: data.rows, w: formatNumber(w, 2), b: formatTerm(b, 2), mse: formatNumber(mse, 3) }));
    ctx.requestDraw(draw);
  }

  function gdSteps(n) {
    for (let i = 0; i < n; i++) {
      const status = model.status();
      if (status !== 'ready') break;
      const loss = attempt(card, () => model.step(), NaN);
      if (!Number.isFinite(loss)) break;
      lossHistory.push(loss);
      assisted = true;
      answerShown = true;
    }
    const p = model.params();
    const stepsTaken = lossHistory.length - 1;
    if (stepsTaken > 0 && prediction.pending !== null) stepsSinceLock = true;
    w = p[0];
    b = p[1];
    const mse = model.loss();
    slopeSlider.set(w); // the line's own values: a thumb past its range stops at the end, the readout does not
    interceptSlider.set(b);
    statMse.set(formatNumber(mse, 3));
    statSteps.set(formatNumber(stepsTaken, 0));
    const status = model.status();
    judgeRun(stepsTaken);
    if (status === 'converged') card.setMessage(t('fit-line.converged', { steps: stepsTaken, mse: formatNumber(mse, 3) }), 'ok');
    else if (status === 'diverged') card.setMessage(t('fit-line.diverged'), 'bad');
    else card.setMessage(t('fit-line.running', { steps: formatNumber(stepsTaken, 0), mse: formatNumber(mse, 3) }), 'info');
    plot.canvas.setAttribute('aria-label', t('fit-line.gdFigure', { w: formatNumber(w, 2), b: formatTerm(b, 2), mse: formatNumber(mse, 3) }));
    ctx.requestDraw(draw);
    return status;
  }

  // Dragging an end handle moves that end; the other end stays put, so w and b both change.
  function endpoints() { return HANDLE_X.map((x) => ({ x, y: w * x + b })); }
  function moveHandle(index, y, byKey = false) {
    const ends = endpoints();
    ends[index].y = y;
    const slope = (ends[1].y - ends[0].y) / (ends[1].x - ends[0].x);
    setLine(slope, ends[0].y - slope * ends[0].x, true, byKey ? index : -1);
  }
  quietWhileHeld(ctx, plot.canvas); // a held arrow key or a drag is said once, when let go
  function nearestHandle(pos) {
    let bestI = -1;
    let bestD = Infinity;
    endpoints().forEach((h, i) => {
      const d = Math.hypot(plot.px(h.x) - plot.px(pos.x), plot.py(h.y) - plot.py(pos.y));
      if (d < bestD) { bestD = d; bestI = i; }
    });
    return bestD <= 28 ? bestI : -1;
  }
  const drag = ctx.drag(plot, {
    hit: (pos) => { const i = nearestHandle(pos); return i >= 0 ? i : null; },
    grab: (i) => { fit.stop(); focusedHandle = i; },
    moveOnPress: false,
    move: (pos, i) => moveHandle(i, pos.y),
    key: (dx, dy) => {
      if (!dy) return false; // the ends move up and down only
      if (focusedHandle < 0) focusedHandle = 0;
      fit.stop();
      moveHandle(focusedHandle, endpoints()[focusedHandle].y + dy * Math.max(0.1, view.intercept.step), true);
      return true;
    },
    enter: () => {
      focusedHandle = (focusedHandle + 1) % 2;
      card.setMessage(t('fit-line.selected', { end: t(`fit-line.end.${focusedHandle}`) }), 'info');
      ctx.requestDraw(draw);
    },
    escape: () => { focusedHandle = -1; ctx.requestDraw(draw); },
    onFocusChange: (on) => {
      if (on) {
        if (focusedHandle < 0) focusedHandle = 0;
        card.setMessage(t('fit-line.keys'), 'info');
      } else focusedHandle = -1;
      ctx.requestDraw(draw);
    },
  });

  function draw() {
    if (!data) return;
    const ys = Array.from(data.y);
    const lo = Math.min(...ys, imported ? Infinity : opts.intercept) - 1;
    const hi = Math.max(...ys, imported ? -Infinity : opts.intercept + opts.slope * X_MAX) + 1;
    plot.setDomain(X_MIN, X_MAX, lo, hi);
    plot.begin();
    plot.axes({ xLabel: t('fit-line.axis.x'), yLabel: t('fit-line.axis.y') });
    plot.clipToArea(() => {
      for (let i = 0; i < data.rows; i++) plot.point(data.X[i], data.y[i], 1, { size: 4.5 });
      plot.segment(X_MIN, b + w * X_MIN, X_MAX, b + w * X_MAX, { width: 2.5 });
    });
    endpoints().forEach((h, i) => plot.handle(h.x, h.y, { focused: (i === focusedHandle && drag.keyboardFocused) || i === drag.grabbed }));

    const finite = lossHistory.filter(Number.isFinite);
    lossPlot.setDomain(0, Math.max(10, lossHistory.length - 1), 0, Math.max(bestPossible * 1.2 || 1, ...finite.slice(0, 1)) * 1.05);
    lossPlot.begin();
    lossPlot.axes({ xLabel: t('fit-line.lossAxis.x'), yLabel: t('fit-line.lossAxis.y'), xTicks: 4, yTicks: 3 });
    lossPlot.clipToArea(() => {
      if (Number.isFinite(bestPossible)) lossPlot.segment(0, bestPossible, lossPlot.domain.x1, bestPossible, { color: lossPlot.theme.truth, dash: [5, 4], width: 1.5 });
      lossPlot.path(lossHistory.map((_, i) => i), lossHistory, { color: lossPlot.theme.loss });
    });
  }

  loadData();

  return {
    update(next) { fit.stop(); if (DATA_OPTIONS.some((k) => next[k] !== opts[k])) imported = null; opts = { ...next }; loadData(); },
    // Shared by a link: the seed (New points changes it), the line as it is now, a: 1 when gradient
    // descent placed that line (so a reloaded page keeps it the model's: nudging it still does not
    // count), s: 1 when gradient descent has shown the best line on these points (a line set after
    // Reset line stays practice after a reload), and imported points.
    currentOptions() { return { seed: opts.seed }; },
    state: {
      get() {
        if (!imported && !answerShown && w === view.start.w && b === view.start.b) return null;
        return { w, b, ...(assisted ? { a: 1 } : answerShown ? { s: 1 } : {}), ...(imported ? pointsState(imported.X, imported.y) : {}) };
      },
      set(value) {
        const ok = value && typeof value === 'object' && Number.isFinite(value.w) && Number.isFinite(value.b) && Math.abs(value.w) <= LINE_LIMITS.w && Math.abs(value.b) <= LINE_LIMITS.b;
        if (!ok) throw new RangeError(t('fit-line.badLine'));
        if (value.a !== undefined && value.a !== 1) throw new RangeError(t('fit-line.badMark'));
        if (value.s !== undefined && value.s !== 1) throw new RangeError(t('fit-line.badShown'));
        const points = value.p ? pointsFromState(value, CSV_RULES) : null; // checked before anything changes
        if (points) refuseOutOfReach(points.X, points.y, RangeError);
        fit.stop();
        if (points) { imported = { X: points.X, y: points.y }; loadData(); }
        assisted = value.a === 1;
        if (value.a === 1 || value.s === 1) answerShown = true; // never cleared here: only New points does that
        setLine(value.w, value.b, false);
      },
    },
  };
}
