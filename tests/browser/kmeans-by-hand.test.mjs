// k-means by hand (kmeans lesson): the seed example moves c2 from 4 to 10 and ends at inertia 4,
// and the final-inertia prediction settles on the engine's run.
import { test, before, after } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { startSite, screenshot, openPage, widgetsReady, openFreshPage } from './browser.mjs';
import { lockPrediction, predictBox, verdict } from './predict-helpers.mjs';
import { stat, canvasIsDrawn, inEngine, assertClean, listenForReports, reportedEvents } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('k-means by hand: the seed example moves c2 from 4 to 10 and ends at inertia 4', async () => {
  const page = await openPage(site, '/lessons/kmeans.html', { reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: 'One k-means iteration by hand' });
  assert.ok(await canvasIsDrawn(card.locator('canvas')));
  assert.equal(await stat(card, 'c₁'), '2.00');
  assert.equal(await stat(card, 'c₂'), '4.00');
  const step = card.getByRole('button', { name: 'Step', exact: true });
  await step.click(); // assign
  assert.equal(await stat(card, 'c₂'), '4.00');
  assert.equal(await stat(card, 'inertia'), '112.00'); // 1+0+1 + 25+36+49 with the new labels
  assert.deepEqual(await card.locator('tbody tr td:last-child').allTextContents(), ['c₁', 'c₁', 'c₁', 'c₂', 'c₂', 'c₂']);
  await step.click(); // move
  assert.equal(await stat(card, 'c₁'), '2.00');
  assert.equal(await stat(card, 'c₂'), '10.00');
  assert.equal(await stat(card, 'inertia'), '4.00');
  // The update is explained from what the widget shows: each centroid's new place (its stat) and
  // the group it averaged (the "joins" column of the assignment before).
  const explainText = () => card.locator('.dw-explain').textContent();
  assert.equal(await explainText(), `Half-step 2, the averages (the update step): c₁ goes to ${await stat(card, 'c₁')}, the average of {1, 2, 3}; c₂ goes to ${await stat(card, 'c₂')}, the average of {9, 10, 11}. The inertia is now ${await stat(card, 'inertia')}.`);
  await step.click(); // check
  assert.match(await explainText(), /^Last press: measured from 2\.00 and 10\.00, no point has a nearer centroid/);
  assert.match(await card.locator('.dw-message').textContent(), /Converged after 1 update/);
  // The engine agrees with what is shown.
  const expected = await inEngine(page, (ml) => {
    const km = new ml.KMeans();
    try { km.setK(2); km.setData([1, 2, 3, 9, 10, 11], 1, []); km.setCentroids([2, 4]); km.fit(100); return [...km.centroids(), km.inertia()]; } finally { km.delete(); }
  });
  assert.deepEqual(expected, [2, 10, 4]);
  // Keyboard: the selected starting centroid moves and the example restarts from it.
  await card.locator('canvas').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await stat(card, 'c₁'), '2.50');
  assert.equal(await stat(card, 'iteration'), '0');
  // Enter selects c₂; Shift+Right (5 units a press) stops at the end of the drawn axis, 22.
  await page.keyboard.press('Enter');
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await stat(card, 'c₂'), '22.00');
  assert.match(await card.locator('canvas').getAttribute('aria-label'), /^Number line from 0\.0 to 22\.0:/);
  // From 20 on every point is nearer c₁: c₂ ends as an empty cluster.
  for (let i = 0; i < 3; i++) await step.click();
  assert.deepEqual(await card.locator('tbody tr td:last-child').allTextContents(), ['c₁', 'c₁', 'c₁', 'c₁', 'c₁', 'c₁']);
  assert.equal(await stat(card, 'inertia'), '100.00');
  assert.match(await card.locator('.dw-explain').textContent(), /c₂ has no points at all/);
  // On the way, the update said so: c₂ had nothing to average and stayed where it started.
  await card.getByRole('button', { name: 'Rewind', exact: true }).click();
  await step.click(); await step.click();
  assert.equal(await card.locator('.dw-explain').textContent(), 'Half-step 2, the averages (the update step): c₁ goes to 6.00, the average of {1, 2, 3, 9, 10, 11}; c₂ has no points to average and stays at 22.00. The inertia is now 100.00.');
  await step.click();
  assert.match(await card.locator('.dw-message').textContent(), /One centroid ended with no points/);
  // c₁ starts at 2.5 here (moved above), so the limit is 2·11 − 2.5 = 19.5: at 19.5 point 11
  // is a tie (still an empty cluster), at 19 both clumps are found.
  await card.locator('canvas').focus();
  await page.keyboard.press('Enter'); await page.keyboard.press('Enter'); // c₁, then c₂ again
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  assert.equal(await stat(card, 'c₂'), '19.50');
  for (let i = 0; i < 4; i++) await step.click();
  assert.equal(await stat(card, 'inertia'), '100.00');
  await card.locator('canvas').focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await stat(card, 'c₂'), '19.00');
  for (let i = 0; i < 8; i++) await step.click();
  assert.equal(await stat(card, 'inertia'), '4.00');
  await assertClean(page);
  await page.close();
});

