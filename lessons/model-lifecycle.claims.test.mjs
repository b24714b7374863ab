// Claims of model-lifecycle.md, checked against the engine with the widget's own settings
// (web/widgets/model-lifecycle/lifecycle.js: deploymentConfig over the schema's defaults, seed 14,
// 60 days of 100 points, inputs jump by 2 on day 20, retrain on an alarm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations/data-drift.js';
import { computations as networkComputations } from '../web/js/check-computations/neural-networks.js';
import { SETTINGS, WIDGET_DEFAULTS, askedSettings, deploymentConfig, firstAccuracyAlarm, firstInputAlarm, inputMonitorVerdict, meanAccuracy, settingsAwayFrom, versionRows } from '../web/widgets/model-lifecycle/lifecycle.js';

const DEFAULTS = WIDGET_DEFAULTS;
const run = (over = {}, manual = []) => ml.simulateDeployment(deploymentConfig({ ...DEFAULTS, ...over }, manual));
const three = (v) => v.toFixed(3);
// The numbers the lesson quotes.
const LESSON = {
  accBefore: '0.844', psiDay20: '3.90', accDay20: '0.820', cleanVersion: 4, cleanDay: 25,
  accAlarmLate: '0.910', accNeverLate: '0.724', gradualAlarm: 24,
  accConcept: '0.655', conceptAccAlarm: 22, conceptAccAlarmDelay: 27,
};

test('the widget\'s directive uses the schema defaults the claims assume', () => {
  const line = readFileSync(new URL('./model-lifecycle.md', import.meta.url), 'utf8').split('\n').find((l) => l.startsWith('::: widget model-lifecycle'));
  const directive = Object.fromEntries(line.split(/\s+/).slice(3).map((kv) => kv.split('=')));
  for (const [k, v] of Object.entries(DEFAULTS)) assert.equal(directive[k], String(v), `directive ${k}`);
  assert.deepEqual({ drift: DEFAULTS.drift, size: DEFAULTS.size, ramp: DEFAULTS.ramp, start: DEFAULTS.start, policy: DEFAULTS.policy, every: DEFAULTS.every, delay: DEFAULTS.delay, watch: DEFAULTS.watch, day: DEFAULTS.day, seed: DEFAULTS.seed },
    { drift: 'inputs', size: 2, ramp: 1, start: 20, policy: 'alarm', every: 14, delay: 0, watch: 'inputs', day: 0, seed: 14 });
  assert.deepEqual([SETTINGS.batchSize, SETTINGS.psiThreshold, SETTINGS.ksAlpha, SETTINGS.consecutive, SETTINGS.bins, SETTINGS.accuracyDrop], [100, 0.25, 0.01, 2, 10, 0.1]);
});

test('worked example: three bins, p = (0.5, 0.3, 0.2), p′ = (0.3, 0.3, 0.4) → terms 0.102, 0, 0.139, PSI 0.241', () => {
  assert.equal(three(-0.2 * Math.log(0.3 / 0.5)), '0.102');
  assert.equal(three(0.2 * Math.log(2)), '0.139');
  assert.equal(three(computations.psi(ml, { p: [0.5, 0.3, 0.2], q: [0.3, 0.3, 0.4] }).value), '0.241');
  assert.ok(computations.psi(ml, { p: [0.5, 0.3, 0.2], q: [0.3, 0.3, 0.4] }).value < 0.25, 'not over the line');
});

test('worked example: KS of 1, 2, 3 against 2.5, 4, 5 is 2/3 with p = 0.6', () => {
  const r = computations.ks(ml, { a: [1, 2, 3], b: [2.5, 4, 5] });
  assert.ok(Math.abs(r.statistic - 2 / 3) < 1e-15);
  assert.ok(Math.abs(r.p - 0.6) < 1e-12);
});

test('check-yourself answers: PSI 0.4·ln 2 (above 0.25) and KS 0.75', () => {
  const psi = computations.psi(ml, { p: [0.4, 0.4, 0.2], q: [0.2, 0.4, 0.4] }).value;
  assert.ok(Math.abs(psi - 0.4 * Math.log(2)) < 1e-12 && psi > 0.25);
  assert.equal(computations.ks(ml, { a: [1, 2, 3, 4], b: [3.5, 5] }).statistic, 0.75);
});

