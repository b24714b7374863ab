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
import { gridTrials, randomTrials, bayesStep, bestSoFar, fromUnit, raceToBest, BAYES_XI, DEFAULT_BUDGET } from './hyperparameter-search/trials.js';
import { mean } from '../lib/arrays.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './hyperparameter-search/messages.js';

export const schema = {
  data: { type: 'enum', values: ['moons', 'circles'], default: 'moons', description: 'Which seeded data set the SVM learns.' },
  points: { type: 'int', min: 40, max: 200, default: 120, description: 'Points in the data set.' },
  noise: { type: 'number', min: 0, max: 0.5, default: 0.3, description: 'Noise of the generator.' },
  k: { type: 'int', min: 2, max: 5, default: 3, description: 'Cross-validation folds per trial.' },
  budget: { type: 'int', min: 4, max: 25, default: DEFAULT_BUDGET, description: 'Trials each strategy may spend.' },
  resolution: { type: 'int', min: 4, max: 10, default: 8, description: 'Heat map cells per axis.' },
  seed: seedOption(5, 'Seed for the data, the folds, the random trials and the Bayesian search\'s random starts.'),
  strategies: { type: 'enum', values: ['all', 'grid-random', 'grid-bayes', 'random-bayes'], default: 'all', description: 'Which searches race: all three, or a pair (fewer panels on a phone).' },
  show: { type: 'enum', values: ['ei', 'mean', 'std', 'cv'], default: 'ei', description: 'Background of the Bayesian panel: expected improvement, the Gaussian process\'s mean or its uncertainty (sd), or the cross-validated heat map.' },
  xi: { type: 'number', min: 0, max: 0.1, default: BAYES_XI, description: 'Exploration margin ξ of expected improvement (in accuracy).' },
  autoplay: { type: 'boolean', default: false, description: 'Start playing on load (ignored with reduced motion).' },
};

export const meta = {
  title: messages['hyperparameter-search.title'],
  hint: messages['hyperparameter-search.hint'],
};

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
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
const KEYS = ['grid', 'random', 'bayes'];
const LINES = { grid: { key: 'class0', dash: [] }, random: { key: 'class1', dash: [7, 4] }, bayes: { key: 'class2', dash: [2, 3] } };

