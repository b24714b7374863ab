// Claims of gan.md checked against the engine through the widget's own set-up
// (web/widgets/gan-lab/model.js: createGan with the widget's defaults — ring of eight, Adam,
// η = 0.01 for both nets, k = 1, one generator update per round, seed 1 — and the collapse and
// recover presets). Fixed round counts: the widget runs roundsPerFrame rounds per frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations/neural-networks.js';
import { formatNumber } from '../web/lib/format.js';
import { schema, createGan, COLLAPSE, RECOVER, coverageText, describe } from '../web/widgets/gan-lab/model.js';

const close = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

function withGan(options, fn) {
  const gan = createGan(ml, options);
  try { return fn(gan); } finally { gan.delete(); }
}
function meanOf(values) { return values.reduce((s, v) => s + v, 0) / values.length; }
function spread(points) {
  const xs = points.filter((_, i) => i % 2 === 0);
  const ys = points.filter((_, i) => i % 2 === 1);
  const mx = meanOf(xs), my = meanOf(ys);
  return { mx, my, s: Math.sqrt(meanOf(xs.map((x) => (x - mx) ** 2)) + meanOf(ys.map((y) => (y - my) ** 2))) };
}

test('worked example: D = 0.8 on the real point, 0.3 on the fake', () => {
  const r = computations['gan-losses'](ml, { real: 0.8, fake: 0.3 });
  close(r.dReal, 0.8, 1e-12, 'D(real)');
  close(r.dFake, 0.3, 1e-12, 'D(fake)');
  close(-Math.log(0.8), 0.2231, 5e-5, '−log 0.8');
  close(-Math.log(0.7), 0.3567, 5e-5, '−log 0.7');
  close(r.discriminator, 0.5798, 5e-5, 'L_D');
  close(r.generator, 1.2040, 5e-5, 'L_G');
  close(computations['gan-losses'](ml, { real: 0.8, fake: 0.5 }).generator, 0.6931, 5e-5, 'L_G at 0.5');
});

test('the best discriminator: 0.6 / (0.6 + 0.2) = 0.75; at the balance L_D = log 4 ≈ 1.386 and L_G = log 2 ≈ 0.693', () => {
  close(0.6 / (0.6 + 0.2), 0.75, 1e-12, 'D*');
  const r = computations['gan-losses'](ml, { real: 0.5, fake: 0.5 });
  close(r.discriminator, Math.log(4), 1e-12, 'L_D at ½');
  close(r.discriminator, 1.386, 5e-4, 'log 4');
  close(r.generator, 0.693, 5e-4, 'log 2');
});

test('check-yourself: D = 0.9 on the real point and 0.4 on the fake give L_D = 0.1054 + 0.5108', () => {
  const r = computations['gan-losses'](ml, { real: 0.9, fake: 0.4 });
  close(r.discriminator, 0.1054 + 0.5108, 1e-4, 'L_D');
  assert.throws(() => computations['gan-losses'](ml, { real: 1, fake: 0.4 }), /strictly between 0 and 1/);
});

test('the widget starts from the lesson\'s settings', () => {
  assert.equal(schema.target.default, 'ring');
  assert.equal(schema.seed.default, 1);
  assert.equal(schema.discriminatorSteps.default, 1);
  assert.equal(schema.generatorSteps.default, 1);
  // "Make it collapse" starts the widget's own run again: the lesson's reveal is for Adam and both
  // rates at their defaults, so the preset sets those back too.
  assert.deepEqual(COLLAPSE, { generatorSteps: 5, discriminatorSteps: 1, optimizer: 'adam', generatorRate: 0.01, discriminatorRate: 0.01 });
  for (const k of ['optimizer', 'generatorRate', 'discriminatorRate']) assert.equal(COLLAPSE[k], schema[k].default, k);
  assert.deepEqual(RECOVER, { generatorSteps: 1, discriminatorSteps: 5, generatorRate: 0.003 });
  withGan({}, (gan) => {
    assert.equal(gan.noiseDimension(), 2, 'two noise numbers');
    const u = gan.evaluationNoise();
    assert.ok(u.every((v) => v >= -1 && v <= 1), 'noise between −1 and 1');
    assert.equal(gan.modeCount(), 8);
    assert.equal(gan.coverageRadius(), 0.25);
  });
});

