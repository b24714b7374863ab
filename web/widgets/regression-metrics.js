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
import { button, buttonRow, el, select } from '../lib/ui.js';
import { seedOption } from '../lib/schema.js';
import { formatNumber } from '../lib/format.js';
import { pointsCsv, pointsFromState, pointsState } from '../lib/points-csv.js';
import { createPrediction } from '../lib/predict.js';
import { OUTLIER_DEFAULT, REGRESSION_SEED, X_RANGE, Y_RANGE, regressionScene, scaleColumn } from './comparison/data.js';

export const schema = {
  line: { type: 'enum', values: ['fixed', 'refit'], default: 'fixed', description: 'fixed: the least-squares line of the ten ordinary points; refit: least squares on all eleven, outlier included.' },
  outlierX: { type: 'number', min: X_RANGE[0], max: X_RANGE[1], default: OUTLIER_DEFAULT.x, description: 'Starting x of the outlier.' },
  outlierY: { type: 'number', min: Y_RANGE[0], max: Y_RANGE[1], default: OUTLIER_DEFAULT.y, description: 'Starting y of the outlier.' },
  seed: seedOption(REGRESSION_SEED, 'Seed for the ten ordinary points.'),
};

export const meta = {
  title: 'Regression metrics with an outlier',
  hint: 'Drag the hollow red point, the outlier (or focus the plot and use the arrow keys; Shift moves further). Each metric is shown for the ten ordinary points and for all eleven.',
};

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

const METRICS = [
  ['mae', 'MAE', 'mean absolute error'],
  ['mse', 'MSE', 'mean squared error'],
  ['rmse', 'RMSE', 'root mean squared error'],
  ['r2', 'R²', 'coefficient of determination'],
];
const SCALERS = [
  ['standard', 'standardise', '(y − μ) / s'],
  ['minmax', 'min–max', '(y − min) / (max − min)'],
  ['robust', 'robust', '(y − median) / IQR'],
];
const KEY_STEP = 0.1;
// Own ordinary points from a CSV file: x and y columns on the plot's axes (the outlier is not in
// the file). Changing the seed (the option that makes the points) drops them.
export const CSV_RULES = { dims: 1, labels: 'value', domain: X_RANGE, valueRange: Y_RANGE, minPoints: 3, maxPoints: 200 };
// How many points, in words for the default ten and eleven.
const count = (n) => (n === 10 ? 'ten' : n === 11 ? 'eleven' : formatNumber(n, 0));

