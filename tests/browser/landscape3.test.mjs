// Landscape part 3: the AI timeline and the AI ⊃ ML ⊃ DL game (history lesson), and the matrix and
// dot-product playgrounds (vectors-and-matrices lesson). Numbers are checked against the engine
// called in the page; keyboard, click and drag interactions must change the readouts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';
import { canvasInk, statReader, noNaN } from './landscape-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const engine = (page, fn, arg) => page.evaluate(async ([src, a]) => {
  const { loadEngine } = await import('/engine/index.js');
  const ml = await loadEngine();
  // eslint-disable-next-line no-new-func
  return new Function('ml', 'a', src)(ml, a);
}, [fn, arg]);

test('ai-timeline: keyboard, buttons and clicks move between events; the story and links follow', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/history-of-ai.html`);
    await widgetsReady(page);
    const card = page.locator('.dw-card', { hasText: 'Eighty years of AI' });
    const stat = statReader(page, card);
    const canvas = card.locator('canvas').first();
    const ink = await canvasInk(page, '.dw-card canvas >> nth=0');
    assert.ok(ink.colours > 4, 'timeline drawn');
    assert.equal(await stat('year'), '1943');
    assert.equal(await stat('event'), '1 of 19');
    assert.match(await card.locator('.dwl3-event').textContent(), /McCulloch and Pitts/);
    assert.equal(await card.locator('.dwl3-event').getAttribute('aria-live'), 'polite');

    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await stat('year'), '1950');
    assert.match(await card.locator('.dwl3-event-title').textContent(), /Turing/);
    await page.keyboard.press('ArrowDown');
    assert.equal(await stat('year'), '1956');
    assert.equal(await stat('era'), 'Symbolic AI');
    await page.keyboard.press('End');
    assert.equal(await stat('year'), '2023–24');
    assert.equal(await stat('era'), 'Deep learning');
    await page.keyboard.press('Shift+ArrowLeft');
    assert.equal(await stat('year'), '2016');
    await page.keyboard.press('ArrowRight');
    assert.equal(await stat('year'), '2017');
    const link = card.locator('.dwl3-event-links a');
    assert.equal(await link.count(), 1);
    assert.match(await link.getAttribute('href'), /\/lessons\/attention-toy\.html$/);
    await page.keyboard.press('Home');
    assert.equal(await stat('year'), '1943');
    await card.getByRole('button', { name: 'Later →' }).click();
    assert.equal(await stat('year'), '1950');
    await card.getByRole('button', { name: '← Earlier' }).click();
    assert.ok(await card.getByRole('button', { name: '← Earlier' }).isDisabled());

    if (width === 1280) {
      // A click on the 1969 marker on the axis (horizontal layout: 24 px margins, axis at 52 % height).
      const box = await canvas.boundingBox();
      const x = 24 + ((1969 - 1940) / (2026 - 1940)) * (box.width - 48);
      await page.mouse.click(box.x + x, box.y + Math.round(box.height * 0.52));
      assert.equal(await stat('year'), '1969');
      assert.match(await card.locator('.dwl3-event-detail').textContent(), /XOR/);
      assert.equal(await stat('era'), 'Symbolic AI');
      await page.keyboard.press('ArrowRight');
    } else {
      const box = await canvas.boundingBox();
      assert.ok(box.height > box.width, 'vertical layout on a phone');
    }
    await screenshot(page, `landscape3-history-${width}`);
    assert.ok(await noNaN(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('ai-hierarchy: placing techniques gives instant, explained feedback and a score', async () => {
  const page = await site.newPage({ width: 1280 });
  await page.goto(`${site.base}/lessons/history-of-ai.html`);
  await widgetsReady(page);
  const card = page.locator('.dw-card', { hasText: 'sort them' });
  const stat = statReader(page, card);
  const message = card.locator('.dw-message');
  const ink = await canvasInk(page, '.dw-card canvas >> nth=1');
  assert.ok(ink.colours > 4, 'nested sets drawn');
  assert.equal(await stat('sorted'), '0 of 11');

  await card.getByRole('button', { name: 'ML: machine learning but not deep learning' }).click();
  assert.match(await message.textContent(), /Pick a technique first/);

  await card.getByRole('button', { name: 'k-means clustering' }).click();
  assert.equal(await card.getByRole('button', { name: 'k-means clustering' }).getAttribute('aria-pressed'), 'true');
  await card.getByRole('button', { name: 'ML: machine learning but not deep learning' }).click();
  assert.match(await message.textContent(), /^Right: k-means clustering/);
  assert.match(await message.textContent(), /no layered network/);
  assert.equal(await message.getAttribute('data-tone'), 'ok');
  assert.equal(await stat('right first time'), '1 / 1');
  assert.equal(await card.getByRole('button', { name: 'k-means clustering' }).count(), 0, 'placed chips leave the tray');

  await card.getByRole('button', { name: 'Linear regression' }).click();
  await card.getByRole('button', { name: 'DL: deep learning' }).click();
  assert.match(await message.textContent(), /^Not deep learning: Linear regression belongs in machine learning but not deep learning/);
  assert.match(await message.textContent(), /not a stack of learned layers/);
  assert.equal(await message.getAttribute('data-tone'), 'bad');
  assert.equal(await stat('right first time'), '1 / 2');
  await card.getByRole('button', { name: 'ML: machine learning but not deep learning' }).click();
  assert.equal(await stat('right first time'), '1 / 2', 'a second try does not score');
  assert.equal(await stat('sorted'), '2 of 11');

  // Choosing a set by clicking inside the figure: the top band of the canvas is "AI only".
  await card.getByRole('button', { name: 'Expert system (if-then rules)' }).click();
  await card.locator('canvas').scrollIntoViewIfNeeded();
  const box = await card.locator('canvas').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + 12);
  assert.match(await message.textContent(), /^Right: Expert system/);
  assert.equal(await stat('right first time'), '2 / 3');
  // Keyboard: Tab to a chip and press Enter, then a set button.
  await card.getByRole('button', { name: 'Convolutional network for photos' }).focus();
  await page.keyboard.press('Enter');
  await card.getByRole('button', { name: 'DL: deep learning' }).focus();
  await page.keyboard.press('Enter');
  assert.match(await message.textContent(), /^Right: Convolutional network/);
  assert.equal(await stat('sorted'), '4 of 11');
  await card.getByRole('button', { name: 'Start again' }).click();
  assert.equal(await stat('sorted'), '0 of 11');
  assert.ok(await noNaN(page));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('ai-hierarchy: sorting all 11 reports the result once through dw:score and dw:complete', async () => {
  const { TECHNIQUES, REGIONS } = await import('../../web/lib/ai-history.js');
  const page = await site.newPage({ width: 1280 });
  await page.goto(`${site.base}/lessons/history-of-ai.html`);
  await widgetsReady(page);
  await page.evaluate(() => {
    window.reports = [];
    for (const type of ['dw:score', 'dw:complete']) document.addEventListener(type, (e) => window.reports.push({ type, ...e.detail }));
  });
  const card = page.locator('.dw-card', { hasText: 'sort them' });
  const stat = statReader(page, card);
  const setButton = (region) => card.getByRole('button', { name: `${REGIONS[region].name}: ${REGIONS[region].long}` });
  // One deliberate mistake (linear regression into DL first), the rest right first time.
  await card.getByRole('button', { name: 'Linear regression' }).click();
  await setButton('dl').click();
  for (const t of TECHNIQUES) {
    await card.getByRole('button', { name: t.name, exact: true }).click();
    await setButton(t.region).click();
    if (t !== TECHNIQUES[TECHNIQUES.length - 1]) assert.deepEqual(await page.evaluate(() => window.reports), [], 'nothing is reported before the end');
  }
  assert.equal(await stat('sorted'), '11 of 11');
  assert.equal(await stat('right first time'), '10 / 11');
  const reports = await page.evaluate(() => window.reports);
  const detail = { widget: 'ai-hierarchy', title: 'AI, machine learning, deep learning: sort them', score: 10, max: 11 };
  assert.deepEqual(reports, [{ type: 'dw:score', ...detail }, { type: 'dw:complete', ...detail }]);
  assert.match(await card.locator('.dw-message').textContent(), /All 11 sorted, 10 right first time/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('matrix-transform: determinant, eigenvalues and eigenvectors agree with the engine', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/vectors-and-matrices.html`);
    await widgetsReady(page);
    const card = page.locator('.dw-card', { hasText: 'A matrix moves the whole plane' });
    const stat = statReader(page, card);
    const message = card.locator('.dw-message');
    const ink = await canvasInk(page, '.dw-card canvas >> nth=0');
    assert.ok(ink.colours > 6, 'plane drawn');
    const sym = await engine(page, 'return ml.matrix2Eigen([2, 1, 1, 2]);');
    assert.equal(await stat('det A'), '3.000');
    assert.equal(await stat('λ₁'), sym.values[0].toFixed(3));
    assert.equal(await stat('λ₁'), '3.000');
    assert.equal(await stat('λ₂'), '1.000');
    assert.match(await message.textContent(), /along \(0\.707, 0\.707\) vectors are scaled by 3\.000/);

    await card.getByLabel('preset').selectOption('shear');
    const detShear = await engine(page, 'return ml.matrix2Determinant([1, 1, 0, 1]);');
    assert.equal(detShear, 1);
    assert.equal(await stat('det A'), detShear.toFixed(3));
    assert.equal(await stat('area of square'), '× 1.000');
    assert.match(await message.textContent(), /Only one eigen-direction, \(1\.000, 0\.000\)/);

    await card.getByLabel('preset').selectOption('rotate');
    const rot = await engine(page, 'const r = 30 * Math.PI / 180; return ml.matrix2Eigen([Math.cos(r), -Math.sin(r), Math.sin(r), Math.cos(r)]);');
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
    const typed = await engine(page, 'return { det: ml.matrix2Determinant([3, 1, 1, 2]), e: ml.matrix2Eigen([3, 1, 1, 2]) };');
    assert.equal(await stat('det A'), typed.det.toFixed(3));
    assert.equal(await stat('λ₁'), typed.e.values[0].toFixed(3));
    await card.getByLabel('A entry b (row 1, column 2)').fill('99');
    assert.match(await message.textContent(), /between −10 and 10/);

    // Keyboard: arrows move the tip of Aî (first column) by 0.1.
    const canvas = card.locator('canvas').first();
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    const keyed = await engine(page, 'return ml.matrix2Determinant([3.1, 1, 1, 2]);');
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
    await page.waitForFunction(() => [...document.querySelectorAll('.dw-card output')].some((o) => o.textContent === '1.00' && /blend/.test(o.parentElement.textContent)), null, { timeout: 8000 });
    await card.getByRole('button', { name: 'Play' }).waitFor();
    await screenshot(page, `landscape3-matrix-${width}`);
    assert.ok(await noNaN(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('dot-product: a·b, |a||b|cos ω and the projection match the engine as the vectors move', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/vectors-and-matrices.html`);
    await widgetsReady(page);
    const card = page.locator('.dw-card', { hasText: 'The dot product' });
    const stat = statReader(page, card);
    const message = card.locator('.dw-message');
    const ink = await canvasInk(page, '.dw-card canvas >> nth=1');
    assert.ok(ink.colours > 4, 'vectors drawn');
    const ref = (a, b) => engine(page, `const [u, v] = a; const p = ml.vectorProjection(u, v);
      return { dot: ml.vectorDot(u, v), cos: ml.vectorCosine(u, v), angle: ml.vectorAngle(u, v) * 180 / Math.PI,
               scalar: p.scalar, product: p.normA * p.normB * ml.vectorCosine(u, v) };`, [a, b]);
    let e = await ref([3, 1], [1, 2]);
    assert.equal(await stat('a · b'), e.dot.toFixed(3));
    assert.equal(await stat('a · b'), '5.000');
    assert.equal(await stat('|a| |b| cos ω'), e.product.toFixed(3));
    assert.equal(await stat('ω'), `${e.angle.toFixed(1)}°`);
    assert.equal(await stat('cos ω'), e.cos.toFixed(3));
    assert.equal(await stat('shadow of a on b'), e.scalar.toFixed(3));
    assert.match(await message.textContent(), /point broadly the same way/);

    const canvas = card.locator('canvas').first();
    await canvas.focus();
    await page.keyboard.press('ArrowUp');
    e = await ref([3, 1.1], [1, 2]);
    assert.equal(await stat('a'), '(3.000, 1.100)');
    assert.equal(await stat('a · b'), e.dot.toFixed(3));
    assert.equal(await stat('shadow of a on b'), e.scalar.toFixed(3));

    await card.getByRole('button', { name: 'Perpendicular' }).click();
    assert.equal(await stat('a · b'), '0.000');
    assert.equal(await stat('ω'), '90.0°');
    assert.match(await message.textContent(), /perpendicular/);
    await card.getByRole('button', { name: 'Opposite' }).click();
    e = await ref([-3, -1], [2, 1]);
    assert.equal(await stat('a · b'), e.dot.toFixed(3));
    assert.ok(e.dot < 0);
    assert.match(await message.textContent(), /points away from b/);

    await card.getByRole('button', { name: 'Same direction' }).click();
    const before = await stat('a · b');
    await canvas.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    assert.notEqual(await stat('a · b'), before);

    // b → 0: the engine refuses the projection and the widget says so in words.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowDown');
    assert.equal(await stat('b'), '(0.000, 0.000)');
    assert.equal(await stat('shadow of a on b'), '–');
    assert.match(await message.textContent(), /b is the zero vector/);
    await page.keyboard.press('Shift+ArrowRight');
    assert.notEqual(await stat('shadow of a on b'), '–');
    await screenshot(page, `landscape3-dot-${width}`);
    assert.ok(await noNaN(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('dot-product: dragging a vector tip with the pointer', async () => {
  const page = await site.newPage({ width: 1280 });
  await page.goto(`${site.base}/lessons/vectors-and-matrices.html`);
  await widgetsReady(page);
  const card = page.locator('.dw-card', { hasText: 'The dot product' });
  const stat = statReader(page, card);
  const canvas = card.locator('canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  // Where a = (3, 1) sits on screen, from the plot's own mapping (margins 44/12/12/30, square units).
  const tip = await canvas.evaluate((c) => {
    const r = c.getBoundingClientRect();
    const aw = r.width - 56; const ah = r.height - 42;
    const sx = aw >= ah ? (4 * aw) / ah : 4; const sy = aw >= ah ? 4 : (4 * ah) / aw;
    return { x: r.left + 44 + ((3 + sx) / (2 * sx)) * aw, y: r.top + 12 + ((sy - 1) / (2 * sy)) * ah, unit: aw / (2 * sx) };
  });
  await page.mouse.move(tip.x, tip.y);
  await page.mouse.down();
  await page.mouse.move(tip.x - tip.unit, tip.y - tip.unit, { steps: 5 });
  await page.mouse.up();
  assert.equal(await stat('a'), '(2.000, 2.000)');
  const dot = await engine(page, 'return ml.vectorDot([2, 2], [1, 2]);');
  assert.equal(await stat('a · b'), dot.toFixed(3));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('matrix-transform: predict, then check — the shear keeps the area (held and missed)', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/vectors-and-matrices.html`);
  await widgetsReady(page);
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
