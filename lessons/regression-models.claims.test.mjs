// Claims of regression-models.md, checked against the engine with the regression-race widget's
// defaults (its data helpers in web/widgets/regression-race/data.js), plus the worked examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import {
  ANSWER_SHOWN_FROM_NOISE, IMPORTANCE_DEFAULTS, IMPURITY_SHARE_MIN, MODELS, PERMUTATION_DROP_MAX, PREDICT_NOISE, RACE_DEFAULTS, TEST_POINTS, changedSettings,
  defaultSettings, impurityOnly, importances, modelByKey, onSlider, order, race, ranking, settingText, settingsOnSliders,
} from '../web/widgets/regression-race/data.js';
import { computations } from '../web/js/check-computations.js';

const f = (v, d = 2) => v.toFixed(d);
const byKey = (results) => Object.fromEntries(results.map((r) => [r.key, r]));

test('worked example: one ElasticNet coordinate update by hand', () => {
  const u = computations['elastic-net-update'](ml, { z: 12, c: 10, n: 10, alpha: 0.4, rho: 0.5 });
  assert.equal(u.threshold, 2);
  assert.equal(u.shrunk, 10);
  assert.equal(u.denominator, 12);
  assert.equal(f(u.w, 3), '0.833');
  assert.equal(12 / 10, 1.2);
  const small = computations['elastic-net-update'](ml, { z: 1.5, c: 10, n: 10, alpha: 0.4, rho: 0.5 });
  assert.equal(small.w, 0);
  // The L2 part on its own, a ridge penalty of λ(1 − ρ) = 0.2 (ρ = 0), only shrinks: 1.5 / 12. Ridge
  // with the whole λ = 0.4 would divide by 14, so the lesson must name the L2 part, not "ridge".
  const l2Only = computations['elastic-net-update'](ml, { z: 1.5, c: 10, n: 10, alpha: 0.2, rho: 0 });
  assert.equal(l2Only.w, 0.125);
  assert.equal(f(computations['elastic-net-update'](ml, { z: 1.5, c: 10, n: 10, alpha: 0.4, rho: 0 }).w, 3), '0.107');
  const text = readFileSync(new URL('./regression-models.md', import.meta.url), 'utf8');
  assert.match(text, /the L2 part on its own \(a ridge penalty of \$\\lambda\(1-\\rho\) = 0\.2\$\) would only shrink the weight to \$1\.5\/12 = 0\.125\$/);
});

test('worked example: the ε-tube on three points', () => {
  const e = computations['eps-insensitive'](ml, { r: [0.05, -0.3, 0.8], eps: 0.1 });
  assert.equal(f(e.total, 4), '0.9000');
  assert.equal(e.inside, 1);
  assert.equal(f(0.05 ** 2 + 0.3 ** 2 + 0.8 ** 2, 4), '0.7325');
});

test('check-yourself answers', () => {
  assert.equal(f(computations['elastic-net-update'](ml, { z: 6, c: 8, n: 10, alpha: 0.2, rho: 0.5 }).w, 4), f(5 / 9, 4));
  assert.equal(f(computations['eps-insensitive'](ml, { r: [0.4, -0.05, -1, 0.25], eps: 0.25 }).total, 4), '0.9000');
});

const start = race(ml, RACE_DEFAULTS, defaultSettings());
const r = byKey(start.results);

test('the race: 40 training points, 200 test points', () => {
  assert.equal(RACE_DEFAULTS.points, 40);
  assert.equal(TEST_POINTS, 200);
  assert.equal(start.data.train.x.length, 40);
  assert.equal(start.data.test.x.length, 200);
});

