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
import { english } from './messages.js';
import { formatNumber, formatShort } from './format.js';

export const CSV_MAX_BYTES = 2e6;

const SEPARATORS = /[,;\t]/;
const LISTED = 3; // problems named one by one before "and n more"

// labels: 'class' (0 … maxClasses − 1 after mapping), 'value' (any finite number, regression),
//         'auto' (class when every label is a whole number and there are at most maxClasses of
//         them, otherwise value), 'none' (positions only; an extra column is ignored with a note).
// domain: [lo, hi] for every coordinate, or { x: [lo, hi], y: [lo, hi] } for the plane.
// dims: position columns per line (2: the plane; 1: a number line; more: a table's features).
// strict: refuse the whole file when any line is unusable (instead of skipping those lines); the
//         Error then carries the problems alone as `problems`.
// t: the message function (web/lib/messages.js) whose words the notes and refusals use.
export function parsePointsCsv(text, {
  labels = 'class', domain = [-1e6, 1e6], minPoints = 1, maxPoints = 2000, maxClasses = 3, valueRange = [-1e6, 1e6],
  dims = 2, strict = false, t = english,
} = {}) {
  if (typeof text !== 'string' || !text.trim()) throw new Error(t('csv.empty', { example: exampleLine(dims, labels !== 'none') }));
  // Text files hold no NUL and few control characters; anything else is a binary file.
  const sample = text.slice(0, 4096);
  const control = (sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) || []).length;
  if (sample.includes('\u0000') || control > Math.max(2, sample.length / 100)) {
    throw new Error(t('csv.notText'));
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
  const what = t('csv.columns', { dims, label: wantLabel ? (labels === 'value' ? 'value' : 'label') : '' });
  lines.forEach((line, index) => {
    const n = formatNumber(index + 1, 0); // the line number as the learner reads it ("line 1 204")
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const cells = trimmed.split(SEPARATORS).map((c) => c.trim());
    // A header names the columns it needs; words only in a later column (a split) are data.
    if (!headerSeen && xs.length === 0 && skipped.length === 0 && cells.slice(0, need).some((c) => /[a-z]/i.test(c) && Number.isNaN(Number(c)))) {
      headerSeen = true;
      return;
    }
    if (cells.length < need) { skipped.push(t('csv.tooFewValues', { line: n, have: cells.length, what, need })); return; }
    const nums = cells.slice(0, need).map((c) => (c === '' ? NaN : Number(c)));
    if (!nums.every(Number.isFinite)) { skipped.push(t('csv.notANumber', { line: n, text: cells.slice(0, need).join(',').slice(0, 30) })); return; }
    const position = nums.slice(0, dims);
    const outside = position.findIndex((v, j) => v < range(j)[0] || v > range(j)[1]);
    if (outside >= 0) {
      skipped.push(dims === 2
        ? t('csv.outsidePlot', { line: n, ...Object.fromEntries(Object.entries({ x: position[0], y: position[1], x0: box.x[0], x1: box.x[1], y0: box.y[0], y1: box.y[1] }).map(([k, v]) => [k, formatShort(v, 6)])) })
        : t('csv.outsideRange', { line: n, value: formatShort(position[outside], 6), lo: formatShort(range(outside)[0], 6), hi: formatShort(range(outside)[1], 6) }));
      return;
    }
    const c = nums[dims];
    if (wantLabel && labels !== 'class' && (c < valueRange[0] || c > valueRange[1])) {
      skipped.push(t('csv.labelOutside', { line: n, kind: labels, value: formatShort(c, 6), lo: formatShort(valueRange[0], 6), hi: formatShort(valueRange[1], 6) }));
      return;
    }
    if (cells.length > need && cells.slice(need).some((v) => v !== '')) sawExtra = true;
    xs.push(...position);
    if (wantLabel) ys.push(c);
  });

  const notes = [];
  if (skipped.length) {
    const problems = skipped.slice(0, LISTED).join('; ');
    const more = Math.max(0, skipped.length - LISTED);
    if (strict) throw Object.assign(new Error(t('csv.refused', { problems, more })), { problems });
    notes.push(t('csv.skipped', { count: skipped.length, problems, more }));
  }
  const count = xs.length / dims;
  if (count === 0) throw new Error(t('csv.noPoint', { skipped: skipped.length ? notes[0] : '' }));
  // A refusal after skipped lines says what was skipped too: that is often the real cause.
  const also = skipped.length ? notes[0] : '';
  if (count < minPoints) throw new Error(t('csv.tooFewPoints', { count, min: formatNumber(minPoints, 0), also }));
  if (count > maxPoints) throw new Error(t('csv.tooManyPoints', { count: formatNumber(count, 0), max: formatNumber(maxPoints, 0) }));
  if (sawExtra && !wantLabel) notes.push(t('csv.ignoredColumn', { dims }));
  else if (sawExtra) notes.push(t('csv.ignoredAfterLabel'));
  const X = Float64Array.from(xs);
  if (!wantLabel) return { X, y: null, kind: 'points', classes: 0, notes, count, skipped: skipped.length };

  const distinct = [...new Set(ys)].sort((p, q) => p - q);
  const wholes = distinct.every(Number.isInteger);
  const asClasses = labels === 'class' || (labels === 'auto' && wholes && distinct.length <= maxClasses);
  if (!asClasses) return { X, y: Float64Array.from(ys), kind: 'regression', classes: 0, notes, count, skipped: skipped.length };
  if (!wholes) throw new Error(t('csv.labelsNotWhole', { values: distinct.filter((v) => !Number.isInteger(v)).slice(0, 3).map((v) => formatShort(v, 6)).join(', '), also }));
  if (distinct.length > maxClasses) {
    // The labels name classes (identifiers, written as in the file); their count is a quantity.
    throw new Error(t('csv.tooManyLabels', { count: formatNumber(distinct.length, 0), values: `${distinct.slice(0, 6).join(', ')}${distinct.length > 6 ? ', …' : ''}`, max: maxClasses, also }));
  }
  if (distinct.length < 2 && maxClasses > 1) throw new Error(t('csv.oneLabel', { value: distinct[0], also }));
  const identity = distinct.every((v, i) => v === i);
  if (!identity) notes.push(t('csv.relabelled', { from: distinct.join(', '), to: distinct.map((_, i) => i).join(', ') }));
  const index = new Map(distinct.map((v, i) => [v, i]));
  const y = Float64Array.from(ys, (v) => index.get(v));
  return { X, y, kind: distinct.length > 2 ? 'multiclass' : 'binary', classes: distinct.length, notes, count, skipped: skipped.length };
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
  const t = rules.t || english;
  const dims = rules.dims || 2;
  const wantLabel = (rules.labels || 'class') !== 'none';
  const p = value && Array.isArray(value.p) ? value.p : null;
  const l = value && Array.isArray(value.l) ? value.l : null;
  const max = rules.maxPoints || 2000;
  if (!p || p.length === 0 || p.length % dims !== 0 || p.length / dims > max) throw new RangeError(t('csv.stateShape', { max: formatNumber(max, 0), dims }));
  if (wantLabel && (!l || l.length !== p.length / dims)) throw new RangeError(t('csv.stateLabels'));
  if (![...p, ...(wantLabel ? l : [])].every((v) => typeof v === 'number' && Number.isFinite(v))) throw new RangeError(t('csv.stateNumbers'));
  const lines = [];
  for (let i = 0; i < p.length / dims; i++) lines.push([...p.slice(dims * i, dims * i + dims), ...(wantLabel ? [l[i]] : [])].join(','));
  try {
    return parsePointsCsv(lines.join('\n'), { ...rules, strict: true });
  } catch (err) { throw new RangeError(err.problems || err.message.replace(/\.$/, '')); }
}

