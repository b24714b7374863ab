// Regression metrics and scalers with one outlier (issue 19, item 6). Ten points near a line and
// one outlier the learner drags. MAE, MSE, RMSE and R² are computed by the engine for the ten
// ordinary points and for all eleven, side by side, so the learner sees squared errors react to
// the outlier far more than absolute ones. The line is the engine's least-squares fit of the ten
// ordinary points ("trained before the outlier arrived"), or, with "refit", of all eleven — then
// the line itself swings towards the outlier. Below, the same eleven y values go through the
// engine's StandardScaler, MinMaxScaler and RobustScaler on one shared axis.
// Own points: a CSV file of (x, y) rows (or a Share link) replaces the ten ordinary points; the
// outlier stays a separate point the learner drags, and the texts count the points shown.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { attachDrag } from '../lib/drag.js';
import { requestDraw, cancelDraw } from '../lib/frame.js';
import { button, buttonRow, el, select, showOptions } from '../lib/ui.js';
import { tableWrap } from '../lib/table.js';
import { seedOption } from '../lib/schema.js';
import { formatNumber, formatShort, readShown } from '../lib/format.js';
import { pointsCsv, pointsFromState, pointsState } from '../lib/points-csv.js';
import { createPrediction } from '../lib/predict.js';
import { OUTLIER_DEFAULT, REGRESSION_SEED, X_RANGE, Y_RANGE, regressionScene, scaleColumn } from './comparison/data.js';
import { messages } from './regression-metrics.messages.js';

export const schema = {
  line: { type: 'enum', values: ['fixed', 'refit'], default: 'fixed', description: 'fixed: the least-squares line of the ten ordinary points; refit: least squares on all eleven, outlier included.' },
  outlierX: { type: 'number', min: X_RANGE[0], max: X_RANGE[1], default: OUTLIER_DEFAULT.x, description: 'Starting x of the outlier.' },
  outlierY: { type: 'number', min: Y_RANGE[0], max: Y_RANGE[1], default: OUTLIER_DEFAULT.y, description: 'Starting y of the outlier.' },
  seed: seedOption(REGRESSION_SEED, 'Seed for the ten ordinary points.'),
};

export const meta = { title: messages['regression-metrics.title'], hint: messages['regression-metrics.hint'] };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

// The metrics and the scalers (standardise (y − μ) / s, min–max (y − min) / (max − min), robust
// (y − median) / IQR); their names are words of the table.
const METRICS = ['mae', 'mse', 'rmse', 'r2'];
const SCALERS = ['standard', 'minmax', 'robust'];
const KEY_STEP = 0.1;
// Own ordinary points from a CSV file: x and y columns on the plot's axes (the outlier is not in
// the file). Changing the seed (the option that makes the points) drops them.
export const CSV_RULES = { dims: 1, labels: 'value', domain: X_RANGE, valueRange: Y_RANGE, minPoints: 3, maxPoints: 200 };

// A metric as the widget writes it: R² with 3 decimals; an error with 2, but never fewer than 3
// significant digits (0.238, not 0.24), so the factor between two shown errors stays near the
// factor between the errors themselves.
function shownMetric(key, v) {
  return key === 'r2' ? formatNumber(v, 3) : formatNumber(v, 2, { significant: 3 });
}

// The change from one shown metric to another, worked out from the two as shown, so it checks
// out by hand: "× 34.7" for an error (8.25 / 0.238), "-0.522" for R² (0.396 − 0.918).
function change(key, withoutText, withText) {
  const without = readShown(withoutText);
  const withOutlier = readShown(withText);
  if (key === 'r2') return formatNumber(withOutlier - without, 3, { signed: true });
  const f = errorFactor(withoutText, withText);
  return f.factor === null ? '–' : `× ${f.factor}`;
}

