// Activation functions explorer (landscape): the MLP's own activations from the engine
// (activationCurve: φ and φ′), a deep chain of one-unit layers showing how the back-propagated
// gradient shrinks or survives layer by layer (gradientChain), and softmax with a temperature.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { fixed, select, showOptions, slider } from '../lib/ui.js';
import { asShown, formatPercent, listedInWords, readShown, scientific } from '../lib/format.js';
import { legend } from '../lib/legend.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './activations.messages.js';

export const schema = {
  activation: { type: 'enum', values: ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'gelu', 'softmax'], default: 'sigmoid', description: 'Activation function shown.' },
  depth: { type: 'int', min: 1, max: 60, default: 20, description: 'Layers in the gradient chain.' },
  weight: { type: 'number', min: -4, max: 4, default: 1, description: 'Weight w of every layer in the chain.' },
  temperature: { type: 'number', min: 0.05, max: 10, default: 1, description: 'Softmax temperature T.' },
};

export const meta = { title: messages['activations.title'], hint: messages['activations.hint'] };

const Z = Array.from({ length: 241 }, (_, i) => -6 + i * 0.05);
// The activations in the menu; each is named by 'activations.name.<id>' in the message table.
const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'gelu', 'softmax'];

// The lesson's Predict, then check box asks about the chain of this many sigmoid layers.
const PREDICT_DEPTH = 20;

// The verdict on the gradient that reaches layer 0 (as shown). It leaves the output at exactly 1
// (∂a_L/∂a_L = 1), so this number is also the factor it shrank or grew by on the way back. Within a
// factor of 10 either way (0.1 to 10, both included) it survives; below 0.1 it is shrinking, above
// 10 exploding; below a millionth it has vanished, above a million it has exploded. The lesson
// states the same rule (activation-functions.md, after the three-layer example).
export function gradientVerdict(g0) {
  if (Number.isNaN(g0) || g0 > 1e6) return 'exploded';
  if (g0 < 1e-6) return 'vanished';
  if (g0 < 0.1) return 'shrinking';
  if (g0 <= 10) return 'survives';
  return 'exploding';
}

