// The shared CSV rules for point widgets (web/lib/points-csv.js): headers, separators, skipped
// lines reported by number, label sets mapped to classes with a note, positions-only files, limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePointsCsv, pointsFromState, pointsState, pointsToCsv } from '../../web/lib/points-csv.js';

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
