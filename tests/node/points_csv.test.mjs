// The shared CSV rules for point widgets (web/lib/points-csv.js): headers, separators, skipped
// lines reported by number, label sets mapped to classes with a note, positions-only files, limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCsvBytes, labelText, parsePointsCsv, pointsFromState, pointsState, pointsToCsv } from '../../web/lib/points-csv.js';

test('a header, three separators, comments and blank lines; labels 0/1 need no note', () => {
  const r = parsePointsCsv('x1,x2,label\n# a comment\n0,0,0\n\n1;1;1\n2\t0.5\t1\n', { domain: [-5, 5] });
  assert.deepEqual(Array.from(r.X), [0, 0, 1, 1, 2, 0.5]);
  assert.deepEqual(Array.from(r.y), [0, 1, 1]);
  assert.equal(r.kind, 'binary');
  assert.equal(r.classes, 2);
  assert.deepEqual(r.notes, []);
});

test('labels −1/1 and 1/2/3 become classes 0, 1 (, 2) with a note saying so', () => {
  const a = parsePointsCsv('0,0,-1\n1,1,1\n2,2,-1\n');
  assert.deepEqual(Array.from(a.y), [0, 1, 0]);
  assert.deepEqual(a.notes, ['Labels -1, 1 were read as classes 0, 1.']);
  const b = parsePointsCsv('0,0,1\n1,1,2\n2,2,3\n', { maxClasses: 3 });
  assert.deepEqual(Array.from(b.y), [0, 1, 2]);
  assert.equal(b.kind, 'multiclass');
  assert.match(b.notes[0], /Labels 1, 2, 3 were read as classes 0, 1, 2/);
});

test('class labels in notes are written as identifiers, never in e-notation: 1000 as "1000", 1e308 through the formatter', () => {
  const a = parsePointsCsv('0,0,1000\n1,1,1e308\n2,2,1000\n');
  assert.deepEqual(a.notes, ['Labels 1000, 1 × 10³⁰⁸ were read as classes 0, 1.']);
  assert.throws(() => parsePointsCsv('0,0,5e300\n1,1,5e300\n'), { message: /^Every point has the label 5 × 10³⁰⁰; at least two classes are needed\./ });
  assert.throws(() => parsePointsCsv('0,0,1\n1,1,2\n2,2,3\n3,3,4e21\n', { maxClasses: 3 }), { message: /\(1, 2, 3, 4 × 10²¹\)/ });
  assert.equal(labelText('cat'), 'cat');
  assert.equal(labelText(-1), '-1');
});

test('bad lines are skipped and reported by number; the rest is used', () => {
  const r = parsePointsCsv('x,y,c\n0,0,0\n1,abc,1\n2,2\n99,0,1\n1,1,1\n', { domain: [-5, 5] });
  assert.equal(r.X.length / 2, 2);
  assert.equal(r.notes.length, 1);
  assert.match(r.notes[0], /^3 lines skipped: line 3 has a value that is not a number \("1,abc,1"\); line 4 has 2 values, x1, x2 and a label are needed; line 5: the point \(99, 0\) lies outside the plot/);
  const many = parsePointsCsv(['0,0,0', '1,1,1', ...Array.from({ length: 6 }, () => 'x,1,1')].join('\n'));
  assert.match(many.notes[0], /^6 lines skipped: .*\(and 3 more lines\)\.$/);
});

test('class sets that cannot be classes are refused in words, never turned into regression', () => {
  assert.throws(() => parsePointsCsv('0,0,1\n1,1,1\n'), /Every point has the label 1; at least two classes are needed/);
  assert.throws(() => parsePointsCsv('0,0,0\n1,1,1\n2,2,2\n3,3,3\n', { maxClasses: 3 }), /4 different labels \(0, 1, 2, 3\); this widget shows at most 3 classes/);
  assert.throws(() => parsePointsCsv('0,0,0.5\n1,1,1\n'), /Class labels must be whole numbers; the file has 0.5/);
});

