// Claims of fine-tuning.md, checked against the engine with the widget's own helpers and defaults
// (web/lib/transfer.js: TRANSFER_DEFAULTS, pretrain, startMethod, runMethod, SHOT_SIZES; the
// widget web/widgets/fine-tune.js trains exactly these).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { digitSplits } from '../web/lib/digits.js';
import {
  LORA_RANKS, METHODS, SHOT_SIZES, TRANSFER_DEFAULTS, chalk, chalkAccuracy, chalkTestSet, fewShot, pretrain, runMethod, startMethod,
} from '../web/lib/transfer.js';
import { computations } from '../web/js/check-computations/neural-networks.js';
import { formatPercent } from '../web/lib/format.js';

const lesson = fs.readFileSync(new URL('./fine-tuning.md', import.meta.url), 'utf8');
const says = (text) => assert.ok(lesson.includes(text), `the lesson says: ${text}`);
const pct = (v) => formatPercent(v);

const pre = pretrain(ml);
process.on('exit', () => pre.delete());
const settings = (over = {}) => ({ perClass: TRANSFER_DEFAULTS.perClass, rank: TRANSFER_DEFAULTS.rank, alpha: 2 * TRANSFER_DEFAULTS.rank, seed: TRANSFER_DEFAULTS.seed, fineSteps: TRANSFER_DEFAULTS.fineSteps, ...over });

test('the widget defaults are the lesson\'s: seed 1, 5 per digit, rank 2 with α = 2r, 150 steps at η = 0.01', () => {
  // The widget's schema takes its defaults from TRANSFER_DEFAULTS (web/widgets/fine-tune.js).
  assert.equal(TRANSFER_DEFAULTS.seed, 1);
  assert.equal(TRANSFER_DEFAULTS.perClass, 5);
  assert.equal(TRANSFER_DEFAULTS.rank, 2);
  assert.equal(TRANSFER_DEFAULTS.fineSteps, 150);
  assert.equal(TRANSFER_DEFAULTS.alpha, 2 * TRANSFER_DEFAULTS.rank);
  assert.equal(TRANSFER_DEFAULTS.fineRate, 0.01);
  says('seed 1, 5 chalk images per digit, rank 2, 150 steps of Adam at $\\eta = 0.01$');
  says('the widget uses $\\alpha = 2r$');
  // "400 Adam steps of 32 images", 32 hidden units.
  assert.deepEqual([TRANSFER_DEFAULTS.pretrainSteps, TRANSFER_DEFAULTS.batchSize, TRANSFER_DEFAULTS.hidden], [400, 32, 32]);
  assert.equal(pre.steps(), 400);
  assert.equal(pre.hidden(), 32);
  says('400 Adam steps of 32 images');
});

test('the pretrained network: 96.9% of ordinary test digits, 0.0% in chalk', () => {
  const { test: held } = digitSplits();
  const ordinary = pre.score(held.inputs, Float64Array.from(held.labels));
  says(`reads ${pct(ordinary)} of the 360 test digits`);
  assert.equal(held.n, 360);
  const onChalk = chalkAccuracy(pre);
  says(`pretrained network gets ${pct(onChalk)} of the chalk test digits right`);
  says(`the pretrained network gets ${pct(onChalk)} of the chalk digits`);
  assert.equal(onChalk, 0);
  // Chalk is 1 − pixel; 5 images of each digit are 50 in all.
  assert.deepEqual([...chalk(new Float64Array([0, 0.25, 1]))], [1, 0.75, 0]);
  const few = fewShot(5, 1);
  assert.equal(few.n, 50);
  says('(5 by default, 50 in all)');
  const counts = new Array(10).fill(0);
  for (const k of few.y) counts[k] += 1;
  assert.deepEqual(counts, new Array(10).fill(5));
  assert.equal(chalkTestSet().n, 360);
});

