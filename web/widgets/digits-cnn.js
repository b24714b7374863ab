// Digits CNN (landscape): a small convolutional network (engine ConvNet: 3×3 conv → ReLU → 2×2
// max-pool → dense → softmax) trains on scikit-learn's 8×8 handwritten digits in the page. The
// learner watches the loss and test accuracy climb, the first layer's filters and one image's
// feature maps form, draws a digit (mouse, finger or keyboard) for the network to read, and sees
// the confusion matrix of the test images. Goal: reach 95 % test accuracy (dw:score/dw:complete).
// The result is the number of the 360 test digits read right: reported when the goal is reached,
// and again whenever a run on this page beats the best reported so far, so the lesson's best is
// never below the best the card has shown.
import { mountWidget, attempt } from '../lib/widget.js';
import { animate, cancelDraw, prefersReducedMotion, requestDraw } from '../lib/frame.js';
import { button, buttonRow, el, select, showOptions, slider } from '../lib/ui.js';
import { Plot } from '../lib/plot.js';
import { attachDrag } from '../lib/drag.js';
import { readTheme, watchColorScheme } from '../lib/theme.js';
import { formatNumber, formatPercent, formatShort } from '../lib/format.js';
import { seedOption } from '../lib/schema.js';
import { createPrediction } from '../lib/predict.js';
import { reportComplete, reportScore } from '../lib/report.js';
import {
  CLASSES, MAX_INK, NETWORK_DEFAULTS, PAD_SIDE, PIXELS, SIDE, createNetwork, downsample, evaluateTest, loadDigits, testInputsScaled,
} from './digits-cnn/data.js';
import { STEP_BUDGET, TARGET_ACCURACY, TEST_EVERY } from './digits-cnn/goal.js';
import { drawCells, inkColor, signedColor } from './digits-cnn/cells.js';
import { messages } from './digits-cnn/messages.js';

export const schema = {
  seed: seedOption(1, 'Seed for the initial weights and the order of the mini-batches.'),
  filters: { type: 'int', min: 2, max: 16, default: 8, description: 'Number of 3×3 filters in the convolution layer.' },
  learningRate: { type: 'number', min: 0.0005, max: 0.1, default: 0.01, description: 'Adam learning rate.' },
  speed: { type: 'int', min: 1, max: 25, default: 2, description: 'Training steps (mini-batches of 32 images) per animation frame.' },
  image: { type: 'int', min: 0, max: 359, default: 0, description: 'Which test image the feature maps and the pad show first (0–359).' },
};

export const meta = { title: messages['digits-cnn.title'], hint: messages['digits-cnn.hint'] };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

