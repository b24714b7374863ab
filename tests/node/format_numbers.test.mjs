// The one formatter's readouts (web/lib/format.js): a decimal half rounds away from zero on the
// digits a learner sees, whatever the double underneath; the other rules at their edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clipText, countOf, equalsSign, formatBeside, formatMoney, formatNumber, formatPercent, formatShort, formatSignificant, formatTerm, formatTick, readShown, asShown } from '../../web/lib/format.js';

test('decimal halves round away from zero, as by hand, however the double falls', () => {
  // 51/80 = 63.75 % is the double 63.7499…, 47/80 = 58.75 % is 58.75000…01: both round up.
  assert.equal(formatPercent(51 / 80), '63.8%');
  assert.equal(formatPercent(47 / 80), '58.8%');
  assert.equal(formatPercent(41 / 80), '51.3%');
  assert.equal(formatPercent(75 / 80), '93.8%');
  assert.equal(formatNumber(1.005, 2), '1.01');     // the double is 1.00499…
  assert.equal(formatNumber(2.675, 2), '2.68');
  assert.equal(formatNumber(-63.75, 1), '-63.8');
  assert.equal(formatNumber(9.5, 0), '10');
  assert.equal(formatNumber(99.95, 1), '100.0');   // a carry into a new digit
  assert.equal(formatShort(0.0725, 2), '0.073');
  assert.equal(formatShort(999.95, 4), '1\u202f000');
  assert.equal(formatShort(-2.675, 3), '-2.68');
  // Below a half it still rounds down; 0.1 + 0.2 reads 0.3.
  assert.equal(formatNumber(63.7499, 1), '63.7');
  assert.equal(formatNumber(0.1 + 0.2, 3), '0.300');
  assert.equal(formatShort(0.1 + 0.2), '0.3');
});

test('no "-0", no NaN, no exponent; grouping and counts', () => {
  assert.equal(formatNumber(-0.0001, 2), '0.00');
  assert.equal(formatNumber(NaN), '–');
  assert.equal(formatNumber(-Infinity), '−∞');
  assert.equal(formatNumber(9.55e33, 2), '9.55 × 10³³');
  assert.equal(formatNumber(123456.5, 0, { grouping: true }), '123\u202f457');
  // A narrow no-break space: a thin space (U+2009) may break at a line's end and split "123 457".
  assert.doesNotMatch(formatNumber(123456.5, 0, { grouping: true }) + formatMoney(1234.5), /[\u2009 ]/);
  assert.equal(formatNumber(1e-7, 3), '0.000');
  assert.equal(countOf(1, 'dart'), '1 dart');
  assert.equal(countOf(3, 'dart'), '3 darts');
});

// One rule for money (the tip predictor wrote "$100 001.00" beside "$5000.00"): cents always,
// thousands grouped from $1 000.00 on, the site's ASCII minus before the currency sign.
test('formatMoney: grouped thousands, cents, the sign before the currency', () => {
  assert.equal(formatMoney(5000), '$5\u202f000.00');
  assert.equal(formatMoney(100001), '$100\u202f001.00');
  assert.equal(formatMoney(999.995), '$1\u202f000.00');
  assert.equal(formatMoney(9.5), '$9.50');
  assert.equal(formatMoney(-0.15), '-$0.15');
  assert.equal(formatMoney(-0.001), '$0.00');
  assert.equal(formatMoney(-1234.5, { symbol: '' }), '-1\u202f234.50');
  assert.equal(formatMoney(NaN), '–');
});

// Numbers of one kind side by side keep one precision: formatShort wrote "2 × 10⁻⁸" beside "4.3 × 10⁻⁸".
test('formatSignificant: exactly the digits asked for, zeros kept, in either form', () => {
  assert.equal(formatShort(2e-8, 2), '2 × 10⁻⁸');
  assert.equal(formatSignificant(2e-8, 2), '2.0 × 10⁻⁸');
  assert.equal(formatSignificant(4.3e-8, 2), '4.3 × 10⁻⁸');
  assert.equal(formatSignificant(1, 3), '1.00');
  assert.equal(formatSignificant(0.5, 3), '0.500');
  assert.equal(formatSignificant(0.00274, 3), '0.00274');
  assert.equal(formatSignificant(0.0009996, 3), '0.00100');   // rounds up into the plain form
  assert.equal(formatSignificant(9.995, 3), '10.0');          // a half carried into the next power
  assert.equal(formatSignificant(-0.000123456, 3), '-1.23 × 10⁻⁴');
  assert.equal(formatSignificant(2.5e6, 3), '2.50 × 10⁶');
  assert.equal(formatSignificant(0, 3), '0.00');
  assert.equal(readShown(formatSignificant(1e-4, 3)), 1e-4);
});

