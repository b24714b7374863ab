// Animation "Gradient descent on the loss surface" (seed 001, level 2; optimisers from seed 002).
// The heat map is the mean squared error of the line ŷ = w·x + b on a small data set for every
// (w, b), computed by the engine; the learner drops a ball and watches it roll downhill with a
// chosen learning rate — crawling, gliding or overshooting — and, when the engine's optimisers
// are available (OptimizerSurface), races SGD, momentum, RMSProp and Adam on the same surface.
// The message line names what each ball is doing (loss-surface/surfaces.js describePath), including
// a ball stalled at a saddle point, where the gradient vanishes above the surface's minimum.
import { mountWidget, attempt } from '../lib/widget.js';
import { listenForTaps, trackKeyboardFocus } from '../lib/drag.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, rungSlider, select, showOptions } from '../lib/ui.js';
import { formatNumber, formatShort } from '../lib/format.js';
import { nearestRungValue, roundLadder } from '../lib/ladder.js';
import { drawHeatmap, heatLegend, lossRgb } from '../lib/heatmap.js';
import { createPrediction } from '../lib/predict.js';
import { createSurface, describePath, minimaOf, OPTIMIZERS } from './loss-surface/surfaces.js';
import { messages } from './loss-surface/messages.js';

export const schema = {
  eta: { type: 'number', min: 0.001, max: 2, default: 0.05, description: 'Learning rate η (step size).' },
  optimizer: { type: 'enum', values: ['sgd', 'momentum', 'rmsprop', 'adam', 'race'], default: 'sgd', description: 'Which optimiser rolls the ball, or race all four.' },
  surface: { type: 'enum', values: ['bowl', 'ravine', 'rosenbrock', 'saddle'], default: 'bowl', description: 'Loss surface: the MSE bowl of a line fit, or a harder test function.' },
  maxSteps: { type: 'int', min: 20, max: 2000, default: 300, description: 'Steps before a run stops.' },
};

export const meta = { title: messages['loss-surface.title'], hint: messages['loss-surface.hint'] };

const GRID = [72, 56];
const CURSOR_STEPS = 40; // keyboard cursor moves 1/40 of the view per arrow press

