// "Fit a distribution by maximum likelihood" (issue 19, lesson likelihood-and-kl). Three panels,
// chosen by the `panel` option:
//   gaussian  points on a line you place and drag; your Gaussian N(μ, s²) against the maximum-
//             likelihood one (μ̂ = mean, ŝ² with 1/n), and the log-likelihood surface over (μ, s)
//             with the peak marked and your (μ, s) as a handle; a predict-then-check box for ŝ;
//   coin      heads and tails you add; the log-likelihood curve ℓ(p) with its peak at heads/n;
//   kl        two Gaussians P and Q you drag; D_KL(P‖Q), D_KL(Q‖P), H(P) and H(P, Q) = H(P) + D_KL.
// Every number (densities, log-likelihoods, fits, entropies, KL) comes from the engine's
// distributions functions; this file only draws and listens.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { requestDraw, cancelDraw } from '../lib/frame.js';
import { attachDrag } from '../lib/drag.js';
import { drawHeatmap, lossRgb } from '../lib/heatmap.js';
import { button, buttonRow, el, slider } from '../lib/ui.js';
import { formatNumber, asShown } from '../lib/format.js';
import { seedOption } from '../lib/schema.js';
import { createPrediction } from '../lib/predict.js';
import { DEFAULT_POINTS, DEFAULT_GUESS, X_RANGE, S_RANGE, GRID, MAX_POINTS, spreadChange, spreadOutside } from './likelihood-fit/data.js';
import { clamp, round, densityCurve, linspace, star, legend } from './likelihood-fit/draw.js';
import { buildCoin } from './likelihood-fit/coin-panel.js';
import { buildKl } from './likelihood-fit/kl-panel.js';
import { messages } from './likelihood-fit/messages.js';

export const schema = {
  panel: { type: 'enum', values: ['gaussian', 'coin', 'kl'], default: 'gaussian', description: 'What to fit: points on a line (gaussian), coin flips (coin), or two Gaussians to compare (kl).' },
  seed: seedOption(5, 'Random seed for the "Flip 10" button of the coin panel.'),
};

export const meta = { title: messages['likelihood-fit.title'], hint: messages['likelihood-fit.hint'] };

// The Gaussian panel's ℓ readouts show 2 decimals; the verdict compares them as shown.
const LL_DIGITS = 2;
const CLOSE_GAP = 0.05; // a shown gap this small is "close to the peak", still not at it
// How far `mine` is below `best`, as the difference of the two numbers on screen (≥ 0).
const shownGap = (best, mine) => Math.max(0, Number((asShown(best, LL_DIGITS, { grouping: false }) - asShown(mine, LL_DIGITS, { grouping: false })).toFixed(LL_DIGITS)));

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}


function build(ctx) {
  const builders = { gaussian: buildGaussian, coin: buildCoin, kl: buildKl };
  const hint = ctx.card.card.querySelector('.dw-hint');
  // The one-sentence hint of each panel (meta.hint is the Gaussian panel's).
  if (hint && ctx.options.panel !== 'gaussian') hint.textContent = ctx.t(`likelihood-fit.hint.${ctx.options.panel}`);
  return builders[ctx.options.panel](ctx);
}

