// Activation functions explorer (landscape): the MLP's own activations from the engine
// (activationCurve: φ and φ′), a deep chain of one-unit layers showing how the back-propagated
// gradient shrinks or survives layer by layer (gradientChain), and softmax with a temperature.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { fixed, select, slider } from '../lib/ui.js';
import { formatPercent, scientific } from '../lib/format.js';
import { legend } from '../lib/legend.js';
import { createPrediction } from '../lib/predict.js';

export const schema = {
  activation: { type: 'enum', values: ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'gelu', 'softmax'], default: 'sigmoid', description: 'Activation function shown.' },
  depth: { type: 'int', min: 1, max: 60, default: 20, description: 'Layers in the gradient chain.' },
  weight: { type: 'number', min: -4, max: 4, default: 1, description: 'Weight w of every layer in the chain.' },
  temperature: { type: 'number', min: 0.05, max: 10, default: 1, description: 'Softmax temperature T.' },
};

export const meta = {
  title: 'Activation functions and vanishing gradients',
  hint: 'Pick an activation φ and drag along the curve (or use the arrow keys) to read φ(z) and its slope φ′(z). Below, a chain of layers multiplies one slope per layer: watch the gradient vanish with sigmoid and survive with ReLU. Softmax: drag the logit bars.',
};

