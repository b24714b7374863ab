// The three houses of "How wrong is a model?": a line ŷ = w x + b through three sales, each
// miss drawn as a bar from the house to the line, and the table the lesson works by hand —
// prediction, miss, squared miss and their mean, the empirical risk. Every number on screen is
// the engine's (LinearRegression.predict and loss()). The game: bring the risk under the goal
// with the sliders or by dragging the line's two handles. "Show the best line" asks least
// squares (PolynomialRegression of degree 1, solve()) and ends the round without a score, so a
// revealed answer is never recorded as found, also after a reload (the state keeps r: 1). The
// three houses never change (there are no new points), so once the best line has been shown every
// later round on this page is practice: Reset starts one and says so, and a reload keeps it so (the
// state keeps s: 1), as fit-line's points whose answer Auto-fit has shown. Only the learner's own
// moves (sliders, handles, keys) report: a line that came with the page (its options, its address
// or a Share link) is shown and judged, never scored. Either way the round has been played, and
// the lesson's text that names the best line (`::: reveal predict=empirical-risk-best-line`) opens.
// That text opened by the learner before a win is recorded (web/js/reveal.js sends 'dw:reveal-read')
// has given the answer as Show the best line does: every round on this page is then practice.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { button, buttonRow, el, quietWhileHeld, slider } from '../lib/ui.js';
import { tableWrap } from '../lib/table.js';
import { formatNumber, formatTerm, asShown } from '../lib/format.js';
import { recordedResult, reportComplete, reportOutcomeShown, reportScore } from '../lib/report.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './empirical-risk.messages.js';

// Floor area in square feet and price in thousands: the lesson's table.
export const HOUSES = { x: [2000, 1500, 3000], y: [300, 250, 400] };
const W_RANGE = [0, 0.3];
const B_RANGE = [-300, 300];
// The handles sit at these areas; dragging one moves that end of the line.
const HANDLE_X = [1250, 3250];
// Not a predict box: the game's outcome, announced so the lesson's reveal about the best line opens
// once the learner has reached the goal or asked for the best line (web/js/reveal.js).
const BEST_LINE_REVEAL = 'predict:empirical-risk-best-line';

export const engine = 'core';
export const schema = {
  w: { type: 'number', min: W_RANGE[0], max: W_RANGE[1], default: 0.1, description: 'The starting slope w (thousands per square foot).' },
  b: { type: 'number', min: B_RANGE[0], max: B_RANGE[1], default: 0, description: 'The starting intercept b (thousands).' },
  goal: { type: 'number', min: 1, max: 10000, default: 100, description: 'The game: bring the empirical risk below this.' },
};

export const meta = { title: messages['empirical-risk.title'], hint: messages['empirical-risk.hint'] };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

// The empirical risk and the predictions of the line (w, b) on the houses, from the engine.
export function riskOf(ml, w, b, houses = HOUSES) {
  const m = new ml.LinearRegression();
  try {
    m.setData(houses.x, 1, houses.y);
    m.setParams([w, b]);
    return { risk: m.loss(), predictions: Array.from(m.predict(houses.x)) };
  } finally { m.delete(); }
}

// The least-squares line through the houses (slope, intercept), from the engine's solver.
export function bestLine(ml, houses = HOUSES) {
  const m = new ml.PolynomialRegression();
  try {
    m.setDegree(1);
    m.setData(houses.x, 1, houses.y);
    m.solve();
    const [p0, p1] = Array.from(m.predict([0, 1000]));
    return { w: (p1 - p0) / 1000, b: p0 };
  } finally { m.delete(); }
}

const clamp = (v, [lo, hi]) => Math.max(lo, Math.min(hi, v));
const roundTo = (v, step) => Number((Math.round(v / step) * step).toPrecision(12));
// A line as the sliders hold it: inside their ranges, at their steps.
const onSliders = (w, b) => ({ w: roundTo(clamp(w, W_RANGE), 0.001), b: roundTo(clamp(b, B_RANGE), 1) });