test('try 1: sudden input drift — flagged on day 20, alarm and version 2 (days 17–21) on day 21, a second retrain later', () => {
  const r = run();
  assert.equal(three(meanAccuracy(r, 0, 20)), LESSON.accBefore);
  assert.ok(r.days.slice(0, 20).every((d) => d.psi < 0.25), 'PSI under the line before day 20');
  assert.equal(r.days[20].psi.toFixed(2), LESSON.psiDay20);
  assert.equal(three(r.days[20].accuracy), LESSON.accDay20);
  assert.ok(r.days[20].inputFlag && !r.days[20].inputAlarm);
  assert.ok(r.days[21].inputAlarm);
  const v2 = r.versions[1];
  assert.deepEqual([v2.trigger, v2.trainedOnDay, v2.fromDay, v2.toDay], ['alarm', 21, 17, 21]);
  // Retraining repeats until a version has trained only on days after the jump; then the monitor is quiet.
  const clean = r.versions.find((v) => v.fromDay >= 20);
  assert.equal(clean.id, LESSON.cleanVersion);
  assert.equal(clean.trainedOnDay, LESSON.cleanDay);
  for (const v of r.versions.slice(1, clean.id - 1)) assert.equal(v.trigger, 'alarm');
  assert.ok(r.days.slice(clean.trainedOnDay + 1).every((d) => !d.inputAlarm), 'no alarm after the clean version');
  assert.equal(three(meanAccuracy(r, 30, 60)), LESSON.accAlarmLate);
});

test('try 2: never retrain — the alarm still rings; days 30–59 average lower', () => {
  const r = run({ policy: 'never' });
  assert.equal(firstInputAlarm(r), 21);
  assert.equal(r.retrains, 0);
  assert.equal(three(meanAccuracy(r, 30, 60)), LESSON.accNeverLate);
  assert.ok(meanAccuracy(run(), 30, 60) > meanAccuracy(r, 30, 60) + 0.1);
});

test('try 3: a 14-day schedule retrains at the ends of days 13, 27, 41, 55; days 20–27 are served by version 2, trained before the drift', () => {
  const r = run({ policy: 'schedule' });
  assert.deepEqual(r.versions.slice(1).map((v) => v.trainedOnDay), [13, 27, 41, 55]);
  for (let d = 20; d <= 27; d++) assert.equal(r.days[d].version, 2);
  assert.ok(r.versions[1].toDay < 20);
});

test('try 4: gradual drift over 20 days — the first alarm comes later', () => {
  const r = run({ ramp: 20 });
  assert.equal(firstInputAlarm(r), LESSON.gradualAlarm);
  assert.ok(LESSON.gradualAlarm > 21);
  // It creeps: a tenth of the shift on day 20 (PSI far below the sudden jump's), the full shift from day 39.
  assert.ok(r.days[20].psi < run().days[20].psi / 2);
  assert.equal(r.days[20].inputShift, 0.1);
  assert.equal(r.days[39].inputShift, 2);
});

test('predict, then check: concept drift — accuracy falls, the input monitor never rings in 60 days', () => {
  const r = run({ drift: 'concept' });
  assert.equal(inputMonitorVerdict(r, 20), 'never');
  assert.equal(firstInputAlarm(r, 0), null, 'no input alarm at all');
  assert.equal(three(meanAccuracy(r, 20, 60)), LESSON.accConcept);
  assert.equal(three(meanAccuracy(r, 0, 20)), LESSON.accBefore, 'the same days as before the input drift');
  assert.ok(r.days.every((d) => d.inputShift === 0));
  assert.equal(r.days[30].conceptShift, 1, 'the parabola rises by 1');
  assert.ok(meanAccuracy(r, 20, 60) < meanAccuracy(r, 0, 20) - 0.1);
});

