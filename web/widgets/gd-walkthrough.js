// "How does a model learn?" (seed 004): y = a·x + b fitted to one point by gradient descent on
// the squared error, one step at a time. Every number shown comes from the engine's
// LinearRegression (its trace rows hold a, b, loss and the gradient after each step).
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot, drawBars } from '../lib/plot.js';
import { requestDraw, cancelDraw } from '../lib/frame.js';
import { player } from '../lib/player.js';
import { button, buttonRow, checkbox, el, fixed, slider } from '../lib/ui.js';

export const schema = {
  x: { type: 'number', min: -5, max: 5, default: 1, description: 'The input of the single training point.' },
  y: { type: 'number', min: -20, max: 20, default: 4, description: 'The true output of the training point.' },
  a: { type: 'number', min: -20, max: 20, default: 3, description: 'Starting slope a.' },
  b: { type: 'number', min: -20, max: 20, default: 4, description: 'Starting intercept b.' },
  eta: { type: 'number', min: 0.001, max: 2, default: 0.1, description: 'Learning rate η.' },
  freezeB: { type: 'boolean', default: false, description: 'Keep b fixed so only a learns.' },
};

export const meta = {
  title: 'Train y = a·x + b, one step at a time',
  hint: 'Press Step to predict, measure the loss, compute the gradient and update a and b. Then try η = 0.5 or η = 0.6.',
};

