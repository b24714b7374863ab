// Pipeline and leakage (seed 002, issue 8): a table of pure noise with gaps goes through
// impute → select → standardise → logistic regression. Cross-validated twice by the engine's
// pipelineCrossValScore: with the preprocessing fitted once on all rows (leaky) and fitted inside
// every fold on its training rows only (honest). A before/after table shows what imputing and
// scaling do to a few rows, with the statistics learned from all rows or from one training split;
// a second table shows the engine's OneHotEncoder turning a city column into 0/1 columns, fitted
// the same two ways (a city that only a test row has is unseen by the honest fit).
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, el, fixed, select, slider } from '../lib/ui.js';
import { tableWrap } from '../lib/table.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { formatNumber } from '../lib/format.js';
import { fillLegend, legend } from '../lib/legend.js';
import { CITIES, cityColumn, noiseTable } from './pipeline-leakage/noise-table.js';
import { mean } from '../lib/arrays.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './pipeline-leakage/messages.js';

export const schema = {
  rows: { type: 'int', min: 20, max: 200, default: 50, description: 'Rows (people, samples) in the table.' },
  // The widget opens at 5 columns, where both scores agree: many columns would show the leak (the
  // answer to the Predict box) before it is asked.
  features: { type: 'int', min: 5, max: 2000, default: 5, description: 'Noise columns measured per row.' },
  select: { type: 'int', min: 1, max: 50, default: 10, description: 'Columns kept by the selection step.' },
  k: { type: 'int', min: 2, max: 10, default: 5, description: 'Cross-validation folds.' },
  seed: seedOption(3, 'Seed for the table and the folds.'),
};

export const meta = { title: messages['pipeline-leakage.title'], hint: messages['pipeline-leakage.hint'] };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

const MAX_STEPS = 500;