test('parameter counts: 2,080 + 330 = 2,410; head only 330; LoRA r = 2 trains 192 + 330 = 522', () => {
  const counts = {};
  for (const m of METHODS) {
    const net = startMethod(ml, pre, m, settings());
    counts[m] = net.counts();
    net.delete();
  }
  assert.equal(counts.full.body, 2080);
  assert.equal(counts.full.head, 330);
  assert.equal(counts.scratch.trainable, 2410);
  assert.equal(counts.full.trainable, 2410);
  assert.equal(counts.head.trainable, 330);
  assert.equal(counts.lora.adapter, 192);
  assert.equal(counts.lora.trainable, 522);
  says('From scratch and full fine-tuning train all 2\u202f410. Head only trains 330.');
  says('plus the head\'s 330: 522, about a fifth of full fine-tuning');
  says('from scratch and full fine-tuning train 2\u202f410 numbers, LoRA 522 and head only 330');
  assert.ok(Math.abs(522 / 2410 - 0.2) < 0.02);
  // "grows by 64 + 32 = 96 with each extra unit of rank"
  const r3 = startMethod(ml, pre, 'lora', settings({ rank: 3, alpha: 6 }));
  assert.equal(r3.counts().trainable - 522, 96);
  r3.delete();
});

test('worked example: a rank-1 LoRA layer gives (5.5, 8.5); B = 0 gives (4.5, 4.5); merged W + 2BA', () => {
  const out = ml.loraForward([2, 1], [1, 2, 3, -1], [0.5, -0.5], [1, -1], [0.5, 2], 2, 2, 1, 2);
  assert.deepEqual([...out], [5.5, 8.5]);
  const zero = ml.loraForward([2, 1], [1, 2, 3, -1], [0.5, -0.5], [1, -1], [0, 0], 2, 2, 1, 2);
  assert.deepEqual([...zero], [4.5, 4.5]);
  // Merged W + 2BA = [[2, 1], [7, −5]] with no adapter gives the same output.
  const merged = ml.loraForward([2, 1], [2, 1, 7, -5], [0.5, -0.5], [1, -1], [0, 0], 2, 2, 1, 2);
  assert.deepEqual([...merged], [5.5, 8.5]);
  says('The layer\'s output is $(4.5 + 1, 4.5 + 4) = (5.5, 8.5)$');
});

test('B = 0 at the start: the LoRA network\'s hidden layer equals the pretrained one exactly', () => {
  const net = startMethod(ml, pre, 'lora', settings());
  try {
    assert.deepEqual([...net.effectiveHiddenWeights()], [...pre.hiddenWeights()]);
    assert.ok([...net.adapterB()].every((v) => v === 0));
    net.train(20);
    assert.deepEqual([...net.hiddenWeights()], [...pre.hiddenWeights()], 'W stays frozen');
    assert.ok([...net.adapterB()].some((v) => v !== 0), 'B learns');
  } finally {
    net.delete();
  }
});

// Every method gets a new head, so B = 0 makes only the hidden layer the pretrained one: at step 0
// the LoRA network predicts exactly what head only predicts (the same new head on the same frozen
// layer), and the widget's step-0 readout is 15.8% for LoRA, head only and full fine-tuning alike,
// not the pretrained network's 0.0%.
test('at step 0 the LoRA network is head only\'s network, not the pretrained one: 15.8% against 0.0%', () => {
  const nets = Object.fromEntries(METHODS.map((m) => [m, startMethod(ml, pre, m, settings())]));
  try {
    const { X } = chalkTestSet();
    const lora = [...nets.lora.predictProba(X)];
    assert.deepEqual(lora, [...nets.head.predictProba(X)], 'LoRA at step 0 predicts what head only predicts');
    assert.deepEqual([...nets.lora.headWeights()], [...nets.head.headWeights()], 'the same new head');
    assert.notDeepEqual(lora, [...pre.predictProba(X)], 'not the pretrained network');
    const at0 = Object.fromEntries(METHODS.map((m) => [m, chalkAccuracy(nets[m])]));
    assert.equal(at0.lora, at0.head);
    assert.equal(at0.lora, at0.full);
    assert.notEqual(at0.lora, chalkAccuracy(pre));
    says(`LoRA, head only and full fine-tuning all read ${pct(at0.lora)} of the chalk digits, the score of the untrained head on the pretrained layer, not the pretrained network's ${pct(chalkAccuracy(pre))}`);
    assert.ok(!lesson.includes('the adapted network is the pretrained one'));
    assert.ok(!lesson.includes('So that the adapted network starts exactly equal to the pretrained one'));
    says('+ So that the adapted layer starts exactly equal to the pretrained layer ::');
  } finally {
    for (const m of METHODS) nets[m].delete();
  }
});

