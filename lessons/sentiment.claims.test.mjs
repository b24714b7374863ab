// Claims of sentiment.md, checked against the engine with the sentiment-reviews widget's data and
// its own training code (web/widgets/sentiment-reviews/model.js: Vocabulary, bagOfWords without the
// unknown-word column, MultinomialNaiveBayes with α = 1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
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

// "The same text, other jobs": the three worked examples, each number read from the lesson.
const lesson = fs.readFileSync(new URL('./sentiment.md', import.meta.url), 'utf8');

test('named-entity recognition: four kinds of name give 2·4 + 1 = 9 labels; the table\'s labels read back as four names from eight of eleven tokens', () => {
  assert.match(lesson, /knows four kinds of name therefore picks one of \$2 \\cdot 4 \+ 1 = 9\$ labels/);
  const sentence = 'Ana Silva paid 40 euros to Alderbrook Library on 3 May';
  assert.ok(lesson.includes(`In "${sentence}" the eleven tokens`));
  // The table's rows: tokens and their labels, in the sentence's order once put back together.
  const rows = [...lesson.matchAll(/^\| ([^|]+) \| ((?:[BIO](?:\u2011[A-Z]+)?,? ?)+) \| ([^|]+) \|$/gm)]
    .map((m) => ({ tokens: m[1].split(/,? /), labels: m[2].split(/,? /) }));
  assert.equal(rows.length, 5);
  const tag = new Map();
  for (const r of rows) { assert.equal(r.tokens.length, r.labels.length); r.tokens.forEach((t, i) => tag.set(t, r.labels[i])); }
  const tokens = sentence.split(' ');
  assert.equal(tokens.length, 11);
  const labels = tokens.map((t) => tag.get(t));
  assert.ok(labels.every(Boolean), 'every token has a label in the table');
  // Labels are written with a non-breaking hyphen (U+2011), so a narrow screen never splits one.
  // Decode: a B- starts a name, the I-s of the same kind right after it continue it.
  const names = [];
  labels.forEach((l, i) => {
    if (l.startsWith('B\u2011')) names.push({ kind: l.slice(2), words: [tokens[i]] });
    else if (l.startsWith('I\u2011')) { const last = names[names.length - 1]; assert.equal(last.kind, l.slice(2)); last.words.push(tokens[i]); }
  });
  assert.deepEqual(names.map((n) => `${n.words.join(' ')}/${n.kind}`), ['Ana Silva/PER', '40 euros/MONEY', 'Alderbrook Library/ORG', '3 May/DATE']);
  assert.equal(new Set(names.map((n) => n.kind)).size, 4);
  assert.equal(names.reduce((a, n) => a + n.words.length, 0), 8);
  assert.equal(labels.filter((l) => l === 'O').length, 3);
  assert.ok(lesson.includes('four names from eight tokens, and three tokens that name nothing'));
});

test('zero-shot: the text (3, 0, 0, 1) against four labels — cosines 0.99, 0.71, 0.14, 0.14; technology first, entertainment second', () => {
  const text = [3, 0, 0, 1];
  const labels = { technology: [2, 0, 0, 1], entertainment: [1, 0, 0, 2], sport: [0, 2, 0, 1], politics: [0, 0, 2, 1] };
  const len = (v) => Math.hypot(...v);
  assert.equal(len(text).toFixed(3), '3.162');
  for (const v of Object.values(labels)) assert.equal(len(v).toFixed(3), '2.236');
  assert.equal((len(text) * len(labels.technology)).toFixed(2), '7.07');
  const cos = Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, ml.cosineSimilarity(text, v)]));
  assert.deepEqual(Object.values(cos).map(r2), [0.99, 0.71, 0.14, 0.14]);
  const dots = Object.values(labels).map((v) => v.reduce((a, x, i) => a + x * text[i], 0));
  assert.deepEqual(dots, [7, 5, 1, 1]);
  const ranked = Object.keys(cos).sort((a, b) => cos[b] - cos[a]);
  assert.deepEqual(ranked.slice(0, 2), ['technology', 'entertainment']);
  assert.ok(lesson.includes('technology $7 / 7.07 = 0.99$, entertainment $5 / 7.07 = 0.71$, sport and politics $1 / 7.07 = 0.14$ each'));
  // The check-yourself computation gives the same number.
  assert.equal(r2(computations.cosine(ml, { a: text, b: labels.entertainment }).value), 0.71);
});

