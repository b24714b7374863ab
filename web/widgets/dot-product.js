// The dot product (landscape, vectors-and-matrices lesson): drag two vectors a and b and read
// a·b, |a||b|cos ω, the angle, the cosine similarity and the shadow (projection) of a on b, drawn
// as the foot of the perpendicular. Every number comes from the engine (vectorDot, vectorAngle,
// vectorCosine, vectorProjection); the widget only draws and explains the sign in words.
import { mountWidget, attempt } from '../lib/widget.js';
import { Plot } from '../lib/plot.js';
import { describeError, el, fixed } from '../lib/ui.js';
import { arrow } from '../lib/marks.js';
import { equalDomain } from '../lib/domain.js';
import { vec } from '../lib/linear-algebra.js';
import { messages } from './dot-product.messages.js';

export const schema = {
  ax: { type: 'number', min: -4, max: 4, default: 3, description: 'First coordinate of a.' },
  ay: { type: 'number', min: -4, max: 4, default: 1, description: 'Second coordinate of a.' },
  bx: { type: 'number', min: -4, max: 4, default: 1, description: 'First coordinate of b.' },
  by: { type: 'number', min: -4, max: 4, default: 2, description: 'Second coordinate of b.' },
};

export const meta = { title: messages['dot-product.title'], hint: messages['dot-product.hint'] };