// An activity's saved title is at most 80 characters; the audit found them cut mid-word
// ("…compared with now, the test ac").
test('clipText: cut at a word boundary with an ellipsis, short text unchanged', () => {
  assert.equal(clipText('Predict: the test accuracy', 80), 'Predict: the test accuracy');
  const long = 'Predict: On fresh training sets, which board\'s darts will spread the most (the largest variance)?';
  const clipped = clipText(long, 80);
  assert.equal(clipped, 'Predict: On fresh training sets, which board\'s darts will spread the most…');
  assert.ok(clipped.length <= 80);
  assert.equal(clipText('Predict: compared with now, the test accuracy will be', 45), 'Predict: compared with now, the test…');
  assert.equal(clipText('x'.repeat(100), 10), `${'x'.repeat(9)}…`); // one long word: cut inside it
  assert.equal(clipText('  two\n spaces  ', 80), 'two spaces');
});

test('significant digits where the decimals would drop them; a "+" for a change', () => {
  // Two decimals, but three significant digits for a value below 1 (a ratio of 8.25 to 0.24
  // is 34.4, to 0.238 is 34.7, the ratio of the values).
  assert.equal(formatNumber(0.2378, 2, { significant: 3 }), '0.238');
  assert.equal(formatNumber(8.2512, 2, { significant: 3 }), '8.25');
  assert.equal(formatNumber(27.744, 2, { significant: 3 }), '27.74');
  assert.equal(formatNumber(0.41, 2, { significant: 3 }), '0.410');
  assert.equal(formatNumber(0, 2, { significant: 3 }), '0.00');
  assert.equal(formatNumber(1e-9, 2, { significant: 3 }), '0.000000');   // at most 6 decimals
  assert.equal(formatNumber(0.522, 3, { signed: true }), '+0.522');
  assert.equal(formatNumber(-0.522, 3, { signed: true }), '-0.522');     // the one minus: ASCII
  assert.equal(formatNumber(0.0001, 3, { signed: true }), '0.000');      // no sign on a zero
  assert.equal(formatNumber(-0.0001, 3, { signed: true }), '0.000');
});

test('asShown is the value a readout shows: rounded half away from zero, large numbers as written', () => {
  assert.equal(asShown(0.35031, 3), 0.35);
  assert.equal(asShown(0.0125, 3), 0.013);
  assert.equal(asShown(-0.0125, 3), -0.013);
  assert.equal(asShown(123456.5, 0, { grouping: true }), 123457);
  assert.equal(asShown(9.5512e33, 2), 9.55e33);
  assert.ok(Number.isNaN(asShown(NaN, 2)));
});

test('readShown reads a shown number back, so a difference or ratio is worked out from what is shown', () => {
  assert.equal(readShown(formatNumber(0.35031, 3)) - readShown(formatNumber(0.32477, 3)), 0.35 - 0.325);
  assert.equal(formatNumber(readShown('0.350') - readShown('0.325'), 3), '0.025');
  assert.equal(readShown('-1.14'), -1.14);
  assert.equal(readShown('−1.14'), -1.14);
  assert.equal(readShown('+0.52'), 0.52);
  assert.equal(readShown('9.55 × 10³³'), 9.55e33);
  assert.equal(readShown('1\u202f234.5'), 1234.5);
  assert.equal(readShown('1\u2009234.5'), 1234.5, 'the thin space the formatter once wrote');
  assert.equal(readShown('1.2 × 10⁻⁴'), 1.2e-4);
  assert.equal(readShown(formatNumber(123456.5, 0, { grouping: true })), 123457);
  assert.equal(readShown('−∞'), -Infinity);
  assert.ok(Number.isNaN(readShown('–')));
  assert.ok(Number.isNaN(readShown('× 3.0')));
});

// Check-yourself shows the engine's answer with formatShort; grouped, it reads as the lesson's prose
// writes the same number ("1 536", with a narrow no-break space), and reads back to the same value.
test('formatShort groups thousands when asked, as formatNumber does', () => {
  assert.equal(formatShort(1536, 4, { grouping: true }), '1\u202f536');
  assert.equal(formatShort(-1536.25, 6, { grouping: true }), '-1\u202f536.25');
  assert.equal(formatShort(999.5, 4, { grouping: true }), '999.5');
  assert.equal(formatShort(123456, 6, { grouping: true }), '123\u202f456');
  assert.equal(formatShort(2.5e7, 3, { grouping: true }), '2.5 × 10⁷');
  assert.equal(formatShort(1536, 4, { grouping: false }), '1536');
  assert.equal(readShown(formatShort(1536, 4, { grouping: true })), 1536);
});

