// The kernel trick at work (Frontier lesson): the engine's KernelSVM solves the soft-margin dual
// by SMO on circles, moons or XOR with an RBF, polynomial or linear kernel. The heat map is
// σ(f(x)) of the decision function f(x) = Σ αᵢyᵢK(xᵢ, x) + b, the boundary f = 0 is drawn
// solid and the margins f = ±1 dashed (from the engine's decision values on a grid), and the
// support vectors (αᵢ > 0) are ringed.
import { mountWidget, attempt } from '../lib/widget.js';
import { listenForTaps } from '../lib/drag.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, fixed, rungSlider, select, showOptions, slider } from '../lib/ui.js';
import { formatPercent, formatShort } from '../lib/format.js';
import { nearestRungValue } from '../lib/ladder.js';
import { C_STOPS, GAMMA_STOPS } from './kernel-svm/stops.js';
import { GridImage, cellCentre, drawGridImage, probabilityRgb } from '../lib/heatmap.js';
import { seedOption } from '../lib/schema.js';
import { DATASETS, boxAround, datasetOptions, loadDataset } from '../lib/datasets.js';
import { pointsCsv, pointsFromState, pointsState, showOwnPoints } from '../lib/points-csv.js';
import { legend } from '../lib/legend.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './kernel-svm.messages.js';

export const schema = {
  dataset: { type: 'enum', values: ['circles', 'moons', 'xor'], default: 'circles', description: 'Built-in data set.' },
  kernel: { type: 'enum', values: ['rbf', 'poly', 'linear'], default: 'rbf', description: 'Kernel function.' },
  gamma: { type: 'number', min: GAMMA_STOPS[0], max: GAMMA_STOPS.at(-1), default: 1, description: 'RBF kernel parameter γ in exp(−γ‖a−b‖²), an inverse width: a larger γ gives narrower bumps around each point (used at the nearest slider stop: 0.01, 0.012, 0.015, 0.02, … 100).' },
  degree: { type: 'int', min: 1, max: 8, default: 2, description: 'Polynomial degree.' },
  C: { type: 'number', min: C_STOPS[0], max: C_STOPS.at(-1), default: 1, description: 'Soft-margin penalty C (used at the nearest slider stop: 0.01, 0.012, 0.015, 0.02, … 1000).' },
  points: { type: 'int', min: 20, max: 300, default: 120, description: 'Number of training points.' },
  noise: { type: 'number', min: 0, max: 0.4, default: 0.1, description: 'Noise of the data generator.' },
  seed: seedOption(4, 'Seed for the data.'),
};

export const meta = { title: messages['kernel-svm.title'], hint: messages['kernel-svm.hint'] };

const GRID = 70;
const TOLERANCE = 1e-3; // the engine's default KKT tolerance (libsvm's)
const GAP_OK = 0.01;    // primal − dual within 1 % of the primal: "converged" in the lesson's sense
// γ and C as their readouts and every message write them: the stops are exact to two
// significant digits, so this is the value the engine trains with (0.05, 1, 50, 1000).
const formatStop = (v) => formatShort(v, 3);
// Options off the ladder (from a link or an embed) move to the nearest stop, as the readout shows.
function onStops(o) {
  return { ...o, gamma: nearestRungValue(GAMMA_STOPS, o.gamma, schema.gamma.default), C: nearestRungValue(C_STOPS, o.C, schema.C.default) };
}

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

