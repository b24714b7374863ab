// Interactive "Project onto the principal axis" (seed 001, level 4): rotate a line through the
// centre of a stretched 2-D cloud; every point drops a perpendicular foot onto it. The share of
// the total variance the line keeps, uᵀΣu / trace Σ, is the engine's PCA.varianceAlong(u); the
// "Snap to PC1" direction and the scree bars are its components() and explainedVarianceRatio().
// Once Snap has shown where PC1 lies on a cloud, the answer stays on screen (the angle, the dashed
// PC1 guide), so turning the line onto PC1 of that cloud is practice, never reported, until New
// cloud (place-centroids' rule; the state keeps s: 1). Imported points are practice too: the game
// is the lesson's cloud.
import { attempt, mountWidget } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { prefersReducedMotion } from '../lib/frame.js';
import { button, buttonRow, el, slider } from '../lib/ui.js';
import { formatPercent as pct, formatAxisAngle, formatNumber } from '../lib/format.js';
import { seedOption, nextSeed } from '../lib/schema.js';
import { equalDomain } from '../lib/domain.js';
import { rgba } from '../lib/colors.js';
import { yGrid } from '../lib/ticks.js';
import { reportComplete } from '../lib/report.js';
import { pointsCsv, pointsFromState, pointsState } from '../lib/points-csv.js';
import { createPrediction } from '../lib/predict.js';
import { messages } from './pca-projection.messages.js';

export const schema = {
  seed: seedOption(5, 'Random seed for the cloud.'),
  points: { type: 'int', min: 10, max: 300, default: 70, description: 'How many points.' },
  slope: { type: 'number', min: -3, max: 3, default: 0.6, description: 'Trend of the cloud (y grows by this much per unit of x).' },
  noise: { type: 'number', min: 0.05, max: 3, default: 0.55, description: 'Scatter across the trend.' },
  angle: { type: 'number', min: 0, max: 180, default: 100, description: 'Starting angle of the projection line, in degrees.' },
};

export const meta = { title: messages['pca-projection.title'], hint: messages['pca-projection.hint'] };

const RAD = Math.PI / 180;
// The slider turns the line in half-degree steps, so it always has a stop within a quarter of a
// degree of PC1 (and of PC2). The feedback calls a line PC1 (or PC2) only when the "off PC1 by"
// readout is within that half step, i.e. reads 0.2° or less (89.8° or more): a line the readout
// shows farther off is not the best one, however close its share (the arrow keys' 1° steps can
// stop 0.3° off, keeping 94.4% like PC1 while 0.2° off keeps a little more).
export const ANGLE_STEP = 0.5;
// The find counts as the learner's once their line has stayed on PC1 this long: a held arrow key,
// a slider sweep or a drag that only passes through PC1 on the way elsewhere records nothing.
export const SETTLE_MS = 1000;

