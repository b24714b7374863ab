import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const stat = (page, label) => page.locator(`.dw-stat[data-stat="${label}"] .dw-stat-value`).textContent();
const percent = async (page, label) => Number((await stat(page, label)).replace(/\s*%$/, ''));

// The same split (every second point hidden) and model, fitted and scored by the engine.
async function engineScores(page, k) {
  return page.evaluate(async (k) => {
    const { loadEngine } = await import('/engine/index.js');
    const ml = await loadEngine();
    const d = ml.makeMoons(200, 0.35, 7);
    const part = (keep) => {
      const X = []; const y = [];
      for (let i = 0; i < d.rows; i++) if ((i % 2 === 1) === keep) { X.push(d.X[2 * i], d.X[2 * i + 1]); y.push(d.y[i]); }
      return { X, y };
    };
    const train = part(false); const test = part(true);
    const m = new ml.KNearestNeighbors();
    try {
      m.setK(k);
      m.setData(train.X, 2, train.y);
      return { train: m.score(train.X, train.y), test: m.score(test.X, test.y) };
    } finally { m.delete(); }
  }, k);
}

test('Train vs test: flexibility and "memorise hard" open the overfitting gap; scores match the engine', async (t) => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/train-vs-test.html`);
  await widgetsReady(page);
  assert.equal(await page.locator('.katex-error').count(), 0);
  const hasKnn = await page.evaluate(async () => {
    const { loadEngine } = await import('/engine/index.js');
    return typeof (await loadEngine()).KNearestNeighbors === 'function';
  });
  if (!hasKnn) {
    assert.match(await page.locator('.dw-message').textContent(), /needs the engine/);
    t.skip('KNearestNeighbors has not landed in this build');
    await page.close();
    return;
  }
  const painted = await page.locator('.dw-stage canvas').first().evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    for (let i = 0; i < d.length; i += 4 * 89) colours.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
    return colours.size;
  });
  assert.ok(painted > 20, 'the boundary heat map is painted');

  // Starting level 3 → k = 31.
  assert.equal(await stat(page, 'k'), '31');
  let expected = await engineScores(page, 31);
  assert.equal(await percent(page, 'train'), Number((expected.train * 100).toFixed(1)));
  assert.equal(await percent(page, 'test'), Number((expected.test * 100).toFixed(1)));
  const gapStiff = expected.train - expected.test;

  // Memorise hard: k = 1 → train 100 %, test lower, a message in words.
  await page.getByLabel('memorise hard').check();
  assert.equal(await stat(page, 'k'), '1');
  expected = await engineScores(page, 1);
  assert.equal(await percent(page, 'train'), Number((expected.train * 100).toFixed(1)));
  assert.equal(await percent(page, 'test'), Number((expected.test * 100).toFixed(1)));
  assert.ok(expected.train >= 0.99, 'k = 1 memorises the training points');
  assert.ok(expected.train - expected.test > gapStiff + 0.05, 'the gap opens');
  assert.match(await page.locator('.dw-message').textContent(), /Overfitting/);

  // The slider moves the model (and unticks memorise).
  await page.getByRole('slider', { name: /flexibility/ }).fill('9');
  assert.equal(await stat(page, 'k'), '3');
  assert.equal(await page.getByLabel('memorise hard').isChecked(), false);
  expected = await engineScores(page, 3);
  assert.equal(await percent(page, 'test'), Number((expected.test * 100).toFixed(1)));
  // The table holds every level plus "memorise".
  assert.equal(await page.locator('.dw-table thead th').count(), 12);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await screenshot(page, `course2-train-vs-test-${width}`);
  }
  assert.ok(!/NaN/.test(await page.locator('main').textContent()));
  assert.deepEqual(offMachineRequests(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
