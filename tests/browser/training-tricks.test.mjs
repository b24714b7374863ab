// The training-tricks widget on its lesson: both nets run to the end and the readouts match the
// engine (through the widget's own model.js); the predict-then-check box judges the left net;
// the trick, data set and depth controls rebuild both nets; Play animates and Pause stops; the
// page fits a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { afterNextFrame, PLAY_TIMEOUT, screenshot, startSite, openPage, openFreshPage } from './browser.mjs';
import { stat, canvasIsDrawn, inEngine, assertClean, inkedTopRows } from './probes.mjs';
import { assertFirstTry, assertPractice, changePrediction, lockPrediction, predictBox, recordReports } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const card = (page) => page.locator('.dw-card').filter({ hasText: 'Training tricks, side by side' });

// Run to the end runs its updates after the press, in slices between tasks; the button says how
// far the run has got and takes its name back when it has ended.
async function runToEnd(scope) {
  const button = scope.getByRole('button', { name: 'Run to the end' });
  await button.click();
  await button.waitFor({ timeout: 120000 });
}

// The final losses and accuracies the widget must show, computed in the page by the widget's
// own set-up (model.js) with the given options over the defaults.
async function expected(page, extra) {
  return page.evaluate(async (o) => {
    const { loadEngine } = await import('/engine/index.js');
    const ml = await loadEngine();
    const m = await import('/widgets/training-tricks/model.js');
    const { resolveOptions } = await import('/lib/schema.js');
    const opts = { ...resolveOptions(m.schema, {}).values, ...o };
    const out = {};
    for (const side of ['off', 'on']) {
      const net = m.createNet(ml, opts, side);
      const r = m.runToEnd(net, opts.updates);
      net.delete();
      out[side] = { loss: r.loss.toFixed(3), accuracy: `${Math.round(r.accuracy * 100)}%` };
    }
    return out;
  }, extra);
}

