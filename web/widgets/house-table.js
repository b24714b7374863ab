// A tiny house table: seed 001's three houses (SEED_HOUSES) among the engine's six (houseTable(),
// which the learning-loop widget fits too), nine rows in order of size, with a one-question game:
// which column is noise? Click (or press Enter on) the column you think cannot help predict
// the price.
import { mountWidget } from '../lib/widget.js';
import { el, fixed } from '../lib/ui.js';
import { formatNumber } from '../lib/format.js';
import { tableWrap } from '../lib/table.js';
import { recordedFirstPick, reportComplete, reportScore } from '../lib/report.js';
import { messages } from './house-table.messages.js';

export const engine = 'core';
export const schema = {};

export const meta = { title: messages['house-table.title'], hint: messages['house-table.hint'] };

// The engine's columns that have a name in the message table ('house-table.column.<id>').
const NAMED = ['size_m2', 'bedrooms', 'owner_shoe_size'];

// Seed 001's tiny table, in the engine's columns (size m², bedrooms, owner's shoe size) and price
// in thousands. In the rows together price climbs with size while shoe size jumps about
// (38, 42, 44, 41, 38, 39, 45, 44, 42): the noise column is plain to see.
const SEED_HOUSES = [[60, 2, 42, 180], [95, 3, 38, 270], [120, 4, 44, 340]];

// The table the widget shows: the engine's six houses and the seed's three, as rows
// [size, bedrooms, shoe size, price], by size (then price); `columns` are the engine's ids.
export function houseRows(ml) {
  const data = ml.houseTable();
  const rows = SEED_HOUSES.map((r) => [...r]);
  for (let i = 0; i < data.rows; i++) rows.push([...Array.from({ length: data.cols }, (_, j) => data.X[i * data.cols + j]), data.y[i]]);
  rows.sort((a, b) => a[0] - b[0] || a[3] - b[3]);
  return { columns: Array.from(data.columns), rows };
}

// Why each column does or does not carry signal: words, not maths ('house-table.why.<id>').
const WHY = ['size', 'bedrooms', 'shoe'];

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build, messages });
}

function build(ctx) {
  const { ml, card, t } = ctx;
  const { columns, rows } = houseRows(ml);
  const names = columns.map((c) => (NAMED.includes(c) ? t(`house-table.column.${c}`) : c));
  const noiseColumn = columns.findIndex((c) => /shoe/i.test(c));
  const why = (j) => t(`house-table.why.${WHY[Math.min(j, 2)]}`);
  const table = el('table', { className: 'dw-table house-table-grid' });
  table.append(el('caption', { className: 'dw-sr-only', text: t('house-table.caption', { count: formatNumber(rows.length, 0) }) }));
  const headRow = el('tr');
  headRow.append(el('th', { scope: 'col', className: 'house-table-index', text: t('house-table.house') }));
  const pickButtons = names.map((name, j) => {
    const b = el('button', { type: 'button', className: 'house-table-col-pick', 'aria-pressed': 'false' });
    b.append(el('span', { text: name }), el('small', { text: t('house-table.feature') }));
    b.addEventListener('click', () => pick(j));
    headRow.append(el('th', { scope: 'col' }, [b]));
    return b;
  });
  headRow.append(el('th', { scope: 'col', className: 'dw-label-col' }, [el('span', { text: t('house-table.price') }), el('small', { text: t('house-table.label') })]));
  const body = el('tbody');
  rows.forEach((row, i) => {
    const tr = el('tr');
    tr.append(el('td', { className: 'house-table-index', text: String(i + 1) }));
    for (let j = 0; j < columns.length; j++) tr.append(el('td', { text: fixed(row[j], 0) }));
    tr.append(el('td', { className: 'dw-label-col', text: fixed(row[columns.length], 0) }));
    body.append(tr);
  });
  table.append(el('thead', {}, [headRow]), body);
  // Should the table ever be wider than the card (a very narrow screen, large text), the price
  // column stays pinned on the right (CSS) and the scroll hint says the features scroll under it.
  card.stage.append(tableWrap(ctx, table, { hint: t('house-table.scrollCue') }).element);
  const statGuess = card.stat(t('house-table.stat.pick'));
  statGuess.set('–');
  card.setMessage(t('house-table.ask'), 'info');

  // The game scores its first pick (the report's title says so): 1 if it is the noise column, else
  // 0, reported at once with firstTry so saved progress keeps the first pick ever made, over a
  // reload too. Finding the column later completes the game without raising that score, and says
  // so. A first pick the lesson recorded on an earlier visit (recordedResult) is this page's first
  // pick, and a column found then stays found: every pick now is practice.
  // The record is read again at this page's first pick: progress reset in another tab since the
  // page opened leaves nothing recorded, and the pick is the first again.
  let firstPick = null;
  let solved = false;
  let pickedHere = false;
  function fromRecord() { ({ firstPick, complete: solved } = recordedFirstPick(card, 'house-table')); }
  fromRecord();
  const detail = { widget: 'house-table', title: t('house-table.report'), max: 1, firstTry: true };
  function pick(j) {
    pickButtons.forEach((b, k) => {
      b.setAttribute('aria-pressed', String(k === j));
      b.classList.toggle('dw-right', k === j && j === noiseColumn);
      b.classList.toggle('dw-wrong', k === j && j !== noiseColumn);
    });
    statGuess.set(names[j]);
    if (!pickedHere) fromRecord();
    pickedHere = true;
    if (j === noiseColumn) {
      const after = solved ? t('house-table.practice') : firstPick === 'wrong' ? t('house-table.foundLate') : '';
      card.setMessage(after ? `${why(j)} ${after}` : why(j), 'ok');
      // Found: complete. The score says whether it was the first pick (1) or came after a miss (0).
      if (!solved) reportComplete(card, { ...detail, score: firstPick === null ? 1 : 0 });
      if (firstPick === null) firstPick = 'right';
      solved = true;
    } else {
      const notThat = t('house-table.notThat', { why: why(j) });
      card.setMessage(firstPick === null ? notThat : `${notThat} ${t('house-table.practice')}`, 'bad');
      if (firstPick === null) reportScore(card, { ...detail, score: 0 });
      if (firstPick === null) firstPick = 'wrong';
    }
  }

  return {};
}
