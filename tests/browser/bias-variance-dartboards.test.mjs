// Level 3 · Bias–variance: the four boards come from the engine's biasVariance (the table equals
// a fresh engine run with the same settings), darts land on Step/Play, and the bias and variance
// order the boards as their names say.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PLAY_TIMEOUT, startSite, widgetsReady } from './browser.mjs';
import { formatNumber } from '../../web/lib/format.js';
import { lockPrediction, verdict, assertPractice, assertFirstTry, changePrediction, predictBox, recordReports } from './predict-helpers.mjs';
import { cardByTitle, canvasIsDrawn, finish, openLesson, stat, inEngine } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const BOARDS = [[3, 40, 0.15], [3, 6, 0.7], [1, 40, 0.15], [1, 6, 0.7]];

for (const [width, reducedMotion] of [[1280, 'no-preference'], [375, 'reduce']]) {
  test(`dartboards at ${width} px (${reducedMotion} motion)`, async () => {
    const page = await openLesson(site, 'bias-variance', { width, reducedMotion });
    const w = cardByTitle(page, 'The bias–variance dartboard');
    await page.waitForFunction(() => /4 \/ 4/.test(document.querySelector('.dw-stat[data-stat="boards refitted"]')?.textContent || ''), null, { timeout: PLAY_TIMEOUT });
    const expected = await inEngine(page, (ml, boards) => ml.scoped((track) => {
      const poly = track(new ml.PolynomialRegression());
      return boards.map(([degree, n, noise], i) => {
        poly.setDegree(degree);
        poly.setLearningRate(0.5);
        poly.setTolerance(1e-5);
        const r = ml.biasVariance(poly, null, { xMin: 0, xMax: 2 * Math.PI, noise, sampleSize: n, refits: 30, gridSize: 41, seed: 1 + i, maxSteps: 20000, fixedX: true });
        // Darts whose miss (errors at grid points 10 and 30, x = π/2 and 3π/2) is beyond the outer ring at 1.5.
        let offBoard = 0;
        for (let k = 0; k < 30; k++) if (Math.hypot(r.predictions[k * 41 + 10] - r.truth[10], r.predictions[k * 41 + 30] - r.truth[30]) > 1.5) offBoard += 1;
        return [r.meanBias2, r.meanVariance, r.noiseVariance, offBoard];
      });
    }), BOARDS);
    const offBoard = expected.map((row) => row.pop());
    expected.forEach((row, i) => { expected[i] = row.map((v) => formatNumber(v, 3)); }); // as the site writes them (0.0225 → 0.023)
    // A far miss must read as far: high bias, high variance throws darts beyond the outer ring.
    assert.ok(offBoard[3] >= 3 && offBoard[0] === 0 && offBoard[2] === 0, `darts beyond the ring: ${offBoard}`);
    // What each board's last drawing wrote (its texts in order, halo strokes marked), to see the
    // off-board darts' counts and the axis names drawn over everything else.
    await page.evaluate(() => {
      const current = new Map();
      window.boardTexts = new Map();
      const wrap = (name, mark) => {
        const original = CanvasRenderingContext2D.prototype[name];
        CanvasRenderingContext2D.prototype[name] = function record(text, ...at) {
          const list = current.get(this.canvas) || [];
          list.push(mark + String(text));
          current.set(this.canvas, list);
          if (name === 'fillText' && text === 'error at x = π/2 →') { window.boardTexts.set(this.canvas, list); current.set(this.canvas, []); }
          return original.call(this, text, ...at);
        };
      };
      wrap('fillText', '');
      wrap('strokeText', 'halo:');
    });
    // Nothing answers the predict box before darts are thrown: no darts fly by themselves, and the
    // table (only the noise s², a setting), the board captions and the figures' labels give no
    // bias² or variance.
    const cells = () => w.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].slice(1).map((c) => c.textContent)));
    await page.waitForTimeout(500);
    assert.equal(await stat(w, 'darts thrown'), '0 / 30');
    assert.equal(await w.locator('.dw-message').textContent(), 'All four models are refitted. Press Play or Step to throw the darts; the table’s bias², variance and error fill in once every dart has landed.');
    assert.deepEqual(await cells(), expected.map(([, , noise]) => ['–', '–', noise, '–', '–']));
    assert.deepEqual(await w.locator('.bias-variance-dartboards-board-stats').allTextContents(), ['degree 3, 40 points, noise s = 0.15', 'degree 3, 6 points, noise s = 0.70', 'degree 1, 40 points, noise s = 0.15', 'degree 1, 6 points, noise s = 0.70']);
    assert.equal(await w.locator('canvas').nth(1).getAttribute('aria-label'), 'Low bias, high variance: 0 darts so far');
    const play = w.getByRole('button', { name: 'Play' });
    if (reducedMotion === 'reduce') for (let i = 0; i < 6; i++) await play.click();   // five darts a press
    else await play.click();
    await page.waitForFunction(() => /30 \/ 30/.test(document.querySelector('.dw-stat[data-stat="darts thrown"]').textContent), null, { timeout: PLAY_TIMEOUT });
    const rows = (await cells()).map((row) => row.slice(0, 3));
    // Darts beyond the outer ring are arrows at the edge with how many they stand for, counted
    // in the caption too; the axis names come last, over a halo.
    const drawn = await w.locator('canvas').evaluateAll((canvases) => canvases.map((c) => window.boardTexts.get(c) || []));
    drawn.forEach((texts, i) => {
      const counts = texts.filter((s) => /^\d+$/.test(s)).map(Number);
      assert.equal(counts.reduce((a, b) => a + b, 0), offBoard[i], `board ${i}: off-board counts drawn ${texts}`);
    });
    drawn.forEach((texts, i) => {
      assert.deepEqual(texts.slice(-4), ['halo:error at x = 3π/2 ↑', 'error at x = 3π/2 ↑', 'halo:error at x = π/2 →', 'error at x = π/2 →'], `board ${i}`);
    });
    const captions = await w.locator('.bias-variance-dartboards-board-stats').allTextContents();
    captions.forEach((text, i) => {
      if (offBoard[i] === 0) assert.doesNotMatch(text, /off the board/);
      else assert.ok(text.endsWith(` · ${offBoard[i]} ${offBoard[i] === 1 ? "dart" : "darts"} off the board (arrows at the edge)`), text);
    });
    assert.equal(await w.locator('canvas').nth(1).getAttribute('aria-label'), `Low bias, high variance: 30 darts; bias squared ${rows[1][0]}, variance ${rows[1][1]}`);
    assert.deepEqual(rows, expected);
    // Neighbouring columns' words stay apart: on a phone a dash ("–") two pixels before "0.490"
    // read as a negative noise, and "bias²" ran into "variance".
    const gaps = await w.locator('table').evaluate((table) => [...table.rows].flatMap((tr) => {
      const boxes = [...tr.cells].map((c) => { const r = document.createRange(); r.selectNodeContents(c); return r.getBoundingClientRect(); });
      return boxes.slice(1).map((b, i) => ({ between: `${tr.cells[i].textContent} | ${tr.cells[i + 1].textContent}`, gap: b.left - boxes[i].right }));
    }));
    const tight = gaps.filter((g) => g.gap < 8);
    assert.deepEqual(tight, [], `columns closer than 8 px at ${width} px`);
    const [lblv, lbhv, hblv, hbhv] = rows.map((r) => r.map(Number));
    assert.ok(hblv[0] > 10 * lblv[0] && hbhv[0] > 5 * lbhv[0], 'the line has the high bias');
    assert.ok(lbhv[1] > 20 * lblv[1] && hbhv[1] > 20 * hblv[1], 'scarce noisy data gives the high variance');
    const reset = w.getByRole('button', { name: 'Reset' });
    await reset.click();
    assert.equal(await stat(w, 'darts thrown'), '0 / 30');
    await w.getByRole('button', { name: 'Step', exact: true }).click();
    assert.equal(await stat(w, 'darts thrown'), '1 / 30');
    assert.equal(await w.locator('.dw-message').textContent(), '1 dart on each board so far. How far a cluster’s middle sits from the bull’s-eye is its bias; how widely its darts scatter is its variance.');
    // Every column of the table is in view (no hidden horizontal scroll), at 375 px too.
    const overflow = await w.locator('.dw-table-wrap').evaluate((el) => {
      const cells = el.querySelectorAll('thead th');
      return cells[cells.length - 1].getBoundingClientRect().right - el.getBoundingClientRect().right;
    });
    assert.ok(overflow <= 1, `table overflows by ${overflow} px`);
    assert.deepEqual(await w.locator('thead th').allTextContents(), ['board', 'bias²', 'variance', 'noise s²', 'sum (≈)', 'expected error']);
    await play.click();
    if (reducedMotion === 'reduce') assert.equal(await stat(w, 'darts thrown'), '6 / 30', 'reduced motion: Play throws a batch at once');
    else {
      await page.waitForFunction(() => /30 \/ 30/.test(document.querySelector('.dw-stat[data-stat="darts thrown"]').textContent), null, { timeout: PLAY_TIMEOUT });
      // The summary quotes both boards of a row, each number as the table shows it.
      const [cubicClean, cubicNoisy, lineClean, lineNoisy] = rows;
      assert.equal(await w.locator('.dw-message').textContent(), `All darts thrown. The line (bottom row) misses the truth with plenty of data or little: bias² ${lineClean[0]} and ${lineNoisy[0]}, against ${cubicClean[0]} and ${cubicNoisy[0]} for the cubic. Six noisy points (right column) scatter the fits: variance ${cubicNoisy[1]} against ${cubicClean[1]} with plenty of clean data for the cubic, ${lineNoisy[1]} against ${lineClean[1]} for the line.`);
    }
    for (let i = 0; i < 4; i++) assert.ok(await canvasIsDrawn(w.locator('canvas').nth(i)));
    await finish(page, `dartboards-${width}`);
  });
}

