// Training tricks, side by side: the same deep ReLU net (the engine's DeepNet) trained twice on
// the same points, with one trick off (left) and on (right) — initialisation (small weights vs
// He), batch normalisation (small weights without vs with it), a learning-rate schedule (constant
// too-large η vs cosine) or gradient clipping (large weights without vs with it). Each net's
// decision map, both loss curves, and per layer the spread s of the activations (or the size of
// the weight gradients) on a log scale. A predict-then-check box asks how the left net will end.
// Settings and the pairs are in training-tricks/model.js, which the lesson's claims test imports.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot, yLabelTop } from '../lib/plot.js';
import { button, buttonRow, el, select, slider } from '../lib/ui.js';
import { drawHeatmap, probabilityRgb } from '../lib/heatmap.js';
import { formatNumber, formatPercent, formatShort } from '../lib/format.js';
import { yGrid } from '../lib/ticks.js';
import { watchColorScheme } from '../lib/theme.js';
import { createPrediction } from '../lib/predict.js';
import { runInSlices } from '../lib/slices.js';
import { schema, TRICKS, DATASETS, OUTCOMES, createNet, outcome, ending, shownGap, stalled } from './training-tricks/model.js';
import { messages } from './training-tricks/messages.js';

export { schema };

const GRID = 36;               // decision-map cells per side
const PER_FRAME = 10;          // updates per net per animation frame
const RUN_VIEW_MS = 250;        // while Run to the end runs, the maps and curves follow this often
const LAYER_EVERY = 4;         // while playing, the layer chart is re-read every 4th frame
const LOG_MIN = -12;           // the layer chart's floor, 10⁻¹²
const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
const powerOfTen = (p) => `10${[...formatNumber(p, 0)].map((ch) => SUPERSCRIPT[ch] ?? ch).join('')}`;
const SIDES = ['off', 'on'];