test('Run to the end: the readouts are the engine\'s, and a prediction of a stall holds', async () => {
  const page = await openPage(site, '/lessons/training-tricks.html', { reducedMotion: 'reduce' });
  const c = card(page);
  const canvases = c.locator('canvas');
  assert.equal(await canvases.count(), 4);
  for (let i = 0; i < 4; i++) assert.ok(await canvasIsDrawn(canvases.nth(i)), `canvas ${i} is blank`);
  assert.equal(await stat(c, 'Update'), '0 of 1\u202f500');
  assert.equal(await stat(c, 'Loss, left'), '0.693');
  // The layer chart's text names six layers for each net before any update.
  assert.match(await canvases.nth(3).getAttribute('aria-label'), /Left: layer 1 .*layer 6 .*Right: layer 1 .*layer 6/);
  // Before any update no net has stalled: that is the lesson's verdict on how a run ends (the
  // untrained right net's loss is 0.914, nowhere near log 2).
  const described = c.locator('p.dw-sr-only:not(.dw-announcer)');
  assert.match(await described.textContent(), /after 0 updates\. Left \(small weights \(s = 0\.01\)\): loss 0\.693, accuracy 50%\. Right \(He initialisation\): loss 0\.914, accuracy 50%\./);
  assert.doesNotMatch(await described.textContent(), /stalled/);

  const box = c.locator('[data-predict="training-tricks-left-net"]');
  const reported = page.evaluate(() => new Promise((resolve) => document.addEventListener('dw:complete', (e) => resolve(e.detail), { once: true })));
  await box.getByRole('combobox').selectOption('stall');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.match(await box.getByRole('status').textContent(), /Your prediction: stall near the loss of a coin flip/);
  await runToEnd(c);
  assert.equal(await stat(c, 'Update'), '1\u202f500 of 1\u202f500');
  const want = await expected(page, { trick: 'init' });
  assert.equal(await stat(c, 'Loss, left'), want.off.loss);
  assert.equal(await stat(c, 'Loss, right'), want.on.loss);
  assert.equal(await stat(c, 'Accuracy, left'), '50%');
  assert.equal(await stat(c, 'Accuracy, right'), want.on.accuracy);
  assert.match(await box.getByRole('status').textContent(), /Your prediction held: you said “stall near the loss of a coin flip \(0\.69\)”/);
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.deepEqual(await reported, { widget: 'predict:training-tricks-left-net', title: 'Predict: By the end of the run, the left net (trick off) will…', score: 1, max: 1, firstTry: true });
  assert.match(await c.locator('.dw-message').textContent(), /the left net stalled/);
  assert.match(await described.textContent(), new RegExp(`Left \\(small weights \\(s = 0\\.01\\)\\): loss ${want.off.loss} \\(stalled: not 0\\.05 below log 2 ≈ 0\\.693\\), accuracy 50%\\. Right \\(He initialisation\\): loss ${want.on.loss}, accuracy`));
  await screenshot(page, 'training-tricks-1280');

  // The schedule pair: predicting a stall there does not hold — the left net is only worse.
  await c.getByRole('combobox', { name: 'Trick', exact: true }).selectOption('schedule');
  assert.equal(await stat(c, 'Update'), '0 of 1\u202f500');
  assert.equal(await stat(c, 'η now (right)'), '0.05');
  await box.getByRole('combobox').selectOption('stall');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await runToEnd(c);
  const sched = await expected(page, { trick: 'schedule' });
  assert.equal(await stat(c, 'Loss, left'), sched.off.loss);
  assert.equal(await stat(c, 'Loss, right'), sched.on.loss);
  assert.match(await box.getByRole('status').textContent(), /did not hold.*what happened: “train, but end clearly above the right-hand net”/);
  assert.equal(await stat(c, 'η now (right)'), '0');

  // Fewer layers rebuild both nets; a committed prediction is dropped when the settings change.
  await c.getByRole('button', { name: 'Reset' }).click();
  assert.equal(await stat(c, 'Update'), '0 of 1\u202f500');
  await box.getByRole('combobox').selectOption('same');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await c.getByRole('slider', { name: /Hidden layers/ }).fill('2');
  assert.match(await box.getByRole('status').textContent(), /settings changed/);
  assert.match(await canvases.nth(3).getAttribute('aria-label'), /Left: layer 1 \S+, layer 2 \S+\. Right/);
  await c.getByRole('combobox', { name: 'Data set' }).selectOption('moons');
  await c.getByRole('combobox', { name: 'Layer chart' }).selectOption('gradient');
  assert.match(await canvases.nth(3).getAttribute('aria-label'), /^Weight-gradient size per layer/);
  await runToEnd(c);
  const moons = await expected(page, { trick: 'schedule', layers: 2, dataset: 'moons' });
  assert.equal(await stat(c, 'Loss, right'), moons.on.loss);
  await assertClean(page);
  await page.close();
});

test('Play animates both nets and Pause stops them', async () => {
  const page = await openPage(site, '/lessons/training-tricks.html');
  const c = card(page);
  await c.scrollIntoViewIfNeeded();
  await c.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => {
    const v = document.querySelector('.dw-stat[data-stat="Update"] .dw-stat-value');
    return v && parseInt(v.textContent, 10) >= 50;
  }, null, { timeout: PLAY_TIMEOUT });
  await c.getByRole('button', { name: 'Pause' }).click();
  const stopped = await stat(c, 'Update');
  await page.waitForTimeout(400);
  assert.equal(await stat(c, 'Update'), stopped);
  const same = await inEngine(page, (ml) => typeof ml.DeepNet === 'function');
  assert.ok(same);
  await assertClean(page);
  await page.close();
});

