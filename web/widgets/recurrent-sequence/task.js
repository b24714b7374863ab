// The recurrent-sequence widget's task and the numbers it shows, free of the DOM so the lesson's
// claims test runs the very same code: the series, how a RecurrentNet is configured from the
// widget's options, the gradient-flow curves of the second view, the free-running forecast and
// the verdict the message line gives about it.

import { seedOption } from '../../lib/schema.js';

export const schema = {
  cell: { type: 'enum', values: ['rnn', 'lstm'], default: 'rnn', description: 'Recurrent cell: a plain (Elman) RNN or an LSTM.' },
  hiddenSize: { type: 'int', min: 1, max: 32, default: 8, description: 'Hidden units H.' },
  sequenceLength: { type: 'int', min: 10, max: 120, default: 60, description: 'Steps T per training window, and how far back the gradient view looks.' },
  wave: { type: 'enum', values: ['sine', 'two-sines', 'square-ish'], default: 'sine', description: 'The signal to learn (period 20 steps).' },
  noise: { type: 'number', min: 0, max: 0.5, default: 0.05, description: 'Standard deviation s of the noise added to the signal.' },
  learningRate: { type: 'number', min: 0.0005, max: 0.1, default: 0.01, description: 'Adam learning rate η.' },
  forgetBias: { type: 'number', min: -2, max: 4, default: 1, description: 'The LSTM forget gate’s starting bias (σ(1) ≈ 0.73 keeps most of the cell state).' },
  truncation: { type: 'int', min: 0, max: 120, default: 0, description: 'Truncated BPTT: cut the gradient every this many steps (0 = full BPTT).' },
  seed: seedOption(1, 'Seed for the noise, the initial weights and the order of training windows.'),
};

// The options a lesson page starts with (every schema default).
export const defaults = Object.fromEntries(Object.entries(schema).map(([k, spec]) => [k, spec.default]));

// The task every lesson sentence is measured on: 240 values of period 20; the free-running
// forecast starts after the first 160 values (two thirds) and runs to the end.
export const SERIES_LENGTH = 240;
export const PERIOD = 20;
export const WARMUP = 160;
export const STEPS_PER_FRAME = 4;
export const CLIP_NORM = 1;

export function makeSeries(ml, o) {
  return ml.makeWaveSequence(SERIES_LENGTH, o.wave, PERIOD, o.noise, o.seed);
}

// Sets every option on an engine RecurrentNet, hands it the series and resets it from the seed.
export function configureNet(net, o, series, cell = o.cell) {
  net.setCell(cell);
  net.setHiddenSize(o.hiddenSize);
  net.setForgetBias(o.forgetBias);
  net.setOptimizer('adam');
  net.setLearningRate(o.learningRate);
  net.setClipNorm(CLIP_NORM);
  net.setTruncation(o.truncation);
  net.setSequenceLength(o.sequenceLength);
  net.setSeries(series);
  net.reset(o.seed);
}

// ‖∂L_T/∂h_{T−k}‖ divided by its value at k = 0, so every curve starts at 1; null when the
// gradient at the end is exactly 0 (nothing to compare with).
export function relativeFlow(flow) {
  if (!flow || !flow.length || !(flow[0] > 0)) return null;
  return Array.from(flow, (v) => v / flow[0]);
}

// The second view's two reference curves: each cell freshly initialised with the same seed,
// hidden size, forget bias and sequence length.
export function initialFlows(ml, o, series) {
  const out = {};
  for (const cell of ['rnn', 'lstm']) {
    const net = new ml.RecurrentNet();
    try {
      configureNet(net, o, series, cell);
      out[cell] = relativeFlow(net.gradientFlow(o.sequenceLength));
    } finally { net.delete(); }
  }
  return out;
}

// Mean squared error of the free-running forecast against the series' last values.
export function forecastError(net, series) {
  const horizon = SERIES_LENGTH - WARMUP;
  const g = net.generate(WARMUP, horizon);
  let s = 0;
  for (let k = 0; k < horizon; k++) s += (g[k] - series[WARMUP + k]) ** 2;
  return { forecast: g, mse: s / horizon };
}

// The message line's verdict, as the lesson defines it: the forecast "follows the wave on its
// own" while its mean squared error over the last 80 steps is below 0.05.
export const FOLLOW_THRESHOLD = 0.05;
export function followsWave(mse) { return Number.isFinite(mse) && mse < FOLLOW_THRESHOLD; }
