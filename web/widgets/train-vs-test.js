// "Train vs test accuracy" (seed 001, level 2): a flexibility slider and a "memorise hard"
// toggle on a k-nearest-neighbours classifier (small k = flexible) or a decision tree (deep =
// flexible), trained on half of a seeded noisy data set and judged on the hidden half. Train
// accuracy keeps rising with flexibility while test accuracy falls: the overfitting gap. The table
// and the accuracy chart fill in as the learner sets each level, so the deep settings (which score
// what "memorise hard" scores) do not answer the Predict box before it is asked.
// Every accuracy and every heat-map probability comes from the engine (score, predictGrid); the
// verdict in words follows the lesson's own definitions (train-vs-test/verdict.js).
// Own points from a CSV file (or a Share link) replace the moons and are split the same seeded,
// stratified way; Export CSV writes every point with the half it fell in.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { checkbox, el, select, showOptions, slider } from '../lib/ui.js';
import { tableWrap } from '../lib/table.js';
import { formatNumber, formatPercent, readShown } from '../lib/format.js';
import { drawHeatmap, heatLegend, probabilityRgb } from '../lib/heatmap.js';
import { seedOption } from '../lib/schema.js';
import { contourSegments } from '../lib/contour.js';
import { legend } from '../lib/legend.js';
import { drawSegments } from '../lib/marks.js';
import { createPrediction } from '../lib/predict.js';
import { pointsCsv, pointsFromState, pointsState } from '../lib/points-csv.js';
import { OVERFIT_GAP, trainTestVerdict, UNDERFIT_TRAIN } from './train-vs-test/verdict.js';
import { messages } from './train-vs-test/messages.js';

export const schema = {
  model: { type: 'enum', values: ['tree', 'knn'], default: 'tree', description: 'A decision tree (depth = flexibility) or k-nearest neighbours (fewer neighbours = more flexible).' },
  seed: seedOption(2, 'Random seed for the data and the split.'),
  points: { type: 'int', min: 40, max: 600, default: 200, description: 'Points in total (half train, half test).' },
  noise: { type: 'number', min: 0, max: 1, default: 0.5, description: 'How noisy the two moons are.' },
  flexibility: { type: 'int', min: 1, max: 10, default: 3, description: 'Starting flexibility level, 1 (simple) … 10.' },
};

export const meta = { title: messages['train-vs-test.title'], hint: messages['train-vs-test.hint'] };

// Flexibility level → the model's knob. k-NN: fewer neighbours = wigglier boundary; tree: deeper = more boxes.
const KNN_K = [61, 45, 31, 21, 15, 11, 7, 5, 3, 2];
const TREE_DEPTH = [1, 2, 3, 4, 5, 6, 7, 8, 10, 12];
const GRID = [100, 72];
// Options that make the generated points (the seed also makes the split): changing one replaces
// imported points. Imported points: two classes (any two labels, mapped to 0 and 1 with a note).
const DATA_OPTIONS = ['seed', 'points', 'noise'];
// The verdict row's short words, by the lesson's verdict ('train-vs-test.short.<word>').
const SHORT = { underfitting: 'underfitting', 'good fit': 'good', overfitting: 'overfitting' };
export const CSV_RULES = { labels: 'class', maxClasses: 2, domain: [-1e4, 1e4], minPoints: 10, maxPoints: 1000 };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