test('the race: RBF SVR lowest test RMSE, then forest, then boosting; the lines trail at about 0.90', () => {
  const rank = ranking(start.results, 'rmse', 'test');
  assert.deepEqual(rank.slice(0, 3), ['svrRbf', 'forest', 'boosting']);
  assert.equal(f(r.svrRbf.test.rmse), '0.44');
  assert.equal(f(r.forest.test.rmse), '0.48');
  assert.equal(f(r.boosting.test.rmse), '0.54');
  for (const k of ['linear', 'elastic']) assert.equal(f(r[k].test.rmse), '0.90');
  for (const k of ['linear', 'elastic', 'svrLinear']) {
    assert.ok(Math.abs(r[k].test.rmse - 0.9) < 0.06, k);
    assert.ok(r[k].test.r2 < 0.4, k);
  }
  assert.equal(f(r.svrLinear.test.rmse), '0.95');
  // Least squares and ElasticNet: within 0.01 on every number; only the test MAE differs when shown.
  for (const set of ['train', 'test']) for (const m of ['rmse', 'mae', 'r2']) assert.ok(Math.abs(r.linear[set][m] - r.elastic[set][m]) < 0.01, `${set} ${m}`);
  assert.equal(f(r.linear.test.mae), '0.74');
  assert.equal(f(r.elastic.test.mae), '0.75');
  for (const set of ['train', 'test']) {
    assert.equal(f(r.linear[set].rmse), f(r.elastic[set].rmse));
    assert.equal(f(r.linear[set].r2, 3), f(r.elastic[set].r2, 3));
  }
  assert.equal(f(r.linear.train.mae), f(r.elastic.train.mae));
  assert.notEqual(r.svrLinear.test.rmse, r.linear.test.rmse);
});

test('the race: boosting has the lowest training RMSE, 0.14, and the largest train–test gap; the forest the next largest', () => {
  assert.deepEqual(ranking(start.results, 'rmse', 'train')[0], 'boosting');
  assert.equal(f(r.boosting.train.rmse), '0.14');
  const gaps = start.results.map((x) => [x.key, x.test.rmse - x.train.rmse]).sort((a, b) => b[1] - a[1]);
  assert.equal(gaps[0][0], 'boosting');
  assert.equal(gaps[1][0], 'forest');
  assert.equal(ranking(start.results, 'rmse', 'test').indexOf('boosting'), 2);  // third-best test RMSE
});

const rise = (ys) => Math.max(...ys) - Math.min(...ys);
const withSetting = (key, name, value) => {
  const s = defaultSettings();
  s[key][name] = value;
  return byKey(race(ml, RACE_DEFAULTS, s).results)[key];
};

