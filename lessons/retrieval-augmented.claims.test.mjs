// Claims of retrieval-augmented.md, checked against the engine with the rag-retrieval widget's
// data and defaults (web/lib/retrieval-collection.js; tf-idf with the collection's stop words;
// LSA with d = 8; k = 2; minimum score 0) and its verdict rule (judgeAnswer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations.js';
import { OUTSIDE_QUESTIONS, PASSAGES, QUESTIONS, STOP_WORDS } from '../web/lib/retrieval-collection.js';
import { schema, judgeAnswer, knownQuestion } from '../web/widgets/rag-retrieval/settings.js';

const tfidf = new ml.TfidfRetriever();
tfidf.build(PASSAGES, STOP_WORDS);
const lsa = new ml.LsaRetriever();
lsa.build(PASSAGES, STOP_WORDS, schema.dimensions.default);
const K = schema.k.default;
const lesson = fs.readFileSync(new URL('./retrieval-augmented.md', import.meta.url), 'utf8');
const says = (text) => assert.ok(lesson.includes(text), `the lesson says: ${text}`);
const r3 = (v) => Math.round(v * 1000) / 1000;
const q = (start) => QUESTIONS.find((x) => x.text.startsWith(start));
const rankOf = (ret, question, exclude) => Array.from(ret.search(question.text, exclude).indices).findIndex((p) => question.relevant.includes(p)) + 1;
const verdict = (ret, text, k = K, min = 0, exclude) => judgeAnswer(ret.answer(text, k, min, exclude), knownQuestion(text));

test('the widget starts with k = 2, d = 8, minimum score 0, tf-idf; 28 passages, 20 covered questions and 2 outside', () => {
  assert.equal(K, 2);
  assert.equal(schema.dimensions.default, 8);
  assert.equal(schema.minScore.default, 0);
  assert.equal(schema.retriever.default, 'tfidf');
  assert.equal(PASSAGES.length, 28);
  assert.equal(QUESTIONS.length, 20);
  assert.equal(OUTSIDE_QUESTIONS.length, 2);
  assert.deepEqual(q('When are the bins').relevant, [11, 12]);
  // Every passage has one to three sentences.
  for (const p of PASSAGES) { const n = p.split(/(?<=[.!?])\s+/).length; assert.ok(n >= 1 && n <= 3, p); }
});

test('worked example: library fees over three passages scores 0.605, 0.335, 0.284', () => {
  const r = new ml.TfidfRetriever();
  try {
    r.build(['Late fees for library books', 'Library opening hours', 'Bus fees are paid to the driver'], STOP_WORDS);
    const idf = r.idf();
    assert.equal(r3(idf[r.idOf('library')]), 1.288);
    assert.equal(r3(idf[r.idOf('fees')]), 1.288);
    assert.equal(r3(idf[r.idOf('late')]), 1.693);
    const rows = r.passageVectors();
    const V = r.tokens().length;
    // Passage A's length, as the lesson works it out from the weights it prints (and 1.288 / it = 0.428).
    const squares = 2 * 1.693 ** 2 + 2 * 1.288 ** 2;
    assert.equal(squares.toFixed(3), '9.050');
    assert.equal(Math.sqrt(squares).toFixed(3), '3.008');
    assert.equal((1.288 / 3.008).toFixed(3), '0.428');
    assert.match(lesson, /Its length is the square root of \$2 \\cdot 1\.693\^2 \+ 2 \\cdot 1\.288\^2 = 9\.050\$, which is \$3\.008\$, so fees and library weigh/);
    assert.equal(r3(rows[0 * V + r.idOf('fees')]), 0.428);
    assert.equal(r3(rows[0 * V + r.idOf('library')]), 0.428);
    assert.equal(r3(r.vectorOf('library fees')[r.idOf('fees')]), 0.707);
    const s = r.search('library fees');
    assert.deepEqual(Array.from(s.indices), [0, 1, 2]);
    assert.deepEqual(Array.from(s.scores).map(r3), [0.605, 0.335, 0.284]);
  } finally { r.delete(); }
});

