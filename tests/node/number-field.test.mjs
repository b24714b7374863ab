// The widget number box's reader (web/lib/number-field.js): the site's one reader of typed
// numbers, with the box's range, and the arrow keys' step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNumberInBox, refusalReason, stepFrom } from '../../web/lib/number-field.js';
import { english } from '../../web/lib/messages.js';

test('a box reads a typed number as the predict boxes and check-yourself do', () => {
  assert.equal(readNumberInBox('0,5').value, 0.5);
  assert.equal(readNumberInBox('1/2').value, 0.5);
  assert.equal(readNumberInBox('1 000').value, 1000);
  assert.equal(readNumberInBox('-3').value, -3);
  assert.equal(readNumberInBox('0x10').refusal, 'notNumber');
  assert.equal(readNumberInBox('50%').refusal, 'percentSign');
  assert.equal(readNumberInBox('1,000').refusal, 'ambiguous');
  assert.equal(readNumberInBox('3.5', { integer: true }).refusal, 'notWhole');
  assert.deepEqual(readNumberInBox('-5', { min: 0 }), { refusal: 'belowMin', typed: '-5', value: -5, min: 0 });
  assert.equal(readNumberInBox('1e999').refusal, 'tooLarge');
});

test('a refusal is said in words, quoting what was typed', () => {
  const say = (text, range) => refusalReason(english, readNumberInBox(text, range));
  assert.equal(say(''), 'the box was left empty');
  assert.equal(say('abc'), '"abc" is not a number');
  assert.equal(say('1,000'), '"1,000" could be 1000 or 1.000 (type decimals with a point and no thousands separator)');
  assert.equal(say('2147483648', { max: 2147483647 }), '2147483648 is above 2147483647, the most allowed here');
  assert.equal(say('-5', { min: 0 }), '-5 is below 0, the least allowed here');
});

test('the arrow keys step to the next value on the step grid, within the range', () => {
  assert.equal(stepFrom(0.5, 0.1, 1), 0.6);
  assert.equal(stepFrom(0.55, 0.1, 1), 0.6);
  assert.equal(stepFrom(0.55, 0.1, -1), 0.5);
  assert.equal(stepFrom(-0.3, 0.1, -1), -0.4);
  assert.equal(stepFrom(1000, 5, 1, { max: 1000 }), 1000);
  assert.equal(stepFrom(0, 1, -1, { min: 0 }), 0);
});