test('default run: a small blob in the middle that spreads out; by round 800 all eight modes, losses near log 4 and log 2, D near ½ on the data, and the fakes still drift', () => {
  withGan({}, (gan) => {
    const start = spread(gan.generatedPoints());
    const ring = spread(gan.realPoints());
    assert.ok(Math.hypot(start.mx, start.my) < 0.1, 'starts in the middle');
    assert.ok(start.s < ring.s / 2, `a small blob: ${start.s} vs ring ${ring.s}`);
    assert.equal(gan.coverage().covered, 0);
    gan.fit(800);
    const cov = gan.coverage();
    assert.equal(cov.covered, 8, coverageText(cov));
    assert.equal(coverageText(cov), '8 of 8 modes');
    assert.ok(spread(gan.generatedPoints()).s > 3 * start.s, 'spilled outwards');
    close(gan.discriminatorLoss(), Math.log(4), 0.05, 'L_D');
    close(gan.generatorLoss(), Math.log(2), 0.05, 'L_G');
    const d = gan.discriminate(gan.realPoints());
    close(meanOf(d), 0.5, 0.03, 'D on the ring');
    const before = gan.generatedPoints();
    const lossBefore = gan.discriminatorLoss();
    gan.fit(100);
    const after = gan.generatedPoints();
    let moved = 0;
    for (let i = 0; i < before.length; i += 2) moved += Math.hypot(after[i] - before[i], after[i + 1] - before[i + 1]);
    assert.ok(moved / (before.length / 2) > 0.02, 'the fakes keep drifting');
    assert.notEqual(gan.discriminatorLoss(), lossBefore, 'the loss does not settle');
    const text = describe({ round: gan.steps(), lossD: gan.discriminatorLoss(), lossG: gan.generatorLoss(), cov: gan.coverage(), dReal: meanOf(gan.discriminate(gan.realPoints())) });
    assert.match(text, /^Round 900\. Discriminator loss \d\.\d{3}, generator loss \d\.\d{3}\. The fakes cover \d of 8 modes of the target; \d+% of them lie on the data\./);
  });
});

