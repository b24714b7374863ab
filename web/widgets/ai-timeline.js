// AI timeline (landscape, history lesson): the milestones of AI from the 1943 artificial neuron to
// today's language models, drawn on one canvas over shaded eras (symbolic AI, the two winters,
// statistical ML, deep learning). Horizontal on wide cards, vertical on phones. Arrow keys, the
// Earlier/Later buttons or a click select an event; its story appears in a live region with links
// to the course lessons that let the learner try the idea. Content only: no model is trained here.
import { mountWidget } from '../lib/widget.js';
import { el, setDisabled } from '../lib/ui.js';
import { readTheme } from '../lib/theme.js';
import { Board } from '../lib/board.js';
import { legend } from '../lib/legend.js';
import { ERA_LABEL, eraOf, ERAS, EVENTS, FIRST_YEAR, LAST_YEAR, LESSONS } from '../lib/ai-history.js';
import { lessonUrl } from '../lib/lesson-link.js';
import { messages } from './ai-timeline.messages.js';

export const schema = {
  event: { type: 'int', min: 1, max: EVENTS.length, default: 1, description: 'The event selected at the start (1 = 1943, the artificial neuron).' },
  layout: { type: 'enum', values: ['auto', 'horizontal', 'vertical'], default: 'auto', description: 'Timeline direction: auto picks vertical on narrow screens.' },
};

export const meta = { title: messages['ai-timeline.title'], hint: messages['ai-timeline.hint'] };

// Label lanes of the horizontal layout, taken greedily in this order: three above the axis and
// four below. The events from 2012 on (nine, in about 130 px at a 856 px board) need all seven
// without overlapping from a 680 px board up; narrower boards use the vertical layout.
const HORIZONTAL_LANES = [-1, 1, -2, 2, -3, 3, 4];
const HORIZONTAL_MIN_WIDTH = 700;
// The fourth lane below ends 0.52·H + 146 px down (axis at 52 %, 20 px to the first lane, three
// 32 px lane gaps, a 30 px label), so the board is at least 310 px tall.
const HORIZONTAL_SIZE = { aspect: 0.37, minHeight: 310, maxHeight: 390 };
const VERTICAL_SIZE = { aspect: 2.2, minHeight: 640, maxHeight: 900 };

