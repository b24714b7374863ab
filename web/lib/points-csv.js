// Points to and from CSV: the one set of import rules for every widget whose data are points
// (classification, regression, clustering, PCA, a number line, a table of houses…), the
// Import/Export controls, and the same rules for points carried by a Share link.
//
// A file is lines of "x1,x2" or "x1,x2,label" (comma, semicolon or tab; a first line with words
// is a header; blank lines and lines starting with # are ignored); `dims` sets how many position
// columns come before the label (1 for a number line, 2 for the plane, more for a table). A value
// may be quoted as RFC 4180 writes it ("0","1"). On a line whose values are separated by
// semicolons or tabs, a comma inside a value is its decimal mark (a European spreadsheet's
// "1,7;1,3" is 1.7 and 1.3), as is the comma inside a quoted value ("1,5"); a note says so. Import
// never guesses silently:
//   - a line that cannot be used is skipped and reported by number, with the reason (or, with
//     `strict`, the whole file is refused naming those lines — the neural-network playground);
//   - class labels are mapped to classes 0, 1, 2 … in increasing order, and a note says so when
//     the file used other values ({−1, 1} or {1, 2} read as 0 and 1), so a label set never turns
//     into regression targets or an empty class;
//   - a label column a widget does not use is ignored with a note;
//   - a file that is not text (a picture, a spreadsheet's binary format) is refused in words.
// parsePointsCsv returns { X (Float64Array, dims per point), y (Float64Array or null), kind,
// classes, notes, count, and for classes labelValues: what each class was in the file (the number
// or the word), so a widget that gives the labels a meaning of its own can say which was which;
// with sayRelabelled: false it says so itself, and the mapping note is left out } or throws an Error whose message says in words why nothing could be
// imported.

import { button, el, nextId } from './ui.js';
import { english } from './messages.js';
import { formatNumber, formatShort } from './format.js';

export const CSV_MAX_BYTES = 2e6;

// A line's cells: split on ';' and tabs when the line has either outside quotes, else on ','
// (RFC 4180 quoting: a separator inside double quotes is part of the value, "" is a quote); one
// pair of surrounding quotes is taken off each cell. `decimalComma`: the line's cells may hold a
// comma as their decimal mark (a ';' or tab line; a quoted cell always may).
export function splitCsvLine(line) {
  let wide = false; // ';' or tab outside quotes
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === '\t')) { wide = true; break; }
  }
  const isSeparator = wide ? (ch) => ch === ';' || ch === '\t' : (ch) => ch === ',';
  const cells = [];
  let cell = '';
  quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && isSeparator(ch)) { cells.push(cell); cell = ''; } else cell += ch;
  }
  cells.push(cell);
  return {
    separator: wide ? ';' : ',',
    cells: cells.map((raw) => {
      const c = raw.trim();
      if (c.length >= 2 && c.startsWith('"') && c.endsWith('"')) return { text: c.slice(1, -1).replace(/""/g, '"').trim(), quoted: true };
      return { text: c, quoted: false };
    }),
    decimalComma: wide,
  };
}

// A cell's number: a plain JavaScript number, or one whose only mark is a single decimal comma
// (where the line allows one). `comma` is set when that comma was read. NaN for anything else.
// `thousands`: the file separates its values with commas and writes quoted numbers with
// thousands separators ("1,470" is 1470); `thousand` is then set on such a value.
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?(\d+,\d*|,\d+)([eE][+-]?\d+)?$/;
function cellNumber(cell, decimalComma, thousands = false) {
  const c = cell.text;
  if (c === '') return { value: NaN };
  if (thousands && cell.quoted && !decimalComma && THOUSANDS.test(c)) return { value: Number(c.replace(/,/g, '')), thousand: true };
  if ((decimalComma || cell.quoted) && DECIMAL_COMMA.test(c)) return { value: Number(c.replace(',', '.')), comma: true };
  return { value: Number(c) };
}
const LISTED = 3; // problems named one by one before "and n more"
const isWord = (text) => /[a-z]/i.test(text) && Number.isNaN(Number(text));
// A pandas index column's header cell: empty ("", what to_csv writes) or "Unnamed: 0" (what
// read_csv makes of it when the file is saved again).
const UNNAMED = /^(unnamed: ?0)?$/i;
// Two-valued words a spreadsheet or pandas writes for yes/no columns: the "no" word is class 0.
const BOOLEAN_WORDS = [['false', 'true'], ['no', 'yes'], ['n', 'y'], ['f', 't']];