// What the softmax message says of `probs` at temperature T: the classes holding the largest share as
// shown (1-based; several when their logits tie or nearly so), that share, and which sentence fits.
// "Nearly an arg-max" needs one class shown at 99.0 % or more: a low T alone does not make it, since logits
// that are equal or close still split the probability (the lesson's T = 0.1 claim is about the start),
// and with a clear lead a T just under 0.3 is not yet low enough.
export function softmaxSays(probs, T) {
  const shown = probs.map((p) => formatPercent(p, 1));
  const best = Math.max(...probs);
  const share = formatPercent(best, 1);
  const classes = shown.flatMap((s, i) => (s === share ? [i + 1] : []));
  let says = 'shift';
  // Judged on the share as shown, so "99.0%" beside it is always an arg-max and "98.9%" never.
  if (T < 0.3) says = classes.length > 1 ? 'tie' : asShown(100 * best, 1) >= 99 ? 'argmax' : 'sharper';
  else if (T > 3) says = 'flat';
  return { classes, share, says };
}

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  const nameOf = (id) => t(`activations.name.${id}`);
  let opts = { ...options };
  let curve = null;
  let chain = null;
  let probe = 1;
  let probeVals = null;
  let logits = [2, 1, 0.2, -1];
  let probs = null;
  let selectedLogit = 0;

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.5, minHeight: 220, maxHeight: 360, label: t('activations.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.canvas.tabIndex = 0;
  plot.canvas.classList.add('dw-draggable');
  const curveLegend = legend(card.stage, [{ text: t('activations.legend.value'), swatch: 'dw-swatch dw-swatch-line-model' }, { text: t('activations.legend.slope'), swatch: 'dw-swatch dw-swatch-line-loss' }]);
  const softLegend = legend(card.stage, [{ text: t('activations.legend.logits'), swatch: 'dw-swatch dw-swatch-class0' }, { text: t('activations.legend.probabilities'), swatch: 'dw-swatch dw-swatch-class1' }]);
  const chainPlot = ctx.own(new Plot(card.stage, { aspect: 0.3, minHeight: 150, maxHeight: 220, label: t('activations.chainPlot'), onResize: () => ctx.requestDraw(draw) }));
  chainPlot.margin.top = 22; // room for the axis title above the top tick

  const activationSelect = select(card.controls, {
    label: t('activations.select'), value: opts.activation, options: ACTIVATIONS.map((id) => [id, nameOf(id)]),
    onChange: (v) => { opts.activation = v; run(); },
  });
  const sliders = {
    depth: slider(card.controls, { label: t('activations.slider.depth'), min: 1, max: 60, step: 1, value: opts.depth, format: String, onInput: (v) => { opts.depth = v; run(); } }),
    weight: slider(card.controls, { label: t('activations.slider.weight'), min: -4, max: 4, step: 0.05, value: opts.weight, format: (v) => fixed(v, 2), onInput: (v) => { opts.weight = v; run(); } }),
    temperature: slider(card.controls, { label: t('activations.slider.temperature'), min: 0.05, max: 10, step: 0.01, scale: 'log', value: opts.temperature, format: (v) => fixed(v, 2), onInput: (v) => { opts.temperature = v; run(); } }),
  };
  const stat = { z: card.stat(t('activations.stat.z')), f: card.stat(t('activations.stat.value')), d: card.stat(t('activations.stat.slope')), g: card.stat(t('activations.stat.gradient')) };

  const isSoft = () => opts.activation === 'softmax';

  // Predict, then check: does a bigger weight carry more gradient back through a sigmoid chain?
  // Judged from the engine's gradient at layer 0 when w reaches 4, against its value at w = 1, on
  // the chain the lesson's question and reveal are about (sigmoid, PREDICT_DEPTH layers). At other
  // settings the box neither locks, settles nor counts the outcome as seen, and says what differs.
  let before = null; // the gradient at layer 0 when the prediction was locked in (w = 1)
  let offNoted = false; // the box said the settings differ from the question's (while locked)
  const gradientAt0 = () => (chain ? Math.abs(chain.gradient[0]) : NaN);
  const showG = (g) => (g !== 0 && (g < 1e-3 || g >= 1e4) ? scientific(g, 2) : fixed(g, 4));
  // The weight as its slider shows it (two decimals), not the raw float of a slider stop.
  const weightShows = (w) => fixed(opts.weight, 2) === fixed(w, 2);
  const onQuestionChain = () => opts.activation === 'sigmoid' && opts.depth === PREDICT_DEPTH && chain !== null;
  // What differs from the question's settings, in the words the messages take.
  // Each setting that differs from the question's, as shown ('' where it matches).
  const activationOff = () => (opts.activation === 'sigmoid' ? '' : nameOf(opts.activation));
  const depthOff = () => (opts.depth === PREDICT_DEPTH ? '' : String(opts.depth));
  const weightOff = () => (weightShows(1) ? '' : fixed(opts.weight, 2));
  const prediction = createPrediction(ctx, {
    id: 'activations-sigmoid-w4',
    question: t('activations.predict.question', { layers: PREDICT_DEPTH }),
    choices: ['larger', 'same', 'smaller'].map((id) => [id, t(`activations.predict.${id}`)]),
    ready: () => (onQuestionChain() && weightShows(1) ? null : t('activations.predict.setUp', { layers: PREDICT_DEPTH, activation: activationOff(), depth: depthOff(), weight: weightOff() })),
    onCommit: () => { before = gradientAt0(); offNoted = false; },
    onUnlock: () => { before = null; offNoted = false; },
    next: t('activations.predict.next'),
  });
  function judgeWeight() {
    const onChain = onQuestionChain();
    // The question's chain at w = 4 is the outcome: on screen with nothing locked in, a later
    // prediction could copy it. (Another depth or activation at w = 4 is not this outcome.)
    if (prediction.pending === null) { if (onChain && weightShows(4)) prediction.outcomeSeen(t('activations.predict.seen', { layers: PREDICT_DEPTH })); return; }
    if (before === null) return;
    if (!onChain) { prediction.note(t('activations.predict.off', { layers: PREDICT_DEPTH, activation: activationOff(), depth: depthOff() })); offNoted = true; return; }
    if (!weightShows(4)) {
      if (offNoted) { prediction.note(t('activations.predict.back', { layers: PREDICT_DEPTH })); offNoted = false; }
      return;
    }
    const g = gradientAt0();
    const ratio = g / before;
    prediction.settle(ratio > 1.01 ? 'larger' : ratio < 0.99 ? 'smaller' : 'same', t('activations.predict.why', { depth: opts.depth, before: showG(before), after: showG(g) }));
  }

  function run() {
    const soft = isSoft();
    // style.display, not the hidden attribute: the stage's CSS sets display on canvases and legends.
    curveLegend.style.display = soft ? 'none' : '';
    softLegend.style.display = soft ? '' : 'none';
    chainPlot.canvas.style.display = soft ? 'none' : '';
    sliders.depth.setDisabled(soft); sliders.weight.setDisabled(soft); sliders.temperature.setDisabled(!soft);
    if (soft) {
      probs = attempt(card, () => Array.from(ml.softmax(logits, opts.temperature)), null);
      stat.z.set(t('activations.logit', { index: selectedLogit + 1, value: fixed(logits[selectedLogit], 2) }));
      stat.f.set(probs ? fixed(probs[selectedLogit], 3) : '–');
      stat.d.set('–'); stat.g.set('–');
      if (probs) {
        const { classes, share, says } = softmaxSays(probs, opts.temperature);
        card.setMessage(t('activations.softmax', { T: fixed(opts.temperature, 2), classes: listedInWords(classes.map(String)), tied: classes.length > 1, share, says }), 'info');
      }
      ctx.requestDraw(draw);
      judgeWeight();
      return;
    }
    curve = attempt(card, () => ml.activationCurve(opts.activation, Z), null);
    chain = attempt(card, () => ml.gradientChain(opts.activation, opts.depth, opts.weight, 0, 0.5), null);
    readProbe();
    judgeWeight();
  }

  function readProbe() {
    probeVals = attempt(card, () => ml.activationCurve(opts.activation, [probe]), null);
    stat.z.set(fixed(probe, 2));
    if (probeVals) { stat.f.set(fixed(probeVals.value[0], 4)); stat.d.set(fixed(probeVals.derivative[0], 4)); }
    if (chain) {
      const g0 = Math.abs(chain.gradient[0]);
      const gText = g0 !== 0 && (g0 < 1e-3 || g0 >= 1e4) ? scientific(g0, 3) : fixed(g0, 4);
      stat.g.set(gText);
      // Judged on the number as shown, so the words never contradict it (0.1000 survives).
      const verdict = gradientVerdict(readShown(gText));
      card.setMessage(t('activations.chain', { name: nameOf(opts.activation), depth: opts.depth, w: fixed(opts.weight, 2), gradient: gText, verdict: t(`activations.verdict.${verdict}`) }), verdict === 'survives' || verdict === 'shrinking' ? 'info' : 'warn');
    }
    ctx.requestDraw(draw);
  }

  // Pointer: drag the probe along z (or a softmax logit up and down); keys: arrows move it by 0.1
  // (1 with Shift: drag.js gives ±1, ±10), Left/Right pick the logit and 1–4 select one directly.
  ctx.drag(plot, {
    move: (p) => {
      if (isSoft()) {
        const i = Math.max(0, Math.min(3, Math.floor(p.x)));
        selectedLogit = i;
        // Snapped to 0.05 (about a pixel and a half), so a learner can drag one logit exactly level with another.
        logits[i] = Math.max(-5, Math.min(5, Math.round(p.y * 20) / 20));
        run();
      } else {
        probe = Math.max(-6, Math.min(6, p.x));
        readProbe();
      }
    },
    key: (dx, dy) => {
      if (isSoft()) {
        if (dx) selectedLogit = (selectedLogit + Math.sign(dx) + 4) % 4;
        else logits[selectedLogit] = Math.max(-5, Math.min(5, Math.round((logits[selectedLogit] + dy * 0.1) * 100) / 100));
        run();
      } else {
        probe = Math.max(-6, Math.min(6, probe + (dx + dy) * 0.1));
        readProbe();
      }
    },
    otherKey: (e) => {
      if (isSoft() && /^[1-4]$/.test(e.key)) { selectedLogit = Number(e.key) - 1; run(); e.preventDefault(); }
    },
  });

  function draw() {
    const th = plot.theme;
    if (isSoft()) {
      plot.setDomain(0, 4, -5, 5);
      const c = plot.begin();
      plot.axes({ yLabel: t('activations.softAxis.y'), xTicks: 0, yTicks: 5 });
      plot.clipToArea(() => {
        for (let i = 0; i < 4; i++) {
          const x0 = plot.px(i + 0.12); const x1 = plot.px(i + 0.48);
          c.fillStyle = th.class0; c.fillRect(x0, Math.min(plot.py(0), plot.py(logits[i])), x1 - x0, Math.abs(plot.py(logits[i]) - plot.py(0)));
          if (probs) {
            const p0 = plot.px(i + 0.52); const p1 = plot.px(i + 0.88);
            c.fillStyle = th.class1; c.fillRect(p0, plot.py(probs[i] * 5), p1 - p0, plot.py(0) - plot.py(probs[i] * 5));
            c.fillStyle = th.text; c.font = `12px ${th.mono}`; c.textAlign = 'center'; c.textBaseline = 'bottom';
            c.fillText(fixed(probs[i], 2), (p0 + p1) / 2, plot.py(probs[i] * 5) - 2);
          }
          if (i === selectedLogit && document.activeElement === plot.canvas) { c.strokeStyle = th.accent; c.lineWidth = 2; c.strokeRect(x0 - 3, plot.margin.top + 2, plot.px(i + 0.9) - x0 + 6, plot.height - plot.margin.top - plot.margin.bottom - 4); }
          c.fillStyle = th.textMuted; c.font = `12px ${th.font}`; c.textAlign = 'center'; c.textBaseline = 'top';
          c.fillText(t('activations.class', { index: i + 1 }), plot.px(i + 0.5), plot.height - plot.margin.bottom + 4);
        }
        c.strokeStyle = th.model; c.lineWidth = 1; c.beginPath(); c.moveTo(plot.px(0), plot.py(0)); c.lineTo(plot.px(4), plot.py(0)); c.stroke();
      });
      return;
    }
    const lo = opts.activation === 'sigmoid' ? -0.2 : -1.5;
    plot.setDomain(-6, 6, lo, opts.activation === 'sigmoid' || opts.activation === 'tanh' ? 1.2 : 6);
    const c = plot.begin();
    plot.axes({ xLabel: t('activations.axis.x'), yLabel: nameOf(opts.activation) });
    if (curve) {
      plot.clipToArea(() => {
        plot.path(Z, Array.from(curve.derivative), { color: th.loss, width: 2, dash: [6, 3] });
        plot.path(Z, Array.from(curve.value), { color: th.model, width: 2.5 });
        if (probeVals) {
          const X = plot.px(probe); const Y = plot.py(probeVals.value[0]);
          // Tangent line with the engine's slope φ′(z) at the probe.
          const s = probeVals.derivative[0];
          plot.segment(probe - 1.2, probeVals.value[0] - 1.2 * s, probe + 1.2, probeVals.value[0] + 1.2 * s, { color: th.accent, width: 1.5 });
          c.beginPath(); c.arc(X, Y, 6, 0, Math.PI * 2); c.fillStyle = th.surface; c.fill(); c.strokeStyle = th.model; c.lineWidth = 2.5; c.stroke();
          if (document.activeElement === plot.canvas) { c.beginPath(); c.arc(X, Y, 11, 0, Math.PI * 2); c.strokeStyle = th.accent; c.lineWidth = 2; c.stroke(); }
        }
      });
    }
    if (chain) {
      const g = Array.from(chain.gradient, (v) => Math.log10(Math.max(Math.abs(v), 1e-30)));
      const ct = chainPlot.theme;
      chainPlot.setDomain(-0.5, opts.depth + 0.5, Math.max(-30, Math.min(-2, ...g) - 0.5), Math.max(1, ...g) + 0.5);
      chainPlot.begin();
      chainPlot.axes({ xLabel: t('activations.chainAxis.x'), yLabel: t('activations.chainAxis.y'), xTicks: 6, yTicks: 4 });
      chainPlot.clipToArea((ctx) => {
        const w = Math.max(2, (chainPlot.px(1) - chainPlot.px(0)) * 0.7);
        g.forEach((v, l) => {
          const X = chainPlot.px(l); const Y0 = chainPlot.py(0); const Y = chainPlot.py(v);
          ctx.fillStyle = v < -6 ? ct.loss : ct.good;
          ctx.fillRect(X - w / 2, Math.min(Y, Y0), w, Math.max(1, Math.abs(Y - Y0)));
        });
      });
    }
  }

  run();

  return {
    update(next) {
      opts = { ...next };
      showOptions({ ...sliders, activation: activationSelect }, opts);
      run();
    },
  };
}
