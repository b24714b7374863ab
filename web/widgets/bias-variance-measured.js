// The bias–variance decomposition measured (Frontier lesson): the engine's biasVariance draws
// many training sets from y = sin x + noise, refits a k-nearest-neighbour regressor on each and
// measures, on a grid of x, the squared bias of the average fit, the variance of the fits
// around it, and the expected squared error against fresh noisy targets.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot, drawBars } from '../lib/plot.js';
import { button, buttonRow, checkbox, fixed, slider } from '../lib/ui.js';
import { formatNumber, readShown } from '../lib/format.js';
import { legend } from '../lib/legend.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './bias-variance-measured.messages.js';

export const schema = {
  k: { type: 'int', min: 1, max: 30, default: 5, description: 'Neighbours averaged by the k-NN regressor.' },
  noise: { type: 'number', min: 0, max: 1, default: 0.3, description: 'Noise standard deviation s of the targets.' },
  sampleSize: { type: 'int', min: 10, max: 200, default: 30, description: 'Training points per resample.' },
  refits: { type: 'int', min: 10, max: 400, default: 100, description: 'Number of resampled training sets.' },
  fixedX: { type: 'boolean', default: true, description: 'Keep the same x positions in every resample (only the noise is redrawn).' },
  seed: { type: 'int', min: 0, max: 100000, default: 1, description: 'Seed for the resamples.' },
};

export const meta = { title: messages['bias-variance-measured.title'], hint: messages['bias-variance-measured.hint'] };

const GRID = 60;
const SHOWN = 30; // fitted curves drawn

