// The regression race (issue 19, items 6 and 7). View "race": one seeded curve, six regression
// models fitted by the engine on the same training points (least squares, ElasticNet, linear and
// RBF SVR, random forest, gradient boosting), their prediction curves drawn over the points and a
// table of train and test RMSE, MAE and R². Each model's settings are adjustable; the best test
// RMSE is marked. A predict-then-check task asks which model wins once the noise is raised.
// View "importance": a four-feature table (strong, curve, weak, useless), a forest or boosted
// trees fitted on it, impurity importance beside permutation importance on test data, and a note
// naming the features the two disagree on (the rule in data.js, stated in the lesson).
// Own points: a CSV file of (x, y) rows (or a Share link) replaces the race's curve; a seeded
// 30 % of them is held out as the test set. The importance view keeps its generated table.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, checkbox, el, rungSlider, select, segmented, showOptions, slider } from '../lib/ui.js';
import { tableWrap } from '../lib/table.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { formatNumber, formatPercent, readShown } from '../lib/format.js';
import { seriesStyle } from '../lib/colors.js';
import { lineKey } from '../lib/legend.js';
import { shapeMarker } from '../lib/marks.js';
import { renderBars } from '../lib/bars.js';
import { createPrediction } from '../lib/predict.js';
import { pointsCsv, pointsFromState, pointsState } from '../lib/points-csv.js';
import {
  FEATURE_RANGE, FEATURES, IMPORTANCE_DEFAULTS, IMPORTANCE_MODELS, IMPURITY_SHARE_MIN, MODELS, PERMUTATION_DROP_MAX,
  ANSWER_SHOWN_FROM_NOISE, NOISE_FITTERS, PREDICT_NOISE, RACE_DEFAULTS, TEST_POINTS, X_RANGE, changedSettings, defaultSettings, fitOne, impurityOnly, importances, largestShownGap, modelByKey, ownRaceData, raceData, ranking, shownRmse, tiedAsShown,
  settingText, settingsOnSliders, validSettings,
} from './regression-race/data.js';
import { messages } from './regression-race/messages.js';


export const schema = {
  view: { type: 'enum', values: ['race', 'importance'], default: 'race', description: 'race: six models on one curve with a table of errors; importance: impurity against permutation importance.' },
  seed: seedOption(RACE_DEFAULTS.seed, 'Seed of the curve (race view) and of the feature table (importance view).'),
  points: { type: 'int', min: 10, max: 200, default: RACE_DEFAULTS.points, description: 'Training points of the curve.' },
  noise: { type: 'number', min: 0, max: 2, default: RACE_DEFAULTS.noise, description: 'Standard deviation of the noise on the curve.' },
  model: { type: 'enum', values: IMPORTANCE_MODELS, default: IMPORTANCE_DEFAULTS.model, description: 'Importance view: the model whose importances are shown.' },
  importanceNoise: { type: 'number', min: 0, max: 4, default: IMPORTANCE_DEFAULTS.noise, description: 'Importance view: noise on the feature table\'s y.' },
};

export const meta = { title: messages['regression-race.title'], hint: messages['regression-race.hint'] };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

// Each model's curve has its own series style (colors.js seriesStyle: colour, dash pattern and
// marker shape), so the six stay apart for colour-blind learners and in grey; none is the points'
// class-1 blue or another colour docs/design.md reserves. The RBF SVR, the default winner, gets
// the solid line; the two tree ensembles (both staircases) and the three straight models get
// patterns far apart from each other.
const STYLE_OF = { svrRbf: 0, forest: 1, boosting: 2, linear: 3, elastic: 4, svrLinear: 5 };
const styleOf = (theme, key) => seriesStyle(theme, STYLE_OF[key]);
// A key drawn as the model's curve is: its colour, dash and marker.
const keyOf = (theme, key) => { const k = lineKey(styleOf(theme, key)); k.classList.add('regression-race-key'); k.dataset.model = key; return k; };
const METRIC_COLUMNS = ['rmse', 'mae', 'r2'];
// Own points from a CSV file: x and y columns. Options that make the curve drop them.
const DATA_OPTIONS = ['seed', 'points', 'noise'];
export const CSV_RULES = { dims: 1, labels: 'value', domain: [-1e4, 1e4], valueRange: [-1e4, 1e4], minPoints: 10, maxPoints: 400 };
// A line needs two different x values; so do the curves' x range and the plot.
const oneX = (x) => Math.min(...x) === Math.max(...x);

