// Every "Predict, then check" box a lesson embeds has the text that states its outcome inside a
// `::: reveal` block (web/js/reveal.js opens it once the outcome is on screen), so a learner who
// reads down the page meets the question before the answer. Checked two ways:
//   - structure: each embedded widget with a predict box has a reveal block of its own (after it,
//     before the next widget, or tied by predict=ID; a widget with several boxes, one tied to each
//     box), unless NO_REVEAL says why its text gives
//     nothing away; every predict=ID names a box that is on that page;
//   - answers: for each lesson below, the words that settle its box appear in the lesson only
//     inside a reveal block.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const lessonsDir = path.join(root, 'lessons');
const widgetsDir = path.join(root, 'web', 'widgets');

// The ids of a widget's predict boxes, as patterns (an id built from an option, like
// `tree-grow-pure-${options.dataset}`, takes the value the embed gives that option, and matches
// any value when the embed leaves it to the widget's default).
function predictIds(widget, embedOptions = {}) {
  const file = path.join(widgetsDir, `${widget}.js`);
  if (!fs.existsSync(file)) return [];
  const source = fs.readFileSync(file, 'utf8');
  const escape = (text) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return [...source.matchAll(/createPrediction\([^{]*\{[\s\S]*?\bid:\s*(['`])(.+?)\1/g)].map((m) => {
    const pattern = m[2].split(/(\$\{[^}]*\})/).map((part, i) => {
      if (i % 2 === 0) return escape(part);
      const option = /^\$\{\s*(?:options|opts)\.([a-zA-Z]+)\s*\}$/.exec(part);
      return option && embedOptions[option[1]] !== undefined ? escape(embedOptions[option[1]]) : '[a-z0-9-]+';
    }).join('');
    return new RegExp(`^${pattern}$`);
  });
}

// Outcomes that are not a box but may open a reveal (a task such as "find the best degree"): the
// widget announces them as 'predict:ID' (web/js/reveal.js).
function taskIds(widget) {
  const file = path.join(widgetsDir, `${widget}.js`);
  if (!fs.existsSync(file)) return [];
  return [...fs.readFileSync(file, 'utf8').matchAll(/'predict:([a-z0-9-]+)'/g)].map((m) => m[1]);
}

const lessons = fs.readdirSync(lessonsDir).filter((f) => f.endsWith('.md')).map((f) => ({ slug: f.slice(0, -3), text: fs.readFileSync(path.join(lessonsDir, f), 'utf8') }));

// A lesson's widget embeds and reveal blocks in page order; check-yourself blocks are skipped
// (their closing ":::" is their own).
function readLesson(text) {
  const items = [];
  let inCheck = false;
  let open = null;
  for (const line of text.split('\n')) {
    if (/^::: *check-yourself *$/.test(line)) { inCheck = true; continue; }
    if (inCheck) { if (/^::: *$/.test(line)) inCheck = false; continue; }
    const widget = /^::: *widget +([a-z0-9-]+)(.*)$/.exec(line);
    if (widget) {
      const embedOptions = Object.fromEntries([...widget[2].matchAll(/([a-zA-Z]+)=(\S+)/g)].map((m) => [m[1], m[2]]));
      items.push({ kind: 'widget', name: widget[1], ids: predictIds(widget[1], embedOptions), tasks: taskIds(widget[1]) });
      continue;
    }
    const reveal = /^::: *reveal(?:\s+predict=(\S+))?\s*$/.exec(line);
    if (reveal) { open = { kind: 'reveal', predict: reveal[1] || null, lines: [] }; items.push(open); continue; }
    if (/^::: *$/.test(line)) { open = null; continue; }
    if (open) open.lines.push(line);
  }
  return items;
}

// Widgets whose lesson text states nothing that settles their box, and why: by lesson/widget, or
// lesson/widget#n for the n-th embed of that widget in the lesson.
const NO_REVEAL = {
  'empirical-risk/empirical-risk': 'the risk at b = 50 (2 500) is left for the learner to work out',
  'how-models-learn/gd-walkthrough': 'the first step at η = 0.4 (ŷ = 2.2) is left for the learner to work out',
  'spam-filter/spam-filter': 'the sign of the retrained "meeting" weight is stated only in a check-yourself explanation',
  'likelihood-and-kl/likelihood-fit#2': 'the coin panel has no predict box (buildGaussian makes the only one)',
  'likelihood-and-kl/likelihood-fit#3': 'the KL panel has no predict box (buildGaussian makes the only one)',
  'regression-models/regression-race#2': 'the importance view hides the race and its box; the race embed above has the reveal',
};

test('every embedded widget with a predict box has a reveal block, or a reason it needs none', () => {
  const missing = [];
  let boxes = 0;
  for (const { slug, text } of lessons) {
    const items = readLesson(text);
    const embeds = new Map();
    items.forEach((item, i) => {
      if (item.kind !== 'widget') return;
      const n = (embeds.get(item.name) || 0) + 1;
      embeds.set(item.name, n);
      if (!item.ids.length) return;
      boxes += 1;
      const nextWidget = items.findIndex((other, j) => j > i && other.kind === 'widget');
      const after = items.slice(i + 1, nextWidget === -1 ? undefined : nextWidget);
      // One box: a plain reveal after the widget, or one tied to the box. Several boxes: each
      // needs a reveal tied to it (a plain one would open on whichever box settles first).
      const tied = (id) => items.some((r) => r.kind === 'reveal' && r.predict && id.test(r.predict));
      const own = item.ids.length > 1 ? item.ids.every(tied) : after.some((r) => r.kind === 'reveal' && !r.predict) || tied(item.ids[0]);
      if (!own && !NO_REVEAL[`${slug}/${item.name}`] && !NO_REVEAL[`${slug}/${item.name}#${n}`]) missing.push(`${slug}: ${item.name}#${n}`);
    });
  }
  assert.ok(boxes >= 60, `found ${boxes} embedded predict widgets`);
  assert.deepEqual(missing, [], 'add a ::: reveal block after the widget for the text that states its outcome, or say in NO_REVEAL why none is needed');
});

test('every reveal block belongs to a widget on its page, and predict=ID names one of its boxes', () => {
  const wrong = [];
  for (const { slug, text } of lessons) {
    const items = readLesson(text);
    const ids = items.filter((w) => w.kind === 'widget').flatMap((w) => w.ids);
    const tasks = items.filter((w) => w.kind === 'widget').flatMap((w) => w.tasks);
    items.forEach((item, i) => {
      if (item.kind !== 'reveal') return;
      if (item.predict) { if (!ids.some((id) => id.test(item.predict)) && !tasks.includes(item.predict)) wrong.push(`${slug}: predict=${item.predict} is no box or task on the page`); }
      else if (!items.slice(0, i).some((w) => w.kind === 'widget')) wrong.push(`${slug}: a reveal block before any widget`);
      if (!item.lines.join(' ').trim()) wrong.push(`${slug}: an empty reveal block`);
    });
  }
  assert.deepEqual(wrong, []);
});

// Per lesson, words that settle its box. Each must appear in the lesson, and only inside reveals.
const ANSWERS = {
  'attention-toy': ['17% on each token'],
  'bias-variance': ['the cubic on six noisy points spreads the most'],
  'classification-metrics': ['flags 16 negatives', '| 0.1 | 40 | 18 | 0 |'],
  'convolution-filters': ['three, along the right slope of the roof'],
  'data-features-labels': ['*lowers* the validation score'],
  'decision-trees': ['the test accuracy ends at 89.5%', 'deeper trees never beat depth 2', 'the tree ends at 87.0%'],
  'draw-the-boundary': ['puts 78 on the correct side'],
  'empirical-risk': ['$b = 100$, with an empirical risk of exactly 0'],
  ensembles: ['the crowd ends at 90.3%'],
  'fit-the-line': ['drops quickly at first and then flattens'],
  'frontier-bias-variance': ['smallest at $k = 4$'],
  'frontier-boosting': ['the training error is 0 from round 15 on', '| 40 | 0.381 | 0.168 | 0.000 |'],
  'frontier-generalisation': ['The bound is above 1 for every $n$ shown'],
  'frontier-kernels': ['all 120 points are support vectors', '| RBF, $\\gamma = 0.05$ | 68.3% | 120 |'],
  'frontier-kmeans': ['7 of the 20 random starts now stop above the best inertia'],
  generalisation: ['test MSE is still more than 60 times degree 3'],
  'gradient-descent': ['every optimiser rolls to the saddle point and stalls there'],
  'hyperparameter-search': ['their best is 0.842', 'At this seed it is random search'],
  kmeans: ['the inertia ends at 100'],
  knn: ['11.5% of the cells change class'],
  'learning-curves': ['0.133 on the validation points'],
  'learning-loop': ['so the error grows lap after lap instead of shrinking', 'grows lap after lap', 'about 2% of where it started', 'still about a fifth of where it started'],
  'loss-functions': ['\\approx 4.61'],
  'maths-primer': ['the product is only about $-0.0049$'],
  'ml-foundations': ['its test MSE is 4.359'],
  'neural-network-playground': ['the network never does better than 75%'],
  'optimizer-race': ['The widget counts how many left the ridge: none do'],
  pca: ['keeping 50.3% and 49.6%'],
  'pipeline-leakage': ['leaky 0.820, honest 0.500', 'reports a convincing score on pure noise'],
  'predicting-a-tip': ['its intercept lands near $-0.15$'],
  'regression-metrics': ['MAE grew by a factor of 1.6 from the start and RMSE by a factor of 1.8'],
  regularisation: ['four of the nine drop out'],
  'roc-curves': ['the Hard scores still reach 0.753'],
  'scaling-and-cv': ['from 83.0% at depth 3 to 84.0%'],
  svm: ['On these points nothing changes'],
  'tsne-vs-pca': ['it *rises*'],
  'activation-functions': ['it falls to about $4 \\times 10^{-22}$'],
  'anomaly-detection': ['The isolation forest finds 4 of them'],
  'central-limit': ['(0.321 and 0.156', 'halves the spread'],
  'clustering-beyond-kmeans': ['it finds ten small fragments'],
  'comparing-models': ['in 8 of 200 (4%)'],
  'deep-q-learning': ['average a return of $0.15$ in this setup'],
  'digits-cnn': ['first reaches 95% at step 75'],
  'distribution-shift': ['it hardly moves'],
  'explore-or-exploit': ['only 57%'],
  'fine-tuning': ['head only 87.8%', 'Head only is the best start at 2 and 5 images per digit'],
  gan: ['the fakes cover at most one of the eight modes'],
  'likelihood-and-kl': ['drops from 2.160 to 1.871'],
  'model-lifecycle': ['no input alarm rings in all 60 days'],
  'q-learning': ['93 of the 100'],
  quantisation: ['against 43.3% for symmetric per tensor'],
  'recurrent-networks': ['It still falls below 0.01'],
  'regression-models': ['ends up with the *highest* test RMSE'],
  'retrieval-augmented': ['It moves up, from 20th to 5th'],
  sentiment: ['It stays negative'],
  svd: ['The engine finds rank 1'],
  'text-to-numbers': ['**bad** is sixth, at 0.75'],
  'time-series': ['0.93', 'It barely moves'],
  'train-vs-test': ['falls away', '70% on the hidden half', '68% of the hidden ones'],
  'training-tricks': ['The left net stalls'],
  'vectors-and-matrices': ['so the area stays 1'],
};

test('the words that settle a lesson\'s predict box appear only inside its reveal blocks', () => {
  const leaks = [];
  for (const [slug, answers] of Object.entries(ANSWERS)) {
    const lesson = lessons.find((l) => l.slug === slug);
    assert.ok(lesson, `no lesson ${slug}`);
    const items = readLesson(lesson.text);
    const inside = items.filter((r) => r.kind === 'reveal').map((r) => r.lines.join('\n')).join('\n');
    const outside = lesson.text.split('\n').filter((line) => !inside.split('\n').includes(line)).join('\n');
    for (const words of answers) {
      assert.ok(lesson.text.includes(words), `${slug}: "${words}" is not in the lesson any more`);
      if (!inside.includes(words) || outside.includes(words)) leaks.push(`${slug}: "${words}"`);
    }
  }
  assert.deepEqual(leaks, []);
});
