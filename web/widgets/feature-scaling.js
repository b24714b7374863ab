// Interactive "Feature scaling" (seed 001, level 4): k-NN on two features in very different
// units — age in years and income in euros. Unscaled, distances are all income, so the k-NN
// boundary runs in horizontal stripes and age is ignored; after the engine's StandardScaler
// ((x − μ)/σ per column) both features count. Boundaries, neighbours and accuracies are the
// engine's KNearestNeighbors on the raw or standardised features.
import { attempt, mountWidget } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, el, fixed, quietWhileHeld, showOptions, slider } from '../lib/ui.js';
import { formatPercent as pct, formatNumber } from '../lib/format.js';
import { drawHeatmap, heatLegend, probabilityRgb } from '../lib/heatmap.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { contourSegments, gridPoints } from '../lib/contour.js';
import { drawSegments, shapeMarker } from '../lib/marks.js';
import { rgba } from '../lib/colors.js';
import { boxAround } from '../lib/datasets.js';
import { legend } from '../lib/legend.js';
import { messages } from './feature-scaling.messages.js';

export const schema = {
  seed: seedOption(6, 'Random seed for the points.'),
  points: { type: 'int', min: 20, max: 300, default: 120, description: 'How many training points.' },
  noise: { type: 'number', min: 0, max: 1, default: 0.2, description: 'Noise in the data.' },
  k: { type: 'int', min: 1, max: 25, default: 7, description: 'Neighbours that vote.' },
  scaled: { type: 'boolean', default: false, description: 'Start with standardised features.' },
};

export const meta = { title: messages['feature-scaling.title'], hint: messages['feature-scaling.hint'] };

