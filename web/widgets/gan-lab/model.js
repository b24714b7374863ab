// The GAN lab's options and its engine set-up, free of the DOM so the lesson's claims test
// (lessons/gan.claims.test.mjs) drives the engine exactly as the widget does.
import { seedOption } from '../../lib/schema.js';
import { formatNumber, formatPercent } from '../../lib/format.js';
import { messages } from './messages.js';

// The English words, for callers without a widget's t (the claims tests).
const english = (key, params = {}) => (typeof messages[key] === 'function' ? messages[key](params) : messages[key].replace(/\{(\w+)\}/g, (_, name) => String(params[name])));

export const schema = {
  target: { type: 'enum', values: ['ring', 'moons', 'curve', 'gaussian'], default: 'ring', description: 'The real data: a ring of eight Gaussians, two moons, a sine curve or one Gaussian.' },
  generatorRate: { type: 'number', min: 0.0001, max: 1, default: 0.01, description: 'Learning rate η of the generator.' },
  discriminatorRate: { type: 'number', min: 0.0001, max: 1, default: 0.01, description: 'Learning rate η of the discriminator.' },
  discriminatorSteps: { type: 'int', min: 1, max: 10, default: 1, description: 'Discriminator updates per round (k).' },
  generatorSteps: { type: 'int', min: 1, max: 10, default: 1, description: 'Generator updates per round.' },
  optimizer: { type: 'enum', values: ['adam', 'sgd'], default: 'adam', description: 'Update rule for both nets.' },
  roundsPerFrame: { type: 'int', min: 1, max: 20, default: 4, description: 'Training rounds per animation frame while playing.' },
  seed: seedOption(1, 'Seed for the real points, the starting weights and the noise.'),
};

// The view and the heat map's resolution.
export const VIEW = { x0: -2.2, x1: 2.2, y0: -2.2, y1: 2.2 };
// The two presets the lesson talks about. "Make it collapse" starts the widget's own run again
// with five generator updates per discriminator update: its question and the lesson's reveal ("at
// most one of the eight modes") are for Adam with both rates 0.01 (with SGD the fakes keep 2 of 8
// at round 400), so the preset sets those back too.
export const COLLAPSE = { generatorSteps: 5, discriminatorSteps: 1, optimizer: 'adam', generatorRate: 0.01, discriminatorRate: 0.01 };
export const RECOVER = { generatorSteps: 1, discriminatorSteps: 5, generatorRate: 0.003 };

// A Gan set up from the widget's options (also used by the lesson's claims test); `points`
// (flat x, y pairs, e.g. imported from a CSV file) replace the target's real points.
export function createGan(ml, options, points = null) {
  const o = { ...Object.fromEntries(Object.entries(schema).map(([k, s]) => [k, s.default])), ...options };
  const gan = new ml.Gan();
  try {
    gan.setTracing(false);
    gan.setTarget(o.target);
    if (points) gan.setRealPoints(points);
    gan.setOptimizer(o.optimizer);
    gan.setLearningRates(o.generatorRate, o.discriminatorRate);
    gan.setDiscriminatorSteps(o.discriminatorSteps);
    gan.setGeneratorSteps(o.generatorSteps);
    gan.reset(o.seed);
  } catch (err) {
    gan.delete();
    throw err;
  }
  return gan;
}

// The coverage sentence of the readout and the text alternative, in the words of t (the widget's
// ctx.t; English by default).
export function coverageText(cov, t = english) {
  return t('gan-lab.coverage', { covered: formatNumber(cov.covered, 0), modes: cov.modes });
}

// What the plane shows, in words (the canvas's text alternative). `own`: imported real points,
// whose modes the engine does not know (it counts them as one), so no coverage is named.
export function describe({ round, lossD, lossG, cov, dReal, own = false }, t = english) {
  if (own) return t('gan-lab.describeOwn', { round: formatNumber(round, 0), lossD: formatNumber(lossD, 3), lossG: formatNumber(lossG, 3), onData: formatPercent(cov.onData, 0), dReal: formatNumber(dReal, 2) });
  return t('gan-lab.describe', { round: formatNumber(round, 0), lossD: formatNumber(lossD, 3), lossG: formatNumber(lossG, 3), coverage: coverageText(cov, t), onData: formatPercent(cov.onData, 0), dReal: formatNumber(dReal, 2) });
}