test('dartboards: predict the widest cluster on fresh training sets (missed, then held)', async () => {
  const page = await openLesson(site, 'bias-variance', { width: 1280, reducedMotion: 'reduce' });
  const w = cardByTitle(page, 'The bias–variance dartboard');
  const allRefitted = () => page.waitForFunction(() => /4 \/ 4/.test(document.querySelector('.dw-stat[data-stat="boards refitted"]')?.textContent || ''), null, { timeout: PLAY_TIMEOUT });
  const throwAll = async () => {
    await allRefitted();
    for (let i = 0; i < 6; i++) await w.getByRole('button', { name: 'Play' }).click();   // reduced motion: 5 darts a press
    assert.equal(await stat(w, 'darts thrown'), '30 / 30');
  };
  await allRefitted();
  const id = 'bias-variance-widest';
  await lockPrediction(w, id, 'hb-hv');                 // draws seed 2
  await throwAll();
  let v = await verdict(w, id);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /what happened: “Low bias, high variance/);
  assert.match(v.text, /low bias, high variance 0\.213, .*high bias, high variance 0\.138/);
  // 0.138 is 65% of 0.213: the line spreads less, not "barely".
  assert.match(v.text, /the stiff line spreads less \(0\.138, 65% of the cubic’s\): it cannot bend to the noise, only tilt and shift with it\./);
  await lockPrediction(w, id, 'lb-hv');                 // seed 3
  await throwAll();
  v = await verdict(w, id);
  assert.equal(v.result, 'held');
  await finish(page, 'bias-variance-predict');
});