function build(ctx) {
  const { ml, card, t } = ctx;
  const modelName = (key) => t(`regression-race.model.${key}`);
  const shortName = (key) => t(`regression-race.short.${key}`);
  let opts = { ...ctx.options };
  let settings = defaultSettings();
  let visible = Object.fromEntries(MODELS.map((m) => [m.key, true]));
  let data = null;
  let results = [];
  let imp = null;
  let editing = 'svrRbf';
  let imported = null; // { x, y } from a CSV file or a Share link, instead of the seeded curve

  // ---- views ----
  const raceStage = el('div', { className: 'regression-race-view' });
  const impStage = el('div', { className: 'regression-race-view' });
  card.stage.append(raceStage, impStage);
  const raceControls = el('div', { className: 'regression-race-controls' });
  const impControls = el('div', { className: 'regression-race-controls' });

  const viewSwitch = segmented(card.controls, {
    label: t('regression-race.select.view'),
    options: ['race', 'importance'].map((v) => [v, t(`regression-race.view.${v}`)]),
    value: opts.view,
    onChange: (v) => { opts.view = v; showView(); ctx.stateChanged?.(); },
  });
  card.controls.append(raceControls, impControls);

  // ---- race view ----
  const plotHost = el('div', { className: 'regression-race-plot' });
  raceStage.append(plotHost);
  const plot = ctx.own(new Plot(plotHost, { aspect: 0.55, minHeight: 240, maxHeight: 420, label: t('regression-race.plot'), onResize: () => ctx.requestDraw(draw) }));
  const toggles = el('div', { className: 'regression-race-toggles', role: 'group', 'aria-label': t('regression-race.toggles') });
  raceStage.append(toggles);
  const checks = {};
  for (const m of MODELS) {
    checks[m.key] = checkbox(toggles, { label: modelName(m.key), checked: true, onChange: (on) => { visible[m.key] = on; ctx.requestDraw(draw); } });
    checks[m.key].after(keyOf(plot.theme, m.key));
  }
  // The keys follow the theme (light or dark) the plot is drawn in.
  const refreshKeys = () => { for (const k of raceStage.querySelectorAll('.regression-race-key')) k.replaceWith(keyOf(plot.theme, k.dataset.model)); };
  const table = el('table', { className: 'dw-table regression-race-table' });
  const caption = el('p');
  raceStage.append(tableWrap(ctx, table, { caption }).element);

  const noiseSlider = slider(raceControls, {
    label: t('regression-race.slider.noise'), min: 0, max: 2, step: 0.1, value: opts.noise, format: (v) => formatNumber(v, 1),
    onInput: (v) => { opts.noise = v; imported = null; recomputeRace(); ctx.stateChanged?.(); },
  });
  const pointsSlider = slider(raceControls, {
    label: t('regression-race.slider.points'), min: 10, max: 200, step: 10, value: opts.points, format: (v) => formatNumber(v, 0),
    onInput: (v) => { opts.points = v; imported = null; recomputeRace(); ctx.stateChanged?.(); },
  });
  const raceButtons = buttonRow(raceControls);
  button(raceButtons, t('regression-race.newData'), () => { opts.seed = nextSeed(opts.seed); imported = null; recomputeRace(); recomputeImportance(); ctx.stateChanged?.(); });
  button(raceButtons, t('regression-race.defaults'), () => { settings = defaultSettings(); renderSettings(); recomputeRace(); ctx.stateChanged?.(); });
  const settingsHost = el('div', { className: 'regression-race-settings', role: 'group', 'aria-label': t('regression-race.settingsGroup') });
  select(raceControls, {
    label: t('regression-race.select.settings'),
    value: editing,
    options: MODELS.map((m) => [m.key, modelName(m.key)]),
    onChange: (v) => { editing = v; renderSettings(); },
  });
  raceControls.append(settingsHost);

  function renderSettings() {
    settingsHost.replaceChildren();
    const spec = modelByKey(editing);
    if (!spec.settings.length) {
      settingsHost.append(el('p', { className: 'regression-race-note', text: t('regression-race.noSettings') }));
      return;
    }
    for (const s of spec.settings) {
      const label = t(`regression-race.setting.${editing}.${s.key}`);
      const onInput = (v) => {
        settings[editing][s.key] = s.step >= 1 ? Math.round(v) : v;
        refit(editing);
        ctx.stateChanged?.();
      };
      // Settings spanning decades move over round stops (λ = 1, γ = 50), shown as used.
      if (s.stops) rungSlider(settingsHost, { label, rungs: s.stops, value: settings[editing][s.key], fallback: s.value, format: (v) => settingText(s, v), onInput });
      else slider(settingsHost, { label, min: s.min, max: s.max, step: s.step, value: settings[editing][s.key], format: (v) => settingText(s, v), onInput });
    }
  }

  const prediction = createPrediction(ctx, {
    id: 'regression-race-noise',
    question: t('regression-race.predict.question', { noise: formatNumber(PREDICT_NOISE, 1) }),
    choices: MODELS.map((m) => [m.key, modelName(m.key)]),
    parent: raceStage,
    // The question is about the default settings: a learner who changed some is told to restore them.
    next: () => (changedSettings(settings).length
      ? t('regression-race.predict.nextDefaults', { noise: formatNumber(PREDICT_NOISE, 1) })
      : t('regression-race.predict.next', { noise: formatNumber(PREDICT_NOISE, 1) })),
  });
  // The settings that differ from the defaults, in words: "gradient boosting: rounds 20 (default 100)".
  const changedText = (changes) => changes.map((c) => {
    const spec = modelByKey(c.model).settings.find((s) => s.key === c.key);
    return t('regression-race.predict.changed', { model: modelName(c.model), setting: t(`regression-race.setting.${c.model}.${c.key}`), value: settingText(spec, c.value), default: settingText(spec, c.default) });
  }).join('; ');
  pointsCsv(ctx, raceControls, {
    filename: 'race-points.csv', rules: CSV_RULES, names: ['x'], labelName: 'y',
    // The points as shown, each with its part (generated: the training points, then the test points).
    get: () => {
      const x = data ? (data.all ? data.all.x : [...data.train.x, ...data.test.x]) : [];
      const y = data ? (data.all ? data.all.y : [...data.train.y, ...data.test.y]) : [];
      const split = data ? (data.split || x.map((_, i) => (i < data.train.x.length ? 'train' : 'test'))) : [];
      return { X: Float64Array.from(x), y: Float64Array.from(y), extra: { name: 'split', values: split } };
    },
    set: (parsed) => {
      const x = Array.from(parsed.X);
      if (oneX(x)) throw new Error(t('regression-race.csv.oneX', { x: formatNumber(x[0], 2) }));
      imported = { x, y: Array.from(parsed.y) };
      prediction.reset(t('regression-race.predict.newPoints'));
      recomputeRace();
    },
  });

  // ---- importance view ----
  const impHead = el('p', { className: 'regression-race-note' });
  const impurityHead = el('h4', { className: 'dw-plot-head', text: t('regression-race.impurity.heading') });
  const impurityList = el('ul', { className: 'dw-bars regression-race-bars', 'aria-label': t('regression-race.impurity.list') });
  const permHead = el('h4', { className: 'dw-plot-head', text: t('regression-race.permutation.heading') });
  const permList = el('ul', { className: 'dw-bars regression-race-bars', 'aria-label': t('regression-race.permutation.list') });
  const impNote = el('p', { className: 'regression-race-verdict', role: 'status' });
  impStage.append(impHead, impurityHead, impurityList, permHead, permList, impNote);
  const importanceModel = select(impControls, {
    label: t('regression-race.select.model'), value: opts.model, options: IMPORTANCE_MODELS.map((m) => [m, t(`regression-race.importanceModel.${m}`)]),
    onChange: (v) => { opts.model = v; recomputeImportance(); ctx.stateChanged?.(); },
  });
  const importanceNoise = slider(impControls, {
    label: t('regression-race.slider.importanceNoise'), min: 0, max: 4, step: 0.5, value: opts.importanceNoise, format: (v) => formatNumber(v, 1),
    onInput: (v) => { opts.importanceNoise = v; recomputeImportance(); ctx.stateChanged?.(); },
  });
  button(buttonRow(impControls), t('regression-race.newData'), () => { opts.seed = nextSeed(opts.seed); recomputeRace(); recomputeImportance(); ctx.stateChanged?.(); });

  const statBest = card.stat(t('regression-race.stat.best'));
  const statGap = card.stat(t('regression-race.stat.gap'));

  // ---- computing ----
  // Each view computes only while it is shown; the other catches up when the learner switches.
  const stale = { race: true, importance: true };
  function recomputeRace() {
    if (opts.view !== 'race') { stale.race = true; return; }
    stale.race = false;
    data = attempt(card, () => (imported
      ? { ...ownRaceData(ml, imported, opts.seed), all: imported }
      : raceData(ml, { seed: opts.seed, points: opts.points, noise: opts.noise })), null);
    results = data ? MODELS.map((m) => attempt(card, () => fitOne(ml, m.key, settings, data, opts.seed), null)) : [];
    renderRace();
  }
  function refit(key) {
    if (!data) return;
    const i = MODELS.findIndex((m) => m.key === key);
    results[i] = attempt(card, () => fitOne(ml, key, settings, data, opts.seed), null);
    renderRace();
  }
  function recomputeImportance() {
    if (opts.view !== 'importance') { stale.importance = true; return; }
    stale.importance = false;
    imp = attempt(card, () => importances(ml, { ...IMPORTANCE_DEFAULTS, seed: opts.seed, noise: opts.importanceNoise, model: opts.model }), null);
    renderImportance();
  }

  // ---- rendering ----
  function renderRace() {
    const ok = results.filter(Boolean);
    if (!ok.length || ok.length !== MODELS.length) { ctx.requestDraw(draw); return; }
    const best = ranking(ok, 'rmse', 'test')[0];
    const gap = largestShownGap(ok);
    const bestResult = ok.find((r) => r.key === best);
    statBest.set(t('regression-race.modelValue', { model: shortName(best), value: shownRmse(bestResult.test.rmse) }));
    statGap.set(t('regression-race.modelValue', { model: shortName(gap.key), value: gap.gap }));
    const head = el('thead', {}, [
      el('tr', {}, [
        el('th', { scope: 'col', rowspan: '2', text: t('regression-race.column.model') }),
        ...METRIC_COLUMNS.map((k) => el('th', { scope: 'colgroup', colspan: '2', text: t(`regression-race.metric.${k}`) })),
      ]),
      el('tr', {}, METRIC_COLUMNS.flatMap(() => [el('th', { scope: 'col', text: t('regression-race.column.train') }), el('th', { scope: 'col', text: t('regression-race.column.test') })])),
    ]);
    const body = el('tbody', {}, ok.map((r) => {
      const swatch = keyOf(plot.theme, r.key);
      return el('tr', { 'data-model': r.key, className: r.key === best ? 'regression-race-best' : '' }, [
        el('th', { scope: 'row' }, [swatch, el('span', { text: r.key === best ? t('regression-race.best', { model: modelName(r.key) }) : modelName(r.key) })]),
        ...METRIC_COLUMNS.flatMap((k) => [
          el('td', { text: formatNumber(r.train[k], k === 'r2' ? 3 : 2) }),
          el('td', { className: 'regression-race-test', text: formatNumber(r.test[k], k === 'r2' ? 3 : 2) }),
        ]),
      ]);
    }));
    caption.textContent = imported
      ? t('regression-race.caption.own', { train: formatNumber(data.train.x.length, 0), test: formatNumber(data.test.x.length, 0) })
      : t('regression-race.caption.curve', { test: formatNumber(TEST_POINTS, 0) });
    table.replaceChildren(head, body);
    // "Learned part of the noise" only where it can be so: a flexible model, a curve with noise, a
    // gap above 0 as shown. Own points say nothing about their noise, so their gap is stated plainly.
    const cause = imported ? ''
      : opts.noise <= 0 ? 'noNoise'
        : NOISE_FITTERS.includes(gap.key) && readShown(gap.gap) > 0 ? 'noise' : '';
    const tied = tiedAsShown(ok, best).map(modelName);
    const gapText = t('regression-race.gap', { best: modelName(bestResult.key), rmse: shownRmse(bestResult.test.rmse), tied, gapModel: modelName(gap.key), gap: gap.gap, cause });
    if (opts.view === 'race') card.setMessage(gapText, 'info');
    // The question (and the lesson's reveal) is about the six models at their default settings: at
    // other settings the table neither answers it nor gives the answer away.
    const changes = imported ? [] : changedSettings(settings);
    // The table at the predicted noise, or at any noise from 1.0 up (the same model is last), is
    // the answer: seen with nothing locked in, a later prediction on this page could copy it.
    if (prediction.pending === null && !imported && !changes.length && opts.noise >= ANSWER_SHOWN_FROM_NOISE - 1e-9) {
      prediction.outcomeSeen(t('regression-race.predict.seen', { noise: formatNumber(opts.noise, 1) }));
    } else if (prediction.pending !== null && !imported && Math.abs(opts.noise - PREDICT_NOISE) < 1e-9 && changes.length) {
      prediction.note(t('regression-race.predict.settings', { noise: formatNumber(PREDICT_NOISE, 1), changes: changedText(changes) }));
    } else if (prediction.pending !== null && !imported && Math.abs(opts.noise - PREDICT_NOISE) < 1e-9) {
      const order = ranking(ok, 'rmse', 'test');
      prediction.settle(order[order.length - 1], t('regression-race.predict.why', { noise: formatNumber(PREDICT_NOISE, 1), order: order.map((k) => t('regression-race.modelValue', { model: shortName(k), value: formatNumber(ok.find((r) => r.key === k).test.rmse, 2) })).join(', '), points: formatNumber(data.train.x.length, 0) }));
    }
    plot.canvas.setAttribute('aria-label', t('regression-race.figure', { own: !!imported, train: formatNumber(data.train.x.length, 0), test: formatNumber(data.test.x.length, 0), rmses: ok.map((r) => t('regression-race.modelValue', { model: modelName(r.key), value: formatNumber(r.test.rmse, 2) })).join('; ') }));
    ctx.requestDraw(draw);
  }

  function renderImportance() {
    if (!imp) return;
    const name = (j) => t('regression-race.feature', { name: t(`regression-race.feature.${FEATURES[j]}`), symbol: `x${'₀₁₂₃'[j]}` });
    impHead.textContent = t('regression-race.importance.head', { low: formatNumber(FEATURE_RANGE[0], 0), high: formatNumber(FEATURE_RANGE[1], 0), model: t(`regression-race.importance.model.${opts.model === 'forest' ? 'forest' : 'boosting'}`), test: formatNumber(imp.testR2, 3), train: formatNumber(imp.trainR2, 3) });
    renderBars(impurityList, FEATURES.map((f, j) => ({ label: name(j), value: imp.impurity[j], title: t(`regression-race.featureHelp.${f}`) })), {
      range: 1, format: (v) => formatPercent(v, 1),
    });
    const maxDrop = Math.max(...imp.permutation.map(Math.abs), 1e-9);
    renderBars(permList, FEATURES.map((f, j) => ({
      label: name(j), value: imp.permutation[j], title: t('regression-race.permutation.spread', { sd: formatNumber(imp.permutationStd[j], 3), repeats: formatNumber(IMPORTANCE_DEFAULTS.repeats, 0) }),
    })), { range: maxDrop, signed: true, format: (v) => formatNumber(v, 3) });
    const only = impurityOnly(imp.impurity, imp.permutation);
    impNote.textContent = only.length
      ? t('regression-race.disagree', { items: only.map((j) => t('regression-race.disagree.item', { feature: name(j), impurity: formatPercent(imp.impurity[j], 1), drop: formatNumber(imp.permutation[j], 3) })).join('; ') })
      : t('regression-race.agree', { share: formatPercent(IMPURITY_SHARE_MIN, 0), drop: formatNumber(PERMUTATION_DROP_MAX, 2) });
    impNote.dataset.tone = only.length ? 'warn' : 'info';
  }

  function draw() {
    plot.begin();
    const th = plot.theme;
    if (!data) { plot.axes({ xLabel: t('regression-race.axis.x'), yLabel: t('regression-race.axis.y') }); return; }
    const ys = data.train.y.concat(data.test.y);
    const [x0, x1] = data.range || X_RANGE;
    if (data.range) {
      const lo = Math.min(...ys), hi = Math.max(...ys);
      const pad = Math.max(0.05 * (hi - lo), 1e-6 * Math.max(1, Math.abs(hi)));
      plot.setDomain(x0, x1, lo - pad, hi + pad);
    } else {
      const lo = Math.min(...ys, -2.5), hi = Math.max(...ys, 3.5);
      plot.setDomain(x0, x1, Math.floor(lo), Math.ceil(hi));
    }
    plot.begin();
    plot.axes({ xLabel: t('regression-race.axis.x'), yLabel: t('regression-race.axis.y'), xTicks: 6, yTicks: 5 });
    for (let i = 0; i < data.test.x.length; i++) plot.point(data.test.x[i], data.test.y[i], 1, { hollow: true, size: 3 });
    for (let i = 0; i < data.train.x.length; i++) plot.point(data.train.x[i], data.train.y[i], 1, { size: 5 });
    if (toggles.querySelector('.regression-race-key')?.dataset.color !== styleOf(th, MODELS[0].key).color) refreshKeys();
    plot.clipToArea((c) => {
      results.forEach((r, i) => {
        if (!r || !visible[MODELS[i].key]) return;
        const style = styleOf(th, r.key);
        plot.path(r.curve.x, r.curve.y, { color: style.color, width: r.key === editing ? 3.5 : 2.5, dash: style.dash });
        // Three markers of the model's shape on its curve, staggered from model to model so that
        // curves lying on top of each other (least squares and ElasticNet) still show both.
        const n = r.curve.x.length;
        for (let j = 0; j < 3; j++) {
          const at = Math.min(n - 1, Math.round(((STYLE_OF[r.key] + 0.5) / 18 + j / 3) * (n - 1)));
          if (!Number.isFinite(r.curve.y[at])) continue;
          shapeMarker(c, plot.px(r.curve.x[at]), plot.py(r.curve.y[at]), style.shape, 4.5);
          c.fillStyle = style.color; c.fill(); c.strokeStyle = th.surface; c.lineWidth = 1.2; c.stroke();
        }
      });
    });
  }

  function showView() {
    const race = opts.view === 'race';
    raceStage.hidden = !race;
    raceControls.hidden = !race;
    impStage.hidden = race;
    impControls.hidden = race;
    card.readout.style.display = race ? '' : 'none';  // the readouts are the race's
    prediction.element.hidden = !race;
    if (race) {
      if (stale.race) recomputeRace();
      else renderRace();
    } else {
      card.setMessage('');
      if (stale.importance) recomputeImportance();
    }
  }

  renderSettings();
  showView();

  return {
    currentOptions() { return { ...opts }; },
    update(next) {
      if (DATA_OPTIONS.some((k) => next[k] !== opts[k])) imported = null;
      opts = { ...next };
      showOptions({ view: viewSwitch, noise: noiseSlider, points: pointsSlider, model: importanceModel, importanceNoise }, opts);
      stale.race = true;
      stale.importance = true;
      showView();
    },
    // Shared by a link: the models' settings once changed, and imported points ({ p, l }: x and y).
    state: {
      get() {
        const changed = JSON.stringify(settings) !== JSON.stringify(defaultSettings());
        if (!changed && !imported) return null;
        return { ...(changed ? { settings } : {}), ...(imported ? pointsState(imported.x, imported.y) : {}) };
      },
      set(value) {
        if (!value || (value.settings === undefined && value.p === undefined)) throw new RangeError('the state holds neither settings nor points');
        if (value.settings !== undefined && !validSettings(value.settings)) throw new RangeError('the settings need every model\'s values inside their slider ranges');
        const points = value.p !== undefined ? pointsFromState(value, CSV_RULES) : null; // checked before anything changes
        if (points && oneX(points.X)) throw new RangeError(t('regression-race.state.oneX', { x: formatNumber(points.X[0], 2) }));
        if (value.settings !== undefined) settings = settingsOnSliders(value.settings); // as the sliders show them
        if (points) imported = { x: Array.from(points.X), y: Array.from(points.y) };
        renderSettings();
        recomputeRace();
      },
    },
  };
}
