// The playground's settings table: every setting is declared once here, and the same table
// drives the widget's option schema (and through it the page address and Share links, see
// web/lib/widget.js) and clamping. Values that are
// out of range, unreadable or hostile are clamped or replaced by the default, and each change
// is explained in a note the widget shows in words (messages.js, 'nn-playground.option.*', in
// the widget's language through its `t`). Nothing read from a URL is used as HTML.
import { resolveOptions, seedOption } from '../../lib/schema.js';
import { addMessages, english } from '../../lib/messages.js';
import { messages } from './messages.js';

// The notes' English words, for a caller outside the widget (the widget passes its own `t`).
addMessages('en', messages, { keep: true });

// The menus' values; their names are in messages.js ('nn-playground.dataset.circle', …).
export const DATASETS = ['circle', 'xor', 'gauss', 'spiral', 'moons', 'blobs3', 'plane', 'multigauss', 'custom'];
export const REGRESSION_DATASETS = new Set(['plane', 'multigauss']);

// Feature keys in the URL → the engine's featureTransform names (the labels shown are in
// messages.js: 'nn-playground.feature.x1', …).
export const FEATURES = [
  { key: 'x1', engine: 'x1' },
  { key: 'x2', engine: 'x2' },
  { key: 'x1sq', engine: 'x1^2' },
  { key: 'x2sq', engine: 'x2^2' },
  { key: 'x1x2', engine: 'x1x2' },
  { key: 'sinx1', engine: 'sin x1' },
  { key: 'sinx2', engine: 'sin x2' },
];