// Own points from a CSV file: two classes (any two labels, mapped to 0 and 1 with a note).
export const CSV_RULES = { labels: 'class', maxClasses: 2, domain: [-1e4, 1e4], minPoints: 2, maxPoints: 600 };

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = onStops(options);
  const svm = ctx.own(new ml.KernelSVM());
  let data = null;
  let gridX = null;
  let heat = null; // the SVM's p(class 1) picture, painted into heatImage
  const heatImage = ctx.own(new GridImage());
  let fGrid = null;
  let probe = null;
  let imported = null; // { X, y, box } from a CSV file or a Share link, instead of a built-in set

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.8, minHeight: 260, maxHeight: 480, label: t('kernel-svm.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.canvas.tabIndex = 0;
  legend(card.stage, [
    { text: t('kernel-svm.legend.class0'), swatch: 'dw-swatch dw-swatch-class0' }, { text: t('kernel-svm.legend.class1'), swatch: 'dw-swatch dw-swatch-class1' }, { text: t('kernel-svm.legend.boundary'), swatch: 'dw-swatch dw-swatch-line-model' },
    { text: t('kernel-svm.legend.margins'), swatch: 'dw-swatch dw-swatch-truth' }, { text: t('kernel-svm.legend.support'), swatch: 'dw-swatch kernel-svm-swatch-ring' },
  ]);

  const row = buttonRow(card.controls);
  const play = ctx.player(row, {
    start: () => { restart(false); },
    reduced: () => { attempt(card, () => svm.fit(400)); refresh(); },
    everyFrames: 6,
    tick: () => advance(),
    quiet: true, // "training: n updates, violation …" about ten times a second
  });
  button(row, t('kernel-svm.step'), () => { play.stop(); advance(); });
  button(row, t('kernel-svm.reset'), () => { play.stop(); restart(); });
  const dataMenu = select(card.controls, { label: t('kernel-svm.select.data'), value: opts.dataset, options: datasetOptions(schema.dataset.values, t), onChange: (v) => { play.stop(); opts.dataset = v; imported = null; prediction.reset(t('kernel-svm.predict.newData')); loadData(); } });
  const kernelSelect = select(card.controls, { label: t('kernel-svm.select.kernel'), value: opts.kernel, options: ['rbf', 'poly', 'linear'].map((k) => [k, t(`kernel-svm.kernel.${k}`)]), onChange: (v) => { play.stop(); opts.kernel = v; restart(true); } });
  const sliders = {
    // γ and C move one stop of GAMMA_STOPS and C_STOPS per arrow press.
    gamma: rungSlider(card.controls, { label: t('kernel-svm.slider.gamma'), rungs: GAMMA_STOPS, value: opts.gamma, fallback: schema.gamma.default, format: formatStop, onInput: (v) => { play.stop(); opts.gamma = v; restart(true); } }),
    degree: slider(card.controls, { label: t('kernel-svm.slider.degree'), min: 1, max: 8, step: 1, value: opts.degree, format: String, onInput: (v) => { play.stop(); opts.degree = v; restart(true); } }),
    C: rungSlider(card.controls, { label: t('kernel-svm.slider.C'), rungs: C_STOPS, value: opts.C, fallback: schema.C.default, format: formatStop, onInput: (v) => { play.stop(); opts.C = v; restart(true); } }),
  };
  pointsCsv(ctx, card.controls, {
    filename: 'kernel-svm-points.csv', rules: CSV_RULES,
    get: () => ({ X: data.X, y: data.y }),
    set: (parsed) => { play.stop(); useImported(parsed); prediction.reset(t('kernel-svm.predict.newData')); loadData(); },
  });
  function useImported(parsed) {
    const b = boxAround(parsed.X, parsed.count);
    imported = { X: parsed.X, y: parsed.y, box: [b.x0, b.x1, b.y0, b.y1] };
  }
  const stat = { acc: card.stat(t('kernel-svm.stat.accuracy')), sv: card.stat(t('kernel-svm.stat.support')), updates: card.stat(t('kernel-svm.stat.updates')), gap: card.stat(t('kernel-svm.stat.gap')) };

  function domain() { return imported ? imported.box : DATASETS[opts.dataset].domain; }

  // Predict, then check: a wider, smoother RBF kernel (γ down to 0.05, a slider stop) needs fewer
  // support vectors, or more? Committed with the trained RBF machine, judged from
  // supportVectors() once the solver has converged at γ ≤ 0.05.
  const LOW_GAMMA = 0.05;
  // From γ = 0.1 down the widget's circles already show γ = 0.05's answer (all 120 points support
  // vectors), so a machine trained there with nothing committed has shown the outcome, and a
  // commit needs a γ above it.
  const SEEN_GAMMA = 0.1;
  // The experiment is the slide from the γ committed at down to 0.05, and every stop on the way
  // shows the count climbing (γ = 1: 37; 0.5: 53; 0.2: 101). So a converged machine at a γ below
  // the one a prediction is locked at is part of that slide: seen with nothing committed (then γ
  // raised again), or while committed before "Change my prediction", it makes the box practice.
  let lowestUncommitted = Infinity; // the smallest γ trained to convergence with nothing committed
  let lowestCommitted = Infinity;   // the smallest γ trained to convergence since the last commit
  let startSv = null;
  // The question, like the lesson's table and its reveal (all 120 points support vectors, 68.3 %
  // right), is about the RBF kernel on the built-in circles at C = 1. Elsewhere the slide is
  // another experiment (at C = 1 000, the lesson's previous try, the count stays at 10): it
  // neither takes a commit, nor settles one, nor shows the answer. C is compared as its readout
  // shows it (the slider's stops).
  const PREDICT_C = schema.C.default;
  const PREDICT_DATA = 'circles';
  function offSettings() {
    const off = {
      data: Boolean(imported) || opts.dataset !== PREDICT_DATA,
      kernel: opts.kernel !== 'rbf',
      C: formatStop(opts.C) === formatStop(PREDICT_C) ? '' : formatStop(opts.C),
    };
    return off.data || off.kernel || off.C ? off : null;
  }
  const prediction = createPrediction(ctx, {
    id: 'kernel-svm-small-gamma',
    question: t('kernel-svm.predict.question', { gamma: formatStop(LOW_GAMMA), C: formatStop(PREDICT_C) }),
    choices: ['fewer', 'same', 'more'].map((c) => [c, t(`kernel-svm.predict.${c}`)]),
    ready: () => {
      const off = offSettings();
      if (off) return t('kernel-svm.predict.offReady', { data: off.data, kernel: off.kernel, C: off.C, predictC: formatStop(PREDICT_C) });
      if (!(opts.gamma > SEEN_GAMMA && svm.status() === 'converged')) return t('kernel-svm.predict.ready', { gamma: formatStop(SEEN_GAMMA) });
      // Asked as the learner locks in: a lower γ's count seen with nothing committed is part of
      // the slide from here (a higher γ's is not, so looking at γ = 50 and coming back is fine).
      if (opts.gamma > lowestUncommitted) prediction.outcomeGlimpsed();
      return null;
    },
    onCommit: () => { startSv = { n: svm.supportVectors().length, gamma: opts.gamma }; lowestCommitted = opts.gamma; },
    // Changed part-way down the slide, the box has had the counts below the start on screen.
    onUnlock: () => {
      const lowest = lowestCommitted;
      const start = startSv ? startSv.gamma : Infinity;
      lowestCommitted = Infinity;
      if (lowest <= SEEN_GAMMA) prediction.outcomeSeen(t('kernel-svm.predict.seen', { gamma: formatStop(SEEN_GAMMA) }));
      else if (lowest < start) prediction.outcomeGlimpsed(t('kernel-svm.predict.glimpsed', { gamma: formatStop(lowest) }));
    },
    next: t('kernel-svm.predict.next', { gamma: formatStop(LOW_GAMMA) }),
  });
  function judgeSmallGamma() {
    if (svm.status() !== 'converged') return;
    const off = offSettings();
    if (off) {
      if (prediction.pending !== null && opts.gamma <= LOW_GAMMA) prediction.note(t('kernel-svm.predict.offRun', { data: off.data, kernel: off.kernel, C: off.C, predictC: formatStop(PREDICT_C), gamma: formatStop(opts.gamma) }));
      return;
    }
    if (prediction.pending === null) {
      lowestUncommitted = Math.min(lowestUncommitted, opts.gamma);
      // The support vectors at a small γ counted with nothing committed: a prediction locked after
      // raising γ again could copy the count.
      if (opts.gamma <= SEEN_GAMMA) prediction.outcomeSeen(t('kernel-svm.predict.seen', { gamma: formatStop(SEEN_GAMMA) }));
      return;
    }
    lowestCommitted = Math.min(lowestCommitted, opts.gamma);
    if (opts.gamma > LOW_GAMMA) return;
    if (!startSv) return;
    const n = svm.supportVectors().length;
    const acc = svm.score(data.X, data.y);
    const outcome = Math.abs(n - startSv.n) <= 5 ? 'same' : n < startSv.n ? 'fewer' : 'more';
    prediction.settle(outcome, t('kernel-svm.predict.why', { C: formatStop(opts.C), startGamma: formatStop(startSv.gamma), startCount: startSv.n, gamma: formatStop(opts.gamma), count: n, total: data.n, accuracy: fixed(acc * 100, 1), more: outcome === 'more' }));
    startSv = null;
  }

  function loadData() {
    attempt(card, () => {
      data = imported ? { X: imported.X, y: imported.y, n: imported.y.length } : loadDataset(ml, opts.dataset, opts.points, opts.noise, opts.seed);
      svm.setData(data.X, 2, data.y);
    });
    showOwnPoints(dataMenu, !!imported, opts.dataset, ctx.t);
    // Grid cell centres, row by row from the bottom, for decisionFunction.
    const [x0, x1, y0, y1] = domain();
    gridX = new Float64Array(GRID * GRID * 2);
    for (let j = 0; j < GRID; j++) for (let i = 0; i < GRID; i++) {
      gridX[2 * (j * GRID + i)] = cellCentre(i, GRID, x0, x1);
      gridX[2 * (j * GRID + i) + 1] = cellCentre(j, GRID, y0, y1);
    }
    restart(true);
  }

  function restart(train = false) {
    attempt(card, () => {
      svm.setKernel(opts.kernel);
      svm.setGamma(opts.gamma);
      svm.setDegree(opts.degree);
      svm.setCoef0(opts.kernel === 'poly' ? 1 : 0);
      svm.setC(opts.C);
      svm.reset(0);
    });
    sliders.gamma.setDisabled(opts.kernel === 'linear');
    sliders.degree.setDisabled(opts.kernel !== 'poly');
    // Parameter changes retrain straight away (the solver restarts from α = 0 anyway); Reset
    // shows the untrained state so Play can animate SMO from the start.
    if (train) attempt(card, () => svm.fit(400));
    refresh();
  }

  function advance() {
    if (svm.status() === 'converged') return false;
    attempt(card, () => svm.step());
    refresh();
    return svm.status() !== 'converged';
  }

  function refresh() {
    if (!data) return;
    attempt(card, () => {
      heat = heatImage.paintValues(svm.predictGrid(...domain(), GRID, GRID), GRID, GRID, probabilityRgb(plot.theme), { offset: 1, stride: 2, alpha: 200 });
      fGrid = Float64Array.from(svm.decisionFunction(gridX));
    });
    const sv = svm.supportVectors().length;
    const acc = svm.steps() > 0 ? svm.score(data.X, data.y) : NaN;
    stat.acc.set(Number.isFinite(acc) ? t('kernel-svm.percent', { value: fixed(acc * 100, 1) }) : '–');
    stat.sv.set(t('kernel-svm.supportOf', { count: sv, total: data.n }));
    stat.updates.set(fixed(svm.pairUpdates(), 0));
    stat.gap.set(svm.steps() > 0 ? fixed(svm.loss() - svm.dualObjective(), 4) : '–');
    const kernelText = t(`kernel-svm.kernelText.${opts.kernel}`, { gamma: formatStop(opts.gamma), degree: opts.degree });
    if (svm.steps() === 0) card.setMessage(t('kernel-svm.untrained'), 'info');
    else if (svm.status() === 'converged') {
      // The solver stops when its KKT test passes (libsvm's tolerance); that alone does not mean
      // primal and dual have met: with a large C each small leftover violation is weighted by C.
      const primal = svm.loss();
      const gap = primal - svm.dualObjective();
      const relGap = gap / Math.max(Math.abs(primal), 1e-12);
      let note = '';
      if (opts.kernel === 'rbf' && opts.gamma >= 20) note = t('kernel-svm.note.largeGamma');
      else if (opts.kernel === 'rbf' && opts.gamma <= 0.05) note = t('kernel-svm.note.smallGamma');
      else if (opts.kernel === 'linear' && acc < 0.8) note = t('kernel-svm.note.linear');
      const result = t('kernel-svm.result', { accuracy: fixed(acc * 100, 1), support: sv });
      if (relGap <= GAP_OK) {
        card.setMessage(t('kernel-svm.converged', { kernel: kernelText, C: formatStop(opts.C), tolerance: fixed(TOLERANCE, 3), gap: fixed(gap, 4), result, note }), acc > 0.95 ? 'good' : 'info');
      } else {
        card.setMessage(t('kernel-svm.stopped', { kernel: kernelText, C: formatStop(opts.C), tolerance: fixed(TOLERANCE, 3), gap: fixed(gap, 2), share: formatPercent(relGap, 0), primal: fixed(primal, 1), largeC: opts.C >= 10, result, note }), 'warn');
      }
    } else card.setMessage(t('kernel-svm.training', { kernel: kernelText, updates: svm.pairUpdates(), violation: fixed(svm.violation(), 3), tolerance: fixed(TOLERANCE, 3) }), 'info');
    judgeSmallGamma();
    ctx.requestDraw(draw);
  }

  function readAt(x, y) {
    probe = { x, y };
    const f = attempt(card, () => svm.decisionFunction([x, y])[0]);
    if (Number.isFinite(f)) card.setMessage(t('kernel-svm.readAt', { x: fixed(x, 2), y: fixed(y, 2), f: fixed(f, 3), cls: f > 0 ? 1 : 0, inside: Math.abs(f) < 1 }), 'info');
    ctx.requestDraw(draw);
  }
  const onDown = (e) => { const p = plot.eventToData(e); readAt(p.x, p.y); };
  const onKey = (e) => {
    if (e.key === 'Enter' || e.key === ' ') { play.toggle(); e.preventDefault(); return; }
    if (e.key === 'Escape') { play.stop(); probe = null; ctx.requestDraw(draw); return; }
    const d = { ArrowUp: [0, 1], ArrowDown: [0, -1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] }[e.key];
    if (!d) return;
    const [x0, x1, y0, y1] = domain();
    const p = probe || { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
    const k = (e.shiftKey ? 10 : 1) * 0.02;
    readAt(Math.max(x0, Math.min(x1, p.x + d[0] * k * (x1 - x0))), Math.max(y0, Math.min(y1, p.y + d[1] * k * (y1 - y0))));
    e.preventDefault();
  };
  listenForTaps(ctx, plot.canvas, onDown); // a tap, not a swipe that scrolls past
  ctx.listen(plot.canvas, 'keydown', onKey);

  // Cells where f crosses a level between horizontal or vertical neighbours, drawn as short
  // segments at the linearly interpolated crossing: a simple contour of the engine's values.
  function contour(ctx, level, color, dash) {
    if (!fGrid) return;
    const [x0, x1, y0, y1] = domain();
    const cx = (i) => cellCentre(i, GRID, x0, x1);
    const cy = (j) => cellCentre(j, GRID, y0, y1);
    ctx.save();
    ctx.fillStyle = color;
    for (let j = 0; j < GRID; j++) for (let i = 0; i < GRID; i++) {
      const a = fGrid[j * GRID + i] - level;
      if (i + 1 < GRID) {
        const b = fGrid[j * GRID + i + 1] - level;
        if ((a > 0) !== (b > 0)) { const s = a / (a - b); dot(ctx, plot.px(cx(i) + s * (cx(i + 1) - cx(i))), plot.py(cy(j)), dash); }
      }
      if (j + 1 < GRID) {
        const b = fGrid[(j + 1) * GRID + i] - level;
        if ((a > 0) !== (b > 0)) { const s = a / (a - b); dot(ctx, plot.px(cx(i)), plot.py(cy(j) + s * (cy(j + 1) - cy(j))), dash); }
      }
    }
    ctx.restore();
  }
  function dot(ctx, X, Y, small) { ctx.beginPath(); ctx.arc(X, Y, small ? 1.1 : 1.8, 0, Math.PI * 2); ctx.fill(); }

  function draw() {
    if (!data) return;
    const th = plot.theme;
    plot.setDomain(...domain());
    plot.begin();
    if (heat && svm.steps() > 0) drawGridImage(plot, heat);
    plot.axes({ xLabel: t('kernel-svm.axis.x'), yLabel: t('kernel-svm.axis.y') });
    const sv = new Set(svm.supportVectors());
    plot.clipToArea((ctx) => {
      if (svm.steps() > 0) {
        contour(ctx, 1, th.truth, true);
        contour(ctx, -1, th.truth, true);
        contour(ctx, 0, th.model, false);
      }
      for (let i = 0; i < data.n; i++) {
        plot.point(data.X[2 * i], data.X[2 * i + 1], data.y[i] === 1 ? 1 : 0, { size: 4 });
        if (sv.has(i)) { ctx.beginPath(); ctx.arc(plot.px(data.X[2 * i]), plot.py(data.X[2 * i + 1]), 8, 0, Math.PI * 2); ctx.strokeStyle = th.model; ctx.lineWidth = 1.5; ctx.stroke(); }
      }
      if (probe) plot.handle(probe.x, probe.y, { focused: document.activeElement === plot.canvas });
    });
  }

  loadData();

  return {
    update(next) {
      play.stop();
      const dataChanged = ['dataset', 'points', 'noise', 'seed'].some((k) => next[k] !== opts[k]);
      opts = onStops(next);
      prediction.reset(t('kernel-svm.predict.changed'));
      showOptions({ ...sliders, kernel: kernelSelect }, opts);
      if (dataChanged) { imported = null; loadData(); } else restart(true);
    },
    // Shared by a link: the settings changed with the card's own controls, imported points.
    currentOptions() { return { dataset: opts.dataset, kernel: opts.kernel, gamma: opts.gamma, degree: opts.degree, C: opts.C }; },
    state: {
      get() { return imported ? pointsState(imported.X, imported.y) : null; },
      set(value) {
        const points = pointsFromState(value, CSV_RULES);
        play.stop();
        useImported(points);
        prediction.reset(t('kernel-svm.predict.newData'));
        loadData();
      },
    },
  };
}
