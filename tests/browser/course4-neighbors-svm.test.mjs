import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, widgetsReady } from './browser.mjs';
import { statText, canvasIsDrawn, withEngine, assertClean, listenForReports, reportedEvents } from './course4-helpers.mjs';
import { lockPrediction, verdict } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('k-NN vote: dragging and keys move the query; the vote is the engine\'s for that point', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/knn.html`);
    await widgetsReady(page);
    const card = page.locator('.dw-card').filter({ hasText: 'Vote of the neighbours' });
    const canvas = card.locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    assert.ok(await canvasIsDrawn(canvas));
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.35, { steps: 4 });
    await page.mouse.up();
    await canvas.focus();
    await page.keyboard.press('Shift+ArrowDown');
    assert.match(await canvas.getAttribute('aria-label'), /^Query at \(/);
    const [qx, qy] = (await canvas.getAttribute('data-query')).split(',');
    await card.getByRole('slider', { name: /k \(neighbours\)/ }).fill('7');
    const shown = [await statText(card, 'votes ▲ orange'), await statText(card, 'votes ● blue')].map(Number);
    assert.equal(shown[0] + shown[1], 7);
    const expected = await withEngine(page, (ml, { q }) => {
      const knn = new ml.KNearestNeighbors();
      try {
        const d = ml.makeMoons(70, 0.3, 2);
        knn.setData(d.X, 2, d.y); knn.setK(7); knn.step();
        return { votes: [...knn.votes(q)], neighbours: [...knn.neighbors(q).indices] };
      } finally { knn.delete(); }
    }, { q: [Number(qx), Number(qy)] });
    assert.deepEqual(shown, expected.votes);
    assert.equal(await statText(card, 'prediction'), expected.votes[1] > expected.votes[0] ? 'blue ●' : 'orange ▲');
    await card.getByRole('slider', { name: /k \(neighbours\)/ }).fill('1');
    assert.match(await card.locator('.dw-message').textContent(), /k = 1/);
    await screenshot(page, `course4-knn-${width}`);
    await assertClean(page);
    await page.close();
  }
});

test('Widen the street: the starting line is not the learner\'s, so Optimal at once records nothing', async () => {
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/svm.html`);
  await widgetsReady(page);
  await listenForReports(page);
  const card = page.locator('.dw-card').filter({ hasText: 'Widen the street' });
  assert.equal(await statText(card, 'best correct margin'), '–');
  await card.getByRole('button', { name: 'Optimal', exact: true }).click();
  assert.match(await card.locator('.dw-message').textContent(), /not yet moved the line/);
  assert.deepEqual(await reportedEvents(page), []);
  assert.match(await page.locator('.lesson-activities').textContent(), /Widen the street \(not finished yet\)|widen the street \(not finished yet\)/i);
  await assertClean(page);
  await page.close();
});

