// Worked example (seed 001, level 4): one k-means iteration by hand on six points of a number
// line, {1, 2, 3, 9, 10, 11}, k = 2, centroids starting badly at 2 and 4. Each Step runs one
// half of Lloyd's algorithm in the engine's KMeans (assignStep, then updateStep); the labels,
// centroids and inertia shown are the engine's.
import { attempt, mountWidget } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { prefersReducedMotion } from '../lib/frame.js';
import { button, buttonRow, el, fixed } from '../lib/ui.js';
import { countOf, formatNumber, formatShort } from '../lib/format.js';
import { clusterColor } from '../lib/colors.js';
import { shapeMarker } from '../lib/marks.js';
import { pointsCsv, pointsFromState } from '../lib/points-csv.js';
import { createPrediction } from '../lib/predict.js';

export const schema = {
  points: { type: 'string', maxLength: 80, default: '1,2,3,9,10,11', description: 'Comma-separated positions on the number line (2 to 12 numbers between −20 and 40).' },
  c1: { type: 'number', min: -20, max: 40, default: 2, description: 'Where centroid 1 starts.' },
  c2: { type: 'number', min: -20, max: 40, default: 4, description: 'Where centroid 2 starts.' },
};

export const meta = {
  title: 'One k-means iteration by hand',
  hint: 'Press Step to assign every point to its nearest centroid, Step again to move each centroid to the mean of its points, and once more to check. Drag a centroid (or focus the line and use the arrow keys) to start somewhere else.',
};

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

const PHASES = ['Assign', 'Move', 'Check'];
const LINE_Y = 2;     // the number line, in the plot's (unlabelled) vertical units
const CENTROID_Y = 3; // centroids float above it
// Own points from a CSV file: one column of positions on the number line (the same limits as the
// points option); a second column is ignored with a note.
export const CSV_RULES = { dims: 1, labels: 'none', domain: [-20, 40], minPoints: 2, maxPoints: 12 };
const MAX_HALF_STEPS = 60; // a Share link's step count: far more than any run here needs

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function parsePoints(text) {
  const parts = String(text).split(/[,\s;]+/).filter(Boolean).map(Number);
  if (parts.length < 2 || parts.length > 12 || parts.some((v) => !Number.isFinite(v) || v < -20 || v > 40)) return null;
  return parts;
}

