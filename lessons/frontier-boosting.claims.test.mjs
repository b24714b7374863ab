// Claims of the boosting lesson, checked against the engine with the adaboost-rounds widget's
// defaults (web/widgets/adaboost-rounds.js: makeCircles(80, noise 0.1, 0.5, seed 3), 40 rounds,
// learning rate 1, reset(seed 3)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations/trees-and-ensembles.js';
import { voteShown } from '../web/widgets/adaboost-rounds.js';
import { messages } from '../web/widgets/adaboost-rounds.messages.js';

function boost(noise = 0.1, rounds = 40) {
  const d = ml.makeCircles(80, noise, 0.5, 3);
  const X = Float64Array.from(d.X); const y = Float64Array.from(d.y);
  const ada = new ml.AdaBoost();
  try {
    ada.setData(X, 2, y); ada.setEstimatorCount(rounds); ada.setLearningRate(1); ada.reset(3);
    const mistakesWeight = [];
    for (let r = 1; r <= rounds; r++) {
      ada.step();
      // The weight now on the newest stump's mistakes (what the widget's message adds up).
      const [feature, threshold, left, right] = ada.stumps().slice((r - 1) * 5, r * 5);
      const w = ada.sampleWeights();
      let sum = 0;
      for (let i = 0; i < 80; i++) if ((X[2 * i + feature] <= threshold ? left : right) !== y[i]) sum += w[i];
      mistakesWeight.push(sum);
    }
    return {
      X, y, stumps: Array.from(ada.stumps()), errors: Array.from(ada.errors()), alphas: Array.from(ada.alphas()),
      bounds: Array.from(ada.bounds()), train: Array.from(ada.trainingErrors()), history: Array.from(ada.weightHistory()),
      weights: Array.from(ada.sampleWeights()), mistakesWeight, status: ada.status(), reason: ada.stopReason(), rounds: ada.rounds(),
    };
  } finally {
    ada.delete();
  }
}

test('the worked example: the first stump, ε₁, α₁, Z₁ and the new weights', () => {
  const b = boost();
  const [feature, threshold] = b.stumps.slice(0, 5);
  assert.equal(feature, 0);
  assert.equal(threshold.toFixed(3), '-0.668');
  assert.equal(Math.round(b.errors[0] * 80), 26);
  assert.equal(b.errors[0].toFixed(3), '0.325');
  // The engine's SAMME α is twice the lesson's ½ ln((1 − ε)/ε): the widget reads 0.731, not 0.365.
  assert.equal((b.alphas[0] / 2).toFixed(3), '0.365');
  assert.equal(b.alphas[0].toFixed(3), '0.731');
  assert.equal(Math.log(0.675 / 0.325).toFixed(3), '0.731');
  assert.ok(Math.abs(b.alphas[0] - Math.log((1 - b.errors[0]) / b.errors[0])) < 1e-12);
  // The widget's message after the first Step names the form and the value the lesson quotes.
  const vote = voteShown(b.errors[0], b.alphas[0]);
  assert.deepEqual(vote, { eps: '0.325', alpha: '0.731', exact: true });
  assert.equal(messages['adaboost-rounds.round']({ round: 1, eps: vote.eps, alpha: vote.alpha, exact: vote.exact }),
    'Round 1: the stump\'s weighted error is ε = 0.325, so its vote counts α = ln((1 − ε)/ε) = 0.731 (the engine\'s SAMME vote, twice ½ ln((1 − ε)/ε)). ');
  // "mistakes multiplied by e^α = 0.675/0.325, correct points left as they are": after normalising,
  // a mistake weighs 0.675/0.325 times a correct point, the ratio of step 3's D₂.
  const w = b.history.slice(80, 160);
  const mistake = Math.max(...w); const correct = Math.min(...w);
  assert.ok(Math.abs(mistake / correct - 0.675 / 0.325) < 1e-12);
  assert.equal((2 * Math.sqrt(0.325 * 0.675)).toFixed(3), '0.937');
  const after = [...new Set(b.history.slice(80, 160).map((w) => w.toFixed(4)))].sort();
  assert.deepEqual(after, ['0.0093', '0.0192']);
});