// Audit 8 (R1 item 5): the phase chips read "Assign · Move · Check" while the lesson and the
// widget's own lines name the half-steps "Nearest centroid", "Average" and "Nothing changes". The
// chips now carry the lesson's names, each lights with the line that explains it, and the lines
// still give the standard names (the assignment step, the update step) the lesson pairs them with.
test('k-means by hand: the phase chips name the half-steps as the lesson does, and light with the line that explains each', async () => {
  const lesson = readFileSync(new URL('../../lessons/kmeans.md', import.meta.url), 'utf8');
  assert.match(lesson, /^1\. \*\*Nearest centroid\*\* \(the assignment step\)\./m);
  assert.match(lesson, /^2\. \*\*Average\*\* \(the update step\)\./m);
  assert.match(lesson, /^- \*\*Nothing changes\.\*\* Assigning once more/m);
  const page = await openPage(site, '/lessons/kmeans.html', { reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: 'One k-means iteration by hand' });
  const step = card.getByRole('button', { name: 'Step', exact: true });
  const chips = card.locator('.dw-phase span');
  assert.deepEqual(await chips.allTextContents(), ['1 Nearest centroid', '2 Average', '3 Nothing changes']);
  assert.equal(await card.locator('.dw-phase .dw-active').count(), 0, 'no half-step before the first Step');
  const active = () => card.locator('.dw-phase .dw-active').textContent();
  const line = () => card.locator('.dw-explain').textContent();
  await step.click();
  assert.equal(await active(), '1 Nearest centroid');
  assert.match(await line(), /^Half-step 1, the nearest centroid \(the assignment step\): /);
  await step.click();
  assert.equal(await active(), '2 Average');
  assert.match(await line(), /^Half-step 2, the averages \(the update step\): /);
  await step.click();
  assert.equal(await active(), '3 Nothing changes');
  assert.match(await line(), /No colour changes, so the averages and the centroids stay as they are: k-means has converged\./);
  for (const retired of ['Assign', 'Move', 'Check']) assert.ok(!(await chips.allTextContents()).some((c) => c.endsWith(` ${retired}`)), retired);
  await assertClean(page);
  await page.close();
});

// Audit 8 (R2 item 6): own points at 1.5, 2.5, 3.5 … made the first half-step say "Point 4, for
// one, lies 0.50 from c₂": the example point was rounded to a whole number. A point is named as
// the table shows it (two decimals), trailing zeros dropped, in the lines and the figure's label.
test('k-means by hand: own points with decimals are named as the table shows them (3.5, never 4)', async () => {
  const page = await openPage(site, '/embed.html?w=kmeans-by-hand&points=1.5,2.5,3.5,9,10,12.25', { reducedMotion: 'reduce' });
  const card = page.locator('.dw-card');
  const step = card.getByRole('button', { name: 'Step', exact: true });
  assert.deepEqual(await card.locator('tbody tr td:first-child').allTextContents(), ['1.50', '2.50', '3.50', '9.00', '10.00', '12.25']);
  assert.match(await card.locator('canvas').first().getAttribute('aria-label'), /: points 1\.5, 2\.5, 3\.5, 9, 10, 12\.25; centroid 1 at 2\.00/);
  await step.click();
  const [, d2, d1] = await card.locator('tbody tr').nth(2).locator('td').allTextContents();
  assert.deepEqual([d2, d1], ['1.50', '0.50'], 'the table: 3.5 is 1.50 from c₁ and 0.50 from c₂');
  assert.equal(await card.locator('.dw-explain').textContent(), `Half-step 1, the nearest centroid (the assignment step): each point takes the colour of the centroid closer to it, which gives c₁ {1.5, 2.5} and c₂ {3.5, 9, 10, 12.25}. Point 3.5, for one, lies ${d1} from c₂ (at 4.00) but ${d2} from c₁ (at 2.00). The centroids stay put in this half-step; the inertia shown already counts the new groups.`);
  await step.click();
  assert.match(await card.locator('.dw-explain').textContent(), /c₁ goes to 2\.00, the average of \{1\.5, 2\.5\}; c₂ goes to 8\.69, the average of \{3\.5, 9, 10, 12\.25\}/);
  await assertClean(page);
  await page.close();
});