function build(ctx) {
  const { ml, card, options, t } = ctx;
  const short = (key) => t(`hyperparameter-search.short.${key}`);
  const title = (key) => t(`hyperparameter-search.panel.${key}`);
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
  for (const key of KEYS) {
    const host = el('div', { className: 'dw-panel', 'data-strategy': key }, [el('p', { className: 'dw-panel-title', text: title(key) })]);
    pair.append(host);
    const plot = ctx.own(new Plot(host, { aspect: 0.85, minHeight: 240, maxHeight: 400, label: title(key), onResize: () => ctx.requestDraw(draw) }));
    plot.margin = { ...plot.margin, top: 22 }; // room for the y-axis title above the top tick
    const note = el('p', { className: 'hyperparameter-search-best' });
    host.append(note);
    panels[key] = { plot, note, host };
  }
  panels.bayes.caption = el('p', { className: 'hyperparameter-search-best hyperparameter-search-surface-note' });
  panels.bayes.host.append(panels.bayes.caption);
  const chartHost = el('div', { className: 'dw-panel', 'data-strategy': 'chart' }, [el('p', { className: 'dw-panel-title', text: t('hyperparameter-search.chartTitle') })]);
  pair.append(chartHost);
  const chart = ctx.own(new Plot(chartHost, { aspect: 0.85, minHeight: 240, maxHeight: 400, label: t('hyperparameter-search.chart'), onResize: () => ctx.requestDraw(draw) }));
  chart.margin = { ...chart.margin, top: 22 };
  const chartLegend = legend(chartHost, []);
  legend(card.stage, [
    { text: t('hyperparameter-search.legend.heat'), swatch: 'dw-swatch hyperparameter-search-swatch-heat' },
    { text: t('hyperparameter-search.legend.trial'), swatch: 'dw-swatch dw-swatch-model' },
    { text: t('hyperparameter-search.legend.best'), swatch: 'dw-swatch hyperparameter-search-swatch-best' },
    { text: t('hyperparameter-search.legend.next'), swatch: 'dw-swatch hyperparameter-search-swatch-next' },
  ]);

  const buttons = buttonRow(card.controls);
  const playBtn = button(buttons, t('hyperparameter-search.play'), () => (playing ? pause() : play()), { primary: true });
  button(buttons, t('hyperparameter-search.step'), () => { pause(); stepTrial(); });
  button(buttons, t('hyperparameter-search.reset'), () => { pause(); resetTrials(); });
  const dataSelect = select(card.controls, { label: t('hyperparameter-search.select.data'), value: opts.data, options: ['moons', 'circles'].map((v) => [v, t(`hyperparameter-search.data.${v}`)]), onChange: (v) => { opts.data = v; loadData(); backOnSmallData(); } });
  const sliders = {
    budget: slider(card.controls, { label: t('hyperparameter-search.slider.budget'), min: 4, max: 25, step: 1, value: opts.budget, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.budget = v; pause(); resetTrials(); } }),
  };
  const strategySelect = select(card.controls, { label: t('hyperparameter-search.select.strategies'), value: opts.strategies, options: Object.keys(STRATEGIES).map((v) => [v, t(`hyperparameter-search.strategies.${v}`)]), onChange: (v) => { opts.strategies = v; pause(); showPanels(); resetTrials(); } });
  const showSelect = select(card.controls, { label: t('hyperparameter-search.select.show'), value: opts.show, options: ['ei', 'mean', 'std', 'cv'].map((v) => [v, t(`hyperparameter-search.show.${v}`)]), onChange: (v) => { opts.show = v; render(); } });
  const heatBox = checkbox(card.controls, { label: t('hyperparameter-search.checkbox.heat'), checked: true, onChange: (v) => { showHeat = v; wake(); ctx.requestDraw(draw); } });
  heatBox.closest('.dw-check')?.classList.add('hyperparameter-search-check');

  const statTrials = card.stat(t('hyperparameter-search.stat.trials'));
  const statGrid = card.stat(t('hyperparameter-search.stat.grid'));
  const statRandom = card.stat(t('hyperparameter-search.stat.random'));
  const statBayes = card.stat(t('hyperparameter-search.stat.bayes'));
  const statMap = card.stat(t('hyperparameter-search.stat.map'));

  // Predict, then check: with only five trials, which search ends with the better score? Judged
  // from the engine's cross-validated scores once both searches have spent the budget, on the data
  // set the widget was mounted with (the lesson's reveal is about the two moons; its try of the ring
  // and disc, left selected, is another experiment: there the grid ends on 0.942, random search on
  // 0.892).
  const SMALL = 5;
  const smallData = opts.data;
  const dataName = (v) => t(`hyperparameter-search.data.${v}`);
  const prediction = createPrediction(ctx, {
    id: 'search-budget-5',
    question: t('hyperparameter-search.predict.small.question', { small: SMALL }),
    choices: ['grid', 'random', 'tie'].map((id) => [id, t(`hyperparameter-search.predict.small.${id}`)]),
    // Trials of the five-trial searches scored under this lock: a changed prediction could copy them.
    progress: () => opts.budget === SMALL && opts.data === smallData && done > 0 && racing('grid') && racing('random'),
    next: t('hyperparameter-search.predict.small.next', { small: SMALL, data: dataName(smallData) }),
  });
  let offDataNoted = false; // the box says the run is on another data set
  // Back on the judged data set, the box again says what to do rather than naming the other one.
  function backOnSmallData() {
    if (!offDataNoted || opts.data !== smallData) return;
    offDataNoted = false;
    if (prediction.pending !== null) prediction.note(t('hyperparameter-search.predict.small.next', { small: SMALL, data: dataName(smallData) }));
  }
  function judgeSmall() {
    if (opts.budget !== SMALL || done === 0 || !racing('grid') || !racing('random')) return;
    // Five trials on another data set neither settle the box nor show its answer; they say how to
    // get back to the run it asks about.
    if (opts.data !== smallData) {
      if (prediction.pending !== null) {
        prediction.note(t('hyperparameter-search.predict.small.data', { small: SMALL, data: dataName(opts.data), judged: dataName(smallData) }));
        offDataNoted = true;
      }
      return;
    }
    // Any scored trial of the five-trial searches counts as seen: after four, the grid's 2 × 2 is
    // complete and random search can only gain, so a run paused part-way gives the answer away.
    if (prediction.pending === null) { prediction.outcomeSeen(t('hyperparameter-search.predict.small.seen', { small: SMALL })); return; }
    if (done < SMALL) return;
    const g = best(trials.grid);
    const r = best(trials.random);
    if (!g || !r) return;
    prediction.settle(r.score > g.score + 1e-9 ? 'random' : g.score > r.score + 1e-9 ? 'grid' : 'tie', t('hyperparameter-search.predict.small.why', { data: dataName(opts.data), random: fixed(r.score, 3), grid: fixed(g.score, 3), gridValues: formatNumber(new Set(trials.grid.map((tr) => tr.logG)).size, 0), randomValues: formatNumber(new Set(trials.random.map((tr) => tr.logG)).size, 0) }));
  }

  // Predict, then check: in the full race, which strategy is first to reach the best score any of
  // them finds? Judged by raceToBest once all three have spent the budget — the budget and data set
  // the widget was mounted with (the lesson's: 16 trials on the two moons, whose numbers its reveal
  // quotes). A race at another budget (the lesson's next step cuts it to 5, where Bayesian search
  // is first) or on the other data set is another experiment: the box names what differs and how
  // to get back, and judges nothing.
  // Settings changed from outside (an embedder's update) are the ones the question asks about, as
  // in a card opened with them.
  let raceBudget = opts.budget;
  let raceData = opts.data;
  const raceQuestion = () => t('hyperparameter-search.predict.race.question', { budget: raceBudget, data: dataName(raceData) });
  const racePrediction = createPrediction(ctx, {
    id: 'search-race-first',
    question: raceQuestion(),
    choices: ['grid', 'random', 'bayes', 'tie'].map((id) => [id, t(`hyperparameter-search.predict.race.${id}`)]),
    onCommit: () => { raceNoted = ''; },
    progress: () => opts.strategies === 'all' && done > 0,
    next: () => (raceAway().length
      ? t('hyperparameter-search.predict.race.nextAway', { steps: raceAway().map(raceRestore) })
      : t('hyperparameter-search.predict.race.next')),
  });
  let raceNoted = ''; // the note last shown about a race away from the question's
  const raceAway = () => [opts.budget !== raceBudget && 'budget', opts.data !== raceData && 'data'].filter(Boolean);
  const raceRestore = (k) => (k === 'budget'
    ? t('hyperparameter-search.predict.race.restore.budget', { judged: raceBudget, now: opts.budget })
    : t('hyperparameter-search.predict.race.restore.data', { judged: dataName(raceData), now: dataName(opts.data) }));
  function judgeRace() {
    if (opts.strategies !== 'all' || done === 0) return;
    const differs = raceAway();
    // Any trial of a race counts as seen: the best-so-far chart shows who got where first (at seed
    // 5 random search holds 0.892 from trial 3), so a race paused part-way gives the answer away.
    // At another budget or data set it is a glimpse (the random draws and Bayesian search's first
    // trials are the same; the lesson's text stays closed).
    if (racePrediction.pending === null) {
      if (differs.length) racePrediction.outcomeGlimpsed(t('hyperparameter-search.predict.race.glimpsed'));
      else racePrediction.outcomeSeen(t('hyperparameter-search.predict.race.seen'));
      return;
    }
    if (differs.length) {
      const text = t('hyperparameter-search.predict.race.elsewhere', { budget: raceBudget, data: dataName(raceData), steps: differs.map(raceRestore) });
      if (text !== raceNoted) { racePrediction.note(text); raceNoted = text; }
      return;
    }
    if (done < opts.budget) return;
    const r = raceToBest(trials);
    const list = KEYS.map((k) => (Number.isFinite(r.reached[k])
      ? t('hyperparameter-search.predict.race.reached', { strategy: t(`hyperparameter-search.predict.race.${k}`), trial: formatNumber(r.reached[k], 0) })
      : t('hyperparameter-search.predict.race.missed', { strategy: t(`hyperparameter-search.predict.race.${k}`) }))).join(', ');
    racePrediction.settle(r.winner, t('hyperparameter-search.predict.race.why', { budget: opts.budget, data: dataName(opts.data), top: fixed(r.top, 3), list }));
  }
  const racing = (key) => STRATEGIES[opts.strategies].includes(key);

  function showPanels() {
    for (const key of KEYS) panels[key].host.hidden = !racing(key);
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
    wake();
  }

  function resetTrials() {
    trials = {
      grid: gridTrials(opts.budget, RANGE).map((trial) => ({ ...trial, score: undefined })),
      random: randomTrials(opts.budget, RANGE, opts.seed).map((trial) => ({ ...trial, score: undefined })),
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
      const trial = racing(key) ? trials[key][done] : null;
      if (trial) trial.score = cv(trial.logC, trial.logG);
    }
    if (racing('bayes')) {
      const trial = attempt(card, () => bayesStep(search, RANGE, cv), null);
      if (trial) trials.bayes.push(trial);
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
    for (const trial of list) if (trial.score !== undefined && Number.isFinite(trial.score) && (!b || trial.score > b.score)) b = trial;
    return b;
  }

  // "<strategy> <best score>" for each racing strategy, joined.
  const scores = (keys, bests) => keys.map((k) => t('hyperparameter-search.strategyScore', { strategy: short(k), score: fixed(bests[k]?.score, 3) })).join(', ');

  function render() {
    const g = best(trials.grid);
    const r = best(trials.random);
    const bb = best(trials.bayes);
    const gridUsed = Math.min(done, trials.grid.length);
    statTrials.set(t('hyperparameter-search.trialsOf', { done, budget: opts.budget }));
    statGrid.set(racing('grid') ? (g ? fixed(g.score, 3) : '–') : t('hyperparameter-search.notRacing'));
    statRandom.set(racing('random') ? (r ? fixed(r.score, 3) : '–') : t('hyperparameter-search.notRacing'));
    statBayes.set(racing('bayes') ? (bb ? fixed(bb.score, 3) : '–') : t('hyperparameter-search.notRacing'));
    const filled = heat.filter((v) => v !== undefined).length;
    statMap.set(filled < heat.length ? t('hyperparameter-search.cellsOf', { filled, total: heat.length }) : t('hyperparameter-search.complete'));
    const distinct = (list, key) => new Set(list.slice(0, done).map((tr) => tr[key].toFixed(6))).size;
    panels.grid.note.textContent = g
      ? t('hyperparameter-search.note.grid', { C: fmtPow(g.logC), gamma: fmtPow(g.logG), distinct: distinct(trials.grid, 'logG'), trials: gridUsed })
      : t('hyperparameter-search.note.gridPlan', { trials: trials.grid.length, rows: Math.floor(Math.sqrt(opts.budget)), cols: Math.floor(opts.budget / Math.floor(Math.sqrt(opts.budget))) });
    panels.random.note.textContent = r
      ? t('hyperparameter-search.note.random', { C: fmtPow(r.logC), gamma: fmtPow(r.logG), distinct: distinct(trials.random, 'logG'), trials: done })
      : t('hyperparameter-search.note.randomPlan', { trials: opts.budget });
    const starts = trials.bayes.filter((tr) => tr.initial).length;
    panels.bayes.note.textContent = bb
      ? t('hyperparameter-search.note.bayes', { C: fmtPow(bb.logC), gamma: fmtPow(bb.logG), starts, chosen: trials.bayes.length - starts })
      : t('hyperparameter-search.note.bayesPlan', { starts: formatNumber(search.initialTrials(), 0) });
    panels.bayes.caption.textContent = surfaceCaption();
    if (!data) return;
    const keys = STRATEGIES[opts.strategies];
    const bests = { grid: g, random: r, bayes: bb };
    if (done === 0) card.setMessage(t('hyperparameter-search.start', { k: opts.k }), 'info');
    else if (done < opts.budget) card.setMessage(t('hyperparameter-search.progress', { done, budget: opts.budget, list: scores(keys, bests) }), 'info');
    else if (opts.strategies !== 'grid-random') {
      const race = raceToBest(Object.fromEntries(keys.map((k) => [k, trials[k]])));
      const firsts = keys.filter((k) => race.reached[k] === Math.min(...keys.map((x) => race.reached[x])));
      const lead = race.winner === 'tie' ? t('hyperparameter-search.tie', { names: firsts.map(short).join(t('hyperparameter-search.and')) }) : t('hyperparameter-search.first', { strategy: title(race.winner) });
      const spread = racing('grid') && racing('random') ? t('hyperparameter-search.spread', { grid: distinct(trials.grid, 'logG'), random: distinct(trials.random, 'logG') }) : '';
      card.setMessage(t('hyperparameter-search.raceDone', { top: fixed(race.top, 3), lead, list: keys.map((k) => (Number.isFinite(race.reached[k])
        ? t('hyperparameter-search.raceResult.reached', { strategy: title(k), score: fixed(bests[k]?.score, 3), trial: formatNumber(race.reached[k], 0) })
        : t('hyperparameter-search.raceResult.missed', { strategy: title(k), score: fixed(bests[k]?.score, 3) }))).join('; '), spread }), 'ok');
    } else {
      const unused = opts.budget - trials.grid.length;
      const tail = unused > 0 ? t('hyperparameter-search.unspent', { used: trials.grid.length, budget: opts.budget, unused }) : '';
      const verdict = r.score > g.score + 1e-9 ? t('hyperparameter-search.verdict.random') : g.score > r.score + 1e-9 ? t('hyperparameter-search.verdict.grid') : t('hyperparameter-search.verdict.tie');
      card.setMessage(t('hyperparameter-search.pairDone', { verdict, random: fixed(r.score, 3), grid: fixed(g.score, 3), gridValues: distinct(trials.grid, 'logG'), randomValues: distinct(trials.random, 'logG'), tail }), r.score >= g.score ? 'ok' : 'info');
    }
    for (const key of ['grid', 'random', 'bayes']) {
      const b = bests[key];
      panels[key].plot.canvas.setAttribute('aria-label', t('hyperparameter-search.panelFigure', { strategy: title(key), done, best: b ? fixed(b.score, 3) : t('hyperparameter-search.noneYet') }));
    }
    chart.canvas.setAttribute('aria-label', t('hyperparameter-search.chartFigure', { list: scores(keys, bests), done }));
    fillLegend(chartLegend, keys.map((k) => ({ text: short(k), swatch: `dw-swatch hyperparameter-search-swatch-line hyperparameter-search-swatch-line-${k}` })));
    ctx.requestDraw(draw);
  }

  // What the Bayesian panel's background shows, with its range in words.
  function surfaceCaption() {
    if (opts.show === 'cv') return t('hyperparameter-search.surface.cv');
    if (!surface) return t('hyperparameter-search.surface.none');
    const what = t(`hyperparameter-search.surface.${opts.show}`);
    const values = opts.show === 'ei' ? surface.ei : opts.show === 'std' ? surface.std : surface.mean;
    const top = Math.max(...values);
    const next = proposal && !proposal.initial ? t('hyperparameter-search.surface.next', { ei: formatShort(proposal.ei, 2), C: fmtPow(fromUnit(proposal.u, proposal.v, RANGE).logC), gamma: fmtPow(fromUnit(proposal.u, proposal.v, RANGE).logG) }) : proposal ? t('hyperparameter-search.surface.nextRandom') : '';
    return t('hyperparameter-search.surface', { what, top: formatShort(top, 2), next });
  }

  // C and γ in every note, caption and message: three significant digits, so 0.75 and 14.8 are
  // written alike (fixed decimals by size gave 0.750 beside 14.81).
  function fmtPow(lg) {
    return formatShort(10 ** lg, 3);
  }

  // Heat map cells are evaluated a few per frame in the background; trials advance on Play. The
  // tick runs only while there is such work, so an idle widget asks the browser for no frames.
  let stopTick = null;
  const heatPending = () => data && showHeat && heatNext < heat.length;
  function wake() {
    if (stopTick) return;
    stopTick = ctx.animate((time) => {
      if (heatPending()) {
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
      if (!playing && !heatPending()) { stopTick(); stopTick = null; }
    }, (err) => { pause(); card.setMessage(t('hyperparameter-search.stopped', { reason: err.message }), 'bad'); });
  }

  // Under prefers-reduced-motion Play runs one trial per press, as Step does, and nothing moves by
  // itself (docs/design.md; lib/player.js's reduced()).
  function play() {
    if (done >= opts.budget) resetTrials();
    if (prefersReducedMotion()) { stepTrial(); return; }
    playing = true;
    lastTrial = 0;
    // Each trial rewrites the message (best so far), four or five a second: quiet while playing,
    // and the race's result said once at the end (card.hush in ui.js).
    card.hush();
    wake();
    playBtn.textContent = t('hyperparameter-search.pause');
  }
  function pause() {
    if (!playing) return;
    playing = false;
    playBtn.textContent = t('hyperparameter-search.play');
    card.speak();
  }

  function drawPanel(key) {
    const { plot } = panels[key];
    plot.setDomain(RANGE.c0, RANGE.c1, RANGE.g0, RANGE.g1);
    plot.begin();
    const th = plot.theme;
    const colour = divergingScale(th, 0.25);
    const n = opts.resolution;
    plot.clipToArea((c) => {
      c.fillStyle = th.surface2;
      c.fillRect(0, 0, plot.width, plot.height);
      if (key === 'bayes' && opts.show !== 'cv') {
        if (surface) drawSurface(c, th);
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
    plot.axes({ xLabel: t('hyperparameter-search.axis.C'), yLabel: t('hyperparameter-search.axis.gamma'), xTicks: 5, yTicks: 4 });
    const c = plot.ctx;
    const list = trials[key].slice(0, done);
    const b = best(list);
    list.forEach((tr, i) => {
      const X = plot.px(tr.logC);
      const Y = plot.py(tr.logG);
      c.beginPath(); c.arc(X, Y, i === done - 1 ? 6 : 4.5, 0, Math.PI * 2);
      c.fillStyle = th.model; c.fill();
      c.lineWidth = 1.5; c.strokeStyle = th.surface; c.stroke();
    });
    // Planned but not yet evaluated: faint outlines, so the shape of each plan is visible once the
    // search runs. Not before its first trial: over the score map the plan gives the race away
    // (the colours under the grid's four circles and random search's five at a budget of 5 rank
    // the two searches, the five-trial box's answer, before a single trial is scored).
    c.save();
    c.globalAlpha = 0.45;
    for (const tr of done > 0 ? trials[key].slice(done) : []) {
      c.beginPath(); c.arc(plot.px(tr.logC), plot.py(tr.logG), 3.5, 0, Math.PI * 2);
      c.strokeStyle = th.textMuted; c.lineWidth = 1; c.stroke();
    }
    c.restore();
    if (b) {
      c.beginPath(); c.arc(plot.px(b.logC), plot.py(b.logG), 10, 0, Math.PI * 2);
      c.strokeStyle = th.surface; c.lineWidth = 5; c.stroke();
      c.strokeStyle = th.text; c.lineWidth = 2.5; c.stroke();
    }
    if (key === 'bayes' && proposal) {
      // The next trial: a diamond where expected improvement is largest (or the next random start).
      const { logC, logG } = fromUnit(proposal.u, proposal.v, RANGE);
      const X = plot.px(logC);
      const Y = plot.py(logG);
      c.beginPath(); c.moveTo(X, Y - 8); c.lineTo(X + 8, Y); c.lineTo(X, Y + 8); c.lineTo(X - 8, Y); c.closePath();
      c.strokeStyle = th.surface; c.lineWidth = 5; c.stroke();
      c.strokeStyle = th.accent; c.lineWidth = 2.5; c.stroke();
    }
  }

  // The GP's mean (same colours as the CV heat map), sd or EI on the SURFACE grid.
  function drawSurface(c, th) {
    const plot = panels.bayes.plot;
    const n = surface.n;
    const values = opts.show === 'ei' ? surface.ei : opts.show === 'std' ? surface.std : surface.mean;
    const top = Math.max(...values);
    const around = divergingScale(th, 0.25);
    const colour = opts.show === 'mean' ? ((v) => around(v - 0.75)) : sequentialScale(th, 0, top > 0 ? top : 1, th.class2);
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
    const th = chart.theme;
    chart.clipToArea((c) => { c.fillStyle = th.surface2; c.fillRect(0, 0, chart.width, chart.height); });
    chart.axes({ xLabel: t('hyperparameter-search.axis.trial'), yLabel: t('hyperparameter-search.axis.best'), xTicks: 5, yTicks: 5 });
    for (const k of keys) {
      const ys = curves[k].map((v) => (Number.isFinite(v) ? v : NaN));
      chart.path(ys.map((_, i) => i + 1), ys, { color: th[LINES[k].key], width: 2.5, dash: LINES[k].dash });
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
      const reworded = next.budget !== raceBudget || next.data !== raceData;
      opts = { ...next };
      if (reworded) {
        raceBudget = opts.budget;
        raceData = opts.data;
        racePrediction.ask(raceQuestion(), { why: t('hyperparameter-search.predict.race.asked') });
      }
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
