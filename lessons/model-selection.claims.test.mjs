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
// 80 or more, its neighbours tried, and no degree tried that round showing a lower validation error. `tried` is the set of degrees the slider showed before Lock in.
test('the game is done at 80 or more, neighbours tried, with no tried degree showing a lower validation error', async () => {
  const fs = await import('node:fs');
  const { judgeRound, PASS_SCORE } = await import('../web/widgets/pick-the-model.js');
  const { messages } = await import('../web/widgets/pick-the-model.messages.js');
  const md = fs.readFileSync(new URL('./model-selection.md', import.meta.url), 'utf8');
  assert.ok(md.includes('The game itself is done once you lock in a degree that scores 80 or more after trying the degrees next to it, and no degree you tried in that round shows a lower validation error. A degree locked in without trying its neighbours is a guess and does not count, however it scores: on the first sample a blind pick anywhere from 5 to 8 scores 85 or more.'));
  assert.equal(PASS_SCORE, 80);
  for (const reason of ['low', 'unchecked', 'notLowest', 'done']) assert.match(messages['pick-the-model.verdict']({ reason, pass: '80', missing: ['2'], lower: '3' }), /80 (points )?or more/);
  const val = (seed) => round(seed).errors.map((e) => e && e.val);
  const judge = (seed, locked, tried) => judgeRound(val(seed), locked, new Set(tried));

  // First sample: the middle degrees all score 85 or more, so a bar on the score alone passes a blind pick.
  const first = val(4);
  for (let d = 5; d <= 8; d++) assert.ok(judgeRound(first, d, new Set([1, d])).score >= 85, `degree ${d}`);
  assert.deepEqual(judgeRound(first, 7, new Set([1, 7])), { best: 5, score: 99, missing: [6, 8], lower: null, tied: [], reason: 'unchecked', done: false });
  assert.equal(judgeRound(first, 7, new Set([1, 6, 7, 8])).done, true, 'degree 7 below 6 and 8 (scores 97 and 85): done');
  assert.deepEqual(judgeRound(first, 6, new Set([1, 5, 6, 7])), { best: 5, score: 97, missing: [], lower: 5, tied: [], reason: 'notLowest', done: false });
  assert.equal(judgeRound(first, 5, new Set([1, 4, 5, 6])).done, true);
  assert.deepEqual([judgeRound(first, 1, new Set([1])).score, judgeRound(first, 1, new Set([1])).reason], [22, 'low'], 'Lock in at once: 22 points (0.075 / 0.334 as shown), below the bar');

  // The bar, on the score as shown (rounded), from the validation errors as the readouts show them
  // (3 decimals): 80 passes, 79 does not, 81 does.
  assert.deepEqual(judge(297, 4, [3, 4, 5]), { best: 9, score: 80, missing: [], lower: null, tied: [], reason: 'done', done: true }, '0.032 / 0.040 on screen is 80 (unrounded 78.7)');
  assert.deepEqual(judge(111, 5, [4, 5, 6]), { best: 8, score: 80, missing: [], lower: null, tied: [], reason: 'done', done: true }, '0.079 / 0.099 = 79.8 shows as 80, and counts');
  assert.deepEqual(judge(212, 4, [3, 4, 5]), { best: 7, score: 79, missing: [], lower: null, tied: [], reason: 'low', done: false }, '0.077 / 0.097 on screen is 79 (unrounded 80.1)');
  assert.deepEqual(judge(10, 3, [2, 3, 4]), { best: 8, score: 79, missing: [], lower: null, tied: [], reason: 'low', done: false });
  assert.deepEqual(judge(20, 7, [6, 7, 8]), { best: 3, score: 81, missing: [], lower: null, tied: [], reason: 'done', done: true });
  // At the bar, but one neighbour untried, or a lower degree tried: not done.
  assert.equal(judge(297, 4, [4, 5]).reason, 'unchecked');
  assert.deepEqual(judge(297, 4, [3, 4, 5, 9]).lower, 9);

  // Two degrees that show the same validation error are equally low: the lesson's recipe ("no
  // degree you tried shows a lower validation error") reads the readouts. Sample 19 (seed 22): degrees 6 and 7
  // both show 0.124, the lowest (0.1236 and 0.1235 unrounded). Either one, locked after trying its
  // neighbours and the other, is the best and finishes the game.
  const tie = val(22);
  assert.deepEqual([5, 6, 7, 8].map((d) => tie[d].toFixed(3)), ['0.127', '0.124', '0.124', '0.227']);
  assert.ok(tie[7] < tie[6]);
  assert.deepEqual(judge(22, 6, [5, 7, 8, 6]), { best: 6, score: 100, missing: [], lower: null, tied: [7], reason: 'done', done: true });
  assert.deepEqual(judge(22, 7, [5, 6, 8, 7]), { best: 7, score: 100, missing: [], lower: null, tied: [6], reason: 'done', done: true });
  // One step either side: 0.127 is above the shown 0.124 (98 points, not the lowest); 0.001 higher
  // than a tried degree is not a tie either (first sample: degree 7 shows 0.076, degree 5 0.075).
  assert.deepEqual(judge(22, 5, [4, 6, 7, 5]), { best: 7, score: 98, missing: [], lower: 7, tied: [], reason: 'notLowest', done: false });
  assert.deepEqual(judge(4, 7, [5, 6, 8, 7]), { best: 5, score: 99, missing: [], lower: 5, tied: [], reason: 'notLowest', done: false });
  assert.deepEqual(judge(4, 5, [4, 6, 7, 5]), { best: 5, score: 100, missing: [], lower: null, tied: [], reason: 'done', done: true });
  // Sample 56 (seed 59): degrees 7 and 8 both show 0.072, the lowest.
  assert.deepEqual(judge(59, 8, [7, 9, 8]), { best: 8, score: 100, missing: [], lower: null, tied: [7], reason: 'done', done: true });
  assert.deepEqual(judge(59, 7, [6, 8, 7]), { best: 7, score: 100, missing: [], lower: null, tied: [8], reason: 'done', done: true });

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

// Ties worded as ties (audit 11 M4). On seed 17 (New data 13 times) degrees 6 and 7 both show
// 0.129, the lowest of all twelve; locked in after trying every degree, 7 finishes the game, and the
// verdict says degree 6 shows the same instead of "lower than every other degree you tried".
// Over the first 200 samples, 12 have such a tie at the minimum; each is worded so.
test('a tie at the lowest shown validation error is worded as a tie', async () => {
  const { judgeRound } = await import('../web/widgets/pick-the-model.js');
  const { messages } = await import('../web/widgets/pick-the-model.messages.js');
  const all = new Set(Array.from({ length: 12 }, (_, i) => i + 1));
  const seventeen = round(17).errors.map((e) => e && e.val);
  assert.deepEqual([5, 6, 7, 8].map((d) => seventeen[d].toFixed(3)), ['0.131', '0.129', '0.129', '0.339']);
  const verdict = judgeRound(seventeen, 7, all);
  assert.deepEqual(verdict, { best: 7, score: 100, missing: [], lower: null, tied: [6], reason: 'done', done: true });
  const text = messages['pick-the-model.verdict']({ reason: 'done', pass: '80', missing: [], lower: '', tied: ['6'] });
  assert.equal(text, 'This round counts: 80 points or more, and no degree you tried, the ones next to it included, shows a lower validation error (degree 6 shows the same), so the game is done. Press New data for another round.');
  assert.equal(messages['pick-the-model.spotOn']({ degree: 7, min: '0.129', sharedWith: ['6'], score: 100, verdict: text }).split('. ')[0], 'Spot on: degree 7 has the lowest validation error of all twelve (0.129), shared with degree 6');
  // Without a tie the verdict may say "lower than every other": first sample, degree 5 (0.075) below 4 and 6.
  assert.match(messages['pick-the-model.verdict']({ reason: 'done', pass: '80', missing: [], lower: '', tied: [] }), /and lower than every other degree you tried, including the ones next to it/);
  assert.deepEqual(judgeRound(round(4).errors.map((e) => e && e.val), 5, new Set([4, 5, 6])).tied, []);
  let ties = 0;
  for (let seed = 4; seed < 204; seed++) {
    const v = seed < 104 ? rounds[seed - 4].errors.map((e) => e && e.val) : round(seed).errors.map((e) => e && e.val);
    const best = judgeRound(v, 1, all).best;
    const r = judgeRound(v, best, all);
    assert.equal(r.done, true);
    if (!r.tied.length) continue;
    ties += 1;
    for (const d of r.tied) assert.equal(v[d].toFixed(3), v[best].toFixed(3), `seed ${seed}`);
    assert.doesNotMatch(messages['pick-the-model.verdict']({ reason: 'done', pass: '80', missing: [], lower: '', tied: r.tied.map(String) }), /lower than every other/);
  }
  assert.equal(ties, 12);
});

// Feedback before Lock in reads the numbers on screen, not the degree (audit 11 M3: degrees 1 and 2
// were always "too stiff"). The lesson's sentence, the two ratios, the audit's samples (seeds 7, 71
// and 97, where degree 1 is the best of all twelve) and both boundaries, judged as shown.
test('before Lock in: bending past three times, too stiff only against a tried degree with both errors lower', async () => {
  const fs = await import('node:fs');
  const { describeDegree, BENDING_RATIO, STIFF_RATIO } = await import('../web/widgets/pick-the-model.js');
  const md = fs.readFileSync(new URL('./model-selection.md', import.meta.url), 'utf8');
  assert.ok(md.includes('Before you lock in, the message under the readouts judges the degree on screen by the numbers shown, never by the degree alone. A validation error more than three times the training error means the curve is bending to fit the noise; a degree is too stiff when a more flexible one you have tried shows both errors lower, its training error by a factor of more than 1.5. A low degree is not always the stiff one: on the fourth sample degree 1 has the lowest validation error of all twelve, while degree 2 already overfits (training 0.130, validation 3.991).'));
  assert.equal(BENDING_RATIO, 3);
  assert.equal(STIFF_RATIO, 1.5);
  const all = new Set(Array.from({ length: 12 }, (_, i) => i + 1));
  const errorsOf = (seed) => round(seed).errors.map((e) => e && { trainMse: e.train, valMse: e.val });
  const describe = (errors, degree, tried) => describeDegree(errors, degree, new Set(tried));

  // The fourth sample (seed 7): degree 1 is the best of all twelve, degree 2 overfits.
  const fourth = errorsOf(7);
  assert.equal(round(7).best, 1);
  assert.deepEqual([fourth[2].trainMse.toFixed(3), fourth[2].valMse.toFixed(3)], ['0.130', '3.991']);
  assert.deepEqual(describe(fourth, 2, [1, 2]), { kind: 'bending', than: null });
  assert.deepEqual(describe(fourth, 2, all), { kind: 'bending', than: null });
  assert.deepEqual(describe(fourth, 1, [1, 2]), { kind: 'tried', than: null });
  // Where degree 1 is the best, nothing tried can make it "too stiff".
  for (const seed of [7, 71, 97]) {
    assert.equal(round(seed).best, 1, `seed ${seed}`);
    assert.equal(describe(errorsOf(seed), 1, all).kind, 'tried', `seed ${seed}`);
  }
  // The first sample: degree 1 alone says nothing; once degree 5 (0.064 / 0.075) is tried, degree 1
  // (0.281 / 0.334) is too stiff against it, and degree 2 too.
  const first = errorsOf(4);
  assert.deepEqual(describe(first, 1, [1]), { kind: 'tried', than: null });
  assert.deepEqual(describe(first, 1, [1, 5]), { kind: 'stiff', than: 5 });
  assert.deepEqual(describe(first, 2, [1, 2, 5]), { kind: 'stiff', than: 5 });
  assert.deepEqual(describe(first, 12, all), { kind: 'bending', than: null }, '0.029 / 0.305');

  // The stiff boundary on a real sample: seed 100, degree 1 trains to 0.168, degree 3 to 0.112 with a
  // lower validation error (0.155 against 0.370): exactly 1.5 times as shown, not more, so not stiff.
  const hundred = errorsOf(100);
  assert.deepEqual([1, 3].map((d) => [hundred[d].trainMse.toFixed(3), hundred[d].valMse.toFixed(3)]), [['0.168', '0.370'], ['0.112', '0.155']]);
  assert.deepEqual(describe(hundred, 1, [1, 3]), { kind: 'tried', than: null });
  // Both boundaries on made-up errors, judged on the digits shown.
  const at = (one, two) => [undefined, { trainMse: one[0], valMse: one[1] }, { trainMse: two[0], valMse: two[1] }];
  const far = [0.01, 10];
  assert.equal(describe(at([0.100, 0.300], far), 1, [1]).kind, 'tried', 'exactly three times');
  assert.equal(describe(at([0.100, 0.301], far), 1, [1]).kind, 'bending', 'just over');
  assert.equal(describe(at([0.1004, 0.3008], far), 1, [1]).kind, 'bending', 'shown 0.100 / 0.301 (2.996 unrounded)');
  assert.equal(describe(at([0.0996, 0.2996], far), 1, [1]).kind, 'tried', 'shown 0.100 / 0.300 (3.008 unrounded)');
  assert.deepEqual(describe(at([0.150, 0.400], [0.100, 0.300]), 1, [1, 2]), { kind: 'tried', than: null }, 'training exactly 1.5 times');
  assert.deepEqual(describe(at([0.151, 0.400], [0.100, 0.300]), 1, [1, 2]), { kind: 'stiff', than: 2 }, 'just over 1.5 times');
  assert.deepEqual(describe(at([0.151, 0.400], [0.100, 0.400]), 1, [1, 2]), { kind: 'tried', than: null }, 'validation not lower');
  assert.deepEqual(describe(at([0.151, 0.400], [0.100, 0.300]), 1, [1]), { kind: 'tried', than: null }, 'degree 2 not tried');
  assert.deepEqual(describe(at([0.100, 0.300], [0.151, 0.400]), 2, [1, 2]), { kind: 'tried', than: null }, 'a stiffer degree with both errors lower does not make degree 2 stiff');
});
