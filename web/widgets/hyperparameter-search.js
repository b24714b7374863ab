// Hyper-parameter search (seed 002, issue 8; Bayesian search, issue 19): grid search, random
// search and Bayesian search spend the same budget of trials on a kernel SVM's C and γ (both on
// log scales). Every trial is one engine crossValScore (k folds) on a seeded data set; the
// cross-validated score over the whole (C, γ) plane is computed lazily, a few cells per frame, as
// a heat map behind the panels. The Bayesian panel can instead show the engine's Gaussian process
// (BayesSearch.surface: its mean, its uncertainty, or the expected improvement), with the next
// trial marked where EI is largest; a fourth panel charts the best score so far of each strategy.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { prefersReducedMotion } from '../lib/frame.js';
import { button, buttonRow, checkbox, el, fixed, select, slider } from '../lib/ui.js';
import { seedOption } from '../lib/schema.js';
import { formatNumber, formatShort } from '../lib/format.js';
import { fillLegend, legend } from '../lib/legend.js';
import { divergingScale, sequentialScale } from '../lib/colors.js';
import { gridTrials, randomTrials, bayesStep, bestSoFar, fromUnit, raceToBest, BAYES_XI } from './hyperparameter-search/trials.js';
import { mean } from '../lib/arrays.js';
import { createPrediction } from '../lib/predict.js';

export const schema = {
  data: { type: 'enum', values: ['moons', 'circles'], default: 'moons', description: 'Which seeded data set the SVM learns.' },
  points: { type: 'int', min: 40, max: 200, default: 120, description: 'Points in the data set.' },
  noise: { type: 'number', min: 0, max: 0.5, default: 0.3, description: 'Noise of the generator.' },
  k: { type: 'int', min: 2, max: 5, default: 3, description: 'Cross-validation folds per trial.' },
  budget: { type: 'int', min: 4, max: 25, default: 16, description: 'Trials each strategy may spend.' },
  resolution: { type: 'int', min: 4, max: 10, default: 8, description: 'Heat map cells per axis.' },
  seed: seedOption(5, 'Seed for the data, the folds, the random trials and the Bayesian search\'s random starts.'),
  strategies: { type: 'enum', values: ['all', 'grid-random', 'grid-bayes', 'random-bayes'], default: 'all', description: 'Which searches race: all three, or a pair (fewer panels on a phone).' },
  show: { type: 'enum', values: ['ei', 'mean', 'std', 'cv'], default: 'ei', description: 'Background of the Bayesian panel: expected improvement, the Gaussian process\'s mean or its uncertainty (sd), or the cross-validated heat map.' },
  xi: { type: 'number', min: 0, max: 0.1, default: BAYES_XI, description: 'Exploration margin ξ of expected improvement (in accuracy).' },
  autoplay: { type: 'boolean', default: false, description: 'Start playing on load (ignored with reduced motion).' },
};

export const meta = {
  title: 'Grid, random and Bayesian search',
  hint: 'Every strategy gets the same number of trials. Press Play and compare the best cross-validated score each finds, and how soon.',
};

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

