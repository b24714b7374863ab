// The maths primer page: it loads with no console errors, sits between the notation page and
// "What machine learning is", each of its five widgets mounts and answers one interaction (pointer
// or keyboard) with the number the engine gives, and the lessons that rely on a section link to it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, openPage, openFreshPage, widgetsReady } from './browser.mjs';
import { statReader, noNaNInCards } from './probes.mjs';
import { assertFirstTry, assertPractice, lockPrediction, PRACTICE_RECORDED, recordReports } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const engine = (page, fn, arg) => page.evaluate(async ([src, a]) => {
  const { loadEngine } = await import('/engine/index.js');
  const ml = await loadEngine();
  // eslint-disable-next-line no-new-func
  return new Function('ml', 'a', src)(ml, a);
}, [fn, arg]);

async function open(width) {
  const page = await openPage(site, '/lessons/maths-primer.html', { width });
  return page;
}
const cardOf = (page, title) => page.locator('.dw-card', { hasText: title });
const press = async (page, key, times) => { for (let i = 0; i < times; i++) await page.keyboard.press(key); };

test('the page loads cleanly at 1280 and 375 px, with five widgets and no NaN', async () => {
  for (const width of [1280, 375]) {
    const page = await open(width);
    assert.equal(await page.locator('.dw-card').count(), 5);
    assert.deepEqual(page.record.errors, []);
    assert.deepEqual(offMachineRequests(page), []);
    assert.ok(await noNaNInCards(page));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow})`);
    await screenshot(page, `maths-primer-${width}`);
    await page.close();
  }
});

test('primer-sum: the terms 1, 1, 4 add to 6; keyboard and pointer move a point and Escape puts it back', async () => {
  const page = await open(1280);
  const card = cardOf(page, 'adding up the squared errors');
  const stat = statReader(page, card);
  assert.equal(await stat('Σ'), '6.00');
  assert.equal(await stat('(ŷ₃ − y₃)²'), '4.00');
  const canvas = card.locator('canvas');
  await canvas.focus();
  await press(page, 'ArrowRight', 2);            // pick point 3
  await press(page, 'Shift+ArrowDown', 2);       // 7 → 5, onto the line
  assert.equal(await stat('(ŷ₃ − y₃)²'), '0.00');
  assert.equal(await stat('Σ'), '2.00');
  assert.equal(await stat('Σ'), (3 * await engine(page, 'return ml.meanSquaredError([2, 2, 5], [1, 3, 5]);')).toFixed(2));
  await page.keyboard.press('Escape');
  assert.equal(await stat('Σ'), '6.00');
  // Drag point 1 (x = 0, y = 2) up to y = 3: its miss is 2, so Σ = 4 + 1 + 4 = 9.
  const box = await canvas.boundingBox();
  const px = (x, y) => {
    // The widget's domain is [-0.6, 2.8] × [-2, 10] inside the Plot's margins (44, 12, 12, 30).
    const left = 44; const right = 12; const top = 12; const bottom = 30;
    return { x: box.x + left + ((x + 0.6) / 3.4) * (box.width - left - right), y: box.y + box.height - bottom - ((y + 2) / 12) * (box.height - top - bottom) };
  };
  const from = px(0, 2); const to = px(0, 3);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  assert.equal(await stat('(ŷ₁ − y₁)²'), '4.00');
  assert.equal(await stat('Σ'), '9.00');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('primer-slope: ∂L/∂w starts at −8 (the engine’s gradient); a shorter chord closes in; arrow keys walk w to the flat bottom', async () => {
  const page = await open(1280);
  const card = cardOf(page, 'The slope of the loss');
  const stat = statReader(page, card);
  const grad = await engine(page, 'const m = new ml.LinearRegression(); m.setData([2], 1, [5]); m.setParams([1, 1]); const g = m.gradient()[0]; m.delete(); return g;');
  assert.equal(grad, -8);
  assert.equal(await stat('∂L/∂w'), '-8.00');
  assert.equal(await stat('L(w)'), '4.00');
  assert.equal(await stat('chord slope, w to w + h'), '-4.00');
  const h = card.getByRole('slider').nth(1);
  await h.focus();
  await press(page, 'ArrowLeft', 18);            // 1 → 0.1
  assert.equal(await stat('chord slope, w to w + h'), '-7.60');
  await page.keyboard.press('Home');             // 0.05
  assert.equal(await stat('chord slope, w to w + h'), '-7.80');
  await card.locator('canvas').focus();
  await press(page, 'ArrowRight', 10);           // w 1 → 2
  assert.equal(await stat('∂L/∂w'), '0.00');
  assert.equal(await stat('L(w)'), '0.00');
  assert.match(await card.locator('.dw-message').textContent(), /bottom of the curve/);
  assert.equal(await card.getByRole('slider').nth(0).inputValue(), '2');
  await page.close();
});

test('primer-chain: at z = 0, y = 1 the product is −1 × 0.25; at z = −5 it shrinks to −0.0132 (σ′ 0.0066); y = 0 flips the outer factor', async () => {
  const page = await open(1280);
  const card = cardOf(page, 'The chain rule');
  const stat = statReader(page, card);
  assert.equal(await stat('outer: 2(σ(z) − y)'), '-1.000');
  assert.equal(await stat('inner: σ′(z)'), '0.2500');
  assert.equal(await stat('dL/dz = outer × inner'), '-0.2500');
  await card.getByRole('slider').focus();
  await press(page, 'ArrowLeft', 50);            // 0 → −5
  const c = await engine(page, 'const c = ml.activationCurve("sigmoid", [-5]); return [c.value[0], c.derivative[0]];');
  assert.equal(await stat('dL/dz = outer × inner'), (2 * (c[0] - 1) * c[1]).toFixed(4));
  assert.equal(await stat('dL/dz = outer × inner'), '-0.0132');
  assert.equal(await stat('inner: σ′(z)'), '0.0066');
  // The message sizes the product as the Predict box does (0.01–0.1 is small, not tiny) and
  // writes "≈" where the rounded factors do not multiply to the rounded product.
  assert.match(await card.locator('.dw-message').textContent(), /^dL\/dz = -1\.987 × 0\.0066 ≈ -0\.0132\. Far from 0, σ is nearly flat, so the product is small \(between 0\.01 and 0\.1\), although the prediction is badly wrong\.$/);
  await card.getByRole('button', { name: 'y = 0' }).click();
  assert.equal(await stat('outer: 2(σ(z) − y)'), (2 * c[0]).toFixed(3));
  assert.equal(await card.getByRole('button', { name: 'y = 0' }).getAttribute('aria-pressed'), 'true');
  await page.close();
});

// Far out on the flat side the product is about ±1.2 × 10⁻⁵: it is shown with 2 significant
// digits and its sign (never "0.0000"), and the factors as shown multiply to it.
test('primer-chain: at z = 6, y = 1 (and z = −6, y = 0) the tiny product keeps its sign and digits', async () => {
  const page = await open(1280);
  const card = cardOf(page, 'The chain rule');
  const stat = statReader(page, card);
  const z = card.getByRole('slider', { name: 'z' });
  const c = await engine(page, 'const c = ml.activationCurve("sigmoid", [6, -6]); return [...c.value, ...c.derivative];');
  const message = () => card.locator('.dw-message').textContent();
  await z.fill('6');
  const product1 = 2 * (c[0] - 1) * c[2];        // y = 1 at z = 6: about -1.22e-5
  assert.equal(await stat('dL/dz = outer × inner'), '-0.000012');
  assert.equal(Number(await stat('dL/dz = outer × inner')), Number(product1.toPrecision(2)));
  assert.equal(await stat('outer: 2(σ(z) − y)'), (2 * (c[0] - 1)).toPrecision(2));
  assert.match(await message(), /^dL\/dz = -0\.0049 × 0\.0025 = -0\.000012\. Far from 0, σ is nearly flat, so the product is tiny \(below 0\.01\)\.$/);
  assert.equal(Number((-0.0049 * 0.0025).toPrecision(2)), -0.000012);
  await card.getByRole('button', { name: 'y = 0' }).click();
  await z.fill('-6');
  assert.equal(Number(await stat('dL/dz = outer × inner')), Number((2 * c[1] * c[3]).toPrecision(2)));
  assert.match(await message(), /^dL\/dz = 0\.0049 × 0\.0025 = 0\.000012\./);
  await page.close();
});

test('primer-log: ln(0.8 · 0.5) = ln 0.8 + ln 0.5 = −0.916; with a = 0.4 both read ln 0.2', async () => {
  const page = await open(1280);
  const card = cardOf(page, 'turning products into sums');
  const stat = statReader(page, card);
  assert.equal(await stat('ln(a·b)'), '-0.916');
  assert.equal(await stat('ln a + ln b'), '-0.916');
  await card.getByRole('slider').nth(0).focus();
  await press(page, 'ArrowLeft', 40);            // 0.8 → 0.4
  const ln02 = await engine(page, 'return -ml.logLoss([1], [0.2]);');
  assert.equal(await stat('ln(a·b)'), ln02.toFixed(3));
  assert.equal(await stat('ln a + ln b'), '-1.609');
  assert.equal(await stat('ln a'), '-0.916');
  // The worked sum adds up as written: "=" when the rounded terms give the rounded sum, "≈" when
  // they do not (a = b = 0.33: −1.109 twice is −2.218, while ln 0.1089 is −2.217).
  const message = () => card.locator('.dw-message').textContent();
  assert.match(await message(), /ln 0\.40 \+ ln 0\.50 = -0\.916 \+ \(-0\.693\) = -1\.609\./);
  await press(page, 'ArrowLeft', 7);             // a: 0.4 → 0.33
  await card.getByRole('slider').nth(1).focus();
  await press(page, 'ArrowLeft', 17);            // b: 0.5 → 0.33
  assert.match(await message(), /ln 0\.33 \+ ln 0\.33 = -1\.109 \+ \(-1\.109\) ≈ -2\.217\./);
  await page.close();
});

test('primer-dot: the terms 1, −1, 6 add to wᵀx = 6; setting w₃ to 0 leaves 0', async () => {
  const page = await open(375);
  const card = cardOf(page, 'a weighted sum, term by term');
  const stat = statReader(page, card);
  assert.equal(await stat('wᵀx'), '6.00');
  assert.equal(await stat('w₂x₂'), '-1.00');
  assert.equal(await stat('wᵀx'), (await engine(page, 'return ml.vectorDot([0.5, -1, 2], [2, 1, 3]);')).toFixed(2));
  await card.getByRole('slider').nth(2).focus();
  await press(page, 'ArrowLeft', 4);             // 2 → 0 in steps of 0.5
  assert.equal(await stat('w₃x₃'), '0.00');
  assert.equal(await stat('wᵀx'), '0.00');
  await page.close();
});

test('the primer sits between the notation page and the first lesson, and five lessons link to its sections', async () => {
  const page = await site.newPage({ width: 1280 });
  await page.goto(`${site.base}/index.html`);
  const order = await page.locator('#level-foundations li[data-lesson]').evaluateAll((lis) => lis.map((li) => li.dataset.lesson));
  assert.deepEqual(order.slice(0, 3), ['notation', 'maths-primer', 'ml-foundations']);
  await page.goto(`${site.base}/lessons/maths-primer.html`);
  const ids = await page.locator('article h2[id]').evaluateAll((hs) => hs.map((h) => h.id));
  const links = { 'empirical-risk': 'sigma-notation', 'how-models-learn': 'slopes-and-partial-derivatives', 'loss-functions': 'e-and-ln', 'vectors-and-matrices': 'vectors-and-the-dot-product', 'draw-the-boundary': 'vectors-and-the-dot-product' };
  for (const [slug, id] of Object.entries(links)) {
    assert.ok(ids.includes(id), `the primer has a section #${id} (headings: ${ids.join(', ')})`);
    await page.goto(`${site.base}/lessons/${slug}.html`);
    assert.ok(await page.locator(`a[href="maths-primer.html#${id}"]`).count() >= 1, `${slug} links to #${id}`);
  }
  assert.ok(ids.includes('the-chain-rule'));
  await page.close();
});

