// Claims of text-to-numbers.md, checked against the engine with the widgets' defaults
// (tokens-to-ids.js: Vocabulary of CORPUS, minCount 1, idf from its bag of words;
// word-embeddings.js: EMBEDDING_FLAT in 2-D, rankByCosine, analogy; bag-of-words-spam.js:
// vocabulary from the training messages, MultinomialNaiveBayes with α, unknown words zeroed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations/text.js';
import { CORPUS, EMBEDDING_FLAT, EMBEDDING_WORDS, isTestIndex, MESSAGES, START_TEXT } from '../web/lib/text-examples.js';

const W = EMBEDDING_WORDS;

test('tokens: "Don\'t PANIC!" → don\'t, panic; markup is only separators; non-ASCII characters stay inside words', () => {
  assert.deepEqual(ml.tokenize("Don't PANIC!").map((t) => t.text), ["don't", 'panic']);
  assert.deepEqual(ml.tokenize('<img src=x onerror=alert(1)>').map((t) => t.text), ['img', 'src', 'x', 'onerror', 'alert', '1']);
  assert.deepEqual(ml.tokenize('café 🙂 cat—dog').map((t) => t.text), ['café', '🙂', 'cat—dog']);
});

test('vocabulary: a cat-and-dog sentence is all known, quantum physics all <unk>; tf-idf shrinks "the"; min count 2 shortens the vector', () => {
  const v = new ml.Vocabulary();
  const v2 = new ml.Vocabulary();
  try {
    v.build(CORPUS, 1, 0);
    assert.equal(v.token(0), '<unk>');
    assert.equal(v.token(1), 'the', 'id 1 is the most frequent word');
    assert.ok(Array.from(v.encode('The cat and the dog sat in the park')).every((id) => id > 0));
    assert.ok(Array.from(v.encode('Quantum physics describes entangled particles')).every((id) => id === 0));
    const bow = ml.bagOfWords(CORPUS, v);
    const idf = ml.inverseDocumentFrequency(bow.data, bow.cols);
    const the = v.tokens().indexOf('the'); const kitchen = v.tokens().indexOf('kitchen');
    assert.ok(idf[the] < 1.1 && idf[kitchen] > 2, 'idf close to 1 for "the", larger for a rare word');
    const x = ml.bagOfWords([START_TEXT], v);
    const w = ml.tfidf(x.data, x.cols, idf);
    assert.ok(x.data[the] / x.data[kitchen] === 3 && w[the] / w[kitchen] < 1.5, '"the" loses ground to "kitchen"');
    assert.ok(Math.abs(Math.hypot(...w) - 1) < 1e-12, 'tf-idf vectors have length 1');
    v2.build(CORPUS, 2, 0);
    assert.ok(v2.size() < v.size());
    assert.equal(v2.encode('cheese')[0], 0, 'a corpus word seen once becomes <unk>');
    assert.ok(v.encode('cheese')[0] > 0);
  } finally { v.delete(); v2.delete(); }
});

function ranking(word) {
  const i = W.indexOf(word);
  const r = ml.rankByCosine(EMBEDDING_FLAT, 2, EMBEDDING_FLAT.subarray(2 * i, 2 * i + 2), [i]);
  return { words: Array.from(r.indices, (j) => W[j]), sims: Array.from(r.similarities) };
}
const cosine = (a, b) => {
  const [i, j] = [W.indexOf(a), W.indexOf(b)];
  const [x0, x1, y0, y1] = [EMBEDDING_FLAT[2 * i], EMBEDDING_FLAT[2 * i + 1], EMBEDDING_FLAT[2 * j], EMBEDDING_FLAT[2 * j + 1]];
  return (x0 * y0 + x1 * y1) / Math.hypot(x0, x1) / Math.hypot(y0, y1);
};

test('embeddings: cat → kitten, dog, puppy; good → great, happy, excellent (≥ 0.99), bad sixth at 0.75 behind sad and awful', () => {
  assert.deepEqual(ranking('cat').words.slice(0, 3), ['kitten', 'dog', 'puppy']);
  const g = ranking('good');
  assert.deepEqual(g.words.slice(0, 3), ['great', 'happy', 'excellent']);
  assert.ok(g.sims.slice(0, 3).every((s) => s >= 0.985));
  assert.equal(g.words.indexOf('bad'), 5);
  assert.equal(g.sims[5].toFixed(2), '0.75');
  assert.ok(g.words.indexOf('sad') < 5 && g.words.indexOf('awful') < 5);
});