// The learning rates the η slider offers: the site's round ladder (web/lib/ladder.js) from
// 0.001 to 2. The slider moves one rung per arrow press (or drag notch), so the η the engine uses
// is exactly the η the readout shows, and every rate the lesson names (0.001, 0.05, 0.35, 0.4,
// 0.5, 2) is a rung: → then ← returns to 0.05 itself, not to 0.0501 from a rounded log track.
const ETA_LADDER = roundLadder(schema.eta.min, schema.eta.max);
// An η off the ladder (an option or update, eta=1.025) is used on its nearest rung (1), as the
// readout shows it.
const onEtaLadder = (v) => nearestRungValue(ETA_LADDER, v, schema.eta.default);
// η as the readout and the messages write it (describePath uses formatShort(η, 3) too).
const formatEta = (v) => formatShort(v, 3);

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  // The η the card was given; its rung is the η used (reported as given while the slider stays there).
  let askedEta = opts.eta;
  opts.eta = onEtaLadder(opts.eta);
  const surface = ctx.own(createSurface(ml));
  let view = null;      // { x0, x1, y0, y1, minX, minY, minValue, startX, startY }
  let minima = [];      // every lowest point, one teal ring each
  let grid = null;      // Float64Array copy of the losses on the grid
  let gridRange = [0, 1];
  let start = null;     // { x, y } where the ball is dropped
  let cursor = null;    // keyboard cursor in data coordinates
  let racers = [];      // { kind, points: [x, y, …], losses: [], status }

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.72, minHeight: 260, maxHeight: 560, label: t('loss-surface.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.canvas.tabIndex = 0;
  plot.canvas.style.cursor = 'crosshair';
  const key = heatLegend(card.stage, { color: lossRgb, low: '', high: '', caption: t('loss-surface.legend.initial') });
  const racerKey = document.createElement('div');
  racerKey.className = 'dw-heat-legend';
  card.stage.append(racerKey);

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    start: () => { if (racers.every((r) => r.status !== 'running' || r.steps() >= opts.maxSteps)) startRun(); },
    reduced: () => stepAll(opts.maxSteps),
    every: 30, // ~30 steps a second: slow enough to follow the ball
    quiet: true, // the verdict (step, loss) is rewritten on every step
    tick: () => stepAll(1),
  });
  button(buttons, t('loss-surface.step'), () => { play.stop(); stepAll(1); });
  // Reset puts the ball back on the surface's starting spot (Play again, or a new η or
  // optimiser, reruns from a dropped point).
  button(buttons, t('loss-surface.reset'), () => { play.stop(); if (view) start = { x: view.startX, y: view.startY }; cursor = null; startRun(); });
  const etaSlider = rungSlider(card.controls, { label: t('loss-surface.slider.eta'), rungs: ETA_LADDER, value: opts.eta, fallback: schema.eta.default, format: formatEta, onInput: (v) => { opts.eta = v; play.stop(); startRun(); } });
  const optimizerChoices = ['sgd', 'momentum', 'rmsprop', 'adam', 'race'].map((id) => [id, t(`loss-surface.choice.optimizer.${id}`)]);
  const optSelect = select(card.controls, { label: t('loss-surface.select.optimizer'), options: optimizerChoices, value: opts.optimizer, onChange: (v) => { opts.optimizer = v; play.stop(); startRun(); } });
  const surfaceSelect = select(card.controls, { label: t('loss-surface.select.surface'), options: ['bowl', 'ravine', 'rosenbrock', 'saddle'].map((id) => [id, t(`loss-surface.choice.surface.${id}`)]), value: opts.surface, onChange: (v) => { opts.surface = v; play.stop(); loadSurface(); } });

  const statLoss = card.stat(t('loss-surface.stat.loss'));
  const statStep = card.stat(t('loss-surface.stat.step'));
  const statW = card.stat(opts.surface !== 'bowl' ? t('loss-surface.stat.x') : t('loss-surface.stat.w'));
  const statB = card.stat(opts.surface !== 'bowl' ? t('loss-surface.stat.y') : t('loss-surface.stat.b'));
  const statMin = card.stat(t('loss-surface.stat.minimum'));

  // Predict, then check: where does gradient descent end on the saddle surface, from its starting
  // spot? Judged, once a run from that spot is over, from the engine's path (describePath's
  // verdict on the first ball). A run from a dropped point leaves the prediction locked and says
  // so in the box; Reset brings the ball back to the starting spot.
  // The learning rate is part of the experiment: the question and the lesson's reveal ("every
  // optimiser rolls to the saddle point and stalls there") are about the η the widget opened with
  // (the lesson's 0.05). Elsewhere the ending differs — at η = 1 plain SGD bounces between
  // x = ±1.5 at its starting loss for ever, from 1.1 it flies off — so a run at another η neither
  // settles the box nor is recorded; the box says which η to set back. A run at the judged η that
  // ends in none of the three choices says so in words and leaves the box locked.
  let judgedEta = opts.eta;
  const etaOff = () => opts.eta !== judgedEta;
  const isStart = (x, y) => !!view && Math.abs(x - view.startX) <= 1e-9 * (view.x1 - view.x0) && Math.abs(y - view.startY) <= 1e-9 * (view.y1 - view.y0);
  const atStart = () => !!start && isStart(start.x, start.y);
  const nextStep = () => t('loss-surface.predict.next', { onSaddle: opts.surface === 'saddle', offStart: opts.surface === 'saddle' && !atStart(), etaOff: etaOff(), judged: formatEta(judgedEta) });
  const prediction = createPrediction(ctx, {
    id: 'loss-surface-saddle',
    question: t('loss-surface.predict.question'),
    choices: ['valley', 'saddle', 'off'].map((c) => [c, t(`loss-surface.predict.${c}`)]),
    next: () => nextStep(),
    onCommit: () => { runShown = false; boxSaysOff = ''; },
    // Changed part-way through a run from the starting spot, the box has had the ball heading for
    // the origin on screen.
    progress: () => runShown,
  });
  // The locked box's word on the settings it last gave ('' = the locked message; 'start', 'eta').
  let boxSaysOff = '';
  // Steps of a run from the saddle's starting spot have been on screen since the last commit.
  let runShown = false;
  const notePrediction = (text) => prediction.note(text);
  const sayLocked = () => notePrediction(t('predict.locked', { value: t(`loss-surface.predict.${prediction.pending}`), next: nextStep() }));
  const offEtaNote = () => t('loss-surface.predict.offEta', { eta: formatEta(opts.eta), judged: formatEta(judgedEta), offStart: !atStart() });
  function judgeSaddle() {
    const lead = racers[0];
    if (opts.surface !== 'saddle' || !lead) return;
    const fromStart = isStart(lead.points[0], lead.points[1]);
    const running = lead.status === 'running' && lead.steps() < opts.maxSteps;
    if (prediction.pending === null) {
      // A run from the saddle's starting spot shows where the ball ends: a prediction made after it
      // could copy it. Paused part-way (after 30 steps at η = 0.05 the ball is within 0.1 of the
      // origin, still on y = 0) it already shows where the ball is heading. A run from elsewhere
      // answers a different question.
      if (fromStart && lead.steps() > 0) {
        if (running) prediction.outcomeGlimpsed(t('loss-surface.predict.glimpsed'));
        else prediction.outcomeSeen(t('loss-surface.predict.seen'));
      }
      return;
    }
    if (fromStart && lead.steps() > 0) runShown = true;
    if (running) return;
    if (etaOff()) {
      boxSaysOff = 'eta';
      notePrediction(offEtaNote());
      return;
    }
    if (!fromStart) {
      boxSaysOff = 'start';
      notePrediction(t('loss-surface.predict.offStart', { x: formatNumber(lead.points[0], 2), y: formatNumber(lead.points[1], 2), x0: formatNumber(view.startX, 2), y0: formatNumber(view.startY, 2) }));
      return;
    }
    const d = attempt(card, () => diagnose(lead), null);
    if (!d) return;
    const outcome = d.state === 'saddle' ? 'saddle' : d.state === 'diverged' ? 'off' : (d.state === 'bottom' || d.state === 'stopped') ? 'valley' : null;
    const n = lead.losses.length;
    const where = t('loss-surface.predict.where', { name: nameOf(lead.kind), eta: formatEta(opts.eta), x: formatNumber(lead.points[0], 2), y: formatNumber(lead.points[1], 2), loss: formatNumber(lead.losses[n - 1], 3), steps: n - 1 });
    if (!outcome) {
      // The run is over and fits no choice (bouncing at its starting loss, still crawling): said in
      // words, the box stays locked rather than waiting for a run that has finished.
      boxSaysOff = 'noFit';
      notePrediction(t('loss-surface.predict.noFit', { where, name: nameOf(lead.kind), text: d.text }));
      return;
    }
    boxSaysOff = '';
    prediction.settle(outcome, t('loss-surface.predict.why', { where, why: t(`loss-surface.predict.why.${outcome}`) }));
  }

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
    minima = attempt(card, () => minimaOf(surface, view), [[view.minX, view.minY]]);
    key.set({ low: formatNumber(lo, 2), high: formatNumber(hi, 1), caption: opts.surface === 'bowl' ? t('loss-surface.legend.bowl') : t('loss-surface.legend.other') });
    const bowl = opts.surface === 'bowl';
    statW.element.firstChild.textContent = bowl ? t('loss-surface.stat.w') : t('loss-surface.stat.x');
    statB.element.firstChild.textContent = bowl ? t('loss-surface.stat.b') : t('loss-surface.stat.y');
    statW.element.dataset.stat = bowl ? 'w' : 'x';
    statB.element.dataset.stat = bowl ? 'b' : 'y';
    statMin.set(formatNumber(view.minValue, 3));
    start = { x: view.startX, y: view.startY };
    cursor = null;
    startRun();
  }

  // Log-like scale so both the valley floor and the steep rim keep visible detail.
  const toUnit = (v) => {
    const [lo, hi] = gridRange;
    return Math.log1p(Math.max(0, v - lo)) / Math.log1p(Math.max(1e-12, hi - lo));
  };

  function nameOf(kind) { return t(`loss-surface.optimizer.${kind}`); }

  function kinds() { return opts.optimizer === 'race' ? OPTIMIZERS.map((o) => o.id) : [opts.optimizer]; }

  function startRun() {
    if (!view || !start) return;
    for (const r of racers) r.delete();
    racers = [];
    if (prediction.pending !== null && opts.surface === 'saddle') {
      // A locked box says at once when the new run is at another η than the question's, and, back
      // on the question's settings (η, starting spot), asks for the run again instead of its note.
      if (etaOff()) {
        boxSaysOff = 'eta';
        notePrediction(offEtaNote());
      } else if (boxSaysOff && atStart()) {
        boxSaysOff = '';
        sayLocked();
      }
    }
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
        chip.className = 'loss-surface-swatch';
        chip.style.background = racerColor(r.kind);
        sw.append(chip, document.createTextNode(nameOf(r.kind)));
        racerKey.append(sw);
      }
    }
    describe();
    ctx.requestDraw(draw);
  }

  function racerColor(kind) {
    const th = plot.theme;
    return { sgd: th.model, momentum: th.class2, rmsprop: th.class0, adam: th.accent }[kind] || th.model;
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
    judgeSaddle();
    ctx.requestDraw(draw);
    return moving;
  }

  // The state in words, read from the engine's path (bookkeeping on its numbers only).
  function diagnose(r) {
    return describePath(r, {
      minValue: view.minValue,
      maxSteps: opts.maxSteps,
      eta: opts.eta,
      gradient: (x, y) => surface.gradient(x, y),
      span: Math.max(view.x1 - view.x0, view.y1 - view.y0),
      t,
    });
  }

  function describe() {
    const lead = racers[0];
    if (!lead) return;
    const n = lead.losses.length;
    // Readouts follow the first ball (SGD in a race); huge values in scientific notation.
    const show = (v) => formatNumber(v, 3);
    statStep.set(formatNumber(n - 1, 0));
    statLoss.set(lead.status === 'diverged' ? t('loss-surface.diverged') : show(lead.losses[n - 1]));
    statW.set(show(lead.points[2 * (n - 1)]));
    statB.set(show(lead.points[2 * (n - 1) + 1]));
    if (racers.length === 1) {
      const d = attempt(card, () => diagnose(lead), null);
      if (d) card.setMessage(t('loss-surface.verdict', { name: nameOf(lead.kind), text: d.text }), d.tone);
    } else {
      const verdicts = racers.map((r) => ({ r, d: attempt(card, () => diagnose(r), { state: 'unknown' }) }));
      const parts = racers.map((r) => t('loss-surface.race.part', { name: nameOf(r.kind), loss: r.status === 'diverged' ? t('loss-surface.diverged') : show(r.losses[r.losses.length - 1]) }));
      const named = (state) => verdicts.filter((v) => v.d.state === state).map((v) => nameOf(v.r.kind));
      const done = named('bottom');
      const stalled = named('saddle');
      const bouncing = named('bouncing');
      let text = t('loss-surface.race', { steps: Math.max(...racers.map((r) => r.steps())), parts: parts.join(' · ') });
      if (done.length) text += t('loss-surface.race.bottom', { names: done.join(', ') });
      if (stalled.length) text += t('loss-surface.race.saddle', { lowest: show(view.minValue), names: stalled.join(', ') });
      if (bouncing.length) text += t('loss-surface.race.bouncing', { names: bouncing.join(', ') });
      card.setMessage(text, done.length ? 'ok' : stalled.length || bouncing.length ? 'warn' : 'info');
    }
    plot.canvas.setAttribute('aria-label', t('loss-surface.figure', { x: formatNumber(lead.points[2 * (n - 1)], 2), y: formatNumber(lead.points[2 * (n - 1) + 1], 2), loss: formatNumber(lead.losses[n - 1], 3), steps: n - 1 }));
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
      card.setMessage(t('loss-surface.cursor', { x: formatNumber(cursor.x, 2), y: formatNumber(cursor.y, 2), loss: formatNumber(attempt(card, () => surface.value(cursor.x, cursor.y), NaN), 3) }), 'info');
      ctx.requestDraw(draw);
      e.preventDefault();
    } else if ((e.key === 'Enter' || e.key === ' ') && cursor) {
      const c = cursor; cursor = null; dropAt(c.x, c.y); e.preventDefault();
    } else if (e.key === 'Enter' || e.key === ' ') {
      play.toggle(); e.preventDefault();
    } else if (e.key === 'Escape') {
      cursor = null; play.stop(); describe(); ctx.requestDraw(draw);
    }
  };
  listenForTaps(ctx, plot.canvas, onDown); // a tap, not a swipe that scrolls past
  ctx.listen(plot.canvas, 'keydown', onKey);

  function draw() {
    if (!view || !grid) return;
    plot.setDomain(view.x0, view.x1, view.y0, view.y1);
    plot.begin();
    drawHeatmap(plot, grid, GRID[0], GRID[1], (v, out) => lossRgb(toUnit(v), out), { rect: view });
    const bowl = opts.surface === 'bowl';
    plot.axes({ xLabel: bowl ? t('loss-surface.axis.w') : t('loss-surface.axis.x'), yLabel: bowl ? t('loss-surface.axis.b') : t('loss-surface.axis.y') });
    const c = plot.ctx;
    plot.clipToArea(() => {
      // every minimum: a hollow teal ring ("good") where the loss is lowest
      for (const [mx, my] of minima) {
        c.save();
        c.beginPath(); c.arc(plot.px(mx), plot.py(my), 9, 0, Math.PI * 2);
        c.lineWidth = 3; c.strokeStyle = '#ffffff'; c.stroke();
        c.lineWidth = 2; c.strokeStyle = plot.theme.good; c.stroke();
        c.restore();
      }
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
    else if (keyboardFocus.keyboardFocused && start) plot.handle(start.x, start.y, { focused: true });
  }

  // The start's ring shows for keyboard focus, never for a click (drag.js).
  const keyboardFocus = ctx.own(trackKeyboardFocus(plot.canvas, () => ctx.requestDraw(draw)));
  loadSurface();

  return {
    update(next) {
      play.stop();
      opts = { ...next };
      askedEta = opts.eta;
      opts.eta = onEtaLadder(opts.eta);
      judgedEta = opts.eta; // as a card opened with `next` judges
      showOptions({ eta: etaSlider, optimizer: optSelect, surface: surfaceSelect }, opts);
      loadSurface();
    },
    // Shared by a link: η, the optimiser, the surface and the step budget as options, and a
    // dropped start point (not the surface's own starting spot) as state, so the link reruns the
    // same ball from the same place.
    currentOptions() { return { eta: onEtaLadder(askedEta) === opts.eta ? askedEta : opts.eta, optimizer: opts.optimizer, surface: opts.surface, maxSteps: opts.maxSteps }; },
    state: {
      get() { return !start || atStart() ? null : { x: start.x, y: start.y }; },
      set(value) {
        const ok = value && Number.isFinite(value.x) && Number.isFinite(value.y) && !!view
          && value.x >= view.x0 && value.x <= view.x1 && value.y >= view.y0 && value.y <= view.y1;
        if (!ok) throw new RangeError(view ? `the start point needs x from ${formatNumber(view.x0, 2)} to ${formatNumber(view.x1, 2)} and y from ${formatNumber(view.y0, 2)} to ${formatNumber(view.y1, 2)}` : 'the surface could not be loaded');
        cursor = null;
        dropAt(value.x, value.y);
      },
    },
  };
}