test('the race: λ = 1 keeps a little over half of the line\'s rise; the weight is zero from λ ≈ 2.70, between the stops 2.5 and 3', () => {
  const share = rise(withSetting('elastic', 'alpha', 1).curve.y) / rise(r.elastic.curve.y);
  assert.ok(share > 0.5 && share < 0.6, String(share));
  for (const a of [2.71, 2.8, 3, 10]) assert.equal(rise(withSetting('elastic', 'alpha', a).curve.y), 0, `λ = ${a}`);
  for (const a of [2.5, 2.6, 2.69]) assert.ok(rise(withSetting('elastic', 'alpha', a).curve.y) > 0, `λ = ${a}`);
  // 2.5 and 3 are neighbouring stops of the λ slider: nothing between them can be set.
  const stops = modelByKey('elastic').settings.find((s) => s.key === 'alpha').stops;
  assert.equal(stops[stops.indexOf(2.5) + 1], 3);
  const text = readFileSync(new URL('./regression-models.md', import.meta.url), 'utf8');
  assert.match(text, /between the slider's stops 2\.5 and 3 \(at \$\\lambda \\approx 2\.70\$\)/);
  assert.match(text, /from \$\\lambda = 3\$ on the prediction is the flat mean/);
});

// Every value the lesson has the learner set is a place the setting's slider can stop, and its
// readout writes it as the lesson does (γ = 50, not 50.12 or 50.00).
const lessonText = readFileSync(new URL('./regression-models.md', import.meta.url), 'utf8');
const SET_BY_LESSON = [
  // [model, setting, value, as the lesson writes it, the lesson's words]
  ['elastic', 'alpha', 1, '1', /raise \$\\lambda\$ to 1:/],
  ['elastic', 'alpha', 2.5, '2.5', /the slider's stops 2\.5 and 3/],
  ['elastic', 'alpha', 3, '3', /the slider's stops 2\.5 and 3/],
  ['elastic', 'alpha', 0.01, '0.01', /ElasticNet with \$\\lambda = 0\.01\$/],
  ['boosting', 'rounds', 20, '20', /Give gradient boosting 20 rounds instead of 100/],
  ['boosting', 'rounds', 100, '100', /Give gradient boosting 20 rounds instead of 100/],
  ['svrRbf', 'gamma', 50, '50', /Give the RBF SVR \$\\gamma = 50\$/],
];
test('every value the lesson sets is a stop of its slider and reads as written', () => {
  for (const [model, key, value, written, words] of SET_BY_LESSON) {
    assert.match(lessonText, words, `${model}.${key} = ${written}`);
    const spec = modelByKey(model).settings.find((s) => s.key === key);
    if (spec.stops) assert.ok(spec.stops.includes(value), `${model}.${key}: ${value} is a stop`);
    else assert.ok(value >= spec.min && value <= spec.max && Number.isInteger(Math.round((value - spec.min) / spec.step * 1e9) / 1e9), `${model}.${key}: ${value} on the step`);
    assert.equal(onSlider(spec, value), value);
    assert.equal(settingText(spec, value), written);
  }
  // Every default is a stop too, so Default settings puts the sliders exactly where the lesson's numbers were computed.
  for (const m of MODELS) for (const s of m.settings) assert.equal(onSlider(s, s.value), s.value, `${m.key}.${s.key}`);
  assert.equal(settingText(modelByKey('svrRbf').settings.find((s) => s.key === 'gamma'), 0.5), '0.5');
  // The noise the box asks about is a stop of the noise slider (0 to 2 in steps of 0.1).
  assert.equal(Math.round(PREDICT_NOISE * 10) / 10, PREDICT_NOISE);
});

test('predict, then check is judged at the default settings only: the gate, at its boundaries', () => {
  assert.deepEqual(changedSettings(defaultSettings()), []);
  // Exactly at a default, as a slider may hand it back (a float off by rounding): still the default.
  const nearly = defaultSettings();
  nearly.svrRbf.epsilon = 0.1 + 1e-12;
  nearly.elastic.l1Ratio = 0.5 - 1e-12;
  assert.deepEqual(changedSettings(nearly), []);
  // One stop or one step off a default, below or above: changed.
  const gammaStops = modelByKey('svrRbf').settings.find((s) => s.key === 'gamma').stops;
  const at = gammaStops.indexOf(0.5);
  for (const g of [gammaStops[at - 1], gammaStops[at + 1]]) {
    const s = defaultSettings(); s.svrRbf.gamma = g;
    assert.deepEqual(changedSettings(s), [{ model: 'svrRbf', key: 'gamma', value: g, default: 0.5 }], `γ = ${g}`);
  }
  for (const rounds of [99, 101]) {
    const s = defaultSettings(); s.boosting.rounds = rounds;
    assert.equal(changedSettings(s).length, 1, `rounds ${rounds}`);
  }
  const eps = defaultSettings(); eps.svrRbf.epsilon = 0.15;
  assert.equal(changedSettings(eps).length, 1);
  // A Share link's values go onto the sliders: γ = 50.12 is used (and shown) as the stop 50.
  const linked = defaultSettings(); linked.svrRbf.gamma = 50.12; linked.elastic.alpha = 0.0101;
  const snapped = settingsOnSliders(linked);
  assert.equal(snapped.svrRbf.gamma, 50);
  assert.equal(snapped.elastic.alpha, 0.01);
});

test('predict, then check: after the lesson\'s "Try the settings" steps, done in order, the answer differs; Default settings restores it', () => {
  // The steps: λ = 1 then 3, boosting 20 rounds, RBF SVR γ = 50 (each left as the learner set it).
  const tried = defaultSettings();
  tried.elastic.alpha = 1;
  tried.elastic.alpha = 3;
  tried.boosting.rounds = 20;
  tried.svrRbf.gamma = 50;
  assert.deepEqual(changedSettings(tried).map((c) => `${c.model}.${c.key}`), ['elastic.alpha', 'svrRbf.gamma', 'boosting.rounds']);
  // At noise 1.2 with those settings boosting is not last: judging there would mark the lesson's answer wrong.
  const carried = ranking(race(ml, { ...RACE_DEFAULTS, noise: PREDICT_NOISE }, tried).results, 'rmse', 'test');
  assert.notEqual(carried[carried.length - 1], 'boosting');
  // Default settings gives every model its starting values back: the gate opens, and the reveal holds.
  assert.deepEqual(changedSettings(defaultSettings()), []);
  assert.match(lessonText, /first press \*\*Default settings\*\*: every model gets back the values it started with/);
  assert.ok(lessonText.indexOf('first press **Default settings**') < lessonText.indexOf('*with the noise raised to 1.2, which model will have the highest test RMSE?*'));
  assert.ok(lessonText.indexOf('Give the RBF SVR $\\gamma = 50$') < lessonText.indexOf('first press **Default settings**'));
});

test('check-yourself: a lower learning rate also shrinks boosting\'s train–test gap', () => {
  const gap = (x) => x.test.rmse - x.train.rmse;
  const slower = withSetting('boosting', 'learningRate', 0.05);
  assert.ok(gap(slower) < gap(r.boosting) / 1.5, `${gap(slower)} vs ${gap(r.boosting)}`);
  assert.ok(gap(withSetting('boosting', 'rounds', 20)) < gap(r.boosting));
});

test('the race: boosting with 20 rounds: training RMSE 0.42, test RMSE falls to 0.48; RBF SVR with γ = 50: 0.33 and 0.60', () => {
  const fewer = withSetting('boosting', 'rounds', 20);
  assert.equal(f(fewer.train.rmse), '0.42');
  assert.equal(f(fewer.test.rmse), '0.48');
  assert.ok(fewer.test.rmse < r.boosting.test.rmse);
  const narrow = withSetting('svrRbf', 'gamma', 50);
  assert.equal(f(narrow.train.rmse), '0.33');
  assert.equal(f(narrow.test.rmse), '0.60');
  assert.ok(narrow.train.rmse < r.svrRbf.train.rmse && narrow.test.rmse > r.svrRbf.test.rmse);
});

test('the race: every number on screen is finite', () => {
  for (const x of start.results) for (const set of ['train', 'test']) for (const m of ['rmse', 'mae', 'r2']) assert.ok(Number.isFinite(x[set][m]));
});

test('predict, then check: at noise 1.2 boosting has the highest test RMSE, 1.55; the RBF SVR stays first at 1.28', () => {
  assert.equal(PREDICT_NOISE, 1.2);
  const noisy = race(ml, { ...RACE_DEFAULTS, noise: PREDICT_NOISE }, defaultSettings());
  const rank = ranking(noisy.results, 'rmse', 'test');
  assert.equal(rank[rank.length - 1], 'boosting');
  assert.equal(rank[0], 'svrRbf');
  const n = byKey(noisy.results);
  assert.equal(f(n.boosting.test.rmse), '1.55');
  assert.equal(f(n.svrRbf.test.rmse), '1.28');
  for (const k of ['linear', 'elastic', 'svrLinear']) assert.ok(n.boosting.test.rmse > n[k].test.rmse);
  assert.equal(ranking(noisy.results, 'rmse', 'train')[0], 'boosting');
});

test('the widget counts the noise answer as seen from noise 1.0 up: boosting is last at every noise from 1.0 to 2.0, and at 0.9 it is not', () => {
  assert.equal(ANSWER_SHOWN_FROM_NOISE, 1.0);
  for (let k = 9; k <= 20; k++) {
    const noise = k / 10;
    const rank = ranking(race(ml, { ...RACE_DEFAULTS, noise }, defaultSettings()).results, 'rmse', 'test');
    assert.equal(rank[rank.length - 1] === 'boosting', noise >= ANSWER_SHOWN_FROM_NOISE, `noise ${noise}: last is ${rank[rank.length - 1]}`);
  }
});

const imp = importances(ml, IMPORTANCE_DEFAULTS, { withTrain: true });

test('importance: the table (noise 2, seed 7) and the rule', () => {
  assert.equal(IMPORTANCE_DEFAULTS.noise, 2);
  assert.equal(IMPORTANCE_DEFAULTS.seed, RACE_DEFAULTS.seed);
  assert.equal(IMPORTANCE_DEFAULTS.repeats, 10);
  assert.equal(IMPURITY_SHARE_MIN, 0.02);
  assert.equal(PERMUTATION_DROP_MAX, 0.01);
  // The rule at its boundaries: 2 % exactly counts, a drop of exactly 0.01 does not.
  assert.deepEqual(impurityOnly([0.5, 0.3, 0.18, 0.02], [1, 0.2, 0.05, 0.0099]), [3]);
  assert.deepEqual(impurityOnly([0.5, 0.3, 0.1801, 0.0199], [1, 0.2, 0.05, 0]), []);
  assert.deepEqual(impurityOnly([0.5, 0.3, 0.18, 0.02], [1, 0.2, 0.05, 0.01]), []);
});

test('importance (forest): both agree on strong > curve > weak; impurity gives the useless column 5.1 %', () => {
  assert.deepEqual(order(imp.impurity).slice(0, 3), [0, 1, 2]);
  assert.deepEqual(order(imp.permutation).slice(0, 3), [0, 1, 2]);
  assert.equal(f(imp.impurity.reduce((s, v) => s + v, 0), 6), '1.000000');
  assert.equal(f(imp.impurity[3] * 100, 1), '5.1');
  assert.equal(f(imp.impurity[2] * 100, 1), '8.4');
  assert.ok(imp.impurity[3] > imp.impurity[2] / 2);
  assert.equal(f(imp.permutation[3], 3), '0.002');
  assert.equal(f(imp.permutation[2], 3), '0.044');
  assert.deepEqual(impurityOnly(imp.impurity, imp.permutation), [3]);
});

test('importance (forest): on the training rows the useless column costs 0.054 of R², over twenty times its test cost', () => {
  assert.equal(f(imp.permutationTrain[3], 3), '0.054');
  assert.ok(imp.permutationTrain[3] > 20 * imp.permutation[3]);
});

test('importance (boosting): the useless column also gets 5.1 % and a test drop under 0.01', () => {
  const b = importances(ml, { ...IMPORTANCE_DEFAULTS, model: 'boosting' });
  assert.equal(f(b.impurity[3] * 100, 1), '5.1');
  assert.ok(b.permutation[3] < PERMUTATION_DROP_MAX);
  assert.deepEqual(impurityOnly(b.impurity, b.permutation), [3]);
});

test('importance (forest): noise 0 gives the useless column 0.6% and flags nothing; noise 4 gives it 13.2% beside 16.7%', () => {
  const quiet = importances(ml, { ...IMPORTANCE_DEFAULTS, noise: 0 });
  assert.equal(f(quiet.impurity[3] * 100, 1), '0.6');
  assert.deepEqual(impurityOnly(quiet.impurity, quiet.permutation), []);
  const loud = importances(ml, { ...IMPORTANCE_DEFAULTS, noise: 4 });
  assert.equal(f(loud.impurity[3] * 100, 1), '13.2');
  assert.equal(f(loud.impurity[2] * 100, 1), '16.7');
  assert.ok(loud.permutation[3] < PERMUTATION_DROP_MAX);
  // The step before selects gradient boosting, which shows other figures (0.1% and 12.7% beside
  // 17.2%): the lesson switches back to the forest before the noise is moved.
  const boosted = [0, 4].map((noise) => importances(ml, { ...IMPORTANCE_DEFAULTS, model: 'boosting', noise }));
  assert.equal(f(boosted[0].impurity[3] * 100, 1), '0.1');
  assert.deepEqual([boosted[1].impurity[3], boosted[1].impurity[2]].map((v) => f(v * 100, 1)), ['12.7', '17.2']);
  const text = readFileSync(new URL('./regression-models.md', import.meta.url), 'utf8');
  assert.match(text, /Switch the model to \*\*gradient boosting\*\*[^\n]*Then switch back to the \*\*random forest\*\* and move \*\*noise on y\*\*/);
});

test('worked example: one boosting round on y = 1, 3, 5, 7 — mean 4, residuals −3, −1, 1, 3 (MSE 5), stump ∓2 cut between 2 and 3, η = 0.5 gives 3, 3, 5, 5 (MSE 2); η = 1 would give MSE 1', () => {
  const x = [1, 2, 3, 4];
  const y = [1, 3, 5, 7];
  const mse = (p) => p.reduce((s, v, i) => s + (y[i] - v) ** 2, 0) / y.length;
  assert.equal(mse([4, 4, 4, 4]), 5);
  // The stump's three possible cuts, scored by the squared error left around each side's mean residual.
  const r = y.map((v) => v - 4);
  const sse = (part) => { const m = part.reduce((a, b) => a + b, 0) / part.length; return part.reduce((a, b) => a + (b - m) ** 2, 0); };
  assert.deepEqual([1, 2, 3].map((c) => sse(r.slice(0, c)) + sse(r.slice(c))), [8, 4, 8]);
  const gb = new ml.GradientBoosting();
  try {
    gb.setData(x, 1, y);
    gb.setMaxDepth(1);
    gb.setLearningRate(0.5);
    assert.equal(gb.initialValue(), 4);
    assert.equal(gb.step(), 2, 'MSE after the round');
    assert.deepEqual(Array.from(gb.predict(x)), [3, 3, 5, 5]);
    assert.deepEqual(Array.from(gb.predict(x), (p, i) => y[i] - p), [-2, 0, 0, 2]);
    gb.setLearningRate(1);
    assert.equal(gb.step(), 1, 'η = 1: one round reaches MSE 1');
    assert.deepEqual(Array.from(gb.predict(x)), [2, 2, 6, 6]);
  } finally { gb.delete(); }
});

// The ½ factors of ElasticNet's objective, against the regularisation lesson's MSE + λΣw² and
// MSE + λΣ|w| (the engine's PolynomialRegression with penalty l2 / l1, which that lesson's widget
// fits). On x spread over [−1, 1] a degree-1 PolynomialRegression's feature is x itself, so the two
// engines fit the same line: ρ = 0 at λ matches ridge at λ, and ρ = 1 at λ matches the lasso at 2λ.
test('the ½ factors: ElasticNet at ρ = 0 is half the ridge loss (same λ, same fit); at ρ = 1 its λ is half the lasso strength', () => {
  const x = Array.from({ length: 21 }, (_, i) => -1 + i / 10);
  const y = x.map((v, i) => 1.5 * v + 0.3 + 0.4 * Math.sin(7 * i));
  const elastic = (lambda, rho) => {
    const m = new ml.ElasticNet();
    try {
      m.setAlpha(lambda); m.setL1Ratio(rho); m.setData(x, 1, y); m.fit(100000);
      return { w: m.weights()[0], b: m.intercept(), loss: m.loss(), mse: m.trainingMse() };
    } finally { m.delete(); }
  };
  const course = (penalty, lambda) => {
    const m = new ml.PolynomialRegression();
    try {
      m.setDegree(1); m.setPenalty(penalty); m.setLambda(lambda); m.setData(x, 1, y); m.solve();
      const [b, w] = m.coefficients();
      return { w, b };
    } finally { m.delete(); }
  };
  for (const lambda of [0.05, 0.2, 0.5]) {
    const ridgeLike = elastic(lambda, 0);
    const ridge = course('l2', lambda);
    assert.ok(Math.abs(ridgeLike.w - ridge.w) < 1e-9 && Math.abs(ridgeLike.b - ridge.b) < 1e-9, `ρ = 0, λ = ${lambda}: ${ridgeLike.w} vs ridge ${ridge.w}`);
    assert.ok(Math.abs(ridgeLike.loss - 0.5 * (ridgeLike.mse + lambda * ridgeLike.w ** 2)) < 1e-12, 'half of MSE + λΣw²');
    const lassoLike = elastic(lambda, 1);
    const lasso = course('l1', 2 * lambda);
    assert.ok(Math.abs(lassoLike.w - lasso.w) < 1e-7 && Math.abs(lassoLike.b - lasso.b) < 1e-7, `ρ = 1, λ = ${lambda}: ${lassoLike.w} vs lasso at 2λ ${lasso.w}`);
    assert.ok(Math.abs(lassoLike.loss - 0.5 * (lassoLike.mse + 2 * lambda * Math.abs(lassoLike.w))) < 1e-12, 'half of MSE + 2λΣ|w|');
    assert.ok(Math.abs(lassoLike.w - course('l1', lambda).w) > 1e-3, 'the lasso at the same λ is a different fit');
  }
  const text = readFileSync(new URL('./regression-models.md', import.meta.url), 'utf8');
  assert.match(text, /The two halves, \$\\frac\{1\}\{2n\}\$ in front of the squared misses and \$\\frac12\$ on the L2 term, are scikit-learn's convention/);
  assert.match(text, /with \$\\rho = 0\$ the whole loss is half of the regularisation lesson's ridge loss \$\\text\{MSE\} \+ \\lambda\\sum_j w_j\^2\$; halving a loss does not move its minimum, so the same \$\\lambda\$ gives the same fit\. With \$\\rho = 1\$ the loss is half of \$\\text\{MSE\} \+ 2\\lambda\\sum_j \|w_j\|\$: ElasticNet's \$\\lambda\$ is half the L1 strength of that lesson's lasso with the same fit\./);
});

// The hollow points compare a few fixed models; used to choose, they act as a validation set
// (generalisation.md: choosing by test scores is leakage). The lesson says so, and links there.
test('the hollow points: named as held-out rows that compare fixed models, and as a validation set once they choose', () => {
  const text = readFileSync(new URL('./regression-models.md', import.meta.url), 'utf8');
  assert.doesNotMatch(text, /let the numbers decide/);
  assert.match(text, /If those scores then pick the winner, the held-out rows have done a validation set's job, and the winner's score on them is a little flattering: an honest final figure needs a test set that played no part in the choice, as \[Judged on new data\]\(generalisation\.html#the-score-that-matters-is-on-new-data\) explains\./);
  assert.match(text, /the 200 hollow points are held-out rows drawn the same way, which the table calls the test set\./);
  assert.match(text, /Here the hollow points compare a few fixed models side by side; the moment you use them to choose a model or a setting, they are acting as a validation set/);
  assert.equal(TEST_POINTS, 200);
  const generalisation = readFileSync(new URL('./generalisation.md', import.meta.url), 'utf8');
  assert.match(generalisation, /^## The score that matters is on new data$/m, 'the anchor the link names');
});