// The tries change the widget's settings one after another and nothing sets them back: after try 4
// retraining is on a schedule and the drift takes 20 days. At those settings the concept-drift run
// averages 0.847 after day 20 (not the reveal's 0.655) and the accuracy alarm comes on day 40 (not
// 22), so the box judges only at the settings the widget opened with (settingsAwayFrom), and the
// predict step names the two to set back.
test('predict, then check, after the tries in order: the box judges only at the first settings; the lesson says to set retraining and the ramp back', () => {
  const asked = askedSettings(DEFAULTS);
  // Try 2 sets retraining to never, try 3 to a schedule (every 14 days), try 4 the ramp to 20.
  const carried = { ...DEFAULTS, policy: 'schedule', ramp: 20, drift: 'concept' };
  assert.deepEqual(settingsAwayFrom(asked, carried), ['policy', 'ramp']);
  const carriedRun = run(carried);
  assert.notEqual(three(meanAccuracy(carriedRun, 20, 60)), LESSON.accConcept, 'the carried-over run is not the reveal\'s');
  assert.notEqual(firstAccuracyAlarm(run({ ...carried, watch: 'both' })), LESSON.conceptAccAlarm);
  // Set back as the lesson says: the run the reveal and the accuracy-alarm sentence describe.
  const restored = { ...carried, policy: 'alarm', ramp: 1 };
  assert.deepEqual(settingsAwayFrom(asked, restored), []);
  assert.equal(three(meanAccuracy(run(restored), 20, 60)), LESSON.accConcept);
  assert.equal(firstAccuracyAlarm(run({ ...restored, watch: 'both' })), LESSON.conceptAccAlarm);
  // One of the two set back is not enough.
  assert.deepEqual(settingsAwayFrom(asked, { ...carried, policy: 'alarm' }), ['ramp']);
  assert.deepEqual(settingsAwayFrom(asked, { ...carried, ramp: 1 }), ['policy']);
  const lesson = readFileSync(new URL('./model-lifecycle.md', import.meta.url), 'utf8');
  const step = lesson.split('\n').find((l) => l.startsWith('**Predict, then check.**'));
  assert.match(step, /set \*\*retraining\*\* back to \*\*on an alarm\*\* and \*\*days to drift in full\*\* back to 1/);
  assert.ok(step.indexOf('back to 1') < step.indexOf('play to day 59'), 'set back before playing');
  assert.match(step, /The box judges only that run/);
});

test('the box compares settings as the widget shows them: drift size to a tenth, the schedule only when retraining is on one', () => {
  const asked = askedSettings(DEFAULTS);
  const concept = { ...DEFAULTS, drift: 'concept' };
  assert.deepEqual(settingsAwayFrom(asked, { ...concept, size: 2.0000000000000004 }), []);
  assert.deepEqual(settingsAwayFrom(asked, { ...concept, size: 2.1 }), ['size']);
  assert.deepEqual(settingsAwayFrom(asked, { ...concept, size: 1.9 }), ['size']);
  assert.deepEqual(settingsAwayFrom(asked, { ...concept, every: 13 }), [], 'no schedule: its length does not matter');
  assert.deepEqual(settingsAwayFrom(askedSettings({ ...DEFAULTS, policy: 'schedule' }), { ...concept, policy: 'schedule', every: 13 }), ['every']);
  assert.deepEqual(settingsAwayFrom(asked, { ...concept, watch: 'both', delay: 1, seed: 15 }, [30]), ['watch', 'delay', 'manual', 'seed']);
  assert.deepEqual(settingsAwayFrom(asked, { ...concept, ramp: 2 }), ['ramp']);
});

test('watching labelled accuracy: the accuracy alarm rings, later with a 5-day label delay', () => {
  assert.equal(firstAccuracyAlarm(run({ drift: 'concept', watch: 'both' })), LESSON.conceptAccAlarm);
  assert.equal(firstAccuracyAlarm(run({ drift: 'concept', watch: 'both', delay: 5 })), LESSON.conceptAccAlarmDelay);
  assert.equal(LESSON.conceptAccAlarmDelay - LESSON.conceptAccAlarm, 5);
});