test('worked example: the stop words the three passages lose are named, and the word counts left are the ones the arithmetic uses', () => {
  const passages = ['Late fees for library books', 'Library opening hours', 'Bus fees are paid to the driver'];
  const words = passages.map((p) => p.toLowerCase().split(/\s+/));
  const dropped = [...new Set(words.flat().filter((w) => STOP_WORDS.includes(w)))];
  assert.deepEqual(dropped, ['for', 'are', 'to', 'the']);
  says('The stop words "for", "are", "to" and "the" drop out, so A keeps four words, B three and C four.');
  assert.deepEqual(words.map((w) => w.filter((x) => !STOP_WORDS.includes(x)).length), [4, 3, 4]);
});

test('recall@k and MRR over the 20 questions, as the lesson quotes them', () => {
  const measure = (ret, k) => {
    const rankings = QUESTIONS.map((x) => Array.from(ret.search(x.text).indices));
    const relevant = QUESTIONS.map((x) => x.relevant);
    return { recall: ml.recallAtK(rankings, relevant, k), mrr: ml.meanReciprocalRank(rankings, relevant) };
  };
  assert.equal(r3(measure(tfidf, 2).recall), 0.675);
  assert.equal(r3(measure(tfidf, 2).mrr), 0.685);
  assert.equal(r3(measure(lsa, 2).recall), 0.625);
  assert.equal(r3(measure(lsa, 2).mrr), 0.694);
  assert.equal(r3(measure(tfidf, 3).recall), 0.775);
  assert.equal(r3(measure(lsa, 3).recall), 0.7);
  assert.equal(r3(measure(tfidf, 1).recall), 0.525);
  assert.equal(r3(measure(lsa, 1).recall), 0.575);
});

test('bus ticket: tf-idf first, LSA puts parking first and the bus fares second; cheese: first with both at d = 8, 9th under LSA with d = 2', () => {
  const x = q('How much does a bus ticket cost');
  assert.equal(rankOf(tfidf, x), 1);
  assert.equal(rankOf(lsa, x), 2);
  assert.equal(lsa.search(x.text).indices[0], 23);
  assert.match(PASSAGES[23], /a ticket from the machine costs 1 euro per hour/);
  const cheese = q('When is the cheese festival');
  assert.equal(rankOf(tfidf, cheese), 1);
  assert.equal(rankOf(lsa, cheese), 1);
  const lsa2 = new ml.LsaRetriever();
  try {
    lsa2.build(PASSAGES, STOP_WORDS, 2);
    assert.equal(rankOf(lsa2, cheese), 9);
  } finally { lsa2.delete(); }
  assert.equal(schema.dimensions.min, 2);
});

test('swimming: tf-idf scores the prices passage 0 and ranks it 20th, the pool passage first; the answer is about June and August', () => {
  const x = q('How much does swimming cost');
  const s = tfidf.search(x.text);
  const at = Array.from(s.indices).indexOf(19);
  assert.equal(at + 1, 20);
  assert.equal(s.scores[at], 0);
  assert.equal(s.indices[0], 18);
  const a = tfidf.answer(x.text, K, 0);
  assert.equal(a.passage, 18);
  assert.match(a.sentence, /June/);
  assert.match(a.sentence, /August/);
  assert.doesNotMatch(a.sentence, /euro/);
  // The prices passage says "swim" and "costs", never "swimming" or "cost"; it shares "pool" with passage 18.
  assert.doesNotMatch(PASSAGES[19], /\bswimming\b|\bcost\b/);
  assert.match(PASSAGES[19], /\bswim\b/);
  assert.match(PASSAGES[18], /\bswimming\b/);
  assert.match(PASSAGES[18], /\bpool\b/);
  assert.match(PASSAGES[19], /\bpool\b/);
});

