// Points in the plane to and from CSV: the one set of import rules for every widget whose data
// are points (classification, regression, clustering, PCA…), and the Import/Export controls.
//
// A file is lines of "x1,x2" or "x1,x2,label" (comma, semicolon or tab; a first line with words
// is a header; blank lines and lines starting with # are ignored). Import never guesses silently:
//   - a line that cannot be used is skipped and reported by number, with the reason;
//   - class labels are mapped to classes 0, 1, 2 … in increasing order, and a note says so when
//     the file used other values ({−1, 1} or {1, 2} read as 0 and 1), so a label set never turns
//     into regression targets or an empty class;
//   - a label column a widget does not use is ignored with a note.
// parsePointsCsv returns { X (Float64Array, 2 per point), y (Float64Array or null), kind, classes,
// notes } or throws an Error whose message says in words why nothing could be imported.

import { button, el, nextId } from './ui.js';

export const CSV_MAX_BYTES = 2e6;

const SEPARATORS = /[,;\t]/;
const LISTED = 3; // problems named one by one before "and n more"

function plural(n, one, many = `${one}s`) { return `${n} ${n === 1 ? one : many}`; }

// labels: 'class' (0 … maxClasses − 1 after mapping), 'value' (any finite number, regression),
//         'auto' (class when every label is a whole number and there are at most maxClasses of
//         them, otherwise value), 'none' (two columns; a third is ignored with a note).
// domain: [lo, hi] for both coordinates, or { x: [lo, hi], y: [lo, hi] }.
export function parsePointsCsv(text, {
  labels = 'class', domain = [-1e6, 1e6], minPoints = 1, maxPoints = 2000, maxClasses = 3, valueRange = [-1e6, 1e6],
} = {}) {
  if (typeof text !== 'string' || !text.trim()) throw new Error('The file is empty: expected lines such as "x1,x2,label".');
  const box = Array.isArray(domain) ? { x: domain, y: domain } : domain;
  const wantLabel = labels !== 'none';
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const skipped = [];
  const xs = [];
  const ys = [];
  let sawThird = false;
  let headerSeen = false;
  lines.forEach((line, index) => {
    const n = index + 1;
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const cells = t.split(SEPARATORS).map((c) => c.trim());
    if (!headerSeen && xs.length === 0 && skipped.length === 0 && cells.some((c) => /[a-z]/i.test(c) && Number.isNaN(Number(c)))) {
      headerSeen = true;
      return;
    }
    const need = wantLabel ? 3 : 2;
    if (cells.length < need) { skipped.push(`line ${n} has ${plural(cells.length, 'value')}, ${wantLabel ? 'x1, x2 and a label' : 'x1 and x2'} are needed`); return; }
    const nums = cells.slice(0, need).map((c) => (c === '' ? NaN : Number(c)));
    if (!nums.every(Number.isFinite)) { skipped.push(`line ${n} has a value that is not a number ("${cells.slice(0, need).join(',').slice(0, 30)}")`); return; }
    const [a, b, c] = nums;
    if (a < box.x[0] || a > box.x[1] || b < box.y[0] || b > box.y[1]) {
      skipped.push(`line ${n}: the point (${a}, ${b}) lies outside the plot (x from ${box.x[0]} to ${box.x[1]}, y from ${box.y[0]} to ${box.y[1]})`);
      return;
    }
    if (wantLabel && labels === 'value' && (c < valueRange[0] || c > valueRange[1])) { skipped.push(`line ${n}: the value ${c} is outside ${valueRange[0]} … ${valueRange[1]}`); return; }
    if (!wantLabel && cells.length > 2 && cells[2] !== '') sawThird = true;
    xs.push(a, b);
    if (wantLabel) ys.push(c);
  });

  const notes = [];
  if (skipped.length) {
    const more = skipped.length > LISTED ? ` (and ${plural(skipped.length - LISTED, 'more line')})` : '';
    notes.push(`${plural(skipped.length, 'line')} skipped: ${skipped.slice(0, LISTED).join('; ')}${more}.`);
  }
  const count = xs.length / 2;
  if (count === 0) throw new Error(`No point could be read${skipped.length ? `: ${notes[0]}` : '.'}`);
  // A refusal after skipped lines says what was skipped too: that is often the real cause.
  const also = skipped.length ? ` ${notes[0]}` : '';
  if (count < minPoints) throw new Error(`The file holds ${plural(count, 'usable point')}; at least ${minPoints} are needed.${also}`);
  if (count > maxPoints) throw new Error(`The file holds ${count} points; at most ${maxPoints} can be used here.`);
  if (sawThird) notes.push('The third column was ignored: this widget uses the positions only.');
  const X = Float64Array.from(xs);
  if (!wantLabel) return { X, y: null, kind: 'points', classes: 0, notes };

  const distinct = [...new Set(ys)].sort((p, q) => p - q);
  const wholes = distinct.every(Number.isInteger);
  const asClasses = labels === 'class' || (labels === 'auto' && wholes && distinct.length <= maxClasses);
  if (!asClasses) return { X, y: Float64Array.from(ys), kind: 'regression', classes: 0, notes };
  if (!wholes) throw new Error(`Class labels must be whole numbers; the file has ${distinct.filter((v) => !Number.isInteger(v)).slice(0, 3).join(', ')}.${also}`);
  if (distinct.length > maxClasses) throw new Error(`The file has ${distinct.length} different labels (${distinct.slice(0, 6).join(', ')}${distinct.length > 6 ? ', …' : ''}); this widget shows at most ${maxClasses} classes.${also}`);
  if (distinct.length < 2 && maxClasses > 1) throw new Error(`Every point has the label ${distinct[0]}; at least two classes are needed.${also}`);
  const identity = distinct.every((v, i) => v === i);
  if (!identity) notes.push(`Labels ${distinct.join(', ')} were read as classes ${distinct.map((_, i) => i).join(', ')}.`);
  const index = new Map(distinct.map((v, i) => [v, i]));
  const y = Float64Array.from(ys, (v) => index.get(v));
  return { X, y, kind: distinct.length > 2 ? 'multiclass' : 'binary', classes: distinct.length, notes };
}