test('after 150 steps (seed 1, 5 per digit): scratch 81.9%, head 87.8%, full 86.4%, LoRA 85.8%', () => {
  const r = Object.fromEntries(METHODS.map((m) => [m, runMethod(ml, pre, m, settings()).accuracy]));
  says(`from scratch reaches ${pct(r.scratch)}, head only ${pct(r.head)}, full fine-tuning ${pct(r.full)} and LoRA ${pct(r.lora)}`);
  for (const m of ['head', 'full', 'lora']) assert.ok(r[m] > r.scratch, `${m} beats from scratch`);
  assert.ok(r.head > r.full && r.head > r.lora, 'head only ends first with 50 examples');
});

test('the curves (measured every 10 steps, as the widget does): full leads at step 50, head only leads only at the end', () => {
  const nets = Object.fromEntries(METHODS.map((m) => [m, startMethod(ml, pre, m, settings())]));
  try {
    const at = {};
    for (let step = 10; step <= 150; step += 10) {
      at[step] = {};
      for (const m of METHODS) { nets[m].train(10); at[step][m] = chalkAccuracy(nets[m]); }
    }
    const best = (row) => METHODS.reduce((a, m) => (row[m] > row[a] ? m : a), METHODS[0]);
    assert.equal(best(at[50]), 'full');
    says(`at step 50 full fine-tuning is ahead with ${pct(at[50].full)} while head only, the slowest starter, has ${pct(at[50].head)}`);
    // "the slowest starter": the lowest of the three pretrained starts at steps 20 to 50
    for (const step of [20, 30, 40, 50]) assert.ok(at[step].head <= at[step].full && at[step].head <= at[step].lora, `step ${step}`);
    assert.ok(at[140].head < at[140].full);
    says(`at step 140 it still trails, ${pct(at[140].head)} against ${pct(at[140].full)}`);
    assert.equal(best(at[150]), 'head');
    for (const step of [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 140]) assert.notEqual(best(at[step]), 'head', `step ${step}`);
    // the last point is the same as one 150-step run
    assert.equal(at[150].head, runMethod(ml, pre, 'head', settings()).accuracy);
  } finally {
    for (const m of METHODS) nets[m].delete();
  }
});

test('each extra unit of LoRA rank adds 64 + 32 = 96 trained numbers', () => {
  const trained = (rank) => computations['lora-params'](ml, { d: 64, h: 32, r: rank }).adapter;
  for (let rank = 1; rank < 16; rank++) assert.equal(trained(rank + 1) - trained(rank), 96);
  says('grows by $64 + 32 = 96$ with each extra unit of rank');
});

test('every LoRA rank from 1 to 16 ends within 2 points of full fine-tuning', () => {
  const full = runMethod(ml, pre, 'full', settings()).accuracy;
  for (const rank of LORA_RANKS) {
    const lora = runMethod(ml, pre, 'lora', settings({ rank, alpha: 2 * rank })).accuracy;
    assert.ok(Math.abs(lora - full) <= 0.02, `rank ${rank}: ${lora} vs ${full}`);
  }
  says('Every rank from 1 to 16 ends within 2 points of full fine-tuning');
});

