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
import { tableWrap } from '../lib/table.js';
import { formatNumber, formatShort, formatSignificant } from '../lib/format.js';
import { divergingRgb, drawHeatmap, heatLegend } from '../lib/heatmap.js';
import { watchColorScheme } from '../lib/theme.js';
import { createPrediction } from '../lib/predict.js';
import { schema, SERIES_LENGTH, STEPS_PER_FRAME, WARMUP, configureNet, followsWave, forecastError, initialFlows, makeSeries, relativeFlow } from './recurrent-sequence/task.js';
import { messages } from './recurrent-sequence/messages.js';

export { schema };

export const meta = {
  title: messages['recurrent-sequence.title'],
  hint: messages['recurrent-sequence.hint'],
};

const MAX_STEPS = 5000;
const RECORD_EVERY = 4;
const LOG_FLOOR = -20;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

const log10 = (v) => (v > 0 ? Math.max(LOG_FLOOR, Math.log10(v)) : LOG_FLOOR);

function build(ctx) {
  const { ml, card, options, t } = ctx;
  const cellName = () => t(`recurrent-sequence.cellName.${opts.cell}`);
  let opts = { ...options };
  const net = new ml.RecurrentNet();
  let series = null;
  let view = null;   // what was last computed for drawing
  let flows = null;  // { rnn, lstm } at initialisation
  let cursor = null; // time step under the keyboard/pointer cursor
  let history = { steps: [], values: [] }; // whole-series loss against training step

  // ---- stage: signal, heat strip, loss; then the gradient view ----
  const signal = new Plot(card.stage, { aspect: 0.36, minHeight: 180, maxHeight: 300, label: t('recurrent-sequence.plot.signal'), onResize: () => requestDraw(draw) });
  signal.margin.left = 40;
  let heatColor = divergingRgb(signal.theme);
  card.stage.append(el('p', { className: 'dw-legend', text: t('recurrent-sequence.legend.signal') }));
  const strip = new Plot(card.stage, { aspect: 0.14, minHeight: 90, maxHeight: 150, label: t('recurrent-sequence.plot.strip'), onResize: () => requestDraw(draw) });
  strip.margin.left = 40;
  const legend = heatLegend(card.stage, { color: (x) => heatColor(2 * x - 1), low: '-1', high: '+1', caption: t('recurrent-sequence.heatCaption') });
  const lossPlot = new Plot(card.stage, { aspect: 0.22, minHeight: 120, maxHeight: 180, label: t('recurrent-sequence.plot.loss'), onResize: () => requestDraw(draw) });
  lossPlot.margin.top = 22;
  const flowTitle = el('h4', { className: 'recurrent-sequence-view-title', text: t('recurrent-sequence.flowTitle') });
  const flowPlot = new Plot(card.stage, { aspect: 0.34, minHeight: 170, maxHeight: 280, label: t('recurrent-sequence.plot.flow'), onResize: () => requestDraw(draw) });
  flowPlot.canvas.before(flowTitle);
  flowPlot.margin.top = 22;
  card.stage.append(el('p', { className: 'dw-legend', text: t('recurrent-sequence.legend.flow') }));
  const numbers = el('details', { className: 'recurrent-sequence-numbers' });
  const numbersBody = el('div');
  // The two tables are rebuilt at every update, inside wrappers made once. Each title is a
  // paragraph above its scrolling box, not a <caption>: a caption is as wide as its table, so on a
  // phone its end scrolled out of sight with the hidden columns.
  const flowCaption = el('p', { className: 'recurrent-sequence-table-title', text: t('recurrent-sequence.flowTable.caption') });
  const predsCaption = el('p', { className: 'recurrent-sequence-table-title', text: t('recurrent-sequence.predsTable.caption') });
  const flowWrap = tableWrap(ctx, null, { label: flowCaption });
  const predsWrap = tableWrap(ctx, null, { label: predsCaption });
  const seriesLoss = el('p', { className: 'dw-legend' });
  numbersBody.append(flowCaption, flowWrap.element, predsCaption, predsWrap.element, seriesLoss);
  numbers.append(el('summary', { text: t('recurrent-sequence.numbers') }), numbersBody);
  card.stage.append(numbers);


  // ---- controls ----
  const buttons = buttonRow(card.controls);
  const play = player(buttons, card, {
    label: t('recurrent-sequence.train'),
    start: () => {
      if (net.status() === 'diverged') { card.setMessage(t('recurrent-sequence.divergedFirst'), 'bad'); return false; }
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
  button(buttons, t('recurrent-sequence.step'), () => { play.stop(); train(1); });
  button(buttons, t('recurrent-sequence.train100'), () => { play.stop(); train(100); });
  button(buttons, t('recurrent-sequence.reset'), () => { play.stop(); rebuild(t('recurrent-sequence.resetText')); });

  const cellSelect = select(card.controls, { label: t('recurrent-sequence.select.cell'), value: opts.cell, options: ['rnn', 'lstm'].map((v) => [v, t(`recurrent-sequence.cell.${v}`)]), onChange: (v) => change({ cell: v }) });
  const waveSelect = select(card.controls, { label: t('recurrent-sequence.select.wave'), value: opts.wave, options: ['sine', 'two-sines', 'square-ish'].map((v) => [v, t(`recurrent-sequence.wave.${v}`)]), onChange: (v) => change({ wave: v }) });
  const sliders = {
    hiddenSize: slider(card.controls, { label: t('recurrent-sequence.slider.hiddenSize'), min: 1, max: 32, step: 1, value: opts.hiddenSize, format: (v) => formatNumber(v, 0), onInput: (v) => change({ hiddenSize: v }) }),
    sequenceLength: slider(card.controls, { label: t('recurrent-sequence.slider.sequenceLength'), min: 10, max: 120, step: 1, value: opts.sequenceLength, format: (v) => formatNumber(v, 0), onInput: (v) => change({ sequenceLength: v }) }),
    learningRate: slider(card.controls, { label: t('recurrent-sequence.slider.learningRate'), min: 0.0005, max: 0.1, scale: 'log', step: 0.01, value: opts.learningRate, format: (v) => formatShort(v, 2), onInput: (v) => change({ learningRate: v }) }),
    forgetBias: slider(card.controls, { label: t('recurrent-sequence.slider.forgetBias'), min: -2, max: 4, step: 0.5, value: opts.forgetBias, format: (v) => formatNumber(v, 1), onInput: (v) => change({ forgetBias: v }) }),
    truncation: slider(card.controls, { label: t('recurrent-sequence.slider.truncation'), min: 0, max: 120, step: 1, value: opts.truncation, format: (v) => (v === 0 ? t('recurrent-sequence.truncation.full') : t('recurrent-sequence.truncation.steps', { count: v })), onInput: (v) => change({ truncation: v }) }),
    noise: slider(card.controls, { label: t('recurrent-sequence.slider.noise'), min: 0, max: 0.5, step: 0.01, value: opts.noise, format: (v) => formatNumber(v, 2), onInput: (v) => change({ noise: v }) }),
  };

  const statSteps = card.stat(t('recurrent-sequence.stat.steps'));
  const statLoss = card.stat(t('recurrent-sequence.stat.loss'));
  const statForecast = card.stat(t('recurrent-sequence.stat.forecast'));
  const statGrad = card.stat(t('recurrent-sequence.stat.grad'));
  const statFlow = card.stat(t('recurrent-sequence.stat.flow'));

  // Predict, then check: can a network whose gradient never reaches more than a few steps back
  // still learn the wave? Judged from the engine's loss once a truncated run has 300 steps. Only a
  // cut every FEW_STEPS or fewer, and shorter than the window, tests the question: a cut at or
  // beyond the window's length cuts nothing, and the run is full BPTT under another name.
  const TRUNCATED_STEPS = 300;
  const FEW_STEPS = 10;
  const cutsFew = (n) => n > 0 && n <= FEW_STEPS && n < opts.sequenceLength;
  let truncatedRun = cutsFew(opts.truncation); // every step since the last restart was cut this short
  const prediction = createPrediction(ctx, {
    id: 'rnn-truncated-bptt',
    question: t('recurrent-sequence.predict.question', { steps: TRUNCATED_STEPS }),
    choices: ['below', 'above'].map((id) => [id, t(`recurrent-sequence.predict.${id}`)]),
    onCommit: () => { runShown = false; awayNoted = ''; },
    // Changed part-way through a short-cut run, the box has had its loss on screen.
    progress: () => runShown,
    next: () => (away().length
      ? t('recurrent-sequence.predict.nextAway', { steps: TRUNCATED_STEPS, restore: away().map((k) => restoreStep[k]()) })
      : t('recurrent-sequence.predict.next', { steps: TRUNCATED_STEPS })),
  });
  let runShown = false; // steps of a short-cut run have been on screen since the prediction was locked
  let awayNoted = '';   // the note last shown about settings away from the question's
  // The question names only the truncation, but its answer (and the lesson's reveal) is for the
  // lesson's other settings, the schema's defaults: with noise s = 0.5 the targets alone carry a
  // variance of 0.25, at η ≈ 0.0005 or with 1 hidden unit the net is still above 0.01 after 300
  // steps, whatever the truncation. Only there is a run judged; elsewhere the box names what
  // differs. Either cell is the question's. Compared as the controls show them.
  const LESSON = ['wave', 'noise', 'learningRate', 'hiddenSize', 'sequenceLength', 'seed'];
  const shown = {
    wave: (v) => t(`recurrent-sequence.wave.${v}`),
    noise: (v) => formatNumber(v, 2),
    learningRate: (v) => formatShort(v, 2),
    hiddenSize: (v) => formatNumber(v, 0),
    sequenceLength: (v) => formatNumber(v, 0),
    seed: (v) => String(v),
  };
  const lessonShown = (k) => shown[k](schema[k].default);
  const away = () => LESSON.filter((k) => shown[k](opts[k]) !== lessonShown(k));
  const restoreStep = Object.fromEntries(LESSON.map((k) => [k, () => t(`recurrent-sequence.predict.restore.${k}`, { judged: lessonShown(k), now: shown[k](opts[k]) })]));
  // η is applied in place: a run trained part of the way at another rate is not the question's
  // either, even once the slider is back. Every other setting starts the net again.
  let strayedRun = false;
  function judgeTruncated() {
    if (net.steps() === 0 || !view) return;
    const differs = away();
    const elsewhere = differs.length > 0 || strayedRun;
    if (prediction.pending !== null && elsewhere) {
      const text = differs.length
        ? t('recurrent-sequence.predict.elsewhere', { noise: lessonShown('noise'), rate: lessonShown('learningRate'), units: lessonShown('hiddenSize'), length: lessonShown('sequenceLength'), steps: TRUNCATED_STEPS, restore: differs.map((k) => restoreStep[k]()) })
        : t('recurrent-sequence.predict.strayed', { rate: lessonShown('learningRate'), steps: TRUNCATED_STEPS });
      if (text !== awayNoted) { prediction.note(text); awayNoted = text; }
    }
    // The loss of a short-cut run is on screen from its first steps, and with a cut every 5 it is
    // already below 0.01 after 100 (0.0069): a prediction locked part-way could copy it. At other
    // settings the run is a glimpse (a later prediction is practice, the lesson's text stays closed).
    if (truncatedRun && prediction.pending === null) {
      if (elsewhere) prediction.outcomeGlimpsed(t('recurrent-sequence.predict.glimpsed'));
      else prediction.outcomeSeen(t('recurrent-sequence.predict.seen'));
      return;
    }
    if (truncatedRun) runShown = true;
    if (net.steps() < TRUNCATED_STEPS || elsewhere) return;
    if (!truncatedRun) {
      if (prediction.pending !== null) prediction.note(t('recurrent-sequence.predict.notTested', { few: FEW_STEPS, steps: TRUNCATED_STEPS }));
      return;
    }
    const below = view.loss < 0.01;
    prediction.settle(below ? 'below' : 'above', t('recurrent-sequence.predict.why', { truncation: opts.truncation, steps: formatNumber(net.steps(), 0), loss: formatNumber(view.loss, 4), below }));
  }

  // ---- the time cursor: pointer or arrow keys on the signal plot ----
  const drag = attachDrag(signal, {
    touchAction: 'pan-y',
    move: (pos) => setCursor(Math.round(pos.x)),
    key: (dx) => { if (!dx) return false; setCursor((cursor ?? WARMUP) + dx); return true; },
    escape: () => { cursor = null; describe(); requestDraw(draw); },
    onFocusChange: () => requestDraw(draw),
  });

  function setCursor(step) {
    if (!view) return;
    cursor = Math.max(1, Math.min(SERIES_LENGTH - 1, step));
    const H = view.run.hiddenSize;
    const h = Array.from(view.run.hidden.subarray((cursor - 1) * H, cursor * H), (v) => formatNumber(v, 2));
    const free = cursor >= WARMUP ? t('recurrent-sequence.cursor.free', { value: formatNumber(view.forecast[cursor - WARMUP], 3) }) : '';
    card.setMessage(t('recurrent-sequence.cursor', { step: cursor, signal: formatNumber(series[cursor], 3), prediction: formatNumber(view.run.predictions[cursor - 1], 3), free, before: cursor - 1, hidden: h.join(', ') }), 'info');
    requestDraw(draw);
  }

  // ---- model ----
  function rebuild(text) {
    const ok = attempt(card, () => {
      series = makeSeries(ml, opts);
      configureNet(net, opts, series);
      net.setTracing(false); // the widget keeps its own loss history (train() below)
      history = { steps: [], values: [] };
      truncatedRun = cutsFew(opts.truncation);
      strayedRun = false;
      flows = initialFlows(ml, opts, series);
      return true;
    }, false);
    if (ok) compute();
    if (ok && text) card.setMessage(text, 'info');
  }

  // Settings that keep the weights (η, truncation) are applied in place; the rest restart, except
  // the forget bias while the plain RNN, which has no forget gate, is shown.
  function change(patch) {
    play.stop();
    opts = { ...opts, ...patch };
    const keys = Object.keys(patch);
    if (keys.every((k) => k === 'learningRate' || k === 'truncation')) {
      attempt(card, () => { net.setLearningRate(opts.learningRate); net.setTruncation(opts.truncation); });
      truncatedRun = cutsFew(opts.truncation) && (truncatedRun || net.steps() === 0);
      card.setMessage(patch.truncation !== undefined
        ? (opts.truncation ? t('recurrent-sequence.truncated', { truncation: opts.truncation }) : t('recurrent-sequence.fullBptt'))
        : t('recurrent-sequence.rateChanged', { rate: formatShort(opts.learningRate, 2) }), 'info');
      compute();
      return;
    }
    // A plain RNN has no forget gate: the RNN keeps its training, and only the freshly initialised
    // LSTM's curve in the gradient view (which the bias does change) is drawn again.
    if (keys.every((k) => k === 'forgetBias') && opts.cell === 'rnn') {
      attempt(card, () => { flows = initialFlows(ml, opts, series); });
      compute();
      card.setMessage(t('recurrent-sequence.forgetBiasLstmOnly', { bias: formatNumber(opts.forgetBias, 1) }), 'info');
      return;
    }
    const what = keys.includes('cell') ? t('recurrent-sequence.freshCell', { cell: cellName() }) : t('recurrent-sequence.newSettings');
    rebuild(what);
  }

  // The loss curve gets a point every RECORD_EVERY steps (and wherever training stops): the
  // whole-series loss costs a pass over all 240 values, more than a training step itself.
  function train(n, { quiet = false } = {}) {
    if (shown.learningRate(opts.learningRate) !== lessonShown('learningRate')) strayedRun = true;
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
      const run = keepRun(net.seriesRun());
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

  // The series run's arrays are views of engine memory, valid until the next engine call: the
  // predictions and hidden states the pictures read are copied into two arrays kept across
  // frames (a fresh array per frame is what the view spares).
  const kept = { predictions: new Float64Array(0), hidden: new Float64Array(0) };
  function keepRun(run) {
    for (const name of ['predictions', 'hidden']) {
      if (kept[name].length !== run[name].length) kept[name] = new Float64Array(run[name].length);
      kept[name].set(run[name]);
    }
    return { steps: run.steps, hiddenSize: run.hiddenSize, predictions: kept.predictions, hidden: kept.hidden };
  }

  function describe() {
    if (!view) return;
    if (net.status() === 'diverged') { card.setMessage(t('recurrent-sequence.diverged'), 'bad'); return; }
    const name = cellName();
    const steps = net.steps();
    if (steps === 0) { card.setMessage(t('recurrent-sequence.untrained', { cell: name }), 'info'); return; }
    const follows = followsWave(view.mse);
    const verdict = follows ? t('recurrent-sequence.verdict.follows') : t('recurrent-sequence.verdict.drifts');
    card.setMessage(t('recurrent-sequence.progress', { steps: formatNumber(steps, 0), loss: formatNumber(view.loss, 4), warmup: WARMUP, verdict, error: formatNumber(view.mse, 3), clipped: net.lastClipped() }), follows ? 'ok' : 'info');
  }

  function render() {
    if (!view) return;
    const T = opts.sequenceLength;
    statSteps.set(formatNumber(net.steps(), 0));
    statLoss.set(formatNumber(view.loss, 4));
    statForecast.set(formatNumber(view.mse, 3));
    statGrad.set(net.steps() ? formatShort(net.lastGradientNorm(), 3) : '–');
    const own = view.own ? view.own[T - 1] : NaN;
    statFlow.set(Number.isFinite(own) ? relativeGradient(own) : '–');
    signal.canvas.setAttribute('aria-label', t('recurrent-sequence.signalFigure', { length: SERIES_LENGTH, cell: cellName(), steps: net.steps(), loss: formatNumber(view.loss, 4), error: formatNumber(view.mse, 3) }));
    strip.canvas.setAttribute('aria-label', t('recurrent-sequence.stripFigure', { units: view.run.hiddenSize, steps: SERIES_LENGTH - 1 }));
    lossPlot.canvas.setAttribute('aria-label', t('recurrent-sequence.lossFigure', { from: formatNumber(history.values[0], 4), to: formatNumber(view.loss, 4), steps: net.steps() }));
    const at = (f) => (f ? relativeGradient(f[T - 1]) : '–');
    flowPlot.canvas.setAttribute('aria-label', t('recurrent-sequence.flowFigure', { back: T - 1, rnn: at(flows && flows.rnn), lstm: at(flows && flows.lstm), own: at(view.own) }));
    renderTable();
    requestDraw(draw);
  }

  // A gradient relative to the last step's, written one way in the table, the readout and the
  // picture's label: three significant digits each, zeros kept ("1.00 × 10⁻⁴" beside
  // "4.98 × 10⁻⁴", never "1 × 10⁻⁴"), so the readout quotes the table's last row exactly.
  function relativeGradient(v) { return formatSignificant(v, 3); }

  function renderTable() {
    const T = opts.sequenceLength;
    const ks = [];
    for (let k = 0; k < T; k += 10) ks.push(k);
    if (ks[ks.length - 1] !== T - 1) ks.push(T - 1);
    const cell = (f, k) => el('td', { text: f ? relativeGradient(f[k]) : '–' });
    const table = el('table', { className: 'dw-table', 'aria-labelledby': flowCaption.id }, [
      el('thead', {}, [el('tr', {}, [t('recurrent-sequence.flowTable.k'), t('recurrent-sequence.cellName.rnn'), t('recurrent-sequence.cellName.lstm'), t('recurrent-sequence.flowTable.own', { cell: cellName() })].map((h) => el('th', { scope: 'col', text: h })))]),
      el('tbody', {}, ks.map((k) => el('tr', {}, [el('td', { text: String(k) }), cell(flows && flows.rnn, k), cell(flows && flows.lstm, k), cell(view.own, k)]))),
    ]);
    const every = [WARMUP, WARMUP + 20, WARMUP + 40, SERIES_LENGTH - 1];
    const preds = el('table', { className: 'dw-table', 'aria-labelledby': predsCaption.id }, [
      el('thead', {}, [el('tr', {}, ['step', 'signal', 'oneStep', 'free'].map((c) => t(`recurrent-sequence.predsTable.${c}`)).map((h) => el('th', { scope: 'col', text: h })))]),
      el('tbody', {}, every.map((i) => el('tr', {}, [el('td', { text: String(i) }), el('td', { text: formatNumber(series[i], 3) }), el('td', { text: formatNumber(view.run.predictions[i - 1], 3) }), el('td', { text: formatNumber(view.forecast[i - WARMUP], 3) })]))),
    ]);
    flowWrap.replace(table);
    predsWrap.replace(preds);
    seriesLoss.textContent = t('recurrent-sequence.seriesLoss', { loss: formatNumber(view.loss, 4), steps: net.steps() });
  }

  function draw() {
    if (!view) return;
    const th = signal.theme;
    const n = SERIES_LENGTH;
    // Signal and predictions.
    let lo = -1.2;
    let hi = 1.2;
    for (const v of series) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    signal.setDomain(0, n - 1, lo - 0.1, hi + 0.1);
    signal.begin();
    signal.axes({ xLabel: t('recurrent-sequence.axis.time'), yLabel: t('recurrent-sequence.axis.x'), xTicks: 6, yTicks: 4 });
    signal.clipToArea((c) => {
      const xs = Array.from({ length: n }, (_, i) => i);
      signal.path(xs, Array.from(series), { color: th.truth, dash: [5, 4], width: 1.5 });
      signal.segment(WARMUP, lo - 1, WARMUP, hi + 1, { color: th.gridLine, width: 1, dash: [2, 3] });
      signal.path(xs.slice(1), Array.from(view.run.predictions), { color: th.model, width: 2 });
      signal.path(xs.slice(WARMUP), Array.from(view.forecast), { color: th.class1, width: 2.5 });
      c.fillStyle = th.textMuted;
      c.font = `11px ${th.font}`;
      c.textAlign = 'left'; c.textBaseline = 'top';
      c.fillText(t('recurrent-sequence.freeMark'), signal.px(WARMUP) + 4, signal.margin.top + 2);
      if (cursor !== null) {
        signal.segment(cursor, lo - 1, cursor, hi + 1, { color: th.accent, width: drag.keyboardFocused ? 2 : 1.5 });
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
    if (cursor !== null) strip.segment(cursor - 0.5, 0, cursor - 0.5, H, { color: th.accent, width: 1.5 });
    strip.ctx.save();
    strip.ctx.fillStyle = th.textMuted; strip.ctx.font = `11px ${th.font}`; strip.ctx.textAlign = 'left'; strip.ctx.textBaseline = 'top';
    strip.ctx.fillText(t('recurrent-sequence.axis.unit'), 2, 0);
    strip.ctx.restore();
    // Loss curve, log scale.
    const ls = history.steps;
    const lv = history.values.map(log10);
    const lmin = Math.min(...lv);
    const lmax = Math.max(...lv);
    lossPlot.setDomain(0, Math.max(10, ls[ls.length - 1] || 0), Math.floor(lmin - 0.2), Math.ceil(lmax + 0.1));
    lossPlot.begin();
    lossPlot.axes({ xLabel: t('recurrent-sequence.axis.step'), yLabel: t('recurrent-sequence.axis.loss'), xTicks: 5, yTicks: 4 });
    lossPlot.clipToArea(() => lossPlot.path(ls, lv, { color: th.loss, width: 2 }));
    // Gradient view.
    const T = opts.sequenceLength;
    const curves = [[flows && flows.rnn, th.class0, []], [flows && flows.lstm, th.class1, []], [view.own, th.model, [6, 4]]];
    let fmin = 0;
    for (const [f] of curves) if (f) for (const v of f) fmin = Math.min(fmin, log10(v));
    flowPlot.setDomain(0, T - 1, Math.floor(fmin) - 0.5, 0.5);
    flowPlot.begin();
    flowPlot.axes({ xLabel: t('recurrent-sequence.axis.back'), yLabel: t('recurrent-sequence.axis.gradient'), xTicks: 6, yTicks: 5 });
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
