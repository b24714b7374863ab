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

// Which term leads, read from bias² and variance as shown. Near the best k the two are close
// (the lesson's setting: 0.0077 and 0.0236 at k = 4, 0.0134 and 0.0193 at k = 5, 0.0210 and
// 0.0159 at k = 6), so "dominates" is kept for a term at least BALANCE times the other; between,
// neither does, and the words say only that, never "of similar size": at k = 8 one is 3.3 times
// the other (the lesson's rows k = 1 and k = 20 are 39 and 36 times apart).
export const BALANCE = 4;
export function leaderOf(bias, variance) {
  const b = readShown(bias);
  const v = readShown(variance);
  if (b >= BALANCE * v && b > 0) return 'bias';
  if (v >= BALANCE * b && v > 0) return 'variance';
  return 'balanced';
}

// The message key for the leader sentence: the lead (leaderOf) with the reason that holds in this
// setting. With no noise and the same x every resample is identical, so the variance is exactly 0
// whatever k is and "bias² dominates" would explain nothing. k = 1 is the least smooth fit, so
// bias² leading there comes from the gaps between the training points, never from smoothing; and
// with no noise a variance can come only from the redrawn x, not from noise the fits chase.
export function leaderKey(lead, { k, noise, fixedX }) {
  if (noise === 0 && fixedX) return 'identical';
  if (lead === 'bias') return k === 1 ? 'biasAtOne' : 'bias';
  if (lead === 'variance') return noise === 0 ? 'varianceFromInputs' : 'variance';
  return 'balanced';
}

