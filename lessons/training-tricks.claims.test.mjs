// Claims of training-tricks.md checked against the engine through the widget's own set-up
// (web/widgets/training-tricks/model.js: createNet with the widget's defaults — two spirals of
// 200 points, six hidden layers of 16 ReLU units, momentum 0.9, mini-batches of 20, 1500
// updates, seed 1 — and its four pairs), plus the worked examples and the check-yourself
// computations by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations.js';
import { resolveOptions } from '../web/lib/schema.js';
import { schema, PAIRS, createNet, runToEnd, outcome, ending, stalled, diverged, STALL_MARGIN, SAME_MARGIN } from '../web/widgets/training-tricks/model.js';

const close = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
const LOG2 = Math.log(2);
const defaults = resolveOptions(schema, {}).values;

function withNet(opts, side, fn) {
  const net = createNet(ml, opts, side);
  try { return fn(net); } finally { net.delete(); }
}
function finalOf(opts, side) { return withNet(opts, side, (net) => runToEnd(net, opts.updates)); }
const results = {};
function pair(trick, extra = {}) {
  const opts = { ...defaults, ...extra, trick };
  const k = JSON.stringify(opts);
  if (!results[k]) results[k] = { off: finalOf(opts, 'off'), on: finalOf(opts, 'on') };
  return results[k];
}

test('the widget defaults are the ones the lesson states', () => {
  assert.equal(defaults.trick, 'init');
  assert.equal(defaults.dataset, 'spiral');
  assert.equal(defaults.layers, 6);
  assert.equal(defaults.width, 16);
  assert.equal(defaults.updates, 1500);
  assert.equal(defaults.seed, 1);
  withNet(defaults, 'on', (net) => {
    assert.equal(net.pointCount(), 200);
    assert.equal(net.batchSize(), 20);
    assert.equal(net.optimizer(), 'momentum');
    assert.equal(net.activation(), 'relu');
  });
  assert.equal(PAIRS.init.off.init, 'small');
  assert.equal(PAIRS.init.on.init, 'he');
  assert.equal(PAIRS.schedule.off.eta, 0.05);
  assert.equal(PAIRS.clipping.on.clip, 1);
});

test('worked example: small weights through six layers', () => {
  const factor = Math.sqrt(16 * 0.01 ** 2 * 0.5);
  close(factor, 0.028, 0.0005, 'factor per layer');
  close(factor ** 6 / 5e-10, 1, 0.1, 'after six layers ≈ 5·10⁻¹⁰');
  close(LOG2, 0.693, 0.0005, 'log 2');
  // He: 2/16 = 0.125, s ≈ 0.35, and the factor is exactly 1; s_w = 1 gives √8 ≈ 2.8 per layer.
  const he = computations['init-scale'](ml, { fanin: 16 });
  assert.equal(he.he, 0.125);
  close(he.heS, 0.35, 0.005, 'He s');
  close(Math.sqrt(16 * he.he * 0.5), 1, 1e-12, 'He factor');
  close(Math.sqrt(16 * 1 * 0.5), 2.8, 0.03, 'large factor');
  assert.ok(Math.sqrt(8) ** 6 > 100, 'hundreds over six layers');
  close(computations['init-scale'](ml, { fanin: 16, fanout: 16 }).xavier, 2 / 32, 1e-15, 'Xavier 2/(16+16)');
});

test('the layer chart before the first update: small weights vs He', () => {
  withNet(defaults, 'off', (net) => {
    const s = net.layerStatistics();
    assert.equal(s.deviation.length, 6);
    for (let l = 1; l < 6; l++) {
      const ratio = s.deviation[l] / s.deviation[l - 1];
      assert.ok(ratio > 0.015 && ratio < 0.035, `layer ${l + 1}/${l}: ${ratio} is not 0.02 to 0.03`);
    }
    assert.ok(s.deviation[5] < 1e-9, `sixth layer ${s.deviation[5]}`);
    for (const g of s.gradientNorm) assert.ok(g < 1e-10, `gradient ${g}`);
  });
  withNet(defaults, 'on', (net) => {
    const s = net.layerStatistics().deviation;
    const hi = Math.max(...s), lo = Math.min(...s);
    assert.ok(hi / lo < 2, `He spreads ${[...s]} differ by more than a factor of 2`);
  });
});

