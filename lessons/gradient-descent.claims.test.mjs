// Claims of lessons/gradient-descent.md, checked against the engine's OptimizerSurface with the
// loss-surface widget's settings (default start from info(), 300 steps, η from the lesson) and
// the widget's own words for a path (describePath in web/widgets/loss-surface/surfaces.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations/optimisation.js';
import { createSurface, curvatureAt, describePath, minimaOf } from '../web/widgets/loss-surface/surfaces.js';

const lesson = fs.readFileSync(new URL('./gradient-descent.md', import.meta.url), 'utf8');
const MAX_STEPS = 300; // the widget's maxSteps default
const directiveEta = Number(lesson.match(/^::: widget loss-surface .*eta=(\S+)/m)[1]);

// Runs one optimiser on a surface as the widget does and returns its path and the widget's words.
function run(name, kind, eta, start = null) {
  const surface = createSurface(ml);
  try {
    surface.setFunction(name);
    const info = surface.info();
    const [x, y] = start || [info.startX, info.startY];
    const racer = surface.startRacer(kind, x, y, eta);
    const states = [];
    for (let i = 0; i < MAX_STEPS && racer.status === 'running'; i++) {
      racer.step();
      states.push(words(racer).state);
    }
    function words(r) {
      return describePath(r, { minValue: info.minValue, maxSteps: MAX_STEPS, eta, gradient: surface.gradient, span: Math.max(info.x1 - info.x0, info.y1 - info.y0) });
    }
    const final = words(racer);
    const out = { info, losses: racer.losses.slice(), points: racer.points.slice(), status: racer.status, states, final };
    racer.delete();
    return out;
  } finally { surface.delete(); }
}
const last = (r) => ({ x: r.points[r.points.length - 2], y: r.points[r.points.length - 1], loss: r.losses[r.losses.length - 1] });

test('the widget starts at η = 0.05, the rate the lesson calls about right', () => {
  assert.equal(directiveEta, 0.05);
});

test('the line-fit loss is a bowl with a single lowest point', () => {
  const surface = createSurface(ml);
  try {
    surface.setFunction('bowl');
    const info = surface.info();
    for (const [x, y] of [[info.minX, info.minY], [-1.5, 4.5], [5, -2]]) {
      assert.ok(curvatureAt((a, b) => surface.gradient(a, b), x, y).lowest > 0, 'curves up in every direction everywhere');
    }
    assert.equal(minimaOf(surface, info).length, 1);
  } finally { surface.delete(); }
});

test('the learning-rate table: crawl at 0.001, glide at 0.05, zig-zag at 0.4, diverge from 0.5', () => {
  const crawl = run('bowl', 'sgd', 0.001);
  assert.equal(crawl.final.state, 'crawling');
  const left = (last(crawl).loss - crawl.info.minValue) / (crawl.losses[0] - crawl.info.minValue);
  assert.ok(left > 1 / 3, `more than a third of the way down still ahead (${left})`);
  assert.match(lesson, /too small \(0\.001\) \| crawls[^|]*after 300 steps more than a third/);

  const glide = run('bowl', 'sgd', 0.05);
  assert.equal(glide.final.state, 'bottom');
  assert.ok(glide.final.arrived < 60, `arrives in under 60 steps (${glide.final.arrived})`);
  assert.ok(!glide.states.includes('zigzag') && !glide.states.includes('overshooting'), 'smoothly');
  assert.match(glide.final.text, /reached the bottom in \d+ steps/);

  const zig = run('bowl', 'sgd', 10 ** -0.4); // the log slider's nearest value to 0.4
  assert.ok(zig.states.includes('zigzag'), 'zig-zags');
  assert.equal(zig.final.state, 'bottom', 'but still settles');

  for (const eta of [10 ** -0.3, 1, 2]) { // 0.501 on the slider, and above
    const far = run('bowl', 'sgd', eta);
    assert.equal(far.status, 'diverged', `η = ${eta}`);
    assert.equal(far.final.tone, 'bad');
  }
});

