// Claims of "Kinds of learning" about the which-learning game: the cards the lesson singles out
// and the answers the game expects for them (no model is involved in this game); the engine only
// computes the check-yourself answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ml } from '../tests/node/engine.mjs';

const dist = path.resolve(import.meta.dirname, '../dist');
const { DECK, schema } = await import(pathToFileURL(path.join(dist, 'widgets', 'which-learning.js')).href);
const { seededShuffle } = await import(pathToFileURL(path.join(dist, 'lib', 'rng.js')).href);
const { dealRound, passMark } = await import(pathToFileURL(path.join(dist, 'lib', 'quiz.js')).href);
const lesson = fs.readFileSync(path.resolve(import.meta.dirname, 'kinds-of-learning.md'), 'utf8');
const answer = (re) => {
  const card = DECK.find((d) => re.test(d.text));
  assert.ok(card, `a card matching ${re}`);
  return card.answer;
};

test('thumbs-up and thumbs-down on a chatbot’s replies count as reinforcement learning', () => {
  assert.equal(answer(/thumbs-up/), 'reinforcement');
});

test('predicting the next word of web pages counts as self-supervised learning', () => {
  assert.equal(answer(/next word/), 'self-supervised');
});

test('the two cards the lesson singles out are both dealt in the first round of the lesson\'s game, three cards of each family', () => {
  // The quiz deals round 0 as dealRound(deck, seed, rounds) (web/lib/quiz.js): the shuffled deck,
  // as many cards of each family; at the lesson's seed, the shuffle's first twelve.
  const seed = Number(lesson.match(/::: widget which-learning seed=(\d+)/)[1]);
  const round = dealRound(DECK, seed, schema.rounds.default);
  assert.deepEqual(round, seededShuffle(DECK, seed).slice(0, 12));
  const dealt = round.map((d) => d.text);
  assert.equal(dealt.length, 12);
  const families = round.map((d) => d.answer);
  for (const f of ['supervised', 'unsupervised', 'reinforcement', 'self-supervised']) assert.equal(families.filter((a) => a === f).length, 3, `three ${f} cards`);
  assert.ok(dealt.some((t) => /thumbs-up/.test(t)), 'the chatbot thumbs card is dealt');
  assert.ok(dealt.some((t) => /next word/.test(t)), 'the next-word card is dealt');
});

test('every card belongs to one of the four families the lesson names', () => {
  for (const d of DECK) assert.ok(['supervised', 'unsupervised', 'reinforcement', 'self-supervised'].includes(d.answer));
});

test('check yourself: k-means on tempos 60 64 68 120 124 128 from 60 and 128 groups them slow/fast around 64 and 124', () => {
  const [c, inertia] = ml.scoped((track) => {
    const m = track(new ml.KMeans());
    m.setData([60, 64, 68, 120, 124, 128], 1, []);
    m.setCentroids([60, 128]);
    m.fit(100);
    return [Array.from(m.centroids()), m.inertia()];
  });
  assert.deepEqual(c, [64, 124]);
  assert.equal(inertia, 4 * 16); // each group: 16 + 0 + 16
});

test('a round of twelve counts as done once at least nine are sorted right (the quiz\'s pass mark)', () => {
  // web/lib/quiz.js finish(): dw:complete only when score >= passMark(cards); a lower round reports its score.
  assert.match(lesson, /A round of twelve counts as done for this lesson once at least nine are sorted right; below that, Play again deals a fresh shuffle to try once more\./);
  assert.doesNotMatch(lesson, /::: widget which-learning[^\n]*rounds=/, 'the lesson\'s game deals the default round');
  assert.equal(schema.rounds.default, 12);
  assert.equal(passMark(12), 9);
  // One key pressed throughout cannot reach it: the lesson's round holds three cards of each family.
  const dealt = dealRound(DECK, Number(lesson.match(/::: widget which-learning seed=(\d+)/)[1]), 12);
  for (const f of ['supervised', 'unsupervised', 'reinforcement', 'self-supervised']) assert.ok(dealt.filter((d) => d.answer === f).length < passMark(12));
});

// Audit 11 (G1): "A round of twelve counts as done" stays true when the page address asks for another
// round: on the lesson page such a round is practice and reports nothing (web/lib/quiz.js createQuiz's
// lessonRound, played in tests/browser/which-learning.test.mjs), and it is dealt with the families
// even. Dealt blind, #which-learning.rounds=4&which-learning.seed=4 held three reinforcement cards,
// and pressing 3 alone passed.
test('a shorter round from the page address is dealt with the families even: one key stays below its mark at every size and seed', () => {
  assert.equal(seededShuffle(DECK, 4).slice(0, 4).filter((d) => d.answer === 'reinforcement').length, 3, 'the blind deal the audit played');
  assert.equal(dealRound(DECK, 4, 4).filter((d) => d.answer === 'reinforcement').length, 1);
  for (let seed = 1; seed <= 200; seed++) {
    for (let size = schema.rounds.min; size <= schema.rounds.max; size++) {
      const round = dealRound(DECK, seed, size);
      assert.equal(round.length, size);
      for (const f of ['supervised', 'unsupervised', 'reinforcement', 'self-supervised']) assert.ok(round.filter((d) => d.answer === f).length < passMark(size), `seed ${seed}, ${size} cards, always ${f}`);
    }
  }
});
