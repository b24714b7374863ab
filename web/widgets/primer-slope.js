// Slope and partial derivative (maths primer): the loss of one point, L(w) = (w x + b − y)², as
// a curve over w with b held fixed. Move w (slider, or drag the dot along the curve) and read the
// tangent's slope ∂L/∂w — the engine's LinearRegression.gradient()[0] — beside the slope of a
// short chord from w to w + 0.1, which comes close to it. Every loss is the engine's loss().
import { mountWidget, attempt } from '../lib/widget.js';
import { requestDraw, cancelDraw } from '../lib/frame.js';
import { Plot } from '../lib/plot.js';
import { attachDrag } from '../lib/drag.js';
import { slider } from '../lib/ui.js';
import { formatNumber } from '../lib/format.js';

export const schema = {
  x: { type: 'number', min: -3, max: 3, default: 2, description: 'The point’s input x.' },
  y: { type: 'number', min: -5, max: 10, default: 5, description: 'The point’s label y.' },
  b: { type: 'number', min: -5, max: 5, default: 1, description: 'The intercept, held fixed.' },
  w: { type: 'number', min: -1, max: 5, default: 1, description: 'The starting slope w.' },
};

export const meta = {
  title: 'The slope of the loss: ∂L/∂w',
  hint: 'Move w with the slider, or drag the dot along the curve (arrow keys when the figure has focus). The solid line touches the curve; its slope is ∂L/∂w.',
};

const W0 = -1; const W1 = 5; const H = 0.1;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build({ ml, card, options }) {
  let opts = { ...options };
  let w = opts.w;
  let curve = { ws: [], ls: [] };
  let now = { loss: NaN, grad: NaN, chord: NaN, ahead: NaN };
  const model = new ml.LinearRegression();
  const plot = new Plot(card.stage, { aspect: 0.62, minHeight: 240, maxHeight: 420, domain: [W0, W1, 0, 1], label: 'The loss L(w) with its tangent', onResize: () => requestDraw(draw) });
  const wSlider = slider(card.controls, { label: 'w', min: W0, max: W1, step: 0.1, value: w, format: (v) => formatNumber(v, 1), onInput: (v) => { w = v; compute(); } });
  const stat = { loss: card.stat('L(w)'), grad: card.stat('∂L/∂w'), chord: card.stat('chord slope, w to w + 0.1') };

  const lossAt = (v) => { model.setParams([v, opts.b]); return model.loss(); };
  function setData() {
    attempt(card, () => model.setData([opts.x], 1, [opts.y]));
    curve = { ws: [], ls: [] };
    for (let i = 0; i <= 120; i++) { const v = W0 + (i / 120) * (W1 - W0); curve.ws.push(v); curve.ls.push(attempt(card, () => lossAt(v), NaN)); }
    const top = Math.max(1, ...curve.ls.filter(Number.isFinite));
    plot.setDomain(W0, W1, -0.08 * top, 1.05 * top);
  }

  function compute() {
    now = attempt(card, () => {
      const ahead = lossAt(w + H);
      const loss = lossAt(w);
      return { loss, ahead, grad: model.gradient()[0], chord: (ahead - loss) / H };
    }, { loss: NaN, grad: NaN, chord: NaN, ahead: NaN });
    stat.loss.set(formatNumber(now.loss, 2));
    stat.grad.set(formatNumber(now.grad, 2));
    stat.chord.set(formatNumber(now.chord, 2));
    const g = formatNumber(now.grad, 2);
    if (Math.abs(now.grad) < 1e-9) card.setMessage(`∂L/∂w = 0: the tangent is flat. This w is the bottom of the curve.`, 'ok');
    else if (now.grad < 0) card.setMessage(`∂L/∂w = ${g}: the loss falls as w grows, about ${formatNumber(-now.grad, 2)} for each unit (while the step is small). Increase w to go downhill.`, 'info');
    else card.setMessage(`∂L/∂w = ${g}: the loss rises as w grows, about ${g} for each unit (while the step is small). Decrease w to go downhill.`, 'info');
    plot.canvas.setAttribute('aria-label', `Loss curve over w with b = ${formatNumber(opts.b, 1)}; at w = ${formatNumber(w, 1)} the loss is ${formatNumber(now.loss, 2)} and the slope ${g}`);
    requestDraw(draw);
  }

  function draw() {
    plot.refreshTheme();
    const th = plot.theme;
    plot.begin();
    plot.axes({ xLabel: 'w', yLabel: 'L(w)' });
    plot.clipToArea(() => {
      plot.path(curve.ws, curve.ls, { color: th.loss, width: 2 });
      if (Number.isFinite(now.grad)) plot.segment(W0, now.loss + now.grad * (W0 - w), W1, now.loss + now.grad * (W1 - w), { color: th.model, width: 2 });
      if (Number.isFinite(now.chord)) plot.segment(w - 1, now.loss - now.chord, w + 1.1, now.loss + now.chord * 1.1, { color: th.truth, width: 1.5, dash: [5, 4] });
    });
    plot.handle(w, now.loss, { focused: drag.focused || drag.grabbed !== null });
  }

  const setW = (v) => { w = Math.round(Math.max(W0, Math.min(W1, v)) * 10) / 10; wSlider.set(w); compute(); };
  const drag = attachDrag(plot, {
    hit: (pos) => Math.abs(plot.px(pos.x) - plot.px(w)) < 30,
    move: (pos) => setW(pos.x),
    key: (dx) => { if (!dx) return false; setW(w + dx * 0.1); return true; },
    snapshot: () => w,
    restore: (s) => setW(s),
    onFocusChange: () => requestDraw(draw),
    touchAction: 'pan-y',
  });

  setData();
  compute();
  return {
    update(next) { opts = { ...next }; setData(); setW(opts.w); },
    destroy() { cancelDraw(draw); drag.destroy(); plot.destroy(); model.delete(); },
  };
}
