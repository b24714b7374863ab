// The numeric Predict box's reader (web/lib/predict-number.js) at its boundaries: every text that
// is no prediction is refused for its own reason (not "type a number first" when something was
// typed), as the check-yourself reader (web/js/check-computations.js) refuses the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPredictedNumber as read } from '../../web/lib/predict-number.js';
import { readNumber } from '../../web/js/check-computations.js';

const plain = {};
const count = { integer: true };
const percent = { percent: true };

test('empty text asks for a number; letters, NaN and Infinity are not numbers', () => {
  assert.equal(read('', plain).refusal, 'empty');
  assert.equal(read('   ', plain).refusal, 'empty');
  for (const text of ['abc', 'NaN', 'Infinity', '-', '.', '0x10', '1_000', '12abc']) assert.equal(read(text, plain).refusal, 'notNumber', text);
});

test('1e999 has no value a number can hold: too large, not "not a number"; 1e308 is read', () => {
  assert.deepEqual(read('1e999', plain), { refusal: 'tooLarge', typed: '1e999' });
  assert.equal(read('-1e999', plain).refusal, 'tooLarge');
  assert.equal(read('1e308', plain).value, 1e308);
});

test('a % sign: refused in a count or plain box (with the value), read in a percentage box', () => {
  assert.deepEqual(read('50%', count), { refusal: 'percentSign', typed: '50%', value: 50, count: true });
  assert.deepEqual(read('50 %', plain), { refusal: 'percentSign', typed: '50 %', value: 50, count: false });
  assert.equal(read('50%', percent).value, 50);
  assert.equal(read('50%', percent).looksLikeShare, false);
});

test('a percentage box reads 0.17 as 0.17% but marks it as perhaps a share; 0, 1 and 0.17% are not marked', () => {
  assert.equal(read('0.17', percent).value, 0.17);
  assert.equal(read('0.17', percent).looksLikeShare, true);
  assert.equal(read('0,5', percent).looksLikeShare, true);
  assert.equal(read('0,5', percent).written, '0.5');
  for (const text of ['0', '1', '0.17%', '17']) assert.equal(read(text, percent).looksLikeShare, false, text);
  assert.equal(read('0.17', plain).looksLikeShare, false);
});

test('a count is a whole number: 3.5 and -0.5 refused, 16, -1 (left to the box\'s minimum) and 2e3 read', () => {
  assert.equal(read('3.5', count).refusal, 'notWhole');
  assert.equal(read('-0.5', count).refusal, 'notWhole');
  assert.equal(read('16', count).value, 16);
  assert.equal(read('-1', count).value, -1);
  assert.equal(read('2e3', count).value, 2000);
});

test('a decimal comma is read as a point; "1,000" is asked about; two separators are refused', () => {
  assert.equal(read('4,5', plain).value, 4.5);
  assert.equal(read('4,5', plain).written, '4.5');
  assert.equal(read('−0.25', plain).value, -0.25);
  assert.deepEqual(read('1,000', count), { refusal: 'ambiguous', typed: '1,000', whole: '1000', part: '1.000' });
  assert.equal(read('1.000,5', plain).refusal, 'separators');
  assert.equal(read('1,000,000', plain).refusal, 'separators');
});

test('the text is quoted back cut to 20 characters', () => {
  assert.equal(read('x'.repeat(300), plain).typed, 'x'.repeat(20));
});

test('the check-yourself reader refuses the same texts for the same reasons', () => {
  const reason = (error) => (/not a number/.test(error) ? 'notNumber' : /too large/.test(error) ? 'tooLarge' : /% sign/.test(error) ? 'percentSign'
    : /is that/.test(error) ? 'ambiguous' : /separator/.test(error) ? 'separators' : /whole number/.test(error) ? 'notWhole' : /first/.test(error) ? 'empty' : error);
  for (const [text, kind, box] of [['', '', plain], ['abc', '', plain], ['NaN', '', plain], ['1e999', '', plain], ['50%', 'count', count], ['50%', '', plain],
    ['3.5', 'count', count], ['1,000', 'count', count], ['1.000,5', '', plain]]) {
    assert.equal(read(text, box).refusal, reason(readNumber(text, kind).error), text);
  }
});

// A learner who types "1 000" (as the site writes a count) or "1/2" (a share as a fraction) was
// told "is not a number: type digits" in a predict box, while check-yourself read the same text.
test('thousands grouped by a space and fractions of whole numbers are read, as check-yourself reads them', () => {
  assert.equal(read('1 000', count).value, 1000);
  assert.equal(read('12 345.5', plain).value, 12345.5);
  assert.equal(read('1\u202f000', plain).value, 1000);
  assert.equal(read('2 304 %', percent).value, 2304);
  assert.equal(read('1/2', plain).value, 0.5);
  assert.equal(read('1/2', plain).written, '0.5');
  assert.equal(read('-3 / 4', plain).value, -0.75);
  assert.equal(read('6/3', count).value, 2);
  assert.equal(read('1/2', count).refusal, 'notWhole');
  assert.equal(read('1/2', percent).looksLikeShare, true);
  assert.deepEqual(read('1/0', plain), { refusal: 'divideByZero', typed: '1/0' });
  // Not a grouping in threes, not a fraction of whole numbers: still refused.
  for (const text of ['1 00', '10 00 0', '1.5/2', '1/2/3', '½', '1/2%']) assert.equal(read(text, plain).refusal, 'notNumber', text);
  for (const text of ['1 000', '1/2', '-3 / 4', '6/3']) assert.equal(read(text, plain).value, readNumber(text, '').value, text);
});