test('analogies: king − man + woman ≈ queen, prince − boy + girl ≈ princess, kitten − cat + dog ≈ puppy; crowded 2-D: bread/bad 0.83, cat/train 0.77', () => {
  for (const [a, b, c, want] of [['king', 'man', 'woman', 'queen'], ['prince', 'boy', 'girl', 'princess'], ['kitten', 'cat', 'dog', 'puppy']]) {
    const r = ml.analogy(EMBEDDING_FLAT, 2, W.indexOf(a), W.indexOf(b), W.indexOf(c));
    assert.equal(W[r.indices[0]], want);
  }
  assert.equal(cosine('bread', 'bad').toFixed(2), '0.83');
  assert.equal(cosine('cat', 'train').toFixed(2), '0.77');
});

// The spam widget's fit, with unknown words (column 0) zeroed as the widget does.
function spamFit(alpha, labels = MESSAGES.map(([, y]) => y)) {
  const trainIdx = MESSAGES.map((_, i) => i).filter((i) => !isTestIndex(i));
  const testIdx = MESSAGES.map((_, i) => i).filter(isTestIndex);
  const vocab = new ml.Vocabulary();
  const model = new ml.MultinomialNaiveBayes();
  vocab.build(trainIdx.map((i) => MESSAGES[i][0]), 1, 0);
  const train = ml.bagOfWords(trainIdx.map((i) => MESSAGES[i][0]), vocab);
  const encode = (texts) => {
    const b = ml.bagOfWords(texts, vocab);
    for (let r = 0; r < b.data.length; r += b.cols) b.data[r] = 0;
    return b.data;
  };
  model.setData(train.data, train.cols, trainIdx.map((i) => labels[i]));
  model.setAlpha(alpha);
  model.fit(1);
  const pred = Array.from(model.predict(encode(testIdx.map((i) => MESSAGES[i][0]))));
  const ratio = Array.from(model.featureLogRatio(1, 0));
  return {
    acc: ml.accuracy(testIdx.map((i) => labels[i]), pred),
    p: (text) => model.predictProba(encode([text]))[1],
    contributions: (text) => Array.from(model.logOddsContributions(encode([text]), 1, 0)),
    order: ratio.map((r, id) => ({ r, word: vocab.token(id), id })).filter((w) => w.id > 0).sort((a, b) => b.r - a.r || a.id - b.id),
    free() { model.delete(); vocab.delete(); },
  };
}

test('spam: free prize 0.992, lunch meeting 0.025; an unknown word adds exactly 0', () => {
  const f = spamFit(1);
  try {
    assert.equal(f.p('free prize, call now').toFixed(3), '0.992');
    assert.equal(f.p('lunch meeting tomorrow').toFixed(3), '0.025');
    assert.equal(f.contributions('free zyzzyva')[1], 0, 'the <unk> column contributes 0');
    assert.equal(f.p('free zyzzyva quux'), f.p('free'));
  } finally { f.free(); }
});

test('spam: α = 0.01 scores run about −6 to +7, α = 1 −1.8 to +2.2, α = 10 within ±0.7; test accuracy 100 % throughout', () => {
  const range = (alpha) => {
    const f = spamFit(alpha);
    try { return { lo: f.order[f.order.length - 1].r, hi: f.order[0].r, acc: f.acc }; } finally { f.free(); }
  };
  const a = range(0.01); const b = range(1); const c = range(10);
  assert.ok(a.lo < -6 && a.lo > -6.5 && a.hi > 6.5 && a.hi < 7, JSON.stringify(a));
  assert.equal(b.lo.toFixed(1), '-1.8'); assert.equal(b.hi.toFixed(1), '2.2');
  assert.ok(Math.abs(c.lo) < 0.7 && Math.abs(c.hi) < 0.7, JSON.stringify(c));
  for (const alpha of [0.01, 0.1, 1, 3, 10]) { const f = spamFit(alpha); try { assert.equal(f.acc, 1); } finally { f.free(); } }
});

