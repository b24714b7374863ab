// The activation functions widget (activation-functions lesson): φ, φ′ and the chain gradient match
// the engine, softmax responds, the chain's verdict follows the lesson's rule at its thresholds, and
// the w = 4 prediction settles only on the 20-layer sigmoid chain it asks about.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, openPage, openFreshPage } from './browser.mjs';
import { scientific } from '../../web/lib/format.js';
import { cardAt, stat, message, cardShot, ink, noNaNInCards, inEngine, reportedEvents } from './probes.mjs';
import { lockChoice, boxVerdict, assertPractice, lockPrediction, recordReports, PRACTICE_SEEN } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });


test('activations: φ, φ′ and the chain gradient match the engine; softmax responds', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/activation-functions.html', { width });
    const w = cardAt(page, 0);
    assert.ok(await ink(w, 0) > 5);
    await w.locator('canvas').first().focus();
    await page.keyboard.press('ArrowRight'); // z: 1.00 → 1.10
    const expected = await inEngine(page, (ml) => {
      const c = ml.activationCurve('sigmoid', [1.1]);
      const g = ml.gradientChain('sigmoid', 20, 1, 0, 0.5);
      const r = ml.gradientChain('relu', 20, 1, 0, 0.5);
      return { f: c.value[0].toFixed(4), d: c.derivative[0].toFixed(4), g: Math.abs(g.gradient[0]), r: Math.abs(r.gradient[0]).toFixed(4), p: Array.from(ml.softmax([2, 1, 0.2, -1], 1)) };
    });
    assert.equal(await stat(w, 'z'), '1.10');
    assert.equal(await stat(w, 'φ(z)'), expected.f);
    assert.equal(await stat(w, 'φ′(z)'), expected.d);
    assert.equal(await stat(w, 'gradient at layer 0'), scientific(expected.g, 3));
    assert.match(await message(w), /Vanished/);
    await w.getByLabel('activation', { exact: true }).selectOption('relu');
    assert.equal(await stat(w, 'gradient at layer 0'), expected.r);
    assert.match(await message(w), /survives/);
    // The lesson: "at w = 1.5 every factor is 1.5 and the gradient explodes to 1.5^20 ≈ 3.3 × 10^3".
    await w.getByLabel(/^weight w/).fill('1.5');
    assert.match(await message(w), /w = 1\.50.*Exploding/);
    await w.getByLabel(/^weight w/).fill('1');
    if (width === 1280) await cardShot(w, 'activations-relu-1280');
    await w.getByLabel('activation', { exact: true }).selectOption('softmax');
    assert.equal(await stat(w, 'φ(z)'), expected.p[0].toFixed(3));
    await w.locator('canvas').first().focus();
    await page.keyboard.press('ArrowUp');
    assert.equal(await stat(w, 'z'), '2.10 (class 1)', 'the readout labelled z names the logit once');
    await w.getByLabel('activation', { exact: true }).selectOption('sigmoid');
    await cardShot(w, `activations-${width}`);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('activations: predict, then check — w = 4 shrinks the sigmoid chain\'s gradient (held and missed)', async () => {
  const page = await openPage(site, '/lessons/activation-functions.html');
  const w = cardAt(page, 0);
  // Refused until sigmoid, 20 layers and w = 1 (the defaults are); then held.
  await w.getByLabel(/^weight w/).fill('2');
  let box = await lockChoice(w, 'activations-sigmoid-w4', 'smaller');
  assert.match(await box.getByRole('status').textContent(), /Before locking in, set w to 1 \(now 2\.00\)\.$/);
  await w.getByLabel(/^weight w/).fill('1');
  box = await lockChoice(w, 'activations-sigmoid-w4', 'smaller');
  assert.match(await box.getByRole('status').textContent(), /Your prediction: smaller\. Now raise the weight w to 4/);
  await w.getByLabel(/^weight w/).fill('4');
  let v = await boxVerdict(box);
  assert.equal(v.result, 'held');
  assert.match(v.text, /Your prediction held: you said “smaller”.*Through 20 layers the gradient went from 1\.1\d* × 10⁻¹³ at w = 1 to [34](\.\d+)? × 10⁻²² at w = 4/);
  await w.getByLabel(/^weight w/).fill('1');
  box = await lockChoice(w, 'activations-sigmoid-w4', 'larger');
  await w.getByLabel(/^weight w/).fill('4');
  v = await boxVerdict(box);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /did not hold: you said “larger”; what happened: “smaller”/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Run, then reset, then predict: the outcome was on screen first, so the prediction is practice
// and nothing is recorded (a widget's own goal may still report).
test('activation functions: the gradient at w = 4 seen before locking in makes the prediction practice', async () => {
  const page = await openPage(site, '/lessons/activation-functions.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const box = page.locator('[data-predict="activations-sigmoid-w4"]');
  await page.getByLabel(/^weight w/).fill('4');
  assert.match(await box.getByRole('status').textContent(), /sigmoid chain through 20 layers at w = 4 was on screen before a prediction was locked in/);
  await page.getByLabel(/^weight w/).fill('1');
  await lockPrediction(page, 'activations-sigmoid-w4', 'smaller');
  await page.getByLabel(/^weight w/).fill('4');
  await assertPractice(page, box, { result: null, othersMayReport: true, wait: 120000 });
  await page.close();
});

// The chain plot's axis caption (log₁₀ |∂a_L/∂a_l|) is drawn at the top edge of its canvas, right
// under the curve's legend row: the two touched (0 px apart) at every width.
test('activations: the curve legend keeps clear of the chain plot\'s caption at 1280 and 375 px', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/activation-functions.html', { width });
    const w = cardAt(page, 0);
    const legendBottom = await w.locator('.dw-legend').first().evaluate((e) => e.getBoundingClientRect().bottom);
    const chainTop = await w.locator('canvas').nth(1).evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(chainTop - legendBottom >= 8, `legend to chain plot at ${width} px: ${chainTop - legendBottom} px`);
    await page.close();
  }
});

const layersSlider = (w) => w.getByLabel(/^layers/);
const weightSlider = (w) => w.getByLabel(/^weight w/);
const activationMenu = (w) => w.getByLabel('activation', { exact: true });

// The verdict under the chain follows the rule the lesson states: within a factor of 10 of the 1
// the gradient leaves the output with (0.1 to 10) it survives, below shrinking, above exploding;
// below a millionth vanished. Judged on the number as shown, at each threshold and either side.
// It used to call the lesson's three-layer 0.0120 (shrunk more than 80-fold) "survives".
test('activations: the chain\'s verdict follows the lesson\'s rule at its thresholds (3 sigmoid layers: 0.0120, shrinking)', async () => {
  const page = await openPage(site, '/lessons/activation-functions.html');
  const w = cardAt(page, 0);
  const read = async () => ({ g: await stat(w, 'gradient at layer 0'), m: await message(w) });
  // The lesson: "(Set the widget below to 3 layers to see the same number.)"
  await layersSlider(w).fill('3');
  let r = await read();
  assert.equal(r.g, '0.0120');
  assert.match(r.m, /^sigmoid through 3 layers with w = 1\.00: .* It reaches layer 0 at 0\.0120\. Shrinking: it arrives more than 10 times smaller/);
  assert.doesNotMatch(r.m, /survives/);
  await layersSlider(w).fill('4');
  assert.match((await read()).m, /Shrinking/);
  // One ReLU layer with w > 0 passes exactly w back: the 0.1 threshold and either side.
  await activationMenu(w).selectOption('relu');
  await layersSlider(w).fill('1');
  const cases = [
    ['0.1', '0.1000', /survives.*within a factor of 10/], ['0.05', '0.0500', /Shrinking/], ['0.15', '0.1500', /survives/],
  ];
  for (const [weight, shown, verdict] of cases) {
    await weightSlider(w).fill(weight);
    r = await read();
    assert.equal(r.g, shown, `w = ${weight}`);
    assert.match(r.m, /^ReLU through 1 layer with/, 'one layer, not "1 layers"');
    assert.match(r.m, verdict, `w = ${weight}: ${r.m}`);
  }
  // Two layers pass w²: 3.15² = 9.9225 survives, 3.2² = 10.24 is exploding (10 itself is no stop).
  await layersSlider(w).fill('2');
  await weightSlider(w).fill('3.15');
  r = await read();
  assert.equal(r.g, '9.9225');
  assert.match(r.m, /survives/);
  await weightSlider(w).fill('3.2');
  r = await read();
  assert.equal(r.g, '10.2400');
  assert.match(r.m, /Exploding: it arrives more than 10 times larger/);
  // A millionth: 0.1⁶ is shown as 1 × 10⁻⁶ (shrinking), 0.1⁷ and 0.5²⁰ have vanished.
  await weightSlider(w).fill('0.1');
  await layersSlider(w).fill('6');
  r = await read();
  assert.equal(r.g, '1 × 10⁻⁶');
  assert.match(r.m, /Shrinking/);
  await layersSlider(w).fill('7');
  assert.match((await read()).m, /Vanished/);
  await layersSlider(w).fill('20');
  await weightSlider(w).fill('0.5');
  r = await read();
  assert.equal(r.g, scientific(0.5 ** 20, 3));
  assert.match(r.m, /Vanished/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The box asks about the 20-layer sigmoid chain. It used to lock at any depth: with 1 layer the
// gradient rose (0.2350 → 0.4200) while the verdict spoke of "every later z" through "1 layers".
test('activations: predict, then check — the box refuses other depths, names what differs, and neither settles nor counts the outcome seen there', async () => {
  const page = await openFreshPage(site, '/lessons/activation-functions.html');
  await recordReports(page);
  const w = cardAt(page, 0);
  await layersSlider(w).fill('1');
  let box = await lockChoice(w, 'activations-sigmoid-w4', 'smaller');
  assert.notEqual(await box.getAttribute('data-state'), 'committed');
  assert.match(await box.getByRole('status').textContent(), /^The question is about sigmoid through 20 layers, starting from w = 1\. Before locking in, set layers to 20 \(now 1\)\.$/);
  // w = 4 on another chain is not this question's outcome: nothing seen, nothing settled.
  await weightSlider(w).fill('4');
  assert.equal(await stat(w, 'gradient at layer 0'), '0.4200');
  await layersSlider(w).fill('3');
  assert.equal(await box.getAttribute('data-result'), null);
  assert.doesNotMatch(await box.getByRole('status').textContent(), /on screen before/);
  // Locked on the question's chain, then moved off it: a note that says how to get back, no verdict.
  await weightSlider(w).fill('1'); // first, or 20 layers at w = 4 would show the outcome
  await layersSlider(w).fill('20');
  box = await lockPrediction(w, 'activations-sigmoid-w4', 'smaller');
  await layersSlider(w).fill('1');
  await weightSlider(w).fill('4');
  assert.equal(await box.getAttribute('data-state'), 'committed');
  assert.equal(await box.getAttribute('data-result'), null);
  assert.match(await box.getByRole('status').textContent(), /^This chain does not test your prediction, which is about sigmoid through 20 layers: set layers back to 20 \(now 1\), then read the gradient at layer 0 with w at 4\.$/);
  await activationMenu(w).selectOption('tanh');
  assert.match(await box.getByRole('status').textContent(), /choose sigmoid again \(now tanh\) and set layers back to 20 \(now 1\)/);
  await activationMenu(w).selectOption('sigmoid');
  assert.equal(await box.getAttribute('data-state'), 'committed');
  // Back on 20 layers with w at 4: the prediction is judged, and recorded as a first try.
  await layersSlider(w).fill('20');
  const v = await boxVerdict(box);
  assert.equal(v.result, 'held');
  assert.match(v.text, /Through 20 layers the gradient went from 1\.1\d* × 10⁻¹³ at w = 1 to [34](\.\d+)? × 10⁻²² at w = 4/);
  assert.doesNotMatch(v.text, PRACTICE_SEEN);
  const scores = (await reportedEvents(page)).filter((e) => e.type === 'dw:score' && e.widget === 'predict:activations-sigmoid-w4');
  assert.deepEqual(scores.map((e) => e.score), [1]);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The lesson's path in order: the three-layer example, then "Things to try" 1–4 (which leave the
// widget on softmax with w = 1.5 from tanh), then the predict paragraph's "choose sigmoid again,
// move the layers slider back to 20 and w back to 1", lock in, raise w to 4.
test('activations: the lesson\'s steps in order, then its predict paragraph, settle the box', async () => {
  const page = await openPage(site, '/lessons/activation-functions.html');
  const w = cardAt(page, 0);
  await layersSlider(w).fill('3');
  assert.equal(await stat(w, 'gradient at layer 0'), '0.0120');
  await layersSlider(w).fill('20'); // 1.
  await activationMenu(w).selectOption('relu');
  await activationMenu(w).selectOption('sigmoid'); // 2.
  await weightSlider(w).fill('-4');
  await activationMenu(w).selectOption('relu'); // 3.
  await weightSlider(w).fill('1.5');
  await weightSlider(w).fill('0.5');
  await activationMenu(w).selectOption('tanh');
  for (const weight of ['1', '1.2', '1.5']) await weightSlider(w).fill(weight);
  await activationMenu(w).selectOption('softmax'); // 4.
  let box = await lockChoice(w, 'activations-sigmoid-w4', 'smaller');
  assert.match(await box.getByRole('status').textContent(), /Before locking in, choose sigmoid \(now softmax\) and set w to 1 \(now 1\.50\)\.$/);
  await activationMenu(w).selectOption('sigmoid');
  await weightSlider(w).fill('1');
  assert.equal(await stat(w, 'gradient at layer 0'), scientific(await inEngine(page, (ml) => Math.abs(ml.gradientChain('sigmoid', 20, 1, 0, 0.5).gradient[0])), 3));
  box = await lockPrediction(w, 'activations-sigmoid-w4', 'smaller');
  await weightSlider(w).fill('4');
  const v = await boxVerdict(box);
  assert.equal(v.result, 'held');
  assert.match(v.text, /Through 20 layers/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The temperature slider's ends are the option's ends, 0.05 and 10: the log track in steps of 0.01
// stops short of log₁₀ 10 (at T = 9.98), and its right end must still read T = 10.
test('activations: the temperature slider runs from T = 0.05 to T = 10 exactly', async () => {
  const page = await openPage(site, '/embed.html?w=activations&activation=softmax&temperature=1');
  const slider = page.getByRole('slider', { name: /temperature/i });
  const end = async (which) => {
    await slider.evaluate((input, at) => { input.value = input[at]; input.dispatchEvent(new Event('input', { bubbles: true })); }, which);
    return (await message(page)).match(/T = ([\d.]+)/)[1];
  };
  assert.equal(await end('max'), '10.00');
  assert.equal(await end('min'), '0.05');
  // The keyboard reaches the same right end.
  await slider.focus();
  await page.keyboard.press('End');
  assert.equal((await message(page)).match(/T = ([\d.]+)/)[1], '10.00');
  assert.match(await slider.getAttribute('aria-valuetext'), /10\.00$/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The lesson asks for a second logit dragged level with the largest: a drag lands on steps of 0.05
// (the readout's z is a multiple of 0.05 wherever the pointer stops), and two logits brought to the
// same step split the probability equally.
test('activations: a dragged softmax logit lands on a step of 0.05, so two can be made exactly level', async () => {
  const page = await openPage(site, '/embed.html?w=activations&activation=softmax&temperature=0.1');
  const canvas = page.locator('canvas').first();
  const box = await canvas.boundingBox();
  const readZ = async () => Number((await stat(page.locator('.dw-card'), 'z')).match(/^([−-]?[\d.]+)/)[1].replace('−', '-'));
  for (const f of [0.31, 0.37, 0.43, 0.52]) {
    // Bar 2 of 4 sits in the second quarter of the plot's width.
    await page.mouse.move(box.x + box.width * 0.42, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.42, box.y + box.height * f, { steps: 3 });
    await page.mouse.up();
    const z = await readZ();
    assert.ok(Math.abs(z * 20 - Math.round(z * 20)) < 1e-9, `z = ${z} is a step of 0.05`);
  }
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
