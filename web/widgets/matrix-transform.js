// A 2×2 matrix as a transformation (landscape, vectors-and-matrices lesson). Edit A's four
// entries, pick a preset, or drag the images of the basis vectors Aî and Aĵ (its columns); the
// grid, a smiley and the unit square move with it. Determinant, eigenvalues and eigenvectors come
// from the engine (matrix2Apply, matrix2Determinant, matrix2Eigen); Play blends identity → A.
import { mountWidget, attempt } from '../lib/widget.js';
import { prefersReducedMotion } from '../lib/frame.js';
import { Plot } from '../lib/plot.js';
import { el, fixed, nextId, select, slider } from '../lib/ui.js';
import { formatNumber } from '../lib/format.js';
import { formatEntry, gridSegments, PRESETS, SMILEY, vec } from '../lib/linear-algebra.js';
import { arrow } from '../lib/marks.js';
import { equalDomain } from '../lib/domain.js';
import { createPrediction } from '../lib/predict.js';
import { numberBox, refusalReason } from '../lib/number-field.js';
import { messages } from './matrix-transform.messages.js';

export const schema = {
  preset: { type: 'enum', values: Object.keys(PRESETS), default: 'symmetric', description: 'The matrix shown at the start.' },
  angle: { type: 'number', min: -180, max: 180, default: 30, description: 'Rotation angle ω in degrees for the rotate preset.' },
  eigen: { type: 'boolean', default: true, description: 'Draw the eigenvector directions.' },
};

export const meta = { title: messages['matrix-transform.title'], hint: messages['matrix-transform.hint'] };

const LIMIT = 10;          // entries are kept within ±10 so the picture stays readable
const SPAN = 4;            // the plot shows [−4, 4]²
const ZERO = 1e-12;

