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

// Every size below is in pixels at the default text size; each is multiplied by the page's text
// scale (board.fontScale), as the canvas fonts are (web/lib/plot.js), so a learner's 200 % text
// gets boxes, rows and lanes twice as large instead of labels printed over each other.
//
// Label lanes of the horizontal layout, taken greedily in this order: three above the axis and
// four below. The events from 2012 on (nine, in about 130 px at a 856 px board) need all seven
// without overlapping from a 680 px board up at the default text size; a narrower board, or a
// larger text whose labels need more lanes or whose era captions do not fit their bands, gets
// the vertical layout.
const HORIZONTAL_LANES = [-1, 1, -2, 2, -3, 3, 4];
const HORIZONTAL_MIN_WIDTH = 700;
// A horizontal label: the year at 2 px from the box's top, the name 13 px lower, 30 px in all;
// lanes 32 px apart, the first one 20 px from the axis (clear of the decade numbers under it).
const HORIZONTAL_BOX = { yearTop: 2, lineStep: 13, height: 30, laneGap: 32, firstLane: 20 };
// The board's height by its width (clamped) unless its lanes need more; the axis sits at 52 % of it.
const HORIZONTAL_SIZE = { aspect: 0.37, minHeight: 310, maxHeight: 390 };
// A vertical label: one line of "year  name" when it fits beside the axis, otherwise the year over
// the name wrapped into lines, 16 px each with 2 px above and below; 2 px between stacked labels.
const VERTICAL_BOX = { padX: 4, padY: 2, line: 16, gap: 2 };
const VERTICAL_SIZE = { aspect: 2.2, minHeight: 640, maxHeight: 900 };
const NAME_FONT = '600 12px';
const YEAR_FONT = '11px';

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
  let plan = null;   // the labels' places for the board's width and text size (relayout)

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

  // The mode (auto: horizontal when the board is wide enough and every label and era caption fits
  // there), then the labels' plan for it; the board takes the height the plan needs, and that
  // resize comes back here and draws.
  function relayout() {
    if (!board) return;
    const th = colours();
    const W = board.width;
    const across = planHorizontal(th, W, HORIZONTAL_LANES);
    mode = opts.layout === 'auto' ? (W >= HORIZONTAL_MIN_WIDTH && across.fits ? 'horizontal' : 'vertical') : opts.layout;
    plan = mode === 'horizontal' ? (across.fits ? across : planHorizontal(th, W, laneOrder(EVENTS.length))) : planVertical(th, W);
    if (board.height !== plan.height) {
      board.minHeight = plan.height; board.maxHeight = plan.height;
      board.resize();
      return;
    }
    ctx.requestDraw(draw);
  }

  function colours() {
    const th = readTheme(card.card);
    return { ...th, tint: (kind) => th[ERA_TINT[kind]] };
  }

  // HORIZONTAL_LANES, then further lanes alternately above and below, `count` in all.
  function laneOrder(count) {
    const lanes = HORIZONTAL_LANES.slice(0, count);
    for (let k = 4; lanes.length < count; k++) lanes.push(-k, k + 1);
    return lanes.slice(0, count);
  }

  const yearOnAxis = (year, a, b) => a + ((year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR)) * (b - a);

  // Which form of each era's caption fits along its band (`along` maps a year to the time axis), or
  // null when none does.
  function eraCaptions(th, along) {
    const c = board.ctx;
    c.font = `${YEAR_FONT} ${th.font}`;
    return ERAS.map((era) => {
      const a = along(era.from); const b = along(Math.min(era.to, LAST_YEAR));
      return [era.name, era.short].find((name) => name && c.measureText(name).width <= Math.abs(b - a) - 6) || null;
    });
  }

  // Horizontal: each label a box (year over name) centred over its marker where the board allows,
  // in the first of `lanes` where it clears the label before it. fits: every label found a lane
  // and every era its caption.
  function planHorizontal(th, W, lanes) {
    const s = board.fontScale;
    const c = board.ctx;
    const B = HORIZONTAL_BOX;
    const left = 24; const right = 24;
    const x = (year) => yearOnAxis(year, left, W - right);
    let fits = true;
    const lastRight = new Map();
    const labels = EVENTS.map((ev) => {
      c.font = `${NAME_FONT} ${th.font}`; const nameWidth = c.measureText(ev.short).width;
      c.font = `${YEAR_FONT} ${th.mono}`; const yearWidth = c.measureText(ev.when).width;
      const w = Math.max(nameWidth, yearWidth, 30 * s) + 8 * s;
      const mx = x(ev.year);
      const bx = Math.max(2, Math.min(W - w - 2, mx - w / 2));
      let lane = lanes.find((l) => (lastRight.get(l) ?? -Infinity) < bx - 2);
      if (lane === undefined) {
        fits = false;
        lane = lanes.reduce((best, l) => ((lastRight.get(l) ?? 0) < (lastRight.get(best) ?? 0) ? l : best), lanes[0]);
      }
      lastRight.set(lane, bx + w);
      return { mx, lane, bx, w };
    });
    if (eraCaptions(th, x).some((name) => !name)) fits = false;
    // Room the lanes need above the axis (under the era captions, 4 px from the top) and below it.
    const above = Math.max(0, ...labels.map((l) => -l.lane));
    const below = Math.max(0, ...labels.map((l) => l.lane));
    const captionRow = 4 + 14 * s;
    const roomAbove = captionRow + (B.firstLane + B.laneGap * above) * s;
    const roomBelow = (B.firstLane + B.laneGap * (below - 1) + B.height) * s + 2;
    const natural = Math.round(Math.min(HORIZONTAL_SIZE.maxHeight, Math.max(HORIZONTAL_SIZE.minHeight, W * HORIZONTAL_SIZE.aspect)));
    const height = Math.ceil(Math.max(natural, roomAbove + roomBelow, roomBelow / 0.48));
    const axisY = Math.max(Math.round(height * 0.52), Math.ceil(roomAbove));
    const boxes = labels.map(({ mx, lane, bx, w }) => {
      const by = lane < 0 ? axisY + (-B.firstLane + B.laneGap * lane) * s : axisY + (B.firstLane + B.laneGap * (lane - 1)) * s;
      return { mx, my: axisY, box: { x: bx, y: by, w, h: B.height * s } };
    });
    return { mode: 'horizontal', fits, height, axisY, left, right, x, boxes };
  }

  // Vertical: the axis down the left, the decade numbers and the rotated era captions beside it;
  // each label to its right at its year, pushed down when it would overlap the one above. The
  // board's height by its width (times the text scale) when the labels fit in it, with the axis
  // ending early enough for the crowded recent events to stack under it; taller when they do not.
  function planVertical(th, W) {
    const s = board.fontScale;
    const c = board.ctx;
    const B = VERTICAL_BOX;
    c.font = `${YEAR_FONT} ${th.mono}`;
    let tickWidth = 0;
    for (let yr = 1940; yr <= 2020; yr += 10) tickWidth = Math.max(tickWidth, c.measureText(String(yr)).width);
    const captionX = 12 * s;
    const axisX = Math.round(Math.max(78, captionX + 7 * s + tickWidth + 6 * s));
    const bx = axisX + 16; // clear of the selected marker's focus ring (12 px)
    const textRoom = W - bx - 2 - 2 * B.padX * s;
    // All labels alike: each on one line when every one fits, or else each year over its name.
    c.font = `${NAME_FONT} ${th.font}`;
    const oneLine = (ev) => `${ev.when}  ${ev.short}`;
    const single = EVENTS.every((ev) => c.measureText(oneLine(ev)).width <= textRoom);
    const labels = EVENTS.map((ev) => {
      c.font = `${NAME_FONT} ${th.font}`;
      const lines = single
        ? [{ text: oneLine(ev) }]
        : [{ text: ev.when, mono: true }, ...wrapText(c, ev.short, textRoom).map((text) => ({ text }))];
      let widest = 0;
      for (const line of lines) {
        c.font = line.mono ? `${YEAR_FONT} ${th.mono}` : `${NAME_FONT} ${th.font}`;
        widest = Math.max(widest, c.measureText(line.text).width);
      }
      return { lines, w: widest + 2 * B.padX * s, h: (2 * B.padY + lines.length * B.line) * s };
    });
    const gap = B.gap * s;
    const top = Math.max(16, labels[0].h / 2 + 4);
    const pad = 4;
    const at = EVENTS.map((ev) => (ev.year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR));
    // below[i]: from label i's top to the bottom of the last label when all from i on are stacked.
    const below = [];
    for (let i = labels.length - 1, sum = -gap; i >= 0; i--) { sum += labels[i].h + gap; below[i] = sum; }
    const stackEnd = (axis) => Math.max(...labels.map((l, i) => top + at[i] * axis - l.h / 2 + below[i]));
    // As tall as the text is large: the labels' rows grow with it, and so must the years between them.
    const natural = Math.round(s * Math.min(VERTICAL_SIZE.maxHeight, Math.max(VERTICAL_SIZE.minHeight, W * VERTICAL_SIZE.aspect)));
    const longest = natural - top - 40 * s;
    // The longest axis whose stacked labels still end inside the natural height.
    const fitting = Math.min(longest, ...labels.map((l, i) => (natural - pad - top + l.h / 2 - below[i]) / at[i]));
    let axis = longest;
    let height = natural;
    if (stackEnd(longest) + pad > natural) {
      if (fitting >= longest / 2) axis = fitting;
      else { axis = Math.max(longest, below[0]); height = Math.ceil(stackEnd(axis) + pad); }
    }
    const y = (year) => yearOnAxis(year, top, top + axis);
    let nextFree = -Infinity;
    const boxes = labels.map((l, i) => {
      const my = y(EVENTS[i].year);
      const by = Math.max(my - l.h / 2, nextFree);
      nextFree = by + l.h + gap;
      return { mx: axisX, my, box: { x: bx, y: by, w: l.w, h: l.h }, lines: l.lines };
    });
    return { mode: 'vertical', height, axisX, top, axisEnd: top + axis, captionX, y, boxes };
  }

  function drawEras(c, th, along) {
    // along(year) → position on the time axis; bands span the whole other direction.
    const end = mode === 'horizontal' ? board.width : board.height;
    for (const era of ERAS) {
      const a = along(era.from);
      // The last era runs on to the edge of the canvas: it has not ended.
      const b = era.to >= LAST_YEAR ? end : along(era.to);
      c.globalAlpha = era.kind === 'winter' ? 0.22 : 0.13;
      c.fillStyle = th.tint(era.kind);
      if (mode === 'horizontal') c.fillRect(a, 0, b - a, board.height); else c.fillRect(0, a, board.width, b - a);
      c.globalAlpha = 1;
    }
    const captions = eraCaptions(th, along);
    c.font = `${YEAR_FONT} ${th.font}`;
    c.fillStyle = th.textMuted;
    ERAS.forEach((era, k) => {
      const name = captions[k];
      if (!name) return;
      const a = along(era.from); const b = along(Math.min(era.to, LAST_YEAR));
      if (mode === 'horizontal') {
        c.textAlign = 'left'; c.textBaseline = 'top';
        c.fillText(name, a + 3, 4);
      } else {
        c.save(); c.translate(plan.captionX, b - 3); c.rotate(-Math.PI / 2);
        c.textAlign = 'left'; c.textBaseline = 'middle';
        c.fillText(name, 0, 0); c.restore();
      }
    });
  }

  function draw() {
    if (!plan) return;
    const c = board.begin();
    const th = colours();
    const s = board.fontScale;
    const W = board.width;
    const focused = document.activeElement === board.canvas;
    layout = plan.boxes;
    // The decade labels are written last, over a halo of the card's colour: the recent events
    // crowd round 2020, and their leader lines and the selected marker's ring used to cross it.
    const tickLabels = [];
    let tickAlign = null;
    if (mode === 'horizontal') {
      const { axisY, left, right, x } = plan;
      drawEras(c, th, x);
      c.strokeStyle = th.textMuted; c.lineWidth = 1.5;
      c.beginPath(); c.moveTo(left, axisY); c.lineTo(W - right, axisY); c.stroke();
      for (let y = 1940; y <= 2020; y += 10) {
        c.beginPath(); c.moveTo(x(y), axisY - 3); c.lineTo(x(y), axisY + 3); c.stroke();
        tickLabels.push({ text: String(y), x: x(y), y: axisY + 5 * s });
      }
      tickAlign = { textAlign: 'center', textBaseline: 'top' };
    } else {
      const { axisX, top, axisEnd, y } = plan;
      drawEras(c, th, y);
      c.strokeStyle = th.textMuted; c.lineWidth = 1.5;
      c.beginPath(); c.moveTo(axisX, top); c.lineTo(axisX, axisEnd); c.stroke();
      for (let yr = 1940; yr <= 2020; yr += 10) {
        c.beginPath(); c.moveTo(axisX - 3, y(yr)); c.lineTo(axisX + 3, y(yr)); c.stroke();
        tickLabels.push({ text: String(yr), x: axisX - 6 * s, y: y(yr) });
      }
      tickAlign = { textAlign: 'right', textBaseline: 'middle' };
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
        const B = HORIZONTAL_BOX;
        c.textAlign = 'center'; c.textBaseline = 'top';
        c.font = `${YEAR_FONT} ${th.mono}`; c.fillText(ev.when, bx + bw / 2, by + B.yearTop * s);
        c.font = `${NAME_FONT} ${th.font}`; c.fillText(ev.short, bx + bw / 2, by + (B.yearTop + B.lineStep) * s);
      } else {
        const B = VERTICAL_BOX;
        c.textAlign = 'left'; c.textBaseline = 'middle';
        L.lines.forEach((line, k) => {
          c.font = line.mono ? `${YEAR_FONT} ${th.mono}` : `${NAME_FONT} ${th.font}`;
          c.fillText(line.text, bx + B.padX * s, by + (B.padY + (k + 0.5) * B.line) * s);
        });
      }
      c.beginPath(); c.arc(L.mx, L.my, sel ? 7 : 4.5, 0, Math.PI * 2);
      c.fillStyle = sel ? th.accent : th.model; c.fill();
      c.strokeStyle = th.surface; c.lineWidth = 1.5; c.stroke();
      if (sel && focused) { c.beginPath(); c.arc(L.mx, L.my, 12, 0, Math.PI * 2); c.strokeStyle = th.accent; c.lineWidth = 2; c.stroke(); }
    });
    c.font = `${YEAR_FONT} ${th.mono}`; c.textAlign = tickAlign.textAlign; c.textBaseline = tickAlign.textBaseline;
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
      if (layoutChanged) relayout();
      choose(opts.event - 1);
    },
  };
}

// `text` in lines no wider than `room` (the context's font): broken at spaces, and a word wider than
// a line (a long name at a large text size on a phone) at the last letter that fits, with a hyphen.
function wrapText(c, text, room) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    const joined = line ? `${line} ${word}` : word;
    if (c.measureText(joined).width <= room) { line = joined; continue; }
    if (line) lines.push(line);
    let rest = word;
    while (c.measureText(rest).width > room && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && c.measureText(`${rest.slice(0, cut)}-`).width > room) cut--;
      lines.push(`${rest.slice(0, cut)}-`);
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}
