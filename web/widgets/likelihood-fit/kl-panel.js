// The KL panel of likelihood-fit: two Gaussians P and Q you drag (sideways moves μ, up and down
// changes s), with D_KL(P‖Q), D_KL(Q‖P), H(P) and H(P, Q) = H(P) + D_KL(P‖Q) from the engine.
import { Plot } from '../../lib/plot.js';
import { requestDraw, cancelDraw } from '../../lib/frame.js';
import { attachDrag } from '../../lib/drag.js';
import { button, buttonRow, slider } from '../../lib/ui.js';
import { formatNumber } from '../../lib/format.js';
import { DEFAULT_KL, KL_X_RANGE, KL_S_RANGE } from './data.js';
import { clamp, round, densityCurve, linspace, legend } from './draw.js';

export function buildKl({ ml, card, stateChanged, t }) {
  const dists = { P: { ...DEFAULT_KL.P }, Q: { ...DEFAULT_KL.Q } };
  let active = 'Q';

  const plot = new Plot(card.stage, { aspect: 0.5, minHeight: 220, maxHeight: 380, label: t('likelihood-fit.kl.plot'), onResize: () => requestDraw(draw) });
  legend(card.stage, [t('likelihood-fit.kl.legend')]);

  const buttons = buttonRow(card.controls);
  button(buttons, t('likelihood-fit.kl.swap'), () => { const p = dists.P; dists.P = dists.Q; dists.Q = p; syncSliders(); changed(); });
  button(buttons, t('likelihood-fit.reset'), () => { dists.P = { ...DEFAULT_KL.P }; dists.Q = { ...DEFAULT_KL.Q }; syncSliders(); changed(); });
  const sliders = {};
  for (const name of ['P', 'Q']) {
    sliders[`${name}mu`] = slider(card.controls, { label: t('likelihood-fit.kl.slider.mu', { name }), min: -5, max: 5, step: 0.05, value: dists[name].mu, format: (v) => formatNumber(v, 2), onInput: (v) => { dists[name].mu = v; changed(); } });
    sliders[`${name}s`] = slider(card.controls, { label: t('likelihood-fit.kl.slider.s', { name }), min: KL_S_RANGE[0], max: KL_S_RANGE[1], step: 0.05, value: dists[name].s, format: (v) => formatNumber(v, 2), onInput: (v) => { dists[name].s = v; changed(); } });
  }
  function syncSliders() {
    for (const name of ['P', 'Q']) { sliders[`${name}mu`].set(dists[name].mu); sliders[`${name}s`].set(dists[name].s); }
  }

  const statPQ = card.stat(t('likelihood-fit.kl.stat.pq'));
  const statQP = card.stat(t('likelihood-fit.kl.stat.qp'));
  const statH = card.stat(t('likelihood-fit.kl.stat.h'));
  const statCross = card.stat(t('likelihood-fit.kl.stat.cross'));

  const peakOf = (d) => Math.exp(ml.gaussianLogPdf(d.mu, d.mu, d.s));
  const drag = attachDrag(plot, {
    hit: (pos) => {
      let best = null;
      let bestDist = Infinity;
      for (const name of ['P', 'Q']) {
        const d = dists[name];
        const dx = (plot.px(d.mu) - plot.px(pos.x));
        const dy = (plot.py(peakOf(d)) - plot.py(pos.y));
        const dist = Math.hypot(dx, dy);
        if (dist < 24 && dist < bestDist) { best = name; bestDist = dist; }
      }
      return best;
    },
    grab: (name) => { active = name; },
    move: (pos, name) => {
      const d = dists[name];
      d.mu = round(clamp(pos.x, -5, 5), 0.05);
      // The peak height of N(μ, s²) is 1/(s√(2π)): invert it for s.
      const height = Math.max(1e-3, pos.y);
      d.s = round(clamp(1 / (height * Math.sqrt(2 * Math.PI)), KL_S_RANGE[0], KL_S_RANGE[1]), 0.05);
      syncSliders();
      changed();
    },
    key: (dx, dy) => {
      const d = dists[active];
      d.mu = round(clamp(d.mu + dx * 0.05, -5, 5), 0.05);
      d.s = round(clamp(d.s - dy * 0.05, KL_S_RANGE[0], KL_S_RANGE[1]), 0.05);
      syncSliders();
      changed();
      return true;
    },
    enter: () => { active = active === 'P' ? 'Q' : 'P'; describe(); requestDraw(draw); },
    onFocusChange: () => requestDraw(draw),
  });

  function changed() { report(); requestDraw(draw); stateChanged(); }

  function report() {
    const { P, Q } = dists;
    const pq = ml.gaussianKl(P.mu, P.s, Q.mu, Q.s);
    const qp = ml.gaussianKl(Q.mu, Q.s, P.mu, P.s);
    const h = ml.gaussianEntropy(P.s);
    const cross = ml.gaussianCrossEntropy(P.mu, P.s, Q.mu, Q.s);
    statPQ.set(formatNumber(pq, 3));
    statQP.set(formatNumber(qp, 3));
    statH.set(formatNumber(h, 3));
    statCross.set(formatNumber(cross, 3));
    if (pq < 1e-9) card.setMessage(t('likelihood-fit.kl.same'), 'ok');
    else card.setMessage(t('likelihood-fit.kl.sum', { cross: formatNumber(cross, 3), h: formatNumber(h, 3), pq: formatNumber(pq, 3), qp: formatNumber(qp, 3), equal: Math.abs(pq - qp) < 5e-4 }), 'info');
    describe();
  }

  function describe() {
    const { P, Q } = dists;
    plot.canvas.setAttribute('aria-label', t('likelihood-fit.kl.figure', { pMu: formatNumber(P.mu, 2), pS: formatNumber(P.s, 2), qMu: formatNumber(Q.mu, 2), qS: formatNumber(Q.s, 2), active, other: active === 'P' ? 'Q' : 'P' }));
  }

  function draw() {
    const xs = linspace(KL_X_RANGE[0], KL_X_RANGE[1], 321);
    const p = densityCurve(ml, xs, dists.P.mu, dists.P.s);
    const q = densityCurve(ml, xs, dists.Q.mu, dists.Q.s);
    const top = Math.max(0.5, peakOf(dists.P), peakOf(dists.Q)) * 1.12;
    plot.setDomain(KL_X_RANGE[0], KL_X_RANGE[1], 0, top);
    plot.begin();
    plot.axes({ xLabel: t('likelihood-fit.axis.x'), yLabel: t('likelihood-fit.axis.density') });
    const th = plot.theme;
    plot.clipToArea(() => {
      plot.path(xs, p, { color: th.truth, dash: [6, 4], width: 2.5 });
      plot.path(xs, q, { color: th.model, width: 2.5 });
    });
    for (const name of ['P', 'Q']) {
      const d = dists[name];
      plot.handle(d.mu, peakOf(d), { focused: drag.focused && active === name, color: name === 'P' ? th.truth : th.model });
      plot.text(d.mu, peakOf(d), name, { dx: 11, dy: -4, align: 'left', baseline: 'bottom', weight: 'bold', size: 13 });
    }
  }

  report();
  requestDraw(draw);
  return {
    state: {
      get: () => ({ P: { ...dists.P }, Q: { ...dists.Q } }),
      set(value) {
        const ok = (d) => d && Number.isFinite(d.mu) && Number.isFinite(d.s) && d.mu >= -5 && d.mu <= 5 && d.s >= KL_S_RANGE[0] && d.s <= KL_S_RANGE[1];
        if (!value || !ok(value.P) || !ok(value.Q)) throw new Error(`P and Q each need a mean from −5 to 5 and a spread from ${KL_S_RANGE[0]} to ${KL_S_RANGE[1]}`);
        dists.P = { mu: value.P.mu, s: value.P.s };
        dists.Q = { mu: value.Q.mu, s: value.Q.s };
        syncSliders();
        changed();
      },
    },
    destroy() {
      cancelDraw(draw);
      drag.destroy();
      plot.destroy();
    },
  };
}
