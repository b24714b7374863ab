// AI ⊃ ML ⊃ DL (landscape, history lesson): the three nested sets drawn on a canvas, and a sorting
// game. Pick a technique, then put it in the innermost set it belongs to (a region button or a
// click inside the figure). Every answer is explained at once; the score counts first tries.
// Game bookkeeping only: no model is trained here.
import { mountWidget } from '../lib/widget.js';
import { el } from '../lib/ui.js';
import { readTheme } from '../lib/theme.js';
import { Board } from '../lib/board.js';
import { sequentialScale } from '../lib/colors.js';
import { DEAL_ORDER, REGIONS, TECHNIQUES } from '../lib/ai-history.js';
import { reportComplete, reportScore } from '../lib/report.js';

export const schema = {
  items: { type: 'int', min: 4, max: TECHNIQUES.length, default: TECHNIQUES.length, description: 'How many techniques to sort.' },
};

export const meta = {
  title: 'AI, machine learning, deep learning: sort them',
  hint: 'Pick a technique, then put it in the innermost set it belongs to — with a button or by clicking inside the figure. Each answer is explained.',
};

const ORDER = ['ai', 'ml', 'dl'];
// Set name, its gloss, and a shorter gloss for narrow screens.
const HEADINGS = {
  ai: ['Artificial intelligence', 'machines doing tasks that seem to need intelligence', 'any “intelligent” behaviour'],
  ml: ['Machine learning', 'the rules are learned from data', 'rules learned from data'],
  dl: ['Deep learning', 'many-layered neural networks', 'many-layered networks'],
};
const TINT = { ai: 'class0', ml: 'class2', dl: 'class1' };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { card, options } = ctx;
  let opts = { ...options };
  let items = [];
  let picked = null;              // id of the selected technique
  const placed = new Map();       // id → region
  const tried = new Set();        // ids answered at least once
  let firstTry = 0;
  let rects = {};                 // region → {x, y, w, h} from the last draw

  let board = null;
  board = ctx.own(new Board(card.stage, { aspect: 0.5, minHeight: 300, maxHeight: 300, label: 'Nested sets: deep learning inside machine learning inside artificial intelligence', onResize: () => ctx.requestDraw(draw) }));
  board.canvas.classList.add('dw-scrollable');

  const tray = el('div', { className: 'ai-hierarchy-tray', role: 'group', 'aria-label': 'Techniques to sort' });
  const trayLabel = el('p', { className: 'ai-hierarchy-label', text: '1. Pick a technique' });
  const regionLabel = el('p', { className: 'ai-hierarchy-label', text: '2. Put it in the innermost set it belongs to' });
  const regionRow = el('div', { className: 'dw-buttons ai-hierarchy-regions', role: 'group', 'aria-label': 'Sets' });
  const regionButtons = ORDER.map((r) => {
    const b = el('button', { type: 'button', className: `dw-btn ai-hierarchy-region ai-hierarchy-region-${r}`, text: `${REGIONS[r].name}: ${REGIONS[r].long}` });
    b.addEventListener('click', () => place(r));
    regionRow.append(b);
    return b;
  });
  const resetRow = el('div', { className: 'dw-buttons' });
  const resetBtn = el('button', { type: 'button', className: 'dw-btn', text: 'Start again' });
  resetRow.append(resetBtn);
  card.controls.append(trayLabel, tray, regionLabel, regionRow, resetRow);
  const stat = { score: card.stat('right first time'), placed: card.stat('sorted') };

  function deal() {
    items = DEAL_ORDER.slice(0, opts.items).map((id) => TECHNIQUES.find((t) => t.id === id));
    placed.clear(); tried.clear(); firstTry = 0; picked = null;
    card.setMessage('Pick a technique to start.', 'info');
    renderTray();
  }

  function renderTray() {
    // Rebuilding the chips must not drop keyboard focus: the chip that had it gets it back.
    const focusedId = tray.contains(document.activeElement) ? document.activeElement.dataset.id : null;
    tray.replaceChildren();
    for (const t of items) {
      if (placed.has(t.id)) continue;
      const b = el('button', { type: 'button', className: 'ai-hierarchy-chip', text: t.name, 'aria-pressed': String(picked === t.id), 'data-id': t.id });
      b.addEventListener('click', () => { picked = t.id; renderTray(); card.setMessage(`“${t.name}” picked. Now choose the innermost set it belongs to.`, 'info'); });
      tray.append(b);
    }
    if (!tray.children.length) tray.append(el('p', { className: 'ai-hierarchy-done', text: 'All sorted.' }));
    if (focusedId) { const again = tray.querySelector(`[data-id="${focusedId}"]`); if (again) again.focus(); }
    stat.score.set(`${firstTry} / ${tried.size}`);
    stat.placed.set(`${placed.size} of ${items.length}`);
    ctx.requestDraw(draw);
  }

  function place(region) {
    const t = items.find((x) => x.id === picked);
    if (!t) { card.setMessage('Pick a technique first, then choose a set for it.', 'warn'); return; }
    const first = !tried.has(t.id);
    tried.add(t.id);
    const inner = REGIONS[t.region].long;
    if (region === t.region) {
      if (first) firstTry += 1;
      placed.set(t.id, region);
      picked = null;
      const done = placed.size === items.length;
      card.setMessage(`Right: ${t.name} → ${inner}. ${t.why}${done ? ` All ${items.length} sorted, ${firstTry} right first time.` : ''}`, 'ok');
      // The course records the finished game: the score is what the learner got right first time.
      if (done) {
        const detail = { widget: 'ai-hierarchy', title: meta.title, score: firstTry, max: items.length };
        reportScore(card, detail);
        reportComplete(card, detail);
      }
    } else {
      const said = REGIONS[region].long;
      const tooDeep = ORDER.indexOf(region) > ORDER.indexOf(t.region);
      card.setMessage(`Not ${said}: ${t.name} belongs in ${inner}${tooDeep ? '' : ' — a smaller set inside the one you chose'}. ${t.why} Try again.`, 'bad');
    }
    renderTray();
  }

  // Chip layout: short names flowing in rows inside each region's own band.
  function flow(c, names, width) {
    const rows = [[]]; let x = 0;
    for (const n of names) {
      const w = c.measureText(n).width + 16;
      if (x > 0 && x + w > width) { rows.push([]); x = 0; }
      rows[rows.length - 1].push({ n, x, w });
      x += w + 6;
    }
    return rows;
  }

  function draw() {
    const t = readTheme(card.card);
    const c = board.begin();
    const W = board.width;
    const pad = Math.max(10, Math.min(22, W * 0.03));
    const chipH = 24; const headH = 40;
    c.font = `12px ${t.font}`;
    const inRegion = (r) => items.filter((x) => placed.get(x.id) === r).map((x) => x.short);
    // Heights from the inside out: each band holds its heading and its rows of chips.
    const widths = { ai: W - 2, ml: W - 2 - 2 * pad, dl: W - 2 - 4 * pad };
    const layouts = {}; const band = {};
    for (const r of ORDER) {
      layouts[r] = flow(c, inRegion(r), widths[r] - 24);
      const rows = inRegion(r).length ? layouts[r].length : 0;
      band[r] = headH + rows * (chipH + 6) + (r === 'dl' ? 14 : 8);
    }
    const total = Math.round(band.ai + band.ml + band.dl + 2 * pad + 4);
    if (board.height !== total) { board.minHeight = total; board.maxHeight = total; board.resize(); return; }
    rects = {
      ai: { x: 1, y: 1, w: W - 2, h: total - 2 },
      ml: { x: 1 + pad, y: 1 + band.ai, w: W - 2 - 2 * pad, h: total - 2 - band.ai - pad },
    };
    rects.dl = { x: rects.ml.x + pad, y: rects.ml.y + band.ml, w: rects.ml.w - 2 * pad, h: rects.ml.h - band.ml - pad };
    for (const r of ORDER) {
      const R = rects[r];
      // An opaque tint per set (not stacked transparency, which muddies the inner sets).
      c.fillStyle = sequentialScale(t, 0, 1, t[TINT[r]])(0.12);
      roundRect(c, R.x, R.y, R.w, R.h, 12); c.fill();
      c.strokeStyle = t[TINT[r]]; c.lineWidth = 2; roundRect(c, R.x, R.y, R.w, R.h, 12); c.stroke();
      const [name, gloss, brief] = HEADINGS[r];
      c.textAlign = 'left'; c.textBaseline = 'top';
      c.fillStyle = t.text; c.font = `700 14px ${t.font}`;
      c.fillText(name, R.x + 12, R.y + 6);
      const nw = c.measureText(name).width;
      c.font = `12px ${t.font}`; c.fillStyle = t.textMuted;
      const g = `— ${gloss}`;
      if (R.x + 18 + nw + c.measureText(g).width < R.x + R.w - 8) c.fillText(g, R.x + 18 + nw, R.y + 8);
      else c.fillText(c.measureText(gloss).width < R.w - 20 ? gloss : brief, R.x + 12, R.y + 23);
      layouts[r].forEach((row, k) => row.forEach(({ n, x, w }) => {
        const X = R.x + 12 + x; const Y = R.y + headH + k * (chipH + 6);
        c.fillStyle = t.surface; roundRect(c, X, Y, w, chipH, 12); c.fill();
        c.strokeStyle = t[TINT[r]]; c.lineWidth = 1.5; roundRect(c, X, Y, w, chipH, 12); c.stroke();
        c.fillStyle = t.text; c.textBaseline = 'middle'; c.fillText(n, X + 8, Y + chipH / 2);
      }));
    }
  }

  function roundRect(c, x, y, w, h, r) {
    c.beginPath();
    c.moveTo(x + r, y); c.arcTo(x + w, y, x + w, y + h, r); c.arcTo(x + w, y + h, x, y + h, r);
    c.arcTo(x, y + h, x, y, r); c.arcTo(x, y, x + w, y, r); c.closePath();
  }

  const inside = (R, x, y) => R && x >= R.x && x <= R.x + R.w && y >= R.y && y <= R.y + R.h;
  const onClick = (e) => {
    const r = board.canvas.getBoundingClientRect();
    const x = e.clientX - r.left; const y = e.clientY - r.top;
    const region = ['dl', 'ml', 'ai'].find((k) => inside(rects[k], x, y));
    if (!region) return;
    if (!picked) { card.setMessage(`That is the ${HEADINGS[region][0].toLowerCase()} set. Pick a technique first, then click the set it belongs to.`, 'info'); return; }
    place(region);
  };
  ctx.listen(board.canvas, 'click', onClick);
  ctx.listen(resetBtn, 'click', deal);

  deal();

  return {
    update(next) { opts = { ...next }; deal(); },
  };
}