test('the losses start at the balance lines (1.388 and 0.692 at round 0) while the modes covered go 6, 4, 2, 2, 6, 8 by the hundred', () => {
  withGan({}, (gan) => {
    // The readouts as the widget writes them (gan-lab.js refresh: formatNumber(…, 3)).
    assert.equal(formatNumber(gan.discriminatorLoss(), 3), '1.388');
    assert.equal(formatNumber(gan.generatorLoss(), 3), '0.692');
    const covered = [];
    for (let hundred = 1; hundred <= 6; hundred++) {
      for (let i = 0; i < 100; i++) gan.step(); // the widget's Step and Play call step() round by round
      covered.push(gan.coverage().covered);
    }
    assert.deepEqual(covered, [6, 4, 2, 2, 6, 8]);
  });
  const lesson = fs.readFileSync(new URL('./gan.md', import.meta.url), 'utf8');
  assert.match(lesson, /they start at those lines too \(1\.388 and 0\.692 at round 0/);
  assert.match(lesson, /rise to 6 by round 100, fall back to 2 at round 300 and reach 8 by round 600/);
});

test('the arrows point uphill on the discriminator\'s map (towards "real")', () => {
  withGan({}, (gan) => {
    gan.fit(50);
    const fakes = gan.generatedPoints().slice(0, 40);
    const flow = gan.generatorFlow(fakes);
    for (let i = 0; i < fakes.length; i += 2) {
      const len = Math.hypot(flow[i], flow[i + 1]);
      if (len < 1e-9) continue;
      const h = 1e-4 / len;
      const [dHere, dAhead] = gan.discriminate([fakes[i], fakes[i + 1], fakes[i] + h * flow[i], fakes[i + 1] + h * flow[i + 1]]);
      assert.ok(dAhead > dHere, `fake ${i / 2}: ${dHere} → ${dAhead}`);
    }
  });
});

test('coverage rule at its boundary: a mode counts with 1/32 of the fakes within 0.25 of its real points, not below', () => {
  withGan({}, (gan) => {
    const real = gan.realPoints();
    const comps = gan.realComponents();
    const i0 = comps.indexOf(0);
    const far = [0, 0];
    const fakes = (onMode, total) => {
      const out = [];
      for (let k = 0; k < onMode; k++) out.push(real[2 * i0] + 0.24, real[2 * i0 + 1]);
      while (out.length < 2 * total) out.push(...far);
      return out;
    };
    assert.equal(gan.coverageOf(fakes(1, 32)).covered, 1, '1 of 32 counts');
    assert.equal(gan.coverageOf(fakes(1, 33)).covered, 0, '1 of 33 does not');
    const outside = [real[2 * i0] + 2, real[2 * i0 + 1] + 2];
    assert.equal(gan.coverageOf(outside).onData, 0);
  });
});

test('mode collapse: with five generator updates per round, after 400 rounds at most one mode, one clump that jumps, all arrows alike (seeds 1–8); then "Help it recover" at round 400', () => {
  const direction = (gan) => {
    const flow = gan.generatorFlow(gan.generatedPoints());
    let sx = 0, sy = 0, n = 0;
    for (let i = 0; i < flow.length; i += 2) {
      const l = Math.hypot(flow[i], flow[i + 1]);
      if (l > 0) { sx += flow[i] / l; sy += flow[i + 1] / l; n += 1; }
    }
    return Math.hypot(sx, sy) / n; // 1 when every arrow points the same way
  };
  for (let seed = 1; seed <= 8; seed++) {
    withGan({ ...COLLAPSE, seed }, (gan) => {
      const centres = [];
      for (const rounds of [200, 100, 100]) {
        gan.fit(rounds);
        const s = spread(gan.generatedPoints());
        centres.push([s.mx, s.my]);
      }
      const collapsed = gan.coverage();
      assert.ok(collapsed.covered <= 1, `seed ${seed}: ${coverageText(collapsed)} after 400 rounds`);
      const jump = Math.max(...centres.flatMap((a) => centres.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1]))));
      assert.ok(jump > 1, `seed ${seed}: the clump jumps (${jump})`);
      if (seed === 1) {
        const s = spread(gan.generatedPoints()).s;
        assert.ok(s < spread(gan.realPoints()).s / 3, `far narrower than the ring: spread ${s}`);
      }
      const aligned = direction(gan);
      assert.ok(aligned > 0.95, `seed ${seed}: arrows alike while collapsed (${aligned})`);
      recoveries.push(recover(gan, seed));
    });
  }
});

