// The GAN lab on its lesson page: readouts equal the engine's numbers for the same rounds, the
// text alternative follows them, every control works from the keyboard, the presets set what the
// lesson says, reduced motion steps on demand instead of animating, and the page fits 375 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { offMachineRequests, PLAY_TIMEOUT, startSite, screenshot, openPage, openFreshPage } from './browser.mjs';
import { canvasInk, statReader, noNaNInCards, assertFitsClean } from './probes.mjs';
import { assertFirstTry, assertPractice, recordReports } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// The engine's numbers after `rounds` rounds with the widget's own set-up (its model module).
async function engineAfter(page, rounds, options = {}) {
  return page.evaluate(async ({ rounds: n, options: o }) => {
    const { loadEngine } = await import('/engine/index.js');
    const { createGan } = await import('/widgets/gan-lab/model.js');
    const { formatNumber } = await import('/lib/format.js');
    const ml = await loadEngine();
    const gan = createGan(ml, o);
    try {
      for (let i = 0; i < n; i++) gan.step();
      const cov = gan.coverage();
      return { lossD: formatNumber(gan.discriminatorLoss(), 3), lossG: formatNumber(gan.generatorLoss(), 3), covered: cov.covered, modes: cov.modes };
    } finally { gan.delete(); }
  }, { rounds, options });
}

test('gan-lab: readouts match the engine, keyboard drives every control, presets, 375 px', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/gan.html', { width });
    const card = page.locator('.dw-card').filter({ hasText: 'GAN lab' });
    const stat = statReader(page, card);
    const ink = await canvasInk(page, '.dw-stage canvas');
    assert.ok(ink.colours > 10, 'the heat map and points are drawn');
    assert.equal(await stat('Round'), '0');
    assert.equal(await stat('Modes covered'), '0 of 8 modes');

    // Keyboard: Tab to Step and press Enter / Space.
    const stepBtn = card.getByRole('button', { name: 'Step', exact: true });
    await stepBtn.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await stepBtn.click();
    assert.equal(await stat('Round'), '5');
    const expected = await engineAfter(page, 5);
    assert.equal(await stat('Discriminator loss'), expected.lossD);
    assert.equal(await stat('Generator loss'), expected.lossG);
    assert.equal(await stat('Modes covered'), `${expected.covered} of 8 modes`);
    const label = await card.locator('canvas').first().getAttribute('aria-label');
    assert.match(label, new RegExp(`^Round 5\\. Discriminator loss ${expected.lossD.replace('.', '\\.')}, generator loss`));

    // Play animates; Pause stops.
    await card.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => {
      const v = document.querySelector('.dw-stat[data-stat="Round"] .dw-stat-value');
      return v && Number(v.textContent) >= 40;
    }, null, { timeout: PLAY_TIMEOUT });
    await card.getByRole('button', { name: 'Pause' }).click();
    await screenshot(page, `gan-lab-${width}`);

    // Sliders and selects by keyboard.
    const gSteps = card.getByRole('slider', { name: /Generator steps per round/ });
    await gSteps.focus();
    await page.keyboard.press('ArrowRight');
    assert.match(await gSteps.getAttribute('aria-valuetext'), /Generator steps per round 2$/);
    const data = card.getByLabel('Real data');
    await data.focus();
    await data.selectOption('gaussian');
    assert.equal(await stat('Round'), '0');
    assert.match(await stat('Modes covered'), /^[01] of 1 mode$/);

    // The presets set what the lesson says.
    await card.getByRole('button', { name: 'Make it collapse' }).click();
    assert.match(await gSteps.getAttribute('aria-valuetext'), /5$/);
    assert.equal(await data.inputValue(), 'ring');
    assert.equal(await stat('Round'), '0');
    await card.getByRole('button', { name: 'Help it recover' }).click();
    assert.match(await gSteps.getAttribute('aria-valuetext'), /1$/);
    assert.match(await card.getByRole('slider', { name: /Discriminator steps per round/ }).getAttribute('aria-valuetext'), /5$/);
    assert.match(await card.getByRole('slider', { name: /Generator η/ }).getAttribute('aria-valuetext'), /0\.003$/);

    // A learning rate at the top of its range is accepted (no error) and Reset returns to round 0.
    await card.getByRole('button', { name: 'Reset' }).click();
    assert.equal(await stat('Round'), '0');
    await assertFitsClean(page, width);
    await page.close();
  }
});

