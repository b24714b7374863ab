// The likelihood-fit widget on the likelihood-and-kl lesson: its three panels (Gaussian, coin, KL)
// show the engine's numbers, respond to pointer and keyboard, judge the predict-then-check box, and
// fit a phone-width screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshot, widgetsReady, openPage } from './browser.mjs';
import { stat, canvasIsDrawn, inEngine, assertClean, clickTimes } from './probes.mjs';
import { lockPrediction, predictBox, assertPractice, recordReports } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const TITLE = 'Fit a distribution by maximum likelihood';
const cards = (page) => page.locator('.dw-card').filter({ hasText: TITLE });

test('Gaussian panel: the worked example, jump to the peak, predict then check, points added by click and moved by keys', async () => {
  const page = await openPage(site, '/lessons/likelihood-and-kl.html', { reducedMotion: 'reduce' });
  assert.equal(await cards(page).count(), 3);
  const card = cards(page).nth(0);
  const [line, surface] = [card.locator('canvas').nth(0), card.locator('canvas').nth(1)];
  assert.ok(await canvasIsDrawn(line));
  assert.ok(await canvasIsDrawn(surface));
  assert.equal(await stat(card, 'n'), '3');
  assert.equal(await stat(card, 'μ̂'), '3.000');
  assert.equal(await stat(card, 'ŝ (1/n)'), '2.160');
  assert.equal(await stat(card, 'maximum ℓ'), '-6.57');
  assert.equal(await stat(card, 'your ℓ(μ, s)'), '-15.76');
  assert.equal(await stat(card, 's with 1/(n−1)'), '2.646');
  await card.getByRole('button', { name: 'Jump to the maximum' }).click();
  assert.equal(await stat(card, 'your ℓ(μ, s)'), '-6.57');
  assert.match(await card.locator('.dw-message').textContent(), /At the peak/);

  // Predict, then check: a point at the mean shrinks ŝ.
  const predict = card.locator('[data-predict="likelihood-next-point"]');
  await predict.getByRole('combobox', { name: /ŝ will/ }).selectOption('shrink');
  await predict.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.match(await predict.getByRole('status').textContent(), /Your prediction: shrink\. Now press Add point \(a point at μ = 3\.00\)/);
  await card.getByRole('button', { name: 'Add point' }).click();
  assert.equal(await stat(card, 'n'), '4');
  assert.equal(await stat(card, 'ŝ (1/n)'), '1.871');
  assert.match(await predict.getByRole('status').textContent(), /Your prediction held: you said “shrink”.*ŝ went from 2\.160 to 1\.871/);
  assert.equal(await predict.getAttribute('data-result'), 'held');

  // A wrong prediction is called so, and the box unlocks (a second point at 3: 1.871 → 1.673).
  await predict.getByRole('combobox', { name: /ŝ will/ }).selectOption('same');
  await predict.getByRole('button', { name: 'Lock in my prediction' }).click();
  await card.getByRole('button', { name: 'Add point' }).click();
  assert.match(await predict.getByRole('status').textContent(), /did not hold: you said “stay the same”; what happened: “shrink”/);
  assert.equal(await predict.getAttribute('data-result'), 'missed');
  assert.equal(await predict.getByRole('combobox').isDisabled(), false);
  await card.getByRole('button', { name: 'Remove point' }).click();
  await card.getByRole('button', { name: 'Remove point' }).click();
  assert.equal(await stat(card, 'n'), '3');

  // Click on empty line adds a point where clicked; the fit is the engine's.
  const box = await line.boundingBox();
  await line.click({ position: { x: box.width * 0.85, y: box.height * 0.5 } });
  assert.equal(await stat(card, 'n'), '4');
  // Keys: the newest point is selected; ArrowRight moves it 0.1 right.
  const muBefore = Number(await stat(card, 'μ̂'));
  await line.focus();
  await page.keyboard.press('ArrowRight');
  const muAfter = Number(await stat(card, 'μ̂'));
  assert.ok(Math.abs(muAfter - muBefore - 0.025) < 0.0015, `${muBefore} → ${muAfter}`);
  const aria = await line.getAttribute('aria-label');
  assert.match(aria, /4 points on a line/);
  const pts = aria.match(/line: ([^.]+(?:\.\d+)?(?:, [-\d.]+)*)\./)[1].split(', ').map(Number);
  const engine = await inEngine(page, (ml, { p }) => ml.gaussianFit(p), { p: pts });
  assert.equal(await stat(card, 'ŝ (1/n)'), engine.s.toFixed(3));
  // Delete removes the selected point.
  await page.keyboard.press('Delete');
  assert.equal(await stat(card, 'n'), '3');

  // Dragging on the surface moves the ring (your μ and s).
  const sb = await surface.boundingBox();
  await page.mouse.move(sb.x + sb.width * 0.3, sb.y + sb.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(sb.x + sb.width * 0.35, sb.y + sb.height * 0.35);
  await page.mouse.up();
  assert.match(await surface.getAttribute('aria-label'), /Your point: mean -?\d/);
  assert.notEqual(await stat(card, 'your ℓ(μ, s)'), '-6.57');
  await screenshot(page, 'likelihood-fit-1280');
  await assertClean(page);
  await page.close();
});

test('Coin panel: 7 heads and 3 tails, Heads/Flip 10 add flips, arrow keys move p to the peak', async () => {
  const page = await openPage(site, '/lessons/likelihood-and-kl.html', { reducedMotion: 'reduce' });
  const card = cards(page).nth(1);
  assert.ok(await canvasIsDrawn(card.locator('canvas')));
  assert.equal(await stat(card, 'heads'), '7');
  assert.equal(await stat(card, 'tails'), '3');
  assert.equal(await stat(card, 'p̂ = heads/n'), '0.700');
  assert.equal(await stat(card, 'maximum ℓ'), '-6.109');
  assert.equal(await stat(card, 'your ℓ(p)'), '-6.931');
  const plot = card.locator('canvas');
  await plot.focus();
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await stat(card, 'your ℓ(p)'), '-6.109');
  assert.match(await card.locator('.dw-message').textContent(), /At the peak/);
  await card.getByRole('button', { name: 'Heads', exact: true }).click();
  assert.equal(await stat(card, 'heads'), '8');
  await card.getByRole('button', { name: /Flip 10/ }).click();
  const heads = Number(await stat(card, 'heads'));
  const tails = Number(await stat(card, 'tails'));
  assert.equal(heads + tails, 21);
  const draws = await inEngine(page, (ml) => [...ml.sampleDraws('coin', 10, 5)]);
  assert.equal(heads, 8 + draws.filter((v) => v === 1).length);
  await card.getByRole('button', { name: 'Reset' }).click();
  assert.equal(await stat(card, 'heads'), '7');
  await assertClean(page);
  await page.close();
});

