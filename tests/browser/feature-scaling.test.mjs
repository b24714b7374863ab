// Feature scaling (scaling-and-cv lesson): standardising changes the k-NN neighbours and lifts
// its accuracy, as the engine computes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, openPage } from './browser.mjs';
import { lockPrediction, verdict } from './predict-helpers.mjs';
import { stat, canvasIsDrawn, inEngine, assertClean, holdKey, listenForReports, reportedEvents, openLesson } from './probes.mjs';
import { assertKeyedTint, boundaryDrawnShare } from './boundary-probe.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('Feature scaling: standardising changes the k-NN neighbours and lifts its accuracy', async () => {
  const page = await openPage(site, '/lessons/scaling-and-cv.html');
  const card = page.locator('.dw-card').filter({ hasText: 'Feature scaling' });
  assert.ok(await canvasIsDrawn(card.locator('canvas').first()));
  const expected = await inEngine(page, (ml) => {
    const units = (d) => { const X = new Float64Array(d.rows * 2); for (let i = 0; i < d.rows; i++) { X[2 * i] = 45 + 14 * d.X[2 * i]; X[2 * i + 1] = 50000 + 20000 * d.X[2 * i + 1]; } return X; };
    return ml.scoped((track) => {
      const tr = ml.makeMoons(120, 0.2, 6); const te = ml.makeMoons(300, 0.2, 1006);
      const Xtr = units(tr); const Xte = units(te);
      const raw = track(new ml.KNearestNeighbors()); raw.setData(Xtr, 2, tr.y); raw.setK(7); raw.step();
      const sc = track(new ml.StandardScaler()); sc.fit(Xtr, 2);
      const s = track(new ml.KNearestNeighbors()); s.setData(sc.transform(Xtr, 2), 2, tr.y); s.setK(7); s.step();
      const pct = (v) => `${(v * 100).toFixed(1)}%`;
      return { raw: pct(raw.score(Xte, te.y)), scaled: pct(s.score(sc.transform(Xte, 2), te.y)) };
    });
  });
  assert.equal(await stat(card, 'test accuracy, raw'), expected.raw);
  assert.equal(await stat(card, 'test accuracy, standardised'), expected.scaled);
  assert.ok(parseFloat(expected.scaled) > parseFloat(expected.raw) + 3, `scaling should help clearly: ${expected.raw} → ${expected.scaled}`);
  const labelRaw = await card.locator('canvas').first().getAttribute('aria-label');
  await card.getByRole('button', { name: 'Standardise features' }).click();
  assert.equal(await stat(card, 'features'), 'standardised');
  assert.notEqual(await card.locator('canvas').first().getAttribute('aria-label'), labelRaw);
  await screenshot(page, 'feature-scaling-1280');
  await assertClean(page);
  await page.close();
});


// Keyboard only: every move of the query, and the toggle, says the k neighbours' ages and the vote
// (the lesson's claim: raw, they spread over decades; standardised, they bunch), as the engine
// finds them; a held arrow key is said once, when let go.
test('Feature scaling: by keyboard, each query move and the toggle announce the neighbours\' ages and the vote', async () => {
  const page = await openPage(site, '/lessons/scaling-and-cv.html');
  const card = page.locator('.dw-card').filter({ hasText: 'Feature scaling' });
  const status = () => card.locator('.dw-message').textContent();
  // The engine's neighbours of the query `steps` arrow presses right of the start, raw or standardised.
  const truth = (steps, scaledOn) => page.evaluate(async ({ steps: n, scaledOn: on }) => {
    const { loadEngine } = await import('/engine/index.js');
    const { boxAround } = await import('/lib/datasets.js');
    const { formatNumber } = await import('/lib/format.js');
    const ml = await loadEngine();
    return ml.scoped((track) => {
      const d = ml.makeMoons(120, 0.2, 6);
      const X = new Float64Array(d.rows * 2);
      for (let i = 0; i < d.rows; i++) { X[2 * i] = 45 + 14 * d.X[2 * i]; X[2 * i + 1] = 50000 + 20000 * d.X[2 * i + 1]; }
      const box = boxAround(X, d.rows, 0.08);
      const q = [(box.x0 + box.x1) / 2 + n * 0.02 * (box.x1 - box.x0), (box.y0 + box.y1) / 2];
      const sc = track(new ml.StandardScaler()); sc.fit(X, 2);
      const knn = track(new ml.KNearestNeighbors());
      knn.setData(on ? sc.transform(X, 2) : X, 2, d.y); knn.setK(7); knn.step();
      const at = on ? sc.transform(q, 2) : q;
      const ages = [...knn.neighbors(at).indices].map((i) => X[2 * i]);
      const called = knn.predict(at)[0];
      const votes = [...knn.neighbors(at).indices].filter((i) => d.y[i] === called).length;
      return { youngest: formatNumber(Math.min(...ages), 0), oldest: formatNumber(Math.max(...ages), 0), span: Math.max(...ages) - Math.min(...ages), votes, called: called === 1 ? 'blue' : 'orange' };
    });
  }, { steps, scaledOn });
  const says = (e) => new RegExp(`nearest neighbours aged ${e.youngest} to ${e.oldest}; ${e.votes} of 7 are (orange triangles|blue circles), so it is called ${e.called}\\.`);

  let e = await truth(0, false);
  assert.match(await status(), says(e));
  assert.ok(Number(e.youngest) < 35 && Number(e.oldest) > 72, 'raw: from the early thirties to the mid-seventies');
  await card.locator('canvas').first().focus();
  await page.keyboard.press('ArrowRight');
  e = await truth(1, false);
  assert.match(await status(), says(e));

  // Held: a press and three repeats; the repeats are quiet, the last position is said once when let go.
  const held = await holdKey(page, card, 'ArrowRight', 3);
  e = await truth(5, false);
  assert.match(held, says(e));
  assert.match(await status(), says(e));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft'); // back at the starting query

  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Standardise features');
  await page.keyboard.press('Enter');
  e = await truth(0, true);
  assert.match(await status(), says(e));
  assert.ok(e.span < 10, `standardised: within ten years (${e.span})`);
  await assertClean(page);
  await page.close();
});