// What the message says about a line keeping `share` of the variance, `gap` degrees off PC1, on
// a cloud whose components keep `ratios`: which message (pca-projection.<kind>), its numbers as
// shown, and whether the line counts as PC1. It decides from the numbers as the readouts show
// them, so the words never contradict "off PC1 by", "variance captured" or "PC1 holds".
export function lineFeedback(share, ratios, gap) {
  const off = formatNumber(gap, 1); // the "off PC1 by" readout
  const params = {
    share: pct(share, 1), gap: off, pc1: pct(ratios[0], 1), pc2: pct(ratios[1], 1), rest: pct(1 - share, 1),
    // a few hundredths of a percent short still reads as short, not "0.0%"
    shortfall: `${formatNumber((ratios[0] - share) * 100, 1, { significant: 1 })}%`,
  };
  const offBy = Number(off);
  const says = (kind, onPc1 = false) => ({ kind, params, onPc1 });
  if (offBy < ANGLE_STEP / 2) return says(offBy === 0 && params.share === params.pc1 ? 'found' : 'foundNear', true);
  if (90 - offBy < ANGLE_STEP / 2) return says(offBy === 90 && params.share === params.pc2 ? 'worst' : 'worstNear');
  if (params.share === params.pc1) return says('near');
  if (ratios[0] - share < 0.02) return says('close');
  return says('keep');
}
// Own points from a CSV file: positions only (a label column is ignored with a note).
// Options that make the generated cloud: changing one replaces imported points.
const DATA_OPTIONS = ['seed', 'points', 'slope', 'noise'];
export const CSV_RULES = { labels: 'none', domain: [-1e4, 1e4], minPoints: 3, maxPoints: 1000 };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const pca = ctx.own(new ml.PCA());
  let data = null;
  let mean = [0, 0];
  let ratios = new Float64Array(0);
  let pc1Angle = 0;
  let angle = opts.angle; // degrees, 0…180
  let bestCaptured = 0;
  let stopSnap = null;
  let found = false;
  let foundByHand = false;  // the learner turned the line onto PC1 themselves (not Snap) and left it there
  let cancelSettle = null;  // the pending "left on PC1" timer (SETTLE_MS)
  let snapped = false;      // Snap put the line near PC1: nudges from there are not the learner's find
  let answerShown = false;  // Snap has shown PC1 on this cloud (state s: 1): finding it now is practice
  let imported = null;      // positions from a CSV file or a Share link, instead of the generated cloud
  let scale = 1;            // the plot's size relative to the generated cloud's (imports may be larger)

  const row = el('div', { className: 'dw-row' });
  const left = el('div', { className: 'dw-col dw-main-col' });
  const right = el('div', { className: 'dw-col dw-side-col' });
  row.append(left, right);
  card.stage.append(row);
  const plot = ctx.own(new Plot(left, { aspect: 0.95, minHeight: 260, maxHeight: 500, label: t('pca-projection.plot'), onResize: () => ctx.requestDraw(draw) }));
  right.append(el('p', { className: 'dw-chart-title', text: t('pca-projection.scree.title') }));
  const scree = ctx.own(new Plot(right, { aspect: 0.75, minHeight: 170, maxHeight: 260, label: t('pca-projection.scree'), onResize: () => ctx.requestDraw(draw) }));
  scree.margin = { left: 44, right: 10, top: 14, bottom: 30 };
  right.append(el('p', { className: 'dw-chart-title', text: t('pca-projection.strip.title') }));
  const strip = ctx.own(new Plot(right, { aspect: 0.22, minHeight: 64, maxHeight: 90, label: t('pca-projection.strip'), onResize: () => ctx.requestDraw(draw) }));
  strip.margin = { left: 10, right: 10, top: 8, bottom: 8 };

  const buttons = buttonRow(card.controls);
  button(buttons, t('pca-projection.snap'), () => snap(), { primary: true });
  button(buttons, t('pca-projection.newCloud'), () => { opts.seed = nextSeed(opts.seed); imported = null; loadData(); });
  // A line through the centre has no arrow: 180° is 0° again, so the slider stops short of it
  // and every angle is read through formatAxisAngle.
  const angleSlider = slider(card.controls, { label: t('pca-projection.slider.angle'), min: 0, max: 179.5, step: ANGLE_STEP, value: angle, format: (v) => formatAxisAngle(v, 1), onInput: (v) => { stopSnapping(); setAngle(v, 'learner'); } });

  const statCaptured = card.stat(t('pca-projection.stat.captured'));
  const statBest = card.stat(t('pca-projection.stat.best'));
  const statPc1 = card.stat(t('pca-projection.stat.pc1'));
  const statOff = card.stat(t('pca-projection.stat.off'));
  pointsCsv(ctx, card.controls, {
    filename: 'pca-points.csv', rules: CSV_RULES,
    get: () => ({ X: data.X, extra: { name: 'projection', values: feet().map((p) => Number(p.s.toPrecision(6))) } }),
    set: (parsed) => {
      if (!spread(parsed.X)) throw new Error(t('pca-projection.csv.noSpread', { x1: formatNumber(parsed.X[0], 2), x2: formatNumber(parsed.X[1], 2) }));
      imported = parsed.X;
      loadData();
    },
  });

  // Points with no spread (every point at one place) are refused before anything changes, so the
  // plot, the readouts and the Share state keep the cloud on screen. The engine's PCA is the
  // judge (a throw-away one: its refusal is exactly the one the widget's PCA would give).
  function spread(X) {
    const probe = new ml.PCA();
    try { probe.setData(Float64Array.from(X), 2, []); return true; } catch { return false; } finally { probe.delete(); }
  }

  // Predict, then check: the share a line 45° away from PC1 keeps. Judged from the engine's
  // varianceAlong when the learner turns the line to within half a degree of 45° off PC1.
  // The share readouts are the widget's point, so they stay on screen; the box asks first instead
  // (hint and lesson), because any turn from the start towards PC1 passes 45° off it. A line left
  // there by the learner (or a shared link) with nothing locked in shows the answer: later
  // predictions are practice, and the box says why.
  const PREDICT_TOLERANCE = 5; // percentage points either side
  let answerShownSinceLock = false; // the line stood where it shows the answer since the lock
  const prediction = createPrediction(ctx, {
    id: 'pca-45-degrees',
    question: t('pca-projection.predict.question'),
    numeric: { percent: true, label: t('pca-projection.predict.unit'), tolerance: PREDICT_TOLERANCE, min: 0, max: 100, digits: 1 },
    ready: () => (data && Math.abs(angleGap(angle, pc1Angle) - 45) > 0.5 && !nearAnswer(captured()) ? null : t('pca-projection.predict.ready')),
    next: () => t('pca-projection.predict.next', { pc1: formatAxisAngle(pc1Angle, 1) }),
    onCommit: () => { answerShownSinceLock = false; },
    // A share that would count as right, turned to under this lock, gives the answer away as much
    // as before it: changed then, a new lock could copy it.
    progress: () => answerShownSinceLock,
  });
  // A share on screen that the box would count as right gives the answer away, even if the line
  // never stood within half a degree of 45° (a click on the slider's track jumps straight to
  // 44.3° off, keeping 51.1%). At 45° off, cos² and sin² are both ½, so the answer is the mean of
  // the two components' shares.
  const nearAnswer = (share) => Number.isFinite(share) && Math.abs(share - (ratios[0] + ratios[1]) / 2) <= PREDICT_TOLERANCE / 100;
  function judge45(share, by) {
    const showsAnswer = by !== 'snap' && (nearAnswer(share) || (Number.isFinite(share) && Math.abs(angleGap(angle, pc1Angle) - 45) <= 0.5));
    if (showsAnswer && prediction.pending !== null) answerShownSinceLock = true;
    if (prediction.pending === null && showsAnswer) prediction.outcomeSeen(t('pca-projection.predict.seen'));
    if (prediction.pending === null || by !== 'learner' || !Number.isFinite(share) || Math.abs(angleGap(angle, pc1Angle) - 45) > 0.5) return;
    // The question is about a line exactly 45° off PC1; the slider reaches within half a degree of
    // it (44.7° keeps 49.7%), so the prediction is judged against the share at 45° itself, and the
    // share where the line stands is said beside it.
    const at45 = (ratios[0] + ratios[1]) / 2;
    prediction.settle(at45 * 100, t('pca-projection.predict.why', { gap: formatNumber(angleGap(angle, pc1Angle), 1), share: pct(share, 1), exact: pct(at45, 1), pc1: pct(ratios[0], 1), pc2: pct(ratios[1], 1) }));
  }

  function loadData() {
    prediction.reset(t('pca-projection.predict.newCloud'));
    stopSnapping();
    attempt(card, () => {
      const d = imported ? null : ml.makeLinear(opts.points, opts.slope, 0, opts.noise, opts.seed, -3, 3);
      // makeLinear gives (x, y) pairs as X and y; PCA looks at both as features.
      const X = imported ? Float64Array.from(imported) : new Float64Array(d.rows * 2);
      if (d) for (let i = 0; i < d.rows; i++) { X[2 * i] = d.X[i]; X[2 * i + 1] = d.y[i]; }
      pca.setData(X, 2, []);
      data = { X, rows: X.length / 2 };
      mean = [...pca.mean()];
      scale = 1;
      if (imported) for (let i = 0; i < data.rows; i++) scale = Math.max(scale, Math.abs(X[2 * i] - mean[0]) / 3.6, Math.abs(X[2 * i + 1] - mean[1]) / 2.9);
      ratios = pca.explainedVarianceRatio();
      const c = pca.components();
      pc1Angle = ((Math.atan2(c[1], c[0]) / RAD) % 180 + 180) % 180;
    });
    bestCaptured = 0;
    found = false;
    foundByHand = false;
    snapped = false;
    answerShown = false;
    setAngle(opts.angle);
  }

  function direction(deg) { return [Math.cos(deg * RAD), Math.sin(deg * RAD)]; }
  function angleGap(a, b) { const d = Math.abs(a - b) % 180; return Math.min(d, 180 - d); }

  function captured() { return attempt(card, () => pca.varianceAlong(direction(angle)), NaN); }

  // lineFeedback's verdicts in words, with the message's tone.
  const feedback = {
    // complete: the learner's own find on a cloud that counts, reported (setAngle's timer).
    found: (p) => [t('pca-projection.found', { share: p.share, rest: p.rest, complete: p.complete }), 'ok'],
    foundNear: (p) => [t('pca-projection.foundNear', { gap: p.gap, share: p.share, pc1: p.pc1, rest: p.rest, complete: p.complete }), 'ok'],
    near: (p) => [t('pca-projection.near', { gap: p.gap, share: p.share, turn: p.turn }), 'info'],
    close: (p) => [t('pca-projection.close', { share: p.share, shortfall: p.shortfall, gap: p.gap, turn: p.turn }), 'info'],
    keep: (p) => [t('pca-projection.keep', { share: p.share }), 'info'],
    worstNear: (p) => [t('pca-projection.worstNear', { gap: p.gap, share: p.share, pc2: p.pc2 }), 'bad'],
    worst: (p) => [t('pca-projection.worst', { share: p.share }), 'bad'],
  };

  // by: 'learner' (slider, drag, keys), 'snap' (the Snap button) or 'start'. The best share and
  // the game's result record only what the learner's own turning reached.
  function setAngle(deg, by = 'start') {
    angle = ((deg % 180) + 180) % 180;
    angleSlider.set(Number(angle.toFixed(1)));
    const share = captured();
    if (by === 'snap') { snapped = true; answerShown = true; }
    else if (ratios[0] - share > 0.02) snapped = false; // turned well away from the snapped line: on their own again
    if (by !== 'snap' && !snapped && share > bestCaptured) bestCaptured = share;
    const gap = angleGap(angle, pc1Angle);
    statCaptured.set(pct(share, 1));
    statBest.set(pct(bestCaptured, 1));
    statPc1.set(pct(ratios[0], 1));
    statOff.set(t('pca-projection.degrees', { angle: formatNumber(gap, 1) }));
    // Any turn (or a new cloud) ends a wait for the line to stay on PC1.
    if (cancelSettle) cancelSettle();
    cancelSettle = null;
    if (Number.isFinite(share)) {
      const { kind, params, onPc1 } = lineFeedback(share, ratios, gap);
      // Practice (Snap has shown PC1 on this cloud, or the points are imported): the learner's own
      // turns say so, and finding PC1 is never reported.
      const practice = answerShown || imported !== null;
      const counts = onPc1 && by === 'learner' && !snapped && !practice; // the learner's own find, in a round that counts
      // The words say the find completes the activity once it is reported (and on a return to PC1 after that).
      const [text, tone] = feedback[kind]({ ...params, turn: turnHint(), complete: counts && foundByHand });
      const note = practice && by === 'learner' ? t('pca-projection.practiceNote', { imported: imported !== null, found: onPc1 }) : '';
      card.setMessage(`${text}${note}`, tone);
      if (onPc1) found = true;
      // Completion only from the PC1 message, and only once the learner's own line stays there.
      if (onPc1 && by === 'learner' && !snapped && !practice && !foundByHand) {
        cancelSettle = ctx.timeout(() => {
          cancelSettle = null;
          foundByHand = true;
          reportComplete(card, { widget: 'pca-projection', title: t('pca-projection.title'), score: 1, max: 1 });
          card.setMessage(feedback[kind]({ ...params, turn: turnHint(), complete: true })[0], tone, { announce: true });
        }, SETTLE_MS);
      }
    }
    plot.canvas.setAttribute('aria-label', t('pca-projection.figure', { n: data ? data.rows : 0, angle: formatAxisAngle(angle, 1), share: pct(share, 1) }));
    judge45(share, by);
    ctx.requestDraw(draw);
  }

  function turnHint() {
    const d = ((pc1Angle - angle + 270) % 180) - 90; // signed, in (−90, 90]
    return d > 0 ? t('pca-projection.anticlockwise') : t('pca-projection.clockwise');
  }

  function snap() {
    stopSnapping();
    const from = angle;
    let d = ((pc1Angle - from + 270) % 180) - 90;
    if (prefersReducedMotion()) { setAngle(pc1Angle, 'snap'); return; }
    const t0 = performance.now();
    stopSnap = ctx.animate((now) => {
      const u = Math.min(1, (now - t0) / 600);
      const e = u * u * (3 - 2 * u);
      setAngle(u >= 1 ? pc1Angle : from + d * e, 'snap');
      if (u >= 1) stopSnapping();
    });
  }
  function stopSnapping() { if (stopSnap) stopSnap(); stopSnap = null; }

  function feet() {
    const [ux, uy] = direction(angle);
    const out = [];
    for (let i = 0; i < data.rows; i++) {
      const dx = data.X[2 * i] - mean[0]; const dy = data.X[2 * i + 1] - mean[1];
      const s = dx * ux + dy * uy; // coordinate along the line (a dot product: geometry)
      out.push({ s, fx: mean[0] + s * ux, fy: mean[1] + s * uy, x: data.X[2 * i], y: data.X[2 * i + 1] });
    }
    return out;
  }

  function draw() {
    if (!data) return;
    equalDomain(plot, mean[0], mean[1], 4 * scale, 3.2 * scale);
    const ctx = plot.begin();
    const th = plot.theme;
    plot.axes({ xLabel: t('pca-projection.axis.x'), yLabel: t('pca-projection.axis.y'), xTicks: 6, yTicks: 5 });
    const [ux, uy] = direction(angle);
    const f = feet();
    const L = 20 * scale;
    plot.clipToArea(() => {
      // PC1 as a dashed grey guide only once it has been found (it is the "truth" here)
      if (found) {
        const [px, py] = direction(pc1Angle);
        plot.segment(mean[0] - L * px, mean[1] - L * py, mean[0] + L * px, mean[1] + L * py, { color: th.truth, dash: [6, 5], width: 1.5 });
      }
      ctx.strokeStyle = rgba(th.loss, 0.55); ctx.lineWidth = 1;
      ctx.beginPath();
      for (const p of f) { ctx.moveTo(plot.px(p.x), plot.py(p.y)); ctx.lineTo(plot.px(p.fx), plot.py(p.fy)); }
      ctx.stroke();
      plot.segment(mean[0] - L * ux, mean[1] - L * uy, mean[0] + L * ux, mean[1] + L * uy, { width: 2.5 });
      for (const p of f) plot.point(p.x, p.y, 1, { size: 4 });
      ctx.fillStyle = th.model;
      for (const p of f) { ctx.beginPath(); ctx.arc(plot.px(p.fx), plot.py(p.fy), 2.6, 0, Math.PI * 2); ctx.fill(); }
    });
    // the handle: where dragging turns the line
    const hx = mean[0] + 2.6 * scale * ux; const hy = mean[1] + 2.6 * scale * uy;
    plot.handle(hx, hy, { focused: drag.keyboardFocused || drag.grabbed !== null });

    // scree bars, with a marker at the share the learner's line keeps
    scree.setDomain(0, 2, 0, 1.08);
    const sc = scree.begin();
    yGrid(scree, [0, 0.25, 0.5, 0.75, 1], (v) => `${Math.round(v * 100)}%`);
    for (let k = 0; k < 2; k++) {
      const xa = scree.px(k + 0.2); const xb = scree.px(k + 0.8);
      const yb = scree.py(ratios[k] || 0);
      sc.fillStyle = k === 0 ? th.accent : rgba(th.accent, 0.45);
      sc.fillRect(xa, yb, xb - xa, scree.py(0) - yb);
      sc.fillStyle = th.text; sc.font = `12px ${th.font}`; sc.textAlign = 'center'; sc.textBaseline = 'top';
      sc.fillText(t(`pca-projection.component.${k}`), (xa + xb) / 2, scree.py(0) + 6);
      sc.textBaseline = 'bottom';
      sc.fillText(pct(ratios[k], 1), (xa + xb) / 2, yb - 2);
    }
    const share = captured();
    if (Number.isFinite(share)) {
      const Y = scree.py(share);
      sc.strokeStyle = th.good; sc.lineWidth = 3;
      sc.beginPath(); sc.moveTo(scree.px(0.08), Y); sc.lineTo(scree.px(0.92), Y); sc.stroke();
      sc.fillStyle = th.good; sc.font = `600 11px ${th.font}`; sc.textAlign = 'left'; sc.textBaseline = 'middle';
      sc.fillText(t('pca-projection.scree.yourLine'), scree.px(1.0), Y);
    }

    // the 1-D picture: where the feet land along the line
    const spread = 4.5;
    strip.setDomain(-spread, spread, -1, 1);
    const st = strip.begin();
    st.strokeStyle = th.model; st.lineWidth = 1.5;
    st.beginPath(); st.moveTo(strip.px(-spread), strip.py(0)); st.lineTo(strip.px(spread), strip.py(0)); st.stroke();
    st.fillStyle = rgba(th.class1, 0.6);
    for (const p of f) { st.beginPath(); st.arc(strip.px(p.s), strip.py(0), 4, 0, Math.PI * 2); st.fill(); }
  }

  // Dragging anywhere turns the line to point at the pointer (through the centre of the cloud).
  const angleAt = (pos) => Math.atan2(pos.y - mean[1], pos.x - mean[0]) / RAD;
  const drag = ctx.drag(plot, {
    move: (pos) => { stopSnapping(); setAngle(angleAt(pos), 'learner'); },
    release: () => ctx.requestDraw(draw),
    cursor: () => 'grab',
    key: (dx, dy) => { stopSnapping(); setAngle(angle - dx + dy, 'learner'); }, // Left/Up anticlockwise
    enter: () => snap(),
    snapshot: () => angle,
    restore: (a) => { stopSnapping(); setAngle(a, 'learner'); },
    onFocusChange: (on) => {
      if (on) card.setMessage(t('pca-projection.keyboard'), 'info');
      ctx.requestDraw(draw);
    },
  });

  loadData();

  return {
    update(next) { if (DATA_OPTIONS.some((k) => next[k] !== opts[k])) imported = null; opts = { ...next }; loadData(); },
    // Shared by a link: the seed (New cloud changes it), the line's angle, imported points, and
    // s: 1 once Snap has shown PC1 on this cloud (finding it after a reload stays practice).
    currentOptions() { return { seed: opts.seed }; },
    state: {
      get() {
        if (!imported && !answerShown && angle === opts.angle) return null;
        return { a: angle, ...(answerShown ? { s: 1 } : {}), ...(imported ? pointsState(imported) : {}) };
      },
      set(value) {
        if (!value || typeof value !== 'object' || !Number.isFinite(value.a) || value.a < 0 || value.a >= 180) throw new RangeError('the line needs an angle from 0 up to 180 degrees');
        if (value.s !== undefined && value.s !== 1) throw new RangeError('the mark for a cloud whose PC1 Snap has shown (s) must be 1 or left out');
        const points = value.p ? pointsFromState(value, CSV_RULES) : null; // checked before anything changes
        if (points && !spread(points.X)) throw new RangeError(t('pca-projection.state.noSpread', { x1: formatNumber(points.X[0], 2), x2: formatNumber(points.X[1], 2) }));
        if (points) { imported = points.X; loadData(); }
        if (value.s === 1) answerShown = true; // never cleared here: only a new cloud does that
        stopSnapping();
        setAngle(value.a, 'start');
      },
    },
  };
}