test('k-means by hand: predict the final inertia from c₂ = 20 (held, then missed)', async () => {
  const page = await openPage(site, '/lessons/kmeans.html', { reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: 'One k-means iteration by hand' });
  const step = card.getByRole('button', { name: 'Step', exact: true });
  const id = 'kmeans-final-inertia';
  await card.locator('canvas').focus();
  await page.keyboard.press('Enter');                   // select c₂
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');   // 4 → 19
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');         // → 20
  assert.equal(await stat(card, 'c₂'), '20.00');
  await lockPrediction(card, id, '100');
  for (let i = 0; i < 6; i++) await step.click();
  let v = await verdict(card, id);
  assert.equal(v.result, 'held');
  assert.match(v.text, /you said 100\.00, and it came out 100\.00 \(within ± 1\)\. Starting from c₁ = 2\.00 and c₂ = 20\.00, k-means stopped at c₁ = 6\.00, c₂ = 20\.00/);
  assert.match(v.text, /One centroid never won a point/);
  // After a Step, predicting is refused until Rewind (which keeps c₂ at 20) or Reset.
  await lockPrediction(card, id, '4').catch(() => {});
  assert.match((await verdict(card, id, 0)).text, /Predict before the first Step: press Rewind to go back to your start/);
  await card.getByRole('button', { name: 'Rewind' }).click();
  assert.equal(await stat(card, 'c₂'), '20.00');
  await lockPrediction(card, id, '4');
  for (let i = 0; i < 6; i++) await step.click();
  v = await verdict(card, id);
  assert.equal(v.result, 'missed');
  await assertClean(page);
  await page.close();
});

// From the lesson's start the inertia reads 112.00 after both the first and the second half-step's
// neighbour (an assignment that changes nothing costs nothing): the verdict's words must not say
// that every step lowered it.
test('k-means by hand: the verdict from the lesson\'s start says no half-step raises the inertia, not that each lowered it', async () => {
  const page = await openPage(site, '/lessons/kmeans.html', { reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: 'One k-means iteration by hand' });
  const step = card.getByRole('button', { name: 'Step', exact: true });
  const id = 'kmeans-final-inertia';
  await lockPrediction(card, id, '4');
  const seen = [await stat(card, 'inertia')];
  for (let i = 0; i < 6; i++) { await step.click(); seen.push(await stat(card, 'inertia')); }
  assert.ok(seen.some((v, i) => i > 0 && v === seen[i - 1]), `some half-step leaves the inertia as it was: ${seen.join(' → ')}`);
  const v = await verdict(card, id);
  assert.equal(v.result, 'held');
  assert.match(v.text, /Both centroids ended with points of their own\. No half-step ever raises the inertia: each lowered it or left it as it was, until no label changed\./);
  assert.doesNotMatch(v.text, /each step lowered/);
  await assertClean(page);
  await page.close();
});