// Predict, then check: at z = −6, y = 1 the product is about −0.005, so "tiny" holds.
test('primer-chain: the far-wrong prediction holds ("tiny") and misses ("large")', async () => {
  const page = await open(1280);
  const card = cardOf(page, 'The chain rule');
  const box = card.locator('[data-predict="primer-chain-far-wrong"]');
  const lock = async (value) => {
    await box.getByRole('combobox', { name: /at z = −6/ }).selectOption(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  await lock('large');
  await card.getByRole('slider', { name: 'z' }).fill('-6');
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await box.getByRole('status').textContent(), /what happened: “tiny, below 0\.01”\. dL\/dz = -1\.995 × 0\.0025 ≈ -0\.0049\./);
  // The lesson's reveal speaks of the same point and states the numbers the verdict shows.
  const shown = /dL\/dz = (-[\d.]+) × ([\d.]+) ≈ (-[\d.]+)\./.exec(await box.getByRole('status').textContent()).slice(1);
  const reveal = (await page.locator('details', { hasText: 'the outer factor' }).first().textContent()).replace(/\u2212/g, '-');
  assert.match(reveal, /At z\s*=\s*-6/);
  for (const number of shown) assert.ok(reveal.includes(number), `the reveal states ${number}: ${reveal}`);
  assert.match(reveal, /below 0\.01/);
  await card.getByRole('slider', { name: 'z' }).fill('0');
  await lock('tiny');
  await card.getByRole('slider', { name: 'z' }).fill('-6');
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The outcome on screen before any prediction was locked in: a later prediction could copy it,
// so it is judged as practice and nothing is recorded.
test('chain rule: sliding z to -6 before predicting makes the prediction practice', async () => {
  const page = await openPage(site, '/lessons/maths-primer.html');
  await recordReports(page);
  const box = page.locator('[data-predict="primer-chain-far-wrong"]');
  const card = page.locator('.dw-card', { has: box });
  const z = card.getByRole('slider', { name: 'z' });
  await z.fill('-6');
  assert.match(await box.getByRole('status').textContent(), /before a prediction was locked in/);
  await z.fill('0');
  await lockPrediction(card, 'primer-chain-far-wrong', 'tiny');
  await z.fill('-6');
  await assertPractice(page, box, { othersMayReport: true });
  await page.close();
});

// A return visit: the lesson recorded the box's first prediction (a miss), so after a reload a right
// prediction is practice: the verdict says the recorded first one did not hold, and nothing is
// reported or saved anew.
test('primer-chain: after a reload the recorded first prediction stands; a right one now is practice', async () => {
  const page = await openFreshPage(site, '/lessons/maths-primer.html');
  const box = page.locator('[data-predict="primer-chain-far-wrong"]');
  const card = page.locator('.dw-card', { has: box });
  const z = card.getByRole('slider', { name: 'z' });
  await recordReports(page);
  await lockPrediction(card, 'primer-chain-far-wrong', 'large');
  await z.fill('-6');
  await assertFirstTry(page, box, { result: 'missed' });
  await page.reload();
  await widgetsReady(page);
  await recordReports(page);
  await lockPrediction(card, 'primer-chain-far-wrong', 'tiny');
  await z.fill('-6');
  const text = await assertPractice(page, box, { result: 'held', practice: PRACTICE_RECORDED, othersMayReport: true });
  assert.match(text, /which did not hold, is the one recorded\.\)$/);
  await page.close();
});

// Progress reset in another tab after the box mounted: the box asks for the recorded first
// prediction at its verdict, not when it mounted, so the next prediction here is a first try again
// (it used to say "practice … is the one recorded" about a record the learner had just forgotten).
test('primer-chain: after a reset in another tab, the next prediction is a first try again', async () => {
  const page = await openFreshPage(site, '/lessons/maths-primer.html');
  const box = page.locator('[data-predict="primer-chain-far-wrong"]');
  const card = page.locator('.dw-card', { has: box });
  const z = card.getByRole('slider', { name: 'z' });
  await lockPrediction(card, 'primer-chain-far-wrong', 'large');
  await z.fill('-6');
  await page.reload();
  await widgetsReady(page);
  // The box now mounts with a recorded (missed) first prediction; the learner resets in a second tab.
  const home = await site.newPage();
  await home.goto(`${site.base}/index.html`);
  home.once('dialog', (d) => d.accept());
  await home.getByRole('button', { name: 'Reset progress' }).click();
  await home.close();
  await z.fill('0');
  await recordReports(page);
  await lockPrediction(card, 'primer-chain-far-wrong', 'tiny');
  await z.fill('-6');
  await assertFirstTry(page, box, { result: 'held' });
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('dw:lesson:maths-primer')).activities['predict:primer-chain-far-wrong']);
  assert.equal(saved.best, 1);
  await page.close();
});

