// Game "Draw the boundary" (seed 001, level 2): two classes on the plane; drag the ends of a
// straight line (or the line itself) so each class lands on its own side. The score is the share
// of points on the correct side; beating 95 % wins (77 of 80; 76 is exactly 95 %). "Auto-fit (logistic)" trains the engine's
// LogisticRegression step by step, drawing its boundary z = w·x + b = 0 and the probability
// σ(z) as an orange–white–blue heat map computed by the engine (predictGrid). Only the learner's
// own line wins or counts as their best: once the model has placed the line, moving it is
// practice until Reset or New points (as in fit-line.js). Once the logistic line has been shown on
// a set of points, a line the learner then draws on them (after Reset) is practice too, never
// reported, until New points (place-centroids' rule; the state keeps s: 1). A line on imported
// points is practice as well: the game is its own points, and its score is a count of them.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { prefersReducedMotion } from '../lib/frame.js';
import { button, buttonRow } from '../lib/ui.js';
import { drawHeatmap, heatLegend, probabilityRgb } from '../lib/heatmap.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { reportComplete, reportScore } from '../lib/report.js';
import { pointsCsv, pointsFromState, pointsState } from '../lib/points-csv.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './draw-boundary.messages.js';

export const engine = 'core';
export const schema = {
  seed: seedOption(4, 'Random seed for the points.'),
  points: { type: 'int', min: 10, max: 400, default: 80, description: 'How many points (both classes together).' },
  dataset: { type: 'enum', values: ['blobs', 'moons'], default: 'blobs', description: 'Two Gaussian blobs, or two interleaved moons (no straight line is perfect).' },
  spread: { type: 'number', min: 0.2, max: 3, default: 1.1, description: 'Blob spread (standard deviation) or moon noise.' },
  target: { type: 'number', min: 0.5, max: 1, default: 0.95, description: 'Accuracy to beat: a line wins only above it.' },
};

export const meta = { title: messages['draw-boundary.title'], hint: messages['draw-boundary.hint'] };

const GRID = [60, 44];
const STEPS_PER_FRAME = 2;
const MAX_FIT_STEPS = 600;
const KEY_STEP = 0.1;
// Own points from a CSV file: two classes (any two labels, mapped to 0 and 1 with a note).
// Options that make the generated points: changing one replaces imported points.
const DATA_OPTIONS = ['seed', 'points', 'dataset', 'spread'];
export const CSV_RULES = { labels: 'class', maxClasses: 2, domain: [-100, 100], minPoints: 2, maxPoints: 1000 };

