import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, widgetsReady } from './browser.mjs';
import { statText, canvasIsDrawn, withEngine, assertClean, listenForReports, reportedEvents } from './course4-helpers.mjs';
import { lockPrediction, verdict } from './predict-helpers.mjs';

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
  // Enter selects c₂; Shift+Right (5 units a press) stops at the end of the drawn axis, 22.
  await page.keyboard.press('Enter');
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await statText(card, 'c₂'), '22.00');
  assert.match(await card.locator('canvas').getAttribute('aria-label'), /^Number line from 0\.0 to 22\.0:/);
  // From 20 on every point is nearer c₁: c₂ ends as an empty cluster.
  for (let i = 0; i < 3; i++) await step.click();
  assert.deepEqual(await card.locator('tbody tr td:last-child').allTextContents(), ['c₁', 'c₁', 'c₁', 'c₁', 'c₁', 'c₁']);
  assert.equal(await statText(card, 'inertia'), '100.00');
  assert.match(await card.locator('.c4-explain').textContent(), /c₂ has no points at all/);
  assert.match(await card.locator('.dw-message').textContent(), /One centroid ended with no points/);
  // c₁ starts at 2.5 here (moved above), so the limit is 2·11 − 2.5 = 19.5: at 19.5 point 11
  // is a tie (still an empty cluster), at 19 both clumps are found.
  await card.locator('canvas').focus();
  await page.keyboard.press('Enter'); await page.keyboard.press('Enter'); // c₁, then c₂ again
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  assert.equal(await statText(card, 'c₂'), '19.50');
  for (let i = 0; i < 4; i++) await step.click();
  assert.equal(await statText(card, 'inertia'), '100.00');
  await card.locator('canvas').focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await statText(card, 'c₂'), '19.00');
  for (let i = 0; i < 8; i++) await step.click();
  assert.equal(await statText(card, 'inertia'), '4.00');
  await assertClean(page);
  await page.close();
});

test('Place the centroids: clicks, k-means++ and Auto-run match the engine', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width, reducedMotion: 'reduce' });
    await page.goto(`${site.base}/lessons/kmeans.html`);
    await widgetsReady(page);
    await listenForReports(page);
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
    assert.deepEqual(await reportedEvents(page), [], 'nothing reported before the run converges');
    // Auto-run to convergence: the game reports the learner's own result, once.
    await card.getByRole('button', { name: 'Auto-run' }).click();
    assert.match(await card.locator('.dw-message').textContent(), /Converged after \d+ iterations/);
    const mine = await statText(card, 'inertia');
    assert.equal(await statText(card, 'best inertia'), mine);
    const target = Number(await statText(card, 'k-means++ best'));
    const reports = await reportedEvents(page);
    const scores = reports.filter((r) => r.type === 'dw:score');
    assert.equal(scores.length, 1);
    assert.equal(scores[0].widget, 'place-centroids');
    assert.equal(scores[0].title, 'Place the centroids');
    assert.equal(scores[0].max, 100);
    assert.ok(Math.abs(scores[0].score - Math.min(100, Math.round((100 * target) / Number(mine)))) <= 1, `score ${scores[0].score} for ${mine} vs ${target}`);
    const matched = Math.abs(Number(mine) - target) / target <= 0.005;
    assert.equal(reports.some((r) => r.type === 'dw:complete'), matched, 'complete only when the best grouping was reached');
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
    // A run started by k-means++ is not the learner's: no report, and "best inertia" keeps theirs.
    assert.equal(await statText(card, 'best inertia'), mine);
    assert.match(await card.locator('.dw-message').textContent(), /does not count this run as yours/);
    assert.equal((await reportedEvents(page)).length, reports.length);
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

test('k-means by hand: predict the final inertia from c₂ = 20 (held, then missed)', async () => {
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/kmeans.html`);
  await widgetsReady(page);
  const card = page.locator('.dw-card').filter({ hasText: 'One k-means iteration by hand' });
  const step = card.getByRole('button', { name: 'Step', exact: true });
  const id = 'kmeans-final-inertia';
  await card.locator('canvas').focus();
  await page.keyboard.press('Enter');                   // select c₂
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');   // 4 → 19
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');         // → 20
  assert.equal(await statText(card, 'c₂'), '20.00');
  await lockPrediction(card, id, '100');
  for (let i = 0; i < 6; i++) await step.click();
  let v = await verdict(card, id);
  assert.equal(v.result, 'held');
  assert.match(v.text, /you said 100\.00, and it came out 100\.00 \(within ± 1\.00\)\. Starting from c₁ = 2\.00 and c₂ = 20\.00, k-means stopped at c₁ = 6\.00, c₂ = 20\.00/);
  assert.match(v.text, /One centroid never won a point/);
  // After a Step, predicting is refused until Reset.
  await lockPrediction(card, id, '4').catch(() => {});
  assert.match((await verdict(card, id, 0)).text, /Press Reset first/);
  await card.getByRole('button', { name: 'Reset' }).click();
  await lockPrediction(card, id, '4');
  for (let i = 0; i < 6; i++) await step.click();
  v = await verdict(card, id);
  assert.equal(v.result, 'missed');
  await assertClean(page);
  await page.close();
});
