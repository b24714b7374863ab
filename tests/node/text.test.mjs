// The text family through the WASM module: tokenize, Vocabulary, bagOfWords, tf-idf, cosine
// similarity/ranking/analogy and MultinomialNaiveBayes, checked against the scikit-learn
// fixtures the native tests use; bad calls throw typed errors and the objects keep working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ml } from './engine.mjs';

const fixtureDir = path.resolve(import.meta.dirname, '../fixtures');
const load = (name) => JSON.parse(readFileSync(path.join(fixtureDir, `${name}.json`), 'utf8'));
const flat = (rows) => Float64Array.from(rows.flat());
const maxDiff = (a, b) => {
  assert.equal(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};
const typed = (Type, code, message) => (e) => e instanceof Type && e.code === code && message.test(e.message);

test('tokenize: words, lower case, apostrophes, UTF-8 and JS string offsets', () => {
  const text = 'Don’t PANIC: <b>Café</b> 🙂 isn\'t \'quoted\'';
  const tokens = ml.tokenize(text);
  assert.deepEqual(tokens.map((t) => t.text), ['don’t', 'panic', 'b', 'café', 'b', '🙂', "isn't", 'quoted']);
  // Offsets are JavaScript string indices, so slicing the original gives the token back.
  for (const t of tokens) assert.equal(text.slice(t.start, t.end).toLowerCase(), t.text);
  assert.deepEqual(ml.tokenize(''), []);
  assert.deepEqual(ml.tokenize('<img src=x onerror=alert(1)>').map((t) => t.text), ['img', 'src', 'x', 'onerror', 'alert', '1']);
  assert.throws(() => ml.tokenize(42), typed(RangeError, 'invalid-argument', /tokenize: text must be a string/));
  assert.throws(() => ml.tokenize(undefined), typed(RangeError, 'invalid-argument', /must be a string/));
  assert.throws(() => ml.tokenize('a'.repeat(1_000_001)), typed(RangeError, 'invalid-argument', /at most 1000000/));
});

test('Vocabulary and bagOfWords match scikit-learn CountVectorizer and TfidfVectorizer', () => {
  const f = load('text_vectorizer');
  const v = new ml.Vocabulary();
  try {
    assert.equal(v.size(), 1);
    assert.equal(v.token(0), '<unk>');
    v.build(f.corpus);
    assert.equal(v.size(), f.feature_names.length + 1);
    f.corpus.concat(f.queries).forEach((t, i) => assert.deepEqual(ml.tokenize(t).map((x) => x.text), f.tokens[i]));
    const bow = ml.bagOfWords(f.corpus, v);
    const q = ml.bagOfWords(f.queries, v);
    const qb = ml.bagOfWords(f.queries, v, true);
    assert.equal(bow.rows, f.corpus.length);
    assert.equal(bow.cols, v.size());
    const idf = ml.inverseDocumentFrequency(bow.data, bow.cols);
    const tf = ml.tfidf(bow.data, bow.cols, idf);
    f.feature_names.forEach((name, j) => {
      const id = v.idOf(name);
      assert.ok(id > 0, name);
      assert.equal(v.token(id), name);
      for (let r = 0; r < bow.rows; r++) {
        assert.equal(bow.data[r * bow.cols + id], f.counts[r][j]);
        assert.ok(Math.abs(tf[r * bow.cols + id] - f.tfidf[r][j]) < 1e-12);
      }
      for (let r = 0; r < q.rows; r++) {
        assert.equal(q.data[r * q.cols + id], f.query_counts[r][j]);
        assert.equal(qb.data[r * qb.cols + id], f.query_binary[r][j]);
      }
      assert.ok(Math.abs(idf[id] - f.idf[j]) < 1e-12);
    });
    const ids = v.encode('The zebra sat');
    assert.ok(ids instanceof Int32Array);
    assert.deepEqual(Array.from(ids), [v.idOf('the'), 0, v.idOf('sat')]);
    const counts = v.counts();
    for (let i = 2; i < counts.length; i++) assert.ok(counts[i - 1] >= counts[i]);
  } finally {
    v.delete();
  }
});

test('Vocabulary: options and bad input, then it keeps working', () => {
  const v = new ml.Vocabulary();
  try {
    assert.throws(() => v.encode('x'), typed(Error, 'bad-state', /call build\(corpus\) first/));
    assert.throws(() => ml.bagOfWords(['x'], v), typed(Error, 'bad-state', /vocabulary is empty/));
    v.build(['b a c a', 'c a d', 'e'], 2, 0);
    assert.deepEqual(v.tokens(), ['<unk>', 'a', 'c']);
    assert.deepEqual(Array.from(v.counts()), [3, 3, 2]);
    assert.throws(() => v.build([]), typed(RangeError, 'shape-mismatch', /corpus is empty/));
    assert.throws(() => v.build('not an array'), typed(RangeError, 'invalid-argument', /must be an array of strings/));
    assert.throws(() => v.build(['ok', 7]), typed(RangeError, 'invalid-argument', /corpus\[1\] is not a string/));
    assert.throws(() => v.build(['', '!?']), typed(RangeError, 'invalid-argument', /no text in the corpus contains a word/));
    assert.throws(() => v.build(['a'], NaN, 0), typed(RangeError, 'invalid-argument', /minCount=NaN/));
    assert.throws(() => v.build(['a'], 1, 2.5), typed(RangeError, 'invalid-argument', /maxWords=2.5 must be a whole number/));
    assert.throws(() => v.token(3), typed(RangeError, 'invalid-argument', /id=3 is not in the vocabulary \(0 to 2\)/));
    assert.throws(() => v.token(-1), typed(RangeError, 'invalid-argument', /id=-1/));
    assert.throws(() => v.token(0.5), typed(RangeError, 'invalid-argument', /whole number/));
    assert.throws(() => v.idOf(3), typed(RangeError, 'invalid-argument', /token must be a string/));
    assert.throws(() => ml.bagOfWords('x', v), typed(RangeError, 'invalid-argument', /texts must be an array/));
    assert.throws(() => ml.bagOfWords([], v), typed(RangeError, 'shape-mismatch', /no texts/));
    // Still the vocabulary built before the errors.
    assert.deepEqual(v.tokens(), ['<unk>', 'a', 'c']);
    v.build(['x y z'], 1, 2);
    assert.deepEqual(v.tokens(), ['<unk>', 'x', 'y']);
    assert.equal(v.maxWords(), 2);
  } finally {
    v.delete();
  }
});

test('cosine similarity, matrix, ranking and analogy', () => {
  assert.ok(Math.abs(ml.cosineSimilarity([1, 0], [1, 1]) - Math.SQRT1_2) < 1e-15);
  assert.equal(ml.cosineSimilarity([0, 0], [1, 1]), 0); // zero vector: defined as 0, never NaN
  assert.throws(() => ml.cosineSimilarity([1, 0], [1, 0, 0]), typed(RangeError, 'shape-mismatch', /same length/));
  assert.throws(() => ml.cosineSimilarity([1, NaN], [1, 0]), typed(RangeError, 'invalid-argument', /not a finite number|NaN/));
  const X = [3, 3, 3, 1, 1, 3, 1, 1, 0, 0]; // king, queen, man, woman, zero
  const S = ml.cosineSimilarityMatrix(X, 2);
  assert.equal(S.length, 25);
  assert.ok(Math.abs(S[1 * 5 + 2] - 0.6) < 1e-15);
  assert.equal(S[4 * 5 + 4], 0);
  const r = ml.rankByCosine(X, 2, [3, 1], [1]);
  assert.ok(r.indices instanceof Int32Array);
  assert.equal(r.indices.length, 4);
  assert.equal(r.indices[3], 4);
  const all = ml.rankByCosine(X, 2, [3, 1]);
  assert.equal(all.indices[0], 1);
  assert.ok(Math.abs(all.similarities[0] - 1) < 1e-12);
  const a = ml.analogy(X, 2, 0, 2, 3);
  assert.deepEqual(Array.from(a.vector), [3, 1]);
  assert.equal(a.indices[0], 1);
  assert.throws(() => ml.analogy(X, 2, 0, 9, 3), typed(RangeError, 'invalid-argument', /b=9 is not a row of X/));
  assert.throws(() => ml.rankByCosine(X, 2, [1, 2, 3]), typed(RangeError, 'shape-mismatch', /query has 3 entries/));
  assert.throws(() => ml.cosineSimilarityMatrix([1, 2, 3], 2), typed(RangeError, 'shape-mismatch', /not a multiple/));
});

test('MultinomialNaiveBayes matches scikit-learn MultinomialNB', () => {
  for (const name of ['text_mnb_poisson_alpha1', 'text_mnb_poisson_alpha05_uniform', 'text_mnb_spam']) {
    const f = load(name);
    const m = new ml.MultinomialNaiveBayes();
    try {
      const cols = f.X[0].length;
      m.setAlpha(f.alpha);
      m.setFitPrior(f.fit_prior === 1);
      m.setData(flat(f.X), cols, f.y);
      assert.equal(m.fit(10), 1);
      assert.equal(m.status(), 'converged');
      assert.equal(m.classCount(), f.class_log_prior.length);
      assert.ok(maxDiff(m.classLogPrior(), f.class_log_prior) < 1e-10, name);
      assert.ok(maxDiff(m.featureLogProb(), f.feature_log_prob.flat()) < 1e-10, name);
      assert.ok(maxDiff(m.predictProba(flat(f.queries)), f.proba.flat()) < 1e-10, name);
      assert.deepEqual(Array.from(m.predict(flat(f.queries))), f.predict);
      assert.ok(Math.abs(m.score(flat(f.X), f.y) - f.train_score) < 1e-12);
      assert.ok(Math.abs(m.loss() - f.train_log_loss) < 1e-10);
    } finally {
      m.delete();
    }
  }
});

test('MultinomialNaiveBayes: word log-ratios, contributions, bad input, keeps working', () => {
  const m = new ml.MultinomialNaiveBayes();
  try {
    assert.throws(() => m.setAlpha(-1), typed(RangeError, 'invalid-argument', /setAlpha: alpha=-1 must be in \[0, 1e\+06\]/));
    assert.throws(() => m.setAlpha(NaN), typed(RangeError, 'invalid-argument', /alpha=NaN/));
    assert.equal(m.alpha(), 1);
    assert.throws(() => m.setData([1, -1, 0, 1], 2, [0, 1]), typed(RangeError, 'invalid-argument', /must be ≥ 0/));
    assert.throws(() => m.setData([1, NaN, 0, 1], 2, [0, 1]), typed(RangeError, 'invalid-argument', /not a finite number|NaN/));
    assert.throws(() => m.setData([1, 0, 0, 1], 2, [0, 1, 1]), typed(RangeError, 'shape-mismatch', /.*/));
    assert.throws(() => m.setData([1, 0, 0, 1], 2, [0, 0]), typed(RangeError, 'invalid-argument', /single class/));
    assert.throws(() => m.classLogPrior(), typed(Error, 'bad-state', /not fitted yet/));
    m.setData([2, 0, 1, 1, 0, 3], 2, [0, 0, 1]);
    assert.throws(() => m.predictProba([1, 1]), typed(Error, 'bad-state', /not fitted yet/));
    m.step();
    const ratio = m.featureLogRatio(1, 0);
    assert.ok(Math.abs(ratio[1] - Math.log(0.8 / (2 / 6))) < 1e-12);
    const parts = m.logOddsContributions([0, 2], 1, 0);
    assert.equal(parts.length, 3);
    const logOdds = parts.reduce((s, v) => s + v, 0);
    const p = m.predictProba([0, 2]);
    assert.ok(Math.abs(Math.log(p[1] / p[0]) - logOdds) < 1e-12);
    assert.throws(() => m.featureLogRatio(2, 0), typed(RangeError, 'invalid-argument', /positive=2 is not a class/));
    assert.throws(() => m.logOddsContributions([1, 2, 3], 1, 0), typed(RangeError, 'shape-mismatch', /3 counts/));
    assert.throws(() => m.predictProba([1, 2, 3]), typed(RangeError, 'shape-mismatch', /.*/));
    m.setAlpha(0);
    assert.equal(m.fitted(), false);
    m.step();
    assert.ok(Array.from(m.predictProba([1, 1, 0, 5])).every(Number.isFinite));
    assert.equal(m.score([2, 0, 1, 1, 0, 3], [0, 0, 1]), 1);
  } finally {
    m.delete();
  }
});