const Z = Array.from({ length: 241 }, (_, i) => -6 + i * 0.05);
const NAMES = { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU', 'leaky-relu': 'leaky ReLU', gelu: 'GELU', softmax: 'softmax' };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  let curve = null;
  let chain = null;
  let probe = 1;
  let probeVals = null;
  let logits = [2, 1, 0.2, -1];
  let probs = null;
  let selectedLogit = 0;

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.5, minHeight: 220, maxHeight: 360, label: 'Activation and its derivative', onResize: () => ctx.requestDraw(draw) }));
  plot.canvas.tabIndex = 0;
  plot.canvas.classList.add('dwf-draggable');
  const curveLegend = legend(card.stage, [{ text: 'φ(z)', swatch: 'dwf-swatch dwf-sw-model' }, { text: 'φ′(z), the slope', swatch: 'dwf-swatch dwf-sw-loss' }]);
  const softLegend = legend(card.stage, [{ text: 'logits z (drag)', swatch: 'dwf-swatch dwf-sw-class0' }, { text: 'softmax probabilities', swatch: 'dwf-swatch dwf-sw-class1' }]);
  const chainPlot = ctx.own(new Plot(card.stage, { aspect: 0.3, minHeight: 150, maxHeight: 220, label: 'Gradient reaching each layer of a deep chain (log scale)', onResize: () => ctx.requestDraw(draw) }));
  chainPlot.margin.top = 22; // room for the axis title above the top tick

  select(card.controls, {
    label: 'activation', value: opts.activation, options: Object.entries(NAMES),
    onChange: (v) => { opts.activation = v; run(); },
  });
  const sliders = {
    depth: slider(card.controls, { label: 'layers', min: 1, max: 60, step: 1, value: opts.depth, format: String, onInput: (v) => { opts.depth = v; run(); } }),
    weight: slider(card.controls, { label: 'weight w', min: -4, max: 4, step: 0.05, value: opts.weight, format: (v) => fixed(v, 2), onInput: (v) => { opts.weight = v; run(); } }),
    temperature: slider(card.controls, { label: 'temperature T', min: 0.05, max: 10, step: 0.01, scale: 'log', value: opts.temperature, format: (v) => fixed(v, 2), onInput: (v) => { opts.temperature = v; run(); } }),
  };
  const stat = { z: card.stat('z'), f: card.stat('φ(z)'), d: card.stat('φ′(z)'), g: card.stat('gradient at layer 0') };

  const isSoft = () => opts.activation === 'softmax';

  // Predict, then check: does a bigger weight carry more gradient back through a sigmoid chain?
  // Judged from the engine's gradient at layer 0 when w reaches 4, against its value at w = 1.
  let before = null; // { g, depth } when the prediction was locked in
  const gradientAt0 = () => (chain ? Math.abs(chain.gradient[0]) : NaN);
  const showG = (g) => (g !== 0 && (g < 1e-3 || g >= 1e4) ? scientific(g, 2) : fixed(g, 4));
  const prediction = createPrediction(ctx, {
    id: 'activations-sigmoid-w4',
    question: 'With sigmoid, raising w from 1 to 4 makes the gradient at layer 0…',
    choices: [['larger', 'larger'], ['same', 'about the same'], ['smaller', 'smaller']],
    ready: () => (opts.activation === 'sigmoid' && Math.abs(opts.weight - 1) < 1e-9 && chain ? null : 'Choose sigmoid and set w to 1 first.'),
    onCommit: () => { before = { g: gradientAt0(), depth: opts.depth }; },
    next: 'Now raise the weight w to 4 and read the gradient at layer 0.',
  });
  function judgeWeight() {
    if (prediction.pending === null || !before) return;
    if (opts.activation !== 'sigmoid' || opts.depth !== before.depth) { prediction.reset('The activation or the number of layers changed: the prediction no longer applies. Predict again.'); before = null; return; }
    if (Math.abs(opts.weight - 4) > 1e-9 || !chain) return;
    const g = gradientAt0();
    const ratio = g / before.g;
    prediction.settle(ratio > 1.01 ? 'larger' : ratio < 0.99 ? 'smaller' : 'same', `Through ${opts.depth} layers the gradient went from ${showG(before.g)} at w = 1 to ${showG(g)} at w = 4. The big weight pushes every later z up to about 3.9, where the sigmoid is flat, so each factor w·σ′(z) falls to about 0.08.`);
    before = null;
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
      stat.z.set(`z${selectedLogit + 1} = ${fixed(logits[selectedLogit], 2)}`);
      stat.f.set(probs ? fixed(probs[selectedLogit], 3) : '–');
      stat.d.set('–'); stat.g.set('–');
      if (probs) {
        const top = probs.indexOf(Math.max(...probs));
        card.setMessage(`softmax(z/T) with T = ${fixed(opts.temperature, 2)}: class ${top + 1} gets ${formatPercent(probs[top], 1)}. ${opts.temperature < 0.3 ? 'A low temperature makes it nearly an arg-max.' : opts.temperature > 3 ? 'A high temperature flattens it towards uniform.' : 'Adding the same number to every logit changes nothing.'}`, 'info');
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
      let verdict;
      if (g0 < 1e-6) verdict = 'Vanished: the first layers would learn essentially nothing.';
      else if (g0 > 1e6 || !Number.isFinite(g0)) verdict = 'Exploded: the first layers would take enormous steps.';
      else if (g0 < 0.01) verdict = 'Shrinking fast: the early layers learn far more slowly than the late ones.';
      else if (g0 > 100) verdict = 'Exploding: the first layers would take far larger steps than the last ones.';
      else verdict = 'The gradient survives the trip back through the layers.';
      card.setMessage(`${NAMES[opts.activation]} through ${opts.depth} layers with w = ${fixed(opts.weight, 2)}: each layer multiplies the gradient by w·φ′(z). It reaches layer 0 at ${gText}. ${verdict}`, g0 < 1e-6 || g0 > 100 ? 'warn' : 'info');
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
        logits[i] = Math.max(-5, Math.min(5, p.y));
        run();
      } else {
        probe = Math.max(-6, Math.min(6, p.x));
        readProbe();
      }
    },
    key: (dx, dy) => {
      if (isSoft()) {
        if (dx) selectedLogit = (selectedLogit + Math.sign(dx) + 4) % 4;
        else logits[selectedLogit] = Math.max(-5, Math.min(5, logits[selectedLogit] + dy * 0.1));
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
    const t = plot.theme;
    if (isSoft()) {
      plot.setDomain(0, 4, -5, 5);
      const c = plot.begin();
      plot.axes({ yLabel: 'logit z  ·  probability × 5', xTicks: 0, yTicks: 5 });
      plot.clipToArea(() => {
        for (let i = 0; i < 4; i++) {
          const x0 = plot.px(i + 0.12); const x1 = plot.px(i + 0.48);
          c.fillStyle = t.class0; c.fillRect(x0, Math.min(plot.py(0), plot.py(logits[i])), x1 - x0, Math.abs(plot.py(logits[i]) - plot.py(0)));
          if (probs) {
            const p0 = plot.px(i + 0.52); const p1 = plot.px(i + 0.88);
            c.fillStyle = t.class1; c.fillRect(p0, plot.py(probs[i] * 5), p1 - p0, plot.py(0) - plot.py(probs[i] * 5));
            c.fillStyle = t.text; c.font = `12px ${t.mono}`; c.textAlign = 'center'; c.textBaseline = 'bottom';
            c.fillText(fixed(probs[i], 2), (p0 + p1) / 2, plot.py(probs[i] * 5) - 2);
          }
          if (i === selectedLogit && document.activeElement === plot.canvas) { c.strokeStyle = t.accent; c.lineWidth = 2; c.strokeRect(x0 - 3, plot.margin.top + 2, plot.px(i + 0.9) - x0 + 6, plot.height - plot.margin.top - plot.margin.bottom - 4); }
          c.fillStyle = t.textMuted; c.font = `12px ${t.font}`; c.textAlign = 'center'; c.textBaseline = 'top';
          c.fillText(`class ${i + 1}`, plot.px(i + 0.5), plot.height - plot.margin.bottom + 4);
        }
        c.strokeStyle = t.model; c.lineWidth = 1; c.beginPath(); c.moveTo(plot.px(0), plot.py(0)); c.lineTo(plot.px(4), plot.py(0)); c.stroke();
      });
      return;
    }
    const lo = opts.activation === 'sigmoid' ? -0.2 : -1.5;
    plot.setDomain(-6, 6, lo, opts.activation === 'sigmoid' || opts.activation === 'tanh' ? 1.2 : 6);
    const c = plot.begin();
    plot.axes({ xLabel: 'z', yLabel: NAMES[opts.activation] });
    if (curve) {
      plot.clipToArea(() => {
        plot.path(Z, Array.from(curve.derivative), { color: t.loss, width: 2, dash: [6, 3] });
        plot.path(Z, Array.from(curve.value), { color: t.model, width: 2.5 });
        if (probeVals) {
          const X = plot.px(probe); const Y = plot.py(probeVals.value[0]);
          // Tangent line with the engine's slope φ′(z) at the probe.
          const s = probeVals.derivative[0];
          plot.segment(probe - 1.2, probeVals.value[0] - 1.2 * s, probe + 1.2, probeVals.value[0] + 1.2 * s, { color: t.accent, width: 1.5 });
          c.beginPath(); c.arc(X, Y, 6, 0, Math.PI * 2); c.fillStyle = t.surface; c.fill(); c.strokeStyle = t.model; c.lineWidth = 2.5; c.stroke();
          if (document.activeElement === plot.canvas) { c.beginPath(); c.arc(X, Y, 11, 0, Math.PI * 2); c.strokeStyle = t.accent; c.lineWidth = 2; c.stroke(); }
        }
      });
    }
    if (chain) {
      const g = Array.from(chain.gradient, (v) => Math.log10(Math.max(Math.abs(v), 1e-30)));
      const ct = chainPlot.theme;
      chainPlot.setDomain(-0.5, opts.depth + 0.5, Math.max(-30, Math.min(-2, ...g) - 0.5), Math.max(1, ...g) + 0.5);
      chainPlot.begin();
      chainPlot.axes({ xLabel: 'layer (0 = input, gradient flows right to left)', yLabel: 'log₁₀ |∂a_L/∂a_l|', xTicks: 6, yTicks: 4 });
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
      sliders.depth.set(opts.depth); sliders.weight.set(opts.weight); sliders.temperature.set(opts.temperature);
      run();
    },
  };
}
