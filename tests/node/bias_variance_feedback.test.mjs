// The dartboard's verdict compares the line's spread with the cubic's on six noisy points in words
// that follow the two variances it quotes (web/widgets/bias-variance-dartboards.js,
// spreadComparison): the line's variance as a whole percentage of the cubic's, from the numbers
// as shown, and the words for that share at each edge of its bands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messages } from '../../web/widgets/bias-variance-dartboards.messages.js';
// The built copy: the widget module imports the engine loader, which lives in dist/.
import { spreadComparison } from '../../dist/widgets/bias-variance-dartboards.js';

const why = (cubic, line) => messages['bias-variance-dartboards.predict.why']({ variances: '…', cubic, line, ...spreadComparison(cubic, line) });

test('the bands: under half below 50%, less to 79%, nearly as much to 99%, as much or more from 100%', () => {
  const cases = [
    ['0.098', '49', 'underHalf'],
    ['0.099', '50', 'less'],       // 49.5% of the shown cubic rounds to 50%
    ['0.100', '50', 'less'],
    ['0.158', '79', 'less'],
    ['0.160', '80', 'nearly'],
    ['0.198', '99', 'nearly'],
    ['0.199', '100', 'asMuch'],    // 99.5%: shown as 100%, so not "less"
    ['0.250', '125', 'asMuch'],
  ];
  for (const [line, percent, band] of cases) assert.deepEqual(spreadComparison('0.200', line), { percent, band }, `line ${line}`);
});

test('the words quote the numbers they compare, and never say the line barely moves', () => {
  // The first new draw (seed 2, as in the lesson): 0.138 is 65% of 0.213.
  assert.match(why('0.213', '0.138'), /the flexible cubic chases each sample’s noise \(variance 0\.213\); the stiff line spreads less \(0\.138, 65% of the cubic’s\): it cannot bend to the noise, only tilt and shift with it\./);
  assert.match(why('0.200', '0.098'), /the stiff line spreads under half as much \(0\.098, 49% of the cubic’s\)/);
  assert.match(why('0.200', '0.160'), /the stiff line spreads nearly as much \(0\.160, 80% of the cubic’s\)/);
  assert.match(why('0.200', '0.199'), /the stiff line spread as much as the flexible cubic or more \(0\.199 against 0\.200\)/);
  for (const line of ['0.010', '0.098', '0.138', '0.199', '0.250']) assert.doesNotMatch(why('0.200', line), /barely|stay together/);
});
