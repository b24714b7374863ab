// Seed 000's experiment, live: 12 noisy training points of sin(x) on [0, 2π] (noise 0.3) and
// 200 clean test points. A polynomial of the chosen degree is fitted by least squares (the
// engine's PolynomialRegression.solve()); the table's train/test MSE come from the engine's
// sinExperiment, and each verdict is read off those numbers. Two sets of dots: the engine's own
// noise for a seed (the default; New noise draws another), or the twelve dots of the experiment's
// original NumPy run (NumPy's generator cannot be replayed, so they are data: numpy-run.js), which
// the engine fits the same way (polynomial-errors.js) and which give that run's printed table. The check: the learner chooses the
// degree that does best on the test points (which makes them a validation set, as the found
// message says), and it counts only if it is the degree with the lowest test MSE as the readouts
// show it (3 decimals: two degrees that both show 0.062 are equally low, and either counts);
// merely visiting a degree records nothing. The first pick on the page is the one recorded, on
// any noise: later picks are practice. The lesson's text that names the best degree, opened by the
// learner before the first pick (web/js/reveal.js sends 'dw:reveal-read'), has shown the answer:
// every pick on this page is then practice and reports nothing.
import { mountWidget, attempt } from '../lib/widget.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, el, segmented, slider } from '../lib/ui.js';
import { tableWrap } from '../lib/table.js';
import { formatNumber, formatShort, listedInWords, asShown } from '../lib/format.js';
import { recordedFirstPick, reportComplete, reportOutcomeShown, reportScore } from '../lib/report.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './sin-experiment.messages.js';
import { NUMPY_RUN } from './sin-experiment/numpy-run.js';
import { polynomialErrors } from './sin-experiment/polynomial-errors.js';

export const engine = 'core';
export const schema = {
  seed: seedOption(0, 'Seed for the noise on the training points.'),
  noise: { type: 'number', min: 0, max: 1, default: 0.3, description: 'Standard deviation of the training noise.' },
  degree: { type: 'int', min: 1, max: 11, default: 3, description: 'Starting polynomial degree.' },
  dots: { type: 'enum', values: ['seeded', 'numpy'], default: 'seeded', description: 'Training dots: seeded draws the noise from seed; numpy loads the twelve dots of the original NumPy run (default_rng(0)), for which seed and noise do not apply.' },
};

export const meta = { title: messages['sin-experiment.title'], hint: messages['sin-experiment.hint'] };

