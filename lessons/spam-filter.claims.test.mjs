// Claims of "Worked example: a spam filter" about the spam-filter widget, checked with the
// engine trained exactly as the widget trains it: LogisticRegression on the widget's eight
// TRAINING emails, L2 = its default, its learning rate, from zero parameters, fit(MAX_STEPS).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations.js';

const dist = process.env.DW_ENGINE_DIR ? path.resolve(process.env.DW_ENGINE_DIR, '..') : path.resolve(import.meta.dirname, '../dist');
const { schema, FEATURES, TRAINING, START_EMAIL, LEARNING_RATE, MAX_STEPS } = await import(pathToFileURL(path.join(dist, 'widgets', 'spam-filter.js')).href);
const FREE = 0;
const LINKS = 1;
const SHOUTING = 2;
const MEETING = 3;
// The widget shows p(spam) as a percentage with one decimal.
const percent = (p) => `${(p * 100).toFixed(1)}%`;

function train(emails, use) {
  return ml.scoped((track) => {
    const m = track(new ml.LogisticRegression());
    m.setData(emails.flatMap((e) => e.counts), FEATURES.length, emails.map((e) => e.spam));
    m.setL2(schema.l2.default);
    m.setLearningRate(LEARNING_RATE);
    m.setParams(new Array(FEATURES.length + 1).fill(0));
    m.fit(MAX_STEPS);
    return use(m);
  });
}
const weights = (emails) => train(emails, (m) => Array.from(m.params()).slice(0, FEATURES.length));
const pSpam = (email) => train(TRAINING, (m) => m.predictProba(email)[1]);

test('four features, eight training emails', () => {
  assert.equal(FEATURES.length, 4);
  assert.equal(TRAINING.length, 8);
});

test('"free", links and shouting get positive weights; "meeting" a negative one', () => {
  const w = weights(TRAINING);
  assert.ok(w[FREE] > 0 && w[LINKS] > 0 && w[SHOUTING] > 0, `weights ${w}`);
  assert.ok(w[MEETING] < 0, `meeting weight ${w[MEETING]}`);
});

test('the new email (two "free", one link, one shouted word) starts at 38.2%: let through', () => {
  assert.deepEqual(START_EMAIL, [2, 1, 1, 0]);
  assert.equal(percent(pSpam(START_EMAIL)), '38.2%');
});

test('one "free" alone: 3.5%; one "free" with three links and one shouted word: 78.7%', () => {
  assert.equal(percent(pSpam([1, 0, 0, 0])), '3.5%');
  assert.equal(percent(pSpam([1, 3, 1, 0])), '78.7%');
});

// "meeting" is a clue too (one that points away from spam): four of all four counts is 99.8%, so
// the sentence names the three spam clues and no "meeting".
test('the sigmoid saturates: four of each spam clue ("free", links, shouting; no "meeting") 99.9%, five of each 100.0%', () => {
  const lesson = fs.readFileSync(new URL('./spam-filter.md', import.meta.url), 'utf8');
  assert.match(lesson, /four of each spam clue \("free", links and shouting, with no "meeting"\) give 99\.9%, five of each 100\.0%/);
  assert.equal(percent(pSpam([4, 4, 4, 0])), '99.9%');
  assert.equal(percent(pSpam([4, 4, 4, 4])), '99.8%');
  assert.equal(percent(pSpam([5, 5, 5, 0])), '100.0%');
});

test('p(spam) ≥ 0.5 exactly when z ≥ 0, and σ(0) = ½', () => {
  train(TRAINING, (m) => {
    for (const email of [[0, 0, 0, 0], [1, 3, 0, 0], [1, 0, 3, 0], [2, 1, 1, 0], [3, 3, 2, 0]]) {
      const z = m.decisionFunction(email)[0];
      const p = m.predictProba(email)[1];
      assert.equal(p >= 0.5, z >= 0, `email ${email}: z ${z}, p ${p}`);
    }
  });
  const half = ml.scoped((track) => {
    const unit = track(new ml.LogisticRegression());
    unit.setData([-1, 1], 1, [0, 1]);
    unit.setParams([1, 0]);
    return unit.predictProba([0])[1];
  });
  assert.equal(half, 0.5);
});

test('three "meeting"s in each of the first two spam emails turn the weight of "meeting" positive', () => {
  const edited = TRAINING.map((e) => ({ ...e, counts: e.counts.slice() }));
  const spam = edited.filter((e) => e.spam === 1);
  spam[0].counts[MEETING] = 3;
  spam[1].counts[MEETING] = 3;
  assert.ok(weights(edited)[MEETING] > 0);
});

test('the starting email by hand: weights 0.605, 1.198, 1.019, −0.272, b −3.909; z ≈ −0.482, e^0.482 ≈ 1.62, p ≈ 0.382', () => {
  const [params, z, p] = train(TRAINING, (m) => [Array.from(m.params()), m.decisionFunction(START_EMAIL)[0], m.predictProba(START_EMAIL)[1]]);
  assert.deepEqual(params.map((v) => v.toFixed(3)), ['0.605', '1.198', '1.019', '-0.272', '-3.909']);
  // The sum with the three-decimal weights agrees with the engine's z to three decimals.
  const rounded = params.map((v) => Number(v.toFixed(3)));
  const byHand = rounded.slice(0, 4).reduce((s, w, j) => s + w * START_EMAIL[j], rounded[4]);
  assert.equal(byHand.toFixed(3), '-0.482');
  assert.equal(z.toFixed(3), '-0.482');
  assert.equal(Math.exp(-z).toFixed(2), '1.62');
  assert.equal(p.toFixed(3), '0.382');
  assert.ok(Math.abs(ml.activationCurve('sigmoid', [z]).value[0] - p) < 1e-12, 'the engine’s sigmoid of z is the widget’s p');
});

