// The coin panel of likelihood-fit: heads and tails you add, the log-likelihood curve
// ℓ(p) = heads·ln p + tails·ln(1 − p) with its peak at heads/n, and your p as a handle.
import { attempt } from '../../lib/widget.js';
import { Plot } from '../../lib/plot.js';
import { requestDraw, cancelDraw } from '../../lib/frame.js';
import { attachDrag } from '../../lib/drag.js';
import { button, buttonRow, el, slider } from '../../lib/ui.js';
import { formatNumber } from '../../lib/format.js';
import { COIN_WINDOW, DEFAULT_FLIPS, P_RANGE, P_STEP, bestCoinStop, countFlips, shareOutside } from './data.js';
import { clamp, round, linspace, star, legend } from './draw.js';

export function buildCoin({ ml, card, options, stateChanged, t }) {
  let flips = DEFAULT_FLIPS;
  let p = 0.5;
  let batches = 0; // how many times "Flip 10" was pressed: each batch uses seed + batch

  const plot = new Plot(card.stage, { aspect: 0.5, minHeight: 220, maxHeight: 380, label: t('likelihood-fit.coin.plot'), onResize: () => requestDraw(draw) });
  legend(card.stage, [t('likelihood-fit.coin.legend')]);
  const flipsLine = el('p', { className: 'dw-legend', 'aria-live': 'polite' });
  card.stage.append(flipsLine);

  const buttons = buttonRow(card.controls);
  button(buttons, t('likelihood-fit.coin.heads'), () => addFlips('H'));
  button(buttons, t('likelihood-fit.coin.tails'), () => addFlips('T'));
  button(buttons, t('likelihood-fit.coin.flip10'), () => {
    const draws = attempt(card, () => ml.sampleDraws('coin', 10, (options.seed + batches) % 2147483647), null);
    batches += 1;
    if (draws) addFlips([...draws].map((v) => (v === 1 ? 'H' : 'T')).join(''));
  });
  button(buttons, t('likelihood-fit.coin.removeLast'), () => { flips = flips.slice(0, -1); changed(); });
  button(buttons, t('likelihood-fit.reset'), () => { flips = DEFAULT_FLIPS; batches = 0; setP(0.5); changed(); });
  const pSlider = slider(card.controls, { label: t('likelihood-fit.coin.slider.p'), min: P_RANGE[0], max: P_RANGE[1], step: P_STEP, value: p, format: (v) => formatNumber(v, 2), onInput: (v) => setP(v) });

  const statHeads = card.stat(t('likelihood-fit.coin.stat.heads'));
  const statTails = card.stat(t('likelihood-fit.coin.stat.tails'));
  const statHat = card.stat(t('likelihood-fit.coin.stat.hat'));
  const statLl = card.stat(t('likelihood-fit.coin.stat.ll'));
  const statMax = card.stat(t('likelihood-fit.stat.max'));

  const drag = attachDrag(plot, {
    move: (pos) => setP(pos.x),
    key: (dx) => { if (!dx) return false; setP(p + dx * 0.01); return true; },
    touchAction: 'pan-y',
    onFocusChange: () => requestDraw(draw),
  });

  function addFlips(text) {
    if (flips.length + text.length > 1000) { card.setMessage(t('likelihood-fit.coin.full'), 'info'); return; }
    flips += text;
    changed();
  }
  function setP(v) {
    p = round(clamp(v, P_RANGE[0], P_RANGE[1]), P_STEP);
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
    flipsLine.textContent = n ? t('likelihood-fit.coin.flips', { count: n, shown }) : t('likelihood-fit.coin.noFlips');
    if (!n) card.setMessage(t('likelihood-fit.coin.empty'), 'info');
    else {
      // Judged against the best p the slider reaches: p̂ itself when it is one of the slider's stops,
      // else the nearest good stop (p̂ beyond an end, or between two stops); the message says which.
      const best = bestCoinStop(heads, tails);
      const reachable = ml.bernoulliLogLikelihood(heads, tails, best);
      const gap = reachable - ll;
      const side = shareOutside(hat);
      const shown = { hat: formatNumber(hat, 3), best: formatNumber(best, 2), step: formatNumber(P_STEP, 2) };
      // At the best only when the slider shows the best stop itself: one stop off, ℓ(p) can be
      // within a few thousandths of the maximum and still show a lower number (p = 0.69 for 7
      // heads of 10: −6.111 against −6.109). A gap too small for 3 decimals gets one significant digit.
      const atBest = formatNumber(p, 2) === shown.best;
      const gapText = (g) => formatNumber(g, 3, { significant: 1 });
      if (max - reachable <= 0.005) {
        if (atBest) card.setMessage(t('likelihood-fit.coin.atPeak', { p: formatNumber(hat, 2), heads: formatNumber(heads, 0), n: formatNumber(n, 0) }), 'ok');
        else card.setMessage(t('likelihood-fit.coin.below', { gap: gapText(max - ll), close: Math.abs(p - best) <= P_STEP + 1e-9, best: shown.best }), 'info');
      } else if (side) {
        if (atBest) card.setMessage(t('likelihood-fit.coin.edgeAt', { side, hat: shown.hat, edge: shown.best }), 'ok');
        else card.setMessage(t('likelihood-fit.coin.edgeBelow', { gap: gapText(gap), hat: shown.hat, edge: shown.best }), 'info');
      } else if (atBest) card.setMessage(t('likelihood-fit.coin.stopAt', { hat: shown.hat, best: shown.best, step: shown.step }), 'ok');
      else card.setMessage(t('likelihood-fit.coin.stopBelow', { gap: gapText(gap), hat: shown.hat, best: shown.best, step: shown.step }), 'info');
    }
    plot.canvas.setAttribute('aria-label', t('likelihood-fit.coin.figure', { heads: formatNumber(heads, 0), tails: formatNumber(tails, 0), hat: formatNumber(hat, 2), p: formatNumber(p, 2), ll: formatNumber(ll, 3) }));
  }

  function draw() {
    const { heads, tails } = countFlips(flips);
    const n = heads + tails;
    const ps = linspace(P_RANGE[0], P_RANGE[1], 197);
    const lls = ps.map((q) => ml.bernoulliLogLikelihood(heads, tails, q));
    const hat = n ? heads / n : 0.5;
    const max = n ? ml.bernoulliLogLikelihood(heads, tails, clamp(hat, P_RANGE[0], P_RANGE[1])) : 0;
    const span = COIN_WINDOW;
    plot.setDomain(0, 1, max - span, max + span * 0.08);
    plot.begin();
    plot.axes({ xLabel: t('likelihood-fit.coin.axis.p'), yLabel: t('likelihood-fit.coin.axis.ll') });
    const th = plot.theme;
    plot.clipToArea(() => {
      plot.path(ps, lls, { color: th.model, width: 2.5 });
      if (n) plot.segment(hat, max - span, hat, max, { color: th.accent, dash: [4, 4], width: 1.5 });
    });
    if (n) star(plot, hat, ml.bernoulliLogLikelihood(heads, tails, hat), th.accent);
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
