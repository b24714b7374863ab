// Animation "Gradient descent on the loss surface" (seed 001, level 2; optimisers from seed 002).
// The heat map is the mean squared error of the line ŷ = w·x + b on a small data set for every
// (w, b), computed by the engine; the learner drops a ball and watches it roll downhill with a
// chosen learning rate — crawling, gliding or overshooting — and, when the engine's optimisers
// are available (OptimizerSurface), races SGD, momentum, RMSProp and Adam on the same surface.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { requestDraw, cancelDraw } from '../lib/frame.js';
import { player } from '../lib/player.js';
import { button, buttonRow, fixed, select, slider } from '../lib/ui.js';
import { drawHeatmap, heatLegend, lossRgb } from '../lib/heatmap.js';
import { createSurface, OPTIMIZERS } from './course2/surfaces.js';

export const schema = {
  eta: { type: 'number', min: 0.001, max: 2, default: 0.05, description: 'Learning rate η (step size).' },
  optimizer: { type: 'enum', values: ['sgd', 'momentum', 'rmsprop', 'adam', 'race'], default: 'sgd', description: 'Which optimiser rolls the ball, or race all four.' },
  surface: { type: 'enum', values: ['bowl', 'ravine', 'rosenbrock', 'saddle'], default: 'bowl', description: 'Loss surface: the MSE bowl of a line fit, or a harder test function.' },
  maxSteps: { type: 'int', min: 20, max: 2000, default: 300, description: 'Steps before a run stops.' },
};

export const meta = {
  title: 'Gradient descent on the loss surface',
  hint: 'Click the map (or focus it and press Enter) to drop the ball, then press Play. Change the learning rate to see it crawl, glide or overshoot.',
};