// The noise-columns slider: a log track from 5 to 2 000 in steps of 0.01 of log₁₀ (its right end
// gives 2 000 itself), each value rounded to a whole count. The lesson's claims test lists the
// counts the slider reaches with these two (sliderSettings in web/lib/ui.js).
export const FEATURES_SLIDER = { min: 5, max: 2000, step: 0.01, scale: 'log' };
export const columnCount = (v) => Math.round(v);

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const model = ctx.own(new ml.LogisticRegression());
  const imputer = ctx.own(new ml.SimpleImputer());
  const scaler = ctx.own(new ml.StandardScaler());
  const encoder = ctx.own(new ml.OneHotEncoder());
  // A category the honest fit never saw becomes a row of zeros instead of an error.
  encoder.setIgnoreUnknown(true);
  let data = null;
  let leaky = new Float64Array(0);
  let honest = new Float64Array(0);
  let tableFit = 'all';

  // Pipeline diagram: four boxes and arrows, DOM so it reflows on phones.
  const diagram = el('ol', { className: 'pipeline-leakage-diagram', 'aria-label': t('pipeline-leakage.diagram') });
  const stepText = {
    impute: el('span', { className: 'pipeline-leakage-step-detail' }),
    select: el('span', { className: 'pipeline-leakage-step-detail' }),
    scale: el('span', { className: 'pipeline-leakage-step-detail' }),
    model: el('span', { className: 'pipeline-leakage-step-detail', text: t('pipeline-leakage.detail.model') }),
    onehot: el('span', { className: 'pipeline-leakage-step-detail', text: t('pipeline-leakage.detail.onehot') }),
  };
  for (const key of ['onehot', 'impute', 'select', 'scale', 'model']) {
    diagram.append(el('li', { className: `pipeline-leakage-step pipeline-leakage-step-${key}` }, [el('span', { className: 'pipeline-leakage-step-name', text: t(`pipeline-leakage.step.${key}`) }), stepText[key]]));
  }
  card.stage.append(diagram);

  const plotHost = el('div', { className: 'pipeline-leakage-plot' });
  card.stage.append(plotHost);
  const plot = ctx.own(new Plot(plotHost, { aspect: 0.42, minHeight: 190, maxHeight: 280, label: t('pipeline-leakage.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.margin = { ...plot.margin, left: 16, top: 14 };
  // The fold scores are written in the legend, not beside their dots: on a phone a row of five (or
  // ten) scores is wider than the plot's half left of the chance line, so it ran across the line.
  const legendItems = () => [
    { text: leaky.length ? t('pipeline-leakage.legend.leakyFolds', { scores: foldScores(leaky) }) : t('pipeline-leakage.legend.leaky'), swatch: 'dw-swatch dw-swatch-loss' },
    { text: honest.length ? t('pipeline-leakage.legend.honestFolds', { scores: foldScores(honest) }) : t('pipeline-leakage.legend.honest'), swatch: 'dw-swatch dw-swatch-good' },
    { text: t('pipeline-leakage.legend.chance'), swatch: 'dw-swatch dw-swatch-truth' },
  ];
  const foldScores = (scores) => Array.from(scores, (s) => fixed(s, 2)).join(', ');
  const foldLegend = legend(card.stage, legendItems());

  // Before/after table of a few rows.
  const caption = el('p', { className: 'pipeline-leakage-caption' });
  const table = el('table', { className: 'dw-table pipeline-leakage-table' });
  const thead = el('thead');
  const tbody = el('tbody');
  const tfoot = el('tfoot');
  table.append(thead, tbody, tfoot);
  card.stage.append(caption, tableWrap(ctx, table, { label: caption }).element);

  // One-hot table: the city column before, the encoder's 0/1 columns after.
  const oneHotCaption = el('p', { className: 'pipeline-leakage-onehot-caption' });
  const oneHotTable = el('table', { className: 'dw-table pipeline-leakage-onehot' });
  const oneHotHead = el('thead');
  const oneHotBody = el('tbody');
  oneHotTable.append(oneHotHead, oneHotBody);
  card.stage.append(oneHotCaption, tableWrap(ctx, oneHotTable, { label: oneHotCaption }).element);

  const buttons = buttonRow(card.controls);
  button(buttons, t('pipeline-leakage.newTable'), () => { opts.seed = nextSeed(opts.seed); loadData(); }, { primary: true, title: t('pipeline-leakage.newTableTitle') });
  select(card.controls, {
    label: t('pipeline-leakage.select.tableFit'),
    value: tableFit,
    options: ['all', 'train'].map((v) => [v, t(`pipeline-leakage.tableFit.${v}`)]),
    onChange: (v) => { tableFit = v; renderTable(); },
  });
  const sliders = {
    features: slider(card.controls, { label: t('pipeline-leakage.slider.features'), ...FEATURES_SLIDER, value: opts.features, format: (v) => formatNumber(columnCount(v), 0), onInput: (v) => { opts.features = columnCount(v); loadData(); } }),
    select: slider(card.controls, { label: t('pipeline-leakage.slider.select'), min: 1, max: 50, step: 1, value: opts.select, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.select = v; score(); render(); } }),
  };

  const statLeaky = card.stat(t('pipeline-leakage.stat.leaky'));
  const statHonest = card.stat(t('pipeline-leakage.stat.honest'));
  const statGap = card.stat(t('pipeline-leakage.stat.gap'));
  const statChance = card.stat(t('pipeline-leakage.stat.chance'));

  // Predict, then check: with few columns the two scores agree; with 2000 columns of pure noise,
  // where will the leaky score go? Judged from the engine's cross-validated scores from 1,900
  // columns up: the slider reaches 1,901, 1,945 and, at its right end, 2,000.
  const MANY = 1900;
  // From 100 columns up the leaky score on the lesson's table already reads 0.60 or more at every
  // slider setting (lessons/pipeline-leakage.claims.test.mjs). Below 100 it reads 0.32–0.82, and
  // from 12 columns (0.66) it can already read 0.65 or more, the box's own band for "high": a
  // leaky score in that band while selection chooses among more columns than it keeps (the leak
  // at work; with no choice both scores are equal) answers the box too.
  const TELLING = 100;
  const HIGH = 0.65;
  function leakInBand() {
    const keep = Math.min(opts.select, data.cols);
    return data.cols > keep && Number(fixed(mean(leaky), 3)) >= HIGH;
  }
  let leakSinceLock = false;
  const prediction = createPrediction(ctx, {
    id: 'leakage-many-columns',
    question: t('pipeline-leakage.predict.question'),
    choices: ['chance', 'high'].map((c) => [c, t(`pipeline-leakage.predict.${c}`)]),
    ready: () => (opts.features <= 10 ? null : t('pipeline-leakage.predict.notReady')),
    onCommit: () => { leakSinceLock = false; },
    // A leaky score that answers the box, shown under this lock, makes a changed prediction practice.
    progress: () => leakSinceLock,
    next: t('pipeline-leakage.predict.next'),
  });
  function judgeMany() {
    if (!leaky.length || !honest.length) return;
    if (prediction.pending === null) {
      const why = () => t('pipeline-leakage.predict.seen', { features: formatNumber(opts.features, 0), leaky: fixed(mean(leaky), 3) });
      // Many columns show the leak itself, and open the lesson's text that states it; a score in
      // the band at a few columns is a glimpse of it.
      if (opts.features >= TELLING) prediction.outcomeSeen(why());
      else if (leakInBand()) prediction.outcomeGlimpsed(why());
      return;
    }
    if (opts.features >= TELLING || leakInBand()) leakSinceLock = true;
    if (opts.features < MANY) return;
    const lm = mean(leaky);
    prediction.settle(lm >= HIGH ? 'high' : 'chance', t('pipeline-leakage.predict.why', { features: formatNumber(opts.features, 0), leaky: fixed(lm, 3), honest: fixed(mean(honest), 3), keep: Math.min(opts.select, data.cols) }));
  }

  function loadData() {
    data = noiseTable(opts.rows, opts.features, opts.seed);
    score();
    renderTable();
    render();
  }

  function score() {
    const keep = Math.min(opts.select, data.cols);
    const pipe = { impute: true, strategy: 'mean', selectFeatures: keep, scaling: 'standard' };
    leaky = attempt(card, () => ml.pipelineCrossValScore(model, data.X, data.cols, data.y, pipe, opts.k, opts.seed, MAX_STEPS, true), new Float64Array(0));
    honest = attempt(card, () => ml.pipelineCrossValScore(model, data.X, data.cols, data.y, pipe, opts.k, opts.seed, MAX_STEPS, false), new Float64Array(0));
  }

  function render() {
    const keep = Math.min(opts.select, data.cols);
    const lm = mean(leaky);
    const hm = mean(honest);
    statLeaky.set(fixed(lm, 3));
    statHonest.set(fixed(hm, 3));
    statGap.set(formatNumber(lm - hm, 3, { signed: true }));
    statChance.set('0.500');
    stepText.impute.textContent = t('pipeline-leakage.detail.impute');
    stepText.select.textContent = t('pipeline-leakage.detail.select', { keep: formatNumber(keep, 0), cols: formatNumber(data.cols, 0) });
    stepText.scale.textContent = t('pipeline-leakage.detail.scale');
    fillLegend(foldLegend, legendItems());
    if (!leaky.length || !honest.length) return;
    // "About chance" only where it is: with 50 rows an honest score wanders several points either way.
    const honestText = Math.abs(hm - 0.5) <= 0.1
      ? t('pipeline-leakage.honest.chance', { score: fixed(hm, 3) })
      : t('pipeline-leakage.honest.luck', { score: fixed(hm, 3), above: hm > 0.5, rows: formatNumber(data.rows, 0) });
    if (lm - hm > 0.15) {
      card.setMessage(t('pipeline-leakage.leak', { rows: formatNumber(data.rows, 0), keep, leaky: fixed(lm, 3), honest: honestText }), 'bad');
    } else if (lm - hm > 0.05) {
      card.setMessage(t('pipeline-leakage.creeping', { leaky: fixed(lm, 3), honest: fixed(hm, 3) }), 'warn');
    } else {
      card.setMessage(t('pipeline-leakage.close', { cols: formatNumber(data.cols, 0), leaky: fixed(lm, 3), honest: fixed(hm, 3), same: Math.abs(lm - hm) < 5e-4 }), 'info');
    }
    plot.canvas.setAttribute('aria-label', t('pipeline-leakage.figure', { leaky: fixed(lm, 3), honest: fixed(hm, 3) }));
    judgeMany();
    ctx.requestDraw(draw);
  }

  const SHOW_ROWS = 5;
  const SHOW_COLS = 3;
  function renderTable() {
    if (!data) return;
    const n = data.rows;
    const folds = attempt(card, () => ml.stratifiedKFold(data.y, opts.k, true, opts.seed), null);
    if (!folds) return;
    const testRows = Array.from(folds[0].test).slice(0, SHOW_ROWS);
    const fitRows = tableFit === 'all' ? Array.from({ length: n }, (_, i) => i) : Array.from(folds[0].train);
    const sub = (rows) => {
      const out = [];
      for (const i of rows) for (let j = 0; j < SHOW_COLS; j++) out.push(data.X[i * data.cols + j]);
      return out;
    };
    const result = attempt(card, () => {
      imputer.setStrategy('mean');
      imputer.fit(sub(fitRows), SHOW_COLS);
      const filled = imputer.transform(sub(fitRows), SHOW_COLS);
      scaler.fit(filled, SHOW_COLS);
      const shown = scaler.transform(imputer.transform(sub(testRows), SHOW_COLS), SHOW_COLS);
      return { shown, fill: imputer.statistics(), mu: scaler.mean(), sd: scaler.scale() };
    }, null);
    if (!result) return;
    caption.textContent = tableFit === 'all'
      ? t('pipeline-leakage.caption.all', { rows: formatNumber(n, 0) })
      : t('pipeline-leakage.caption.train', { rows: formatNumber(fitRows.length, 0) });
    // One column per feature, raw value over the value after imputing and scaling: five columns
    // in all, so the row, every feature and the label stay visible on a phone.
    thead.replaceChildren(el('tr', {}, [
      el('th', { text: t('pipeline-leakage.column.row'), scope: 'col' }),
      ...Array.from({ length: SHOW_COLS }, (_, j) => el('th', { scope: 'col', 'aria-label': t('pipeline-leakage.column.feature', { index: formatNumber(j + 1, 0) }) }, [
        el('span', { className: 'pipeline-leakage-raw', text: t('pipeline-leakage.column.raw', { index: formatNumber(j + 1, 0) }) }), el('span', { className: 'pipeline-leakage-after', text: t('pipeline-leakage.column.after') }),
      ])),
      el('th', { text: t('pipeline-leakage.column.label'), scope: 'col' }),
    ]));
    tbody.replaceChildren(...testRows.map((i, r) => el('tr', {}, [
      el('th', { text: formatNumber(i + 1, 0), scope: 'row' }),
      ...Array.from({ length: SHOW_COLS }, (_, j) => {
        const raw = data.X[i * data.cols + j];
        const gap = Number.isNaN(raw);
        return el('td', { className: gap ? 'pipeline-leakage-filled' : '' }, [
          el('span', { className: gap ? 'pipeline-leakage-raw pipeline-leakage-gap' : 'pipeline-leakage-raw', text: gap ? t('pipeline-leakage.missing') : fixed(raw, 2) }),
          el('span', { className: 'pipeline-leakage-after', text: fixed(result.shown[r * SHOW_COLS + j], 2) }),
        ]);
      }),
      el('td', { text: formatNumber(data.y[i], 0) }),
    ])));
    renderOneHot(testRows, fitRows);
    tfoot.replaceChildren(
      el('tr', {}, [el('th', { text: t('pipeline-leakage.footer.fill'), scope: 'row' }), ...Array.from({ length: SHOW_COLS }, (_, j) => el('td', { text: fixed(result.fill[j], 2) })), el('td')]),
      el('tr', {}, [el('th', { text: t('pipeline-leakage.footer.mean'), scope: 'row' }), ...Array.from({ length: SHOW_COLS }, (_, j) => el('td', { text: fixed(result.mu[j], 2) })), el('td')]),
      el('tr', {}, [el('th', { text: t('pipeline-leakage.footer.sd'), scope: 'row' }), ...Array.from({ length: SHOW_COLS }, (_, j) => el('td', { text: fixed(result.sd[j], 2) })), el('td')]),
    );
  }

  // The city column of the same rows, one-hot encoded by the engine with categories learned
  // from `fitRows`. Row testRows[1] is the only Porto, so the honest fit has never seen it.
  function renderOneHot(testRows, fitRows) {
    const rare = testRows[Math.min(1, testRows.length - 1)];
    const city = cityColumn(data.rows, opts.seed, rare);
    const result = attempt(card, () => {
      encoder.fit(fitRows.map((i) => city[i]), 1);
      return { codes: Array.from(encoder.categories(0)), out: encoder.transform(testRows.map((i) => city[i]), 1) };
    }, null);
    if (!result) return;
    const width = result.codes.length;
    const seen = new Set(result.codes);
    oneHotHead.replaceChildren(
      el('tr', {}, [
        el('th', { text: t('pipeline-leakage.column.row'), scope: 'col', rowspan: '2' }),
        el('th', { text: t('pipeline-leakage.column.city'), scope: 'col', rowspan: '2' }),
        el('th', { text: t('pipeline-leakage.column.oneHot'), scope: 'colgroup', colspan: String(width), className: 'pipeline-leakage-group' }),
      ]),
      el('tr', {}, result.codes.map((c) => el('th', { text: CITIES[c], scope: 'col', 'aria-label': t('pipeline-leakage.column.cityIs', { city: CITIES[c] }) }))),
    );
    oneHotBody.replaceChildren(...testRows.map((i, r) => {
      const unseen = !seen.has(city[i]);
      return el('tr', { className: unseen ? 'pipeline-leakage-unseen' : '' }, [
        el('th', { text: formatNumber(i + 1, 0), scope: 'row' }),
        el('td', { className: unseen ? 'pipeline-leakage-gap' : '', text: unseen ? t('pipeline-leakage.unseenCity', { city: CITIES[city[i]] }) : CITIES[city[i]] }),
        ...Array.from({ length: width }, (_, j) => {
          const v = result.out[r * width + j];
          return el('td', { className: v === 1 ? 'pipeline-leakage-one' : '', text: formatNumber(v, 0) });
        }),
      ]);
    }));
    const porto = t('pipeline-leakage.rowName', { row: formatNumber(rare + 1, 0) });
    oneHotCaption.textContent = tableFit === 'all'
      ? t('pipeline-leakage.oneHot.all', { rows: formatNumber(data.rows, 0), porto })
      : t('pipeline-leakage.oneHot.train', { rows: formatNumber(fitRows.length, 0), porto });
  }

  function draw() {
    plot.setDomain(-0.02, 1.04, 0, 3);
    plot.begin();
    const th = plot.theme;
    const c = plot.ctx;
    plot.axes({ xLabel: t('pipeline-leakage.axis.x'), xTicks: 5, yTicks: 0 });
    plot.segment(0.5, 0, 0.5, 3, { color: th.truth, width: 1.5, dash: [5, 4] });
    // Laid out in pixels, so nothing overlaps at any size: the plot's height is split into one
    // band per row, the top LABEL_BAND px of a band for the row's name (left of the chance line,
    // which a short name always clears), the rest for its dots and mean bar.
    const LABEL_BAND = 18;
    const top = plot.margin.top;
    const band = (plot.height - plot.margin.bottom - top) / 2;
    const rows = [[leaky, th.loss, 'leaky'], [honest, th.good, 'honest']];
    rows.forEach(([scores, color, name], r) => {
      if (!scores.length) return;
      const bandTop = top + r * band;
      const half = Math.max(6, (band - LABEL_BAND - 4) / 2); // half the height left for the dots
      const mid = bandTop + LABEL_BAND + half;
      c.save();
      c.font = `12px ${th.font}`;
      c.fillStyle = th.textMuted;
      c.textAlign = 'left';
      c.textBaseline = 'alphabetic';
      c.fillText(t(`pipeline-leakage.row.${name}`), plot.px(0) + 4, bandTop + 13);
      const m = mean(scores);
      c.strokeStyle = color;
      c.lineWidth = 4;
      const bar = Math.min(17, half);
      c.beginPath(); c.moveTo(plot.px(m), mid - bar); c.lineTo(plot.px(m), mid + bar); c.stroke();
      // Folds with the same score would hide one another: each is nudged up or down a little, in
      // fold order, within the row's height.
      const nudge = scores.length > 1 ? Math.min(4.5, (half - 5) / ((scores.length - 1) / 2)) : 0;
      scores.forEach((s, f) => {
        c.beginPath();
        c.arc(plot.px(s), mid + (f - (scores.length - 1) / 2) * nudge, 5, 0, Math.PI * 2);
        c.fillStyle = color; c.globalAlpha = 0.75; c.fill(); c.globalAlpha = 1;
      });
      c.restore();
    });
  }

  loadData();

  return {
    update(next) {
      opts = { ...next };
      sliders.features.set(opts.features);
      sliders.select.set(opts.select);
      loadData();
    },
  };
}