// k = 1 and an even k said in proper words: it read "its 1 nearest neighbours aged 54 to 54; 1 of 1
// are orange triangles", and at k = 2 "1 of 2 are orange triangles, so it is called orange" for a
// tied vote (the engine gives a tie to the lower label, orange).
test('Feature scaling: k = 1 is one neighbour deciding alone, and a tied vote at k = 2 is said as a tie', async () => {
  const page = await openPage(site, '/lessons/scaling-and-cv.html');
  const card = page.locator('.dw-card').filter({ hasText: 'Feature scaling' });
  const status = () => card.locator('.dw-message').textContent();
  const k = card.getByRole('slider', { name: /^k \(neighbours\)/ });
  await k.focus();
  await page.keyboard.press('Home');
  assert.match(await status(), /The query \(age 51, income 54\u202f168 €\) takes the class of its single nearest neighbour, an orange triangle aged 54, so it is called orange\.$/);
  assert.doesNotMatch(await status(), /1 nearest neighbours|1 of 1/);
  await page.keyboard.press('ArrowRight');
  assert.match(await status(), /has its 2 nearest neighbours aged 48 to 54; the vote ties 1–1, and a tie goes to the lower label, so it is called orange\.$/);
  await page.keyboard.press('ArrowRight');
  assert.match(await status(), /has its 3 nearest neighbours aged 35 to 54; 2 of 3 are orange triangles, so it is called orange\.$/);
  await assertClean(page);
  await page.close();
});

// The tint is keyed and bounded (docs/design.md): a colour bar whose ends name the classes by shape
// as well as colour, a line key for the boundary, and the engine's p = 0.5 contour (raw: the
// horizontal stripe edge; standardised: a curve) drawn in the model colour where the engine puts it.
test('Feature scaling: the tint has a key naming the classes by shape, and the engine\'s boundary is drawn in the model colour', async () => {
  for (const [width, colorScheme] of [[1280, 'light'], [375, 'dark']]) {
    const page = await openLesson(site, 'scaling-and-cv', { width, colorScheme });
    const card = page.locator('.dw-card').filter({ hasText: 'Feature scaling' });
    const canvas = card.locator('canvas').first();
    await assertKeyedTint(card, canvas, /p\(blue circle\), the share of blue votes:.*0 \(▲ orange\).*1 \(● blue\)/);
    for (const scaled of [false, true]) {
      if (scaled) await card.getByRole('button', { name: 'Standardise features' }).click();
      const expected = await page.evaluate(async (on) => {
        const { loadEngine } = await import('/engine/index.js');
        const { boxAround } = await import('/lib/datasets.js');
        const { contourSegments, gridPoints } = await import('/lib/contour.js');
        const ml = await loadEngine();
        return ml.scoped((track) => {
          const d = ml.makeMoons(120, 0.2, 6);
          const X = new Float64Array(d.rows * 2);
          for (let i = 0; i < d.rows; i++) { X[2 * i] = 45 + 14 * d.X[2 * i]; X[2 * i + 1] = 50000 + 20000 * d.X[2 * i + 1]; }
          const box = boxAround(X, d.rows, 0.08);
          const grid = gridPoints(box, 50, 50);
          const sc = track(new ml.StandardScaler()); sc.fit(X, 2);
          const knn = track(new ml.KNearestNeighbors());
          knn.setData(on ? sc.transform(X, 2) : X, 2, d.y); knn.setK(7); knn.step();
          const proba = knn.predictProba(on ? sc.transform(grid, 2) : grid);
          const p = Array.from({ length: 2500 }, (_, i) => proba[2 * i + 1]);
          const domain = { x0: box.x0, x1: box.x1, y0: box.y0 / 1000, y1: box.y1 / 1000 }; // drawn in thousands
          return { segs: contourSegments(p, 50, 50, domain, 0.5), domain };
        });
      }, scaled);
      const drawn = await boundaryDrawnShare(canvas, { ...expected, margin: { left: 64, right: 12, top: 22, bottom: 30 } });
      assert.ok(drawn.tried > 20, `the engine's boundary has ${drawn.tried} segments`);
      assert.ok(drawn.share > 0.6, `the model colour lies along the engine's boundary at ${(100 * drawn.share).toFixed(0)}% of its segments (${colorScheme}, ${scaled ? 'standardised' : 'raw'})`);
    }
    await assertClean(page);
    await page.close();
  }
});
