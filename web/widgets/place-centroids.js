// Game "Place the centroids" (seed 001, level 4): drop k centroids on unlabelled blobs, then run
// k-means one iteration at a time (assign, then move) or to convergence. The engine's KMeans does
// every assignment and update, measures the inertia, seeds k-means++ and draws the elbow curve.
// Once k-means has moved the centroids on a set of points, it has shown where they go there: a
// start made after that is practice (scored on screen, never reported) until New points, also
// after a reload (the state keeps s: 1) and when the same points come back (web/lib/shown-answers.js).
// Centroids that came with the page's address or a Share link are not the learner's start until
// they change it, as k-means++'s are not. A lesson page with two widgets keeps nothing in its
// address, so there a score already recorded in the lesson makes the points the page opens with
// practice too (they come back the same on every visit). The game is one guess per cluster at the
// k it opens with (the lesson's 4): a start with another k explores the elbow, and with k = 1 every
// start ends in the same grouping, so only rounds at the opening k (at least 2) on the game's own
// points count; another k or imported points are practice, and the status says which.
import { attempt, mountWidget } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { prefersReducedMotion } from '../lib/frame.js';
import { button, buttonRow, el, fixed, quietWhileHeld, slider } from '../lib/ui.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { formatBeside, formatNumber, formatShort, asShown } from '../lib/format.js';
import { clusterColor, rgba } from '../lib/colors.js';
import { shapeMarker } from '../lib/marks.js';
import { equalDomain } from '../lib/domain.js';
import { roundTicks, yGrid } from '../lib/ticks.js';
import { reportComplete, reportScore } from '../lib/report.js';
import { createShownAnswers } from '../lib/shown-answers.js';
import { pointsCsv, pointsFromState, pointsState } from '../lib/points-csv.js';
import { messages } from './place-centroids.messages.js';

export const schema = {
  seed: seedOption(11, 'Random seed for the blobs.'),
  points: { type: 'int', min: 20, max: 400, default: 150, description: 'How many points.' },
  blobs: { type: 'int', min: 1, max: 8, default: 4, description: 'How many blobs the points come from (hidden from the game).' },
  spread: { type: 'number', min: 0.1, max: 2, default: 0.55, description: 'Standard deviation of each blob.' },
  k: { type: 'int', min: 1, max: 8, default: 4, description: 'How many centroids to place. The game records rounds at this k only (and none at 1); the learner\'s slider explores others as practice.' },
};

export const meta = { title: messages['place-centroids.title'], hint: messages['place-centroids.hint'] };

const K_MAX_ELBOW = 8;
const HALF_STEP_MS = 550;
// The game finishes when the learner's own start reaches the best grouping and scores at least
// this much: inertia as placed at most twice the best, i.e. every centroid well inside a blob.
export const PASS_SCORE = 50;
// The plot shows this square (centre x, centre y, half-widths) around generated blobs.
export const BLOB_VIEW = [0, 0, 4.6, 4.6];
// k-means's grouping matches the best known one within this fraction of its inertia (0.5 %); a gap
// above it is written so that it reads above it (0.51 %, never "0.5" beside "a local minimum").
const MATCH_GAP = 0.005;

// The game's score measures the placement, not Lloyd's algorithm: from almost any start on
// well-separated blobs (four centroids in a row through the middle included) k-means reaches the
// best grouping by itself. 100 × best known inertia ÷ inertia of the centroids as placed, from
// the two numbers as shown to two decimals (100 = they started where the best grouping's are).
export function placementScore(bestInertia, startInertia) {
  const shown = (v) => asShown(v, 2); // the readout's rounding (decimal halves away from zero)
  return Math.max(0, Math.min(100, Math.round((100 * shown(bestInertia)) / shown(startInertia))));
}

// Two centroids on one spot are not two guesses at where clusters are (and k-means would pull
// them apart by itself), so a centroid keeps at least this distance from the others: a tenth of
// the plot's larger half-width, to one significant figure (0.5 on the blobs' plot).
export function minimumGap(view) { return Number((0.1 * Math.max(view[2], view[3])).toPrecision(1)); }
// Distances closer than this to the gap count as the gap itself (floating-point error, not a place).
const SAME_DISTANCE = 1e-9;
// Own points from a CSV file: positions only (a label column is ignored with a note); at least
// as many points as the largest k.
// Options that make the generated points: changing one replaces imported points.
const DATA_OPTIONS = ['seed', 'points', 'blobs', 'spread'];
export const CSV_RULES = { labels: 'none', domain: [-100, 100], minPoints: 8, maxPoints: 1000 };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