test('what that guess costs: −ln 0.382 ≈ 0.96 if spam, −ln 0.618 ≈ 0.48 if not; p = 0.01 for spam costs ≈ 4.6', () => {
  const p = pSpam(START_EMAIL);
  assert.equal(ml.logLoss([1], [p]).toFixed(2), '0.96');
  assert.equal(ml.logLoss([0], [p]).toFixed(2), '0.48');
  assert.equal(ml.logLoss([1], [0.01]).toFixed(1), '4.6');
});

test('check yourself: weights 1, 1, 1, −1 and b = −4 score the email (3, 2, 1, 0) z = 2, p = 1/1.135 ≈ 0.881', () => {
  const r = computations.logistic(ml, { x: [3, 2, 1, 0], w: [1, 1, 1, -1], b: -4 });
  assert.ok(Math.abs(r.z - 2) < 1e-12, `z ${r.z}`);
  assert.ok(Math.abs(r.p - 1 / (1 + Math.exp(-2))) < 1e-12, `p ${r.p}`);
  assert.equal(r.p.toFixed(3), '0.881');
  assert.ok(Math.abs(r.lossIf1 - -Math.log(r.p)) < 1e-12 && Math.abs(r.lossIf0 - -Math.log(1 - r.p)) < 1e-12);
  // The sigmoid values the threshold question quotes, and the two log losses of the third question.
  assert.equal(ml.activationCurve('sigmoid', [0.5]).value[0].toFixed(2), '0.62');
  assert.equal(ml.activationCurve('sigmoid', [1]).value[0].toFixed(2), '0.73');
  assert.equal(ml.logLoss([1], [0.9]).toFixed(2), '0.11');
  assert.equal(ml.logLoss([1], [0.1]).toFixed(1), '2.3');
});

test('predict, then check: the paragraph\'s set-up — "meeting" starts negative and turns positive with three in each of the first two (spam) emails', async () => {
  const fs = await import('node:fs');
  const text = fs.readFileSync(new URL('./spam-filter.md', import.meta.url), 'utf8');
  assert.match(text, /\*\*Predict, then check\.\*\* The model only knows its eight examples\. Right now the weight of “meeting” is negative, because only ordinary mail mentions meetings\. Give the first two training emails, both spam, three “meeting”s each:/);
  assert.deepEqual([TRAINING[0].spam, TRAINING[1].spam], [1, 1], 'the first two training emails are spam');
  assert.ok(TRAINING.every((e) => e.counts[MEETING] === 0 || e.spam === 0), 'only ordinary mail mentions meetings');
  assert.ok(weights(TRAINING)[MEETING] < 0);
  const edited = TRAINING.map((e, i) => ({ ...e, counts: e.counts.map((c, j) => (i < 2 && j === MEETING ? 3 : c)) }));
  assert.ok(weights(edited)[MEETING] > 0, 'the widget\'s verdict: "turn positive"');
});

// The lesson's pointers: where the log loss is written out, and where logistic regression is fitted.
const lessonsDir = path.resolve(import.meta.dirname);
const lessonText = (slug) => fs.readFileSync(path.join(lessonsDir, `${slug}.md`), 'utf8');
const levelOf = (slug) => lessonText(slug).match(/^level: (\S+)$/m)[1];

test('the log loss is pointed to the Level 2 lesson that writes it out, not to a later level', () => {
  const text = lessonText('spam-filter');
  const sentence = text.split('\n').find((l) => l.startsWith('Training picks the weights'));
  assert.match(sentence, /\[Draw the boundary\]\(draw-the-boundary\.html\), in Level 2/);
  assert.equal(levelOf('draw-the-boundary'), 'intermediate');
  assert.match(lessonText('draw-the-boundary'), /\*\*binary cross-entropy\*\* \(log loss\)/);
  assert.ok(!/Level 3/.test(text), 'the log loss is not put off to Level 3');
});

test('training minimises the log loss plus a small penalty on the weights, as the lesson says', () => {
  assert.ok(schema.l2.default > 0 && schema.l2.default <= 0.1, `a small L2 penalty (${schema.l2.default})`);
  assert.match(lessonText('spam-filter'), /plus a small penalty on large weights/);
});

test('"this very model, logistic regression" is fitted in the lesson the closing paragraph links to', () => {
  const closing = lessonText('spam-filter').split('\n').find((l) => l.startsWith('Real filters work the same way'));
  assert.match(closing, /this very model, logistic regression, on points in a plane in \[Draw the boundary\]\(draw-the-boundary\.html\)/);
  assert.match(lessonText('draw-the-boundary'), /::: widget draw-boundary/);
  assert.match(lessonText('draw-the-boundary'), /\*\*logistic regression\*\*/);
});

// The section on how the filter works starts from one new email and its four counts, then asks
// where the weights come from (10 000 sorted emails); the clues are combined into a score. Its
// framing is the lesson's own, not a recipe of numbered steps ending in an arrow chain.
test('how the filter works: from one new email back to the 10 000 sorted emails', () => {
  const lesson = fs.readFileSync(new URL('./spam-filter.md', import.meta.url), 'utf8');
  const section = lesson.slice(lesson.indexOf('## How the filter works'), lesson.indexOf('## From clues to a probability'));
  assert.ok(section.indexOf('one email the filter has never seen') < section.indexOf('Where do the weights come from?'));
  assert.match(section, /10\u202f000 emails have sorted every one into \*spam\* or \*not spam\*/);
  for (const word of ['"free"', 'links', 'SHOUTED IN CAPITALS', '"meeting"']) assert.ok(section.includes(word), word);
  assert.doesNotMatch(lesson, /## The recipe|adds? up the evidence|Evidence adds up|Emails → features/i);
});