test('initialisation: small weights stall at log 2, He trains', () => {
  const r = pair('init');
  assert.ok(Math.abs(r.off.loss - LOG2) < 0.005, `left ${r.off.loss}`);
  assert.equal(r.off.accuracy, 0.5);
  assert.ok(r.on.loss < 0.2, `right ${r.on.loss}`);
  assert.ok(r.on.accuracy > 0.9, `right accuracy ${r.on.accuracy}`);
  assert.equal(outcome(r.off.loss, r.on.loss), 'stall');
});

test('batch normalisation: the same small weights train with it', () => {
  const r = pair('batchnorm');
  assert.ok(stalled(r.off.loss), `left ${r.off.loss}`);
  assert.ok(r.on.loss < 0.35, `right ${r.on.loss}`);
  assert.ok(r.on.accuracy > 0.85, `right accuracy ${r.on.accuracy}`);
  assert.equal(outcome(r.off.loss, r.on.loss), 'stall');
});

test('schedule: constant η = 0.05 ends above 0.2, cosine below 0.06, and cosine wins on seeds 1–5', () => {
  const r = pair('schedule');
  assert.ok(r.off.loss > 0.2, `constant ${r.off.loss}`);
  assert.ok(r.on.loss < 0.06, `cosine ${r.on.loss}`);
  assert.equal(outcome(r.off.loss, r.on.loss), 'worse');
  for (let seed = 1; seed <= 5; seed++) {
    const s = pair('schedule', { seed });
    assert.ok(s.on.loss < s.off.loss, `seed ${seed}: cosine ${s.on.loss} vs constant ${s.off.loss}`);
  }
  // "keeps jumping about": over the last 500 updates the constant run's loss moves far more.
  const range = (side) => withNet({ ...defaults, trick: 'schedule' }, side, (net) => {
    net.fit(defaults.updates);
    const loss = ml.trace(net).column('loss').slice(1000);
    return Math.max(...loss) - Math.min(...loss);
  });
  const offRange = range('off'), onRange = range('on');
  assert.ok(offRange > 5 * onRange, `constant range ${offRange} vs cosine ${onRange}`);
});

test('clipping: large weights stall unclipped, train clipped to norm 1', () => {
  withNet({ ...defaults, trick: 'clipping' }, 'off', (net) => {
    assert.ok(net.loss() > 100, `first loss ${net.loss()}`);
    net.step();
    assert.ok(net.lastGradientNorm() >= 100 && net.lastGradientNorm() < 1000, `first gradient ${net.lastGradientNorm()}`);
    // Within the first 100 updates every weight's gradient becomes exactly zero, for good.
    net.fit(99);
    assert.deepEqual([...net.layerStatistics().gradientNorm], Array(7).fill(0));
    net.fit(defaults.updates - 100);
    assert.deepEqual([...net.layerStatistics().gradientNorm], Array(7).fill(0));
    assert.ok(stalled(net.loss()), `left ${net.loss()}`);
  });
  const r = pair('clipping');
  assert.ok(stalled(r.off.loss), `left ${r.off.loss}`);
  assert.ok(r.on.loss < 0.25, `right ${r.on.loss}`);
  assert.equal(outcome(r.off.loss, r.on.loss), 'stall');
});

