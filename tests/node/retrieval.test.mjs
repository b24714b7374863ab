// Retrieval through the WASM module: TfidfRetriever and LsaRetriever against the scikit-learn /
// NumPy fixture the native tests use, extractive answers, recall@k and MRR, typed errors for bad
// calls, and the check-yourself computation `retrieval` against hand-derived numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ml } from './engine.mjs';
import { computations } from '../../web/js/check-computations.js';
import { PASSAGES, QUESTIONS, STOP_WORDS } from '../../web/lib/retrieval-collection.js';

const f = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/retrieval_collection.json'), 'utf8'));
const typed = (Type, code, message) => (e) => e instanceof Type && e.code === code && message.test(e.message);

test('the fixture was made from the collection the widget shows', () => {
  assert.deepEqual(f.passages, PASSAGES);
  assert.deepEqual(f.stop_words, STOP_WORDS);
  assert.deepEqual(f.questions.slice(0, QUESTIONS.length), QUESTIONS.map((q) => q.text));
});

test('tf-idf scores and recall match scikit-learn', () => {
  const r = new ml.TfidfRetriever();
  try {
    r.build(PASSAGES, STOP_WORDS);
    assert.equal(r.passageCount(), 28);
    assert.equal(r.tokens().length, f.feature_names.length + 1);
    const rankings = [];
    f.questions.forEach((q, i) => {
      const got = r.search(q);
      got.indices.forEach((p, at) => assert.ok(Math.abs(got.scores[at] - f.tfidf_scores[i][p]) < 1e-12, `${q} passage ${p}`));
      rankings.push(Array.from(got.indices));
    });
    const relevant = QUESTIONS.map((q) => q.relevant);
    const own = rankings.slice(0, relevant.length);
    assert.ok(Math.abs(ml.recallAtK(own, relevant, 3) - f.tfidf_recall_at_3) < 1e-12);
    assert.ok(Math.abs(ml.meanReciprocalRank(own, relevant) - f.tfidf_mrr) < 1e-12);
  } finally { r.delete(); }
});

test('LSA scores match a NumPy SVD, and a dropped passage is never retrieved', () => {
  const r = new ml.LsaRetriever();
  try {
    r.build(PASSAGES, STOP_WORDS, 8);
    assert.equal(r.dimensions(), 8);
    f.questions.forEach((q, i) => {
      const got = r.search(q);
      got.indices.forEach((p, at) => assert.ok(Math.abs(got.scores[at] - f.lsa['8'].scores[i][p]) < 1e-9, `${q} passage ${p}`));
    });
    const dropped = r.search('When is the last bus from the station?', [7]);
    assert.equal(dropped.indices.length, 27);
    assert.ok(!Array.from(dropped.indices).includes(7));
    assert.equal(r.embed('zebra').length, 8);
    assert.deepEqual(Array.from(r.embed('zebra')), new Array(8).fill(0));
  } finally { r.delete(); }
});

test('extractive answers: a sentence from the top-k, or not found', () => {
  const r = new ml.TfidfRetriever();
  try {
    r.build(PASSAGES, STOP_WORDS);
    const a = r.answer('When is the last bus from the station?', 1, 0);
    assert.equal(a.found, true);
    assert.equal(a.passage, 7);
    assert.equal(a.sentence, 'The last number 4 bus leaves the station at 11:40 pm.');
    const none = r.answer('Where is the nearest airport?', 3, 0);
    assert.equal(none.found, false);
    assert.equal(none.sentence, '');
    // A hostile question is just words: it cannot become markup or break the engine.
    const html = r.answer('<img src=x onerror=alert(1)> library', 2, 0);
    assert.equal(html.found, true);
  } finally { r.delete(); }
});

test('bad calls throw typed errors and the retrievers keep working', () => {
  const r = new ml.TfidfRetriever();
  const l = new ml.LsaRetriever();
  try {
    assert.throws(() => r.search('bus'), typed(Error, 'bad-state', /call build\(passages\) first/));
    assert.throws(() => r.build([]), typed(RangeError, 'shape-mismatch', /no passages given/));
    assert.throws(() => r.build('bus'), typed(RangeError, 'invalid-argument', /passages must be an array of strings/));
    assert.throws(() => r.build(['the', 'a'], ['the', 'a']), typed(RangeError, 'invalid-argument', /no passage has a word outside the stop words/));
    r.build(PASSAGES, STOP_WORDS);
    assert.throws(() => r.answer('bus', 0, 0), typed(RangeError, 'invalid-argument', /k=0/));
    assert.throws(() => r.answer('bus', 1, 2), typed(RangeError, 'invalid-argument', /minScore/));
    assert.throws(() => r.search('bus', [99]), typed(RangeError, 'invalid-argument', /exclude=99/));
    assert.throws(() => r.search(42), typed(RangeError, 'invalid-argument', /query must be a string/));
    assert.throws(() => l.build(PASSAGES, STOP_WORDS, 29), typed(RangeError, 'invalid-argument', /dimensions=29 exceeds min\(passages, words\) = 28/));
    assert.throws(() => ml.recallAtK([[0, 1]], [[]], 1), typed(RangeError, 'invalid-argument', /no relevant passage/));
    assert.throws(() => ml.recallAtK([[0, 1]], [[0], [1]], 1), typed(RangeError, 'shape-mismatch', /1 rankings but 2 relevant sets/));
    assert.equal(r.search('library').indices.length, 28);
  } finally { r.delete(); l.delete(); }
});

test('check-yourself computation: recall@k and MRR from the ranks of the right passages', () => {
  // Ranks 2, 1, 7 with k = 3: two of three right passages in the top 3 → recall 2/3;
  // MRR = (1/2 + 1/1 + 1/7) / 3 = (21 + 42 + 6) / 126 = 69/126 = 0.547619…
  const r = computations.retrieval(ml, { ranks: [2, 1, 7], k: 3 });
  assert.ok(Math.abs(r.recall - 2 / 3) < 1e-12);
  assert.ok(Math.abs(r.mrr - 69 / 126) < 1e-12);
  // k = 1: only the second question's passage is first.
  assert.ok(Math.abs(computations.retrieval(ml, { ranks: [2, 1, 7], k: 1 }).recall - 1 / 3) < 1e-12);
  assert.throws(() => computations.retrieval(ml, { ranks: [0, 1] }), /ranks= whole numbers from 1 to n=28/);
  assert.throws(() => computations.retrieval(ml, { ranks: [1], k: 40 }), /k= a whole number from 1 to 28/);
});
