// DeepQ through the WASM bindings: the same numbers as the native build for the same seed, the
// experience format, typed errors for bad settings and bad experiences, and no leak of state
// after a rejected call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from './engine.mjs';

test('deep Q-learning gives the native build\'s numbers for seed 7 (tests/native/test_deep_q.cpp)', () => {
  const a = new ml.DeepQ();
  try {
    a.reset(7);
    a.runEpisodes(20);
    assert.equal(a.steps(), 904);
    assert.equal(a.q(0.5, 0.5)[0], 1.4749749372271719);
    // The same seed again gives the same run.
    const first = a.onlineParams();
    a.reset(7);
    a.runEpisodes(20);
    assert.deepEqual(a.onlineParams(), first);
    assert.equal(a.episodes(), 20);
    assert.equal(a.traceRows(), 20);
    assert.deepEqual(a.traceColumns(), ['episode', 'return', 'length', 'epsilon', 'loss', 'probeValue']);
    assert.equal(a.status(), 'ready');
  } finally { a.delete(); }
});

test('the target network changes only at a sync; replay holds at most its capacity', () => {
  const a = new ml.DeepQ();
  try {
    a.setTargetSync(5);
    a.setBatchSize(4);
    a.setReplayCapacity(8);
    a.reset(3);
    const frozen = a.targetParams();
    while (a.learnSteps() < 4) a.step();
    assert.deepEqual(a.targetParams(), frozen);
    while (a.learnSteps() < 5) a.step();
    assert.deepEqual(a.targetParams(), a.onlineParams());
    a.fit(50);
    assert.equal(a.replaySize(), 8);
  } finally { a.delete(); }
});

test('bad settings and experiences are refused in words, and the agent keeps working', () => {
  const a = new ml.DeepQ();
  try {
    const refused = (fn, re, code = 'invalid-argument') => assert.throws(fn, (e) => re.test(e.message) && e.code === code);
    refused(() => a.setTask('cartpole'), /task must be "plane" or "grid"/);
    refused(() => a.setTask(3), /task must be a string/);
    refused(() => a.setGamma(1), /gamma=1 lets the values grow without bound/);
    refused(() => a.setLearningRate(NaN), /not a finite number/);
    refused(() => a.setReplayCapacity(2.5), /must be a whole number/);
    refused(() => a.setTargetSync(0), /targetSync=0 must be in \[1, 100000\]/);
    refused(() => a.setLoss('l1'), /loss must be "huber" or "squared"/);
    refused(() => a.setOptimizer('rmsprop'), /optimizer must be "adam" or "sgd"/);
    refused(() => a.q(2, 0.5), /x=2 must be in \[0, 1\]/);
    refused(() => a.valueMap(0), /n=0 must be in \[1, 200\]/);
    refused(() => a.tdTarget([0, 0, 1]), /7 numbers each/, 'shape-mismatch');
    refused(() => a.tdTarget([0, 0, 9, 0, 0, 0, 0]), /action must be 0, 1, 2 or 3/);
    refused(() => a.learnFrom([0, 0, 1, NaN, 0, 0, 0]), /must be finite/);
    refused(() => a.setOnlineParams([1, 2]), /expected 1284 parameters, got 2/, 'shape-mismatch');
    refused(() => a.reset(-1), /seed/);
    a.reset(1);
    a.fit(10);
    assert.equal(a.steps(), 10);
    // A huge learning rate with plain SGD diverges; stepping on then says so.
    a.setOptimizer('sgd');
    a.setLoss('squared');
    a.setLearningRate(1);
    a.setTargetSync(1);
    a.reset(1);
    assert.ok(a.fit(5000) < 5000);
    assert.equal(a.status(), 'diverged');
    refused(() => a.step(), /diverged/, 'bad-state');
  } finally { a.delete(); }
});
