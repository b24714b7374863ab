// A learner on a phone, by finger only (375 × 740, a mobile viewport with touch): a vertical swipe
// that starts on a chart nobody drags scrolls the page; a finger on a drag handle moves the handle
// and not the page, and a swipe that starts away from the handle scrolls; a horizontal drag surface
// still drags sideways and scrolls up and down; a canvas that only takes taps acts on a tap and
// ignores a swipe; checkbox rows and the site's top links are at least 24 px tall.
// Swipes go through CDP's Input.dispatchTouchEvent, so the compositor honours touch-action exactly
// as a phone does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, widgetsReady, afterNextFrame } from './browser.mjs';
import { cardAt, cardByTitle, message, stat } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// A lesson at 375 × 740 as a phone shows it: mobile viewport, touch input.
async function openPhone(slug) {
  const page = await site.newPage({ width: 375, height: 740 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 375, height: 740, deviceScaleFactor: 2, mobile: true });
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await page.goto(`${site.base}/lessons/${slug}.html`);
  await widgetsReady(page);
  page.finger = finger(page, cdp);
  page.closePhone = async () => {
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await cdp.detach();
    await page.close();
  };
  return page;
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

function finger(page, cdp) {
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  // Finger down at (x, y) (viewport CSS px), moved by (dx, dy) in `steps`, lifted; then the
  // page is given time to finish any scroll (no fling: the moves are slow enough).
  async function drag(x, y, dx, dy, steps = 12) {
    await touch('touchStart', [{ x, y }]);
    for (let i = 1; i <= steps; i++) {
      await touch('touchMove', [{ x: x + (dx * i) / steps, y: y + (dy * i) / steps }]);
      await pause(16);
    }
    await touch('touchEnd', []);
    await pause(150);
    await afterNextFrame(page);
  }
  async function tap(x, y) {
    await touch('touchStart', [{ x, y }]);
    await pause(40);
    await touch('touchEnd', []);
    await pause(100);
    await afterNextFrame(page);
  }
  return { drag, tap };
}

// The locator scrolled to the middle of the screen; its box in viewport coordinates.
async function centre(locator) {
  await locator.evaluate((e) => e.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await afterNextFrame(locator.page());
  return locator.boundingBox();
}
const scrollY = (page) => page.evaluate(() => window.scrollY);

// A vertical swipe (finger up 120 px) over the middle of `canvas`: how far the page scrolled.
async function swipeUpOver(page, canvas, { x = 0.5 } = {}) {
  const box = await centre(canvas);
  const before = await scrollY(page);
  const cx = box.x + box.width * x;
  const cy = box.y + box.height / 2;
  await page.finger.drag(cx, cy + 60, 0, -120);
  return (await scrollY(page)) - before;
}

// A point of `canvas` (offsets in CSS px from its top left) where the drag cursor says a handle is,
// found the way a mouse finds one: pointermove sets the grab cursor over what a press would grab.
async function handleOn(canvas) {
  return canvas.evaluate((c) => {
    const r = c.getBoundingClientRect();
    for (let y = 2; y < r.height; y += 3) {
      for (let x = 2; x < r.width; x += 3) {
        c.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + x, clientY: r.top + y, bubbles: true, pointerType: 'mouse' }));
        if (c.style.cursor === 'grab') return { x: x + 3, y: y + 3 };
      }
    }
    return null;
  });
}

test('touch: a swipe over a chart nobody drags scrolls the page (dartboards, network diagram)', async () => {
  const page = await openPhone('bias-variance');
  const board = cardByTitle(page, 'dartboard').locator('canvas').first();
  const over = await swipeUpOver(page, board);
  assert.ok(over > 60, `a swipe over the first dartboard scrolled ${over} px`);
  const style = await board.evaluate((c) => getComputedStyle(c).touchAction);
  assert.notEqual(style, 'none');
  await page.closePhone();

  const nn = await openPhone('neural-network-playground');
  const links = nn.locator('canvas.nnp-links').first();
  assert.ok(await swipeUpOver(nn, links) > 60, 'a swipe over the network diagram scrolls the page');
  // The output map scrolls too, until the learner edits the data: then a finger places and moves points.
  const map = nn.locator('.nnp-output canvas').first();
  assert.ok(await swipeUpOver(nn, map) > 60, 'a swipe over the output map scrolls the page');
  // (Edit points sits in the data panel, folded away at this width: pressed through the DOM.)
  const pressEdit = () => nn.evaluate(() => document.querySelector('.nnp-edit button').click());
  await pressEdit();
  assert.equal(await map.evaluate((c) => getComputedStyle(c).touchAction), 'none', 'editing the data keeps the finger on the map');
  await pressEdit();
  assert.notEqual(await map.evaluate((c) => getComputedStyle(c).touchAction), 'none');
  await nn.closePhone();
});