// Reads a File as text, refusing files larger than maxBytes with a message in words.
export function readTextFile(file, maxBytes = CSV_MAX_BYTES, t = english) {
  return new Promise((resolve, reject) => {
    if (!file) { reject(new Error(t('csv.noFile'))); return; }
    if (file.size > maxBytes) { reject(new Error(t('csv.tooLarge', { size: formatNumber(Math.round(file.size / 1024), 0), max: formatNumber(Math.round(maxBytes / 1024), 0) }))); return; }
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(t('csv.unreadable')));
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
// applies it (parsing with parsePointsCsv) and returns { notes, warn } — the notes to show, and
// whether lines were skipped — or throws an Error whose message is shown on the card.
// Returns { destroy() }.
export function csvButtons(parent, card, { filename = 'points.csv', exportText, importText }) {
  const t = card.t || english;
  const row = el('div', { className: 'dw-buttons dw-csv' });
  const exportButton = button(row, t('csv.export'), () => downloadText(card.card || parent, filename, 'text/csv', exportText()));
  const id = nextId('csv');
  const input = el('input', { type: 'file', id, accept: '.csv,text/csv,text/plain', className: 'dw-file-input' });
  const label = el('label', { for: id, className: 'dw-btn dw-file-label', text: t('csv.import') });
  const onChange = async () => {
    const file = input.files && input.files[0];
    input.value = '';
    if (!file) return;
    try {
      const { notes = [], warn = false } = importText(await readTextFile(file, CSV_MAX_BYTES, t)) || {};
      card.setMessage(notes.length ? notes.join(' ') : t('csv.importedFile', { name: file.name.slice(0, 60) }), warn ? 'warn' : 'ok');
    } catch (err) {
      card.setMessage(t('csv.nothingImported', { reason: err.message }), 'bad');
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
      const parsed = parsePointsCsv(text, { ...rules, t: ctx.t });
      const own = set(parsed) || [];
      if (ctx.stateChanged) ctx.stateChanged();
      const what = parsed.kind === 'regression' ? 'values' : parsed.classes || '';
      return { notes: [ctx.t('csv.imported', { count: parsed.count, what }), ...parsed.notes, ...own], warn: parsed.skipped > 0 };
    },
  }));
}

// A widget's data menu says "your points" while imported points are shown (so it never names a
// built-in set the plot no longer holds): the option is added and chosen when `own` is true, and
// removed again, with `value` chosen, when it is false.
export function showOwnPoints(menu, own, value, t = english) {
  let option = menu.querySelector('option[value="own"]');
  if (own && !option) { option = el('option', { value: 'own', text: t('csv.ownPoints') }); menu.append(option); }
  if (!own && option) option.remove();
  menu.value = own ? 'own' : value;
}
