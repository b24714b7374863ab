// Claims of activation-functions.md, checked against the engine with the widget's defaults
// (activations.js: activationCurve for φ and φ′, gradientChain(name, depth 20, w, bias 0,
// input 0.5), softmax of the logits [2, 1, 0.2, −1]).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations/neural-networks.js';
import { evaluateComputation, parseComputation } from '../web/js/check-computations.js';
import { gradientVerdict, softmaxSays } from '../web/widgets/activations.js';
import { messages } from '../web/widgets/activations.messages.js';
import { readShown } from '../web/lib/format.js';
import { fixed } from '../web/lib/ui.js';

const chain = (name, w, depth = 20) => ml.gradientChain(name, depth, w, 0, 0.5);
const g0 = (name, w) => Math.abs(chain(name, w).gradient[0]);
const curve = (name, z) => ml.activationCurve(name, z);
const lesson = fs.readFileSync(new URL('./activation-functions.md', import.meta.url), 'utf8');
const near = (a, b, rel) => Math.abs(a - b) <= rel * Math.abs(b);

test('the contestants: slopes and ranges as stated', () => {
  const s = curve('sigmoid', [0, 5, -5, 2]);
  assert.equal(s.derivative[0], 0.25);
  assert.ok(s.derivative[1] < 0.007 && s.derivative[2] < 0.007, 'almost zero for |z| > 5');
  const zs = Array.from({ length: 241 }, (_, i) => -6 + i * 0.05);
  assert.ok(Math.max(...curve('sigmoid', zs).derivative) <= 0.25);
  const t = curve('tanh', zs);
  assert.ok(Math.abs(Math.max(...t.derivative) - 1) < 1e-12, 'tanh slope peaks at 1');
  for (const [k, z] of zs.entries()) assert.ok(Math.abs(t.value[k] - (2 / (1 + Math.exp(-2 * z)) - 1)) < 1e-12, 'tanh = 2σ(2z) − 1');
  const r = curve('relu', [-2, 3]);
  assert.deepEqual(Array.from(r.derivative), [0, 1]);
  const l = curve('leaky-relu', [-1, 2]);
  assert.deepEqual(Array.from(l.value), [-0.01, 2]);
  assert.ok(Math.min(...curve('gelu', zs).value) < -0.1, 'GELU dips below zero');
});

test('sigmoid, 20 layers, w = 1: about 1.1 × 10⁻¹³, below 0.25²⁰ ≈ 10⁻¹²; ReLU passes 1 through', () => {
  const g = g0('sigmoid', 1);
  assert.ok(g < 0.25 ** 20 && near(0.25 ** 20, 1e-12, 0.1));
  assert.equal(g.toExponential(1), '1.1e-13');
  assert.equal(g0('relu', 1), 1);
  assert.ok(Array.from(chain('relu', 1).localFactor).every((f) => f === 1));
});