test('the sweep: at 1, 2, 5, 10, 20 per digit every pretrained start beats from scratch; at 20: 91.9% vs 94.4%', () => {
  assert.deepEqual(SHOT_SIZES, [1, 2, 5, 10, 20]);
  says('at 1, 2, 5, 10 and 20 chalk images per digit');
  let last = null;
  for (const perClass of SHOT_SIZES) {
    const r = Object.fromEntries(METHODS.map((m) => [m, runMethod(ml, pre, m, settings({ perClass })).accuracy]));
    for (const m of ['head', 'full', 'lora']) assert.ok(r[m] > r.scratch, `${perClass} per digit: ${m} ${r[m]} vs scratch ${r.scratch}`);
    const best = METHODS.reduce((a, m) => (r[m] > r[a] ? m : a), METHODS[0]);
    // "Head only is the best start at 2 and 5 images per digit, but from 10 per digit full fine-tuning overtakes it"
    if (perClass === 2 || perClass === 5) assert.equal(best, 'head', `${perClass} per digit`);
    if (perClass >= 10) assert.ok(r.full > r.head, `${perClass} per digit: full ${r.full} vs head ${r.head}`);
    if (perClass === 10) says(`full fine-tuning overtakes it (${pct(r.full)} against ${pct(r.head)} at 10)`);
    last = r;
  }
  says(`(${pct(last.scratch)} at 20, against ${pct(last.full)} for full fine-tuning)`);
  says('Head only is the best start at 2 and 5 images per digit');
  says('At every size the three pretrained starts beat from scratch');
});

test('check-yourself: the rank-4 adapter of a 256 × 128 layer has 1,536 numbers', () => {
  const r = computations['lora-params'](ml, { d: 256, h: 128, r: 4 });
  assert.equal(r.adapter, 4 * 256 + 128 * 4);
  assert.equal(r.adapter, 1536);
  assert.equal(r.full, 32768);
  const small = computations['lora-params'](ml, { d: 64, h: 32, r: 2 });
  assert.equal(small.adapter, 192);
});

test('a language model\'s count: a rank-16 adapter of a 4096 × 4096 projection trains 131,072 (0.78%); q and v in 32 layers 8,388,608 (0.12% of 7 billion); the reported 6,553,600 of 6,744,596,480 is 0.097%; batch 4 × 4 steps = 16', () => {
  // The engine's adapter count is r·(d + m) at this input width too (its output width stops at 256).
  const wide = computations['lora-params'](ml, { d: 4096, h: 256, r: 16 });
  assert.equal(wide.adapter, 16 * (4096 + 256));
  const perMatrix = 16 * 4096 + 4096 * 16;
  assert.equal(perMatrix, 131072);
  assert.equal((100 * perMatrix / 4096 ** 2).toFixed(2), '0.78');
  assert.equal((4096 ** 2 / 1e6).toFixed(1), '16.8');
  const total = 32 * 2 * perMatrix;
  assert.equal(total, 8388608);
  assert.equal((100 * total / 7e9).toFixed(2), '0.12');
  assert.equal((6553600 / 6744596480).toFixed(5), '0.00097');
  assert.equal((100 * 6553600 / 6744596480).toFixed(3), '0.097');
  says('$16 \\cdot 4\\,096 + 4\\,096 \\cdot 16 = 131\\,072$ numbers, 0.78%');
  says('$32 \\cdot 2 \\cdot 131\\,072 = 8\\,388\\,608$ trained numbers, about 0.12% of 7 billion');
  says('$6\\,553\\,600 / \\allowbreak 6\\,744\\,596\\,480 = 0.00097$, or 0.097%');
  says('effective batch of $4 \\times 4 = 16$ examples');
  says('$r = 16$ and $\\alpha = 32$, so the update is scaled by $\\alpha / r = 2$');
});

test('things to try: the sweep comes after the rank try and sets the rank back to the 2 its numbers are for', () => {
  const rankTry = lesson.indexOf('4. Change the LoRA rank.');
  const sweep = lesson.indexOf('5. Set the rank back to 2 and press **Sweep**');
  assert.ok(rankTry > 0 && sweep > rankTry);
  assert.equal(TRANSFER_DEFAULTS.rank, 2);
});
