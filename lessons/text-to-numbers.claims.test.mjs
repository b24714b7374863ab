// Claims of text-to-numbers.md, checked against the engine with the widgets' defaults
// (tokens-to-ids.js: Vocabulary of CORPUS, minCount 1, idf from its bag of words;
// word-embeddings.js: EMBEDDING_FLAT in 2-D, rankByCosine, analogy; bag-of-words-spam.js:
// vocabulary from the training messages, MultinomialNaiveBayes with α, unknown words zeroed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

// Step 4: the example text's vector at minimum corpus count 1 and 2 (the widget's summary says
// "mostly zeros" only where fewer than half the entries are non-zero).
test('step 4: min count 2 shrinks the vector from 52 entries to 13, and the example text uses 8 of them (no longer mostly zeros)', () => {
  const lesson = readFileSync(new URL('./text-to-numbers.md', import.meta.url), 'utf8');
  assert.match(lesson, /the vector shrinks from 52 entries to 13\. The example text uses 8 of those 13, so its vector is no longer mostly zeros/);
  const nonzero = (minCount) => {
    const v = new ml.Vocabulary();
    try {
      v.build(CORPUS, minCount, 0);
      const x = ml.bagOfWords([START_TEXT], v);
      return { size: v.size(), nonzero: Array.from(x.data).filter((c) => c !== 0).length };
    } finally { v.delete(); }
  };
  const one = nonzero(1);
  assert.equal(one.size, 52);
  assert.ok(2 * one.nonzero < one.size, 'at count 1 the vector is mostly zeros');
  assert.deepEqual(nonzero(2), { size: 13, nonzero: 8 });
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

// The cleaning and stemming steps of the tokens-to-ids widget (its own functions), against the
// lesson's tries 5 and 6.
test('cleaning: <b>kitchen</b> gives 8 tokens, 2 unknown, and 6 known ones when cleaned; NFKC turns ｃａｔ into cat', async () => {
  const { cleanText } = await import('../web/widgets/tokens-to-ids.js');
  const v = new ml.Vocabulary();
  try {
    v.build(CORPUS, 1, 0);
    const dirty = 'The cat sat in the <b>kitchen</b>';
    const raw = Array.from(v.encode(dirty));
    assert.equal(raw.length, 8);
    assert.equal(raw.filter((id) => id === 0).length, 2);
    assert.deepEqual(ml.tokenize(dirty).map((x) => x.text).filter((w, i) => raw[i] === 0), ['b', 'b']);
    const cleaned = cleanText(dirty);
    assert.equal(cleaned.tags, 2);
    const ids = Array.from(v.encode(cleaned.text));
    assert.equal(ids.length, 6);
    assert.ok(ids.every((id) => id > 0));
    const wide = 'The ｃａｔ sat in the ｋｉｔｃｈｅｎ';
    assert.equal(Array.from(v.encode(wide)).filter((id) => id === 0).length, 2);
    assert.deepEqual(Array.from(v.encode(cleanText(wide).text)), Array.from(v.encode('The cat sat in the kitchen')));
    assert.equal(cleanText('e\u0301').text, '\u00e9', 'e + combining accent becomes the single character é');
    assert.deepEqual(ml.tokenize('École').map((x) => x.text), ['École'], 'the tokeniser lower-cases A–Z only');
    assert.equal(cleanText('École').text, 'école');
    assert.equal(cleanText('<img src=x onerror=alert(1)>').text.trim(), '', 'try 2 vanishes when cleaned');
  } finally { v.delete(); }
});

// The "Drop markup" bullet: only real tags go, a tag inside a word leaves nothing (as a browser
// prints it), character entities become their characters, and a < that starts no tag stays.
test('cleaning: <B>K</B>itchen gives kitchen, &amp; and &nbsp; become characters, x<y and y>z keeps its words', async () => {
  const { cleanText } = await import('../web/widgets/tokens-to-ids.js');
  const words = (text) => ml.tokenize(cleanText(text).text).map((x) => x.text);
  const lesson = readFileSync(new URL('./text-to-numbers.md', import.meta.url), 'utf8');
  assert.match(lesson, /a browser prints `<b>K<\/b>itchen` as "Kitchen"/);
  assert.deepEqual(words('<B>K</B>itchen'), ['kitchen']);
  assert.equal(cleanText('<B>K</B>itchen').tags, 2);
  assert.match(lesson, /such as `&amp;` for "&" and `&nbsp;` for a space/);
  const entities = cleanText('Tom &amp; Jerry&nbsp;ate');
  assert.deepEqual(ml.tokenize(entities.text).map((x) => x.text), ['tom', 'jerry', 'ate'], 'no amp or nbsp tokens');
  assert.equal(entities.entities, 2);
  assert.equal(cleanText('caf&#233; &#x263A; &lt;b&gt;').text, 'café ☺ <b>', 'numeric entities too; an escaped tag is text');
  assert.equal(cleanText('&bogus; &#0;').entities, 0, 'unknown or impossible entities stay as they are');
  assert.match(lesson, /A `<` that starts no tag, as in "x<y", is plain text and stays\./);
  assert.deepEqual(words('if x<y and y>z'), ['if', 'x', 'y', 'and', 'y', 'z']);
  assert.equal(cleanText('if x<y and y>z').tags, 0);
  // Tags that start a line or a cell separate words; a comment is markup too.
  assert.deepEqual(words('one<br>two<p>three</p>four <!-- note --> five'), ['one', 'two', 'three', 'four', 'five']);
});

// Named entities beyond &amp; and &nbsp;: markup usually writes the é of the Unicode bullet as
// &eacute;. Node has no browser table, so this is the widget's built-in one (Latin-1, Greek,
// typographic); the browser test checks the page's own table.
test('cleaning: named entities such as &eacute;, &Eacute;, &copy; and &euro; are decoded; an unknown name is left and counted', async () => {
  const { cleanText, NAMED } = await import('../web/widgets/tokens-to-ids.js');
  const words = (text) => ml.tokenize(cleanText(text).text).map((x) => x.text);
  assert.deepEqual(words('caf&eacute;'), ['café']);
  assert.deepEqual(words('&Eacute;cole'), ['école'], 'names are case-sensitive: &Eacute; is É');
  assert.deepEqual(words('na&iuml;ve &copy; 2024 &euro;5'), ['naïve', '©', '2024', '€5'], 'no eacute, iuml, copy or euro tokens');
  const mixed = cleanText('caf&eacute; &copy; Tom &amp; Jerry &bogus;');
  assert.equal(mixed.entities, 3);
  assert.equal(mixed.unknownEntities, 1);
  assert.equal(mixed.text, 'café © tom & jerry &bogus;');
  // Every Latin-1 character from U+00A0 to U+00FF has its name in the table.
  const latin1 = new Set(Object.values(NAMED));
  for (let c = 0xa0; c <= 0xff; c += 1) assert.ok(latin1.has(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

// What a browser never prints, the code in <script> and <style>, is dropped with its elements: it
// must not become words, nor glue onto the next word ("1hi").
test('cleaning: script and style elements go with their code', async () => {
  const { cleanText } = await import('../web/widgets/tokens-to-ids.js');
  const words = (text) => ml.tokenize(cleanText(text).text).map((x) => x.text);
  assert.deepEqual(words('<script>var x=1</script>Hi'), ['hi']);
  assert.deepEqual(words('<style>p{color:red}</style>Hello'), ['hello']);
  assert.deepEqual(words('<SCRIPT type="module">if (a<b) go()</SCRIPT > one <b>two</b>'), ['one', 'two']);
  assert.deepEqual(words('kept <script>never closed'), ['kept'], 'an unclosed script runs to the end, as a browser reads it');
  const cleaned = cleanText('<script>var x=1</script><b>Hi</b>');
  assert.equal(cleaned.code, 1);
  assert.equal(cleaned.tags, 2);
});

test('stemming: cats → cat, boxes → box, swimming → swim; with stems, "cats" and "kitchens" get the ids of cat and kitchen and |V| falls from 52 to 46', async () => {
  const { stemWord, stemText } = await import('../web/widgets/tokens-to-ids.js');
  assert.deepEqual(['cats', 'boxes', 'swimming', 'laptops', 'universe', 'university'].map(stemWord), ['cat', 'box', 'swim', 'laptop', 'universe', 'university']);
  const v = new ml.Vocabulary();
  const s = new ml.Vocabulary();
  try {
    v.build(CORPUS, 1, 0);
    const plain = Array.from(v.encode('The cats sat in the kitchens'));
    assert.ok(plain[1] > 0 && plain[1] !== v.encode('cat')[0], 'cats has an id of its own');
    assert.equal(plain[5], 0, 'kitchens is <unk>');
    s.build(CORPUS.map((c) => stemText(ml, c)), 1, 0);
    const stemmed = Array.from(s.encode(stemText(ml, 'The cats sat in the kitchens')));
    assert.equal(stemmed[1], s.encode('cat')[0]);
    assert.equal(stemmed[5], s.encode('kitchen')[0]);
    assert.ok(stemmed.every((id) => id > 0));
    assert.equal(v.size(), 52);
    assert.equal(s.size(), 46);
    const rain = CORPUS.flatMap((c) => ml.tokenize(c).map((x) => x.text)).filter((w) => stemWord(w) === 'rain');
    assert.deepEqual([...new Set(rain)].sort(), ['rain', 'rained', 'raining']);
  } finally { v.delete(); s.delete(); }
});

// Try 6's account of the widget's stemmer: what it joins, what it keeps whole and what it leaves apart.
// A stemmer that split a word from its own inflections (meetings → meeting but meeting → meet,
// need → ne) would undo what it is for.
test('stemming: the widget\'s stemmer joins every word of the lesson and the corpus with its own inflections, keeps need, speed and thing whole, and leaves irregular forms apart', async () => {
  const { stemWord } = await import('../web/widgets/tokens-to-ids.js');
  const lesson = readFileSync(new URL('./text-to-numbers.md', import.meta.url), 'utf8');
  const same = (forms) => assert.equal(new Set(forms.map(stemWord)).size, 1, `${forms.join(', ')} → ${forms.map(stemWord).join(', ')}`);
  assert.match(lesson, /So "meetings", "meeting" and "meet" all become `meet`, and "chased", "chases" and "chase" all become `chase`\./);
  assert.equal(stemWord('meetings'), 'meet');
  assert.equal(stemWord('chased'), 'chase');
  same(['meetings', 'meeting', 'meet']);
  same(['chased', 'chases', 'chase', 'chasing']);
  // Every word form of the lesson, its tries, the retrieval lesson's examples and the corpus, with its inflections.
  for (const forms of [
    ['cat', 'cats'], ['dog', 'dogs'], ['box', 'boxes', 'boxed'], ['swim', 'swims', 'swimming'], ['rain', 'rains', 'rained', 'raining'],
    ['walk', 'walks', 'walked', 'walking'], ['laptop', 'laptops'], ['help', 'helps', 'helped', 'helping'], ['kitchen', 'kitchens'],
    ['paint', 'paints', 'painted', 'painting', 'paintings'], ['need', 'needs', 'needed', 'needing'], ['speed', 'speeds', 'speeding'],
    ['feed', 'feeds', 'feeding'], ['agree', 'agrees', 'agreed'], ['like', 'likes', 'liked', 'liking'], ['smell', 'smells', 'smelled'],
    ['bark', 'barks', 'barked'], ['friend', 'friends'], ['house', 'houses'], ['study', 'studies', 'studied', 'studying'],
    ['university', 'universities'], ['universe', 'universes'], ['park', 'parks'], ['mouse', 'mouses'], ['sleep', 'sleeps', 'sleeping'],
    ['use', 'uses', 'used', 'using'], ['tie', 'ties', 'tied', 'tying'], ['add', 'adds', 'added'], ['hop', 'hops', 'hopped', 'hopping'],
  ]) same(forms);
  const corpus = [...new Set(CORPUS.flatMap((c) => ml.tokenize(c).map((x) => x.text)))];
  for (const w of corpus) assert.ok(stemWord(w).length >= Math.min(3, w.length), `${w} keeps a stem of three letters or more`);
  assert.match(lesson, /It leaves words of up to three letters alone and does not cut -ed, -ing or the d of -eed when no vowel would be left before them, which keeps "need", "speed" and "thing" whole\./);
  for (const w of ['need', 'speed', 'thing', 'feed', 'cat', 'was', 'has']) assert.equal(stemWord(w), w);
  assert.match(lesson, /irregular forms such as "slept" and "sleep" or "mice" and "mouse", and words whose endings are not inflections, so "university" and "universe" stay apart/);
  assert.notEqual(stemWord('slept'), stemWord('sleep'));
  assert.notEqual(stemWord('mice'), stemWord('mouse'));
  assert.notEqual(stemWord('university'), stemWord('universe'));
  assert.match(lesson, /such as "news" → `new`\./);
  assert.equal(stemWord('news'), 'new');
});

// Try 6 calls the stemmer "modelled on" Porter's step 1, not Porter's step 1: its plural rules are its
// own, and the lesson names the stems a learner checking with NLTK's PorterStemmer would see differ.
// (Porter 1980, step 1a: IES → I; step 1b: ED removed when the stem has a vowel, so cried → cri;
// step 1c: a final Y → I when the stem has a vowel, so happy → happi; no later step touches citi,
// cri or happi.) The widget's side of each pair is asserted here.
test('stemming: the widget\'s stemmer is described as modelled on Porter\'s step 1, with its own plural rules: cities → city, cried → cry, happy stays', async () => {
  const { stemWord } = await import('../web/widgets/tokens-to-ids.js');
  const lesson = readFileSync(new URL('./text-to-numbers.md', import.meta.url), 'utf8');
  assert.doesNotMatch(lesson, /a light one, the first step of Porter's/);
  assert.match(lesson, /a light rule stemmer modelled on the first step of Porter's, with plural rules of its own: it cuts a plural -s, and -es after x, ch, sh or zz, turns -ies and -ied into -y, and cuts -ed and -ing/);
  assert.deepEqual(['cats', 'boxes', 'churches', 'wishes', 'buzzes', 'horses', 'studies', 'studied'].map(stemWord), ['cat', 'box', 'church', 'wish', 'buzz', 'horse', 'study', 'study']);
  assert.match(lesson, /NLTK's `PorterStemmer` gives `citi` for "cities", `cri` for "cried" and `happi` for "happy", where the widget gives `city`, `cry` and `happy`\./);
  assert.deepEqual(['cities', 'cried', 'happy'].map(stemWord), ['city', 'cry', 'happy']);
  const widget = readFileSync(new URL('../web/widgets/tokens-to-ids.js', import.meta.url), 'utf8');
  assert.doesNotMatch(widget, /by the rules of Porter\\?'s step 1/, 'the embed option\'s description says the same');
});

test('sentence vector: rows (1,2), (3,0) and padding (5,5) with mask (1,1,0) pool to (2,1), not (3, 2.33); normalised (0.894, 0.447)', () => {
  const rows = [[1, 2], [3, 0], [5, 5]];
  const mask = [1, 1, 0];
  const pooled = [0, 1].map((j) => rows.reduce((acc, r, i) => acc + mask[i] * r[j], 0) / mask.reduce((a, b) => a + b, 0));
  assert.deepEqual(pooled, [2, 1]);
  const unmasked = [0, 1].map((j) => rows.reduce((acc, r) => acc + r[j], 0) / 3);
  assert.deepEqual(unmasked.map((x) => x.toFixed(2)), ['3.00', '2.33']);
  const len = Math.hypot(...pooled);
  assert.equal(len.toFixed(3), '2.236');
  assert.deepEqual(pooled.map((x) => (x / len).toFixed(3)), ['0.894', '0.447']);
  // The cosine of unit vectors is their dot product.
  const u = pooled.map((x) => x / len);
  const w = [0.6, 0.8];
  assert.ok(Math.abs(ml.cosineSimilarity(u, w) - (u[0] * w[0] + u[1] * w[1])) < 1e-12);
});

test('the lesson names natural language processing (NLP) where the course\'s text lessons start: spam-filter counted four hand-picked clues, then text-to-numbers, sentiment and attention-toy in that order', () => {
  const read = (slug) => readFileSync(new URL(`./${slug}.md`, import.meta.url), 'utf8');
  const lesson = read('text-to-numbers');
  const intro = lesson.slice(0, lesson.indexOf('## From characters to tokens to ids'));
  assert.match(intro, /is called \*\*natural language processing\*\* \(NLP\)\. The \[spam filter\]\(spam-filter\.html\) met earlier was a first taste, but it counted four clues chosen by hand\./);
  assert.match(read('spam-filter'), /it counts four things in it/);
  // spam-filter comes before this lesson in the course; sentiment and attention-toy after it.
  const course = JSON.parse(readFileSync(new URL('./course.json', import.meta.url), 'utf8'));
  const levels = course.levels.map((l) => l.id);
  const place = (slug) => {
    const front = read(slug).split('---')[1];
    return [levels.indexOf(/\nlevel: (\S+)/.exec(front)[1]), Number(/\norder: (\S+)/.exec(front)[1])];
  };
  const before = (a, b) => place(a)[0] < place(b)[0] || (place(a)[0] === place(b)[0] && place(a)[1] < place(b)[1]);
  assert.ok(before('spam-filter', 'text-to-numbers'));
  assert.ok(before('text-to-numbers', 'sentiment'));
  assert.ok(before('sentiment', 'attention-toy'));
  for (const slug of ['spam-filter', 'sentiment', 'attention-toy']) assert.match(intro, new RegExp(`\\]\\(${slug}\\.html\\)`));
});

// "Pieces of words: byte-pair encoding": the worked example, the widget's tries and the
// check-yourself answers, from the code the bpe-merges widget runs (web/widgets/bpe-merges/merges.js)
// on its example corpus, cut into words by the engine's tokenize as the widget cuts it.
const bpe = await import('../web/widgets/bpe-merges/merges.js');
const { EXAMPLE_CORPUS, MAX_CHARS: BPE_MAX_CHARS } = await import('../web/widgets/bpe-merges.js');
const bpeSection = () => {
  const lesson = readFileSync(new URL('./text-to-numbers.md', import.meta.url), 'utf8');
  return lesson.slice(lesson.indexOf('## Pieces of words: byte-pair encoding'), lesson.indexOf('**References.**'));
};
const learnFrom = (text, merges) => bpe.learnMerges(bpe.countWords(ml.tokenize(text).map((t) => t.text)), merges);
const split = (learned, word) => bpe.splitWord(word, learned).map((p) => p.piece).join(' ');

test('BPE worked example: the corpus is the widget\'s, 15 words, 8 different, 8 characters, 68 characters long', () => {
  const section = bpeSection();
  assert.match(section, /A worked example on a corpus of 15 words, 8 of them different: low, lower, lowest, slow 3 times, slower 4 times, now 3 times, new and newest\. The characters l, o, w, e, r, s, t and n give 8 starting tokens, and the corpus is 68 characters long\./);
  const words = ml.tokenize(EXAMPLE_CORPUS).map((t) => t.text);
  assert.equal(words.length, 15);
  assert.deepEqual(bpe.countWords(words).map(({ word, count }) => `${word} ${count}`), ['low 1', 'lower 1', 'lowest 1', 'slow 3', 'slower 4', 'now 3', 'new 1', 'newest 1']);
  const start = learnFrom(EXAMPLE_CORPUS, 0);
  assert.deepEqual(start.start, ['l', 'o', 'w', 'e', 'r', 's', 't', 'n']);
  assert.equal(bpe.corpusLength(start.entries), 68);
});

test('BPE worked example: merges 1 to 8 with the counts the lesson writes out, and the tie at merge 7', () => {
  const section = bpeSection();
  assert.match(section, /o \+ w sits in six of the eight words: low 1, lower 1, lowest 1, slow 3, slower 4 and now 3, which makes \$1 \+ 1 \+ 1 \+ 3 \+ 4 \+ 3 = 13\$\. The next best, l \+ o, has 10, so `ow` becomes token 9\./);
  assert.match(section, /l \+ ow occurs \$1 \+ 1 \+ 1 \+ 3 \+ 4 = 10\$ times, in every word but now, new and newest: `low` is token 10\./);
  assert.match(section, /s \+ low occurs in slow and slower, \$3 \+ 4 = 7\$ times, ahead of e \+ r with 5: `slow` is token 11\./);
  assert.match(section, /e \+ r \(lower 1 and slower 4, so 5\), then slow \+ er \(4\) and n \+ ow \(3\) give `er`, `slower` and `now`/);
  assert.match(section, /Four pairs now tie at 2: e \+ s, s \+ t, n \+ e and e \+ w\. The first of them met in the corpus is e \+ s, in lowest, which gives `es`; then es \+ t, again 2, gives `est`\./);
  assert.match(section, /After 8 merges the vocabulary has \$8 \+ 8 = 16\$ tokens, and the corpus is written with 22 tokens instead of 68 characters\./);
  const words = (pair) => pair.words.map(({ word, times }) => `${word} ${times}`);
  const start = learnFrom(EXAMPLE_CORPUS, 0).next;
  assert.deepEqual([start[0].left, start[0].right, start[0].count], ['o', 'w', 13]);
  assert.deepEqual(words(start[0]), ['low 1', 'lower 1', 'lowest 1', 'slow 3', 'slower 4', 'now 3']);
  assert.deepEqual([start[1].left, start[1].right, start[1].count], ['l', 'o', 10], 'the next best pair');
  const learned = learnFrom(EXAMPLE_CORPUS, 8);
  assert.deepEqual(learned.merges.map((m) => `${m.left}+${m.right}=${m.count}`), ['o+w=13', 'l+ow=10', 's+low=7', 'e+r=5', 'slow+er=4', 'n+ow=3', 'e+s=2', 'es+t=2']);
  assert.deepEqual(words(learned.merges[1]), ['low 1', 'lower 1', 'lowest 1', 'slow 3', 'slower 4']);
  assert.deepEqual(words(learned.merges[2]), ['slow 3', 'slower 4']);
  assert.deepEqual(words(learned.merges[3]), ['lower 1', 'slower 4']);
  // Merges 1 to 6 are clear winners; at merge 7 three other pairs have the same count.
  assert.deepEqual(learned.merges.map((m) => m.tied), [0, 0, 0, 0, 0, 0, 3, 2]);
  const beforeMerge3 = learnFrom(EXAMPLE_CORPUS, 2).next;
  assert.deepEqual(beforeMerge3.filter((p) => p.left === 'e' && p.right === 'r').map((p) => p.count), [5]);
  const beforeMerge7 = learnFrom(EXAMPLE_CORPUS, 6).next;
  assert.deepEqual(beforeMerge7.filter((p) => p.count === 2).map((p) => `${p.left}+${p.right}`), ['e+s', 's+t', 'n+e', 'e+w']);
  assert.equal(beforeMerge7[0].words[0].word, 'lowest');
  assert.deepEqual(bpe.vocabularyOf(learned), ['l', 'o', 'w', 'e', 'r', 's', 't', 'n', 'ow', 'low', 'slow', 'er', 'slower', 'now', 'es', 'est']);
  assert.equal(bpe.corpusLength(learned.entries), 22);
  assert.deepEqual(learned.entries.find((e) => e.word === 'slower').pieces, ['slower'], 'slower is a single token');
});

test('BPE: "slowest" split merge by merge, "known" keeps an unknown k; GPT-2\'s 50 257 = 256 + 50 000 + 1', () => {
  const section = bpeSection();
  assert.match(section, /Take "slowest", which is not in the corpus: s l o w e s t\. Merge 1 gives s l ow e s t, merge 2 gives s low e s t, merge 3 gives slow e s t; merges 4 to 6 find nothing to join, merge 7 gives slow es t and merge 8 gives `slow` \+ `est`\./);
  assert.ok(!ml.tokenize(EXAMPLE_CORPUS).some((t) => t.text === 'slowest'));
  const after = ['s l o w e s t', 's l ow e s t', 's low e s t', 'slow e s t', 'slow e s t', 'slow e s t', 'slow e s t', 'slow es t', 'slow est'];
  after.forEach((pieces, k) => assert.equal(split(learnFrom(EXAMPLE_CORPUS, k), 'slowest'), pieces, `after ${k} merges`));
  // A vocabulary of the corpus's words gives it <unk>.
  const v = new ml.Vocabulary();
  try { v.build([EXAMPLE_CORPUS], 1, 0); assert.equal(v.encode('slowest')[0], 0); } finally { v.delete(); }
  assert.deepEqual(bpe.splitWord('known', learnFrom(EXAMPLE_CORPUS, 8)), [{ piece: 'k', known: false }, { piece: 'now', known: true }, { piece: 'n', known: true }]);
  assert.match(section, /learns 50\u202f000 merges; with one extra token that marks the end of a text, its vocabulary has 50\u202f257 entries/);
  assert.equal(256 + 50000 + 1, 50257);
});

test('BPE widget tries: "newer" after 8 and 10 merges; after 13 merges no pair is left, 21 tokens, 15 in the corpus', () => {
  const section = bpeSection();
  assert.match(section, /After the eighth, the readout shows a vocabulary of 16 and a corpus of 22 tokens out of 68 characters, and the new word "slowest" is `slow` \+ `est`\./);
  assert.match(section, /After eight merges it is `n`, `e`, `w`, `er`, four tokens, since new and newest occur only once each\. Two more presses merge n \+ e and then ne \+ w, and "newer" becomes `new` \+ `er`\./);
  assert.equal(split(learnFrom(EXAMPLE_CORPUS, 8), 'newer'), 'n e w er');
  const ten = learnFrom(EXAMPLE_CORPUS, 10);
  assert.deepEqual(ten.merges.slice(8).map((m) => `${m.left}+${m.right}`), ['n+e', 'ne+w']);
  assert.equal(split(ten, 'newer'), 'new er');
  assert.match(section, /After 13 merges no pair is left: every word of the corpus is a single token, the vocabulary has 21 tokens, and the corpus is 15 tokens long, one per word\. That is the word-level vocabulary again, with the pieces still in it, so "slowest" is still `slow` \+ `est`\./);
  const twelve = learnFrom(EXAMPLE_CORPUS, 12);
  assert.equal(twelve.next.length, 1, 'one pair left after 12 merges');
  const all = learnFrom(EXAMPLE_CORPUS, 60);
  assert.equal(all.merges.length, 13);
  assert.deepEqual(all.next, []);
  assert.equal(bpe.vocabularyOf(all).length, 21);
  assert.equal(bpe.corpusLength(all.entries), 15);
  assert.equal(split(all, 'slowest'), 'slow est');
});

test('BPE widget try 4: the first 400 characters of the paragraph that begins "After cutting" make in, th, er and ing in four merges', () => {
  const lesson = readFileSync(new URL('./text-to-numbers.md', import.meta.url), 'utf8');
  assert.match(bpeSection(), /copy the paragraph that begins "After cutting" into the corpus box: its first four merges make `in`, `th`, `er` and `ing`, the pieces of the most common words and endings of English\./);
  // What the page shows of the paragraph: its Markdown without the ** marks and with the link text.
  const paragraph = lesson.split('\n').find((line) => line.startsWith('After cutting, many pipelines'));
  const shown = paragraph.replace(/\*\*/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  assert.ok(shown.length > BPE_MAX_CHARS, 'longer than the box keeps: the widget uses its first 400 characters');
  const learned = learnFrom(shown.slice(0, BPE_MAX_CHARS), 4);
  assert.deepEqual(learned.merges.map((m) => m.token), ['in', 'th', 'er', 'ing']);
});

test('BPE check-yourself: tea, ten and net merge t + e first (5); merges e+r then h+e split "her" as h + er', () => {
  const lesson = readFileSync(new URL('./text-to-numbers.md', import.meta.url), 'utf8');
  assert.match(lesson, /\? A corpus holds "tea" 3 times, "ten" twice and "net" once\. Which pair does byte-pair encoding merge first\?\n\+ t \+ e, which occurs \$3 \+ 2 = 5\$ times :: .*\(e \+ a has 3, e \+ n 2\)/);
  assert.match(lesson, /first e \+ r → `er`, then h \+ e → `he`\. How does it split the new word "her"\?\n(- .*\n){2}\+ `h` \+ `er` ::/);
  const learned = bpe.learnMerges(bpe.countWords(['tea', 'tea', 'tea', 'ten', 'ten', 'net']), 1);
  assert.deepEqual(learned.merges.map((m) => [m.token, m.count]), [['te', 5]]);
  const counts = Object.fromEntries(bpe.pairCounts(learnFrom('tea tea tea ten ten net', 0).entries).map((p) => [`${p.left}+${p.right}`, p.count]));
  assert.deepEqual(counts, { 't+e': 5, 'e+a': 3, 'e+n': 2, 'n+e': 1, 'e+t': 1 });
  const her = { start: ['h', 'e', 'r'], merges: [{ left: 'e', right: 'r', token: 'er' }, { left: 'h', right: 'e', token: 'he' }] };
  assert.equal(split(her, 'her'), 'h er');
});
