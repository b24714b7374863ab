// Recurrent networks, live (issue 18, item 2): an Elman RNN or an LSTM learns to predict the
// next value of a noisy wave. The engine's RecurrentNet does every number: training windows with
// backpropagation through time, the one-step predictions over the whole series, the free-running
// forecast (its own predictions fed back), the hidden state at every step (the heat strip) and,
// in the second view, how the gradient of the last step's loss reaches back in time, ‖∂L_T/∂h_t‖,
// for both cells at initialisation and for the net being trained.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { requestDraw, cancelDraw } from '../lib/frame.js';
import { player } from '../lib/player.js';
import { attachDrag } from '../lib/drag.js';
import { button, buttonRow, el, select, slider } from '../lib/ui.js';
import { countOf, formatNumber, formatShort } from '../lib/format.js';
import { divergingRgb, drawHeatmap, heatLegend } from '../lib/heatmap.js';
import { watchColorScheme } from '../lib/theme.js';
import { createPrediction } from '../lib/predict.js';
import { schema, SERIES_LENGTH, STEPS_PER_FRAME, WARMUP, configureNet, followsWave, forecastError, initialFlows, makeSeries, relativeFlow } from './recurrent-sequence/task.js';

export { schema };

export const meta = {
  title: 'A recurrent network learns a wave',
  hint: 'Press Train and watch the predictions lock onto the wave and the hidden units settle into a rhythm. Switch between RNN and LSTM, then compare how far back each one’s gradient reaches in the second view.',
};

const MAX_STEPS = 5000;
const RECORD_EVERY = 4;
const LOG_FLOOR = -20;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

