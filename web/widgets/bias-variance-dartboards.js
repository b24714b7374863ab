// "The bias–variance dartboard" (seed 001, level 3), built from real refits. Each board is one
// model setting; the engine's biasVariance draws fresh noisy training sets from sin(x), refits a
// PolynomialRegression on each (gradient descent to convergence) and predicts on a grid. One dart
// is one refit: its horizontal offset from the bull's-eye is that refit's prediction error at
// x = π/2, its vertical offset the error at x = 3π/2. Bias moves the whole cluster off-centre;
// variance spreads it. The table gives the engine's grid-averaged bias², variance and noise.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { prefersReducedMotion } from '../lib/frame.js';
import { button, buttonRow, el, slider } from '../lib/ui.js';
import { tableWrap } from '../lib/table.js';
import { formatNumber, readShown } from '../lib/format.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './bias-variance-dartboards.messages.js';

export const schema = {
  seed: seedOption(1, 'Random seed for the training sets.'),
  refits: { type: 'int', min: 5, max: 60, default: 30, description: 'Darts per board (refits on fresh data).' },
};

export const meta = { title: messages['bias-variance-dartboards.title'], hint: messages['bias-variance-dartboards.hint'] };

// Rows: model capacity (bias). Columns: data (variance). Degree 3 on 6 points keeps the fit
// well posed; gradient descent with η = 0.5 converges for degrees 1 and 3 on [−1, 1] features.
// Each board's name is bias-variance-dartboards.board.<id> in the table.
const BOARDS = [
  { id: 'lb-lv', degree: 3, sampleSize: 40, noise: 0.15 },
  { id: 'lb-hv', degree: 3, sampleSize: 6, noise: 0.7 },
  { id: 'hb-lv', degree: 1, sampleSize: 40, noise: 0.15 },
  { id: 'hb-hv', degree: 1, sampleSize: 6, noise: 0.7 },
];
const GRID = 41;              // grid index 10 is x = π/2, index 30 is x = 3π/2
const A = 10;
const B = 30;
const RADIUS = 1.5;           // the board shows errors within ±1.5
// Darts that miss by more than the outer ring are drawn as arrows on the ring, pointing the way
// they flew, one arrow per twelfth of the circle with the number of darts it stands for: pinned
// to the edge at their true place they would look like misses of 1.5.
const OFF_BOARD_SECTORS = 12;
const DART_MS = 110;
// Darts per board that show which board spreads most: the fewest the widget ever judges a
// prediction on (the slider's minimum), and one press of Play under reduced motion. From then on
// the lesson's text that states the answer opens; fewer darts already hint at it.
const DARTS_THAT_SHOW_SPREAD = 5;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

// How far the line's darts spread next to the cubic's on six noisy points, from the two variances
// as shown (so the words follow the numbers quoted): the line's as a whole percentage of the
// cubic's, and the words for it — under half (below 50%), less (50–79%), nearly as much (80–99%),
// as much or more (100% on). Over the first 100 draws the line's share runs from 27% to 111%.
export function spreadComparison(cubicText, lineText) {
  const percentText = formatNumber((100 * readShown(lineText)) / readShown(cubicText), 0);
  const percent = readShown(percentText);
  const band = percent < 50 ? 'underHalf' : percent < 80 ? 'less' : percent < 100 ? 'nearly' : 'asMuch';
  return { percent: percentText, band };
}

function describeBoard(t, b) {
  return t('bias-variance-dartboards.board.describe', { degree: b.degree, points: b.sampleSize, noise: formatNumber(b.noise, 2) });
}

// Each dart's miss (error at x = π/2, error at x = 3π/2) for the first `thrown` refits.
function dartsOf(r, thrown) {
  return Array.from({ length: thrown }, (_, k) => [r.predictions[k * GRID + A] - r.truth[A], r.predictions[k * GRID + B] - r.truth[B]]);
}