// Centre and half-widths that show every point with a margin.
function extentView(X) {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < X.length; i += 2) {
    x0 = Math.min(x0, X[i]); x1 = Math.max(x1, X[i]);
    y0 = Math.min(y0, X[i + 1]); y1 = Math.max(y1, X[i + 1]);
  }
  const half = (lo, hi) => Math.max(0.5, 0.55 * (hi - lo));
  return [(x0 + x1) / 2, (y0 + y1) / 2, half(x0, x1), half(y0, y1)];
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const km = ctx.own(new ml.KMeans());
  let data = null;
  let elbow = new Float64Array(0);
  let placed = [];          // the centroids as the learner placed them (data coordinates)
  let shown = [];           // centroids as drawn; they glide to the engine's positions
  let labels = null;        // engine labels after the last assignment (null before any)
  let selected = -1;        // centroid picked for keyboard moves
  let cursor = { x: 0, y: 0 };
  let running = null;       // stop() of the iteration ticker
  let auto = false;
  let best = new Map();     // k → lowest converged inertia the learner reached
  let ppSeed = 1;
  let converged = false;
  let startInertia = NaN;   // inertia of the centroids as placed, before any iteration (what the score measures)
  let assisted = false;     // some centroid was put there by the k-means++ button, not the learner
  let view = BLOB_VIEW;        // centre and half-widths of the plot: the blobs' square, or an import's extent
  let imported = null;      // positions from a CSV file or a Share link, instead of generated blobs
  // A run that moved the centroids (or converged) shows where k-means puts them on these points;
  // a start copied from that is not a placement. So after it, any change to the start makes the
  // round practice: its score is shown, nothing is reported, until the points themselves change.
  // The run from the start made before it still counts when it converges.
  let answerShown = false;
  let practice = false;
  // A round's score is reported once (docs/embedding.md: dw:score once for every round). Auto-run
  // on a converged run replays it from the same start to the same score, which is shown again but
  // not sent again; only new points start a round whose score is reported.
  let scoreReported = false;
  // Where centroids restored from a state came from while they are unchanged (state.set's `from`:
  // the card's note sources, web/lib/ui.js), else null.
  let given = null;
  const givenWhere = () => t(`card.from.${given}`);
  let earlierVisit = null; // 'recorded' or 'seenEarlier': the lesson page's own points were spent on an earlier visit (shown-answers.js)
  // The points k-means has shown the answer on in this page view (and, on a lesson page with a
  // score of the game, the ones the page opens with): when they come back, a start on them is practice.
  const shownAnswers = createShownAnswers(card, 'place-centroids', t('place-centroids.title'));
  // The k whose rounds count: the one the game opened with (or an update set).
  let gameK = opts.k;

  const row = el('div', { className: 'dw-row' });
  const left = el('div', { className: 'dw-col dw-main-col' });
  const right = el('div', { className: 'dw-col dw-side-col' });
  row.append(left, right);
  card.stage.append(row);
  const plot = ctx.own(new Plot(left, { aspect: 0.8, minHeight: 280, maxHeight: 520, label: t('place-centroids.plot'), onResize: () => ctx.requestDraw(draw) }));
  right.append(el('p', { className: 'dw-chart-title', text: t('place-centroids.elbowHeading') }));
  const elbowPlot = ctx.own(new Plot(right, { aspect: 0.7, minHeight: 170, maxHeight: 260, label: t('place-centroids.elbowPlot', { points: '', k: 0, current: '' }), onResize: () => ctx.requestDraw(draw) }));
  elbowPlot.margin = { left: 50, right: 10, top: 12, bottom: 30 };

  const buttons = buttonRow(card.controls);
  const autoBtn = button(buttons, t('place-centroids.autoRun'), () => toggleAuto(), { primary: true });
  const runBtn = button(buttons, t('place-centroids.runIteration'), () => { stopAuto(); runIteration(); });
  button(buttons, t('place-centroids.plusPlus'), () => seedPlusPlus(), { title: t('place-centroids.plusPlusTitle') });
  button(buttons, t('place-centroids.clear'), () => { stopAuto(); placed = []; selected = -1; assisted = false; startChanged(); });
  button(buttons, t('place-centroids.newPoints'), () => { stopAuto(); imported = null; opts.seed = nextSeed(opts.seed); loadData(); });
  const kSlider = slider(card.controls, { label: t('place-centroids.slider.k'), min: 1, max: 8, step: 1, value: opts.k, format: (v) => formatNumber(v, 0), onInput: (v) => { stopAuto(); opts.k = v; placed = placed.slice(0, v); if (!placed.length) assisted = false; selected = -1; startChanged(); } });

  const statInertia = card.stat(t('place-centroids.stat.inertia'));
  const statBest = card.stat(t('place-centroids.stat.best'));
  const statTarget = card.stat(t('place-centroids.stat.target'));
  const statIter = card.stat(t('place-centroids.stat.iterations'));
  const statScore = card.stat(t('place-centroids.stat.score'));
  pointsCsv(ctx, card.controls, {
    filename: 'centroids-points.csv', rules: CSV_RULES,
    get: () => ({ X: data.X, extra: labels ? { name: 'cluster', values: Array.from(labels) } : null }),
    set: (parsed) => { stopAuto(); imported = parsed.X; loadData(); },
  });

  function loadData() {
    attempt(card, () => {
      data = imported ? { X: imported, rows: imported.length / 2 } : ml.makeBlobs(opts.points, opts.blobs, opts.spread, opts.seed);
      km.setData(data.X, 2, []);
      km.setRestarts(4);
      km.reset(opts.seed);
      elbow = km.elbowCurve(Math.min(K_MAX_ELBOW, data.rows));
    });
    view = imported ? extentView(imported) : BLOB_VIEW;
    // New points start a round that counts; points k-means has already shown the answer on (the
    // same seed again, or a file of points already shown) are practice.
    recallShown();
    scoreReported = false;
    placed = [];
    assisted = false;
    given = null;
    best = new Map();
    selected = -1;
    cursor = { x: view[0], y: view[1] };
    syncModel();
  }

  // Whether the answer was given away on these points before they were loaded (shown-answers.js).
  function recallShown() {
    const why = data ? shownAnswers.why({ X: data.X }) : null;
    answerShown = why !== null;
    practice = answerShown;
    earlierVisit = why === 'recorded' || why === 'seenEarlier' ? why : null;
  }

  // Why a start now is practice, or null when its round counts: imported points ('imported'), a
  // k other than the game's ('k'), k-means ran on these points ('shown') or, on a lesson page,
  // a score of the game is already recorded and these are the points it opens with ('recorded'),
  // or k-means was shown on them on an earlier visit before any score ('seenEarlier').
  function practiceReason() {
    if (imported) return 'imported';
    if (opts.k < 2 || opts.k !== gameK) return 'k';
    if (practice) return earlierVisit || 'shown';
    return null;
  }
  function practiceText(reason = practiceReason()) {
    if (reason === 'imported') return t('place-centroids.practiceImported');
    if (reason === 'k') return t('place-centroids.practiceK', { k: opts.k, gameK, shown: answerShown });
    if (reason === 'recorded') return t('place-centroids.practiceRecorded');
    if (reason === 'seenEarlier') return t('place-centroids.practiceSeenEarlier');
    return reason ? t('place-centroids.practice') : '';
  }

  // The learner changed the start (placed, moved, removed, cleared a centroid, or changed k).

  function startChanged() {
    given = null;
    if (answerShown) practice = true;
    syncModel();
  }

  // Puts the learner's centroids into the engine (when all k are placed) and restarts the run.
  function syncModel() {
    labels = null;
    converged = false;
    kSlider.set(opts.k);
    startInertia = NaN;
    statScore.set('–');
    if (placed.length === opts.k) {
      startInertia = attempt(card, () => { km.setCentroids(placed.flatMap((p) => [p.x, p.y])); return km.inertia(); }, NaN);
    }
    shown = placed.map((p) => ({ ...p }));
    render();
  }

  function seedPlusPlus() {
    stopAuto();
    const ok = attempt(card, () => {
      km.setK(opts.k);
      km.setInit('k-means++');
      km.reset((opts.seed * 31 + ppSeed++) >>> 0);
      const c = km.centroids();
      placed = [];
      for (let j = 0; j < opts.k; j++) placed.push({ x: c[2 * j], y: c[2 * j + 1] });
      return true;
    }, false);
    if (!ok) return;
    assisted = true;
    selected = -1;
    startChanged();
    card.setMessage(t('place-centroids.plusPlusPlaced'), 'info');
  }

  // One iteration: the engine assigns, we show it, then the engine moves the centroids.
  function runIteration(onDone) {
    if (placed.length < opts.k) {
      card.setMessage(t('place-centroids.placeMore', { count: opts.k - placed.length }), 'warn');
      return;
    }
    if (running) return;
    if (converged) { render(); if (onDone) onDone(false); return; }
    const changed = attempt(card, () => km.assignStep(), null);
    if (changed === null) return;
    labels = km.labels();
    if (km.status() === 'converged') { converged = true; finish(); if (onDone) onDone(false); return; }
    render(t('place-centroids.assigned', { changed }));
    const afterAssign = () => {
      const before = shown.map((p) => ({ ...p }));
      if (!attempt(card, () => { km.updateStep(); return true; }, false)) return;
      showAnswer(); // the centroids now head for where k-means puts them
      const c = km.centroids();
      const target = before.map((_, j) => ({ x: c[2 * j], y: c[2 * j + 1] }));
      glide(before, target, () => { render(); if (onDone) onDone(true); });
    };
    if (prefersReducedMotion()) { afterAssign(); return; }
    const t0 = performance.now();
    running = ctx.animate((now) => {
      if (now - t0 < HALF_STEP_MS) return;
      stopRunning();
      afterAssign();
    });
  }

  function glide(from, to, done) {
    if (prefersReducedMotion()) { shown = to; done(); return; }
    const t0 = performance.now();
    running = ctx.animate((now) => {
      const u = Math.min(1, (now - t0) / 420);
      const e = u * u * (3 - 2 * u);
      shown = from.map((f, j) => ({ x: f.x + (to[j].x - f.x) * e, y: f.y + (to[j].y - f.y) * e }));
      ctx.requestDraw(draw);
      if (u >= 1) { stopRunning(); shown = to; done(); }
    });
  }

  function stopRunning() { if (running) running(); running = null; }

  function toggleAuto() {
    if (auto) { stopAuto(); return; }
    if (placed.length < opts.k) { runIteration(); return; }
    if (converged) { syncModel(); }
    auto = true;
    autoBtn.textContent = t('place-centroids.pause');
    const loop = () => {
      if (!auto) return;
      if (prefersReducedMotion()) {
        let guard = 0;
        while (!converged && guard++ < 300) runIteration();
        stopAuto();
        return;
      }
      runIteration((more) => { if (more && auto) loop(); else stopAuto(); });
    };
    loop();
  }

  function stopAuto() {
    auto = false;
    autoBtn.textContent = t('place-centroids.autoRun');
    stopRunning();
  }

  // k-means has shown where the centroids go on these points: kept in the address (s: 1).
  function showAnswer() {
    shownAnswers.note({ X: data.X });
    if (answerShown) return;
    answerShown = true;
    ctx.stateChanged();
  }

  function finish() {
    showAnswer();
    const inertia = km.inertia();
    // "best inertia" is the learner's own: runs started from k-means++ centroids do not count.
    const prev = best.get(opts.k);
    if (!assisted && !given && !(prev <= inertia)) best.set(opts.k, inertia);
    render();
    const target = elbow[opts.k - 1];
    const gap = (inertia - target) / target;
    const empty = km.emptyClusters();
    const steps = km.steps();
    const matched = empty === 0 && (!(target > 0) || gap <= MATCH_GAP);
    // Runs started by k-means++ are not the learner's placement: no score.
    const scored = !assisted && !given && target > 0 && startInertia > 0;
    const score = scored ? placementScore(target, startInertia) : NaN;
    // A practice start (practiceReason) is scored on screen, never reported.
    const practiceWhy = practiceReason();
    const passed = scored && !practiceWhy && matched && score >= PASS_SCORE;
    const yours = scored
      ? t('place-centroids.placementScore', { start: fixed(startInertia, 2), target: fixed(target, 2), score: formatNumber(score, 0), passed, matched, practice: practiceWhy, k: opts.k, gameK, pass: formatNumber(PASS_SCORE, 0) })
      : t('place-centroids.notYours', { given: given !== null, where: given && givenWhere() });
    if (empty > 0) {
      card.setMessage(t('place-centroids.empty', { steps, empty, yours }), 'bad');
    } else if (matched) {
      const level = gap <= 1e-9 ? t('place-centroids.asLowAs') : t('place-centroids.within', { gap: fixed(gap * 100, 2) });
      card.setMessage(t('place-centroids.matched', { steps, inertia: fixed(inertia, 2), level, k: opts.k, yours }), passed || !scored ? 'ok' : practiceWhy ? 'info' : 'warn');
    } else {
      card.setMessage(t('place-centroids.localMinimum', { steps, inertia: fixed(inertia, 2), gap: formatBeside(gap * 100, MATCH_GAP * 100, 1), target: fixed(target, 2), yours }), 'warn');
    }
    if (scored && practiceWhy) statScore.set(t('place-centroids.practiceScoreValue', { score: formatNumber(score, 0) }));
    if (scored && !practiceWhy) statScore.set(t('place-centroids.scoreValue', { score: formatNumber(score, 0) }));
    if (scored && !practiceWhy && !scoreReported) {
      scoreReported = true;
      const detail = { widget: 'place-centroids', title: t('place-centroids.title'), score, max: 100 };
      reportScore(card, detail);
      if (passed) reportComplete(card, { ...detail, passed: true });
    }
  }

  function render(messageText) {
    const inertia = placed.length === opts.k ? attempt(card, () => km.inertia(), NaN) : NaN;
    statInertia.set(placed.length === opts.k ? fixed(inertia, 2) : '–');
    const b = best.get(opts.k);
    statBest.set(b === undefined ? '–' : fixed(b, 2));
    statTarget.set(elbow.length >= opts.k ? fixed(elbow[opts.k - 1], 2) : '–');
    statIter.set(placed.length === opts.k ? formatNumber(km.steps(), 0) : '0');
    runBtn.disabled = false;
    if (messageText) card.setMessage(messageText, 'info');
    else if (!converged) {
      const note = practiceText() || (given ? t('place-centroids.givenNote', { where: givenWhere() }) : '');
      if (placed.length < opts.k) card.setMessage(t('place-centroids.drop', { count: opts.k - placed.length, k: opts.k }) + note, 'info');
      else if (!labels) card.setMessage(t('place-centroids.allPlaced', { k: opts.k, inertia: fixed(inertia, 2) }) + note, 'info');
    }
    const centroids = placed.map((p, j) => t('place-centroids.figureCentroid', { number: j + 1, x: formatNumber(p.x, 2), y: formatNumber(p.y, 2) })).join(', ');
    plot.canvas.setAttribute('aria-label', t('place-centroids.figure', { rows: formatNumber(data ? data.rows : 0, 0), placed: placed.length, k: opts.k, centroids, inertia: Number.isFinite(inertia) ? fixed(inertia, 2) : '' }));
    nameElbow(inertia);
    ctx.requestDraw(draw);
  }

  // The elbow chart's name lists what drawElbow draws: the best inertia for each k (written as the
  // "k-means++ best" readout writes it), the k marked, and the learner's inertia at that k. The
  // lesson asks the learner to find the elbow in these numbers, so a screen reader gets them all
  // (a name is read when the chart is reached, not announced as it changes).
  function nameElbow(current) {
    const points = Array.from(elbow, (v, i) => t('place-centroids.elbowPoint', { k: i + 1, inertia: fixed(v, 2) })).join('; ');
    const marked = opts.k <= elbow.length;
    elbowPlot.canvas.setAttribute('aria-label', t('place-centroids.elbowPlot', { points, k: marked ? opts.k : 0, current: marked && Number.isFinite(current) ? fixed(current, 2) : '' }));
  }

  function draw() {
    if (!data) return;
    equalDomain(plot, ...view);
    const ctx = plot.begin();
    const th = plot.theme;
    plot.axes({ xLabel: t('place-centroids.axis.x'), yLabel: t('place-centroids.axis.y'), xTicks: 6, yTicks: 6 });
    plot.clipToArea(() => {
      const showLinks = labels && !converged && running;
      for (let i = 0; i < data.rows; i++) {
        const x = data.X[2 * i]; const y = data.X[2 * i + 1];
        const j = labels ? labels[i] : -1;
        if (showLinks && shown[j]) {
          ctx.strokeStyle = rgba(clusterColor(th, j), 0.25); ctx.lineWidth = 1;
          ctx.beginPath(); ctx.moveTo(plot.px(x), plot.py(y)); ctx.lineTo(plot.px(shown[j].x), plot.py(shown[j].y)); ctx.stroke();
        }
        ctx.fillStyle = j >= 0 ? clusterColor(th, j) : th.textMuted;
        shapeMarker(ctx, plot.px(x), plot.py(y), j >= 0 ? j : 1, j >= 0 ? 4.2 : 3.5);
        ctx.fill();
      }
    });
    // Only keyboard focus (Tab, or a key pressed on the plot: drag.js) draws the cross: a click also
    // focuses the canvas, and a pointer learner gets no cross where they did not click.
    const focused = drag.keyboardFocused;
    // Once k-means has moved them, a dashed ring (joined to its centroid) marks where each
    // centroid started: the learner's own start, the one thing that drags.
    if (movedFromStart()) {
      placed.forEach((p, j) => {
        const X = plot.px(p.x); const Y = plot.py(p.y);
        ctx.strokeStyle = clusterColor(th, j); ctx.lineWidth = 1.5; ctx.setLineDash([4, 3]);
        ctx.beginPath(); ctx.moveTo(X, Y); ctx.lineTo(plot.px(shown[j].x), plot.py(shown[j].y)); ctx.stroke();
        ctx.beginPath(); ctx.arc(X, Y, 9, 0, Math.PI * 2);
        ctx.fillStyle = th.surface; ctx.fill(); ctx.lineWidth = 2; ctx.stroke();
        ctx.setLineDash([]);
      });
    }
    shown.forEach((p, j) => {
      const X = plot.px(p.x); const Y = plot.py(p.y);
      ctx.beginPath(); ctx.arc(X, Y, 11, 0, Math.PI * 2);
      ctx.fillStyle = th.surface; ctx.fill();
      ctx.lineWidth = 3; ctx.strokeStyle = clusterColor(th, j); ctx.stroke();
      ctx.strokeStyle = th.model; ctx.lineWidth = 2;
      ctx.beginPath(); ctx.moveTo(X - 5, Y - 5); ctx.lineTo(X + 5, Y + 5); ctx.moveTo(X + 5, Y - 5); ctx.lineTo(X - 5, Y + 5); ctx.stroke();
    });
    placed.forEach((p, j) => {
      if (!((focused && selected === j) || drag.grabbed === j)) return;
      ctx.beginPath(); ctx.arc(plot.px(p.x), plot.py(p.y), 16, 0, Math.PI * 2); ctx.lineWidth = 2; ctx.strokeStyle = th.accent; ctx.stroke();
    });
    if (focused && selected < 0 && placed.length < opts.k) {
      const X = plot.px(cursor.x); const Y = plot.py(cursor.y);
      ctx.strokeStyle = th.accent; ctx.lineWidth = 2;
      ctx.beginPath(); ctx.moveTo(X - 12, Y); ctx.lineTo(X + 12, Y); ctx.moveTo(X, Y - 12); ctx.lineTo(X, Y + 12); ctx.stroke();
    }
    drawElbow();
  }

  function drawElbow() {
    const n = elbow.length;
    if (!n) return;
    const current = placed.length === opts.k ? km.inertia() : NaN;
    const top = Math.max(...elbow, Number.isFinite(current) ? current : 0) * 1.08;
    elbowPlot.setDomain(0.5, n + 0.5, 0, top);
    const ctx = elbowPlot.begin();
    const th = elbowPlot.theme;
    elbowPlot.axes({ xLabel: t('place-centroids.elbowAxis.x'), xTicks: n, yTicks: 0 });
    yGrid(elbowPlot, roundTicks(top, 4), (v) => fixed(v, 0));
    const ks = Array.from({ length: n }, (_, i) => i + 1);
    elbowPlot.path(ks, Array.from(elbow), { color: th.loss, width: 2 });
    ks.forEach((k, i) => {
      ctx.beginPath(); ctx.arc(elbowPlot.px(k), elbowPlot.py(elbow[i]), k === opts.k ? 6 : 3.5, 0, Math.PI * 2);
      ctx.fillStyle = k === opts.k ? th.loss : th.surface; ctx.fill(); ctx.strokeStyle = th.loss; ctx.lineWidth = 2; ctx.stroke();
    });
    if (Number.isFinite(current)) {
      // the learner's current inertia at this k: hollow teal ring
      ctx.beginPath(); ctx.arc(elbowPlot.px(opts.k), elbowPlot.py(current), 8, 0, Math.PI * 2);
      ctx.strokeStyle = th.good; ctx.lineWidth = 2.5; ctx.stroke();
    }
  }

  function movedFromStart() { return shown.some((p, j) => placed[j] && (p.x !== placed[j].x || p.y !== placed[j].y)); }

  // ---- pointer and keyboard ----
  // What drags is the start as the learner placed it, never a centroid where k-means took it.
  function nearest(pos) {
    let bestJ = -1; let bestD = Infinity;
    placed.forEach((p, j) => { const d = Math.hypot(plot.px(p.x) - plot.px(pos.x), plot.py(p.y) - plot.py(pos.y)); if (d < bestD) { bestD = d; bestJ = j; } });
    return bestD <= 24 ? bestJ : -1;
  }
  // Centroids and the keyboard cross stay inside the drawn plot (never pushed out of sight).
  function clampPos(p) {
    const { x0, x1, y0, y1 } = plot.domain;
    return { x: Math.max(x0, Math.min(x1, p.x)), y: Math.max(y0, Math.min(y1, p.y)) };
  }
  // The first centroid in list (other than `except`) closer to pos than `gap`, or -1. A spot
  // exactly `gap` away is far enough, also when floating point puts it a hair short: five arrow
  // presses of 0.1 from a centroid are 0.5 away, though the sum of the steps can be 0.49999….
  function crowding(list, pos, except = -1, gap = minimumGap(view)) {
    return list.findIndex((p, j) => j !== except && Math.hypot(p.x - pos.x, p.y - pos.y) < gap - SAME_DISTANCE);
  }
  function tooClose(j, pos) {
    const other = placed[j];
    const gap = minimumGap(view);
    card.setMessage(t('place-centroids.tooClose', { distance: formatBeside(Math.hypot(other.x - pos.x, other.y - pos.y), gap, 2), gap: formatShort(gap, 1) }), 'warn');
  }
  // Returns whether the centroid went down (false: too close to another, and the status says so).
  function drop(pos) {
    const at = clampPos(pos);
    const near = crowding(placed, at);
    if (near >= 0) { tooClose(near, at); ctx.requestDraw(draw); return false; }
    placed.push(at);
    selected = -1;
    startChanged();
    return true;
  }
  function moveCentroid(j, pos) {
    const at = clampPos(pos);
    const near = crowding(placed, at, j);
    if (near >= 0) { tooClose(near, at); return false; }
    placed[j] = at;
    startChanged();
    return true;
  }

  // ---- what the keyboard does, said in the status (its live region), as loss-surface says its cursor ----
  // A held arrow key or a drag says its sentence once, on release.
  quietWhileHeld(ctx, plot.canvas);
  const shownX = (v) => formatNumber(v, 2);
  const practiceNote = () => practiceText();
  const currentInertia = () => (placed.length === opts.k ? fixed(attempt(card, () => km.inertia(), NaN), 2) : '');
  // Points within this distance of the cross are counted for the learner: twice the centroids'
  // minimum gap (1 on the blobs' plot, about two blob spreads).
  const nearRadius = () => 2 * minimumGap(view);
  function pointsNear(pos, radius) {
    let n = 0;
    for (let i = 0; i < data.rows; i++) if (Math.hypot(data.X[2 * i] - pos.x, data.X[2 * i + 1] - pos.y) <= radius) n += 1;
    return n;
  }
  function sayCross() {
    const radius = nearRadius();
    card.setMessage(t('place-centroids.cross', { x: shownX(cursor.x), y: shownX(cursor.y), near: pointsNear(cursor, radius), radius: formatShort(radius, 1), number: placed.length + 1, k: opts.k }), 'info');
  }
  function saySelected() {
    const p = placed[selected];
    card.setMessage(t('place-centroids.selected', { number: selected + 1, k: opts.k, x: shownX(p.x), y: shownX(p.y), start: movedFromStart() }), 'info');
  }
  const drag = ctx.drag(plot, {
    hit: (pos) => { const j = nearest(pos); return j >= 0 ? j : null; },
    grab: (j) => { stopAuto(); selected = j; },
    press: (pos) => {
      stopAuto();
      if (placed.length < opts.k) drop(pos);
      else card.setMessage(t('place-centroids.placedAlready', { k: opts.k, moved: movedFromStart() }), 'info');
    },
    moveOnPress: false,
    move: (pos, j) => moveCentroid(j, pos),
    release: () => ctx.requestDraw(draw),
    cursor: (pos) => (nearest(pos) >= 0 ? 'grab' : (placed.length < opts.k ? 'crosshair' : 'default')),
    key: (dx, dy) => {
      stopAuto();
      if (selected >= 0) {
        const j = selected;
        if (moveCentroid(j, { x: placed[j].x + dx * 0.1, y: placed[j].y + dy * 0.1 })) {
          card.setMessage(t('place-centroids.moved', { number: j + 1, x: shownX(placed[j].x), y: shownX(placed[j].y), inertia: currentInertia(), note: practiceNote() }), 'info');
        }
      } else if (placed.length < opts.k) {
        cursor = clampPos({ x: cursor.x + dx * 0.1, y: cursor.y + dy * 0.1 });
        sayCross();
        ctx.requestDraw(draw);
      } else card.setMessage(t('place-centroids.selectFirst', { k: opts.k }), 'info'); // no cross is drawn once all are placed
    },
    enter: () => {
      stopAuto();
      if (selected < 0 && placed.length < opts.k) {
        if (drop(cursor)) {
          const p = placed[placed.length - 1];
          card.setMessage(t('place-centroids.dropped', { number: placed.length, k: opts.k, x: shownX(p.x), y: shownX(p.y), count: opts.k - placed.length, inertia: currentInertia(), note: practiceNote() }), 'info');
        }
      } else if (placed.length) {
        selected = (selected + 1) % (placed.length + (placed.length < opts.k ? 1 : 0));
        if (selected >= placed.length) { selected = -1; sayCross(); } else saySelected();
        ctx.requestDraw(draw);
      }
    },
    escape: () => {
      if (selected >= 0) card.setMessage(t('place-centroids.letGo', { number: selected + 1 }), 'info');
      selected = -1; ctx.requestDraw(draw);
    },
    otherKey: (e) => {
      if ((e.key === 'Delete' || e.key === 'Backspace') && selected >= 0) {
        stopAuto();
        const j = selected; const gone = placed[j];
        placed.splice(j, 1); selected = -1; startChanged();
        card.setMessage(t('place-centroids.removed', { number: j + 1, x: shownX(gone.x), y: shownX(gone.y), count: opts.k - placed.length, cx: shownX(cursor.x), cy: shownX(cursor.y), note: practiceNote() }), 'info');
        e.preventDefault();
      }
    },
    // Keyboard focus says the keys; focus by a click does not (drag.js).
    onFocusChange: (on) => {
      if (on) card.setMessage(t('place-centroids.keys', { gap: formatShort(minimumGap(view), 1) }), 'info');
      ctx.requestDraw(draw);
    },
  });

  loadData();
  // On a lesson page a reload forgets what k-means showed (its address keeps no state with two
  // widgets on the page) and brings back the same points: once the lesson has a score of this game,
  // a start on the points the page opens with is practice until New points (as a second try is in
  // the first-try games, web/lib/report.js hasFirstResult).
  shownAnswers.opening({ X: data.X });
  recallShown();
  render();

  return {
    update(next) { stopAuto(); if (DATA_OPTIONS.some((k) => next[k] !== opts[k])) imported = null; opts = { ...next }; gameK = opts.k; loadData(); },
    // Shared by a link: the points (New points changes the seed), k (its slider), the centroids
    // as placed, and s: 1 once k-means has shown where they go on these points (a start on them
    // stays practice after a reload, until New points). Centroids restored from it are not the
    // learner's start until they change it.
    currentOptions() { return { seed: opts.seed, k: opts.k }; },
    state: {
      get() {
        if (!placed.length && !imported && !answerShown) return null;
        return { c: placed.map((p) => [p.x, p.y]), ...(answerShown ? { s: 1 } : {}), ...(imported ? pointsState(imported) : {}) };
      },
      set(value, from) {
        const list = value && Array.isArray(value.c) ? value.c : null;
        const points = value && value.p ? pointsFromState(value, CSV_RULES) : null; // checked before anything changes
        if (!list || list.length > opts.k || !list.every((p) => Array.isArray(p) && p.length === 2 && p.every((v) => Number.isFinite(v) && Math.abs(v) <= 1e3))) {
          throw new RangeError(t('place-centroids.badState', { k: opts.k }));
        }
        const centroids = list.map(([x, y]) => ({ x, y }));
        const gap = minimumGap(points ? extentView(points.X) : view);
        if (centroids.some((p, j) => crowding(centroids.slice(0, j), p, -1, gap) >= 0)) throw new RangeError(t('place-centroids.crowdedState', { gap: formatShort(gap, 1) }));
        if (value.s !== undefined && value.s !== 1) throw new RangeError(t('place-centroids.badShown'));
        stopAuto();
        if (points) { imported = points.X; loadData(); }
        if (value.s === 1) { shownAnswers.note({ X: data.X }); answerShown = true; } // never cleared here: only New points does that
        placed = centroids; // as placed (and clamped) on the sharer's plot
        selected = -1;
        startChanged();
        given = centroids.length > 0 ? from : null;
        render();
      },
    },
  };
}
