// Points to and from CSV: the one set of import rules for every widget whose data are points
// (classification, regression, clustering, PCA, a number line, a table of houses…), the
// Import/Export controls, and the same rules for points carried by a Share link.
//
// A file is lines of "x1,x2" or "x1,x2,label" (comma, semicolon or tab; a first line with words
// is a header; blank lines and lines starting with # are ignored); `dims` sets how many position
// columns come before the label (1 for a number line, 2 for the plane, more for a table). Import
// never guesses silently:
//   - a line that cannot be used is skipped and reported by number, with the reason (or, with
//     `strict`, the whole file is refused naming those lines — the neural-network playground);
//   - class labels are mapped to classes 0, 1, 2 … in increasing order, and a note says so when
//     the file used other values ({−1, 1} or {1, 2} read as 0 and 1), so a label set never turns
//     into regression targets or an empty class;
//   - a label column a widget does not use is ignored with a note;
//   - a file that is not text (a picture, a spreadsheet's binary format) is refused in words.
// parsePointsCsv returns { X (Float64Array, dims per point), y (Float64Array or null), kind,
// classes, notes, count } or throws an Error whose message says in words why nothing could be
// imported.

import { button, el, nextId } from './ui.js';
import { countOf } from './format.js';

export const CSV_MAX_BYTES = 2e6;

const SEPARATORS = /[,;\t]/;
const LISTED = 3; // problems named one by one before "and n more"

function plural(n, one, many = `${one}s`) { return `${n} ${n === 1 ? one : many}`; }

