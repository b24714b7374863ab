// Claims of "Worked example: a spam filter" about the spam-filter widget, checked with the
// engine trained exactly as the widget trains it: LogisticRegression on the widget's eight
// TRAINING emails, L2 = its default, its learning rate, from zero parameters, fit(MAX_STEPS).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ml } from '../tests/node/engine.mjs';

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

test('the sigmoid saturates: four of every clue 99.9%, five of every clue 100.0%', () => {
  assert.equal(percent(pSpam([4, 4, 4, 0])), '99.9%');
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