// Any dart thrown with nothing locked hints at the spreads, so a later prediction is practice:
// four darts, Reset and four more (never five at once) count as seen too. The lesson's text that
// states the answer opens only once five darts per board show the spread.
test('dartboards: darts thrown before predicting make a later prediction practice, across Reset; five open the lesson text', async () => {
  const page = await openLesson(site, 'bias-variance', { width: 1280, reducedMotion: 'reduce' });
  // An earlier test on this browser saved a prediction for the box, which opens the text at load.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await widgetsReady(page);
  await recordReports(page);
  const w = cardByTitle(page, 'The bias–variance dartboard');
  const allRefitted = () => page.waitForFunction(() => /4 \/ 4/.test(document.querySelector('.dw-stat[data-stat="boards refitted"]')?.textContent || ''), null, { timeout: PLAY_TIMEOUT });
  await allRefitted();
  const id = 'bias-variance-widest';
  const box = predictBox(w, id);
  const status = () => box.getByRole('status').textContent();
  const reveal = page.locator('details.dw-reveal', { hasText: 'spreads the most, with variance 0.213' });
  assert.equal(await reveal.count(), 1);
  const step = w.getByRole('button', { name: 'Step', exact: true });
  assert.equal(await status(), '');
  await step.click();
  assert.equal(await status(), '1 dart per board landed before you predicted, and even a few hint at which board scatters most: a prediction made on this page now is practice and is not recorded, after Reset too.');
  for (let i = 0; i < 3; i++) await step.click();
  assert.equal(await stat(w, 'darts thrown'), '4 / 30');
  await w.getByRole('button', { name: 'Reset' }).click();
  for (let i = 0; i < 4; i++) await step.click();
  assert.equal(await stat(w, 'darts thrown'), '4 / 30');
  assert.match(await status(), /^1 dart per board landed before you predicted/);
  assert.equal(await reveal.evaluate((d) => d.open), false, 'four darts do not open the text that states the answer');
  await lockPrediction(w, id, 'lb-hv');                 // draws seed 2
  await allRefitted();
  for (let i = 0; i < 6; i++) await w.getByRole('button', { name: 'Play' }).click();
  await assertPractice(page, box);
  assert.equal(await reveal.evaluate((d) => d.open), true, 'the verdict opens the text');
  await page.close();
});

