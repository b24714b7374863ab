// Claims of the history lesson, checked against the content the two widgets show
// (web/lib/ai-history.js: the timeline's events and eras, the sorting game's sets) and,
// for the McCulloch–Pitts unit, against the engine's dot product.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations.js';
import { DEAL_ORDER, eraOf, ERAS, EVENTS, TECHNIQUES } from '../web/lib/ai-history.js';
import { passMark } from '../web/lib/quiz.js';
import { schema as hierarchySchema } from '../web/widgets/ai-hierarchy.js';

const event = (year) => EVENTS.find((e) => e.year === year);

test('the McCulloch–Pitts unit: fire when the dot product w·x reaches the threshold t', () => {
  // An AND unit (w = (1, 1), t = 2) and an inhibited unit (w = (1, −1), t = 1).
  const fire = (w, x, t) => (ml.vectorDot(w, x) >= t ? 1 : 0);
  assert.deepEqual([[0, 0], [0, 1], [1, 0], [1, 1]].map((x) => fire([1, 1], x, 2)), [0, 0, 0, 1]);
  assert.deepEqual([[0, 0], [0, 1], [1, 0], [1, 1]].map((x) => fire([1, -1], x, 1)), [0, 0, 1, 0]);
  // "Fifteen years later" the perceptron: 1943 + 15.
  assert.equal(event(1943).year + 15, event(1958).year);
  assert.match(event(1958).title, /perceptron/);
});

test('the timeline: the winters, and what followed each', () => {
  assert.equal(EVENTS[0].when, '1943');
  const winters = ERAS.filter((e) => e.kind === 'winter');
  assert.equal(winters.length, 2);
  const next = winters.map((w) => ERAS.find((e) => e.from === w.to));
  assert.deepEqual(next.map((e) => e.name), ['Expert systems', 'Statistical ML']);
  // The prose tells the same story: rules ended the first winter, learning from data the second.
  const prose = readFileSync(new URL('./history-of-ai.md', import.meta.url), 'utf8');
  assert.match(prose, /The first winter ended with expert systems, rules typed in by specialists; what ended the second was learning from data\./);
  assert.doesNotMatch(prose, /ended the winters/);
  assert.match(event(1969).detail, /XOR/);
  assert.match(event(1969).detail, /Lighthill report/);
  assert.equal(eraOf(1987), 'winter');
  assert.match(event(2012).detail, /about 15%, against about 26%/);
  assert.equal(eraOf(2012), 'deep');
  assert.equal(event(2017).short, 'Transformer');
});

test('things to try: Deep Blue searched, AlphaGo learned; the "Try the idea" links', () => {
  assert.match(event(1997).detail, /search and hand-crafted knowledge rather than of learning/);
  assert.match(event(2016).detail, /learned from human games and from self-play/);
  assert.ok(event(1958).lessons.includes('draw-the-boundary'));
  assert.ok(event(1986).lessons.includes('neural-network-playground'));
  assert.ok(event(2012).lessons.includes('convolution-filters'));
  assert.ok(event(2017).lessons.includes('attention-toy'));
  assert.deepEqual(event(2014).lessons, ['gan']);
  assert.match(event(2014).detail, /Ian Goodfellow and colleagues/);
  assert.equal(event(2014).short, 'GANs');
});

test('AI ⊃ ML ⊃ DL: the sorting game agrees with the lesson', () => {
  const region = Object.fromEntries(TECHNIQUES.map((t) => [t.id, t.region]));
  for (const id of ['linreg', 'tree', 'kmeans', 'qtable']) assert.equal(region[id], 'ml', id);
  assert.equal(region.perceptron, 'ml', 'one perceptron is a neural network but not deep');
  for (const id of ['cnn', 'llm', 'dqn']) assert.equal(region[id], 'dl', id);
  for (const id of ['expert', 'minimax', 'astar']) assert.equal(region[id], 'ai', id);
  assert.deepEqual([...DEAL_ORDER].sort(), TECHNIQUES.map((t) => t.id).sort());
  assert.equal(TECHNIQUES.length, 11);
});