test('sigmoid w = 4: first factor ≈ 0.42, then z ≈ 3.9 and factors ≈ 0.08, gradient ≈ 4 × 10⁻²²; w = −4: factors 0.4–0.95, ≈ 3 × 10⁻³', () => {
  const up = chain('sigmoid', 4);
  assert.ok(Math.abs(up.localFactor[0] - 0.42) < 0.005);
  for (let l = 3; l < 20; l++) {
    assert.ok(Math.abs(up.preActivation[l] - 3.92) < 0.02, `z_${l + 1} = ${up.preActivation[l]}`);
    assert.ok(Math.abs(up.localFactor[l] - 0.076) < 0.005);
  }
  assert.ok(near(g0('sigmoid', 4), 4e-22, 0.15), String(g0('sigmoid', 4)));
  assert.ok(g0('sigmoid', 4) < g0('sigmoid', 1));
  const down = chain('sigmoid', -4);
  // With w < 0 every factor w·σ′(z) is negative: the lesson gives their size, and says so.
  assert.ok(Array.from(down.localFactor).every((v) => v < 0));
  assert.match(lesson, /the factors \$w\\,\\sigma'\(z\)\$ are negative but stay between about 0\.4 and 0\.95 in size/);
  const f = Array.from(down.localFactor, Math.abs);
  assert.ok(Math.min(...f) >= 0.4 && Math.max(...f) <= 0.95, f.join(' '));
  const z = Array.from(down.preActivation).slice(1);
  assert.ok(Math.abs(z.reduce((a, v) => a + v, 0) / z.length + 1) < 0.15, 'z swings around −1');
  assert.ok(near(g0('sigmoid', -4), 3e-3, 0.1), String(g0('sigmoid', -4)));
  // "about 3 × 10⁻³ reaches layer 0: still shrinking, but more than ten billion times what arrives at w = 1"
  assert.match(lesson, /about \$3 \\times 10\^\{-3\}\$ reaches layer 0: still shrinking, but more than ten billion times what arrives at \$w = 1\$/);
  assert.equal(gradientVerdict(g0('sigmoid', -4)), 'shrinking');
  assert.ok(g0('sigmoid', -4) / g0('sigmoid', 1) > 1e10);
});

test('ReLU: 1.5²⁰ ≈ 3.3 × 10³ at w = 1.5, 0.5²⁰ ≈ 10⁻⁶ at w = 0.5; tanh: 0.11, ≈ 10⁻³, 5.5 × 10⁻⁸ at w = 1, 1.2, 1.5', () => {
  assert.ok(near(g0('relu', 1.5), 1.5 ** 20, 1e-9) && near(1.5 ** 20, 3.3e3, 0.01));
  assert.ok(near(g0('relu', 0.5), 0.5 ** 20, 1e-9) && near(0.5 ** 20, 1e-6, 0.05));
  assert.equal(g0('tanh', 1).toFixed(2), '0.11');
  assert.ok(near(g0('tanh', 1.2), 1e-3, 0.15), String(g0('tanh', 1.2)));
  assert.equal(g0('tanh', 1.5).toExponential(1), '5.5e-8');
});

test('softmax: at T = 0.1 the largest starting logit takes more than 99.99 %; two level logits split it equally at any T (the widget messages: near arg-max only with a clear lead)', () => {
  const p = ml.softmax([2, 1, 0.2, -1], 0.1);
  assert.ok(p[0] > 0.9999);
  assert.deepEqual(softmaxSays(Array.from(p), 0.1), { classes: [1], share: '100.0%', says: 'argmax' });
  for (const T of [1, 0.1, 0.05]) {
    const tie = Array.from(ml.softmax([2, 2, 0.2, -1], T));
    assert.equal(tie[0], tie[1], `level logits at T = ${T}`);
    if (T < 0.3) assert.deepEqual(softmaxSays(tie, T), { classes: [1, 2], share: '50.0%', says: 'tie' });
  }
  // The boundary, as shown: 99.0 % for one class is "nearly an arg-max", 98.9 % is not.
  assert.equal(softmaxSays([0.99, 0.01, 0, 0], 0.1).says, 'argmax');
  assert.equal(softmaxSays([0.98951, 0.01049, 0, 0], 0.1).says, 'argmax');
  assert.equal(softmaxSays([0.98949, 0.01051, 0, 0], 0.1).says, 'sharper');
  assert.equal(softmaxSays(Array.from(ml.softmax([2, 1.7, 0.2, -1], 0.1)), 0.1).says, 'sharper');
  // The starting logits between T = 0.22 and 0.29: a clear lead, not yet 99 %; the words blame the
  // temperature, not the logits, and a lower T reaches the arg-max (0.2 does).
  for (const T of [0.22, 0.25, 0.29]) {
    const says = softmaxSays(Array.from(ml.softmax([2, 1, 0.2, -1], T)), T);
    assert.equal(says.says, 'sharper', `T = ${T}`);
    assert.doesNotMatch(messages['activations.softmax']({ T: String(T), classes: '1', tied: false, share: says.share, says: says.says }), /close|share the probability/);
  }
  assert.equal(softmaxSays(Array.from(ml.softmax([2, 1, 0.2, -1], 0.2)), 0.2).says, 'argmax');
  assert.equal(softmaxSays(Array.from(ml.softmax([2, 1, 0.2, -1], 5)), 5).says, 'flat');
  assert.equal(softmaxSays(Array.from(ml.softmax([2, 1, 0.2, -1], 1)), 1).says, 'shift');
  const p1 = ml.softmax([2, 1, 0.2, -1], 1);
  assert.ok(Math.abs(p1.reduce((a, v) => a + v, 0) - 1) < 1e-12);
  assert.ok(p1[0] < 0.7, 'at T = 1 it is far from one-hot');
});

const r3 = (v) => Math.round(v * 1000) / 1000;
const r2 = (v) => Math.round(v * 100) / 100;

test('worked examples: σ(2) = 0.881, σ\'(2) = 0.105; softmax of the widget\'s logits (2, 1, 0.2, −1): exponentials 7.39 / 2.72 / 1.22 / 0.37, total 11.70, p = 0.63 / 0.23 / 0.10 / 0.03', () => {
  const c = ml.activationCurve('sigmoid', [2]);
  assert.equal(r3(c.value[0]), 0.881);
  assert.equal(r3(c.derivative[0]), 0.105);
  const logits = [2, 1, 0.2, -1];
  assert.deepEqual(logits.map((z) => r2(Math.exp(z))), [7.39, 2.72, 1.22, 0.37]);
  assert.equal(r2(logits.reduce((a, z) => a + Math.exp(z), 0)), 11.7);
  assert.deepEqual(Array.from(ml.softmax(logits, 1), r2), [0.63, 0.23, 0.1, 0.03]);
});

test('worked example: three sigmoid layers, w = 1, b = 0, a0 = 0.5 — z 0.5 / 0.622 / 0.651, slopes 0.235 / 0.227 / 0.225, gradient 0.012, shrunk more than 80-fold', () => {
  const ch = ml.gradientChain('sigmoid', 3, 1, 0, 0.5);
  assert.deepEqual(Array.from(ch.preActivation, r3), [0.5, 0.622, 0.651]);
  assert.equal(r3(ch.activation[1]), 0.622);
  assert.deepEqual(Array.from(ch.localFactor, r3), [0.235, 0.227, 0.225]);
  assert.equal(r3(ch.gradient[0]), 0.012);
  assert.ok(1 / ch.gradient[0] > 80);
  // "(Set the widget below to 3 layers to see the same number.)": the widget shows it to 4 decimals
  // and calls it shrinking, "as here" (it used to say the gradient survives).
  assert.equal(fixed(Math.abs(ch.gradient[0]), 4), '0.0120');
  assert.equal(gradientVerdict(readShown('0.0120')), 'shrinking');
  assert.match(lesson, /under 0\.1 it is \*shrinking\*, as here/);
  assert.equal(computations['gradient-chain'](ml, { fn: 0, depth: 3, w: 1 }).gradient, ch.gradient[0]);
});

test('check-yourself: two ReLU layers with w = 1.5 give 1.5² = 2.25 (20 give about 3300); σ\'(−3) = 0.045, less than a fifth of ¼', () => {
  const g = computations['gradient-chain'](ml, { fn: 2, depth: 2, w: 1.5 });
  assert.ok(Math.abs(g.gradient - 2.25) < 1e-12);
  assert.deepEqual(Array.from(ml.gradientChain('relu', 2, 1.5, 0, 0.5).preActivation), [0.75, 1.125]);
  assert.equal(Math.round(computations['gradient-chain'](ml, { fn: 2, depth: 20, w: 1.5 }).gradient / 100) * 100, 3300);
  const d = evaluateComputation(ml, parseComputation('activation.derivative fn=0 z=-3'));
  assert.equal(r3(d), 0.045);
  assert.ok(d < 0.25 / 5);
  assert.equal(r3(ml.activationCurve('sigmoid', [-3]).value[0]), 0.047);
  assert.throws(() => computations['gradient-chain'](ml, { fn: 9, depth: 2, w: 1 }), /needs fn=/);
});

test('softmax: written as is it overflows on large scores; the engine subtracts the largest score first', () => {
  const lesson = fs.readFileSync(new URL('./activation-functions.md', import.meta.url), 'utf8');
  const naive = (z) => { const e = z.map(Math.exp); const sum = e.reduce((a, b) => a + b, 0); return e.map((v) => v / sum); };
  assert.equal(Math.exp(1000), Infinity);
  assert.ok(naive([1000, 999, 998]).every(Number.isNaN), 'as written: NaN');
  const big = [...ml.softmax([1000, 999, 998], 1)];
  const small = [...ml.softmax([2, 1, 0], 1)];
  assert.deepEqual(big.map((p) => p.toFixed(3)), ['0.665', '0.245', '0.090']);
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(big[i] - small[i]) < 1e-15, 'a shift changes nothing');
  const shifted = [0, -1, -2].map(Math.exp);
  assert.deepEqual(shifted.map((v) => v.toFixed(3)), ['1.000', '0.368', '0.135']);
  assert.equal(shifted.reduce((a, b) => a + b, 0).toFixed(3), '1.503');
  assert.match(lesson, /whose exponentials \$1\$, \$0\.368\$ and \$0\.135\$ add up to \$1\.503\$: the probabilities are \$\(0\.665,\\allowbreak\\ 0\.245,\\allowbreak\\ 0\.090\)\$, exactly those of \$\(2,\\ 1,\\ 0\)\$/);
  assert.match(lesson, /\+ Not a number: \$e\^\{1\\,000\}\$ overflows to infinity/);
});

