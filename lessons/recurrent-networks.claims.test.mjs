// Claims of recurrent-networks.md, checked against the engine with the widget's own defaults and
// helpers (web/widgets/recurrent-sequence/task.js: the series, configureNet, the gradient-flow
// curves, the free-running forecast and the message line's verdict).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import {
  CLIP_NORM, FOLLOW_THRESHOLD, PERIOD, SERIES_LENGTH, WARMUP, configureNet, defaults, followsWave, forecastError,
  initialFlows, makeSeries,
} from '../web/widgets/recurrent-sequence/task.js';
import { computations } from '../web/js/check-computations/rnn.js';
import { readNumber } from '../web/js/check-computations.js';

const close = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

function withNet(options, fn) {
  const o = { ...defaults, ...options };
  const series = makeSeries(ml, o);
  const net = new ml.RecurrentNet();
  try {
    configureNet(net, o, series);
    return fn(net, series, o);
  } finally { net.delete(); }
}

test('two steps by hand: h1 = 0.537, y1 = 0.574, h2 = −0.509, y2 = −1.518; with x1 = 0, y2 = −1.310', () => {
  const net = new ml.RecurrentNet();
  try {
    net.setHiddenSize(1);
    net.setParams([0.5, -0.3, 0.1, 2, -0.5]);
    const run = net.forward([1, -1]);
    close(run.hidden[0], 0.537, 5e-4, 'h1');
    close(run.predictions[0], 0.574, 5e-4, 'y1');
    close(0.5 * -1 + -0.3 * run.hidden[0] + 0.1, -0.561, 5e-4, 'the input to tanh at step 2');
    close(run.hidden[1], -0.509, 5e-4, 'h2');
    close(run.predictions[1], -1.518, 5e-4, 'y2');
    const other = net.forward([0, -1]);
    close(other.hidden[0], 0.100, 5e-4, 'h1 when x1 = 0');
    close(other.predictions[1], -1.310, 5e-4, 'y2 when x1 = 0');
  } finally { net.delete(); }
});

test('the fading factors: 0.5^10 ≈ 0.001, 0.5^60 ≈ 10^-18, σ(1) ≈ 0.73, σ(2) ≈ 0.88; the widget clips at 1', () => {
  close(computations['rnn-gradient'](ml, { wh: 0.5, steps: 10 }).ratio, 0.001, 3e-5, '10 steps');
  const sixty = computations['rnn-gradient'](ml, { wh: 0.5, steps: 60 }).ratio;
  assert.equal(Math.round(Math.log10(sixty)), -18);
  const curve = ml.activationCurve('sigmoid', [1, 2, 0]);
  close(curve.value[0], 0.73, 0.005, 'σ(1)');
  close(curve.value[1], 0.88, 0.005, 'σ(2)');
  close(curve.value[2], 0.5, 1e-12, 'σ(0)');
  assert.equal(CLIP_NORM, 1);
});

test('the task: 240 values, period 20, noise 0.05, windows of 60, forecast from step 160', () => {
  assert.equal(SERIES_LENGTH, 240);
  assert.equal(PERIOD, 20);
  assert.equal(WARMUP, 160);
  assert.equal(defaults.noise, 0.05);
  assert.equal(defaults.sequenceLength, 60);
  assert.equal(defaults.cell, 'rnn');
  withNet({}, (net, series) => {
    assert.equal(series.length, 240);
    assert.equal(net.sequenceLength(), 60);
    assert.equal(net.clipNorm(), 1);
    assert.equal(net.optimizer(), 'adam');
  });
});

test('untrained: predictions near 0, loss 0.563; after 100 steps the one-step loss is below 0.01', () => {
  withNet({}, (net) => {
    const run = net.seriesRun();
    assert.ok(Math.max(...run.predictions.map(Math.abs)) < 0.3, 'predictions close to 0');
    assert.equal(net.loss().toFixed(3), '0.563');
    net.fit(100);
    assert.ok(net.loss() < 0.01, `loss after 100 steps ${net.loss()}`);
  });
});

const meanAbsHidden = (run) => {
  let sum = 0; let n = 0;
  for (let t = 20; t < run.steps; t++) for (let j = 0; j < run.hiddenSize; j++) { sum += Math.abs(run.hidden[t * run.hiddenSize + j]); n += 1; }
  return sum / n;
};

test('the stripes are there before training (faint: mean |h| 0.11) and stronger after 100 steps (0.30)', () => {
  withNet({}, (net) => {
    const before = net.seriesRun();
    const H = before.hiddenSize;
    for (let j = 0; j < H; j++) {
      const a = []; const b = [];
      for (let t = 20; t + PERIOD < before.steps; t++) { a.push(before.hidden[t * H + j]); b.push(before.hidden[(t + PERIOD) * H + j]); }
      assert.ok(correlation(a, b) > 0.9, `untrained unit ${j}: correlation at a lag of 20 steps ${correlation(a, b)}`);
    }
    assert.equal(meanAbsHidden(before).toFixed(2), '0.11');
    net.fit(100);
    assert.equal(meanAbsHidden(net.seriesRun()).toFixed(2), '0.30');
  });
});

