// The convolution widget (convolution-filters lesson): feature map and pooled values come from the
// engine, kernels are editable, and the ReLU-off prediction settles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, afterNextFrame, openPage, openFreshPage } from './browser.mjs';
import { scientific } from '../../web/lib/format.js';
import { IMAGE_SIZE, makeImage } from '../../web/widgets/convolution/images.js';

// The widget's house picture, handed to the page for the engine's own convolution.
const HOUSE = { n: IMAGE_SIZE, img: Array.from(makeImage('house')) };
import { cardAt, stat, message, cardShot, ink, noNaNInCards, inEngine } from './probes.mjs';
import { lockChoice, boxVerdict, assertPractice, lockPrediction, recordReports, PRACTICE_SEEN } from './predict-helpers.mjs';
import { reportedEvents } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });


test('convolution: feature map and pooled values come from the engine; kernels are editable', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/convolution-filters.html', { width });
    const w = cardAt(page, 0);
    for (let i = 0; i < 3; i++) assert.ok(await ink(w, i) > 2, `panel ${i} drawn`);
    assert.equal(await stat(w, 'map size'), '14×14');
    await w.locator('canvas').nth(1).focus();
    await page.keyboard.press('ArrowRight'); // (3,3) → (3,4)
    const expected = await inEngine(page, (ml, a) => {
      const N = a.n; const img = Float64Array.from(a.img); // the widget's house
      const m = ml.convolve2d(img, N, [-1, 0, 1, -2, 0, 2, -1, 0, 1], 'valid');
      const same = ml.convolve2d(img, N, [0, 0, 0, 0, 2, 0, 0, 0, 0], 'same');
      return { v: m.values[3 * 14 + 4].toFixed(3), max: Math.max(...m.values).toFixed(2), sameV: same.values[3 * 16 + 4].toFixed(3) };
    }, HOUSE);
    assert.equal(await stat(w, 'selected value'), expected.v);
    assert.equal(await stat(w, 'max'), expected.max);
    assert.match(await message(w), /Output \(row 4, column 5\)/);
    // The lesson's roof cell (row 3, column 6): a negative weight is written as a subtraction.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    assert.equal(await message(w), 'Output (row 3, column 6) = Σ kernel × patch = 1.00×0.60 + 2.00×0.60 − 1.00×0.60 + 1.00×0.60 = 1.800.');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    await w.getByLabel('padding', { exact: true }).selectOption('same');
    assert.equal(await stat(w, 'map size'), '16×16');
    await w.getByLabel('kernel', { exact: true }).selectOption('identity');
    await w.getByLabel('kernel row 2 column 2').fill('2');
    assert.equal(await stat(w, 'selected value'), expected.sameV);
    await w.getByLabel('kernel row 2 column 2').press('Enter');
    await w.getByLabel('kernel row 2 column 2').fill('');
    await w.getByLabel('kernel row 2 column 2').press('Enter');
    assert.equal(await message(w), 'Kernel row 2 column 2 stays 2: the box was left empty.');
    assert.equal(await stat(w, 'selected value'), expected.sameV);
    assert.ok(await noNaNInCards(page));
    await w.getByLabel('kernel', { exact: true }).selectOption('vertical-edge');
    await w.getByLabel('padding', { exact: true }).selectOption('valid');
    await cardShot(w, `convolution-${width}`);
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('convolution: predict, then check — with ReLU off three pooled cells turn negative (held and missed)', async () => {
  const page = await openPage(site, '/lessons/convolution-filters.html');
  const w = cardAt(page, 0);
  const relu = w.getByLabel('ReLU before pooling');
  let box = await lockChoice(w, 'convolution-relu-off-pool', 'none');
  assert.match(await box.getByRole('status').textContent(), /Your prediction: none\. The widget now shows the house with the vertical-edge \(Sobel\) kernel and valid padding: untick/);
  await relu.uncheck();
  let v = await boxVerdict(box);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /did not hold: you said “none”; what happened: “1 to 5”\. 3 pooled cells are negative/);
  box = await lockChoice(w, 'convolution-relu-off-pool', 'few');
  assert.match(await box.getByRole('status').textContent(), /Turn ReLU back on first/);
  await relu.check();
  box = await lockChoice(w, 'convolution-relu-off-pool', 'few');
  await relu.uncheck();
  v = await boxVerdict(box);
  assert.equal(v.result, 'held');
  assert.match(v.text, /Your prediction held: you said “1 to 5”/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// ReLU sits between the feature map and the pool: the lesson says unticking it leaves the feature
// map pixel for pixel as it was (orange cells included) and changes only the pooled map.
test('convolution: ReLU off leaves the feature map unchanged and changes only the pooled map and its caption', async () => {
  const page = await openPage(site, '/lessons/convolution-filters.html');
  const w = cardAt(page, 0);
  const frames = () => afterNextFrame(page);
  const pixels = (nth) => w.locator('canvas').nth(nth).evaluate((c) => c.toDataURL());
  const captions = () => w.locator('.dw-matrix-panel p').allTextContents();
  await frames();
  const on = { map: await pixels(1), pool: await pixels(2), captions: await captions() };
  assert.match(on.captions[1], /before any ReLU: orange negative/);
  assert.match(on.captions[2], /^ReLU first \(negative sums become 0\)/);
  await w.getByLabel('ReLU before pooling').uncheck();
  await frames();
  const off = { map: await pixels(1), pool: await pixels(2), captions: await captions() };
  assert.equal(off.map, on.map, 'the feature map is the same with ReLU on and off');
  assert.notEqual(off.pool, on.pool, 'the pooled map changes');
  assert.equal(off.captions[1], on.captions[1]);
  assert.match(off.captions[2], /^No ReLU: each cell keeps the largest of four, negative or not/);
  // The feature map had orange (negative) cells all along; with ReLU on none reach the pool, off three do.
  const counts = await inEngine(page, (ml, a) => {
    const N = a.n; const img = Float64Array.from(a.img); // the widget's house
    const m = ml.convolve2d(img, N, [-1, 0, 1, -2, 0, 2, -1, 0, 1], 'valid');
    const relu = Float64Array.from(ml.activationCurve('relu', Array.from(m.values)).value);
    const neg = (a) => Array.from(a).filter((v) => v < 0).length;
    return { map: neg(m.values), poolOn: neg(ml.maxPool(relu, m.width, 2).values), poolOff: neg(ml.maxPool(m.values, m.width, 2).values) };
  }, HOUSE);
  assert.ok(counts.map > 10, `the feature map has ${counts.map} negative cells`);
  assert.deepEqual([counts.poolOn, counts.poolOff], [0, 3]);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Run, then reset, then predict: the outcome was on screen first, so the prediction is practice
// and nothing is recorded (a widget's own goal may still report).
test('convolution: the pooled map with ReLU off seen before locking in makes the prediction practice', async () => {
  const page = await openPage(site, '/lessons/convolution-filters.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const box = page.locator('[data-predict="convolution-relu-off-pool"]');
  const relu = page.getByLabel('ReLU before pooling');
  await relu.uncheck();
  assert.match(await box.getByRole('status').textContent(), /pooled map of the house with the vertical-edge kernel, valid padding and ReLU off was on screen before a prediction was locked in/);
  await relu.check();
  await lockPrediction(page, 'convolution-relu-off-pool', 'few');
  await relu.uncheck();
  await assertPractice(page, box, { result: null, othersMayReport: true, wait: 120000 });
  await page.close();
});

// The box asks about one setting, the lesson's (house, vertical-edge kernel, valid padding). The
// lesson page, fresh: nothing saved, so the text that states the answer starts closed.
async function freshLesson() {
  const page = await openFreshPage(site, '/lessons/convolution-filters.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const w = cardAt(page, 0);
  const reveal = page.locator('details.dw-reveal', { hasText: 'three, along the right slope of the roof' });
  assert.equal(await reveal.count(), 1);
  return { page, w, box: page.locator('[data-predict="convolution-relu-off-pool"]'), relu: w.getByLabel('ReLU before pooling'), reveal, open: () => reveal.evaluate((d) => d.open) };
}
const setting = async (w) => [await w.getByLabel('image', { exact: true }).inputValue(), await w.getByLabel('kernel', { exact: true }).inputValue(), await w.getByLabel('padding', { exact: true }).inputValue()];

// Other settings pool other maps (the house with same padding has 9 negative pooled cells, the
// ring 9, the house with the horizontal kernel 1): seen with ReLU off, they leave a first try and
// do not open the lesson's answer. Locking in sets the asked setting.
test('convolution: ReLU off at other settings leaves the prediction a first try; locking in sets the house, vertical edges, valid', async () => {
  const { page, w, box, relu, open } = await freshLesson();
  await w.getByLabel('padding', { exact: true }).selectOption('same');
  await relu.uncheck();
  await w.getByLabel('image', { exact: true }).selectOption('ring');
  await w.getByLabel('kernel', { exact: true }).selectOption('horizontal-edge');
  await w.getByLabel('image', { exact: true }).selectOption('house');
  assert.equal(await box.getByRole('status').textContent(), '');
  assert.equal(await open(), false, 'the text that states the answer stays closed for other settings');
  await relu.check();
  await lockPrediction(w, 'convolution-relu-off-pool', 'few');
  assert.deepEqual(await setting(w), ['house', 'vertical-edge', 'valid']);
  assert.equal(await stat(w, 'map size'), '14×14');
  assert.match(await box.getByRole('status').textContent(), /now shows the house with the vertical-edge \(Sobel\) kernel and valid padding/);
  assert.equal(await open(), false);
  await relu.uncheck();
  const v = await boxVerdict(box);
  assert.equal(v.result, 'held');
  assert.doesNotMatch(v.text, PRACTICE_SEEN);
  assert.match(v.text, /3 pooled cells are negative/);
  assert.deepEqual((await reportedEvents(page)).filter((r) => r.type === 'dw:score').map((r) => [r.widget, r.score, r.firstTry]), [['predict:convolution-relu-off-pool', 1, true]]);
  assert.equal(await open(), true, 'the verdict at the asked setting opens the text');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The asked outcome on screen with nothing locked in: the house, valid padding, and a custom kernel
// that is twice Sobel's (every sum doubles, the same three pooled cells are negative).
test('convolution: ReLU off on the house with twice the Sobel kernel counts as seen', async () => {
  const { page, w, box, relu, open } = await freshLesson();
  for (const [i, v] of [-2, 0, 2, -4, 0, 4, -2, 0, 2].entries()) await w.getByLabel(`kernel row ${Math.floor(i / 3) + 1} column ${(i % 3) + 1}`).fill(String(v));
  assert.equal(await w.getByLabel('kernel', { exact: true }).inputValue(), 'custom');
  assert.equal(await box.getByRole('status').textContent(), '');
  await relu.uncheck();
  assert.match(await box.getByRole('status').textContent(), /was on screen before a prediction was locked in/);
  assert.equal(await open(), true);
  await relu.check();
  await lockPrediction(w, 'convolution-relu-off-pool', 'few');
  await relu.uncheck();
  await assertPractice(page, box, { result: 'held' });
  await page.close();
});

// Changing the image, kernel or padding after locking in sets the prediction aside, in words; the
// outcome at the new setting settles nothing and opens nothing.
test('convolution: changing the setting after locking in sets the prediction aside; ReLU off there settles nothing', async () => {
  const { page, w, box, relu, open } = await freshLesson();
  for (const change of [
    () => w.getByLabel('image', { exact: true }).selectOption('ring'),
    () => w.getByLabel('padding', { exact: true }).selectOption('same'),
    () => w.getByLabel('kernel', { exact: true }).selectOption('outline'),
    () => w.getByLabel('kernel row 1 column 1').fill('1'),
  ]) {
    await lockPrediction(w, 'convolution-relu-off-pool', 'few');
    await change();
    assert.notEqual(await box.getAttribute('data-state'), 'committed');
    assert.equal(await box.getByRole('status').textContent(), 'The prediction is about the house with the vertical-edge (Sobel) kernel and valid padding, so changing the image, kernel or padding set it aside. Lock in again to go back to that setting.');
    assert.equal(await box.getByRole('button', { name: 'Lock in my prediction' }).count(), 1);
    await relu.uncheck();
    assert.equal(await box.getAttribute('data-result'), null);
    assert.equal(await open(), false, 'the text that states the answer stays closed');
    await relu.check();
  }
  assert.deepEqual(await reportedEvents(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Typed key by key, a kernel entry is read like every number on the site: a number box dropped the
// comma of "0,5" and used 5 without a word. A refused entry says why and goes back.
test('convolution: a typed kernel entry is read like every typed number; a refused one says why and goes back', async () => {
  const page = await openPage(site, '/lessons/convolution-filters.html');
  const w = cardAt(page, 0);
  await w.getByLabel('kernel', { exact: true }).selectOption('identity');
  const centre = w.getByLabel('kernel row 2 column 2');
  const typeIn = async (text) => { await centre.click({ clickCount: 3 }); await page.keyboard.type(text); await page.keyboard.press('Enter'); };
  // The identity kernel scaled by 0.5 halves every pixel: the map's largest value is half the identity's.
  const identity = Number(await stat(w, 'max'));
  assert.ok(identity > 0.2, `the brightest pixel is bright enough to halve (${identity})`);
  await typeIn('0,5');
  assert.equal(await centre.inputValue(), '0.5');
  assert.equal(Number(await stat(w, 'max')), identity / 2);
  for (const [typed, reason] of [['1/0', '"1/0" divides by 0, which has no value'], ['0x10', '"0x10" is not a number'], ['500', '500 is above 100, the most allowed here']]) {
    await typeIn(typed);
    assert.equal(await message(w), `Kernel row 2 column 2 stays 0.5: ${reason}.`, typed);
    assert.equal(await centre.inputValue(), '0.5', typed);
    assert.equal(Number(await stat(w, 'max')), identity / 2, typed);
  }
  await centre.press('ArrowUp');
  assert.equal(await centre.inputValue(), '0.6');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