test('the widget writes α = ln((1 − ε)/ε) with "=" only where the shown ε gives the shown α by hand', () => {
  let approximate = 0;
  for (const noise of [0.1, 0.3]) {
    const b = boost(noise);
    b.errors.forEach((e, r) => {
      const vote = voteShown(e, b.alphas[r]);
      const byHand = Math.log((1 - Number(vote.eps)) / Number(vote.eps));
      assert.equal(vote.exact, byHand.toFixed(3) === vote.alpha, `noise ${noise}, round ${r + 1}`);
      if (!vote.exact) approximate += 1;
      const said = messages['adaboost-rounds.round']({ round: r + 1, eps: vote.eps, alpha: vote.alpha, exact: vote.exact });
      assert.ok(said.includes(`ln((1 − ε)/ε) ${vote.exact ? '=' : '≈'} ${vote.alpha} `), said);
    });
  }
  // ε = 0.370 at round 2 gives ln(0.630/0.370) = 0.532 by hand, the engine's vote 0.531.
  assert.deepEqual(voteShown(boost().errors[1], boost().alphas[1]), { eps: '0.370', alpha: '0.531', exact: false });
  assert.ok(approximate > 0);
});

test('the round table; training error ≤ bound in every round; the bound keeps falling', () => {
  const b = boost();
  const table = { 1: ['0.325', '0.937', '0.325'], 3: ['0.317', '0.842', '0.175'], 5: ['0.330', '0.763', '0.075'], 10: ['0.381', '0.608', '0.025'], 20: ['0.373', '0.385', '0.000'], 40: ['0.381', '0.168', '0.000'] };
  for (const [r, row] of Object.entries(table)) {
    assert.deepEqual([b.errors[r - 1], b.bounds[r - 1], b.train[r - 1]].map((v) => v.toFixed(3)), row, `round ${r}`);
  }
  for (let r = 0; r < 40; r++) {
    assert.ok(b.train[r] <= b.bounds[r] + 1e-12, `round ${r + 1}`);
    if (r) assert.ok(b.bounds[r] < b.bounds[r - 1]);
  }
});

test('things to try at noise 0.1: mistakes hold ½ of the weight; ε between 0.317 and 0.384; error 0 from round 15', () => {
  const b = boost();
  for (const m of b.mistakesWeight) assert.equal(m.toFixed(3), '0.500');
  // The reveal quotes the range to three decimals, as the round table above it does (0.317 at round 3).
  assert.deepEqual([Math.min(...b.errors), Math.max(...b.errors)].map((v) => v.toFixed(3)), ['0.317', '0.384']);
  const worst = Math.max(...b.errors);
  assert.equal((2 * Math.sqrt(worst * (1 - worst))).toFixed(3), '0.973');
  const md = fs.readFileSync(path.join(import.meta.dirname, 'frontier-boosting.md'), 'utf8');
  assert.match(md, /zig-zags between 0\.317 and 0\.384 and never nears ½, so each round multiplies the bound by at most 0\.973\./);
  assert.equal(b.train.findIndex((v) => v === 0) + 1, 15);
  assert.ok(b.train.slice(14).every((v) => v === 0));
  // The round limit: the engine stops with no reason of its own, and the widget names the limit.
  assert.equal(b.rounds, 40);
  assert.equal(b.status, 'converged');
  assert.equal(b.reason, '');
});

test('3. noise 0.3: the heaviest point keeps gaining weight, ε climbs to 0.47, the bound flattens at 0.730', () => {
  const b = boost(0.3);
  const heaviest = b.weights.indexOf(Math.max(...b.weights));
  const traj = [10, 20, 30, 40].map((r) => (b.history[r * 80 + heaviest] * 80).toFixed(2));
  assert.deepEqual(traj, ['1.61', '2.15', '2.25', '3.05']);
  assert.equal(Math.max(...b.errors).toFixed(2), '0.47');
  assert.equal(b.bounds[39].toFixed(3), '0.730');
  assert.equal(b.train[39].toFixed(2), '0.15');
});