export const ACTIVATIONS = ['tanh', 'relu', 'leaky-relu', 'sigmoid', 'linear', 'gelu'];
export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adagrad', 'adam'];
// TensorFlow Playground's log-spaced learning rates, extended to 1e-5 … 10.
// Learning-rate schedules and initialisations (the engine's LearningRateSchedule and initVariance).
export const SCHEDULES = ['constant', 'step', 'exponential', 'cosine'];
export const INITS = ['auto', 'xavier', 'he', 'small', 'large'];
export const CLIP_NORMS = [0, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const LEARNING_RATES = [0.00001, 0.00003, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const REG_RATES = [0, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
// Training speed: steps per animation frame, from one (to watch the boundary form step by step)
// to 'max', as many as fit the frame's time budget.
export const SPEEDS = ['1', '2', '5', '10', '25', '100', '500', 'max'];

// The steps a frame runs: the chosen speed, never more than `fitting` (the steps that fit the
// frame's time budget, which the widget measures as it plays).
export function stepsThisFrame(speed, fitting) {
  const fit = Math.max(1, Math.floor(fitting));
  return speed === 'max' ? fit : Math.min(Number(speed) || 1, fit);
}

export const MAX_LAYERS = 6;
export const MAX_UNITS = 16;
export const MAX_POINTS = 1000;
export const DOMAIN = 6; // every data set lives on the square [−6, 6]²

// The table. `type` as in lib/schema.js; list-valued settings are strings parsed below.
export const SETTINGS = {
  dataset: { type: 'enum', values: DATASETS, default: 'circle', description: 'Data set.' },
  points: { type: 'int', min: 20, max: MAX_POINTS, default: 400, description: 'Number of points generated.' },
  noise: { type: 'int', min: 0, max: 50, default: 5, description: 'Noise in percent of the data set\'s size.' },
  trainPct: { type: 'int', min: 10, max: 90, default: 50, description: 'Share of the points used for training, in percent (the rest is test data).' },
  seed: seedOption(1, 'Seed for the data, the split and the initial weights.'),
  layers: { type: 'string', maxLength: 60, default: '4,4', description: 'Hidden-layer sizes, comma separated: 0–6 layers of 1–16 neurons ("" for none).' },
  acts: { type: 'string', maxLength: 120, default: 'tanh', description: 'Activation per hidden layer, comma separated (tanh, relu, leaky-relu, sigmoid, linear, gelu); the last one repeats.' },
  features: { type: 'string', maxLength: 80, default: 'x1,x2', description: 'Input features, comma separated: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2.' },
  lr: { type: 'number', min: 0.00001, max: 10, default: 0.03, description: 'Learning rate.' },
  optimizer: { type: 'enum', values: OPTIMIZERS, default: 'sgd', description: 'Optimiser.' },
  batch: { type: 'int', min: 1, max: 100, default: 10, description: 'Batch size (points per step).' },
  reg: { type: 'enum', values: ['none', 'l1', 'l2'], default: 'none', description: 'Regularisation.' },
  regRate: { type: 'number', min: 0, max: 10, default: 0, description: 'Regularisation rate.' },
  dropout: { type: 'number', min: 0, max: 0.9, default: 0, description: 'Dropout probability for hidden neurons.' },
  schedule: { type: 'enum', values: SCHEDULES, default: 'constant', description: 'Learning-rate schedule over the steps (constant, step, exponential, cosine).' },
  period: { type: 'int', min: 1, max: 100000, default: 500, description: 'Schedule period in steps (step and exponential: one factor per period; cosine: its length).' },
  factor: { type: 'number', min: 0.01, max: 1, default: 0.5, description: 'Schedule decay factor per period (step and exponential).' },
  warmup: { type: 'int', min: 0, max: 100000, default: 0, description: 'Warm-up steps: the rate climbs linearly to the learning rate first.' },
  clip: { type: 'number', min: 0, max: 100, default: 0, description: 'Clip each step\'s gradient to this global norm (0: no clipping).' },
  init: { type: 'enum', values: INITS, default: 'auto', description: 'Initial weight scale: auto, xavier, he, small (spread 0.01) or large (spread 1).' },
  batchNorm: { type: 'boolean', default: false, description: 'Batch normalisation after every hidden layer\'s weighted sum.' },
  earlyStop: { type: 'boolean', default: false, description: 'Hold out a validation set and stop when its loss stops improving.' },
  patience: { type: 'int', min: 5, max: 1000, default: 50, description: 'Epochs without a better validation loss before early stopping.' },
  targetLoss: { type: 'number', min: 0, max: 10, default: 0, description: 'Stop when the training loss reaches this value (0: never).' },
  showTest: { type: 'boolean', default: false, description: 'Show the test data (hollow marks).' },
  discretize: { type: 'boolean', default: false, description: 'Colour the output by predicted class only.' },
  speed: { type: 'enum', values: SPEEDS, default: 'max', description: 'Training steps per frame while playing: 1, 2, 5, 10, 25, 100, 500 or max (as many as fit the frame).' },
  pts: { type: 'string', maxLength: 24000, default: '', description: 'Your own points (encoded), used when dataset=custom.' },
};

function clip(text, n = 24) {
  const s = String(text);
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

// Resolves raw options (from mount options or a hash) into clean settings plus notes.
export function resolveSettings(raw, t = english) {
  const { values, notes } = resolveOptions(SETTINGS, raw, { ignoreUnknown: true, t });
  const layers = parseLayers(values.layers, notes, t);
  values.layers = layers.join(',');
  // One name when every layer shares it (short links); the last name repeats for new layers.
  const acts = parseActivations(values.acts, layers.length, notes, t);
  values.acts = acts.every((a) => a === acts[0]) ? acts[0] : acts.join(',');
  values.features = parseFeatures(values.features, notes, t).join(',');
  values.lr = snapPositive(values.lr);
  if (!CLIP_NORMS.includes(values.clip)) {
    // The menu offers a fixed list; a value from an address snaps to the nearest (on a log scale).
    const near = CLIP_NORMS.slice(1).reduce((b, c) => (Math.abs(Math.log(c / values.clip)) < Math.abs(Math.log(b / values.clip)) ? c : b));
    notes.push(t('nn-playground.option.clip', { value: values.clip, near }));
    values.clip = near;
  }
  if (values.dataset === 'custom' && !values.pts) {
    notes.push(t('nn-playground.option.customNeedsPoints'));
    values.dataset = 'circle';
  }
  return { values, notes };
}

// The settings a page starts the playground with: the table's defaults with the page's own
// options (a lesson's or an embedder's, never the address) laid over them. Default settings
// puts these back.
export function defaultSettings(pageOptions = {}) {
  return resolveSettings(pageOptions).values;
}

function snapPositive(v) { return Number(Number(v).toPrecision(6)); }

export function parseLayers(text, notes = [], t = english) {
  const parts = String(text).split(',').map((s) => s.trim()).filter((s) => s !== '');
  const out = [];
  for (const p of parts) {
    const n = Number(p);
    if (!Number.isFinite(n)) { notes.push(t('nn-playground.option.layerNotNumber', { value: clip(p) })); continue; }
    let v = Math.round(n);
    if (v < 1) { notes.push(t('nn-playground.option.layerBelow', { value: v })); v = 1; }
    if (v > MAX_UNITS) { notes.push(t('nn-playground.option.layerAbove', { value: v, max: MAX_UNITS })); v = MAX_UNITS; }
    out.push(v);
  }
  if (out.length > MAX_LAYERS) { notes.push(t('nn-playground.option.tooManyLayers', { count: out.length, max: MAX_LAYERS })); out.length = MAX_LAYERS; }
  return out;
}

export function parseActivations(text, count, notes = [], t = english) {
  const parts = String(text).split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const out = [];
  for (const p of parts.slice(0, MAX_LAYERS)) {
    if (ACTIVATIONS.includes(p)) out.push(p);
    else { notes.push(t('nn-playground.option.activation', { value: clip(p) })); out.push('tanh'); }
  }
  if (!out.length) out.push('tanh');
  while (out.length < count) out.push(out[out.length - 1]);
  return out.slice(0, Math.max(count, 1));
}

export function parseFeatures(text, notes = [], t = english) {
  const keys = FEATURES.map((f) => f.key);
  const parts = String(text).split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const out = [];
  for (const p of parts) {
    if (!keys.includes(p)) { notes.push(t('nn-playground.option.feature', { value: clip(p) })); continue; }
    if (!out.includes(p)) out.push(p);
  }
  if (!out.length) { notes.push(t('nn-playground.option.noFeature')); out.push('x1', 'x2'); }
  return keys.filter((k) => out.includes(k)); // canonical order
}

export function isRegression(settings) {
  return REGRESSION_DATASETS.has(settings.dataset) || (settings.dataset === 'custom' && settings.ptsKind === 'regression');
}