test('spam: flipping the three training meeting messages puts "meeting" in the top eight and blocks the draft-review test message', () => {
  const labels = MESSAGES.map(([, y]) => y);
  const meetings = MESSAGES.map((_, i) => i).filter((i) => !isTestIndex(i) && /meeting/i.test(MESSAGES[i][0]));
  assert.equal(meetings.length, 3);
  for (const i of meetings) { assert.equal(labels[i], 0); labels[i] = 1; }
  const f = spamFit(1, labels);
  try {
    assert.ok(f.order.slice(0, 8).some((w) => w.word === 'meeting'));
    assert.ok(f.p('Please review the draft before the meeting') > 0.5);
    assert.ok(f.p('Can you call me after the meeting?') < 0.5, 'the other test meeting message still passes');
  } finally { f.free(); }
  // Step 2 leaves α at 10, where the same flips do not block it: hence "put α back to 1".
  const damped = spamFit(10, labels);
  try { assert.ok(damped.p('Please review the draft before the meeting') < 0.5); } finally { damped.free(); }
});

test('worked example, tf-idf: "the" in 11 of 12 corpus sentences (idf 1.08), "kitchen" in 2 (idf 2.47); the opening text has 3 and 1, weights 3.24 and 2.47, bars in the ratio 1.3', () => {
  const v = new ml.Vocabulary();
  try {
    v.build(CORPUS, 1, 0);
    assert.equal(CORPUS.length, 12);
    const bow = ml.bagOfWords(CORPUS, v);
    const idf = ml.inverseDocumentFrequency(bow.data, bow.cols);
    const the = v.tokens().indexOf('the'); const kitchen = v.tokens().indexOf('kitchen');
    const df = (j) => CORPUS.reduce((a, _, r) => a + (bow.data[r * bow.cols + j] > 0 ? 1 : 0), 0);
    assert.deepEqual([df(the), df(kitchen)], [11, 2]);
    const r2 = (x) => Math.round(x * 100) / 100;
    assert.deepEqual([r2(idf[the]), r2(idf[kitchen])], [1.08, 2.47]);
    const x = ml.bagOfWords([START_TEXT], v);
    assert.deepEqual([x.data[the], x.data[kitchen]], [3, 1]);
    assert.deepEqual([r2(x.data[the] * idf[the]), r2(x.data[kitchen] * idf[kitchen])], [3.24, 2.47]);
    const w = ml.tfidf(x.data, x.cols, idf);
    assert.equal(Math.round((w[the] / w[kitchen]) * 10) / 10, 1.3);
    // The check-yourself computation gives the same numbers from n and the two dfs.
    const c = computations.tfidf(ml, { n: 12, df: [11, 2], x: [3, 1], j: 0 });
    assert.ok(Math.abs(c.idf - idf[the]) < 1e-12 && Math.abs(c.raw - 3 * idf[the]) < 1e-12);
  } finally { v.delete(); }
});

test('worked example, cosine: man (2, 4) and woman (4, 2): dot 16, lengths √20, cos ω = 0.8, listed as 0.800 when man is clicked', () => {
  const vec = (w) => Array.from(EMBEDDING_FLAT.subarray(W.indexOf(w) * 2, W.indexOf(w) * 2 + 2));
  assert.deepEqual(vec('man'), [2, 4]);
  assert.deepEqual(vec('woman'), [4, 2]);
  assert.equal(ml.vectorDot(vec('man'), vec('woman')), 16);
  const m = W.indexOf('man');
  const r = ml.rankByCosine(EMBEDDING_FLAT, 2, EMBEDDING_FLAT.subarray(m * 2, m * 2 + 2), [m]);
  const k = Array.from(r.indices).indexOf(W.indexOf('woman'));
  assert.equal(r.similarities[k].toFixed(3), '0.800');
  assert.ok(Math.abs(computations.cosine(ml, { a: vec('man'), b: vec('woman') }).value - 0.8) < 1e-12);
});