// Whether the best k can be read off what was on screen: `shown` maps each k whose expected error
// was displayed to that error as shown. Returns the k with the lowest shown error when a larger
// error was shown on each side of it that exists (below it unless it is 1, above it unless it is
// kMax), so the screen showed a low point rather than the edge of what was tried; otherwise null.
export function lowPointShown(shown, kMax) {
  if (shown.size === 0) return null;
  let low = null;
  for (const [k, error] of shown) if (low === null || error < shown.get(low)) low = k;
  const higher = (side) => [...shown].some(([k, error]) => side(k) && error > shown.get(low));
  const below = low === 1 || higher((k) => k < low);
  const above = low === kMax || higher((k) => k > low);
  return below && above ? low : null;
}

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  let result = null;
  // biasVariance refits the model on every resample, so the model handed to it carries only its
  // settings. It is made afresh for each estimate because the engine checks setK against the
  // training set the model already holds: the one left by an earlier, smaller points-per-set
  // would refuse a k that the current setting allows.
  let knn = null;
  function regressorWithK(k) {
    ctx.free(knn);
    knn = ctx.own(new ml.KNearestNeighbors());
    knn.setMode('regress');
    knn.setK(k);
    return knn;
  }

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.5, minHeight: 220, maxHeight: 380, label: t('bias-variance-measured.plot'), onResize: () => ctx.requestDraw(draw) }));
  legend(card.stage, [{ text: t('bias-variance-measured.legend.truth'), swatch: 'dw-swatch dw-swatch-truth' }, { text: t('bias-variance-measured.legend.fit'), swatch: 'dw-swatch bias-variance-measured-swatch-faint' }, { text: t('bias-variance-measured.legend.mean'), swatch: 'dw-swatch dw-swatch-line-model' }]);
  const bars = ctx.own(new Plot(card.stage, { aspect: 0.26, minHeight: 140, maxHeight: 190, label: t('bias-variance-measured.bars'), onResize: () => ctx.requestDraw(draw) }));
  bars.margin.top = 22; // room for the axis title above the top tick

  const row = buttonRow(card.controls);
  button(row, t('bias-variance-measured.resample'), () => { opts.seed += 1; voidPrediction(); run(); }, { primary: true });
  const sliders = {
    k: slider(card.controls, { label: t('bias-variance-measured.slider.k'), min: 1, max: 30, step: 1, value: opts.k, format: String, onInput: (v) => { opts.k = v; run(); } }),
    noise: slider(card.controls, { label: t('bias-variance-measured.slider.noise'), min: 0, max: 1, step: 0.05, value: opts.noise, format: (v) => fixed(v, 2), onInput: (v) => { opts.noise = v; voidPrediction(); forgetShown(); run(); } }),
    sampleSize: slider(card.controls, { label: t('bias-variance-measured.slider.sampleSize'), min: 10, max: 200, step: 1, value: opts.sampleSize, format: String, onInput: (v) => { opts.sampleSize = v; voidPrediction(); forgetShown(); run(); } }),
  };
  const fixedBox = checkbox(card.controls, { label: t('bias-variance-measured.fixedX'), checked: opts.fixedX, onChange: (v) => { opts.fixedX = v; voidPrediction(); forgetShown(); run(); } });
  const stat = {
    bias: card.stat(t('bias-variance-measured.stat.bias')), variance: card.stat(t('bias-variance-measured.stat.variance')), noise: card.stat(t('bias-variance-measured.stat.noise')),
    sum: card.stat(t('bias-variance-measured.stat.sum')), expected: card.stat(t('bias-variance-measured.stat.expected')),
  };

  // Predict, then check: which k has the smallest expected error? Committed before sliding; once
  // the learner has tried both ends (k = 1 and the largest k), judged from the engine's
  // biasVariance at every k with the same resamples.
  const kMax = () => Math.min(30, opts.sampleSize);
  const TOLERANCE = 1;
  let tried = null;
  // k → expected error as shown, for every k displayed (locked or not) under the current noise,
  // sample size and inputs. Resample keeps them: the best k moves by at most one between draws.
  let shownErrors = new Map();
  let totals = null; // { key, values }: the expected error at every k, for the current settings
  const prediction = createPrediction(ctx, {
    id: 'bias-variance-best-k',
    question: t('bias-variance-measured.predict.question'),
    numeric: { label: t('bias-variance-measured.predict.unit'), tolerance: TOLERANCE, min: 1, max: 30, digits: 0, integer: true },
    // Not a gate: the last moment before a commit with nothing locked, so a low point seen while
    // an earlier prediction was locked (then changed) counts too.
    ready: () => { noteSeen(); return null; },
    onCommit: () => { tried = new Set([opts.k]); },
    next: () => t('bias-variance-measured.predict.next', { k: kMax() }),
  });
  function voidPrediction() { tried = null; prediction.reset(t('bias-variance-measured.predict.changed')); }
  function forgetShown() { shownErrors = new Map(); }
  // The engine's expected error at every k from 1 to kMax with the current resamples (the same
  // numbers the stats show at each k), computed once per setting.
  function totalsAtEveryK() {
    const key = JSON.stringify([opts.noise, opts.sampleSize, opts.refits, opts.seed, opts.fixedX]);
    if (totals && totals.key === key) return totals.values;
    const values = attempt(card, () => {
      const out = [];
      for (let k = 1; k <= kMax(); k++) {
        out.push(ml.biasVariance(regressorWithK(k), null, { noise: opts.noise, sampleSize: opts.sampleSize, refits: opts.refits, gridSize: GRID, seed: opts.seed, maxSteps: 1, fixedX: opts.fixedX }).meanExpectedError);
      }
      return out;
    }, null);
    if (values) totals = { key, values };
    return values;
  }
  // With nothing locked, a low point of the shown errors within the box's tolerance of the best k
  // means the answer was on screen: a prediction made now could copy it.
  function noteSeen() {
    if (prediction.pending !== null) return;
    const low = lowPointShown(shownErrors, kMax());
    if (low === null) return;
    const values = totalsAtEveryK();
    if (!values) return;
    const best = values.indexOf(Math.min(...values)) + 1;
    if (Math.abs(low - best) <= TOLERANCE) prediction.outcomeSeen(t('bias-variance-measured.predict.seen'));
  }
  function judgeBestK() {
    if (prediction.pending === null || !tried) return;
    tried.add(opts.k);
    if (!tried.has(1) || !tried.has(kMax())) return;
    const values = totalsAtEveryK();
    if (!values) return;
    const best = values.indexOf(Math.min(...values)) + 1;
    tried = null;
    prediction.settle(best, t('bias-variance-measured.predict.why', { best, bestError: fixed(values[best - 1], 4), oneError: fixed(values[0], 4), k: kMax(), kError: fixed(values[kMax() - 1], 4) }));
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
      return ml.biasVariance(regressorWithK(opts.k), null, { noise: opts.noise, sampleSize: opts.sampleSize, refits: opts.refits, gridSize: GRID, seed: opts.seed, maxSteps: 1, fixedX: opts.fixedX });
    }, null);
    if (!result) { ctx.requestDraw(draw); return; }
    const terms = shownTerms(result);
    stat.bias.set(terms.bias);
    stat.variance.set(terms.variance);
    stat.noise.set(terms.noise);
    stat.sum.set(terms.sum);
    stat.expected.set(terms.expected);
    const key = leaderKey(leaderOf(terms.bias, terms.variance), opts);
    const leader = t(`bias-variance-measured.leader.${key}`, { factor: BALANCE, n: opts.sampleSize });
    shownErrors.set(opts.k, readShown(terms.expected));
    judgeBestK();
    noteSeen();
    card.setMessage(t('bias-variance-measured.summary', { k: opts.k, leader, refits: result.refits, sum: terms.sum, expected: terms.expected, difference: terms.difference }), 'info');
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
      forgetShown();
      run();
    },
  };
}