test('ravine: SGD at 0.05 is about 2 short after 300 steps, momentum settles in about 60; SGD bounces at 0.35', () => {
  const sgd = run('ravine', 'sgd', 0.05);
  assert.ok(Math.abs(Math.hypot(last(sgd).x, last(sgd).y) - 2) < 0.1, `about 2 units short (${last(sgd).x}, ${last(sgd).y})`);
  assert.ok(sgd.final.state !== 'bottom');
  const momentum = run('ravine', 'momentum', 0.05);
  assert.equal(momentum.final.state, 'bottom');
  assert.ok(momentum.final.arrived >= 50 && momentum.final.arrived <= 70, `momentum settles in ${momentum.final.arrived} steps`);
  assert.match(lesson, /settles at the bottom in about 60/);
  // Fifty times steeper across: the curvatures (Hessian diagonal) are 0.1 along x and 5 across.
  const surface = createSurface(ml);
  try {
    surface.setFunction('ravine');
    const [[a], [, d]] = curvatureAt((x, y) => surface.gradient(x, y), 1, 1).hessian;
    assert.ok(Math.abs(d / a - 50) < 1e-3);
  } finally { surface.delete(); }
  const bouncy = run('ravine', 'sgd', 10 ** -0.46); // 0.347 on the slider
  let flips = 0;
  for (let i = 2; i < bouncy.points.length; i += 2) if (bouncy.points[i + 1] * bouncy.points[i - 1] < 0) flips += 1;
  assert.ok(flips >= 10, `y changes side ${flips} times: wall to wall`);
  const calm = run('ravine', 'sgd', 0.05);
  let calmFlips = 0;
  for (let i = 2; i < calm.points.length; i += 2) if (calm.points[i + 1] * calm.points[i - 1] < 0) calmFlips += 1;
  assert.equal(calmFlips, 0, 'at 0.05 it does not bounce');
});

test('Rosenbrock at 0.05: SGD and momentum fly off within a few steps, RMSProp and Adam creep along', () => {
  for (const kind of ['sgd', 'momentum']) {
    const r = run('rosenbrock', kind, 0.05);
    assert.equal(r.status, 'diverged', kind);
    assert.ok(r.losses.length - 1 <= 5, `${kind} within a few steps (${r.losses.length - 1})`);
  }
  for (const kind of ['rmsprop', 'adam']) {
    const r = run('rosenbrock', kind, 0.05);
    assert.equal(r.status, 'running', kind);
    assert.ok(last(r).loss < r.losses[0] / 2, `${kind} goes down (${r.losses[0]} → ${last(r).loss})`);
  }
  const r = run('rosenbrock', 'sgd', 0.05);
  assert.deepEqual([r.info.minX, r.info.minY, r.info.minValue], [1, 1, 0]);
});

test('saddle: curves up along x, down along y, two valleys at (0, ±1) with loss −0.25', () => {
  const surface = createSurface(ml);
  try {
    surface.setFunction('saddle');
    const info = surface.info();
    const c = curvatureAt((x, y) => surface.gradient(x, y), 0, 0);
    assert.ok(Math.abs(c.hessian[0][0] - 2) < 1e-6, 'curves up along x');
    assert.ok(Math.abs(c.hessian[1][1] + 1) < 1e-6, 'curves down along y');
    assert.deepEqual(Array.from(surface.gradient(0, 0)), [0, 0], 'the gradient is zero at the saddle point');
    assert.equal(surface.value(0, 0), 0);
    assert.deepEqual(minimaOf(surface, info), [[0, 1], [0, -1]]);
    assert.equal(info.minValue, -0.25);
    assert.equal(surface.value(0, -1), -0.25);
    assert.equal(info.startY, 0, 'the default start lies on y = 0');
    assert.equal(surface.gradient(info.startX, 0)[1], 0, 'no sideways pull there');
  } finally { surface.delete(); }
});

test('saddle, default start: every optimiser stalls at loss 0 and the message says "saddle point"', () => {
  for (const kind of ['sgd', 'momentum', 'rmsprop', 'adam']) {
    const r = run('saddle', kind, 0.05);
    assert.ok(Math.abs(last(r).loss) < 1e-3, `${kind} ends at loss ≈ 0 (${last(r).loss})`);
    assert.ok(Math.hypot(last(r).x, last(r).y) < 0.05, `${kind} sits at the saddle point`);
    assert.equal(r.final.state, 'saddle', kind);
    assert.equal(r.final.tone, 'warn');
    assert.match(r.final.text, /saddle point/);
    assert.match(r.final.text, /-0\.250/);
    assert.doesNotMatch(r.final.text, /gliding|bottom|too small/);
  }
});

test('saddle, dropped at y = 0.05: SGD needs about 60 steps to loss −0.2, the others about half as many', () => {
  const stepsTo = (kind) => run('saddle', kind, 0.05, [-1.5, 0.05]).losses.findIndex((v) => v < -0.2);
  const sgd = stepsTo('sgd');
  assert.ok(sgd >= 50 && sgd <= 70, `SGD ${sgd}`);
  for (const kind of ['momentum', 'rmsprop', 'adam']) {
    const n = stepsTo(kind);
    assert.ok(n > 0 && n <= 0.6 * sgd, `${kind} ${n} vs SGD ${sgd}`);
  }
  const escaped = run('saddle', 'sgd', 0.05, [-1.5, 0.05]);
  assert.equal(escaped.final.state, 'bottom', 'and the message then says it reached the bottom');
});

