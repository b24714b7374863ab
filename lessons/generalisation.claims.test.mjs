// Claims of "Judged on new data" about the sin-experiment widget as this lesson mounts it (seed 0,
// starting at degree 11, the widget's default noise), checked with the engine call the widget uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ml } from '../tests/node/engine.mjs';

const dist = process.env.DW_ENGINE_DIR ? path.resolve(process.env.DW_ENGINE_DIR, '..') : path.resolve(import.meta.dirname, '../dist');
const { schema } = await import(pathToFileURL(path.join(dist, 'widgets', 'sin-experiment.js')).href);
const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const r = ml.sinExperiment(ALL, schema.noise.default, 0);
const train = Array.from(r.trainMse);
const test_ = Array.from(r.testMse);

test('degree 11 at seed 0: training MSE 0.000 (the smallest of all) and test MSE 4.359 (the worst of all)', () => {
  assert.equal(train[10].toFixed(3), '0.000');
  assert.equal(test_[10].toFixed(3), '4.359');
  assert.equal(Math.min(...train), train[10]);
  assert.equal(Math.max(...test_), test_[10]);
});

test('degree 3 is small on both sets, degree 1 large on both (0.231 and 0.219)', () => {
  assert.ok(train[2] < 0.03 && test_[2] < 0.02, `degree 3: ${train[2]} / ${test_[2]}`);
  assert.deepEqual([train[0], test_[0]].map((v) => v.toFixed(3)), ['0.231', '0.219']);
});

test('check yourself: 0.90 is forty-five times 0.02; validation MSE of 3, 5, 4 against 2, 5, 6 is 5/3', () => {
  assert.ok(Math.abs(0.9 / 0.02 - 45) < 1e-9);
  assert.ok(Math.abs(ml.meanSquaredError([2, 5, 6], [3, 5, 4]) - 5 / 3) < 1e-12);
});

test('predict, then check: with each of the next three sets of dots (New noise: seeds 1, 2, 3) degree 11\'s test MSE is more than 60 times degree 3\'s, its typical miss 8 to 11 times', async () => {
  const fs = await import('node:fs');
  const lesson = fs.readFileSync(new URL('./generalisation.md', import.meta.url), 'utf8');
  assert.match(lesson, /\*\*Predict, then check\.\*\* Those numbers belong to one set of twelve noisy dots\.[\s\S]*?\n::: reveal\nWith each of the next three sets of dots, degree 11's test MSE is still more than 60 times degree 3's\. That is a ratio of squared misses: its typical miss on a test point \(the square root of the MSE\) is 8 to 11 times as large\./);
  for (const seed of [1, 2, 3]) {
    const s = ml.sinExperiment(ALL, schema.noise.default, seed);
    const ratio = s.testMse[10] / s.testMse[2];
    assert.ok(ratio > 60, `seed ${seed}: ${ratio}`);
    // The typical miss (root of the MSE) is 8 to 11 times as large (7.99, 8.57, 10.63: rounded).
    assert.ok(Math.sqrt(ratio) >= 7.5 && Math.sqrt(ratio) < 11.5, `seed ${seed}: typical miss ${Math.sqrt(ratio)} times`);
  }
});

// The early-stopping bullet sends the learner to the playground for the two curves over training
// time; the playground's own claims test pins the climb (test loss 0.74 at step 500, 2.15 at 4 000).
test('early stopping: the lesson describes the turn in the validation curve and links to the playground that draws it', async () => {
  const fs = await import('node:fs');
  const lesson = fs.readFileSync(new URL('./generalisation.md', import.meta.url), 'utf8');
  assert.match(lesson, /the validation error goes down at first, then turns and rises as the model starts to fit the noise\. Stop at the turn/);
  assert.match(lesson, /The \[neural-network playground\]\(neural-network-playground\.html\) draws a training and a test loss curve while a network trains/);
  const playground = fs.readFileSync(new URL('./neural-network-playground.md', import.meta.url), 'utf8');
  assert.match(playground, /watch the test loss \(the dashed red-orange line\) climb while the training loss \(the solid line\) keeps falling: after 4\u202f000 steps the training loss is 0\.23 and the test loss 2\.15, up from 0\.74 at step 500/);
  assert.match(lesson, /\+ Those after epoch 30, where the validation error is lowest ::/);
});

// The first lesson's search for the lowest test MSE broke the rule this lesson states, on purpose:
// the lesson says so right after naming the leakage, with the same 200 points and degree 5.
test('the leakage rule looks back at the first puzzle: choosing the degree by test MSE made the 200 points a validation set', async () => {
  const fs = await import('node:fs');
  const lesson = fs.readFileSync(new URL('./generalisation.md', import.meta.url), 'utf8');
  assert.match(lesson, /models chosen this way disappoint once deployed\. The first lesson's puzzle broke this rule on purpose: you picked the degree by its test MSE to watch the error fall and rise, and in doing so turned the 200 clean points into a validation set, so an honest final score for degree 5 would need fresh points\./);
  const best = test_.indexOf(Math.min(...test_)) + 1;
  assert.equal(best, 5);
  assert.equal(ml.makeNoisySin(200, 0, 0).rows, 200);
});

// "This lesson's activity is the first lesson's challenge … press Choose this degree": the page lists
// the sin experiment among the activities it records, and the sentence that says so is there.
test('the lesson introduces the activity it records: Choose this degree on the sin experiment', async () => {
  const { lessonActivities } = await import('../scripts/lesson-render.mjs');
  const { readFileSync } = await import('node:fs');
  const lesson = { body: readFileSync(path.resolve(import.meta.dirname, 'generalisation.md'), 'utf8') };
  assert.deepEqual(lessonActivities(lesson), ['sin-experiment', 'check-yourself']);
  assert.match(lesson.body, /This lesson's activity is the first lesson's challenge on dots you have not seen before: .* press \*\*Choose this degree\*\*\. Your first pick on this page is the one the lesson records\./);
});