// The serving section reads version 4 from the table (parameters to two decimals, as the widget
// shows them) and works one reply out of the shown values.
test('serving: on day 30 of try 1 version 4 serves with w₁ = -1.72, w₂ = 1.73, b = 1.56; x = (2, 1.5) gets class 1, probability 0.672', () => {
  const r = run();
  const rows = versionRows(r, 30, 0);
  const serving = rows.find((v) => v.serving);
  assert.equal(serving.id, 4);
  assert.deepEqual(serving.params.map((p) => p.toFixed(2)), ['-1.72', '1.73', '1.56']);
  const [w1, w2, b] = [-1.72, 1.73, 1.56];
  const sigmoid = (z) => ml.activationCurve('sigmoid', [z]).value[0];
  const z = w1 * 2 + w2 * 1.5 + b;
  assert.equal(z.toFixed(3), '0.715');
  assert.equal(three(sigmoid(z)), '0.672');
  // The engine's own parameters give the same reply: p = σ(w₁x₁ + w₂x₂ + b), class 1 when above ½.
  const zEngine = serving.params[0] * 2 + serving.params[1] * 1.5 + serving.params[2];
  assert.equal(three(sigmoid(zEngine)), '0.672');
  // That is the rule the engine scores with: it reproduces version 4's accuracy on day 30.
  const batch = ml.deploymentBatch(deploymentConfig({ ...DEFAULTS }), 30);
  let right = 0;
  for (let i = 0; i < batch.rows; i++) {
    const zi = serving.params[0] * batch.X[2 * i] + serving.params[1] * batch.X[2 * i + 1] + serving.params[2];
    if ((zi > 0 ? 1 : 0) === batch.y[i]) right++;
  }
  assert.equal(right / batch.rows, r.versions[3].accuracy[30]);
  // The check-yourself request x = (1, 1): z = 1.57 from the shown values, σ(1.57) = 0.828.
  assert.equal((w1 + w2 + b).toFixed(2), '1.57');
  assert.equal(three(networkComputations.sigmoid(ml, { z: 1.57 }).value), '0.828');
  // The lesson quotes exactly these values.
  const lesson = readFileSync(new URL('./model-lifecycle.md', import.meta.url), 'utf8');
  for (const quoted of ['table shows version 4 serving, with $w_1 = -1.72$, $w_2 = 1.73$ and $b = 1.56$',
    '$z = -1.72 \\times 2 + 1.73 \\times 1.5 + 1.56 = 0.715$', '$\\sigma(0.715) = 0.672$ of class 1', '*class 1, probability 0.672, version 4*',
    '= sigmoid.value z=1.57 ± 0.005', '$z = -1.72 + 1.73 + 1.56 = 1.57$']) {
    assert.ok(lesson.includes(quoted), `the lesson quotes: ${quoted}`);
  }
});

