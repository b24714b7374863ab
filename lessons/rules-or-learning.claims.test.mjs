// Claims of "Rules or learning?" about the rules-or-learn game: its deck and round size (no
// model is involved in this game), and the dealing the widget does (seededShuffle of the deck); the
// engine only computes the check-yourself answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ml } from '../tests/node/engine.mjs';

const dist = path.resolve(import.meta.dirname, '../dist');
const { schema, DECK } = await import(pathToFileURL(path.join(dist, 'widgets', 'rules-or-learn.js')).href);
const { seededShuffle } = await import(pathToFileURL(path.join(dist, 'lib', 'rng.js')).href);

test('the game deals twelve of its sixteen scenarios, in a shuffled order', () => {
  assert.equal(DECK.length, 16);
  assert.equal(schema.rounds.default, 12);
  const dealt = seededShuffle(DECK, schema.seed.default).slice(0, schema.rounds.default);
  assert.equal(new Set(dealt.map((d) => d.text)).size, 12);
  assert.notDeepEqual(dealt.map((d) => d.text), DECK.slice(0, 12).map((d) => d.text));
});

test('the lesson’s examples are in the deck with the answers the lesson gives', () => {
  const answer = (re) => DECK.find((d) => re.test(d.text)).answer;
  assert.equal(answer(/even/), 'rules');
  assert.equal(answer(/Fahrenheit/), 'rules');
  assert.equal(answer(/postage/), 'rules');
  assert.equal(answer(/spam/), 'learn');
  assert.equal(answer(/face/), 'learn');
  assert.equal(answer(/ice creams/), 'learn');
});

test('check yourself: the "free" rule on eight emails (spam 1–3, flags 1, 2, 4) is right on 6 of 8', () => {
  const y = [1, 1, 1, 0, 0, 0, 0, 0];
  const flagged = [1, 1, 0, 1, 0, 0, 0, 0];
  assert.equal(ml.accuracy(y, flagged), 6 / 8);
  assert.equal(ml.recall(y, flagged), 2 / 3); // one spam email missed
  assert.equal(ml.precision(y, flagged), 2 / 3); // one false alarm
});