const GRID = [72, 56];
const CURSOR_STEPS = 40; // keyboard cursor moves 1/40 of the view per arrow press

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build({ ml, card, options }) {
  let opts = { ...options };
  const surface = createSurface(ml);
  if (!surface.hasOptimizers && opts.optimizer !== 'sgd') opts.optimizer = 'sgd';
  if (!surface.hasSurfaces) opts.surface = 'bowl';
  let view = null;      // { x0, x1, y0, y1, minX, minY, minValue, startX, startY }
  let grid = null;      // Float64Array copy of the losses on the grid
  let gridRange = [0, 1];
  let start = null;     // { x, y } where the ball is dropped
  let cursor = null;    // keyboard cursor in data coordinates
  let racers = [];      // { kind, points: [x, y, …], losses: [], status }

  const plot = new Plot(card.stage, { aspect: 0.72, minHeight: 260, maxHeight: 560, label: 'Loss surface heat map', onResize: () => requestDraw(draw) });
  plot.canvas.tabIndex = 0;
  plot.canvas.style.cursor = 'crosshair';
  const key = heatLegend(card.stage, { color: lossRgb, low: '', high: '', caption: 'loss (MSE):' });
  const racerKey = document.createElement('div');
  racerKey.className = 'dw-heat-legend';
  card.stage.append(racerKey);

  const buttons = buttonRow(card.controls);
  const play = player(buttons, card, {
    start: () => { if (racers.every((r) => r.status !== 'running' || r.steps() >= opts.maxSteps)) startRun(); },
    reduced: () => stepAll(opts.maxSteps),
    every: 30, // ~30 steps a second: slow enough to follow the ball
    tick: () => stepAll(1),
  });
  button(buttons, 'Step', () => { play.stop(); stepAll(1); });
  button(buttons, 'Reset', () => { play.stop(); startRun(); });
  const etaSlider = slider(card.controls, { label: 'learning rate η', min: 0.001, max: 2, value: opts.eta, scale: 'log', step: 0.01, format: (v) => fixed(v, 3), onInput: (v) => { opts.eta = v; play.stop(); startRun(); } });
  const optimizerChoices = surface.hasOptimizers
    ? [['sgd', 'SGD (plain gradient descent)'], ['momentum', 'Momentum'], ['rmsprop', 'RMSProp'], ['adam', 'Adam'], ['race', 'Race all four']]
    : [['sgd', 'Gradient descent']];
  const optSelect = select(card.controls, { label: 'optimiser', options: optimizerChoices, value: opts.optimizer, onChange: (v) => { opts.optimizer = v; play.stop(); startRun(); } });
  if (surface.hasSurfaces) {
    select(card.controls, { label: 'surface', options: [['bowl', 'MSE bowl of a line fit'], ['ravine', 'Ravine (narrow valley)'], ['rosenbrock', 'Rosenbrock banana'], ['saddle', 'Saddle']], value: opts.surface, onChange: (v) => { opts.surface = v; play.stop(); loadSurface(); } });
  }

  const statLoss = card.stat('loss');
  const statStep = card.stat('step');
  const statW = card.stat(surface.hasSurfaces && opts.surface !== 'bowl' ? 'x' : 'w');
  const statB = card.stat(surface.hasSurfaces && opts.surface !== 'bowl' ? 'y' : 'b');
  const statMin = card.stat('minimum loss');

  function loadSurface() {
    const ok = attempt(card, () => {
      surface.setFunction(opts.surface);
      view = surface.info();
      grid = surface.grid(view.x0, view.x1, view.y0, view.y1, GRID[0], GRID[1]);
      return true;
    }, false);
    if (!ok) return;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of grid) { if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }
    gridRange = [lo, hi];
    key.set({ low: fixed(lo, 2), high: fixed(hi, 1), caption: opts.surface === 'bowl' ? 'MSE of the line (log scale):' : 'loss (log scale):' });
    const bowl = opts.surface === 'bowl';
    statW.element.firstChild.textContent = bowl ? 'w' : 'x';
    statB.element.firstChild.textContent = bowl ? 'b' : 'y';
    statW.element.dataset.stat = bowl ? 'w' : 'x';
    statB.element.dataset.stat = bowl ? 'b' : 'y';
    statMin.set(fixed(view.minValue, 3));
    start = { x: view.startX, y: view.startY };
    cursor = null;
    startRun();
  }

  // Log-like scale so both the valley floor and the steep rim keep visible detail.
  const toUnit = (v) => {
    const [lo, hi] = gridRange;
    return Math.log1p(Math.max(0, v - lo)) / Math.log1p(Math.max(1e-12, hi - lo));
  };

  function nameOf(kind) { return surface.hasOptimizers ? OPTIMIZERS.find((o) => o.id === kind).label : 'Gradient descent'; }

  function kinds() { return opts.optimizer === 'race' ? OPTIMIZERS.map((o) => o.id) : [opts.optimizer]; }

  function startRun() {
    if (!view || !start) return;
    for (const r of racers) r.delete();
    racers = [];
    for (const kind of kinds()) {
      const r = attempt(card, () => surface.startRacer(kind, start.x, start.y, opts.eta), null);
      if (r) racers.push(r);
    }
    racerKey.replaceChildren();
    if (racers.length > 1) {
      for (const r of racers) {
        const sw = document.createElement('span');
        sw.className = 'dw-key';
        const chip = document.createElement('span');
        chip.className = 'c2-swatch';
        chip.style.background = racerColor(r.kind);
        sw.append(chip, document.createTextNode(nameOf(r.kind)));
        racerKey.append(sw);
      }
    }
    describe();
    requestDraw(draw);
  }

  function racerColor(kind) {
    const t = plot.theme;
    return { sgd: t.model, momentum: t.class2, rmsprop: t.class0, adam: t.accent }[kind] || t.model;
  }

  function stepAll(n) {
    let moving = false;
    for (const r of racers) {
      for (let i = 0; i < n && r.status === 'running' && r.steps() < opts.maxSteps; i++) {
        attempt(card, () => r.step());
      }
      if (r.status === 'running' && r.steps() < opts.maxSteps) moving = true;
    }
    describe();
    requestDraw(draw);
    return moving;
  }

  // The state in words, read from the engine's path (bookkeeping on its numbers only).
  function diagnose(r) {
    const n = r.losses.length;
    const steps = n - 1;
    if (r.status === 'diverged') return { tone: 'bad', text: `diverged after ${steps} steps: η = ${fixed(opts.eta, 3)} is too large, every step overshoots further than the last and the ball flies out of the bowl` };
    if (steps === 0) return { tone: 'info', text: 'waiting at the start' };
    const loss = r.losses[n - 1];
    const first = r.losses[0];
    const gap = first - view.minValue;
    const left = (loss - view.minValue) / (Math.abs(gap) > 1e-12 ? Math.abs(gap) : 1);
    let rises = 0;
    let flips = 0;
    for (let i = 1; i < n; i++) if (r.losses[i] > r.losses[i - 1] + 1e-12) rises += 1;
    for (let i = 2; i < n; i++) {
      const d1 = r.points[2 * (i - 1)] - r.points[2 * (i - 2)];
      const d2 = r.points[2 * i] - r.points[2 * (i - 1)];
      const e1 = r.points[2 * (i - 1) + 1] - r.points[2 * (i - 2) + 1];
      const e2 = r.points[2 * i + 1] - r.points[2 * (i - 1) + 1];
      if (d1 * d2 < 0 || e1 * e2 < 0) flips += 1;
    }
    if (rises > steps / 4 && loss > first) return { tone: 'bad', text: `overshooting: the loss is rising (${fixed(first, 3)} → ${fixed(loss, 3)}); each step jumps past the valley floor by more than it gains` };
    if (left < 0.001) return { tone: 'ok', text: `reached the bottom in ${steps} steps (loss ${fixed(loss, 3)})` };
    if (flips > steps / 3 && steps > 4) return { tone: 'warn', text: `zig-zagging: the ball overshoots the valley floor and swings back; it still gets lower (loss ${fixed(loss, 3)})` };
    if (steps >= opts.maxSteps && left > 0.05) return { tone: 'warn', text: `crawling: after ${steps} steps ${fixed(left * 100, 0)}% of the way down is still left — η = ${fixed(opts.eta, 3)} is too small` };
    return { tone: 'info', text: `gliding downhill (step ${steps}, loss ${fixed(loss, 3)})` };
  }

  function describe() {
    const lead = racers[0];
    if (!lead) return;
    const n = lead.losses.length;
    // Readouts follow the first ball (SGD in a race); huge values in scientific notation.
    const show = (v) => (Math.abs(v) >= 1e6 ? v.toExponential(2) : fixed(v, 3));
    statStep.set(String(n - 1));
    statLoss.set(lead.status === 'diverged' ? 'diverged' : show(lead.losses[n - 1]));
    statW.set(show(lead.points[2 * (n - 1)]));
    statB.set(show(lead.points[2 * (n - 1) + 1]));
    if (racers.length === 1) {
      const d = diagnose(lead);
      const name = nameOf(lead.kind);
      card.setMessage(`${name}: ${d.text}.`, d.tone);
    } else {
      const parts = racers.map((r) => `${nameOf(r.kind)} ${r.status === 'diverged' ? 'diverged' : fixed(r.losses[r.losses.length - 1], 3)}`);
      const done = racers.filter((r) => r.status !== 'diverged' && (r.losses[r.losses.length - 1] - view.minValue) < 1e-3 * Math.max(1, Math.abs(r.losses[0] - view.minValue)));
      card.setMessage(`Race, loss after ${Math.max(...racers.map((r) => r.steps()))} steps — ${parts.join(' · ')}.${done.length ? ` At the bottom: ${done.map((r) => nameOf(r.kind)).join(', ')}.` : ''}`, done.length ? 'ok' : 'info');
    }
    plot.canvas.setAttribute('aria-label', `Loss surface heat map; ball at (${fixed(lead.points[2 * (n - 1)], 2)}, ${fixed(lead.points[2 * (n - 1) + 1], 2)}) with loss ${fixed(lead.losses[n - 1], 3)} after ${n - 1} steps`);
  }

  function dropAt(x, y) {
    play.stop();
    start = {
      x: Math.min(view.x1, Math.max(view.x0, x)),
      y: Math.min(view.y1, Math.max(view.y0, y)),
    };
    startRun();
  }

  const onDown = (e) => { const p = plot.eventToData(e); if (p.x < view.x0 || p.x > view.x1 || p.y < view.y0 || p.y > view.y1) return; cursor = null; dropAt(p.x, p.y); };
  const onKey = (e) => {
    if (!view) return;
    const dx = (view.x1 - view.x0) / CURSOR_STEPS * (e.shiftKey ? 10 : 1);
    const dy = (view.y1 - view.y0) / CURSOR_STEPS * (e.shiftKey ? 10 : 1);
    const moves = { ArrowLeft: [-dx, 0], ArrowRight: [dx, 0], ArrowUp: [0, dy], ArrowDown: [0, -dy] };
    if (moves[e.key]) {
      if (!cursor) cursor = { ...start };
      cursor.x = Math.min(view.x1, Math.max(view.x0, cursor.x + moves[e.key][0]));
      cursor.y = Math.min(view.y1, Math.max(view.y0, cursor.y + moves[e.key][1]));
      card.setMessage(`Cursor at (${fixed(cursor.x, 2)}, ${fixed(cursor.y, 2)}), loss ${fixed(attempt(card, () => surface.value(cursor.x, cursor.y), NaN), 3)}. Press Enter to drop the ball here, Escape to cancel.`, 'info');
      requestDraw(draw);
      e.preventDefault();
    } else if ((e.key === 'Enter' || e.key === ' ') && cursor) {
      const c = cursor; cursor = null; dropAt(c.x, c.y); e.preventDefault();
    } else if (e.key === 'Enter' || e.key === ' ') {
      play.toggle(); e.preventDefault();
    } else if (e.key === 'Escape') {
      cursor = null; play.stop(); describe(); requestDraw(draw);
    }
  };
  plot.canvas.addEventListener('pointerdown', onDown);
  plot.canvas.addEventListener('keydown', onKey);

  function draw() {
    if (!view || !grid) return;
    plot.setDomain(view.x0, view.x1, view.y0, view.y1);
    plot.begin();
    drawHeatmap(plot, grid, GRID[0], GRID[1], (v, out) => lossRgb(toUnit(v), out), { rect: view });
    const bowl = opts.surface === 'bowl';
    plot.axes({ xLabel: bowl ? 'slope w' : 'x', yLabel: bowl ? 'intercept b' : 'y' });
    const c = plot.ctx;
    plot.clipToArea(() => {
      // the minimum: a hollow teal ring ("good") where the loss is lowest
      c.save();
      c.beginPath(); c.arc(plot.px(view.minX), plot.py(view.minY), 9, 0, Math.PI * 2);
      c.lineWidth = 3; c.strokeStyle = '#ffffff'; c.stroke();
      c.lineWidth = 2; c.strokeStyle = plot.theme.good; c.stroke();
      c.restore();
      for (const r of racers) {
        const xs = []; const ys = [];
        for (let i = 0; i < r.points.length; i += 2) { xs.push(r.points[i]); ys.push(r.points[i + 1]); }
        const color = racerColor(r.kind);
        plot.path(xs, ys, { color: '#ffffff', width: 4 });
        plot.path(xs, ys, { color, width: 2 });
        const k = xs.length - 1;
        if (Number.isFinite(xs[k]) && Number.isFinite(ys[k])) {
          c.save();
          c.beginPath(); c.arc(plot.px(xs[k]), plot.py(ys[k]), 7, 0, Math.PI * 2);
          c.fillStyle = color; c.fill(); c.lineWidth = 2; c.strokeStyle = '#ffffff'; c.stroke();
          c.restore();
        }
      }
    });
    if (cursor) plot.handle(cursor.x, cursor.y, { focused: true });
    else if (document.activeElement === plot.canvas && start) plot.handle(start.x, start.y, { focused: true });
  }

  plot.canvas.addEventListener('focus', () => requestDraw(draw));
  plot.canvas.addEventListener('blur', () => requestDraw(draw));
  loadSurface();

  return {
    update(next) {
      play.stop();
      opts = { ...next };
      if (!surface.hasOptimizers) opts.optimizer = 'sgd';
      if (!surface.hasSurfaces) opts.surface = 'bowl';
      etaSlider.set(opts.eta);
      optSelect.value = opts.optimizer;
      loadSurface();
    },
    destroy() {
      cancelDraw(draw);
      play.stop();
      plot.canvas.removeEventListener('pointerdown', onDown);
      plot.canvas.removeEventListener('keydown', onKey);
      plot.destroy();
      surface.delete();
    },
  };
}