test('k-means by hand: a prediction that is not a number, or below 0, is refused in words and nothing is recorded', async () => {
  const page = await openPage(site, '/lessons/kmeans.html', { reducedMotion: 'reduce' });
  await listenForReports(page);
  const card = page.locator('.dw-card').filter({ hasText: 'One k-means iteration by hand' });
  const box = card.locator('[data-predict="kmeans-final-inertia"]');
  const lock = box.getByRole('button', { name: 'Lock in my prediction' });
  const status = box.getByRole('status');
  // Each refusal says what was wrong with what was typed, in the check-yourself reader's words.
  for (const [typed, refusal] of [['', /^The box was left empty: type a number \(final inertia\)\.$/], ['abc', /^"abc" is not a number: type a number \(final inertia\)\.$/], ['NaN', /^"NaN" is not a number: type a number/],
    ['1e999', /^"1e999" is too large to read: type a number \(final inertia\)\.$/], ['50%', /^"50%" has a % sign, but this is a plain number, not a percentage: type it without %\.$/],
    ['1,000', /^"1,000" could be 1000 or 1\.000 \(type decimals with a point and no thousands separator\)\.$/], ['x'.repeat(300), new RegExp(`^"${'x'.repeat(20)}" is not a number`)],
    ['-0.5', /^-0\.5 is below 0, the least allowed here \(final inertia\)\.$/]]) {
    await box.locator('input').fill(typed);
    await lock.click();
    assert.match(await status.textContent(), refusal, `typed "${typed}"`);
    assert.equal(await box.getAttribute('data-state'), null, `"${typed}" locked nothing`);
    assert.equal(await box.locator('input').isDisabled(), false);
  }
  // A decimal comma is read as a point and locks in.
  await box.locator('input').fill('4,5');
  await box.locator('input').press('Enter');
  assert.equal(await box.getAttribute('data-state'), 'committed');
  assert.match(await status.textContent(), /Your prediction: 4\.50\./);
  assert.deepEqual(await reportedEvents(page), [], 'refusals and a lock-in report nothing until the outcome is seen');
  await assertClean(page);
  await page.close();
});

test('k-means by hand: keys 1 and 2 choose the centroid the arrows move, said before focus; Reset returns to the lesson\'s start, Rewind keeps yours', async () => {
  const page = await openPage(site, '/lessons/kmeans.html', { reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: 'One k-means iteration by hand' });
  const canvas = card.locator('canvas');
  const keysNow = card.locator('.dw-keys-now');
  const msg = () => card.locator('.dw-message').textContent();
  assert.equal(await keysNow.textContent(), 'Keyboard: focus the number line; the arrow keys move c₁. Press 1 or 2 to choose which centroid.', 'visible before the line has focus');
  assert.ok(await keysNow.isVisible());
  await canvas.focus();
  assert.match(await msg(), /Left\/Right move c₁ \(Shift for bigger moves\); press 2 or Enter to move c₂ instead/);
  await page.keyboard.press('2');
  assert.equal(await msg(), 'The arrow keys now move c₂ (at 4.00).');
  assert.match(await keysNow.textContent(), /the arrow keys move c₂\./);
  assert.match(await canvas.getAttribute('aria-label'), /The arrow keys move c₂;/);
  // The lesson's keyboard route to c₂ = 20: Shift+right is 5 units, right half a unit.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await stat(card, 'c₁'), '2.00', 'c₁ stays where the lesson asks');
  assert.equal(await stat(card, 'c₂'), '20.00');
  // 1 picks c₁ again: pushed right to the end of the axis, 22.
  await page.keyboard.press('1');
  assert.equal(await msg(), 'The arrow keys now move c₁ (at 2.00).');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await stat(card, 'c₁'), '22.00');
  const step = card.getByRole('button', { name: 'Step', exact: true });
  await step.click(); await step.click();
  assert.equal(await stat(card, 'iteration'), '1');
  // Rewind undoes the Steps and keeps the centroids where they were put.
  await card.getByRole('button', { name: 'Rewind' }).click();
  assert.equal(await stat(card, 'iteration'), '0');
  assert.deepEqual([await stat(card, 'c₁'), await stat(card, 'c₂')], ['22.00', '20.00']);
  // Reset goes back to the lesson's start, c₁ = 2 and c₂ = 4.
  await step.click();
  await card.getByRole('button', { name: 'Reset' }).click();
  assert.deepEqual([await stat(card, 'c₁'), await stat(card, 'c₂'), await stat(card, 'iteration')], ['2.00', '4.00', '0']);
  assert.equal(await msg(), 'Centroids start at c₁ = 2.00 and c₂ = 4.00. Press Step to assign the points.');
  assert.match(await canvas.getAttribute('aria-label'), /^Number line from 0\.0 to 22\.0: points 1, 2, 3, 9, 10, 11; centroid 1 at 2\.00, centroid 2 at 4\.00/);
  await assertClean(page);
  await page.close();
});