// The Gaussian panel.
function buildGaussian(ctx) {
  const { ml, card, stateChanged, t } = ctx;
  let points = [...DEFAULT_POINTS];
  let mu = DEFAULT_GUESS.mu;
  let s = DEFAULT_GUESS.s;
  let selected = points.length - 1;
  let fit = null;            // the engine's GaussianFit, or null when it cannot be made
  let surface = null;        // log-likelihood grid over (μ, s)
  let predictedFrom = NaN;   // ŝ when the prediction was locked in
  let shownPoints = '';      // the points of the last finished change (or of the start), as text

  const row = el('div', { className: 'dw-row' });
  const left = el('div', { className: 'dw-col' });
  const right = el('div', { className: 'dw-col' });
  row.append(left, right);
  card.stage.append(row);
  const linePlot = new Plot(left, { aspect: 0.62, minHeight: 220, maxHeight: 400, label: t('likelihood-fit.gaussian.linePlot'), onResize: () => requestDraw(draw) });
  legend(left, [t('likelihood-fit.gaussian.lineLegend')]);
  const surfacePlot = new Plot(right, { aspect: 0.75, minHeight: 220, maxHeight: 400, label: t('likelihood-fit.gaussian.surfacePlot'), onResize: () => requestDraw(draw) });
  legend(right, [t('likelihood-fit.gaussian.surfaceLegend')]);

  const buttons = buttonRow(card.controls);
  button(buttons, t('likelihood-fit.gaussian.addPoint'), () => addPoint(mu));
  button(buttons, t('likelihood-fit.gaussian.removePoint'), () => { if (!experimentFixed()) removePoint(selected); });
  button(buttons, t('likelihood-fit.gaussian.jump'), () => { if (fit && !experimentFixed()) setGuess(fit.mu, fit.s); });
  button(buttons, t('likelihood-fit.reset'), () => { prediction.reset(t('likelihood-fit.gaussian.resetPrediction')); points = [...DEFAULT_POINTS]; selected = points.length - 1; setGuess(DEFAULT_GUESS.mu, DEFAULT_GUESS.s, false); pointsChanged(); });
  const muSlider = slider(card.controls, { label: t('likelihood-fit.gaussian.slider.mu'), min: X_RANGE[0], max: X_RANGE[1], step: 0.05, value: mu, format: (v) => formatNumber(v, 2), onInput: (v) => setGuess(v, s) });
  const sSlider = slider(card.controls, { label: t('likelihood-fit.gaussian.slider.s'), min: S_RANGE[0], max: S_RANGE[1], step: 0.02, value: s, format: (v) => formatNumber(v, 2), onInput: (v) => setGuess(mu, v) });
  // Predict, then check: what does a point added at your μ do to the best spread ŝ? The box is
  // about that one experiment, so once a prediction is locked μ and the points stay fixed until
  // Add point: a learner who could still drag a point (watching ŝ live) or pick where the point
  // goes would be answering with the outcome in view.
  const prediction = createPrediction(ctx, {
    id: 'likelihood-next-point',
    question: t('likelihood-fit.predict.question'),
    choices: ['grow', 'shrink', 'same'].map((c) => [c, t(`likelihood-fit.predict.${c}`)]),
    ready: () => (fit ? null : t('likelihood-fit.predict.notReady')),
    onCommit: () => { predictedFrom = fit.s; muSlider.setDisabled(true); sSlider.setDisabled(true); },
    onUnlock: () => { muSlider.setDisabled(false); sSlider.setDisabled(false); },
    next: () => t('likelihood-fit.predict.next', { mu: formatNumber(mu, 2) }),
  });
  // True (and says why in the box) when a locked prediction keeps μ and the points as they are.
  function experimentFixed() {
    if (prediction.pending === null) return false;
    prediction.note(t('likelihood-fit.predict.fixed', { mu: formatNumber(mu, 2) }));
    return true;
  }

  const statN = card.stat(t('likelihood-fit.gaussian.stat.n'));
  const statLl = card.stat(t('likelihood-fit.gaussian.stat.ll'));
  const statMax = card.stat(t('likelihood-fit.stat.max'));
  const statMu = card.stat(t('likelihood-fit.gaussian.stat.mu'));
  const statS = card.stat(t('likelihood-fit.gaussian.stat.s'));
  const statS1 = card.stat(t('likelihood-fit.gaussian.stat.s1'));

  const lineDrag = attachDrag(linePlot, {
    hit: (pos) => {
      const tol = (X_RANGE[1] - X_RANGE[0]) * 0.025;
      let best = -1;
      points.forEach((x, i) => { if (Math.abs(x - pos.x) < tol && (best < 0 || Math.abs(x - pos.x) < Math.abs(points[best] - pos.x))) best = i; });
      return best >= 0 && pos.y < linePlot.domain.y1 * 0.3 && prediction.pending === null ? { index: best } : null;
    },
    press: (pos) => { if (!experimentFixed()) addPoint(pos.x); },
    grab: (g) => { selected = g.index; },
    move: (pos, g) => { points[g.index] = round(clamp(pos.x, X_RANGE[0], X_RANGE[1]), 0.05); pointsChanged(false); },
    release: () => pointsChanged(true),
    touchAction: 'pan-y',
    key: (dx) => {
      if (!dx || !points.length) return false;
      if (experimentFixed()) return true;
      points[selected] = round(clamp(points[selected] + dx * 0.1, X_RANGE[0], X_RANGE[1]), 0.05);
      pointsChanged(true);
      return true;
    },
    enter: () => { if (points.length) { selected = (selected + 1) % points.length; describe(); requestDraw(draw); } },
    otherKey: (e) => {
      if (e.key === 'Delete' || e.key === 'Backspace') { if (!experimentFixed()) removePoint(selected); e.preventDefault(); } else if (e.key === '+' || e.key === 'a') { addPoint(mu); e.preventDefault(); }
    },
    onFocusChange: () => requestDraw(draw),
  });
  const surfaceDrag = attachDrag(surfacePlot, {
    // hit runs on every hover too, so it only checks; the press says why nothing moves.
    hit: () => prediction.pending === null,
    press: () => experimentFixed(),
    move: (pos) => setGuess(pos.x, pos.y),
    key: (dx, dy) => { if (!experimentFixed()) setGuess(mu + dx * 0.05, s + dy * 0.05); return true; },
    onFocusChange: () => requestDraw(draw),
  });

  function addPoint(x) {
    if (points.length >= MAX_POINTS) { card.setMessage(t('likelihood-fit.gaussian.full', { max: formatNumber(MAX_POINTS, 0) }), 'info'); return; }
    points.push(round(clamp(x, X_RANGE[0], X_RANGE[1]), 0.05));
    selected = points.length - 1;
    pointsChanged(true);
  }
  function removePoint(i) {
    if (!points.length) return;
    points.splice(i, 1);
    selected = Math.max(0, Math.min(selected, points.length - 1));
    pointsChanged(true);
  }

  function setGuess(m, sd, redraw = true) {
    mu = round(clamp(m, X_RANGE[0], X_RANGE[1]), 0.01);
    s = round(clamp(sd, S_RANGE[0], S_RANGE[1]), 0.01);
    muSlider.set(mu);
    sSlider.set(s);
    if (redraw) { report(); requestDraw(draw); stateChanged(); }
  }

  // finished: the learner let go (or used a key or button), so a prediction can be judged.
  // byLearner: false for the starting points and a restored state, which show no point move.
  function pointsChanged(finished = true, byLearner = true) {
    fit = null;
    surface = null;
    if (points.length >= 1) {
      try { fit = ml.gaussianFit(points); } catch { fit = null; }
      surface = attempt(card, () => ml.gaussianLogLikelihoodGrid(points, X_RANGE[0], X_RANGE[1], S_RANGE[0], S_RANGE[1], GRID.nMu, GRID.nS), null);
    }
    report();
    // The box asks what the next point move does to ŝ. A move made with nothing locked in (even
    // mid-drag, as ŝ updates live) shows that outcome, and the lesson's own experiment (Add point
    // at the mean) is one such move: a prediction after it could copy it.
    const key = points.join(',');
    if (byLearner && key !== shownPoints && prediction.pending === null) prediction.outcomeSeen(t('likelihood-fit.predict.seen'));
    if (finished || !byLearner) shownPoints = key;
    if (finished && prediction.pending !== null) judge();
    requestDraw(draw);
    if (finished) stateChanged();
  }

  function judge() {
    const after = fit ? fit.s : NaN;
    const outcome = spreadChange(predictedFrom, after);
    prediction.settle(outcome, t('likelihood-fit.predict.why', { before: formatNumber(predictedFrom, 3), after: formatNumber(after, 3) }));
  }

  function report() {
    statN.set(formatNumber(points.length, 0));
    const ll = points.length ? attempt(card, () => ml.gaussianLogLikelihood(points, mu, s), NaN) : NaN;
    statLl.set(formatNumber(ll, LL_DIGITS));
    statMax.set(fit ? formatNumber(fit.logLikelihood, LL_DIGITS) : '–');
    statMu.set(fit ? formatNumber(fit.mu, 3) : '–');
    statS.set(fit ? formatNumber(fit.s, 3) : '–');
    statS1.set(fit && points.length > 1 ? formatNumber(fit.s * Math.sqrt(points.length / (points.length - 1)), 3) : '–');
    {
      if (!points.length) card.setMessage(t('likelihood-fit.gaussian.empty'), 'info');
      else if (!fit) card.setMessage(t('likelihood-fit.gaussian.onOneSpot'), 'info');
      else {
        // Judged against the best (μ, s) the controls reach: when ŝ lies off the map, that is μ̂ with
        // the map's nearest spread (where Jump to the maximum goes), and the message says why.
        const side = spreadOutside(fit.s);
        const edge = clamp(fit.s, S_RANGE[0], S_RANGE[1]);
        const reachable = side ? attempt(card, () => ml.gaussianLogLikelihood(points, fit.mu, edge), NaN) : fit.logLikelihood;
        // Judged as the readouts show ℓ (2 decimals): at the peak only when your ℓ shows the same
        // number as the best; otherwise the gap is the difference of the two shown numbers, and
        // "close" (within CLOSE_GAP) is not "at the peak".
        const gap = shownGap(reachable, ll);
        const shown = { hat: formatNumber(fit.s, 3), edge: formatNumber(edge, 2), mu: formatNumber(fit.mu, 2), gap: formatNumber(gap, LL_DIGITS) };
        if (!side) {
          if (gap <= 0) card.setMessage(t('likelihood-fit.gaussian.atPeak', { count: points.length, max: formatNumber(fit.logLikelihood, LL_DIGITS) }), 'ok');
          else card.setMessage(t('likelihood-fit.gaussian.below', { gap: shown.gap, close: gap <= CLOSE_GAP + 1e-9 }), 'info');
        } else if (gap <= 0) card.setMessage(t('likelihood-fit.gaussian.edgeAt', { side, hat: shown.hat, edge: shown.edge, mu: shown.mu }), 'ok');
        else card.setMessage(t('likelihood-fit.gaussian.edgeBelow', { side, gap: shown.gap, hat: shown.hat, edge: shown.edge, mu: shown.mu }), 'info');
      }
    }
    describe();
  }

  function describe() {
    const sel = points.length ? t('likelihood-fit.gaussian.selected', { index: formatNumber(selected + 1, 0), x: formatNumber(points[selected], 2) }) : '';
    linePlot.canvas.setAttribute('aria-label', t('likelihood-fit.gaussian.lineFigure', { count: points.length, points: points.map((x) => formatNumber(x, 2)).join(', '), mu: formatNumber(mu, 2), s: formatNumber(s, 2), selected: sel }));
    const side = fit ? spreadOutside(fit.s) : null;
    const maximum = !fit ? t('likelihood-fit.gaussian.noMaximum')
      : side ? t('likelihood-fit.gaussian.maximumOff', { side, mu: formatNumber(fit.mu, 2), s: formatNumber(fit.s, 3) })
        : t('likelihood-fit.gaussian.maximumAt', { mu: formatNumber(fit.mu, 2), s: formatNumber(fit.s, 2) });
    surfacePlot.canvas.setAttribute('aria-label', t('likelihood-fit.gaussian.surfaceFigure', { maximum, mu: formatNumber(mu, 2), s: formatNumber(s, 2) }));
  }

  function draw() {
    const xs = linspace(X_RANGE[0], X_RANGE[1], 281);
    const mine = densityCurve(ml, xs, mu, s);
    const best = fit ? densityCurve(ml, xs, fit.mu, fit.s) : null;
    const top = Math.min(2.2, Math.max(0.45, ...mine, ...(best || [0])) * 1.1);
    linePlot.setDomain(X_RANGE[0], X_RANGE[1], 0, top);
    linePlot.begin();
    linePlot.axes({ xLabel: t('likelihood-fit.axis.x'), yLabel: t('likelihood-fit.axis.density') });
    const th = linePlot.theme;
    linePlot.clipToArea(() => {
      // Each point's density under your Gaussian: the likelihood is the product of these heights.
      points.forEach((x) => {
        const h = Math.exp(ml.gaussianLogPdf(x, mu, s));
        linePlot.segment(x, 0, x, h, { color: th.textMuted, width: 3 });
      });
      if (best) linePlot.path(xs, best, { color: th.truth, dash: [6, 4] });
      linePlot.path(xs, mine, { color: th.model, width: 2.5 });
    });
    points.forEach((x, i) => linePlot.point(x, top * 0.02, 1, { size: 6, highlight: lineDrag.keyboardFocused && i === selected }));
    if (fit) star(linePlot, fit.mu, top * 0.02, th.accent);

    surfacePlot.setDomain(X_RANGE[0], X_RANGE[1], S_RANGE[0], S_RANGE[1]);
    surfacePlot.begin();
    if (surface && fit) {
      // Bright where ℓ is within a few units of its maximum; the scale spans max(6, 2n) units.
      const span = Math.max(6, 2 * points.length);
      drawHeatmap(surfacePlot, surface, GRID.nMu, GRID.nS, (v, out) => lossRgb(1 + (v - fit.logLikelihood) / span, out));
    }
    surfacePlot.axes({ xLabel: t('likelihood-fit.gaussian.axis.mu'), yLabel: t('likelihood-fit.gaussian.axis.s') });
    // ŝ at an end of the map (as the readout shows it) is on the map: its star sits on the edge.
    if (fit && !spreadOutside(fit.s)) star(surfacePlot, fit.mu, clamp(fit.s, S_RANGE[0], S_RANGE[1]), th.accent);
    surfacePlot.handle(mu, s, { focused: surfaceDrag.keyboardFocused });
  }

  pointsChanged(false, false);

  return {
    state: {
      get: () => ({ points: [...points], mu, s }),
      set(value) {
        if (!value || !Array.isArray(value.points)) throw new Error('expected { points: [...], mu, s }');
        if (value.points.length > MAX_POINTS) throw new Error(`at most ${MAX_POINTS} points`);
        if (!value.points.every((x) => Number.isFinite(x) && x >= X_RANGE[0] && x <= X_RANGE[1])) throw new Error(`every point must be a number from ${X_RANGE[0]} to ${X_RANGE[1]}`);
        if (!Number.isFinite(value.mu) || !Number.isFinite(value.s)) throw new Error('mu and s must be numbers');
        // Refused, not clamped: a guess the sliders cannot show would be moved without a word.
        if (value.mu < X_RANGE[0] || value.mu > X_RANGE[1]) throw new RangeError(`the guess μ must be from ${X_RANGE[0]} to ${X_RANGE[1]}`);
        if (value.s < S_RANGE[0] || value.s > S_RANGE[1]) throw new RangeError(`the guess s must be from ${S_RANGE[0]} to ${S_RANGE[1]}`);
        points = value.points.map((x) => round(x, 0.05));
        selected = Math.max(0, points.length - 1);
        setGuess(value.mu, value.s, false);
        pointsChanged(false, false);
      },
    },
    destroy() {
      cancelDraw(draw);
      lineDrag.destroy();
      surfaceDrag.destroy();
      linePlot.destroy();
      surfacePlot.destroy();
    },
  };
}
