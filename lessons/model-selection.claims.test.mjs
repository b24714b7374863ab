// Claims of the model-selection lesson, checked against the engine exactly as the
// pick-the-model widget computes them (web/widgets/pick-the-model.js: makeNoisySin(30, 0.3, seed),
// a third held out by trainValidationTestSplit(30, 1/3, 0, seed), exact PolynomialRegression
// solve() for degrees 1…12, meanSquaredError). The first sample is seed 4; New data moves to seed + 1.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';

const take = (a, idx) => Float64Array.from(idx, (i) => a[i]);
const poly = new ml.PolynomialRegression();
after(() => poly.delete());

function round(seed) {
  const d = ml.makeNoisySin(30, 0.3, seed);
  const s = ml.trainValidationTestSplit(30, 1 / 3, 0, seed, false);
  const train = Array.from(s.train);
  const validation = Array.from(s.validation);
  const errors = [];
  for (let degree = 1; degree <= 12; degree++) {
    poly.setDegree(degree);
    poly.setData(take(d.X, train), 1, take(d.y, train));
    poly.solve();
    errors[degree] = {
      train: ml.meanSquaredError(take(d.y, train), poly.predict(take(d.X, train)).slice()),
      val: ml.meanSquaredError(take(d.y, validation), poly.predict(take(d.X, validation)).slice()),
    };
  }
  let best = 1;
  for (let degree = 2; degree <= 12; degree++) if (errors[degree].val < errors[best].val) best = degree;
  const worst = Math.max(...errors.slice(1).map((e) => e.val));
  return { train, validation, errors, best, worst };
}

const rounds = Array.from({ length: 100 }, (_, i) => round(4 + i));

test('30 points: 10 held out, 20 for fitting', () => {
  assert.equal(rounds[0].validation.length, 10);
  assert.equal(rounds[0].train.length, 20);
});

test('first sample: best degree 5, worst about 4.5 times the best, 3–4 times from degree 9 on', () => {
  const { errors, best, worst } = rounds[0];
  assert.equal(best, 5);
  assert.equal((worst / errors[best].val).toFixed(1), '4.5');
  for (let d = 9; d <= 12; d++) {
    const ratio = errors[d].val / errors[best].val;
    assert.ok(ratio > 2.7 && ratio < 4.1, `degree ${d}: ${ratio}`);
  }
  for (let d = 1; d < best; d++) assert.ok(errors[d].val > errors[best].val);
});

test('training error never goes up with the degree (every sample)', () => {
  for (const { errors } of rounds) {
    for (let d = 2; d <= 12; d++) assert.ok(errors[d].train <= errors[d - 1].train * (1 + 1e-9) + 1e-12, `degree ${d}`);
  }
});

test('first 100 samples: about half have a worst degree over 100× the best; best interior in 93; best ranges 1…12, mostly 3', () => {
  const hundred = rounds.filter((r) => r.worst > 100 * r.errors[r.best].val).length;
  assert.ok(hundred >= 40 && hundred <= 60, `${hundred} of 100`);
  assert.equal(rounds.filter((r) => r.best > 1 && r.best < 12).length, 93);
  const counts = {};
  for (const r of rounds) counts[r.best] = (counts[r.best] || 0) + 1;
  assert.equal(Math.min(...rounds.map((r) => r.best)), 1);
  assert.equal(Math.max(...rounds.map((r) => r.best)), 12);
  const mode = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
  assert.equal(mode, '3');
});

test('score = round(100 × best / yours): 100 at the minimum, less elsewhere', () => {
  const { errors, best } = rounds[0];
  const score = (d) => Math.round((100 * errors[best].val) / errors[d].val);
  assert.equal(score(best), 100);
  assert.ok(score(12) < 30 && score(1) < 30);
});

