// The matrix-transform playground (vectors-and-matrices lesson): determinant, eigenvalues and
// eigenvectors agree with the engine, and the shear prediction settles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { offMachineRequests, PLAY_TIMEOUT, screenshot, startSite, openPage } from './browser.mjs';
import { canvasInk, listenLive, statReader, noNaNInCards, engineBody } from './probes.mjs';
import { assertPractice, recordReports } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });


test('matrix-transform: determinant, eigenvalues and eigenvectors agree with the engine', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/vectors-and-matrices.html', { width });
    const card = page.locator('.dw-card', { hasText: 'A matrix moves the whole plane' });
    const stat = statReader(page, card);
    const message = card.locator('.dw-message');
    const ink = await canvasInk(page, '.dw-card canvas >> nth=0');
    assert.ok(ink.colours > 6, 'plane drawn');
    const sym = await engineBody(page, 'return ml.matrix2Eigen([2, 1, 1, 2]);');
    assert.equal(await stat('det A'), '3.000');
    assert.equal(await stat('λ₁'), sym.values[0].toFixed(3));
    assert.equal(await stat('λ₁'), '3.000');
    assert.equal(await stat('λ₂'), '1.000');
    assert.match(await message.textContent(), /along \(0\.707, 0\.707\) vectors are scaled by 3\.000/);

    await card.getByLabel('preset').selectOption('shear');
    const detShear = await engineBody(page, 'return ml.matrix2Determinant([1, 1, 0, 1]);');
    assert.equal(detShear, 1);
    assert.equal(await stat('det A'), detShear.toFixed(3));
    assert.equal(await stat('area of square'), '× 1.000');
    assert.match(await message.textContent(), /Only one eigen-direction, \(1\.000, 0\.000\)/);

    await card.getByLabel('preset').selectOption('rotate');
    const rot = await engineBody(page, 'const r = 30 * Math.PI / 180; return ml.matrix2Eigen([Math.cos(r), -Math.sin(r), Math.sin(r), Math.cos(r)]);');
    assert.equal(await stat('λ₁'), `${rot.re.toFixed(3)} + ${rot.im.toFixed(3)}i`);
    assert.match(await message.textContent(), /No real eigenvectors: this matrix rotates every direction/);
    await card.getByRole('slider', { name: /rotation angle/ }).fill('90');
    assert.equal(await stat('λ₁'), '0.000 + 1.000i');

    await card.getByLabel('preset').selectOption('reflect');
    assert.equal(await stat('det A'), '-1.000');
    assert.match(await message.textContent(), /flipped over/);
    await card.getByLabel('preset').selectOption('project');
    assert.equal(await stat('det A'), '0.000');
    assert.equal(await message.getAttribute('data-tone'), 'warn');

    // Typing an entry: A = [[3, 1], [1, 2]].
    await card.getByLabel('preset').selectOption('symmetric');
    await card.getByLabel('A entry a (row 1, column 1)').fill('3');
    const typed = await engineBody(page, 'return { det: ml.matrix2Determinant([3, 1, 1, 2]), e: ml.matrix2Eigen([3, 1, 1, 2]) };');
    assert.equal(await stat('det A'), typed.det.toFixed(3));
    assert.equal(await stat('λ₁'), typed.e.values[0].toFixed(3));
    await card.getByLabel('A entry b (row 1, column 2)').fill('99');
    await card.getByLabel('A entry b (row 1, column 2)').press('Enter');
    assert.match(await message.textContent(), /between -10 and 10 so the picture stays readable: b stays 1\./);
    assert.equal(await card.getByLabel('A entry b (row 1, column 2)').inputValue(), '1');
    assert.equal(await stat('det A'), typed.det.toFixed(3));

    // Keyboard: arrows move the tip of Aî (first column) by 0.1.
    const canvas = card.locator('canvas').first();
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    const keyed = await engineBody(page, 'return ml.matrix2Determinant([3.1, 1, 1, 2]);');
    assert.equal(await stat('det A'), keyed.toFixed(3));
    assert.equal(await card.getByLabel('A entry a (row 1, column 1)').inputValue(), '3.1');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+ArrowUp');
    assert.equal(await card.getByLabel('A entry d (row 2, column 2)').inputValue(), '3');

    // Blend: Reset shows the identity (t = 0), Step moves by 0.1, Play runs to t = 1.
    await card.getByRole('button', { name: 'Reset' }).click();
    assert.match(await message.textContent(), /t = 0\.00/);
    await card.getByRole('button', { name: 'Step' }).click();
    assert.match(await message.textContent(), /t = 0\.10/);
    await card.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('.dw-card output')].some((o) => o.textContent === '1.00' && /blend/.test(o.parentElement.textContent)), null, { timeout: PLAY_TIMEOUT });
    await card.getByRole('button', { name: 'Play' }).waitFor();
    await screenshot(page, `matrix-${width}`);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('matrix-transform: predict, then check — the shear keeps the area (held and missed)', async () => {
  const page = await openPage(site, '/lessons/vectors-and-matrices.html');
  const card = page.locator('.dw-card', { hasText: 'A matrix moves the whole plane' });
  const box = card.locator('[data-predict="matrix-shear-area"]');
  const lockIn = async (value) => {
    await box.getByRole('combobox', { name: /Its area will/ }).selectOption(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  await lockIn('same');
  assert.match(await box.getByRole('status').textContent(), /Your prediction: stay the same\. Now choose the shear preset/);
  await card.getByLabel('preset', { exact: true }).selectOption('shear');
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.match(await box.getByRole('status').textContent(), /Your prediction held: you said “stay the same”.*det A = 1\.000, so the area is multiplied by 1\.000/);
  await card.getByLabel('preset', { exact: true }).selectOption('symmetric');
  await lockIn('grow');
  await card.getByLabel('preset', { exact: true }).selectOption('shear');
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await box.getByRole('status').textContent(), /did not hold: you said “grow”; what happened: “stay the same”/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('matrix-transform: the shear seen before a prediction makes the prediction practice; locking in while it shows is refused', async () => {
  const page = await openPage(site, '/lessons/vectors-and-matrices.html');
  await recordReports(page);
  const card = page.locator('.dw-card', { hasText: 'A matrix moves the whole plane' });
  const box = card.locator('[data-predict="matrix-shear-area"]');
  await card.getByLabel('preset', { exact: true }).selectOption('shear');
  assert.match(await box.getByRole('status').textContent(), /practice and is not recorded/);
  await box.getByRole('combobox', { name: /Its area will/ }).selectOption('same');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.match(await box.getByRole('status').textContent(), /already showing its area/);
  await card.getByLabel('preset', { exact: true }).selectOption('symmetric');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await card.getByLabel('preset', { exact: true }).selectOption('shear');
  await assertPractice(page, box);
  await page.close();
});

test('matrix-transform: the shear typed into the editor shows its determinant too, so a prediction locked after it is practice', async () => {
  const page = await openPage(site, '/lessons/vectors-and-matrices.html');
  await recordReports(page);
  const card = page.locator('.dw-card', { hasText: 'A matrix moves the whole plane' });
  const box = card.locator('[data-predict="matrix-shear-area"]');
  for (const [entry, value] of [['a', '1'], ['b', '1'], ['c', '0'], ['d', '1']]) {
    const input = card.getByLabel(`A entry ${entry} (`);
    await input.fill(value);
    await input.press('Enter');
  }
  assert.equal(await statReader(page, card)('det A'), '1.000');
  assert.match(await box.getByRole('status').textContent(), /practice and is not recorded/);
  await card.getByLabel('preset', { exact: true }).selectOption('symmetric');
  await box.getByRole('combobox', { name: /Its area will/ }).selectOption('same');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await card.getByLabel('preset', { exact: true }).selectOption('shear');
  await assertPractice(page, box);
  await page.close();
});

test('matrix-transform: a typed entry is read like every number on the site; a refused one says why and goes back, so box and picture agree', async () => {
  const page = await openPage(site, '/lessons/vectors-and-matrices.html');
  const card = page.locator('.dw-card', { hasText: 'A matrix moves the whole plane' });
  const stat = statReader(page, card);
  const message = card.locator('.dw-message').first();
  const a = card.getByLabel('A entry a (row 1, column 1)');
  // symmetric [[2, 1], [1, 2]]: a decimal comma is a decimal point, 0,5 is 0.5 (det 0.5·2 − 1 = 0).
  await a.fill('0,5');
  await a.press('Enter');
  assert.equal(await stat('det A'), '0.000');
  assert.equal(await a.inputValue(), '0.5');
  // Typed one key at a time, "-50" passes through -5 on the way: the refusal goes back to 0.5, not -5.
  await a.click({ clickCount: 3 });
  await page.keyboard.type('-50');
  await a.press('Enter');
  assert.match(await message.textContent(), /between -10 and 10 so the picture stays readable: a stays 0\.5\./);
  assert.equal(await a.inputValue(), '0.5');
  assert.equal(await stat('det A'), '0.000');
  for (const [typed, words] of [['1e999', /between -10 and 10/], ['abc', /Entry a stays 0\.5: "abc" is not a number\./], ['', /Entry a stays 0\.5: the box was left empty\./], ['1,000', /Entry a stays 0\.5: "1,000" could be 1000 or 1\.000/]]) {
    await a.fill(typed);
    await a.press('Enter');
    assert.match(await message.textContent(), words, typed);
    assert.equal(await a.inputValue(), '0.5', typed);
    assert.equal(await stat('det A'), '0.000', typed);
  }
  // The arrow keys still step an entry by 0.1.
  await a.press('ArrowUp');
  assert.equal(await a.inputValue(), '0.6');
  assert.equal(await stat('det A'), '0.200');
  // Typed one key at a time, a fraction is read whole ("1/2" is 0.5, where a number box kept 12).
  await a.click({ clickCount: 3 });
  await page.keyboard.type('1/2');
  await page.keyboard.press('Enter');
  assert.equal(await a.inputValue(), '0.5');
  assert.equal(await stat('det A'), '0.000');
  await noNaNInCards(page);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Audit 10 A2: Play rewrote the polite message line on every frame of the blend ("Showing (1 − t)·I
// + t·A at t = 0.01 …", 87 times in two seconds) and the blend slider's readout as often. The blend
// is quiet, then the matrix's sentence is said once.
test('matrix-transform: Play by keyboard is quiet while the blend runs and says the result once', async () => {
  const page = await openPage(site, '/lessons/vectors-and-matrices.html');
  const card = page.locator('.dw-card', { hasText: 'A matrix moves the whole plane' });
  const play = card.getByRole('button', { name: 'Play' });
  await play.focus();
  const heard = await listenLive(card);
  await page.keyboard.press('Enter');
  await card.getByRole('button', { name: 'Pause' }).waitFor();
  await card.getByRole('button', { name: 'Play' }).waitFor({ timeout: PLAY_TIMEOUT }); // the blend reached t = 1
  await card.locator('.dw-message[aria-live="polite"]').waitFor();
  const said = (await heard()).filter((h) => !/predict/.test(h.region));
  assert.deepEqual(said.map((h) => h.text), [(await card.locator('.dw-message').textContent()).trim()]);
  assert.match(said[0].text, /^det A = 3\.000: /);
  // The blend's value is the slider's own to say (its readout beside it is not live).
  assert.equal(await card.getByRole('slider', { name: /blend/ }).getAttribute('aria-valuetext'), 'blend identity → A (t) 1.00');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
