// Optimiser race (seed 002): six optimisers start from the same point on the same 2-D loss
// surface and take one step per frame. The engine's OptimizerSurface evaluates the function,
// its exact gradient (plus optional mini-batch-style noise) and every update rule.
import { mountWidget, attempt } from '../lib/widget.js';
import { listenForTaps } from '../lib/drag.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, el, fixed, select, showOptions, slider } from '../lib/ui.js';
import { GridImage, drawGridImage, sequentialRgb } from '../lib/heatmap.js';
import { seedOption } from '../lib/schema.js';
import { formatNumber } from '../lib/format.js';
import { fillLegend, legend } from '../lib/legend.js';
import { seriesStyle } from '../lib/colors.js';
import { shapeMarker } from '../lib/marks.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './optimizer-race.messages.js';

export const schema = {
  surface: { type: 'enum', values: ['bowl', 'ravine', 'rosenbrock', 'saddle'], default: 'ravine', description: 'Loss surface to race on.' },
  learningRate: { type: 'number', min: 0.0001, max: 1, default: 0.05, description: 'Learning rate η shared by all optimisers.' },
  noise: { type: 'number', min: 0, max: 5, default: 0, description: 'Standard deviation of noise added to each gradient (mini-batch jitter).' },
  seed: seedOption(1, 'Seed for the gradient noise.'),
};

export const meta = { title: messages['optimizer-race.title'], hint: messages['optimizer-race.hint'] };