// "Help it recover" pressed wherever the learner paused Play after round 400. Play moves
// roundsPerFrame = 4 rounds a frame (and 100 a press under reduced motion), so a pause lands on a
// multiple of 4; the readout is read after every frame, i.e. every 4 rounds. The recovery depends
// sharply on the round of the press (a press at 404 instead of 400 can sink seed 1 to one mode for
// a moment), so the lesson's sentence is about every press round from 400 to 520 and seeds 1–8:
// 248 runs, checked in full with DW_GAN_RECOVERY_SWEEP=1 (about 8 minutes). By default the test
// runs the press at 400 for every seed (above) and the extreme runs of that sweep: the latest to
// reach four modes (seed 1 at 476) and six (seed 2 at 472), the one that never reaches six
// (seed 6 at 468), the longest to sit at four (seed 3 at 432) and the deepest dip (seed 8 at 496).
const PRESS_ROUNDS = { first: 400, last: 520, every: schema.roundsPerFrame.default };
const RECOVERY_ROUNDS = 600;
const recoveries = [];
function recover(gan, seed) {
  const pressed = gan.steps();
  gan.setGeneratorSteps(RECOVER.generatorSteps);
  gan.setDiscriminatorSteps(RECOVER.discriminatorSteps);
  gan.setLearningRates(RECOVER.generatorRate, schema.discriminatorRate.default);
  const covered = [gan.coverage().covered]; // covered[i]: modes covered 4·i rounds after the press
  for (let r = 0; r < RECOVERY_ROUNDS; r += PRESS_ROUNDS.every) {
    gan.fit(PRESS_ROUNDS.every);
    covered.push(gan.coverage().covered);
  }
  return { label: `seed ${seed}, pressed at round ${pressed}`, covered };
}
function recoverFrom(seed, pressed) {
  return withGan({ ...COLLAPSE, seed }, (gan) => { gan.fit(pressed); return recover(gan, seed); });
}
// Rounds after the press until the count first reaches `modes` (Infinity if it never does).
function firstReach(run, modes) {
  const i = run.covered.findIndex((n) => n >= modes);
  return i < 0 ? Infinity : i * PRESS_ROUNDS.every;
}
// The longest stretch, in rounds, of readouts from `from` rounds after the press on that pass `is`.
function longestStretch(run, from, is) {
  let stretch = 0, longest = 0;
  for (const n of run.covered.slice(from / PRESS_ROUNDS.every)) { stretch = is(n) ? stretch + 1 : 0; longest = Math.max(longest, stretch); }
  return longest * PRESS_ROUNDS.every;
}
const lowestFrom = (run, from) => Math.min(...run.covered.slice(from / PRESS_ROUNDS.every));

test('"Help it recover" pressed anywhere from round 400 to 520 (seeds 1–8): four modes within 200 rounds, six on nearly every run; then it stays, wobbles or settles on four, and never stays below three for 40 rounds', () => {
  const sweep = process.env.DW_GAN_RECOVERY_SWEEP === '1';
  const runs = [...recoveries];
  assert.equal(runs.length, 8, 'the press at round 400, every seed');
  if (sweep) {
    for (let seed = 1; seed <= 8; seed++) {
      for (let pressed = PRESS_ROUNDS.first + PRESS_ROUNDS.every; pressed <= PRESS_ROUNDS.last; pressed += PRESS_ROUNDS.every) runs.push(recoverFrom(seed, pressed));
    }
    assert.equal(runs.length, 248);
  } else {
    for (const [seed, pressed] of [[1, 476], [2, 472], [6, 468], [3, 432], [8, 496]]) runs.push(recoverFrom(seed, pressed));
  }
  for (const run of runs) {
    assert.equal(run.covered.length, RECOVERY_ROUNDS / PRESS_ROUNDS.every + 1);
    // "Within 200 more rounds they cover at least four of the eight modes": at most 200, for every run.
    assert.ok(firstReach(run, 4) <= 200, `${run.label}: four modes first after ${firstReach(run, 4)} rounds`);
    // "from 200 rounds after the press, the count never stays below three for as long as 40 rounds"
    const low = longestStretch(run, 200, (n) => n < 3);
    assert.ok(low < 40, `${run.label}: below three for ${low} rounds`);
  }
  // "and on nearly every run six or more" (within those 200 rounds): all but at most one run in 20.
  const six = runs.filter((run) => firstReach(run, 6) <= 200).length;
  assert.ok(six >= runs.length * 0.95 - 1, `six or more within 200 rounds on ${six} of ${runs.length} runs`);
  assert.ok(six < runs.length, 'but not on every run (seed 6, pressed at round 468)');
  // "on many runs it stays at six or more" (from 200 rounds after the press to the end)
  const stays = runs.filter((run) => lowestFrom(run, 200) >= 6).length;
  assert.ok(stays >= 4 && stays >= runs.length / 3, `stays at six or more on ${stays} of ${runs.length} runs`);
  // "on others it now and then sinks below six, on some runs for a moment to one or two"
  assert.ok(runs.some((run) => lowestFrom(run, 200) < 6 && longestStretch(run, 200, (n) => n >= 6) > 0), 'sinks below six and comes back');
  assert.ok(runs.some((run) => lowestFrom(run, 200) <= 2), 'a moment at one or two modes');
  // "on a few the fakes settle on four modes for hundreds of rounds"
  const settled = runs.filter((run) => longestStretch(run, 0, (n) => n === 4) >= 200);
  assert.ok(settled.length >= 2 && (!sweep || settled.length <= runs.length / 10), `settle on four: ${settled.map((run) => run.label).join('; ')}`);

  const lesson = fs.readFileSync(new URL('./gan.md', import.meta.url), 'utf8');
  assert.match(lesson, /Within 200 more rounds they cover at least four of the eight modes, and on nearly every run six or more\./);
  assert.match(lesson, /on many runs it stays at six or more, on others it now and then sinks below six, on some runs for a moment to one or two, and on a few the fakes settle on four modes for hundreds of rounds\./);
  assert.match(lesson, /from 200 rounds after the press, the count never stays below three for as long as 40 rounds\./);
  assert.match(lesson, /All of this holds for seeds 1 to 8, wherever between rounds 400 and 520 you pause Play before pressing the button\./);
  assert.doesNotMatch(lesson, /stay at six or more for the 400 rounds/);
});

