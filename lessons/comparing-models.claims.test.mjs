// Claims of comparing-models.md, checked against the engine with the model-comparison widget's
// defaults (COMPARISON_DEFAULTS: forest vs logistic regression, 200 moons points, noise 0.3,
// k = 10, seed 4, 200 resamples), through the widget's own helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { COMPARISON_DEFAULTS as D, MODELS, compareOnFolds, compareOnTestSet, mean, moons, noiseResample, tallyNoise } from '../web/widgets/comparison/data.js';
import { messages } from '../web/widgets/model-comparison.messages.js';
import { computations } from '../web/js/check-computations/model-selection.js';

const made = [];
const make = (name) => { const m = MODELS[name].make(ml); made.push(m); return m; };
const data = moons(ml, D.points, D.noise, D.seed);

test('worked example: three folds give t_Δ = 3.0 with 2 df and p ≈ 0.095', () => {
  const r = computations['paired-t'](ml, { a: [0.82, 0.86, 0.84], b: [0.80, 0.81, 0.82] });
  assert.equal(r.mean.toFixed(2), '0.03');
  assert.equal(r.sd.toFixed(4), '0.0173');
  assert.equal((r.sd / Math.sqrt(3)).toFixed(4), '0.0100');
  assert.equal(r.t.toFixed(1), '3.0');
  assert.equal(r.df, 2);
  assert.equal(r.p.toFixed(3), '0.095');
});

test('worked example: the permutation test gives 2 of 8 patterns, p = 0.25; mixed patterns stay below 0.017', () => {
  const r = computations['permutation-test'](ml, { a: [0.82, 0.86, 0.84], b: [0.80, 0.81, 0.82] });
  assert.equal(r.count, 2);
  assert.equal(r.patterns, 8);
  assert.equal(r.p, 0.25);
  const d = [0.02, 0.05, 0.02];
  for (let mask = 1; mask < 7; mask++) {
    const m = d.reduce((s, v, i) => s + ((mask >> i) & 1 ? -v : v), 0) / 3;
    assert.ok(Math.abs(m) <= 0.05 / 3 + 1e-12, `pattern ${mask}`);
  }
  // The floor 2/2^k: all gaps of one sign.
  assert.equal(computations['permutation-test'](ml, { a: [1, 1, 1], b: [0, 0, 0] }).p, 0.25);
  assert.equal(computations['permutation-test'](ml, { a: [1, 1, 1, 1], b: [0, 0, 0, 0] }).p, 2 / 16);
});

test('worked example: McNemar with n01 = 5, n10 = 1', () => {
  const r = computations.mcnemar(ml, { n01: 5, n10: 1 });
  assert.ok(Math.abs(r.exact - 14 / 64) < 1e-12);
  assert.equal(r.exact.toFixed(3), '0.219');
  assert.equal(r.chi2, 1.5);
  assert.equal(r.chi2p.toFixed(3), '0.221');
});

test('the widget’s defaults: forest 0.920 vs logistic 0.850, 7 fold wins and no loss, t_Δ = 3.77, p = 0.0044, permutation 0.0156', () => {
  const a = make(D.modelA);
  const b = make(D.modelB);
  assert.equal(D.modelA, 'forest');
  assert.equal(D.modelB, 'logistic');
  assert.equal(messages['model-comparison.model.forest'], 'forest, 15 trees');
  assert.equal(messages['model-comparison.model.tree'], 'tree, depth 4');
  const r = compareOnFolds(ml, a, b, data, D.k, D.seed);
  assert.equal(r.a.length, 10);
  assert.equal(mean(r.a).toFixed(3), '0.920');
  assert.equal(mean(r.b).toFixed(3), '0.850');
  assert.equal(r.a.filter((v, i) => v > r.b[i]).length, 7);
  assert.equal(r.a.filter((v, i) => v < r.b[i]).length, 0);
  assert.equal(r.t.t.toFixed(2), '3.77');
  assert.equal(r.t.pValue.toFixed(4), '0.0044');
  assert.equal(r.permutation.pValue.toFixed(4), '0.0156');
  const t = compareOnTestSet(ml, a, b, data, D.seed);
  assert.equal(t.testSize, 60);
  assert.equal(t.aRightBWrong, 5);
  assert.equal(t.aWrongBRight, 2);
  assert.equal(t.exactPValue.toFixed(3), '0.453');
});

