// Widen the street (svm lesson): keys move the line, Optimal is the engine's LinearSVM, C softens
// the margin, a start that is not the learner's records nothing, and the C prediction settles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, widgetsReady } from './browser.mjs';
import { lockPrediction, verdict } from './predict-helpers.mjs';
import { stat, canvasIsDrawn, inEngine, assertClean, listenForReports, reportedEvents } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('Widen the street: the starting line is not the learner\'s, so Optimal at once records nothing', async () => {
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/svm.html`);
  await widgetsReady(page);
  await listenForReports(page);
  const card = page.locator('.dw-card').filter({ hasText: 'Widen the street' });
  assert.equal(await stat(card, 'best correct margin'), '–');
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
  const before = await stat(card, 'your margin');
  await canvas.focus();
  await page.keyboard.press('Shift+ArrowUp');
  assert.notEqual(await stat(card, 'your margin') + await stat(card, 'wrong side'), before + '0');
  await card.getByRole('button', { name: 'Optimal', exact: true }).click();
  const expected = await inEngine(page, (ml) => {
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
  assert.equal(await stat(card, 'SVM margin'), expected.hard.width);
  assert.equal(await stat(card, 'violations'), '0');
  assert.match(await card.locator('.dw-message').textContent(), new RegExp(`${expected.hard.sv} support vectors`));
  // The game reports the learner's best correct street as a share of the SVM's, and only that.
  const mine = await stat(card, 'best correct margin');
  const reports = await reportedEvents(page);
  assert.notEqual(mine, '–', 'the moved line still separates the classes, so there is a street to compare');
  const score = Math.min(100, Math.floor((100 * Number(mine)) / Number(expected.hard.width)));
  assert.deepEqual(reports.filter((r) => r.type === 'dw:score').map((r) => [r.widget, r.title, r.max]), [['widen-the-street', 'Widen the street', 100]]);
  assert.ok(Math.abs(reports[0].score - score) <= 1, `${reports[0].score} vs ${score}`);
  assert.equal(reports.some((r) => r.type === 'dw:complete'), reports[0].score >= 98);
  await card.getByRole('slider', { name: /C \(soft margin\)/ }).fill('-2'); // log scale: 10^-2
  assert.equal(await stat(card, 'SVM margin'), expected.soft.width);
  assert.equal(await stat(card, 'violations'), expected.soft.violations);
  assert.equal((await reportedEvents(page)).length, reports.length, 'a street with violations is not the widest empty one: no new result');
  // A line's angle has no arrow: the slider stops at 179.5° and reads through formatAxisAngle.
  const angle = card.getByRole('slider', { name: /line angle/ });
  assert.equal(await angle.getAttribute('max'), '179.5');
  assert.ok(Number(expected.soft.width) > Number(expected.hard.width));
  // The learner's best correct margin never beats the SVM's maximum margin.
  const best = await stat(card, 'best correct margin');
  if (best !== '–') assert.ok(Number(best) <= Number(expected.hard.width) + 1e-3);
  await screenshot(page, 'svm-1280');
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
