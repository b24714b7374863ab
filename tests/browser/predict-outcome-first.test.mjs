// A "Predict, then check" box whose outcome the learner has already run and seen records nothing:
// a prediction typed after the result was on screen could copy it, so it is judged as practice.
// One test per box of the foundations and beginner lessons that has a single outcome.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, widgetsReady } from './browser.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

async function open(lesson) {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/${lesson}.html`);
  await widgetsReady(page);
  await page.evaluate(() => {
    window.__scores = [];
    document.addEventListener('dw:score', (e) => window.__scores.push(e.detail.widget));
  });
  return page;
}
const predictScores = (page) => page.evaluate(() => window.__scores.filter((w) => w.startsWith('predict:')));

async function lockChoice(box, value) {
  await box.locator('select').selectOption(value);
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
}

test('empirical risk: setting b = 50 before predicting makes the prediction practice', async () => {
  const page = await open('empirical-risk');
  const card = page.locator('.dw-card', { has: page.locator('[data-predict="empirical-risk-half-miss"]') });
  const box = card.locator('[data-predict="empirical-risk-half-miss"]');
  const b = card.getByRole('slider', { name: 'intercept b' });
  await b.fill('50');
  assert.match(await box.getByRole('status').textContent(), /before a prediction was locked in/);
  await b.fill('0');
  await box.getByRole('textbox').fill('2500');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await b.fill('50');
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.match(await box.getByRole('status').textContent(), /Practice: the outcome was on screen before you predicted/);
  assert.deepEqual(await predictScores(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('chain rule: sliding z to -6 before predicting makes the prediction practice', async () => {
  const page = await open('maths-primer');
  const box = page.locator('[data-predict="primer-chain-far-wrong"]');
  const card = page.locator('.dw-card', { has: box });
  const z = card.getByRole('slider', { name: 'z' });
  await z.fill('-6');
  assert.match(await box.getByRole('status').textContent(), /before a prediction was locked in/);
  await z.fill('0');
  await lockChoice(box, 'tiny');
  await z.fill('-6');
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.match(await box.getByRole('status').textContent(), /Practice: the outcome was on screen before you predicted/);
  assert.deepEqual(await predictScores(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('build the dataset: adding a noise column to the real ones before predicting makes the prediction practice', async () => {
  const page = await open('data-features-labels');
  const card = page.locator('.build-dataset-main');
  const box = card.locator('[data-predict="build-dataset-noise-column"]');
  const column = (j) => card.locator(`.build-dataset-toggle[data-column="${j}"]`);
  for (const j of [0, 1, 2, 3]) await column(j).click();
  await column(4).click();
  assert.match(await box.getByRole('status').textContent(), /before a prediction was locked in/);
  await column(4).click();
  await lockChoice(box, 'fall');
  await column(4).click();
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.match(await box.getByRole('status').textContent(), /Practice: the outcome was on screen before you predicted/);
  assert.deepEqual(await predictScores(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('spam filter: retraining with three "meeting"s in both spam emails before predicting makes the prediction practice', async () => {
  const page = await open('spam-filter');
  const card = page.locator('.spam-filter');
  const box = card.locator('[data-predict="spam-meeting-weight"]');
  await card.locator('.spam-filter-train-emails summary').click();
  const meeting = (subject) => card.getByRole('spinbutton', { name: new RegExp(`times the word “meeting” appears in “${subject}`) });
  const set = async (subject, n) => { await meeting(subject).fill(String(n)); await meeting(subject).dispatchEvent('change'); };
  await set('FREE prize inside', 3);
  await set('You are a WINNER', 3);
  assert.match(await box.getByRole('status').textContent(), /before a prediction was locked in/);
  await set('You are a WINNER', 0);
  await lockChoice(box, 'positive');
  await set('You are a WINNER', 3);
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.match(await box.getByRole('status').textContent(), /Practice: the outcome was on screen before you predicted/);
  assert.deepEqual(await predictScores(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
