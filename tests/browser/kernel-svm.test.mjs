// The kernel SVM (frontier-kernels lesson): boundary, support vectors and accuracy match the
// engine, the γ slider refits, and the γ = 0.05 prediction settles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { offMachineRequests, PLAY_TIMEOUT, startSite, openPage, openFreshPage } from './browser.mjs';
import { lockPrediction, lockChoice, boxVerdict, verdict, assertPractice, predictBox, recordReports } from './predict-helpers.mjs';
import { cardAt, stat, message, cardShot, ink, noNaNInCards, inEngine, reportedEvents } from './probes.mjs';
import { C_STOPS, GAMMA_STOPS } from '../../web/widgets/kernel-svm/stops.js';

// The γ and C tracks count slider stops: the track position of a value.
const gammaAt = (v) => String(GAMMA_STOPS.indexOf(v));
const cAt = (v) => String(C_STOPS.indexOf(v));

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('kernel SVM: trained boundary, support vectors and accuracy match the engine; γ slider refits', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/frontier-kernels.html', { width });
    const w = cardAt(page, 1);
    assert.ok(await ink(w, 0) > 20, 'heat map drawn');
    const expected = await inEngine(page, (ml) => {
      const d = ml.makeCircles(120, 0.1, 0.5, 4);
      const svm = new ml.KernelSVM();
      try {
        svm.setData(d.X, 2, d.y); svm.setKernel('rbf'); svm.setGamma(1); svm.setDegree(2); svm.setCoef0(0); svm.setC(1); svm.reset(0); svm.fit(400);
        const sv = svm.supportVectors().length;
        const acc = svm.score(d.X, d.y);
        svm.setGamma(100); svm.reset(0); svm.fit(400);
        return { sv: `${sv} of 120`, acc: `${(acc * 100).toFixed(1)}%`, sv100: `${svm.supportVectors().length} of 120` };
      } finally { svm.delete(); }
    });
    assert.equal(await stat(w, 'support vectors'), expected.sv);
    assert.equal(await stat(w, 'training accuracy'), expected.acc);
    assert.match(await message(w), /Converged/);
    await w.getByRole('slider', { name: /γ/ }).fill(gammaAt(100));
    assert.equal(await stat(w, 'support vectors'), expected.sv100);
    assert.match(await message(w), /hugs the training points/);
    // C = 1000 at γ = 100: the KKT test passes with primal − dual still 7.31 — not called converged.
    await w.getByRole('slider', { name: /^C/ }).fill(cAt(1000));
    assert.match(await message(w), /^Stopped, not at the optimum/);
    assert.match(await message(w), /primal − dual is still 7\.31/);
    assert.doesNotMatch(await message(w), /Converged/);
    assert.equal(await w.locator('.dw-message').first().getAttribute('data-tone'), 'warn');
    await w.getByRole('slider', { name: /^C/ }).fill(cAt(1));
    assert.match(await message(w), /^Converged/);
    await w.getByLabel('kernel').selectOption('linear');
    assert.match(await message(w), /No straight line separates/);
    await w.getByRole('button', { name: 'Reset' }).click();
    assert.match(await message(w), /Untrained/);
    await w.getByRole('button', { name: 'Step', exact: true }).click();
    assert.notEqual(await stat(w, 'SMO updates'), '0');
    await w.locator('canvas').first().focus();
    await page.keyboard.press('ArrowUp');
    assert.match(await message(w), /f\(x\) = /);
    await w.getByLabel('kernel').selectOption('rbf');
    await cardShot(w, `kernel-svm-${width}`);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('kernel SVM: predict what γ = 0.05 does to the support vectors (missed, then held)', async () => {
  const page = await openPage(site, '/lessons/frontier-kernels.html');
  const w = cardAt(page, 1);
  const gamma = w.getByRole('slider', { name: 'γ' });
  const id = 'kernel-svm-small-gamma';
  await lockPrediction(w, id, 'fewer');
  await gamma.fill(gammaAt(0.06));                      // one stop above 0.05: not yet
  assert.equal((await verdict(w, id, 0)).result, null);
  await gamma.fill(gammaAt(0.05));
  let v = await verdict(w, id);
  assert.equal(v.result, 'missed');
  assert.match(v.text, /γ = 1: 37 support vectors; γ = 0\.05: 120 support vectors of 120, with 68\.3% of the training points right/);
  await gamma.fill(gammaAt(1));
  await lockPrediction(w, id, 'more');
  await gamma.fill(gammaAt(0.05));
  v = await verdict(w, id);
  assert.equal(v.result, 'held');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('kernel SVM: the γ slider stops at 50, the lesson\'s setting, where 90 of the 120 points are support vectors; the readout is the γ trained with', async () => {
  const page = await openPage(site, '/lessons/frontier-kernels.html');
  const w = cardAt(page, 1);
  const gamma = w.getByRole('slider', { name: 'γ' });
  const readout = () => gamma.locator('xpath=..').locator('output').textContent();
  assert.equal(await readout(), '1');
  await gamma.focus();
  await page.keyboard.press('ArrowRight');                // one stop per arrow press
  assert.equal(await readout(), '1.2');
  assert.match(await message(w), /RBF, γ = 1\.2, C = 1\)/);
  await gamma.fill(gammaAt(45));
  await page.keyboard.press('ArrowRight');
  assert.equal(await readout(), '50');
  assert.equal(await stat(w, 'support vectors'), '90 of 120');
  assert.equal(await stat(w, 'training accuracy'), '100.0%');
  assert.match(await message(w), /^Converged \(RBF, γ = 50, C = 1\)/);
  assert.match(await message(w), /hugs the training points/);
  // The engine, given the γ the readout shows, finds the same support vectors.
  const sv = await inEngine(page, (ml) => {
    const d = ml.makeCircles(120, 0.1, 0.5, 4);
    const svm = new ml.KernelSVM();
    try {
      svm.setData(d.X, 2, d.y); svm.setKernel('rbf'); svm.setGamma(50); svm.setDegree(2); svm.setCoef0(0); svm.setC(1); svm.reset(0); svm.fit(400);
      return svm.supportVectors().length;
    } finally { svm.delete(); }
  });
  assert.equal(`${sv} of 120`, await stat(w, 'support vectors'));
  const C = w.getByRole('slider', { name: /^C/ });
  for (const [c, shown] of [[0.1, '0.1'], [0.01, '0.01'], [1000, '1\u202f000']]) {
    await C.fill(cAt(c));
    assert.equal(await C.locator('xpath=..').locator('output').textContent(), shown);
    assert.match(await message(w), new RegExp(`C = ${shown.replace('.', '\\.')}\\)`));
  }
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('kernel SVM: training at γ = 0.05 before predicting shows its support vectors, so a later prediction is practice and is not recorded', async () => {
  const page = await openPage(site, '/lessons/frontier-kernels.html');
  await recordReports(page);
  const w = cardAt(page, 1);
  const gamma = w.getByRole('slider', { name: 'γ' });
  const id = 'kernel-svm-small-gamma';
  await gamma.fill(gammaAt(0.05));                      // 120 of 120 on screen
  for (let t = 0; t < PLAY_TIMEOUT && !/practice/.test((await verdict(w, id, 0)).text); t += 100) await page.waitForTimeout(100);
  assert.match((await verdict(w, id, 0)).text, /practice and is not recorded/);
  await gamma.fill(gammaAt(1));
  for (let t = 0; t < PLAY_TIMEOUT; t += 100) { try { await lockPrediction(w, id, 'more'); break; } catch { await page.waitForTimeout(100); } }
  await gamma.fill(gammaAt(0.05));
  await assertPractice(page, predictBox(w, id));
  await page.close();
});

// γ = 0.1 already shows γ = 0.05's answer (every one of the 120 points a support vector): seen with
// nothing committed, a later prediction is practice; and the box takes a commit only above it.
test('kernel SVM: training at γ = 0.1 before predicting already shows all 120 support vectors, so a later prediction is practice', async () => {
  const page = await openPage(site, '/lessons/frontier-kernels.html');
  await recordReports(page);
  const w = cardAt(page, 1);
  const gamma = w.getByRole('slider', { name: 'γ' });
  const id = 'kernel-svm-small-gamma';
  await gamma.fill(gammaAt(0.1));
  for (let t = 0; t < PLAY_TIMEOUT && !/^Converged/.test(await message(w)); t += 100) await page.waitForTimeout(100);
  assert.equal(await stat(w, 'support vectors'), '120 of 120');
  const box = predictBox(w, id);
  assert.match((await verdict(w, id, 0)).text, /a γ of 0\.1 or less were on screen before you predicted/);
  await box.getByRole('combobox').selectOption('same');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.equal(await box.getAttribute('data-state'), null, 'no commit at γ = 0.1');
  assert.match((await verdict(w, id, 0)).text, /at a γ above 0\.1/);
  await gamma.fill(gammaAt(1));
  for (let t = 0; t < PLAY_TIMEOUT; t += 100) { try { await lockPrediction(w, id, 'more'); break; } catch { await page.waitForTimeout(100); } }
  await gamma.fill(gammaAt(0.05));
  await assertPractice(page, box);
  await page.close();
});

// The slide from γ = 1 down to 0.05 shows the count climbing at every stop (0.5: 53; 0.2: 101 of
// 120): a slide paused part-way with nothing locked (γ raised again, then a prediction), or a
// prediction changed part-way down and locked again, is practice. One stop per arrow press, as a
// learner slides.
test('kernel SVM: part of the slide down seen before locking, or a prediction changed part-way down, makes it practice', async () => {
  for (const order of ['slid first', 'changed part-way']) {
    const page = await openPage(site, '/lessons/frontier-kernels.html');
    await recordReports(page);
    const w = cardAt(page, 1);
    const gamma = w.getByRole('slider', { name: 'γ' });
    const id = 'kernel-svm-small-gamma';
    const box = predictBox(w, id);
    if (order === 'changed part-way') await lockPrediction(w, id, 'fewer');
    await gamma.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    assert.equal(await gamma.locator('xpath=..').locator('output').textContent(), '0.2');
    assert.equal(await stat(w, 'support vectors'), '101 of 120', order);
    if (order === 'slid first') await gamma.fill(gammaAt(1));
    else {
      await box.getByRole('button', { name: 'Change my prediction' }).click();
      assert.match(await box.getByRole('status').textContent(), /The support vectors at γ = 0\.2 were on screen before this prediction was locked in/);
    }
    await lockPrediction(w, id, 'more');
    await gamma.fill(gammaAt(0.05));
    await assertPractice(page, box);
    await page.close();
  }
});

// Larger γs are not part of the slide down: a learner who looked at γ = 50 first, then came back
// to γ = 1 and locked in, is still on a first try.
test('kernel SVM: γ raised and brought back before locking in leaves the prediction a first try', async () => {
  const page = await openFreshPage(site, '/lessons/frontier-kernels.html');
  await recordReports(page);
  const w = cardAt(page, 1);
  const gamma = w.getByRole('slider', { name: 'γ' });
  const id = 'kernel-svm-small-gamma';
  await gamma.fill(gammaAt(50));
  await gamma.fill(gammaAt(1));
  assert.equal(await predictBox(w, id).getByRole('status').textContent(), '');
  await lockPrediction(w, id, 'more');
  await gamma.fill(gammaAt(0.05));
  const v = await verdict(w, id);
  assert.equal(v.result, 'held');
  assert.doesNotMatch(v.text, /Practice/);
  assert.deepEqual((await reportedEvents(page)).filter((r) => r.type === 'dw:score').map((r) => [r.widget, r.score]), [['predict:kernel-svm-small-gamma', 1]]);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The lesson's Things to try, in order (audit 2, G 1): item 1 ends at C = 1 000 and γ = 100, and
// item 2's question and the reveal are about C = 1 (37 support vectors at γ = 1; all 120 at
// γ = 0.05, 68.3 % right). Left at C = 1 000, γ = 1 has 10 and γ = 0.05 still 10, all points
// right: the box used to take "rise" there, record it as 0 and open a reveal that contradicted the
// screen. It now takes a prediction only at C = 1, says so, and item 2's "set C back to 1 and γ
// back to 1" leads to a recorded, held prediction.
test('kernel SVM: the lesson\'s path in order: item 1 leaves C = 1 000, the box refuses there and says to set C back to 1; set back as item 2 says, "rise" holds and is recorded', async () => {
  // Reduced motion: Play trains at once. An earlier test on this browser saved a prediction for
  // the box, which opens the reveal at load: start with no progress saved.
  const page = await openFreshPage(site, '/lessons/frontier-kernels.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const w = cardAt(page, 1);
  const gamma = w.getByRole('slider', { name: 'γ' });
  const C = w.getByRole('slider', { name: /^C/ });
  const id = 'kernel-svm-small-gamma';
  const box = predictBox(w, id);
  const reveal = page.locator('details.dw-reveal', { hasText: 'all 120 points are support vectors' });
  assert.equal(await reveal.count(), 1);
  assert.equal(await reveal.evaluate((d) => d.open), false);
  // Item 1: Play at the defaults, then C = 1 000 and γ = 100.
  await w.getByRole('button', { name: 'Play' }).click();
  for (let t = 0; t < PLAY_TIMEOUT && !/^Converged/.test(await message(w)); t += 100) await page.waitForTimeout(100);
  assert.match(await message(w), /^Converged \(RBF, γ = 1, C = 1\).*primal − dual is down to 0\.0010/);
  await C.fill(cAt(1000));
  await gamma.fill(gammaAt(100));
  assert.match(await message(w), /primal − dual is still 7\.31/);
  // Item 2 without setting C back: γ = 1 shows 10 support vectors, not the lesson's 37.
  await gamma.fill(gammaAt(1));
  assert.equal(await stat(w, 'support vectors'), '10 of 120');
  await lockChoice(w, id, 'more');
  assert.equal(await box.getAttribute('data-state'), null, 'no prediction taken at C = 1 000');
  assert.equal((await boxVerdict(box)).text, 'This prediction is about the RBF kernel on the circles at C = 1, and here C is 1\u202f000. Set C back to 1 first, then lock in your prediction.');
  // Sliding down there shows 10 of 120, all right: not the question's outcome, so nothing is
  // settled, seen or opened.
  await gamma.fill(gammaAt(0.05));
  assert.equal(await stat(w, 'support vectors'), '10 of 120');
  assert.equal(await stat(w, 'training accuracy'), '100.0%');
  assert.equal(await box.getAttribute('data-result'), null);
  assert.equal(await reveal.evaluate((d) => d.open), false, 'the reveal stays closed at C = 1 000');
  // Item 2 as the lesson now says it: C back to 1 and γ back to 1 (γ first here: C = 1 at
  // γ = 0.05 would put the answer on screen before the lock).
  await gamma.fill(gammaAt(1));
  await C.fill(cAt(1));
  assert.equal(await stat(w, 'support vectors'), '37 of 120');
  await lockPrediction(w, id, 'more');
  await gamma.fill(gammaAt(0.05));
  const v = await verdict(w, id);
  assert.equal(v.result, 'held');
  assert.match(v.text, /C = 1, γ = 1: 37 support vectors; γ = 0\.05: 120 support vectors of 120, with 68\.3% of the training points right/);
  assert.doesNotMatch(v.text, /Practice/);
  assert.equal(await stat(w, 'support vectors'), '120 of 120');
  assert.equal(await stat(w, 'training accuracy'), '68.3%');
  assert.equal(await reveal.evaluate((d) => d.open), true, 'the verdict opens the reveal, which agrees with the screen');
  assert.deepEqual((await reportedEvents(page)).filter((r) => r.type === 'dw:score').map((r) => [r.widget, r.score]), [['predict:kernel-svm-small-gamma', 1]]);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The gate at its boundaries, as the C slider shows it: the stops on either side of 1 (0.8 and
// 1.2) refuse a commit, 1 takes it; a prediction locked at C = 1 and run at 1.2 (where γ = 0.05
// also has 120 support vectors) is not settled, with a word on how to get back; so is one run on
// the polynomial kernel; set back, the same run settles it.
test('kernel SVM: the prediction is taken and judged only at C = 1 and the RBF kernel (C = 0.8 and 1.2 refuse or do not settle, with how to get back)', async () => {
  const page = await openFreshPage(site, '/lessons/frontier-kernels.html');
  await recordReports(page);
  const w = cardAt(page, 1);
  const gamma = w.getByRole('slider', { name: 'γ' });
  const C = w.getByRole('slider', { name: /^C/ });
  const readC = () => C.locator('xpath=..').locator('output').textContent();
  const id = 'kernel-svm-small-gamma';
  const box = predictBox(w, id);
  for (const [c, shown] of [[0.8, '0.8'], [1.2, '1.2']]) {
    await C.fill(cAt(c));
    assert.equal(await readC(), shown);
    await lockChoice(w, id, 'more');
    assert.equal(await box.getAttribute('data-state'), null, `no commit at C = ${shown}`);
    assert.match((await boxVerdict(box)).text, new RegExp(`here C is ${shown.replace('.', '\\.')}\\. Set C back to 1 first`));
  }
  await w.getByLabel('kernel').selectOption('poly');
  await lockChoice(w, id, 'more');
  assert.match((await boxVerdict(box)).text, /here the kernel is not RBF and C is 1\.2\. Choose the RBF kernel and set C back to 1 first/);
  await w.getByLabel('kernel').selectOption('rbf');
  await C.fill(cAt(1));
  assert.equal(await readC(), '1');
  await lockPrediction(w, id, 'more');
  // Locked at C = 1, run at C = 1.2: another experiment, not settled.
  await C.fill(cAt(1.2));
  await gamma.fill(gammaAt(0.05));
  assert.equal(await stat(w, 'support vectors'), '120 of 120');
  assert.equal(await box.getAttribute('data-state'), 'committed');
  assert.equal((await boxVerdict(box)).text, 'This run does not test your prediction: it is about the RBF kernel on the circles at C = 1, and here C is 1.2. Set C back to 1, and the run at γ = 0.05 will settle it.');
  await w.getByLabel('kernel').selectOption('poly');
  assert.equal(await box.getAttribute('data-state'), 'committed');
  assert.match((await boxVerdict(box)).text, /here the kernel is not RBF and C is 1\.2\. Choose the RBF kernel and set C back to 1, and the run at γ = 0\.05 will settle it/);
  assert.deepEqual((await reportedEvents(page)).filter((r) => r.type === 'dw:score'), []);
  await w.getByLabel('kernel').selectOption('rbf');
  await C.fill(cAt(1));
  const v = await verdict(w, id);
  assert.equal(v.result, 'held');
  assert.deepEqual((await reportedEvents(page)).filter((r) => r.type === 'dw:score').map((r) => [r.widget, r.score]), [['predict:kernel-svm-small-gamma', 1]]);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// γ multiplies the squared distance in exp(−γ‖a−b‖²): it is an inverse width, so the embedding
// option's description (docs/embedding.md) must not call it the kernel's width.
test('kernel SVM: the gamma option is described as an inverse width (larger γ, narrower bumps)', async () => {
  const { schema } = await import('../../web/widgets/kernel-svm.js');
  const d = schema.gamma.description;
  assert.doesNotMatch(d, /^kernel width/i);
  assert.match(d, /inverse width: a larger γ gives narrower bumps/);
});
