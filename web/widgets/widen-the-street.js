// Game "Widen the street" (seed 001, level 4): rotate and shift a separating line so the empty
// band around it is as wide as possible. The learner's street is plain geometry (distance from
// each point to their line); "Optimal" shows the engine's LinearSVM solution — its weights,
// bias, marginWidth() = 2/‖w‖, supportVectors() — and the C slider re-solves the soft margin,
// with margin violations found from the engine's decisionFunction (y·f(x) < 1).
// Only streets the learner makes (sliders, drag, keys) before Optimal are scored: a street that
// came with the page's address or a Share link is not theirs until they move it, and once the
// solver's street has been shown for a set of points the state keeps s: 1, so after a reload the
// streets on those points are still practice until New points. The same holds when those points
// come back (a spread moved away and back) and, on the lesson page, on a return to the lesson once
// a score of this game is recorded (web/lib/shown-answers.js, place-centroids' rule).
import { attempt, mountWidget } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { prefersReducedMotion } from '../lib/frame.js';
import { button, buttonRow, el, fixed, showOptions, slider } from '../lib/ui.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { formatAxisAngle, formatNumber, formatShort } from '../lib/format.js';
import { equalDomain } from '../lib/domain.js';
import { pointsCsv, pointsFromState, pointsState } from '../lib/points-csv.js';
import { rgba } from '../lib/colors.js';
import { reportComplete, reportScore } from '../lib/report.js';
import { createShownAnswers } from '../lib/shown-answers.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './widen-the-street.messages.js';

export const schema = {
  seed: seedOption(8, 'Random seed for the points.'),
  points: { type: 'int', min: 6, max: 200, default: 40, description: 'How many points.' },
  spread: { type: 'number', min: 0.2, max: 2, default: 0.75, description: 'Spread of each class (large values make the classes overlap).' },
  C: { type: 'number', min: 0.001, max: 1000, default: 1000, description: 'Soft-margin penalty C of the engine\'s SVM (large: nearly hard margin).' },
};

export const meta = { title: messages['widen-the-street.title'], hint: messages['widen-the-street.hint'] };

const RAD = Math.PI / 180;
// A round completes the activity when the learner's best street reaches this share (%) of the
// SVM's widest one, floored as the message shows it (98 = within 2%).
export const PASS_PERCENT = 98;
// C as the slider's readout and every message write it: 1000, 1, 0.1, 0.0126.
const formatC = (c) => formatShort(c, 3);

// Own points from a CSV file: two classes (any two labels, mapped to 0 and 1 with a note), near
// enough to each other that the street's shift (±4 around their centre) can reach them.
// Options that make the generated points: changing one replaces imported points.
const DATA_OPTIONS = ['seed', 'points', 'spread'];
export const CSV_RULES = { labels: 'class', maxClasses: 2, domain: [-10, 10], minPoints: 2, maxPoints: 1000 };

