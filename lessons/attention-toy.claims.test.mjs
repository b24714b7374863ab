// Claims of attention-toy.md, checked against the engine with the widget's defaults
// (attention.js: six tokens × four hand-made features, two heads with d_k = 2, the widget's
// W_Q, W_K, W_V; attention(X, 4, W_Q, W_K, W_V, 2, causal)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations/neural-networks.js';
import { messages } from '../web/widgets/attention.messages.js';
import fs from 'node:fs';
import { defaults as recurrentDefaults, initialFlows, makeSeries } from '../web/widgets/recurrent-sequence/task.js';

const lesson = fs.readFileSync(new URL('./attention-toy.md', import.meta.url), 'utf8');

const TOKENS = ['the', 'cat', 'sat', 'on', 'the', 'mat'];
const X = [1, 0, 0, 0, 0, 1, 0.2, 0, 0, 0.2, 1, 0, 0.3, 0, 0, 0.5, 1, 0, 0, 0, 0, 0.3, 0, 1];
const WQ = [0, 2, 0, 0, 0, 0, 0, 1, 2, 0, 2, 0, 0, 0, 2, 0];
const WK = [0, 0, 0, 0, 2, 1.5, 0, 1, 0, 0, 0, 0, 0, 1.5, 2, 0];
const WV = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
const run = (causal = false, wq = WQ) => ml.attention(X, 4, wq, WK, WV, 2, causal);
const row = (head, q) => Array.from(head.weights.subarray(q * 6, q * 6 + 6));
const pct = (v) => Math.round(v * 100);
const SAT = 2;

test('rows are non-negative and sum to 1', () => {
  for (const causal of [false, true]) for (const h of run(causal)) for (let q = 0; q < 6; q++) {
    const r = row(h, q);
    assert.ok(r.every((v) => v >= 0) && Math.abs(r.reduce((a, v) => a + v, 0) - 1) < 1e-12);
  }
});

test('sat: head 1 gives 70 % to cat; head 2 gives 68 % to mat, the next largest share (16 %) to on', () => {
  const [h1, h2] = run();
  const r1 = row(h1, SAT); const r2 = row(h2, SAT);
  assert.equal(TOKENS[r1.indexOf(Math.max(...r1))], 'cat');
  assert.equal(pct(r1[1]), 70);
  assert.equal(pct(r2[5]), 68);
  const rest = r2.map((v, j) => (j === 5 ? -1 : v));
  assert.equal(TOKENS[rest.indexOf(Math.max(...rest))], 'on');
  assert.equal(pct(r2[3]), 16);
});

test('the first "the": head 1 puts almost 80 % on mat and cat; both "the" rows are identical without a mask, different with it', () => {
  const [h1, h2] = run();
  const r = row(h1, 0);
  assert.ok(r[1] + r[5] > 0.78 && r[1] + r[5] < 0.8, String(r[1] + r[5]));
  assert.ok(r[5] > r[1] && r[1] > Math.max(r[0], r[2], r[3], r[4]));
  for (const h of [h1, h2]) assert.deepEqual(row(h, 0), row(h, 4));
  const [c1] = run(true);
  assert.notDeepEqual(row(c1, 0), row(c1, 4));
});

test('causal mask, sat: mat and on get 0; head 2 spreads 31 / 36 / 32 % over the, cat, sat', () => {
  const [, h2] = run(true);
  const r = row(h2, SAT);
  assert.equal(r[3], 0); assert.equal(r[5], 0);
  assert.deepEqual(r.slice(0, 3).map(pct), [31, 36, 32]);
});

test('zeroing the action row of head 1\'s W_Q: sat\'s query is 0 and its row is uniform, 17 % each', () => {
  const wq = WQ.slice();
  wq[2 * 4 + 0] = 0; wq[2 * 4 + 1] = 0; // row "action", head 1's two columns
  const r = row(run(false, wq)[0], SAT);
  for (const v of r) assert.ok(Math.abs(v - 1 / 6) < 1e-12);
  assert.equal(pct(r[0]), 17);
});

// Item 3 of "Things to try" leaves the causal mask on, and the Predict, then check box follows
// at once. Its reveal (17 % on each token) holds only without the mask: with it on, "sat" sees
// three tokens and a zero query gives each a third. So the lesson has the learner untick the
// mask first, and the box refuses the mask in words (attention.js, tested in
// tests/browser/attention.test.mjs).
test('predict: the lesson unticks the mask item 3 turned on, since masked the zero query gives sat 33 % on three tokens, not 17 %', () => {
  const item3 = lesson.indexOf('3. Turn on the causal mask and click **sat** again');
  const untick = lesson.indexOf('**Predict, then check.** First untick the causal mask that item 3 turned on: this question is about the whole sentence, with all six tokens in view, and while the mask is on the box waits and says so.');
  const reveal = lesson.indexOf('**sat** now spreads its attention evenly, 17% on each token');
  assert.ok(item3 > 0 && untick > item3 && reveal > untick, `${item3} < ${untick} < ${reveal}`);
  const wq = WQ.slice();
  wq[2 * 4 + 0] = 0; wq[2 * 4 + 1] = 0;
  const masked = row(run(true, wq)[0], SAT);
  assert.deepEqual(masked.map(pct), [33, 33, 33, 0, 0, 0]);
  assert.deepEqual(row(run(false, wq)[0], SAT).map(pct), [17, 17, 17, 17, 17, 17]);
  assert.match(messages['attention.predict.maskFirst'], /^Turn the causal mask off first: the question is about the whole sentence/);
  assert.match(messages['attention.predict.maskOn'], /does not test your prediction.*Turn the causal mask off/);
});

