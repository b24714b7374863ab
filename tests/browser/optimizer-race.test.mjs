import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { offMachineRequests, PLAY_TIMEOUT, screenshot, startSite, widgetsReady, openPage, openFreshPage } from './browser.mjs';
import { canvasInk, statReader, noNaNInCards, clickTimes, reportedEvents } from './probes.mjs';
import { assertFirstTry, assertPractice, changePrediction, lockPrediction, predictBox, recordReports } from './predict-helpers.mjs';
import { closestPairs, lineKeys, recordStrokes, reservedColours, strokesSeen } from './series-styles.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('optimizer-race: every optimiser’s loss matches the engine; start moves by keyboard; surfaces switch', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/optimizer-race.html', { width });
    const stat = statReader(page);
    const ink = await canvasInk(page, '.dw-stage canvas');
    assert.ok(ink.colours > 10, 'the loss surface is drawn');
    const stepBtn = page.getByRole('button', { name: 'Step', exact: true });
    await clickTimes(stepBtn, 20);
    const expected = await page.evaluate(async () => {
      const { loadEngine } = await import('/engine/index.js');
      const ml = await loadEngine();
      const out = {};
      ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adagrad', 'adam'].forEach((name, i) => {
        const s = new ml.OptimizerSurface();
        try {
          s.setFunction('ravine');
          const info = s.info();
          s.startPath(info.startX, info.startY, name, 0.05, { noise: 0, seed: 1 + i });
          let last = 0;
          for (let k = 0; k < 20; k++) last = s.stepPath().loss;
          out[name] = last.toFixed(4);
        } finally { s.delete(); }
      });
      return out;
    });
    assert.equal(await stat('SGD'), expected.sgd);
    assert.equal(await stat('momentum'), expected.momentum);
    assert.equal(await stat('Nesterov'), expected.nesterov);
    assert.equal(await stat('RMSProp'), expected.rmsprop);
    assert.equal(await stat('AdaGrad'), expected.adagrad);
    assert.equal(await stat('Adam'), expected.adam);
    assert.match(await page.locator('.dw-message').first().textContent(), /Step 20: .* leads/);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => /Step (1\d\d|[2-9]\d\d)/.test(document.querySelector('.dw-message').textContent), null, { timeout: PLAY_TIMEOUT });
    await page.getByRole('button', { name: 'Pause' }).click();
    await screenshot(page, `optimizers-${width}`);
    // Keyboard moves the start: the paths restart from there.
    await page.locator('canvas[tabindex="0"]').focus();
    await page.keyboard.press('Shift+ArrowUp');
    assert.match(await page.locator('.dw-message').first().textContent(), /All six start at/);
    // A learning rate far too large: the message names who diverged.
    await page.getByRole('slider', { name: /learning rate/ }).fill('0');  // log track: 10^0 = 1
    await clickTimes(stepBtn, 30);
    assert.match(await page.locator('.dw-message').first().textContent(), /Diverged: .*SGD/);
    await page.getByLabel('surface', { exact: true }).selectOption('rosenbrock');
    assert.match(await page.locator('.dw-message').first().textContent(), /η = 0\.0010/);
    // The saddle's start is on y = 0: stepping says why nobody leaves the ridge.
    await page.getByLabel('surface', { exact: true }).selectOption('saddle');
    for (let i = 0; i < 3; i++) await stepBtn.click();
    assert.match(await page.locator('.dw-message').first().textContent(), /no y-part.*minima at \(0, ±1\)/);
    assert.ok(await page.getByRole('slider', { name: /gradient noise s/ }).count());
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('optimizer-race: predict, then check — on the saddle without noise all six stay on the ridge (held and missed)', async () => {
  const page = await openPage(site, '/lessons/optimizer-race.html', { reducedMotion: 'reduce' });
  const box = page.locator('[data-predict="optimizer-saddle"]');
  const status = () => box.getByRole('status').textContent();
  const race = async () => {
    await page.getByRole('button', { name: 'Reset' }).click();
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Play' }).click(); // 100 steps each under reduced motion
  };
  await box.getByRole('combobox', { name: /six optimisers will be/ }).selectOption('saddle');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.match(await status(), /Your prediction: all stuck at the saddle point\. Now choose the saddle surface/);
  // A finished race on the ravine does not settle it.
  await race();
  assert.equal(await box.getAttribute('data-state'), 'committed');
  await page.getByLabel('surface', { exact: true }).selectOption('saddle');
  await race();
  const verdict = /Your prediction held: you said “all stuck at the saddle point”.*In that race \(saddle, η = 0\.0500, no gradient noise, start \(-1\.50, 0\.00\)\), none of the six optimisers left the ridge y = 0\./;
  assert.match(await status(), verdict);
  assert.equal(await box.getAttribute('data-result'), 'held');
  // With noise 0.1 all six leave the ridge: the verdict still on screen names the noise-free run
  // it judged, rather than saying "none left" under a run where all did.
  await page.getByRole('slider', { name: /gradient noise s/ }).fill('0.1');
  await race();
  const stat = statReader(page);
  for (const name of ['SGD', 'momentum', 'Nesterov', 'RMSProp', 'AdaGrad', 'Adam']) assert.match(await stat(name), /^-0\.24/, `${name} ends near a minimum (loss −1/4)`);
  assert.match(await status(), verdict);
  await page.getByLabel('surface', { exact: true }).selectOption('bowl');
  assert.match(await status(), verdict);
  await page.getByRole('slider', { name: /gradient noise s/ }).fill('0');
  await page.getByLabel('surface', { exact: true }).selectOption('saddle');
  await box.getByRole('combobox').selectOption('minimum');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await race();
  assert.match(await status(), /did not hold: you said “all at a minimum”; what happened: “all stuck at the saddle point”/);
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Run, then reset, then predict: the outcome was on screen first, so the prediction is practice
// and nothing is recorded (a widget's own goal may still report).
test('optimiser race: part of the saddle race seen before locking in makes the prediction practice', async () => {
  const page = await openPage(site, '/lessons/optimizer-race.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const box = page.locator('[data-predict="optimizer-saddle"]');
  await page.getByLabel('surface', { exact: true }).selectOption('saddle');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  assert.match(await box.getByRole('status').textContent(), /The race on the saddle without noise was on screen before a prediction was locked in/);
  await lockPrediction(page, 'optimizer-saddle', 'saddle');
  await page.getByRole('button', { name: 'Reset' }).click();
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Play' }).click();
  await assertPractice(page, box, { result: null, othersMayReport: true, wait: 120000 });
  await page.close();
});

test('optimiser race: a saddle race started off the line y = 0 is another experiment: it neither answers nor settles the prediction', async () => {
  const page = await openPage(site, '/lessons/optimizer-race.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const box = page.locator('[data-predict="optimizer-saddle"]');
  const status = () => box.getByRole('status').textContent();
  const race = async () => { for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Play' }).click(); };
  const map = page.locator('.dw-card canvas').first();
  await page.getByLabel('surface', { exact: true }).selectOption('saddle');
  await map.focus();
  await page.keyboard.press('ArrowUp');
  await race();
  assert.doesNotMatch(await status(), /was on screen before a prediction was locked in/);
  await lockPrediction(page, 'optimizer-saddle', 'minimum');
  await page.getByRole('button', { name: 'Reset' }).click();
  await race();
  assert.equal(await box.getAttribute('data-state'), 'committed');
  assert.match(await status(), /does not test your prediction: it starts at \(-1\.50, 0\.\d\d\), off the line y = 0/);
  // Back on the ridge: the race settles the box, and that first verdict is what is recorded.
  await map.focus();
  await page.keyboard.press('ArrowDown');
  await race();
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await status(), /start \(-1\.50, 0\.00\)\), none of the six optimisers left the ridge/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// A prediction changed part-way through a race on the ridge (the six paths after 100 steps on
// screen), then locked again after Reset, is practice; changed before any step it stays a first
// try, and is recorded.
test('optimiser race: a saddle prediction changed part-way through the race is practice after Reset; changed before a step it is a first try', async () => {
  for (const partWay of [true, false]) {
    // No prediction saved by an earlier test (a recorded one makes every later verdict practice).
    const page = await openFreshPage(site, '/lessons/optimizer-race.html', { reducedMotion: 'reduce' });
    await recordReports(page);
    const id = 'optimizer-saddle';
    const box = predictBox(page, id);
    await page.getByLabel('surface', { exact: true }).selectOption('saddle');
    await lockPrediction(page, id, 'minimum');
    if (partWay) {
      await page.getByRole('button', { name: 'Play' }).click(); // 100 steps under reduced motion
      assert.equal(await box.getAttribute('data-state'), 'committed');
    }
    await changePrediction(box);
    await page.getByRole('button', { name: 'Reset' }).click();
    await lockPrediction(page, id, 'saddle');
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Play' }).click();
    if (partWay) await assertPractice(page, box, { othersMayReport: true, wait: 120000 });
    else await assertFirstTry(page, box, { wait: 120000 });
    await page.close();
  }
});

// Try 3 of the lesson leaves gradient noise at 0.5, and choosing the saddle keeps it. A noisy race
// knocks all six off the ridge, the opposite of the reveal: the box does not settle and says to set
// the noise back to 0 (also at the slider's smallest noise, 0.05); at 0 it settles, and that first
// verdict is what is recorded.
test('optimiser race: after the noisy-bowl try, a saddle race with noise does not settle the prediction and says so; at noise 0 it does', async () => {
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/optimizer-race.html`);
  // A verdict saved by an earlier test opens the reveal on load: start from no saved progress.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await widgetsReady(page);
  await recordReports(page);
  const id = 'optimizer-saddle';
  const box = predictBox(page, id);
  const status = () => box.getByRole('status').textContent();
  const reveal = page.locator('details.dw-reveal', { hasText: 'The widget counts how many left the ridge: none do.' });
  assert.equal(await reveal.count(), 1);
  const race = async () => { for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Play' }).click(); };
  const noise = page.getByRole('slider', { name: /gradient noise s/ });
  // Try 3: noise 0.5 on the bowl.
  await page.getByLabel('surface', { exact: true }).selectOption('bowl');
  await noise.fill('0.5');
  await race();
  await lockPrediction(page, id, 'saddle');
  assert.match(await status(), /Now set gradient noise back to 0, choose the saddle surface and press Play until the race ends\./);
  // The audit's script: the saddle chosen, the noise left on.
  await page.getByLabel('surface', { exact: true }).selectOption('saddle');
  assert.equal(await noise.inputValue(), '0.5', 'a new surface keeps the noise');
  await race();
  const stat = statReader(page);
  for (const name of ['SGD', 'momentum', 'Nesterov', 'RMSProp', 'AdaGrad', 'Adam']) assert.match(await stat(name), /^-0\.2/, `${name} left the ridge for a minimum (loss near −1/4)`);
  assert.equal(await box.getAttribute('data-state'), 'committed');
  assert.match(await status(), /^This race does not test your prediction: it ran with gradient noise 0\.50, and the question is about a race without noise\. Set gradient noise back to 0 and race once more\./);
  // The smallest noise the slider gives is not "no noise" either.
  await noise.fill('0.05');
  await race();
  assert.equal(await box.getAttribute('data-state'), 'committed');
  assert.match(await status(), /ran with gradient noise 0\.05,/);
  assert.equal(await reveal.evaluate((d) => d.open), false, 'no verdict, no reveal');
  await noise.fill('0');
  await race();
  const text = await assertFirstTry(page, box, { wait: 120000 });
  assert.match(text, /In that race \(saddle, η = 0\.0500, no gradient noise, start \(-1\.50, 0\.00\)\), none of the six optimisers left the ridge y = 0\./);
  assert.equal(await reveal.evaluate((d) => d.open), true, 'the verdict opens the reveal');
  await page.close();
});

// The audit's η = 1 on the saddle: SGD bounces between x = ±1.5 at the start's loss 2.2500 and
// Nesterov diverges, yet the box said "all stuck at the saddle point … held" (it only counted
// paths ending near y = 0). The question and the reveal are about the saddle's own η, 0.05: at
// η = 1 the box says which η to set back and stays locked, nothing is recorded; back at the
// slider's stop for 0.05 (0.0501) the race settles it, a recorded first try naming its η.
test('optimiser race: at η = 1 on the saddle the box gives no verdict, says to set η back, and judges the race at the saddle\'s η', async () => {
  const page = await openFreshPage(site, '/lessons/optimizer-race.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const id = 'optimizer-saddle';
  const box = predictBox(page, id);
  const status = () => box.getByRole('status').textContent();
  const race = async () => { for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Play' }).click(); };
  const stat = statReader(page);
  await lockPrediction(page, id, 'saddle');
  await page.getByLabel('surface', { exact: true }).selectOption('saddle');
  const eta = page.getByRole('slider', { name: /learning rate/ });
  await eta.focus();
  await page.keyboard.press('End');
  assert.match(await eta.getAttribute('aria-valuetext'), /1\.0000$/);
  await race();
  assert.match(await page.locator('.dw-message').first().textContent(), /^Step 600: .*Diverged: Nesterov/);
  assert.equal(await stat('SGD'), '2.2500', 'SGD bounces at the start\'s loss');
  assert.equal(await stat('Nesterov'), 'diverged');
  assert.equal(await box.getAttribute('data-state'), 'committed');
  assert.equal(await box.getAttribute('data-result'), null);
  assert.equal(await status(), 'This race does not test your prediction: it ran at η = 1.0000, and the question is about the saddle\'s own learning rate, η = 0.0500, which choosing the saddle sets. Choose another surface and then the saddle again (or move the η slider back until it shows 0.0501), and race once more.');
  assert.deepEqual((await reportedEvents(page)).filter((r) => r.widget === `predict:${id}`), [], 'nothing recorded');
  // The slider's stop next to 0.05 is the saddle's η.
  await eta.fill('-1.3');
  assert.match(await eta.getAttribute('aria-valuetext'), /0\.0501$/);
  await page.getByRole('button', { name: 'Reset' }).click();
  await race();
  const text = await assertFirstTry(page, box);
  assert.match(text, /In that race \(saddle, η = 0\.0501, no gradient noise, start \(-1\.50, 0\.00\)\), none of the six optimisers left the ridge y = 0\./);
  await page.close();
});

// Audit 6 J1: four of the six paths were solid lines told apart by colour only, the legend showed
// colour squares, momentum and AdaGrad looked alike with deuteranopia, and the racers wore the
// colours of classes, loss and "good". Each racer now has its own colour, dash and marker, drawn
// the same in the map, the loss chart and the legend key, in colours apart under colour-vision
// deficiencies and outside the reserved meanings, light and dark.
test('optimiser race: each path has its own dash and colour, its legend key is drawn as the path is, and the colours stay apart for colour-blind learners', async () => {
  const page = await openPage(site, '/lessons/optimizer-race.html', { width: 1280 });
  const card = page.locator('.dw-card', { has: page.locator('h3.dw-title', { hasText: 'Optimiser race' }) });
  const names = ['SGD', 'momentum', 'Nesterov', 'RMSProp', 'AdaGrad', 'Adam'];
  for (const scheme of ['light', 'dark']) {
    // The plots read the theme when they are built: the page is loaded in each scheme.
    await page.emulateMedia({ colorScheme: scheme });
    await page.reload();
    await widgetsReady(page);
    await recordStrokes(card);
    await card.getByRole('button', { name: 'Step', exact: true }).click();
    await page.waitForFunction(() => window.__strokes.length > 0);
    const strokes = await strokesSeen(page);
    // The map (first canvas) strokes each path at width 2.5, the loss chart (second) at width 2.
    for (const [canvas, width] of [[0, 2.5], [1, 2]]) {
      const paths = strokes.filter((s) => s.canvas === canvas && s.width === width);
      assert.equal(paths.length, 6, `${scheme}: six paths on canvas ${canvas}: ${JSON.stringify(paths)}`);
      assert.equal(new Set(paths.map((s) => s.dash)).size, 6, `${scheme}: six dash patterns on canvas ${canvas}: ${paths.map((s) => `[${s.dash}]`).join(' ')}`);
      assert.equal(new Set(paths.map((s) => s.color)).size, 6, `${scheme}: six colours on canvas ${canvas}`);
    }
    const paths = strokes.filter((s) => s.canvas === 0 && s.width === 2.5);
    const keys = await lineKeys(card);
    assert.deepEqual(keys.map((k) => k.text), names);
    assert.deepEqual(keys.map((k) => [k.color, k.dash]), paths.map((s) => [s.color, s.dash]), `${scheme}: each key is drawn in its path's colour and dash`);
    assert.equal(new Set(keys.map((k) => k.shape)).size, 6, `${scheme}: six marker shapes in the keys`);
    const reserved = await reservedColours(card);
    for (const k of keys) assert.ok(!reserved.includes(k.color), `${scheme}: ${k.text} is drawn in ${k.color}, a colour with another meaning`);
    for (const [vision, { distance, pair }] of Object.entries(closestPairs(keys.map((k) => k.color)))) {
      assert.ok(distance >= 12, `${scheme}, ${vision}: ${pair} are only ΔE ${distance.toFixed(1)} apart`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
});
