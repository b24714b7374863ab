// Feature scaling (scaling-and-cv lesson): standardising changes the k-NN neighbours and lifts
// its accuracy, as the engine computes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, openPage } from './browser.mjs';
import { lockPrediction, verdict } from './predict-helpers.mjs';
import { stat, canvasIsDrawn, inEngine, assertClean, listenForReports, reportedEvents } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('Feature scaling: standardising changes the k-NN neighbours and lifts its accuracy', async () => {
  const page = await openPage(site, '/lessons/scaling-and-cv.html');
  const card = page.locator('.dw-card').filter({ hasText: 'Feature scaling' });
  assert.ok(await canvasIsDrawn(card.locator('canvas')));
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
  const labelRaw = await card.locator('canvas').getAttribute('aria-label');
  await card.getByRole('button', { name: 'Standardise features' }).click();
  assert.equal(await stat(card, 'features'), 'standardised');
  assert.notEqual(await card.locator('canvas').getAttribute('aria-label'), labelRaw);
  await screenshot(page, 'feature-scaling-1280');
  await assertClean(page);
  await page.close();
});