test('generation: scores 2, 1, 0 give 0.665, 0.245, 0.090 (exponentials out of 11.11); at T = 0.5, 0.867, 0.117, 0.016 (out of 63.0)', () => {
  const p = ml.softmax([2, 1, 0]);
  assert.deepEqual(Array.from(p).map(r3), [0.665, 0.245, 0.09]);
  assert.equal((Math.exp(2) + Math.exp(1) + 1).toFixed(2), '11.11');
  assert.deepEqual([Math.exp(2), Math.exp(1)].map(r2), [7.39, 2.72]);
  const cold = ml.softmax([2, 1, 0], 0.5);
  assert.deepEqual(Array.from(cold).map(r3), [0.867, 0.117, 0.016]);
  assert.equal((Math.exp(4) + Math.exp(2) + 1).toFixed(1), '63.0');
  assert.equal(Math.exp(4).toFixed(1), '54.6');
  assert.ok(cold[0] > p[0] && cold[2] < p[2], 'a lower temperature sharpens the distribution');
  assert.ok(lesson.includes('0.665, 0.245 and 0.090') && lesson.includes('0.867, 0.117 and 0.016'));
});

test('neutral as a third class: scores 2, 0.5, 0 give 0.74, 0.16 and 0.10 by softmax', () => {
  const p = Array.from(ml.softmax([2, 0.5, 0])).map((v) => v.toFixed(2));
  assert.deepEqual(p, ['0.74', '0.16', '0.10']);
  assert.ok(lesson.includes('give 0.74, 0.16 and 0.10'));
});

// The dependency paragraph uses Universal Dependencies (as its POS tags do): a name is "flat" with
// its first word as head, and a preposition is the "case" dependent of its noun. This is the UD
// parse of the sentence; every head-and-relation the paragraph states must be this one, and the
// paragraph must not hand the name's head to "Silva" (spaCy's choice) except where it says so.
test('dependency parse: one scheme (Universal Dependencies) — "Ana" is the nsubj, "Silva" flat from it, prepositions case', () => {
  const UD = {
    Ana: ['paid', 'nsubj'], Silva: ['Ana', 'flat'], paid: [null, 'root'], 40: ['euros', 'nummod'], euros: ['paid', 'obj'],
    to: ['Library', 'case'], Alderbrook: ['Library', 'compound'], Library: ['paid', 'obl'], on: ['May', 'case'], 3: ['May', 'nummod'], May: ['paid', 'obl'],
  };
  const para = lesson.split('\n').find((l) => l.startsWith('**Who did what to whom: dependency parsing.**'));
  assert.match(para, /Universal Dependencies/);
  assert.match(para, /"paid" as its root/);
  assert.equal(UD.paid[0], null);
  // Every "X" hangs from "Y" (rel) in the paragraph, before its note on spaCy.
  const ud = para.split('Tools differ')[0];
  const stated = [
    ['Ana', 'paid', 'nsubj', /the name's first word, "Ana", hangs from "paid"/, /subject \(nsubj\)/],
    ['Silva', 'Ana', 'flat', /"Silva" hangs from "Ana" \(flat/],
    ['euros', 'paid', 'obj', /"euros" is its object \(obj\)/],
    [40, 'euros', 'nummod', /"40" hanging from "euros" as a number modifier \(nummod\)/],
    ['Library', 'paid', 'obl', /"Library" and "May" hang from "paid" as obliques \(obl\)/],
    ['May', 'paid', 'obl', /"Library" and "May" hang from "paid" as obliques \(obl\)/],
    ['to', 'Library', 'case', /"to" from "Library"/, /relation case/],
    ['on', 'May', 'case', /"on" from "May"/, /relation case/],
  ];
  for (const [token, head, rel, ...texts] of stated) {
    assert.deepEqual(UD[token], [head, rel], `${token}`);
    for (const re of texts) assert.match(ud, re, `${token}: ${re}`);
  }
  assert.doesNotMatch(ud, /"Silva" is its subject|attached to "Silva"|through the preposition/);
  assert.match(para, /spaCy's English models, for one, make "Silva" the head of the name and hang "Library" from "to"/);
  // The check-yourself compares "dog" with the subject of this sentence: the UD subject is "Ana".
  assert.match(lesson, /relation nsubj, as "Ana" \(the head of the name "Ana Silva"\) hangs from "paid"/);
  assert.doesNotMatch(lesson, /like "Silva" from "paid"/);
});
