// The big output view: the engine's prediction over the plane as a heat map (drawn at grid
// resolution, stretched by drawImage), the data on top (training points solid, test points
// hollow), and — in edit mode — your own points: click/tap to add one of the chosen class, drag
// to move, or use the delete tool. Keyboard: arrows move a cross-hair (Shift ×10), Enter or
// Space applies the tool there (move: first press picks the nearest point, second drops it),
// Escape cancels.
import { Plot } from '../../lib/plot.js';
import { drawGridImage } from '../../lib/heatmap.js';
import { commandKey, el } from '../../lib/ui.js';
import { DOMAIN } from './settings.js';

const PICK_RADIUS_PX = 18;

export function createOutputView(parent, handlers, t) {
  const wrap = el('div', { className: 'nnp-output' });
  parent.append(wrap);
  const plot = new Plot(wrap, { aspect: 1, minHeight: 240, maxHeight: 560, domain: [-DOMAIN, DOMAIN, -DOMAIN, DOMAIN], label: t('nn-playground.outputPlot'), onResize: handlers.onResize });
  plot.margin = { left: 30, right: 8, top: 8, bottom: 24 };
  plot.canvas.tabIndex = 0;
  const caption = el('p', { className: 'nnp-caption', 'aria-live': 'polite' });
  wrap.append(caption);

  let editing = false;
  let tool = 'add';
  let cursor = { x: 0, y: 0 };
  let keyboardCursor = false;
  let drag = null; // { index, pointerId, moved }
  let carried = -1; // keyboard move: the index picked up
  let scene = null;

  function resize() {
    // Keep the plotting area square whatever the margins.
    const m = plot.margin;
    const w = plot.width - m.left - m.right;
    const h = w;
    const want = Math.round(h + m.top + m.bottom);
    if (plot.height !== want && want > 0) {
      plot.minHeight = want;
      plot.maxHeight = want;
      plot.resize();
    }
  }

  function nearest(pos, maxPx = PICK_RADIUS_PX) {
    if (!scene) return -1;
    const { X } = scene.data;
    let best = -1;
    let bestD = Infinity;
    for (let i = 0; i < X.length / 2; i++) {
      if (!editing && scene.isTest(i) && !scene.showTest) continue;
      const d = Math.hypot(plot.px(X[2 * i]) - plot.px(pos.x), plot.py(X[2 * i + 1]) - plot.py(pos.y));
      if (d < bestD) { bestD = d; best = i; }
    }
    return bestD <= maxPx ? best : -1;
  }

  const inside = (p) => Math.abs(p.x) <= DOMAIN && Math.abs(p.y) <= DOMAIN;
  const clampPos = (p) => ({ x: Math.max(-DOMAIN, Math.min(DOMAIN, p.x)), y: Math.max(-DOMAIN, Math.min(DOMAIN, p.y)) });

  const onDown = (e) => {
    if (!editing) return;
    const pos = plot.eventToData(e);
    if (!inside(pos)) return;
    keyboardCursor = false;
    const hitIndex = nearest(pos);
    e.preventDefault();
    if (tool === 'delete') { if (hitIndex >= 0) handlers.onDelete(hitIndex); return; }
    if (hitIndex >= 0 && tool === 'move') {
      drag = { index: hitIndex, pointerId: e.pointerId, moved: false, pos };
      plot.canvas.setPointerCapture(e.pointerId);
      plot.canvas.style.cursor = 'grabbing';
      return;
    }
    if (tool === 'add') handlers.onAdd(pos);
  };
  const onMove = (e) => {
    const pos = plot.eventToData(e);
    if (drag && e.pointerId === drag.pointerId) {
      drag.pos = clampPos(pos);
      drag.moved = true;
      handlers.onRedraw();
      return;
    }
    if (!editing) { handlers.onHoverPoint(inside(pos) ? pos : null); return; }
    plot.canvas.style.cursor = tool === 'add' ? 'crosshair' : nearest(pos) >= 0 ? (tool === 'move' ? 'grab' : 'pointer') : 'default';
  };
  const onUp = (e) => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    const d = drag;
    drag = null;
    plot.canvas.style.cursor = 'grab';
    if (d.moved) handlers.onMovePoint(d.index, d.pos);
  };
  const onLeave = () => { if (!editing) handlers.onHoverPoint(null); };
  const onKey = (e) => {
    if (!editing || commandKey(e)) return;
    const step = e.shiftKey ? 1.5 : 0.15; // data units; Shift moves ten times as far
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[e.key]) {
      keyboardCursor = true;
      cursor = clampPos({ x: cursor.x + moves[e.key][0], y: cursor.y + moves[e.key][1] });
      e.preventDefault();
      handlers.onRedraw();
      return;
    }
    if (e.key === 'Escape') { carried = -1; keyboardCursor = false; handlers.onRedraw(); return; }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      keyboardCursor = true;
      if (tool === 'add') handlers.onAdd({ ...cursor });
      else if (tool === 'delete') {
        const i = nearest(cursor, 40);
        if (i >= 0) handlers.onDelete(i); else handlers.onNote(t('nn-playground.noPointToDelete'));
      } else if (carried >= 0) { const i = carried; carried = -1; handlers.onMovePoint(i, { ...cursor }); } else {
        carried = nearest(cursor, 40);
        handlers.onNote(carried >= 0 ? t('nn-playground.pickedUp') : t('nn-playground.noPointToPickUp'));
        handlers.onRedraw();
      }
    }
  };
  const onFocus = () => { if (editing) { keyboardCursor = true; handlers.onRedraw(); } };
  const c = plot.canvas;
  c.addEventListener('pointerdown', onDown);
  c.addEventListener('pointermove', onMove);
  c.addEventListener('pointerup', onUp);
  c.addEventListener('pointercancel', onUp);
  c.addEventListener('pointerleave', onLeave);
  c.addEventListener('keydown', onKey);
  c.addEventListener('focus', onFocus);
  c.addEventListener('contextmenu', (e) => { if (editing) e.preventDefault(); });

  // s: { image (canvas), data, isTest(i), showTest, regressionScale, captionText }
  function draw(s) {
    scene = s;
    resize();
    const ctx = plot.begin();
    plot.axes({ xLabel: 'x₁', yLabel: 'x₂', xTicks: 6, yTicks: 6 });
    if (s.image) drawGridImage(plot, s.image);
    const { X, y, kind } = s.data;
    plot.clipToArea(() => {
      const mark = (i, px, py) => {
        const test = s.isTest(i);
        if (test && !s.showTest && !editing) return;
        const moving = drag && drag.index === i && drag.moved;
        const at = moving ? drag.pos : { x: px, y: py };
        if (kind === 'regression') {
          // Sign as class mark (blue circle +, orange triangle −); a target of exactly 0 (between
          // the multi-Gaussian's bumps) is a small neutral dot (Plot.point's colour for no class).
          const cls = y[i] > 0 ? 1 : y[i] < 0 ? 0 : -1;
          plot.point(at.x, at.y, cls, { hollow: test, size: 3 + Math.min(3, Math.abs(y[i]) / s.regressionScale * 3), highlight: i === carried || moving });
        } else plot.point(at.x, at.y, y[i], { hollow: test, size: 4, highlight: i === carried || moving });
      };
      for (let i = 0; i < y.length; i++) mark(i, X[2 * i], X[2 * i + 1]);
      if (editing && keyboardCursor && document.activeElement === plot.canvas) {
        const cx = plot.px(cursor.x);
        const cy = plot.py(cursor.y);
        ctx.save();
        ctx.strokeStyle = plot.theme.text;
        ctx.lineWidth = 2;
        ctx.beginPath(); ctx.moveTo(cx - 10, cy); ctx.lineTo(cx + 10, cy); ctx.moveTo(cx, cy - 10); ctx.lineTo(cx, cy + 10); ctx.stroke();
        ctx.restore();
      }
    });
    if (caption.textContent !== s.captionText) caption.textContent = s.captionText;
  }

  return {
    plot,
    draw,
    setEditing(on, nextTool) {
      editing = on;
      tool = nextTool || tool;
      carried = -1;
      plot.canvas.style.cursor = on ? (tool === 'add' ? 'crosshair' : 'default') : 'default';
      // A finger edits the points only while the data is being edited; otherwise a swipe over the map
      // scrolls the page, as over any chart (data-editing in nn-playground.css).
      plot.canvas.dataset.editing = on ? 'true' : 'false';
      plot.canvas.setAttribute('aria-label', on ? t('nn-playground.editingPlot', { tool }) : t('nn-playground.outputWithData'));
    },
    get editing() { return editing; },
    destroy() { plot.canvas.width = 0; plot.canvas.height = 0; scene = null; plot.destroy(); wrap.remove(); },
  };
}
