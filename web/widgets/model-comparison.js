// Is model A really better than model B? (issue 19, item 5). Two classifiers are cross-validated
// on the same folds of seeded moons by the engine's pairedCrossValScores; the fold scores are
// drawn as pairs, with the paired t-test and the exact sign-flip permutation test beside them.
// McNemar's test compares the two on one held-out test set (the verdict uses its exact binomial
// p-value; the chi-square version is shown beside it). A third panel runs the noise experiment:
// two copies of one random forest that differ only in their seed, compared on many fresh
// resamples, counting how often the "higher mean" wins and how often p < 0.05. The experiment
// keeps the settings the widget was given (folds, noise, points, seed): the folds and noise
// sliders and New data change only the first two panels, so the count the lesson's reveal gives
// for 10 folds is the count a learner sees after lowering the folds to 3 in "Things to try".
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { requestDraw, cancelDraw, animate } from '../lib/frame.js';
import { button, buttonRow, el, select, slider } from '../lib/ui.js';
import { tableWrap } from '../lib/table.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { createPrediction } from '../lib/predict.js';
import {
  COMPARISON_DEFAULTS as D, MODELS, MODEL_NAMES, ALPHA, PERMUTATIONS, TEST_FRACTION,
  compareOnFolds, compareOnTestSet, mean, moons, noiseResample, tallyNoise,
} from './comparison/data.js';
import { messages } from './model-comparison.messages.js';

export const schema = {
  modelA: { type: 'enum', values: MODEL_NAMES, default: D.modelA, description: 'Model A: logistic, knn (15 neighbours), tree (depth 4) or forest (15 trees).' },
  modelB: { type: 'enum', values: MODEL_NAMES, default: D.modelB, description: 'Model B, compared with A on the same folds.' },
  points: { type: 'int', min: 60, max: 400, default: D.points, description: 'Points in the two-moons data set.' },
  noise: { type: 'number', min: 0.05, max: 0.6, default: D.noise, description: 'Noise of the moons.' },
  k: { type: 'int', min: 3, max: 12, default: D.k, description: 'Cross-validation folds (the permutation test is exact: 2^k sign patterns).' },
  resamples: { type: 'int', min: 20, max: 500, default: D.resamples, description: 'Resamples in the noise experiment.' },
  seed: seedOption(D.seed, 'Seed for the data, the folds and the test split.'),
};

export const meta = {
  title: messages['model-comparison.title'],
  hint: messages['model-comparison.hint'],
};

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

// Resamples of the noise experiment run per animation frame: one resample is 2k forest fits, so
// one per frame keeps the page responsive (the histogram grows as it runs, even under reduced
// motion, since blocking the page for the whole run would be worse than a growing bar chart).
const PER_FRAME = 1;
const BINS = 20;
const FOLD_INSET = 22;  // px from the plot's side to the first and last fold

