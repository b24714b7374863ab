// Worked example (seed 001, level 4): one k-means iteration by hand on six points of a number
// line, {1, 2, 3, 9, 10, 11}, k = 2, centroids starting badly at 2 and 4. Each Step runs one
// half of Lloyd's algorithm in the engine's KMeans (assignStep, then updateStep); the labels,
// centroids and inertia shown are the engine's.
import { attempt, mountWidget } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { prefersReducedMotion } from '../lib/frame.js';
import { button, buttonRow, el, fixed } from '../lib/ui.js';
import { tableWrap } from '../lib/table.js';
import { asShown, formatNumber, formatShort } from '../lib/format.js';
import { clusterColor } from '../lib/colors.js';
import { shapeMarker } from '../lib/marks.js';
import { pointsCsv, pointsFromState } from '../lib/points-csv.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './kmeans-by-hand.messages.js';

export const schema = {
  points: { type: 'string', maxLength: 80, default: '1,2,3,9,10,11', description: 'Comma-separated positions on the number line (2 to 12 numbers between −20 and 40).' },
  c1: { type: 'number', min: -20, max: 40, default: 2, description: 'Where centroid 1 starts.' },
  c2: { type: 'number', min: -20, max: 40, default: 4, description: 'Where centroid 2 starts.' },
};

export const meta = { title: messages['kmeans-by-hand.title'], hint: messages['kmeans-by-hand.hint'] };

// The number line runs from just left of the points to one span of the points further right
// than the last point ({1 … 11} → 0 to 22), so a centroid can be dragged far enough to the right
// that no point is nearer to it (from 20 on, with c₁ = 2): the empty cluster the lesson shows.
// Starting positions given as options widen the axis; dragging and the arrow keys stay on it.
export function axisRange(points, starts = []) {
  const lo = Math.min(...points);
  const hi = Math.max(...points);
  const pad = Math.max(1, (hi - lo) * 0.08);
  return [Math.min(lo - pad, ...starts), Math.max(hi + (hi - lo) + pad, ...starts)];
}