// Each racer is drawn in its own series style (colors.js seriesStyle: colour, dash pattern and
// marker shape, index i), so the six stay apart for colour-blind learners and in grey, and none
// borrows a colour docs/design.md gives another meaning (class, loss, good, model).
const RACERS = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adagrad', 'adam'].map((name) => ({ name }));
// Learning rates that make each surface interesting for all six at once (the slider overrides).
const DEFAULT_RATE = { bowl: 0.02, ravine: 0.05, rosenbrock: 0.001, saddle: 0.05 };
const MAX_STEPS = 600;
const LOG_STEP = 0.01; // the η slider's step on its log10 track
const GRID = 90;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const racers = RACERS.map((r) => ({ ...r, label: t(`optimizer-race.optimiser.${r.name}`), surface: ctx.own(new ml.OptimizerSurface()) }));
  const probe = racers[0].surface;
  let info = null;
  let start = { x: 0, y: 0 };
  let heat = null; // the surface at grid resolution, painted into heatImage
  const heatImage = ctx.own(new GridImage());
  let stepCount = 0;

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.62, minHeight: 240, maxHeight: 460, label: t('optimizer-race.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.canvas.tabIndex = 0;
  const keyRow = legend(card.stage, []);
  const lossPlot = ctx.own(new Plot(card.stage, { aspect: 0.24, minHeight: 130, maxHeight: 190, label: t('optimizer-race.lossPlot'), onResize: () => ctx.requestDraw(draw) }));

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    reduced: () => advance(100),
    tick: () => {
      advance(1);
      return !(stepCount >= MAX_STEPS || racers.every((r) => r.surface.pathStatus() !== 'running'));
    },
    quiet: true, // every racer's loss, on every frame
  });
  button(buttons, t('optimizer-race.step'), () => { play.stop(); advance(1); });
  button(buttons, t('optimizer-race.reset'), () => { play.stop(); restart(); });
  const surfaceSelect = select(card.controls, {
    label: t('optimizer-race.select.surface'), value: opts.surface,
    options: ['bowl', 'ravine', 'rosenbrock', 'saddle'].map((id) => [id, t(`optimizer-race.surface.${id}`)]),
    onChange: (v) => { play.stop(); opts.surface = v; opts.learningRate = DEFAULT_RATE[v]; sliders.learningRate.set(opts.learningRate); loadSurface(); },
  });
  const sliders = {
    learningRate: slider(card.controls, { label: t('optimizer-race.slider.learningRate'), min: 0.0001, max: 1, step: LOG_STEP, scale: 'log', value: opts.learningRate, format: (v) => fixed(v, 4), onInput: (v) => { play.stop(); opts.learningRate = v; restart(); } }),
    noise: slider(card.controls, { label: t('optimizer-race.slider.noise'), min: 0, max: 5, step: 0.05, value: opts.noise, format: (v) => fixed(v, 2), onInput: (v) => { play.stop(); opts.noise = v; restart(); } }),
  };
  const stats = racers.map((r) => card.stat(r.label));

  // Predict, then check: on the saddle without noise, where do the six end? Judged from the
  // engine's paths once the race is over: a racer that left the ridge y = 0 by more than 0.5
  // is at a minimum (0, ±1); one still on it whose loss fell has rolled to the saddle point (or
  // towards it). A racer that diverged, or that stayed on the ridge no lower than its start
  // (bouncing across it), is at neither: the box says so and stays locked.
  // Judged only at the saddle's own η (DEFAULT_RATE, which choosing the saddle sets), as the
  // lesson's reveal is: at η = 1 SGD bounces between x = ±1.5 and Nesterov diverges. The log
  // slider cannot return to 0.05 itself; its nearest stop (0.0501) counts as the same η.
  const rateStop = (v) => Math.round(Math.log10(v) / LOG_STEP);
  const rateOff = () => rateStop(opts.learningRate) !== rateStop(DEFAULT_RATE.saddle);
  const prediction = createPrediction(ctx, {
    id: 'optimizer-saddle',
    question: t('optimizer-race.predict.question'),
    choices: ['saddle', 'minimum', 'mixed'].map((id) => [id, t(`optimizer-race.predict.${id}`)]),
    onCommit: () => { raceShown = false; },
    // Changed part-way through a race on the ridge, the box has had the six paths on screen.
    progress: () => raceShown,
    // The lesson's noisy-bowl try leaves the noise on, and a change of surface keeps it.
    next: () => t('optimizer-race.predict.next', { noisy: opts.noise !== 0, rateOff: opts.surface === 'saddle' && rateOff(), rate: fixed(DEFAULT_RATE.saddle, 4) }),
  });
  let raceShown = false; // steps of a race on the ridge have been on screen since the prediction was locked
  function judgeSaddle() {
    if (opts.surface !== 'saddle' || stepCount === 0) return;
    const over = stepCount >= MAX_STEPS || racers.every((r) => r.surface.pathStatus() !== 'running');
    // The question is about a race without gradient noise; any noise at all is another race (it
    // knocks them off the ridge, where the y-gradient then pulls them to a minimum), so it neither
    // settles the box nor answers it. The slider's first stop is exactly 0 (ui.js rounds to the
    // step), so "no noise" is the value the learner sees as 0.00 there. The lesson's noisy-bowl try
    // leaves 0.5 set, and choosing the saddle keeps it.
    if (opts.noise !== 0) {
      if (prediction.pending !== null && over) prediction.note(t('optimizer-race.predict.noisy', { noise: fixed(opts.noise, 2) }));
      return;
    }
    // The question is about a start on the ridge y = 0; a start moved off it is another race (its
    // y-gradient pulls every optimiser to a minimum): it neither settles the box nor answers it.
    if (start.y !== 0) {
      if (prediction.pending !== null && over) prediction.note(t('optimizer-race.predict.offRidge', { x: fixed(start.x, 2), y: fixed(start.y, 2) }));
      return;
    }
    // The six paths are drawn from the first step: a prediction locked after that could copy them.
    if (prediction.pending === null) { prediction.outcomeSeen(t('optimizer-race.predict.seen')); return; }
    raceShown = true;
    if (!over) return;
    if (rateOff()) {
      prediction.note(t('optimizer-race.predict.offRate', { eta: fixed(opts.learningRate, 4), rate: fixed(DEFAULT_RATE.saddle, 4), stop: fixed(10 ** (rateStop(DEFAULT_RATE.saddle) * LOG_STEP), 4) }));
      return;
    }
    const ends = racers.map((r) => {
      if (r.surface.pathStatus() === 'diverged') return 'diverged';
      const p = r.surface.path();
      if (Math.abs(p[p.length - 1]) > 0.5) return 'minimum';
      // At the saddle point (a start on it stays there), or rolled towards it: its loss fell.
      return Math.hypot(p[p.length - 2], p[p.length - 1]) < 0.05 || lastLoss(r) < r.surface.losses()[0] ? 'saddle' : 'still';
    });
    if (ends.some((e) => e === 'diverged' || e === 'still')) {
      const list = racers.map((r, i) => (ends[i] === 'diverged' ? t('optimizer-race.predict.noFit.diverged', { name: r.label })
        : ends[i] === 'still' ? t('optimizer-race.predict.noFit.still', { name: r.label, loss: fixed(lastLoss(r), 4) }) : '')).filter(Boolean);
      prediction.note(t('optimizer-race.predict.noFit', { list: list.join('; ') }));
      return;
    }
    const off = ends.filter((e) => e === 'minimum').length;
    const outcome = off === racers.length ? 'minimum' : off === 0 ? 'saddle' : 'mixed';
    prediction.settle(outcome, t('optimizer-race.predict.why', { off, all: racers.length, count: formatNumber(off, 0), x: fixed(start.x, 2), y: fixed(start.y, 2), eta: fixed(opts.learningRate, 4) }));
  }

  function loadSurface() {
    attempt(card, () => {
      for (const r of racers) r.surface.setFunction(opts.surface);
      info = probe.info();
      start = { x: info.startX, y: info.startY };
      const values = probe.grid(info.x0, info.x1, info.y0, info.y1, GRID, GRID).slice();
      heat = renderHeat(values);
    });
    restart();
  }

  // The surface as a small image: log(f − f_min) on a sequential scale.
  function renderHeat(values) {
    const logs = Array.from(values, (v) => Math.log10(Math.max(v - info.minValue, 0) + 1e-3));
    const lo = Math.min(...logs);
    const hi = Math.max(...logs);
    const span = hi - lo > 0 ? hi - lo : 1;
    // Neutral grey ramp so the six coloured paths stay the most visible thing on the map.
    const color = sequentialRgb(plot.theme, plot.theme.truth);
    return heatImage.paint(GRID, GRID, (k, out) => color((logs[k] - lo) / span, out));
  }

  function restart() {
    stepCount = 0;
    attempt(card, () => {
      racers.forEach((r, i) => r.surface.startPath(start.x, start.y, r.name, opts.learningRate, { noise: opts.noise, seed: opts.seed + i }));
    });
    card.setMessage(t('optimizer-race.start', { x: fixed(start.x, 2), y: fixed(start.y, 2), eta: fixed(opts.learningRate, 4) }), 'info');
    render();
  }

  function advance(n) {
    for (let k = 0; k < n; k++) {
      let moved = false;
      for (const r of racers) {
        if (r.surface.pathStatus() !== 'running') continue;
        attempt(card, () => r.surface.stepPath());
        moved = true;
      }
      if (!moved) break;
      stepCount += 1;
    }
    describe();
    render();
    judgeSaddle();
  }

  function lastLoss(r) { const l = r.surface.losses(); return l[l.length - 1]; }

  function describe() {
    const diverged = racers.filter((r) => r.surface.pathStatus() === 'diverged').map((r) => r.label);
    const ranked = racers.filter((r) => r.surface.pathStatus() === 'running').sort((a, b) => lastLoss(a) - lastLoss(b));
    const parts = [];
    if (ranked.length) parts.push(t('optimizer-race.leads', { step: stepCount, leader: ranked[0].label, loss: fixed(lastLoss(ranked[0]), 4), min: fixed(info.minValue, 4) }));
    if (diverged.length) parts.push(t('optimizer-race.diverged', { names: diverged.join(', '), count: diverged.length }));
    // On the saddle's line y = 0 the gradient (2x, y³ − y) has no y-part: nothing turns the
    // optimisers towards the minima at (0, ±1) unless noise (or a start off the line) does.
    if (opts.surface === 'saddle' && opts.noise === 0 && ranked.length && ranked.every((r) => { const p = r.surface.path(); return p[p.length - 1] === 0; })) {
      parts.push(t('optimizer-race.onRidge'));
    }
    card.setMessage(parts.join(' '), diverged.length ? 'warn' : 'info');
  }

  function render() {
    racers.forEach((r, i) => {
      const status = r.surface.pathStatus();
      stats[i].set(status === 'diverged' ? t('optimizer-race.stat.diverged') : fixed(lastLoss(r), 4));
    });
    plot.canvas.setAttribute('aria-label', t('optimizer-race.figure', { surface: t(`optimizer-race.figureSurface.${opts.surface}`), x: fixed(start.x, 2), y: fixed(start.y, 2), step: stepCount }));
    fillLegend(keyRow, racers.map((r, i) => ({ text: r.label, line: seriesStyle(plot.theme, i) })));
    ctx.requestDraw(draw);
  }

  // Start point: click, or arrow keys (Shift × 10) once the map has focus.
  const onDown = (e) => {
    const p = plot.eventToData(e);
    play.stop();
    start = { x: clamp(p.x, info.x0, info.x1), y: clamp(p.y, info.y0, info.y1) };
    restart();
  };
  const onKey = (e) => {
    const keys = { ArrowUp: [0, 1], ArrowDown: [0, -1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    if (e.key === 'Enter' || e.key === ' ') { play.toggle(); e.preventDefault(); return; }
    if (e.key === 'Escape') { play.stop(); return; }
    if (!keys[e.key]) return;
    const k = (e.shiftKey ? 10 : 1) * 0.02;
    play.stop();
    start = { x: clamp(start.x + keys[e.key][0] * k * (info.x1 - info.x0), info.x0, info.x1), y: clamp(start.y + keys[e.key][1] * k * (info.y1 - info.y0), info.y0, info.y1) };
    restart();
    e.preventDefault();
  };
  listenForTaps(ctx, plot.canvas, onDown); // a tap, not a swipe that scrolls past
  ctx.listen(plot.canvas, 'keydown', onKey);

  function draw() {
    if (!info) return;
    const th = plot.theme;
    plot.setDomain(info.x0, info.x1, info.y0, info.y1);
    plot.begin();
    if (heat) drawGridImage(plot, heat);
    plot.axes({ xLabel: opts.surface === 'bowl' ? t('optimizer-race.axis.w') : t('optimizer-race.axis.x'), yLabel: opts.surface === 'bowl' ? t('optimizer-race.axis.b') : t('optimizer-race.axis.y') });
    const heads = [];
    plot.clipToArea((ctx) => {
      plot.text(info.minX, info.minY, '★', { weight: 700, size: 16, color: th.model });
      racers.forEach((r, k) => {
        const style = seriesStyle(th, k);
        const p = r.surface.path();
        const xs = []; const ys = [];
        for (let i = 0; i < p.length; i += 2) { xs.push(p[i]); ys.push(p[i + 1]); }
        // A light casing under the path keeps it clear of the grey map; then the path itself.
        ctx.globalAlpha = 0.55; plot.path(xs, ys, { color: th.surface, width: 5 }); ctx.globalAlpha = 1;
        plot.path(xs, ys, { color: style.color, width: 2.5, dash: style.dash });
        const n = xs.length - 1;
        if (n >= 0 && Number.isFinite(xs[n]) && Number.isFinite(ys[n])) {
          const X = plot.px(xs[n]); const Y = plot.py(ys[n]);
          headMark(ctx, X, Y, style);
          heads.push({ X, Y, label: r.label });
        }
      });
      labelHeads(ctx, heads);
    });
    plot.handle(start.x, start.y, { focused: document.activeElement === plot.canvas });

    const series = racers.map((r) => Array.from(r.surface.losses(), (v) => Math.log10(Math.max(v - info.minValue, 0) + 1e-8)));
    const all = series.flat().filter(Number.isFinite);
    const lo = Math.min(-8, ...all);
    const hi = Math.max(0, ...all);
    lossPlot.setDomain(0, Math.max(50, stepCount), Math.max(lo, -8), hi + 0.2);
    lossPlot.begin();
    lossPlot.axes({ xLabel: t('optimizer-race.lossAxis.x'), yLabel: t('optimizer-race.lossAxis.y'), xTicks: 5, yTicks: 3 });
    lossPlot.clipToArea((ctx) => racers.forEach((r, i) => {
      const style = seriesStyle(th, i);
      lossPlot.path(series[i].map((_, k) => k), series[i], { color: style.color, width: 2, dash: style.dash });
      const n = series[i].length - 1;
      if (n >= 0 && Number.isFinite(series[i][n])) headMark(ctx, lossPlot.px(n), lossPlot.py(series[i][n]), style);
    }));
  }

  // A path's head: its marker shape, outlined in the surface colour so it shows on the map.
  function headMark(c, X, Y, style) {
    c.save();
    c.setLineDash([]);
    shapeMarker(c, X, Y, style.shape, 5);
    c.fillStyle = style.color; c.fill();
    c.strokeStyle = plot.theme.surface; c.lineWidth = 1.5; c.stroke();
    c.restore();
  }

  // Each head named beside it, on a surface-coloured plate; a label that would cover one already
  // placed (or leave the plot) tries the other side, then above and below, and is left out if all four are taken
  // (racers bunched at the minimum share one place; the marker shapes still tell them apart).
  function labelHeads(c, heads) {
    const th = plot.theme;
    c.save();
    c.font = `12px ${th.font}`;
    c.textBaseline = 'middle';
    const placed = [];
    for (const h of heads) {
      const w = c.measureText(h.label).width + 6; const ht = 16;
      const spots = [[h.X + 9, h.Y - ht / 2], [h.X - 9 - w, h.Y - ht / 2], [h.X - w / 2, h.Y - 10 - ht], [h.X - w / 2, h.Y + 10]];
      const m = plot.margin;
      const inside = ([x, y]) => x >= m.left && x + w <= plot.width - m.right && y >= m.top && y + ht <= plot.height - m.bottom;
      const spot = spots.filter(inside).find(([x, y]) => !placed.some((b) => x < b.x + b.w && b.x < x + w && y < b.y + b.h && b.y < y + ht));
      if (!spot) continue;
      const [x, y] = spot;
      placed.push({ x, y, w, h: ht });
      c.globalAlpha = 0.85; c.fillStyle = th.surface; c.fillRect(x, y, w, ht); c.globalAlpha = 1;
      c.fillStyle = th.text; c.fillText(h.label, x + 3, y + ht / 2);
    }
    c.restore();
  }

  loadSurface();

  return {
    update(next) {
      play.stop();
      const surfaceChanged = next.surface !== opts.surface;
      opts = { ...next };
      showOptions({ ...sliders, surface: surfaceSelect }, opts);
      if (surfaceChanged) loadSurface(); else restart();
    },
  };
}

function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }
