// "How does a model learn?" (seed 004): ŷ = w·x + b fitted to one point by gradient descent on
// the squared error, one step at a time. Every number shown comes from the engine's
// LinearRegression (its trace rows hold w, b, loss and the gradient after each step). Every
// number a learner reads goes through web/lib/format.js; a long run is summarised, not listed.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot, drawBars } from '../lib/plot.js';
import { button, buttonRow, checkbox, el, slider } from '../lib/ui.js';
import { tableWrap } from '../lib/table.js';
import { formatNumber, formatShort } from '../lib/format.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './gd-walkthrough.messages.js';

export const engine = 'core';
export const schema = {
  x: { type: 'number', min: -5, max: 5, default: 1, description: 'The input of the single training point.' },
  y: { type: 'number', min: -20, max: 20, default: 4, description: 'The true output of the training point.' },
  w0: { type: 'number', min: -20, max: 20, default: 3, description: 'Starting slope w.' },
  b0: { type: 'number', min: -20, max: 20, default: 4, description: 'Starting intercept b.' },
  eta: { type: 'number', min: 0.01, max: 2, default: 0.1, description: 'Learning rate η (used to two decimals, as its slider shows it).' },
  freezeB: { type: 'boolean', default: false, description: 'Keep b fixed so only w learns.' },
  worked: { type: 'string', maxLength: 80, default: '', description: 'Comma-separated learning rates whose first step from the starting x, y, w and b the page works out in its text (b learning): the predict box takes no first prediction for them.' },
  workedFixedB: { type: 'string', maxLength: 80, default: '', description: 'The same, for learning rates the page works out with b kept fixed.' },
};

export const meta = { title: messages['gd-walkthrough.title'], hint: messages['gd-walkthrough.hint'] };

// A long run is not listed row by row: the first HEAD_ROWS steps, one summary row, the last
// TAIL_ROWS steps (a diverging run would otherwise print ninety rows of ever larger numbers).
const HEAD_ROWS = 6;
const TAIL_ROWS = 2;
const MAX_BARS = 24;
const fmt = (v) => formatNumber(v, 4);
const MAX_SHARED_STEPS = 500; // a Share link's step count (a run stops converging or diverging long before)

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  // η is used as its slider shows it, on the slider's 0.01 grid: a link's eta=0.123456789 runs
  // with 0.12, so "w ← 3 − 0.12 × 6" is the arithmetic done (it ran with 0.1235 and wrote 0.12).
  const onEtaGrid = (o) => ({ ...o, eta: Math.round(o.eta * 100) / 100 });
  let opts = onEtaGrid(options);
  const model = ctx.own(new ml.LinearRegression());
  let phase = -1; // -1: no phase shown; 0..3: the phase-by-phase walk

  const phaseBar = el('div', { className: 'dw-phase', 'aria-label': t('gd-walkthrough.phases') });
  const phaseChips = [0, 1, 2, 3].map((i) => el('span', { text: t('gd-walkthrough.phaseChip', { number: i + 1, name: t(`gd-walkthrough.phase.${i}`) }) }));
  phaseBar.append(...phaseChips);
  const phaseText = el('p', { className: 'dw-hint', 'aria-live': 'polite' });
  card.stage.append(phaseBar, phaseText);
  const plot = ctx.own(new Plot(card.stage, { aspect: 0.32, minHeight: 160, maxHeight: 260, label: t('gd-walkthrough.plot'), onResize: () => ctx.requestDraw(draw) }));
  const table = el('table', { className: 'dw-table gd-walkthrough-table' });
  const caption = el('caption', { className: 'dw-sr-only', text: t('gd-walkthrough.table.caption') });
  const head = el('thead');
  const headRow = el('tr');
  for (const h of ['step', 'w', 'b', 'prediction', 'error', 'gradW', 'gradB', 'loss']) headRow.append(el('th', { scope: 'col', text: t(`gd-walkthrough.table.${h}`) }));
  head.append(headRow);
  const body = el('tbody');
  table.append(caption, head, body);
  card.stage.append(tableWrap(ctx, table).element);

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    reduced: () => fullStep(),
    every: 450, // one step per ~half second so each row can be read
    tick: () => {
      fullStep();
      const s = model.status();
      return !(s === 'converged' || s === 'diverged' || model.steps() >= 200);
    },
  });
  const stepBtn = button(buttons, t('gd-walkthrough.step'), () => { play.stop(); fullStep(); });
  const phaseBtn = button(buttons, t('gd-walkthrough.nextPhase'), () => { play.stop(); nextPhase(); }, { title: t('gd-walkthrough.nextPhase.title') });
  button(buttons, t('gd-walkthrough.reset'), () => { play.stop(); restart(); });

  const sliders = {
    x: slider(card.controls, { label: t('gd-walkthrough.slider.x'), min: -5, max: 5, step: 0.1, value: opts.x, format: (v) => formatNumber(v, 1), onInput: (v) => change({ x: v }) }),
    y: slider(card.controls, { label: t('gd-walkthrough.slider.y'), min: -20, max: 20, step: 0.1, value: opts.y, format: (v) => formatNumber(v, 1), onInput: (v) => change({ y: v }) }),
    w0: slider(card.controls, { label: t('gd-walkthrough.slider.w0'), min: -20, max: 20, step: 0.1, value: opts.w0, format: (v) => formatNumber(v, 1), onInput: (v) => change({ w0: v }) }),
    b0: slider(card.controls, { label: t('gd-walkthrough.slider.b0'), min: -20, max: 20, step: 0.1, value: opts.b0, format: (v) => formatNumber(v, 1), onInput: (v) => change({ b0: v }) }),
    eta: slider(card.controls, { label: t('gd-walkthrough.slider.eta'), min: 0.01, max: 2, step: 0.01, value: opts.eta, format: (v) => formatNumber(v, 2), onInput: (v) => change({ eta: v }) }),
  };
  const freeze = checkbox(card.controls, { label: t('gd-walkthrough.freezeB'), checked: opts.freezeB, onChange: (v) => change({ freezeB: v }) });

  const statStep = card.stat(t('gd-walkthrough.stat.step'));
  const statLoss = card.stat(t('gd-walkthrough.stat.loss'));
  const statW = card.stat(t('gd-walkthrough.stat.w'));
  const statB = card.stat(t('gd-walkthrough.stat.b'));

  // Predict, then check: the prediction ŷ after the first step from the start, read from the
  // engine's trace row for step 1 once the update has been made (Step, Play or Next phase).
  // ŷ after step 1 depends on every setting (η above all), so a step watched before predicting
  // spoils only its own settings: those whose step-1 row has been on screen with nothing
  // committed are remembered, and until the first verdict the box refuses them in words (a new
  // η still gives a real first try). Later tries are practice anyway (web/lib/predict.js).
  // The settings whose first step the page's own text works out (the lesson walks η = 0.1 from
  // its start by hand, before the box) are refused the same way: reading ŷ is not predicting it.
  const keyOf = (o) => [o.x, o.y, o.w0, o.b0, o.eta, o.freezeB].join('|');
  const settingsKey = () => keyOf(opts);
  const etasIn = (list) => String(list).split(',').map((v) => v.trim()).filter(Boolean).map(Number).filter(Number.isFinite).map((eta) => Math.round(eta * 100) / 100);
  const workedSettings = new Set([
    ...etasIn(opts.worked).map((eta) => keyOf({ ...opts, eta, freezeB: false })),
    ...etasIn(opts.workedFixedB).map((eta) => keyOf({ ...opts, eta, freezeB: true })),
  ]);
  const steppedSettings = new Set();
  let judged = false;
  function refusal() {
    if (judged) return null;
    const eta = formatNumber(opts.eta, 2);
    if (workedSettings.has(settingsKey())) return t('gd-walkthrough.predict.workedInText', { eta, fixedB: opts.freezeB });
    return steppedSettings.has(settingsKey()) ? t('gd-walkthrough.predict.alreadyStepped', { eta }) : null;
  }
  const prediction = createPrediction(ctx, {
    id: 'gd-walkthrough-first-step',
    question: t('gd-walkthrough.predict.question'),
    numeric: { label: t('gd-walkthrough.predict.unit'), tolerance: 0.05, min: -1000, max: 1000, digits: 2 },
    ready: refusal,
    next: () => t('gd-walkthrough.predict.next', { fresh: model.steps() === 0 }),
  });
  function judgeFirstStep(all) {
    if (prediction.pending === null || all.length !== 2 || !(phase < 0 || phase === 3)) return;
    const [r0, r1] = all;
    const factor = t('gd-walkthrough.predict.factor', { freezeB: opts.freezeB });
    judged = true;
    prediction.settle(r1.pred, t('gd-walkthrough.predict.why', { before: formatNumber(r0.error, 2), after: formatNumber(r1.error, 2), factor, ratio: formatNumber(r1.error / r0.error, 2), crossed: r1.error * r0.error < 0 }));
  }

  // A prediction is about the settings it was locked with: changing one forgets it, in words.
  function change(patch) {
    opts = { ...opts, ...patch };
    if (prediction.pending !== null) prediction.reset(t('gd-walkthrough.predict.settingsChanged'));
    restart();
  }

  function restart() {
    phase = -1;
    attempt(card, () => {
      model.setData([opts.x], 1, [opts.y]);
      model.setInterceptFrozen(opts.freezeB);
      model.setLearningRate(opts.eta);
      model.setParams([opts.w0, opts.b0]);
      card.setMessage(t('gd-walkthrough.ready'), 'info');
    });
    render();
  }

  function rows() {
    const trace = ml.trace(model);
    const out = [];
    for (let i = 0; i < trace.rows; i++) {
      const r = trace.row(i);
      const pred = r.w0 * opts.x + r.b;
      out.push({ step: i, w: r.w0, b: r.b, pred, error: pred - opts.y, gw: r.grad_w0, gb: r.grad_b, loss: r.loss });
    }
    return out;
  }

  function fullStep() {
    if (model.status() === 'diverged') { describeState(rows()); return; }
    phase = -1;
    attempt(card, () => model.step());
    render();
  }

  function nextPhase() {
    if (model.status() === 'diverged') { describeState(rows()); return; }
    phase += 1;
    if (phase === 3) attempt(card, () => model.step());
    if (phase > 3) phase = 0;
    render();
  }

  function describeState(all) {
    const s = model.status();
    const n = all.length;
    if (s === 'diverged') { card.setMessage(t('gd-walkthrough.diverged', { steps: n - 1 }), 'bad'); return; }
    if (s === 'converged') {
      // The step from which w and b stop changing at the table's precision (η = 0.25 lands in one).
      const last = all[n - 1];
      let k = n - 1;
      while (k > 0 && Math.abs(all[k - 1].w - last.w) < 5e-5 && Math.abs(all[k - 1].b - last.b) < 5e-5) k -= 1;
      card.setMessage(t('gd-walkthrough.converged', { step: k }), 'ok');
      return;
    }
    if (n < 2) return;
    const e0 = Math.abs(all[n - 2].error);
    const e1 = Math.abs(all[n - 1].error);
    const flipped = Math.sign(all[n - 2].error) !== Math.sign(all[n - 1].error) && e1 > 0;
    if (e1 > e0 * (1 + 1e-9)) card.setMessage(t('gd-walkthrough.diverging', { before: fmt(e0), after: fmt(e1) }), 'bad');
    else if (flipped && Math.abs(e1 - e0) <= e0 * 1e-9) card.setMessage(t('gd-walkthrough.oscillating'), 'warn');
    else if (flipped) card.setMessage(t('gd-walkthrough.overshooting'), 'warn');
    else card.setMessage(t('gd-walkthrough.converging'), 'ok');
  }

  // The summary row that stands in for the steps a long run does not list: how many, and which
  // way the loss went (ratio of the last two losses, the factor per step).
  // The trend is read across the hidden steps (last listed row to first tail row), so a run that
  // shrank to zero inside them is not summarised as staying where it is.
  function summaryText(all, hidden) {
    const n = all.length;
    const l0 = all[n - 2].loss;
    const l1 = all[n - 1].loss;
    const before = all[HEAD_ROWS - 1].loss;
    const after = all[n - TAIL_ROWS].loss;
    let trend = t('gd-walkthrough.trend.flat');
    if (after > before * (1 + 1e-9)) trend = t('gd-walkthrough.trend.growing', { factor: formatShort(l1 / l0, 3) });
    else if (after < before * (1 - 1e-9)) {
      trend = l1 < l0 * (1 - 1e-9)
        ? t('gd-walkthrough.trend.shrinking', { factor: formatShort(l1 / l0, 3) })
        : t('gd-walkthrough.trend.settling');
    }
    return t('gd-walkthrough.summary', { hidden, trend });
  }

  function tableRow(r, current) {
    const tr = el('tr', { className: current ? 'dw-current' : '' });
    for (const v of [String(r.step), fmt(r.w), fmt(r.b), fmt(r.pred), fmt(r.error), fmt(r.gw), fmt(r.gb), fmt(r.loss)]) tr.append(el('td', { text: v }));
    return tr;
  }

  function render() {
    const all = rows();
    const last = all[all.length - 1];
    body.replaceChildren();
    const n = all.length;
    if (n <= HEAD_ROWS + TAIL_ROWS + 1) {
      all.forEach((r, i) => body.append(tableRow(r, i === n - 1)));
    } else {
      for (let i = 0; i < HEAD_ROWS; i++) body.append(tableRow(all[i], false));
      const hidden = n - HEAD_ROWS - TAIL_ROWS;
      body.append(el('tr', { className: 'gd-walkthrough-summary-row' }, [el('td', { colspan: '8' }, [el('span', { text: summaryText(all, hidden) })])]));
      for (let i = n - TAIL_ROWS; i < n; i++) body.append(tableRow(all[i], i === n - 1));
    }
    if (last) {
      statStep.set(String(last.step));
      statLoss.set(fmt(last.loss));
      statW.set(fmt(last.w));
      statB.set(fmt(last.b));
      const prev = all[all.length - 2];
      phaseChips.forEach((chip, i) => chip.classList.toggle('dw-active', i === phase));
      phaseText.textContent = phase < 0 ? t('gd-walkthrough.now', { w: fmt(last.w), b: fmt(last.b), prediction: fmt(last.pred), x: formatNumber(opts.x, 2), y: formatNumber(opts.y, 2) })
        : phaseDescription(phase, phase === 3 ? prev : last, last);
      plot.canvas.setAttribute('aria-label', t('gd-walkthrough.figure', { loss: fmt(last.loss), step: last.step }));
    }
    if (phase < 0 || phase === 3) describeState(all);
    judgeFirstStep(all);
    if (all.length >= 2 && prediction.pending === null) steppedSettings.add(settingsKey());
    ctx.requestDraw(draw);
  }

  function phaseDescription(p, r, after) {
    const x = formatNumber(opts.x, 2);
    const eta = formatNumber(opts.eta, 2);
    switch (p) {
      case 0: return t('gd-walkthrough.explain.predict', { w: fmt(r.w), x, b: fmt(r.b), prediction: fmt(r.pred) });
      case 1: return t('gd-walkthrough.explain.loss', { error: fmt(r.error), loss: fmt(r.loss) });
      case 2: return t('gd-walkthrough.explain.gradient', { gradW: fmt(r.gw), gradB: fmt(r.gb) });
      default: return t('gd-walkthrough.explain.update', { w: fmt(r.w), eta, gradW: fmt(r.gw), newW: fmt(after.w), b: fmt(r.b), gradB: fmt(r.gb), newB: fmt(after.b) });
    }
  }

  // Bar labels are drawn only where they fit: the newest bar always, then the others from the
  // left, each skipped if it would touch a label already drawn (24 bars of "9.55 × 10³³" cannot
  // all be read on a phone, and overlapping text helps no one).
  function draw() {
    const all = rows().slice(-MAX_BARS);
    const losses = all.map((r) => r.loss);
    const finite = losses.filter(Number.isFinite);
    const top = Math.max(1e-9, ...finite) * 1.15;
    // Ticks from a million on read "2.5 × 10²¹": give them room so they are not cut at the edge.
    plot.margin = { ...plot.margin, left: top >= 1e6 ? 78 : 44 };
    plot.setDomain(0, Math.max(6, losses.length), 0, top);
    plot.begin();
    plot.axes({ xLabel: t('gd-walkthrough.axis.x'), yLabel: t('gd-walkthrough.axis.y'), xTicks: 0, yTicks: 4 });
    drawBars(plot, losses);
    const c = plot.ctx;
    const { x0, x1 } = plot.domain;
    const slot = (x1 - x0) / Math.max(losses.length, x1 - x0);
    c.save();
    c.font = `11px ${plot.theme.mono}`;
    c.fillStyle = plot.theme.textMuted;
    c.textAlign = 'center';
    c.textBaseline = 'bottom';
    const placed = [];
    const GAP = 6;
    const order = [losses.length - 1, ...losses.keys()].filter((v, i, a) => a.indexOf(v) === i);
    for (const i of order) {
      const v = losses[i];
      if (!Number.isFinite(v)) continue;
      // Exact below a million (441, 21609, 3.24), three significant digits beyond.
      const text = Math.abs(v) >= 1e6 ? formatShort(v, 3) : formatNumber(v, Math.abs(v) >= 100 ? 0 : 2);
      const half = c.measureText(text).width / 2;
      // Centred over its bar, but never past the canvas edge (the newest bar sits at the right).
      const centre = (plot.px(x0 + slot * (i + 0.15)) + plot.px(x0 + slot * (i + 0.85))) / 2;
      const cx = Math.max(half + 2, Math.min(plot.width - half - 2, centre));
      const span = [cx - half, cx + half];
      if (placed.some(([a, b]) => span[0] < b + GAP && span[1] > a - GAP)) continue;
      placed.push(span);
      c.fillText(text, cx, plot.py(Math.min(v, top)) - 2);
    }
    c.restore();
  }

  restart();

  return {
    update(next) {
      opts = onEtaGrid(next);
      if (prediction.pending !== null) prediction.reset(t('gd-walkthrough.predict.settingsChanged'));
      for (const k of Object.keys(sliders)) sliders[k].set(opts[k]);
      freeze.checked = opts.freezeB;
      restart();
    },
    // For tests and the loop animation: the engine-computed rows.
    rows,
    // Shared by a link: the sliders' settings, and how far training went (steps taken and the
    // phase shown), replayed through the engine on restore.
    currentOptions() { return { x: opts.x, y: opts.y, w0: opts.w0, b0: opts.b0, eta: opts.eta, freezeB: opts.freezeB }; },
    state: {
      get() { return model.steps() === 0 && phase === -1 ? null : { s: model.steps(), ph: phase }; },
      set(value) {
        const ok = value && Number.isInteger(value.s) && value.s >= 0 && value.s <= MAX_SHARED_STEPS && Number.isInteger(value.ph) && value.ph >= -1 && value.ph <= 3;
        if (!ok) throw new RangeError(`the training position needs a whole number of steps from 0 to ${MAX_SHARED_STEPS} and a phase from −1 to 3`);
        play.stop();
        restart();
        for (let i = 0; i < value.s && model.status() === 'ready'; i++) attempt(card, () => model.step());
        phase = value.ph;
        render();
      },
    },
  };
}