const ERA_TINT = { symbolic: 'class0', winter: 'truth', statistical: 'class2', deep: 'class1' };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { card, options, t } = ctx;
  let opts = { ...options };
  let selected = opts.event - 1;
  let mode = 'horizontal';
  let layout = [];   // per event: { mx, my, box: {x, y, w, h} } in CSS pixels, from the last draw

  const wrap = el('div', { className: 'ai-timeline-board' });
  card.stage.append(wrap);
  // The Board calls onResize from its constructor, before `board` is assigned: relayout waits for it.
  let board = null;
  board = ctx.own(new Board(wrap, { ...HORIZONTAL_SIZE, label: t('ai-timeline.board'), onResize: () => relayout() }));
  board.canvas.tabIndex = 0;
  board.canvas.classList.add('dw-scrollable');

  legend(card.stage, [
    { text: t('ai-timeline.legend.symbolic'), swatch: 'dw-swatch ai-timeline-swatch-symbolic' },
    { text: t('ai-timeline.legend.winter'), swatch: 'dw-swatch ai-timeline-swatch-winter' },
    { text: t('ai-timeline.legend.statistical'), swatch: 'dw-swatch ai-timeline-swatch-statistical' },
    { text: t('ai-timeline.legend.deep'), swatch: 'dw-swatch ai-timeline-swatch-deep' },
  ]);

  const panel = el('div', { className: 'ai-timeline-event', 'aria-live': 'polite' });
  const whenEl = el('p', { className: 'ai-timeline-event-when' });
  const titleEl = el('h4', { className: 'ai-timeline-event-title' });
  const detailEl = el('p', { className: 'ai-timeline-event-detail' });
  const linksEl = el('p', { className: 'ai-timeline-event-links' });
  panel.append(whenEl, titleEl, detailEl, linksEl);
  card.stage.append(panel);

  const nav = el('div', { className: 'dw-buttons' });
  const prevBtn = el('button', { type: 'button', className: 'dw-btn', text: t('ai-timeline.earlier') });
  const nextBtn = el('button', { type: 'button', className: 'dw-btn', text: t('ai-timeline.later') });
  nav.append(prevBtn, nextBtn);
  card.controls.append(nav);
  const stat = { event: card.stat(t('ai-timeline.stat.event')), year: card.stat(t('ai-timeline.stat.year')), era: card.stat(t('ai-timeline.stat.era')) };

  function choose(i) {
    selected = Math.max(0, Math.min(EVENTS.length - 1, i));
    describe();
  }

  function describe() {
    const ev = EVENTS[selected];
    const era = eraOf(ev.year);
    stat.event.set(t('ai-timeline.eventOf', { index: selected + 1, total: EVENTS.length }));
    stat.year.set(ev.when);
    stat.era.set(era === 'early' ? t('ai-timeline.era.early') : ERAS.find((e) => e.kind === era && ev.year >= e.from && ev.year < e.to).name);
    whenEl.textContent = t('ai-timeline.when', { when: ev.when, era: ERA_LABEL[era] });
    titleEl.textContent = ev.title;
    detailEl.textContent = ev.detail;
    linksEl.replaceChildren();
    const links = ev.lessons.map((slug) => [slug, lessonUrl(slug)]).filter(([, href]) => href);
    if (links.length) {
      linksEl.append(el('span', { text: t('ai-timeline.try') }));
      links.forEach(([slug, href], k) => {
        if (k) linksEl.append(el('span', { text: t('ai-timeline.linkSeparator') }));
        linksEl.append(el('a', { href, text: LESSONS[slug] || slug }));
      });
    }
    // At either end the button that led there is disabled: the focus moves to the other one.
    setDisabled(prevBtn, selected === 0, [nextBtn]);
    setDisabled(nextBtn, selected === EVENTS.length - 1, [prevBtn]);
    board.canvas.setAttribute('aria-label', t('ai-timeline.figure', { when: ev.when, title: ev.title }));
    card.setMessage(t('ai-timeline.selected', { when: ev.when, short: ev.short, index: selected + 1, total: EVENTS.length }), 'info');
    ctx.requestDraw(draw);
  }

  function relayout() {
    if (!board) return;
    const want = opts.layout === 'auto' ? (board.width >= HORIZONTAL_MIN_WIDTH ? 'horizontal' : 'vertical') : opts.layout;
    if (want !== mode) {
      mode = want;
      const size = mode === 'vertical' ? VERTICAL_SIZE : HORIZONTAL_SIZE;
      board.minHeight = size.minHeight; board.maxHeight = size.maxHeight; board.setAspect(size.aspect);
      return;   // setAspect resizes and calls relayout again
    }
    ctx.requestDraw(draw);
  }

  function colours() {
    const th = readTheme(card.card);
    return { ...th, tint: (kind) => th[ERA_TINT[kind]] };
  }

  function drawEras(c, th, along) {
    // along(year) → position on the time axis; bands span the whole other direction.
    for (const era of ERAS) {
      const a = along(era.from);
      // The last era runs on to the edge of the canvas: it has not ended.
      const b = era.to >= LAST_YEAR ? (mode === 'horizontal' ? board.width : board.height) : along(era.to);
      c.globalAlpha = era.kind === 'winter' ? 0.22 : 0.13;
      c.fillStyle = th.tint(era.kind);
      if (mode === 'horizontal') c.fillRect(a, 0, b - a, board.height); else c.fillRect(0, a, board.width, b - a);
      c.globalAlpha = 1;
    }
    c.font = `11px ${th.font}`;
    c.fillStyle = th.textMuted;
    for (const era of ERAS) {
      const a = along(era.from); const b = along(Math.min(era.to, LAST_YEAR));
      const room = Math.abs(b - a) - 6;
      const name = [era.name, era.short].find((s) => s && c.measureText(s).width <= room);
      if (!name) continue;
      if (mode === 'horizontal') {
        c.textAlign = 'left'; c.textBaseline = 'top';
        c.fillText(name, a + 3, 4);
      } else {
        c.save(); c.translate(12, b - 3); c.rotate(-Math.PI / 2);
        c.textAlign = 'left'; c.textBaseline = 'middle';
        c.fillText(name, 0, 0); c.restore();
      }
    }
  }

  function draw() {
    const c = board.begin();
    const th = colours();
    const W = board.width; const H = board.height;
    const focused = document.activeElement === board.canvas;
    layout = [];
    // The decade labels are written last, over a halo of the card's colour: the recent events
    // crowd round 2020, and their leader lines and the selected marker's ring used to cross it.
    const tickLabels = [];
    let tickAlign = null;
    c.font = `12px ${th.font}`;
    if (mode === 'horizontal') {
      const left = 24; const right = 24; const axisY = Math.round(H * 0.52);
      const x = (y) => left + ((y - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR)) * (W - left - right);
      drawEras(c, th, x);
      c.strokeStyle = th.textMuted; c.lineWidth = 1.5;
      c.beginPath(); c.moveTo(left, axisY); c.lineTo(W - right, axisY); c.stroke();
      for (let y = 1940; y <= 2020; y += 10) {
        c.beginPath(); c.moveTo(x(y), axisY - 3); c.lineTo(x(y), axisY + 3); c.stroke();
        tickLabels.push({ text: String(y), x: x(y), y: axisY + 5 });
      }
      tickAlign = { textAlign: 'center', textBaseline: 'top' };
      // Labels (year over title) in lanes alternating above and below the axis, greedily: each
      // label takes the first lane where it does not overlap the previous label of that lane.
      const laneGap = 32; const lanes = HORIZONTAL_LANES;
      const lastRight = new Map();
      EVENTS.forEach((ev) => {
        c.font = `600 12px ${th.font}`;
        const w = Math.max(c.measureText(ev.short).width, 30) + 8;
        const mx = x(ev.year);
        const bx = Math.max(2, Math.min(W - w - 2, mx - w / 2));
        let lane = lanes.find((l) => (lastRight.get(l) ?? -Infinity) < bx - 2);
        if (lane === undefined) lane = lanes.reduce((best, l) => ((lastRight.get(l) ?? 0) < (lastRight.get(best) ?? 0) ? l : best), lanes[0]);
        lastRight.set(lane, bx + w);
        const h = 30;
        const by = lane < 0 ? axisY - 14 + lane * laneGap - 6 : axisY + 20 + (lane - 1) * laneGap;
        layout.push({ mx, my: axisY, box: { x: bx, y: by, w, h } });
      });
    } else {
      // Recent events crowd together (nine from 2012 on); the bottom margin leaves room for
      // their stacked labels: 22 px each from 2012 must fit above the canvas's bottom.
      const top = 16; const axisX = 78;
      const perYear = (H - top - 40) / (LAST_YEAR - FIRST_YEAR);
      const recent = EVENTS.filter((ev) => ev.year >= 2012).length;
      const bottom = Math.max(40, recent * 22 + 14 - 14 * perYear);
      const y = (yr) => top + ((yr - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR)) * (H - top - bottom);
      drawEras(c, th, y);
      c.strokeStyle = th.textMuted; c.lineWidth = 1.5;
      c.beginPath(); c.moveTo(axisX, top); c.lineTo(axisX, H - bottom); c.stroke();
      for (let yr = 1940; yr <= 2020; yr += 10) {
        c.beginPath(); c.moveTo(axisX - 3, y(yr)); c.lineTo(axisX + 3, y(yr)); c.stroke();
        tickLabels.push({ text: String(yr), x: axisX - 6, y: y(yr) });
      }
      tickAlign = { textAlign: 'right', textBaseline: 'middle' };
      // One label per event to the right of the axis, pushed down when it would overlap.
      let nextFree = -Infinity;
      EVENTS.forEach((ev) => {
        const my = y(ev.year);
        const h = 20;
        const by = Math.max(my - h / 2, nextFree);
        nextFree = by + h + 2;
        c.font = `600 12px ${th.font}`;
        const w = c.measureText(`${ev.when}  ${ev.short}`).width + 10;
        layout.push({ mx: axisX, my, box: { x: axisX + 22, y: by, w: Math.min(w, W - axisX - 24), h } });
      });
    }
    // Leader lines first (all of them), then labels and markers on top, so no line crosses a label.
    const order = EVENTS.map((_, i) => i).filter((i) => i !== selected).concat([selected]);
    for (const i of order) {
      const L = layout[i]; const b = L.box;
      c.strokeStyle = i === selected ? th.accent : th.textMuted; c.lineWidth = i === selected ? 2 : 1;
      c.globalAlpha = i === selected ? 1 : 0.6;
      c.beginPath();
      if (mode === 'horizontal') { c.moveTo(L.mx, L.my); c.lineTo(Math.max(b.x + 4, Math.min(b.x + b.w - 4, L.mx)), b.y < L.my ? b.y + b.h : b.y); } else { c.moveTo(L.mx, L.my); c.lineTo(b.x, b.y + b.h / 2); }
      c.stroke();
      c.globalAlpha = 1;
    }
    order.forEach((i) => {
      const ev = EVENTS[i];
      const L = layout[i];
      const sel = i === selected;
      const bx = L.box.x; const by = L.box.y; const bw = L.box.w; const bh = L.box.h;
      c.fillStyle = sel ? th.accent : th.surface;
      roundRect(c, bx, by, bw, bh, 5); c.fill();
      c.strokeStyle = sel ? th.accent : th.border; c.lineWidth = 1; roundRect(c, bx, by, bw, bh, 5); c.stroke();
      c.fillStyle = sel ? th.surface : th.text;
      if (mode === 'horizontal') {
        c.textAlign = 'center'; c.textBaseline = 'top';
        c.font = `11px ${th.mono}`; c.fillText(ev.when, bx + bw / 2, by + 2);
        c.font = `600 12px ${th.font}`; c.fillText(ev.short, bx + bw / 2, by + 15);
      } else {
        c.textAlign = 'left'; c.textBaseline = 'middle';
        c.font = `600 12px ${th.font}`; c.fillText(`${ev.when}  ${ev.short}`, bx + 5, by + bh / 2);
      }
      c.beginPath(); c.arc(L.mx, L.my, sel ? 7 : 4.5, 0, Math.PI * 2);
      c.fillStyle = sel ? th.accent : th.model; c.fill();
      c.strokeStyle = th.surface; c.lineWidth = 1.5; c.stroke();
      if (sel && focused) { c.beginPath(); c.arc(L.mx, L.my, 12, 0, Math.PI * 2); c.strokeStyle = th.accent; c.lineWidth = 2; c.stroke(); }
    });
    c.font = `11px ${th.mono}`; c.textAlign = tickAlign.textAlign; c.textBaseline = tickAlign.textBaseline;
    c.lineJoin = 'round'; c.lineWidth = 3; c.strokeStyle = th.surface; c.fillStyle = th.textMuted;
    for (const label of tickLabels) { c.strokeText(label.text, label.x, label.y); c.fillText(label.text, label.x, label.y); }
  }

  function roundRect(c, x, y, w, h, r) {
    c.beginPath();
    c.moveTo(x + r, y); c.arcTo(x + w, y, x + w, y + h, r); c.arcTo(x + w, y + h, x, y + h, r);
    c.arcTo(x, y + h, x, y, r); c.arcTo(x, y, x + w, y, r); c.closePath();
  }

  // The event under the pointer: inside a label, or the nearest marker within reach.
  function hit(px, py) {
    for (let i = layout.length - 1; i >= 0; i--) {
      const b = layout[i].box;
      if (px >= b.x && px <= b.x + b.w && py >= b.y && py <= b.y + b.h) return i;
    }
    let best = -1; let bestD = 24;
    layout.forEach((L, i) => { const d = Math.hypot(px - L.mx, py - L.my); if (d < bestD) { bestD = d; best = i; } });
    return best;
  }

  const onPointer = (e) => {
    const r = board.canvas.getBoundingClientRect();
    const i = hit(e.clientX - r.left, e.clientY - r.top);
    if (i >= 0) choose(i);
  };
  const onKey = (e) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (step) choose(selected + step * (e.shiftKey ? 5 : 1));
    else if (e.key === 'Home') choose(0);
    else if (e.key === 'End') choose(EVENTS.length - 1);
    else return;
    e.preventDefault();
  };
  const onFocus = () => ctx.requestDraw(draw);
  const onPrev = () => choose(selected - 1);
  const onNext = () => choose(selected + 1);
  ctx.listen(board.canvas, 'click', onPointer);
  ctx.listen(board.canvas, 'keydown', onKey);
  ctx.listen(board.canvas, 'focus', onFocus);
  ctx.listen(board.canvas, 'blur', onFocus);
  ctx.listen(prevBtn, 'click', onPrev);
  ctx.listen(nextBtn, 'click', onNext);

  relayout();
  describe();

  return {
    update(next) {
      const layoutChanged = next.layout !== opts.layout;
      opts = { ...next };
      if (layoutChanged) { mode = ''; relayout(); }
      choose(opts.event - 1);
    },
  };
}
