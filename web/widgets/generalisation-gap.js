// When does fitting generalise? (Frontier lesson): the engine's gapStudy trains a decision tree
// on n points for many n, repeated over seeded resamples, and measures the train error, the
// held-out error and the gap between them, drawn as every train/test chart draws them
// (docs/design.md): training solid in the model colour with filled dots, held-out dashed
// red-orange with hollow dots. The dashed grey curve is the Hoeffding + union bound for
// the finite class of trees of that depth on a grid of thresholds (engine: hoeffdingUnionBound,
// treeClassLogSize), which shrinks like √(ln|H| / n). The engine's tree cuts halfway between
// neighbouring training values, so strictly it lies outside that class; the summary names the grid
// and the lesson says so.
import { mountWidget, attempt } from '../lib/widget.js';
import { listenForTaps } from '../lib/drag.js';
import { Plot, yLabelTop } from '../lib/plot.js';
import { button, buttonRow, fixed, select, showOptions, slider } from '../lib/ui.js';
import { formatNumber, readShown } from '../lib/format.js';
import { legend } from '../lib/legend.js';
import { curveMarker } from '../lib/marks.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './generalisation-gap.messages.js';

export const schema = {
  depth: { type: 'int', min: 1, max: 10, default: 1, description: 'Maximum depth of the decision tree (1 = a stump).' },
  noise: { type: 'number', min: 0, max: 0.6, default: 0.3, description: 'Noise of the moons data: the standard deviation of the jitter added to each point (0 = clean moons).' },
  repeats: { type: 'int', min: 2, max: 40, default: 12, description: 'Resamples per training size.' },
  delta: { type: 'number', min: 0.001, max: 0.5, default: 0.05, description: 'The bound holds with probability at least 1 − δ.' },
  seed: { type: 'int', min: 0, max: 100000, default: 1, description: 'Seed for the data and the resamples.' },
};

export const meta = { title: messages['generalisation-gap.title'], hint: messages['generalisation-gap.hint'] };

const SIZES = [8, 16, 32, 64, 128, 256, 512, 1024];
// A training size as the lesson writes it ("1 024").
const sizeText = (n) => formatNumber(n, 0);
const POOL = 2400;        // half held out: 1200 test points, up to 1200 training points
const THRESHOLDS = 100;   // cut points per feature in the finite class the bound counts

// The errors and the gap as the learner reads them: the gap is the held-out error minus the training
// error as shown (0.124 − 0.024 reads 0.100), not the mean gap rounded on its own (0.101), so the
// three readouts check out by hand. The bound keeps three decimals wherever it appears.
export function shownErrors(train, test) {
  const trainText = formatNumber(train, 3);
  const testText = formatNumber(test, 3);
  return { train: trainText, test: testText, gap: formatNumber(readShown(testText) - readShown(trainText), 3) };
}
export const shownBound = (bound) => formatNumber(bound, 3);

