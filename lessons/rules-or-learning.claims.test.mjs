// Claims of "Rules or learning?" about the rules-or-learn game: its deck and round size (no
// model is involved in this game), and the dealing the widget does (seededShuffle of the deck).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.resolve(import.meta.dirname, '../dist');
const { schema, DECK } = await import(pathToFileURL(path.join(dist, 'widgets', 'rules-or-learn.js')).href);
const { seededShuffle } = await import(pathToFileURL(path.join(dist, 'widgets', 'course1', 'report.js')).href);

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