test('phone width: the lesson and the widget fit 375 px without sideways scrolling', async () => {
  const page = await openPage(site, '/lessons/training-tricks.html', { width: 375, height: 800, reducedMotion: 'reduce' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  await runToEnd(card(page));
  await card(page).scrollIntoViewIfNeeded();
  await screenshot(page, 'training-tricks-375');
  await assertClean(page);
  await page.close();
});

// Run, then reset, then predict: the outcome was on screen first, so the prediction is practice
// and nothing is recorded (a widget's own goal may still report).
test('training tricks: a run seen before locking in (then reset) makes the prediction practice', async () => {
  const page = await openPage(site, '/lessons/training-tricks.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const box = page.locator('[data-predict="training-tricks-left-net"]');
  await runToEnd(page);
  assert.match(await box.getByRole('status').textContent(), /two nets had trained, their losses on screen, before a prediction was locked in/);
  await page.getByRole('button', { name: 'Reset' }).click();
  await lockPrediction(page, 'training-tricks-left-net', 'stall');
  await runToEnd(page);
  await assertPractice(page, box, { result: null, othersMayReport: true, wait: 120000 });
  await page.close();
});

// A prediction changed part-way through its run (both losses on screen after 10 updates), or
// dropped by a setting changed part-way and set back, then locked again after Reset, is practice;
// changed before any update it stays a first try, and is recorded.
test('training tricks: a prediction unlocked part-way through its run is practice after Reset; changed before an update it is a first try', async () => {
  for (const how of ['change', 'setting', 'before']) {
    const page = await openFreshPage(site, '/lessons/training-tricks.html', { reducedMotion: 'reduce' });
    await recordReports(page);
    const c = card(page);
    const id = 'training-tricks-left-net';
    const box = predictBox(c, id);
    await lockPrediction(c, id, 'same');
    if (how !== 'before') {
      await c.getByRole('button', { name: 'Step', exact: true }).click();
      assert.equal(await stat(c, 'Update'), '10 of 1\u202f500');
    }
    if (how === 'setting') {
      await c.getByRole('slider', { name: /Hidden layers/ }).fill('2');
      assert.match(await box.getByRole('status').textContent(), /settings changed.*Part of the run was on screen/);
      await c.getByRole('slider', { name: /Hidden layers/ }).fill('6');
    } else await changePrediction(box);
    await c.getByRole('button', { name: 'Reset' }).click();
    await lockPrediction(c, id, 'stall');
    await runToEnd(c);
    if (how === 'before') await assertFirstTry(page, box, { wait: 120000 });
    else await assertPractice(page, box, { othersMayReport: true, wait: 120000 });
    await page.close();
  }
});

// The layer chart's y label ("s", or "‖∂L/∂W‖" for the gradients) was drawn at y = 0 with a 'top'
// baseline, and the bars of "‖∂L/∂W‖" reached the canvas edge; placed as plot.js places a y label
// (yLabelTop), its ink starts inside the canvas in both views.
test('the layer chart\'s y label keeps its top inside the canvas at 375 and 1280 px, spread and gradients', async () => {
  for (const width of [375, 1280]) {
    const page = await openPage(site, '/lessons/training-tricks.html', { width, reducedMotion: 'reduce' });
    const chart = card(page).locator('canvas').nth(3);
    assert.ok(await canvasIsDrawn(chart));
    for (const view of ['spread', 'gradient']) {
      await card(page).getByLabel('Layer chart').selectOption(view);
      await afterNextFrame(page);
      const rows = await inkedTopRows(chart);
      assert.ok(rows.length > 0, `the y label is drawn (${view}, ${width} px)`);
      assert.ok(rows[0] >= 1, `the label's ink starts at device row ${rows[0]} (${view}, ${width} px), not on the edge`);
    }
    await page.close();
  }
});

// A net whose numbers overflow has diverged: its own outcome, never "stalled", with "diverged"
// printed where the loss would be. Clipping on two spirals with ten hidden layers does it.
test('a diverged left net is reported as diverged, and a prediction of a stall does not hold', async () => {
  const page = await openPage(site, '/lessons/training-tricks.html', { reducedMotion: 'reduce' });
  const c = card(page);
  const box = predictBox(c, 'training-tricks-left-net');
  await c.getByRole('combobox', { name: 'Trick', exact: true }).selectOption('clipping');
  await c.getByRole('slider', { name: /Hidden layers/ }).fill('10');
  await lockPrediction(c, 'training-tricks-left-net', 'stall');
  await runToEnd(c);
  assert.equal(await stat(c, 'Update'), '1\u202f500 of 1\u202f500');
  assert.equal(await stat(c, 'Loss, left'), 'diverged');
  assert.equal(await stat(c, 'Accuracy, left'), '–');
  const want = await expected(page, { trick: 'clipping', layers: 10 });
  assert.equal(await stat(c, 'Loss, right'), want.on.loss);
  const message = await c.locator('.dw-message').textContent();
  const on = want.on.loss.replace('.', '\\.');
  assert.match(message, new RegExp(`^Right ended at loss ${on}, but the left net diverged: at update \\d+ its numbers overflowed \\(grew too large to store\\), so its training stopped there\\. With weights of s = 1 .*the numbers overflowed\\. Clipped to norm 1, each step stays small\\.$`));
  assert.doesNotMatch(message, /stalled|loss –|gradient becomes exactly zero/);
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await box.getByRole('status').textContent(), /did not hold.*what happened: “diverge: its numbers overflow and training stops”.*the left net diverged/);
  // Predicted as a divergence it holds (practice now: the outcome has been on screen).
  await c.getByRole('button', { name: 'Reset' }).click();
  await lockPrediction(c, 'training-tricks-left-net', 'diverge');
  await runToEnd(c);
  assert.match(await box.getByRole('status').textContent(), /held/);
  assert.doesNotMatch(await box.getByRole('status').textContent(), /did not hold/);
  await assertClean(page);
  await page.close();
});

// The schedule pair's explanation follows how the run ended, and agrees with the two losses shown:
// the lesson's default (clearly worse), two moons (both 0.000), one hidden layer (both stalled),
// two hidden layers (constant η ends clearly lower), ten (only the left stalls).
test('the schedule explanation branches on the ending, each branch true of the losses shown', async () => {
  const page = await openPage(site, '/lessons/training-tricks.html', { reducedMotion: 'reduce' });
  const c = card(page);
  await c.getByRole('combobox', { name: 'Trick', exact: true }).selectOption('schedule');
  const cases = [
    { dataset: 'spiral', layers: 6, words: /the left net trained but ended clearly above the right-hand net\. With η constant the steps stay large to the end and keep kicking the weights about; the cosine schedule shrinks η towards 0, so the right net's last steps are small and it settles lower\.$/ },
    { dataset: 'moons', layers: 6, off: '0.000', on: '0.000', words: /the left net ended about as low as the right-hand net\. Here constant η ended about as low: on this problem the large late steps did no harm\.$/ },
    { dataset: 'spiral', layers: 1, words: /the left net stalled \(still within 0\.05 of log 2 ≈ 0\.693\), and so did the right-hand net\. Both nets stalled: switching the trick on did not rescue this net/ },
    { dataset: 'spiral', layers: 2, words: /the left net ended clearly below the right-hand net\. Here constant η ended clearly lower: shrinking η did not help on this problem\.$/ },
    { dataset: 'spiral', layers: 10, words: /the left net stalled \(still within 0\.05 of log 2 ≈ 0\.693\)\. With η held at 0\.05 the left net ended no better than a coin flip, while the right net, whose η shrank towards 0, trained\.$/ },
  ];
  for (const { dataset, layers, off, on, words } of cases) {
    await c.getByRole('combobox', { name: 'Data set' }).selectOption(dataset);
    await c.getByRole('slider', { name: /Hidden layers/ }).fill(String(layers));
    await runToEnd(c);
    const want = await expected(page, { trick: 'schedule', dataset, layers });
    if (off) assert.deepEqual([want.off.loss, want.on.loss], [off, on]);
    assert.equal(await stat(c, 'Loss, left'), want.off.loss);
    assert.equal(await stat(c, 'Loss, right'), want.on.loss);
    const message = await c.locator('.dw-message').textContent();
    assert.ok(message.startsWith(`Left ended at loss ${want.off.loss}, right at ${want.on.loss}: `), message);
    assert.match(message, words, `${dataset}, ${layers} layers: ${message}`);
    if (layers !== 6 || dataset !== 'spiral') assert.doesNotMatch(message, /keep(s)? (jumping|kicking)|settles/, `${dataset}, ${layers}`);
  }
  await assertClean(page);
  await page.close();
});

// The explanation under a run that ends with the left net clearly above the right (more than 0.05,
// the lesson's "clearly above") says the trick's weights held it back, by the gap shown; "did not
// stop the net" is kept for an ending about as low or lower. Clipping on two moons: the unclipped
// net ends clearly above. The ending's boundary itself (model.js): 0.05 apart is "about as low",
// 0.051 "clearly above".
test('a "clearly above" ending is explained as held back, not as the weights not stopping the net', async () => {
  const page = await openPage(site, '/lessons/training-tricks.html', { reducedMotion: 'reduce' });
  const c = card(page);
  const bounds = await page.evaluate(async () => {
    const m = await import('/widgets/training-tricks/model.js');
    return [m.ending(0.35, 0.3), m.ending(0.351, 0.3), m.ending(0.3, 0.35), m.ending(0.3, 0.351), m.shownGap(0.5794, 0.0004)];
  });
  assert.deepEqual(bounds, ['same', 'worse', 'same', 'better', 0.579]);
  const cases = [
    { trick: 'clipping', dataset: 'moons', end: 'worse', words: (gap) => new RegExp(`the left net trained but ended clearly above the right-hand net\\. The large weights held the left net back: it trained, but ended ${gap} above the clipped net\\.$`) },
    { trick: 'clipping', dataset: 'spiral', end: null },
    { trick: 'init', dataset: 'moons', end: null },
  ];
  for (const { trick, dataset, end, words } of cases) {
    await c.getByRole('combobox', { name: 'Trick', exact: true }).selectOption(trick);
    await c.getByRole('combobox', { name: 'Data set' }).selectOption(dataset);
    await runToEnd(c);
    const want = await expected(page, { trick, dataset });
    assert.equal(await stat(c, 'Loss, left'), want.off.loss);
    assert.equal(await stat(c, 'Loss, right'), want.on.loss);
    const shown = await page.evaluate(async ([off, on]) => {
      const m = await import('/widgets/training-tricks/model.js');
      return { end: m.ending(Number(off), Number(on)), gap: (m.shownGap(Number(off), Number(on))).toFixed(3) };
    }, [want.off.loss, want.on.loss]);
    if (end) assert.equal(shown.end, end, `${trick}, ${dataset}`);
    const message = await c.locator('.dw-message').textContent();
    if (shown.end === 'worse') {
      assert.match(message, /held the left net back: it trained, but ended \d\.\d{3} above/, `${trick}, ${dataset}: ${message}`);
      assert.ok(message.includes(`ended ${shown.gap} above`), message);
      assert.doesNotMatch(message, /did not stop the net/, `${trick}, ${dataset}: ${message}`);
      if (words) assert.match(message, words(shown.gap.replace('.', '\\.')));
    } else if (shown.end === 'same' || shown.end === 'better') {
      assert.match(message, /did not stop the net\.$/, `${trick}, ${dataset}: ${message}`);
    }
    if (end === 'worse') assert.equal(want.off.loss, '0.579');
  }
  await assertClean(page);
  await page.close();
});

// Every DeepNet.fit from now on is counted with the task it ran in (a microtask marks a task's end):
// window.tt.perTask holds the updates made in each task, window.tt.labels is for the caller's notes.
function countFitsPerTask(page) {
  return page.evaluate(async () => {
    const ml = await (await import('/engine/index.js')).loadEngine();
    const proto = ml.DeepNet.prototype;
    const fit = proto.fit;
    window.tt = { perTask: [], labels: [] };
    let inTask = false;
    const counted = function (n) {
      if (!inTask) { inTask = true; window.tt.perTask.push(0); queueMicrotask(() => { inTask = false; }); }
      const done = fit.call(this, n);
      window.tt.perTask[window.tt.perTask.length - 1] += done;
      return done;
    };
    if (fit.overloadTable) counted.overloadTable = fit.overloadTable;
    proto.fit = counted;
  });
}

// Run to the end ran all 1 500 updates of both nets inside the press: on a slow phone the page froze
// for seconds with nothing on screen saying so. Now they run in slices between tasks: none inside
// the press, the button says how far the run has got, a second press adds nothing, the numbers
// are those of one go, the prediction is judged only once the run has ended, and Reset part-way
// stops the run. Every DeepNet.fit is counted with the task it ran in (a microtask marks a task's end).
test('Run to the end runs in slices after the press, judged at its end; a second press adds nothing; Reset stops it', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/training-tricks.html', { width, reducedMotion: 'reduce' });
    const c = card(page);
    const box = predictBox(c, 'training-tricks-left-net');
    await lockPrediction(c, 'training-tricks-left-net', 'stall');
    await countFitsPerTask(page);
    await c.scrollIntoViewIfNeeded();
    const inPress = await c.evaluate((root) => {
      const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Run to the end');
      const box = root.querySelector('[data-predict="training-tricks-left-net"]');
      new MutationObserver(() => window.tt.labels.push({ label: button.textContent, result: box.getAttribute('data-result') })).observe(button, { childList: true, characterData: true, subtree: true });
      button.click();
      const label = button.textContent;
      const disabled = button.getAttribute('aria-disabled');
      button.click(); // a second press while the run goes on
      return { label, disabled, updates: window.tt.perTask.reduce((a, b) => a + b, 0) };
    });
    assert.deepEqual(inPress, { label: 'Running… 0 of 1\u202f500', disabled: 'true', updates: 0 }, 'no update runs inside the presses');
    const run = c.getByRole('button', { name: 'Run to the end' });
    await run.waitFor({ timeout: 120000 });
    const { perTask, labels } = await page.evaluate(() => window.tt);
    assert.equal(perTask.reduce((a, b) => a + b, 0), 3000, '1 500 updates of each net');
    assert.ok(perTask.length > 4 && Math.max(...perTask) < 3000, `updates per task: ${perTask.join(' ')}`);
    const running = labels.filter((l) => l.label.startsWith('Running'));
    assert.ok(running.some((l) => /^Running… [1-9][\d\u202f]* of 1\u202f500$/.test(l.label)), `the button counts the updates: ${running.map((l) => l.label).join(' | ')}`);
    assert.ok(running.every((l) => l.result === null), 'not judged while the run goes on');
    assert.equal(await stat(c, 'Update'), '1\u202f500 of 1\u202f500');
    const want = await expected(page, { trick: 'init' });
    assert.equal(await stat(c, 'Loss, left'), want.off.loss);
    assert.equal(await stat(c, 'Loss, right'), want.on.loss);
    assert.equal(await stat(c, 'Accuracy, right'), want.on.accuracy);
    assert.equal(await box.getAttribute('data-result'), 'held');
    assert.match(await c.locator('.dw-message').textContent(), /the left net stalled/);
    await screenshot(c, `training-tricks-ended-${width}`);

    // Reset part-way: the run stops, and nothing trains the new nets afterwards.
    await c.getByRole('button', { name: 'Reset' }).click();
    await run.click();
    await page.waitForFunction(() => [...document.querySelectorAll('.dw-card button')].some((b) => /^Running… [1-9]/.test(b.textContent)), null, { timeout: 60000 });
    await screenshot(c, `training-tricks-running-${width}`);
    await c.getByRole('button', { name: 'Reset' }).click();
    assert.equal(await stat(c, 'Update'), '0 of 1\u202f500');
    assert.equal(await run.getAttribute('aria-disabled'), null, 'the button is back');
    await page.waitForTimeout(500);
    assert.equal(await stat(c, 'Update'), '0 of 1\u202f500', 'no slice runs after Reset');
    await assertClean(page);
    await page.close();
  }
});

// Under reduced motion Play runs the whole run without animating it, as Run to the end does: in
// slices after the press (it ran all 1 500 updates inside the press, holding a slow phone for seconds).
test('under reduced motion Play runs to the end in slices after the press, with the numbers of one go', async () => {
  const page = await openPage(site, '/lessons/training-tricks.html', { reducedMotion: 'reduce' });
  const c = card(page);
  await countFitsPerTask(page);
  await c.scrollIntoViewIfNeeded();
  const inPress = await c.evaluate((root) => {
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Play').click();
    return window.tt.perTask.reduce((a, b) => a + b, 0);
  });
  assert.equal(inPress, 0, 'no update runs inside the press');
  await c.getByRole('button', { name: 'Run to the end' }).waitFor({ timeout: 120000 });
  const { perTask } = await page.evaluate(() => window.tt);
  assert.equal(perTask.reduce((a, b) => a + b, 0), 3000, '1 500 updates of each net');
  assert.ok(perTask.length > 4, `updates per task: ${perTask.join(' ')}`);
  assert.equal(await stat(c, 'Update'), '1\u202f500 of 1\u202f500');
  const want = await expected(page, { trick: 'init' });
  assert.equal(await stat(c, 'Loss, left'), want.off.loss);
  assert.equal(await stat(c, 'Loss, right'), want.on.loss);
  await assertClean(page);
  await page.close();
});