test('check-yourself: cos((3, 4), (4, 0)) = 12/20; idf with n = 4, df = 1 is ln 2.5 + 1; "dog bites man" and "man bites dog" have cosine 1; a word unseen in spam with α → 0 outweighs everything', () => {
  assert.ok(Math.abs(computations.cosine(ml, { a: [3, 4], b: [4, 0] }).value - 0.6) < 1e-12);
  assert.ok(Math.abs(computations.tfidf(ml, { n: 4, df: [1], x: [1] }).idf - (Math.log(2.5) + 1)) < 1e-12);
  assert.ok(Math.abs(computations.tfidf(ml, { n: 4, df: [4], x: [1] }).idf - 1) < 1e-12);
  const v = new ml.Vocabulary();
  try {
    v.build(['dog bites man'], 1, 0);
    const b = ml.bagOfWords(['dog bites man', 'man bites dog'], v);
    assert.ok(Math.abs(ml.cosineSimilarity(b.data.subarray(0, b.cols), b.data.subarray(b.cols)) - 1) < 1e-12);
  } finally { v.delete(); }
  // "meeting" is only in not-spam training messages: with α near 0 its term outweighs spammy words.
  const nb = new ml.MultinomialNaiveBayes();
  const voc = new ml.Vocabulary();
  try {
    // Every word but "meeting" occurs in both classes, so only "meeting" has a zero θ (in spam).
    const texts = ['free prize now', 'free prize money now', 'meeting now', 'free prize lunch money meeting'];
    voc.build(texts, 1, 0);
    const bow = ml.bagOfWords(texts, voc);
    nb.setAlpha(0);
    nb.setData(bow.data, bow.cols, [1, 1, 0, 0]);
    nb.fit(1);
    const msg = ml.bagOfWords(['free free free prize prize money now meeting'], voc);
    assert.ok(nb.predictProba(ml.bagOfWords(['free free free prize prize money now'], voc).data)[1] > 0.9, 'spammy without meeting');
    const p = nb.predictProba(msg.data);
    assert.ok(p[1] < 1e-3, `p(spam) = ${p[1]}`);
  } finally { nb.delete(); voc.delete(); }
  assert.throws(() => computations.tfidf(ml, { n: 4, df: [5], x: [1] }), /df=/);
});

test('worked example, Bayes\' rule: 20% spam, "free" in 50% of spam and 5% of the rest: p(free) = 0.14, p(spam | free) ≈ 0.714, odds 2.5, log-odds −1.386 + 2.303 = 0.916', () => {
  // By the counts of 100 messages, as the lesson does it.
  const pFree = 0.5 * 0.2 + 0.05 * 0.8;
  assert.equal(pFree.toFixed(2), '0.14');
  assert.equal((0.1 / pFree).toFixed(3), '0.714');
  const odds = (0.5 / 0.05) * (0.2 / 0.8);
  assert.ok(Math.abs(odds - 2.5) < 1e-12);
  assert.equal((odds / (1 + odds)).toFixed(3), '0.714');
  assert.deepEqual([Math.log(0.25).toFixed(3), Math.log(10).toFixed(3), Math.log(2.5).toFixed(3)], ['-1.386', '2.303', '0.916']);
  // The engine's naive Bayes on those 100 one-word messages (α = 0, so θ is the plain share):
  // 10 of the 20 spam words are "free", 4 of the 80 others; prior 20 / 100.
  const texts = [...Array(10).fill('free'), ...Array(10).fill('hello'), ...Array(4).fill('free'), ...Array(76).fill('hello')];
  const labels = [...Array(20).fill(1), ...Array(80).fill(0)];
  const voc = new ml.Vocabulary();
  const nb = new ml.MultinomialNaiveBayes();
  try {
    voc.build(texts, 1, 0);
    const bow = ml.bagOfWords(texts, voc);
    nb.setAlpha(0);
    nb.setData(bow.data, bow.cols, labels);
    nb.fit(1);
    const free = ml.bagOfWords(['free'], voc).data;
    assert.equal(nb.predictProba(free)[1].toFixed(3), '0.714');
    // [prior log-odds, one term per vocabulary word]: log 0.25, then log 10 for "free".
    const parts = Array.from(nb.logOddsContributions(free, 1, 0));
    assert.equal(parts[0].toFixed(3), '-1.386');
    assert.equal(parts[1 + voc.idOf('free')].toFixed(3), '2.303', 'entry 1 + id: the ids start at <unk>, 0');
    assert.equal(parts.reduce((a, b) => a + b, 0).toFixed(3), '0.916');
  } finally { nb.delete(); voc.delete(); }
});
