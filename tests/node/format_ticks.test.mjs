// Log-axis labels (web/lib/ticks.js logAxes): a power of ten is written plainly inside formatTick's
// plain range and as "10ⁿ" outside it, never as "1 × 10ⁿ" (too wide for the axis margin: the
// deep-q widget's TD-loss axis showed a clipped "× 10⁻⁴").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPowerOfTen, formatPowersOfTen, formatTick } from '../../web/lib/format.js';

test('powers of ten on a log axis', () => {
  assert.equal(formatPowerOfTen(-4), '10⁻⁴');
  assert.equal(formatPowerOfTen(-14), '10⁻¹⁴');
  assert.equal(formatPowerOfTen(-3), '0.001');
  assert.equal(formatPowerOfTen(-1), '0.1');
  assert.equal(formatPowerOfTen(0), '1');
  assert.equal(formatPowerOfTen(5), '100\u202f000');
  assert.equal(formatPowerOfTen(6), '10⁶');
  assert.equal(formatPowerOfTen(12), '10¹²');
  // Inside the plain range it is exactly the tick formatter's label.
  for (let p = -3; p <= 5; p++) assert.equal(formatPowerOfTen(p), formatTick(10 ** p));
  // Outside it, formatTick would have written the wider "1 × 10ⁿ".
  assert.equal(formatTick(1e-4), '1 × 10⁻⁴');
});

// One notation per axis (audit 11 M5): pick-the-model's error chart on its fourth sample ran from
// 0.01 to 10⁹ and read "… 10 000, 100 000, 10⁶ …", two scales on one axis.
test('the powers of one log axis share one notation', () => {
  assert.deepEqual(formatPowersOfTen([-2, -1, 0, 1, 2]), ['0.01', '0.1', '1', '10', '100']);
  assert.deepEqual(formatPowersOfTen([-3, 5]), ['0.001', '100\u202f000'], 'the plain range, both ends');
  assert.deepEqual(formatPowersOfTen([4, 5, 6]), ['10⁴', '10⁵', '10⁶'], 'one power past the plain range');
  assert.deepEqual(formatPowersOfTen([-4, -3, -2, -1, 0]), ['10⁻⁴', '10⁻³', '10⁻²', '10⁻¹', '10⁰']);
  assert.deepEqual(formatPowersOfTen([-2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), ['10⁻²', '10⁻¹', '10⁰', '10¹', '10²', '10³', '10⁴', '10⁵', '10⁶', '10⁷', '10⁸', '10⁹']);
  assert.deepEqual(formatPowersOfTen([]), []);
});