test('dartboards: five darts per board thrown before predicting say so and open the lesson text', async () => {
  const page = await openLesson(site, 'bias-variance', { width: 1280, reducedMotion: 'reduce' });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await widgetsReady(page);
  const w = cardByTitle(page, 'The bias–variance dartboard');
  await page.waitForFunction(() => /4 \/ 4/.test(document.querySelector('.dw-stat[data-stat="boards refitted"]')?.textContent || ''), null, { timeout: PLAY_TIMEOUT });
  const box = predictBox(w, 'bias-variance-widest');
  const reveal = page.locator('details.dw-reveal', { hasText: 'spreads the most, with variance 0.213' });
  await w.getByRole('button', { name: 'Play' }).click();   // reduced motion: five darts a press
  assert.equal(await stat(w, 'darts thrown'), '5 / 30');
  assert.equal(await box.getByRole('status').textContent(), '5 darts per board landed before you predicted, and their spread shows which board scatters most: a prediction made on this page now is practice and is not recorded.');
  assert.equal(await reveal.evaluate((d) => d.open), true);
  await page.close();
});

// Darts thrown under a lock hint at the answer too: one dart per board, then Change my prediction
// and a new lock (which draws fresh training sets) is practice. Locked and left alone, the same
// darts make a recorded first try.
test('dartboards: a prediction changed after darts landed under it is practice; one left alone is a first try', async () => {
  const page = await openLesson(site, 'bias-variance', { width: 1280, reducedMotion: 'reduce' });
  await recordReports(page);
  const w = cardByTitle(page, 'The bias–variance dartboard');
  const allRefitted = () => page.waitForFunction(() => /4 \/ 4/.test(document.querySelector('.dw-stat[data-stat="boards refitted"]')?.textContent || ''), null, { timeout: PLAY_TIMEOUT });
  const id = 'bias-variance-widest';
  await allRefitted();
  const box = await lockPrediction(w, id, 'hb-hv');     // draws seed 2
  await allRefitted();
  await w.getByRole('button', { name: 'Step', exact: true }).click();
  assert.equal(await stat(w, 'darts thrown'), '1 / 30');
  await changePrediction(box);
  assert.match(await box.getByRole('status').textContent(), /Part of the run was on screen while your prediction was locked in/);
  await lockPrediction(w, id, 'lb-hv');                 // draws seed 3
  await allRefitted();
  for (let i = 0; i < 6; i++) await w.getByRole('button', { name: 'Play' }).click();
  await assertPractice(page, box);
  await page.close();

  const honest = await openLesson(site, 'bias-variance', { width: 1280, reducedMotion: 'reduce' });
  // Saved progress keeps that the darts were on screen first (web/lib/predict.js): start afresh.
  await honest.evaluate(() => localStorage.removeItem('dw:lesson:bias-variance'));
  await recordReports(honest);
  const w2 = cardByTitle(honest, 'The bias–variance dartboard');
  await honest.waitForFunction(() => /4 \/ 4/.test(document.querySelector('.dw-stat[data-stat="boards refitted"]')?.textContent || ''), null, { timeout: PLAY_TIMEOUT });
  const box2 = await lockPrediction(w2, id, 'lb-hv');
  await honest.waitForFunction(() => /4 \/ 4/.test(document.querySelector('.dw-stat[data-stat="boards refitted"]')?.textContent || ''), null, { timeout: PLAY_TIMEOUT });
  for (let i = 0; i < 6; i++) await w2.getByRole('button', { name: 'Play' }).click();
  await assertFirstTry(honest, box2);
  await honest.close();
});