export const meta = { title: messages['training-tricks.title'], hint: messages['training-tricks.hint'] };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, stateChanged, t } = ctx;
  const pairLabel = (side) => t(`training-tricks.pair.${opts.trick}.${side}`);
  let opts = { ...options };
  const nets = { off: null, on: null };
  const view = { off: null, on: null };   // what draw() needs, read from the engine in refresh()
  let points = null;
  let labels = null;
  let domain = null;
  let layerView = 'spread';
  let frames = 0;                         // frames advanced (paces the layer-chart refresh)
  let committedAt = null;                 // the trick and settings a prediction was locked for
  let running = null;                     // Run to the end while its updates run (runInSlices)

  // ---- layout: two decision maps, then the loss curves and the layer chart ----
  const maps = el('div', { className: 'dw-row' });
  card.stage.append(maps);
  const heads = {};
  const plots = {};
  for (const side of SIDES) {
    // In the page before the Plot is made: the Plot reads its theme colours from its parent.
    const col = el('div', { className: 'dw-col' });
    maps.append(col);
    heads[side] = el('p', { className: 'dw-legend' });
    col.append(heads[side]);
    plots[side] = ctx.own(new Plot(col, { aspect: 1, minHeight: 200, maxHeight: 340, label: t(`training-tricks.plot.map.${side}`), onResize: () => ctx.requestDraw(draw) }));
  }
  const charts = el('div', { className: 'dw-row' });
  card.stage.append(charts);
  const lossCol = el('div', { className: 'dw-col' });
  const layerCol = el('div', { className: 'dw-col' });
  charts.append(lossCol, layerCol);
  lossCol.append(el('p', { className: 'dw-legend', text: t('training-tricks.legend.loss') }));
  const lossPlot = ctx.own(new Plot(lossCol, { aspect: 0.6, minHeight: 170, maxHeight: 260, label: t('training-tricks.plot.loss'), onResize: () => ctx.requestDraw(draw) }));
  lossPlot.margin.right = 20;   // room for the last update's tick label
  const layerCaption = el('p', { className: 'dw-legend' });
  layerCol.append(layerCaption);
  const layerPlot = ctx.own(new Plot(layerCol, { aspect: 0.6, minHeight: 170, maxHeight: 260, label: t('training-tricks.plot.layers'), onResize: () => ctx.requestDraw(draw) }));
  layerPlot.margin.top = 24;    // room for the axis name above the top label
  const described = el('p', { className: 'dw-sr-only' });
  card.stage.append(described);

  // ---- controls ----
  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    start: () => { stopRun(); if (atEnd()) restart(); },
    reduced: () => runToEnd(), // in slices, as Run to the end: the whole run at once held the page for seconds on a slow phone
    tick: () => advance(PER_FRAME),
    // Paused mid-run: read the layer statistics the last frames skipped (not while the widget
    // is being taken down, when the nets are already deleted).
    onStop: () => { if (SIDES.every((side) => nets[side] && !nets[side].isDeleted())) refresh(); },
  });
  button(buttons, t('training-tricks.step'), () => { play.stop(); stopRun(); advance(PER_FRAME); }, { title: t('training-tricks.stepTitle') });
  const runButton = button(buttons, t('training-tricks.runToEnd'), () => { if (running) return; play.stop(); runToEnd(); });
  button(buttons, t('training-tricks.reset'), () => { play.stop(); restart(); });
  const trickSelect = select(card.controls, { label: t('training-tricks.select.trick'), options: TRICKS.map((id) => [id, t(`training-tricks.trick.${id}`)]), value: opts.trick, onChange: (v) => { opts.trick = v; settingsChanged(); } });
  const dataSelect = select(card.controls, { label: t('training-tricks.select.dataset'), options: DATASETS.map((d) => [d, t(`training-tricks.dataset.${d}`)]), value: opts.dataset, onChange: (v) => { opts.dataset = v; settingsChanged(); } });
  const layerSlider = slider(card.controls, { label: t('training-tricks.slider.layers'), min: 1, max: 10, step: 1, value: opts.layers, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.layers = v; settingsChanged(); } });
  const viewSelect = select(card.controls, { label: t('training-tricks.select.view'), options: ['spread', 'gradient'].map((id) => [id, t(`training-tricks.view.${id}`)]), value: layerView, onChange: (v) => { layerView = v; refresh(); } });

  const stats = {
    step: card.stat(t('training-tricks.stat.step')),
    eta: card.stat(t('training-tricks.stat.eta')),
    lossOff: card.stat(t('training-tricks.stat.lossOff')),
    lossOn: card.stat(t('training-tricks.stat.lossOn')),
    accOff: card.stat(t('training-tricks.stat.accOff')),
    accOn: card.stat(t('training-tricks.stat.accOn')),
  };

  // ---- predict, then check ----
  const prediction = createPrediction(ctx, {
    id: 'training-tricks-left-net',
    question: t('training-tricks.predict.question'),
    choices: OUTCOMES.map((id) => [id, t(`training-tricks.predict.${id}`)]),
    ready: () => (nets.off && nets.off.steps() === 0 ? null : t('training-tricks.predict.notReady')),
    onCommit: () => { committedAt = key(); runShown = false; },
    // Unlocked part-way through a run (Change my prediction, or a setting changed), the box has had
    // both loss curves heading somewhere on screen: a prediction locked again could follow them.
    progress: () => runShown,
    next: t('training-tricks.predict.next'),
  });
  let runShown = false; // updates of a run have been on screen since the prediction was locked
  function key() { return `${opts.trick}|${opts.dataset}|${opts.layers}|${opts.width}|${opts.updates}|${opts.seed}`; }

  // A net is done at the end of the run or once it has diverged (the engine stops it there); the
  // run has ended when both are done. runSteps() is how far the run has got: the steps of the net
  // that is still going.
  function done(net) { return net.status() === 'diverged' || net.steps() >= opts.updates; }
  function atEnd() { return !nets.on || SIDES.every((side) => done(nets[side])); }
  function runSteps() { return Math.max(...SIDES.map((side) => nets[side].steps())); }

  function settingsChanged() {
    play.stop();
    stopRun();
    syncControls();
    restart();
    stateChanged();
  }

  function syncControls() {
    trickSelect.value = opts.trick;
    dataSelect.value = opts.dataset;
    layerSlider.set(opts.layers);
  }

  function restart() {
    stopRun();
    const next = attempt(card, () => {
      const made = {};
      try {
        for (const side of SIDES) made[side] = createNet(ml, opts, side);
      } catch (err) {
        for (const net of Object.values(made)) net.delete();
        throw err;
      }
      return made;
    }, null);
    if (!next) return;
    for (const side of SIDES) {
      nets[side] = ctx.free(nets[side]);
      nets[side] = ctx.own(next[side]);
    }
    points = nets.on.points();
    labels = nets.on.labels();
    domain = squareDomain(points);
    if (prediction.pending !== null && committedAt !== key()) {
      prediction.reset(t('training-tricks.predict.settingsChanged'));
      committedAt = null;
    }
    card.setMessage(t('training-tricks.start', { updates: opts.updates, off: pairLabel('off'), on: pairLabel('on') }), 'info');
    refresh();
  }

  function advance(k) {
    if (!fit(k)) return false;
    // The layer statistics cost a pass over all points forwards and backwards per net: while
    // playing they are refreshed every LAYER_EVERY frames, and always at the end of a run.
    frames += 1;
    shown({ layers: !play.playing || frames % LAYER_EVERY === 0 || atEnd() });
    return !atEnd();
  }

  // Up to k more updates of each net still going; false when none was made.
  function fit(k) {
    if (!nets.on) return false;
    if (atEnd()) return false;
    const left = opts.updates - runSteps();
    const n = Math.min(k, left);
    return attempt(card, () => {
      for (const side of SIDES) if (nets[side].status() !== 'diverged') nets[side].fit(n);
      return true;
    }, false);
  }

  // Updates are on screen: readouts and drawing, and at the end of the run its verdict.
  function shown(refreshed) {
    // Both loss curves are on screen from the first update: a prediction locked after that (the
    // box asks for a Reset first) could copy where the left one is heading.
    if (prediction.pending === null) prediction.outcomeSeen(t('training-tricks.predict.seen'));
    else runShown = true;
    refresh(refreshed);
    if (atEnd()) finish();
  }

  // Run to the end: the remaining updates run in short slices between tasks (web/lib/slices.js),
  // so the page stays live; in one go they held a slow phone for seconds with nothing on screen.
  // The button says how far the run has got and ignores presses until it ends; the maps and loss
  // curves follow every RUN_VIEW_MS (drawn every frame, they took most of a slow phone's time and
  // the run several times longer than in one go), and the run is judged (finish) only once it has
  // ended. fit(1) over
  // and over makes the same updates as fit(n): the numbers are those of one go.
  function runToEnd() {
    if (running || atEnd()) return;
    let viewed = -Infinity; // the first slice's updates are on screen at once
    running = runInSlices(ctx, {
      ms: 30,
      step: () => fit(1) && !atEnd(),
      progress: () => {
        if (performance.now() - viewed < RUN_VIEW_MS) return;
        viewed = performance.now();
        ctx.requestDraw(showRunProgress);
      },
      done: () => { running = null; showRun(); shown(); },
    });
    showRun();
  }
  function showRunProgress() {
    if (!running) return;
    showRun();
    shown({ layers: false });
  }

  // Stops a run part-way (Reset, Step, Play, a setting changed): what it has trained stays.
  function stopRun() {
    if (!running) return;
    running.stop();
    running = null;
    showRun();
    if (SIDES.every((side) => nets[side] && !nets[side].isDeleted())) refresh();
  }

  function showRun() {
    if (running) {
      runButton.textContent = t('training-tricks.running', { step: formatNumber(runSteps(), 0), updates: formatNumber(opts.updates, 0) });
      runButton.setAttribute('aria-disabled', 'true');
    } else {
      runButton.textContent = t('training-tricks.runToEnd');
      runButton.removeAttribute('aria-disabled');
    }
  }

  function finish() {
    const { off, on } = view;
    const result = outcome(off.loss, on.loss);
    const end = ending(off.loss, on.loss);
    const loss = (v) => formatNumber(v.loss, 3);
    let why;
    if (!off.alive && !on.alive) why = t('training-tricks.why.bothDiverged', { offStep: formatNumber(off.steps, 0), onStep: formatNumber(on.steps, 0) });
    else if (!off.alive) why = t('training-tricks.why.offDiverged', { on: loss(on), step: formatNumber(off.steps, 0) });
    else if (!on.alive) why = t('training-tricks.why.onDiverged', { off: loss(off), step: formatNumber(on.steps, 0), ended: t(`training-tricks.ended.${end}`) });
    else why = t('training-tricks.why', { off: loss(off), on: loss(on), ended: t(`training-tricks.ended.${end}`) });
    if (prediction.pending !== null && committedAt === key()) {
      prediction.settle(result, why);
      committedAt = null;
    }
    card.setMessage(t('training-tricks.finish', { why, explain: explain(end) }), 'ok');
  }

  // Why the run ended as it did, for the trick and the ending (model.js ending()): each text is
  // true of the numbers it follows.
  function explain(end) {
    if (end === 'bothStalled') return t('training-tricks.explain.bothStalled');
    if (end === 'bothDiverged') return `${t('training-tricks.explain.diverge')} ${t('training-tricks.explain.onDiverged')}`;
    if (end === 'diverge') return opts.trick === 'clipping' ? t('training-tricks.explain.clipping.diverge') : t('training-tricks.explain.diverge');
    if (!view.on.alive) return t('training-tricks.explain.onDiverged');
    const trained = end !== 'stall';
    // 'worse' (more than 0.05 above the right, model.js outcome()): the weights held the left net
    // back, by the gap shown; 'same' and 'better': they did not stop it.
    const gap = formatNumber(shownGap(view.off.loss, view.on.loss), 3);
    switch (opts.trick) {
      case 'init': return end === 'worse' ? t('training-tricks.explain.init.worse', { gap }) : trained ? t('training-tricks.explain.smallWeightsFine') : t('training-tricks.explain.init.stall');
      case 'batchnorm': return end === 'worse' ? t('training-tricks.explain.batchnorm.worse', { gap }) : trained ? t('training-tricks.explain.smallWeightsFine') : t('training-tricks.explain.batchnorm.stall');
      case 'schedule': return t(`training-tricks.explain.schedule.${end}`);
      default: {
        if (end === 'worse') return t('training-tricks.explain.clipping.worse', { gap });
        if (trained) return t('training-tricks.explain.largeWeightsFine');
        // The left net's weight gradients at the end: all exactly zero, some, or none.
        const zero = [...view.off.layers.gradientNorm].filter((g) => g === 0).length;
        if (zero === view.off.layers.gradientNorm.length) return t('training-tricks.explain.clipping.stall');
        return zero > 0 ? t('training-tricks.explain.clipping.stallSome') : t('training-tricks.explain.clipping.stallOther');
      }
    }
  }

  // Everything draw() needs, copied out of the engine. The loss and accuracy are the last row of
  // the net's training trace, which every update already records (step, loss, accuracy, eta,
  // grad_norm): reading them there saves two forward passes over all points per net per frame.
  function refresh({ layers = true } = {}) {
    for (const side of SIDES) {
      const net = nets[side];
      if (!net) return;
      const alive = net.status() !== 'diverged';
      const trace = ml.trace(net);
      const last = trace.rows ? trace.row(trace.rows - 1) : { loss: NaN, accuracy: NaN };
      view[side] = {
        alive,
        steps: net.steps(),
        loss: alive ? last.loss : NaN,
        accuracy: alive ? last.accuracy : NaN,
        trace: trace.column('loss'),
        grid: alive ? net.probabilityGrid(domain.x0, domain.x1, domain.y0, domain.y1, GRID, GRID) : null,
        layers: !alive ? null : layers || !view[side] || !view[side].layers ? net.layerStatistics() : view[side].layers,
        eta: net.currentRate(),
      };
    }
    const { off, on } = view;
    stats.step.set(t('training-tricks.stepOf', { step: formatNumber(Math.max(off.steps, on.steps), 0), updates: formatNumber(opts.updates, 0) }));
    stats.eta.set(formatShort(on.eta, 3));
    stats.lossOff.set(off.alive ? formatNumber(off.loss, 3) : t('training-tricks.diverged'));
    stats.lossOn.set(on.alive ? formatNumber(on.loss, 3) : t('training-tricks.diverged'));
    stats.accOff.set(off.alive ? formatPercent(off.accuracy, 0) : '–');
    stats.accOn.set(on.alive ? formatPercent(on.accuracy, 0) : '–');
    heads.off.textContent = t('training-tricks.head.off', { label: pairLabel('off') });
    heads.on.textContent = t('training-tricks.head.on', { label: pairLabel('on') });
    layerCaption.textContent = t(`training-tricks.caption.${layerView}`);
    const text = describe();
    described.textContent = text;
    for (const side of SIDES) plots[side].canvas.setAttribute('aria-label', t('training-tricks.mapFigure', { side: t(`training-tricks.side.${side}`), label: pairLabel(side), loss: view[side].alive ? formatNumber(view[side].loss, 3) : t('training-tricks.diverged'), accuracy: view[side].alive ? formatPercent(view[side].accuracy, 0) : t('training-tricks.none') }));
    lossPlot.canvas.setAttribute('aria-label', t('training-tricks.lossFigure', { steps: Math.max(off.steps, on.steps), off: off.alive ? formatNumber(off.loss, 3) : t('training-tricks.diverged'), on: on.alive ? formatNumber(on.loss, 3) : t('training-tricks.diverged') }));
    layerPlot.canvas.setAttribute('aria-label', layerText());
    ctx.requestDraw(draw);
  }

  function series(side) {
    const s = view[side].layers;
    if (!s) return [];
    return [...(layerView === 'spread' ? s.deviation : s.gradientNorm)];
  }

  function layerText() {
    const list = (side) => series(side).map((v, i) => t('training-tricks.layerItem', { layer: i + 1, value: formatShort(v, 2) })).join(', ');
    return t('training-tricks.layerFigure', { name: t(`training-tricks.layerName.${layerView}`), off: list('off') || t('training-tricks.none'), on: list('on') || t('training-tricks.none') });
  }

  function describe() {
    const { off, on } = view;
    // "Stalled" is the lesson's verdict on how a run ends, so it is given only once the run has ended.
    const state = (v) => (!v.alive ? t('training-tricks.diverged') : t('training-tricks.state', { loss: formatNumber(v.loss, 3), stalled: atEnd() && stalled(v.loss) ? t('training-tricks.stalled') : '', accuracy: formatPercent(v.accuracy, 0) }));
    return t('training-tricks.describe', { trick: t(`training-tricks.trick.${opts.trick}`), dataset: t(`training-tricks.dataset.${opts.dataset}`), layers: opts.layers, steps: Math.max(off.steps, on.steps), offLabel: pairLabel('off'), off: state(off), onLabel: pairLabel('on'), on: state(on) });
  }

  // ---- drawing ----
  function draw() {
    if (!view.on) return;
    for (const side of SIDES) drawMap(side);
    drawLosses();
    drawLayers();
  }

  function drawMap(side) {
    const plot = plots[side];
    const v = view[side];
    plot.setDomain(domain.x0, domain.x1, domain.y0, domain.y1);
    plot.begin();
    if (v.grid) drawHeatmap(plot, v.grid, GRID, GRID, probabilityRgb(plot.theme, { strength: 0.7 }), { smooth: true });
    plot.axes({ xLabel: t('training-tricks.axis.x'), yLabel: t('training-tricks.axis.y'), xTicks: 4, yTicks: 4 });
    plot.clipToArea(() => {
      for (let i = 0; i < labels.length; i++) plot.point(points[2 * i], points[2 * i + 1], labels[i] > 0.5 ? 1 : 0, { size: 2.6 });
    });
  }

  function drawLosses() {
    const th = lossPlot.theme;
    let top = 1;
    for (const side of SIDES) for (const v of view[side].trace) if (Number.isFinite(v)) top = Math.max(top, Math.min(v, 3));
    lossPlot.setDomain(0, opts.updates, 0, top * 1.05);
    lossPlot.begin();
    lossPlot.axes({ xLabel: t('training-tricks.axis.update'), yLabel: t('training-tricks.axis.loss'), yTicks: 4 });
    lossPlot.clipToArea(() => {
      lossPlot.segment(0, Math.log(2), opts.updates, Math.log(2), { color: th.truth, width: 1, dash: [2, 3] });
      const xs = (n) => Array.from({ length: n }, (_, i) => i);
      lossPlot.path(xs(view.off.trace.length), view.off.trace, { color: th.class0, width: 2, dash: [6, 3] });
      lossPlot.path(xs(view.on.trace.length), view.on.trace, { color: th.class1, width: 2 });
    });
  }

  function drawLayers() {
    const th = layerPlot.theme;
    const off = series('off');
    const on = series('on');
    const count = Math.max(off.length, on.length, 1);
    let hi = 1;
    for (const v of [...off, ...on]) if (v > 0 && Number.isFinite(v)) hi = Math.max(hi, Math.ceil(Math.log10(v)));
    const top = Math.min(12, 3 * Math.ceil(hi / 3));
    layerPlot.setDomain(0.5, count + 0.5, LOG_MIN, top);
    const c = layerPlot.begin();
    // One labelled line every three powers of ten (every power would crowd a short chart).
    const ticks = [];
    for (let p = LOG_MIN; p <= top; p += 3) ticks.push(p);
    yGrid(layerPlot, ticks, powerOfTen);
    c.save();
    c.font = `11px ${th.mono}`;
    c.fillStyle = th.textMuted;
    c.textAlign = 'center';
    c.textBaseline = 'top';
    for (let i = 1; i <= count; i++) c.fillText(formatNumber(i, 0), layerPlot.px(i), layerPlot.height - layerPlot.margin.bottom + 4);
    c.font = `12px ${th.font}`;
    c.textAlign = 'right';
    c.textBaseline = 'bottom';
    c.fillText(layerView === 'spread' ? t('training-tricks.axis.hiddenLayer') : t('training-tricks.axis.layer'), layerPlot.width - layerPlot.margin.right, layerPlot.height - 1);
    // Placed by its measured ink, as plot.js's axes() places a y label: from y = 0 the canvas
    // edge cuts whatever rises above the 'top' baseline (the bars of "‖∂L/∂W‖").
    c.textAlign = 'left';
    c.textBaseline = 'top';
    const yLabel = layerView === 'spread' ? t('training-tricks.axis.spread') : t('training-tricks.axis.gradient');
    c.fillText(yLabel, 4, yLabelTop(c, yLabel));
    c.restore();
    layerPlot.clipToArea(() => {
      const width = Math.max(2, (layerPlot.px(1) - layerPlot.px(0)) * 0.35);
      const bar = (i, v, dx, color, filled) => {
        if (!(v > 0) || !Number.isFinite(v)) return;
        const X = layerPlot.px(i + 1) + dx * width;
        const y = layerPlot.py(Math.max(LOG_MIN, Math.min(top, Math.log10(v))));
        const base = layerPlot.py(LOG_MIN);
        c.save();
        c.lineWidth = 1.5;
        c.strokeStyle = color;
        c.fillStyle = color;
        if (filled) c.fillRect(X - width / 2, y, width, base - y);
        else c.strokeRect(X - width / 2 + 0.75, y + 0.75, width - 1.5, base - y - 1.5);
        c.restore();
      };
      off.forEach((v, i) => bar(i, v, -0.55, th.class0, false));
      on.forEach((v, i) => bar(i, v, 0.55, th.class1, true));
    });
  }

  ctx.own(watchColorScheme(() => {
    for (const p of [plots.off, plots.on, lossPlot, layerPlot]) p.refreshTheme();
    ctx.requestDraw(draw);
  }));

  restart();

  return {
    update(next) {
      play.stop();
      opts = { ...next };
      syncControls();
      restart();
    },
    currentOptions() { return { ...opts }; },
  };
}

// A square region around the points with a tenth of their extent as margin.
function squareDomain(flat) {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < flat.length; i += 2) {
    x0 = Math.min(x0, flat[i]); x1 = Math.max(x1, flat[i]);
    y0 = Math.min(y0, flat[i + 1]); y1 = Math.max(y1, flat[i + 1]);
  }
  const half = 0.55 * Math.max(x1 - x0, y1 - y0, 1e-6);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  return { x0: cx - half, x1: cx + half, y0: cy - half, y1: cy + half };
}
