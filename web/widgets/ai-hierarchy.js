// AI ⊃ ML ⊃ DL (landscape, history lesson): the three nested sets drawn on a canvas, and a sorting
// game. Pick a technique, then put it in the innermost set it belongs to (a region button or a
// click inside the figure). Every answer is explained at once; the score counts first tries.
// Every wrong answer names the right set, so only a technique's first answer counts, on this page
// or an earlier visit: each first answer is reported as it is given (dw:score with `answers`, one
// entry per technique: true / false / null, as the check-yourself block reports its questions;
// web/js/progress.js keeps the first entry of each), so a reload cannot wipe a wrong first answer.
// On a later visit the lesson's record (recordedResult) gives the first answers back: techniques
// answered before keep theirs, and once every technique has one, every round is practice.
// The activity completes at the sorting games' pass mark (web/lib/quiz.js: 9 of 11 right first
// time): the first game completes it if its score reaches the mark; otherwise that score is still
// recorded, and a practice round that reaches the mark completes it without changing the score.
// Game bookkeeping only: no model is trained here.
import { mountWidget } from '../lib/widget.js';
import { el } from '../lib/ui.js';
import { readTheme } from '../lib/theme.js';
import { Board } from '../lib/board.js';
import { sequentialScale } from '../lib/colors.js';
import { DEAL_ORDER, TECHNIQUES } from '../lib/ai-history.js';
import { hasFirstResult, recordedResult, reportComplete, reportScore } from '../lib/report.js';
import { formatNumber, listedInWords } from '../lib/format.js';
import { passMark } from '../lib/quiz.js';
import { messages } from './ai-hierarchy.messages.js';

export const schema = {
  items: { type: 'int', min: 4, max: TECHNIQUES.length, default: TECHNIQUES.length, description: 'How many techniques to sort.' },
};

export const meta = { title: messages['ai-hierarchy.title'], hint: messages['ai-hierarchy.hint'] };

// The sets from the outside in (a technique's region is one of them).
const ORDER = ['ai', 'ml', 'dl'];
const TINT = { ai: 'class0', ml: 'class2', dl: 'class1' };

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, messages, build });
}