test('worked example: three training points, two held out; degree 1 flat at 2/3 scores 11.88, degree 2 (ŷ = x²) 0.10', async () => {
  const { computations } = await import('../web/js/check-computations/linear-models.js');
  const fit = (degree) => computations['poly-fit'](ml, { degree, x: [-1, 0, 1], y: [1, 0, 1], vx: [-2, 2], vy: [4.4, 3.8], at: 2 });
  const line = fit(1);
  const parabola = fit(2);
  assert.ok(Math.abs(line.prediction - 2 / 3) < 1e-12, 'the line is flat at the mean 2/3');
  assert.ok(Math.abs(computations['poly-fit'](ml, { degree: 1, x: [-1, 0, 1], y: [1, 0, 1], at: -2 }).prediction - 2 / 3) < 1e-12);
  assert.equal(((2 / 3 - 4.4) ** 2).toFixed(2), '13.94');
  assert.equal(((2 / 3 - 3.8) ** 2).toFixed(2), '9.82');
  assert.equal(line.validation.toFixed(2), '11.88');
  assert.equal(line.train.toFixed(3), '0.222');
  assert.ok(Math.abs(parabola.prediction - 4) < 1e-9, 'x² at 2');
  assert.equal(parabola.validation.toFixed(2), '0.10');
  assert.ok(parabola.train < 1e-20);
  assert.ok(parabola.validation < line.validation);
  // More coefficients than points: training error 0 as well.
  assert.ok(computations['poly-fit'](ml, { degree: 5, x: [-1, 0, 1], y: [1, 0, 1] }).train < 1e-20);
});

test('check-yourself: ŷ = x + 1 through (0,1), (1,2), (2,3) has validation MSE 1 on (3,5), (4,4)', async () => {
  const { computations } = await import('../web/js/check-computations/linear-models.js');
  const r = computations['poly-fit'](ml, { degree: 1, x: [0, 1, 2], y: [1, 2, 3], vx: [3, 4], vy: [5, 4], at: 3 });
  assert.ok(r.train < 1e-20);
  assert.ok(Math.abs(r.prediction - 4) < 1e-9);
  assert.ok(Math.abs(r.validation - 1) < 1e-9);
  assert.throws(() => computations['poly-fit'](ml, { degree: 1, x: [0, 1], y: [1] }), /same length/);
});

