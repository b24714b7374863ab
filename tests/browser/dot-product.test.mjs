// The dot-product playground (vectors-and-matrices lesson): a·b, |a||b|cos ω and the projection
// match the engine as the vectors move, by keys and by pointer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, openPage } from './browser.mjs';
import { canvasInk, statReader, noNaNInCards, engineBody } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });


test('dot-product: a·b, |a||b|cos ω and the projection match the engine as the vectors move', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/vectors-and-matrices.html', { width });
    const card = page.locator('.dw-card', { hasText: 'The dot product' });
    const stat = statReader(page, card);
    const message = card.locator('.dw-message');
    const ink = await canvasInk(page, '.dw-card canvas >> nth=1');
    assert.ok(ink.colours > 4, 'vectors drawn');
    const ref = (a, b) => engineBody(page, `const [u, v] = a; const p = ml.vectorProjection(u, v);
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
    await screenshot(page, `dot-${width}`);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('dot-product: dragging a vector tip with the pointer', async () => {
  const page = await openPage(site, '/lessons/vectors-and-matrices.html', { width: 1280 });
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
  const dot = await engineBody(page, 'return ml.vectorDot([2, 2], [1, 2]);');
  assert.equal(await stat('a · b'), dot.toFixed(3));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

