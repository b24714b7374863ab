// Place the centroids (kmeans lesson): clicks, k-means++ and Auto-run give the engine's centroids
// and inertia.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, widgetsReady } from './browser.mjs';
import { lockPrediction, verdict } from './predict-helpers.mjs';
import { stat, canvasIsDrawn, inEngine, assertClean, listenForReports, reportedEvents } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

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
    const inertiaPlaced = Number(await stat(card, 'inertia'));
    assert.ok(inertiaPlaced > 0, 'inertia shown once all four are placed');
    await card.getByRole('button', { name: 'Run iteration' }).click();
    assert.ok(Number(await stat(card, 'inertia')) < inertiaPlaced, 'one iteration lowers the inertia');
    assert.deepEqual(await reportedEvents(page), [], 'nothing reported before the run converges');
    // Auto-run to convergence: the game reports the learner's own result, once.
    await card.getByRole('button', { name: 'Auto-run' }).click();
    assert.match(await card.locator('.dw-message').textContent(), /Converged after \d+ iterations/);
    const mine = await stat(card, 'inertia');
    assert.equal(await stat(card, 'best inertia'), mine);
    const target = Number(await stat(card, 'k-means++ best'));
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
    const shown = await stat(card, 'inertia');
    const expected = await inEngine(page, (ml) => {
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
    assert.equal(await stat(card, 'k-means++ best'), expected.best);
    // A run started by k-means++ is not the learner's: no report, and "best inertia" keeps theirs.
    assert.equal(await stat(card, 'best inertia'), mine);
    assert.match(await card.locator('.dw-message').textContent(), /does not count this run as yours/);
    assert.equal((await reportedEvents(page)).length, reports.length);
    // Keyboard: change k with the slider, then drop a centroid with Enter.
    await card.getByRole('slider', { name: /k \(centroids\)/ }).fill('2');
    await card.getByRole('button', { name: 'Clear' }).click();
    await canvas.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Enter');
    assert.match(await card.locator('.dw-message').textContent(), /Drop 1 more centroid/);
    await screenshot(page, `place-centroids-${width}`);
    await assertClean(page);
    await page.close();
  }
});

