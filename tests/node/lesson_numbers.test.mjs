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

// A four-digit quantity is grouped as well ("1 616 steps", "$4\,096 \times 4\,096$"), as the
// formatter groups it. A year is no quantity and stays "2014"; a number from 1940 to 2030 is read as
// a year when
//   - a year word comes just before it ("in 2012", "since 1998", "published 1982", "May 2016"),
//   - it names a decade ("the 1970s"),
//   - it closes a citation inside parentheses: the number is followed by ")", ",", ";" or ":"
//     there ("(Nair and Hinton 2010)", "(1998)", "(Lloyd 1957, published 1982)"), or
//   - the lesson tells the field's history (HISTORY_LESSONS), where such a number dates an event
//     ("Minsky and Papert's 1969 book", "Compare 1997 (Deep Blue) with 2016 (AlphaGo)").
// A reference list (a paragraph opening "**References.**" or "**Further reading.**") holds years,
// volumes, pages and identifiers, no quantities, and a number joined to a letter or colon before it
// ("arXiv:1606") is an identifier; both are left as written. Math holds no years: every four-digit
// number there is a quantity.
const HISTORY_LESSONS = new Set(['history-of-ai.md']);
const YEAR_WORD = /\b(?:in|since|by|until|from|published|January|February|March|April|May|June|July|August|September|October|November|December)\s+$/i;
const REFERENCE_LIST = /^\*\*(?:References|Further reading)\.\*\*/;

function readsAsYear(value, before, after, file) {
  if (value < 1940 || value > 2030) return false;
  if (HISTORY_LESSONS.has(file) || YEAR_WORD.test(before) || /^s\b/.test(after)) return true;
  const open = (before.match(/\(/g) ?? []).length - (before.match(/\)/g) ?? []).length;
  return open > 0 && /^[),;:]/.test(after);
}

// Four-digit numbers written without their group, in one lesson's text ("fit-the-line.md" names it
// for the history rule).
function ungroupedQuantities(text, file = '') {
  const found = [];
  for (const { n, text: line } of readLines(text)) {
    if (REFERENCE_LIST.test(line)) continue;
    let prose = '';
    line.split(/(\$\$?[^$]*\$\$?)/).forEach((part) => {
      const math = part.startsWith('$');
      for (const m of part.matchAll(/(?<![\d.,\u202f\u2009]|\\,)[1-9]\d{3}(?!\d|[\u202f\u2009]\d|\\,\d)/g)) {
        if (math) { found.push(`${n}: ${m[0]} (in math: write ${m[0][0]}\\,${m[0].slice(1)})`); continue; }
        const before = prose + part.slice(0, m.index);
        const after = part.slice(m.index + 4);
        if (/[A-Za-z:]$/.test(before) || readsAsYear(Number(m[0]), before, after, file)) continue;
        found.push(`${n}: ${m[0]}`);
      }
      prose += math ? ' ' : part;
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

test('the check finds an ungrouped four-digit quantity and passes years, decades, citations and identifiers', () => {
  assert.deepEqual(ungroupedQuantities('From there it takes 1616 steps.'), ['1: 1616']);
  assert.deepEqual(ungroupedQuantities('Fast-forward draws all 2000; the 2000 means measure 0.993.'), ['1: 2000', '1: 2000']);
  assert.deepEqual(ungroupedQuantities('Each is $48 \\cdot 48 = 2304$ numbers.'), ['1: 2304 (in math: write 2\\,304)']);
  assert.deepEqual(ungroupedQuantities('| 1 | 2000 | 300 |\n- About 9000, because it must\n? With 1500 updates'), ['1: 2000', '2: 9000', '3: 1500']);
  // A year word or a citation's parentheses read 1940–2030 as a year; outside that range, or
  // without them, the number is a quantity.
  assert.deepEqual(ungroupedQuantities('In 1943 a unit; since 1998, published 1982, by May 2016.'), []);
  assert.deepEqual(ungroupedQuantities('the early 1970s (Nair and Hinton 2010; Lloyd 1957, published 1982) and (1998).'), []);
  assert.deepEqual(ungroupedQuantities('(Mnih and colleagues at DeepMind, 2015, who used it) (He and colleagues, 2015):'), []);
  assert.deepEqual(ungroupedQuantities('about 2000 of them (about 2000 draws) in 1000 steps (1000)'), ['1: 2000', '1: 2000', '1: 1000', '1: 1000']);
  assert.deepEqual(ungroupedQuantities('Papert\'s 1969 book and the 2014 paper'), ['1: 1969', '1: 2014']);
  assert.deepEqual(ungroupedQuantities('Papert\'s 1969 book and the 2014 paper', 'history-of-ai.md'), []);
  assert.deepEqual(ungroupedQuantities('**References.** A. B, "Title", *Journal* 1234 (2016), arXiv:1606.08415.\nSee arXiv:1701.00160 for it.'), []);
  // Grouped numbers, decimals, code and a computation's arguments pass.
  assert.deepEqual(ungroupedQuantities('1\u202f616 steps, $4\\,096 \\times 4\\,096$, 0.1234, 12\u202f345, `4096`\n= x.y n=2304 :: It is 2\u202f304.'), []);
});

test('no lesson writes a four-digit quantity without its group: "1 616", and "1\\,616" in math', () => {
  const stray = lessons.flatMap(({ file, text }) => ungroupedQuantities(text, file).map((s) => `${file}:${s}`));
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