const TWO_PI = 2 * Math.PI;
const TABLE_DEGREES = [1, 3, 11];
// The lesson's text that names the best degree (`::: reveal predict=sin-best-degree`) opens once the
// learner has found it with Choose this degree.
const BEST_DEGREE_REVEAL = 'predict:sin-best-degree';
const ALL_DEGREES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
// A degree counts as "just right" when its test MSE is within 0.02 of the lowest any degree
// reaches: sin x has variance 1/2 on [0, 2π], so 0.02 is 4% of what a flat line would miss by.
export const JUST_RIGHT_MARGIN = 0.02;
// Test MSE as the readouts, the table and the messages show it (3 decimals). Which degree is the
// lowest is judged on these: the learner cannot tell apart two degrees that both read 0.062, so
// either is "the lowest" (as pick-the-model judges its degrees, shownMse).
const MSE_DIGITS = 3;
const shownMse = (v) => asShown(v, MSE_DIGITS);
// The lowest test MSE beside a ratio to it: at least the table's digits ("0.060", not "0.06"), so the
// same degree's error reads the same everywhere, and at least two significant digits ("0.0073", not
// "0.007"), so the ratio beside it checks out by hand (4.359 ÷ 0.0073 ≈ 597).
const lowestText = (mse) => formatNumber(mse, MSE_DIGITS, { significant: 2 });

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  let degree = opts.degree;
  const model = ctx.own(new ml.PolynomialRegression());
  let train = null;
  let truthX = null;
  let truthY = null;
  let curveX = null;
  let curveY = null;
  let sweep = null; // train and test MSE of every degree 1…11 on the current dots
  // The check's first pick on this page, kept across New noise and update() (fresh dots would
  // otherwise let a learner who missed pick again until a right first pick is recorded): null
  // before any pick, then 'right' or 'wrong'. Reported with firstTry, so saved progress keeps the
  // first pick of any visit too; a pick the lesson recorded on an earlier visit (recordedResult)
  // is this page's first pick, and the check it completed stays complete: picks now are practice.
  // The record is read again at this page's first pick: progress reset in another tab since the
  // page opened leaves nothing recorded, and the pick is the first again.
  let firstPick = null;
  let completed = false; // the lowest was found (dw:complete reported) on this page or before
  let pickedHere = false;
  let readFirst = false; // the lesson's text naming the best degree was opened before any pick was recorded
  function fromRecord() { ({ firstPick, complete: completed } = recordedFirstPick(card, 'sin-experiment')); }
  fromRecord();
  // Opened after a pick, or with a pick recorded on an earlier visit, the text changes nothing.
  function readAhead(event) {
    if (`predict:${event.detail && event.detail.predict}` !== BEST_DEGREE_REVEAL || readFirst) return;
    if (!pickedHere) fromRecord();
    if (firstPick !== null || completed) return;
    readFirst = true;
    card.setMessage(t('sin-experiment.readFirst'), 'info');
  }
  ctx.element.addEventListener('dw:reveal-read', readAhead);
  ctx.own(() => ctx.element.removeEventListener('dw:reveal-read', readAhead));
  // Degrees the learner has set on this data set. Only their errors are on screen (table, error
  // chart, best so far): with every degree shown from the start, the lowest test error and the
  // degree-11 outcome could be read off before the learner searched or predicted.
  let visited = new Set();

  card.card.classList.add('sin-experiment');
  const row = el('div', { className: 'dw-row' });
  const left = el('div', { className: 'dw-col sin-experiment-main' });
  const right = el('div', { className: 'dw-col sin-experiment-side' });
  row.append(left, right);
  card.stage.append(row);
  const plot = ctx.own(new Plot(left, { aspect: 0.62, minHeight: 220, maxHeight: 420, label: t('sin-experiment.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.margin = { ...plot.margin, top: 24 }; // room for the y-axis label above the top tick
  left.append(el('p', { className: 'dw-legend', text: t('sin-experiment.legend.fit') }));
  const errPlot = ctx.own(new Plot(right, { aspect: 0.7, minHeight: 180, maxHeight: 260, label: t('sin-experiment.errPlot'), onResize: () => ctx.requestDraw(draw) }));
  errPlot.margin = { ...errPlot.margin, top: 24 };
  right.append(el('p', { className: 'dw-legend', text: t('sin-experiment.legend.errors') }));

  const table = el('table', { className: 'dw-table sin-experiment-table' });
  const head = el('tr');
  for (const h of [t('sin-experiment.table.model'), t('sin-experiment.table.train'), t('sin-experiment.table.test'), t('sin-experiment.table.verdict')]) head.append(el('th', { scope: 'col', text: h }));
  const body = el('tbody');
  table.append(el('caption', { className: 'dw-sr-only', text: t('sin-experiment.table.caption') }), el('thead', {}, [head]), body);
  right.append(tableWrap(ctx, table).element);

  const degreeSlider = slider(card.controls, { label: t('sin-experiment.slider.degree'), min: 1, max: 11, step: 1, value: degree, format: (v) => String(v), onInput: (v) => setDegree(v) });
  const buttons = buttonRow(card.controls);
  button(buttons, t('sin-experiment.choose'), () => choose(), { primary: true });
  for (const d of TABLE_DEGREES) button(buttons, t('sin-experiment.degreeButton', { degree: d }), () => setDegree(d));
  button(buttons, t('sin-experiment.newNoise'), () => { opts.seed = nextSeed(opts.seed); setDots('seeded'); });
  const dotsControl = segmented(card.controls, { label: t('sin-experiment.dots'), options: schema.dots.values.map((v) => [v, t(`sin-experiment.dots.${v}`)]), value: opts.dots, onChange: (v) => setDots(v) });
  function setDots(dots) {
    opts.dots = dots;
    dotsControl.set(dots);
    load();
  }

  const statDeg = card.stat(t('sin-experiment.stat.degree'));
  const statTrain = card.stat(t('sin-experiment.stat.train'));
  const statTest = card.stat(t('sin-experiment.stat.test'));
  const statBest = card.stat(t('sin-experiment.stat.best'));

  // Predict, then check: degree 11 runs through every training dot; how does it do on the test
  // points against degree 3? Judged from the engine's sweep when the learner moves to degree 11.
  const prediction = createPrediction(ctx, {
    id: 'sin-degree-11',
    question: t('sin-experiment.predict.question'),
    choices: ['lower', 'similar', 'few', 'far'].map((id) => [id, t(`sin-experiment.predict.${id}`)]),
    // With degrees 3 and 11 both seen on these dots the outcome is already on screen: a prediction
    // now would copy it, so the box asks for fresh dots instead.
    ready: () => (visited.has(3) && visited.has(11) ? t('sin-experiment.predict.seen') : null),
    next: () => (degree === 11 ? t('sin-experiment.predict.again') : t('sin-experiment.predict.set11')),
  });
  function judgeDegree11() {
    if (prediction.pending === null || degree !== 11 || !sweep) return;
    const [t3, t11] = [sweep.test[2], sweep.test[10]];
    const ratio = t11 / t3;
    if (!Number.isFinite(ratio)) return;
    const outcome = ratio < 1 ? 'lower' : ratio <= 2 ? 'similar' : ratio <= 10 ? 'few' : 'far';
    const times = ratio >= 1 ? t('sin-experiment.predict.timesHigher', { ratio: formatShort(ratio, 3) }) : t('sin-experiment.predict.timesLower', { ratio: formatShort(1 / ratio, 3) });
    prediction.settle(outcome, t('sin-experiment.predict.why', { test11: formatNumber(t11, 3), test3: formatNumber(t3, 3), ratio: times, train11: formatNumber(sweep.train[10], 3) }));
  }

  function load() {
    const ok = attempt(card, () => {
      const clean = ml.makeNoisySin(200, 0, opts.seed);
      truthX = clean.X;
      truthY = clean.y;
      if (opts.dots === 'numpy') {
        train = { X: Float64Array.from(NUMPY_RUN.x), y: Float64Array.from(NUMPY_RUN.y), rows: NUMPY_RUN.x.length };
        sweep = polynomialErrors(ml, train, clean, ALL_DEGREES);
      } else {
        train = ml.makeNoisySin(12, opts.noise, opts.seed);
        const r = ml.sinExperiment(ALL_DEGREES, opts.noise, opts.seed);
        sweep = { degrees: Array.from(r.degrees), train: Array.from(r.trainMse), test: Array.from(r.testMse) };
      }
      visited = new Set();
      model.setData(train.X, 1, train.y);
      return true;
    }, false);
    if (ok) setDegree(degree);
  }

  function setDegree(d) {
    degree = Math.max(1, Math.min(11, Math.round(d)));
    degreeSlider.set(degree);
    const ok = attempt(card, () => {
      model.setDegree(degree);
      model.solve();
      curveY = model.curve(0, TWO_PI, 400).slice();
      curveX = Float64Array.from({ length: 400 }, (_, i) => (TWO_PI * i) / 399);
      return true;
    }, false);
    if (!ok) { curveY = null; ctx.requestDraw(draw); return; }
    visited.add(degree);
    renderTable();
    judgeDegree11();
    ctx.requestDraw(draw);
  }

  function bestIndex() {
    let b = 0;
    sweep.test.forEach((v, i) => { if (v < sweep.test[b]) b = i; });
    return b;
  }

  // Whether degree i's test MSE, as shown, is the lowest shown: the degree with the lowest value,
  // or one that reads the same to 3 decimals.
  function lowestAsShown(i) {
    return shownMse(sweep.test[i]) === shownMse(sweep.test[bestIndex()]);
  }

  // The degrees with the lowest shown test MSE among those the learner has set on this data set
  // (more than one when they read the same).
  function bestVisitedDegrees() {
    const low = Math.min(...[...visited, degree].map((d) => shownMse(sweep.test[d - 1])));
    return [...new Set([...visited, degree])].filter((d) => shownMse(sweep.test[d - 1]) === low).sort((a, b) => a - b);
  }

  // A verdict read off the engine's numbers: close to the lowest test error → just right; otherwise the
  // training error tells which way it failed (below the best model's: memorising; above: too rigid).
  function verdict(i) {
    const b = bestIndex();
    const named = (id, tone) => ({ id, text: t(`sin-experiment.verdict.${id}`), tone });
    if (!Number.isFinite(sweep.test[i])) return named('failed', 'bad');
    if (sweep.test[i] <= sweep.test[b] + JUST_RIGHT_MARGIN) return named('justRight', 'ok');
    if (sweep.train[i] <= sweep.train[b]) return named('overfit', 'bad');
    return named('underfit', 'warn');
  }

  function renderTable() {
    // The table's degrees and the current one, from the engine's sweep over every degree.
    const shown = TABLE_DEGREES.filter((d) => visited.has(d));
    const degs = shown.includes(degree) ? shown : [...shown, degree];
    body.replaceChildren();
    degs.forEach((d) => {
      const i = d - 1;
      const v = verdict(i);
      const tr = el('tr', { className: d === degree ? 'dw-current' : '', 'data-degree': String(d) });
      tr.append(el('td', { text: t('sin-experiment.table.degree', { degree: d }) }), el('td', { text: formatNumber(sweep.train[i], 3) }), el('td', { text: formatNumber(sweep.test[i], 3) }));
      const cell = el('td', { className: 'sin-experiment-verdict', 'data-tone': v.tone, text: v.text });
      tr.append(cell);
      body.append(tr);
    });
    const i = degree - 1;
    const b = bestIndex();
    statDeg.set(String(degree));
    statTrain.set(formatNumber(sweep.train[i], 3));
    statTest.set(formatNumber(sweep.test[i], 3));
    statBest.set(listedInWords(bestVisitedDegrees().map(String)));
    const v = verdict(i);
    const better = sweep.test.filter((v) => shownMse(v) < shownMse(sweep.test[i])).length;
    const numbers = { degree, train: formatNumber(sweep.train[i], 3), test: formatNumber(sweep.test[i], 3), margin: formatShort(JUST_RIGHT_MARGIN), times: formatNumber(sweep.test[i] / sweep.test[b], 1), lowest: lowestText(sweep.test[b]), bestTrain: formatNumber(sweep.train[b], 3), better };
    const says = v.id === 'justRight' && lowestAsShown(i) ? 'best' : v.id;
    let text = t(`sin-experiment.says.${says}`, numbers);
    if (lowestWithheld() && says === 'overfit') text = t('sin-experiment.says.overfitAlone', { degree, train: numbers.train, test: numbers.test, margin: numbers.margin });
    else if (lowestWithheld() && says === 'justRight') text = t('sin-experiment.says.justRightAlone', { degree, test: numbers.test, margin: numbers.margin, better });
    card.setMessage(text, v.tone === 'ok' ? 'ok' : v.tone === 'bad' ? 'bad' : 'warn');
    plot.canvas.setAttribute('aria-label', t('sin-experiment.figure', { degree, train: formatNumber(sweep.train[i], 3), test: formatNumber(sweep.test[i], 3), verdict: v.text }));
  }

  // Degree 11's test MSE is on screen and degree 3's is not, with no prediction locked in (the
  // lesson's start, and every New noise pressed at degree 11): the lowest test MSE any degree
  // reaches (degree 3's, or close to it) written beside it would answer the Predict box's question
  // ("73.5× the lowest, 0.026") before it is asked. The verdicts then leave the lowest out.
  function lowestWithheld() {
    return prediction.pending === null && visited.has(11) && !visited.has(3);
  }

  // The learner's answer to "which degree does best on the test points?": right only for a degree with the
  // lowest test MSE as shown (lowestAsShown); a near miss inside the just-right band is told so, with the numbers. As in
  // check-yourself, the first pick is the score, whatever the noise: a wrong first pick reports
  // 0 of 1, and finding the degree after it (on these dots or new ones) completes the check at 0.
  // Every pick after the recorded ones is practice: judged and shown, not reported.
  function choose() {
    if (!sweep) return;
    // The answer names the lowest test MSE; beside degree 11's on screen, that is close to the
    // Predict box's outcome, so a prediction after it on this page is practice.
    if (lowestWithheld()) prediction.outcomeGlimpsed(t('sin-experiment.predict.glimpsed'));
    const i = degree - 1;
    const b = bestIndex();
    const test = formatNumber(sweep.test[i], 3);
    const detail = { widget: 'sin-experiment', title: t('sin-experiment.report'), max: 1, firstTry: true };
    if (!pickedHere) fromRecord();
    pickedHere = true;
    // The answer was read before a pick was recorded: judged and shown, never reported.
    const practice = readFirst && firstPick === null && !completed;
    if (lowestAsShown(i)) {
      // Other degrees that show the same lowest test MSE are named: either pick counts.
      const tied = sweep.degrees.filter((d) => d !== degree && lowestAsShown(d - 1)).map((d) => formatNumber(d, 0));
      const found = t('sin-experiment.found', { degree, test, tied });
      const after = practice ? t('sin-experiment.practiceRead') : completed ? t('sin-experiment.practice') : firstPick === 'wrong' ? t('sin-experiment.foundLate') : '';
      card.setMessage(after ? `${found} ${after}` : found, 'ok');
      if (!practice) {
        if (!completed) reportComplete(card, { ...detail, score: firstPick === null ? 1 : 0 });
        if (firstPick === null) firstPick = 'right';
        completed = true;
      }
      reportOutcomeShown(card, { widget: BEST_DEGREE_REVEAL });
      return;
    }
    const v = verdict(i);
    if (v.id === 'failed') return;
    const why = v.id === 'justRight'
      ? t('sin-experiment.close', { degree, test, margin: formatShort(JUST_RIGHT_MARGIN) })
      : t('sin-experiment.notThis', { degree, test, times: formatNumber(sweep.test[i] / sweep.test[b], 1), lowest: lowestText(sweep.test[b]), overfit: v.id === 'overfit' });
    const follow = t('sin-experiment.follow', { why });
    if (practice) { card.setMessage(`${follow} ${t('sin-experiment.practiceRead')}`, 'warn'); return; }
    card.setMessage(firstPick === null ? follow : `${follow} ${t('sin-experiment.practice')}`, 'warn');
    if (firstPick !== null) return;
    firstPick = 'wrong';
    reportScore(card, { ...detail, score: 0 });
  }

  function draw() {
    plot.setDomain(0, TWO_PI, -2, 2);
    plot.begin();
    plot.axes({ xLabel: t('sin-experiment.axis.x'), yLabel: t('sin-experiment.axis.y'), xTicks: 6, yTicks: 4 });
    plot.clipToArea(() => {
      if (truthX) plot.path(truthX, truthY, { color: plot.theme.truth, dash: [6, 5], width: 2 });
      if (curveY) plot.path(curveX, curveY, { width: 2.5 });
      if (train) for (let i = 0; i < train.rows; i++) plot.point(train.X[i], train.y[i], 1, { size: 5 });
    });

    if (!sweep) return;
    const logs = (a) => a.map((v) => Math.log10(Math.max(v, 1e-6)));
    const lt = logs(sweep.train);
    const ls = logs(sweep.test);
    // The scale follows the degrees on screen, so its top does not hint at an error not yet seen.
    const seen = (a) => a.filter((v, i) => visited.has(i + 1) && Number.isFinite(v));
    const lo = Math.min(-4, ...seen(lt));
    const hi = Math.max(0, ...seen(ls)) + 0.2;
    errPlot.setDomain(0.5, 11.5, lo, hi);
    errPlot.begin();
    errPlot.axes({ xLabel: t('sin-experiment.errAxis.x'), yLabel: t('sin-experiment.errAxis.y'), xTicks: 6, yTicks: 4 });
    errPlot.clipToArea(() => {
      const th = errPlot.theme;
      const x = sweep.degrees.filter((d) => visited.has(d));
      const trainShown = x.map((d) => lt[d - 1]);
      const testShown = x.map((d) => ls[d - 1]);
      errPlot.segment(degree, lo, degree, hi, { color: th.gridLine, width: 10 });
      errPlot.path(x, trainShown, { color: th.model, width: 2 });
      errPlot.path(x, testShown, { color: th.loss, width: 2, dash: [5, 4] });
      x.forEach((d, i) => {
        const c = errPlot.ctx;
        c.beginPath(); c.arc(errPlot.px(d), errPlot.py(trainShown[i]), 3.5, 0, Math.PI * 2); c.fillStyle = th.model; c.fill();
        c.beginPath(); c.arc(errPlot.px(d), errPlot.py(testShown[i]), 4, 0, Math.PI * 2); c.lineWidth = 2; c.strokeStyle = th.loss; c.stroke();
      });
    });
  }

  load();

  return {
    update(next) { opts = { ...next }; degree = opts.degree; dotsControl.set(opts.dots); load(); },
  };
}