// log₁₀ ranges searched: C from 0.01 to 1000, γ from 0.01 to 100.
export const RANGE = { c0: -2, c1: 3, g0: -2, g1: 2 };
const MAX_STEPS = 2000;
const TRIAL_MS = 220;
const CELLS_PER_FRAME = 2;
// The Gaussian process's view is drawn on a SURFACE × SURFACE grid of cell centres.
const SURFACE = 20;
export const STRATEGIES = {
  all: ['grid', 'random', 'bayes'],
  'grid-random': ['grid', 'random'],
  'grid-bayes': ['grid', 'bayes'],
  'random-bayes': ['random', 'bayes'],
};
const SHORT = { grid: 'grid', random: 'random', bayes: 'Bayesian' };
const TITLES = { grid: 'Grid search', random: 'Random search', bayes: 'Bayesian search' };
const LINES = { grid: { key: 'class0', dash: [] }, random: { key: 'class1', dash: [7, 4] }, bayes: { key: 'class2', dash: [2, 3] } };

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  const svm = ctx.own(new ml.KernelSVM());
  const search = ctx.own(new ml.BayesSearch());
  let surface = null;   // BayesSearch.surface after the latest score (null before any)
  let proposal = null;  // BayesSearch.next(): where the next Bayesian trial goes
  let data = null;
  let heat = [];
  let heatNext = 0;
  let showHeat = true;
  let trials = { grid: [], random: [], bayes: [] };
  let done = 0;
  let playing = false;
  let lastTrial = 0;

  const pair = el('div', { className: 'dw-pair' });
  card.stage.append(pair); // attached first: the plots read their colours from the page
  const panels = {};
  for (const [key, title] of Object.entries(TITLES)) {
    const host = el('div', { className: 'dw-panel', 'data-strategy': key }, [el('p', { className: 'dw-panel-title', text: title })]);
    pair.append(host);
    const plot = ctx.own(new Plot(host, { aspect: 0.85, minHeight: 240, maxHeight: 400, label: title, onResize: () => ctx.requestDraw(draw) }));
    plot.margin = { ...plot.margin, top: 22 }; // room for the y-axis title above the top tick
    const note = el('p', { className: 'hyperparameter-search-best' });
    host.append(note);
    panels[key] = { plot, note, host };
  }
  panels.bayes.caption = el('p', { className: 'hyperparameter-search-best hyperparameter-search-surface-note' });
  panels.bayes.host.append(panels.bayes.caption);
  const chartHost = el('div', { className: 'dw-panel', 'data-strategy': 'chart' }, [el('p', { className: 'dw-panel-title', text: 'Best so far' })]);
  pair.append(chartHost);
  const chart = ctx.own(new Plot(chartHost, { aspect: 0.85, minHeight: 240, maxHeight: 400, label: 'Best cross-validated accuracy so far against trials', onResize: () => ctx.requestDraw(draw) }));
  chart.margin = { ...chart.margin, top: 22 };
  const chartLegend = legend(chartHost, []);
  legend(card.stage, [
    { text: 'heat map: CV accuracy, ≤ 0.5 orange → 0.75 white → 1 blue', swatch: 'dw-swatch hyperparameter-search-swatch-heat' },
    { text: 'trial', swatch: 'dw-swatch dw-swatch-model' },
    { text: 'best so far', swatch: 'dw-swatch hyperparameter-search-swatch-best' },
    { text: 'next Bayesian trial', swatch: 'dw-swatch hyperparameter-search-swatch-next' },
  ]);

  const buttons = buttonRow(card.controls);
  const playBtn = button(buttons, 'Play', () => (playing ? pause() : play()), { primary: true });
  button(buttons, 'Step', () => { pause(); stepTrial(); });
  button(buttons, 'Reset', () => { pause(); resetTrials(); });
  const dataSelect = select(card.controls, { label: 'data', value: opts.data, options: [['moons', 'two moons'], ['circles', 'ring and disc']], onChange: (v) => { opts.data = v; loadData(); } });
  const sliders = {
    budget: slider(card.controls, { label: 'budget of trials', min: 4, max: 25, step: 1, value: opts.budget, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.budget = v; pause(); resetTrials(); } }),
  };
  const strategySelect = select(card.controls, { label: 'strategies', value: opts.strategies, options: [['all', 'all three'], ['grid-random', 'grid and random'], ['grid-bayes', 'grid and Bayesian'], ['random-bayes', 'random and Bayesian']], onChange: (v) => { opts.strategies = v; pause(); showPanels(); resetTrials(); } });
  const showSelect = select(card.controls, { label: 'Bayesian panel shows', value: opts.show, options: [['ei', 'expected improvement'], ['mean', 'GP mean'], ['std', 'GP uncertainty (sd)'], ['cv', 'CV heat map']], onChange: (v) => { opts.show = v; render(); } });
  const heatBox = checkbox(card.controls, { label: 'show the full heat map (extra evaluations)', checked: true, onChange: (v) => { showHeat = v; ctx.requestDraw(draw); } });
  heatBox.closest('.dw-check')?.classList.add('hyperparameter-search-check');

  const statTrials = card.stat('trials');
  const statGrid = card.stat('grid best CV');
  const statRandom = card.stat('random best CV');
  const statBayes = card.stat('Bayesian best CV');
  const statMap = card.stat('heat map');

  // Predict, then check: with only five trials, which search ends with the better score? Judged
  // from the engine's cross-validated scores once both searches have spent the budget.
  const SMALL = 5;
  const prediction = createPrediction(ctx, {
    id: 'search-budget-5',
    question: `With a budget of only ${SMALL} trials, the better best score will come from…`,
    choices: [['grid', 'grid search'], ['random', 'random search'], ['tie', 'neither: a tie']],
    next: `Now set the budget of trials to ${SMALL} and press Play (or Step ${SMALL} times).`,
  });
  function judgeSmall() {
    if (prediction.pending === null || opts.budget !== SMALL || done < SMALL || !racing('grid') || !racing('random')) return;
    const g = best(trials.grid);
    const r = best(trials.random);
    if (!g || !r) return;
    prediction.settle(r.score > g.score + 1e-9 ? 'random' : g.score > r.score + 1e-9 ? 'grid' : 'tie', `Random ${fixed(r.score, 3)}, grid ${fixed(g.score, 3)}. Five trials make only a 2 × 2 grid (the fifth goes unspent), so the grid tries ${formatNumber(new Set(trials.grid.map((t) => t.logG)).size, 0)} values of γ; random search tries ${formatNumber(new Set(trials.random.map((t) => t.logG)).size, 0)}.`);
  }

  // Predict, then check: in the full race, which strategy is first to reach the best score any of
  // them finds? Judged by raceToBest once all three have spent the budget.
  const racePrediction = createPrediction(ctx, {
    id: 'search-race-first',
    question: 'With all three racing, the first to reach the race\'s best score will be…',
    choices: [['grid', 'grid search'], ['random', 'random search'], ['bayes', 'Bayesian search'], ['tie', 'a tie']],
    next: 'Now press Play (with all three strategies racing) and watch the best-so-far chart.',
  });
  function judgeRace() {
    if (racePrediction.pending === null || opts.strategies !== 'all' || done < opts.budget) return;
    const r = raceToBest(trials);
    racePrediction.settle(r.winner, `The best score found was ${fixed(r.top, 3)}; grid search reached it ${when(r.reached.grid)}, random search ${when(r.reached.random)}, Bayesian search ${when(r.reached.bayes)}.`);
  }
  const when = (n) => (Number.isFinite(n) ? `at trial ${formatNumber(n, 0)}` : 'never');
  const racing = (key) => STRATEGIES[opts.strategies].includes(key);

  function showPanels() {
    for (const key of Object.keys(TITLES)) panels[key].host.hidden = !racing(key);
    ctx.requestDraw(draw);
  }

  // The engine's cross-validated accuracy at one (log C, log γ); NaN (shown in words) on error.
  function cv(logC, logG) {
    return attempt(card, () => {
      svm.setC(10 ** logC);
      svm.setGamma(10 ** logG);
      return mean(ml.crossValScore(svm, data.X, 2, data.y, opts.k, opts.seed, MAX_STEPS));
    }, NaN);
  }

  function loadData() {
    data = attempt(card, () => (opts.data === 'circles'
      ? ml.makeCircles(opts.points, opts.noise * 0.5, 0.5, opts.seed)
      : ml.makeMoons(opts.points, opts.noise, opts.seed)), null);
    heat = new Array(opts.resolution * opts.resolution).fill(undefined);
    heatNext = 0;
    resetTrials();
  }

  function resetTrials() {
    trials = {
      grid: gridTrials(opts.budget, RANGE).map((t) => ({ ...t, score: undefined })),
      random: randomTrials(opts.budget, RANGE, opts.seed).map((t) => ({ ...t, score: undefined })),
      bayes: [],
    };
    done = 0;
    attempt(card, () => { search.setXi(opts.xi); search.reset(opts.seed); }, null);
    surface = null;
    refreshBayes();
    render();
  }

  function stepTrial() {
    if (!data) return;
    if (done >= opts.budget) { pause(); return; }
    for (const key of ['grid', 'random']) {
      const t = racing(key) ? trials[key][done] : null;
      if (t) t.score = cv(t.logC, t.logG);
    }
    if (racing('bayes')) {
      const t = attempt(card, () => bayesStep(search, RANGE, cv), null);
      if (t) trials.bayes.push(t);
    }
    done += 1;
    if (done >= opts.budget) pause();
    refreshBayes();
    render();
    judgeSmall();
    judgeRace();
  }

  // After every Bayesian score: the GP's picture of the plane and where it would try next.
  function refreshBayes() {
    if (!racing('bayes') || !data) { surface = null; proposal = null; return; }
    surface = search.trials() > 0 ? attempt(card, () => search.surface(SURFACE), null) : null;
    proposal = done < opts.budget ? attempt(card, () => search.next(), null) : null;
  }

  function best(list) {
    let b = null;
    for (const t of list) if (t.score !== undefined && Number.isFinite(t.score) && (!b || t.score > b.score)) b = t;
    return b;
  }

  function render() {
    const g = best(trials.grid);
    const r = best(trials.random);
    const bb = best(trials.bayes);
    const gridUsed = Math.min(done, trials.grid.length);
    statTrials.set(`${done} / ${opts.budget}`);
    statGrid.set(racing('grid') ? (g ? fixed(g.score, 3) : '–') : 'not racing');
    statRandom.set(racing('random') ? (r ? fixed(r.score, 3) : '–') : 'not racing');
    statBayes.set(racing('bayes') ? (bb ? fixed(bb.score, 3) : '–') : 'not racing');
    const filled = heat.filter((v) => v !== undefined).length;
    statMap.set(filled < heat.length ? `${filled} / ${heat.length} cells` : 'complete');
    const distinct = (list, key) => new Set(list.slice(0, done).map((t) => t[key].toFixed(6))).size;
    panels.grid.note.textContent = g
      ? `best C = ${fmtPow(g.logC)}, γ = ${fmtPow(g.logG)} · ${distinct(trials.grid, 'logG')} distinct γ values in ${gridUsed} trials`
      : `${trials.grid.length} trials planned on a ${Math.floor(Math.sqrt(opts.budget))} × ${Math.floor(opts.budget / Math.floor(Math.sqrt(opts.budget)))} grid`;
    panels.random.note.textContent = r
      ? `best C = ${fmtPow(r.logC)}, γ = ${fmtPow(r.logG)} · ${distinct(trials.random, 'logG')} distinct γ values in ${done} trials`
      : `${opts.budget} trials drawn uniformly on the log scales`;
    const starts = trials.bayes.filter((t) => t.initial).length;
    panels.bayes.note.textContent = bb
      ? `best C = ${fmtPow(bb.logC)}, γ = ${fmtPow(bb.logG)} · ${starts} random starts, ${trials.bayes.length - starts} chosen by expected improvement`
      : `${formatNumber(search.initialTrials(), 0)} seeded random starts, then each trial where expected improvement is largest`;
    panels.bayes.caption.textContent = surfaceCaption();
    if (!data) return;
    const keys = STRATEGIES[opts.strategies];
    const bests = { grid: g, random: r, bayes: bb };
    if (done === 0) card.setMessage(`Nothing tried yet. Press Play or Step: each trial runs ${opts.k}-fold cross-validation of a kernel SVM at one (C, γ).`, 'info');
    else if (done < opts.budget) card.setMessage(`Trial ${done} of ${opts.budget}. Best so far — ${keys.map((k) => `${SHORT[k]} ${fixed(bests[k]?.score, 3)}`).join(', ')}.`, 'info');
    else if (opts.strategies !== 'grid-random') {
      const race = raceToBest(Object.fromEntries(keys.map((k) => [k, trials[k]])));
      const firsts = keys.filter((k) => race.reached[k] === Math.min(...keys.map((x) => race.reached[x])));
      const lead = race.winner === 'tie' ? `${firsts.map((k) => SHORT[k]).join(' and ')} reached it at the same trial` : `${TITLES[race.winner]} reached it first`;
      const spread = racing('grid') && racing('random') ? ` The grid tried only ${distinct(trials.grid, 'logG')} values of γ; random search tried ${distinct(trials.random, 'logG')}.` : '';
      card.setMessage(`Best score found: ${fixed(race.top, 3)}; ${lead}. ${keys.map((k) => `${TITLES[k]}: best ${fixed(bests[k]?.score, 3)}, reached the top ${when(race.reached[k])}`).join('; ')}.${spread}`, 'ok');
    } else {
      const unused = opts.budget - trials.grid.length;
      const tail = unused > 0 ? ` The grid could only use ${trials.grid.length} of the ${opts.budget} trials (a rectangle of points), so ${unused} went unspent.` : '';
      const verdict = r.score > g.score + 1e-9 ? 'Random search found the better setting' : g.score > r.score + 1e-9 ? 'Grid search found the better setting' : 'Both found equally good settings';
      card.setMessage(`${verdict}: random ${fixed(r.score, 3)} vs grid ${fixed(g.score, 3)}. The grid tried only ${distinct(trials.grid, 'logG')} values of γ; random search tried ${distinct(trials.random, 'logG')}.${tail}`, r.score >= g.score ? 'ok' : 'info');
    }
    for (const key of ['grid', 'random', 'bayes']) {
      const b = bests[key];
      panels[key].plot.canvas.setAttribute('aria-label', `${TITLES[key]}, ${done} trials, best cross-validated accuracy ${b ? fixed(b.score, 3) : 'none yet'}`);
    }
    chart.canvas.setAttribute('aria-label', `Best cross-validated accuracy so far against trials: ${keys.map((k) => `${SHORT[k]} ${fixed(bests[k]?.score, 3)}`).join(', ')} after ${done} trials`);
    fillLegend(chartLegend, keys.map((k) => ({ text: SHORT[k], swatch: `dw-swatch hyperparameter-search-swatch-line hyperparameter-search-swatch-line-${k}` })));
    ctx.requestDraw(draw);
  }

  // What the Bayesian panel's background shows, with its range in words.
  function surfaceCaption() {
    if (opts.show === 'cv') return 'background: the cross-validated heat map, as in the other panels';
    if (!surface) return 'background: the Gaussian process appears once the first score is in';
    const what = { mean: 'GP mean, ≤ 0.5 orange → 0.75 white → 1 blue', std: 'GP uncertainty (sd), faint at 0 → strongest at the largest', ei: 'expected improvement, faint at 0 → strongest at the largest' }[opts.show];
    const values = opts.show === 'ei' ? surface.ei : opts.show === 'std' ? surface.std : surface.mean;
    const top = Math.max(...values);
    const next = proposal && !proposal.initial ? ` · next trial: EI ${formatShort(proposal.ei, 2)} at C = ${fmtPow(fromUnit(proposal.u, proposal.v, RANGE).logC)}, γ = ${fmtPow(fromUnit(proposal.u, proposal.v, RANGE).logG)}` : proposal ? ' · next trial: a random start' : '';
    return `background: ${what} (largest ${formatShort(top, 2)})${next}`;
  }

  function fmtPow(lg) {
    const v = 10 ** lg;
    return v >= 100 ? fixed(v, 0) : v >= 1 ? fixed(v, 2) : fixed(v, 3);
  }

  // Heat map cells are evaluated a few per frame in the background; trials advance on Play.
  const stop = ctx.animate((time) => {
    if (data && showHeat && heatNext < heat.length) {
      const n = opts.resolution;
      for (let s = 0; s < CELLS_PER_FRAME && heatNext < heat.length; s++) {
        const i = heatNext % n;
        const j = Math.floor(heatNext / n);
        heat[heatNext] = cv(RANGE.c0 + ((i + 0.5) / n) * (RANGE.c1 - RANGE.c0), RANGE.g0 + ((j + 0.5) / n) * (RANGE.g1 - RANGE.g0));
        heatNext += 1;
      }
      render();
    }
    if (playing && time - lastTrial >= TRIAL_MS) {
      lastTrial = time;
      stepTrial();
    }
  }, (err) => { pause(); card.setMessage(`Stopped: ${err.message}`, 'bad'); });

  function play() {
    if (done >= opts.budget) resetTrials();
    playing = true;
    lastTrial = 0;
    playBtn.textContent = 'Pause';
  }
  function pause() {
    playing = false;
    playBtn.textContent = 'Play';
  }

  function drawPanel(key) {
    const { plot } = panels[key];
    plot.setDomain(RANGE.c0, RANGE.c1, RANGE.g0, RANGE.g1);
    plot.begin();
    const t = plot.theme;
    const colour = divergingScale(t, 0.25);
    const n = opts.resolution;
    plot.clipToArea((c) => {
      c.fillStyle = t.surface2;
      c.fillRect(0, 0, plot.width, plot.height);
      if (key === 'bayes' && opts.show !== 'cv') {
        if (surface) drawSurface(c, t);
      } else if (showHeat) {
        for (let idx = 0; idx < heat.length; idx++) {
          if (heat[idx] === undefined) continue;
          const i = idx % n;
          const j = Math.floor(idx / n);
          const xa = plot.px(RANGE.c0 + (i / n) * (RANGE.c1 - RANGE.c0));
          const xb = plot.px(RANGE.c0 + ((i + 1) / n) * (RANGE.c1 - RANGE.c0));
          const ya = plot.py(RANGE.g0 + ((j + 1) / n) * (RANGE.g1 - RANGE.g0));
          const yb = plot.py(RANGE.g0 + (j / n) * (RANGE.g1 - RANGE.g0));
          c.fillStyle = colour(heat[idx] - 0.75);
          c.fillRect(xa, ya, xb - xa + 0.5, yb - ya + 0.5);
        }
      }
    });
    plot.axes({ xLabel: 'log₁₀ C', yLabel: 'log₁₀ γ', xTicks: 5, yTicks: 4 });
    const c = plot.ctx;
    const list = trials[key].slice(0, done);
    const b = best(list);
    list.forEach((tr, i) => {
      const X = plot.px(tr.logC);
      const Y = plot.py(tr.logG);
      c.beginPath(); c.arc(X, Y, i === done - 1 ? 6 : 4.5, 0, Math.PI * 2);
      c.fillStyle = t.model; c.fill();
      c.lineWidth = 1.5; c.strokeStyle = t.surface; c.stroke();
    });
    // Planned but not yet evaluated: faint outlines, so the shape of each plan is visible.
    c.save();
    c.globalAlpha = 0.45;
    for (const tr of trials[key].slice(done)) {
      c.beginPath(); c.arc(plot.px(tr.logC), plot.py(tr.logG), 3.5, 0, Math.PI * 2);
      c.strokeStyle = t.textMuted; c.lineWidth = 1; c.stroke();
    }
    c.restore();
    if (b) {
      c.beginPath(); c.arc(plot.px(b.logC), plot.py(b.logG), 10, 0, Math.PI * 2);
      c.strokeStyle = t.surface; c.lineWidth = 5; c.stroke();
      c.strokeStyle = t.text; c.lineWidth = 2.5; c.stroke();
    }
    if (key === 'bayes' && proposal) {
      // The next trial: a diamond where expected improvement is largest (or the next random start).
      const { logC, logG } = fromUnit(proposal.u, proposal.v, RANGE);
      const X = plot.px(logC);
      const Y = plot.py(logG);
      c.beginPath(); c.moveTo(X, Y - 8); c.lineTo(X + 8, Y); c.lineTo(X, Y + 8); c.lineTo(X - 8, Y); c.closePath();
      c.strokeStyle = t.surface; c.lineWidth = 5; c.stroke();
      c.strokeStyle = t.accent; c.lineWidth = 2.5; c.stroke();
    }
  }

  // The GP's mean (same colours as the CV heat map), sd or EI on the SURFACE grid.
  function drawSurface(c, t) {
    const plot = panels.bayes.plot;
    const n = surface.n;
    const values = opts.show === 'ei' ? surface.ei : opts.show === 'std' ? surface.std : surface.mean;
    const top = Math.max(...values);
    const around = divergingScale(t, 0.25);
    const colour = opts.show === 'mean' ? ((v) => around(v - 0.75)) : sequentialScale(t, 0, top > 0 ? top : 1, t.class2);
    for (let idx = 0; idx < values.length; idx++) {
      const i = idx % n;
      const j = Math.floor(idx / n);
      const xa = plot.px(RANGE.c0 + (i / n) * (RANGE.c1 - RANGE.c0));
      const xb = plot.px(RANGE.c0 + ((i + 1) / n) * (RANGE.c1 - RANGE.c0));
      const ya = plot.py(RANGE.g0 + ((j + 1) / n) * (RANGE.g1 - RANGE.g0));
      const yb = plot.py(RANGE.g0 + (j / n) * (RANGE.g1 - RANGE.g0));
      c.fillStyle = colour(values[idx]);
      c.fillRect(xa, ya, xb - xa + 0.5, yb - ya + 0.5);
    }
  }

  // Best score so far against trials, one line per racing strategy.
  function drawChart() {
    const keys = STRATEGIES[opts.strategies];
    const curves = Object.fromEntries(keys.map((k) => [k, bestSoFar(trials[k].slice(0, done))]));
    const all = Object.values(curves).flat().filter(Number.isFinite);
    const lo = Math.min(0.5, ...all.map((v) => Math.floor(v * 20) / 20));
    chart.setDomain(1, Math.max(2, opts.budget), lo, 1);
    chart.begin();
    const t = chart.theme;
    chart.clipToArea((c) => { c.fillStyle = t.surface2; c.fillRect(0, 0, chart.width, chart.height); });
    chart.axes({ xLabel: 'trial', yLabel: 'best CV so far', xTicks: 5, yTicks: 5 });
    for (const k of keys) {
      const ys = curves[k].map((v) => (Number.isFinite(v) ? v : NaN));
      chart.path(ys.map((_, i) => i + 1), ys, { color: t[LINES[k].key], width: 2.5, dash: LINES[k].dash });
    }
  }

  function draw() {
    for (const key of STRATEGIES[opts.strategies]) drawPanel(key);
    drawChart();
  }

  showPanels();
  loadData();
  if (opts.autoplay && !prefersReducedMotion()) play();

  return {
    update(next) {
      opts = { ...next };
      sliders.budget.set(opts.budget);
      dataSelect.value = opts.data;
      strategySelect.value = opts.strategies;
      showSelect.value = opts.show;
      pause();
      showPanels();
      loadData();
    },
  };
}