test('predict-then-check: LSA moves the prices passage from 20th up to 5th, still outside k = 2, so the answer stays wrong', () => {
  const x = q('How much does swimming cost');
  assert.equal(rankOf(tfidf, x), 20);
  assert.equal(rankOf(lsa, x), 5);
  assert.equal(verdict(lsa, x.text), 'wrong');
});

// The box is judged at the d the widget is mounted with: the lesson mounts it with its defaults
// (d = 8). The lesson asks for the prediction before any step changes d, and the step that slides d
// to 2 (where the prices passage sinks to 25th, another answer) ends by setting it back to 8.
test('predict-then-check comes before the things to look at; at d = 2 the prices passage sinks to 25th, and that step sets d back to 8', () => {
  assert.match(lesson, /^::: widget rag-retrieval$/m, 'mounted with the default d');
  const x = q('How much does swimming cost');
  const lsa2 = new ml.LsaRetriever();
  try {
    lsa2.build(PASSAGES, STOP_WORDS, 2);
    assert.equal(rankOf(lsa2, x), 25);
  } finally { lsa2.delete(); }
  says('The swimming prices passage fares no better: at $d = 2$ it sinks to 25th, below even tf-idf\'s 20th. Set $d$ back to 8 before you go on.');
  says('What will embeddings make of it, with $d$ at 8 as the widget starts');
  const widget = lesson.indexOf('::: widget rag-retrieval');
  const predict = lesson.indexOf('**Predict, then check.**');
  const reveal = lesson.indexOf('::: reveal\nIt moves up, from 20th to 5th');
  const look = lesson.indexOf('Things to look at in the widget:');
  const slide = lesson.indexOf('Slide $d$ down to 2');
  const back = lesson.indexOf('Set $d$ back to 8 before you go on.');
  assert.ok(widget >= 0 && widget < predict && predict < reveal && reveal < look && look < slide && slide < back, `widget ${widget}, predict ${predict}, reveal ${reveal}, look ${look}, slide ${slide}, back ${back}`);
  // Nothing before the box has the learner switch to embeddings or change d.
  assert.doesNotMatch(lesson.slice(widget, predict), /[Ss]lide \$d\$|[Ss]witch to embeddings/);
  // The swimming question's tf-idf facts are stated in the predict paragraph, before the reveal.
  says('so tf-idf gives it exactly 0 and ranks it 20th. The swimming-pool passage (its opening dates) comes first, and the answer is about June and August, not euros.');
});

test('laptop: both retrievers answer with the on-call doctor', () => {
  const x = q('Who can help me with my laptop');
  for (const ret of [tfidf, lsa]) {
    const a = ret.answer(x.text, K, 0);
    assert.equal(a.passage, 24);
    assert.match(a.sentence, /urgent help/);
    assert.equal(verdict(ret, x.text), 'wrong');
  }
  assert.match(PASSAGES[26], /laptops/);
});

test('pizza box: tf-idf ranks the paper passage third; k = 1 answers from household rubbish, k = 2 and 3 copy the red-box sentence of the batteries passage', () => {
  const x = q('Where do I put a pizza box');
  assert.equal(rankOf(tfidf, x), 3);
  assert.equal(tfidf.answer(x.text, 1, 0).passage, 11);
  assert.match(PASSAGES[11], /^Household rubbish/);
  for (const k of [2, 3]) {
    const a = tfidf.answer(x.text, k, 0);
    assert.equal(a.passage, 14);
    assert.equal(a.sentence, 'Drop them in the red box at the library entrance.');
    assert.match(PASSAGES[14], /^Batteries/);
    assert.equal(verdict(tfidf, x.text, k), 'wrong');
  }
});

