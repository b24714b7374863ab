// Claims of lessons/gradient-descent.md, checked against the engine's OptimizerSurface with the
// loss-surface widget's settings (default start from info(), 300 steps, η from the lesson) and
// the widget's own words for a path (describePath in web/widgets/loss-surface/surfaces.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations/optimisation.js';
import { createSurface, curvatureAt, describePath, minimaOf } from '../web/widgets/loss-surface/surfaces.js';
import { schema } from '../web/widgets/loss-surface.js';
import { roundLadder } from '../web/lib/ladder.js';
import { formatNumber } from '../web/lib/format.js';

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

test('the learning-rate table: crawl at 0.001, glide at 0.05, zig-zag at 0.4, diverge from 0.45', () => {
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

  for (const eta of [0.45, 0.5, 1, 2]) { // 0.45 is the slider's first rung above 0.4
    const far = run('bowl', 'sgd', eta);
    assert.equal(far.status, 'diverged', `η = ${eta}`);
    assert.equal(far.final.tone, 'bad');
  }
});

test('the edge of divergence on the bowl is 2 ÷ its steepest curvature ≈ 0.42: 0.415 settles, 0.43 diverges', () => {
  const surface = createSurface(ml);
  let edge;
  try {
    surface.setFunction('bowl');
    const [[a, b], [, d]] = curvatureAt((x, y) => surface.gradient(x, y), 1, 1).hessian;
    const steepest = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * b);
    assert.equal(steepest.toFixed(2), '4.77');
    edge = 2 / steepest;
    assert.equal(edge.toFixed(2), '0.42');
  } finally { surface.delete(); }
  assert.match(lesson, /diverges once \$\\eta\$ is more than 2 divided by the bowl's steepest curvature[^.]*\. This bowl's steepest curvature is about 4\.77, so the edge lies near \$2 \/ 4\.77 \\approx 0\.42\$/);
  for (const eta of [0.4, 0.41, 0.415]) assert.equal(run('bowl', 'sgd', eta).final.state, 'bottom', `η = ${eta} still settles`);
  assert.ok(0.415 < edge && edge < 0.43);
  for (const eta of [0.43, 0.45]) assert.equal(run('bowl', 'sgd', eta).status, 'diverged', `η = ${eta} flies off`);
});

// The audit: "just below it the ball still settles, slowly" while the slider's stop just below the
// edge, 0.4, reaches the bottom in 30 steps. The sentence names the stops and what each one shows.
test('around the edge on the bowl: 0.4, the last slider stop below it, reaches the bottom in 30 steps; nearer the edge it takes longer; 0.45, the next stop, flies off', () => {
  const rungs = roundLadder(schema.eta.min, schema.eta.max);
  const edge = 2 / 4.77;
  const below = rungs.filter((v) => v < edge);
  const above = rungs.filter((v) => v > edge);
  assert.equal(below[below.length - 1], 0.4, 'the slider\'s last stop below the edge');
  assert.equal(above[0], 0.45, 'the next stop up');
  const at4 = run('bowl', 'sgd', 0.4);
  assert.ok(at4.states.includes('zigzag'), 'zig-zagging');
  assert.equal(at4.final.state, 'bottom');
  assert.equal(at4.final.arrived, 30);
  assert.match(at4.final.text, /^reached the bottom in 30 steps/);
  // Between the stops, closer to the edge, the zig-zag takes longer and longer.
  const arrivals = [0.4, 0.405, 0.41, 0.415].map((eta) => run('bowl', 'sgd', eta).final);
  for (const f of arrivals) assert.equal(f.state, 'bottom');
  for (let i = 1; i < arrivals.length; i++) assert.ok(arrivals[i].arrived > arrivals[i - 1].arrived, `${arrivals[i].arrived} > ${arrivals[i - 1].arrived}`);
  assert.equal(run('bowl', 'sgd', 0.45).status, 'diverged');
  assert.match(lesson, /\$2 \/ 4\.77 \\approx 0\.42\$\. The slider's last stop below the edge, 0\.4, still brings the ball to the bottom in 30 steps, zig-zagging; closer to the edge, between the slider's stops, the zig-zag would take longer and longer to die away; and at 0\.45, the next stop up, the ball flies off\./);
  assert.doesNotMatch(lesson, /settles, slowly/);
});