// When the game is done (web/widgets/pick-the-model.js, judgeRound): a locked-in degree that scores
// 80 or more and whose validation error is below every other degree tried that round, its
// neighbours included. `tried` is the set of degrees the slider showed before Lock in.
test('the game is done at 80 or more, for a degree lower than every other tried, its neighbours included', async () => {
  const fs = await import('node:fs');
  const { judgeRound, PASS_SCORE } = await import('../web/widgets/pick-the-model.js');
  const { messages } = await import('../web/widgets/pick-the-model.messages.js');
  const md = fs.readFileSync(new URL('./model-selection.md', import.meta.url), 'utf8');
  assert.ok(md.includes('The game itself is done once you lock in a degree that scores 80 or more and whose validation error is lower than that of every other degree you tried in that round, the ones next to it included. A degree locked in without trying its neighbours is a guess and does not count, however it scores: on the first sample a blind pick anywhere from 5 to 8 scores 85 or more.'));
  assert.equal(PASS_SCORE, 80);
  for (const reason of ['low', 'unchecked', 'notLowest', 'done']) assert.match(messages['pick-the-model.verdict']({ reason, pass: '80', missing: ['2'], lower: '3' }), /80 (points )?or more/);
  const val = (seed) => round(seed).errors.map((e) => e && e.val);
  const judge = (seed, locked, tried) => judgeRound(val(seed), locked, new Set(tried));

  // First sample: the middle degrees all score 85 or more, so a bar on the score alone passes a blind pick.
  const first = val(4);
  for (let d = 5; d <= 8; d++) assert.ok(judgeRound(first, d, new Set([1, d])).score >= 85, `degree ${d}`);
  assert.deepEqual(judgeRound(first, 7, new Set([1, 7])), { best: 5, score: 99, missing: [6, 8], lower: null, reason: 'unchecked', done: false });
  assert.equal(judgeRound(first, 7, new Set([1, 6, 7, 8])).done, true, 'degree 7 below 6 and 8 (scores 97 and 85): done');
  assert.deepEqual(judgeRound(first, 6, new Set([1, 5, 6, 7])), { best: 5, score: 97, missing: [], lower: 5, reason: 'notLowest', done: false });
  assert.equal(judgeRound(first, 5, new Set([1, 4, 5, 6])).done, true);
  assert.deepEqual([judgeRound(first, 1, new Set([1])).score, judgeRound(first, 1, new Set([1])).reason], [22, 'low'], 'Lock in at once: 22 points (0.075 / 0.334 as shown), below the bar');

  // The bar, on the score as shown (rounded), from the validation errors as the readouts show them
  // (3 decimals): 80 passes, 79 does not, 81 does.
  assert.deepEqual(judge(297, 4, [3, 4, 5]), { best: 9, score: 80, missing: [], lower: null, reason: 'done', done: true }, '0.032 / 0.040 on screen is 80 (unrounded 78.7)');
  assert.deepEqual(judge(111, 5, [4, 5, 6]), { best: 8, score: 80, missing: [], lower: null, reason: 'done', done: true }, '0.079 / 0.099 = 79.8 shows as 80, and counts');
  assert.deepEqual(judge(212, 4, [3, 4, 5]), { best: 7, score: 79, missing: [], lower: null, reason: 'low', done: false }, '0.077 / 0.097 on screen is 79 (unrounded 80.1)');
  assert.deepEqual(judge(10, 3, [2, 3, 4]), { best: 8, score: 79, missing: [], lower: null, reason: 'low', done: false });
  assert.deepEqual(judge(20, 7, [6, 7, 8]), { best: 3, score: 81, missing: [], lower: null, reason: 'done', done: true });
  // At the bar, but one neighbour untried, or a lower degree tried: not done.
  assert.equal(judge(297, 4, [4, 5]).reason, 'unchecked');
  assert.deepEqual(judge(297, 4, [3, 4, 5, 9]).lower, 9);

  // Two degrees that show the same validation error are equally low: the lesson's recipe ("lower
  // than every other degree you tried") reads the readouts. Sample 19 (seed 22): degrees 6 and 7
  // both show 0.124, the lowest (0.1236 and 0.1235 unrounded). Either one, locked after trying its
  // neighbours and the other, is the best and finishes the game.
  const tie = val(22);
  assert.deepEqual([5, 6, 7, 8].map((d) => tie[d].toFixed(3)), ['0.127', '0.124', '0.124', '0.227']);
  assert.ok(tie[7] < tie[6]);
  assert.deepEqual(judge(22, 6, [5, 7, 8, 6]), { best: 6, score: 100, missing: [], lower: null, reason: 'done', done: true });
  assert.deepEqual(judge(22, 7, [5, 6, 8, 7]), { best: 7, score: 100, missing: [], lower: null, reason: 'done', done: true });
  // One step either side: 0.127 is above the shown 0.124 (98 points, not the lowest); 0.001 higher
  // than a tried degree is not a tie either (first sample: degree 7 shows 0.076, degree 5 0.075).
  assert.deepEqual(judge(22, 5, [4, 6, 7, 5]), { best: 7, score: 98, missing: [], lower: 7, reason: 'notLowest', done: false });
  assert.deepEqual(judge(4, 7, [5, 6, 8, 7]), { best: 5, score: 99, missing: [], lower: 5, reason: 'notLowest', done: false });
  assert.deepEqual(judge(4, 5, [4, 6, 7, 5]), { best: 5, score: 100, missing: [], lower: null, reason: 'done', done: true });
  // Sample 56 (seed 59): degrees 7 and 8 both show 0.072, the lowest.
  assert.deepEqual(judge(59, 8, [7, 9, 8]), { best: 8, score: 100, missing: [], lower: null, reason: 'done', done: true });
  assert.deepEqual(judge(59, 7, [6, 8, 7]), { best: 7, score: 100, missing: [], lower: null, reason: 'done', done: true });

  // Over the first 100 samples: locking in a degree without trying a neighbour never finishes the
  // game (whatever it scores: one jump of the slider shows the start and the pick only), and trying
  // all twelve then locking in the lowest always does.
  const all = new Set(Array.from({ length: 12 }, (_, i) => i + 1));
  for (let seed = 4; seed < 104; seed++) {
    const v = val(seed);
    for (let d = 1; d <= 12; d++) assert.equal(judgeRound(v, d, new Set([d === 1 ? 12 : 1, d])).done, false, `seed ${seed}, degree ${d} by a jump`);
    const r = judgeRound(v, 1, all);
    assert.equal(judgeRound(v, r.best, all).done, true);
  }
});