// The learner's street for the line n·(p − centre) = offset (n the unit normal): signed distances
// to the line, the side that holds more blue circles counted as "blue". The street reaches the
// point nearest the line on both sides (half = that distance); `nearest` is the point nearest the
// line in each class, the two the widget circles.
export function measureStreet(data, centre, n, offset) {
  const d = new Float64Array(data.rows);
  let agree = 0;
  for (let i = 0; i < data.rows; i++) {
    d[i] = n[0] * (data.X[2 * i] - centre[0]) + n[1] * (data.X[2 * i + 1] - centre[1]) - offset;
    if ((d[i] > 0) === (data.y[i] === 1)) agree += 1;
  }
  const sign = agree >= data.rows - agree ? 1 : -1;
  let wrong = 0;
  let half = Infinity;
  const nearest = [-1, -1];
  const nearestD = [Infinity, Infinity];
  for (let i = 0; i < data.rows; i++) {
    const s = sign * d[i] * (data.y[i] === 1 ? 1 : -1); // > 0: on its own side
    if (s <= 0) wrong += 1;
    const c = data.y[i] === 1 ? 1 : 0;
    if (Math.abs(d[i]) < nearestD[c]) { nearestD[c] = Math.abs(d[i]); nearest[c] = i; }
    half = Math.min(half, Math.abs(d[i]));
  }
  return { wrong, width: wrong ? 0 : 2 * half, half, nearest };
}

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const svm = ctx.own(new ml.LinearSVM());
  let data = null;
  let centre = [0, 0];
  let angle = 120;         // direction of the learner's line, degrees
  let offset = 0;          // signed shift of the line along its normal, from the centre
  let best = 0;
  let moved = false;       // the starting line is not the learner's: only streets after a move count
  // Once the solver's street has been on screen for these points, a street lined up with it is a
  // copy, not a find: the score keeps the best made before, and later streets are practice until
  // New points (or a new spread) starts a fresh round.
  let answerShown = false;
  let movedBeforeAnswer = false;
  let movedAfterAnswer = false;
  // Why the solver's street counts as shown for these points before this round began (scores
  // nothing now), else null: 'opened' (s: 1 in the state the page opened with), 'shown' (earlier
  // in this page view, and the points came back), 'recorded' (the points the lesson page opens
  // with, and a score of this game is already recorded in the lesson).
  let shownEarlier = null;
  const shownAnswers = createShownAnswers(card, 'widen-the-street', t('widen-the-street.title'));
  // Where a line restored from a state came from while it is unmoved (state.set's `from`: the
  // card's note sources, web/lib/ui.js), else null.
  let given = null;
  const givenWhere = () => t(`card.from.${given}`);
  // A round's result is reported once (docs/embedding.md: dw:score once for every round): pressing
  // Optimal again, or a double-tap on it, solves again and shows the same street and share, but
  // sends nothing more until New points (or a new spread) starts another round.
  let resultReported = false;
  let optimal = null;      // { w, b, width, sv: Set, violations: Set } once Optimal was pressed
  let stopSolve = null;
  let imported = null;     // { X, y } from a CSV file or a Share link, instead of generated blobs
  let scale = 1;           // the plot's size relative to the generated blobs' (imports may be larger)

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.62, minHeight: 260, maxHeight: 480, label: t('widen-the-street.plot'), onResize: () => ctx.requestDraw(draw) }));

  const buttons = buttonRow(card.controls);
  // While the solver runs, Optimal stays focusable (aria-disabled, not disabled): a disabled
  // button would drop keyboard focus to the page.
  const optBtn = button(buttons, t('widen-the-street.optimal'), () => { if (!stopSolve) solve(); }, { primary: true });
  // Offered only while there is an optimal street to hide.
  const hideBtn = button(buttons, t('widen-the-street.hideOptimal'), () => { stopSolving(); optimal = null; render(); optBtn.focus(); });
  hideBtn.hidden = true;
  button(buttons, t('widen-the-street.newPoints'), () => { opts.seed = nextSeed(opts.seed); imported = null; loadData(); });
  // A line's direction is undirected (180° is 0° again), so the slider stops short of 180°.
  const angleSlider = slider(card.controls, { label: t('widen-the-street.slider.angle'), min: 0, max: 179.5, step: 0.5, value: angle, format: (v) => formatAxisAngle(v, 1), onInput: (v) => { angle = v; lineMoved(); render(); } });
  const offsetSlider = slider(card.controls, { label: t('widen-the-street.slider.shift'), min: -4, max: 4, step: 0.01, value: offset, format: (v) => fixed(v, 2), onInput: (v) => { offset = v; lineMoved(); render(); } });
  const spreadSlider = slider(card.controls, { label: t('widen-the-street.slider.spread'), min: 0.2, max: 2, step: 0.05, value: opts.spread, format: (v) => fixed(v, 2), onInput: (v) => { opts.spread = v; imported = null; loadData(); } });
  const cSlider = slider(card.controls, { label: t('widen-the-street.slider.C'), min: 0.001, max: 1000, value: opts.C, scale: 'log', step: 0.01, format: formatC, onInput: (v) => { opts.C = v; if (optimal) solve(); } });

  const statMargin = card.stat(t('widen-the-street.stat.margin'));
  const statBest = card.stat(t('widen-the-street.stat.best'));
  const statWrong = card.stat(t('widen-the-street.stat.wrong'));
  const statOpt = card.stat(t('widen-the-street.stat.svm'));
  const statViol = card.stat(t('widen-the-street.stat.violations'));
  pointsCsv(ctx, card.controls, {
    filename: 'street-points.csv', rules: CSV_RULES,
    get: () => ({ X: data.X, y: data.y }),
    set: (parsed) => { imported = { X: parsed.X, y: parsed.y }; loadData(); },
  });

  // Predict, then check: the soft margin. With the optimal street shown at a large C, what
  // happens to it when C comes down to 1? Judged from the engine's marginWidth once the solver
  // has converged at a C of 1 or less.
  let startStreet = null;
  const prediction = createPrediction(ctx, {
    id: 'svm-lower-c',
    question: t('widen-the-street.predict.question'),
    choices: ['narrower', 'same', 'wider'].map((id) => [id, t(`widen-the-street.predict.${id}`)]),
    ready: () => (optimal && optimal.converged && !stopSolve && opts.C > 1 ? null : t('widen-the-street.predict.optimalFirst')),
    onCommit: () => { startStreet = { width: optimal.width, C: opts.C, violations: optimal.violations.size }; lowerSinceLock = false; },
    // A street solved at a lower C under this lock is part of the way down: a changed prediction
    // could follow it.
    progress: () => lowerSinceLock,
    next: t('widen-the-street.predict.next'),
  });
  let lowerSinceLock = false;
  // The box's three answers, as a street's width changes from `from` to `to` (same: within 1%).
  const bandOf = (from, to) => { const change = (to - from) / from; return Math.abs(change) < 0.01 ? 'same' : change > 0 ? 'wider' : 'narrower'; };
  // Streets shown before a lock at two values of C above 1 show how the street answers a lower C.
  // On the lesson's points the solver's street is 2.733 wide for every C from 0.3 to 1 000, so a
  // street at C = 1.02 is the answer's street: seen beside the one at 1 000, it tells the learner
  // the width stays the same, and sliding back up to lock would make a first try of a copy. The
  // pair counts when its change of width falls in the band of the box's answer (the street at
  // C = 1 against the one at the highest C shown), the band a prediction made after it could copy;
  // a pair that points the wrong way (the same width, where the street at 1 is wider) gives nothing
  // away. Glimpsed rather than seen: the street at C = 1 itself has not been on screen.
  const shownAbove = { high: null, low: null }; // solver's streets at C > 1 shown with nothing locked
  let widthAtOne = null;                          // the solver's street at C = 1 for these points
  const probe = ctx.own(new ml.LinearSVM());
  function answerWidth() {
    if (widthAtOne === null) {
      widthAtOne = attempt(card, () => {
        probe.setData(data.X, 2, data.y);
        probe.setC(1);
        probe.setPairsPerStep(1000);
        probe.reset(0);
        probe.fit(100000);
        return probe.marginWidth();
      }, NaN);
    }
    return widthAtOne;
  }
  function noteStreetAbove(C, width) {
    if (!shownAbove.high || C > shownAbove.high.C) shownAbove.high = { C, width };
    if (!shownAbove.low || C < shownAbove.low.C) shownAbove.low = { C, width };
    const { high, low } = shownAbove;
    if (high.C === low.C || !Number.isFinite(answerWidth())) return;
    if (bandOf(high.width, low.width) === bandOf(high.width, answerWidth())) prediction.outcomeGlimpsed(t('widen-the-street.predict.glimpsed', { high: formatC(high.C), low: formatC(low.C) }));
  }
  function judgeLowerC() {
    if (prediction.pending !== null && startStreet && optimal && optimal.converged && !stopSolve && opts.C < startStreet.C) lowerSinceLock = true;
    if (prediction.pending === null && optimal && optimal.converged && !stopSolve && opts.C > 1 + 1e-9) noteStreetAbove(opts.C, optimal.width);
    // The solver's street at a C of 1 or less on screen with nothing locked in gives the answer
    // away: a prediction made after that is practice, not a first try.
    if (prediction.pending === null && optimal && optimal.converged && !stopSolve && opts.C <= 1 + 1e-9) prediction.outcomeSeen(t('widen-the-street.predict.seen'));
    if (prediction.pending === null || !startStreet || !optimal || !optimal.converged || stopSolve || opts.C > 1 + 1e-9) return;
    const outcome = bandOf(startStreet.width, optimal.width);
    prediction.settle(outcome, t('widen-the-street.predict.why', { fromC: formatC(startStreet.C), fromWidth: fixed(startStreet.width, 3), toC: formatC(opts.C), toWidth: fixed(optimal.width, 3), inside: optimal.violations.size, same: outcome === 'same' }));
    startStreet = null;
  }

  function loadData() {
    prediction.reset(t('widen-the-street.reset.newPoints'));
    stopSolving();
    attempt(card, () => {
      const d = imported ? { X: imported.X, y: imported.y, rows: imported.y.length } : ml.makeBlobs(opts.points, 2, opts.spread, opts.seed);
      data = { X: Float64Array.from(d.X), y: Float64Array.from(d.y), rows: d.rows };
      svm.setData(data.X, 2, data.y);
    });
    centre = [0, 0];
    if (data) {
      for (let i = 0; i < data.rows; i++) { centre[0] += data.X[2 * i] / data.rows; centre[1] += data.X[2 * i + 1] / data.rows; }
    }
    scale = 1;
    if (imported && data) for (let i = 0; i < data.rows; i++) scale = Math.max(scale, Math.abs(data.X[2 * i] - centre[0]) / 4, Math.abs(data.X[2 * i + 1] - centre[1]) / 2.9);
    best = 0;
    moved = false;
    shownAbove.high = null;
    shownAbove.low = null;
    widthAtOne = null;
    recallShown();
    resultReported = false;
    movedBeforeAnswer = false;
    movedAfterAnswer = false;
    given = null;
    optimal = null;
    angle = 120; offset = 0.4;
    render();
  }

  // New points count unless the solver's street was already shown on the same points (shown-answers.js).
  function recallShown() {
    shownEarlier = data ? shownAnswers.why(data) : null;
    answerShown = shownEarlier !== null;
  }
  // Said when the line moves while the solver's street counts as shown for these points.
  function practiceNote() { return t('widen-the-street.practice', { why: shownEarlier }); }

  // The learner's line: points p with n·(p − centre) = offset, n the unit normal.
  function lineMoved() {
    moved = true;
    given = null;
    if (answerShown) movedAfterAnswer = true;
    else movedBeforeAnswer = true;
  }

  function normal() { const a = (angle + 90) * RAD; return [Math.cos(a), Math.sin(a)]; }

  function measure() { return measureStreet(data, centre, normal(), offset); }

  function solve() {
    stopSolving();
    answerShown = true;
    shownAnswers.note(data);
    // Watch SMO work: a few pair updates per frame until it converges (all at once with reduced motion).
    const reduced = prefersReducedMotion();
    const ok = attempt(card, () => {
      svm.setC(opts.C);
      svm.setPairsPerStep(reduced ? 1000 : Math.max(1, Math.round(opts.points / 10)));
      svm.reset(0);
      return true;
    }, false);
    if (!ok) return;
    if (reduced) { attempt(card, () => svm.fit(100000)); readOptimal(); render(); reportResult(); return; }
    optBtn.setAttribute('aria-disabled', 'true');
    // Said at once, in the card's live region, so the greyed-out button is explained before the
    // first frame; the text stays the same while the solver works (a count changing every frame
    // would be read out again and again), and the result replaces it.
    card.setMessage(t('widen-the-street.solving'), 'info');
    stopSolve = ctx.animate(() => {
      attempt(card, () => svm.step());
      readOptimal();
      render();
      if (svm.status() !== 'ready' || svm.pairUpdates() > 200000) { stopSolving(); render(); reportResult(); }
    });
  }

  // The game's result, whenever both streets are known: the learner's best correct street as a
  // share of the SVM's widest one (only when their own line did separate the classes, and only
  // against a hard margin: with violations the SVM's street is not the widest empty one).
  // Reported the first time the solver finishes with a score for these points (the best is then
  // frozen: see answerShown; later solves, at any C, show it again without a report).
  function scoreOf() {
    if (shownEarlier || !optimal || !optimal.converged || stopSolve || optimal.violations.size || !(best > 0) || !(optimal.width > 0)) return null;
    return Math.min(100, Math.floor((100 * best) / optimal.width + 1e-9));
  }
  function reportResult() {
    const score = scoreOf();
    if (score === null || resultReported) return;
    resultReported = true;
    const detail = { widget: 'widen-the-street', title: t('widen-the-street.title'), score, max: 100 };
    reportScore(card, detail);
    if (score >= PASS_PERCENT) reportComplete(card, { ...detail, passed: true });
  }
  function stopSolving() { if (stopSolve) stopSolve(); stopSolve = null; optBtn.removeAttribute('aria-disabled'); }

  function readOptimal() {
    const w = [...svm.weights()];
    const b = svm.bias();
    const f = svm.decisionFunction(data.X);
    const violations = new Set();
    for (let i = 0; i < data.rows; i++) if ((data.y[i] === 1 ? 1 : -1) * f[i] < 1 - 1e-3) violations.add(i); // within the solver's KKT tolerance counts as on the edge
    optimal = { w, b, width: svm.marginWidth(), sv: new Set(svm.supportVectors()), violations, converged: svm.status() === 'converged' };
  }

  function render() {
    if (!data) return;
    judgeLowerC();
    angleSlider.set(Number(angle.toFixed(1)));
    offsetSlider.set(Math.max(-4, Math.min(4, Number(offset.toFixed(2)))));
    const m = measure();
    if (moved && !answerShown && m.wrong === 0 && m.width > best) best = m.width;
    statMargin.set(m.wrong ? '–' : fixed(m.width, 3));
    statBest.set(best > 0 ? fixed(best, 3) : '–');
    statWrong.set(formatNumber(m.wrong, 0));
    hideBtn.hidden = !optimal;
    statOpt.set(optimal ? fixed(optimal.width, 3) : '–');
    statViol.set(optimal ? formatNumber(optimal.violations.size, 0) : '–');
    if (stopSolve) {
      card.setMessage(t('widen-the-street.solving'), 'info');
    } else if (optimal) {
      const v = optimal.violations.size;
      const svText = t('widen-the-street.supportVectors', { count: optimal.sv.size });
      if (v === 0) {
        // The same floored share scoreOf reports, and the bar judged on it as shown.
        const percent = best > 0 ? Math.min(100, Math.floor((100 * best) / optimal.width + 1e-9)) : 0;
        const yours = shownEarlier ? t('widen-the-street.shownEarlier', { why: shownEarlier })
          : best > 0 ? t('widen-the-street.yours', { percent: formatNumber(percent, 0), pass: PASS_PERCENT, passed: percent >= PASS_PERCENT, practice: movedAfterAnswer })
            : movedBeforeAnswer ? t('widen-the-street.noneYours') : t('widen-the-street.notMoved', { given: given !== null, where: given && givenWhere() });
        // A score short of the bar is not a success: its message is information, not praise.
        const short = !shownEarlier && best > 0 && percent < PASS_PERCENT;
        card.setMessage(t('widen-the-street.widest', { width: fixed(optimal.width, 3), supportVectors: svText, yours, practice: movedAfterAnswer && !shownEarlier ? practiceNote() : '' }), short ? 'info' : 'ok');
      } else {
        card.setMessage(t('widen-the-street.soft', { C: formatC(opts.C), violations: v, width: fixed(optimal.width, 3), supportVectors: svText }), 'info');
      }
    } else if (m.wrong) {
      card.setMessage(t('widen-the-street.wrongSide', { wrong: m.wrong }) + (movedAfterAnswer || (answerShown && !moved) ? practiceNote() : ''), 'bad');
    } else {
      const width = fixed(m.width, 3);
      const practice = movedAfterAnswer || (answerShown && !moved) ? practiceNote() : '';
      const line = moved ? t('widen-the-street.separates', { width }) : given ? t('widen-the-street.givenSeparates', { width, where: givenWhere() }) : answerShown ? t('widen-the-street.startShown', { width }) : t('widen-the-street.startSeparates', { width });
      card.setMessage(line + practice, 'info');
    }
    plot.canvas.setAttribute('aria-label', t('widen-the-street.figure', { angle: formatAxisAngle(angle, 1), wrong: m.wrong, width: m.wrong ? null : fixed(m.width, 3) }));
    ctx.requestDraw(draw);
  }

  function draw() {
    if (!data) return;
    equalDomain(plot, centre[0], centre[1], 4.4 * scale, 3.2 * scale);
    const ctx = plot.begin();
    const th = plot.theme;
    plot.axes({ xLabel: t('widen-the-street.axis.x'), yLabel: t('widen-the-street.axis.y'), xTicks: 6, yTicks: 5 });
    const m = measure();
    const n = normal();
    const dir = [-n[1], n[0]];
    const L = 30;
    const at = (s) => [centre[0] + n[0] * (offset + s), centre[1] + n[1] * (offset + s)];
    plot.clipToArea(() => {
      // the learner's street: a band of half-width = distance to the nearest point
      if (!m.wrong) {
        const [ax, ay] = at(-m.half); const [bx, by] = at(m.half);
        ctx.fillStyle = rgba(th.good, 0.16);
        ctx.beginPath();
        ctx.moveTo(plot.px(ax - L * dir[0]), plot.py(ay - L * dir[1]));
        ctx.lineTo(plot.px(ax + L * dir[0]), plot.py(ay + L * dir[1]));
        ctx.lineTo(plot.px(bx + L * dir[0]), plot.py(by + L * dir[1]));
        ctx.lineTo(plot.px(bx - L * dir[0]), plot.py(by - L * dir[1]));
        ctx.closePath(); ctx.fill();
        for (const s of [-m.half, m.half]) { const [px, py] = at(s); plot.segment(px - L * dir[0], py - L * dir[1], px + L * dir[0], py + L * dir[1], { color: th.good, width: 1, dash: [4, 4] }); }
      }
      // the engine's optimum: w·x + b = 0 dashed grey, its margins w·x + b = ±1 dotted
      if (optimal && Math.hypot(...optimal.w) > 1e-12) {
        const [w0, w1] = optimal.w;
        const nn = Math.hypot(w0, w1);
        const od = [-w1 / nn, w0 / nn];
        for (const level of [0, 1, -1]) {
          const s = (level - optimal.b) / (nn * nn);
          const px = w0 * s; const py = w1 * s; // closest point of w·x + b = level to the origin
          plot.segment(px - L * od[0], py - L * od[1], px + L * od[0], py + L * od[1], { color: th.truth, width: level ? 1.5 : 2.5, dash: level ? [2, 4] : [8, 5] });
        }
      }
      const [cx, cy] = at(0);
      plot.segment(cx - L * dir[0], cy - L * dir[1], cx + L * dir[0], cy + L * dir[1], { width: 2.5 });
      for (let i = 0; i < data.rows; i++) {
        const cls = data.y[i] === 1 ? 1 : 0;
        const mine = !m.wrong && (i === m.nearest[0] || i === m.nearest[1]);
        plot.point(data.X[2 * i], data.X[2 * i + 1], cls, { size: 5, highlight: mine || (optimal && optimal.sv.has(i)) });
        if (optimal && optimal.violations.has(i)) {
          ctx.beginPath(); ctx.arc(plot.px(data.X[2 * i]), plot.py(data.X[2 * i + 1]), 14, 0, Math.PI * 2);
          ctx.strokeStyle = th.loss; ctx.lineWidth = 2.5; ctx.setLineDash([3, 2]); ctx.stroke(); ctx.setLineDash([]);
        }
      }
    });
    // handles: the centre point shifts the line, the end point turns it
    const [hx, hy] = at(0);
    const focused = drag.keyboardFocused;
    plot.handle(hx, hy, { focused: focused || drag.grabbed === 'shift' });
    plot.handle(hx + 2.2 * dir[0], hy + 2.2 * dir[1], { focused: drag.grabbed === 'rotate', color: th.accent });
  }

  // Drag near the blue handle to turn; anywhere else to shift the line to the pointer.
  const rotateHandleHit = (pos) => {
    const n = normal();
    const dir = [-n[1], n[0]];
    const hx = centre[0] + n[0] * offset + 2.2 * dir[0];
    const hy = centre[1] + n[1] * offset + 2.2 * dir[1];
    return Math.hypot(plot.px(pos.x) - plot.px(hx), plot.py(pos.y) - plot.py(hy)) < 26;
  };
  const turnOrShift = (pos, part) => {
    if (part === 'rotate') {
      const n = normal();
      const px = centre[0] + n[0] * offset; const py = centre[1] + n[1] * offset;
      const a = Math.atan2(pos.y - py, pos.x - px) / RAD;
      // keep the line through its current centre point while it turns
      angle = ((a % 180) + 180) % 180;
      const n2 = normal();
      offset = n2[0] * (px - centre[0]) + n2[1] * (py - centre[1]);
    } else {
      const n = normal();
      offset = Math.max(-4, Math.min(4, n[0] * (pos.x - centre[0]) + n[1] * (pos.y - centre[1])));
    }
    lineMoved();
    render();
  };
  const drag = ctx.drag(plot, {
    hit: (pos) => (rotateHandleHit(pos) ? 'rotate' : 'shift'),
    move: turnOrShift,
    release: () => ctx.requestDraw(draw),
    cursor: () => 'grab',
    key: (dx, dy) => {
      if (dx) angle = (((angle - dx) % 180) + 180) % 180; // Left turns anticlockwise
      else offset = Math.max(-4, Math.min(4, offset + dy * 0.05));
      lineMoved();
      render();
    },
    enter: () => solve(),
    snapshot: () => ({ angle, offset }),
    restore: (s) => { angle = s.angle; offset = s.offset; render(); },
    onFocusChange: (on) => {
      if (on) card.setMessage(t('widen-the-street.keys'), 'info');
      ctx.requestDraw(draw);
    },
  });

  loadData();
  // On the lesson page a return without the address's state brings back the same points: once the
  // lesson has a score of this game, a street on them is practice until New points.
  shownAnswers.opening(data);
  recallShown();
  render();

  return {
    update(next) { if (DATA_OPTIONS.some((k) => next[k] !== opts[k])) imported = null; opts = { ...next }; showOptions({ spread: spreadSlider, C: cSlider }, opts); loadData(); },
    // Shared by a link: the settings changed with the card's own controls, the street (angle and
    // shift) once moved, s: 1 once the solver's street has been shown for these points (streets
    // on them stay practice after a reload, until New points), and imported points. A street
    // restored from it is not the learner's until they move it.
    currentOptions() { return { seed: opts.seed, spread: opts.spread, C: opts.C }; },
    state: {
      get() {
        if (!moved && !given && !answerShown && !imported) return null;
        return { ...(moved || given ? { a: angle, o: offset } : {}), ...(answerShown ? { s: 1 } : {}), ...(imported ? pointsState(imported.X, imported.y) : {}) };
      },
      set(value, from) {
        if (!value || typeof value !== 'object') throw new RangeError(t('widen-the-street.badState'));
        const line = value.a !== undefined || value.o !== undefined;
        if (line && !(Number.isFinite(value.a) && value.a >= 0 && value.a < 180 && Number.isFinite(value.o) && Math.abs(value.o) <= 4)) throw new RangeError(t('widen-the-street.badLine'));
        if (value.s !== undefined && value.s !== 1) throw new RangeError(t('widen-the-street.badShown'));
        const points = value.p ? pointsFromState(value, CSV_RULES) : null; // checked before anything changes
        if (!line && !points && value.s !== 1) throw new RangeError(t('widen-the-street.badState'));
        if (points) { imported = { X: points.X, y: points.y }; loadData(); }
        // Never cleared here: only New points (or new settings) start a round that counts again.
        if (value.s === 1 && !answerShown) { answerShown = true; shownEarlier = 'opened'; shownAnswers.note(data, 'opened'); }
        if (line) { angle = value.a; offset = value.o; moved = false; given = from; }
        render();
      },
    },
  };
}