// The darts beyond the outer ring, grouped by the direction they flew: one group per sector,
// with the direction of the group's average dart.
export function offBoardGroups(darts) {
  const groups = new Map();
  for (const [dx, dy] of darts) {
    if (Math.hypot(dx, dy) <= RADIUS) continue;
    const angle = Math.atan2(dy, dx);
    const sector = ((Math.round(angle / (2 * Math.PI / OFF_BOARD_SECTORS)) % OFF_BOARD_SECTORS) + OFF_BOARD_SECTORS) % OFF_BOARD_SECTORS;
    const g = groups.get(sector) || { count: 0, ux: 0, uy: 0 };
    g.count += 1;
    g.ux += Math.cos(angle);
    g.uy += Math.sin(angle);
    groups.set(sector, g);
  }
  return [...groups.values()].map((g) => ({ count: g.count, angle: Math.atan2(g.uy, g.ux) }));
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  const titleOf = (b) => t(`bias-variance-dartboards.board.${b.id}`);
  let opts = { ...options };
  const poly = ctx.own(new ml.PolynomialRegression());
  let results = BOARDS.map(() => null);
  let thrown = 0;
  // Every dart of this draw has landed: only then do the table, captions and figure labels give
  // the bias² and variance, which answer the predict box's question.
  let landed = false;
  let pending = null;   // timer of the board-by-board computation

  const grid = el('div', { className: 'bias-variance-dartboards-boards' });
  card.stage.append(grid); // attached first: the plots read their colours from the live page
  const boards = BOARDS.map((b) => {
    const wrap = el('div', { className: 'bias-variance-dartboards-board' });
    wrap.append(el('p', { className: 'dw-panel-title', text: titleOf(b) }));
    grid.append(wrap);
    const plot = ctx.own(new Plot(wrap, { aspect: 1, minHeight: 200, maxHeight: 340, domain: [-RADIUS, RADIUS, -RADIUS, RADIUS], label: titleOf(b), onResize: () => ctx.requestDraw(draw) }));
    plot.margin = { left: 8, right: 8, top: 8, bottom: 8 };
    const stats = el('p', { className: 'bias-variance-dartboards-board-stats', text: describeBoard(t, b) });
    wrap.append(stats);
    return { plot, stats };
  });

  const table = el('table', { className: 'dw-table bias-variance-dartboards-table' });
  table.append(el('caption', { className: 'dw-sr-only', text: t('bias-variance-dartboards.table.caption') }));
  const headRow = el('tr');
  for (const h of ['board', 'bias2', 'variance', 'noise', 'sum', 'expected']) headRow.append(el('th', { scope: 'col', text: t(`bias-variance-dartboards.table.${h}`) }));
  table.append(el('thead', {}, [headRow]));
  const body = el('tbody');
  const rows = BOARDS.map((b) => {
    const tr = el('tr', { 'data-board': b.id });
    const cells = [el('td', { text: titleOf(b) }), ...Array.from({ length: 5 }, () => el('td', { text: '–' }))];
    cells[0].className = 'bias-variance-dartboards-board-name';
    tr.append(...cells);
    body.append(tr);
    return cells;
  });
  table.append(body);
  card.stage.append(tableWrap(ctx, table).element);

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    start: () => {
      if (ready() < BOARDS.length) return false;
      if (thrown >= opts.refits) thrown = 0;
      return true;
    },
    reduced: () => throwDarts(5),
    every: DART_MS,
    tick: () => { throwDarts(1); return thrown < opts.refits; },
    quiet: true, // "n darts thrown" about nine times a second
  });
  button(buttons, t('bias-variance-dartboards.step'), () => { play.stop(); throwDarts(1); });
  button(buttons, t('bias-variance-dartboards.reset'), () => { play.stop(); thrown = 0; update(); });
  button(buttons, t('bias-variance-dartboards.newSets'), () => { play.stop(); opts.seed = nextSeed(opts.seed); compute(); });
  const refitSlider = slider(card.controls, { label: t('bias-variance-dartboards.slider.refits'), min: 5, max: 60, step: 1, value: opts.refits, format: (v) => formatNumber(v, 0), onInput: (v) => { play.stop(); opts.refits = v; prediction.reset(t('bias-variance-dartboards.predict.refitsChanged')); compute(); } });

  const statThrown = card.stat(t('bias-variance-dartboards.stat.thrown'));
  const statReady = card.stat(t('bias-variance-dartboards.stat.ready'));

  // Predict, then check: on training sets nobody has seen yet, which board's darts spread the
  // most? Locking in draws new training sets; judged from the engine's variance estimates once
  // every dart has landed.
  let dartsSinceLock = false; // darts have landed since the prediction was locked
  const prediction = createPrediction(ctx, {
    id: 'bias-variance-widest',
    question: t('bias-variance-dartboards.predict.question'),
    choices: BOARDS.map((b) => [b.id, titleOf(b)]),
    onCommit: () => { play.stop(); dartsSinceLock = false; opts.seed = nextSeed(opts.seed); compute({ throwWhenReady: true }); },
    // Darts thrown under this lock hint at the answer as much as darts thrown before it (the same
    // in 99 of the first 100 draws): changed part-way, a new lock could follow them.
    progress: () => dartsSinceLock,
    next: () => t('bias-variance-dartboards.predict.next', { reduced: prefersReducedMotion(), darts: opts.refits }),
  });
  function judgeSpread() {
    if (prediction.pending === null || ready() < BOARDS.length || thrown < opts.refits) return;
    const widest = results.reduce((w, r, i) => (r.meanVariance > results[w].meanVariance ? i : w), 0);
    const [, cubicNoisy, , lineNoisy] = results;
    const cubic = formatNumber(cubicNoisy.meanVariance, 3);
    const line = formatNumber(lineNoisy.meanVariance, 3);
    const { percent, band } = spreadComparison(cubic, line);
    prediction.settle(BOARDS[widest].id, t('bias-variance-dartboards.predict.why', { variances: BOARDS.map((b, i) => t('bias-variance-dartboards.predict.variance', { board: t(`bias-variance-dartboards.boardInText.${b.id}`), variance: formatNumber(results[i].meanVariance, 3) })).join(', '), cubic, line, percent, band }));
  }

  // Darts thrown with nothing locked show the spreads the box asks about (the answer is the same
  // in 99 of the first 100 draws): a prediction made after any of them is practice, whatever was
  // reset or redrawn since (four darts, Reset, four more would otherwise show eight and count
  // none). Only enough darts to show the spread open the lesson's text that states it.
  function noteSeen() {
    if (prediction.pending !== null || thrown === 0) return;
    if (thrown < Math.min(DARTS_THAT_SHOW_SPREAD, opts.refits)) prediction.outcomeGlimpsed(t('bias-variance-dartboards.predict.glimpsed', { darts: thrown }));
    else prediction.outcomeSeen(t('bias-variance-dartboards.predict.seen', { darts: thrown }));
  }

  // The four simulations take a few hundred milliseconds each, so they run one per task,
  // letting the page paint between them. The darts fly by themselves only for a prediction just
  // locked in; otherwise they wait for Play or Step, so nothing answers the box unasked.
  function compute({ throwWhenReady = false } = {}) {
    if (pending) pending();
    results = BOARDS.map(() => null);
    thrown = 0;
    landed = false;
    let i = 0;
    const next = () => {
      pending = null;
      const b = BOARDS[i];
      const r = attempt(card, () => {
        poly.setDegree(b.degree);
        poly.setLearningRate(0.5);
        poly.setTolerance(1e-5);
        return ml.biasVariance(poly, null, { xMin: 0, xMax: (2 * Math.PI), noise: b.noise, sampleSize: b.sampleSize, refits: opts.refits, gridSize: GRID, seed: (opts.seed + i) >>> 0, maxSteps: 20000, fixedX: true });
      }, null);
      results[i] = r;
      i += 1;
      update();
      if (i < BOARDS.length) pending = ctx.timeout(next, 0);
      else if (throwWhenReady && !prefersReducedMotion() && !play.playing) play.toggle();
    };
    card.setMessage(t('bias-variance-dartboards.refitting'), 'info');
    update();
    pending = ctx.timeout(next, 0);
  }

  function fillRow(i) {
    const r = results[i];
    const cells = rows[i];
    const off = r ? offBoardGroups(dartsOf(r, thrown)).reduce((n, g) => n + g.count, 0) : 0;
    const withOffBoard = (text) => (off > 0 ? t('bias-variance-dartboards.board.withOffBoard', { text, darts: off }) : text);
    if (!r || !landed) {
      // The noise s² is a setting of the board, not an outcome: shown as soon as it is refitted.
      for (let j = 1; j < 6; j++) cells[j].textContent = j === 3 && r ? formatNumber(r.noiseVariance, 3) : '–';
      boards[i].stats.textContent = withOffBoard(describeBoard(t, BOARDS[i]));
      return;
    }
    const sum = r.meanBias2 + r.meanVariance + r.noiseVariance;
    const values = [r.meanBias2, r.meanVariance, r.noiseVariance, sum, r.meanExpectedError];
    values.forEach((v, j) => { cells[j + 1].textContent = formatNumber(v, 3); });
    boards[i].stats.textContent = withOffBoard(t('bias-variance-dartboards.board.stats', { board: describeBoard(t, BOARDS[i]), bias2: formatNumber(r.meanBias2, 3), variance: formatNumber(r.meanVariance, 3) }));
  }

  function ready() { return results.filter(Boolean).length; }

  function throwDarts(n) {
    if (ready() < BOARDS.length) return;
    thrown = Math.min(opts.refits, thrown + n);
    if (prediction.pending !== null) dartsSinceLock = true;
    if (thrown >= opts.refits) landed = true;
    noteSeen();
    update();
  }

  function update() {
    statThrown.set(t('bias-variance-dartboards.outOf', { done: formatNumber(thrown, 0), total: formatNumber(opts.refits, 0) }));
    statReady.set(t('bias-variance-dartboards.outOf', { done: formatNumber(ready(), 0), total: formatNumber(BOARDS.length, 0) }));
    if (ready() === BOARDS.length) {
      if (thrown === 0) card.setMessage(t('bias-variance-dartboards.refitted', { filled: landed }), 'info');
      else if (thrown < opts.refits) card.setMessage(t('bias-variance-dartboards.throwing', { darts: thrown }), 'info');
      else {
        const [cubicClean, cubicNoisy, lineClean, lineNoisy] = results;
        const bias2 = (r) => formatNumber(r.meanBias2, 3);
        const variance = (r) => formatNumber(r.meanVariance, 3);
        card.setMessage(t('bias-variance-dartboards.allThrown', {
          lineBiasClean: bias2(lineClean), lineBiasNoisy: bias2(lineNoisy), cubicBiasClean: bias2(cubicClean), cubicBiasNoisy: bias2(cubicNoisy),
          cubicClean: variance(cubicClean), cubicNoisy: variance(cubicNoisy), lineClean: variance(lineClean), lineNoisy: variance(lineNoisy),
        }), 'ok');
      }
    }
    BOARDS.forEach((b, i) => {
      const r = results[i];
      fillRow(i);
      let label = t('bias-variance-dartboards.figure.refitting', { board: titleOf(b) });
      if (r && landed) label = t('bias-variance-dartboards.figure', { board: titleOf(b), darts: thrown, bias2: formatNumber(r.meanBias2, 3), variance: formatNumber(r.meanVariance, 3) });
      else if (r) label = t('bias-variance-dartboards.figure.throwing', { board: titleOf(b), darts: thrown });
      boards[i].plot.canvas.setAttribute('aria-label', label);
    });
    judgeSpread();
    ctx.requestDraw(draw);
  }

  function draw() {
    boards.forEach(({ plot }, i) => {
      const th = plot.theme;
      const c = plot.begin();
      // Equal scales on both axes, so the rings are circles whatever the canvas shape.
      const cx = plot.px(0);
      const cy = plot.py(0);
      const unit = Math.min(plot.px(1) - plot.px(0), plot.py(0) - plot.py(1));
      const at = (ex, ey) => [cx + ex * unit, cy - ey * unit];
      // Rings at errors of 0.25, 0.5, 1 and 1.5; the bull's-eye is "no error at either x".
      [1.5, 1, 0.5, 0.25].forEach((rad, j) => {
        c.beginPath();
        c.arc(cx, cy, rad * unit, 0, Math.PI * 2);
        c.fillStyle = j % 2 === 0 ? th.surface2 : th.surface;
        c.fill();
        c.lineWidth = 1;
        c.strokeStyle = th.border;
        c.stroke();
      });
      c.fillStyle = th.good;
      c.beginPath(); c.arc(cx, cy, 4, 0, Math.PI * 2); c.fill();
      c.strokeStyle = th.gridLine;
      c.beginPath(); c.moveTo(cx - RADIUS * unit, cy); c.lineTo(cx + RADIUS * unit, cy); c.moveTo(cx, cy - RADIUS * unit); c.lineTo(cx, cy + RADIUS * unit); c.stroke();
      const r = results[i];
      if (!r) {
        c.fillStyle = th.textMuted;
        c.font = `13px ${th.font}`;
        c.textAlign = 'center';
        c.fillText(t('bias-variance-dartboards.board.refitting'), cx, cy - 14);
        return;
      }
      const darts = dartsOf(r, thrown);
      darts.forEach(([dx, dy], k) => {
        if (Math.hypot(dx, dy) > RADIUS) return;
        c.beginPath();
        const [X, Y] = at(dx, dy);
        c.arc(X, Y, k === thrown - 1 ? 5.5 : 4, 0, Math.PI * 2);
        c.fillStyle = th.loss;
        c.globalAlpha = k === thrown - 1 ? 1 : 0.75;
        c.fill();
        c.globalAlpha = 1;
        c.lineWidth = 1;
        c.strokeStyle = th.surface;
        c.stroke();
      });
      // Off the board: an arrow whose tip pokes out of the outer ring, and how many darts it stands for.
      const ring = RADIUS * unit;
      for (const { count, angle } of offBoardGroups(darts)) {
        const ux = Math.cos(angle);
        const uy = -Math.sin(angle);   // canvas y grows downwards
        const along = (d, across = 0) => [cx + ux * d - uy * across, cy + uy * d + ux * across];
        c.beginPath();
        c.moveTo(...along(ring + 4));
        c.lineTo(...along(ring - 10, 6));
        c.lineTo(...along(ring - 10, -6));
        c.closePath();
        c.fillStyle = th.loss;
        c.fill();
        c.lineWidth = 1;
        c.strokeStyle = th.surface;
        c.stroke();
        c.font = `bold 11px ${th.font}`;
        c.textAlign = 'center';
        c.textBaseline = 'middle';
        c.fillStyle = th.loss;
        c.fillText(formatNumber(count, 0), ...along(ring - 20));
      }
      c.textBaseline = 'alphabetic';
      if (thrown >= opts.refits) {
        // The average dart: the engine's mean prediction at the two test points.
        const mx = r.meanPrediction[A] - r.truth[A];
        const my = r.meanPrediction[B] - r.truth[B];
        const [X, Y] = at(Math.max(-RADIUS, Math.min(RADIUS, mx)), Math.max(-RADIUS, Math.min(RADIUS, my)));
        c.strokeStyle = th.model;
        c.lineWidth = 2.5;
        c.beginPath(); c.moveTo(X - 8, Y - 8); c.lineTo(X + 8, Y + 8); c.moveTo(X + 8, Y - 8); c.lineTo(X - 8, Y + 8); c.stroke();
      }
      // The axis names go on last, over a halo of the card's colour, so a dart or arrow in the
      // corner does not blot them out.
      c.font = `11px ${th.font}`;
      c.lineWidth = 3;
      c.lineJoin = 'round';
      c.strokeStyle = th.surface;
      c.fillStyle = th.textMuted;
      for (const [text, x, y, align] of [[t('bias-variance-dartboards.axis.y'), 6, 14, 'left'], [t('bias-variance-dartboards.axis.x'), plot.width - 6, plot.height - 8, 'right']]) {
        c.textAlign = align;
        c.strokeText(text, x, y);
        c.fillText(text, x, y);
      }
    });
  }

  compute();

  return {
    update(next) { play.stop(); opts = { ...next }; refitSlider.set(opts.refits); prediction.reset(t('bias-variance-dartboards.predict.changed')); compute(); },
  };
}
