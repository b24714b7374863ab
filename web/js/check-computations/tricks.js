// Check-yourself computations for the training-tricks lesson (lessons/training-tricks.md). Same
// contract as check-computations.js: each takes the loaded engine and an object of named
// arguments and returns an object of named results, every number from the engine. Kept free of
// the DOM.

import { need, opt, whole } from './args.js';

export const computations = {
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
  // The variance and standard deviation of initial weights for a layer with fanin inputs and
  // fanout outputs: He (2/fan-in) and Xavier (2/(fan-in + fan-out)).
  'init-scale': (ml, a) => {
    const fanIn = whole(a, 'fanin', 1, 1e6);
    const fanOut = whole(a, 'fanout', 1, 1e6, fanIn);
    const he = ml.initVariance('he', fanIn, fanOut);
    const xavier = ml.initVariance('xavier', fanIn, fanOut);
    return { he, xavier, heS: Math.sqrt(he), xavierS: Math.sqrt(xavier) };
  },
  // Batch normalisation of the values z (training mode) with scale `scale` and shift `shift`.
  'batch-norm': (ml, a) => {
    const r = ml.batchNorm(need(a, 'z', 'list'), opt(a, 'scale', 1), opt(a, 'shift', 0));
    const out = { mean: r.mean, variance: r.variance };
    r.values.forEach((v, i) => { out[`y${i + 1}`] = v; });
    return out;
  },
};
