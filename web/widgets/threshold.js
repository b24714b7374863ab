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

export const schema = {
  seed: seedOption(11, 'Random seed for the examples.'),
  points: { type: 'int', min: 10, max: 300, default: 80, description: 'How many scored examples.' },
  overlap: { type: 'number', min: 0.5, max: 4, default: 1.8, description: 'Spread of the two classes (larger = more overlap, harder).' },
  threshold: { type: 'number', min: 0, max: 1, default: 0.5, description: 'Starting decision threshold.' },
};

export const meta = {
  title: 'Drag the threshold',
  hint: 'Every example right of the line is called positive. Drag the line (or use the slider) and watch the confusion matrix and the four metrics move.',
};

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  let data = null;
  let threshold = opts.threshold;

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.34, minHeight: 180, maxHeight: 280, label: 'Scored examples and the threshold', onResize: () => ctx.requestDraw(draw) }));
  // A real table (row and column headers) so screen readers announce each count with its meaning.
  const matrix = el('table', { className: 'c3-confusion' });
  matrix.append(el('caption', { className: 'dw-sr-only', text: 'Confusion matrix at the current threshold' }));
  const cells = {};
  const cell = (key, name, right) => {
    const value = el('strong', { text: '0' });
    cells[key] = value;
    return el('td', { className: right ? 'c3-right' : 'c3-wrong', 'data-cell': key }, [value, el('span', { text: name })]);
  };
  const headRow = el('tr', {}, [el('td'), el('th', { scope: 'col', text: 'called positive' }), el('th', { scope: 'col', text: 'called negative' })]);
  const posRow = el('tr', {}, [el('th', { scope: 'row', text: 'truly positive' }), cell('tp', 'true positives', true), cell('fn', 'false negatives', false)]);
  const negRow = el('tr', {}, [el('th', { scope: 'row', text: 'truly negative' }), cell('fp', 'false positives', false), cell('tn', 'true negatives', true)]);
  matrix.append(el('thead', {}, [headRow]), el('tbody', {}, [posRow, negRow]));
  card.stage.append(matrix);

  const thresholdSlider = slider(card.controls, { label: 'threshold t', min: 0, max: 1, step: 0.01, value: threshold, format: (v) => formatNumber(v, 2), onInput: (v) => setThreshold(v) });
  const buttons = buttonRow(card.controls);
  button(buttons, 'New examples', () => { opts.seed = nextSeed(opts.seed); prediction.reset('New examples: predict again.'); load(); });
  button(buttons, 'Reset threshold', () => setThreshold(opts.threshold));

  const statAcc = card.stat('accuracy');
  const statP = card.stat('precision');
  const statR = card.stat('recall');
  const statF1 = card.stat('F1');

  const drag = ctx.drag(plot, {
    touchAction: 'pan-y',
    hit: (pos) => Math.abs(plot.px(pos.x) - plot.px(threshold)) < 30,
    move: (pos) => setThreshold(pos.x),
    snapshot: () => threshold,
    restore: (v) => setThreshold(v),
    key: (dx, dy) => setThreshold(threshold + (dx || dy) * 0.01),
    onFocusChange: (on) => { if (on) card.setMessage('Left and right arrows move the threshold by 0.01 (Shift: 0.1); Escape puts it back.', 'info'); ctx.requestDraw(draw); },
  });

  // Predict, then check: lowering t until no positive is missed, how many false alarms come
  // with it? Judged when the engine's counts first show FN = 0; the answer is the fewest false
  // positives any threshold with recall 1 gives (t at the lowest positive score).
  let startFp = 0;
  const prediction = createPrediction(ctx, {
    id: 'threshold-catch-all',
    question: 'Lower t until no positive is missed: how many false alarms (false positives) will there be then, at the fewest?',
    numeric: { label: 'a count', tolerance: 2, min: 0, max: opts.points, digits: 0 },
    ready: () => (data && ml.confusionAtThreshold(data.y, data.scores, threshold).fn > 0 ? null : 'Every positive is already caught here: raise t until some are missed, then predict.'),
    onCommit: () => { startFp = ml.confusionAtThreshold(data.y, data.scores, threshold).fp; },
    next: 'Now lower t (slider, arrows or drag) until the false negatives reach 0.',
  });
  function judgeCatchAll(counts) {
    if (prediction.pending === null || counts.fn > 0) return;
    const lowest = Math.min(...Array.from(data.scores).filter((_, i) => data.y[i] === 1));
    const fewest = attempt(card, () => ml.confusionAtThreshold(data.y, data.scores, lowest).fp, NaN);
    if (!Number.isFinite(fewest)) return;
    const yours = counts.fp > fewest ? ` (at your t = ${formatNumber(threshold, 2)} there are ${formatNumber(counts.fp, 0)}; the fewest needs t at the lowest positive score, ${formatNumber(lowest, 3)})` : '';
    prediction.settle(fewest, `You started with ${formatNumber(startFp, 0)} false alarms. The last positives hide among the negatives' scores, so catching every one of them means flagging at least ${formatNumber(fewest, 0)} negatives${yours}. A recall of 1 is paid for in precision.`);
  }

  function load() {
    data = attempt(card, () => scoredExamples(ml, { points: opts.points, spread: opts.overlap, seed: opts.seed }), null);
    setThreshold(threshold);
  }

  function setThreshold(v) {
    threshold = Number(Math.max(0, Math.min(1, v)).toFixed(4));
    thresholdSlider.set(Number(threshold.toFixed(2)));
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
    for (const k of ['tp', 'fp', 'tn', 'fn']) cells[k].textContent = formatNumber(counts[k], 0);
    statAcc.set(formatNumber(result.accuracy, 3));
    statP.set(formatNumber(result.precision, 3));
    statR.set(formatNumber(result.recall, 3));
    statF1.set(formatNumber(result.f1, 3));
    describe(counts, result);
    judgeCatchAll(counts);
    plot.canvas.setAttribute('aria-label', `${data.y.length} scored examples; threshold ${formatNumber(threshold, 2)}; ${counts.tp} true positives, ${counts.fp} false positives, ${counts.fn} false negatives, ${counts.tn} true negatives`);
    ctx.requestDraw(draw);
  }

  function describe(c, r) {
    const flagged = c.tp + c.fp;
    const positives = c.tp + c.fn;
    if (flagged === 0) card.setMessage('Nothing is called positive, so precision has no meaning here (0 of 0; the engine reports 0) and recall is 0: every real positive is missed.', 'warn');
    else if (c.tn + c.fn === 0) card.setMessage(`Everything is called positive: recall is ${formatNumber(r.recall, 3)} (no positive is missed) but precision falls to the share of positives in the data, ${formatNumber(r.precision, 3)}.`, 'warn');
    // Which of the two the threshold favours: a gap of more than 0.1 between recall and
    // precision is called a lean; within 0.1 they are balanced.
    else if (r.recall > r.precision + 0.1) card.setMessage(`A low threshold: it catches ${c.tp} of ${positives} positives (recall ${formatNumber(r.recall, 3)}), paid for with ${c.fp} false alarms (precision ${formatNumber(r.precision, 3)}).`, 'info');
    else if (r.precision > r.recall + 0.1) card.setMessage(`A picky threshold: ${c.tp} of the ${flagged} flagged are right (precision ${formatNumber(r.precision, 3)}), but ${c.fn} real positives slip through (recall ${formatNumber(r.recall, 3)}).`, 'info');
    else card.setMessage(`Balanced: precision ${formatNumber(r.precision, 3)} and recall ${formatNumber(r.recall, 3)} are within 0.1 of each other, F1 ${formatNumber(r.f1, 3)}. Moving the line trades one error type for the other.`, 'ok');
  }

  function draw() {
    if (!data) return;
    drawScoreStrip(plot, data.y, data.scores, threshold, { focused: drag.focused });
  }

  load();

  return {
    update(next) { opts = { ...next }; threshold = opts.threshold; prediction.reset('The settings changed: predict again.'); load(); },
    // Shared by a link: the examples (New examples changes the seed) and the threshold where the
    // learner left it (the link's starting threshold).
    currentOptions() { return { seed: opts.seed, threshold }; },
  };
}
