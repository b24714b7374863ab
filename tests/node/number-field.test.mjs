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

// The predict boxes said each refusal with their own chain of sentences (predict.*), beside the
// number.* clauses of every other box, so the same "1,000" read "is that 1000 or 1.000?" in one box
// and "could be 1000 or 1.000" in the next. Now one mapping says why; a predict box adds what it
// asks for (its label).
test('a predict box says a refusal with the number boxes\' clause, then what it asks for', async () => {
  const { refusedPrediction } = await import('../../web/lib/predict.js');
  const boxes = {
    inertia: { label: 'final inertia', min: 0 },
    count: { label: 'a count', integer: true, min: 0, max: 200 },
    auc: { label: 'AUC, between 0 and 1', min: 0, max: 1 },
    percent: { percent: true, label: 'percent', min: 0, max: 100 },
  };
  const said = (text, box) => refusedPrediction(english, readNumberInBox(text, boxes[box]), boxes[box]);
  for (const [box, spec] of Object.entries(boxes)) {
    for (const text of ['', 'abc', 'NaN', '1e999', '1/0', '50%', '3.5', '1,000', '1.000,5', '-0.5', '250', 'x'.repeat(300)]) {
      const read = readNumberInBox(text, spec);
      if (!read.refusal) continue;
      const clause = refusalReason(english, read);
      assert.ok(said(text, box).startsWith(`${clause.charAt(0).toUpperCase()}${clause.slice(1)}`), `${box} "${text}": ${said(text, box)}`);
    }
  }
  assert.equal(said('', 'inertia'), 'The box was left empty: type a number (final inertia).');
  assert.equal(said('abc', 'count'), '"abc" is not a number: type a whole number (a count).');
  assert.equal(said('3.5', 'count'), '"3.5" is not a whole number: type a whole number (a count).');
  assert.equal(said('1,000', 'inertia'), '"1,000" could be 1000 or 1.000 (type decimals with a point and no thousands separator).');
  assert.equal(said('-0.5', 'auc'), '-0.5 is below 0, the least allowed here (AUC, between 0 and 1).');
  assert.equal(said('150%', 'percent'), '150% is above 100, the most allowed here (percent).');
  assert.equal(said('50%', 'count'), '"50%" has a % sign, but this is a count: type it without %.');
  assert.equal(said('50%', 'auc'), '"50%" has a % sign, but this is a plain number, not a percentage: type it without %. If you meant 50% of 1, type 0.5.');
});