test('museum: tf-idf with k = 2 copies the town-hall sentence; a minimum of 0.3 makes it "not found" and silences 15 of 20 covered questions', () => {
  const museum = OUTSIDE_QUESTIONS.find((t) => t.includes('museum'));
  const a = tfidf.answer(museum, K, 0);
  assert.equal(a.sentence, 'The town hall on Market Square is open from 8 am to 4 pm on weekdays.');
  assert.equal(verdict(tfidf, museum), 'made-up');
  assert.equal(tfidf.answer(museum, K, 0.3).found, false);
  assert.equal(verdict(tfidf, museum, K, 0.3), 'right-not-found');
  const silenced = QUESTIONS.filter((x) => !tfidf.answer(x.text, K, 0.3).found).length;
  assert.equal(silenced, 15);
});

test('airport: not found with either retriever at any k and minimum score', () => {
  const airport = OUTSIDE_QUESTIONS.find((t) => t.includes('airport'));
  for (const ret of [tfidf, lsa]) for (let k = 1; k <= 5; k++) for (const m of [0, 0.5]) assert.equal(ret.answer(airport, k, m).found, false);
});

test('break retrieval: without the last-bus passage the answer is the number 4 timetable sentence', () => {
  const x = q('When is the last bus');
  assert.equal(verdict(tfidf, x.text), 'right');
  for (const k of [1, K]) {
    const a = tfidf.answer(x.text, k, 0, x.relevant);
    assert.equal(a.sentence, 'The number 4 bus runs from the railway station to the hospital every 15 minutes on weekdays.');
    assert.equal(judgeAnswer(a, knownQuestion(x.text)), 'wrong');
  }
});

test('verdict rule at its boundaries: right passage → right, other passage → wrong, nothing → not found', () => {
  const known = { relevant: [3] };
  assert.equal(judgeAnswer({ found: true, passage: 3 }, known), 'right');
  assert.equal(judgeAnswer({ found: true, passage: 4 }, known), 'wrong');
  assert.equal(judgeAnswer({ found: false, passage: -1 }, known), 'not-found');
  assert.equal(judgeAnswer({ found: true, passage: 0 }, { relevant: [] }), 'made-up');
  assert.equal(judgeAnswer({ found: false, passage: -1 }, { relevant: [] }), 'right-not-found');
  assert.equal(judgeAnswer({ found: true, passage: 0 }, null), 'unknown');
  assert.equal(knownQuestion('  When is the cheese festival?  ').relevant[0], 27);
  assert.equal(knownQuestion('my own words'), null);
});

test('check-yourself: ranks 2, 1, 7 give MRR 0.548 and recall@3 0.667', () => {
  const r = computations.retrieval(ml, { ranks: [2, 1, 7], k: 3 });
  assert.equal(r3(r.mrr), 0.548);
  assert.equal(r3(r.recall), 0.667);
});

test('chunking: every Alderbrook passage is 81 to 148 characters, under one 512-character chunk; with 64 of overlap chunk 2 holds 449–960', () => {
  const lengths = PASSAGES.map((p) => p.length);
  assert.equal(Math.min(...lengths), 81);
  assert.equal(Math.max(...lengths), 148);
  // A plain splitter: chunk i (from 1) starts (i − 1)·(512 − 64) + 1 characters in.
  const chunk = (i) => ({ first: (i - 1) * (512 - 64) + 1, last: (i - 1) * (512 - 64) + 512 });
  assert.deepEqual(chunk(2), { first: 449, last: 960 });
  // Check-yourself: the sentence at 480–529 is cut in chunk 1, whole in chunk 2.
  assert.ok(chunk(1).last < 529 && chunk(2).first <= 480 && chunk(2).last >= 529);
  // Any stretch of up to 64 characters lies whole in some chunk.
  for (let start = 1; start <= 3000; start++) {
    assert.ok([1, 2, 3, 4, 5, 6, 7, 8].some((i) => chunk(i).first <= start && chunk(i).last >= start + 63), `start ${start}`);
  }
  assert.equal(4 * 512, 2048);
  says('81 to 148 characters long');
  says('each chunk then starts 448 characters after the previous one, and any stretch of text up to 64 characters long lies whole inside at least one chunk');
  says('up to $4 \\times 512 = 2\\,048$ characters');
  says('chunk 1 holds characters 1–512 and chunk 2 holds 449–960. A 50-character sentence runs from character 480 to 529');
});

