// Animation "The learning loop" (seed 001 level 1, seed 003): a packet travels
// data → model → prediction → error → update and back. Every lap is one real gradient-descent
// step of the engine's LinearRegression on seed 001's six houses (price against size), so the
// error bar on the right shrinks by exactly what the engine measured, and each stage shows
// that lap's numbers.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { prefersReducedMotion } from '../lib/frame.js';
import { button, buttonRow, el, fixed, showOptions, slider } from '../lib/ui.js';
import { reportComplete } from '../lib/report.js';
import { createPrediction } from '../lib/predict.js';
import { formatNumber, formatShort } from '../lib/format.js';
import { messages } from './learning-loop.messages.js';

export const engine = 'core';
export const schema = {
  eta: { type: 'number', min: 0.01, max: 0.6, default: 0.1, description: 'Learning rate η of each update.' },
  speed: { type: 'number', min: 0.25, max: 4, default: 1, description: 'Animation speed (stages per 0.9 s).' },
  autoplay: { type: 'boolean', default: true, description: 'Go round two laps by itself when shown, then wait (never with reduced motion).' },
};

export const meta = { title: messages['learning-loop.title'], hint: messages['learning-loop.hint'] };

const STAGES = ['data', 'model', 'prediction', 'error', 'update'];
const STAGE_SECONDS = 0.9;
// Played by itself (autoplay), the loop goes round this many laps to show the cycle, then waits
// for the learner: an animation that never ends would keep a reader's machine busy for nothing.
const AUTOPLAY_LAPS = 2;
export const SIZE_UNIT = 100; // sizes enter the model in hundreds of m², which keeps gradient descent well conditioned
export const START = [150, 0]; // a rough first guess: 150k per 100 m², no base price

