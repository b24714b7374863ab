// Log-axis labels (web/lib/ticks.js logAxes): a power of ten is written plainly inside formatTick's
// plain range and as "10ⁿ" outside it, never as "1 × 10ⁿ" (too wide for the axis margin: the
// deep-q widget's TD-loss axis showed a clipped "× 10⁻⁴").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPowerOfTen, formatTick } from '../../web/lib/format.js';

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
