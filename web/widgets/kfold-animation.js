// Animation "k-fold cross-validation" (seed 001, level 4): the data are cut into k folds; each
// round trains the engine's DecisionTree on k − 1 folds and scores it on the held-out one. The
// folds are the engine's stratifiedKFold (what crossValScore uses for a classifier), each round
// is setData → reset → fit → score exactly as crossValScore does, and the final mean is checked
// against crossValScore itself.
import { attempt, mountWidget } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, slider, select, showOptions } from '../lib/ui.js';
import { formatPercent as pct, formatNumber, asShown } from '../lib/format.js';
import { drawHeatmap, probabilityRgb } from '../lib/heatmap.js';
import { seedOption } from '../lib/schema.js';
import { rgba } from '../lib/colors.js';
import { legend } from '../lib/legend.js';
import { DATASET_NAMES, makeDataset } from '../lib/datasets.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './kfold-animation.messages.js';

export const schema = {
  seed: seedOption(3, 'Random seed for the points and the fold shuffle.'),
  points: { type: 'int', min: 20, max: 300, default: 100, description: 'How many points.' },
  dataset: { type: 'enum', values: DATASET_NAMES, default: 'moons', description: 'Shape of the two classes.' },
  noise: { type: 'number', min: 0, max: 1, default: 0.35, description: 'Noise in the data.' },
  k: { type: 'int', min: 2, max: 10, default: 5, description: 'Number of folds.' },
  depth: { type: 'int', min: 1, max: 12, default: 3, description: 'Maximum depth of the decision tree being evaluated.' },
};

export const meta = { title: messages['kfold-animation.title'], hint: messages['kfold-animation.hint'] };

