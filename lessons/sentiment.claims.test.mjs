// Claims of sentiment.md, checked against the engine with the sentiment-reviews widget's data and
// its own training code (web/widgets/sentiment-reviews/model.js: Vocabulary, bagOfWords without the
// unknown-word column, MultinomialNaiveBayes with α = 1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations.js';
import { isTestReview, NEGATION_EXAMPLES, REVIEWS } from '../web/lib/sentiment-reviews.js';
import { explain, schema, train, TRAIN, TEST } from '../web/widgets/sentiment-reviews/model.js';

function fitted(pairs) {
  const vocab = new ml.Vocabulary();
  const model = new ml.MultinomialNaiveBayes();
  const fit = train(ml, vocab, model, pairs);
  return { vocab, model, fit, weight: (w) => fit.ratio[vocab.idOf(w)], explain: (t) => explain(ml, vocab, model, fit, t, pairs) };
}
const words = fitted(false);
const pairs = fitted(true);
const r2 = (v) => Math.round(v * 100) / 100;
const r3 = (v) => Math.round(v * 1000) / 1000;

test('70 reviews, half positive; every fifth (14) held out; 28 + 28 training reviews, so the prior adds 0', () => {
  assert.equal(REVIEWS.length, 70);
  assert.equal(REVIEWS.filter(([, y]) => y === 1).length, 35);
  assert.equal(TEST.length, 14);
  assert.ok(TEST.every(isTestReview));
  assert.equal(TRAIN.filter((i) => REVIEWS[i][1] === 1).length, 28);
  assert.equal(TRAIN.filter((i) => REVIEWS[i][1] === 0).length, 28);
  assert.equal(words.explain('x').prior, 0);
  assert.equal(schema.review.default, 'The soup was not bad');
  assert.equal(schema.pairs.default, false);
});

test('worked example: "The soup was not good" — word by word to three decimals, −1.701 in all (the shown terms add up to the shown total), p = σ(−1.701) = 0.154', async () => {
  const e = words.explain('The soup was not good');
  assert.deepEqual(e.features.map((f) => [f.text, r3(f.weight)]), [['the', -0.63], ['soup', 0.033], ['was', -1.13], ['not', -0.477], ['good', 0.503]]);
  const sum = e.features.reduce((a, f) => a + f.weight, 0);
  // Each term rounded to three decimals: their sum, −1.701, is within 0.001 of the engine's −1.7004.
  assert.equal(r2(sum), -1.70);
  assert.ok(Math.abs(sum - -1.701) < 0.001);
  assert.equal(r3(e.p), 0.154);
  assert.equal(r3(1 / (1 + Math.exp(1.701))), 0.154);
  // The sentence's terms, as written, add up to its total.
  const fs = await import('node:fs');
  const lesson = fs.readFileSync(new URL('./sentiment.md', import.meta.url), 'utf8');
  const m = lesson.match(/carry 0\.000 \+ ((?:\([a-z]+ [−+][0-9.]+\)(?: \+ )?)+) = (−[0-9.]+) nats/);
  assert.ok(m, 'the worked sum is in the lesson');
  const terms = [...m[1].matchAll(/\([a-z]+ ([−+][0-9.]+)\)/g)].map((t) => Number(t[1].replace('−', '-')));
  assert.deepEqual(terms, e.features.map((f) => r3(f.weight)));
  assert.equal(r3(terms.reduce((a, v) => a + v, 0)), Number(m[2].replace('−', '-')));
  assert.equal(r2(words.weight('great')), 1.83);
  // "was" is among the most negative words: third of 180.
  const order = words.fit.ratio.map((r, id) => ({ id, r })).filter((w) => w.id > 0).sort((a, b) => a.r - b.r || a.id - b.id);
  assert.ok(order.slice(0, 3).map((w) => words.fit.tokens[w.id]).includes('was'));
});

test('11 of 14 test reviews right (78.6 %) with words alone and with word pairs; 180 and 481 features', () => {
  for (const m of [words, pairs]) {
    assert.equal(r3(m.fit.accuracy), 0.786);
    assert.equal(Math.round(m.fit.accuracy * 14), 11);
  }
  assert.equal(words.fit.tokens.length - 1, 180);
  assert.equal(pairs.fit.tokens.length - 1, 481);
});

test('"bad" carries +0.03; "The soup was not bad" is negative (0.102) with words, still negative (0.021) with pairs', () => {
  assert.equal(r2(words.weight('bad')), 0.03);
  assert.ok(REVIEWS.some(([t, y]) => /^Bad food/.test(t) && y === 0));
  assert.ok(REVIEWS.some(([t, y]) => /not bad/i.test(t) && y === 1));
  assert.equal(r3(words.explain('The soup was not bad').p), 0.102);
  const e = pairs.explain('The soup was not bad');
  assert.equal(r3(e.p), 0.021);
  assert.deepEqual(e.features.slice(5).map((f) => f.text), ['the·soup', 'soup·was', 'was·not', 'not·bad']);
  assert.equal(r2(pairs.weight('not·bad')), 1.42);
  assert.equal(r2(pairs.weight('not·good')), -1.58);
  assert.equal(r2(pairs.weight('was·not')), -1.76);
  const story = TRAIN.map((i) => REVIEWS[i][0]).find((t) => t.startsWith('The story was not interesting'));
  assert.ok(story);
});

test('not·great never occurs in training, so it adds nothing', () => {
  assert.equal(pairs.vocab.idOf('not·great'), 0);
  const f = pairs.explain('The film was not great').features.find((x) => x.text === 'not·great');
  assert.equal(f.weight, 0);
  assert.ok(NEGATION_EXAMPLES.includes('The film was not great'));
});

test('check-yourself: 4 of 300 against 0 of 280, V = 180 → 1.567 nats', () => {
  assert.equal(r3(computations['nb-evidence'](ml, { cp: 4, np: 300, cn: 0, nn: 280, V: 180 }).value), 1.567);
});