function build(ctx) {
  const { ml, card, options } = ctx;
  let opts = { ...options };
  const km = ctx.own(new ml.KMeans());
  let points = parsePoints(opts.points) || [1, 2, 3, 9, 10, 11];
  let start = [opts.c1, opts.c2];
  let phase = -1; // -1 start, 0 assigned, 1 moved, 2 converged
  let iterations = 0;
  let shown = [...start]; // centroid positions as drawn (they glide to the engine's values)
  let selected = 0;
  let stopTween = null;
  let lastAssign = null; // { labels, centroids } used for the explanation
  let axis = axisRange(points, start);
  let halfSteps = 0; // Steps taken since the start (a Share link replays them)

  const phaseBar = el('div', { className: 'dw-phase', 'aria-label': 'Phases of one k-means iteration' });
  const chips = PHASES.map((p, i) => el('span', { text: `${i + 1} ${p}` }));
  phaseBar.append(...chips);
  card.stage.append(phaseBar);
  const plot = ctx.own(new Plot(card.stage, { aspect: 0.22, minHeight: 150, maxHeight: 200, label: 'Number line with six points and two centroids', onResize: () => ctx.requestDraw(draw) }));
  plot.margin = { left: 16, right: 16, top: 16, bottom: 30 };
  const explain = el('p', { className: 'dw-hint c4-explain', 'aria-live': 'polite' });
  card.stage.append(explain);
  const tableWrap = el('div', { className: 'dw-table-wrap' });
  const table = el('table', { className: 'dw-table' });
  table.append(el('caption', { className: 'dw-sr-only', text: 'Distance from every point to each centroid and the cluster it joins' }));
  const headRow = el('tr');
  for (const h of ['point x', '|x − c₁|', '|x − c₂|', 'joins']) headRow.append(el('th', { scope: 'col', text: h }));
  const body = el('tbody');
  table.append(el('thead', {}, headRow), body);
  tableWrap.append(table);
  card.stage.append(tableWrap);

  const buttons = buttonRow(card.controls);
  const play = ctx.player(buttons, {
    reduced: () => advance(),
    onStart: () => { if (phase === 2) restart(); },
    every: 1100,
    tick: () => advance(),
  });
  button(buttons, 'Step', () => { play.stop(); advance(); });
  button(buttons, 'Reset', () => { play.stop(); restart(); });

  const statIter = card.stat('iteration');
  const statC1 = card.stat('c₁');
  const statC2 = card.stat('c₂');
  const statInertia = card.stat('inertia');
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
    question: 'From these starting centroids, the inertia when k-means has converged will be',
    numeric: { label: 'final inertia', tolerance: 1, min: 0, digits: 2 },
    ready: () => (phase === -1 ? null : 'Press Reset first: predict before the first Step.'),
    next: 'Now press Step (or Play) until k-means has converged.',
  });
  function judgeConverged(inertia) {
    if (prediction.pending === null || phase !== 2) return;
    const labels = km.labels();
    const empty = [0, 1].filter((j) => !labels.some((l) => l === j)).length;
    prediction.settle(inertia, `Starting from c₁ = ${fixed(start[0], 2)} and c₂ = ${fixed(start[1], 2)}, k-means stopped at c₁ = ${fixed(km.centroids()[0], 2)}, c₂ = ${fixed(km.centroids()[1], 2)} with inertia ${fixed(inertia, 2)}. ${empty ? 'One centroid never won a point, so a single group holds everything: each step only ever improves the grouping it has, and this start leaves it nothing better to move to.' : 'Both centroids kept points, and each step lowered the inertia until no label changed.'}`);
  }

  function restart() {
    phase = -1;
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
    if (ok) card.setMessage(`Centroids start at c₁ = ${fixed(start[0], 2)} and c₂ = ${fixed(start[1], 2)}. Press Step to assign the points.`, 'info');
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
    const members = points.filter((_, i) => labels[i] === j).map((v) => fixed(v, v % 1 ? 1 : 0));
    return members.length ? `{${members.join(', ')}}` : 'no points';
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
      const join = labels.length && phase !== -1 && phase !== 1 ? `c${labels[i] === 0 ? '₁' : '₂'}` : '–';
      for (const t of [fixed(x, 2), fixed(Math.abs(x - ref[0]), 2), fixed(Math.abs(x - ref[1]), 2), join]) tr.append(el('td', { text: t }));
      body.append(tr);
    });
    if (phase === -1) {
      explain.textContent = 'Start: no point belongs to a cluster yet. The inertia shown uses each point\'s nearest centroid.';
    } else if (phase === 0) {
      const lab = lastAssign.labels;
      const probe = points.findIndex((x, i) => lab[i] === 1);
      const example = probe >= 0 ? ` For example |${fixed(points[probe], 0)} − ${fixed(ref[1], 2)}| = ${fixed(Math.abs(points[probe] - ref[1]), 2)} is less than |${fixed(points[probe], 0)} − ${fixed(ref[0], 2)}| = ${fixed(Math.abs(points[probe] - ref[0]), 2)}.` : '';
      explain.textContent = `Assign: c₁ gets ${groupText(lab, 0)} and c₂ gets ${groupText(lab, 1)}.${example} The centroids have not moved yet, so the inertia is still large.`;
      card.setMessage(`Assignment done: ${countOf(lastAssign.changed, 'label')} set or changed. Step again to move the centroids.`, 'info');
    } else if (phase === 1) {
      explain.textContent = `Move: each centroid jumps to the mean of its points: c₁ = ${fixed(c[0], 2)}, c₂ = ${fixed(c[1], 2)}. Inertia falls to ${fixed(inertia, 2)}.`;
      card.setMessage('Centroids moved. Step again to re-assign and check whether anything changes.', 'info');
    } else {
      const empty = labels.length ? [0, 1].filter((j) => !labels.some((l) => l === j)) : [];
      const emptyText = empty.length ? ` c${empty[0] === 0 ? '₁' : '₂'} has no points at all: every point is at least as close to the other centroid, so this is an empty cluster and only one group was found.` : '';
      explain.textContent = `Check: re-assigning with c₁ = ${fixed(c[0], 2)} and c₂ = ${fixed(c[1], 2)} changes no label, so nothing would move again.${emptyText}`;
      card.setMessage(`Converged after ${countOf(Math.max(1, iterations - 1), 'update')} (the engine counts ${countOf(iterations, 'iteration')} including the confirming one). Final inertia ${fixed(inertia, 2)}.${empty.length ? ' One centroid ended with no points.' : ''}`, empty.length ? 'warn' : 'ok');
    }
    plot.canvas.setAttribute('aria-label', `Number line from ${fixed(axis[0], 1)} to ${fixed(axis[1], 1)}: points ${points.map((v) => formatShort(v)).join(', ')}; centroid 1 at ${fixed(c[0], 2)}, centroid 2 at ${fixed(c[1], 2)}; inertia ${fixed(inertia, 2)}`);
    judgeConverged(inertia);
    ctx.requestDraw(draw);
  }

  function domain() { return axis; }

  function draw() {
    const [x0, x1] = domain();
    plot.setDomain(x0, x1, 1, 3.6); // a y range without a round tick, so axes() labels only x
    const ctx = plot.begin();
    const t = plot.theme;
    plot.axes({ xTicks: 8, yTicks: 0 });
    // the number line itself
    ctx.strokeStyle = t.textMuted; ctx.lineWidth = 1.5;
    ctx.beginPath(); ctx.moveTo(plot.px(x0), plot.py(LINE_Y)); ctx.lineTo(plot.px(x1), plot.py(LINE_Y)); ctx.stroke();
    const labels = km.labels();
    const assigned = labels.length && phase !== -1;
    points.forEach((x, i) => {
      const j = assigned ? labels[i] : -1;
      const X = plot.px(x); const Y = plot.py(LINE_Y);
      if (assigned) {
        // a thin link to the centroid the point joined
        ctx.strokeStyle = clusterColor(t, j); ctx.globalAlpha = 0.45; ctx.lineWidth = 1.5;
        ctx.beginPath(); ctx.moveTo(X, Y); ctx.lineTo(plot.px(shown[j]), plot.py(CENTROID_Y)); ctx.stroke();
        ctx.globalAlpha = 1;
      }
      ctx.fillStyle = assigned ? clusterColor(t, j) : t.textMuted;
      shapeMarker(ctx, X, Y, assigned ? j : 1, 6);
      ctx.fill(); ctx.strokeStyle = t.surface; ctx.lineWidth = 1; ctx.stroke();
    });
    const focused = drag.focused;
    shown.forEach((cx, j) => {
      const X = plot.px(cx); const Y = plot.py(CENTROID_Y);
      ctx.strokeStyle = clusterColor(t, j); ctx.lineWidth = 1; ctx.setLineDash([3, 3]);
      ctx.beginPath(); ctx.moveTo(X, Y); ctx.lineTo(X, plot.py(LINE_Y)); ctx.stroke(); ctx.setLineDash([]);
      ctx.beginPath(); ctx.arc(X, Y, 10, 0, Math.PI * 2);
      ctx.fillStyle = t.surface; ctx.fill(); ctx.lineWidth = 3; ctx.strokeStyle = clusterColor(t, j); ctx.stroke();
      ctx.fillStyle = t.text; ctx.font = `600 11px ${t.font}`; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
      ctx.fillText(j === 0 ? 'c₁' : 'c₂', X, Y);
      if ((focused && j === selected) || drag.grabbed === j) { ctx.beginPath(); ctx.arc(X, Y, 15, 0, Math.PI * 2); ctx.lineWidth = 2; ctx.strokeStyle = t.accent; ctx.stroke(); }
    });
  }

  // Moving a starting centroid restarts the example from there.
  function moveStart(j, x) {
    play.stop();
    // clamped to the drawn axis, so a centroid can never be pushed out of sight
    start[j] = Math.max(axis[0], Math.min(axis[1], Math.round(x * 10) / 10));
    prediction.reset('The start moved: predict again for this start.');
    restart();
  }
  function nearestCentroid(pos) {
    let best = -1; let bestD = Infinity;
    shown.forEach((cx, j) => { const d = Math.hypot(plot.px(cx) - plot.px(pos.x), plot.py(CENTROID_Y) - plot.py(pos.y)); if (d < bestD) { bestD = d; best = j; } });
    return bestD <= 30 ? best : -1;
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
    enter: () => { selected = 1 - selected; ctx.requestDraw(draw); },
    escape: () => plot.canvas.blur(),
    onFocusChange: (on) => {
      if (on) card.setMessage('Left/Right move the selected starting centroid (Shift for bigger moves); Enter switches centroid.', 'info');
      ctx.requestDraw(draw);
    },
  });

  if (!parsePoints(opts.points)) card.setMessage(`points="${String(opts.points).slice(0, 40)}" is not a list of 2 to 12 numbers between −20 and 40; using 1, 2, 3, 9, 10, 11.`, 'warn');
  restart();

  return {
    update(next) {
      play.stop();
      opts = { ...next };
      points = parsePoints(opts.points) || [1, 2, 3, 9, 10, 11];
      start = [opts.c1, opts.c2];
      axis = axisRange(points, start);
      prediction.reset('The settings changed: predict again.');
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