export function availableModels(ml) {
  return [['knn', typeof ml.KNearestNeighbors === 'function'], ['tree', typeof ml.DecisionTree === 'function']].filter(([, ok]) => ok).map(([m]) => m);
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const kinds = availableModels(ml);
  if (!kinds.length) {
    card.setMessage(t('train-vs-test.noModels'), 'bad');
    return { update() {}, destroy() {} };
  }
  if (!kinds.includes(opts.model)) opts.model = kinds[0];
  let model = null;
  let train = null;
  let test = null;
  let view = null;
  let memorise = false;
  let curve = [];   // [{ level, train, test }] across the slider, from the engine
  let heat = null;
  let imported = null;  // { X, y } from a CSV file or a Share link, instead of the moons
  let all = null;       // every point shown, { X, y, rows }, and which of them are test points
  let testRows = new Set();
  // The levels each model has been set to on these points (11: "memorise hard"). Only their columns
  // and points are on screen: the deepest settings score what the memoriser scores (on the lesson's
  // 100 training points depth 10 and 12 already are the unlimited tree), so a table filled from the
  // start would answer the prediction box before it is asked.
  let seenLevels = { knn: new Set(), tree: new Set() };
  // A slider setting that scores exactly what "memorise hard" scores has been on screen since the
  // prediction was locked: unlocked part-way, a new prediction could copy it.
  let memoriserShownSinceLock = false;

  const pair = el('div', { className: 'train-vs-test-pair' });
  const left = el('div');
  const right = el('div');
  left.append(el('h4', { text: t('train-vs-test.boundaryHeading') }));
  right.append(el('h4', { text: t('train-vs-test.curveHeading') }));
  pair.append(left, right);
  card.stage.append(pair);
  const plot = ctx.own(new Plot(left, { aspect: 0.78, minHeight: 240, maxHeight: 420, label: t('train-vs-test.plot'), onResize: () => ctx.requestDraw(draw) }));
  // The key: the model-coloured boundary (p = 0.5), then the tint's scale with the classes named by
  // shape as well as colour at its ends, so it reads without colour (docs/design.md).
  legend(left, [{ text: t('train-vs-test.legend.boundary'), swatch: 'dw-line-key' }]);
  const heatKey = heatLegend(left, { color: probabilityRgb(plot.theme), low: t('train-vs-test.heatLow'), high: t('train-vs-test.heatHigh'), caption: t('train-vs-test.heatCaption') });
  const curvePlot = ctx.own(new Plot(right, { aspect: 0.78, minHeight: 240, maxHeight: 420, label: t('train-vs-test.curvePlot'), onResize: () => { ctx.requestDraw(draw); ctx.requestDraw(revealCurrent); } }));
  const curveKey = el('div', { className: 'dw-heat-legend' });
  right.append(curveKey);
  const table = el('table', { className: 'dw-table train-vs-test-curve-table' });
  // On a phone the eleven settings do not fit: the wrapper's hint says that the table scrolls;
  // the row names stay in view (sticky first column, train-vs-test.css) and the current setting
  // is scrolled into view.
  const headRow = el('tr');
  const bodyTrain = el('tr');
  const bodyTest = el('tr');
  const bodyGap = el('tr');
  const bodyVerdict = el('tr');
  table.append(el('caption', { className: 'dw-sr-only', text: t('train-vs-test.table.caption') }), el('thead', {}, [headRow]), el('tbody', {}, [bodyTrain, bodyTest, bodyGap, bodyVerdict]));
  const curveTable = tableWrap(ctx, table, { hint: t('train-vs-test.scrollNote') });
  card.stage.append(curveTable.element);

  const flex = slider(card.controls, { label: t('train-vs-test.slider.flexibility'), min: 1, max: 10, step: 1, value: opts.flexibility, format: (v) => describeLevel(v), onInput: (v) => { opts.flexibility = v; memorise = false; memoriseBox.checked = false; refresh(); } });
  let modelSelect = null;
  if (kinds.length > 1) {
    modelSelect = select(card.controls, { label: t('train-vs-test.select.model'), options: kinds.map((k) => [k, t(`train-vs-test.model.${k}`)]), value: opts.model, onChange: (v) => { opts.model = v; prediction.reset(t('train-vs-test.reset.model')); makeModel(); loadData(); } });
  }
  const memoriseBox = checkbox(card.controls, { label: t('train-vs-test.memorise'), onChange: (on) => { memorise = on; refresh(); } });

  const statTrain = card.stat(t('train-vs-test.stat.train'));
  const statTest = card.stat(t('train-vs-test.stat.test'));
  const statGap = card.stat(t('train-vs-test.stat.gap'));
  const statKnob = card.stat(t(`train-vs-test.knob.${opts.model}`));
  pointsCsv(ctx, card.controls, {
    filename: 'train-vs-test-points.csv', rules: CSV_RULES,
    get: () => ({ X: all.X, y: all.y, extra: { name: 'split', values: Array.from({ length: all.rows }, (_, i) => (testRows.has(i) ? 'test' : 'train')) } }),
    set: (parsed) => { useImported(parsed); },
  });

  // Predict, then check: does removing every limit (memorise hard) help on the hidden points?
  // Judged from the engine's test accuracy with no limit against level 2 on the same split.
  const prediction = createPrediction(ctx, {
    id: 'train-vs-test-memorise',
    question: t('train-vs-test.predict.question'),
    choices: ['higher', 'same', 'lower'].map((id) => [id, t(`train-vs-test.predict.${id}`)]),
    next: t('train-vs-test.predict.next'),
    onCommit: () => { memoriserShownSinceLock = false; },
    progress: () => memoriserShownSinceLock,
  });
  // The slider level on screen now that scores, as shown, exactly what "memorise hard" scores on
  // these points (it fits every training point the way the memoriser does), or null.
  function memoriserTwin() {
    const hard = curve.find((c) => c.level === 11);
    const now = curve.find((c) => c.level === opts.flexibility);
    if (memorise || !hard || !now) return null;
    const [a, b] = [shownScores(now.train, now.test), shownScores(hard.train, hard.test)];
    return a.train === b.train && a.test === b.test ? now : null;
  }
  function judgeMemorise(trainAcc, testAcc) {
    const base = curve.find((c) => c.level === 2);
    if (!base) return;
    const twin = memoriserTwin();
    if (twin) {
      // The memoriser's outcome is on screen under another name: a prediction made after it could
      // copy it, and one changed after it was seen under the lock could too.
      if (prediction.pending !== null) memoriserShownSinceLock = true;
      else {
        const shown = shownScores(twin.train, twin.test);
        prediction.outcomeSeen(t('train-vs-test.predict.seenAtLevel', { setting: describeSetting(twin.level), train: shown.train, test: shown.test }));
      }
      return;
    }
    if (!memorise) return;
    // The memoriser's test accuracy is on screen: a prediction made after it could copy it.
    if (prediction.pending === null) { prediction.outcomeSeen(t('train-vs-test.predict.seen')); return; }
    // Judged on the two accuracies as the readouts and the verdict show them (84% against 82% is
    // 2 points, "within 2 points"), so the outcome always agrees with the numbers quoted.
    const shown = shownScores(trainAcc, testAcc);
    const diff = Number((readShown(shown.test.slice(0, -1)) - readShown(percentText(base.test).slice(0, -1))).toFixed(percentDigits()));
    const outcome = Math.abs(diff) <= 2 ? 'same' : diff > 0 ? 'higher' : 'lower';
    const pointsOf = (v) => t('train-vs-test.points', { points: formatNumber(v, percentDigits()) });
    const words = { train: shown.train, test: shown.test, base: percentText(base.test), setting: describeSetting(2), points: pointsOf(diff), gap: pointsOf(shown.gap), gapText: shown.gap >= 0 ? t('train-vs-test.gapOf', { points: pointsOf(shown.gap) }) : t('train-vs-test.testAbove', { points: pointsOf(-shown.gap) }), limit: formatNumber(OVERFIT_GAP * 100, 0) };
    let why = t(`train-vs-test.predict.why.${outcome}`, words);
    // Memorising that did not cost test accuracy is still found out, by the lesson's gap rule.
    if (outcome !== 'lower') why += ` ${t(trainTestVerdict(trainAcc, testAcc) === 'overfitting' ? 'train-vs-test.predict.gapOverfit' : 'train-vs-test.predict.gapSmall', words)}`;
    prediction.settle(outcome, why);
  }

  function knob(level, hard) {
    if (opts.model === 'knn') return hard ? 1 : KNN_K[level - 1];
    return hard ? 1000 : TREE_DEPTH[level - 1];
  }
  function describeLevel(level) {
    return t(`train-vs-test.level.${opts.model}`, { level, k: KNN_K[level - 1], depth: TREE_DEPTH[level - 1] });
  }
  // A slider level by its knob, "depth 2" or "k = 45".
  function describeSetting(level) {
    return t(`train-vs-test.setting.${opts.model}`, { k: KNN_K[level - 1], depth: TREE_DEPTH[level - 1] });
  }

  function makeModel() {
    model = ctx.free(model);
    model = opts.model === 'knn' ? ctx.own(new ml.KNearestNeighbors()) : ctx.own(new ml.DecisionTree());
    statKnob.element.firstChild.textContent = t(`train-vs-test.knob.${opts.model}`);
    statKnob.element.dataset.stat = opts.model === 'knn' ? 'k' : 'depth';
  }

  function useImported(points) {
    imported = { X: points.X, y: points.y };
    seenLevels = { knn: new Set(), tree: new Set() };
    prediction.reset(t('train-vs-test.reset.newData'));
    loadData();
  }

  function loadData() {
    const d = imported ? { X: imported.X, y: imported.y, rows: imported.y.length } : attempt(card, () => ml.makeMoons(opts.points, opts.noise, opts.seed), null);
    if (!d) return;
    // Half the points are hidden as the test set: the engine's seeded split, stratified so both
    // halves hold both classes in the same proportion.
    const split = attempt(card, () => ml.trainValidationTestSplit(d.y, 0, 0.5, opts.seed, true), null);
    if (!split) return;
    const pick = (rows) => {
      const X = new Float64Array(rows.length * 2); const y = new Float64Array(rows.length);
      rows.forEach((r, k) => { X[2 * k] = d.X[2 * r]; X[2 * k + 1] = d.X[2 * r + 1]; y[k] = d.y[r]; });
      return { X, y, rows: rows.length };
    };
    train = pick(split.train);
    test = pick(split.test);
    all = { X: d.X, y: d.y, rows: d.rows };
    testRows = new Set(split.test);
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < d.rows; i++) {
      x0 = Math.min(x0, d.X[2 * i]); x1 = Math.max(x1, d.X[2 * i]);
      y0 = Math.min(y0, d.X[2 * i + 1]); y1 = Math.max(y1, d.X[2 * i + 1]);
    }
    const pad = 0.08 * Math.max(x1 - x0, y1 - y0);
    view = { x0: x0 - pad, x1: x1 + pad, y0: y0 - pad, y1: y1 + pad };
    flex.set(opts.flexibility);
    computeCurve();
    refresh();
  }

  // Fits the model at a setting and returns [train accuracy, test accuracy] from the engine.
  function fitAt(setting) {
    if (opts.model === 'knn') {
      model.setK(Math.min(setting, train.rows));
      model.setData(train.X, 2, train.y);
    } else {
      model.setMaxDepth(setting);
      model.setData(train.X, 2, train.y);
      model.fit(100000);
    }
    return [model.score(train.X, train.y), model.score(test.X, test.y)];
  }

  function computeCurve() {
    curve = [];
    for (let level = 1; level <= 10; level++) {
      const acc = attempt(card, () => fitAt(knob(level, false)), null);
      if (acc) curve.push({ level, train: acc[0], test: acc[1] });
    }
    const hard = attempt(card, () => fitAt(knob(10, true)), null);
    if (hard) curve.push({ level: 11, train: hard[0], test: hard[1] });
    renderTable();
  }

  // The curve as shown: the levels this model has been set to on these points (11: memorise hard).
  function shownCurve() { return curve.filter((c) => seenLevels[opts.model].has(c.level)); }
  function levelNow() { return memorise ? 11 : opts.flexibility; }

  function renderTable() {
    headRow.replaceChildren(el('th', { scope: 'col', text: t(`train-vs-test.knob.${opts.model}`) }));
    bodyTrain.replaceChildren(el('th', { scope: 'row', text: t('train-vs-test.row.train') }));
    bodyTest.replaceChildren(el('th', { scope: 'row', text: t('train-vs-test.row.test') }));
    bodyGap.replaceChildren(el('th', { scope: 'row', text: t('train-vs-test.row.gap') }));
    bodyVerdict.replaceChildren(el('th', { scope: 'row', text: t('train-vs-test.row.verdict') }));
    for (const c of shownCurve()) {
      headRow.append(el('th', { scope: 'col', 'data-level': String(c.level), text: c.level === 11 ? (opts.model === 'knn' ? t('train-vs-test.hardest.knn') : t('train-vs-test.noLimit')) : formatNumber(opts.model === 'knn' ? Math.min(knob(c.level, false), train.rows) : knob(c.level, false), 0) }));
      const shown = shownScores(c.train, c.test);
      bodyTrain.append(el('td', { text: shown.train }));
      bodyTest.append(el('td', { text: shown.test }));
      bodyGap.append(el('td', { text: formatNumber(shown.gap, percentDigits()) }));
      const verdict = trainTestVerdict(c.train, c.test);
      bodyVerdict.append(el('td', { className: 'train-vs-test-verdict', 'data-verdict': verdict, text: SHORT[verdict] ? t(`train-vs-test.short.${SHORT[verdict]}`) : '–' }));
    }
  }

  function refresh() {
    if (!train) return;
    const setting = knob(opts.flexibility, memorise);
    const acc = attempt(card, () => fitAt(setting), null);
    if (!acc) return;
    const [trainAcc, testAcc] = acc;
    const grid = attempt(card, () => model.predictGrid(view.x0, view.x1, view.y0, view.y1, GRID[0], GRID[1]), null);
    if (grid) {
      const cells = GRID[0] * GRID[1];
      const perCell = grid.length / cells; // classifiers: p(class 0), p(class 1) per cell
      heat = new Float64Array(cells);
      for (let k = 0; k < cells; k++) heat[k] = grid[k * perCell + perCell - 1];
    }
    const seen = seenLevels[opts.model];
    if (!seen.has(levelNow())) { seen.add(levelNow()); renderTable(); }
    [...headRow.cells].forEach((cell) => cell.classList.toggle('train-vs-test-now', cell.dataset.level === String(levelNow())));
    ctx.requestDraw(revealCurrent);
    const shown = shownScores(trainAcc, testAcc);
    statTrain.set(shown.train);
    statTest.set(shown.test);
    statGap.set(t('train-vs-test.points', { points: formatNumber(shown.gap, percentDigits()) }));
    statKnob.set(opts.model === 'knn' ? formatNumber(Math.min(setting, train.rows), 0) : (memorise ? t('train-vs-test.noLimit') : formatNumber(setting, 0)));
    // The best of the slider settings tried so far (the memorise column is not a slider setting):
    // the best of all would name a setting not yet on screen.
    const slider = shownCurve().filter((c) => c.level !== 11);
    const bestTest = slider.reduce((a, c) => (c.test > a.test ? c : a), slider[0] || { test: 0, level: 1 });
    card.setMessage(...verdictMessage(trainAcc, testAcc, bestTest.test));
    judgeMemorise(trainAcc, testAcc);
    plot.canvas.setAttribute('aria-label', t('train-vs-test.figure', { knn: opts.model === 'knn', train: shown.train, test: shown.test }));
    ctx.requestDraw(draw);
  }

  // When the table's box scrolls and the current setting's column is not seen whole, scrolls it to
  // the middle of what the sticky row names leave visible. A column already in view stays put: on
  // a phone, centring depth 3 slid depth 2 under the row names, leaving only its "%" showing.
  function revealCurrent() {
    const scroller = curveTable.region;
    const cell = headRow.querySelector('.train-vs-test-now');
    if (scroller.scrollWidth <= scroller.clientWidth + 1 || !cell) return;
    const left = headRow.firstElementChild.getBoundingClientRect().right;
    const right = scroller.getBoundingClientRect().left + scroller.clientLeft + scroller.clientWidth;
    const c = cell.getBoundingClientRect();
    if (c.left >= left - 0.5 && c.right <= right + 0.5) return;
    scroller.scrollLeft += (c.left + c.width / 2) - (left + right) / 2;
  }

  // One way to write an accuracy in the readouts, the table, the messages and the prediction's
  // answer, so a message quotes the readout beside it exactly. Whole percents when every accuracy
  // on this split is one (100 test points: each point is 1 %; 50: 2 %), else one decimal for
  // every accuracy alike, so a gap of 10.4 points is never printed as "10" beside "overfitting".
  function percentDigits() {
    return [train, test].every((part) => part && 100 % part.rows === 0) ? 0 : 1;
  }
  function percentText(fraction) { return formatPercent(fraction, percentDigits()); }
  // The gap in points is worked out from the two accuracies as shown (85% − 84% is 1 point).
  function shownScores(trainAcc, testAcc) {
    const shownTrain = percentText(trainAcc);
    const shownTest = percentText(testAcc);
    const gap = Number((readShown(shownTrain.slice(0, -1)) - readShown(shownTest.slice(0, -1))).toFixed(percentDigits()));
    return { train: shownTrain, test: shownTest, gap };
  }

  // The lesson's definitions in words: the verdict, the numbers it rests on, and what to try.
  function verdictMessage(trainAcc, testAcc, bestTest) {
    const shown = shownScores(trainAcc, testAcc);
    const pointsOf = (v) => t('train-vs-test.points', { points: formatNumber(v, percentDigits()) });
    const gap = shown.gap >= 0 ? t('train-vs-test.gapOf', { points: pointsOf(shown.gap) }) : t('train-vs-test.testAbove', { points: pointsOf(-shown.gap) });
    const limit = formatNumber(OVERFIT_GAP * 100, 0);
    switch (trainTestVerdict(trainAcc, testAcc)) {
      case 'overfitting':
        return [t('train-vs-test.overfitting', { train: shown.train, test: shown.test, gap, limit }), 'bad'];
      case 'underfitting':
        return [t('train-vs-test.underfitting', { train: shown.train, test: shown.test, floor: formatPercent(UNDERFIT_TRAIN, 0), imported: Boolean(imported) }), 'warn'];
      case 'good fit':
        return [t('train-vs-test.goodFit', { train: shown.train, test: shown.test, gap, limit, best: percentText(bestTest) }), 'ok'];
      default:
        return ['', 'info'];
    }
  }

  function draw() {
    if (!view) return;
    plot.setDomain(view.x0, view.x1, view.y0, view.y1);
    plot.begin();
    if (heat) drawHeatmap(plot, heat, GRID[0], GRID[1], probabilityRgb(plot.theme), { rect: view, alpha: 0.55 });
    heatKey.paint(probabilityRgb(plot.theme));
    plot.axes({ xLabel: t('train-vs-test.axis.x'), yLabel: t('train-vs-test.axis.y'), xTicks: 4, yTicks: 4 });
    plot.clipToArea(() => {
      // The model's boundary: where the engine's p(blue circle) crosses ½ on the grid the tint shows.
      if (heat) drawSegments(plot, contourSegments(heat, GRID[0], GRID[1], view, 0.5), { color: plot.theme.model, width: 2.5 });
      for (let i = 0; i < train.rows; i++) plot.point(train.X[2 * i], train.X[2 * i + 1], train.y[i], { size: 4 });
      for (let i = 0; i < test.rows; i++) plot.point(test.X[2 * i], test.X[2 * i + 1], test.y[i], { size: 4, hollow: true });
    });

    const th = curvePlot.theme;
    // From 40 % up, lower when some accuracy on screen is (imported points can score anything); the
    // scale follows the settings shown, so its bottom does not hint at an accuracy not yet seen.
    const shown = shownCurve();
    const floor = Math.min(0.4, Math.floor(Math.min(...shown.flatMap((c) => [c.train, c.test])) * 10) / 10);
    curvePlot.setDomain(0.5, curve.length + 0.5, floor, 1.02);
    curvePlot.begin();
    curvePlot.axes({ xLabel: t('train-vs-test.curveAxis.x'), yLabel: t('train-vs-test.curveAxis.y'), xTicks: 6, yTicks: 4 });
    const xs = shown.map((c) => c.level);
    curvePlot.clipToArea(() => {
      const now = levelNow();
      curvePlot.segment(now, floor, now, 1.02, { color: th.truth, dash: [4, 4], width: 1.5 });
      curvePlot.path(xs, shown.map((c) => c.train), { color: th.model, width: 2.5 });
      curvePlot.path(xs, shown.map((c) => c.test), { color: th.loss, width: 2.5, dash: [7, 4] });
      shown.forEach((c) => {
        curvePlot.point(c.level, c.train, 1, { size: 4 });
        curvePlot.point(c.level, c.test, 1, { size: 4, hollow: true });
      });
    });
  }
  curveKey.replaceChildren(
    el('span', { className: 'dw-key', text: t('train-vs-test.key.train') }),
    el('span', { className: 'dw-key', text: t('train-vs-test.key.test') }),
    el('span', { className: 'dw-key', text: t('train-vs-test.key.memorise') }),
  );

  makeModel();
  loadData();

  return {
    update(next) {
      if (DATA_OPTIONS.some((k) => next[k] !== opts[k])) { imported = null; seenLevels = { knn: new Set(), tree: new Set() }; }
      opts = { ...next };
      if (!kinds.includes(opts.model)) opts.model = kinds[0];
      memorise = false;
      memoriseBox.checked = false;
      showOptions({ model: modelSelect }, opts);
      prediction.reset(t('train-vs-test.reset.settings'));
      makeModel();
      loadData();
    },
    // Shared by a link: the settings changed with the card's own controls, imported points.
    currentOptions() { return { model: opts.model, flexibility: opts.flexibility }; },
    state: {
      get() { return imported ? pointsState(imported.X, imported.y) : null; },
      set(value) { useImported(pointsFromState(value, CSV_RULES)); }, // checked before anything changes
    },
  };
}
