// k-means convergence (frontier-kmeans lesson): inertia per half-step never rises and matches the
// engine, restarts expose local minima, and the tighter-blobs prediction settles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, openPage, openFreshPage } from './browser.mjs';
import { lockPrediction, verdict, assertPractice, predictBox, recordReports } from './predict-helpers.mjs';
import { cardAt, stat, message, cardShot, ink, noNaNInCards, inEngine, holdKey, listenForReports, reportedEvents } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('k-means: inertia per half-step never rises and matches the engine; restarts expose local minima', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/frontier-kmeans.html', { width });
    const w = cardAt(page, 1);
    assert.ok(await ink(w, 0) > 5);
    const seen = [];
    for (let i = 0; i < 6; i++) {
      await w.getByRole('button', { name: 'Step', exact: true }).click();
      seen.push(Number(await stat(w, 'inertia')));
    }
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i] <= seen[i - 1] + 1e-9, `inertia rose: ${seen}`);
    const expected = await inEngine(page, (ml) => {
      const d = ml.makeBlobs(160, 4, 0.45, 7);
      const km = new ml.KMeans();
      try {
        km.setData(d.X, 2, []); km.setK(4); km.setInit('random'); km.reset(5);
        const out = [];
        for (let i = 0; i < 6; i++) {
          if (km.status() === 'converged') { out.push(km.inertia().toFixed(3)); continue; }
          if (km.awaitingUpdate()) km.updateStep(); else km.assignStep();
          out.push(km.inertia().toFixed(3));
        }
        return out;
      } finally { km.delete(); }
    });
    assert.deepEqual(seen.map((v) => v.toFixed(3)), expected);
    await w.getByRole('button', { name: 'Try 20 starts' }).click();
    // The lesson: at the default spread 1 random start of 20 stops at a poor minimum, no k-means++ start does.
    assert.match(await message(w), /20 random starts: 1 ended in a worse local minimum\. 20 k-means\+\+ starts: 0 did\. The best inertia found was 63\.866/);
    assert.notEqual(await stat(w, 'best of 20'), '–');
    // Keyboard: pick centroid 2 and move it; the run restarts from the user's start.
    await w.locator('canvas').first().focus();
    await page.keyboard.press('2');
    await page.keyboard.press('Shift+ArrowLeft');
    assert.match(await message(w), /Your own start/);
    assert.equal(await stat(w, 'iterations'), '0');
    await cardShot(w, `kmeans-${width}`);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('k-means: predict whether tighter blobs trap more random starts (missed, then held)', async () => {
  const page = await openPage(site, '/lessons/frontier-kmeans.html');
  const w = cardAt(page, 1);
  const spread = w.getByRole('slider', { name: /blob spread/ });
  const tryStarts = w.getByRole('button', { name: 'Try 20 starts' });
  const id = 'kmeans-tight-blobs';
  await lockPrediction(w, id, 'fewer').catch(() => {});
  assert.match((await verdict(w, id, 0)).text, /Press Try 20 starts at a spread above 0\.20 first/);
  await tryStarts.click();
  await lockPrediction(w, id, 'fewer');
  await spread.fill('0.2');
  assert.equal((await verdict(w, id, 0)).result, null);  // not tried yet at 0.2
  await tryStarts.click();
  let v = await verdict(w, id);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /Spread 0\.45: 1 of 20 random starts got stuck; spread 0\.20: 7/);
  await spread.fill('0.45');
  await tryStarts.click();
  await lockPrediction(w, id, 'more');
  await spread.fill('0.2');
  await tryStarts.click();
  v = await verdict(w, id);
  assert.equal(v.result, 'held');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('k-means: trying the 20 starts on tight blobs before predicting shows the answer, so a later prediction is practice and is not recorded', async () => {
  const page = await openPage(site, '/lessons/frontier-kmeans.html');
  await recordReports(page);
  const w = cardAt(page, 1);
  const spread = w.getByRole('slider', { name: /blob spread/ });
  const tryStarts = w.getByRole('button', { name: 'Try 20 starts' });
  const id = 'kmeans-tight-blobs';
  await spread.fill('0.2');
  await tryStarts.click();                               // 7 of 20 stuck, on screen
  assert.match((await verdict(w, id, 0)).text, /practice and is not recorded/);
  await spread.fill('0.45');
  await tryStarts.click();
  await lockPrediction(w, id, 'more');
  await spread.fill('0.2');
  await tryStarts.click();
  await assertPractice(page, predictBox(w, id));
  await page.close();
});

// On the way from spread 0.45 (1 of 20 stuck) to 0.2 (7), spread 0.3 already has 5 stuck: starts
// tried there with nothing locked (blobs widened again, then a prediction), or a prediction changed
// there and locked again, are practice.
test('k-means: starts tried part-way to the tight blobs before locking, or a prediction changed part-way, make it practice', async () => {
  for (const order of ['tried first', 'changed part-way']) {
    const page = await openPage(site, '/lessons/frontier-kmeans.html');
    await recordReports(page);
    const w = cardAt(page, 1);
    const spread = w.getByRole('slider', { name: /blob spread/ });
    const tryStarts = w.getByRole('button', { name: 'Try 20 starts' });
    const id = 'kmeans-tight-blobs';
    const box = predictBox(w, id);
    await tryStarts.click();
    if (order === 'changed part-way') await lockPrediction(w, id, 'fewer');
    await spread.fill('0.3');
    await tryStarts.click();
    assert.match(await message(w), /^20 random starts: 5 ended in a worse local minimum/, order);
    if (order === 'tried first') {
      await spread.fill('0.45');
      await tryStarts.click();
    } else {
      await box.getByRole('button', { name: 'Change my prediction' }).click();
      assert.match(await box.getByRole('status').textContent(), /The 20 starts at spread 0\.30 were on screen before this prediction was locked in/);
    }
    await lockPrediction(w, id, 'more');
    await spread.fill('0.2');
    await tryStarts.click();
    await assertPractice(page, box);
    await page.close();
  }
});

// Wider blobs are not on the way to 0.2: starts tried at spread 0.9 first, then at 0.45 and a
// prediction locked there, is still a first try.
test('k-means: starts tried on wider blobs before locking in leave the prediction a first try', async () => {
  const page = await openFreshPage(site, '/lessons/frontier-kmeans.html');
  await listenForReports(page);
  const w = cardAt(page, 1);
  const spread = w.getByRole('slider', { name: /blob spread/ });
  const tryStarts = w.getByRole('button', { name: 'Try 20 starts' });
  const id = 'kmeans-tight-blobs';
  await spread.fill('0.9');
  await tryStarts.click();
  await spread.fill('0.45');
  await tryStarts.click();
  await lockPrediction(w, id, 'more');
  await spread.fill('0.2');
  await tryStarts.click();
  const v = await verdict(w, id);
  assert.equal(v.result, 'held');
  assert.doesNotMatch(v.text, /Practice/);
  assert.deepEqual((await reportedEvents(page)).filter((r) => r.type === 'dw:score').map((r) => [r.widget, r.score]), [['predict:kmeans-tight-blobs', 1]]);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Keyboard only, the lesson's "bad start": focus names the blobs and every centroid, the first
// Enter (a half-step) says each point joins its nearest centroid, 2 names the picked centroid and
// where it is among the blobs, and arrows that take centroid 1 into another centroid's blob say so (a held key
// once, when it is let go). Positions and blobs are the engine's.
test('k-means: by keyboard, the picked centroid, its position and its blob are announced; the first assign is worded as a first', async () => {
  const page = await openPage(site, '/lessons/frontier-kmeans.html');
  const w = cardAt(page, 1);
  const canvas = w.locator('canvas').first();
  const truth = await inEngine(page, (ml) => {
    const d = ml.makeBlobs(160, 4, 0.45, 7);
    const km = new ml.KMeans();
    try {
      km.setData(d.X, 2, []); km.setK(4); km.setInit('random'); km.reset(5);
      const sums = [0, 1, 2, 3].map(() => [0, 0, 0]);
      for (let i = 0; i < d.y.length; i++) { const s = sums[d.y[i]]; s[0] += d.X[2 * i]; s[1] += d.X[2 * i + 1]; s[2] += 1; }
      const centroids = Array.from(km.centroids());
      km.assignStep();
      return { blobs: sums.map(([x, y, n]) => [x / n, y / n]), centroids, inertia: km.inertia().toFixed(3) };
    } finally { km.delete(); }
  });
  const nearestBlob = (x, y) => {
    const d = truth.blobs.map(([bx, by]) => Math.hypot(bx - x, by - y));
    const b = d.indexOf(Math.min(...d));
    return { b, inside: d[b] <= 2.5 * 0.45 };
  };
  const one = (v) => v.toFixed(1);
  const two = (v) => v.toFixed(2);
  await canvas.focus();
  const opening = await message(w);
  assert.ok(opening.includes(`The 4 blobs are centred at ${truth.blobs.map(([x, y]) => `(${one(x)}, ${one(y)})`).join(', ')}`), opening);
  for (let j = 0; j < 4; j++) assert.ok(opening.includes(`Centroid ${j + 1} at (${two(truth.centroids[2 * j])}, ${two(truth.centroids[2 * j + 1])})`), opening);

  await page.keyboard.press('Enter'); // the first half-step: an assignment from no clusters at all
  assert.equal(await message(w), `Assign: every point joins its nearest centroid. Inertia ${truth.inertia}.`);

  await page.keyboard.press('2');
  const at2 = nearestBlob(truth.centroids[2], truth.centroids[3]);
  assert.match(await message(w), new RegExp(`^Picked: Centroid 2 at \\(${two(truth.centroids[2])}, ${two(truth.centroids[3])}\\), ${at2.inside ? 'in' : 'outside the blobs, [0-9.]+ from'} blob ${at2.b + 1} `));

  // Centroid 1 into the blob of another centroid (the first one that starts in a blob): to 0.3
  // right of that blob's centre, by tenths and ones.
  const target = [1, 2, 3].find((j) => nearestBlob(truth.centroids[2 * j], truth.centroids[2 * j + 1]).inside);
  const at1 = nearestBlob(truth.centroids[2 * target], truth.centroids[2 * target + 1]);
  const [x1, y1] = truth.blobs[at1.b];
  const [x2, y2] = [truth.centroids[0], truth.centroids[1]];
  await page.keyboard.press('1');
  const steps = (d) => Math.round(d / 0.1);
  const sx = steps(x1 + 0.3 - x2); const sy = steps(y1 - y2);
  const press = async (n, plus, minus) => {
    const key = n > 0 ? plus : minus;
    for (let i = 0; i < Math.floor(Math.abs(n) / 10); i++) await page.keyboard.press(`Shift+${key}`);
    for (let i = 0; i < Math.abs(n) % 10; i++) await page.keyboard.press(key);
  };
  await press(sx, 'ArrowRight', 'ArrowLeft');
  // The vertical part held down: the repeats are quiet, the last position is said once when let go.
  if (Math.abs(sy) > 1) assert.equal(await holdKey(page, w, sy > 0 ? 'ArrowUp' : 'ArrowDown', Math.abs(sy) - 1), await message(w));
  else await press(sy, 'ArrowUp', 'ArrowDown');
  const moved = await message(w);
  const m = /^Centroid 1 at \((-?[0-9.]+), (-?[0-9.]+)\), in blob (\d) \(centred at \(-?[0-9.]+, -?[0-9.]+\)\), with centroids? ([0-9, ]+)\. Your own start/.exec(moved);
  assert.ok(m, moved);
  assert.ok(Math.abs(Number(m[1]) - (x2 + sx * 0.1)) < 0.011 && Math.abs(Number(m[2]) - (y2 + sy * 0.1)) < 0.011, moved);
  assert.equal(Number(m[3]), at1.b + 1);
  assert.ok(m[4].split(', ').includes(String(target + 1)), moved);
  assert.ok(await noNaNInCards(page));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