test('check yourself: five points, ε₁ = 0.2, α₁ = ln 2, the mistake ends with weight ½; a bound under 1/n; ε = ½', () => {
  const args = { points: [1, 2, 3, 4, 5], labels: [0, 0, 1, 0, 1] };
  const r = computations['adaboost-1d'](ml, args);
  assert.ok(Math.abs(r.epsilon - 0.2) < 1e-12);
  assert.ok(Math.abs(r.alpha - Math.log(2)) < 1e-12);
  assert.equal(r.alpha.toFixed(3), '0.693');
  assert.ok(Math.abs(r.bound - 0.8) < 1e-12, 'Z₁ = 2√(0.2·0.8) = 0.8');
  assert.ok(Math.abs(r.mistakesWeight - 0.5) < 1e-12);
  // By hand: 0.2·e^α = 0.4 and 0.8·e^−α = 0.4 before normalising.
  assert.ok(Math.abs(0.2 * Math.exp(r.alpha) - 0.4) < 1e-12 && Math.abs(0.8 * Math.exp(-r.alpha) - 0.4) < 1e-12);
  // The engine's own α (SAMME) is ln 4.
  const ada = new ml.AdaBoost();
  try {
    ada.setData(args.points, 1, args.labels); ada.setEstimatorCount(1); ada.reset(0); ada.step();
    assert.ok(Math.abs(ada.alphas()[0] - Math.log(4)) < 1e-12);
    // One mistake of five: the single misclassified point now weighs ½.
    assert.equal(Math.max(...ada.sampleWeights()).toFixed(3), '0.500');
  } finally {
    ada.delete();
  }
  // On 80 points, any bound below 1/80 forces zero training error (in the widget's run, too).
  const b = boost(0.1, 200);
  const below = b.bounds.findIndex((bound) => bound < 1 / 80);
  assert.ok(below > 0, 'the bound gets below 1/80 within 200 rounds');
  for (let r = below; r < b.bounds.length; r++) assert.equal(b.train[r], 0);
  // ε = ½: every stump on these points is a coin flip; the engine keeps none and says why.
  const flip = new ml.AdaBoost();
  try {
    flip.setData([1, 1, 2, 2], 1, [0, 1, 0, 1]); flip.setEstimatorCount(5); flip.reset(0); flip.fit(5);
    assert.equal(flip.rounds(), 0);
    assert.equal(flip.stopReason(), 'no better than chance');
  } finally {
    flip.delete();
  }
  assert.throws(() => computations['adaboost-1d'](ml, { points: [1, 1, 2, 2], labels: [0, 1, 0, 1] }), /no stump beats a coin flip/);
  assert.equal(0.5 * Math.log(1), 0);
  assert.equal(2 * Math.sqrt(0.25), 1);
});

// The lesson's check-yourself choice question whose text starts with `start`, parsed as the build
// parses it (scripts/lesson-render.mjs renderCheckYourself): `+`/`-` choice, " :: " explanation.
function checkQuestion(start) {
  const md = fs.readFileSync(path.join(import.meta.dirname, 'frontier-boosting.md'), 'utf8');
  const block = md.match(/^::: *check-yourself *\n([\s\S]*?)^::: *$/m)[1];
  const items = block.split(/^\? /m).slice(1);
  const item = items.find((q) => q.startsWith(start));
  assert.ok(item, `a question starting "${start}"`);
  return item.split('\n').filter((l) => /^[+-] /.test(l)).map((l) => ({ right: l[0] === '+', text: l.slice(2).split(' :: ')[0].trim() }));
}

// Audit 7 (Q item 1): the wrong choice "It is somewhere between 0 and 0.01" was true of the only
// possible error, 0. Each choice is read as the claim it makes about the possible training errors
// (k/80 at or below the bound); exactly the right one holds.
test('check yourself: a bound of 0.01 on 80 points leaves 0 as the only possible training error, and no wrong choice is true of it', () => {
  const possible = Array.from({ length: 81 }, (_, k) => k / 80).filter((e) => e <= 0.01);
  assert.deepEqual(possible, [0]);
  const claims = [
    [/^It is exactly 0$/, (es) => es.every((e) => e === 0)],
    [/^It is about 0\.01$/, (es) => es.every((e) => Math.abs(e - 0.01) < 0.005)],
    [/^It could be any value up to 0\.01, such as ([\d.]+)$/, (es, m) => es.includes(Number(m[1])) && es.every((e) => e <= 0.01)],
    [/^It is somewhere between 0 and 0\.01$/, (es) => es.every((e) => e >= 0 && e <= 0.01)],
    // The bound holds for the training error (the round table's test: error ≤ bound every round).
    [/^Nothing: the bound is about new data$/, () => false],
  ];
  const choices = checkQuestion('On 80 training points');
  assert.equal(choices.length, 4);
  for (const c of choices) {
    const claim = claims.find(([re]) => re.test(c.text));
    assert.ok(claim, `what does "${c.text}" claim?`);
    assert.equal(claim[1](possible, c.text.match(claim[0])), c.right, `"${c.text}" is ${c.right ? 'right' : 'wrong'}, so its claim must be ${c.right}`);
  }
  // Its reason names why 0.005 cannot be an error on 80 points: 0.4 of a mistake.
  assert.equal(0.005 * 80, 0.4);
});