test('Widen the street: keys move the line; Optimal is the engine\'s LinearSVM; C softens the margin', async () => {
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/svm.html`);
  await widgetsReady(page);
  await listenForReports(page);
  const card = page.locator('.dw-card').filter({ hasText: 'Widen the street' });
  const canvas = card.locator('canvas');
  assert.ok(await canvasIsDrawn(canvas));
  const before = await statText(card, 'your margin');
  await canvas.focus();
  await page.keyboard.press('Shift+ArrowUp');
  assert.notEqual(await statText(card, 'your margin') + await statText(card, 'wrong side'), before + '0');
  await card.getByRole('button', { name: 'Optimal', exact: true }).click();
  const expected = await withEngine(page, (ml) => {
    const svm = new ml.LinearSVM();
    try {
      const d = ml.makeBlobs(40, 2, 0.75, 8);
      svm.setData(d.X, 2, d.y); svm.setC(1000); svm.fit(100000);
      const hard = { width: svm.marginWidth().toFixed(3), sv: svm.supportVectors().length };
      svm.setC(0.01); svm.fit(100000);
      const f = svm.decisionFunction(d.X);
      let v = 0;
      for (let i = 0; i < d.rows; i++) if ((d.y[i] === 1 ? 1 : -1) * f[i] < 1 - 1e-3) v += 1;
      return { hard, soft: { width: svm.marginWidth().toFixed(3), violations: String(v) } };
    } finally { svm.delete(); }
  });
  assert.equal(await statText(card, 'SVM margin'), expected.hard.width);
  assert.equal(await statText(card, 'violations'), '0');
  assert.match(await card.locator('.dw-message').textContent(), new RegExp(`${expected.hard.sv} support vectors`));
  // The game reports the learner's best correct street as a share of the SVM's, and only that.
  const mine = await statText(card, 'best correct margin');
  const reports = await reportedEvents(page);
  assert.notEqual(mine, '–', 'the moved line still separates the classes, so there is a street to compare');
  const score = Math.min(100, Math.floor((100 * Number(mine)) / Number(expected.hard.width)));
  assert.deepEqual(reports.filter((r) => r.type === 'dw:score').map((r) => [r.widget, r.title, r.max]), [['widen-the-street', 'Widen the street', 100]]);
  assert.ok(Math.abs(reports[0].score - score) <= 1, `${reports[0].score} vs ${score}`);
  assert.equal(reports.some((r) => r.type === 'dw:complete'), reports[0].score >= 98);
  await card.getByRole('slider', { name: /C \(soft margin\)/ }).fill('-2'); // log scale: 10^-2
  assert.equal(await statText(card, 'SVM margin'), expected.soft.width);
  assert.equal(await statText(card, 'violations'), expected.soft.violations);
  assert.equal((await reportedEvents(page)).length, reports.length, 'a street with violations is not the widest empty one: no new result');
  // A line's angle has no arrow: the slider stops at 179.5° and reads through formatAxisAngle.
  const angle = card.getByRole('slider', { name: /line angle/ });
  assert.equal(await angle.getAttribute('max'), '179.5');
  assert.ok(Number(expected.soft.width) > Number(expected.hard.width));
  // The learner's best correct margin never beats the SVM's maximum margin.
  const best = await statText(card, 'best correct margin');
  if (best !== '–') assert.ok(Number(best) <= Number(expected.hard.width) + 1e-3);
  await screenshot(page, 'course4-svm-1280');
  await assertClean(page);
  await page.close();
});

test('Feature scaling: standardising changes the k-NN neighbours and lifts its accuracy', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/scaling-and-cv.html`);
  await widgetsReady(page);
  const card = page.locator('.dw-card').filter({ hasText: 'Feature scaling' });
  assert.ok(await canvasIsDrawn(card.locator('canvas')));
  const expected = await withEngine(page, (ml) => {
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
  assert.equal(await statText(card, 'test accuracy, raw'), expected.raw);
  assert.equal(await statText(card, 'test accuracy, standardised'), expected.scaled);
  assert.ok(parseFloat(expected.scaled) > parseFloat(expected.raw) + 3, `scaling should help clearly: ${expected.raw} → ${expected.scaled}`);
  const labelRaw = await card.locator('canvas').getAttribute('aria-label');
  await card.getByRole('button', { name: 'Standardise features' }).click();
  assert.equal(await statText(card, 'features'), 'standardised');
  assert.notEqual(await card.locator('canvas').getAttribute('aria-label'), labelRaw);
  await screenshot(page, 'course4-feature-scaling-1280');
  await assertClean(page);
  await page.close();
});

test('k-NN vote: predict the share of the plane that changes class when k goes to 25 (missed, then held)', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/knn.html`);
  await widgetsReady(page);
  const card = page.locator('.dw-card').filter({ hasText: 'Vote of the neighbours' });
  const k = card.getByRole('slider', { name: /k \(neighbours\)/ });
  const id = 'knn-raise-k';
  await lockPrediction(card, id, 'many');
  await k.fill('12');                                   // not yet 25: no verdict
  assert.equal((await verdict(card, id, 0)).result, null);
  await k.fill('25');
  let v = await verdict(card, id);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /From k = 5 to k = 25, 11\.5% of the 3,?600 grid cells changed class/);
  await k.fill('5');
  await lockPrediction(card, id, 'some');
  await k.fill('25');
  v = await verdict(card, id);
  assert.equal(v.result, 'held');
  await assertClean(page);
  await page.close();
});

test('Widen the street: predict what lowering C to 1 does to the optimal street (held, then missed)', async () => {
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/svm.html`);
  await widgetsReady(page);
  const card = page.locator('.dw-card').filter({ hasText: 'Widen the street' });
  const C = card.getByRole('slider', { name: /C \(soft margin\)/ });
  const id = 'svm-lower-c';
  await lockPrediction(card, id, 'same').catch(() => {});
  assert.match((await verdict(card, id, 0)).text, /Press Optimal with C above 1 first/);
  await card.getByRole('button', { name: 'Optimal', exact: true }).click();   // reduced motion: solved at once
  await lockPrediction(card, id, 'same');
  await C.fill('1');                                    // log scale: C = 10, still above 1
  assert.equal((await verdict(card, id, 0)).result, null);
  await C.fill('0');                                    // C = 1
  let v = await verdict(card, id);
  assert.equal(v.result, 'held');
  assert.match(v.text, /At C = 1000 the street was 2\.733 wide; at C = 1\.00 it is 2\.733, with 0 points inside it/);
  await C.fill('3');
  await lockPrediction(card, id, 'same');
  await C.fill('-1');                                   // C = 0.1
  v = await verdict(card, id);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /it is 3\.171, with 3 points inside it/);
  await assertClean(page);
  await page.close();
});
