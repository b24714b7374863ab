// Claims of lessons/two-jobs.md. The spot-the-job widget trains no model, so its claims are about
// its answer key (PROMPTS in web/widgets/spot-the-job.js, read from the built site) and about
// the order of the level's lessons the text points to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const lesson = fs.readFileSync(path.join(here, 'two-jobs.md'), 'utf8');
// The widget module imports the engine loader, which only resolves in the built site (dist/).
const { PROMPTS, schema, dealDeck } = await import(pathToFileURL(path.resolve(here, '../dist/widgets/spot-the-job.js')).href);
const { passMark } = await import(pathToFileURL(path.resolve(here, '../dist/lib/quiz.js')).href);
const jobOf = (words) => {
  const hits = PROMPTS.filter((p) => words.test(p.text));
  assert.equal(hits.length, 1, `one prompt matches ${words}`);
  return hits[0].job;
};
const intermediate = fs.readdirSync(here).filter((f) => f.endsWith('.md'))
  .map((f) => ({ slug: f.slice(0, -3), text: fs.readFileSync(path.join(here, f), 'utf8') }))
  .filter((l) => /^level: intermediate$/m.test(l.text))
  .map((l) => ({ slug: l.slug, order: Number(l.text.match(/^order: (\d+)$/m)[1]) }))
  .sort((a, b) => a.order - b.order)
  .map((l) => l.slug);

test('the game deals every prompt once with the lesson\'s seed', () => {
  assert.match(lesson, /::: widget spot-the-job seed=1/);
  assert.equal(schema.rounds.default, PROMPTS.length);
});

test('labels written with digits are classification; counts are regression', () => {
  assert.equal(jobOf(/postcode/i), 'classification');
  assert.equal(jobOf(/handwritten scribble/i), 'classification');
  assert.equal(jobOf(/goals/i), 'regression');
  assert.match(lesson, /postcode/);
  assert.match(lesson, /goals in a match/);
});

test('the examples the lesson names are sorted the same way by the game', () => {
  const section = lesson.slice(lesson.indexOf('## Measured or named?'), lesson.indexOf('A model can be asked for either kind'));
  assert.match(section, /how many minutes a delivery will take, next month's electricity use in kilowatt-hours, a child's height at 18/);
  assert.equal(jobOf(/minutes a food delivery/i), 'regression');
  assert.equal(jobOf(/electricity use/i), 'regression');
  assert.equal(jobOf(/How tall a child will be at age 18/i), 'regression');
  assert.match(section, /fraudulent payment or genuine, cancels the subscription or stays, one of three iris species/);
  assert.equal(jobOf(/fraudulent/i), 'classification');
  assert.equal(jobOf(/cancel their subscription/i), 'classification');
  assert.equal(jobOf(/three iris species/i), 'classification');
  // The definitions use the game's own prompts, not the source text's price, temperature, spam,
  // tumour and digit examples, and the table says what is predicted in the same terms.
  assert.doesNotMatch(section, /price|temperature|spam|malignant|digit/);
  assert.match(lesson, /\| what is predicted \| an amount: minutes, kilowatt-hours, centimetres \| a name from a fixed list: a species, fraud or genuine \|/);
});

test('the tip prompt points at the worked example that ends the level; the next two lessons fit a line, then draw a boundary', () => {
  assert.equal(intermediate[0], 'two-jobs');
  assert.equal(intermediate[1], 'fit-the-line');
  assert.equal(intermediate[2], 'draw-the-boundary');
  assert.equal(intermediate.at(-1), 'predicting-a-tip');
  assert.match(PROMPTS.find((p) => /tip/.test(p.text)).why, /worked example at the end of this level/);
});