test('after training the hidden units repeat every 20 steps (the stripes of the heat strip)', () => {
  withNet({}, (net) => {
    net.fit(100);
    const run = net.seriesRun();
    const H = run.hiddenSize;
    for (let j = 0; j < H; j++) {
      const a = [];
      const b = [];
      for (let t = 20; t + PERIOD < run.steps; t++) { a.push(run.hidden[t * H + j]); b.push(run.hidden[(t + PERIOD) * H + j]); }
      assert.ok(correlation(a, b) > 0.9, `unit ${j}: correlation at a lag of 20 steps ${correlation(a, b)}`);
    }
  });
});

test('the second view: at k = 59, the 60-step window\'s first step and the table\'s last row, the RNN keeps about 10^-14, the LSTM about 3 × 10^-6, eight orders of magnitude more', () => {
  const lesson = fs.readFileSync(new URL('./recurrent-networks.md', import.meta.url), 'utf8');
  const items = lesson.split('\n').filter((l) => /^[23]\. /.test(l)).join('\n');
  assert.doesNotMatch(items, /60 steps back|sixty steps back/, 'the table and the readout have no row 60: the window\'s first step is 59 back');
  assert.match(lesson, /the last row of the table under "The numbers behind the pictures" \(\$k = 59\$\)/);
  const series = makeSeries(ml, defaults);
  const flows = initialFlows(ml, defaults, series);
  const rnn = flows.rnn[59];
  const lstm = flows.lstm[59];
  assert.equal(Math.round(Math.log10(rnn)), -14, `RNN ${rnn}`);
  assert.ok(lstm > 2.5e-6 && lstm < 3.5e-6, `LSTM ${lstm}`);
  assert.equal(Math.round(Math.log10(lstm / rnn)), 8);
  assert.equal(flows.rnn[0], 1);
  assert.equal(flows.lstm[0], 1);
  // Both curves fall as they go back (each value no larger than the one 10 steps nearer the end).
  for (const f of [flows.rnn, flows.lstm]) for (let k = 10; k < 60; k += 10) assert.ok(f[k] < f[k - 10]);
});

test('forget bias 0: the LSTM falls below 10^-12; forget bias 2: it keeps more than a hundredth', () => {
  const series = makeSeries(ml, defaults);
  const zero = initialFlows(ml, { ...defaults, forgetBias: 0 }, series);
  assert.ok(zero.lstm[59] < 1e-12, `bias 0: ${zero.lstm[59]}`);
  assert.ok(zero.lstm[59] > zero.rnn[59], 'still a little above the RNN');
  const two = initialFlows(ml, { ...defaults, forgetBias: 2 }, series);
  for (let k = 0; k < 60; k++) assert.ok(two.lstm[k] > 0.01, `bias 2, ${k} back: ${two.lstm[k]}`);
});

test('trained one-step loss stays below 0.01 while the RNN’s free-running error jumps between < 0.01 and > 0.1', () => {
  withNet({}, (net, series) => {
    const errors = [];
    for (let k = 0; k < 10; k++) {
      net.fit(100);
      assert.ok(net.loss() < 0.01, `one-step loss at ${net.steps()}: ${net.loss()}`);
      errors.push(forecastError(net, series).mse);
    }
    assert.ok(Math.min(...errors) < 0.01, `smallest forecast error ${Math.min(...errors)}`);
    assert.ok(Math.max(...errors) > 0.1, `largest forecast error ${Math.max(...errors)}`);
  });
});

test('the message’s verdict follows the lesson: "follows the wave" exactly while the error is below 0.05', () => {
  assert.equal(FOLLOW_THRESHOLD, 0.05);
  assert.equal(followsWave(0.0499), true);
  assert.equal(followsWave(0.05), false);
  assert.equal(followsWave(0.2), false);
  assert.equal(followsWave(NaN), false);
});

test('truncated every 5 steps: the one-step loss still falls below 0.01 within 300 steps', () => {
  withNet({ truncation: 5 }, (net) => {
    assert.equal(net.truncation(), 5);
    net.fit(300);
    assert.ok(net.loss() < 0.01, `loss ${net.loss()}`);
  });
});

test('check-yourself: h2 = tanh(0.5 · tanh 1) = 0.363; 0.5^10 = 0.000977', () => {
  close(computations['rnn-step'](ml, { x: [1, 0], wx: 1, wh: 0.5, b: 0 }).h, Math.tanh(0.5 * Math.tanh(1)), 1e-12, 'h2');
  close(computations['rnn-step'](ml, { x: [1, 0], wx: 1, wh: 0.5, b: 0 }).h, 0.3634, 1e-4, 'h2 by hand');
  close(computations['rnn-gradient'](ml, { wh: 0.5, steps: 10 }).ratio, 0.5 ** 10, 1e-12, 'ratio');
});