// The learning rate above which every step overshoots. The error L = (1/n)·Σ (w·xᵢ + b − yᵢ)² is
// a bowl whose curvature is its Hessian, (2/n)·[[Σx², Σx], [Σx, n]], the same for every w and b.
// Along the bowl's steepest direction (curvature λ, the Hessian's larger eigenvalue) one step
// leaves (1 − ηλ) of the distance to the best line: for η > 1/λ that factor is negative, so each
// step carries the line past the best line to the other side, and for η > 2/λ it is below −1, so
// the line ends further away than it began and the error grows. For the six houses (x in hundreds
// of m²) λ = 3.94: overshooting from η = 0.254, diverging from η = 0.507.
export function overshootRate(xs) {
  const n = xs.length;
  const a = (2 / n) * xs.reduce((s, x) => s + x * x, 0);
  const c = (2 / n) * xs.reduce((s, x) => s + x, 0);
  const d = 2;
  const lambda = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + c * c);
  return 1 / lambda;
}

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  const stageNames = STAGES.map((id) => t(`learning-loop.stage.${id}`));
  let opts = { ...options };
  const model = ctx.own(new ml.LinearRegression());
  const houses = ml.houseTable();
  const sizes = Array.from({ length: houses.rows }, (_, i) => houses.X[i * houses.cols]);
  const X = Float64Array.from(sizes, (s) => s / SIZE_UNIT);
  const prices = Array.from(houses.y);
  const overshootEta = overshootRate(X);

  let pos = 0;          // position on the loop in stages: lap = floor(pos / 5), stage = floor(pos) % 5
  let laps = [];        // per finished or current lap: { w, b, preds, mse, grad, after }
  let lastTime = null;

  card.card.classList.add('learning-loop');
  const diagram = ctx.own(new Plot(card.stage, { aspect: 0.5, minHeight: 300, maxHeight: 400, label: t('learning-loop.diagram'), onResize: () => ctx.requestDraw(draw) }));
  const stageText = el('p', { className: 'learning-loop-stage-text', 'aria-live': 'polite' });
  card.stage.append(stageText);
  const scatter = ctx.own(new Plot(card.stage, { aspect: 0.34, minHeight: 170, maxHeight: 260, label: t('learning-loop.scatter'), onResize: () => ctx.requestDraw(draw) }));

  let learnerActed = false; // a press or slide in the controls, as opposed to autoplay
  let autoplaying = false;  // playing because the widget started itself, until the first stop
  let reported = false;
  card.controls.addEventListener('click', () => { learnerActed = true; });
  card.controls.addEventListener('input', () => { learnerActed = true; });
  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    reduced: () => advance(5 - (pos % 5)), // one whole lap per press, no motion
    onStart: () => {
      stageText.setAttribute('aria-live', 'off'); // do not flood screen readers while it runs
      lastTime = null;
    },
    tick: (time) => {
      if (lastTime === null) lastTime = time;
      const dt = Math.min(0.1, (time - lastTime) / 1000);
      lastTime = time;
      advance((dt * opts.speed) / STAGE_SECONDS);
      if (autoplaying && pos >= AUTOPLAY_LAPS * STAGES.length) return false;
    },
    onStop: () => {
      autoplaying = false;
      stageText.setAttribute('aria-live', 'polite');
    },
  });
  button(buttons, t('learning-loop.step'), () => { play.stop(); advance(1); });
  button(buttons, t('learning-loop.reset'), () => { play.stop(); restart(); });
  const etaSlider = slider(card.controls, { label: t('learning-loop.slider.eta'), min: 0.01, max: 0.6, step: 0.01, value: opts.eta, format: (v) => fixed(v, 2), onInput: (v) => { opts.eta = v; forgetPrediction(); restart(); } });
  const speedSlider = slider(card.controls, { label: t('learning-loop.slider.speed'), min: 0.25, max: 4, step: 0.25, value: opts.speed, format: (v) => t('learning-loop.speedValue', { speed: fixed(v, 2) }), onInput: (v) => { opts.speed = v; } });

  const statLap = card.stat(t('learning-loop.stat.lap'));
  const statMse = card.stat(t('learning-loop.stat.mse'));
  const statW = card.stat(t('learning-loop.stat.w'));
  const statB = card.stat(t('learning-loop.stat.b'));

  // Predict, then check: where is the error after ten laps at the chosen η? Judged from the
  // engine's MSE at the start of lap 11 against lap 1 (or at once if the run diverges).
  // The outcome depends on η, so a run watched before predicting spoils only its own η: the
  // learning rates whose error after an update has been on screen (with nothing committed, or
  // under a prediction later changed) are remembered, and until the first verdict the box refuses them in words (another η still
  // gives a real first try). Later tries are practice anyway (web/lib/predict.js).
  const shownEta = () => formatNumber(opts.eta, 2);
  const watchedEtas = new Set();
  let judged = false;
  const prediction = createPrediction(ctx, {
    id: 'learning-loop-ten-laps',
    question: t('learning-loop.predict.question'),
    choices: ['tiny', 'some', 'grown'].map((id) => [id, t(`learning-loop.predict.${id}`)]),
    ready: () => (!judged && watchedEtas.has(shownEta()) ? t('learning-loop.predict.alreadyRun', { eta: shownEta() }) : null),
    // A practice try locked in the middle of a run starts its ten laps from lap 1.
    onCommit: () => { if (pos >= STAGES.length) { play.stop(); restart(); } },
    next: () => t('learning-loop.predict.next', { eta: shownEta() }),
  });
  // A prediction is about the η it was locked at: moving the slider forgets it, in words.
  function forgetPrediction() {
    if (prediction.pending !== null) prediction.reset(t('learning-loop.predict.etaChanged', { eta: shownEta() }));
  }
  function judgeTenLaps() {
    if (prediction.pending === null || !laps.length) return;
    const diverged = model.status() === 'diverged';
    if (!diverged && laps.length < 11) return;
    const share = diverged ? Infinity : laps[10].mse / laps[0].mse;
    const outcome = share < 0.05 ? 'tiny' : share <= 1 ? 'some' : 'grown';
    judged = true;
    prediction.settle(outcome, diverged
      ? t('learning-loop.predict.diverged', { eta: formatNumber(opts.eta, 2) })
      : t('learning-loop.predict.went', { eta: formatNumber(opts.eta, 2), from: formatNumber(laps[0].mse, 1), to: formatNumber(laps[10].mse, 1), share: formatNumber(share * 100, 1), outcome, overshoot: opts.eta > overshootEta }));
  }

  // Reads the engine's state at the start of a lap: parameters, predictions, loss, gradient.
  function snapshot() {
    return attempt(card, () => {
      const [w, b] = model.params();
      const preds = Array.from(model.predict(X));
      return { w, b, preds, mse: model.loss(), grad: Array.from(model.gradient()), after: null };
    }, null);
  }

  function restart() {
    attempt(card, () => {
      model.setData(X, 1, prices);
      model.setLearningRate(opts.eta);
      model.setParams(START);
    });
    pos = 0;
    laps = [];
    const s = snapshot();
    if (s) laps.push(s);
    etaSlider.set(opts.eta);
    card.setMessage(t('learning-loop.start', { w: START[0], b: START[1] }), 'info');
    render();
  }

  // Moves the packet forward by `d` stages, running a training step whenever it reaches Update.
  function advance(d) {
    const before = Math.floor(pos);
    pos += d;
    for (let s = before + 1; s <= Math.floor(pos); s++) if (s % 5 === 4) update(Math.floor(s / 5));
    // A new lap starts at Data: take the engine's state for it.
    if (Math.floor(pos / 5) >= laps.length && laps[laps.length - 1].after) {
      const s = snapshot();
      if (s) laps.push(s); else { play.stop(); pos = laps.length * 5 - 0.001; }
    }
    render();
  }

  function update(lapIndex) {
    const lap = laps[lapIndex];
    if (!lap || lap.after) return;
    if (model.status() === 'diverged') { play.stop(); return; }
    attempt(card, () => model.step());
    const [w, b] = model.params();
    lap.after = { w, b };
    const status = model.status();
    if (status === 'diverged' || !Number.isFinite(w) || !Number.isFinite(b)) {
      play.stop();
      card.setMessage(t('learning-loop.divergedStop'), 'bad');
    } else if (lapIndex >= 9 && learnerActed && !reported && tenLapsLearned()) {
      // What happened: ten training steps ran, the learner drove or stopped the loop at least once
      // (autoplay alone records nothing), and they brought the error down: the lesson's activity is
      // ten laps at a learning rate that learns, so a run whose error grew (η = 0.6, which the
      // engine calls diverged only later) does not complete it, and the message says why
      // (learning-loop.diverging, tenLaps). Watching is not a score, so none is claimed.
      reported = true;
      reportComplete(card, { widget: 'learning-loop', title: t('learning-loop.report') });
    }
  }

  // After the current lap's update: is the error below where lap 1 started? (Lap 11's error, the
  // one the ten-laps prediction is judged on, once ten updates have run.)
  function tenLapsLearned() {
    const after = attempt(card, () => model.loss(), NaN);
    return Number.isFinite(after) && laps.length > 0 && after < laps[0].mse;
  }

  function lapAt() { return Math.min(laps.length - 1, Math.floor(pos / 5)); }

  function render() {
    const k = lapAt();
    const lap = laps[k];
    const stage = Math.floor(pos) % 5;
    if (!lap) return;
    const i = k % houses.rows; // the house in the spotlight this lap
    const size = fixed(sizes[i], 0);
    const price = fixed(prices[i], 0);
    const pred = lap.preds[i];
    const miss = pred - prices[i];
    let text;
    switch (stage) {
      case 0: text = t('learning-loop.text.data', { lap: k + 1, house: i + 1, x: formatShort(X[i], 3), size, price }); break;
      case 1: text = t('learning-loop.text.model', { lap: k + 1, w: fixed(lap.w, 2), b: fixed(lap.b, 2) }); break;
      case 2: text = t('learning-loop.text.prediction', { lap: k + 1, house: i + 1, pred: fixed(pred, 1) }); break;
      case 3: text = t('learning-loop.text.error', { lap: k + 1, house: i + 1, miss: fixed(Math.abs(miss), 1), low: miss < 0, mse: fixed(lap.mse, 1) }); break;
      default: text = lap.after
        ? t('learning-loop.text.update', { lap: k + 1, gw: fixed(lap.grad[0], 1), gb: fixed(lap.grad[1], 1), w: fixed(lap.w, 2), w2: fixed(lap.after.w, 2), b: fixed(lap.b, 2), b2: fixed(lap.after.b, 2) })
        : t('learning-loop.text.waiting', { lap: k + 1 });
    }
    stageText.textContent = text;
    statLap.set(String(k + 1));
    statMse.set(fixed(lap.mse, 1));
    statW.set(fixed(lap.after && stage === 4 ? lap.after.w : lap.w, 2));
    statB.set(fixed(lap.after && stage === 4 ? lap.after.b : lap.b, 2));
    if (model.status() !== 'diverged' && k > 0) {
      const first = laps[0].mse;
      if (!(lap.mse <= laps[k - 1].mse)) {
        // From lap 11 on, ten laps have run without completing the activity: say why.
        card.setMessage(t('learning-loop.diverging', { from: fixed(laps[k - 1].mse, 1), to: fixed(lap.mse, 1), eta: fixed(opts.eta, 2), tenLaps: k >= 10 && !reported }), 'bad');
      } else {
        card.setMessage(t('learning-loop.shrinking', { share: fixed((lap.mse / first) * 100, 1), updates: k, complete: reported }), 'ok');
      }
    }
    judgeTenLaps();
    // Watched under a prediction counts too: changed part-way and locked again at this η, it
    // would be judged on laps already seen.
    if (k > 0) watchedEtas.add(shownEta());
    diagram.canvas.setAttribute('aria-label', t('learning-loop.figure', { lap: k + 1, stage: stageNames[stage], mse: fixed(lap.mse, 1) }));
    ctx.requestDraw(draw);
  }

  // ---- drawing (geometry only; the numbers come from the laps recorded above) ----
  // Wide: the loop on the left, a vertical error bar on the right. Narrow (phones): the loop
  // takes the full width and the error bar lies along the bottom, so the nodes do not collide.
  function loopGeometry() {
    const W = diagram.width;
    const H = diagram.height;
    const narrow = W < 520;
    const barW = narrow ? 0 : Math.max(64, Math.min(120, W * 0.16));
    const barH = narrow ? 44 : 0;
    const cx = narrow ? W / 2 : (W - barW - 16) / 2;
    const cy = (H - barH) / 2 + 4;
    const rx = Math.max(60, cx - (narrow ? 46 : 64));
    const ry = Math.max(60, (H - barH) / 2 - (narrow ? 30 : 44));
    return { W, H, narrow, barW, barH, cx, cy, rx, ry };
  }
  const angleOf = (s) => -Math.PI / 2 + (s / 5) * Math.PI * 2;

  function draw() {
    const c = diagram.begin();
    const th = diagram.theme;
    const g = loopGeometry();
    const k = lapAt();
    const lap = laps[k];
    const stage = Math.floor(pos) % 5;
    const frac = pos - Math.floor(pos);

    // The track, with an arrowhead halfway along each leg.
    c.save();
    c.strokeStyle = th.border;
    c.lineWidth = 3;
    c.beginPath();
    c.ellipse(g.cx, g.cy, g.rx, g.ry, 0, 0, Math.PI * 2);
    c.stroke();
    c.fillStyle = th.textMuted;
    for (let s = 0; s < 5; s++) {
      const a = angleOf(s + 0.5);
      const x = g.cx + g.rx * Math.cos(a);
      const y = g.cy + g.ry * Math.sin(a);
      const dir = Math.atan2(g.ry * Math.cos(a), -g.rx * Math.sin(a));
      c.save(); c.translate(x, y); c.rotate(dir);
      c.beginPath(); c.moveTo(7, 0); c.lineTo(-5, -6); c.lineTo(-5, 6); c.closePath(); c.fill();
      c.restore();
    }
    c.restore();

    // The packet: evidence (blue) until the error is measured, then error (red-orange), and
    // after the update a correction (teal) heading back to the data.
    const a = angleOf(Math.floor(pos) % 5 + easeInOut(frac));
    const px = g.cx + g.rx * Math.cos(a);
    const py = g.cy + g.ry * Math.sin(a);
    const colour = stage >= 4 ? th.good : stage >= 3 ? th.loss : th.class1;
    c.beginPath(); c.arc(px, py, 9, 0, Math.PI * 2); c.fillStyle = colour; c.fill();
    c.lineWidth = 2; c.strokeStyle = th.surface; c.stroke();

    // The nodes: the one the packet is at (or leaving) is highlighted.
    c.font = `600 ${g.narrow ? 11 : 13}px ${th.font}`;
    c.textAlign = 'center';
    c.textBaseline = 'middle';
    stageNames.forEach((name, s) => {
      const a = angleOf(s);
      const x = g.cx + g.rx * Math.cos(a);
      const y = g.cy + g.ry * Math.sin(a);
      const w = Math.max(g.narrow ? 56 : 76, c.measureText(name).width + (g.narrow ? 14 : 24));
      const h = g.narrow ? 26 : 32;
      const active = s === stage;
      c.beginPath();
      c.roundRect(x - w / 2, y - h / 2, w, h, 16);
      c.fillStyle = active ? th.accent : th.surface;
      c.fill();
      c.lineWidth = 2;
      c.strokeStyle = active ? th.accent : th.border;
      c.stroke();
      c.fillStyle = active ? (getComputedStyle(card.card).getPropertyValue('--accent-text').trim() || '#fff') : th.text;
      c.fillText(name, x, y);
    });

    // In the middle: this lap's headline number.
    if (lap) {
      c.fillStyle = th.textMuted;
      c.font = `12px ${th.font}`;
      c.fillText(t('learning-loop.centre.lap', { lap: k + 1 }), g.cx, g.cy - 12);
      c.fillStyle = th.text;
      c.font = `600 15px ${th.mono}`;
      c.fillText(t('learning-loop.centre.mse', { mse: fixed(lap.mse, 0) }), g.cx, g.cy + 10);
    }

    // The error bar: this lap's MSE against the first lap's, with earlier laps as ticks.
    const first = laps.length ? laps[0].mse : 1;
    const share = (mse) => Math.max(0, Math.min(1, mse / first));
    c.textAlign = 'center';
    if (g.narrow) {
      const left = 56;
      const right = g.W - 48;
      const top = g.H - 30;
      const height = 16;
      const xOf = (mse) => left + share(mse) * (right - left);
      c.fillStyle = th.textMuted;
      c.font = `12px ${th.font}`;
      c.textAlign = 'left';
      c.fillText(t('learning-loop.bar.error'), 8, top + height / 2);
      c.fillStyle = th.surface;
      c.fillRect(left, top, right - left, height);
      c.strokeStyle = th.border;
      c.lineWidth = 1;
      c.strokeRect(left + 0.5, top + 0.5, right - left - 1, height - 1);
      c.strokeStyle = th.truth;
      for (let j = 0; j < k; j++) {
        const x = Math.round(xOf(laps[j].mse)) + 0.5;
        c.beginPath(); c.moveTo(x, top - 3); c.lineTo(x, top + height + 3); c.stroke();
      }
      if (lap && Number.isFinite(lap.mse)) {
        c.fillStyle = th.loss;
        c.fillRect(left, top, xOf(lap.mse) - left, height);
        c.fillStyle = th.text;
        c.font = `600 12px ${th.mono}`;
        c.textAlign = 'left';
        c.fillText(t('learning-loop.bar.share', { share: fixed((lap.mse / first) * 100, 0) }), right + 6, top + height / 2);
      }
    } else {
      const bx = g.W - g.barW;
      const top = 28;
      const bottom = g.H - 30;
      const yOf = (mse) => bottom - share(mse) * (bottom - top);
      c.fillStyle = th.textMuted;
      c.font = `12px ${th.font}`;
      c.fillText(t('learning-loop.bar.error'), bx + g.barW / 2, 14);
      c.fillStyle = th.surface;
      c.fillRect(bx + g.barW * 0.25, top, g.barW * 0.5, bottom - top);
      c.strokeStyle = th.border;
      c.lineWidth = 1;
      c.strokeRect(bx + g.barW * 0.25 + 0.5, top + 0.5, g.barW * 0.5 - 1, bottom - top - 1);
      c.strokeStyle = th.truth;
      for (let j = 0; j < k; j++) {
        const y = Math.round(yOf(laps[j].mse)) + 0.5;
        c.beginPath(); c.moveTo(bx + g.barW * 0.2, y); c.lineTo(bx + g.barW * 0.8, y); c.stroke();
      }
      if (lap && Number.isFinite(lap.mse)) {
        const y = yOf(lap.mse);
        c.fillStyle = th.loss;
        c.fillRect(bx + g.barW * 0.25, y, g.barW * 0.5, bottom - y);
        c.fillStyle = th.text;
        c.font = `600 12px ${th.mono}`;
        c.fillText(t('learning-loop.bar.share', { share: fixed((lap.mse / first) * 100, 0) }), bx + g.barW / 2, bottom + 14);
      }
    }
    drawScatter(lap, stage);
  }

  function drawScatter(lap, stage) {
    // Drawn in the model's own input x (hundreds of m²), the unit of the lesson's table and of w.
    const xMax = 180 / SIZE_UNIT;
    scatter.setDomain(0, xMax, 0, 480);
    scatter.begin();
    scatter.axes({ xLabel: t('learning-loop.axis.x'), yLabel: t('learning-loop.axis.y'), xTicks: 6, yTicks: 4 });
    if (!lap) return;
    const w = lap.after && stage === 4 ? lap.after.w : lap.w;
    const b = lap.after && stage === 4 ? lap.after.b : lap.b;
    scatter.clipToArea(() => {
      if (stage >= 2 && stage <= 3) {
        for (let i = 0; i < X.length; i++) scatter.segment(X[i], prices[i], X[i], lap.preds[i], { color: scatter.theme.loss, width: 2 });
      }
      scatter.segment(0, b, xMax, b + w * xMax, { width: 2.5 });
      const spot = lapAt() % houses.rows;
      for (let i = 0; i < X.length; i++) scatter.point(X[i], prices[i], 1, { size: 5, highlight: i === spot });
    });
  }

  restart();
  if (opts.autoplay && !prefersReducedMotion()) { autoplaying = true; play.toggle(); }
  else card.setMessage(t('learning-loop.howTo'), 'info');

  return {
    update(next) { play.stop(); opts = { ...next }; showOptions({ eta: etaSlider, speed: speedSlider }, opts); forgetPrediction(); restart(); },
  };
}

function easeInOut(x) { return x < 0.5 ? 2 * x * x : 1 - 2 * (1 - x) * (1 - x); }
