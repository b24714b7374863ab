// The round-number ladder the log sliders stop at (web/lib/ladder.js): the value a rung slider
// (ui.js rungSlider) uses for an option is the nearest rung, on a log scale, and the option's
// default when the option is not a positive number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestRung, nearestRungValue, roundLadder } from '../../web/lib/ladder.js';

const rungs = roundLadder(0.001, 2);

test('the ladder from 0.001 to 2 holds the round rates a lesson names, smallest first', () => {
  assert.equal(rungs[0], 0.001);
  assert.equal(rungs.at(-1), 2);
  for (const v of [0.005, 0.05, 0.35, 0.4, 0.5, 1]) assert.ok(rungs.includes(v), `${v} is a rung`);
  assert.deepEqual([...rungs].sort((a, b) => a - b), rungs);
});

test('a value off the ladder is used on its nearest rung (on a log scale)', () => {
  assert.equal(nearestRungValue(rungs, 1.025, 0.05), 1);
  assert.equal(nearestRungValue(rungs, 0.0501, 0.05), 0.05);
  // 0.0011 is 10 % above 0.001 and 9 % below 0.0012: the log distance picks 0.0012.
  assert.equal(nearestRungValue(rungs, 0.0011, 0.05), 0.0012);
  assert.equal(nearestRungValue(rungs, 500, 0.05), 2);
  assert.equal(nearestRungValue(rungs, 1e-9, 0.05), 0.001);
});

test('a value that is not a positive number is used as the default', () => {
  for (const v of [NaN, 0, -1, undefined]) assert.equal(nearestRungValue(rungs, v, 0.05), 0.05);
  // A default off the ladder is used on its own nearest rung.
  assert.equal(nearestRungValue(rungs, NaN, 0.068), 0.07);
  assert.equal(nearestRung(rungs, 0.35), rungs.indexOf(0.35));
});