// The seed's challenge is to *beat* the target, so a line wins (and the prediction box opens) only
// strictly above it: on 80 points at 95 %, 77 right wins and 76 (exactly 95 %) does not. A share is
// a count over the points, so shares differ by at least 1/points; SAME_SHARE only absorbs the
// rounding of 76/80 against 0.95 written in decimal.
const SAME_SHARE = 1e-9;
export function beatsTarget(share, target) { return share > target + SAME_SHARE; }

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  // Scores the learner's line through the engine: a logistic model whose parameters are set
  // from the line (threshold 0.5 ⇔ z = 0, so the scale of w does not matter) and score() = accuracy.
  const judge = ctx.own(new ml.LogisticRegression());
  const learner = ctx.own(new ml.LogisticRegression());
  let data = null;
  let view = { x0: -5, x1: 5, y0: -4, y1: 4 };
  let ends = [{ x: -3, y: 1 }, { x: 3, y: 1.5 }];
  let flip = false;         // which side is class 1 (chosen so the line scores its best)
  let accuracy = NaN;
  let best = 0;
  let won = false;
  let reported = 0;         // the best hand-drawn accuracy already reported to the course (percent)
  let assisted = false;     // the logistic model has placed the line since the last Reset or new points
  let answerShown = false;  // the logistic line has been shown on these points (state s: 1): hand lines are practice
  let heat = null;          // p(class 1) per grid cell while the logistic model owns the line
  // A logistic line and its count of points right have been on screen since the last reset: from a
  // few dozen steps on that is the finished run's count, so even a paused run shows the box's answer.
  let fitShown = false;
  let stepsSinceLock = false; // logistic steps have been on screen since the prediction was locked
  let fitting = null;
  let selected = -1;        // 0, 1: a handle; 2: the whole line
  let startEnds = '';       // the line as Reset puts it (a Share link then carries no line)
  let imported = null;      // { X, y } from a CSV file or a Share link, instead of generated points

  let plot = null;
  plot = ctx.own(new Plot(card.stage, { aspect: 0.72, minHeight: 260, maxHeight: 540, label: t('draw-boundary.plot'), onResize: () => { fitView(); ctx.requestDraw(draw); } }));
  plot.canvas.tabIndex = 0;
  const key = heatLegend(card.stage, { color: probabilityRgb(plot.theme), low: t('draw-boundary.legend.low'), high: t('draw-boundary.legend.high'), caption: t('draw-boundary.legend') });
  key.element.style.display = 'none';

  const buttons = buttonRow(card.controls);
  const fitBtn = button(buttons, t('draw-boundary.fit'), () => toggleFit(), { primary: true });
  button(buttons, t('draw-boundary.step'), () => { stopFit(); logisticSteps(1); });
  button(buttons, t('draw-boundary.reset'), () => { stopFit(); resetLine(); });
  button(buttons, t('draw-boundary.newPoints'), () => { stopFit(); imported = null; opts.seed = nextSeed(opts.seed); loadData(); });

  const statAcc = card.stat(t('draw-boundary.stat.accuracy'));
  const statBest = card.stat(t('draw-boundary.stat.best'));
  const statTarget = card.stat(t('draw-boundary.stat.target'));
  const statSteps = card.stat(t('draw-boundary.stat.steps'));
  const statLoss = card.stat(t('draw-boundary.stat.loss'));
  pointsCsv(ctx, card.controls, {
    filename: 'draw-boundary-points.csv', rules: CSV_RULES,
    get: () => ({ X: data.X, y: data.y }),
    set: (parsed) => { stopFit(); imported = { X: parsed.X, y: parsed.y }; loadData(); },
  });

  // Predict, then check: does logistic regression beat the learner's best line on accuracy? Judged
  // in points right, once the widget's Auto-fit run is over, against the learner's best by hand.
  // The question is about a good hand line (the lesson: a careful hand can tie or beat the fit), so
  // the box takes a prediction only once the learner's own best has beaten the game's target, as
  // the win counts it (beatsTarget): against a line left near chance, "more" would always hold.
  const goodLine = () => beatsTarget(best, opts.target);
  const notYet = (key) => t(key, { target: formatPercent(opts.target, 0), best: best > 0 ? formatPercent(best, 1) : '' });
  const prediction = createPrediction(ctx, {
    id: 'draw-boundary-vs-logistic',
    question: t('draw-boundary.predict.question'),
    choices: ['more', 'same', 'fewer'].map((c) => [c, t(`draw-boundary.predict.${c}`)]),
    // Nudging the model's line raises no best (see score), so after Auto-fit the way there is Reset.
    ready: () => (goodLine() ? null : notYet(assisted ? 'draw-boundary.predict.readyAfterFit' : 'draw-boundary.predict.ready')),
    onCommit: () => { stepsSinceLock = false; },
    // Unlocked part-way through a run, the box has had that run's count on screen.
    onUnlock: () => { if (fitShown) prediction.outcomeSeen(t('draw-boundary.predict.seen')); },
    // Reset takes the logistic line off the screen, not what the learner saw of it: steps taken
    // under this lock count when it is changed, wherever the line is now.
    progress: () => stepsSinceLock,
    next: t('draw-boundary.predict.next'),
  });
  function judgeFit(done) {
    if (!data) return;
    if (prediction.pending === null) { prediction.outcomeSeen(t('draw-boundary.predict.seen')); return; }
    if (!done) return;
    if (!goodLine()) { prediction.reset(notYet('draw-boundary.predict.reset')); return; } // New points since the lock
    const mine = Math.round(best * data.rows);
    const its = Math.round(accuracy * data.rows);
    const outcome = its > mine ? 'more' : its === mine ? 'same' : 'fewer';
    prediction.settle(outcome, t('draw-boundary.predict.why', { its: formatNumber(its, 0), n: formatNumber(data.rows, 0), mine: formatNumber(mine, 0) }));
  }

  function loadData() {
    const d = imported ? { X: imported.X, y: imported.y, rows: imported.y.length } : attempt(card, () => (opts.dataset === 'moons' ? ml.makeMoons(opts.points, opts.spread * 0.2, opts.seed) : ml.makeBlobs(opts.points, 2, opts.spread, opts.seed)), null);
    if (!d) return;
    data = d;
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < d.rows; i++) {
      x0 = Math.min(x0, d.X[2 * i]); x1 = Math.max(x1, d.X[2 * i]);
      y0 = Math.min(y0, d.X[2 * i + 1]); y1 = Math.max(y1, d.X[2 * i + 1]);
    }
    const pad = 0.12 * Math.max(x1 - x0, y1 - y0);
    view = { x0: x0 - pad, x1: x1 + pad, y0: y0 - pad, y1: y1 + pad };
    fitView();
    attempt(card, () => {
      judge.setData(d.X, 2, d.y);
      learner.setData(d.X, 2, d.y);
      learner.setLearningRate(0.5);
      learner.setTolerance(1e-4);
    });
    best = 0;
    won = false;
    answerShown = false;
    statTarget.set(formatPercent(opts.target, 0));
    resetLine();
  }

  // Keep one data unit the same length on both axes so angles look true: widen the shorter side.
  function fitView() {
    if (!plot || !plot.width) return; // Plot's constructor calls onResize before `plot` is assigned
    const m = plot.margin;
    const w = plot.width - m.left - m.right;
    const h = plot.height - m.top - m.bottom;
    const cx = (view.x0 + view.x1) / 2;
    const cy = (view.y0 + view.y1) / 2;
    const sx = view.x1 - view.x0;
    const sy = view.y1 - view.y0;
    const scale = Math.max(sx / w, sy / h);
    plot.setDomain(cx - (scale * w) / 2, cx + (scale * w) / 2, cy - (scale * h) / 2, cy + (scale * h) / 2);
  }

  function resetLine() {
    const { x0, x1, y0, y1 } = view;
    const cy = (y0 + y1) / 2;
    ends = [{ x: x0 + 0.2 * (x1 - x0), y: cy + 0.25 * (y1 - y0) }, { x: x0 + 0.8 * (x1 - x0), y: cy + 0.32 * (y1 - y0) }];
    startEnds = JSON.stringify(ends);
    assisted = false;
    heat = null;
    key.element.style.display = 'none';
    attempt(card, () => learner.setParams([0, 0, 0]));
    fitShown = false;
    statSteps.set('0');
    statLoss.set('–');
    score(true);
  }

  // Line through A and B: n·p + c = 0 with n = (−(By−Ay), Bx−Ax), c = −n·A. Points with n·p + c > 0
  // are on its left. Engine scoring: parameters [n, c] (or their negation) give logits z.
  function lineParams() {
    const [a, b] = ends;
    const nx = -(b.y - a.y);
    const ny = b.x - a.x;
    const len = Math.hypot(nx, ny) || 1;
    return [nx / len, ny / len, -(nx * a.x + ny * a.y) / len];
  }

  function accuracyOf(params) {
    return attempt(card, () => { judge.setParams(params); return judge.score(data.X, data.y); }, NaN);
  }

  // fromUser: the line is the learner's (not the logistic model's); moved: the learner just moved
  // it (a reset or new points are not a move, so they never win the game by themselves). A move
  // counts towards "best" and the win only while the line is the learner's own: nudging a line
  // the logistic model placed is practice until Reset or New points (fit-line's rule).
  function score(fromUser, moved = false) {
    if (!data) return;
    const p = lineParams();
    const left = accuracyOf(p);
    const right = accuracyOf(p.map((v) => -v));
    flip = right > left;
    accuracy = Math.max(left, right);
    const own = moved && !assisted;
    if (own) best = Math.max(best, accuracy); // the learner's best: not the model's, not the starting line's
    // Practice (the logistic line was shown on these points, or they are imported): the line is
    // scored on screen but never reported.
    const practice = answerShown || imported !== null;
    const note = practice && !assisted ? t('draw-boundary.practiceNote', { imported: imported !== null }) : '';
    statAcc.set(formatPercent(accuracy, 1));
    statBest.set(best > 0 ? formatPercent(best, 1) : '–');
    const wrong = Math.round((1 - accuracy) * data.rows);
    if (fromUser) {
      if (assisted) { // moved, or restored from a link as the model's line
        if (beatsTarget(accuracy, opts.target)) card.setMessage(t('draw-boundary.reachedByFit', { target: formatPercent(opts.target, 0) }), 'info');
        else card.setMessage(t('draw-boundary.movedByFit', { wrong: formatNumber(wrong, 0), n: formatNumber(data.rows, 0), one: wrong === 1 }), 'info');
      } else if (practice && beatsTarget(accuracy, opts.target)) {
        card.setMessage(t('draw-boundary.reachedPractice', { target: formatPercent(opts.target, 0), right: formatNumber(data.rows - wrong, 0), n: formatNumber(data.rows, 0), imported: imported !== null }), 'info');
      } else if (beatsTarget(accuracy, opts.target)) {
        // The learner's own move wins (reportWin): that completes the activity; a line restored from a link does not.
        if (own) reportWin();
        card.setMessage(t('draw-boundary.reached', { target: formatPercent(opts.target, 0), right: formatNumber(data.rows - wrong, 0), n: formatNumber(data.rows, 0), wrong, complete: own && won }), 'ok');
      } else if (Math.abs(accuracy - opts.target) < SAME_SHARE) {
        card.setMessage(`${t('draw-boundary.atTarget', { target: formatPercent(opts.target, 0), right: formatNumber(data.rows - wrong, 0), n: formatNumber(data.rows, 0) })}${note}`, 'info');
      } else if (accuracy >= 0.8) {
        card.setMessage(`${t('draw-boundary.close', { wrong: formatNumber(wrong, 0), one: wrong === 1 })}${note}`, 'info');
      } else {
        card.setMessage(`${t('draw-boundary.far', { wrong: formatNumber(wrong, 0), n: formatNumber(data.rows, 0) })}${note}`, 'warn');
      }
    }
    plot.canvas.setAttribute('aria-label', t('draw-boundary.figure', { n: data.rows, x0: formatNumber(ends[0].x, 3), y0: formatNumber(ends[0].y, 3), x1: formatNumber(ends[1].x, 3), y1: formatNumber(ends[1].y, 3), accuracy: formatNumber(accuracy * 100, 1) }));
    ctx.requestDraw(draw);
  }

  // The learner's own line beat the target: the game is won (once per set of points), and a
  // later, better hand-drawn line raises the reported score. Auto-fit never reports, and neither
  // does a nudge of its line: it is the model's result, not the learner's.
  // The score is the best line's points on their own side, of all the points: what the widget
  // shows (78 of 80, 97.5%), where a percentage rounded to a whole number of 100 claimed 98.
  function reportWin() {
    const right = Math.round(best * data.rows);
    const detail = { widget: 'draw-boundary', title: t('draw-boundary.title'), score: right, max: data.rows };
    if (!won) { won = true; reported = right; reportComplete(card, detail); } else if (right > reported) { reported = right; reportScore(card, detail); }
  }

  // ---- logistic regression (engine) ----
  function logisticSteps(n) {
    for (let i = 0; i < n && learner.status() === 'ready' && learner.steps() < MAX_FIT_STEPS; i++) attempt(card, () => learner.step());
    const status = learner.status();
    const [w0, w1, b] = attempt(card, () => Array.from(learner.params()), [0, 0, 0]);
    const loss = attempt(card, () => learner.loss(), NaN);
    const norm = Math.hypot(w0, w1);
    if (norm > 1e-9) {
      // The boundary z = 0 drawn as a segment through the point nearest the data's centre.
      const cx = (view.x0 + view.x1) / 2;
      const cy = (view.y0 + view.y1) / 2;
      const t = -(w0 * cx + w1 * cy + b) / (norm * norm);
      const px = cx + t * w0;
      const py = cy + t * w1;
      const half = 0.35 * Math.max(view.x1 - view.x0, view.y1 - view.y0);
      ends = [{ x: px + (w1 / norm) * half, y: py - (w0 / norm) * half }, { x: px - (w1 / norm) * half, y: py + (w0 / norm) * half }];
      assisted = true; // the model's line now: moving it is practice until Reset or New points
    }
    const d = plot.domain;
    const grid = attempt(card, () => learner.predictGrid(d.x0, d.x1, d.y0, d.y1, GRID[0], GRID[1]), null);
    if (grid) {
      const cells = GRID[0] * GRID[1];
      const perCell = grid.length / cells; // classifiers: p(class 0), p(class 1) per cell
      heat = new Float64Array(cells);
      for (let k = 0; k < cells; k++) heat[k] = grid[k * perCell + perCell - 1];
      heat.domain = { ...d };
      key.element.style.display = '';
    }
    const steps = learner.steps();
    statSteps.set(formatNumber(steps, 0));
    statLoss.set(formatNumber(loss, 4));
    score(false);
    if (status === 'converged') card.setMessage(t('draw-boundary.converged', { steps, loss: formatNumber(loss, 4), accuracy: formatPercent(accuracy, 1) }), 'ok');
    else if (status === 'diverged') card.setMessage(t('draw-boundary.diverged'), 'bad');
    else if (norm <= 1e-9) card.setMessage(t('draw-boundary.zeroWeights'), 'info');
    else if (steps >= MAX_FIT_STEPS) card.setMessage(t('draw-boundary.stopped', { steps, loss: formatNumber(loss, 4), accuracy: formatPercent(accuracy, 1) }), 'ok');
    else card.setMessage(t('draw-boundary.stepped', { steps: formatNumber(steps, 0), loss: formatNumber(loss, 4), accuracy: formatPercent(accuracy, 1) }), 'info');
    if (steps > 0) {
      fitShown = true;
      answerShown = true;
      if (prediction.pending !== null) stepsSinceLock = true;
      judgeFit(steps >= MAX_FIT_STEPS || status === 'converged' || status === 'diverged');
    }
    return steps >= MAX_FIT_STEPS ? 'done' : status;
  }

  function toggleFit() {
    if (fitting) { stopFit(); return; }
    if (learner.status() !== 'ready' || learner.steps() >= MAX_FIT_STEPS) attempt(card, () => learner.setParams([0, 0, 0]));
    if (prefersReducedMotion()) { logisticSteps(MAX_FIT_STEPS); return; }
    fitBtn.textContent = t('draw-boundary.pause');
    // Each frame rewrites the message ("Logistic step n: …"): quiet until the fit stops, which
    // then says its last words once (card.hush in ui.js).
    card.hush();
    fitting = ctx.animate(() => {
      if (logisticSteps(STEPS_PER_FRAME) !== 'ready') stopFit();
    });
  }

  function stopFit() {
    if (!fitting) return;
    fitting();
    fitting = null;
    fitBtn.textContent = t('draw-boundary.fit');
    card.speak();
  }

  // ---- dragging and keys ----
  function userMoved() {
    stopFit();
    heat = null;
    key.element.style.display = 'none';
    score(true, true);
  }

  function hitTest(pos) {
    const P = { x: plot.px(pos.x), y: plot.py(pos.y) };
    for (let i = 0; i < 2; i++) if (Math.hypot(plot.px(ends[i].x) - P.x, plot.py(ends[i].y) - P.y) <= 24) return i;
    // distance from the pointer to the infinite line, in pixels
    const ax = plot.px(ends[0].x); const ay = plot.py(ends[0].y);
    const bx = plot.px(ends[1].x); const by = plot.py(ends[1].y);
    const dist = Math.abs((bx - ax) * (ay - P.y) - (ax - P.x) * (by - ay)) / (Math.hypot(bx - ax, by - ay) || 1);
    return dist <= 14 ? 2 : -1;
  }

  function moveTo(part, dx, dy) {
    const clampX = (v) => Math.min(plot.domain.x1, Math.max(plot.domain.x0, v));
    const clampY = (v) => Math.min(plot.domain.y1, Math.max(plot.domain.y0, v));
    if (part === 2) ends = ends.map((e) => ({ x: e.x + dx, y: e.y + dy }));
    else ends[part] = { x: clampX(ends[part].x + dx), y: clampY(ends[part].y + dy) };
    if (Math.hypot(ends[1].x - ends[0].x, ends[1].y - ends[0].y) < 1e-3) ends[part === 0 ? 0 : 1].x += 0.05; // keep a direction
  }

  // Pointer: grab a handle (0, 1) or the line (2) and drag it; keys: Enter or Space picks the
  // part, arrows move it by KEY_STEP (×10 with Shift: drag.js gives ±1, ±10); Escape during a
  // pointer drag puts the line back, otherwise it lets go of the selection.
  let last = null;            // the pointer's previous position while dragging
  let pointerDrag = false;    // a pointer drag is in progress (Escape then undoes it)
  let undone = false;
  const drag = ctx.drag(plot, {
    hit: (pos) => { const part = hitTest(pos); return part < 0 ? null : part; },
    grab: (part, pos) => { selected = part; last = pos; pointerDrag = true; },
    moveOnPress: false,
    move: (pos, part) => {
      moveTo(part, pos.x - last.x, pos.y - last.y);
      last = pos;
      userMoved();
    },
    release: () => { pointerDrag = false; },
    key: (dx, dy) => {
      if (selected < 0) selected = 0;
      moveTo(selected, dx * KEY_STEP, dy * KEY_STEP);
      userMoved();
    },
    enter: () => {
      selected = (selected + 1) % 3;
      card.setMessage(t('draw-boundary.selected', { what: t(`draw-boundary.part.${selected}`) }), 'info');
      ctx.requestDraw(draw);
    },
    snapshot: () => ends.map((p) => ({ ...p })),
    restore: (saved) => {
      if (!pointerDrag) return;
      ends = saved.map((p) => ({ ...p }));
      undone = true;
      userMoved();
    },
    escape: () => {
      if (!undone) { selected = -1; ctx.requestDraw(draw); }
      undone = false;
    },
    onFocusChange: (on) => {
      if (on) {
        if (selected < 0) selected = 0;
        card.setMessage(t('draw-boundary.keyboard'), 'info');
      } else selected = -1;
      ctx.requestDraw(draw);
    },
  });

  function draw() {
    if (!data) return;
    fitView();
    const d = plot.domain;
    plot.begin();
    const c = plot.ctx;
    const [nx, ny, cc] = lineParams().map((v) => (flip ? -v : v));
    if (heat && heat.domain) {
      drawHeatmap(plot, heat, GRID[0], GRID[1], probabilityRgb(plot.theme), { rect: heat.domain, alpha: 0.55 });
    } else {
      // Tint each half-plane with the class it predicts (class 1 where n·p + c ≥ 0).
      plot.clipToArea(() => {
        const far = 4 * Math.max(d.x1 - d.x0, d.y1 - d.y0);
        const [a, b] = ends;
        const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
        const ux = (b.x - a.x) / len; const uy = (b.y - a.y) / len;
        const mx = (a.x + b.x) / 2; const my = (a.y + b.y) / 2;
        for (const side of [1, -1]) {
          const ox = nx * side * far; const oy = ny * side * far;
          c.beginPath();
          c.moveTo(plot.px(mx - ux * far), plot.py(my - uy * far));
          c.lineTo(plot.px(mx + ux * far), plot.py(my + uy * far));
          c.lineTo(plot.px(mx + ux * far + ox), plot.py(my + uy * far + oy));
          c.lineTo(plot.px(mx - ux * far + ox), plot.py(my - uy * far + oy));
          c.closePath();
          c.fillStyle = side === 1 ? plot.theme.class1 : plot.theme.class0;
          c.globalAlpha = 0.1;
          c.fill();
          c.globalAlpha = 1;
        }
      });
    }
    plot.axes({ xLabel: t('draw-boundary.axis.x'), yLabel: t('draw-boundary.axis.y') });
    plot.clipToArea(() => {
      for (let i = 0; i < data.rows; i++) {
        const x = data.X[2 * i]; const y = data.X[2 * i + 1];
        const predicted = nx * x + ny * y + cc >= 0 ? 1 : 0; // the side, for ringing misclassified points
        plot.point(x, y, data.y[i], { size: plot.width < 480 ? 3.5 : 5, highlight: predicted !== data.y[i] });
      }
      const [a, b] = ends;
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const far = 4 * Math.max(d.x1 - d.x0, d.y1 - d.y0);
      const ux = (b.x - a.x) / len; const uy = (b.y - a.y) / len;
      plot.segment(a.x - ux * far, a.y - uy * far, b.x + ux * far, b.y + uy * far, { width: 2.5 });
    });
    // Handle positions in CSS pixels, for pointer tests and assistive tooling.
    // Pixel positions for a script to read (split on spaces and commas): never grouped.
    plot.canvas.dataset.handles = ends.map((p) => `${formatNumber(plot.px(p.x), 1, { grouping: false })},${formatNumber(plot.py(p.y), 1, { grouping: false })}`).join(' ');
    ends.forEach((p, i) => plot.handle(p.x, p.y, { focused: (selected === i || selected === 2) && (drag.keyboardFocused || drag.grabbed !== null) }));
  }

  loadData();

  return {
    update(next) { stopFit(); if (DATA_OPTIONS.some((k) => next[k] !== opts[k])) imported = null; opts = { ...next }; loadData(); },
    // Shared by a link: the seed (New points changes it), the line as drawn, imported points,
    // a: 1 when the logistic model placed that line (so a reloaded page keeps it the model's), and
    // s: 1 when the logistic line has been shown on these points (a line drawn after Reset stays
    // practice after a reload).
    currentOptions() { return { seed: opts.seed }; },
    state: {
      get() {
        if (!imported && !answerShown && JSON.stringify(ends) === startEnds) return null;
        return { e: ends.map((p) => [p.x, p.y]), ...(assisted ? { a: 1 } : answerShown ? { s: 1 } : {}), ...(imported ? pointsState(imported.X, imported.y) : {}) };
      },
      set(value) {
        const e = value && Array.isArray(value.e) ? value.e : null;
        if (!e || e.length !== 2 || !e.every((p) => Array.isArray(p) && p.length === 2 && p.every((v) => Number.isFinite(v) && Math.abs(v) <= 1e3))) {
          throw new RangeError('the line needs two ends (x, y) within ±1000');
        }
        if (Math.hypot(e[1][0] - e[0][0], e[1][1] - e[0][1]) < 1e-9) throw new RangeError('the two ends of the line are the same point');
        if (value.a !== undefined && value.a !== 1) throw new RangeError('the mark for a line placed by Auto-fit (a) must be 1 or left out');
        if (value.s !== undefined && value.s !== 1) throw new RangeError('the mark for points whose logistic line Auto-fit has shown (s) must be 1 or left out');
        const points = value.p ? pointsFromState(value, CSV_RULES) : null; // checked before anything changes
        stopFit();
        if (points) { imported = { X: points.X, y: points.y }; loadData(); }
        ends = e.map(([x, y]) => ({ x, y }));
        assisted = value.a === 1;
        if (value.a === 1 || value.s === 1) answerShown = true; // never cleared here: only new points do that
        heat = null;
        key.element.style.display = 'none';
        score(true);
      },
    },
  };
}