// "× 3.2" for a ratio, "−0.41" for a change of R².
function change(key, without, withOutlier) {
  if (key === 'r2') {
    const d = withOutlier - without;
    return `${d >= 0 ? '+' : '−'}${formatNumber(Math.abs(d), 2)}`;
  }
  return without > 0 ? `× ${formatNumber(withOutlier / without, 1)}` : '–';
}

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  let outlier = { x: opts.outlierX, y: opts.outlierY };
  let scene = null;
  let scaled = null;
  let focused = false;
  let imported = null; // { x, y } from a CSV file or a Share link, instead of the seeded points
  const few = () => `the ${count(scene ? scene.base.x.length : 10)} ordinary points`;
  const all = () => `all ${count(scene ? scene.base.x.length + 1 : 11)}`;

  const plotHost = el('div', { className: 'dwc-plot' });
  card.stage.append(plotHost);
  const plot = new Plot(plotHost, { aspect: 0.56, minHeight: 240, maxHeight: 400, label: 'Ten points, an outlier and the line', onResize: () => requestDraw(draw) });
  plot.setDomain(X_RANGE[0], X_RANGE[1], Y_RANGE[0], Y_RANGE[1]);

  const table = el('table', { className: 'dw-table dwc-metrics' });
  card.stage.append(el('div', { className: 'dw-table-wrap' }, [table]));

  const scaleHead = el('h4', { className: 'dwc-head', text: 'The same eleven y values through three scalers' });
  const keyOrdinary = el('span', { text: 'the ten ordinary points' });
  const scaleHost = el('div', { className: 'dwc-plot' });
  const scaleText = el('ul', { className: 'dwc-summary' });
  const scaleKey = el('p', { className: 'dwc-legend' }, [
    el('span', { className: 'dwc-key' }, [el('span', { className: 'dwc-sw dwc-sw-a' }), keyOrdinary]),
    el('span', { className: 'dwc-key' }, [el('span', { className: 'dwc-sw dwc-sw-out' }), el('span', { text: 'the outlier' })]),
  ]);
  card.stage.append(scaleHead, scaleHost, scaleKey, scaleText);
  const scalePlot = new Plot(scaleHost, { aspect: 0.3, minHeight: 170, maxHeight: 220, label: 'Scaled values', onResize: () => requestDraw(draw) });
  scalePlot.margin = { ...scalePlot.margin, left: 92 };

  const lineMenu = select(card.controls, {
    label: 'line',
    value: opts.line,
    options: [['fixed', 'fitted to the ten ordinary points'], ['refit', 'refitted to all eleven']],
    onChange: (v) => { opts.line = v; recompute(); },
  });
  const buttons = buttonRow(card.controls);
  button(buttons, 'Outlier back on the trend', () => {
    if (!scene) return;
    const x = outlier.x;
    setOutlier({ x, y: scene.cleanLine.w * x + scene.cleanLine.b });
  }, { title: 'Put the outlier exactly on the line of the ordinary points' });
  button(buttons, 'Reset', () => setOutlier({ x: opts.outlierX, y: opts.outlierY }));

  const statMae = card.stat('MAE');
  const statRmse = card.stat('RMSE');
  const statR2 = card.stat('R²');
  pointsCsv(ctx, card.controls, {
    filename: 'regression-points.csv', rules: CSV_RULES, names: ['x'], labelName: 'y',
    get: () => ({ X: Float64Array.from(scene.base.x), y: Float64Array.from(scene.base.y) }),
    set: (parsed) => {
      const x = Array.from(parsed.X);
      if (Math.min(...x) === Math.max(...x)) throw new Error(`Every point has x = ${formatNumber(x[0], 2)}; a line needs points at two different x values at least.`);
      imported = { x, y: Array.from(parsed.y) };
      prediction.reset('New points: predict again.');
      recompute();
    },
  });

  // Predict, then check: with the outlier dragged up to y = 24, which grows by the larger
  // factor, MAE or RMSE (over all eleven points)? Judged from the engine's metrics at the
  // commit and when the outlier reaches y = 24.
  const TARGET_Y = 24;
  let before = null;
  const prediction = createPrediction(ctx, {
    id: 'regression-metrics-outlier-up',
    question: `Drag the outlier up to y = ${TARGET_Y}: which grows by the larger factor?`,
    choices: [['mae', 'MAE'], ['rmse', 'RMSE'], ['same', 'about the same (± 0.05)']],
    ready: () => (scene && outlier.y < TARGET_Y ? null : `Move the outlier below y = ${TARGET_Y} first (Reset).`),
    onCommit: () => { before = { ...scene.with }; },
    next: `Now drag the outlier straight up (or hold the up arrow on the plot) to y = ${TARGET_Y}.`,
  });
  function judgeOutlier() {
    if (prediction.pending === null || !before || !scene || outlier.y < TARGET_Y - 1e-9) return;
    const fm = scene.with.mae / before.mae;
    const fr = scene.with.rmse / before.rmse;
    const outcome = Math.abs(fr - fm) < 0.05 ? 'same' : fr > fm ? 'rmse' : 'mae';
    prediction.settle(outcome, `MAE went from ${formatNumber(before.mae, 2)} to ${formatNumber(scene.with.mae, 2)} (× ${formatNumber(fm, 2)}), RMSE from ${formatNumber(before.rmse, 2)} to ${formatNumber(scene.with.rmse, 2)} (× ${formatNumber(fr, 2)}). MAE adds the outlier's gap once; RMSE adds its square, so the one big residual counts for more.`);
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
    scaleHead.textContent = `The same ${count(n + 1)} y values through three scalers`;
    keyOrdinary.textContent = few();
    lineMenu.options[0].text = `fitted to ${few()}`;
    lineMenu.options[1].text = `refitted to ${all()}`;
    statMae.set(formatNumber(a.mae, 2));
    statRmse.set(formatNumber(a.rmse, 2));
    statR2.set(formatNumber(a.r2, 3));
    table.replaceChildren(
      el('thead', {}, [el('tr', {}, [
        el('th', { text: 'metric', scope: 'col' }),
        el('th', { text: `${formatNumber(n, 0)} points`, scope: 'col', title: few() }),
        el('th', { text: `all ${formatNumber(n + 1, 0)}`, scope: 'col', title: `${few()} and the outlier` }),
        el('th', { text: 'change', scope: 'col' }),
      ])]),
      el('tbody', {}, METRICS.map(([key, name, long]) => el('tr', { 'data-metric': key }, [
        el('th', { scope: 'row', title: long, text: name }),
        el('td', { text: formatNumber(w[key], key === 'r2' ? 3 : 2) }),
        el('td', { text: formatNumber(a[key], key === 'r2' ? 3 : 2) }),
        el('td', { className: 'dwc-change', text: change(key, w[key], a[key]) }),
      ]))),
    );
    const residual = outlier.y - (scene.line.w * outlier.x + scene.line.b);
    const lineText = opts.line === 'refit' ? `refitted to ${all()} points` : `fitted to ${few()}`;
    card.setMessage(`The outlier sits ${formatNumber(Math.abs(residual), 2)} ${residual >= 0 ? 'above' : 'below'} the line (${lineText}, ŷ = ${formatNumber(scene.line.w, 2)}x ${scene.line.b >= 0 ? '+' : '−'} ${formatNumber(Math.abs(scene.line.b), 2)}). With it, MAE grows ${change('mae', w.mae, a.mae)} and MSE ${change('mse', w.mse, a.mse)}; RMSE, in the units of y again, grows ${change('rmse', w.rmse, a.rmse)}.`, Math.abs(residual) > 3 ? 'warn' : 'info');
    plot.canvas.setAttribute('aria-label', `${imported ? `Your ${formatNumber(n, 0)} points` : 'Ten points near a line'} and an outlier at x = ${formatNumber(outlier.x, 1)}, y = ${formatNumber(outlier.y, 1)}; the line is ${lineText}. Use the arrow keys to move the outlier.`);
    if (scaled) {
      scaleText.replaceChildren(...SCALERS.map(([key, name]) => el('li', {
        text: `${name}: ${few()} span ${formatNumber(scaled[key].inlierSpread, 2)}; the outlier lands at ${formatNumber(scaled[key].outlier, 2)}.`,
      })));
      scalePlot.canvas.setAttribute('aria-label', `Scaled y values. ${SCALERS.map(([key, name]) => `${name}: ordinary points span ${formatNumber(scaled[key].inlierSpread, 2)}, outlier at ${formatNumber(scaled[key].outlier, 2)}`).join('. ')}.`);
    }
    requestDraw(draw);
  }

  function drawScene() {
    plot.begin();
    const th = plot.theme;
    plot.axes({ xLabel: 'x', yLabel: 'y', xTicks: 5, yTicks: 5 });
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
      c.fillText(`dashed: the line of ${few()}`, plot.margin.left + 4, plot.margin.top);
      c.restore();
    }
  }

  function drawScalers() {
    const p = scalePlot;
    if (!scaled) { p.begin(); return; }
    const values = SCALERS.flatMap(([key]) => scaled[key].scaled);
    const lo = Math.min(...values, 0);
    const hi = Math.max(...values, 1);
    const pad = (hi - lo) * 0.05;
    // A hair above 0 so the row axis gets no tick label (the rows are named on the left).
    p.setDomain(lo - pad, hi + pad, 1e-9, SCALERS.length);
    p.begin();
    const th = p.theme;
    const c = p.ctx;
    p.axes({ xLabel: 'scaled value', xTicks: 6, yTicks: 0 });
    SCALERS.forEach(([key, name], row) => {
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
      prediction.reset('The settings changed: predict again.');
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