test('VAEs and diffusion: the KL of N(μ, s²) from N(0, 1) is ½(μ² + s² − 1 − ln s²), 0.5 nats at μ = 1, s = 1 and 0 at μ = 0, s = 1; a noised 2 reads 0.8·2 + 0.6·0.5 = 1.9 and is recovered as 2', () => {
  const klFormula = (mu, s) => 0.5 * (mu * mu + s * s - 1 - Math.log(s * s));
  // The engine's Gaussian KL (nats) agrees with the VAE's form of it.
  close(ml.gaussianKl(1, 1, 0, 1), 0.5, 1e-12, 'KL at μ = 1, s = 1');
  close(ml.gaussianKl(0, 1, 0, 1), 0, 1e-12, 'KL at μ = 0, s = 1');
  close(ml.gaussianKl(0.5, 0.3, 0, 1), klFormula(0.5, 0.3), 1e-12, 'KL at μ = 0.5, s = 0.3');
  close(0.8 ** 2 + 0.6 ** 2, 1, 1e-12, 'the squares of the two shares');
  close(0.8 * 2 + 0.6 * 0.5, 1.9, 1e-12, 'the noised value');
  close((1.9 - 0.6 * 0.5) / 0.8, 2, 1e-12, 'the recovered value');
});

test('check-yourself on VAEs and diffusion: the KL term at μ = 0, s = 2 is about 0.81 nats (1.5 and 2.7 are the wrong forms); 1.3 with the draw 1 recovers (1.3 − 0.8)/0.6 ≈ 0.83', () => {
  const text = fs.readFileSync(new URL('./gan.md', import.meta.url), 'utf8');
  const kl = ml.gaussianKl(0, 2, 0, 1);
  assert.equal(formatNumber(kl, 2), '0.81');
  assert.match(text, /\+ About 0\.81 nats ::/);
  assert.equal(formatNumber(0.5 * (2 * 2 - 1), 1), '1.5', 'the distractor without −ln s²');
  assert.equal(formatNumber(0.5 * (2 * 2 + Math.log(4)), 1), '2.7', 'the distractor with the signs the other way');
  assert.match(text, /- 1\.5 nats, half of \$s\^2 - 1\$ ::/);
  assert.match(text, /- About 2\.7 nats, /);
  close(0.6 ** 2 + 0.8 ** 2, 1, 1e-12, 'the shares of the question');
  const recovered = (1.3 - 0.8 * 1) / 0.6;
  assert.equal(formatNumber(recovered, 2), '0.83');
  assert.match(text, /\+ About 0\.83 ::/);
  assert.equal(formatNumber(1.3 - 0.8, 1), '0.5');
  assert.equal(formatNumber(1.3 / 0.6, 2), '2.17');
});
