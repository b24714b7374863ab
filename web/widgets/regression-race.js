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
import { button, buttonRow, checkbox, el, select, segmented, slider } from '../lib/ui.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { clusterColor } from '../lib/colors.js';
import { renderBars } from '../lib/bars.js';
import { createPrediction } from '../lib/predict.js';
import { pointsCsv, pointsFromState, pointsState } from '../lib/points-csv.js';
import {
  FEATURES, FEATURE_HELP, IMPORTANCE_DEFAULTS, IMPORTANCE_MODELS, IMPURITY_SHARE_MIN, MODELS, PERMUTATION_DROP_MAX,
  PREDICT_NOISE, RACE_DEFAULTS, TEST_POINTS, X_RANGE, defaultSettings, fitOne, impurityOnly, importances, modelByKey, ownRaceData, raceData, ranking,
  validSettings,
} from './regression-race/data.js';


export const schema = {
  view: { type: 'enum', values: ['race', 'importance'], default: 'race', description: 'race: six models on one curve with a table of errors; importance: impurity against permutation importance.' },
  seed: seedOption(RACE_DEFAULTS.seed, 'Seed of the curve (race view) and of the feature table (importance view).'),
  points: { type: 'int', min: 10, max: 200, default: RACE_DEFAULTS.points, description: 'Training points of the curve.' },
  noise: { type: 'number', min: 0, max: 2, default: RACE_DEFAULTS.noise, description: 'Standard deviation of the noise on the curve.' },
  model: { type: 'enum', values: IMPORTANCE_MODELS.map(([k]) => k), default: IMPORTANCE_DEFAULTS.model, description: 'Importance view: the model whose importances are shown.' },
  importanceNoise: { type: 'number', min: 0, max: 4, default: IMPORTANCE_DEFAULTS.noise, description: 'Importance view: noise on the feature table\'s y.' },
};

export const meta = {
  title: 'Regression race',
  hint: 'Six models learn the same curve; compare their shapes and their train and test errors, change each model\'s settings, or switch to feature importance.',
};

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

// Curve colours (colors.js clusterColor), none the points' class-1 blue; the RBF SVR, the
// default winner, is drawn in the text colour so it stands out in light and dark themes.
const COLOR_OF = { linear: 0, elastic: 3, svrLinear: 4, forest: 2, boosting: 5 };
const colorOf = (theme, key) => (key === 'svrRbf' ? theme.text : clusterColor(theme, COLOR_OF[key]));
const METRIC_COLUMNS = [['rmse', 'RMSE'], ['mae', 'MAE'], ['r2', 'R²']];
// Own points from a CSV file: x and y columns. Options that make the curve drop them.
const DATA_OPTIONS = ['seed', 'points', 'noise'];
export const CSV_RULES = { dims: 1, labels: 'value', domain: [-1e4, 1e4], valueRange: [-1e4, 1e4], minPoints: 10, maxPoints: 400 };
// A line needs two different x values; so do the curves' x range and the plot.
function spread(x) {
  if (Math.min(...x) === Math.max(...x)) throw new RangeError(`every point has x = ${formatNumber(x[0], 2)}; the models need points at two different x values at least`);
}