// Clipping caps the gradient handed to the optimiser, not the step. The widget's clipped net moves
// with momentum 0.9 (v ← βv − ηg̃, θ ← θ + v), so a step adds up earlier clipped gradients: the
// lesson says almost every step is longer than η·g_max, the longest nearly six times, and never
// more than η·g_max/(1 − β). The gradient fed to the optimiser, g̃ = −(Δθ_t − βΔθ_{t−1})/η, is never
// longer than g_max; with plain gradient descent the step itself is at most η·g_max.
test('clipping bounds the gradient fed to the optimiser; with momentum a step can be longer than η·g_max', () => {
  const opts = { ...defaults, trick: 'clipping' };
  const { eta, clip } = PAIRS.clipping.on;
  const beta = 0.9;
  const run = (optimizer) => withNet(opts, 'on', (net) => {
    if (optimizer) { net.setOptimizer(optimizer); net.reset(opts.seed); }
    const steps = [];
    let fed = 0;
    let prev = null;
    for (let i = 0; i < opts.updates; i++) {
      const before = Float64Array.from(net.params());
      net.step();
      const after = net.params();
      const delta = before.map((b, j) => after[j] - b);
      steps.push(Math.hypot(...delta) / (eta * clip));
      if (net.optimizer() === 'momentum') {
        const g = delta.map((d, j) => -(d - beta * (prev ? prev[j] : 0)) / eta);
        fed = Math.max(fed, Math.hypot(...g));
      }
      prev = delta;
    }
    return { steps, fed, optimizer: net.optimizer() };
  });
  const m = run(null);
  assert.equal(m.optimizer, 'momentum');
  const longer = m.steps.filter((r) => r > 1 + 1e-9).length;
  assert.ok(longer >= 0.95 * opts.updates, `${longer} of ${opts.updates} steps longer than η·g_max`);
  const longest = Math.max(...m.steps);
  assert.ok(longest > 5 && longest < 6, `longest step ${longest} × η·g_max (nearly six times)`);
  assert.ok(longest < 1 / (1 - beta), 'never more than η·g_max/(1 − β)');
  assert.ok(m.fed <= clip * (1 + 1e-9), `gradient fed to the optimiser ${m.fed} vs g_max ${clip}`);
  const plain = run('sgd');
  assert.equal(plain.optimizer, 'sgd');
  assert.ok(Math.max(...plain.steps) <= 1 + 1e-9, `plain gradient descent: longest step ${Math.max(...plain.steps)} × η·g_max`);
  // The lesson's sentence is the corrected one.
  const md = fs.readFileSync(new URL('./training-tricks.md', import.meta.url), 'utf8');
  assert.doesNotMatch(md, /clipped step is never longer than/);
  assert.match(md, /almost every step is longer than \$\\eta\\,g_\{\\text\{max\}\}\$, and the longest is nearly six times as long/);
});