const CELL_NAMES = { rnn: 'RNN', lstm: 'LSTM' };
const log10 = (v) => (v > 0 ? Math.max(LOG_FLOOR, Math.log10(v)) : LOG_FLOOR);

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  const net = new ml.RecurrentNet();
  let series = null;
  let view = null;   // what was last computed for drawing
  let flows = null;  // { rnn, lstm } at initialisation
  let cursor = null; // time step under the keyboard/pointer cursor
  let history = { steps: [], values: [] }; // whole-series loss against training step

  // ---- stage: signal, heat strip, loss; then the gradient view ----
  const signal = new Plot(card.stage, { aspect: 0.36, minHeight: 180, maxHeight: 300, label: 'Signal and predictions', onResize: () => requestDraw(draw) });
  signal.margin.left = 40;
  let heatColor = divergingRgb(signal.theme);
  card.stage.append(el('p', { className: 'dw-legend', text: 'Dashed grey: the signal. Black: one-step predictions (each from the true values so far). Blue: free-running forecast from step 160, fed its own predictions. Click or use the arrow keys on the plot to read one step.' }));
  const strip = new Plot(card.stage, { aspect: 0.14, minHeight: 90, maxHeight: 150, label: 'Hidden state over time', onResize: () => requestDraw(draw) });
  strip.margin.left = 40;
  const legend = heatLegend(card.stage, { color: (x) => heatColor(2 * x - 1), low: '−1', high: '+1', caption: 'hidden unit value h' });
  const lossPlot = new Plot(card.stage, { aspect: 0.22, minHeight: 120, maxHeight: 180, label: 'Loss over training', onResize: () => requestDraw(draw) });
  lossPlot.margin.top = 22;
  const flowTitle = el('h4', { className: 'recurrent-sequence-view-title', text: 'How far back does the gradient reach?' });
  const flowPlot = new Plot(card.stage, { aspect: 0.34, minHeight: 170, maxHeight: 280, label: 'Gradient against steps back in time', onResize: () => requestDraw(draw) });
  flowPlot.canvas.before(flowTitle);
  flowPlot.margin.top = 22;
  card.stage.append(el('p', { className: 'dw-legend', text: 'log₁₀ of the gradient of the last step’s loss with respect to the hidden state k steps back, relative to its size at k = 0. Orange: RNN and blue: LSTM, both freshly initialised; dashed black: the net you are training.' }));
  const numbers = el('details', { className: 'recurrent-sequence-numbers' });
  const numbersBody = el('div');
  numbers.append(el('summary', { text: 'The numbers behind the pictures' }), numbersBody);
  card.stage.append(numbers);


  // ---- controls ----
  const buttons = buttonRow(card.controls);
  const play = player(buttons, card, {
    label: 'Train',
    start: () => {
      if (net.status() === 'diverged') { card.setMessage('The network diverged. Press Reset (or lower η) first.', 'bad'); return false; }
      return true;
    },
    reduced: () => train(100),
    tick: () => {
      train(STEPS_PER_FRAME, { quiet: true });
      if (net.steps() >= MAX_STEPS || net.status() === 'diverged') return false;
      return true;
    },
    onStop: () => describe(),
  });
  button(buttons, 'Step', () => { play.stop(); train(1); });
  button(buttons, 'Train 100 steps', () => { play.stop(); train(100); });
  button(buttons, 'Reset', () => { play.stop(); rebuild('Weights back to their random start: the predictions are near 0 again.'); });

  const cellSelect = select(card.controls, { label: 'cell', value: opts.cell, options: [['rnn', 'RNN (plain, tanh)'], ['lstm', 'LSTM (gated)']], onChange: (v) => change({ cell: v }) });
  const waveSelect = select(card.controls, { label: 'signal', value: opts.wave, options: [['sine', 'sine'], ['two-sines', 'two sines'], ['square-ish', 'square-ish']], onChange: (v) => change({ wave: v }) });
  const sliders = {
    hiddenSize: slider(card.controls, { label: 'hidden units H', min: 1, max: 32, step: 1, value: opts.hiddenSize, format: (v) => formatNumber(v, 0), onInput: (v) => change({ hiddenSize: v }) }),
    sequenceLength: slider(card.controls, { label: 'sequence length T', min: 10, max: 120, step: 1, value: opts.sequenceLength, format: (v) => formatNumber(v, 0), onInput: (v) => change({ sequenceLength: v }) }),
    learningRate: slider(card.controls, { label: 'learning rate η', min: 0.0005, max: 0.1, scale: 'log', step: 0.01, value: opts.learningRate, format: (v) => formatShort(v, 2), onInput: (v) => change({ learningRate: v }) }),
    forgetBias: slider(card.controls, { label: 'LSTM forget bias', min: -2, max: 4, step: 0.5, value: opts.forgetBias, format: (v) => formatNumber(v, 1), onInput: (v) => change({ forgetBias: v }) }),
    truncation: slider(card.controls, { label: 'truncate BPTT every (0 = never)', min: 0, max: 120, step: 1, value: opts.truncation, format: (v) => (v === 0 ? 'full' : countOf(v, 'step')), onInput: (v) => change({ truncation: v }) }),
    noise: slider(card.controls, { label: 'noise s', min: 0, max: 0.5, step: 0.01, value: opts.noise, format: (v) => formatNumber(v, 2), onInput: (v) => change({ noise: v }) }),
  };

  const statSteps = card.stat('steps');
  const statLoss = card.stat('loss');
  const statForecast = card.stat('free-running error');
  const statGrad = card.stat('gradient norm');
  const statFlow = card.stat('gradient T steps back');

  // Predict, then check: can a network whose gradient never reaches more than a few steps back
  // still learn the wave? Judged from the engine's loss once a truncated run has 300 steps.
  const TRUNCATED_STEPS = 300;
  let truncatedRun = opts.truncation > 0; // every step since the last restart was truncated
  const prediction = createPrediction(ctx, {
    id: 'rnn-truncated-bptt',
    question: `With BPTT truncated to a few steps, after ${TRUNCATED_STEPS} training steps from a fresh start the one-step loss will be…`,
    choices: [['below', 'below 0.01: it learns'], ['above', 'above 0.01: it fails']],
    next: `Now set “truncate BPTT every” to 5, press Reset, and train for ${TRUNCATED_STEPS} steps.`,
  });
  function judgeTruncated() {
    if (prediction.pending === null || !truncatedRun || net.steps() < TRUNCATED_STEPS || !view) return;
    const below = view.loss < 0.01;
    prediction.settle(below ? 'below' : 'above', `With the gradient cut every ${countOf(opts.truncation, 'step')}, the loss after ${formatNumber(net.steps(), 0)} steps is ${formatNumber(view.loss, 4)}. ${below ? 'The next value of a smooth wave depends only on the last few values, so a short gradient is enough.' : 'This run did not get there.'}`);
  }

  // ---- the time cursor: pointer or arrow keys on the signal plot ----
  const drag = attachDrag(signal, {
    touchAction: 'pan-y',
    move: (pos) => setCursor(Math.round(pos.x)),
    key: (dx) => { if (!dx) return false; setCursor((cursor ?? WARMUP) + dx); return true; },
    escape: () => { cursor = null; describe(); requestDraw(draw); },
    onFocusChange: () => requestDraw(draw),
  });

  function setCursor(t) {
    if (!view) return;
    cursor = Math.max(1, Math.min(SERIES_LENGTH - 1, t));
    const H = view.run.hiddenSize;
    const h = Array.from(view.run.hidden.subarray((cursor - 1) * H, cursor * H), (v) => formatNumber(v, 2));
    const free = cursor >= WARMUP ? `; free-running ${formatNumber(view.forecast[cursor - WARMUP], 3)}` : '';
    card.setMessage(`Step ${cursor}: signal ${formatNumber(series[cursor], 3)}; one-step prediction ${formatNumber(view.run.predictions[cursor - 1], 3)}${free}. Hidden state after step ${cursor - 1}: (${h.join(', ')}).`, 'info');
    requestDraw(draw);
  }

  // ---- model ----
  function rebuild(text) {
    const ok = attempt(card, () => {
      series = makeSeries(ml, opts);
      configureNet(net, opts, series);
      net.setTracing(false); // the widget keeps its own loss history (train() below)
      history = { steps: [], values: [] };
      truncatedRun = opts.truncation > 0;
      flows = initialFlows(ml, opts, series);
      return true;
    }, false);
    if (ok) compute();
    if (ok && text) card.setMessage(text, 'info');
  }

  // Settings that keep the weights (η, truncation) are applied in place; the rest restart.
  function change(patch) {
    play.stop();
    opts = { ...opts, ...patch };
    const keys = Object.keys(patch);
    if (keys.every((k) => k === 'learningRate' || k === 'truncation')) {
      attempt(card, () => { net.setLearningRate(opts.learningRate); net.setTruncation(opts.truncation); });
      truncatedRun = opts.truncation > 0 && (truncatedRun || net.steps() === 0);
      card.setMessage(patch.truncation !== undefined
        ? (opts.truncation ? `Gradients now flow back at most ${countOf(opts.truncation, 'step')} within a window; training continues from the current weights.` : 'Full backpropagation through time: the gradient flows back through the whole window.')
        : `Learning rate η = ${formatShort(opts.learningRate, 2)}; training continues from the current weights.`, 'info');
      compute();
      return;
    }
    const what = keys.includes('cell') ? `A fresh ${CELL_NAMES[opts.cell]} with random weights.` : 'New settings: the network starts again from random weights.';
    rebuild(what);
  }

  // The loss curve gets a point every RECORD_EVERY steps (and wherever training stops): the
  // whole-series loss costs a pass over all 240 values, more than a training step itself.
  function train(n, { quiet = false } = {}) {
    attempt(card, () => {
      for (let i = 0; i < n && net.status() !== 'diverged'; i++) {
        net.step();
        if (net.steps() % RECORD_EVERY === 0 && i < n - 1) { history.steps.push(net.steps()); history.values.push(net.loss()); }
      }
    });
    compute();
    if (!quiet) describe();
    judgeTruncated();
  }

  function compute() {
    attempt(card, () => {
      const run = net.seriesRun();
      const { forecast, mse } = forecastError(net, series);
      const own = relativeFlow(net.gradientFlow(opts.sequenceLength));
      const loss = net.loss();
      if (!history.steps.length || history.steps[history.steps.length - 1] !== net.steps()) {
        history.steps.push(net.steps());
        history.values.push(loss);
      }
      view = { run, forecast, mse, own, loss };
    });
    render();
  }

  function describe() {
    if (!view) return;
    if (net.status() === 'diverged') { card.setMessage('Diverged: the loss is no longer a finite number. Lower the learning rate η and press Reset.', 'bad'); return; }
    const name = CELL_NAMES[opts.cell];
    const steps = net.steps();
    if (steps === 0) { card.setMessage(`An untrained ${name}: its predictions hover near 0. Press Train.`, 'info'); return; }
    const follows = followsWave(view.mse);
    const verdict = follows ? 'the forecast follows the wave on its own' : 'the forecast drifts away from the wave';
    card.setMessage(`Step ${formatNumber(steps, 0)}: one-step loss ${formatNumber(view.loss, 4)}; fed its own predictions from step ${WARMUP}, ${verdict} (error ${formatNumber(view.mse, 3)}).${net.lastClipped() ? ' The last gradient was clipped to length 1.' : ''}`, follows ? 'ok' : 'info');
  }

  function render() {
    if (!view) return;
    const T = opts.sequenceLength;
    statSteps.set(formatNumber(net.steps(), 0));
    statLoss.set(formatNumber(view.loss, 4));
    statForecast.set(formatNumber(view.mse, 3));
    statGrad.set(net.steps() ? formatShort(net.lastGradientNorm(), 3) : '–');
    const own = view.own ? view.own[T - 1] : NaN;
    statFlow.set(Number.isFinite(own) ? formatShort(own, 2) : '–');
    signal.canvas.setAttribute('aria-label', `Signal of ${SERIES_LENGTH} steps with the ${CELL_NAMES[opts.cell]}'s predictions after ${countOf(net.steps(), 'training step')}: one-step loss ${formatNumber(view.loss, 4)}, free-running error ${formatNumber(view.mse, 3)}.`);
    strip.canvas.setAttribute('aria-label', `Heat strip of the ${countOf(view.run.hiddenSize, 'hidden unit')} over ${SERIES_LENGTH - 1} steps, from −1 (orange) to +1 (blue).`);
    lossPlot.canvas.setAttribute('aria-label', `Loss over training: from ${formatNumber(history.values[0], 4)} to ${formatNumber(view.loss, 4)} after ${countOf(net.steps(), 'step')}.`);
    const at = (f) => (f ? formatShort(f[T - 1], 2) : '–');
    flowPlot.canvas.setAttribute('aria-label', `Gradient ${T} steps back, relative to the last step: RNN ${at(flows && flows.rnn)}, LSTM ${at(flows && flows.lstm)}, your net ${at(view.own)}.`);
    renderTable();
    requestDraw(draw);
  }

  function renderTable() {
    const T = opts.sequenceLength;
    const ks = [];
    for (let k = 0; k < T; k += 10) ks.push(k);
    if (ks[ks.length - 1] !== T - 1) ks.push(T - 1);
    const cell = (f, k) => el('td', { text: f ? formatShort(f[k], 3) : '–' });
    const table = el('table', { className: 'dw-table' }, [
      el('caption', { text: 'Gradient of the last step’s loss, k steps back, relative to k = 0 (RNN and LSTM freshly initialised)' }),
      el('thead', {}, [el('tr', {}, ['k back', 'RNN', 'LSTM', `your ${CELL_NAMES[opts.cell]}`].map((h) => el('th', { scope: 'col', text: h })))]),
      el('tbody', {}, ks.map((k) => el('tr', {}, [el('td', { text: String(k) }), cell(flows && flows.rnn, k), cell(flows && flows.lstm, k), cell(view.own, k)]))),
    ]);
    const every = [WARMUP, WARMUP + 20, WARMUP + 40, SERIES_LENGTH - 1];
    const preds = el('table', { className: 'dw-table' }, [
      el('caption', { text: 'Signal and predictions at a few steps' }),
      el('thead', {}, [el('tr', {}, ['step', 'signal', 'one-step', 'free-running'].map((h) => el('th', { scope: 'col', text: h })))]),
      el('tbody', {}, every.map((t) => el('tr', {}, [el('td', { text: String(t) }), el('td', { text: formatNumber(series[t], 3) }), el('td', { text: formatNumber(view.run.predictions[t - 1], 3) }), el('td', { text: formatNumber(view.forecast[t - WARMUP], 3) })]))),
    ]);
    numbersBody.replaceChildren(el('div', { className: 'dw-table-wrap' }, [table]), el('div', { className: 'dw-table-wrap' }, [preds]),
      el('p', { className: 'dw-legend', text: `Loss over the whole series: ${formatNumber(view.loss, 4)} after ${countOf(net.steps(), 'training step')}.` }));
  }

  function draw() {
    if (!view) return;
    const t = signal.theme;
    const n = SERIES_LENGTH;
    // Signal and predictions.
    let lo = -1.2;
    let hi = 1.2;
    for (const v of series) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    signal.setDomain(0, n - 1, lo - 0.1, hi + 0.1);
    signal.begin();
    signal.axes({ xLabel: 'time step t', yLabel: 'x', xTicks: 6, yTicks: 4 });
    signal.clipToArea((c) => {
      const xs = Array.from({ length: n }, (_, i) => i);
      signal.path(xs, Array.from(series), { color: t.truth, dash: [5, 4], width: 1.5 });
      signal.segment(WARMUP, lo - 1, WARMUP, hi + 1, { color: t.gridLine, width: 1, dash: [2, 3] });
      signal.path(xs.slice(1), Array.from(view.run.predictions), { color: t.model, width: 2 });
      signal.path(xs.slice(WARMUP), Array.from(view.forecast), { color: t.class1, width: 2.5 });
      c.fillStyle = t.textMuted;
      c.font = `11px ${t.font}`;
      c.textAlign = 'left'; c.textBaseline = 'top';
      c.fillText('free-running →', signal.px(WARMUP) + 4, signal.margin.top + 2);
      if (cursor !== null) {
        signal.segment(cursor, lo - 1, cursor, hi + 1, { color: t.accent, width: drag.focused ? 2 : 1.5 });
        signal.point(cursor, series[cursor], 1, { size: 4, highlight: true });
      }
    });
    // Heat strip: unit j of h_t at row j, column t (the state after input x_t).
    const H = view.run.hiddenSize;
    const steps = view.run.steps;
    const grid = new Float64Array(steps * H);
    for (let s = 0; s < steps; s++) for (let j = 0; j < H; j++) grid[j * steps + s] = view.run.hidden[s * H + j];
    strip.setDomain(0, n - 1, 0, H);
    strip.begin();
    drawHeatmap(strip, grid, steps, H, (v, out) => heatColor(v, out), { rect: { x0: 0, x1: steps, y0: 0, y1: H }, smooth: false });
    strip.axes({ xLabel: '', yLabel: '', xTicks: 6, yTicks: Math.min(4, H) });
    if (cursor !== null) strip.segment(cursor - 0.5, 0, cursor - 0.5, H, { color: t.accent, width: 1.5 });
    strip.ctx.save();
    strip.ctx.fillStyle = t.textMuted; strip.ctx.font = `11px ${t.font}`; strip.ctx.textAlign = 'left'; strip.ctx.textBaseline = 'top';
    strip.ctx.fillText('unit', 2, 0);
    strip.ctx.restore();
    // Loss curve, log scale.
    const ls = history.steps;
    const lv = history.values.map(log10);
    const lmin = Math.min(...lv);
    const lmax = Math.max(...lv);
    lossPlot.setDomain(0, Math.max(10, ls[ls.length - 1] || 0), Math.floor(lmin - 0.2), Math.ceil(lmax + 0.1));
    lossPlot.begin();
    lossPlot.axes({ xLabel: 'training step', yLabel: 'log₁₀ loss (whole series)', xTicks: 5, yTicks: 4 });
    lossPlot.clipToArea(() => lossPlot.path(ls, lv, { color: t.loss, width: 2 }));
    // Gradient view.
    const T = opts.sequenceLength;
    const curves = [[flows && flows.rnn, t.class0, []], [flows && flows.lstm, t.class1, []], [view.own, t.model, [6, 4]]];
    let fmin = 0;
    for (const [f] of curves) if (f) for (const v of f) fmin = Math.min(fmin, log10(v));
    flowPlot.setDomain(0, T - 1, Math.floor(fmin) - 0.5, 0.5);
    flowPlot.begin();
    flowPlot.axes({ xLabel: 'steps back k', yLabel: 'log₁₀ relative gradient', xTicks: 6, yTicks: 5 });
    flowPlot.clipToArea(() => {
      const ks = Array.from({ length: T }, (_, k) => k);
      for (const [f, color, dash] of curves) if (f) flowPlot.path(ks, f.map(log10), { color, width: dash.length ? 2 : 2.5, dash });
    });
  }

  const stopWatching = watchColorScheme(() => {
    for (const p of [signal, strip, lossPlot, flowPlot]) p.refreshTheme();
    heatColor = divergingRgb(signal.theme);
    legend.paint((x) => heatColor(2 * x - 1));
    requestDraw(draw);
  });

  rebuild(null);
  describe();

  return {
    update(next) {
      play.stop();
      opts = { ...next };
      cellSelect.value = opts.cell;
      waveSelect.value = opts.wave;
      for (const k of Object.keys(sliders)) sliders[k].set(opts[k]);
      rebuild(null);
      describe();
    },
    currentOptions() { return { ...opts }; },
    destroy() {
      play.stop();
      cancelDraw(draw);
      stopWatching();
      drag.destroy();
      for (const p of [signal, strip, lossPlot, flowPlot]) p.destroy();
      net.delete();
    },
  };
}
