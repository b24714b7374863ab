// Slope and partial derivative (maths primer): the loss of one point, L(w) = (w x + b − y)², as
// a curve over w with b held fixed. Move w (slider, or drag the dot along the curve) and read the
// tangent's slope ∂L/∂w — the engine's LinearRegression.gradient()[0] — beside the slope of the
// chord from w to w + h, which comes closer to it as h shrinks. Every loss is the engine's loss().
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { slider } from '../lib/ui.js';
import { formatNumber } from '../lib/format.js';
import { messages } from './primer-slope.messages.js';

export const engine = 'core';
export const schema = {
  x: { type: 'number', min: -3, max: 3, default: 2, description: 'The point’s input x.' },
  y: { type: 'number', min: -5, max: 10, default: 5, description: 'The point’s label y.' },
  b: { type: 'number', min: -5, max: 5, default: 1, description: 'The intercept, held fixed.' },
  w: { type: 'number', min: -1, max: 5, default: 1, description: 'The starting slope w.' },
  h: { type: 'number', min: 0.05, max: 2, default: 1, description: 'The run h of the chord from w to w + h.' },
};

export const meta = { title: messages['primer-slope.title'], hint: messages['primer-slope.hint'] };

const W0 = -1; const W1 = 5;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  let w = opts.w;
  let h = opts.h;
  let curve = { ws: [], ls: [] };
  let now = { loss: NaN, grad: NaN, chord: NaN, ahead: NaN };
  const model = ctx.own(new ml.LinearRegression());
  const plot = ctx.own(new Plot(card.stage, { aspect: 0.62, minHeight: 240, maxHeight: 420, domain: [W0, W1, 0, 1], label: t('primer-slope.plot'), onResize: () => ctx.requestDraw(draw) }));
  const wSlider = slider(card.controls, { label: t('primer-slope.slider.w'), min: W0, max: W1, step: 0.1, value: w, format: (v) => formatNumber(v, 1), onInput: (v) => { w = v; compute(); } });
  const hSlider = slider(card.controls, { label: t('primer-slope.slider.h'), min: 0.05, max: 2, step: 0.05, value: h, format: (v) => formatNumber(v, 2), onInput: (v) => { h = v; compute(); } });
  const stat = { loss: card.stat(t('primer-slope.stat.loss')), grad: card.stat(t('primer-slope.stat.grad')), chord: card.stat(t('primer-slope.stat.chord')) };

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
      const ahead = lossAt(w + h);
      const loss = lossAt(w);
      return { loss, ahead, grad: model.gradient()[0], chord: (ahead - loss) / h };
    }, { loss: NaN, grad: NaN, chord: NaN, ahead: NaN });
    stat.loss.set(formatNumber(now.loss, 2));
    stat.grad.set(formatNumber(now.grad, 2));
    stat.chord.set(formatNumber(now.chord, 2));
    const g = formatNumber(now.grad, 2);
    if (Math.abs(now.grad) < 1e-9) card.setMessage(t('primer-slope.flat'), 'ok');
    else if (now.grad < 0) card.setMessage(t('primer-slope.falling', { grad: g, drop: formatNumber(-now.grad, 2) }), 'info');
    else card.setMessage(t('primer-slope.rising', { grad: g }), 'info');
    plot.canvas.setAttribute('aria-label', t('primer-slope.figure', { b: formatNumber(opts.b, 1), w: formatNumber(w, 1), loss: formatNumber(now.loss, 2), grad: g }));
    ctx.requestDraw(draw);
  }

  function draw() {
    plot.refreshTheme();
    const th = plot.theme;
    plot.begin();
    plot.axes({ xLabel: t('primer-slope.axis.x'), yLabel: t('primer-slope.axis.y') });
    plot.clipToArea(() => {
      plot.path(curve.ws, curve.ls, { color: th.loss, width: 2 });
      if (Number.isFinite(now.grad)) plot.segment(W0, now.loss + now.grad * (W0 - w), W1, now.loss + now.grad * (W1 - w), { color: th.model, width: 2 });
      if (Number.isFinite(now.chord)) plot.segment(w - 1, now.loss - now.chord, w + h + 1, now.ahead + now.chord, { color: th.class1, width: 2, dash: [6, 4] });
    });
    if (Number.isFinite(now.ahead)) plot.point(w + h, now.ahead, 1, { hollow: true });
    plot.handle(w, now.loss, { focused: drag.keyboardFocused || drag.grabbed !== null });
  }

  const setW = (v) => { w = Math.round(Math.max(W0, Math.min(W1, v)) * 10) / 10; wSlider.set(w); compute(); };
  const drag = ctx.drag(plot, {
    hit: (pos) => Math.abs(plot.px(pos.x) - plot.px(w)) < 30,
    move: (pos) => setW(pos.x),
    key: (dx) => { if (!dx) return false; setW(w + dx * 0.1); return true; },
    snapshot: () => w,
    restore: (s) => setW(s),
    onFocusChange: () => ctx.requestDraw(draw),
    touchAction: 'pan-y',
  });

  setData();
  compute();
  return {
    update(next) { opts = { ...next }; h = opts.h; hSlider.set(h); setData(); setW(opts.w); },
  };
}