test('no other surface is ever called a saddle', () => {
  for (const name of ['bowl', 'ravine', 'rosenbrock']) {
    for (const kind of ['sgd', 'momentum', 'rmsprop', 'adam']) {
      for (const eta of [0.01, 0.05, 0.3]) assert.ok(!run(name, kind, eta).states.includes('saddle'), `${name} ${kind} ${eta}`);
    }
  }
});

// The worked steps on the ravine, against the engine's OptimizerSurface as the widget drives it.
function ravinePath(kind, steps, start = [-9, 2], eta = 0.05) {
  const s = new ml.OptimizerSurface();
  try {
    s.setFunction('ravine');
    s.startPath(start[0], start[1], kind, eta);
    for (let i = 0; i < steps; i++) s.stepPath();
    return { path: Array.from(s.path()), losses: Array.from(s.losses()), gradient: ravineGradient, info: s.info() };
  } finally { s.delete(); }
}
function ravineGradient(x, y) {
  const s = new ml.OptimizerSurface();
  try { s.setFunction('ravine'); return Array.from(s.gradient(x, y)); } finally { s.delete(); }
}
const near = (a, b, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('one step by hand on the ravine: from (−9, 2), loss 14.05, gradient (−0.9, 10), to (−8.955, 1.5), loss ≈ 9.63', () => {
  const r = ravinePath('sgd', 1);
  assert.deepEqual([r.info.startX, r.info.startY], [-9, 2], 'the widget drops the ball at the surface\'s start');
  near(r.losses[0], 14.05);
  const [gx, gy] = r.gradient(-9, 2);
  near(gx, -0.9); near(gy, 10);
  near(r.path[2], -8.955); near(r.path[3], 1.5);
  near(r.losses[1], 8.955 ** 2 / 20 + 2.5 * 1.5 ** 2);
  assert.equal(Math.round(r.losses[1] * 100) / 100, 9.63);
  // The sum as the lesson writes it: its addends are the two terms, and they add up to the total shown.
  const [, a, b, total] = lesson.match(/8\.955\^2\/20 \+ 2\.5 \\cdot 1\.5\^2 \\approx ([\d.]+) \+ ([\d.]+) \\approx ([\d.]+)\$/);
  near(Number(a), 8.955 ** 2 / 20, 5e-5);
  near(Number(b), 2.5 * 1.5 ** 2, 5e-5);
  assert.equal((Number(a) + Number(b)).toFixed(2), total);
  assert.equal(total, '9.63');
  // The gradient formula (x/10, 5y) holds everywhere, not only at the start.
  for (const [x, y] of [[3, -1], [0.5, 0.2]]) { const [a, b] = r.gradient(x, y); near(a, x / 10); near(b, 5 * y); }
  // Half a unit along y, under a twentieth along x.
  near(2 - r.path[3], 0.5);
  assert.ok(Math.abs(r.path[2] + 9) < 1 / 20);
  assert.match(lesson, /x &\\leftarrow -9 - 0\.05 \\cdot \(-0\.9\) = -8\.955, \\\\ y &\\leftarrow 2 - 0\.05 \\cdot 10 = 1\.5/);
});

test('momentum is written with one velocity symbol, the one the worked step uses', () => {
  const bullet = lesson.split('\n').find((l) => l.startsWith('- **Momentum**'));
  const [, v] = bullet.match(/running velocity \$(\w) \\leftarrow \\beta (\w) \+ \\nabla L/);
  const symbols = new Set([...bullet.matchAll(/\$(\w)\$ (?:starts|becomes)/g)].map((m) => m[1]));
  assert.deepEqual([...symbols], [v], 'the worked step names the same velocity the rule defines');
  // The notation page's name for momentum's velocity; v there is the adaptive optimisers' memory.
  assert.equal(v, 'u');
  assert.match(fs.readFileSync(new URL('./notation.md', import.meta.url), 'utf8'), /\| \$u\$ \| u \| momentum's velocity/);
  assert.ok(!/\$v\b/.test(bullet), 'no second name for the velocity');
});

test('one momentum step by hand: u = (−1.7055, 16.5), the ball at about (−8.870, 0.675), 0.085 along x against SGD\'s 0.045', () => {
  const m = ravinePath('momentum', 2);
  const sgd = ravinePath('sgd', 2);
  near(m.path[2], -8.955); near(m.path[3], 1.5); // the first step equals SGD's
  const [gx, gy] = m.gradient(-8.955, 1.5);
  near(gx, -0.8955); near(gy, 7.5);
  near(m.path[4], -8.955 + 0.05 * 1.7055, 1e-12);
  near(m.path[5], 0.675, 1e-12);
  assert.equal(m.path[4].toFixed(3), '-8.870');
  assert.equal((m.path[4] - m.path[2]).toFixed(3), '0.085');
  assert.equal((sgd.path[4] - sgd.path[2]).toFixed(3), '0.045');
});

test('check yourself: from (4, 1) at η = 0.1 plain SGD reaches x = 3.96, y = 0.5', () => {
  const r = computations['surface-step'](ml, { surface: 1, optimizer: 0, x: 4, y: 1, eta: 0.1 });
  near(r.gradX, 0.4); near(r.gradY, 5);
  near(r.x, 3.96); near(r.y, 0.5);
  assert.match(lesson, /= surface-step\.x surface=1 optimizer=0 x=4 y=1 eta=0\.1 ± 0\.005/);
  // The computation is the widget's ravine walk.
  const w = ravinePath('sgd', 1, [4, 1], 0.1);
  near(w.path[2], r.x); near(w.path[3], r.y);
});

test('far too large: from the second jump on every jump lands higher, and the ball diverges', () => {
  for (const eta of [0.5, 10 ** -0.3, 1, 2]) {
    const r = run('bowl', 'sgd', eta);
    const rising = r.losses.slice(2).every((v, i) => v > r.losses[i + 1]);
    assert.ok(rising, `η = ${eta}: each loss from the second step on is above the one before`);
    assert.ok(r.losses.length > 4);
    assert.equal(r.status, 'diverged');
  }
  // At η = 0.5 exactly the first jump still lands lower: hence "from the second jump on".
  const half = run('bowl', 'sgd', 0.5);
  assert.ok(half.losses[1] < half.losses[0]);
  assert.match(lesson, /far too large \(0\.5 and up\) \| from the second jump on, every jump lands higher than the last/);
});

test('predict, then check: on the saddle (valleys at −0.25, default start on the line between them) plain SGD stalls mid-way after 300 steps', () => {
  assert.match(lesson, /\*\*Predict, then check\.\*\* Gradient descent stops where the gradient is zero\..*two valleys at loss −0\.25, and the ball starts on the line between them\..*let the 300 steps run out\./);
  const r = run('saddle', 'sgd', 0.05);
  assert.equal(r.losses.length - 1, 300, 'the widget\'s default maxSteps');
  assert.equal(r.info.minValue, -0.25);
  assert.equal(r.info.startY, 0);
  assert.equal(r.final.state, 'saddle', 'the widget\'s verdict: "stuck on the flat spot in the middle"');
  // Dropped a little off that line, the same run ends in a valley instead.
  assert.equal(run('saddle', 'sgd', 0.05, [-1.5, 0.05]).final.state, 'bottom');
});

// The box judges a run at the widget's η only: at η = 1 plain SGD on y = 0 steps x ← (1 − 2η)x = −x,
// bouncing between x = ∓1.5 with the starting loss 2.25 for ever — none of the three endings, and
// the words must not say it gets lower; from η = 1.1 it flies off. At 0.05 it stalls at the saddle.
test('predict, then check: judged at η = 0.05; at η = 1 SGD bounces at its starting loss and the words say so', () => {
  assert.match(lesson, /The box judges a run at the widget's \$\\eta = 0\.05\$ from the starting spot; at another learning rate it says so and stays locked\./);
  assert.equal(directiveEta, 0.05);
  const bounce = run('saddle', 'sgd', 1);
  assert.equal(bounce.status, 'running');
  assert.ok(bounce.losses.every((v) => v === bounce.losses[0]), 'the loss never moves from the start\'s');
  assert.equal(bounce.losses[0], 2.25);
  assert.deepEqual([last(bounce).x, last(bounce).y], [-1.5, 0]);
  assert.equal(bounce.final.state, 'bouncing');
  assert.doesNotMatch(bounce.final.text, /gets lower/);
  assert.match(bounce.final.text, /no lower than at the start \(2\.250 → 2\.250\)/);
  assert.equal(run('saddle', 'sgd', 1.1).final.state, 'diverged');
  // Just below 1 the zig-zag shrinks, its loss falls, and it stalls at the saddle.
  assert.equal(run('saddle', 'sgd', 0.99).final.state, 'saddle');
});