// The four estimates and the two numbers worked out from them, as the learner reads them: the sum
// adds the three terms as shown and the difference subtracts the shown sum from the shown expected
// error (0.1842 − 0.1829 reads 0.0013), so both check out by hand.
export function shownTerms({ meanBias2, meanVariance, noiseVariance, meanExpectedError }) {
  const shown = (v) => formatNumber(v, 4);
  const bias = shown(meanBias2);
  const variance = shown(meanVariance);
  const noise = shown(noiseVariance);
  const expected = shown(meanExpectedError);
  const sum = shown(readShown(bias) + readShown(variance) + readShown(noise));
  const difference = shown(Math.abs(readShown(expected) - readShown(sum)));
  return { bias, variance, noise, sum, expected, difference };
}

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const knn = ctx.own(new ml.KNearestNeighbors());
  let result = null;

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.5, minHeight: 220, maxHeight: 380, label: t('bias-variance-measured.plot'), onResize: () => ctx.requestDraw(draw) }));
  legend(card.stage, [{ text: t('bias-variance-measured.legend.truth'), swatch: 'dw-swatch dw-swatch-truth' }, { text: t('bias-variance-measured.legend.fit'), swatch: 'dw-swatch bias-variance-measured-swatch-faint' }, { text: t('bias-variance-measured.legend.mean'), swatch: 'dw-swatch dw-swatch-line-model' }]);
  const bars = ctx.own(new Plot(card.stage, { aspect: 0.26, minHeight: 140, maxHeight: 190, label: t('bias-variance-measured.bars'), onResize: () => ctx.requestDraw(draw) }));
  bars.margin.top = 22; // room for the axis title above the top tick

  const row = buttonRow(card.controls);
  button(row, t('bias-variance-measured.resample'), () => { opts.seed += 1; voidPrediction(); run(); }, { primary: true });
  const sliders = {
    k: slider(card.controls, { label: t('bias-variance-measured.slider.k'), min: 1, max: 30, step: 1, value: opts.k, format: String, onInput: (v) => { opts.k = v; run(); } }),
    noise: slider(card.controls, { label: t('bias-variance-measured.slider.noise'), min: 0, max: 1, step: 0.05, value: opts.noise, format: (v) => fixed(v, 2), onInput: (v) => { opts.noise = v; voidPrediction(); run(); } }),
    sampleSize: slider(card.controls, { label: t('bias-variance-measured.slider.sampleSize'), min: 10, max: 200, step: 1, value: opts.sampleSize, format: String, onInput: (v) => { opts.sampleSize = v; voidPrediction(); run(); } }),
  };
  const fixedBox = checkbox(card.controls, { label: t('bias-variance-measured.fixedX'), checked: opts.fixedX, onChange: (v) => { opts.fixedX = v; voidPrediction(); run(); } });
  const stat = {
    bias: card.stat(t('bias-variance-measured.stat.bias')), variance: card.stat(t('bias-variance-measured.stat.variance')), noise: card.stat(t('bias-variance-measured.stat.noise')),
    sum: card.stat(t('bias-variance-measured.stat.sum')), expected: card.stat(t('bias-variance-measured.stat.expected')),
  };

  // Predict, then check: which k has the smallest expected error? Committed before sliding; once
  // the learner has tried both ends (k = 1 and the largest k), judged from the engine's
  // biasVariance at every k with the same resamples.
  const kMax = () => Math.min(30, opts.sampleSize);
  let tried = null;
  const prediction = createPrediction(ctx, {
    id: 'bias-variance-best-k',
    question: t('bias-variance-measured.predict.question'),
    numeric: { label: t('bias-variance-measured.predict.unit'), tolerance: 1, min: 1, max: 30, digits: 0, integer: true },
    onCommit: () => { tried = new Set([opts.k]); },
    next: () => t('bias-variance-measured.predict.next', { k: kMax() }),
  });
  function voidPrediction() { tried = null; prediction.reset(t('bias-variance-measured.predict.changed')); }
  function judgeBestK() {
    if (prediction.pending === null || !tried) return;
    tried.add(opts.k);
    if (!tried.has(1) || !tried.has(kMax())) return;
    const totals = attempt(card, () => {
      const out = [];
      for (let k = 1; k <= kMax(); k++) {
        knn.setK(k);
        out.push(ml.biasVariance(knn, null, { noise: opts.noise, sampleSize: opts.sampleSize, refits: opts.refits, gridSize: GRID, seed: opts.seed, maxSteps: 1, fixedX: opts.fixedX }).meanExpectedError);
      }
      knn.setK(opts.k);
      return out;
    }, null);
    if (!totals) return;
    const best = totals.indexOf(Math.min(...totals)) + 1;
    tried = null;
    prediction.settle(best, t('bias-variance-measured.predict.why', { best, bestError: fixed(totals[best - 1], 4), oneError: fixed(totals[0], 4), k: kMax(), kError: fixed(totals[kMax() - 1], 4) }));
  }

  function run() {
    if (opts.k > opts.sampleSize) {
      result = null;
      card.setMessage(t('bias-variance-measured.tooLarge', { k: opts.k, n: opts.sampleSize }), 'warn');
      for (const s of Object.values(stat)) s.set('–');
      ctx.requestDraw(draw);
      return;
    }
    result = attempt(card, () => {
      knn.setMode('regress');
      knn.setK(opts.k);
      return ml.biasVariance(knn, null, { noise: opts.noise, sampleSize: opts.sampleSize, refits: opts.refits, gridSize: GRID, seed: opts.seed, maxSteps: 1, fixedX: opts.fixedX });
    }, null);
    if (!result) { ctx.requestDraw(draw); return; }
    const shown = shownTerms(result);
    stat.bias.set(shown.bias);
    stat.variance.set(shown.variance);
    stat.noise.set(shown.noise);
    stat.sum.set(shown.sum);
    stat.expected.set(shown.expected);
    const leader = result.meanBias2 > result.meanVariance ? t('bias-variance-measured.leader.bias') : t('bias-variance-measured.leader.variance');
    judgeBestK();
    card.setMessage(t('bias-variance-measured.summary', { k: opts.k, leader, refits: result.refits, sum: shown.sum, expected: shown.expected, difference: shown.difference }), 'info');
    ctx.requestDraw(draw);
  }

  function draw() {
    const th = plot.theme;
    plot.setDomain(0, 2 * Math.PI, -1.8, 1.8);
    const ctx = plot.begin();
    plot.axes({ xLabel: t('bias-variance-measured.axis.x'), yLabel: t('bias-variance-measured.axis.y') });
    if (result) {
      const xs = Array.from(result.x);
      plot.clipToArea(() => {
        ctx.globalAlpha = 0.22;
        for (let r = 0; r < Math.min(SHOWN, result.refits); r++) plot.path(xs, Array.from(result.predictions.subarray(r * GRID, (r + 1) * GRID)), { color: th.class1, width: 1 });
        ctx.globalAlpha = 1;
        plot.path(xs, Array.from(result.truth), { color: th.truth, width: 2.5, dash: [7, 5] });
        plot.path(xs, Array.from(result.meanPrediction), { color: th.model, width: 2.5 });
      });
    }
    const b = bars.theme;
    const vals = result ? [result.meanBias2, result.meanVariance, result.noiseVariance, result.meanExpectedError] : [];
    const hi = Math.max(0.05, ...vals) * 1.25;
    bars.setDomain(0, 4, 0, hi);
    bars.begin();
    bars.axes({ yLabel: t('bias-variance-measured.bars.axis'), xTicks: 0, yTicks: 3 });
    if (result) {
      const labels = ['bias', 'variance', 'noise', 'expected'].map((k) => t(`bias-variance-measured.bar.${k}`));
      const colors = [b.loss, b.class1, b.truth, b.model];
      vals.forEach((v, i) => {
        bars.ctx.save();
        drawBars(bars, vals.map((u, j) => (j === i ? u : NaN)), { color: colors[i], highlightLast: false, labels: vals.map((u) => formatNumber(u, 4)) });
        bars.ctx.restore();
      });
      const c = bars.ctx;
      c.fillStyle = b.textMuted; c.font = `11px ${b.font}`; c.textAlign = 'center'; c.textBaseline = 'top';
      labels.forEach((l, i) => c.fillText(l, bars.px(i + 0.5), bars.height - bars.margin.bottom + 4));
    }
  }

  run();

  return {
    update(next) {
      opts = { ...next };
      sliders.k.set(opts.k); sliders.noise.set(opts.noise); sliders.sampleSize.set(opts.sampleSize);
      fixedBox.checked = opts.fixedX;
      voidPrediction();
      run();
    },
  };
}