// Audit 4 (G): Left/Right changed which point the arrows move without a word, and focus gave no
// key help. Now focus says the keys and the selected point, each Left/Right says the point it
// picked, and the figure's label names the selected point.
test('primer-sum: by keyboard, focus says the keys and each Left/Right says which point the arrows now move', async () => {
  const page = await open(1280);
  const card = cardOf(page, 'adding up the squared errors');
  const canvas = card.locator('canvas');
  const msg = async () => (await card.locator('.dw-message').textContent()).trim();
  const label = () => canvas.getAttribute('aria-label');
  await canvas.focus();
  assert.equal(await msg(), 'Up/Down move the selected point, point 1 (x = 0, y = 2.0), by 0.1 (Shift: 1); Left/Right pick another point; Escape puts the points back.');
  assert.match(await label(), /; point 1 selected$/);
  await page.keyboard.press('ArrowRight');
  assert.equal(await msg(), 'Point 2 (x = 1, y = 2.0) selected: Up/Down move it, Left/Right pick another.');
  assert.match(await label(), /; point 2 selected$/);
  await page.keyboard.press('ArrowRight');
  assert.equal(await msg(), 'Point 3 (x = 2, y = 7.0) selected: Up/Down move it, Left/Right pick another.');
  assert.match(await label(), /^Points at y = 2\.0, 2\.0, 7\.0; .*; point 3 selected$/);
  await page.keyboard.press('ArrowDown');             // the status gives the sum again, the label the moved point
  assert.match(await msg(), /^Σ \(ŷᵢ − yᵢ\)² for i = 1 to 3 = /);
  assert.match(await label(), /^Points at y = 2\.0, 2\.0, 6\.9; .*; point 3 selected$/);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await msg(), 'Point 2 (x = 1, y = 2.0) selected: Up/Down move it, Left/Right pick another.');
  await page.keyboard.press('ArrowLeft'); await page.keyboard.press('ArrowLeft');
  assert.equal(await msg(), 'Point 3 (x = 2, y = 6.9) selected: Up/Down move it, Left/Right pick another.');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
