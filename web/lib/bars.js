// A list of horizontal bars (label, bar, value) that can be centred on zero, for the text
// widgets. Layout only; the numbers come from the engine. Text is set with textContent.
import { el, fixed } from './ui.js';

// rows: [{ label, value, tone?, highlight?, title? }]; range: the value at a full-width bar.
// signed: bars grow left (negative) or right (positive) from a centre line.
export function renderBars(list, rows, { range, signed = false, digits = 2, format } = {}) {
  const r = range > 0 && Number.isFinite(range) ? range : 1;
  const items = rows.map((row) => {
    const v = Number.isFinite(row.value) ? row.value : 0;
    const share = Math.min(1, Math.abs(v) / r);
    const bar = el('span', { className: 'dw-bar-fill' });
    if (signed) {
      bar.style.width = `${share * 50}%`;
      bar.style.left = v >= 0 ? '50%' : `${50 - share * 50}%`;
    } else {
      bar.style.width = `${share * 100}%`;
      bar.style.left = '0';
    }
    bar.dataset.tone = row.tone || (v >= 0 ? 'pos' : 'neg');
    const track = el('span', { className: signed ? 'dw-bar-track dw-bar-signed' : 'dw-bar-track', 'aria-hidden': 'true' }, [bar]);
    const text = format ? format(row.value) : fixed(row.value, digits);
    const li = el('li', { className: row.highlight ? 'dw-bar dw-bar-highlight' : 'dw-bar', title: row.title },
      [el('span', { className: 'dw-bar-label', text: row.label }), track, el('span', { className: 'dw-bar-value', text })]);
    return li;
  });
  list.replaceChildren(...items);
}