const LINE_Y = 2;     // the number line, in the plot's (unlabelled) vertical units
const CENTROID_Y = 3; // centroids float above it
// Own points from a CSV file: one column of positions on the number line (the same limits as the
// points option); a second column is ignored with a note.
export const CSV_RULES = { dims: 1, labels: 'none', domain: [-20, 40], minPoints: 2, maxPoints: 12 };
// A point's position in a sentence (the half-step lines, the figure's label): the value the
// table's "point x" column shows (two decimals), written without trailing zeros, so a point at
// 3.5 reads "3.5" wherever it is named (never "4"), and 12.25 reads "12.25" (never "12.3").
function pointText(v) { return formatShort(asShown(v, 2), 4); }
const MAX_HALF_STEPS = 60; // a Share link's step count: far more than any run here needs

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function parsePoints(text) {
  const parts = String(text).split(/[,\s;]+/).filter(Boolean).map(Number);
  if (parts.length < 2 || parts.length > 12 || parts.some((v) => !Number.isFinite(v) || v < -20 || v > 40)) return null;
  return parts;
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const km = ctx.own(new ml.KMeans());
  let points = parsePoints(opts.points) || [1, 2, 3, 9, 10, 11];
  let start = [opts.c1, opts.c2];
  let phase = -1; // -1 start, 0 assigned, 1 moved, 2 converged
  let iterations = 0;
  let shown = [...start]; // centroid positions as drawn (they glide to the engine's values)
  let selected = 0;      // the centroid the arrow keys move (0 = c₁, 1 = c₂)
  let stopTween = null;
  let lastAssign = null; // { labels, centroids } used for the explanation
  let axis = axisRange(points, start);
  let halfSteps = 0; // Steps taken since the start (a Share link replays them)

  const phaseBar = el('div', { className: 'dw-phase', 'aria-label': t('kmeans-by-hand.phases') });
  const chips = [0, 1, 2].map((i) => el('span', { text: t('kmeans-by-hand.phaseChip', { number: i + 1, name: t(`kmeans-by-hand.phase.${i}`) }) }));
  phaseBar.append(...chips);
  card.stage.append(phaseBar);
  const plot = ctx.own(new Plot(card.stage, { aspect: 0.22, minHeight: 150, maxHeight: 200, label: t('kmeans-by-hand.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.margin = { left: 16, right: 16, top: 16, bottom: 30 };
  // Which centroid the arrow keys move, said before the line has focus (a drag needs no choice).
  const keysNow = el('p', { className: 'dw-hint dw-keys-now' });
  card.stage.append(keysNow);
  const explain = el('p', { className: 'dw-hint dw-explain', 'aria-live': 'polite' });
  card.stage.append(explain);
  const table = el('table', { className: 'dw-table' });
  table.append(el('caption', { className: 'dw-sr-only', text: t('kmeans-by-hand.table.caption') }));
  const headRow = el('tr');
  for (const h of ['point', 'distance1', 'distance2', 'joins']) headRow.append(el('th', { scope: 'col', text: t(`kmeans-by-hand.table.${h}`) }));
  const body = el('tbody');
  table.append(el('thead', {}, headRow), body);
  card.stage.append(tableWrap(ctx, table).element);

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    reduced: () => advance(),
    onStart: () => { if (phase === 2) restart(); },
    every: 1100,
    tick: () => advance(),
  });
  button(buttons, t('kmeans-by-hand.step'), () => { play.stop(); advance(); });
  // Rewind undoes the Steps but keeps the centroids where the learner put them (to predict again
  // for that start); Reset goes back to the lesson's start as well.
  button(buttons, t('kmeans-by-hand.rewind'), () => { play.stop(); restart(); }, { title: t('kmeans-by-hand.rewindTitle') });
  button(buttons, t('kmeans-by-hand.reset'), () => { play.stop(); resetStart(); }, { title: t('kmeans-by-hand.resetTitle', { c1: fixed(opts.c1, 2), c2: fixed(opts.c2, 2) }) });

  const statIter = card.stat(t('kmeans-by-hand.stat.iteration'));
  const statC1 = card.stat(t('kmeans-by-hand.centroid.0'));
  const statC2 = card.stat(t('kmeans-by-hand.centroid.1'));
  const statInertia = card.stat(t('kmeans-by-hand.stat.inertia'));
  pointsCsv(ctx, card.controls, {
    filename: 'number-line-points.csv', rules: CSV_RULES,
    get: () => {
      const labels = km.labels();
      const assigned = labels.length && phase !== -1 && phase !== 1;
      return { X: Float64Array.from(points), extra: assigned ? { name: 'cluster', values: Array.from(labels, (l) => `c${l + 1}`) } : null };
    },
    set: (parsed) => { play.stop(); usePoints(Array.from(parsed.X)); },
  });
  function usePoints(list) {
    points = list;
    axis = axisRange(points, start);
    restart();
  }

  // Predict, then check: from these starting centroids, what inertia will k-means end with?
  // Committed before the first Step, judged from the engine's inertia once it has converged.
  const prediction = createPrediction(ctx, {
    id: 'kmeans-final-inertia',
    question: t('kmeans-by-hand.predict.question'),
    numeric: { label: t('kmeans-by-hand.predict.unit'), tolerance: 1, min: 0, digits: 2 },
    ready: () => (phase !== -1 ? t('kmeans-by-hand.predict.ready') : runStarts.has(startKey()) ? t('kmeans-by-hand.predict.alreadyRun', { c1: fixed(start[0], 2), c2: fixed(start[1], 2) }) : null),
    onCommit: () => { steppedCommitted = false; },
    // Changed after Steps from this start, the box has had part of its run on screen.
    onUnlock: () => { if (steppedCommitted && !judgedThisRun) runStarts.add(runKey); steppedCommitted = false; },
    next: t('kmeans-by-hand.predict.next'),
  });
  // Starts already stepped from with nothing locked in, even part of the way, or stepped from with
  // a prediction locked that was then changed: their inertia on the way has been on screen (from
  // c₂ = 20 the second Step already shows the final 100), so a prediction for the same start
  // would copy it rather than predict it. (A run that settled a prediction does not count:
  // trying that start again is plain practice.)
  const runStarts = new Set();
  let judgedThisRun = false;
  let steppedCommitted = false; // a Step was on screen while a prediction was locked
  let runKey = '';               // the start of the run on screen (a moved centroid changes start first)
  function startKey() { return `${fixed(start[0], 2)},${fixed(start[1], 2)}`; }
  function judgeConverged(inertia) {
    if (phase !== -1 && !judgedThisRun) {
      if (prediction.pending === null) runStarts.add(runKey);
      else steppedCommitted = true;
    }
    if (prediction.pending === null || phase !== 2) return;
    judgedThisRun = true;
    const labels = km.labels();
    const empty = [0, 1].filter((j) => !labels.some((l) => l === j)).length;
    prediction.settle(inertia, t('kmeans-by-hand.predict.why', { start1: fixed(start[0], 2), start2: fixed(start[1], 2), end1: fixed(km.centroids()[0], 2), end2: fixed(km.centroids()[1], 2), inertia: fixed(inertia, 2), empty: empty > 0 }));
  }

  // The centroids back where the options (the lesson) start them, and the example from there.
  function resetStart() {
    const moved = start[0] !== opts.c1 || start[1] !== opts.c2;
    start = [opts.c1, opts.c2];
    axis = axisRange(points, start);
    if (moved) prediction.reset(t('kmeans-by-hand.predict.startMoved'));
    restart();
  }

  function restart() {
    phase = -1;
    runKey = startKey();
    judgedThisRun = false;
    halfSteps = 0;
    iterations = 0;
    lastAssign = null;
    const ok = attempt(card, () => {
      km.setK(2);
      km.setData(points, 1, []);
      km.setCentroids(start);
      return true;
    }, false);
    shown = [...start];
    if (ok) card.setMessage(t('kmeans-by-hand.start', { c1: fixed(start[0], 2), c2: fixed(start[1], 2) }), 'info');
    render();
  }

  function advance() {
    const status = km.status();
    if (phase === 2 || status === 'converged') { render(); return false; }
    halfSteps += 1;
    if (km.awaitingUpdate()) {
      const before = [...km.centroids()];
      if (attempt(card, () => { km.updateStep(); return true; }, false)) {
        phase = 1;
        iterations = km.steps();
        glide(before, [...km.centroids()]);
      }
    } else {
      const centroidsBefore = [...km.centroids()];
      const changed = attempt(card, () => km.assignStep(), null);
      if (changed === null) return false;
      lastAssign = { labels: [...km.labels()], centroids: centroidsBefore, changed };
      phase = km.status() === 'converged' ? 2 : 0;
      iterations = km.steps();
    }
    render();
    return phase !== 2;
  }

  // The centroids glide to their new means so the move can be followed by eye.
  function glide(from, to) {
    if (stopTween) stopTween();
    stopTween = null;
    if (prefersReducedMotion()) { shown = to; return; }
    const t0 = performance.now();
    stopTween = ctx.animate((now) => {
      const t = Math.min(1, (now - t0) / 500);
      const e = t * t * (3 - 2 * t);
      shown = from.map((f, j) => f + (to[j] - f) * e);
      ctx.requestDraw(draw);
      if (t >= 1 && stopTween) { stopTween(); stopTween = null; }
    });
  }

  function groupText(labels, j) {
    const members = points.filter((_, i) => labels[i] === j).map(pointText);
    return members.length ? t('kmeans-by-hand.group', { members: members.join(', ') }) : t('kmeans-by-hand.group.empty');
  }

  function render() {
    chips.forEach((c, i) => c.classList.toggle('dw-active', i === phase));
    const c = [...km.centroids()];
    if (!stopTween) shown = c.length === 2 ? c : shown;
    const inertia = attempt(card, () => km.inertia(), NaN);
    statIter.set(formatNumber(iterations, 0));
    statC1.set(fixed(c[0], 2));
    statC2.set(fixed(c[1], 2));
    statInertia.set(fixed(inertia, 2));
    const labels = km.labels();
    // Distances are shown to the centroids the assignment used.
    const ref = phase === 1 || phase === -1 ? c : (lastAssign ? lastAssign.centroids : c);
    body.replaceChildren();
    points.forEach((x, i) => {
      const tr = el('tr');
      const join = labels.length && phase !== -1 && phase !== 1 ? t(`kmeans-by-hand.centroid.${labels[i]}`) : '–';
      for (const v of [fixed(x, 2), fixed(Math.abs(x - ref[0]), 2), fixed(Math.abs(x - ref[1]), 2), join]) tr.append(el('td', { text: v }));
      body.append(tr);
    });
    if (phase === -1) {
      explain.textContent = t('kmeans-by-hand.explain.start');
    } else if (phase === 0) {
      const lab = lastAssign.labels;
      const probe = points.findIndex((x, i) => lab[i] === 1);
      const example = probe >= 0 ? t('kmeans-by-hand.explain.example', { x: pointText(points[probe]), c2: fixed(ref[1], 2), d2: fixed(Math.abs(points[probe] - ref[1]), 2), c1: fixed(ref[0], 2), d1: fixed(Math.abs(points[probe] - ref[0]), 2) }) : '';
      explain.textContent = t('kmeans-by-hand.explain.assign', { group1: groupText(lab, 0), group2: groupText(lab, 1), example });
      card.setMessage(t('kmeans-by-hand.assigned', { changed: lastAssign.changed }), 'info');
    } else if (phase === 1) {
      // What each centroid averaged: the group the last assignment gave it (none: it stays).
      const lab = lastAssign.labels;
      const [first, second] = [0, 1].map((j) => (lab.some((l) => l === j)
        ? t('kmeans-by-hand.explain.meanOf', { centroid: t(`kmeans-by-hand.centroid.${j}`), at: fixed(c[j], 2), group: groupText(lab, j) })
        : t('kmeans-by-hand.explain.stays', { centroid: t(`kmeans-by-hand.centroid.${j}`), at: fixed(c[j], 2) })));
      explain.textContent = t('kmeans-by-hand.explain.move', { first, second, inertia: fixed(inertia, 2) });
      card.setMessage(t('kmeans-by-hand.moved'), 'info');
    } else {
      const empty = labels.length ? [0, 1].filter((j) => !labels.some((l) => l === j)) : [];
      const emptyText = empty.length ? t('kmeans-by-hand.explain.empty', { centroid: t(`kmeans-by-hand.centroid.${empty[0]}`) }) : '';
      explain.textContent = t('kmeans-by-hand.explain.check', { c1: fixed(c[0], 2), c2: fixed(c[1], 2), empty: emptyText });
      card.setMessage(t('kmeans-by-hand.converged', { updates: Math.max(1, iterations - 1), iterations, inertia: fixed(inertia, 2), empty: empty.length > 0 }), empty.length ? 'warn' : 'ok');
    }
    plot.canvas.setAttribute('aria-label', t('kmeans-by-hand.figure', { from: fixed(axis[0], 1), to: fixed(axis[1], 1), points: points.map(pointText).join(', '), c1: fixed(c[0], 2), c2: fixed(c[1], 2), inertia: fixed(inertia, 2), selected: t(`kmeans-by-hand.centroid.${selected}`) }));
    keysNow.textContent = t('kmeans-by-hand.keysNow', { centroid: t(`kmeans-by-hand.centroid.${selected}`) });
    judgeConverged(inertia);
    ctx.requestDraw(draw);
  }

  function domain() { return axis; }

  function draw() {
    const [x0, x1] = domain();
    plot.setDomain(x0, x1, 1, 3.6); // a y range without a round tick, so axes() labels only x
    const ctx = plot.begin();
    const th = plot.theme;
    plot.axes({ xTicks: 8, yTicks: 0 });
    // the number line itself
    ctx.strokeStyle = th.textMuted; ctx.lineWidth = 1.5;
    ctx.beginPath(); ctx.moveTo(plot.px(x0), plot.py(LINE_Y)); ctx.lineTo(plot.px(x1), plot.py(LINE_Y)); ctx.stroke();
    const labels = km.labels();
    const assigned = labels.length && phase !== -1;
    points.forEach((x, i) => {
      const j = assigned ? labels[i] : -1;
      const X = plot.px(x); const Y = plot.py(LINE_Y);
      if (assigned) {
        // a thin link to the centroid the point joined
        ctx.strokeStyle = clusterColor(th, j); ctx.globalAlpha = 0.45; ctx.lineWidth = 1.5;
        ctx.beginPath(); ctx.moveTo(X, Y); ctx.lineTo(plot.px(shown[j]), plot.py(CENTROID_Y)); ctx.stroke();
        ctx.globalAlpha = 1;
      }
      ctx.fillStyle = assigned ? clusterColor(th, j) : th.textMuted;
      shapeMarker(ctx, X, Y, assigned ? j : 1, 6);
      ctx.fill(); ctx.strokeStyle = th.surface; ctx.lineWidth = 1; ctx.stroke();
    });
    const focused = drag.keyboardFocused;
    shown.forEach((cx, j) => {
      const X = plot.px(cx); const Y = plot.py(CENTROID_Y);
      ctx.strokeStyle = clusterColor(th, j); ctx.lineWidth = 1; ctx.setLineDash([3, 3]);
      ctx.beginPath(); ctx.moveTo(X, Y); ctx.lineTo(X, plot.py(LINE_Y)); ctx.stroke(); ctx.setLineDash([]);
      ctx.beginPath(); ctx.arc(X, Y, 10, 0, Math.PI * 2);
      ctx.fillStyle = th.surface; ctx.fill(); ctx.lineWidth = 3; ctx.strokeStyle = clusterColor(th, j); ctx.stroke();
      ctx.fillStyle = th.text; ctx.font = `600 11px ${th.font}`; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
      ctx.fillText(t(`kmeans-by-hand.centroid.${j}`), X, Y);
      if ((focused && j === selected) || drag.grabbed === j) { ctx.beginPath(); ctx.arc(X, Y, 15, 0, Math.PI * 2); ctx.lineWidth = 2; ctx.strokeStyle = th.accent; ctx.stroke(); }
    });
  }

  // Moving a starting centroid restarts the example from there.
  function moveStart(j, x) {
    play.stop();
    // clamped to the drawn axis, so a centroid can never be pushed out of sight
    start[j] = Math.max(axis[0], Math.min(axis[1], Math.round(x * 10) / 10));
    prediction.reset(t('kmeans-by-hand.predict.startMoved'));
    restart();
  }
  function nearestCentroid(pos) {
    let best = -1; let bestD = Infinity;
    shown.forEach((cx, j) => { const d = Math.hypot(plot.px(cx) - plot.px(pos.x), plot.py(CENTROID_Y) - plot.py(pos.y)); if (d < bestD) { bestD = d; best = j; } });
    return bestD <= 30 ? best : -1;
  }
  // Says in the message line (read out) and under the plot which centroid the arrows now move.
  function select(j) {
    selected = j;
    render();
    card.setMessage(t('kmeans-by-hand.selected', { centroid: t(`kmeans-by-hand.centroid.${j}`), at: fixed(start[j], 2) }), 'info');
  }
  const drag = ctx.drag(plot, {
    hit: (pos) => { const j = nearestCentroid(pos); return j >= 0 ? j : null; },
    grab: (j) => { selected = j; },
    moveOnPress: false,
    move: (pos, j) => moveStart(j, pos.x),
    release: () => ctx.requestDraw(draw),
    key: (dx) => {
      if (!dx) return false; // the centroids only move along the line
      moveStart(selected, start[selected] + dx * 0.5);
      return true;
    },
    enter: () => select(1 - selected),
    otherKey: (e) => {
      if (e.key === '1' || e.key === '2') { select(Number(e.key) - 1); e.preventDefault(); }
    },
    onFocusChange: (on) => {
      if (on) card.setMessage(t('kmeans-by-hand.keyboard', { centroid: t(`kmeans-by-hand.centroid.${selected}`), other: t(`kmeans-by-hand.centroid.${1 - selected}`), otherKey: 2 - selected }), 'info');
      ctx.requestDraw(draw);
    },
  });

  // Points that cannot be used are refused in the settings note, which stays (the message line
  // belongs to the steps), under where they were given: the note stays with its first source
  // until an update gives other points.
  let pointsFrom = ctx.noteSource;
  function notePoints() {
    if (parsePoints(opts.points)) return;
    const given = String(opts.points);
    card.addNotes([t('kmeans-by-hand.badPoints', { points: given.length > 40 ? `${given.slice(0, 40)}…` : given })], pointsFrom);
  }
  notePoints();
  restart();

  return {
    update(next, from) {
      play.stop();
      if (next.points !== opts.points && from) pointsFrom = from;
      opts = { ...next };
      notePoints();
      points = parsePoints(opts.points) || [1, 2, 3, 9, 10, 11];
      start = [opts.c1, opts.c2];
      axis = axisRange(points, start);
      prediction.reset(t('kmeans-by-hand.predict.changed'));
      restart();
    },
    // Shared by a link: the points (when not the option's), where the centroids start and how
    // many Steps were taken, replayed through the engine on restore.
    state: {
      get() {
        const own = (parsePoints(opts.points) || [1, 2, 3, 9, 10, 11]).join(',') !== points.join(',');
        if (!own && start[0] === opts.c1 && start[1] === opts.c2 && halfSteps === 0) return null;
        return { ...(own ? { p: [...points] } : {}), c: [...start], s: halfSteps };
      },
      set(value) {
        const c = value && Array.isArray(value.c) ? value.c : null;
        if (!c || c.length !== 2 || !c.every((v) => Number.isFinite(v) && v >= -20 && v <= 40)) throw new RangeError('the two starting centroids must be numbers between −20 and 40');
        if (!Number.isInteger(value.s) || value.s < 0 || value.s > MAX_HALF_STEPS) throw new RangeError(`the number of steps must be a whole number from 0 to ${MAX_HALF_STEPS}`);
        const list = value.p !== undefined ? Array.from(pointsFromState(value, CSV_RULES).X) : null; // checked before anything changes
        play.stop();
        start = [...c];
        if (list) points = list;
        axis = axisRange(points, start);
        restart();
        for (let i = 0; i < value.s && advance(); i++);
        if (stopTween) { stopTween(); stopTween = null; }
        shown = [...km.centroids()];
        ctx.requestDraw(draw);
      },
    },
  };
}