test('auto: whole labels within the class limit are classes, anything else regression values', () => {
  assert.equal(parsePointsCsv('0,0,0\n1,1,1\n', { labels: 'auto' }).kind, 'binary');
  const r = parsePointsCsv('0,0,0.5\n1,1,1.25\n', { labels: 'auto' });
  assert.equal(r.kind, 'regression');
  assert.deepEqual(Array.from(r.y), [0.5, 1.25]);
});

test('positions only: two columns read, a third ignored with a note', () => {
  const r = parsePointsCsv('x1,x2\n0,0\n1,2\n', { labels: 'none' });
  assert.deepEqual(Array.from(r.X), [0, 0, 1, 2]);
  assert.equal(r.y, null);
  assert.deepEqual(parsePointsCsv('0,0,7\n1,2,8\n', { labels: 'none' }).notes, ['The third column was ignored: this widget uses the positions only.']);
});

test('empty, unusable, too few and too many points are refused with the reason', () => {
  assert.throws(() => parsePointsCsv(''), /The file is empty/);
  assert.throws(() => parsePointsCsv(42), /The file is empty/);
  assert.throws(() => parsePointsCsv('a,b,c\nNaN,1,0\n'), /No point could be read: 1 line skipped: line 2 has a value that is not a number/);
  assert.throws(() => parsePointsCsv('0,0,0\n1,1,1\n', { minPoints: 4 }), /holds 2 usable points; at least 4 are needed/);
  assert.throws(() => parsePointsCsv('0,0,0\n1,1,1\n2,2,0\n', { maxPoints: 2 }), /holds 3 points; at most 2 can be used here/);
  assert.throws(() => parsePointsCsv('1e400,0,0\n1,1,1\n'), /Every point has the label 1; at least two classes are needed\. 1 line skipped: line 1 has a value that is not a number/);
});

test('export then import gives the same points and labels back', () => {
  const X = Float64Array.from([0.123456789, -2, 3.5, 4]);
  const y = Float64Array.from([0, 1]);
  const text = pointsToCsv(X, y);
  assert.equal(text, 'x1,x2,label\n0.123457,-2,0\n3.5,4,1\n');
  const back = parsePointsCsv(text);
  assert.deepEqual(Array.from(back.X), [0.123457, -2, 3.5, 4]);
  assert.deepEqual(Array.from(back.y), [0, 1]);
  assert.equal(pointsToCsv(X), 'x1,x2\n0.123457,-2\n3.5,4\n');
});