// The lesson states the widget's verdict rule in words; the widget (gradientVerdict, judged on the
// number as shown) follows it, checked exactly at each threshold, just below and just above.
test('verdict rule: survives within a factor of 10 (0.1 to 10), shrinking / exploding beyond, vanished / exploded past a millionth / a million', () => {
  assert.match(lesson, /while it stays within ten either way \(from 0\.1 up to 10\) the gradient \*survives\*; under 0\.1 it is \*shrinking\*, as here, and over 10 it is \*exploding\*; once it drops below a millionth it has \*vanished\*, and past a million it has \*exploded\*/);
  const cases = [
    [0, 'vanished'], [9.99e-7, 'vanished'], [1e-6, 'shrinking'], [1.01e-6, 'shrinking'],
    [0.0999, 'shrinking'], [0.1, 'survives'], [0.1001, 'survives'], [1, 'survives'],
    [9.9999, 'survives'], [10, 'survives'], [10.0001, 'exploding'],
    [999999, 'exploding'], [1e6, 'exploding'], [1.01e6, 'exploded'], [Infinity, 'exploded'],
  ];
  for (const [g, want] of cases) assert.equal(gradientVerdict(g), want, String(g));
  // The widget reads the number as shown: "0.1000" and "1 × 10⁻⁶" sit on their thresholds.
  assert.equal(gradientVerdict(readShown('0.1000')), 'survives');
  assert.equal(gradientVerdict(readShown('0.0999')), 'shrinking');
  assert.equal(gradientVerdict(readShown('1 × 10⁻⁶')), 'shrinking');
  assert.equal(gradientVerdict(readShown('9.54 × 10⁻⁷')), 'vanished');
  // The lesson's numbers, by the rule: 20 sigmoid layers vanish, ReLU at w = 1 survives, at 1.5
  // it is exploding, at 0.5 it has vanished; tanh at w = 1 (0.11) survives, at 1.2 it is shrinking.
  assert.equal(gradientVerdict(g0('sigmoid', 1)), 'vanished');
  assert.equal(gradientVerdict(g0('relu', 1)), 'survives');
  assert.equal(gradientVerdict(g0('relu', 1.5)), 'exploding');
  assert.equal(gradientVerdict(g0('relu', 0.5)), 'vanished');
  assert.equal(gradientVerdict(g0('tanh', 1)), 'survives');
  assert.equal(gradientVerdict(g0('tanh', 1.2)), 'shrinking');
  // Each verdict's words say the same band.
  assert.match(messages['activations.verdict.survives'], /within a factor of 10/);
  assert.match(messages['activations.verdict.shrinking'], /more than 10 times smaller/);
  assert.match(messages['activations.verdict.exploding'], /more than 10 times larger/);
  assert.match(messages['activations.verdict.vanished'], /less than a millionth/);
  assert.match(messages['activations.verdict.exploded'], /more than a million times/);
});