test('how many passages to read: tf-idf recall@k 52.5, 67.5, 77.5, 82.5, 87.5% for k = 1…5; right answers for the same 10 questions at k = 2, 3, 4; the three gained passages lose to higher-ranked ones', () => {
  const rankings = QUESTIONS.map((x) => Array.from(tfidf.search(x.text).indices));
  const relevant = QUESTIONS.map((x) => x.relevant);
  assert.deepEqual([1, 2, 3, 4, 5].map((k) => r3(ml.recallAtK(rankings, relevant, k))), [0.525, 0.675, 0.775, 0.825, 0.875]);
  says('recall@$k$ climbs from 52.5% at $k = 1$ through 67.5% and 77.5% to 82.5% at $k = 4$, and 87.5% at $k = 5$');
  says('copies from a right passage for the same 10 at $k = 2$, 3 and 4');
  const rightAt = (k) => QUESTIONS.filter((x) => verdict(tfidf, x.text, k) === 'right').map((x) => x.text);
  assert.equal(rightAt(2).length, 10);
  assert.deepEqual(rightAt(3), rightAt(2));
  assert.deepEqual(rightAt(4), rightAt(2));
  // The questions whose right passage enters the top k between k = 2 and k = 4.
  const gained = QUESTIONS.filter((x) => { const r = rankOf(tfidf, x); return r === 3 || r === 4; });
  assert.equal(gained.length, 3);
  for (const x of gained) {
    const a = tfidf.answer(x.text, 4, 0);
    assert.ok(!x.relevant.includes(a.passage), x.text);
    assert.ok(a.rank < rankOf(tfidf, x), x.text);
  }
});

