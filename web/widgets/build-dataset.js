// Game "Build the dataset" (seed 001, level 1): choose which columns of a generated house
// dataset (the engine's courseHouses: 240 houses, 7 candidate features, a seeded 60/40
// train/validation split) to give a linear model. The signal meter is the validation R² of the
// engine's LinearRegression fitted by least squares on the training houses with exactly those
// columns, so informative columns raise it and noise columns drag it down a little. Choosing the
// strongest set completes the game; the column buttons are dealt in a seeded order in which that
// set is never the first or the last few buttons, so pressing every button in turn (or undoing
// them in turn) never lands on it: finding it takes a judgement. Imported houses (Import CSV, or a
// Share link holding them) are practice: nothing is reported, as for draw-boundary's imported points.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { el, fixed } from '../lib/ui.js';
import { tableWrap } from '../lib/table.js';
import { formatNumber, formatShort, readShown } from '../lib/format.js';
import { recordedResult, reportComplete, reportScore } from '../lib/report.js';
import { seededShuffle } from '../lib/rng.js';
import { holdout } from '../lib/holdout.js';
import { pointsCsv, pointsFromState, pointsState } from '../lib/points-csv.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './build-dataset.messages.js';

// A change of the validation R² with both ends to four decimals, "0.9105 → 0.9093 (-0.0012)":
// a noise column moves it by about a thousandth, which the three-decimal readouts (0.911, 0.909)
// alone would not add up to. The change is that of the two ends as shown, so it adds up exactly.
function changeText(before, after) {
  const [from, to] = [fixed(before, 4), fixed(after, 4)];
  const delta = Number(to) - Number(from);
  return `${from} → ${to} (${formatNumber(delta, 4, { signed: true })})`;
}

export const schema = {
  seed: { type: 'int', min: 0, max: 4294967295, default: 51, description: 'Seed for the houses and the train/validation split.' },
  houses: { type: 'int', min: 60, max: 2000, default: 240, description: 'How many houses to generate.' },
};

export const meta = { title: messages['build-dataset.title'], hint: messages['build-dataset.hint'] };

export const VALIDATION_FRACTION = 0.4;
const PREVIEW_ROWS = 5;
// The seven columns, in the engine's order; their names are words of the table: a short one for the
// preview's header and imported houses (build-dataset.short.<id>), a full one for generated houses
// (build-dataset.column.<id>, the engine's courseHouses names).
const SHORT = ['size', 'beds', 'age', 'distance', 'shoe', 'colour', 'id'];
// Own houses from a CSV file: the seven columns in this order, then the price (the header the
// export writes). A seeded 40 % are held back for validation, as for generated houses.
export const CSV_RULES = { dims: SHORT.length, labels: 'value', domain: [-1e6, 1e6], valueRange: [-1e6, 1e6], minPoints: 30, maxPoints: 2000 };
const CSV_NAMES = ['size', 'beds', 'age', 'distance', 'shoe_size', 'colour_code', 'random_id'];