function build(ctx) {
  const { card, options, t } = ctx;
  // Each set's name, its gloss, and a shorter gloss for narrow screens (drawn in the figure).
  const heading = (r) => [t(`ai-hierarchy.set.${r}`), t(`ai-hierarchy.gloss.${r}`), t(`ai-hierarchy.brief.${r}`)];
  const regionText = (r) => t(`ai-hierarchy.regionLong.${r}`);
  let opts = { ...options };
  let items = [];
  let picked = null;              // id of the selected technique
  const placed = new Map();       // id → region
  const tried = new Set();        // ids answered at least once in this round
  let firstTry = 0;               // of those, right at the first answer in this round
  const firstAnswer = new Map();  // id → whether its first answer (this page or an earlier visit) was right (kept by Start again)
  let recorded = null;            // the first game's score once every technique has a first answer; rounds after that are practice
  let perTechnique = true;        // the record keeps each technique's first answer (false: an older record with a total only)
  let completed = false;          // the activity is complete (a round reached the pass mark, on this page or before)
  let practiceRound = false;      // this round started with every first answer given: it is scored, not recorded
  let rects = {};                 // region → {x, y, w, h} from the last draw
  // The message explains the last answer (and, after the last technique, gives the round's
  // result) until a technique is picked or the round starts again: a tap on a set with nothing
  // picked meanwhile (the second tap of a double-tap, or a tap once all are sorted) leaves it.
  let explaining = false;
  const gameIds = () => DEAL_ORDER.slice(0, Math.min(opts.items, DEAL_ORDER.length));
  // What the lesson recorded of a game of this many techniques on an earlier visit: each technique's
  // first answer (a record made before first answers were kept per technique has only the score,
  // which then stands as the first game's); the activity stays complete if it was.
  function fromRecord() {
    const earlier = recordedResult(card, 'ai-hierarchy');
    const ids = gameIds();
    firstAnswer.clear();
    recorded = null;
    perTechnique = true;
    completed = false;
    if (!hasFirstResult(earlier) || earlier.max !== ids.length) return;
    completed = earlier.complete === true;
    if (Array.isArray(earlier.answers) && earlier.answers.length === ids.length) {
      earlier.answers.forEach((v, i) => { if (v === true || v === false) firstAnswer.set(ids[i], v); });
      if (firstAnswer.size === ids.length) recorded = scoredRight();
    } else {
      perTechnique = false;
      recorded = earlier.best;
    }
  }
  const scoredRight = () => [...firstAnswer.values()].filter(Boolean).length;
  // The first answers as the lesson keeps them: one entry per technique in deal order.
  const answers = () => gameIds().map((id) => (firstAnswer.has(id) ? firstAnswer.get(id) : null));
  fromRecord();

  let board = null;
  board = ctx.own(new Board(card.stage, { aspect: 0.5, minHeight: 300, maxHeight: 300, label: t('ai-hierarchy.board', { ai: '', ml: '', dl: '' }), onResize: () => ctx.requestDraw(draw) }));
  board.canvas.classList.add('dw-scrollable');

  const tray = el('div', { className: 'ai-hierarchy-tray', role: 'group', 'aria-label': t('ai-hierarchy.tray') });
  const trayLabel = el('p', { className: 'ai-hierarchy-label', text: t('ai-hierarchy.pickStep') });
  const regionLabel = el('p', { className: 'ai-hierarchy-label', text: t('ai-hierarchy.placeStep') });
  const regionRow = el('div', { className: 'dw-buttons ai-hierarchy-regions', role: 'group', 'aria-label': t('ai-hierarchy.sets') });
  const regionButtons = ORDER.map((r) => {
    const b = el('button', { type: 'button', className: `dw-btn ai-hierarchy-region ai-hierarchy-region-${r}`, text: t('ai-hierarchy.regionButton', { name: t(`ai-hierarchy.region.${r}`), region: regionText(r) }) });
    b.addEventListener('click', () => place(r));
    regionRow.append(b);
    return b;
  });
  const resetRow = el('div', { className: 'dw-buttons' });
  const resetBtn = el('button', { type: 'button', className: 'dw-btn', text: t('ai-hierarchy.reset') });
  resetRow.append(resetBtn);
  card.controls.append(trayLabel, tray, regionLabel, regionRow, resetRow);
  const stat = { score: card.stat(t('ai-hierarchy.stat.score')), placed: card.stat(t('ai-hierarchy.stat.sorted')) };

  // again: Start again was pressed (not the page opening or new options).
  function deal(again = false) {
    items = DEAL_ORDER.slice(0, opts.items).map((id) => TECHNIQUES.find((x) => x.id === id));
    placed.clear(); tried.clear(); firstTry = 0; picked = null; explaining = false;
    practiceRound = recorded !== null;
    const total = formatNumber(items.length, 0);
    const need = formatNumber(passMark(items.length), 0);
    if (practiceRound) card.setMessage(t('ai-hierarchy.practice', { recorded: formatNumber(recorded, 0), total, need, complete: completed }), 'info');
    else if (firstAnswer.size) {
      // Part-way through the first game: after Start again, or on a later visit (the lesson kept them).
      const [right, tried] = [scoredRight(), firstAnswer.size].map((n) => formatNumber(n, 0));
      card.setMessage(t('ai-hierarchy.restartKeeps', { right, tried, total, need, again }), 'info');
    } else card.setMessage(t('ai-hierarchy.start', { total, need }), 'info');
    renderTray();
  }

  // Nothing below the figure moves during a round, so a second tap lands where the first did (on a
  // phone a double-tap on a set moved the set buttons up under the finger, and its second tap could
  // land on Start again and wipe the round's result): a placed chip keeps its place in the tray,
  // faded and out of use (ai-hierarchy.css; hidden from screen readers, for which the figure's name
  // says what each set holds), and the figure keeps the height of a fully sorted round (draw).
  function renderTray() {
    // Rebuilding the chips must not drop keyboard focus: the chip that had it gets it back.
    const focusedId = tray.contains(document.activeElement) ? document.activeElement.dataset.id : null;
    tray.replaceChildren();
    for (const item of items) {
      const b = el('button', { type: 'button', className: 'ai-hierarchy-chip', text: item.name, 'aria-pressed': String(picked === item.id), 'data-id': item.id });
      if (placed.has(item.id)) { b.classList.add('ai-hierarchy-chip-placed'); b.disabled = true; b.setAttribute('aria-hidden', 'true'); }
      else b.addEventListener('click', () => { picked = item.id; explaining = false; renderTray(); card.setMessage(t('ai-hierarchy.picked', { name: item.name }), 'info'); });
      tray.append(b);
    }
    trayLabel.textContent = placed.size === items.length ? t('ai-hierarchy.allSorted') : t('ai-hierarchy.pickStep');
    if (focusedId) { const again = tray.querySelector(`[data-id="${focusedId}"]`); if (again) again.focus(); }
    // In the first game it counts each technique's first answer (this visit's, and any the lesson
    // kept from an earlier one); in a practice round, that round's first tries.
    const [right, answered] = practiceRound ? [firstTry, tried.size] : [scoredRight(), firstAnswer.size];
    stat.score.set(t('ai-hierarchy.score', { right: formatNumber(right, 0), tried: formatNumber(answered, 0) }));
    stat.placed.set(t('ai-hierarchy.sortedOf', { placed: formatNumber(placed.size, 0), total: formatNumber(items.length, 0) }));
    // The figure's name says what each set holds now, as the chips drawn in it show: a name is
    // read when the learner reaches the figure, never announced on every answer.
    const sortedInto = (r) => listedInWords(items.filter((x) => placed.get(x.id) === r).map((x) => x.name));
    board.canvas.setAttribute('aria-label', t('ai-hierarchy.board', { ai: sortedInto('ai'), ml: sortedInto('ml'), dl: sortedInto('dl') }));
    ctx.requestDraw(draw);
  }

  function place(region) {
    const item = items.find((x) => x.id === picked);
    if (!item) { if (!explaining) card.setMessage(t('ai-hierarchy.pickFirst'), 'warn'); return; }
    explaining = true;
    const first = !tried.has(item.id);
    tried.add(item.id);
    const need = passMark(items.length);
    const detail = () => ({ widget: 'ai-hierarchy', title: meta.title, score: recorded ?? scoredRight(), max: items.length, passMark: need, firstTry: true, ...(perTechnique ? { answers: answers() } : {}) });
    // A technique's first answer is recorded the moment it is given (never in a practice round,
    // where every first answer is already in): leaving the page cannot take a wrong one back.
    let completesNow = false;
    if (!practiceRound && !firstAnswer.has(item.id)) {
      firstAnswer.set(item.id, region === item.region);
      if (firstAnswer.size === items.length) recorded = scoredRight();
      reportScore(card, detail());
      // Every technique has its first answer: the first game's score is known, and completes the
      // activity at the pass mark.
      if (recorded !== null && !completed && recorded >= need) { completed = true; completesNow = true; reportComplete(card, detail()); }
    }
    const inner = regionText(item.region);
    if (region === item.region) {
      if (first) firstTry += 1;
      placed.set(item.id, region);
      picked = null;
      const done = placed.size === items.length;
      let end = '';
      // The course records each technique's first answer; the first game's score is the count of
      // right ones. A practice round's score is shown, not recorded.
      if (done && practiceRound) {
        completesNow = !completed && firstTry >= need;
        // Completion is reported with the recorded score (firstTry), so saved progress shows the
        // first game's score beside the tick.
        if (completesNow) { completed = true; reportComplete(card, detail()); }
        const [total, shown, kept, mark] = [items.length, firstTry, recorded, need].map((n) => formatNumber(n, 0));
        end = t('ai-hierarchy.endPractice', { total, firstTry: shown, recorded: kept, need: mark, completesNow, complete: completed });
      } else if (done) {
        const [total, shown, mark] = [items.length, recorded, need].map((n) => formatNumber(n, 0));
        end = t('ai-hierarchy.endFirst', { total, firstTry: shown, need: mark, passed: recorded >= need });
      }
      card.setMessage(t('ai-hierarchy.right', { name: item.name, region: inner, why: item.why, end }), 'ok');
    } else {
      const tooDeep = ORDER.indexOf(region) > ORDER.indexOf(item.region);
      card.setMessage(t('ai-hierarchy.wrong', { said: regionText(region), name: item.name, region: inner, tooDeep, within: t(`ai-hierarchy.setInText.${region}`), why: item.why }), 'bad');
    }
    renderTray();
  }

  // Sizes in default-text pixels; the plot draws every font `s` = board.fontScale times larger
  // (the learner's text size), so every offset, row and gap below is multiplied by s as well.
  const CHIP_H = 24; const CHIP_GAP = 6; const INSET = 12;
  const NAME_FONT = 14; const NAME_LINE = 17; const GLOSS_FONT = 12; const GLOSS_LINE = 15;

  // Chip layout: short names flowing in rows inside each region's own band. A name wider than the
  // band (large text on a phone) wraps by words inside a taller chip; a row is as tall as its
  // tallest chip. Returns the rows, each { chips: [{ lines, x, w, h }], h }.
  function flow(c, names, width, s) {
    const rows = [{ chips: [], h: 0 }]; let x = 0;
    for (const n of names) {
      const room = 16 * s;
      const lines = c.measureText(n).width + room > width ? wrapWords(c, n, width - room) : [n];
      const w = Math.max(...lines.map((line) => c.measureText(line).width)) + room;
      const h = (CHIP_H + GLOSS_LINE * (lines.length - 1)) * s;
      if (x > 0 && x + w > width) { rows.push({ chips: [], h: 0 }); x = 0; }
      const row = rows[rows.length - 1];
      row.chips.push({ lines, x, w, h });
      row.h = Math.max(row.h, h);
      x += w + CHIP_GAP * s;
    }
    return rows;
  }

  // Words of `text` in lines no wider than `width` in the context's current font (a word wider than
  // that gets a line of its own).
  function wrapWords(c, text, width) {
    const lines = [];
    for (const word of text.split(' ')) {
      const last = lines.length ? `${lines[lines.length - 1]} ${word}` : word;
      if (lines.length && c.measureText(last).width <= width) lines[lines.length - 1] = last;
      else lines.push(word);
    }
    return lines;
  }

  // A set's heading inside `width`: its name, and its gloss after the name when both fit on one
  // line, else under it (the brief gloss when the full one needs more than a line), each wrapped
  // by words. top: where the chips start, in drawn px. At the default text size on a wide card
  // this is the name and gloss on one line, or two lines, with the chips 40 px down as ever; at a
  // larger text size the lines and the band grow with the text, so nothing overprints.
  function headingLayout(c, th, r, width, s) {
    const [name, gloss, brief] = heading(r);
    const after = t('ai-hierarchy.glossAfterName', { gloss });
    c.font = `700 ${NAME_FONT}px ${th.font}`;
    const nameWidth = c.measureText(name).width;
    const names = wrapWords(c, name, width);
    c.font = `${GLOSS_FONT}px ${th.font}`;
    if (names.length === 1 && nameWidth + 6 * s + c.measureText(after).width < width) {
      return { names, nameWidth, after, glosses: [], top: 40 * s };
    }
    const glosses = wrapWords(c, c.measureText(gloss).width < width ? gloss : brief, width);
    return { names, glosses, top: Math.max(40, 8 + NAME_LINE * names.length + GLOSS_LINE * glosses.length) * s };
  }

  function draw() {
    const th = readTheme(card.card);
    const c = board.begin();
    const W = board.width;
    const s = board.fontScale;
    const pad = Math.max(10, Math.min(22, W * 0.03));
    const inset = INSET * s;
    const inRegion = (r) => items.filter((x) => placed.get(x.id) === r).map((x) => x.short);
    const belongsIn = (r) => items.filter((x) => x.region === r).map((x) => x.short);
    // Heights from the inside out: each band holds its heading and its rows of chips.
    const widths = { ai: W - 2, ml: W - 2 - 2 * pad, dl: W - 2 - 4 * pad };
    const headings = {};
    for (const r of ORDER) headings[r] = headingLayout(c, th, r, widths[r] - inset - 8 * s, s);
    const rowsHeight = (rows) => rows.reduce((sum, row) => sum + row.h + CHIP_GAP * s, 0);
    const bandHeight = (r, rows) => headings[r].top + rowsHeight(rows) + (r === 'dl' ? 14 : 8) * s;
    c.font = `${GLOSS_FONT}px ${th.font}`;
    const layouts = {}; const band = {};
    let sorted = 0;
    for (const r of ORDER) {
      layouts[r] = flow(c, inRegion(r), widths[r] - 2 * inset, s);
      band[r] = bandHeight(r, inRegion(r).length ? layouts[r] : []);
      const all = belongsIn(r);
      sorted += bandHeight(r, all.length ? flow(c, all, widths[r] - 2 * inset, s) : []);
    }
    // From the deal on, the figure is as tall as when every technique is sorted (the space left
    // over falls to the innermost set), so it never grows under the controls during a round, and
    // its height tells nothing of which set holds how many.
    const total = Math.round(Math.max(band.ai + band.ml + band.dl, sorted) + 2 * pad + 4);
    if (board.height !== total) { board.minHeight = total; board.maxHeight = total; board.resize(); return; }
    rects = {
      ai: { x: 1, y: 1, w: W - 2, h: total - 2 },
      ml: { x: 1 + pad, y: 1 + band.ai, w: W - 2 - 2 * pad, h: total - 2 - band.ai - pad },
    };
    rects.dl = { x: rects.ml.x + pad, y: rects.ml.y + band.ml, w: rects.ml.w - 2 * pad, h: rects.ml.h - band.ml - pad };
    for (const r of ORDER) {
      const R = rects[r];
      // An opaque tint per set (not stacked transparency, which muddies the inner sets).
      c.fillStyle = sequentialScale(th, 0, 1, th[TINT[r]])(0.12);
      roundRect(c, R.x, R.y, R.w, R.h, 12); c.fill();
      c.strokeStyle = th[TINT[r]]; c.lineWidth = 2; roundRect(c, R.x, R.y, R.w, R.h, 12); c.stroke();
      const { names, nameWidth, after, glosses } = headings[r];
      c.textAlign = 'left'; c.textBaseline = 'top';
      c.fillStyle = th.text; c.font = `700 ${NAME_FONT}px ${th.font}`;
      names.forEach((line, k) => c.fillText(line, R.x + inset, R.y + (6 + NAME_LINE * k) * s));
      c.font = `${GLOSS_FONT}px ${th.font}`; c.fillStyle = th.textMuted;
      if (after) c.fillText(after, R.x + inset + nameWidth + 6 * s, R.y + 8 * s);
      const glossTop = 6 + NAME_LINE * names.length;
      glosses.forEach((line, k) => c.fillText(line, R.x + inset, R.y + (glossTop + GLOSS_LINE * k) * s));
      let Y = R.y + headings[r].top;
      for (const row of layouts[r]) {
        for (const { lines, x, w, h } of row.chips) {
          const X = R.x + inset + x;
          c.fillStyle = th.surface; roundRect(c, X, Y, w, h, 12 * s); c.fill();
          c.strokeStyle = th[TINT[r]]; c.lineWidth = 1.5; roundRect(c, X, Y, w, h, 12 * s); c.stroke();
          c.fillStyle = th.text; c.textBaseline = 'middle';
          lines.forEach((line, k) => c.fillText(line, X + 8 * s, Y + (CHIP_H / 2 + GLOSS_LINE * k) * s));
        }
        Y += row.h + CHIP_GAP * s;
      }
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
    if (!picked) { if (!explaining) card.setMessage(t('ai-hierarchy.thatIsSet', { set: t(`ai-hierarchy.setInText.${region}`) }), 'info'); return; }
    place(region);
  };
  ctx.listen(board.canvas, 'click', onClick);
  ctx.listen(resetBtn, 'click', () => deal(true));

  deal();

  return {
    // Other options make another game: its first answers are new (unless the lesson recorded it).
    update(next) { opts = { ...next }; fromRecord(); deal(); },
  };
}