// Points (X flat x1,x2 pairs; y labels or null) as CSV text, with a header line. Numbers keep up to
// 6 significant digits: enough to restore a plot exactly, short enough to read.
export function pointsToCsv(X, y = null, { labelName = 'label', extra = null } = {}) {
  const num = (v) => String(Number(v.toPrecision(6)));
  const header = ['x1', 'x2'];
  if (y) header.push(labelName);
  if (extra) header.push(extra.name);
  const lines = [header.join(',')];
  for (let i = 0; i < X.length / 2; i++) {
    const row = [num(X[2 * i]), num(X[2 * i + 1])];
    if (y) row.push(num(y[i]));
    if (extra) row.push(String(extra.values[i]));
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

// Reads a File as text, refusing files larger than maxBytes with a message in words.
export function readTextFile(file, maxBytes = CSV_MAX_BYTES) {
  return new Promise((resolve, reject) => {
    if (!file) { reject(new Error('No file was chosen.')); return; }
    if (file.size > maxBytes) { reject(new Error(`The file is ${Math.round(file.size / 1024)} KB; at most ${Math.round(maxBytes / 1024)} KB can be read.`)); return; }
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

// Offers text as a file download. The link is made inside `within` (the widget's card, so an
// embedded widget never adds nodes to the host page's body) and removed at once.
export function downloadText(within, name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  within.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Export CSV / Import CSV buttons in `parent`. exportText() returns the file's text; importText(text)
// applies it (parsing with parsePointsCsv) and returns the notes to show, or throws an Error whose
// message is shown on the card. Returns { destroy() }.
export function csvButtons(parent, card, { filename = 'points.csv', exportText, importText }) {
  const row = el('div', { className: 'dw-buttons dw-csv' });
  const exportButton = button(row, 'Export CSV', () => downloadText(card.card || parent, filename, 'text/csv', exportText()));
  const id = nextId('csv');
  const input = el('input', { type: 'file', id, accept: '.csv,text/csv,text/plain', className: 'dw-file-input' });
  const label = el('label', { for: id, className: 'dw-btn dw-file-label', text: 'Import CSV' });
  const onChange = async () => {
    const file = input.files && input.files[0];
    input.value = '';
    if (!file) return;
    try {
      const notes = importText(await readTextFile(file)) || [];
      card.setMessage(notes.length ? notes.join(' ') : `Imported ${file.name.slice(0, 60)}.`, notes.some((t) => /skipped/.test(t)) ? 'warn' : 'ok');
    } catch (err) {
      card.setMessage(`Nothing was imported: ${err.message}`, 'bad');
    }
  };
  input.addEventListener('change', onChange);
  row.append(label, input);
  parent.append(row);
  return { exportButton, destroy() { input.removeEventListener('change', onChange); row.remove(); } };
}