const PHASES = ['Predict', 'Loss', 'Gradient', 'Update'];
const MAX_TABLE_ROWS = 60;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build({ ml, card, options }) {
  let opts = { ...options };
  const model = new ml.LinearRegression();
  let phase = -1; // -1: no phase shown; 0..3: the phase-by-phase walk

  const phaseBar = el('div', { className: 'dw-phase', 'aria-label': 'Training phases' });
  const phaseChips = PHASES.map((p, i) => el('span', { text: `${i + 1} ${p}` }));
  phaseBar.append(...phaseChips);
  const phaseText = el('p', { className: 'dw-hint', 'aria-live': 'polite' });
  card.stage.append(phaseBar, phaseText);
  const plot = new Plot(card.stage, { aspect: 0.32, minHeight: 160, maxHeight: 260, label: 'Loss after each step', onResize: () => requestDraw(draw) });
  const tableWrap = el('div', { className: 'dw-table-wrap' });
  const table = el('table', { className: 'dw-table' });
  const caption = el('caption', { className: 'dw-sr-only', text: 'Parameters, prediction, error, gradients and loss at every step' });
  const head = el('thead');
  const headRow = el('tr');
  for (const h of ['step', 'a', 'b', 'y_pred', 'error', '∂L/∂a', '∂L/∂b', 'loss']) headRow.append(el('th', { scope: 'col', text: h }));
  head.append(headRow);
  const body = el('tbody');
  table.append(caption, head, body);
  tableWrap.append(table);
  card.stage.append(tableWrap);

  const buttons = buttonRow(card.controls);
  const play = player(buttons, card, {
    reduced: () => fullStep(),
    every: 450, // one step per ~half second so each row can be read
    tick: () => {
      fullStep();
      const s = model.status();
      return !(s === 'converged' || s === 'diverged' || model.steps() >= 200);
    },
  });
  const stepBtn = button(buttons, 'Step', () => { play.stop(); fullStep(); });
  const phaseBtn = button(buttons, 'Next phase', () => { play.stop(); nextPhase(); }, { title: 'Walk through one step phase by phase' });
  button(buttons, 'Reset', () => { play.stop(); restart(); });

  const sliders = {
    x: slider(card.controls, { label: 'x', min: -5, max: 5, step: 0.1, value: opts.x, format: (v) => fixed(v, 1), onInput: (v) => change({ x: v }) }),
    y: slider(card.controls, { label: 'y_true', min: -20, max: 20, step: 0.1, value: opts.y, format: (v) => fixed(v, 1), onInput: (v) => change({ y: v }) }),
    a: slider(card.controls, { label: 'start a', min: -20, max: 20, step: 0.1, value: opts.a, format: (v) => fixed(v, 1), onInput: (v) => change({ a: v }) }),
    b: slider(card.controls, { label: 'start b', min: -20, max: 20, step: 0.1, value: opts.b, format: (v) => fixed(v, 1), onInput: (v) => change({ b: v }) }),
    eta: slider(card.controls, { label: 'learning rate η', min: 0.01, max: 2, step: 0.01, value: opts.eta, format: (v) => fixed(v, 2), onInput: (v) => change({ eta: v }) }),
  };
  const freeze = checkbox(card.controls, { label: 'keep b fixed (only a learns)', checked: opts.freezeB, onChange: (v) => change({ freezeB: v }) });

  const statStep = card.stat('step');
  const statLoss = card.stat('loss');
  const statA = card.stat('a');
  const statB = card.stat('b');

  function change(patch) {
    opts = { ...opts, ...patch };
    restart();
  }

  function restart() {
    phase = -1;
    attempt(card, () => {
      model.setData([opts.x], 1, [opts.y]);
      model.setInterceptFrozen(opts.freezeB);
      model.setLearningRate(opts.eta);
      model.setParams([opts.a, opts.b]);
      card.setMessage('Ready. Each step moves a and b against their gradients.', 'info');
    });
    render();
  }

  function rows() {
    const t = ml.trace(model);
    const out = [];
    for (let i = 0; i < t.rows; i++) {
      const r = t.row(i);
      const pred = r.w0 * opts.x + r.b;
      out.push({ step: i, a: r.w0, b: r.b, pred, error: pred - opts.y, ga: r.grad_w0, gb: r.grad_b, loss: r.loss });
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
    if (s === 'diverged') { card.setMessage('Diverged: the loss grew past any number we can store. The learning rate is too large — lower η and press Reset.', 'bad'); return; }
    if (s === 'converged') { card.setMessage(`Converged after ${n - 1} steps: the gradient is practically zero, so updates no longer change a or b.`, 'ok'); return; }
    if (n < 2) return;
    const e0 = Math.abs(all[n - 2].error);
    const e1 = Math.abs(all[n - 1].error);
    const flipped = Math.sign(all[n - 2].error) !== Math.sign(all[n - 1].error) && e1 > 0;
    if (e1 > e0 * (1 + 1e-9)) card.setMessage(`Diverging: each update overshoots the target by more than it corrects (|error| ${fixed(e0, 4)} → ${fixed(e1, 4)}). The learning rate is too large.`, 'bad');
    else if (flipped && Math.abs(e1 - e0) <= e0 * 1e-9) card.setMessage('Oscillating: every update jumps exactly across the target and back. Halve η to converge.', 'warn');
    else if (flipped) card.setMessage('Overshooting: the prediction jumps past the target each step, but by less each time, so it still converges.', 'warn');
    else card.setMessage('Converging: the error shrinks every step, and so does the gradient, so steps get gentler.', 'ok');
  }

  function render() {
    const all = rows();
    const last = all[all.length - 1];
    body.replaceChildren();
    const start = Math.max(0, all.length - MAX_TABLE_ROWS);
    for (let i = start; i < all.length; i++) {
      const r = all[i];
      const tr = el('tr', { className: i === all.length - 1 ? 'dw-current' : '' });
      for (const v of [String(r.step), fixed(r.a, 4), fixed(r.b, 4), fixed(r.pred, 4), fixed(r.error, 4), fixed(r.ga, 4), fixed(r.gb, 4), fixed(r.loss, 4)]) tr.append(el('td', { text: v }));
      body.append(tr);
    }
    tableWrap.scrollTop = tableWrap.scrollHeight;
    if (last) {
      statStep.set(String(last.step));
      statLoss.set(fixed(last.loss, 4));
      statA.set(fixed(last.a, 4));
      statB.set(fixed(last.b, 4));
      const prev = all[all.length - 2];
      phaseChips.forEach((chip, i) => chip.classList.toggle('dw-active', i === phase));
      phaseText.textContent = phase < 0 ? `Now: a = ${fixed(last.a, 4)}, b = ${fixed(last.b, 4)}; prediction ${fixed(last.pred, 4)} for x = ${fixed(opts.x, 2)}, target ${fixed(opts.y, 2)}.`
        : phaseDescription(phase, phase === 3 ? prev : last, last);
      plot.canvas.setAttribute('aria-label', `Loss after each step; latest loss ${fixed(last.loss, 4)} at step ${last.step}`);
    }
    if (phase < 0 || phase === 3) describeState(all);
    requestDraw(draw);
  }

  function phaseDescription(p, r, after) {
    const x = fixed(opts.x, 2);
    switch (p) {
      case 0: return `Predict: y_pred = a·x + b = ${fixed(r.a, 4)} × ${x} + ${fixed(r.b, 4)} = ${fixed(r.pred, 4)}.`;
      case 1: return `Loss: error = y_pred − y_true = ${fixed(r.error, 4)}; loss = error² = ${fixed(r.loss, 4)}.`;
      case 2: return `Gradient: ∂L/∂a = 2·error·x = ${fixed(r.ga, 4)}; ∂L/∂b = 2·error = ${fixed(r.gb, 4)}.`;
      default: return `Update: a ← ${fixed(r.a, 4)} − ${fixed(opts.eta, 2)} × ${fixed(r.ga, 4)} = ${fixed(after.a, 4)}; b ← ${fixed(r.b, 4)} − ${fixed(opts.eta, 2)} × ${fixed(r.gb, 4)} = ${fixed(after.b, 4)}.`;
    }
  }

  function draw() {
    const all = rows().slice(-24);
    const losses = all.map((r) => r.loss);
    const finite = losses.filter(Number.isFinite);
    const top = Math.max(1e-9, ...finite.slice(0, 1), ...finite) * 1.15;
    plot.setDomain(0, Math.max(6, losses.length), 0, top);
    plot.begin();
    plot.axes({ xLabel: 'step', yLabel: 'loss', xTicks: 0, yTicks: 4 });
    drawBars(plot, losses, { labels: losses.map((l) => (Number.isFinite(l) ? fixed(l, 2) : '∞')) });
  }

  restart();

  return {
    update(next) {
      opts = { ...next };
      for (const k of Object.keys(sliders)) sliders[k].set(opts[k]);
      freeze.checked = opts.freezeB;
      restart();
    },
    destroy() {
      play.stop();
      cancelDraw(draw);
      plot.destroy();
      model.delete();
    },
    // For tests and the loop animation: the engine-computed rows.
    rows,
  };
}