// The moons are mapped to plausible units: age = 45 + 14·u (years), income = 50 000 + 20 000·v (euros).
const AGE = [45, 14];
const INCOME = [50000, 20000];
const GRID = 50;
const K = 1000; // euros per thousand, for the income axis

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function toUnits(d) {
  const X = new Float64Array(d.rows * 2);
  for (let i = 0; i < d.rows; i++) {
    X[2 * i] = AGE[0] + AGE[1] * d.X[2 * i];
    X[2 * i + 1] = INCOME[0] + INCOME[1] * d.X[2 * i + 1];
  }
  return { X, y: Float64Array.from(d.y), rows: d.rows };
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const rawKnn = ctx.own(new ml.KNearestNeighbors());
  const scaledKnn = ctx.own(new ml.KNearestNeighbors());
  const scaler = ctx.own(new ml.StandardScaler());
  let train = null;
  let test = null;
  let domain = null;
  let grid = null;
  let heat = { raw: null, scaled: null };
  let acc = { raw: NaN, scaled: NaN };
  let query = { x: 45, y: 50000 };
  let near = null;

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.62, minHeight: 260, maxHeight: 480, label: t('feature-scaling.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.margin = { left: 64, right: 12, top: 22, bottom: 30 };
  quietWhileHeld(ctx, plot.canvas); // arrow keys held on the plot: said once, when let go
  // The key: the model-coloured p = 0.5 contour, then the tint's scale with the classes named by
  // shape as well as colour at its ends (▲ at 0, ● at 1; docs/design.md: heat maps with a legend).
  legend(card.stage, [{ text: t('feature-scaling.legend.boundary'), swatch: 'dw-line-key' }]);
  const key = heatLegend(card.stage, { color: probabilityRgb(plot.theme), low: t('feature-scaling.legend.low'), high: t('feature-scaling.legend.high'), caption: t('feature-scaling.legend') });
  const note = el('p', { className: 'dw-hint dw-explain', 'aria-live': 'polite' });
  card.stage.append(note);

  const buttons = buttonRow(card.controls);
  const toggle = button(buttons, '', () => { opts.scaled = !opts.scaled; refresh(); }, { primary: true });
  toggle.setAttribute('aria-pressed', String(opts.scaled));
  button(buttons, t('feature-scaling.newPoints'), () => { opts.seed = nextSeed(opts.seed); loadData(); });
  const kSlider = slider(card.controls, { label: t('feature-scaling.slider.k'), min: 1, max: 25, step: 1, value: opts.k, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.k = v; fit(); } });

  const statMode = card.stat(t('feature-scaling.stat.mode'));
  const statRaw = card.stat(t('feature-scaling.stat.raw'));
  const statScaled = card.stat(t('feature-scaling.stat.scaled'));

  function loadData() {
    attempt(card, () => {
      train = toUnits(ml.makeMoons(opts.points, opts.noise, opts.seed));
      test = toUnits(ml.makeMoons(300, opts.noise, opts.seed + 1000));
      domain = boxAround(train.X, train.rows, 0.08);
      grid = gridPoints(domain, GRID, GRID);
      scaler.fit(train.X, 2); // μ and s from the training rows only
    });
    query = { x: (domain.x0 + domain.x1) / 2, y: (domain.y0 + domain.y1) / 2 };
    fit();
  }

  function fit() {
    attempt(card, () => {
      rawKnn.setData(train.X, 2, train.y);
      scaledKnn.setData(scaler.transform(train.X, 2), 2, train.y);
      for (const m of [rawKnn, scaledKnn]) { m.setK(Math.min(opts.k, train.rows)); m.step(); }
      acc.raw = rawKnn.score(test.X, test.y);
      acc.scaled = scaledKnn.score(scaler.transform(test.X, 2), test.y);
      heat.raw = classOne(rawKnn.predictProba(grid));
      heat.scaled = classOne(scaledKnn.predictProba(scaler.transform(grid, 2)));
    });
    refresh();
  }

  function classOne(proba) {
    const out = new Float64Array(proba.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = proba[2 * i + 1];
    return out;
  }

  function refresh() {
    toggle.textContent = opts.scaled ? t('feature-scaling.toggle.raw') : t('feature-scaling.toggle.scaled');
    toggle.setAttribute('aria-pressed', String(opts.scaled));
    statMode.set(opts.scaled ? t('feature-scaling.mode.scaled') : t('feature-scaling.mode.raw'));
    statRaw.set(pct(acc.raw, 1));
    statScaled.set(pct(acc.scaled, 1));
    const q = [query.x, query.y];
    const vote = attempt(card, () => {
      const model = opts.scaled ? scaledKnn : rawKnn;
      const at = opts.scaled ? scaler.transform(q, 2) : q;
      return { near: model.neighbors(at), called: model.predict(at)[0] };
    }, null);
    near = vote ? vote.near : null;
    const mu = scaler.mean();
    const sd = scaler.scale();
    // The note (a live region) is rewritten only when its words change, not on every query move.
    const explain = opts.scaled
      ? t('feature-scaling.note.scaled', { ageMean: fixed(mu[0], 1), ageSd: fixed(sd[0], 1), incomeMean: fixed(mu[1], 0), incomeSd: fixed(sd[1], 0) })
      : t('feature-scaling.note.raw');
    if (note.textContent !== explain) note.textContent = explain;
    if (opts.scaled) {
      card.setMessage(`${t('feature-scaling.scaled', { scaled: pct(acc.scaled, 1), raw: pct(acc.raw, 1) })} ${queryText(vote)}`, acc.scaled >= acc.raw ? 'ok' : 'info');
    } else {
      card.setMessage(`${t('feature-scaling.raw', { raw: pct(acc.raw, 1) })} ${queryText(vote)}`, 'warn');
    }
    plot.canvas.setAttribute('aria-label', t('feature-scaling.figure', { scaled: opts.scaled, age: fixed(query.x, 0), income: fixed(query.y, 0) }));
    ctx.requestDraw(draw);
  }

  // The query's neighbours in words: their ages (raw, they spread over decades; standardised,
  // they bunch) and the vote, as knn-vote says it.
  function queryText(vote) {
    if (!vote || !vote.near.indices.length) return '';
    let youngest = Infinity; let oldest = -Infinity; let votes = 0;
    for (const i of vote.near.indices) {
      youngest = Math.min(youngest, train.X[2 * i]);
      oldest = Math.max(oldest, train.X[2 * i]);
      if (train.y[i] === vote.called) votes += 1;
    }
    const cls = vote.called === 1 ? 1 : 0;
    return t('feature-scaling.neighbours', {
      age: formatNumber(query.x, 0), income: formatNumber(query.y, 0), k: vote.near.indices.length,
      youngest: formatNumber(youngest, 0), oldest: formatNumber(oldest, 0), votes,
      one: t(`feature-scaling.classOne.${cls}`), many: t(`feature-scaling.classMany.${cls}`), called: t(`feature-scaling.class.${cls}`),
    });
  }

  function draw() {
    if (!train) return;
    const { x0, x1, y0, y1 } = domain;
    plot.setDomain(x0, x1, y0 / K, y1 / K); // incomes are drawn in thousands; the engine sees euros
    const ctx = plot.begin();
    const th = plot.theme;
    const h = opts.scaled ? heat.scaled : heat.raw;
    if (h) drawHeatmap(plot, h, GRID, GRID, probabilityRgb(th), { alpha: 0.35, smooth: false });
    key.paint(probabilityRgb(th));
    plot.axes({ xLabel: t('feature-scaling.axis.x'), yLabel: t('feature-scaling.axis.y'), xTicks: 5, yTicks: 5 });
    const Q = { X: plot.px(query.x), Y: plot.py(query.y / K) };
    plot.clipToArea(() => {
      // The model's boundary: where the engine's p(blue circle) crosses ½ on the grid the tint shows.
      if (h) drawSegments(plot, contourSegments(h, GRID, GRID, { x0, x1, y0: y0 / K, y1: y1 / K }, 0.5), { color: th.model, width: 2.5 });
      const set = new Set(near ? near.indices : []);
      ctx.strokeStyle = rgba(th.model, 0.5); ctx.lineWidth = 1.2;
      ctx.beginPath();
      for (const i of set) { ctx.moveTo(Q.X, Q.Y); ctx.lineTo(plot.px(train.X[2 * i]), plot.py(train.X[2 * i + 1] / K)); }
      ctx.stroke();
      for (let i = 0; i < train.rows; i++) plot.point(train.X[2 * i], train.X[2 * i + 1] / K, train.y[i], { size: 4, highlight: set.has(i) });
    });
    ctx.lineWidth = 3; ctx.strokeStyle = th.model; ctx.fillStyle = th.surface;
    shapeMarker(ctx, Q.X, Q.Y, 3, 9); ctx.fill(); ctx.stroke();
    if (drag.keyboardFocused) { ctx.beginPath(); ctx.arc(Q.X, Q.Y, 17, 0, Math.PI * 2); ctx.strokeStyle = th.accent; ctx.lineWidth = 2; ctx.stroke(); }
  }

  function moveQuery(pos) {
    const { x0, x1, y0, y1 } = domain;
    query = { x: Math.max(x0, Math.min(x1, pos.x)), y: Math.max(y0, Math.min(y1, pos.y)) };
    refresh();
  }
  const drag = ctx.drag(plot, {
    move: (p) => moveQuery({ x: p.x, y: p.y * K }), // the plot shows feature 2 divided by K
    key: (dx, dy) => moveQuery({ x: query.x + dx * 0.02 * (domain.x1 - domain.x0), y: query.y + dy * 0.02 * (domain.y1 - domain.y0) }),
    snapshot: () => ({ ...query }),
    restore: moveQuery,
    onFocusChange: () => ctx.requestDraw(draw),
  });

  loadData();

  return {
    update(next) { opts = { ...next }; showOptions({ k: kSlider }, opts); loadData(); },
  };
}