// The answerer is named as extractive question answering; what it copies is always one whole
// sentence of a retrieved passage (never a shorter span), and the link to the other language
// tasks lands on a heading of the sentiment lesson.
test('extractive question answering: every answer the widget gives is a whole sentence of a passage; the link to the other tasks resolves', async () => {
  says('is the language task called **extractive question answering**');
  let checked = 0;
  for (const x of QUESTIONS) {
    for (const ret of [tfidf, lsa]) {
      const a = ret.answer(x.text, K, 0);
      if (!a.sentence) continue;
      // Starts a passage or follows a sentence's end; ends the passage or is followed by the next sentence.
      const whole = PASSAGES.some((p) => p.includes(a.sentence) && /[.!?]$/.test(a.sentence)
        && (p.startsWith(a.sentence) || /[.!?] $/.test(p.slice(0, p.indexOf(a.sentence))))
        && (p.endsWith(a.sentence) || p.slice(p.indexOf(a.sentence) + a.sentence.length).startsWith(' ')));
      assert.ok(whole, `${x.text}: "${a.sentence}" is a whole sentence of a passage`);
      checked += 1;
    }
  }
  assert.ok(checked >= 30, `${checked} answers checked`);
  const { headingId } = await import('../scripts/lesson-render.mjs');
  const sentiment = fs.readFileSync(new URL('./sentiment.md', import.meta.url), 'utf8');
  const ids = [...sentiment.matchAll(/^## (.+)$/gm)].map((m) => headingId(m[1]));
  assert.ok(ids.includes('the-same-text-other-jobs'), ids.join(', '));
  says('(sentiment.html#the-same-text-other-jobs)');
});

// The prompt-engineering section: what a prompt is, instructions against examples (zero- and
// few-shot), why wording changes the output, and where prompting stops (retrieval, fine-tuning).
test('the lesson teaches prompting: zero-shot and few-shot, in-context learning without weight changes, and its limits', () => {
  const start = lesson.indexOf('## The prompt itself, and prompt engineering');
  const end = lesson.indexOf('## What to take away');
  assert.ok(start > 0 && start < end, 'the section comes before the take-away');
  const section = lesson.slice(start, end);
  for (const text of ['**prompt engineering**', '**Instructions** say what to do', '**Examples** show it', '*zero-shot*', '*few-shot*', '**in-context learning**', 'the weights stay as training left them', '**context window**', '[fine-tuning](fine-tuning.html)']) {
    assert.ok(section.includes(text), `the section says: ${text}`);
  }
  assert.ok(fs.existsSync(new URL('./fine-tuning.md', import.meta.url)), 'the fine-tuning lesson exists');
  assert.match(lesson, /^outcomes: .*when retrieval or fine-tuning is needed instead$/m);
  assert.match(lesson, /\+ Nothing: the examples steer only this answer, through the prompt it reads ::/);
});

// The two sentences the answerer weighs for the pizza box at k = 3, with the scores the lesson gives:
// the batteries passage's red-box sentence (the copied answer) and the paper passage's pizza sentence.
test('pizza box at k = 3: the red-box sentence scores 0.258 and the pizza sentence 0.168, sharing only "pizza"', () => {
  const x = q('Where do I put a pizza box');
  says('That short sentence shares "box" with the question and scores 0.258 against the question; the pizza sentence says "boxes", not "box", so it shares only "pizza", and it is longer: it scores 0.168.');
  const a = tfidf.answer(x.text, 3, 0);
  assert.equal(a.sentence, 'Drop them in the red box at the library entrance.');
  assert.equal(r3(a.sentenceScore), 0.258);
  const pizza = 'Flatten boxes so more fits in, and keep greasy pizza boxes out.';
  assert.ok(PASSAGES[13].includes(pizza) && x.relevant.includes(13), 'the pizza sentence is in the right passage');
  assert.ok(Array.from(tfidf.search(x.text).indices).slice(0, 3).includes(13), 'and that passage is read at k = 3');
  assert.equal(r3(tfidf.similarity(x.text, pizza)), 0.168);
  assert.equal(r3(tfidf.similarity(x.text, a.sentence)), 0.258, 'the answerer scores sentences by the same similarity');
  const words = (text) => new Set(ml.tokenize(text).map((t) => t.text.toLowerCase()).filter((w) => !STOP_WORDS.includes(w)));
  const shared = (a, b) => [...words(a)].filter((w) => words(b).has(w));
  assert.deepEqual(shared(x.text, pizza), ['pizza']);
  assert.deepEqual(shared(x.text, a.sentence), ['box']);
  assert.ok(pizza.length > a.sentence.length);
});

// "A stemmer would turn its "laptops" into "laptop" and its "helps" into "help", giving the volunteer
// passage two more words in common with the question", with the stemmer of text-to-numbers' widget.
test('laptop: stemming gives the volunteer passage two more words in common with the question, help and laptop', async () => {
  const { stemWord } = await import('../web/widgets/tokens-to-ids.js');
  const x = q('Who can help me with my laptop');
  const volunteer = PASSAGES[26];
  assert.match(volunteer, /^Every Wednesday afternoon a volunteer helps visitors with phones and laptops/);
  says('A stemmer would turn its "laptops" into "laptop" and its "helps" into "help", giving the volunteer passage two more words in common with the question.');
  const words = (text, stem) => new Set(ml.tokenize(text).map((t) => t.text.toLowerCase()).filter((w) => !STOP_WORDS.includes(w)).map((w) => (stem ? stemWord(w) : w)));
  const shared = (stem) => [...words(x.text, stem)].filter((w) => words(volunteer, stem).has(w)).sort();
  assert.equal(stemWord('laptops'), 'laptop');
  assert.equal(stemWord('helps'), 'help');
  const before = shared(false);
  const after = shared(true);
  assert.equal(after.length - before.length, 2, `${before} → ${after}`);
  assert.deepEqual(after.filter((w) => !before.includes(w)), ['help', 'laptop']);
  // Today the passage shares no scored word with the question at all ("with" is a stop word).
  assert.deepEqual(before, []);
  assert.equal(tfidf.similarity(x.text, volunteer), 0);
});