// The determinant and eigen-structure (both from the engine) in words, and the message tone.
export function describeMatrix(det, eig, t) {
  let area;
  let tone = 'info';
  if (Math.abs(det) <= ZERO) {
    area = t('matrix-transform.det.zero');
    tone = 'warn';
  } else if (det > 0) area = t('matrix-transform.det.positive', { det: fixed(det, 3) });
  else area = t('matrix-transform.det.negative', { det: fixed(det, 3), area: fixed(-det, 3) });
  let eigen;
  const v = (k) => vec(eig.vectors[2 * k], eig.vectors[2 * k + 1]);
  const lam = (x) => fixed(x, 3);
  if (eig.kind === 'complex') eigen = t('matrix-transform.eigen.complex', { re: lam(eig.re), im: lam(eig.im) });
  else if (eig.kind === 'scalar') {
    eigen = Math.abs(eig.values[0]) <= ZERO ? t('matrix-transform.eigen.zero') : t('matrix-transform.eigen.scalar', { lambda: lam(eig.values[0]) });
  } else if (eig.kind === 'defective') eigen = t('matrix-transform.eigen.defective', { vector: v(0), lambda: lam(eig.values[0]) });
  else {
    const part = (k) => {
      const l = eig.values[k];
      if (Math.abs(l) <= ZERO) return t('matrix-transform.eigen.squashed', { vector: v(k) });
      return l < 0 ? t('matrix-transform.eigen.flipped', { vector: v(k), lambda: lam(l) }) : t('matrix-transform.eigen.scaled', { vector: v(k), lambda: lam(l) });
    };
    eigen = t('matrix-transform.eigen.two', { first: part(0), second: part(1) });
  }
  return { text: t('matrix-transform.described', { area, eigen }), tone };
}

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, messages, build });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  let A = PRESETS[opts.preset].matrix(opts.angle);
  let mix = 1;              // the blend t: the picture shows (1 − t)·I + t·A
  let info = null;          // { det, eig } for A, from the engine
  let stop = null;
  let active = 0;

  const plot = ctx.own(new Plot(card.stage, { aspect: 1, minHeight: 280, maxHeight: 540, domain: [-SPAN, SPAN, -SPAN, SPAN], label: t('matrix-transform.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.canvas.tabIndex = 0;
  card.stage.append(el('p', { className: 'dw-figure-caption', text: t('matrix-transform.caption') }));

  // The matrix editor: [[a, b], [c, d]] as four boxes read like every typed number on the site
  // (web/lib/number-field.js). A typed entry moves the picture at once; a refused one says why and
  // goes back to its value before the edit, so the box and the picture agree. The arrow keys step
  // an entry by 0.1.
  const editor = el('div', { className: 'matrix-transform-editor', role: 'group', 'aria-label': t('matrix-transform.editor') });
  const letters = ['a', 'b', 'c', 'd'];
  const names = letters.map((n) => t(`matrix-transform.entry.${n}`));
  const withEntry = (k, v) => { const next = A.slice(); next[k] = v; return next; };
  const inputs = names.map((n, k) => numberBox({
    get: () => A[k],
    format: formatEntry,
    min: -LIMIT,
    max: LIMIT,
    step: 0.1,
    onLive: (v) => setMatrix(withEntry(k, v), { keepInputs: true }),
    onValue: (v) => setMatrix(withEntry(k, v)),
    onRefuse: (r) => {
      const entry = letters[k];
      const kept = formatEntry(r.kept);
      const outside = r.refusal === 'tooLarge' || r.refusal === 'belowMin' || r.refusal === 'aboveMax';
      card.setMessage(outside
        ? t('matrix-transform.tooLarge', { limit: formatNumber(LIMIT, 0), entry, kept })
        : t('matrix-transform.notANumber', { reason: refusalReason(t, r), entry, kept }), 'warn');
    },
    attrs: { id: nextId('m'), 'aria-label': t('matrix-transform.entry', { entry: n }) },
  }));
  editor.append(el('span', { className: 'matrix-transform-bracket', text: t('matrix-transform.bracket'), 'aria-hidden': 'true' }), el('div', { className: 'matrix-transform-cells' }, inputs));
  card.controls.append(editor);
  const presetSelect = select(card.controls, {
    label: t('matrix-transform.select.preset'), value: opts.preset,
    options: Object.keys(PRESETS).map((k) => [k, t(`matrix-transform.preset.${k}`)]),
    onChange: (v) => { opts.preset = v; if (v !== 'custom') setMatrix(PRESETS[v].matrix(opts.angle)); },
  });
  const angleSlider = slider(card.controls, {
    label: t('matrix-transform.slider.angle'), min: -180, max: 180, step: 5, value: opts.angle, format: (v) => t('matrix-transform.degrees', { value: fixed(v, 0) }),
    onInput: (v) => { opts.angle = v; opts.preset = 'rotate'; presetSelect.value = 'rotate'; setMatrix(PRESETS.rotate.matrix(v)); },
  });
  const blend = slider(card.controls, {
    label: t('matrix-transform.slider.blend'), min: 0, max: 1, step: 0.05, value: 1, format: (v) => fixed(v, 2),
    onInput: (v) => { pause(); mix = v; showBlend(); },
  });
  const buttons = el('div', { className: 'dw-buttons' });
  const playBtn = el('button', { type: 'button', className: 'dw-btn dw-primary', text: t('matrix-transform.play') });
  const stepBtn = el('button', { type: 'button', className: 'dw-btn', text: t('matrix-transform.step') });
  const resetBtn = el('button', { type: 'button', className: 'dw-btn', text: t('matrix-transform.reset') });
  buttons.append(playBtn, stepBtn, resetBtn);
  card.controls.append(buttons);
  const eigenBox = el('input', { type: 'checkbox', id: nextId('eig') });
  eigenBox.checked = opts.eigen;
  eigenBox.addEventListener('change', () => { opts.eigen = eigenBox.checked; ctx.requestDraw(draw); });
  card.controls.append(el('div', { className: 'dw-check' }, [eigenBox, el('label', { for: eigenBox.id, text: t('matrix-transform.showEigen') })]));

  const stat = { det: card.stat(t('matrix-transform.stat.det')), area: card.stat(t('matrix-transform.stat.area')), l1: card.stat(t('matrix-transform.stat.l1')), l2: card.stat(t('matrix-transform.stat.l2')) };

  // Predict, then check: the shear skews the unit square into a slanted parallelogram — does its
  // area change? Judged from the engine's determinant once the shear is shown.
  const prediction = createPrediction(ctx, {
    id: 'matrix-shear-area',
    question: t('matrix-transform.predict.question'),
    choices: ['grow', 'same', 'shrink'].map((c) => [c, t(`matrix-transform.predict.${c}`)]),
    ready: () => (showsShear() ? t('matrix-transform.predict.ready') : null),
    next: t('matrix-transform.predict.next'),
  });
  // The shear is the matrix, however it got there: typed into the editor or dragged it shows the
  // same determinant as the preset, and a preset edited into another matrix is no longer the shear.
  const SHEAR = PRESETS.shear.matrix();
  function showsShear() { return A.every((v, k) => v === SHEAR[k]); }
  function judgeShear() {
    // The shear's determinant on screen with nothing locked in gives the answer away: a
    // prediction made after that is practice, not a first try.
    if (prediction.pending === null && showsShear() && info) prediction.outcomeSeen(t('matrix-transform.predict.seen'));
    if (prediction.pending === null || !showsShear() || !info) return;
    const area = Math.abs(info.det);
    prediction.settle(area > 1 + 1e-9 ? 'grow' : area < 1 - 1e-9 ? 'shrink' : 'same', t('matrix-transform.predict.why', { det: fixed(info.det, 3), area: fixed(area, 3) }));
  }

  function setMatrix(next, { keepInputs = false } = {}) {
    A = next.map((v) => Math.max(-LIMIT, Math.min(LIMIT, v)));
    const det = attempt(card, () => ml.matrix2Determinant(A), null);
    const eig = attempt(card, () => ml.matrix2Eigen(A), null);
    info = det === null || !eig ? null : { det, eig };
    if (!keepInputs) inputs.forEach((input, k) => { input.value = formatEntry(A[k]); });
    describe();
    judgeShear();
  }

  function describe() {
    if (!info) { ctx.requestDraw(draw); return; }
    const { det, eig } = info;
    stat.det.set(fixed(det, 3));
    stat.area.set(t('matrix-transform.areaFactor', { value: fixed(Math.abs(det), 3) }));
    if (eig.real) { stat.l1.set(fixed(eig.values[0], 3)); stat.l2.set(fixed(eig.values[1], 3)); } else {
      stat.l1.set(t('matrix-transform.complexPlus', { re: fixed(eig.re, 3), im: fixed(eig.im, 3) })); stat.l2.set(t('matrix-transform.complexMinus', { re: fixed(eig.re, 3), im: fixed(eig.im, 3) }));
    }
    const { text, tone } = describeMatrix(det, eig, t);
    const prefix = mix < 1 ? t('matrix-transform.blendShown', { t: fixed(mix, 2) }) : '';
    card.setMessage(prefix + text, tone);
    plot.canvas.setAttribute('aria-label', t('matrix-transform.plotNow', { matrix: `[[${A.map(formatEntry).join(', ').replace(/^(.*?, .*?), /, '$1], [')}]]`, text }));
    ctx.requestDraw(draw);
  }

  // The matrix the picture shows: the straight-line blend from the identity to A.
  const shown = () => [1 - mix + mix * A[0], mix * A[1], mix * A[2], 1 - mix + mix * A[3]];

  function showBlend() { blend.set(Number(mix.toFixed(2))); describe(); }
  function pause() {
    if (!stop) return;
    stop();
    stop = null;
    playBtn.textContent = t('matrix-transform.play');
    card.speak();
  }
  function play() {
    if (stop) { pause(); return; }
    if (mix >= 1) mix = 0;
    if (prefersReducedMotion()) { stepBlend(); return; }
    playBtn.textContent = t('matrix-transform.pause');
    // "Showing … at t = …" is rewritten on every frame: quiet until the blend stops (card.hush in ui.js).
    card.hush();
    let last = null;
    stop = ctx.animate((time) => {
      if (last !== null) mix = Math.min(1, mix + (time - last) / 2000);
      last = time;
      showBlend();
      if (mix >= 1) pause();
    });
  }
  function stepBlend() { pause(); mix = mix >= 1 ? 0 : Math.min(1, Math.round((mix + 0.1) * 10) / 10); showBlend(); }
  function reset() { pause(); mix = 0; showBlend(); }
  playBtn.addEventListener('click', play);
  stepBtn.addEventListener('click', stepBlend);
  resetBtn.addEventListener('click', reset);

  function draw() {
    plot.refreshTheme();
    const th = plot.theme;
    const { sx, sy } = equalDomain(plot, 0, 0, SPAN, SPAN);
    const c = plot.begin();
    plot.axes({ xLabel: 'x₁', yLabel: 'x₂', xTicks: Math.round(2 * sx), yTicks: Math.round(2 * sy) });
    const M = shown();
    const grid = gridSegments(Math.ceil(Math.max(sx, sy)));
    // One engine call maps everything drawn: grid ends, square corners, smiley, basis tips.
    const square = [0, 0, 1, 0, 1, 1, 0, 1];
    const all = [...grid, ...square, ...SMILEY, 1, 0, 0, 1];
    const out = attempt(card, () => ml.matrix2Apply(M, all), null);
    if (!out) return;
    const g = grid.length; const s = g + square.length; const f = s + SMILEY.length;
    const detShown = attempt(card, () => ml.matrix2Determinant(M), 0);
    plot.clipToArea(() => {
      c.globalAlpha = 0.5;
      for (let i = 0; i < g; i += 4) plot.segment(out[i], out[i + 1], out[i + 2], out[i + 3], { color: th.accent, width: 1 });
      c.globalAlpha = 1;
      // Before: dashed unit square and grey smiley.
      plot.path([0, 1, 1, 0, 0], [0, 0, 1, 1, 0], { color: th.truth, width: 1.5, dash: [5, 4] });
      for (let i = 0; i < SMILEY.length; i += 2) dot(c, plot.px(SMILEY[i]), plot.py(SMILEY[i + 1]), 1.8, th.truth);
      // After: the parallelogram (orange when orientation flips), the smiley, the basis arrows.
      const sx = []; const sy = [];
      for (let i = g; i < s; i += 2) { sx.push(out[i]); sy.push(out[i + 1]); }
      const flipped = detShown < -1e-12;
      c.beginPath(); sx.forEach((x, k) => (k ? c.lineTo(plot.px(x), plot.py(sy[k])) : c.moveTo(plot.px(x), plot.py(sy[k])))); c.closePath();
      c.globalAlpha = 0.22; c.fillStyle = flipped ? th.class0 : th.good; c.fill(); c.globalAlpha = 1;
      c.strokeStyle = flipped ? th.class0 : th.good; c.lineWidth = 2; c.stroke();
      for (let i = s; i < f; i += 2) dot(c, plot.px(out[i]), plot.py(out[i + 1]), 2.4, th.model);
      if (opts.eigen && info && info.eig.real) drawEigen(c, th);
      arrow(c, plot, 0, 0, out[f], out[f + 1], th.class0, 'Aî');
      arrow(c, plot, 0, 0, out[f + 2], out[f + 3], th.class1, 'Aĵ');
    });
    const focused = drag.keyboardFocused; // not after a click (drag.js)
    if (mix >= 1) {
      plot.handle(A[0], A[2], { focused: (focused && active === 0) || drag.grabbed === 0, color: th.class0 });
      plot.handle(A[1], A[3], { focused: (focused && active === 1) || drag.grabbed === 1, color: th.class1 });
    }
  }

  function drawEigen(c, th) {
    const { eig } = info;
    const n = eig.directions;
    for (let k = 0; k < n; k++) {
      const vx = eig.vectors[2 * k]; const vy = eig.vectors[2 * k + 1];
      plot.segment(-3 * SPAN * vx, -3 * SPAN * vy, 3 * SPAN * vx, 3 * SPAN * vy, { color: th.good, width: 1.5, dash: [8, 5] });
      // Eigenvalues of the blend are 1 − t + tλ (same eigenvectors): the arrow shows that stretch.
      const lam = 1 - mix + mix * eig.values[k];
      arrow(c, plot, 0, 0, lam * vx, lam * vy, th.good, eig.kind === 'scalar' ? '' : `λ${k ? '₂' : '₁'}v`, 3);
    }
  }

  function dot(c, x, y, r, color) { c.beginPath(); c.arc(x, y, r, 0, Math.PI * 2); c.fillStyle = color; c.fill(); }

  // Dragging the tip of Aî sets the first column (a, c); Aĵ the second (b, d).
  const tips = () => [[A[0], A[2]], [A[1], A[3]]];
  // The arrow tip (0: Aî, 1: Aĵ) within 28 px of a position (data coordinates), or null; tips
  // can be grabbed only once the animation shows the matrix in full.
  function nearest(pos) {
    if (mix < 1) return null;
    const px = plot.px(pos.x); const py = plot.py(pos.y);
    let best = null; let bestD = 28;
    tips().forEach(([x, y], k) => { const d = Math.hypot(plot.px(x) - px, plot.py(y) - py); if (d < bestD) { bestD = d; best = k; } });
    return best;
  }
  const snap = (v) => Math.round(Math.max(-SPAN, Math.min(SPAN, v)) * 10) / 10;
  function moveTip(k, x, y) {
    const next = A.slice();
    if (k === 0) { next[0] = x; next[2] = y; } else { next[1] = x; next[3] = y; }
    opts.preset = 'custom'; presetSelect.value = 'custom';
    setMatrix(next);
  }
  // Tips move by pointer (snapped) or by arrow keys: 0.1 a press, 1 with Shift (drag.js gives
  // ±1, ±10); Enter or Space switches arrow; Escape puts the matrix back.
  const drag = ctx.drag(plot, {
    hit: nearest,
    grab: (k) => { pause(); active = k; },
    moveOnPress: false,
    move: (p, k) => moveTip(k, snap(p.x), snap(p.y)),
    release: () => ctx.requestDraw(draw),
    key: (dx, dy) => {
      if (mix < 1) { pause(); mix = 1; showBlend(); }
      const [x, y] = tips()[active];
      moveTip(active, snap(x + dx * 0.1), snap(y + dy * 0.1));
    },
    enter: () => { active = 1 - active; card.setMessage(t('matrix-transform.keysNow', { second: active === 1 }), 'info'); ctx.requestDraw(draw); },
    snapshot: () => A.slice(),
    restore: (saved) => setMatrix(saved.slice()),
    onFocusChange: (on) => {
      if (on) card.setMessage(t('matrix-transform.keys', { second: active === 1 }), 'info');
      ctx.requestDraw(draw);
    },
  });

  setMatrix(A);

  return {
    update(next) {
      opts = { ...next };
      presetSelect.value = opts.preset;
      angleSlider.set(opts.angle);
      eigenBox.checked = opts.eigen;
      pause(); mix = 1; blend.set(1);
      setMatrix(PRESETS[opts.preset].matrix(opts.angle));
    },
  };
}
