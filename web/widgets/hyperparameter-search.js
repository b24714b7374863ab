// Hyper-parameter search (seed 002, issue 8): grid search and random search spend the same
// budget of trials on a kernel SVM's C and γ (both on log scales). Every trial is one engine
// crossValScore (k folds) on a seeded data set; the cross-validated score over the whole (C, γ)
// plane is computed lazily, a few cells per frame, as a heat map behind both panels.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { prefersReducedMotion } from '../lib/frame.js';
import { button, buttonRow, checkbox, el, fixed, select, slider } from '../lib/ui.js';
import { seedOption } from '../lib/schema.js';
import { formatNumber } from '../lib/format.js';
import { legend } from '../lib/legend.js';
import { divergingScale } from '../lib/colors.js';
import { gridTrials, randomTrials } from './hyperparameter-search/trials.js';
import { mean } from '../lib/arrays.js';
import { createPrediction } from '../lib/predict.js';

export const schema = {
  data: { type: 'enum', values: ['moons', 'circles'], default: 'moons', description: 'Which seeded data set the SVM learns.' },
  points: { type: 'int', min: 40, max: 200, default: 120, description: 'Points in the data set.' },
  noise: { type: 'number', min: 0, max: 0.5, default: 0.3, description: 'Noise of the generator.' },
  k: { type: 'int', min: 2, max: 5, default: 3, description: 'Cross-validation folds per trial.' },
  budget: { type: 'int', min: 4, max: 25, default: 16, description: 'Trials each strategy may spend.' },
  resolution: { type: 'int', min: 4, max: 10, default: 8, description: 'Heat map cells per axis.' },
  seed: seedOption(5, 'Seed for the data, the folds and the random trials.'),
  autoplay: { type: 'boolean', default: false, description: 'Start playing on load (ignored with reduced motion).' },
};

export const meta = {
  title: 'Grid search versus random search',
  hint: 'Both strategies get the same number of trials. Press Play and compare the best cross-validated score each finds.',
};

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