function build(ctx) {
  const { ml, card, options, stateChanged, t } = ctx;
  let opts = { ...options };
  let w = opts.w;
  let b = opts.b;
  let now = { risk: NaN, predictions: [] };
  let best = Infinity;
  let reached = false;    // the learner brought the risk under the goal
  let revealed = false;   // the best line was shown in this round (kept in the state as r: 1)
  let shown = false;      // the best line has been shown on this page: every round after it is practice (state s: 1)
  let given = true;       // the line on screen came with the page (options, address, Share link), not from the learner
  let bestShown = null;   // the least-squares line Show the best line put on screen
  let read = false;       // the lesson's text naming the best line was opened before a win was recorded: every round on this page is practice
  const n = HOUSES.x.length;

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.6, minHeight: 240, maxHeight: 400, domain: [1000, 3500, 0, 560], label: t('empirical-risk.plot'), onResize: () => ctx.requestDraw(draw) }));
  const table = el('table', { className: 'dw-table dw-compact' });
  table.append(el('caption', { text: t('empirical-risk.table.caption') }));
  const head = el('tr');
  for (const h of ['house', 'x', 'y', 'prediction', 'miss', 'squared']) head.append(el('th', { scope: 'col', text: t(`empirical-risk.table.${h}`) }));
  const body = el('tbody');
  const cells = HOUSES.x.map((x, i) => {
    const tr = el('tr');
    const row = [String(i + 1), formatNumber(x, 0), formatNumber(HOUSES.y[i], 0), '', '', ''].map((v) => el('td', { text: v }));
    tr.append(...row);
    body.append(tr);
    return row;
  });
  const foot = el('tr');
  const meanCell = el('td', { text: '' });
  foot.append(el('th', { scope: 'row', colSpan: 5, text: t('empirical-risk.table.mean') }), meanCell);
  table.append(el('thead', {}, [head]), body, el('tfoot', {}, [foot]));
  card.stage.append(tableWrap(ctx, table).element);

  const fmtW = (v) => formatNumber(v, 3);
  const fmtB = (v) => formatNumber(v, 0);
  const wSlider = slider(card.controls, { label: t('empirical-risk.slider.w'), min: W_RANGE[0], max: W_RANGE[1], step: 0.001, value: w, format: fmtW, onInput: (v) => setLine(v, b, 'own') });
  const bSlider = slider(card.controls, { label: t('empirical-risk.slider.b'), min: B_RANGE[0], max: B_RANGE[1], step: 1, value: b, format: fmtB, onInput: (v) => setLine(w, v, 'own') });
  const row = buttonRow(card.controls);
  button(row, t('empirical-risk.showBest'), () => showBest());
  // A new start at the options' line: the best so far is this line's (Reset, and a line set from outside).
  // After Show the best line it is a practice round (shown stays: the houses never change).
  const startAfresh = () => { revealed = false; bestShown = null; reached = false; best = Infinity; setLine(opts.w, opts.b, 'page'); };
  button(row, t('empirical-risk.reset'), startAfresh);
  const stat = { risk: card.stat(t('empirical-risk.stat.risk')), best: card.stat(t('empirical-risk.stat.best')) };

  // Predict, then check: halving every miss (w = 0.1, b from 0 to 50) does what to the risk?
  // Judged from the engine's risk once the line stands at w = 0.1, b = 50.
  const CHECK_AT = { w: 0.1, b: 50 };
  const prediction = createPrediction(ctx, {
    id: 'empirical-risk-half-miss',
    question: t('empirical-risk.predict.question'),
    numeric: { label: t('empirical-risk.predict.unit'), tolerance: 50, min: 0, max: 100000, digits: 0 },
    next: t('empirical-risk.predict.next'),
  });
  function judgeHalfMiss() {
    if (w !== CHECK_AT.w || b !== CHECK_AT.b || !Number.isFinite(now.risk)) return;
    // The risk is on screen with nothing locked in: a prediction typed now could copy it.
    if (prediction.pending === null) { prediction.outcomeSeen(t('empirical-risk.predict.seen')); return; }
    const miss = now.predictions.map((p, i) => p - HOUSES.y[i]);
    prediction.settle(now.risk, t('empirical-risk.predict.why', { miss: formatNumber(miss[0], 0), before: formatNumber(-100, 0), squared: formatNumber(miss[0] * miss[0], 0), squaredBefore: formatNumber(10000, 0) }));
  }

  // from: 'own' the learner put the line there (a slider, a handle, a key), 'best' Show the best
  // line, 'page' the options, the address or a Share link. Only the learner's own line reports: a
  // line from the page is judged and never scored, and the best line ends the round (revealed).
  function setLine(nextW, nextB, from) {
    given = from === 'page';
    ({ w, b } = onSliders(nextW, nextB));
    wSlider.set(w);
    bSlider.set(b);
    compute();
    judgeHalfMiss();
    stateChanged();
  }

  function showBest() {
    const line = attempt(card, () => bestLine(ml), null);
    if (!line) return;
    revealed = true;
    shown = true;
    bestShown = onSliders(line.w, line.b);
    setLine(line.w, line.b, 'best');
    reportOutcomeShown(card, { widget: BEST_LINE_REVEAL });
  }

  // The risk in whole numbers, except where rounding would make it read as the goal itself:
  // 299/3 is "99.7" (under a goal of 100), never "100: under the goal of 100".
  function riskText(r) {
    let digits = 0;
    while (digits < 3 && r !== opts.goal && asShown(r, digits) === opts.goal) digits += 1;
    return formatNumber(r, digits);
  }

  function compute() {
    now = attempt(card, () => riskOf(ml, w, b), { risk: NaN, predictions: [] });
    cells.forEach((row, i) => {
      const p = now.predictions[i];
      const miss = p - HOUSES.y[i];
      row[3].textContent = formatNumber(p, 0);
      row[4].textContent = formatNumber(miss, 0);
      row[5].textContent = formatNumber(miss * miss, 0);
    });
    meanCell.textContent = riskText(now.risk);
    stat.risk.set(riskText(now.risk));
    const goal = formatNumber(opts.goal, 0);
    if (!shown && Number.isFinite(now.risk)) best = Math.min(best, now.risk);
    stat.best.set(Number.isFinite(best) ? riskText(best) : '–');
    // After the reveal nothing is scored; the words say whether a win of the learner's own is
    // recorded (this round's, before the reveal, or the lesson's record from any visit).
    const winRecorded = () => reached || (recordedResult(card, 'empirical-risk') || {}).complete === true;
    if (revealed) {
      // Said of the least-squares line only while it is on screen; a line moved after it is still no round.
      if (bestShown && w === bestShown.w && b === bestShown.b) card.setMessage(t('empirical-risk.revealed', { w: fmtW(w), b: formatTerm(b, 0), risk: riskText(now.risk), recorded: winRecorded() }), 'info');
      else card.setMessage(t('empirical-risk.revealedMoved', { risk: riskText(now.risk), recorded: winRecorded() }), 'info');
    } else if (shown) {
      // A round after the reveal (Reset, or a reload of one): practice, never reported.
      if (now.risk < opts.goal) card.setMessage(t('empirical-risk.reachedPractice', { risk: riskText(now.risk), goal, recorded: winRecorded() }), 'info');
      else card.setMessage(`${t('empirical-risk.aboveGoal', { risk: riskText(now.risk), goal })}${t('empirical-risk.practiceNote', { recorded: winRecorded() })}`, 'info');
    } else if (read) {
      // The lesson's text naming the best line was read before a win: practice, never reported.
      if (now.risk < opts.goal) card.setMessage(t('empirical-risk.reachedRead', { risk: riskText(now.risk), goal }), 'info');
      else card.setMessage(`${t('empirical-risk.aboveGoal', { risk: riskText(now.risk), goal })}${t('empirical-risk.readNote')}`, 'info');
    } else if (now.risk < opts.goal && given) {
      const earlier = recordedResult(card, 'empirical-risk');
      card.setMessage(t('empirical-risk.givenUnder', { risk: riskText(now.risk), goal, recorded: !!earlier && earlier.complete === true }), 'info');
    } else if (now.risk < opts.goal) {
      card.setMessage(t('empirical-risk.reached', { risk: riskText(now.risk), goal, zero: now.risk < 0.5 }), 'ok');
      if (!reached) {
        reached = true;
        const detail = { widget: 'empirical-risk', title: t('empirical-risk.reportTitle', { goal }), score: 1, max: 1 };
        reportScore(card, detail);
        reportComplete(card, detail);
        reportOutcomeShown(card, { widget: BEST_LINE_REVEAL });
      }
    } else {
      card.setMessage(t('empirical-risk.aboveGoal', { risk: riskText(now.risk), goal }), 'info');
    }
    const misses = now.predictions.map((p, i) => t('empirical-risk.figure.miss', { house: i + 1, miss: formatNumber(p - HOUSES.y[i], 0) })).join(', ');
    plot.canvas.setAttribute('aria-label', t('empirical-risk.figure', { w: fmtW(w), b: formatTerm(b, 0), n, misses, risk: riskText(now.risk) }));
    ctx.requestDraw(draw);
  }

  const lineAt = (x) => w * x + b;

  function draw() {
    plot.refreshTheme();
    const th = plot.theme;
    plot.begin();
    plot.axes({ xLabel: t('empirical-risk.axis.x'), yLabel: t('empirical-risk.axis.y') });
    plot.clipToArea(() => {
      HOUSES.x.forEach((x, i) => {
        if (Number.isFinite(now.predictions[i])) plot.segment(x, HOUSES.y[i], x, now.predictions[i], { color: th.loss, width: 3 });
      });
      plot.segment(1000, lineAt(1000), 3500, lineAt(3500), { color: th.model, width: 2 });
    });
    HOUSES.x.forEach((x, i) => plot.point(x, HOUSES.y[i], 1));
    HANDLE_X.forEach((x, i) => plot.handle(x, lineAt(x), { focused: drag.keyboardFocused && (drag.grabbed === i || (drag.grabbed === null && i === active)) }));
  }

  // Dragging a handle moves that end of the line and keeps the other end where it is.
  let active = 1;
  quietWhileHeld(ctx, plot.canvas); // a held arrow key or a drag is said once, when let go
  function moveEnd(i, y) {
    const ys = HANDLE_X.map(lineAt);
    ys[i] = y;
    const nextW = (ys[1] - ys[0]) / (HANDLE_X[1] - HANDLE_X[0]);
    setLine(nextW, ys[0] - nextW * HANDLE_X[0], 'own');
  }
  const drag = ctx.drag(plot, {
    hit: (pos) => {
      const d = HANDLE_X.map((x) => Math.hypot(plot.px(x) - plot.px(pos.x), plot.py(lineAt(x)) - plot.py(pos.y)));
      const i = d[0] <= d[1] ? 0 : 1;
      return d[i] < 30 ? i : null;
    },
    grab: (i) => { active = i; },
    move: (pos, i) => moveEnd(i, pos.y),
    // Left/Right choose the handle (and say which), Up/Down move it by 5 thousand (50 with Shift);
    // the status then says the risk, once when a key is held.
    key: (dx, dy) => {
      if (dx) {
        active = dx < 0 ? 0 : 1;
        card.setMessage(t('empirical-risk.selected', { end: t(`empirical-risk.end.${active}`), x: formatNumber(HANDLE_X[active], 0) }), 'info');
        ctx.requestDraw(draw);
        return true;
      }
      moveEnd(active, lineAt(HANDLE_X[active]) + dy * 5);
      return true;
    },
    snapshot: () => [w, b, given],
    restore: ([sw, sb, sGiven]) => setLine(sw, sb, sGiven ? 'page' : 'own'),
    onFocusChange: () => ctx.requestDraw(draw),
  });

  // Opened after a win of this page's or of an earlier visit (or after Show the best line, which
  // already makes every round practice), the text changes nothing.
  function readAhead(event) {
    if (`predict:${event.detail && event.detail.predict}` !== BEST_LINE_REVEAL || read || shown || reached) return;
    if ((recordedResult(card, 'empirical-risk') || {}).complete === true) return;
    read = true;
    compute();
  }
  ctx.element.addEventListener('dw:reveal-read', readAhead);
  ctx.own(() => ctx.element.removeEventListener('dw:reveal-read', readAhead));

  compute();
  return {
    update(next) {
      opts = { ...next };
      startAfresh();
    },
    // Shared by a link: the line, r: 1 while the round is the one Show the best line ended (so a
    // reload of it is still no round), and s: 1 in a later round on the same houses (practice, as
    // the reload keeps it). A line given this way is never the learner's.
    state: {
      get: () => (w === opts.w && b === opts.b && !shown ? null : { w, b, ...(revealed ? { r: 1 } : shown ? { s: 1 } : {}) }),
      set(value) {
        if (!value || typeof value !== 'object' || !Number.isFinite(value.w) || !Number.isFinite(value.b)) throw new Error('expected a line { w, b } with two numbers');
        if (value.w < W_RANGE[0] || value.w > W_RANGE[1] || value.b < B_RANGE[0] || value.b > B_RANGE[1]) throw new Error('the line lies outside the sliders’ ranges');
        if (value.r !== undefined && value.r !== 1) throw new RangeError(t('empirical-risk.badMark'));
        if (value.s !== undefined && value.s !== 1) throw new RangeError(t('empirical-risk.badShown'));
        if (value.r === 1) {
          revealed = true; // never cleared here: only Reset does that
          const line = attempt(card, () => bestLine(ml), null);
          bestShown = line && onSliders(line.w, line.b);
        }
        if (value.r === 1 || value.s === 1) shown = true; // never cleared: the houses never change
        setLine(value.w, value.b, 'page');
      },
    },
  };
}
