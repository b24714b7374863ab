// Claims of "Rules or learning?" about the rules-or-learn game: its deck and round size (no
// model is involved in this game), and the dealing the widget does (seededShuffle of the deck); the
// engine only computes the check-yourself answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ml } from '../tests/node/engine.mjs';

const dist = path.resolve(import.meta.dirname, '../dist');
const { schema, DECK } = await import(pathToFileURL(path.join(dist, 'widgets', 'rules-or-learn.js')).href);
const { seededShuffle } = await import(pathToFileURL(path.join(dist, 'lib', 'rng.js')).href);
const { dealRound, passMark } = await import(pathToFileURL(path.join(dist, 'lib', 'quiz.js')).href);
const lesson = fs.readFileSync(path.resolve(import.meta.dirname, 'rules-or-learning.md'), 'utf8');

test('the game deals twelve of its sixteen scenarios, in a shuffled order', () => {
  assert.equal(DECK.length, 16);
  assert.equal(schema.rounds.default, 12);
  // web/lib/quiz.js deals a round with dealRound: the shuffled deck, six cards of each answer.
  const dealt = dealRound(DECK, schema.seed.default, schema.rounds.default);
  assert.equal(new Set(dealt.map((d) => d.text)).size, 12);
  for (const a of ['rules', 'learn']) assert.equal(dealt.filter((d) => d.answer === a).length, 6);
  assert.deepEqual(dealt, seededShuffle(DECK, schema.seed.default).filter((d) => dealt.includes(d)), 'in the shuffled order');
  assert.notDeepEqual(dealt.map((d) => d.text), DECK.slice(0, 12).map((d) => d.text));
});

test('the lesson’s examples are in the deck with the answers the lesson gives', () => {
  const answer = (re) => DECK.find((d) => re.test(d.text)).answer;
  assert.equal(answer(/leap year/), 'rules');
  assert.equal(answer(/postage/), 'rules');
  assert.equal(answer(/chess move/), 'rules');
  assert.equal(answer(/speaking into written text/), 'learn');
  assert.equal(answer(/fraudulent/), 'learn');
  assert.equal(answer(/film/), 'learn');
  const choosing = lesson.slice(lesson.indexOf('## Choosing'), lesson.indexOf('## Play'));
  for (const re of [/leap year/, /postage/, /chess move/, /voice recording/, /fraud/, /film/]) assert.match(choosing, re);
});

// The source text's own examples (even numbers, Celsius to Fahrenheit, spam, faces, sales
// forecasts) and its two-step rule of thumb stay out of this lesson's choosing section: it uses
// cards of its own from the deck and its own test (a definition or a record).
test('the choosing section uses its own examples and its own test, not the source text\'s', () => {
  const choosing = lesson.slice(lesson.indexOf('## Choosing'), lesson.indexOf('## Play'));
  assert.doesNotMatch(choosing, /even|Fahrenheit|spam|face|ice cream|sales/i);
  assert.match(choosing, /could you write the program's tests before the program/);
});

test('check yourself: the "free" rule on eight emails (spam 1–3, flags 1, 2, 4) is right on 6 of 8', () => {
  const y = [1, 1, 1, 0, 0, 0, 0, 0];
  const flagged = [1, 1, 0, 1, 0, 0, 0, 0];
  assert.equal(ml.accuracy(y, flagged), 6 / 8);
  assert.equal(ml.recall(y, flagged), 2 / 3); // one spam email missed
  assert.equal(ml.precision(y, flagged), 2 / 3); // one false alarm
});

test('the game counts as done only after a round with at least nine of the twelve right, which one key pressed throughout cannot reach', () => {
  // web/lib/quiz.js finish(): dw:complete only when score >= passMark(cards); a lower round reports its score.
  assert.match(lesson, /the game counts as done for this lesson only after a round with at least nine of the twelve right: Play again deals a new shuffle as often as you like\./);
  assert.doesNotMatch(lesson, /::: widget rules-or-learn[^\n]*rounds=/, 'the lesson\'s game deals the default round');
  assert.equal(passMark(schema.rounds.default), 9);
  // The deck holds eight cards of each answer, so always "rules" or always "learn" scores at most 8.
  for (const a of ['rules', 'learn']) assert.equal(DECK.filter((d) => d.answer === a).length, 8);
});

// Audit 11 (G1): "only after a round with at least nine of the twelve right" stays true when the page
// address asks for another round: on the lesson page such a round is practice and reports nothing
// (web/lib/quiz.js createQuiz's lessonRound, played in tests/browser/rules-or-learn.test.mjs), and
// its cards are dealt even, so one key cannot reach even its own mark. Dealt blind, the four cards
// at the lesson's seed held three "rules", and pressing R alone passed.
test('a shorter round from the page address is dealt even: one key stays below its mark at every size and seed', () => {
  assert.equal(seededShuffle(DECK, 1).slice(0, 4).filter((d) => d.answer === 'rules').length, 3, 'the blind deal the audit played');
  assert.equal(dealRound(DECK, 1, 4).filter((d) => d.answer === 'rules').length, 2);
  for (let seed = 1; seed <= 200; seed++) {
    for (let size = schema.rounds.min; size <= schema.rounds.max; size++) {
      const round = dealRound(DECK, seed, size);
      assert.equal(round.length, size);
      for (const a of ['rules', 'learn']) assert.ok(round.filter((d) => d.answer === a).length < passMark(size), `seed ${seed}, ${size} cards, always ${a}`);
    }
  }
});