// The order the column buttons (and the preview's columns) are shown in: a seeded shuffle of the
// `cols` column indices in which the columns of `bestMask` (bit j: column j) are neither the first
// nor the last buttons, the sets that pressing every button in turn, or undoing them in turn, goes
// through. (A best set of every column is any order's first buttons; the first shuffle stands.)
export function columnOrder(cols, bestMask, seed) {
  const all = Array.from({ length: cols }, (_, j) => j);
  const inBest = (j) => (bestMask & (1 << j)) !== 0;
  const size = all.filter(inBest).length;
  const edge = (order) => order.slice(0, size).every(inBest) || order.slice(cols - size).every(inBest);
  let order = seededShuffle(all, seed >>> 0);
  if (size === 0 || size === cols) return order;
  for (let k = 1; k < 100 && edge(order); k++) order = seededShuffle(all, (seed + k * 7919) >>> 0);
  return order;
}

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  let { ml, card, options } = ctx;
  const { t } = ctx;
  let columnNames = []; // the names the toggles and messages use for the columns loaded
  const model = ctx.own(new ml.LinearRegression());
  let data = null;
  let chosen = [];
  let best = null; // { r2, mask } over every non-empty subset of columns
  let current = null; // { r2Val, r2Train, preds }
  let bestSeen = -Infinity;
  let solvedReported = false;
  let imported = null; // { X, y } houses from a CSV file or a Share link, instead of generated ones
  let quiet = false;   // restoring a Share link: nothing the learner did, so nothing is reported
  let order = SHORT.map((_, j) => j); // the columns in the order their buttons are shown
  card.card.classList.add('build-dataset-main');

  const preview = tableWrap(ctx, null, { className: 'build-dataset-preview' });
  const previewLegend = el('p', { className: 'dw-legend' });
  const toggles = el('div', { className: 'build-dataset-toggles', role: 'group', 'aria-label': t('build-dataset.toggles') });
  const meterLabel = el('span', { className: 'build-dataset-meter-label' });
  const meterFill = el('span', { className: 'build-dataset-meter-fill' });
  const meterBest = el('span', { className: 'build-dataset-meter-best', title: t('build-dataset.meter.best') });
  const meter = el('div', { className: 'build-dataset-meter', role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-label': t('build-dataset.meter') }, [meterFill, meterBest]);
  card.stage.append(preview.element, previewLegend, toggles, el('div', { className: 'build-dataset-meter-row' }, [meterLabel, meter]));
  const plot = ctx.own(new Plot(card.stage, { aspect: 0.55, minHeight: 220, maxHeight: 380, label: t('build-dataset.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.margin = { ...plot.margin, top: 24 }; // room for the y-axis label above the top tick
  card.stage.append(el('p', { className: 'dw-legend', text: t('build-dataset.legend') }));

  const statVal = card.stat(t('build-dataset.stat.validation'));
  const statTrain = card.stat(t('build-dataset.stat.training'));
  const statBest = card.stat(t('build-dataset.stat.best'));
  const statCount = card.stat(t('build-dataset.stat.features'));

  // Predict, then check: with exactly the informative columns in, does one meaningless column
  // help on the validation houses? Judged from the engine's validation R² before and after.
  const realOnly = () => data && data.informative && chosen.length > 0 && Array.from(data.columns, (_, j) => j).every((j) => chosen.includes(j) === (data.informative[j] === 1));
  const prediction = createPrediction(ctx, {
    id: 'build-dataset-noise-column',
    question: t('build-dataset.predict.question'),
    choices: ['rise', 'same', 'fall'].map((c) => [c, t(`build-dataset.predict.${c}`)]),
    ready: () => (realOnly() ? null : t('build-dataset.predict.ready')),
    next: t('build-dataset.predict.next'),
  });
  function judgeNoise(change, result) {
    // Imported houses: which columns are noise is unknown (informative: null), so there is nothing to judge.
    if (!change || !change.adding || change.before === null || !data.informative || data.informative[change.column] === 1) return;
    if (!Array.from(data.columns, (_, j) => j).every((j) => j === change.column || chosen.includes(j) === (data.informative[j] === 1))) return;
    // Both scores are on screen with nothing locked in: a prediction made now could copy them.
    if (prediction.pending === null) { prediction.outcomeSeen(t('build-dataset.predict.seen')); return; }
    const delta = result.r2Val - change.before;
    const outcome = Math.abs(delta) <= 1e-12 ? 'same' : delta > 0 ? 'rise' : 'fall';
    prediction.settle(outcome, t('build-dataset.predict.why', { name: columnNames[change.column], before: fixed(change.before, 4), after: fixed(result.r2Val, 4), train: fixed(result.r2Train, 4), n: data.train.length }));
  }

  let buttons = [];
  pointsCsv(ctx, card.controls, {
    filename: 'houses.csv', rules: CSV_RULES, labelName: 'price', names: CSV_NAMES,
    get: () => {
      const held = new Set(data.validation);
      return { X: data.X, y: data.y, extra: { name: 'split', values: Array.from(data.y, (_, i) => (held.has(i) ? 'validation' : 'train')) } };
    },
    set: (parsed) => { checkPrices(parsed.y); imported = { X: parsed.X, y: parsed.y }; solvedReported = false; load(); },
  });

  // R² compares the model's errors with the spread of the prices it is scored on: with every price
  // the same (in all the houses, or in the training or the validation houses alone) there is no
  // spread, R² is 0/0 and any number shown for it would be made up (the engine's r2Score returns 1
  // for a perfect fit there, by convention). Such houses are refused before anything changes;
  // generated houses always vary. The split checked is the one load() makes, from the seed.
  function checkPrices(y) {
    const same = (rows) => rows.every((r) => y[r] === y[rows[0]]);
    const all = Array.from(y, (_, i) => i);
    if (same(all)) throw new Error(t('build-dataset.csv.onePrice', { price: formatShort(y[0], 6) }));
    const s = holdout(ml, y.length, VALIDATION_FRACTION, options.seed);
    for (const rows of [s.train, s.validation]) {
      if (same(rows)) throw new Error(t('build-dataset.csv.onePartPrice', { validation: rows === s.validation, count: formatNumber(rows.length, 0), price: formatShort(y[rows[0]], 6) }));
    }
  }

  function load() {
    const ok = attempt(card, () => {
      if (imported) {
        const n = imported.y.length;
        const s = holdout(ml, n, VALIDATION_FRACTION, options.seed);
        // Which columns carry the price is unknown for imported houses (informative: null).
        data = { X: imported.X, y: imported.y, rows: n, cols: SHORT.length, columns: SHORT, train: s.train, validation: s.validation, informative: null };
      } else data = ml.courseHouses(options.houses, VALIDATION_FRACTION, options.seed);
      return true;
    }, false);
    if (!ok) return;
    columnNames = SHORT.map((id) => (imported ? t(`build-dataset.short.${id}`) : t(`build-dataset.column.${id}`)));
    best = searchBest();
    order = columnOrder(SHORT.length, best ? best.mask : 0, options.seed);
    renderPreview();
    toggles.replaceChildren();
    // buttons[j] is column j's button, whatever its place in the row.
    buttons = columnNames.map((name, j) => {
      const b = el('button', { type: 'button', className: 'dw-btn build-dataset-toggle', 'aria-pressed': 'false', 'data-column': String(j) });
      b.append(el('span', { className: 'build-dataset-toggle-box', 'aria-hidden': 'true' }), el('span', { text: name }));
      b.addEventListener('click', () => toggle(j));
      return b;
    });
    toggles.append(...order.map((j) => buttons[j]));
    chosen = [];
    bestSeen = -Infinity;
    statBest.set(best ? fixed(best.r2, 3) : '–');
    evaluate(null);
  }

  function renderPreview() {
    const table = el('table', { className: 'dw-table' });
    table.append(el('caption', { className: 'dw-sr-only', text: t('build-dataset.preview.caption', { shown: PREVIEW_ROWS, rows: data.rows }) }));
    const head = el('tr');
    for (const j of order) head.append(el('th', { scope: 'col', text: t(`build-dataset.short.${SHORT[j]}`) }));
    // The price column stays in view while the features scroll under it (build-dataset.css), its
    // header with it, so no price ever sits under a feature's name.
    head.append(el('th', { scope: 'col', className: 'dw-label-col', text: t('build-dataset.short.price') }));
    const body = el('tbody');
    const digits = [0, 0, 0, 1, 0, 0, 0];
    for (let i = 0; i < PREVIEW_ROWS; i++) {
      const tr = el('tr');
      for (const j of order) tr.append(el('td', { text: fixed(data.X[i * data.cols + j], digits[j]) }));
      tr.append(el('td', { className: 'dw-label-col', text: fixed(data.y[i], 0) }));
      body.append(tr);
    }
    table.append(el('thead', {}, [head]), body);
    preview.replace(table);
    previewLegend.textContent = t('build-dataset.preview.legend', { shown: PREVIEW_ROWS, rows: data.rows, train: data.train.length, validation: data.validation.length });
  }

  // Rows of the chosen columns, for the given row indices (bookkeeping: copying numbers).
  function slice(rows, cols) {
    const X = new Float64Array(rows.length * cols.length);
    const y = new Float64Array(rows.length);
    rows.forEach((r, i) => {
      cols.forEach((c, j) => { X[i * cols.length + j] = data.X[r * data.cols + c]; });
      y[i] = data.y[r];
    });
    return { X, y };
  }

  // Least-squares fit on the training rows, scored on both sets. Every number is the engine's.
  function fit(cols, withPredictions) {
    const train = slice(data.train, cols);
    const val = slice(data.validation, cols);
    model.setData(train.X, cols.length, train.y);
    model.setParams(model.closedForm());
    const r2Val = model.score(val.X, val.y);
    const r2Train = model.score(train.X, train.y);
    const preds = withPredictions ? model.predict(val.X).slice() : null;
    return { r2Val, r2Train, preds, actual: val.y };
  }

  function searchBest() {
    return attempt(card, () => {
      let top = null;
      for (let mask = 1; mask < 1 << data.cols; mask++) {
        const cols = [];
        for (let j = 0; j < data.cols; j++) if (mask & (1 << j)) cols.push(j);
        const r = fit(cols, false);
        if (Number.isFinite(r.r2Val) && (!top || r.r2Val > top.r2)) top = { r2: r.r2Val, mask };
      }
      return top;
    }, null);
  }

  function toggle(j) {
    const adding = !chosen.includes(j);
    const before = current ? current.r2Val : null;
    chosen = adding ? [...chosen, j].sort((a, b) => a - b) : chosen.filter((c) => c !== j);
    evaluate({ column: j, adding, before });
  }

  function evaluate(change) {
    buttons.forEach((b, j) => b.setAttribute('aria-pressed', String(chosen.includes(j))));
    statCount.set(t('build-dataset.count', { chosen: chosen.length, total: data.cols }));
    if (!chosen.length) {
      current = null;
      statVal.set('–');
      statTrain.set('–');
      setMeter(0);
      card.setMessage(t('build-dataset.none'), 'info');
      ctx.requestDraw(draw);
      return;
    }
    const result = attempt(card, () => fit(chosen, true), null);
    if (!result || !Number.isFinite(result.r2Val)) {
      current = null;
      setMeter(0);
      card.setMessage(t('build-dataset.fitFailed'), 'bad');
      ctx.requestDraw(draw);
      return;
    }
    current = result;
    statVal.set(fixed(result.r2Val, 3));
    statTrain.set(fixed(result.r2Train, 3));
    setMeter(result.r2Val);
    if (result.r2Val > bestSeen) bestSeen = result.r2Val;
    // The score is the best validation R² the learner's own choices reached, as a percentage of
    // the best any combination reaches, rounded down: 100 only once they found the strongest set
    // (reported in describe()), never "100 of 100" for a near miss.
    if (best && best.r2 > 0 && !quiet && !imported) reportScore(card, { widget: 'build-dataset', title: t('build-dataset.title'), score: Math.min(99, Math.floor((Math.max(0, bestSeen) / best.r2) * 100)), max: 100 });
    describe(change, result);
    judgeNoise(change, result);
    ctx.requestDraw(draw);
  }

  // The bar runs from 0 to 100 %, but the label and the screen reader's value say the validation R²
  // itself: a model worse than always guessing the average price scores below 0 (the lesson's
  // negative R²), which an empty bar alone would pass off as 0.
  function setMeter(r2) {
    const pct = Math.max(0, Math.min(1, r2)) * 100;
    meterFill.style.width = `${pct}%`;
    meterFill.dataset.tone = pct >= 85 ? 'good' : pct >= 50 ? 'mid' : 'low';
    meterBest.style.left = `${best ? Math.max(0, Math.min(1, best.r2)) * 100 : 100}%`;
    meter.setAttribute('aria-valuenow', fixed(pct, 1));
    const percent = fixed(r2 * 100, 1);
    const below = readShown(percent) < 0;
    meter.setAttribute('aria-valuetext', below ? t('build-dataset.meter.below', { percent }) : t('build-dataset.meter.value', { percent }));
    meterLabel.textContent = below ? t('build-dataset.signal.below', { percent }) : t('build-dataset.signal', { percent });
  }

  function describe(change, result) {
    const isBest = best && Math.abs(result.r2Val - best.r2) < 1e-12;
    if (isBest) {
      // Chosen by the learner, it completes the activity; restored from a link or the page's address,
      // it is not theirs to count, and the words say whether the lesson has it complete already.
      // On imported houses it is practice (as draw-boundary's imported points): the game is its own
      // houses, so nothing is reported and the words say why.
      const practice = imported !== null;
      const counted = !practice && (!quiet || solvedReported);
      const before = counted ? null : recordedResult(card, 'build-dataset');
      card.setMessage(t('build-dataset.strongest', { r2: fixed(result.r2Val, 3), counted, complete: !!(before && before.complete), imported: practice }), practice ? 'info' : 'ok');
      if (practice) return;
      if (!solvedReported && !quiet) reportComplete(card, { widget: 'build-dataset', title: t('build-dataset.title'), score: 100, max: 100 }); // reached the best set: 100% of the best
      if (!quiet) solvedReported = true;
      return;
    }
    if (!change || change.before === null) {
      card.setMessage(t('build-dataset.keepGoing', { r2: fixed(result.r2Val, 3), best: best ? fixed(best.r2, 3) : t('build-dataset.theBest') }), 'info');
      return;
    }
    const name = columnNames[change.column];
    if (!data.informative) {
      card.setMessage(t('build-dataset.ownHouses', { adding: change.adding, name, delta: changeText(change.before, result.r2Val) }), 'info');
      return;
    }
    const informative = data.informative[change.column] === 1;
    const delta = result.r2Val - change.before;
    const d = changeText(change.before, result.r2Val);
    // Every verdict agrees with the sign of the change it reports (a real clue can still lose a
    // little on this split, and dropping a noise column can lose a lucky blip).
    if (change.adding && informative) {
      card.setMessage(delta > 0 ? t('build-dataset.addReal.helps', { name, d }) : t('build-dataset.addReal.lost', { name, d }), delta > 0 ? 'ok' : 'info');
    } else if (change.adding) {
      card.setMessage(delta <= 0 ? t('build-dataset.addNoise.hurts', { name, d, n: data.train.length }) : t('build-dataset.addNoise.blip', { name, d }), delta <= 0 ? 'warn' : 'info');
    } else if (informative) {
      card.setMessage(delta < 0 ? t('build-dataset.removeReal.hurts', { name, d }) : t('build-dataset.removeReal.unrewarded', { name, d }), delta < 0 ? 'warn' : 'info');
    } else {
      card.setMessage(delta >= 0 ? t('build-dataset.removeNoise.good', { name, d }) : t('build-dataset.removeNoise.blip', { name, d }), delta >= 0 ? 'ok' : 'info');
    }
  }

  function draw() {
    plot.setDomain(0, 700, 0, 700);
    if (data) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of data.y) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      const pad = (hi - lo) * 0.08;
      plot.setDomain(lo - pad, hi + pad, lo - pad, hi + pad);
    }
    plot.begin();
    plot.axes({ xLabel: t('build-dataset.axis.x'), yLabel: t('build-dataset.axis.y') });
    const { x0, x1 } = plot.domain;
    plot.clipToArea(() => {
      plot.segment(x0, x0, x1, x1, { color: plot.theme.truth, dash: [6, 5], width: 1.5 });
      if (current && current.preds) {
        for (let i = 0; i < current.preds.length; i++) plot.point(current.actual[i], current.preds[i], 1, { hollow: true, size: 4 });
      }
    });
    if (!current) {
      const c = plot.ctx;
      c.fillStyle = plot.theme.textMuted;
      c.font = `14px ${plot.theme.font}`;
      c.textAlign = 'center';
      c.fillText(t('build-dataset.empty'), plot.width / 2, plot.height / 2);
    }
    plot.canvas.setAttribute('aria-label', current ? t('build-dataset.figure', { n: current.preds.length, r2: fixed(current.r2Val, 3) }) : t('build-dataset.figure.empty'));
  }

  load();

  return {
    update(next) { if (next.seed !== options.seed || next.houses !== options.houses) imported = null; options = { ...next }; solvedReported = false; load(); },
    // Shared by a link: the columns chosen, and imported houses.
    state: {
      get() {
        if (!chosen.length && !imported) return null;
        return { cols: [...chosen], ...(imported ? pointsState(imported.X, imported.y) : {}) };
      },
      set(value) {
        const cols = value && Array.isArray(value.cols) ? value.cols : null;
        if (!cols || cols.length > SHORT.length || new Set(cols).size !== cols.length || !cols.every((j) => Number.isInteger(j) && j >= 0 && j < SHORT.length)) {
          throw new RangeError(`the chosen columns must be different whole numbers from 0 to ${SHORT.length - 1}`);
        }
        const houses = value.p ? pointsFromState(value, CSV_RULES) : null; // checked before anything changes
        if (houses) {
          try { checkPrices(houses.y); } catch (err) { throw new RangeError(err.message.replace(/\.$/, '')); }
        }
        if (houses) { imported = { X: houses.X, y: houses.y }; load(); }
        chosen = [...cols].sort((a, b) => a - b);
        quiet = true;
        try { evaluate(null); } finally { quiet = false; }
      },
    },
  };
}
