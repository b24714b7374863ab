// GAN lab: a generator and a discriminator trained against each other, live, on 2-D points
// (the engine's Gan, dw/gan.hpp). The plane shows the real points (blue circles), the fakes
// (orange triangles), the discriminator's probability "real" as a heat map sampled at cell
// centres, and arrows on some fakes: where the discriminator's gradient pushes them. Below, both
// losses per round. A preset makes the generator collapse onto one mode and another helps it
// recover; the readout counts the target modes the fakes cover (the engine's coverage measure).
// Own points: a CSV file of (x1, x2) rows (or a Share link) replaces the target's real points
// (the engine's Gan.setRealPoints: one mode, so "Modes covered" shows – for them, said in words);
// choosing a target drops them, and "Make it collapse" starts again on them.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { requestDraw, cancelDraw } from '../lib/frame.js';
import { player } from '../lib/player.js';
import { button, buttonRow, el, select, slider } from '../lib/ui.js';
import { drawHeatmap, probabilityRgb, heatLegend } from '../lib/heatmap.js';
import { formatNumber, formatPercent, formatShort } from '../lib/format.js';
import { schema, VIEW, COLLAPSE, RECOVER, createGan, coverageText, describe } from './gan-lab/model.js';
import { messages } from './gan-lab/messages.js';

import { watchColorScheme } from '../lib/theme.js';
import { createPrediction } from '../lib/predict.js';
import { pointsCsv, pointsFromState, pointsState, showOwnPoints } from '../lib/points-csv.js';

export { schema };

const GRID = 40;             // heat-map cells per side
const ARROW_EVERY = 6;       // an arrow on every 6th fake
const MAX_HISTORY = 4000;    // rounds kept for the loss chart (older ones thinned)
// Own real points from a CSV file: positions on the plot (a label column is ignored with a note).
// Options that make the real points: changing one replaces imported points.
const DATA_OPTIONS = ['target', 'seed'];
export const CSV_RULES = { labels: 'none', domain: [VIEW.x0, VIEW.x1], minPoints: 16, maxPoints: 2000 };