// Every number from 1 000 on is grouped without being asked, as the lessons write "1 616 steps":
// widgets wrote "holds 2100 points; at most 2000" wherever a call did not pass { grouping: true }.
const G = '\u202f';
test('thousands are grouped by default, in every entry point of the formatter', () => {
  assert.equal(formatNumber(999, 0), '999');
  assert.equal(formatNumber(1000, 0), `1${G}000`);
  assert.equal(formatNumber(-1234.5, 1), `-1${G}234.5`);
  assert.equal(formatNumber(1234.5678, 4), `1${G}234.5678`, 'the decimals are not grouped');
  assert.equal(formatNumber(999999, 0), `999${G}999`);
  assert.equal(formatNumber(2100, 0, { signed: true }), `+2${G}100`);
  assert.equal(formatShort(12345.6, 6), `12${G}345.6`);
  assert.equal(formatShort(-1000), `-1${G}000`);
  assert.equal(formatSignificant(1234, 4), `1${G}234`);
  assert.equal(formatSignificant(999.96, 4), `1${G}000`);
  assert.equal(formatTick(2000), `2${G}000`);
  assert.equal(formatTick(-12345), `-12${G}350`);
  assert.equal(formatPercent(12.345), `1${G}234.5%`);
  assert.equal(countOf(2100, 'point'), `2${G}100 points`);
  // From a million on the "× 10ⁿ" form, never a 22-digit grouped string.
  assert.equal(formatNumber(12345678, 0), '1.23 × 10⁷');
  assert.equal(formatNumber(1e21, 0), '1 × 10²¹');
  assert.equal(formatNumber(-9.55e33, 2), '-9.55 × 10³³');
  assert.equal(formatShort(1e21), '1 × 10²¹');
  assert.equal(formatSignificant(1e21, 3), '1.00 × 10²¹');
  assert.equal(formatTick(1e21), '1 × 10²¹');
  // What is not a number reads as before.
  assert.equal(formatNumber(NaN, 0), '–');
  assert.equal(formatNumber(Infinity, 0), '∞');
  assert.equal(formatShort(-Infinity), '−∞');
  // An identifier (a year, a seed) opts out where it is written.
  assert.equal(formatNumber(1998, 0, { grouping: false }), '1998');
  assert.equal(formatShort(2024, 4, { grouping: false }), '2024');
  assert.equal(formatSignificant(1234, 4, { grouping: false }), '1234');
  // Everything the formatter writes reads back to the value shown.
  for (const [text, value] of [[formatNumber(1000, 0), 1000], [formatNumber(-1234.5, 1), -1234.5], [formatNumber(2100, 0, { signed: true }), 2100],
    [formatShort(12345.6, 6), 12345.6], [formatSignificant(1234, 4), 1234], [formatTick(-12345), -12350], [formatNumber(999999, 0), 999999]]) {
    assert.equal(readShown(text), value, text);
  }
});

test('equalsSign: "=" only where the shown terms give the shown result, "≈" where rounding them misses it', () => {
  // tip-predictor's best line: 0.188 × 400.00 − 0.15 is 75.05, the tip 75.0861… reads 75.09.
  assert.equal(equalsSign(0.188 * 400 - 0.15, 0.18828 * 400 - 0.1459, 2), '≈');
  // One cent apart at the last digit is already "≈"; the same last digit is "=".
  assert.equal(equalsSign(9.25, 9.2551, 2), '≈');
  assert.equal(equalsSign(0.038, 0.0413, 2), '=');
  assert.equal(equalsSign(0.18 * 5000 + 0.5, 900.5, 2), '=');
  // Halves round as shown (1.005 reads 1.01), so a sum that lands on a half agrees with its value.
  assert.equal(equalsSign(1.005, 1.0096, 2), '=');
});

test('formatBeside: a value reads on the same side of its limit as it lies, with as few extra digits as that takes', () => {
  assert.equal(formatBeside(1.015, 1, 1), '1.02');        // above a 1 % bar, never "1.0"
  assert.equal(formatBeside(1.8, 1, 1), '1.8');           // far from the bar: the asked digits
  assert.equal(formatBeside(0.4984, 0.5, 2), '0.498');    // under a 0.5 gap, never "0.50"
  assert.equal(formatBeside(0.2496, 0.25, 2), '0.2496');  // PSI under its limit: "0.250" would sit on it
  assert.equal(formatBeside(0.2504, 0.25, 2), '0.2504');
  assert.equal(formatBeside(0.0099, 0.01, 2, formatShort), '0.0099'); // two significant digits suffice
  assert.equal(formatBeside(0.25, 0.25, 2), '0.25');      // on the limit: on it
  for (const [v, limit] of [[1.0000001, 1], [0.4999999, 0.5], [3.14159, 3.1415]]) {
    const side = Math.sign(readShown(formatBeside(v, limit, 1)) - limit);
    assert.equal(side, Math.sign(v - limit), `${v} beside ${limit}`);
  }
});

test('formatTerm: a later term of a formula carries its sign as the operator, never "+ -300"', () => {
  assert.equal(formatTerm(-300, 0), '\u2212 300');
  assert.equal(formatTerm(50, 0), '+ 50');
  assert.equal(formatTerm(-1.5, 2), '\u2212 1.50');
  assert.equal(formatTerm(-0.001, 2), '+ 0.00', 'a value that rounds to zero has no minus');
  assert.equal(formatTerm(-12345, 0), '\u2212 12\u202f345');
});