// The factor between two shown errors and the word for it, both from the factor as shown: one
// decimal ("× 3.0"), or two where one would read 1.0 for a change ("× 0.95": 0.465 / 0.488);
// 'grows' above 1, 'shrinks' below, 'barely' when even two decimals read 1.00 although the shown
// errors differ, 'same' when they do not differ, 'fromZero' when there is no factor (0 before).
export function errorFactor(withoutText, withText) {
  const without = readShown(withoutText);
  const withOutlier = readShown(withText);
  if (withOutlier === without) return { kind: 'same', factor: without > 0 ? '1.0' : null };
  if (!(without > 0)) return { kind: 'fromZero', factor: null };
  let factor = formatNumber(withOutlier / without, 1);
  if (readShown(factor) === 1) factor = formatNumber(withOutlier / without, 2);
  const shown = readShown(factor);
  return { kind: shown > 1 ? 'grows' : shown < 1 ? 'shrinks' : 'barely', factor };
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  let outlier = { x: opts.outlierX, y: opts.outlierY };
  let scene = null;
  let scaled = null;
  let focused = false;
  let imported = null; // { x, y } from a CSV file or a Share link, instead of the seeded points
  // How many points, in words for the default ten and eleven (the table decides the words).
  const count = (n) => ({ n, shown: formatNumber(n, 0) });
  const few = () => t('regression-metrics.few', count(scene ? scene.base.x.length : 10));
  const all = () => t('regression-metrics.all', count(scene ? scene.base.x.length + 1 : 11));

  const plotHost = el('div', { className: 'dw-plot' });
  card.stage.append(plotHost);
  const plot = new Plot(plotHost, { aspect: 0.56, minHeight: 240, maxHeight: 400, label: t('regression-metrics.plot'), onResize: () => requestDraw(draw) });
  plot.setDomain(X_RANGE[0], X_RANGE[1], Y_RANGE[0], Y_RANGE[1]);

  const table = el('table', { className: 'dw-table regression-metrics-table' });
  // A caption of its own, kept across redraws, names the table and its scrolling box.
  const caption = el('caption', { className: 'dw-sr-only', text: t('regression-metrics.table.caption') });
  card.stage.append(tableWrap(ctx, table, { label: caption }).element);

  const scaleHead = el('h4', { className: 'dw-plot-head', text: t('regression-metrics.scalers', count(11)) });
  const keyOrdinary = el('span', { text: few() });
  const scaleHost = el('div', { className: 'dw-plot' });
  const scaleText = el('ul', { className: 'dw-summary-list' });
  const scaleKey = el('p', { className: 'dw-plot-legend' }, [
    el('span', { className: 'dw-legend-key' }, [el('span', { className: 'dw-mark dw-mark-circle' }), keyOrdinary]),
    el('span', { className: 'dw-legend-key' }, [el('span', { className: 'dw-mark dw-mark-ring' }), el('span', { text: t('regression-metrics.key.outlier') })]),
  ]);
  card.stage.append(scaleHead, scaleHost, scaleKey, scaleText);
  const scalePlot = new Plot(scaleHost, { aspect: 0.3, minHeight: 170, maxHeight: 220, label: t('regression-metrics.scalePlot'), onResize: () => requestDraw(draw) });
  scalePlot.margin = { ...scalePlot.margin, left: 92 };

  const lineMenu = select(card.controls, {
    label: t('regression-metrics.select.line'),
    value: opts.line,
    options: [['fixed', t('regression-metrics.line.fixed', { few: few() })], ['refit', t('regression-metrics.line.refit', { all: all() })]],
    onChange: (v) => { opts.line = v; recompute(); },
  });
  const buttons = buttonRow(card.controls);
  button(buttons, t('regression-metrics.onTrend'), () => {
    if (!scene) return;
    const x = outlier.x;
    setOutlier({ x, y: scene.cleanLine.w * x + scene.cleanLine.b });
  }, { title: t('regression-metrics.onTrend.title') });
  button(buttons, t('regression-metrics.reset'), () => setOutlier({ x: opts.outlierX, y: opts.outlierY }));

  const statMae = card.stat(t('regression-metrics.metric.mae'));
  const statRmse = card.stat(t('regression-metrics.metric.rmse'));
  const statR2 = card.stat(t('regression-metrics.metric.r2'));
  pointsCsv(ctx, card.controls, {
    filename: 'regression-points.csv', rules: CSV_RULES, names: ['x'], labelName: 'y',
    get: () => ({ X: Float64Array.from(scene.base.x), y: Float64Array.from(scene.base.y) }),
    set: (parsed) => {
      const x = Array.from(parsed.X);
      if (Math.min(...x) === Math.max(...x)) throw new Error(t('regression-metrics.csv.oneX', { x: formatNumber(x[0], 2) }));
      imported = { x, y: Array.from(parsed.y) };
      prediction.reset(t('regression-metrics.predict.newPoints'));
      recompute();
    },
  });

  // Predict, then check: with the outlier dragged up to y = 24, which grows by the larger
  // factor, MAE or RMSE (over all eleven points)? Judged from the engine's metrics at the
  // commit and when the outlier reaches y = 24.
  const TARGET_Y = 24;
  let before = null;
  // The outlier's height above the line of the ordinary points (the lesson's "gap", 9.40 at the
  // start). The experiment is that gap growing; any larger gap on screen shows part of it: from
  // the start to y = 18, RMSE already grows × 1.21 and MAE × 1.15, the verdict's order.
  const gapOf = (p) => (scene ? p.y - (scene.cleanLine.w * p.x + scene.cleanLine.b) : 0);
  let lockedGap = Infinity;     // the gap when the prediction was locked in
  let widerSinceLock = false;   // a larger gap than that has been on screen since
  const prediction = createPrediction(ctx, {
    id: 'regression-metrics-outlier-up',
    question: t('regression-metrics.predict.question', { y: TARGET_Y }),
    choices: [['mae', t('regression-metrics.metric.mae')], ['rmse', t('regression-metrics.metric.rmse')], ['same', t('regression-metrics.predict.same')]],
    // Locked from no higher than the outlier's start: from y = 23.5 one more step to 24 moves MAE and
    // RMSE by the same 3%, so "about the same" would be certain, a win without a prediction.
    ready: () => (scene && outlier.y <= opts.outlierY + 1e-9 && outlier.y < TARGET_Y ? null : t('regression-metrics.predict.ready', { start: formatShort(opts.outlierY, 3), y: TARGET_Y })),
    onCommit: () => { before = { ...scene.with }; lockedGap = gapOf(outlier); widerSinceLock = false; },
    progress: () => widerSinceLock,
    next: t('regression-metrics.predict.next', { y: TARGET_Y }),
  });
  function judgeOutlier() {
    if (!scene) return;
    if (outlier.y < TARGET_Y - 1e-9) {
      const gap = gapOf(outlier);
      if (prediction.pending === null) {
        if (gap > gapOf({ x: opts.outlierX, y: opts.outlierY }) + 1e-9) prediction.outcomeGlimpsed(t('regression-metrics.predict.climbSeen'));
      } else if (gap > lockedGap + 1e-9) widerSinceLock = true;
      return;
    }
    // MAE and RMSE with the outlier at y = 24 are in the table: a prediction made after could copy them.
    if (prediction.pending === null) { prediction.outcomeSeen(t('regression-metrics.predict.seen', { y: TARGET_Y })); return; }
    if (!before) return;
    // Factors of the metrics as shown, so the verdict follows the numbers it quotes.
    const shown = (key) => ({ from: shownMetric(key, before[key]), to: shownMetric(key, scene.with[key]) });
    const mae = shown('mae');
    const rmse = shown('rmse');
    const fm = readShown(mae.to) / readShown(mae.from);
    const fr = readShown(rmse.to) / readShown(rmse.from);
    const outcome = Math.abs(fr - fm) < 0.05 ? 'same' : fr > fm ? 'rmse' : 'mae';
    prediction.settle(outcome, t('regression-metrics.predict.why', { maeBefore: mae.from, mae: mae.to, maeFactor: formatNumber(fm, 2), rmseBefore: rmse.from, rmse: rmse.to, rmseFactor: formatNumber(fr, 2) }));
    before = null;
  }

  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  function setOutlier(p) {
    outlier = { x: clamp(p.x, X_RANGE[0], X_RANGE[1]), y: clamp(p.y, Y_RANGE[0], Y_RANGE[1]) };
    recompute();
  }

  const drag = attachDrag(plot, {
    hit: (pos) => {
      const dx = plot.px(pos.x) - plot.px(outlier.x);
      const dy = plot.py(pos.y) - plot.py(outlier.y);
      return dx * dx + dy * dy <= 22 * 22 ? 'outlier' : null;
    },
    move: (pos) => setOutlier(pos),
    key: (dx, dy) => setOutlier({ x: outlier.x + dx * KEY_STEP, y: outlier.y + dy * KEY_STEP * 5 }),
    snapshot: () => ({ ...outlier }),
    restore: (s) => setOutlier(s),
    onFocusChange: (on) => { focused = on; requestDraw(draw); },
  });

  function recompute() {
    scene = attempt(card, () => regressionScene(ml, opts.seed, outlier, opts.line, imported), null);
    scaled = scene ? attempt(card, () => scaleColumn(ml, scene.y), null) : null;
    render();
    judgeOutlier();
  }

  function render() {
    if (!scene) return;
    const w = scene.without;
    const a = scene.with;
    const n = scene.base.x.length;
    scaleHead.textContent = t('regression-metrics.scalers', count(n + 1));
    keyOrdinary.textContent = few();
    lineMenu.options[0].text = t('regression-metrics.line.fixed', { few: few() });
    lineMenu.options[1].text = t('regression-metrics.line.refit', { all: all() });
    statMae.set(shownMetric('mae', a.mae));
    statRmse.set(shownMetric('rmse', a.rmse));
    statR2.set(shownMetric('r2', a.r2));
    const changeOf = (key) => change(key, shownMetric(key, w[key]), shownMetric(key, a[key]));
    // The summary's words for a change ("grows × 3.0", "shrinks to × 0.95"), from the factor the table shows.
    const changeWords = (key) => {
      const f = errorFactor(shownMetric(key, w[key]), shownMetric(key, a[key]));
      return t(`regression-metrics.change.${f.kind}`, { factor: f.factor, to: shownMetric(key, a[key]) });
    };
    table.replaceChildren(
      caption,
      el('thead', {}, [el('tr', {}, [
        el('th', { text: t('regression-metrics.table.metric'), scope: 'col' }),
        el('th', { text: t('regression-metrics.table.without', { n: formatNumber(n, 0) }), scope: 'col', title: few() }),
        el('th', { text: t('regression-metrics.table.with', { n: formatNumber(n + 1, 0) }), scope: 'col', title: t('regression-metrics.table.with.title', { few: few() }) }),
        el('th', { text: t('regression-metrics.table.change'), scope: 'col' }),
      ])]),
      el('tbody', {}, METRICS.map((key) => el('tr', { 'data-metric': key }, [
        el('th', { scope: 'row', title: t(`regression-metrics.metricLong.${key}`), text: t(`regression-metrics.metric.${key}`) }),
        el('td', { text: shownMetric(key, w[key]) }),
        el('td', { text: shownMetric(key, a[key]) }),
        el('td', { className: 'regression-metrics-change', text: changeOf(key) }),
      ]))),
    );
    const residual = outlier.y - (scene.line.w * outlier.x + scene.line.b);
    const lineText = opts.line === 'refit' ? t('regression-metrics.line.refitPoints', { all: all() }) : t('regression-metrics.line.fixed', { few: few() });
    card.setMessage(t('regression-metrics.summary', { gap: formatNumber(Math.abs(residual), 2), above: residual >= 0, line: lineText, w: formatNumber(scene.line.w, 2), sign: scene.line.b >= 0 ? '+' : '−', b: formatNumber(Math.abs(scene.line.b), 2), mae: changeWords('mae'), mse: changeWords('mse'), rmse: changeWords('rmse') }), Math.abs(residual) > 3 ? 'warn' : 'info');
    plot.canvas.setAttribute('aria-label', t('regression-metrics.figure', { points: imported ? t('regression-metrics.figure.own', { n: formatNumber(n, 0) }) : t('regression-metrics.figure.seeded'), x: formatNumber(outlier.x, 1), y: formatNumber(outlier.y, 1), line: lineText }));
    if (scaled) {
      scaleText.replaceChildren(...SCALERS.map((key) => el('li', {
        text: t('regression-metrics.scaled', { name: t(`regression-metrics.scaler.${key}`), few: few(), spread: formatNumber(scaled[key].inlierSpread, 2), outlier: formatNumber(scaled[key].outlier, 2) }),
      })));
      scalePlot.canvas.setAttribute('aria-label', t('regression-metrics.scalePlot.figure', { scalers: SCALERS.map((key) => t('regression-metrics.scalePlot.figure.one', { name: t(`regression-metrics.scaler.${key}`), spread: formatNumber(scaled[key].inlierSpread, 2), outlier: formatNumber(scaled[key].outlier, 2) })).join('. ') }));
    }
    requestDraw(draw);
  }

  function drawScene() {
    plot.begin();
    const th = plot.theme;
    plot.axes({ xLabel: t('regression-metrics.axis.x'), yLabel: t('regression-metrics.axis.y'), xTicks: 5, yTicks: 5 });
    if (!scene) return;
    const { line, cleanLine, base } = scene;
    const y = (l, x) => l.w * x + l.b;
    plot.clipToArea(() => {
      if (opts.line === 'refit') plot.segment(X_RANGE[0], y(cleanLine, X_RANGE[0]), X_RANGE[1], y(cleanLine, X_RANGE[1]), { color: th.textMuted, width: 1.5, dash: [6, 4] });
      // Residuals: the vertical gap from each point to the line.
      for (let i = 0; i < base.x.length; i++) plot.segment(base.x[i], base.y[i], base.x[i], y(line, base.x[i]), { color: th.textMuted, width: 1 });
      plot.segment(outlier.x, outlier.y, outlier.x, y(line, outlier.x), { color: th.loss, width: 2.5 });
      plot.segment(X_RANGE[0], y(line, X_RANGE[0]), X_RANGE[1], y(line, X_RANGE[1]), { color: th.model, width: 2.5 });
    });
    for (let i = 0; i < base.x.length; i++) plot.point(base.x[i], base.y[i], 1);
    plot.handle(outlier.x, outlier.y, { focused: focused || drag.grabbed !== null, color: th.loss });
    if (opts.line === 'refit') {
      const c = plot.ctx;
      c.save();
      c.font = `12px ${th.font}`;
      c.fillStyle = th.textMuted;
      c.textAlign = 'left';
      c.textBaseline = 'top';
      c.fillText(t('regression-metrics.dashed', { few: few() }), plot.margin.left + 4, plot.margin.top);
      c.restore();
    }
  }

  function drawScalers() {
    const p = scalePlot;
    if (!scaled) { p.begin(); return; }
    const values = SCALERS.flatMap((key) => scaled[key].scaled);
    const lo = Math.min(...values, 0);
    const hi = Math.max(...values, 1);
    const pad = (hi - lo) * 0.05;
    // A hair above 0 so the row axis gets no tick label (the rows are named on the left).
    p.setDomain(lo - pad, hi + pad, 1e-9, SCALERS.length);
    p.begin();
    const th = p.theme;
    const c = p.ctx;
    p.axes({ xLabel: t('regression-metrics.scalePlot.axis'), xTicks: 6, yTicks: 0 });
    SCALERS.forEach((key, row) => {
      const name = t(`regression-metrics.scaler.${key}`);
      const yRow = SCALERS.length - row - 0.5;
      p.segment(lo - pad, yRow, hi + pad, yRow, { color: th.gridLine, width: 1 });
      const s = scaled[key].scaled;
      for (let i = 0; i < s.length - 1; i++) p.point(s[i], yRow, 1, { size: 5 });
      p.handle(s[s.length - 1], yRow, { color: th.loss });
      c.save();
      c.font = `12px ${th.font}`;
      c.fillStyle = th.text;
      c.textAlign = 'right';
      c.textBaseline = 'middle';
      c.fillText(name, p.margin.left - 8, p.py(yRow));
      c.restore();
    });
  }

  function draw() {
    drawScene();
    drawScalers();
  }

  recompute();

  return {
    update(next) {
      const moved = next.outlierX !== opts.outlierX || next.outlierY !== opts.outlierY;
      if (next.seed !== opts.seed) imported = null;
      opts = { ...next };
      if (moved) outlier = { x: opts.outlierX, y: opts.outlierY };
      showOptions({ line: lineMenu }, opts);
      prediction.reset(t('regression-metrics.predict.changed'));
      recompute();
    },
    // Shared by a link: the outlier once moved ({ x, y }) and imported points ({ p, l }: x and y).
    state: {
      get() {
        const moved = outlier.x !== opts.outlierX || outlier.y !== opts.outlierY;
        if (!moved && !imported) return null;
        return { ...(moved ? { x: outlier.x, y: outlier.y } : {}), ...(imported ? pointsState(imported.x, imported.y) : {}) };
      },
      set(value) {
        if (!value || typeof value !== 'object') throw new RangeError('the saved state is not a list of settings');
        const hasOutlier = value.x !== undefined || value.y !== undefined;
        const ok = !hasOutlier || (Number.isFinite(value.x) && Number.isFinite(value.y)
          && value.x >= X_RANGE[0] && value.x <= X_RANGE[1] && value.y >= Y_RANGE[0] && value.y <= Y_RANGE[1]);
        if (!ok) throw new RangeError(`the outlier needs x in [${X_RANGE[0]}, ${X_RANGE[1]}] and y in [${Y_RANGE[0]}, ${Y_RANGE[1]}]`);
        if (!hasOutlier && value.p === undefined) throw new RangeError('the state holds neither an outlier nor points');
        const points = value.p !== undefined ? pointsFromState(value, CSV_RULES) : null; // checked before anything changes
        if (points && Math.min(...points.X) === Math.max(...points.X)) throw new RangeError('a line needs points at two different x values at least');
        if (points) imported = { x: Array.from(points.X), y: Array.from(points.y) };
        if (hasOutlier) setOutlier(value);
        else recompute();
      },
    },
    destroy() {
      drag.destroy();
      cancelDraw(draw);
      plot.destroy();
      scalePlot.destroy();
    },
  };
}
