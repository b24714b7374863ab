// The coin panel of likelihood-fit: heads and tails you add, the log-likelihood curve
// ℓ(p) = heads·ln p + tails·ln(1 − p) with its peak at heads/n, and your p as a handle.
import { attempt } from '../../lib/widget.js';
import { Plot } from '../../lib/plot.js';
import { requestDraw, cancelDraw } from '../../lib/frame.js';
import { attachDrag } from '../../lib/drag.js';
import { button, buttonRow, el, slider } from '../../lib/ui.js';
import { countOf, formatNumber } from '../../lib/format.js';
import { COIN_WINDOW, DEFAULT_FLIPS, countFlips } from './data.js';
import { clamp, round, linspace, star, legend } from './draw.js';

export function buildCoin({ ml, card, options, stateChanged }) {
  let flips = DEFAULT_FLIPS;
  let p = 0.5;
  let batches = 0; // how many times "Flip 10" was pressed: each batch uses seed + batch

  const plot = new Plot(card.stage, { aspect: 0.5, minHeight: 220, maxHeight: 380, label: 'Log-likelihood of the coin flips against p', onResize: () => requestDraw(draw) });
  legend(card.stage, ['curve: ℓ(p) = heads·ln p + tails·ln(1 − p)', 'star: maximum at p̂ = heads/n', 'ring: your p']);
  const flipsLine = el('p', { className: 'dw-legend', 'aria-live': 'polite' });
  card.stage.append(flipsLine);

  const buttons = buttonRow(card.controls);
  button(buttons, 'Heads', () => addFlips('H'));
  button(buttons, 'Tails', () => addFlips('T'));
  button(buttons, 'Flip 10 (fair coin)', () => {
    const draws = attempt(card, () => ml.sampleDraws('coin', 10, (options.seed + batches) % 2147483647), null);
    batches += 1;
    if (draws) addFlips([...draws].map((v) => (v === 1 ? 'H' : 'T')).join(''));
  });
  button(buttons, 'Remove last', () => { flips = flips.slice(0, -1); changed(); });
  button(buttons, 'Reset', () => { flips = DEFAULT_FLIPS; batches = 0; setP(0.5); changed(); });
  const pSlider = slider(card.controls, { label: 'your p (chance of heads)', min: 0.01, max: 0.99, step: 0.01, value: p, format: (v) => formatNumber(v, 2), onInput: (v) => setP(v) });

  const statHeads = card.stat('heads');
  const statTails = card.stat('tails');
  const statHat = card.stat('p̂ = heads/n');
  const statLl = card.stat('your ℓ(p)');
  const statMax = card.stat('maximum ℓ');

  const drag = attachDrag(plot, {
    move: (pos) => setP(pos.x),
    key: (dx) => { if (!dx) return false; setP(p + dx * 0.01); return true; },
    touchAction: 'pan-y',
    onFocusChange: () => requestDraw(draw),
  });

  function addFlips(text) {
    if (flips.length + text.length > 1000) { card.setMessage('The widget keeps at most 1000 flips.', 'info'); return; }
    flips += text;
    changed();
  }
  function setP(v) {
    p = round(clamp(v, 0.01, 0.99), 0.01);
    pSlider.set(p);
    report();
    requestDraw(draw);
    stateChanged();
  }
  function changed() { report(); requestDraw(draw); stateChanged(); }

  function report() {
    const { heads, tails } = countFlips(flips);
    const n = heads + tails;
    const hat = n ? ml.categoricalFit([heads, tails])[0] : NaN;
    const ll = ml.bernoulliLogLikelihood(heads, tails, p);
    const max = n ? ml.bernoulliLogLikelihood(heads, tails, hat) : NaN;
    statHeads.set(formatNumber(heads, 0));
    statTails.set(formatNumber(tails, 0));
    statHat.set(formatNumber(hat, 3));
    statLl.set(formatNumber(ll, 3));
    statMax.set(formatNumber(max, 3));
    const shown = flips.length > 60 ? `… ${flips.slice(-60).split('').join(' ')}` : flips.split('').join(' ');
    flipsLine.textContent = n ? `${countOf(n, 'flip')}: ${shown}` : 'No flips yet.';
    if (!n) card.setMessage('Add flips with Heads and Tails: with none, every p explains the data equally well (ℓ = 0).', 'info');
    else if (max - ll <= 0.005) card.setMessage(`At the peak: p = ${formatNumber(hat, 2)} is the share of heads, ${formatNumber(heads, 0)} of ${formatNumber(n, 0)}.`, 'ok');
    else card.setMessage(`ℓ(p) is ${formatNumber(max - ll, 3)} below its maximum. Drag the ring along the curve or use the slider.`, 'info');
    plot.canvas.setAttribute('aria-label', `Log-likelihood curve for ${formatNumber(heads, 0)} heads and ${formatNumber(tails, 0)} tails; maximum at p = ${formatNumber(hat, 2)}; your p = ${formatNumber(p, 2)} gives ${formatNumber(ll, 3)}. Left and right arrows move p.`);
  }

  function draw() {
    const { heads, tails } = countFlips(flips);
    const n = heads + tails;
    const ps = linspace(0.01, 0.99, 197);
    const lls = ps.map((q) => ml.bernoulliLogLikelihood(heads, tails, q));
    const hat = n ? heads / n : 0.5;
    const max = n ? ml.bernoulliLogLikelihood(heads, tails, clamp(hat, 0.01, 0.99)) : 0;
    const span = COIN_WINDOW;
    plot.setDomain(0, 1, max - span, max + span * 0.08);
    plot.begin();
    plot.axes({ xLabel: 'p', yLabel: 'log-likelihood ℓ(p)' });
    const t = plot.theme;
    plot.clipToArea(() => {
      plot.path(ps, lls, { color: t.model, width: 2.5 });
      if (n) plot.segment(hat, max - span, hat, max, { color: t.accent, dash: [4, 4], width: 1.5 });
    });
    if (n) star(plot, hat, ml.bernoulliLogLikelihood(heads, tails, hat), t.accent);
    plot.handle(p, clamp(ml.bernoulliLogLikelihood(heads, tails, p), max - span, max + span * 0.08), { focused: drag.focused });
  }

  report();
  requestDraw(draw);
  return {
    state: {
      get: () => ({ flips, p }),
      set(value) {
        if (!value || typeof value.flips !== 'string' || !/^[HT]{0,1000}$/.test(value.flips)) throw new Error('flips must be a string of H and T (at most 1000)');
        if (!Number.isFinite(value.p)) throw new Error('p must be a number');
        flips = value.flips;
        setP(value.p);
      },
    },
    destroy() {
      cancelDraw(draw);
      drag.destroy();
      plot.destroy();
    },
  };
}