test('one unit by hand: w = (1, 1, −2), t = 1, and one perceptron correction', () => {
  const fire = (w, x, t) => (ml.vectorDot(w, x) >= t ? 1 : 0);
  let w = [1, 1, -2];
  assert.equal(ml.vectorDot(w, [1, 0, 0]), 1);
  assert.equal(fire(w, [1, 0, 0], 1), 1);
  assert.equal(ml.vectorDot(w, [1, 1, 1]), 0);
  assert.equal(fire(w, [1, 1, 1], 1), 0, 'the inhibitor wins');
  // Fires when the first or second input is on, unless the third is.
  for (const x of [[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 0, 1], [1, 0, 1], [0, 1, 1], [1, 1, 1]]) {
    assert.equal(fire(w, x, 1), (x[0] || x[1]) && !x[2] ? 1 : 0, x.join(''));
  }
  // Silent but should fire: add the input (η = 1, threshold fixed).
  const x = [1, 1, 1];
  w = w.map((v, i) => v + (1 - fire(w, x, 1)) * x[i]);
  assert.deepEqual(w, [2, 2, -1]);
  assert.equal(ml.vectorDot(w, x), 3);
  assert.equal(fire(w, x, 1), 1);
});

test('check yourself: the weighted sum 2 reaches t = 2; XOR defeats one unit; the winters', () => {
  const sum = computations.dot(ml, { u: [2, -1, 1], v: [1, 1, 1] }).value;
  assert.equal(sum, 2);
  assert.ok(sum >= 2, 'fires');
  assert.equal(ml.vectorDot([2, -1, 1], [1, 1, 0]), 1, 'third input off: below t');
  // No single threshold unit on a grid of weights and thresholds computes XOR.
  const grid = Array.from({ length: 41 }, (_, i) => -5 + i / 4);
  const inputs = [[0, 0], [0, 1], [1, 0], [1, 1]];
  let found = false;
  for (const w1 of grid) for (const w2 of grid) for (const t of grid) {
    if (inputs.every(([a, b]) => ((ml.vectorDot([w1, w2], [a, b]) >= t ? 1 : 0) === (a ^ b)))) found = true;
  }
  assert.equal(found, false);
  // The second winter ended in the 1990s, long before the Transformer.
  const second = ERAS.filter((e) => e.kind === 'winter')[1];
  assert.ok(second.to >= 1990 && second.to < 2000 && second.to < event(2017).year);
});

test('the 2021 DALL-E event: text to image, a Transformer, in the deep-learning era between GPT-3 and ChatGPT', () => {
  const dalle = event(2021);
  assert.ok(dalle, 'the timeline has a 2021 event');
  assert.equal(dalle.short, 'DALL-E');
  assert.match(dalle.detail, /Transformer with 12 billion parameters/);
  assert.match(dalle.detail, /caption/);
  assert.deepEqual(dalle.lessons, ['attention-toy', 'gan']);
  assert.equal(eraOf(dalle.year), 'deep');
  const years = EVENTS.map((e) => e.year);
  assert.deepEqual(years, [...years].sort((a, b) => a - b), 'events in order of year');
  assert.equal(years.indexOf(2021), years.indexOf(2020) + 1);
  assert.equal(years.indexOf(2022), years.indexOf(2021) + 1);
  assert.equal(EVENTS.length, 20);
});