// "Checks before a version serves": every held-out number is recomputed from the engine's own
// batches (deploymentBatch), with the engine's split — every 4th row of a version's window
// (r % 4 == 3, engine/src/drift_monitor.cpp train()) validates — and a version's prediction
// rule, class 1 when w₁x₁ + w₂x₂ + b > 0.
test('checks before a version serves: version 4 gets 0.912 of its 125 held-out points, version 3 0.840 of the same; version 2 beats version 1 overall (0.800 against 0.776) but not on the 74 points with x₁ < 1 (0.797 against 0.824); day 20 has 5 points outside version 1\'s range of x₁', () => {
  const config = deploymentConfig({ ...DEFAULTS });
  const r = ml.simulateDeployment(config);
  const heldOut = (v) => {
    const rows = [];
    let i = 0;
    for (let day = v.fromDay; day <= v.toDay; day++) {
      const b = ml.deploymentBatch(config, day);
      for (let j = 0; j < b.rows; j++, i++) if (i % 4 === 3) rows.push({ x1: b.X[2 * j], x2: b.X[2 * j + 1], y: b.y[j] });
    }
    return rows;
  };
  const accuracy = (v, rows) => rows.filter((o) => ((v.params[0] * o.x1 + v.params[1] * o.x2 + v.params[2] > 0) ? 1 : 0) === o.y).length / rows.length;
  const [v1, v2, v3, v4] = r.versions;
  // The split reproduces the engine's own validation accuracies (the table's column).
  for (const v of [v2, v3, v4]) assert.equal(accuracy(v, heldOut(v)), v.validationAccuracy, `version ${v.id}`);
  const rows4 = heldOut(v4);
  assert.equal(rows4.length, 125);
  assert.deepEqual([v4.fromDay, v4.toDay], [21, 25]);
  assert.equal(three(accuracy(v4, rows4)), '0.912');
  assert.equal(three(accuracy(v3, rows4)), '0.840');
  const rows2 = heldOut(v2);
  assert.equal(three(accuracy(v2, rows2)), '0.800');
  assert.equal(three(accuracy(v1, rows2)), '0.776');
  const low = rows2.filter((o) => o.x1 < 1);
  assert.equal(low.length, 74);
  assert.equal(three(accuracy(v2, low)), '0.797');
  assert.equal(three(accuracy(v1, low)), '0.824');
  assert.ok(accuracy(v1, low) - accuracy(v2, low) > 0.02, 'a gate allowing a slice to lose at most 0.02 holds version 2 back');
  // Data validation: version 1's training inputs (its window's training rows) span x₁ from −3.00 to 3.49.
  const trainX1 = [];
  let i = 0;
  for (let day = v1.fromDay; day <= v1.toDay; day++) {
    const b = ml.deploymentBatch(config, day);
    for (let j = 0; j < b.rows; j++, i++) if (i % 4 !== 3) trainX1.push(b.X[2 * j]);
  }
  assert.equal(trainX1.length, v1.rows);
  const [lo, hi] = [Math.min(...trainX1), Math.max(...trainX1)];
  assert.deepEqual([lo.toFixed(2), hi.toFixed(2)], ['-3.00', '3.49']);
  const outside = (day) => { const b = ml.deploymentBatch(config, day); let n = 0; for (let j = 0; j < b.rows; j++) if (b.X[2 * j] < lo || b.X[2 * j] > hi) n++; return n; };
  assert.equal(outside(19), 0);
  assert.equal(outside(20), 5);
  assert.equal(r.days[20].psi.toFixed(2), '3.90');
  const lesson = readFileSync(new URL('./model-lifecycle.md', import.meta.url), 'utf8');
  for (const quoted of ['5 of the 100 points of day 20 have an $x_1$ outside the range $-3.00$ to $3.49$', 'right on 0.912 of its 125 held-out points; version 3, which is serving, gets 0.840 of the same points',
    '0.800 against 0.776 on version 2\'s held-out points', 'on the 74 of them with $x_1 < 1$ it gets 0.797 against version 1\'s 0.824']) {
    assert.ok(lesson.includes(quoted), quoted);
  }
});

test('model registry: the table marks the serving row, the part a registry\'s "Production" label plays', async () => {
  const { readFileSync } = await import('node:fs');
  const { messages } = await import('../web/widgets/model-lifecycle/messages.js');
  assert.equal(messages['model-lifecycle.serving'], 'v{id} (serving)');
  const md = readFileSync(new URL('./model-lifecycle.md', import.meta.url), 'utf8');
  assert.ok(md.includes('the row marked as serving plays that label\'s part'));
  // At day shown 30 with try 1's settings (the widget's defaults), exactly one row carries the mark,
  // and it is the version the prediction-address paragraph names, with the weights it quotes.
  const quoted = /set \*\*day shown\*\* to (\d+): the table shows version (\d+) serving, with \$w_1 = (-?[\d.]+)\$, \$w_2 = (-?[\d.]+)\$ and \$b = (-?[\d.]+)\$/.exec(md);
  assert.ok(quoted, 'the prediction-address paragraph names the serving version and its weights');
  const [, shownDay, id, ...weights] = quoted;
  const rows = versionRows(run(), Number(shownDay), DEFAULTS.delay);
  const marked = rows.filter((v) => v.serving);
  assert.equal(marked.length, 1, 'exactly one row is marked as serving');
  // The widget's first cell: t(v.serving ? 'model-lifecycle.serving' : 'model-lifecycle.version', { id }).
  const firstCell = (v) => messages[v.serving ? 'model-lifecycle.serving' : 'model-lifecycle.version'].replace('{id}', String(v.id));
  assert.deepEqual(rows.map(firstCell).filter((text) => /serving/.test(text)), [`v${id} (serving)`]);
  assert.equal(firstCell(marked[0]), 'v4 (serving)');
  assert.deepEqual(marked[0].params.map((p) => p.toFixed(2)), weights);
  assert.deepEqual([shownDay, id, ...weights], ['30', '4', '-1.72', '1.73', '1.56']);
});