export const meta = {
  title: messages['gan-lab.title'],
  hint: messages['gan-lab.hint'],
};

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, stateChanged, t } = ctx;
  let opts = { ...options };
  let gan = null;
  let real = null;
  let fakes = null;
  let flow = null;
  let grid = null;
  let cov = null;
  let dReal = 0.5;
  let history = [];   // [round, lossD, lossG]
  let imported = null; // flat x, y pairs from a CSV file or a Share link, instead of the target's
  const cleanups = []; // everything destroy() must undo, in one list

  const plot = new Plot(card.stage, { aspect: 1, minHeight: 260, maxHeight: 480, label: t('gan-lab.plot'), onResize: () => requestDraw(draw) });
  plot.setDomain(VIEW.x0, VIEW.x1, VIEW.y0, VIEW.y1);
  cleanups.push(() => plot.destroy());
  const key = el('div', { className: 'dw-legend', 'aria-hidden': 'true' });
  card.stage.append(key);
  key.append(el('span', { text: t('gan-lab.key.real') }), el('span', { text: t('gan-lab.key.fakes') }), el('span', { text: t('gan-lab.key.push') }));
  const legend = heatLegend(card.stage, { color: probabilityRgb(plot.theme), low: '0', high: '1', caption: t('gan-lab.heatCaption') });
  const lossPlot = new Plot(card.stage, { aspect: 0.3, minHeight: 140, maxHeight: 200, label: t('gan-lab.lossPlot'), onResize: () => requestDraw(draw) });
  cleanups.push(() => lossPlot.destroy());
  const lossKey = el('div', { className: 'dw-legend', 'aria-hidden': 'true' });
  lossKey.append(el('span', { text: t('gan-lab.lossKey.d') }), el('span', { text: t('gan-lab.lossKey.g') }), el('span', { text: t('gan-lab.lossKey.balance') }));
  card.stage.append(lossKey);
  const described = el('p', { className: 'dw-sr-only', 'aria-live': 'off' });
  card.stage.append(described);

  // ---- controls ----
  const buttons = buttonRow(card.controls);
  const play = player(buttons, card, {
    reduced: () => advance(100),
    tick: () => advance(opts.roundsPerFrame),
  });
  cleanups.push(() => play.stop());
  // Step pauses a run and adds one round; Reset (and everything else that starts afresh, see
  // restart) pauses it too, so the fresh ring waits for Play.
  button(buttons, t('gan-lab.step'), () => { play.stop(); advance(1); });
  button(buttons, t('gan-lab.reset'), () => restart());
  const presets = buttonRow(card.controls);
  button(presets, t('gan-lab.collapse'), () => applyPreset(COLLAPSE, true));
  button(presets, t('gan-lab.recover'), () => applyPreset(RECOVER, false));

  const targetSelect = select(card.controls, {
    label: t('gan-lab.select.target'),
    options: schema.target.values.map((v) => [v, t(`gan-lab.target.${v}`)]),
    value: opts.target,
    onChange: (v) => { opts.target = v; imported = null; restart(); },
  });
  pointsCsv(ctx, card.controls, {
    filename: 'gan-real-points.csv', rules: CSV_RULES,
    get: () => ({ X: real || new Float64Array(0), y: null }),
    // The engine counts imported points as one mode, so the readout would say "1 of 1 mode" for
    // any file: it shows – instead, and the import's notes say why.
    set: (parsed) => { imported = parsed.X; restart(); return [t('gan-lab.csv.modes')]; },
  });
  const optimizerSelect = select(card.controls, {
    label: t('gan-lab.select.optimizer'),
    options: schema.optimizer.values.map((v) => [v, t(`gan-lab.optimizer.${v}`)]),
    value: opts.optimizer,
    onChange: (v) => { opts.optimizer = v; settingChanged(); attempt(card, () => gan.setOptimizer(v)); },
  });
  const rate = (v) => formatShort(v, 2);
  const gRate = slider(card.controls, { label: t('gan-lab.slider.generatorRate'), min: 0.0001, max: 1, value: opts.generatorRate, scale: 'log', step: 0.05, format: rate, onInput: (v) => { opts.generatorRate = v; applyRates(); } });
  const dRate = slider(card.controls, { label: t('gan-lab.slider.discriminatorRate'), min: 0.0001, max: 1, value: opts.discriminatorRate, scale: 'log', step: 0.05, format: rate, onInput: (v) => { opts.discriminatorRate = v; applyRates(); } });
  const kSlider = slider(card.controls, { label: t('gan-lab.slider.discriminatorSteps'), min: 1, max: 10, step: 1, value: opts.discriminatorSteps, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.discriminatorSteps = v; settingChanged(); attempt(card, () => gan.setDiscriminatorSteps(v)); } });
  const gSlider = slider(card.controls, { label: t('gan-lab.slider.generatorSteps'), min: 1, max: 10, step: 1, value: opts.generatorSteps, format: (v) => formatNumber(v, 0), onInput: (v) => { opts.generatorSteps = v; settingChanged(); attempt(card, () => gan.setGeneratorSteps(v)); } });

  const roundStat = card.stat(t('gan-lab.stat.round'));
  const lossDStat = card.stat(t('gan-lab.stat.lossD'));
  const lossGStat = card.stat(t('gan-lab.stat.lossG'));
  const coverStat = card.stat(t('gan-lab.stat.cover'));
  const onDataStat = card.stat(t('gan-lab.stat.onData'));

  // Predict, then check: what does a generator that updates five times per discriminator update
  // do to the ring? Judged from the engine's coverage after 400 rounds of "Make it collapse".
  const COLLAPSE_ROUNDS = 400;
  let collapseRun = false; // the current run is "Make it collapse" from a fresh start, untouched
  const prediction = createPrediction(ctx, {
    id: 'gan-collapse',
    question: t('gan-lab.predict.question', { rounds: COLLAPSE_ROUNDS }),
    choices: ['most', 'some', 'one'].map((id) => [id, t(`gan-lab.predict.${id}`)]),
    next: t('gan-lab.predict.next', { rounds: COLLAPSE_ROUNDS }),
    onCommit: () => { awayNoted = ''; },
  });
  // The ring trained with the collapse preset's update counts, whether by the button or the sliders.
  const collapseCounts = () => opts.target === 'ring' && !imported
    && opts.generatorSteps === COLLAPSE.generatorSteps && opts.discriminatorSteps === COLLAPSE.discriminatorSteps;
  // The preset's other settings, which the question and the lesson's reveal are about, compared as
  // the controls show them; each one away from them is named with the way back.
  const shownSetting = { optimizer: (v) => t(`gan-lab.optimizer.${v}`), generatorRate: rate, discriminatorRate: rate };
  const away = () => Object.keys(shownSetting).filter((k) => shownSetting[k](opts[k]) !== shownSetting[k](COLLAPSE[k]));
  const restoreStep = (k) => t(`gan-lab.predict.restore.${k}`, { judged: shownSetting[k](COLLAPSE[k]), now: shownSetting[k](opts[k]) });
  let awayNoted = ''; // the note last shown about a run away from the question's
  function judgeCollapse() {
    if (!gan || !cov) return;
    // The coverage readout of such a run shows the clump within a few dozen rounds (0 or 1 mode
    // from round 25 at the default seed), so any round of it seen before a prediction is locked
    // gives the answer away, even paused well before round COLLAPSE_ROUNDS. At another optimiser
    // or rate it is a glimpse (a later prediction is practice, the lesson's text stays closed).
    if (prediction.pending === null && gan.steps() > 0 && (collapseRun || collapseCounts())) {
      if (!collapseRun && away().length) prediction.outcomeGlimpsed(t('gan-lab.predict.glimpsed', { rounds: formatNumber(gan.steps(), 0) }));
      else prediction.outcomeSeen(t('gan-lab.predict.seen', { rounds: formatNumber(gan.steps(), 0) }));
      return;
    }
    // Five generator updates per round on the ring, but not the preset's run from its fresh start
    // (a setting changed since, or the counts set by hand): another experiment, said in words.
    if (prediction.pending !== null && !collapseRun && collapseCounts() && gan.steps() > 0) {
      const differs = away();
      const text = differs.length
        ? t('gan-lab.predict.elsewhere', { rounds: COLLAPSE_ROUNDS, optimizer: shownSetting.optimizer(COLLAPSE.optimizer), rate: rate(COLLAPSE.generatorRate), steps: differs.map(restoreStep) })
        : t('gan-lab.predict.notFresh', { rounds: COLLAPSE_ROUNDS });
      if (text !== awayNoted) { prediction.note(text); awayNoted = text; }
      return;
    }
    if (!collapseRun || gan.steps() < COLLAPSE_ROUNDS) return;
    const n = cov.covered;
    prediction.settle(n >= 6 ? 'most' : n >= 2 ? 'some' : 'one', t('gan-lab.predict.why', { rounds: formatNumber(gan.steps(), 0), coverage: coverageText(cov, t), collapsed: n <= 1 }));
  }

  function applyRates() { settingChanged(); attempt(card, () => gan.setLearningRates(opts.generatorRate, opts.discriminatorRate)); }

  // A preset's words name its settings and say to press Play, so they stay only while they are
  // true: a training setting changed by hand clears them, and once rounds have run under the
  // preset "press Play" gives way to what is running (said once, not every frame).
  let presetShown = null; // { preset, from: the round it was pressed at, running } while on screen
  function settingChanged() {
    collapseRun = false;
    if (presetShown) { presetShown = null; card.setMessage(''); }
  }
  function showPreset() {
    if (!presetShown) return;
    const { preset, from, running, own } = presetShown;
    const rate = formatShort(RECOVER.generatorRate, 2);
    const round = formatNumber(from, 0);
    if (preset === COLLAPSE && own) card.setMessage(running ? t('gan-lab.collapseOwnRunning') : t('gan-lab.collapseOwnText'));
    else if (preset === COLLAPSE) card.setMessage(running ? t('gan-lab.collapseRunning') : t('gan-lab.collapseText'));
    else card.setMessage(running ? t('gan-lab.recoverRunning', { rate, round }) : t('gan-lab.recoverText', { rate, round }));
  }

  function syncControls() {
    showOwnPoints(targetSelect, !!imported, opts.target, ctx.t);
    optimizerSelect.value = opts.optimizer;
    gRate.set(opts.generatorRate);
    dRate.set(opts.discriminatorRate);
    kSlider.set(opts.discriminatorSteps);
    gSlider.set(opts.generatorSteps);
  }

  function restart() {
    play.stop();
    collapseRun = false;
    const next = attempt(card, () => createGan(ml, opts, imported), null);
    if (!next) return;
    if (gan) gan.delete();
    gan = next;
    real = gan.realPoints();
    showOwnPoints(targetSelect, !!imported, opts.target, ctx.t);
    history = [];
    presetShown = null;
    card.setMessage('');
    refresh();
    stateChanged();
  }
  cleanups.push(() => { if (gan) gan.delete(); gan = null; });

  // "Make it collapse" (fresh) starts again on the ring, or on the learner's imported points when
  // they are loaded (kept, and said so: the prediction is about the ring, so that run is not judged).
  function applyPreset(preset, fresh) {
    opts = { ...opts, ...preset, target: fresh && !imported ? 'ring' : opts.target };
    syncControls();
    if (fresh) { restart(); collapseRun = preset === COLLAPSE && !imported; } else {
      collapseRun = false;
      attempt(card, () => { gan.setGeneratorSteps(opts.generatorSteps); gan.setDiscriminatorSteps(opts.discriminatorSteps); gan.setLearningRates(opts.generatorRate, opts.discriminatorRate); });
    }
    presetShown = { preset, from: gan ? gan.steps() : 0, running: false, own: !!imported };
    showPreset();
    stateChanged();
  }

  function advance(rounds) {
    if (!gan) return false;
    if (gan.status() === 'diverged') { presetShown = null; card.setMessage(t('gan-lab.diverged'), 'bad'); return false; }
    const ok = attempt(card, () => { for (let i = 0; i < rounds; i++) gan.step(); return true; }, false);
    if (!ok) { presetShown = null; return false; }
    refresh();
    judgeCollapse();
    if (gan.status() === 'diverged') { presetShown = null; card.setMessage(t('gan-lab.diverged'), 'bad'); return false; }
    if (presetShown && !presetShown.running && gan.steps() > presetShown.from) { presetShown.running = true; showPreset(); }
    return true;
  }

  // Reads everything the picture needs from the engine (copies), then asks for one draw.
  function refresh() {
    fakes = gan.generatedPoints();
    flow = gan.generatorFlow(fakes);
    grid = gan.discriminatorGrid(VIEW.x0, VIEW.x1, VIEW.y0, VIEW.y1, GRID, GRID);
    cov = gan.coverage();
    const d = gan.discriminate(real);
    dReal = d.reduce((s, v) => s + v, 0) / d.length;
    const lossD = gan.discriminatorLoss();
    const lossG = gan.generatorLoss();
    history.push([gan.steps(), lossD, lossG]);
    if (history.length > MAX_HISTORY) history = history.filter((_, i) => i % 2 === 0);
    roundStat.set(formatNumber(gan.steps(), 0));
    lossDStat.set(formatNumber(lossD, 3));
    lossGStat.set(formatNumber(lossG, 3));
    coverStat.set(imported ? '–' : coverageText(cov, t));
    onDataStat.set(formatPercent(cov.onData, 0));
    const text = describe({ round: gan.steps(), lossD, lossG, cov, dReal, own: !!imported }, t);
    described.textContent = text;
    plot.canvas.setAttribute('aria-label', text);
    requestDraw(draw);
  }

  function arrow(c, x, y, dx, dy) {
    const X = plot.px(x), Y = plot.py(y);
    const X2 = plot.px(x + dx), Y2 = plot.py(y + dy);
    const len = Math.hypot(X2 - X, Y2 - Y);
    if (!(len > 1)) return;
    const ux = (X2 - X) / len, uy = (Y2 - Y) / len;
    c.beginPath();
    c.moveTo(X, Y); c.lineTo(X2, Y2);
    c.moveTo(X2, Y2); c.lineTo(X2 - 5 * ux + 3 * uy, Y2 - 5 * uy - 3 * ux);
    c.moveTo(X2, Y2); c.lineTo(X2 - 5 * ux - 3 * uy, Y2 - 5 * uy + 3 * ux);
    c.stroke();
  }

  function draw() {
    if (!gan || !fakes) return;
    const th = plot.theme;
    plot.begin();
    drawHeatmap(plot, grid, GRID, GRID, probabilityRgb(th, { strength: 0.7 }), { smooth: true });
    plot.axes({ xLabel: t('gan-lab.axis.x'), yLabel: t('gan-lab.axis.y') });
    plot.clipToArea((c) => {
      for (let i = 0; i < real.length; i += 2) plot.point(real[i], real[i + 1], 1, { size: 3 });
      for (let i = 0; i < fakes.length; i += 2) plot.point(fakes[i], fakes[i + 1], 0, { size: 3 });
      // Arrows: the push (1 − D)·∂a/∂x, scaled so the longest is a fifth of the view.
      let longest = 0;
      for (let i = 0; i < flow.length; i += 2) longest = Math.max(longest, Math.hypot(flow[i], flow[i + 1]));
      const scale = longest > 0 ? (0.2 * (VIEW.x1 - VIEW.x0)) / longest : 0;
      c.save();
      c.strokeStyle = th.model;
      c.lineWidth = 1.25;
      for (let i = 0; i < fakes.length; i += 2 * ARROW_EVERY) arrow(c, fakes[i], fakes[i + 1], flow[i] * scale, flow[i + 1] * scale);
      c.restore();
    });
    drawLosses();
  }

  function drawLosses() {
    const th = lossPlot.theme;
    const last = history.length ? history[history.length - 1][0] : 1;
    let top = 2;
    for (const [, a, b] of history) top = Math.max(top, Number.isFinite(a) ? a : 0, Number.isFinite(b) ? b : 0);
    lossPlot.setDomain(0, Math.max(10, last), 0, Math.min(6, top * 1.05));
    lossPlot.begin();
    lossPlot.axes({ xLabel: t('gan-lab.axis.round'), yLabel: t('gan-lab.axis.loss') });
    lossPlot.clipToArea(() => {
      const xs = history.map((h) => h[0]);
      lossPlot.path([0, Math.max(10, last)], [Math.log(4), Math.log(4)], { color: th.truth, width: 1, dash: [2, 3] });
      lossPlot.path([0, Math.max(10, last)], [Math.log(2), Math.log(2)], { color: th.truth, width: 1, dash: [2, 3] });
      lossPlot.path(xs, history.map((h) => h[1]), { color: th.loss, width: 2 });
      lossPlot.path(xs, history.map((h) => h[2]), { color: th.class1, width: 2, dash: [6, 3] });
    });
  }

  cleanups.push(watchColorScheme(() => {
    plot.refreshTheme();
    lossPlot.refreshTheme();
    legend.paint(probabilityRgb(plot.theme));
    requestDraw(draw);
  }));
  cleanups.push(() => cancelDraw(draw));

  restart();

  return {
    update(next) {
      play.stop();
      if (DATA_OPTIONS.some((k) => next[k] !== opts[k])) imported = null;
      opts = { ...next };
      syncControls();
      restart();
    },
    currentOptions() { return { ...opts }; },
    // Shared by a link: imported real points ({ p }).
    state: {
      get() { return imported ? pointsState(imported) : null; },
      set(value) {
        const points = pointsFromState(value, CSV_RULES); // checked before anything changes
        imported = points.X;
        restart();
      },
    },
    destroy() {
      for (const undo of cleanups.reverse()) undo();
    },
  };
}