// labels: 'class' (0 … maxClasses − 1 after mapping), 'value' (any finite number, regression),
//         'auto' (class when every label is a whole number and there are at most maxClasses of
//         them, otherwise value), 'none' (positions only; an extra column is ignored with a note).
// domain: [lo, hi] for every coordinate, or { x: [lo, hi], y: [lo, hi] } for the plane.
// dims: position columns per line (2: the plane; 1: a number line; more: a table's features).
// strict: refuse the whole file when any line is unusable (instead of skipping those lines).
export function parsePointsCsv(text, {
  labels = 'class', domain = [-1e6, 1e6], minPoints = 1, maxPoints = 2000, maxClasses = 3, valueRange = [-1e6, 1e6],
  dims = 2, strict = false,
} = {}) {
  if (typeof text !== 'string' || !text.trim()) throw new Error(`The file is empty: expected lines such as "${exampleLine(dims, labels !== 'none')}".`);
  // Text files hold no NUL and few control characters; anything else is a binary file.
  const sample = text.slice(0, 4096);
  const control = (sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) || []).length;
  if (sample.includes('\u0000') || control > Math.max(2, sample.length / 100)) {
    throw new Error('The file is not text: a CSV file is plain lines of numbers separated by commas (save it as "CSV" from a spreadsheet).');
  }
  const box = Array.isArray(domain) ? { x: domain, y: domain } : domain;
  const range = (j) => (j === 0 ? box.x : j === 1 ? box.y : box.x);
  const wantLabel = labels !== 'none';
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const skipped = [];
  const xs = [];
  const ys = [];
  let sawExtra = false;
  let headerSeen = false;
  const need = wantLabel ? dims + 1 : dims;
  const what = `${dims === 1 ? 'x' : dims === 2 ? 'x1, x2' : `${dims} features`}${wantLabel ? (labels === 'value' ? ' and a value' : ' and a label') : ''}`;
  lines.forEach((line, index) => {
    const n = index + 1;
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const cells = t.split(SEPARATORS).map((c) => c.trim());
    // A header names the columns it needs; words only in a later column (a split) are data.
    if (!headerSeen && xs.length === 0 && skipped.length === 0 && cells.slice(0, need).some((c) => /[a-z]/i.test(c) && Number.isNaN(Number(c)))) {
      headerSeen = true;
      return;
    }
    if (cells.length < need) { skipped.push(`line ${n} has ${plural(cells.length, 'value')}, ${what} ${need === 1 ? 'is' : 'are'} needed`); return; }
    const nums = cells.slice(0, need).map((c) => (c === '' ? NaN : Number(c)));
    if (!nums.every(Number.isFinite)) { skipped.push(`line ${n} has a value that is not a number ("${cells.slice(0, need).join(',').slice(0, 30)}")`); return; }
    const position = nums.slice(0, dims);
    const outside = position.findIndex((v, j) => v < range(j)[0] || v > range(j)[1]);
    if (outside >= 0) {
      skipped.push(dims === 2
        ? `line ${n}: the point (${position[0]}, ${position[1]}) lies outside the plot (x from ${box.x[0]} to ${box.x[1]}, y from ${box.y[0]} to ${box.y[1]})`
        : `line ${n}: the value ${position[outside]} lies outside ${range(outside)[0]} … ${range(outside)[1]}`);
      return;
    }
    const c = nums[dims];
    if (wantLabel && labels !== 'class' && (c < valueRange[0] || c > valueRange[1])) { skipped.push(`line ${n}: the ${labels === 'value' ? 'value' : 'label'} ${c} is outside ${valueRange[0]} … ${valueRange[1]}`); return; }
    if (cells.length > need && cells.slice(need).some((v) => v !== '')) sawExtra = true;
    xs.push(...position);
    if (wantLabel) ys.push(c);
  });

  const notes = [];
  if (skipped.length) {
    const more = skipped.length > LISTED ? ` (and ${plural(skipped.length - LISTED, 'more line')})` : '';
    if (strict) throw new Error(`The CSV could not be used: ${skipped.slice(0, LISTED).join('; ')}${skipped.length > LISTED ? ` (and ${plural(skipped.length - LISTED, 'more problem')})` : ''}.`);
    notes.push(`${plural(skipped.length, 'line')} skipped: ${skipped.slice(0, LISTED).join('; ')}${more}.`);
  }
  const count = xs.length / dims;
  if (count === 0) throw new Error(`No point could be read${skipped.length ? `: ${notes[0]}` : '.'}`);
  // A refusal after skipped lines says what was skipped too: that is often the real cause.
  const also = skipped.length ? ` ${notes[0]}` : '';
  if (count < minPoints) throw new Error(`The file holds ${plural(count, 'usable point')}; at least ${minPoints} are needed.${also}`);
  if (count > maxPoints) throw new Error(`The file holds ${count} points; at most ${maxPoints} can be used here.`);
  if (sawExtra && !wantLabel) notes.push(`The ${dims === 1 ? 'second' : dims === 2 ? 'third' : 'last'} column was ignored: this widget uses the positions only.`);
  else if (sawExtra) notes.push('Columns after the label were ignored.');
  const X = Float64Array.from(xs);
  if (!wantLabel) return { X, y: null, kind: 'points', classes: 0, notes, count };

  const distinct = [...new Set(ys)].sort((p, q) => p - q);
  const wholes = distinct.every(Number.isInteger);
  const asClasses = labels === 'class' || (labels === 'auto' && wholes && distinct.length <= maxClasses);
  if (!asClasses) return { X, y: Float64Array.from(ys), kind: 'regression', classes: 0, notes, count };
  if (!wholes) throw new Error(`Class labels must be whole numbers; the file has ${distinct.filter((v) => !Number.isInteger(v)).slice(0, 3).join(', ')}.${also}`);
  if (distinct.length > maxClasses) throw new Error(`The file has ${distinct.length} different labels (${distinct.slice(0, 6).join(', ')}${distinct.length > 6 ? ', …' : ''}); this widget shows at most ${maxClasses} classes.${also}`);
  if (distinct.length < 2 && maxClasses > 1) throw new Error(`Every point has the label ${distinct[0]}; at least two classes are needed.${also}`);
  const identity = distinct.every((v, i) => v === i);
  if (!identity) notes.push(`Labels ${distinct.join(', ')} were read as classes ${distinct.map((_, i) => i).join(', ')}.`);
  const index = new Map(distinct.map((v, i) => [v, i]));
  const y = Float64Array.from(ys, (v) => index.get(v));
  return { X, y, kind: distinct.length > 2 ? 'multiclass' : 'binary', classes: distinct.length, notes, count };
}

function exampleLine(dims, label) {
  const cols = dims === 1 ? ['x'] : dims === 2 ? ['x1', 'x2'] : Array.from({ length: dims }, (_, j) => `x${j + 1}`);
  return [...cols, ...(label ? ['label'] : [])].join(',');
}

