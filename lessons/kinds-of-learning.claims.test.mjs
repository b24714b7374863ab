// Claims of "Kinds of learning" about the which-learning game: the cards the lesson singles out
// and the answers the game expects for them (no model is involved in this game).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.resolve(import.meta.dirname, '../dist');
const { DECK } = await import(pathToFileURL(path.join(dist, 'widgets', 'which-learning.js')).href);
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

test('every card belongs to one of the four families the lesson names', () => {
  for (const d of DECK) assert.ok(['supervised', 'unsupervised', 'reinforcement', 'self-supervised'].includes(d.answer));
});