test('gan-lab: under reduced motion Play trains 100 rounds once and nothing animates', async () => {
  const page = await openPage(site, '/lessons/gan.html', { reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: 'GAN lab' });
  const stat = statReader(page, card);
  await card.getByRole('button', { name: 'Play' }).click();
  assert.equal(await stat('Round'), '100');
  assert.equal(await card.getByRole('button', { name: 'Play' }).count(), 1, 'still says Play');
  await page.waitForTimeout(300);
  assert.equal(await stat('Round'), '100');
  const expected = await engineAfter(page, 100);
  assert.equal(await stat('Discriminator loss'), expected.lossD);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('gan-lab: predict, then check — "Make it collapse" leaves at most one mode after 400 rounds (held and missed)', async () => {
  const page = await openPage(site, '/lessons/gan.html', { reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: 'GAN lab' });
  const box = card.locator('[data-predict="gan-collapse"]');
  const lockIn = async (value) => {
    await box.getByRole('combobox', { name: /the fakes will cover/ }).selectOption(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  const collapse400 = async () => {
    await card.getByRole('button', { name: 'Make it collapse' }).click();
    for (let i = 0; i < 4; i++) await card.getByRole('button', { name: 'Play' }).click(); // 100 rounds each
  };
  await lockIn('most');
  assert.match(await box.getByRole('status').textContent(), /Your prediction: six or more of the 8 modes\. Now press “Make it collapse”/);
  // 400 rounds of the default run do not settle it.
  for (let i = 0; i < 4; i++) await card.getByRole('button', { name: 'Play' }).click();
  assert.equal(await box.getAttribute('data-state'), 'committed');
  await collapse400();
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await box.getByRole('status').textContent(), /did not hold: .*what happened: “at most one mode”\. After 400 rounds the fakes cover [01] of 8 modes\. The generator found a spot/);
  await lockIn('one');
  await collapse400();
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.match(await box.getByRole('status').textContent(), /Your prediction held: you said “at most one mode”/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('gan-lab: a prediction locked after the collapse was on screen is practice, not a first try', async () => {
  const page = await openFreshPage(site, '/lessons/gan.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const card = page.locator('.dw-card').filter({ hasText: 'GAN lab' });
  const box = card.locator('[data-predict="gan-collapse"]');
  await card.getByRole('button', { name: 'Make it collapse' }).click();
  for (let i = 0; i < 4; i++) await card.getByRole('button', { name: 'Play' }).click();
  assert.match(await box.getByRole('status').textContent(), /You watched the ring with five generator updates per discriminator update \(the settings of “Make it collapse”\) to round 100 before predicting/);
  await box.getByRole('combobox', { name: /the fakes will cover/ }).selectOption('one');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await card.getByRole('button', { name: 'Step' }).click();
  await assertPractice(page, box, { othersMayReport: true });
  await page.close();
});

// Reset pauses a run (the fresh ring waits for Play) and Step pauses it and adds one round, as in
// every player-based widget; both used to leave the run going, the button still saying Pause.
test('gan-lab: Reset while playing stops at round 0; Step while playing pauses and adds one round', async () => {
  const page = await openPage(site, '/lessons/gan.html');
  const card = page.locator('.dw-card').filter({ hasText: 'GAN lab' });
  const stat = statReader(page, card);
  const roundAtLeast = (n) => page.waitForFunction((n) => Number(document.querySelector('.dw-stat[data-stat="Round"] .dw-stat-value').textContent) >= n, n, { timeout: PLAY_TIMEOUT });
  await card.getByRole('button', { name: 'Play' }).click();
  await roundAtLeast(20);
  await card.getByRole('button', { name: 'Reset' }).click();
  assert.equal(await card.getByRole('button', { name: 'Play' }).count(), 1, 'Reset: the button says Play again');
  await page.waitForTimeout(300);
  assert.equal(await stat('Round'), '0', 'Reset: nothing runs until Play');
  await card.getByRole('button', { name: 'Play' }).click();
  await roundAtLeast(20);
  await card.getByRole('button', { name: 'Step', exact: true }).click();
  assert.equal(await card.getByRole('button', { name: 'Play' }).count(), 1, 'Step: the button says Play again');
  const after = await stat('Round');
  await page.waitForTimeout(300);
  assert.equal(await stat('Round'), after, 'Step: the run stays paused');
  await card.getByRole('button', { name: 'Step', exact: true }).click();
  assert.equal(Number(await stat('Round')), Number(after) + 1, 'Step adds one round');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The collapse shows in the coverage readout long before round 400: a run paused part-way, or the
// same update counts set with the sliders, gives the answer away just as a full run does.
test('gan-lab: a prediction locked after part of a collapse run, or after the same settings set by hand, is practice', async () => {
  for (const how of ['paused', 'sliders']) {
    const page = await openFreshPage(site, '/lessons/gan.html', { reducedMotion: 'reduce' });
    await recordReports(page);
    const card = page.locator('.dw-card').filter({ hasText: 'GAN lab' });
    const box = card.locator('[data-predict="gan-collapse"]');
    if (how === 'paused') {
      await card.getByRole('button', { name: 'Make it collapse' }).click();
      await card.getByRole('button', { name: 'Play' }).click(); // reduced motion: 100 rounds
    } else {
      await card.getByRole('slider', { name: /Generator steps per round/ }).fill('5');
      await card.getByRole('button', { name: 'Play' }).click();
      await card.getByRole('button', { name: 'Make it collapse' }).click();
    }
    assert.match(await box.getByRole('status').textContent(), /to round 100 before predicting/);
    await box.getByRole('combobox', { name: /the fakes will cover/ }).selectOption('one');
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
    for (let i = 0; i < 4; i++) await card.getByRole('button', { name: 'Play' }).click();
    await assertPractice(page, box, { result: null, othersMayReport: true });
    await page.close();
  }
});

// A preset's words name its settings and say to press Play: changed by hand, they no longer hold
// and go; once rounds run under the preset, the words say what is running instead of "press Play".
test('gan-lab: a preset\'s message follows the settings and the run (cleared by a slider, no "press Play" once running)', async () => {
  const page = await openPage(site, '/lessons/gan.html', { reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: 'GAN lab' });
  const message = () => card.locator('.dw-message').first().textContent();
  const stat = statReader(page, card);

  await card.getByRole('button', { name: 'Help it recover' }).click();
  assert.equal(await message(), 'Five discriminator updates per generator update and a slower generator (η = 0.003), continuing from round 0: press Play and watch the coverage.');
  await card.getByRole('button', { name: 'Play' }).click(); // reduced motion: 100 rounds
  assert.equal(await stat('Round'), '100');
  assert.equal(await message(), 'Running “Help it recover”: five discriminator updates per generator update and a slower generator (η = 0.003) since round 0. Watch the coverage.');
  const gRate = card.getByRole('slider', { name: /Generator η/ });
  await gRate.focus();
  await page.keyboard.press('End');
  assert.match(await gRate.getAttribute('aria-valuetext'), /Generator η 1$/);
  assert.equal(await message(), '', 'η = 0.003 no longer holds');
  await card.getByRole('button', { name: 'Play' }).click();
  assert.doesNotMatch(await message(), /η = 0\.003|press Play/);

  await card.getByRole('button', { name: 'Make it collapse' }).click();
  assert.equal(await message(), 'Five generator updates per discriminator update, with Adam and both learning rates at 0.01, from a fresh start: press Play and watch the fakes.');
  await card.getByRole('button', { name: 'Step' }).click();
  assert.equal(await message(), 'Running “Make it collapse”: five generator updates per discriminator update since a fresh start. Watch the fakes.');
  const gSteps = card.getByRole('slider', { name: /Generator steps per round/ });
  await gSteps.focus();
  await page.keyboard.press('Home');
  assert.equal(await message(), '', 'five generator updates no longer hold');

  // Pressed part-way through a run, "Help it recover" says the round it continues from.
  await card.getByRole('button', { name: 'Help it recover' }).click();
  assert.match(await message(), /continuing from round 1: press Play/);
  await card.getByRole('button', { name: 'Play' }).click();
  assert.match(await message(), /since round 1\. Watch the coverage\.$/);
  await card.getByRole('slider', { name: /Discriminator steps per round/ }).focus();
  await page.keyboard.press('Home');
  assert.equal(await message(), '');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// "Make it collapse" is a question about Adam with both rates 0.01 (with SGD the fakes keep 2 of 8
// modes at round 400): the preset sets them back, so a learner who chose SGD earlier is judged on
// the lesson's run; a setting changed after the press makes another experiment, said in words and
// judged as nothing.
test('gan-lab: "Make it collapse" sets Adam and both rates back; a run changed after it is not judged', async () => {
  const page = await openFreshPage(site, '/lessons/gan.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const card = page.locator('.dw-card').filter({ hasText: 'GAN lab' });
  const box = card.locator('[data-predict="gan-collapse"]');
  const status = () => box.getByRole('status').textContent();
  const optimiser = card.getByRole('combobox', { name: /optimi[sz]er/i });
  await optimiser.selectOption('sgd');
  await box.getByRole('combobox', { name: /the fakes will cover/ }).selectOption('one');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  // Changed after the press: SGD is another experiment.
  await card.getByRole('button', { name: 'Make it collapse' }).click();
  assert.equal(await optimiser.inputValue(), 'adam', 'the preset sets Adam back');
  await optimiser.selectOption('sgd');
  for (let i = 0; i < 4; i++) await card.getByRole('button', { name: 'Play' }).click(); // 100 rounds each
  assert.equal(await box.getAttribute('data-state'), 'committed', await status());
  assert.match(await status(), /This run does not test your prediction, which is about “Make it collapse” as it starts \(Adam, both learning rates 0\.01\): the optimiser is SGD, not Adam\. To check it, press “Make it collapse” \(it sets them back\), then Play until round 400\./);
  // The preset pressed with SGD chosen: Adam again, judged and recorded as the first try.
  await card.getByRole('button', { name: 'Make it collapse' }).click();
  for (let i = 0; i < 4; i++) await card.getByRole('button', { name: 'Play' }).click();
  assert.match(await assertFirstTry(page, box), /After 400 rounds the fakes cover [01] of 8 modes/);
  await screenshot(card, 'gan-lab-predict-elsewhere');
  await page.close();
});

// 200 points in four clusters within the plot (a teacher's file for mode collapse).
function fourClusters() {
  const centres = [[-1.2, -1.2], [1.2, -1.2], [-1.2, 1.2], [1.2, 1.2]];
  const rows = ['x1,x2'];
  for (let i = 0; i < 200; i++) { const [cx, cy] = centres[i % 4]; rows.push(`${(cx + 0.2 * Math.cos(i)).toFixed(3)},${(cy + 0.2 * Math.sin(1.7 * i)).toFixed(3)}`); }
  return rows.join('\n');
}

// The GAN lab under reduced motion with the four-cluster file imported (the import read, not only set).
async function ganWithOwnPoints() {
  const page = await openFreshPage(site, '/lessons/gan.html', { reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: 'GAN lab' });
  const stat = statReader(page, card);
  const message = () => card.locator('.dw-message').first().textContent();
  await card.locator('.dw-csv input[type="file"]').setInputFiles({ name: 'four.csv', mimeType: 'text/csv', buffer: Buffer.from(fourClusters()) });
  await page.waitForFunction(() => /Imported 200 points/.test([...document.querySelectorAll('.dw-card')].find((c) => /GAN lab/.test(c.textContent)).querySelector('.dw-message').textContent));
  return { page, card, stat, message };
}

// The teacher's own points: the engine counts them as one mode, so "Modes covered" shows – (said in
// words at the import and in the text alternative) rather than "of 1 mode"; "Make it collapse" keeps
// them and says it runs on them (the prediction, about the ring, is not judged on them: next test).
test('gan-lab: own points — "Modes covered" is –, said in words at the import and in the text alternative', async () => {
  const { page, card, stat, message } = await ganWithOwnPoints();
  assert.equal(await message(), 'Imported 200 points. “Modes covered” shows – for your own points: the widget does not know where their modes (the groups the points bunch into) are, so watch the plot to see which groups the fakes reach.');
  assert.equal(await stat('Modes covered'), '–');
  const realData = card.getByLabel('Real data');
  assert.equal(await realData.inputValue(), 'own');
  const label = () => card.locator('canvas').first().getAttribute('aria-label');
  assert.match(await label(), /Modes are not counted for your own points/);
  assert.doesNotMatch(await label(), /of 1 mode/);
  assert.ok(await noNaNInCards(page));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('gan-lab: own points — "Make it collapse" keeps them and says it runs on them', async () => {
  const { page, card, stat, message } = await ganWithOwnPoints();
  const realData = card.getByLabel('Real data');
  await card.getByRole('button', { name: 'Make it collapse' }).click();
  assert.equal(await realData.inputValue(), 'own', 'the imported points are kept');
  assert.match(await message(), /^Five generator updates per discriminator update, with Adam and both learning rates at 0\.01, from a fresh start on your own points/);
  assert.equal(await card.getByRole('slider', { name: /Generator steps per round/ }).inputValue(), '5');
  await card.getByRole('button', { name: 'Play' }).click(); // 100 rounds under reduced motion
  assert.match(await message(), /^Running “Make it collapse” on your own points/);
  assert.equal(await stat('Round'), '100');
  assert.equal(await stat('Modes covered'), '–');
  assert.ok(await noNaNInCards(page));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
