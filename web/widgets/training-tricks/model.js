// The training-tricks widget's settings and its two nets, without the DOM, so the lesson's claims
// test builds exactly what the widget shows. Each trick is a pair of DeepNet configurations that
// differ only in that trick: "off" (left) and "on" (right). Both share the data set, the shape
// (ReLU layers), the optimiser (momentum 0.9), mini-batches of 20 and the seed.
import { seedOption } from '../../lib/schema.js';
import { formatNumber, asShown } from '../../lib/format.js';

export const TRICKS = ['init', 'batchnorm', 'schedule', 'clipping'];
export const DATASETS = ['spiral', 'moons', 'circles', 'xor'];
export const POINTS = 200;
export const NOISE = 0.05;
export const BATCH = 20;

export const schema = {
  trick: { type: 'enum', values: TRICKS, default: 'init', description: 'The trick switched on in the right-hand net: init (small weights vs He), batchnorm (small weights without vs with batch normalisation), schedule (a constant too-large η vs a cosine schedule), clipping (large weights without vs with gradient clipping).' },
  dataset: { type: 'enum', values: DATASETS, default: 'spiral', description: 'The two-class data set both nets learn.' },
  layers: { type: 'int', min: 1, max: 10, default: 6, description: 'Hidden layers of both nets.' },
  width: { type: 'int', min: 2, max: 32, default: 16, description: 'Units per hidden layer.' },
  updates: { type: 'int', min: 100, max: 5000, default: 1500, description: 'Updates in one run (also the length of the cosine schedule).' },
  seed: seedOption(1, 'Random seed for the points, the weights and the mini-batch order (the same for both nets).'),
};

// What each trick changes. `eta` is η₀; `schedule` 'cosine' runs over the whole run (period =
// updates) down to 0; `clip` is the global-norm limit (0 = off).
export const PAIRS = {
  init: {
    off: { init: 'small', batchNorm: false, eta: 0.02, schedule: 'constant', clip: 0 },
    on: { init: 'he', batchNorm: false, eta: 0.02, schedule: 'constant', clip: 0 },
  },
  batchnorm: {
    off: { init: 'small', batchNorm: false, eta: 0.02, schedule: 'constant', clip: 0 },
    on: { init: 'small', batchNorm: true, eta: 0.02, schedule: 'constant', clip: 0 },
  },
  schedule: {
    off: { init: 'he', batchNorm: false, eta: 0.05, schedule: 'constant', clip: 0 },
    on: { init: 'he', batchNorm: false, eta: 0.05, schedule: 'cosine', clip: 0 },
  },
  clipping: {
    off: { init: 'large', batchNorm: false, eta: 0.02, schedule: 'constant', clip: 0 },
    on: { init: 'large', batchNorm: false, eta: 0.02, schedule: 'constant', clip: 1 },
  },
};

// One of the pair's nets, reset with the options' seed. The caller owns (and deletes) it.
export function createNet(ml, opts, side) {
  const c = PAIRS[opts.trick][side];
  const net = new ml.DeepNet();
  try {
    net.setDataset(opts.dataset, POINTS, NOISE);
    net.setShape(opts.layers, opts.width);
    net.setActivation('relu');
    net.setInit(c.init);
    net.setBatchNorm(c.batchNorm);
    net.setOptimizer('momentum');
    net.setBatchSize(BATCH);
    net.setSchedule({ kind: c.schedule, learningRate: c.eta, period: opts.updates, minimum: 0, warmup: 0 });
    net.setClipNorm(c.clip);
    net.reset(opts.seed);
    return net;
  } catch (err) {
    net.delete();
    throw err;
  }
}

// Runs a net to the end of the run (or to divergence); returns its final loss and accuracy.
export function runToEnd(net, updates) {
  net.setTracing(false);
  net.fit(Math.max(0, updates - net.steps()));
  if (net.status() === 'diverged') return { loss: NaN, accuracy: NaN, diverged: true };
  return { loss: net.loss(), accuracy: net.accuracy(), diverged: false };
}

// The lesson's words for the end of a run, judged on the losses as the widget shows them (three
// decimals; formatNumber), so a verdict always agrees with the numbers on screen. A net whose
// numbers overflowed has *diverged*: the engine stops it (status 'diverged', loss NaN here) and
// the widget shows "diverged" instead of a loss. Otherwise it has *stalled* when its shown final
// loss is within 0.05 of log 2 ≈ 0.693, the loss of guessing 50/50 for every point, or above it:
// 0.643 or more. A diverged net has not stalled: it has no loss to judge.
export const STALL_MARGIN = 0.05;
export const SAME_MARGIN = 0.05;
const LOG2_SHOWN = 0.693;
const SAME_THOUSANDTHS = Math.round(SAME_MARGIN * 1000);
// A loss in thousandths as shown (0.6431 → 643), so the margins are compared without rounding noise.
function thousandths(loss) { return Math.round(asShown(loss, 3) * 1000); }
export function diverged(loss) { return !Number.isFinite(loss); }
export function stalled(loss) {
  return !diverged(loss) && thousandths(loss) >= Math.round((LOG2_SHOWN - STALL_MARGIN) * 1000);
}

// The predict-then-check outcome for the left net (trick off) against the right (trick on):
// 'diverge' — the left net diverged; 'stall' — it stalled; 'worse' — it trained but ends more
// than 0.05 above the right; 'same' — it ends at most 0.05 above the right, or below it (also
// when the right net diverged).
export function outcome(offLoss, onLoss) {
  if (diverged(offLoss)) return 'diverge';
  if (stalled(offLoss)) return 'stall';
  if (!diverged(onLoss) && thousandths(offLoss) - thousandths(onLoss) > SAME_THOUSANDTHS) return 'worse';
  return 'same';
}
export const OUTCOMES = ['stall', 'worse', 'same', 'diverge'];
// How far the left net's shown loss ends above the right's, as the two are shown (0.579 − 0.000).
export function shownGap(offLoss, onLoss) { return (thousandths(offLoss) - thousandths(onLoss)) / 1000; }

// How the run ended in words, one step finer than outcome(): 'same' is split into 'same' (the two
// shown losses differ by 0.05 or less) and 'better' (the left ends more than 0.05 below the right,
// or the right diverged); 'bothStalled' and 'bothDiverged' when the trick did not rescue the right
// net either.
export function ending(offLoss, onLoss) {
  const result = outcome(offLoss, onLoss);
  if (result === 'diverge') return diverged(onLoss) ? 'bothDiverged' : 'diverge';
  if (result === 'stall') return stalled(onLoss) ? 'bothStalled' : 'stall';
  if (result === 'same' && (diverged(onLoss) || thousandths(onLoss) - thousandths(offLoss) > SAME_THOUSANDTHS)) return 'better';
  return result;
}