test('things to try: tree 0.865, 0.055 behind, p = 0.057 and 0.0625; logistic twice gives p = 1; three folds floor 0.25', () => {
  const a = make('forest');
  const r = compareOnFolds(ml, a, make('tree'), data, D.k, D.seed);
  assert.equal(mean(r.b).toFixed(3), '0.865');
  assert.equal((mean(r.a) - mean(r.b)).toFixed(3), '0.055');
  assert.equal(r.t.pValue.toFixed(3), '0.057');
  assert.equal(r.permutation.pValue.toFixed(4), '0.0625');
  const same = compareOnFolds(ml, make('logistic'), make('logistic'), data, D.k, D.seed);
  assert.ok(same.a.every((v, i) => v === same.b[i]));
  assert.equal(same.t.pValue, 1);
  assert.equal(same.permutation.pValue, 1);
  const three = compareOnFolds(ml, a, make('logistic'), data, 3, D.seed);
  assert.ok(three.permutation.pValue >= 0.25);
});

test('the noise experiment: 168 of 200 name a winner (77 vs 91), 32 ties at p = 1, p < 0.05 in 8 (4 %), half below 0.5', () => {
  const fa = make('forest');
  const fb = make('forest');
  const results = [];
  for (let r = 0; r < D.resamples; r++) results.push(noiseResample(ml, fa, fb, r, D));
  const t = tallyNoise(results);
  assert.equal(D.resamples, 200);
  assert.equal(t.aWins + t.bWins, 168);
  assert.equal(t.aWins, 77);
  assert.equal(t.bWins, 91);
  assert.equal(t.ties, 32);
  assert.equal(results.filter((r) => r.p === 1).length, 32);
  assert.equal(t.significant, 8);
  assert.equal((100 * t.significant / t.runs).toFixed(0), '4');
  const belowHalf = results.filter((r) => r.p < 0.5).length;
  assert.ok(Math.abs(belowHalf - 100) <= 5, `${belowHalf} below 0.5`);
  // No pile near 0: the lowest bin (p < 0.05) holds no more than the bins' average outside p = 1.
  assert.ok(t.significant <= (t.runs - 32) / 19, `${t.significant} in the first bin`);
  for (const m of made) m.delete();
  made.length = 0;
});

test('the noise experiment keeps 10 folds and noise 0.30 whatever the sliders show, and the lesson says so before the reveal', async () => {
  const fs = await import('node:fs');
  const lesson = fs.readFileSync(new URL('./comparing-models.md', import.meta.url), 'utf8');
  assert.equal(D.k, 10);
  assert.equal(D.noise, 0.3);
  assert.match(lesson, /3\. Lower the folds to \*\*3\*\*/);
  assert.match(lesson, /The experiment keeps the widget's starting settings, 10 folds and noise 0\.30, whatever the sliders above show: if you lowered the folds to 3 in the last step, it still uses 10, and its caption says so\./);
  assert.match(lesson, /::: reveal\nWith 10 folds \(the widget's default, which the experiment always uses\), one copy had the higher mean in 168 of 200/);
  // The caption the learner reads beside the experiment names its folds and noise and says the sliders do not change it.
  const caption = messages['model-comparison.noiseCaption']({ forest: '15 trees', points: D.points, k: '10', noise: '0.30' });
  assert.match(caption, /\(noise 0\.30\) and fresh folds \(k = 10\).*the folds and noise sliders and New data change only the panels above/);
  // At 3 folds the tallies differ (the counts the audit saw): the reveal's numbers hold only at 10.
  const fa = make('forest');
  const fb = make('forest');
  const three = [];
  for (let r = 0; r < D.resamples; r++) three.push(noiseResample(ml, fa, fb, r, { ...D, k: 3 }));
  const t3 = tallyNoise(three);
  assert.notEqual(t3.ties, 32);
  assert.notEqual(t3.aWins, 77);
  for (const m of made) m.delete();
  made.length = 0;
});

test('check-yourself answers', () => {
  const t = computations['paired-t'](ml, { a: [0.90, 0.85, 0.88], b: [0.86, 0.84, 0.85] });
  assert.equal(t.t.toFixed(2), '3.02');
  const mc = computations.mcnemar(ml, { n01: 12, n10: 4 });
  assert.ok(Math.abs(mc.exact - 2 * 2517 / 65536) < 1e-12);
  assert.ok(mc.exact > 0.05);
});
