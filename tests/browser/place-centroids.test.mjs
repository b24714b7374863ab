// Place the centroids (kmeans lesson): clicks, k-means++ and Auto-run give the engine's centroids
// and inertia; the score is for the placement (100 × best ÷ inertia as placed), so pressing one
// key over and over cannot win it.
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
    assert.equal(await stat(card, 'placement score'), '–', 'no score before the run');
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
    // The score is for the placement, from the numbers shown: best ÷ inertia as placed.
    const score = Math.min(100, Math.round((100 * target) / inertiaPlaced));
    assert.equal(scores[0].score, score, `score for a start at ${inertiaPlaced} vs ${target}`);
    assert.equal(await stat(card, 'placement score'), `${score} / 100`);
    assert.match(await card.locator('.dw-message').textContent(), new RegExp(`placement score: ${score} of 100, that is 100 × the best known ${target.toFixed(2)} ÷ ${inertiaPlaced.toFixed(2)}`));
    const matched = Math.abs(Number(mine) - target) / target <= 0.005;
    assert.equal(reports.some((r) => r.type === 'dw:complete'), matched && score >= 50, 'complete only when the best grouping was reached from a start scoring 50 or more');
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


// The cross moves 0.1 a press (1 with Shift); from (x, y) to (tx, ty), in tenths.
async function moveCross(page, from, to) {
  for (const [axis, pos, neg] of [[0, 'ArrowRight', 'ArrowLeft'], [1, 'ArrowUp', 'ArrowDown']]) {
    let tenths = Math.round((to[axis] - from[axis]) * 10);
    const key = tenths > 0 ? pos : neg;
    tenths = Math.abs(tenths);
    for (; tenths >= 10; tenths -= 10) await page.keyboard.press(`Shift+${key}`);
    for (; tenths > 0; tenths -= 1) await page.keyboard.press(key);
  }
  return to;
}

test('Place the centroids: one key pressed over and over cannot win; centroids placed on the blobs by keyboard can', async () => {
  const page = await site.newPage({ width: 1280, reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/kmeans.html`);
  await widgetsReady(page);
  await listenForReports(page);
  const card = page.locator('.dw-card').filter({ hasText: 'Place the centroids' });
  const canvas = card.locator('canvas').first();
  const msg = () => card.locator('.dw-message').textContent();
  await canvas.scrollIntoViewIfNeeded();
  await canvas.focus();
  assert.match(await msg(), /Enter drops a centroid, at least 0\.5 from the others/);
  // Enter four times without moving: one centroid, then three refusals that say why.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
  assert.match(await canvas.getAttribute('aria-label'), /with 1 of 4 centroids placed/);
  assert.match(await msg(), /That spot is 0\.00 from a centroid already placed: centroids must start at least 0\.5 apart/);
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.match(await msg(), /Place 3 more centroids first/);
  assert.deepEqual(await reportedEvents(page), [], 'stacked centroids are never run, so never scored');
  // A nudge of 0.3 is still too close; then Shift+Right and Enter, again and again: four in a
  // row 1 apart through the middle. k-means still reaches the best grouping from there, but
  // the placement scores 12 and the game is not finished.
  await canvas.focus();
  await page.keyboard.press('ArrowRight'); await page.keyboard.press('ArrowRight'); await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  assert.match(await msg(), /That spot is 0\.30 from a centroid/);
  await page.keyboard.press('ArrowLeft'); await page.keyboard.press('ArrowLeft'); await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 3; i++) { await page.keyboard.press('Shift+ArrowRight'); await page.keyboard.press('Enter'); }
  const rowStart = await stat(card, 'inertia');
  await card.getByRole('button', { name: 'Auto-run' }).click();
  const target = await stat(card, 'k-means++ best');
  assert.equal(await stat(card, 'inertia'), target, 'Lloyd\'s algorithm alone reaches the best from the row');
  assert.match(await msg(), /as low as the best of four k-means\+\+ restarts/);
  const rowScore = Math.round((100 * Number(target)) / Number(rowStart));
  assert.equal(rowScore, 12);
  assert.match(await msg(), new RegExp(`placement score: 12 of 100, that is 100 × the best known ${target} ÷ ${rowStart}.* k-means found the best grouping by itself from there.*50 or more finishes the game`));
  assert.equal(await stat(card, 'placement score'), '12 / 100');
  let reports = await reportedEvents(page);
  assert.deepEqual(reports.map((r) => [r.type, r.score]), [['dw:score', 12]], 'a score of 12, and no completion');
  // Clear, then place each centroid by keyboard on a blob's centre (to the nearest 0.1): the
  // placement is nearly the best grouping already, scores near 100 and finishes the game.
  await card.getByRole('button', { name: 'Clear' }).click();
  await canvas.focus();
  const centres = await inEngine(page, (ml) => {
    const d = ml.makeBlobs(150, 4, 0.55, 11);
    const out = [];
    for (let c = 0; c < 4; c++) {
      let x = 0; let y = 0; let n = 0;
      for (let i = 0; i < d.rows; i++) if (d.y[i] === c) { x += d.X[2 * i]; y += d.X[2 * i + 1]; n += 1; }
      out.push([Math.round((10 * x) / n) / 10, Math.round((10 * y) / n) / 10]);
    }
    return out;
  });
  let at = [3, 0];
  for (const c of centres) { at = await moveCross(page, at, c); await page.keyboard.press('Enter'); }
  assert.match(await canvas.getAttribute('aria-label'), /with 4 of 4 centroids placed/);
  const start = await stat(card, 'inertia');
  const expected = await inEngine(page, (ml, c) => {
    const km = new ml.KMeans();
    try { km.setData(ml.makeBlobs(150, 4, 0.55, 11).X, 2, []); km.setK(4); km.setCentroids(c.flat()); return km.inertia().toFixed(2); } finally { km.delete(); }
  }, centres);
  assert.equal(start, expected, 'the inertia as placed is the engine\'s for those centroids');
  await card.getByRole('button', { name: 'Auto-run' }).click();
  const score = Math.round((100 * Number(target)) / Number(start));
  assert.ok(score >= 95, `placed on the centres: ${score}`);
  assert.match(await msg(), /They started near the clusters' centres: game finished/);
  reports = (await reportedEvents(page)).slice(1);
  assert.deepEqual(reports.map((r) => [r.type, r.score]), [['dw:score', score], ['dw:complete', score]]);
  await assertClean(page);
  await page.close();
});