// Points (X flat, `dims` numbers per point; y labels or values, or null) as CSV text, with a
// header line. Numbers keep up to 6 significant digits: enough to restore a plot exactly, short
// enough to read. `extra` adds one more column ({ name, values }).
export function pointsToCsv(X, y = null, { labelName = 'label', extra = null, dims = 2, names = null } = {}) {
  const num = (v) => String(Number(v.toPrecision(6)));
  const header = names ? [...names] : dims === 1 ? ['x'] : Array.from({ length: dims }, (_, j) => `x${j + 1}`);
  if (y) header.push(labelName);
  if (extra) header.push(extra.name);
  const lines = [header.join(',')];
  for (let i = 0; i < X.length / dims; i++) {
    const row = [];
    for (let j = 0; j < dims; j++) row.push(num(X[dims * i + j]));
    if (y) row.push(num(y[i]));
    if (extra) row.push(String(extra.values[i]));
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

// Points in a Share link's state: { p: [x1, x2, …] (dims per point), l: [labels] } with the
// numbers as the widget holds them (JSON keeps them exact). pointsFromState checks such a value
// with the same rules as a file (every line must be usable: a damaged link is refused whole)
// and throws a RangeError saying what is wrong.
export function pointsState(X, y = null) {
  const out = { p: Array.from(X) };
  if (y) out.l = Array.from(y);
  return out;
}

export function pointsFromState(value, rules = {}) {
  const dims = rules.dims || 2;
  const wantLabel = (rules.labels || 'class') !== 'none';
  const p = value && Array.isArray(value.p) ? value.p : null;
  const l = value && Array.isArray(value.l) ? value.l : null;
  const max = rules.maxPoints || 2000;
  if (!p || p.length === 0 || p.length % dims !== 0 || p.length / dims > max) throw new RangeError(`the points must be a list of at most ${max} positions of ${dims} numbers`);
  if (wantLabel && (!l || l.length !== p.length / dims)) throw new RangeError('every point needs a label');
  if (![...p, ...(wantLabel ? l : [])].every((v) => typeof v === 'number' && Number.isFinite(v))) throw new RangeError('the points hold something that is not a number');
  const lines = [];
  for (let i = 0; i < p.length / dims; i++) lines.push([...p.slice(dims * i, dims * i + dims), ...(wantLabel ? [l[i]] : [])].join(','));
  try {
    return parsePointsCsv(lines.join('\n'), { ...rules, strict: true });
  } catch (err) { throw new RangeError(err.message.replace(/^The CSV could not be used: /, '').replace(/\.$/, '')); }
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

// The CSV controls of a point widget, through its context (removed when the widget goes):
// `rules` are parsePointsCsv's options; get() returns { X, y } as the widget shows them (y null
// for positions only; `extra` for one more column); set(parsed) applies an import (it may
// return notes of its own, or throw an Error to refuse it; the widget is then unchanged).
// After an import the Share link is brought up to date (ctx.stateChanged).
export function pointsCsv(ctx, parent, { filename = 'points.csv', rules = {}, get, set, labelName = 'label', names = null }) {
  return ctx.own(csvButtons(parent, ctx.card, {
    filename,
    exportText: () => {
      const { X, y = null, extra = null } = get();
      return pointsToCsv(X, y, { labelName, extra, dims: rules.dims || 2, names });
    },
    importText: (text) => {
      const parsed = parsePointsCsv(text, rules);
      const own = set(parsed) || [];
      if (ctx.stateChanged) ctx.stateChanged();
      const what = parsed.kind === 'regression' ? ' with values' : parsed.classes ? ` in ${parsed.classes} classes` : '';
      return [`Imported ${countOf(parsed.count, 'point')}${what}.`, ...parsed.notes, ...own];
    },
  }));
}

// A widget's data menu says "your points" while imported points are shown (so it never names a
// built-in set the plot no longer holds): the option is added and chosen when `own` is true, and
// removed again, with `value` chosen, when it is false.
export function showOwnPoints(menu, own, value) {
  let option = menu.querySelector('option[value="own"]');
  if (own && !option) { option = el('option', { value: 'own', text: 'your points (CSV)' }); menu.append(option); }
  if (!own && option) option.remove();
  menu.value = own ? 'own' : value;
}