test('KL panel: 0.443 one way and 1.307 the other; Swap trades them; keys and drags move Q', async () => {
  const page = await openPage(site, '/lessons/likelihood-and-kl.html', { reducedMotion: 'reduce' });
  const card = cards(page).nth(2);
  assert.ok(await canvasIsDrawn(card.locator('canvas')));
  assert.equal(await stat(card, 'D_KL(P‖Q)'), '0.443');
  assert.equal(await stat(card, 'D_KL(Q‖P)'), '1.307');
  assert.equal(await stat(card, 'H(P)'), '1.419');
  assert.equal(await stat(card, 'H(P, Q)'), '1.862');
  await card.getByRole('button', { name: 'Swap P and Q' }).click();
  assert.equal(await stat(card, 'D_KL(P‖Q)'), '1.307');
  assert.equal(await stat(card, 'D_KL(Q‖P)'), '0.443');
  await card.getByRole('button', { name: 'Reset' }).click();
  // Keyboard: Q's mean moves left onto P's; Shift+Up narrows it to P's spread: both divergences 0.
  const plot = card.locator('canvas');
  await plot.focus();
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowLeft');
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowUp');
  assert.equal(await stat(card, 'D_KL(P‖Q)'), '0.000');
  assert.match(await card.locator('.dw-message').textContent(), /the same distribution/);
  // Drag P's peak to the right.
  const b = await plot.boundingBox();
  await card.getByRole('button', { name: 'Reset' }).click();
  const xOf = (x) => b.x + 44 + ((x + 8) / 16) * (b.width - 56);
  // The plot's margins are 44/12 px left/right and 12/30 px top/bottom; its height is
  // max(0.5, tallest peak) × 1.12 = 0.56 for the default curves; P's peak is 1/√(2π) ≈ 0.3989.
  const yPeak = b.y + 12 + (b.height - 42) * (1 - 0.3989 / 0.56);
  await page.mouse.move(xOf(0), yPeak);
  await page.mouse.down();
  await page.mouse.move(xOf(2), yPeak, { steps: 4 });
  await page.mouse.up();
  assert.equal(await card.getByRole('slider', { name: /μ of P/ }).inputValue(), '2');
  await assertClean(page);
  await page.close();
});

