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
  assert.deepEqual(COLLAPSE, { generatorSteps: 5, discriminatorSteps: 1 });
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

test('mode collapse: with five generator updates per round, after 400 rounds at most one mode, one clump that jumps, all arrows alike (seeds 1–8); "Help it recover" brings at least six modes within 200 rounds and keeps six or more for 400 more', () => {
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
      gan.setGeneratorSteps(RECOVER.generatorSteps);
      gan.setDiscriminatorSteps(RECOVER.discriminatorSteps);
      gan.setLearningRates(RECOVER.generatorRate, schema.discriminatorRate.default);
      gan.fit(200);
      for (let check = 0; check <= 4; check++) {
        if (check) gan.fit(100);
        const back = gan.coverage();
        assert.ok(back.covered >= 6, `seed ${seed}: ${coverageText(back)} at round ${gan.steps()}`);
      }
    });
  }
});