// log₁₀ ranges searched: C from 0.01 to 1000, γ from 0.01 to 100.
export const RANGE = { c0: -2, c1: 3, g0: -2, g1: 2 };
const MAX_STEPS = 2000;
const TRIAL_MS = 220;
const CELLS_PER_FRAME = 2;

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  const svm = ctx.own(new ml.KernelSVM());
  let data = null;
  let heat = [];
  let heatNext = 0;
  let showHeat = true;
  let trials = { grid: [], random: [] };
  let done = 0;
  let playing = false;
  let lastTrial = 0;

  const pair = el('div', { className: 'dwl-pair' });
  card.stage.append(pair); // attached first: the plots read their colours from the page
  const panels = {};
  for (const [key, title] of [['grid', 'Grid search'], ['random', 'Random search']]) {
    const host = el('div', { className: 'dwl-panel' }, [el('p', { className: 'dwl-panel-title', text: title })]);
    pair.append(host);
    const plot = ctx.own(new Plot(host, { aspect: 0.85, minHeight: 240, maxHeight: 400, label: title, onResize: () => ctx.requestDraw(draw) }));
    plot.margin = { ...plot.margin, top: 22 }; // room for the y-axis title above the top tick
    const note = el('p', { className: 'dwl2-best' });
    host.append(note);
    panels[key] = { plot, note };
  }
  legend(card.stage, [
    { text: 'heat map: CV accuracy, ≤ 0.5 orange → 0.75 white → 1 blue', swatch: 'dwl-swatch dwl-sw-heat' },
    { text: 'trial', swatch: 'dwl-swatch dwl-sw-model' },
    { text: 'best so far', swatch: 'dwl-swatch dwl-sw-best' },
  ]);

  const buttons = buttonRow(card.controls);
  const playBtn = button(buttons, 'Play', () => (playing ? pause() : play()), { primary: true });
  button(buttons, 'Step', () => { pause(); stepTrial(); });
  button(buttons, 'Reset', () => { pause(); resetTrials(); });
  select(card.controls, { label: 'data', value: opts.data, options: [['moons', 'two moons'], ['circles', 'ring and disc']], onChange: (v) => { opts.data = v; loadData(); } });
  const sliders = {
    budget: slider(card.controls, { label: 'budget of trials', min: 4, max: 25, step: 1, value: opts.budget, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.budget = v; pause(); resetTrials(); } }),
  };
  const heatBox = checkbox(card.controls, { label: 'show the full heat map (extra evaluations)', checked: true, onChange: (v) => { showHeat = v; ctx.requestDraw(draw); } });
  heatBox.closest('.dw-check')?.classList.add('dwl-check');

  const statTrials = card.stat('trials');
  const statGrid = card.stat('grid best CV');
  const statRandom = card.stat('random best CV');
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
    if (prediction.pending === null || opts.budget !== SMALL || done < SMALL) return;
    const g = best(trials.grid);
    const r = best(trials.random);
    if (!g || !r) return;
    prediction.settle(r.score > g.score + 1e-9 ? 'random' : g.score > r.score + 1e-9 ? 'grid' : 'tie', `Random ${fixed(r.score, 3)}, grid ${fixed(g.score, 3)}. Five trials make only a 2 × 2 grid (the fifth goes unspent), so the grid tries ${formatNumber(new Set(trials.grid.map((t) => t.logG)).size, 0)} values of γ; random search tries ${formatNumber(new Set(trials.random.map((t) => t.logG)).size, 0)}.`);
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
    };
    done = 0;
    render();
  }

  function stepTrial() {
    if (!data) return;
    if (done >= opts.budget) { pause(); return; }
    for (const key of ['grid', 'random']) {
      const t = trials[key][done];
      if (t) t.score = cv(t.logC, t.logG);
    }
    done += 1;
    if (done >= opts.budget) pause();
    render();
    judgeSmall();
  }

  function best(list) {
    let b = null;
    for (const t of list) if (t.score !== undefined && Number.isFinite(t.score) && (!b || t.score > b.score)) b = t;
    return b;
  }

  function render() {
    const g = best(trials.grid);
    const r = best(trials.random);
    const gridUsed = Math.min(done, trials.grid.length);
    statTrials.set(`${done} / ${opts.budget}`);
    statGrid.set(g ? fixed(g.score, 3) : '–');
    statRandom.set(r ? fixed(r.score, 3) : '–');
    const filled = heat.filter((v) => v !== undefined).length;
    statMap.set(filled < heat.length ? `${filled} / ${heat.length} cells` : 'complete');
    const distinct = (list, key) => new Set(list.slice(0, done).map((t) => t[key].toFixed(6))).size;
    panels.grid.note.textContent = g
      ? `best C = ${fmtPow(g.logC)}, γ = ${fmtPow(g.logG)} · ${distinct(trials.grid, 'logG')} distinct γ values in ${gridUsed} trials`
      : `${trials.grid.length} trials planned on a ${Math.floor(Math.sqrt(opts.budget))} × ${Math.floor(opts.budget / Math.floor(Math.sqrt(opts.budget)))} grid`;
    panels.random.note.textContent = r
      ? `best C = ${fmtPow(r.logC)}, γ = ${fmtPow(r.logG)} · ${distinct(trials.random, 'logG')} distinct γ values in ${done} trials`
      : `${opts.budget} trials drawn uniformly on the log scales`;
    if (!data) return;
    if (done === 0) card.setMessage(`Nothing tried yet. Press Play or Step: each trial runs ${opts.k}-fold cross-validation of a kernel SVM at one (C, γ).`, 'info');
    else if (done < opts.budget) card.setMessage(`Trial ${done} of ${opts.budget}. Best so far — grid ${fixed(g?.score, 3)}, random ${fixed(r?.score, 3)}.`, 'info');
    else {
      const unused = opts.budget - trials.grid.length;
      const tail = unused > 0 ? ` The grid could only use ${trials.grid.length} of the ${opts.budget} trials (a rectangle of points), so ${unused} went unspent.` : '';
      const verdict = r.score > g.score + 1e-9 ? 'Random search found the better setting' : g.score > r.score + 1e-9 ? 'Grid search found the better setting' : 'Both found equally good settings';
      card.setMessage(`${verdict}: random ${fixed(r.score, 3)} vs grid ${fixed(g.score, 3)}. The grid tried only ${distinct(trials.grid, 'logG')} values of γ; random search tried ${distinct(trials.random, 'logG')}.${tail}`, r.score >= g.score ? 'ok' : 'info');
    }
    for (const key of ['grid', 'random']) {
      const b = key === 'grid' ? g : r;
      panels[key].plot.canvas.setAttribute('aria-label', `${key} search, ${done} trials, best cross-validated accuracy ${b ? fixed(b.score, 3) : 'none yet'}`);
    }
    ctx.requestDraw(draw);
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
      if (showHeat) {
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
  }

  function draw() {
    drawPanel('grid');
    drawPanel('random');
  }

  loadData();
  if (opts.autoplay && !prefersReducedMotion()) play();

  return {
    update(next) {
      opts = { ...next };
      sliders.budget.set(opts.budget);
      pause();
      loadData();
    },
  };
}