const MAX_STEPS = 1000;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const tree = ctx.own(new ml.DecisionTree());
  let data = null;
  let study = null;
  let bounds = [];
  let pick = 3;

  const chart = ctx.own(new Plot(card.stage, { aspect: 0.55, minHeight: 240, maxHeight: 420, label: t('generalisation-gap.plot'), onResize: () => ctx.requestDraw(draw) }));
  chart.canvas.tabIndex = 0;
  chart.margin.top = 22; // room for the axis title above the top tick
  legend(card.stage, [
    { text: t('generalisation-gap.legend.train'), swatch: 'dw-line-key dw-line-train' }, { text: t('generalisation-gap.legend.test'), swatch: 'dw-line-key dw-line-val' },
    { text: t('generalisation-gap.legend.band'), swatch: 'dw-swatch generalisation-gap-swatch-band' }, { text: t('generalisation-gap.legend.bound'), swatch: 'dw-swatch dw-swatch-truth' },
  ]);

  const row = buttonRow(card.controls);
  button(row, t('generalisation-gap.resample'), () => { opts.seed += 1; run(); }, { primary: true });
  const modelSelect = select(card.controls, {
    label: t('generalisation-gap.select.model'), value: String(opts.depth),
    options: Array.from({ length: 10 }, (_, i) => [String(i + 1), i === 0 ? t('generalisation-gap.model.stump') : t('generalisation-gap.model.tree', { depth: i + 1 })]),
    onChange: (v) => { opts.depth = Number(v); run(); },
  });
  const sliders = {
    n: slider(card.controls, { label: t('generalisation-gap.slider.n'), min: 0, max: SIZES.length - 1, step: 1, value: pick, format: (i) => sizeText(SIZES[i]), onInput: (i) => { pick = i; describe(); } }),
    noise: slider(card.controls, { label: t('generalisation-gap.slider.noise'), min: 0, max: 0.6, step: 0.05, value: opts.noise, format: (v) => fixed(v, 2), onInput: (v) => { opts.noise = v; loadData(); } }),
    repeats: slider(card.controls, { label: t('generalisation-gap.slider.repeats'), min: 2, max: 40, step: 1, value: opts.repeats, format: String, onInput: (v) => { opts.repeats = v; run(); } }),
  };
  const stat = { n: card.stat(t('generalisation-gap.stat.n')), train: card.stat(t('generalisation-gap.stat.train')), test: card.stat(t('generalisation-gap.stat.test')), gap: card.stat(t('generalisation-gap.stat.gap')), bound: card.stat(t('generalisation-gap.stat.bound')) };

  // Predict, then check: for a depth-10 tree at the largest n, what does the worst-case bound
  // say about the gap? Judged from the engine's hoeffdingUnionBound and gapStudy once the study
  // has run at depth 10.
  const DEEP = 10;
  const prediction = createPrediction(ctx, {
    id: 'generalisation-deep-bound',
    question: t('generalisation-gap.predict.question', { depth: DEEP, n: sizeText(SIZES[SIZES.length - 1]) }),
    choices: ['tight', 'loose', 'vacuous'].map((c) => [c, t(`generalisation-gap.predict.${c}`)]),
    ready: () => (opts.depth !== DEEP && !vacuousAtLargestN() ? null : t('generalisation-gap.predict.ready', { depth: DEEP })),
    onCommit: () => { vacuousSinceLock = false; },
    // A shallower bound above 1 drawn under this lock answers the box as it does before one.
    progress: () => vacuousSinceLock,
    next: t('generalisation-gap.predict.next', { model: t('generalisation-gap.model.tree', { depth: DEEP }) }),
  });
  // The bound grows with depth, so one above 1 at the largest n (depth 9 already: 1.22) answers the
  // depth-10 question too.
  const vacuousAtLargestN = () => bounds.length === SIZES.length && bounds[SIZES.length - 1] > 1;
  let vacuousSinceLock = false;
  function judgeDeepBound() {
    if (!study || !bounds.length) return;
    // The depth-10 bound, or a shallower one already above 1, drawn with nothing committed: a
    // prediction locked after switching back could copy it.
    if (prediction.pending === null && opts.depth !== DEEP && vacuousAtLargestN()) {
      prediction.outcomeSeen(t('generalisation-gap.predict.seenShallower', { depth: opts.depth, deep: DEEP, n: sizeText(SIZES[SIZES.length - 1]) }));
      return;
    }
    if (opts.depth !== DEEP) {
      if (prediction.pending !== null && vacuousAtLargestN()) vacuousSinceLock = true;
      return;
    }
    if (prediction.pending === null) { prediction.outcomeSeen(t('generalisation-gap.predict.seen', { depth: DEEP })); return; }
    const last = SIZES.length - 1;
    const b = bounds[last];
    const gap = shownErrors(study.trainError[last], study.testError[last]).gap;
    const bound = shownBound(b);
    const outcome = b > 1 ? 'vacuous' : readShown(bound) - readShown(gap) <= 0.05 ? 'tight' : 'loose';
    prediction.settle(outcome, t('generalisation-gap.predict.why', { n: sizeText(SIZES[last]), gap, bound, depth: DEEP, vacuous: outcome === 'vacuous' }));
  }

  function loadData() {
    attempt(card, () => {
      const d = ml.makeMoons(POOL, opts.noise, opts.seed);
      data = { X: Float64Array.from(d.X), y: Float64Array.from(d.y) };
    });
    run();
  }

  function run() {
    if (!data) return;
    study = attempt(card, () => {
      tree.setMaxDepth(opts.depth);
      // About one resample seed in a hundred deals the n = 8 training set points of one class only;
      // the engine draws that resample again with the next unused seed and lists it in `redrawn`.
      return ml.gapStudy(tree, data.X, 2, data.y, SIZES, opts.repeats, 0.5, opts.seed, MAX_STEPS);
    }, null);
    bounds = attempt(card, () => {
      const logH = ml.treeClassLogSize(opts.depth, 2, THRESHOLDS);
      return SIZES.map((n) => ml.hoeffdingUnionBound(n, logH, opts.delta));
    }, []);
    describe();
    judgeDeepBound();
  }

  function describe() {
    if (!study) { ctx.requestDraw(draw); return; }
    const i = pick;
    const last = SIZES.length - 1;
    const shown = SIZES.map((_, j) => shownErrors(study.trainError[j], study.testError[j]));
    const bound = shownBound(bounds[i]);
    stat.n.set(sizeText(SIZES[i]));
    stat.train.set(shown[i].train);
    stat.test.set(shown[i].test);
    stat.gap.set(shown[i].gap);
    stat.bound.set(bounds[i] > 1 ? t('generalisation-gap.bound.vacuous', { bound }) : bound);
    card.setMessage(t('generalisation-gap.summary', { depth: opts.depth, repeats: study.repeats, redrawn: study.redrawn.length, first: shown[0].gap, nFirst: sizeText(SIZES[0]), last: shown[last].gap, nLast: sizeText(SIZES[last]), n: sizeText(SIZES[i]), gap: shown[i].gap, grid: THRESHOLDS, bound, vacuous: bounds[i] > 1 }), 'info');
    chart.canvas.setAttribute('aria-label', t('generalisation-gap.figure', { depth: opts.depth, n: sizeText(SIZES[i]), train: shown[i].train, test: shown[i].test, gap: shown[i].gap }));
    ctx.requestDraw(draw);
  }

  const onDown = (e) => {
    const p = chart.eventToData(e);
    pick = Math.max(0, Math.min(SIZES.length - 1, Math.round(p.x)));
    sliders.n.set(pick);
    describe();
  };
  const onKey = (e) => {
    const d = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[e.key];
    if (e.key === 'Enter' || e.key === ' ') { opts.seed += 1; run(); e.preventDefault(); return; }
    if (!d) return;
    pick = Math.max(0, Math.min(SIZES.length - 1, pick + d * (e.shiftKey ? 10 : 1)));
    sliders.n.set(pick);
    describe();
    e.preventDefault();
  };
  listenForTaps(ctx, chart.canvas, onDown); // a tap, not a swipe that scrolls past
  ctx.listen(chart.canvas, 'keydown', onKey);

  function draw() {
    const th = chart.theme;
    // x is log₂ n, drawn at evenly spaced positions 0 … 7 labelled with n.
    chart.setDomain(-0.3, SIZES.length - 0.7, 0, 0.6);
    const c = chart.begin();
    const m = chart.margin;
    c.save();
    c.strokeStyle = th.gridLine; c.fillStyle = th.textMuted; c.font = `11px ${th.mono}`; c.textAlign = 'center'; c.textBaseline = 'top';
    SIZES.forEach((n, i) => {
      const X = Math.round(chart.px(i)) + 0.5;
      c.beginPath(); c.moveTo(X, m.top); c.lineTo(X, chart.height - m.bottom); c.stroke();
      c.fillText(sizeText(n), X, chart.height - m.bottom + 4);
    });
    c.textAlign = 'right'; c.textBaseline = 'middle';
    for (const v of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) {
      const Y = Math.round(chart.py(v)) + 0.5;
      c.beginPath(); c.moveTo(m.left, Y); c.lineTo(chart.width - m.right, Y); c.stroke();
      c.fillText(fixed(v, 1), m.left - 6, Y);
    }
    c.font = `12px ${th.font}`; c.textAlign = 'right'; c.textBaseline = 'bottom';
    c.fillText(t('generalisation-gap.axis.x'), chart.width - m.right, chart.height - 1);
    // Placed by its measured ink, as plot.js's axes() places a y label: from y = 0 the canvas
    // edge cuts whatever rises above the 'top' baseline.
    c.textAlign = 'left'; c.textBaseline = 'top';
    const yLabel = t('generalisation-gap.axis.y');
    c.fillText(yLabel, 4, yLabelTop(c, yLabel));
    c.restore();
    if (!study) return;
    const xs = SIZES.map((_, i) => i);
    chart.clipToArea((ctx) => {
      // Gap band (10th–90th percentile), drawn from 0 so it reads as "how far apart".
      ctx.beginPath();
      xs.forEach((x, i) => { const Y = chart.py(Math.max(0, study.gapHigh[i])); if (i) ctx.lineTo(chart.px(x), Y); else ctx.moveTo(chart.px(x), Y); });
      for (let i = xs.length - 1; i >= 0; i--) ctx.lineTo(chart.px(xs[i]), chart.py(Math.max(0, study.gapLow[i])));
      ctx.closePath();
      ctx.globalAlpha = 0.22; ctx.fillStyle = th.class2; ctx.fill(); ctx.globalAlpha = 1;
      chart.path(xs, Array.from(study.gapMean), { color: th.class2, width: 1.5, dash: [2, 3] });
      chart.path(xs, bounds.map((b) => Math.min(b, 5)), { color: th.truth, width: 2, dash: [7, 5] });
      chart.path(xs, Array.from(study.testError), { color: th.loss, width: 2.5, dash: [6, 3] });
      chart.path(xs, Array.from(study.trainError), { color: th.model, width: 2.5 });
      xs.forEach((x, i) => {
        curveMarker(chart, x, study.testError[i], { color: th.loss, hollow: true, size: 4 });
        curveMarker(chart, x, study.trainError[i], { color: th.model, size: 4 });
      });
      const X = chart.px(pick);
      ctx.strokeStyle = document.activeElement === chart.canvas ? th.accent : th.model; ctx.lineWidth = 1.5; ctx.setLineDash([3, 3]);
      ctx.beginPath(); ctx.moveTo(X, m.top); ctx.lineTo(X, chart.height - m.bottom); ctx.stroke(); ctx.setLineDash([]);
    });
  }

  loadData();

  return {
    update(next) {
      const dataChanged = next.noise !== opts.noise || next.seed !== opts.seed;
      opts = { ...next };
      prediction.reset(t('generalisation-gap.predict.changed'));
      showOptions({ depth: modelSelect, noise: sliders.noise, repeats: sliders.repeats }, opts);
      if (dataChanged) loadData(); else run();
    },
  };
}