const SPAN = 4;
// Each preset's button text is dot-product.preset.<id> in the table. Exported for the lesson's
// claims test: the lesson names the vectors each button sets.
export const PRESET = {
  same: { a: [3, 1.5], b: [2, 1] },
  perpendicular: { a: [-1, 2], b: [2, 1] },
  opposite: { a: [-3, -1], b: [2, 1] },
};
const ZERO = 1e-9;

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, options, t } = ctx;
  let opts = { ...options };
  const v = { a: [opts.ax, opts.ay], b: [opts.bx, opts.by] };
  let r = null;              // engine results for the current a, b
  let active = 'a';

  const plot = ctx.own(new Plot(card.stage, { aspect: 0.9, minHeight: 280, maxHeight: 480, domain: [-SPAN, SPAN, -SPAN, SPAN], label: t('dot-product.plot'), onResize: () => ctx.requestDraw(draw) }));
  plot.canvas.tabIndex = 0;
  card.stage.append(el('p', { className: 'dw-figure-caption', text: t('dot-product.caption') }));

  const row = el('div', { className: 'dw-buttons' });
  for (const [id, p] of Object.entries(PRESET)) {
    const b = el('button', { type: 'button', className: 'dw-btn', text: t(`dot-product.preset.${id}`) });
    b.addEventListener('click', () => { v.a = p.a.slice(); v.b = p.b.slice(); compute(); });
    row.append(b);
  }
  card.controls.append(row);

  const stat = {
    a: card.stat(t('dot-product.vector.a')), b: card.stat(t('dot-product.vector.b')), dot: card.stat(t('dot-product.stat.dot')), product: card.stat(t('dot-product.stat.product')),
    angle: card.stat(t('dot-product.stat.angle')), cos: card.stat(t('dot-product.stat.cos')), shadow: card.stat(t('dot-product.stat.shadow')),
  };

  function compute() {
    const { a, b } = v;
    stat.a.set(vec(a[0], a[1]));
    stat.b.set(vec(b[0], b[1]));
    r = { dot: attempt(card, () => ml.vectorDot(a, b), null) };
    // The angle, cosine and projection are undefined for a zero vector: the engine says so.
    const tryCall = (fn) => { try { return { value: fn() }; } catch (err) { return { error: describeError(err) }; } };
    r.angle = tryCall(() => ml.vectorAngle(a, b));
    r.cos = tryCall(() => ml.vectorCosine(a, b));
    r.proj = tryCall(() => ml.vectorProjection(a, b));
    const p = r.proj.value;
    stat.dot.set(fixed(r.dot, 3));
    stat.product.set(p && r.cos.value !== undefined ? fixed(p.normA * p.normB * r.cos.value, 3) : '–');
    stat.angle.set(r.angle.value !== undefined ? t('dot-product.degrees', { angle: fixed((r.angle.value * 180) / Math.PI, 1) }) : '–');
    stat.cos.set(r.cos.value !== undefined ? fixed(r.cos.value, 3) : '–');
    stat.shadow.set(p ? fixed(p.scalar, 3) : '–');
    describe();
    plot.canvas.setAttribute('aria-label', t('dot-product.figure', { a: vec(a[0], a[1]), b: vec(b[0], b[1]), dot: fixed(r.dot, 3) }));
    ctx.requestDraw(draw);
  }

  function describe() {
    const p = r.proj.value;
    if (r.dot === null) return;
    if (!p) { card.setMessage(t('dot-product.zeroB'), 'warn'); return; }
    if (r.angle.value === undefined) { card.setMessage(t('dot-product.zeroA'), 'warn'); return; }
    const deg = t('dot-product.degrees', { angle: fixed((r.angle.value * 180) / Math.PI, 1) });
    const same = t('dot-product.similarity', { cos: fixed(r.cos.value, 3) });
    if (Math.abs(r.dot) <= ZERO) {
      card.setMessage(t('dot-product.perpendicular', { deg }), 'info');
    } else if (r.dot > 0) {
      card.setMessage(t('dot-product.positive', { dot: fixed(r.dot, 3), deg, same }), 'ok');
    } else {
      card.setMessage(t('dot-product.negative', { dot: fixed(r.dot, 3), deg, same }), 'warn');
    }
  }

  function draw() {
    plot.refreshTheme();
    const th = plot.theme;
    equalDomain(plot, 0, 0, SPAN, SPAN);
    const c = plot.begin();
    plot.axes({ xLabel: t('dot-product.axis.x'), yLabel: t('dot-product.axis.y') });
    const { a, b } = v;
    const p = r && r.proj.value;
    plot.clipToArea(() => {
      const nb = Math.hypot(b[0], b[1]);
      if (nb > 0) {
        // The line through b, on which the shadow falls.
        const L = 4 * SPAN / nb;
        plot.segment(-L * b[0], -L * b[1], L * b[0], L * b[1], { color: th.truth, width: 1, dash: [4, 4] });
      }
      if (p) {
        const fx = p.vector[0]; const fy = p.vector[1];
        plot.segment(a[0], a[1], fx, fy, { color: th.truth, width: 1.5, dash: [6, 4] });
        // A right-angle mark at the foot, when the perpendicular has length.
        const ux = b[0] / p.normB; const uy = b[1] / p.normB;
        const px = a[0] - fx; const py = a[1] - fy; const pl = Math.hypot(px, py);
        if (pl > 0.15) {
          const s = 0.18; const qx = (px / pl) * s; const qy = (py / pl) * s;
          const dir = p.scalar >= 0 ? -1 : 1;
          plot.path([fx + dir * ux * s, fx + dir * ux * s + qx, fx + qx], [fy + dir * uy * s, fy + dir * uy * s + qy, fy + qy], { color: th.textMuted, width: 1 });
        }
        arrow(c, plot, 0, 0, fx, fy, th.good, '', 6);
      }
      if (r && r.angle.value !== undefined) {
        // The angle ω as an arc from a to b, the short way round.
        const a0 = Math.atan2(a[1], a[0]); let a1 = Math.atan2(b[1], b[0]);
        let d = a1 - a0; if (d > Math.PI) d -= 2 * Math.PI; if (d < -Math.PI) d += 2 * Math.PI; a1 = a0 + d;
        const rad = 28;
        c.beginPath(); c.arc(plot.px(0), plot.py(0), rad, -a0, -a1, d > 0); c.strokeStyle = th.textMuted; c.lineWidth = 1.5; c.stroke();
        const mid = (a0 + a1) / 2;
        c.fillStyle = th.text; c.font = `13px ${th.font}`; c.textAlign = 'center'; c.textBaseline = 'middle';
        c.fillText(t('dot-product.angleMark'), plot.px(0) + (rad + 10) * Math.cos(mid), plot.py(0) - (rad + 10) * Math.sin(mid));
      }
      arrow(c, plot, 0, 0, b[0], b[1], th.class1, t('dot-product.vector.b'));
      arrow(c, plot, 0, 0, a[0], a[1], th.class0, t('dot-product.vector.a'));
    });
    const focused = drag.keyboardFocused; // not after a click (drag.js)
    plot.handle(b[0], b[1], { focused: (focused && active === 'b') || drag.grabbed === 'b', color: th.class1 });
    plot.handle(a[0], a[1], { focused: (focused && active === 'a') || drag.grabbed === 'a', color: th.class0 });
  }

  const snap = (x) => Math.round(Math.max(-SPAN, Math.min(SPAN, x)) * 10) / 10;
  // The vector tip within 28 px of a position (data coordinates), or null.
  function nearest(pos) {
    const px = plot.px(pos.x); const py = plot.py(pos.y);
    let best = null; let bestD = 28;
    for (const k of ['a', 'b']) {
      const d = Math.hypot(plot.px(v[k][0]) - px, plot.py(v[k][1]) - py);
      if (d < bestD) { bestD = d; best = k; }
    }
    return best;
  }

  // Tips move by pointer (snapped) or by arrow keys: 0.1 a press, 1 with Shift (drag.js gives
  // ±1, ±10); Enter or Space switches between a and b; Escape puts them back.
  const drag = ctx.drag(plot, {
    hit: nearest,
    grab: (k) => { active = k; },
    moveOnPress: false,
    move: (p, k) => {
      const next = [snap(p.x), snap(p.y)];
      if (next[0] !== v[k][0] || next[1] !== v[k][1]) { v[k] = next; compute(); }
    },
    release: () => ctx.requestDraw(draw),
    key: (dx, dy) => {
      v[active] = [snap(v[active][0] + dx * 0.1), snap(v[active][1] + dy * 0.1)];
      compute();
    },
    enter: () => { active = active === 'a' ? 'b' : 'a'; card.setMessage(t('dot-product.keys.switched', { vector: t(`dot-product.vector.${active}`) }), 'info'); ctx.requestDraw(draw); },
    snapshot: () => ({ a: v.a.slice(), b: v.b.slice() }),
    restore: (saved) => { v.a = saved.a.slice(); v.b = saved.b.slice(); compute(); },
    onFocusChange: (on) => {
      if (on) card.setMessage(t('dot-product.keys', { vector: t(`dot-product.vector.${active}`) }), 'info');
      ctx.requestDraw(draw);
    },
  });

  compute();

  return {
    update(next) {
      opts = { ...next };
      v.a = [opts.ax, opts.ay]; v.b = [opts.bx, opts.by];
      compute();
    },
  };
}
