// Place the centroids (kmeans lesson): clicks, k-means++ and Auto-run give the engine's centroids
// and inertia; the score is for the placement (100 × best ÷ inertia as placed), so pressing one
// key over and over cannot win it; and once k-means has shown where the centroids go on a set of
// points, a start made on them is practice, so copying its answer cannot win it either.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, openFreshPage, widgetsReady } from './browser.mjs';
import { lockPrediction, verdict } from './predict-helpers.mjs';
import { stat, canvasIsDrawn, inEngine, assertClean, listenForReports, reportedEvents } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('Place the centroids: clicks, k-means++ and Auto-run match the engine', async () => {
  for (const width of [1280, 375]) {
    const page = await openFreshPage(site, '/lessons/kmeans.html', { width, reducedMotion: 'reduce' });
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
  const page = await openFreshPage(site, '/lessons/kmeans.html', { width: 1280, reducedMotion: 'reduce' });
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
  assert.match(await msg(), /a new start on them is practice: press New points for a round that counts/);
  // Clear, then place each centroid by keyboard on a blob's centre (to the nearest 0.1): the
  // placement is nearly the best grouping already and scores near 100. On these points k-means
  // has shown where the centres are, so it is practice: shown, not recorded.
  await card.getByRole('button', { name: 'Clear' }).click();
  assert.match(await msg(), /^Drop 4 more centroids \(k = 4\)\..* This round is practice: k-means has already shown where the centroids go on these points.*New points starts a round that counts\.$/);
  await canvas.focus();
  let at = [3, 0];
  const practiceScore = await placeOnCentres(page, card, 11, at);
  assert.ok(practiceScore.score >= 95, `placed on the centres: ${practiceScore.score}`);
  assert.equal(await stat(card, 'placement score'), `${practiceScore.score} / 100 (practice)`);
  assert.match(await msg(), new RegExp(`placement score: ${practiceScore.score} of 100.* This round is practice: k-means had already shown where the centroids go on these points before you made this start, so the score is not recorded\\. New points starts a round that counts\\.$`));
  assert.doesNotMatch(await msg(), /game finished/);
  assert.deepEqual((await reportedEvents(page)).length, 1, 'nothing recorded for the practice round');
  // New points: a fresh set, and a start made on it before any run counts. Placed on its
  // centres it scores near 100 and finishes the game.
  await card.getByRole('button', { name: 'New points' }).click();
  assert.doesNotMatch(await msg(), /practice/);
  await canvas.focus();
  at = [0, 0]; // New points puts the cross back in the middle
  const { score } = await placeOnCentres(page, card, 12, at);
  assert.ok(score >= 95, `placed on the new centres: ${score}`);
  assert.equal(await stat(card, 'placement score'), `${score} / 100`);
  assert.match(await msg(), /They started near the clusters' centres: game finished/);
  reports = (await reportedEvents(page)).slice(1);
  assert.deepEqual(reports.map((r) => [r.type, r.score, r.passed]), [['dw:score', score, undefined], ['dw:complete', score, true]], 'the completion says it is a pass (an LMS records a success)');
  await assertClean(page);
  await page.close();
});

// Each blob's centre of makeBlobs(150, 4, 0.55, seed), to the nearest 0.1.
function blobCentres(page, seed) {
  return inEngine(page, (ml, s) => {
    const d = ml.makeBlobs(150, 4, 0.55, s);
    const out = [];
    for (let c = 0; c < 4; c++) {
      let x = 0; let y = 0; let n = 0;
      for (let i = 0; i < d.rows; i++) if (d.y[i] === c) { x += d.X[2 * i]; y += d.X[2 * i + 1]; n += 1; }
      out.push([Math.round((10 * x) / n) / 10, Math.round((10 * y) / n) / 10]);
    }
    return out;
  }, seed);
}

// Drops a centroid by keyboard on each blob centre of the points of `seed` (the cross starts at
// `from`), checks the inertia as placed against the engine's, runs to convergence and returns the
// placement score from the readouts.
async function placeOnCentres(page, card, seed, from) {
  const centres = await blobCentres(page, seed);
  const canvas = card.locator('canvas').first();
  let at = from;
  for (const c of centres) { at = await moveCross(page, at, c); await page.keyboard.press('Enter'); }
  assert.match(await canvas.getAttribute('aria-label'), /with 4 of 4 centroids placed/);
  const start = await stat(card, 'inertia');
  const expected = await inEngine(page, (ml, { c, s }) => {
    const km = new ml.KMeans();
    try { km.setData(ml.makeBlobs(150, 4, 0.55, s).X, 2, []); km.setK(4); km.setCentroids(c.flat()); return km.inertia().toFixed(2); } finally { km.delete(); }
  }, { c: centres, s: seed });
  assert.equal(start, expected, 'the inertia as placed is the engine\'s for those centroids');
  await card.getByRole('button', { name: 'Auto-run' }).click();
  const target = await stat(card, 'k-means++ best');
  return { score: Math.round((100 * Number(target)) / Number(start)), start, target };
}

// The widget's plot of the lesson's blobs: margins 44, 12, 12, 30 around equal units on the
// square ±4.6 (BLOB_VIEW), so a data point's position on the canvas is known.
function toPx(box, x, y) {
  const w = box.width - 56; const h = box.height - 42;
  const unit = Math.max(9.2 / w, 9.2 / h);
  return { x: 44 + w / 2 + x / unit, y: 12 + h / 2 - y / unit };
}

// Where k-means takes a start on the points of `seed`.
function convergedFrom(page, start, seed = 11) {
  return inEngine(page, (ml, { c, s }) => {
    const km = new ml.KMeans();
    try { km.setData(ml.makeBlobs(150, 4, 0.55, s).X, 2, []); km.setK(4); km.setCentroids(c); km.fit(1000); return [...km.centroids()]; } finally { km.delete(); }
  }, { c: start, s: seed });
}

// A mouse drag on the canvas between two data points (the box read now: a button pressed before
// may have scrolled the page).
async function dragOn(page, canvas, [x0, y0], [x1, y1]) {
  const box = await canvas.boundingBox();
  const from = toPx(box, x0, y0); const to = toPx(box, x1, y1);
  await page.mouse.move(box.x + from.x, box.y + from.y);
  await page.mouse.down();
  await page.mouse.move(box.x + to.x, box.y + to.y, { steps: 3 });
  await page.mouse.up();
}

// The audit's copy: four centroids in a row, Auto-run to the best grouping, then grab each
// converged centroid where it sits, nudge it and run again. The converged centroids do not drag;
// the dashed start rings do, and a start moved onto k-means's answer is practice: its score is
// shown, nothing is recorded, and no copy finishes the game.
test('Place the centroids: k-means\'s answer cannot be grabbed, and a start copied from it is practice until New points', async () => {
  const page = await openFreshPage(site, '/lessons/kmeans.html', { width: 1280, reducedMotion: 'reduce' });
  await listenForReports(page);
  const card = page.locator('.dw-card').filter({ hasText: 'Place the centroids' });
  const mount = page.locator('.dw-mount[data-widget="place-centroids"]');
  const canvas = card.locator('canvas').first();
  const msg = () => card.locator('.dw-message').textContent();
  const startOf = async () => (await mount.evaluate((el) => el.dwHandle.state)).c;
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const row = [[-1.5, 0], [-0.5, 0], [0.5, 0], [1.5, 0]];
  for (const [x, y] of row) await canvas.click({ position: toPx(box, x, y) });
  const placed = await startOf();
  await card.getByRole('button', { name: 'Auto-run' }).click();
  const target = await stat(card, 'k-means++ best');
  assert.equal(await stat(card, 'inertia'), target, 'the row converges to the best grouping');
  assert.equal(await stat(card, 'placement score'), '17 / 100');
  assert.deepEqual((await reportedEvents(page)).map((r) => [r.type, r.score]), [['dw:score', 17]]);
  // Grabbing a converged centroid where it sits moves nothing: the press says the rings drag.
  const converged = await convergedFrom(page, placed.flat());
  await canvas.focus(); // (focusing says the keys; the press's own message comes after it)
  await dragOn(page, canvas, [converged[0], converged[1]], [converged[0] + 0.05, converged[1]]);
  assert.deepEqual(await startOf(), placed, 'the start is unchanged');
  assert.match(await msg(), /All 4 centroids are placed\. Drag one to move it \(the dashed rings mark where you started; k-means's centroids do not drag\)/);
  // Drag each start ring onto where k-means put that centroid and run again: practice each time.
  for (let j = 0; j < 4; j++) {
    const c = await convergedFrom(page, (await startOf()).flat());
    const [sx, sy] = (await startOf())[j];
    await dragOn(page, canvas, [sx, sy], [c[2 * j], c[2 * j + 1]]);
    if (j === 0) assert.match(await msg(), /^All 4 centroids placed\..* This round is practice: k-means has already shown where the centroids go on these points, so a start made now is scored on screen but not recorded\. New points starts a round that counts\.$/);
    await card.getByRole('button', { name: 'Auto-run' }).click();
    assert.match(await msg(), /This round is practice: .*so the score is not recorded\. New points starts a round that counts\.$/);
    assert.match(await stat(card, 'placement score'), /^\d+ \/ 100 \(practice\)$/);
  }
  const copied = Number((await stat(card, 'placement score')).split(' ')[0]);
  assert.ok(copied >= 50, `the copy scores ${copied} on screen`);
  assert.doesNotMatch(await msg(), /game finished/);
  assert.deepEqual((await reportedEvents(page)).map((r) => [r.type, r.score]), [['dw:score', 17]], 'no copy is recorded');
  // Reloading the same points (the same options) keeps them shown: still practice.
  await mount.evaluate((el) => el.dwHandle.update({ k: 4, seed: 11 }));
  await card.getByRole('button', { name: 'Clear' }).click();
  assert.match(await msg(), /This round is practice/);
  // The lesson says so in its own words.
  assert.match(await page.locator('main').textContent(), /A run also shows you where k-means puts the centroids on these points, so from then on any start you make on them is practice: you still see its score, but it is not recorded\. Clear keeps the same points; New points draws a fresh set, and a start you make there before running counts again\. After a run, a dashed ring joined to each centroid marks where you started it, and only those rings can be dragged: a centroid where k-means left it stays where it is\./);
  // New points: the row again on the fresh set is the learner's own start, and counts.
  await card.getByRole('button', { name: 'New points' }).click();
  for (const [x, y] of row) await canvas.click({ position: toPx(box, x, y) });
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.doesNotMatch(await msg(), /This round is practice/);
  const fresh = await stat(card, 'placement score');
  assert.match(fresh, /^\d+ \/ 100$/);
  assert.deepEqual((await reportedEvents(page)).map((r) => [r.type, r.score]), [['dw:score', 17], ['dw:score', Number(fresh.split(' ')[0])]]);
  await assertClean(page);
  await page.close();
});

// The boundary: a run that has moved the centroids once, not yet converged, has shown where
// they head. Carried on from the same start it still counts; one keyboard step of a start after
// it makes the round practice. A k-means++ run shows the answer too: a start made after it is
// practice.
test('Place the centroids: one iteration shown, then the same start counts and a moved start is practice; after a k-means++ run too', async () => {
  const page = await openFreshPage(site, '/lessons/kmeans.html', { width: 1280, reducedMotion: 'reduce' });
  await listenForReports(page);
  const card = page.locator('.dw-card').filter({ hasText: 'Place the centroids' });
  const canvas = card.locator('canvas').first();
  const msg = () => card.locator('.dw-message').textContent();
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const row = [[-1.5, 0], [-0.5, 0], [0.5, 0], [1.5, 0]];
  for (const [x, y] of row) await canvas.click({ position: toPx(box, x, y) });
  // Assigned and moved once: nothing reported yet; carried on with Auto-run, the run counts.
  await card.getByRole('button', { name: 'Run iteration' }).click();
  assert.equal(await stat(card, 'iterations'), '1');
  assert.deepEqual(await reportedEvents(page), []);
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.equal(await stat(card, 'placement score'), '17 / 100');
  assert.deepEqual((await reportedEvents(page)).map((r) => [r.type, r.score]), [['dw:score', 17]]);
  // New points; the row again, one iteration, then one arrow press on a start: practice.
  await card.getByRole('button', { name: 'New points' }).click();
  for (const [x, y] of row) await canvas.click({ position: toPx(box, x, y) });
  await card.getByRole('button', { name: 'Run iteration' }).click();
  assert.doesNotMatch(await msg(), /practice/);
  await canvas.focus();
  await page.keyboard.press('Enter'); // selects the first centroid's start
  await page.keyboard.press('ArrowLeft');
  assert.match(await msg(), /^Centroid 1 at \(.*\); inertia .*\. This round is practice/);
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.match(await stat(card, 'placement score'), /\(practice\)$/);
  assert.equal((await reportedEvents(page)).length, 1, 'the moved start is not recorded');
  // New points, then k-means++ and Auto-run: not the learner's run, and it shows the answer, so
  // the learner's own start after Clear is practice.
  await card.getByRole('button', { name: 'New points' }).click();
  await card.getByRole('button', { name: 'k-means++' }).click();
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.match(await msg(), /does not count this run as yours\)\. k-means has now shown where the centroids go on these points, so a start you make on them is practice: New points starts a round that counts\.$/);
  await card.getByRole('button', { name: 'Clear' }).click();
  for (const [x, y] of row) await canvas.click({ position: toPx(box, x, y) });
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.match(await msg(), /This round is practice/);
  assert.equal((await reportedEvents(page)).length, 1, 'nothing recorded after the k-means++ run');
  await assertClean(page);
  await page.close();
});

// Audit 4 (G): a screen-reader user heard nothing when the keyboard cross moved, when Enter
// selected a centroid or when Delete removed one, and the prompts said "click". Now the status
// (the card's live region) says each of them, with the positions as the figure's label lists them.
test('Place the centroids: by keyboard the status says where the cross is, what was dropped, selected, moved and removed', async () => {
  const page = await openFreshPage(site, '/lessons/kmeans.html', { width: 1280, reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: 'Place the centroids' });
  const canvas = card.locator('canvas').first();
  const msg = async () => (await card.locator('.dw-message').textContent()).trim();
  const label = () => canvas.getAttribute('aria-label');
  const X = await inEngine(page, (ml) => Array.from(ml.makeBlobs(150, 4, 0.55, 11).X));
  const near = (x, y) => { let n = 0; for (let i = 0; i < X.length; i += 2) if (Math.hypot(X[i] - x, X[i + 1] - y) <= 1) n += 1; return n; };
  const points = (n) => `${n} ${n === 1 ? 'point' : 'points'}`;
  const inertiaOf = (c) => inEngine(page, (ml, { c: cs }) => {
    const km = new ml.KMeans();
    try { km.setData(ml.makeBlobs(150, 4, 0.55, 11).X, 2, []); km.setK(4); km.setCentroids(cs.flat()); return km.inertia().toFixed(2); } finally { km.delete(); }
  }, { c });
  const said = [];
  const press = async (key) => { await page.keyboard.press(key); said.push(await msg()); return said[said.length - 1]; };

  await canvas.scrollIntoViewIfNeeded();
  await canvas.focus();
  assert.match(await msg(), /this line says where it is and how many points lie near it/);
  // The cross starts at the plot's centre (0, 0) and moves 0.1 a press, 1 with Shift.
  assert.equal(await press('ArrowRight'), `Cross at (0.10, 0.00); ${points(near(0.1, 0))} within 1 of it. Press Enter to drop centroid 1 of 4 here.`);
  assert.equal(await press('Shift+ArrowUp'), `Cross at (0.10, 1.00); ${points(near(0.1, 1))} within 1 of it. Press Enter to drop centroid 1 of 4 here.`);
  assert.equal(await press('Enter'), 'Centroid 1 of 4 dropped at (0.10, 1.00). Drop 3 more centroids: move the cross with the arrow keys and press Enter.');
  assert.match(await label(), /with 1 of 4 centroids placed: 1 at \(0\.10, 1\.00\)$/);
  await press('Shift+ArrowRight');
  assert.equal(await press('Shift+ArrowRight'), `Cross at (2.10, 1.00); ${points(near(2.1, 1))} within 1 of it. Press Enter to drop centroid 2 of 4 here.`);
  await press('Enter');
  await press('Shift+ArrowDown'); await press('Shift+ArrowDown'); await press('Enter');
  await press('Shift+ArrowLeft');
  assert.equal(await press('Shift+ArrowLeft'), `Cross at (0.10, -1.00); ${points(near(0.1, -1))} within 1 of it. Press Enter to drop centroid 4 of 4 here.`);
  const placed = [[0.1, 1], [2.1, 1], [2.1, -1], [0.1, -1]];
  assert.equal(await press('Enter'), `Centroid 4 of 4 dropped at (0.10, -1.00). All 4 centroids placed; inertia ${await inertiaOf(placed)}. Press Run iteration, or Enter to select a centroid to move.`);
  assert.equal(await label(), `Scatter plot of 150 points with 4 of 4 centroids placed: 1 at (0.10, 1.00), 2 at (2.10, 1.00), 3 at (2.10, -1.00), 4 at (0.10, -1.00); inertia ${await inertiaOf(placed)}`);
  // All placed: no cross; arrows say how to select, Enter selects one after another.
  assert.equal(await press('ArrowRight'), 'All 4 centroids are placed: press Enter to select one, then the arrow keys move it.');
  assert.match(await press('Enter'), /^Centroid 1 of 4 selected, at \(0\.10, 1\.00\)\. Arrow keys move it/);
  assert.match(await press('Enter'), /^Centroid 2 of 4 selected, at \(2\.10, 1\.00\)\./);
  const moved = [[0.1, 1], [2.1, 1.1], [2.1, -1], [0.1, -1]];
  assert.equal(await press('ArrowUp'), `Centroid 2 at (2.10, 1.10); inertia ${await inertiaOf(moved)}.`);
  assert.equal(await press('Escape'), 'Centroid 2 let go.');
  assert.match(await press('Enter'), /^Centroid 1 of 4 selected, at \(0\.10, 1\.00\)\./);
  assert.equal(await press('Delete'), 'Centroid 1, at (0.10, 1.00), removed. Drop 1 more centroid: the cross is at (0.10, -1.00); move it with the arrow keys and press Enter.');
  assert.match(await label(), /with 3 of 4 centroids placed: 1 at \(2\.10, 1\.10\), 2 at \(2\.10, -1\.00\), 3 at \(0\.10, -1\.00\)$/);
  for (const s of said) assert.doesNotMatch(s, /click/i, `a keyboard move is answered in keyboard words: ${s}`);
  await assertClean(page);
  await page.close();
});

// Audit 10, F item 3: Auto-run on a converged run replays it from the same start, and it sent the
// round's dw:score and dw:complete again (a double-tap too), though a game reports a round once.
test('Place the centroids: Auto-run again, or double-clicked, on a converged run reports the round once; New points starts a round that reports', async () => {
  const page = await openFreshPage(site, '/lessons/kmeans.html', { width: 1280, reducedMotion: 'reduce' });
  await listenForReports(page);
  const card = page.locator('.dw-card').filter({ hasText: 'Place the centroids' });
  const canvas = card.locator('canvas').first();
  const autoRun = card.getByRole('button', { name: 'Auto-run' });
  const sent = async () => (await reportedEvents(page)).map((r) => [r.type, r.score]);
  await canvas.scrollIntoViewIfNeeded();
  await canvas.focus();
  const { score } = await placeOnCentres(page, card, 11, [0, 0]); // the cross starts in the middle
  assert.ok(score >= 50, `a start on the blob centres finishes the game (${score})`);
  assert.deepEqual(await sent(), [['dw:score', score], ['dw:complete', score]]);
  await autoRun.click();
  await autoRun.dblclick();
  await card.getByRole('button', { name: 'Run iteration' }).click();
  assert.equal(await stat(card, 'placement score'), `${score} / 100`, 'the replay shows the same score');
  assert.match(await card.locator('.dw-message').textContent(), /They started near the clusters' centres: game finished/);
  assert.deepEqual(await sent(), [['dw:score', score], ['dw:complete', score]], 'the replays send nothing more');
  // New points: a new round, whose score is reported once.
  await card.getByRole('button', { name: 'New points' }).click();
  const box = await canvas.boundingBox();
  for (const [x, y] of [[-3, 0], [-1, 0], [1, 0], [3, 0]]) await canvas.click({ position: toPx(box, x, y) });
  await autoRun.click();
  await autoRun.click();
  const reports = await sent();
  assert.equal(reports.length, 3, 'one more report, for the new round');
  assert.equal(reports[2][0], 'dw:score');
  await assertClean(page);
  await page.close();
});

// Audit 10, B item 6: a pasted Share snippet (<dw-widget state="…">) said its centroids "came with
// the page's address"; they came in the element's attributes, and the card says so as the settings
// notes do.
test('Place the centroids: centroids given in a <dw-widget state> attribute are said to be given in the attributes', async () => {
  const page = await site.newPage({ width: 1280, reducedMotion: 'reduce' });
  await listenFromEveryLoad(page);
  const state = Buffer.from(JSON.stringify({ c: [[-3, 0], [-1, 0], [1, 0], [3, 0]] })).toString('base64url');
  const host = `${site.base}/pasted-place-centroids.html`;
  await page.route(host, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title><link rel="icon" href="/favicon.svg">
<script type="module" src="/embed.js"></script></head><body><main><dw-widget name="place-centroids" state="${state}"></dw-widget></main></body></html>` }));
  await page.goto(host);
  await widgetsReady(page);
  const card = page.locator('.dw-card');
  const text = () => card.locator('.dw-message').textContent();
  assert.match(await text(), /These centroids were given in the attributes, not placed by your clicks: move one \(or press Clear and place your own\) to make the start yours, or the run will not count\.$/);
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.match(await text(), /\(these centroids were given in the attributes, not placed by your clicks, so the game does not count this run as yours\)/);
  assert.doesNotMatch(await text(), /address/);
  assert.deepEqual(await reportedEvents(page), []);
  await assertClean(page);
  await page.close();
});

// A pasted snippet that reads the page address (the `address` attribute) on a page whose address
// sets an option: the options came from the address, the centroids still from the attribute, and
// the card says each where it came from (state.set is told the state's own source).
test('Place the centroids: options from the page address, centroids from the state attribute: the centroids are said to be given in the attributes', async () => {
  const page = await site.newPage({ width: 1280, reducedMotion: 'reduce' });
  await listenFromEveryLoad(page);
  const state = Buffer.from(JSON.stringify({ c: [[-3, 0], [-1, 0], [1, 0], [3, 0]] })).toString('base64url');
  const host = `${site.base}/pasted-address-place-centroids.html`;
  await page.route(host, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title><link rel="icon" href="/favicon.svg">
<script type="module" src="/embed.js"></script></head><body><main><dw-widget name="place-centroids" address state="${state}"></dw-widget></main></body></html>` }));
  await page.goto(`${host}#place-centroids.points=120`);
  await widgetsReady(page);
  const card = page.locator('.dw-card');
  assert.equal(await page.locator('dw-widget').evaluate((el) => el.handle.options.points), 120, 'the option was read from the address');
  assert.match(await card.locator('.dw-message').textContent(), /These centroids were given in the attributes, not placed by your clicks/);
  assert.deepEqual(await reportedEvents(page), []);
  await assertClean(page);
  await page.close();
});

// Reports collected from the first moment of every load of the page (a reload included).
async function listenFromEveryLoad(page) {
  await page.addInitScript(() => {
    window.__dwReports = [];
    for (const type of ['dw:score', 'dw:complete']) document.addEventListener(type, (e) => window.__dwReports.push({ type, ...e.detail }));
  });
}
const storedCentroids = (page) => page.evaluate(() => (JSON.parse(localStorage.getItem('dw:lesson:kmeans') || '{}').activities || {})['place-centroids'] || null);

// Audit 5, E item 3: a row of four and Auto-run scores 17 and reports it; k-means has then shown
// where the centroids go on seed 11. A reload brought the same points back with that forgotten, so a
// new start there (the centroids where k-means put them) was reported as a counted round. The
// lesson page keeps nothing in its address (two widgets), so the recorded score now makes its
// points practice after a reload, until New points.
test('Place the centroids: Auto-run, a reload, a new start and Auto-run: practice, nothing reported; New points counts again', async () => {
  const page = await site.newPage({ width: 1280, reducedMotion: 'reduce' });
  await listenFromEveryLoad(page);
  await page.goto(`${site.base}/lessons/kmeans.html`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await widgetsReady(page);
  let card = page.locator('.dw-card').filter({ hasText: 'Place the centroids' });
  let canvas = card.locator('canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  let box = await canvas.boundingBox();
  const row = [[-3, 0], [-1, 0], [1, 0], [3, 0]];
  for (const [x, y] of row) await canvas.click({ position: toPx(box, x, y) });
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.equal(await stat(card, 'placement score'), '17 / 100');
  assert.deepEqual((await reportedEvents(page)).map((r) => [r.type, r.score]), [['dw:score', 17]]);
  const answer = await convergedFrom(page, row.flat());
  await page.reload();
  await widgetsReady(page);
  assert.deepEqual(await reportedEvents(page), [], 'the reload reports nothing');
  card = page.locator('.dw-card').filter({ hasText: 'Place the centroids' });
  canvas = card.locator('canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  box = await canvas.boundingBox();
  assert.match(await card.locator('.dw-message').textContent(), /This round is practice: a score of yours for this game is already recorded in this lesson, and these are the points the page opens with on every visit/);
  // The new start: each centroid where k-means put it on these points.
  for (let j = 0; j < 4; j++) await canvas.click({ position: toPx(box, answer[2 * j], answer[2 * j + 1]) });
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.match(await stat(card, 'placement score'), /^\d+ \/ 100 \(practice\)$/);
  assert.match(await card.locator('.dw-message').textContent(), /This round is practice: a score of yours for this game was already recorded in this lesson.*so the score is not recorded\. New points starts a round that counts\.$/);
  assert.deepEqual(await reportedEvents(page), [], 'a start after the reload is practice');
  assert.equal((await storedCentroids(page)).best, 17, 'the record keeps the first round\'s score');
  assert.equal((await storedCentroids(page)).complete, false);
  // New points: a round that counts.
  await card.getByRole('button', { name: 'New points' }).click();
  assert.doesNotMatch(await card.locator('.dw-message').textContent(), /practice/);
  for (const [x, y] of row) await canvas.click({ position: toPx(box, x, y) });
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.doesNotMatch(await stat(card, 'placement score'), /practice/);
  assert.deepEqual((await reportedEvents(page)).map((r) => r.type), ['dw:score']);
  await assertClean(page);
  await page.close();
});

// Where the address does keep the state (a Share link, embed.html): s: 1 after a run, so a start
// on those points after a reload is practice; centroids that came with a link are not the
// learner's start, so running them scores nothing.
test('Place the centroids in an embed: the state keeps s: 1 after a run, and centroids from a link are not the learner\'s', async () => {
  const page = await site.newPage({ width: 1280, reducedMotion: 'reduce' });
  await listenFromEveryLoad(page);
  const answer = await (async () => {
    await page.goto(`${site.base}/embed.html?w=place-centroids`);
    await widgetsReady(page);
    return convergedFrom(page, [-3, 0, -1, 0, 1, 0, 3, 0]);
  })();
  // A link holding the centroids where k-means puts them, opened on a fresh page.
  const link = Buffer.from(JSON.stringify({ c: [0, 1, 2, 3].map((j) => [answer[2 * j], answer[2 * j + 1]]) })).toString('base64url');
  await page.goto('about:blank');
  await page.goto(`${site.base}/embed.html?w=place-centroids&state=${link}`);
  await widgetsReady(page);
  const card = page.locator('.dw-card');
  const mount = page.locator('main#widget, .dw-mount, dw-widget').first();
  assert.match(await card.locator('.dw-message').textContent(), /These centroids were given in the page address, not placed by your clicks: move one \(or press Clear and place your own\) to make the start yours, or the run will not count\.$/);
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.equal(await stat(card, 'placement score'), '–');
  assert.match(await card.locator('.dw-message').textContent(), /\(these centroids were given in the page address, not placed by your clicks, so the game does not count this run as yours\)/);
  assert.deepEqual(await reportedEvents(page), [], 'the link\'s centroids score nothing');
  const state = await mount.evaluate((el) => el.dwHandle.state);
  assert.equal(state.s, 1, 'the run is kept in the state');
  // That state again (a reload of a page whose address keeps it): any start is practice.
  await page.goto('about:blank');
  await page.goto(`${site.base}/embed.html?w=place-centroids&state=${Buffer.from(JSON.stringify(state)).toString('base64url')}`);
  await widgetsReady(page);
  await card.getByRole('button', { name: 'Clear' }).click();
  const canvas = card.locator('canvas').first();
  const box = await canvas.boundingBox();
  for (let j = 0; j < 4; j++) await canvas.click({ position: toPx(box, answer[2 * j], answer[2 * j + 1]) });
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.match(await stat(card, 'placement score'), /\(practice\)$/);
  assert.match(await card.locator('.dw-message').textContent(), /This round is practice: k-means had already shown where the centroids go on these points/);
  assert.deepEqual(await reportedEvents(page), []);
  await assertClean(page);
  await page.close();
});

// Audit 6 C7: a spot refused for being closer than 0.5 to a placed centroid never reads "0.50"
// beside "at least 0.5 apart". Dragged in twentieths of a pixel towards the first centroid, the
// second is moved until one step before the gap, refused at the first step inside it (its distance
// shown below 0.5, e.g. "0.498") and at the next; by keyboard, four presses of 0.1 (0.4) are refused
// and five (0.5, even where the sum of the steps is 0.49999… in floating point) are far enough.
test('Place the centroids: a distance refused under the 0.5 gap reads below 0.5; exactly 0.5 by keyboard is allowed (audit 6 C7)', async () => {
  const page = await openFreshPage(site, '/lessons/kmeans.html', { width: 1280, reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: 'Place the centroids' });
  const canvas = card.locator('canvas').first();
  const msg = () => card.locator('.dw-message').textContent();
  const refusal = /^That spot is ([\d.]+) from a centroid already placed: centroids must start at least 0\.5 apart/;
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.click(cx, cy);
  await page.mouse.click(cx + 60, cy);
  await page.mouse.move(cx + 60, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 20, cy, { steps: 8 });
  let x = cx + 20;
  let before = null; // the message at the last accepted step
  const refused = [];
  for (let i = 0; i < 200 && refused.length < 2; i++) {
    x -= 0.05;
    await page.mouse.move(x, cy);
    const now = await msg();
    const m = refusal.exec(now);
    if (m) refused.push(m[1]);
    else if (!refused.length) before = now;
  }
  await page.mouse.up();
  assert.equal(refused.length, 2, 'the drag reached the gap');
  assert.ok(before !== null && !refusal.test(before), `one step before the gap the move is accepted: ${before}`);
  for (const shown of refused) {
    assert.ok(Number(shown) < 0.5, `a refused distance reads below the gap: ${shown}`);
    assert.ok(Number(shown) > 0.48, `just inside the gap: ${shown}`);
  }

  // By keyboard, from a fresh start: one centroid at the cross moved 0.3 right (at 0.30000000000000004),
  // then 0.4 and 0.5 further right (the cross at 0.7999999999999999: 0.4999999999999999 away, which
  // was refused as "0.50 from a centroid", although it is five steps of 0.1).
  await card.getByRole('button', { name: 'Clear' }).click();
  await canvas.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  assert.match(await msg(), /^That spot is 0\.40 from a centroid already placed/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  assert.doesNotMatch(await msg(), refusal);
  assert.match(await canvas.getAttribute('aria-label'), /with 2 of 4 centroids placed/);
  await assertClean(page);
  await page.close();
});

// Audit 6 H6: a mouse click focuses the canvas, and the widget took that as keyboard focus: the
// status swapped "Drop 3 more centroids" for the keys' help and a keyboard cross showed at (0, 0),
// where the learner had not clicked. Now only keyboard focus (:focus-visible, or a key pressed on
// the plot) says the keys and draws the cross.
test('Place the centroids: a click drops a centroid and says how many are left, with no keyboard help or cross (audit 6 H6)', async () => {
  const page = await site.newPage({ width: 1280, reducedMotion: 'reduce' });
  await page.goto(`${site.base}/embed.html?w=place-centroids`);
  await widgetsReady(page);
  const card = page.locator('.dw-card');
  const canvas = card.locator('canvas[tabindex="0"]').first();
  const message = () => card.locator('.dw-message').textContent();
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const box = await canvas.boundingBox();
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await frames();
  assert.equal(await canvas.evaluate((el) => el === document.activeElement), true, 'the click focused the plot');
  assert.match(await message(), /^Drop 3 more centroids/);
  assert.doesNotMatch(await message(), /Arrow keys/);
  // No cross: the plot is drawn the same focused (by the click) and not.
  const drawn = () => canvas.evaluate((el) => el.toDataURL());
  const focused = await drawn();
  await canvas.evaluate((el) => el.blur());
  await frames();
  assert.equal(await drawn(), focused, 'nothing drawn for keyboard focus after a click');
  // The keyboard still works after a click: a key brings the cross and says where it is.
  await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.7);
  await frames();
  assert.match(await message(), /^Drop 2 more centroids/);
  const before = await drawn();
  await page.keyboard.press('ArrowRight');
  await frames();
  assert.match(await message(), /^Cross at \(0\.10, 0\.00\)/);
  assert.notEqual(await drawn(), before, 'the cross is drawn once a key is pressed');
  // Focus by the keyboard (Tab from the control before the plot) says the keys.
  await canvas.evaluate((el) => el.blur());
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  if (await canvas.evaluate((el) => el === document.activeElement)) assert.match(await message(), /^Arrow keys move the cross/);
  assert.deepEqual(page.record ? page.record.errors : [], []);
  await page.close();
});

// A note from audit 6: the local-minimum message printed the gap with one decimal against the
// 0.5 % that counts as the best grouping, so a gap of 0.51 % read "0.5% above". Three groups of
// three equal points on a line at x = -10.0255, 0 and 10, k = 2: the best grouping pairs 0 with 10
// (inertia 150), and centroids started at -5 and 10 stay pairing 0 with -10.0255 (150.765, 0.51 %).
test('Place the centroids: a local minimum 0.51 % above the best reads "0.51% above", never "0.5%" (audit 6 note)', async () => {
  const page = await site.newPage({ width: 1280, reducedMotion: 'reduce' });
  const p = [-10.0255, 0, 10].flatMap((x) => [x, 0, x, 0, x, 0]);
  const link = Buffer.from(JSON.stringify({ c: [[-5, 0], [10, 0]], p })).toString('base64url');
  await page.goto(`${site.base}/embed.html?w=place-centroids&k=2&state=${link}`);
  await widgetsReady(page);
  const card = page.locator('.dw-card');
  assert.equal(await stat(card, 'k-means++ best'), '150.00');
  await card.getByRole('button', { name: 'Auto-run' }).click();
  const text = await card.locator('.dw-message').textContent();
  assert.match(text, /^Converged after 2 iterations at inertia 150\.77, 0\.51% above the best known 150\.00\. k-means stopped in a local minimum/);
  await page.close();
});

// Audit 10, A item 3: the lesson says to look for the elbow, but the chart was only "Elbow chart"
// to a screen reader. Its name lists every k's best inertia as the chart draws it (and as the
// "k-means++ best" readout writes it), the k it marks, and the learner's inertia there.
test('Place the centroids: the elbow chart\'s name lists the best inertia for k = 1 to 8, the k marked and the learner\'s inertia', async () => {
  const { formatNumber } = await import('../../web/lib/format.js');
  const page = await openFreshPage(site, '/lessons/kmeans.html', { width: 375, reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: 'Place the centroids' });
  const elbowChart = card.locator('canvas').nth(1);
  const elbow = await inEngine(page, (ml) => {
    const km = new ml.KMeans();
    try {
      km.setData(ml.makeBlobs(150, 4, 0.55, 11).X, 2, []);
      km.setRestarts(4);
      km.reset(11);
      return Array.from(km.elbowCurve(8));
    } finally { km.delete(); }
  });
  assert.equal(elbow.length, 8);
  const list = elbow.map((v, i) => `k = ${i + 1}: ${formatNumber(v, 2)}`).join('; ');
  const head = `Elbow chart of the best inertia for each k, the lowest of four k-means++ restarts: ${list}.`;
  assert.equal(await elbowChart.getAttribute('role'), 'img');
  assert.equal(await elbowChart.getAttribute('aria-live'), null, 'a name, read when the chart is reached, not announced');
  assert.equal(await elbowChart.getAttribute('aria-label'), `${head} The large dot marks k = 4.`);
  // The lesson's numbers (and the readout's) are in it: 1 117.64 at k = 1 … 100.79 at k = 4.
  assert.match(await elbowChart.getAttribute('aria-label'), /k = 1: 1\u202f117\.64; k = 2: 594\.91; k = 3: 339\.36; k = 4: 100\.79;/);
  assert.ok((await elbowChart.getAttribute('aria-label')).includes(`k = 4: ${await stat(card, 'k-means++ best')};`));
  // All four placed: the ring at k = 4 is the inertia readout.
  const canvas = card.locator('canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  for (const [fx, fy] of [[0.3, 0.3], [0.7, 0.3], [0.3, 0.7], [0.7, 0.7]]) await canvas.click({ position: { x: box.width * fx, y: box.height * fy } });
  const inertia = await stat(card, 'inertia');
  assert.equal(await elbowChart.getAttribute('aria-label'), `${head} The large dot marks k = 4, and the ring your centroids' inertia there, ${inertia}.`);
  // Another k moves the mark; with its centroids not all placed there is no ring.
  await card.getByRole('slider', { name: /k \(centroids\)/ }).fill('6');
  assert.equal(await elbowChart.getAttribute('aria-label'), `${head} The large dot marks k = 6.`);
  await assertClean(page);
  await page.close();
});

// Audit 11, M item 1: with k = 1 every start ends in the same grouping, so the slider to 1, one
// Enter and Auto-run scored 100, said "They started near the clusters' centres" of a centroid in
// the empty middle, and finished the game. Only the k the game opens with (the lesson's 4) counts;
// another k is practice, and the status says why before and after the run.
test('Place the centroids: k = 1 and one Enter, or another k, is practice and says why; nothing is reported (audit 11 M1)', async () => {
  const page = await openFreshPage(site, '/lessons/kmeans.html', { width: 1280, reducedMotion: 'reduce' });
  await listenForReports(page);
  const card = page.locator('.dw-card').filter({ hasText: 'Place the centroids' });
  const canvas = card.locator('canvas').first();
  const msg = () => card.locator('.dw-message').textContent();
  const k = card.getByRole('slider', { name: /k \(centroids\)/ });
  await canvas.scrollIntoViewIfNeeded();
  await k.fill('1');
  await canvas.focus();
  await page.keyboard.press('Enter');
  assert.match(await canvas.getAttribute('aria-label'), /with 1 of 1 centroids placed: 1 at \(0\.00, 0\.00\)/);
  assert.match(await msg(), /This round is practice: with one centroid every start ends in the same grouping, all the points in one cluster, so there are no clusters to find\. A start with k = 1 is scored on screen but not recorded; set k back to 4 for a round that counts\.$/);
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.equal(await stat(card, 'inertia'), await stat(card, 'k-means++ best'));
  assert.equal(await stat(card, 'placement score'), '100 / 100 (practice)');
  assert.match(await msg(), /Your placement score: 100 of 100.* This round is practice: with one centroid every start ends in the same grouping.*k-means has also run on these points, so set k back to 4 and press New points for a round that counts\.$/);
  assert.doesNotMatch(await msg(), /clusters' centres|game finished/);
  assert.deepEqual(await reportedEvents(page), [], 'a k = 1 round is not recorded');
  assert.deepEqual(await storedCentroids(page), { title: 'Place the centroids', complete: false, seenFirst: true }, 'k-means ran on the points the lesson opens with: kept as that, nothing more');
  assert.match(await page.locator('.lesson-activities').textContent(), /Place the centroids \(not finished yet\)/);
  // Another k above 1 is practice too, for its own reason; back at 4 k-means has run on these points.
  await k.fill('3');
  assert.match(await msg(), /This round is practice: the game is scored with k = 4, the number of centroids it opened with, and other values of k are for exploring\./);
  await k.fill('4');
  assert.match(await msg(), /This round is practice: k-means has already shown where the centroids go on these points/);
  // New points at k = 4: the game counts, and a start on the blobs' centres finishes it.
  await card.getByRole('button', { name: 'New points' }).click();
  assert.doesNotMatch(await msg(), /practice/);
  await canvas.focus();
  const { score } = await placeOnCentres(page, card, 12, [0, 0]);
  assert.ok(score >= 50);
  assert.match(await msg(), /They started near the clusters' centres: game finished/);
  assert.deepEqual((await reportedEvents(page)).map((r) => [r.type, r.score]), [['dw:score', score], ['dw:complete', score]]);
  await assertClean(page);
  await page.close();
});

// Audit 11, M item 1, second route: eight imported points in four tight pairs, a centroid on each
// pair, scored 100 and finished the game. Imported points are practice (as in pca-projection).
test('Place the centroids: a start on imported points is practice and says so; New points counts again (audit 11 M1)', async () => {
  const page = await openFreshPage(site, '/lessons/kmeans.html', { width: 1280, reducedMotion: 'reduce' });
  await listenForReports(page);
  const card = page.locator('.dw-card').filter({ hasText: 'Place the centroids' });
  const canvas = card.locator('canvas').first();
  const msg = () => card.locator('.dw-message').textContent();
  const pairs = [[0, 0], [0.1, 0], [3, 0], [3.1, 0], [0, 3], [0.1, 3], [3, 3], [3.1, 3]];
  await card.locator('input[type="file"]').setInputFiles({ name: 'pairs.csv', mimeType: 'text/csv', buffer: Buffer.from(['x,y', ...pairs.map((p) => p.join(','))].join('\n')) });
  await canvas.scrollIntoViewIfNeeded();
  await canvas.focus();
  // The cross starts in the middle of the points, (1.55, 1.5); a centroid on each pair.
  let at = [1.55, 1.5];
  for (const c of [[0.05, 0], [3.05, 0], [0.05, 3], [3.05, 3]]) { at = await moveCross(page, at, c); await page.keyboard.press('Enter'); }
  assert.match(await canvas.getAttribute('aria-label'), /with 4 of 4 centroids placed/);
  assert.match(await msg(), /This round is practice: these are imported points, and the game records only rounds on its own generated points/);
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.equal(await stat(card, 'placement score'), '100 / 100 (practice)');
  assert.match(await msg(), /Your placement score: 100 of 100.* This round is practice: these are imported points.*New points brings back generated points and a round that counts\.$/);
  assert.doesNotMatch(await msg(), /game finished/);
  assert.deepEqual(await reportedEvents(page), [], 'imported points are not recorded');
  assert.equal(await storedCentroids(page), null);
  await card.getByRole('button', { name: 'New points' }).click();
  assert.doesNotMatch(await msg(), /practice/);
  await assertClean(page);
  await page.close();
});

// Audit 11 P1: k-means++ and Auto-run before any score of the learner's, then a reload: the same
// points came back as a round that counts, and centroids clicked where k-means had put them scored
// 100 and finished the game. The lesson now keeps that k-means was shown on its opening points.
test('Place the centroids: k-means shown before any score, then a reload: the opening points stay practice and a copied start records nothing (audit 11 P1)', async () => {
  const page = await site.newPage({ width: 1280, reducedMotion: 'reduce' });
  await listenFromEveryLoad(page);
  await page.goto(`${site.base}/lessons/kmeans.html`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await widgetsReady(page);
  let card = page.locator('.dw-card').filter({ hasText: 'Place the centroids' });
  await card.getByRole('button', { name: 'k-means++', exact: true }).click();
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.deepEqual(await reportedEvents(page), [], 'k-means++ placed the start: nothing reported');
  assert.deepEqual(await storedCentroids(page), { title: 'Place the centroids', complete: false, seenFirst: true });
  const answer = await convergedFrom(page, [-3, 0, -1, 0, 1, 0, 3, 0]);
  await page.reload();
  await widgetsReady(page);
  card = page.locator('.dw-card').filter({ hasText: 'Place the centroids' });
  const canvas = card.locator('canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  assert.match(await card.locator('.dw-message').textContent(), /This round is practice: on an earlier visit k-means showed where the centroids go on these points, the ones the page opens with on every visit, before any score of yours/);
  for (let j = 0; j < 4; j++) await canvas.click({ position: toPx(box, answer[2 * j], answer[2 * j + 1]) });
  await card.getByRole('button', { name: 'Auto-run' }).click();
  assert.match(await stat(card, 'placement score'), /^\d+ \/ 100 \(practice\)$/);
  assert.match(await card.locator('.dw-message').textContent(), /This round is practice: on an earlier visit k-means showed where the centroids go on these points.*so the score is not recorded\. New points starts a round that counts\.$/);
  assert.deepEqual(await reportedEvents(page), [], 'the copied start is not recorded');
  assert.deepEqual(await storedCentroids(page), { title: 'Place the centroids', complete: false, seenFirst: true });
  await card.getByRole('button', { name: 'New points' }).click();
  assert.doesNotMatch(await card.locator('.dw-message').textContent(), /practice|earlier visit/);
  await assertClean(page);
  await page.close();
});