test('check-yourself 2 accepts the lesson\'s own rounding (0.5^10 ≈ 0.001) and the feedback\'s notation, and still refuses one digit off', () => {
  const lesson = fs.readFileSync(new URL('./recurrent-networks.md', import.meta.url), 'utf8');
  assert.match(lesson, /multiplied by \$0\.5\^\{10\} \\approx 0\.001\$/);
  const line = lesson.split('\n').find((l) => l.startsWith('= rnn-gradient.ratio'));
  const tolerance = Number(/± (\S+)/.exec(line)[1]);
  const answer = computations['rnn-gradient'](ml, { wh: 0.5, steps: 10 }).ratio;
  const right = (typed) => Math.abs(readNumber(typed).value - answer) <= tolerance + 1e-12;
  for (const typed of ['0.001', '0.000977', '1/1024', '9.77e-4', '9.766 × 10⁻⁴']) assert.ok(right(typed), `${typed} counts as right`);
  for (const typed of ['0.0011', '0.0009', '0.01', '0.5']) assert.ok(!right(typed), `${typed} counts as wrong`);
});

function correlation(a, b) {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0; let saa = 0; let sbb = 0;
  for (let i = 0; i < n; i++) { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) ** 2; sbb += (b[i] - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb);
}

// The pointer to attention lands on the section that explains why transformers replaced recurrence.
test('the LSTM section points to the attention lesson\'s section on why attention replaced recurrence', async () => {
  const lesson = fs.readFileSync(new URL('./recurrent-networks.md', import.meta.url), 'utf8');
  const attention = fs.readFileSync(new URL('./attention-toy.md', import.meta.url), 'utf8');
  const { headingId } = await import('../scripts/lesson-render.mjs');
  const ids = [...attention.matchAll(/^## (.+)$/gm)].map((m) => headingId(m[1]));
  assert.ok(ids.includes('why-attention-replaced-recurrence'), ids.join(', '));
  assert.ok(lesson.includes('(attention-toy.html#why-attention-replaced-recurrence)'));
  // "a gradient from 59 steps back": the window's first step, as in the second view's last row.
  assert.equal(defaults.sequenceLength - 1, 59);
});

// "Why the gradient fades": the formula's letters are the lesson's own — k steps back from the last
// step T, t the step number (notation.md), W_h the recurrent weights (w_h with one unit), diag(·)
// said in words — and with one hidden unit the gradient k steps back is the product of the k
// factors w_h(1 − h_t²), t from T down to T − k + 1, as the engine's gradient flow finds it.
test('why the gradient fades: every letter of the formula is explained, and k steps back the gradient is the product of w_h(1 − h_t²)', () => {
  const lesson = fs.readFileSync(new URL('./recurrent-networks.md', import.meta.url), 'utf8');
  const section = lesson.split(/^## Why the gradient fades$/m)[1].split(/^## /m)[0];
  const formula = /\$\$([\s\S]*?)\$\$/.exec(section)[1];
  assert.doesNotMatch(section, /h_\{?s|_s\b|\$s\$/, 'no step index s: on the notation page s is a standard deviation or a state');
  assert.match(formula, /\\partial h_\{T-k\}/, 'the state k steps earlier appears in the formula');
  assert.match(formula, /\\frac\{\\partial h_\{t\}\}\{\\partial h_\{t-1\}\} &= \\operatorname\{diag\}\\!\\left\(1 - h_t\^2\\right\) W_h/);
  assert.match(section, /\$k\$ counts the steps back from \$T\$/);
  assert.match(section, /one for each step \$t\$ from \$T\$ down to \$T - k \+ 1\$/);
  assert.match(section, /\$\\operatorname\{diag\}\(v\)\$ is the square matrix with the vector \$v\$ down its diagonal and zeros everywhere else/);
  assert.match(section, /worked out entry by entry/);
  assert.match(section, /With one hidden unit, \$W_h\$ is the single number \$w_h\$ and each factor is just the number \$w_h \(1 - h_t\^2\)\$/);
  assert.match(lesson, /every weight is a single number, written in lower case: \$w_x\$ in place of the matrix \$W_x\$, \$w_h\$ in place of \$W_h\$/);
  const notation = fs.readFileSync(new URL('./notation.md', import.meta.url), 'utf8');
  assert.match(notation, /^\| \$T\$ \| capital T \| the number of time steps in a sequence[;|]/m);
  assert.match(notation, /\[recurrent networks\]\(recurrent-networks\.html\)[^|]*the step or round number/);

  const net = new ml.RecurrentNet();
  try {
    const T = 12;
    const wh = 0.8;
    net.setCell('rnn');
    net.setHiddenSize(1);
    net.setParams([0.9, wh, 0.2, 1.5, 0]);
    const series = Array.from({ length: T + 1 }, (_, i) => Math.sin(i * 0.7));
    net.setSeries(series);
    const flow = net.gradientFlow(T);
    const h = net.forward(series.slice(0, T)).hidden; // h[t - 1] is h_t
    for (let k = 1; k < T; k++) {
      let product = 1;
      for (let t = T; t >= T - k + 1; t--) product *= wh * (1 - h[t - 1] ** 2);
      close(flow[k] / flow[0], Math.abs(product), 1e-12, `${k} steps back`);
    }
  } finally { net.delete(); }
});
