import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, widgetsReady } from './browser.mjs';
import { statText, canvasIsDrawn, withEngine, assertClean } from './course4-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('k-means by hand: the seed example moves c2 from 4 to 10 and ends at inertia 4', async () => {
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/kmeans.html`);
  await widgetsReady(page);
  const card = page.locator('.dw-card').filter({ hasText: 'One k-means iteration by hand' });
  assert.ok(await canvasIsDrawn(card.locator('canvas')));
  assert.equal(await statText(card, 'c₁'), '2.00');
  assert.equal(await statText(card, 'c₂'), '4.00');
  const step = card.getByRole('button', { name: 'Step', exact: true });
  await step.click(); // assign
  assert.equal(await statText(card, 'c₂'), '4.00');
  assert.equal(await statText(card, 'inertia'), '112.00'); // 1+0+1 + 25+36+49 with the new labels
  assert.deepEqual(await card.locator('tbody tr td:last-child').allTextContents(), ['c₁', 'c₁', 'c₁', 'c₂', 'c₂', 'c₂']);
  await step.click(); // move
  assert.equal(await statText(card, 'c₁'), '2.00');
  assert.equal(await statText(card, 'c₂'), '10.00');
  assert.equal(await statText(card, 'inertia'), '4.00');
  await step.click(); // check
  assert.match(await card.locator('.dw-message').textContent(), /Converged after 1 update/);
  // The engine agrees with what is shown.
  const expected = await withEngine(page, (ml) => {
    const km = new ml.KMeans();
    try { km.setK(2); km.setData([1, 2, 3, 9, 10, 11], 1, []); km.setCentroids([2, 4]); km.fit(100); return [...km.centroids(), km.inertia()]; } finally { km.delete(); }
  });
  assert.deepEqual(expected, [2, 10, 4]);
  // Keyboard: the selected starting centroid moves and the example restarts from it.
  await card.locator('canvas').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await statText(card, 'c₁'), '2.50');
  assert.equal(await statText(card, 'iteration'), '0');
  await assertClean(page);
  await page.close();
});

test('Place the centroids: clicks, k-means++ and Auto-run match the engine', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width, reducedMotion: 'reduce' });
    await page.goto(`${site.base}/lessons/kmeans.html`);
    await widgetsReady(page);
    const card = page.locator('.dw-card').filter({ hasText: 'Place the centroids' });
    const canvas = card.locator('canvas').first();
    await canvas.scrollIntoViewIfNeeded();
    assert.ok(await canvasIsDrawn(canvas));
    // Click four centroids onto the plot.
    const box = await canvas.boundingBox();
    for (const [fx, fy] of [[0.3, 0.3], [0.7, 0.3], [0.3, 0.7], [0.7, 0.7]]) await canvas.click({ position: { x: box.width * fx, y: box.height * fy } });
    const inertiaPlaced = Number(await statText(card, 'inertia'));
    assert.ok(inertiaPlaced > 0, 'inertia shown once all four are placed');
    await card.getByRole('button', { name: 'Run iteration' }).click();
    assert.ok(Number(await statText(card, 'inertia')) < inertiaPlaced, 'one iteration lowers the inertia');
    // k-means++ then Auto-run: the converged inertia is the engine's for the same start.
    await card.getByRole('button', { name: 'k-means++' }).click();
    await card.getByRole('button', { name: 'Auto-run' }).click();
    assert.match(await card.locator('.dw-message').textContent(), /Converged after \d+ iterations/);
    const shown = await statText(card, 'inertia');
    const expected = await withEngine(page, (ml) => {
      const km = new ml.KMeans();
      try {
        const d = ml.makeBlobs(150, 4, 0.55, 11);
        km.setData(d.X, 2, []);
        km.setRestarts(4);
        km.reset(11);
        const elbow = km.elbowCurve(8);
        km.setK(4); km.setInit('k-means++'); km.reset((11 * 31 + 1) >>> 0);
        km.setCentroids(km.centroids());
        km.fit(1000);
        return { inertia: km.inertia().toFixed(2), best: elbow[3].toFixed(2) };
      } finally { km.delete(); }
    });
    assert.equal(shown, expected.inertia);
    assert.equal(await statText(card, 'k-means++ best'), expected.best);
    assert.equal(await statText(card, 'best inertia'), expected.inertia);
    // Keyboard: change k with the slider, then drop a centroid with Enter.
    await card.getByRole('slider', { name: /k \(centroids\)/ }).fill('2');
    await card.getByRole('button', { name: 'Clear' }).click();
    await canvas.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Enter');
    assert.match(await card.locator('.dw-message').textContent(), /Drop 1 more centroid/);
    await screenshot(page, `course4-place-centroids-${width}`);
    await assertClean(page);
    await page.close();
  }
});