test('k-means by hand: a start already run to the end is not predicted again (its inertia was on screen); a new start is', async () => {
  const page = await openFreshPage(site, '/lessons/kmeans.html', { reducedMotion: 'reduce' });
  await page.evaluate(() => { window.__q = []; document.addEventListener('dw:score', (e) => window.__q.push(e.detail.widget)); });
  const card = page.locator('.dw-card').filter({ hasText: 'One k-means iteration by hand' });
  const step = card.getByRole('button', { name: 'Step', exact: true });
  const id = 'kmeans-final-inertia';
  await card.locator('canvas').focus();
  await page.keyboard.press('Enter');                   // select c₂
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');   // 4 → 19
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');         // → 20
  for (let i = 0; i < 6; i++) await step.click();       // converged: inertia 100 on screen
  await card.getByRole('button', { name: 'Rewind' }).click();
  assert.equal(await stat(card, 'c₂'), '20.00');
  await lockPrediction(card, id, '100').catch(() => {});
  assert.match((await verdict(card, id, 0)).text, /already stepped k-means from c₁ = 2\.00 and c₂ = 20\.00/);
  assert.equal(await predictBox(card, id).getAttribute('data-state'), null, 'not locked');
  await card.locator('canvas').focus();
  await page.keyboard.press('ArrowLeft');               // c₂ = 19.5, a start not run yet
  await lockPrediction(card, id, '4');
  for (let i = 0; i < 8; i++) await step.click();
  assert.ok(['held', 'missed'].includes((await verdict(card, id)).result));
  assert.deepEqual((await page.evaluate(() => window.__q)).filter((w) => w === `predict:${id}`), [`predict:${id}`]);
  await assertClean(page);
  await page.close();
});

// From c₂ = 20 the second Step already shows the final inertia, 100: Steps taken with nothing
// locked (then Rewind), or a prediction changed after Steps (then Rewind), leave that start
// closed to a prediction, as a run to the end does.
test('k-means by hand: a start stepped part-way before locking, or a prediction changed after Steps, is not predicted again', async () => {
  for (const order of ['stepped first', 'changed after Steps']) {
    const page = await openPage(site, '/lessons/kmeans.html', { reducedMotion: 'reduce' });
    await listenForReports(page);
    const card = page.locator('.dw-card').filter({ hasText: 'One k-means iteration by hand' });
    const step = card.getByRole('button', { name: 'Step', exact: true });
    const id = 'kmeans-final-inertia';
    const box = predictBox(card, id);
    await card.locator('canvas').focus();
    await page.keyboard.press('Enter');                   // select c₂
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');   // 4 → 19
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');         // → 20
    if (order === 'changed after Steps') await lockPrediction(card, id, '4');
    for (let i = 0; i < 2; i++) await step.click();
    assert.equal(await stat(card, 'inertia'), '100.00', 'the final inertia is on screen after two Steps');
    assert.doesNotMatch(await card.locator('.dw-message').textContent(), /Converged/);
    if (order === 'changed after Steps') await box.getByRole('button', { name: 'Change my prediction' }).click();
    await card.getByRole('button', { name: 'Rewind' }).click();
    assert.equal(await stat(card, 'c₂'), '20.00');
    await lockPrediction(card, id, '100').catch(() => {});
    assert.match((await verdict(card, id, 0)).text, /already stepped k-means from c₁ = 2\.00 and c₂ = 20\.00/, order);
    assert.notEqual(await box.getAttribute('data-state'), 'committed', 'not locked');
    for (let i = 0; i < 6; i++) await step.click();
    assert.deepEqual(await reportedEvents(page), [], 'nothing recorded');
    await assertClean(page);
    await page.close();
  }
});

