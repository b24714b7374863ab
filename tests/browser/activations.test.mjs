// The activation functions widget (activation-functions lesson): φ, φ′ and the chain gradient match
// the engine, softmax responds, and the w = 4 prediction settles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, widgetsReady } from './browser.mjs';
import { scientific } from '../../web/lib/format.js';
import { cardAt, stat, message, cardShot, ink, noNaNInCards, inEngine } from './probes.mjs';
import { lockChoice, boxVerdict, assertPractice, lockPrediction, recordReports } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });


test('activations: φ, φ′ and the chain gradient match the engine; softmax responds', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/activation-functions.html`);
    await widgetsReady(page);
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
    assert.equal(await stat(w, 'z'), 'z1 = 2.10');
    await w.getByLabel('activation', { exact: true }).selectOption('sigmoid');
    await cardShot(w, `activations-${width}`);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('activations: predict, then check — w = 4 shrinks the sigmoid chain\'s gradient (held and missed)', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/activation-functions.html`);
  await widgetsReady(page);
  const w = cardAt(page, 0);
  // Refused until sigmoid with w = 1 (the defaults are); then held.
  await w.getByLabel(/^weight w/).fill('2');
  let box = await lockChoice(w, 'activations-sigmoid-w4', 'smaller');
  assert.match(await box.getByRole('status').textContent(), /Choose sigmoid and set w to 1 first/);
  await w.getByLabel(/^weight w/).fill('1');
  box = await lockChoice(w, 'activations-sigmoid-w4', 'smaller');
  assert.match(await box.getByRole('status').textContent(), /Your prediction: smaller\. Now raise the weight w to 4/);
  await w.getByLabel(/^weight w/).fill('4');
  let v = await boxVerdict(box);
  assert.equal(v.result, 'held');
  assert.match(v.text, /Your prediction held: you said “smaller”.*from 1\.1\d* × 10⁻¹³ at w = 1 to [34](\.\d+)? × 10⁻²² at w = 4/);
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
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/activation-functions.html`);
  await widgetsReady(page);
  await recordReports(page);
  const box = page.locator('[data-predict="activations-sigmoid-w4"]');
  await page.getByLabel(/^weight w/).fill('4');
  assert.match(await box.getByRole('status').textContent(), /gradient at w = 4 was on screen before a prediction was locked in/);
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
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/activation-functions.html`);
    await widgetsReady(page);
    const w = cardAt(page, 0);
    const legendBottom = await w.locator('.dw-legend').first().evaluate((e) => e.getBoundingClientRect().bottom);
    const chainTop = await w.locator('canvas').nth(1).evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(chainTop - legendBottom >= 8, `legend to chain plot at ${width} px: ${chainTop - legendBottom} px`);
    await page.close();
  }
});