// The names of a widget's columns when it says none (the header its Export writes).
function defaultColumns(dims, labels) {
  const cols = dims === 1 ? ['x'] : Array.from({ length: dims }, (_, j) => `x${j + 1}`);
  if (labels !== 'none') cols.push(dims === 1 && labels === 'value' ? 'y' : 'label');
  return cols;
}

// labels: 'class' (0 … maxClasses − 1 after mapping), 'value' (any finite number, regression),
//         'auto' (class when every label is a whole number and there are at most maxClasses of
//         them, otherwise value), 'none' (positions only; an extra column is ignored with a note).
// domain: [lo, hi] for every coordinate, or { x: [lo, hi], y: [lo, hi] } for the plane.
// dims: position columns per line (2: the plane; 1: a number line; more: a table's features).
// strict: refuse the whole file when any line is unusable (instead of skipping those lines); the
//         Error then carries the problems alone as `problems`.
// columns: the names of the widget's columns (positions, then the label when it reads one), as
//         its Export writes them: a header that names them all is read by name, in any order.
// t: the message function (web/lib/messages.js) whose words the notes and refusals use.
//
// What is read without a guess, and said in a note: a first column the header leaves unnamed
// (pandas' row index) is left out; columns named in the header are taken by name; quoted
// "1,470" in a comma-separated file is 1470 (thousands), while in a ';' file a comma is the
// decimal mark; a file of one column whose values have a decimal comma ("1,5") is that column;
// word labels (cat/dog, TRUE/FALSE) become classes. A first line shaped like the data is data.
export function parsePointsCsv(text, {
  labels = 'class', domain = [-1e6, 1e6], minPoints = 1, maxPoints = 2000, maxClasses = 3, valueRange = [-1e6, 1e6], sayRelabelled = true,
  dims = 2, strict = false, columns = null, t = english,
} = {}) {
  if (typeof text !== 'string' || !text.trim()) throw new Error(t('csv.empty', { example: exampleLine(dims, labels !== 'none') }));
  // Text files hold no NUL and few control characters; anything else is a binary file. (U+FFFD,
  // a byte that was not UTF-8, is a text file in another encoding: read, with a note.)
  const sample = text.slice(0, 4096);
  const control = (sample.match(/[\u0000-\u0008\u000e-\u001f]/g) || []).length;
  if (sample.includes('\u0000') || control > Math.max(2, sample.length / 100)) {
    throw new Error(t('csv.notText'));
  }
  const box = Array.isArray(domain) ? { x: domain, y: domain } : domain;
  const range = (j) => (j === 0 ? box.x : j === 1 ? box.y : box.x);
  const wantLabel = labels !== 'none';
  const need = wantLabel ? dims + 1 : dims;
  const names = (columns && columns.length === need ? columns : defaultColumns(dims, labels)).map(String);
  const reading = []; // notes on how the file was read, shown before the others

  // The lines with content, each split into cells.
  const rows = [];
  text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).forEach((line, index) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    rows.push({ n: formatNumber(index + 1, 0), raw: trimmed, split: splitCsvLine(trimmed) }); // the line number as the learner reads it ("line 1 204")
  });
  if (text.includes('\ufffd')) reading.push(t('csv.notUtf8'));

  // A first line with words where the data have numbers is a header; a first line whose positions
  // are numbers is data (its words, if any, are labels).
  let header = null;
  if (rows.length) {
    const { split } = rows[0];
    const wordy = split.cells.slice(0, need + 1).some((c) => isWord(c.text));
    const dataShaped = split.cells.length >= dims && split.cells.slice(0, dims).every((c) => Number.isFinite(cellNumber(c, split.decimalComma).value));
    if (wordy && !dataShaped) header = rows.shift();
  }

  let oneColumn = false;
  // European Excel's one-column file: "1,5" unquoted, on lines with no other separator. Read as one
  // value with a decimal comma when the header names one column or the lines differ in commas.
  if (rows.length && !/[;\t"]/.test(rows.map((r) => r.raw).join('\n')) && (!header || header.split.cells.length === 1)) {
    const withComma = rows.filter((r) => /^[+-]?\d+,\d+$/.test(r.raw));
    const plain = rows.filter((r) => !r.raw.includes(',') && Number.isFinite(Number(r.raw)));
    if (withComma.length && withComma.length + plain.length === rows.length && (header || plain.length)) {
      for (const r of rows) r.split = { separator: ',', cells: [{ text: r.raw, quoted: false }], decimalComma: true };
      oneColumn = true;
      const example = withComma[0].raw;
      reading.push(t('csv.oneColumnComma', { text: example.slice(0, 20), value: formatShort(Number(example.replace(',', '.')), 6) }));
    }
  }

  // pandas' to_csv writes its row index as a first column with an empty header cell.
  const firstValues = rows.map((r) => (r.split.cells[0] ? Number(r.split.cells[0].text === '' ? NaN : r.split.cells[0].text) : NaN));
  const indexFrom = (start) => rows.length > 1 && firstValues.every((v, i) => v === i + start);
  const sequence = indexFrom(0) ? 0 : indexFrom(1) ? 1 : null;
  let drop = 0;
  let indexNote = ''; // a first column read as data although it looks like pandas' row index
  if (header && header.split.cells.length > 1 && UNNAMED.test(header.split.cells[0].text) && header.split.cells.slice(1).some((c) => c.text !== '')) {
    drop = 1;
    reading.push(t('csv.indexDropped', { name: header.split.cells[0].text, from: sequence === null ? '' : formatNumber(sequence, 0), to: sequence === null ? '' : formatNumber(sequence + rows.length - 1, 0) }));
  } else if (!header && sequence === 0 && rows.length >= 5 && rows.every((r) => r.split.cells.length === need + 1)) {
    indexNote = t('csv.indexKept', { to: formatNumber(rows.length - 1, 0) });
    reading.push(indexNote);
  }
  const cellsOf = (r) => r.split.cells.slice(drop);

  // Which file column is which of the widget's: by name when the header names them all, else in order.
  let pick = Array.from({ length: need }, (_, j) => j);
  if (header) {
    const heads = header.split.cells.slice(drop).map((c) => c.text.trim());
    const lower = heads.map((h) => h.toLowerCase());
    const at = names.map((name) => lower.indexOf(name.toLowerCase()));
    const found = at.filter((i) => i >= 0);
    if (found.length === need && new Set(found).size === need) {
      if (at.some((i, j) => i !== j)) {
        pick = at;
        reading.push(t('csv.byName', { names: names.join(', ') }));
      }
    } else if (at.some((i, j) => i >= 0 && i !== j)) {
      const elsewhere = names.filter((_, j) => at[j] >= 0 && at[j] !== j);
      throw new Error(t('csv.namesOutOfPlace', { found: elsewhere.join(', '), names: names.join(','), missing: names.filter((_, j) => at[j] < 0).join(', ') }));
    } else if (dims > 2) {
      const mapping = names.map((name, j) => (heads[j] !== undefined && lower[j] !== name.toLowerCase() ? `${heads[j] || '(no name)'} → ${name}` : '')).filter(Boolean);
      if (mapping.length) reading.push(t('csv.byPosition', { mapping: mapping.join(', ') }));
    }
  }
  const picked = new Set(pick);
  const columnName = (j) => (header && header.split.cells[drop + pick[j]] && header.split.cells[drop + pick[j]].text) || names[j];

  // Quoted numbers with a comma on comma-separated lines: thousands ("1,470") or decimal ("1,5").
  let thousands = false;
  {
    const shaped = [];
    const decimal = [];
    for (const r of rows) {
      if (r.split.decimalComma) continue;
      for (const c of cellsOf(r)) {
        if (!c.quoted || !c.text.includes(',')) continue;
        if (THOUSANDS.test(c.text)) shaped.push(c.text); else if (DECIMAL_COMMA.test(c.text)) decimal.push(c.text);
      }
    }
    if (shaped.length && decimal.length) throw new Error(t('csv.commaAmbiguous', { decimal: decimal[0].slice(0, 20), thousands: shaped[0].slice(0, 20) }));
    thousands = shaped.length > 0;
  }

  // Word labels: every label cell a word (cat/dog, TRUE/FALSE) → classes, the mapping said.
  let wordClass = null;
  if (wantLabel) {
    const label = pick[dims];
    const texts = rows.map((r) => cellsOf(r)[label]).filter((c) => c && c.text !== '').map((c) => c.text);
    if (texts.length && texts.every(isWord)) {
      const distinct = [...new Set(texts)];
      const shown = `${distinct.slice(0, 6).join(', ')}${distinct.length > 6 ? ', …' : ''}`;
      if (labels === 'value') throw new Error(t('csv.wordValues', { column: columnName(dims), values: shown }));
      if (distinct.length > maxClasses) throw new Error(t('csv.tooManyWords', { column: columnName(dims), count: formatNumber(distinct.length, 0), values: shown, max: maxClasses }));
      if (distinct.length < 2 && maxClasses > 1) throw new Error(t('csv.oneLabel', { value: distinct[0], also: '' }));
      const pair = distinct.length === 2 && BOOLEAN_WORDS.find((b) => distinct.every((w) => b.includes(w.toLowerCase())));
      const ordered = pair ? [...distinct].sort((p, q) => pair.indexOf(p.toLowerCase()) - pair.indexOf(q.toLowerCase())) : distinct;
      wordClass = new Map(ordered.map((w, i) => [w, i]));
      reading.push(t('csv.wordLabels', { column: columnName(dims), mapping: ordered.map((w, i) => `${w} → ${i}`).join(', '), boolean: Boolean(pair) }));
    }
  }

  const skipped = [];
  const xs = [];
  const ys = [];
  let sawExtra = false;
  let commaRead = null; // the first value read with a decimal comma: { text, value }
  let thousandRead = null; // the first value read with thousands separators
  let commaLikeThousands = null; // a decimal-comma value shaped like thousands ("1,470" on a ';' line)
  const what = t('csv.columns', { dims, label: wantLabel ? (labels === 'value' ? 'value' : 'label') : '' });
  for (const { n, split } of rows) {
    const all = cellsOf({ split });
    const texts = all.map((c) => c.text);
    if (pick.some((i) => i >= all.length)) { skipped.push(t('csv.tooFewValues', { line: n, have: all.length, what, need })); continue; }
    const mine = pick.map((i) => all[i]);
    const read = mine.map((c, j) => (j === dims && wordClass ? { value: wordClass.has(c.text) ? wordClass.get(c.text) : NaN } : cellNumber(c, split.decimalComma, thousands)));
    const nums = read.map((r) => r.value);
    if (!nums.every(Number.isFinite)) { skipped.push(t('csv.notANumber', { line: n, text: mine.map((c) => c.text).join(split.separator).slice(0, 30) })); continue; }
    const withComma = read.reduce((at, r, j) => (r.comma && (at < 0 || (Number.isInteger(nums[at]) && !Number.isInteger(nums[j]))) ? j : at), -1);
    const position = nums.slice(0, dims);
    const outside = position.findIndex((v, j) => v < range(j)[0] || v > range(j)[1]);
    if (outside >= 0) {
      skipped.push(dims === 2
        ? t('csv.outsidePlot', { line: n, ...Object.fromEntries(Object.entries({ x: position[0], y: position[1], x0: box.x[0], x1: box.x[1], y0: box.y[0], y1: box.y[1] }).map(([k, v]) => [k, formatShort(v, 6)])) })
        : t('csv.outsideRange', { line: n, value: formatShort(position[outside], 6), lo: formatShort(range(outside)[0], 6), hi: formatShort(range(outside)[1], 6) }));
      continue;
    }
    const c = nums[dims];
    if (wantLabel && labels !== 'class' && (c < valueRange[0] || c > valueRange[1])) {
      skipped.push(t('csv.labelOutside', { line: n, kind: labels, value: formatShort(c, 6), lo: formatShort(valueRange[0], 6), hi: formatShort(valueRange[1], 6) }));
      continue;
    }
    if (texts.some((v, i) => !picked.has(i) && v !== '')) sawExtra = true;
    // The note's example: the first value whose comma mattered (1,7 rather than 0,0).
    if (withComma >= 0 && (!commaRead || (Number.isInteger(commaRead.value) && !Number.isInteger(nums[withComma])))) commaRead = { text: mine[withComma].text.slice(0, 20), value: nums[withComma] };
    const big = read.findIndex((r) => r.thousand);
    if (big >= 0 && !thousandRead) thousandRead = { text: mine[big].text.slice(0, 20), value: nums[big] };
    const shaped = read.findIndex((r, j) => r.comma && THOUSANDS.test(mine[j].text));
    if (shaped >= 0 && !commaLikeThousands) commaLikeThousands = { text: mine[shaped].text.slice(0, 20), value: nums[shaped] };
    xs.push(...position);
    if (wantLabel) ys.push(c);
  }

  const notes = [...reading];
  if (skipped.length) {
    const problems = skipped.slice(0, LISTED).join('; ');
    const more = Math.max(0, skipped.length - LISTED);
    if (strict) throw Object.assign(new Error(t('csv.refused', { problems, more })), { problems });
    notes.push(t('csv.skipped', { count: skipped.length, problems, more }));
  }
  const count = xs.length / dims;
  const skippedNote = skipped.length ? notes[reading.length] : '';
  if (count === 0) throw new Error(t('csv.noPoint', { skipped: skippedNote }));
  // A refusal after skipped lines says what was skipped too, and one after a first column that looks
  // like a row index says so: either is often the real cause.
  const also = [indexNote, skippedNote].filter(Boolean).join(' ');
  if (count < minPoints) throw new Error(t('csv.tooFewPoints', { count, min: formatNumber(minPoints, 0), also }));
  if (count > maxPoints) throw new Error(t('csv.tooManyPoints', { count: formatNumber(count, 0), max: formatNumber(maxPoints, 0) }));
  if (commaRead && !oneColumn && !commaLikeThousands) notes.push(t('csv.decimalComma', { text: commaRead.text, value: formatShort(commaRead.value, 6) }));
  if (commaLikeThousands) notes.push(t('csv.commaNotThousands', { text: commaLikeThousands.text, value: formatShort(commaLikeThousands.value, 6) }));
  if (thousandRead) notes.push(t('csv.thousands', { text: thousandRead.text, value: formatShort(thousandRead.value, 6) }));
  const byOrder = pick.every((i, j) => i === j);
  if (sawExtra && !byOrder) notes.push(t('csv.ignoredOthers'));
  else if (sawExtra && !wantLabel) notes.push(t('csv.ignoredColumn', { dims }));
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
    throw new Error(t('csv.tooManyLabels', { count: formatNumber(distinct.length, 0), values: `${distinct.slice(0, 6).map(labelText).join(', ')}${distinct.length > 6 ? ', …' : ''}`, max: maxClasses, also }));
  }
  if (distinct.length < 2 && maxClasses > 1) throw new Error(t('csv.oneLabel', { value: labelText(distinct[0]), also }));
  const identity = distinct.every((v, i) => v === i);
  if (!identity && sayRelabelled) notes.push(t('csv.relabelled', { from: distinct.map(labelText).join(', '), to: distinct.map((_, i) => i).join(', ') }));
  const index = new Map(distinct.map((v, i) => [v, i]));
  const y = Float64Array.from(ys, (v) => index.get(v));
  const words = wordClass ? [...wordClass.keys()] : null; // in class order
  const labelValues = distinct.map((v) => (words ? words[v] : v));
  return { X, y, kind: distinct.length > 2 ? 'multiclass' : 'binary', classes: distinct.length, labelValues, notes, count, skipped: skipped.length };
}

