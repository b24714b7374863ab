// "Sample means become normal" (issue 19, lesson central-limit). Draw samples of size n from a
// skewed population (exponential, a two-bump mixture, a die, a coin); the histogram of their means
// builds up sample by sample (Play, Step, Fast-forward) and the normal curve the central limit
// theorem predicts, N(μ, (s/√n)²), is drawn over it. A second plot shows the standard error s/√n
// against n with the spread measured from 1000 seeded samples at several n. A predict-then-check
// box asks what quadrupling n does to the spread and judges it from the measured spreads. Those
// measured dots answer the box (n = 1 → 4 and 25 → 100 are quadruplings), so they are drawn as "?"
// until the box has shown its outcome or the learner asks for them (which makes a later prediction
// practice); so is a pair of measured spreads at n and 4n drawn with nothing locked in.
// Draws and means come from the engine's seeded sampling (sampleDraws, sampleMeans), the
// population's μ and s from population(), the measured mean and spread from gaussianFit.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { requestDraw, cancelDraw } from '../lib/frame.js';
import { player } from '../lib/player.js';
import { button, buttonRow, checkbox, el, select, slider } from '../lib/ui.js';
import { formatNumber } from '../lib/format.js';
import { captionAbove } from '../lib/legend.js';
import { seedOption } from '../lib/schema.js';
import { createPrediction } from '../lib/predict.js';
import { POPULATIONS, SE_SIZES, SE_SAMPLES, MIN_FOR_CHECK, MIN_FOR_SEEN, binsFor, histogram, nearestRatio } from './clt-sampler/data.js';
import { messages } from './clt-sampler/messages.js';

export const schema = {
  population: { type: 'enum', values: POPULATIONS, default: 'exponential', description: 'The population the draws come from.' },
  n: { type: 'int', min: 1, max: 100, default: 10, description: 'Sample size: draws averaged into one mean.' },
  samples: { type: 'int', min: 100, max: 5000, default: 2000, description: 'How many sample means Fast-forward draws in all.' },
  seed: seedOption(7, 'Random seed for the draws.'),
};