// Points an embedder gives that cannot be used are refused in the settings note, which stays
// through the Steps (the message line, which said it before, was at once taken by the start).
test('k-means by hand: points that are not 2 to 12 numbers from −20 to 40 are refused in a note that stays; 12 and the range ends are used', async () => {
  const refused = (given) => `Settings adjusted (in the page address): points="${given}" is not a list of 2 to 12 numbers between −20 and 40; using 1, 2, 3, 9, 10, 11.`;
  const thirteen = Array.from({ length: 13 }, (_, i) => i + 1).join(',');
  const page = await openPage(site, '/embed.html?w=kmeans-by-hand&points=abc', { reducedMotion: 'reduce' });
  const card = page.locator('.dw-card');
  const notes = () => card.locator('.dw-notes').textContent();
  const rows = () => card.locator('tbody tr td:first-child').allTextContents();
  const defaults = ['1.00', '2.00', '3.00', '9.00', '10.00', '11.00'];
  assert.equal(await notes(), refused('abc'));
  assert.match(await card.locator('.dw-message').textContent(), /^Centroids start at c₁ = 2\.00 and c₂ = 4\.00\. Press Step/);
  assert.deepEqual(await rows(), defaults);
  await card.getByRole('button', { name: 'Step', exact: true }).click();
  assert.match(await card.locator('.dw-message').textContent(), /^Assignment done/);
  assert.equal(await notes(), refused('abc'), 'the refusal outlasts the first Step');
  for (const given of [thirteen, '1,2,NaN,99', '1e400,2', '5', '-21,3', '3,40.5']) {
    await page.goto(`${site.base}/embed.html?w=kmeans-by-hand&points=${given}`);
    await widgetsReady(page);
    assert.equal(await notes(), refused(given), given);
    assert.deepEqual(await rows(), defaults, given);
  }
  // At the limits: 12 points, and the range's ends, are used without a note.
  const twelve = Array.from({ length: 12 }, (_, i) => i + 1);
  for (const [given, shown] of [[twelve.join(','), twelve.map((v) => `${v}.00`)], ['-20,40', ['-20.00', '40.00']]]) {
    await page.goto(`${site.base}/embed.html?w=kmeans-by-hand&points=${given}`);
    await widgetsReady(page);
    assert.equal(await notes(), '', given);
    assert.deepEqual(await rows(), shown, given);
  }
  // Points given later: the refusal says it was the update; one that leaves the points alone keeps
  // the address's refusal where it came from; good points clear it.
  const update = (options) => page.evaluate((o) => document.getElementById('widget').dwHandle.update(o), options);
  await update({ points: 'x,y' });
  assert.equal(await notes(), refused('x,y').replace('page address', 'update'));
  await page.goto(`${site.base}/embed.html?w=kmeans-by-hand&points=abc`);
  await widgetsReady(page);
  await update({ c1: 3 });
  assert.equal(await notes(), refused('abc'));
  assert.equal(await stat(card, 'c₁'), '3.00');
  await update({ points: '1,5' });
  assert.equal(await notes(), '');
  assert.deepEqual(await rows(), ['1.00', '5.00']);
  await screenshot(page, 'kmeans-by-hand-bad-points');
  await assertClean(page);
  await page.close();
  // The lesson page's address is read the same way.
  const lesson = await openPage(site, '/lessons/kmeans.html#kmeans-by-hand.points=abc', { width: 375, reducedMotion: 'reduce' });
  const lessonCard = lesson.locator('.dw-card').filter({ hasText: 'One k-means iteration by hand' });
  assert.equal(await lessonCard.locator('.dw-notes').textContent(), refused('abc'));
  await screenshot(lesson, 'kmeans-by-hand-bad-points-375');
  await assertClean(lesson);
  await lesson.close();
});

test('keyboard: Escape on the number line keeps focus there (it does not throw focus to the page)', async () => {
  const page = await openPage(site, '/lessons/kmeans.html');
  const card = page.locator('.dw-card').filter({ hasText: 'One k-means iteration by hand' });
  const line = card.locator('canvas[tabindex="0"]');
  await line.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'CANVAS');
  assert.ok(await line.evaluate((c) => c === document.activeElement));
  await page.keyboard.press('ArrowRight'); // the keys still work
  assert.match(await card.locator('.dw-message').textContent(), /.+/);
  await page.close();
});
