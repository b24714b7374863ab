// Optimisation: optimiser steps on the loss surfaces, learning-rate schedules, gradient clipping.

import { need, opt, whole, scoped } from './args.js';

const SURFACES = ['bowl', 'ravine', 'rosenbrock', 'saddle'];
// The four optimisers of the loss-surface widget (surface-step) and the six of the race (optimizer-step).
const SURFACE_OPTIMIZERS = ['sgd', 'momentum', 'rmsprop', 'adam'];
const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adagrad', 'adam'];
function pick(list, args, name, fallback) {
  const i = opt(args, name, fallback);
  if (!Number.isInteger(i) || !list[i]) throw new RangeError(`needs ${name}= 0…${list.length - 1} (${list.join(', ')})`);
  return list[i];
}

export const computations = {
  // Steps of one optimiser (0 sgd, 1 momentum, 2 rmsprop, 3 adam) on one of the loss-surface
  // widget's surfaces (0 bowl, 1 ravine, 2 rosenbrock, 3 saddle) from (x, y) at learning rate eta.
  'surface-step': (ml, a) => scoped((track) => {
    const s = track(new ml.OptimizerSurface());
    s.setFunction(pick(SURFACES, a, 'surface', 1));
    const x0 = need(a, 'x');
    const y0 = need(a, 'y');
    const [gradX, gradY] = s.gradient(x0, y0);
    const lossBefore = s.value(x0, y0);
    s.startPath(x0, y0, pick(SURFACE_OPTIMIZERS, a, 'optimizer', 0), need(a, 'eta'));
    const steps = opt(a, 'steps', 1);
    if (!Number.isInteger(steps) || steps < 1 || steps > 1000) throw new RangeError('needs steps= a whole number from 1 to 1000');
    let p = null;
    for (let i = 0; i < steps; i++) p = s.stepPath();
    return { x: p.x, y: p.y, loss: p.loss, lossBefore, gradX, gradY };
  }),
  // `steps` updates of one optimiser (index into sgd, momentum, nesterov, rmsprop, adagrad, adam;
  // engine defaults β = 0.9 and so on) on a race surface (bowl, ravine, rosenbrock, saddle) from (x, y).
  'optimizer-step': (ml, a) => scoped((track) => {
    const s = track(new ml.OptimizerSurface());
    s.setFunction(SURFACES[whole(a, 'surface', 0, SURFACES.length - 1)]);
    s.startPath(need(a, 'x'), need(a, 'y'), OPTIMIZERS[whole(a, 'optimizer', 0, OPTIMIZERS.length - 1)], need(a, 'eta'));
    const steps = whole(a, 'steps', 0, 100000, 1);
    for (let i = 0; i < steps; i++) s.stepPath();
    const p = s.path();
    return { x: p[p.length - 2], y: p[p.length - 1], loss: s.losses().at(-1) };
  }),
  // η at update `step` of a cosine schedule from `eta` down to `min` over `length` updates (after
  // `warmup` warm-up updates), and of a step schedule multiplying by `factor` every `every` updates.
  'lr-schedule': (ml, a) => {
    const eta = need(a, 'eta');
    const t = whole(a, 'step', 0, 1e9);
    const cosine = { kind: 'cosine', learningRate: eta, period: whole(a, 'length', 1, 1e7, 100), minimum: opt(a, 'min', 0), warmup: whole(a, 'warmup', 0, 1e7, 0) };
    const step = { kind: 'step', learningRate: eta, gamma: opt(a, 'factor', 0.5), period: whole(a, 'every', 1, 1e7, 100), warmup: whole(a, 'warmup', 0, 1e7, 0) };
    return { cosine: ml.scheduleRate(cosine, t), step: ml.scheduleRate(step, t) };
  },
  // A gradient clipped to global norm `limit`: its norm before, and the clipped entries.
  clip: (ml, a) => {
    const g = need(a, 'g', 'list');
    const r = ml.clipByGlobalNorm(g, need(a, 'limit'));
    const out = { norm: r.norm, after: Math.hypot(...r.gradient) };
    r.gradient.forEach((v, i) => { out[`g${i + 1}`] = v; });
    return out;
  },
};