export const meta = { title: messages['clt-sampler.title'], hint: messages['clt-sampler.hint'] };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, stateChanged, t } = ctx;
  const label = (p) => t(`clt-sampler.population.${p}`);
  let opts = { ...options };
  let pop = null;
  let means = null;       // all `samples` means for the current population, n and seed
  let draws = null;       // the draws behind them (n per mean)
  let drawn = 0;          // how many means are shown so far
  let seTable = null;     // { n, measured } rows for the standard-error plot
  let check = null;       // where the committed prediction started: { n, spread }
  let outcomeShown = false; // the box has shown its outcome (a verdict, or outcomeSeen)
  let spreadsShown = false; // the standard-error plot draws its measured dots, not "?"
  const measuredAt = new Set(); // "population n" pairs where MIN_FOR_SEEN means or more were drawn

  const row = el('div', { className: 'dw-row' });
  const left = el('div', { className: 'dw-col' });
  const right = el('div', { className: 'dw-col' });
  row.append(left, right);
  card.stage.append(row);
  captionAbove(left, t('clt-sampler.legend.population'));
  const popPlot = new Plot(left, { aspect: 0.45, minHeight: 150, maxHeight: 220, label: t('clt-sampler.plot.population'), onResize: () => requestDraw(draw) });
  captionAbove(left, t('clt-sampler.legend.histogram'));
  const histPlot = new Plot(left, { aspect: 0.55, minHeight: 200, maxHeight: 330, label: t('clt-sampler.plot.histogram'), onResize: () => requestDraw(draw) });
  captionAbove(right, t('clt-sampler.legend.se'));
  const sePlot = new Plot(right, { aspect: 0.75, minHeight: 200, maxHeight: 360, label: t('clt-sampler.plot.se'), onResize: () => requestDraw(draw) });
  const spreadsBox = checkbox(right, { label: t('clt-sampler.showSpreads'), onChange: showSpreads });

  const buttons = buttonRow(card.controls);
  const play = player(buttons, card, {
    start: () => { if (drawn >= opts.samples) { drawn = 0; } },
    reduced: () => advance(opts.samples),
    // Slow at first so single samples can be watched, then faster: about 1, 2, 4 … per frame.
    tick: () => { advance(Math.max(1, Math.floor(drawn / 25))); return drawn < opts.samples; },
    every: 60,
    quiet: true, // "n sample means so far" changes on every tick
  });
  button(buttons, t('clt-sampler.step'), () => { play.stop(); advance(1); });
  button(buttons, t('clt-sampler.fastForward'), () => { play.stop(); advance(opts.samples); });
  button(buttons, t('clt-sampler.reset'), () => { play.stop(); drawn = 0; changed(); });
  const populationSelect = select(card.controls, { label: t('clt-sampler.select.population'), options: POPULATIONS.map((p) => [p, label(p)]), value: opts.population, onChange: (v) => { play.stop(); opts.population = v; if (check) prediction.reset(t('clt-sampler.predict.newPopulation')); check = null; load(); } });
  const nSlider = slider(card.controls, { label: t('clt-sampler.slider.n'), min: 1, max: 100, step: 1, value: opts.n, format: (v) => formatNumber(v, 0), onInput: (v) => { play.stop(); opts.n = v; load(); } });
  const statDrawn = card.stat(t('clt-sampler.stat.drawn'));
  const statMean = card.stat(t('clt-sampler.stat.mean'));
  const statSpread = card.stat(t('clt-sampler.stat.spread'));
  const statSe = card.stat(t('clt-sampler.stat.se'));
  const statPop = card.stat(t('clt-sampler.stat.population'));

  function load() {
    play.stop();
    const ok = attempt(card, () => {
      pop = ml.population(opts.population);
      means = ml.sampleMeans(opts.population, opts.n, opts.samples, opts.seed);
      draws = ml.sampleDraws(opts.population, opts.n * opts.samples, opts.seed);
      seTable = SE_SIZES.map((n) => ({ n, measured: ml.gaussianFit(ml.sampleMeans(opts.population, n, SE_SAMPLES, opts.seed + n)).s }));
      return true;
    }, false);
    if (!ok) { means = null; return; }
    drawn = 0;
    nSlider.set(opts.n);
    populationSelect.value = opts.population;
    changed();
  }

  function advance(k) {
    if (!means) return;
    drawn = Math.min(opts.samples, drawn + k);
    changed();
  }

  // The mean and (1/n) spread of the means drawn so far, from the engine.
  function measured() {
    if (!means || drawn < 2) return null;
    try { return ml.gaussianFit(means.subarray(0, drawn)); } catch { return null; }
  }

  // Predict, then check: what does four times n do to the spread of the means? The spread is
  // judged from the measured means before and after, not from the formula.
  const prediction = createPrediction(ctx, {
    id: 'clt-quadruple-n',
    question: t('clt-sampler.predict.question'),
    choices: ['same', 'half', 'quarter'].map((id) => [id, t(`clt-sampler.predict.${id}`)]),
    ready: () => {
      // Spreads at n and 4n measured while an earlier prediction was locked count too.
      noteQuadrupleMeasured();
      return measured() && drawn >= MIN_FOR_CHECK ? null : t('clt-sampler.predict.notReady', { min: MIN_FOR_CHECK });
    },
    onCommit: () => { check = { n: opts.n, spread: measured().s }; },
    next: () => (opts.n * 4 <= 100 ? t('clt-sampler.predict.next', { n: opts.n * 4, min: MIN_FOR_CHECK }) : t('clt-sampler.predict.cannotQuadruple', { n: opts.n })),
  });

  function judgeCheck(m) {
    if (!check || prediction.pending === null || opts.n !== check.n * 4 || drawn < MIN_FOR_CHECK || !m) return;
    const ratio = m.s / check.spread;
    const outcome = nearestRatio(ratio);
    prediction.settle(outcome, t('clt-sampler.predict.why', { from: check.n, to: opts.n, before: formatNumber(check.spread, 3), after: formatNumber(m.s, 3), ratio: formatNumber(ratio, 2), outcome: t(`clt-sampler.outcome.${outcome}`) }));
    check = null;
    outcomeShown = true;
    setSpreadsShown(true);
  }

  // The learner saw what quadrupling n does before locking a prediction in: later ones are practice.
  function outcomeSeen(why) {
    prediction.outcomeSeen(why);
    outcomeShown = true;
  }

  // Measured spreads at n and 4n of one population, drawn with nothing locked in, are the answer.
  function noteQuadrupleMeasured() {
    if (prediction.pending !== null || outcomeShown) return;
    for (const key of measuredAt) {
      const [population, n] = key.split(' ');
      if (measuredAt.has(`${population} ${Number(n) * 4}`)) {
        outcomeSeen(t('clt-sampler.predict.seenPair', { n: Number(n), n4: Number(n) * 4 }));
        return;
      }
    }
  }

  // The checkbox under the standard-error plot. While a prediction waits for its check the dots
  // stay hidden (a learner could read the answer, change the prediction and lock it in again).
  function showSpreads(on) {
    if (on && !outcomeShown && prediction.pending !== null) {
      spreadsBox.checked = false;
      prediction.note(t('clt-sampler.predict.spreadsWait', { min: MIN_FOR_CHECK }));
      return;
    }
    if (on && !outcomeShown) outcomeSeen(t('clt-sampler.predict.seenSpreads'));
    setSpreadsShown(on);
  }
  function setSpreadsShown(on) {
    spreadsShown = on;
    spreadsBox.checked = on;
    describeSe();
    requestDraw(draw);
  }
  function describeSe() {
    if (!pop || !seTable) return;
    sePlot.canvas.setAttribute('aria-label', spreadsShown
      ? t('clt-sampler.seFigure', { population: label(opts.population), rows: seTable.map((r) => t('clt-sampler.seRow', { n: r.n, predicted: formatNumber(pop.sd / Math.sqrt(r.n), 3), measured: formatNumber(r.measured, 3) })).join('; ') })
      : t('clt-sampler.seFigureHidden', { population: label(opts.population), rows: seTable.map((r) => t('clt-sampler.seRowHidden', { n: r.n, predicted: formatNumber(pop.sd / Math.sqrt(r.n), 3) })).join('; ') }));
  }

  function changed() {
    const m = measured();
    const se = pop ? pop.sd / Math.sqrt(opts.n) : NaN;
    statDrawn.set(formatNumber(drawn, 0));
    statMean.set(m ? formatNumber(m.mu, 3) : '–');
    statSpread.set(m ? formatNumber(m.s, 3) : '–');
    statSe.set(formatNumber(se, 3));
    statPop.set(pop ? t('clt-sampler.populationValues', { mean: formatNumber(pop.mean, 2), sd: formatNumber(pop.sd, 2) }) : '–');
    if (m && drawn >= MIN_FOR_SEEN) measuredAt.add(`${opts.population} ${opts.n}`);
    judgeCheck(m);
    noteQuadrupleMeasured();
    {
      if (!drawn) card.setMessage(t('clt-sampler.start', { n: opts.n, population: label(opts.population) }), 'info');
      else if (drawn < opts.samples) card.setMessage(t('clt-sampler.sofar', { drawn }), 'info');
      else card.setMessage(t('clt-sampler.done', { drawn: formatNumber(drawn, 0), spread: formatNumber(m ? m.s : NaN, 3), se: formatNumber(se, 3) }), 'ok');
    }
    histPlot.canvas.setAttribute('aria-label', t('clt-sampler.histFigure', { drawn, n: opts.n, population: label(opts.population), mean: m ? formatNumber(m.mu, 3) : t('clt-sampler.notMeasured'), spread: m ? formatNumber(m.s, 3) : t('clt-sampler.notMeasured'), popMean: pop ? formatNumber(pop.mean, 3) : '', se: formatNumber(se, 3) }));
    describeSe();
    requestDraw(draw);
    stateChanged();
  }

  function draw() {
    if (!pop || !means) return;
    const th = popPlot.theme;
    // Population, with the latest sample.
    const xs = Array.from({ length: 241 }, (_, i) => pop.lo + ((pop.hi - pop.lo) * i) / 240);
    const dens = pop.discrete ? [...pop.probabilities] : [...ml.populationDensity(pop.name, xs)];
    const top = Math.max(...dens) * 1.3;
    popPlot.setDomain(pop.lo, pop.hi, 0, top);
    const pc = popPlot.begin();
    popPlot.axes({ xLabel: t('clt-sampler.axis.x'), yLabel: pop.discrete ? t('clt-sampler.axis.probability') : t('clt-sampler.axis.density'), yTicks: 3 });
    popPlot.clipToArea(() => {
      if (pop.discrete) {
        pc.fillStyle = th.class1;
        pc.globalAlpha = 0.35;
        pop.values.forEach((v, i) => { const a = popPlot.px(v - 0.3); pc.fillRect(a, popPlot.py(dens[i]), popPlot.px(v + 0.3) - a, popPlot.py(0) - popPlot.py(dens[i])); });
        pc.globalAlpha = 1;
      } else popPlot.path(xs, dens, { color: th.class1, width: 2 });
      if (drawn > 0) {
        const k = drawn - 1;
        for (let i = 0; i < opts.n; i++) {
          const jitter = ((i * 7919) % 13) / 13; // spread tied dots over a band so they stay visible
          popPlot.point(draws[k * opts.n + i], top * (0.62 + 0.3 * jitter), 0, { size: 3.5 });
        }
        popPlot.segment(means[k], 0, means[k], top, { color: th.accent, width: 2.5 });
      }
    });

    // Histogram of means with the CLT curve.
    const bins = binsFor(pop, opts.n);
    const counts = histogram(means, drawn, bins);
    const se = pop.sd / Math.sqrt(opts.n);
    const curveXs = Array.from({ length: 201 }, (_, i) => bins.start + (bins.count * bins.width * i) / 200);
    const expected = curveXs.map((x) => Math.max(drawn, 1) * bins.width * Math.exp(ml.gaussianLogPdf(x, pop.mean, se)));
    const yTop = Math.max(1, ...counts, ...expected) * 1.1;
    const x0 = bins.start;
    const x1 = bins.start + bins.count * bins.width;
    histPlot.setDomain(x0, x1, 0, yTop);
    const hc = histPlot.begin();
    histPlot.axes({ xLabel: t('clt-sampler.axis.mean'), yLabel: t('clt-sampler.axis.count'), yTicks: 4 });
    histPlot.clipToArea(() => {
      hc.fillStyle = th.class1;
      counts.forEach((c, k) => {
        if (!c) return;
        const a = histPlot.px(x0 + k * bins.width) + 0.5;
        const b = histPlot.px(x0 + (k + 1) * bins.width) - 0.5;
        hc.fillRect(a, histPlot.py(c), Math.max(1, b - a), histPlot.py(0) - histPlot.py(c));
      });
      if (drawn > 0) histPlot.path(curveXs, expected, { color: th.model, width: 2.5 });
      histPlot.segment(pop.mean, 0, pop.mean, yTop, { color: th.truth, dash: [5, 4], width: 1.5 });
    });

    // Standard error against n.
    const seTop = pop.sd * 1.15;
    sePlot.setDomain(0, 100, 0, seTop);
    sePlot.begin();
    sePlot.axes({ xLabel: t('clt-sampler.axis.n'), yLabel: t('clt-sampler.axis.spread') });
    const ns = Array.from({ length: 100 }, (_, i) => i + 1);
    sePlot.clipToArea(() => {
      sePlot.path(ns, ns.map((n) => pop.sd / Math.sqrt(n)), { color: th.model, width: 2 });
      sePlot.segment(opts.n, 0, opts.n, seTop, { color: th.accent, dash: [4, 4], width: 1.5 });
    });
    if (spreadsShown) for (const r of seTable) sePlot.point(r.n, r.measured, 1, { size: 5 });
    else {
      // A "?" just above the n axis where hidden dots are, in one row. An n closer to the last mark
      // than a mark's width and 4 px (n = 2 and 4 beside n = 1 on a phone) shares that mark:
      // stacked upwards instead, they piled into a tower that read as data.
      sePlot.ctx.font = `bold 13px ${th.font}`;
      const markGap = sePlot.ctx.measureText('?').width + 4;
      let lastX = -Infinity;
      for (const r of seTable) {
        const x = sePlot.px(r.n);
        if (x - lastX < markGap) continue;
        lastX = x;
        sePlot.text(r.n, 0, '?', { dy: -3, baseline: 'bottom', weight: 'bold', size: 13, color: th.textMuted });
      }
    }
  }

  load();

  return {
    update(next) {
      opts = { ...opts, ...next };
      if (check) prediction.reset(t('clt-sampler.predict.settingsChanged'));
      check = null;
      load();
    },
    currentOptions: () => ({ population: opts.population, n: opts.n }),
    destroy() {
      play.stop();
      cancelDraw(draw);
      popPlot.destroy();
      histPlot.destroy();
      sePlot.destroy();
    },
  };
}