function build(ctx) {
  const { ml, card } = ctx;
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
    label: 'view',
    options: [['race', 'model race'], ['importance', 'feature importance']],
    value: opts.view,
    onChange: (v) => { opts.view = v; showView(); ctx.stateChanged?.(); },
  });
  card.controls.append(raceControls, impControls);

  // ---- race view ----
  const plotHost = el('div', { className: 'regression-race-plot' });
  raceStage.append(plotHost);
  const plot = ctx.own(new Plot(plotHost, { aspect: 0.55, minHeight: 240, maxHeight: 420, label: 'Six models fitted to one curve', onResize: () => ctx.requestDraw(draw) }));
  const toggles = el('div', { className: 'regression-race-toggles', role: 'group', 'aria-label': 'Models drawn' });
  raceStage.append(toggles);
  const checks = {};
  for (const m of MODELS) {
    checks[m.key] = checkbox(toggles, { label: m.label, checked: true, onChange: (on) => { visible[m.key] = on; ctx.requestDraw(draw); } });
    const sw = el('span', { className: 'regression-race-swatch', 'aria-hidden': 'true' });
    sw.style.background = colorOf(plot.theme, m.key);
    checks[m.key].after(sw);
  }
  const table = el('table', { className: 'dw-table regression-race-table' });
  const caption = el('caption');
  raceStage.append(el('div', { className: 'dw-table-wrap' }, [table]));

  const noiseSlider = slider(raceControls, {
    label: 'noise', min: 0, max: 2, step: 0.1, value: opts.noise, format: (v) => formatNumber(v, 1),
    onInput: (v) => { opts.noise = v; imported = null; recomputeRace(); ctx.stateChanged?.(); },
  });
  const pointsSlider = slider(raceControls, {
    label: 'training points', min: 10, max: 200, step: 10, value: opts.points, format: (v) => formatNumber(v, 0),
    onInput: (v) => { opts.points = v; imported = null; recomputeRace(); ctx.stateChanged?.(); },
  });
  const raceButtons = buttonRow(raceControls);
  button(raceButtons, 'New data', () => { opts.seed = nextSeed(opts.seed); imported = null; recomputeRace(); recomputeImportance(); ctx.stateChanged?.(); });
  button(raceButtons, 'Default settings', () => { settings = defaultSettings(); renderSettings(); recomputeRace(); ctx.stateChanged?.(); });
  const settingsHost = el('div', { className: 'regression-race-settings', role: 'group', 'aria-label': 'Settings of the chosen model' });
  select(raceControls, {
    label: 'settings of',
    value: editing,
    options: MODELS.map((m) => [m.key, m.label]),
    onChange: (v) => { editing = v; renderSettings(); },
  });
  raceControls.append(settingsHost);

  function renderSettings() {
    settingsHost.replaceChildren();
    const spec = modelByKey(editing);
    if (!spec.settings.length) {
      settingsHost.append(el('p', { className: 'regression-race-note', text: 'Least squares has nothing to set: it is the line with the smallest training MSE.' }));
      return;
    }
    for (const s of spec.settings) {
      const digits = s.step >= 1 ? 0 : s.step >= 0.1 ? 1 : s.step >= 0.01 ? 2 : 3;
      slider(settingsHost, {
        label: s.label, min: s.min, max: s.max, step: s.step, scale: s.scale || 'linear', value: settings[editing][s.key],
        format: (v) => (s.scale === 'log' ? formatNumber(v, v < 0.1 ? 3 : 2) : formatNumber(v, digits)),
        onInput: (v) => {
          settings[editing][s.key] = s.step >= 1 ? Math.round(v) : v;
          refit(editing);
          ctx.stateChanged?.();
        },
      });
    }
  }

  const prediction = createPrediction(ctx, {
    id: 'regression-race-noise',
    question: `With the noise raised to ${formatNumber(PREDICT_NOISE, 1)}, which model will have the highest test RMSE?`,
    choices: MODELS.map((m) => [m.key, m.label]),
    parent: raceStage,
    next: `Now drag the noise slider to ${formatNumber(PREDICT_NOISE, 1)} (the other settings as they are) and read the table.`,
  });
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
      try { spread(x); } catch (err) { throw new Error(`${err.message[0].toUpperCase()}${err.message.slice(1)}.`); }
      imported = { x, y: Array.from(parsed.y) };
      prediction.reset('New points: predict again.');
      recomputeRace();
    },
  });

  // ---- importance view ----
  const impHead = el('p', { className: 'regression-race-note' });
  const impurityHead = el('h4', { className: 'dw-plot-head', text: 'Impurity importance (from the training fit; the shares add up to 1)' });
  const impurityList = el('ul', { className: 'dw-bars regression-race-bars', 'aria-label': 'Impurity importance per feature' });
  const permHead = el('h4', { className: 'dw-plot-head', text: 'Permutation importance (drop in test R² when the column is shuffled)' });
  const permList = el('ul', { className: 'dw-bars regression-race-bars', 'aria-label': 'Permutation importance per feature' });
  const impNote = el('p', { className: 'regression-race-verdict', role: 'status' });
  impStage.append(impHead, impurityHead, impurityList, permHead, permList, impNote);
  select(impControls, {
    label: 'model', value: opts.model, options: IMPORTANCE_MODELS,
    onChange: (v) => { opts.model = v; recomputeImportance(); ctx.stateChanged?.(); },
  });
  slider(impControls, {
    label: 'noise on y', min: 0, max: 4, step: 0.5, value: opts.importanceNoise, format: (v) => formatNumber(v, 1),
    onInput: (v) => { opts.importanceNoise = v; recomputeImportance(); ctx.stateChanged?.(); },
  });
  button(buttonRow(impControls), 'New data', () => { opts.seed = nextSeed(opts.seed); recomputeRace(); recomputeImportance(); ctx.stateChanged?.(); });

  const statBest = card.stat('lowest test RMSE');
  const statGap = card.stat('largest train–test gap');

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
    const gaps = ok.map((r) => [r.key, r.test.rmse - r.train.rmse]).sort((a, b) => b[1] - a[1]);
    const bestResult = ok.find((r) => r.key === best);
    statBest.set(`${modelByKey(best).short} ${formatNumber(bestResult.test.rmse, 2)}`);
    statGap.set(`${modelByKey(gaps[0][0]).short} ${formatNumber(gaps[0][1], 2)}`);
    const head = el('thead', {}, [
      el('tr', {}, [
        el('th', { scope: 'col', rowspan: '2', text: 'model' }),
        ...METRIC_COLUMNS.map(([, name]) => el('th', { scope: 'colgroup', colspan: '2', text: name })),
      ]),
      el('tr', {}, METRIC_COLUMNS.flatMap(() => [el('th', { scope: 'col', text: 'train' }), el('th', { scope: 'col', text: 'test' })])),
    ]);
    const body = el('tbody', {}, ok.map((r) => {
      const swatch = el('span', { className: 'regression-race-swatch', 'aria-hidden': 'true' });
      swatch.style.background = colorOf(plot.theme, r.key);
      return el('tr', { 'data-model': r.key, className: r.key === best ? 'regression-race-best' : '' }, [
        el('th', { scope: 'row' }, [swatch, el('span', { text: r.key === best ? `${r.label} (best)` : r.label })]),
        ...METRIC_COLUMNS.flatMap(([k]) => [
          el('td', { text: formatNumber(r.train[k], k === 'r2' ? 3 : 2) }),
          el('td', { className: 'regression-race-test', text: formatNumber(r.test[k], k === 'r2' ? 3 : 2) }),
        ]),
      ]);
    }));
    caption.textContent = imported
      ? `Errors on your ${formatNumber(data.train.x.length, 0)} training points and on the ${formatNumber(data.test.x.length, 0)} held out for testing (lowest test RMSE marked)`
      : `Errors on the training points and on ${formatNumber(TEST_POINTS, 0)} fresh test points (lowest test RMSE marked)`;
    table.replaceChildren(caption, head, body);
    const gapText = `${bestResult.label} has the lowest test RMSE (${formatNumber(bestResult.test.rmse, 2)}). The largest gap between test and training RMSE is the ${modelByKey(gaps[0][0]).label}'s (${formatNumber(gaps[0][1], 2)}): it learned part of the noise.`;
    if (opts.view === 'race') card.setMessage(gapText, 'info');
    if (prediction.pending !== null && !imported && Math.abs(opts.noise - PREDICT_NOISE) < 1e-9) {
      const order = ranking(ok, 'rmse', 'test');
      prediction.settle(order[order.length - 1], `At noise ${formatNumber(PREDICT_NOISE, 1)} the test RMSEs, best first: ${order.map((k) => `${modelByKey(k).short} ${formatNumber(ok.find((r) => r.key === k).test.rmse, 2)}`).join(', ')}. Compare each model's training RMSE: the flexible ones fit the noise of these ${formatNumber(data.train.x.length, 0)} points, and new points have different noise.`);
    }
    plot.canvas.setAttribute('aria-label', `${imported ? `${formatNumber(data.train.x.length, 0)} of your points for training, ${formatNumber(data.test.x.length, 0)} held out,` : `${formatNumber(data.train.x.length, 0)} training points on a curve`} and the predictions of the six models. Test RMSE: ${ok.map((r) => `${r.label} ${formatNumber(r.test.rmse, 2)}`).join('; ')}.`);
    ctx.requestDraw(draw);
  }

  function renderImportance() {
    if (!imp) return;
    const name = (j) => `${FEATURES[j]} (x${'₀₁₂₃'[j]})`;
    impHead.textContent = `Four features, each uniform on [−2, 2]; y = 3·x₀ + 2·sin(1.5·x₁) + 0.5·x₂ + noise, so x₃ is useless. Test R² of the ${opts.model === 'forest' ? 'forest (100 full-depth trees)' : 'boosted trees (100 rounds, depth 3)'}: ${formatNumber(imp.testR2, 3)} (training R²: ${formatNumber(imp.trainR2, 3)}).`;
    renderBars(impurityList, FEATURES.map((f, j) => ({ label: name(j), value: imp.impurity[j], title: FEATURE_HELP[j] })), {
      range: 1, format: (v) => formatPercent(v, 1),
    });
    const maxDrop = Math.max(...imp.permutation.map(Math.abs), 1e-9);
    renderBars(permList, FEATURES.map((f, j) => ({
      label: name(j), value: imp.permutation[j], title: `± ${formatNumber(imp.permutationStd[j], 3)} over ${IMPORTANCE_DEFAULTS.repeats} shuffles`,
    })), { range: maxDrop, signed: true, format: (v) => formatNumber(v, 3) });
    const only = impurityOnly(imp.impurity, imp.permutation);
    impNote.textContent = only.length
      ? `They disagree on ${only.map((j) => `${name(j)}: impurity gives it ${formatPercent(imp.impurity[j], 1)}, yet shuffling it on the test set changes R² by only ${formatNumber(imp.permutation[j], 3)}`).join('; ')}. Impurity counts every split made on the training data, including splits that fit noise; permutation asks whether the model needs the column on new data.`
      : `No feature is credited by impurity alone here (the rule: at least ${formatPercent(IMPURITY_SHARE_MIN, 0)} of the impurity importance with a permutation drop under ${formatNumber(PERMUTATION_DROP_MAX, 2)}).`;
    impNote.dataset.tone = only.length ? 'warn' : 'info';
  }

  function draw() {
    plot.begin();
    const th = plot.theme;
    if (!data) { plot.axes({ xLabel: 'x', yLabel: 'y' }); return; }
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
    plot.axes({ xLabel: 'x', yLabel: 'y', xTicks: 6, yTicks: 5 });
    for (let i = 0; i < data.test.x.length; i++) plot.point(data.test.x[i], data.test.y[i], 1, { hollow: true, size: 3 });
    for (let i = 0; i < data.train.x.length; i++) plot.point(data.train.x[i], data.train.y[i], 1, { size: 5 });
    plot.clipToArea(() => {
      results.forEach((r, i) => {
        if (!r || !visible[MODELS[i].key]) return;
        plot.path(r.curve.x, r.curve.y, { color: colorOf(th, r.key), width: r.key === editing ? 3.5 : 2 });
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
      viewSwitch.set(opts.view);
      noiseSlider.set(opts.noise);
      pointsSlider.set(opts.points);
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
        if (points) spread(points.X);
        if (value.settings !== undefined) settings = JSON.parse(JSON.stringify(value.settings));
        if (points) imported = { x: Array.from(points.X), y: Array.from(points.y) };
        renderSettings();
        recomputeRace();
      },
    },
  };
}