// The lesson's definitions, judged on the losses as shown (three decimals): stalled at 0.643 or
// more (within 0.05 of log 2 ≈ 0.693, or above); clearly above the other when more than 0.05
// higher; diverged is its own outcome, never a stall.
test('the feedback rule at its boundaries, on the losses as shown', () => {
  const lesson = fs.readFileSync(new URL('./training-tricks.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  assert.match(lesson, /The box goes by the final losses as the widget shows them, to three decimals\. We say a net has \*\*stalled\*\* when its final loss is still within 0\.05 of \$\\log 2 \\approx 0\.693\$ or above it, so 0\.643 or more\. If it has not stalled, it ended \*\*clearly above\*\* the other net when its final loss is more than 0\.05 higher than the other's, and \*\*about as low, or lower\*\* otherwise\./);
  assert.match(lesson, /A net can also \*\*diverge\*\*: .* the widget shows "diverged" where its loss would be\. A diverged net has no final loss, so it has not stalled; divergence is an outcome of its own\./);
  assert.equal(STALL_MARGIN, 0.05);
  assert.equal(SAME_MARGIN, 0.05);
  close(LOG2 - STALL_MARGIN, 0.643, 0.0005, 'the stall line as shown');
  // Stalled: exactly 0.05 below log 2 as shown (0.643), and a loss that shows as 0.643 although it
  // is a hair below log 2 − 0.05 = 0.64315; not stalled just below (0.642).
  assert.equal(outcome(LOG2 - 0.05, 0.1), 'stall');
  assert.equal(outcome(0.643, 0.1), 'stall');
  assert.equal(outcome(0.6431, 0.1), 'stall');
  assert.equal(outcome(0.6424, 0.1), 'worse');
  assert.equal(outcome(0.642, 0.6), 'same');
  assert.equal(outcome(0.9, 0.1), 'stall');   // above log 2 is stalled too
  assert.equal(outcome(345, 0.1), 'stall');   // a huge but finite loss is still a loss
  // Diverged: no loss to judge, so never stalled, and its own outcome.
  assert.equal(diverged(NaN), true);
  assert.equal(stalled(NaN), false);
  assert.equal(diverged(0.693), false);
  assert.equal(outcome(NaN, 0.1), 'diverge');
  assert.equal(outcome(NaN, 0.693), 'diverge');
  assert.equal(outcome(NaN, NaN), 'diverge');
  // Clearly above: more than 0.05 above the other as shown; at exactly 0.05, about as low.
  assert.equal(outcome(0.3, 0.25), 'same');
  assert.equal(outcome(0.301, 0.25), 'worse');
  assert.equal(outcome(0.30, 0.2501), 'same');
  assert.equal(outcome(0.3004, 0.2496), 'same');   // shown 0.300 and 0.250: 0.05 apart
  assert.equal(outcome(0.31, 0.25), 'worse');
  assert.equal(outcome(0.1, 0.6), 'same');          // lower counts as "about as low, or lower"
  assert.equal(outcome(0.1, NaN), 'same');          // the right net diverged, the left trained
  assert.equal(outcome(0.7, NaN), 'stall');
  // The finer words: about as low (within 0.05 either way) or clearly below; both failing.
  assert.equal(ending(0.25, 0.3), 'same');
  assert.equal(ending(0.249, 0.3), 'better');
  assert.equal(ending(0.2496, 0.3004), 'same');
  assert.equal(ending(0.1, NaN), 'better');
  assert.equal(ending(0.301, 0.25), 'worse');
  assert.equal(ending(0.7, 0.642), 'stall');
  assert.equal(ending(0.7, 0.643), 'bothStalled');
  assert.equal(ending(0.7, NaN), 'stall');
  assert.equal(ending(NaN, 0.1), 'diverge');
  assert.equal(ending(NaN, NaN), 'bothDiverged');
});

// Real runs for each ending the widget's message branches on: the lesson's "Then change the depth
// or the data set" leads to all of them.
test('beyond the defaults: a clipping net that diverges, and the schedule pair\'s four endings', () => {
  const div = pair('clipping', { layers: 10 });
  assert.equal(div.off.diverged, true);
  assert.ok(Number.isNaN(div.off.loss));
  assert.equal(stalled(div.off.loss), false);
  assert.equal(div.on.diverged, false);
  assert.equal(outcome(div.off.loss, div.on.loss), 'diverge');
  assert.equal(ending(div.off.loss, div.on.loss), 'diverge');
  // It diverges within its first ten updates: the gradient's length grows from update to update
  // (past 10⁵⁰ in the last one recorded) until the numbers overflow — the widget's explanation.
  withNet({ ...defaults, trick: 'clipping', layers: 10 }, 'off', (net) => {
    net.fit(defaults.updates);
    assert.equal(net.status(), 'diverged');
    assert.ok(net.steps() <= 10, `diverged at update ${net.steps()}`);
    const grads = [...ml.trace(net).column('grad_norm')].slice(-3);
    assert.ok(grads[0] < grads[1] && grads[1] < grads[2], `gradients ${grads}`);
    assert.ok(grads[2] > 1e50, `last gradient ${grads[2]}`);
  });
  const cases = [
    [{}, 'worse'],                                   // the lesson's default: constant η ends clearly above
    [{ dataset: 'moons' }, 'same'],                  // both end at 0.000
    [{ layers: 1 }, 'bothStalled'],                  // one hidden layer: 0.647 and 0.645
    [{ layers: 2 }, 'better'],                       // constant η ends clearly lower: 0.141 and 0.437
    [{ layers: 10 }, 'stall'],                       // only the left net stalls: 0.694 and 0.341
  ];
  for (const [extra, want] of cases) {
    const r = pair('schedule', extra);
    assert.equal(ending(r.off.loss, r.on.loss), want, `schedule ${JSON.stringify(extra)}: ${r.off.loss} and ${r.on.loss}`);
  }
  const moons = pair('schedule', { dataset: 'moons' });
  assert.equal(moons.off.loss.toFixed(3), '0.000');
  assert.equal(moons.on.loss.toFixed(3), '0.000');
});

test('worked example: batch normalisation of 3, 5, 5, 11 with scale 2 and shift 1', () => {
  const r = computations['batch-norm'](ml, { z: [3, 5, 5, 11], scale: 2, shift: 1 });
  assert.equal(r.mean, 6);
  assert.equal(r.variance, 9);
  close(r.y1, -1, 1e-5, 'y1');
  close(r.y2, 1 / 3, 1e-5, 'y2');
  close(r.y3, 1 / 3, 1e-5, 'y3');
  close(r.y4, 13 / 3, 1e-5, 'y4');
  // A batch of one point: every standardised value is 0 (the check-yourself bug).
  const one = computations['batch-norm'](ml, { z: [4.2] });
  assert.equal(one.y1, 0);
});

test('worked example and check: the cosine schedule', () => {
  const half = computations['lr-schedule'](ml, { eta: 0.5, step: 50, length: 100 });
  close(half.cosine, 0.25, 1e-12, 'τ = 50');
  const quarter = computations['lr-schedule'](ml, { eta: 0.5, step: 25, length: 100 });
  close(quarter.cosine, 0.25 * (1 + Math.SQRT1_2), 1e-12, 'τ = 25');
  close(quarter.cosine, 0.427, 0.0005, 'τ = 25 ≈ 0.427');
  const check = computations['lr-schedule'](ml, { eta: 0.4, step: 75, length: 100 });
  close(check.cosine, 0.2 * (1 - Math.SQRT1_2), 1e-12, 'check: τ = 75');
  close(check.cosine, 0.0586, 0.0001, 'check ≈ 0.0586');
  assert.ok(check.cosine < 0.4 / 6 && check.cosine > 0.4 / 8, 'about a seventh of 0.4');
  // Step decay: ½ every 100 updates.
  assert.equal(computations['lr-schedule'](ml, { eta: 0.4, step: 250 }).step, 0.1);
});

test('worked example: clipping (3, 0, 4) to length 1', () => {
  const r = computations.clip(ml, { g: [3, 0, 4], limit: 1 });
  assert.equal(r.norm, 5);
  close(r.g1, 0.6, 1e-15, 'g1');
  assert.equal(r.g2, 0);
  close(r.g3, 0.8, 1e-15, 'g3');
  close(r.after, 1, 1e-15, 'length after');
  const kept = computations.clip(ml, { g: [3, 0, 4], limit: 10 });
  assert.deepEqual([kept.g1, kept.g2, kept.g3], [3, 0, 4]);
});

test('check yourself: He for 32 inputs, and the other choices\' factors', () => {
  const r = computations['init-scale'](ml, { fanin: 32 });
  assert.equal(r.he, 0.0625);
  assert.equal(r.heS, 0.25);
  close(Math.sqrt(32 * r.he * 0.5), 1, 1e-12, 'He factor');
  close(Math.sqrt(32 * 1e-4 * 0.5), 0.04, 1e-12, '0.01 factor');
  close(1 / 0.04, 25, 1e-9, '25-fold');
  close(Math.sqrt(32 * 1 * 0.5), 4, 1e-12, 's = 1 factor');
  assert.ok(4 ** 6 > 4000);
});

test('weight decay: the shrink per update, its L2 twin for plain gradient descent, and early stopping\'s margin', () => {
  const lesson = fs.readFileSync(new URL('./training-tricks.md', import.meta.url), 'utf8');
  const eta = 1e-3; const lambda = 1e-4;
  // w ← w − η(g + λw) with g = 0 multiplies w by 1 − ηλ.
  assert.ok(Math.abs((1 - eta * lambda) - (1 - 1e-7)) < 1e-18);
  assert.equal(((1 - eta * lambda) ** 10000).toFixed(3), '0.999');
  // The gradient of (λ/2)Σw² is λw: the same step as the decay, checked by a finite difference.
  const w = 0.7; const h = 1e-6;
  const penalty = (v) => (lambda / 2) * v * v;
  assert.ok(Math.abs((penalty(w + h) - penalty(w - h)) / (2 * h) - lambda * w) < 1e-12);
  assert.match(lesson, /## Three more tricks you have already met/);
  assert.match(lesson, /w \\leftarrow w - \\eta\\,\(g \+ \\lambda w\)/);
  assert.match(lesson, /\$\\lambda = 10\^\{-4\}\$ with \$\\eta = 10\^\{-3\}\$: each update multiplies a weight by \$1 - 10\^\{-7\}\$, so a weight that no gradient supports keeps \$\(1 - 10\^\{-7\}\)\^\{10\\,000\} \\approx 0\.999\$ of its size after 10\u202f000 updates/);
  assert.match(lesson, /by more than a small margin, such as \$10\^\{-4\}\$/);
});

// The ½ in (λ/2)Σw²: weight decay's λ is twice the regularisation lesson's. The engine's
// PolynomialRegression with penalty l2 is that lesson's MSE + λ'Σw²; at λ' = λ/2 its penalty adds
// exactly λw to each weight's gradient (the decay's pull), and at λ' = λ it adds 2λw.
test('weight decay λ is the regularisation lesson\'s L2 penalty at strength λ/2, and the lesson says so', () => {
  const lesson = fs.readFileSync(new URL('./training-tricks.md', import.meta.url), 'utf8');
  const lambda = 0.3;
  const c = [0.2, -0.7, 1.1];
  const grad = (penalty, strength) => {
    const m = new ml.PolynomialRegression();
    try {
      m.setDegree(2); m.setPenalty(penalty); m.setLambda(strength);
      m.setData([0, 0.5, 1, 1.5, 2], 1, [1, 0.4, 0.9, 2.1, 1.7]); m.setParams(c);
      return Array.from(m.gradient());
    } finally { m.delete(); }
  };
  const plain = grad('none', 0);
  const half = grad('l2', lambda / 2);
  const whole = grad('l2', lambda);
  close(half[0], plain[0], 1e-12, 'the intercept is not penalised');
  for (const j of [1, 2]) {
    close(half[j] - plain[j], lambda * c[j], 1e-12, `λ/2: the pull on w${j} is λw`);
    close(whole[j] - plain[j], 2 * lambda * c[j], 1e-12, `λ: the pull on w${j} is 2λw`);
  }
  assert.match(lesson, /the same as adding the penalty \$\\tfrac\{\\lambda\}\{2\} \\sum w\^2\$ to the loss: the L2 penalty of the \[regularisation lesson\]\(regularisation\.html\) with strength \$\\lambda\/2\$\. The ½ is there so that the penalty's gradient is exactly \$\\lambda w\$, the pull in the update\. So a weight decay of 0\.01 is that lesson's \$\\lambda = 0\.005\$: a value cannot be copied from one to the other unchanged\./);
  assert.equal(0.01 / 2, 0.005);
});

// Per channel in a convolutional network: one mean and variance over the batch's images and a
// map's positions together (the digit lesson's case, through the same ml.batchNorm).
test('batch normalisation after a convolution: one channel\'s statistics pool every image and every position; the link lands on the digit network', () => {
  const lesson = fs.readFileSync(new URL('./training-tricks.md', import.meta.url), 'utf8');
  assert.ok(lesson.includes('Convolutional networks, which the next two lessons build, normalise per channel instead'));
  assert.ok(lesson.includes('(digits-cnn.html#the-network)'));
  const digits = fs.readFileSync(new URL('./digits-cnn.md', import.meta.url), 'utf8');
  const network = digits.slice(digits.indexOf('## The network'), digits.indexOf('## One value by hand'));
  assert.ok(network.includes('**Batch normalisation after a convolution.**'));
  // Two images' 2 × 2 maps of one channel, pooled: mean 5, variance 4.
  const pooled = ml.batchNorm([1, 3, 7, 7, 7, 5, 5, 5], 1, 0);
  assert.deepEqual([pooled.mean, pooled.variance], [5, 4]);
  // Per position instead (the two images' values at the top-left cell only), the statistics differ.
  const perPosition = ml.batchNorm([1, 7], 1, 0);
  assert.deepEqual([perPosition.mean, perPosition.variance], [4, 9]);
});

// Batch normalisation and a larger learning rate, on the widget's net (web/widgets/training-tricks/
// model.js: spirals of 200 points, six ReLU layers of 16, momentum 0.9, batches of 20, 1 500
// updates) with He weights on both sides and η constant, seeds 1 to 5. "Stalls" is the widget's
// rule (stalled(), a loss as shown of 0.643 or more).
test('batch normalisation tolerates η = 0.1 (plain net stalls within 0.01 of log 2, BN net 0.31–0.34 and ≥ 87%); at η = 0.02 the plain net ends lower; at η = 0.5 both stall', async () => {
  const { POINTS, NOISE, BATCH } = await import('../web/widgets/training-tricks/model.js');
  const run = (batchNorm, eta, seed) => {
    const net = new ml.DeepNet();
    try {
      net.setDataset(defaults.dataset, POINTS, NOISE);
      net.setShape(defaults.layers, defaults.width);
      net.setActivation('relu');
      net.setInit('he');
      net.setBatchNorm(batchNorm);
      net.setOptimizer('momentum');
      net.setBatchSize(BATCH);
      net.setSchedule({ kind: 'constant', learningRate: eta, period: defaults.updates, minimum: 0, warmup: 0 });
      net.setClipNorm(0);
      net.reset(seed);
      return runToEnd(net, defaults.updates);
    } finally { net.delete(); }
  };
  const seeds = [1, 2, 3, 4, 5];
  const shown = (v) => Number(v.toFixed(3));
  const atWidgetRate = { plain: [], bn: [] };
  for (const seed of seeds) {
    const plainFast = run(false, 0.1, seed), bnFast = run(true, 0.1, seed);
    assert.ok(!plainFast.diverged && stalled(plainFast.loss) && Math.abs(shown(plainFast.loss) - 0.693) <= 0.01, `seed ${seed}: plain net at η = 0.1 ends at ${plainFast.loss}`);
    assert.ok(shown(bnFast.loss) >= 0.31 && shown(bnFast.loss) <= 0.34, `seed ${seed}: BN net at η = 0.1 ends at ${bnFast.loss}`);
    assert.ok(bnFast.accuracy >= 0.87, `seed ${seed}: BN accuracy ${bnFast.accuracy}`);
    const plain = run(false, 0.02, seed), bn = run(true, 0.02, seed);
    assert.ok(plain.loss < bn.loss, `seed ${seed}: at η = 0.02 plain ${plain.loss} vs BN ${bn.loss}`);
    atWidgetRate.plain.push(shown(plain.loss)); atWidgetRate.bn.push(shown(bn.loss));
    assert.ok(shown(plain.loss) >= 0.077 && shown(plain.loss) <= 0.154, `seed ${seed}: plain at 0.02 ${plain.loss}`);
    assert.ok(shown(bn.loss) >= 0.24 && shown(bn.loss) <= 0.288, `seed ${seed}: BN at 0.02 ${bn.loss}`);
    for (const batchNorm of [false, true]) {
      const slow = run(batchNorm, 0.5, seed);
      assert.ok(!slow.diverged && stalled(slow.loss), `seed ${seed}, BN ${batchNorm}: η = 0.5 ends at ${slow.loss}`);
    }
  }
  assert.deepEqual([Math.min(...atWidgetRate.plain), Math.max(...atWidgetRate.plain)], [0.077, 0.154]);
  assert.deepEqual([Math.min(...atWidgetRate.bn), Math.max(...atWidgetRate.bn)], [0.24, 0.288]);
  assert.equal(PAIRS.batchnorm.on.eta, 0.02, 'the widget\'s rate, which 0.1 is five times');
  const lesson = fs.readFileSync(new URL('./training-tricks.md', import.meta.url), 'utf8');
  assert.match(lesson, /At \$\\eta = 0\.1\$, five times the widget's rate, the net without batch normalisation stalls, its loss within 0\.01 of \$\\log 2\$ on every seed, while with it the net trains to a loss between 0\.31 and 0\.34 and gets at least 87% of the points right\. At the widget's own \$\\eta = 0\.02\$ the plain net ends lower on every seed \(0\.077 to 0\.154 against 0\.240 to 0\.288\), and at \$\\eta = 0\.5\$ both stall\./);
  // The scale invariance the lesson gives as one reason: scaling a unit's incoming weights by a > 0
  // leaves ẑ unchanged (worked batch 3, 5, 5, 11 with weights scaled by 7, bias kept).
  const standardise = (z) => { const mu = z.reduce((a, b) => a + b, 0) / z.length; const v = z.reduce((a, b) => a + (b - mu) ** 2, 0) / z.length; return z.map((x) => (x - mu) / Math.sqrt(v + 1e-5)); };
  const inputs = [3, 5, 5, 11], bias = 0.5;
  const a = standardise(inputs.map((u) => u + bias)), b = standardise(inputs.map((u) => 7 * u + bias));
  a.forEach((v, i) => close(v, b[i], 1e-5, `ẑ ${i}`));
});