test('touch: fit-the-line: a finger on an end drags it and not the page; a swipe elsewhere scrolls', async () => {
  const page = await openPhone('fit-the-line');
  const card = cardAt(page, 0);
  const canvas = card.locator('canvas').first();
  const box = await centre(canvas);
  const handle = await handleOn(canvas);
  assert.ok(handle, 'an end handle is found on the canvas');
  const lineBefore = await stat(card, 'MSE');
  const y0 = await scrollY(page);
  await page.finger.drag(box.x + handle.x, box.y + handle.y, 0, -70);
  assert.equal(await scrollY(page), y0, 'dragging an end does not scroll the page');
  assert.notEqual(await stat(card, 'MSE'), lineBefore, 'dragging an end moves the line');
  // Away from both ends (the middle of the canvas, well above or below the line): the page scrolls.
  const lineNow = await stat(card, 'MSE');
  const { y: hy } = await handleOn(canvas);
  const x = 0.5;
  const yOff = hy < box.height / 2 ? box.height * 0.85 : box.height * 0.15;
  const before = await scrollY(page);
  await page.finger.drag(box.x + box.width * x, box.y + yOff, 0, yOff > box.height / 2 ? -100 : 100);
  assert.notEqual(await scrollY(page), before, 'a swipe away from the ends scrolls the page');
  assert.equal(await stat(card, 'MSE'), lineNow, 'and leaves the line where it was');
  await page.closePhone();
});

test('touch: a horizontal drag surface (threshold) drags sideways and scrolls up and down', async () => {
  const page = await openPhone('classification-metrics');
  const card = cardByTitle(page, 'Drag the threshold');
  const canvas = card.locator('canvas').first();
  const range = card.locator('input[type="range"]').first();
  const box = await centre(canvas);
  const handle = await handleOn(canvas);
  assert.ok(handle, 'the threshold line is found on the canvas');
  const before = Number(await range.inputValue());
  const y0 = await scrollY(page);
  await page.finger.drag(box.x + handle.x, box.y + box.height / 2, 60, 0);
  assert.ok(Number(await range.inputValue()) > before + 0.05, 'dragging the line sideways moves the threshold');
  assert.equal(await scrollY(page), y0);
  const moved = await swipeUpOver(page, canvas, { x: 0.1 });
  assert.ok(moved > 60, `a vertical swipe over the threshold chart scrolled ${moved} px`);
  await page.closePhone();
});

test('touch: attention-toy: a tap picks a query row; a swipe over the grid scrolls and changes nothing', async () => {
  const page = await openPhone('attention-toy');
  const card = cardAt(page, 0);
  const grid = card.locator('canvas').first();
  assert.equal(await stat(card, 'query'), '“sat” (3)');
  const moved = await swipeUpOver(page, grid);
  assert.ok(moved > 60, `a swipe over head 1's grid scrolled ${moved} px`);
  assert.equal(await stat(card, 'query'), '“sat” (3)', 'the swipe left the query as it was');
  // A tap on the row of "cat" (the second token) picks it.
  const box = await grid.boundingBox();
  const label = Math.min(44, box.width * 0.18);
  const s = (Math.min(box.width, box.height) - label) / 6;
  await page.finger.tap(box.x + box.width / 2, box.y + label + s * 1.5);
  assert.equal(await stat(card, 'query'), '“cat” (2)');
  await page.closePhone();
});

// The other canvases that only take taps: a swipe over any canvas of the card scrolls the page and
// leaves the card's message (what the lesson text describes) as it was; a tap still reads a point.
test('touch: tap-only canvases (feature map, kernel decision map, boosting points) ignore a swipe', async () => {
  for (const [slug, widget] of [['convolution-filters', 'convolution'], ['frontier-kernels', 'kernel-svm'], ['frontier-boosting', 'adaboost-rounds']]) {
    const page = await openPhone(slug);
    const scope = page.locator(`.dw-mount[data-widget="${widget}"]`);
    const canvases = scope.locator('.dw-stage canvas');
    const n = await canvases.count();
    assert.ok(n > 0, `${slug}: canvases found`);
    for (let i = 0; i < n; i++) {
      const canvas = canvases.nth(i);
      if ((await canvas.boundingBox()).height < 150) continue;
      const said = await message(scope);
      const moved = await swipeUpOver(page, canvas);
      assert.ok(moved > 60, `${slug}: a swipe over canvas ${i} scrolled ${moved} px`);
      assert.equal(await message(scope), said, `${slug}: a swipe over canvas ${i} changed nothing`);
    }
    await page.closePhone();
  }
});

test('touch: checkbox rows and the top links are at least 24 px tall', async () => {
  const page = await openPhone('svd');
  const label = page.getByText('log scale', { exact: false }).first();
  const box = await label.boundingBox();
  assert.ok(box.height >= 24, `the checkbox label is ${box.height} px tall`);
  const checkbox = page.getByLabel(/log scale/);
  const was = await checkbox.isChecked();
  await centre(label);
  const b = await label.boundingBox();
  await page.finger.tap(b.x + 4, b.y + b.height - 3); // the bottom of the row, below the text
  assert.equal(await checkbox.isChecked(), !was, 'a tap low on the row toggles the box');
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const link of await page.locator('.site-nav a').all()) {
    const h = (await link.boundingBox()).height;
    assert.ok(h >= 24, `a top link is ${h} px tall`);
  }
  await page.closePhone();
});
