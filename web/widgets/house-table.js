// Seed 001's tiny house table, read from the engine (houseTable()), with a one-question game:
// which column is noise? Click (or press Enter on) the column you think cannot help predict
// the price.
import { mountWidget } from '../lib/widget.js';
import { el, fixed } from '../lib/ui.js';
import { reportComplete } from '../lib/report.js';

export const engine = 'core';
export const schema = {};

export const meta = {
  title: 'A tiny house dataset',
  hint: 'Each row is one example (a house). Three columns are features; price is the label. Which feature is useless for predicting the price? Pick its column.',
};

const LABELS = { size_m2: 'size (m²)', bedrooms: 'bedrooms', owner_shoe_size: 'owner’s shoe size' };

// Why each column does or does not carry signal: words, not maths.
const WHY = [
  'Size carries signal: bigger houses sell for more, and in this table price climbs steadily with size.',
  'Bedrooms carry signal: more bedrooms usually means a bigger, pricier house (though it overlaps with size).',
  'Right: the owner’s shoe size is noise. It has nothing to do with the house, and in the table it jumps around while price climbs steadily.',
];

export function mount(element, options) {
  return mountWidget(element, options, { schema, meta, build });
}

function build(ctx) {
  const { ml, card } = ctx;
  const data = ml.houseTable();
  const names = Array.from(data.columns, (c) => LABELS[c] || c);
  const noiseColumn = names.findIndex((n) => /shoe/i.test(n));
  const wrap = el('div', { className: 'dw-table-wrap' });
  const table = el('table', { className: 'dw-table c1-house-table' });
  table.append(el('caption', { className: 'dw-sr-only', text: 'Six houses: features and sale price' }));
  const headRow = el('tr');
  headRow.append(el('th', { scope: 'col', className: 'c1-house-index', text: 'house' }));
  const pickButtons = names.map((name, j) => {
    const b = el('button', { type: 'button', className: 'c1-col-pick', 'aria-pressed': 'false' });
    b.append(el('span', { text: name }), el('small', { text: 'feature' }));
    b.addEventListener('click', () => pick(j));
    headRow.append(el('th', { scope: 'col' }, [b]));
    return b;
  });
  headRow.append(el('th', { scope: 'col', className: 'c1-label-col' }, [el('span', { text: 'price (k)' }), el('small', { text: 'label' })]));
  const body = el('tbody');
  for (let i = 0; i < data.rows; i++) {
    const tr = el('tr');
    tr.append(el('td', { className: 'c1-house-index', text: String(i + 1) }));
    for (let j = 0; j < data.cols; j++) tr.append(el('td', { text: fixed(data.X[i * data.cols + j], 0) }));
    tr.append(el('td', { className: 'c1-label-col', text: fixed(data.y[i], 0) }));
    body.append(tr);
  }
  table.append(el('thead', {}, [headRow]), body);
  wrap.append(table);
  // Should the table ever be wider than the card (a very narrow screen, large text), the price
  // column stays pinned on the right (CSS) and this line says the features scroll under it.
  const cue = el('p', { className: 'c1-scroll-cue', text: 'The table is wider than the screen: swipe it sideways to see every feature; the price column stays in view.' });
  cue.hidden = true;
  card.stage.append(wrap, cue);
  const checkOverflow = () => { cue.hidden = wrap.scrollWidth <= wrap.clientWidth + 1; };
  const resizeObserver = ctx.own(new ResizeObserver(checkOverflow));
  resizeObserver.observe(wrap);
  const statGuess = card.stat('your pick');
  statGuess.set('–');
  card.setMessage('Click the header of the column you think is noise.', 'info');

  let solved = false;
  let picks = 0;
  function pick(j) {
    if (!solved) picks += 1;
    pickButtons.forEach((b, k) => {
      b.setAttribute('aria-pressed', String(k === j));
      b.classList.toggle('c1-right', k === j && j === noiseColumn);
      b.classList.toggle('c1-wrong', k === j && j !== noiseColumn);
    });
    statGuess.set(names[j]);
    if (j === noiseColumn) {
      card.setMessage(WHY[Math.min(j, 2)], 'ok');
      // Found: complete. The score says whether it was the first pick (1) or came after a miss (0).
      if (!solved) reportComplete(card, { widget: 'house-table', title: 'Spot the noise column (first pick)', score: picks === 1 ? 1 : 0, max: 1 });
      solved = true;
    } else {
      card.setMessage(`Not that one. ${WHY[Math.min(j, 2)]} Try another column.`, 'bad');
    }
  }

  return {};
}