test('the heads as described: head 1 "who?" (sat → cat), head 2 "where?" (sat and on → mat)', () => {
  const [h1, h2] = run();
  const top = (h, q) => { const r = row(h, q); return TOKENS[r.indexOf(Math.max(...r))]; };
  assert.equal(top(h1, SAT), 'cat');
  assert.equal(top(h2, SAT), 'mat');
  assert.equal(top(h2, 3), 'mat');
});

test('worked example: sat\'s weight on cat in head 1 — q = (2, 0), keys as listed, scores 0 / 2.83 / 0.57 / 0 / 0 / 0.85, exponentials 24.0, weight 0.70; mat 0.10', () => {
  const [h1] = run();
  const r2 = (v) => Math.round(v * 100) / 100;
  assert.deepEqual(Array.from(h1.Q.subarray(SAT * 2, SAT * 2 + 2)), [2, 0]);
  const keys = Array.from(h1.K).map(r2);
  assert.deepEqual(keys, [0, 0, 2, 1.5, 0.4, 0.3, 0, 0.75, 0, 0, 0.6, 1.95]);
  const scores = Array.from(h1.scores.subarray(SAT * 6, SAT * 6 + 6));
  assert.deepEqual(scores.map(r2), [0, 2.83, 0.57, 0, 0, 0.85]);
  const exps = scores.map(Math.exp);
  assert.equal(Math.round(exps[1] * 10) / 10, 16.9);
  assert.equal(Math.round(exps.reduce((a, v) => a + v, 0) * 10) / 10, 24.0);
  assert.deepEqual([exps[2], exps[5]].map(r2), [1.76, 2.34]);
  const r = row(h1, SAT);
  assert.equal(r2(r[1]), 0.7);
  assert.equal(r2(r[5]), 0.1);
  // The check-yourself computation, fed the same query and keys, gives the widget's weight.
  const c = computations.attention(ml, { q: [2, 0], keys: Array.from(h1.K), j: 1 });
  assert.ok(Math.abs(c.weight - r[1]) < 1e-12 && Math.abs(c.score - scores[1]) < 1e-12);
});

test('check-yourself: q = (1, 0) against keys (1, 0) and (0, 1) gives e^{1/√2} / (e^{1/√2} + 1) ≈ 0.67', () => {
  const c = computations.attention(ml, { q: [1, 0], keys: [1, 0, 0, 1], j: 0 });
  const e = Math.exp(Math.SQRT1_2);
  assert.ok(Math.abs(c.weight - e / (e + 1)) < 1e-12);
  assert.equal(Math.round(c.weight * 100) / 100, 0.67);
  assert.ok(Math.abs(c.score - Math.SQRT1_2) < 1e-12);
  assert.throws(() => computations.attention(ml, { q: [1, 0], keys: [1, 0, 0] }), /multiple of 2/);
});

