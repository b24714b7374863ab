// Anomaly detector (issue 19, item 8): normal points from the engine's generators plus planted
// anomalies; two detectors scored by the engine — the z-score detector (largest |z| over the two
// coordinates) and an isolation forest — one of them drawn as a heat map at grid cell centres.
// A contamination slider flags that share of the points with the highest scores under each
// detector, and precision and recall measure the flags against the planted anomalies. Points can
// be dragged (or moved by keyboard), new anomalies planted by a click (or at a keyboard cursor:
// N shows it, the arrows move it, N plants), and points brought in or taken out as CSV.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { el, fixed, select, slider, buttonRow, button, quietWhileHeld } from '../lib/ui.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { legend } from '../lib/legend.js';
import { cellCentre, drawHeatmap, heatLegend, sequentialRgb } from '../lib/heatmap.js';
import { createPrediction } from '../lib/predict.js';
import { csvButtons, labelText, parsePointsCsv, pointsAtOnePlace, pointsFromState, pointsState, pointsToCsv, showOwnPoints } from '../lib/points-csv.js';
import { DOMAIN, PREDICT_CONTAMINATION, SCENES, atPredictContamination, flagAndMeasure, makeScene, scoreBoth, zScoreGrid } from './anomaly-detector/scene.js';
import { messages } from './anomaly-detector/messages.js';

export const schema = {
  scene: { type: 'enum', values: ['band', 'clusters'], default: 'band', description: 'Normal points: a diagonal band or two clusters (plus the planted anomalies).' },
  detector: { type: 'enum', values: ['forest', 'zscore'], default: 'forest', description: 'Detector whose score the heat map shows.' },
  contamination: { type: 'number', min: 0.01, max: 0.3, default: 0.04, description: 'Share of the points each detector flags (those with the highest scores).' },
  trees: { type: 'int', min: 10, max: 300, default: 100, description: 'Trees in the isolation forest.' },
  subsample: { type: 'int', min: 16, max: 256, default: 64, description: 'Points ψ each isolation tree is grown on.' },
  seed: seedOption(2, 'Seed for the normal points and the isolation forest.'),
};

export const CSV_RULES = { labels: 'class', maxClasses: 2, domain: [-5, 5], minPoints: 10, maxPoints: 600 };
// Points that all lie at one place (pointsAtOnePlace) get one score each from both detectors: none can stand out.
// Refused (a file or a Share link) before anything changes.

export const meta = { title: messages['anomaly-detector.title'], hint: messages['anomaly-detector.hint'] };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

const GRID = 40; // a drag frame refits the forest and scores GRID² cells: about 5 ms in WASM (bench row isolation_forest_fit_grid_40)
const DETECTORS = ['forest', 'zscore'];