const GRID = 40;
const MAX_STEPS = 100000;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const model = ctx.own(new ml.DecisionTree());
  const checker = ctx.own(new ml.DecisionTree());
  let data = null;
  let folds = [];
  let scores = [];
  let round = -1;          // fold currently held out (−1: none yet)
  let probs = null;
  let engineMean = NaN;

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.55, minHeight: 240, maxHeight: 420, label: t('kfold-animation.plot'), onResize: () => ctx.requestDraw(draw) }));
  const foldPlot = ctx.own(new Plot(card.stage, { aspect: 0.3, minHeight: 150, maxHeight: 240, label: t('kfold-animation.folds'), onResize: () => ctx.requestDraw(draw) }));
  foldPlot.margin = { left: 64, right: 64, top: 8, bottom: 8 };
  legend(card.stage, [{ text: t('kfold-animation.legend.test'), swatch: 'kfold-animation-swatch kfold-animation-swatch-test' }, { text: t('kfold-animation.legend.train'), swatch: 'kfold-animation-swatch kfold-animation-swatch-train' }]);

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    start: () => { if (round >= folds.length - 1) restart(); },
    reduced: () => nextFold(),
    every: 1100,
    tick: () => nextFold(),
  });
  button(buttons, t('kfold-animation.step'), () => { play.stop(); nextFold(); });
  button(buttons, t('kfold-animation.reset'), () => { play.stop(); restart(); });
  const kSlider = slider(card.controls, { label: t('kfold-animation.slider.k'), min: 2, max: 10, step: 1, value: opts.k, format: (v) => formatNumber(v, 0), onInput: (v) => { play.stop(); opts.k = v; prediction.reset(t('kfold-animation.predict.newK')); restart(); } });
  const depthSlider = slider(card.controls, { label: t('kfold-animation.slider.depth'), min: 1, max: 12, step: 1, value: opts.depth, format: (v) => formatNumber(v, 0), onInput: (v) => { play.stop(); opts.depth = v; restart(); } });
  const dataSelect = select(card.controls, { label: t('kfold-animation.select.data'), options: DATASET_NAMES.map((d) => [d, t(`kfold-animation.dataset.${d}`)]), value: opts.dataset, onChange: (v) => { play.stop(); opts.dataset = v; prediction.reset(t('kfold-animation.predict.newData')); loadData(); } });

  const statFold = card.stat(t('kfold-animation.stat.fold'));
  const statScore = card.stat(t('kfold-animation.stat.score'));
  const statMean = card.stat(t('kfold-animation.stat.mean'));
  const statSd = card.stat(t('kfold-animation.stat.sd'));

  // Predict, then check: with a deeper tree (which gets its own training points right), what
  // will the cross-validated mean do? Committed after a full run, judged from the mean of the
  // engine's fold scores when a run at another depth completes.
  let startRun = null;
  const SHAPES = ['perfect', 'higher', 'same', 'lower'].map((c) => [c, t(`kfold-animation.predict.${c}`)]);
  const prediction = createPrediction(ctx, {
    id: 'kfold-deeper-tree',
    question: t('kfold-animation.predict.question'),
    choices: SHAPES,
    ready: () => (folds.length && round === folds.length - 1 ? null : t('kfold-animation.predict.ready')),
    onCommit: () => { startRun = { depth: opts.depth, mean: stats().mean }; runShown = false; },
    // Changed with fold scores at another depth on screen, the box has had part of the comparison
    // it asks about.
    progress: () => runShown,
    next: () => t('kfold-animation.predict.next', { depth: startRun.depth, mean: pct(startRun.mean, 1) }),
  });
  // The depths run through every fold so far with nothing locked in: two different ones have
  // shown what a deeper tree does (in whichever order they ran), so a prediction after them is
  // practice.
  const depthsRun = new Set();
  // The depths with at least one fold scored with nothing locked in: fold scores at two depths
  // already show which way a deeper tree moves the mean, and how far, so a prediction after them
  // is practice too (a run paused part-way included).
  const depthsScored = new Set();
  let runShown = false; // a fold at a depth other than the locked one was scored since the lock
  function judgeDeeper() {
    if (round >= 0 && prediction.pending === null) {
      depthsScored.add(opts.depth);
      if (depthsScored.size > 1) prediction.outcomeGlimpsed(t('kfold-animation.predict.glimpsed'));
    }
    if (round >= 0 && prediction.pending !== null && startRun && opts.depth !== startRun.depth) runShown = true;
    if (folds.length && round === folds.length - 1 && prediction.pending === null) {
      depthsRun.add(opts.depth);
      if (depthsRun.size > 1) prediction.outcomeSeen(t('kfold-animation.predict.seen'));
    }
    if (prediction.pending === null || !startRun || round !== folds.length - 1 || opts.depth <= startRun.depth) return;
    const { mean } = stats();
    // Judged on the means as shown (percent, one decimal): 82.0% → 84.0% is "within 2 points",
    // as the option says, although 0.84 − 0.82 is 0.020000000000000018 in floating point.
    const shown = (v) => asShown(100 * v, 1);
    const d = shown(mean) - shown(startRun.mean);
    const outcome = shown(mean) > 95 ? 'perfect' : Math.abs(d) <= 2 + 1e-9 ? 'same' : d > 0 ? 'higher' : 'lower';
    prediction.settle(outcome, t('kfold-animation.predict.why', { startDepth: startRun.depth, startMean: pct(startRun.mean, 1), depth: opts.depth, mean: pct(mean, 1), perfect: outcome === 'perfect' }));
    startRun = null;
  }

  function loadData() {
    attempt(card, () => { data = makeDataset(ml, opts.dataset, opts.points, opts.noise, opts.seed); });
    restart();
  }

  function restart() {
    scores = [];
    round = -1;
    probs = null;
    engineMean = NaN;
    attempt(card, () => {
      folds = ml.stratifiedKFold(data.y, opts.k, true, opts.seed);
      model.setMaxDepth(opts.depth);
      checker.setMaxDepth(opts.depth);
    });
    render();
  }

  function rowsOf(indices) {
    const X = new Float64Array(indices.length * 2);
    const y = new Float64Array(indices.length);
    indices.forEach((r, i) => { X[2 * i] = data.X[2 * r]; X[2 * i + 1] = data.X[2 * r + 1]; y[i] = data.y[r]; });
    return { X, y };
  }

  // One round, as crossValScore runs it: setData(train folds), reset(seed), fit, score(held-out fold).
  function nextFold() {
    if (round >= folds.length - 1) { render(); return false; }
    round += 1;
    const fold = folds[round];
    const tr = rowsOf(fold.train);
    const te = rowsOf(fold.test);
    const s = attempt(card, () => {
      model.setData(tr.X, 2, tr.y);
      model.reset(opts.seed);
      model.fit(MAX_STEPS);
      const { x0, x1, y0, y1 } = data.domain;
      const g = model.predictGrid(x0, x1, y0, y1, GRID, GRID);
      probs = new Float64Array(GRID * GRID);
      for (let i = 0; i < probs.length; i++) probs[i] = g[2 * i + 1];
      return model.score(te.X, te.y);
    }, NaN);
    scores[round] = s;
    if (round === folds.length - 1) {
      const cv = attempt(card, () => ml.crossValScore(checker, data.X, 2, data.y, opts.k, opts.seed, MAX_STEPS), null);
      engineMean = cv ? cv.reduce((a, b) => a + b, 0) / cv.length : NaN;
    }
    render();
    return round < folds.length - 1;
  }

  function stats() {
    const done = scores.filter(Number.isFinite);
    if (!done.length) return { mean: NaN, sd: NaN, lo: NaN, hi: NaN };
    const mean = done.reduce((a, b) => a + b, 0) / done.length;
    const sd = Math.sqrt(done.reduce((a, b) => a + (b - mean) ** 2, 0) / done.length);
    return { mean, sd, lo: Math.min(...done), hi: Math.max(...done) };
  }

  function render() {
    const { mean, sd, lo, hi } = stats();
    statFold.set(round < 0 ? t('kfold-animation.foldOf', { fold: '–', k: folds.length }) : t('kfold-animation.foldOf', { fold: round + 1, k: folds.length }));
    statScore.set(round < 0 ? '–' : pct(scores[round], 1));
    statMean.set(pct(mean, 1));
    statSd.set(Number.isFinite(sd) ? pct(sd, 1) : '–');
    if (round < 0) card.setMessage(t('kfold-animation.dealt', { n: data ? data.rows : 0, k: folds.length, size: Math.round((data ? data.rows : 0) / Math.max(1, folds.length)) }), 'info');
    else if (round < folds.length - 1) {
      const fold = folds[round];
      card.setMessage(t('kfold-animation.round', { round: round + 1, train: fold.train.length, test: fold.test.length, score: pct(scores[round], 1) }), 'info');
    } else {
      const agree = Math.abs(mean - engineMean) < 1e-12 ? t('kfold-animation.agree') : '';
      card.setMessage(t('kfold-animation.done', { mean: pct(mean, 1), agree, lo: pct(lo, 1), hi: pct(hi, 1) }), 'ok');
    }
    plot.canvas.setAttribute('aria-label', round < 0 ? t('kfold-animation.figure.start') : t('kfold-animation.figure', { fold: round + 1, score: pct(scores[round], 1) }));
    judgeDeeper();
    ctx.requestDraw(draw);
  }

  function draw() {
    if (!data) return;
    const { x0, x1, y0, y1 } = data.domain;
    plot.setDomain(x0, x1, y0, y1);
    plot.begin();
    const th = plot.theme;
    if (probs) drawHeatmap(plot, probs, GRID, GRID, probabilityRgb(th), { alpha: 0.35, smooth: false });
    plot.axes({ xLabel: t('kfold-animation.axis.x'), yLabel: t('kfold-animation.axis.y'), xTicks: 5, yTicks: 5 });
    const held = round >= 0 ? new Set(folds[round].test) : new Set();
    plot.clipToArea(() => {
      for (let i = 0; i < data.rows; i++) {
        if (held.has(i)) continue;
        plot.point(data.X[2 * i], data.X[2 * i + 1], data.y[i], { size: 3.6 });
      }
      for (const i of held) plot.point(data.X[2 * i], data.X[2 * i + 1], data.y[i], { size: 5.5, hollow: true });
    });

    // k rows (rounds) × k blocks (folds); the held-out block of each round is highlighted.
    const k = folds.length;
    foldPlot.setDomain(0, k, 0, k);
    const c = foldPlot.begin();
    const ft = foldPlot.theme;
    c.font = `12px ${ft.font}`;
    c.textBaseline = 'middle';
    for (let r = 0; r < k; r++) {
      const ya = foldPlot.py(k - r); const yb = foldPlot.py(k - r - 1);
      const h = Math.max(4, (yb - ya) * 0.72);
      const yMid = (ya + yb) / 2;
      const done = r <= round;
      for (let f = 0; f < k; f++) {
        const xa = foldPlot.px(f) + 1.5; const xb = foldPlot.px(f + 1) - 1.5;
        const isTest = f === r;
        c.fillStyle = isTest ? (done ? ft.accent : rgba(ft.accent, 0.3)) : (done ? rgba(ft.textMuted, 0.45) : rgba(ft.textMuted, 0.15));
        c.fillRect(xa, yMid - h / 2, xb - xa, h);
        if (r === round && isTest) { c.strokeStyle = ft.text; c.lineWidth = 2; c.strokeRect(xa, yMid - h / 2, xb - xa, h); }
      }
      c.fillStyle = ft.textMuted; c.textAlign = 'right';
      c.fillText(t('kfold-animation.roundLabel', { round: r + 1 }), foldPlot.margin.left - 8, yMid);
      c.textAlign = 'left';
      c.fillStyle = done ? ft.text : ft.textMuted;
      c.font = `${done ? '600 ' : ''}12px ${ft.mono}`;
      c.fillText(done ? pct(scores[r], 1) : '…', foldPlot.px(k) + 8, yMid);
      c.font = `12px ${ft.font}`;
    }
  }

  loadData();

  return {
    update(next) { play.stop(); opts = { ...next }; showOptions({ k: kSlider, depth: depthSlider, dataset: dataSelect }, opts); prediction.reset(t('kfold-animation.predict.changed')); loadData(); },
  };
}