// A class label as a note names it: a word as written, a whole number in digits (an identifier,
// so not grouped: "1000", "-1"), one beyond 2⁵³ as the formatter writes a number ("1 × 10³⁰⁸",
// never "1e+308").
export function labelText(v) {
  if (typeof v === 'string') return v;
  return Number.isSafeInteger(v) ? String(v) : formatShort(v, 6);
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
// Whether every point of a flat (x₁, y₁, x₂, y₂ …) array sits at the first point's place: a clustering or
// an anomaly score has nothing to tell apart there, so widgets refuse such points in words.
export function pointsAtOnePlace(X) { return X.every((v, i) => v === X[i % 2]); }

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

// A file's bytes as text: UTF-8 when they are UTF-8 (a BOM is kept for the parser to drop), else
// Windows-1252, what Excel on Windows writes for "CSV" (every byte is a character there, so
// "Größe" stays readable). `encoding` says which was used.
export function decodeCsvBytes(bytes) {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

// Reads a File as { text, encoding } (decodeCsvBytes), refusing files larger than maxBytes with a
// message in words.
export function readCsvFile(file, maxBytes = CSV_MAX_BYTES, t = english) {
  return new Promise((resolve, reject) => {
    if (!file) { reject(new Error(t('csv.noFile'))); return; }
    if (file.size > maxBytes) { reject(new Error(t('csv.tooLarge', { size: formatNumber(Math.round(file.size / 1024), 0), max: formatNumber(Math.round(maxBytes / 1024), 0) }))); return; }
    const reader = new FileReader();
    reader.onload = () => resolve(decodeCsvBytes(new Uint8Array(reader.result)));
    reader.onerror = () => reject(new Error(t('csv.unreadable')));
    reader.readAsArrayBuffer(file);
  });
}

// Reads a File as text (as readCsvFile, the text alone).
export function readTextFile(file, maxBytes = CSV_MAX_BYTES, t = english) {
  return readCsvFile(file, maxBytes, t).then((r) => r.text);
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
      const { text, encoding } = await readCsvFile(file, CSV_MAX_BYTES, t);
      const { notes = [], warn = false } = importText(text) || {};
      const shown = notes.length ? notes : [t('csv.importedFile', { name: file.name.slice(0, 60) })];
      if (encoding !== 'utf-8') shown.push(t('csv.windows1252'));
      card.setMessage(shown.join(' '), warn ? 'warn' : 'ok');
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
      // The names its Export writes: a header with them is read by name, in any order.
      const dims = rules.dims || 2;
      const columns = [...(names || (dims === 1 ? ['x'] : Array.from({ length: dims }, (_, j) => `x${j + 1}`))), ...((rules.labels || 'class') !== 'none' ? [labelName] : [])];
      const parsed = parsePointsCsv(text, { columns, ...rules, t: ctx.t });
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