// The Predict, then check box asks about the 20-layer sigmoid chain (its reveal: about 4 × 10⁻²²),
// so the lesson sends the learner back to those settings after the steps that changed them; the
// box refuses other settings and names what differs, counting layers with the shared countOf.
test('predict: the lesson names the settings to restore (sigmoid, 20 layers, w = 1); the box names what differs', () => {
  assert.match(lesson, /The question is about the 20-layer sigmoid chain, so undo the changes the steps above made: choose sigmoid again, move the layers slider back to 20 and \$w\$ back to 1/);
  assert.match(lesson, /until all three match, the box says which setting differs and waits/);
  const setUp = messages['activations.predict.setUp'];
  assert.equal(setUp({ layers: 20, activation: '', depth: '1', weight: '' }), 'The question is about sigmoid through 20 layers, starting from w = 1. Before locking in, set layers to 20 (now 1).');
  assert.equal(setUp({ layers: 20, activation: 'ReLU', depth: '3', weight: '4.00' }), 'The question is about sigmoid through 20 layers, starting from w = 1. Before locking in, choose sigmoid (now ReLU), set layers to 20 (now 3) and set w to 1 (now 4.00).');
  assert.match(messages['activations.chain']({ name: 'sigmoid', depth: 1, w: '1.00', gradient: '0.2350', verdict: '' }), /^sigmoid through 1 layer with/);
  assert.match(messages['activations.predict.why']({ depth: 20, before: 'a', after: 'b' }), /^Through 20 layers the gradient/);
});
