// Claims of "Kinds of learning" about the which-learning game: the cards the lesson singles out
// and the answers the game expects for them (no model is involved in this game); the engine only
// computes the check-yourself answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ml } from '../tests/node/engine.mjs';

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