// Cell centres of the heat map, flat (x, y) pairs, rows from y0 up (docs/engine-api.md, Grids).
function gridPoints() {
  const out = new Float64Array(GRID * GRID * 2);
  for (let j = 0; j < GRID; j++) for (let i = 0; i < GRID; i++) {
    out[2 * (j * GRID + i)] = cellCentre(i, GRID, DOMAIN.x0, DOMAIN.x1);
    out[2 * (j * GRID + i) + 1] = cellCentre(j, GRID, DOMAIN.y0, DOMAIN.y1);
  }
  return out;
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const forest = ctx.own(new ml.IsolationForest());
  const scaler = ctx.own(new ml.StandardScaler());
  const grid = gridPoints();
  let data = null;      // { X, y, rows }
  let own = null;       // the learner's points (dragged, planted or imported), or null
  let scores = null;    // { forest, zscore }
  let measured = null;  // { forest, zscore } from flagAndMeasure
  let heat = null;
  let selected = -1;    // the point the keyboard moves
  let cursor = null;    // the keyboard's plant cursor { x, y } while it is shown (N), else null
  let keyed = false;    // the last change came from a key: the status names the point or the cursor

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.8, minHeight: 260, maxHeight: 520, domain: [DOMAIN.x0, DOMAIN.x1, DOMAIN.y0, DOMAIN.y1], label: t('anomaly-detector.plot'), onResize: () => ctx.requestDraw(draw) }));
  legend(card.stage, [
    { text: t('anomaly-detector.legend.normal'), swatch: 'dw-swatch anomaly-detector-swatch-normal' },
    { text: t('anomaly-detector.legend.anomaly'), swatch: 'dw-swatch anomaly-detector-swatch-anomaly' },
    { text: t('anomaly-detector.legend.flagged'), swatch: 'dw-swatch anomaly-detector-swatch-flag' },
  ]);
  const scale = heatLegend(card.stage, { color: sequentialRgb(plot.theme, plot.theme.loss), caption: t('anomaly-detector.scale'), low: '', high: '' });

  const buttons = buttonRow(card.controls);
  button(buttons, t('anomaly-detector.newPoints'), () => { opts.seed = nextSeed(opts.seed); own = null; load(); }, { primary: true, title: t('anomaly-detector.newPointsTitle') });
  const sceneMenu = select(card.controls, { label: t('anomaly-detector.select.scene'), value: opts.scene, options: SCENES.map((s) => [s, t(`anomaly-detector.scene.${s}`)]), onChange: (v) => { if (v === 'own') return; opts.scene = v; own = null; seen.clear(); load(); } });
  const detectorMenu = select(card.controls, { label: t('anomaly-detector.select.detector'), value: opts.detector, options: DETECTORS.map((d) => [d, t(`anomaly-detector.detector.${d}`)]), onChange: (v) => { opts.detector = v; render(); } });
  const contaminationSlider = slider(card.controls, { label: t('anomaly-detector.slider.contamination'), min: 0.01, max: 0.3, step: 0.01, value: opts.contamination, format: (v) => formatPercent(v, 0), onInput: (v) => { opts.contamination = v; measure(); render(); } });
  // The CSV controls (the shared rules, web/lib/points-csv.js), with the labels read as this
  // widget means them: 1 is a planted anomaly, 0 a normal point, and scikit-learn's −1/1
  // (IsolationForest.fit_predict: −1 outlier, 1 inlier) read the way scikit-learn means them.
  // The import's notes say which label became which, with the counts.
  ctx.own(csvButtons(card.controls, card, {
    filename: 'anomaly-points.csv',
    exportText: () => pointsToCsv(data.X, data.y, { labelName: 'anomaly' }),
    importText: (text) => {
      const parsed = parsePointsCsv(text, { ...CSV_RULES, sayRelabelled: false, t });
      const read = anomalyLabels(parsed);
      if (pointsAtOnePlace(parsed.X)) throw new Error(t('anomaly-detector.csv.onePlace', { x: formatNumber(parsed.X[0], 2), y: formatNumber(parsed.X[1], 2) }));
      own = { X: Float64Array.from(parsed.X), y: read.y };
      load();
      if (ctx.stateChanged) ctx.stateChanged();
      return { notes: [t('csv.imported', { count: parsed.count, what: parsed.classes }), ...parsed.notes, ...read.notes], warn: parsed.skipped > 0 || read.warn };
    },
  }));
  // Which label means "anomaly": −1 in a file labelled −1/1 (scikit-learn), else the larger one
  // (1 in this widget's own 0/1 files; the second class in order for word labels). The parser
  // reads the labels as classes in increasing order and leaves saying so to this note
  // (sayRelabelled: false): "classes 0, 1" mean nothing here. Returns { y (1 anomaly, 0 normal), notes, warn }.
  function anomalyLabels(parsed) {
    const [first, second] = parsed.labelValues; // the file's labels of classes 0 and 1
    const sklearn = first === -1 && second === 1;
    const [normalLabel, anomalyLabel] = sklearn ? [second, first] : [first, second];
    const y = sklearn ? Float64Array.from(parsed.y, (c) => 1 - c) : Float64Array.from(parsed.y);
    const anomalies = y.reduce((sum, v) => sum + v, 0);
    const normal = y.length - anomalies;
    const [anomalyText, normalText] = [labelText(anomalyLabel), labelText(normalLabel)];
    const notes = [t('anomaly-detector.csv.labels', { sklearn, words: typeof first === 'string', anomalyLabel: anomalyText, normalLabel: normalText, anomalies, normal })];
    const most = anomalies > normal;
    if (most) notes.push(t('anomaly-detector.csv.mostAnomalies', { anomalies: formatNumber(anomalies, 0), normal: formatNumber(normal, 0), anomalyLabel: anomalyText, normalLabel: normalText }));
    return { y, notes, warn: most };
  }

  quietWhileHeld(ctx, plot.canvas); // a held arrow key or a drag is said once, when let go

  const stats = {
    forestPrecision: card.stat(t('anomaly-detector.stat.forestPrecision')),
    forestRecall: card.stat(t('anomaly-detector.stat.forestRecall')),
    zPrecision: card.stat(t('anomaly-detector.stat.zPrecision')),
    zRecall: card.stat(t('anomaly-detector.stat.zRecall')),
  };

  // Predict, then check: on the two clusters, which detector finds more of the planted anomalies?
  // The prediction is locked before the clusters are shown: on that scene the readouts give both
  // recalls at once, so a prediction made there copies the answer (outcomeSeen). It is judged once
  // both heat maps have been looked at on the clusters, at the 4% the question names. The lesson's
  // steps leave the slider at 10% just before: at another share the box waits and says to set it
  // back, and the clusters seen there with nothing locked are a glimpse (enough to guess from,
  // but not the 4% recalls the lesson's reveal states, so its text stays closed).
  const judgedShare = formatPercent(PREDICT_CONTAMINATION, 0);
  const seen = new Set(); // detectors whose heat map was shown on the clusters since the scene loaded
  let offNoted = false; // the locked box said the share differs (so it says so when it is back)
  const prediction = createPrediction(ctx, {
    id: 'anomaly-clusters-recall',
    question: t('anomaly-detector.predict.question'),
    choices: ['forest', 'zscore', 'tie'].map((c) => [c, t(`anomaly-detector.predict.${c}`)]),
    onCommit: () => { offNoted = false; },
    onUnlock: () => { offNoted = false; },
    next: t('anomaly-detector.predict.next', { judged: judgedShare }),
  });
  function judgeClusters() {
    if (opts.scene !== 'clusters' || own || !measured) return;
    seen.add(opts.detector);
    const atShare = atPredictContamination(opts.contamination);
    if (prediction.pending === null) {
      if (atShare) prediction.outcomeSeen(t('anomaly-detector.predict.seen'));
      else prediction.outcomeGlimpsed(t('anomaly-detector.predict.glimpsed', { share: formatPercent(opts.contamination, 0), judged: judgedShare }));
      return;
    }
    if (!atShare) {
      prediction.note(t('anomaly-detector.predict.share', { share: formatPercent(opts.contamination, 0), judged: judgedShare }));
      offNoted = true;
      return;
    }
    if (seen.size < 2) {
      const other = DETECTORS.find((d) => !seen.has(d));
      if (offNoted) { prediction.note(t('anomaly-detector.predict.back', { judged: judgedShare, other: t(`anomaly-detector.detector.${other}`) })); offNoted = false; }
      return;
    }
    const f = measured.forest.recall;
    const z = measured.zscore.recall;
    const outcome = Math.abs(f - z) < 1e-12 ? 'tie' : f > z ? 'forest' : 'zscore';
    prediction.settle(outcome, t('anomaly-detector.predict.why', { forest: formatPercent(f, 0), zscore: formatPercent(z, 0) }));
  }

  function load() {
    data = own ? { X: own.X, y: own.y, rows: own.y.length } : attempt(card, () => makeScene(ml, opts.scene, opts.seed), null);
    showOwnPoints(sceneMenu, !!own, opts.scene, t);
    selected = data ? data.rows - 1 : -1;
    cursor = null;
    refit();
  }

  function refit() {
    scores = data ? attempt(card, () => scoreBoth(ml, forest, data.X, opts), null) : null;
    heat = null;
    if (scores) {
      heat = attempt(card, () => ({
        forest: forest.scoreGrid(DOMAIN.x0, DOMAIN.x1, DOMAIN.y0, DOMAIN.y1, GRID, GRID).slice(),
        zscore: zScoreGrid(ml, scaler, data.X, grid),
      }), null);
    }
    measure();
    render();
  }

  function measure() {
    measured = scores ? attempt(card, () => ({
      forest: flagAndMeasure(ml, scores.forest, data.y, opts.contamination),
      zscore: flagAndMeasure(ml, scores.zscore, data.y, opts.contamination),
    }), null) : null;
  }

  const pct = (v) => (Number.isFinite(v) ? formatPercent(v, 0) : '–');
  function render() {
    if (!measured) {
      for (const s of Object.values(stats)) s.set('–');
      ctx.requestDraw(draw);
      return;
    }
    const { forest: f, zscore: z } = measured;
    stats.forestPrecision.set(pct(f.precision));
    stats.forestRecall.set(pct(f.recall));
    stats.zPrecision.set(pct(z.precision));
    stats.zRecall.set(pct(z.recall));
    const planted = data.y.reduce((s, v) => s + v, 0);
    // Flags go to scores above the cut-off, so points whose scores tie at it are all left out: the
    // two detectors can then flag different numbers of points, or none (never "the 0 points").
    const tied = f.flagged !== z.flagged || f.flagged === 0;
    const flaggedText = tied
      ? t('anomaly-detector.flaggedTied', { forest: f.flagged, zscore: z.flagged, share: formatPercent(opts.contamination, 0), rows: formatNumber(data.rows, 0), planted })
      : t('anomaly-detector.flagged', { flagged: f.flagged, share: formatPercent(opts.contamination, 0), rows: formatNumber(data.rows, 0), planted });
    if (keyed) {
      // A key moved, picked or planted something: say what and where, then the recalls.
      keyed = false;
      card.setMessage(`${keyedText()} ${t('anomaly-detector.recalls', { forest: pct(f.recall), zscore: pct(z.recall) })}`, 'info');
    } else if (planted === 0) {
      card.setMessage(t('anomaly-detector.nothingPlanted', { flagged: flaggedText }), 'info');
    } else if (f.recall > z.recall) {
      card.setMessage(t('anomaly-detector.forestBetter', { flagged: flaggedText, forest: pct(f.recall), zscore: pct(z.recall) }), 'info');
    } else if (z.recall > f.recall) {
      card.setMessage(t('anomaly-detector.zscoreBetter', { flagged: flaggedText, zscore: pct(z.recall), forest: pct(f.recall) }), 'info');
    } else {
      card.setMessage(t('anomaly-detector.tie', { flagged: flaggedText, recall: pct(f.recall) }), 'info');
    }
    const shown = t(`anomaly-detector.scale.${opts.detector}`);
    const values = heat ? heat[opts.detector] : null;
    const range = values ? scaleRange(values) : [0, 1];
    scale.set({ caption: shown, low: fixed(range[0], 2), high: fixed(range[1], 2) });
    plot.canvas.setAttribute('aria-label', t('anomaly-detector.figure', { rows: formatNumber(data.rows, 0), detector: t(`anomaly-detector.detector.${opts.detector}`), forest: pct(f.recall), zscore: pct(z.recall) }));
    judgeClusters();
    ctx.requestDraw(draw);
  }

  // What the keyboard has in hand: the plant cursor, or the selected point (its number, kind,
  // position and whether the detector the map shows flags it).
  function keyedText() {
    if (cursor) {
      const i = nearest(cursor, Infinity);
      const away = i === null ? '–' : formatNumber(Math.hypot(data.X[2 * i] - cursor.x, data.X[2 * i + 1] - cursor.y), 2);
      return t('anomaly-detector.cursor', { x: formatNumber(cursor.x, 2), y: formatNumber(cursor.y, 2), away });
    }
    if (selected < 0 || selected >= data.rows) return '';
    const flags = measured[opts.detector].flags;
    return t('anomaly-detector.selected', {
      index: formatNumber(selected + 1, 0), rows: formatNumber(data.rows, 0), planted: data.y[selected] === 1,
      x: formatNumber(data.X[2 * selected], 2), y: formatNumber(data.X[2 * selected + 1], 2), flagged: flags[selected] === 1, detector: t(`anomaly-detector.by.${opts.detector}`),
    });
  }

  // The colour scale runs over the values the map shows (the forest's scores sit in a narrow band).
  function scaleRange(values) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) { if (v < lo) lo = v; if (v > hi) hi = v; }
    return hi > lo ? [lo, hi] : [lo, lo + 1];
  }

  function draw() {
    plot.setDomain(DOMAIN.x0, DOMAIN.x1, DOMAIN.y0, DOMAIN.y1);
    plot.begin();
    const th = plot.theme;
    const values = heat ? heat[opts.detector] : null;
    if (values) {
      const [lo, hi] = scaleRange(values);
      const color = sequentialRgb(th, th.loss);
      drawHeatmap(plot, values, GRID, GRID, (v, out) => color((v - lo) / (hi - lo), out), { alpha: 0.75 });
    }
    plot.axes({ xLabel: t('anomaly-detector.axis.x'), yLabel: t('anomaly-detector.axis.y'), xTicks: 5, yTicks: 5 });
    if (!data) return;
    const flags = measured ? measured[opts.detector].flags : null;
    for (let i = 0; i < data.rows; i++) {
      const cls = data.y[i] === 1 ? 1 : 0;
      plot.point(data.X[2 * i], data.X[2 * i + 1], cls, { size: cls ? 5.5 : 4, highlight: !!(flags && flags[i] === 1) });
    }
    if (!drag.keyboardFocused) return; // the keyboard's cursor and ring: never for a click (drag.js)
    if (cursor) plot.handle(cursor.x, cursor.y, { focused: true });
    else if (selected >= 0 && selected < data.rows) plot.handle(data.X[2 * selected], data.X[2 * selected + 1], { focused: true, color: th.accent });
  }

  // Dragging: the nearest point within 0.35 units is grabbed; a press on empty space plants an anomaly.
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  function nearest(pos, within = 0.35) {
    let best = -1;
    let bestD = within * within;
    for (let i = 0; data && i < data.rows; i++) {
      const d = (data.X[2 * i] - pos.x) ** 2 + (data.X[2 * i + 1] - pos.y) ** 2;
      if (d < bestD) { bestD = d; best = i; }
    }
    return best >= 0 ? best : null;
  }
  function takeOwn() {
    if (!own) own = { X: Float64Array.from(data.X), y: Float64Array.from(data.y) };
    data = { X: own.X, y: own.y, rows: own.y.length };
    showOwnPoints(sceneMenu, true, opts.scene, t);
  }
  function movePoint(i, pos) {
    takeOwn();
    own.X[2 * i] = clamp(pos.x, DOMAIN.x0, DOMAIN.x1);
    own.X[2 * i + 1] = clamp(pos.y, DOMAIN.y0, DOMAIN.y1);
    selected = i;
    refit();
    if (ctx.stateChanged) ctx.stateChanged();
  }
  // A new planted anomaly at pos (a click on empty space, or N at the keyboard cursor).
  function plant(pos) {
    if (!data) return;
    if (data.rows >= CSV_RULES.maxPoints) { keyed = false; card.setMessage(t('anomaly-detector.full', { max: formatNumber(CSV_RULES.maxPoints, 0) }), 'warn'); return; }
    takeOwn();
    own = { X: Float64Array.from([...own.X, clamp(pos.x, DOMAIN.x0, DOMAIN.x1), clamp(pos.y, DOMAIN.y0, DOMAIN.y1)]), y: Float64Array.from([...own.y, 1]) };
    data = { X: own.X, y: own.y, rows: own.y.length };
    selected = data.rows - 1;
    refit();
    if (ctx.stateChanged) ctx.stateChanged();
  }
  // Keys that only pick (Enter, N showing the cursor) change no scores: the status alone is redone.
  function sayKeyed() { keyed = true; render(); }
  const drag = ctx.drag(plot, {
    hit: nearest,
    press: (pos) => plant(pos),
    move: (pos, i) => movePoint(i, pos),
    key: (dx, dy) => {
      if (cursor) {
        cursor = { x: clamp(cursor.x + 0.1 * dx, DOMAIN.x0, DOMAIN.x1), y: clamp(cursor.y + 0.1 * dy, DOMAIN.y0, DOMAIN.y1) };
        sayKeyed();
      } else if (selected >= 0) {
        keyed = true;
        movePoint(selected, { x: data.X[2 * selected] + 0.1 * dx, y: data.X[2 * selected + 1] + 0.1 * dy });
      }
    },
    enter: () => { if (data) { cursor = null; selected = (selected + 1) % data.rows; sayKeyed(); } },
    otherKey: (e) => {
      if (e.key !== 'n' && e.key !== 'N') return;
      e.preventDefault();
      if (!data) return;
      // N shows the plant cursor where the ringed point is (it starts on the data); N again plants there.
      if (!cursor) {
        cursor = selected >= 0 && selected < data.rows ? { x: data.X[2 * selected], y: data.X[2 * selected + 1] } : { x: 0, y: 0 };
        sayKeyed();
      } else {
        const pos = cursor;
        cursor = null;
        keyed = true;
        plant(pos);
      }
    },
    // Wrapped, because drag.js restores nothing when the snapshot itself is null (no own points yet).
    snapshot: () => ({ own: own ? { X: own.X.slice(), y: own.y.slice() } : null }),
    restore: (s) => { own = s.own ? { X: s.own.X.slice(), y: s.own.y.slice() } : null; load(); },
    escape: () => { cursor = null; ctx.requestDraw(draw); },
    onFocusChange: (on) => {
      if (on) card.setMessage(t('anomaly-detector.keys'), 'info');
      ctx.requestDraw(draw);
    },
  });

  load();

  return {
    update(next) {
      if (next.scene !== opts.scene || next.seed !== opts.seed) own = null;
      opts = { ...next };
      detectorMenu.value = opts.detector;
      contaminationSlider.set(opts.contamination);
      load();
    },
    currentOptions() { return { scene: opts.scene, detector: opts.detector, contamination: opts.contamination, seed: opts.seed }; },
    state: {
      get() { return own ? pointsState(own.X, own.y) : null; },
      set(value) {
        const points = pointsFromState(value, CSV_RULES);
        if (pointsAtOnePlace(points.X)) throw new RangeError(t('anomaly-detector.csv.onePlace', { x: formatNumber(points.X[0], 2), y: formatNumber(points.X[1], 2) }).replace(/\.$/, ''));
        own = { X: Float64Array.from(points.X), y: Float64Array.from(points.y) };
        load();
      },
    },
  };
}