// "p = 0.0123", or "p < 0.0001" when it is smaller than the readout can show.
export function formatP(p) {
  if (!Number.isFinite(p)) return '–';
  return p < 1e-4 ? '< 0.0001' : formatNumber(p, 4);
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  const modelName = (name) => t(`model-comparison.model.${name}`);
  let opts = { ...options };
  // Everything to release in destroy(), in one place.
  const owned = { models: [], stopRun: null };
  let modelA = null;
  let modelB = null;
  const forestA = MODELS.forest.make(ml);
  const forestB = MODELS.forest.make(ml);
  owned.models.push(forestA, forestB);
  let folds = null;
  let testSet = null;
  // The noise experiment's settings: the options as given (mount, or update() from outside),
  // never the sliders' live values.
  const experimentSettings = (o) => ({ points: o.points, noise: o.noise, k: o.k, seed: o.seed, resamples: o.resamples });
  let noiseSettings = experimentSettings(opts);
  let experiment = { results: [], target: opts.resamples };

  // ---- panel 1: fold by fold ----
  const foldHead = el('h4', { className: 'dw-plot-head', text: t('model-comparison.foldHead') });
  const foldHost = el('div', { className: 'dw-plot' });
  card.stage.append(foldHead, foldHost);
  const foldPlot = new Plot(foldHost, { aspect: 0.42, minHeight: 200, maxHeight: 300, label: t('model-comparison.foldPlot'), onResize: () => requestDraw(draw) });
  foldPlot.margin = { ...foldPlot.margin, left: 48 };
  const legendA = el('span', { className: 'dw-legend-key' }, [el('span', { className: 'dw-mark dw-mark-circle' }), el('span', { className: 'model-comparison-key-a' })]);
  const legendB = el('span', { className: 'dw-legend-key' }, [el('span', { className: 'dw-mark dw-mark-triangle' }), el('span', { className: 'model-comparison-key-b' })]);
  card.stage.append(el('p', { className: 'dw-plot-legend' }, [legendA, legendB, el('span', { className: 'dw-legend-key' }, [el('span', { className: 'dw-mark dw-mark-pair' }), el('span', { text: t('model-comparison.legend.pair') })])]));
  const testsTable = el('table', { className: 'dw-table model-comparison-tests' });
  const testsCaption = el('caption', { className: 'model-comparison-caption' });
  card.stage.append(tableWrap(ctx, testsTable, { label: testsCaption }).element);

  // ---- panel 2: McNemar on one test set ----
  const mcHead = el('h4', { className: 'dw-plot-head', text: t('model-comparison.mcHead') });
  const mcCaption = el('p', { className: 'model-comparison-caption' });
  const mcTable = el('table', { className: 'dw-table model-comparison-mcnemar' });
  const mcResult = el('p', { className: 'model-comparison-result' });
  card.stage.append(mcHead, mcCaption, tableWrap(ctx, mcTable, { label: mcCaption }).element, mcResult);

  // ---- panel 3: the noise experiment ----
  const noiseHead = el('h4', { className: 'dw-plot-head', text: t('model-comparison.noiseHead') });
  const noiseCaption = el('p', { className: 'model-comparison-caption' });
  const noiseHost = el('div', { className: 'dw-plot' });
  card.stage.append(noiseHead, noiseCaption);
  // Predict, then check: how many false alarms among the resamples of two equally good forests?
  // Judged from the engine's t-test p-values once the whole experiment has run.
  const predictHost = el('div');
  card.stage.append(predictHost);
  // The question names the number of resamples, and the answer is a count up to it.
  function falseAlarmQuestion() { return t('model-comparison.predict.question', { resamples: formatNumber(opts.resamples, 0) }); }
  function falseAlarmRange() {
    return { label: t('model-comparison.predict.label', { resamples: formatNumber(opts.resamples, 0) }), tolerance: Math.max(2, Math.round(opts.resamples * 0.025)), max: opts.resamples };
  }
  const falseAlarms = createPrediction(ctx, {
    id: 'comparison-false-alarms',
    parent: predictHost,
    question: falseAlarmQuestion(),
    numeric: { integer: true, ...falseAlarmRange(), min: 0, digits: 0 },
    next: t('model-comparison.predict.next'),
  });
  function judgeFalseAlarms() {
    if (experiment.results.length < experiment.target || experiment.target !== opts.resamples) return;
    // A finished run is the answer (and Run repeats the same resamples); seen first, a later prediction is practice.
    if (falseAlarms.pending === null) { falseAlarms.outcomeSeen(t('model-comparison.predict.seen', { resamples: formatNumber(opts.resamples, 0) })); return; }
    const tally = tallyNoise(experiment.results);
    falseAlarms.settle(tally.significant, t('model-comparison.predict.why', { significant: formatNumber(tally.significant, 0), runs: formatNumber(tally.runs, 0), share: formatPercent(tally.significant / tally.runs, 1), expected: formatNumber(tally.runs * 0.05, 0) }));
  }
  const noiseButtons = buttonRow(card.stage);
  const runButton = button(noiseButtons, t('model-comparison.run'), () => runExperiment(), { primary: true, title: t('model-comparison.runTitle') });
  button(noiseButtons, t('model-comparison.clear'), () => { stopExperiment(); experiment = { results: [], target: opts.resamples }; renderNoise(); });
  card.stage.append(noiseHost);
  const noisePlot = new Plot(noiseHost, { aspect: 0.36, minHeight: 180, maxHeight: 260, label: t('model-comparison.noisePlot'), onResize: () => requestDraw(draw) });
  const noiseSummary = el('ul', { className: 'dw-summary-list', 'aria-live': 'polite' });
  card.stage.append(noiseSummary);

  // ---- controls ----
  const choices = MODEL_NAMES.map((n) => [n, modelName(n)]);
  const selectA = select(card.controls, { label: t('model-comparison.select.modelA'), value: opts.modelA, options: choices, onChange: (v) => { opts.modelA = v; makeModels(); compare(); } });
  const selectB = select(card.controls, { label: t('model-comparison.select.modelB'), value: opts.modelB, options: choices, onChange: (v) => { opts.modelB = v; makeModels(); compare(); } });
  const sliders = {
    k: slider(card.controls, { label: t('model-comparison.slider.k'), min: 3, max: 12, step: 1, value: opts.k, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.k = v; compare(); } }),
    noise: slider(card.controls, { label: t('model-comparison.slider.noise'), min: 0.05, max: 0.6, step: 0.05, value: opts.noise, format: (v) => formatNumber(v, 2), onInput: (v) => { opts.noise = v; compare(); } }),
  };
  const dataButtons = buttonRow(card.controls);
  button(dataButtons, t('model-comparison.newData'), () => { opts.seed = nextSeed(opts.seed); compare(); }, { title: t('model-comparison.newDataTitle') });

  const statA = card.stat(t('model-comparison.stat.meanA'));
  const statB = card.stat(t('model-comparison.stat.meanB'));
  const statT = card.stat(t('model-comparison.stat.t'));
  const statPerm = card.stat(t('model-comparison.stat.perm'));
  const statMc = card.stat(t('model-comparison.stat.mc'));

  function makeModels() {
    for (const m of [modelA, modelB]) if (m) { m.delete(); owned.models.splice(owned.models.indexOf(m), 1); }
    modelA = MODELS[opts.modelA].make(ml);
    modelB = MODELS[opts.modelB].make(ml);
    owned.models.push(modelA, modelB);
  }

  function compare() {
    const data = moons(ml, opts.points, opts.noise, opts.seed);
    folds = attempt(card, () => compareOnFolds(ml, modelA, modelB, data, opts.k, opts.seed), null);
    testSet = attempt(card, () => compareOnTestSet(ml, modelA, modelB, data, opts.seed), null);
    render();
  }

  const nameA = () => t('model-comparison.nameA', { model: modelName(opts.modelA) });
  const nameB = () => t('model-comparison.nameB', { model: modelName(opts.modelB) });

  function render() {
    legendA.lastChild.textContent = nameA();
    legendB.lastChild.textContent = nameB();
    if (!folds || !testSet) return;
    const tt = folds.t;
    const perm = folds.permutation;
    statA.set(formatNumber(mean(folds.a), 3));
    statB.set(formatNumber(mean(folds.b), 3));
    statT.set(formatP(tt.pValue));
    statPerm.set(formatP(perm.pValue));
    statMc.set(formatP(testSet.exactPValue));
    const row = (cells) => el('tr', {}, cells.map((c, i) => el(i ? 'td' : 'th', i ? { text: c } : { text: c, scope: 'row' })));
    testsCaption.textContent = t('model-comparison.tests.caption', { folds: tt.n });
    testsTable.replaceChildren(
      testsCaption,
      el('thead', {}, [el('tr', {}, ['test', 'statistic', 'pValue'].map((c) => t(`model-comparison.tests.${c}`)).map((h) => el('th', { text: h, scope: 'col' })))]),
      el('tbody', {}, [
        row([t('model-comparison.tests.t'), t('model-comparison.tests.tValue', { t: formatNumber(tt.t, 2), df: formatNumber(tt.df, 0) }), formatP(tt.pValue)]),
        row([t('model-comparison.tests.flips'), t('model-comparison.tests.flipsValue', { count: formatNumber(perm.atLeastAsExtreme, 0), patterns: perm.resamples, drawn: !perm.exact }), formatP(perm.pValue)]),
      ]),
      el('tfoot', {}, [el('tr', {}, [
        el('th', { text: t('model-comparison.tests.gap'), scope: 'row' }),
        el('td', { text: t('model-comparison.tests.gapValue', { mean: formatNumber(tt.meanDifference, 3), sd: formatNumber(tt.sdDifference, 3) }), colspan: '2' }),
      ])]),
    );
    mcCaption.textContent = t('model-comparison.mcCaption', { share: formatPercent(1 - TEST_FRACTION, 0), points: testSet.testSize });
    const n01 = testSet.aRightBWrong;
    const n10 = testSet.aWrongBRight;
    mcTable.replaceChildren(
      el('thead', {}, [el('tr', {}, [el('td'), el('th', { text: t('model-comparison.mc.bRight'), scope: 'col' }), el('th', { text: t('model-comparison.mc.bWrong'), scope: 'col' })])]),
      el('tbody', {}, [
        el('tr', {}, [el('th', { text: t('model-comparison.mc.aRight'), scope: 'row' }), el('td', { text: formatNumber(testSet.bothRight, 0) }), el('td', { className: 'model-comparison-discordant', text: t('model-comparison.mc.n01', { count: formatNumber(n01, 0) }) })]),
        el('tr', {}, [el('th', { text: t('model-comparison.mc.aWrong'), scope: 'row' }), el('td', { className: 'model-comparison-discordant', text: t('model-comparison.mc.n10', { count: formatNumber(n10, 0) }) }), el('td', { text: formatNumber(testSet.bothWrong, 0) })]),
      ]),
    );
    mcResult.textContent = t('model-comparison.mcResult', { exact: formatP(testSet.exactPValue), chi: formatNumber(testSet.chiSquare, 2), chiP: formatP(testSet.chiSquarePValue), accA: formatNumber(testSet.accuracyA, 3), accB: formatNumber(testSet.accuracyB, 3) });
    card.setMessage(verdict(), tt.pValue < ALPHA ? 'good' : 'info');
    const scoresText = (s) => s.map((v) => formatNumber(v, 3)).join(', ');
    foldPlot.canvas.setAttribute('aria-label', t('model-comparison.foldFigure', { nameA: nameA(), scoresA: scoresText(folds.a), nameB: nameB(), scoresB: scoresText(folds.b), p: formatP(tt.pValue) }));
    requestDraw(draw);
  }

  // The lesson's rule: a gap counts as real only when p < 0.05; otherwise the data cannot tell
  // the two apart (which is not the same as "they are equal").
  function verdict() {
    const tt = folds.t;
    const gap = tt.meanDifference;
    if (opts.modelA === opts.modelB && !MODELS[opts.modelA].random) return t('model-comparison.verdict.same');
    const leader = gap > 0 ? 'A' : 'B';
    const mc = testSet.exactPValue < ALPHA ? t('model-comparison.mc.agrees', { p: formatP(testSet.exactPValue) }) : t('model-comparison.mc.undecided', { p: formatP(testSet.exactPValue) });
    if (gap === 0) return t('model-comparison.verdict.equal', { folds: tt.n, mc });
    if (tt.pValue < ALPHA) return t('model-comparison.verdict.ahead', { leader, gap: formatNumber(Math.abs(gap), 3), p: formatP(tt.pValue), mc });
    return t('model-comparison.verdict.unclear', { leader, gap: formatNumber(Math.abs(gap), 3), p: formatP(tt.pValue), mc });
  }

  // ---- the noise experiment ----
  function resetExperiment() {
    stopExperiment();
    experiment = { results: [], target: opts.resamples };
    renderNoise();
  }
  function stopExperiment() {
    if (owned.stopRun) { owned.stopRun(); owned.stopRun = null; }
    syncRunButton();
  }
  function syncRunButton() {
    const partial = experiment.results.length > 0 && experiment.results.length < experiment.target;
    runButton.textContent = owned.stopRun ? t('model-comparison.pause') : partial ? t('model-comparison.continue') : t('model-comparison.run');
  }
  function step(count) {
    for (let i = 0; i < count && experiment.results.length < experiment.target; i++) {
      const r = experiment.results.length;
      const res = attempt(card, () => noiseResample(ml, forestA, forestB, r, noiseSettings), null);
      if (!res) { experiment.target = experiment.results.length; break; }
      experiment.results.push(res);
    }
    renderNoise();
    // Run repeats the same resamples, and the count so far is on screen: once half of them have
    // been counted with nothing locked in, the final count is within reach (a pause, Clear or a
    // lock before Continue would not hide it), so a later prediction is practice.
    if (falseAlarms.pending === null && experiment.target === opts.resamples && experiment.results.length < experiment.target
      && 2 * experiment.results.length >= opts.resamples) falseAlarms.outcomeSeen(t('model-comparison.predict.seenHalf', { counted: formatNumber(experiment.results.length, 0), resamples: formatNumber(opts.resamples, 0) }));
    if (experiment.results.length >= experiment.target) { stopExperiment(); judgeFalseAlarms(); }
  }
  function runExperiment() {
    if (owned.stopRun) { stopExperiment(); return; }
    if (experiment.results.length >= experiment.target) experiment = { results: [], target: opts.resamples };
    owned.stopRun = animate(noiseHost, () => step(PER_FRAME), (err) => { stopExperiment(); card.setMessage(String(err.message || err), 'bad'); });
    syncRunButton();
  }

  function renderNoise() {
    const tally = tallyNoise(experiment.results);
    noiseCaption.textContent = t('model-comparison.noiseCaption', { forest: t('model-comparison.forestSize'), points: noiseSettings.points, k: formatNumber(noiseSettings.k, 0), noise: formatNumber(noiseSettings.noise, 2) });
    const lines = tally.runs
      ? [
        t('model-comparison.noise.runs', { runs: tally.runs, target: formatNumber(experiment.target, 0) }),
        t('model-comparison.noise.wins', { a: formatNumber(tally.aWins, 0), b: formatNumber(tally.bWins, 0), ties: formatNumber(tally.ties, 0), share: formatPercent((tally.aWins + tally.bWins) / tally.runs, 0) }),
        t('model-comparison.noise.significant', { significant: formatNumber(tally.significant, 0), share: formatPercent(tally.significant / tally.runs, 1) }),
        t('model-comparison.noise.key'),
      ]
      : [t('model-comparison.noise.notRun')];
    noiseSummary.replaceChildren(...lines.map((text) => el('li', { text })));
    syncRunButton();
    noisePlot.canvas.setAttribute('aria-label', tally.runs
      ? t('model-comparison.noiseFigure', { runs: tally.runs, bins: BINS, significant: formatNumber(tally.significant, 0) })
      : t('model-comparison.noiseFigure.empty'));
    requestDraw(draw);
  }

  // ---- drawing ----
  function drawFolds() {
    const p = foldPlot;
    const k = folds ? folds.a.length : opts.k;
    const all = folds ? [...folds.a, ...folds.b] : [0.5, 1];
    const lo = Math.max(0, Math.floor((Math.min(...all) - 0.03) * 20) / 20);
    const hi = Math.min(1.0001, Math.ceil((Math.max(...all) + 0.03) * 20) / 20);
    // Fold 1's pair of markers sits at least FOLD_INSET px inside the plot's left edge (and fold
    // k's inside the right), however narrow the plot: the padding d around folds 1..k solves
    // d · W / (k − 1 + 2d) = FOLD_INSET for the plot's width W.
    const inner = p.width - p.margin.left - p.margin.right;
    const pad = Math.max(0.6, (FOLD_INSET * (k - 1)) / Math.max(1, inner - 2 * FOLD_INSET));
    p.setDomain(1 - pad, k + pad, lo, hi);
    p.begin();
    const th = p.theme;
    const c = p.ctx;
    // Every fold gets its number (a tick per fold, not every other one).
    p.axes({ xLabel: t('model-comparison.axis.fold'), yLabel: t('model-comparison.axis.accuracy'), xTicks: k + 1, yTicks: 4 });
    if (!folds) return;
    for (const [scores, color] of [[folds.a, th.class1], [folds.b, th.class0]]) {
      const m = mean(scores);
      p.segment(0.5, m, k + 0.5, m, { color, width: 1.5, dash: [6, 4] });
    }
    // A fold's triangle (B) and circle (A) stand side by side, set apart in pixels so that they
    // do not overlap when the two accuracies are equal, even on a phone; smaller markers there.
    const foldWidth = p.px(2) - p.px(1);
    const size = foldWidth < 40 ? 5 : 6;
    const apart = Math.min(8, Math.max(size, foldWidth / 4));
    const dataOffset = apart / foldWidth;
    for (let f = 0; f < k; f++) {
      const x = f + 1;
      p.segment(x, folds.a[f], x, folds.b[f], { color: th.textMuted, width: 2 });
      p.point(x + dataOffset, folds.a[f], 1, { size });
      p.point(x - dataOffset, folds.b[f], 0, { size });
    }
    c.save();
    c.font = `12px ${th.font}`;
    c.fillStyle = th.textMuted;
    c.textAlign = 'right';
    c.textBaseline = 'top';
    c.fillText(t('model-comparison.meanKey'), p.width - p.margin.right - 2, p.margin.top);
    c.restore();
  }

  function drawNoise() {
    const p = noisePlot;
    const counts = new Array(BINS).fill(0);
    for (const r of experiment.results) counts[Math.min(BINS - 1, Math.floor(r.p * BINS))] += 1;
    const top = Math.max(4, ...counts);
    p.setDomain(0, 1, 0, top * 1.1);
    p.begin();
    const th = p.theme;
    const c = p.ctx;
    p.axes({ xLabel: t('model-comparison.axis.p'), yLabel: t('model-comparison.axis.resamples'), xTicks: 5, yTicks: 4 });
    for (let b = 0; b < BINS; b++) {
      if (!counts[b]) continue;
      const x0 = p.px(b / BINS) + 1;
      const x1 = p.px((b + 1) / BINS) - 1;
      c.fillStyle = b / BINS < ALPHA ? th.loss : th.model;
      c.globalAlpha = b / BINS < ALPHA ? 0.95 : 0.55;
      c.fillRect(x0, p.py(counts[b]), x1 - x0, p.py(0) - p.py(counts[b]));
      c.globalAlpha = 1;
    }
    p.segment(ALPHA, 0, ALPHA, top * 1.1, { color: th.loss, width: 1.5, dash: [4, 3] });
    // Where every bin would stand if p were spread evenly (what "no real difference" predicts).
    if (experiment.results.length) {
      const even = experiment.results.length / BINS;
      p.segment(0, even, 1, even, { color: th.truth, width: 1.5, dash: [6, 4] });
    }
    c.save();
    c.font = `12px ${th.font}`;
    c.fillStyle = th.textMuted;
    c.textAlign = 'left';
    c.textBaseline = 'top';
    c.fillText(t('model-comparison.significantKey'), p.px(ALPHA) + 4, p.margin.top);
    c.restore();
  }

  function draw() {
    drawFolds();
    drawNoise();
  }

  makeModels();
  compare();
  renderNoise();

  return {
    update(next) {
      const rebuild = next.modelA !== opts.modelA || next.modelB !== opts.modelB;
      const experimentChanged = ['points', 'noise', 'k', 'seed', 'resamples'].some((key) => next[key] !== noiseSettings[key]);
      const resamplesChanged = next.resamples !== opts.resamples;
      opts = { ...next };
      noiseSettings = experimentSettings(opts);
      selectA.value = opts.modelA;
      selectB.value = opts.modelB;
      sliders.k.set(opts.k);
      sliders.noise.set(opts.noise);
      if (rebuild) makeModels();
      compare();
      if (experimentChanged) resetExperiment();
      if (resamplesChanged) falseAlarms.ask(falseAlarmQuestion(), { numeric: falseAlarmRange(), why: t('model-comparison.predict.changed') });
    },
    destroy() {
      stopExperiment();
      cancelDraw(draw);
      foldPlot.destroy();
      noisePlot.destroy();
      for (const m of owned.models) m.delete();
      owned.models.length = 0;
    },
  };
}
