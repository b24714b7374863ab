// Landscape playgrounds for neural building blocks: activations, convolution, attention —
// readouts against the engine's own functions for the same state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, widgetsReady } from './browser.mjs';
import { card, stat, message, cardShot, ink, noNaNInCards, inEngine } from './frontier-helpers.mjs';
import { scientific } from '../../web/lib/format.js';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('activations: φ, φ′ and the chain gradient match the engine; softmax responds', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/activation-functions.html`);
    await widgetsReady(page);
    const w = card(page, 0);
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
    if (width === 1280) await cardShot(w, 'frontier-activations-relu-1280');
    await w.getByLabel('activation', { exact: true }).selectOption('softmax');
    assert.equal(await stat(w, 'φ(z)'), expected.p[0].toFixed(3));
    await w.locator('canvas').first().focus();
    await page.keyboard.press('ArrowUp');
    assert.equal(await stat(w, 'z'), 'z1 = 2.10');
    await w.getByLabel('activation', { exact: true }).selectOption('sigmoid');
    await cardShot(w, `frontier-activations-${width}`);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('convolution: feature map and pooled values come from the engine; kernels are editable', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/convolution-filters.html`);
    await widgetsReady(page);
    const w = card(page, 0);
    for (let i = 0; i < 3; i++) assert.ok(await ink(w, i) > 2, `panel ${i} drawn`);
    assert.equal(await stat(w, 'map size'), '14×14');
    await w.locator('canvas').nth(1).focus();
    await page.keyboard.press('ArrowRight'); // (3,3) → (3,4)
    const expected = await inEngine(page, (ml) => {
      // The widget's house image, rebuilt here from the same pixel rules.
      const N = 16; const img = new Float64Array(N * N);
      for (let r = 0; r < N; r++) for (let c = 0; c < N; c++) {
        const roof = r >= 2 && r <= 7 && Math.abs(c - 7.5) <= r - 1.5;
        const wall = r >= 8 && r <= 14 && c >= 3 && c <= 12;
        const door = r >= 10 && r <= 14 && c >= 7 && c <= 8;
        const win = r >= 9 && r <= 10 && ((c >= 4 && c <= 5) || (c >= 10 && c <= 11));
        img[r * N + c] = door || win ? 0.15 : roof ? 0.6 : wall ? 1 : 0;
      }
      const m = ml.convolve2d(img, N, [-1, 0, 1, -2, 0, 2, -1, 0, 1], 'valid');
      const same = ml.convolve2d(img, N, [0, 0, 0, 0, 2, 0, 0, 0, 0], 'same');
      return { v: m.values[3 * 14 + 4].toFixed(3), max: Math.max(...m.values).toFixed(2), sameV: same.values[3 * 16 + 4].toFixed(3) };
    });
    assert.equal(await stat(w, 'selected value'), expected.v);
    assert.equal(await stat(w, 'max'), expected.max);
    assert.match(await message(w), /Output \(row 4, column 5\)/);
    await w.getByLabel('padding').selectOption('same');
    assert.equal(await stat(w, 'map size'), '16×16');
    await w.getByLabel('kernel', { exact: true }).selectOption('identity');
    await w.getByLabel('kernel row 2 column 2').fill('2');
    assert.equal(await stat(w, 'selected value'), expected.sameV);
    await w.getByLabel('kernel row 2 column 2').fill('');
    assert.match(await message(w), /must be numbers/);
    assert.ok(await noNaNInCards(page));
    await w.getByLabel('kernel', { exact: true }).selectOption('vertical-edge');
    await w.getByLabel('padding').selectOption('valid');
    await cardShot(w, `frontier-convolution-${width}`);
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('attention: two heads’ weights match the engine; weights are editable; causal mask', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/attention-toy.html`);
    await widgetsReady(page);
    const w = card(page, 0);
    assert.ok(await ink(w, 0) > 5);
    assert.equal(await stat(w, 'query'), '“sat” (3)');
    assert.match(await stat(w, 'head 1 looks at'), /^cat \d+%$/);
    assert.match(await stat(w, 'head 2 looks at'), /^mat \d+%$/);
    const expected = await inEngine(page, (ml) => {
      const X = [1, 0, 0, 0, 0, 1, 0.2, 0, 0, 0.2, 1, 0, 0.3, 0, 0, 0.5, 1, 0, 0, 0, 0, 0.3, 0, 1];
      const WQ = [0, 2, 0, 0, 0, 0, 0, 1, 2, 0, 2, 0, 0, 0, 2, 0];
      const WK = [0, 0, 0, 0, 2, 1.5, 0, 1, 0, 0, 0, 0, 0, 1.5, 2, 0];
      const WV = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
      const h = ml.attention(X, 4, WQ, WK, WV, 2);
      const row = (head, q) => Array.from(head.weights.subarray(q * 6, q * 6 + 6));
      return { h1: Math.round(Math.max(...row(h[0], 2)) * 100), h2: Math.round(Math.max(...row(h[1], 2)) * 100) };
    });
    assert.equal(await stat(w, 'head 1 looks at'), `cat ${expected.h1}%`);
    assert.equal(await stat(w, 'head 2 looks at'), `mat ${expected.h2}%`);
    // Zero the action row of head 1's query weights: "sat" spreads its attention evenly.
    await w.getByLabel('W_Q action dimension 1').fill('0');
    assert.match(await stat(w, 'head 1 looks at'), / 17%$/);
    await w.getByRole('button', { name: 'Reset weights' }).click();
    await w.getByLabel('causal mask (no peeking ahead)').check();
    assert.doesNotMatch(await stat(w, 'head 2 looks at'), /^mat/);
    await w.getByRole('button', { name: 'cat' }).click();
    assert.equal(await stat(w, 'query'), '“cat” (2)');
    await w.getByLabel('causal mask (no peeking ahead)').uncheck();
    await w.getByRole('button', { name: 'sat' }).click();
    await cardShot(w, `frontier-attention-${width}`);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

// Locks a choice in a predict-then-check box; returns the box.
async function lockIn(scope, id, value) {
  const box = scope.locator(`[data-predict="${id}"]`);
  await box.getByRole('combobox').selectOption(value);
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  return box;
}
const verdict = async (box) => ({ result: await box.getAttribute('data-result'), text: await box.getByRole('status').textContent() });

test('activations: predict, then check — w = 4 shrinks the sigmoid chain\'s gradient (held and missed)', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/activation-functions.html`);
  await widgetsReady(page);
  const w = card(page, 0);
  // Refused until sigmoid with w = 1 (the defaults are); then held.
  await w.getByLabel(/^weight w/).fill('2');
  let box = await lockIn(w, 'activations-sigmoid-w4', 'smaller');
  assert.match(await box.getByRole('status').textContent(), /Choose sigmoid and set w to 1 first/);
  await w.getByLabel(/^weight w/).fill('1');
  box = await lockIn(w, 'activations-sigmoid-w4', 'smaller');
  assert.match(await box.getByRole('status').textContent(), /Your prediction: smaller\. Now raise the weight w to 4/);
  await w.getByLabel(/^weight w/).fill('4');
  let v = await verdict(box);
  assert.equal(v.result, 'held');
  assert.match(v.text, /Your prediction held: you said “smaller”.*from 1\.1\d* × 10⁻¹³ at w = 1 to [34](\.\d+)? × 10⁻²² at w = 4/);
  await w.getByLabel(/^weight w/).fill('1');
  box = await lockIn(w, 'activations-sigmoid-w4', 'larger');
  await w.getByLabel(/^weight w/).fill('4');
  v = await verdict(box);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /did not hold: you said “larger”; what happened: “smaller”/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('attention: predict, then check — a zero query spreads “sat” evenly, 17% on “cat” (held and missed)', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/attention-toy.html`);
  await widgetsReady(page);
  const w = card(page, 0);
  const box = w.locator('[data-predict="attention-zero-query"]');
  const lockNumber = async (value) => {
    await box.getByRole('textbox', { name: /share of “sat”’s head-1 attention on “cat”/ }).fill(String(value));
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  await lockNumber(70);
  assert.match(await box.getByRole('status').textContent(), /Your prediction: 70\. Now, with head 1 selected/);
  await w.getByLabel('W_Q action dimension 1').fill('0');
  let v = await verdict(box);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /did not hold: you said 70, and it came out 17 \(outside ± 3\)\. “sat” now gives “cat” 16\.7%/);
  await w.getByRole('button', { name: 'Reset weights' }).click();
  await lockNumber(15);
  await w.getByLabel('W_Q action dimension 1').fill('0');
  v = await verdict(box);
  assert.equal(v.result, 'held');
  assert.match(v.text, /Your prediction held: you said 15, and it came out 17 \(within ± 3\)/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('convolution: predict, then check — with ReLU off three pooled cells turn negative (held and missed)', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/convolution-filters.html`);
  await widgetsReady(page);
  const w = card(page, 0);
  const relu = w.getByLabel('ReLU before pooling');
  let box = await lockIn(w, 'convolution-relu-off-pool', 'none');
  assert.match(await box.getByRole('status').textContent(), /Your prediction: none\. Now untick/);
  await relu.uncheck();
  let v = await verdict(box);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /did not hold: you said “none”; what happened: “1 to 5”\. 3 pooled cells are negative/);
  box = await lockIn(w, 'convolution-relu-off-pool', 'few');
  assert.match(await box.getByRole('status').textContent(), /Turn ReLU back on first/);
  await relu.check();
  box = await lockIn(w, 'convolution-relu-off-pool', 'few');
  await relu.uncheck();
  v = await verdict(box);
  assert.equal(v.result, 'held');
  assert.match(v.text, /Your prediction held: you said “1 to 5”/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