test('the lesson names DALL-E and places computer vision inside deep learning', () => {
  const lesson = readFileSync(new URL('./history-of-ai.md', import.meta.url), 'utf8');
  assert.match(lesson, /in 2021 to DALL-E, which draws an image from a written description/);
  const nesting = lesson.slice(lesson.indexOf('## AI ⊃ ML ⊃ DL'));
  assert.match(nesting, /sit inside deep learning\. So does today's \*\*computer vision\*\*/);
  // The sorting game agrees: the photo CNN is deep learning.
  assert.equal(TECHNIQUES.find((t) => t.id === 'cnn').region, 'dl');
});

test('the sorting game: eleven techniques, nine or more right at the first answer completes it', () => {
  // web/widgets/ai-hierarchy.js: dw:complete only when a round's first answers reach passMark(items),
  // from the first game or a practice round; the recorded score is the first game's.
  const prose = readFileSync(new URL('./history-of-ai.md', import.meta.url), 'utf8');
  assert.match(prose, /Sort the eleven techniques below into the innermost set each belongs to\. Only a technique's first answer scores, since a wrong answer reveals the right set\. Nine or more right at the first answer completes the game; with fewer, Start again opens a practice round, and nine or more there completes it too while the first game's score stays the one recorded\.\n\n::: widget ai-hierarchy\n/);
  assert.equal(hierarchySchema.items.default, 11);
  assert.equal(TECHNIQUES.length, 11);
  assert.equal(passMark(11), 9);
  // Putting every technique in the same set first scores at most the largest set's share.
  for (const r of ['ai', 'ml', 'dl']) assert.ok(TECHNIQUES.filter((t) => t.region === r).length < passMark(11));
});

test('check yourself: w = (1, −1), t = 1, x = (1, 1) should fire: the sum 0 is silent, the correction adds x, w = (2, 0), the sum 2 fires', () => {
  const fire = (w, x, t) => (ml.vectorDot(w, x) >= t ? 1 : 0);
  const x = [1, 1];
  let w = [1, -1];
  assert.equal(ml.vectorDot(w, x), 0);
  assert.equal(fire(w, x, 1), 0);
  w = w.map((v, i) => v + (1 - fire(w, x, 1)) * x[i]);
  assert.deepEqual(w, [2, 0]);
  assert.equal(ml.vectorDot(w, x), 2);
  assert.equal(fire(w, x, 1), 1);
  // The wrong choice: subtracting gives (0, −2) and the sum −2, still silent.
  assert.equal(ml.vectorDot([0, -2], x), -2);
});

// Samuel's checkers player (IBM, shown in 1956) learned its scoring of positions from play; his 1959
// paper, "Some studies in machine learning using the game of checkers", is where the term comes
// from. The Dartmouth event must not file checkers under hand-written rules.
test('the 1956 event: theorem provers used hand-written rules, Samuel\'s checkers player learned', () => {
  const dartmouth = EVENTS.find((e) => e.short === 'Dartmouth');
  assert.equal(dartmouth.year, 1956);
  assert.doesNotMatch(dartmouth.detail, /checkers by search and hand-written rules/);
  assert.match(dartmouth.detail, /Early programs prove theorems by searching with hand-written rules/);
  assert.match(dartmouth.detail, /Arthur Samuel’s checkers player at IBM improves its own scoring of positions from the games it plays, many against itself/);
  assert.match(dartmouth.detail, /his 1959 paper on it made the term “machine learning” known\./);
  assert.equal(eraOf(dartmouth.year), 'symbolic');
});

test('symbolic AI: the lesson says in its own words where rules fall short', () => {
  const lesson = readFileSync(new URL('./history-of-ai.md', import.meta.url), 'utf8');
  assert.match(lesson, /It fails on telling one person's photo from another's: the difference is real, but nobody can put it into rules\./);
  assert.doesNotMatch(lesson, /recognising a face, where no one can write the rules/);
});

test('the lesson names and defines natural language processing (NLP) beside computer vision, and links the course\'s language lessons', () => {
  const lesson = readFileSync(new URL('./history-of-ai.md', import.meta.url), 'utf8');
  const nesting = lesson.slice(lesson.indexOf('## AI ⊃ ML ⊃ DL'), lesson.indexOf('::: widget ai-hierarchy'));
  assert.match(nesting, /\n\nHuman language has a branch of its own, \*\*natural language processing\*\* \(NLP\): programs that read or write it, sorting texts \(spam or not, a review's mood\), translating, summarising and answering questions\. Since the Transformer of 2017 its leading models are deep networks as well, such as BERT, GPT and T5\./);
  // The timeline agrees: the Transformer in 2017, BERT and GPT-1 pre-trained on text in 2018.
  assert.equal(event(2017).short, 'Transformer');
  assert.match(event(2018).short, /BERT/);
  assert.match(event(2018).short, /GPT/);
  assert.match(event(2018).detail, /Transformer/);
  // The sorting game agrees: a large language model is deep learning.
  assert.equal(TECHNIQUES.find((t) => t.id === 'llm').region, 'dl');
  // The linked lessons exist, and the text lessons use naive Bayes on word counts (machine learning).
  for (const slug of ['text-to-numbers', 'sentiment', 'attention-toy']) {
    assert.match(nesting, new RegExp(`\\]\\(${slug}\\.html\\)`));
    assert.ok(readFileSync(new URL(`./${slug}.md`, import.meta.url), 'utf8').length > 0);
  }
  for (const slug of ['text-to-numbers', 'sentiment']) assert.match(readFileSync(new URL(`./${slug}.md`, import.meta.url), 'utf8'), /naive Bayes/);
  assert.match(lesson, /J\. Devlin, M\.-W\. Chang, K\. Lee and K\. Toutanova, "BERT/);
  assert.match(lesson, /C\. Raffel et al\., "Exploring the limits of transfer learning/);
});