test('phone width: the lesson and its three widgets fit 375 px without sideways scrolling', async () => {
  const page = await openPage(site, '/lessons/likelihood-and-kl.html', { width: 375, height: 800, reducedMotion: 'reduce' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  for (let i = 0; i < 3; i++) assert.ok(await canvasIsDrawn(cards(page).nth(i).locator('canvas').first()));
  await screenshot(page, 'likelihood-fit-375');
  await assertClean(page);
  await page.close();
});

test('Gaussian panel: a prediction locked after a point move showed ŝ change is practice, and is not recorded', async () => {
  const page = await site.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}/lessons/likelihood-and-kl.html`);
  // The first test's verdict is in saved progress, which would open the reveal at load.
  await page.evaluate(() => localStorage.removeItem('dw:lesson:likelihood-and-kl'));
  await page.reload();
  await widgetsReady(page);
  await recordReports(page);
  const card = cards(page).nth(0);
  const predict = predictBox(card, 'likelihood-next-point');
  const reveal = page.locator('details.dw-reveal').filter({ hasText: '2.160 to 1.871' });
  assert.equal(await reveal.evaluate((d) => d.open), false);
  // Loading the page, and moving the ring, change no point: a prediction then would still count.
  assert.equal(await predict.getByRole('status').textContent(), '');
  await card.getByRole('button', { name: 'Jump to the maximum' }).click();
  assert.equal(await predict.getByRole('status').textContent(), '');
  // Add point (at μ̂ = 3) before predicting: the answer, 2.160 → 1.871, is on screen.
  await card.getByRole('button', { name: 'Add point' }).click();
  assert.equal(await stat(card, 'ŝ (1/n)'), '1.871');
  assert.match(await predict.getByRole('status').textContent(), /The best spread ŝ changed with a point move before a prediction was locked in/);
  assert.equal(await reveal.evaluate((d) => d.open), true, 'the lesson\'s sentence stating the outcome opens with it');
  await card.getByRole('button', { name: 'Remove point' }).click();
  assert.equal(await stat(card, 'ŝ (1/n)'), '2.160');
  await lockPrediction(card, 'likelihood-next-point', 'shrink');
  await card.getByRole('button', { name: 'Add point' }).click();
  await assertPractice(page, predict);
  await assertClean(page);
  await page.close();
});

test('Gaussian panel: once a prediction is locked, μ and the points stay fixed until Add point, and the box says why', async () => {
  const page = await openPage(site, '/lessons/likelihood-and-kl.html', { reducedMotion: 'reduce' });
  const card = cards(page).nth(0);
  const [line, surface] = [card.locator('canvas').nth(0), card.locator('canvas').nth(1)];
  await card.getByRole('button', { name: 'Jump to the maximum' }).click();
  const predict = await lockPrediction(card, 'likelihood-next-point', 'grow');
  const muSlider = card.getByRole('slider', { name: /your mean μ/ });
  assert.equal(await muSlider.isDisabled(), true, 'μ decides where the point goes: it is fixed');
  assert.equal(await card.getByRole('slider', { name: /your spread s/ }).isDisabled(), true);
  // Every other way to change the experiment is refused, with the reason in the box.
  const fixed = /Your prediction is about a point added at μ = 3\.00 to these points, so they stay fixed until you press Add point/;
  await card.getByRole('button', { name: 'Remove point' }).click();
  assert.equal(await stat(card, 'n'), '3');
  assert.match(await predict.getByRole('status').textContent(), fixed);
  const box = await line.boundingBox();
  await line.click({ position: { x: box.width * 0.9, y: box.height * 0.5 } });
  assert.equal(await stat(card, 'n'), '3', 'a click on the line adds no point far out');
  // The keyboard on the line plot (move the selected point, delete it) is refused too.
  const lineAria = await line.getAttribute('aria-label');
  await line.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Delete');
  assert.equal(await line.getAttribute('aria-label'), lineAria);
  const sb = await surface.boundingBox();
  await surface.click({ position: { x: sb.width * 0.8, y: sb.height * 0.2 } });
  await card.getByRole('button', { name: 'Jump to the maximum' }).click();
  assert.equal(await muSlider.inputValue(), '3');
  assert.equal(await stat(card, 'ŝ (1/n)'), '2.160');
  assert.equal(await predict.getAttribute('data-state'), 'committed');
  // The experiment the prediction is about settles it: a point at 3 shrinks ŝ, so "grow" missed.
  await card.getByRole('button', { name: 'Add point' }).click();
  assert.equal(await predict.getAttribute('data-result'), 'missed');
  assert.match(await predict.getByRole('status').textContent(), /ŝ went from 2\.160 to 1\.871/);
  assert.equal(await muSlider.isDisabled(), false, 'the verdict frees μ again');
  // Change my prediction frees things too.
  await lockPrediction(card, 'likelihood-next-point', 'shrink');
  await predict.getByRole('button', { name: 'Change my prediction' }).click();
  assert.equal(await muSlider.isDisabled(), false);
  await card.getByRole('button', { name: 'Remove point' }).click();
  assert.equal(await stat(card, 'n'), '3');
  await screenshot(page, 'likelihood-fit-locked-1280');
  await assertClean(page);
  await page.close();
});

// The best spread ŝ can lie off the map (s from 0.2 to 6) and p̂ beyond the p slider (0.01 to 0.99).
// Then the learner is judged against the best the controls reach, Jump goes there, and the message
// says in words where the maximum is; it never asks for a move the controls cannot make. Ends are
// compared as the readouts show them: ŝ = 0.200 or 6.000 is on the map.
test('Gaussian panel: a best spread off the map (points close together or far apart) is said in words, and Jump reaches the best the map allows', async () => {
  const page = await openPage(site, '/lessons/likelihood-and-kl.html', { reducedMotion: 'reduce' });
  const card = cards(page).nth(0);
  const [line, surface] = [card.locator('canvas').nth(0), card.locator('canvas').nth(1)];
  const msg = card.locator('.dw-message');
  const sSlider = card.getByRole('slider', { name: /your spread s/ });
  const keys = async (key, times) => { await line.focus(); for (let i = 0; i < times; i++) await page.keyboard.press(key); };
  const jump = () => card.getByRole('button', { name: 'Jump to the maximum' }).click();
  const never = /Drag the ring on the log-likelihood map|below the maximum/;
  // Points 1 and 1.1 (the 6 deleted, the 2 moved down): ŝ = 0.050, below the map.
  await keys('Delete', 1);
  await keys('ArrowLeft', 9);
  assert.equal(await stat(card, 'ŝ (1/n)'), '0.050');
  await jump();
  assert.equal(await sSlider.inputValue(), '0.2');
  assert.match(await msg.textContent(), /^At the best the controls allow: μ = 1\.05, s = 0\.20\. The best spread, ŝ = 0\.050, is below the smallest this map shows \(0\.20\): the closer together the points, the narrower and higher the peak/);
  assert.equal(await msg.getAttribute('data-tone'), 'ok');
  assert.match(await surface.getAttribute('aria-label'), /Maximum at mean 1\.05, spread 0\.050: off the map, below its smallest spread/);
  // Away from it: measured against the best the controls reach, with a move they can make.
  await sSlider.fill('1');
  assert.match(await msg.textContent(), /^Your log-likelihood is [\d.]+ below the best the controls reach, at μ = 1\.05 and s = 0\.20 \(drag the ring there, use the sliders, or press Jump to the maximum\)\. The best spread, ŝ = 0\.050, is below the smallest spread this map shows/);
  assert.doesNotMatch(await msg.textContent(), never);
  // The low end: ŝ just below 0.2 (0.150), exactly at it, just above (0.250).
  const low = [['ArrowRight', 2, '0.150', /^At the best the controls allow: μ = 1\.15, s = 0\.20\./], ['ArrowRight', 1, '0.200', /^At the peak/], ['ArrowRight', 1, '0.250', /^At the peak/]];
  for (const [key, n, shown, expected] of low) {
    await keys(key, n);
    assert.equal(await stat(card, 'ŝ (1/n)'), shown);
    await jump();
    assert.match(await msg.textContent(), expected, `ŝ = ${shown}`);
    assert.doesNotMatch(await msg.textContent(), never);
  }
  assert.match(await surface.getAttribute('aria-label'), /Maximum at mean 1\.25, spread 0\.25\./);
  // The high end: points −4 and 8 give ŝ = 6.000 exactly; 8.1 is just beyond, 7.9 just inside.
  await keys('Enter', 1);
  await keys('Shift+ArrowLeft', 5);
  await keys('Enter', 1);
  await keys('Shift+ArrowRight', 6);
  await keys('ArrowRight', 5);
  const high = [['ArrowRight', 0, '6.000', /^At the peak/], ['ArrowRight', 1, '6.050', /^At the best the controls allow: μ = 2\.05, s = 6\.00\. The best spread, ŝ = 6\.050, is above the largest this map shows \(6\.00\): the further apart the points, the wider the best curve/], ['ArrowLeft', 2, '5.950', /^At the peak/]];
  for (const [key, n, shown, expected] of high) {
    await keys(key, n);
    assert.equal(await stat(card, 'ŝ (1/n)'), shown);
    await jump();
    assert.match(await msg.textContent(), expected, `ŝ = ${shown}`);
    assert.doesNotMatch(await msg.textContent(), never);
  }
  // The audit's far-apart case: −4 and 10, ŝ = 7.000; away from the edge, the advice is reachable.
  await keys('Shift+ArrowRight', 3);
  assert.equal(await stat(card, 'ŝ (1/n)'), '7.000');
  await jump();
  assert.equal(await sSlider.inputValue(), '6');
  assert.match(await msg.textContent(), /^At the best the controls allow: μ = 3\.00, s = 6\.00\. The best spread, ŝ = 7\.000, is above the largest/);
  await card.getByRole('slider', { name: /your mean μ/ }).fill('0');
  assert.match(await msg.textContent(), /^Your log-likelihood is [\d.]+ below the best the controls reach, at μ = 3\.00 and s = 6\.00/);
  await assertClean(page);
  await page.close();
});

test('Coin panel: p̂ beyond the slider\'s ends, or between its stops, is said in words and judged against the best stop', async () => {
  const page = await openPage(site, '/lessons/likelihood-and-kl.html', { reducedMotion: 'reduce' });
  const card = cards(page).nth(1);
  const msg = card.locator('.dw-message');
  const pSlider = card.getByRole('slider', { name: /your p/ });
  const [heads, tails, removeLast] = ['Heads', 'Tails', 'Remove last'].map((name) => card.getByRole('button', { name, exact: true }));
  const never = /below its maximum/;
  // All heads (the audit's case): p̂ = 1 lies beyond the slider's end at 0.99.
  await clickTimes(removeLast, 10);
  await clickTimes(heads, 3);
  await pSlider.focus();
  await page.keyboard.press('End');
  assert.equal(await pSlider.inputValue(), '0.99');
  assert.equal(await stat(card, 'p̂ = heads/n'), '1.000');
  assert.equal(await msg.textContent(), 'As close as the slider goes: p̂ = 1.000 lies beyond its end at 0.99, and ℓ(p) keeps rising all the way up to p̂, so p = 0.99 is the best p the slider allows.');
  assert.equal(await msg.getAttribute('data-tone'), 'ok');
  await pSlider.fill('0.5');
  assert.match(await msg.textContent(), /^ℓ\(p\) is [\d.]+ below the best the slider reaches, p = 0\.99 \(p̂ = 1\.000 lies beyond the slider's end\)/);
  // All tails: beyond the other end.
  await clickTimes(removeLast, 3);
  await clickTimes(tails, 3);
  await pSlider.focus();
  await page.keyboard.press('Home');
  assert.match(await msg.textContent(), /^As close as the slider goes: p̂ = 0\.000 lies beyond its end at 0\.01, and ℓ\(p\) keeps rising all the way down to p̂/);
  // The high end: 99 heads of 100 (p̂ = 0.99, a stop) is reachable; 199 of 200 (0.995) is beyond.
  await clickTimes(removeLast, 2);
  await clickTimes(heads, 99);
  assert.equal(await stat(card, 'p̂ = heads/n'), '0.990');
  await pSlider.focus();
  await page.keyboard.press('End');
  assert.match(await msg.textContent(), /^At the peak: p = 0\.99 is the share of heads, 99 of 100/);
  await clickTimes(heads, 100);
  assert.equal(await stat(card, 'p̂ = heads/n'), '0.995');
  assert.match(await msg.textContent(), /^As close as the slider goes: p̂ = 0\.995 lies beyond its end at 0\.99/);
  assert.doesNotMatch(await msg.textContent(), never);
  // Just inside, between two stops: 197 of 200 (0.985); the best stop is 0.98.
  await clickTimes(removeLast, 2);
  await clickTimes(tails, 2);
  assert.equal(await stat(card, 'p̂ = heads/n'), '0.985');
  assert.match(await msg.textContent(), /^ℓ\(p\) is [\d.]+ below the best the slider reaches, p = 0\.98 \(p̂ = 0\.985 falls between its stops, in steps of 0\.01\)/);
  await pSlider.focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await pSlider.inputValue(), '0.98');
  assert.equal(await msg.textContent(), 'As close as the slider goes: p̂ = 0.985 falls between its stops (steps of 0.01), and no stop gives a higher ℓ(p) than p = 0.98.');
  assert.equal(await msg.getAttribute('data-tone'), 'ok');
  await assertClean(page);
  await page.close();
});

// "At the peak" only as the readouts show it (audit 6 C4): the Gaussian panel calls it the peak only
// when your ℓ shows the same number as the maximum ℓ (2 decimals); μ = 2.65, s = 2.16 shows −6.61
// against −6.57, so it is close, not at the peak. The coin panel only when the slider shows the best
// stop: p = 0.69 for 7 heads of 10 shows −6.111 against −6.109.
test('Gaussian and coin panels: at the peak only when the readouts show it', async () => {
  const page = await openPage(site, '/lessons/likelihood-and-kl.html', { reducedMotion: 'reduce' });
  const gauss = cards(page).nth(0);
  const gMsg = gauss.locator('.dw-message');
  await gauss.getByRole('slider', { name: /your spread s/ }).fill('2.16');
  for (const [mu, ll, expected, tone] of [
    ['3', '-6.57', 'At the peak: your log-likelihood shows the maximum, -6.57, and no μ and s give these 3 points a higher one.', 'ok'],
    ['2.85', '-6.57', 'At the peak: your log-likelihood shows the maximum, -6.57, and no μ and s give these 3 points a higher one.', 'ok'],
    ['2.8', '-6.58', 'Close to the peak, not at it: your log-likelihood is 0.01 below the maximum. Drag the ring on the log-likelihood map onto the star, or use the sliders.', 'info'],
    ['2.65', '-6.61', 'Close to the peak, not at it: your log-likelihood is 0.04 below the maximum. Drag the ring on the log-likelihood map onto the star, or use the sliders.', 'info'],
    ['2.6', '-6.62', 'Close to the peak, not at it: your log-likelihood is 0.05 below the maximum. Drag the ring on the log-likelihood map onto the star, or use the sliders.', 'info'],
    ['2.55', '-6.63', 'Your log-likelihood is 0.06 below the maximum. Drag the ring on the log-likelihood map, or use the sliders.', 'info'],
  ]) {
    await gauss.getByRole('slider', { name: /your mean μ/ }).fill(mu);
    assert.equal(await stat(gauss, 'your ℓ(μ, s)'), ll, `μ = ${mu}`);
    assert.equal(await stat(gauss, 'maximum ℓ'), '-6.57');
    assert.equal(await gMsg.textContent(), expected, `μ = ${mu}`);
    assert.equal(await gMsg.getAttribute('data-tone'), tone);
  }
  const coin = cards(page).nth(1);
  const cMsg = coin.locator('.dw-message');
  for (const [p, ll, expected, tone] of [
    ['0.7', '-6.109', 'At the peak: p = 0.70 is the share of heads, 7 of 10.', 'ok'],
    ['0.69', '-6.111', 'Close to the peak, one stop from it at p = 0.70: ℓ(p) is 0.002 below its maximum. Drag the ring along the curve or use the slider.', 'info'],
    ['0.71', '-6.111', 'Close to the peak, one stop from it at p = 0.70: ℓ(p) is 0.002 below its maximum. Drag the ring along the curve or use the slider.', 'info'],
    ['0.68', '-6.118', 'ℓ(p) is 0.009 below its maximum. Drag the ring along the curve or use the slider.', 'info'],
  ]) {
    await coin.getByRole('slider', { name: /your p/ }).fill(p);
    assert.equal(await stat(coin, 'your ℓ(p)'), ll, `p = ${p}`);
    assert.equal(await stat(coin, 'maximum ℓ'), '-6.109');
    assert.equal(await cMsg.textContent(), expected, `p = ${p}`);
    assert.equal(await cMsg.getAttribute('data-tone'), tone);
  }
  await assertClean(page);
  await page.close();
});

// A saved guess the sliders cannot show is refused in words, as a bad point is (audit 6, E6): it
// used to be clamped to μ = 10, s = 0.2 without a note.
test('Gaussian panel: a saved guess outside the sliders\' ranges is refused in words, the widget starts from its defaults', async () => {
  const link = (state) => `/embed.html?w=likelihood-fit&state=${Buffer.from(JSON.stringify(state)).toString('base64url')}`;
  for (const [state, words] of [
    [{ points: [0], mu: 1e308, s: 1 }, /the guess μ must be from -4 to 10/],
    [{ points: [0], mu: 1, s: -1e308 }, /the guess s must be from 0\.2 to 6/],
    [{ points: [0], mu: 10.01, s: 1 }, /the guess μ must be from -4 to 10/],
  ]) {
    const page = await openPage(site, link(state));
    const notes = await page.locator('.dw-notes').first().textContent();
    assert.match(notes, /The saved state could not be used/);
    assert.match(notes, words);
    assert.equal(await stat(page.locator('.dw-card').first(), 'n'), '3', 'the default points stay');
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
  // The ends of the ranges are still accepted.
  const page = await openPage(site, link({ points: [0, 1], mu: 10, s: 0.2 }));
  assert.equal(await page.locator('.dw-notes').first().count() ? (await page.locator('.dw-notes').first().textContent()).includes('could not be used') : false, false);
  assert.equal(await stat(page.locator('.dw-card').first(), 'n'), '2');
  await page.close();
});