const HISTORY_MAX = 2000;

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const cleanup = [];  // every listener, observer, plot and animation: undone in destroy()
  const { test } = loadDigits();
  const testX = testInputsScaled();
  let net = null;
  let history = [];  // { step, loss, accuracy }
  let lossAvg = null;
  let best = 0;
  let completed = false;
  let reportedRight = 0; // the most test digits read right that this page has reported (after the goal)
  let goalNews = false; // the goal was just reached: say so even while training runs hushed
  let running = false;
  let stopAnimation = null;
  let confusionCounts = null;
  // The pad: 32×32 ink cells (0/1), what the network sees is their 8×8 block counts.
  let ink = new Float64Array(PAD_SIDE * PAD_SIDE);
  let padImage = new Float64Array(PIXELS);  // 0–16
  let source = { kind: 'test', index: opts.image };
  let pen = { r: 16, c: 16 };
  let penVisible = false;
  let penDown = false;  // keyboard drawing: Enter toggles; arrows then ink as they move

  card.card.classList.add('dcnn');
  const layout = el('div', { className: 'dcnn-layout' });
  card.stage.append(layout);
  const panel = (title, className) => {
    const p = el('div', { className: `dcnn-panel ${className}` }, [el('h4', { text: title })]);
    layout.append(p);
    return p;
  };

  // ---- training curve ----
  const trainPanel = panel(t('digits-cnn.panel.train'), 'dcnn-train');
  const curve = new Plot(trainPanel, { aspect: 0.5, minHeight: 180, maxHeight: 260, domain: [0, 100, 0, 1], label: t('digits-cnn.curvePlot'), onResize: () => requestDraw(draw) });
  cleanup.push(() => curve.destroy());
  trainPanel.append(el('p', { className: 'dcnn-legend', text: t('digits-cnn.curveLegend') }));

  // ---- filters and feature maps ----
  const mapsPanel = panel(t('digits-cnn.panel.maps'), 'dcnn-maps');
  const mapsNote = el('p', { className: 'dcnn-note', text: t('digits-cnn.mapsNote') });
  const filterRow = el('div', { className: 'dcnn-tiles', role: 'img', 'aria-label': t('digits-cnn.filters') });
  const mapRow = el('div', { className: 'dcnn-tiles', role: 'img', 'aria-label': t('digits-cnn.featureMaps') });
  mapsPanel.append(mapsNote, filterRow, mapRow);
  let filterCanvases = [];
  let mapCanvases = [];
  function makeTiles() {
    filterRow.replaceChildren();
    mapRow.replaceChildren();
    filterCanvases = [];
    mapCanvases = [];
    for (let f = 0; f < opts.filters; f++) {
      const fc = el('canvas', { className: 'dcnn-tile', 'aria-hidden': 'true' });
      const mc = el('canvas', { className: 'dcnn-tile', 'aria-hidden': 'true' });
      filterRow.append(fc);
      mapRow.append(mc);
      filterCanvases.push(fc);
      mapCanvases.push(mc);
    }
  }

  // ---- the pad and the probabilities ----
  const padPanel = panel(t('digits-cnn.panel.pad'), 'dcnn-pad');
  const padWrap = el('div', { className: 'dcnn-pad-wrap' });
  const padBox = el('div', { className: 'dcnn-padbox' });
  padWrap.append(padBox);
  padPanel.append(padWrap);
  const pad = new Plot(padBox, { aspect: 1, minHeight: 160, maxHeight: 240, minWidth: 160, domain: [0, PAD_SIDE, 0, PAD_SIDE], label: t('digits-cnn.padPlot'), onResize: () => requestDraw(draw) });
  pad.margin = { left: 0, right: 0, top: 0, bottom: 0 };
  cleanup.push(() => pad.destroy());
  const seen = el('canvas', { className: 'dcnn-seen', role: 'img', 'aria-label': t('digits-cnn.seen') });
  padWrap.append(el('div', { className: 'dcnn-seen-wrap' }, [el('span', { className: 'dcnn-note', text: t('digits-cnn.seenNote') }), seen]));
  const padButtons = buttonRow(padPanel);
  button(padButtons, t('digits-cnn.clear'), () => { ink.fill(0); source = { kind: 'drawing' }; refreshPad(); });
  const pickWrap = el('div', { className: 'dcnn-pick' });
  padPanel.append(pickWrap);
  const picker = slider(pickWrap, {
    label: t('digits-cnn.slider.image'), min: 0, max: test.n - 1, step: 1, value: opts.image,
    format: (v) => t('digits-cnn.imageValue', { index: formatNumber(v, 0), label: formatNumber(test.labels[v], 0) }),
    onInput: (v) => { opts.image = v; showTestImage(v); },
  });
  button(padButtons, t('digits-cnn.showTest'), () => showTestImage(opts.image));
  button(padButtons, t('digits-cnn.nextMistake'), () => showNextMistake());

  const probPanel = panel(t('digits-cnn.panel.probs'), 'dcnn-probs');
  const probs = new Plot(probPanel, { aspect: 0.55, minHeight: 150, maxHeight: 220, domain: [-0.5, 9.5, 0, 1], label: t('digits-cnn.probsPlot'), onResize: () => requestDraw(draw) });
  cleanup.push(() => probs.destroy());
  const answer = el('p', { className: 'dcnn-answer', role: 'status', 'aria-live': 'polite' });
  probPanel.append(answer);

  // ---- confusion matrix ----
  const confPanel = panel(t('digits-cnn.panel.conf'), 'dcnn-conf');
  const conf = new Plot(confPanel, { aspect: 1, minHeight: 200, maxHeight: 320, minWidth: 200, domain: [0, CLASSES, 0, CLASSES], label: t('digits-cnn.confPlot'), onResize: () => requestDraw(draw) });
  conf.margin = { left: 30, right: 6, top: 6, bottom: 30 };
  cleanup.push(() => conf.destroy());
  const confText = el('p', { className: 'dcnn-note', 'aria-live': 'polite' });
  confPanel.append(confText);

  // ---- controls ----
  const row = buttonRow(card.controls);
  const playBtn = button(row, t('digits-cnn.train'), () => (running ? pause() : play()), { primary: true });
  button(row, t('digits-cnn.step'), () => { pause(); train(1); });
  button(row, t('digits-cnn.reset'), () => { pause(); rebuild(); });
  const speedSlider = slider(card.controls, { label: t('digits-cnn.slider.speed'), min: 1, max: 25, step: 1, value: opts.speed, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.speed = v; } });
  const lrSelect = select(card.controls, {
    label: t('digits-cnn.select.learningRate'), value: String(opts.learningRate),
    options: [['0.001', '0.001'], ['0.003', '0.003'], ['0.01', t('digits-cnn.learningRate.default', { rate: '0.01' })], ['0.03', '0.03'], ['0.1', '0.1']],
    onChange: (v) => { opts.learningRate = Number(v); if (net) attempt(card, () => net.setLearningRate(opts.learningRate)); noteAway(); },
  });
  const filtersSelect = select(card.controls, {
    label: t('digits-cnn.select.filters'), value: String(opts.filters),
    options: [2, 4, 8, 12, 16].map((n) => [String(n), t('digits-cnn.filterCount', { count: n })]),
    onChange: (v) => { opts.filters = Number(v); pause(); rebuild(); },
  });
  // A rate or a number of filters set by an option but not on the menu joins it, so the menu
  // shows what the network uses.
  function showSettings() {
    if (![...lrSelect.options].some((o) => Number(o.value) === opts.learningRate)) {
      lrSelect.append(el('option', { value: String(opts.learningRate), text: formatNumber(opts.learningRate, 4) }));
    }
    if (![...filtersSelect.options].some((o) => Number(o.value) === opts.filters)) {
      filtersSelect.append(el('option', { value: String(opts.filters), text: t('digits-cnn.filterCount', { count: opts.filters }) }));
    }
    showOptions({ speed: speedSlider, learningRate: lrSelect, filters: filtersSelect }, opts);
  }
  showSettings();
  const stat = {
    steps: card.stat(t('digits-cnn.stat.steps')), epoch: card.stat(t('digits-cnn.stat.epochs')), loss: card.stat(t('digits-cnn.stat.loss')),
    accuracy: card.stat(t('digits-cnn.stat.accuracy')), best: card.stat(t('digits-cnn.stat.best')),
  };

  // Predict, then check: how long does a small CNN take to read 95% of unseen digits? Judged from
  // the engine's test accuracy, measured every TEST_EVERY steps of a run that starts at step 0.
  const prediction = createPrediction(ctx, {
    id: 'digits-steps-to-95',
    question: t('digits-cnn.predict.question', { target: formatPercent(TARGET_ACCURACY, 0) }),
    choices: ['fast', 'medium', 'slow'].map((c) => [c, t(`digits-cnn.predict.${c}`)]),
    ready: () => (net && net.steps() === 0 ? null : t('digits-cnn.predict.notReady')),
    onCommit: () => { awayNoted = ''; },
    next: () => t('digits-cnn.predict.next', { steps: away().map((k) => restoreStep[k]()) }),
  });
  // The question and the lesson's answer (step 75) are about the widget's own settings, the schema's
  // defaults: learning rate 0.01, 8 filters, seed 1. Only a run trained at those from step 0 is
  // judged; otherwise the box names what differs and how to get back (as deep-q.js does). The
  // learning rate changes without a new network, so a run that took any step elsewhere stays
  // elsewhere until Reset.
  let runElsewhere = false; // the current run took a step at other settings
  let awayNoted = '';       // the note last shown about settings away from the question's
  const shownRate = (v) => formatShort(v, 4);
  function away() {
    const out = [];
    if (shownRate(opts.learningRate) !== shownRate(schema.learningRate.default)) out.push('learningRate');
    if (opts.filters !== schema.filters.default) out.push('filters');
    if (opts.seed !== schema.seed.default) out.push('seed');
    if (runElsewhere && net && net.steps() > 0) out.push('reset');
    return out;
  }
  const restoreStep = {
    learningRate: () => t('digits-cnn.predict.restore.learningRate', { judged: shownRate(schema.learningRate.default), now: shownRate(opts.learningRate) }),
    filters: () => t('digits-cnn.predict.restore.filters', { judged: schema.filters.default, now: opts.filters }),
    seed: () => t('digits-cnn.predict.restore.seed', { judged: schema.seed.default, now: opts.seed }),
    reset: () => t('digits-cnn.predict.restore.reset'),
  };
  // While a prediction is locked: say in the box what differs from the question's settings (once
  // per wording), or, once everything is back, that the next run tests it.
  function noteAway() {
    if (prediction.pending === null) return;
    const differs = away();
    let text = '';
    if (differs.length) text = t('digits-cnn.predict.elsewhere', { rate: shownRate(schema.learningRate.default), filters: schema.filters.default, steps: differs.map((k) => restoreStep[k]()) });
    else if (awayNoted) text = t('digits-cnn.predict.back');
    if (text && text !== awayNoted) prediction.note(text);
    awayNoted = differs.length ? text : '';
  }
  function judgeSteps(accuracy) {
    if (!net) return;
    const steps = net.steps();
    // A test accuracy measured after training is on screen: a prediction locked after that (the
    // box asks for a Reset first) could copy how fast it climbed. A run at other settings shows how
    // fast some network climbed, not the answer: a glimpse, which leaves the lesson's text closed.
    if (prediction.pending === null) {
      if (steps === 0) return;
      if (away().length) prediction.outcomeGlimpsed(t('digits-cnn.predict.glimpsed'));
      else prediction.outcomeSeen(t('digits-cnn.predict.seen'));
      return;
    }
    noteAway();
    if (away().length) return;
    const reached = accuracy >= TARGET_ACCURACY && steps > 0;
    if (!reached && steps <= 1000) return;
    const outcome = !reached ? 'slow' : steps < 100 ? 'fast' : steps <= 1000 ? 'medium' : 'slow';
    prediction.settle(outcome, reached
      ? t('digits-cnn.predict.reached', { accuracy: formatPercent(accuracy), steps: formatNumber(steps, 0), every: formatNumber(TEST_EVERY, 0), images: formatNumber(steps * NETWORK_DEFAULTS.batchSize, 0) })
      : t('digits-cnn.predict.notReached', { steps: formatNumber(steps, 0), accuracy: formatPercent(accuracy), target: formatPercent(TARGET_ACCURACY, 0) }));
  }

  // ---- training ----
  function rebuild() {
    if (net) { net.delete(); net = null; }
    history = [];
    lossAvg = null;
    best = 0;
    confusionCounts = null;
    runElsewhere = false;
    net = attempt(card, () => createNetwork(ml, { seed: opts.seed, filters: opts.filters, learningRate: opts.learningRate }), null);
    makeTiles();
    if (net) measure(0);
    refreshPad();
    describe();
  }

  function measure(batchLoss) {
    // One pass over the 360 test images gives both the accuracy and the confusion matrix.
    const result = evaluateTest(net, testX);
    const { accuracy } = result;
    best = Math.max(best, accuracy);
    history.push({ step: net.steps(), loss: lossAvg ?? (net.steps() === 0 ? net.loss() : batchLoss), accuracy });
    if (history.length > HISTORY_MAX) history = history.filter((_, i) => i % 2 === 0 || i === history.length - 1);
    confusionCounts = result.confusion;
    judgeSteps(accuracy);
    // Reported as test digits read right of the 360: the goal the first time it is reached (which
    // completes the activity), then each new best of a trained network, so the record keeps up.
    const right = Math.round(accuracy * test.n);
    const detail = { widget: 'digits-cnn', title: meta.title, score: right, max: test.n, steps: net.steps() };
    if (!completed && accuracy >= TARGET_ACCURACY && net.steps() > 0) {
      completed = true;
      goalNews = true;
      reportedRight = right;
      reportScore(card, detail);
      reportComplete(card, { ...detail, passed: true });
    } else if (completed && net.steps() > 0 && right > reportedRight) {
      reportedRight = right;
      reportScore(card, detail);
    }
  }

  function train(steps) {
    if (!net) return;
    if (net.status() === 'diverged') { pause(); describe(); return; }
    if (steps > 0 && away().length) runElsewhere = true;
    const ok = attempt(card, () => {
      for (let i = 0; i < steps; i++) {
        const loss = net.step();
        lossAvg = lossAvg === null ? loss : 0.9 * lossAvg + 0.1 * loss;
        if (net.steps() % TEST_EVERY === 0 || net.status() === 'diverged') { measure(loss); if (net.status() === 'diverged') break; }
      }
      return true;
    }, false);
    if (!ok) pause();
    refreshPad();
    describe();
  }

  function play() {
    if (running || !net) return;
    running = true;
    labelPlay();
    if (prefersReducedMotion()) {
      // Reduced motion: one frame's worth of training per press instead of an animation.
      train(opts.speed * 20);
      pause();
      return;
    }
    // The answer and the confusion sentence change on every frame while training: quiet until Pause.
    card.hush([answer, confText]);
    stopAnimation = animate(card.card, () => train(opts.speed), () => pause());
  }
  function pause() {
    running = false;
    labelPlay();
    if (stopAnimation) { stopAnimation(); stopAnimation = null; }
    card.speak();
  }
  // The play button names what pressing it does: Pause while training runs, Train for a network
  // at step 0 (a fresh one after Reset too, as the lesson and the predict box say "press Train"),
  // Resume for one already part-trained.
  function labelPlay() {
    const label = running ? t('digits-cnn.pause') : net && net.steps() > 0 ? t('digits-cnn.resume') : t('digits-cnn.train');
    if (playBtn.textContent !== label) playBtn.textContent = label;
  }

  // ---- the image under study ----
  function showTestImage(index) {
    source = { kind: 'test', index };
    ink = new Float64Array(PAD_SIDE * PAD_SIDE);
    picker.set(index);
    refreshPad();
  }
  function showNextMistake() {
    if (!net) return;
    const predicted = attempt(card, () => Array.from(net.predict(testX)), null);
    if (!predicted) return;
    const start = source.kind === 'test' ? source.index + 1 : 0;
    for (let k = 0; k < test.n; k++) {
      const i = (start + k) % test.n;
      if (predicted[i] !== test.labels[i]) { opts.image = i; showTestImage(i); card.setMessage(t('digits-cnn.mistake', { index: formatNumber(i, 0), label: formatNumber(test.labels[i], 0), read: formatNumber(predicted[i], 0) }), 'info'); return; }
    }
    card.setMessage(t('digits-cnn.noMistakes'), 'info');
  }

  let padProbs = null;
  let padMaps = null;
  let padFilters = null;
  function refreshPad() {
    // A test image keeps its exact 0–16 values; a drawing is scaled to fill the frame and then
    // counted in 4×4 blocks, as the data set's digits were.
    padImage = source.kind === 'test' ? Float64Array.from(test.pixels.subarray(source.index * PIXELS, (source.index + 1) * PIXELS)) : downsample(ink);
    padProbs = null;
    padMaps = null;
    padFilters = null;
    if (net) {
      const input = padImage.map((v) => v / MAX_INK);
      padProbs = attempt(card, () => Array.from(net.predictProba(input)), null);
      padMaps = attempt(card, () => net.featureMaps(input), null);
      padFilters = attempt(card, () => net.filters(), null);
    }
    describeAnswer();
    requestDraw(draw);
  }

  function describeAnswer() {
    const blank = padImage.every((v) => v === 0);
    if (blank) { answer.textContent = t('digits-cnn.padEmpty'); return; }
    if (!padProbs) { answer.textContent = ''; return; }
    let top = 0;
    for (let k = 1; k < CLASSES; k++) if (padProbs[k] > padProbs[top]) top = k;
    const truth = source.kind === 'test' ? t('digits-cnn.truth', { index: formatNumber(source.index, 0), label: formatNumber(test.labels[source.index], 0), mistake: test.labels[source.index] !== top }) : '';
    answer.textContent = t('digits-cnn.answer', { digit: formatNumber(top, 0), probability: formatPercent(padProbs[top]), truth });
  }

  function describe() {
    labelPlay();
    if (!net) return;
    const steps = net.steps();
    const last = history[history.length - 1];
    stat.steps.set(formatNumber(steps, 0));
    stat.epoch.set(formatNumber(net.epoch(), 0));
    stat.loss.set(lossAvg === null ? '–' : formatNumber(lossAvg, 3));
    stat.accuracy.set(last ? formatPercent(last.accuracy) : '–');
    stat.best.set(formatPercent(best));
    if (net.status() === 'diverged') card.setMessage(t('digits-cnn.diverged'), 'warn');
    else if (steps === 0) card.setMessage(t('digits-cnn.untrained', { accuracy: formatPercent(last ? last.accuracy : 0) }), 'info');
    else if (completed && best >= TARGET_ACCURACY) {
      const first = history.find((h) => h.accuracy >= TARGET_ACCURACY);
      card.setMessage(t('digits-cnn.goal', { best: formatPercent(best), right: formatNumber(Math.round(best * test.n), 0), total: formatNumber(test.n, 0), target: formatPercent(TARGET_ACCURACY, 0), first: first ? formatNumber(first.step, 0) : '' }), 'good', { announce: goalNews });
    }
    else if (steps >= STEP_BUDGET) card.setMessage(t('digits-cnn.overBudget', { steps: formatNumber(steps, 0), target: formatPercent(TARGET_ACCURACY, 0) }), 'warn');
    else card.setMessage(t('digits-cnn.training', { accuracy: formatPercent(last ? last.accuracy : 0), target: formatPercent(TARGET_ACCURACY, 0) }), 'info');
    goalNews = false;
    const wrong = confusionCounts ? test.n - diagonal(confusionCounts) : null;
    confText.textContent = confusionCounts ? t('digits-cnn.confusion', { wrong, mistake: biggestMistake() }) : '';
  }
  const diagonal = (m) => { let s = 0; for (let k = 0; k < CLASSES; k++) s += m[k * CLASSES + k]; return s; };
  function biggestMistake() {
    let worst = null;
    for (let a = 0; a < CLASSES; a++) for (let b = 0; b < CLASSES; b++) {
      const n = confusionCounts[a * CLASSES + b];
      if (a !== b && n > 0 && (!worst || n > worst.n)) worst = { a, b, n };
    }
    return worst ? t('digits-cnn.commonMistake', { truth: formatNumber(worst.a, 0), read: formatNumber(worst.b, 0), count: worst.n }) : '';
  }

  // ---- drawing on the pad: pointer and keyboard (attachDrag) ----
  function paint(pos, value = 1) {
    // A round pen about 3 cells wide, like the strokes of the original 32×32 bitmaps.
    const cr = PAD_SIDE - pos.y; const cc = pos.x;
    for (let r = Math.floor(cr - 2); r <= Math.ceil(cr + 1); r++) for (let c = Math.floor(cc - 2); c <= Math.ceil(cc + 1); c++) {
      if (r < 0 || c < 0 || r >= PAD_SIDE || c >= PAD_SIDE) continue;
      if (Math.hypot(r + 0.5 - cr, c + 0.5 - cc) <= 1.6) ink[r * PAD_SIDE + c] = value;
    }
  }
  let stroke = null;
  const detachPad = attachDrag(pad, {
    grab: (_, pos) => { if (source.kind !== 'drawing') { ink.fill(0); source = { kind: 'drawing' }; } stroke = pos; },
    move: (pos) => {
      if (stroke) {
        // Fill the gap between pointer events so a fast stroke stays continuous.
        const steps = Math.ceil(Math.hypot(pos.x - stroke.x, pos.y - stroke.y) * 2);
        for (let s = 1; s <= steps; s++) paint({ x: stroke.x + (pos.x - stroke.x) * s / steps, y: stroke.y + (pos.y - stroke.y) * s / steps });
      }
      paint(pos);
      stroke = pos;
      refreshPad();
    },
    release: () => { stroke = null; },
    cursor: () => 'crosshair',
    key: (dx, dy, e) => {
      penVisible = true;
      pen = { r: Math.max(0, Math.min(PAD_SIDE - 1, pen.r - dy)), c: Math.max(0, Math.min(PAD_SIDE - 1, pen.c + dx)) };
      if (e.shiftKey || penDown) inkAtPen();
      requestDraw(draw);
      return true;
    },
    enter: () => { penVisible = true; penDown = !penDown; if (penDown) inkAtPen(); requestDraw(draw); describePen(); },
    otherKey: (e) => {
      if (e.key === 'Delete' || e.key === 'Backspace') { ink.fill(0); source = { kind: 'drawing' }; refreshPad(); e.preventDefault(); }
    },
    onFocusChange: (on) => { penVisible = on; if (!on) penDown = false; requestDraw(draw); },
  });
  cleanup.push(() => detachPad.destroy());
  function inkAtPen() {
    if (source.kind !== 'drawing') { ink.fill(0); source = { kind: 'drawing' }; }
    paint({ x: pen.c + 0.5, y: PAD_SIDE - pen.r - 0.5 });
    refreshPad();
  }
  function describePen() {
    card.setMessage(penDown ? t('digits-cnn.penDown') : t('digits-cnn.penUp'), 'info');
  }

  // ---- drawing ----
  function draw() {
    const theme = readTheme(card.card);
    drawCurve(theme);
    drawPad(theme);
    drawProbs(theme);
    drawConfusion(theme);
    drawTiles(theme);
  }

  function drawCurve(theme) {
    const steps = Math.max(100, history.length ? history[history.length - 1].step : 0);
    const maxLoss = Math.max(2.5, ...history.map((h) => h.loss).filter(Number.isFinite));
    curve.setDomain(0, steps, 0, 1);
    curve.begin();
    curve.axes({ xLabel: t('digits-cnn.axis.steps'), yLabel: t('digits-cnn.axis.curve', { scale: formatNumber(maxLoss, 1) }) });
    curve.segment(0, TARGET_ACCURACY, steps, TARGET_ACCURACY, { color: theme.truth, width: 1.5, dash: [5, 4] });
    const pts = history.filter((h) => Number.isFinite(h.loss));
    if (pts.length > 1) {
      curve.path(pts.map((h) => h.step), pts.map((h) => h.loss / maxLoss), { color: theme.loss, width: 2 });
      curve.path(pts.map((h) => h.step), pts.map((h) => h.accuracy), { color: theme.good, width: 2.5 });
    } else if (pts.length === 1) {
      curve.point(pts[0].step, pts[0].accuracy, 1, { size: 3 });
    }
  }

  function drawPad(theme) {
    const c = pad.begin();
    const cell = pad.width / PAD_SIDE;
    c.fillStyle = theme.surface;
    c.fillRect(0, 0, pad.width, pad.height);
    if (source.kind === 'test') {
      // A test image is shown as its 8×8 blocks shaded by their 0–16 counts (where in its block
      // each inked cell of the original bitmap lay is not part of the data set).
      for (let p = 0; p < PIXELS; p++) {
        c.fillStyle = inkColor(theme, padImage[p] / MAX_INK);
        const x0 = Math.round((p % SIDE) * 4 * cell); const y0 = Math.round(Math.floor(p / SIDE) * 4 * cell);
        c.fillRect(x0, y0, Math.round(((p % SIDE) + 1) * 4 * cell) - x0, Math.round((Math.floor(p / SIDE) + 1) * 4 * cell) - y0);
      }
    } else {
      c.fillStyle = theme.text;
      for (let r = 0; r < PAD_SIDE; r++) for (let q = 0; q < PAD_SIDE; q++) {
        if (ink[r * PAD_SIDE + q]) c.fillRect(q * cell, r * cell, Math.ceil(cell), Math.ceil(cell));
      }
    }
    // The 8×8 blocks the network counts.
    c.strokeStyle = theme.gridLine;
    c.lineWidth = 1;
    for (let k = 0; k <= SIDE; k++) {
      const v = Math.round(k * 4 * cell) + 0.5;
      c.beginPath(); c.moveTo(v, 0); c.lineTo(v, pad.height); c.stroke();
      c.beginPath(); c.moveTo(0, v); c.lineTo(pad.width, v); c.stroke();
    }
    if (penVisible) {
      c.strokeStyle = theme.accent;
      c.lineWidth = 2;
      c.strokeRect(pen.c * cell, pen.r * cell, cell, cell);
    }
    drawCells(seen, padImage, SIDE, SIDE, (v) => inkColor(theme, v / MAX_INK), 88);
  }

  function drawProbs(theme) {
    const c = probs.begin();
    probs.axes({ xLabel: t('digits-cnn.axis.digit'), yLabel: t('digits-cnn.axis.probability'), xTicks: 10, yTicks: 4 });
    if (!padProbs || padImage.every((v) => v === 0)) return;
    let top = 0;
    for (let k = 1; k < CLASSES; k++) if (padProbs[k] > padProbs[top]) top = k;
    for (let k = 0; k < CLASSES; k++) {
      const x0 = probs.px(k - 0.35); const x1 = probs.px(k + 0.35);
      const y0 = probs.py(0); const y1 = probs.py(padProbs[k]);
      c.fillStyle = k === top ? theme.class1 : theme.textMuted;
      c.globalAlpha = k === top ? 1 : 0.6;
      c.fillRect(x0, y1, x1 - x0, y0 - y1);
    }
    c.globalAlpha = 1;
  }

  function drawConfusion(theme) {
    const c = conf.begin();
    const m = conf.margin;
    const size = Math.min(conf.width - m.left - m.right, conf.height - m.top - m.bottom);
    const s = size / CLASSES;
    c.font = `11px ${theme.mono}`;
    c.fillStyle = theme.textMuted;
    c.textAlign = 'center';
    c.textBaseline = 'middle';
    for (let k = 0; k < CLASSES; k++) {
      c.fillText(String(k), m.left + (k + 0.5) * s, m.top + size + 10);
      c.fillText(String(k), m.left - 10, m.top + (k + 0.5) * s);
    }
    c.fillText(t('digits-cnn.confAnswer'), m.left + size / 2, m.top + size + 23);
    if (!confusionCounts) return;
    const rowTotals = new Array(CLASSES).fill(0);
    for (let a = 0; a < CLASSES; a++) for (let b = 0; b < CLASSES; b++) rowTotals[a] += confusionCounts[a * CLASSES + b];
    for (let a = 0; a < CLASSES; a++) for (let b = 0; b < CLASSES; b++) {
      const n = confusionCounts[a * CLASSES + b];
      const share = rowTotals[a] ? n / rowTotals[a] : 0;
      c.fillStyle = a === b ? inkColor(theme, share, theme.good) : inkColor(theme, Math.min(1, share * 4), theme.loss);
      c.fillRect(m.left + b * s + 1, m.top + a * s + 1, s - 2, s - 2);
      if (n > 0 && s >= 16) {
        c.fillStyle = share > 0.5 ? theme.surface : theme.text;
        c.fillText(String(n), m.left + (b + 0.5) * s, m.top + (a + 0.5) * s);
      }
    }
  }

  function drawTiles(theme) {
    if (!padFilters) return;
    const k = 3;
    let range = 1e-9;
    for (const v of padFilters) range = Math.max(range, Math.abs(v));
    filterCanvases.forEach((canvas, f) => drawCells(canvas, padFilters.subarray(f * k * k, (f + 1) * k * k), k, k, (v) => signedColor(theme, v / range), 32));
    if (!padMaps) return;
    let top = 1e-9;
    for (const v of padMaps) top = Math.max(top, v);
    mapCanvases.forEach((canvas, f) => drawCells(canvas, padMaps.subarray(f * PIXELS, (f + 1) * PIXELS), SIDE, SIDE, (v) => inkColor(theme, v / top, theme.class1), 32));
  }

  cleanup.push(watchColorScheme(() => requestDraw(draw)));

  rebuild();
  showTestImage(opts.image);

  return {
    update(next) {
      const rebuildNeeded = next.seed !== opts.seed || next.filters !== opts.filters;
      opts = { ...next };
      showSettings();
      if (rebuildNeeded) { pause(); rebuild(); } else if (net) attempt(card, () => net.setLearningRate(opts.learningRate));
      noteAway();
      showTestImage(opts.image);
    },
    state: {
      // The learner's drawing (32×32 cells as a 0/1 string) when the pad shows one.
      get() { return source.kind === 'drawing' && ink.some((v) => v) ? { ink: Array.from(ink, (v) => (v ? '1' : '0')).join('') } : null; },
      set(value) {
        if (!value || typeof value.ink !== 'string' || !/^[01]{1024}$/.test(value.ink)) throw new Error('The drawing must be 1024 cells of 0 or 1.');
        ink = Float64Array.from(value.ink, (ch) => (ch === '1' ? 1 : 0));
        source = { kind: 'drawing' };
        refreshPad();
      },
    },
    destroy() {
      pause();
      cancelDraw(draw);
      for (const undo of cleanup.reverse()) undo();
      if (net) { net.delete(); net = null; }
    },
  };
}