test('ravine: SGD at 0.05 is about 2 short after 300 steps, momentum settles in about 60; SGD bounces above 0.2, still settles at 0.35, not from 0.4', () => {
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
  const flipsOf = (r) => {
    let flips = 0;
    for (let i = 2; i < r.points.length; i += 2) if (r.points[i + 1] * r.points[i - 1] < 0) flips += 1;
    return flips;
  };
  // The steep direction's factor per step is 1 − 5η: positive (no bouncing) up to 0.2, negative above.
  for (const eta of [0.05, 0.15, 0.2]) assert.equal(flipsOf(run('ravine', 'sgd', eta)), 0, `at ${eta} it does not bounce`);
  for (const eta of [0.21, 0.25, 0.35]) assert.ok(flipsOf(run('ravine', 'sgd', eta)) >= 10, `at ${eta} y changes side: wall to wall`);
  // Faster as η rises, and at 0.35 it still reaches the bottom, in about 80 steps.
  const arrivals = [0.15, 0.2, 0.25, 0.3, 0.35].map((eta) => run('ravine', 'sgd', eta).final);
  for (const f of arrivals) assert.equal(f.state, 'bottom');
  for (let i = 1; i < arrivals.length; i++) assert.ok(arrivals[i].arrived < arrivals[i - 1].arrived, 'a larger η gets down faster');
  const at35 = arrivals[arrivals.length - 1];
  assert.ok(Math.abs(at35.arrived - 80) <= 5, `at 0.35 the bottom in ${at35.arrived} steps`);
  assert.match(at35.text, /reached the bottom in \d+ steps/);
  // The walls' limit: 2 ÷ 5 = 0.4. Just below it settles (in over 70 steps), at 0.4 it never does, above it diverges.
  for (const eta of [0.37, 0.39]) {
    const f = run('ravine', 'sgd', eta).final;
    assert.equal(f.state, 'bottom', `η = ${eta}`);
    assert.ok(f.arrived > 70, `η = ${eta}: ${f.arrived} steps`);
  }
  assert.notEqual(run('ravine', 'sgd', 0.4).final.state, 'bottom');
  assert.equal(run('ravine', 'sgd', 0.45).status, 'diverged');
  assert.match(lesson, /above 0\.2 it bounces from wall to wall \(at 0\.35 it zig-zags for a while and still reaches the bottom, in about 80 steps\), and at 0\.4, which is 2 divided by the steep curvature 5, it never settles: it jumps from one wall to the other and back for ever, its loss stops falling, and the message line says so; above that it diverges\. Even at the largest step the walls allow, the gentle floor takes over 70 steps\./);
});

// The audit: at η = 0.4 on the ravine the message said "it still gets lower (loss 10.000)" while the
// loss had read 10.000 for most of the 300 steps. The steep factor 1 − 5η is −1: y jumps between
// +2 and −2 for ever, x dies away, and the loss levels off at 2.5 · 2² = 10.
test('ravine at η = 0.4: SGD bounces between y = ±2 for ever, the loss levels off at 10, and the message says it does not settle', () => {
  const r = run('ravine', 'sgd', 0.4);
  assert.equal(r.status, 'running');
  assert.equal(r.losses.length - 1, MAX_STEPS);
  for (let i = 1; i < r.points.length / 2; i++) assert.equal(Math.abs(r.points[2 * i + 1]), 2, 'y stays at ±2');
  assert.equal(formatNumber(last(r).loss, 3), '10.000');
  const shownFrom = r.losses.findIndex((v) => formatNumber(v, 3) === '10.000');
  assert.ok(shownFrom > 0 && shownFrom < MAX_STEPS / 2, `the readout shows 10.000 from step ${shownFrom}`);
  assert.equal(r.final.state, 'bouncing');
  assert.equal(r.final.tone, 'bad');
  assert.doesNotMatch(r.final.text, /gets lower/);
  assert.equal(r.final.text, 'bouncing without settling: each step jumps across the valley floor to the other side, and the loss has got no lower over the last 20 steps (loss 10.000, lowest 0.000); η = 0.4 is too large for the ball to settle');
  // No message claims "still gets lower" once the loss has read 10.000 for 40 steps.
  assert.ok(r.states.slice(shownFrom + 40).every((s) => s === 'bouncing'));
  // Just below the wall's limit the zig-zag still gets lower and reaches the bottom; the stop above flies off.
  assert.equal(run('ravine', 'sgd', 0.35).final.state, 'bottom');
  assert.equal(run('ravine', 'sgd', 0.45).status, 'diverged');
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

test('far too large: after a jump or two that land lower, every jump lands higher, and the ball diverges', () => {
  for (const eta of [0.45, 0.5, 1, 2]) {
    const r = run('bowl', 'sgd', eta);
    // The first jump that lands higher than the one before; from there on every one does.
    const k = r.losses.findIndex((v, i) => i > 0 && v > r.losses[i - 1]);
    assert.ok(k >= 1 && k <= 3, `η = ${eta}: at most two jumps land lower first (${k})`);
    assert.ok(r.losses.slice(k).every((v, i) => v > r.losses[k - 1 + i]), `η = ${eta}: from jump ${k} on, each lands higher`);
    assert.ok(r.losses.length > 4);
    assert.equal(r.status, 'diverged');
  }
  // At 0.45 the first two jumps still land lower.
  const r = run('bowl', 'sgd', 0.45);
  assert.ok(r.losses[1] < r.losses[0] && r.losses[2] < r.losses[1] && r.losses[3] > r.losses[2]);
  assert.match(lesson, /far too large \(0\.45 and up\) \| after a jump or two that still land lower, every jump lands higher than the last and the ball leaves the map: divergence/);
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
