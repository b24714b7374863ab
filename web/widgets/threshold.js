// "Drag the threshold" (seed 001, level 3): examples scored by a logistic regression, a
// threshold that turns scores into decisions, and the confusion matrix and metrics that follow.
// Counts come from the engine's confusionAtThreshold; accuracy, precision, recall and F1 from its
// accuracy/precision/recall/f1Score on the labels the threshold gives.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, el, slider } from '../lib/ui.js';
import { formatNumber } from '../lib/format.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { drawScoreStrip, labelsAt, scoredExamples } from '../lib/scores.js';
import { createPrediction } from '../lib/predict.js';
import { tableWrap } from '../lib/table.js';
import { messages } from './threshold.messages.js';

export const schema = {
  seed: seedOption(11, 'Random seed for the examples.'),
  points: { type: 'int', min: 10, max: 300, default: 80, description: 'How many scored examples.' },
  overlap: { type: 'number', min: 0.5, max: 4, default: 1.8, description: 'Spread of the two classes (larger = more overlap, harder).' },
  threshold: { type: 'number', min: 0, max: 1, default: 0.5, description: 'Starting decision threshold.' },
};

export const meta = { title: messages['threshold.title'], hint: messages['threshold.hint'] };

// t moves on a grid of thousandths, shown with all three decimals: the readout is the t that
// decides, so a learner who sets the t a message names gets the counts it promises. Scores are
// spaced more widely than that near the lowest positive on the lesson's examples (0.1105 and
// 0.1196), so the fewest false alarms with every positive caught is reachable.
const STEP = 0.001;
const onGrid = (v) => Number(Math.max(0, Math.min(1, v)).toFixed(3));
const gridFloor = (v) => Math.floor(v / STEP + 1e-9) / 1000;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  let data = null;
  let threshold = opts.threshold;

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.34, minHeight: 180, maxHeight: 280, label: t('threshold.plot'), onResize: () => ctx.requestDraw(draw) }));
  // A real table (row and column headers) so screen readers announce each count with its meaning.
  const matrix = el('table', { className: 'threshold-confusion' });
  matrix.append(el('caption', { className: 'dw-sr-only', text: t('threshold.matrix.caption') }));
  const cells = {};
  const cell = (key, right) => {
    const value = el('strong', { text: '0' });
    const words = el('span', { text: t(`threshold.cell.${key}`, { count: 0 }) });
    cells[key] = { value, words };
    return el('td', { className: right ? 'dw-right' : 'dw-wrong', 'data-cell': key }, [value, words]);
  };
  const headRow = el('tr', {}, [el('td'), el('th', { scope: 'col', text: t('threshold.matrix.calledPositive') }), el('th', { scope: 'col', text: t('threshold.matrix.calledNegative') })]);
  const posRow = el('tr', {}, [el('th', { scope: 'row', text: t('threshold.matrix.trulyPositive') }), cell('tp', true), cell('fn', false)]);
  const negRow = el('tr', {}, [el('th', { scope: 'row', text: t('threshold.matrix.trulyNegative') }), cell('fp', false), cell('tn', true)]);
  matrix.append(el('thead', {}, [headRow]), el('tbody', {}, [posRow, negRow]));
  // In a box of its own that scrolls sideways, like every widget table: at large text on a phone
  // the four cells' words can be wider than the card.
  card.stage.append(tableWrap(ctx, matrix).element);

  const thresholdSlider = slider(card.controls, { label: t('threshold.slider'), min: 0, max: 1, step: STEP, value: threshold, format: (v) => formatNumber(v, 3), onInput: (v) => setThreshold(v) });
  const buttons = buttonRow(card.controls);
  button(buttons, t('threshold.newExamples'), () => { opts.seed = nextSeed(opts.seed); prediction.reset(t('threshold.reset.newExamples')); load(); });
  button(buttons, t('threshold.resetThreshold'), () => setThreshold(opts.threshold));

  const statAcc = card.stat(t('threshold.stat.accuracy'));
  const statP = card.stat(t('threshold.stat.precision'));
  const statR = card.stat(t('threshold.stat.recall'));
  const statF1 = card.stat(t('threshold.stat.f1'));

  const drag = ctx.drag(plot, {
    touchAction: 'pan-y',
    hit: (pos) => Math.abs(plot.px(pos.x) - plot.px(threshold)) < 30,
    move: (pos) => setThreshold(pos.x),
    snapshot: () => threshold,
    restore: (v) => setThreshold(v),
    key: (dx, dy) => passExamples(dx || dy),
    onFocusChange: (on) => { if (on) card.setMessage(t('threshold.keys'), 'info'); ctx.requestDraw(draw); },
  });

  // Arrows move t past one example at a time (n < 0 lowers it: one more example flagged), so every
  // confusion matrix the scores allow is a few presses away. t stays on the grid: lowered to a
  // score rounded down, that example is flagged; raised a step above the lowest flagged score, it
  // is not.
  function passExamples(n) {
    if (!data) return;
    const scores = Array.from(data.scores);
    let v = threshold;
    for (let i = 0; i < Math.abs(n); i++) {
      if (n < 0) {
        const below = scores.filter((s) => s < v);
        if (!below.length) { v = 0; break; }
        v = gridFloor(Math.max(...below));
      } else {
        const flagged = scores.filter((s) => s >= v);
        if (!flagged.length) { v = 1; break; }
        v = Math.min(1, gridFloor(Math.min(...flagged)) + STEP);
      }
    }
    setThreshold(v);
  }

  // Predict, then check: lowering t until no positive is missed, how many false alarms come
  // with it? Judged when the engine's counts first show FN = 0; the answer is the fewest false
  // positives any threshold with recall 1 gives (t at the lowest positive score).
  let startFp = 0;
  const TOLERANCE = 2;
  const prediction = createPrediction(ctx, {
    id: 'threshold-catch-all',
    question: t('threshold.predict.question'),
    numeric: { label: t('threshold.predict.label'), tolerance: TOLERANCE, min: 0, max: opts.points, digits: 0, integer: true },
    ready: () => (data && ml.confusionAtThreshold(data.y, data.scores, threshold).fn > 0 ? null : t('threshold.predict.raiseFirst')),
    onCommit: () => { startFp = ml.confusionAtThreshold(data.y, data.scores, threshold).fp; },
    next: t('threshold.predict.next'),
  });
  // The answer: the false alarms at t = the lowest positive score, the highest t that catches all.
  function fewestFalseAlarms() {
    const lowest = Math.min(...Array.from(data.scores).filter((_, i) => data.y[i] === 1));
    return { lowest, fewest: attempt(card, () => ml.confusionAtThreshold(data.y, data.scores, lowest).fp, NaN) };
  }
  function judgeCatchAll(counts) {
    if (counts.fn > 0) {
      // Still missing a positive, but the false alarms on screen already pass as the answer (on the
      // lesson's examples 16 at t = 0.120 with one positive missed, 14 from t = 0.259): copying
      // that readout into the box would be held.
      if (prediction.pending !== null) return;
      const { fewest } = fewestFalseAlarms();
      if (counts.fp >= fewest - TOLERANCE) prediction.outcomeSeen(t('threshold.predict.closeSeen', { fp: counts.fp, tolerance: TOLERANCE }));
      return;
    }
    // Every positive caught with nothing committed: the false alarms that costs are on screen, and
    // a prediction locked after raising t again could copy them.
    if (prediction.pending === null) { prediction.outcomeSeen(t('threshold.predict.seen')); return; }
    const scores = Array.from(data.scores);
    const { lowest, fewest } = fewestFalseAlarms();
    if (!Number.isFinite(fewest)) return;
    // The thresholds on the grid that reach the fewest: above every negative score under the
    // lowest positive one, and at most that score.
    const negativeBelow = Math.max(-1, ...scores.filter((s, i) => data.y[i] === 0 && s < lowest));
    const from = gridFloor(negativeBelow) + STEP;
    const to = gridFloor(lowest);
    const yours = counts.fp > fewest ? t('threshold.predict.yours', {
      t: formatNumber(threshold, 3), fp: counts.fp,
      lowest: formatNumber(Math.floor(lowest * 1e4) / 1e4, 4),
      from: from <= to ? formatNumber(Math.max(0, from), 3) : '', to: formatNumber(to, 3),
    }) : '';
    prediction.settle(fewest, t('threshold.predict.why', { start: startFp, fewest, yours }));
  }

  function load() {
    data = attempt(card, () => scoredExamples(ml, { points: opts.points, spread: opts.overlap, seed: opts.seed }), null);
    setThreshold(threshold);
  }

  function setThreshold(v) {
    threshold = onGrid(v);
    thresholdSlider.set(threshold);
    if (!data) { ctx.requestDraw(draw); return; }
    const result = attempt(card, () => {
      const predicted = labelsAt(data.scores, threshold);
      return {
        counts: ml.confusionAtThreshold(data.y, data.scores, threshold),
        accuracy: ml.accuracy(data.y, predicted),
        precision: ml.precision(data.y, predicted),
        recall: ml.recall(data.y, predicted),
        f1: ml.f1Score(data.y, predicted),
      };
    }, null);
    if (!result) return;
    const { counts } = result;
    for (const k of ['tp', 'fp', 'tn', 'fn']) {
      cells[k].value.textContent = formatNumber(counts[k], 0);
      cells[k].words.textContent = t(`threshold.cell.${k}`, { count: counts[k] });
    }
    statAcc.set(formatNumber(result.accuracy, 3));
    statP.set(formatNumber(result.precision, 3));
    statR.set(formatNumber(result.recall, 3));
    statF1.set(formatNumber(result.f1, 3));
    describe(counts, result);
    judgeCatchAll(counts);
    plot.canvas.setAttribute('aria-label', t('threshold.figure', { count: data.y.length, t: formatNumber(threshold, 3), tp: counts.tp, fp: counts.fp, fn: counts.fn, tn: counts.tn }));
    ctx.requestDraw(draw);
  }

  function describe(c, r) {
    const flagged = c.tp + c.fp;
    const positives = c.tp + c.fn;
    if (flagged === 0) card.setMessage(t('threshold.nothingFlagged'), 'warn');
    else if (c.tn + c.fn === 0) card.setMessage(t('threshold.everythingFlagged', { recall: formatNumber(r.recall, 3), precision: formatNumber(r.precision, 3) }), 'warn');
    // Which of the two the threshold favours: a gap of more than 0.1 between recall and
    // precision is called a lean; within 0.1 they are balanced.
    else if (r.recall > r.precision + 0.1) card.setMessage(t('threshold.low', { tp: c.tp, positives, recall: formatNumber(r.recall, 3), fp: c.fp, precision: formatNumber(r.precision, 3) }), 'info');
    else if (r.precision > r.recall + 0.1) card.setMessage(t('threshold.picky', { tp: c.tp, flagged, precision: formatNumber(r.precision, 3), fn: c.fn, recall: formatNumber(r.recall, 3) }), 'info');
    else card.setMessage(t('threshold.balanced', { precision: formatNumber(r.precision, 3), recall: formatNumber(r.recall, 3), f1: formatNumber(r.f1, 3) }), 'ok');
  }

  function draw() {
    if (!data) return;
    drawScoreStrip(plot, data.y, data.scores, threshold, { focused: drag.keyboardFocused, t });
  }

  load();

  return {
    update(next) { opts = { ...next }; threshold = opts.threshold; prediction.reset(t('threshold.reset.settings')); load(); },
    // Shared by a link: the examples (New examples changes the seed) and the threshold where the
    // learner left it (the link's starting threshold).
    currentOptions() { return { seed: opts.seed, threshold }; },
  };
}