test('dims: one column on a number line, or a table of several features and a value', () => {
  const line = parsePointsCsv('x\n0\n1.5\n40\n', { dims: 1, labels: 'none', domain: [-20, 40] });
  assert.deepEqual(Array.from(line.X), [0, 1.5, 40]);
  assert.equal(line.count, 3);
  assert.match(parsePointsCsv('0,9\n1,9\n', { dims: 1, labels: 'none' }).notes[0], /^The second column was ignored/);
  assert.throws(() => parsePointsCsv('x\n0\n99\n', { dims: 1, labels: 'none', domain: [-20, 40], minPoints: 2 }), /holds 1 usable point; at least 2 are needed\. 1 line skipped: line 3: the value 99 lies outside -20 … 40\./);
  const xy = parsePointsCsv('x,y\n1,2\n2,4.5\n', { dims: 1, labels: 'value', domain: [0, 10] });
  assert.deepEqual([Array.from(xy.X), Array.from(xy.y), xy.kind], [[1, 2], [2, 4.5], 'regression']);
  assert.throws(() => parsePointsCsv('1\n2\n', { dims: 1, labels: 'value' }), /line 1 has 1 value, x and a value are needed/);
  const table = parsePointsCsv('a,b,c,price\n1,2,3,10\n4,5,6,20\n', { dims: 3, labels: 'value' });
  assert.deepEqual(Array.from(table.X), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(Array.from(table.y), [10, 20]);
  assert.throws(() => parsePointsCsv('1,2,10\n', { dims: 3, labels: 'value' }), /line 1 has 3 values, 3 features and a value are needed/);
  assert.equal(pointsToCsv(Float64Array.from([1, 2, 3, 4, 5, 6]), Float64Array.from([10, 20]), { dims: 3, names: ['a', 'b', 'c'], labelName: 'price' }), 'a,b,c,price\n1,2,3,10\n4,5,6,20\n');
  assert.equal(pointsToCsv(Float64Array.from([0, 1]), null, { dims: 1 }), 'x\n0\n1\n');
});

test('strict: one unusable line refuses the whole file, naming the lines (the playground\'s rule)', () => {
  assert.throws(() => parsePointsCsv('x1,x2,label\n1,2,0\n3,oops,1\n4\n', { strict: true }),
    /^Error: The CSV could not be used: line 3 has a value that is not a number \("3,oops,1"\); line 4 has 1 value, x1, x2 and a label are needed\.$/);
  assert.throws(() => parsePointsCsv(['0,0,0', 'x,1,0', 'y,1,0', 'z,1,0', 'w,1,0'].join('\n'), { strict: true }), /\(and 1 more problem\)\.$/);
  // auto labels: a value outside the range is a problem, never silently clipped
  assert.throws(() => parsePointsCsv('0,0,0.5\n1,1,40\n', { strict: true, labels: 'auto', valueRange: [-30, 30] }), /line 2: the label 40 is outside -30 … 30/);
});

test('a file that is not text is refused in words; extra columns after the label are noted', () => {
  assert.throws(() => parsePointsCsv('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR'), /^Error: The file is not text/);
  assert.throws(() => parsePointsCsv(`0,0,0\n${'\u0001\u0002\u0003'.repeat(10)}\n`), /The file is not text/);
  assert.deepEqual(parsePointsCsv('0,0,0,train\n1,1,1,test\n').notes, ['Columns after the label were ignored.']);
});

test('points in Share-link state: the same rules, every point must be usable', () => {
  const s = pointsState(Float64Array.from([0, 0, 1, 1]), Float64Array.from([0, 1]));
  assert.deepEqual(s, { p: [0, 0, 1, 1], l: [0, 1] });
  const back = pointsFromState(s);
  assert.deepEqual([Array.from(back.X), Array.from(back.y)], [[0, 0, 1, 1], [0, 1]]);
  assert.deepEqual(Array.from(pointsFromState({ p: [3, 4] }, { dims: 1, labels: 'none' }).X), [3, 4]);
  assert.throws(() => pointsFromState(null), /the points must be a list of at most 2\u202f000 positions of 2 numbers/);
  assert.throws(() => pointsFromState({ p: [0, 0, 1] }), /positions of 2 numbers/);
  assert.throws(() => pointsFromState({ p: [0, 0, 1, 1] }), /every point needs a label/);
  assert.throws(() => pointsFromState({ p: [0, 0, 1, '1'], l: [0, 1] }), /something that is not a number/);
  assert.throws(() => pointsFromState({ p: [0, 0, 50, 1], l: [0, 1] }, { domain: [-10, 10] }), (err) => err instanceof RangeError && /^line 2: the point \(50, 1\) lies outside the plot/.test(err.message));
  assert.throws(() => pointsFromState({ p: [0, 0, 1, 1], l: [1, 1] }), /Every point has the label 1/);
  assert.throws(() => pointsFromState({ p: Array(10).fill(0) }, { labels: 'none', maxPoints: 4 }), /at most 4 positions/);
});

// A point far outside the plot is named in the site's number style, not as 1000000000.
test('a skipped point outside the plot is written through the formatter', () => {
  const r = parsePointsCsv('0,0,0\n1,1,1\n1e9,2,0\n', { domain: [-5, 5] });
  assert.match(r.notes[0], /line 3: the point \(1 × 10⁹, 2\) lies outside the plot \(x from -5 to 5, y from -5 to 5\)/);
});

// Counts and limits from 1 000 on are grouped as everywhere else on the site (the import said
// "holds 2100 points; at most 2000"); line numbers and values in a skipped line's note too.
test('counts, limits, line numbers and values from 1 000 on are written grouped', () => {
  const lines = Array.from({ length: 2100 }, (_, i) => `${i % 7},${i % 5},${i % 2}`).join('\n');
  assert.throws(() => parsePointsCsv(lines, { maxPoints: 2000 }), /^Error: The file holds 2\u202f100 points; at most 2\u202f000 can be used here\.$/);
  assert.throws(() => parsePointsCsv(lines, { minPoints: 3000, maxPoints: 5000 }), /holds 2\u202f100 usable points; at least 3\u202f000 are needed/);
  const late = `${Array.from({ length: 1203 }, () => '0,0,0').join('\n')}\n1,1,1\n5000,0,1\n`;
  assert.match(parsePointsCsv(late, { domain: [-1000, 1000] }).notes[0], /line 1\u202f205: the point \(5\u202f000, 0\) lies outside the plot \(x from -1\u202f000 to 1\u202f000/);
  assert.throws(() => parsePointsCsv('0,1500\n1,2500\n', { dims: 1, labels: 'value', strict: true, valueRange: [-1000, 1000] }), /line 1: the value 1\u202f500 is outside -1\u202f000 … 1\u202f000/);
});

// A European spreadsheet writes "x;y" and "1,7;1,3": the values are 1.7 and 1.3, never 1 and 7
// (the comma split the decimals off and the rest passed as an ignored column), and the note says
// how the comma was read.
test('with ";" (or tab) between values, a comma inside a value is its decimal mark, with a note', () => {
  const r = parsePointsCsv('x;y\n1,7;1,3\n-0,5;2\n3;4,25\n', { dims: 1, labels: 'value', domain: [-5, 5] });
  assert.deepEqual(Array.from(r.X), [1.7, -0.5, 3]);
  assert.deepEqual(Array.from(r.y), [1.3, 2, 4.25]);
  assert.deepEqual(r.notes, ['A comma inside a value was read as its decimal mark ("1,7" as 1.7).']);
  // draw-boundary's file: two positions and a label, never four "labels" -2, -1, 0, 1
  const c = parsePointsCsv('x1;x2;label\n-2,0;-2,0;0\n1,5;0,5;1\n', { domain: [-5, 5], maxClasses: 2 });
  assert.deepEqual([Array.from(c.X), Array.from(c.y), c.classes], [[-2, -2, 1.5, 0.5], [0, 1], 2]);
  assert.deepEqual(parsePointsCsv('x\ty\n1,5\t2\n', { dims: 1, labels: 'value' }).X[0], 1.5);
  // a value with two marks is not a number (never a guess at thousands)
  assert.match(parsePointsCsv('1;2\n1.234,5;3\n', { dims: 1, labels: 'value' }).notes[0], /line 2 has a value that is not a number \("1\.234,5;3"\)/);
  // a comma-separated file reads as before, with no note
  assert.deepEqual(parsePointsCsv('0,0,0\n1.5,1,1\n').notes, []);
});

// RFC 4180: a spreadsheet or database export may quote every value ("0","1"), with CRLF lines.
test('quoted values are read as their numbers; a quoted "1,5" is 1.5', () => {
  const r = parsePointsCsv('"x","y"\r\n"0","1"\r\n"2.5","-3"\r\n', { dims: 1, labels: 'value' });
  assert.deepEqual([Array.from(r.X), Array.from(r.y), r.notes], [[0, 2.5], [1, -3], []]);
  const q = parsePointsCsv('x1,x2,label\n"1,5","2",0\n"0",1,"1"\n');
  assert.deepEqual([Array.from(q.X), Array.from(q.y)], [[1.5, 2, 0, 1], [0, 1]]);
  assert.match(q.notes[0], /"1,5" as 1\.5/);
  assert.deepEqual(Array.from(parsePointsCsv('"x";"y"\n"1,7";"1,3"\n', { dims: 1, labels: 'value' }).X), [1.7]);
  // a quoted word is still not a number
  assert.match(parsePointsCsv('0,0,0\n1,1,1\n"a","1",0\n').notes[0], /line 3 has a value that is not a number \("a,1,0"\)/);
});

test('the decimal-comma note shows a value whose comma mattered', () => {
  assert.deepEqual(parsePointsCsv('x;y\n0,0;1,0\n0,5;2,25\n', { dims: 1, labels: 'value' }).notes, ['A comma inside a value was read as its decimal mark ("0,5" as 0.5).']);
});

// ---- Files as real tools write them (audit 9, M7): read without a guess and said, or refused in words ----

// pandas' df.to_csv() writes its row index first, under an empty header cell: the index was read
// as x and the real last column dropped.
test('a pandas index column (empty or "Unnamed: 0" header cell) is left out, with a note', () => {
  const fit = parsePointsCsv(',x,y\n0,1.5,2.5\n1,-1.0,3.0\n2,2.0,2.0\n', { dims: 1, labels: 'value', domain: [-5, 5], columns: ['x', 'y'] });
  assert.deepEqual([Array.from(fit.X), Array.from(fit.y)], [[1.5, -1, 2], [2.5, 3, 2]]);
  assert.deepEqual(fit.notes, ['The first column, with no name in the header and holding the row numbers 0 to 2 in order, was read as a row index (as pandas writes it) and left out.']);
  const knn = parsePointsCsv(',x1,x2,label\n0,-2.985,1,0\n1,-2.975,2,1\n2,-2.046,0.5,1\n', { maxClasses: 2, domain: [-10, 10] });
  assert.deepEqual([Array.from(knn.X), Array.from(knn.y)], [[-2.985, 1, -2.975, 2, -2.046, 0.5], [0, 1, 1]]);
  const clusters = parsePointsCsv('Unnamed: 0,x1,x2\n0,1,2\n1,3,4\n', { labels: 'none' });
  assert.deepEqual(Array.from(clusters.X), [1, 2, 3, 4]);
  assert.match(clusters.notes[0], /^The first column, "Unnamed: 0" and holding the row numbers 0 to 1 in order, was read as a row index/);
  const line = parsePointsCsv(',x\n0,3\n1,5\n', { dims: 1, labels: 'none' });
  assert.deepEqual([Array.from(line.X), line.notes.length], [[3, 5], 1]);
  // without a header an index is only likely: it is read as data, and the note says what to do
  const bare = parsePointsCsv(Array.from({ length: 6 }, (_, i) => `${i},${i % 3},${i % 2}`).join('\n'), { labels: 'none' });
  assert.deepEqual(Array.from(bare.X.slice(0, 4)), [0, 0, 1, 1]);
  assert.match(bare.notes[0], /holds 0, 1, 2 … 5 in order, like a row index, and was read as data\. If it is pandas' index, save the file with index=False\./);
});

test('a header that names the widget\'s columns is read by name in any order; other names by position, said', () => {
  const houses = ['size', 'beds', 'age', 'distance', 'shoe_size', 'colour_code', 'random_id', 'price'];
  const r = parsePointsCsv('PRICE,size,beds,age,distance,shoe_size,colour_code,random_id\n300,100,2,3,4,5,6,9841\n400,120,3,4,5,6,7,9075\n', { dims: 7, labels: 'value', columns: houses });
  assert.deepEqual([Array.from(r.X), Array.from(r.y)], [[100, 2, 3, 4, 5, 6, 9841, 120, 3, 4, 5, 6, 7, 9075], [300, 400]]);
  assert.deepEqual(r.notes, ['The columns were taken by their names in the header (size, beds, age, distance, shoe_size, colour_code, random_id, price), not by their order.']);
  const other = parsePointsCsv('a,beds,c,d,e,f,g,h\n100,2,3,4,5,6,9841,300\n', { dims: 7, labels: 'value', columns: houses });
  assert.deepEqual(Array.from(other.y), [300]);
  assert.deepEqual(other.notes, ['The header does not name this widget\'s columns, so they were taken in order: a → size, c → age, d → distance, e → shoe_size, f → colour_code, g → random_id, h → price.']);
  const knn = parsePointsCsv('label,x1,x2\n2,1,1\n3,2,2\n', { maxClasses: 2 });
  assert.deepEqual([Array.from(knn.X), Array.from(knn.y)], [[1, 1, 2, 2], [0, 1]]);
  assert.throws(() => parsePointsCsv('label,a,b\n2,1,1\n3,2,2\n', { maxClasses: 2 }), /the header names label in another place, but not x1, x2.*Write the header as "x1,x2,label", or put the columns in that order\./);
  // the widget's own export, and the usual other names, read as before
  assert.deepEqual(parsePointsCsv('x1,x2,label,split\n0,0,0,train\n1,1,1,test\n').notes, ['Columns after the label were ignored.']);
  assert.deepEqual(parsePointsCsv('x,y,class\n0,0,0\n1,1,1\n').notes, []);
});

// Google Sheets and US Excel quote "1,470" in a comma-separated file: a thousands separator.
test('quoted "1,470" in a comma-separated file is 1470; in a ";" file 1.47; both kinds at once are refused', () => {
  const r = parsePointsCsv('size,rent\n65.0025,940\n70,"1,470"\n80,"1,673"\n', { dims: 1, labels: 'value' });
  assert.deepEqual(Array.from(r.y), [940, 1470, 1673]);
  assert.deepEqual(r.notes, ['A comma inside a quoted number was read as a thousands separator, as the file separates its values with commas ("1,470" as 1\u202f470).']);
  assert.deepEqual(Array.from(parsePointsCsv('a,b\n1,"12,345,678.5"\n', { dims: 1, labels: 'value', valueRange: [0, 1e8] }).y), [12345678.5]);
  const semi = parsePointsCsv('size;rent\n1;1,470\n', { dims: 1, labels: 'value' });
  assert.deepEqual([Array.from(semi.y), semi.notes], [[1.47], ['"1,470" was read as 1.47: the file separates its values with semicolons (or tabs), so its comma is the decimal mark. If it is a thousands separator, remove it.']]);
  assert.throws(() => parsePointsCsv('size,rent\n"1,5","1,470"\n', { dims: 1, labels: 'value' }), /a decimal mark \("1,5"\) and others one that looks like a thousands separator \("1,470"\)\. Remove the thousands separators/);
});

// European Excel writes a one-column file with decimal commas and no quotes: "1,5" is 1.5, not x = 1.
test('a one-column file with decimal commas is read as one column of numbers, with a note', () => {
  const text = 'x\n1,5\n2,25\n3,75\n12,5\n14\n15,5\n';
  const r = parsePointsCsv(text, { dims: 1, labels: 'none', domain: [-20, 40] });
  assert.deepEqual(Array.from(r.X), [1.5, 2.25, 3.75, 12.5, 14, 15.5]);
  assert.deepEqual(r.notes, ['The file has one column of numbers written with a decimal comma ("1,5" was read as 1.5).']);
  assert.deepEqual(Array.from(parsePointsCsv('1,5\n2,25\n14\n', { dims: 1, labels: 'none' }).X), [1.5, 2.25, 14]);
  // never the points (1, 5), (2, 25) … in the plane
  assert.throws(() => parsePointsCsv(text, { labels: 'none', domain: [-20, 40] }), /No point could be read: 6 lines skipped: line 2 has 1 value, x1, x2 are needed/);
});

// Excel on Windows saves "CSV" as Windows-1252: "Größe" is not UTF-8 and was refused as "not text".
test('a Windows-1252 file is decoded as such; replacement characters alone are not "binary"', () => {
  const rows = Array.from({ length: 20 }, (_, i) => `${i},5;2,5;${i % 2}`).join('\r\n');
  const bytes = Buffer.from(`Größe (m²);Länge (m);Klasse\r\n${rows}\r\n`, 'latin1');
  const decoded = decodeCsvBytes(bytes);
  assert.equal(decoded.encoding, 'windows-1252');
  assert.match(decoded.text, /^Größe \(m²\);Länge \(m\);Klasse/);
  assert.equal(parsePointsCsv(decoded.text, { maxClasses: 2, domain: [-100, 100] }).count, 20);
  assert.equal(decodeCsvBytes(Buffer.from('\ufeffx,y\n1,2\n')).encoding, 'utf-8');
  const mangled = parsePointsCsv(new TextDecoder().decode(bytes), { maxClasses: 2, domain: [-100, 100] });
  assert.equal(mangled.count, 20);
  assert.match(mangled.notes[0], /^Some characters in the file are not UTF-8 text/);
});

test('word labels become classes with the mapping said; a first line of numbers is data', () => {
  const r = parsePointsCsv('x1,x2,label\n1,2,cat\n3,4,dog\n5,6,cat\n');
  assert.deepEqual([Array.from(r.y), r.classes], [[0, 1, 0], 2]);
  assert.deepEqual(r.notes, ['The labels in "label" are words, read as classes cat → 0, dog → 1 (in the order they first appear).']);
  const b = parsePointsCsv('x1,x2,is_big\n1,2,TRUE\n3,4,FALSE\n5,6,TRUE\n');
  assert.deepEqual([Array.from(b.y), b.notes], [[1, 0, 1], ['The labels in "is_big" are words, read as classes FALSE → 0, TRUE → 1.']]);
  const bare = parsePointsCsv('1,2,cat\n3,4,dog\n5,6,cat\n');
  assert.deepEqual([bare.count, Array.from(bare.X.slice(0, 2))], [3, [1, 2]]);
  assert.equal(parsePointsCsv('1,2,0\n3,4,1\n').count, 2);
  assert.throws(() => parsePointsCsv('x1,x2,label\n1,2,a\n3,4,b\n5,6,c\n', { maxClasses: 2 }), /The label column "label" holds 3 different words \(a, b, c\); this widget shows at most 2 classes\. Keep at most 2 of them, or write the classes as numbers 0, 1\./);
  assert.throws(() => parsePointsCsv('x,y\n1,cat\n3,dog\n', { dims: 1, labels: 'value' }), /The column "y" holds words \(cat, dog\), not numbers/);
});

// A pandas file saved without its header but with its index: the first column is 0, 1, 2 …, so the
// classifier's label column holds the y values and is refused; the refusal names the likely cause.
test('a headerless file with a row-index column, refused for its labels, says the first column looks like an index', () => {
  const text = ['0,1.5,2.25,0', '1,-1.0,3.5,1', '2,2.0,2.75,0', '3,0.5,-1.25,1', '4,1.0,0.5,0', '5,-2.0,1.5,1'].join('\n');
  assert.throws(() => parsePointsCsv(text, { domain: [-5, 5], labels: 'class' }), (err) => {
    assert.match(err.message, /^Class labels must be whole numbers/);
    assert.match(err.message, /0, 1, 2 … 5 in order, like a row index/);
    assert.match(err.message, /index=False/);
    return true;
  });
});

// A widget that gives labels its own meaning (the anomaly detector) reads the file once: labelValues
// says what each class was in the file, and sayRelabelled: false leaves the "read as classes" note to it.
test('labelValues names each class as the file wrote it; sayRelabelled: false leaves out the mapping note', () => {
  const text = 'x1,x2,label\n0,0,1\n1,1,-1\n2,0,1\n';
  const said = parsePointsCsv(text, { domain: [-5, 5], maxClasses: 2 });
  assert.deepEqual(said.labelValues, [-1, 1]);
  assert.deepEqual(Array.from(said.y), [1, 0, 1]);
  assert.ok(said.notes.some((n) => /Labels -1, 1 were read as classes 0, 1/.test(n)), said.notes.join(' | '));
  const quiet = parsePointsCsv(text, { domain: [-5, 5], maxClasses: 2, sayRelabelled: false });
  assert.deepEqual(quiet.labelValues, [-1, 1]);
  assert.ok(!quiet.notes.some((n) => /read as classes/.test(n)), quiet.notes.join(' | '));
  const words = parsePointsCsv('x1,x2,label\n0,0,dog\n1,1,cat\n', { domain: [-5, 5], maxClasses: 2 });
  assert.deepEqual(words.labelValues, ['dog', 'cat']);
  assert.deepEqual(Array.from(words.y), [0, 1]);
});
