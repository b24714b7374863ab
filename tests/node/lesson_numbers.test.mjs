// Lessons write a large number the way the widgets do (web/lib/format.js, formatNumber's grouping):
// "2 304", thousands grouped with a narrow no-break space (U+202F), never "2,304". A comma is the
// decimal point in much of the world, and the check-yourself reader refuses "1,000" as ambiguous, so
// the course must not write it. In math, a group is "2\,304". Code (fenced or `inline`) and the
// arguments of a check-yourself computation (`= name x=1,2,3 …`) are not prose and are left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { formatMoney, formatNumber } from '../../web/lib/format.js';

const lessonsDir = path.resolve(import.meta.dirname, '../../lessons');
const lessons = fs.readdirSync(lessonsDir).filter((f) => f.endsWith('.md')).map((f) => ({ file: f, text: fs.readFileSync(path.join(lessonsDir, f), 'utf8') }));

// The lines of a lesson a learner reads as text: each with its math ($…$) and prose apart.
function readLines(text) {
  const out = [];
  let fenced = false;
  text.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) { fenced = !fenced; return; }
    if (fenced || /^:::/.test(line)) return;
    // A computation's arguments are no prose; its explanation (after " :: ") is.
    const read = /^=\s/.test(line) ? line.split(' :: ').slice(1).join(' :: ') : line;
    out.push({ n: i + 1, text: read.replace(/`[^`]*`/g, '') });
  });
  return out;
}

// Numbers written the way the site does not write them, in one lesson's text.
function strayNumbers(text) {
  const found = [];
  for (const { n, text: line } of readLines(text)) {
    line.split(/(\$\$?[^$]*\$\$?)/).forEach((part) => {
      const math = part.startsWith('$');
      const commas = math ? /\d(?:\{,\}|,)\d{3}(?!\d)/g : /\d,\d{3}(?!\d)/g;
      for (const m of part.matchAll(commas)) found.push(`${n}: ${m[0]}${math ? ' (in math: write \\,)' : ''}`);
      for (const m of part.matchAll(/\d\u2009\d{3}(?!\d)/g)) found.push(`${n}: a thin space in ${m[0]} can break at a line's end`);
    });
  }
  return found;
}

test('the formatter groups thousands with a narrow no-break space, which never breaks a number in two', () => {
  assert.equal(formatNumber(2304, 0, { grouping: true }), '2\u202f304');
  assert.equal(formatMoney(5000), '$5\u202f000.00');
});

test('the check finds a comma or thin space grouping, in prose and in math, and passes what the site writes', () => {
  assert.deepEqual(strayNumbers('It stores 2,304 pixels.'), ['1: 2,304']);
  assert.deepEqual(strayNumbers('Out of 6,744,596,480.'), ['1: 6,744', '1: 6,480']);
  assert.deepEqual(strayNumbers('that is $6{,}553{,}600 / 2$'), ['1: 6{,}553 (in math: write \\,)']);
  assert.deepEqual(strayNumbers('after 10\u2009000 steps'), ['1: a thin space in 0\u2009000 can break at a line\'s end']);
  assert.deepEqual(strayNumbers('? Which step?\n= lr.step x=1,000 ± 1 :: Step 1\u202f200 is $1\\,200$.\n```\nprint(1,000)\n```\nThe `1,000` in code; the years 2014 and 2,3 are no group.'), []);
});

test('no lesson writes a thousands group with a comma (or a thin space): "2 304", and "2\\,304" in math', () => {
  const stray = lessons.flatMap(({ file, text }) => strayNumbers(text).map((s) => `${file}:${s}`));
  assert.deepEqual(stray, []);
});

// The widgets' own words (their messages files) follow the same rule as the lessons.
test('no widget message writes a thousands group with a comma (or a thin space)', () => {
  const webDir = path.resolve(import.meta.dirname, '../../web');
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/(^|\.)messages(-en)?\.js$/.test(e.name)) files.push(p);
    }
  };
  walk(webDir);
  assert.ok(files.length >= 50, `found ${files.length} messages files`);
  const stray = [];
  for (const file of files) {
    fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (/^\s*\/\//.test(line)) return;
      for (const m of line.matchAll(/\d(?:,|\u2009)\d{3}(?!\d)/g)) stray.push(`${path.relative(webDir, file)}:${i + 1}: ${m[0]}`);
    });
  }
  assert.deepEqual(stray, []);
});
