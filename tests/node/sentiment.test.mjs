// Sentiment classification of the course's reviews (web/lib/sentiment-reviews.js) with the
// engine's Vocabulary, bagOfWords and MultinomialNaiveBayes, on words alone and on words plus
// word pairs (withWordPairs), checked against scikit-learn's CountVectorizer + MultinomialNB
// (tests/fixtures/generators/sentiment.py): per-feature log-probabilities, test probabilities and
// accuracy, and the negation examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ml } from './engine.mjs';
import { isTestReview, REVIEWS, withWordPairs } from '../../web/lib/sentiment-reviews.js';
import { computations } from '../../web/js/check-computations.js';

const load = (name) => JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../fixtures/${name}.json`), 'utf8'));
const prepare = (text, pairs) => (pairs ? withWordPairs(ml.tokenize(text).map((t) => t.text)) : text);

// Trains on the training reviews; returns what the fixture holds, from the engine.
function run(pairs, examples) {
  const vocab = new ml.Vocabulary();
  const model = new ml.MultinomialNaiveBayes();
  try {
    const train = REVIEWS.filter((_, i) => !isTestReview(i));
    const test = REVIEWS.filter((_, i) => isTestReview(i));
    vocab.build(train.map(([t]) => prepare(t, pairs)), 1, 0);
    // Column 0 of a count table counts unknown words. A fitted CountVectorizer has no such
    // column (unknown words are dropped), and MultinomialNB would give it α of smoothing mass, so
    // it is cut off: the model sees the columns of the known words only (id j → column j − 1).
    const known = (texts) => {
      const m = ml.bagOfWords(texts.map((t) => prepare(t, pairs)), vocab);
      const cols = m.cols - 1;
      const data = new Float64Array(m.rows * cols);
      for (let r = 0; r < m.rows; r++) data.set(m.data.subarray(r * m.cols + 1, (r + 1) * m.cols), r * cols);
      return { data, cols };
    };
    const X = known(train.map(([t]) => t));
    model.setData(X.data, X.cols, train.map(([, y]) => y));
    model.setAlpha(1);
    model.fit(1);
    const T = known(test.map(([t]) => t));
    const proba = model.predictProba(T.data);
    const pred = Array.from(model.predict(T.data));
    const E = known(examples);
    const eproba = model.predictProba(E.data);
    const logProb = model.featureLogProb();
    return {
      tokens: vocab.tokens(), V: vocab.size(), logProb: Array.from(logProb), prior: Array.from(model.classLogPrior()),
      testProba: test.map((_, i) => proba[2 * i + 1]),
      accuracy: ml.accuracy(test.map(([, y]) => y), pred),
      exampleProba: examples.map((_, i) => eproba[2 * i + 1]),
    };
  } finally { vocab.delete(); model.delete(); }
}

for (const [name, pairs] of [['sentiment_reviews_words', false], ['sentiment_reviews_pairs', true]]) {
  test(`${name}: the engine's naive Bayes matches scikit-learn`, () => {
    const f = load(name);
    const r = run(pairs, f.examples);
    // Same features: every sklearn feature is in the vocabulary (plus <unk>, which never occurs in training).
    assert.equal(r.V, f.feature_names.length + 1);
    const idOf = new Map(r.tokens.map((t, id) => [t, id]));
    for (const c of [0, 1]) assert.ok(Math.abs(r.prior[c] - f.class_log_prior[c]) < 1e-12);
    f.feature_names.forEach((w, j) => {
      const id = idOf.get(w);
      assert.ok(id > 0, w);
      for (const c of [0, 1]) assert.ok(Math.abs(r.logProb[c * (r.V - 1) + id - 1] - f.feature_log_prob[c][j]) < 1e-12, `${w} class ${c}`);
    });
    for (let i = 0; i < f.test_proba.length; i++) assert.ok(Math.abs(r.testProba[i] - f.test_proba[i]) < 1e-9, `test review ${i}`);
    assert.ok(Math.abs(r.accuracy - f.test_accuracy) < 1e-12);
    for (let i = 0; i < f.example_proba.length; i++) assert.ok(Math.abs(r.exampleProba[i] - f.example_proba[i]) < 1e-9, f.examples[i]);
  });
}

test('word pairs: the tokens of a text, then each adjacent pair joined by a middle dot', () => {
  assert.equal(withWordPairs(['not', 'good', 'at', 'all']), 'not good at all not·good good·at at·all');
  assert.equal(withWordPairs(['fine']), 'fine');
  assert.equal(withWordPairs([]), '');
  // The engine's tokenizer reads a pair back as one word.
  assert.deepEqual(ml.tokenize(withWordPairs(['not', 'good'])).map((t) => t.text), ['not', 'good', 'not·good']);
});

test('check-yourself computation nb-evidence against hand-derived values', () => {
  // cp = 3 of np = 50, cn = 1 of nn = 40, V = 100, α = 1: ln(4/150) − ln(2/140) = ln(560/300).
  assert.ok(Math.abs(computations['nb-evidence'](ml, { cp: 3, np: 50, cn: 1, nn: 40, V: 100 }).value - Math.log(560 / 300)) < 1e-12);
  // The lesson's question: 4 of 300 against 0 of 280, V = 180: ln(5/480) − ln(1/460) = ln(2300/480).
  assert.ok(Math.abs(computations['nb-evidence'](ml, { cp: 4, np: 300, cn: 0, nn: 280, V: 180 }).value - Math.log(2300 / 480)) < 1e-12);
  // A word equally frequent in both classes carries no evidence.
  assert.ok(Math.abs(computations['nb-evidence'](ml, { cp: 5, np: 100, cn: 5, nn: 100, V: 50 }).value) < 1e-12);
  assert.throws(() => computations['nb-evidence'](ml, { cp: 5, np: 4, cn: 0, nn: 10, V: 10 }), /0 ≤ cp ≤ np/);
  assert.throws(() => computations['nb-evidence'](ml, { cp: 1, np: 4, cn: 0, nn: 10, V: 1 }), /V= a whole number from 2/);
});