test('check yourself: 19, 22 and 20 °C against 20 °C each give MSE 5/3; counts are regression, line numbers classification', async () => {
  const { ml } = await import('../tests/node/engine.mjs');
  assert.ok(Math.abs(ml.meanSquaredError([20, 20, 20], [19, 22, 20]) - 5 / 3) < 1e-12);
  assert.match(lesson, /= mse\.value y=20,20,20 yhat=19,22,20 ± 0\.01/);
  // The game sorts the same way: a count is regression, digits that name things are classification.
  assert.equal(jobOf(/postcode/i), 'classification');
  assert.ok(PROMPTS.some((p) => /how many/i.test(p.text) && p.job === 'regression'));
});

test('the game counts as done only after a deck with at least eleven of the fourteen right, which one key pressed throughout cannot reach', () => {
  // web/widgets/spot-the-job.js: every finished deck reports its score (dw:score); dw:complete only when
  // the deck's right answers reach passMark(deck length), from web/lib/quiz.js like the other sorting games.
  assert.match(lesson, /The game counts as done for this lesson once a deck of fourteen ends with at least eleven sorted right; with fewer, New game deals the same prompts in another order as often as you like\.\n\n::: widget spot-the-job seed=1\n/);
  assert.doesNotMatch(lesson, /::: widget spot-the-job[^\n]*rounds=/, 'the lesson\'s game deals the default deck');
  assert.equal(schema.rounds.default, 14);
  assert.equal(PROMPTS.length, 14);
  assert.equal(passMark(14), 11);
  // The deck holds seven prompts of each job, so always R or always C scores exactly 7 of 14.
  for (const job of ['regression', 'classification']) assert.equal(PROMPTS.filter((p) => p.job === job).length, 7);
});

test('an embed\'s shorter deck (rounds 6–13) keeps the jobs even, so one key stays below the pass mark on every seed; the full deck is dealt as before', async () => {
  const { seededShuffle } = await import(pathToFileURL(path.resolve(here, '../dist/lib/rng.js')).href);
  for (let seed = 1; seed <= 300; seed++) {
    assert.deepEqual(dealDeck(PROMPTS, seed, 14).map((p) => p.id), seededShuffle(PROMPTS, seed).map((p) => p.id));
    for (let rounds = schema.rounds.min; rounds < 14; rounds++) {
      const deck = dealDeck(PROMPTS, seed, rounds);
      assert.equal(deck.length, rounds);
      const most = Math.max(...['regression', 'classification'].map((job) => deck.filter((p) => p.job === job).length));
      assert.equal(most, Math.ceil(rounds / 2));
      assert.ok(most < passMark(rounds), `seed ${seed}, ${rounds} prompts: one key scores ${most}`);
    }
  }
});

// The summary table names precision and recall, which no earlier lesson defines: the lesson says
// what each one is, right after the table, and points to the Level 3 lesson that works them out.
test('precision and recall: glossed where the table first names them, with a link to the Level 3 lesson that works them out', () => {
  const table = lesson.indexOf('| typical score | MSE, $R^2$ | accuracy, precision, recall |');
  assert.ok(table > 0, 'the table names them');
  const gloss = lesson.indexOf('**Precision** is the share of the emails the model calls spam that really are spam; **recall** is the share of the real spam that the model catches.');
  assert.ok(gloss > table, 'glossed after the table');
  assert.doesNotMatch(lesson.slice(0, table), /precision|recall/i, 'not used before the table');
  const link = lesson.slice(gloss).match(/Level 3 works both out from a table of right and wrong calls in \[([^\]]+)\]\(([\w-]+)\.html\)/);
  assert.ok(link, 'a forward link');
  const target = fs.readFileSync(path.join(here, `${link[2]}.md`), 'utf8');
  assert.match(target, new RegExp(`^title: "?${link[1]}"?$`, 'm'));
  assert.match(target, /^level: advanced$/m, 'Level 3 is the advanced level');
  const course = JSON.parse(fs.readFileSync(path.join(here, 'course.json'), 'utf8'));
  assert.match(JSON.stringify(course), /"id":\s*"advanced",\s*"title":\s*"Level 3/);
});