// "Why attention replaced recurrence": the recurrent widget's fading gradient, one weight per
// pair of tokens whatever their distance, all 3 600 scores of a 60-token text from one call.
test('why attention replaced recurrence: 59 steps leave the recurrent widget\'s plain RNN about 10^-14 of its gradient; attention joins token 1 to token 60 by one weight, 1/60 when spread evenly', () => {
  assert.ok(lesson.includes('the untrained plain network\'s gradient at the first step of its 60-step window is about $10^{-14}$ of its size at the last'));
  assert.equal(recurrentDefaults.sequenceLength, 60);
  const flows = initialFlows(ml, recurrentDefaults, makeSeries(ml, recurrentDefaults));
  assert.equal(Math.round(Math.log10(flows.rnn[59])), -14);
  // 60 tokens of 2 numbers; zero query weights, so every score is 0 and the weights are even.
  const n = 60;
  const X = Array.from({ length: n * 2 }, (_, i) => Math.sin(i * 1.7));
  const zero = [0, 0, 0, 0];
  const WK = [1, 0.5, -0.3, 2];
  const identity = [1, 0, 0, 1];
  const [h] = ml.attention(X, 2, zero, WK, identity, 1, false);
  assert.equal(h.scores.length, n * n);
  assert.equal(n * n, 3600);
  assert.ok(lesson.includes('Attention\'s $60 \\times 60 = 3\\,600$ scores come out of one matrix product'));
  const w = h.weights[(n - 1) * n + 0];
  assert.ok(Math.abs(w - 1 / 60) < 1e-15);
  assert.equal(w.toFixed(3), '0.017');
  assert.ok(lesson.includes('gives that weight $1/60 \\approx 0.017$'));
  // Token 1's value reaches token 60's output in one step: nudging it by δ moves that output by w·δ.
  const delta = 1e-3;
  const moved = X.slice(); moved[0] += delta;
  const [h2] = ml.attention(moved, 2, zero, WK, identity, 1, false);
  const change = h2.output[(n - 1) * 2] - h.output[(n - 1) * 2];
  assert.ok(Math.abs(change / delta - w) < 1e-9, `∂ output₆₀ / ∂ value₁ = ${change / delta}`);
  // The weight follows the match of query and key, not the distance: a copy of token 59 placed
  // first gets exactly what token 59 gets from token 60.
  const copy = X.slice(); copy[0] = X[58 * 2]; copy[1] = X[58 * 2 + 1];
  const WQ = [0.4, -1, 1.2, 0.3];
  const [h3] = ml.attention(copy, 2, WQ, WK, identity, 1, false);
  assert.equal(h3.weights[(n - 1) * n + 0], h3.weights[(n - 1) * n + 58]);
  assert.equal(1000 * 1000, 1e6);
  assert.ok(lesson.includes('3\u202f600 for 60 tokens but a million for 1\u202f000'));
});

test('in the widget, mat: head 2 gives both "the"s 0.04, the first five places back as much as the second beside it; the causal mask leaves mat\'s rows unchanged', () => {
  const MAT = 5;
  const [, h2] = run();
  const r = row(h2, MAT);
  assert.equal(r[0], r[4]);
  assert.equal(r[0].toFixed(2), '0.04');  // the heat map shows two decimals
  assert.equal(MAT - 0, 5); assert.equal(MAT - 4, 1);
  for (const [plain, masked] of run().map((h, i) => [h, run(true)[i]])) assert.deepEqual(row(plain, MAT), row(masked, MAT));
  assert.ok(lesson.includes('in head 2, the first **the**, five places before it, gets 0.04 of its attention, exactly as much as the second **the** right next to it'));
  // This comes after the Predict, then check reveal, so it gives nothing away before the box.
  assert.ok(lesson.indexOf('Click **mat**, the last token') > lesson.indexOf('::: reveal'));
});

test('check-yourself: in one attention layer the first of 60 tokens reaches the 60th in one step, also under the causal mask', () => {
  assert.match(lesson, /\n\+ In one step, through its own attention weight :: The 60th token's output is a weighted average that includes the first token's value\./);
  // Under the causal mask the last row still weighs the first token: 60 tokens, zero queries, weight 1/60.
  const X = Array.from({ length: 120 }, (_, i) => Math.cos(i));
  const [h] = ml.attention(X, 2, [0, 0, 0, 0], [1, 0, 0, 1], [1, 0, 0, 1], 1, true);
  assert.ok(Math.abs(h.weights[59 * 60] - 1 / 60) < 1e-15);
  assert.equal(h.weights[0 * 60 + 59], 0, 'the mask hides later tokens only');
});

// Audit 7 (Q item 5): the lesson called d_k "the length of a query" and the check keyed "So long
// queries do not push the softmax towards one-hot", but earlier lessons use "length" for a
// vector's norm |q|, which the fixed √d_k does nothing about. d_k is now the number of entries,
// and the engine shows the difference: a query twice as long (same d_k) still sharpens the weights.
test('d_k is the number of entries of a query, not its length: √d_k undoes more entries, not a longer query', () => {
  assert.match(lesson, /\$d_k\$ is the number of entries in a query \(and in a key\), its dimension/);
  assert.doesNotMatch(lesson, /length of a query|long queries|longer vectors/);
  const block = lesson.match(/^::: *check-yourself *\n([\s\S]*?)^::: *$/m)[1];
  const item = block.split(/^\? /m).find((q) => q.startsWith('Why are the scores divided by'));
  const right = item.split('\n').find((l) => l.startsWith('+ '));
  assert.match(right, /^\+ So that dot products over many entries do not push the softmax to one-hot ::/);
  assert.match(right, /not on the length \$\|q\|\$ of any one query/);
  // Same d_k = 2, q = (1, 0) against q = (2, 0): the weight on k₁ = (1, 0) rises from 0.67 to 0.80.
  const w = (q) => computations.attention(ml, { q, keys: [1, 0, 0, 1], j: 0 }).weight;
  assert.equal(w([1, 0]).toFixed(2), '0.67');
  assert.equal(w([2, 0]).toFixed(2), '0.80');
});
