// "Predict, then check" boxes whose outcome the learner can put on screen before locking in (run
// the experiment, reset, then predict): such a prediction is practice, and nothing is recorded.
// One case per widget; each widget's own test file covers the held and missed verdicts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, widgetsReady } from './browser.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const PRACTICE = /Practice: the outcome was on screen before you predicted/;

async function open(slug) {
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/${slug}.html`);
  await widgetsReady(page);
  await page.evaluate(() => { window.__reported = []; document.addEventListener('dw:complete', (e) => window.__reported.push(e.detail)); });
  return page;
}

async function lockIn(box, value) {
  await box.locator('select').selectOption(value);
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.ok(['committed', 'settled'].includes(await box.getAttribute('data-state')), await box.getByRole('status').textContent());
}

async function practiceOnly(page, box) {
  for (let t = 0; t < 120000 && (await box.getAttribute('data-state')) === 'committed'; t += 100) await page.waitForTimeout(100);
  assert.ok(await box.getAttribute('data-result'), 'the box gave a verdict');
  assert.match(await box.getByRole('status').textContent(), PRACTICE);
  // Nothing from the box (a widget's own goal, such as the digit network reaching 95%, may report).
  assert.deepEqual(await page.evaluate(() => window.__reported.filter((d) => d.widget.startsWith('predict:'))), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
}

test('t-SNE: a run begun before locking in (then reset) makes the early-exaggeration prediction practice', async () => {
  const page = await open('tsne-vs-pca');
  const box = page.locator('[data-predict="tsne-early-exaggeration"]');
  await page.getByRole('button', { name: 'Play' }).click(); // 50 steps: the readout is already rising
  assert.match(await box.getByRole('status').textContent(), /t-SNE had run, with the KL readout on screen, before a prediction was locked in/);
  await page.getByRole('button', { name: 'Reset' }).click();
  await lockIn(box, 'rise');
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Play' }).click();
  await practiceOnly(page, box);
});

test('optimiser race: part of the saddle race seen before locking in makes the prediction practice', async () => {
  const page = await open('optimizer-race');
  const box = page.locator('[data-predict="optimizer-saddle"]');
  await page.getByLabel('surface', { exact: true }).selectOption('saddle');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  assert.match(await box.getByRole('status').textContent(), /The race on the saddle without noise was on screen before a prediction was locked in/);
  await lockIn(box, 'saddle');
  await page.getByRole('button', { name: 'Reset' }).click();
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Play' }).click();
  await practiceOnly(page, box);
});

test('activation functions: the gradient at w = 4 seen before locking in makes the prediction practice', async () => {
  const page = await open('activation-functions');
  const box = page.locator('[data-predict="activations-sigmoid-w4"]');
  await page.getByLabel(/^weight w/).fill('4');
  assert.match(await box.getByRole('status').textContent(), /gradient at w = 4 was on screen before a prediction was locked in/);
  await page.getByLabel(/^weight w/).fill('1');
  await lockIn(box, 'smaller');
  await page.getByLabel(/^weight w/).fill('4');
  await practiceOnly(page, box);
});

test('convolution: the pooled map with ReLU off seen before locking in makes the prediction practice', async () => {
  const page = await open('convolution-filters');
  const box = page.locator('[data-predict="convolution-relu-off-pool"]');
  const relu = page.getByLabel('ReLU before pooling');
  await relu.uncheck();
  assert.match(await box.getByRole('status').textContent(), /pooled map with ReLU off was on screen before a prediction was locked in/);
  await relu.check();
  await lockIn(box, 'few');
  await relu.uncheck();
  await practiceOnly(page, box);
});

test('training tricks: a run seen before locking in (then reset) makes the prediction practice', async () => {
  const page = await open('training-tricks');
  const box = page.locator('[data-predict="training-tricks-left-net"]');
  await page.getByRole('button', { name: 'Run to the end' }).click();
  assert.match(await box.getByRole('status').textContent(), /two nets had trained, their losses on screen, before a prediction was locked in/);
  await page.getByRole('button', { name: 'Reset' }).click();
  await lockIn(box, 'stall');
  await page.getByRole('button', { name: 'Run to the end' }).click();
  await practiceOnly(page, box);
});

test('digits CNN: a test accuracy measured before locking in (then reset) makes the prediction practice', async () => {
  const page = await open('digits-cnn');
  const box = page.locator('[data-predict="digits-steps-to-95"]');
  for (let i = 0; i < 25; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  assert.match(await box.getByRole('status').textContent(), /network had trained, with its test accuracy on screen, before a prediction was locked in/);
  await page.getByRole('button', { name: 'Reset' }).click();
  await lockIn(box, 'fast');
  for (let i = 0; i < 75; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await practiceOnly(page, box);
});

test('fine-tuning: the four curves seen before locking in make the prediction practice', async () => {
  const page = await open('fine-tuning');
  const box = page.locator('[data-predict="fine-tune-best-start"]');
  await page.locator('.ftune').getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /^Done/.test(document.querySelector('.ftune .dw-message').textContent), null, { timeout: 120000 });
  assert.match(await box.getByRole('status').textContent(), /four starts had trained, their accuracies on screen, before a prediction was locked in/);
  await lockIn(box, 'head');
  await page.locator('.ftune').getByRole('button', { name: 'Play' }).click();
  await practiceOnly(page, box);
});
