// Browser tests for the fine-tune widget (lessons/fine-tuning.md): Play trains the four methods
// to the lesson's numbers and settles a committed prediction, the bars show the trainable counts,
// the rank control changes LoRA's count, and the page fits a 375 px phone. Every scenario checks
// that nothing is logged as an error, no request leaves the machine and no NaN is shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';
import { assertPractice, lockPrediction, recordReports } from './predict-helpers.mjs';

const PAGE = '/lessons/fine-tuning.html';
let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

async function open({ width = 1280, reducedMotion = 'no-preference' } = {}) {
  const page = await site.newPage({ width, reducedMotion });
  await page.goto(`${site.base}${PAGE}`);
  await widgetsReady(page);
  await page.waitForSelector('.ftune .dw-stat');
  return page;
}
const stat = (page, label) => page.locator(`.ftune .dw-stat[data-stat="${label}"] .dw-stat-value`).textContent();

async function clean(page) {
  const text = await page.locator('.ftune').textContent();
  assert.ok(!/NaN|undefined/.test(text), 'no NaN or undefined is shown');
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
}

test('the pretrained network reads 0.0% of chalk digits; Play trains all four to the lesson\'s numbers and settles the prediction', async () => {
  const page = await open();
  assert.equal(await stat(page, 'pretrained, on chalk'), '0.0%');
  assert.match(await page.locator('.ftune .dw-message').textContent(), /0\.0% of the chalk digits/);
  await page.evaluate(() => { window.__ft = []; document.addEventListener('dw:complete', (e) => window.__ft.push(e.detail)); });
  const box = page.locator('.ftune .dw-predict');
  await box.locator('select').selectOption('head');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await page.locator('.ftune').getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /^Done/.test(document.querySelector('.ftune .dw-message').textContent), null, { timeout: 120000 });
  assert.match(await stat(page, 'from scratch'), /^81\.9% · 2\u202f410 numbers$/);
  assert.match(await stat(page, 'head only'), /^87\.8% · 330 numbers$/);
  assert.match(await stat(page, 'full fine-tuning'), /^86\.4% · 2\u202f410 numbers$/);
  assert.match(await stat(page, 'LoRA'), /^85\.8% · 522 numbers$/);
  assert.match(await box.locator('.dw-predict-status').textContent(), /Your prediction held/);
  const done = await page.evaluate(() => window.__ft);
  assert.deepEqual(done.map((d) => [d.widget, d.score]), [['predict:fine-tune-best-start', 1]]);
  await screenshot(page, 'fine-tune-trained-1280');
  await clean(page);
  await page.close();
});

test('the LoRA rank control changes the trainable count: r = 8 trains 1,098 numbers', async () => {
  const page = await open();
  await page.getByLabel('LoRA rank r').selectOption('8');
  await page.waitForFunction(() => /1\u202f098 numbers/.test(document.querySelector('.ftune .dw-stat[data-stat="LoRA"] .dw-stat-value').textContent));
  // Step trains 10 steps of every method from the keyboard.
  await page.locator('.ftune').getByRole('button', { name: 'Step' }).press('Enter');
  await page.waitForFunction(() => /10 steps of 150/.test(document.querySelector('.ftune .dw-message').textContent));
  await clean(page);
  await page.close();
});

test('reduced motion: Play trains to the end at once', async () => {
  const page = await open({ reducedMotion: 'reduce' });
  await page.locator('.ftune').getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /^Done/.test(document.querySelector('.ftune .dw-message').textContent), null, { timeout: 60000 });
  await clean(page);
  await page.close();
});

test('375 px: no horizontal scroll, every plot visible', async () => {
  const page = await open({ width: 375 });
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
  assert.ok(widths.doc <= widths.view, `page is ${widths.doc} px wide`);
  for (const canvas of await page.locator('.ftune canvas').all()) {
    const b = await canvas.boundingBox();
    assert.ok(b && b.x >= 0 && b.x + b.width <= 375, 'canvas fits');
  }
  await screenshot(page, 'fine-tune-375');
  await clean(page);
  await page.close();
});

// Run, then reset, then predict: the outcome was on screen first, so the prediction is practice
// and nothing is recorded (a widget's own goal may still report).
test('fine-tuning: the four curves seen before locking in make the prediction practice', async () => {
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/fine-tuning.html`);
  await widgetsReady(page);
  await recordReports(page);
  const box = page.locator('[data-predict="fine-tune-best-start"]');
  await page.locator('.ftune').getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /^Done/.test(document.querySelector('.ftune .dw-message').textContent), null, { timeout: 120000 });
  assert.match(await box.getByRole('status').textContent(), /four starts had trained, their accuracies on screen, before a prediction was locked in/);
  await lockPrediction(page, 'fine-tune-best-start', 'head');
  await page.locator('.ftune').getByRole('button', { name: 'Play' }).click();
  await assertPractice(page, box, { result: null, othersMayReport: true, wait: 120000 });
  await page.close();
});
